"""Records in → release → tiles, across the four running services.

Each step waits for the asynchronous hand-offs (ingest outbox → anonymizer run → map-tiles
invalidation) by polling for the expected outcome with a generous deadline; nothing asserts on
timing.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
import mapbox_vector_tile
import pytest

from tests.conftest import Stack

T = TypeVar("T")
BIELSKO = "2461011"
DISTRICTS = [f"{BIELSKO}-{n:02d}" for n in range(1, 31)]
PER_DISTRICT = 12
DEADLINE_S = 180


def pesel(serial: int) -> str:
    """A valid synthetic PESEL, unique per ``serial``."""
    born = date(1950, 1, 1) + timedelta(days=serial // 1000)
    digits = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{serial % 1000:03d}1"
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return digits + str(
        (10 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 10) % 10
    )


def cases(
    prefix: str, category: str, first_serial: int, districts: list[str]
) -> list[dict[str, Any]]:
    records = []
    for index, district in enumerate(districts):
        for person in range(PER_DISTRICT):
            serial = first_serial + index * PER_DISTRICT + person
            records.append(
                {
                    "external_id": f"{prefix}-{district}-{person}",
                    "subject_id": pesel(serial),
                    "reference_date": "2024-05-15",
                    "categories": [category],
                    "location": {"district": district},
                }
            )
    return records


def push(stack: Stack, records: list[dict[str, Any]]) -> None:
    with stack.client("ingest", key="MOPS Bielsko-Biała") as client:
        response = client.post("/v1/records:batch", json={"records": records})
    assert response.status_code == 201, response.text
    assert response.json()["rejected"] == 0, response.text


def eventually(probe: Callable[[], T | None], what: str) -> T:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        found = probe()
        if found is not None:
            return found
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def district_items(stack: Stack, category: str) -> httpx.Response:
    with stack.client("map-tiles") as client:
        return client.get(
            "/v1/collections/districts/items",
            params={
                "territory": BIELSKO,
                "category": category,
                "period": "2024",
                "measure": "persons",
                "limit": 100,
            },
        )


def district_values(stack: Stack, category: str) -> dict[str, tuple[int | None, bool | None]]:
    response = district_items(stack, category)
    if response.status_code != 200:
        return {}
    return {
        f["properties"]["code"]: (f["properties"]["value"], f["properties"]["suppressed"])
        for f in response.json()["features"]
    }


def values_become(
    stack: Stack, category: str, expected: dict[str, tuple[int | None, bool]]
) -> None:
    def probe() -> bool | None:
        values = district_values(stack, category)
        return True if all(values.get(code) == want for code, want in expected.items()) else None

    eventually(probe, f"{category} values {expected}")


def tile_xy(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    n = 2**zoom
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def test_records_in_release_out_tile_values(stack: Stack) -> None:
    push(stack, cases("POV", "poverty", 0, DISTRICTS))
    values_become(stack, "poverty", dict.fromkeys(DISTRICTS, (PER_DISTRICT, False)))

    x, y = tile_xy(19.04, 49.82, 12)
    with stack.client("map-tiles") as client:
        tile = client.get(
            f"/v1/collections/districts/tiles/WebMercatorQuad/12/{x}/{y}",
            params={"category": "poverty", "period": "2024", "measure": "persons"},
        )
    assert tile.status_code == 200
    layers = mapbox_vector_tile.decode(tile.content)
    features = next(iter(layers.values()))["features"]
    drawn = {f["properties"]["code"]: f["properties"].get("value") for f in features}
    assert drawn
    assert all(value == PER_DISTRICT for code, value in drawn.items() if code in DISTRICTS)


def test_erasure_reaches_the_tiles_and_the_cache_follows_the_release(stack: Stack) -> None:
    before = district_items(stack, "poverty")
    etag = before.headers["etag"]
    erased = DISTRICTS[0]
    ids = [f"POV-{erased}-{person}" for person in range(5)]
    with stack.client("ingest", key="MOPS Bielsko-Biała") as client:
        response = client.post("/v1/records:erase", json={"external_ids": ids})
    assert response.status_code == 200, response.text
    assert response.json()["erased"] == len(ids)

    # A revision of a closed period: a change smaller than k would be held back (time
    # differencing would reveal it), a change of k is published; map-tiles drops its cache.
    values_become(stack, "poverty", {erased: (PER_DISTRICT - 5, False)})
    after = district_items(stack, "poverty")
    assert after.headers["etag"] != etag


def test_anonymizer_down_during_ingest_catches_up(stack: Stack) -> None:
    stack.stop("anonymizer")
    try:
        push(stack, cases("DIS", "disability", 100_000, DISTRICTS[:10]))
        push(stack, cases("DIS", "disability", 200_000, DISTRICTS[10:20]))
        with stack.client("ingest", key="MOPS Bielsko-Biała") as client:
            assert client.get("/v1/batches").json()["numberMatched"] >= 3
    finally:
        stack.start("anonymizer")
    values_become(stack, "disability", dict.fromkeys(DISTRICTS[:20], (PER_DISTRICT, False)))


def test_catalog_publish_reaches_the_providers_layer(stack: Stack) -> None:
    with stack.client("map-tiles") as client:
        before = client.get("/v1/collections/providers/items", params={"limit": 1000})
    assert before.status_code == 200
    provider = {
        "name": "Centrum Testowe Usług Społecznych",
        "description": "Dostawca utworzony przez test międzyusługowy.",
        "provider_type": "CUS",
        "terc": BIELSKO,
        "city": "Bielsko-Biała",
        "location": {"lon": 19.045, "lat": 49.815},
        "service_areas": ["social_assistance"],
    }
    with stack.client("catalog", key="ROPS Katowice") as client:
        created = client.post("/v1/providers", json=provider)
        assert created.status_code == 201, created.text
        ref = created.json()["id"]
        assert client.post(f"/v1/providers/{ref}:submit").status_code == 200
        assert client.post(f"/v1/providers/{ref}:publish").status_code == 200

    def probe() -> bool | None:
        with stack.client("map-tiles") as client:
            items = client.get("/v1/collections/providers/items", params={"limit": 1000}).json()
        names = {f["properties"].get("name") for f in items["features"]}
        return True if provider["name"] in names else None

    eventually(probe, "the published provider in the providers layer")


@pytest.fixture(autouse=True)
def _stack_alive(stack: Stack) -> None:
    for service, process in stack.processes.items():
        assert process.poll() is None, f"{service} died"


BROWSER = Path(__file__).resolve().parent / "browser"
# The browser test's own records: counts that differ by district, category and period, so that
# the category picker and the period slider visibly change the map, with some small (suppressed)
# cells. Homelessness early in 2024 for some persons and from 2025 on for others; alcoholism
# throughout. New cells of their own, so the revision policy holds none of them back.
MAP_GROUPS = (
    # category, first day, last day, persons in the i-th district: least + (i % cycle) * step
    ("homelessness", "2024-02-10", "2024-09-30", 5, 4, 1),
    ("homelessness", "2025-01-15", None, 3, 7, 1),
    ("alcoholism", "2024-03-01", None, 5, 3, 3),
)


# The browser test's providers in Bielsko-Biała: one at a point given with the record, one
# placed from its address by the address register (a house number it lacks: approximate).
MAP_PROVIDERS = (
    ("Punkt Mapy: adres dokładny", {"location": {"lon": 19.04, "lat": 49.82}}),
    ("Punkt Mapy: adres przybliżony", {"address_1": "ul. Lotnicza 11"}),
)


def publish_map_providers(stack: Stack) -> None:
    """Create and publish ``MAP_PROVIDERS`` (again on a rerun: a name is not a key)."""
    with stack.client("map-tiles") as client:
        items = client.get("/v1/collections/providers/items", params={"limit": 1000}).json()
    shown = {f["properties"].get("name") for f in items["features"]}
    with stack.client("catalog", key="ROPS Katowice") as client:
        for name, place in MAP_PROVIDERS:
            if name in shown:
                continue
            body = {
                "name": name,
                "description": "Placówka utworzona przez test mapy.",
                "provider_type": "CUS",
                "terc": BIELSKO,
                "city": "Bielsko-Biała",
                "service_areas": ["social_assistance"],
                **place,
            }
            created = client.post("/v1/providers", json=body)
            assert created.status_code == 201, created.text
            assert created.json()["location"] is not None, created.text
            ref = created.json()["id"]
            assert client.post(f"/v1/providers/{ref}:publish").status_code == 200


def map_cases() -> list[dict[str, Any]]:
    records = []
    serial = 300_000
    for index, district in enumerate(DISTRICTS):
        for category, start, end, least, cycle, step in MAP_GROUPS:
            for person in range(least + (index % cycle) * step):
                records.append(
                    {
                        "external_id": f"MAP-{category}-{start}-{district}-{person}",
                        "subject_id": pesel(serial),
                        "reference_date": start,
                        "end_date": end,
                        "categories": [category],
                        "location": {"district": district},
                    }
                )
                serial += 1
    return records


def published(stack: Stack, category: str, period: str) -> int | None:
    """How many of Bielsko-Biała's districts have a value of ``category`` in ``period``."""
    with stack.client("map-tiles") as client:
        response = client.get(
            "/v1/collections/districts/items",
            params={"territory": BIELSKO, "category": category, "period": period, "limit": 100},
        )
    if response.status_code != 200:
        return None
    found = sum(f["properties"]["value"] is not None for f in response.json()["features"])
    return found or None


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_preview_map_in_a_browser(stack: Stack, tmp_path: Path) -> None:
    """The preview map in a real (headless) Chromium, as a visitor meets it: fitted to the
    published districts on the latest full year, most of them coloured; a legend with the
    suppressed and approximate entries; the base layer's outlines and names; a category picker
    with Polish labels and a period slider that change the districts drawn; and a click on a
    district that opens its time series. Nothing is loaded from elsewhere."""
    push(stack, map_cases())
    publish_map_providers(stack)
    eventually(lambda: published(stack, "homelessness", "2024-Q1"), "early homelessness cells")
    eventually(lambda: published(stack, "homelessness", "2025"), "late homelessness cells")

    screenshot = Path(os.environ.get("SOCMAP_SCREENSHOT", tmp_path / "map.png"))
    run = subprocess.run(
        [
            "node",
            str(BROWSER / "map_check.mjs"),
            f"{stack.urls['map-tiles']}/map",
            str(screenshot),
            "homelessness",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["errors"] == [], result["errors"]
    assert result["tiles"] > 0
    assert screenshot.stat().st_size > 10_000

    opened = result["opened"]
    # Fitted to the published data (TileJSON bounds of the release), on the latest full year.
    assert opened["fitted"], opened
    years = [p for p in opened["periods"] if len(p) == 4]
    assert opened["period"] == max(years), opened
    assert opened["slider"]["granularity"] == "year"
    districts = opened["districts"]
    assert districts["rendered"] >= len(DISTRICTS)
    assert districts["coloured"] >= 0.5 * districts["rendered"], districts
    assert result["colours"] >= 2, result
    # The legend marks suppressed and approximate areas; Bielsko-Biała's boundaries are
    # approximate, and drawn so.
    assert "utajnione" in opened["legend"]
    assert "przybliżona" in opened["legend"]
    assert opened["approximate"] > 0
    # The providers layer: a provider at its address and one the address register placed only
    # approximately (hollow), with its name and address on hover.
    providers = opened["providers"]
    assert providers is not None
    assert providers["rendered"] >= 2, providers
    assert {name for name, _ in MAP_PROVIDERS} <= set(providers["names"]), providers
    assert MAP_PROVIDERS[1][0] in providers["approximate"], providers
    assert MAP_PROVIDERS[0][0] not in providers["approximate"], providers
    assert "Placówki" in opened["legend"]
    assert "przybliżone" in opened["legend"]
    assert providers["at"]["name"] in (result["provider_popup"] or ""), result["provider_popup"]
    # The base layer: outlines and names of the project's own geography.
    assert opened["outlines"] > 0
    assert opened["names"] > 0
    # The category picker has Polish labels and changes the districts drawn.
    assert ["homelessness", "Bezdomność"] in opened["categories"]
    assert result["category"]["changed"], result["category"]
    assert result["category"]["legend"].startswith("Bezdomność")
    # The period slider runs over the quarters too and changes the districts drawn.
    assert result["period"]["after_switch"] == f"{max(years)}-Q4"
    assert result["period"]["first"] == min(p for p in opened["periods"] if "Q" in p)
    assert result["period"]["changed"], result["period"]

    # A click on a district opens its time series: every period of the release, values or
    # suppressed (never guessed), as hovering tells the district's value.
    assert result["clicked"] is not None
    assert result["clicked"]["code"] in result["popup"]
    series = result["series"]
    assert result["clicked"]["code"] in series["title"]
    periods = dict(series["cells"])
    assert set(periods) == set(opened["periods"])
    assert sum(state in ("value", "suppressed") for state in periods.values()) >= 4, series
    assert series["bars"] >= 4
