"""Rules of the catalogue: who may write what, the editorial workflow, the change log, and the
shaping of records for output."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from catalog import hsds, repository
from catalog.repository import Found, RecordModel
from catalog.schemas import (
    ChangeOut,
    PracticeIn,
    PracticeOut,
    ProviderIn,
    ProviderOut,
    SearchParams,
    ServiceOut,
    TaxonomiesOut,
    TermOut,
)
from catalog.validators import slugify, territory_prefixes
from shared.auth import Principal
from shared.db.models.catalog import ChangeLog, Practice, Provider, ProviderService
from shared.db.raw import Database
from shared.errors import Conflict, Forbidden, NotFound, ValidationFailed, field_path

Kind = Literal["practice", "provider"]
Action = Literal["submit", "return", "publish", "archive"]
MODELS: dict[str, RecordModel] = {"practice": Practice, "provider": Provider}

# action → (statuses it may start from, resulting status, scope needed)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "submit": (("draft",), "submitted", "catalog:edit"),
    "return": (("submitted",), "draft", "catalog:moderate"),
    "publish": (("draft", "submitted"), "published", "catalog:moderate"),
    "archive": (("draft", "submitted", "published"), "archived", "catalog:moderate"),
}
_PUBLIC = ("published",)
_OUTPUT_EXTRAS = {"location", "distance_m", "score", "metadata", "services"}


@dataclass(frozen=True, slots=True)
class Invalidation:
    """What map-tiles should drop from its cache after a change to public data."""

    collection: str
    ids: tuple[uuid.UUID, ...]
    territories: tuple[str, ...]
    reason: str

    def body(self) -> dict[str, Any]:
        return {
            "collections": [self.collection],
            "ids": [str(item) for item in self.ids],
            "territories": list(self.territories),
            "reason": self.reason,
        }


# --- output ------------------------------------------------------------------------------------


def _change_out(entry: ChangeLog) -> ChangeOut:
    return ChangeOut(
        id=entry.id,
        resource_id=entry.resource_id,
        resource_type=entry.resource_type,
        last_action_date=entry.changed_at,
        last_action_type=entry.action,
        field_name=entry.field_name,
        previous_value=entry.previous_value or "",
        replacement_value=entry.replacement_value or "",
        updated_by=entry.updated_by,
    )


def _location(found: Found) -> dict[str, float] | None:
    if found.lon is None or found.lat is None:
        return None
    return {"lon": found.lon, "lat": found.lat}


def practice_out(found: Found, changes: Sequence[ChangeLog] | None = None) -> PracticeOut:
    record: Practice = found.record
    values = {
        name: getattr(record, name)
        for name in PracticeOut.model_fields
        if name not in _OUTPUT_EXTRAS
    }
    return PracticeOut(
        **values,
        location=_location(found),
        distance_m=found.distance_m,
        score=found.score,
        metadata=None if changes is None else [_change_out(entry) for entry in changes],
    )


def service_out(service: ProviderService) -> ServiceOut:
    return ServiceOut.model_validate(
        {name: getattr(service, name) for name in ServiceOut.model_fields}
    )


def provider_out(
    found: Found,
    services: Sequence[ProviderService] = (),
    changes: Sequence[ChangeLog] | None = None,
) -> ProviderOut:
    record: Provider = found.record
    values = {
        name: getattr(record, name)
        for name in ProviderOut.model_fields
        if name not in _OUTPUT_EXTRAS
    }
    return ProviderOut(
        **values,
        location=_location(found),
        services=[service_out(service) for service in services],
        distance_m=found.distance_m,
        score=found.score,
        metadata=None if changes is None else [_change_out(entry) for entry in changes],
    )


async def shape(
    session: AsyncSession, kind: str, rows: Sequence[Found], *, with_changes: bool = False
) -> list[Any]:
    """Output models of found records (with services for providers, change log on request)."""
    ids = [row.record.id for row in rows]
    changes = (
        await repository.changes(session, resource_type=kind, resource_ids=ids)
        if with_changes
        else None
    )
    if kind == "practice":
        return [practice_out(row, changes[row.record.id] if changes else None) for row in rows]
    services = await repository.provider_services(session, ids)
    return [
        provider_out(row, services[row.record.id], changes[row.record.id] if changes else None)
        for row in rows
    ]


# --- reads -------------------------------------------------------------------------------------


async def get_public(session: AsyncSession, *, kind: str, ref: str) -> Any:
    """A published record by id or slug, with its change log (HSDS ``metadata``)."""
    found = await repository.get_record(session, MODELS[kind], ref=ref, statuses=_PUBLIC)
    if found is None:
        raise NotFound(f"No published {kind} {ref!r}.", detail_pl=f"Nie znaleziono: {ref!r}.")
    return (await shape(session, kind, [found], with_changes=True))[0]


async def get_managed(session: AsyncSession, *, principal: Principal, kind: str, ref: str) -> Any:
    """Any record of the caller's territory, whatever its status."""
    found = await _load_for_write(session, principal=principal, kind=kind, ref=ref, lock=False)
    return (await shape(session, kind, [found], with_changes=True))[0]


