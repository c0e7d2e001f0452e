"""National-scale benchmark of the anonymizer on a SYNTHETIC country: the real powiats split
into 2 477 synthetic gminas (districts in the cities above 100 000), 5 000 000 synthetic case
records a year, the previous year closed and the current one up to ``--as-of``.

    uv run python bench/national/run.py --records 200000      # quicker
    uv run python bench/national/run.py --territory 24        # one voivodeship, national density
    uv run python bench/national/run.py                       # national scale, 5 M a year

Measured in one run, on one database it creates (``socmap_bench_national``; dropped afterwards
unless ``--keep``): the first full run; an incremental run after one municipality's monthly
batch; an incremental run after a batch of late records into closed quarters; the peak RSS of
each (every run executes ``service.execute_run`` in a child process, see ``runs.py``); the
DuckDB and old-SQL baselines of ``bench/anonymizer/baselines.py`` on the same data (skipped
with a note while that module is missing); the z5 tiles of the districts and municipalities
layers over Poland. ``geography.py`` and ``records.py`` say what is generated; README.md has
the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import resource
import sys
import time
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import geography
import numpy as np
import records
import runs
import tiles
from runs import RunResult
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shared.benchmarking import load_average
from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.db.engine import make_engine
from shared.settings import DatabaseSettings

ROOT = Path(__file__).resolve().parents[2]
SEED = 20260501
AS_OF = date(2026, 5, 1)
# Persons per generated chunk: bounds the memory of generation (about 180 000 records each).
CHUNK_PERSONS = 100_000
TARGET_FULL_S = 600
TARGET_RSS_MB = 2048
TARGET_INCREMENTAL = 0.05


# --- loading ---------------------------------------------------------------------------------


@dataclass
class Dataset:
    places: records.Places
    institutions: records.Institutions
    categories: records.Categories
    # Where clients live (probabilities over places; zero outside ``--territory``).
    weights: np.ndarray[Any, Any]
    # Share of Poland's residents in ``--territory``.
    share: float
    persons: int = 0
    loaded: int = 0
    numbered: int = 0
    held: list[bytes] = field(default_factory=list)
    held_records: int = 0


def timeline(as_of: date) -> tuple[date, date, date, date]:
    """(first day, last day, first day of the last month, last day of the last closed
    quarter): the previous year whole and the current one up to the day before ``as_of``."""
    first = date(as_of.year - 1, 1, 1)
    last = as_of - timedelta(days=1)
    quarter_start = date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)
    return first, last, last.replace(day=1), quarter_start - timedelta(days=1)


def batch_gmina(dataset: Dataset, population: dict[str, int]) -> str:
    """The city with districts of median size among those with clients: one MOPS's batch."""
    places = dataset.places
    cities = sorted(
        {
            code.decode()
            for code, district, weight in zip(
                places.gmina, places.district, dataset.weights, strict=True
            )
            if district != records.NULL and weight > 0
        },
        key=lambda code: population[code],
    )
    if not cities:
        raise SystemExit("no city with districts in --territory; name one with --batch-gmina")
    return cities[len(cities) // 2]


async def load_records(
    session: AsyncSession,
    dataset: Dataset,
    *,
    per_year: int,
    as_of: date,
    seed: int,
    held_gmina: str,
    chunk_persons: int,
) -> None:
    """All records but ``held_gmina``'s OPS records of the last month, chunk by chunk; those
    go to ``dataset.held`` as COPY text, in a batch of their own, for later."""
    first, last, month, _ = timeline(as_of)
    years = ((last - first).days + 1) / 365.25
    total_persons = round(per_year * dataset.share * years / records.RECORDS_PER_PERSON)
    held_index = dataset.places.gminas.index(held_gmina)
    monthly = await records.next_batches(
        session, dataset.institutions, gminas=[held_index], powiats=[]
    )
    chunks = math.ceil(total_persons / chunk_persons)
    for chunk in range(chunks):
        rng = np.random.default_rng([seed, 1, chunk])
        count = min(chunk_persons, total_persons - chunk * chunk_persons)
        persons = records.make_persons(count, dataset.weights, rng)
        generated = records.make_records(
            persons, dataset.categories, rng, first_day=first, last_day=last, as_of=as_of
        )
        held = (
            ~generated.pup
            & (dataset.places.gmina_index[persons.place[generated.person]] == held_index)
            & (generated.day >= np.datetime64(month))
        )
        for chosen, institutions in ((~held, dataset.institutions), (held, monthly)):
            part = generated.take(chosen)
            if not len(part):
                continue
            data = records.copy_text(
                part,
                persons,
                dataset.places,
                institutions,
                dataset.categories,
                prefix="",
                first_number=dataset.numbered,
            )
            dataset.numbered += len(part)
            if institutions is monthly:
                dataset.held.append(data)
                dataset.held_records += len(part)
            else:
                await records.copy_records(session, data)
                dataset.loaded += len(part)
        dataset.persons += count
        print(f"  chunk {chunk + 1}/{chunks}: {dataset.loaded:,} records", end="\r", flush=True)
    print()


async def late_records(
    session: AsyncSession,
    dataset: Dataset,
    *,
    count: int,
    gminas: list[str],
    as_of: date,
    seed: int,
) -> int:
    """``count`` records of new clients of ``gminas`` dated in closed quarters, in new batches
    of their OPS and PUP."""
    first, _, _, closed_until = timeline(as_of)
    rng = np.random.default_rng([seed, 2])
    chosen = np.isin(dataset.places.gmina, [code.encode() for code in gminas])
    weights = np.where(chosen, dataset.places.population, 0).astype(np.float64)
    persons = records.make_persons(
        math.ceil(2 * count / records.RECORDS_PER_PERSON), weights / weights.sum(), rng
    )
    generated = records.make_records(
        persons, dataset.categories, rng, first_day=first, last_day=closed_until, as_of=as_of
    )
    generated = generated.take(np.arange(len(generated)) < count)
    places = persons.place[generated.person]
    institutions = await records.next_batches(
        session,
        dataset.institutions,
        gminas=dataset.places.gmina_index[places].tolist(),
        powiats=dataset.places.powiat_index[places].tolist(),
    )
    data = records.copy_text(
        generated,
        persons,
        dataset.places,
        institutions,
        dataset.categories,
        prefix="LATE-",
        first_number=0,
    )
    await records.copy_records(session, data)
    return len(generated)


def late_gminas(dataset: Dataset, count: int, seed: int, held_gmina: str) -> list[str]:
    """``count`` gminas with clients, in different voivodeships where there are enough, not
    the monthly batch's gmina unless it is the only one."""
    rng = np.random.default_rng([seed, 3])
    places = dataset.places
    with_clients = sorted(
        {
            code.decode()
            for code, weight in zip(places.gmina, dataset.weights, strict=True)
            if weight
        }
    )
    if len(with_clients) > 1:
        with_clients.remove(held_gmina)
    voivodeships = sorted({code[:2] for code in with_clients})
    if len(voivodeships) > 1:
        voivodeships = [v for v in voivodeships if v != held_gmina[:2]]
    chosen = rng.permutation(voivodeships)[:count]
    picked = [str(rng.choice([c for c in with_clients if c.startswith(v)])) for v in chosen]
    others = [c for c in rng.permutation(with_clients) if c not in picked]
    return sorted(picked + others[: count - len(picked)])


async def prepare(
    sessionmaker: async_sessionmaker[AsyncSession], args: argparse.Namespace
) -> tuple[Dataset, dict[str, int], str]:
    async with sessionmaker() as session:
        started = time.perf_counter()
        note = await geography.load(
            session, seed=args.seed, year=args.as_of.year - 1, use_cache=not args.no_cache
        )
        await session.commit()
        print(f"{note} ({time.perf_counter() - started:.1f} s in all)")
        rows = await session.execute(text("SELECT unit_code, population FROM geo.population"))
        population: dict[str, int] = dict(rows.all())
        places = await records.load_places(session)
        started = time.perf_counter()
        institutions = await records.create_institutions(session, places)
        await session.commit()
        print(
            f"{len(places.gminas)} OPS and {len(places.powiats)} PUP institutions in"
            f" {time.perf_counter() - started:.1f} s"
        )
        weights = records.place_weights(places, np.random.default_rng([args.seed, 0]))
        share = 1.0
        if args.territory:
            inside = np.zeros(len(weights), dtype=bool)
            for prefix in args.territory:
                inside |= np.char.startswith(places.gmina, prefix.encode())
            if not inside.any():
                raise SystemExit(f"no gmina in --territory {','.join(args.territory)}")
            share = float(places.population[inside].sum() / places.population.sum())
            weights = np.where(inside, weights, 0.0)
            weights /= weights.sum()
        dataset = Dataset(
            places, institutions, await records.load_categories(session), weights, share
        )
        held = args.batch_gmina or batch_gmina(dataset, population)
        return dataset, population, held


# --- baselines -------------------------------------------------------------------------------


@dataclass
class Baseline:
    name: str
    seconds: float | None = None
    cells: int | None = None
    detail: str = ""


def import_baselines() -> tuple[Any, str | None]:
    sys.path.insert(0, str(ROOT / "bench" / "anonymizer"))
    try:
        import baselines  # type: ignore[import-not-found]
    except ImportError as exc:
        return None, f"bench/anonymizer/baselines.py is not importable yet ({exc})"
    return baselines, None


DUCKDB_MEMORY = "8GB"


async def guarded(name: str, call: Callable[[], Awaitable[Baseline]]) -> Baseline:
    """A baseline that fails is a row that says why, not a lost run."""
    try:
        return await call()
    except Exception as exc:
        traceback.print_exc()
        return Baseline(name, detail=f"failed: {type(exc).__name__}: {exc}"[:200])


async def duckdb_baseline(module: Any, dsn: str, as_of: date) -> Baseline:
    # Beyond 8 GB DuckDB spills to disk: the machine also holds PostgreSQL and its cache.
    extraction, computation, cells = await asyncio.to_thread(
        module.duckdb_cells, dsn, as_of=as_of, memory_limit=DUCKDB_MEMORY
    )
    return Baseline(
        "DuckDB",
        extraction + computation,
        cells,
        f"extraction {extraction:,.1f} s + computation {computation:,.1f} s",
    )


async def reference_baseline(
    module: Any, sessionmaker: async_sessionmaker[AsyncSession], as_of: date, limit: float
) -> Baseline:
    """The old SQL, stopped by a statement timeout after ``limit`` seconds."""
    async with sessionmaker() as session:
        await session.execute(text(f"SET statement_timeout = '{int(limit * 1000)}ms'"))
        try:
            seconds, cells = await asyncio.wait_for(
                module.reference_cells(session, as_of=as_of), limit + 60
            )
        except Exception as exc:
            if isinstance(exc, TimeoutError) or "statement timeout" in str(exc):
                return Baseline("old SQL", detail=f"stopped after the {limit:,.0f} s limit")
            raise
        finally:
            await session.rollback()
    return Baseline("old SQL", seconds, cells)


async def measure_baselines(
    args: argparse.Namespace,
    sessionmaker: async_sessionmaker[AsyncSession],
    settings_db: DatabaseSettings,
) -> list[Baseline]:
    module, missing = import_baselines()
    if module is None:
        print(f"baselines skipped: {missing}")
        return [Baseline("DuckDB and old SQL", detail=f"skipped: {missing}")]
    found: list[Baseline] = []
    dsn = settings_db.url(driver="postgresql").render_as_string(hide_password=False)
    if args.skip_duckdb:
        found.append(Baseline("DuckDB", detail="skipped (--skip-duckdb)"))
    else:
        print("DuckDB baseline ...", flush=True)
        found.append(await guarded("DuckDB", lambda: duckdb_baseline(module, dsn, args.as_of)))
    if args.skip_reference:
        found.append(Baseline("old SQL", detail="skipped (--skip-reference)"))
    else:
        print("old SQL baseline ...", flush=True)
        found.append(
            await guarded(
                "old SQL",
                lambda: reference_baseline(module, sessionmaker, args.as_of, args.reference_limit),
            )
        )
    return found


# --- the table -------------------------------------------------------------------------------


def phases(result: RunResult) -> str:
    parts = [f"{step} {seconds:,.1f} s" for step, seconds in result.phases]
    parts += [f"{key} {value}" for key, value in result.reported.items()]
    return "; ".join(parts) or "-"


def run_rows(result: RunResult, full: RunResult | None, what: str) -> list[str]:
    if result.status == "skipped":
        return [f"| {what} | skipped: {result.reason} |"]
    ratio = ""
    if full is not None and full.status == "published":
        ratio = f", **{result.seconds / full.seconds:.1%} of the full run**"
    status = result.status if result.reason is None else f"{result.status}: {result.reason[:200]}"
    cells = ""
    if result.cells is not None and result.suppressed is not None:
        cells = f"; {result.cells:,} cells, {result.suppressed:,} suppressed"
    peak = "-" if result.peak_mb is None else f"{result.peak_mb:,.0f} MB"
    return [
        f"| {what} | **{result.seconds:,.1f} s**{ratio}; {status}{cells} |",
        f"| ... its phases | {phases(result)} |",
        f"| ... its peak RSS (VmHWM of its process and its protection workers) | {peak} |",
    ]


def verdicts(full: RunResult, batch: RunResult, baselines: list[Baseline]) -> str:
    published = full.status == "published"
    found = [
        f"full run {full.seconds:,.0f} s"
        + (" (did not finish)" if not published else "")
        + f" vs < {TARGET_FULL_S} s: {'met' if published and full.seconds < TARGET_FULL_S else 'NOT met'}"
    ]
    if full.peak_mb is not None:
        met = full.peak_mb < TARGET_RSS_MB
        found.append(f"peak RSS {full.peak_mb:,.0f} MB vs < 2 GB: {'met' if met else 'NOT met'}")
    if published and batch.status == "published":
        share = batch.seconds / full.seconds
        met = share <= TARGET_INCREMENTAL
        found.append(f"monthly batch {share:.1%} of full vs <= 5 %: {'met' if met else 'NOT met'}")
    # Only a published run has aggregated every block: a stopped one is no comparison.
    aggregation = full.phase("aggregating") if full.status == "published" else None
    for baseline in baselines:
        if baseline.name == "DuckDB" and baseline.seconds and aggregation:
            ratio = aggregation / baseline.seconds
            found.append(
                f"aggregation {ratio:.2f}x DuckDB vs <= 1.0x: {'met' if ratio <= 1 else 'NOT met'}"
            )
    return "; ".join(found)


def table(
    context: dict[str, Any],
    results: list[RunResult],
    baselines: list[Baseline],
    sizes: list[tiles.TileSize],
) -> str:
    full, batch, late = results
    aggregation = full.phase("aggregating") if full.status == "published" else None
    lines = ["| measure | value |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in context.items() if key != "national"]
    lines += run_rows(full, None, "full first run (all gminas)")
    lines += run_rows(batch, full, "incremental run after the monthly batch")
    lines += run_rows(late, full, "incremental run after the late records")
    for baseline in baselines:
        if baseline.seconds is None:
            lines.append(f"| {baseline.name} | {baseline.detail} |")
            continue
        ratio = ""
        if aggregation:
            ratio = (
                f"; the run's aggregation phases ({aggregation:,.1f} s) ="
                f" **{aggregation / baseline.seconds:.2f}x**"
            )
        detail = f" ({baseline.detail})" if baseline.detail else ""
        lines.append(
            f"| {baseline.name} | {baseline.seconds:,.1f} s{detail}, {baseline.cells:,} cells{ratio} |"
        )
    for size in sizes:
        lines.append(
            f"| z{size.z}/{size.x}/{size.y} {size.layer} tile | {size.raw:,} B ({size.gzip:,} B"
            f" gzipped), {size.features:,} features ({size.suppressed:,} suppressed),"
            f" rendered in {size.milliseconds:,.0f} ms |"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines.append(f"| peak RSS of the benchmark's own process (generation, COPY) | {peak:,.0f} MB |")
    scale = "" if context.get("national") else "at this scale (the targets are national): "
    lines.append(f"| targets | {scale}{verdicts(full, batch, baselines)} |")
    return "\n".join(lines)


def machine() -> str:
    memory = next(
        int(line.split()[1]) / 1024**2
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return f"{os.cpu_count()} CPUs, {memory:.0f} GB RAM, {platform.system()} {platform.release()}"


async def server_version(sessionmaker: async_sessionmaker[AsyncSession]) -> str:
    async with sessionmaker() as session:
        version = await session.scalar(text("SHOW server_version"))
        postgis = await session.scalar(text("SELECT postgis_lib_version()"))
    return f"{version}, PostGIS {postgis}"


# --- main ------------------------------------------------------------------------------------


async def main(args: argparse.Namespace) -> None:
    base = DatabaseSettings()
    recreate_database(base, args.database)
    settings_db = base.model_copy(update={"name": args.database})
    context: dict[str, Any] = {
        "machine": machine(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load average at start": load_average(),
        "protection workers": args.workers,
    }

    async def execute(name: str, gminas: list[str] | None) -> RunResult:
        print(f"{name} run ...", flush=True)
        result = await runs.execute(
            database=args.database,
            name=name,
            gminas=gminas,
            as_of=args.as_of,
            time_limit=args.run_limit,
            memory_limit_mb=args.memory_limit,
            workers=args.workers,
        )
        peak = "" if result.peak_mb is None else f", peak RSS {result.peak_mb:,.0f} MB"
        print(f"  {result.status} in {result.seconds:,.1f} s{peak} ({phases(result)})", flush=True)
        return result

    try:
        migrate_database(settings_db, "head")
        engine = make_engine(settings_db.url(), pool_size=2, max_overflow=0)
        sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
        dataset, population, held_gmina = await prepare(sessionmaker, args)
        started = time.perf_counter()
        async with sessionmaker() as session:
            await load_records(
                session,
                dataset,
                per_year=args.records,
                as_of=args.as_of,
                seed=args.seed,
                held_gmina=held_gmina,
                chunk_persons=args.chunk_persons,
            )
            await session.commit()
            copied = time.perf_counter() - started
            await session.execute(text("ANALYZE"))
            await session.commit()
        loaded = time.perf_counter() - started
        print(f"{dataset.loaded:,} records of {dataset.persons:,} persons in {loaded:,.1f} s")
        first, last, month, closed_until = timeline(args.as_of)
        territory = ",".join(args.territory) if args.territory else "all of Poland"
        context |= {
            "PostgreSQL": await server_version(sessionmaker),
            "geography": (
                f"16 voivodeships, 380 powiats (real boundaries); {len(dataset.places.gminas):,}"
                f" gminas, {int(np.sum(dataset.places.district != records.NULL)):,}"
                " districts (synthetic)"
            ),
            "records": (
                f"{dataset.loaded:,} in {territory} ({args.records * dataset.share:,.0f} a year,"
                f" {first} to {last}) of {dataset.persons:,} persons; as_of {args.as_of},"
                f" closed up to {closed_until}"
            ),
            "COPY into ingest.record + ANALYZE": f"{copied:,.1f} s + {loaded - copied:,.1f} s",
            "national": not args.territory and args.records >= 5_000_000,
        }

        if args.load_only:
            print(f"loaded; database {args.database}" + (" kept" if args.keep else " dropped"))
            return
        full = await execute("full", None)
        sizes: list[tiles.TileSize] = []
        if full.status == "published":
            query = {
                "category": "any",
                "period": str(args.as_of.year - 1),
                "measure": "persons",
                "source": "all",
            }
            sizes = await tiles.poland_tiles(settings_db, query)
        baselines = await measure_baselines(args, sessionmaker, settings_db)

        chosen = late_gminas(dataset, args.late_gminas, args.seed, held_gmina)
        late_count = 0
        if full.status == "published":
            async with sessionmaker() as session:
                for data in dataset.held:
                    await records.copy_records(session, data)
                await session.commit()
            batch = await execute("monthly batch", [held_gmina])
            async with sessionmaker() as session:
                late_count = await late_records(
                    session,
                    dataset,
                    count=args.late_records,
                    gminas=chosen,
                    as_of=args.as_of,
                    seed=args.seed,
                )
                await session.commit()
            late = await execute("late records", chosen)
        else:
            # Without a release an incremental run has nothing to build on.
            batch, late = (
                RunResult(name, gminas, 0.0, "skipped", reason="the full run did not publish")
                for name, gminas in (("monthly batch", [held_gmina]), ("late records", chosen))
            )
        await engine.dispose()
        context |= {
            "monthly batch": (
                f"{dataset.held_records:,} OPS records of {held_gmina} dated {month} to {last}"
                f" ({population[held_gmina]:,} residents)"
            ),
            "late records": (
                f"{late_count or args.late_records} records dated {first} to {closed_until}"
                f" in {', '.join(chosen)}"
            ),
            "load average at end": load_average(),
        }
    finally:
        if not args.keep:
            drop_database(base, args.database)
    print()
    print(table(context, [full, batch, late], baselines, sizes))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--records", type=int, default=5_000_000, help="records a year in all of Poland"
    )
    parser.add_argument(
        "--territory",
        type=lambda value: value.split(","),
        help="TERC prefixes (e.g. 24 or 24,12): records only there, at the national density",
    )
    parser.add_argument("--as-of", type=date.fromisoformat, default=AS_OF)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--batch-gmina", help="whose monthly batch (default: a median city)")
    parser.add_argument("--late-records", type=int, default=300)
    parser.add_argument("--late-gminas", type=int, default=4)
    parser.add_argument(
        "--run-limit", type=float, default=3600, help="seconds before a run is stopped"
    )
    parser.add_argument(
        "--memory-limit", type=int, default=8192, help="address space of a run's process, MB"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="processes protecting blocks side by side (default: one per CPU)",
    )
    parser.add_argument("--skip-duckdb", action="store_true")
    parser.add_argument("--skip-reference", action="store_true", help="skip the old SQL")
    parser.add_argument(
        "--reference-limit", type=float, default=1800, help="seconds before the old SQL stops"
    )
    parser.add_argument("--chunk-persons", type=int, default=CHUNK_PERSONS)
    parser.add_argument("--no-cache", action="store_true", help="rebuild the geography")
    parser.add_argument("--database", default="socmap_bench_national")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--load-only", action="store_true", help="stop after loading (with --keep: to explore)"
    )
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
