"""All SQL of map-tiles. Reads only what its role may read: ``geo.*``, the published release
views ``stats.published_*`` and the published catalogue views ``catalog.published_*``.

GeoJSON is assembled by PostgreSQL (``json_build_object``) and tiles by ``ST_AsMVT`` on the
zoom-band geometries, so Python only moves bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from map_tiles.collections import Collection
from map_tiles.cql2 import Queryable, Where
from shared.db.raw import Database


@dataclass(frozen=True)
class Selection:
    """One choropleth: the cells of ``release`` for a category, period, measure and source;
    ``breaks`` are the inner class breaks of ``indicator`` (rate per 1000 or value)."""

    release: int | None
    category: str | None
    period: str | None
    measure: str
    source: str
    indicator: str = "rate"
    breaks: tuple[float, ...] = ()

    def params(self) -> dict[str, Any]:
        return {
            "release": self.release,
            "category": self.category,
            "period": self.period,
            "measure": self.measure,
            "source": self.source,
            "indicator": self.indicator,
            "breaks": list(self.breaks),
        }


@dataclass(frozen=True)
class Filters:
    """Spatial, territorial and CQL2 filters of items and tiles; ``where`` is compiled over
    the collection's ``queryables``."""

    territory: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    properties: tuple[str, ...] | None = None
    drop: tuple[str, ...] = field(default=())
    where: Where = field(default=Where())

    def params(self) -> dict[str, Any]:
        minx, miny, maxx, maxy = self.bbox or (None, None, None, None)
        return {
            "territory": self.territory,
            "minx": minx,
            "miny": miny,
            "maxx": maxx,
            "maxy": maxy,
            "drop": list(self.drop),
            **dict(self.where.params),
        }


# --- releases -----------------------------------------------------------------------------------


async def current_release(db: Database) -> int | None:
    """Id of the newest published release (None before the first)."""
    release: int | None = await db.fetchval("SELECT max(id) FROM stats.published_release")
    return release


async def release_exists(db: Database, release: int) -> bool:
    found = await db.fetchval(
        "SELECT 1 FROM stats.published_release WHERE id = :release", {"release": release}
    )
    return found is not None


async def default_cell_keys(
    db: Database,
    *,
    release: int,
    level: str,
    category: str | None,
    period: str | None,
    measure: str | None,
    source: str | None,
) -> tuple[str, str, str, str] | None:
    """(category, period, measure, source) of the release filling unset ones with defaults:
    category ``any``, the latest period, persons, all sources."""
    row = await db.fetchrow(
        """
        SELECT category, period, measure, source FROM stats.published_cell
        WHERE release_id = :release AND level = :level
          AND (CAST(:category AS text) IS NULL OR category = :category)
          AND (CAST(:period AS text) IS NULL OR period = :period)
          AND (CAST(:measure AS text) IS NULL OR measure = :measure)
          AND (CAST(:source AS text) IS NULL OR source = :source)
        ORDER BY category = 'any' DESC, period DESC, measure = 'persons' DESC,
                 source = 'all' DESC, category
        LIMIT 1
        """,
        {
            "release": release,
            "level": level,
            "category": category,
            "period": period,
            "measure": measure,
            "source": source,
        },
    )
    return None if row is None else (row["category"], row["period"], row["measure"], row["source"])


async def release_options(db: Database, *, release: int, level: str) -> dict[str, Any]:
    """The categories, periods, measures and sources a release has cells for at ``level``."""
    row = await db.fetchrow(
        """
        SELECT array_agg(DISTINCT category ORDER BY category) AS categories,
               array_agg(DISTINCT period ORDER BY period) AS periods,
               array_agg(DISTINCT measure ORDER BY measure) AS measures,
               array_agg(DISTINCT source ORDER BY source) AS sources
        FROM stats.published_cell WHERE release_id = :release AND level = :level
        """,
        {"release": release, "level": level},
    )
    assert row is not None  # an aggregate always returns a row
    return {
        "categories": row["categories"] or [],
        "periods": row["periods"] or [],
        "measures": row["measures"] or [],
        "sources": row["sources"] or [],
    }


