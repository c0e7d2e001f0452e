"""The tile fast path (``map_tiles.fastpath``, registered with ``shared.web.add_fast_path``)
answers exactly as the tile route would: the same status, body and headers for tiles, empty
tiles, revalidations and every error."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI, Request

from map_tiles.deps import declared_parameters_only
from map_tiles.fastpath import TILE_ROUTE

TILES = "/v1/collections/districts/tiles/WebMercatorQuad"
# (path, headers): what a map client asks, and what it gets wrong.
REQUESTS: list[tuple[str, dict[str, str]]] = [
    (f"{TILES}/12/2264/1392", {}),
    (f"{TILES}/12/2264/1392", {"Accept-Encoding": "gzip"}),
    (f"{TILES}/12/2264/1392.pbf?category=poverty&properties=code,class", {}),
    ("/v1/collections/districts,providers/tiles/WebMercatorQuad/13/4529/2784", {}),
    (f"{TILES}/12/0/0", {}),  # empty: 204
    (f"{TILES}/12/2264/1392?colour=red", {}),  # undeclared parameter: 400
    (f"{TILES}/12/2264/1392?period=2025-Q5", {}),  # bad value: 400
    (f"{TILES}/12/4096/0", {}),  # outside the matrix: 400
    (f"{TILES}/x/2264/1392", {}),  # not a number: 400
    ("/v1/collections/nowhere/tiles/WebMercatorQuad/12/2264/1392", {}),  # 404
    ("/v1/collections/districts/tiles/WorldCRS84Quad/12/2264/1392", {}),  # 404
]
COMPARED = ("content-type", "content-encoding", "etag", "cache-control", "vary")


def answer(response: httpx.Response) -> tuple[Any, ...]:
    body: Any = response.content
    if response.headers.get("content-type") == "application/problem+json":
        body = {k: v for k, v in response.json().items() if k != "request_id"}
    return (
        response.status_code,
        body,
        *(response.headers.get(name) for name in COMPARED),
    )


async def test_the_fast_path_answers_as_the_tile_route(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    # Registered once, for the documented tile route.
    assert [template for _, template, _ in app.state.fast_paths] == [TILE_ROUTE]
    assert TILE_ROUTE in app.openapi()["paths"]

    routed_requests = 0

    async def counted(request: Request) -> None:
        nonlocal routed_requests
        routed_requests += 1
        await declared_parameters_only(request)

    # The first dependency of every API route.
    app.dependency_overrides[declared_parameters_only] = counted

    async def answers() -> list[tuple[Any, ...]]:
        found = [answer(await client.get(path, headers=headers)) for path, headers in REQUESTS]
        etag = found[0][2 + COMPARED.index("etag")]
        revalidated = await client.get(REQUESTS[0][0], headers={"If-None-Match": etag})
        return [*found, answer(revalidated)]

    # Twice through the fast path: a new tile (rendered) and a repeated one (from the cache).
    fast = await answers()
    assert await answers() == fast
    # Only the errors went on to the route, in both rounds.
    assert routed_requests == 2 * 6
    routed_requests = 0
    registered = list(app.state.fast_paths)
    app.state.fast_paths.clear()  # every tile to the route
    try:
        routed = await answers()
    finally:
        app.state.fast_paths.extend(registered)
    assert routed == fast
    assert routed_requests == len(REQUESTS) + 1
    assert [status for status, *_ in fast][:5] == [200, 200, 200, 200, 204]
    assert [status for status, *_ in fast][5:] == [400, 400, 400, 400, 404, 404, 304]
    assert fast[1][2 + COMPARED.index("content-encoding")] == "gzip"
    assert fast[5][1]["parameter"] == "colour"
    # Metrics label the fast path's answers with the route's template.
    metrics = (await client.get("/metrics")).text
    assert f'route="{TILE_ROUTE}",service="map-tiles",status="204"' in metrics
