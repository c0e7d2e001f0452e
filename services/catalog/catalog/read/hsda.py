"""HSDA (HSDS 3.0 API) reads: services, service_at_locations, organizations, taxonomies and
taxonomy terms of published providers, shaped by ``read.hsds``."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from catalog.read import hsds, records, search, sql
from catalog.schemas import ProviderOut, SearchParams, ServiceOut
from shared.db.raw import Database
from shared.errors import NotFound

SERVICE_FIELDS = list(ServiceOut.model_fields)


@dataclass(frozen=True, slots=True)
class Paging:
    """An HSDA page: its ``number`` (from 1) and ``size`` (``per_page``)."""

    number: int = 1
    size: int = 50

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def envelope(self, items: list[dict[str, Any]], total: int) -> dict[str, Any]:
        return hsds.page(items, total=total, page_number=self.number, per_page=self.size)


@dataclass(frozen=True, slots=True)
class ServiceFilter:
    """The HSDA filters of services (and so of service_at_locations)."""

    search: str | None = None
    organization_id: uuid.UUID | None = None
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    modified_after: datetime | None = None
    service_id: uuid.UUID | None = None


def _codes(
    labels: dict[str, dict[str, str]], wanted: ServiceFilter
) -> tuple[list[str], list[str]] | None:
    """The service areas and target groups a filter of taxonomy terms asks for; None when it
    asks for what no service has (an unknown term, a provider type)."""
    areas: list[str] = []
    groups: list[str] = []
    if wanted.taxonomy_term_id is not None:
        term = hsds.term_index(labels).get(str(wanted.taxonomy_term_id))
        if term is None or term[0] == "provider_types":
            return None
        (areas if term[0] == "service_areas" else groups).append(term[1])
    if wanted.taxonomy_id is not None:
        taxonomy = hsds.taxonomy_index().get(str(wanted.taxonomy_id))
        if taxonomy is None or taxonomy == "provider_types":
            return None
        every = list(labels[taxonomy])
        if taxonomy == "service_areas":
            areas = [code for code in areas if code in every] if areas else every
        else:
            groups = [code for code in groups if code in every] if groups else every
        if wanted.taxonomy_term_id is not None and not (areas or groups):
            return None
    return areas, groups


async def _services(
    reader: Database,
    wanted: ServiceFilter,
    labels: dict[str, dict[str, str]],
    *,
    limit: int,
    offset: int,
) -> tuple[list[tuple[ServiceOut, uuid.UUID]], int]:
    """A page of services of published providers (with each one's provider id) and the
    count of all that match."""
    codes = _codes(labels, wanted)
    if codes is None:
        return [], 0
    text = (wanted.search or "").strip() or None
    rows = await reader.fetch(
        *records.bound(
            sql.PUBLISHED_SERVICES,
            service_id=wanted.service_id,
            organization_id=wanted.organization_id,
            service_areas=codes[0],
            target_groups=codes[1],
            modified_after=wanted.modified_after,
            search=text,
            limit=limit,
            offset=offset,
        )
    )
    found = [
        (
            ServiceOut.model_validate({name: row[name] for name in SERVICE_FIELDS}),
            row["provider_id"],
        )
        for row in rows
        if row["id"] is not None
    ]
    return found, int(rows[0]["total"]) if rows else 0


async def _providers(
    reader: Database, ids: Sequence[uuid.UUID], *, with_changes: bool
) -> dict[uuid.UUID, ProviderOut]:
    """Published providers by id, with their change logs on request."""
    if not ids:
        return {}
    rows = await reader.fetch(*records.bound(sql.PROVIDERS_BY_ID, ids=list(ids)))
    found = [records.item("provider", list(row.values())) for row in rows]
    return await _shaped(reader, found, with_changes=with_changes)


async def _shaped(
    reader: Database, found: Sequence[Mapping[str, Any]], *, with_changes: bool
) -> dict[uuid.UUID, ProviderOut]:
    log = (
        await records.changes(reader, resource_type="provider", ids=[p["id"] for p in found])
        if with_changes
        else {}
    )
    return {p["id"]: ProviderOut.model_validate({**p, "metadata": log.get(p["id"])}) for p in found}


async def _unit_names_for(reader: Database, providers: Sequence[ProviderOut]) -> dict[str, str]:
    codes = {
        code
        for provider in providers
        for code in [
            *provider.area_tercs,
            *(c for s in provider.services for c in s.area_tercs),
            *([provider.terc] if provider.terc else []),
        ]
    }
    return await records.unit_names(reader, sorted(codes))


async def services(
    reader: Database, wanted: ServiceFilter, *, page: Paging, full: bool
) -> dict[str, Any]:
    """HSDA ``GET /services``: services of published providers in the Page envelope."""
    labels = await records.labels(reader)
    found, total = await _services(reader, wanted, labels, limit=page.size, offset=page.offset)
    providers = await _providers(
        reader, sorted({provider_id for _, provider_id in found}), with_changes=full
    )
    names = await _unit_names_for(reader, list(providers.values())) if full else {}
    items = [
        hsds.service(item, providers[provider_id], full=full, labels=labels, unit_names=names)
        for item, provider_id in found
    ]
    return page.envelope(items, total)


async def _one_service(reader: Database, service_id: uuid.UUID) -> tuple[ServiceOut, ProviderOut]:
    labels = await records.labels(reader)
    found, _ = await _services(
        reader, ServiceFilter(service_id=service_id), labels, limit=1, offset=0
    )
    if not found:
        raise NotFound(f"No published service {service_id}.")
    item, provider_id = found[0]
    providers = await _providers(reader, [provider_id], with_changes=True)
    return item, providers[provider_id]


async def service(reader: Database, *, service_id: uuid.UUID) -> dict[str, Any]:
    """HSDA ``GET /services/{id}``: the fully nested service."""
    item, provider = await _one_service(reader, service_id)
    names = await _unit_names_for(reader, [provider])
    labels = await records.labels(reader)
    return hsds.service(item, provider, full=True, labels=labels, unit_names=names)


async def service_at_locations(
    reader: Database, wanted: ServiceFilter, *, page: Paging, full: bool
) -> dict[str, Any]:
    """HSDA ``GET /service_at_locations``: each service of a published provider at the
    provider's location, in the Page envelope."""
    labels = await records.labels(reader)
    found, total = await _services(reader, wanted, labels, limit=page.size, offset=page.offset)
    providers = await _providers(
        reader, sorted({provider_id for _, provider_id in found}), with_changes=full
    )
    items = [
        hsds.service_at_location(item, providers[provider_id], full=full, labels=labels)
        for item, provider_id in found
    ]
    return page.envelope(items, total)


async def service_at_location(reader: Database, *, link_id: uuid.UUID) -> dict[str, Any]:
    """HSDA ``GET /service_at_locations/{id}``: the fully nested service_at_location."""
    try:
        item, provider = await _one_service(reader, hsds.linked_service(link_id))
    except NotFound:
        raise NotFound(f"No published service_at_location {link_id}.") from None
    labels = await records.labels(reader)
    return hsds.service_at_location(item, provider, full=True, labels=labels)


async def organizations(
    reader: Database,
    *,
    search_text: str | None,
    modified_after: datetime | None,
    page: Paging,
    full: bool,
) -> dict[str, Any]:
    """HSDA ``GET /organizations`` in the Page envelope (an exact search, by name)."""
    found = await search.search(
        reader,
        kind="provider",
        params=SearchParams(q=search_text, modified_after=modified_after, sort="title"),
        limit=page.size,
        offset=page.offset,
        window=search.EVERY_MATCH,
    )
    providers = list((await _shaped(reader, found.items, with_changes=full)).values())
    labels = await records.labels(reader)
    names = await _unit_names_for(reader, providers) if full else {}
    items = [
        hsds.organization(provider, full=full, labels=labels, unit_names=names)
        for provider in providers
    ]
    return page.envelope(items, found.total)


async def organization(reader: Database, *, organization_id: uuid.UUID) -> dict[str, Any]:
    """HSDA ``GET /organizations/{id}`` with its services and history."""
    providers = await _providers(reader, [organization_id], with_changes=True)
    if organization_id not in providers:
        raise NotFound(f"No published organization {organization_id}.")
    provider = providers[organization_id]
    names = await _unit_names_for(reader, [provider])
    labels = await records.labels(reader)
    return hsds.organization(provider, full=True, labels=labels, unit_names=names)


async def organization_documents(
    reader: Database, providers: Sequence[ProviderOut]
) -> list[dict[str, Any]]:
    """Providers as fully nested HSDS organizations (the HSDS export)."""
    labels = await records.labels(reader)
    names = await _unit_names_for(reader, providers)
    return [
        hsds.organization(provider, full=True, labels=labels, unit_names=names)
        for provider in providers
    ]


def taxonomies() -> dict[str, Any]:
    """HSDA ``GET /taxonomies``: the three taxonomies of the catalogue."""
    items = [hsds.taxonomy_of(name) for name in hsds.TAXONOMIES]
    return hsds.page(items, total=len(items), page_number=1, per_page=max(len(items), 1))


def taxonomy(*, taxonomy_id: uuid.UUID) -> dict[str, Any]:
    """HSDA ``GET /taxonomies/{id}``."""
    name = hsds.taxonomy_index().get(str(taxonomy_id))
    if name is None:
        raise NotFound(f"No taxonomy {taxonomy_id}.")
    return hsds.taxonomy_of(name)


async def taxonomy_terms(
    reader: Database, *, taxonomy_id: uuid.UUID | None, page: Paging
) -> dict[str, Any]:
    """HSDA ``GET /taxonomy_terms``, optionally of one taxonomy."""
    labels = await records.labels(reader)
    terms = [
        hsds.taxonomy_term(name, code, label)
        for name in hsds.TAXONOMIES
        for code, label in labels.get(name, {}).items()
        if taxonomy_id is None or hsds.stable_id("taxonomy", name) == str(taxonomy_id)
    ]
    return page.envelope(terms[page.offset : page.offset + page.size], len(terms))


async def taxonomy_term(reader: Database, *, term_id: uuid.UUID) -> dict[str, Any]:
    """HSDA ``GET /taxonomy_terms/{id}``, with its taxonomy."""
    labels = await records.labels(reader)
    term = hsds.term_index(labels).get(str(term_id))
    if term is None:
        raise NotFound(f"No taxonomy term {term_id}.")
    taxonomy_name, code = term
    return {
        **hsds.taxonomy_term(taxonomy_name, code, labels[taxonomy_name][code]),
        "taxonomy_detail": hsds.taxonomy_of(taxonomy_name),
    }
