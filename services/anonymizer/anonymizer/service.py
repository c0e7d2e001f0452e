"""Rules of the anonymizer: requesting runs (with coalescing), executing a run (aggregate,
protect, audit, publish atomically) and benchmarking from published cells only."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import aggregation, repository
from anonymizer.blocks import (
    Block,
    Revision,
    classify,
    period_groups,
    vanished_rows,
)
from anonymizer.ckm import PTable, build_ptable, hmac_pads
from anonymizer.disclosure import BoolArray, DisclosureError, check_k
from anonymizer.protection import BlockInput, Protector
from anonymizer.relations import CellKey, Taxonomy, period_end
from anonymizer.repository import AggregateRow, BlockLoss, MonthlyCount, NewCell
from anonymizer.settings import AnonymizerSettings
from shared.codes import voivodeship_of
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
    full: bool = False,
) -> dict[str, Any]:
    chosen_k = settings.min_count if k is None else k
    try:
        check_k(chosen_k)
    except DisclosureError as exc:
        raise ValidationFailed(
            str(exc),
            errors=[{"field": "k", "location": "body", "code": "too_small", "message": str(exc)}],
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
                message,
                errors=[
                    {
                        "field": "monthly",
                        "location": "body",
                        "code": "unavailable",
                        "message": message,
                    }
                ],
            )
        # Only when on, so runs without the layer keep the parameters (and coalescing) of old.
        parameters["monthly"] = True
    if full:
        parameters["full"] = True
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


def ends_by(period: str, day: date) -> bool:
    """Whether the period (``2024``, ``2024-Q3`` or ``2024-03``) is over on ``day``."""
    end = period_end(period)
    return end is not None and end <= day


def quarter_of(period: str) -> str:
    """The quarter ``2024-Q1`` of the month ``2024-03``."""
    return f"{period[:4]}-Q{(int(period[5:7]) - 1) // 3 + 1}"


def periods_between(first: date, as_of: date) -> list[str]:
    """Every quarter and year from the one holding ``first`` to the one holding ``as_of``."""
    periods: list[str] = []
    for year in range(first.year, as_of.year + 1):
        periods.append(str(year))
        for quarter in range(1, 5):
            starts = date(year, 3 * quarter - 2, 1)
            if (year, quarter) >= (first.year, (first.month - 1) // 3 + 1) and starts <= as_of:
                periods.append(f"{year}-Q{quarter}")
    return periods


@dataclass(slots=True)
class Outcome:
    release_id: int
    cells: int
    suppressed: int


Reporter = Callable[[dict[str, Any]], Coroutine[Any, Any, None]]


async def silent(progress: dict[str, Any]) -> None:
    """The default reporter: progress is only kept at the end."""


@dataclass(slots=True)
class Plan:
    """What a run publishes: the periods, and which blocks it computes and which it carries
    over from the previous release unchanged."""

    periods: list[str]
    closed: set[str]
    open_periods: list[str]
    groups: list[tuple[str, ...]]
    previous: dict[str, Any] | None
    # Voivodeship -> the groups of periods to recompute there (None: all of them).
    scope: dict[str, set[tuple[str, ...]] | None]
    # Every recomputed block is protected again even if its counts did not change.
    full: bool


def _comparable(previous: dict[str, Any] | None, parameters: dict[str, Any], as_of: date) -> bool:
    """Whether the previous release can be carried over: same rules, same layers, not later."""
    if previous is None or parameters.get("full") or parameters.get("monthly"):
        return False
    before = previous["parameters"]
    same = all(
        before.get(name) == parameters.get(name, default)
        for name, default in (("k", None), ("p", None), ("include_open_periods", False))
    )
    return same and not before.get("monthly") and previous["as_of"] <= as_of


async def plan_run(
    *,
    session: AsyncSession,
    gminas: list[str] | None,
    parameters: dict[str, Any],
    as_of: date,
) -> Plan:
    """The blocks a run recomputes: every block of the municipalities' voivodeships that the
    events name (their ancestors and all the relations that touch them live there), every
    block of a period that is new in this release or was published open, and everything when
    the previous release cannot be carried over (other rules, no release yet)."""
    first = await repository.first_reference_date(session=session, as_of=as_of)
    if first is None:
        raise RunRefused("failed", "no records in a publishable period")
    include_open = bool(parameters.get("include_open_periods", False))
    every = periods_between(first, as_of)
    closed = {period for period in every if ends_by(period, as_of)}
    periods = [period for period in every if include_open or period in closed]
    if not periods:
        raise RunRefused("failed", "no records in a publishable period")
    groups = period_groups(periods)
    previous = await repository.current_release(session=session)
    voivodeships = await repository.voivodeships_with_records(session=session, as_of=as_of)
    full = not _comparable(previous, parameters, as_of)
    open_periods = [period for period in periods if period not in closed]
    scope: dict[str, set[tuple[str, ...]] | None] = dict.fromkeys(voivodeships)
    if not full and gminas is not None:
        assert previous is not None
        # Months (``2025-03``) form no group: a monthly release is never carried over.
        known = set(period_groups(previous["periods"]))
        stale = set(previous["open_periods"])
        fresh = {group for group in groups if group not in known or stale.intersection(group)}
        named = {voivodeship_of(code) for code in gminas}
        scope = {
            voivodeship: None if voivodeship in named else fresh
            for voivodeship in voivodeships
            if voivodeship in named or fresh
        }
    return Plan(periods, closed, open_periods, groups, previous, scope, full)


@dataclass(slots=True)
class Tally:
    """What the blocks of a run did, summed for the release's audit (counts, never values)."""

    computed: int = 0
    unchanged: int = 0
    carried: int = 0
    fallback: int = 0
    primary: int = 0
    secondary: int = 0
    rounds: int = 0
    linear_programs: int = 0
    components: int = 0
    locked: int = 0
    pending: int = 0
    held_back: list[dict[str, Any]] = field(default_factory=list)
    computed_blocks: list[Block] = field(default_factory=list)
    quarters: dict[CellKey, bool] = field(default_factory=dict)


