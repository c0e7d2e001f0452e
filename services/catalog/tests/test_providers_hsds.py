from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from catalog.read import hsds
from catalog.schemas import ProviderIn

Keys = Any
SCHEMAS = Path(__file__).parent / "hsds_schema"

# Valid identifiers (check digits computed by the official algorithms).
NIP = "5260250274"
REGON = "012100784"
KRS = "0000012345"


def provider_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "name": "Miejski Ośrodek Pomocy Społecznej w Testowie",
        "alternate_name": "MOPS Testowo",
        "description": "Ośrodek pomocy społecznej miasta Testowo.",
        "provider_type": "MOPS",
        "email": "sekretariat@mops.example.org",
        "website": "https://mops.example.org",
        "nip": "526-025-02-74",
        "regon": REGON,
        "krs": KRS,
        "terc": "2461011",
        "address_1": "ul. Przykładowa 1",
        "postal_code": "43-300",
        "city": "Bielsko-Biała",
        "location": {"lon": 19.04, "lat": 49.82},
        "phones": [{"number": "+48 33 000 00 00", "type": "voice"}],
        "schedules": [{"byday": "MO,TU,WE,TH,FR", "opens_at": "07:30", "closes_at": "15:30"}],
        "service_areas": ["social_assistance"],
        "services": [
            {
                "name": "Usługi opiekuńcze",
                "description": "Pomoc w codziennych czynnościach w domu.",
                "service_areas": ["social_assistance"],
                "target_groups": ["seniors", "disabled"],
                "area_tercs": ["2461011"],
                "minimum_age": 60,
            },
            {"name": "Praca socjalna", "target_groups": ["families"]},
        ],
        "assured_date": "2026-01-15",
    }
    payload.update(overrides)
    return payload


