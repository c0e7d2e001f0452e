"""The OpenAPI document of ingest is its contract: stable operationIds, typed answers, bounded
integers, the three batch formats, and every status an operation can answer as problem+json."""

from __future__ import annotations

from typing import Any

import pytest

from ingest.app import create_app
from ingest.settings import IngestSettings
from shared.openapi import contract_faults

OPERATIONS = {
    ("post", "/v1/records:batch"): "pushRecords",
    ("delete", "/v1/records/{external_id}"): "eraseRecord",
    ("post", "/v1/records:erase"): "eraseRecords",
    ("get", "/v1/batches"): "listBatches",
    ("get", "/v1/batches/{batch_id}"): "getBatch",
    ("post", "/v1/profiles"): "createProfile",
    ("get", "/v1/profiles"): "listProfiles",
    ("put", "/v1/profiles/{name}"): "updateProfile",
    ("get", "/v1/profiles/{name}"): "getProfile",
    ("get", "/v1/profiles/{name}/versions/{version}"): "getProfileVersion",
    ("post", "/v1/profiles:suggest"): "suggestProfile",
}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    schema: dict[str, Any] = create_app(IngestSettings(environment="test")).openapi()
    return schema


def _operations(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, path): operation
        for path, methods in document["paths"].items()
        if path.startswith("/v1/")
        for method, operation in methods.items()
    }


def test_the_document_is_a_contract(document: dict[str, Any]) -> None:
    assert contract_faults(document) == []
    operations = _operations(document)
    assert {key: op["operationId"] for key, op in operations.items()} == OPERATIONS


def test_answers_are_typed_and_integers_bounded(document: dict[str, Any]) -> None:
    for (method, path), operation in _operations(document).items():
        for status, response in operation["responses"].items():
            for media_type, content in response.get("content", {}).items():
                assert "$ref" in content["schema"], (method, path, status, media_type)
        for parameter in operation.get("parameters", []):
            schema = parameter["schema"]
            if schema.get("type") == "integer":
                assert {"minimum", "maximum"} <= set(schema), (path, parameter["name"])


def test_statuses_of_each_operation_are_documented(document: dict[str, Any]) -> None:
    operations = _operations(document)
    statuses = {key: set(op["responses"]) for key, op in operations.items()}
    problems = {"400", "401", "403", "422", "429", "503"}
    assert statuses[("post", "/v1/records:batch")] == {"200", "201", "409", "413", "415"} | problems
    assert statuses[("delete", "/v1/records/{external_id}")] == {"204", "404", "409"} | problems
    assert statuses[("post", "/v1/records:erase")] == {"200", "409", "413", "415"} | problems
    assert statuses[("get", "/v1/batches")] == {"200"} | problems
    assert statuses[("get", "/v1/batches/{batch_id}")] == {"200", "404"} | problems
    assert statuses[("post", "/v1/profiles")] == {"201", "409", "413", "415"} | problems
    assert (
        statuses[("put", "/v1/profiles/{name}")] == {"200", "404", "409", "413", "415"} | problems
    )
    assert statuses[("get", "/v1/profiles/{name}/versions/{version}")] == {"200", "404"} | problems
    assert statuses[("post", "/v1/profiles:suggest")] == {"200", "409", "413", "415"} | problems
    suggest = operations[("post", "/v1/profiles:suggest")]
    assert set(suggest["requestBody"]["content"]) == {"text/csv"}

    push = operations[("post", "/v1/records:batch")]
    assert set(push["requestBody"]["content"]) == {
        "application/json",
        "application/x-ndjson",
        "text/csv",
    }
    assert set(push["responses"]["201"]["headers"]) == {"Location"}
    assert set(push["responses"]["200"]["headers"]) == {"Location", "Idempotent-Replayed"}