@dataclass(frozen=True, slots=True)
class SearchPage:
    """A page of the public search; ``total`` is a lower bound when ``exact`` is false, and
    then ``more`` says whether a next page may follow."""

    items: list[dict[str, Any]]
    total: int
    exact: bool
    more: bool
    facets: dict[str, dict[str, int]] | None
    # The text searched instead of q, whose misspelt words it corrects.
    correction: str | None = None


# The public list's rows, in the field order of PracticeOut / ProviderOut, and which of the
# fields arrive as JSON text.
_LIST_FIELDS = {kind: repository.list_fields(model) for kind, model in MODELS.items()}
_LIST_DOCUMENTS = {
    kind: [
        index
        for index, name in enumerate(_LIST_FIELDS[kind])
        if name in repository.list_json_fields(model)
    ]
    for kind, model in MODELS.items()
}


def list_item(kind: str, row: Sequence[Any]) -> dict[str, Any]:
    """One record of the public list: the fields of PracticeOut / ProviderOut with the values
    the database holds (they passed the same validation on the way in). Serialized by
    ``routes.records.list_response`` they read exactly as the schema's JSON; validating each
    value again would cost most of the list's time."""
    values = list(row)
    for index in _LIST_DOCUMENTS[kind]:
        if values[index] is not None:
            values[index] = orjson.loads(values[index])
    item = dict(zip(_LIST_FIELDS[kind], values, strict=True))
    if item["location"] is not None:
        lon, lat = item["location"]
        item["location"] = {"lon": lon, "lat": lat}
    return item


async def search(
    reader: Database, *, kind: str, params: SearchParams, limit: int, offset: int
) -> SearchPage:
    """The public search: examines at most ``repository.SEARCH_WINDOW`` matches."""
    found = await repository.search_window(
        reader,
        MODELS[kind],
        params,
        limit=limit,
        offset=offset,
        window=repository.SEARCH_WINDOW,
    )
    return SearchPage(
        items=[list_item(kind, row) for row in found.rows],
        total=found.total,
        exact=found.exact,
        more=found.more,
        facets=_facets(kind, found.facets) if params.facets else None,
        correction=found.correction,
    )


def _facets(kind: str, counted: str | None) -> dict[str, dict[str, int]]:
    """Every facet of the kind, with the counts found (JSON text; empty facets are absent)."""
    found = orjson.loads(counted) if counted else {}
    arrays, scalars = repository.facet_names(MODELS[kind])
    return {name: found.get(name) or {} for name in (*arrays, *scalars)}


async def related_practices(session: AsyncSession, *, ref: str, limit: int) -> list[Any]:
    """Published practices sharing the most service areas, target groups and categories."""
    found = await repository.get_record(session, Practice, ref=ref, statuses=_PUBLIC)
    if found is None:
        raise NotFound(f"No published practice {ref!r}.")
    practice: Practice = found.record
    rows = await repository.related_practices(session, practice=practice, limit=limit)
    return await shape(session, "practice", rows)


async def list_taxonomies(session: AsyncSession) -> TaxonomiesOut:
    data = await repository.taxonomies(session)
    return TaxonomiesOut.model_validate(
        {
            name: [TermOut(code=c, label_pl=pl, label_en=en) for c, pl, en in terms]
            for name, terms in data.items()
        }
    )


# --- writes ------------------------------------------------------------------------------------


def field_error(
    field: str | Sequence[str | int], code: str, message: str, *, location: str = "body"
) -> dict[str, Any]:
    """One field error of a problem (``shared.errors.FieldError``); ``field`` as a path
    (``("services", 0, "area_tercs")`` → ``services[0].area_tercs``) or written out."""
    path = field if isinstance(field, str) else field_path(field)
    return {"field": path, "location": location, "code": code, "message": message}


def validation_errors(exc: ValidationError, *, row: int | None = None) -> list[dict[str, Any]]:
    errors = []
    for error in exc.errors():
        entry = field_error(error["loc"], error["type"], error["msg"])
        errors.append(entry if row is None else {"row": row, **entry})
    return errors


