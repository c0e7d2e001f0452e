"""The address register: TERYT and PRG imports of the shipped samples in every official layout,
point-in-polygon placement, the derived street rules, and what is (not) stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from shared.cli import app
from shared.geo.addresses import (
    AddressReport,
    import_address_points,
    import_teryt,
    side_rules,
)
from shared.geo.errors import GeoImportError
from shared.geo.names import normalize_street, street_variants
from shared.settings import DatabaseSettings
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

SAMPLES = address_samples()
RULES = """
SELECT s.simc, s.ulic, s.street_name, s.number_from, s.number_to, s.parity, s.district_code,
       s.source
FROM geo.street_district s ORDER BY 1, 2, 3, 4, 6, 7
"""


@pytest.fixture
async def cities(db_session: AsyncSession) -> AsyncSession:
    await load_demo_cities(db_session)
    return db_session


@pytest.fixture
async def register(cities: AsyncSession) -> AsyncSession:
    await import_teryt(cities, SAMPLES / "SIMC.csv", SAMPLES / "ULIC.csv")
    return cities


async def _rows(session: AsyncSession, query: str, **params: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in await session.execute(text(query), params)]


async def _rules(session: AsyncSession, simc: str, street: str) -> list[tuple[Any, ...]]:
    """(from, to, parity, district, source) of one street, by its normalised name."""
    return await _rows(
        session,
        "SELECT number_from, number_to, parity, district_code, source"
        " FROM geo.street_district WHERE simc = :simc AND street_name = :street"
        " ORDER BY parity, number_from",
        simc=simc,
        street=street,
    )


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("ul. Gen. Władysława Andersa", "wladyslawa andersa"),
        ("gen. Andersa", "andersa"),
        ("ANDERSA W.", "andersa"),
        ("Andersa", "andersa"),
        ("Aleja Armii Krajowej", "armii krajowej"),
        ("al.Armii Krajowej", "armii krajowej"),
        ("os. Złote Łany", "zlote lany"),
        ("pl. Wojska Polskiego", "wojska polskiego"),
        ("ks. Stanisława Stojałowskiego", "stanislawa stojalowskiego"),
        ("Świętego Floriana", "sw floriana"),
        ("św. Floriana", "sw floriana"),
        ("Curie-Skłodowskiej", "curie sklodowskiej"),
        ("ul. 11 Listopada", "11 listopada"),
        ("Rynek", "rynek"),
        ("Plac", "plac"),
    ],
)
def test_street_names_normalise_to_one_key(written: str, key: str) -> None:
    assert normalize_street(written) == key


def test_a_register_street_is_found_under_its_usual_spellings() -> None:
    keys = street_variants("Andersa", "gen. Władysława")
    assert keys == ["andersa", "andersa wladyslawa", "wladyslawa andersa"]
    for written in ("ul. Gen. Władysława Andersa", "gen. Andersa", "ANDERSA W.", "Andersa"):
        assert normalize_street(written) in keys


def test_side_rules_split_runs_and_skip_numbers_in_two_districts() -> None:
    numbers = [
        (1, frozenset({"A"})),
        (2, frozenset({"A"})),
        (3, frozenset({"A"})),
        (4, frozenset({"A", "B"})),  # 4 and 4A on either side of the border
        (5, frozenset({"B"})),
        (6, frozenset({"B"})),
        (7, frozenset({"A"})),
        (8, frozenset({None})),  # outside every district
        (10, frozenset({"B"})),
    ]
    rules = side_rules("0000001", "00001", "x", numbers)
    assert [(r.parity, r.number_from, r.number_to, r.district_code, r.source) for r in rules] == [
        ("odd", 1, 3, "A", "range"),
        ("odd", 5, 5, "B", "number"),
        ("odd", 7, 7, "A", "number"),
        ("even", 2, 2, "A", "number"),
        ("even", 6, 6, "B", "number"),
        ("even", 10, 10, "B", "number"),
    ]


# --- TERYT --------------------------------------------------------------------------------

REGISTER = {
    "locality": "SELECT simc, name, name_key, gmina_code, teryt_unit, kind, parent_simc, as_of"
    " FROM geo.locality ORDER BY simc",
    "street": "SELECT * FROM geo.street ORDER BY simc, ulic",
    "street_key": "SELECT * FROM geo.street_key ORDER BY simc, key, ulic",
}


async def _register(session: AsyncSession) -> dict[str, list[tuple[Any, ...]]]:
    return {name: await _rows(session, query) for name, query in REGISTER.items()}


async def test_teryt_csv_and_xml_layouts_load_the_same_register(db_session: AsyncSession) -> None:
    csv_report = await import_teryt(db_session, SAMPLES / "SIMC.csv", SAMPLES / "ULIC.csv")
    from_csv = await _register(db_session)
    xml_report = await import_teryt(db_session, SAMPLES / "SIMC.xml", SAMPLES / "ULIC.xml")

    assert await _register(db_session) == from_csv
    assert csv_report == xml_report
    assert (csv_report.localities, csv_report.gminas) == (4, 3)
    localities = {row[0]: row for row in from_csv["locality"]}
    assert localities[BIELSKO_SIMC][1:4] == ("Bielsko-Biała", "bielsko biala", BIELSKO_BIALA)
    assert localities[WROCLAW_SIMC][3] == WROCLAW
    assert localities[WAPIENICA_SIMC][6] == BIELSKO_SIMC  # a part of the city
    assert localities[JAWORZE_SIMC][3:6] == ("2402052", "2402052", "01")
    andersa = [row for row in from_csv["street"] if row[3] == "Andersa"]
    assert [(row[2], row[4]) for row in andersa] == [("ul.", "gen. Władysława")]
    keys = {row[1] for row in from_csv["street_key"] if row[2] == andersa[0][1]}
    assert keys == {"andersa", "andersa wladyslawa", "wladyslawa andersa"}


async def test_teryt_xml_with_col_elements_and_city_delegaturas(
    db_session: AsyncSession, tmp_path: Path
) -> None:
    """The older GUS XML layout (<col name="WOJ">); a Wrocław delegatura (RODZ_GMI 9) belongs
    to the city's gmina."""
    columns = ("WOJ", "POW", "GMI", "RODZ_GMI", "RM", "MZ", "NAZWA", "SYM", "SYMPOD", "STAN_NA")
    values = ("02", "64", "03", "9", "98", "1", "Wrocław-Krzyki", "0986544", "0986283", "")
    row = "".join(
        f'<col name="{name}">{value}</col>' for name, value in zip(columns, values, strict=True)
    )
    simc = tmp_path / "SIMC.xml"
    simc.write_text(f'<teryt><catalog name="SIMC"><row>{row}</row></catalog></teryt>')
    ulic = tmp_path / "ULIC.csv"
    ulic.write_text("WOJ;POW;GMI;RODZ_GMI;SYM;SYM_UL;CECHA;NAZWA_1;NAZWA_2;STAN_NA\n")

    report = await import_teryt(db_session, simc, ulic)

    assert (report.localities, report.streets) == (1, 0)
    stored = await _rows(db_session, "SELECT gmina_code, teryt_unit, parent_simc FROM geo.locality")
    assert stored == [(WROCLAW, "0264039", "0986283")]


