"""The write side's queries, on the ORM: records to change (locked), their services, slugs
and identifiers taken, the change log, the taxonomies' codes for validation."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.models.catalog import ChangeLog, Practice, Provider, ProviderService, TargetGroup
from shared.db.models.geo import TerritorialUnit
from shared.db.models.ref import Category, ProviderType, ServiceArea

Record = Practice | Provider
RecordModel = type[Practice] | type[Provider]
MODELS: dict[str, RecordModel] = {"practice": Practice, "provider": Provider}


@dataclass(slots=True)
class Found:
    """A record and its point (lon, lat)."""

    record: Any
    lon: float | None
    lat: float | None


async def taxonomy_codes(session: AsyncSession) -> dict[str, set[str]]:
    """Known codes of every taxonomy (for validation of inputs)."""
    queries = {
        "service_areas": select(ServiceArea.code),
        "target_groups": select(TargetGroup.code),
        "categories": select(Category.code),
        "provider_types": select(ProviderType.code),
    }
    return {name: set((await session.scalars(query)).all()) for name, query in queries.items()}


async def unit_point(session: AsyncSession, code: str) -> tuple[float, float] | None:
    """A representative point (lon, lat) of a territorial unit, when its geometry is loaded."""
    point = func.coalesce(TerritorialUnit.label_point, func.ST_PointOnSurface(TerritorialUnit.geom))
    row = (
        await session.execute(
            select(func.ST_X(point), func.ST_Y(point)).where(
                TerritorialUnit.code == code, point.isnot(None)
            )
        )
    ).first()
    return None if row is None else (float(row[0]), float(row[1]))


def _lookup(model: RecordModel, ref: str) -> ColumnElement[bool]:
    try:
        return model.id == uuid.UUID(ref)
    except ValueError:
        return model.slug == ref


async def get_record(
    session: AsyncSession,
    model: RecordModel,
    *,
    ref: str,
    statuses: Sequence[str] | None = None,
    for_update: bool = False,
    populate: bool = False,
) -> Found | None:
    """A practice or provider by id or slug (optionally only in some statuses)."""
    if "\x00" in ref or len(ref) > 200:
        return None
    query = select(model, func.ST_X(model.geom), func.ST_Y(model.geom)).where(_lookup(model, ref))
    if statuses is not None:
        query = query.where(model.status.in_(statuses))
    if for_update:
        query = query.with_for_update(of=model)
    if populate:
        query = query.execution_options(populate_existing=True)
    row = (await session.execute(query)).first()
    if row is None:
        return None
    return Found(record=row[0], lon=row[1], lat=row[2])


async def slug_taken(session: AsyncSession, model: RecordModel, slug: str) -> bool:
    return (await session.scalar(select(model.id).where(model.slug == slug))) is not None


async def find_provider_by_identifiers(
    session: AsyncSession,
    *,
    krs: str | None,
    regon: str | None,
    nip: str | None,
    excluding: uuid.UUID | None = None,
) -> Provider | None:
    """The provider (other than ``excluding``) sharing a KRS, REGON or NIP (the dedup key)."""
    conditions = [
        column == value
        for column, value in ((Provider.krs, krs), (Provider.regon, regon), (Provider.nip, nip))
        if value
    ]
    if not conditions:
        return None
    query = select(Provider).where(or_(*conditions))
    if excluding is not None:
        query = query.where(Provider.id != excluding)
    return (await session.scalars(query.limit(1))).first()


async def provider_services(
    session: AsyncSession, provider_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[ProviderService]]:
    """Services of the given providers, grouped by provider."""
    grouped: dict[uuid.UUID, list[ProviderService]] = {pid: [] for pid in provider_ids}
    if not provider_ids:
        return grouped
    services = await session.scalars(
        select(ProviderService)
        .where(ProviderService.provider_id.in_(provider_ids))
        .order_by(ProviderService.name, ProviderService.id)
    )
    for service in services:
        grouped[service.provider_id].append(service)
    return grouped


async def service_owners(
    session: AsyncSession, service_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    """The provider of each of these services that exists."""
    if not service_ids:
        return {}
    rows = await session.execute(
        select(ProviderService.id, ProviderService.provider_id).where(
            ProviderService.id.in_(service_ids)
        )
    )
    return dict(rows.all())


async def replace_services(
    session: AsyncSession, provider_id: uuid.UUID, services: Sequence[dict[str, Any]]
) -> None:
    """Replace a provider's services (ids given in the input are kept stable)."""
    await session.execute(delete(ProviderService).where(ProviderService.provider_id == provider_id))
    for values in services:
        session.add(ProviderService(provider_id=provider_id, **values))
    await session.flush()


def set_point(record: Record, point: tuple[float, float] | None) -> None:
    """Set the record's geometry from (lon, lat)."""
    record.geom = (
        None if point is None else func.ST_SetSRID(func.ST_MakePoint(point[0], point[1]), 4326)
    )


def add_changes(session: AsyncSession, entries: Sequence[dict[str, Any]]) -> None:
    session.add_all(ChangeLog(**entry) for entry in entries)
