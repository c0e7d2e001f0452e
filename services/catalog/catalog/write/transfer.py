"""Import (CSV in UTF-8 or Windows-1250, JSON) with a row-level report and a dry run, and
export to CSV, JSON and HSDS (read through the read side's exact search)."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import uuid
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.invalidation import Invalidation
from catalog.problems import validation_errors
from catalog.read import hsda, search
from catalog.schemas import (
    ImportPoints,
    ImportReport,
    PracticeIn,
    PracticeOut,
    ProviderIn,
    ProviderOut,
    SearchParams,
)
from catalog.write import repository, workflow
from shared.auth import Principal
from shared.db.models.catalog import Practice, Provider
from shared.db.raw import Database
from shared.errors import Problem, UnsupportedMediaType, ValidationFailed
from shared.textio import detect_encoding, sniff_delimiter

LIST_SEPARATOR = "|"
# Polish header aliases accepted in CSV files (spreadsheets exported by ROPS staff).
HEADER_ALIASES = {
    "tytul": "title",
    "tytuł": "title",
    "streszczenie": "summary",
    "opis": "description",
    "problem": "problem_addressed",
    "grupy_docelowe": "target_groups",
    "obszary": "service_areas",
    "kategorie": "categories",
    "realizator": "implementer_name",
    "miejsce": "place",
    "teryt": "area_tercs",
    "rok_od": "start_year",
    "rok_do": "end_year",
    "status_cyklu": "lifecycle_status",
    "poziom_dowodow": "evidence_level",
}
PRACTICE_CSV_COLUMNS = [
    "slug",
    "title",
    "summary",
    "description",
    "problem_addressed",
    "method",
    "results",
    "evidence_level",
    "lifecycle_status",
    "target_groups",
    "service_areas",
    "categories",
    "implementer_name",
    "implementer_type",
    "country",
    "place",
    "area_tercs",
    "voivodeship",
    "lon",
    "lat",
    "start_year",
    "end_year",
    "transferability",
    "contact_name",
    "contact_email",
    "contact_phone",
    "links",
    "source",
    "license",
]
# Columns of an export that an import ignores (set by the workflow, not by editors).
READ_ONLY_COLUMNS = ("id", "status", "published_at", "updated_at", "metadata")
_LIST_FIELDS = {"target_groups", "service_areas", "categories", "area_tercs", "funding_sources"}


def _csv_row_to_input(row: dict[str, str]) -> dict[str, Any]:
    """A flat CSV row → the nested input shape; empty cells are absent values."""
    values: dict[str, Any] = {}
    contact: dict[str, str] = {}
    point: dict[str, str] = {}
    for raw_name, raw_value in row.items():
        if raw_name is None:
            raise ValueError("the row has more cells than the header")
        name = HEADER_ALIASES.get(raw_name.strip().lower(), raw_name.strip().lower())
        value = (raw_value or "").strip()
        if not value:
            continue
        if name in _LIST_FIELDS:
            values[name] = [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
        elif name == "links":
            values["links"] = [
                {"url": part.strip()} for part in value.split(LIST_SEPARATOR) if part.strip()
            ]
        elif name.startswith("contact_"):
            contact[name.removeprefix("contact_")] = value
        elif name in ("lon", "lat"):
            point[name] = value
        else:
            values[name] = value
    if contact:
        values["contact"] = contact
    if point:
        values["location"] = point
    return values


def parse_upload(data: bytes, content_type: str) -> tuple[list[dict[str, Any]], str | None]:
    """Rows of an upload (CSV or JSON) and the detected encoding."""
    media = content_type.split(";")[0].strip().lower()
    if b"\x00" in data[:4096]:
        raise ValidationFailed(
            "The file contains NUL bytes (UTF-16 or binary?); send UTF-8 or Windows-1250 text.",
            detail_pl="Plik zawiera bajty NUL (UTF-16 lub plik binarny?); wyślij UTF-8 lub CP1250.",
        )
    encoding = detect_encoding(data)
    try:
        text = encoding.decode(data)
    except UnicodeDecodeError as exc:
        raise ValidationFailed(
            f"The file is neither UTF-8 nor Windows-1250 text (byte {exc.start}).",
            detail_pl="Plik nie jest tekstem w UTF-8 ani w Windows-1250.",
        ) from exc
    if media in ("application/json", "application/x-ndjson"):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationFailed(f"Invalid JSON: {exc.msg} at line {exc.lineno}.") from exc
        if isinstance(parsed, dict):
            parsed = parsed.get("practices", parsed.get("providers", parsed.get("records")))
        if not isinstance(parsed, list) or not all(isinstance(item, dict) for item in parsed):
            raise ValidationFailed('JSON must be an array of objects or {"practices": [...]}.')
        return parsed, encoding.name
    if media in ("text/csv", "application/csv", "text/plain"):
        lines = text.splitlines()
        if not lines:
            raise ValidationFailed("The CSV file is empty.")
        reader = csv.DictReader(io.StringIO(text), delimiter=sniff_delimiter(lines[0]))
        rows: list[dict[str, Any]] = []
        try:
            for row in reader:
                try:
                    rows.append(_csv_row_to_input(row))
                except ValueError as exc:
                    rows.append({"__error__": str(exc)})
        except csv.Error as exc:  # a cell over the csv module's field limit (128 KiB)
            raise ValidationFailed(
                f"The CSV file is malformed after line {reader.line_num}: {exc}.",
                detail_pl=f"Plik CSV jest uszkodzony po wierszu {reader.line_num}.",
            ) from exc
        return rows, encoding.name
    raise UnsupportedMediaType(
        f"Send text/csv or application/json, not {media or 'nothing'}.",
        detail_pl="Wyślij text/csv lub application/json.",
    )


def seed_like(values: dict[str, Any]) -> dict[str, Any]:
    """Accept the field names of data/practices/seed-practices.json too."""
    renames = {
        "summary_pl": "summary",
        "problem_addressed_pl": "problem_addressed",
        "category_codes": "categories",
        "implementer": "implementer_name",
    }
    result = {renames.get(name, name): value for name, value in values.items()}
    if "teryt" in result:
        teryt = result.pop("teryt")
        if teryt:
            result.setdefault("area_tercs", [teryt])
    if isinstance(result.get("id"), str) and "slug" not in result:
        result["slug"] = result.pop("id")
    for name in READ_ONLY_COLUMNS:
        result.pop(name, None)
    return result


def _provider_row(values: dict[str, Any]) -> dict[str, Any]:
    """Flat conveniences for providers: ``phones`` as numbers joined with ``|``; a point as
    HSDS ``latitude``/``longitude`` (with ``approximate``) besides ``location`` or CSV
    ``lon``/``lat``."""
    result = dict(values)
    if "latitude" in result or "longitude" in result:
        if "location" not in result:
            result["location"] = {"lon": result.get("longitude"), "lat": result.get("latitude")}
        result.pop("latitude", None)
        result.pop("longitude", None)
    approximate = result.pop("approximate", None)
    if isinstance(result.get("location"), dict) and approximate is not None:
        result["location"] = {**result["location"], "approximate": approximate}
    phones = result.get("phones")
    if isinstance(phones, str):
        result["phones"] = [
            {"number": number.strip()} for number in phones.split(LIST_SEPARATOR) if number.strip()
        ]
    for name in READ_ONLY_COLUMNS:
        result.pop(name, None)
    # A CSV export lists service names only; services are imported from JSON.
    if isinstance(result.get("services"), str):
        result.pop("services")
    return result


async def import_records(
    session: AsyncSession,
    *,
    principal: Principal,
    kind: str,
    rows: Sequence[dict[str, Any]],
    encoding: str | None,
    dry_run: bool,
) -> tuple[ImportReport, list[Invalidation]]:
    """Validate every row; valid rows are created or updated (matched by slug, and providers
    also by KRS, REGON or NIP) as one unit, invalid rows are reported with their index and
    reason. A dry run writes nothing. Returns the report and what map-tiles must drop."""
    schema: type[PracticeIn] | type[ProviderIn] = PracticeIn if kind == "practice" else ProviderIn
    model = Practice if kind == "practice" else Provider
    errors: list[dict[str, Any]] = []
    invalidations: list[Invalidation] = []
    created = updated = 0
    ids: list[uuid.UUID] = []
    points = ImportPoints() if kind == "provider" else None
    warnings: list[dict[str, Any]] = []
    known = await repository.taxonomy_codes(session)
    transaction = await session.begin_nested()
    for index, raw in enumerate(rows):
        if "__error__" in raw:
            errors.append({"row": index, "field": "", "code": "csv", "message": raw["__error__"]})
            continue
        values = seed_like(raw) if kind == "practice" else _provider_row(raw)
        try:
            data = schema.model_validate(values)
        except ValidationError as exc:
            errors.extend(validation_errors(exc, row=index))
            continue
        row_errors = await workflow.check_codes(session, data, known)
        if row_errors:
            errors.extend({"row": index, **error} for error in row_errors)
            continue
        existing_id = await _existing(session, model, data)
        row_savepoint = await session.begin_nested()
        try:
            if existing_id is None:
                out = await workflow.create(
                    session, principal=principal, kind=kind, data=data, commit=False
                )
                created += 1
            else:
                patch = data.model_dump(exclude_unset=True, exclude={"slug"}, mode="json")
                out, invalidation = await workflow.update(
                    session,
                    principal=principal,
                    kind=kind,
                    ref=str(existing_id),
                    patch=patch,
                    commit=False,
                )
                updated += 1
                if invalidation is not None:
                    invalidations.append(invalidation)
            await row_savepoint.commit()
            ids.append(out.id)
            if points is not None:
                _count_point(points, out)
                if out.location_note is not None:
                    warnings.append(
                        {
                            "row": index,
                            "field": "address_1",
                            "code": "not_located",
                            "message": out.location_note,
                        }
                    )
        except Problem as problem:
            await row_savepoint.rollback()
            for error in problem.errors or [
                {"field": "", "code": problem.slug, "message": problem.detail}
            ]:
                errors.append({"row": index, **error})
    if dry_run:
        await transaction.rollback()
        invalidations = []
    else:
        await transaction.commit()
        await session.commit()
    rejected = len({error["row"] for error in errors})
    report = ImportReport.model_validate(
        {
            "dry_run": dry_run,
            "encoding": encoding,
            "rows": len(rows),
            "created": created,
            "updated": updated,
            "rejected": rejected,
            "errors": errors,
            "ids": ids,
            "points": points,
            "warnings": warnings,
        }
    )
    return report, invalidations


def _count_point(points: ImportPoints, written: workflow.Written) -> None:
    """Count where a written provider's point came from (``Placement.outcome``)."""
    if written.placed in ("explicit", "manual"):
        points.explicit += 1
    elif written.placed == "address_register":
        points.address_register += 1
        points.approximate += written.approximate
    elif written.placed == "not_found":
        points.not_found += 1
    elif written.placed == "kept":
        points.kept += 1


