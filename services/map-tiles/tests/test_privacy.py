"""Privacy: map-tiles reads only published views and geography, through its own role."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession

import map_tiles.repository
from shared.testing.plugin import as_role

ALLOWED = {
    "geo.territorial_unit",
    "geo.territorial_unit_band",
    "stats.published_release",
    "stats.published_cell",
    "catalog.published_provider",
    "catalog.published_practice",
    # The public reference list of categories (their labels, for the map's category picker).
    "ref.category",
}


def test_repository_reads_only_published_relations() -> None:
    source = Path(map_tiles.repository.__file__).read_text(encoding="utf-8")
    relations = set(re.findall(r"\b(?:geo|stats|catalog|ingest|auth|ref)\.[a-z_]*[a-z]\b", source))
    assert relations <= ALLOWED, relations - ALLOWED


@pytest.mark.parametrize(
    "table", ["stats.cell", "stats.release_block", "stats.frozen_cell", "ingest.record"]
)
async def test_the_role_cannot_read_raw_tables(db_session: AsyncSession, table: str) -> None:
    with pytest.raises(ProgrammingError, match="permission denied"):
        async with as_role(db_session, "socmap_map_tiles"):
            await db_session.execute(text(f"SELECT 1 FROM {table} LIMIT 1"))
