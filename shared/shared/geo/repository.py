"""All SQL of the geography package: territorial units, their zoom bands, population, the
address register (TERYT localities and streets, PRG address points and the street rules derived
from them) and the geocoder's lookups in it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import shapely
from shapely.geometry.base import BaseGeometry
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.raw import compile_sql


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
            " north float8 NOT NULL, house_number text, postal_code varchar(6)) ON COMMIT DROP"
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
    """Append points (gmina, simc, ulic, street, number, east, north, house_number,
    postal_code) to the import."""
    connection = await _driver(session)
    columns = (
        "gmina",
        "simc",
        "ulic",
        "street",
        "number",
        "east",
        "north",
        "house_number",
        "postal_code",
    )
    await connection.copy_records_to_table(
        "address_point",
        columns=columns,
        records=[tuple(getattr(point, column) for column in columns) for point in points],
    )


async def keep_address_points(session: AsyncSession, *, source: str) -> tuple[int, int]:
    """Store the import's points in ``geo.address_point`` (EPSG:4326), replacing the points of
    every locality of the import and of every gmina the file names; returns how many were
    removed and how many stored."""
    removed = await session.execute(
        text(
            "DELETE FROM geo.address_point"
            " WHERE simc IN (SELECT DISTINCT simc FROM pg_temp.address_point)"
            " OR gmina_code IN (SELECT DISTINCT gmina FROM pg_temp.address_point"
            "                   WHERE gmina IS NOT NULL)"
        )
    )
    stored = await session.execute(
        text(
            """
            INSERT INTO geo.address_point (gmina_code, simc, ulic, street_key, number,
                                           number_value, postal_code, geom, source)
            SELECT COALESCE(p.gmina, l.gmina_code), p.simc, p.ulic, p.street, p.house_number,
                   p.number, p.postal_code,
                   ST_Transform(ST_SetSRID(ST_MakePoint(p.east, p.north), 2180), 4326), :source
            FROM pg_temp.address_point p LEFT JOIN geo.locality l ON l.simc = p.simc
            """
        ),
        {"source": source},
    )
    return (
        int(getattr(removed, "rowcount", 0) or 0),
        int(getattr(stored, "rowcount", 0) or 0),
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
    """Give every point of the import its district, then drop the import's table (the points
    are kept in ``geo.address_point`` by ``keep_address_points``); returns the
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


# --- geocoding: lookups in the address register (shared.geo.geocode) ------------------------


class RowSource(Protocol):
    """A raw asyncpg reader: an ``asyncpg`` connection or pool, or ``shared.db.raw``'s
    ``Database`` (SQL with ``$n`` placeholders)."""

    async def fetch(self, sql: str, *arguments: Any) -> Sequence[Mapping[str, Any]]: ...


Reader = AsyncSession | RowSource


async def _fetch(db: Reader, sql: str, params: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Rows of ``sql`` (``:name`` placeholders) on a session or a raw asyncpg reader."""
    if isinstance(db, AsyncSession):
        return [dict(row) for row in (await db.execute(text(sql), dict(params))).mappings()]
    statement = compile_sql(sql)
    return list(await db.fetch(statement.sql, *statement.arguments(params)))


_LOCALITIES = """
SELECT simc, parent_simc FROM geo.locality
WHERE (CAST(:simc AS text) IS NULL OR simc = :simc)
  AND (CAST(:name_key AS text) IS NULL OR name_key = :name_key)
  AND (CAST(:gmina AS text) IS NULL OR gmina_code = :gmina)
ORDER BY simc LIMIT 100
"""

# Each locality with its parent and its parts: the places a street of it may be filed under.
_FAMILIES = """
SELECT l.simc, l.parent_simc FROM geo.locality l
WHERE l.simc = ANY(CAST(:simcs AS text[])) OR l.parent_simc = ANY(CAST(:simcs AS text[]))
   OR l.simc IN (SELECT parent_simc FROM geo.locality WHERE simc = ANY(CAST(:simcs AS text[])))
"""

# The points of one street key in some localities: by the ULIC ids the key names there, and
# by the points' own street name (a street PRG names before ULIC lists it).
_STREET_POINTS = """
WITH keyed AS (
    SELECT simc, ulic FROM geo.street_key
    WHERE simc = ANY(CAST(:simcs AS text[])) AND key = :street_key
)
SELECT p.id, p.simc, p.ulic, p.street_key, p.number, p.number_value, p.postal_code,
       p.gmina_code, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat
FROM geo.address_point p JOIN keyed k ON k.simc = p.simc AND k.ulic = p.ulic
UNION
SELECT p.id, p.simc, p.ulic, p.street_key, p.number, p.number_value, p.postal_code,
       p.gmina_code, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat
FROM geo.address_point p
WHERE p.simc = ANY(CAST(:simcs AS text[])) AND p.street_key = :street_key
ORDER BY id
"""

_WITH_POSTAL_CODE = """
SELECT DISTINCT simc FROM geo.address_point
WHERE simc = ANY(CAST(:simcs AS text[])) AND postal_code = :postal_code
"""

# The address point nearest to the centre of a locality's points (of one postal code, when
# given): a place on a street, never in a field or a river between two parts of a town.
_LOCALITY_POINT = """
SELECT ST_X(centre) AS lon, ST_Y(centre) AS lat, gmina_code, points
FROM (
    SELECT ST_ClosestPoint(ST_Collect(geom), ST_Centroid(ST_Collect(geom))) AS centre,
           min(gmina_code) AS gmina_code, count(*) AS points
    FROM geo.address_point
    WHERE simc = ANY(CAST(:simcs AS text[]))
      AND (CAST(:postal_code AS text) IS NULL OR postal_code = :postal_code)
) found
WHERE points > 0
"""


async def find_localities(
    db: Reader, *, simc: str | None, name_key: str | None, gmina: str | None
) -> list[tuple[str, str | None]]:
    """(SIMC, parent SIMC) of the localities that match every given criterion (at most 100)."""
    rows = await _fetch(db, _LOCALITIES, {"simc": simc, "name_key": name_key, "gmina": gmina})
    return [(row["simc"], row["parent_simc"]) for row in rows]


async def locality_families(db: Reader, simcs: Sequence[str]) -> list[tuple[str, str | None]]:
    """(SIMC, parent SIMC) of ``simcs``, their parents and their parts."""
    rows = await _fetch(db, _FAMILIES, {"simcs": list(simcs)})
    return [(row["simc"], row["parent_simc"]) for row in rows]


async def street_points(
    db: Reader, *, simcs: Sequence[str], street_key: str
) -> list[Mapping[str, Any]]:
    """The address points of the street ``street_key`` in the localities ``simcs``: id, simc,
    ulic, street_key, number, number_value, postal_code, gmina_code, lon, lat."""
    return await _fetch(db, _STREET_POINTS, {"simcs": list(simcs), "street_key": street_key})


async def localities_with_postal_code(
    db: Reader, *, simcs: Sequence[str], postal_code: str
) -> set[str]:
    """The localities among ``simcs`` with an address point of ``postal_code``."""
    rows = await _fetch(db, _WITH_POSTAL_CODE, {"simcs": list(simcs), "postal_code": postal_code})
    return {row["simc"] for row in rows}


async def locality_point(
    db: Reader, *, simcs: Sequence[str], postal_code: str | None
) -> Mapping[str, Any] | None:
    """lon, lat, gmina_code and the number of points of the localities ``simcs`` (of
    ``postal_code`` only, when given), or None when they have no point."""
    rows = await _fetch(db, _LOCALITY_POINT, {"simcs": list(simcs), "postal_code": postal_code})
    return rows[0] if rows else None
