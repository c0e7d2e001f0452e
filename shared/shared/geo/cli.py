"""``socmap geo ...`` commands: import boundaries and population, the address register (TERYT
localities and streets, PRG address points), load the demo, check coverage.

Each command connects as the owner role (``SOCMAP_DB_*``), works in one transaction and commits
at the end; a rejected file prints its problems, exits with status 1 and writes nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from sqlalchemy.ext.asyncio import AsyncSession

geo_app = typer.Typer(no_args_is_help=True, help="Import and check territorial units")
teryt_app = typer.Typer(no_args_is_help=True, help="GUS TERYT registers of localities and streets")
addresses_app = typer.Typer(
    no_args_is_help=True, help="GUGiK PRG address points → kept points and street rules"
)
geo_app.add_typer(teryt_app, name="teryt")
geo_app.add_typer(addresses_app, name="addresses")

Result = TypeVar("Result")


def _run(work: Callable[[AsyncSession], Awaitable[Result]], *, commit: bool = True) -> Result:
    """Run ``work`` in one transaction of the owner role; commit unless told not to."""
    from shared.db.engine import make_engine
    from shared.geo.errors import GeoImportError
    from shared.settings import DatabaseSettings

    async def main() -> Result:
        engine = make_engine(DatabaseSettings().url(), pool_size=1, max_overflow=0)
        try:
            async with AsyncSession(engine, expire_on_commit=False) as session:
                result = await work(session)
                if commit:
                    await session.commit()
                else:
                    await session.rollback()
                return result
        finally:
            await engine.dispose()

    try:
        return asyncio.run(main())
    except GeoImportError as exc:
        typer.echo(exc.describe(), err=True)
        raise typer.Exit(1) from exc


@geo_app.command("import")
def import_boundaries(
    file: Annotated[
        Path, typer.Argument(help="GeoJSON FeatureCollection or Shapefile (.shp) of polygons")
    ],
    level: Annotated[str, typer.Option(help="voivodeship, powiat, gmina or district")],
    code_property: Annotated[str, typer.Option(help="property holding the unit's code or number")],
    name_property: Annotated[str, typer.Option(help="property holding the unit's name")],
    code_template: Annotated[
        str, typer.Option(help="how a code is built, e.g. '{parent}-{value:02d}'")
    ] = "{value}",
    parent: Annotated[
        str | None, typer.Option(help="parent TERC code, for {parent} and as a check")
    ] = None,
    crs: Annotated[
        str | None, typer.Option(help="source CRS (EPSG:4326, 2180, 2176-2179); else the file's")
    ] = None,
    approximate: Annotated[bool, typer.Option(help="the boundaries are approximations")] = False,
    source: Annotated[str | None, typer.Option(help="where the boundaries come from")] = None,
    max_sliver_m2: Annotated[
        float, typer.Option(help="reject overlaps or gaps between neighbours above this area")
    ] = 1000.0,
    gap_width_m: Annotated[
        float, typer.Option(help="narrower gaps between neighbours are closed")
    ] = 20.0,
    outside_parent_m: Annotated[
        float, typer.Option(help="how far a unit may stick out of its parent's boundary")
    ] = 2000.0,
    dry_run: Annotated[bool, typer.Option(help="check and report, write nothing")] = False,
) -> None:
    """Import territorial units from FILE, replacing units with the same codes."""
    from shared.geo.coverage import CoverageTolerances
    from shared.geo.features import FeatureMapping
    from shared.geo.importer import import_boundaries

    mapping = FeatureMapping(
        code_property=code_property,
        name_property=name_property,
        code_template=code_template,
        parent=parent,
        crs=crs,
        approximate=approximate,
        source=source or file.name,
    )
    tolerances = CoverageTolerances(
        sliver_max_m2=max_sliver_m2, gap_width_m=gap_width_m, outside_parent_m=outside_parent_m
    )
    report = _run(
        lambda session: import_boundaries(
            session, file, mapping, level=level, tolerances=tolerances, dry_run=dry_run
        ),
        commit=not dry_run,
    )
    typer.echo(report.describe())


@geo_app.command("population")
def population(
    file: Annotated[Path, typer.Argument(help="CSV: unit_code,year,population,synthetic,source")],
    dry_run: Annotated[bool, typer.Option(help="check and report, write nothing")] = False,
) -> None:
    """Load population figures by unit and year (upsert)."""
    from shared.geo.importer import import_population

    report = _run(
        lambda session: import_population(session, file, dry_run=dry_run), commit=not dry_run
    )
    typer.echo(report.describe())


@teryt_app.command("import")
def import_teryt(
    simc_file: Annotated[Path, typer.Argument(help="SIMC register (CSV or XML, as GUS publishes)")],
    ulic_file: Annotated[Path, typer.Argument(help="ULIC register (CSV or XML, as GUS publishes)")],
) -> None:
    """Load localities (SIMC) and their streets (ULIC); a locality's streets are replaced."""
    from shared.geo.addresses import import_teryt

    report = _run(lambda session: import_teryt(session, simc_file, ulic_file))
    typer.echo(report.describe())


@addresses_app.command("import")
def import_addresses(
    file: Annotated[Path, typer.Argument(help="PRG address points (punkty adresowe), GML or CSV")],
    file_format: Annotated[
        str | None, typer.Option("--format", help="gml or csv (default: from the content)")
    ] = None,
    axes: Annotated[
        str,
        typer.Option(help="CSV columns x, y: northing-easting (GUGiK) or easting-northing"),
    ] = "northing-easting",
    source: Annotated[
        str | None, typer.Option(help="where the points come from (default: the file's name)")
    ] = None,
) -> None:
    """Keep the address points (replacing those of the localities and gminas in FILE), place
    every point in its district and replace the derived street rules of its locality."""
    from shared.geo.addresses import import_address_points

    report = _run(
        lambda session: import_address_points(
            session, file, file_format=file_format, axes=axes, source=source
        )
    )
    typer.echo(report.describe())


@geo_app.command("demo")
def demo(
    data_dir: Annotated[
        Path | None, typer.Option(help="the data folder (default: the project's data/)")
    ] = None,
) -> None:
    """Load all shipped demo geography and population; running it again updates, never duplicates."""
    from shared.geo.demo import load_demo

    report = _run(lambda session: load_demo(session, data_dir))
    typer.echo(report.describe())


@geo_app.command("check")
def check() -> None:
    """Print the coverage report; exit status 1 when a sibling group has problems."""
    from shared.geo.check import coverage_report

    report = _run(coverage_report, commit=False)
    typer.echo(report.describe())
    if not report.ok:
        raise typer.Exit(1)
