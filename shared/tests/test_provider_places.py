"""Where a provider's point comes from (migration 0019): ``point_source``, ``point_approximate``,
what the map may read of them, and the migration's step up from 0018 and back."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from shared.migrations_info import alembic_config
from shared.testing.plugin import as_role

INSERT = """
INSERT INTO catalog.provider (slug, status, name, description, provider_type, voivodeship, geom,
                              point_source, point_approximate)
VALUES (:slug, 'published', 'Ośrodek', 'Opis', 'MOPS', '24',
        CASE WHEN CAST(:lon AS float8) IS NOT NULL
             THEN ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) END,
        :source, :approximate)
"""


async def _insert(
    session: AsyncSession,
    slug: str,
    *,
    lon: float | None = 19.04,
    lat: float | None = 49.82,
    source: str | None = "explicit",
    approximate: bool = False,
) -> None:
    await session.execute(
        text(INSERT),
        {"slug": slug, "lon": lon, "lat": lat, "source": source, "approximate": approximate},
    )


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"source": "geocoder"}, "ck_provider_point_source"),
        ({"lon": None, "lat": None, "source": "explicit"}, "ck_provider_point_provenance"),
        ({"lon": None, "lat": None, "source": None, "approximate": True}, "ck_provider_point_provenance"),
        ({"source": None}, "ck_provider_point_provenance"),
    ],
    ids=["unknown source", "source without point", "approximate without point", "point without source"],
)  # fmt: skip
async def test_a_point_source_needs_a_point_and_a_known_name(
    db_session: AsyncSession, fields: dict[str, Any], constraint: str
) -> None:
    with pytest.raises(IntegrityError, match=constraint):
        await _insert(db_session, "bad", **fields)


async def test_the_map_reads_the_point_source_and_whether_it_is_approximate(
    db_session: AsyncSession,
) -> None:
    await _insert(db_session, "w-rejestrze", source="address_register", approximate=True)
    await _insert(db_session, "bez-punktu", lon=None, lat=None, source=None)
    async with as_role(db_session, "socmap_map_tiles"):
        rows = (
            await db_session.execute(
                text(
                    "SELECT slug, point_source, approximate FROM catalog.published_provider"
                    " ORDER BY slug"
                )
            )
        ).all()
    assert [tuple(row) for row in rows] == [
        ("bez-punktu", None, False),
        ("w-rejestrze", "address_register", True),
    ]


def test_the_migration_keeps_earlier_points_as_explicit_and_steps_back(scratch_url: str) -> None:
    config = alembic_config(scratch_url)
    config.attributes["configure_logger"] = False
    command.upgrade(config, "0018_export_profiles")
    engine = create_engine(scratch_url)
    try:
        with engine.begin() as connection:
            for slug, point in (("z-punktem", "POINT(19.04 49.82)"), ("bez-punktu", None)):
                connection.execute(
                    text(
                        "INSERT INTO catalog.provider (slug, status, name, description,"
                        " provider_type, voivodeship, geom) VALUES (:slug, 'published', 'O',"
                        " 'O', 'MOPS', '24', ST_GeomFromText(:point, 4326))"
                    ),
                    {"slug": slug, "point": point},
                )
        command.upgrade(config, "0019_provider_places")
        with engine.connect() as connection:
            stored = connection.execute(
                text(
                    "SELECT slug, point_source, approximate FROM catalog.published_provider"
                    " ORDER BY slug"
                )
            ).all()
            grants = connection.execute(
                text(
                    "SELECT grantee FROM information_schema.role_table_grants"
                    " WHERE table_schema = 'geo' AND table_name = 'address_point'"
                    " AND privilege_type = 'SELECT' AND grantee LIKE 'socmap_%'"
                )
            ).scalars()
            assert set(grants) == {"socmap_catalog"}
        assert [tuple(row) for row in stored] == [
            ("bez-punktu", None, False),
            ("z-punktem", "explicit", False),
        ]

        command.downgrade(config, "0018_export_profiles")
        with engine.connect() as connection:
            columns = connection.execute(
                text(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_schema = 'catalog' AND table_name = 'published_provider'"
                    " ORDER BY ordinal_position DESC LIMIT 1"
                )
            ).scalar()
            address_point = connection.execute(
                text("SELECT to_regclass('geo.address_point')")
            ).scalar()
            readable = connection.execute(
                text(
                    "SELECT has_table_privilege('socmap_map_tiles',"
                    " 'catalog.published_provider', 'SELECT')"
                )
            ).scalar()
        assert (columns, address_point, readable) == ("geom", None, True)
    finally:
        engine.dispose()
