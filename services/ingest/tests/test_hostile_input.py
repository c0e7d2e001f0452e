"""No input answers 5xx: bounded integers, characters PostgreSQL text refuses (a row error, never
the whole batch), erasure ids one by one, CSV headers naming one field twice."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import SIMC, pesels, record

URL = "/v1/records:batch"
NUL = "\x00"


def _problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    return body


async def _count_records(session: AsyncSession) -> int:
    return int(await session.scalar(text("SELECT count(*) FROM ingest.record")) or 0)


@pytest.mark.parametrize("offset", ["9223372036854775808", "2000000001", "-1", "1e3"])
async def test_out_of_range_offsets_are_422(client: httpx.AsyncClient, ops, offset: str) -> None:
    response = await client.get("/v1/batches", params={"offset": offset}, headers=ops.headers)
    problem = _problem(response, 422)
    assert [error["field"] for error in problem["errors"]] == ["offset"]


def _with_nul(pesel: str, field: str) -> dict[str, Any]:
    """A valid record with a NUL inside one string field."""
    address = {"simc": SIMC, "street": "Piastowska", "number": "7"}
    if field == "location.address.street":
        return record("BAD-1", pesel, location={"address": {**address, "street": f"Pias{NUL}"}})
    if field == "location.address.number":
        return record("BAD-1", pesel, location={"address": {**address, "number": f"7{NUL}"}})
    if field == "categories[0]":
        return record("BAD-1", pesel, categories=[f"poverty{NUL}"])
    if field == "external_id":
        return record(f"BAD-1{NUL}", pesel)
    return record("BAD-1", pesel, **{field: f"X-1{NUL}"})


FIELDS = [
    "location.address.street",
    "location.address.number",
    "categories[0]",
    "household_id",
    "subject_id",
    "external_id",
]


@pytest.mark.parametrize("field", FIELDS)
async def test_a_nul_in_a_json_field_is_a_row_error(
    client: httpx.AsyncClient, ops, db_session: AsyncSession, field: str
) -> None:
    first, second = pesels(2)
    body = {"records": [record("GOOD-1", first), _with_nul(second, field)]}
    response = await client.post(URL, json=body, headers=ops.headers)
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["inserted"], report["rejected"]) == (1, 1)
    assert [(error["row"], error["field"]) for error in report["errors"]] == [(1, field)]
    assert await _count_records(db_session) == 1


async def test_a_nul_in_ndjson_and_in_csv_is_a_row_error(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    first, second, third, fourth = pesels(4)
    lines = [
        orjson.dumps(record("ND-1", first)),
        orjson.dumps(_with_nul(second, "location.address.street")),
    ]
    response = await client.post(
        URL,
        content=b"\n".join(lines),
        headers={**ops.headers, "Content-Type": "application/x-ndjson"},
    )
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["inserted"], report["rejected"]) == (1, 1)
    assert [(e["line"], e["field"]) for e in report["errors"]] == [(2, "location.address.street")]

    csv_body = (
        "id;pesel;data;kategorie;simc;ulica;nr_domu\n"
        f"CSV-1;{third};2024-03-15;poverty;{SIMC};Piastowska;7\n"
        f"CSV-2;{fourth};2024-03-15;poverty;{SIMC};Pias{NUL}towska;8\n"
    )
    response = await client.post(
        URL, content=csv_body.encode(), headers={**ops.headers, "Content-Type": "text/csv"}
    )
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["inserted"], report["rejected"]) == (1, 1)
    assert [(e["line"], e["field"]) for e in report["errors"]] == [(3, "location.address.street")]
    assert await _count_records(db_session) == 2


async def test_a_nul_in_an_unknown_field_name_is_a_row_error(
    client: httpx.AsyncClient, ops
) -> None:
    first, second = pesels(2)
    body = {"records": [record("GOOD-1", first), record("BAD-1", second, **{f"n{NUL}te": "x"})]}
    response = await client.post(URL, json=body, headers=ops.headers)
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["inserted"] == 1
    assert [error["code"] for error in report["errors"]] == ["unknown_field"]


async def test_a_nul_in_an_erasure_id_is_a_field_error_for_that_id_only(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(2)
    body = {"records": [record(f"REL-{n}", pesel) for n, pesel in enumerate(ids)]}
    assert (await client.post(URL, json=body, headers=ops.headers)).status_code == 201

    problem = _problem(await client.delete("/v1/records/REL-X%00", headers=ops.headers), 422)
    assert [(e["field"], e["location"]) for e in problem["errors"]] == [("external_id", "path")]

    response = await client.post(
        "/v1/records:erase",
        json={"external_ids": ["REL-0", f"REL-X{NUL}", "REL-404"]},
        headers=ops.headers,
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["requested"], report["erased"], report["not_found"]) == (3, 1, 1)
    assert [(e["field"], e["code"]) for e in report["errors"]] == [
        ("external_ids[1]", "invalid_format")
    ]
    assert await _count_records(db_session) == 1


async def test_two_csv_columns_for_one_field_are_refused(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    pesel = pesels(1)[0]
    csv_body = f"external_id;pesel;data;kategorie;id\nA-1;{pesel};2024-03-15;poverty;A-2\n"
    response = await client.post(
        URL, content=csv_body.encode(), headers={**ops.headers, "Content-Type": "text/csv"}
    )
    problem = _problem(response, 422)
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [
        ("external_id", "duplicate_column")
    ]
    assert "external_id, id" in problem["errors"][0]["message"]
    assert await _count_records(db_session) == 0
