from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

Keys = Any
Payload = Callable[..., dict[str, Any]]


async def test_create_needs_a_key_with_the_edit_scope(
    client: httpx.AsyncClient, keys: Keys, practice_payload: Payload
) -> None:
    missing = await client.post("/v1/practices", json=practice_payload())
    assert missing.status_code == 401
    assert missing.headers["content-type"] == "application/problem+json"
    bad = await client.post(
        "/v1/practices", json=practice_payload(), headers={"Authorization": "Bearer sm_x_y"}
    )
    assert bad.status_code == 401
    wrong_scope = await client.post("/v1/practices", json=practice_payload(), headers=keys.reader24)
    assert wrong_scope.status_code == 403


async def test_draft_to_published_to_archived(
    client: httpx.AsyncClient, keys: Keys, practice_payload: Payload
) -> None:
    created = await client.post("/v1/practices", json=practice_payload(), headers=keys.editor24)
    assert created.status_code == 201, created.text
    practice = created.json()
    assert practice["status"] == "draft"
    assert practice["voivodeship"] == "24"
    assert practice["slug"] == "osrodek-wsparcia-dla-seniorow-w-bielsku-bialej"
    assert practice["contact"]["phone"] == "+48331234567"
    pid = practice["id"]

    # Drafts are invisible to the public, by id, by slug and in lists.
    assert (await client.get(f"/v1/practices/{pid}")).status_code == 404
    assert (await client.get(f"/v1/practices/{practice['slug']}")).status_code == 404
    assert (await client.get("/v1/practices")).json()["numberMatched"] == 0
    # ...but the editor sees them.
    managed = await client.get(f"/v1/manage/practices/{pid}", headers=keys.editor24)
    assert managed.status_code == 200
    assert managed.json()["status"] == "draft"

    # An editor cannot publish.
    assert (
        await client.post(f"/v1/practices/{pid}:publish", headers=keys.editor24)
    ).status_code == 403
    submitted = await client.post(f"/v1/practices/{pid}:submit", headers=keys.editor24)
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted"
    again = await client.post(f"/v1/practices/{pid}:submit", headers=keys.editor24)
    assert again.status_code == 409

    queue = await client.get("/v1/manage/practices", headers=keys.moderator24)
    assert [item["id"] for item in queue.json()["practices"]] == [pid]

    published = await client.post(f"/v1/practices/{pid}:publish", headers=keys.moderator24)
    assert published.status_code == 200
    assert published.json()["published_at"]
    public = await client.get(f"/v1/practices/{practice['slug']}")
    assert public.status_code == 200
    history = public.json()["metadata"]
    actions = [entry["last_action_type"] for entry in history]
    assert "create" in actions
    assert "submit" in actions
    assert "publish" in actions
    status_changes = [e for e in history if e["field_name"] == "status"]
    assert status_changes[-1]["previous_value"] == "submitted"
    assert status_changes[-1]["replacement_value"] == "published"
    assert status_changes[-1]["updated_by"] == "ROPS test moderator24"

    # Editors cannot change a published record; moderators can, and it is logged per field.
    assert (
        await client.patch(f"/v1/practices/{pid}", json={"summary": "x"}, headers=keys.editor24)
    ).status_code == 403
    patched = await client.patch(
        f"/v1/practices/{pid}", json={"summary": "Nowe streszczenie."}, headers=keys.moderator24
    )
    assert patched.status_code == 200, patched.text
    change = [e for e in patched.json()["metadata"] if e["field_name"] == "summary"][-1]
    assert change["previous_value"].startswith("Dzienny ośrodek")
    assert change["replacement_value"] == "Nowe streszczenie."
    assert change["last_action_type"] == "update"

    archived = await client.post(f"/v1/practices/{pid}:archive", headers=keys.moderator24)
    assert archived.status_code == 200
    assert (await client.get(f"/v1/practices/{pid}")).status_code == 404
    assert (
        await client.patch(f"/v1/practices/{pid}", json={"summary": "y"}, headers=keys.moderator24)
    ).status_code == 409
    unknown_action = await client.post(f"/v1/practices/{pid}:explode", headers=keys.moderator24)
    assert unknown_action.status_code == 422


