"""Each service's OpenAPI document as a contract a client generator can rely on: stable
operationIds, problem+json errors, bounded integers and typed bodies."""

from __future__ import annotations

from typing import Any

import pytest

from shared.openapi import contract_faults
from tests.contract.conftest import CALLERS, documented, service_app


def _untyped(schema: dict[str, Any]) -> bool:
    """A body a generator can only call ``unknown``: no schema, or an object of anything."""
    if not schema:
        return True
    if schema.get("type") == "object":
        return "properties" not in schema and schema.get("additionalProperties", True) is True
    return False


def _integers(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        option for option in (schema, *schema.get("anyOf", ())) if option.get("type") == "integer"
    ]


@pytest.mark.parametrize("service", sorted(CALLERS))
def test_the_document_is_a_contract(service: str) -> None:
    document = service_app(service).openapi()
    assert document["openapi"].startswith("3.1")
    faults = contract_faults(document)
    for template, method, operation in documented(service_app(service)):
        where = f"{method} {template}"
        for parameter in operation.get("parameters", []):
            for integer in _integers(parameter.get("schema", {})):
                if "maximum" not in integer or "minimum" not in integer:
                    faults.append(f"{where}: integer {parameter['name']} unbounded")
        for status, response in operation["responses"].items():
            for media_type, content in response.get("content", {}).items():
                typed = not _untyped(content.get("schema", {}))
                if status.startswith("2") and media_type.endswith("json") and not typed:
                    faults.append(f"{where}: {status} {media_type} untyped")
    assert not faults, "\n".join(faults)
