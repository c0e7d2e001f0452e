"""The two demo cities for tests of the address register: Bielsko-Biała's and Wrocław's osiedla
from ``data/geo`` inserted as they are (no coverage cleaning, which the geography tests cover),
with their gmina, powiat and voivodeship, and the synthetic address samples of
``data/geo/addresses``."""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.reference import data_dir

BIELSKO_BIALA = "2461011"
WROCLAW = "0264011"
BIELSKO_SIMC = "0923584"
WROCLAW_SIMC = "0986283"
WAPIENICA_SIMC = "9990102"  # synthetic: a part of Bielsko-Biała
JAWORZE_SIMC = "9990101"  # synthetic: a village of gmina Jaworze (2402052)


def address_samples() -> Path:
    """The folder of the synthetic TERYT and PRG samples."""
    return data_dir() / "geo" / "addresses"


# The synthetic PRG address points of the demo cities, as CSV and as GUGiK's GML.
PRG_CSV = address_samples() / "PRG_punkty_adresowe.csv"
PRG_GML = address_samples() / "PRG_punkty_adresowe.gml"


def _districts() -> dict[str, list[tuple[str, str, BaseGeometry]]]:
    """Gmina → its osiedla (code, name, boundary)."""
    geo = data_dir() / "geo"
    bielsko = json.loads((geo / "bielsko-biala-osiedla.geojson").read_text(encoding="utf-8"))
    wroclaw = json.loads((geo / "wroclaw-osiedla.geojson").read_text(encoding="utf-8"))
    return {
        BIELSKO_BIALA: [
            (f["properties"]["code"], f["properties"]["name"], shape(f["geometry"]))
            for f in bielsko["features"]
        ],
        WROCLAW: [
            (
                f"{WROCLAW}-{f['properties']['id']:02d}",
                f["properties"]["osiedle"],
                shape(f["geometry"]),
            )
            for f in wroclaw["features"]
        ],
    }


_INSERT = text(
    "INSERT INTO geo.territorial_unit (code, level, name, parent_code, geom)"
    " VALUES (:code, :level, :name, :parent, ST_Multi(ST_GeomFromWKB(CAST(:wkb AS bytea), 4326)))"
    " ON CONFLICT (code) DO NOTHING"
)


async def load_demo_cities(session: AsyncSession) -> None:
    """Insert both cities' units (the city outline stands for gmina, powiat and voivodeship)."""
    for gmina, districts in _districts().items():
        outline = shapely.union_all([geometry for _code, _name, geometry in districts])
        for code, level, parent in (
            (gmina[:2], "voivodeship", None),
            (gmina[:4], "powiat", gmina[:2]),
            (gmina, "gmina", gmina[:4]),
        ):
            await session.execute(
                _INSERT,
                {"code": code, "level": level, "name": f"test {code}", "parent": parent,
                 "wkb": outline.wkb},
            )  # fmt: skip
        for code, name, geometry in districts:
            await session.execute(
                _INSERT,
                {"code": code, "level": "district", "name": name, "parent": gmina,
                 "wkb": geometry.wkb},
            )  # fmt: skip