async def check_codes(
    session: AsyncSession, data: PracticeIn | ProviderIn, known: dict[str, set[str]] | None = None
) -> list[dict[str, Any]]:
    """Unknown taxonomy codes and dangling references, as validation errors."""
    known = known or await repository.taxonomy_codes(session)
    checks: list[tuple[tuple[str | int, ...], Sequence[str], str]] = [
        (("service_areas",), data.service_areas, "service_areas"),
        (("target_groups",), data.target_groups, "target_groups"),
    ]
    if isinstance(data, PracticeIn):
        checks.append((("categories",), data.categories, "categories"))
    else:
        for index, service in enumerate(data.services):
            checks.append(
                (("services", index, "service_areas"), service.service_areas, "service_areas")
            )
            checks.append(
                (("services", index, "target_groups"), service.target_groups, "target_groups")
            )
    errors = [
        field_error((*path, index), "unknown_code", f"unknown {taxonomy} code {code!r}")
        for path, codes, taxonomy in checks
        for index, code in enumerate(codes)
        if code not in known[taxonomy]
    ]
    provider_type = data.implementer_type if isinstance(data, PracticeIn) else data.provider_type
    if provider_type and provider_type not in known["provider_types"]:
        name = "implementer_type" if isinstance(data, PracticeIn) else "provider_type"
        errors.append(
            field_error(name, "unknown_code", f"unknown provider_types code {provider_type!r}")
        )
    if isinstance(data, PracticeIn) and data.implementer_provider_id is not None:
        found = await repository.get_record(
            session, Provider, ref=str(data.implementer_provider_id)
        )
        if found is None:
            errors.append(
                field_error(
                    "implementer_provider_id", "unknown_reference", "no provider with this id"
                )
            )
    return errors


async def service_id_errors(
    session: AsyncSession, data: PracticeIn | ProviderIn, provider_id: uuid.UUID | None = None
) -> list[dict[str, Any]]:
    """Service ids given twice, or of another provider's services (ids are kept stable across
    edits, so a provider names its own)."""
    if not isinstance(data, ProviderIn):
        return []
    ids = [service.id for service in data.services if service.id is not None]
    owners = await repository.service_owners(session, ids)
    errors = []
    seen: set[uuid.UUID] = set()
    for index, service in enumerate(data.services):
        if service.id is None:
            continue
        if service.id in seen:
            errors.append(field_error(("services", index, "id"), "duplicate", "given twice"))
        elif owners.get(service.id, provider_id) != provider_id:
            errors.append(
                field_error(
                    ("services", index, "id"), "taken", "the id of another provider's service"
                )
            )
        seen.add(service.id)
    return errors


# Fields of a record that place it (a patch touching one checks its territory again).
TERRITORY_FIELDS = frozenset({"country", "voivodeship", "area_tercs", "terc", "services"})


def _territory_codes(data: PracticeIn | ProviderIn) -> list[tuple[str, str]]:
    """Every TERC code of a record with the path of its field."""
    codes = [(f"area_tercs[{index}]", code) for index, code in enumerate(data.area_tercs)]
    if isinstance(data, ProviderIn):
        if data.terc:
            codes.append(("terc", data.terc))
        codes += [
            (f"services[{number}].area_tercs[{index}]", code)
            for number, service in enumerate(data.services)
            for index, code in enumerate(service.area_tercs)
        ]
    return codes


def owning_voivodeship(principal: Principal, data: PracticeIn | ProviderIn) -> str | None:
    """The voivodeship a record belongs to: the one given, else the one of its area (and a
    provider's TERC), else for a Polish record with no area the key's (when it has one).
    None: the record belongs to no voivodeship (abroad, or an area over several)."""
    if data.voivodeship:
        return data.voivodeship
    codes = list(data.area_tercs)
    if isinstance(data, ProviderIn) and data.terc:
        codes.append(data.terc)
    regions = {code[:2] for code in codes}
    if len(regions) == 1:
        return regions.pop()
    if regions or (isinstance(data, PracticeIn) and data.country != "PL"):
        return None
    own = {prefix[:2] for prefix in principal.territory or ()}
    return own.pop() if len(own) == 1 else None


