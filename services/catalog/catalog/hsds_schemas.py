"""HSDS 3.0 (HSDA) output: the parts of the HSDS schemas this API fills; absent fields are left
out of the JSON (never null), as HSDS wants. Ids are UUIDs, times ISO 8601 in UTC. The
catalogue's own models are in ``catalog.schemas``."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from catalog.schemas import ServiceStatus


class HsdsInfo(BaseModel):
    version: str = Field(description="The HSDS version")
    profile: str = Field(description="URI of the HSDS profile of this API")
    openapi_url: str


class HsdsTaxonomy(BaseModel):
    id: str
    name: str
    description: str
    version: str | None = None


class HsdsTaxonomyTerm(BaseModel):
    id: str
    code: str
    name: str
    description: str
    taxonomy: str
    taxonomy_id: str
    language: str
    taxonomy_detail: HsdsTaxonomy | None = None


class HsdsAttribute(BaseModel):
    id: str
    link_id: str
    link_entity: Literal["service", "organization"]
    link_type: str
    taxonomy_term_id: str
    value: str
    taxonomy_term: HsdsTaxonomyTerm


class HsdsMetadata(BaseModel):
    id: str
    resource_id: str
    resource_type: str
    last_action_date: str
    last_action_type: str
    field_name: str
    previous_value: str
    replacement_value: str
    updated_by: str


class HsdsServiceArea(BaseModel):
    id: str
    service_id: str
    name: str
    uri: str = Field(description="`urn:teryt:terc:<TERC>`")
    extent: str
    extent_type: str


class HsdsPhone(BaseModel):
    id: str
    service_id: str | None = None
    organization_id: str | None = None
    number: str
    type: str | None = None
    description: str | None = None


class HsdsOrganizationBrief(BaseModel):
    id: str
    name: str
    alternate_name: str | None = None
    description: str
    email: str | None = None
    website: str | None = None
    legal_status: str | None = None


class HsdsServiceBrief(BaseModel):
    """A service's one-to-one fields."""

    id: str
    organization_id: str
    name: str
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: ServiceStatus
    application_process: str | None = None
    fees_description: str | None = None
    eligibility_description: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    assured_date: date | None = None
    last_modified: str


class HsdsService(HsdsServiceBrief):
    organization: HsdsOrganizationBrief
    service_areas: list[HsdsServiceArea] | None = None
    attributes: list[HsdsAttribute] | None = None
    phones: list[HsdsPhone] | None = None
    metadata: list[HsdsMetadata] | None = None


class HsdsIdentifier(BaseModel):
    id: str
    organization_id: str
    identifier_type: Literal["KRS", "REGON", "NIP"]
    identifier_scheme: str
    identifier: str
    metadata: list[HsdsMetadata] | None = Field(default=None, description="With full=true")


class HsdsAddress(BaseModel):
    id: str
    location_id: str
    address_1: str
    city: str
    state_province: str
    postal_code: str
    country: str
    address_type: str
    metadata: list[HsdsMetadata] | None = None


class HsdsSchedule(BaseModel):
    id: str
    location_id: str
    freq: str
    byday: str
    opens_at: str
    closes_at: str
    description: str | None = None


class HsdsLocation(BaseModel):
    id: str
    organization_id: str
    location_type: str
    name: str
    latitude: float | None = None
    longitude: float | None = None
    external_identifier: str | None = None
    external_identifier_type: str | None = None
    addresses: list[HsdsAddress] | None = None
    schedules: list[HsdsSchedule] | None = None
    metadata: list[HsdsMetadata] | None = None


class HsdsServiceAtLocation(BaseModel):
    """A service at a location: each service of a provider at the provider's location."""

    id: str
    service_id: str
    location_id: str
    service: HsdsServiceBrief
    location: HsdsLocation
    phones: list[HsdsPhone] | None = None
    attributes: list[HsdsAttribute] | None = None
    metadata: list[HsdsMetadata] | None = None


class HsdsOrganization(HsdsOrganizationBrief):
    organization_identifiers: list[HsdsIdentifier]
    phones: list[HsdsPhone]
    locations: list[HsdsLocation]
    attributes: list[HsdsAttribute]
    services: list[HsdsService] | None = Field(default=None, description="With full=true")
    metadata: list[HsdsMetadata] | None = None


class HsdsPage(BaseModel):
    """The HSDA ``Page`` envelope."""

    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool


class HsdsServicePage(HsdsPage):
    contents: list[HsdsService]


class HsdsOrganizationPage(HsdsPage):
    contents: list[HsdsOrganization]


class HsdsTaxonomyPage(HsdsPage):
    contents: list[HsdsTaxonomy]


class HsdsTaxonomyTermPage(HsdsPage):
    contents: list[HsdsTaxonomyTerm]


class HsdsServiceAtLocationPage(HsdsPage):
    contents: list[HsdsServiceAtLocation]
