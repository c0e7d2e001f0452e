from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import httpx

Keys = Any
Publish = Callable[..., Any]

HEADER = (
    "slug;title;summary;problem_addressed;evidence_level;lifecycle_status;target_groups;"
    "service_areas;categories;area_tercs;start_year;end_year;contact_email;contact_phone;links"
)
ROWS = [
    "klub-seniora-zywiec;Klub seniora „Jesień”;Zajęcia dla seniorów w Żywcu.;Samotność osób starszych.;"
    "monitored;implemented;seniors;social_assistance|civic_engagement;;2417;2019;;klub@example.org;"
    "33 861 00 00;https://example.org/klub",
    "bledny-kod;Zły kod;Streszczenie.;Problem.;monitored;implemented;martians;social_assistance;;"
    "2417;;;;;",
    "zly-nip;Zły e-mail;Streszczenie.;Problem.;monitored;implemented;seniors;social_assistance;;"
    "2417;;;nie-email;;",
    "lata;Złe lata;Streszczenie.;Problem.;monitored;implemented;seniors;social_assistance;;"
    "2417;2020;2010;;;",
]


def csv_bytes(encoding: str, rows: list[str] = ROWS) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode(encoding)


async def import_csv(
    client: httpx.AsyncClient,
    keys: Keys,
    body: bytes,
    *,
    dry_run: bool = False,
    key: str = "editor24",
) -> httpx.Response:
    return await client.post(
        "/v1/practices:import",
        params={"dry_run": str(dry_run).lower()},
        content=body,
        headers={**keys.headers[key], "Content-Type": "text/csv"},
    )


async def test_csv_import_windows_1250_with_row_report(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    response = await import_csv(client, keys, csv_bytes("cp1250"))
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["encoding"] == "cp1250"
    assert (report["rows"], report["created"], report["rejected"]) == (4, 1, 3)
    by_row = {(e["row"], re.split(r"[.\[]", e["field"])[0]) for e in report["errors"]}
    assert (1, "target_groups") in by_row
    assert (2, "contact") in by_row
    assert any(e["row"] == 3 for e in report["errors"])
    managed = await client.get("/v1/manage/practices/klub-seniora-zywiec", headers=keys.editor24)
    practice = managed.json()
    assert practice["title"] == "Klub seniora „Jesień”"
    assert practice["status"] == "draft"
    assert practice["contact"]["phone"] == "+48338610000"
    assert practice["service_areas"] == ["social_assistance", "civic_engagement"]
    # Importing the same file again updates instead of duplicating.
    again = (await import_csv(client, keys, csv_bytes("cp1250"))).json()
    assert (again["created"], again["updated"]) == (0, 1)


async def test_csv_import_utf8_with_bom_and_comma(client: httpx.AsyncClient, keys: Keys) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "tytuł",
            "streszczenie",
            "problem",
            "evidence_level",
            "lifecycle_status",
            "grupy_docelowe",
            "obszary",
            "teryt",
        ]
    )
    writer.writerow(
        [
            "Świetlica środowiskowa",
            "Zajęcia, opieka.",
            "Brak opieki.",
            "anecdotal",
            "pilot",
            "children_youth",
            "family_support",
            "2461011",
        ]
    )
    response = await import_csv(client, keys, b"\xef\xbb\xbf" + buffer.getvalue().encode())
    report = response.json()
    assert report["encoding"] == "utf-8-sig"
    assert report["created"] == 1, report
    managed = await client.get("/v1/manage/practices/swietlica-srodowiskowa", headers=keys.editor24)
    assert managed.json()["summary"] == "Zajęcia, opieka."


async def test_dry_run_writes_nothing(client: httpx.AsyncClient, keys: Keys) -> None:
    report = (await import_csv(client, keys, csv_bytes("utf-8"), dry_run=True)).json()
    assert report["dry_run"] is True
    assert report["created"] == 1
    assert report["rejected"] == 3
    missing = await client.get("/v1/manage/practices/klub-seniora-zywiec", headers=keys.editor24)
    assert missing.status_code == 404
    queue = await client.get("/v1/manage/practices?status=draft", headers=keys.editor24)
    assert queue.json()["numberMatched"] == 0


