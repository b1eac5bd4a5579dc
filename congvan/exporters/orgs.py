"""The organisation registry: agency name → mã định danh (QCVN 102:2016 OrganId), from a user's CSV.

An OrganId is assigned by the hub's registry and cannot be derived from a name, so edXML packets take them from
``--orgs orgs.csv``: a header row ``name,id`` and one agency a row (optional further columns ``address``,
``email``, ``telephone``, ``fax``, ``website`` fill the packet's contact fields). Names are matched the way the
extractors match agencies: `agency_key` (NFC, case, tone placement, dashes, "Ủy ban nhân dân" ≡ "UBND"),
then a fuzzy ratio of at least 0.85 on those keys, the nearest entry winning and a tie refused. A name that
matches nothing gets no id and a warning: never an invented one.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from congvan.extractors.agencies import agency_key

FUZZY = 0.85
#: Loose shape of an OrganId (research note §6): dot-separated groups, the last one letter-prefixed.
ORGAN_ID = re.compile(r"^[0-9A-Z]+(\.[0-9A-Z]+){2,3}$")
CONTACT = ("address", "email", "telephone", "fax", "website")


class RegistryError(ValueError):
    """A registry file that cannot be used; the message names the row."""


@dataclass(frozen=True)
class Org:
    """One registered agency."""

    name: str
    id: str
    contact: dict[str, str] = field(default_factory=dict)


@dataclass
class Registry:
    """Registered agencies."""

    orgs: list[Org] = field(default_factory=list)

    def find(self, name: str | None, warnings: list[str] | None = None) -> Org | None:
        """The agency registered under this name (exact key, else the single nearest at ≥ 0.85), or None;
        an ambiguous name adds a line to warnings."""
        if not name:
            return None
        key = agency_key(name)
        exact = [org for org in self.orgs if agency_key(org.name) == key]
        if exact:
            return exact[0]
        scored = sorted(((SequenceMatcher(None, key, agency_key(org.name)).ratio(), i) for i, org in
                         enumerate(self.orgs)), reverse=True)
        if not scored or scored[0][0] < FUZZY:
            return None
        if len(scored) > 1 and scored[1][0] == scored[0][0] and \
                self.orgs[scored[1][1]].id != self.orgs[scored[0][1]].id:
            _warn(warnings, f"'{name}' matches several registered agencies equally; no id used")
            return None
        return self.orgs[scored[0][1]]

    def organ_id(self, name: str | None, role: str, warnings: list[str]) -> str | None:
        """The OrganId of name, or None with a warning naming the role (sender, recipient)."""
        org = self.find(name, warnings)
        if org is None and name:
            _warn(warnings, f"no OrganId for {role} '{name}' in the organisation registry (--orgs): left out, "
                            "never guessed")
        return org.id if org else None


def same_agency(a: str, b: str) -> bool:
    """Whether two names mean the same agency: equal `agency_key`s, or keys at a fuzzy ratio ≥ 0.85."""
    ka, kb = agency_key(a), agency_key(b)
    return ka == kb or SequenceMatcher(None, ka, kb).ratio() >= FUZZY


def _warn(warnings: list[str] | None, message: str) -> None:
    if warnings is not None and message not in warnings:
        warnings.append(message)


def load(path: str | Path) -> Registry:
    """Read a registry CSV (UTF-8, BOM allowed); RegistryError for a missing column or a malformed id."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read ({exc})") from exc
    return parse(text, str(path))


def parse(text: str, label: str = "orgs") -> Registry:
    """A registry from CSV text with columns name,id (plus optional contact columns)."""
    reader = csv.DictReader(io.StringIO(text))
    columns = {c.strip().casefold(): c for c in reader.fieldnames or []}
    if "name" not in columns or "id" not in columns:
        raise RegistryError(f"{label}: needs a header row with the columns name,id")
    orgs = []
    for line, row in enumerate(reader, start=2):
        name, organ_id = (row.get(columns["name"]) or "").strip(), (row.get(columns["id"]) or "").strip()
        if not name and not organ_id:
            continue
        if not name or not ORGAN_ID.match(organ_id):
            raise RegistryError(f"{label}, line {line}: needs a name and an OrganId like 000.00.00.H41, "
                                f"not {organ_id!r}")
        contact = {c: (row.get(columns[c]) or "").strip() for c in CONTACT if c in columns}
        orgs.append(Org(name, organ_id, {k: v for k, v in contact.items() if v}))
    return Registry(orgs)
