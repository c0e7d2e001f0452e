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
        assert '<script type="module" src="/map/static/map.js">' in page.text
        script = await client.get("/map/static/map.js")
        assert "/map/static/maplibre-gl.mjs" in script.text
        assert "suppressed" in script.text
        assert (
            (await client.get("/map/static/map.css")).headers["content-type"].startswith("text/css")
        )
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
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert (await client.get("/v1/collections")).status_code == 200


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().partition(" ")[::2] for part in policy.split(";"))


async def test_the_preview_brings_its_own_content_security_policy(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    """Exactly what the page needs, and a page with nothing inline so that it holds."""
    settings = MapTilesSettings(node_modules=fake_node_modules(tmp_path))
    async with make_client(create_app(settings), role="socmap_map_tiles") as client:
        page = await client.get("/map")
        assert directives(page.headers["content-security-policy"]) == {
            "default-src": "'none'",
            "script-src": "'self'",
            "style-src": "'self'",
            "img-src": "'self' data: blob:",
            "worker-src": "'self' blob:",
            "connect-src": "'self'",
            "base-uri": "'none'",
            "form-action": "'none'",
            "frame-ancestors": "'none'",
        }
        assert "<style" not in page.text
        assert " style=" not in page.text
        assert page.text.count("<script") == page.text.count('<script type="module" src=')
        script = (await client.get("/map/static/map.js")).text
        assert "style=" not in script  # inline style attributes would be refused
        # Data keeps the policy of data: nothing runs.
        data = await client.get("/v1/collections")
        assert directives(data.headers["content-security-policy"])["default-src"] == "'none'"
