"""OGC API Features style endpoints: landing page, conformance, collections and items."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse

from map_tiles import service
from map_tiles.collections import COLLECTIONS, MAX_ZOOM, MIN_ZOOM, Collection
from map_tiles.deps import CacheDep, DatabaseDep, SettingsDep
from map_tiles.parameters import CRS, FILTERS, PROPERTIES, SELECTION, documented
from map_tiles.responses import CONDITIONAL, conditional, content
from map_tiles.schemas import (
    CollectionDescription,
    Collections,
    Conformance,
    Extent,
    Landing,
    Link,
    SpatialExtent,
)
from shared.auth import AuthFirstRoute
from shared.jsonutil import FastJSONResponse
from shared.pagination import MAX_OFFSET

router = APIRouter(route_class=AuthFirstRoute, tags=["features"])
# Outside /v1: the service root.
root_router = APIRouter(route_class=AuthFirstRoute, tags=["features"])

# No OpenAPI conformance class: OGC API - Features 1.0 defines one for OpenAPI 3.0 only, and
# the document is OpenAPI 3.1 (the landing page's service-desc says so).
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
    "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
]
OPENAPI = "application/vnd.oai.openapi+json;version=3.1"
SCHEMA_JSON = "application/schema+json"
# The style document's media type, in its links and its responses alike.
STYLE = "application/vnd.mapbox.style+json"
TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector"
# Pages of items: OGC API - Features clamps a larger limit to the maximum rather than refuse it.
ITEMS_LIMIT = 100
ITEMS_MAX_LIMIT = 10_000
Zoom = Annotated[
    int | None,
    Query(ge=MIN_ZOOM, le=MAX_ZOOM, description="Geometry simplified for this zoom level"),
]


def base(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/v1"


def collection_body(request: Request, collection: Collection) -> CollectionDescription:
    root = f"{base(request)}/collections/{collection.id}"
    return CollectionDescription(
        id=collection.id,
        title=collection.title,
        description=collection.description,
        crs=[service.CRS84],
        geometryType=collection.geometry_type,
        properties=list(collection.properties),
        links=[
            Link(href=root, rel="self"),
            Link(href=f"{root}/items", rel="items", type=service.GEOJSON),
            Link(
                href=f"{root}/queryables",
                rel="http://www.opengis.net/def/rel/ogc/1.0/queryables",
                type=SCHEMA_JSON,
            ),
            # OGC API - Tiles (geodata tilesets): how GDAL's OGCAPI driver and QGIS find the
            # vector tiles.
            Link(href=f"{root}/tiles", rel=TILESETS_VECTOR, title="Vector tilesets"),
            Link(
                href=f"{root}/tiles/{service.TMS}/tilejson.json",
                rel="describedby",
                title="TileJSON 3.0",
            ),
            Link(href=f"{root}/style.json", rel="stylesheet", type=STYLE),
            *([Link(href=f"{root}/legend", rel="legend")] if collection.is_unit else []),
        ],
    )


@root_router.get(
    "/",
    summary="Redirect to the landing page",
    response_class=RedirectResponse,
    status_code=307,
    responses={
        307: {
            "description": "The landing page of the current API version (`/v1/`)",
            "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}},
        }
    },
)
async def redirect_to_landing(request: Request) -> RedirectResponse:
    # Temporary (307), not permanent: the root names the current version's landing page, and
    # a cached 308 would keep clients on /v1 after a /v2.
    return RedirectResponse(request.url_for("get_landing"), status_code=307)


@router.get("/", summary="Landing page")
async def get_landing(request: Request) -> Landing:
    root = base(request)
    return Landing(
        title="socmap map-tiles",
        description="Published district statistics and catalogue points as GeoJSON and MVT.",
        links=[
            Link(href=f"{root}/", rel="self"),
            Link(href=str(request.base_url) + "openapi.json", rel="service-desc", type=OPENAPI),
            Link(href=str(request.base_url) + "docs", rel="service-doc", type="text/html"),
            Link(href=f"{root}/conformance", rel="conformance"),
            Link(href=f"{root}/collections", rel="data"),
            Link(
                href=f"{root}/tileMatrixSets",
                rel="http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
            ),
            Link(href=str(request.base_url) + "map", rel="preview", type="text/html"),
        ],
    )


@router.get("/conformance", summary="Conformance classes")
async def get_conformance() -> Conformance:
    return Conformance(conformsTo=CONFORMANCE)


@router.get("/collections", summary="Collections")
async def list_collections(request: Request) -> Collections:
    return Collections(
        collections=[collection_body(request, c) for c in COLLECTIONS.values()],
        links=[Link(href=f"{base(request)}/collections", rel="self")],
    )


@router.get("/collections/{collection_id}", summary="One collection")
async def get_collection(
    request: Request, collection_id: str, db: DatabaseDep, cache: CacheDep
) -> CollectionDescription:
    found = service.get_collection(collection_id)
    body = collection_body(request, found)
    bounds = await service.bounds(db, cache, found)
    if bounds is not None:
        body.extent = Extent(spatial=SpatialExtent(bbox=[list(bounds)], crs=service.CRS84))
    return body


@router.get(
    "/collections/{collection_id}/items",
    summary="Features of a collection (GeoJSON)",
    response_class=Response,
    responses={200: content(service.GEOJSON, "FeatureCollection"), **CONDITIONAL},
    openapi_extra=documented(*FILTERS, *SELECTION, CRS),
)
async def get_items(
    request: Request,
    collection_id: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
    limit: Annotated[
        int,
        Query(
            ge=1,
            description=f"Page size; a larger value than {ITEMS_MAX_LIMIT} is served as"
            f" {ITEMS_MAX_LIMIT}",
            json_schema_extra={"maximum": ITEMS_MAX_LIMIT},
        ),
    ] = ITEMS_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Features to skip")] = 0,
    zoom: Zoom = None,
) -> Response:
    """Filters: ``bbox`` (``bbox-crs`` CRS84, the default, or EPSG:4326 latitude first),
    ``territory`` (TERC prefix), ``properties`` (a comma list),
    ``filter`` (CQL2 over the collection's queryables; ``filter-lang`` cql2-text, the default,
    or cql2-json), and for unit collections ``release``, ``category``, ``period``,
    ``measure``, ``source``, ``indicator`` (rate or value), ``datetime`` (a year or quarter
    interval, the same as ``period``); ``zoom`` returns the zoom band's simplified geometry;
    ``crs`` can only be CRS84."""
    found = service.get_collection(collection_id)
    limit = min(limit, ITEMS_MAX_LIMIT)
    url = request.url
    body = await service.render_items(
        db,
        cache,
        settings,
        collection=found,
        query=request.query_params,
        self_url=str(url),
        next_url=str(url.include_query_params(offset=offset + limit)),
        prev_url=str(url.include_query_params(offset=max(0, offset - limit))),
        limit=limit,
        offset=offset,
        zoom=zoom,
    )
    return conditional(request, body, cache_control=settings.cache_control)


@router.get(
    "/collections/{collection_id}/queryables",
    summary="Properties a CQL2 filter may use (JSON Schema)",
    response_class=Response,
    responses={200: content(SCHEMA_JSON, "Queryables", etag=False)},
)
async def get_queryables(request: Request, collection_id: str) -> Response:
    found = service.get_collection(collection_id)
    body = service.queryables_schema(found, f"{base(request)}/collections/{found.id}/queryables")
    return FastJSONResponse(body.model_dump(mode="json", by_alias=True), media_type=SCHEMA_JSON)


@router.get(
    "/collections/{collection_id}/items/{fid}",
    summary="One feature (GeoJSON)",
    response_class=Response,
    responses={200: content(service.GEOJSON, "Feature"), **CONDITIONAL},
    openapi_extra=documented(PROPERTIES, *SELECTION, CRS),
)
async def get_item(
    request: Request,
    collection_id: str,
    fid: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
    zoom: Zoom = None,
) -> Response:
    found = service.get_collection(collection_id)
    body = await service.render_item(
        db, cache, settings, collection=found, fid=fid, query=request.query_params, zoom=zoom
    )
    return conditional(request, body, cache_control=settings.cache_control)
