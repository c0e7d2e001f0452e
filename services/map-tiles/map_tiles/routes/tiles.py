"""OGC API Tiles style endpoints: tile matrix sets, vector tiles (one or several collections),
TileJSON 3.0, a MapLibre style and a legend."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response

from map_tiles import service
from map_tiles.collections import MAX_ZOOM, MIN_ZOOM, NO_DATA_COLOUR, SUPPRESSED_COLOUR
from map_tiles.deps import CacheDep, DatabaseDep, SettingsDep
from map_tiles.repository import Selection
from map_tiles.responses import conditional
from map_tiles.routes.ogc import base
from shared.auth import AuthFirstRoute
from shared.errors import NotFound
from shared.jsonutil import FastJSONResponse

router = APIRouter(route_class=AuthFirstRoute, tags=["tiles"])

TMS = service.TMS
_HALF = 20037508.3427892


def _matrix_set(request: Request) -> dict[str, Any]:
    return {
        "id": TMS,
        "title": "Google Maps Compatible for the World",
        "uri": "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad",
        "crs": "http://www.opengis.net/def/crs/EPSG/0/3857",
        "orderedAxes": ["X", "Y"],
        "tileMatrices": [
            {
                "id": str(z),
                "scaleDenominator": 559082264.0287178 / 2**z,
                "cellSize": 156543.03392804097 / 2**z,
                "pointOfOrigin": [-_HALF, _HALF],
                "tileWidth": 256,
                "tileHeight": 256,
                "matrixWidth": 2**z,
                "matrixHeight": 2**z,
            }
            for z in range(MIN_ZOOM, MAX_ZOOM + 1)
        ],
        "links": [
            {
                "href": f"{base(request)}/tileMatrixSets/{TMS}",
                "rel": "self",
                "type": "application/json",
            }
        ],
    }


@router.get("/tileMatrixSets", summary="Tile matrix sets")
async def tile_matrix_sets(request: Request) -> dict[str, Any]:
    return {
        "tileMatrixSets": [
            {
                "id": TMS,
                "title": "Google Maps Compatible for the World",
                "links": [
                    {
                        "href": f"{base(request)}/tileMatrixSets/{TMS}",
                        "rel": "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme",
                        "type": "application/json",
                    }
                ],
            }
        ]
    }


@router.get("/tileMatrixSets/{tms}", summary="One tile matrix set")
async def tile_matrix_set(request: Request, tms: str) -> dict[str, Any]:
    service.check_tms(tms)
    return _matrix_set(request)


def _tileset(request: Request, collection_id: str) -> dict[str, Any]:
    root = f"{base(request)}/collections/{collection_id}/tiles/{TMS}"
    return {
        "title": f"{collection_id} ({TMS})",
        "dataType": "vector",
        "crs": "http://www.opengis.net/def/crs/EPSG/0/3857",
        "tileMatrixSetURI": "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad",
        "links": [
            {"href": root, "rel": "self", "type": "application/json"},
            {
                "href": f"{base(request)}/tileMatrixSets/{TMS}",
                "rel": "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme",
                "type": "application/json",
            },
            {
                "href": f"{root}/{{tileMatrix}}/{{tileCol}}/{{tileRow}}",
                "rel": "item",
                "type": service.MVT,
                "templated": True,
            },
            {"href": f"{root}/tilejson.json", "rel": "describedby", "type": "application/json"},
        ],
    }


@router.get("/collections/{collection_ids}/tiles", summary="Tilesets of a collection")
async def tilesets(request: Request, collection_ids: str) -> dict[str, Any]:
    ids = ",".join(c.id for c in service.get_collections(collection_ids))
    return {"tilesets": [_tileset(request, ids)]}


@router.get("/collections/{collection_ids}/tiles/{tms}", summary="Tileset metadata")
async def tileset(request: Request, collection_ids: str, tms: str) -> dict[str, Any]:
    ids = ",".join(c.id for c in service.get_collections(collection_ids))
    service.check_tms(tms)
    return _tileset(request, ids)


@router.get(
    "/collections/{collection_ids}/tiles/{tms}/{z}/{x}/{y}",
    summary="Vector tile of one collection, or of several (comma-separated): one layer each",
    response_class=Response,
    responses={200: {"content": {service.MVT: {}}}, 204: {"description": "Empty tile"}},
)
async def tile(
    request: Request,
    collection_ids: str,
    tms: str,
    z: str,
    x: str,
    y: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
) -> Response:
    # Normally answered by map_tiles.fastpath before routing; here for error responses.
    body = await service.tile(
        db,
        cache,
        settings,
        collection_ids=collection_ids,
        tms=tms,
        z=z,
        x=x,
        y=y,
        query=request.query_params,
        url=(request.url.path, request.scope["query_string"]),
    )
    return conditional(request, body, cache_control=settings.cache_control)


async def _selections(
    request: Request, db: DatabaseDep, cache: CacheDep, settings: SettingsDep, ids: str
) -> list[tuple[Any, Selection | None]]:
    found = []
    for collection in service.get_collections(ids):
        service.parse_filters(collection, request.query_params)  # 400 for a bad filter
        selection = (
            await service.resolve_selection(db, cache, settings, collection, request.query_params)
            if collection.is_unit
            else None
        )
        found.append((collection, selection))
    return found


@router.get("/collections/{collection_ids}/tiles/{tms}/tilejson.json", summary="TileJSON 3.0")
async def tilejson(
    request: Request,
    collection_ids: str,
    tms: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
) -> Response:
    service.check_tms(tms)
    layers = await _selections(request, db, cache, settings, collection_ids)
    pinned = service.pinned_query([s for _, s in layers], request.query_params)
    query = f"?{urlencode(pinned)}" if pinned else ""
    ids = ",".join(c.id for c, _ in layers)
    boxes = [b for c, _ in layers if (b := await service.bounds(db, cache, c)) is not None]
    box = (
        [
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        ]
        if boxes
        else [-180.0, -85.0511287798066, 180.0, 85.0511287798066]
    )
    body = {
        "tilejson": "3.0.0",
        "name": ids,
        "description": "; ".join(c.description for c, _ in layers),
        "version": "1.0.0",
        "scheme": "xyz",
        "tiles": [f"{base(request)}/collections/{ids}/tiles/{TMS}/{{z}}/{{x}}/{{y}}{query}"],
        "minzoom": MIN_ZOOM,
        "maxzoom": MAX_ZOOM,
        "bounds": box,
        "center": [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2, 6],
        "vector_layers": [
            {
                "id": c.id,
                "description": c.title,
                "minzoom": c.min_zoom,
                "maxzoom": c.max_zoom,
                "fields": {name: _field_type(name) for name in c.properties},
            }
            for c, _ in layers
        ],
    }
    if pinned.get("release"):
        body["release"] = int(pinned["release"])
    return FastJSONResponse(body, headers={"Cache-Control": settings.metadata_cache_control})


def _field_type(name: str) -> str:
    if name in (
        "value",
        "rate",
        "rate_lower",
        "rate_upper",
        "class",
        "release",
        "start_year",
        "end_year",
    ):
        return "Number"
    if name in ("suppressed", "approximate"):
        return "Boolean"
    return "String"


@router.get("/collections/{collection_ids}/style.json", summary="MapLibre style")
async def style(
    request: Request,
    collection_ids: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
) -> Response:
    layers = await _selections(request, db, cache, settings, collection_ids)
    pinned = service.pinned_query([s for _, s in layers], request.query_params)
    query = f"?{urlencode(pinned)}" if pinned else ""
    ids = ",".join(c.id for c, _ in layers)
    style_layers: list[dict[str, Any]] = []
    for collection, selection in layers:
        if selection is not None:
            colours = service.class_colours(selection)
            steps: list[Any] = ["step", ["get", "class"], colours[0]]
            for index, colour in enumerate(colours[1:], start=1):
                steps += [index, colour]
            style_layers += [
                {
                    "id": f"{collection.id}-fill",
                    "type": "fill",
                    "source": "socmap",
                    "source-layer": collection.id,
                    "paint": {
                        "fill-color": [
                            "case",
                            ["==", ["get", "suppressed"], True],
                            SUPPRESSED_COLOUR,
                            ["has", "class"],
                            steps,
                            NO_DATA_COLOUR,
                        ],
                        "fill-opacity": 0.75,
                    },
                },
                {
                    "id": f"{collection.id}-line",
                    "type": "line",
                    "source": "socmap",
                    "source-layer": collection.id,
                    "paint": {"line-color": "#555555", "line-width": 0.6},
                },
            ]
        else:
            style_layers.append(
                {
                    "id": f"{collection.id}-points",
                    "type": "circle",
                    "source": "socmap",
                    "source-layer": collection.id,
                    "paint": {
                        "circle-radius": 5,
                        "circle-color": "#1f78b4" if collection.id == "providers" else "#33a02c",
                        "circle-stroke-color": "#ffffff",
                        "circle-stroke-width": 1,
                    },
                }
            )
    body = {
        "version": 8,
        "name": f"socmap {ids}",
        "metadata": {"socmap:release": int(pinned["release"]) if "release" in pinned else None},
        "sources": {
            "socmap": {
                "type": "vector",
                "url": f"{base(request)}/collections/{ids}/tiles/{TMS}/tilejson.json{query}",
            }
        },
        "layers": [
            {"id": "background", "type": "background", "paint": {"background-color": "#f4f4f0"}},
            *style_layers,
        ],
    }
    return FastJSONResponse(body, headers={"Cache-Control": settings.metadata_cache_control})


@router.get("/collections/{collection_id}/legend", summary="Legend of the choropleth")
async def legend(
    request: Request,
    collection_id: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
) -> Response:
    collection = service.get_collection(collection_id)
    if not collection.is_unit:
        raise NotFound(f"{collection.id} has no legend: it is not a choropleth.")
    selection = await service.resolve_selection(
        db, cache, settings, collection, request.query_params
    )
    value_range = await service.statistics_range(db, selection, collection)
    body = service.legend(selection, value_range)
    body["options"] = await service.options(db, selection, collection)
    return FastJSONResponse(
        body,
        headers={"Cache-Control": settings.metadata_cache_control},
    )
