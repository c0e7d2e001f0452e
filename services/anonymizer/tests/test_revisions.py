"""The revision policy and incremental runs: late records, corrections and erasures in closed
periods never stop a release; an incremental run equals a full recomputation; the true counts
stay private."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import numpy as np
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import aggregation, protection, repository, service
from anonymizer.disclosure import audit, primary_suppression
from anonymizer.relations import CellKey, build_relations
from anonymizer.settings import AnonymizerSettings
from anonymizer.testing import (
    CITY,
    DISTRICTS,
    TODAY,
    TOWN,
    World,
    cell_value,
    publish,
    small_changes,
)
from shared.testing.plugin import as_role

LATER = date(2025, 4, 2)  # 2025-Q1 closes too


async def _city(world: World) -> None:
    """Enough people in every district and year that most cells publish."""
    for number, district in enumerate(DISTRICTS):
        await world.add_many(12 + number, f"d{number}", district=district)
        await world.add_many(
            9 + number, f"old{number}", district=district, day=date(2023, 5, 2), end=None
        )
    await world.add_many(8, "town", district=None, gmina=TOWN)


async def _pending(session: AsyncSession, release_id: int) -> int:
    value = await session.scalar(
        text(
            "SELECT count(*) FROM stats.published_cell WHERE release_id = :r AND revision_pending"
        ),
        {"r": release_id},
    )
    return int(value or 0)


async def _cells(session: AsyncSession, release_id: int) -> dict[CellKey, tuple[Any, ...]]:
    rows = await session.execute(
        text(
            "SELECT unit_code, category, period, measure, source, value, suppressed,"
            " revision_pending FROM stats.published_cell WHERE release_id = :r"
        ),
        {"r": release_id},
    )
    return {CellKey(*row[:5]): tuple(row[5:]) for row in rows.all()}


async def _tried(
    session: AsyncSession,
    settings: AnonymizerSettings,
    *,
    gminas: list[str] | None = None,
    full: bool = False,
) -> tuple[dict[str, Any], dict[CellKey, tuple[Any, ...]]]:
    """A run at ``LATER`` inside a savepoint rolled back afterwards: its release's block
    counts and its cells."""
    savepoint = await session.begin_nested()
    run = await repository.create_run(
        session=session,
        gminas=gminas,
        trigger="test",
        parameters=service.run_parameters(
            settings, k=None, p=None, include_open_periods=False, as_of=None, full=full
        ),
        events=[],
        idempotency_key=None,
    )
    outcome = await service.execute_run(session=session, run=run, settings=settings, today=LATER)
    release = await repository.get_release(session=session, release_id=outcome.release_id)
    assert release is not None
    result = release["audit"]["blocks"], await _cells(session, outcome.release_id)
    await savepoint.rollback()
    return result


async def _attack(session: AsyncSession, release_id: int, *, as_of: date, k: int = 5) -> None:
    """The LP attacker against one release as published: every published value that is not
    pending is a constant; suppressed and pending cells are unknowns. Every cell below k and
    every pending cell whose change is below k must keep its protection interval."""
    published = await _cells(session, release_id)
    truth = {
        row.key: row
        for row in await aggregation.aggregate(session=session, as_of=as_of)
        if row.key in published
    }
    keys = sorted(truth, key=lambda key: (key.unit_code, key.category, key.period, key.measure))
    values = np.array([truth[key].value for key in keys], dtype=np.int64)
    hidden = np.array([published[key][1] or published[key][2] for key in keys])
    moved = np.array(
        [
            published[key][2] and 0 < abs(int(published[key][0]) - truth[key].value) < k
            for key in keys
        ]
    )
    parents, _ = await repository.units(session=session)
    taxonomy = await repository.taxonomy(session=session)
    relations = build_relations(keys, values, parents, taxonomy)
    small = primary_suppression(values, k=k)
    primary = (small & hidden) | moved
    # A moved cell is protected as a change (level k); a small one as a count.
    levels = np.where(moved & ~small, k, np.maximum(k, np.ceil(0.3 * values - 1e-9)))
    rows = [truth[key] for key in keys]
    population = await repository.populations(
        session=session, years=sorted({int(key.period[:4]) for key in keys})
    )
    result = audit(
        values,
        hidden,
        relations,
        primary=primary,
        k=k,
        p=0.3,
        cap=protection.attacker_caps(rows, values, population),
        levels=levels.astype(np.int64),
    )
    assert result.passed, [
        (keys[cell], values[cell], published[keys[cell]], result.lower[cell], result.upper[cell])
        for cell in result.failing[:5]
    ]


async def test_late_records_corrections_and_erasures_never_hold_a_release_back(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _city(world)
    _, first = await publish(db_session, settings)
    assert first is not None
    before = await cell_value(db_session, first.release_id, DISTRICTS[1])
    # A late record, a correction (new categories) and an erasure, all in 2024-Q1 (closed) ...
    await world.add("late", district=DISTRICTS[1])
    await db_session.execute(
        text(
            "UPDATE ingest.record SET categories = ARRAY['poverty', 'disability']"
            " WHERE external_hash = sha256(convert_to('T-3', 'UTF8'))"
        )
    )
    await world.erase("T-20")
    # ... and the next quarter's records, which must be published as usual.
    await world.add_many(14, "q1", district=DISTRICTS[2], day=date(2025, 1, 10), end=None)
    second, outcome = await publish(db_session, settings, today=LATER)
    assert outcome is not None, second["reason"]
    assert second["status"] == "published"
    assert await cell_value(db_session, outcome.release_id, DISTRICTS[1]) == before
    assert await _pending(db_session, outcome.release_id) > 0
    fresh = await cell_value(db_session, outcome.release_id, DISTRICTS[2], period="2025-Q1")
    assert fresh is not None
    assert fresh[1] is False
    assert fresh[0]
    assert fresh[0] >= 14
    release = await repository.get_release(session=db_session, release_id=outcome.release_id)
    assert release is not None
    revisions = release["audit"]["revisions"]
    assert revisions["pending_cells"] == await _pending(db_session, outcome.release_id)
    assert revisions["blocks_fallen_back"] == 0
    await _attack(db_session, outcome.release_id, as_of=LATER)


async def test_a_second_late_record_into_the_same_cell_stays_safe_until_k(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _city(world)
    _, first = await publish(db_session, settings)
    assert first is not None
    shown = await cell_value(db_session, first.release_id, DISTRICTS[0])
    assert shown is not None
    assert shown[0] is not None
    releases = [first.release_id]
    for number in range(1, 6):
        await world.add(f"late-{number}", district=DISTRICTS[0])
        run, outcome = await publish(db_session, settings)
        assert outcome is not None, run["reason"]
        releases.append(outcome.release_id)
        await _attack(db_session, outcome.release_id, as_of=TODAY)
        cell = await cell_value(db_session, outcome.release_id, DISTRICTS[0])
        if number < settings.min_count:
            # The accumulated change is below k: the last published value stays.
            assert cell == shown, number
    # Five late records are a change of k: shown, or hidden, but never a change below k.
    final = await cell_value(db_session, releases[-1], DISTRICTS[0])
    assert final is not None
    assert final[1] or final[0] == shown[0] + 5 or final[0] == shown[0]
    for earlier, later in itertools.pairwise(releases):
        assert await small_changes(db_session, earlier, later, k=settings.min_count) == 0


async def test_an_incremental_run_equals_a_full_recomputation(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _city(world)
    _, first = await publish(db_session, settings)
    assert first is not None
    await world.add("late", district=DISTRICTS[1])
    await world.add_many(6, "new", district=DISTRICTS[0], day=date(2025, 1, 20), end=None)
    # The same state computed twice, inside savepoints: incrementally, then in full.
    incremental, by_increment = await _tried(db_session, settings, gminas=[CITY])
    recomputed, in_full = await _tried(db_session, settings, full=True)
    assert incremental["carried_over_cells"] > 0  # 2023 was not recomputed
    assert recomputed["carried_over_cells"] == 0
    assert in_full == by_increment


async def test_blocks_protected_in_worker_processes_publish_the_same_release(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    """Two processes protect the blocks side by side; the release is the one a single process
    publishes, cell for cell."""
    await _city(world)
    await world.add("late", district=DISTRICTS[1])
    one, alone = await _tried(db_session, settings.model_copy(update={"protection_workers": 1}))
    two, side_by_side = await _tried(
        db_session, settings.model_copy(update={"protection_workers": 2})
    )
    blocks, blocks_side_by_side = one["computed"], two["computed"]
    assert blocks == blocks_side_by_side
    assert int(blocks) > 1
    assert side_by_side == alone


async def test_a_run_with_nothing_new_carries_every_block_over(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _city(world)
    _, first = await publish(db_session, settings)
    _, second = await publish(db_session, settings, gminas=[CITY])
    assert first is not None
    assert second is not None
    release = await repository.get_release(session=db_session, release_id=second.release_id)
    assert release is not None
    assert release["audit"]["blocks"]["computed"] == 0
    assert await _cells(db_session, second.release_id) == await _cells(db_session, first.release_id)
    # Carried over by reference: the second release stores no cell of its own, and its
    # information loss is the first one's, summed from the blocks it shows.
    own = await db_session.scalar(
        text("SELECT count(*) FROM stats.cell WHERE release_id = :r"), {"r": second.release_id}
    )
    assert own == 0
    earlier = await repository.get_release(session=db_session, release_id=first.release_id)
    assert earlier is not None
    assert release["audit"]["information_loss"] == earlier["audit"]["information_loss"]
    assert release["audit"]["blocks"]["carried_over_cells"] == first.cells


async def test_a_block_no_pattern_protects_shows_the_previous_release_flagged(
    db_session: AsyncSession,
    world: World,
    settings: AnonymizerSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fallback of the revision policy: when no pattern protects a changed block, the
    block is copied from the previous release (through its block references) with the
    changed cells flagged, and the release still goes out with its information loss."""
    await _city(world)
    _, first = await publish(db_session, settings)
    assert first is not None
    before = await _cells(db_session, first.release_id)
    await world.add("late", district=DISTRICTS[1])

    async def no_pattern(self: protection.Protector, block: Any, on_round: Any) -> Any:
        return protection.BlockPattern(None, None, 0, 0, 0)

    monkeypatch.setattr(protection.Protector, "__call__", no_pattern)
    run, second = await publish(db_session, settings, gminas=[CITY])
    assert second is not None, run["reason"]
    release = await repository.get_release(session=db_session, release_id=second.release_id)
    assert release is not None
    audit = release["audit"]
    assert audit["revisions"]["blocks_fallen_back"] >= 1
    after = await _cells(db_session, second.release_id)
    assert after.keys() == before.keys()
    pending = {key for key, cell in after.items() if cell[2]}
    assert pending
    assert all(after[key][:2] == before[key][:2] for key in after)
    assert audit["revisions"]["pending_cells"] == len(pending)
    assert audit["information_loss"]["cells"] == len(after)


