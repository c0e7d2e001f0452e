"""Aggregation, suppression, audit and publication against the real database (A1, A2, A4)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import aggregation, repository, service
from anonymizer.schemas import RunProgress
from anonymizer.settings import AnonymizerSettings
from anonymizer.testing import (
    CITY,
    DISTRICTS,
    POWIAT,
    TODAY,
    TOWN,
    VOIVODESHIP,
    World,
    cell_value,
    publish,
    small_changes,
)
from shared.testing.plugin import as_role


async def _big_city(world: World) -> None:
    """Enough people in every district that most cells publish."""
    for number, district in enumerate(DISTRICTS):
        await world.add_many(12 + number, f"d{number}", district=district)


async def test_person_with_two_categories_counts_once_in_any(
    db_session: AsyncSession, world: World
) -> None:
    await world.add("anna", categories=("poverty", "unemployment"))
    await world.add("anna", categories=("disability",), day=date(2024, 3, 1), end=None)
    rows = await aggregation.aggregate(session=db_session, as_of=date(2024, 3, 31))
    values = {
        (row.unit_code, row.category, row.period, row.measure, row.source): row.value
        for row in rows
    }
    assert values[(CITY, "any", "2024-Q1", "persons", "all")] == 1
    assert values[(CITY, "2plus", "2024-Q1", "persons", "all")] == 1
    assert values[(CITY, "poverty", "2024-Q1", "persons", "all")] == 1
    assert values[(CITY, "disability", "2024-Q1", "persons", "all")] == 1
    # Every level of the hierarchy, and never a sum across categories.
    assert values[(DISTRICTS[0], "any", "2024", "persons", "all")] == 1
    assert values[(POWIAT, "any", "2024", "persons", "all")] == 1
    assert values[(VOIVODESHIP, "any", "2024", "persons", "all")] == 1


async def test_persons_known_to_both_ops_and_pup(db_session: AsyncSession, world: World) -> None:
    await world.add("jan", source="ops", household="h1")
    await world.add("jan", source="pup", categories=("unemployment",))
    await world.add("ewa", source="pup", categories=("unemployment",), household="h1")
    rows = await aggregation.aggregate(session=db_session, as_of=date(2024, 3, 31))
    persons = {
        row.source: row.value
        for row in rows
        if (row.unit_code, row.category, row.period, row.measure)
        == (CITY, "any", "2024-Q1", "persons")
    }
    assert persons == {"ops": 1, "pup": 2, "both": 1, "all": 2}
    households = {
        row.source: row.value
        for row in rows
        if (row.unit_code, row.category, row.period, row.measure)
        == (CITY, "any", "2024-Q1", "households")
    }
    assert households == {"ops": 1, "pup": 1, "both": 1, "all": 1}


async def test_release_suppresses_and_passes_the_audit(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _big_city(world)
    await world.add_many(2, "town", district=None, gmina=TOWN)
    run, outcome = await publish(db_session, settings)
    assert run["status"] == "published", run["reason"]
    assert outcome is not None
    release = await repository.get_release(session=db_session, release_id=outcome.release_id)
    assert release is not None
    assert release["audit"]["passed"] is True
    assert release["audit"]["primary"] > 0
    assert release["is_current"] is True
    # Closed periods only by default (as of 2025-02-01: all of 2024 but not 2025-Q1).
    assert "2025-Q1" not in release["periods"]
    assert "2024-Q1" in release["periods"]
    assert await cell_value(db_session, outcome.release_id, TOWN) == (None, True)
    assert await cell_value(db_session, outcome.release_id, DISTRICTS[2]) == (14, False)
    # The town (2) is primary; powiat = city + town would reveal it, so the city or the
    # powiat is suppressed too.
    city = await cell_value(db_session, outcome.release_id, CITY)
    powiat = await cell_value(db_session, outcome.release_id, POWIAT)
    assert city is not None
    assert powiat is not None
    assert city[1] or powiat[1]
    leaks = await db_session.scalar(
        text("SELECT count(*) FROM stats.cell WHERE suppressed AND value IS NOT NULL")
    )
    assert leaks == 0


async def test_suppressed_cells_have_no_value_by_constraint(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _big_city(world)
    _, outcome = await publish(db_session, settings)
    assert outcome is not None
    with pytest.raises(DBAPIError):
        async with db_session.begin_nested():
            await db_session.execute(
                text(
                    "INSERT INTO stats.cell (release_id, unit_code, level, category, period,"
                    " period_kind, measure, source, value, suppressed, suppression) VALUES"
                    " (:r, 'x', 'gmina', 'any', '2030', 'year', 'persons', 'all', 3, true,"
                    " 'primary')"
                ),
                {"r": outcome.release_id},
            )


async def test_release_cells_are_immutable(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _big_city(world)
    _, outcome = await publish(db_session, settings)
    assert outcome is not None
    for statement in (
        "UPDATE stats.cell SET value = value + 1 WHERE release_id = :r",
        "DELETE FROM stats.cell WHERE release_id = :r",
        "UPDATE stats.release_block SET cell_release_id = 1 WHERE release_id = :r",
        "DELETE FROM stats.release_block WHERE release_id = :r",
    ):
        with pytest.raises(DBAPIError, match="immutable"):
            async with db_session.begin_nested():
                await db_session.execute(text(statement), {"r": outcome.release_id})


async def test_a4_one_new_record_in_a_closed_period_is_protected(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    """One new case in a closed quarter moves every margin above it by 1: each of those
    cells keeps its last published value, flagged revision_pending, so no published value
    differs from the previous release by 0 < |delta| < k (A4), and the release goes out."""
    await _big_city(world)
    _, first = await publish(db_session, settings)
    assert first is not None
    before = await cell_value(db_session, first.release_id, DISTRICTS[1])
    await world.add("late-arrival", district=DISTRICTS[1])
    second, outcome = await publish(db_session, settings)
    assert outcome is not None, second["reason"]
    assert second["status"] == "published"
    assert await cell_value(db_session, outcome.release_id, DISTRICTS[1]) == before
    pending = await db_session.scalar(
        text(
            "SELECT revision_pending FROM stats.published_cell WHERE release_id = :r"
            " AND unit_code = :u AND category = 'any' AND period = '2024-Q1'"
            " AND measure = 'persons' AND source = 'all'"
        ),
        {"r": outcome.release_id, "u": DISTRICTS[1]},
    )
    assert pending is True
    assert (
        await small_changes(db_session, first.release_id, outcome.release_id, k=settings.min_count)
        == 0
    )
    release = await repository.get_release(session=db_session, release_id=outcome.release_id)
    assert release is not None
    assert release["audit"]["passed"]
    assert release["audit"]["revisions"]["pending_cells"] > 0


async def test_unchanged_data_republishes_the_frozen_values(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _big_city(world)
    _, first = await publish(db_session, settings)
    _, second = await publish(db_session, settings)
    assert first is not None
    assert second is not None
    assert second.release_id > first.release_id
    differences = await db_session.scalar(
        text(
            "SELECT count(*) FROM stats.published_cell a JOIN stats.published_cell b"
            " USING (unit_code, category, period, measure, source)"
            " WHERE a.release_id = :a AND b.release_id = :b"
            " AND (a.value IS DISTINCT FROM b.value OR a.suppressed <> b.suppressed)"
        ),
        {"a": first.release_id, "b": second.release_id},
    )
    assert differences == 0


async def test_erased_record_is_gone_from_the_next_release(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    """Open (provisional) periods are not frozen: an erasure shows in the next release."""
    await _big_city(world)
    erased = await world.add("to-erase", district=DISTRICTS[2], day=date(2025, 1, 10), end=None)
    await world.add_many(20, "jan25", district=DISTRICTS[2], day=date(2025, 1, 5), end=None)
    _, first = await publish(db_session, settings, include_open_periods=True)
    assert first is not None
    assert await cell_value(db_session, first.release_id, DISTRICTS[2], period="2025-Q1") == (
        21,
        False,
    )
    await world.erase(erased)
    _, second = await publish(db_session, settings, include_open_periods=True)
    assert second is not None
    assert await cell_value(db_session, second.release_id, DISTRICTS[2], period="2025-Q1") == (
        20,
        False,
    )


async def test_erasing_most_of_a_district_in_closed_periods_publishes(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    """12 persons of district 0 minus 10 erased: a change of 10 >= k is a revision the rule
    allows; the 2 left are a primary cell, suppressed and protected by the audit."""
    await _big_city(world)
    _, first = await publish(db_session, settings)
    assert first is not None
    for number in range(1, 11):
        await world.erase(f"T-{number}")
    second, outcome = await publish(db_session, settings)
    assert outcome is not None, second["reason"]
    assert await cell_value(db_session, outcome.release_id, DISTRICTS[0], period="2024-Q1") == (
        None,
        True,
    )


async def test_a_failed_run_leaves_the_current_release(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    _, nothing = await publish(db_session, settings)
    assert nothing is None  # no records at all
    assert await repository.latest_release_id(session=db_session) is None
    await _big_city(world)
    _, first = await publish(db_session, settings)
    assert first is not None
    # Nothing closed yet on 2024-01-15: the run fails and says why.
    failed, _ = await publish(db_session, settings, as_of=date(2024, 1, 15))
    assert failed["status"] == "failed"
    assert "publishable period" in failed["reason"]
    assert failed["finished_at"] > failed["started_at"]  # the clock, not the transaction's start
    assert await repository.latest_release_id(session=db_session) == first.release_id


async def test_map_tiles_reads_the_views_only(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await _big_city(world)
    await publish(db_session, settings)
    async with as_role(db_session, "socmap_map_tiles"):
        current = await db_session.scalar(text("SELECT count(*) FROM stats.current_cell"))
        assert current
        columns = (
            await db_session.execute(text("SELECT * FROM stats.published_cell LIMIT 1"))
        ).keys()
        assert "suppression" not in columns
    with pytest.raises(DBAPIError, match="permission denied"):
        async with db_session.begin_nested(), as_role(db_session, "socmap_map_tiles"):
            await db_session.execute(text("SELECT * FROM stats.cell"))
    with pytest.raises(DBAPIError, match="permission denied"):
        async with db_session.begin_nested(), as_role(db_session, "socmap_map_tiles"):
            await db_session.execute(text("SELECT * FROM stats.frozen_cell"))


@pytest.mark.parametrize(
    ("count", "primary"), [(1, True), (2, True), (4, True), (5, False), (6, False)]
)
async def test_a1_boundaries_in_a_release(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings, count: int, primary: bool
) -> None:
    """k = 5: a district of 1, 2, k-1 persons is primary-suppressed; k and k+1 are not primary
    (they may still be suppressed secondarily). Zeros are published."""
    await world.add_many(count, "small", district=DISTRICTS[0])
    await world.add_many(40, "big1", district=DISTRICTS[1])
    await world.add_many(50, "big2", district=DISTRICTS[2])
    run, outcome = await publish(db_session, settings)
    assert outcome is not None, run["reason"]
    kind = await db_session.scalar(
        text(
            "SELECT suppression FROM stats.cell WHERE release_id = :r AND unit_code = :u"
            " AND category = 'any' AND period = '2024-Q1' AND measure = 'persons'"
            " AND source = 'all'"
        ),
        {"r": outcome.release_id, "u": DISTRICTS[0]},
    )
    assert (kind == "primary") is primary
    pup = await cell_value(db_session, outcome.release_id, DISTRICTS[2], source="pup")
    assert pup == (0, False)  # a zero is published


async def test_population_of_the_nearest_year(db_session: AsyncSession, world: World) -> None:
    """Population figures lag the records: a year without one takes the latest earlier figure,
    else the earliest later one (rates and the attacker's bound of each cell)."""
    await db_session.execute(
        text(
            "INSERT INTO geo.population (unit_code, year, population, synthetic)"
            " VALUES (:code, 2022, 14000, true)"
        ),
        {"code": CITY},
    )
    population = await repository.populations(session=db_session, years=[2021, 2023, 2025])
    assert population[(CITY, 2021)] == 14000
    assert population[(CITY, 2023)] == 14000
    assert population[(CITY, 2025)] == 15000
    assert population[(TOWN, 2021)] == 5000


async def test_every_progress_report_is_what_the_api_documents(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    """``GET /v1/runs/{id}`` serves the last report as ``RunProgress``: each report a run
    makes on its way must validate, or a client polling a running run gets a 500."""
    await _big_city(world)
    run, _ = await service.request_run(
        session=db_session,
        gminas=None,
        trigger="test",
        parameters=service.run_parameters(
            settings, k=None, p=None, include_open_periods=False, as_of=None
        ),
        events=[],
        idempotency_key=None,
    )
    reports: list[dict[str, object]] = []

    async def report(progress: dict[str, object]) -> None:
        reports.append(progress)

    await service.execute_run(
        session=db_session, run=run, settings=settings, today=TODAY, report=report
    )
    steps = {str(progress["step"]) for progress in reports}
    assert {"planning", "aggregating", "protecting", "publishing"} <= steps
    for progress in reports:
        RunProgress.model_validate(progress)
