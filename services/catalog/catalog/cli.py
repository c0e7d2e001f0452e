"""``socmap-catalog``: catalogue administration (seed the demo content)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from catalog.seed import SeedReport

app = typer.Typer(no_args_is_help=True, help="socmap catalog administration")


@app.callback()
def _root() -> None:
    """socmap catalog administration."""


@app.command("seed")
def seed(
    data_dir: Annotated[Path | None, typer.Option(help="The project's data/ folder")] = None,
) -> None:
    """Load the seed practices and demo providers (published; idempotent).

    Runs as the owner role of SOCMAP_DB_*, after ``socmap migrate``."""
    from shared.reference import data_dir as default_data_dir

    report = asyncio.run(_seed(data_dir or default_data_dir()))
    typer.echo(
        f"practices: {report.practices_created} created, {report.practices_updated} updated; "
        f"providers: {report.providers_created} created, {report.providers_updated} updated"
    )


async def _seed(data_dir: Path) -> SeedReport:
    from catalog.seed import seed_catalog
    from shared.db.engine import make_engine, make_sessionmaker
    from shared.settings import DatabaseSettings

    engine = make_engine(DatabaseSettings().url(), pool_size=1, max_overflow=0)
    try:
        async with make_sessionmaker(engine)() as session:
            return await seed_catalog(session, data_dir=data_dir)
    finally:
        await engine.dispose()


def main() -> None:
    app()
