from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession

from shared.testing.plugin import as_role

Keys = Any
Publish = Callable[..., Any]


def titles(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["title"] for item in response.json()["practices"]]


@pytest.fixture
async def corpus(publish_practice: Publish) -> dict[str, dict[str, Any]]:
    records = {
        "osrodek": await publish_practice(
            title="Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze",
            summary="Usługi opiekuńcze dla osób bezdomnych w mieście.",
            target_groups=["homeless"],
            service_areas=["social_assistance", "housing"],
            categories=["homelessness"],
            lifecycle_status="evaluated",
            evidence_level="evaluated_external",
            start_year=2008,
            end_year=2010,
            location={"lon": 19.04, "lat": 49.82},
        ),
        "senior": await publish_practice(
            title="Klub senior plus",
            summary="Spotkania i zajęcia ruchowe.",
            target_groups=["seniors"],
            service_areas=["civic_engagement"],
            categories=[],
            start_year=2019,
            end_year=None,
            location={"lon": 19.12, "lat": 50.81},
            area_tercs=["2464011"],
        ),
        "kooperacja": await publish_practice(
            title="Kooperacja Plus: mapa problemów społecznych",
            summary="Wspólna diagnoza instytucji miasta, także dla seniorów.",
            target_groups=["professionals"],
            service_areas=["social_assistance"],
            categories=["poverty"],
            location=None,
            area_tercs=["2461011"],
        ),
        "wroclaw": await publish_practice(
            moderator="moderator02",
            title="Mieszkania treningowe we Wrocławiu",
            summary="Usamodzielnienie osób opuszczających placówki.",
            target_groups=["children_youth"],
            service_areas=["housing"],
            categories=[],
            area_tercs=["0264011"],
            location={"lon": 17.03, "lat": 51.11},
        ),
    }
    return records


async def test_polish_inflection_diacritics_and_typos(
    client: httpx.AsyncClient, corpus: dict[str, Any]
) -> None:
    # Inflected forms match their lemmas.
    assert titles(await client.get("/v1/practices", params={"q": "ośrodkach"}))[0].startswith(
        "Ośrodek"
    )
    assert "Klub senior plus" in titles(await client.get("/v1/practices", params={"q": "seniorów"}))
    assert titles(
        await client.get("/v1/practices", params={"q": "ośrodkach usługą opiekuńczą bezdomnym"})
    ) == ["Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze"]
    # Typed without diacritics.
    assert titles(await client.get("/v1/practices", params={"q": "osrodek pomocy spolecznej"})) == [
        "Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze"
    ]
    # A word typed without diacritics is read as the records write it, and its lemma then
    # finds its other forms ("społecznych" for "spolecznej").
    assert set(titles(await client.get("/v1/practices", params={"q": "spolecznej"}))) == {
        "Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze",
        "Kooperacja Plus: mapa problemów społecznych",
    }
    # A word the query excludes excludes in any form, typed with diacritics or without.
    for q in ("usługi -bezdomnym", "uslugi -bezdomnym"):
        assert titles(await client.get("/v1/practices", params={"q": q})) == [], q
    assert titles(await client.get("/v1/practices", params={"q": "uslugi -seniorom"})) == [
        "Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze"
    ]
    # A typo in the title still finds it.
    assert titles(await client.get("/v1/practices", params={"q": "Kooperajca Plus"}))[0].startswith(
        "Kooperacja"
    )
    # Nothing for nonsense.
    assert titles(await client.get("/v1/practices", params={"q": "zzzxxyq"})) == []


