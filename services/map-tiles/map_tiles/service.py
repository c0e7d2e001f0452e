"""Rules of map-tiles: parse and validate requests, resolve the release and its class breaks,
render through the repository and cache what was rendered."""

from __future__ import annotations

import asyncio
import calendar
import re
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from map_tiles import repository
from map_tiles.cache import RenderCache, Rendered, rendered, rendered_compressed
from map_tiles.collections import (
    CLASS_COLOURS,
    COLLECTIONS,
    MAX_ZOOM,
    MIN_ZOOM,
    NO_DATA_COLOUR,
    SUPPRESSED_COLOUR,
    Collection,
)
from map_tiles.cql2 import compile_filter
from map_tiles.repository import Filters, Selection, TileRequest
from map_tiles.schemas import (
    Categories,
    CategoryLabel,
    LabelCollection,
    LabelFeature,
    LabelProperties,
    Legend,
    LegendClass,
    LegendEntry,
    Point,
    QueryableProperty,
    Queryables,
    ReleaseOptions,
)
from map_tiles.settings import MapTilesSettings
from shared import codes
from shared.db.raw import Database
from shared.errors import BadRequest, NotFound
from shared.geo import bbox
from shared.jsonutil import dumps

TMS = "WebMercatorQuad"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
# EPSG:4326 as registered: latitude first. Accepted for a bbox only (`bbox-crs`); output is
# CRS84 (OGC API - Features Part 2 would need `crs` to offer it too).
EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326"
BBOX_CRS = (CRS84, EPSG_4326)
GEOJSON = "application/geo+json"
MVT = "application/vnd.mapbox-vector-tile"
MEASURES = ("persons", "households")
SOURCES = ("ops", "pup", "both", "all")
INDICATORS = ("rate", "value")
CLASSES = len(CLASS_COLOURS)

# Matched whole (fullmatch): `$` would let a trailing newline through. A unit code of any
# level (TERC or district): a unit's feature id, or a territory (the units it prefixes).
UNIT = re.compile(codes.UNIT_RE)
CATEGORY = re.compile(r"[a-z0-9_]{1,64}")
PERIOD = re.compile(codes.PERIOD_RE)
# `datetime` as the interval of one year or quarter: dates, or date-times from the first to the
# last second of the days.
DATETIME = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:T00:00:00(?:\.0+)?Z)?"
    r"/([0-9]{4}-[0-9]{2}-[0-9]{2})(?:T23:59:59(?:\.9+)?Z)?"
)
DATETIME_EXAMPLE = "2024-01-01/2024-12-31 (a year) or 2024-04-01/2024-06-30 (a quarter)"


# --- parsing ------------------------------------------------------------------------------------


def get_collection(collection_id: str) -> Collection:
    collection = COLLECTIONS.get(collection_id)
    if collection is None:
        raise NotFound(
            f"No collection '{collection_id[:64]}'; see /v1/collections.",
            detail_pl=f"Nie ma kolekcji '{collection_id[:64]}'.",
        )
    return collection


def get_collections(ids: str) -> list[Collection]:
    """Collections of a comma-separated list (a multi-layer tile), in order, without repeats."""
    names = [name for name in dict.fromkeys(ids.split(",")) if name]
    if not names or len(names) > len(COLLECTIONS):
        raise NotFound("No such collection; see /v1/collections.")
    return [get_collection(name) for name in names]


def _choice(query: Mapping[str, str], name: str, pattern: re.Pattern[str]) -> str | None:
    raw = query.get(name)
    if raw is None or raw == "":
        return None
    if not pattern.fullmatch(raw):
        raise BadRequest(f"'{name}' is not valid: {raw[:40]!r}.", parameter=name)
    return raw


def _one_of(query: Mapping[str, str], name: str, allowed: tuple[str, ...]) -> str | None:
    raw = query.get(name)
    if raw is None or raw == "":
        return None
    if raw not in allowed:
        raise BadRequest(f"'{name}' must be one of {', '.join(allowed)}.", parameter=name)
    return raw


