"""Providers with places: a point given with the record (``explicit``), placed from the postal
address by the address register (``address_register``, ``shared.geo.geocode``) or by an editor
on the map (``manual``); what the list, the record, HSDS and the import report say of it."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.seed import seed_catalog
from shared.geo.addresses import import_address_points, import_teryt
from shared.reference import data_dir
from shared.testing.geography import address_samples, load_demo_cities

from .test_providers_hsds import provider_payload, validate

Keys = Any
JSON = {"content-type": "application/json"}


@pytest.fixture
async def register(db_session: AsyncSession) -> AsyncSession:
    """The demo cities and the synthetic address register of Bielsko-Biała and Wrocław."""
    samples = address_samples()
    await load_demo_cities(db_session)
    await import_teryt(db_session, samples / "SIMC.csv", samples / "ULIC.csv")
    await import_address_points(db_session, samples / "PRG_punkty_adresowe.csv")
    await db_session.commit()
    return db_session


def _addressed(**overrides: Any) -> dict[str, Any]:
    """A Bielsko-Biała provider with a street address and no point, no identifiers."""
    payload = provider_payload(
        location=None,
        address_1="ul. Lotnicza 10",
        postal_code=None,
        city="Bielsko-Biała",
        nip=None,
        regon=None,
        krs=None,
    )
    payload.update(overrides)
    return {name: value for name, value in payload.items() if value is not None}


async def test_an_address_is_placed_by_the_register(
    register: AsyncSession, client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await client.post("/v1/providers", json=_addressed(), headers=keys.editor24)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["location"]["source"] == "address_register"
    assert body["location"]["approximate"] is False  # the house number itself
    assert body["location_note"] is None
    assert body["postal_code"] == "43-300"  # filled in from the exact match

    # A number the register lacks: the street's points, approximate.
    between = _addressed(name="Punkt konsultacyjny", address_1="Lotnicza 11")
    placed = (await client.post("/v1/providers", json=between, headers=keys.editor24)).json()
    assert placed["location"]["source"] == "address_register"
    assert placed["location"]["approximate"] is True
    assert placed["postal_code"] is None  # only exact matches fill it in

    # An unknown street of a known locality: the locality's point.
    street = _addressed(name="Klub", address_1="ul. Nieistniejąca 5")
    vague = (await client.post("/v1/providers", json=street, headers=keys.editor24)).json()
    assert (vague["location"]["source"], vague["location"]["approximate"]) == (
        "address_register",
        True,
    )

    # An address the register cannot place: created without a point, and said so.
    unknown = _addressed(name="Świetlica", city="Nibylandia", terc=None)
    lost = await client.post("/v1/providers", json=unknown, headers=keys.editor24)
    assert lost.status_code == 201, lost.text
    assert lost.json()["location"] is None
    assert "could not place" in lost.json()["location_note"]


async def test_explicit_manual_and_register_points_through_edits(
    register: AsyncSession, client: httpx.AsyncClient, keys: Keys
) -> None:
    given = _addressed(location={"lon": 19.05, "lat": 49.82, "approximate": True})
    created = (await client.post("/v1/providers", json=given, headers=keys.editor24)).json()
    ref = created["id"]
    assert created["location"] == {
        "lon": 19.05,
        "lat": 49.82,
        "approximate": True,
        "source": "explicit",
    }

    # An explicit point stays through an address edit.
    moved = await client.patch(
        f"/v1/providers/{ref}", json={"address_1": "Lotnicza 26"}, headers=keys.editor24
    )
    assert moved.json()["location"]["source"] == "explicit"

    # The editor asks the register: its point replaces the given one.
    located = await client.post(f"/v1/providers/{ref}:geocode", headers=keys.editor24)
    assert located.status_code == 200, located.text
    first = located.json()["location"]
    assert (first["source"], first["approximate"]) == ("address_register", False)

    # A point from the register follows the address.
    moved = await client.patch(
        f"/v1/providers/{ref}", json={"address_1": "Lotnicza 19"}, headers=keys.editor24
    )
    second = moved.json()["location"]
    assert second["source"] == "address_register"
    assert (second["lon"], second["lat"]) != (first["lon"], first["lat"])

    # Placed by hand: manual, and it stays through address edits.
    placed = await client.post(
        f"/v1/providers/{ref}:place", json={"lon": 19.04, "lat": 49.83}, headers=keys.editor24
    )
    assert placed.status_code == 200, placed.text
    assert placed.json()["location"] == {
        "lon": 19.04,
        "lat": 49.83,
        "approximate": False,
        "source": "manual",
    }
    moved = await client.patch(
        f"/v1/providers/{ref}", json={"address_1": "Lotnicza 28"}, headers=keys.editor24
    )
    assert moved.json()["location"]["source"] == "manual"

    managed = (await client.get(f"/v1/manage/providers/{ref}", headers=keys.editor24)).json()
    logged = [(m["field_name"], m["replacement_value"]) for m in managed["metadata"]]
    assert ("point_source", "explicit") in logged
    assert ("point_source", "address_register") in logged
    assert ("point_source", "manual") in logged
    assert ("location", "[19.04, 49.83]") in logged


async def test_editor_actions_refuse_what_they_cannot_do(
    register: AsyncSession, client: httpx.AsyncClient, keys: Keys
) -> None:
    bare = _addressed(name="Bez adresu")
    del bare["address_1"]
    ref = (await client.post("/v1/providers", json=bare, headers=keys.editor24)).json()["id"]
    nothing = await client.post(f"/v1/providers/{ref}:geocode", headers=keys.editor24)
    assert nothing.status_code == 422
    assert nothing.headers["content-type"].startswith("application/problem+json")

    lost = _addressed(name="Świetlica", city="Nibylandia", terc=None)
    ref = (await client.post("/v1/providers", json=lost, headers=keys.editor24)).json()["id"]
    unplaced = await client.post(f"/v1/providers/{ref}:geocode", headers=keys.editor24)
    assert unplaced.status_code == 422
    assert unplaced.json()["errors"][0]["code"] == "not_located"

    outside = await client.post(
        f"/v1/providers/{ref}:place", json={"lon": 19.0, "lat": 49.8}, headers=keys.editor02
    )
    assert outside.status_code == 403
    wrong = await client.post(
        f"/v1/providers/{ref}:place", json={"lon": 190, "lat": 49.8}, headers=keys.editor24
    )
    assert wrong.status_code == 422
    anonymous = await client.post(f"/v1/providers/{ref}:place", json={"lon": 19.0, "lat": 49.8})
    assert anonymous.status_code == 401


async def test_the_import_report_counts_points(
    register: AsyncSession, client: httpx.AsyncClient, keys: Keys
) -> None:
    rows = [
        _addressed(name="Ze współrzędnymi", latitude=49.82, longitude=19.04),
        _addressed(name="Z adresem"),
        _addressed(name="Z adresem przybliżonym", address_1="Lotnicza 11"),
        _addressed(name="Nieznany adres", city="Nibylandia", terc=None),
    ]
    report = await client.post(
        "/v1/providers:import",
        content=json.dumps({"providers": rows}),
        headers={**keys.editor24, **JSON},
    )
    assert report.status_code == 200, report.text
    body = report.json()
    assert (body["created"], body["rejected"]) == (4, 0)
    assert body["points"] == {
        "explicit": 1,
        "address_register": 2,
        "approximate": 1,
        "not_found": 1,
        "kept": 0,
    }
    assert [(w["row"], w["code"]) for w in body["warnings"]] == [(3, "not_located")]
    explicit = (
        await client.get(f"/v1/manage/providers/{body['ids'][0]}", headers=keys.editor24)
    ).json()
    assert explicit["location"]["source"] == "explicit"


async def test_the_seed_providers_are_found_by_place_and_in_hsds(
    db_session: AsyncSession, client: httpx.AsyncClient
) -> None:
    await seed_catalog(db_session, data_dir=data_dir())
    near = (
        await client.get("/v1/providers", params={"near": "19.04,49.82", "radius_m": 20000})
    ).json()
    (mops,) = [p for p in near["providers"] if p["slug"] == "mops-bielsko-biala"]
    assert mops["location"] == {
        "lon": 19.043,
        "lat": 49.825,
        "approximate": True,
        "source": "explicit",
    }
    assert (mops["address_1"], mops["postal_code"], mops["city"]) == (
        "ul. Karola Miarki 11",
        "43-300",
        "Bielsko-Biała",
    )
    boxed = (await client.get("/v1/providers", params={"bbox": "16.9,51.0,17.1,51.2"})).json()
    assert [p["slug"] for p in boxed["providers"]] == ["mops-wroclaw"]
    record = (await client.get("/v1/providers/mops-bielsko-biala")).json()
    assert record["location"] == mops["location"]

    organization = (await client.get(f"/hsds/organizations/{mops['id']}")).json()
    validate("organization.json", organization)
    (location,) = organization["locations"]
    assert (location["latitude"], location["longitude"]) == (49.825, 19.043)
    (address,) = location["addresses"]
    assert address == {
        **address,
        "address_type": "physical",
        "address_1": "ul. Karola Miarki 11",
        "city": "Bielsko-Biała",
        "postal_code": "43-300",
        "state_province": "śląskie",
        "country": "PL",
        "location_id": location["id"],
    }
    links = (
        await client.get("/hsds/service_at_locations", params={"organization_id": mops["id"]})
    ).json()["contents"]
    assert links
    for link in links:
        validate("service_at_location.json", link)
        assert (link["location"]["latitude"], link["location"]["longitude"]) == (49.825, 19.043)
