"""The published collections: territorial units (choropleths of a release) and catalogue points."""

from __future__ import annotations

from dataclasses import dataclass

# Zoom range of the tile matrix set (the finest zoom band of geo.territorial_unit_band ends at 22).
MIN_ZOOM = 0
MAX_ZOOM = 22

UNIT_PROPERTIES = (
    "code",
    "name",
    "level",
    "parent_code",
    "approximate",
    "release",
    "category",
    "period",
    "measure",
    "value",
    "suppressed",
    "rate",
    "rate_lower",
    "rate_upper",
    "class",
)
# What a unit's tile feature carries: the per-unit properties. Level, release, category, period
# and measure are the same for every feature of a tile (the tile URL pins them), so tiles leave
# them out; TileJSON says so in its description and top-level ``release``.
UNIT_TILE_PROPERTIES = tuple(
    name
    for name in UNIT_PROPERTIES
    if name not in ("level", "release", "category", "period", "measure")
)
PROVIDER_PROPERTIES = (
    "id",
    "slug",
    "name",
    "provider_type",
    "address_1",
    "postal_code",
    "city",
    "terc",
    "website",
    "approximate",
)
PRACTICE_PROPERTIES = ("id", "slug", "title", "place", "voivodeship", "start_year", "end_year")


@dataclass(frozen=True)
class Collection:
    """One collection: ``kind`` "unit" (polygons of ``level`` joined with release cells) or
    "point" (a published catalogue view)."""

    id: str
    title: str
    description: str
    kind: str
    properties: tuple[str, ...]
    level: str | None = None
    geometry_type: str = "MultiPolygon"
    min_zoom: int = MIN_ZOOM
    max_zoom: int = MAX_ZOOM

    @property
    def is_unit(self) -> bool:
        return self.kind == "unit"

    @property
    def tile_properties(self) -> tuple[str, ...]:
        """The attributes of the collection's features in vector tiles."""
        return UNIT_TILE_PROPERTIES if self.is_unit else self.properties


COLLECTIONS: dict[str, Collection] = {
    c.id: c
    for c in (
        Collection(
            "districts",
            "Districts (osiedla)",
            "Choropleth of one release, category, period and measure per district.",
            "unit",
            UNIT_PROPERTIES,
            level="district",
        ),
        Collection(
            "municipalities",
            "Municipalities (gminy)",
            "Gminas with the values of a release.",
            "unit",
            UNIT_PROPERTIES,
            level="gmina",
        ),
        Collection(
            "powiats",
            "Powiats",
            "Powiats with the values of a release.",
            "unit",
            UNIT_PROPERTIES,
            level="powiat",
        ),
        Collection(
            "voivodeships",
            "Voivodeships",
            "Voivodeships with the values of a release.",
            "unit",
            UNIT_PROPERTIES,
            level="voivodeship",
        ),
        Collection(
            "providers",
            "Service providers",
            "Published providers of the catalogue (points).",
            "point",
            PROVIDER_PROPERTIES,
            geometry_type="Point",
        ),
        Collection(
            "practices",
            "Good practices",
            "Published good practices of the catalogue (points).",
            "point",
            PRACTICE_PROPERTIES,
            geometry_type="Point",
        ),
    )
}

# Class colours of the choropleth (ColorBrewer YlOrRd, 5 classes) and of suppressed cells.
CLASS_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
SUPPRESSED_COLOUR = "#9e9e9e"
NO_DATA_COLOUR = "#ffffff"
