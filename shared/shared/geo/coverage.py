"""Coverage checks among sibling units, coverage cleaning and zoom-band simplification.

Siblings are the units that should tile an area without overlaps or gaps: all districts of one
gmina, all powiats, all voivodeships. Every function here works on geometries in the metric CRS
(EPSG:2180) and is plain CPU work: call it from a thread, not from a web request's event loop.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from shared.geo.crs import METRIC, WEB_MERCATOR, WGS84, transform
from shared.geo.features import polygonal_part

# Web Mercator metres per pixel at zoom 0 for 256-px tiles (the equator's circumference / 256).
_METRES_PER_PIXEL_Z0 = 2 * math.pi * 6378137 / 256


def half_pixel(zoom: int) -> float:
    """Half a pixel at ``zoom`` in Web Mercator units: the largest shift nobody can see there."""
    return float(_METRES_PER_PIXEL_Z0 / 2**zoom / 2)


@dataclass(frozen=True)
class ZoomBand:
    """Zoom levels ``min_zoom``-``max_zoom`` share one geometry simplified by ``tolerance``."""

    band: int
    min_zoom: int
    max_zoom: int
    tolerance: float


# Four bands keep tiles small at country scale and exact at street scale: each band is
# simplified by half a pixel at its deepest zoom, so the simplification never shows; from z14
# on (a pixel is under 10 m, the accuracy of the source files) the boundary is left as it is.
ZOOM_BANDS: tuple[ZoomBand, ...] = (
    ZoomBand(0, 0, 7, half_pixel(7)),
    ZoomBand(1, 8, 10, half_pixel(10)),
    ZoomBand(2, 11, 13, half_pixel(13)),
    ZoomBand(3, 14, 22, 0.0),
)


@dataclass(frozen=True)
class CoverageTolerances:
    """What counts as a problem between siblings and against the parent.

    Overlaps and gaps below ``sliver_report_m2`` are numeric noise; up to ``sliver_max_m2`` they
    are reported and cleaned (snapped to a neighbour); above it the import is rejected. Gaps
    narrower than ``gap_width_m`` between neighbours count as gaps even where they are open to
    the outside. A unit may stick out of its parent by ``outside_parent_m``: the shipped city
    outlines are heavily simplified (Wrocław's has 27 vertices, and its osiedla reach up to
    1.7 km beyond it); with precise PRG gmina boundaries use tens of metres.
    """

    sliver_report_m2: float = 1.0
    sliver_max_m2: float = 1000.0
    gap_width_m: float = 20.0
    outside_parent_m: float = 2000.0


@dataclass(frozen=True)
class Sibling:
    """A unit of a sibling group (every function of this module expects the metric CRS);
    ``index`` is its feature index in the file being imported (None for a stored unit)."""

    code: str
    name: str
    geometry: BaseGeometry
    index: int | None = None


def _location(geometry: BaseGeometry) -> list[float]:
    point = transform(geometry.representative_point(), METRIC, WGS84)
    assert isinstance(point, Point)
    return [round(point.x, 5), round(point.y, 5)]


def _finding(
    kind: str, units: Sequence[Sibling], area: float, geometry: BaseGeometry, *, error: bool
) -> dict[str, Any]:
    names = " / ".join(f"{unit.code} {unit.name}" for unit in units)
    location = _location(geometry)
    what = "overlap" if kind == "overlap" else "gap"
    return {
        "code": kind,
        "severity": "error" if error else "warning",
        "feature": next((unit.index for unit in units if unit.index is not None), None),
        "unit": units[0].code,
        "name": units[0].name,
        "units": [unit.code for unit in units],
        "area_m2": round(area, 1),
        "location": location,
        "message": f"{what} of {area:,.0f} m² between {names} near {location[0]} E {location[1]} N",
    }


def find_overlaps(
    siblings: Sequence[Sibling], tolerances: CoverageTolerances
) -> list[dict[str, Any]]:
    """Overlaps between pairs of siblings larger than ``sliver_report_m2``."""
    geometries = np.array([sibling.geometry for sibling in siblings], dtype=object)
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    findings = []
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i >= j:
            continue
        shared = shapely.intersection(geometries[i], geometries[j])
        area = shapely.area(shared)
        if area > tolerances.sliver_report_m2:
            findings.append(
                _finding(
                    "overlap",
                    [siblings[i], siblings[j]],
                    area,
                    polygonal_part(shared),
                    error=area > tolerances.sliver_max_m2,
                )
            )
    return findings


def find_gaps(siblings: Sequence[Sibling], tolerances: CoverageTolerances) -> list[dict[str, Any]]:
    """Gaps between neighbours larger than ``sliver_report_m2``: holes enclosed by the group,
    and slivers narrower than ``gap_width_m`` lined by siblings on (almost) every side."""
    geometries = np.array([sibling.geometry for sibling in siblings], dtype=object)
    union = shapely.union_all(geometries)
    holes = [Polygon(ring) for polygon in shapely.get_parts(union) for ring in polygon.interiors]
    radius = tolerances.gap_width_m / 2
    closed = union.buffer(radius, quad_segs=2).buffer(-radius, quad_segs=2)
    candidates = shapely.get_parts(shapely.union_all([closed.difference(union), *holes]))
    tree = shapely.STRtree(geometries)
    hole_union = shapely.union_all(holes) if holes else None
    findings = []
    for gap in candidates:
        area = gap.area
        if gap.geom_type != "Polygon" or area <= tolerances.sliver_report_m2:
            continue
        neighbours = tree.query(gap, predicate="dwithin", distance=0.5)
        enclosed = hole_union is not None and hole_union.contains(gap.representative_point())
        if not enclosed:
            if len(neighbours) < 2:
                continue
            # A wedge closed off at the group's outer edge is lined by siblings on two sides
            # only; a real sliver between neighbours is lined almost all round.
            lining = shapely.union_all(geometries[neighbours]).buffer(0.5, quad_segs=2)
            if gap.boundary.intersection(lining).length < 0.85 * gap.boundary.length:
                continue
        findings.append(
            _finding(
                "gap",
                [siblings[i] for i in sorted(neighbours.tolist())] or [siblings[0]],
                area,
                gap,
                error=area > tolerances.sliver_max_m2,
            )
        )
    return findings


def find_outside_parent(
    siblings: Sequence[Sibling],
    parent: BaseGeometry,
    parent_code: str,
    tolerances: CoverageTolerances,
) -> list[dict[str, Any]]:
    """Units with a vertex farther than ``outside_parent_m`` from their parent's boundary."""
    shapely.prepare(parent)
    findings = []
    for sibling in siblings:
        coordinates = shapely.get_coordinates(sibling.geometry)
        distances = np.asarray(shapely.distance(parent, shapely.points(coordinates)))
        farthest = int(np.argmax(distances))
        distance = float(distances[farthest])
        if distance > tolerances.outside_parent_m:
            location = _location(Point(coordinates[farthest]))
            findings.append(
                {
                    "code": "outside-parent",
                    "severity": "error",
                    "feature": sibling.index,
                    "unit": sibling.code,
                    "name": sibling.name,
                    "distance_m": round(distance),
                    "location": location,
                    "message": (
                        f"lies up to {distance:,.0f} m outside its parent {parent_code} "
                        f"(tolerance {tolerances.outside_parent_m:,.0f} m), "
                        f"near {location[0]} E {location[1]} N"
                    ),
                }
            )
    return findings


