"""The one search of the catalogue, for every list: the public lists (a window of the first
``SEARCH_WINDOW`` matches), and the exact lists (HSDS paging, exports, the moderation queue:
every match). One statement a search, on raw asyncpg: its count, facets, page and (when the
text matches nothing) the text corrected; a corrected text is searched once more.

The statement is put together from the literal SQL below, once per shape of search (which
filters, the kind of text query, the order, facets; see ``_statement``), and kept: only the
values change between searches. services/catalog/README.md ("Search") has the why of each
part: the window, the parts of a text query, broad words read from the table, the page's
title-bonus floor."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from catalog import schemas, search_terms
from catalog.read import broad_words
from catalog.read.records import item
from catalog.read.sql import RECORD_COLUMNS, TABLES
from catalog.schemas import SearchParams
from shared.db.raw import Database, Statement, compile_sql

Kind = Literal["practice", "provider"]
TextKind = Literal["lemmas", "lemmas or unaccented"]

# The public search examines at most SEARCH_WINDOW matches (the first the indexes return):
# when as many match, the total is this number with the relation "gte", facets are counted
# among them and relevance ranks them (services/catalog/README.md, "Search").
SEARCH_WINDOW = schemas.SEARCH_WINDOW
# The window of the exact searches: every match.
EVERY_MATCH = 2_000_000_000
# Weight of the title's closeness to the query; word_similarity is at most 1, so the bonus is
# at most this (the page's floor relies on that bound).
TITLE_BONUS = search_terms.TITLE_BONUS

FACETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # (array facets, scalar facets)
    "practice": (
        ("service_areas", "target_groups", "categories"),
        ("lifecycle_status", "evidence_level", "voivodeship"),
    ),
    "provider": (("service_areas", "target_groups"), ("provider_type", "voivodeship")),
}

# --- filters: one condition each, over the record ``r`` ------------------------------------------

STATUSES = "r.status = ANY (:statuses::text[])"
# search_tokens (migration 0007) holds every code a search filters by, prefixed by what it is:
# several filters are keys of one GIN index scan.
TOKENS = {
    name: f"(r.search_tokens && :{name}::text[])"
    for name in (
        "service_areas",
        "target_groups",
        "territory",
        "provider_types",
        "categories",
        "lifecycle",
        "evidence",
    )
}
TOKEN_PREFIXES = {
    "service_areas": "a",
    "target_groups": "g",
    "categories": "c",
    "territory": "t",
    "provider_types": "k",
    "lifecycle": "l",
    "evidence": "e",
}
VOIVODESHIP = "r.voivodeship = :voivodeship::varchar"
MODIFIED_AFTER = "r.updated_at > :modified_after::timestamptz"
BBOX = (
    "(r.geom && ST_MakeEnvelope(:bbox_0::float8, :bbox_1::float8, :bbox_2::float8, "
    ":bbox_3::float8, 4326))"
)
CENTRE = "ST_SetSRID(ST_MakePoint(:near_lon::float8, :near_lat::float8), 4326)"
# The box around the circle (index-backed), then the circle on the sphere.
NEAR_BOX = f"(r.geom && ST_Expand({CENTRE}, :radius_lon_deg::float8, :radius_lat_deg::float8))"
# Metres on the sphere (PostGIS's radius), within 0.5 % of the ellipsoid's: the haversine on
# the point's coordinates, what ST_Distance(geography, geography, false) computes to a micrometre
# at a quarter of its cost (it reads both geometries anew on every row: ~4 µs against ~1).
DISTANCE = (
    "(12742017.5428::float8 * asin(sqrt("
    "sin(radians(ST_Y(r.geom) - :near_lat::float8) / 2) ^ 2 + "
    ":near_cos_lat::float8 * cos(radians(ST_Y(r.geom))) "
    "* sin(radians(ST_X(r.geom) - :near_lon::float8) / 2) ^ 2)))"
)
NEAR = f"({NEAR_BOX} AND {DISTANCE} <= :radius_m::float8)"
WITHIN_UNIT = (
    "ST_Intersects(r.geom, "
    "(SELECT u.geom FROM geo.territorial_unit AS u WHERE u.code = :within::varchar))"
)
WITHIN = f"((r.search_tokens && :within_prefixes::text[]) OR {WITHIN_UNIT})"
IMPLEMENTED_BY = "r.implementer_provider_id = :organization_id::uuid"
ORGANIZATION = "r.id = :organization_id::uuid"
# A practice overlaps the years asked for; unknown years do not exclude it.
YEAR_FROM = "coalesce(r.end_year, r.start_year, :year_from::integer) >= :year_from::integer"
YEAR_TO = "coalesce(r.start_year, r.end_year, :year_to::integer) <= :year_to::integer"
NOTHING = "false"

# --- text: the analysed query, computed once per statement ----------------------------------------

KINDS: tuple[Kind, ...] = ("practice", "provider")


def _score(rank: str, name_norm: str) -> str:
    """Rank plus TITLE_BONUS times the title's trigram closeness to the query."""
    return (
        f"({rank} + {TITLE_BONUS}::float8 * "
        f"word_similarity({search_terms.Q_TITLE}, {name_norm})::float8)"
    )


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a text query's matches: ``match`` each record is tested with, ``guard``
    whether the part runs at all (a one-time test), its ``rank``, and ``broad``: whether its
    words are broad enough to read the table in its own order (testing each row) rather than
    the GIN index, which answers with a bitmap of every match before the first row
    (broad_words.BroadWords, a column of the ``broad`` CTE)."""

    match: str
    guard: str | None
    rank: str
    broad: str


@dataclass(frozen=True, slots=True)
class Ranking:
    """How a text query matches (``catalog.search_terms``): ``parts``, the records holding
    every term, then, when they are few, those holding most of them (at most
    ``:fallback_window``), ranked below; a match of the second part is one the first lacks.
    ``match``: every match of both, for the orders that page past the window. ``broad``: the
    CTE of whether each part's words are broad (``Part.broad`` names its column)."""

    match: str
    parts: tuple[Part, ...]
    broad: str


