"""Request and response models of the HTTP API (for validation and the OpenAPI docs)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from congvan.schemas.models import DocumentResult


class TaskState(str, Enum):
    """The four states of government task tracking, derived from status, deadline, done_at and today."""

    done_on_time = "done_on_time"
    done_late = "done_late"
    open_in_time = "open_in_time"
    open_overdue = "open_overdue"


class TextDocument(BaseModel):
    """A document posted as JSON text instead of a file."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The document's text.")
    filename: str = Field("document.txt", description="Its name; the suffix picks the reader (.txt, .md, .html).")


class StoredDocument(DocumentResult):
    """A stored document: the pipeline's JSON (see the output contract) plus its store id."""

    id: str = Field(description="Store id (the first 16 hex digits of the first stored file's SHA-256).")


class TaskPatch(BaseModel):
    """A change of a task's status."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["done", "open"]
    done_at: date | None = Field(None, description="Day the task was done (status done only; default today).")

    @model_validator(mode="after")
    def _done_at_only_when_done(self) -> TaskPatch:
        if self.status == "open" and self.done_at is not None:
            raise ValueError("done_at is only allowed with status 'done'")
        return self


class TaskOut(BaseModel):
    """A stored task."""

    id: str = Field(description="Document id + '-' + clause path.")
    document_id: str
    clause: str
    title: str | None
    lead: list[str]
    support: list[str]
    deadline_date: date | None
    recurrence: str | None
    status: Literal["open", "done"]
    done_at: date | None
    state: TaskState
    seq: int = Field(description="Position in the order tasks were added (the feed's cursor).")


class Feed(BaseModel):
    """A page of the task feed."""

    tasks: list[TaskOut]
    next: str = Field(description="Cursor to pass as `since` on the next poll.")


class DocumentSummary(BaseModel):
    """One line of the document list."""

    id: str
    issuer: str | None
    number: str | None
    date: date | None
    type: str | None
    subject: str | None
    created_at: str
    task_count: int = Field(description="Tasks of the (corrected) document.")
    warning_count: int
    review_state: Literal["new", "reviewed"] = Field(description="'reviewed' once a clerk marked it Đã kiểm tra.")


class Problem(BaseModel):
    """An error."""

    detail: str | list = Field(description="What was wrong, in one line (a list of field errors for 422).")
    error_class: str | None = Field(None, description="For a refused document: too_large, encrypted, unreadable, "
                                                      "unsupported or timeout.")


class AuditEntry(BaseModel):
    """One write, as the audit log keeps it."""

    seq: int = Field(description="Position in the log (pass the last one seen as `since`).")
    at: str = Field(description="When (ISO 8601, UTC).")
    token_id: str | None = Field(description="The token's public id (None: written without a token).")
    token_name: str
    action: str = Field(description="document.create, task.status, token.create, token.revoke.")
    document_id: str | None
    task_id: str | None
    detail: dict = Field(description="What changed (task: [old, new] of status and done_at).")
