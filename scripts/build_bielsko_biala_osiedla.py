"""Build data/geo/bielsko-biala-osiedla.geojson: approximate polygons of the 30 osiedla.

The official osiedle boundaries (statutes, Dz.Urz.Woj.Śl. 2014 poz. 3209-3238) are not available
as data, so each osiedle gets the Voronoi cell of its point in data/geo/bielsko-biala-osiedla.csv,
clipped to the `powiat Bielsko-Biała` feature of data/geo/powiaty.geojson (the city outline).
Cells are computed in the metric EPSG:2180 so that "nearest point" means nearest in metres.
Every feature carries ``approximate: true``: the points are label points or estimates (up to about
1 km off), and the simplified outline covers about 119 km² of the official 124.5 km².

Usage: uv run python scripts/build_bielsko_biala_osiedla.py
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import MultiPoint, MultiPolygon, Point, mapping, shape

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "data" / "geo"
OUTPUT = GEO / "bielsko-biala-osiedla.geojson"
CITY_FEATURE = "powiat Bielsko-Biała"
# Six decimals of a degree are about 0.1 m: far below the accuracy of the points.
DECIMALS = 6

TO_METRIC = Transformer.from_crs(4326, 2180, always_xy=True)
TO_LONLAT = Transformer.from_crs(2180, 4326, always_xy=True)


def _with(transformer: Transformer, geometry: shapely.Geometry) -> shapely.Geometry:
    def xy(coordinates: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coordinates[:, 0], coordinates[:, 1])
        return np.column_stack((x, y))

    return shapely.transform(geometry, xy)


def main() -> int:
    with (GEO / "bielsko-biala-osiedla.csv").open(encoding="utf-8") as handle:
        osiedla = list(csv.DictReader(handle))
    powiaty = json.loads((GEO / "powiaty.geojson").read_text(encoding="utf-8"))["features"]
    (city,) = [shape(f["geometry"]) for f in powiaty if f["properties"]["nazwa"] == CITY_FEATURE]
    city_metric = _with(TO_METRIC, city)
    points = [_with(TO_METRIC, Point(float(row["lon"]), float(row["lat"]))) for row in osiedla]
    cells = shapely.get_parts(
        shapely.voronoi_polygons(
            MultiPoint(points), extend_to=city_metric.buffer(5000), ordered=True
        )
    )
    features = []
    for row, point, cell in zip(osiedla, points, cells, strict=True):
        if not cell.contains(point):
            print(f"{row['code']}: cell does not hold its point", file=sys.stderr)
            return 1
        clipped = shapely.intersection(cell, city_metric)
        polygons = [part for part in shapely.get_parts(clipped) if part.geom_type == "Polygon"]
        if not polygons:
            print(f"{row['code']} {row['name']}: the cell misses the city outline", file=sys.stderr)
            return 1
        lonlat = shapely.set_precision(_with(TO_LONLAT, MultiPolygon(polygons)), 10**-DECIMALS)
        lonlat = shapely.orient_polygons(lonlat)  # RFC 7946: exterior rings counter-clockwise
        geometry = mapping(lonlat)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "code": row["code"],
                    "name": row["name"],
                    "approximate": True,
                    "method": "Voronoi cell of the osiedle point, clipped to the city outline",
                    "coord_source": row["coord_source"],
                },
                "geometry": geometry,
            }
        )
    geometries = [shape(feature["geometry"]) for feature in features]
    if not all(geometry.is_valid for geometry in geometries):
        print("an output polygon is invalid", file=sys.stderr)
        return 1
    document = {"type": "FeatureCollection", "features": features}
    OUTPUT.write_text(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    area = sum(_with(TO_METRIC, geometry).area for geometry in geometries) / 1e6
    print(
        f"{OUTPUT.relative_to(ROOT)}: {len(features)} osiedla, {area:.1f} km², "
        f"valid coverage: {bool(shapely.coverage_is_valid(geometries))}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
