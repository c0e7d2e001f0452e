"""The benchmark's national geography: real voivodeships and powiats (``data/geo``), split into
SYNTHETIC gminas and districts with SYNTHETIC populations.

- Each city with powiat rights (powiat number 61 and up) is one gmina ``WWPP011`` with the
  powiat's boundary; the other powiats share the rest of the 2 477 gminas in proportion to
  their area (at least three each), as Voronoi cells of seeded random points (two Lloyd steps
  so the cells look like gminas rather than splinters) clipped to the powiat. Codes
  ``WWPPGGR``: ``GG`` numbers the gminas of the powiat, ``R`` is 1 (urban, the powiat's seat),
  2 (rural) or 3 (urban-rural).
- Populations: cities by a rank-size rule over their area rank (Warsaw, the largest, 1.8 M;
  39 of them above 100 000), the other gminas log-normal (median about 7 000, seats larger),
  scaled so Poland has about 37.6 M residents. Powiats and voivodeships are the sums.
- Gminas above 100 000 residents are split again into 10-40 districts ``<gmina>-NN`` (Voronoi
  cells, Dirichlet shares of the city's population).

Every unit is imported with ``shared.geo.importer.import_units`` (coverage checks, cleaning and
the zoom-band geometries map-tiles serves) and marked ``approximate`` with a synthetic source;
populations are flagged ``synthetic``. The import takes a few minutes, so the loaded ``geo``
tables are kept as binary COPY files under ``bench/national/.cache/`` (keyed by the seed, the
shipped files and the migration head) and copied back on the next run.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry
from sqlalchemy.ext.asyncio import AsyncSession

from shared.geo.coverage import CoverageTolerances
from shared.geo.crs import METRIC, WGS84, transform
from shared.geo.demo import _powiats, _voivodeships
from shared.geo.features import UnitFeature, polygonal_part
from shared.geo.importer import import_population, import_units
from shared.migrations_info import head_revision
from shared.reference import data_dir

GENERATOR_VERSION = 1
GMINAS = 2477
FIRST_CITY_POWIAT = 61
DISTRICTS_ABOVE = 100_000
POPULATION = 37_600_000
LARGEST_CITY = 1_800_000
# Rank-size exponent: the 39th largest city has 1.8 M / 39**0.79 ~ 100 000 residents.
CITY_EXPONENT = 0.79
UNIT_SOURCE = "SYNTHETIC (bench/national): seeded Voronoi split of the real powiat"
POPULATION_SOURCE = "SYNTHETIC (bench/national)"
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
GEO_TABLES = ("territorial_unit", "territorial_unit_band", "population")

# A ring of rural gminas around a city with powiat rights encloses a unit of another powiat,
# which the importer's sibling check reports as a gap (real PRG gminas would be reported the
# same way): for gminas, gaps of any size are warnings. Voronoi cells cannot overlap.
TOLERANCES = {
    "voivodeship": CoverageTolerances(),
    "powiat": CoverageTolerances(),
    "gmina": CoverageTolerances(sliver_max_m2=1e12),
    "district": CoverageTolerances(),
}

Points = NDArray[np.float64]


@dataclass
class Geography:
    """Units to import (boundaries in EPSG:4326) and residents per unit code."""

    voivodeships: list[UnitFeature]
    powiats: list[UnitFeature]
    gminas: list[UnitFeature]
    districts: list[UnitFeature]
    population: dict[str, int]


def _inside(area: BaseGeometry, count: int, rng: np.random.Generator) -> Points:
    """``count`` uniform random points inside ``area`` (rejection from its bounding box)."""
    min_x, min_y, max_x, max_y = area.bounds
    shapely.prepare(area)
    found: list[Points] = []
    total = 0
    while total < count:
        xy = rng.uniform((min_x, min_y), (max_x, max_y), size=(4 * count + 16, 2))
        xy = xy[shapely.contains_xy(area, xy[:, 0], xy[:, 1])]
        found.append(xy)
        total += len(xy)
    return np.concatenate(found)[:count]


def _cells(area: BaseGeometry, points: Points) -> list[MultiPolygon]:
    diagram = shapely.voronoi_polygons(
        shapely.multipoints(points), extend_to=area.envelope, ordered=True
    )
    return [polygonal_part(cell) for cell in shapely.intersection(shapely.get_parts(diagram), area)]


def split(area: BaseGeometry, parts: int, rng: np.random.Generator) -> list[MultiPolygon]:
    """``area`` (metric CRS) cut into ``parts`` Voronoi cells, each non-empty."""
    if parts == 1:
        return [polygonal_part(area)]
    points = _inside(area, parts, rng)
    for _ in range(2):  # Lloyd steps: move each point to its cell's centroid when inside
        cells = _cells(area, points)
        centroids = shapely.get_coordinates(shapely.centroid(np.array(cells, dtype=object)))
        keep = shapely.contains_xy(area, centroids[:, 0], centroids[:, 1])
        points = np.where(keep[:, None], centroids, points)
    cells = _cells(area, points)
    assert all(not cell.is_empty for cell in cells)
    return cells


def allocate(total: int, weights: NDArray[np.float64], minimum: int) -> NDArray[np.int64]:
    """``total`` split in proportion to ``weights`` with at least ``minimum`` each (largest
    remainders)."""
    base = np.full(len(weights), minimum, dtype=np.int64)
    share = weights / weights.sum() * (total - base.sum())
    counts = base + np.floor(share).astype(np.int64)
    left = total - int(counts.sum())
    counts[np.argsort(np.floor(share) - share)[:left]] += 1
    return counts


def _wgs84(geometry: BaseGeometry) -> MultiPolygon:
    return polygonal_part(transform(geometry, METRIC, WGS84))


def build(seed: int, gminas: int = GMINAS) -> Geography:
    """The whole synthetic geography (CPU work, about a minute)."""
    geo = data_dir() / "geo"
    voivodeships = _voivodeships(geo)
    powiats = sorted(_powiats(geo), key=lambda unit: unit.code)
    rng = np.random.default_rng(seed)
    metric = {unit.code: transform(unit.geometry, WGS84, METRIC) for unit in powiats}
    cities = [unit for unit in powiats if int(unit.code[2:]) >= FIRST_CITY_POWIAT]
    land = [unit for unit in powiats if int(unit.code[2:]) < FIRST_CITY_POWIAT]
    counts = allocate(
        gminas - len(cities), np.array([metric[unit.code].area for unit in land]), minimum=3
    )
    population: dict[str, int] = {}
    units: list[UnitFeature] = []

    # Cities: larger area, higher rank; a little noise so the count above 100 000 varies.
    by_area = sorted(cities, key=lambda unit: -metric[unit.code].area)
    noise = rng.lognormal(0.0, 0.08, size=len(by_area))
    for rank, (unit, factor) in enumerate(zip(by_area, noise, strict=True), start=1):
        code = f"{unit.code}011"
        name = unit.name.removeprefix("powiat ")
        units.append(_unit(code, f"{name} (synthetic)", metric[unit.code]))
        population[code] = round(LARGEST_CITY * rank**-CITY_EXPONENT * factor)

    land_people: dict[str, float] = {}
    for unit, count in zip(land, counts, strict=True):
        cells = split(metric[unit.code], int(count), rng)
        people = rng.lognormal(np.log(7000), 0.7, size=len(cells))
        seat = 0  # the powiat's seat: larger, urban
        people[seat] *= 2.5
        kinds = rng.choice(["2", "3"], p=[0.8, 0.2], size=len(cells))
        kinds[seat] = rng.choice(["1", "3"])
        for number, (cell, kind, residents) in enumerate(
            zip(cells, kinds, people, strict=True), start=1
        ):
            code = f"{unit.code}{number:02d}{kind}"
            units.append(_unit(code, f"gmina {code} (synthetic)", cell))
            land_people[code] = float(min(residents, 90_000))
    scale = (POPULATION - sum(population.values())) / sum(land_people.values())
    population |= {code: round(value * scale) for code, value in land_people.items()}

    districts: list[UnitFeature] = []
    for unit in units:
        residents = population[unit.code]
        if residents <= DISTRICTS_ABOVE:
            continue
        count = int(np.clip(10 + residents // 60_000, 10, 40))
        assert unit.geometry is not None
        cells = split(transform(unit.geometry, WGS84, METRIC), count, rng)
        shares = rng.dirichlet(np.full(count, 5.0))
        people = np.floor(shares * residents).astype(np.int64)
        people[: residents - int(people.sum())] += 1
        for number, (cell, value) in enumerate(zip(cells, people, strict=True), start=1):
            code = f"{unit.code}-{number:02d}"
            districts.append(_unit(code, f"district {code} (synthetic)", cell))
            population[code] = int(value)

    for unit in units:
        for parent in (unit.code[:4], unit.code[:2]):
            population[parent] = population.get(parent, 0) + population[unit.code]
    return Geography(voivodeships, powiats, units, districts, population)


def _unit(code: str, name: str, metric_geometry: BaseGeometry) -> UnitFeature:
    return UnitFeature(
        code=code,
        name=name,
        geometry=_wgs84(metric_geometry),
        approximate=True,
        source=UNIT_SOURCE,
    )


def population_csv(geography: Geography, year: int) -> str:
    lines = ["unit_code,year,population,synthetic,source"]
    lines += [
        f"{code},{year},{residents},true,{POPULATION_SOURCE}"
        for code, residents in sorted(geography.population.items())
    ]
    return "\n".join(lines) + "\n"


def cache_key(seed: int, gminas: int, year: int) -> str:
    digest = hashlib.sha256(
        f"{GENERATOR_VERSION}:{seed}:{gminas}:{year}:{head_revision()}".encode()
    )
    geo = data_dir() / "geo"
    for name in ("wojewodztwa.geojson", "powiaty.geojson", "powiat-codes.csv"):
        digest.update((geo / name).read_bytes())
    return digest.hexdigest()[:16]


async def _raw(session: AsyncSession):  # type: ignore[no-untyped-def]
    connection = await (await session.connection()).get_raw_connection()
    return connection.driver_connection


async def _save(session: AsyncSession, directory: Path) -> None:
    partial = directory.with_suffix(".partial")
    partial.mkdir(parents=True, exist_ok=True)
    raw = await _raw(session)
    for table in GEO_TABLES:
        await raw.copy_from_table(
            table, schema_name="geo", output=str(partial / f"{table}.copy"), format="binary"
        )
    partial.rename(directory)


async def _restore(session: AsyncSession, directory: Path) -> None:
    raw = await _raw(session)
    for table in GEO_TABLES:
        # One COPY per table: a unit's parent is checked at the end of the statement.
        data = (directory / f"{table}.copy").read_bytes()
        await raw.copy_to_table(table, schema_name="geo", source=io.BytesIO(data), format="binary")


async def load(
    session: AsyncSession, *, seed: int, year: int, gminas: int = GMINAS, use_cache: bool = True
) -> str:
    """Fill ``geo.*`` of an empty, migrated database (from the cache when it has this
    geography); the caller commits. Returns what was done, for the log."""
    directory = CACHE_DIR / f"geography-{cache_key(seed, gminas, year)}"
    started = time.perf_counter()
    if use_cache and directory.is_dir():
        await _restore(session, directory)
        return f"geography from {directory.name} in {time.perf_counter() - started:.1f} s"
    geography = await asyncio.to_thread(build, seed, gminas)
    built = time.perf_counter() - started
    for level, features in (
        ("voivodeship", geography.voivodeships),
        ("powiat", geography.powiats),
        ("gmina", geography.gminas),
        ("district", geography.districts),
    ):
        await import_units(session, features, level=level, tolerances=TOLERANCES[level])
    await import_population(session, population_csv(geography, year))
    imported = time.perf_counter() - started - built
    if use_cache:
        await _save(session, directory)
    return (
        f"geography built in {built:.1f} s ({len(geography.gminas)} gminas,"
        f" {len(geography.districts)} districts), imported in {imported:.1f} s"
    )
