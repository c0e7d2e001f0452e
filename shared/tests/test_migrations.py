"""The one Alembic history: applies to an empty database, matches the models, round-trips."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, text

from shared.migrations_info import alembic_config, head_revision


def _config(url: str):  # type: ignore[no-untyped-def]
    config = alembic_config(url)
    config.attributes["configure_logger"] = False
    return config


def _schemas(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_schema_names())
    finally:
        engine.dispose()


def test_upgrade_on_empty_database_then_no_drift(scratch_url: str) -> None:
    config = _config(scratch_url)
    command.upgrade(config, "head")
    assert {"geo", "ref", "auth", "ingest", "stats", "catalog"} <= _schemas(scratch_url)
    # Raises if autogenerate would emit anything: models and history agree.
    command.check(config)
    engine = create_engine(scratch_url)
    with engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        extensions = set(connection.execute(text("SELECT extname FROM pg_extension")).scalars())
        categories = connection.execute(text("SELECT count(*) FROM ref.category")).scalar()
    engine.dispose()
    assert version == head_revision()
    assert {"postgis", "pg_trgm", "unaccent"} <= extensions
    assert categories == 29


def test_downgrade_to_base_then_upgrade_again(scratch_url: str) -> None:
    config = _config(scratch_url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    assert not {"geo", "ref", "auth", "ingest", "stats", "catalog"} & _schemas(scratch_url)
    command.upgrade(config, "head")
    assert {"geo", "ingest", "catalog"} <= _schemas(scratch_url)