def parse_bbox(query: Mapping[str, str]) -> bbox.BBox | None:
    """``bbox`` in longitude/latitude order, from CRS84 (the default) or EPSG:4326
    (``bbox-crs``, latitude first)."""
    crs = query.get("bbox-crs") or CRS84
    if crs not in BBOX_CRS:
        raise BadRequest(
            f"'bbox-crs' must be {CRS84} (the default) or {EPSG_4326} (latitude first).",
            parameter="bbox-crs",
        )
    raw = query.get("bbox")
    if raw is None or raw == "":
        return None
    try:
        return bbox.parse_bbox(raw, lat_lon=crs == EPSG_4326)
    except ValueError as exc:
        raise BadRequest(str(exc), parameter="bbox") from None


def check_crs(query: Mapping[str, str]) -> None:
    """Features are served in CRS84 only (the collections' ``crs`` list)."""
    if query.get("crs") not in (None, "", CRS84):
        raise BadRequest(f"'crs' must be {CRS84}: no other is offered.", parameter="crs")


def _spanned_period(first: str, last: str) -> str | None:
    """The year or quarter from ``first`` to ``last`` (ISO dates), if they span one exactly."""
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return None
    year = start.year
    if end.year != year:
        return None
    if (start, end) == (date(year, 1, 1), date(year, 12, 31)):
        return str(year)
    quarter = (start.month - 1) // 3 + 1
    last_month = 3 * quarter
    if (start, end) == (
        date(year, last_month - 2, 1),
        date(year, last_month, calendar.monthrange(year, last_month)[1]),
    ):
        return f"{year}-Q{quarter}"
    return None


def period_of_interval(raw: str) -> str:
    """The period (``2024``, ``2024-Q2``) a ``datetime`` interval spans exactly; periods are
    years and quarters, so an instant or any other interval is refused."""
    match = DATETIME.fullmatch(raw)
    spanned = _spanned_period(*match.groups()) if match else None
    if spanned is None:
        raise BadRequest(
            f"'datetime' is supported as the interval of one year or quarter, such as"
            f" {DATETIME_EXAMPLE}; got {raw[:60]!r}.",
            detail_pl="'datetime' musi być przedziałem jednego roku lub kwartału,"
            " np. 2024-01-01/2024-12-31.",
            parameter="datetime",
        )
    return spanned


def _period(query: Mapping[str, str]) -> str | None:
    """``period``, or the period of ``datetime`` (both: they must agree)."""
    period = _choice(query, "period", PERIOD)
    raw = query.get("datetime")
    if raw is None or raw == "":
        return period
    spanned = period_of_interval(raw)
    if period is not None and period != spanned:
        raise BadRequest(
            f"'period' ({period}) and 'datetime' ({spanned}) name different periods.",
            parameter="datetime",
        )
    return spanned


def parse_filters(collection: Collection, query: Mapping[str, str]) -> Filters:
    properties: tuple[str, ...] | None = None
    drop: tuple[str, ...] = ()
    raw = query.get("properties")
    if raw is not None:
        properties = tuple(name for name in raw.split(",") if name)
        unknown = [name for name in properties if name not in collection.properties]
        if unknown:
            raise BadRequest(
                f"Unknown properties: {', '.join(n[:40] for n in unknown[:5])}; "
                f"known: {', '.join(collection.properties)}.",
                parameter="properties",
            )
        drop = tuple(name for name in collection.properties if name not in properties)
    if query.get("filter-crs") not in (None, "", CRS84):
        raise BadRequest(f"'filter-crs' must be {CRS84}.", parameter="filter-crs")
    return Filters(
        territory=_choice(query, "territory", UNIT),
        bbox=parse_bbox(query),
        properties=properties,
        drop=drop,
        where=compile_filter(
            query.get("filter"), query.get("filter-lang"), repository.queryables(collection)
        ),
    )


def check_tms(tms: str) -> None:
    if tms != TMS:
        raise NotFound(f"Only the {TMS} tile matrix set is served.")


