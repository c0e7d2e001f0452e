"""Pydantic v2 input and output models of the anonymizer API."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Level = Literal["voivodeship", "powiat", "gmina", "district"]
Measure = Literal["persons", "households"]
Source = Literal["ops", "pup", "both", "all"]

GMINA_PATTERN = r"^[0-9]{7}$"


class RunEvent(BaseModel):
    """An outbox event of ingest (ids and causes only, never record contents)."""

    model_config = ConfigDict(extra="allow")

    id: int | None = None
    event: str | None = Field(default=None, max_length=64)
    cause: str | None = Field(default=None, max_length=64)
    cause_id: str | None = Field(default=None, max_length=200)
    institution_id: str | None = Field(default=None, max_length=64)


class RunRequest(BaseModel):
    """``POST /v1/runs``: ingest's body (``trigger``, ``gminas``, ``events``, ``date_from``,
    ``date_to``) or an operator's; no ``gminas`` (or an empty list) means all municipalities."""

    model_config = ConfigDict(extra="forbid")

    trigger: str = Field(default="api", max_length=32, pattern=r"^[a-z_]{1,32}$")
    gminas: list[str] | None = Field(default=None, max_length=3000)
    events: list[RunEvent] = Field(default_factory=list, max_length=10000)
    date_from: date | None = None
    date_to: date | None = None
    k: int | None = Field(default=None, description="Minimum count; never below 3.")
    p: float | None = Field(default=None, gt=0, lt=1)
    include_open_periods: bool = False
    as_of: date | None = Field(default=None, description="Periods ending by this date are closed.")
    monthly: bool | None = Field(
        default=None,
        description="Also publish the monthly layer (cell-key perturbation); default: the"
        " deployment's setting.",
    )
    full: bool = Field(
        default=False,
        description="Recompute and protect every block again, as a scheduled revision release"
        " does; by default a run recomputes only the blocks whose counts changed.",
    )

    def gmina_codes(self) -> list[str] | None:
        return sorted(set(self.gminas)) if self.gminas else None


class RunOut(BaseModel):
    id: uuid.UUID
    status: str
    gminas: list[str] | None
    trigger: str
    parameters: dict[str, Any]
    requests: int
    progress: dict[str, Any]
    reason: str | None
    release_id: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    coalesced: bool = False


class ReleaseOut(BaseModel):
    id: int
    method: str
    k: int
    parameters: dict[str, Any]
    periods: list[str]
    open_periods: list[str]
    as_of: date
    audit: dict[str, Any]
    published_at: datetime
    is_current: bool


class CellOut(BaseModel):
    """A suppressed cell has ``value``, ``rate`` and its interval null and ``suppressed``."""

    unit_code: str
    level: str
    category: str
    period: str
    period_kind: str
    measure: str
    source: str
    value: int | None
    suppressed: bool
    population: int | None
    rate: float | None
    rate_lower: float | None
    rate_upper: float | None
    revision_pending: bool = Field(
        default=False,
        description="A closed period's cell whose true value changed (a late record, a"
        " correction, an erasure): it keeps its last published value until the change can be"
        " shown safely.",
    )


class DiffOut(BaseModel):
    unit_code: str
    level: str
    category: str
    period: str
    measure: str
    source: str
    change: Literal["added", "removed", "changed"]
    old_value: int | None
    old_suppressed: bool | None
    new_value: int | None
    new_suppressed: bool | None
    difference: int | None


class BenchmarkMember(BaseModel):
    unit_code: str
    name: str
    status: Literal["published", "suppressed", "no_data"]
    value: int | None
    population: int | None
    rate: float | None
    rate_lower: float | None
    rate_upper: float | None
    comparison: Literal["higher", "similar", "lower"] | None
    rank: int | None
    below_average: bool | None


class BenchmarkOut(BaseModel):
    group: str
    release_id: int
    category: str
    period: str
    measure: str
    source: str
    indicator: str = "rate per 1000 residents, 95% Wilson interval"
    comparison_rule: str = "Fingertips: member interval against the group value"
    group_rate: float | None
    members_in_group_value: int
    members: list[BenchmarkMember]


class PeerGroupOut(BaseModel):
    code: str
    name: str
    description: str | None
    members: list[dict[str, str]]
