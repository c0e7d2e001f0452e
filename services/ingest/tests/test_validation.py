"""Row-by-row validation and location resolution."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import (
    DISTRICT_EAST,
    DISTRICT_WEST,
    GMINA,
    OTHER_DISTRICT,
    OTHER_GMINA,
    SIMC,
    ULIC,
    make_pesel,
    pesels,
    record,
    stored_records,
)
from ingest.validation import normalize_street, parse_crs, pesel_is_valid

URL = "/v1/records:batch"


async def _push(
    client: httpx.AsyncClient, caller: Any, records: list[dict[str, Any]]
) -> dict[str, Any]:
    response = await client.post(URL, json={"records": records}, headers=caller.headers)
    assert response.status_code == 201, response.text
    report: dict[str, Any] = response.json()
    return report


def _codes(report: dict[str, Any]) -> dict[int, list[tuple[str, str]]]:
    result: dict[int, list[tuple[str, str]]] = {}
    for error in report["errors"]:
        result.setdefault(error["row"], []).append((error["field"], error["code"]))
    return result


def test_pesel_checksum_and_birth_date() -> None:
    assert pesel_is_valid("44051401359")  # the classic example PESEL
    assert not pesel_is_valid("44051401358")  # wrong checksum
    assert not pesel_is_valid("4405140135")  # too short
    assert not pesel_is_valid("4405140135a")
    assert not pesel_is_valid("44153101350")  # month 15 does not exist
    born_2001 = make_pesel(date(2001, 2, 28), 123, female=True)
    assert born_2001[2:4] == "22"
    assert pesel_is_valid(born_2001)
    assert not pesel_is_valid(
        make_pesel(date(2001, 2, 28), 123, female=True)[:4] + "30" + born_2001[6:]
    )


def test_helpers() -> None:
    assert normalize_street("ul. Żółkiewskiego ") == "zolkiewskiego"
    assert normalize_street("Al. Armii Krajowej") == "armii krajowej"
    assert [
        parse_crs(v) for v in ("EPSG:2180", "2177", "wgs84", None, "EPSG:3857", "PUWG1992")
    ] == [
        2180,
        2177,
        4326,
        4326,
        None,
        2180,
    ]


async def test_mixed_valid_and_invalid_rows(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(12)
    future = (date.today() + timedelta(days=3)).isoformat()
    records = [
        record("OK-1", ids[0]),
        record("BAD-PESEL", ids[1][:10] + str((int(ids[1][10]) + 1) % 10)),
        record("BAD-DATE-FUTURE", ids[2], reference_date=future),
        record("BAD-DATE-OLD", ids[3], reference_date="1989-12-31"),
        record("BAD-END", ids[4], reference_date="2024-03-15", end_date="2024-03-01"),
        record("BAD-CAT", ids[5], categories=["poverty", "space_travel"]),
        record("BAD-POINT", ids[6], location={"point": [2.35, 48.85]}),  # Paris
        record("BAD-RANGE", ids[7], location={"point": [19.05, 149.0]}),
        record("BAD-CRS", ids[8], location={"point": [19.05, 49.8], "crs": "EPSG:3857"}),
        record("BAD-FIELD", ids[9], notes="lives with her mother"),
        record("BAD-DATE-FORMAT", ids[10], reference_date="2024-02-30"),
        record(
            "OK-2", ids[11], end_date="2024-04-01", attributes={"sex": "k", "age_band": "40-49"}
        ),
    ]
    report = await _push(client, ops, records)
    assert (report["received"], report["inserted"], report["rejected"]) == (12, 2, 10)
    assert _codes(report) == {
        1: [("subject_id", "invalid_pesel")],
        2: [("reference_date", "date_in_future")],
        3: [("reference_date", "date_too_early")],
        4: [("end_date", "end_before_start")],
        5: [("categories[1]", "unknown_category")],
        6: [("location.point", "point_outside_poland")],
        7: [("location.point", "point_outside_poland")],
        8: [("location.crs", "unsupported_crs")],
        9: [("notes", "unknown_field")],
        10: [("reference_date", "invalid_date")],
    }
    assert report["rejected_by_code"]["invalid_pesel"] == 1
    for error in report["errors"]:
        assert error["message"]
        assert error["message_pl"]
        assert ids[1][:10] not in error["message"]  # never echo the value
    stored = await stored_records(
        db_session, ops.institution_id, [value["external_id"] for value in records], "1"
    )
    assert list(stored) == ["OK-1", "OK-2"]


async def test_polish_messages(client: httpx.AsyncClient, ops) -> None:
    (pesel,) = pesels(1)
    report = await _push(client, ops, [record("X", pesel, categories=["nieznana"])])
    error = report["errors"][0]
    assert error["message_pl"] == "Nieznany kod lub nazwa kategorii."
    assert error["message"] == "Unknown category code or label."


async def test_categories_must_fit_the_institution_and_date(
    client: httpx.AsyncClient, pup, ops
) -> None:
    first, second, third = pesels(3)
    report = await _push(
        client,
        pup,
        [
            record("PUP-1", first, categories=["registered_unemployed", "long_term_unemployed"]),
            record("PUP-2", second, categories=["poverty"]),
            # art. 49 groups ended on 2025-05-31.
            record("PUP-3", third, categories=["under_30"], reference_date="2025-07-01"),
        ],
    )
    assert report["inserted"] == 1
    assert _codes(report) == {
        1: [("categories[0]", "category_not_for_institution")],
        2: [("categories[0]", "category_not_valid_on_date")],
    }


async def test_external_id_must_not_be_a_pesel(client: httpx.AsyncClient, ops) -> None:
    first, second = pesels(2)
    report = await _push(client, ops, [record(first, second)])
    assert _codes(report) == {0: [("external_id", "external_id_is_pesel")]}


async def test_duplicate_external_ids_in_one_batch(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(4)
    report = await _push(
        client,
        ops,
        [
            record("D-1", ids[0]),
            record("D-2", ids[1]),
            record("D-1", ids[2]),
            record("D-3", ids[3]),
        ],
    )
    assert (report["inserted"], report["rejected"]) == (2, 2)
    assert _codes(report) == {
        0: [("external_id", "duplicate_external_id")],
        2: [("external_id", "duplicate_external_id")],
    }
    assert report["errors"][0]["message"].endswith("(rows 2).")
    stored = await stored_records(db_session, ops.institution_id, ["D-1", "D-2", "D-3"], "1")
    assert list(stored) == ["D-2", "D-3"]


async def test_location_resolution(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(12)
    records = [
        record("L-district", ids[0], location={"district": DISTRICT_EAST}),
        record("L-point-4326", ids[1], location={"point": [22.17, 53.83]}),
        # 22.13 E 53.82 N in CS2000 zone 21 (EPSG:2178): easting, northing.
        record(
            "L-point-2178", ids[2], location={"point": [7574412.73, 5966014.38], "crs": "EPSG:2178"}
        ),
        record("L-point-north", ids[3], location={"point": [22.15, 53.87]}),
        record(
            "L-ulic", ids[4], location={"address": {"simc": SIMC, "ulic": ULIC, "number": "12a"}}
        ),
        record(
            "L-street-odd",
            ids[5],
            location={"address": {"simc": SIMC, "street": "Piastowska", "number": "7"}},
        ),
        record(
            "L-unknown-street",
            ids[6],
            location={"address": {"simc": SIMC, "street": "Nieznana", "number": "1"}},
        ),
        record(
            "L-unknown-simc",
            ids[7],
            location={"address": {"simc": "0000001", "street": "Nieznana", "number": "1"}},
        ),
        record("L-none", ids[8], location=None),
        record("L-gmina", ids[9], location={"gmina": GMINA}),
        record(
            "L-two-kinds", ids[10], location={"district": DISTRICT_EAST, "point": [22.17, 53.83]}
        ),
        record("L-unknown-district", ids[11], location={"district": "9861011-99"}),
    ]
    report = await _push(client, ops, records)
    assert _codes(report) == {
        10: [("location", "too_many_locations")],
        11: [("location.district", "unknown_district")],
    }
    assert report["unresolved"] == {
        "address_not_in_register": 1,
        "locality_not_in_register": 1,
        "municipality_only": 1,
        "no_location": 1,
        "point_outside_districts": 1,
    }
    stored = await stored_records(
        db_session,
        ops.institution_id,
        [value["external_id"] for value in records],
        "district_code, gmina_code, unresolved_reason",
    )
    assert stored == {
        "L-district": (DISTRICT_EAST, GMINA, None),
        "L-point-4326": (DISTRICT_EAST, GMINA, None),
        "L-point-2178": (DISTRICT_WEST, GMINA, None),
        "L-point-north": (None, GMINA, "point_outside_districts"),
        "L-ulic": (DISTRICT_WEST, GMINA, None),
        "L-street-odd": (DISTRICT_WEST, GMINA, None),
        "L-unknown-street": (None, GMINA, "address_not_in_register"),
        "L-unknown-simc": (None, GMINA, "locality_not_in_register"),
        "L-none": (None, GMINA, "no_location"),
        "L-gmina": (None, GMINA, "municipality_only"),
    }


async def test_locations_outside_the_territory_are_row_errors(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(4)
    report = await _push(
        client,
        ops,
        [
            record("T-district", ids[0], location={"district": OTHER_DISTRICT}),
            record("T-point", ids[1], location={"point": [22.25, 53.83]}),
            record("T-gmina", ids[2], location={"gmina": OTHER_GMINA}),
            record("T-nowhere", ids[3], location={"point": [19.5, 50.5]}),  # Poland, no unit
        ],
    )
    assert report["inserted"] == 0
    assert _codes(report) == {
        0: [("location", "outside_territory")],
        1: [("location", "outside_territory")],
        2: [("location", "outside_territory")],
        3: [("location.point", "outside_territory")],
    }
    assert (await db_session.scalar(text("SELECT count(*) FROM ingest.record"))) == 0


async def test_an_institution_of_several_gminas_needs_a_location(
    client: httpx.AsyncClient, pup
) -> None:
    first, second = pesels(2)
    report = await _push(
        client,
        pup,
        [
            record("U-1", first, categories=["registered_unemployed"], location=None),
            record(
                "U-2", second, categories=["registered_unemployed"], location={"gmina": OTHER_GMINA}
            ),
        ],
    )
    assert _codes(report) == {0: [("location", "location_unresolved")]}
    assert report["unresolved"] == {"municipality_only": 1}


@pytest.mark.parametrize(
    ("subject", "kind", "ok"),
    [("R-778", "local", True), ("R-778", "pesel", False), ("  ", "local", False)],
)
async def test_subject_id_types(
    client: httpx.AsyncClient, ops, subject: str, kind: str, ok: bool
) -> None:
    report = await _push(client, ops, [record("S-1", subject, subject_id_type=kind)])
    assert report["inserted"] == (1 if ok else 0), report
