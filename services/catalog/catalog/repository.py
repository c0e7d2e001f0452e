"""All SQL of the catalog service."""

from __future__ import annotations

import asyncio
import logging
import math
import time
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    UUID,
    Boolean,
    ColumnElement,
    DateTime,
    Float,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
    case,
    cast,
    delete,
    false,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy import column as result_column
from sqlalchemy import text as sa_text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TEXT, array
from sqlalchemy.dialects.postgresql import asyncpg as postgresql_asyncpg
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer
from sqlalchemy.sql.compiler import Compiled
from sqlalchemy.types import NullType

from catalog import schemas
from catalog.schemas import PracticeOut, ProviderOut, SearchParams, ServiceOut
from shared.db.models.catalog import ChangeLog, Practice, Provider, ProviderService, TargetGroup
from shared.db.models.geo import TerritorialUnit
from shared.db.models.ref import Category, ProviderType, ServiceArea
from shared.db.raw import Database

Record = Practice | Provider
RecordModel = type[Practice] | type[Provider]

logger = logging.getLogger("socmap.catalog")

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


_TEXTS = ARRAY(TEXT)
# A condition of a search, built from the model with its parameters as named placeholders.
Condition = Callable[[Any], ColumnElement[bool]]


def _param(name: str, type_: Any) -> Any:
    return bindparam(name, type_=type_)


def _any_of(column: Any, values: Sequence[str] | ColumnElement[Any]) -> ColumnElement[bool]:
    """Array column overlaps the values (several values of one filter combine with OR)."""
    array = values if isinstance(values, ColumnElement) else cast(list(values), _TEXTS)
    return column.op("&&")(array)  # type: ignore[no-any-return]


def search_tokens(prefix: str, codes: Sequence[str]) -> list[str]:
    """Codes as ``search_tokens`` holds them: ``a:`` service area, ``g:`` target group, ``c:``
    category, ``t:`` territory prefix, ``k:`` provider type, ``l:`` lifecycle, ``e:`` evidence
    level (migration 0007)."""
    return [f"{prefix}:{code}" for code in codes]


def _point(lon: Any, lat: Any) -> Any:
    return func.ST_SetSRID(func.ST_MakePoint(lon, lat), 4326)


def _near_box(model: Any) -> ColumnElement[bool]:
    """The point lies in the box around the circle of ``:radius_m`` (index-backed)."""
    centre = _point(_param("near_lon", Float), _param("near_lat", Float))
    box = func.ST_Expand(centre, _param("radius_lon_deg", Float), _param("radius_lat_deg", Float))
    return model.geom.op("&&")(box)  # type: ignore[no-any-return]


def _filters(
    model: RecordModel, params: SearchParams
) -> tuple[dict[str, Condition], dict[str, Any]]:
    """The conditions of a search by name, and the values of their parameters.

    Conditions are built lazily: the public search builds its statement once per shape (the
    names of its conditions, sort, facets, kind of text query) and then only binds new
    values, because building and keying that statement in SQLAlchemy costs more than
    PostgreSQL takes to run it."""
    conditions: dict[str, Condition] = {
        "statuses": lambda m: m.status == any_(_param("statuses", _TEXTS))
    }
    values: dict[str, Any] = {"statuses": list(params.statuses)}

    def any_code(name: str, prefix: str, codes: Sequence[str]) -> None:
        # One key of the search_tokens GIN scan (migration 0007): several filters intersect
        # inside one index scan instead of as bitmaps of separate indexes.
        conditions[name] = lambda m: _any_of(m.search_tokens, _param(name, _TEXTS))
        values[name] = search_tokens(prefix, codes)

    if params.service_areas:
        any_code("service_areas", "a", params.service_areas)
    if params.target_groups:
        any_code("target_groups", "g", params.target_groups)
    if params.territory:
        any_code("territory", "t", [params.territory])
    if params.provider_types:  # a practice's implementer type, a provider's own type
        any_code("provider_types", "k", params.provider_types)
    if params.voivodeship:
        conditions["voivodeship"] = lambda m: m.voivodeship == _param("voivodeship", TEXT)
        values["voivodeship"] = params.voivodeship
    if params.modified_after is not None:
        conditions["modified_after"] = lambda m: (
            m.updated_at > _param("modified_after", DateTime(timezone=True))
        )
        values["modified_after"] = params.modified_after
    if params.bbox is not None:
        conditions["bbox"] = lambda m: m.geom.op("&&")(
            func.ST_MakeEnvelope(*(_param(f"bbox_{n}", Float) for n in range(4)), 4326)
        )
        values.update({f"bbox_{n}": value for n, value in enumerate(params.bbox)})
    if params.near is not None and params.radius_m is not None:
        lon, lat = params.near

        def near(m: Any) -> ColumnElement[bool]:
            centre = _point(_param("near_lon", Float), _param("near_lat", Float))
            return and_(
                _near_box(m),
                func.ST_DWithin(
                    func.geography(m.geom),
                    func.geography(centre),
                    _param("radius_m", Float),
                    false(),  # on the sphere, as _distance
                ),
            )

        conditions["near"] = near
        # The box around the circle, in degrees: a degree of longitude is 111.32 km x cos(lat),
        # a degree of latitude at least 110.574 km (at the equator). A square box in degrees
        # of longitude, as before, held 1.6 times as many points at Polish latitudes, each then
        # measured on the spheroid.
        values.update(
            near_lon=lon,
            near_lat=lat,
            radius_m=params.radius_m,
            radius_lon_deg=params.radius_m / (111_320.0 * max(math.cos(math.radians(lat)), 0.01)),
            radius_lat_deg=params.radius_m / 110_574.0,
        )
    if params.within:
        district = "-" in params.within

        def within(m: Any) -> ColumnElement[bool]:
            code = _param("within", TEXT)
            unit = select(TerritorialUnit.geom).where(TerritorialUnit.code == code)
            geometric = func.ST_Intersects(m.geom, unit.scalar_subquery())
            if district:
                return geometric
            prefixes = _param("within_prefixes", _TEXTS)
            return or_(_any_of(m.search_tokens, prefixes), geometric)

        conditions["within_district" if district else "within"] = within
        values["within"] = params.within
        values["within_prefixes"] = search_tokens("t", [params.within])
    if model is Practice:
        if params.categories:
            any_code("categories", "c", params.categories)
        if params.lifecycle:
            any_code("lifecycle", "l", params.lifecycle)
        if params.evidence:
            any_code("evidence", "e", params.evidence)
        if params.organization_id is not None:
            conditions["organization_id"] = lambda m: (
                m.implementer_provider_id == _param("organization_id", UUID)
            )
            values["organization_id"] = params.organization_id
        # A practice overlaps the years asked for; unknown years do not exclude it.
        if params.year_from is not None:
            conditions["year_from"] = lambda m: (
                func.coalesce(m.end_year, m.start_year, _param("year_from", Integer))
                >= _param("year_from", Integer)
            )
            values["year_from"] = params.year_from
        if params.year_to is not None:
            conditions["year_to"] = lambda m: (
                func.coalesce(m.start_year, m.end_year, _param("year_to", Integer))
                <= _param("year_to", Integer)
            )
            values["year_to"] = params.year_to
    else:
        if params.organization_id is not None:
            conditions["organization_id"] = lambda m: m.id == _param("organization_id", UUID)
            values["organization_id"] = params.organization_id
        if params.categories or params.lifecycle or params.evidence:
            conditions["practice_only"] = lambda m: false()
    return conditions, values