def territory_errors(
    principal: Principal, data: PracticeIn | ProviderIn, voivodeship: str | None
) -> list[dict[str, Any]]:
    """Where a record's territory (``voivodeship``, its own, and every TERC code) contradicts
    itself or leaves the key's territory, as field errors. A practice abroad has no Polish
    voivodeship or TERC code; every code lies in the record's voivodeship; a key with a
    territory writes only inside it, so never a record of no voivodeship."""
    codes = _territory_codes(data)
    errors: list[dict[str, Any]] = []
    if isinstance(data, PracticeIn) and data.country != "PL":
        country = data.country
        if data.voivodeship:
            errors.append(
                field_error(
                    "voivodeship", "outside_country", f"a practice in {country} has no voivodeship"
                )
            )
        for field, code in codes:
            errors.append(
                field_error(field, "outside_country", f"{code} is a Polish unit, not in {country}")
            )
        if principal.territory is not None:
            errors.append(
                field_error(
                    "country",
                    "outside_key_territory",
                    "a practice abroad belongs to no voivodeship: only a national key writes it",
                )
            )
        return errors
    for field, code in codes:
        if voivodeship is not None and not code.startswith(voivodeship):
            errors.append(
                field_error(
                    field, "outside_voivodeship", f"{code} is not in voivodeship {voivodeship}"
                )
            )
        elif not principal.covers(code):
            errors.append(
                field_error(field, "outside_key_territory", f"the API key may not write {code}")
            )
    if voivodeship is None and isinstance(data, ProviderIn):
        errors.append(
            field_error("voivodeship", "missing", "a provider needs a voivodeship (or a TERC code)")
        )
    elif principal.territory is not None:
        if voivodeship is None:
            errors.append(
                field_error(
                    "voivodeship",
                    "outside_key_territory",
                    "a record of no single voivodeship: only a national key writes it",
                )
            )
        elif not principal.covers(voivodeship):
            errors.append(
                field_error(
                    "voivodeship",
                    "outside_key_territory",
                    f"the API key may not write records of voivodeship {voivodeship}",
                )
            )
    return errors


