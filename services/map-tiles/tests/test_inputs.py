"""Hostile input: every query parameter and path segment of items and tiles, given values no
client should send, is refused with a 4xx problem+json, never a 5xx."""

from __future__ import annotations

import re

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from map_tiles.app import create_app

from .test_cache import service_key

BIELSKO_TILE = "12/2264/1392"
# Raw (already percent-encoded) values no parameter takes: NUL, malformed UTF-8 (a truncated
# sequence, an encoded surrogate, a code point past U+10FFFF), quotes, a newline after a word
# and an oversized string ...
NASTY = [
    "%00",
    "any%00",
    "%FF",
    "%C3%28",
    "%ED%A0%80",
    "%F4%90%80%80",
    "%27",
    "%22%5C",
    "any%0A",
    "A" * 9000,
]
# ... and numbers no numeric parameter takes: huge, signed, fractional, non-finite.
NUMBERS = ["9" * 30, "-" + "9" * 30, "9" * 5000, "-1", "1.5", "1e400", "NaN", "Infinity"]
NUMERIC = ["limit", "offset", "zoom", "release"]
FILTERS = ["bbox", "bbox-crs", "territory", "properties", "filter", "filter-lang", "filter-crs"]
# Choropleth parameters (unit collections only; point collections ignore them).
SELECTION = ["release", "category", "period", "datetime", "measure", "source", "indicator"]
BBOXES = [
    "NaN,49,19,50",
    "18,49,Infinity,50",
    "18,49,19,1e400",
    "-Infinity,-90,180,90",
    "18,49,19",
    "18,49,19,50,51",
    "19,50,18,49",
    "-181,-90,180,90",
    "1" + "0" * 400 + ",0,1,1",
]


def urls(base: str, names: list[str]) -> list[str]:
    """``base`` with each nasty value of each parameter."""
    found = [f"{base}{name}={value}" for name in names for value in NASTY]
    found += [
        f"{base}{name}={value}"
        for name in names
        if name in NUMERIC
        for value in NUMBERS
        if (name, value) != ("limit", "9" * 30)  # over the maximum: clamped (OGC)
    ]
    if "bbox" in names:
        found += [f"{base}bbox={box}" for box in BBOXES]
    return found


async def refused(client: httpx.AsyncClient, urls: list[str]) -> list[tuple[str, int, str]]:
    """The URLs not answered with a 4xx problem+json: (url, status, content type)."""
    wrong = []
    for url in urls:
        response = await client.get(url)
        kind = response.headers.get("content-type", "")
        if not (400 <= response.status_code < 500 and kind == "application/problem+json"):
            wrong.append((url[:120], response.status_code, kind))
    return wrong


async def test_nasty_item_parameters_are_4xx(client: httpx.AsyncClient) -> None:
    names = ["limit", "offset", "zoom", *FILTERS]
    found = urls("/v1/collections/districts/items?", [*names, *SELECTION])
    found += urls("/v1/collections/providers/items?", names)
    assert await refused(client, found) == []


async def test_nasty_tile_parameters_are_4xx(client: httpx.AsyncClient) -> None:
    base = f"/v1/collections/districts,providers/tiles/WebMercatorQuad/{BIELSKO_TILE}?"
    assert await refused(client, urls(base, [*FILTERS, *SELECTION])) == []


@pytest.mark.parametrize(
    ("path", "names"),
    [
        ("tiles/WebMercatorQuad/tilejson.json", [*FILTERS, *SELECTION]),
        ("style.json", [*FILTERS, *SELECTION]),
        ("legend", SELECTION),
        ("items/2461011-01", ["properties", "zoom", *SELECTION]),
    ],
)
async def test_nasty_metadata_parameters_are_4xx(
    client: httpx.AsyncClient, path: str, names: list[str]
) -> None:
    assert await refused(client, urls(f"/v1/collections/districts/{path}?", names)) == []