RANKING = Ranking(
    match=search_terms.ANY_PART.format(first_part="part_0"),
    parts=(
        Part(search_terms.ALL_TERMS, None, search_terms.ALL_TERMS_RANK, "all_terms"),
        Part(
            search_terms.MOST_TERMS,
            search_terms.FALLBACK_NEEDED.format(first_part="part_0"),
            search_terms.MOST_TERMS_RANK,
            "most_terms",
        ),
    ),
    broad=(
        f"broad AS (SELECT {search_terms.ALL_TERMS_BROAD} AS all_terms, "
        f"{search_terms.MOST_TERMS_BROAD} AS most_terms)"
    ),
)


# --- the statement --------------------------------------------------------------------------------


def _matched(fallback: str) -> str:
    """The window's count, and how many records the fallback (part 1) found: ``fallback``
    (before the circle test, which may leave fewer of them in the window)."""
    return f"(SELECT count(*) AS n, {fallback} AS fallback FROM win) AS matched"


# (A hair above the bonus: rank + bonus - TITLE_BONUS may round above the rank itself.)
REACH = TITLE_BONUS + 1e-9


def _order(sort: str, at: str, score: str | None = None, distance: str | None = None) -> str:
    """ORDER BY of a sort key over ``at`` (the window or the record), ties by id."""
    newest = f"{at}.published_at DESC, {at}.updated_at DESC"
    keys = {
        "relevance": f"{score} DESC, {newest}",
        "distance": f"{distance} ASC NULLS LAST",
        "title": f"{at}.name_norm ASC",
        "-date": f"{at}.published_at ASC, {at}.updated_at ASC",
    }.get(sort, newest)
    return f"{keys}, {at}.id"


def _facets_json(kind: Kind) -> str:
    """``{facet: {code: count}}`` over the window, counts descending, then codes (a facet
    without values is null): one small aggregation per facet."""

    def counted(codes: str) -> str:
        return (
            "(SELECT json_object_agg(facet_count.code, facet_count.n "
            'ORDER BY facet_count.n DESC, facet_count.code COLLATE "C") '
            f"FROM (SELECT codes.code, count(*) AS n FROM ({codes}) AS codes "
            "GROUP BY codes.code) AS facet_count)"
        )

    arrays, scalars = FACETS[kind]
    parts = [
        f"'{name}', {counted(f'SELECT unnest(win.{name}) AS code FROM win')}" for name in arrays
    ]
    parts += [
        f"'{name}', " + counted(f"SELECT win.{name} AS code FROM win WHERE win.{name} IS NOT NULL")
        for name in scalars
    ]
    return f"json_build_object({', '.join(parts)})::text"


