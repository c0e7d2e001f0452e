"""``socmap admin``: institutions and keys from the command line (committed, cleaned up)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from shared.admin_cli import admin_app
from shared.auth import hash_key, parse_prefix
from shared.settings import DatabaseSettings

NAME = "GOPS CLI test"


@pytest.fixture
def cleanup(database_settings: DatabaseSettings) -> Iterator[None]:
    yield
    engine = create_engine(database_settings.url(driver="postgresql+psycopg"))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM auth.institution WHERE name = :name"), {"name": NAME})
    engine.dispose()


def test_institutions_and_keys(cleanup: None, database_settings: DatabaseSettings) -> None:
    runner = CliRunner()
    created = runner.invoke(
        admin_app,
        ["institutions", "create", "--kind", "gops", "--name", NAME, "--territory", "2402011"],
    )
    assert created.exit_code == 0, created.output
    again = runner.invoke(
        admin_app,
        ["institutions", "create", "--kind", "GOPS", "--name", NAME, "--territory", "2402011"],
    )
    assert again.exit_code == 1
    listed = runner.invoke(admin_app, ["institutions", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = [row for row in json.loads(listed.stdout) if row["name"] == NAME]
    assert rows[0]["territory"] == ["2402011"]
    assert rows[0]["kind"] == "GOPS"

    key = runner.invoke(
        admin_app,
        ["keys", "create", "--institution", NAME, "--name", "system", "--scope", "records:write"],
    )
    assert key.exit_code == 0, key.output
    token = key.stdout.strip().splitlines()[-1]
    prefix = parse_prefix(token)
    assert prefix is not None
    engine = create_engine(database_settings.url(driver="postgresql+psycopg"))
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT secret_hash FROM auth.api_key WHERE prefix = :prefix"), {"prefix": prefix}
        ).scalar_one()
    engine.dispose()
    assert stored == hash_key(token)

    keys = runner.invoke(admin_app, ["keys", "list", "--institution", NAME, "--json"])
    assert keys.exit_code == 0
    assert token not in keys.stdout
    assert [row["prefix"] for row in json.loads(keys.stdout)] == [prefix]

    bad_scope = runner.invoke(
        admin_app, ["keys", "create", "--institution", NAME, "--name", "x", "--scope", "root"]
    )
    assert bad_scope.exit_code == 1
    assert runner.invoke(admin_app, ["keys", "revoke", prefix]).exit_code == 0
    revoked = json.loads(
        runner.invoke(admin_app, ["keys", "list", "--institution", NAME, "--json"]).stdout
    )
    assert revoked[0]["revoked_at"] is not None
    assert runner.invoke(admin_app, ["keys", "revoke", "nosuchprefix"]).exit_code == 1