async def indicator_statistics(
    db: Database, *, selection: Selection, level: str, classes: int
) -> dict[str, Any]:
    """Quantile breaks and range of rate and value over the cells that are not suppressed."""
    quantiles = [i / classes for i in range(1, classes)]
    row = await db.fetchrow(
        """
        SELECT count(*) AS cells, count(rate) AS rated,
               percentile_cont(CAST(:q AS float8[])) WITHIN GROUP (ORDER BY rate)
                   AS rate_breaks,
               percentile_cont(CAST(:q AS float8[])) WITHIN GROUP (ORDER BY value)
                   AS value_breaks,
               min(rate) AS rate_min, max(rate) AS rate_max,
               min(value) AS value_min, max(value) AS value_max
        FROM stats.published_cell
        WHERE release_id = :release AND level = :level AND category = :category
          AND period = :period AND measure = :measure AND source = :source
          AND NOT suppressed
        """,
        {**selection.params(), "level": level, "q": quantiles},
    )
    assert row is not None  # an aggregate always returns a row
    return dict(row)


# --- items --------------------------------------------------------------------------------------

_UNIT_MATCH = """
    SELECT u.code FROM geo.territorial_unit u LEFT JOIN cells c ON c.unit_code = u.code
    WHERE u.level = :level AND u.geom IS NOT NULL
      AND (CAST(:territory AS text) IS NULL OR u.code LIKE :territory || '%')
      AND (CAST(:minx AS float8) IS NULL
           OR u.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326))
      AND (CAST(:code AS text) IS NULL OR u.code = :code)
"""

# Suppressed cells never carry a value, whatever the view holds (belt and braces).
_UNIT_FEATURE = """
    json_build_object(
        'type', 'Feature',
        'id', u.code,
        'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(
            CASE WHEN CAST(:zoom AS int) IS NULL THEN u.geom
                 ELSE coalesce(
                     (SELECT ST_Transform(b.geom, 4326) FROM geo.territorial_unit_band b
                      WHERE b.unit_code = u.code AND :zoom BETWEEN b.min_zoom AND b.max_zoom),
                     u.geom) END), 6)::json,
        'properties', jsonb_build_object(
            'code', u.code, 'name', u.name, 'level', u.level, 'parent_code', u.parent_code,
            'approximate', u.approximate, 'release', CAST(:release AS int),
            'category', CAST(:category AS text), 'period', CAST(:period AS text),
            'measure', CAST(:measure AS text),
            'value', CASE WHEN c.suppressed THEN NULL ELSE c.value END,
            'suppressed', c.suppressed,
            'rate', CASE WHEN c.suppressed THEN NULL ELSE c.rate END,
            'rate_lower', CASE WHEN c.suppressed THEN NULL ELSE c.rate_lower END,
            'rate_upper', CASE WHEN c.suppressed THEN NULL ELSE c.rate_upper END,
            'class', CASE WHEN c.suppressed OR c.metric IS NULL THEN NULL
                          WHEN cardinality(CAST(:breaks AS float8[])) = 0 THEN 0
                          ELSE width_bucket(c.metric, CAST(:breaks AS float8[])) END
        ) - CAST(:drop AS text[])
    )
"""

_CELLS = """
    SELECT unit_code, value, suppressed, rate, rate_lower, rate_upper,
           CASE WHEN :indicator = 'rate' THEN rate ELSE CAST(value AS float8) END AS metric
    FROM stats.published_cell
    WHERE release_id = :release AND level = :level AND category = :category
      AND period = :period AND measure = :measure AND source = :source
"""


