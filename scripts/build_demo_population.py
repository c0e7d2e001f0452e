"""Build data/geo/population.csv: population of the demo units, real where the shipped data has a
figure and otherwise synthetic, flagged ``synthetic=true`` with source "synthetic demo value".

Real figures: the 10 Bielsko-Biała osiedla with a figure in data/geo/bielsko-biala-osiedla.csv
(with their years) and the city's 166 765 on 31.12.2022 (reference/domain-poland.md §4).
Synthetic figures for 2024, meant only to make rates per 1 000 residents look sensible:
- each gmina gets a plausible round total (Wrocław about 640 000);
- a city's total is spread over its osiedla by area, weighted by a density that falls off
  exponentially with the distance from the centre (denser middle, sparse outskirts);
- a Bielsko-Biała osiedle with a real figure keeps that figure scaled down a little (the city
  shrank by about 5 % since 2006), and the rest of the city's total goes to the others.

Usage: uv run python scripts/build_demo_population.py
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import Point, shape

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "data" / "geo"
OUTPUT = GEO / "population.csv"
SYNTHETIC = "synthetic demo value"
YEAR = 2024
TO_METRIC = Transformer.from_crs(4326, 2180, always_xy=True)

# Round synthetic totals of a plausible size for each gmina (not official figures).
GMINA_TOTALS = {
    "0202021": 31_500,  # Dzierżoniów
    "0264011": 640_000,  # Wrocław
    "1428011": 35_000,  # Sochaczew
    "2264011": 33_000,  # Sopot
    "2461011": 165_000,  # Bielsko-Biała
    "2464011": 205_000,  # Częstochowa
    "3024073": 30_000,  # Szamotuły (urban-rural gmina)
    "3062011": 69_000,  # Konin
}
# City centres (lon, lat) for the density fall-off; Bielsko-Biała's from domain-poland.md §3.
CENTRES = {"0264011": (17.0320, 51.1100), "2461011": (19.044444, 49.8225)}
FALL_OFF_M = 3_000.0
# Scaling of an old real figure to the synthetic 2024 value: about the city's own decline.
DECLINE_SINCE = {2006: 0.94, 2017: 0.98}
BB_CITY_REAL = {
    "year": 2022,
    "population": 166_765,
    "source": "city population on 31.12.2022 (reference/domain-poland.md §4)",
}


def _metric(geometry: shapely.Geometry) -> shapely.Geometry:
    def xy(coordinates: np.ndarray) -> np.ndarray:
        x, y = TO_METRIC.transform(coordinates[:, 0], coordinates[:, 1])
        return np.column_stack((x, y))

    return shapely.transform(geometry, xy)


def _weights(
    districts: dict[str, shapely.Geometry], centre: tuple[float, float]
) -> dict[str, float]:
    middle = _metric(Point(centre))
    weights = {}
    for code, geometry in districts.items():
        metric = _metric(geometry)
        distance = metric.centroid.distance(middle)
        weights[code] = metric.area * math.exp(-distance / FALL_OFF_M)
    return weights


def _spread(total: int, weights: dict[str, float]) -> dict[str, int]:
    scale = total / sum(weights.values())
    values = {code: int(round(weight * scale, -1)) for code, weight in weights.items()}
    # Put the rounding remainder on the largest osiedle so the parts add up to the total.
    largest = max(values, key=lambda code: values[code])
    values[largest] += total - sum(values.values())
    return values


def _row(code: str, year: int, population: int, synthetic: bool, source: str) -> dict[str, object]:
    return {
        "unit_code": code,
        "year": year,
        "population": population,
        "synthetic": "true" if synthetic else "false",
        "source": source,
    }


def main() -> int:
    rows: list[dict[str, object]] = []
    wroclaw = json.loads((GEO / "wroclaw-osiedla.geojson").read_text(encoding="utf-8"))
    districts = {
        f"0264011-{feature['properties']['id']:02d}": shape(feature["geometry"])
        for feature in wroclaw["features"]
    }
    for code, value in _spread(
        GMINA_TOTALS["0264011"], _weights(districts, CENTRES["0264011"])
    ).items():
        rows.append(_row(code, YEAR, value, True, SYNTHETIC))

    bielsko = json.loads((GEO / "bielsko-biala-osiedla.geojson").read_text(encoding="utf-8"))
    osiedla = {
        feature["properties"]["code"]: shape(feature["geometry"]) for feature in bielsko["features"]
    }
    with (GEO / "bielsko-biala-osiedla.csv").open(encoding="utf-8") as handle:
        known = [row for row in csv.DictReader(handle) if row["population"]]
    scaled = {}
    for row in known:
        year, population = int(row["population_year"]), int(row["population"])
        rows.append(_row(row["code"], year, population, False, row["population_source"]))
        scaled[row["code"]] = int(round(population * DECLINE_SINCE[year], -1))
    rest = GMINA_TOTALS["2461011"] - sum(scaled.values())
    others = {code: geometry for code, geometry in osiedla.items() if code not in scaled}
    synthetic = scaled | _spread(rest, _weights(others, CENTRES["2461011"]))
    for code, value in synthetic.items():
        rows.append(_row(code, YEAR, value, True, SYNTHETIC))
    rows.append(
        _row(
            "2461011",
            BB_CITY_REAL["year"],
            BB_CITY_REAL["population"],
            False,
            BB_CITY_REAL["source"],
        )
    )
    for code, total in GMINA_TOTALS.items():
        rows.append(_row(code, YEAR, total, True, SYNTHETIC))

    rows.sort(key=lambda row: (str(row["unit_code"]), int(str(row["year"]))))
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    real = sum(1 for row in rows if row["synthetic"] == "false")
    print(
        f"{OUTPUT.relative_to(ROOT)}: {len(rows)} rows, {real} real, {len(rows) - real} synthetic"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