async def test_misspelt_words_are_corrected(
    client: httpx.AsyncClient, keys: Keys, corpus: dict[str, Any]
) -> None:
    typo = (await client.get("/v1/practices", params={"q": "Kooperajca Plus"})).json()
    assert typo["correctedQuery"] == "Kooperacja Plus"
    # The syntax of the query stays: quotes, and the minus that excludes a word (the
    # Kooperacja summary holds a "diagnoza").
    quoted = await client.get("/v1/practices", params={"q": '"kooperajca" -diagnoza'})
    assert quoted.json()["correctedQuery"] == '"kooperacja" -diagnoza'
    assert titles(quoted) == []
    # A typo in a word of a summary, not of a title.
    body = await client.get("/v1/practices", params={"q": "diangoza", "facets": "true"})
    assert titles(body) == ["Kooperacja Plus: mapa problemów społecznych"]
    assert body.json()["correctedQuery"] == "diagnoza"
    assert body.json()["facets"]["categories"] == {"poverty": 1}
    # Words spelled right are left alone: when the other filters exclude their records, and
    # when no record holds them (the Polish dictionary knows "ruchome", which is no typo of
    # "ruchowe").
    for params in (
        {"q": "senior"},
        {"q": "senior", "territory": "02"},
        {"q": "ruchome"},
        {"q": "zzzxxyq"},
    ):
        assert "correctedQuery" not in (await client.get("/v1/practices", params=params)).json()
    # The exact search (the moderation list, HSDS, exports) corrects as well.
    managed = await client.get(
        "/v1/manage/practices",
        params={"q": "kooperajca", "status": "published"},
        headers=keys.moderator24,
    )
    assert [p["title"] for p in managed.json()["practices"]] == [
        "Kooperacja Plus: mapa problemów społecznych"
    ]


async def test_only_words_of_published_records_correct_a_search(
    client: httpx.AsyncClient,
    keys: Keys,
    corpus: dict[str, Any],
    practice_payload: Callable[..., dict[str, Any]],
    db_session: AsyncSession,
) -> None:
    async def search(q: str) -> dict[str, Any]:
        response = await client.get("/v1/practices", params={"q": q})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    created = await client.post(
        "/v1/practices",
        json=practice_payload(title="Hipoterapia w Ustroniu", summary="Zajęcia z końmi."),
        headers=keys.editor24,
    )
    pid = created.json()["id"]
    # A draft's words would tell what unpublished records say: never a correction.
    unpublished = await search("hipoterapai")
    assert unpublished["numberMatched"] == 0
    assert "correctedQuery" not in unpublished
    await client.post(f"/v1/practices/{pid}:submit", headers=keys.editor24)
    await client.post(f"/v1/practices/{pid}:publish", headers=keys.moderator24)
    published = await search("hipoterapai")
    assert published["correctedQuery"] == "hipoterapia"
    assert [p["title"] for p in published["practices"]] == ["Hipoterapia w Ustroniu"]
    # An edit of a published record counts its new words and forgets the old ones.
    await client.patch(
        f"/v1/practices/{pid}", json={"title": "Dogoterapia w Ustroniu"}, headers=keys.moderator24
    )
    assert (await search("dogoterapai"))["correctedQuery"] == "dogoterapia"
    assert "correctedQuery" not in await search("hipoterapai")
    await client.post(f"/v1/practices/{pid}:archive", headers=keys.moderator24)
    assert "correctedQuery" not in await search("dogoterapai")

    # The counts the triggers keep equal a count from scratch, deletions included, and the
    # unaccented words are the records' own, typed without diacritics.
    await db_session.execute(
        text("DELETE FROM catalog.practice WHERE id = :id"), {"id": corpus["senior"]["id"]}
    )
    kept = await db_session.execute(
        text("SELECT word, documents FROM catalog.practice_word WHERE documents <> 0")
    )
    texts = (
        "title, summary, problem_addressed, description, method, results, implementer_name, "
        "place, transferability"
    )
    recounted = await db_session.execute(
        text(
            "SELECT word, count(*) FROM catalog.practice, unnest(tsvector_to_array("
            f"to_tsvector('simple', concat_ws(' ', {texts})))) AS word "
            "WHERE status = 'published' GROUP BY word"
        )
    )
    assert dict(kept.all()) == dict(recounted.all())
    plain = await db_session.execute(
        text(
            "SELECT DISTINCT plain FROM catalog.practice_word WHERE documents > 0 EXCEPT ALL "
            "SELECT DISTINCT word FROM catalog.practice, "
            "unnest(tsvector_to_array(to_tsvector('catalog.pl_unaccent', "
            f"concat_ws(' ', {texts})))) AS word WHERE status = 'published'"
        )
    )
    assert plain.all() == []


