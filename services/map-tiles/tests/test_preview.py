"""The /map preview page and its MapLibre assets, and what it says when they are missing."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import httpx

from map_tiles.app import create_app
from map_tiles.settings import MapTilesSettings

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


def fake_node_modules(root: Path) -> Path:
    dist = root / "maplibre-gl" / "dist"
    dist.mkdir(parents=True)
    (dist / "maplibre-gl.mjs").write_text("export const Map = null;\n")
    (dist / "maplibre-gl.css").write_text(".maplibregl-map {}\n")
    return root


async def test_preview_page_and_assets(make_client: ClientFactory, tmp_path: Path) -> None:
    settings = MapTilesSettings(node_modules=fake_node_modules(tmp_path))
    async with make_client(create_app(settings), role="socmap_map_tiles") as client:
        page = await client.get("/map")
        assert page.status_code == 200
        assert "/map/static/maplibre-gl.mjs" in page.text
        assert "suppressed" in page.text
        script = await client.get("/map/static/maplibre-gl.mjs")
        assert script.status_code == 200
        assert script.headers["content-type"].startswith("text/javascript")
        assert (await client.get("/map/static/package.json")).status_code == 404
        assert (await client.get("/map/static/..%2F..%2Fpackage.json")).status_code == 404


async def test_preview_without_maplibre_says_how_to_install(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    settings = MapTilesSettings(node_modules=tmp_path / "absent")
    async with make_client(create_app(settings), role="socmap_map_tiles") as client:
        page = await client.get("/map")
        assert page.status_code == 503
        assert "npm ci" in page.text
        assert (await client.get("/v1/collections")).status_code == 200