async def execute_run(
    *,
    session: AsyncSession,
    run: dict[str, Any],
    settings: AnonymizerSettings,
    today: date | None = None,
    report: Reporter = silent,
) -> Outcome:
    """Compute, protect, audit and publish one release in the session's transaction;
    ``report`` hears the progress of each step (from outside that transaction).

    The release is built block by block (``anonymizer.blocks``): blocks the run recomputes are
    protected anew with the revision policy, the others are carried over from the previous
    release unchanged. A late record, a correction or an erasure in a closed period never stops
    the release: the cells it changed keep their last published value (``revision_pending``)
    until the change can be shown safely. Raises :class:`RunRefused` (nothing is written) only
    when there is nothing to publish; the caller commits on success and rolls back otherwise."""
    run_id: uuid.UUID = run["id"]
    parameters: dict[str, Any] = run["parameters"]
    k = int(parameters.get("k", settings.min_count))
    p = float(parameters.get("p", settings.protection_ratio))
    include_open = bool(parameters.get("include_open_periods", False))
    monthly = bool(parameters.get("monthly", False))
    as_of = date.fromisoformat(parameters["as_of"]) if "as_of" in parameters else None
    as_of = as_of or today or datetime.now(UTC).date()
    gminas: list[str] | None = run["gminas"]
    await repository.lock_municipalities(
        session=session, gminas=gminas or await repository.all_gminas(session=session)
    )

    await report({"step": "planning"})
    plan = await plan_run(session=session, gminas=gminas, parameters=parameters, as_of=as_of)
    method = METHOD
    release_parameters: dict[str, Any] = {
        "k": k,
        "p": p,
        "include_open_periods": include_open,
        "scope": gminas or "all",
    }
    release_id = await repository.insert_release(
        session=session,
        method=method + (MONTHLY_METHOD if monthly else ""),
        k=k,
        parameters=release_parameters | ({"monthly": True} if monthly else {}),
        periods=plan.periods,
        open_periods=plan.open_periods,
        as_of=as_of,
        audit={},
        run_id=run_id,
    )
    parents, levels = await repository.units(session=session)
    context = _RunContext(
        session=session,
        database=asyncio.Lock(),
        protector=Protector(settings.protection_workers),
        plan=plan,
        as_of=as_of,
        release_id=release_id,
        k=k,
        p=p,
        parents=parents,
        levels=levels,
        taxonomy=await repository.taxonomy(session=session),
        settings=settings,
        tally=Tally(),
        report=report,
        loop=asyncio.get_running_loop(),
    )
    await _compute_blocks(context)
    tally = context.tally
    if plan.previous is not None:
        tally.carried = await repository.carry_over(
            session=session,
            release_id=release_id,
            previous_id=plan.previous["id"],
            periods=plan.periods,
            excluded=[block.as_json() for block in tally.computed_blocks],
        )
    loss = await repository.information_loss(session=session, release_id=release_id)
    audit_summary: dict[str, Any] = {
        "passed": True,
        "cells": loss["cells"],
        "primary": tally.primary,
        "secondary": tally.secondary,
        "rounds": tally.rounds,
        "linear_programs": tally.linear_programs,
        "components": tally.components,
        "protection": {
            "k": k,
            "p": p,
            "rule": "L <= max(0, v-P), U >= v+P, P=max(k,ceil(p*v)); a revision by less than k:"
            " P=k around its new value",
        },
        "earlier_releases_frozen_cells": tally.locked,
        "revisions": {
            "policy": "a changed value of a closed period is shown when the change is at least k"
            " and the audit passes; otherwise the cell keeps its last published value, flagged"
            " revision_pending",
            "pending_cells": loss["revision_pending"],
            "blocks_fallen_back": tally.fallback,
        },
        "blocks": {
            "computed": tally.computed,
            "unchanged_recomputed": tally.unchanged,
            "carried_over_cells": tally.carried,
            "held_back": tally.held_back,
        },
    }
    audit_summary["information_loss"] = loss
    suppressed = int(loss["suppressed"])
    if monthly:
        secret = settings.ckm_secret()
        if secret is None:
            raise RunRefused("failed", "the monthly layer needs SOCMAP_ANONYMIZER_CKM_KEY")
        counts = await repository.monthly_counts(
            session=session, as_of=as_of, pads=hmac_pads(secret)
        )
        monthly_layer, monthly_summary = monthly_cells(
            [count for count in counts if include_open or ends_by(count.period, as_of)],
            tally.quarters,
            table=build_ptable(settings.ptable_parameters()),
            population=await repository.populations(
                session=session, years=sorted({int(period[:4]) for period in plan.periods})
            ),
        )
        await repository.insert_cells(session=session, release_id=release_id, cells=monthly_layer)
        months = sorted({cell.row.period for cell in monthly_layer})
        await repository.add_periods(
            session=session,
            release_id=release_id,
            periods=months,
            open_periods=[month for month in months if not ends_by(month, as_of)],
        )
        audit_summary["monthly"] = monthly_summary
        suppressed += int(monthly_summary["suppressed_with_quarter"])
    await report({"step": "publishing", **audit_summary})
    await repository.finish_release(session=session, release_id=release_id, audit=audit_summary)
    await repository.update_run(
        session=session,
        run_id=run_id,
        status="published",
        release_id=release_id,
        progress={"step": "published", **audit_summary},
    )
    return Outcome(release_id, int(audit_summary["cells"]), suppressed)