async def test_bad_uploads_are_problems(client: httpx.AsyncClient, keys: Keys) -> None:
    utf16 = await import_csv(client, keys, csv_bytes("utf-16"))
    assert utf16.status_code == 422
    undecodable = await import_csv(client, keys, HEADER.encode() + b"\r\n\x81\x83\x88\x90;x\r\n")
    assert undecodable.status_code == 422
    assert "Windows-1250" in undecodable.json()["detail"]
    ragged = await import_csv(client, keys, (HEADER + "\r\n" + "a;" * 40 + "\r\n").encode())
    assert ragged.status_code == 200
    assert ragged.json()["errors"][0]["code"] == "csv"
    wrong_type = await client.post(
        "/v1/practices:import",
        content=b"<xml/>",
        headers={**keys.editor24, "Content-Type": "application/xml"},
    )
    assert wrong_type.status_code == 415
    bad_json = await client.post(
        "/v1/practices:import",
        content=b"[{",
        headers={**keys.editor24, "Content-Type": "application/json"},
    )
    assert bad_json.status_code == 422
    not_rows = await client.post(
        "/v1/practices:import", json={"practices": "nope"}, headers=keys.editor24
    )
    assert not_rows.status_code == 422
    too_big = await import_csv(client, keys, b"x" * 5_000_001)
    assert too_big.status_code == 413
    no_auth = await client.post(
        "/v1/practices:import", content=csv_bytes("utf-8"), headers={"Content-Type": "text/csv"}
    )
    assert no_auth.status_code == 401


async def test_json_import_in_seed_format_scoped_to_the_editor(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    records = [
        {
            "id": "czestochowa-test",
            "title": "Program osłonowy",
            "summary_pl": "Opis.",
            "problem_addressed_pl": "Bezdomność.",
            "target_groups": ["homeless"],
            "service_areas": ["housing"],
            "category_codes": ["homelessness"],
            "implementer": "Częstochowa",
            "teryt": "2464011",
            "start_year": 2007,
            "end_year": 2013,
            "lifecycle_status": "idea",
            "evidence_level": "anecdotal",
            "country": "PL",
            "place": "Częstochowa",
            "source_document": "002.txt",
        },
        {
            "id": "wroclaw-test",
            "title": "Praktyka z Wrocławia",
            "summary_pl": "Opis.",
            "problem_addressed_pl": "Problem.",
            "target_groups": ["families"],
            "service_areas": ["family_support"],
            "category_codes": [],
            "teryt": "0264011",
            "lifecycle_status": "idea",
            "evidence_level": "anecdotal",
        },
    ]
    response = await client.post("/v1/practices:import", json=records, headers=keys.editor24)
    report = response.json()
    assert report["created"] == 1
    assert [(e["row"], e["field"], e["code"]) for e in report["errors"]] == [
        (1, "area_tercs[0]", "outside_key_territory"),
        (1, "voivodeship", "outside_key_territory"),
    ]


async def test_exports_and_feed(
    client: httpx.AsyncClient, keys: Keys, publish_practice: Publish
) -> None:
    await publish_practice(
        title='Pomoc <script>alert("x")</script> & wsparcie', summary="A < B & C"
    )
    await publish_practice(
        moderator="moderator02", title="Praktyka dolnośląska", area_tercs=["0264011"]
    )
    draft = await client.post(
        "/v1/practices",
        json={
            "title": "Szkic",
            "summary": "s",
            "problem_addressed": "p",
            "evidence_level": "anecdotal",
            "lifecycle_status": "idea",
            "target_groups": ["seniors"],
            "service_areas": ["health"],
        },
        headers=keys.editor24,
    )
    assert draft.status_code == 201

    exported = await client.get("/v1/practices:export", params={"format": "csv"})
    assert exported.headers["content-type"].startswith("text/csv")
    text = exported.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["title"] for row in rows} == {
        'Pomoc <script>alert("x")</script> & wsparcie',
        "Praktyka dolnośląska",
    }
    cp1250 = await client.get(
        "/v1/practices:export", params={"format": "csv", "encoding": "windows-1250"}
    )
    assert "dolnośląska" in cp1250.content.decode("cp1250")
    as_json = (
        await client.get("/v1/practices:export", params={"format": "json", "territory": "02"})
    ).json()
    assert [item["title"] for item in as_json] == ["Praktyka dolnośląska"]

    # The export re-imports (same slugs → updates).
    reimport = await client.post(
        "/v1/practices:import",
        content=exported.content,
        headers={**keys.national, "Content-Type": "text/csv"},
    )
    assert reimport.status_code == 200
    assert reimport.json()["rejected"] == 0, reimport.json()["errors"]

    feed = await client.get("/v1/feeds/practices.atom", params={"voivodeship": "24"})
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert b"<script>" not in feed.content
    assert b"&lt;script&gt;" in feed.content
    root = ET.fromstring(feed.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries] == [
        'Pomoc <script>alert("x")</script> & wsparcie'
    ]  # type: ignore[union-attr]
    everything = ET.fromstring((await client.get("/v1/feeds/practices.atom")).content)
    assert len(everything.findall("a:entry", ns)) == 2
    assert (await client.get("/v1/feeds/practices.atom?voivodeship=x")).status_code == 422


