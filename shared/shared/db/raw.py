"""Raw asyncpg for hot read paths: one round trip per query.

A map tile costs PostGIS about 0.2 ms and a catalog search a few ms; through an ORM session
each cost the service over 2 ms of Python and five extra round trips (pool ping, BEGIN,
ROLLBACK, connection reset). Here every query is one prepared statement (asyncpg caches them
per connection) run in autocommit on a pooled connection that is handed back without a reset:
these paths only read and never change session state.

SQL keeps SQLAlchemy-style ``:name`` placeholders (readable, and the same in every module);
``compile_sql`` turns them into asyncpg's ``$n`` once per statement text."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import asyncpg

from shared.settings import ServiceSettings

# ``:name`` but not the cast ``::type`` nor a name inside ``a:b``.
_PLACEHOLDER = re.compile(r"(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True, slots=True)
class Statement:
    """SQL with ``$n`` placeholders and the parameter name of each ``n``."""

    sql: str
    names: tuple[str, ...]

    def arguments(self, params: Mapping[str, Any]) -> list[Any]:
        return [params[name] for name in self.names]


@lru_cache(maxsize=512)
def compile_sql(sql: str) -> Statement:
    """``:name`` placeholders → ``$n`` (the same name is the same ``n``)."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    return Statement(_PLACEHOLDER.sub(number, sql), tuple(names))


class Database(Protocol):
    """What a read path needs: the rows, one row or one value of a query."""

    async def fetch(self, sql: str, *arguments: Any) -> Sequence[Mapping[str, Any]]:
        """Rows of SQL with asyncpg's own ``$n`` placeholders."""
        ...

    async def fetchrow(
        self, sql: str, params: Mapping[str, Any] | None = None
    ) -> Mapping[str, Any] | None: ...

    async def fetchval(self, sql: str, params: Mapping[str, Any] | None = None) -> Any: ...


async def _keep(connection: asyncpg.Connection) -> None:
    """Pool reset hook: nothing to undo (read-only statements, no session state)."""


class PoolDatabase:
    """``Database`` on an asyncpg pool of the service's own role."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def fetch(self, sql: str, *arguments: Any) -> Sequence[Mapping[str, Any]]:
        rows: list[asyncpg.Record] = await self.pool.fetch(sql, *arguments)
        return rows

    async def fetchrow(
        self, sql: str, params: Mapping[str, Any] | None = None
    ) -> Mapping[str, Any] | None:
        statement = compile_sql(sql)
        row: Mapping[str, Any] | None = await self.pool.fetchrow(
            statement.sql, *statement.arguments(params or {})
        )
        return row

    async def fetchval(self, sql: str, params: Mapping[str, Any] | None = None) -> Any:
        statement = compile_sql(sql)
        return await self.pool.fetchval(statement.sql, *statement.arguments(params or {}))


class ConnectionDatabase:
    """``Database`` on one asyncpg connection (queries take turns), optionally as ``role``
    for each query: for tests, whose data lives in one open transaction."""

    def __init__(self, connection: asyncpg.Connection, *, role: str | None = None) -> None:
        self.connection = connection
        self.role = role
        self._turn = asyncio.Lock()

    @asynccontextmanager
    async def _as_role(self) -> AsyncIterator[asyncpg.Connection]:
        async with self._turn:
            if self.role is None:
                yield self.connection
                return
            await self.connection.execute(f'SET LOCAL ROLE "{self.role}"')
            try:
                yield self.connection
            finally:
                # After an error the transaction is aborted; its rollback resets the role.
                with contextlib.suppress(asyncpg.PostgresError):
                    await self.connection.execute("RESET ROLE")

    async def fetch(self, sql: str, *arguments: Any) -> Sequence[Mapping[str, Any]]:
        async with self._as_role() as connection:
            rows: list[asyncpg.Record] = await connection.fetch(sql, *arguments)
            return rows

    async def fetchrow(
        self, sql: str, params: Mapping[str, Any] | None = None
    ) -> Mapping[str, Any] | None:
        statement = compile_sql(sql)
        async with self._as_role() as connection:
            row: Mapping[str, Any] | None = await connection.fetchrow(
                statement.sql, *statement.arguments(params or {})
            )
            return row

    async def fetchval(self, sql: str, params: Mapping[str, Any] | None = None) -> Any:
        statement = compile_sql(sql)
        async with self._as_role() as connection:
            return await connection.fetchval(statement.sql, *statement.arguments(params or {}))


async def open_pool(
    settings: ServiceSettings,
    *,
    application_name: str,
    init: Callable[[asyncpg.Connection], Awaitable[None]] | None = None,
    min_size: int = 0,
) -> asyncpg.Pool:
    """A pool of the service role's connections (JIT off: short queries only pay its start);
    ``init`` prepares each new connection. Connections open on first use unless ``min_size``
    says otherwise: a database that is down does not stop a service from starting (it answers
    503 until the database is back)."""
    url = settings.database_url()
    return await asyncpg.create_pool(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        database=url.database,
        min_size=min_size,
        max_size=settings.database.pool_size,
        reset=_keep,
        init=init,
        server_settings={"jit": "off", "application_name": application_name},
    )
