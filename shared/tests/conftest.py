"""Fixtures of the shared package's tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from shared.db.admin import drop_database, recreate_database
from shared.settings import DatabaseSettings


@pytest.fixture(scope="module")
def scratch_url(database_settings: DatabaseSettings) -> Iterator[str]:
    """An empty database of its own for a module's migration round trips (the shared test
    database stays at head)."""
    name = f"socmap_scratch_{os.getpid()}"
    recreate_database(database_settings, name)
    url = database_settings.url(driver="postgresql+psycopg", database=name)
    yield url.render_as_string(hide_password=False)
    drop_database(database_settings, name)
