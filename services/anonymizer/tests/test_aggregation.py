"""The aggregation equals the reference SQL row for row, on seeded random records (A1)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import aggregation
from anonymizer.reference import reference_aggregate
from anonymizer.repository import AggregateRow
from anonymizer.testing import CITY, DISTRICTS, POWIAT, TOWN, VOIVODESHIP, World, box
from shared.testing.plugin import as_role

AS_OF = date(2024, 11, 15)
# A second voivodeship: a city with two districts and a town without.
OTHER = ("98", "9801", "9801011", "9801022", ("9801011-01", "9801011-02"))
PLACES = [
    *((CITY, district) for district in DISTRICTS),
    (TOWN, None),
    (OTHER[2], OTHER[4][0]),
    (OTHER[2], OTHER[4][1]),
    (OTHER[3], None),
    (TOWN, DISTRICTS[2]),  # a district recorded under another gmina: each level takes its own
]
IN_VOIVODESHIP = {VOIVODESHIP, POWIAT, CITY, TOWN, *DISTRICTS}
# Shipped categories, and one that ref.category does not know.
CATEGORIES = ("poverty", "unemployment", "disability", "homelessness", "alcoholism")
UNKNOWN = "not_in_the_taxonomy"


async def _other_voivodeship(session: AsyncSession) -> None:
    voivodeship, powiat, city, town, districts = OTHER
    units = [
        (voivodeship, "voivodeship", None),
        (powiat, "powiat", voivodeship),
        (city, "gmina", powiat),
        (town, "gmina", powiat),
        *((district, "district", city) for district in districts),
    ]
    for number, (code, level, parent) in enumerate(units):
        await session.execute(
            text(
                "INSERT INTO geo.territorial_unit (code, level, name, parent_code, geom)"
                f" VALUES (:code, :level, :name, :parent, {box(11.0 + number / 10)})"
            ),
            {"code": code, "level": level, "name": code, "parent": parent},
        )


async def _random_records(
    world: World, seed: int, *, records: int = 400, unknown: bool = False, empty: bool = False
) -> None:
    """Persons with several records: in two districts or gminas, from OPS and PUP, with
    households that change or are missing, cases open-ended, spanning years or starting
    after ``AS_OF``; ``unknown``: some with a category outside ref.category; ``empty``: some
    with no category at all (the table forbids that today; the test lifts the check)."""
    await _other_voivodeship(world.session)
    if empty:
        await world.session.execute(
            text("ALTER TABLE ingest.record DROP CONSTRAINT ck_record_categories")
        )
    rng = random.Random(seed)
    persons = [f"person-{seed}-{number}" for number in range(records // 4)]
    homes = {
        person: [f"home-{rng.randrange(records // 6)}" for _ in range(2)] for person in persons
    }
    where = {person: rng.sample(PLACES, 2) for person in persons}
    choices = [*CATEGORIES, UNKNOWN] if unknown else list(CATEGORIES)
    for _ in range(records):
        person = rng.choice(persons)
        gmina, district = rng.choice(where[person]) if rng.random() < 0.3 else where[person][0]
        day = date(2021, 7, 1) + timedelta(days=rng.randrange(1360))  # to March 2025
        end = None if rng.random() < 0.25 else day + timedelta(days=rng.randrange(600))
        count = rng.choice((0, 1, 1, 1, 2, 2, 3) if empty else (1, 1, 1, 2, 2, 3))
        household = rng.choice([*homes[person], None])
        await world.add(
            person,
            categories=tuple(rng.sample(choices, count)),
            district=district,
            gmina=gmina,
            day=day,
            end=end,
            source=rng.choice(("ops", "ops", "pup")),
            household=household,
        )


def _rows(rows: list[AggregateRow]) -> set[AggregateRow]:
    found = set(rows)
    assert len(found) == len(rows), "a row came twice"
    return found


@pytest.mark.parametrize(
    ("seed", "unknown", "empty"), [(1, False, False), (2, True, False), (3, False, True)]
)
@pytest.mark.parametrize("chunk_records", [None, 150, 0])  # all years at once, some, one
async def test_aggregation_equals_the_reference(
    db_session: AsyncSession,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    seed: int,
    unknown: bool,
    empty: bool,
    chunk_records: int | None,
) -> None:
    await _random_records(world, seed, unknown=unknown, empty=empty)
    if chunk_records is not None:
        monkeypatch.setattr(aggregation, "CHUNK_RECORDS", chunk_records)
    expected = _rows(await reference_aggregate(session=db_session, as_of=AS_OF))
    found = _rows(await aggregation.aggregate(session=db_session, as_of=AS_OF))
    assert {row.level for row in expected} == {"district", "gmina", "powiat", "voivodeship"}
    assert {"any", "2plus"} <= {row.category for row in expected}
    assert {row.value for row in expected if row.source == "both"} > {0}
    assert found == expected


async def test_restricted_to_voivodeships_and_years(db_session: AsyncSession, world: World) -> None:
    await _random_records(world, 4)
    everything = _rows(await aggregation.aggregate(session=db_session, as_of=AS_OF))
    restricted = await aggregation.aggregate(
        session=db_session, as_of=AS_OF, voivodeships=[VOIVODESHIP], years=[2022, 2024]
    )
    expected = {
        row
        for row in everything
        if row.unit_code in IN_VOIVODESHIP and int(row.period[:4]) in (2022, 2024)
    }
    assert expected
    assert _rows(restricted) == expected
    years = await aggregation.aggregate(session=db_session, as_of=AS_OF, years=[2023])
    assert _rows(years) == {row for row in everything if row.period.startswith("2023")}
    assert await aggregation.aggregate(session=db_session, as_of=AS_OF, years=[2030]) == []
    assert await aggregation.aggregate(session=db_session, as_of=AS_OF, voivodeships=[]) == []


async def test_no_records_up_to_as_of(db_session: AsyncSession, world: World) -> None:
    assert await aggregation.aggregate(session=db_session, as_of=AS_OF) == []
    await world.add("anna", day=date(2025, 1, 10), end=None)
    assert await aggregation.aggregate(session=db_session, as_of=AS_OF) == []
    assert await reference_aggregate(session=db_session, as_of=AS_OF) == []


def test_years_fetched_together_up_to_the_chunk_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aggregation, "CHUNK_RECORDS", 100)
    # (first year, last year, records): 2021 alone has 120, 2022-2023 together 90.
    spans = [(2021, 2021, 120), (2021, 2022, 10), (2022, 2022, 30), (2023, 2023, 50)]
    assert aggregation._chunks([2021, 2022, 2023, 2024], spans) == [[2021], [2022, 2023, 2024]]
    assert aggregation._chunks([2022, 2024], spans) == [[2022, 2024]]


def test_hashes_numbered_in_byte_order_when_first_words_collide() -> None:
    hashes = [
        bytes([9] * 8 + [1] * 24),
        bytes([9] * 8 + [0] * 24),  # the same first 8 bytes as the one above
        bytes([1] * 32),
        bytes([9] * 8 + [1] * 24),
        bytes([200] * 32),
    ]
    words = np.frombuffer(b"".join(hashes), dtype=">u8").reshape(-1, 4).astype(np.uint64)
    assert aggregation._dense_ids(words).tolist() == [2, 1, 0, 2, 3]
    assert aggregation._dense_ids(words[[2, 4, 0]]).tolist() == [0, 2, 1]


async def test_runs_as_the_anonymizer_role(db_session: AsyncSession, world: World) -> None:
    await world.add("anna", categories=("poverty", UNKNOWN), household="h1")
    await world.add("jan", source="pup", district=None, gmina=TOWN, end=None)
    expected = _rows(await reference_aggregate(session=db_session, as_of=AS_OF))
    async with as_role(db_session, "socmap_anonymizer"):
        found = _rows(await aggregation.aggregate(session=db_session, as_of=AS_OF))
    assert found == expected
    assert found
