"""Boundary features as the importer sees them, and reading them from GeoJSON.

A ``UnitFeature`` is a territorial unit to be written: its code, name and boundary in EPSG:4326,
already repaired. ``read_geojson`` turns a FeatureCollection (EPSG:4326, 2180 or 2176-2179) into
unit features, collecting every per-feature problem before it gives up.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, shape
from shapely.geometry.base import BaseGeometry

from shared.geo.crs import METRIC, SUPPORTED_TEXT, WGS84, parse_crs, transform, within_poland
from shared.geo.errors import GeoImportError

# A repair that moves less than this share of the area (or less than the absolute floor)
# only fixes ring topology (e.g. a ring touching itself at a point) and keeps the boundary.
REPAIR_MAX_AREA_CHANGE = 0.001
REPAIR_AREA_FLOOR_M2 = 1.0


@dataclass(frozen=True)
class UnitFeature:
    """A territorial unit to import; ``geometry`` is in EPSG:4326 or None (gmina only)."""

    code: str
    name: str
    geometry: BaseGeometry | None
    index: int | None = None
    approximate: bool = False
    source: str | None = None


@dataclass(frozen=True)
class FeatureMapping:
    """How a file's properties become unit codes and names.

    ``code_template`` is a ``str.format`` template with ``{value}`` (the code property; integers
    stay integers so ``{value:02d}`` works) and ``{parent}``; ``crs`` overrides the file's.
    """

    code_property: str
    name_property: str
    code_template: str = "{value}"
    parent: str | None = None
    crs: str | None = None
    approximate: bool = False
    source: str | None = None


@dataclass
class ReadResult:
    """Features read from a file, with notes on what was repaired."""

    features: list[UnitFeature]
    crs: int
    repairs: list[dict[str, Any]] = field(default_factory=list)


def _problem(index: int | None, message: str, code: str, **extra: Any) -> dict[str, Any]:
    return {"feature": index, "code": code, "message": message, **extra}


def polygonal_part(geometry: BaseGeometry) -> MultiPolygon:
    """The polygons of a geometry (dropping points and lines ``make_valid`` may leave)."""
    parts = [
        part
        for part in shapely.get_parts(geometry)
        if part.geom_type in ("Polygon", "MultiPolygon") and not part.is_empty
    ]
    polygons = [poly for part in parts for poly in shapely.get_parts(part)]
    return MultiPolygon(polygons)


def repair(geometry: MultiPolygon, *, crs: int = WGS84) -> tuple[MultiPolygon, str | None, float]:
    """Make a polygon valid when that is harmless.

    Returns the repaired geometry, the validity problem found (e.g. ``Self-intersection[x y]``)
    or None, and the relative area change. The caller rejects changes above
    ``REPAIR_MAX_AREA_CHANGE``.
    """
    if geometry.is_valid:
        return geometry, None, 0.0
    reason = shapely.is_valid_reason(geometry)
    repaired = polygonal_part(shapely.make_valid(geometry))
    metric_before = transform(geometry, crs, METRIC).area
    metric_after = transform(repaired, crs, METRIC).area
    change = abs(metric_after - metric_before)
    if change <= REPAIR_AREA_FLOOR_M2:
        return repaired, reason, 0.0
    relative = change / metric_before if metric_before > 0 else float("inf")
    return repaired, reason, relative


def _load_json(source: Path | str | bytes) -> Any:
    try:
        raw = source.read_bytes() if isinstance(source, Path) else source
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GeoImportError(
            f"Not GeoJSON: the file is not valid JSON ({exc}).",
            errors=[_problem(None, f"invalid JSON: {exc}", "not-geojson")],
        ) from exc
    except OSError as exc:
        raise GeoImportError(
            f"Cannot read the file: {exc.strerror}.",
            errors=[_problem(None, str(exc), "unreadable")],
        ) from exc


def _legacy_crs(document: Mapping[str, Any]) -> str | None:
    member = document.get("crs")
    if member is None:
        return None
    name = member.get("properties", {}).get("name") if isinstance(member, Mapping) else None
    if not isinstance(name, str):
        raise GeoImportError(
            f"Unknown CRS: the legacy crs member {member!r} has no name; supported: {SUPPORTED_TEXT}.",
            errors=[_problem(None, "crs member without a name", "unknown-crs")],
        )
    return name


def unit_code(mapping: FeatureMapping, value: Any) -> str:
    """Apply the code template to a property value; raises ``ValueError`` when it cannot.

    A string of digits is formatted as it is first (``{value}`` keeps the leading zero of
    ``"0264011"``) and as an integer when the template needs one (``{value:02d}``).
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    candidates = [value]
    if isinstance(value, str) and value.strip().isdigit():
        candidates.append(int(value.strip()))
    failure: Exception | None = None
    for candidate in candidates:
        try:
            return mapping.code_template.format(value=candidate, parent=mapping.parent or "")
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            failure = exc
    raise ValueError(f"code template {mapping.code_template!r} cannot format {value!r}: {failure}")


