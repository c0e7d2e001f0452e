"""HSDA (HSDS 3.0 API) read endpoints over published providers and their services."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from catalog.deps import ReaderDep, SettingsDep
from catalog.hsds_schemas import (
    HsdsInfo,
    HsdsOrganization,
    HsdsOrganizationPage,
    HsdsService,
    HsdsServiceAtLocation,
    HsdsServiceAtLocationPage,
    HsdsServicePage,
    HsdsTaxonomy,
    HsdsTaxonomyPage,
    HsdsTaxonomyTerm,
    HsdsTaxonomyTermPage,
)
from catalog.read import hsda
from catalog.read.hsds import HSDS_VERSION
from shared.auth import AuthFirstRoute

# HSDS leaves a field out rather than null: the responses drop the models' None fields.
router = APIRouter(route_class=AuthFirstRoute, tags=["hsds"])

PageNumber = Annotated[int, Query(ge=1, le=100_000)]
PerPage = Annotated[int, Query(ge=1, le=500)]
SearchText = Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00]*$")]


async def service_filter(
    search: SearchText = None,
    organization_id: uuid.UUID | None = None,
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
) -> hsda.ServiceFilter:
    """The HSDA filters of services and service_at_locations."""
    return hsda.ServiceFilter(
        search=search,
        organization_id=organization_id,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        modified_after=modified_after,
    )


ServiceFilterDep = Annotated[hsda.ServiceFilter, Depends(service_filter)]


async def paging(page: PageNumber = 1, per_page: PerPage = 50) -> hsda.Paging:
    """HSDA's ``page`` (from 1) and ``per_page``."""
    return hsda.Paging(number=page, size=per_page)


PagingDep = Annotated[hsda.Paging, Depends(paging)]


@router.get("/hsds/", summary="HSDA: API information")
async def get_hsds_info(settings: SettingsDep) -> HsdsInfo:
    return HsdsInfo(
        version=HSDS_VERSION,
        profile=settings.hsds_profile_url,
        openapi_url=settings.public_url.rstrip("/") + "/openapi.json",
    )


@router.get(
    "/hsds/services",
    summary="HSDA: services of published providers",
    response_model=HsdsServicePage,
    response_model_exclude_none=True,
)
async def list_hsds_services(
    reader: ReaderDep,
    wanted: ServiceFilterDep,
    page: PagingDep,
    full: bool = False,
) -> dict[str, Any]:
    return await hsda.services(reader, wanted, page=page, full=full)


@router.get(
    "/hsds/services/{service_id}",
    summary="HSDA: one fully nested service",
    response_model=HsdsService,
    response_model_exclude_none=True,
)
async def get_hsds_service(service_id: uuid.UUID, reader: ReaderDep) -> dict[str, Any]:
    return await hsda.service(reader, service_id=service_id)


@router.get(
    "/hsds/service_at_locations",
    summary="HSDA: services of published providers at their locations",
    description=(
        "Each service of a published provider at the provider's one location. `search`, "
        "`organization_id`, `taxonomy_term_id`, `taxonomy_id` and `modified_after` filter as "
        "for `/hsds/services`; `full=true` nests the location's address and schedules and "
        "the service's attributes, phones and history."
    ),
    response_model=HsdsServiceAtLocationPage,
    response_model_exclude_none=True,
)
async def list_hsds_service_at_locations(
    reader: ReaderDep,
    wanted: ServiceFilterDep,
    page: PagingDep,
    full: bool = False,
) -> dict[str, Any]:
    return await hsda.service_at_locations(reader, wanted, page=page, full=full)


@router.get(
    "/hsds/service_at_locations/{service_at_location_id}",
    summary="HSDA: one fully nested service_at_location",
    response_model=HsdsServiceAtLocation,
    response_model_exclude_none=True,
)
async def get_hsds_service_at_location(
    service_at_location_id: uuid.UUID, reader: ReaderDep
) -> dict[str, Any]:
    return await hsda.service_at_location(reader, link_id=service_at_location_id)


@router.get(
    "/hsds/organizations",
    summary="HSDA: published providers",
    response_model=HsdsOrganizationPage,
    response_model_exclude_none=True,
)
async def list_hsds_organizations(
    reader: ReaderDep,
    page: PagingDep,
    search: SearchText = None,
    modified_after: datetime | None = None,
    full: bool = False,
) -> dict[str, Any]:
    return await hsda.organizations(
        reader,
        search_text=search,
        modified_after=modified_after,
        page=page,
        full=full,
    )


@router.get(
    "/hsds/organizations/{organization_id}",
    summary="HSDA: one organization",
    response_model=HsdsOrganization,
    response_model_exclude_none=True,
)
async def get_hsds_organization(organization_id: uuid.UUID, reader: ReaderDep) -> dict[str, Any]:
    return await hsda.organization(reader, organization_id=organization_id)


@router.get(
    "/hsds/taxonomies",
    summary="HSDA: taxonomies",
    response_model=HsdsTaxonomyPage,
    response_model_exclude_none=True,
)
async def list_hsds_taxonomies() -> dict[str, Any]:
    return hsda.taxonomies()


@router.get(
    "/hsds/taxonomies/{taxonomy_id}",
    summary="HSDA: one taxonomy",
    response_model=HsdsTaxonomy,
    response_model_exclude_none=True,
)
async def get_hsds_taxonomy(taxonomy_id: uuid.UUID) -> dict[str, Any]:
    return hsda.taxonomy(taxonomy_id=taxonomy_id)


@router.get(
    "/hsds/taxonomy_terms",
    summary="HSDA: taxonomy terms",
    response_model=HsdsTaxonomyTermPage,
    response_model_exclude_none=True,
)
async def list_hsds_taxonomy_terms(
    reader: ReaderDep,
    page: PagingDep,
    taxonomy_id: uuid.UUID | None = None,
) -> dict[str, Any]:
    return await hsda.taxonomy_terms(reader, taxonomy_id=taxonomy_id, page=page)


@router.get(
    "/hsds/taxonomy_terms/{term_id}",
    summary="HSDA: one taxonomy term",
    response_model=HsdsTaxonomyTerm,
    response_model_exclude_none=True,
)
async def get_hsds_taxonomy_term(term_id: uuid.UUID, reader: ReaderDep) -> dict[str, Any]:
    return await hsda.taxonomy_term(reader, term_id=term_id)