def clean_coverage(
    geometries: Sequence[BaseGeometry], tolerances: CoverageTolerances
) -> list[MultiPolygon]:
    """Snap siblings into a valid coverage: overlaps go to one neighbour, narrow gaps are
    closed, and shared borders get identical vertices (``coverage_simplify`` needs that)."""
    # types-shapely does not know coverage_clean (shapely 2.2) yet.
    cleaned = shapely.coverage_clean(  # type: ignore[attr-defined]
        np.array(geometries, dtype=object), gap_width=tolerances.gap_width_m
    )
    return [polygonal_part(shapely.make_valid(geometry)) for geometry in cleaned]


def band_geometries(
    cleaned: Sequence[BaseGeometry],
) -> dict[int, list[MultiPolygon]]:
    """Web Mercator geometries of a cleaned sibling group for every zoom band, simplified
    together so that neighbours keep identical shared borders."""
    mercator: NDArray[np.object_] = transform(np.array(cleaned, dtype=object), METRIC, WEB_MERCATOR)
    bands: dict[int, list[MultiPolygon]] = {}
    for band in ZOOM_BANDS:
        simplified = (
            shapely.coverage_simplify(mercator, band.tolerance) if band.tolerance > 0 else mercator
        )
        bands[band.band] = [polygonal_part(geometry) for geometry in simplified]
    return bands