def has_diacritics(text: str) -> bool:
    """Whether the text has letters with diacritics (ł, ó, é, ...)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return any(unicodedata.combining(ch) for ch in decomposed) or any(
        ch in "łŁđĐøØß" for ch in text
    )


# Weight of the title's closeness to the query; word_similarity is at most 1, so the bonus is
# at most this (the windowed search relies on that bound).
TITLE_BONUS = 0.3


@dataclass(slots=True)
class Ranking:
    """How a text query matches and scores: ``rank``, plus TITLE_BONUS times the title's
    trigram closeness to ``title_query``."""

    kind: str
    match: ColumnElement[bool]
    rank: ColumnElement[float]
    title_query: ColumnElement[str]
    # The same matches and ranks as parts, each cheaper to rank than ``rank``; a match of a
    # later part is one only if no earlier part has it.
    parts: list[tuple[ColumnElement[bool], ColumnElement[float]]]
    # The parsed queries (lemmas, unaccented forms or NULL).
    queries: tuple[Any, Any]
    # Per part, the tsvector column it matches, the configuration that parses the query for
    # it and the text it parses (SQL of ``:q``), for the scan of broad words (see
    # BroadWords), or None.
    scans: list[tuple[str, str, str] | None]

    def bonus(self, name_norm: Any) -> ColumnElement[float]:
        return cast(func.word_similarity(self.title_query, name_norm), Float)

    def score(self, model: RecordModel) -> ColumnElement[float]:
        return cast(self.rank + TITLE_BONUS * self.bonus(model.name_norm), Float)


def _restored(model: RecordModel, text: str = ":q") -> str:
    """SQL of ``text`` (by default ``:q``) with its words typed without diacritics written as
    the records most often write them (``dzialania`` → ``działania``; migration 0009): their
    lemmas then match every form, and the unaccented forms (the second part of a ranking) are
    rarely needed."""
    return f"catalog.{model.__tablename__}_restored_query({text})"


# The words a query excludes (websearch_to_tsquery's ``-word`` and ``-"a phrase"``), as a
# query that matches any of them.
_EXCLUDED = (
    "(SELECT string_agg(excluded[1], ' or ') "
    r"""FROM regexp_matches(:q, '(?:^|\s)-("[^"]*"|[^\s"]+)', 'g') AS excluded)"""
)


def _query_values(model: RecordModel) -> tuple[Any, Any, Any, Any]:
    """The parsed query (lemmas of the restored text, unaccented forms), its unaccented text
    and the lemmas of the words it excludes (NULL: none), computed once per statement: under
    a generic plan of a prepared statement, an expression of the parameters would be computed
    for every row (parsing through the Hunspell dictionary costs ~10 µs). As a bonus the
    planner, not knowing the query, takes text matches for rare and reaches for the GIN
    indexes rather than filtering another scan (which reads every tsvector)."""
    text = _param("q", TEXT)
    restored = sa_text(_restored(model)).bindparams(bindparam("q", type_=TEXT))
    excluded = sa_text(_restored(model, _EXCLUDED)).bindparams(bindparam("q", type_=TEXT))
    values = select(
        func.websearch_to_tsquery(_PL, restored).label("pl"),
        func.websearch_to_tsquery(_PL_UNACCENT, text).label("plain"),
        func.catalog.unaccent_lower(text).label("norm"),
        func.websearch_to_tsquery(_PL, excluded).label("excluded"),
    ).cte("query")
    return tuple(select(column).scalar_subquery() for column in values.c)  # type: ignore[return-value]


def _ranking_kind(q: str) -> str:
    # Text with diacritics was typed with them: the lemmas suffice, and skipping the second
    # index halves the work of broad queries.
    return "lemmas" if has_diacritics(q) else "lemmas or unaccented"


def _ranking(model: RecordModel, kind: str) -> Ranking:
    """How the query ``:q`` matches and scores.

    ``lemmas``: Polish full text through Hunspell; ``lemmas or unaccented``: also the
    unaccented surface forms, for text typed without diacritics; the score favours title hits
    (weight A) and close titles."""
    q_pl, q_plain, q_norm, q_excluded = _query_values(model)
    lemmas = ("tsv_pl", "catalog.pl", _restored(model))
    lemma_hit = model.tsv_pl.op("@@", return_type=Boolean)(q_pl)
    lemma_rank = cast(func.ts_rank(model.tsv_pl, q_pl), Float)
    if kind == "lemmas":
        return Ranking(
            kind,
            lemma_hit,
            lemma_rank,
            q_norm,
            [(lemma_hit, lemma_rank)],
            (q_pl, null()),
            [lemmas],
        )
    # Lemmas when they match, else the unaccented forms at half weight; a word the query
    # excludes excludes in any form (``-seniorow`` a record that says ``seniorami``).
    excluded_hit = model.tsv_pl.op("@@", return_type=Boolean)(q_excluded)
    plain_hit = and_(
        model.tsv_plain.op("@@", return_type=Boolean)(q_plain),
        ~func.coalesce(excluded_hit, false()),
    )
    plain_rank = cast(0.5 * func.ts_rank(model.tsv_plain, q_plain), Float)
    either: ColumnElement[bool] = or_(lemma_hit, plain_hit)
    rank: ColumnElement[float] = cast(case((lemma_hit, lemma_rank), else_=plain_rank), Float)
    # A practice's tsvectors are large and stored apart from the row (TOAST): each ts_rank
    # reads a whole one, and so does each @@ outside an index. As two parts, the lemma
    # matches cost one read each, and the other part is reached only when the lemma matches
    # do not fill the window (text typed without diacritics that needed them). A provider's
    # are small and in the row: one pass tests both, where two parts would walk a box of
    # providers twice.
    if model is Practice:
        return Ranking(
            kind,
            either,
            rank,
            q_norm,
            [(lemma_hit, lemma_rank), (plain_hit, plain_rank)],
            (q_pl, q_plain),
            [lemmas, ("tsv_plain", "catalog.pl_unaccent", ":q")],
        )
    return Ranking(kind, either, rank, q_norm, [(either, rank)], (q_pl, q_plain), [None])


def _correction(model: RecordModel, ranking: Ranking) -> ColumnElement[str]:
    """When ``:q`` matches no record of ``:statuses`` at all: the text with its misspelt words
    corrected (``Kooperajca`` becomes ``kooperacja``), or NULL when it has none; NULL when it
    matches (migration 0009)."""
    found = getattr(func.catalog, f"{model.__tablename__}_text_found")
    corrected = getattr(func.catalog, f"{model.__tablename__}_corrected_query")
    return case(
        (~found(_param("statuses", _TEXTS), *ranking.queries), corrected(_param("q", TEXT)))
    )


def _distance(model: RecordModel) -> Any:
    """Metres from ``(:near_lon, :near_lat)`` on the sphere: within 0.5 % of the ellipsoid's
    distance, at a fraction of its cost (each match within the circle is measured; for a
    broad text within 50 km that was 15 % of the search)."""
    centre = _point(_param("near_lon", Float), _param("near_lat", Float))
    return cast(
        func.ST_Distance(func.geography(model.geom), func.geography(centre), false()), Float
    )


def _search_values(
    model: RecordModel, params: SearchParams, text: str
) -> tuple[dict[str, Condition], dict[str, Any]]:
    conditions, values = _filters(model, params)
    if text:
        values["q"] = text
    if params.near is not None:
        values["near_lon"], values["near_lat"] = params.near
    return conditions, values


def _sort(params: SearchParams, ranked: bool) -> str:
    sort = params.sort or ("relevance" if ranked else "date")
    if (sort == "relevance" and not ranked) or (sort == "distance" and params.near is None):
        return "date"
    return sort


def _order(sort: str, columns: Any, score: Any = None, distance: Any = None) -> list[Any]:
    """ORDER BY of a sort key over ``columns`` (the table or the window), ties by id."""
    newest = [columns.published_at.desc(), columns.updated_at.desc()]
    if sort == "relevance":
        keys = [score.desc(), *newest]
    elif sort == "distance":
        keys = [distance.asc().nulls_last()]
    elif sort == "title":
        keys = [columns.name_norm.asc()]
    elif sort == "-date":
        keys = [columns.published_at.asc(), columns.updated_at.asc()]
    else:
        keys = newest
    return [*keys, columns.id]


_DEFERRED = ("tsv_pl", "tsv_plain", "name_norm", "territory_prefixes", "search_tokens", "geom")
# Above this many text matches, the exact search ranks relevance among the newest matches
# only: ranking reads every matching tsvector, which would make broad queries cost O(matches).
RANK_WINDOW = 1000
# The public search examines at most SEARCH_WINDOW matches (the first the indexes return):
# when as many match, the total is this number with the relation "gte", facets are counted
# among them and relevance ranks them. Exact totals and ranking of broad queries cost
# O(matches) (a tsvector read per match); services/catalog/README.md "Search" has the why.
SEARCH_WINDOW = schemas.SEARCH_WINDOW


async def search(
    session: AsyncSession,
    model: RecordModel,
    params: SearchParams,
    *,
    limit: int,
    offset: int,
) -> SearchResult:
    """Filtered, sorted page of practices or providers with the exact total and optional
    facets (HSDS paging, exports, the moderation queue; the public list uses
    ``search_window``).

    Text queries use the full-text indexes; when one matches nothing at all, its misspelt
    words are corrected and the corrected text searched instead, so "Kooperajca" still
    finds "Kooperacja"."""
    text = (params.q or "").strip()
    filters, values = _search_values(model, params, text)
    conditions = [build(model) for build in filters.values()]
    if not text:
        return await _search_page(session, model, params, conditions, None, values, limit, offset)
    # A sequential scan must read (detoast) every row's tsvector, which the planner does not
    # cost; the GIN bitmap is exact and touches only the small columns: 5-10x faster for
    # broad queries ("pomocy społecznej" on 100 000 rows: 0.5 s -> 0.08 s).
    await session.execute(sa_text("SET LOCAL enable_seqscan = off"))

    async def page(q: str) -> tuple[Ranking, SearchResult]:
        ranking = _ranking(model, _ranking_kind(q))
        matching = [*conditions, ranking.match]
        found = await _search_page(
            session, model, params, matching, ranking, {**values, "q": q}, limit, offset
        )
        return ranking, found

    try:
        ranking, result = await page(text)
        if result.total == 0:
            corrected = await session.scalar(select(_correction(model, ranking)), values)
            if corrected is not None:
                _, result = await page(corrected)
    finally:
        await session.execute(sa_text("RESET enable_seqscan"))
    return result


async def _search_page(
    session: AsyncSession,
    model: RecordModel,
    params: SearchParams,
    conditions: list[ColumnElement[bool]],
    ranking: Ranking | None,
    values: dict[str, Any],
    limit: int,
    offset: int,
) -> SearchResult:
    """The exact search: the total, the facets of every match and the page."""
    where = and_(*conditions)
    count = select(func.count()).select_from(model).where(where)
    total = int(await session.scalar(count, values) or 0)
    result = SearchResult(rows=[], total=total)
    if params.facets:
        arrays, scalars = facet_names(model)
        columns = [getattr(model, name) for name in (*arrays, *scalars)]
        matched = select(*columns).where(where).cte("matched")
        counted = await session.scalar(select(_facets_json(matched, arrays, scalars)), values)
        result.facets = {name: (counted or {}).get(name) or {} for name in (*arrays, *scalars)}
    if total == 0 or offset >= total:
        return result
    distance = _distance(model) if params.near is not None else None
    sort = _sort(params, ranking is not None)
    score = ranking.score(model) if ranking is not None else None
    row_filter = where
    if sort == "relevance":
        # Whole windows, so that pages inside one window rank consistently.
        window_size = RANK_WINDOW * -(-(offset + limit) // RANK_WINDOW)
        if total > window_size:
            newest = _order("date", model)
            window = select(model.id).where(where).order_by(*newest).limit(window_size)
            row_filter = model.id.in_(window.scalar_subquery())
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
        .order_by(*_order(sort, model, score, distance))
        .limit(limit)
        .offset(offset)
    )
    result.rows = [
        Found(record=row[0], lon=row[1], lat=row[2], distance_m=row[3], score=row[4])
        for row in (await session.execute(query, values)).all()
    ]
    return result


@dataclass(slots=True)
class ListPage:
    """A page of the public search: ``rows`` hold the values of ``list_fields`` in order, the
    JSON documents among them (``list_json_fields``) as text; ``total`` is a lower bound when
    ``exact`` is false; ``more`` says whether a next page may follow."""

    rows: list[Sequence[Any]]
    total: int
    exact: bool
    more: bool
    facets: str | None
    # The text searched instead of the query's, whose misspelt words it corrects.
    correction: str | None = None


def list_fields(model: RecordModel) -> list[str]:
    """The fields of a public list row, in order: those of PracticeOut / ProviderOut."""
    return list((PracticeOut if model is Practice else ProviderOut).model_fields)


def list_json_fields(model: RecordModel) -> set[str]:
    """The fields of a public list row that arrive as JSON text (``location`` arrives as
    ``[lon, lat]``: JSON text would lose the type of 19.0)."""
    table = model.__table__
    documents = {column.key for column in table.c if isinstance(column.type, JSONB)}
    return documents | ({"services"} if model is Provider else set())


def _list_columns(model: RecordModel, distance: Any, score: Any) -> list[Any]:
    """The row of the public list: each field of the output schema, straight from the
    database (no per-value conversion in Python; JSON documents as text)."""
    table = model.__table__
    geom = table.c.geom
    documents = list_json_fields(model)
    columns: list[Any] = []
    for name in list_fields(model):
        if name == "location":
            value: Any = case(
                (geom.is_(None), None), else_=array([func.ST_X(geom), func.ST_Y(geom)])
            )
        elif name == "services":
            value = _services_json(table.c.id)
        elif name == "distance_m":
            value = distance if distance is not None else null()
        elif name == "score":
            value = score if score is not None else null()
        elif name == "metadata":
            value = null()
        elif name in documents:
            value = cast(table.c[name], TEXT)
        else:
            value = table.c[name]
        columns.append(type_coerce(value, NullType()).label(name))
    return columns


def _services_json(provider_id: Any) -> Any:
    """A provider's services as JSON text (the fields of ServiceOut, ordered by name)."""
    service = ProviderService.__table__
    fields = list(ServiceOut.model_fields)
    document = func.json_build_object(
        *(part for name in fields for part in (name, service.c[name]))
    )
    return (
        select(
            cast(
                func.coalesce(
                    func.json_agg(document).aggregate_order_by(service.c.name, service.c.id),
                    literal_column("'[]'::json"),
                ),
                TEXT,
            )
        )
        .where(service.c.provider_id == provider_id)
        .scalar_subquery()
    )


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A statement compiled once: its SQL and what makes its positional parameters."""

    sql: str
    names: tuple[str, ...]
    compiled: Compiled

    def parameters(self, values: dict[str, Any]) -> list[Any]:
        # construct_params adds the statement's own literals to the values given.
        named = self.compiled.construct_params(values) or {}
        return [named[name] for name in self.names]


# The dialect the window statements compile for (the engine's: asyncpg's numbered parameters).
_DIALECT = postgresql_asyncpg.dialect()  # type: ignore[no-untyped-call]
# Compiled window statements by shape (see _filters); a few dozen shapes are in common use.
_STATEMENTS: dict[tuple[Any, ...], _Compiled] = {}
_STATEMENTS_MAX = 512


async def search_window(
    reader: Database,
    model: RecordModel,
    params: SearchParams,
    *,
    limit: int,
    offset: int,
    window: int,
) -> ListPage:
    """The public search: the first ``window`` matches (see ``SEARCH_WINDOW``), their count
    and facets, and the page.

    Text queries use the full-text indexes. When the text matches nothing at all (not merely
    nothing within the other filters) and has misspelt words, the same statement corrects
    them, and the corrected text is searched instead: "Kooperajca" still finds "Kooperacja".
    The page's ``correction`` then says what was searched."""
    text = (params.q or "").strip()
    if text and model is Practice:
        await BROAD_WORDS.refresh(reader)
    page = await _window_search(reader, model, params, text, limit, offset, window)
    if page.total == 0 and page.correction is not None:
        corrected = page.correction
        page = await _window_search(reader, model, params, corrected, limit, offset, window)
        page.correction = corrected
    return page


