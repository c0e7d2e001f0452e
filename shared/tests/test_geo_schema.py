"""The migrated database has the geography schema the importer writes to."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


async def test_migrations_create_extensions_and_geo_tables(db_session: AsyncSession) -> None:
    extensions = set((await db_session.execute(text("SELECT extname FROM pg_extension"))).scalars())
    assert {"postgis", "pg_trgm", "unaccent"} <= extensions

    tables = set(
        (
            await db_session.execute(
                text("SELECT table_name FROM information_schema.tables WHERE table_schema = 'geo'")
            )
        ).scalars()
    )
    assert {"territorial_unit", "territorial_unit_band", "population", "street_district"} <= tables

    columns = {
        (row.f_table_name, row.f_geometry_column): (row.type, row.srid)
        for row in await db_session.execute(
            text(
                "SELECT f_table_name, f_geometry_column, type, srid FROM geometry_columns"
                " WHERE f_table_schema = 'geo'"
            )
        )
    }
    assert columns[("territorial_unit", "geom")] == ("MULTIPOLYGON", 4326)
    assert columns[("territorial_unit", "label_point")] == ("POINT", 4326)
    assert columns[("territorial_unit_band", "geom")] == ("MULTIPOLYGON", 3857)
