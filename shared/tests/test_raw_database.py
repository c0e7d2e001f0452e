"""The raw asyncpg handle: placeholders, and a pooled connection lost under it (the pool
notices on the next acquire and connects anew: no failed request)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.db.raw import PoolDatabase, compile_sql, open_pool
from shared.settings import DatabaseSettings, ServiceSettings


def test_named_placeholders_become_numbered() -> None:
    statement = compile_sql(
        "SELECT CAST(:a AS int)::text, :b, :a, 'x:y', ARRAY[1,2][1:2] FROM t WHERE c = :b_2"
    )
    assert (
        statement.sql
        == "SELECT CAST($1 AS int)::text, $2, $1, 'x:y', ARRAY[1,2][1:2] FROM t WHERE c = $3"
    )
    assert statement.arguments({"a": 1, "b": 2, "b_2": 3, "unused": 4}) == [1, 2, 3]


async def test_a_lost_pooled_connection_is_replaced(
    database_settings: DatabaseSettings, engine: AsyncEngine
) -> None:
    settings = ServiceSettings(database=database_settings.model_copy(update={"pool_size": 1}))
    pool = await open_pool(settings, application_name="socmap-test")
    try:
        database = PoolDatabase(pool)
        pid = await database.fetchval("SELECT pg_backend_pid()")
        async with engine.connect() as connection:
            # Waits (up to 10 s) until the backend has gone.
            gone = await connection.scalar(
                text("SELECT pg_terminate_backend(:pid, 10000)"), {"pid": pid}
            )
        assert gone
        assert await database.fetchval("SELECT CAST(:n AS int) + 1", {"n": 1}) == 2
        assert await database.fetchval("SELECT pg_backend_pid()") != pid
        rows = await database.fetch("SELECT n FROM generate_series(1, $1) AS n", 3)
        assert [row["n"] for row in rows] == [1, 2, 3]
    finally:
        await pool.close()
