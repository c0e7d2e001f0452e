"""What GDAL's OGCAPI driver reads of a collection's vector tiles, through pyogrio and the GDAL
its wheels bundle (a current one, unlike Debian bookworm's 3.6): run by ``test_gdal.py`` as

    python pyogrio_reader.py OGCAPI:<collection URL> "<layer>" MINX MINY MAXX MAXY

A process of its own: pyogrio keeps the GIL while GDAL fetches, so it cannot run in a thread of
the event loop that serves it. Prints JSON: the GDAL version, the layers the collection opens
with (``API=TILES``) and the features of ``layer`` within the window (EPSG:3857), with their
``code``, ``approximate`` and MVT id."""

from __future__ import annotations

import json
import sys

import pyogrio
from pyogrio.errors import DataLayerError
from pyogrio.raw import read

TILES = {"API": "TILES"}  # pyogrio passes keywords it does not know as open options


def layers(source: str) -> list[str]:
    """The layers of ``source``, by index until there is none (``list_layers`` takes no open
    options)."""
    found: list[str] = []
    while True:
        try:
            found.append(pyogrio.read_info(source, layer=len(found), **TILES)["layer_name"])
        except DataLayerError:
            return found


def features(source: str, layer: str, window: list[str]) -> list[dict[str, object]]:
    minx, miny, maxx, maxy = window
    meta, _, _, columns = read(
        source,
        layer=layer,
        columns=["mvt_id", "code", "approximate"],
        read_geometry=False,
        MINX=minx,
        MINY=miny,
        MAXX=maxx,
        MAXY=maxy,
        **TILES,
    )
    names = list(meta["fields"])
    rows = zip(*(column.tolist() for column in columns), strict=True)
    return [dict(zip(names, row, strict=True)) for row in rows]


def main() -> None:
    source, layer, *window = sys.argv[1:]
    json.dump(
        {
            "gdal": pyogrio.__gdal_version_string__,
            "layers": layers(source),
            "features": features(source, layer, window),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
