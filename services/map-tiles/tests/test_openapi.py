"""The OpenAPI document is the contract: stable operationIds, typed responses of the media
types served, bounded integers, the OpenAPI version it claims, and real responses that match
what it says."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator

from map_tiles.app import create_app
from shared.openapi import contract_faults

DOCUMENT = create_app().openapi()
OPERATIONS = {
    (method.upper(), path): operation
    for path, operations in DOCUMENT["paths"].items()
    for method, operation in operations.items()
}
# The shared health endpoints are documented by shared.web.
OWN = {
    key: operation for key, operation in OPERATIONS.items() if key[1] not in ("/healthz", "/readyz")
}


def test_the_document_is_a_contract() -> None:
    assert contract_faults(DOCUMENT) == []


def test_operation_ids_are_short_and_stable() -> None:
    assert {operation["operationId"] for operation in OWN.values()} == {
        "getLanding",
        "getConformance",
        "listCollections",
        "getCollection",
        "getItems",
        "getItem",
        "getQueryables",
        "getTileMatrixSets",
        "getTileMatrixSet",
        "listTilesets",
        "getTileset",
        "getTile",
        "getTileJson",
        "getStyle",
        "getLegend",
        "getLabels",
        "listCategories",
        "invalidateCache",
        "getPreviewMap",
        "redirectToLanding",
    }


def test_every_success_has_a_typed_body() -> None:
    untyped = []
    for (method, path), operation in OWN.items():
        for status, response in operation["responses"].items():
            if status[0] != "2" or status == "204":
                continue
            schemas = [media.get("schema") for media in response.get("content", {}).values()]
            if not schemas or not all(schemas):
                untyped.append((method, path, status))
    assert untyped == []


def test_media_types_and_conditional_statuses() -> None:
    def types(path: str, status: str = "200") -> set[str]:
        return set(OPERATIONS["GET", f"/v1{path}"]["responses"][status].get("content", {}))

    assert types("/collections/{collection_id}/items") == {"application/geo+json"}
    assert types("/collections/{collection_id}/items/{fid}") == {"application/geo+json"}
    assert types("/collections/{collection_id}/queryables") == {"application/schema+json"}
    tile = "/collections/{collection_ids}/tiles/{tms}/{z}/{x}/{y}"
    assert types(tile) == {"application/vnd.mapbox-vector-tile"}
    assert types(tile, "204") == set()
    for path in (
        tile,
        "/collections/{collection_id}/items",
        "/collections/{collection_id}/items/{fid}",
    ):
        assert "ETag" in OPERATIONS["GET", f"/v1{path}"]["responses"]["304"]["headers"]
    assert types("/collections/{collection_ids}/style.json") == {
        "application/vnd.mapbox.style+json"
    }
    assert set(OPERATIONS["GET", "/"]["responses"]["307"]["headers"]) == {"Location"}
    preview = OPERATIONS["GET", "/map"]["responses"]
    assert set(preview["200"]["content"]) == {"text/html"}
    assert set(preview["503"]["content"]) == {"text/html", "application/problem+json"}


def test_integer_parameters_are_bounded() -> None:
    parameters = {
        p["name"]: p["schema"]
        for p in OPERATIONS["GET", "/v1/collections/{collection_id}/items"]["parameters"]
    }
    assert parameters["limit"] | {"description": ""} == {
        "type": "integer",
        "minimum": 1,
        "maximum": 10_000,
        "default": 100,
        "title": "Limit",
        "description": "",
    }
    assert (parameters["offset"]["type"], parameters["offset"]["minimum"]) == ("integer", 0)
    assert parameters["offset"]["maximum"] == 2_000_000_000
    assert {"type": "integer", "minimum": 0, "maximum": 22} in parameters["zoom"]["anyOf"]
    tile = {
        p["name"]: p["schema"]
        for p in OPERATIONS["GET", "/v1/collections/{collection_ids}/tiles/{tms}/{z}/{x}/{y}"][
            "parameters"
        ]
    }
    assert (tile["z"]["type"], tile["z"]["minimum"], tile["z"]["maximum"]) == ("integer", 0, 22)
    assert all((tile[c]["type"], tile[c]["minimum"]) == ("integer", 0) for c in "xy")


def test_parameters_parsed_by_the_service_are_documented() -> None:
    """Items and tiles take the same filters (tiles are answered before routing, so only the
    document names them); closed sets are enums."""
    for path in (
        "/v1/collections/{collection_id}/items",
        "/v1/collections/{collection_ids}/tiles/{tms}/{z}/{x}/{y}",
        "/v1/collections/{collection_ids}/tiles/{tms}/tilejson.json",
        "/v1/collections/{collection_ids}/style.json",
    ):
        parameters = {p["name"]: p for p in OPERATIONS["GET", path]["parameters"]}
        assert len(parameters) == len(OPERATIONS["GET", path]["parameters"]), path
        assert set(parameters) >= {
            "bbox", "bbox-crs", "territory", "properties", "filter", "filter-lang", "filter-crs",
            "release", "category", "period", "datetime", "measure", "source", "indicator",
        }, path  # fmt: skip
        assert ("crs" in parameters) == path.endswith("/items"), path
        assert parameters["measure"]["schema"]["enum"] == ["persons", "households"]
        assert parameters["filter-lang"]["schema"]["enum"] == ["cql2-text", "cql2-json"]


async def test_the_landing_page_declares_the_openapi_version_served(
    client: httpx.AsyncClient,
) -> None:
    landing = (await client.get("/v1/")).json()
    [described] = [link for link in landing["links"] if link["rel"] == "service-desc"]
    document = (await client.get(described["href"].removeprefix("http://test"))).json()
    version = ".".join(document["openapi"].split(".")[:2])
    assert described["type"] == f"application/vnd.oai.openapi+json;version={version}"
    conformance = (await client.get("/v1/conformance")).json()["conformsTo"]
    assert not [c for c in conformance if c.endswith("/conf/oas30")] or version == "3.0"


def documented(method: str, path: str, response: httpx.Response) -> dict[str, Any]:
    """The schema the document gives for this response (its status and media type)."""
    responses = OPERATIONS[method, path]["responses"]
    media_type = response.headers["content-type"].split(";")[0]
    return dict(responses[str(response.status_code)]["content"][media_type]["schema"])


RESPONSES = [
    ("/v1/", "/v1/"),
    ("/v1/conformance", "/v1/conformance"),
    ("/v1/collections", "/v1/collections"),
    ("/v1/collections/{collection_id}", "/v1/collections/districts"),
    ("/v1/collections/{collection_id}", "/v1/collections/nothing"),
    ("/v1/collections/{collection_id}/items", "/v1/collections/districts/items?territory=2461011"),
    (
        "/v1/collections/{collection_id}/items",
        "/v1/collections/districts/items?properties=code,class&limit=3&offset=2",
    ),
    ("/v1/collections/{collection_id}/items", "/v1/collections/providers/items"),
    ("/v1/collections/{collection_id}/items", "/v1/collections/practices/items"),
    ("/v1/collections/{collection_id}/items", "/v1/collections/districts/items?limit=0"),
    ("/v1/collections/{collection_id}/items", "/v1/collections/districts/items?filter=x"),
    ("/v1/collections/{collection_id}/items/{fid}", "/v1/collections/districts/items/2461011-04"),
    ("/v1/collections/{collection_id}/items/{fid}", "/v1/collections/municipalities/items/2461011"),
    ("/v1/collections/{collection_id}/queryables", "/v1/collections/districts/queryables"),
    ("/v1/collections/{collection_id}/queryables", "/v1/collections/providers/queryables"),
    ("/v1/tileMatrixSets", "/v1/tileMatrixSets"),
    ("/v1/tileMatrixSets/{tms}", "/v1/tileMatrixSets/WebMercatorQuad"),
    ("/v1/collections/{collection_ids}/tiles", "/v1/collections/districts,providers/tiles"),
    (
        "/v1/collections/{collection_ids}/tiles/{tms}",
        "/v1/collections/districts/tiles/WebMercatorQuad",
    ),
    (
        "/v1/collections/{collection_ids}/tiles/{tms}/tilejson.json",
        "/v1/collections/districts,providers/tiles/WebMercatorQuad/tilejson.json?filter=value%3E1",
    ),
    (
        "/v1/collections/{collection_ids}/style.json",
        "/v1/collections/districts,providers/style.json",
    ),
    ("/v1/collections/{collection_id}/legend", "/v1/collections/districts/legend"),
    ("/v1/collections/{collection_id}/legend", "/v1/collections/providers/legend"),
]


@pytest.mark.parametrize(("template", "url"), RESPONSES)
async def test_responses_match_the_document(
    client: httpx.AsyncClient, template: str, url: str
) -> None:
    response = await client.get(url)
    schema = documented("GET", template, response)
    validator = Draft202012Validator({**schema, "components": DOCUMENT["components"]})
    errors = [
        f"{list(e.absolute_path)}: {e.message[:200]}"
        for e in validator.iter_errors(response.json())
    ]
    assert errors == [], (url, response.status_code)
