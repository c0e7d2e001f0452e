"""Street addresses resolved through the address register imported from the shipped samples
(TERYT SIMC/ULIC and PRG address points of Bielsko-Biała and Wrocław)."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import pesels, record, stored_records
from shared.testing.geography import (
    BIELSKO_BIALA,
    BIELSKO_SIMC,
    JAWORZE_SIMC,
    WAPIENICA_SIMC,
    WROCLAW_SIMC,
)

URL = "/v1/records:batch"


async def _district(session: AsyncSession, simc: str, street: str) -> str:
    """The district of a street that lies in one (from the register)."""
    found = await session.scalar(
        text(
            "SELECT district_code FROM geo.street_district"
            " WHERE simc = :simc AND street_name = :street AND source = 'street'"
        ),
        {"simc": simc, "street": street},
    )
    assert found is not None
    return str(found)


async def _rule(session: AsyncSession, street: str, parity: str, number: int) -> str:
    found = await session.scalar(
        text(
            "SELECT district_code FROM geo.street_district WHERE street_name = :street"
            " AND parity = :parity AND :number BETWEEN number_from AND number_to"
        ),
        {"street": street, "parity": parity, "number": number},
    )
    assert found is not None
    return str(found)


def _address(**fields: str) -> dict[str, Any]:
    return {"address": fields}


async def _push(
    client: httpx.AsyncClient, headers: dict[str, str], records: list[dict[str, Any]]
) -> dict[str, Any]:
    response = await client.post(URL, json={"records": records}, headers=headers)
    assert response.status_code == 201, response.text
    report: dict[str, Any] = response.json()
    return report


async def test_addresses_resolve_to_their_districts(
    client: httpx.AsyncClient, bielsko: tuple[Any, dict[str, str]], db_session: AsyncSession
) -> None:
    institution, headers = bielsko
    ids = pesels(9)
    records = [
        record("A-whole", ids[0], location=_address(simc=BIELSKO_SIMC, street="Lotnicza", number="5")),
        record("A-nonumber", ids[1], location=_address(simc=BIELSKO_SIMC, street="ul. Lotnicza")),
        record("A-odd", ids[2], location=_address(simc=BIELSKO_SIMC, street="Piastowska", number="7")),
        record("A-even", ids[3], location=_address(simc=BIELSKO_SIMC, street="ul. Piastowska", number="8b")),
        record("A-title", ids[4], location=_address(simc=BIELSKO_SIMC, street="ul. Gen. Władysława Andersa", number="40")),
        record("A-initial", ids[5], location=_address(simc=BIELSKO_SIMC, street="ANDERSA W.", number="13")),
        record("A-unlisted", ids[6], location=_address(simc=BIELSKO_SIMC, street="Zielona", number="3")),
        record("A-part", ids[7], location=_address(simc=WAPIENICA_SIMC, street="Wapienicka", number="2")),
        record("A-no-simc", ids[8], location=_address(street="Lotnicza", number="1")),
    ]  # fmt: skip
    report = await _push(client, headers, records)
    assert report["rejected"] == 0, report["errors"]
    assert report["unresolved"] == {}

    stored = await stored_records(
        db_session, institution, [value["external_id"] for value in records], "district_code"
    )
    lotnicza = await _district(db_session, BIELSKO_SIMC, "lotnicza")
    assert stored == {
        "A-whole": (lotnicza,),
        "A-nonumber": (lotnicza,),
        "A-odd": (await _rule(db_session, "piastowska", "odd", 7),),
        "A-even": (await _rule(db_session, "piastowska", "even", 8),),
        "A-title": (await _rule(db_session, "wladyslawa andersa", "even", 40),),
        "A-initial": (await _rule(db_session, "wladyslawa andersa", "odd", 13),),
        "A-unlisted": (await _district(db_session, BIELSKO_SIMC, "zielona"),),
        "A-part": (await _district(db_session, BIELSKO_SIMC, "wapienicka"),),
        # Lotnicza is a street of Wrocław too: the institution's gmina decides.
        "A-no-simc": (lotnicza,),
    }
    assert stored["A-odd"] != stored["A-even"]
    assert stored["A-title"] != stored["A-initial"]


async def test_an_address_in_another_municipality_is_outside_the_territory(
    client: httpx.AsyncClient, bielsko: tuple[Any, dict[str, str]], db_session: AsyncSession
) -> None:
    _institution, headers = bielsko
    ids = pesels(3)
    records = [
        # Wrocław's SIMC pushed by Bielsko-Biała's MOPS, with and without the city's gmina.
        record("W-1", ids[0], location=_address(simc=WROCLAW_SIMC, street="Legnicka", number="1")),
        record(
            "W-2",
            ids[1],
            location={**_address(simc=WROCLAW_SIMC, street="Nieznana"), "gmina": BIELSKO_BIALA},
        ),
        # A village of gmina Jaworze, which has no districts.
        record("J-1", ids[2], location=_address(simc=JAWORZE_SIMC, street="Zdrojowa", number="3")),
    ]
    report = await _push(client, headers, records)
    assert report["inserted"] == 0
    assert {(error["row"], error["field"], error["code"]) for error in report["errors"]} == {
        (0, "location.address", "outside_territory"),
        (1, "location.address", "outside_territory"),
        (2, "location.address", "outside_territory"),
    }
    assert await db_session.scalar(text("SELECT count(*) FROM ingest.record")) == 0


async def test_addresses_the_register_cannot_place_fall_back_to_the_municipality(
    client: httpx.AsyncClient, bielsko: tuple[Any, dict[str, str]], db_session: AsyncSession
) -> None:
    institution, headers = bielsko
    ids = pesels(5)
    records = [
        record("U-street", ids[0], location=_address(simc=BIELSKO_SIMC, street="Nieznana", number="1")),
        # 6 and 6A of Cieszyńska lie in two districts: no rule for 6.
        record("U-split", ids[1], location=_address(simc=BIELSKO_SIMC, street="Cieszyńska", number="6")),
        # A number beyond the points of a street that crosses districts.
        record("U-beyond", ids[2], location=_address(simc=BIELSKO_SIMC, street="Piastowska", number="99")),
        record("U-no-simc", ids[3], location=_address(street="Nieznana", number="1")),
        record("U-simc", ids[4], location=_address(simc="0000001", street="Nieznana", number="1")),
    ]  # fmt: skip
    report = await _push(client, headers, records)
    assert report["rejected"] == 0, report["errors"]
    assert report["unresolved"] == {"address_not_in_register": 4, "locality_not_in_register": 1}
    stored = await stored_records(
        db_session, institution, [value["external_id"] for value in records], "gmina_code"
    )
    assert set(stored.values()) == {(BIELSKO_BIALA,)}


async def test_a_csv_export_with_street_addresses(
    client: httpx.AsyncClient, bielsko: tuple[Any, dict[str, str]], db_session: AsyncSession
) -> None:
    institution, headers = bielsko
    first, second = pesels(2)
    body = (
        "id_sprawy;pesel;data;kategorie;simc;ulica;nr_domu\r\n"
        f"C-1;{first};2024-03-15;ubóstwo;{BIELSKO_SIMC};al. Armii Krajowej;12\r\n"
        f"C-2;{second};2024-03-15;ubóstwo;;ul. Lotnicza;4a\r\n"
    ).encode("cp1250")
    response = await client.post(URL, content=body, headers={**headers, "Content-Type": "text/csv"})
    assert response.status_code == 201, response.text
    assert response.json()["rejected"] == 0, response.json()["errors"]
    stored = await stored_records(db_session, institution, ["C-1", "C-2"], "district_code")
    assert stored == {
        "C-1": (await _district(db_session, BIELSKO_SIMC, "armii krajowej"),),
        "C-2": (await _district(db_session, BIELSKO_SIMC, "lotnicza"),),
    }