async def test_title_weighs_more_than_the_body(
    client: httpx.AsyncClient, corpus: dict[str, Any]
) -> None:
    # "senior" is in one title and in another summary ("dla seniorów").
    found = titles(await client.get("/v1/practices", params={"q": "senior"}))
    assert found[0] == "Klub senior plus"
    assert any(title.startswith("Kooperacja") for title in found[1:])
    scores = [p["score"] for p in (await client.get("/v1/practices?q=senior")).json()["practices"]]
    assert scores == sorted(scores, reverse=True)


async def test_filters_facets_sort_and_pages(
    client: httpx.AsyncClient, corpus: dict[str, Any]
) -> None:
    everything = await client.get("/v1/practices", params={"facets": "true", "limit": 2})
    body = everything.json()
    assert body["numberMatched"] == 4
    assert body["numberReturned"] == 2
    assert any(link["rel"] == "next" for link in body["links"])
    assert body["facets"]["service_areas"]["social_assistance"] == 2
    assert body["facets"]["service_areas"]["housing"] == 2
    assert body["facets"]["voivodeship"] == {"24": 3, "02": 1}
    second = await client.get("/v1/practices", params={"limit": 2, "offset": 2})
    assert second.json()["numberReturned"] == 2
    assert {p["id"] for p in body["practices"]}.isdisjoint(
        {p["id"] for p in second.json()["practices"]}
    )

    assert titles(await client.get("/v1/practices?service_area=housing&target_group=homeless")) == [
        "Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze"
    ]
    assert (
        len(
            titles(
                await client.get("/v1/practices?service_area=housing&service_area=civic_engagement")
            )
        )
        == 3
    )
    assert titles(await client.get("/v1/practices?category=poverty"))[0].startswith("Kooperacja")
    assert titles(
        await client.get("/v1/practices?evidence=evaluated_external&lifecycle=evaluated")
    ) == ["Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze"]
    assert titles(await client.get("/v1/practices?territory=02")) == [
        "Mieszkania treningowe we Wrocławiu"
    ]
    assert titles(await client.get("/v1/practices?territory=2464")) == ["Klub senior plus"]
    assert len(titles(await client.get("/v1/practices?territory=24"))) == 3
    years = titles(await client.get("/v1/practices?year_from=2011&year_to=2020"))
    assert "Klub senior plus" in years
    assert "Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze" not in years
    ordered = titles(await client.get("/v1/practices?sort=title"))
    assert ordered == sorted(ordered, key=lambda t: t.lower().replace("ś", "s").replace("ó", "o"))
    unknown = await client.get("/v1/practices?sort=nonsense")
    assert unknown.status_code == 422


