"""Tolerant parsing of what municipal systems export (issue 16, item 3): each oddity is either
accepted or refused with an error that names the field; no guess silently changes a value."""

from __future__ import annotations

import codecs
import hashlib
import hmac
import logging
import string
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.lexicon import lemma_set
from ingest.messages import MESSAGES
from ingest.schemas import RecordIn
from ingest.settings import DEVELOPMENT_PSEUDONYMIZATION_KEY
from ingest.testing import (
    DISTRICT_EAST,
    DISTRICT_WEST,
    OTHER_DISTRICT,
    OTHER_GMINA,
    make_pesel,
    pesels,
    record,
    stored_records,
)
from ingest.validation import Catalogue, restore_pesel
from shared.textio import detect_encoding, sniff_delimiter

URL = "/v1/records:batch"
EXPORT = Path(__file__).parent / "data" / "synthetic-bielsko-biala-export.csv"
FOREIGNERS = (
    "trudności w integracji cudzoziemców, którzy uzyskali w RP status uchodźcy, ochronę "
    "uzupełniającą lub zezwolenie na pobyt czasowy"
)


async def _post(
    client: httpx.AsyncClient, caller: Any, body: str | bytes, *, status: int = 201
) -> dict[str, Any]:
    content = body.encode() if isinstance(body, str) else body
    response = await client.post(
        URL, content=content, headers={**caller.headers, "Content-Type": "text/csv"}
    )
    assert response.status_code == status, response.text
    answer: dict[str, Any] = response.json()
    return answer


async def _push(client: httpx.AsyncClient, caller: Any, records: list[dict[str, Any]]) -> Any:
    response = await client.post(URL, json={"records": records}, headers=caller.headers)
    assert response.status_code == 201, response.text
    return response.json()


def _errors(report: dict[str, Any]) -> set[tuple[int, str, str]]:
    return {(error["row"], error["field"], error["code"]) for error in report["errors"]}


async def _categories(session: AsyncSession, caller: Any, *ids: str) -> dict[str, list[str]]:
    stored = await stored_records(session, caller.institution_id, ids, "categories")
    return {external_id: values[0] for external_id, values in stored.items()}


def _pesel_hash(pesel: str) -> bytes:
    key = DEVELOPMENT_PSEUDONYMIZATION_KEY.encode()
    return hmac.digest(key, f"pesel:{pesel}".encode(), hashlib.sha256)


async def _name_districts(session: AsyncSession, names: dict[str, str]) -> None:
    for code, name in names.items():
        await session.execute(
            text("UPDATE geo.territorial_unit SET name = :name WHERE code = :code"),
            {"code": code, "name": name},
        )


# --- 1. encoding --------------------------------------------------------------------------


def test_encodings_are_detected() -> None:
    polish = "Płeć;Miejscowość\n"
    assert detect_encoding(polish.encode()).name == "utf-8"
    assert detect_encoding(codecs.BOM_UTF8 + polish.encode()).name == "utf-8-sig"
    behind_bom = detect_encoding(codecs.BOM_UTF8 + polish.encode("cp1250"))
    assert (behind_bom.codec, behind_bom.start) == ("cp1250", 3)
    assert behind_bom.decode(codecs.BOM_UTF8 + polish.encode("cp1250")) == polish
    assert detect_encoding(polish.encode("utf-16")).codec == "utf-16"
    assert [sniff_delimiter(line) for line in ("a;b,c;d", "a\tb\tc", "a,b", "a")] == [
        ";",
        "\t",
        ",",
        ",",
    ]