async def unit_items(
    db: Database,
    *,
    collection: Collection,
    selection: Selection,
    filters: Filters,
    limit: int,
    offset: int,
    zoom: int | None,
    code: str | None = None,
) -> tuple[int, int, str]:
    """(numberMatched, numberReturned, JSON array of the page's features ordered by code)."""
    row = await db.fetchrow(
        f"""
        WITH cells AS ({_CELLS}),
        matched AS ({_UNIT_MATCH} AND ({filters.where.sql})),
        page AS (SELECT code FROM matched ORDER BY code LIMIT :limit OFFSET :offset)
        SELECT (SELECT count(*) FROM matched) AS total,
               (SELECT count(*) FROM page) AS returned,
               (SELECT coalesce(json_agg({_UNIT_FEATURE} ORDER BY u.code), '[]')
                FROM page JOIN geo.territorial_unit u ON u.code = page.code
                LEFT JOIN cells c ON c.unit_code = u.code)::text AS features
        """,
        {
            **selection.params(),
            **filters.params(),
            "level": collection.level,
            "limit": limit,
            "offset": offset,
            "zoom": zoom,
            "code": code,
        },
    )
    assert row is not None  # counts always return a row
    return int(row["total"]), int(row["returned"]), str(row["features"])


_POINT_SOURCES = {
    "providers": (
        "catalog.published_provider",
        """jsonb_build_object('id', p.id, 'slug', p.slug, 'name', p.name,
               'provider_type', p.provider_type, 'address_1', p.address_1,
               'postal_code', p.postal_code, 'city', p.city, 'terc', p.terc,
               'website', p.website, 'approximate', p.approximate)""",
        "p.terc LIKE :territory || '%'",
    ),
    "practices": (
        "catalog.published_practice",
        """jsonb_build_object('id', p.id, 'slug', p.slug, 'title', p.title, 'place', p.place,
               'voivodeship', p.voivodeship, 'start_year', p.start_year,
               'end_year', p.end_year)""",
        """(p.voivodeship LIKE left(:territory, 2) || '%' AND (length(:territory) = 2
            OR EXISTS (SELECT 1 FROM unnest(p.area_tercs) t WHERE t LIKE :territory || '%')))""",
    ),
}


def _point_where(collection: Collection, filters: Filters) -> str:
    _, _, territory = _POINT_SOURCES[collection.id]
    return f"""
        p.geom IS NOT NULL
        AND (CAST(:territory AS text) IS NULL OR {territory})
        AND (CAST(:minx AS float8) IS NULL
             OR p.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326))
        AND (CAST(:fid AS uuid) IS NULL OR p.id = :fid)
        AND ({filters.where.sql})
    """


async def point_items(
    db: Database,
    *,
    collection: Collection,
    filters: Filters,
    limit: int,
    offset: int,
    fid: str | None = None,
) -> tuple[int, int, str]:
    """(numberMatched, numberReturned, JSON array of the page's point features by id)."""
    view, properties, _ = _POINT_SOURCES[collection.id]
    row = await db.fetchrow(
        f"""
        WITH matched AS (SELECT p.id FROM {view} p WHERE {_point_where(collection, filters)}),
        page AS (SELECT id FROM matched ORDER BY id LIMIT :limit OFFSET :offset)
        SELECT (SELECT count(*) FROM matched) AS total,
               (SELECT count(*) FROM page) AS returned,
               (SELECT coalesce(json_agg(json_build_object(
                    'type', 'Feature', 'id', p.id,
                    'geometry', ST_AsGeoJSON(p.geom, 6)::json,
                    'properties', {properties} - CAST(:drop AS text[])
                ) ORDER BY p.id), '[]')
                FROM page JOIN {view} p ON p.id = page.id)::text AS features
        """,
        {**filters.params(), "limit": limit, "offset": offset, "fid": fid},
    )
    assert row is not None  # counts always return a row
    return int(row["total"]), int(row["returned"]), str(row["features"])


# --- tiles --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TileRequest:
    z: int
    x: int
    y: int
    extent: int
    buffer: int
    cap: int

    def params(self) -> dict[str, Any]:
        return {
            "z": self.z,
            "x": self.x,
            "y": self.y,
            "extent": self.extent,
            "buffer": self.buffer,
            "margin": self.buffer / self.extent,
            "cap": self.cap,
        }


