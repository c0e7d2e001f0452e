"""The OpenAPI document as a contract: stable operationIds, and every error status an
operation can answer documented as ``application/problem+json`` with its real schema.

FastAPI documents a 422 with its own ``HTTPValidationError`` (not what is served) and nothing
else. ``describe_problems`` rewrites each operation's responses from what the shared layers
do to every request:

- an operation with parameters or a body: 400 and 422 (a field error);
- an authenticated operation (``security``): 401, 403 and 429 (throttled failures);
- a path parameter: 404; a request body: 413 (over the size limit) and 415;
- a write (POST, PUT, PATCH, DELETE): 409 when it races another for the same key;
- every operation but liveness: 503 while the database is unreachable.

Routes add their own (409, 406, 304, ...) with ``responses=problems(409)`` and the like, and
the media types they also serve with ``media_types("text/csv")``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from shared.errors import PROBLEM_MEDIA_TYPE, FieldError, ProblemDetails

PROBLEM_REF = "#/components/schemas/Problem"
_PROBLEM_CONTENT = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_REF}}}
# Statuses whose answer may carry Retry-After.
_RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before retrying",
        "schema": {"type": "integer", "minimum": 0},
    }
}
UNCHECKED = ("/healthz",)
WRITES = frozenset({"post", "put", "patch", "delete"})


def operation_id(route: APIRoute) -> str:
    """``list_practices`` → ``listPractices``: a route's stable operationId is its endpoint
    function's name, camelCased (``operation_id=`` on the route overrides it)."""
    head, *rest = route.name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of a route for statuses of its own, served as problem+json."""
    return {
        status: {"description": HTTPStatus(status).phrase, "content": dict(_PROBLEM_CONTENT)}
        for status in statuses
    }


def media_types(*types: str, status: int = 200) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of a route that also answers ``status`` in other media types than JSON
    (``text/csv``, ``application/atom+xml``, ...), documented as text."""
    return {status: {"content": {kind: {"schema": {"type": "string"}} for kind in types}}}


def _problem_response(status: int) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": HTTPStatus(status).phrase,
        "content": dict(_PROBLEM_CONTENT),
    }
    if status in (429, 503):
        response["headers"] = dict(_RETRY_AFTER)
    if status == 401:
        response["headers"] = {
            "WWW-Authenticate": {
                "description": '`Bearer realm="socmap"`',
                "schema": {"type": "string"},
            }
        }
    return response


def _statuses(path: str, method: str, operation: dict[str, Any]) -> set[int]:
    parameters = operation.get("parameters", [])
    has_body = "requestBody" in operation
    statuses: set[int] = set()
    if path not in UNCHECKED:
        statuses.add(503)
    if parameters or has_body:
        statuses |= {400, 422}
    if operation.get("security"):
        statuses |= {401, 403, 429}
    if any(parameter.get("in") == "path" for parameter in parameters):
        statuses.add(404)
    if has_body:
        statuses |= {413, 415}
    if method in WRITES:
        statuses.add(409)
    return statuses


def describe_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Rewrite a generated document in place (see the module's docstring)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    components["Problem"] = ProblemDetails.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
    components["Problem"].pop("$defs", None)
    components["FieldError"] = FieldError.model_json_schema()
    components["Problem"]["properties"]["errors"] = {
        "anyOf": [
            {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}},
            {"type": "null"},
        ]
    }
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses: dict[str, Any] = operation["responses"]
            for status in _statuses(path, method, operation):
                responses.setdefault(str(status), _problem_response(status))
            for code, response in responses.items():
                if code[:1] in ("4", "5"):
                    content = response.setdefault("content", {})
                    content.pop("application/json", None)
                    content[PROBLEM_MEDIA_TYPE] = {"schema": {"$ref": PROBLEM_REF}}
                    response.setdefault("description", HTTPStatus(int(code)).phrase)
    return schema


def install(app: FastAPI, *, extra_components: Callable[[], dict[str, Any]] | None = None) -> None:
    """Serve ``app``'s document through ``describe_problems`` (built once, then cached)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
                servers=app.servers,
            )
            if extra_components is not None:
                schema.setdefault("components", {}).setdefault("schemas", {}).update(
                    extra_components()
                )
            app.openapi_schema = describe_problems(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


_OPERATION_ID = re.compile(r"^[a-z][A-Za-z0-9]*$")


def contract_faults(schema: dict[str, Any]) -> list[str]:
    """What keeps a document from being a contract: missing, duplicate or ill-formed
    operationIds, and error responses not served as problem+json (used by the tests)."""
    faults: list[str] = []
    seen: dict[str, str] = {}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if not isinstance(operation, dict):
                continue
            where = f"{method.upper()} {path}"
            identifier = operation.get("operationId", "")
            if not _OPERATION_ID.match(identifier) or len(identifier) > 40:
                faults.append(f"{where}: operationId {identifier!r}")
            if identifier in seen:
                faults.append(f"{where}: operationId {identifier!r} also on {seen[identifier]}")
            seen[identifier] = where
            for code, response in operation.get("responses", {}).items():
                if code[:1] in ("4", "5") and PROBLEM_MEDIA_TYPE not in response.get("content", {}):
                    faults.append(f"{where}: {code} not problem+json")
    return faults
