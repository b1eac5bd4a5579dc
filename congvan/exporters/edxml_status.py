"""edXML status packets (trạng thái xử lý, QCVN 102:2016): the processing state of a received document.

Hubs carry progress at document level only (../shared/research/edxml.md §5): the receiver sends 01 (đã đến),
03 (đã tiếp nhận), 04 (phân công), 05 (đang xử lý), 06 (hoàn thành), or 02 (từ chối), back to the sender of
the document. There is no per-task element, so task detail goes in ``Description``.

congvan knows a document's tasks and, in the service's store, each task's status (``open``/``done``) and
derived state (``open_in_time``, ``open_overdue``, ``done_on_time``, ``done_late``). The mapping, chosen so that
each code says no more than the tasks show (the note marks this reading as inferred):

======================================================  ====  ==========================================
tasks of the document                                   code  why
======================================================  ====  ==========================================
none (nothing to process: a document for information)   03    it was received and registered; no work
some, not all with a lead (chủ trì), none done          03    received, but not every task is assigned
some, every one with a lead, none done                  04    every task is assigned; no result yet
some done, some open                                    05    processing is under way
all done                                                06    processing is complete
======================================================  ====  ==========================================

A replying agency reports on the tasks it leads or supports (all of them when the document names it in
none). Lateness has no code: ``Description`` counts the tasks done late and those overdue, then gives one line per
task ("Nhiệm vụ 2.a: Sở Xây dựng chủ trì, hạn 20/03/2024: đã hoàn thành 18/03/2024"). 01, 02 and the
update/recall codes (13, 15, 16) describe the văn thư's handling, not tasks, and are never written.

Layout: the root, envelope and namespace of an edoc packet; ``MessageHeader`` holds ``From`` (the replying
agency, 8 children), ``ResponseFor`` (sender's OrganId, the document's số/ký hiệu, date, DocumentId),
``StaffInfo``, ``StatusCode``, ``Description``, ``Timestamp``, in the order the note lists; no trace, body or
attachment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from congvan.exporters import clause_label, document_date, document_of, due_date, parse_date, vn_date
from congvan.exporters.edxml import Built, XmlWriter, write_organ
from congvan.exporters.orgs import Org, Registry, same_agency
from congvan.readers import edxml as packets

E = "edXML:"
#: The codes written, with the Description's first words (the samples' wording).
CODES = {
    "03": "Đã tiếp nhận văn bản điện tử, vào sổ văn bản đến",
    "04": "Đã phân công xử lý",
    "05": "Đang xử lý văn bản đến",
    "06": "Hoàn thành xử lý",
}


@dataclass
class Progress:
    """A document's tasks counted by state."""

    total: int = 0
    assigned: int = 0
    done: int = 0
    done_late: int = 0
    overdue: int = 0
    lines: list[str] = field(default_factory=list)


def task_state(task: dict, today: datetime | None = None) -> str:
    """The store's state of a task: its ``state``, else derived from ``status``/``done_at`` and the deadline."""
    if task.get("state"):
        return task["state"]
    deadline = due_date(task)
    if task.get("status") == "done":
        done_at = parse_date(task.get("done_at"))
        return "done_late" if deadline and done_at and done_at > deadline else "done_on_time"
    today_date = (today or datetime.now()).date()
    return "open_overdue" if deadline and today_date > deadline else "open_in_time"


def own_tasks(result: dict, agency: str | None) -> list[dict]:
    """The tasks the replying agency leads or supports; all of them when it is named in none (it replies for
    the whole document, e.g. as the office that received it)."""
    tasks = result.get("tasks") or []
    if not agency:
        return tasks
    own = [t for t in tasks if any(same_agency(agency, n) for n in (t.get("lead") or []) + (t.get("support") or []))]
    return own or tasks


def progress(result: dict, today: datetime | None = None, agency: str | None = None) -> Progress:
    """Count the tasks of a document (those of agency, see own_tasks) and describe each one."""
    counted = Progress()
    for task in own_tasks(result, agency):
        state = task_state(task, today)
        counted.total += 1
        counted.assigned += bool(task.get("lead"))
        counted.done += state.startswith("done")
        counted.done_late += state == "done_late"
        counted.overdue += state == "open_overdue"
        counted.lines.append(_task_line(task, state))
    return counted


