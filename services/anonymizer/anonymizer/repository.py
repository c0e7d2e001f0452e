"""All SQL of the anonymizer: the monthly counts, runs, releases, cells, frozen values,
groups (the aggregation's own fetch lives with its parser in ``anonymizer.aggregation``, the
reference aggregation in ``anonymizer.reference``).

Readers of releases go through the published views (``stats.published_*``), the same ones
map-tiles reads, so an API bug cannot show anything a view does not.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer.relations import CellKey, Taxonomy
from shared.jsonutil import dumps


def records_in(periods: str) -> str:
    """The records with their gmina's powiat and voivodeship, once for every period (``p``, a
    row of ``periods``, a CTE or a subquery) they are open in; an open-ended case runs until
    ``as_of``. Shared by the monthly layer, the aggregation and the reference aggregation."""
    return f"""
    FROM ingest.record r
    JOIN geo.territorial_unit g ON g.code = r.gmina_code
    JOIN geo.territorial_unit pw ON pw.code = g.parent_code
    JOIN {periods} p ON r.reference_date < p.ends
                  AND coalesce(r.end_date, CAST(:as_of AS date)) >= p.starts
    WHERE r.reference_date <= CAST(:as_of AS date)"""


# The monthly layer (cell-key perturbation, ``anonymizer.ckm``): distinct persons per unit
# (every level), category plus 'any', and month, all sources; the cell key is the sum of the
# record keys of those persons modulo 256, the record key the first byte of
# HMAC-SHA256(ckm key, subject_hash), written out with the built-in sha256 and the key's pads.
MONTHLY_SQL = (
    """
WITH months AS (
    SELECT to_char(m, 'YYYY-MM') AS period, m::date AS starts,
           (m + interval '1 month')::date AS ends
    FROM (SELECT date_trunc('month', min(reference_date)) AS first FROM ingest.record) f,
         generate_series(f.first, date_trunc('month', CAST(:as_of AS date)),
                         interval '1 month') AS m
),
facts AS (
    SELECT r.subject_hash, r.categories, p.period, r.district_code, r.gmina_code,
           g.parent_code AS powiat_code, pw.parent_code AS voivodeship_code
"""
    + records_in("months")
    + """
),
unit_persons AS (
    SELECT DISTINCT u.unit_code, u.level, c.category, f.period, f.subject_hash
    FROM facts f
    CROSS JOIN LATERAL (VALUES (f.district_code, 'district'), (f.gmina_code, 'gmina'),
                               (f.powiat_code, 'powiat'), (f.voivodeship_code, 'voivodeship'))
        AS u(unit_code, level)
    CROSS JOIN LATERAL (SELECT unnest(f.categories) UNION SELECT 'any') AS c(category)
    WHERE u.unit_code IS NOT NULL
)
SELECT unit_code, level, category, period, count(*) AS value,
       (sum(get_byte(sha256(CAST(:outer_pad AS bytea)
                            || sha256(CAST(:inner_pad AS bytea) || subject_hash)), 0))
        % 256)::int AS cell_key
FROM unit_persons
GROUP BY unit_code, level, category, period
"""
)


@dataclass(frozen=True, slots=True)
class AggregateRow:
    unit_code: str
    level: str
    category: str
    period: str
    period_kind: str
    measure: str
    source: str
    value: int

    @property
    def key(self) -> CellKey:
        return CellKey(self.unit_code, self.category, self.period, self.measure, self.source)


@dataclass(frozen=True, slots=True)
class MonthlyCount:
    """A true monthly count and its cell key: internal, never stored or published."""

    unit_code: str
    level: str
    category: str
    period: str
    value: int
    cell_key: int


@dataclass(frozen=True, slots=True)
class FrozenValue:
    value: int | None
    suppressed: bool
    release_id: int


@dataclass(frozen=True, slots=True)
class NewCell:
    row: AggregateRow
    value: int | None
    suppression: str | None
    population: int | None
    rate: float | None
    rate_lower: float | None
    rate_upper: float | None
    # Shows its last published value while its true value changed (the revision policy).
    pending: bool = False


async def monthly_counts(
    *, session: AsyncSession, as_of: date, pads: tuple[bytes, bytes]
) -> list[MonthlyCount]:
    """True monthly counts with their cell keys; ``pads`` from :func:`anonymizer.ckm.hmac_pads`."""
    await session.execute(text("SET LOCAL work_mem = '256MB'"))
    inner, outer = pads
    result = await session.execute(
        text(MONTHLY_SQL), {"as_of": as_of, "inner_pad": inner, "outer_pad": outer}
    )
    return [MonthlyCount(*row) for row in result.all()]


async def units(*, session: AsyncSession) -> tuple[dict[str, str | None], dict[str, str]]:
    """Every unit's parent and level."""
    rows = await session.execute(text("SELECT code, parent_code, level FROM geo.territorial_unit"))
    parents: dict[str, str | None] = {}
    levels: dict[str, str] = {}
    for code, parent, level in rows.all():
        parents[str(code)] = parent
        levels[str(code)] = str(level)
    return parents, levels