def ensure_scope(principal: Principal, voivodeship: str | None) -> None:
    """Editors act on the records of their own voivodeship (403 for another's); records of
    none need a national key. What they write is checked by ``territory_errors``."""
    if voivodeship is None:
        if principal.territory is not None:
            raise Forbidden(
                "Only a national key may edit records that belong to no voivodeship.",
                detail_pl="Rekordy spoza województw może edytować tylko klucz ogólnokrajowy.",
            )
        return
    if not principal.covers(voivodeship):
        raise Forbidden(
            f"The API key may not edit records of voivodeship {voivodeship}.",
            detail_pl=f"Klucz API nie uprawnia do edycji rekordów województwa {voivodeship}.",
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value


def _columns(kind: str, data: PracticeIn | ProviderIn, voivodeship: str | None) -> dict[str, Any]:
    excluded = {"slug", "location", "voivodeship", "services"}
    values = {
        name: _jsonable(getattr(data, name))
        for name in type(data).model_fields
        if name not in excluded
    }
    codes = list(data.area_tercs)
    if isinstance(data, ProviderIn):
        if data.terc:
            codes.append(data.terc)
        services = data.services
        values["service_areas"] = sorted(
            {*data.service_areas, *(c for s in services for c in s.service_areas)}
        )
        values["target_groups"] = sorted(
            {*data.target_groups, *(c for s in services for c in s.target_groups)}
        )
    else:
        values["service_areas"] = list(dict.fromkeys(data.service_areas))
        values["target_groups"] = list(dict.fromkeys(data.target_groups))
        values["categories"] = list(dict.fromkeys(data.categories))
    prefixes = territory_prefixes(codes)
    if voivodeship and voivodeship not in prefixes:
        prefixes = sorted({*prefixes, voivodeship})
    values["territory_prefixes"] = prefixes
    values["voivodeship"] = voivodeship
    return values


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _diff(
    before: dict[str, Any], after: dict[str, Any]
) -> list[tuple[str, str | None, str | None]]:
    changed = []
    for name, new in after.items():
        if name == "territory_prefixes":
            continue
        old_text, new_text = _as_text(before.get(name)), _as_text(new)
        if old_text != new_text:
            changed.append((name, old_text, new_text))
    return changed


def _log(
    session: AsyncSession,
    principal: Principal,
    *,
    kind: str,
    record_id: uuid.UUID,
    action: str,
    changed: Sequence[tuple[str, str | None, str | None]],
) -> None:
    changed_at = datetime.now(UTC)
    repository.add_changes(
        session,
        [
            {
                "resource_type": kind,
                "resource_id": record_id,
                "action": action,
                "field_name": name,
                "previous_value": old,
                "replacement_value": new,
                "updated_by": principal.institution_name,
                "institution_id": principal.institution_id,
                # The statement clock, not now(): several requests may share a transaction.
                "changed_at": changed_at,
            }
            for name, old, new in changed
        ],
    )


async def _free_slug(session: AsyncSession, model: RecordModel, base: str) -> str:
    slug, suffix = base, 2
    while await repository.slug_taken(session, model, slug):
        slug = f"{base[:110]}-{suffix}"
        suffix += 1
    return slug


async def _point_for(
    session: AsyncSession, data: PracticeIn | ProviderIn
) -> tuple[float, float] | None:
    if data.location is not None:
        return (data.location.lon, data.location.lat)
    # A practice without a point sits at its (single) unit's representative point; a provider
    # without an address gets no point rather than an invented one.
    if isinstance(data, PracticeIn) and len(data.area_tercs) == 1:
        return await repository.unit_point(session, data.area_tercs[0])
    return None


def _services_rows(data: ProviderIn) -> list[dict[str, Any]]:
    rows = []
    for service in data.services:
        values = {name: _jsonable(getattr(service, name)) for name in type(service).model_fields}
        if values.get("id") is None:
            values.pop("id", None)
        rows.append(values)
    return rows


async def ensure_unique_identifiers(
    session: AsyncSession, data: PracticeIn | ProviderIn, provider_id: uuid.UUID | None = None
) -> None:
    """A provider's KRS, REGON and NIP are its own (409 naming the other provider)."""
    if not isinstance(data, ProviderIn):
        return
    duplicate = await repository.find_provider_by_identifiers(
        session, krs=data.krs, regon=data.regon, nip=data.nip, excluding=provider_id
    )
    if duplicate is not None:
        raise Conflict(
            f"A provider with the same KRS, REGON or NIP exists: {duplicate.slug}.",
            existing_id=str(duplicate.id),
        )


async def create(
    session: AsyncSession,
    *,
    principal: Principal,
    kind: str,
    data: PracticeIn | ProviderIn,
    commit: bool = True,
) -> Any:
    """Create a draft in the caller's territory (see ``territory_errors``)."""
    model = MODELS[kind]
    voivodeship = owning_voivodeship(principal, data)
    errors = await check_codes(session, data)
    errors += await service_id_errors(session, data)
    errors += territory_errors(principal, data, voivodeship)
    if errors:
        raise ValidationFailed("The record has invalid fields; see errors.", errors=errors)
    await ensure_unique_identifiers(session, data)
    title = data.title if isinstance(data, PracticeIn) else data.name
    if data.slug:
        if await repository.slug_taken(session, model, data.slug):
            raise Conflict(f"The slug {data.slug!r} is taken.")
        slug = data.slug
    else:
        slug = await _free_slug(session, model, slugify(title))
    values = _columns(kind, data, voivodeship)
    record = model(slug=slug, status="draft", created_by=principal.institution_id, **values)
    repository.set_point(record, await _point_for(session, data))
    session.add(record)
    await session.flush()
    if isinstance(data, ProviderIn):
        await repository.replace_services(session, record.id, _services_rows(data))
    changed = [(name, None, _as_text(value)) for name, value in values.items()]
    _log(
        session,
        principal,
        kind=kind,
        record_id=record.id,
        action="create",
        changed=[c for c in changed if c[2] not in (None, "[]") and c[0] != "territory_prefixes"],
    )
    if commit:
        await session.commit()
    return await _reload(session, kind, record.id)


async def _reload(session: AsyncSession, kind: str, record_id: uuid.UUID) -> Any:
    found = await repository.get_record(session, MODELS[kind], ref=str(record_id), populate=True)
    assert found is not None
    return (await shape(session, kind, [found], with_changes=True))[0]


async def _load_for_write(
    session: AsyncSession, *, principal: Principal, kind: str, ref: str, lock: bool = True
) -> Found:
    found = await repository.get_record(session, MODELS[kind], ref=ref, for_update=lock)
    if found is None:
        raise NotFound(f"No {kind} {ref!r}.", detail_pl=f"Nie znaleziono: {ref!r}.")
    ensure_scope(principal, found.record.voivodeship)
    return found


def input_of(kind: str, found: Found, services: Sequence[ProviderService] = ()) -> dict[str, Any]:
    """The editable fields of a stored record, as input (for patches)."""
    record = found.record
    schema = PracticeIn if kind == "practice" else ProviderIn
    values = {
        name: getattr(record, name)
        for name in schema.model_fields
        if name not in ("location", "services")
    }
    values["location"] = _location(found)
    if kind == "provider":
        values["services"] = [
            {name: getattr(service, name) for name in ServiceOut.model_fields}
            for service in services
        ]
    return {name: value for name, value in values.items() if value is not None}


async def update(
    session: AsyncSession,
    *,
    principal: Principal,
    kind: str,
    ref: str,
    patch: dict[str, Any],
    commit: bool = True,
) -> tuple[Any, Invalidation | None]:
    """Apply a partial update; the merged record is validated as a whole. Published records
    are edited by moderators only; archived ones not at all."""
    found = await _load_for_write(session, principal=principal, kind=kind, ref=ref)
    record = found.record
    if record.status == "archived":
        raise Conflict("An archived record cannot be edited.", detail_pl="Rekord zarchiwizowany.")
    if record.status == "published" and not principal.has_scope("catalog:moderate"):
        raise Forbidden("Only a moderator may edit a published record.")
    services = (
        (await repository.provider_services(session, [record.id]))[record.id]
        if kind == "provider"
        else []
    )
    merged = {**input_of(kind, found, services), **patch}
    schema = PracticeIn if kind == "practice" else ProviderIn
    try:
        data = schema.model_validate(merged)
    except ValidationError as exc:
        raise ValidationFailed(
            "The record has invalid fields; see errors.", errors=validation_errors(exc)
        ) from exc
    errors = await check_codes(session, data)
    errors += await service_id_errors(session, data, record.id)
    voivodeship = record.voivodeship
    if TERRITORY_FIELDS.intersection(patch):
        voivodeship = owning_voivodeship(principal, data)
        errors += territory_errors(principal, data, voivodeship)
    if errors:
        raise ValidationFailed("The record has invalid fields; see errors.", errors=errors)
    await ensure_unique_identifiers(session, data, record.id)
    values = _columns(kind, data, voivodeship)
    before = {name: getattr(record, name) for name in values}
    changed = _diff(before, values)
    if data.slug and data.slug != record.slug:
        if await repository.slug_taken(session, MODELS[kind], data.slug):
            raise Conflict(f"The slug {data.slug!r} is taken.")
        changed.append(("slug", record.slug, data.slug))
        record.slug = data.slug
    for name, value in values.items():
        setattr(record, name, value)
    if "location" in patch:
        old_point = _location(found)
        new_point = await _point_for(session, data)
        if (old_point and (old_point["lon"], old_point["lat"])) != new_point:
            changed.append(
                ("location", _as_text(old_point), _as_text(new_point and list(new_point)))
            )
            repository.set_point(record, new_point)
    if isinstance(data, ProviderIn) and "services" in patch:
        old_services = [service_out(s).model_dump(mode="json") for s in services]
        await repository.replace_services(session, record.id, _services_rows(data))
        new_services = [
            service_out(s).model_dump(mode="json")
            for s in (await repository.provider_services(session, [record.id]))[record.id]
        ]
        if _without_ids(old_services) != _without_ids(new_services):
            changed.append(("services", _as_text(old_services), _as_text(new_services)))
    if changed:
        record.updated_at = datetime.now(UTC)
        _log(session, principal, kind=kind, record_id=record.id, action="update", changed=changed)
    await session.flush()
    if commit:
        await session.commit()
    invalidation = None
    if record.status == "published" and changed:
        invalidation = _invalidation(kind, record, f"{kind}.updated")
    return await _reload(session, kind, record.id), invalidation


def _without_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: value for key, value in row.items() if key != "id"} for row in rows]