def status_code(counted: Progress) -> str:
    """The document-level code for the counted tasks (see the table above)."""
    if counted.total == 0:
        return "03"
    if counted.done == counted.total:
        return "06"
    if counted.done:
        return "05"
    return "04" if counted.assigned == counted.total else "03"


def description(counted: Progress) -> str:
    """The status line, the counts, then one line per task."""
    code = status_code(counted)
    head = CODES[code]
    if counted.total:
        head += f": {counted.done}/{counted.total} nhiệm vụ hoàn thành"
        if counted.done_late:
            head += f", {counted.done_late} hoàn thành quá hạn"
        if counted.overdue:
            head += f", {counted.overdue} quá hạn chưa hoàn thành"
    return "\n".join([head + ".", *counted.lines])


def _task_line(task: dict, state: str) -> str:
    where = clause_label(task.get("clause")) or task.get("id") or ""
    parts = [f"Nhiệm vụ {where.removeprefix('mục ')}:"]
    if task.get("lead"):
        parts.append("; ".join(task["lead"]) + " chủ trì,")
    due = due_date(task)
    parts.append(f"hạn {vn_date(due)}:" if due else "không có hạn:")
    words = {"done_on_time": "đã hoàn thành", "done_late": "đã hoàn thành (quá hạn)",
             "open_in_time": "đang thực hiện", "open_overdue": "quá hạn, chưa hoàn thành"}[state]
    done_at = parse_date(task.get("done_at"))
    if state.startswith("done") and done_at:
        words += f" {vn_date(done_at)}"
    parts.append(words)
    return " ".join(parts)


def build(result: dict, replier: Org | None, registry: Registry | None = None,
          now: datetime | None = None) -> Built:
    """The status packet a receiving agency (replier) sends back for one document, as of now (default: now)."""
    registry = registry or Registry()
    warnings: list[str] = []
    doc = document_of(result)
    known = result.get("edxml") or {}
    sender_id = (known.get("from") or {}).get("organ_id") or registry.organ_id(doc.get("issuer"), "sender", warnings)
    if replier is None:
        warnings.append("no replying agency (--from) with an OrganId: From/OrganId left empty")
    document_id = known.get("document_id")
    issued = document_date(result)
    if not document_id:
        if sender_id and issued and doc.get("number"):
            document_id = f"{sender_id},{packets.packet_date(issued)},{doc['number']}"
        else:
            warnings.append("the document's DocumentId is unknown (it did not come in a packet and its sender id, "
                            "date or number is missing): ResponseFor/DocumentId left empty")
    now = now or datetime.now()
    counted = progress(result, now, replier.name if replier else None)
    stamp = now
    x = XmlWriter()
    x.open("edXML", f' xmlns="{packets.NAMESPACE}"')
    x.open(f"{E}edXMLEnvelope", f' xmlns:edXML="{packets.NAMESPACE}"')
    x.open(f"{E}edXMLHeader")
    x.open(f"{E}MessageHeader")
    write_organ(x, "From", replier, replier.name if replier else None, replier.name if replier else None)
    x.open(f"{E}ResponseFor")
    x.leaf(f"{E}OrganId", sender_id or "")
    x.leaf(f"{E}Code", doc.get("number"))
    x.leaf(f"{E}PromulgationDate", packets.packet_date(issued))
    x.leaf(f"{E}DocumentId", document_id)
    x.close(f"{E}ResponseFor")
    x.open(f"{E}StaffInfo")
    for tag in ("Department", "Staff", "Email", "Mobile"):
        x.leaf(f"{E}{tag}")
    x.close(f"{E}StaffInfo")
    x.leaf(f"{E}StatusCode", status_code(counted))
    x.leaf(f"{E}Description", description(counted))
    x.leaf(f"{E}Timestamp", packets.packet_timestamp(stamp))
    x.close(f"{E}MessageHeader")
    x.close(f"{E}edXMLHeader")
    x.close(f"{E}edXMLEnvelope")
    x.close("edXML")
    return Built(x.text(), warnings)
