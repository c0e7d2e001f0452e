"""Create, drop and migrate whole databases (tests, benchmarks); owner role only."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from shared.migrations_info import alembic_config
from shared.settings import DatabaseSettings


def _execute_on_server(settings: DatabaseSettings, *statements: str) -> None:
    admin = create_engine(
        settings.url(driver="postgresql+psycopg", database="postgres"),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        for statement in statements:
            connection.execute(text(statement))
    admin.dispose()


def drop_database(settings: DatabaseSettings, name: str) -> None:
    """Drop database ``name`` (closing its connections) if it exists."""
    _execute_on_server(settings, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def recreate_database(settings: DatabaseSettings, name: str) -> None:
    """Drop and create an empty database ``name`` owned by the owner role."""
    _execute_on_server(
        settings,
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
        f'CREATE DATABASE "{name}" OWNER "{settings.user}"',
    )


def migrate_database(settings: DatabaseSettings, revision: str = "head") -> None:
    """Apply the Alembic history to the database of ``settings`` (quietly)."""
    config = alembic_config(
        settings.url(driver="postgresql+psycopg").render_as_string(hide_password=False)
    )
    config.attributes["configure_logger"] = False
    command.upgrade(config, revision)


SERVICE_ROLES = {
    "INGEST": "socmap_ingest",
    "ANONYMIZER": "socmap_anonymizer",
    "CATALOG": "socmap_catalog",
    "MAP_TILES": "socmap_map_tiles",
}


def set_service_role_passwords(settings: DatabaseSettings, environ: dict[str, str]) -> list[str]:
    """Give each service role the password of ``SOCMAP_<SERVICE>_DB_PASSWORD`` when that is set
    (production: the migrate job holds the secrets); return the roles changed."""
    engine = create_engine(settings.url(driver="postgresql+psycopg"))
    changed = []
    with engine.begin() as connection:
        for service, role in SERVICE_ROLES.items():
            password = environ.get(f"SOCMAP_{service}_DB_PASSWORD")
            if password:
                # ALTER ROLE takes no bind parameters; quote the literal on the server side.
                literal = connection.execute(
                    text("SELECT quote_literal(:p)"), {"p": password}
                ).scalar_one()
                connection.execute(text(f"ALTER ROLE {role} PASSWORD {literal}"))
                changed.append(role)
    engine.dispose()
    return changed
