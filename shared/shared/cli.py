"""The ``socmap`` command: database, reference data, geography and institution administration."""

from __future__ import annotations

import typer

from shared.admin_cli import admin_app
from shared.geo.cli import geo_app

app = typer.Typer(no_args_is_help=True, help="socmap administration")
app.add_typer(geo_app, name="geo")
app.add_typer(admin_app, name="admin")


@app.command("migrate")
def migrate(revision: str = typer.Argument("head")) -> None:
    """Apply the one Alembic history up to REVISION (the owner role, SOCMAP_DB_*), then set the
    service roles' passwords from SOCMAP_<SERVICE>_DB_PASSWORD where given."""
    import os

    from shared.db.admin import migrate_database, set_service_role_passwords
    from shared.settings import DatabaseSettings

    settings = DatabaseSettings()
    migrate_database(settings, revision)
    for role in set_service_role_passwords(settings, dict(os.environ)):
        typer.echo(f"password set for {role}")


@app.command("ref-load")
def ref_load() -> None:
    """Upsert the taxonomies of data/reference into ref.*."""
    from sqlalchemy import create_engine

    from shared.reference import load_reference_data
    from shared.settings import DatabaseSettings

    engine = create_engine(DatabaseSettings().url(driver="postgresql+psycopg"))
    with engine.begin() as connection:
        counts = load_reference_data(connection)
    engine.dispose()
    typer.echo(", ".join(f"{name}: {count}" for name, count in counts.items()))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