def _invalidation(kind: str, record: Practice | Provider, reason: str) -> Invalidation:
    territories = sorted(
        {*(record.area_tercs or []), *([record.voivodeship] if record.voivodeship else [])}
    )
    return Invalidation(
        collection="practices" if kind == "practice" else "providers",
        ids=(record.id,),
        territories=tuple(territories),
        reason=reason,
    )


async def transition(
    session: AsyncSession, *, principal: Principal, kind: str, ref: str, action: str
) -> tuple[Any, Invalidation | None]:
    """Move a record through draft → submitted → published → archived."""
    sources, target, scope = TRANSITIONS[action]
    if not principal.has_scope(scope):
        raise Forbidden(f"The API key lacks the scope {scope}.")
    found = await _load_for_write(session, principal=principal, kind=kind, ref=ref)
    record = found.record
    if record.status not in sources:
        raise Conflict(
            f"Cannot {action} a {record.status} {kind}.",
            detail_pl=f"Niedozwolona zmiana stanu: {record.status} → {target}.",
            status=record.status,
        )
    was_public = record.status == "published"
    now = datetime.now(UTC)
    previous = record.status
    record.status = target
    record.updated_at = now
    if target == "submitted":
        record.submitted_at = now
    elif target == "published":
        record.published_at = now
    elif target == "archived":
        record.archived_at = now
    _log(
        session,
        principal,
        kind=kind,
        record_id=record.id,
        action=action,
        changed=[("status", previous, target)],
    )
    await session.flush()
    await session.commit()
    invalidation = None
    if target == "published" or was_public:
        invalidation = _invalidation(kind, record, f"{kind}.{target}")
    return await _reload(session, kind, record.id), invalidation


