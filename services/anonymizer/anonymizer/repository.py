"""All SQL of the anonymizer: the aggregation, runs, releases, cells, frozen values, groups.

Readers of releases go through the published views (``stats.published_*``), the same ones
map-tiles reads, so an API bug cannot show anything a view does not.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer.relations import CellKey, Taxonomy
from shared.jsonutil import dumps


def _records_in(periods: str) -> str:
    """The records with their gmina's powiat and voivodeship, once for every period (``p``, a
    row of the CTE ``periods``) they are open in; an open-ended case runs until ``as_of``."""
    return f"""
    FROM ingest.record r
    JOIN geo.territorial_unit g ON g.code = r.gmina_code
    JOIN geo.territorial_unit pw ON pw.code = g.parent_code
    JOIN {periods} p ON r.reference_date < p.ends
                  AND coalesce(r.end_date, CAST(:as_of AS date)) >= p.starts
    WHERE r.reference_date <= CAST(:as_of AS date)"""


# Distinct persons and households per unit (every level), category (plus 'any' and '2plus'),
# period (quarters and years) and source (OPS, PUP, both, all). A case is counted in every
# period it is open in; an open-ended case runs until ``as_of``.
AGGREGATE_SQL = (
    """
WITH first AS (
    SELECT date_trunc('quarter', min(reference_date))::date AS first_quarter FROM ingest.record
),
periods AS (
    SELECT to_char(q, 'YYYY') || '-Q' || extract(quarter FROM q)::int AS period,
           'quarter' AS period_kind, q::date AS starts, (q + interval '3 months')::date AS ends
    FROM first, generate_series(first.first_quarter, date_trunc('quarter', CAST(:as_of AS date)),
                                interval '3 months') AS q
    UNION ALL
    SELECT to_char(y, 'YYYY'), 'year', y::date, (y + interval '1 year')::date
    FROM first, generate_series(date_trunc('year', first.first_quarter),
                                date_trunc('year', CAST(:as_of AS date)), interval '1 year') AS y
),
facts AS (
    SELECT r.subject_hash, r.household_hash, r.source_kind, r.categories, p.period,
           p.period_kind, r.district_code, r.gmina_code, g.parent_code AS powiat_code,
           pw.parent_code AS voivodeship_code
"""
    + _records_in("periods")
    + """
),
unit_facts AS (
    SELECT u.unit_code, u.level, f.*
    FROM facts f
    CROSS JOIN LATERAL (VALUES (f.district_code, 'district'), (f.gmina_code, 'gmina'),
                               (f.powiat_code, 'powiat'), (f.voivodeship_code, 'voivodeship'))
        AS u(unit_code, level)
    WHERE u.unit_code IS NOT NULL
),
person_category AS (
    SELECT uf.unit_code, uf.level, uf.period, uf.period_kind, c.category, uf.subject_hash,
           bool_or(uf.source_kind = 'ops') AS ops, bool_or(uf.source_kind = 'pup') AS pup,
           (array_agg(uf.household_hash ORDER BY uf.household_hash)
               FILTER (WHERE uf.household_hash IS NOT NULL))[1] AS household_hash
    FROM unit_facts uf
    CROSS JOIN LATERAL (SELECT unnest(uf.categories) UNION SELECT 'any') AS c(category)
    GROUP BY 1, 2, 3, 4, 5, 6
),
persons AS (
    SELECT * FROM person_category
    UNION ALL
    SELECT unit_code, level, period, period_kind, '2plus', subject_hash, bool_or(ops),
           bool_or(pup), (array_agg(household_hash ORDER BY household_hash)
                          FILTER (WHERE household_hash IS NOT NULL))[1]
    FROM person_category
    WHERE category <> 'any'
    GROUP BY unit_code, level, period, period_kind, subject_hash
    HAVING count(*) >= 2
),
households AS (
    SELECT unit_code, level, period, period_kind, category, household_hash,
           bool_or(ops) AS ops, bool_or(pup) AS pup
    FROM persons
    WHERE household_hash IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6
),
counts AS (
    SELECT unit_code, level, period, period_kind, category, 'persons' AS measure,
           count(*) FILTER (WHERE ops) AS ops, count(*) FILTER (WHERE pup) AS pup,
           count(*) FILTER (WHERE ops AND pup) AS both_, count(*) AS all_
    FROM persons GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT unit_code, level, period, period_kind, category, 'households',
           count(*) FILTER (WHERE ops), count(*) FILTER (WHERE pup),
           count(*) FILTER (WHERE ops AND pup), count(*)
    FROM households GROUP BY 1, 2, 3, 4, 5
)
SELECT c.unit_code, c.level, c.category, c.period, c.period_kind, c.measure, s.source, s.value
FROM counts c
CROSS JOIN LATERAL (VALUES ('ops', c.ops), ('pup', c.pup), ('both', c.both_), ('all', c.all_))
    AS s(source, value)