@pytest.mark.parametrize(
    ("simc_text", "ulic_text", "message"),
    [
        ("WOJ;POW;GMI;RODZ_GMI;RM;NAZWA;SYMPOD\n24;61;01;1;96;X;0923584\n", None, "SYM"),
        (None, "WOJ;POW;GMI;RODZ_GMI;SYM;CECHA;NAZWA_1;NAZWA_2\n", "SYM_UL"),
        ("WOJ;POW;GMI;RODZ_GMI;RM;NAZWA;SYM;SYMPOD\n24;61;01;1;96;X;12AB;0923584\n", None, "SYM"),
        (None, "WOJ;POW;GMI;RODZ_GMI;SYM;SYM_UL;CECHA;NAZWA_1;NAZWA_2\n02;64;01;1;1234567;00001;ul.;X;\n", "1234567"),
        ('<teryt><catalog name="ULIC"><row><WOJ>24</WOJ></row></catalog></teryt>', None, "ULIC catalog"),
    ],
    ids=["missing column", "missing ulic column", "bad id", "unknown locality", "wrong catalog"],
)  # fmt: skip
async def test_a_bad_teryt_file_is_refused_and_nothing_is_written(
    db_session: AsyncSession,
    tmp_path: Path,
    simc_text: str | None,
    ulic_text: str | None,
    message: str,
) -> None:
    simc, ulic = SAMPLES / "SIMC.csv", SAMPLES / "ULIC.csv"
    if simc_text is not None:
        simc = tmp_path / "SIMC.csv"
        simc.write_text(simc_text)
    if ulic_text is not None:
        ulic = tmp_path / "ULIC.csv"
        ulic.write_text(ulic_text)

    with pytest.raises(GeoImportError) as caught:
        await import_teryt(db_session, simc, ulic)

    assert message in caught.value.describe()
    assert await _rows(db_session, "SELECT count(*) FROM geo.locality") == [(0,)]
    assert await _rows(db_session, "SELECT count(*) FROM geo.street") == [(0,)]