async def moderation_queue(
    session: AsyncSession,
    *,
    principal: Principal,
    kind: str,
    params: SearchParams,
    limit: int,
    offset: int,
) -> tuple[list[Any], int]:
    """Records of the caller's territory in the requested statuses (default: submitted)."""
    territory = principal.territory
    if territory is not None:
        regions = sorted({prefix[:2] for prefix in territory})
        if params.voivodeship and params.voivodeship not in regions:
            raise Forbidden(f"The API key may not read voivodeship {params.voivodeship}.")
        if not params.voivodeship:
            if len(regions) != 1:
                raise ValidationFailed("Choose a voivodeship of the key's territory.")
            params = params.model_copy(update={"voivodeship": regions[0]})
    result = await repository.search(session, MODELS[kind], params, limit=limit, offset=offset)
    return await shape(session, kind, result.rows), result.total


# --- HSDS --------------------------------------------------------------------------------------


async def _labels(session: AsyncSession) -> dict[str, dict[str, str]]:
    data = await repository.taxonomies(session)
    return {name: {code: pl for code, pl, _ in terms} for name, terms in data.items()}


async def _providers(
    session: AsyncSession, ids: Sequence[uuid.UUID], *, with_changes: bool
) -> dict[uuid.UUID, ProviderOut]:
    found = await repository.get_records_by_ids(session, Provider, ids, statuses=_PUBLIC)
    shaped: list[ProviderOut] = await shape(
        session, "provider", list(found.values()), with_changes=with_changes
    )
    return {item.id: item for item in shaped}


async def _unit_names_for(
    session: AsyncSession, providers: Sequence[ProviderOut]
) -> dict[str, str]:
    codes = sorted(
        {
            code
            for provider in providers
            for code in [
                *provider.area_tercs,
                *(c for s in provider.services for c in s.area_tercs),
            ]
            + ([provider.terc] if provider.terc else [])
        }
    )
    return await repository.unit_names(session, codes)


async def hsds_services(
    session: AsyncSession,
    *,
    search_text: str | None,
    organization_id: uuid.UUID | None,
    modified_after: datetime | None,
    page_number: int,
    per_page: int,
    full: bool,
    taxonomy_term_id: uuid.UUID | None = None,
) -> dict[str, Any]:
    """HSDA ``GET /services``: services of published providers in the Page envelope."""
    labels = await _labels(session)
    areas: list[str] = []
    groups: list[str] = []
    if taxonomy_term_id is not None:
        term = hsds.term_index(labels).get(str(taxonomy_term_id))
        if term is None or term[0] == "provider_types":
            return hsds.page([], total=0, page_number=page_number, per_page=per_page)
        (areas if term[0] == "service_areas" else groups).append(term[1])
    services, total = await repository.published_services(
        session,
        search_text=search_text,
        organization_id=organization_id,
        modified_after=modified_after,
        service_areas=areas,
        target_groups=groups,
        limit=per_page,
        offset=(page_number - 1) * per_page,
    )
    providers = await _providers(
        session, sorted({s.provider_id for s in services}), with_changes=full
    )
    names = await _unit_names_for(session, list(providers.values())) if full else {}
    items = []
    for item in services:
        provider = providers[item.provider_id]
        items.append(
            hsds.service(service_out(item), provider, full=full, labels=labels, unit_names=names)
        )
    return hsds.page(items, total=total, page_number=page_number, per_page=per_page)


async def hsds_service(session: AsyncSession, *, service_id: uuid.UUID) -> dict[str, Any]:
    """HSDA ``GET /services/{id}``: the fully nested service."""
    services, _ = await repository.published_services(
        session,
        search_text=None,
        organization_id=None,
        modified_after=None,
        service_id=service_id,
        limit=1,
        offset=0,
    )
    if not services:
        raise NotFound(f"No published service {service_id}.")
    providers = await _providers(session, [services[0].provider_id], with_changes=True)
    provider = providers[services[0].provider_id]
    names = await _unit_names_for(session, [provider])
    return hsds.service(
        service_out(services[0]),
        provider,
        full=True,
        labels=await _labels(session),
        unit_names=names,
    )


