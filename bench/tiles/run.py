"""Tiles benchmark: socmap map-tiles (cold and warm cache) against tipg 1.6.1 on the same data
in the same database, plus the size of low-zoom district tiles and the latency of a whole
city's district GeoJSON.

    uv run python bench/tiles/run.py                 # 10 s per phase, concurrency 16
    uv run python bench/tiles/run.py --seconds 5 --providers 5000 --keep

It creates (and drops, unless --keep) the database ``socmap_bench_tiles`` on the local cluster
(``SOCMAP_DB_*``), migrates it, loads the demo geography, publishes a synthetic release for the
78 demo districts (about one cell in six suppressed) and publishes synthetic providers. tipg
1.6.1 is installed into its own virtual environment (``.local/bench/tipg-venv``, not a project
dependency) and reads the same rows through two views in schema ``bench``. Both servers run
with the same number of uvicorn workers (``--workers``, default 1) on loopback. Timed phases
use wrk when installed, otherwise an asyncio client in this process.

"cold" is socmap with its tile cache switched off (``SOCMAP_MAP_TILES_CACHE_MAX_ENTRIES=0``):
every request is rendered by PostGIS, and concurrent identical requests are not coalesced
either (the single flight only runs with the cache on). tipg has no tile cache, so it is cold
throughout.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import math
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared import benchmarking
from shared.benchmarking import Result, load_average, load_generator
from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.db.engine import make_engine
from shared.geo.demo import load_demo
from shared.institutions import create_api_key, create_institution
from shared.settings import DatabaseSettings

ROOT = Path(__file__).resolve().parents[2]
WORKDIR = ROOT / ".local" / "bench"
DATABASE = "socmap_bench_tiles"
TIPG_VERSION = "1.6.1"
SOCMAP_PORT = 18004
TIPG_PORT = 18081
# Bounding boxes (lon/lat) of the demo cities.
CITIES = {"Wrocław": (16.80, 51.04, 17.18, 51.21), "Bielsko-Biała": (18.96, 49.74, 19.12, 49.88)}
WROCLAW = "0264011"

TIPG_VIEWS = """
CREATE SCHEMA IF NOT EXISTS bench;
CREATE OR REPLACE VIEW bench.districts AS
SELECT u.code AS id, u.name, c.value, c.suppressed, c.rate, u.geom
FROM geo.territorial_unit u
LEFT JOIN stats.published_cell c ON c.unit_code = u.code AND c.is_current
     AND c.category = 'any' AND c.period = '2025' AND c.measure = 'persons' AND c.source = 'all'