async def test_editor_of_another_voivodeship_is_forbidden(
    client: httpx.AsyncClient, keys: Keys, practice_payload: Payload
) -> None:
    created = await client.post("/v1/practices", json=practice_payload(), headers=keys.editor24)
    pid = created.json()["id"]
    patch = await client.patch(
        f"/v1/practices/{pid}", json={"title": "Przejęte"}, headers=keys.editor02
    )
    assert patch.status_code == 403
    assert (
        await client.post(f"/v1/practices/{pid}:submit", headers=keys.editor02)
    ).status_code == 403
    assert (
        await client.post(f"/v1/practices/{pid}:publish", headers=keys.moderator02)
    ).status_code == 403
    assert (
        await client.get(f"/v1/manage/practices/{pid}", headers=keys.editor02)
    ).status_code == 403
    # A record of no voivodeship (national, foreign) is written by a national key only.
    foreign = practice_payload(country="IT", area_tercs=[], voivodeship=None)
    national = await client.post("/v1/practices", json=foreign, headers=keys.national)
    assert national.status_code == 201
    assert national.json()["voivodeship"] is None
    nid = national.json()["id"]
    assert (
        await client.patch(f"/v1/practices/{nid}", json={"title": "X y z"}, headers=keys.editor24)
    ).status_code == 403


async def test_invalid_input_is_a_422_problem_and_writes_nothing(
    client: httpx.AsyncClient, keys: Keys, practice_payload: Payload
) -> None:
    cases = {
        "target_groups": practice_payload(target_groups=["martians"]),
        "service_areas": practice_payload(service_areas=["space_travel"]),
        "categories": practice_payload(categories=["nope"]),
        "links.0.url": practice_payload(links=[{"url": "javascript:alert(1)"}]),
        "contact.email": practice_payload(contact={"email": "not-an-email"}),
        "contact.phone": practice_payload(contact={"phone": "12ab"}),
        "title": practice_payload(title="x" * 301),
        "area_tercs.0": practice_payload(area_tercs=["24610"]),
        "start_year": practice_payload(start_year=2020, end_year=2010),
        "unknown_field": practice_payload(unknown_field=1),
    }
    for field, payload in cases.items():
        response = await client.post("/v1/practices", json=payload, headers=keys.editor24)
        assert response.status_code == 422, (field, response.text)
        body = response.json()
        assert body["type"] == "urn:socmap:problem:validation-error"
        if field != "start_year":
            fields = [e["field"].replace("[", ".").replace("]", "") for e in body["errors"]]
            assert any(field in name for name in fields), (field, body)
    broken = await client.post(
        "/v1/practices",
        content=b'{"title": ',
        headers={**keys.editor24, "Content-Type": "application/json"},
    )
    assert broken.status_code == 422
    listing = await client.get("/v1/manage/practices?status=draft", headers=keys.editor24)
    assert listing.json()["numberMatched"] == 0
    unknown = await client.patch(
        "/v1/practices/does-not-exist", json={"title": "abc"}, headers=keys.editor24
    )
    assert unknown.status_code == 404
    bad_patch = await client.post("/v1/practices", json=practice_payload(), headers=keys.editor24)
    pid = bad_patch.json()["id"]
    invalid = await client.patch(
        f"/v1/practices/{pid}", json={"target_groups": ["martians"]}, headers=keys.editor24
    )
    assert invalid.status_code == 422
    still = await client.get(f"/v1/manage/practices/{pid}", headers=keys.editor24)
    assert still.json()["target_groups"] == ["seniors"]


async def test_html_is_stored_as_text(
    client: httpx.AsyncClient, keys: Keys, practice_payload: Payload
) -> None:
    title = '<script>alert("x")</script> Pomoc <b>sąsiedzka</b>'
    created = await client.post(
        "/v1/practices", json=practice_payload(title=title), headers=keys.editor24
    )
    assert created.status_code == 201
    assert created.json()["title"] == title


def _faults(response: httpx.Response) -> set[tuple[str, str]]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return {(error["field"], error["code"]) for error in response.json()["errors"]}


