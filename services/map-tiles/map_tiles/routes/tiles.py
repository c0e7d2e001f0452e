"""OGC API Tiles style endpoints: tile matrix sets, vector tiles (one or several collections),
TileJSON 3.0, a MapLibre style and a legend."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Request, Response
from starlette.datastructures import QueryParams

from map_tiles import service
from map_tiles.collections import (
    MAX_ZOOM,
    MIN_ZOOM,
    NO_DATA_COLOUR,
    SUPPRESSED_COLOUR,
    Collection,
)
from map_tiles.deps import CacheDep, DatabaseDep, SettingsDep
from map_tiles.parameters import FILTERS, SELECTION, TILE, documented
from map_tiles.repository import Selection
from map_tiles.responses import CONDITIONAL, conditional, content
from map_tiles.routes.ogc import STYLE, base
from map_tiles.schemas import (
    BoundingBox,
    FieldType,
    Legend,
    Link,
    Style,
    StyleLayer,
    StyleMetadata,
    StyleSource,
    TileJson,
    TileMatrix,
    TileMatrixSet,
    TileMatrixSetItem,
    TileMatrixSets,
    Tileset,
    TilesetLayer,
    Tilesets,
    VectorLayer,
)
from shared.auth import AuthFirstRoute
from shared.errors import NotFound
from shared.jsonutil import FastJSONResponse

router = APIRouter(route_class=AuthFirstRoute, tags=["tiles"])

TMS = service.TMS
# The one tile matrix set (any other is a 404, from service.check_tms).
Tms = Annotated[str, Path(json_schema_extra={"enum": [TMS]})]
TMS_TITLE = "Google Maps Compatible for the World"
TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad"
WEB_MERCATOR = "http://www.opengis.net/def/crs/EPSG/0/3857"
TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme"
_HALF = 20037508.3427892
# How MVT feature ids are made (repository.UNIT_FEATURE_ID, POINT_FEATURE_ID), for TileJSON.
FEATURE_IDS = (
    "Each feature has an integer id, stable across tiles, releases and periods: a unit's is"
    " the digits of its code (2461011-18: 246101118), a catalogue point's the first 52 bits"
    " of the MD5 of its UUID (its `id` attribute)."
)
# What unit tiles leave out: the same for every feature of the tile.
PER_TILE = (
    "Unit layers: level, release, category, period and measure are the same for every"
    " feature; the tile URL pins them (release also at the top level)."
    " A null attribute is absent (MVT has no null): a suppressed cell has no value, rate,"
    " interval or class, and a unit without a cell has no `suppressed`."
)


class StyleResponse(FastJSONResponse):
    """A MapLibre style, with the media type its links announce."""

    media_type = STYLE


@router.get("/tileMatrixSets", summary="Tile matrix sets")
async def get_tile_matrix_sets(request: Request) -> TileMatrixSets:
    return TileMatrixSets(
        tileMatrixSets=[
            TileMatrixSetItem(
                id=TMS,
                title=TMS_TITLE,
                links=[Link(href=f"{base(request)}/tileMatrixSets/{TMS}", rel=TILING_SCHEME)],
            )
        ]
    )


@router.get("/tileMatrixSets/{tms}", summary="One tile matrix set")
async def get_tile_matrix_set(request: Request, tms: Tms) -> TileMatrixSet:
    service.check_tms(tms)
    return TileMatrixSet(
        id=TMS,
        identifier=TMS,
        title=TMS_TITLE,
        uri=TMS_URI,
        crs=WEB_MERCATOR,
        supportedCRS=WEB_MERCATOR,
        orderedAxes=["X", "Y"],
        boundingBox=BoundingBox(
            lowerLeft=[-_HALF, -_HALF], upperRight=[_HALF, _HALF], crs=WEB_MERCATOR
        ),
        tileMatrices=[
            TileMatrix(
                id=str(z),
                identifier=str(z),
                scaleDenominator=559082264.0287178 / 2**z,
                cellSize=156543.03392804097 / 2**z,
                pointOfOrigin=[-_HALF, _HALF],
                topLeftCorner=[-_HALF, _HALF],
                tileWidth=256,
                tileHeight=256,
                matrixWidth=2**z,
                matrixHeight=2**z,
            )
            for z in range(MIN_ZOOM, MAX_ZOOM + 1)
        ],
        links=[Link(href=f"{base(request)}/tileMatrixSets/{TMS}", rel="self")],
    )


def _tileset(request: Request, collections: list[Collection], *, layers: bool) -> Tileset:
    """The one tileset of ``collections`` (one MVT layer each); ``layers``: the tileset's own
    document, which also describes them (the tilesets list only points to it)."""
    ids = ",".join(c.id for c in collections)
    root = f"{base(request)}/collections/{ids}/tiles/{TMS}"
    return Tileset(
        title=f"{ids} ({TMS})",
        crs=WEB_MERCATOR,
        tileMatrixSetURI=TMS_URI,
        links=[
            Link(href=root, rel="self"),
            Link(href=f"{base(request)}/tileMatrixSets/{TMS}", rel=TILING_SCHEME),
            # One tile URL per tile (the cache and the fast path key on it): z/x/y as TileJSON
            # and MapLibre have it; OGC clients fill the template by the variables' names.
            Link(
                href=f"{root}/{{tileMatrix}}/{{tileCol}}/{{tileRow}}",
                rel="item",
                type=service.MVT,
                templated=True,
            ),
            Link(href=f"{root}/tilejson.json", rel="describedby", title="TileJSON 3.0"),
        ],
        layers=[
            TilesetLayer(
                id=c.id,
                title=c.title,
                geometryDimension=2 if c.is_unit else 0,
                minTileMatrix=str(c.min_zoom),
                maxTileMatrix=str(c.max_zoom),
            )
            for c in collections
        ]
        if layers
        else None,
    )


@router.get("/collections/{collection_ids}/tiles", summary="Tilesets of a collection")
async def list_tilesets(request: Request, collection_ids: str) -> Tilesets:
    collections = service.get_collections(collection_ids)
    return Tilesets(tilesets=[_tileset(request, collections, layers=False)])


@router.get("/collections/{collection_ids}/tiles/{tms}", summary="Tileset metadata")
async def get_tileset(request: Request, collection_ids: str, tms: Tms) -> Tileset:
    collections = service.get_collections(collection_ids)
    service.check_tms(tms)
    return _tileset(request, collections, layers=True)


def _coordinate(description: str, **bounds: int) -> Any:
    """A tile coordinate: parsed by ``service.parse_tile`` (the fast path's parser, 400 when
    wrong), documented as the bounded integer it is."""
    return Path(
        description=description, json_schema_extra={"type": "integer", "minimum": 0, **bounds}
    )


Zoom = Annotated[str, _coordinate("Zoom level", maximum=MAX_ZOOM)]
Column = Annotated[str, _coordinate("Column, below 2^z", maximum=2**MAX_ZOOM - 1)]
Row = Annotated[str, _coordinate("Row, below 2^z", maximum=2**MAX_ZOOM - 1)]


@router.get(
    "/collections/{collection_ids}/tiles/{tms}/{z}/{x}/{y}",
    summary="Vector tile of one collection, or of several (comma-separated): one layer each",
    response_class=Response,
    responses={
        200: content(service.MVT),
        204: {"description": "Empty tile"},
        **CONDITIONAL,
    },
    openapi_extra=documented(*TILE),
)
async def get_tile(
    request: Request,
    collection_ids: str,
    tms: Tms,
    z: Zoom,
    x: Column,
    y: Row,
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
    db: DatabaseDep, cache: CacheDep, settings: SettingsDep, ids: str, query: QueryParams
) -> list[tuple[Collection, Selection | None]]:
    found = []
    for collection in service.get_collections(ids):
        service.parse_filters(collection, query)  # 400 for a bad filter
        selection = (
            await service.resolve_selection(db, cache, settings, collection, query)
            if collection.is_unit
            else None
        )
        found.append((collection, selection))
    return found


@router.get(
    "/collections/{collection_ids}/tiles/{tms}/tilejson.json",
    summary="TileJSON 3.0",
    openapi_extra=documented(*FILTERS, *SELECTION),
)
async def get_tile_json(
    request: Request,
    response: Response,
    collection_ids: str,
    tms: Tms,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
) -> TileJson:
    service.check_tms(tms)
    query = request.query_params
    layers = await _selections(db, cache, settings, collection_ids, query)
    pinned = service.pinned_query([s for _, s in layers], query)
    suffix = f"?{urlencode(pinned)}" if pinned else ""
    ids = ",".join(c.id for c, _ in layers)
    # Where the data is (the units with cells in the selection), so that a client fits to it.
    boxes = [b for c, s in layers if (b := await service.data_bounds(db, cache, c, s)) is not None]
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
    response.headers["Cache-Control"] = settings.metadata_cache_control
    units = any(c.is_unit for c, _ in layers)
    return TileJson(
        name=ids,
        description=" ".join(
            ["; ".join(c.description for c, _ in layers) + ".", FEATURE_IDS]
            + ([PER_TILE] if units else [])
        ),
        version="1.0.0",
        tiles=[f"{base(request)}/collections/{ids}/tiles/{TMS}/{{z}}/{{x}}/{{y}}{suffix}"],
        minzoom=MIN_ZOOM,
        maxzoom=MAX_ZOOM,
        bounds=box,
        center=[(box[0] + box[2]) / 2, (box[1] + box[3]) / 2, 6],
        vector_layers=[
            VectorLayer(
                id=c.id,
                description=c.title,
                minzoom=c.min_zoom,
                maxzoom=c.max_zoom,
                fields={name: _field_type(name) for name in c.tile_properties},
            )
            for c, _ in layers
        ],
        release=int(pinned["release"]) if pinned.get("release") else None,
    )


# Providers whose point only approximates the address are hollow markers (ring, no fill).
_APPROXIMATE = ["==", ["get", "approximate"], True]


def _point_paint(collection_id: str) -> dict[str, Any]:
    """A catalogue point's circle: providers blue (hollow when approximate), practices green."""
    if collection_id != "providers":
        paint: dict[str, Any] = {
            "circle-radius": 5,
            "circle-color": "#33a02c",
            "circle-stroke-color": "#ffffff",
            "circle-stroke-width": 1,
        }
        return paint
    return {
        "circle-radius": 5,
        "circle-color": "#1f78b4",
        "circle-opacity": ["case", _APPROXIMATE, 0, 1],
        "circle-stroke-color": ["case", _APPROXIMATE, "#1f78b4", "#ffffff"],
        "circle-stroke-width": ["case", _APPROXIMATE, 2, 1],
    }