# Attributes of unit tiles (``collections.UNIT_TILE_PROPERTIES``, in its order); a suppressed
# cell has none of the value columns.
_UNIT_TILE_COLUMNS = {
    "code": "u.code",
    "name": "u.name",
    "parent_code": "u.parent_code",
    "approximate": "u.approximate",
    "value": "CASE WHEN c.suppressed THEN NULL ELSE c.value END",
    "suppressed": "c.suppressed",
    "rate": "CASE WHEN c.suppressed THEN NULL ELSE c.rate END",
    "rate_lower": "CASE WHEN c.suppressed THEN NULL ELSE c.rate_lower END",
    "rate_upper": "CASE WHEN c.suppressed THEN NULL ELSE c.rate_upper END",
    "class": """CASE WHEN c.suppressed OR c.metric IS NULL THEN NULL
                     WHEN cardinality(CAST(:breaks AS float8[])) = 0 THEN 0
                     ELSE width_bucket(c.metric, CAST(:breaks AS float8[])) END""",
}


# --- CQL2 queryables ------------------------------------------------------------------------------

# A suppressed cell's value, rate, interval and class are NULL here whatever the view holds, so
# no comparison, BETWEEN, IN or LIKE on them can match it (NULL is never true, and NOT NULL is
# still NULL): a filter cannot narrow a suppressed value down.
UNIT_QUERYABLES = {
    "code": Queryable("u.code", "string", "TERC code of the unit"),
    "name": Queryable("u.name", "string", "Name of the unit"),
    "parent_code": Queryable("u.parent_code", "string", "TERC code of the parent unit"),
    "approximate": Queryable("u.approximate", "boolean", "The boundary is an approximation"),
    "suppressed": Queryable(
        "c.suppressed", "boolean", "The cell is suppressed (null: no cell, no data)"
    ),
    "value": Queryable(_UNIT_TILE_COLUMNS["value"], "integer", "Count (null when suppressed)"),
    "rate": Queryable(
        _UNIT_TILE_COLUMNS["rate"], "number", "Per 1000 residents (null when suppressed)"
    ),
    "rate_lower": Queryable(
        _UNIT_TILE_COLUMNS["rate_lower"], "number", "Lower bound of the rate's interval"
    ),
    "rate_upper": Queryable(
        _UNIT_TILE_COLUMNS["rate_upper"], "number", "Upper bound of the rate's interval"
    ),
    "class": Queryable(_UNIT_TILE_COLUMNS["class"], "integer", "Choropleth class (0-4)"),
    "geometry": Queryable("u.geom", "geometry", "Boundary (CRS84)"),
}
QUERYABLES = {
    "providers": {
        "id": Queryable("CAST(p.id AS text)", "string", "Identifier (UUID)"),
        "slug": Queryable("p.slug", "string"),
        "name": Queryable("p.name", "string"),
        "provider_type": Queryable("p.provider_type", "string", "Provider type (a code)"),
        "address_1": Queryable("p.address_1", "string", "Street and number"),
        "postal_code": Queryable("p.postal_code", "string"),
        "city": Queryable("p.city", "string"),
        "terc": Queryable("p.terc", "string", "TERC code of the municipality"),
        "website": Queryable("p.website", "string"),
        "approximate": Queryable(
            "p.approximate", "boolean", "The point only approximates the address"
        ),
        "geometry": Queryable("p.geom", "geometry", "Location (CRS84)"),
    },
    "practices": {
        "id": Queryable("CAST(p.id AS text)", "string", "Identifier (UUID)"),
        "slug": Queryable("p.slug", "string"),
        "title": Queryable("p.title", "string"),
        "place": Queryable("p.place", "string"),
        "voivodeship": Queryable("p.voivodeship", "string", "TERC code of the voivodeship"),
        "start_year": Queryable("p.start_year", "integer"),
        "end_year": Queryable("p.end_year", "integer"),
        "geometry": Queryable("p.geom", "geometry", "Location (CRS84)"),
    },
}


