"""The public list examines a window of the first matches (search.SEARCH_WINDOW): its
total says whether it is exact, its items read exactly as the records of the detail endpoint,
and its relevance order is the exact search's."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from catalog import search_terms
from catalog.read import broad_words, search
from shared.db.raw import compile_sql
from shared.testing.plugin import raw_database

Keys = Any
Publish = Callable[..., Any]


@pytest.fixture
async def practices(publish_practice: Publish) -> list[dict[str, Any]]:
    return [
        await publish_practice(
            title="Klub seniora w Bielsku-Białej",
            summary="Spotkania dla seniorów; klub prowadzi ośrodek pomocy społecznej.",
            cost_amount_pln="1234.50",
            partners=[
                {"name": "Fundacja Łączy Nas", "role": "współprowadzący"},
                {
                    "name": "MOPS",
                    "support_type": "financial",
                    "provider_id": "6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0",
                    "role": "finansuje",
                },
            ],
            contact={
                "role": "koordynator",
                "phone": "33 123 45 67",
                "name": "Jan",
                "email": "j@example.org",
            },
            location={"lon": 19.0, "lat": 49.82},
            service_areas=["social_assistance", "housing"],
        ),
        await publish_practice(
            title="Mieszkania wspomagane dla seniorów",
            summary="Ośrodek pomocy prowadzi mieszkania dla osób starszych i seniorów.",
            contact=None,
            links=[],
            location=None,
            area_tercs=["0264011"],
            moderator="moderator02",
        ),
        await publish_practice(
            title="Asystent rodziny",
            summary="Wsparcie rodzin przeżywających trudności; także dziadkowie-seniorzy.",
            target_groups=["families"],
            location={"lon": 19.12, "lat": 50.81},
        ),
        await publish_practice(
            title="Teleopieka domowa",
            summary="Opaski bezpieczeństwa dla osób starszych mieszkających samotnie.",
            location={"lon": 18.6, "lat": 50.3},
        ),
    ]


async def test_items_read_exactly_as_the_records(
    client: httpx.AsyncClient, practices: list[dict[str, Any]]
) -> None:
    listing = await client.get("/v1/practices", params={"limit": 10})
    assert listing.status_code == 200
    assert listing.headers["content-type"] == "application/json"
    body = listing.json()
    assert body["numberMatched"] == 4
    assert body["numberMatchedRelation"] == "eq"
    assert list(body)[:4] == ["practices", "numberMatched", "numberReturned", "links"]
    for item in body["practices"]:
        detail = (await client.get(f"/v1/practices/{item['id']}")).json()
        detail["metadata"] = None
        # repr: the same keys in the same order and the same JSON types (19.0 is not 19).
        assert repr(item) == repr(detail)


async def test_provider_items_read_exactly_as_the_records(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    for name, services in (("Pierwszy", True), ("Drugi", False)):
        payload = {
            "name": f"{name} Ośrodek Testowy",
            "description": "Ośrodek pomocy społecznej.",
            "provider_type": "MOPS",
            "terc": "2461011",
            "city": "Bielsko-Biała",
            "location": {"lon": 19.04, "lat": 49.82} if services else None,
            "phones": [{"number": "+48 33 000 00 00", "type": "voice"}],
            "schedules": [{"byday": "MO,TU", "opens_at": "07:30", "closes_at": "15:30"}],
            "service_areas": ["social_assistance"],
            "services": [
                {"name": "Usługi opiekuńcze", "target_groups": ["seniors"], "minimum_age": 60},
                {"name": "Praca socjalna", "description": "Dla rodzin."},
            ]
            if services
            else [],
            "assured_date": "2026-01-15",
        }
        created = await client.post("/v1/providers", json=payload, headers=keys.moderator24)
        assert created.status_code == 201, created.text
        ref = created.json()["id"]
        assert (
            await client.post(f"/v1/providers/{ref}:publish", headers=keys.moderator24)
        ).is_success
    listing = (await client.get("/v1/providers", params={"q": "ośrodek testowy"})).json()
    assert listing["numberMatched"] == 2
    for item in listing["providers"]:
        detail = (await client.get(f"/v1/providers/{item['id']}")).json()
        detail["metadata"] = None
        # The list's score is the search's; the detail has none.
        assert item.pop("score") is not None
        detail.pop("score")
        assert repr(item) == repr(detail)


async def _public_and_exact(
    client: httpx.AsyncClient, keys: Keys, params: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The public list's page and the moderation queue's (the exact search: every match
    ranked, no window) for the same published records."""
    public = (await client.get("/v1/practices", params=params)).json()
    exact = await client.get(
        "/v1/manage/practices", params={**params, "status": "published"}, headers=keys.national
    )
    return public, exact.json()