async def first_reference_date(*, session: AsyncSession, as_of: date) -> date | None:
    value = await session.scalar(
        text("SELECT min(reference_date) FROM ingest.record WHERE reference_date <= :as_of"),
        {"as_of": as_of},
    )
    return value if isinstance(value, date) else None


async def voivodeships_with_records(*, session: AsyncSession, as_of: date) -> list[str]:
    """The voivodeships (TERC prefix) of the municipalities with records up to ``as_of``."""
    rows = await session.execute(
        text(
            "SELECT DISTINCT left(gmina_code, 2) FROM ingest.record"
            " WHERE reference_date <= :as_of ORDER BY 1"
        ),
        {"as_of": as_of},
    )
    return [str(code) for (code,) in rows.all()]


async def current_release(*, session: AsyncSession) -> dict[str, Any] | None:
    row = await session.execute(
        text(
            "SELECT id, parameters, periods, open_periods, as_of FROM stats.release"
            " WHERE status = 'published' ORDER BY id DESC LIMIT 1"
        )
    )
    found = row.mappings().first()
    return dict(found) if found is not None else None


# A block's cells: the TERC codes of a voivodeship sort between its code and the next one, so
# the primary keys (unit_code first) find them without a scan.
_BLOCK = "unit_code >= :low AND unit_code < :high AND period = ANY(CAST(:periods AS text[]))"


def _block(voivodeship: str, periods: Sequence[str]) -> dict[str, Any]:
    return {
        "low": voivodeship,
        "high": f"{int(voivodeship) + 1:02d}",
        "periods": list(periods),
    }


async def taxonomy(*, session: AsyncSession) -> Taxonomy:
    """The public metadata of the categories: parents, kinds of institution, first days."""
    rows = await session.execute(
        text("SELECT code, parent_code, source, valid_from FROM ref.category")
    )
    parent: dict[str, str] = {}
    source: dict[str, str] = {}
    valid_from: dict[str, date] = {}
    for code, parent_code, kind, first in rows.all():
        source[code] = kind
        if parent_code is not None:
            parent[code] = parent_code
        if first is not None:
            valid_from[code] = first
    return Taxonomy(parent, source, valid_from)


async def populations(*, session: AsyncSession, years: Sequence[int]) -> dict[tuple[str, int], int]:
    """Residents per unit for each of ``years``: that year's figure, else the latest earlier
    one, else the earliest later one (population figures lag the case records)."""
    rows = await session.execute(
        text(
            "SELECT DISTINCT ON (p.unit_code, y.year) p.unit_code, y.year, p.population"
            " FROM geo.population p CROSS JOIN unnest(CAST(:years AS int[])) AS y(year)"
            " ORDER BY p.unit_code, y.year, p.year > y.year, abs(p.year - y.year)"
        ),
        {"years": list(years)},
    )
    return {(code, year): population for code, year, population in rows.all()}


async def frozen_cells(
    *, session: AsyncSession, voivodeship: str, periods: Sequence[str]
) -> dict[CellKey, FrozenValue]:
    """The values earlier releases froze in one block."""
    rows = await session.execute(
        text(
            "SELECT unit_code, category, period, measure, source, value, suppressed, release_id"
            f" FROM stats.frozen_cell WHERE {_BLOCK}"
        ),
        _block(voivodeship, periods),
    )
    return {
        CellKey(unit, category, period, measure, source): FrozenValue(value, suppressed, release)
        for unit, category, period, measure, source, value, suppressed, release in rows.all()
    }