async def _window_search(
    reader: Database,
    model: RecordModel,
    params: SearchParams,
    text: str,
    limit: int,
    offset: int,
    window: int,
) -> ListPage:
    """One statement for the window, its count and facets, and the page (and with no match,
    the text corrected; see _correction).

    The window is the first matches the plan returns (by distance, the nearest): a bitmap or
    sequential scan gives them in table order. The query's tsquery is a statement-level
    value (see _query_values), so the planner estimates text matches as rare and reaches for
    the GIN index first rather than filtering another scan's rows (which would read every
    row's tsvector)."""
    filters, values = _search_values(model, params, text)
    kind = _ranking_kind(text) if text else None
    sort = _sort(params, kind is not None)
    shape = (model.__name__, tuple(filters), kind, sort, params.facets, params.near is not None)
    compiled = _STATEMENTS.get(shape)
    if compiled is None:
        statement = _window_statement(model, params, filters, kind, sort)
        sql = statement.compile(dialect=_DIALECT)
        compiled = _Compiled(str(sql), tuple(sql.positiontup or ()), sql)
        if len(_STATEMENTS) >= _STATEMENTS_MAX:
            _STATEMENTS.pop(next(iter(_STATEMENTS)))
        _STATEMENTS[shape] = compiled
    values.update(
        window=window,
        page_limit=limit,
        page_offset=offset,
        kth=offset + limit - 1,
        top_k=offset + limit,
    )
    if text:
        values.update(BROAD_WORDS.values(window))
    # SQLAlchemy's work per execution (parameter and result processing, events, the ORM
    # layer) would cost a few times what PostgreSQL needs: the statement is compiled once per
    # shape, its parameters need no conversion, and it runs as is on asyncpg.
    rows = await reader.fetch(compiled.sql, *compiled.parameters(values))
    matched = int(rows[0]["search_matched"])
    page = ListPage(
        rows=[tuple(row)[: -len(_SEARCH_COLUMNS)] for row in rows if row["id"] is not None],
        total=matched,
        exact=matched < window,
        more=False,
        facets=rows[0]["search_facets"],
        correction=rows[0]["search_correction"],
    )
    if page.exact or sort == "relevance":
        page.more = offset + len(page.rows) < page.total
    else:
        # Orders other than relevance page through every match, past the window.
        page.more = len(page.rows) == limit
    return page


