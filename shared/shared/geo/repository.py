"""All SQL of the geography package: territorial units, their zoom bands, population, and the
address register (TERYT localities and streets, street rules derived from PRG address points)."""

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


# --- address register ------------------------------------------------------------------------


async def _driver(session: AsyncSession) -> Any:
    """The session's asyncpg connection, for COPY."""
    raw = await (await session.connection()).get_raw_connection()
    return raw.driver_connection


async def stored_localities(session: AsyncSession, simcs: Sequence[str]) -> set[str]:
    """The SIMC ids among ``simcs`` that ``geo.locality`` holds."""
    result = await session.execute(
        text("SELECT simc FROM geo.locality WHERE simc = ANY(:simcs)"), {"simcs": list(simcs)}
    )
    return set(result.scalars())


_LOCALITY_COLUMNS = (
    "simc",
    "name",
    "name_key",
    "gmina_code",
    "teryt_unit",
    "kind",
    "parent_simc",
    "as_of",
)


async def upsert_localities(session: AsyncSession, rows: Sequence[Any]) -> None:
    """Insert or update localities; each row has the attributes of ``_LOCALITY_COLUMNS``."""
    await session.execute(text("DROP TABLE IF EXISTS pg_temp.locality_import"))
    await session.execute(
        text(
            "CREATE TEMP TABLE locality_import ON COMMIT DROP AS"
            " SELECT * FROM geo.locality WITH NO DATA"
        )
    )
    connection = await _driver(session)
    await connection.copy_records_to_table(
        "locality_import",
        columns=_LOCALITY_COLUMNS,
        records=[tuple(getattr(row, column) for column in _LOCALITY_COLUMNS) for row in rows],
    )
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in _LOCALITY_COLUMNS[1:])
    await session.execute(
        text(
            f"INSERT INTO geo.locality SELECT * FROM pg_temp.locality_import"
            f" ON CONFLICT (simc) DO UPDATE SET {updates}"
        )
    )
    await session.execute(text("DROP TABLE pg_temp.locality_import"))


async def replace_streets(
    session: AsyncSession,
    simcs: Sequence[str],
    streets: Sequence[Any],
    keys: Sequence[tuple[str, str, str]],
) -> None:
    """Replace the streets (and their lookup keys) of the localities ``simcs``. Each street has
    simc, ulic, feature, name_1, name_2, as_of; each key is (simc, key, ulic)."""
    await session.execute(
        text("DELETE FROM geo.street WHERE simc = ANY(:simcs)"), {"simcs": list(simcs)}
    )
    connection = await _driver(session)
    columns = ("simc", "ulic", "feature", "name_1", "name_2", "as_of")
    await connection.copy_records_to_table(
        "street",
        schema_name="geo",
        columns=columns,
        records=[tuple(getattr(street, column) for column in columns) for street in streets],
    )
    await connection.copy_records_to_table(
        "street_key", schema_name="geo", columns=("simc", "key", "ulic"), records=list(keys)
    )


async def create_address_points(session: AsyncSession) -> None:
    """The temporary tables of one address-point import (dropped at the end of the transaction
    at the latest): the points, and the rules derived from them."""
    await session.execute(
        text(
            "DROP TABLE IF EXISTS pg_temp.address_point, pg_temp.address_placed,"
            " pg_temp.address_rule"
        )
    )
    await session.execute(
        text(
            "CREATE TEMP TABLE address_point (gmina varchar(7), simc varchar(7) NOT NULL,"
            " ulic varchar(5), street text, number int, east float8 NOT NULL,"
            " north float8 NOT NULL) ON COMMIT DROP"
        )
    )
    await session.execute(
        text(
            "CREATE TEMP TABLE address_rule (simc varchar(7) NOT NULL, ulic varchar(5),"
            " street_name text, number_from int, number_to int, parity varchar(4) NOT NULL,"
            " district_code varchar(12) NOT NULL, source varchar(8) NOT NULL) ON COMMIT DROP"
        )
    )


async def copy_address_points(session: AsyncSession, points: Sequence[Any]) -> None:
    """Append points (gmina, simc, ulic, street, number, east, north) to the import."""
    connection = await _driver(session)
    columns = ("gmina", "simc", "ulic", "street", "number", "east", "north")
    await connection.copy_records_to_table(
        "address_point",
        columns=columns,
        records=[tuple(getattr(point, column) for column in columns) for point in points],
    )


# One point-in-polygon statement for every point of the import; a district counts only when it
# belongs to the point's own gmina (from the file, else from geo.locality).
_PLACE_POINTS = """
CREATE TEMP TABLE address_placed ON COMMIT DROP AS
SELECT p.simc, p.ulic, p.street, p.number,
       CASE WHEN hit.parent_code = COALESCE(p.gmina, l.gmina_code, hit.parent_code)
            THEN hit.code END AS district,
       hit.parent_code <> COALESCE(p.gmina, l.gmina_code, hit.parent_code) AS misplaced
FROM pg_temp.address_point p
LEFT JOIN geo.locality l ON l.simc = p.simc
LEFT JOIN LATERAL (
    SELECT u.code, u.parent_code FROM geo.territorial_unit u
    WHERE u.level = 'district'
      AND ST_Intersects(u.geom, ST_Transform(ST_SetSRID(ST_MakePoint(p.east, p.north), 2180), 4326))
    ORDER BY u.code LIMIT 1
) hit ON true
"""

