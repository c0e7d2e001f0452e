"""HSDS 3.0 shapes of catalogue records and the HSDA page envelope.

Ids of objects that have no table of their own (identifiers, phones, locations, addresses,
service_at_locations, taxonomy terms, metadata derived from the change log) are UUIDv5 of
the owning record, so they stay stable between calls. HSDS has no nulls: absent values are
left out.

``metadata`` speaks HSDS: each change-log entry of a provider is told of the HSDS object it
changed (``organization``, ``organization_identifier``, ``location``, ``address``) under that
object's field name; a service's metadata is its own history, read from the provider's log of
its services."""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from catalog.schemas import ChangeOut, ProviderOut, ServiceOut
from catalog.validators import VOIVODESHIPS

HSDS_VERSION = "3.0"
NAMESPACE = uuid.UUID("6f0c3c52-8c0e-4c57-9d8f-3b7e5ad2c1a0")
TAXONOMIES = {
    "service_areas": ("pl-cus-service-area", "Obszary usług społecznych (ustawa o CUS, art. 2)"),
    "target_groups": ("pl-target-group", "Grupy odbiorców"),
    "provider_types": ("pl-provider-type", "Typy podmiotów"),
}
IDENTIFIER_SCHEMES = {"KRS": "PL-KRS", "REGON": "PL-REGON", "NIP": "PL-NIP"}

# A provider's fields as HSDS objects and fields; fields HSDS does not show (the slug, the
# union of its services' codes, ...) have no HSDS history.
ORGANIZATION_FIELDS = {
    name: ("organization", name)
    for name in (
        "name",
        "alternate_name",
        "description",
        "email",
        "website",
        "legal_status",
        "status",
        "phones",
    )
} | {
    "provider_type": ("organization", "attributes"),
    "krs": ("organization_identifier", "identifier"),
    "regon": ("organization_identifier", "identifier"),
    "nip": ("organization_identifier", "identifier"),
    "terc": ("location", "external_identifier"),
    "schedules": ("location", "schedules"),
    "address_1": ("address", "address_1"),
    "postal_code": ("address", "postal_code"),
    "city": ("address", "city"),
    "voivodeship": ("address", "state_province"),
}
# A service's fields as HSDS fields: its CUS areas and target groups are attributes, its TERC
# area the HSDS service_areas.
SERVICE_FIELDS = {
    name: name
    for name in (
        "name",
        "description",
        "status",
        "url",
        "email",
        "eligibility_description",
        "application_process",
        "fees_description",
        "minimum_age",
        "maximum_age",
    )
} | {"service_areas": "attributes", "target_groups": "attributes", "area_tercs": "service_areas"}


def stable_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


# A service_at_location's id is its service's id with the bits of this mask flipped (the
# version and variant bits kept): unique and stable, and it leads back to its service.
_LINK_MASK = NAMESPACE.int & ~((0xF << 76) | (0x3 << 62))


def link_id(service_id: uuid.UUID | str) -> str:
    """The id of the service_at_location of a service."""
    return str(uuid.UUID(int=uuid.UUID(str(service_id)).int ^ _LINK_MASK))


def linked_service(link: uuid.UUID) -> uuid.UUID:
    """The service of a service_at_location id."""
    return uuid.UUID(int=link.int ^ _LINK_MASK)


def _drop_empty(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None and value != ""}