class BroadWords:
    """Which text queries to read from the table rather than from a GIN index, by the share
    of practices each word is in: the planner's statistics (``pg_stats.most_common_elems``,
    kept by ANALYZE) of each tsvector column, refreshed every REFRESH_S seconds.

    A GIN index answers a text query with a bitmap of every match before the first row: it
    costs about GIN_ENTRY_US for each entry of the rarest word's list, through which it skips
    along the others (``pomocy``, in 86 % of 100 000 practices: ~10 ms). Reading the table in
    its own order finds the window's matches after window / share rows, at SCAN_ROW_US a row
    (a tsvector in the row; five times that when it lives in TOAST). So a query whose words'
    shares multiply to P, the least being L, is read from the table when
    window / P * SCAN_ROW_US < rows * L * GIN_ENTRY_US. A word without statistics counts as
    rare (shares below MIN_SHARE are not kept)."""

    GIN_ENTRY_US = 0.12
    SCAN_ROW_US: ClassVar[dict[str, float]] = {"tsv_pl": 1.2, "tsv_plain": 6.0}  # (0007)
    MIN_SHARE = 0.02
    REFRESH_S = 600.0
    STATISTICS = (
        "SELECT s.attname::text AS name, s.most_common_elems::text::text[] AS words, "
        "s.most_common_elem_freqs AS shares, c.reltuples::float8 AS rows "
        "FROM pg_catalog.pg_stats AS s JOIN pg_catalog.pg_class AS c "
        "ON c.oid = 'catalog.practice'::regclass "
        "WHERE s.schemaname = 'catalog' AND s.tablename = 'practice' "
        "AND s.attname IN ('tsv_pl', 'tsv_plain')"
    )

    def __init__(self) -> None:
        self.words: dict[str, tuple[list[str], list[float]]] = {}
        self.rows = 0.0
        self._values: dict[int, dict[str, Any]] = {}
        self.loaded_at = -math.inf
        self._lock = asyncio.Lock()

    def values(self, window: int) -> dict[str, Any]:
        """Parameters of the statements, by column: the least product times least share of a
        query's words worth reading from the table, and the words that can reach it (each
        at least its square root, since the product is at most the least share) with their
        shares, as text: asyncpg checks each element of an array parameter in Python, which
        for the few hundred words of the statistics cost ~1 ms a search. Computed once per
        window size and statistics."""
        values = self._values.get(window)
        if values is None:
            values = {}
            for column, row_us in self.SCAN_ROW_US.items():
                index_us = self.rows * self.GIN_ENTRY_US
                least = window * row_us / index_us if index_us else math.inf
                words, shares = self.words.get(column, ([], []))
                kept = [(w, f) for w, f in zip(words, shares, strict=True) if f * f >= least]
                values[f"broad_least_{column}"] = least
                values[f"broad_words_{column}"] = " ".join(w for w, _ in kept)
                values[f"broad_shares_{column}"] = " ".join(f"{f:.4f}" for _, f in kept)
            self._values[window] = values
        return values

    async def refresh(self, reader: Database) -> None:
        if time.monotonic() - self.loaded_at < self.REFRESH_S or self._lock.locked():
            return
        async with self._lock:
            self.loaded_at = time.monotonic()
            words: dict[str, tuple[list[str], list[float]]] = {}
            rows = 0.0
            try:
                statistics = await reader.fetch(self.STATISTICS)
            except Exception as exc:  # searches go on through the indexes, as before
                logger.warning("text statistics unavailable", extra={"error": type(exc).__name__})
                return
            for row in statistics:
                pairs = [
                    (word, float(share))
                    for word, share in zip(row["words"] or [], row["shares"] or [], strict=False)
                    if share >= self.MIN_SHARE
                ]
                words[row["name"]] = ([w for w, _ in pairs], [f for _, f in pairs])
                rows = float(row["rows"])
            self.words, self.rows, self._values = words, rows, {}


