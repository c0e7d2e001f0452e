"""OGC API Features style endpoints: landing page, conformance, collections and items."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from map_tiles import service
from map_tiles.collections import COLLECTIONS, Collection
from map_tiles.deps import CacheDep, DatabaseDep, SettingsDep
from map_tiles.responses import conditional
from shared.auth import AuthFirstRoute
from shared.jsonutil import FastJSONResponse

router = APIRouter(route_class=AuthFirstRoute, tags=["features"])

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
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
    "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
]

Text = Annotated[str | None, Query()]
SCHEMA_JSON = "application/schema+json"


def base(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/v1"


def collection_body(request: Request, collection: Collection) -> dict[str, Any]:
    root = f"{base(request)}/collections/{collection.id}"
    return {
        "id": collection.id,
        "title": collection.title,
        "description": collection.description,
        "itemType": "feature",
        "crs": ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"],
        "geometryType": collection.geometry_type,
        "properties": list(collection.properties),
        "links": [
            {"href": root, "rel": "self", "type": "application/json"},
            {"href": f"{root}/items", "rel": "items", "type": "application/geo+json"},
            {
                "href": f"{root}/queryables",
                "rel": "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                "type": SCHEMA_JSON,
            },
            {
                "href": f"{root}/tiles/WebMercatorQuad/{{z}}/{{x}}/{{y}}",
                "rel": "item",
                "type": service.MVT,
                "templated": True,
            },
            {
                "href": f"{root}/tiles/WebMercatorQuad/tilejson.json",
                "rel": "describedby",
                "type": "application/json",
                "title": "TileJSON 3.0",
            },
            {
                "href": f"{root}/style.json",
                "rel": "stylesheet",
                "type": "application/vnd.mapbox.style+json",
            },
            {"href": f"{root}/legend", "rel": "legend", "type": "application/json"},
        ],
    }


@router.get("/", summary="Landing page")
async def landing(request: Request) -> dict[str, Any]:
    root = base(request)
    return {
        "title": "socmap map-tiles",
        "description": "Published district statistics and catalogue points as GeoJSON and MVT.",
        "links": [
            {"href": f"{root}/", "rel": "self", "type": "application/json"},
            {
                "href": str(request.base_url) + "openapi.json",
                "rel": "service-desc",
                "type": "application/vnd.oai.openapi+json;version=3.0",
            },
            {"href": str(request.base_url) + "docs", "rel": "service-doc", "type": "text/html"},
            {"href": f"{root}/conformance", "rel": "conformance", "type": "application/json"},
            {"href": f"{root}/collections", "rel": "data", "type": "application/json"},
            {"href": f"{root}/tileMatrixSets", "rel": "tiling-schemes", "type": "application/json"},
            {"href": str(request.base_url) + "map", "rel": "preview", "type": "text/html"},
        ],
    }


@router.get("/conformance", summary="Conformance classes")
async def conformance() -> dict[str, list[str]]:
    return {"conformsTo": CONFORMANCE}


@router.get("/collections", summary="Collections")
async def collections(request: Request) -> dict[str, Any]:
    return {
        "collections": [collection_body(request, c) for c in COLLECTIONS.values()],
        "links": [
            {"href": f"{base(request)}/collections", "rel": "self", "type": "application/json"}
        ],
    }


@router.get("/collections/{collection_id}", summary="One collection")
async def collection(
    request: Request, collection_id: str, db: DatabaseDep, cache: CacheDep
) -> dict[str, Any]:
    found = service.get_collection(collection_id)
    body = collection_body(request, found)
    bounds = await service.bounds(db, cache, found)
    if bounds is not None:
        body["extent"] = {"spatial": {"bbox": [list(bounds)], "crs": body["crs"][0]}}
    return body


@router.get(
    "/collections/{collection_id}/items",
    summary="Features of a collection (GeoJSON)",
    response_class=Response,
    responses={200: {"content": {"application/geo+json": {}}}},
)
async def items(
    request: Request,
    collection_id: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
    limit: Text = None,
    offset: Text = None,
    bbox: Text = None,
    properties: Text = None,
    territory: Text = None,
    release: Text = None,
    category: Text = None,
    period: Text = None,
    measure: Text = None,
    source: Text = None,
    indicator: Text = None,
    zoom: Text = None,
    filter: Text = None,
    filter_lang: Annotated[str | None, Query(alias="filter-lang")] = None,
    filter_crs: Annotated[str | None, Query(alias="filter-crs")] = None,
) -> Response:
    """Filters: ``bbox`` (WGS84), ``territory`` (TERC prefix), ``properties`` (a comma list),
    ``filter`` (CQL2 over the collection's queryables; ``filter-lang`` cql2-text, the default,
    or cql2-json), and for unit collections ``release``, ``category``, ``period``,
    ``measure``, ``source``, ``indicator`` (rate or value); ``zoom`` returns the zoom band's
    simplified geometry."""
    found = service.get_collection(collection_id)
    query = request.query_params
    page_limit = _page(query.get("limit"), "limit", default=100, high=settings.items_max_limit)
    page_offset = _page(query.get("offset"), "offset", default=0, high=10**9, low=0)
    url = request.url
    body = await service.render_items(
        db,
        cache,
        settings,
        collection=found,
        query=query,
        self_url=str(url),
        next_url=str(url.include_query_params(offset=page_offset + page_limit)),
        prev_url=str(url.include_query_params(offset=max(0, page_offset - page_limit))),
        limit=page_limit,
        offset=page_offset,
    )
    return conditional(request, body, cache_control=settings.cache_control)


@router.get(
    "/collections/{collection_id}/queryables",
    summary="Properties a CQL2 filter may use (JSON Schema)",
    response_class=Response,
    responses={200: {"content": {SCHEMA_JSON: {}}}},
)
async def queryables(request: Request, collection_id: str) -> Response:
    found = service.get_collection(collection_id)
    body = service.queryables_schema(found, f"{base(request)}/collections/{found.id}/queryables")
    return FastJSONResponse(body, media_type=SCHEMA_JSON)


@router.get(
    "/collections/{collection_id}/items/{fid}",
    summary="One feature (GeoJSON)",
    response_class=Response,
    responses={200: {"content": {"application/geo+json": {}}}},
)
async def item(
    request: Request,
    collection_id: str,
    fid: str,
    db: DatabaseDep,
    cache: CacheDep,
    settings: SettingsDep,
) -> Response:
    found = service.get_collection(collection_id)
    body = await service.render_item(
        db, cache, settings, collection=found, fid=fid, query=request.query_params
    )
    return conditional(request, body, cache_control=settings.cache_control)


def _page(raw: str | None, name: str, *, default: int, high: int, low: int = 1) -> int:
    value = service.parse_int(raw, name, low=low, high=high)
    return default if value is None else value