def _timestamp(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _entry(
    change: ChangeOut,
    *,
    resource_type: str,
    resource_id: str,
    field: str,
    previous: str,
    replacement: str,
    part: str = "",
) -> dict[str, Any]:
    return {
        "id": stable_id("metadata", change.id, resource_id, part or field),
        "resource_id": resource_id,
        "resource_type": resource_type,
        "last_action_date": _timestamp(change.last_action_date),
        "last_action_type": change.last_action_type,
        "field_name": field,
        "previous_value": previous,
        "replacement_value": replacement,
        "updated_by": change.updated_by,
    }


def organization_ids(org_id: str) -> dict[str, str]:
    """Ids of the HSDS objects of a provider, by object type."""
    return {
        "organization": org_id,
        "location": stable_id("location", org_id),
        "address": stable_id("address", org_id),
    }


def provider_metadata(
    org_id: str, changes: Sequence[ChangeOut] | None
) -> dict[str, list[dict[str, Any]]]:
    """A provider's change log as HSDS metadata, by HSDS object (an identifier's under
    ``identifier:<KIND>``)."""
    ids = organization_ids(org_id)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for change in changes or []:
        if change.field_name == "location":  # a point: its latitude and longitude
            before, after = _point(change.previous_value), _point(change.replacement_value)
            for axis, field in (("lat", "latitude"), ("lon", "longitude")):
                grouped.setdefault("location", []).append(
                    _entry(
                        change,
                        resource_type="location",
                        resource_id=ids["location"],
                        field=field,
                        previous=before.get(axis, ""),
                        replacement=after.get(axis, ""),
                    )
                )
            continue
        target = ORGANIZATION_FIELDS.get(change.field_name)
        if target is None:
            continue
        object_type, field = target
        if object_type == "organization_identifier":
            kind = change.field_name.upper()
            key, resource_id = f"identifier:{kind}", stable_id("identifier", org_id, kind)
        else:
            key, resource_id = object_type, ids[object_type]
        grouped.setdefault(key, []).append(
            _entry(
                change,
                resource_type=object_type,
                resource_id=resource_id,
                field=field,
                previous=change.previous_value,
                replacement=change.replacement_value,
                part=change.field_name,
            )
        )
    return grouped


def _point(text: str) -> dict[str, str]:
    try:
        point = json.loads(text) if text else None
    except ValueError:
        return {}
    if isinstance(point, dict):
        return {axis: str(point[axis]) for axis in ("lon", "lat") if axis in point}
    if isinstance(point, list) and len(point) == 2:
        return {"lon": str(point[0]), "lat": str(point[1])}
    return {}


def _services_of(text: str) -> dict[str, dict[str, Any]]:
    try:
        services = json.loads(text) if text else []
    except ValueError:
        return {}
    if not isinstance(services, list):
        return {}
    return {str(s["id"]): s for s in services if isinstance(s, dict) and "id" in s}


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def service_metadata(service_id: str, changes: Sequence[ChangeOut] | None) -> list[dict[str, Any]]:
    """A service's own history: what the provider's log of its services (old and new lists,
    with the services' ids) says of this service, field by field, in HSDS names."""
    entries = []
    for change in changes or []:
        if change.field_name != "services":
            continue
        before = _services_of(change.previous_value).get(service_id)
        after = _services_of(change.replacement_value).get(service_id)
        if after is None:
            continue
        action = "create" if before is None else change.last_action_type
        for name, field in SERVICE_FIELDS.items():
            old, new = _as_text((before or {}).get(name)), _as_text(after.get(name))
            if old == new or (before is None and new in ("", "[]")):
                continue
            entries.append(
                {
                    **_entry(
                        change,
                        resource_type="service",
                        resource_id=service_id,
                        field=field,
                        previous=old,
                        replacement=new,
                        part=name,
                    ),
                    "last_action_type": action,
                }
            )
    return entries


def _term_attribute(
    *, link_id: str, link_entity: str, link_type: str, taxonomy: str, code: str, label: str
) -> dict[str, Any]:
    term_id = stable_id("term", taxonomy, code)
    return {
        "id": stable_id("attribute", link_id, taxonomy, code),
        "link_id": link_id,
        "link_entity": link_entity,
        "link_type": link_type,
        "taxonomy_term_id": term_id,
        "value": code,
        "taxonomy_term": {
            **taxonomy_term(taxonomy, code, label),
            "taxonomy_detail": taxonomy_of(taxonomy),
        },
    }


def _service_attributes(
    item: ServiceOut, labels: dict[str, dict[str, str]]
) -> list[dict[str, Any]]:
    """A service's CUS service areas (``domain``) and target groups (``audience``)."""
    return [
        _term_attribute(
            link_id=str(item.id),
            link_entity="service",
            link_type=link_type,
            taxonomy=taxonomy,
            code=code,
            label=labels[taxonomy].get(code, code),
        )
        for taxonomy, link_type, codes in (
            ("service_areas", "domain", item.service_areas),
            ("target_groups", "audience", item.target_groups),
        )
        for code in codes
    ]


def _organization_brief(provider: ProviderOut) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": str(provider.id),
            "name": provider.name,
            "alternate_name": provider.alternate_name,
            "description": provider.description,
            "email": provider.email,
            "website": provider.website,
            "legal_status": provider.legal_status,
        }
    )


