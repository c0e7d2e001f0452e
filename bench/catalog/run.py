"""Catalog benchmark: Polish full-text search, text + geo and faceted queries against the
catalog service under uvicorn on synthetic data, and a naive ``ILIKE`` search measured in the
same run on the same rows.

    uv run python bench/catalog/run.py                # 100 000 practices, 50 000 providers
    uv run python bench/catalog/run.py --practices 20000 --providers 10000 --seconds 5

It creates (and drops, unless --keep) its own database on the local cluster (``SOCMAP_DB_*``),
migrated to head, and runs the service as ``make run`` does (uvicorn, one worker, the service
role ``socmap_catalog``) with a pool of two connections per CPU (``--pool``). Requests go over
loopback HTTP from wrk when it is installed (``make bench`` installs it where it can), else
from an asyncio client in this process. Queries are drawn from ~1 700 distinct seeded search
texts and varied filters, so that no cache can answer them; each kind is warmed before it is
measured (plan cache) and then measured for ``--seconds`` at the given concurrency (default
8). "capped" is the share of responses whose total is a lower bound (more matches than the
search's window).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import asyncpg

from catalog.read import search
from shared import benchmarking
from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.settings import DatabaseSettings

ROOT = Path(__file__).resolve().parents[2]
SEED_FILE = ROOT / "data" / "practices" / "seed-practices.json"
WORKDIR = ROOT / ".local" / "bench"
PORT = 18003


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


def cpu_calibration_ms() -> float:
    """A fixed Python loop, to compare runs: on a shared VM the same code runs up to twice as
    slowly as its neighbours come and go, and this loop says how fast the CPU was."""
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return (time.perf_counter() - started) * 1000


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
            voivodeship, area_tercs, territory_prefixes, geom, point_source, service_areas,
            target_groups, published_at)
        SELECT slug, 'published', name, description, provider_type, terc, voivodeship,
            ARRAY[terc], ARRAY[voivodeship, left(terc, 4), terc],
            ST_SetSRID(ST_MakePoint(lon, lat), 4326), 'explicit', service_areas, target_groups,
            now() - (random() * interval '1000 days')
        FROM stage_provider
        """
    )
    await connection.execute("DROP TABLE stage_practice, stage_provider")
    for table in ("practice", "provider", "practice_word", "provider_word"):
        await connection.execute(f"VACUUM ANALYZE catalog.{table}")
    await connection.close()


# --- requests ----------------------------------------------------------------------------------


def _territory(rng: random.Random) -> str:
    voivodeship = rng.choice(VOIVODESHIPS)
    return voivodeship if rng.random() < 0.5 else f"{voivodeship}{rng.randint(1, 20):02d}"


def _text_geo(rng: random.Random, texts: list[str]) -> dict[str, object]:
    lon, lat = _point(rng)
    return {"q": rng.choice(texts), "near": f"{lon},{lat}", "radius_m": 50_000, "sort": "distance"}


def _faceted(rng: random.Random, texts: list[str]) -> dict[str, object]:
    params: dict[str, object] = {
        "service_area": rng.sample(SERVICE_AREAS, rng.randint(1, 2)),
        "territory": _territory(rng),
        "facets": "true",
    }
    if rng.random() < 0.3:
        params["target_group"] = rng.choice(TARGET_GROUPS)
    return params


def _providers(rng: random.Random, texts: list[str]) -> dict[str, object]:
    lon, lat = _point(rng)
    return {"q": rng.choice(texts), "bbox": f"{lon - 1},{lat - 0.5},{lon + 1},{lat + 0.5}"}


# (name, path, query parameters drawn from a seeded generator and the search texts)
KINDS: tuple[tuple[str, str, Callable[[random.Random, list[str]], dict[str, object]]], ...] = (
    ("text search (practices)", "/v1/practices", lambda rng, texts: {"q": rng.choice(texts)}),
    ("text + geo (near 50 km)", "/v1/practices", _text_geo),
    ("faceted (area + territory)", "/v1/practices", _faceted),
    (
        "text + facets",
        "/v1/practices",
        lambda rng, texts: {"q": rng.choice(texts), "facets": "true"},
    ),
    ("providers: text + bbox", "/v1/providers", _providers),
)
# A response whose total is a lower bound (more matches than the search's window).
CAPPED = '"numberMatchedRelation":"gte"'


def request_urls(
    base: str, path: str, make: Callable[[random.Random, list[str]], dict[str, object]],
    texts: list[str], seed: int, count: int,
) -> list[str]:  # fmt: skip
    rng = random.Random(seed)
    return [
        f"{base}{path}?{urlencode({**make(rng, texts), 'limit': 20}, doseq=True)}"
        for _ in range(count)
    ]