async def hsds_organizations(
    session: AsyncSession,
    *,
    search_text: str | None,
    modified_after: datetime | None,
    page_number: int,
    per_page: int,
    full: bool,
) -> dict[str, Any]:
    """HSDA ``GET /organizations`` in the Page envelope."""
    params = SearchParams(q=search_text, modified_after=modified_after, sort="title")
    result = await repository.search(
        session, Provider, params, limit=per_page, offset=(page_number - 1) * per_page
    )
    providers: list[ProviderOut] = await shape(session, "provider", result.rows, with_changes=full)
    labels = await _labels(session)
    names = await _unit_names_for(session, providers) if full else {}
    items = [
        hsds.organization(provider, full=full, labels=labels, unit_names=names)
        for provider in providers
    ]
    return hsds.page(items, total=result.total, page_number=page_number, per_page=per_page)


async def hsds_organization(session: AsyncSession, *, organization_id: uuid.UUID) -> dict[str, Any]:
    """HSDA ``GET /organizations/{id}`` with its services and change log."""
    providers = await _providers(session, [organization_id], with_changes=True)
    if organization_id not in providers:
        raise NotFound(f"No published organization {organization_id}.")
    provider = providers[organization_id]
    names = await _unit_names_for(session, [provider])
    return hsds.organization(provider, full=True, labels=await _labels(session), unit_names=names)


# --- export and feed ---------------------------------------------------------------------------

EXPORT_LIMIT = 10_000


async def export_providers(
    session: AsyncSession, *, params: SearchParams, output: str, encoding: str = "utf-8"
) -> bytes:
    """Published providers as CSV, JSON (catalogue shape) or HSDS organizations."""
    from catalog.transfer import providers_csv

    result = await repository.search(session, Provider, params, limit=EXPORT_LIMIT, offset=0)
    providers: list[ProviderOut] = await shape(session, "provider", result.rows)
    if output == "csv":
        return await asyncio.to_thread(providers_csv, providers, encoding=encoding)
    if output == "json":
        return json.dumps(
            [provider.model_dump(mode="json") for provider in providers], ensure_ascii=False
        ).encode()
    labels = await _labels(session)
    names = await _unit_names_for(session, providers)
    return json.dumps(
        [hsds.organization(p, full=True, labels=labels, unit_names=names) for p in providers],
        ensure_ascii=False,
    ).encode()


async def export_practices(
    session: AsyncSession, *, params: SearchParams, output: str, encoding: str = "utf-8"
) -> bytes:
    """Published practices as CSV (the import layout) or JSON; rendered off the event loop."""
    from catalog.transfer import practices_csv, practices_json

    result = await repository.search(session, Practice, params, limit=EXPORT_LIMIT, offset=0)
    practices: list[PracticeOut] = await shape(session, "practice", result.rows)
    if output == "json":
        return await asyncio.to_thread(practices_json, practices)
    return await asyncio.to_thread(practices_csv, practices, encoding=encoding)


async def practices_feed(
    session: AsyncSession, *, voivodeship: str | None, limit: int, base_url: str, self_url: str
) -> bytes:
    from catalog.transfer import atom_feed

    practices = await repository.feed_practices(session, voivodeship=voivodeship, limit=limit)
    return atom_feed(practices, base_url=base_url, voivodeship=voivodeship, self_url=self_url)


async def hsds_taxonomies(session: AsyncSession) -> dict[str, Any]:
    """HSDA ``GET /taxonomies``: the three taxonomies of the catalogue."""
    items = [hsds.taxonomy(name) for name in hsds.TAXONOMIES]
    return hsds.page(items, total=len(items), page_number=1, per_page=max(len(items), 1))


async def hsds_taxonomy_terms(
    session: AsyncSession, *, taxonomy_id: uuid.UUID | None, page_number: int, per_page: int
) -> dict[str, Any]:
    """HSDA ``GET /taxonomy_terms``, optionally of one taxonomy."""
    labels = await _labels(session)
    terms = [
        hsds.taxonomy_term(name, code, label)
        for name in hsds.TAXONOMIES
        for code, label in labels.get(name, {}).items()
        if taxonomy_id is None or hsds.stable_id("taxonomy", name) == str(taxonomy_id)
    ]
    start = (page_number - 1) * per_page
    return hsds.page(
        terms[start : start + per_page],
        total=len(terms),
        page_number=page_number,
        per_page=per_page,
    )