async def test_a_utf8_bom_in_front_of_windows_1250_is_accepted(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    (pesel,) = pesels(1, seed=31)
    csv_text = f"Nr sprawy;PESEL;Data;Kategorie\nENC-1;{pesel};2024-03-15;Bezdomność\n"
    report = await _post(client, ops, codecs.BOM_UTF8 + csv_text.encode("cp1250"))
    assert (report["inserted"], report["errors"]) == (1, [])
    assert await _categories(db_session, ops, "ENC-1") == {"ENC-1": ["homelessness"]}


async def test_excel_unicode_text_is_accepted(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    """Excel's "Unicode text": UTF-16 with its BOM, TAB-separated."""
    (pesel,) = pesels(1, seed=32)
    csv_text = f"Nr sprawy\tPESEL\tData\tKategorie\r\nU16-1\t{pesel}\t15.03.2024\tUbóstwo\r\n"
    report = await _post(client, ops, csv_text.encode("utf-16"))
    assert (report["inserted"], report["errors"]) == (1, [])
    assert await _categories(db_session, ops, "U16-1") == {"U16-1": ["poverty"]}


async def test_undecodable_bytes_are_still_refused(client: httpx.AsyncClient, ops) -> None:
    # 0x81 and 0x98 are undefined in Windows-1250 and invalid in UTF-8.
    for content in (
        codecs.BOM_UTF8 + b"id;pesel\x81\x98\n1;2\n",
        codecs.BOM_UTF8 + b"id;pesel;data;kategorie\nX;\x81\x98;2024-01-01;poverty\n",
    ):
        problem = await _post(client, ops, content, status=422)
        assert "UTF-8" in problem["detail"]
        assert "Windows-1250" in problem["detail"]


# --- 2. delimiters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_line", "delimiter"),
    [("sep=;", ";"), ("sep=,", ","), ("sep=\t", "\t"), ("SEP=\\t", "\t"), ("", "\t")],
)
async def test_sep_lines_tabs_and_trailing_delimiters(
    client: httpx.AsyncClient, ops, db_session: AsyncSession, first_line: str, delimiter: str
) -> None:
    first, second = pesels(2, seed=33)
    rows = [
        ["Nr sprawy", "PESEL", "Data", "Kategorie"],
        ["DEL-1", first, "15.03.2024", "ubóstwo"],
        ["DEL-2", second, "31.02.2024", "ubóstwo"],
    ]
    # A delimiter at the end of every line (and two on one of them) is an empty last column.
    lines = [delimiter.join(cells) + delimiter for cells in rows]
    lines[1] += delimiter
    body = "\r\n".join([first_line, *lines] if first_line else lines) + "\r\n"
    report = await _post(client, ops, body)
    header_lines = 2 if first_line else 1
    assert report["inserted"] == 1
    assert [(error["line"], error["field"], error["code"]) for error in report["errors"]] == [
        (header_lines + 2, "reference_date", "invalid_date")
    ]
    assert await _categories(db_session, ops, "DEL-1") == {"DEL-1": ["poverty"]}


async def test_what_the_header_cannot_be(client: httpx.AsyncClient, ops) -> None:
    (pesel,) = pesels(1, seed=34)
    record_line = f"H-1;{pesel};2024-03-15;ubóstwo\n"
    problem = await _post(client, ops, "sep=|\nid|pesel\n", status=422)
    assert [error["code"] for error in problem["errors"]] == ["unsupported_delimiter"]
    problem = await _post(client, ops, f"id;;data;kategorie\n{record_line}", status=422)
    assert [(e["field"], e["code"], e["column"]) for e in problem["errors"]] == [
        ("column 2", "unnamed_column", 2)
    ]
    # A file without its header line: the first record is not echoed back.
    problem = await _post(client, ops, record_line * 2, status=422)
    assert [error["code"] for error in problem["errors"]] == ["header_missing"]
    assert pesel not in str(problem)


async def test_cells_past_the_header_must_be_empty(client: httpx.AsyncClient, ops) -> None:
    first, second = pesels(2, seed=35)
    body = (
        "id;pesel;data;kategorie\n"
        f"X-1;{first};2024-03-15;ubóstwo;;\n"
        f"X-2;{second};2024-03-15;ubóstwo;nadmiarowa wartość\n"
    )
    report = await _post(client, ops, body)
    assert report["inserted"] == 1
    assert _errors(report) == {(1, "record", "csv_column_count")}
    assert "nadmiarowa" not in str(report)


# --- 3. unknown columns -------------------------------------------------------------------


async def test_unknown_columns_are_named_and_their_values_never_echoed(
    client: httpx.AsyncClient, ops, db_session: AsyncSession, caplog: pytest.LogCaptureFixture
) -> None:
    """A raw export (names, amounts, "Miejscowość"...) is refused as a whole: free text and
    personal data never enter. Each unknown column is named, with the way to fix it; none of
    its values appears in the answer or the logs."""
    (pesel,) = pesels(1, seed=36)
    extra = {
        "Imię": "Anna",
        "Nazwisko": "Kowalska-Testowa",
        "Miejscowość": "Bielsko-Biała",
        "Kwota świadczenia": "1234,56",
        "Telefon": "600700800",
        "Uwagi": "mieszka sama",
        "Data urodzenia": "12.04.1978",
        "Nr konta": "PL61109010140000071219812874",
        "Opiekun": "Jan Opiekuński",
        "Status": "aktywna",
    }
    header = ["Nr sprawy", "PESEL", "Data", "Kategorie", *extra]
    values = ["RAW-1", pesel, "15.03.2024", "ubóstwo", *extra.values()]
    body = ";".join(header) + "\r\n" + ";".join(values) + "\r\n"
    caplog.set_level(logging.DEBUG)
    response = await client.post(
        URL,
        content=body.encode("cp1250"),
        headers={**ops.headers, "Content-Type": "text/csv", "Accept-Language": "pl"},
    )
    assert response.status_code == 422
    problem = response.json()
    english, polish = MESSAGES["unknown_column"]
    assert problem["errors"] == [
        {
            "field": name,
            "location": "body",
            "code": "unknown_column",
            "message": english,
            "message_pl": polish,
            "column": column,
        }
        for column, name in enumerate(extra, start=5)
    ]
    assert all(name in problem["detail"] for name in extra)  # in Polish: Accept-Language
    assert "profilu eksportu" in problem["detail"]
    logged = caplog.text
    for value in [pesel, *extra.values()]:
        assert value not in response.text
        assert value not in logged
    assert await db_session.scalar(text("SELECT count(*) FROM ingest.batch")) == 0


# --- 4. dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "15.10.2025",
        "15.10.2025 r.",
        "15.10.2025r",
        " 15.10.2025 r. ",
        "15/10/2025",
        "15-10-2025",
        "2025-10-15",
        "2025.10.15",
    ],
)
def test_date_formats(written: str) -> None:
    parsed = RecordIn.model_validate(record("D-1", "x", reference_date=written))
    assert parsed.reference_date == date(2025, 10, 15)


