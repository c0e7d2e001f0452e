"""The /map preview page and its MapLibre assets, and what it says when they are missing."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import httpx
import mapbox_vector_tile
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from map_tiles.app import create_app
from map_tiles.settings import MapTilesSettings

from .conftest import BIELSKO

WROCLAW_CENTRE = (17.03, 51.11)

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


async def test_the_page_has_its_controls_and_loads_nothing_from_elsewhere(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    """A category picker, a period slider over years or quarters, a legend, a time-series
    panel; every URL the page and its script name is on this service."""
    settings = MapTilesSettings(node_modules=fake_node_modules(tmp_path))
    async with make_client(create_app(settings), role="socmap_map_tiles") as client:
        page = (await client.get("/map")).text
        script = (await client.get("/map/static/map.js")).text
    assert '<select id="category">' in page
    assert '<input type="range" id="period"' in page
    assert 'name="granularity" value="year"' in page
    assert 'name="granularity" value="quarter"' in page
    assert '<div id="legend">' in page
    assert '<aside id="series" hidden' in page
    # Absolute or protocol-relative URLs (the SVG namespace is a name, never fetched).
    external = re.compile(r"\bhttps?://(?!www\.w3\.org/2000/svg)|[\"'`(]//[\w.-]+")
    for served in (page, script):
        assert not external.search(served)
    # Names are drawn with the browser's fonts: the style names no glyphs server.
    assert not re.search(r"[\"']?glyphs[\"']?\s*:", script)


# Every request the page makes, with the parameters it sends (the API refuses undeclared ones).
PAGE_REQUESTS = [
    "/v1/categories",
    "/v1/collections/districts/legend",
    "/v1/collections/districts/legend?release={release}&category=any&period=2025&measure=persons",
    "/v1/collections/districts,providers/style.json"
    "?release={release}&category=any&period=2025&measure=persons",
    "/v1/collections/districts/style.json?release={release}&category=any&period=2025&measure=persons",
    "/v1/collections/districts/tiles/WebMercatorQuad/tilejson.json"
    "?release={release}&category=any&period=2025&measure=persons",
    "/v1/collections/voivodeships,powiats,municipalities/tiles/WebMercatorQuad/tilejson.json"
    "?release={release}",
    "/v1/collections/voivodeships/labels",
    "/v1/collections/powiats/labels",
    "/v1/collections/municipalities/labels",
    "/v1/collections/districts/items/2461011-01?release={release}&category=any&period=2025"
    "&measure=persons&zoom=0&properties=value,suppressed,rate,rate_lower,rate_upper",
]


@pytest.mark.parametrize("url", PAGE_REQUESTS)
async def test_every_request_of_the_page_is_answered(client: httpx.AsyncClient, url: str) -> None:
    release = (await client.get("/v1/collections/districts/legend")).json()["release"]
    response = await client.get(url.format(release=release))
    assert response.status_code == 200, response.text


async def test_the_tiles_the_page_draws_come_from_its_tilejson(client: httpx.AsyncClient) -> None:
    """The base layer's three outlines in one tile, without a choropleth to ask for."""
    base = "/v1/collections/voivodeships,powiats,municipalities/tiles/WebMercatorQuad"
    tilejson = (await client.get(f"{base}/tilejson.json")).json()
    template = tilejson["tiles"][0]
    assert {layer["id"] for layer in tilejson["vector_layers"]} == {
        "voivodeships",
        "powiats",
        "municipalities",
    }
    path = template.split("://", 1)[1].split("/", 1)[1]
    lon, lat, zoom = 19.04, 49.82, 10  # Bielsko-Biała
    x = int((lon + 180) / 360 * 2**zoom)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * 2**zoom)
    response = await client.get("/" + path.format(z=zoom, x=x, y=y))
    assert response.status_code == 200
    assert set(mapbox_vector_tile.decode(response.content)) == {
        "voivodeships",
        "powiats",
        "municipalities",
    }