def _statement(
    kind: Kind,
    filters: Mapping[str, str],
    ranking: Ranking | None,
    sort: str,
    *,
    facets: bool,
    near: bool,
) -> str:
    """The window of the first ``:window`` matches (the nearest, by distance), their count and
    facets, and the page (``:page_limit`` from ``:page_offset``): relevance ranks the window;
    other orders take the page from the window when it holds every match (or, by distance,
    the page), else from all matches."""
    table = TABLES[kind]
    nearest = sort == "distance"
    # By distance each match is measured for the order anyway: the circle test reuses it.
    in_circle = nearest and "near" in filters
    conditions = [
        NEAR_BOX if in_circle and name == "near" else condition
        for name, condition in filters.items()
    ]
    relevance = sort == "relevance" and ranking is not None
    columns = ["r.id", "r.published_at", "r.updated_at"]
    if sort == "title" or relevance:
        columns.append("r.name_norm")
    if near:
        columns.append(f"{DISTANCE} AS distance")
    arrays, scalars = FACETS[kind] if facets else ((), ())
    columns += [f"r.{name}" for name in (*arrays, *scalars)]
    ctes = [search_terms.TEXT_QUERY_CTE[kind], ranking.broad] if ranking is not None else []
    parts: Sequence[Part | None] = ranking.parts if ranking is not None else [None]
    unfiltered = set(filters) == {"statuses"}
    # The matches of each part in turn (by distance: all of the first, to sort them); the
    # second runs only when the first has few, and then its ids tell what is new.
    earlier: list[str] = []
    single = ""
    for index, text in enumerate(parts):
        selected = ", ".join(
            [
                *columns,
                f"{index} AS part",
                *([f"{text.rank} AS rank"] if relevance and text is not None else []),
            ]
        )
        where = " AND ".join(
            [
                *conditions,
                *(f"r.id NOT IN (SELECT {name}.id FROM {name})" for name in earlier),
                *([text.guard] if text is not None and text.guard is not None else []),
            ]
        )
        base = f"SELECT {selected} FROM {table} AS r WHERE {where}"
        part = base
        if text is not None and (index == 0 or unfiltered):
            # Broad words: tested on each row the other filters' indexes give (or the table
            # in its own order) rather than read from the GIN index; IS TRUE is the same test,
            # but one no index answers. The second branch runs only if the first does not.
            # (The fallback's rule counts on the table's order: under other filters a scan
            # reads every row they leave when few of them match.)
            limit = ":window::integer" if index == 0 else ":fallback_window::integer"
            broad = f"(SELECT broad.{text.broad} FROM broad)"
            by_scan = f"{base} AND {broad} AND {text.match} IS true"
            by_index = f"{base} AND {text.match} AND NOT {broad}"
            if index > 0 or not nearest:
                by_scan, by_index = f"({by_scan} LIMIT {limit})", f"({by_index} LIMIT {limit})"
            part = f"SELECT * FROM ({by_scan} UNION ALL {by_index}) AS scan_{index}"
        elif text is not None:
            part = f"{base} AND {text.match}"
        if index > 0:
            # The fallback stops at :fallback_window records, in no order (by distance, every
            # one: the window then holds the nearest matches of both parts).
            part += " LIMIT :fallback_window::integer"
        elif not nearest:
            part += " LIMIT :window::integer"
        elif in_circle:
            part += " OFFSET 0"  # keeps the circle test out of the scan (one distance a row)
        if len(parts) > 1:
            ctes.append(f"part_{index} AS ({part})")
            earlier.append(f"part_{index}")
        else:
            single = part
    matched = _matched("(SELECT count(*) FROM part_1)" if len(parts) > 1 else "0")
    matches = single or " UNION ALL ".join(f"SELECT * FROM {name}" for name in earlier)
    ordered = f"SELECT * FROM ({matches}) AS part"
    if in_circle:
        ordered += " WHERE part.distance <= :radius_m::float8"
    if nearest:
        ordered += " ORDER BY part.distance, part.id"
    ctes.append(f"win AS MATERIALIZED ({ordered} LIMIT :window::integer)")

    score = None
    page_filter: list[str] = []
    if relevance:
        # The exact top k = offset + limit by score, computing the title bonus (the costly
        # part) only for rows that can reach it: the k-th best score among the k best ranks
        # is a floor, and a row ranked more than TITLE_BONUS below it cannot reach the page.
        score = _score("win.rank", "win.name_norm")
        best = _score("best_by_rank.rank", "best_by_rank.name_norm")
        floor = (
            f"(SELECT {best} AS score FROM (SELECT win.rank, win.name_norm FROM win "
            "ORDER BY win.rank DESC LIMIT :top_k::integer) AS best_by_rank "
            "ORDER BY score DESC LIMIT 1 OFFSET :kth::integer)"
        )
        page_filter.append(f"win.rank >= coalesce({floor}, 0.0) - {REACH}")
    # The window holds every match when it is not full (nor its fallback); by distance it
    # also holds the nearest ones, enough for a page inside it.
    in_window = (
        "(SELECT matched.fallback < :fallback_window::integer AND (matched.n < :window::integer"
        + (
            " OR :page_offset::integer + :page_limit::integer <= :window::integer"
            if nearest
            else ""
        )
        + f") FROM {matched})"
    )
    if not relevance:
        page_filter.append(in_window)
    window_distance = "win.distance" if near else None
    order = _order(sort, "win", score, window_distance)
    filtered = f" WHERE {' AND '.join(page_filter)}" if page_filter else ""
    pages = [
        f"(SELECT win.id, {score or 'NULL::float8'} AS score, "
        f"{window_distance or 'NULL::float8'} AS distance, "
        f"row_number() OVER (ORDER BY {order}) AS position FROM win{filtered} "
        f"ORDER BY {order} LIMIT :page_limit::integer OFFSET :page_offset::integer)"
    ]
    if not relevance:
        # A full window does not hold every match: the page then comes from all of them, in
        # the order an index may give (PostgreSQL runs only the branch whose filter holds).
        everywhere = _order(sort, "r", None, DISTANCE if near else None)
        matching = [*filters.values(), *([ranking.match] if ranking is not None else [])]
        pages.append(
            f"(SELECT r.id, NULL::float8 AS score, {DISTANCE if near else 'NULL::float8'} "
            f"AS distance, row_number() OVER (ORDER BY {everywhere}) AS position "
            f"FROM {table} AS r WHERE {' AND '.join(matching)} AND NOT {in_window} "
            f"ORDER BY {everywhere} LIMIT :page_limit::integer OFFSET :page_offset::integer)"
        )
    corrections = search_terms.CORRECTIONS if ranking is not None else "NULL::text[]"
    return (
        f"WITH {', '.join(ctes)} "
        f"SELECT {RECORD_COLUMNS[kind]}, page.distance AS distance_m, page.score AS score, "
        "NULL AS metadata, matched.n AS search_matched, matched.fallback AS search_fallback, "
        f"{_facets_json(kind) if facets else 'NULL'} AS search_facets, "
        f"{corrections} AS search_correction "
        f"FROM {matched} LEFT OUTER JOIN (({' UNION ALL '.join(pages)}) AS page "
        f"JOIN {table} AS r ON r.id = page.id) ON true ORDER BY page.position"
    )