WHERE u.level = 'district';
CREATE OR REPLACE VIEW bench.providers AS
SELECT id, name, provider_type, city, geom FROM catalog.published_provider;
"""


# --- data -------------------------------------------------------------------------------------


async def prepare(settings: DatabaseSettings, *, providers: int) -> str:
    """Load geography, a release and providers; return a tiles:invalidate key."""
    engine = make_engine(settings.url())
    rng = random.Random(7)
    async with engine.connect() as connection:
        session = AsyncSession(bind=connection)
        await load_demo(session)
        await session.execute(
            text(
                "INSERT INTO stats.release (method, k, periods, as_of)"
                " VALUES ('bench', 5, ARRAY['2025'], DATE '2025-12-31')"
            )
        )
        await session.execute(
            text(
                """
                INSERT INTO stats.cell (release_id, unit_code, level, category, period,
                    period_kind, measure, source, value, suppressed, suppression, population,
                    rate, rate_lower, rate_upper)
                SELECT 1, code, 'district', 'any', '2025', 'year', 'persons', 'all',
                       CASE WHEN s THEN NULL ELSE v END, s, CASE WHEN s THEN 'primary' END,
                       10000, CASE WHEN s THEN NULL ELSE v / 10.0 END,
                       CASE WHEN s THEN NULL ELSE v / 10.0 - 1 END,
                       CASE WHEN s THEN NULL ELSE v / 10.0 + 1 END
                FROM (SELECT code, hashtext(code) % 6 = 0 AS s,
                             5 + abs(hashtext(code)) % 400 AS v
                      FROM geo.territorial_unit WHERE level = 'district') AS d
                """
            )
        )
        rows = []
        for index in range(providers):
            minx, miny, maxx, maxy = list(CITIES.values())[index % len(CITIES)]
            rows.append(
                {
                    "slug": f"bench-{index}",
                    "name": f"Placówka {index}",
                    "lon": rng.uniform(minx, maxx),
                    "lat": rng.uniform(miny, maxy),
                }
            )
        await session.execute(
            text(
                """
                INSERT INTO catalog.provider (slug, status, name, description, provider_type,
                    voivodeship, city, geom, point_source, published_at)
                VALUES (:slug, 'published', :name, 'bench', (SELECT min(code) FROM
                    ref.provider_type), '02', 'bench', ST_SetSRID(ST_MakePoint(:lon, :lat), 4326),
                    'explicit', now())
                """
            ),
            rows,
        )
        for statement in TIPG_VIEWS.split(";"):
            if statement.strip():
                await session.execute(text(statement))
        institution = await create_institution(session, kind="SERVICE", name="bench", territory=[])
        issued = await create_api_key(
            session, institution=institution, name="bench", scopes=["tiles:invalidate"]
        )
        await session.commit()
    await engine.dispose()
    return issued.token


def tile_list(zooms: Sequence[int], per_zoom: int) -> list[tuple[int, int, int]]:
    """Tiles covering the demo cities at each zoom (a fixed sample of ``per_zoom`` at most)."""
    rng = random.Random(11)
    tiles: list[tuple[int, int, int]] = []
    for zoom in zooms:
        found = []
        for minx, miny, maxx, maxy in CITIES.values():
            x0, y0 = lonlat_tile(minx, maxy, zoom)
            x1, y1 = lonlat_tile(maxx, miny, zoom)
            found += [(zoom, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
        rng.shuffle(found)
        tiles += found[:per_zoom]
    return tiles


def lonlat_tile(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    n = 2**zoom
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return x, y


# --- servers ----------------------------------------------------------------------------------


def tipg_python() -> Path:
    venv = ROOT / ".local" / "bench" / "tipg-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run(["uv", "venv", "--python", sys.executable, str(venv)], check=True)
    probe = subprocess.run(
        [str(python), "-c", "import tipg; print(tipg.__version__)"], capture_output=True, text=True
    )
    if probe.stdout.strip() != TIPG_VERSION:
        subprocess.run(
            ["uv", "pip", "install", "--python", str(python), f"tipg=={TIPG_VERSION}", "uvicorn"],
            check=True,
        )
    return python


# --- load -------------------------------------------------------------------------------------


GZIP = {"Accept-Encoding": "gzip"}


async def load(name: str, urls: list[str], **options: Any) -> Result:
    """The asyncio client (untimed phases, and single URLs)."""
    return await benchmarking.load(name, urls, headers=GZIP, **options)


async def timed(name: str, urls: list[str], args: argparse.Namespace) -> Result:
    """A timed round-robin phase: wrk when installed, else the asyncio client."""
    return await benchmarking.timed(
        name, urls, concurrency=args.c, seconds=args.seconds, workdir=WORKDIR, headers=GZIP
    )


def server(command: list[str], env: dict[str, str], port: int) -> AbstractContextManager[None]:
    return benchmarking.server(command, env, port, WORKDIR / f"server-{port}.log")


async def invalidate(headers: dict[str, str]) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(
            f"http://127.0.0.1:{SOCMAP_PORT}/v1/cache:invalidate", json={}, headers=headers
        )
        response.raise_for_status()


def row(result: Result, baseline: Result | None) -> str:
    ratio = f"{result.rate / baseline.rate:6.1f}x" if baseline else "      "
    return (
        f"{result.name:<28} {result.requests:>7} {result.rate:>9.1f} {ratio} "
        f"{result.p50:>8.1f} {result.p99:>8.1f} {result.errors:>6}"
    )


async def run(args: argparse.Namespace) -> None:
    base = DatabaseSettings()
    recreate_database(base, DATABASE)
    settings = base.model_copy(update={"name": DATABASE})
    try:
        migrate_database(settings)
        key = await prepare(settings, providers=args.providers)
        tiles = tile_list(range(8, 17), args.per_zoom)
        layers = ("districts", "providers")
        socmap = [
            f"http://127.0.0.1:{SOCMAP_PORT}/v1/collections/{layers[i % 2]}/tiles/"
            f"WebMercatorQuad/{z}/{x}/{y}"
            for i, (z, x, y) in enumerate(tiles)
        ]
        tipg = [
            f"http://127.0.0.1:{TIPG_PORT}/collections/bench.{layers[i % 2]}/tiles/"
            f"WebMercatorQuad/{z}/{x}/{y}"
            for i, (z, x, y) in enumerate(tiles)
        ]
        env = {
            "SOCMAP_DB_NAME": DATABASE,
            "SOCMAP_ENV": "production",
            "SOCMAP_MAP_TILES_LOG_LEVEL": "WARNING",
        }
        socmap_cmd = [
            sys.executable, "-m", "uvicorn", "map_tiles.app:create_app", "--factory",
            "--port", str(SOCMAP_PORT), "--log-level", "warning", "--no-access-log",
            "--workers", str(args.workers),
        ]  # fmt: skip
        tipg_env = {
            "DATABASE_URL": settings.url(driver="postgresql").render_as_string(hide_password=False),
            "TIPG_DB_SCHEMAS": '["bench"]',
            "TIPG_MAX_FEATURES_PER_TILE": "10000",
        }
        tipg_cmd = [
            str(tipg_python()), "-m", "uvicorn", "tipg.main:app",
            "--port", str(TIPG_PORT), "--log-level", "warning", "--no-access-log",
            "--workers", str(args.workers),
        ]  # fmt: skip
        print(
            f"{len(tiles)} tiles z8-z16 over {', '.join(CITIES)}; concurrency {args.c}; "
            f"{args.workers} uvicorn worker(s) each for socmap and tipg; same database "
            f"{DATABASE}; load average at start {load_average()}"
        )
        with server(socmap_cmd, env, SOCMAP_PORT):
            headers = {"Authorization": f"Bearer {key}"}
            # Warm up connections and the release lookup, then drop every cached tile.
            await load("warm-up", socmap[:32], concurrency=args.c, seconds=None, once=True)
            await invalidate(headers)
            first = await load(
                "socmap first pass (each once)", socmap, concurrency=args.c, seconds=None, once=True
            )
            warm = await timed("socmap warm", socmap, args)
            sizes = []
            async with httpx.AsyncClient() as client:
                for zoom in range(0, 11):
                    for minx, miny, maxx, maxy in CITIES.values():
                        x, y = lonlat_tile((minx + maxx) / 2, (miny + maxy) / 2, zoom)
                        body = (
                            await client.get(
                                f"http://127.0.0.1:{SOCMAP_PORT}/v1/collections/districts/"
                                f"tiles/WebMercatorQuad/{zoom}/{x}/{y}"
                            )
                        ).content
                        sizes.append((zoom, len(body), len(gzip.compress(body))))
                city = (
                    f"http://127.0.0.1:{SOCMAP_PORT}/v1/collections/districts/items"
                    f"?territory={WROCLAW}&zoom=12"
                )
                await invalidate(headers)
                started = time.perf_counter()
                await client.get(city)
                city_cold = (time.perf_counter() - started) * 1000
            city_warm = await load("city GeoJSON", [city], concurrency=1, seconds=2)
        # Cold: the same service with its tile cache off, so every request renders in PostGIS.
        uncached = {**env, "SOCMAP_MAP_TILES_CACHE_MAX_ENTRIES": "0"}
        with server(socmap_cmd, uncached, SOCMAP_PORT):
            await load("warm-up", socmap[:32], concurrency=args.c, seconds=None, once=True)
            cold = await timed("socmap cold (no tile cache)", socmap, args)
        with server(tipg_cmd, tipg_env, TIPG_PORT):
            await load("warm-up", tipg[:32], concurrency=args.c, seconds=None, once=True)
            tipg_result = await timed("tipg 1.6.1", tipg, args)
            tipg_city_url = (
                f"http://127.0.0.1:{TIPG_PORT}/collections/bench.districts/items"
                f"?bbox={','.join(map(str, CITIES['Wrocław']))}&limit=100"
            )
            tipg_city = await load("tipg city GeoJSON", [tipg_city_url], concurrency=1, seconds=2)
        print(
            f"\n{'run':<28} {'reqs':>7} {'req/s':>9} {'vs tipg':>7} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}"
        )
        print(f"load generator: {load_generator()}; load average at end {load_average()}")
        for result in (tipg_result, first, cold, warm):
            print(row(result, None if result is tipg_result else tipg_result))
        print("\nlow-zoom district tiles (city centres): zoom raw_bytes gzip_bytes")
        for zoom, raw, packed in sizes:
            print(f"  z{zoom:<2} {raw:>8} {packed:>8}")
        print(f"  max gzip at z<=10: {max(p for _, _, p in sizes)} bytes (target < 50 000)")
        print(
            f"\nWrocław districts GeoJSON (48 features): socmap uncached {city_cold:.1f} ms, "
            f"p50 {city_warm.p50:.1f} ms; tipg p50 {tipg_city.p50:.1f} ms"
        )
        print(
            f"\ntargets: cold (every request rendered by PostGIS) >= 1.5x tipg: "
            f"{cold.rate / tipg_result.rate:.1f}x; "
            f"warm >= 10x tipg: {warm.rate / tipg_result.rate:.1f}x, "
            f"p99 < 20 ms: {warm.p99:.1f} ms"
        )
    finally:
        if not args.keep:
            drop_database(base, DATABASE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="length of a timed phase")
    parser.add_argument("-c", type=int, default=16, help="concurrency")
    parser.add_argument("--per-zoom", type=int, default=60, help="tiles per zoom level at most")
    parser.add_argument("--providers", type=int, default=2000, help="synthetic providers")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument(
        "--workers", type=int, default=1, help="uvicorn workers, the same for both servers"
    )
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
