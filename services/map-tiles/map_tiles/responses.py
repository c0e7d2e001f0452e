"""Conditional responses: ETag, Cache-Control and 304 Not Modified, and how the OpenAPI
document describes them."""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response

from map_tiles.cache import Rendered

_HEADERS = {
    "ETag": {"description": "Strong validator of the body", "schema": {"type": "string"}},
    "Cache-Control": {"schema": {"type": "string"}},
}
# The 304 of a conditional request; routes that serve rendered bodies add it to their responses.
CONDITIONAL: dict[int | str, dict[str, Any]] = {
    304: {
        "description": "Not modified: `If-None-Match` names the current ETag",
        "headers": _HEADERS,
    }
}


def content(media_type: str, component: str | None = None, *, etag: bool = True) -> dict[str, Any]:
    """A documented 200 of ``media_type``: its body is the schema ``component``, or bytes;
    ``etag``: it carries the headers of ``conditional``."""
    schema = (
        {"$ref": f"#/components/schemas/{component}"}
        if component
        else {"type": "string", "format": "binary"}
    )
    response: dict[str, Any] = {"description": "OK", "content": {media_type: {"schema": schema}}}
    if etag:
        response["headers"] = _HEADERS
    return response


def _matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    candidates = [part.strip().removeprefix("W/") for part in header.split(",")]
    return etag in candidates


def conditional(request: Request, body: Rendered, *, cache_control: str) -> Response:
    """200 with the body, 304 when ``If-None-Match`` names its ETag, 204 for an empty tile."""
    return conditional_for(
        body,
        cache_control=cache_control,
        if_none_match=request.headers.get("if-none-match", ""),
        accept_encoding=request.headers.get("accept-encoding", ""),
    )


def conditional_for(
    body: Rendered, *, cache_control: str, if_none_match: str, accept_encoding: str
) -> Response:
    """``conditional`` from the two request headers it depends on."""
    gzipped = body.gzipped is not None and "gzip" in accept_encoding
    # Each encoding is a different representation, so it has its own strong ETag.
    etag = body.etag[:-1] + '-gz"' if gzipped else body.etag
    headers = {"ETag": etag, "Cache-Control": cache_control, "Vary": "Accept-Encoding"}
    if _matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    if not body.body:
        return Response(status_code=204, headers=headers)
    if gzipped:
        assert body.gzipped is not None
        headers["Content-Encoding"] = "gzip"
        return Response(body.gzipped, media_type=body.media_type, headers=headers)
    return Response(body.body, media_type=body.media_type, headers=headers)