async def test_a_run_for_another_voivodeship_plans_nothing_here(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    """Events of a municipality elsewhere (voivodeship 02) neither aggregate nor compare any
    block of voivodeship 97 when the release has no new period: the national monthly batch
    case, where every voivodeship used to be re-aggregated."""
    await _city(world)
    _, first = await publish(db_session, settings)
    assert first is not None
    parameters = service.run_parameters(
        settings, k=None, p=None, include_open_periods=False, as_of=TODAY
    )
    plan = await service.plan_run(
        session=db_session, gminas=["0201011"], parameters=parameters, as_of=TODAY
    )
    assert not plan.full
    assert plan.scope == {}
    own = await service.plan_run(
        session=db_session, gminas=[CITY], parameters=parameters, as_of=TODAY
    )
    assert own.scope == {"97": None}


@pytest.mark.parametrize(
    "late",
    [
        {},  # a new decision for a known client
        {"source": "pup"},  # a known OPS client registers at the labour office
        {"household": "h-new"},  # the client now lives in a household
        {"categories": ("homelessness",)},  # with another category
    ],
)
async def test_a_batch_of_the_open_period_leaves_closed_blocks_carried_over(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings, late: dict[str, Any]
) -> None:
    """The daily case: records dated in the current, unpublished quarter change no closed
    cell, so the run computes no block (TODAY is 2025-02-01: 2025-Q1 is open)."""
    await _city(world)
    await publish(db_session, settings)
    await world.add("d0-0", day=date(2025, 1, 20), end=None, **late)
    await world.add("d1-1", day=date(2025, 1, 22), end=date(2025, 1, 30), **late)
    _, second = await publish(db_session, settings, gminas=[CITY])
    assert second is not None
    release = await repository.get_release(session=db_session, release_id=second.release_id)
    assert release is not None
    assert release["audit"]["blocks"]["computed"] == 0


async def test_the_true_counts_are_readable_by_the_anonymizer_only(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _city(world)
    await publish(db_session, settings)
    for table in ("stats_internal.true_cell", "stats_internal.block_loss"):
        async with as_role(db_session, "socmap_anonymizer"):
            stored = await db_session.scalar(text(f"SELECT count(*) FROM {table}"))
            assert stored
        for role in ("socmap_map_tiles", "socmap_catalog", "socmap_ingest"):
            with pytest.raises(DBAPIError, match="permission denied"):
                async with db_session.begin_nested(), as_role(db_session, role):
                    await db_session.execute(text(f"SELECT * FROM {table}"))


def test_period_groups_keep_a_year_with_its_quarters() -> None:
    from anonymizer.blocks import period_groups

    assert period_groups(["2024", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]) == [
        ("2024", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"),
        ("2025-Q1",),
    ]
    assert service.periods_between(date(2024, 2, 1), date(2025, 2, 1)) == [
        "2024",
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
        "2025",
        "2025-Q1",
    ]


async def test_every_release_reports_its_information_loss(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _city(world)
    _, first = await publish(db_session, settings)
    assert first is not None
    release = await repository.get_release(session=db_session, release_id=first.release_id)
    assert release is not None
    loss = release["audit"]["information_loss"]
    groups = loss["groups"]
    assert {(group["level"], group["measure"], group["source"]) for group in groups} >= {
        ("district", "persons", "all"),
        ("gmina", "persons", "ops"),
    }
    assert loss["cells"] == sum(group["cells"] for group in groups) == first.cells
    assert loss["suppressed"] == first.suppressed
    for group in groups:
        # A sum over few hidden cells would be a fact about them the audit never saw.
        hidden = group["in_suppressed_cells"]
        assert (hidden is None) == (group["suppressed"] < 10)
        assert hidden is None or hidden % 100 == 0
