"""The editorial workflow: create, update and the transitions draft → submitted → published →
archived, each checked (taxonomy codes, identifiers, territory; ``catalog.territory``) and
logged field by field; the moderation queue and the managed record pages, read through the
read side."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.invalidation import Invalidation, invalidation_of
from catalog.problems import field_error, validation_errors
from catalog.read import records, search
from catalog.schemas import PracticeIn, ProviderIn, ProviderPoint, SearchParams, ServiceOut
from catalog.territory import (
    TERRITORY_FIELDS,
    ensure_scope,
    owning_voivodeship,
    queue_voivodeship,
    territory_errors,
)
from catalog.validators import slugify, territory_prefixes
from catalog.write import repository
from catalog.write.repository import MODELS, Found, RecordModel
from shared.auth import Principal
from shared.db.models.catalog import Practice, Provider, ProviderService
from shared.db.raw import Database
from shared.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shared.geo.geocode import locate, split_address_line

Kind = Literal["practice", "provider"]

# action → (statuses it may start from, resulting status, scope needed)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "submit": (("draft",), "submitted", "catalog:edit"),
    "return": (("submitted",), "draft", "catalog:moderate"),
    "publish": (("draft", "submitted"), "published", "catalog:moderate"),
    "archive": (("draft", "submitted", "published"), "archived", "catalog:moderate"),
}


NOT_LOCATED = (
    "The address register could not place this address: the provider has no point "
    "(give location, or place it on the map)."
)
# The fields of a provider's postal address: a change re-places a point placed from it.
ADDRESS_FIELDS = ("address_1", "city", "postal_code", "terc")


@dataclass(frozen=True, slots=True)
class Placement:
    """A provider's point and where it comes from (``point_source``), and what placing it
    came to (``outcome``: ``explicit``, ``manual``, ``address_register``, ``not_found`` for an
    address the register could not place, ``none`` without address or point, ``kept`` when a
    write left the stored point alone). An exact match of the register also gives the
    address's postal code and TERC (``postal_code``, ``terc``)."""

    point: tuple[float, float] | None
    source: str | None
    approximate: bool
    outcome: str
    postal_code: str | None = None
    terc: str | None = None


KEPT = Placement(None, None, False, "kept")


@dataclass(frozen=True, slots=True)
class Written:
    """The record a write left: its id and status (the routes read it back whole), and for a
    provider how its point was placed (``placed``: ``Placement.outcome``)."""

    id: uuid.UUID
    status: str
    placed: str | None = None
    approximate: bool = False

    @property
    def location_note(self) -> str | None:
        return NOT_LOCATED if self.placed == "not_found" else None


def _location(found: Found) -> dict[str, Any] | None:
    if found.lon is None or found.lat is None:
        return None
    point: dict[str, Any] = {"lon": found.lon, "lat": found.lat}
    if isinstance(found.record, Provider):
        point["approximate"] = bool(found.record.point_approximate)
    return point


def service_out(service: ProviderService) -> ServiceOut:
    return ServiceOut.model_validate(
        {name: getattr(service, name) for name in ServiceOut.model_fields}
    )


async def _services_text(session: AsyncSession, provider_id: uuid.UUID) -> list[dict[str, Any]]:
    """A provider's services as the change log holds them (with their ids)."""
    services = (await repository.provider_services(session, [provider_id]))[provider_id]
    return [service_out(s).model_dump(mode="json") for s in services]


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


def has_address(data: ProviderIn) -> bool:
    """A street line and a city, TERC or postal code: enough for the register to try."""
    return bool(data.address_1) and bool(data.city or data.terc or data.postal_code)


class PostalAddress(Protocol):
    """A provider's postal address: its input (``ProviderIn``) or its stored record."""

    address_1: str | None
    city: str | None
    postal_code: str | None
    terc: str | None


async def place_address(session: AsyncSession, address: PostalAddress) -> Placement:
    """A provider's postal address placed with the address register
    (``shared.geo.geocode.locate``); ``none`` without a street line and a city, TERC or
    postal code."""
    address_1, city, postal_code = address.address_1, address.city, address.postal_code
    if not address_1 or not (city or address.terc or postal_code):
        return Placement(None, None, False, "none")
    street, number = split_address_line(address_1)
    found = await locate(
        session,
        street=street,
        number=number,
        city=city,
        postal_code=postal_code,
        gmina=address.terc,
    )
    if found is None:
        return Placement(None, None, False, "not_found")
    exact = not found.approximate
    return Placement(
        (found.lon, found.lat),
        found.source,
        found.approximate,
        found.source,
        postal_code=found.postal_code if exact else None,
        terc=found.gmina if exact else None,
    )


