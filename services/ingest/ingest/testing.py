"""Synthetic data for the ingest tests and the benchmark: valid PESELs, records and a small
test geography (one gmina with two districts and a neighbour). Never used by the service."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from ingest.settings import DEVELOPMENT_PSEUDONYMIZATION_KEY
from ingest.validation import institution_hash

# Fictional units (voivodeship "98" does not exist) placed where no shipped geography lies, so
# that tests stay independent of real data another suite may have loaded into the same database.
VOIVODESHIP = "98"
GMINA = "9861011"
DISTRICT_WEST = "9861011-01"
DISTRICT_EAST = "9861011-02"
OTHER_GMINA = "9802011"
OTHER_DISTRICT = "9802011-01"
SIMC = "9990001"
ULIC = "99901"

# lon/lat rectangles: the gmina spans 22.10-22.20 x 53.80-53.88; its two districts cover only
# 53.80-53.86, so a point in the northern strip is in the gmina but in no district.
GEOGRAPHY: list[tuple[str, str, str | None, tuple[float, float, float, float]]] = [
    (VOIVODESHIP, "voivodeship", None, (21.0, 53.0, 23.0, 54.5)),
    ("9861", "powiat", VOIVODESHIP, (22.1, 53.8, 22.2, 53.88)),
    ("9802", "powiat", VOIVODESHIP, (22.2, 53.8, 22.3, 53.88)),
    (GMINA, "gmina", "9861", (22.1, 53.8, 22.2, 53.88)),
    (DISTRICT_WEST, "district", GMINA, (22.1, 53.8, 22.15, 53.86)),
    (DISTRICT_EAST, "district", GMINA, (22.15, 53.8, 22.2, 53.86)),
    (OTHER_GMINA, "gmina", "9802", (22.2, 53.8, 22.3, 53.88)),
    (OTHER_DISTRICT, "district", OTHER_GMINA, (22.2, 53.8, 22.3, 53.88)),
]
_CENTURY_OFFSETS = {1800: 80, 1900: 0, 2000: 20, 2100: 40, 2200: 60}
_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)


def make_pesel(birth: date, serial: int, *, female: bool) -> str:
    """A PESEL with a valid checksum (synthetic)."""
    month = birth.month + _CENTURY_OFFSETS[birth.year // 100 * 100]
    sex = (serial % 5) * 2 + (0 if female else 1)
    body = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial % 1000:03d}{sex}"
    checksum = (10 - sum(w * int(d) for w, d in zip(_WEIGHTS, body, strict=True)) % 10) % 10
    return body + str(checksum)


def pesels(count: int, *, seed: int = 7) -> list[str]:
    """``count`` distinct synthetic PESELs."""
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    while len(seen) < count:
        birth = date(rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28))
        seen[make_pesel(birth, rng.randint(0, 999), female=rng.random() < 0.5)] = None
    return list(seen)


def record(external_id: str, pesel: str, **overrides: Any) -> dict[str, Any]:
    """A valid record in the test gmina; ``overrides`` replace top-level fields."""
    value: dict[str, Any] = {
        "external_id": external_id,
        "subject_id": pesel,
        "subject_id_type": "pesel",
        "reference_date": "2024-03-15",
        "categories": ["poverty"],
        "location": {"district": DISTRICT_WEST},
    }
    value.update(overrides)
    return value


def synthetic_records(
    count: int, *, start: int = 0, seed: int = 11, addresses: bool = False
) -> list[dict[str, Any]]:
    """Varied valid records for the benchmark: districts and points, or with ``addresses``
    street addresses of the test register (``ul. Testowa`` by name: west; ``Piastowska``: odd
    numbers west, even east)."""
    rng = random.Random(seed + start)
    categories = ["poverty", "disability", "long_term_illness", "single_parent_family"]
    result: list[dict[str, Any]] = []
    for number in range(start, start + count):
        birth = date(rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28))
        location: dict[str, Any]
        if addresses:
            street = "ul. Testowa" if number % 2 else "Piastowska"
            location = {
                "address": {"simc": SIMC, "street": street, "number": str(rng.randint(1, 99))}
            }
        elif number % 2:
            location = {"district": DISTRICT_WEST if number % 4 == 1 else DISTRICT_EAST}
        else:
            location = {"point": [rng.uniform(22.101, 22.199), rng.uniform(53.801, 53.859)]}
        result.append(
            {
                "external_id": f"BENCH-{number:08d}",
                "subject_id": make_pesel(birth, number % 1000, female=number % 3 == 0),
                "subject_id_type": "pesel",
                "household_id": f"H-{number // 3}",
                "reference_date": f"2024-{number % 12 + 1:02d}-15",
                "categories": rng.sample(categories, k=rng.randint(1, 2)),
                "location": location,
            }
        )
    return result


async def create_test_geography(target: AsyncSession | AsyncConnection) -> list[str]:
    """Insert the test units and a small street register; returns the codes it inserted (units
    that already exist are left alone, and so is an existing register of the SIMC)."""
    inserted: list[str] = []
    for code, level, parent, (west, south, east, north) in GEOGRAPHY:
        result = await target.execute(
            text(
                "INSERT INTO geo.territorial_unit (code, level, name, parent_code, geom)"
                " VALUES (:code, :level, :name, :parent,"
                " ST_Multi(ST_MakeEnvelope(:west, :south, :east, :north, 4326)))"
                " ON CONFLICT (code) DO NOTHING RETURNING code"
            ),
            {
                "code": code,
                "level": level,
                "name": f"test {code}",
                "parent": parent,
                "west": west,
                "south": south,
                "east": east,
                "north": north,
            },
        )
        inserted.extend(result.scalars().all())
    # The locality of the register (TERYT) with one street, "ul. Testowa" = ULIC 99901 (from
    # migration 0017 on: a test may run on an older revision).
    if (await target.execute(text("SELECT to_regclass('geo.locality')"))).scalar() is not None:
        await _insert_test_register(target)
    # ULIC 99901 numbers 1-99 lie in the west district; "piastowska" (by name): odd numbers
    # west, even numbers east.
    await target.execute(
        text(
            "INSERT INTO geo.street_district"
            " (simc, ulic, street_name, number_from, number_to, parity, district_code)"
            " SELECT v.* FROM (VALUES"
            " (CAST(:simc AS varchar), CAST(:ulic AS varchar), CAST(NULL AS text), 1, 99,"
            "  'all', CAST(:west AS varchar)),"
            " (:simc, NULL, 'piastowska', NULL, NULL, 'odd', :west),"
            " (:simc, NULL, 'piastowska', NULL, NULL, 'even', :east)) AS v"
            " WHERE NOT EXISTS (SELECT FROM geo.street_district s WHERE s.simc = :simc)"
        ),
        {"simc": SIMC, "ulic": ULIC, "west": DISTRICT_WEST, "east": DISTRICT_EAST},
    )
    return inserted


async def _insert_test_register(target: AsyncSession | AsyncConnection) -> None:
    """The test locality in ``geo.locality`` and its one street, ``ul. Testowa``."""
    await target.execute(
        text(
            "INSERT INTO geo.locality (simc, name, name_key, gmina_code, teryt_unit, kind)"
            " VALUES (:simc, 'Testowo', 'testowo', :gmina, :gmina, '96')"
            " ON CONFLICT (simc) DO NOTHING"
        ),
        {"simc": SIMC, "gmina": GMINA},
    )
    await target.execute(
        text(
            "INSERT INTO geo.street (simc, ulic, feature, name_1) VALUES (:simc, :ulic, 'ul.',"
            " 'Testowa') ON CONFLICT DO NOTHING"
        ),
        {"simc": SIMC, "ulic": ULIC},
    )
    await target.execute(
        text(
            "INSERT INTO geo.street_key (simc, key, ulic) VALUES (:simc, 'testowa', :ulic)"
            " ON CONFLICT DO NOTHING"
        ),
        {"simc": SIMC, "ulic": ULIC},
    )


def external_hash(institution_id: uuid.UUID, external_id: str) -> bytes:
    """How ``external_id`` of an institution is stored under the development (and test) key."""
    return institution_hash(
        DEVELOPMENT_PSEUDONYMIZATION_KEY.encode(), "external", institution_id, external_id
    )


async def stored_records(
    session: AsyncSession, institution_id: uuid.UUID, external_ids: Iterable[str], columns: str
) -> dict[str, tuple[Any, ...]]:
    """``external_id → (columns...)`` of the institution's stored records among
    ``external_ids``, in id order (a record keeps only the keyed hash of its id)."""
    ids = sorted(set(external_ids))
    rows = await session.execute(
        text(
            f"SELECT known.external_id, {columns} FROM ingest.record r"
            " JOIN unnest(CAST(:ids AS text[]), CAST(:hashes AS bytea[]))"
            "  AS known(external_id, external_hash) USING (external_hash)"
            " WHERE r.institution_id = :institution ORDER BY 1"
        ),
        {
            "ids": ids,
            "hashes": [external_hash(institution_id, value) for value in ids],
            "institution": institution_id,
        },
    )
    return {row[0]: tuple(row[1:]) for row in rows.all()}
