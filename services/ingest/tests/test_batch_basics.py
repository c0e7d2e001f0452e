from __future__ import annotations

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import DISTRICT_WEST, GMINA, pesels, record


async def test_json_batch_is_stored_and_reported(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(3)
    body = {"records": [record(f"C-{n}", pesel) for n, pesel in enumerate(ids)]}
    response = await client.post("/v1/records:batch", json=body, headers=ops.headers)
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["received"] == 3
    assert report["inserted"] == 3
    assert report["rejected"] == 0
    assert response.headers["location"] == f"/v1/batches/{report['id']}"
    rows = (
        await db_session.execute(
            text("SELECT external_id, district_code, gmina_code, sex, age_band FROM ingest.record ORDER BY 1")
        )
    ).all()
    assert [row[0] for row in rows] == ["C-0", "C-1", "C-2"]
    assert all(row[1] == DISTRICT_WEST and row[2] == GMINA for row in rows)
    assert all(row[3] in ("F", "M") and row[4] for row in rows)