async def place_provider(session: AsyncSession, data: ProviderIn) -> Placement:
    """The point given with the record (``explicit``), else its address placed by the
    register."""
    if data.location is not None:
        point = (data.location.lon, data.location.lat)
        return Placement(point, "explicit", data.location.approximate, "explicit")
    return await place_address(session, data)


def _completed(data: ProviderIn, placement: Placement, voivodeship: str | None) -> ProviderIn:
    """The record with the postal code and TERC an exact match gave, where it had none (a TERC
    only inside the record's voivodeship: filling in never moves a record)."""
    filled: dict[str, str] = {}
    if data.postal_code is None and placement.postal_code:
        filled["postal_code"] = placement.postal_code
    if (
        data.terc is None
        and placement.terc
        and voivodeship is not None
        and placement.terc.startswith(voivodeship)
    ):
        filled["terc"] = placement.terc
    return data.model_copy(update=filled) if filled else data


def _stored_point(found: Found) -> Placement:
    record = found.record
    point = None if found.lon is None or found.lat is None else (found.lon, found.lat)
    return Placement(point, record.point_source, bool(record.point_approximate), "kept")


def _point_changes(before: Placement, after: Placement) -> list[tuple[str, str | None, str | None]]:
    """The change-log entries of a provider's point: location, point_source and
    point_approximate, those that changed."""
    changes = []
    for name, old, new in (
        ("location", before.point and list(before.point), after.point and list(after.point)),
        ("point_source", before.source, after.source),
        ("point_approximate", before.approximate, after.approximate),
    ):
        old_text, new_text = _as_text(old), _as_text(new)
        if old_text != new_text:
            changes.append((name, old_text, new_text))
    return changes


def _set_placement(record: Provider, placement: Placement) -> None:
    repository.set_point(record, placement.point)
    record.point_source = placement.source if placement.point is not None else None
    record.point_approximate = placement.approximate if placement.point is not None else False


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
) -> Written:
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
    placement = None
    if isinstance(data, ProviderIn):
        placement = await place_provider(session, data)
        data = _completed(data, placement, voivodeship)
    values = _columns(kind, data, voivodeship)
    record = model(slug=slug, status="draft", created_by=principal.institution_id, **values)
    if isinstance(record, Provider) and placement is not None:
        _set_placement(record, placement)
    else:
        repository.set_point(record, await _point_for(session, data))
    session.add(record)
    await session.flush()
    changed: list[tuple[str, str | None, str | None]] = [
        (name, None, _as_text(value)) for name, value in values.items()
    ]
    if placement is not None:
        changed += _point_changes(Placement(None, None, False, "none"), placement)
    if isinstance(data, ProviderIn):
        await repository.replace_services(session, record.id, _services_rows(data))
        # The services' own history (HSDS) starts here: logged with their ids.
        changed.append(("services", None, _as_text(await _services_text(session, record.id))))
    _log(
        session,
        principal,
        kind=kind,
        record_id=record.id,
        action="create",
        changed=[c for c in changed if c[2] not in (None, "[]") and c[0] != "territory_prefixes"],
    )
    status = record.status
    if commit:
        await session.commit()
    if placement is None:
        return Written(record.id, status)
    return Written(record.id, status, placement.outcome, placement.approximate)


def _ensure_editable(principal: Principal, record: Practice | Provider) -> None:
    """Published records are edited by moderators only; archived ones not at all."""
    if record.status == "archived":
        raise Conflict("An archived record cannot be edited.", detail_pl="Rekord zarchiwizowany.")
    if record.status == "published" and not principal.has_scope("catalog:moderate"):
        raise Forbidden("Only a moderator may edit a published record.")


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
) -> tuple[Written, Invalidation | None]:
    """Apply a partial update; the merged record is validated as a whole. Published records
    are edited by moderators only; archived ones not at all."""
    found = await _load_for_write(session, principal=principal, kind=kind, ref=ref)
    record = found.record
    _ensure_editable(principal, record)
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
    placement = KEPT
    if isinstance(data, ProviderIn):
        placement = await _replaced_point(session, found, data, patch)
        data = _completed(data, placement, voivodeship)
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
    if isinstance(record, Provider) and placement.outcome != "kept":
        changed += _point_changes(_stored_point(found), placement)
        _set_placement(record, placement)
    elif "location" in patch and kind == "practice":
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
        new_services = await _services_text(session, record.id)
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
    if kind == "practice":
        return Written(record.id, record.status), invalidation
    return Written(record.id, record.status, placement.outcome, placement.approximate), invalidation