BROAD_WORDS = BroadWords()


def _broad_query(column: str, config: str, text: str) -> ColumnElement[bool]:
    """Whether ``text`` (SQL of ``:q``) parsed by ``config`` is cheaper to read from the
    table than from the GIN index of ``column`` (see BroadWords). A CTE: the two branches
    that ask it share one evaluation (the query parsed once through the dictionary)."""
    words, shares, least = (f"broad_{name}_{column}" for name in ("words", "shares", "least"))
    # A word of the query is any of its lemmas (Hunspell gives several: ``innych`` is ``inny``
    # or ``inna``), which share its position: its share is at least the largest of theirs. A
    # word given twice (or two forms of one lemma) narrows nothing: it counts once.
    query = sa_text(
        "SELECT coalesce(exp(sum(ln(share))) * min(share), 0) >= :" + least + " AS broad FROM ("
        "SELECT DISTINCT lemmas, share FROM ("
        f"SELECT array_agg(lexeme ORDER BY lexeme) AS lemmas, "
        f"max(coalesce((string_to_array(:{shares}, ' ')::float8[])"
        f"[array_position(string_to_array(:{words}, ' '), lexeme)], 1e-9)) AS share "
        f"FROM unnest(to_tsvector('{config}'::regconfig, {text})) AS lemma, "
        "unnest(lemma.positions) AS position GROUP BY position"
        ") AS words) AS shares"
    ).bindparams(
        bindparam(words, type_=TEXT),
        bindparam(shares, type_=TEXT),
        bindparam(least, type_=Float),
        bindparam("q", type_=TEXT),
    )
    answer = query.columns(result_column("broad", Boolean)).cte(f"broad_{column}")
    broad: ColumnElement[bool] = select(answer.c.broad).scalar_subquery()
    return broad