async def _existing(
    session: AsyncSession, model: type[Practice] | type[Provider], data: PracticeIn | ProviderIn
) -> uuid.UUID | None:
    if data.slug:
        found = await repository.get_record(session, model, ref=data.slug)
        if found is not None:
            return uuid.UUID(str(found.record.id))
    if isinstance(data, ProviderIn):
        duplicate = await repository.find_provider_by_identifiers(
            session, krs=data.krs, regon=data.regon, nip=data.nip
        )
        if duplicate is not None:
            return duplicate.id
    return None


# --- export ------------------------------------------------------------------------------------


def practices_csv(items: Sequence[PracticeOut], *, encoding: str = "utf-8") -> bytes:
    """Practices in the import layout (lists joined with ``|``), so an export re-imports."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["id", "status", *PRACTICE_CSV_COLUMNS])
    writer.writeheader()
    for item in items:
        contact = item.contact or {}
        row: dict[str, Any] = {
            name: getattr(item, name, None) for name in PRACTICE_CSV_COLUMNS if hasattr(item, name)
        }
        for name in _LIST_FIELDS & row.keys():
            row[name] = LIST_SEPARATOR.join(row[name])
        row.update(
            {
                "id": item.id,
                "status": item.status,
                "lon": item.location.lon if item.location else None,
                "lat": item.location.lat if item.location else None,
                "contact_name": contact.get("name"),
                "contact_email": contact.get("email"),
                "contact_phone": contact.get("phone"),
                "links": LIST_SEPARATOR.join(link["url"] for link in item.links),
            }
        )
        writer.writerow(row)
    text = buffer.getvalue()
    if encoding == "utf-8":
        return "\ufeff".encode() + text.encode()  # BOM: spreadsheets then read UTF-8
    return text.encode(encoding, errors="replace")


PROVIDER_CSV_COLUMNS = [
    "id",
    "slug",
    "name",
    "alternate_name",
    "provider_type",
    "legal_status",
    "krs",
    "regon",
    "nip",
    "terc",
    "voivodeship",
    "address_1",
    "postal_code",
    "city",
    "lon",
    "lat",
    "approximate",
    "email",
    "website",
    "phones",
    "service_areas",
    "target_groups",
    "services",
    "assured_date",
]


def providers_csv(items: Sequence[ProviderOut], *, encoding: str = "utf-8") -> bytes:
    """Providers, one row each (phones, taxonomies and service names joined with ``|``)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=PROVIDER_CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for item in items:
        row = item.model_dump(mode="json")
        row.update(
            {
                "lon": item.location.lon if item.location else None,
                "lat": item.location.lat if item.location else None,
                "approximate": item.location.approximate if item.location else None,
                "phones": LIST_SEPARATOR.join(phone["number"] for phone in item.phones),
                "service_areas": LIST_SEPARATOR.join(item.service_areas),
                "target_groups": LIST_SEPARATOR.join(item.target_groups),
                "services": LIST_SEPARATOR.join(service.name for service in item.services),
            }
        )
        writer.writerow(row)
    text = buffer.getvalue()
    if encoding == "utf-8":
        return "\ufeff".encode() + text.encode()
    return text.encode(encoding, errors="replace")