def read_geojson(source: Path | str | bytes, mapping: FeatureMapping) -> ReadResult:
    """Read a GeoJSON FeatureCollection (a ``Path``, or the document as ``str``/``bytes``)
    into unit features in EPSG:4326.

    Raises ``GeoImportError`` listing every problem: not GeoJSON, unknown CRS, missing
    properties, non-polygonal or irreparable geometry, coordinates outside Poland.
    """
    document = _load_json(source)
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        kind = document.get("type") if isinstance(document, dict) else type(document).__name__
        raise GeoImportError(
            f"Not GeoJSON: expected a FeatureCollection, found {kind!r}.",
            errors=[_problem(None, f"top-level type is {kind!r}", "not-geojson")],
        )
    raw_features = document.get("features")
    if not isinstance(raw_features, list):
        raise GeoImportError(
            "Not GeoJSON: the FeatureCollection has no features array.",
            errors=[_problem(None, "missing features array", "not-geojson")],
        )
    crs = parse_crs(mapping.crs or _legacy_crs(document) or "EPSG:4326")
    return _read_features(raw_features, crs, mapping)


def _prj_crs(path: Path) -> str | None:
    """``EPSG:nnnn`` of a shapefile's ``.prj`` (ESRI WKT), or None without one."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    prj = path.with_suffix(".prj")
    if not prj.exists():
        return None
    wkt = prj.read_text(encoding="utf-8", errors="replace")
    try:
        epsg = CRS.from_wkt(wkt).to_epsg()
    except CRSError:
        epsg = None
    if epsg is None:
        name = wkt.split('"')[1] if '"' in wkt else wkt[:40]
        raise GeoImportError(
            f"Unknown CRS {name!r} in {prj.name}; pass --crs ({SUPPORTED_TEXT}).",
            errors=[_problem(None, f"unrecognized .prj {name!r}", "unknown-crs")],
        )
    return f"EPSG:{epsg}"


def read_shapefile(path: Path, mapping: FeatureMapping) -> ReadResult:
    """Read an ESRI Shapefile (``.shp`` with its ``.dbf``, and ``.prj``/``.cpg`` when present)
    into unit features in EPSG:4326; same checks as ``read_geojson``."""
    import shapefile

    cpg = path.with_suffix(".cpg")
    encoding = cpg.read_text(encoding="ascii").strip() if cpg.exists() else "utf-8"
    crs_text = mapping.crs or _prj_crs(path)
    if crs_text is None:
        raise GeoImportError(
            f"{path.name} has no .prj: pass --crs ({SUPPORTED_TEXT}).",
            errors=[_problem(None, "no .prj file and no --crs", "unknown-crs")],
        )
    crs = parse_crs(crs_text)
    try:
        with shapefile.Reader(str(path), encoding=encoding) as reader:
            raw_features = [
                {
                    "type": "Feature",
                    "properties": record.record.as_dict(),
                    "geometry": record.shape.__geo_interface__ if record.shape.points else None,
                }
                for record in reader.iterShapeRecords()
            ]
    except (shapefile.ShapefileException, OSError, UnicodeDecodeError, LookupError) as exc:
        raise GeoImportError(
            f"Not a readable Shapefile: {exc}.",
            errors=[_problem(None, str(exc), "not-shapefile")],
        ) from exc
    return _read_features(raw_features, crs, mapping)


def read_boundaries(source: Path | str | bytes, mapping: FeatureMapping) -> ReadResult:
    """Read a boundary file: a ``.shp`` path as a Shapefile, anything else as GeoJSON."""
    if isinstance(source, Path) and source.suffix.lower() == ".shp":
        return read_shapefile(source, mapping)
    return read_geojson(source, mapping)


def _read_features(raw_features: list[Any], crs: int, mapping: FeatureMapping) -> ReadResult:
    """Turn GeoJSON-like feature dicts in ``crs`` into unit features (see ``read_geojson``)."""
    errors: list[dict[str, Any]] = []
    repairs: list[dict[str, Any]] = []
    features: list[UnitFeature] = []
    for index, raw in enumerate(raw_features):
        if not isinstance(raw, dict) or raw.get("type") != "Feature":
            errors.append(_problem(index, "not a GeoJSON Feature", "not-geojson"))
            continue
        properties = raw.get("properties") or {}
        name = properties.get(mapping.name_property)
        value = properties.get(mapping.code_property)
        if value is None or value == "":
            errors.append(
                _problem(index, f"property {mapping.code_property!r} is missing", "missing-code")
            )
            continue
        try:
            code = unit_code(mapping, value)
        except ValueError as exc:
            errors.append(_problem(index, str(exc), "bad-code"))
            continue
        if not isinstance(name, str) or not name.strip():
            errors.append(
                _problem(
                    index,
                    f"property {mapping.name_property!r} is missing",
                    "missing-name",
                    unit=code,
                )
            )
            continue
        name = name.strip()
        where = {"unit": code, "name": name}
        try:
            geometry = shape(raw["geometry"]) if raw.get("geometry") else None
        except (
            KeyError,
            TypeError,
            ValueError,
            AttributeError,
            shapely.errors.GEOSException,
        ) as exc:
            errors.append(_problem(index, f"unreadable geometry: {exc}", "not-geojson", **where))
            continue
        if geometry is None or geometry.is_empty:
            errors.append(
                _problem(index, "the feature has no geometry", "missing-geometry", **where)
            )
            continue
        if geometry.geom_type not in ("Polygon", "MultiPolygon"):
            errors.append(
                _problem(
                    index,
                    f"geometry type {geometry.geom_type} is not a Polygon or MultiPolygon",
                    "not-polygonal",
                    **where,
                )
            )
            continue
        multi = polygonal_part(geometry)
        repaired, reason, change = repair(multi, crs=crs)
        if reason is not None:
            if change > REPAIR_MAX_AREA_CHANGE:
                errors.append(
                    _problem(
                        index,
                        f"invalid polygon ({reason}); repairing it would change the area by "
                        f"{change:.1%}, so it is rejected: fix the boundary at the source",
                        "invalid-geometry",
                        **where,
                    )
                )
                continue
            repairs.append(
                {"feature": index, **where, "message": f"repaired ({reason}); area kept"}
            )
        lonlat = transform(repaired, crs, WGS84)
        if not within_poland(lonlat):
            errors.append(
                _problem(
                    index,
                    f"coordinates fall outside Poland when read as EPSG:{crs} "
                    "(wrong --crs, or northing/easting swapped?)",
                    "outside-poland",
                    **where,
                )
            )
            continue
        features.append(
            UnitFeature(
                code=code,
                name=name,
                geometry=lonlat,
                index=index,
                approximate=mapping.approximate,
                source=mapping.source,
            )
        )
    if not raw_features:
        errors.append(_problem(None, "the FeatureCollection is empty", "empty"))
    if errors:
        raise GeoImportError(
            f"{len(errors)} problem(s) in the boundary file; nothing was imported.", errors=errors
        )
    return ReadResult(features=features, crs=crs, repairs=repairs)


def duplicate_codes(features: Sequence[UnitFeature]) -> list[dict[str, Any]]:
    """One error per feature whose code an earlier feature already used."""
    first: dict[str, UnitFeature] = {}
    errors = []
    for feature in features:
        if feature.code in first:
            other = first[feature.code]
            errors.append(
                _problem(
                    feature.index,
                    f"duplicate code {feature.code}: also used by feature {other.index} "
                    f"({other.name})",
                    "duplicate-code",
                    unit=feature.code,
                    name=feature.name,
                )
            )
        else:
            first[feature.code] = feature
    return errors
