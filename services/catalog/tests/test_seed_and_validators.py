from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from catalog.cli import app as cli_app
from catalog.seed import seed_catalog
from catalog.validators import (
    krs_is_valid,
    nip_is_valid,
    normalize_phone,
    regon_is_valid,
    slugify,
    territory_prefixes,
)
from shared.reference import data_dir


async def test_seed_loads_the_practices_and_providers_idempotently(
    db_session: AsyncSession, client: httpx.AsyncClient
) -> None:
    first = await seed_catalog(db_session, data_dir=data_dir())
    assert first.practices_created == 19
    assert first.providers_created == 6
    second = await seed_catalog(db_session, data_dir=data_dir())
    assert (second.practices_created, second.practices_updated) == (0, 19)
    assert second.providers_created == 0

    listing = (await client.get("/v1/practices", params={"limit": 100, "facets": True})).json()
    assert listing["numberMatched"] == 19
    assert listing["facets"]["voivodeship"]["24"] == 3
    kooperacja = (await client.get("/v1/practices/bielsko-biala-kooperacja-plus-mapa")).json()
    assert kooperacja["implementer_provider_id"] is not None
    assert kooperacja["area_tercs"] == ["2461011"]
    assert kooperacja["voivodeship"] == "24"
    foreign = (await client.get("/v1/practices/wlochy-zapobieganie-instytucjonalizacji")).json()
    assert foreign["country"] == "IT"
    assert foreign["voivodeship"] is None
    # The search examples work on the real seed texts.
    found = (await client.get("/v1/practices", params={"q": "bezdomnych"})).json()
    assert "czestochowa-program-oslonowy-bezdomnosc" in [p["slug"] for p in found["practices"]]
    seniors = (await client.get("/v1/practices", params={"q": "seniorzy"})).json()
    assert seniors["numberMatched"] >= 2
    providers = (await client.get("/v1/providers", params={"limit": 100})).json()
    assert providers["numberMatched"] == 6
    # Public seats (data/practices/seed-providers.json says where each comes from); no phones.
    assert all(not p["phones"] for p in providers["providers"])
    near = {"near": "19.04,49.82", "radius_m": 20000}
    found = (await client.get("/v1/providers", params=near)).json()["providers"]
    assert [(p["slug"], p["address_1"]) for p in found] == [
        ("mops-bielsko-biala", "ul. Karola Miarki 11")
    ]


def test_cli_has_a_seed_command() -> None:
    result = CliRunner().invoke(cli_app, ["seed", "--help"])
    assert result.exit_code == 0
    assert "data-dir" in result.output


@pytest.mark.parametrize(
    ("nip", "valid"),
    [
        ("5260250274", True),
        ("1111111111", True),
        ("5260250275", False),
        ("123456789", False),
        ("526025027a", False),
        ("0000000000", True),
    ],
)
def test_nip(nip: str, valid: bool) -> None:
    assert nip_is_valid(nip) is valid


@pytest.mark.parametrize(
    ("regon", "valid"),
    [
        ("012100784", True),
        ("012100785", False),
        ("12345678512347", True),
        ("12345678512348", False),
        ("1234", False),
    ],
)
def test_regon(regon: str, valid: bool) -> None:
    assert regon_is_valid(regon) is valid


def test_krs_phone_slug_prefixes() -> None:
    assert krs_is_valid("0000012345")
    assert not krs_is_valid("000001234")
    assert not krs_is_valid("0000000000")
    assert normalize_phone("(33) 123-45-67") == "+48331234567"
    assert normalize_phone("0048 33 123 45 67") == "+48331234567"
    assert normalize_phone("+44 20 7946 0958") == "+442079460958"
    assert normalize_phone("12345") is None
    assert normalize_phone("tel. 33") is None
    assert slugify("Łódź \u2013 „Seniorzy” w akcji!") == "lodz-seniorzy-w-akcji"
    assert slugify("!!!") == "record"
    assert territory_prefixes(["2461011", "02"]) == ["02", "24", "2461", "2461011"]