def astuple_key(row: AggregateRow) -> tuple[str, str, str, str, str]:
    return (row.unit_code, row.category, row.period, row.measure, row.source)


@dataclass(slots=True)
class _RunContext:
    """What the blocks of a run share. ``database`` serialises the blocks in flight on the
    run's one session (one transaction for the whole release)."""

    session: AsyncSession
    database: asyncio.Lock
    protector: Protector
    plan: Plan
    as_of: date
    release_id: int
    k: int
    p: float
    parents: dict[str, str | None]
    levels: dict[str, str]
    taxonomy: Taxonomy
    settings: AnonymizerSettings
    tally: Tally
    report: Reporter
    loop: asyncio.AbstractEventLoop


async def _compute_blocks(context: _RunContext) -> None:
    """Aggregate the voivodeships one by one and protect their blocks, as many at a time as
    the protector has workers: the next voivodeship is aggregated while the blocks before it
    are protected. Each block writes only its own cells, as it finishes; a failing block
    cancels the others (and the caller rolls the transaction back)."""
    plan, tally = context.plan, context.tally
    slots = asyncio.Semaphore(context.protector.workers)
    async with asyncio.TaskGroup() as blocks:
        for number, (voivodeship, wanted) in enumerate(sorted(plan.scope.items()), start=1):
            groups = [group for group in plan.groups if wanted is None or group in wanted]
            years = sorted({int(group[0][:4]) for group in groups})
            await context.report(
                {
                    "step": "aggregating",
                    "voivodeship": voivodeship,
                    "voivodeship_number": number,
                    "voivodeships": len(plan.scope),
                }
            )
            async with context.database:
                rows = await aggregation.aggregate(
                    session=context.session,
                    as_of=context.as_of,
                    voivodeships=[voivodeship],
                    years=years,
                )
                population = await repository.populations(session=context.session, years=years)
            by_group: dict[tuple[str, ...], list[AggregateRow]] = {group: [] for group in groups}
            group_of = {period: group for group in groups for period in group}
            for row in rows:
                group = group_of.get(row.period)
                if group is not None:
                    by_group[group].append(row)
            del rows
            for group, block_rows in by_group.items():
                await slots.acquire()
                task = blocks.create_task(
                    _publish_block(
                        context,
                        Block(voivodeship, group),
                        sorted(block_rows, key=astuple_key),
                        population,
                    )
                )
                task.add_done_callback(lambda _: slots.release())
    tally.computed_blocks.sort()
    tally.held_back.sort(key=lambda held: (held["voivodeship"], held["periods"]))


