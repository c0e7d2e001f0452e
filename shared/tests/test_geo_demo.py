"""The shipped demo geography, population import and the ``socmap geo`` commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import box
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from shared.cli import app
from shared.geo.demo import load_demo
from shared.geo.errors import GeoImportError
from shared.geo.features import UnitFeature
from shared.geo.importer import import_population, import_units
from shared.settings import DatabaseSettings

LEVEL_COUNTS = """
SELECT level, count(*) AS units, count(geom) AS with_geometry,
       count(*) FILTER (WHERE approximate) AS approximate
FROM geo.territorial_unit GROUP BY level ORDER BY level
"""


async def snapshot(session: AsyncSession) -> dict[str, object]:
    levels = {row.level: tuple(row[1:]) for row in await session.execute(text(LEVEL_COUNTS))}
    bands = (await session.execute(text("SELECT count(*) FROM geo.territorial_unit_band"))).scalar()
    population = (await session.execute(text("SELECT count(*) FROM geo.population"))).scalar()
    return {"levels": levels, "bands": bands, "population": population}


async def test_demo_loads_all_geography_and_reloading_updates(db_session: AsyncSession) -> None:
    first = await load_demo(db_session)
    loaded = await snapshot(db_session)
    second = await load_demo(db_session)

    assert loaded["levels"] == {
        "district": (78, 78, 30),
        "gmina": (8, 5, 0),
        "powiat": (380, 380, 0),
        "voivodeship": (16, 16, 0),
    }
    assert loaded["bands"] == (16 + 380 + 5 + 78) * 4
    assert await snapshot(db_session) == loaded
    assert sum(report.created for report in first.units) == 16 + 380 + 8 + 78
    assert sum(report.created for report in second.units) == 0
    assert second.population is not None
    assert second.population.rows == loaded["population"]

    names = "('śląskie', 'powiat Bielsko-Biała', 'Szamotuły', 'Wojszyce')"
    result = await db_session.execute(
        text(f"SELECT name, code FROM geo.territorial_unit WHERE name IN {names}")
    )
    codes = {row.name: row.code for row in result}
    assert codes == {
        "śląskie": "24",
        "powiat Bielsko-Biała": "2461",
        "Szamotuły": "3024073",
        "Wojszyce": "0264011-48",
    }


async def test_demo_population_is_real_only_where_the_data_says_so(
    db_session: AsyncSession,
) -> None:
    await load_demo(db_session)
    rows = (
        await db_session.execute(
            text("SELECT unit_code, year, population, synthetic, source FROM geo.population")
        )
    ).all()

    real = {(row.unit_code, row.year): row.population for row in rows if not row.synthetic}
    assert real[("2461011", 2022)] == 166_765
    assert real[("2461011-30", 2006)] == 16_311  # Złote Łany
    assert real[("2461011-19", 2017)] == 9_390  # Osiedle Karpackie
    assert len(real) == 11
    assert all(row.source == "synthetic demo value" for row in rows if row.synthetic)
    latest = {row.unit_code: row.population for row in rows if row.year == 2024}
    districts = (
        await db_session.execute(
            text("SELECT code FROM geo.territorial_unit WHERE level IN ('district', 'gmina')")
        )
    ).scalars()
    assert set(districts) <= set(latest)
    wroclaw = sum(value for code, value in latest.items() if code.startswith("0264011-"))
    assert wroclaw == pytest.approx(640_000, rel=0.05)
    assert min(value for code, value in latest.items() if "-" in code) > 500


@pytest.fixture
async def voivodeship(db_session: AsyncSession) -> AsyncSession:
    await import_units(
        db_session,
        [UnitFeature("02", "dolnośląskie", box(15.0, 50.5, 17.5, 51.5))],
        level="voivodeship",
    )
    return db_session


async def test_population_csv_is_upserted(voivodeship: AsyncSession) -> None:
    csv = "unit_code,year,population,synthetic,source\n02,2024,2880000,true,synthetic demo value\n"
    await import_population(voivodeship, csv)
    report = await import_population(voivodeship, csv.replace("2880000", "2870000"))

    assert (report.rows, report.synthetic, report.years) == (1, 1, [2024])
    value = (
        await voivodeship.execute(
            text("SELECT population FROM geo.population WHERE unit_code = '02'")
        )
    ).scalar()
    assert value == 2_870_000


@pytest.mark.parametrize(
    ("csv", "field"),
    [
        ("unit_code,year,population,synthetic,source\n99,2024,10,false,x\n", "unit_code"),
        ("unit_code,year,population,synthetic,source\n02,1024,10,false,x\n", "year"),
        ("unit_code,year,population,synthetic,source\n02,2024,-5,false,x\n", "population"),
        ("unit_code,year,population,synthetic,source\n02,2024,5,maybe,x\n", "synthetic"),
        ("unit_code,year,population,synthetic,source\n02,2024,5,,x\n02,2024,6,,x\n", "year"),
        ("code,year,residents\n02,2024,5\n", None),
    ],
    ids=["unknown unit", "bad year", "negative", "bad flag", "repeated year", "bad header"],
)
async def test_bad_population_csv_is_rejected(
    voivodeship: AsyncSession, csv: str, field: str | None
) -> None:
    with pytest.raises(GeoImportError) as caught:
        await import_population(voivodeship, csv)

    errors = caught.value.errors or []
    if field is not None:
        assert [error["field"] for error in errors] == [field]
        assert errors[0]["row"] >= 2
    count = (await voivodeship.execute(text("SELECT count(*) FROM geo.population"))).scalar()
    assert count == 0


def test_cli_import_reports_a_rejected_file(
    database_settings: DatabaseSettings, tmp_path: Path
) -> None:
    path = tmp_path / "osiedla.geojson"
    path.write_text("not json at all")

    result = CliRunner().invoke(
        app,
        [
            "geo", "import", str(path), "--level", "district", "--parent", "0264011",
            "--code-property", "id", "--code-template", "{parent}-{value:02d}",
            "--name-property", "osiedle", "--dry-run",
        ],
    )  # fmt: skip

    assert result.exit_code == 1
    assert "Not GeoJSON" in result.output
    assert "[not-geojson]" in result.output


def test_cli_check_prints_the_coverage_report(database_settings: DatabaseSettings) -> None:
    result = CliRunner().invoke(app, ["geo", "check"])

    assert result.exit_code == 0, result.output
    assert "coverage OK" in result.output