def parse_tile(z: str, x: str, y: str, settings: MapTilesSettings) -> TileRequest:
    try:
        zoom, column, row = int(z), int(x), int(y)
    except ValueError:
        raise BadRequest("z, x and y must be integers.") from None
    if not MIN_ZOOM <= zoom <= MAX_ZOOM:
        raise BadRequest(f"z must be between {MIN_ZOOM} and {MAX_ZOOM}.")
    if not (0 <= column < 2**zoom and 0 <= row < 2**zoom):
        raise BadRequest(f"x and y must be between 0 and {2**zoom - 1} at zoom {zoom}.")
    return TileRequest(
        z=zoom,
        x=column,
        y=row,
        extent=settings.tile_extent,
        buffer=settings.tile_buffer,
        cap=settings.tile_feature_cap,
    )


# --- releases and class breaks ------------------------------------------------------------------


async def resolve_release(
    db: Database, cache: RenderCache, settings: MapTilesSettings, raw: str | None
) -> int | None:
    """The requested release (404 if not published) or the current one (None: none yet)."""
    if raw is not None and raw not in ("", "current"):
        try:
            release = int(raw)
        except ValueError:
            raise BadRequest("'release' must be a release number or 'current'.") from None
        if release < 1 or release > 2**31 - 1:
            raise BadRequest("'release' must be a positive release number.")
        key = ("release-exists", release)
        if key not in cache.selections:
            if not await repository.release_exists(db, release):
                raise NotFound(f"Release {release} is not published.")
            cache.selections[key] = True
        return release
    known, current = cache.current_release(settings.release_ttl_s)
    if not known:
        current = await repository.current_release(db)
        cache.remember_release(current)
    return current


async def resolve_selection(
    db: Database,
    cache: RenderCache,
    settings: MapTilesSettings,
    collection: Collection,
    query: Mapping[str, str],
) -> Selection:
    """Release, category, period, measure, source and class breaks of a unit collection."""
    category = _choice(query, "category", CATEGORY)
    period = _period(query)
    measure = _one_of(query, "measure", MEASURES)
    source = _one_of(query, "source", SOURCES)
    indicator = _one_of(query, "indicator", INDICATORS) or "rate"
    release = await resolve_release(db, cache, settings, query.get("release"))
    empty = Selection(release, category, period, measure or "persons", source or "all", indicator)
    if release is None:
        return empty
    assert collection.level is not None
    key = (release, collection.level, category, period, measure, source, indicator)
    found = cache.selections.get(key)
    if isinstance(found, Selection):
        return found
    keys = await repository.default_cell_keys(
        db,
        release=release,
        level=collection.level,
        category=category,
        period=period,
        measure=measure,
        source=source,
    )
    if keys is None:
        selection = empty  # no cells: every unit shows "no data"
    else:
        selection = Selection(release, *keys, indicator=indicator)
        statistics = await repository.indicator_statistics(
            db, selection=selection, level=collection.level, classes=CLASSES
        )
        if indicator == "rate" and not statistics["rated"]:
            indicator = "value"
        breaks = statistics[f"{indicator}_breaks"] or []
        inner = tuple(sorted({round(float(b), 6) for b in breaks if b is not None}))
        selection = Selection(release, *keys, indicator=indicator, breaks=inner)
    cache.selections[key] = selection
    return selection


# --- rendering ----------------------------------------------------------------------------------


def _selection_key(selection: Selection | None) -> tuple[Any, ...]:
    if selection is None:
        return ()
    return (
        selection.release,
        selection.category,
        selection.period,
        selection.measure,
        selection.source,
        selection.indicator,
        selection.breaks,
    )


def _filters_key(filters: Filters) -> tuple[Any, ...]:
    return (filters.territory, filters.bbox, filters.drop, filters.where)