async def naive_baseline(
    settings: DatabaseSettings, texts: list[str], *, total: int, concurrency: int
) -> list[float]:
    """What a first version would do: ILIKE on title, summary and description, plus a count,
    as the service's role on the same rows."""
    pool = await asyncpg.create_pool(
        dsn=_dsn(settings.model_copy(update={"user": "socmap_catalog"})),
        min_size=concurrency,
        max_size=concurrency,
    )
    rng = random.Random(1)
    needles = [f"%{rng.choice(texts).split()[0]}%" for _ in range(total)]
    latencies: list[float] = []

    async def worker() -> None:
        while needles:
            needle = needles.pop()
            started = time.perf_counter()
            await pool.fetch(
                "SELECT id, title, count(*) OVER () FROM catalog.practice "
                "WHERE status = 'published' AND (title ILIKE $1 OR summary ILIKE $1 "
                "OR description ILIKE $1) ORDER BY published_at DESC LIMIT 20",
                needle,
            )
            latencies.append((time.perf_counter() - started) * 1000)

    try:
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    finally:
        await pool.close()
    return latencies


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--practices", type=int, default=100_000)
    parser.add_argument("--providers", type=int, default=50_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of a timed phase")
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
        "--baseline-requests", type=int, default=40, help="requests of the ILIKE baseline"
    )
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept database as it is")
    args = parser.parse_args()

    base = DatabaseSettings()
    settings = base.model_copy(update={"name": args.database})
    if not args.reuse:
        recreate_database(base, args.database)
        migrate_database(settings)
        print(f"loading {args.practices} practices and {args.providers} providers ...", flush=True)
        started = time.perf_counter()
        await load(settings, args.practices, args.providers, args.seed)
        print(f"loaded in {time.perf_counter() - started:.0f} s", flush=True)
    try:
        words, _, rare = vocabulary(random.Random(args.seed))
        texts = search_texts(words, rare, random.Random(args.seed + 1), args.queries)
        env = {
            "SOCMAP_DB_NAME": args.database,
            "SOCMAP_DB_POOL_SIZE": str(args.pool),
            "SOCMAP_ENV": "production",
            "SOCMAP_CATALOG_LOG_LEVEL": "WARNING",
        }
        command = [
            sys.executable, "-m", "uvicorn", "catalog.app:create_app", "--factory",
            "--port", str(PORT), "--log-level", "warning", "--no-access-log",
        ]  # fmt: skip
        base_url = f"http://127.0.0.1:{PORT}"
        results: list[benchmarking.Result] = []
        with benchmarking.server(command, env, PORT, WORKDIR / f"server-{PORT}.log"):
            for index, (name, path, make) in enumerate(KINDS):
                urls = request_urls(base_url, path, make, texts, args.seed + 10 + index, 5000)
                print(f"{name} ...", flush=True)
                # Warm-up: PostgreSQL plans a prepared statement afresh for its first five
                # executions on a connection, then keeps a generic plan.
                await benchmarking.load(
                    "warm-up", urls[-64:], concurrency=args.concurrency, once=True
                )
                results.append(
                    await benchmarking.timed(
                        name,
                        urls,
                        concurrency=args.concurrency,
                        seconds=args.seconds,
                        workdir=WORKDIR,
                        marker=CAPPED,
                    )
                )
        print("naive ILIKE baseline ...", flush=True)
        baseline = await naive_baseline(
            settings, texts, total=args.baseline_requests, concurrency=args.concurrency
        )
        baseline_p50 = benchmarking.percentile(baseline, 50)
        print()
        print(
            f"{args.practices} practices, {args.providers} providers, concurrency"
            f" {args.concurrency}, uvicorn (1 worker) with a pool of {args.pool},"
            f" {len(set(texts))} distinct search texts, load generator"
            f" {benchmarking.load_generator()}, load average {benchmarking.load_average()},"
            f" CPU calibration {cpu_calibration_ms():.0f} ms"
        )
        header = (
            f"{'query kind':<30} {'requests':>8} {'req/s':>6} {'p50 ms':>7} {'p95 ms':>7}"
            f" {'p99 ms':>7} {'mean ms':>7} {'p50 vs ILIKE':>13} {'capped':>7} {'errors':>6}"
            "  target p95 < 50 ms"
        )
        print(header)
        print("-" * len(header))
        for result in results:
            ratio = baseline_p50 / result.p50 if result.p50 else 0.0
            capped = f"{100 * result.marked / max(result.requests, 1):.0f} %"
            verdict = "ok" if result.p95 < 50 and not result.errors else "MISSED"
            print(
                f"{result.name:<30} {result.requests:>8} {result.rate:>6.0f} {result.p50:>7.1f}"
                f" {result.p95:>7.1f} {result.p99:>7.1f} {result.mean_ms:>7.1f}"
                f" {ratio:>12.1f}x {capped:>7} {result.errors:>6}  {verdict}"
            )
        print(
            f"{'naive ILIKE baseline':<30} {len(baseline):>8} {'':>6} {baseline_p50:>7.1f}"
            f" {benchmarking.percentile(baseline, 95):>7.1f}"
            f" {benchmarking.percentile(baseline, 99):>7.1f}"
            f" {statistics.fmean(baseline):>7.1f} {1.0:>12.1f}x"
        )
        print(
            "capped: responses whose total is a lower bound (numberMatchedRelation gte:"
            f" {search.SEARCH_WINDOW} or more matches)"
        )
    finally:
        if not args.keep:
            drop_database(base, args.database)


if __name__ == "__main__":
    asyncio.run(main())