async def _replaced_point(
    session: AsyncSession, found: Found, data: ProviderIn, patch: dict[str, Any]
) -> Placement:
    """A provider's point after an edit: the one the patch gives (or, given as null, its
    address placed by the register); else its address placed again when the address changed
    and the point came from the register (or there was none); else ``KEPT``. A point given
    (``explicit``) or placed by an editor (``manual``) stays through address edits."""
    record = found.record
    if "location" in patch:
        return await place_provider(session, data)
    moved = any(getattr(data, name) != getattr(record, name) for name in ADDRESS_FIELDS)
    if moved and record.point_source in (None, "address_register"):
        return await place_address(session, data)
    return KEPT


async def _save_point(
    session: AsyncSession, principal: Principal, found: Found, placement: Placement
) -> tuple[Written, Invalidation | None]:
    """Store a provider's new point, log it, and say what map-tiles must drop."""
    record = found.record
    changed = _point_changes(_stored_point(found), placement)
    if changed:
        _set_placement(record, placement)
        record.updated_at = datetime.now(UTC)
        _log(
            session,
            principal,
            kind="provider",
            record_id=record.id,
            action="update",
            changed=changed,
        )
    await session.flush()
    await session.commit()
    invalidation = None
    if record.status == "published" and changed:
        invalidation = _invalidation("provider", record, "provider.updated")
    written = Written(record.id, record.status, placement.outcome, placement.approximate)
    return written, invalidation


async def place(
    session: AsyncSession, *, principal: Principal, ref: str, point: ProviderPoint
) -> tuple[Written, Invalidation | None]:
    """An editor places a provider on the map (``point_source`` ``manual``): the point then
    stays through address edits."""
    found = await _load_for_write(session, principal=principal, kind="provider", ref=ref)
    _ensure_editable(principal, found.record)
    placement = Placement((point.lon, point.lat), "manual", point.approximate, "manual")
    return await _save_point(session, principal, found, placement)


async def geocode(
    session: AsyncSession, *, principal: Principal, ref: str
) -> tuple[Written, Invalidation | None]:
    """Place a provider again from its stored address with the address register (whatever
    its point was); 422 when the register cannot."""
    found = await _load_for_write(session, principal=principal, kind="provider", ref=ref)
    record = found.record
    _ensure_editable(principal, record)
    placement = await place_address(session, record)
    if placement.outcome == "none":
        raise ValidationFailed(
            "The provider has no address to place: it needs address_1 and a city, TERC or "
            "postal code.",
            detail_pl="Brak adresu do wyszukania (ulica z numerem oraz miejscowość lub kod).",
            errors=[field_error("address_1", "missing", "no street line to place")],
        )
    if placement.outcome == "not_found":
        raise ValidationFailed(
            NOT_LOCATED,
            detail_pl="Nie znaleziono adresu w rejestrze adresów.",
            errors=[field_error("address_1", "not_located", "the register has no such address")],
        )
    return await _save_point(session, principal, found, placement)


def _without_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: value for key, value in row.items() if key != "id"} for row in rows]


def _invalidation(kind: str, record: Practice | Provider, reason: str) -> Invalidation:
    return invalidation_of(
        kind,
        record.id,
        area_tercs=record.area_tercs,
        voivodeship=record.voivodeship,
        reason=reason,
    )


async def transition(
    session: AsyncSession, *, principal: Principal, kind: str, ref: str, action: str
) -> tuple[Written, Invalidation | None]:
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
    return Written(record.id, record.status), invalidation


async def get_managed(reader: Database, *, principal: Principal, kind: Kind, ref: str) -> Any:
    """Any record of the caller's territory, whatever its status, with its change log."""
    found = await records.find(reader, kind=kind, ref=ref, statuses=records.ANY_STATUS)
    if found is None:
        raise NotFound(f"No {kind} {ref!r}.", detail_pl=f"Nie znaleziono: {ref!r}.")
    ensure_scope(principal, found["voivodeship"])
    return await records.with_changes(reader, kind, found)


async def moderation_queue(
    reader: Database,
    *,
    principal: Principal,
    kind: Kind,
    params: SearchParams,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """Records of the caller's territory in the requested statuses (default: submitted),
    counted exactly."""
    voivodeship = queue_voivodeship(principal, params.voivodeship)
    found = await search.search(
        reader,
        kind=kind,
        params=params.model_copy(update={"voivodeship": voivodeship}),
        limit=limit,
        offset=offset,
        window=search.EVERY_MATCH,
    )
    return found.items, found.total
