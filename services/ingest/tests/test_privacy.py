"""DESIGN §3: no person id, case number, idempotency key, point or address survives ingest
anywhere in the database, an erasure leaves no trace, and the logs carry no value of a record."""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Sequence

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest import repository
from ingest.settings import DEVELOPMENT_PSEUDONYMIZATION_KEY
from ingest.testing import (
    DISTRICT_WEST,
    GMINA,
    SIMC,
    ULIC,
    external_hash,
    pesels,
    record,
)
from ingest.validation import normalize_street
from shared.logs import JsonFormatter

URL = "/v1/records:batch"

POINTS_4326 = [(22.1212345, 53.8212345), (22.1787654, 53.8456789)]
POINTS_2180 = [(705961.25, 666248.75)]  # about 22.13 E 53.82 N
STREETS = ["Tajemnicza", "Kwiatowa Ukryta"]  # not in the street register
HOUSEHOLDS = ["RODZINA-778-XYZ", "RODZINA-779-XYZ"]
LOCAL_ID = "KARTOTEKA-4711"
UPLOAD = "PRIV-UPLOAD-2024-03-XYZ"


async def _columns(session: AsyncSession) -> list[tuple[str, str, str, str]]:
    rows = await session.execute(
        text(
            "SELECT c.table_schema, c.table_name, c.column_name, c.udt_name"
            " FROM information_schema.columns c"
            " JOIN information_schema.tables t"
            "   ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            " WHERE t.table_type = 'BASE TABLE'"
            "   AND c.table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
    )
    return [tuple(row) for row in rows.all()]  # type: ignore[misc]


Point = tuple[float, float, int]


async def _scan(
    session: AsyncSession, needles: dict[str, str | bytes], points: Sequence[Point] = ()
) -> set[str]:
    """``<schema>.<table>.<column>: <needle>`` for each needle found in a column of a table of
    any schema: text as text (any case) or as UTF-8 bytes in a bytea, bytes as bytes or hex, and
    each point as a vertex of a geometry."""
    labels = list(needles)
    as_bytes = [v if isinstance(v, bytes) else v.encode() for v in needles.values()]
    as_text = [(v.hex() if isinstance(v, bytes) else v).lower() for v in needles.values()]
    found: set[str] = set()
    for schema, table, column, udt in await _columns(session):
        name, quoted = f'"{schema}"."{table}"', f'"{column}"'
        if udt == "geometry":
            for x, y, srid in points:
                hit = await session.scalar(
                    text(
                        f"SELECT count(*) FROM {name} AS t, LATERAL ST_DumpPoints(t.{quoted}) AS dp"
                        f" WHERE t.{quoted} IS NOT NULL AND ST_SRID(t.{quoted}) <> 0"
                        " AND ST_DWithin(ST_Transform(dp.geom, 4326),"
                        " ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), :srid), 4326), 1e-6)"
                    ),
                    {"x": x, "y": y, "srid": srid},
                )
                if hit:
                    found.add(f"{schema}.{table}.{column}: point {x} {y}")
            continue
        if udt == "bytea":
            condition, values = f"position(n.needle in t.{quoted}) > 0", as_bytes
            needle_type = "bytea[]"
        else:
            condition, values = f"strpos(lower(t.{quoted}::text), n.needle) > 0", as_text
            needle_type = "text[]"
        hits = await session.scalars(
            text(
                "SELECT n.label FROM unnest(CAST(:labels AS text[]),"
                f" CAST(:values AS {needle_type})) AS n(label, needle)"
                f" WHERE EXISTS (SELECT FROM {name} AS t WHERE {condition})"
            ),
            {"labels": labels, "values": values},
        )
        found.update(f"{schema}.{table}.{column}: {label}" for label in hits)
    return found


async def test_no_pesel_coordinate_or_street_is_stored_anywhere(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(6, seed=99)
    records = [
        record(
            "PRIV-1", ids[0], household_id=HOUSEHOLDS[0], location={"point": list(POINTS_4326[0])}
        ),
        record(
            "PRIV-2", ids[1], household_id=HOUSEHOLDS[1], location={"point": list(POINTS_4326[1])}
        ),
        record("PRIV-3", ids[2], location={"point": list(POINTS_2180[0]), "crs": "EPSG:2180"}),
        record(
            "PRIV-4",
            ids[3],
            location={"address": {"simc": SIMC, "street": STREETS[0], "number": "17"}},
        ),
        record(
            "PRIV-5",
            ids[4],
            location={"address": {"simc": SIMC, "ulic": ULIC, "street": STREETS[1], "number": "5"}},
        ),
        record("PRIV-6", LOCAL_ID, subject_id_type="local"),
        # A rejected row must not leak either.
        record("PRIV-7", ids[5], categories=["unknown"], location={"point": [14.1234567, 53.0]}),
    ]
    response = await client.post(
        URL, json={"records": records}, headers={**ops.headers, "Idempotency-Key": UPLOAD}
    )
    assert response.status_code == 201
    assert response.json()["inserted"] == 6
    csv_body = (
        "id;pesel;data;kategorie;x;y;uklad;ulica\n"
        f"PRIV-8;{ids[5]};2024-02-01;ubóstwo;{POINTS_4326[0][0]};{POINTS_4326[0][1]};EPSG:4326;\n"
    )
    response = await client.post(
        URL, content=csv_body.encode(), headers={**ops.headers, "Content-Type": "text/csv"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["inserted"] == 1

    coordinates = [value for point in POINTS_4326 + POINTS_2180 for value in point]
    needles: dict[str, str | bytes] = {
        **{f"pesel {n}": pesel for n, pesel in enumerate(ids)},
        **{f"coordinate {value}": f"{value}" for value in [*coordinates, 14.1234567]},
        **{street: street for street in STREETS},
        **{normalize_street(street): normalize_street(street) for street in STREETS},
        **{household: household for household in HOUSEHOLDS},
        LOCAL_ID: LOCAL_ID,
        # Case numbers and idempotency keys are kept only as keyed hashes.
        **{f"case PRIV-{n}": f"PRIV-{n}" for n in range(1, 9)},
        "idempotency key": UPLOAD,
    }
    points: list[Point] = [(*p, 4326) for p in POINTS_4326] + [(*p, 2180) for p in POINTS_2180]
    assert len(await _columns(db_session)) > 50
    assert await _scan(db_session, needles, points) == set()
    # The scan does find what it looks for (canaries in a jsonb, a bytea and a geometry column).
    canary = {"pesel": ids[0], "x": POINTS_4326[0][0], "y": POINTS_4326[0][1]}
    for statement in (
        "UPDATE ingest.audit_log SET counts = jsonb_build_object('leak', CAST(:pesel AS text))",
        "UPDATE ingest.batch SET content_hash = convert_to(:pesel, 'UTF8')",
        "UPDATE geo.territorial_unit SET label_point = ST_SetSRID(ST_MakePoint(:x, :y), 4326)"
        " WHERE code = '98'",
    ):
        params = {key: value for key, value in canary.items() if f":{key}" in statement}
        await db_session.execute(text(statement), params)
    assert await _scan(db_session, needles, points) == {
        "ingest.audit_log.counts: pesel 0",
        "ingest.batch.content_hash: pesel 0",
        f"geo.territorial_unit.label_point: point {POINTS_4326[0][0]} {POINTS_4326[0][1]}",
    }
    # The records are there, at district or municipality level only.
    levels = (
        await db_session.execute(
            text("SELECT district_code IS NOT NULL, unresolved_reason FROM ingest.record")
        )
    ).all()
    assert len(levels) == 7


async def test_an_erased_record_leaves_no_trace(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    """After an erasure, no table of any schema holds anything of the record that it did not
    hold before the push: its case number (clear or hashed), its person's hash, its district,
    gmina, date and point. Only its batch's own report and audit entry remain."""
    pesel = pesels(1, seed=77)[0]
    point = (22.1234567, 53.8345678)
    needles: dict[str, str | bytes] = {
        "case number": "GONE-2023-77",
        "case hash": external_hash(ops.institution_id, "GONE-2023-77"),
        "person hash": hmac.digest(
            DEVELOPMENT_PSEUDONYMIZATION_KEY.encode(), f"pesel:{pesel}".encode(), hashlib.sha256
        ),
        "district": DISTRICT_WEST,
        "gmina": GMINA,
        "date": "2023-11-07",
        "x": f"{point[0]}",
        "y": f"{point[1]}",
    }
    points: list[Point] = [(*point, 4326)]
    before = await _scan(db_session, needles, points)

    pushed = record("GONE-2023-77", pesel, reference_date="2023-11-07", location={"point": point})
    response = await client.post(URL, json={"records": [pushed]}, headers=ops.headers)
    assert response.json()["inserted"] == 1
    needles["batch"] = response.json()["id"]
    stored = await _scan(db_session, needles, points) - before
    # What the scan sees while the record exists (the outbox event names its gmina and batch).
    assert {
        "ingest.record.external_hash: case hash",
        "ingest.record.subject_hash: person hash",
        "ingest.record.district_code: district",
        "ingest.record.reference_date: date",
        "ingest.outbox.payload: gmina",
        "ingest.outbox.payload: batch",
    } <= stored

    assert (await client.delete("/v1/records/GONE-2023-77", headers=ops.headers)).status_code == 204
    assert await _scan(db_session, needles, points) - before == {
        "ingest.batch.id: batch",
        "ingest.audit_log.batch_id: batch",
    }


async def test_age_band_and_sex_are_accepted_but_not_kept(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    attributes = {"age_band": "30-39", "sex": "K"}
    pushed = record("ATTR-1", pesels(1, seed=78)[0], attributes=attributes)
    response = await client.post(URL, json={"records": [pushed]}, headers=ops.headers)
    assert response.json()["inserted"] == 1
    columns = await db_session.scalars(
        text("SELECT column_name FROM information_schema.columns WHERE table_schema = 'ingest'")
    )
    assert not {"age_band", "sex", "external_id", "idempotency_key"} & set(columns)
    # Still checked: a value outside the bands is a row error.
    wrong = record("ATTR-2", pesels(1, seed=79)[0], attributes={"age_band": "31-38"})
    response = await client.post(URL, json={"records": [wrong]}, headers=ops.headers)
    assert [error["field"] for error in response.json()["errors"]] == ["attributes.age_band"]


async def test_a_batch_failing_in_sql_logs_none_of_its_values(
    client: httpx.AsyncClient,
    ops,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The database's error message names the value at fault (here the street): the log keeps
    the error's class and frames, never its message, the bound parameters or the body."""
    failing = text(repository._RESOLVE_ADDRESSES.text + " WHERE CAST(a.street AS int) > 0")
    monkeypatch.setattr(repository, "_RESOLVE_ADDRESSES", failing)
    pesel = pesels(1, seed=80)[0]
    address = {"simc": SIMC, "street": "Piastowska", "number": "7"}
    pushed = record("LOG-2024-555", pesel, location={"address": address})
    caplog.set_level(logging.INFO)
    response = await client.post(URL, json={"records": [pushed]}, headers=ops.headers)
    assert response.status_code == 500

    formatter = JsonFormatter("ingest")
    logged = "\n".join(formatter.format(entry) for entry in caplog.records).lower()
    assert "invalidtextrepresentation" in logged  # the failure is logged, by its class
    for value in ("Piastowska", SIMC, "LOG-2024-555", pesel):
        assert value.lower() not in logged
        assert value.lower() not in response.text.lower()
