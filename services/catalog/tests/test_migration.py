"""Catalog migrations: no drift between the models and the database, a clean downgrade /
upgrade round trip, and the storage of what a search reads (on a throwaway database)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from geoalchemy2 import alembic_helpers
from sqlalchemy import Engine, create_engine, text

import shared.db.models  # noqa: F401  (registers every table)
from shared.db.admin import drop_database, recreate_database
from shared.db.base import Base
from shared.migrations_info import alembic_config
from shared.settings import DatabaseSettings


@pytest.fixture(scope="module")
def fresh_database(database_settings: DatabaseSettings) -> Iterator[tuple[Engine, str]]:
    name = f"socmap_catalog_migration_{os.getpid()}"
    recreate_database(database_settings, name)
    url = database_settings.url(driver="postgresql+psycopg", database=name)
    engine = create_engine(url)
    try:
        yield engine, url.render_as_string(hide_password=False)
    finally:
        engine.dispose()
        drop_database(database_settings, name)


def _catalog_only(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    table = obj if type_ == "table" else getattr(obj, "table", None)
    if getattr(table, "schema", None) != "catalog":
        return False
    return bool(alembic_helpers.include_object(obj, name, type_, reflected, compare_to))


def _catalog_drift(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_schemas": True,
                "include_object": _catalog_only,
                "compare_type": True,
            },
        )
        return list(compare_metadata(context, Base.metadata))


def _catalog_objects(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                text(
                    "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n "
                    "ON n.oid = c.relnamespace WHERE n.nspname = 'catalog') "
                    "+ (SELECT count(*) FROM pg_ts_config c JOIN pg_namespace n "
                    "ON n.oid = c.cfgnamespace WHERE n.nspname = 'catalog')"
                )
            ).scalar_one()
        )


def test_no_drift_and_round_trip(fresh_database: tuple[Engine, str]) -> None:
    engine, url = fresh_database
    config = alembic_config(url)
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")
    assert _catalog_drift(engine) == []
    assert _catalog_objects(engine) > 10
    command.downgrade(config, "0002_ingest")
    assert _catalog_objects(engine) == 0
    command.upgrade(config, "head")
    assert _catalog_drift(engine) == []
    with engine.connect() as connection:
        lexemes = connection.execute(
            text("SELECT to_tsvector('catalog.pl', 'ośrodkach seniorów')::text")
        ).scalar_one()
    assert "ośrodek" in lexemes
    assert "senior" in lexemes


def test_what_a_search_reads_per_match_stays_in_the_practice_row(
    fresh_database: tuple[Engine, str],
) -> None:
    # Migrations 0007 and 0008: a practice row is over the TOAST threshold, and PostgreSQL
    # moves compressible columns out of it unless they are stored MAIN.
    engine, url = fresh_database
    config = alembic_config(url)
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")
    with engine.connect() as connection:
        storage = dict(
            connection.execute(
                text(
                    "SELECT attname::text, attstorage::text FROM pg_attribute "
                    "WHERE attrelid = 'catalog.practice'::regclass AND attnum > 0 "
                    "AND NOT attisdropped"
                )
            ).all()
        )
    in_row = ("tsv_pl", "name_norm", "search_tokens", "service_areas", "target_groups")
    assert {name: storage[name] for name in in_row} == dict.fromkeys(in_row, "m")
    assert storage["description"] == "x"  # long texts go to TOAST