def service_area_objects(
    service_id: str, tercs: Sequence[str], names: dict[str, str]
) -> list[dict[str, Any]]:
    return [
        {
            "id": stable_id("service_area", service_id, code),
            "service_id": service_id,
            "name": names.get(code) or VOIVODESHIPS.get(code) or f"TERC {code}",
            "uri": f"urn:teryt:terc:{code}",
            "extent": code,
            "extent_type": "text",
        }
        for code in tercs
    ]


def _service_brief(item: ServiceOut, provider: ProviderOut) -> dict[str, Any]:
    """A service's one-to-one fields."""
    return _drop_empty(
        {
            "id": str(item.id),
            "organization_id": str(provider.id),
            "name": item.name,
            "description": item.description,
            "url": item.url,
            "email": item.email,
            "status": item.status,
            "application_process": item.application_process,
            "fees_description": item.fees_description,
            "eligibility_description": item.eligibility_description,
            "minimum_age": item.minimum_age,
            "maximum_age": item.maximum_age,
            "assured_date": provider.assured_date.isoformat() if provider.assured_date else None,
            "last_modified": _timestamp(provider.updated_at),
        }
    )


def service(
    item: ServiceOut,
    provider: ProviderOut,
    *,
    full: bool,
    labels: dict[str, dict[str, str]],
    unit_names: dict[str, str],
) -> dict[str, Any]:
    """An HSDS service; ``full`` nests areas, attributes, phones and its own history."""
    service_id = str(item.id)
    body = _service_brief(item, provider)
    body["organization"] = _organization_brief(provider)
    if full:
        tercs = item.area_tercs or provider.area_tercs or ([provider.terc] if provider.terc else [])
        body["service_areas"] = service_area_objects(service_id, tercs, unit_names)
        body["attributes"] = _service_attributes(item, labels)
        body["phones"] = _phones(provider, service_id=service_id)
        body["metadata"] = service_metadata(service_id, provider.metadata)
    return body


def _phones(provider: ProviderOut, *, service_id: str | None = None) -> list[dict[str, Any]]:
    owner = {"service_id": service_id} if service_id else {"organization_id": str(provider.id)}
    return [
        _drop_empty(
            {
                "id": stable_id("phone", provider.id, index),
                **owner,
                "number": phone["number"],
                "type": phone.get("type"),
                "description": phone.get("description"),
            }
        )
        for index, phone in enumerate(provider.phones)
    ]