# --- PRG address points -------------------------------------------------------------------


async def test_csv_points_are_placed_in_their_districts_and_become_rules(
    register: AsyncSession,
) -> None:
    report = await import_address_points(register, PRG_CSV, file_format="csv")

    assert report.points == 488
    assert report.outside == 10  # Jaworze: a gmina without districts
    assert report.placed == 478
    assert report.misplaced == 0
    assert report.localities == 3
    # Every osiedle of both cities has a street that lies in it alone.
    districts = await _rows(
        register,
        "SELECT left(district_code, 7), count(DISTINCT district_code) FROM geo.street_district"
        " WHERE source = 'street' GROUP BY 1 ORDER BY 1",
    )
    assert districts == [(WROCLAW, 48), (BIELSKO_BIALA, 30)]
    # A street in one district: one rule for every number.
    assert await _rules(register, BIELSKO_SIMC, "lotnicza") == [
        (None, None, "all", "2461011-01", "street")
    ]
    assert await _rules(register, WROCLAW_SIMC, "lotnicza") == [
        (None, None, "all", "0264011-31", "street")
    ]
    # Known to PRG but not to ULIC: keyed by its name.
    assert await _rows(
        register,
        "SELECT ulic, district_code FROM geo.street_district WHERE street_name = 'zielona'",
    ) == [(None, "2461011-13")]


async def test_a_street_crossing_districts_gets_rules_per_side(register: AsyncSession) -> None:
    await import_address_points(register, PRG_CSV)

    even, odd = await _rules(register, BIELSKO_SIMC, "piastowska")  # by parity
    assert odd == (1, 11, "odd", "2461011-22", "range")
    assert even == (2, 12, "even", even[3], "range")
    assert even[3] != odd[3]

    andersa = await _rules(register, BIELSKO_SIMC, "wladyslawa andersa")
    assert [(rule[0], rule[1], rule[2]) for rule in andersa] == [
        (4, 28, "even"),
        (34, 58, "even"),
        (1, 25, "odd"),
        (31, 55, "odd"),
    ]
    assert andersa[0][3] == andersa[2][3] == "2461011-20"
    assert andersa[1][3] == andersa[3][3] != "2461011-20"

    # Interleaved runs give exact numbers; 6 and 6A lie in two districts: no rule for 6.
    cieszynska = await _rules(register, BIELSKO_SIMC, "cieszynska")
    home = "2461011-28"
    away = cieszynska[1][3]
    assert away != home
    assert cieszynska == [
        (2, 4, "even", home, "range"),
        (8, 10, "even", away, "range"),
        (1, 5, "odd", home, "range"),
        (7, 7, "odd", away, "number"),
        (9, 11, "odd", home, "range"),
    ]


async def test_gml_points_give_the_same_rules_as_the_csv(register: AsyncSession) -> None:
    gml = await import_address_points(register, PRG_GML, file_format="gml")
    from_gml = await _rows(register, RULES)
    await import_address_points(register, PRG_CSV, file_format="csv")
    from_csv = await _rows(register, RULES)

    assert (gml.points, gml.outside, gml.misplaced) == (110, 4, 0)  # 4 in Jaworze
    assert from_gml
    assert [rule for rule in from_csv if rule[0] == BIELSKO_SIMC] == from_gml


async def test_reimport_replaces_the_derived_rules_and_keeps_manual_ones(
    register: AsyncSession,
) -> None:
    await register.execute(
        text(
            "INSERT INTO geo.street_district (simc, street_name, parity, district_code)"
            " VALUES (:simc, 'reczna', 'all', '2461011-05')"
        ),
        {"simc": BIELSKO_SIMC},
    )
    first = await import_address_points(register, PRG_CSV)
    rules = await _rows(register, RULES)
    second = await import_address_points(register, PRG_CSV)

    assert await _rows(register, RULES) == rules
    assert first.rules == second.rules
    assert second.replaced == sum(first.rules.values())
    assert first.replaced == 0
    manual = "SELECT count(*) FROM geo.street_district WHERE source = 'manual'"
    assert await _rows(register, manual) == [(1,)]