async def true_cells(
    *, session: AsyncSession, voivodeship: str, periods: Sequence[str]
) -> dict[CellKey, int]:
    """The true counts behind the current release in one block (``stats_internal``)."""
    rows = await session.execute(
        text(
            "SELECT unit_code, category, period, measure, source, value"
            f" FROM stats_internal.true_cell WHERE {_BLOCK}"
        ),
        _block(voivodeship, periods),
    )
    return {
        CellKey(unit, category, period, measure, source): value
        for unit, category, period, measure, source, value in rows.all()
    }


async def replace_true_cells(
    *,
    session: AsyncSession,
    voivodeship: str,
    periods: Sequence[str],
    rows: Sequence[AggregateRow],
) -> None:
    await session.execute(
        text(f"DELETE FROM stats_internal.true_cell WHERE {_BLOCK}"),
        _block(voivodeship, periods),
    )
    connection = await _driver(session)
    await connection.copy_records_to_table(
        "true_cell",
        schema_name="stats_internal",
        columns=("unit_code", "category", "period", "measure", "source", "value"),
        records=[
            (row.unit_code, row.category, row.period, row.measure, row.source, row.value)
            for row in rows
        ],
    )


async def block_published(*, session: AsyncSession, release_id: int, block: dict[str, Any]) -> bool:
    found = await session.scalar(
        text(
            "SELECT EXISTS (SELECT 1 FROM stats.release_block WHERE release_id = :release"
            " AND voivodeship = :voivodeship AND period = ANY(CAST(:periods AS text[])))"
        ),
        {"release": release_id, "voivodeship": block["voivodeship"], "periods": block["periods"]},
    )
    return bool(found)


async def carry_over(
    *,
    session: AsyncSession,
    release_id: int,
    previous_id: int,
    periods: Sequence[str],
    excluded: Sequence[dict[str, Any]],
) -> int:
    """Show every block of the previous release in ``periods`` outside the ``excluded`` ones
    (the blocks this run wrote itself) as the previous release showed it: a reference to the
    release holding its cells, nothing copied. Returns how many cells that carries over."""
    pairs = [
        f"{block['voivodeship']}|{period}" for block in excluded for period in block["periods"]
    ]
    carried = await session.scalar(
        text(
            "WITH carried AS (INSERT INTO stats.release_block"
            " (release_id, voivodeship, period, cell_release_id)"
            " SELECT :release, voivodeship, period, cell_release_id FROM stats.release_block"
            " WHERE release_id = :previous AND period = ANY(CAST(:periods AS text[]))"
            " AND voivodeship || '|' || period <> ALL(CAST(:pairs AS text[]))"
            " RETURNING voivodeship, period, cell_release_id)"
            " SELECT coalesce(sum(l.cells), 0) FROM carried c JOIN stats_internal.block_loss l"
            " ON l.release_id = c.cell_release_id AND l.voivodeship = c.voivodeship"
            " AND l.period = c.period"
        ),
        {"release": release_id, "previous": previous_id, "periods": list(periods), "pairs": pairs},
    )
    return int(carried or 0)


async def carry_block(
    *,
    session: AsyncSession,
    release_id: int,
    previous_id: int,
    block: dict[str, Any],
    changed: Sequence[CellKey],
    truth: Sequence[int],
) -> list[tuple[CellKey, str, str | None, bool]]:
    """Copy one block as the previous release showed it, flagging ``revision_pending`` on every
    published cell whose true count (``changed``/``truth``; absent: 0) is no longer the one
    shown (a copy, not a reference: the flags differ). Returns each copied cell's key, level,
    suppression and flag."""
    copied = await session.execute(
        text(
            "INSERT INTO stats.cell (release_id, unit_code, level, category, period,"
            " period_kind, measure, source, value, suppressed, suppression, population, rate,"
            " rate_lower, rate_upper, revision_pending)"
            " SELECT :release, c.unit_code, c.level, c.category, c.period, c.period_kind,"
            " c.measure, c.source, c.value, c.suppressed, c.suppression, c.population, c.rate,"
            " c.rate_lower, c.rate_upper,"
            " c.revision_pending OR (NOT c.suppressed AND coalesce(t.value, 0) <> c.value)"
            " FROM stats.release_block b JOIN stats.cell c ON c.release_id = b.cell_release_id"
            " AND c.voivodeship = b.voivodeship AND c.period = b.period"
            " LEFT JOIN unnest(CAST(:unit_code AS text[]), CAST(:category AS text[]),"
            " CAST(:period AS text[]), CAST(:measure AS text[]), CAST(:source AS text[]),"
            " CAST(:value AS int[])) AS t(unit_code, category, period, measure, source, value)"
            " ON (t.unit_code, t.category, t.period, t.measure, t.source)"
            " = (c.unit_code, c.category, c.period, c.measure, c.source)"
            " WHERE b.release_id = :previous AND b.voivodeship = :voivodeship"
            " AND b.period = ANY(CAST(:periods AS text[]))"
            " RETURNING unit_code, category, period, measure, source, level, suppression,"
            " revision_pending"
        ),
        {
            "release": release_id,
            "previous": previous_id,
            **block,
            "unit_code": [key.unit_code for key in changed],
            "category": [key.category for key in changed],
            "period": [key.period for key in changed],
            "measure": [key.measure for key in changed],
            "source": [key.source for key in changed],
            "value": list(truth),
        },
    )
    return [
        (CellKey(unit, category, period, measure, source), level, suppression, pending)
        for unit, category, period, measure, source, level, suppression, pending in copied.all()
    ]


