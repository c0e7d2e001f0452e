"""Export profiles (issue 16, item 2): versioned per institution, validated on save, applied to a
batch by ``?profile=`` or ``Socmap-Profile``; and the dry run, which stores nothing."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import DISTRICT_WEST, pesels, stored_records

URL = "/v1/records:batch"
PROFILES = "/v1/profiles"

PROFILE: dict[str, Any] = {
    "name": "system-x",
    "columns": {"Numer": "external_id", "Identyfikator": "subject_id", "Dzień": "reference_date"},
    "ignore": ["Nazwisko", "Kwota"],
    "values": {"categories": {"UB": "poverty"}, "sex": {"kob.": "F"}},
    "date_formats": ["%d|%m|%Y"],
    "encoding": "cp1250",
    "delimiter": ";",
}


async def _create(client: httpx.AsyncClient, headers: dict[str, str], **changes: Any) -> Any:
    response = await client.post(PROFILES, json={**PROFILE, **changes}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_profiles_are_versioned_and_per_institution(
    client: httpx.AsyncClient, ops: Any, other_ops: Any
) -> None:
    created = await _create(client, ops.headers)
    assert (created["name"], created["version"]) == ("system-x", 1)
    assert created["columns"]["Numer"] == "external_id"

    again = await client.post(PROFILES, json=PROFILE, headers=ops.headers)
    assert again.status_code == 409
    assert again.headers["content-type"].startswith("application/problem+json")

    body = {key: value for key, value in PROFILE.items() if key != "name"}
    updated = await client.put(
        f"{PROFILES}/system-x", json={**body, "ignore": ["Nazwisko"]}, headers=ops.headers
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["version"] == 2

    latest = (await client.get(f"{PROFILES}/system-x", headers=ops.headers)).json()
    assert (latest["version"], latest["ignore"]) == (2, ["Nazwisko"])
    first = (await client.get(f"{PROFILES}/system-x/versions/1", headers=ops.headers)).json()
    assert (first["version"], first["ignore"]) == (1, ["Nazwisko", "Kwota"])
    listed = (await client.get(PROFILES, headers=ops.headers)).json()
    assert [(p["name"], p["version"]) for p in listed["profiles"]] == [("system-x", 2)]

    for path in (f"{PROFILES}/system-x", f"{PROFILES}/system-x/versions/1"):
        other = await client.get(path, headers=other_ops.headers)
        assert other.status_code == 404
        assert other.headers["content-type"].startswith("application/problem+json")
    assert (await client.get(PROFILES, headers=other_ops.headers)).json() == {"profiles": []}
    missing = await client.put(f"{PROFILES}/nothing", json=body, headers=ops.headers)
    assert missing.status_code == 404
    assert (
        await client.get(f"{PROFILES}/system-x/versions/3", headers=ops.headers)
    ).status_code == 404


async def test_a_profile_is_validated_on_save(client: httpx.AsyncClient, ops: Any) -> None:
    cases = [
        ({"columns": {"Numer": "surname"}}, "columns"),
        ({"date_formats": ["%d.%m.%y"]}, "date_formats"),
        ({"date_formats": ["%d.%m"]}, "date_formats"),
        ({"values": {"categories": {"UB": "no_such_code"}}}, "values.categories.UB"),
        ({"columns": {"Kwota": "categories"}}, "columns.Kwota"),
        ({"encoding": "latin-1"}, "encoding"),
        ({"name": "a b"}, "name"),
    ]
    for changes, field in cases:
        response = await client.post(PROFILES, json={**PROFILE, **changes}, headers=ops.headers)
        assert response.status_code == 422, (changes, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        fields = [error["field"] for error in response.json()["errors"]]
        assert any(name.startswith(field) for name in fields), (changes, fields)
    assert (await client.get(PROFILES, headers=ops.headers)).json() == {"profiles": []}


def _export(rows: list[str]) -> bytes:
    header = "Numer;Nazwisko;Identyfikator;Dzień;Kategoria;Osiedle;Płeć;Kwota"
    return "\r\n".join([header, *rows, ""]).encode("cp1250")


async def test_a_batch_is_read_with_its_profile(
    client: httpx.AsyncClient, ops: Any, db_session: AsyncSession
) -> None:
    await _create(client, ops.headers)
    first, second = pesels(2)
    body = _export(
        [
            f"P-1;Żółkiewska;{first};15|03|2024;UB;{DISTRICT_WEST};kob.;812,40",
            f"P-2;Żółkiewska;{second};16|03|2024;ubóstwo, UB;{DISTRICT_WEST};M;1,00",
        ]
    )
    csv = {**ops.headers, "Content-Type": "text/csv"}
    without = await client.post(URL, content=body, headers=csv)
    assert without.status_code == 422  # Nazwisko, Kwota, Numer ... are not record fields

    response = await client.post(URL, params={"profile": "system-x"}, content=body, headers=csv)
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["accepted"], report["rejected"], report["profile"]) == (2, 0, "system-x@1")
    stored = await stored_records(
        db_session, ops.institution_id, ["P-1", "P-2"], "reference_date::text, categories"
    )
    assert stored == {"P-1": ("2024-03-15", ["poverty"]), "P-2": ("2024-03-16", ["poverty"])}
    batch = await db_session.execute(
        text("SELECT profile_name, profile_version FROM ingest.batch WHERE id = :id"),
        {"id": report["id"]},
    )
    assert batch.one() == ("system-x", 1)

    # A second version, named with its version in the header; version 1 stays usable.
    body_v2 = {key: value for key, value in PROFILE.items() if key != "name"}
    body_v2["values"] = {"categories": {"UB": "homelessness"}}
    await client.put(f"{PROFILES}/system-x", json=body_v2, headers=ops.headers)
    third = pesels(3, seed=11)[0]
    row = f"P-3;X;{third};17|03|2024;UB;{DISTRICT_WEST};;1"
    latest = await client.post(
        URL, content=_export([row]), headers={**csv, "Socmap-Profile": "system-x"}
    )
    assert latest.json()["profile"] == "system-x@2"
    stored = await stored_records(db_session, ops.institution_id, ["P-3"], "categories")
    assert stored == {"P-3": (["homelessness"],)}
    pinned = await client.post(
        URL, content=_export([row]), headers={**csv, "Socmap-Profile": "system-x@1"}
    )
    assert pinned.json()["profile"] == "system-x@1"
    stored = await stored_records(db_session, ops.institution_id, ["P-3"], "categories")
    assert stored == {"P-3": (["poverty"],)}

    for name in ("nothing", "system-x@9"):
        unknown = await client.post(URL, content=body, headers={**csv, "Socmap-Profile": name})
        assert unknown.status_code == 422
        assert [error["code"] for error in unknown.json()["errors"]] == ["unknown_profile"]


async def test_another_institutions_profile_cannot_be_used(
    client: httpx.AsyncClient, ops: Any, other_ops: Any
) -> None:
    await _create(client, ops.headers)
    response = await client.post(
        URL,
        params={"profile": "system-x"},
        content=_export([]),
        headers={**other_ops.headers, "Content-Type": "text/csv"},
    )
    assert response.status_code == 422
    assert [error["code"] for error in response.json()["errors"]] == ["unknown_profile"]


async def _counts(session: AsyncSession) -> tuple[Any, ...]:
    row = await session.execute(
        text(
            "SELECT (SELECT count(*) FROM ingest.batch), (SELECT count(*) FROM ingest.record),"
            " (SELECT count(*) FROM ingest.outbox), (SELECT count(*) FROM ingest.audit_log)"
        )
    )
    return tuple(row.one())


async def test_a_dry_run_validates_and_stores_nothing(
    client: httpx.AsyncClient, ops: Any, db_session: AsyncSession
) -> None:
    await _create(client, ops.headers)
    first, second = pesels(2)
    body = _export(
        [
            f"D-1;X;{first};15|03|2024;UB;{DISTRICT_WEST};;1",
            f"D-2;X;{second};31|02|2024;UB;{DISTRICT_WEST};;1",
            f"D-3;X;{second[:-1]}0;15|03|2024;UB;;;1",
        ]
    )
    headers = {**ops.headers, "Content-Type": "text/csv", "Idempotency-Key": "try-1"}
    before = await _counts(db_session)
    response = await client.post(
        URL, params={"profile": "system-x", "dry_run": "true"}, content=body, headers=headers
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["dry_run"] is True
    assert (report["received"], report["accepted"], report["rejected"]) == (3, 1, 2)
    assert report["profile"] == "system-x@1"
    assert {(error["row"], error["field"]) for error in report["errors"]} >= {(1, "reference_date")}
    assert "Location" not in response.headers
    assert await _counts(db_session) == before

    # No idempotency record was kept: the same key now stores the batch.
    live = await client.post(URL, params={"profile": "system-x"}, content=body, headers=headers)
    assert live.status_code == 201
    assert live.json()["accepted"] == 1


async def test_a_profile_is_suggested_from_a_sample(
    client: httpx.AsyncClient, ops: Any, db_session: AsyncSession
) -> None:
    sample = (
        "sep=;\r\n"
        "Lp.;Nr sprawy;Nazwisko;PESEL;Data przyznania;Powód przyznania;Miejscowość;Ulica;"
        "Nr domu;Kwota świadczenia;Płeć\r\n"
        "1;S-1;Sekretna-Nazwiskowa;85010112345;15.03.2024;ubóstwa|bezdomność;Tajnowo;Lotnicza;"
        "5;987,65;K\r\n"
        "2;S-2;Sekretna-Nazwiskowa;85010112345;15.03.2024;turystyka kosmiczna;Tajnowo;Lotnicza;"
        "7;123,45;M\r\n"
    ).encode("cp1250")
    response = await client.post(
        f"{PROFILES}:suggest", content=sample, headers={**ops.headers, "Content-Type": "text/csv"}
    )
    assert response.status_code == 200, response.text
    suggestion = response.json()
    assert suggestion["columns"] == {
        "Nr sprawy": "external_id",
        "PESEL": "subject_id",
        "Data przyznania": "reference_date",
        "Powód przyznania": "categories",
        "Ulica": "location.address.street",
        "Nr domu": "location.address.number",
        "Płeć": "attributes.sex",
    }
    assert suggestion["ignore"] == ["Lp.", "Nazwisko", "Miejscowość", "Kwota świadczenia"]
    assert suggestion["values"]["categories"] == {
        "ubóstwa": "poverty",
        "bezdomność": "homelessness",
    }
    assert suggestion["unrecognised_categories"] == ["turystyka kosmiczna"]
    assert (suggestion["encoding"], suggestion["delimiter"]) == ("cp1250", ";")
    for value in ("Sekretna", "Tajnowo", "987,65", "123,45"):
        assert value not in response.text

    # The suggestion, reviewed, is a profile: nothing was stored before it is saved.
    assert (await client.get(PROFILES, headers=ops.headers)).json() == {"profiles": []}
    body = {k: v for k, v in suggestion.items() if k != "unrecognised_categories"}
    saved = await client.post(PROFILES, json={**body, "name": "suggested"}, headers=ops.headers)
    assert saved.status_code == 201, saved.text

    wrong = await client.post(f"{PROFILES}:suggest", json={}, headers=ops.headers)
    assert wrong.status_code == 415
