"""Conditional responses: ETag, Cache-Control and 304 Not Modified."""

from __future__ import annotations

from fastapi import Request, Response

from map_tiles.cache import Rendered


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
