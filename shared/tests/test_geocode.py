"""The address points kept by the PRG import, and the geocoder that places an address with
them (``shared.geo.geocode``), against the synthetic samples of ``data/geo/addresses``."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path
from typing import Any

import pytest
from pyproj import Transformer
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession

from shared.geo.addresses import import_address_points, import_teryt, normalize_house_number
from shared.geo.geocode import Located, locate, split_address_line
from shared.testing.geography import (
    BIELSKO_BIALA,
    BIELSKO_SIMC,
    JAWORZE_SIMC,
    PRG_CSV,
    PRG_GML,
    WAPIENICA_SIMC,
    WROCLAW,
    WROCLAW_SIMC,
    address_samples,
    load_demo_cities,
)
from shared.testing.plugin import as_role, raw_database

SAMPLES = address_samples()
TOLERANCE = 1e-6  # degrees: PostGIS and pyproj agree far closer than that
_TO_WGS84 = Transformer.from_crs(2180, 4326, always_xy=True)


def _sample(path: Path = PRG_CSV) -> dict[tuple[str, str, str], tuple[float, float]]:
    """(SIMC, street as the sample writes it, number) → (lon, lat) of every CSV point."""
    points: dict[tuple[str, str, str], tuple[float, float]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            # GUGiK's x is the northing.
            lon, lat = _TO_WGS84.transform(float(row["y"]), float(row["x"]))
            points[(row["SIMC"], row["ulica"], row["numer"])] = (lon, lat)
    return points


SAMPLE = _sample()


def _at(simc: str, street: str, number: str) -> tuple[float, float]:
    return SAMPLE[(simc, street, number)]


def _street(simc: str, street: str) -> dict[str, tuple[float, float]]:
    return {number: point for (s, name, number), point in SAMPLE.items() if (s, name) == (simc, street)}  # fmt: skip


def _near(found: Located | None, point: tuple[float, float]) -> bool:
    assert found is not None
    return abs(found.lon - point[0]) < TOLERANCE and abs(found.lat - point[1]) < TOLERANCE


def _some(found: Located | None) -> Located:
    assert found is not None
    return found


@pytest.fixture
async def register(db_session: AsyncSession) -> AsyncSession:
    await load_demo_cities(db_session)
    await import_teryt(db_session, SAMPLES / "SIMC.csv", SAMPLES / "ULIC.csv")
    await import_address_points(db_session, PRG_CSV)
    return db_session


async def _rows(session: AsyncSession, query: str, **params: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in await session.execute(text(query), params)]


async def _add_point(
    session: AsyncSession,
    *,
    simc: str,
    street_key: str | None,
    number: str,
    lon: float,
    lat: float,
    ulic: str | None = None,
    postal_code: str | None = None,
) -> None:
    await session.execute(
        text(
            "INSERT INTO geo.address_point (simc, ulic, street_key, number, number_value,"
            " postal_code, geom, source)"
            " VALUES (:simc, :ulic, :street_key, :number, :value, :postal_code,"
            " ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'test')"
        ),
        {
            "simc": simc,
            "ulic": ulic,
            "street_key": street_key,
            "number": number,
            "value": int("".join(c for c in number if c.isdigit()) or 0),
            "postal_code": postal_code,
            "lon": lon,
            "lat": lat,
        },
    )


# --- the kept points ------------------------------------------------------------------------


async def test_the_import_keeps_every_point_with_its_address(register: AsyncSession) -> None:
    assert await _rows(register, "SELECT count(*) FROM geo.address_point") == [(488,)]
    by_gmina = await _rows(
        register, "SELECT gmina_code, count(*) FROM geo.address_point GROUP BY 1 ORDER BY 1"
    )
    per_locality = {simc: 0 for simc, _street, _number in SAMPLE}
    for simc, _street, _number in SAMPLE:
        per_locality[simc] += 1
    assert by_gmina == [
        (WROCLAW, per_locality[WROCLAW_SIMC]),
        ("2402052", per_locality[JAWORZE_SIMC]),
        (BIELSKO_BIALA, per_locality[BIELSKO_SIMC]),
    ]
    (row,) = await _rows(
        register,
        "SELECT gmina_code, ulic, street_key, number, number_value, postal_code, source,"
        " imported_on, ST_X(geom), ST_Y(geom) FROM geo.address_point"
        " WHERE simc = :simc AND number = '12A' AND street_key = 'stanislawa wyspianskiego'",
        simc=BIELSKO_SIMC,
    )
    assert row[:7] == (
        BIELSKO_BIALA,
        "80080",
        "stanislawa wyspianskiego",
        "12A",
        12,
        "43-300",
        "PRG_punkty_adresowe.csv",
    )
    assert row[7] == datetime.date.today()
    lon, lat = _at(BIELSKO_SIMC, "Stanisława Wyspiańskiego", "12A")
    assert abs(row[8] - lon) < TOLERANCE
    assert abs(row[9] - lat) < TOLERANCE
    # Unlisted in ULIC: kept with its name only.
    assert await _rows(
        register,
        "SELECT DISTINCT ulic, street_key FROM geo.address_point WHERE street_key = 'zielona'",
    ) == [(None, "zielona")]


async def test_a_reimport_replaces_the_points_of_its_localities_and_gminas(
    register: AsyncSession,
) -> None:
    everything = "SELECT simc, ulic, number, ST_AsText(geom) FROM geo.address_point ORDER BY 1, 2, 3, 4"  # fmt: skip
    first = await _rows(register, everything)
    again = await import_address_points(register, PRG_CSV)
    assert await _rows(register, everything) == first  # idempotent
    assert (again.kept, again.points_replaced) == (488, 488)

    # The GML holds part of Bielsko-Biała's and Jaworze's points: Wrocław's stay.
    gml = await import_address_points(register, PRG_GML, source="GML sample")
    southern = [simc for simc, _street, _number in SAMPLE if simc in (BIELSKO_SIMC, JAWORZE_SIMC)]
    assert gml.points_replaced == len(southern)
    counts = await _rows(
        register, "SELECT simc, source, count(*) FROM geo.address_point GROUP BY 1, 2 ORDER BY 1"
    )
    assert counts == [
        (BIELSKO_SIMC, "GML sample", 106),
        (WROCLAW_SIMC, "PRG_punkty_adresowe.csv", len(SAMPLE) - len(southern)),
        (JAWORZE_SIMC, "GML sample", 4),
    ]


def test_house_numbers_are_normalised() -> None:
    assert normalize_house_number(" 12 a ") == "12A"
    assert normalize_house_number("12a m. 3") == "12A"
    assert normalize_house_number("12 lok. 3") == "12"
    assert normalize_house_number("12 / 14") == "12/14"
    assert normalize_house_number("") is None


# --- the geocoder ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "street", "number"),
    [
        ("ul. Karola Miarki 11", "ul. Karola Miarki", "11"),
        ("ul. 11 Listopada 5", "ul. 11 Listopada", "5"),
        ("al. Armii Krajowej 220a", "al. Armii Krajowej", "220a"),
        ("Cieszyńska 6 A", "Cieszyńska", "6 A"),
        ("Rynek 12/14", "Rynek", "12/14"),
        ("os. Złote Łany 5 m. 12", "os. Złote Łany", "5 m. 12"),
        ("ul. Strzegomska 6,", "ul. Strzegomska", "6"),
        ("ul. 3 Maja", "ul. 3 Maja", None),
        ("  ", None, None),
    ],
)
def test_an_address_line_splits_into_street_and_number(
    line: str, street: str | None, number: str | None
) -> None:
    assert split_address_line(line) == (street, number)


@pytest.mark.parametrize(
    ("where", "street", "number", "written", "expected"),
    [
        ({"simc": BIELSKO_SIMC}, "ul. gen. Władysława Andersa", "4", "gen. Władysława Andersa", "4"),
        ({"simc": BIELSKO_SIMC}, "Andersa", "4", "gen. Władysława Andersa", "4"),
        ({"city": "Bielsko-Biała"}, "ANDERSA W.", "4", "gen. Władysława Andersa", "4"),
        ({"city": "bielsko biala"}, "Stojałowskiego", "21", "ks. Stanisława Stojałowskiego", "21"),
        ({"city": "BIELSKO-BIAŁA"}, "ul. Ks. Stanisława Stojałowskiego", "21", "ks. Stanisława Stojałowskiego", "21"),
        ({"city": "Bielsko-Biała"}, "Wyspiańskiego", "12 a", "Stanisława Wyspiańskiego", "12A"),
        ({"city": "Bielsko-Biała"}, "Wyspiańskiego", "12A m. 3", "Stanisława Wyspiańskiego", "12A"),
        ({"city": "Bielsko-Biała"}, "Wyspiańskiego", "12A/3", "Stanisława Wyspiańskiego", "12A"),
        ({"city": "Bielsko-Biała"}, "Zielona", "12", "Zielona", "12"),
        ({"gmina": BIELSKO_BIALA}, "Lotnicza", "10", "Lotnicza", "10"),
        ({"city": "Bielsko-Biała", "gmina": BIELSKO_BIALA}, "al. Lotnicza", "10", "Lotnicza", "10"),
    ],
    ids=["title", "surname", "initial", "surname-city", "rank-city", "letter", "flat", "slash",
         "unlisted", "gmina", "city-and-gmina"],
)  # fmt: skip
async def test_an_address_in_the_register_is_exact_in_any_spelling(
    register: AsyncSession,
    where: dict[str, str],
    street: str,
    number: str,
    written: str,
    expected: str,
) -> None:
    found = await locate(register, street=street, number=number, **where)

    assert _near(found, _at(BIELSKO_SIMC, written, expected))
    assert found is not None
    assert (found.match, found.approximate, found.source) == ("address", False, "address_register")
    assert (found.simc, found.gmina, found.postal_code) == (BIELSKO_SIMC, BIELSKO_BIALA, "43-300")


async def test_one_street_name_in_two_cities(register: AsyncSession) -> None:
    bielsko = await locate(register, street="Lotnicza", number="10", city="Bielsko-Biała")
    wroclaw_10 = _street(WROCLAW_SIMC, "Lotnicza")
    number, point = sorted(wroclaw_10.items())[0]
    wroclaw = await locate(register, street="Lotnicza", number=number, city="Wrocław")

    assert _near(bielsko, _at(BIELSKO_SIMC, "Lotnicza", "10"))
    assert _near(wroclaw, point)
    assert _some(wroclaw).gmina == WROCLAW
    # Without a locality or a gmina nothing says which.
    assert await locate(register, street="Lotnicza", number="10") is None


async def test_a_number_the_register_lacks_lies_between_its_neighbours(
    register: AsyncSession,
) -> None:
    andersa = _street(BIELSKO_SIMC, "gen. Władysława Andersa")
    # Odd side 1, 7, 13…: 5 lies two thirds of the way from 1 to 7.
    (lon_1, lat_1), (lon_7, lat_7) = andersa["1"], andersa["7"]
    between = (lon_1 + (lon_7 - lon_1) * 2 / 3, lat_1 + (lat_7 - lat_1) * 2 / 3)
    found = await locate(register, street="Andersa", number="5", simc=BIELSKO_SIMC)
    assert _near(found, between)
    found = _some(found)
    assert (found.match, found.approximate) == ("street", True)
    assert found.postal_code is None
    # Beyond the last odd number (55): the nearest one.
    assert _near(await locate(register, street="Andersa", number="61", simc=BIELSKO_SIMC), andersa["55"])  # fmt: skip
    # 6B: the points of 6 and 6A.
    cieszynska = _street(BIELSKO_SIMC, "Cieszyńska")
    (lon_6, lat_6), (lon_6a, lat_6a) = cieszynska["6"], cieszynska["6A"]
    six = await locate(register, street="Cieszyńska", number="6B", simc=BIELSKO_SIMC)
    assert _near(six, ((lon_6 + lon_6a) / 2, (lat_6 + lat_6a) / 2))


async def test_a_street_without_a_number_is_its_middle_point(register: AsyncSession) -> None:
    found = await locate(register, street="ul. Lotnicza", city="Bielsko-Biała")

    found = _some(found)
    assert (found.match, found.approximate) == ("street", True)
    assert any(_near(found, point) for point in _street(BIELSKO_SIMC, "Lotnicza").values())


async def test_an_unknown_street_falls_back_to_the_locality(register: AsyncSession) -> None:
    found = await locate(register, street="Nieznana", number="5", city="Bielsko-Biała")
    bielsko = [point for (simc, _s, _n), point in SAMPLE.items() if simc == BIELSKO_SIMC]

    assert found is not None
    assert (found.match, found.approximate, found.simc) == ("locality", True, BIELSKO_SIMC)
    assert any(_near(found, point) for point in bielsko)  # an address point, not a field
    # The same without a street at all.
    assert await locate(register, city="Bielsko-Biała") == found
    # A part of the city without points of its own: its parent's.
    part = await locate(register, simc=WAPIENICA_SIMC, street="Nieznana")
    part = _some(part)
    assert (part.lon, part.lat) == (found.lon, found.lat)
    assert (part.match, part.simc) == ("locality", WAPIENICA_SIMC)


async def test_a_postal_code_narrows_the_locality_point(register: AsyncSession) -> None:
    await _add_point(
        register, simc=BIELSKO_SIMC, street_key="nowa", number="1", lon=19.1, lat=49.8,
        postal_code="43-382",
    )  # fmt: skip
    found = await locate(register, city="Bielsko-Biała", postal_code="43382")
    found = _some(found)
    assert (found.lon, found.lat) == (19.1, 49.8)
    assert found.match == "locality"
    # A postal code the register does not know: the whole locality.
    assert await locate(register, city="Bielsko-Biała", postal_code="43-999") == await locate(
        register, city="Bielsko-Biała"
    )


async def test_a_street_of_the_parent_or_of_a_part(register: AsyncSession) -> None:
    # Wapienica is a part of Bielsko-Biała; its streets are filed under the city.
    found = await locate(register, simc=WAPIENICA_SIMC, street="Wapienicka", number="8")
    assert _near(found, _at(BIELSKO_SIMC, "Wapienicka", "8"))
    found = _some(found)
    assert (found.match, found.simc) == ("address", BIELSKO_SIMC)
    # A street filed under the part is found from the city.
    await _add_point(
        register, simc=WAPIENICA_SIMC, street_key="lesna", number="3", lon=18.98, lat=49.81
    )
    part = await locate(register, city="Bielsko-Biała", street="ul. Leśna", number="3")
    part = _some(part)
    assert (part.lon, part.lat, part.simc) == (18.98, 49.81, WAPIENICA_SIMC)


async def test_nothing_is_guessed(register: AsyncSession) -> None:
    # A second Jaworze, in another gmina.
    await register.execute(
        text(
            "INSERT INTO geo.locality (simc, name, name_key, gmina_code, teryt_unit, kind)"
            " VALUES ('9990199', 'Jaworze', 'jaworze', '1401011', '1401011', '01')"
        )
    )
    await _add_point(
        register, simc="9990199", street_key="zdrojowa", number="1", lon=20.0, lat=52.0,
        postal_code="05-000",
    )  # fmt: skip
    assert await locate(register, city="Jaworze") is None
    assert await locate(register, city="Jaworze", street="Zdrojowa", number="1") is None
    sample = await locate(register, city="Jaworze", street="Zdrojowa", number="1", gmina="2402052")
    assert _near(sample, _at(JAWORZE_SIMC, "Zdrojowa", "1"))
    by_code = await locate(register, city="Jaworze", postal_code="43-384")
    assert _some(by_code).simc == JAWORZE_SIMC
    by_code = await locate(register, city="Jaworze", street="Zdrojowa", number="1", postal_code="05-000")  # fmt: skip
    by_code = _some(by_code)
    assert (by_code.lon, by_code.lat) == (20.0, 52.0)

    # One key, two streets of one locality (a ULIC street and one PRG names without an id).
    await _add_point(register, simc=BIELSKO_SIMC, street_key="lotnicza", number="500", lon=19.2, lat=49.9)  # fmt: skip
    found = await locate(register, city="Bielsko-Biała", street="Lotnicza", number="10")
    assert _some(found).match == "locality"


async def test_nothing_is_found_without_a_register(db_session: AsyncSession) -> None:
    assert await locate(db_session, street="Lotnicza", number="10", city="Bielsko-Biała") is None
    assert await locate(db_session, simc=BIELSKO_SIMC) is None


async def test_the_catalog_role_geocodes_on_a_raw_connection(register: AsyncSession) -> None:
    by_session = await locate(register, street="Andersa", number="5", city="Bielsko-Biała")
    raw = await raw_database(register, role="socmap_catalog")
    by_raw = await locate(raw, street="Andersa", number="5", city="Bielsko-Biała")

    assert by_session is not None
    assert by_raw == by_session


@pytest.mark.parametrize("role", ["socmap_map_tiles", "socmap_ingest", "socmap_anonymizer"])
async def test_other_roles_cannot_read_the_points(register: AsyncSession, role: str) -> None:
    with pytest.raises(ProgrammingError, match="permission denied"):
        async with as_role(register, role):
            await register.execute(text("SELECT 1 FROM geo.address_point LIMIT 1"))
