"""The demo providers' places (``data/practices/seed-providers.json``): every address and
point says where it comes from, and the demo cities' points lie in their cities."""

from __future__ import annotations

import json
from typing import Any

import shapely
from shapely.geometry import Point, shape

from shared.db.models.catalog import POINT_SOURCES
from shared.reference import data_dir

PROVIDERS: list[dict[str, Any]] = json.loads(
    (data_dir() / "practices" / "seed-providers.json").read_text(encoding="utf-8")
)["providers"]
CITY_FILES = {
    "2461011": "bielsko-biala-osiedla.geojson",
    "0264011": "wroclaw-osiedla.geojson",
}


def test_every_place_says_where_it_comes_from() -> None:
    for provider in PROVIDERS:
        provenance = provider["provenance"]
        assert provenance["address"], provider["slug"]
        assert isinstance(provenance["address_verified"], bool)
        if provider.get("location") is None:
            assert provenance["point_source"] is None, provider["slug"]
            continue
        assert provenance["point_source"] in POINT_SOURCES
        # No point of the shipped (synthetic) register stands for a real address.
        assert provenance["point_source"] == "explicit"
        assert provenance["approximate"] is True
        assert provenance["point"]


def test_the_demo_cities_have_their_social_assistance_centre_on_the_map() -> None:
    by_city = {provider.get("terc"): provider for provider in PROVIDERS}
    for terc, file in CITY_FILES.items():
        provider = by_city[terc]
        assert provider["provider_type"] == "MOPS"
        assert provider["address_1"]
        assert provider["postal_code"]
        features = json.loads((data_dir() / "geo" / file).read_text(encoding="utf-8"))
        city = shapely.union_all([shape(feature["geometry"]) for feature in features["features"]])
        location = provider["location"]
        assert city.contains(Point(location["lon"], location["lat"])), provider["slug"]


def test_points_lie_in_poland() -> None:
    for provider in PROVIDERS:
        if location := provider.get("location"):
            assert 14.1 < location["lon"] < 24.2
            assert 49.0 < location["lat"] < 54.9
