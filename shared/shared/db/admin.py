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
