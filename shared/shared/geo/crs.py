"""Coordinate reference systems accepted for boundary files, and the transforms between them.

The Polish CS92 (EPSG:2180) and CS2000 zones (EPSG:2176-2179) define northing as the first axis,
so every transformer here is built with ``always_xy=True`` and reads/writes easting, northing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeVar

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from shared.geo.errors import GeoImportError

WGS84 = 4326
# One metric CRS for every area and distance check: CS92 covers all of Poland in one zone.
METRIC = 2180
WEB_MERCATOR = 3857
SUPPORTED_SOURCE_CRS = frozenset({4326, 2180, 2176, 2177, 2178, 2179})
SUPPORTED_TEXT = "EPSG:4326 (or CRS84), EPSG:2180, EPSG:2176-2179"

# A generous envelope of Poland in lon/lat: coordinates outside it mean a wrong CRS or axis order.
POLAND_BOUNDS = (13.5, 48.5, 24.5, 55.2)

_EPSG_PATTERN = re.compile(r"(?:EPSG:{1,2}|EPSG/0/|EPSG::)(\d+)$", re.IGNORECASE)
_CRS84_PATTERN = re.compile(r"CRS:?84$", re.IGNORECASE)


def parse_crs(text: str) -> int:
    """EPSG code of ``EPSG:2180``, ``urn:ogc:def:crs:EPSG::2180``, ``CRS84``, ``2180``…

    Raises ``GeoImportError`` (``unknown-crs``) for anything outside the supported set.
    """
    value = text.strip()
    if _CRS84_PATTERN.search(value):
        return WGS84
    match = _EPSG_PATTERN.search(value)
    code: int | None = None
    if match:
        code = int(match.group(1))
    elif value.isdigit():
        code = int(value)
    if code not in SUPPORTED_SOURCE_CRS:
        raise GeoImportError(
            f"Unknown or unsupported CRS {text!r}; supported: {SUPPORTED_TEXT}.",
            errors=[{"code": "unknown-crs", "message": f"unsupported CRS {text!r}"}],
        )
    assert code is not None
    return code


@lru_cache(maxsize=32)
def _transformer(source: int, target: int) -> Transformer:
    return Transformer.from_crs(source, target, always_xy=True)


GeometryOrArray = TypeVar("GeometryOrArray", BaseGeometry, NDArray[np.object_])


def transform(geometry: GeometryOrArray, source: int, target: int) -> GeometryOrArray:
    """Transform a geometry (or an array of them) vertex by vertex; identical input vertices
    give identical output vertices, so shared borders stay shared."""
    if source == target:
        return geometry
    transformer = _transformer(source, target)

    def _xy(coordinates: NDArray[np.float64]) -> NDArray[np.float64]:
        x, y = transformer.transform(coordinates[:, 0], coordinates[:, 1])
        return np.column_stack((x, y))

    return shapely.transform(geometry, _xy)


def within_poland(geometry: BaseGeometry) -> bool:
    """True when a lon/lat geometry lies in the envelope of Poland."""
    min_x, min_y, max_x, max_y = geometry.bounds
    west, south, east, north = POLAND_BOUNDS
    return west <= min_x and max_x <= east and south <= min_y and max_y <= north