@dataclass(slots=True)
class BlockLoss:
    """What suppression cost in one block, for one (period, level, measure, source)."""

    cells: int = 0
    primary: int = 0
    secondary: int = 0
    pending: int = 0
    hidden: int = 0  # true counts inside the suppressed cells (internal)


async def insert_block_loss(
    *,
    session: AsyncSession,
    release_id: int,
    voivodeship: str,
    losses: dict[tuple[str, str, str, str], BlockLoss],
) -> None:
    """The information-loss counts of a block the release wrote, per (period, level, measure,
    source) (``information_loss`` sums them per release)."""
    keys = list(losses)
    await session.execute(
        text(
            "INSERT INTO stats_internal.block_loss SELECT :release, :voivodeship, l.*"
            " FROM unnest(CAST(:period AS text[]), CAST(:level AS text[]),"
            " CAST(:measure AS text[]), CAST(:source AS text[]), CAST(:cells AS int[]),"
            " CAST(:primary AS int[]), CAST(:secondary AS int[]), CAST(:pending AS int[]),"
            " CAST(:hidden AS bigint[])) AS l"
        ),
        {
            "release": release_id,
            "voivodeship": voivodeship,
            "period": [key[0] for key in keys],
            "level": [key[1] for key in keys],
            "measure": [key[2] for key in keys],
            "source": [key[3] for key in keys],
            "cells": [losses[key].cells for key in keys],
            "primary": [losses[key].primary for key in keys],
            "secondary": [losses[key].secondary for key in keys],
            "pending": [losses[key].pending for key in keys],
            "hidden": [losses[key].hidden for key in keys],
        },
    )


# Sums of hidden true values in the information loss are linear facts about the hidden cells
# that the LP audit does not see: given only over enough suppressed cells, and rounded.
LOSS_VALUE_BASE = 100
LOSS_MIN_CELLS = 10


def _rounded_sum(total: int, cells: int) -> int | None:
    if cells < LOSS_MIN_CELLS:
        return None
    return round(total / LOSS_VALUE_BASE) * LOSS_VALUE_BASE


def _loss_group(
    level: str,
    measure: str,
    source: str,
    cells: int,
    primary: int,
    secondary: int,
    pending: int,
    hidden: int,
) -> dict[str, Any]:
    return {
        "level": level,
        "measure": measure,
        "source": source,
        "cells": cells,
        "suppressed": primary + secondary,
        "primary": primary,
        "secondary": secondary,
        "revision_pending": pending,
        "suppressed_share": round((primary + secondary) / cells, 4) if cells else 0.0,
        "in_suppressed_cells": _rounded_sum(hidden, primary + secondary),
    }


