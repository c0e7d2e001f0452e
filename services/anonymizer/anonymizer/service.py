"""Rules of the anonymizer: requesting runs (with coalescing), executing a run (aggregate,
protect, audit, publish atomically) and benchmarking from published cells only."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import repository
from anonymizer.ckm import PTable, build_ptable, hmac_pads
from anonymizer.disclosure import (
    DisclosureError,
    Protection,
    RelationSystem,
    check_k,
    primary_suppression,
    protect,
)
from anonymizer.priority import cell_costs, information_loss
from anonymizer.relations import CellKey, build_relations
from anonymizer.repository import AggregateRow, FrozenValue, MonthlyCount, NewCell
from anonymizer.settings import AnonymizerSettings
from shared.errors import ValidationFailed
from shared.intervals import compare_with_benchmark, wilson_interval

logger = logging.getLogger("socmap.anonymizer")

METHOD = "frequency rule + secondary suppression along all relations + LP audit (HiGHS)"
MONTHLY_METHOD = (
    "; monthly layer: cell-key perturbation (not additive, outside the relations and the LP"
    " audit; a month is shown only where its quarter is published)"
)


class RunRefused(Exception):
    """The run cannot publish; ``status`` is ``failed`` or ``held_back``."""

    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


# --- requesting runs ------------------------------------------------------------------------


def run_parameters(
    settings: AnonymizerSettings,
    *,
    k: int | None,
    p: float | None,
    include_open_periods: bool,
    as_of: date | None,
    monthly: bool | None = None,
) -> dict[str, Any]:
    chosen_k = settings.min_count if k is None else k
    try:
        check_k(chosen_k)
    except DisclosureError as exc:
        raise ValidationFailed(
            str(exc),
            errors=[{"field": "k", "code": "too_small", "message": str(exc)}],
        ) from exc
    parameters: dict[str, Any] = {
        "k": chosen_k,
        "p": settings.protection_ratio if p is None else p,
        "include_open_periods": include_open_periods,
    }
    if as_of is not None:
        parameters["as_of"] = as_of.isoformat()
    if settings.monthly_layer if monthly is None else monthly:
        if settings.ckm_secret() is None:
            message = "The monthly layer needs SOCMAP_ANONYMIZER_CKM_KEY on this deployment."
            raise ValidationFailed(
                message, errors=[{"field": "monthly", "code": "unavailable", "message": message}]
            )
        # Only when on, so runs without the layer keep the parameters (and coalescing) of old.
        parameters["monthly"] = True
    return parameters


async def request_run(
    *,
    session: AsyncSession,
    gminas: list[str] | None,
    trigger: str,
    parameters: dict[str, Any],
    events: list[dict[str, Any]],
    idempotency_key: str | None,
) -> tuple[dict[str, Any], bool]:
    """A new pending run, or the pending one this request joins; ``True`` when created."""
    if idempotency_key is not None:
        existing = await repository.find_run_by_idempotency_key(
            session=session, key=idempotency_key
        )
        if existing is not None:
            return existing, False
    pending = await repository.pending_run(session=session, parameters=parameters)
    if pending is not None:
        run = await repository.coalesce_run(
            session=session, run_id=pending["id"], gminas=gminas, events=events
        )
        await session.commit()
        return run, False
    run = await repository.create_run(
        session=session,
        gminas=gminas,
        trigger=trigger,
        parameters=parameters,
        events=events,
        idempotency_key=idempotency_key,
    )
    await session.commit()
    return run, True


# --- executing a run ------------------------------------------------------------------------


def period_end(period: str) -> date:
    """First day after the period (``2024`` or ``2024-Q3``)."""
    year = int(period[:4])
    if "-Q" not in period:
        return date(year + 1, 1, 1)
    quarter = int(period[-1])
    return date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)


def month_end(period: str) -> date:
    """First day after the month ``2024-03``."""
    year, month = int(period[:4]), int(period[5:7])
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def quarter_of(period: str) -> str:
    """The quarter ``2024-Q1`` of the month ``2024-03``."""
    return f"{period[:4]}-Q{(int(period[5:7]) - 1) // 3 + 1}"


@dataclass(slots=True)
class Outcome:
    release_id: int
    cells: int
    suppressed: int


def _frozen_conflicts(
    rows: list[AggregateRow], frozen: dict[CellKey, FrozenValue], closed: set[str], k: int
) -> tuple[np.ndarray[Any, np.dtype[np.bool_]], np.ndarray[Any, np.dtype[np.bool_]], list[str]]:
    """Cells locked to their frozen published value, cells whose revision is too small to
    publish, and revisions that cannot be published at all.

    A published value of a closed period may change by 0 or by at least ``k`` (time
    differencing, A4). A change by 0 < |delta| < k would disclose the few records behind it,
    so the new value of that cell is treated as sensitive: suppressed and audited like a
    primary cell, while the rest of the release goes ahead. A cell published with a small
    value that vanished cannot be protected (there is no cell left to suppress)."""
    locked = np.zeros(len(rows), dtype=bool)
    revised = np.zeros(len(rows), dtype=bool)
    problems: list[str] = []
    seen: set[CellKey] = set()
    for position, row in enumerate(rows):
        key = row.key
        seen.add(key)
        previous = frozen.get(key)
        if previous is None or previous.value is None or row.period not in closed:
            continue
        change = abs(row.value - previous.value)
        if change == 0:
            locked[position] = True
        elif change < k:
            revised[position] = True
    for key, previous in frozen.items():
        if key not in seen and key.period in closed and previous.value and previous.value < k:
            problems.append(_describe(key, previous.release_id))
    return locked, revised, problems


def _describe(key: CellKey, release_id: int) -> str:
    return (
        f"{key.unit_code}/{key.category}/{key.period}/{key.measure}/{key.source}"
        f" (published in release {release_id})"
    )


def protect_rows(
    rows: list[AggregateRow],
    parents: dict[str, str | None],
    *,
    k: int,
    p: float,
    locked: np.ndarray[Any, np.dtype[np.bool_]],
    revised: np.ndarray[Any, np.dtype[np.bool_]],
    population: dict[tuple[str, int], int],
    max_rounds: int,
    on_round: Callable[[dict[str, int]], None] | None = None,
) -> Protection:
    """CPU-bound: build the relations and protect (run it in a thread).

    Revisions smaller than ``k`` are sensitive like counts below ``k``; a locked cell is out
    already (frozen). The attacker bounds each cell by the residents of its unit (published),
    or by the largest count where the population is unknown."""
    values = np.array([row.value for row in rows], dtype=np.int64)
    keys = [row.key for row in rows]
    relations = build_relations(keys, values, parents)
    caps = attacker_caps(rows, values, population)
    return protect(
        values,
        RelationSystem(relations, values.size),
        k=k,
        p=p,
        locked=locked,
        primary=(primary_suppression(values, k=k) | revised) & ~locked,
        max_rounds=max_rounds,
        cap=caps,
        on_round=on_round,
        cost=cell_costs(keys, values),
    )


def attacker_caps(
    rows: list[AggregateRow],
    values: np.ndarray[Any, np.dtype[np.int64]],
    population: dict[tuple[str, int], int],
) -> np.ndarray[Any, np.dtype[np.float64]]:
    """The attacker's upper bound of each cell: the published residents of its unit in that
    year. A unit without a figure (a powiat or voivodeship the demo does not load) is bounded by
    the largest population known, or the largest count when none is: weaker bounds than the
    real residents, but far above any count they could bind."""
    fallback = float(max([int(values.max()), *population.values()]))
    return np.array(
        [float(population.get((row.unit_code, int(row.period[:4])), fallback)) for row in rows]
    )


Reporter = Callable[[dict[str, Any]], Coroutine[Any, Any, None]]


async def silent(progress: dict[str, Any]) -> None:
    """The default reporter: progress is only kept at the end."""


async def execute_run(
    *,
    session: AsyncSession,
    run: dict[str, Any],
    settings: AnonymizerSettings,
    today: date | None = None,
    report: Reporter = silent,
) -> Outcome:
    """Aggregate, protect, audit and publish one release in the session's transaction;
    ``report`` hears the progress of each step (from outside that transaction).

    Raises :class:`RunRefused` (nothing is written) when the audit or the revision rule fails;
    the caller commits on success and rolls back otherwise."""
    run_id: uuid.UUID = run["id"]
    parameters: dict[str, Any] = run["parameters"]
    k = int(parameters.get("k", settings.min_count))
    p = float(parameters.get("p", settings.protection_ratio))
    include_open = bool(parameters.get("include_open_periods", False))
    monthly = bool(parameters.get("monthly", False))
    as_of = date.fromisoformat(parameters["as_of"]) if "as_of" in parameters else None
    as_of = as_of or today or datetime.now(UTC).date()
    gminas = run["gminas"] or await repository.all_gminas(session=session)
    await repository.lock_municipalities(session=session, gminas=gminas)

    await report({"step": "aggregating"})
    all_rows = await repository.aggregate(session=session, as_of=as_of)
    periods = sorted({row.period for row in all_rows})
    closed = {period for period in periods if period_end(period) <= as_of}
    published_periods = [period for period in periods if include_open or period in closed]
    open_periods = [period for period in published_periods if period not in closed]
    chosen = set(published_periods)
    rows = [row for row in all_rows if row.period in chosen]
    if not rows:
        raise RunRefused("failed", "no records in a publishable period")

    frozen = await repository.frozen_cells(session=session)
    locked, revised, revisions = _frozen_conflicts(rows, frozen, closed, k)
    if revisions:
        shown = "; ".join(revisions[:5])
        more = f" and {len(revisions) - 5} more" if len(revisions) > 5 else ""
        raise RunRefused(
            "held_back",
            f"a revision of closed periods would remove {len(revisions)} cell(s) published"
            f" with a value below k={k} (time differencing): {shown}{more}",
        )
    parents = await repository.unit_parents(session=session)
    years = sorted({int(row.period[:4]) for row in rows})
    population = await repository.populations(session=session, years=years)
    await report({"step": "protecting", "cells": len(rows)})
    loop = asyncio.get_running_loop()

    def on_round(progress: dict[str, int]) -> None:
        asyncio.run_coroutine_threadsafe(report({"step": "protecting", **progress}), loop)

    protection = await asyncio.to_thread(
        protect_rows,
        rows,
        parents,
        k=k,
        p=p,
        locked=locked,
        revised=revised,
        population=population,
        max_rounds=settings.max_rounds,
        on_round=on_round,
    )
    audit_summary = {
        "passed": protection.reason is None,
        "cells": len(rows),
        "primary": int(protection.primary.sum()),
        "secondary": int(protection.secondary.sum()),
        "rounds": protection.rounds,
        "linear_programs": protection.audit.linear_programs,
        "components": protection.audit.components,
        "protection": {"k": k, "p": p, "rule": "L <= max(0, v-P), U >= v+P, P=max(k,ceil(p*v))"},
        "earlier_releases_frozen_cells": int(locked.sum()),
        "revisions_below_k_suppressed": int(revised.sum()),
        "information_loss": information_loss(
            [row.key for row in rows],
            np.array([row.value for row in rows], dtype=np.int64),
            protection.suppressed,
            protection.primary,
        ),
    }
    if protection.reason is not None and protection.frozen:
        raise RunRefused(
            "held_back",
            "a revision of closed periods cannot be published without disclosing the change"
            " (time differencing): values frozen by earlier releases leave no cell to suppress"
            f" ({protection.reason})",
        )
    if protection.reason is not None:
        raise RunRefused("failed", f"audit failed: {protection.reason}")
    await report({"step": "publishing", **audit_summary})

    cells: list[NewCell] = []
    for position, row in enumerate(rows):
        if protection.suppressed[position]:
            kind = "primary" if protection.primary[position] else "secondary"
            cells.append(NewCell(row, None, kind, None, None, None, None))
            continue
        cells.append(_published(row, population))
    method = METHOD
    release_parameters: dict[str, Any] = {
        "k": k,
        "p": p,
        "include_open_periods": include_open,
        "scope": gminas,
    }
    months: list[str] = []
    open_months: list[str] = []
    if monthly:
        secret = settings.ckm_secret()
        if secret is None:
            raise RunRefused("failed", "the monthly layer needs SOCMAP_ANONYMIZER_CKM_KEY")
        counts = await repository.monthly_counts(
            session=session, as_of=as_of, pads=hmac_pads(secret)
        )
        monthly_layer, monthly_summary = monthly_cells(
            [count for count in counts if include_open or month_end(count.period) <= as_of],
            quarter_suppression(rows, protection),
            table=build_ptable(settings.ptable_parameters()),
            population=population,
        )
        cells += monthly_layer
        months = sorted({cell.row.period for cell in monthly_layer})
        open_months = [month for month in months if month_end(month) > as_of]
        method += MONTHLY_METHOD
        release_parameters["monthly"] = True
        audit_summary["monthly"] = monthly_summary
    release_id = await repository.insert_release(
        session=session,
        method=method,
        k=k,
        parameters=release_parameters,
        periods=published_periods + months,
        open_periods=open_periods + open_months,
        as_of=as_of,
        audit=audit_summary,
        run_id=run_id,
    )
    await repository.insert_cells(session=session, release_id=release_id, cells=cells)
    await repository.freeze(
        session=session,
        release_id=release_id,
        cells=cells,
        periods=[period for period in published_periods if period in closed],
    )
    await repository.update_run(
        session=session,
        run_id=run_id,
        status="published",
        release_id=release_id,
        progress={"step": "published", **audit_summary},
    )
    return Outcome(release_id, len(cells), int(protection.suppressed.sum()))


def _published(row: AggregateRow, population: dict[tuple[str, int], int]) -> NewCell:
    """A published cell with its rate per 1000 residents and 95 % Wilson interval."""
    residents = population.get((row.unit_code, int(row.period[:4])))
    rate = lower = upper = None
    if residents and residents >= row.value:
        rate = row.value / residents * 1000
        low, high = wilson_interval(row.value, residents)
        lower, upper = low * 1000, high * 1000
    return NewCell(row, row.value, None, residents, rate, lower, upper)


def quarter_suppression(rows: list[AggregateRow], protection: Protection) -> dict[CellKey, bool]:
    """Whether each quarterly persons/all cell of the release is suppressed."""
    return {
        row.key: bool(protection.suppressed[position])
        for position, row in enumerate(rows)
        if row.period_kind == "quarter" and row.measure == "persons" and row.source == "all"
    }


def monthly_cells(
    counts: list[MonthlyCount],
    quarters: dict[CellKey, bool],
    *,
    table: PTable,
    population: dict[tuple[str, int], int],
) -> tuple[list[NewCell], dict[str, Any]]:
    """The monthly layer: each count perturbed by its cell key (``anonymizer.ckm``); neither
    the true count nor the cell key goes any further than this function.

    Perturbed cells are not additive and stay out of the relations and the LP audit. A month
    bounds its quarter (quarter >= month >= published month - D), so a month is shown only
    where its quarter is published exactly, which bounds the quarter more tightly already; a
    month of a suppressed quarter is suppressed with it, and a month of a quarter outside the
    release is left out (it is published with its quarter)."""
    cells: list[NewCell] = []
    hidden = 0
    for count in counts:
        quarter = CellKey(
            count.unit_code, count.category, quarter_of(count.period), "persons", "all"
        )
        suppressed = quarters.get(quarter)
        if suppressed is None:
            continue
        # A hidden month carries no value at all, not even the perturbed one.
        value = 0 if suppressed else table.perturb(count.value, count.cell_key)
        row = AggregateRow(
            count.unit_code,
            count.level,
            count.category,
            count.period,
            "month",
            "persons",
            "all",
            value,
        )
        if suppressed:
            hidden += 1
            cells.append(NewCell(row, None, "secondary", None, None, None, None))
        else:
            cells.append(_published(row, population))
    summary = {
        "method": "cell-key perturbation: record keys HMAC-SHA256 of the pseudonyms, cell key"
        " their sum mod 256, p-table with zero mean, no 1s and 2s, zeros stay zeros",
        "cells": len(cells),
        "perturbed": len(cells) - hidden,
        "suppressed_with_quarter": hidden,
        "additive": False,
        "in_lp_audit": False,
    }
    return cells, summary


async def process_run(
    *,
    session: AsyncSession,
    run: dict[str, Any],
    settings: AnonymizerSettings,
    today: date | None = None,
    report: Reporter = silent,
) -> Outcome | None:
    """Execute a claimed run and record its end; a refused or crashed run leaves the current
    release untouched and says why."""
    try:
        outcome = await execute_run(
            session=session, run=run, settings=settings, today=today, report=report
        )
        await session.commit()
        return outcome
    except RunRefused as refused:
        await session.rollback()
        await repository.update_run(
            session=session, run_id=run["id"], status=refused.status, reason=refused.reason
        )
        await session.commit()
    except Exception as exc:  # the run fails, the worker lives on
        logger.exception("run failed", extra={"run_id": str(run["id"])})
        await session.rollback()
        await repository.update_run(
            session=session,
            run_id=run["id"],
            status="failed",
            reason=f"internal error: {type(exc).__name__}",
        )
        await session.commit()
    return None


# --- benchmarking ---------------------------------------------------------------------------


def benchmark(members: list[dict[str, Any]]) -> dict[str, Any]:
    """Group value, comparison, rank and below-average flags from *published* cells only.

    A suppressed member has no value, rate, rank or comparison, and the group value is the
    pooled rate of the published members only, so it cannot be differenced against them."""
    published = [
        member
        for member in members
        if not member["suppressed"] and member["value"] is not None and member["population"]
    ]
    events = sum(int(member["value"]) for member in published)
    residents = sum(int(member["population"]) for member in published)
    group_rate = events / residents * 1000 if residents else None
    ranked = sorted(published, key=lambda member: -float(member["rate"]))
    rank = {member["unit_code"]: position + 1 for position, member in enumerate(ranked)}
    rows: list[dict[str, Any]] = []
    for member in members:
        usable = member in published
        row = {
            "unit_code": member["unit_code"],
            "name": member["name"],
            "status": (
                "published" if usable else "suppressed" if member["suppressed"] else "no_data"
            ),
            "value": member["value"] if usable else None,
            "population": member["population"] if usable else None,
            "rate": member["rate"] if usable else None,
            "rate_lower": member["rate_lower"] if usable else None,
            "rate_upper": member["rate_upper"] if usable else None,
            "comparison": None,
            "rank": rank.get(member["unit_code"]),
            "below_average": None,
        }
        if usable and group_rate is not None:
            row["comparison"] = compare_with_benchmark(
                float(member["rate_lower"]), float(member["rate_upper"]), group_rate
            )
            row["below_average"] = float(member["rate"]) < group_rate
        rows.append(row)
    return {
        "group_rate": group_rate,
        "members_in_group_value": len(published),
        "members": rows,
    }