def queryables(collection: Collection) -> dict[str, Queryable]:
    """What a CQL2 filter on ``collection`` may name."""
    return UNIT_QUERYABLES if collection.is_unit else QUERYABLES[collection.id]


# MVT feature ids (``ST_AsMVT``'s ``fid`` column), integers so that MapLibre's feature state
# works without ``promoteId``, and stable across tiles, releases and periods:
# - a unit: the digits of its code (``2461011-18`` is 246101118). Codes of one level have a
#   fixed form (districts: 7 digits, a dash, 2 or 3 digits), so no two units of a layer share one;
# - a catalogue point: the first 52 bits of the MD5 of its UUID (below 2^53, exact in
#   JavaScript; the UUID itself stays in the ``id`` attribute).
UNIT_FEATURE_ID = "CAST(replace(u.code, '-', '') AS bigint)"
POINT_FEATURE_ID = "CAST(CAST('x' || left(md5(CAST(p.id AS text)), 13) AS bit(52)) AS bigint)"


def _tile_columns(columns: dict[str, str], filters: Filters, feature_id: str) -> str:
    """The feature id and the selected attributes (names were checked against the
    collection's properties)."""
    chosen = [name for name in columns if filters.properties is None or name in filters.properties]
    return ", ".join([f"{feature_id} AS fid", *(f"{columns[name]} AS {name}" for name in chosen)])


async def unit_tile(
    db: Database,
    *,
    collection: Collection,
    selection: Selection,
    filters: Filters,
    tile: TileRequest,
) -> bytes:
    """One MVT layer named after the collection: the zoom band's coverage-simplified polygons,
    clipped to the tile plus its buffer, with the selection's values."""
    row = await db.fetchrow(
        f"""
        WITH env AS (SELECT ST_TileEnvelope(:z, :x, :y) AS tile,
                            ST_TileEnvelope(:z, :x, :y, margin => :margin) AS area),
        cells AS ({_CELLS}),
        features AS (
            SELECT ST_AsMVTGeom(b.geom, env.tile, :extent, :buffer, true) AS geom,
                   {_tile_columns(_UNIT_TILE_COLUMNS, filters, UNIT_FEATURE_ID)}
            FROM env
            JOIN geo.territorial_unit_band b ON b.geom && env.area
            JOIN geo.territorial_unit u ON u.code = b.unit_code
            LEFT JOIN cells c ON c.unit_code = u.code
            WHERE u.level = :level AND :z BETWEEN b.min_zoom AND b.max_zoom
              AND (CAST(:territory AS text) IS NULL OR u.code LIKE :territory || '%')
              AND ({filters.where.sql})
            ORDER BY u.code
            LIMIT :cap
        )
        SELECT ST_AsMVT(features, :layer, :extent, 'geom', 'fid') AS mvt
        FROM features WHERE geom IS NOT NULL
        """,
        {
            **selection.params(),
            **filters.params(),
            **tile.params(),
            "level": collection.level,
            "layer": collection.id,
        },
    )
    assert row is not None  # an aggregate always returns a row
    return bytes(row["mvt"] or b"")


async def point_tile(
    db: Database, *, collection: Collection, filters: Filters, tile: TileRequest
) -> bytes:
    """One MVT layer of catalogue points."""
    view, _, territory = _POINT_SOURCES[collection.id]
    point_columns = {
        name: ("CAST(p.id AS text)" if name == "id" else f"p.{name}")
        for name in collection.properties
    }
    row = await db.fetchrow(
        f"""
        WITH env AS (SELECT ST_TileEnvelope(:z, :x, :y) AS tile,
                            ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => :margin),
                                         4326) AS area),
        features AS (
            SELECT ST_AsMVTGeom(ST_Transform(p.geom, 3857), env.tile, :extent, :buffer,
                                true) AS geom,
                   {_tile_columns(point_columns, filters, POINT_FEATURE_ID)}
            FROM env JOIN {view} p ON p.geom && env.area
            WHERE (CAST(:territory AS text) IS NULL OR {territory})
              AND ({filters.where.sql})
            ORDER BY p.id
            LIMIT :cap
        )
        SELECT ST_AsMVT(features, :layer, :extent, 'geom', 'fid') AS mvt
        FROM features WHERE geom IS NOT NULL
        """,
        {**filters.params(), **tile.params(), "layer": collection.id},
    )
    assert row is not None  # an aggregate always returns a row
    return bytes(row["mvt"] or b"")