def _filters(kind: Kind, params: SearchParams) -> tuple[dict[str, str], dict[str, Any]]:
    """The conditions of a search by name, and the values of their parameters."""
    conditions = {"statuses": STATUSES}
    values: dict[str, Any] = {"statuses": list(params.statuses)}
    codes: dict[str, Sequence[str]] = {
        "service_areas": params.service_areas,
        "target_groups": params.target_groups,
        "territory": [params.territory] if params.territory else [],
        # a practice's implementer type, a provider's own type
        "provider_types": params.provider_types,
    }
    if kind == "practice":
        codes.update(
            categories=params.categories, lifecycle=params.lifecycle, evidence=params.evidence
        )
    for name, given in codes.items():
        if given:
            conditions[name] = TOKENS[name]
            values[name] = search_tokens(TOKEN_PREFIXES[name], given)
    if params.voivodeship:
        conditions["voivodeship"] = VOIVODESHIP
        values["voivodeship"] = params.voivodeship
    if params.modified_after is not None:
        conditions["modified_after"] = MODIFIED_AFTER
        values["modified_after"] = params.modified_after
    if params.bbox is not None:
        conditions["bbox"] = BBOX
        values.update({f"bbox_{n}": float(value) for n, value in enumerate(params.bbox)})
    if params.near is not None:
        lon, lat = params.near
        values.update(
            near_lon=float(lon), near_lat=float(lat), near_cos_lat=math.cos(math.radians(lat))
        )
        if params.radius_m is not None:
            # The box around the circle in degrees: a degree of longitude is 111.32 km x
            # cos(lat), a degree of latitude at least 110.574 km (at the equator).
            conditions["near"] = NEAR
            cos_lat = max(math.cos(math.radians(lat)), 0.01)
            values.update(
                radius_m=float(params.radius_m),
                radius_lon_deg=params.radius_m / (111_320.0 * cos_lat),
                radius_lat_deg=params.radius_m / 110_574.0,
            )
    if params.within:
        district = "-" in params.within
        conditions["within_district" if district else "within"] = (
            WITHIN_UNIT if district else WITHIN
        )
        values["within"] = params.within
        values["within_prefixes"] = search_tokens("t", [params.within])
    if params.organization_id is not None:
        conditions["organization_id"] = IMPLEMENTED_BY if kind == "practice" else ORGANIZATION
        values["organization_id"] = params.organization_id
    if kind == "practice":
        if params.year_from is not None:
            conditions["year_from"] = YEAR_FROM
            values["year_from"] = params.year_from
        if params.year_to is not None:
            conditions["year_to"] = YEAR_TO
            values["year_to"] = params.year_to
    elif params.categories or params.lifecycle or params.evidence:
        conditions["practice_only"] = NOTHING
    return conditions, values


