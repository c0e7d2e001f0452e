"""Response models of map-tiles: what the OpenAPI document promises, so that a generated client
gets real types.

The metadata endpoints return these models. Items and tiles are assembled by PostgreSQL and
served as bytes (the hot paths); their models (``FeatureCollection``, ``Feature``) only
describe them in the document, and the tests check real responses against that description."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import models_json_schema

from shared import pagination

# Tell "absent" from "null": OGC documents leave unknown members out.
Omitted = Field(default=None, exclude_if=lambda value: value is None)


class Link(pagination.Link):
    """A link (RFC 8288) as OGC API documents carry them."""

    title: str | None = Omitted
    templated: bool | None = Omitted


# --- OGC API Common / Features -------------------------------------------------------------


class Landing(BaseModel):
    title: str
    description: str
    links: list[Link]


class Conformance(BaseModel):
    conformsTo: list[str]


class SpatialExtent(BaseModel):
    bbox: list[Annotated[list[float], Field(min_length=4, max_length=4)]]
    crs: str


class Extent(BaseModel):
    spatial: SpatialExtent


class CollectionDescription(BaseModel):
    id: str
    title: str
    description: str
    itemType: Literal["feature"] = "feature"
    crs: list[str]
    geometryType: Literal["MultiPolygon", "Point"]
    properties: list[str]
    links: list[Link]
    extent: Extent | None = Omitted


class Collections(BaseModel):
    collections: list[CollectionDescription]
    links: list[Link]


class QueryableProperty(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    title: str
    type: Literal["string", "integer", "number", "boolean"] | None = Omitted
    format: str | None = Omitted
    description: str | None = Omitted
    role: str | None = Field(default=None, alias="x-ogc-role", exclude_if=lambda v: v is None)


class Queryables(BaseModel):
    """The JSON Schema (2020-12) of what a CQL2 filter may name."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(alias="$schema")
    id: str = Field(alias="$id")
    type: Literal["object"] = "object"
    title: str
    properties: dict[str, QueryableProperty]
    additionalProperties: Literal[False] = False


# --- GeoJSON (RFC 7946) --------------------------------------------------------------------

Position = Annotated[list[float], Field(min_length=2, max_length=3)]


class Point(BaseModel):
    type: Literal["Point"]
    coordinates: Position


class MultiPolygon(BaseModel):
    type: Literal["MultiPolygon"]
    coordinates: list[list[list[Position]]]