async def test_nasty_paths_are_4xx(client: httpx.AsyncClient) -> None:
    coordinates = ["1e3", "0x1", *NUMBERS, "%00", "%FF"]
    tiles = "/v1/collections/districts/tiles/WebMercatorQuad"
    found = [f"{tiles}/{c}/0/0" for c in coordinates]
    found += [f"{tiles}/12/{c}/1392" for c in coordinates]
    found += [f"{tiles}/12/2264/{c}" for c in coordinates]
    found += [f"{tiles}/0/1/0", f"{tiles}/25/0/0", f"{tiles}/12/4096/0"]
    for segment in ["%00", "%FF", "A" * 9000, "districts,%00", ",,,", "districts%2Cnothing"]:
        found += [
            f"/v1/collections/{segment}/items",
            f"/v1/collections/{segment}/tiles/WebMercatorQuad/{BIELSKO_TILE}",
            f"/v1/collections/districts/tiles/{segment}/{BIELSKO_TILE}",
            f"/v1/collections/{segment}/tiles/WebMercatorQuad/tilejson.json",
            f"/v1/collections/{segment}/style.json",
            f"/v1/collections/{segment}/legend",
        ]
    for fid in [
        "%00",
        "%FF",
        "9" * 5000,
        "2461011-01%00",
        "00000000-0000-0000-0000-00000000000%00",
    ]:
        found += [
            f"/v1/collections/districts/items/{fid}",
            f"/v1/collections/providers/items/{fid}",
        ]
    assert await refused(client, found) == []


# A sample URL of each GET operation of the document (its path parameters filled in).
SAMPLES = {
    "collection_id": "districts",
    "collection_ids": "districts,providers",
    "tms": "WebMercatorQuad",
    "fid": "2461011-01",
    "z": "12",
    "x": "2264",
    "y": "1392",
}
OPERATIONS = [
    path
    for path, methods in create_app().openapi()["paths"].items()
    if "get" in methods and path not in ("/healthz", "/readyz", "/map")
]


def sample(template: str) -> str:
    return re.sub(r"\{([^}]+)\}", lambda match: SAMPLES[match[1]], template)


@pytest.mark.parametrize("template", OPERATIONS)
async def test_undeclared_parameters_are_400_naming_them(
    client: httpx.AsyncClient, template: str
) -> None:
    """OGC API - Features: a parameter an endpoint does not declare is an error, not ignored
    (`datetime` and `crs` where the endpoint has none, or a misspelling)."""
    url = sample(template)
    assert (await client.get(url)).status_code in (200, 204, 307), url
    declared = {
        p["name"] for p in create_app().openapi()["paths"][template]["get"].get("parameters", [])
    }
    for name in ("foo", "datetime", "crs", "bbox-crs", "Bbox", "%FF"):
        if name in declared:
            continue
        response = await client.get(f"{url}?{name}=1")
        assert response.status_code == 400, (url, name)
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert "Unknown query parameter" in problem["detail"]
        if name != "%FF":
            assert problem["parameter"] == name
            assert repr(name) in problem["detail"]