async def test_relevance_order_is_the_exact_search_order(
    client: httpx.AsyncClient, keys: Keys, practices: list[dict[str, Any]]
) -> None:
    for q in ("seniorów", "ośrodek pomocy seniorów", "osrodek pomocy", "seniorzy rodziny"):
        for limit, offset in ((1, 0), (2, 1), (10, 0)):
            params = {"q": q, "limit": limit, "offset": offset}
            public, exact = await _public_and_exact(client, keys, params)
            assert public["numberMatched"] == exact["numberMatched"], q
            found = [(p["id"], p["score"]) for p in public["practices"]]
            expected = [(p["id"], p["score"]) for p in exact["practices"]]
            assert [i for i, _ in found] == [i for i, _ in expected], (q, limit, offset)
            assert [s for _, s in found] == pytest.approx([s for _, s in expected]), q


async def test_close_titles_below_the_best_ranks_still_reach_the_page(
    client: httpx.AsyncClient, keys: Keys, publish_practice: Publish
) -> None:
    # The page skips the title bonus of rows that cannot reach it, from a floor set by the
    # best-ranked rows' scores: bodies full of the words rank first by ts_rank, and titles
    # that are the query win by the bonus. The order is still the exact search's.
    for n in range(4):
        await publish_practice(
            title=f"Program wsparcia numer {n}",
            summary="Klub seniora i klub seniorów: " + "klub seniorów, " * (n + 2),
        )
    for title in ("Klub seniorów", "Seniorzy w klubie", "Klub"):
        await publish_practice(title=title, summary="Spotkania raz w tygodniu.")
    for q in ("klub seniorów", "klub", "seniorzy klub"):
        for limit, offset in ((1, 0), (2, 0), (3, 1), (10, 0)):
            params = {"q": q, "limit": limit, "offset": offset}
            public, exact = await _public_and_exact(client, keys, params)
            found = [(p["title"], p["score"]) for p in public["practices"]]
            expected = [(p["title"], p["score"]) for p in exact["practices"]]
            assert [t for t, _ in found] == [t for t, _ in expected], (q, limit, offset)
            assert [s for _, s in found] == pytest.approx([s for _, s in expected]), q
    first = (await client.get("/v1/practices", params={"q": "klub seniorów", "limit": 1})).json()
    assert first["practices"][0]["title"] == "Klub seniorów"


