"""FastAPI dependency that yields a session from the app's session factory."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request; rolled back if the handler did not commit."""
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


def request_session(request: Request) -> AbstractAsyncContextManager[AsyncSession]:
    """A session for work outside dependency injection (authentication before the body),
    from the same provider as ``SessionDep``, overrides (the tests') included."""
    provider = request.app.dependency_overrides.get(get_session, get_session)
    arguments = (request,) if inspect.signature(provider).parameters else ()
    return asynccontextmanager(provider)(*arguments)
