"""All SQL of the catalog service."""

from __future__ import annotations

import math
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    and_,
    any_,
    case,
    cast,
    delete,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy import text as sa_text
from sqlalchemy.dialects.postgresql import ARRAY, TEXT
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

from catalog.schemas import SearchParams
from shared.db.models.catalog import ChangeLog, Practice, Provider, ProviderService, TargetGroup
from shared.db.models.geo import TerritorialUnit
from shared.db.models.ref import Category, ProviderType, ServiceArea

Record = Practice | Provider
RecordModel = type[Practice] | type[Provider]

_PL: ColumnElement[Any] = literal_column("'catalog.pl'::regconfig")
_PL_UNACCENT: ColumnElement[Any] = literal_column("'catalog.pl_unaccent'::regconfig")

PRACTICE_FACETS = ("service_areas", "target_groups", "categories")
PRACTICE_SCALAR_FACETS = ("lifecycle_status", "evidence_level", "voivodeship")
PROVIDER_FACETS = ("service_areas", "target_groups")
PROVIDER_SCALAR_FACETS = ("provider_type", "voivodeship")


@dataclass(slots=True)
class Found:
    """One row of a search: the record, its point and the computed distance and score."""

    record: Any
    lon: float | None
    lat: float | None
    distance_m: float | None
    score: float | None


@dataclass(slots=True)
class SearchResult:
    rows: list[Found]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


# --- taxonomies -------------------------------------------------------------------------------


async def taxonomy_codes(session: AsyncSession) -> dict[str, set[str]]:
    """Known codes of every taxonomy (for validation of inputs)."""
    queries = {
        "service_areas": select(ServiceArea.code),
        "target_groups": select(TargetGroup.code),
        "categories": select(Category.code),
        "provider_types": select(ProviderType.code),
    }
    return {name: set((await session.scalars(query)).all()) for name, query in queries.items()}


async def taxonomies(session: AsyncSession) -> dict[str, list[tuple[str, str, str]]]:
    """Every taxonomy as (code, label_pl, label_en) in its natural order."""
    queries: dict[str, Select[str, str, str]] = {
        "service_areas": select(
            ServiceArea.code, ServiceArea.label_pl, ServiceArea.label_en
        ).order_by(ServiceArea.position),
        "target_groups": select(
            TargetGroup.code, TargetGroup.label_pl, TargetGroup.label_en
        ).order_by(TargetGroup.position),
        "categories": select(Category.code, Category.label_pl, Category.label_en).order_by(
            Category.code
        ),
        "provider_types": select(
            ProviderType.code, ProviderType.label_pl, ProviderType.label_en
        ).order_by(ProviderType.code),
    }
    result: dict[str, list[tuple[str, str, str]]] = {}
    for name, query in queries.items():
        result[name] = [(row[0], row[1], row[2]) for row in (await session.execute(query)).all()]
    return result


async def unit_names(session: AsyncSession, codes: Sequence[str]) -> dict[str, str]:
    """Names of territorial units by code (missing codes are left out)."""
    if not codes:
        return {}
    rows = await session.execute(
        select(TerritorialUnit.code, TerritorialUnit.name).where(TerritorialUnit.code.in_(codes))
    )
    return {row[0]: row[1] for row in rows.all()}


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


# --- records -----------------------------------------------------------------------------------


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
    return Found(record=row[0], lon=row[1], lat=row[2], distance_m=None, score=None)


async def slug_taken(session: AsyncSession, model: RecordModel, slug: str) -> bool:
    return (await session.scalar(select(model.id).where(model.slug == slug))) is not None


async def find_provider_by_identifiers(
    session: AsyncSession, *, krs: str | None, regon: str | None, nip: str | None
) -> Provider | None:
    """The provider sharing a KRS, REGON or NIP (the dedup key), if any."""
    conditions = [
        column == value
        for column, value in ((Provider.krs, krs), (Provider.regon, regon), (Provider.nip, nip))
        if value
    ]
    if not conditions:
        return None
    return (await session.scalars(select(Provider).where(or_(*conditions)).limit(1))).first()


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