async def render_items(
    db: Database,
    cache: RenderCache,
    settings: MapTilesSettings,
    *,
    collection: Collection,
    query: Mapping[str, str],
    self_url: str,
    next_url: str | None,
    prev_url: str | None,
    limit: int,
    offset: int,
    zoom: int | None,
) -> Rendered:
    """A page of a collection as a GeoJSON FeatureCollection with numberMatched and links;
    ``zoom``: the geometry of that zoom band."""
    check_crs(query)
    filters = parse_filters(collection, query)
    selection = (
        await resolve_selection(db, cache, settings, collection, query)
        if collection.is_unit
        else None
    )
    key = (
        "items",
        collection.id,
        _selection_key(selection),
        _filters_key(filters),
        zoom,
        limit,
        offset,
    )
    generation = cache.generation([collection.id])
    hit = cache.get(key)
    if hit is not None:
        # The links depend on the request's own URL, the features do not.
        page = hit.body
    else:
        if selection is not None:
            total, returned, array = await repository.unit_items(
                db,
                collection=collection,
                selection=selection,
                filters=filters,
                limit=limit,
                offset=offset,
                zoom=zoom,
            )
        else:
            total, returned, array = await repository.point_items(
                db, collection=collection, filters=filters, limit=limit, offset=offset
            )
        page = f"{total},{returned}\n{array}".encode()
        cache.put(key, rendered(page, GEOJSON), collections=[collection.id], generation=generation)
    counts, _, array_body = page.partition(b"\n")
    total, returned = (int(part) for part in counts.split(b","))
    links = [{"href": self_url, "rel": "self", "type": GEOJSON}]
    if next_url is not None and offset + returned < total:
        links.append({"href": next_url, "rel": "next", "type": GEOJSON})
    if prev_url is not None and offset > 0:
        links.append({"href": prev_url, "rel": "prev", "type": GEOJSON})
    meta: dict[str, Any] = {"numberMatched": total, "numberReturned": returned, "links": links}
    if selection is not None:
        meta["release"] = selection.release
        meta["selection"] = {
            "category": selection.category,
            "period": selection.period,
            "measure": selection.measure,
            "source": selection.source,
            "indicator": selection.indicator,
            "breaks": list(selection.breaks),
        }
    head = dumps({"type": "FeatureCollection", **meta})
    body = head[:-1] + b',"features":' + array_body + b"}"
    if len(body) > 64 * 1024:
        return await asyncio.to_thread(rendered_compressed, body, GEOJSON)
    return rendered_compressed(body, GEOJSON)


async def render_item(
    db: Database,
    cache: RenderCache,
    settings: MapTilesSettings,
    *,
    collection: Collection,
    fid: str,
    query: Mapping[str, str],
    zoom: int | None,
) -> Rendered:
    """One feature (404 when there is none with that id)."""
    check_crs(query)
    filters = parse_filters(collection, query)
    missing = NotFound(f"No feature '{fid[:64]}' in {collection.id}.")
    selection = None
    if collection.is_unit:
        if not UNIT.fullmatch(fid):
            raise missing
        selection = await resolve_selection(db, cache, settings, collection, query)
    else:
        try:
            fid = str(uuid.UUID(fid))
        except ValueError:
            raise missing from None
    key = ("item", collection.id, fid, _selection_key(selection), filters.drop, zoom)
    generation = cache.generation([collection.id])
    hit = cache.get(key)
    if hit is not None:
        return hit
    no_filters = Filters(drop=filters.drop)
    if selection is not None:
        _, _, array = await repository.unit_items(
            db,
            collection=collection,
            selection=selection,
            filters=no_filters,
            limit=1,
            offset=0,
            zoom=zoom,
            code=fid,
        )
    else:
        _, _, array = await repository.point_items(
            db, collection=collection, filters=no_filters, limit=1, offset=0, fid=fid
        )
    if array == "[]":
        raise missing
    result = rendered(array[1:-1].encode(), GEOJSON)
    cache.put(key, result, collections=[collection.id], generation=generation)
    return result


