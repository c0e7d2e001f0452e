"""Hostile input never gives a 500."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from catalog.routes.params import SearchQuery
from catalog.schemas import PracticeIn
from shared.pagination import MAX_LIMIT, MAX_OFFSET

Keys = Any

PUBLIC_GETS = [
    "/v1/practices?q=%00",
    "/v1/practices?category=%00",
    "/v1/practices?q=" + "a" * 201,
    "/v1/practices?q=%27%22%3B--%20DROP",
    "/v1/practices?q=%21%21%21%20%7C%20%26%20%3C-%3E",
    "/v1/practices?bbox=1e999,0,1,1",
    "/v1/practices?bbox=0,0,1e300,1",
    "/v1/practices?near=nan,1&radius_m=10",
    "/v1/practices?limit=0",
    "/v1/practices?limit=100000",
    "/v1/practices?offset=-1",
    "/v1/practices?year_from=abc",
    "/v1/practices?modified_after=yesterday",
    "/v1/practices?within=24-01",
    "/v1/practices/%00",
    "/v1/practices/" + "x" * 500,
    "/v1/providers?q=%00",
    "/v1/providers?sort=distance",
    "/hsds/services?search=%00",
    "/hsds/services?page=0",
    "/hsds/services?per_page=100000",
    "/hsds/organizations/123",
    "/hsds/taxonomy_terms?taxonomy_id=x",
    "/v1/feeds/practices.atom?limit=0",
    "/v1/practices:export?format=pdf",
]


@pytest.mark.parametrize("path", PUBLIC_GETS)
async def test_public_reads_never_fail_with_500(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code < 500, (path, response.text)
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"


async def test_hostile_writes_never_fail_with_500(
    client: httpx.AsyncClient, keys: Keys, practice_payload: Callable[..., dict[str, Any]]
) -> None:
    bodies: list[Any] = [
        practice_payload(title="a\x00b"),
        practice_payload(contact={"name": "\x00"}),
        practice_payload(links=[{"url": "https://example.org/\x00"}]),
        practice_payload(target_groups="seniors"),
        practice_payload(start_year=10**12),
        practice_payload(cost_amount_pln="1e400"),
        practice_payload(location={"lon": 500, "lat": 0}),
        practice_payload(partners=[{"name": "x", "support_type": "moral"}]),
        practice_payload(implementer_provider_id="6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0"),
        practice_payload(slug="Not A Slug"),
        [],
        "text",
        None,
    ]
    for body in bodies:
        response = await client.post("/v1/practices", json=body, headers=keys.editor24)
        assert response.status_code in (400, 403, 409, 422), (body, response.text)
    created = await client.post("/v1/practices", json=practice_payload(), headers=keys.editor24)
    pid = created.json()["id"]
    patches: list[Any] = [
        {"title": "\x00"},
        {"status": "published"},
        {"id": pid},
        {"slug": "x" * 200},
        {"location": None},
        {"area_tercs": None},
        [1, 2],
    ]
    for patch in patches:
        response = await client.patch(f"/v1/practices/{pid}", json=patch, headers=keys.editor24)
        assert response.status_code < 500, (patch, response.text)
    nul_csv = b"title;summary\r\nA\x00;B\r\n"
    upload = await client.post(
        "/v1/practices:import",
        content=nul_csv,
        headers={**keys.editor24, "Content-Type": "text/csv"},
    )
    assert upload.status_code == 422
    late_nul = ("title;summary\r\n" + "x;y\r\n" * 2000).encode() + b"A\x00;B\r\n"
    upload = await client.post(
        "/v1/practices:import",
        content=late_nul,
        headers={**keys.editor24, "Content-Type": "text/csv"},
    )
    assert upload.status_code == 200
    assert upload.json()["rejected"] == 2001


async def test_nul_in_any_field_of_a_practice_is_a_field_error(
    client: httpx.AsyncClient,
    keys: Keys,
    practice_payload: Callable[..., dict[str, Any]],
    nul_bodies: Callable[..., list[tuple[str, dict[str, Any]]]],
) -> None:
    created = await client.post("/v1/practices", json=practice_payload(), headers=keys.editor24)
    pid = created.json()["id"]
    cases = nul_bodies(PracticeIn, practice_payload())
    assert len(cases) > 40
    missed = []
    for field, body in cases:
        posted = await client.post("/v1/practices", json=body, headers=keys.editor24)
        patched = await client.patch(f"/v1/practices/{pid}", json=body, headers=keys.editor24)
        for response in (posted, patched):
            errors = response.json().get("errors") or []
            if response.status_code != 422 or {
                "field": field,
                "location": "body",
                "code": "nul",
            } not in [{k: e.get(k) for k in ("field", "location", "code")} for e in errors]:
                missed.append((field, response.request.method, response.status_code, errors))
    assert missed == []


LISTS = [
    "/v1/practices",
    "/v1/practices?q=seniorów",
    "/v1/practices?q=seniorów&sort=title",
    "/v1/practices?near=19.05,49.82&radius_m=50000&sort=distance",
    "/v1/providers?q=ośrodek",
    "/v1/manage/practices?q=seniorów&status=published",
    "/v1/manage/providers",
]


@pytest.mark.parametrize(
    "offset", ["2000000001", "2147483647", "2147483648", "9223372036854775808", "-1", "1e3"]
)
async def test_an_offset_past_the_bound_is_a_422_on_every_list(
    client: httpx.AsyncClient, keys: Keys, offset: str
) -> None:
    for path in LISTS:
        separator = "&" if "?" in path else "?"
        response = await client.get(f"{path}{separator}offset={offset}", headers=keys.editor24)
        assert response.status_code == 422, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert [error["field"] for error in response.json()["errors"]] == ["offset"]


async def test_the_last_page_reaches_the_database(
    client: httpx.AsyncClient, keys: Keys, publish_practice: Callable[..., Any]
) -> None:
    await publish_practice(location={"lon": 19.05, "lat": 49.82})
    last = f"offset={MAX_OFFSET}&limit={MAX_LIMIT}"
    for path in LISTS:
        separator = "&" if "?" in path else "?"
        response = await client.get(f"{path}{separator}{last}", headers=keys.editor24)
        assert response.status_code == 200, (path, response.text)
        body = response.json()
        key = "practices" if "practices" in path else "providers"
        assert body[key] == []
        if "seniorów" in path or "near" in path:
            # The search matched, then paged past its matches.
            assert body["numberMatched"] >= 1, (path, body)
    for path in ("/hsds/services", "/hsds/organizations", "/hsds/taxonomy_terms"):
        response = await client.get(path, params={"page": 100_000, "per_page": 500})
        assert response.status_code == 200, (path, response.text)
        assert response.json()["contents"] == []


@pytest.mark.parametrize("path", ["/v1/practices", "/v1/providers:export", "/v1/manage/providers"])
async def test_nul_in_any_query_parameter_is_a_field_error(
    client: httpx.AsyncClient, keys: Keys, path: str
) -> None:
    for name in SearchQuery.model_fields:
        response = await client.get(path, params={name: "a\x00"}, headers=keys.editor24)
        assert response.status_code == 422, (name, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert (name, "query") in {
            (error["field"], error["location"]) for error in response.json()["errors"]
        }, (name, response.text)
    hsds = await client.get("/hsds/organizations", params={"search": "\x00"})
    assert hsds.status_code == 422