# --- extents ------------------------------------------------------------------------------------


async def collection_bounds(
    db: Database, *, collection: Collection
) -> tuple[float, float, float, float] | None:
    """WGS84 bounding box of a collection's geometries (None when empty)."""
    if collection.is_unit:
        sql = "SELECT ST_Extent(geom) AS box FROM geo.territorial_unit WHERE level = :level"
    else:
        view, _, _ = _POINT_SOURCES[collection.id]
        sql = f"SELECT ST_Extent(geom) AS box FROM {view}"
    row = await db.fetchrow(
        f"SELECT ST_XMin(box) AS minx, ST_YMin(box) AS miny, ST_XMax(box) AS maxx,"
        f" ST_YMax(box) AS maxy FROM ({sql}) AS e",
        {"level": collection.level},
    )
    assert row is not None  # an aggregate always returns a row
    if row["minx"] is None:
        return None
    return (float(row["minx"]), float(row["miny"]), float(row["maxx"]), float(row["maxy"]))


async def selection_bounds(
    db: Database, *, selection: Selection, level: str
) -> tuple[float, float, float, float] | None:
    """WGS84 bounding box of the units of ``level`` that have a published cell in the
    selection (None when there is none): where a map of it has something to show."""
    row = await db.fetchrow(
        f"""
        WITH cells AS ({_CELLS}),
        box AS (SELECT ST_Extent(u.geom) AS box
                FROM cells c JOIN geo.territorial_unit u ON u.code = c.unit_code)
        SELECT ST_XMin(box) AS minx, ST_YMin(box) AS miny, ST_XMax(box) AS maxx,
               ST_YMax(box) AS maxy FROM box
        """,
        {**selection.params(), "level": level},
    )
    assert row is not None  # an aggregate always returns a row
    if row["minx"] is None:
        return None
    return (float(row["minx"]), float(row["miny"]), float(row["maxx"]), float(row["maxy"]))


# --- context of a map: label points and category labels ----------------------------------------

LABEL_ZOOM = 8


async def unit_label_points(db: Database, *, level: str) -> list[dict[str, Any]]:
    """Code, name and label point (lon, lat) of every unit of ``level``: the centre of the
    largest circle inside its boundary, so that a label sits well inside the unit however
    concave it is. Found on the boundary of a middle zoom band (``LABEL_ZOOM``): a fraction of
    the vertices, and still the unit's shape where its name is shown."""
    rows = await db.fetch(
        """
        SELECT u.code, u.name, ST_X(p.point) AS lon, ST_Y(p.point) AS lat
        FROM geo.territorial_unit u
        CROSS JOIN LATERAL (
            SELECT ST_Transform((ST_MaximumInscribedCircle(coalesce(
                       (SELECT b.geom FROM geo.territorial_unit_band b
                        WHERE b.unit_code = u.code AND $2 BETWEEN b.min_zoom AND b.max_zoom),
                       ST_Transform(u.geom, 3857)))).center, 4326) AS point
        ) AS p
        WHERE u.level = $1 AND u.geom IS NOT NULL
        ORDER BY u.code
        """,
        level,
        LABEL_ZOOM,
    )
    return [dict(row) for row in rows]


async def category_labels(db: Database) -> list[dict[str, Any]]:
    """Code, parent and Polish and English labels of every category of the reference list."""
    rows = await db.fetch(
        "SELECT code, parent_code, label_pl, label_en FROM ref.category ORDER BY code"
    )
    return [dict(row) for row in rows]