async def _publish_block(
    context: _RunContext,
    block: Block,
    rows: list[AggregateRow],
    population: dict[tuple[str, int], int],
) -> None:
    """Protect and write one block, or leave it to the carry-over when its counts are those of
    the previous release (and the run is not a full one)."""
    session, plan, tally, k = context.session, context.plan, context.tally, context.k
    async with context.database:
        frozen = await repository.frozen_cells(
            session=session, voivodeship=block.voivodeship, periods=block.periods
        )
        rows = rows + vanished_rows(rows, frozen, plan.closed, context.levels)
        truth = {row.key: row.value for row in rows}
        before = await repository.true_cells(
            session=session, voivodeship=block.voivodeship, periods=block.periods
        )
        published_before = plan.previous is not None and await repository.block_published(
            session=session, release_id=plan.previous["id"], block=block.as_json()
        )
    if not rows and not published_before:
        return
    if not plan.full and published_before and before == truth:
        tally.unchanged += 1
        return
    tally.computed_blocks.append(block)
    if not rows:
        return
    revision = classify(rows, frozen, plan.closed, k)
    await context.report({"step": "protecting", "block": block.label})

    def on_round(progress: dict[str, int]) -> None:
        asyncio.run_coroutine_threadsafe(
            context.report({"step": "protecting", "block": block.label, **progress}),
            context.loop,
        )

    pattern = await context.protector(
        BlockInput(
            rows,
            context.parents,
            k,
            context.p,
            revision,
            population,
            context.taxonomy,
            context.settings.max_rounds,
        ),
        on_round,
    )
    tally.rounds = max(tally.rounds, pattern.rounds)
    tally.linear_programs += pattern.linear_programs
    async with context.database:
        suppressed, primary = pattern.suppressed, pattern.primary
        if suppressed is None or primary is None:
            await _fall_back(
                session=session,
                block=block,
                rows=rows,
                plan=plan,
                release_id=context.release_id,
                tally=tally,
                published_before=published_before,
            )
            return
        tally.components += pattern.components
        await _write_block(context, block, rows, revision, suppressed, primary, population)


