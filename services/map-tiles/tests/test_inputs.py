"""Hostile input: every query parameter and path segment of items and tiles, given values no
client should send, is refused with a 4xx problem+json, never a 5xx."""

from __future__ import annotations

import httpx
import pytest

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
FILTERS = ["bbox", "territory", "properties", "filter", "filter-lang", "filter-crs"]
# Choropleth parameters (unit collections only; point collections ignore them).
SELECTION = ["release", "category", "period", "measure", "source", "indicator"]
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