async def test_undeclared_parameters_of_a_cached_tile_and_a_post_are_400(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    url = f"/v1/collections/districts/tiles/WebMercatorQuad/{BIELSKO_TILE}"
    assert (await client.get(url)).status_code == 200  # now in the fast path's cache
    response = await client.get(f"{url}?category=any&colour=red")
    assert (response.status_code, response.json()["parameter"]) == (400, "colour")
    # An endpoint with a body authenticates first (shared.auth.AuthFirstRoute).
    assert (await client.post("/v1/cache:invalidate?all=yes", json={})).status_code == 401
    headers = await service_key(db_session, ["tiles:invalidate"])
    response = await client.post("/v1/cache:invalidate?all=yes", json={}, headers=headers)
    assert (response.status_code, response.json()["parameter"]) == (400, "all")


LAT_LON = "http://www.opengis.net/def/crs/EPSG/0/4326"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"


async def test_bbox_crs_epsg_4326_takes_latitude_first(client: httpx.AsyncClient) -> None:
    async def codes(query: str) -> set[str]:
        response = await client.get(f"/v1/collections/districts/items?limit=1000&{query}")
        assert response.status_code == 200, (query, response.text)
        return {feature["id"] for feature in response.json()["features"]}

    lon_lat = await codes("bbox=19.0,49.8,19.06,49.84")
    assert lon_lat
    assert await codes(f"bbox=19.0,49.8,19.06,49.84&bbox-crs={CRS84}") == lon_lat
    assert await codes(f"bbox=49.8,19.0,49.84,19.06&bbox-crs={LAT_LON}") == lon_lat
    tile = f"/v1/collections/districts/tiles/WebMercatorQuad/{BIELSKO_TILE}"
    plain = await client.get(f"{tile}?bbox=19.0,49.8,19.06,49.84")
    swapped = await client.get(f"{tile}?bbox=49.8,19.0,49.84,19.06&bbox-crs={LAT_LON}")
    assert swapped.content == plain.content
    for query in (
        "bbox=19.0,49.8,19.06,49.84&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3857",
        "bbox=19.0,49.8,19.06,49.84&bbox-crs=EPSG:4326",
        f"bbox=19.0,49.8,19.06,49.84&bbox-crs={LAT_LON}",  # latitude 19.06 < longitude 49.84?
    ):
        response = await client.get(f"/v1/collections/districts/items?{query}")
        if query.endswith(LAT_LON):
            # Read as lat/lon it is a valid box elsewhere (Arabia): no district there.
            assert response.json()["numberMatched"] == 0
            continue
        assert response.status_code == 400, query
        assert response.json()["parameter"] == "bbox-crs"


async def test_only_crs84_is_served(client: httpx.AsyncClient) -> None:
    collection = (await client.get("/v1/collections/districts")).json()
    assert collection["crs"] == [CRS84]
    assert (await client.get(f"/v1/collections/districts/items?crs={CRS84}")).status_code == 200
    for url in (
        f"/v1/collections/districts/items?crs={LAT_LON}",
        "/v1/collections/districts/items/2461011-01?crs=EPSG:3857",
    ):
        response = await client.get(url)
        assert (response.status_code, response.json()["parameter"]) == (400, "crs"), url


@pytest.mark.parametrize(
    ("interval", "period"),
    [
        ("2025-01-01/2025-12-31", "2025"),
        ("2025-01-01T00:00:00Z/2025-12-31T23:59:59Z", "2025"),
        ("2024-04-01/2024-06-30", "2024-Q2"),
        ("2024-10-01/2024-12-31", "2024-Q4"),
    ],
)
async def test_datetime_of_a_year_or_quarter_selects_the_period(
    client: httpx.AsyncClient, interval: str, period: str
) -> None:
    response = await client.get(f"/v1/collections/districts/items?datetime={interval}&limit=1")
    assert response.status_code == 200, response.text
    assert response.json()["selection"]["period"] == period
    both = await client.get(f"/v1/collections/districts/items?datetime={interval}&period={period}")
    assert both.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "datetime=2025-03-15",
        "datetime=2025-03-15T10:00:00Z",
        "datetime=2025-01-01/2025-06-30",
        "datetime=2025-01-01/..",
        "datetime=../2025-12-31",
        "datetime=2025-02-01/2025-04-30",
        "datetime=2025-01-01/2026-12-31",
        "datetime=2025-01-01T12:00:00Z/2025-12-31T23:59:59Z",
        "datetime=2025-02-30/2025-12-31",
        "datetime=2025-01-01/2025-12-31&period=2024",
    ],
)
async def test_datetime_other_than_one_period_is_400(client: httpx.AsyncClient, query: str) -> None:
    for path in ("items", "tiles/WebMercatorQuad/12/2264/1392", "legend"):
        response = await client.get(f"/v1/collections/districts/{path}?{query}")
        assert response.status_code == 400, (path, query)
        assert response.json()["parameter"] == "datetime"