"""
)


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
    + _records_in("months")
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


async def aggregate(*, session: AsyncSession, as_of: date) -> list[AggregateRow]:
    """The true counts (never stored as such: only the protected cells are)."""
    # The distinct counts sort tens of millions of rows at scale; the default 4 MB spills.
    await session.execute(text("SET LOCAL work_mem = '256MB'"))
    result = await session.execute(text(AGGREGATE_SQL), {"as_of": as_of})
    return [AggregateRow(*row) for row in result.all()]


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


async def unit_parents(*, session: AsyncSession) -> dict[str, str | None]:
    rows = await session.execute(text("SELECT code, parent_code FROM geo.territorial_unit"))
    return {str(code): parent for code, parent in rows.all()}


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


async def frozen_cells(*, session: AsyncSession) -> dict[CellKey, FrozenValue]:
    rows = await session.execute(
        text(
            "SELECT unit_code, category, period, measure, source, value, suppressed, release_id"
            " FROM stats.frozen_cell"
        )
    )
    return {
        CellKey(unit, category, period, measure, source): FrozenValue(value, suppressed, release)
        for unit, category, period, measure, source, value, suppressed, release in rows.all()
    }


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


async def insert_cells(*, session: AsyncSession, release_id: int, cells: Sequence[NewCell]) -> None:
    """One INSERT ... SELECT FROM unnest(...) for the whole release."""
    columns: dict[str, list[Any]] = {
        name: []
        for name in (
            "unit_code",
            "level",
            "category",
            "period",
            "period_kind",
            "measure",
            "source",
            "value",
            "suppression",
            "population",
            "rate",
            "rate_lower",
            "rate_upper",
        )
    }
    for cell in cells:
        row = cell.row
        for name, value in (
            ("unit_code", row.unit_code),
            ("level", row.level),
            ("category", row.category),
            ("period", row.period),
            ("period_kind", row.period_kind),
            ("measure", row.measure),
            ("source", row.source),
            ("value", cell.value),
            ("suppression", cell.suppression),
            ("population", cell.population),
            ("rate", cell.rate),
            ("rate_lower", cell.rate_lower),
            ("rate_upper", cell.rate_upper),
        ):
            columns[name].append(value)
    await session.execute(
        text(
            "INSERT INTO stats.cell (release_id, unit_code, level, category, period, period_kind,"
            " measure, source, value, suppressed, suppression, population, rate, rate_lower,"
            " rate_upper)"
            " SELECT :release_id, u.unit_code, u.level, u.category, u.period, u.period_kind,"
            " u.measure, u.source, u.value, u.suppression IS NOT NULL, u.suppression,"
            " u.population, u.rate, u.rate_lower, u.rate_upper"
            " FROM unnest(CAST(:unit_code AS text[]), CAST(:level AS text[]),"
            " CAST(:category AS text[]), CAST(:period AS text[]), CAST(:period_kind AS text[]),"
            " CAST(:measure AS text[]), CAST(:source AS text[]), CAST(:value AS int[]),"
            " CAST(:suppression AS text[]), CAST(:population AS int[]),"
            " CAST(:rate AS float8[]), CAST(:rate_lower AS float8[]),"
            " CAST(:rate_upper AS float8[]))"
            " AS u(unit_code, level, category, period, period_kind, measure, source, value,"
            " suppression, population, rate, rate_lower, rate_upper)"
        ),
        {"release_id": release_id, **columns},
    )


async def freeze(
    *, session: AsyncSession, release_id: int, cells: Sequence[NewCell], periods: Sequence[str]
) -> None:
    """Record the published state of the closed periods' cells for later audits."""
    closed = set(periods)
    chosen = [cell for cell in cells if cell.row.period in closed]
    await session.execute(
        text(
            "INSERT INTO stats.frozen_cell (unit_code, category, period, measure, source, value,"
            " suppressed, release_id)"
            " SELECT u.unit_code, u.category, u.period, u.measure, u.source, u.value,"
            " u.value IS NULL, :release_id"
            " FROM unnest(CAST(:unit_code AS text[]), CAST(:category AS text[]),"
            " CAST(:period AS text[]), CAST(:measure AS text[]), CAST(:source AS text[]),"
            " CAST(:value AS int[])) AS u(unit_code, category, period, measure, source, value)"
            " ON CONFLICT (unit_code, category, period, measure, source) DO UPDATE SET"
            " value = excluded.value, suppressed = excluded.suppressed,"
            " release_id = excluded.release_id"
        ),
        {
            "release_id": release_id,
            "unit_code": [cell.row.unit_code for cell in chosen],
            "category": [cell.row.category for cell in chosen],
            "period": [cell.row.period for cell in chosen],
            "measure": [cell.row.measure for cell in chosen],
            "source": [cell.row.source for cell in chosen],
            "value": [cell.value for cell in chosen],
        },
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
    " population, rate, rate_lower, rate_upper"
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
