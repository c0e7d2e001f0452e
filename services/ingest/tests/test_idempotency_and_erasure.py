"""Upserts, re-sent batches, Idempotency-Key replays, erasure, outbox and audit rows."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import DISTRICT_EAST, GMINA, pesels, record

URL = "/v1/records:batch"


async def _count(session: AsyncSession, table: str) -> int:
    return int(await session.scalar(text(f"SELECT count(*) FROM ingest.{table}")) or 0)


async def test_resending_a_batch_changes_nothing_and_changes_are_updates(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(3)
    body = {"records": [record(f"R-{n}", pesel) for n, pesel in enumerate(ids)]}
    first = (await client.post(URL, json=body, headers=ops.headers)).json()
    before = (
        await db_session.execute(
            text("SELECT external_id, updated_at, batch_id FROM ingest.record ORDER BY 1")
        )
    ).all()
    again = (await client.post(URL, json=body, headers=ops.headers)).json()
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 3)
    assert again["id"] != first["id"]
    after = (
        await db_session.execute(
            text("SELECT external_id, updated_at, batch_id FROM ingest.record ORDER BY 1")
        )
    ).all()
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
    remaining = await db_session.scalars(text("SELECT external_id FROM ingest.record"))
    assert list(remaining) == ["E-3"]
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
    assert [event["cause"] for event in events] == ["batch", "erasure", "erasure"]
    assert all(event["gminas"] == [GMINA] for event in events)
    empty = await client.post("/v1/records:erase", json={"external_ids": []}, headers=ops.headers)
    assert empty.status_code == 422
