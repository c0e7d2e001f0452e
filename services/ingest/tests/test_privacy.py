"""DESIGN §3: no person id, no point and no address survives ingest anywhere in the database."""

from __future__ import annotations

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import SIMC, ULIC, pesels, record
from ingest.validation import normalize_street

URL = "/v1/records:batch"

POINTS_4326 = [(22.1212345, 53.8212345), (22.1787654, 53.8456789)]
POINTS_2180 = [(705961.25, 666248.75)]  # about 22.13 E 53.82 N
STREETS = ["Tajemnicza", "Kwiatowa Ukryta"]  # not in the street register
HOUSEHOLDS = ["RODZINA-778-XYZ", "RODZINA-779-XYZ"]
LOCAL_ID = "KARTOTEKA-4711"


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


async def _scan(session: AsyncSession, needles: list[str]) -> tuple[list[str], int]:
    """Every text-like, bytea and geometry column of every table, searched for the needles."""
    db_session = session
    found: list[str] = []
    scanned = 0
    for schema, table, column, udt in await _columns(db_session):
        name = f'"{schema}"."{table}"'
        quoted = f'"{column}"'
        if udt == "bytea":
            for needle in needles:
                hit = await db_session.scalar(
                    text(
                        f"SELECT count(*) FROM {name} WHERE position(convert_to(:needle, 'UTF8')"
                        f" in {quoted}) > 0"
                    ),
                    {"needle": needle},
                )
                if hit:
                    found.append(f"{schema}.{table}.{column} contains {needle}")
        elif udt == "geometry":
            for x, y, srid in [(*p, 4326) for p in POINTS_4326] + [(*p, 2180) for p in POINTS_2180]:
                hit = await db_session.scalar(
                    text(
                        f"SELECT count(*) FROM {name} AS t, LATERAL ST_DumpPoints(t.{quoted}) AS dp"
                        f" WHERE t.{quoted} IS NOT NULL AND ST_SRID(t.{quoted}) <> 0"
                        " AND ST_DWithin(ST_Transform(dp.geom, 4326),"
                        " ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), :srid), 4326), 1e-6)"
                    ),
                    {"x": x, "y": y, "srid": srid},
                )
                if hit:
                    found.append(f"{schema}.{table}.{column} has a vertex at {x} {y}")
        else:
            hit = await db_session.scalar(
                text(f"SELECT count(*) FROM {name} WHERE {quoted}::text ILIKE ANY(:patterns)"),
                {"patterns": [f"%{needle}%" for needle in needles]},
            )
            if hit:
                found.append(f"{schema}.{table}.{column} contains one of the needles")
        scanned += 1
    return found, scanned


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
    response = await client.post(URL, json={"records": records}, headers=ops.headers)
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

    needles = [
        *ids,
        *(f"{value}" for point in POINTS_4326 + POINTS_2180 for value in point),
        "14.1234567",
        *STREETS,
        *(normalize_street(street) for street in STREETS),
        *HOUSEHOLDS,
        LOCAL_ID,
    ]
    found, scanned = await _scan(db_session, needles)
    assert scanned > 50
    assert found == []
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
    canaries, _ = await _scan(db_session, needles)
    assert len(canaries) == 3, canaries
    # The records are there, at district or municipality level only.
    levels = (
        await db_session.execute(
            text(
                "SELECT district_code IS NOT NULL, unresolved_reason FROM ingest.record ORDER BY external_id"
            )
        )
    ).all()
    assert len(levels) == 7
