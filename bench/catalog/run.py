"""Catalog benchmark: Polish full-text search, text + geo and faceted queries through the
catalog app (in process, real engine and pool) on synthetic data, against a naive ``ILIKE``
search measured in the same run on the same rows.

    uv run python bench/catalog/run.py                         # 100 000 practices, 50 000 providers
    uv run python bench/catalog/run.py --practices 20000 --providers 10000 --requests 200

It creates (and drops, unless --keep) its own database on the local cluster (``SOCMAP_DB_*``),
migrated to head, and starts the app through its lifespan as uvicorn would (the service role
``socmap_catalog``, a pool of two connections per CPU (``--pool``), the Hunspell dictionary
loaded on every pooled connection). Queries are drawn from ~1 700 distinct seeded search
texts and varied filters, so that no cache can answer them; each kind is warmed before it is
measured (plan cache). Latencies are per request at the given concurrency (default 8); "capped" is the share
of responses whose total is a lower bound (more matches than the search's window).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import orjson
from alembic import command
from sqlalchemy import create_engine, text

from catalog import repository
from catalog.app import create_app
from catalog.settings import CatalogSettings
from shared.migrations_info import alembic_config
from shared.settings import DatabaseSettings

SEED_FILE = Path(__file__).resolve().parents[2] / "data" / "practices" / "seed-practices.json"


def vocabulary(rng: random.Random) -> tuple[list[str], list[float], list[str]]:
    """Real Polish words of the seed practices with Zipf weights, plus rare made-up words, so
    a query word occurs in a realistic share of documents (about 0.1-5 %), not in all."""
    records = json.loads(SEED_FILE.read_text("utf-8"))
    counts: dict[str, int] = {}
    for record in records:
        for field in ("title", "summary_pl", "problem_addressed_pl"):
            for word in re.findall(r"[a-ząćęłńóśźż]{3,}", (record.get(field) or "").lower()):
                counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    weights = [1 / (rank + 10) for rank in range(len(words))]
    syllables = ["ka", "lo", "wi", "dra", "men", "sto", "prze", "ny", "ce", "bor", "lić", "zan"]
    rare = sorted(
        {"".join(rng.choice(syllables) for _ in range(rng.randint(3, 4))) for _ in range(30_000)}
    )
    return words, weights, rare


TARGET_GROUPS = (
    "seniors",
    "homeless",
    "unemployed",
    "children_youth",
    "families",
    "disabled",
    "social_assistance_clients",
    "professionals",
)
SERVICE_AREAS = (
    "family_policy",
    "family_support",
    "foster_care",
    "social_assistance",
    "health",
    "disability_support",
    "education",
    "unemployment_prevention",
    "culture",
    "physical_culture_tourism",
    "civic_engagement",
    "housing",
    "environmental_protection",
    "social_vocational_reintegration",
)
CATEGORIES = (
    "poverty",
    "homelessness",
    "unemployment",
    "disability",
    "alcoholism",
    "domestic_violence",
    "long_term_illness",
    "single_parent_family",
)
PROVIDER_TYPES = (
    "OPS",
    "MOPS",
    "GOPS",
    "CUS",
    "PCPR",
    "PUP",
    "NGO_FOUNDATION",
    "NGO_ASSOCIATION",
    "CIS",
    "KIS",
    "WTZ",
    "DPS",
)
VOIVODESHIPS = [f"{n:02d}" for n in range(2, 33, 2)]
TEXT_QUERIES = (
    "ośrodkach",
    "seniorów",
    "bezdomnych",
    "osrodek pomocy",
    "usługi opiekuńcze",
    "asystent rodziny",
    "spoldzielnia socjalna",
    "teleopieki",
    "świetlicy",
    "mediacji",
    "integracja zawodowa",
    "opieka wytchnieniowa",
    "pomocy społecznej",
    "kryzysowej",
)
TYPO_QUERIES = ("asystnet rodziny", "teleopeika", "spółdzelnia socjalna")
PLAIN = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def search_texts(words: list[str], rare: list[str], rng: random.Random, count: int) -> list[str]:
    """A varied, seeded list of search texts, so that no query repeats often enough for any
    cache (the database's or one in the service) to answer it: the issue #5 examples, plus
    1-3 words drawn uniformly from the distinct words of the corpus (so most match 1-15 % of
    the records, a few 50-80 %), a quarter of them typed without diacritics, one in ten with
    two letters swapped (a typo) and one in ten with a made-up word (a rare match)."""
    vocabulary = [word for word in words if len(word) >= 4]
    texts = list(TEXT_QUERIES + TYPO_QUERIES)
    while len(texts) < count:
        chosen = rng.sample(vocabulary, rng.choices((1, 2, 3), weights=(50, 35, 15))[0])
        if rng.random() < 0.1:
            chosen[-1] = rng.choice(rare)
        if rng.random() < 0.1:
            word = chosen[0]
            at = rng.randrange(1, len(word) - 2)
            chosen[0] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        text = " ".join(chosen)
        texts.append(text.translate(PLAIN) if rng.random() < 0.25 else text)
    return texts


@dataclass
class Phase:
    name: str
    latencies_ms: list[float]

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def cpu_calibration_ms() -> float:
    """A fixed Python loop, to compare runs: on a shared VM the same code runs up to twice as
    slowly as its neighbours come and go, and this loop says how fast the CPU was."""
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return (time.perf_counter() - started) * 1000


def recreate_database(settings: DatabaseSettings, name: str, *, drop_only: bool = False) -> None:
    admin = create_engine(
        settings.url(driver="postgresql+psycopg", database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if not drop_only:
            connection.execute(text(f'CREATE DATABASE "{name}" OWNER "{settings.user}"'))
    admin.dispose()


def _dsn(settings: DatabaseSettings) -> str:
    return settings.url(driver="postgresql").render_as_string(hide_password=False)


@dataclass
class Corpus:
    words: list[str]
    weights: list[float]
    rare: list[str]

    def sentence(self, rng: random.Random, low: int, high: int) -> str:
        size = rng.randint(low, high)
        common = rng.choices(self.words, weights=self.weights, k=size)
        return " ".join(w if rng.random() < 0.7 else rng.choice(self.rare) for w in common)


def _point(rng: random.Random) -> tuple[float, float]:
    return rng.uniform(14.2, 24.0), rng.uniform(49.1, 54.7)


async def load(settings: DatabaseSettings, practices: int, providers: int, seed: int) -> None:
    """Synthetic published rows: COPY into staging tables, then one INSERT ... SELECT each."""
    rng = random.Random(seed)
    corpus = Corpus(*vocabulary(rng))
    _sentence = corpus.sentence
    connection = await asyncpg.connect(dsn=_dsn(settings))
    await connection.execute(
        "CREATE UNLOGGED TABLE stage_practice (slug text, title text, summary text, problem text,"
        " description text, target_groups text[], service_areas text[], categories text[],"
        " voivodeship text, terc text, lon float8, lat float8, start_year int)"
    )
    rows: list[tuple[Any, ...]] = []
    for index in range(practices):
        voivodeship = rng.choice(VOIVODESHIPS)
        terc = f"{voivodeship}{rng.randint(1, 20):02d}{rng.randint(1, 15):02d}1"
        lon, lat = _point(rng)
        rows.append(
            (
                f"practice-{index}",
                _sentence(rng, 3, 8).capitalize(),
                _sentence(rng, 15, 40),
                _sentence(rng, 5, 15),
                _sentence(rng, 30, 80),
                rng.sample(TARGET_GROUPS, rng.randint(1, 2)),
                rng.sample(SERVICE_AREAS, rng.randint(1, 3)),
                rng.sample(CATEGORIES, rng.randint(0, 2)),
                voivodeship,
                terc,
                lon,
                lat,
                rng.randint(2005, 2025),
            )
        )
    await connection.copy_records_to_table("stage_practice", records=rows)
    await connection.execute(
        """
        INSERT INTO catalog.practice (slug, status, title, summary, problem_addressed, description,
            evidence_level, lifecycle_status, target_groups, service_areas, categories, area_tercs,
            territory_prefixes, voivodeship, geom, start_year, published_at)
        SELECT slug, 'published', title, summary, problem, description,
            (ARRAY['anecdotal','monitored','evaluated_internal'])[1 + (start_year % 3)],
            (ARRAY['idea','pilot','implemented','evaluated'])[1 + (start_year % 4)],
            target_groups, service_areas, categories, ARRAY[terc],
            ARRAY[voivodeship, left(terc, 4), terc], voivodeship,
            ST_SetSRID(ST_MakePoint(lon, lat), 4326), start_year,
            now() - (random() * interval '1000 days')
        FROM stage_practice
        """
    )
    await connection.execute(
        "CREATE UNLOGGED TABLE stage_provider (slug text, name text, description text,"
        " provider_type text, voivodeship text, terc text, lon float8, lat float8,"
        " service_areas text[], target_groups text[])"
    )
    rows = []
    for index in range(providers):
        voivodeship = rng.choice(VOIVODESHIPS)
        terc = f"{voivodeship}{rng.randint(1, 20):02d}{rng.randint(1, 15):02d}1"
        lon, lat = _point(rng)
        kind = rng.choice(PROVIDER_TYPES)
        rows.append(
            (
                f"provider-{index}",
                f"{kind} {_sentence(rng, 2, 5)}",
                _sentence(rng, 10, 30),
                kind,
                voivodeship,
                terc,
                lon,
                lat,
                rng.sample(SERVICE_AREAS, rng.randint(1, 3)),
                rng.sample(TARGET_GROUPS, rng.randint(1, 3)),
            )
        )
    await connection.copy_records_to_table("stage_provider", records=rows)
    await connection.execute(
        """
        INSERT INTO catalog.provider (slug, status, name, description, provider_type, terc,
            voivodeship, area_tercs, territory_prefixes, geom, service_areas, target_groups,
            published_at)
        SELECT slug, 'published', name, description, provider_type, terc, voivodeship,
            ARRAY[terc], ARRAY[voivodeship, left(terc, 4), terc],
            ST_SetSRID(ST_MakePoint(lon, lat), 4326), service_areas, target_groups,
            now() - (random() * interval '1000 days')
        FROM stage_provider
        """
    )
    await connection.execute("DROP TABLE stage_practice, stage_provider")
    await connection.execute("VACUUM ANALYZE catalog.practice")
    await connection.execute("VACUUM ANALYZE catalog.provider")
    await connection.close()


async def run_phase(
    name: str, request: Callable[[random.Random], Awaitable[None]], *, total: int, concurrency: int
) -> Phase:
    latencies: list[float] = []
    counter = iter(range(total))

    async def worker(seed: int) -> None:
        rng = random.Random(seed)
        for _ in counter:
            started = time.perf_counter()
            await request(rng)
            latencies.append((time.perf_counter() - started) * 1000)

    await asyncio.gather(*(worker(seed) for seed in range(concurrency)))
    return Phase(name, latencies)


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--practices", type=int, default=100_000)
    parser.add_argument("--providers", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=400, help="per query kind")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--pool",
        type=int,
        default=2 * (os.cpu_count() or 1),
        help="the service's connections (default: two per CPU; more than the database has "
        "cores only make PostgreSQL time-slice the searches)",
    )
    parser.add_argument("--database", default="socmap_bench_catalog")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--queries", type=int, default=2000, help="distinct search texts to draw from"
    )
    parser.add_argument(
        "--window",
        type=int,
        default=repository.SEARCH_WINDOW,
        help="matches a search examines (the service's SEARCH_WINDOW; to measure other sizes)",
    )
    parser.add_argument(
        "--baseline-requests", type=int, help="requests of the ILIKE baseline (default: --requests)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept database as it is")
    args = parser.parse_args()

    repository.SEARCH_WINDOW = args.window
    base = DatabaseSettings()
    settings = base.model_copy(update={"name": args.database})
    if not args.reuse:
        recreate_database(base, args.database)
        config = alembic_config(
            settings.url(driver="postgresql+psycopg").render_as_string(hide_password=False)
        )
        config.attributes["configure_logger"] = False
        command.upgrade(config, "head")
        print(f"loading {args.practices} practices and {args.providers} providers ...", flush=True)
        started = time.perf_counter()
        await load(settings, args.practices, args.providers, args.seed)
        print(f"loaded in {time.perf_counter() - started:.0f} s", flush=True)
    try:
        service_settings = CatalogSettings(
            database=settings,
            db_user="socmap_catalog",
            log_json=False,
            log_level="WARNING",
            environment="development",
        )
        service_settings.database.pool_size = args.pool
        service_settings.database.max_overflow = 0
        app = create_app(service_settings)
        words, _, rare = vocabulary(random.Random(args.seed))
        texts = search_texts(words, rare, random.Random(args.seed + 1), args.queries)
        capped: dict[str, int] = {}
        transport = httpx.ASGITransport(app=app)
        # The service's own start-up (its lifespan): engine and pool, the dictionary loaded on
        # every pooled connection, start-up objects moved out of the garbage collector's way.
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://bench") as client,
        ):
            engine = app.state.engine

            async def get(path: str, params: dict[str, object]) -> None:
                response = await client.get(path, params=params)  # type: ignore[arg-type]
                response.raise_for_status()
                if orjson.loads(response.content).get("numberMatchedRelation") == "gte":
                    capped[current] = capped.get(current, 0) + 1

            def territory(rng: random.Random) -> str:
                voivodeship = rng.choice(VOIVODESHIPS)
                return (
                    voivodeship if rng.random() < 0.5 else f"{voivodeship}{rng.randint(1, 20):02d}"
                )

            async def text_search(rng: random.Random) -> None:
                await get("/v1/practices", {"q": rng.choice(texts), "limit": 20})

            async def text_geo(rng: random.Random) -> None:
                lon, lat = _point(rng)
                await get(
                    "/v1/practices",
                    {
                        "q": rng.choice(texts),
                        "near": f"{lon},{lat}",
                        "radius_m": 50_000,
                        "sort": "distance",
                        "limit": 20,
                    },
                )

            async def faceted(rng: random.Random) -> None:
                params: dict[str, object] = {
                    "service_area": rng.sample(SERVICE_AREAS, rng.randint(1, 2)),
                    "territory": territory(rng),
                    "facets": "true",
                    "limit": 20,
                }
                if rng.random() < 0.3:
                    params["target_group"] = rng.choice(TARGET_GROUPS)
                await get("/v1/practices", params)

            async def text_faceted(rng: random.Random) -> None:
                await get("/v1/practices", {"q": rng.choice(texts), "facets": "true", "limit": 20})

            async def providers(rng: random.Random) -> None:
                lon, lat = _point(rng)
                await get(
                    "/v1/providers",
                    {
                        "q": rng.choice(texts),
                        "bbox": f"{lon - 1},{lat - 0.5},{lon + 1},{lat + 0.5}",
                        "limit": 20,
                    },
                )

            async def naive(rng: random.Random) -> None:
                # What a first version would do: ILIKE on title and summary, plus a count.
                needle = f"%{rng.choice(texts).split()[0]}%"
                async with engine.connect() as connection:
                    await connection.execute(
                        text(
                            "SELECT id, title, count(*) OVER () FROM catalog.practice "
                            "WHERE status = 'published' AND (title ILIKE :q OR summary ILIKE :q "
                            "OR description ILIKE :q) ORDER BY published_at DESC LIMIT 20"
                        ),
                        {"q": needle},
                    )

            current = "warm-up"
            # Warm every pooled connection (Hunspell dictionary, plan cache).
            await run_phase(
                "warm-up", text_search, total=args.concurrency * 4, concurrency=args.concurrency
            )
            phases = []
            for name, request in (
                ("text search (practices)", text_search),
                ("text + geo (near 50 km)", text_geo),
                ("faceted (area + territory)", faceted),
                ("text + facets", text_faceted),
                ("providers: text + bbox", providers),
                ("naive ILIKE baseline", naive),
            ):
                print(f"{name} ...", flush=True)
                total = args.requests
                if request is naive and args.baseline_requests:
                    total = args.baseline_requests
                else:
                    # Steady state: PostgreSQL plans a prepared statement afresh for its first
                    # five executions on a connection, then keeps a generic plan.
                    current = "warm-up"
                    await run_phase(
                        name, request, total=args.concurrency * 8, concurrency=args.concurrency
                    )
                current = name
                phases.append(
                    await run_phase(name, request, total=total, concurrency=args.concurrency)
                )
        baseline = phases[-1]
        print()
        header = (
            f"{'query kind':<30} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}"
            f" {'p50 vs ILIKE':>13} {'capped':>7}  target p95 < 50 ms"
        )
        print(
            f"{args.practices} practices, {args.providers} providers, concurrency"
            f" {args.concurrency}, pool {args.pool}, window {args.window},"
            f" {len(set(texts))} distinct search texts,"
            f" load average {' '.join(f'{x:.2f}' for x in os.getloadavg())},"
            f" CPU calibration {cpu_calibration_ms():.0f} ms"
        )
        print(header)
        print("-" * len(header))
        for phase in phases:
            p50, p95 = phase.percentile(50), phase.percentile(95)
            ratio = baseline.percentile(50) / p50 if p50 else 0
            verdict = "" if phase is baseline else ("ok" if p95 < 50 else "MISSED")
            share = f"{100 * capped.get(phase.name, 0) / len(phase.latencies_ms):.0f} %"
            print(
                f"{phase.name:<30} {len(phase.latencies_ms):>8} {p50:>8.1f} {p95:>8.1f}"
                f" {statistics.fmean(phase.latencies_ms):>8.1f} {ratio:>12.1f}x"
                f" {'' if phase is baseline else share:>7}  {verdict}"
            )
        print(
            "capped: responses whose total is a lower bound (numberMatchedRelation gte:"
            f" {args.window} or more matches)"
        )
    finally:
        if not args.keep:
            recreate_database(base, args.database, drop_only=True)


if __name__ == "__main__":
    asyncio.run(main())
