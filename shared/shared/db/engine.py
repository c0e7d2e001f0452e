"""Async engine and session factory (asyncpg)."""

from __future__ import annotations

from sqlalchemy import URL
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from shared.settings import ServiceSettings


def make_engine(
    url: URL | str, *, pool_size: int = 10, max_overflow: int = 10, echo: bool = False
) -> AsyncEngine:
    """Create an asyncpg engine; JIT off because short OLTP queries only pay its start-up cost."""
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        echo=echo,
        # Error messages never carry the bound values (a location, a case number).
        hide_parameters=True,
        connect_args={"server_settings": {"jit": "off", "application_name": "socmap"}},
    )


def make_service_engine(settings: ServiceSettings) -> AsyncEngine:
    """Engine connected as the service's own database role."""
    return make_engine(
        settings.database_url(),
        pool_size=settings.database.pool_size,
        max_overflow=settings.database.max_overflow,
        echo=settings.database.echo,
    )


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Session factory; objects stay usable after commit (API handlers return them)."""
    return async_sessionmaker(engine, expire_on_commit=False)
