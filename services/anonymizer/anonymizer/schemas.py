"""Pydantic v2 input and output models of the anonymizer API."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.pagination import Page
from shared.validation import StoredText

Level = Literal["voivodeship", "powiat", "gmina", "district"]
Measure = Literal["persons", "households"]
Source = Literal["ops", "pup", "both", "all"]

MAX_BIGINT = 2**63 - 1
# A minimum count above any district's population publishes nothing; the bound keeps it an
# integer every layer can hold.
MAX_K = 1_000_000


class RunEvent(BaseModel):
    """An outbox event of ingest (ids and causes only, never record contents: other fields
    are dropped)."""

    id: int | None = Field(default=None, ge=0, le=MAX_BIGINT)
    event: StoredText | None = Field(default=None, max_length=64)
    cause: StoredText | None = Field(default=None, max_length=64)
    cause_id: StoredText | None = Field(default=None, max_length=200)
    institution_id: StoredText | None = Field(default=None, max_length=64)


class RunRequest(BaseModel):
    """``POST /v1/runs``: ingest's body (``trigger``, ``gminas``, ``events``, ``date_from``,
    ``date_to``) or an operator's; no ``gminas`` (or an empty list) means all municipalities."""

    model_config = ConfigDict(extra="forbid")

    trigger: str = Field(default="api", max_length=32, pattern=r"^[a-z_]{1,32}$")
    gminas: list[str] | None = Field(default=None, max_length=3000)
    events: list[RunEvent] = Field(default_factory=list, max_length=10000)
    date_from: date | None = None
    date_to: date | None = None
    k: int | None = Field(default=None, le=MAX_K, description="Minimum count; never below 3.")
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


RunStatus = Literal["pending", "running", "published", "failed", "held_back"]


class RunParameters(BaseModel):
    """What a run was asked for, after the deployment's defaults."""

    model_config = ConfigDict(extra="allow")

    k: int = Field(description="Minimum count of a published cell")
    p: float = Field(description="Protection ratio of the suppressed cells")
    include_open_periods: bool
    as_of: date | None = Field(default=None, description="Periods ending by this date are closed")
    monthly: bool = Field(default=False, description="The monthly layer is published too")
    full: bool = Field(default=False, description="Every block is recomputed")


class RunProgress(BaseModel):
    """Where a run is: its step, and the counts of the audit once published."""

    model_config = ConfigDict(extra="allow")

    step: Literal["planning", "aggregating", "protecting", "publishing", "published"] | None = None
    voivodeship: str | None = Field(default=None, description="The voivodeship being aggregated")
    voivodeship_number: int | None = Field(default=None, description="Its number in the run")
    voivodeships: int | None = Field(default=None, description="Voivodeships the run computes")
    block: str | int | None = Field(
        default=None,
        description="The block being protected (runs of earlier versions: a voivodeship's number)",
    )


class RunOut(BaseModel):
    id: uuid.UUID
    status: RunStatus
    gminas: list[str] | None = Field(description="TERC codes; null: every municipality")
    trigger: str
    parameters: RunParameters
    requests: int = Field(description="Requests coalesced into this run")
    progress: RunProgress
    reason: str | None = Field(description="Why the run failed or was held back")
    release_id: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    coalesced: bool = Field(
        default=False, description="The request joined a run already pending with its parameters"
    )


class ReleaseParameters(BaseModel):
    model_config = ConfigDict(extra="allow")

    k: int
    p: float
    include_open_periods: bool
    scope: list[str] | Literal["all"] | None = Field(
        default=None, description="The municipalities the run was asked for"
    )
    monthly: bool = False


class ProtectionRule(BaseModel):
    model_config = ConfigDict(extra="allow")

    k: int
    p: float
    rule: str


class RevisionSummary(BaseModel):
    model_config = ConfigDict(extra="allow")

    policy: str
    pending_cells: int
    blocks_fallen_back: int


class HeldBackBlock(BaseModel):
    model_config = ConfigDict(extra="allow")

    voivodeship: str
    periods: list[str]
    gminas: list[str] = Field(default_factory=list)


class BlockSummary(BaseModel):
    model_config = ConfigDict(extra="allow")

    computed: int
    unchanged_recomputed: int
    carried_over_cells: int
    held_back: list[HeldBackBlock]


class LossGroup(BaseModel):
    """The suppression of one (level, measure, source): counts, never a cell's value."""

    model_config = ConfigDict(extra="allow")

    level: Level
    measure: Measure
    source: Source
    cells: int
    suppressed: int
    primary: int
    secondary: int
    revision_pending: int
    suppressed_share: float
    in_suppressed_cells: int | None = Field(
        description="Persons (or households) in the suppressed cells, rounded; null below the"
        " minimum number of suppressed cells"
    )


class InformationLoss(BaseModel):
    model_config = ConfigDict(extra="allow")

    cells: int
    suppressed: int
    revision_pending: int = 0
    suppressed_share: float
    in_suppressed_cells: str = Field(description="How the group figures are made")
    groups: list[LossGroup]


class MonthlySummary(BaseModel):
    model_config = ConfigDict(extra="allow")

    method: str
    cells: int
    perturbed: int
    suppressed_with_quarter: int
    additive: bool
    in_lp_audit: bool


class ReleaseAudit(BaseModel):
    """What protecting the release did (counts, never values). Releases are immutable, and
    older ones may lack the parts added since: every part is optional."""

    model_config = ConfigDict(extra="allow")

    passed: bool | None = None
    cells: int | None = None
    primary: int | None = Field(default=None, description="Cells below k")
    secondary: int | None = Field(default=None, description="Cells hidden to protect them")
    rounds: int | None = None
    linear_programs: int | None = None
    components: int | None = None
    protection: ProtectionRule | None = None
    earlier_releases_frozen_cells: int | None = None
    revisions: RevisionSummary | None = None
    blocks: BlockSummary | None = None
    information_loss: InformationLoss | None = None
    monthly: MonthlySummary | None = None


class ReleaseOut(BaseModel):
    id: int
    method: str
    k: int
    parameters: ReleaseParameters
    periods: list[str]
    open_periods: list[str]
    as_of: date
    audit: ReleaseAudit
    published_at: datetime
    is_current: bool


class ReleasePage(Page):
    releases: list[ReleaseOut]


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


class CellPage(Page):
    release_id: int
    cells: list[CellOut]


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


class DiffPage(Page):
    release_id: int
    against: int
    changes: list[DiffOut]


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


class PeerGroupMember(BaseModel):
    unit_code: str
    name: str


class PeerGroupOut(BaseModel):
    code: str
    name: str
    description: str | None
    members: list[PeerGroupMember]