async def render_tile(
    db: Database,
    cache: RenderCache,
    settings: MapTilesSettings,
    *,
    collections: list[Collection],
    tile: TileRequest,
    query: Mapping[str, str],
    url: tuple[str, bytes] | None = None,
) -> Rendered:
    """An MVT with one layer per collection (an empty body means an empty tile); ``url``
    (path, query string) is remembered for the fast path of repeated requests."""
    layers: list[tuple[Collection, Selection | None, Filters]] = []
    for collection in collections:
        filters = parse_filters(collection, query)
        selection = (
            await resolve_selection(db, cache, settings, collection, query)
            if collection.is_unit
            else None
        )
        layers.append((collection, selection, filters))
    key = (
        "tile",
        tile.z,
        tile.x,
        tile.y,
        tuple((c.id, _selection_key(s), _filters_key(f)) for c, s, f in layers),
    )
    names = [collection.id for collection in collections]
    if url is not None:
        releases = [s.release for _, s, _ in layers if s is not None]
        cache.remember_url(
            url,
            key,
            release=releases[0] if releases else None,
            pinned=not releases or query.get("release") not in (None, "", "current"),
        )
    generation = cache.generation(names)
    hit = cache.get(key)
    if hit is not None:
        return hit

    async def render() -> Rendered:
        parts = []
        for collection, selection, filters in layers:
            if selection is not None:
                parts.append(
                    await repository.unit_tile(
                        db, collection=collection, selection=selection, filters=filters, tile=tile
                    )
                )
            else:
                parts.append(
                    await repository.point_tile(
                        db, collection=collection, filters=filters, tile=tile
                    )
                )
        # Layers are repeated fields of the tile message: concatenated tiles are one tile.
        body = b"".join(parts)
        # Compressing a large low-zoom tile takes milliseconds: keep it off the event loop.
        result = (
            await asyncio.to_thread(rendered_compressed, body, MVT)
            if len(body) > 64 * 1024
            else rendered_compressed(body, MVT)
        )
        cache.put(key, result, collections=names, generation=generation)
        return result

    return await cache.single_flight(key, render)


async def tile(
    db: Database,
    cache: RenderCache,
    settings: MapTilesSettings,
    *,
    collection_ids: str,
    tms: str,
    z: str,
    x: str,
    y: str,
    query: Mapping[str, str],
    url: tuple[str, bytes],
) -> Rendered:
    """The tile of a request's path segments (``y`` may end in ``.pbf`` or ``.mvt``)."""
    collections = get_collections(collection_ids)
    check_tms(tms)
    requested = parse_tile(z, x, y.removesuffix(".pbf").removesuffix(".mvt"), settings)
    return await render_tile(
        db, cache, settings, collections=collections, tile=requested, query=query, url=url
    )


# --- metadata ---------------------------------------------------------------------------------


def queryables_schema(collection: Collection, self_url: str) -> Queryables:
    """The queryables of a collection as a JSON Schema (OGC API - Features Part 3)."""
    properties = {}
    for name, queryable in repository.queryables(collection).items():
        described = {"title": name, "description": queryable.description or None}
        if queryable.type == "geometry":
            described["format"] = f"geometry-{collection.geometry_type.lower()}"
            described["x-ogc-role"] = "primary-geometry"
        else:
            described["type"] = queryable.type
        properties[name] = QueryableProperty.model_validate(described)
    return Queryables(
        schema_="https://json-schema.org/draft/2020-12/schema",
        id=self_url,
        title=collection.title,
        properties=properties,
    )


def legend(
    selection: Selection, statistics_range: tuple[float, float] | None, options: ReleaseOptions
) -> Legend:
    """Classes with their colours and bounds, plus suppressed and no-data entries."""
    bounds = [statistics_range[0] if statistics_range else None, *selection.breaks]
    uppers = [*selection.breaks, statistics_range[1] if statistics_range else None]
    classes = [
        LegendClass(
            class_=index, min=low, max=high, colour=CLASS_COLOURS[index + (CLASSES - len(bounds))]
        )
        for index, (low, high) in enumerate(zip(bounds, uppers, strict=True))
    ]
    return Legend(
        release=selection.release,
        category=selection.category,
        period=selection.period,
        measure=selection.measure,
        source=selection.source,
        indicator="rate" if selection.indicator == "rate" else "value",
        unit="per 1000 residents" if selection.indicator == "rate" else "count",
        classes=classes,
        suppressed=LegendEntry(
            colour=SUPPRESSED_COLOUR,
            label="suppressed (too few cases to publish)",
            label_pl="utajnione (zbyt mało przypadków)",
        ),
        no_data=LegendEntry(colour=NO_DATA_COLOUR, label="no data", label_pl="brak danych"),
        options=options,
    )


def class_colours(selection: Selection) -> list[str]:
    count = len(selection.breaks) + 1
    return list(CLASS_COLOURS[CLASSES - count :])


