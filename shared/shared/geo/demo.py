"""The shipped demo geography (``data/geo``): voivodeships, powiats, the benchmarking gminas,
Wrocław's osiedla, Bielsko-Biała's approximate osiedla, population, and the synthetic address
register of both cities (``data/geo/addresses``). Loading it upserts, so running it again
updates the same rows."""

from __future__ import annotations

import asyncio
import csv
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from shared.geo.addresses import (
    AddressReport,
    TerytReport,
    import_address_points,
    import_teryt,
)
from shared.geo.features import FeatureMapping, UnitFeature, read_geojson
from shared.geo.importer import ImportReport, PopulationReport, import_population, import_units
from shared.reference import data_dir

VOIVODESHIP_CODES = {
    "dolnośląskie": "02",
    "kujawsko-pomorskie": "04",
    "lubelskie": "06",
    "lubuskie": "08",
    "łódzkie": "10",
    "małopolskie": "12",
    "mazowieckie": "14",
    "opolskie": "16",
    "podkarpackie": "18",
    "podlaskie": "20",
    "pomorskie": "22",
    "śląskie": "24",
    "świętokrzyskie": "26",
    "warmińsko-mazurskie": "28",
    "wielkopolskie": "30",
    "zachodniopomorskie": "32",
}
POLSKA_GEOJSON = "ppatrzyk/polska-geojson (MIT), from GUGiK PRG"
WROCLAW_SOURCE = "ppatrzyk/polska-geojson miasta/wroclaw-max.geojson (MIT), Wrocław SIP"
BIELSKO_SOURCE = (
    "approximation: Voronoi cells of osiedle points clipped to the city outline "
    "(scripts/build_bielsko_biala_osiedla.py)"
)


@dataclass
class DemoReport:
    """The reports of every step of the demo load."""

    units: list[ImportReport] = field(default_factory=list)
    population: PopulationReport | None = None
    teryt: TerytReport | None = None
    addresses: AddressReport | None = None

    def describe(self) -> str:
        """A few lines per step, for a terminal."""
        parts = [report.describe() for report in self.units]
        parts += [
            report.describe()
            for report in (self.population, self.teryt, self.addresses)
            if report is not None
        ]
        return "\n".join(parts)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _read(path: Path, mapping: FeatureMapping) -> list[UnitFeature]:
    return read_geojson(path, mapping).features


def _voivodeships(geo: Path) -> list[UnitFeature]:
    features = _read(
        geo / "wojewodztwa.geojson", FeatureMapping("nazwa", "nazwa", source=POLSKA_GEOJSON)
    )
    # The code property is the name: map it to the TERC code.
    return [
        UnitFeature(
            code=VOIVODESHIP_CODES[feature.code],
            name=feature.name,
            geometry=feature.geometry,
            index=feature.index,
            source=feature.source,
        )
        for feature in features
    ]


def _powiat_codes(geo: Path) -> dict[tuple[str, str], str]:
    return {
        (row["nazwa"], row["wojewodztwo"]): row["code"] for row in _csv(geo / "powiat-codes.csv")
    }


def _powiats(geo: Path) -> list[UnitFeature]:
    codes = _powiat_codes(geo)
    document = json.loads((geo / "powiaty.geojson").read_text(encoding="utf-8"))
    # Names repeat across voivodeships, so the code comes from (nazwa, wojewodztwo).
    for feature in document["features"]:
        properties = feature["properties"]
        properties["code"] = codes[(properties["nazwa"], properties["wojewodztwo"])]
    result = read_geojson(
        json.dumps(document), FeatureMapping("code", "nazwa", source=POLSKA_GEOJSON)
    )
    return result.features


def _gminas(geo: Path, reference: Path) -> list[UnitFeature]:
    powiat_features = {(feature.name, feature.code[:2]): feature for feature in _powiats(geo)}
    gminas = []
    for row in _csv(reference / "gwd-cities.csv"):
        code = row["terc"]
        powiat = powiat_features[(row["powiat_feature_name"], code[:2])]
        # A city with powiat rights (powiat number 61+) is one gmina: its boundary is the
        # powiat's. Other gminas are smaller than their powiat and ship without a boundary.
        city = int(code[2:4]) >= 61
        gminas.append(
            UnitFeature(
                code=code,
                name=row["name"],
                geometry=powiat.geometry if city else None,
                source=f"TERC (GUS); boundary: {POLSKA_GEOJSON}" if city else "TERC (GUS)",
            )
        )
    return gminas


async def load_demo(session: AsyncSession, directory: Path | None = None) -> DemoReport:
    """Upsert all shipped demo geography and population in the caller's transaction."""
    base = directory or data_dir()
    geo, reference = base / "geo", base / "reference"
    report = DemoReport()
    steps: list[tuple[str, Callable[[], list[UnitFeature]]]] = [
        ("voivodeship", lambda: _voivodeships(geo)),
        ("powiat", lambda: _powiats(geo)),
        ("gmina", lambda: _gminas(geo, reference)),
        (
            "district",
            lambda: _read(
                geo / "wroclaw-osiedla.geojson",
                FeatureMapping(
                    "id", "osiedle", "{parent}-{value:02d}", parent="0264011", source=WROCLAW_SOURCE
                ),
            ),
        ),
        (
            "district",
            lambda: _read(
                geo / "bielsko-biala-osiedla.geojson",
                FeatureMapping("code", "name", approximate=True, source=BIELSKO_SOURCE),
            ),
        ),
    ]
    for level, build in steps:
        features = await asyncio.to_thread(build)
        report.units.append(await import_units(session, features, level=level))
    report.population = await import_population(session, geo / "population.csv")
    # Synthetic samples in the official layouts (data/geo/addresses/README.md).
    addresses = geo / "addresses"
    report.teryt = await import_teryt(session, addresses / "SIMC.csv", addresses / "ULIC.csv")
    report.addresses = await import_address_points(
        session,
        addresses / "PRG_punkty_adresowe.csv",
        source="socmap synthetic sample (data/geo/addresses, not PRG)",
    )
    return report
