"""Categories are closed upward: a record with a sub-category also carries its ancestors, so
the published counts keep child <= parent (a fact the anonymizer's attacker is given). Records
stored before are closed by migration 0010."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import httpx
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.testing import GMINA, external_hash, pesels, record, stored_records
from ingest.validation import Catalogue, Context, ValidRow, validate_record
from shared.institutions import create_loaded_batch
from shared.migrations_info import alembic_config

URL = "/v1/records:batch"


def _catalogue() -> Catalogue:
    return Catalogue.build(
        [
            ("family", "ops", "rodzina", None, None, None),
            ("single_parent", "ops", "rodzina niepełna", None, None, "family"),
            ("single_father", "ops", "samotny ojciec", None, None, "single_parent"),
            ("poverty", "ops", "ubóstwo", None, None, None),
        ]
    )


def _validated(categories: list[str], catalogue: Catalogue) -> ValidRow:
    context = Context(uuid.uuid4(), "ops", b"x" * 32, catalogue, date(2025, 1, 1))
    row = validate_record(
        {
            "external_id": "C-1",
            "subject_id": "local-1",
            "subject_id_type": "local",
            "reference_date": "2024-01-01",
            "categories": categories,
        },
        row=0,
        line=None,
        context=context,
    )
    assert isinstance(row, ValidRow)
    return row


def test_every_ancestor_is_added_and_the_codes_stay_sorted() -> None:
    catalogue = _catalogue()
    assert catalogue.ancestors == {
        "single_parent": ("family",),
        "single_father": ("single_parent", "family"),
    }
    assert _validated(["single_father"], catalogue).categories == (
        "family|single_father|single_parent"
    )
    # By label, and with the parent already given: each code once.
    assert _validated(["Samotny ojciec", "family", "poverty"], catalogue).categories == (
        "family|poverty|single_father|single_parent"
    )
    assert _validated(["poverty"], catalogue).categories == "poverty"


def test_a_cycle_in_the_catalogue_does_not_hang() -> None:
    catalogue = Catalogue.build(
        [
            ("a", "ops", "a", None, None, "b"),
            ("b", "ops", "b", None, None, "a"),
        ]
    )
    assert catalogue.closed({"a"}) == {"a", "b"}


async def _stored(session: AsyncSession, caller: Any, external_id: str) -> list[str]:
    stored = await stored_records(session, caller.institution_id, [external_id], "categories")
    return list(stored[external_id][0])


async def test_a_pushed_sub_category_is_stored_with_its_parent(
    client: httpx.AsyncClient, ops: Any, db_session: AsyncSession
) -> None:
    first, second = pesels(2)
    response = await client.post(
        URL,
        json={
            "records": [
                record("SPF-1", first, categories=["single_parent_family"]),
                record("SPF-2", second, categories=["poverty", "rodziny wielodzietne"]),
            ]
        },
        headers=ops.headers,
    )
    assert response.status_code == 201, response.text
    assert response.json()["inserted"] == 2
    assert await _stored(db_session, ops, "SPF-1") == [
        "parenting_household_helplessness",
        "single_parent_family",
    ]
    assert await _stored(db_session, ops, "SPF-2") == [
        "large_family",
        "maternity_protection",
        "poverty",
    ]


async def test_migration_0010_closes_the_records_stored_before(
    db_session: AsyncSession, ops: Any
) -> None:
    batch = await create_loaded_batch(db_session, institution_id=ops.institution_id)
    stored = {
        "OLD-1": ["single_parent_family"],
        "OLD-2": ["poverty", "single_parent_family"],
        "OLD-3": ["parenting_household_helplessness", "single_parent_family"],
        "OLD-4": ["poverty"],
        "OLD-5": ["under_30", "over_50"],
    }
    for number, (external_id, categories) in enumerate(stored.items()):
        await db_session.execute(
            text(
                "INSERT INTO ingest.record (institution_id, external_hash, subject_id_type,"
                " subject_hash, reference_date, categories, gmina_code, district_code,"
                " unresolved_reason, source_kind, batch_id)"
                " VALUES (:institution, :external_hash, 'local', :subject, '2024-03-01',"
                " :categories, :gmina, NULL, 'municipality_only', 'ops', :batch)"
            ),
            {
                "institution": ops.institution_id,
                "external_hash": external_hash(ops.institution_id, external_id),
                "subject": bytes([number]) * 32,
                "categories": categories,
                "gmina": GMINA,
                "batch": batch,
            },
        )
    revision = ScriptDirectory.from_config(alembic_config()).get_revision("0010_category_closure")
    assert revision is not None
    assert revision.down_revision == "0009_catalog_search_words"
    await db_session.execute(text(revision.module.CLOSE_CATEGORIES))

    assert await _stored(db_session, ops, "OLD-1") == [
        "parenting_household_helplessness",
        "single_parent_family",
    ]
    assert await _stored(db_session, ops, "OLD-2") == [
        "parenting_household_helplessness",
        "poverty",
        "single_parent_family",
    ]
    assert await _stored(db_session, ops, "OLD-3") == stored["OLD-3"]
    assert await _stored(db_session, ops, "OLD-4") == ["poverty"]
    assert await _stored(db_session, ops, "OLD-5") == [
        "over_50",
        "registered_unemployed",
        "under_30",
    ]