async def test_geographic_filters(
    client: httpx.AsyncClient, corpus: dict[str, Any], db_session: AsyncSession
) -> None:
    # bbox around Bielsko-Biała.
    assert titles(await client.get("/v1/practices", params={"bbox": "18.9,49.7,19.2,49.9"})) == [
        "Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze"
    ]
    # Near Częstochowa within 20 km, and sorted by distance from Katowice.
    near = await client.get("/v1/practices", params={"near": "19.12,50.80", "radius_m": 20000})
    assert titles(near) == ["Klub senior plus"]
    assert near.json()["practices"][0]["distance_m"] < 2000
    by_distance = await client.get(
        "/v1/practices", params={"near": "19.02,50.26", "radius_m": 300000, "sort": "distance"}
    )
    distances = [p["distance_m"] for p in by_distance.json()["practices"]]
    assert distances == sorted(distances)
    assert len(distances) == 3
    # Within a territorial unit: by TERC, and by geometry of a unit (a district polygon).
    box = "ST_Multi(ST_MakeEnvelope({}, 4326))"
    units = [
        ("24", "voivodeship", None, box.format("18.0, 49.3, 19.9, 51.1")),
        ("2461", "powiat", "'24'", box.format("18.9, 49.7, 19.2, 49.9")),
        ("2461011", "gmina", "'2461'", box.format("18.9, 49.7, 19.2, 49.9")),
        ("2461011-18", "district", "'2461011'", box.format("19.03, 49.81, 19.05, 49.83")),
    ]
    for code, level, parent, geom in units:
        await db_session.execute(
            text(
                "INSERT INTO geo.territorial_unit (code, level, name, parent_code, geom) "
                f"VALUES ('{code}', '{level}', 'test {code}', {parent or 'NULL'}, {geom})"
            )
        )
    assert titles(await client.get("/v1/practices?within=2461011-18")) == [
        "Ośrodek Pomocy Społecznej prowadzi usługi opiekuńcze"
    ]
    assert len(titles(await client.get("/v1/practices?within=24"))) == 3
    for bad in ("bbox=1,2,3", "bbox=a,b,c,d", "near=19,50", "within=abc", "radius_m=-5&near=1,2"):
        response = await client.get(f"/v1/practices?{bad}")
        assert response.status_code == 422, bad


async def test_related_practices(client: httpx.AsyncClient, corpus: dict[str, Any]) -> None:
    osrodek = corpus["osrodek"]
    related = await client.get(f"/v1/practices/{osrodek['slug']}/related")
    assert related.status_code == 200
    found = [p["title"] for p in related.json()]
    assert found[0].startswith("Kooperacja") or found[0].startswith("Mieszkania")
    assert osrodek["title"] not in found


async def test_map_tiles_role_reads_published_rows_only(
    client: httpx.AsyncClient,
    keys: Keys,
    corpus: dict[str, Any],
    practice_payload: Callable[..., dict[str, Any]],
    db_session: AsyncSession,
) -> None:
    draft = await client.post(
        "/v1/practices", json=practice_payload(title="Szkic niewidoczny"), headers=keys.editor24
    )
    assert draft.status_code == 201
    async with as_role(db_session, "socmap_map_tiles"):
        titles_seen = (
            (await db_session.execute(text("SELECT title FROM catalog.published_practice")))
            .scalars()
            .all()
        )
        assert "Szkic niewidoczny" not in titles_seen
        assert len(titles_seen) == 4
        providers = (
            await db_session.execute(text("SELECT count(*) FROM catalog.published_provider"))
        ).scalar()
        assert providers == 0
    for table in ("catalog.practice", "catalog.provider", "catalog.change_log", "catalog.service"):
        savepoint = await db_session.begin_nested()
        await db_session.execute(text("SET LOCAL ROLE socmap_map_tiles"))
        with pytest.raises(ProgrammingError, match="permission denied"):
            await db_session.execute(text(f"SELECT 1 FROM {table} LIMIT 1"))
        await savepoint.rollback()
        await db_session.execute(text("RESET ROLE"))


async def test_exact_search_counts_and_ranks_every_match(
    client: httpx.AsyncClient, keys: Keys, corpus: dict[str, Any]
) -> None:
    # The exact search (moderation queue, HSDS, exports) examines every match: its total is
    # exact and its pages are full and distinct.
    async def manage(**params: Any) -> dict[str, Any]:
        response = await client.get(
            "/v1/manage/practices",
            params={"q": "senior", "status": "published", **params},
            headers=keys.national,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    assert (await manage(limit=1))["numberMatched"] == 2
    first, second = [await manage(limit=1, offset=n) for n in (0, 1)]
    assert first["practices"][0]["id"] != second["practices"][0]["id"]
    everything = await manage()
    assert everything["numberMatched"] == 2
    assert everything["numberReturned"] == 2
    assert everything["numberMatchedRelation"] == "eq"
    scores = [p["score"] for p in everything["practices"]]
    assert scores == sorted(scores, reverse=True)