async def information_loss(*, session: AsyncSession, release_id: int) -> dict[str, Any]:
    """What suppression cost in a release (τ-ARGUS / sdcTable report it the same way): per
    level, measure and source, the cells, how many are suppressed (primary, secondary) or
    pending, and the persons (households for that measure) inside the suppressed cells, summed
    from the true counts, rounded to 100 and only over at least 10 suppressed cells (a person
    counts once in every cell they are in). Group totals only, never a cell's value."""
    rows = await session.execute(
        text(
            "SELECT l.level, l.measure, l.source, sum(l.cells), sum(l.primary_cells),"
            " sum(l.secondary_cells), sum(l.pending_cells), sum(l.hidden_total)"
            " FROM stats.release_block b JOIN stats_internal.block_loss l"
            " ON l.release_id = b.cell_release_id AND l.voivodeship = b.voivodeship"
            " AND l.period = b.period"
            " WHERE b.release_id = :release GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        ),
        {"release": release_id},
    )
    groups = [
        _loss_group(level, measure, source, *(int(count) for count in counts))
        for level, measure, source, *counts in rows.all()
    ]
    cells = sum(group["cells"] for group in groups)
    hidden_cells = sum(group["suppressed"] for group in groups)
    return {
        "cells": cells,
        "suppressed": hidden_cells,
        "revision_pending": sum(group["revision_pending"] for group in groups),
        "suppressed_share": round(hidden_cells / cells, 4) if cells else 0.0,
        "in_suppressed_cells": "persons (or households) in the suppressed cells, from the true"
        f" counts, rounded to {LOSS_VALUE_BASE}; none for fewer than {LOSS_MIN_CELLS}"
        " suppressed cells",
        "groups": groups,
    }


async def add_periods(
    *,
    session: AsyncSession,
    release_id: int,
    periods: Sequence[str],
    open_periods: Sequence[str],
) -> None:
    await session.execute(
        text(
            "UPDATE stats.release SET periods = periods || CAST(:periods AS text[]),"
            " open_periods = open_periods || CAST(:open AS text[]) WHERE id = :id"
        ),
        {"id": release_id, "periods": list(periods), "open": list(open_periods)},
    )


async def finish_release(*, session: AsyncSession, release_id: int, audit: dict[str, Any]) -> None:
    """The audit summary, and the moment of publication (the end of the work, not the start of
    the transaction)."""
    await session.execute(
        text(
            "UPDATE stats.release SET audit = CAST(:audit AS jsonb),"
            " published_at = clock_timestamp() WHERE id = :id"
        ),
        {"id": release_id, "audit": _json(audit)},
    )


async def lock_municipalities(*, session: AsyncSession, gminas: Sequence[str]) -> None:
    """One run at a time per municipality (transaction-scoped advisory locks, sorted so two
    runs never wait on each other crosswise); every run also takes the publication lock."""
    for code in [*sorted(set(gminas)), "*publish*"]:
        await session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext('socmap.anonymizer:' || :code))"),
            {"code": code},
        )


async def all_gminas(*, session: AsyncSession) -> list[str]:
    rows = await session.execute(text("SELECT DISTINCT gmina_code FROM ingest.record"))
    return sorted(code for (code,) in rows.all())


async def insert_release(
    *,
    session: AsyncSession,
    method: str,
    k: int,
    parameters: dict[str, Any],
    periods: Sequence[str],
    open_periods: Sequence[str],
    as_of: date,
    audit: dict[str, Any],
    run_id: uuid.UUID,
) -> int:
    result = await session.execute(
        text(
            "INSERT INTO stats.release (method, k, parameters, periods, open_periods, as_of,"
            " audit, run_id) VALUES (:method, :k, CAST(:parameters AS jsonb), :periods,"
            " :open_periods, :as_of, CAST(:audit AS jsonb), :run_id) RETURNING id"
        ),
        {
            "method": method,
            "k": k,
            "parameters": _json(parameters),
            "periods": list(periods),
            "open_periods": list(open_periods),
            "as_of": as_of,
            "audit": _json(audit),
            "run_id": run_id,
        },
    )
    return int(result.scalar_one())


async def _driver(session: AsyncSession) -> asyncpg.Connection:
    """The session's asyncpg connection, in the session's transaction (for COPY)."""
    raw = await (await session.connection()).get_raw_connection()
    connection = raw.driver_connection
    assert connection is not None
    return cast(asyncpg.Connection, connection)


_CELL_FIELDS = (
    "release_id",
    "unit_code",
    "level",
    "category",
    "period",
    "period_kind",
    "measure",
    "source",
    "value",
    "suppressed",
    "suppression",
    "population",
    "rate",
    "rate_lower",
    "rate_upper",
    "revision_pending",
)