# The columns of a window statement after those of the list row, on every row.
_SEARCH_COLUMNS = ("search_matched", "search_facets", "search_correction")


def _window_statement(
    model: RecordModel,
    params: SearchParams,
    filters: dict[str, Condition],
    kind: str | None,
    sort: str,
) -> Any:
    """The window of the first ``:window`` matches (the nearest, by distance), their count
    and facets, and the page (``:page_limit`` from ``:page_offset``): relevance ranks the
    window; other orders take the page from the window when it holds every match (or, by
    distance, the page), else from all matches."""
    nearest = sort == "distance"
    ranking = _ranking(model, kind) if kind is not None else None
    distance = _distance(model) if params.near is not None else None
    # By distance each match's distance is computed for the order anyway: the circle test
    # reuses it (a second spheroid computation per row would cost ~4 µs).
    in_circle = nearest and "near" in filters
    conditions = [
        build(model) if not (in_circle and name == "near") else _near_box(model)
        for name, build in filters.items()
    ]
    columns: list[Any] = [model.id, model.published_at, model.updated_at]
    relevance = sort == "relevance" and ranking is not None
    if sort == "title" or relevance:
        columns.append(model.name_norm)
    if distance is not None:
        columns.append(distance.label("distance"))
    arrays, scalars = facet_names(model) if params.facets else ((), ())
    columns += [getattr(model, name) for name in (*arrays, *scalars)]
    window = bindparam("window", type_=Integer)
    parts: list[tuple[ColumnElement[bool] | None, Any]] = [(None, None)]
    if ranking is not None:
        parts = [(match, rank if relevance else None) for match, rank in ranking.parts]
    # By distance the window is the nearest matches: they are all measured anyway to sort
    # them, so the page and the count come from one pass. Otherwise it is the first matches
    # of each part in turn; a later part runs only if the window has room, and then the
    # earlier parts are complete: their ids tell what is new (an anti-join, where testing the
    # earlier match on each row would read its tsvector).
    selects: list[Any] = []
    for index, (match, rank) in enumerate(parts):
        base = (
            select(*columns, *([rank.label("rank")] if rank is not None else []))
            .where(*conditions)
            .where(*(model.id.not_in(select(earlier.c.id)) for earlier in selects))
        )
        part = base.where(match) if match is not None else base
        scan = ranking.scans[index] if ranking is not None else None
        if scan is not None and match is not None:
            # A broad text is tested on each row the other filters' indexes give (or, with
            # none, each row of the table in its own order) rather than read from its GIN
            # index: IS TRUE is the same test, but one no index answers. The second branch
            # runs only if the first does not.
            broad = _broad_query(*scan)
            by_scan = base.where(broad, match.is_(True))
            by_index = part.where(~broad)
            if not nearest:
                by_scan, by_index = by_scan.limit(window), by_index.limit(window)
            part = select(union_all(by_scan, by_index).subquery(f"scan_{index}"))
        if not nearest:
            part = part.limit(window)
        elif in_circle:
            # OFFSET 0 keeps the circle test out of the scan, where it would compute the
            # distance a second time.
            part = part.offset(0)
        selects.append(part.cte(f"part_{index}") if len(parts) > 1 else part)
    matches = (
        selects[0].subquery("part")
        if len(selects) == 1
        else union_all(*(select(part) for part in selects)).subquery("part")
    )
    ordered = select(matches)
    if in_circle:
        ordered = ordered.where(matches.c.distance <= _param("radius_m", Float))
    if nearest:
        ordered = ordered.order_by(matches.c.distance, matches.c.id)
    win = ordered.limit(window).cte("win").prefix_with("MATERIALIZED")
    matched = select(func.count().label("n")).select_from(win).subquery("matched")

    score: Any = None
    page_filter: list[ColumnElement[bool]] = []
    if relevance and ranking is not None:
        # The exact top k = offset + limit by rank + bonus, computing the bonus (a trigram
        # comparison, ~6 µs, the costly part) only for rows that can reach it. The k best
        # by rank have k scores; the k-th best of them is at most the k-th best score of
        # all, and the bonus is at most TITLE_BONUS, so a row ranked TITLE_BONUS below that
        # floor cannot reach the top k. Where those k titles are close to the query (the
        # usual case) the floor rises by nearly TITLE_BONUS and few rows remain; bounded by
        # the k-th best rank alone, every row of the window remained whenever ranks are
        # small (a single word: ts_rank ~0.06-0.1).
        score = cast(win.c.rank + TITLE_BONUS * ranking.bonus(win.c.name_norm), Float)
        best = (
            select(win.c.rank, win.c.name_norm)
            .order_by(win.c.rank.desc())
            .limit(bindparam("top_k", type_=Integer))
            .subquery("best_by_rank")
        )
        best_score = cast(best.c.rank + TITLE_BONUS * ranking.bonus(best.c.name_norm), Float)
        floor = (
            select(best_score)
            .order_by(best_score.desc())
            .offset(bindparam("kth", type_=Integer))
            .limit(1)
            .scalar_subquery()
        )
        # (A hair below: rank + bonus - TITLE_BONUS may round above the rank itself.)
        reach = TITLE_BONUS + 1e-9
        page_filter.append(win.c.rank >= func.coalesce(floor, 0.0) - reach)
    limit = bindparam("page_limit", type_=Integer)
    offset = bindparam("page_offset", type_=Integer)
    # Other orders: the window holds every match when it is not full; by distance it also
    # holds the nearest ones, enough for a page inside it.
    in_window = select(matched.c.n).scalar_subquery() < window
    if nearest:
        in_window = or_(in_window, offset + limit <= window)
    if not relevance:
        page_filter.append(in_window)
    window_distance = win.c.distance if distance is not None else None
    order = _order(sort, win.c, score, window_distance)
    pages = [
        select(
            win.c.id,
            (score if score is not None else literal(None, Float)).label("score"),
            (window_distance if window_distance is not None else literal(None, Float)).label(
                "distance"
            ),
            func.row_number().over(order_by=order).label("position"),
        )
        .where(*page_filter)
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    ]
    if not relevance:
        # A full window does not hold every match: the page then comes from all of them, in
        # the order an index may give (PostgreSQL runs only the branch whose filter holds).
        everywhere = _order(sort, model, None, distance)
        matching = [
            *(build(model) for build in filters.values()),
            *([ranking.match] if ranking is not None else []),
        ]
        pages.append(
            select(
                model.id,
                literal(None, Float).label("score"),
                (distance if distance is not None else literal(None, Float)).label("distance"),
                func.row_number().over(order_by=everywhere).label("position"),
            )
            .where(*matching, ~in_window)
            .order_by(*everywhere)
            .limit(limit)
            .offset(offset)
        )
    page = (pages[0] if len(pages) == 1 else union_all(*pages)).subquery("page")
    table = model.__table__
    facets: Any = null()
    if params.facets:
        facets = cast(_facets_json(win, arrays, scalars), TEXT)
    correction: Any = null()
    if ranking is not None:
        correction = case((matched.c.n == 0, _correction(model, ranking)))
    return (
        select(
            *_list_columns(model, page.c.distance, page.c.score),
            matched.c.n.label(_SEARCH_COLUMNS[0]),
            type_coerce(facets, NullType()).label(_SEARCH_COLUMNS[1]),
            type_coerce(correction, NullType()).label(_SEARCH_COLUMNS[2]),
        )
        .select_from(matched)
        .outerjoin(page.join(table, table.c.id == page.c.id), true())
        .order_by(page.c.position)
    )