async def _write_block(
    context: _RunContext,
    block: Block,
    rows: list[AggregateRow],
    revision: Revision,
    suppressed: BoolArray,
    primary: BoolArray,
    population: dict[tuple[str, int], int],
) -> None:
    """The cells of a protected block, its frozen values and its true counts."""
    session, plan, tally, k = context.session, context.plan, context.tally, context.k
    tally.computed += 1
    tally.primary += int(primary.sum())
    tally.secondary += int((suppressed & ~primary).sum())
    tally.locked += int(revision.locked.sum())
    cells: list[NewCell] = []
    for position, row in enumerate(rows):
        shown = revision.shown[position]
        hidden = bool(suppressed[position])
        if hidden and shown is not None and not 0 < row.value < k:
            # Published before and changed: it keeps its last published value until the
            # change can be shown (the revision policy); that value is public already. A
            # cell that fell below k is simply suppressed from now on.
            cells.append(_published(row, population, shown=shown, pending=True))
        elif hidden:
            kind = "primary" if primary[position] else "secondary"
            cells.append(NewCell(row, None, kind, None, None, None, None))
        else:
            cells.append(_published(row, population))
        if row.period_kind == "quarter" and row.measure == "persons" and row.source == "all":
            tally.quarters[row.key] = hidden
    await repository.insert_cells(session=session, release_id=context.release_id, cells=cells)
    await repository.freeze(
        session=session,
        release_id=context.release_id,
        cells=[cell for cell in cells if cell.row.period in plan.closed and not cell.pending],
    )
    await repository.replace_true_cells(
        session=session, voivodeship=block.voivodeship, periods=block.periods, rows=rows
    )
    truth = [row.value for row in rows]
    await repository.insert_block_loss(
        session=session,
        release_id=context.release_id,
        voivodeship=block.voivodeship,
        losses=block_losses(
            (
                cell.row.period,
                cell.row.level,
                cell.row.measure,
                cell.row.source,
                cell.suppression,
                cell.pending,
                value,
            )
            for cell, value in zip(cells, truth, strict=True)
        ),
    )


async def _fall_back(
    *,
    session: AsyncSession,
    block: Block,
    rows: list[AggregateRow],
    plan: Plan,
    release_id: int,
    tally: Tally,
    published_before: bool,
) -> None:
    """A block no pattern protects: carried over exactly as the previous release showed it,
    with every cell whose count changed flagged ``revision_pending`` (nothing new is shown, so
    nothing new is disclosed). A block never published before is held back, and only it."""
    if not published_before or plan.previous is None:
        units = sorted({row.unit_code for row in rows if row.level == "gmina"})
        tally.held_back.append(block.as_json() | {"gminas": units})
        return
    tally.fallback += 1
    copied = await repository.carry_block(
        session=session,
        release_id=release_id,
        previous_id=plan.previous["id"],
        block=block.as_json(),
        changed=[row.key for row in rows],
        truth=[row.value for row in rows],
    )
    truth = {row.key: row.value for row in rows}
    await repository.insert_block_loss(
        session=session,
        release_id=release_id,
        voivodeship=block.voivodeship,
        losses=block_losses(
            (key.period, level, key.measure, key.source, suppression, pending, truth.get(key, 0))
            for key, level, suppression, pending in copied
        ),
    )


def block_losses(
    cells: Iterable[tuple[str, str, str, str, str | None, bool, int]],
) -> dict[tuple[str, str, str, str], BlockLoss]:
    """The information loss of a block's cells, given as (period, level, measure, source,
    suppression, pending, true value), per (period, level, measure, source)."""
    losses: dict[tuple[str, str, str, str], BlockLoss] = {}
    for period, level, measure, source, suppression, pending, value in cells:
        loss = losses.setdefault((period, level, measure, source), BlockLoss())
        loss.cells += 1
        loss.pending += pending
        if suppression == "primary":
            loss.primary += 1
        elif suppression == "secondary":
            loss.secondary += 1
        if suppression is not None:
            loss.hidden += value
    return losses


def _published(
    row: AggregateRow,
    population: dict[tuple[str, int], int],
    *,
    shown: int | None = None,
    pending: bool = False,
) -> NewCell:
    """A published cell with its rate per 1000 residents and 95 % Wilson interval; ``shown``
    is the value to publish when it is not the true one (a pending revision)."""
    value = row.value if shown is None else shown
    residents = population.get((row.unit_code, int(row.period[:4])))
    rate = lower = upper = None
    if residents and residents >= value:
        rate = value / residents * 1000
        low, high = wilson_interval(value, residents)
        lower, upper = low * 1000, high * 1000
    return NewCell(row, value, None, residents, rate, lower, upper, pending)


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