def practices_json(items: Sequence[PracticeOut]) -> bytes:
    return json.dumps([item.model_dump(mode="json") for item in items], ensure_ascii=False).encode()


# --- export (published records with the list's filters) -------------------------------------------

EXPORT_LIMIT = 10_000


def export_params(params: SearchParams) -> SearchParams:
    """Exports are of published records only, whatever the caller asked."""
    return params.model_copy(update={"statuses": ["published"], "facets": False})


async def _published(
    reader: Database, kind: Literal["practice", "provider"], params: SearchParams
) -> list[Any]:
    """Published records with the list's filters, as their output models."""
    found = await search.search(
        reader,
        kind=kind,
        params=export_params(params),
        limit=EXPORT_LIMIT,
        offset=0,
        window=search.EVERY_MATCH,
    )
    schema = PracticeOut if kind == "practice" else ProviderOut
    return [schema.model_validate(item) for item in found.items]


async def export_practices(
    reader: Database, *, params: SearchParams, output: str, encoding: str = "utf-8"
) -> bytes:
    """Published practices as CSV (the import layout) or JSON; rendered off the event loop."""
    practices = await _published(reader, "practice", params)
    if output == "json":
        return await asyncio.to_thread(practices_json, practices)
    return await asyncio.to_thread(practices_csv, practices, encoding=encoding)


async def export_providers(
    reader: Database, *, params: SearchParams, output: str, encoding: str = "utf-8"
) -> bytes:
    """Published providers as CSV, JSON (catalogue shape) or HSDS organizations."""
    providers: list[ProviderOut] = await _published(reader, "provider", params)
    if output == "csv":
        return await asyncio.to_thread(providers_csv, providers, encoding=encoding)
    if output == "json":
        return json.dumps(
            [provider.model_dump(mode="json") for provider in providers], ensure_ascii=False
        ).encode()
    organizations = await hsda.organization_documents(reader, providers)
    return json.dumps(organizations, ensure_ascii=False).encode()
