"""HSDA (HSDS 3.0 API) read endpoints over published providers and their services."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query

from catalog import service
from catalog.deps import SessionDep, SettingsDep
from catalog.hsds import HSDS_VERSION
from catalog.schemas import (
    HsdsInfo,
    HsdsOrganization,
    HsdsOrganizationPage,
    HsdsService,
    HsdsServicePage,
    HsdsTaxonomyPage,
    HsdsTaxonomyTermPage,
)
from shared.auth import AuthFirstRoute

# HSDS leaves a field out rather than null: the responses drop the models' None fields.
router = APIRouter(route_class=AuthFirstRoute, prefix="/hsds", tags=["hsds"])

PageNumber = Annotated[int, Query(ge=1, le=100_000)]
PerPage = Annotated[int, Query(ge=1, le=500)]
SearchText = Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00]*$")]


@router.get("/", summary="HSDA: API information")
async def get_hsds_info(settings: SettingsDep) -> HsdsInfo:
    return HsdsInfo(
        version=HSDS_VERSION,
        profile=settings.hsds_profile_url,
        openapi_url=settings.public_url.rstrip("/") + "/openapi.json",
    )


@router.get(
    "/services",
    summary="HSDA: services of published providers",
    response_model=HsdsServicePage,
    response_model_exclude_none=True,
)
async def list_hsds_services(
    session: SessionDep,
    search: SearchText = None,
    organization_id: uuid.UUID | None = None,
    taxonomy_term_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
    full: bool = False,
) -> dict[str, Any]:
    return await service.hsds_services(
        session,
        search_text=search,
        organization_id=organization_id,
        taxonomy_term_id=taxonomy_term_id,
        modified_after=modified_after,
        page_number=page,
        per_page=per_page,
        full=full,
    )


@router.get(
    "/services/{service_id}",
    summary="HSDA: one fully nested service",
    response_model=HsdsService,
    response_model_exclude_none=True,
)
async def get_hsds_service(service_id: uuid.UUID, session: SessionDep) -> dict[str, Any]:
    return await service.hsds_service(session, service_id=service_id)


@router.get(
    "/organizations",
    summary="HSDA: published providers",
    response_model=HsdsOrganizationPage,
    response_model_exclude_none=True,
)
async def list_hsds_organizations(
    session: SessionDep,
    search: SearchText = None,
    modified_after: datetime | None = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
    full: bool = False,
) -> dict[str, Any]:
    return await service.hsds_organizations(
        session,
        search_text=search,
        modified_after=modified_after,
        page_number=page,
        per_page=per_page,
        full=full,
    )


@router.get(
    "/organizations/{organization_id}",
    summary="HSDA: one organization",
    response_model=HsdsOrganization,
    response_model_exclude_none=True,
)
async def get_hsds_organization(organization_id: uuid.UUID, session: SessionDep) -> dict[str, Any]:
    return await service.hsds_organization(session, organization_id=organization_id)


@router.get(
    "/taxonomies",
    summary="HSDA: taxonomies",
    response_model=HsdsTaxonomyPage,
    response_model_exclude_none=True,
)
async def list_hsds_taxonomies(session: SessionDep) -> dict[str, Any]:
    return await service.hsds_taxonomies(session)


@router.get(
    "/taxonomy_terms",
    summary="HSDA: taxonomy terms",
    response_model=HsdsTaxonomyTermPage,
    response_model_exclude_none=True,
)
async def list_hsds_taxonomy_terms(
    session: SessionDep,
    taxonomy_id: uuid.UUID | None = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
) -> dict[str, Any]:
    return await service.hsds_taxonomy_terms(
        session, taxonomy_id=taxonomy_id, page_number=page, per_page=per_page
    )
