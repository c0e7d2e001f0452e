"""Bounding boxes and points from query strings (``bbox=minx,miny,maxx,maxy``, ``near=lon,lat``),
parsed once for every service. Errors are ``ValueError`` with a message for the client; each
service answers them in its own problem type (map-tiles 400 as OGC API requires, catalog 422
with the field)."""

from __future__ import annotations

import math

BBox = tuple[float, float, float, float]


def numbers(raw: str, count: int, name: str) -> tuple[float, ...]:
    """``count`` finite comma-separated numbers."""
    try:
        values = tuple(float(part) for part in raw.split(","))
    except ValueError:
        values = ()
    if len(values) != count or not all(math.isfinite(value) for value in values):
        raise ValueError(f"'{name}' must be {count} comma-separated numbers.")
    return values


def parse_bbox(raw: str, *, lat_lon: bool = False, name: str = "bbox") -> BBox:
    """``minLon,minLat,maxLon,maxLat`` in degrees; ``lat_lon``: the axes come latitude first
    (EPSG:4326 as registered), and are swapped to longitude first."""
    values = numbers(raw, 4, name)
    min_x, min_y, max_x, max_y = (values[1], values[0], values[3], values[2]) if lat_lon else values
    if not (-180 <= min_x <= max_x <= 180 and -90 <= min_y <= max_y <= 90):
        order = "minLat,minLon,maxLat,maxLon" if lat_lon else "minLon,minLat,maxLon,maxLat"
        raise ValueError(f"'{name}' must be {order} in degrees with min <= max.")
    return (min_x, min_y, max_x, max_y)


def parse_point(raw: str, *, name: str = "near") -> tuple[float, float]:
    """``lon,lat`` in degrees."""
    lon, lat = numbers(raw, 2, name)
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"'{name}' must be lon,lat in degrees.")
    return (lon, lat)
