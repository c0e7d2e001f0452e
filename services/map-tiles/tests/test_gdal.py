"""GDAL opens the vector tiles as a GIS user would, against the service on a real port, in
this process and this test's transaction: ``ogrinfo`` from the OS packages (``gdal-bin``,
installed by ``scripts/setup.sh`` when run as root), and the current GDAL that pyogrio's wheels
bundle (a dev dependency, so these always run).

GDAL's OGC API driver follows the collection's ``tilesets-vector`` link to the tileset, its
tiling scheme and tile template, and offers one layer per zoom level. Its vector tiles need
GDAL 3.7.1 or later when GDAL is built with CMake: before OSGeo/gdal#7993 the build left them
out, and Debian bookworm's 3.6.2 is such a build (it follows every link, then has no layer to
offer). There the OS's GDAL checks the links it follows and reads the features the way the
driver does underneath: a tile of the template through the MVT driver; pyogrio's GDAL lists
the zoom levels and reads the features through the OGC API driver itself."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from map_tiles.collections import MAX_ZOOM, MIN_ZOOM
from shared.testing.plugin import raw_database

OGRINFO = shutil.which("ogrinfo")
needs_ogrinfo = pytest.mark.skipif(
    OGRINFO is None,
    reason="GDAL's ogrinfo is missing: install gdal-bin (scripts/setup.sh does, as root)",
)
PYOGRIO_READER = Path(__file__).with_name("pyogrio_reader.py")


def _gdal_version() -> tuple[int, ...]:
    if OGRINFO is None:
        return ()
    banner = subprocess.run([OGRINFO, "--version"], capture_output=True, text=True).stdout
    found = re.search(r"GDAL (\d+)\.(\d+)\.(\d+)", banner)
    return tuple(int(part) for part in found.groups()) if found else ()


GDAL = _gdal_version()
# The OGC API driver's vector tiles (see the module's docstring).
OGCAPI_VECTOR_TILES = GDAL >= (3, 7, 1)
API = ("-oo", "API=TILES")
# GDAL reads a collection's extent (CRS84) as if it were in the tile matrix set's CRS, so the
# window is given in EPSG:3857: around Bielsko-Biała.
BIELSKO_WINDOW = ("2115000", "6405000", "2125000", "6415000")  # MINX, MINY, MAXX, MAXY
WINDOW = tuple(
    part
    for name, value in zip(("MINX", "MINY", "MAXX", "MAXY"), BIELSKO_WINDOW, strict=True)
    for part in ("-oo", f"{name}={value}")
)
# Where GDAL fetches from (no proxy for the loopback) and that it fetches every time.
GDAL_ENV = {"NO_PROXY": "127.0.0.1", "GDAL_HTTP_USE_CACHE": "NO"}
BIELSKO_TILE = (12, 2264, 1392)  # z, column, row


@pytest.fixture
async def base_url(app: FastAPI, db_session: AsyncSession) -> AsyncIterator[str]:
    """The app served by uvicorn on a free loopback port, in this event loop (so a client in
    another process reads this test's data), as the service's role."""
    app.state.database = await raw_database(db_session, role="socmap_map_tiles")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, lifespan="off", log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        assert not serving.done(), "uvicorn did not start"
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await serving


async def ogrinfo(*arguments: str) -> tuple[int, str]:
    """``ogrinfo``'s exit status and output (it runs while this event loop serves it)."""
    assert OGRINFO is not None
    process = await asyncio.create_subprocess_exec(
        OGRINFO,
        *arguments,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, **GDAL_ENV},
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode is not None
    return process.returncode, output.decode("utf-8", "replace")


async def pyogrio_read(collection: str, layer: str) -> dict[str, Any]:
    """What ``pyogrio_reader.py`` reads of ``collection`` (its layers, and the features of
    ``layer`` around Bielsko-Biała), in a process of its own while this event loop serves it."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(PYOGRIO_READER),
        f"OGCAPI:{collection}",
        layer,
        *BIELSKO_WINDOW,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, **GDAL_ENV},
    )
    output, errors = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, errors.decode("utf-8", "replace")
    found: dict[str, Any] = json.loads(output)
    return found


@needs_ogrinfo
async def test_ogcapi_driver_follows_the_tiles_links_of_districts(base_url: str) -> None:
    collection = f"{base_url}/v1/collections/districts"
    status, output = await ogrinfo("--debug", "on", "-ro", "-so", f"OGCAPI:{collection}", *API)
    fetched = re.findall(r"HTTP: Fetch\((\S+)\)", output)
    assert fetched[:4] == [
        collection,
        f"{collection}/tiles",
        f"{collection}/tiles/WebMercatorQuad",
        f"{base_url}/v1/tileMatrixSets/WebMercatorQuad",
    ], output
    assert "ERROR" not in output, output
    assert "API TILES requested, but not available" not in output
    if OGCAPI_VECTOR_TILES:
        assert status == 0, output
        for zoom in (0, 12, 22):
            assert re.search(rf"^\d+: Zoom level {zoom}\b", output, re.MULTILINE), output


@needs_ogrinfo
@pytest.mark.skipif(
    not OGCAPI_VECTOR_TILES,
    reason=f"GDAL {'.'.join(map(str, GDAL))} is built without the OGC API driver's vector tiles"
    " (OSGeo/gdal#7993, fixed in 3.7.1); the MVT driver reads the tiles instead",
)
async def test_ogcapi_driver_reads_district_features(base_url: str) -> None:
    collection = f"OGCAPI:{base_url}/v1/collections/districts"
    status, output = await ogrinfo("-ro", "-q", collection, "Zoom level 12", *API, *WINDOW)
    assert status == 0, output
    assert "code (String) = 2461011-" in output
    assert "approximate (Integer(Boolean)) = 1" in output


@needs_ogrinfo
async def test_a_tile_of_the_template_reads_with_the_mvt_driver(base_url: str) -> None:
    """What the OGC API driver does with each tile: the MVT driver, georeferenced by z/x/y
    (which it reads from the path; ``.pbf`` tells it the last segment is a tile, not a
    directory of them)."""
    z, column, row = BIELSKO_TILE
    tile = f"{base_url}/v1/collections/districts/tiles/WebMercatorQuad/{z}/{column}/{row}.pbf"
    status, output = await ogrinfo("-ro", "-al", "-q", f"MVT:{tile}")
    assert status == 0, output
    assert "OGRFeature(districts):" in output
    assert "code (String) = 2461011-" in output
    assert "approximate (Integer(Boolean)) = 1" in output
    # The MVT feature id (the driver's `mvt_id`): the code's digits.
    assert "mvt_id (Integer64) = 246101101\n  code (String) = 2461011-01\n" in output


async def test_a_current_gdal_lists_the_zoom_levels_and_reads_districts(base_url: str) -> None:
    """The acceptance's ``ogrinfo OGCAPI:…/collections/districts -oo API=TILES``, with the GDAL
    of pyogrio's wheels whatever the OS has."""
    found = await pyogrio_read(f"{base_url}/v1/collections/districts", "Zoom level 12")
    version = tuple(int(part) for part in found["gdal"].split(".")[:3])
    assert version >= (3, 7, 1), f"pyogrio bundles GDAL {found['gdal']}: too old for the tiles"
    assert found["layers"] == [f"Zoom level {z}" for z in range(MIN_ZOOM, MAX_ZOOM + 1)]
    features = found["features"]
    assert features, "no district within the window around Bielsko-Biała"
    assert {feature["code"][:8] for feature in features} == {"2461011-"}
    assert "2461011-01" in {feature["code"] for feature in features}
    # Bielsko-Biała's osiedla are approximate (shared.geo.demo); MVT ids are the codes' digits.
    assert all(feature["approximate"] is True for feature in features)
    assert all(feature["mvt_id"] == int(feature["code"].replace("-", "")) for feature in features)