async def test_points_are_kept_in_one_table_and_nowhere_else(register: AsyncSession) -> None:
    """PRG address points are public register data: they are kept in geo.address_point (for
    the geocoder); the rules, streets and localities carry no coordinate, and the import's
    temporary tables are gone."""
    before = await _rows(register, "SELECT code, ST_AsBinary(geom) FROM geo.territorial_unit")
    await import_address_points(register, PRG_GML)
    report = await import_address_points(register, PRG_CSV)

    spatial = await _rows(
        register,
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = 'geo' AND (udt_name IN ('geometry', 'geography')"
        "  OR data_type IN ('double precision', 'real', 'numeric'))"
        " ORDER BY 1, 2",
    )
    assert spatial == [
        ("address_point", "geom"),
        ("territorial_unit", "geom"),
        ("territorial_unit", "label_point"),
        ("territorial_unit_band", "geom"),
    ]
    assert (report.kept, report.points_replaced) == (488, 110)
    assert await _rows(register, "SELECT count(*) FROM geo.address_point") == [(488,)]
    assert await _rows(register, "SELECT code, ST_AsBinary(geom) FROM geo.territorial_unit") == (
        before
    )
    temporary = await _rows(
        register,
        "SELECT relname FROM pg_class WHERE relpersistence = 't'"
        " AND relname LIKE 'address%' OR relname = 'locality_import'",
    )
    assert temporary == []
    # Every text column of the register's other tables: no coordinate among the values.
    coordinates = {"215784", "501568"}  # of the first sample point
    for table in ("locality", "street", "street_key", "street_district"):
        for row in await _rows(register, f"SELECT * FROM geo.{table}"):
            assert not any(part in str(value) for value in row for part in coordinates), table


async def test_axis_order_of_a_csv_written_easting_first(
    register: AsyncSession, tmp_path: Path
) -> None:
    lines = PRG_CSV.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(";")
    x, y = header.index("x"), header.index("y")
    swapped = [lines[0]]  # same header, x now holding the easting
    for line in lines[1:]:
        cells = line.split(";")
        cells[x], cells[y] = cells[y], cells[x]
        swapped.append(";".join(cells))
    path = tmp_path / "punkty.csv"
    path.write_text("\n".join(swapped), encoding="utf-8")

    report = await import_address_points(register, path, axes="easting-northing")
    assert (report.placed, report.misplaced) == (478, 0)
    # Read the GUGiK way, Bielsko-Biała's points land far away (Wrocław's, almost on the
    # diagonal x = y, would not: the axis order must be right, it cannot be detected).
    wrong: AddressReport = await import_address_points(register, path)
    assert wrong.placed < 300


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("TERYT;SIMC;ULIC;ulica;x;y\n2461011;0923584;;Zielona;215000;501000\n", "column(s) numer"),
        ("TERYT;SIMC;numer;x\n2461011;0923584;1;215000\n", "missing column(s) y"),
        ("TERYT;SIMC;ulica;numer;x;y\n2461011;0923584;Zielona;1;abc;501000\n", "not numbers"),
        ("TERYT;SIMC;ulica;numer;x;y\n2461011;0923584;Zielona;1;50.1;19.1\n", "EPSG:2180"),
        ("TERYT;SIMC;ulica;numer;x;y\n", "no address points"),
    ],
    ids=["no numer", "no y", "not a number", "degrees", "empty"],
)
async def test_a_bad_prg_csv_is_refused_and_nothing_is_written(
    register: AsyncSession, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "punkty.csv"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(GeoImportError) as caught:
        await import_address_points(register, path)

    assert message in caught.value.describe()
    assert await _rows(register, "SELECT count(*) FROM geo.street_district") == [(0,)]


def test_cli_refuses_a_file_without_its_columns(
    database_settings: DatabaseSettings, tmp_path: Path
) -> None:
    path = tmp_path / "punkty.csv"
    path.write_text("SIMC;ulica;x;y\n0923584;Zielona;215000;501000\n", encoding="utf-8")

    result = CliRunner().invoke(app, ["geo", "addresses", "import", str(path)])

    assert result.exit_code == 1
    assert "missing column(s) numer" in result.output
    assert "[bad-header]" in result.output
