"""Keys, scopes and isolation between institutions."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import pesels, record
from shared.institutions import create_api_key, get_institution, revoke_api_key

URL = "/v1/records:batch"


async def test_missing_invalid_and_revoked_keys_are_401(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    body = {"records": [record("A-1", pesels(1)[0])]}
    for headers in (
        {},
        {"Authorization": "Bearer nonsense"},
        {"Authorization": "Bearer sm_000000000000_wrongsecret"},
        {"Authorization": f"Bearer {ops.token}x"},
        {"Authorization": f"Basic {ops.token}"},
    ):
        response = await client.post(URL, json=body, headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["content-type"] == "application/problem+json"
    await revoke_api_key(db_session, prefix=ops.key_prefix)
    response = await client.post(URL, json=body, headers=ops.headers)
    assert response.status_code == 401
    for path in ("/v1/batches", "/v1/records/A-1"):
        assert (await client.get(path)).status_code in (401, 405)
    assert (await client.delete("/v1/records/A-1")).status_code == 401


async def test_a_key_without_the_scope_is_403(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    institution = await get_institution(db_session, name_or_id="MOPS test")
    issued = await create_api_key(
        db_session, institution=institution, name="editor", scopes=["catalog:edit"]
    )
    response = await client.post(
        URL,
        json={"records": [record("A-1", pesels(1)[0])]},
        headers={"Authorization": f"Bearer {issued.token}"},
    )
    assert response.status_code == 403


async def test_institutions_never_see_each_others_batches_or_records(
    client: httpx.AsyncClient, ops, other_ops
) -> None:
    response = await client.post(
        URL, json={"records": [record("SHARED-1", pesels(1)[0])]}, headers=ops.headers
    )
    batch_id = response.json()["id"]
    assert (await client.get(f"/v1/batches/{batch_id}", headers=ops.headers)).status_code == 200
    foreign = await client.get(f"/v1/batches/{batch_id}", headers=other_ops.headers)
    assert foreign.status_code == 404
    assert "SHARED" not in foreign.text
    assert batch_id not in foreign.json().get("detail", "")
    listing = (await client.get("/v1/batches", headers=other_ops.headers)).json()
    assert listing["numberMatched"] == 0
    assert listing["batches"] == []
    own = (await client.get("/v1/batches", headers=ops.headers)).json()
    assert [batch["id"] for batch in own["batches"]] == [batch_id]
    assert "errors" not in own["batches"][0]
    # Erasing the same external_id with another institution's key finds nothing.
    assert (
        await client.delete("/v1/records/SHARED-1", headers=other_ops.headers)
    ).status_code == 404
    assert (await client.delete("/v1/records/SHARED-1", headers=ops.headers)).status_code == 204


async def test_batch_list_pagination(client: httpx.AsyncClient, ops) -> None:
    ids = pesels(3)
    for n, pesel in enumerate(ids):
        await client.post(URL, json={"records": [record(f"P-{n}", pesel)]}, headers=ops.headers)
    page = (await client.get("/v1/batches?limit=2", headers=ops.headers)).json()
    assert (page["numberMatched"], page["numberReturned"]) == (3, 2)
    assert [link["rel"] for link in page["links"]] == ["self", "next"]
    rest = (await client.get("/v1/batches?limit=2&offset=2", headers=ops.headers)).json()
    assert rest["numberReturned"] == 1


async def test_unknown_batch_id_is_404(client: httpx.AsyncClient, ops) -> None:
    response = await client.get(
        "/v1/batches/00000000-0000-0000-0000-000000000000", headers=ops.headers
    )
    assert response.status_code == 404
    assert (await client.get("/v1/batches/not-a-uuid", headers=ops.headers)).status_code == 422


async def test_institutions_that_do_not_hold_cases_cannot_push(
    client: httpx.AsyncClient, db_session: AsyncSession, geography: None
) -> None:
    from shared.institutions import create_institution

    rops = await create_institution(db_session, kind="ROPS", name="ROPS test", territory=["24"])
    issued = await create_api_key(db_session, institution=rops, name="t", scopes=["records:write"])
    response = await client.post(
        URL,
        json={"records": [record("R-1", pesels(1)[0])]},
        headers={"Authorization": f"Bearer {issued.token}", "Accept-Language": "pl"},
    )
    assert response.status_code == 403
    assert "nie przesyła" in response.json()["detail"]


async def test_external_ids_with_slashes_can_be_erased(client: httpx.AsyncClient, ops) -> None:
    await client.post(
        URL, json={"records": [record("OPS/2024/17", pesels(1)[0])]}, headers=ops.headers
    )
    response = await client.delete("/v1/records/OPS/2024/17", headers=ops.headers)
    assert response.status_code == 204
