"""Anonymizer benchmark: the aggregation (``anonymizer.aggregation``) against DuckDB and the
reference SQL on the same cells, and a full run (aggregation + suppression + audit +
publish), measured in the same process on the same database.

    uv run python bench/anonymizer/run.py                     # 1 000 000 records
    uv run python bench/anonymizer/run.py --records 100000    # a quicker run

Synthetic data: two cities (30 and 48 districts), 20 OPS categories, 8 quarters (2023-2024,
closed as of 2025-02-01), about three records per person, one in five from PUP, one record in
four with a second category; ``--open-share`` leaves that share of cases open-ended (they run
to 2025-02-01). It creates (and drops) its own database on the local cluster (``SOCMAP_DB_*``),
migrated to head. Peak memory is this process's high-water mark (the run executes
in-process; DuckDB runs in a child process and reports its own); PostgreSQL's memory is not
included.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import time
from datetime import date
from typing import Any

import numpy as np
from baselines import DuckDBRun, duckdb_rows
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from anonymizer import aggregation, protection, repository, service, worker
from anonymizer.disclosure import audit
from anonymizer.reference import reference_aggregate
from anonymizer.relations import build_relations
from anonymizer.repository import AggregateRow
from anonymizer.settings import AnonymizerSettings
from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.db.engine import make_engine
from shared.institutions import create_institution, create_loaded_batch
from shared.settings import DatabaseSettings

AS_OF = date(2025, 2, 1)
CITIES = (("9601011", "9601", 30), ("9602011", "9602", 48))
CATEGORIES = [
    "poverty",
    "orphanhood",
    "homelessness",
    "unemployment",
    "disability",
    "long_term_illness",
    "domestic_violence",
    "trafficking_victim",
    "maternity_protection",
    "large_family",
    "parenting_household_helplessness",
    "single_parent_family",
    "care_leaver",
    "foreigner_integration",
    "prison_release",
    "alcoholism",
    "drug_addiction",
    "random_event",
    "crisis_situation",
    "other",
]


def _box(x: float) -> str:
    return f"ST_Multi(ST_MakeEnvelope({x}, 50, {x + 0.01}, 50.01, 4326))"


async def seed(session: AsyncSession, records: int, open_share: float = 0.0) -> None:
    units: list[tuple[str, str, str | None, float]] = [("96", "voivodeship", None, 10.0)]
    for gmina, powiat, districts in CITIES:
        units += [(powiat, "powiat", "96", 10.1), (gmina, "gmina", powiat, 10.2)]
        units += [
            (f"{gmina}-{n:02d}", "district", gmina, 10.3 + n / 100) for n in range(1, districts + 1)
        ]
    for code, level, parent, x in units:
        await session.execute(
            text(
                "INSERT INTO geo.territorial_unit (code, level, name, parent_code, geom)"
                f" VALUES (:code, :level, :name, :parent, {_box(x)})"
            ),
            {"code": code, "level": level, "name": code, "parent": parent},
        )
        for year in (2023, 2024, 2025):
            size = {"district": 8000, "gmina": 300000, "powiat": 300000}.get(level, 600000)
            await session.execute(
                text(
                    "INSERT INTO geo.population (unit_code, year, population, synthetic)"
                    " VALUES (:code, :year, :size, true)"
                ),
                {"code": code, "year": year, "size": size},
            )
    institution = await create_institution(session, kind="OPS", name="bench", territory=["96"])
    batch = await create_loaded_batch(session, institution_id=institution.id)
    persons = max(1, records // 3)
    districts_a = CITIES[0][2]
    # A person lives in one district; their records spread over the two years.
    await session.execute(
        text(
            """
            INSERT INTO ingest.record (institution_id, external_hash, subject_id_type,
                subject_hash, household_hash, reference_date, end_date, categories,
                gmina_code, district_code, source_kind, batch_id)
            SELECT :institution, sha256(convert_to('B-' || i, 'UTF8')), 'local',
                   sha256(convert_to('p' || p, 'UTF8')),
                   sha256(convert_to('h' || (p / 3), 'UTF8')),
                   start,
                   CASE WHEN (i * 37) % 1000 < CAST(:open_permille AS int) THEN NULL
                        ELSE start + 20 + (i % 70) END,
                   CASE WHEN i % 4 = 0
                        THEN ARRAY[(CAST(:cats AS text[]))[1 + i % 20], (CAST(:cats AS text[]))[1 + (i % 20 + 1 + i % 19) % 20]]
                        ELSE ARRAY[(CAST(:cats AS text[]))[1 + i % 20]] END,
                   CASE WHEN d < CAST(:da AS int) THEN CAST(:ga AS text) ELSE CAST(:gb AS text) END,
                   CASE WHEN d < CAST(:da AS int) THEN CAST(:ga AS text) || '-' || lpad((d + 1)::text, 2, '0')
                        ELSE CAST(:gb AS text) || '-' || lpad((d - CAST(:da AS int) + 1)::text, 2, '0') END,
                   CASE WHEN i % 5 = 0 THEN 'pup' ELSE 'ops' END,
                   :batch
            FROM (SELECT i, i % CAST(:persons AS int) AS p,
                         (i % CAST(:persons AS int)) % CAST(:dn AS int) AS d,
                         date '2023-01-01' + ((i::bigint * 7919) % 700)::int AS start
                  FROM generate_series(1, CAST(:records AS int)) AS i) AS g
            """
        ),
        {
            "institution": institution.id,
            "cats": list(CATEGORIES),
            "persons": persons,
            "records": records,
            "da": districts_a,
            "dn": districts_a + CITIES[1][2],
            "ga": CITIES[0][0],
            "gb": CITIES[1][0],
            "batch": batch,
            "open_permille": round(open_share * 1000),
        },
    )
    await session.commit()
    await session.execute(text("ANALYZE ingest.record"))


async def ours(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> tuple[aggregation.Timing, list[AggregateRow]]:
    async with sessionmaker() as session:
        timing = aggregation.Timing()
        rows = await aggregation.aggregate(session=session, as_of=AS_OF, timing=timing)
        return timing, rows


async def reference(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> tuple[float, list[AggregateRow]]:
    async with sessionmaker() as session:
        started = time.perf_counter()
        rows = await reference_aggregate(session=session, as_of=AS_OF)
        return time.perf_counter() - started, rows


async def full_run(
    sessionmaker: async_sessionmaker[AsyncSession], settings: AnonymizerSettings
) -> tuple[float, dict[str, Any]]:
    async with sessionmaker() as session:
        parameters = service.run_parameters(
            settings, k=None, p=None, include_open_periods=False, as_of=AS_OF
        )
        await service.request_run(
            session=session,
            gminas=None,
            trigger="bench",
            parameters=parameters,
            events=[],
            idempotency_key=None,
        )
        started = time.perf_counter()
        claimed, outcome = await worker.run_next(session=session, settings=settings, today=AS_OF)
        elapsed = time.perf_counter() - started
        assert claimed
        if outcome is None:
            reason = await session.scalar(
                text("SELECT reason FROM stats.run ORDER BY created_at DESC LIMIT 1")
            )
            raise SystemExit(f"run did not publish: {reason}")
        release = await repository.get_release(session=session, release_id=outcome.release_id)
        assert release is not None
        return elapsed, release["audit"] | {"suppressed": outcome.suppressed}


async def audit_only(
    sessionmaker: async_sessionmaker[AsyncSession], rows: list[AggregateRow]
) -> tuple[float, int, float]:
    """Time one audit of the published pattern (the suppressed cells of the release)."""
    async with sessionmaker() as session:
        release_id = await repository.latest_release_id(session=session)
        suppressed_keys = {
            (r.unit_code, r.category, r.period, r.measure, r.source)
            for r in (
                await session.execute(
                    text(
                        "SELECT unit_code, category, period, measure, source FROM stats.current_cell"
                        " WHERE release_id = :r AND suppressed"
                    ),
                    {"r": release_id},
                )
            ).all()
        }
        parents, _ = await repository.units(session=session)
        population = await repository.populations(session=session, years=[2023, 2024])
        taxonomy = await repository.taxonomy(session=session)
    periods = {p for p in {row.period for row in rows} if service.ends_by(p, AS_OF)}
    rows = [row for row in rows if row.period in periods]
    values = np.array([row.value for row in rows], dtype=np.int64)
    started = time.perf_counter()
    relations = build_relations([row.key for row in rows], values, parents, taxonomy)
    relations_time = time.perf_counter() - started
    mask = np.array(
        [
            (row.unit_code, row.category, row.period, row.measure, row.source) in suppressed_keys
            for row in rows
        ]
    )
    primary = (values > 0) & (values < 5)
    started = time.perf_counter()
    caps = protection.attacker_caps(rows, values, population)
    audit(values, mask, relations, primary=primary, k=5, p=0.3, cap=caps)
    return time.perf_counter() - started, int(mask.sum()), relations_time


def _cells(rows: list[AggregateRow]) -> set[tuple[str, str, str, str, str, str, str, int]]:
    return {
        (r.unit_code, r.level, r.category, r.period, r.period_kind, r.measure, r.source, r.value)
        for r in rows
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--open-share", type=float, default=0.0, help="open-ended cases")
    parser.add_argument("--database", default="socmap_bench_anonymizer")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--duckdb-memory", help="DuckDB's memory limit, e.g. 4GB")
    parser.add_argument(
        "--aggregation-only", action="store_true", help="no full run (protection, audit)"
    )
    args = parser.parse_args()
    base = DatabaseSettings()
    recreate_database(base, args.database)
    settings_db = base.model_copy(update={"name": args.database})
    dsn = settings_db.url(driver="postgresql").render_as_string(hide_password=False)
    try:
        migrate_database(settings_db, "head")
        engine = make_engine(settings_db.url(), pool_size=2, max_overflow=0)
        sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
        started = time.perf_counter()
        async with sessionmaker() as session:
            await seed(session, args.records, args.open_share)
        print(f"seeded {args.records:,} records in {time.perf_counter() - started:.1f} s")
        timings = []
        for _ in range(2):
            timing, rows = await ours(sessionmaker)
            timings.append(timing)
            if len(timings) == 1:
                ours_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        best = min(timings, key=lambda timing: timing.fetching + timing.counting)
        print(f"ours: {best.fetching + best.counting:.2f} s, {len(rows):,} rows")
        duck = duckdb_rows(dsn, as_of=AS_OF, memory_limit=args.duckdb_memory)
        print(f"DuckDB: {duck.extraction:.2f} s + {duck.computation:.2f} s")
        baseline, reference_rows = await reference(sessionmaker)
        print(f"reference SQL: {baseline:.2f} s")
        same = _cells(rows) == _cells(reference_rows) == set(duck.cells)
        same &= len(rows) == len(reference_rows) == len(duck.cells)
        del reference_rows
        table = _aggregation_table(args, rows, best, duck, baseline, same, ours_peak_mb)
        if not args.aggregation_only:
            settings = AnonymizerSettings(worker_enabled=False)
            run_time, summary = await full_run(sessionmaker, settings)
            audit_time, suppressed, relations_time = await audit_only(sessionmaker, rows)
            per_thousand = audit_time / suppressed * 1000 if suppressed else 0.0
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            table += [
                f"| cells published (closed periods) | {summary['cells']:,} |",
                f"| suppressed (primary + secondary) | {summary['primary']:,}"
                f" + {summary['secondary']:,} |",
                f"| full run (aggregate, protect, audit, publish) | {run_time:.2f} s |",
                f"| **ratio full run / reference SQL** | **{run_time / baseline:.2f}x**"
                " (target <= 3x) |",
                f"| protection rounds / LPs solved | {summary['rounds']}"
                f" / {summary['linear_programs']:,} |",
                f"| relations built (separately) | {relations_time:.2f} s |",
                f"| audit of the final pattern | {audit_time:.2f} s for {suppressed:,}"
                " suppressed cells |",
                f"| audit time per 1000 suppressed cells | {per_thousand:.2f} s |",
                f"| peak memory of the run's process | {peak_mb:.0f} MB (target < 1024 MB) |",
            ]
        await engine.dispose()
    finally:
        if not args.keep:
            drop_database(base, args.database)
    print()
    print("\n".join(["| measure | value |", "|---|---|", *table]))


def _aggregation_table(
    args: argparse.Namespace,
    rows: list[AggregateRow],
    ours: aggregation.Timing,
    duck: DuckDBRun,
    baseline: float,
    same: bool,
    ours_peak_mb: float,
) -> list[str]:
    total = ours.fetching + ours.counting
    duck_total = duck.extraction + duck.computation
    return [
        f"| records (open-ended share) | {args.records:,} ({args.open_share:.0%}) |",
        f"| cells aggregated (all periods) | {len(rows):,} |",
        f"| same cells, value for value: ours, DuckDB, reference SQL | {'yes' if same else 'NO'} |",
        f"| ours (best of 2): fetching + computing | {ours.fetching:.2f} s"
        f" + {ours.counting:.2f} s = {total:.2f} s |",
        f"| DuckDB: extraction (COPY to CSV) + computation | {duck.extraction:.2f} s"
        f" + {duck.computation:.2f} s = {duck_total:.2f} s |",
        f"| **ours / DuckDB, computation** | **{ours.counting / duck.computation:.3f}x**"
        " (target <= 1x) |",
        f"| **ours / DuckDB, end-to-end** | **{total / duck_total:.3f}x** |",
        f"| reference SQL (AGGREGATE_SQL, one run) | {baseline:.2f} s |",
        f"| ours / reference SQL, end-to-end | {total / baseline:.3f}x |",
        f"| peak memory after our aggregation (this process) | {ours_peak_mb:.0f} MB |",
        f"| peak memory of DuckDB's process | {duck.peak_mb:.0f} MB |",
    ]


if __name__ == "__main__":
    asyncio.run(main())