def _registry() -> Registry:
    """The schemas refer to each other by file name (``metadata.json``)."""
    resources = []
    for path in [*SCHEMAS.glob("*.json"), *SCHEMAS.glob("compiled/*.json")]:
        contents = json.loads(path.read_text("utf-8"))
        name = path.relative_to(SCHEMAS).as_posix()
        resources.append(
            (name, Resource.from_contents(contents, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


def validate(schema_file: str, instance: Any) -> None:
    schema = json.loads((SCHEMAS / schema_file).read_text("utf-8"))
    validator = Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.fixture
async def published_provider(client: httpx.AsyncClient, keys: Keys) -> dict[str, Any]:
    created = await client.post("/v1/providers", json=provider_payload(), headers=keys.moderator24)
    assert created.status_code == 201, created.text
    published = await client.post(
        f"/v1/providers/{created.json()['id']}:publish", headers=keys.moderator24
    )
    assert published.status_code == 200, published.text
    body: dict[str, Any] = published.json()
    return body


async def test_provider_record(
    published_provider: dict[str, Any], client: httpx.AsyncClient
) -> None:
    assert published_provider["nip"] == NIP
    assert published_provider["voivodeship"] == "24"
    assert published_provider["phones"][0]["number"] == "+48330000000"
    assert sorted(published_provider["target_groups"]) == ["disabled", "families", "seniors"]
    assert len(published_provider["services"]) == 2
    found = await client.get(
        "/v1/providers", params={"q": "ośrodkach pomocy", "provider_type": "MOPS"}
    )
    assert found.json()["numberMatched"] == 1
    typo = (await client.get("/v1/providers", params={"q": "mops Testwoo"})).json()
    assert (typo["correctedQuery"], typo["numberMatched"]) == ("mops Testowo", 1)
    near = await client.get(
        "/v1/providers", params={"near": "19.05,49.82", "radius_m": 5000, "facets": True}
    )
    assert near.json()["facets"]["provider_type"] == {"MOPS": 1}
    assert (await client.get("/v1/providers?target_group=seniors")).json()["numberMatched"] == 1
    assert (await client.get("/v1/providers?target_group=homeless")).json()["numberMatched"] == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nip", "5260250275"),  # wrong check digit
        ("nip", "123"),
        ("regon", "012100785"),
        ("regon", "12345678901234"),
        ("krs", "12345"),
        ("krs", "0000000000"),
        ("website", "ftp://example.org"),
        ("email", "mops@"),
        ("postal_code", "43300"),
        ("provider_type", "SPACE_AGENCY"),
    ],
)
async def test_invalid_provider_fields(
    client: httpx.AsyncClient, keys: Keys, field: str, value: str
) -> None:
    response = await client.post(
        "/v1/providers", json=provider_payload(**{field: value}), headers=keys.editor24
    )
    assert response.status_code == 422, response.text
    assert any(field in error["field"] for error in response.json()["errors"])


async def test_invalid_phone_and_duplicate_identifiers(
    client: httpx.AsyncClient, keys: Keys, published_provider: dict[str, Any]
) -> None:
    phone = await client.post(
        "/v1/providers",
        json=provider_payload(phones=[{"number": "call me"}], nip=None, regon=None, krs=None),
        headers=keys.editor24,
    )
    assert phone.status_code == 422
    duplicate = await client.post(
        "/v1/providers",
        json=provider_payload(name="Inna nazwa", regon=None, krs=None),
        headers=keys.editor24,
    )
    assert duplicate.status_code == 409
    assert duplicate.json()["existing_id"] == published_provider["id"]


async def test_hsds_root_and_organizations_validate(
    client: httpx.AsyncClient, published_provider: dict[str, Any]
) -> None:
    root = (await client.get("/hsds/")).json()
    assert root["version"] == "3.0"
    assert root["openapi_url"].endswith("/openapi.json")

    page = (await client.get("/hsds/organizations")).json()
    validate("page.json", page)
    assert page["total_items"] == 1
    assert page["first_page"]
    assert page["last_page"]
    for item in page["contents"]:
        validate("compiled/organization_list.json", item)
        validate("organization.json", item)

    full = (await client.get("/hsds/organizations?full=true")).json()
    validate("page.json", full)
    for item in full["contents"]:
        validate("organization.json", item)

    one = await client.get(f"/hsds/organizations/{published_provider['id']}")
    assert one.status_code == 200
    organization = one.json()
    validate("organization.json", organization)
    identifiers = {
        i["identifier_type"]: i["identifier"] for i in organization["organization_identifiers"]
    }
    assert identifiers == {"KRS": KRS, "REGON": REGON, "NIP": NIP}
    address = organization["locations"][0]["addresses"][0]
    assert address["state_province"] == "śląskie"
    assert address["country"] == "PL"
    assert organization["attributes"][0]["taxonomy_term"]["code"] == "MOPS"
    assert {m["field_name"] for m in organization["metadata"]} >= {"name", "status"}


async def test_hsds_services_validate(
    client: httpx.AsyncClient, published_provider: dict[str, Any]
) -> None:
    page = (await client.get("/hsds/services", params={"per_page": 1})).json()
    validate("page.json", page)
    assert page["total_items"] == 2
    assert page["total_pages"] == 2
    assert not page["last_page"]
    for item in page["contents"]:
        validate("compiled/service_list.json", item)
        validate("service.json", item)
    second = (await client.get("/hsds/services", params={"per_page": 1, "page": 2})).json()
    assert second["last_page"]
    assert second["contents"][0]["id"] != page["contents"][0]["id"]

    searched = (await client.get("/hsds/services", params={"search": "opiekuncze"})).json()
    assert [s["name"] for s in searched["contents"]] == ["Usługi opiekuńcze"]
    by_org = (
        await client.get("/hsds/services", params={"organization_id": published_provider["id"]})
    ).json()
    assert by_org["total_items"] == 2

    service_id = searched["contents"][0]["id"]
    full = await client.get(f"/hsds/services/{service_id}")
    assert full.status_code == 200
    service = full.json()
    validate("service.json", service)
    validate(
        "compiled/service_list.json",
        {k: v for k, v in service.items() if k in ("id", "name", "status")},
    )
    assert service["service_areas"][0]["uri"] == "urn:teryt:terc:2461011"
    audiences = {
        a["taxonomy_term"]["code"] for a in service["attributes"] if a["link_type"] == "audience"
    }
    assert audiences == {"seniors", "disabled"}
    assert service["metadata"]


async def test_hsds_hides_unpublished(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await client.post("/v1/providers", json=provider_payload(), headers=keys.editor24)
    assert created.status_code == 201
    assert (await client.get("/hsds/organizations")).json()["total_items"] == 0
    assert (await client.get("/hsds/services")).json()["total_items"] == 0
    assert (await client.get(f"/hsds/organizations/{created.json()['id']}")).status_code == 404
    service_id = created.json()["services"][0]["id"]
    assert (await client.get(f"/hsds/services/{service_id}")).status_code == 404
    assert (await client.get("/hsds/services/not-a-uuid")).status_code == 422


async def test_provider_patch_logs_services_and_identifiers(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    created = await client.post("/v1/providers", json=provider_payload(), headers=keys.editor24)
    pid = created.json()["id"]
    patched = await client.patch(
        f"/v1/providers/{pid}",
        json={"services": [{"name": "Tylko jedna usługa"}], "email": "nowy@mops.example.org"},
        headers=keys.editor24,
    )
    assert patched.status_code == 200, patched.text
    assert [s["name"] for s in patched.json()["services"]] == ["Tylko jedna usługa"]
    fields = {
        m["field_name"] for m in patched.json()["metadata"] if m["last_action_type"] == "update"
    }
    assert fields == {"services", "email"}
    bad = await client.patch(
        f"/v1/providers/{pid}", json={"nip": "1111111112"}, headers=keys.editor24
    )
    assert bad.status_code == 422


def test_the_schema_check_rejects_bad_documents() -> None:
    with pytest.raises(AssertionError):
        validate("organization.json", {"id": "not-a-uuid", "name": "x"})
    with pytest.raises(AssertionError):
        validate(
            "organization.json",
            {
                "id": "6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0",
                "name": "x",
                "description": "d",
                "metadata": [{"id": "6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0"}],
            },
        )
    with pytest.raises(AssertionError):
        validate("page.json", {"total_items": "many"})


async def test_provider_exports(
    client: httpx.AsyncClient, published_provider: dict[str, Any]
) -> None:
    as_csv = await client.get("/v1/providers:export", params={"format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["nip"] == NIP
    assert rows[0]["services"] == "Praca socjalna|Usługi opiekuńcze"
    cp1250 = await client.get(
        "/v1/providers:export", params={"format": "csv", "encoding": "windows-1250"}
    )
    assert "Ośrodek" in cp1250.content.decode("cp1250")
    as_json = (await client.get("/v1/providers:export", params={"format": "json"})).json()
    assert as_json[0]["id"] == published_provider["id"]
    as_hsds = (await client.get("/v1/providers:export", params={"format": "hsds"})).json()
    for organization in as_hsds:
        validate("organization.json", organization)
    assert (await client.get("/v1/providers:export", params={"format": "xml"})).status_code == 422


async def test_hsds_taxonomies_and_term_filter(
    client: httpx.AsyncClient, published_provider: dict[str, Any]
) -> None:
    taxonomies = (await client.get("/hsds/taxonomies")).json()
    validate("page.json", taxonomies)
    for item in taxonomies["contents"]:
        validate("taxonomy.json", item)
    audience = next(t for t in taxonomies["contents"] if t["name"] == "pl-target-group")
    terms = (
        await client.get(
            "/hsds/taxonomy_terms", params={"taxonomy_id": audience["id"], "per_page": 100}
        )
    ).json()
    validate("page.json", terms)
    for item in terms["contents"]:
        validate("taxonomy_term.json", item)
    seniors = next(t for t in terms["contents"] if t["code"] == "seniors")
    families = next(t for t in terms["contents"] if t["code"] == "families")
    homeless = next(t for t in terms["contents"] if t["code"] == "homeless")
    by_term = (
        await client.get("/hsds/services", params={"taxonomy_term_id": seniors["id"]})
    ).json()
    assert [s["name"] for s in by_term["contents"]] == ["Usługi opiekuńcze"]
    by_other = (
        await client.get("/hsds/services", params={"taxonomy_term_id": families["id"]})
    ).json()
    assert [s["name"] for s in by_other["contents"]] == ["Praca socjalna"]
    none = (await client.get("/hsds/services", params={"taxonomy_term_id": homeless["id"]})).json()
    assert none["total_items"] == 0
    unknown = await client.get(
        "/hsds/services", params={"taxonomy_term_id": "6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0"}
    )
    assert unknown.json()["total_items"] == 0
    # Terms used in the nested service output carry the same ids.
    full = (await client.get(f"/hsds/services/{by_term['contents'][0]['id']}")).json()
    assert seniors["id"] in {a["taxonomy_term_id"] for a in full["attributes"]}


async def test_a_provider_is_written_inside_its_voivodeship_and_the_key_territory(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    elsewhere = await client.post(
        "/v1/providers", json=provider_payload(terc="0264011"), headers=keys.editor24
    )
    assert elsewhere.status_code == 422, elsewhere.text
    assert {(e["field"], e["code"]) for e in elsewhere.json()["errors"]} == {
        ("terc", "outside_key_territory"),
        ("voivodeship", "outside_key_territory"),
        ("services[0].area_tercs[0]", "outside_voivodeship"),
    }
    services = provider_payload()["services"]
    services[0]["area_tercs"] = ["2461011", "0264011"]
    served_elsewhere = await client.post(
        "/v1/providers", json=provider_payload(services=services), headers=keys.editor24
    )
    assert {(e["field"], e["code"]) for e in served_elsewhere.json()["errors"]} == {
        ("services[0].area_tercs[1]", "outside_voivodeship")
    }
    nowhere = await client.post(
        "/v1/providers",
        json=provider_payload(terc=None, services=[]),
        headers=keys.national,
    )
    assert {(e["field"], e["code"]) for e in nowhere.json()["errors"]} == {
        ("voivodeship", "missing")
    }


async def test_nul_in_any_field_of_a_provider_is_a_field_error(
    client: httpx.AsyncClient,
    keys: Keys,
    nul_bodies: Callable[..., list[tuple[str, dict[str, Any]]]],
) -> None:
    cases = nul_bodies(ProviderIn, provider_payload())
    assert len(cases) > 40
    missed = []
    for field, body in cases:
        response = await client.post("/v1/providers", json=body, headers=keys.editor24)
        errors = response.json().get("errors") or []
        if response.status_code != 422 or (field, "nul") not in {
            (e["field"], e["code"]) for e in errors
        }:
            missed.append((field, response.status_code, errors))
    assert missed == []


async def test_a_service_id_names_a_service_of_the_provider(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    first = await client.post("/v1/providers", json=provider_payload(), headers=keys.editor24)
    own = first.json()["services"][0]
    taken = [{"id": own["id"], "name": "Cudza usługa"}]
    other = provider_payload(nip=None, regon=None, krs=None, slug="inny", services=taken)
    created = await client.post("/v1/providers", json=other, headers=keys.editor24)
    assert created.status_code == 422, created.text
    assert [(e["field"], e["code"]) for e in created.json()["errors"]] == [
        ("services[0].id", "taken")
    ]
    fresh = "6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0"
    twice = [{"id": fresh, "name": "Jedna"}, {"id": fresh, "name": "Druga"}]
    doubled = provider_payload(nip=None, regon=None, krs=None, slug="dwa", services=twice)
    created = await client.post("/v1/providers", json=doubled, headers=keys.editor24)
    assert [(e["field"], e["code"]) for e in created.json()["errors"]] == [
        ("services[1].id", "duplicate")
    ]
    # Its own ids the provider keeps.
    patched = await client.patch(
        f"/v1/providers/{first.json()['id']}",
        json={"services": [{"id": own["id"], "name": "Usługi opiekuńcze w domu"}]},
        headers=keys.editor24,
    )
    assert patched.status_code == 200, patched.text
    assert [s["id"] for s in patched.json()["services"]] == [own["id"]]


async def test_an_identifier_of_another_provider_is_a_conflict_on_edit_too(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    await client.post("/v1/providers", json=provider_payload(), headers=keys.editor24)
    other = await client.post(
        "/v1/providers",
        json=provider_payload(nip=None, regon=None, krs=None, slug="drugi"),
        headers=keys.editor24,
    )
    for field, value in (("nip", "526-025-02-74"), ("regon", REGON), ("krs", KRS)):
        patched = await client.patch(
            f"/v1/providers/{other.json()['id']}", json={field: value}, headers=keys.editor24
        )
        assert patched.status_code == 409, (field, patched.text)
        assert patched.headers["content-type"] == "application/problem+json"


# Fields of the catalogue's own that HSDS names otherwise (or does not show).
INTERNAL_FIELDS = {"address_1", "provider_type", "terc", "area_tercs", "voivodeship", "krs"}


async def test_hsds_metadata_speaks_hsds(
    client: httpx.AsyncClient, keys: Keys, published_provider: dict[str, Any]
) -> None:
    pid = published_provider["id"]
    care = next(s for s in published_provider["services"] if s["name"] == "Usługi opiekuńcze")
    patched = await client.patch(
        f"/v1/providers/{pid}",
        json={
            "address_1": "ul. Nowa 2",
            "location": {"lon": 19.05, "lat": 49.83},
            "services": [
                {**care, "name": "Usługi opiekuńcze w domu", "area_tercs": ["2461011"]},
                {"name": "Praca socjalna", "target_groups": ["families"]},
            ],
        },
        headers=keys.moderator24,
    )
    assert patched.status_code == 200, patched.text

    organization = (await client.get(f"/hsds/organizations/{pid}")).json()
    validate("organization.json", organization)
    org_history = organization["metadata"]
    assert {m["resource_type"] for m in org_history} == {"organization"}
    assert {m["resource_id"] for m in org_history} == {pid}
    assert not {m["field_name"] for m in org_history} & INTERNAL_FIELDS
    location = organization["locations"][0]
    assert (location["latitude"], location["longitude"]) == (49.83, 19.05)
    moved = [m for m in location["metadata"] if m["last_action_type"] == "update"]
    assert {(m["field_name"], m["replacement_value"]) for m in moved} == {
        ("latitude", "49.83"),
        ("longitude", "19.05"),
    }
    assert {m["resource_type"] for m in location["metadata"]} == {"location"}
    address = location["addresses"][0]
    assert address["address_1"] == "ul. Nowa 2"
    assert [
        (m["resource_type"], m["field_name"], m["previous_value"], m["replacement_value"])
        for m in address["metadata"]
        if m["last_action_type"] == "update"
    ] == [("address", "address_1", "ul. Przykładowa 1", "ul. Nowa 2")]
    identifiers = {i["identifier_type"]: i for i in organization["organization_identifiers"]}
    assert [m["field_name"] for m in identifiers["NIP"]["metadata"]] == ["identifier"]

    # A service's metadata is its own history: created with the provider, renamed since.
    service = (await client.get(f"/hsds/services/{care['id']}")).json()
    validate("service.json", service)
    history = service["metadata"]
    assert {(m["resource_type"], m["resource_id"]) for m in history} == {("service", care["id"])}
    created = {m["field_name"] for m in history if m["last_action_type"] == "create"}
    assert created >= {"name", "description", "attributes", "service_areas", "minimum_age"}
    assert not created & INTERNAL_FIELDS
    renamed = [m for m in history if m["last_action_type"] == "update"]
    assert [(m["field_name"], m["previous_value"], m["replacement_value"]) for m in renamed] == [
        ("name", "Usługi opiekuńcze", "Usługi opiekuńcze w domu")
    ]
    assert len({m["id"] for m in history}) == len(history)
    # The other service, replaced by one without an id, starts its history anew.
    other = next(s for s in patched.json()["services"] if s["name"] == "Praca socjalna")
    fresh = (await client.get(f"/hsds/services/{other['id']}")).json()["metadata"]
    assert {m["last_action_type"] for m in fresh} == {"create"}


async def test_hsds_service_at_locations(
    client: httpx.AsyncClient, published_provider: dict[str, Any]
) -> None:
    page = (await client.get("/hsds/service_at_locations", params={"per_page": 1})).json()
    validate("page.json", page)
    assert (page["total_items"], page["total_pages"], page["size"]) == (2, 2, 1)
    links = [
        *page["contents"],
        *(await client.get("/hsds/service_at_locations", params={"page": 2, "per_page": 1})).json()[
            "contents"
        ],
    ]
    for link in links:
        validate("compiled/service_at_location_list.json", link)
        validate("service_at_location.json", link)
        assert link["location"]["latitude"] == 49.82
        assert link["location"]["longitude"] == 19.04
        assert "addresses" not in link["location"]  # one-to-one fields only
    assert {link["service"]["name"] for link in links} == {"Praca socjalna", "Usługi opiekuńcze"}
    assert len({link["location_id"] for link in links}) == 1
    assert {link["service_id"] for link in links} == {
        s["id"] for s in published_provider["services"]
    }

    full = (await client.get("/hsds/service_at_locations", params={"full": "true"})).json()
    for link in full["contents"]:
        validate("compiled/service_at_location.json", link)
        validate("service_at_location.json", link)
        address = link["location"]["addresses"][0]
        assert (address["address_1"], address["postal_code"]) == ("ul. Przykładowa 1", "43-300")
        assert link["metadata"]
        assert {m["resource_id"] for m in link["metadata"]} == {link["service_id"]}

    care = next(link for link in links if link["service"]["name"] == "Usługi opiekuńcze")
    one = await client.get(f"/hsds/service_at_locations/{care['id']}")
    assert one.status_code == 200, one.text
    validate("compiled/service_at_location.json", one.json())
    assert one.json()["service_id"] == care["service_id"]
    assert {a["taxonomy_term"]["code"] for a in one.json()["attributes"]} >= {"seniors"}

    filters: list[tuple[dict[str, Any], set[str]]] = [
        ({"search": "opiekuncze"}, {"Usługi opiekuńcze"}),
        ({"organization_id": published_provider["id"]}, {"Usługi opiekuńcze", "Praca socjalna"}),
        ({"organization_id": "6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0"}, set()),
        ({"modified_after": "2100-01-01T00:00:00Z"}, set()),
    ]
    taxonomies = (await client.get("/hsds/taxonomies")).json()["contents"]
    audience = next(t for t in taxonomies if t["name"] == "pl-target-group")
    kinds = next(t for t in taxonomies if t["name"] == "pl-provider-type")
    terms = (
        await client.get(
            "/hsds/taxonomy_terms", params={"taxonomy_id": audience["id"], "per_page": 100}
        )
    ).json()["contents"]
    families = next(t for t in terms if t["code"] == "families")
    filters += [
        ({"taxonomy_term_id": families["id"]}, {"Praca socjalna"}),
        ({"taxonomy_id": audience["id"]}, {"Usługi opiekuńcze", "Praca socjalna"}),
        ({"taxonomy_id": kinds["id"]}, set()),
        ({"taxonomy_id": audience["id"], "taxonomy_term_id": families["id"]}, {"Praca socjalna"}),
    ]
    for params, names in filters:
        found = (await client.get("/hsds/service_at_locations", params=params)).json()
        assert {link["service"]["name"] for link in found["contents"]} == names, params
        assert found["total_items"] == len(names), params


async def test_hsds_one_taxonomy_and_one_term(
    client: httpx.AsyncClient, published_provider: dict[str, Any]
) -> None:
    taxonomies = (await client.get("/hsds/taxonomies")).json()["contents"]
    for listed in taxonomies:
        one = await client.get(f"/hsds/taxonomies/{listed['id']}")
        assert one.status_code == 200
        validate("taxonomy.json", one.json())
        assert one.json() == listed
    areas = next(t for t in taxonomies if t["name"] == "pl-cus-service-area")
    terms = (
        await client.get("/hsds/taxonomy_terms", params={"taxonomy_id": areas["id"], "per_page": 5})
    ).json()["contents"]
    for listed in terms:
        one = (await client.get(f"/hsds/taxonomy_terms/{listed['id']}")).json()
        validate("taxonomy_term.json", one)
        assert one == {**listed, "taxonomy_detail": areas}
    # The terms a service's attributes name are the same objects.
    service_id = published_provider["services"][0]["id"]
    attribute = (await client.get(f"/hsds/services/{service_id}")).json()["attributes"][0]
    term = (await client.get(f"/hsds/taxonomy_terms/{attribute['taxonomy_term_id']}")).json()
    assert term == attribute["taxonomy_term"]


@pytest.mark.parametrize(
    "path",
    [
        "/hsds/taxonomies/6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0",
        "/hsds/taxonomy_terms/6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0",
        "/hsds/service_at_locations/6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0",
        "/hsds/services/6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0",
    ],
)
async def test_unknown_hsds_ids_are_404_problems(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert (await client.get(path.rsplit("/", 1)[0] + "/not-a-uuid")).status_code == 422


async def test_a_draft_service_is_at_no_location(client: httpx.AsyncClient, keys: Keys) -> None:
    created = await client.post("/v1/providers", json=provider_payload(), headers=keys.editor24)
    assert created.status_code == 201
    assert (await client.get("/hsds/service_at_locations")).json()["total_items"] == 0
    service_id = created.json()["services"][0]["id"]
    link = hsds.link_id(service_id)
    assert (await client.get(f"/hsds/service_at_locations/{link}")).status_code == 404
