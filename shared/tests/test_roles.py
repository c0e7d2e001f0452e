"""One database role per service, least privilege."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

SERVICE_ROLES = ("socmap_ingest", "socmap_anonymizer", "socmap_catalog", "socmap_map_tiles")


async def _readable(session: AsyncSession, role: str, table: str) -> bool:
    """Try a read as ``role`` inside a savepoint (its rollback also undoes SET LOCAL ROLE)."""
    nested = await session.begin_nested()
    await session.execute(text(f'SET LOCAL ROLE "{role}"'))
    try:
        await session.execute(text(f"SELECT 1 FROM {table} LIMIT 1"))
    except DBAPIError as error:
        message = str(error.orig)
        await nested.rollback()
        if "permission denied" not in message:
            raise
        return False
    await nested.commit()
    await session.execute(text("RESET ROLE"))
    return True


async def test_map_tiles_role_cannot_read_ingest(db_session: AsyncSession) -> None:
    tables = (
        (
            await db_session.execute(
                text(
                    "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname = 'ingest'"
                )
            )
        )
        .scalars()
        .all()
    )
    assert tables, "the ingest schema has tables"
    for table in tables:
        assert not await _readable(db_session, "socmap_map_tiles", table), table
        assert await _readable(db_session, "socmap_ingest", table), table


async def test_map_tiles_role_gets_permission_denied_message(db_session: AsyncSession) -> None:
    await db_session.execute(text("SET LOCAL ROLE socmap_map_tiles"))
    # "for schema ingest" when the statement is planned afresh; "for table batch" when the
    # pooled connection already holds it prepared (by an earlier test, as another role).
    with pytest.raises(DBAPIError, match=r"permission denied for (schema ingest|table batch)"):
        await db_session.execute(text("SELECT count(*) FROM ingest.batch"))


@pytest.mark.parametrize("role", SERVICE_ROLES)
async def test_every_role_reads_geography_and_taxonomies(
    db_session: AsyncSession, role: str
) -> None:
    for table in (
        "geo.territorial_unit",
        "ref.category",
        "ref.category_alias",
        "public.alembic_version",
    ):
        assert await _readable(db_session, role, table), (role, table)


@pytest.mark.parametrize("role", SERVICE_ROLES)
async def test_no_role_reads_api_keys_but_each_checks_one(
    db_session: AsyncSession, role: str
) -> None:
    assert not await _readable(db_session, role, "auth.api_key")
    await db_session.execute(text(f"SET LOCAL ROLE {role}"))
    checked = await db_session.execute(
        text("SELECT count(*) FROM auth.authenticate('000000000000', '\\x00'::bytea)")
    )
    assert checked.scalar_one() == 0


async def test_only_ingest_and_anonymizer_read_raw_records(db_session: AsyncSession) -> None:
    assert await _readable(db_session, "socmap_anonymizer", "ingest.record")
    assert not await _readable(db_session, "socmap_catalog", "ingest.record")


async def test_service_roles_cannot_write_taxonomies(db_session: AsyncSession) -> None:
    await db_session.execute(text("SET LOCAL ROLE socmap_catalog"))
    with pytest.raises(DBAPIError, match="permission denied"):
        await db_session.execute(text("DELETE FROM ref.category"))
