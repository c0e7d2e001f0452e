"""Disclosure-controlled statistics (schema ``stats``): runs of the anonymizer, immutable
numbered releases, their cells, the frozen published values every later release is audited
against, and benchmarking peer groups.

Privacy (DESIGN §3): a suppressed cell has no value in any table (CHECK below); the views
``stats.published_release``, ``stats.published_cell`` and ``stats.current_cell`` (migration
0004) are all that map-tiles may read.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base

RUN_STATUSES = ("pending", "running", "published", "failed", "held_back")
RELEASE_STATUSES = ("published", "withdrawn")
LEVELS = ("voivodeship", "powiat", "gmina", "district")
MEASURES = ("persons", "households")
SOURCES = ("ops", "pup", "both", "all")
PERIOD_KINDS = ("quarter", "year", "month")
SUPPRESSIONS = ("primary", "secondary")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


class Run(Base):
    """A request to recompute releases; requests arriving while one is pending coalesce."""

    __tablename__ = "run"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(RUN_STATUSES)}", name="status"),
        Index("ix_run_status_created_at", "status", "created_at"),
        Index(
            "uq_run_idempotency_key",
            "idempotency_key",
            unique=True,
            postgresql_where=text("idempotency_key IS NOT NULL"),
        ),
        {"schema": "stats"},
    )

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    status: Mapped[str] = mapped_column(String(12), server_default="pending")
    # Municipalities asked for; NULL means all of them.
    gminas: Mapped[list[str] | None] = mapped_column(ARRAY(String(7)))
    trigger: Mapped[str] = mapped_column(String(32), server_default="api")
    parameters: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    # How many requests were merged into this run, and their events (ids, causes; no records).
    requests: Mapped[int] = mapped_column(Integer, server_default="1")
    events: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, server_default="[]")
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    progress: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    reason: Mapped[str | None] = mapped_column(Text)
    release_id: Mapped[int | None] = mapped_column(
        ForeignKey("stats.release.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Release(Base):
    """An immutable, numbered set of cells published in one transaction."""

    __tablename__ = "release"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(RELEASE_STATUSES)}", name="status"),
        CheckConstraint("k >= 3", name="k_min"),
        {"schema": "stats"},
    )

    # The release number: a sequence, so numbers only grow.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    status: Mapped[str] = mapped_column(String(12), server_default="published")
    method: Mapped[str] = mapped_column(Text)
    k: Mapped[int] = mapped_column(SmallInteger)
    parameters: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    periods: Mapped[list[str]] = mapped_column(ARRAY(String(7)))
    # Periods still open at publication: provisional, not frozen.
    open_periods: Mapped[list[str]] = mapped_column(ARRAY(String(7)), server_default="{}")
    as_of: Mapped[date] = mapped_column(Date)
    audit: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
    run_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    published_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class Cell(Base):
    """One count of a release: unit, category (or ``any`` / ``2plus``), period, measure and
    source; a suppressed cell carries no value, no rate and no interval."""

    __tablename__ = "cell"
    __table_args__ = (
        UniqueConstraint("release_id", "unit_code", "category", "period", "measure", "source"),
        CheckConstraint(f"level IN {_in(LEVELS)}", name="level"),
        CheckConstraint(f"measure IN {_in(MEASURES)}", name="measure"),
        CheckConstraint(f"source IN {_in(SOURCES)}", name="source"),
        CheckConstraint(f"period_kind IN {_in(PERIOD_KINDS)}", name="period_kind"),
        CheckConstraint(
            f"suppression IS NULL OR suppression IN {_in(SUPPRESSIONS)}", name="suppression"
        ),
        CheckConstraint(
            "NOT suppressed OR (value IS NULL AND rate IS NULL AND rate_lower IS NULL"
            " AND rate_upper IS NULL)",
            name="suppressed_no_value",
        ),
        CheckConstraint("suppressed = (suppression IS NOT NULL)", name="suppressed_kind"),
        CheckConstraint("suppressed OR value IS NOT NULL", name="value_or_suppressed"),
        CheckConstraint("value IS NULL OR value >= 0", name="value_non_negative"),
        CheckConstraint("NOT (revision_pending AND suppressed)", name="pending_shows_value"),
        Index("ix_cell_block", "release_id", "voivodeship", "period", "category"),
        {"schema": "stats"},
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("stats.release.id", ondelete="RESTRICT"))
    unit_code: Mapped[str] = mapped_column(String(12))
    # The TERC prefix: a (voivodeship, period) block of a release is one index range.
    voivodeship: Mapped[str] = mapped_column(
        String(2), Computed("left(unit_code, 2)", persisted=True)
    )
    level: Mapped[str] = mapped_column(String(12))
    category: Mapped[str] = mapped_column(String(64))
    period: Mapped[str] = mapped_column(String(7))
    period_kind: Mapped[str] = mapped_column(String(8))
    measure: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(4))
    value: Mapped[int | None] = mapped_column(Integer)
    suppressed: Mapped[bool] = mapped_column(Boolean, server_default="false")
    # Internal only (never in the published views: primary and secondary look the same).
    suppression: Mapped[str | None] = mapped_column(String(10))
    population: Mapped[int | None] = mapped_column(Integer)
    rate: Mapped[float | None] = mapped_column(Double)
    rate_lower: Mapped[float | None] = mapped_column(Double)
    rate_upper: Mapped[float | None] = mapped_column(Double)
    # A closed period's cell whose true value changed but cannot be published safely yet: it
    # keeps its last published value (the revision policy, anonymizer README).
    revision_pending: Mapped[bool] = mapped_column(Boolean, server_default="false")


class ReleaseBlock(Base):
    """Which release's cells a release shows for one (voivodeship, period): its own for the
    blocks it computed (registered by a trigger on ``stats.cell``), an earlier one's for the
    blocks it carried over unchanged. The published views read cells through it. Immutable."""

    __tablename__ = "release_block"
    __table_args__ = (
        CheckConstraint("cell_release_id <= release_id", name="earlier_cells"),
        {"schema": "stats"},
    )

    release_id: Mapped[int] = mapped_column(
        ForeignKey("stats.release.id", ondelete="RESTRICT"), primary_key=True
    )
    voivodeship: Mapped[str] = mapped_column(String(2), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    cell_release_id: Mapped[int] = mapped_column(
        ForeignKey("stats.release.id", ondelete="RESTRICT")
    )


class FrozenCell(Base):
    """The latest published state of a cell of a closed period: later releases are audited
    with these values as constants and may not revise them by less than ``k``."""

    __tablename__ = "frozen_cell"
    __table_args__ = (
        CheckConstraint("NOT suppressed OR value IS NULL", name="suppressed_no_value"),
        {"schema": "stats"},
    )

    unit_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    category: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    measure: Mapped[str] = mapped_column(String(10), primary_key=True)
    source: Mapped[str] = mapped_column(String(4), primary_key=True)
    value: Mapped[int | None] = mapped_column(Integer)
    suppressed: Mapped[bool] = mapped_column(Boolean)
    release_id: Mapped[int] = mapped_column(ForeignKey("stats.release.id", ondelete="RESTRICT"))


class PeerGroup(Base):
    """A benchmarking group of municipalities (e.g. the 2007-2008 group)."""

    __tablename__ = "peer_group"
    __table_args__ = ({"schema": "stats"},)

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)


class PeerGroupMember(Base):
    """A gmina (TERC) of a peer group; not a foreign key, the geography may load later."""

    __tablename__ = "peer_group_member"
    __table_args__ = (
        CheckConstraint("unit_code ~ '^[0-9]{7}$'", name="unit_code_format"),
        {"schema": "stats"},
    )

    group_code: Mapped[str] = mapped_column(
        ForeignKey("stats.peer_group.code", ondelete="CASCADE"), primary_key=True
    )
    unit_code: Mapped[str] = mapped_column(String(7), primary_key=True)
    name: Mapped[str] = mapped_column(Text)


class TrueCell(Base):
    """The true count behind a cell of the current release (schema ``stats_internal``, readable
    by the anonymizer's role only): what the next run compares against to find the blocks that
    changed. Never published, never logged."""

    __tablename__ = "true_cell"
    __table_args__ = ({"schema": "stats_internal"},)

    unit_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    category: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    measure: Mapped[str] = mapped_column(String(10), primary_key=True)
    source: Mapped[str] = mapped_column(String(4), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class BlockLoss(Base):
    """What suppression cost in one block a release wrote, per level, measure and source
    (schema ``stats_internal``): a release's information loss is the sum over the blocks it
    shows. ``hidden_total`` sums true counts, so only the anonymizer's role reads it."""

    __tablename__ = "block_loss"
    __table_args__ = ({"schema": "stats_internal"},)

    release_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    voivodeship: Mapped[str] = mapped_column(String(2), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    level: Mapped[str] = mapped_column(String(12), primary_key=True)
    measure: Mapped[str] = mapped_column(String(10), primary_key=True)
    source: Mapped[str] = mapped_column(String(4), primary_key=True)
    cells: Mapped[int] = mapped_column(Integer)
    primary_cells: Mapped[int] = mapped_column(Integer)
    secondary_cells: Mapped[int] = mapped_column(Integer)
    pending_cells: Mapped[int] = mapped_column(Integer)
    hidden_total: Mapped[int] = mapped_column(BigInteger)