def location(
    provider: ProviderOut, *, full: bool, history: dict[str, list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """A provider's one physical location: its point and TERC code; ``full`` adds its
    postal address (when street, postcode and city are known), schedules and history."""
    org_id = str(provider.id)
    ids = organization_ids(org_id)
    body = _drop_empty(
        {
            "id": ids["location"],
            "organization_id": org_id,
            "location_type": "physical",
            "name": provider.name,
            "latitude": provider.location.lat if provider.location else None,
            "longitude": provider.location.lon if provider.location else None,
            "external_identifier": provider.terc,
            "external_identifier_type": "TERYT-TERC" if provider.terc else None,
        }
    )
    if not full:
        return body
    if provider.address_1 and provider.city and provider.postal_code:
        address: dict[str, Any] = {
            "id": ids["address"],
            "location_id": ids["location"],
            "address_1": provider.address_1,
            "city": provider.city,
            "state_province": VOIVODESHIPS.get(provider.voivodeship, provider.voivodeship),
            "postal_code": provider.postal_code,
            "country": "PL",
            "address_type": "physical",
        }
        if history is not None:
            address["metadata"] = history.get("address", [])
        body["addresses"] = [address]
    if provider.schedules:
        body["schedules"] = [
            _drop_empty(
                {
                    "id": stable_id("schedule", org_id, index),
                    "location_id": ids["location"],
                    "freq": "WEEKLY",
                    "byday": entry["byday"],
                    "opens_at": entry["opens_at"],
                    "closes_at": entry["closes_at"],
                    "description": entry.get("description"),
                }
            )
            for index, entry in enumerate(provider.schedules)
        ]
    if history is not None:
        body["metadata"] = history.get("location", [])
    return body


def organization(
    provider: ProviderOut,
    *,
    full: bool,
    labels: dict[str, dict[str, str]],
    unit_names: dict[str, str],
) -> dict[str, Any]:
    """An HSDS organization with identifiers, location, address, phones, schedules and the
    provider type as a taxonomy attribute; ``full`` adds its services and its history."""
    org_id = str(provider.id)
    history = provider_metadata(org_id, provider.metadata) if full else None
    body = _organization_brief(provider)
    body["organization_identifiers"] = []
    for kind, value in (("KRS", provider.krs), ("REGON", provider.regon), ("NIP", provider.nip)):
        if not value:
            continue
        identifier: dict[str, Any] = {
            "id": stable_id("identifier", org_id, kind),
            "organization_id": org_id,
            "identifier_type": kind,
            "identifier_scheme": IDENTIFIER_SCHEMES[kind],
            "identifier": value,
        }
        if history is not None:
            identifier["metadata"] = history.get(f"identifier:{kind}", [])
        body["organization_identifiers"].append(identifier)
    body["phones"] = _phones(provider)
    body["locations"] = [location(provider, full=True, history=history)]
    body["attributes"] = [
        _term_attribute(
            link_id=org_id,
            link_entity="organization",
            link_type="provider_type",
            taxonomy="provider_types",
            code=provider.provider_type,
            label=labels["provider_types"].get(provider.provider_type, provider.provider_type),
        )
    ]
    if full:
        body["services"] = [
            service(item, provider, full=False, labels=labels, unit_names=unit_names)
            for item in provider.services
        ]
        body["metadata"] = (history or {}).get("organization", [])
    return body


def service_at_location(
    item: ServiceOut,
    provider: ProviderOut,
    *,
    full: bool,
    labels: dict[str, dict[str, str]],
) -> dict[str, Any]:
    """An HSDS service_at_location: a service of a provider at the provider's one location,
    with both as one-to-one fields; ``full`` nests the location's address and schedules and
    the service's phones, attributes and history."""
    service_id = str(item.id)
    body: dict[str, Any] = {
        "id": link_id(service_id),
        "service_id": service_id,
        "location_id": organization_ids(str(provider.id))["location"],
        "service": _service_brief(item, provider),
    }
    if not full:
        return {**body, "location": location(provider, full=False)}
    history = provider_metadata(str(provider.id), provider.metadata)
    body["location"] = location(provider, full=True, history=history)
    body["phones"] = _phones(provider, service_id=service_id)
    body["attributes"] = _service_attributes(item, labels)
    body["metadata"] = service_metadata(service_id, provider.metadata)
    return body


def page(
    items: list[dict[str, Any]], *, total: int, page_number: int, per_page: int
) -> dict[str, Any]:
    """The HSDA ``Page`` envelope."""
    total_pages = max(1, math.ceil(total / per_page)) if per_page else 1
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(items),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not items,
        "contents": items,
    }


def term_index(labels: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """Stable taxonomy-term ids → (taxonomy, code), for the ``taxonomy_term_id`` filter."""
    return {
        stable_id("term", taxonomy, code): (taxonomy, code)
        for taxonomy in TAXONOMIES
        for code in labels.get(taxonomy, {})
    }


def taxonomy_index() -> dict[str, str]:
    """Stable taxonomy ids → taxonomy."""
    return {stable_id("taxonomy", name): name for name in TAXONOMIES}


def taxonomy_of(name: str) -> dict[str, Any]:
    taxonomy_name, description = TAXONOMIES[name]
    return {
        "id": stable_id("taxonomy", name),
        "name": taxonomy_name,
        "description": description,
        "version": "1",
    }


def taxonomy_term(name: str, code: str, label: str) -> dict[str, Any]:
    return {
        "id": stable_id("term", name, code),
        "code": code,
        "name": label,
        "description": label,
        "taxonomy": TAXONOMIES[name][0],
        "taxonomy_id": stable_id("taxonomy", name),
        "language": "pl",
    }
