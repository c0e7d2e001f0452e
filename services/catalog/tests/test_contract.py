"""The OpenAPI document is the contract: stable operationIds, typed bodies, bounded integers,
every status and media type the service answers documented."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from catalog.app import create_app
from shared.openapi import contract_faults

Keys = Any
Schema = dict[str, Any]


@pytest.fixture(scope="module")
def document() -> Schema:
    schema: Schema = create_app().openapi()
    return schema


def operations(document: Schema) -> Iterator[tuple[str, str, Schema]]:
    for path, items in document["paths"].items():
        for method, operation in items.items():
            yield method.upper(), path, operation


def untyped(document: Schema, schema: Schema, seen: set[str] | None = None) -> list[str]:
    """Where a schema (followed through references) lets any value pass: ``{}``, or an
    object of arbitrary properties."""
    seen = set() if seen is None else seen
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return []
        seen.add(name)
        return [f"{name}.{where}" for where in untyped(document, components(document)[name], seen)]
    keywords = set(schema) - {"title", "description", "default", "examples", "deprecated"}
    if not keywords or schema.get("additionalProperties") is True:
        return [""]
    found: list[str] = []
    for name, member in schema.get("properties", {}).items():
        found += [
            f"{name}{'.' + where if where else ''}" for where in untyped(document, member, seen)
        ]
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            found += untyped(document, schema[key], seen)
    for key in ("anyOf", "oneOf", "allOf"):
        for member in schema.get(key, []):
            found += untyped(document, member, seen)
    return found


def components(document: Schema) -> Schema:
    schemas: Schema = document["components"]["schemas"]
    return schemas


def test_the_document_has_no_contract_faults(document: Schema) -> None:
    assert contract_faults(document) == []


def test_operation_ids_name_the_resource(document: Schema) -> None:
    ids = {operation["operationId"] for _, _, operation in operations(document)}
    assert {
        "listPractices",
        "getPractice",
        "createPractice",
        "updatePractice",
        "transitionPractice",
        "importPractices",
        "exportPractices",
        "listManagedPractices",
        "getManagedPractice",
        "listRelatedPractices",
        "listProviders",
        "getProvider",
        "createProvider",
        "exportProviders",
        "getPracticesFeed",
        "listTaxonomies",
        "getHsdsInfo",
        "listHsdsServices",
        "getHsdsService",
        "listHsdsOrganizations",
        "getHsdsOrganization",
        "listHsdsTaxonomies",
        "listHsdsTaxonomyTerms",
    } <= ids


def test_every_success_has_a_typed_body(document: Schema) -> None:
    faults = []
    for method, path, operation in operations(document):
        for status, response in operation["responses"].items():
            if not status.startswith("2"):
                continue
            content = response.get("content", {})
            if not content:
                faults.append(f"{method} {path} {status}: no content")
            for media, body in content.items():
                for where in untyped(document, body.get("schema", {})):
                    faults.append(f"{method} {path} {status} {media}: untyped {where or 'body'}")
    assert faults == []


def test_every_request_body_is_typed(document: Schema) -> None:
    faults = []
    for method, path, operation in operations(document):
        for media, body in operation.get("requestBody", {}).get("content", {}).items():
            for where in untyped(document, body.get("schema", {})):
                faults.append(f"{method} {path} {media}: untyped {where or 'body'}")
    assert faults == []
    patch = document["paths"]["/v1/practices/{ref}"]["patch"]["requestBody"]
    assert patch["content"]["application/json"]["schema"]["$ref"].endswith("/PracticePatch")


def test_integer_parameters_are_bounded(document: Schema) -> None:
    faults = []
    for method, path, operation in operations(document):
        for parameter in operation.get("parameters", []):
            schema = parameter["schema"]
            for member in schema.get("anyOf", [schema]):
                if member.get("type") == "integer" and not {"minimum", "maximum"} <= set(member):
                    faults.append(f"{method} {path} {parameter['name']}")
    assert faults == []
    listed = {
        p["name"]: p["schema"] for p in document["paths"]["/v1/practices"]["get"]["parameters"]
    }
    assert listed["limit"]["type"] == listed["offset"]["type"] == "integer"
    assert listed["offset"]["maximum"] < 2**31 - 1 - listed["limit"]["maximum"]


def test_csv_and_atom_outputs_are_documented(document: Schema) -> None:
    def media(path: str) -> set[str]:
        return set(document["paths"][path]["get"]["responses"]["200"]["content"])

    assert media("/v1/practices:export") == {"application/json", "text/csv"}
    assert media("/v1/providers:export") == {"application/json", "text/csv"}
    assert media("/v1/feeds/practices.atom") == {"application/atom+xml"}
    imported = document["paths"]["/v1/practices:import"]["post"]
    assert set(imported["requestBody"]["content"]) == {"application/json", "text/csv"}


def documented(document: Schema, method: str, path: str, response: httpx.Response) -> bool:
    """Whether ``response`` (its status and media type) is what the document says."""
    answers = document["paths"][path][method.lower()]["responses"]
    listed = answers.get(str(response.status_code))
    media = response.headers.get("content-type", "").split(";")[0]
    return listed is not None and media in listed.get("content", {})


async def test_the_answers_are_documented(
    client: httpx.AsyncClient,
    keys: Keys,
    practice_payload: Callable[..., dict[str, Any]],
    document: Schema,
) -> None:
    created = await client.post(
        "/v1/practices", json=practice_payload(slug="kontrakt"), headers=keys.editor24
    )
    pid = created.json()["id"]
    calls: list[tuple[str, str, str, dict[str, Any]]] = [
        ("POST", "/v1/practices", "/v1/practices", {"json": practice_payload(slug="kontrakt")}),
        ("POST", "/v1/practices", "/v1/practices", {"json": practice_payload(country="DE")}),
        ("POST", "/v1/practices", "/v1/practices", {"content": b"{", "type": "application/json"}),
        ("POST", "/v1/practices", "/v1/practices", {"content": b"x", "type": "text/plain"}),
        ("POST", "/v1/practices/{ref}:{action}", f"/v1/practices/{pid}:return", {}),
        ("POST", "/v1/practices/{ref}:{action}", f"/v1/practices/{pid}:submit", {}),
        ("PATCH", "/v1/practices/{ref}", f"/v1/practices/{pid}", {"json": {"title": "\x00"}}),
        ("PATCH", "/v1/practices/{ref}", "/v1/practices/nie-ma", {"json": {}}),
        (
            "POST",
            "/v1/practices:import",
            "/v1/practices:import",
            {"content": b"<x/>", "type": "application/xml"},
        ),
        (
            "POST",
            "/v1/practices:import",
            "/v1/practices:import",
            {"content": b"a;b\r\n", "type": "text/csv"},
        ),
        ("GET", "/v1/practices:export", "/v1/practices:export?format=csv", {}),
        ("GET", "/v1/practices:export", "/v1/practices:export?format=json", {}),
        ("GET", "/v1/providers:export", "/v1/providers:export?format=hsds", {}),
        ("GET", "/v1/feeds/practices.atom", "/v1/feeds/practices.atom", {}),
        ("GET", "/v1/practices", "/v1/practices?offset=2147483648", {}),
        ("GET", "/v1/practices/{ref}", "/v1/practices/nie-ma", {}),
        ("GET", "/hsds/services/{service_id}", "/hsds/services/nie-uuid", {}),
        ("GET", "/v1/manage/practices", "/v1/manage/practices?voivodeship=02", {}),
    ]
    undocumented = []
    for method, template, url, options in calls:
        headers = dict(keys.editor24)
        if "type" in options:
            headers["Content-Type"] = options["type"]
        response = await client.request(
            method, url, json=options.get("json"), content=options.get("content"), headers=headers
        )
        if not documented(document, method, template, response):
            undocumented.append(
                (method, url, response.status_code, response.headers["content-type"])
            )
    assert undocumented == []
    unauthenticated = await client.post("/v1/practices", json=practice_payload())
    assert documented(document, "POST", "/v1/practices", unauthenticated)