async def test_tilejson_bounds_are_where_the_release_has_cells(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    """The map opens fitted to the published data: the test release has cells of Bielsko-Biała
    only, so the districts' TileJSON bounds are Bielsko-Biała's, not Wrocław's too; a selection
    without cells falls back to the collection's bounds."""
    row = (
        await db_session.execute(
            text(
                "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT"
                " ST_Extent(geom) AS e FROM geo.territorial_unit WHERE parent_code = :gmina"
                " AND level = 'district') AS box"
            ),
            {"gmina": BIELSKO},
        )
    ).one()
    base = "/v1/collections/districts/tiles/WebMercatorQuad/tilejson.json"
    bounds = (await client.get(base)).json()["bounds"]
    assert bounds == pytest.approx(list(row), abs=1e-9)
    everything = (await client.get(f"{base}?category=poverty&period=2024")).json()["bounds"]
    assert everything[0] < WROCLAW_CENTRE[0] < everything[2]
    assert everything[1] < WROCLAW_CENTRE[1] < everything[3]


async def test_categories_have_polish_labels(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/categories")
    assert response.status_code == 200
    categories = response.json()["categories"]
    assert [c["code"] for c in categories[:2]] == ["any", "2plus"]
    labels = {c["code"]: c["label_pl"] for c in categories}
    assert labels["homelessness"] == "bezdomność"
    assert labels["poverty"] == "ubóstwo"
    assert {c["code"] for c in categories if c["parent_code"] == "registered_unemployed"}
    assert (await client.get("/v1/categories?lang=pl")).status_code == 400


@pytest.mark.parametrize(
    ("collection", "count"), [("voivodeships", 16), ("powiats", 380), ("municipalities", None)]
)
async def test_label_points_lie_inside_their_units(
    client: httpx.AsyncClient, db_session: AsyncSession, collection: str, count: int | None
) -> None:
    response = await client.get(f"/v1/collections/{collection}/labels")
    assert response.status_code == 200
    features = response.json()["features"]
    assert count is None or len(features) == count
    assert features
    outside = (
        await db_session.execute(
            text(
                "SELECT p.code FROM jsonb_to_recordset(CAST(:points AS jsonb))"
                " AS p(code text, lon float8, lat float8)"
                " JOIN geo.territorial_unit u ON u.code = p.code"
                " WHERE NOT ST_Contains(u.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))"
            ),
            {
                "points": json.dumps(
                    [
                        {"code": f["id"], "lon": lon, "lat": lat}
                        for f in features
                        for lon, lat in [f["geometry"]["coordinates"]]
                    ]
                )
            },
        )
    ).all()
    assert outside == []
    assert all(f["properties"]["name"] for f in features)


async def test_points_have_no_labels(client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/collections/providers/labels")).status_code == 404
    assert (await client.get("/v1/collections/nowhere/labels")).status_code == 404


async def test_the_time_series_shows_suppressed_cells_as_suppressed(
    client: httpx.AsyncClient,
) -> None:
    """What the time-series panel reads for a period: a suppressed cell has no value (the
    page shows it as suppressed), a district without a cell has neither."""
    query = {
        "category": "any",
        "period": "2025",
        "measure": "persons",
        "zoom": "0",
        "properties": "value,suppressed,rate,rate_lower,rate_upper",
    }
    suppressed = (
        await client.get(f"/v1/collections/districts/items/{BIELSKO}-04", params=query)
    ).json()["properties"]
    assert suppressed["suppressed"] is True
    assert {suppressed[name] for name in ("value", "rate", "rate_lower", "rate_upper")} == {None}
    shown = (
        await client.get(f"/v1/collections/districts/items/{BIELSKO}-01", params=query)
    ).json()["properties"]
    assert shown["suppressed"] is False
    assert isinstance(shown["value"], int)
    missing = (await client.get("/v1/collections/districts/items/0264011-01", params=query)).json()[
        "properties"
    ]
    assert missing["value"] is None
    assert missing["suppressed"] is None


async def test_the_page_takes_no_query(make_client: ClientFactory, tmp_path: Path) -> None:
    """The page keeps its view in the URL's fragment (MapLibre's ``hash``), never in its query:
    a query parameter is refused as on every API route."""
    settings = MapTilesSettings(node_modules=fake_node_modules(tmp_path))
    async with make_client(create_app(settings), role="socmap_map_tiles") as client:
        script = (await client.get("/map/static/map.js")).text
        assert "location.search" not in script
        assert "hash: true" in script
        assert (await client.get("/map")).status_code == 200
        for name in ("period", "zoom", "foo"):
            response = await client.get(f"/map?{name}=1")
            assert response.status_code == 400, name
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["parameter"] == name
