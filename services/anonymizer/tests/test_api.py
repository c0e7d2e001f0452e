"""The HTTP API: runs (auth, validation, coalescing, ingest's payload), releases, cells,
CSV, diff and benchmarks; and a scan of every output for suppressed values."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import worker
from anonymizer.settings import AnonymizerSettings
from anonymizer.testing import CITY, DISTRICTS, TODAY, TOWN, World, bearer, publish

# The body ingest's dispatcher sends (services/ingest/ingest/dispatcher.py: run_request).
INGEST_BODY = {
    "trigger": "ingest",
    "gminas": [CITY],
    "events": [
        {
            "id": 17,
            "event": "records_changed",
            "cause": "batch",
            "cause_id": "5b0c3c2e-2f6a-4d1e-9a57-0d1c2b3a4f50",
            "institution_id": "0f0e7a52-6a51-4a0c-8a53-6f0a3c1d2e4b",
        }
    ],
    "date_from": "2024-01-05",
    "date_to": "2024-03-30",
}


async def _big_city(world: World) -> None:
    for number, district in enumerate(DISTRICTS):
        await world.add_many(12 + number, f"d{number}", district=district)
    await world.add_many(2, "town", district=None, gmina=TOWN)
    await world.add_many(6, "both", source="pup", categories=("unemployment",))


async def test_run_auth_and_validation(
    client: httpx.AsyncClient, keys: Any, db_session: AsyncSession
) -> None:
    assert (await client.post("/v1/runs", json={})).status_code == 401
    assert (
        await client.post("/v1/runs", json={}, headers=bearer("sm_000000000000_nope"))
    ).status_code == 401
    forbidden = await client.post("/v1/runs", json={}, headers=bearer(keys.records))
    assert forbidden.status_code == 403
    assert forbidden.headers["content-type"] == "application/problem+json"
    # A territorial key may not ask for all municipalities, nor for one outside its territory.
    assert (await client.post("/v1/runs", json={}, headers=bearer(keys.limited))).status_code == 403
    outside = await client.post(
        "/v1/runs", json={"gminas": ["1465011"]}, headers=bearer(keys.limited)
    )
    assert outside.status_code == 403
    for body in (
        {"k": 2},
        {"gminas": ["12"]},
        {"p": 1.5},
        {"unknown": 1},
        {"as_of": "yesterday"},
        {"gminas": "9701011"},
        {"gminas": ["97010\x0011"]},
        {"k": 2**64 + 1},
        {"events": [{"event": "records_changed\x00"}]},
        {"events": [{"id": -1}]},
    ):
        response = await client.post("/v1/runs", json=body, headers=bearer(keys.runs))
        assert response.status_code == 422, body
        assert response.headers["content-type"] == "application/problem+json"
    # Whatever else an event carries is dropped, never stored.
    extra = {"events": [{"id": 1, "event": "records_changed", "note": "Jan Kowalski\x00"}]}
    accepted = await client.post("/v1/runs", json=extra, headers=bearer(keys.runs))
    assert accepted.status_code == 202, accepted.text
    stored = await db_session.scalar(
        text("SELECT events FROM stats.run WHERE id = :id"), {"id": accepted.json()["id"]}
    )
    assert stored == [
        {
            "id": 1,
            "event": "records_changed",
            "cause": None,
            "cause_id": None,
            "institution_id": None,
        }
    ]
    bad_json = await client.post(
        "/v1/runs",
        content=b"{not json",
        headers={**bearer(keys.runs), "content-type": "application/json"},
    )
    assert bad_json.status_code == 422


async def test_run_request_body_is_read_only_after_authentication(
    client: httpx.AsyncClient, keys: Any
) -> None:
    read: list[bytes] = []

    async def body() -> AsyncIterator[bytes]:
        for chunk in (b'{"gminas": ', b'["9701011"]}'):
            read.append(chunk)
            yield chunk

    json_type = {"Content-Type": "application/json"}
    for headers in (json_type, json_type | bearer("sm_000000000000_nope")):
        refused = await client.post("/v1/runs", content=body(), headers=headers)
        assert refused.status_code == 401
        assert read == []
    forbidden = await client.post(
        "/v1/runs", content=body(), headers=json_type | bearer(keys.records)
    )
    assert forbidden.status_code == 403
    assert read == []
    accepted = await client.post("/v1/runs", content=body(), headers=json_type | bearer(keys.runs))
    assert accepted.status_code == 202
    assert len(read) == 2


async def test_ingest_payload_is_accepted_and_requests_coalesce(
    client: httpx.AsyncClient, keys: Any
) -> None:
    headers = {**bearer(keys.runs), "Idempotency-Key": "ingest-outbox-17-17"}
    first = await client.post("/v1/runs", json=INGEST_BODY, headers=headers)
    assert first.status_code == 202, first.text
    run = first.json()
    assert run["status"] == "pending"
    assert run["gminas"] == [CITY]
    assert first.headers["location"] == f"/v1/runs/{run['id']}"
    # The same delivery again is the same run.
    again = await client.post("/v1/runs", json=INGEST_BODY, headers=headers)
    assert again.json()["id"] == run["id"]
    assert again.json()["requests"] == 1
    # Another request while the run is pending joins it.
    other = await client.post(
        "/v1/runs", json={**INGEST_BODY, "gminas": [TOWN]}, headers=bearer(keys.runs)
    )
    joined = other.json()
    assert joined["id"] == run["id"]
    assert joined["coalesced"] is True
    assert joined["requests"] == 2
    assert joined["gminas"] == [CITY, TOWN]
    # "All municipalities" absorbs the list.
    everything = await client.post("/v1/runs", json={}, headers=bearer(keys.runs))
    assert everything.json()["id"] == run["id"]
    assert everything.json()["gminas"] is None


async def test_get_run(client: httpx.AsyncClient, keys: Any) -> None:
    created = (await client.post("/v1/runs", json={}, headers=bearer(keys.runs))).json()
    assert (await client.get(f"/v1/runs/{created['id']}")).status_code == 401
    assert (
        await client.get(f"/v1/runs/{created['id']}", headers=bearer(keys.records))
    ).status_code == 403
    found = await client.get(f"/v1/runs/{created['id']}", headers=bearer(keys.reader))
    assert found.status_code == 200
    assert found.json()["status"] == "pending"
    missing = await client.get(
        "/v1/runs/00000000-0000-0000-0000-000000000000", headers=bearer(keys.runs)
    )
    assert missing.status_code == 404
    assert (await client.get("/v1/runs/not-a-uuid", headers=bearer(keys.runs))).status_code == 422


async def test_run_through_the_api_then_the_worker(
    client: httpx.AsyncClient,
    keys: Any,
    world: World,
    db_session: AsyncSession,
    settings: AnonymizerSettings,
) -> None:
    await _big_city(world)
    created = (
        await client.post("/v1/runs", json={"as_of": "2025-02-01"}, headers=bearer(keys.runs))
    ).json()
    claimed, outcome = await worker.run_next(session=db_session, settings=settings, today=TODAY)
    assert claimed
    assert outcome is not None
    run = (await client.get(f"/v1/runs/{created['id']}", headers=bearer(keys.runs))).json()
    assert run["status"] == "published"
    assert run["release_id"] == outcome.release_id
    assert run["progress"]["passed"] is True
    claimed, _ = await worker.run_next(session=db_session, settings=settings, today=TODAY)
    assert not claimed


async def test_releases_cells_filters_csv_and_diff(
    client: httpx.AsyncClient, world: World, db_session: AsyncSession, settings: AnonymizerSettings
) -> None:
    await _big_city(world)
    # (After an error response the test session stays in the service's role, which cannot
    # write records: set up data first.)
    assert (await client.get("/v1/releases/latest")).status_code == 404
    first_run, first = await publish(db_session, settings)
    run, second = await publish(db_session, settings, k=6)
    assert first is not None, first_run["reason"]
    assert second is not None, run["reason"]
    listing = (await client.get("/v1/releases?limit=1")).json()
    assert listing["numberMatched"] == 2
    assert listing["releases"][0]["id"] == second.release_id
    assert any(link["rel"] == "next" for link in listing["links"])
    latest = (await client.get("/v1/releases/latest")).json()
    assert latest["id"] == second.release_id
    assert latest["is_current"] is True
    assert latest["k"] == 6
    one = (await client.get(f"/v1/releases/{first.release_id}")).json()
    assert one["is_current"] is False
    assert one["audit"]["passed"] is True
    assert (await client.get("/v1/releases/999999")).status_code == 404
    assert (await client.get("/v1/releases/abc")).status_code == 422
    assert (await client.get("/v1/releases/0")).status_code == 422
    huge = await client.get("/v1/releases", params={"offset": 10**30})
    assert huge.status_code in (200, 422)

    url = f"/v1/releases/{first.release_id}/cells"
    query = {"category": "any", "period": "2024-Q1", "measure": "persons", "source": "all"}
    filtered = (await client.get(url, params={**query, "unit": DISTRICTS[2]})).json()
    assert filtered["numberMatched"] == 1
    published = (
        await client.get(url, params={**query, "level": "district", "suppressed": "false"})
    ).json()["cells"]
    assert published
    for cell in published:
        assert cell["level"] == "district"
        assert not cell["suppressed"]
        assert cell["rate"] == cell["value"] / 5000 * 1000
        assert cell["rate_lower"] < cell["rate"] < cell["rate_upper"]
    by_level = (await client.get(url, params={"level": "gmina", "limit": 1000})).json()
    assert {cell["level"] for cell in by_level["cells"]} == {"gmina"}
    for params in (
        {"level": "street"},
        {"period": "2024-Q5"},
        {"measure": "cases"},
        {"unit": "x' OR 1=1"},
        {"limit": 0},
        {"format": "xml"},
    ):
        assert (await client.get(url, params=params)).status_code == 422, params

    exported = await client.get(url, params={"format": "csv", "level": "district"})
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert rows
    assert {row["level"] for row in rows} == {"district"}

    diff = (
        await client.get(
            f"/v1/releases/{second.release_id}/diff", params={"against": first.release_id}
        )
    ).json()
    assert diff["against"] == first.release_id
    for change in diff["changes"]:
        if change["old_suppressed"] or change["new_suppressed"]:
            assert change["difference"] is None
    assert (
        await client.get(f"/v1/releases/{second.release_id}/diff", params={"against": 999999})
    ).status_code == 404
    assert (await client.get(f"/v1/releases/{second.release_id}/diff")).status_code == 422


async def test_benchmarks(
    client: httpx.AsyncClient, world: World, db_session: AsyncSession, settings: AnonymizerSettings
) -> None:
    for number, district in enumerate(DISTRICTS):
        await world.add_many(12 + number, f"d{number}", district=district)
    await world.add_many(30, "town", district=None, gmina=TOWN)
    await db_session.execute(
        text("INSERT INTO stats.peer_group (code, name) VALUES ('test-group', 'Test')")
    )
    await db_session.execute(
        text(
            "INSERT INTO stats.peer_group_member (group_code, unit_code, name) VALUES"
            " ('test-group', '9701011', 'Testowo'), ('test-group', '9701022', 'Próbki'),"
            " ('test-group', '9799011', 'Nowhere')"
        )
    )
    _, outcome = await publish(db_session, settings)
    assert outcome is not None
    groups = (await client.get("/v1/peer-groups")).json()
    assert {"gwd-2007-2008", "test-group"} <= {group["code"] for group in groups}
    body = (
        await client.get("/v1/benchmarks", params={"group": "test-group", "period": "2024"})
    ).json()
    members = {member["unit_code"]: member for member in body["members"]}
    assert members["9799011"]["status"] == "no_data"
    city = members[CITY]
    assert city["status"] == "published"
    assert city["comparison"] in ("higher", "similar", "lower")
    assert city["rank"] in (1, 2)
    assert body["group_rate"] is not None
    exported = await client.get(
        "/v1/benchmarks", params={"group": "test-group", "period": "2024", "format": "csv"}
    )
    assert exported.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(exported.text)))) == 3
    assert (
        await client.get("/v1/benchmarks", params={"group": "nope", "period": "2024"})
    ).status_code == 404
    assert (await client.get("/v1/benchmarks")).status_code == 422
    assert (
        await client.get("/v1/benchmarks", params={"period": "2024", "release": 999999})
    ).status_code == 404


async def test_benchmark_never_uses_a_suppressed_member(
    client: httpx.AsyncClient, world: World, db_session: AsyncSession, settings: AnonymizerSettings
) -> None:
    """The town (2 persons) is suppressed: no value, rate, rank or comparison, and the group
    value is pooled over published members only, so it cannot be differenced."""
    await _big_city(world)
    await db_session.execute(
        text("INSERT INTO stats.peer_group (code, name) VALUES ('pair', 'Pair')")
    )
    await db_session.execute(
        text(
            "INSERT INTO stats.peer_group_member (group_code, unit_code, name) VALUES"
            " ('pair', '9701011', 'Testowo'), ('pair', '9701022', 'Próbki')"
        )
    )
    _, outcome = await publish(db_session, settings)
    assert outcome is not None
    body = (
        await client.get(
            "/v1/benchmarks", params={"group": "pair", "period": "2024-Q1", "source": "all"}
        )
    ).json()
    members = {member["unit_code"]: member for member in body["members"]}
    town = members[TOWN]
    assert town["status"] == "suppressed"
    for field in ("value", "population", "rate", "rate_lower", "rate_upper", "rank"):
        assert town[field] is None
    assert body["members_in_group_value"] <= 1


async def test_no_suppressed_value_in_any_output(
    client: httpx.AsyncClient, world: World, db_session: AsyncSession, settings: AnonymizerSettings
) -> None:
    """Scan JSON cells, CSV cells, diffs and benchmarks: every suppressed cell is a bare flag,
    the same for primary and secondary suppression."""
    await _big_city(world)
    _, first = await publish(db_session, settings)
    _, second = await publish(db_session, settings, k=7)
    assert first is not None
    assert second is not None
    kinds = await db_session.execute(
        text("SELECT DISTINCT suppression FROM stats.cell WHERE release_id = :r AND suppressed"),
        {"r": first.release_id},
    )
    assert {kind for (kind,) in kinds.all()} == {"primary", "secondary"}
    for release_id in (first.release_id, second.release_id):
        url = f"/v1/releases/{release_id}/cells"
        cells = (await client.get(url, params={"limit": 1000})).json()["cells"]
        suppressed = [cell for cell in cells if cell["suppressed"]]
        assert suppressed
        for cell in suppressed:
            assert set(cell) == set(cells[0])  # same shape as any cell, no kind
            for field in ("value", "population", "rate", "rate_lower", "rate_upper"):
                assert cell[field] is None
        text_csv = (await client.get(url, params={"format": "csv"})).text
        for row in csv.DictReader(io.StringIO(text_csv)):
            if row["suppressed"]:
                assert row["suppressed"] == "x"
                assert row["value"] == row["rate"] == row["rate_lower"] == row["rate_upper"] == ""
        assert "primary" not in text_csv
        assert "secondary" not in text_csv
    diff = await client.get(
        f"/v1/releases/{second.release_id}/diff",
        params={"against": first.release_id, "format": "csv"},
    )
    for row in csv.DictReader(io.StringIO(diff.text)):
        if row["old_suppressed"]:
            assert row["old_value"] == ""
            assert row["difference"] == ""
        if row["new_suppressed"]:
            assert row["new_value"] == ""
            assert row["difference"] == ""
    for params in ({"period": "2024-Q1"}, {"period": "2024", "format": "csv"}):
        response = await client.get("/v1/benchmarks", params={"group": "gwd-2007-2008", **params})
        assert response.status_code == 200