@pytest.fixture
def window(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """``window(n)``: the public search examines at most n matches for this test."""

    def examine(size: int) -> None:
        monkeypatch.setattr(search, "SEARCH_WINDOW", size)

    return examine


async def test_broad_searches_say_their_total_is_a_lower_bound(
    client: httpx.AsyncClient, practices: list[dict[str, Any]], window: Callable[[int], None]
) -> None:
    window(3)
    everything = (await client.get("/v1/practices", params={"facets": "true"})).json()
    assert everything["numberMatched"] == 3
    assert everything["numberMatchedRelation"] == "gte"
    # Facets are counted among the examined matches: lower bounds of the real counts.
    assert sum(everything["facets"]["voivodeship"].values()) == 3
    assert set(everything["facets"]) == {
        "service_areas",
        "target_groups",
        "categories",
        "lifecycle_status",
        "evidence_level",
        "voivodeship",
    }
    # Ordered by date, pages go on past the window until a page is not full.
    first = (await client.get("/v1/practices", params={"limit": 2})).json()
    assert first["numberMatchedRelation"] == "gte"
    assert any(link["rel"] == "next" for link in first["links"])
    second = (await client.get("/v1/practices", params={"limit": 2, "offset": 2})).json()
    assert second["numberReturned"] == 2
    assert any(link["rel"] == "next" for link in second["links"])
    seen = {p["id"] for p in first["practices"]} | {p["id"] for p in second["practices"]}
    assert seen == {p["id"] for p in practices}
    third = (await client.get("/v1/practices", params={"limit": 2, "offset": 4})).json()
    assert third["numberReturned"] == 0
    assert not any(link["rel"] == "next" for link in third["links"])
    # Relevance ranks the window: no page past it.
    ranked = (await client.get("/v1/practices", params={"q": "seniorów", "limit": 2})).json()
    assert ranked["numberMatched"] == 3
    assert ranked["numberMatchedRelation"] == "gte"
    scores = [p["score"] for p in ranked["practices"]]
    assert scores == sorted(scores, reverse=True)
    last = (await client.get("/v1/practices", params={"q": "seniorów", "offset": 2})).json()
    assert last["numberReturned"] == 1
    assert not any(link["rel"] == "next" for link in last["links"])
    # Few enough matches: exact again.
    narrow = (await client.get("/v1/practices", params={"q": "teleopieka"})).json()
    assert (narrow["numberMatched"], narrow["numberMatchedRelation"]) == (1, "eq")


async def test_distance_order_past_the_window(
    client: httpx.AsyncClient, practices: list[dict[str, Any]], window: Callable[[int], None]
) -> None:
    window(2)
    near = {"near": "19.0,50.0", "radius_m": 300_000, "sort": "distance", "limit": 10}
    body = (await client.get("/v1/practices", params=near)).json()
    assert body["numberMatchedRelation"] == "gte"
    distances = [p["distance_m"] for p in body["practices"]]
    assert len(distances) == 3
    assert distances == sorted(distances)


async def test_distance_order_keeps_to_the_circle(
    client: httpx.AsyncClient, keys: Keys, practices: list[dict[str, Any]]
) -> None:
    # Klub seniora (19.0, 49.82) is 53 km away, Asystent rodziny (19.12, 50.81) 57 km: both in
    # the box around the 55 km circle, only the first in it.
    near = {"near": "19.0,50.3", "radius_m": 55_000, "sort": "distance"}
    body = (await client.get("/v1/practices", params=near)).json()
    assert [p["title"] for p in body["practices"]] == [
        "Teleopieka domowa",
        "Klub seniora w Bielsku-Białej",
    ]
    assert all(p["distance_m"] <= 55_000 for p in body["practices"])
    exact = await client.get(
        "/v1/manage/practices", params={**near, "status": "published"}, headers=keys.national
    )
    assert [p["id"] for p in exact.json()["practices"]] == [p["id"] for p in body["practices"]]


async def test_distances_are_postgis_distances_on_the_sphere(
    client: httpx.AsyncClient, practices: list[dict[str, Any]], db_session: AsyncSession
) -> None:
    # search.DISTANCE is the haversine on the coordinates: what ST_Distance on the sphere
    # gives (PostGIS's mean radius), to well under a millimetre.
    near = {"near": "19.5,50.4", "radius_m": 200_000, "sort": "distance"}
    body = (await client.get("/v1/practices", params=near)).json()
    assert len(body["practices"]) == 3
    for practice in body["practices"]:
        lon, lat = practice["location"]["lon"], practice["location"]["lat"]
        postgis = await db_session.scalar(
            text(
                "SELECT ST_Distance(geography(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)), "
                "geography(ST_SetSRID(ST_MakePoint(19.5, 50.4), 4326)), false)"
            ),
            {"lon": lon, "lat": lat},
        )
        assert practice["distance_m"] == pytest.approx(postgis, abs=1e-3)


async def test_distance_order_with_the_fallback_is_the_exact_order(
    client: httpx.AsyncClient, keys: Keys, practices: list[dict[str, Any]]
) -> None:
    # "teleopieka rodziny": no practice holds both words, so the search falls back to those
    # holding one; by distance, the nearest of them first, all of them in the window (the
    # fallback is not cut short), as in the exact list.
    near = {"q": "teleopieka rodziny", "near": "19.1,50.7", "radius_m": 60_000, "sort": "distance"}
    public, exact = await _public_and_exact(client, keys, near)
    assert [p["title"] for p in public["practices"]] == ["Asystent rodziny", "Teleopieka domowa"]
    assert [p["id"] for p in public["practices"]] == [p["id"] for p in exact["practices"]]
    distances = [p["distance_m"] for p in public["practices"]]
    assert distances == sorted(distances)
    assert (public["numberMatched"], public["numberMatchedRelation"]) == (2, "eq")


async def test_openapi_documents_the_relation(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()
    page = schema["components"]["schemas"]["PracticePage"]
    assert "numberMatchedRelation" in page["properties"]
    assert "gte" in page["properties"]["numberMatchedRelation"]["description"]
    listed = schema["paths"]["/v1/practices"]["get"]["responses"]["200"]
    assert listed["content"]["application/json"]["schema"]["$ref"].endswith("/PracticePage")


async def test_broad_words_are_read_from_the_table(
    client: httpx.AsyncClient,
    practices: list[dict[str, Any]],
    db_session: AsyncSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A GIN index dear to read: every query whose terms some practices share reads the
    # table in its own order, and answers exactly as the index would.
    await db_session.execute(text("ANALYZE catalog.practice"))
    monkeypatch.setattr(broad_words.BroadWords, "GIN_ENTRY_US", 1e6)
    monkeypatch.setattr(broad_words, "BROAD_WORDS", broad_words.BroadWords())

    async def answers() -> list[Any]:
        found = []
        for q in (
            "seniorów",
            "seniorow",
            "ośrodek pomocy seniorów",
            "teleopieka",
            "teleopieka rodziny",  # no record holds both: the fallback reads the table too
        ):
            body = (await client.get("/v1/practices", params={"q": q, "facets": "true"})).json()
            found.append(
                (
                    [(p["id"], p["score"]) for p in body["practices"]],
                    body["numberMatched"],
                    body["facets"],
                )
            )
        return found

    read_from_table = await answers()
    assert broad_words.BROAD_WORDS.rows["practice"] == len(practices)
    assert broad_words.BROAD_WORDS.least("practice", 500) < 0.01
    # A GIN index free to read: every query from the index.
    monkeypatch.setattr(broad_words.BroadWords, "GIN_ENTRY_US", 0.0)
    assert broad_words.BroadWords().least("practice", 500) == math.inf
    monkeypatch.setattr(broad_words, "BROAD_WORDS", broad_words.BroadWords())
    assert await answers() == read_from_table


async def test_searches_go_on_without_text_statistics() -> None:
    class Unreadable:
        async def fetch(self, sql: str, *arguments: Any) -> list[Any]:
            raise PermissionError("pg_stats")

    broad = broad_words.BroadWords()
    await broad.refresh(Unreadable())  # type: ignore[arg-type]
    assert broad.rows == {}
    assert broad.least("practice", 500) == math.inf


async def test_the_fast_path_answers_as_the_route(
    app: FastAPI, client: httpx.AsyncClient, practices: list[dict[str, Any]]
) -> None:
    requests = [
        ("/v1/practices", {"q": "seniorów", "facets": "true", "limit": 2}),
        ("/v1/practices", {"service_area": ["housing", "social_assistance"], "offset": 1}),
        ("/v1/providers", {"q": "ośrodek", "bbox": "14,49,24,55"}),
        ("/v1/practices", {"near": "19.0,50.0", "sort": "distance", "limit": 3}),
    ]
    fast = [await client.get(path, params=params) for path, params in requests]
    # The fast paths registered (shared.web.add_fast_path), one a public list.
    assert [template for _, template, _ in app.state.fast_paths] == [
        "/v1/practices",
        "/v1/providers",
    ]
    registered = list(app.state.fast_paths)
    app.state.fast_paths.clear()  # every list to the route
    try:
        routed = [await client.get(path, params=params) for path, params in requests]
    finally:
        app.state.fast_paths.extend(registered)
    assert [r.json() for r in fast] == [r.json() for r in routed]
    assert [r.headers["content-type"] for r in fast] == [r.headers["content-type"] for r in routed]
    assert fast[0].json()["numberReturned"] == 2
    # Metrics label the answers of the fast path with the route's template.
    assert 'route="/v1/practices"' in (await client.get("/metrics")).text
    # Parameters that do not validate go to the route, which answers with problem+json.
    bad = await client.get("/v1/practices", params={"limit": 0})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "limit"


async def _broadness(
    db_session: AsyncSession, expression: str, least: str
) -> Callable[[str, float], Awaitable[bool]]:
    """Whether a query is broad by ``expression`` (``search_terms.*_BROAD``) against the
    threshold parameter ``least``, on the test's practices."""
    reader = await raw_database(db_session, role="socmap_catalog")
    statement = compile_sql(
        f"WITH {search_terms.TEXT_QUERY_CTE['practice']} SELECT {expression} AS broad"
    )

    async def broad(q: str, threshold: float) -> bool:
        query = search_terms.analyse(q)
        assert query is not None
        values = {**query.parameters(["published"]), least: threshold}
        rows = await reader.fetch(statement.sql, *statement.arguments(values))
        return bool(rows[0]["broad"])

    return broad


@pytest.mark.usefixtures("practices")
async def test_a_query_is_as_broad_as_its_terms_together(db_session: AsyncSession) -> None:
    # search_terms.ALL_TERMS_BROAD: the product of the terms' shares of the records times
    # the least of them (a word is as common as its commonest form), against :broad_least.
    broad = await _broadness(db_session, search_terms.ALL_TERMS_BROAD, "broad_least")
    # A word's share is that of its commonest form: "seniorów" in two practices of four
    # ("seniora", "seniorzy" in one each), "seniorzy" alike; "teleopieka" in one.
    assert await broad("seniorów", 0.24)  # 0.5 * 0.5
    assert await broad("seniorzy", 0.24)
    assert not await broad("teleopieka", 0.24)  # 0.25 * 0.25
    assert await broad("teleopieka", 0.06)
    assert not await broad("seniorów teleopieka", 0.06)  # 0.5 * 0.25 * 0.25
    assert not await broad("seniorów zzzxxyq", 1e-6)  # a word no record holds is rare


@pytest.mark.usefixtures("practices")
async def test_a_fallback_is_as_broad_as_its_commonest_terms(db_session: AsyncSession) -> None:
    # search_terms.MOST_TERMS_BROAD: the records holding ``need`` of the terms are at least
    # the share of the ``need`` commonest together; the GIN index reads every term's list.
    broad = await _broadness(db_session, search_terms.MOST_TERMS_BROAD, "broad_most_least")
    # One of two: the commoner word's share times the sum of both, 0.5 * (0.5 + 0.25).
    assert await broad("seniorów teleopieka", 0.37)
    assert not await broad("seniorów teleopieka", 0.38)
    # Two of three: the two commonest together, 0.5 * 0.5 * (0.5 + 0.5 + 0.25).
    assert await broad("seniorów seniorzy teleopieka", 0.31)
    assert not await broad("seniorów seniorzy teleopieka", 0.32)
