"""Record pages and what goes with them: one record by id or slug with its change log,
related practices, the taxonomies, names of territorial units."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Literal

import orjson

from catalog.read import sql
from catalog.schemas import ChangeOut, PracticeOut, ProviderOut, TaxonomiesOut, TermOut
from shared.db.raw import Database, compile_sql
from shared.errors import NotFound

Kind = Literal["practice", "provider"]
PUBLIC = ("published",)
ANY_STATUS = ("draft", "submitted", "published", "archived")

# The fields of a record in the order of its schema, and which of them arrive as JSON text.
FIELDS = {"practice": list(PracticeOut.model_fields), "provider": list(ProviderOut.model_fields)}
_DOCUMENTS = {
    kind: [index for index, name in enumerate(fields) if name in sql.JSON_FIELDS[kind]]
    for kind, fields in FIELDS.items()
}


def item(kind: str, row: Sequence[Any]) -> dict[str, Any]:
    """A record from a row of ``sql.RECORD_COLUMNS`` (+ distance_m, score, metadata): the
    fields of PracticeOut / ProviderOut with the values the database holds (they passed the
    same validation on the way in); serialized by orjson they read exactly as the schema's
    JSON, and validating each value again would cost most of a list's time."""
    fields = FIELDS[kind]
    values = list(row)[: len(fields)]
    for index in _DOCUMENTS[kind]:
        if values[index] is not None:
            values[index] = orjson.loads(values[index])
    record = dict(zip(fields, values, strict=True))
    point = record["location"]
    if point is not None:
        if kind == "provider":
            lon, lat, approximate, source = point
            record["location"] = {
                "lon": lon,
                "lat": lat,
                "approximate": approximate,
                "source": source,
            }
        else:
            lon, lat = point
            record["location"] = {"lon": lon, "lat": lat}
    return record


def _ref(ref: str) -> dict[str, Any] | None:
    """The lookup values of an id or a slug; None for what names no record."""
    if "\x00" in ref or len(ref) > 200:
        return None
    try:
        return {"id": uuid.UUID(ref), "slug": None}
    except ValueError:
        return {"id": None, "slug": ref}


async def find(
    reader: Database, *, kind: Kind, ref: str, statuses: Sequence[str] = PUBLIC
) -> dict[str, Any] | None:
    """A record by id or slug in one of ``statuses``, without its change log."""
    lookup = _ref(ref)
    if lookup is None:
        return None
    row = await reader.fetchrow(sql.RECORD_BY_REF[kind], {**lookup, "statuses": list(statuses)})
    return None if row is None else item(kind, list(row.values()))


async def changes(
    reader: Database, *, resource_type: str, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[ChangeOut]]:
    """Change-log entries of records, oldest first, by record."""
    grouped: dict[uuid.UUID, list[ChangeOut]] = {record_id: [] for record_id in ids}
    if not ids:
        return grouped
    rows = await reader.fetch(*bound(sql.CHANGES, resource_type=resource_type, ids=list(ids)))
    for row in rows:
        grouped[row["resource_id"]].append(ChangeOut.model_validate(dict(row)))
    return grouped


def bound(statement: str, **values: Any) -> list[Any]:
    """``Database.fetch``'s arguments: ``statement`` with ``$n`` placeholders, and its values
    in their order."""
    compiled = compile_sql(statement)
    return [compiled.sql, *compiled.arguments(values)]


async def with_changes(reader: Database, kind: Kind, record: dict[str, Any]) -> dict[str, Any]:
    """The record with its change log as ``metadata``."""
    log = await changes(reader, resource_type=kind, ids=[record["id"]])
    return {**record, "metadata": log[record["id"]]}


async def get_public(reader: Database, *, kind: Kind, ref: str) -> dict[str, Any]:
    """A published record by id or slug, with its change log (HSDS ``metadata``)."""
    found = await find(reader, kind=kind, ref=ref)
    if found is None:
        raise NotFound(f"No published {kind} {ref!r}.", detail_pl=f"Nie znaleziono: {ref!r}.")
    return await with_changes(reader, kind, found)


async def related_practices(reader: Database, *, ref: str, limit: int) -> list[dict[str, Any]]:
    """Published practices sharing the most service areas, target groups and categories."""
    practice = await find(reader, kind="practice", ref=ref)
    if practice is None:
        raise NotFound(f"No published practice {ref!r}.")
    tokens = [
        *(f"a:{code}" for code in practice["service_areas"]),
        *(f"g:{code}" for code in practice["target_groups"]),
        *(f"c:{code}" for code in practice["categories"]),
    ]
    rows = await reader.fetch(
        *bound(
            sql.RELATED_PRACTICES,
            id=practice["id"],
            service_areas=practice["service_areas"],
            target_groups=practice["target_groups"],
            categories=practice["categories"],
            tokens=tokens,
            limit=limit,
        )
    )
    return [item("practice", list(row.values())) for row in rows]


async def taxonomies(reader: Database) -> dict[str, list[tuple[str, str, str]]]:
    """Every taxonomy as (code, label_pl, label_en) in its natural order."""
    grouped: dict[str, list[tuple[str, str, str]]] = {
        name: [] for name in ("service_areas", "target_groups", "categories", "provider_types")
    }
    for row in await reader.fetch(sql.TAXONOMIES):
        grouped[row["taxonomy"]].append((row["code"], row["label_pl"], row["label_en"]))
    return grouped


async def labels(reader: Database) -> dict[str, dict[str, str]]:
    """Polish labels of every taxonomy's codes."""
    return {
        name: {code: label for code, label, _ in terms}
        for name, terms in (await taxonomies(reader)).items()
    }


async def list_taxonomies(reader: Database) -> TaxonomiesOut:
    return TaxonomiesOut.model_validate(
        {
            name: [TermOut(code=c, label_pl=pl, label_en=en) for c, pl, en in terms]
            for name, terms in (await taxonomies(reader)).items()
        }
    )


async def unit_names(reader: Database, codes: Sequence[str]) -> dict[str, str]:
    """Names of territorial units by code (unknown codes are left out)."""
    if not codes:
        return {}
    rows = await reader.fetch(*bound(sql.UNIT_NAMES, codes=list(codes)))
    return {row["code"]: row["name"] for row in rows}


async def get_any(reader: Database, *, kind: Kind, record_id: uuid.UUID) -> dict[str, Any]:
    """A record in any status with its change log: what a write answers with (the write has
    committed, so the read side sees it)."""
    found = await find(reader, kind=kind, ref=str(record_id), statuses=ANY_STATUS)
    if found is None:  # removed between the write and this read
        raise NotFound(f"No {kind} {record_id}.")
    return await with_changes(reader, kind, found)
