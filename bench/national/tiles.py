"""Country-wide z5 tiles of the published release, rendered by map-tiles' own
``service.render_tile`` in this process, as the map-tiles database role."""

from __future__ import annotations

import gzip
import math
import time
from dataclasses import dataclass

import asyncpg
import mapbox_vector_tile

from map_tiles import service
from map_tiles.cache import RenderCache
from map_tiles.settings import MapTilesSettings
from shared.db.raw import ConnectionDatabase
from shared.settings import DatabaseSettings

ZOOM = 5
LAYERS = ("districts", "municipalities")


@dataclass
class TileSize:
    layer: str
    z: int
    x: int
    y: int
    raw: int
    gzip: int
    features: int
    suppressed: int
    milliseconds: float


def lonlat_tile(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    n = 2**zoom
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return int((lon + 180) / 360 * n), int(y)


async def poland_tiles(database: DatabaseSettings, query: dict[str, str]) -> list[TileSize]:
    """Every z5 tile over Poland's voivodeships, for each of ``LAYERS``; ``query`` holds the
    choropleth parameters (category, period, measure, source) as in a tile URL."""
    settings = MapTilesSettings()
    connection = await asyncpg.connect(database.url(driver="postgresql").render_as_string(False))
    sizes: list[TileSize] = []
    try:
        bounds = await connection.fetchrow(
            "SELECT ST_XMin(e) AS w, ST_YMin(e) AS s, ST_XMax(e) AS e, ST_YMax(e) AS n"
            " FROM (SELECT ST_Extent(geom) AS e FROM geo.territorial_unit"
            " WHERE level = 'voivodeship') AS t"
        )
        assert bounds is not None
        west, north = lonlat_tile(bounds["w"], bounds["n"], ZOOM)
        east, south = lonlat_tile(bounds["e"], bounds["s"], ZOOM)
        async with connection.transaction():
            db = ConnectionDatabase(connection, role="socmap_map_tiles")
            for layer in LAYERS:
                for x in range(west, east + 1):
                    for y in range(north, south + 1):
                        started = time.perf_counter()
                        rendered = await service.render_tile(
                            db,
                            RenderCache(max_bytes=0, max_entries=0),
                            settings,
                            collections=[service.get_collection(layer)],
                            tile=service.parse_tile(str(ZOOM), str(x), str(y), settings),
                            query=query,
                        )
                        elapsed = (time.perf_counter() - started) * 1000
                        body = rendered.body
                        decoded = mapbox_vector_tile.decode(body) if body else {}
                        features = decoded.get(layer, {}).get("features", [])
                        suppressed = sum(1 for f in features if f["properties"].get("suppressed"))
                        sizes.append(
                            TileSize(
                                layer,
                                ZOOM,
                                x,
                                y,
                                len(body),
                                len(gzip.compress(body)),
                                len(features),
                                suppressed,
                                elapsed,
                            )
                        )
    finally:
        await connection.close()
    return sizes