async def test_taxonomies(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/taxonomies")).json()
    assert len(body["service_areas"]) == 14
    assert body["service_areas"][0]["code"] == "family_policy"
    assert {t["code"] for t in body["target_groups"]} >= {"seniors", "homeless", "professionals"}
    assert json.dumps(body, ensure_ascii=False).count("MOPS") >= 1


async def test_provider_import_dedups_on_identifiers(client: httpx.AsyncClient, keys: Keys) -> None:
    header = "name;description;provider_type;nip;regon;terc;city;phones;service_areas;lon;lat"
    rows = [
        "Gminny Ośrodek Pomocy Społecznej w Testowie;GOPS;GOPS;5260250274;;2403011;Testowo;"
        "33 100 20 30|600 100 200;social_assistance;19.1;49.9",
        "Zły NIP;Opis;GOPS;5260250275;;2403011;Testowo;;social_assistance;;",
        "Zły telefon;Opis;GOPS;;;2403011;Testowo;dzwoń;social_assistance;;",
        "Nieznany typ;Opis;SPACE;;;2403011;Testowo;;social_assistance;;",
    ]
    body = ("\n".join([header, *rows]) + "\n").encode("cp1250")
    response = await client.post(
        "/v1/providers:import", content=body, headers={**keys.editor24, "Content-Type": "text/csv"}
    )
    report = response.json()
    assert response.status_code == 200, report
    assert (report["created"], report["rejected"]) == (1, 3)
    assert {(e["row"], re.split(r"[.\[]", e["field"])[0]) for e in report["errors"]} == {
        (1, "nip"),
        (2, "phones"),
        (3, "provider_type"),
    }
    provider = (
        await client.get(f"/v1/manage/providers/{report['ids'][0]}", headers=keys.editor24)
    ).json()
    assert [p["number"] for p in provider["phones"]] == ["+48331002030", "+48600100200"]
    # Same NIP under another name: the existing provider is updated, not duplicated.
    again = [
        {
            "name": "GOPS w Testowie",
            "description": "GOPS",
            "provider_type": "GOPS",
            "nip": "526-025-02-74",
            "terc": "2403011",
            "services": [{"name": "Praca socjalna", "service_areas": ["social_assistance"]}],
        }
    ]
    second = (await client.post("/v1/providers:import", json=again, headers=keys.editor24)).json()
    assert (second["created"], second["updated"]) == (0, 1)
    assert second["ids"] == report["ids"]
    updated = (
        await client.get(f"/v1/manage/providers/{report['ids'][0]}", headers=keys.editor24)
    ).json()
    assert updated["name"] == "GOPS w Testowie"
    assert [s["name"] for s in updated["services"]] == ["Praca socjalna"]


async def test_import_of_published_records_hands_off_once(
    make_client: Any, make_app: Any, keys: Keys, practice_payload: Callable[..., dict[str, Any]]
) -> None:
    from catalog.settings import CatalogSettings

    calls: list[httpx.Request] = []

    def tiles(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(202)

    app = await make_app(
        CatalogSettings(map_tiles_url="http://tiles.test", invalidate_backoff_s=0),
        tiles_transport=httpx.MockTransport(tiles),
    )
    async with make_client(app, role="socmap_catalog") as client:
        slugs = []
        for title in ("Pierwsza praktyka", "Druga praktyka"):
            created = await client.post(
                "/v1/practices", json=practice_payload(title=title), headers=keys.moderator24
            )
            await client.post(
                f"/v1/practices/{created.json()['id']}:publish", headers=keys.moderator24
            )
            slugs.append(created.json()["slug"])
        calls.clear()
        rows = [{"slug": slug, **practice_payload(title=f"{slug} (zmienione)")} for slug in slugs]
        report = (
            await client.post("/v1/practices:import", json=rows, headers=keys.moderator24)
        ).json()
        assert report["updated"] == 2
        assert len(calls) == 1
        body = json.loads(calls[0].content)
        assert body["reason"] == "practices.imported"
        assert len(body["ids"]) == 2
        dry = await client.post(
            "/v1/practices:import?dry_run=true", json=rows, headers=keys.moderator24
        )
        assert dry.json()["updated"] == 2
        assert len(calls) == 1