async def insert_cells(*, session: AsyncSession, release_id: int, cells: Sequence[NewCell]) -> None:
    """The cells of a release, by COPY (a national block has hundreds of thousands)."""
    records = [
        (
            release_id,
            cell.row.unit_code,
            cell.row.level,
            cell.row.category,
            cell.row.period,
            cell.row.period_kind,
            cell.row.measure,
            cell.row.source,
            cell.value,
            cell.suppression is not None,
            cell.suppression,
            cell.population,
            cell.rate,
            cell.rate_lower,
            cell.rate_upper,
            cell.pending,
        )
        for cell in cells
    ]
    connection = await _driver(session)
    await connection.copy_records_to_table(
        "cell", schema_name="stats", columns=_CELL_FIELDS, records=records
    )


async def freeze(*, session: AsyncSession, release_id: int, cells: Sequence[NewCell]) -> None:
    """Record the published state of closed periods' cells for later audits (the caller passes
    the closed cells whose shown value is new: a pending cell keeps its frozen value)."""
    connection = await _driver(session)
    await connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS frozen_stage"
        " (LIKE stats.frozen_cell INCLUDING DEFAULTS) ON COMMIT DROP"
    )
    await connection.execute("TRUNCATE frozen_stage")
    await connection.copy_records_to_table(
        "frozen_stage",
        columns=(
            "unit_code",
            "category",
            "period",
            "measure",
            "source",
            "value",
            "suppressed",
            "release_id",
        ),
        records=[
            (
                cell.row.unit_code,
                cell.row.category,
                cell.row.period,
                cell.row.measure,
                cell.row.source,
                cell.value,
                cell.value is None,
                release_id,
            )
            for cell in cells
        ],
    )
    await connection.execute(
        "INSERT INTO stats.frozen_cell SELECT * FROM frozen_stage"
        " ON CONFLICT (unit_code, category, period, measure, source) DO UPDATE SET"
        " value = excluded.value, suppressed = excluded.suppressed,"
        " release_id = excluded.release_id"
    )


def _json(value: Any) -> str:
    return dumps(value).decode()


# --- runs -----------------------------------------------------------------------------------

RUN_COLUMNS = (
    "id, status, gminas, trigger, parameters, requests, events, progress, reason, release_id,"
    " created_at, started_at, finished_at"
)


async def find_run_by_idempotency_key(*, session: AsyncSession, key: str) -> dict[str, Any] | None:
    row = await session.execute(
        text(f"SELECT {RUN_COLUMNS} FROM stats.run WHERE idempotency_key = :key"), {"key": key}
    )
    found = row.mappings().first()
    return dict(found) if found is not None else None


async def pending_run(
    *, session: AsyncSession, parameters: dict[str, Any]
) -> dict[str, Any] | None:
    """The pending run with the same parameters (locked), which a new request joins."""
    row = await session.execute(
        text(
            f"SELECT {RUN_COLUMNS} FROM stats.run WHERE status = 'pending'"
            " AND parameters = CAST(:parameters AS jsonb)"
            " ORDER BY created_at LIMIT 1 FOR UPDATE"
        ),
        {"parameters": _json(parameters)},
    )
    found = row.mappings().first()
    return dict(found) if found is not None else None


async def coalesce_run(
    *,
    session: AsyncSession,
    run_id: uuid.UUID,
    gminas: list[str] | None,
    events: list[dict[str, Any]],
) -> dict[str, Any]:
    row = await session.execute(
        text(
            "UPDATE stats.run SET requests = requests + 1,"
            " gminas = CASE WHEN gminas IS NULL OR CAST(:gminas AS text[]) IS NULL THEN NULL"
            " ELSE ARRAY(SELECT DISTINCT g FROM unnest(gminas || CAST(:gminas AS text[])) g"
            " ORDER BY g) END,"
            " events = events || CAST(:events AS jsonb)"
            f" WHERE id = :id RETURNING {RUN_COLUMNS}"
        ),
        {"id": run_id, "gminas": gminas, "events": _json(events)},
    )
    return dict(row.mappings().one())


