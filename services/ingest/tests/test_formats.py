"""Body formats and request-level failures of POST /v1/records:batch."""

from __future__ import annotations

import codecs
from typing import Any

import httpx
import orjson
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import DISTRICT_EAST, DISTRICT_WEST, GMINA, SIMC, pesels, record, stored_records

URL = "/v1/records:batch"


async def _stored(session: AsyncSession, caller: Any, *external_ids: str) -> list[tuple[Any, ...]]:
    stored = await stored_records(
        session, caller.institution_id, external_ids, "district_code, gmina_code, categories"
    )
    return [(external_id, *values) for external_id, values in stored.items()]


async def test_json_batch_is_stored_and_reported(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    body = {"records": [record(f"C-{n}", pesel) for n, pesel in enumerate(pesels(3))]}
    response = await client.post(URL, json=body, headers=ops.headers)
    assert response.status_code == 201, response.text
    report = response.json()
    assert report | {"id": None, "created_at": None, "completed_at": None} == {
        "id": None,
        "status": "completed",
        "media_type": "application/json",
        "idempotency_key": None,
        "received": 3,
        "accepted": 3,
        "inserted": 3,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "unresolved": {},
        "created_at": None,
        "completed_at": None,
        "profile": None,
        "rejected_by_code": {},
        "errors": [],
        "errors_truncated": False,
    }
    assert response.headers["location"] == f"/v1/batches/{report['id']}"
    stored = await _stored(db_session, ops, "C-0", "C-1", "C-2")
    assert stored == [(f"C-{n}", DISTRICT_WEST, GMINA, ["poverty"]) for n in range(3)]
    assert await db_session.scalar(text("SELECT count(*) FROM ingest.record")) == 3


async def test_ndjson_batch_with_a_broken_line(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    first, second = pesels(2)
    lines = [
        orjson.dumps(record("N-1", first)),
        b"",
        b'{"external_id": "N-2", broken',
        orjson.dumps(record("N-3", second)),
    ]
    response = await client.post(
        URL,
        content=b"\n".join(lines) + b"\n",
        headers={**ops.headers, "Content-Type": "application/x-ndjson"},
    )
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["received"], report["inserted"], report["rejected"]) == (3, 2, 1)
    assert report["errors"] == [
        {
            "row": 1,
            "line": 3,
            "field": "record",
            "code": "invalid_json_line",
            "message": "This line is not valid JSON.",
            "message_pl": "Ten wiersz nie jest poprawnym JSON-em.",
        }
    ]


async def test_windows_1250_csv_with_polish_headers_and_labels(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    first, second, third = pesels(3)
    csv_text = (
        "Nr sprawy;PESEL;Data;Kategorie;Osiedle;SIMC;Ulica;Nr domu;Płeć;Wiek\n"
        f"CSV-1;{first};15.03.2024;Ubóstwo|rodziny niepełne;{DISTRICT_EAST};;;;K;30-39\n"
        f"CSV-2;{second};2024-04-01;długotrwała lub ciężka choroba;;{SIMC};ul. Piastowska;46;;\n"
        f"CSV-3;{third};2024-04-01;przemoc domowa;;{SIMC};Żółta;3;;\n"
    )
    body = csv_text.encode("cp1250")
    assert "ł".encode("cp1250") in body  # really Windows-1250, not UTF-8
    response = await client.post(
        URL, content=body, headers={**ops.headers, "Content-Type": "text/csv"}
    )
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["inserted"], report["rejected"]) == (3, 0), report
    assert report["unresolved"] == {"address_not_in_register": 1}
    assert await _stored(db_session, ops, "CSV-1", "CSV-2", "CSV-3") == [
        # A sub-category comes with its parent (categories are closed upward).
        (
            "CSV-1",
            DISTRICT_EAST,
            GMINA,
            ["parenting_household_helplessness", "poverty", "single_parent_family"],
        ),
        # Piastowska 46: even numbers are in the east district.
        ("CSV-2", DISTRICT_EAST, GMINA, ["long_term_illness"]),
        ("CSV-3", None, GMINA, ["domestic_violence"]),
    ]


async def test_utf8_bom_csv_with_commas_and_points(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    first, second = pesels(2)
    csv_text = (
        "external_id,subject_id,reference_date,categories,x,y,crs\n"
        f'P-1,{first},2024-01-10,"poverty,disability",22.12,53.83,EPSG:4326\n'
        # EPSG:2180 (x = easting, y = northing) of 22.17 E 53.83 N, in the east district.
        f"P-2,{second},2024-01-10,poverty,708542.88,667476.73,2180\n"
    )
    response = await client.post(
        URL,
        content=codecs.BOM_UTF8 + csv_text.encode(),
        headers={**ops.headers, "Content-Type": "text/csv; charset=utf-8"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["inserted"] == 2, response.json()
    assert await _stored(db_session, ops, "P-1", "P-2") == [
        ("P-1", DISTRICT_WEST, GMINA, ["disability", "poverty"]),
        ("P-2", DISTRICT_EAST, GMINA, ["poverty"]),
    ]


async def test_csv_with_unknown_column_is_refused(client: httpx.AsyncClient, ops) -> None:
    (pesel,) = pesels(1)
    body = f"id;pesel;data;kategorie;notatka\nX-1;{pesel};2024-01-01;poverty;lives alone\n"
    response = await client.post(
        URL, content=body.encode(), headers={**ops.headers, "Content-Type": "text/csv"}
    )
    assert response.status_code == 422
    problem = response.json()
    assert [(e["field"], e["location"], e["code"], e["column"]) for e in problem["errors"]] == [
        ("notatka", "body", "unknown_column", 5)
    ]
    assert "Remove the column" in problem["errors"][0]["message"]
    assert "lives alone" not in response.text  # a value of the column is never echoed


async def test_malformed_json_is_422(client: httpx.AsyncClient, ops) -> None:
    response = await client.post(
        URL,
        content=b'{"records": [{"external_id": ',
        headers={**ops.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "urn:socmap:problem:validation-error"


async def test_json_without_records_list_is_422(client: httpx.AsyncClient, ops) -> None:
    response = await client.post(URL, json=[{"external_id": "x"}], headers=ops.headers)
    assert response.status_code == 422


async def test_wrong_content_type_is_415(client: httpx.AsyncClient, ops) -> None:
    response = await client.post(
        URL, content=b"<records/>", headers={**ops.headers, "Content-Type": "application/xml"}
    )
    assert response.status_code == 415
    assert response.json()["type"] == "urn:socmap:problem:unsupported-media-type"


async def test_empty_batch_is_422(client: httpx.AsyncClient, ops, db_session: AsyncSession) -> None:
    for content, media_type in (
        (b'{"records": []}', "application/json"),
        (b"\n\n", "application/x-ndjson"),
        (b"id;pesel;data;kategorie\n", "text/csv"),
        (b"", "text/csv"),
    ):
        response = await client.post(
            URL, content=content, headers={**ops.headers, "Content-Type": media_type}
        )
        assert response.status_code == 422, (media_type, response.text)
    assert (await db_session.scalar(text("SELECT count(*) FROM ingest.batch"))) == 0


async def test_one_row_over_the_limit_is_413_and_writes_nothing(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(201)  # the test app allows 200 rows
    over = {"records": [record(f"L-{n}", pesel) for n, pesel in enumerate(ids)]}
    response = await client.post(URL, json=over, headers=ops.headers)
    assert response.status_code == 413, response.text
    assert response.json()["max_rows"] == 200
    lines = b"\n".join(orjson.dumps(item) for item in over["records"])
    response = await client.post(
        URL, content=lines, headers={**ops.headers, "Content-Type": "application/x-ndjson"}
    )
    assert response.status_code == 413
    assert (await db_session.scalar(text("SELECT count(*) FROM ingest.record"))) == 0
    assert (await db_session.scalar(text("SELECT count(*) FROM ingest.batch"))) == 0
    at_limit = {"records": over["records"][:200]}
    response = await client.post(URL, json=at_limit, headers=ops.headers)
    assert response.status_code == 201
    assert response.json()["inserted"] == 200


async def test_too_many_bytes_is_413(client: httpx.AsyncClient, ops) -> None:
    (pesel,) = pesels(1)
    padding = [record(f"B-{n}", pesel, household_id="H" * 60) for n in range(150)]
    content = orjson.dumps({"records": padding}) + b" " * 200_000
    response = await client.post(
        URL, content=content, headers={**ops.headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["max_bytes"] == 200_000

    async def chunks():  # no Content-Length: the limit holds while streaming
        for _ in range(30):
            yield b" " * 10_000

    response = await client.post(
        URL, content=chunks(), headers={**ops.headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 413


async def test_openapi_documents_the_three_formats(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()
    body = schema["paths"]["/v1/records:batch"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "application/x-ndjson", "text/csv"}
    assert "RecordIn" in schema["components"]["schemas"]
    assert "LocationIn" in schema["components"]["schemas"]


async def test_undecodable_csv_and_bom_json(client: httpx.AsyncClient, ops) -> None:
    # 0x81 and 0x98 are undefined in Windows-1250 and invalid in UTF-8.
    for content in (
        b"id;pesel\x81\x98\n1;2\n",
        b"id;pesel;data;kategorie\nX;\x81\x98;2024-01-01;poverty\n",
    ):
        response = await client.post(
            URL, content=content, headers={**ops.headers, "Content-Type": "text/csv"}
        )
        assert response.status_code == 422, response.text
    body = codecs.BOM_UTF8 + orjson.dumps({"records": [record("BOM-1", pesels(1)[0])]})
    response = await client.post(
        URL, content=body, headers={**ops.headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 201
    assert response.json()["inserted"] == 1