def facet_names(model: RecordModel) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The array and the scalar facets of a model."""
    if model is Practice:
        return PRACTICE_FACETS, PRACTICE_SCALAR_FACETS
    return PROVIDER_FACETS, PROVIDER_SCALAR_FACETS


def _facets_json(rows: Any, arrays: Sequence[str], scalars: Sequence[str]) -> Any:
    """``{facet: {code: count}}`` over ``rows``, counts descending, then codes (a facet
    without values is null). One small aggregation per facet: sorting each facet's codes
    apart costs less than sorting every (facet, code) pair together."""

    def counts(codes: Any) -> Any:
        code = codes.c.code
        counted = select(code, func.count().label("n")).group_by(code).subquery("facet_count")
        return select(
            func.json_object_agg(counted.c.code, counted.c.n).aggregate_order_by(
                counted.c.n.desc(), counted.c.code.collate("C")
            )
        ).scalar_subquery()

    by_facet: list[Any] = []
    for name in arrays:
        codes = select(func.unnest(rows.c[name]).label("code")).subquery(f"{name}_code")
        by_facet += [literal(name), counts(codes)]
    for name in scalars:
        column = rows.c[name]
        codes = select(column.label("code")).where(column.isnot(None)).subquery(f"{name}_code")
        by_facet += [literal(name), counts(codes)]
    return func.json_build_object(*by_facet, type_=JSON)


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
            _any_of(
                Practice.search_tokens,
                [
                    *search_tokens("a", practice.service_areas),
                    *search_tokens("g", practice.target_groups),
                    *search_tokens("c", practice.categories),
                ],
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
