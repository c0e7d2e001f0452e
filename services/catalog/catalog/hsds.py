"""HSDS 3.0 shapes of catalogue records and the HSDA page envelope.

Ids of objects that have no table of their own (identifiers, phones, locations, taxonomy
terms) are UUIDv5 of the owning record, so they stay stable between calls. HSDS has no nulls:
absent values are left out.
"""

from __future__ import annotations

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


def stable_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def _drop_empty(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None and value != ""}


def _timestamp(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def metadata(changes: Sequence[ChangeOut] | None) -> list[dict[str, Any]]:
    return [
        {
            "id": str(change.id),
            "resource_id": str(change.resource_id),
            "resource_type": change.resource_type,
            "last_action_date": _timestamp(change.last_action_date),
            "last_action_type": change.last_action_type,
            "field_name": change.field_name,
            "previous_value": change.previous_value,
            "replacement_value": change.replacement_value,
            "updated_by": change.updated_by,
        }
        for change in changes or []
    ]


def _term_attribute(
    *, link_id: str, link_entity: str, link_type: str, taxonomy: str, code: str, label: str
) -> dict[str, Any]:
    taxonomy_name, taxonomy_description = TAXONOMIES[taxonomy]
    taxonomy_id = stable_id("taxonomy", taxonomy)
    term_id = stable_id("term", taxonomy, code)
    return {
        "id": stable_id("attribute", link_id, taxonomy, code),
        "link_id": link_id,
        "link_entity": link_entity,
        "link_type": link_type,
        "taxonomy_term_id": term_id,
        "value": code,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": label,
            "description": label,
            "taxonomy": taxonomy_name,
            "taxonomy_id": taxonomy_id,
            "language": "pl",
            "taxonomy_detail": {
                "id": taxonomy_id,
                "name": taxonomy_name,
                "description": taxonomy_description,
                "version": "1",
            },
        },
    }


def _terms(
    *,
    link_id: str,
    link_entity: str,
    service_areas: Sequence[str],
    target_groups: Sequence[str],
    labels: dict[str, dict[str, str]],
) -> list[dict[str, Any]]:
    attributes = [
        _term_attribute(
            link_id=link_id,
            link_entity=link_entity,
            link_type="domain",
            taxonomy="service_areas",
            code=code,
            label=labels["service_areas"].get(code, code),
        )
        for code in service_areas
    ]
    attributes += [
        _term_attribute(
            link_id=link_id,
            link_entity=link_entity,
            link_type="audience",
            taxonomy="target_groups",
            code=code,
            label=labels["target_groups"].get(code, code),
        )
        for code in target_groups
    ]
    return attributes


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


def service(
    item: ServiceOut,
    provider: ProviderOut,
    *,
    full: bool,
    labels: dict[str, dict[str, str]],
    unit_names: dict[str, str],
) -> dict[str, Any]:
    """An HSDS service; ``full`` nests areas, attributes, phones and the change log."""
    service_id = str(item.id)
    body = _drop_empty(
        {
            "id": service_id,
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
    body["organization"] = _organization_brief(provider)
    if full:
        tercs = item.area_tercs or provider.area_tercs or ([provider.terc] if provider.terc else [])
        body["service_areas"] = service_area_objects(service_id, tercs, unit_names)
        body["attributes"] = _terms(
            link_id=service_id,
            link_entity="service",
            service_areas=item.service_areas,
            target_groups=item.target_groups,
            labels=labels,
        )
        body["phones"] = _phones(provider, service_id=service_id)
        body["metadata"] = metadata(provider.metadata)
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


def organization(
    provider: ProviderOut,
    *,
    full: bool,
    labels: dict[str, dict[str, str]],
    unit_names: dict[str, str],
) -> dict[str, Any]:
    """An HSDS organization with identifiers, location, address, phones, schedules and the
    provider type as a taxonomy attribute; ``full`` adds its services."""
    org_id = str(provider.id)
    body = _organization_brief(provider)
    body["organization_identifiers"] = [
        {
            "id": stable_id("identifier", org_id, kind),
            "organization_id": org_id,
            "identifier_type": kind,
            "identifier_scheme": IDENTIFIER_SCHEMES[kind],
            "identifier": value,
        }
        for kind, value in (("KRS", provider.krs), ("REGON", provider.regon), ("NIP", provider.nip))
        if value
    ]
    body["phones"] = _phones(provider)
    location_id = stable_id("location", org_id)
    location = _drop_empty(
        {
            "id": location_id,
            "organization_id": org_id,
            "location_type": "physical",
            "name": provider.name,
            "latitude": provider.location.lat if provider.location else None,
            "longitude": provider.location.lon if provider.location else None,
            "external_identifier": provider.terc,
            "external_identifier_type": "TERYT-TERC" if provider.terc else None,
        }
    )
    if provider.address_1 and provider.city and provider.postal_code:
        location["addresses"] = [
            {
                "id": stable_id("address", org_id),
                "location_id": location_id,
                "address_1": provider.address_1,
                "city": provider.city,
                "state_province": VOIVODESHIPS.get(provider.voivodeship, provider.voivodeship),
                "postal_code": provider.postal_code,
                "country": "PL",
                "address_type": "physical",
            }
        ]
    if provider.schedules:
        location["schedules"] = [
            _drop_empty(
                {
                    "id": stable_id("schedule", org_id, index),
                    "location_id": location_id,
                    "freq": "WEEKLY",
                    "byday": entry["byday"],
                    "opens_at": entry["opens_at"],
                    "closes_at": entry["closes_at"],
                    "description": entry.get("description"),
                }
            )
            for index, entry in enumerate(provider.schedules)
        ]
    body["locations"] = [location]
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
        body["metadata"] = metadata(provider.metadata)
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


def taxonomy(name: str) -> dict[str, Any]:
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