def _field_type(name: str) -> FieldType:
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


@router.get(
    "/collections/{collection_ids}/style.json",
    summary="MapLibre style",
    response_class=StyleResponse,
    openapi_extra=documented(*FILTERS, *SELECTION),
)
async def get_style(
    request: Request,
    response: Response,
    collection_ids: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
) -> Style:
    query = request.query_params
    layers = await _selections(db, cache, settings, collection_ids, query)
    pinned = service.pinned_query([s for _, s in layers], query)
    suffix = f"?{urlencode(pinned)}" if pinned else ""
    ids = ",".join(c.id for c, _ in layers)
    style_layers = [
        StyleLayer(id="background", type="background", paint={"background-color": "#f4f4f0"})
    ]
    for collection, selection in layers:
        if selection is not None:
            colours = service.class_colours(selection)
            steps: list[object] = ["step", ["get", "class"], colours[0]]
            for index, colour in enumerate(colours[1:], start=1):
                steps += [index, colour]
            fill = [
                "case",
                ["==", ["get", "suppressed"], True],
                SUPPRESSED_COLOUR,
                ["has", "class"],
                # One class (no breaks): a "step" needs a stop, so the colour itself.
                steps if len(steps) > 3 else colours[0],
                NO_DATA_COLOUR,
            ]
            style_layers += [
                StyleLayer(
                    id=f"{collection.id}-fill",
                    type="fill",
                    source="socmap",
                    source_layer=collection.id,
                    paint={"fill-color": fill, "fill-opacity": 0.75},
                ),
                StyleLayer(
                    id=f"{collection.id}-line",
                    type="line",
                    source="socmap",
                    source_layer=collection.id,
                    paint={"line-color": "#555555", "line-width": 0.6},
                ),
            ]
        else:
            style_layers.append(
                StyleLayer(
                    id=f"{collection.id}-points",
                    type="circle",
                    source="socmap",
                    source_layer=collection.id,
                    paint=_point_paint(collection.id),
                )
            )
    response.headers["Cache-Control"] = settings.metadata_cache_control
    return Style(
        name=f"socmap {ids}",
        metadata=StyleMetadata(release=int(pinned["release"]) if "release" in pinned else None),
        sources={
            "socmap": StyleSource(
                url=f"{base(request)}/collections/{ids}/tiles/{TMS}/tilejson.json{suffix}"
            )
        },
        layers=style_layers,
    )


@router.get(
    "/collections/{collection_id}/legend",
    summary="Legend of the choropleth",
    openapi_extra=documented(*SELECTION),
)
async def get_legend(
    request: Request,
    response: Response,
    collection_id: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
) -> Legend:
    collection = service.get_collection(collection_id)
    if not collection.is_unit:
        raise NotFound(f"{collection.id} has no legend: it is not a choropleth.")
    selection = await service.resolve_selection(
        db, cache, settings, collection, request.query_params
    )
    value_range = await service.statistics_range(db, selection, collection)
    options = await service.options(db, selection, collection)
    response.headers["Cache-Control"] = settings.metadata_cache_control
    return service.legend(selection, value_range, options)