async def test_impossible_and_month_first_dates_are_refused(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    written = [
        "2024-13-01",  # no month 13
        "31.02.2024",  # no 31 February
        "15.10.24",  # which century?
        "10/15/2024",  # month first (US): this batch writes "/" dates month first...
        "03/04/2024",  # ...so this one reads both ways
        "03.04.2024",  # dots are always day first
        "04/04/2024",  # reads the same both ways
        "15-03-2024",  # "-" is another separator: no month-first date uses it
        "03-04-2024",
    ]
    ids = pesels(len(written), seed=37)
    report = await _push(
        client,
        ops,
        [
            record(f"DT-{n}", pesel, reference_date=day)
            for n, (pesel, day) in enumerate(zip(ids, written, strict=True))
        ],
    )
    assert _errors(report) == {
        (0, "reference_date", "invalid_date"),
        (1, "reference_date", "invalid_date"),
        (2, "reference_date", "invalid_date"),
        (3, "reference_date", "invalid_date"),
        (4, "reference_date", "ambiguous_date"),
    }
    stored = await stored_records(
        db_session, ops.institution_id, [f"DT-{n}" for n in range(9)], "reference_date"
    )
    assert stored == {
        "DT-5": (date(2024, 4, 3),),
        "DT-6": (date(2024, 4, 4),),
        "DT-7": (date(2024, 3, 15),),
        "DT-8": (date(2024, 4, 3),),
    }


# --- 5. PESEL without its leading zeros ---------------------------------------------------


def test_leading_zeros_are_restored_only_when_the_pesel_holds() -> None:
    today = date(2026, 1, 1)
    born_2005 = make_pesel(date(2005, 7, 3), 202, female=False)  # 05 27 03 ...
    born_2000 = make_pesel(date(2000, 1, 5), 12, female=True)  # 00 21 05 ...
    assert restore_pesel(born_2005[1:], today) == born_2005
    assert restore_pesel(born_2000[2:], today) == born_2000
    wrong_checksum = born_2005[1:10] + str((int(born_2005[10]) + 1) % 10)
    assert restore_pesel(wrong_checksum, today) is None
    born_2105 = make_pesel(date(2105, 5, 3), 12, female=True)  # valid checksum, not born yet
    assert restore_pesel(born_2105[1:], today) is None
    assert restore_pesel(born_2005[3:], today) is None  # 8 digits: more than Excel drops
    assert restore_pesel("5270320a58", today) is None


async def test_a_pesel_shortened_by_excel(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    born_2005 = make_pesel(date(2005, 7, 3), 202, female=False)
    born_2000 = make_pesel(date(2000, 1, 5), 12, female=True)
    wrong = born_2005[1:10] + str((int(born_2005[10]) + 1) % 10)
    born_2105 = make_pesel(date(2105, 5, 3), 12, female=True)
    csv_body = (
        "nr_sprawy;pesel;data;kategorie\n"
        f"Z-1;{born_2005[1:]};2024-03-15;ubóstwo\n"
        f"Z-2;{born_2000[2:]};2024-03-15;ubóstwo\n"
        f"Z-3;{wrong};2024-03-15;ubóstwo\n"
        f"Z-4;{born_2105[1:]};2024-03-15;ubóstwo\n"
        f"Z-5;{born_2005[3:]};2024-03-15;ubóstwo\n"
    )
    report = await _post(client, ops, csv_body)
    assert report["inserted"] == 2
    assert _errors(report) == {
        (2, "subject_id", "short_pesel"),
        (3, "subject_id", "short_pesel"),
        (4, "subject_id", "invalid_pesel"),
    }
    assert born_2005[1:] not in str(report)
    # Hashed as the full PESEL: the person links up with records that carry all 11 digits.
    stored = await stored_records(db_session, ops.institution_id, ["Z-1", "Z-2"], "subject_hash")
    assert stored == {"Z-1": (_pesel_hash(born_2005),), "Z-2": (_pesel_hash(born_2000),)}


# --- 6. categories ------------------------------------------------------------------------


async def test_category_labels_inflected_and_former(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    cases = [
        ("C-0", "UBOSTWO", "2024-03-15"),
        ("C-1", "Przemoc Domowa", "2024-03-15"),
        ("C-2", "ubóstwa", "2024-03-15"),
        ("C-3", "bezrobociu", "2024-03-15"),
        ("C-4", "przemocy domowej", "2024-03-15"),
        ("C-5", "rodzin niepełnych", "2024-03-15"),
        ("C-6", "przemoc w rodzinie", "2023-06-21"),  # the former name, while in use
        ("C-7", "przemocy w rodzinie", "2020-01-10"),  # and inflected
        ("C-8", "przemoc w rodzinie", "2023-06-22"),  # the day the new name took effect
        ("C-9", "rodziny pełne", "2024-03-15"),  # not "rodziny niepełne": the negation counts
        ("C-10", "turystyka kosmiczna", "2024-03-15"),
        ("C-11", "ubóstwo przemoc", "2024-03-15"),  # every word must match one label
    ]
    ids = pesels(len(cases), seed=38)
    report = await _push(
        client,
        ops,
        [
            record(external_id, pesel, categories=[label], reference_date=day)
            for pesel, (external_id, label, day) in zip(ids, cases, strict=True)
        ],
    )
    assert _errors(report) == {
        (8, "categories[0]", "category_name_not_in_use"),
        (9, "categories[0]", "unknown_category"),
        (10, "categories[0]", "unknown_category"),
        (11, "categories[0]", "unknown_category"),
    }
    replaced = next(error for error in report["errors"] if error["row"] == 8)
    assert replaced["message"] == (
        "This name of category domestic_violence was in use from 2004-05-01 to 2023-06-21; on "
        "reference_date the category is called “przemoc domowa”."
    )
    assert "„przemoc domowa”" in replaced["message_pl"]
    assert await _categories(db_session, ops, *(case[0] for case in cases[:8])) == {
        "C-0": ["poverty"],
        "C-1": ["domestic_violence"],
        "C-2": ["poverty"],
        "C-3": ["unemployment"],
        "C-4": ["domestic_violence"],
        "C-5": ["parenting_household_helplessness", "single_parent_family"],
        "C-6": ["domestic_violence"],
        "C-7": ["domestic_violence"],
    }


async def test_several_categories_in_one_cell(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    ids = pesels(5, seed=39)
    csv_body = (
        "nr_sprawy,pesel,data,kategorie\n"
        f"M-1,{ids[0]},2024-03-15,ubóstwo;bezdomność\n"
        f"M-2,{ids[1]},2024-03-15,ubóstwo|bezdomność\n"
        f"M-3,{ids[2]},2024-03-15,ubóstwo / bezdomność\n"
        f'M-4,{ids[3]},2024-03-15,"ubóstwo, bezdomność"\n'
        # A label with commas of its own stays whole.
        f'M-5,{ids[4]},2024-03-15,"{FOREIGNERS}, ubóstwo"\n'
    )
    report = await _post(client, ops, csv_body)
    assert (report["inserted"], report["errors"]) == (5, [])
    both = ["homelessness", "poverty"]
    assert await _categories(db_session, ops, "M-1", "M-2", "M-3", "M-4", "M-5") == {
        "M-1": both,
        "M-2": both,
        "M-3": both,
        "M-4": both,
        "M-5": ["foreigner_integration", "poverty"],
    }


def test_a_name_of_two_categories_is_refused() -> None:
    catalogue = Catalogue.build(
        [
            ("first", "ops", "pomoc doraźna", None, None, None),
            ("second", "ops", "Pomoc doraźna", None, None, None),
        ]
    )
    refusal = catalogue.resolve("pomoc doraźna", date(2024, 1, 1))
    assert getattr(refusal, "code", None) == "ambiguous_category"
    assert catalogue.split(" ; first|| second ") == ["first", "second"]


def test_lemmas_keep_a_negation() -> None:
    assert lemma_set("niepełne", ["pełny", "pełna"]) == {"niepełny", "niepełna"}
    assert lemma_set("niepełnosprawności", ["pełnosprawność", "niepełnosprawność"]) == {
        "niepełnosprawność"
    }
    assert lemma_set("ubostwa", None) == {"ubostwa"}  # unknown to the dictionary: itself


# --- 7. sex -------------------------------------------------------------------------------


async def test_sex_in_words_is_accepted_and_not_kept(client: httpx.AsyncClient, ops) -> None:
    spellings = ["K", "k", "kobieta", "KOBIETA", "Mężczyzna", "mezczyzna", "F", "female", "Male"]
    ids = pesels(len(spellings) + 1, seed=40)
    records = [
        record(f"S-{n}", pesel, attributes={"sex": sex})
        for n, (pesel, sex) in enumerate(zip(ids, spellings, strict=False))
    ]
    records.append(record("S-X", ids[-1], attributes={"sex": "nieznana"}))
    report = await _push(client, ops, records)
    assert report["inserted"] == len(spellings)
    assert _errors(report) == {(len(spellings), "attributes.sex", "invalid_value")}


# --- 8. osiedle by name -------------------------------------------------------------------


async def test_an_osiedle_by_name(
    client: httpx.AsyncClient, ops, pup, db_session: AsyncSession
) -> None:
    await _name_districts(
        db_session,
        {
            DISTRICT_WEST: "Osiedle Grunwaldzkie",
            DISTRICT_EAST: "Złote Łany",
            OTHER_DISTRICT: "Złote Łany",  # in the neighbouring gmina
        },
    )
    names = ["Złote Łany", "os. Złote Łany", "ZLOTE LANY", "Grunwaldzkie", "Stare Miasto"]
    ids = pesels(len(names) + 1, seed=41)
    records = [
        record(f"O-{n}", pesel, location={"district": name})
        for n, (pesel, name) in enumerate(zip(ids, names, strict=False))
    ]
    # Another gmina's osiedle of that name is found there, and is outside the territory.
    records.append(
        record("O-X", ids[-1], location={"district": "Złote Łany", "gmina": OTHER_GMINA})
    )
    report = await _push(client, ops, records)
    assert _errors(report) == {
        (4, "location.district", "unknown_district"),
        (5, "location", "outside_territory"),
    }
    stored = await stored_records(
        db_session, ops.institution_id, [f"O-{n}" for n in range(4)], "district_code"
    )
    assert stored == {
        "O-0": (DISTRICT_EAST,),
        "O-1": (DISTRICT_EAST,),
        "O-2": (DISTRICT_EAST,),
        "O-3": (DISTRICT_WEST,),
    }
    # A labour office serving both gminas: the name alone fits two osiedla.
    first, second = pesels(2, seed=42)
    report = await _push(
        client,
        pup,
        [
            record(
                "P-1",
                first,
                categories=["registered_unemployed"],
                location={"district": "Złote Łany"},
            ),
            record(
                "P-2",
                second,
                categories=["registered_unemployed"],
                location={"district": "Złote Łany", "gmina": OTHER_GMINA},
            ),
        ],
    )
    assert _errors(report) == {(0, "location.district", "ambiguous_district")}
    assert await stored_records(db_session, pup.institution_id, ["P-2"], "district_code") == {
        "P-2": (OTHER_DISTRICT,)
    }


# --- 9. messages --------------------------------------------------------------------------


def test_every_code_has_an_english_and_a_polish_message() -> None:
    for code, (english, polish) in MESSAGES.items():
        assert english, code
        assert polish, code
        fields = {name for _text, name, _spec, _conv in string.Formatter().parse(english) if name}
        polish_fields = {name for _t, name, _s, _c in string.Formatter().parse(polish) if name}
        assert {name.removesuffix("_pl") for name in polish_fields} == fields, code


# --- the export of issue 16 ---------------------------------------------------------------


async def test_a_messy_municipal_export(
    client: httpx.AsyncClient, ops, db_session: AsyncSession
) -> None:
    """Windows-1250, ";", CRLF, a sep=; line, a ";" at the end of every line, Polish headers,
    "DD.MM.YYYY r." dates, a PESEL that lost its leading zero, inflected and former category
    names, "kobieta", osiedla by name (see tests/data/README.md)."""
    await _name_districts(
        db_session, {DISTRICT_WEST: "Osiedle Grunwaldzkie", DISTRICT_EAST: "Złote Łany"}
    )
    body = EXPORT.read_bytes()
    assert body.startswith(b"sep=;\r\n")
    assert "Płeć".encode("cp1250") in body
    report = await _post(client, ops, body)
    assert (report["received"], report["inserted"], report["rejected"]) == (10, 5, 5)
    assert {
        (error["row"], error["line"], error["field"], error["code"]) for error in report["errors"]
    } == {
        (3, 6, "categories[0]", "category_name_not_in_use"),
        (4, 7, "subject_id", "short_pesel"),
        (5, 8, "reference_date", "invalid_date"),
        (6, 9, "location.district", "unknown_district"),
        (7, 10, "categories[0]", "unknown_category"),
    }
    stored = await stored_records(
        db_session,
        ops.institution_id,
        [f"MOPS/2024/{n:04d}" for n in range(1, 11)] + ["MOPS/2023/0103"],
        "district_code, categories, reference_date, end_date, subject_hash",
    )
    assert {key: values[:4] for key, values in stored.items()} == {
        "MOPS/2024/0001": (DISTRICT_EAST, ["poverty"], date(2024, 3, 15), None),
        "MOPS/2024/0002": (
            DISTRICT_WEST,
            ["disability", "unemployment"],
            date(2024, 4, 2),
            date(2024, 6, 30),
        ),
        "MOPS/2023/0103": (DISTRICT_EAST, ["domestic_violence"], date(2023, 5, 10), None),
        "MOPS/2024/0009": (
            DISTRICT_EAST,
            ["parenting_household_helplessness", "single_parent_family"],
            date(2024, 3, 15),
            None,
        ),
        "MOPS/2024/0010": (DISTRICT_WEST, ["homelessness", "poverty"], date(2024, 3, 20), None),
    }
    # The 10-digit PESEL 5270320258 is the person 05270320258.
    assert stored["MOPS/2024/0002"][4] == _pesel_hash("05270320258")
    assert "5270320258" not in str(report)