class UnitProperties(BaseModel):
    """A territorial unit with the cell of the selection. A suppressed cell has
    ``suppressed: true`` and no value, rate, interval or class; a unit without a cell has
    ``suppressed: null``. ``properties=`` leaves out the ones not asked for."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    code: str | None = None
    name: str | None = None
    level: str | None = None
    parent_code: str | None = None
    approximate: bool | None = None
    release: int | None = None
    category: str | None = None
    period: str | None = None
    measure: str | None = None
    value: int | None = None
    suppressed: bool | None = None
    rate: float | None = None
    rate_lower: float | None = None
    rate_upper: float | None = None
    class_: int | None = Field(default=None, alias="class", description="Choropleth class")


class ProviderProperties(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    slug: str | None = None
    name: str | None = None
    provider_type: str | None = None
    address_1: str | None = None
    postal_code: str | None = None
    city: str | None = None
    terc: str | None = None
    website: str | None = None
    approximate: bool | None = Field(
        default=None, description="The point only approximates the address (drawn hollow)"
    )


class PracticeProperties(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    slug: str | None = None
    title: str | None = None
    place: str | None = None
    voivodeship: str | None = None
    start_year: int | None = None
    end_year: int | None = None


class Feature(BaseModel):
    type: Literal["Feature"]
    id: str = Field(description="Unit code (TERC) or catalogue UUID")
    geometry: Annotated[Point | MultiPolygon, Field(discriminator="type")]
    properties: UnitProperties | ProviderProperties | PracticeProperties


class ItemsSelection(BaseModel):
    category: str | None
    period: str | None
    measure: str
    source: str
    indicator: Literal["rate", "value"]
    breaks: list[float] = Field(description="Inner class breaks of the indicator")


class FeatureCollection(BaseModel):
    """A page of features; unit collections add the release and selection they show."""

    type: Literal["FeatureCollection"]
    numberMatched: int
    numberReturned: int
    links: list[Link]
    release: int | None = Omitted
    selection: ItemsSelection | None = Omitted
    features: list[Feature]


# --- OGC API Tiles, TileJSON, MapLibre style, legend ---------------------------------------


Corner = Annotated[list[float], Field(min_length=2, max_length=2)]
# TMS 1.0 names of TMS 2.0 members, repeated for GDAL before 3.7 (Debian bookworm's 3.6), which
# reads a tile matrix set only in the 1.0 form.
_TMS_1 = "TMS 1.0 name of `{}`, for GDAL before 3.7"


class TileMatrix(BaseModel):
    id: str
    scaleDenominator: float
    cellSize: float
    cornerOfOrigin: Literal["topLeft"] = "topLeft"
    pointOfOrigin: Corner
    tileWidth: int
    tileHeight: int
    matrixWidth: int
    matrixHeight: int
    identifier: str = Field(description=_TMS_1.format("id"))
    topLeftCorner: Corner = Field(description=_TMS_1.format("pointOfOrigin"))


class TileMatrixSetItem(BaseModel):
    id: str
    title: str
    links: list[Link]


class TileMatrixSets(BaseModel):
    tileMatrixSets: list[TileMatrixSetItem]


class BoundingBox(BaseModel):
    lowerLeft: Corner
    upperRight: Corner
    crs: str


class TileMatrixSet(BaseModel):
    """A tile matrix set (OGC TMS 2.0), readable as TMS 1.0 too (``identifier``,
    ``supportedCRS``, and each matrix's ``identifier`` and ``topLeftCorner``)."""

    id: str
    title: str
    uri: str
    crs: str
    orderedAxes: list[str]
    boundingBox: BoundingBox
    tileMatrices: list[TileMatrix]
    links: list[Link]
    identifier: str = Field(description=_TMS_1.format("id"))
    supportedCRS: str = Field(description=_TMS_1.format("crs"))


class TilesetLayer(BaseModel):
    """One layer of a vector tileset (OGC Tileset Metadata 2.0): an MVT layer of that name."""

    id: str
    title: str
    dataType: Literal["vector"] = "vector"
    geometryDimension: Literal[0, 2] = Field(description="0: points, 2: polygons")
    minTileMatrix: str
    maxTileMatrix: str


class Tileset(BaseModel):
    """A tileset (OGC API - Tiles, Tileset Metadata 2.0); ``layers`` in its own document."""

    title: str
    dataType: Literal["vector"] = "vector"
    crs: str
    tileMatrixSetURI: str
    links: list[Link]
    layers: list[TilesetLayer] | None = Omitted


class Tilesets(BaseModel):
    tilesets: list[Tileset]


FieldType = Literal["Number", "Boolean", "String"]


class VectorLayer(BaseModel):
    id: str
    description: str
    minzoom: int
    maxzoom: int
    fields: dict[str, FieldType]


class TileJson(BaseModel):
    """TileJSON 3.0.0; ``release`` pins the tiles to one release (absent before the first)."""

    tilejson: Literal["3.0.0"] = "3.0.0"
    name: str
    description: str
    version: str
    scheme: Literal["xyz"] = "xyz"
    tiles: list[str]
    minzoom: int
    maxzoom: int
    bounds: Annotated[list[float], Field(min_length=4, max_length=4)]
    center: Annotated[list[float], Field(min_length=3, max_length=3)]
    vector_layers: list[VectorLayer]
    release: int | None = Omitted


class StyleSource(BaseModel):
    type: Literal["vector"] = "vector"
    url: str


class StyleLayer(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str
    type: Literal["background", "fill", "line", "circle"]
    source: str | None = Omitted
    source_layer: str | None = Field(
        default=None, alias="source-layer", exclude_if=lambda v: v is None
    )
    paint: dict[str, Any] = Field(description="MapLibre paint properties (values or expressions)")


class StyleMetadata(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    release: int | None = Field(alias="socmap:release")


class Style(BaseModel):
    """A MapLibre (Mapbox GL) style, version 8."""

    version: Literal[8] = 8
    name: str
    metadata: StyleMetadata
    sources: dict[str, StyleSource]
    layers: list[StyleLayer]


class LegendClass(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    class_: int = Field(alias="class")
    min: float | None
    max: float | None
    colour: str


class LegendEntry(BaseModel):
    colour: str
    label: str
    label_pl: str


class ReleaseOptions(BaseModel):
    """What else the release offers at the collection's level (for selectors)."""

    categories: list[str]
    periods: list[str]
    measures: list[str]
    sources: list[str]


class Legend(BaseModel):
    release: int | None
    category: str | None
    period: str | None
    measure: str
    source: str
    indicator: Literal["rate", "value"]
    unit: str
    classes: list[LegendClass]
    suppressed: LegendEntry
    no_data: LegendEntry
    options: ReleaseOptions


def component_schemas() -> dict[str, Any]:
    """The schemas of the byte-served responses, for the document's components."""
    _, schemas = models_json_schema(
        [(model, "serialization") for model in (FeatureCollection, Feature, Queryables)],
        ref_template="#/components/schemas/{model}",
    )
    found: dict[str, Any] = schemas["$defs"]
    return found


# --- The context of a map: label points of units, labels of categories -----------------------


class LabelProperties(BaseModel):
    code: str
    name: str


class LabelFeature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: str = Field(description="Unit code (TERC)")
    geometry: Point
    properties: LabelProperties


class LabelCollection(BaseModel):
    """Where to write the names of a unit collection: one point well inside each unit."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[LabelFeature]


class CategoryLabel(BaseModel):
    code: str
    parent_code: str | None
    label_pl: str
    label_en: str


class Categories(BaseModel):
    """The categories of the statistics with their Polish and English labels: ``any`` and
    ``2plus`` (persons in any category, in two or more), then the reference list."""

    categories: list[CategoryLabel]