async def create_run(
    *,
    session: AsyncSession,
    gminas: list[str] | None,
    trigger: str,
    parameters: dict[str, Any],
    events: list[dict[str, Any]],
    idempotency_key: str | None,
) -> dict[str, Any]:
    row = await session.execute(
        text(
            "INSERT INTO stats.run (gminas, trigger, parameters, events, idempotency_key)"
            " VALUES (:gminas, :trigger, CAST(:parameters AS jsonb), CAST(:events AS jsonb),"
            f" :key) RETURNING {RUN_COLUMNS}"
        ),
        {
            "gminas": gminas,
            "trigger": trigger,
            "parameters": _json(parameters),
            "events": _json(events),
            "key": idempotency_key,
        },
    )
    return dict(row.mappings().one())


async def get_run(*, session: AsyncSession, run_id: uuid.UUID) -> dict[str, Any] | None:
    row = await session.execute(
        text(f"SELECT {RUN_COLUMNS} FROM stats.run WHERE id = :id"), {"id": run_id}
    )
    found = row.mappings().first()
    return dict(found) if found is not None else None


async def claim_next_run(*, session: AsyncSession) -> dict[str, Any] | None:
    """The oldest pending run, marked running (SKIP LOCKED: several workers never share one)."""
    row = await session.execute(
        text(
            "UPDATE stats.run SET status = 'running', started_at = now()"
            " WHERE id = (SELECT id FROM stats.run WHERE status = 'pending'"
            " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
            f" RETURNING {RUN_COLUMNS}"
        )
    )
    found = row.mappings().first()
    return dict(found) if found is not None else None


async def update_run(
    *,
    session: AsyncSession,
    run_id: uuid.UUID,
    status: str | None = None,
    progress: dict[str, Any] | None = None,
    reason: str | None = None,
    release_id: int | None = None,
) -> None:
    await session.execute(
        text(
            "UPDATE stats.run SET status = coalesce(:status, status),"
            " progress = progress || CAST(:progress AS jsonb),"
            " reason = coalesce(:reason, reason), release_id = coalesce(:release_id, release_id),"
            " finished_at = CASE WHEN :status IN ('published', 'failed', 'held_back')"
            " THEN clock_timestamp() ELSE finished_at END WHERE id = :id"
        ),
        {
            "id": run_id,
            "status": status,
            "progress": _json(progress or {}),
            "reason": reason,
            "release_id": release_id,
        },
    )


# --- releases and cells (published views only) ---------------------------------------------

# Offsets beyond any table size (bigint overflow would otherwise be a 500).
MAX_OFFSET = 2**62

RELEASE_COLUMNS = (
    "id, method, k, parameters, periods, open_periods, as_of, audit, published_at, is_current"
)


