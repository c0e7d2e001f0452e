"""Fixtures of the shared package's tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from shared.settings import DatabaseSettings


@pytest.fixture(scope="module")
def scratch_url(database_settings: DatabaseSettings) -> Iterator[str]:
    """An empty database of its own for a module's migration round trips (the shared test
    database stays at head)."""
    name = f"socmap_scratch_{os.getpid()}"
    admin = create_engine(
        database_settings.url(driver="postgresql+psycopg", database="postgres"),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = database_settings.url(driver="postgresql+psycopg", database=name)
    yield url.render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