# A street is keyed by its ULIC id, else by its normalised name; "" stands for "no district".
_KEYED = """
SELECT simc, ulic, CASE WHEN ulic IS NULL THEN street END AS name_key, street, number,
       COALESCE(district, '') AS district
FROM pg_temp.address_placed WHERE ulic IS NOT NULL OR street IS NOT NULL
"""


async def place_address_points(session: AsyncSession) -> dict[str, int]:
    """Give every point of the import its district, then drop the coordinates; returns the
    counts ``placed``, ``outside``, ``misplaced`` (in a district of another gmina) and
    ``localities``. Adds the rules of streets and localities that lie in one district."""
    await session.execute(text(_PLACE_POINTS))
    await session.execute(text("DROP TABLE pg_temp.address_point"))
    counts = (
        await session.execute(
            text(
                "SELECT count(district) AS placed, count(*) - count(district) AS outside,"
                " count(*) FILTER (WHERE misplaced) AS misplaced,"
                " count(DISTINCT simc) AS localities FROM pg_temp.address_placed"
            )
        )
    ).one()
    await session.execute(
        text(
            "INSERT INTO pg_temp.address_rule (simc, ulic, street_name, parity, district_code,"
            " source)"
            f" SELECT simc, ulic, min(street), 'all', min(district), 'street' FROM ({_KEYED}) k"
            " GROUP BY simc, ulic, name_key"
            " HAVING count(DISTINCT district) = 1 AND min(district) <> ''"
        )
    )
    await session.execute(
        text(
            "INSERT INTO pg_temp.address_rule (simc, parity, district_code, source)"
            " SELECT simc, 'all', min(district), 'locality' FROM pg_temp.address_placed"
            " GROUP BY simc"
            " HAVING count(DISTINCT COALESCE(district, '')) = 1 AND min(district) IS NOT NULL"
        )
    )
    return dict(counts._mapping)


async def split_street_numbers(
    session: AsyncSession,
) -> list[tuple[str, str | None, str | None, int, frozenset[str | None]]]:
    """For each street of the import that crosses districts: its house numbers in ascending
    order with the districts of their points (None: outside every district), as
    (simc, ulic, street name, number, districts)."""
    result = await session.execute(
        text(
            f"""
            WITH keyed AS ({_KEYED}),
            split AS (
                SELECT simc, COALESCE(ulic, '') AS ulic_key, COALESCE(name_key, '') AS name_key,
                       min(street) AS street_name
                FROM keyed GROUP BY simc, ulic, name_key HAVING count(DISTINCT district) > 1
            )
            SELECT k.simc, k.ulic, s.street_name, k.number,
                   array_agg(DISTINCT k.district) AS districts
            FROM keyed k
            JOIN split s ON s.simc = k.simc AND s.ulic_key = COALESCE(k.ulic, '')
                        AND s.name_key = COALESCE(k.name_key, '')
            WHERE k.number IS NOT NULL
            GROUP BY k.simc, k.ulic, s.street_name, k.number
            ORDER BY k.simc, k.ulic, s.street_name, k.number
            """
        )
    )
    return [
        (
            row.simc,
            row.ulic,
            row.street_name,
            row.number,
            frozenset(district or None for district in row.districts),
        )
        for row in result
    ]


async def add_address_rules(session: AsyncSession, rules: Sequence[Any]) -> None:
    """Add derived rules (simc, ulic, street_name, number_from, number_to, parity,
    district_code, source) to the import."""
    if not rules:
        return
    columns = (
        "simc",
        "ulic",
        "street_name",
        "number_from",
        "number_to",
        "parity",
        "district_code",
        "source",
    )
    connection = await _driver(session)
    await connection.copy_records_to_table(
        "address_rule",
        columns=columns,
        records=[tuple(getattr(rule, column) for column in columns) for rule in rules],
    )


async def replace_derived_rules(session: AsyncSession) -> tuple[int, dict[str, int]]:
    """Replace the derived rules of the imported localities with the import's (rules entered
    by hand stay); returns how many were removed and how many were added per source."""
    removed = await session.execute(
        text(
            "DELETE FROM geo.street_district WHERE source <> 'manual'"
            " AND simc IN (SELECT DISTINCT simc FROM pg_temp.address_placed)"
        )
    )
    added = await session.execute(
        text(
            "INSERT INTO geo.street_district (simc, ulic, street_name, number_from, number_to,"
            " parity, district_code, source)"
            " SELECT simc, ulic, street_name, number_from, number_to, parity, district_code,"
            " source FROM pg_temp.address_rule ORDER BY simc, ulic, street_name, number_from"
            " RETURNING source"
        )
    )
    counts: dict[str, int] = {}
    for source in added.scalars():
        counts[source] = counts.get(source, 0) + 1
    await session.execute(text("DROP TABLE pg_temp.address_placed, pg_temp.address_rule"))
    return int(getattr(removed, "rowcount", 0) or 0), counts