async def list_releases(
    *, session: AsyncSession, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    rows = await session.execute(
        text(
            f"SELECT {RELEASE_COLUMNS} FROM stats.published_release ORDER BY id DESC"
            " LIMIT :limit OFFSET :offset"
        ),
        {"limit": limit, "offset": min(offset, MAX_OFFSET)},
    )
    total = await session.scalar(text("SELECT count(*) FROM stats.published_release"))
    return [dict(row) for row in rows.mappings().all()], int(total or 0)


async def get_release(*, session: AsyncSession, release_id: int) -> dict[str, Any] | None:
    row = await session.execute(
        text(f"SELECT {RELEASE_COLUMNS} FROM stats.published_release WHERE id = :id"),
        {"id": release_id},
    )
    found = row.mappings().first()
    return dict(found) if found is not None else None


async def latest_release_id(*, session: AsyncSession) -> int | None:
    value = await session.scalar(text("SELECT max(id) FROM stats.published_release"))
    return int(value) if value is not None else None


CELL_COLUMNS = (
    "unit_code, level, category, period, period_kind, measure, source, value, suppressed,"
    " population, rate, rate_lower, rate_upper, revision_pending"
)
CELL_FILTERS = ("unit_code", "level", "category", "period", "measure", "source")


def _cell_where(filters: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    clauses = ["release_id = :release_id"]
    params: dict[str, Any] = {}
    for name in CELL_FILTERS:
        if filters.get(name) is not None:
            clauses.append(f"{name} = :{name}")
            params[name] = filters[name]
    if filters.get("suppressed") is not None:
        clauses.append("suppressed = :suppressed")
        params["suppressed"] = filters["suppressed"]
    return " AND ".join(clauses), params


async def list_cells(
    *,
    session: AsyncSession,
    release_id: int,
    filters: dict[str, Any],
    limit: int | None,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    where, params = _cell_where(filters)
    params |= {"release_id": release_id, "offset": min(offset, MAX_OFFSET)}
    page = " LIMIT :limit OFFSET :offset" if limit is not None else " OFFSET :offset"
    if limit is not None:
        params["limit"] = limit
    rows = await session.execute(
        text(
            f"SELECT {CELL_COLUMNS} FROM stats.published_cell WHERE {where}"
            " ORDER BY level, unit_code, category, period, measure, source" + page
        ),
        params,
    )
    total = await session.scalar(
        text(f"SELECT count(*) FROM stats.published_cell WHERE {where}"),
        {key: value for key, value in params.items() if key not in ("limit", "offset")},
    )
    return [dict(row) for row in rows.mappings().all()], int(total or 0)


async def diff_cells(
    *, session: AsyncSession, release_id: int, other_id: int, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Cells added, removed or changed (value or suppression) from ``other_id`` to
    ``release_id``; a suppressed side has no value, so no difference is ever computed from it."""
    query = """
        FROM (SELECT * FROM stats.published_cell WHERE release_id = :other) a
        FULL JOIN (SELECT * FROM stats.published_cell WHERE release_id = :release) b
          USING (unit_code, category, period, measure, source)
        WHERE a.release_id IS NULL OR b.release_id IS NULL
           OR a.suppressed IS DISTINCT FROM b.suppressed OR a.value IS DISTINCT FROM b.value
    """
    params = {"other": other_id, "release": release_id}
    rows = await session.execute(
        text(
            "SELECT unit_code, category, period, measure, source,"
            " coalesce(b.level, a.level) AS level,"
            " CASE WHEN a.release_id IS NULL THEN 'added' WHEN b.release_id IS NULL"
            " THEN 'removed' ELSE 'changed' END AS change,"
            " a.value AS old_value, a.suppressed AS old_suppressed,"
            " b.value AS new_value, b.suppressed AS new_suppressed,"
            " CASE WHEN a.value IS NOT NULL AND b.value IS NOT NULL"
            " THEN b.value - a.value END AS difference "
            + query
            + " ORDER BY unit_code, category, period, measure, source LIMIT :limit OFFSET :offset"
        ),
        params | {"limit": limit, "offset": min(offset, MAX_OFFSET)},
    )
    total = await session.scalar(text("SELECT count(*) " + query), params)
    return [dict(row) for row in rows.mappings().all()], int(total or 0)


# --- benchmarking ---------------------------------------------------------------------------


async def list_groups(*, session: AsyncSession) -> list[dict[str, Any]]:
    rows = await session.execute(
        text(
            "SELECT g.code, g.name, g.description,"
            " coalesce(json_agg(json_build_object('unit_code', m.unit_code, 'name', m.name)"
            " ORDER BY m.unit_code) FILTER (WHERE m.unit_code IS NOT NULL), '[]') AS members"
            " FROM stats.peer_group g LEFT JOIN stats.peer_group_member m ON m.group_code = g.code"
            " GROUP BY g.code ORDER BY g.code"
        )
    )
    return [dict(row) for row in rows.mappings().all()]


async def group_cells(
    *,
    session: AsyncSession,
    group: str,
    release_id: int,
    category: str,
    period: str,
    measure: str,
    source: str,
) -> list[dict[str, Any]] | None:
    """Each member with its published gmina cell (or none); None for an unknown group."""
    exists = await session.scalar(
        text("SELECT 1 FROM stats.peer_group WHERE code = :group"), {"group": group}
    )
    if exists is None:
        return None
    rows = await session.execute(
        text(
            "SELECT m.unit_code, m.name, c.value, c.suppressed, c.population, c.rate,"
            " c.rate_lower, c.rate_upper"
            " FROM stats.peer_group_member m"
            " LEFT JOIN stats.published_cell c ON c.unit_code = m.unit_code"
            " AND c.release_id = :release AND c.category = :category AND c.period = :period"
            " AND c.measure = :measure AND c.source = :source"
            " WHERE m.group_code = :group ORDER BY m.unit_code"
        ),
        {
            "group": group,
            "release": release_id,
            "category": category,
            "period": period,
            "measure": measure,
            "source": source,
        },
    )
    return [dict(row) for row in rows.mappings().all()]
