"""Issue 16, acceptance: the messy Bielsko-Biała export, pushed through an export profile.

The raw export (``data/synthetic-bielsko-biala-raw-export.csv``: Windows-1250, ``;``, CRLF,
``DD.MM.YYYY``, Polish headers, street addresses, and ten columns that are no record field:
names, date of birth, amounts, phone, notes, "Miejscowość") goes through a profile that maps
its headers and codes and declares the ten columns ignored. Every row with a valid address
resolves to its district, the others get row errors naming the field, and no value of an
ignored column is stored or logged.
"""

from __future__ import annotations

import csv
import io
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import stored_records
from shared.testing.geography import (
    BIELSKO_SIMC,
)

EXPORT = Path(__file__).parent / "data" / "synthetic-bielsko-biala-raw-export.csv"
IGNORED = [
    "Lp.",
    "Nazwisko",
    "Imię",
    "Data urodzenia",
    "Miejscowość",
    "Nr lokalu",
    "Kwota świadczenia",
    "Forma wypłaty",
    "Telefon",
    "Uwagi",
]
PROFILE: dict[str, Any] = {
    "name": "mops-bielsko",
    "columns": {
        "Data przyznania": "reference_date",
        "Powód przyznania": "categories",
        "Kod SIMC": "location.address.simc",
    },
    "ignore": IGNORED,
    "values": {
        "categories": {
            "UB": "poverty",
            "BEZR": "unemployment",
            "PRZ": "domestic_violence",
            "NIEP": "disability",
        }
    },
    "date_formats": ["%d.%m.%Y"],
    "encoding": "cp1250",
    "delimiter": ";",
}


def _ignored_values() -> set[str]:
    """Every non-empty value of the ignored columns of the export."""
    raw = EXPORT.read_bytes()
    assert b"\r\n" in raw  # CRLF, as the export
    rows = list(csv.DictReader(io.StringIO(raw.decode("cp1250"), newline=""), delimiter=";"))
    values = {row[column].strip() for row in rows for column in IGNORED}
    values.discard("")
    # Short numbers ("1", "3") occur anywhere; a value of 4+ characters identifies its column.
    return {value for value in values if len(value) >= 4}


async def _district(session: AsyncSession, street: str, parity: str | None, number: int) -> str:
    query = (
        "SELECT district_code FROM geo.street_district WHERE simc = :simc AND street_name = :street"
    )
    if parity is None:
        query += " AND source = 'street'"
        found = await session.scalar(text(query), {"simc": BIELSKO_SIMC, "street": street})
    else:
        query += " AND parity = :parity AND :number BETWEEN number_from AND number_to"
        found = await session.scalar(
            text(query),
            {"simc": BIELSKO_SIMC, "street": street, "parity": parity, "number": number},
        )
    assert found is not None
    return str(found)


async def test_the_messy_bielsko_biala_export_through_a_profile(
    client: httpx.AsyncClient,
    bielsko: tuple[Any, dict[str, str]],
    db_session: AsyncSession,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    institution, headers = bielsko
    body = EXPORT.read_bytes()
    csv_headers = {**headers, "Content-Type": "text/csv"}

    # Without the profile the export is refused, naming each column but no value.
    refused = await client.post("/v1/records:batch", content=body, headers=csv_headers)
    assert refused.status_code == 422
    assert {e["code"] for e in refused.json()["errors"]} == {"unknown_column"}

    created = await client.post("/v1/profiles", json=PROFILE, headers=headers)
    assert created.status_code == 201, created.text

    # The dry run gives the report the live batch will get, and stores nothing.
    dry = await client.post(
        "/v1/records:batch",
        params={"profile": "mops-bielsko", "dry_run": "true"},
        content=body,
        headers=csv_headers,
    )
    assert dry.status_code == 200, dry.text
    assert await db_session.scalar(text("SELECT count(*) FROM ingest.record")) == 0

    response = await client.post(
        "/v1/records:batch", params={"profile": "mops-bielsko"}, content=body, headers=csv_headers
    )
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["profile"] == "mops-bielsko@1"
    assert (report["received"], report["accepted"], report["rejected"]) == (9, 5, 4)
    assert report["unresolved"] == {}
    # Lines of the file (the header is line 1): each refused row names its field.
    assert {(error["line"], error["field"], error["code"]) for error in report["errors"]} == {
        (7, "reference_date", "invalid_date"),  # 31.02.2024
        (8, "location.address", "outside_territory"),  # Wrocław's SIMC
        (9, "categories[0]", "unknown_category"),  # a code the profile does not map
        (10, "subject_id", "invalid_pesel"),  # a wrong check digit
    }
    for key in ("received", "accepted", "rejected", "unresolved", "rejected_by_code", "errors"):
        assert dry.json()[key] == report[key], key

    numbers = [f"MOPS/2024/010{n}" for n in range(1, 10)]
    stored = await stored_records(db_session, institution, numbers, "district_code, categories")
    lotnicza = await _district(db_session, "lotnicza", None, 0)
    assert stored == {
        "MOPS/2024/0101": (lotnicza, ["poverty"]),
        "MOPS/2024/0102": (await _district(db_session, "piastowska", "odd", 7), ["unemployment"]),
        "MOPS/2024/0103": (
            await _district(db_session, "piastowska", "even", 8),
            ["domestic_violence", "poverty"],
        ),
        # No SIMC: the street is looked up in the institution's only gmina.
        "MOPS/2024/0104": (
            await _district(db_session, "wladyslawa andersa", "even", 40),
            ["disability"],
        ),
        "MOPS/2024/0105": (lotnicza, ["poverty"]),
    }

    # Nothing of an ignored column is in any ingest table or in the logs.
    ignored = _ignored_values()
    assert {"Zawadzka-Pietrzyk", "812,40", "600100201", "Bielsko-Biała", "Wrocław"} <= ignored
    dumped = []
    for table in ("batch", "record", "outbox", "audit_log", "erasure", "export_profile"):
        rows = await db_session.execute(text(f"SELECT to_jsonb(t)::text FROM ingest.{table} t"))
        dumped += [row[0] for row in rows]
    stored_text = "\n".join(dumped)
    logged = "\n".join([record.getMessage() for record in caplog.records] + [caplog.text])
    for value in ignored:
        assert value not in stored_text, value
        assert value not in logged, value