def search_tokens(prefix: str, codes: Sequence[str]) -> list[str]:
    """Codes as ``search_tokens`` holds them (``a:social_assistance``)."""
    return [f"{prefix}:{code}" for code in codes]


def _sort(params: SearchParams, ranked: bool) -> str:
    sort = params.sort or ("relevance" if ranked else "date")
    if (sort == "relevance" and not ranked) or (sort == "distance" and params.near is None):
        return "date"
    return sort


# Statements by shape (see _statement); a few dozen shapes are in common use.
_STATEMENTS: dict[tuple[Any, ...], Statement] = {}
_STATEMENTS_MAX = 512


@dataclass(slots=True)
class Found:
    """A page of a search: ``items`` are records as the list shows them (``records.item``);
    ``total`` is a lower bound when ``exact`` is false, and then ``more`` says whether a next
    page may follow; ``correction`` is the text searched instead of the query's."""

    items: list[dict[str, Any]]
    total: int
    exact: bool
    more: bool
    facets: dict[str, dict[str, int]] | None
    correction: str | None = None


async def search(
    reader: Database,
    *,
    kind: Kind,
    params: SearchParams,
    limit: int,
    offset: int,
    window: int | None = None,
) -> Found:
    """Records of ``kind`` matching ``params``: the first ``window`` matches (by default
    SEARCH_WINDOW; EVERY_MATCH for an exact list), their count and facets, and the page.

    A text query (``catalog.search_terms``) matches the records holding every term, then,
    when they are few, those holding most of them (at most FALLBACK_WINDOW of them in a
    public list, every one in an exact list). Misspelt words are corrected in the statement
    itself: "Kooperajca" finds "Kooperacja", and ``correction`` says so."""
    window = SEARCH_WINDOW if window is None else window
    query = search_terms.analyse(params.q) if params.q else None
    filters, values = _filters(kind, params)
    sort = _sort(params, query is not None)
    near = params.near is not None
    shape = (kind, tuple(filters), query is not None, sort, params.facets, near)
    statement = _STATEMENTS.get(shape)
    if statement is None:
        ranking = RANKING if query is not None else None
        statement = compile_sql(
            _statement(kind, filters, ranking, sort, facets=params.facets, near=near)
        )
        if len(_STATEMENTS) >= _STATEMENTS_MAX:
            _STATEMENTS.pop(next(iter(_STATEMENTS)))
        _STATEMENTS[shape] = statement
    # An exact list holds every match, partial ones too; so does a list by distance, whose
    # nearest partial matches come before farther full ones (read once: the page then comes
    # from the window, not from a second reading of every match).
    every_partial = window == EVERY_MATCH or sort == "distance"
    fallback_window = EVERY_MATCH if every_partial else search_terms.FALLBACK_WINDOW
    values.update(
        window=window,
        fallback_window=fallback_window,
        page_limit=limit,
        page_offset=offset,
        kth=offset + limit - 1,
        top_k=offset + limit,
    )
    if query is not None:
        await broad_words.BROAD_WORDS.refresh(reader)
        values.update(query.parameters(params.statuses))
        values["broad_least"] = broad_words.BROAD_WORDS.least(kind, window)
        values["broad_most_least"] = broad_words.BROAD_WORDS.least(kind, fallback_window)
    rows = await reader.fetch(statement.sql, *statement.arguments(values))
    matched = int(rows[0]["search_matched"])
    found = Found(
        items=[item(kind, list(row.values())) for row in rows if row["id"] is not None],
        total=matched,
        exact=matched < window and int(rows[0]["search_fallback"]) < fallback_window,
        more=False,
        facets=facet_counts(kind, rows[0]["search_facets"]) if params.facets else None,
        correction=query.corrected(rows[0]["search_correction"]) if query is not None else None,
    )
    if found.exact or sort == "relevance":
        found.more = offset + len(found.items) < found.total
    else:
        # Orders other than relevance page through every match, past the window.
        found.more = len(found.items) == limit
    return found


def facet_counts(kind: Kind, counted: str | None) -> dict[str, dict[str, int]]:
    """Every facet of the kind with the counts found (JSON text; empty facets are absent)."""
    found = orjson.loads(counted) if counted else {}
    arrays, scalars = FACETS[kind]
    return {name: found.get(name) or {} for name in (*arrays, *scalars)}
