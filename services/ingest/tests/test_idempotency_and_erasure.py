"""Upserts, re-sent batches, Idempotency-Key replays, erasure, outbox and audit rows."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.settings import DEVELOPMENT_PSEUDONYMIZATION_KEY
from ingest.testing import DISTRICT_EAST, pesels, record, stored_records
from ingest.validation import institution_hash

URL = "/v1/records:batch"


async def _count(session: AsyncSession, table: str) -> int:
    return int(await session.scalar(text(f"SELECT count(*) FROM ingest.{table}")) or 0)


async def test_resending_a_batch_changes_nothing_and_changes_are_updates(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(3)
    body = {"records": [record(f"R-{n}", pesel) for n, pesel in enumerate(ids)]}
    first = (await client.post(URL, json=body, headers=ops.headers)).json()
    names = [value["external_id"] for value in body["records"]]
    before = await stored_records(db_session, ops.institution_id, names, "updated_at, batch_id")
    again = (await client.post(URL, json=body, headers=ops.headers)).json()
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 3)
    assert again["id"] != first["id"]
    after = await stored_records(db_session, ops.institution_id, names, "updated_at, batch_id")
    assert before == after
    body["records"][1]["location"] = {"district": DISTRICT_EAST}
    changed = (await client.post(URL, json=body, headers=ops.headers)).json()
    assert (changed["inserted"], changed["updated"], changed["unchanged"]) == (0, 1, 2)
    assert await _count(db_session, "record") == 3
    # Only batches that changed something notify the anonymizer.
    assert await _count(db_session, "outbox") == 2
    assert await _count(db_session, "audit_log") == 3


async def test_idempotency_key_replays_the_first_report(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    body = {"records": [record("I-1", pesels(1)[0]), {"external_id": "I-2"}]}
    headers = {**ops.headers, "Idempotency-Key": "upload-2024-03-15-a"}
    first = await client.post(URL, json=body, headers=headers)
    assert first.status_code == 201
    # Echoed to the pusher, kept only as the institution's keyed hash.
    assert first.json()["idempotency_key"] == "upload-2024-03-15-a"
    kept = await db_session.scalar(text("SELECT idempotency_hash FROM ingest.batch"))
    assert kept == institution_hash(
        DEVELOPMENT_PSEUDONYMIZATION_KEY.encode(),
        "idempotency",
        ops.institution_id,
        "upload-2024-03-15-a",
    )
    report = await client.get(f"/v1/batches/{first.json()['id']}", headers=ops.headers)
    assert report.json()["idempotency_key"] is None
    await client.delete("/v1/records/I-1", headers=ops.headers)
    replay = await client.post(URL, json=body, headers=headers)
    assert replay.status_code == 200
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == first.json()
    # The replay was a no-op: the erased record did not come back.
    assert await _count(db_session, "record") == 0
    assert await _count(db_session, "batch") == 1
    other_body = {"records": [record("I-3", pesels(1)[0])]}
    conflict = await client.post(URL, json=other_body, headers=headers)
    assert conflict.status_code == 409


async def test_erasure_single_and_bulk(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(4)
    body = {"records": [record(f"E-{n}", pesel) for n, pesel in enumerate(ids)]}
    await client.post(URL, json=body, headers=ops.headers)
    assert (await client.delete("/v1/records/E-0", headers=ops.headers)).status_code == 204
    missing = await client.delete("/v1/records/E-0", headers=ops.headers)
    assert missing.status_code == 404
    bulk = await client.post(
        "/v1/records:erase", json={"external_ids": ["E-1", "E-2", "E-404"]}, headers=ops.headers
    )
    assert bulk.status_code == 200, bulk.text
    report: dict[str, Any] = bulk.json()
    assert (report["requested"], report["erased"], report["not_found"]) == (3, 2, 1)
    remaining = await stored_records(db_session, ops.institution_id, ["E-0", "E-3"], "1")
    assert list(remaining) == ["E-3"]
    assert await _count(db_session, "record") == 1
    erasures = (
        await db_session.execute(
            text("SELECT requested, erased FROM ingest.erasure ORDER BY created_at, requested")
        )
    ).all()
    assert sorted(tuple(row) for row in erasures) == [(1, 1), (3, 2)]
    audit = (
        await db_session.execute(text("SELECT action, counts FROM ingest.audit_log ORDER BY id"))
    ).all()
    assert [row[0] for row in audit] == ["batch", "erase", "erase_bulk"]
    assert audit[2][1] == {"requested": 3, "erased": 2}
    events = (
        (await db_session.execute(text("SELECT payload FROM ingest.outbox ORDER BY id")))
        .scalars()
        .all()
    )
    # The erasures replaced the batch's event, and name no gmina (DESIGN §3: no trace).
    assert [event["cause"] for event in events] == ["erasure", "erasure"]
    assert all("gminas" not in event for event in events)
    empty = await client.post("/v1/records:erase", json={"external_ids": []}, headers=ops.headers)
    assert empty.status_code == 422
