"""All SQL of the geography package: territorial units, their zoom bands and population."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class StoredUnit:
    """A territorial unit as stored; ``geometry`` in EPSG:4326 (None when loaded without it)."""

    code: str
    level: str
    name: str
    parent_code: str | None
    geometry: BaseGeometry | None


def _stored(row: Any) -> StoredUnit:
    return StoredUnit(
        code=row.code,
        level=row.level,
        name=row.name,
        parent_code=row.parent_code,
        geometry=shapely.from_wkb(row.wkb) if row.wkb is not None else None,
    )


async def get_units(session: AsyncSession, codes: Iterable[str]) -> dict[str, StoredUnit]:
    """The stored units among ``codes``, with their boundaries."""
    result = await session.execute(
        text(
            "SELECT code, level, name, parent_code, ST_AsBinary(geom) AS wkb"
            " FROM geo.territorial_unit WHERE code = ANY(:codes)"
        ),
        {"codes": list(codes)},
    )
    return {row.code: _stored(row) for row in result}


async def list_siblings(
    session: AsyncSession, *, level: str, parent_code: str | None, exclude: Sequence[str]
) -> list[StoredUnit]:
    """Stored units of ``level`` with a boundary, under ``parent_code`` (None: all of the
    level), leaving out ``exclude``."""
    result = await session.execute(
        text(
            "SELECT code, level, name, parent_code, ST_AsBinary(geom) AS wkb"
            " FROM geo.territorial_unit"
            " WHERE level = :level AND geom IS NOT NULL"
            " AND (CAST(:parent AS text) IS NULL OR parent_code = :parent)"
            " AND NOT (code = ANY(:exclude))"
            " ORDER BY code"
        ),
        {"level": level, "parent": parent_code, "exclude": list(exclude)},
    )
    return [_stored(row) for row in result]


async def list_units(session: AsyncSession, *, level: str | None = None) -> list[StoredUnit]:
    """Stored units (of ``level``), ordered by code, with their boundaries."""
    result = await session.execute(
        text(
            "SELECT code, level, name, parent_code, ST_AsBinary(geom) AS wkb"
            " FROM geo.territorial_unit"
            " WHERE CAST(:level AS text) IS NULL OR level = :level ORDER BY code"
        ),
        {"level": level},
    )
    return [_stored(row) for row in result]


async def upsert_units(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or update units by code. Each row: code, level, name, parent_code, approximate,
    source, wkb (EPSG:4326 WKB or None). The label point is a point on the surface."""
    if not rows:
        return
    await session.execute(
        text(
            """
            INSERT INTO geo.territorial_unit
                (code, level, name, parent_code, approximate, source, geom, label_point)
            SELECT :code, :level, :name, :parent_code, :approximate, :source, shape.geom,
                   ST_PointOnSurface(shape.geom)
            FROM (SELECT ST_Multi(ST_GeomFromWKB(CAST(:wkb AS bytea), 4326)) AS geom) AS shape
            ON CONFLICT (code) DO UPDATE SET
                level = EXCLUDED.level,
                name = EXCLUDED.name,
                parent_code = EXCLUDED.parent_code,
                approximate = EXCLUDED.approximate,
                source = EXCLUDED.source,
                geom = EXCLUDED.geom,
                label_point = EXCLUDED.label_point,
                updated_at = now()
            """
        ),
        list(rows),
    )


async def update_boundaries(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Replace the boundary of stored units (rows: code, wkb), e.g. after snapping siblings."""
    if not rows:
        return
    await session.execute(
        text(
            """
            UPDATE geo.territorial_unit
            SET geom = ST_Multi(ST_GeomFromWKB(CAST(:wkb AS bytea), 4326)),
                label_point = ST_PointOnSurface(ST_GeomFromWKB(CAST(:wkb AS bytea), 4326)),
                updated_at = now()
            WHERE code = :code
            """
        ),
        list(rows),
    )


async def replace_bands(
    session: AsyncSession, unit_codes: Sequence[str], rows: Sequence[dict[str, Any]]
) -> None:
    """Replace the zoom-band geometries of ``unit_codes``. Each row: unit_code, band,
    min_zoom, max_zoom, wkb (EPSG:3857 WKB)."""
    await session.execute(
        text("DELETE FROM geo.territorial_unit_band WHERE unit_code = ANY(:codes)"),
        {"codes": list(unit_codes)},
    )
    if rows:
        await session.execute(
            text(
                "INSERT INTO geo.territorial_unit_band (unit_code, band, min_zoom, max_zoom, geom)"
                " VALUES (:unit_code, :band, :min_zoom, :max_zoom,"
                " ST_Multi(ST_GeomFromWKB(CAST(:wkb AS bytea), 3857)))"
            ),
            list(rows),
        )


async def list_bands(
    session: AsyncSession, unit_codes: Sequence[str]
) -> dict[int, dict[str, BaseGeometry]]:
    """Band geometries (EPSG:3857) of ``unit_codes``: band → unit code → geometry."""
    result = await session.execute(
        text(
            "SELECT unit_code, band, ST_AsBinary(geom) AS wkb FROM geo.territorial_unit_band"
            " WHERE unit_code = ANY(:codes) ORDER BY band, unit_code"
        ),
        {"codes": list(unit_codes)},
    )
    bands: dict[int, dict[str, BaseGeometry]] = {}
    for row in result:
        bands.setdefault(row.band, {})[row.unit_code] = shapely.from_wkb(row.wkb)
    return bands


async def upsert_population(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or update population by (unit_code, year). Each row: unit_code, year,
    population, synthetic, source."""
    if not rows:
        return
    await session.execute(
        text(
            "INSERT INTO geo.population (unit_code, year, population, synthetic, source)"
            " VALUES (:unit_code, :year, :population, :synthetic, :source)"
            " ON CONFLICT (unit_code, year) DO UPDATE SET population = EXCLUDED.population,"
            " synthetic = EXCLUDED.synthetic, source = EXCLUDED.source"
        ),
        list(rows),
    )


async def level_summary(session: AsyncSession, *, band_count: int) -> list[dict[str, Any]]:
    """Per level: units, units with a boundary, approximate ones, units with every zoom band,
    units with population, and the latest population year."""
    result = await session.execute(
        text(
            """
            SELECT u.level,
                   count(*) AS units,
                   count(u.geom) AS with_geometry,
                   count(*) FILTER (WHERE u.approximate) AS approximate,
                   count(*) FILTER (WHERE b.bands = :band_count) AS with_bands,
                   count(p.unit_code) AS with_population,
                   max(p.latest_year) AS latest_year,
                   count(*) FILTER (WHERE p.has_real) AS with_real_population
            FROM geo.territorial_unit AS u
            LEFT JOIN (SELECT unit_code, count(*) AS bands FROM geo.territorial_unit_band
                       GROUP BY unit_code) AS b ON b.unit_code = u.code
            LEFT JOIN (SELECT unit_code, max(year) AS latest_year,
                              bool_or(NOT synthetic) AS has_real
                       FROM geo.population GROUP BY unit_code) AS p ON p.unit_code = u.code
            GROUP BY u.level
            ORDER BY array_position(ARRAY['voivodeship', 'powiat', 'gmina', 'district'], u.level)
            """
        ),
        {"band_count": band_count},
    )
    return [dict(row._mapping) for row in result]