# --- change log --------------------------------------------------------------------------------


def add_changes(session: AsyncSession, entries: Sequence[dict[str, Any]]) -> None:
    session.add_all(ChangeLog(**entry) for entry in entries)


async def changes(
    session: AsyncSession, *, resource_type: str, resource_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[ChangeLog]]:
    """Change-log entries of records, oldest first, grouped by record."""
    grouped: dict[uuid.UUID, list[ChangeLog]] = {rid: [] for rid in resource_ids}
    if not resource_ids:
        return grouped
    rows = await session.scalars(
        select(ChangeLog)
        .where(ChangeLog.resource_type == resource_type, ChangeLog.resource_id.in_(resource_ids))
        .order_by(ChangeLog.changed_at, ChangeLog.field_name, ChangeLog.id)
    )
    for entry in rows:
        grouped[entry.resource_id].append(entry)
    return grouped


# --- search ------------------------------------------------------------------------------------


def _any_of(column: Any, values: Sequence[str]) -> ColumnElement[bool]:
    """Array column overlaps the values (several values of one filter combine with OR)."""
    return column.op("&&")(cast(list(values), ARRAY(TEXT)))  # type: ignore[no-any-return]


def _point(lon: float, lat: float) -> Any:
    return func.ST_SetSRID(func.ST_MakePoint(lon, lat), 4326)


def _conditions(model: RecordModel, params: SearchParams) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [model.status.in_(params.statuses)]
    if params.service_areas:
        conditions.append(_any_of(model.service_areas, params.service_areas))
    if params.target_groups:
        conditions.append(_any_of(model.target_groups, params.target_groups))
    if params.territory:
        conditions.append(_any_of(model.territory_prefixes, [params.territory]))
    if params.voivodeship:
        conditions.append(model.voivodeship == params.voivodeship)
    if params.modified_after is not None:
        conditions.append(model.updated_at > params.modified_after)
    if params.bbox is not None:
        conditions.append(model.geom.op("&&")(func.ST_MakeEnvelope(*params.bbox, 4326)))
    if params.near is not None and params.radius_m is not None:
        lon, lat = params.near
        centre = _point(lon, lat)
        # Degrees of longitude are the shortest, so this box contains the whole circle.
        degrees = params.radius_m / (111_320.0 * max(math.cos(math.radians(lat)), 0.01))
        conditions.append(model.geom.op("&&")(func.ST_Expand(centre, degrees)))
        conditions.append(
            func.ST_DWithin(func.geography(model.geom), func.geography(centre), params.radius_m)
        )
    if params.within:
        unit_geom = (
            select(TerritorialUnit.geom)
            .where(TerritorialUnit.code == params.within)
            .scalar_subquery()
        )
        geometric = func.ST_Intersects(model.geom, unit_geom)
        if "-" in params.within:
            conditions.append(geometric)
        else:
            conditions.append(or_(_any_of(model.territory_prefixes, [params.within]), geometric))
    if model is Practice:
        if params.categories:
            conditions.append(_any_of(Practice.categories, params.categories))
        if params.lifecycle:
            conditions.append(Practice.lifecycle_status.in_(params.lifecycle))
        if params.evidence:
            conditions.append(Practice.evidence_level.in_(params.evidence))
        if params.provider_types:
            conditions.append(Practice.implementer_type.in_(params.provider_types))
        if params.organization_id is not None:
            conditions.append(Practice.implementer_provider_id == params.organization_id)
        # A practice overlaps the years asked for; unknown years do not exclude it.
        if params.year_from is not None:
            conditions.append(
                func.coalesce(Practice.end_year, Practice.start_year, params.year_from)
                >= params.year_from
            )
        if params.year_to is not None:
            conditions.append(
                func.coalesce(Practice.start_year, Practice.end_year, params.year_to)
                <= params.year_to
            )
    else:
        if params.provider_types:
            conditions.append(Provider.provider_type.in_(params.provider_types))
        if params.organization_id is not None:
            conditions.append(Provider.id == params.organization_id)
        if params.categories or params.lifecycle or params.evidence:
            conditions.append(false())
    return conditions