OUTSIDE_KEY = "outside_key_territory"
TERRITORIES: list[tuple[dict[str, Any], set[tuple[str, str]]]] = [
    # Abroad: no voivodeship, hence a national key's (never the editor's voivodeship).
    ({"country": "DE", "area_tercs": []}, {("country", OUTSIDE_KEY)}),
    (
        {"country": "DE", "voivodeship": "24", "area_tercs": []},
        {("voivodeship", "outside_country"), ("country", OUTSIDE_KEY)},
    ),
    ({"country": "DE"}, {("area_tercs[0]", "outside_country"), ("country", OUTSIDE_KEY)}),
    # The area lies in the record's voivodeship, and that in the key's territory.
    ({"voivodeship": "24", "area_tercs": ["0201011"]}, {("area_tercs[0]", "outside_voivodeship")}),
    ({"voivodeship": "02", "area_tercs": []}, {("voivodeship", OUTSIDE_KEY)}),
    ({"area_tercs": ["0201011"]}, {("area_tercs[0]", OUTSIDE_KEY), ("voivodeship", OUTSIDE_KEY)}),
    (
        {"area_tercs": ["2461011", "0201011"]},
        {("area_tercs[1]", OUTSIDE_KEY), ("voivodeship", OUTSIDE_KEY)},
    ),
    # Codes of no voivodeship.
    ({"voivodeship": "99"}, {("voivodeship", "value_error")}),
    ({"area_tercs": ["9961011"]}, {("area_tercs[0]", "value_error")}),
]


@pytest.mark.parametrize(("fields", "faults"), TERRITORIES)
async def test_a_practice_is_written_inside_the_key_territory(
    client: httpx.AsyncClient,
    keys: Keys,
    practice_payload: Payload,
    fields: dict[str, Any],
    faults: set[tuple[str, str]],
) -> None:
    created = await client.post(
        "/v1/practices", json=practice_payload(**fields), headers=keys.editor24
    )
    assert _faults(created) == faults
    # The same fields patched into a practice of the key's voivodeship.
    pid = (
        await client.post("/v1/practices", json=practice_payload(), headers=keys.editor24)
    ).json()["id"]
    patched = await client.patch(f"/v1/practices/{pid}", json=fields, headers=keys.editor24)
    assert patched.status_code == 422, patched.text
    stored = (await client.get(f"/v1/manage/practices/{pid}", headers=keys.editor24)).json()
    assert (stored["country"], stored["voivodeship"], stored["area_tercs"]) == (
        "PL",
        "24",
        ["2461011"],
    )


async def test_a_national_key_writes_any_consistent_territory(
    client: httpx.AsyncClient, keys: Keys, practice_payload: Payload
) -> None:
    spanning = await client.post(
        "/v1/practices",
        json=practice_payload(area_tercs=["2461011", "0201011"]),
        headers=keys.national,
    )
    assert spanning.status_code == 201, spanning.text
    assert spanning.json()["voivodeship"] is None
    abroad = practice_payload(country="DE", voivodeship="24", area_tercs=[])
    assert _faults(await client.post("/v1/practices", json=abroad, headers=keys.national)) == {
        ("voivodeship", "outside_country")
    }
    within = practice_payload(voivodeship="24", area_tercs=["2461011", "0201011"])
    assert _faults(await client.post("/v1/practices", json=within, headers=keys.national)) == {
        ("area_tercs[1]", "outside_voivodeship")
    }


async def test_a_polish_practice_without_a_territory_belongs_to_the_key_voivodeship(
    client: httpx.AsyncClient, keys: Keys, practice_payload: Payload
) -> None:
    created = await client.post(
        "/v1/practices", json=practice_payload(area_tercs=[]), headers=keys.editor24
    )
    assert created.status_code == 201, created.text
    assert created.json()["voivodeship"] == "24"
    # Patches that leave the territory alone are not checked again.
    patched = await client.patch(
        f"/v1/practices/{created.json()['id']}", json={"title": "Nowy tytuł"}, headers=keys.editor24
    )
    assert patched.status_code == 200, patched.text