async def bounds(
    db: Database, cache: RenderCache, collection: Collection
) -> tuple[float, float, float, float] | None:
    """WGS84 bounds of a collection, remembered until the next invalidation."""
    key = ("bounds", collection.id)
    if key in cache.selections:
        cached = cache.selections[key]
        return cached if isinstance(cached, tuple) else None
    found = await repository.collection_bounds(db, collection=collection)
    cache.selections[key] = found
    return found


def pinned_query(selections: list[Selection | None], query: Mapping[str, str]) -> dict[str, str]:
    """Query parameters that pin a map to one release and selection (so that a map never
    mixes tiles of two releases), plus the caller's territory and CQL2 filters."""
    pinned: dict[str, str] = {}
    for selection in selections:
        if selection is None or selection.release is None:
            continue
        pinned["release"] = str(selection.release)
        for name in ("category", "period", "measure", "source", "indicator"):
            value = getattr(selection, name)
            if value is not None:
                pinned[name] = str(value)
    for name in ("territory", "filter", "filter-lang"):
        if query.get(name):
            pinned[name] = query[name]
    return pinned


async def statistics_range(
    db: Database, selection: Selection, collection: Collection
) -> tuple[float, float] | None:
    if selection.release is None or selection.category is None or collection.level is None:
        return None
    statistics = await repository.indicator_statistics(
        db, selection=selection, level=collection.level, classes=CLASSES
    )
    low, high = statistics[f"{selection.indicator}_min"], statistics[f"{selection.indicator}_max"]
    if low is None or high is None:
        return None
    return (float(low), float(high))


async def options(db: Database, selection: Selection, collection: Collection) -> ReleaseOptions:
    """What else the release offers at the collection's level (for selectors)."""
    if selection.release is None or collection.level is None:
        return ReleaseOptions(categories=[], periods=[], measures=[], sources=[])
    found = await repository.release_options(db, release=selection.release, level=collection.level)
    return ReleaseOptions(**found)


# --- the context of a map: where its data is, label points, category labels ------------------

# Categories of the statistics that are not in the reference list: (label_pl, label_en).
PSEUDO_CATEGORIES = {
    "any": ("wszystkie kategorie łącznie", "all categories together"),
    "2plus": ("co najmniej dwie kategorie", "two categories or more"),
}


async def data_bounds(
    db: Database, cache: RenderCache, collection: Collection, selection: Selection | None
) -> tuple[float, float, float, float] | None:
    """Bounds of what a map of ``selection`` shows: the units with a published cell in it;
    the collection's bounds for points, before the first release or without such cells."""
    if selection is None or selection.release is None or collection.level is None:
        return await bounds(db, cache, collection)
    key = ("data-bounds", collection.level, _selection_key(selection))
    if key not in cache.selections:
        cache.selections[key] = await repository.selection_bounds(
            db, selection=selection, level=collection.level
        )
    found = cache.selections[key]
    return found if isinstance(found, tuple) else await bounds(db, cache, collection)


async def labels(db: Database, cache: RenderCache, collection: Collection) -> LabelCollection:
    """A label point of every unit of a unit collection, remembered until the next
    invalidation."""
    if collection.level is None:
        raise NotFound(f"{collection.id} has no labels: its features are points.")
    key = ("labels", collection.id)
    found = cache.selections.get(key)
    if not isinstance(found, LabelCollection):
        rows = await repository.unit_label_points(db, level=collection.level)
        found = LabelCollection(
            features=[
                LabelFeature(
                    id=row["code"],
                    geometry=Point(type="Point", coordinates=[row["lon"], row["lat"]]),
                    properties=LabelProperties(code=row["code"], name=row["name"]),
                )
                for row in rows
            ]
        )
        cache.selections[key] = found
    return found


async def categories(db: Database, cache: RenderCache) -> Categories:
    """The categories of the statistics with their labels, ``any`` and ``2plus`` first."""
    found = cache.selections.get(("categories",))
    if not isinstance(found, Categories):
        rows = await repository.category_labels(db)
        found = Categories(
            categories=[
                *(
                    CategoryLabel(code=code, parent_code=None, label_pl=pl, label_en=en)
                    for code, (pl, en) in PSEUDO_CATEGORIES.items()
                ),
                *(CategoryLabel(**row) for row in rows),
            ]
        )
        cache.selections[("categories",)] = found
    return found