def has_diacritics(text: str) -> bool:
    """Whether the text has letters with diacritics (ł, ó, é, ...)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return any(unicodedata.combining(ch) for ch in decomposed) or any(
        ch in "łŁđĐøØß" for ch in text
    )


def _text_match(model: RecordModel, q: str) -> tuple[ColumnElement[bool], ColumnElement[float]]:
    """Polish full text: lemmas (Hunspell), or unaccented surface forms for text typed without
    diacritics; the score favours title hits (weight A) and close titles."""
    q_pl = func.websearch_to_tsquery(_PL, q)
    q_plain = func.websearch_to_tsquery(_PL_UNACCENT, q)
    lemma_hit = model.tsv_pl.op("@@")(q_pl)
    # Text with diacritics was typed with them: the lemmas suffice, and skipping the second
    # index halves the work of broad queries.
    match = lemma_hit if has_diacritics(q) else or_(lemma_hit, model.tsv_plain.op("@@")(q_plain))
    # One ts_rank per row (each reads a whole tsvector): lemmas when they match, else the
    # unaccented forms at half weight; plus the title's trigram closeness.
    score = case(
        (lemma_hit, func.ts_rank(model.tsv_pl, q_pl)),
        else_=0.5 * func.ts_rank(model.tsv_plain, q_plain),
    ) + 0.3 * func.word_similarity(func.catalog.unaccent_lower(q), model.name_norm)
    return match, cast(score, Float)


def _typo_match(model: RecordModel, q: str) -> tuple[ColumnElement[bool], ColumnElement[float]]:
    """Typo tolerance: titles whose words are close to the query (pg_trgm word similarity)."""
    q_norm = func.catalog.unaccent_lower(q)
    return q_norm.op("<%")(model.name_norm), cast(
        func.word_similarity(q_norm, model.name_norm), Float
    )


_DEFERRED = ("tsv_pl", "tsv_plain", "name_norm", "territory_prefixes", "geom")
# Above this many text matches, relevance is ranked among the newest matches only: ranking
# reads every matching tsvector, which would make broad queries ("pomocy") cost O(matches).
RANK_WINDOW = 1000


async def search(
    session: AsyncSession,
    model: RecordModel,
    params: SearchParams,
    *,
    limit: int,
    offset: int,
) -> SearchResult:
    """Filtered, sorted page of practices or providers with the total and optional facets.

    Text queries use the full-text indexes; only when they find nothing does the trigram
    (typo) index get a turn, so "Kooperajca" still finds "Kooperacja"."""
    conditions = _conditions(model, params)
    text = (params.q or "").strip()
    if not text:
        return await _search_page(session, model, params, conditions, None, limit, offset)
    match, score = _text_match(model, text)
    # A sequential scan must read (detoast) every row's tsvector, which the planner does not
    # cost; the GIN bitmap is exact and touches only the small columns: 5-10x faster for
    # broad queries ("pomocy społecznej" on 100 000 rows: 0.5 s -> 0.08 s).
    await session.execute(sa_text("SET LOCAL enable_seqscan = off"))
    try:
        result = await _search_page(
            session, model, params, [*conditions, match], score, limit, offset
        )
        if result.total == 0:
            typo, typo_score = _typo_match(model, text)
            result = await _search_page(
                session, model, params, [*conditions, typo], typo_score, limit, offset
            )
    finally:
        await session.execute(sa_text("RESET enable_seqscan"))
    return result


async def _search_page(
    session: AsyncSession,
    model: RecordModel,
    params: SearchParams,
    conditions: list[ColumnElement[bool]],
    score: ColumnElement[float] | None,
    limit: int,
    offset: int,
) -> SearchResult:
    where = and_(*conditions)
    total = int(await session.scalar(select(func.count()).select_from(model).where(where)) or 0)
    result = SearchResult(rows=[], total=total)
    if params.facets:
        result.facets = await _facets(session, model, where)
    if total == 0 or offset >= total:
        return result
    distance: ColumnElement[float] | None = None
    if params.near is not None:
        distance = cast(
            func.ST_Distance(func.geography(model.geom), func.geography(_point(*params.near))),
            Float,
        )
    sort = params.sort or ("relevance" if score is not None else "date")
    newest: list[Any] = [model.published_at.desc(), model.updated_at.desc()]
    row_filter = where
    if sort == "relevance" and score is not None:
        order: list[Any] = [score.desc(), *newest]
        # Whole windows, so that pages inside one window rank consistently.
        window_size = RANK_WINDOW * -(-(offset + limit) // RANK_WINDOW)
        if total > window_size:
            window = select(model.id).where(where).order_by(*newest, model.id).limit(window_size)
            row_filter = model.id.in_(window.scalar_subquery())
    elif sort == "distance" and distance is not None:
        order = [distance.asc().nulls_last()]
    elif sort == "title":
        order = [model.name_norm.asc()]
    elif sort == "-date":
        order = [model.published_at.asc(), model.updated_at.asc()]
    else:
        order = newest
    query = (
        select(
            model,
            func.ST_X(model.geom),
            func.ST_Y(model.geom),
            (distance if distance is not None else literal(None, Float)).label("distance"),
            (score if score is not None else literal(None, Float)).label("score"),
        )
        .where(row_filter)
        .options(*(defer(getattr(model, name)) for name in _DEFERRED))
        .order_by(*order, model.id)
        .limit(limit)
        .offset(offset)
    )
    result.rows = [
        Found(record=row[0], lon=row[1], lat=row[2], distance_m=row[3], score=row[4])
        for row in (await session.execute(query)).all()
    ]
    return result


async def _facets(
    session: AsyncSession, model: RecordModel, where: ColumnElement[bool]
) -> dict[str, dict[str, int]]:
    arrays = PRACTICE_FACETS if model is Practice else PROVIDER_FACETS
    scalars = PRACTICE_SCALAR_FACETS if model is Practice else PROVIDER_SCALAR_FACETS
    columns = [getattr(model, name).label(name) for name in (*arrays, *scalars)]
    matched = select(*columns).where(where).cte("matched")
    parts: list[Select[Any]] = []
    for name in arrays:
        codes = select(func.unnest(matched.c[name]).label("code")).subquery()
        parts.append(
            select(literal(name).label("facet"), codes.c.code, func.count().label("n")).group_by(
                codes.c.code
            )
        )
    for name in scalars:
        column = matched.c[name]
        parts.append(
            select(literal(name).label("facet"), column.label("code"), func.count().label("n"))
            .where(column.isnot(None))
            .group_by(column)
        )
    facets: dict[str, dict[str, int]] = {name: {} for name in (*arrays, *scalars)}
    for facet, code, count in (await session.execute(union_all(*parts))).all():
        facets[facet][code] = int(count)
    return {
        name: dict(sorted(values.items(), key=lambda item: (-item[1], item[0])))
        for name, values in facets.items()
    }


async def feed_practices(
    session: AsyncSession, *, voivodeship: str | None, limit: int
) -> Sequence[Practice]:
    """Newest published practices (optionally of one voivodeship) for the Atom feed."""
    query = select(Practice).where(Practice.status == "published")
    if voivodeship:
        query = query.where(Practice.voivodeship == voivodeship)
    query = query.order_by(Practice.published_at.desc(), Practice.id).limit(limit)
    return (
        await session.scalars(query.options(*(defer(getattr(Practice, n)) for n in _DEFERRED)))
    ).all()


def _overlap(column: Any, values: Sequence[str]) -> Any:
    """How many of ``values`` the array column contains."""
    if not values:
        return literal(0)
    return sum((case((literal(value) == any_(column), 1), else_=0) for value in values), literal(0))


async def related_practices(
    session: AsyncSession, *, practice: Practice, limit: int
) -> list[Found]:
    """Published practices ranked by shared service areas (x2), target groups and categories."""
    score = (
        2 * _overlap(Practice.service_areas, practice.service_areas)
        + _overlap(Practice.target_groups, practice.target_groups)
        + _overlap(Practice.categories, practice.categories)
    )
    query = (
        select(Practice, func.ST_X(Practice.geom), func.ST_Y(Practice.geom), score)
        .where(
            Practice.status == "published",
            Practice.id != practice.id,
            or_(
                _any_of(Practice.service_areas, practice.service_areas),
                _any_of(Practice.target_groups, practice.target_groups),
                _any_of(Practice.categories, practice.categories),
            ),
        )
        .order_by(score.desc(), Practice.published_at.desc(), Practice.id)
        .limit(limit)
        .options(*(defer(getattr(Practice, name)) for name in _DEFERRED))
    )
    return [
        Found(record=row[0], lon=row[1], lat=row[2], distance_m=None, score=float(row[3]))
        for row in (await session.execute(query)).all()
    ]


async def get_records_by_ids(
    session: AsyncSession, model: RecordModel, ids: Sequence[uuid.UUID], *, statuses: Sequence[str]
) -> dict[uuid.UUID, Found]:
    if not ids:
        return {}
    query = (
        select(model, func.ST_X(model.geom), func.ST_Y(model.geom))
        .where(model.id.in_(ids), model.status.in_(statuses))
        .options(*(defer(getattr(model, name)) for name in _DEFERRED))
    )
    return {
        row[0].id: Found(record=row[0], lon=row[1], lat=row[2], distance_m=None, score=None)
        for row in (await session.execute(query)).all()
    }


async def published_services(
    session: AsyncSession,
    *,
    search_text: str | None,
    organization_id: uuid.UUID | None,
    modified_after: Any,
    service_id: uuid.UUID | None = None,
    service_areas: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    limit: int,
    offset: int,
) -> tuple[list[ProviderService], int]:
    """Services of published providers (HSDA ``/services``), with the total."""
    conditions: list[ColumnElement[bool]] = [Provider.status == "published"]
    if service_id is not None:
        conditions.append(ProviderService.id == service_id)
    if organization_id is not None:
        conditions.append(ProviderService.provider_id == organization_id)
    if service_areas:
        conditions.append(_any_of(ProviderService.service_areas, service_areas))
    if target_groups:
        conditions.append(_any_of(ProviderService.target_groups, target_groups))
    if modified_after is not None:
        conditions.append(Provider.updated_at > modified_after)
    if search_text and search_text.strip():
        needle = func.catalog.unaccent_lower(search_text.strip())
        haystack = func.catalog.unaccent_lower(
            ProviderService.name
            + " "
            + func.coalesce(ProviderService.description, "")
            + " "
            + Provider.name
        )
        conditions.append(func.strpos(haystack, needle) > 0)
    query = (
        select(ProviderService, func.count().over())
        .join(Provider, Provider.id == ProviderService.provider_id)
        .where(*conditions)
        .order_by(ProviderService.name, ProviderService.id)
        .limit(limit)
        .offset(offset)
    )
    rows = (await session.execute(query)).all()
    if rows:
        return [row[0] for row in rows], int(rows[0][1])
    total = await session.scalar(
        select(func.count())
        .select_from(ProviderService)
        .join(Provider, Provider.id == ProviderService.provider_id)
        .where(*conditions)
    )
    return [], int(total or 0)
