"""Ingest benchmark: synthetic records through HTTP (uvicorn on loopback) against two baselines
measured in the same run on the same table: a raw ``COPY`` of the same rows and a naive per-row
ORM insert. The ``csv-addresses`` phase sends the same number of records as CSV with street
addresses (SIMC, street name, house number) that ingest resolves through the street register.

    uv run python bench/ingest/run.py                      # 1 000 000 records, 10 000 per batch
    uv run python bench/ingest/run.py --records 100000     # a quicker run

It creates (and drops) its own database on the local cluster (``SOCMAP_DB_*``), migrated to
``0002_ingest``. The service's peak RSS is the kernel's high-water mark (``VmHWM``) of the
uvicorn process, which is restarted for each HTTP phase.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import hashlib
import hmac
import io
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.settings import DEVELOPMENT_PSEUDONYMIZATION_KEY
from ingest.testing import (
    DISTRICT_EAST,
    DISTRICT_WEST,
    GMINA,
    create_test_geography,
    synthetic_records,
)
from ingest.validation import institution_hash
from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.db.engine import make_engine
from shared.db.models.ingest import Record
from shared.institutions import create_api_key, create_institution
from shared.settings import DatabaseSettings

ROOT = Path(__file__).resolve().parents[2]
CSV_HEADER = [
    "external_id",
    "subject_id",
    "subject_id_type",
    "household_id",
    "reference_date",
    "categories",
    "district",
    "x",
    "y",
]
# The address variant: street addresses instead of districts and points (resolved through the
# test street register of ingest.testing).
ADDRESS_CSV_HEADER = [*CSV_HEADER[:6], "simc", "ulica", "nr_domu"]
RECORD_TABLES = "ingest.audit_log, ingest.outbox, ingest.record, ingest.erasure, ingest.batch"


@dataclass
class Result:
    phase: str
    records: int
    seconds: float
    peak_rss_mb: float | None = None
    note: str = ""

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


# --- database -------------------------------------------------------------------------------


async def prepare(settings: DatabaseSettings) -> tuple[str, uuid.UUID]:
    """Test geography, an institution and its key; returns (token, institution id)."""
    engine = make_engine(settings.url(), pool_size=1, max_overflow=0)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        await create_test_geography(session)
        institution = await create_institution(
            session, kind="MOPS", name="MOPS bench", territory=[GMINA]
        )
        issued = await create_api_key(
            session, institution=institution, name="bench", scopes=["records:write"]
        )
        await session.commit()
    await engine.dispose()
    return issued.token, institution.id


async def truncate(settings: DatabaseSettings) -> None:
    connection = await asyncpg.connect(dsn=_dsn(settings))
    await connection.execute(f"TRUNCATE {RECORD_TABLES}")
    await connection.execute("VACUUM ANALYZE ingest.record")
    await connection.close()


async def count_records(settings: DatabaseSettings) -> int:
    connection = await asyncpg.connect(dsn=_dsn(settings))
    count = int(await connection.fetchval("SELECT count(*) FROM ingest.record"))
    await connection.close()
    return count


def _dsn(settings: DatabaseSettings) -> str:
    return settings.url(driver="postgresql").render_as_string(hide_password=False)


# --- bodies ---------------------------------------------------------------------------------


def batches(total: int, size: int, *, addresses: bool = False) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, total, size):
        yield synthetic_records(min(size, total - start), start=start, addresses=addresses)


def csv_body(records: list[dict[str, Any]], *, addresses: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(ADDRESS_CSV_HEADER if addresses else CSV_HEADER)
    for item in records:
        location = item["location"]
        if addresses:
            address = location["address"]
            place = [address["simc"], address["street"], address["number"]]
        else:
            point = location.get("point") or ["", ""]
            place = [location.get("district", ""), point[0], point[1]]
        writer.writerow(
            [
                item["external_id"],
                item["subject_id"],
                item["subject_id_type"],
                item["household_id"],
                item["reference_date"],
                "|".join(item["categories"]),
                *place,
            ]
        )
    return buffer.getvalue().encode()


def bodies(kind: str, total: int, size: int) -> list[bytes]:
    """Bodies of ``kind``: ``json``, ``csv`` or ``csv-addresses`` (street addresses)."""
    if kind == "json":
        return [orjson.dumps({"records": batch}) for batch in batches(total, size)]
    addresses = kind == "csv-addresses"
    return [
        csv_body(batch, addresses=addresses) for batch in batches(total, size, addresses=addresses)
    ]


# --- the service ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_service(settings: DatabaseSettings, port: int, max_rows: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SOCMAP_ENV": "development",
        "SOCMAP_DB_NAME": settings.name,
        "SOCMAP_INGEST_MAX_ROWS": str(max_rows),
        "SOCMAP_INGEST_LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "ingest.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def wait_ready(base: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(300):
            try:
                if (await client.get(f"{base}/healthz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the ingest service did not start")


async def push_all(
    base: str, token: str, payloads: list[bytes], media_type: str, concurrency: int
) -> int:
    """Send every body; returns the number of records accepted."""
    semaphore = asyncio.Semaphore(concurrency)
    accepted = 0
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=600, limits=limits) as client:

        async def send(body: bytes) -> None:
            nonlocal accepted
            async with semaphore:
                response = await client.post(
                    "/v1/records:batch",
                    content=body,
                    headers={"Authorization": f"Bearer {token}", "Content-Type": media_type},
                )
                if response.status_code != 201:
                    raise RuntimeError(f"{response.status_code}: {response.text[:500]}")
                report = response.json()
                if report["rejected"]:
                    raise RuntimeError(f"rejected rows: {report['errors'][:3]}")
                accepted += report["accepted"]

        await asyncio.gather(*(send(body) for body in payloads))
    return accepted


async def http_phase(
    settings: DatabaseSettings,
    token: str,
    *,
    name: str,
    kind: str,
    total: int,
    size: int,
    concurrency: int,
) -> Result:
    print(f"  preparing {total} {kind.upper()} records in batches of {size} ...", flush=True)
    payloads = bodies(kind, total, size)
    await truncate(settings)
    port = free_port()
    process = start_service(settings, port, max_rows=max(size, 50_000))
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_ready(base)
        media_type = "application/json" if kind == "json" else "text/csv"
        started = time.perf_counter()
        accepted = await push_all(base, token, payloads, media_type, concurrency)
        seconds = time.perf_counter() - started
        rss = peak_rss_mb(process.pid)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    stored = await count_records(settings)
    if accepted != total or stored != total:
        raise RuntimeError(f"{name}: accepted {accepted}, stored {stored}, expected {total}")
    mb = sum(len(body) for body in payloads) / 1e6
    return Result(
        name, total, seconds, rss, f"{mb:.0f} MB of {kind.upper()}, {concurrency} in flight"
    )


# --- baselines ------------------------------------------------------------------------------


def stored_rows(
    total: int, institution_id: uuid.UUID, batch_id: uuid.UUID
) -> list[tuple[Any, ...]]:
    """The rows ingest would store for the synthetic records (hashes computed up front)."""
    key = DEVELOPMENT_PSEUDONYMIZATION_KEY.encode()
    rows: list[tuple[Any, ...]] = []
    for batch in batches(total, 10_000):
        for item in batch:
            district = item["location"].get("district") or (
                DISTRICT_WEST if item["location"]["point"][0] < 22.15 else DISTRICT_EAST
            )
            rows.append(
                (
                    institution_id,
                    institution_hash(key, "external", institution_id, item["external_id"]),
                    "pesel",
                    hmac.digest(key, f"pesel:{item['subject_id']}".encode(), hashlib.sha256),
                    institution_hash(key, "household", institution_id, item["household_id"]),
                    date.fromisoformat(item["reference_date"]),
                    None,
                    sorted(item["categories"]),
                    GMINA,
                    district,
                    None,
                    "ops",
                    batch_id,
                )
            )
    return rows


COLUMNS = [
    "institution_id",
    "external_hash",
    "subject_id_type",
    "subject_hash",
    "household_hash",
    "reference_date",
    "end_date",
    "categories",
    "gmina_code",
    "district_code",
    "unresolved_reason",
    "source_kind",
    "batch_id",
]


async def _baseline_batch(connection: asyncpg.Connection, institution_id: uuid.UUID) -> uuid.UUID:
    batch_id: uuid.UUID = await connection.fetchval(
        "INSERT INTO ingest.batch (institution_id, content_hash, media_type, status)"
        " VALUES ($1, '\\x00', 'baseline', 'completed') RETURNING id",
        institution_id,
    )
    return batch_id


async def copy_phase(settings: DatabaseSettings, institution_id: uuid.UUID, total: int) -> Result:
    await truncate(settings)
    connection = await asyncpg.connect(dsn=_dsn(settings))
    batch_id = await _baseline_batch(connection, institution_id)
    rows = stored_rows(total, institution_id, batch_id)
    started = time.perf_counter()
    await connection.copy_records_to_table(
        "record", schema_name="ingest", columns=COLUMNS, records=rows
    )
    seconds = time.perf_counter() - started
    await connection.close()
    return Result("raw COPY (asyncpg, one COPY)", total, seconds, note="same rows, same table")


async def orm_phase(settings: DatabaseSettings, institution_id: uuid.UUID, sample: int) -> Result:
    await truncate(settings)
    connection = await asyncpg.connect(dsn=_dsn(settings))
    batch_id = await _baseline_batch(connection, institution_id)
    await connection.close()
    rows = stored_rows(sample, institution_id, batch_id)
    engine = make_engine(settings.url(), pool_size=1, max_overflow=0)
    started = time.perf_counter()
    async with AsyncSession(engine) as session:
        for number, row in enumerate(rows, start=1):
            session.add(Record(**dict(zip(COLUMNS, row, strict=True))))
            await session.flush()  # one INSERT round trip per record
            if number % 10_000 == 0:
                await session.commit()
        await session.commit()
    seconds = time.perf_counter() - started
    await engine.dispose()
    return Result(
        "naive ORM (add + flush per row)", sample, seconds, note="sample, rate extrapolates"
    )


# --- main -----------------------------------------------------------------------------------


def print_table(results: list[Result], copy: Result, orm: Result) -> None:
    header = f"{'phase':<36} {'records':>9} {'seconds':>8} {'records/s':>10} {'vs COPY':>8} {'vs ORM':>7} {'peak RSS':>9}  note"
    print()
    print(header)
    print("-" * len(header))
    for result in results:
        rss = f"{result.peak_rss_mb:.0f} MB" if result.peak_rss_mb else "-"
        print(
            f"{result.phase:<36} {result.records:>9} {result.seconds:>8.1f} {result.rate:>10.0f}"
            f" {result.rate / copy.rate:>7.0%} {result.rate / orm.rate:>6.1f}x {rss:>9}  {result.note}"
        )


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--large-batch-size", type=int, default=50_000, help="RSS check phase")
    parser.add_argument("--large-batches", type=int, default=4)
    parser.add_argument("--orm-sample", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=2, help="batches in flight")
    parser.add_argument(
        "--formats", default="json,csv,csv-addresses", help="json, csv, csv-addresses"
    )
    parser.add_argument("--database", default="socmap_bench_ingest")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    args = parser.parse_args()

    base = DatabaseSettings()
    recreate_database(base, args.database)
    settings = base.model_copy(update={"name": args.database})
    try:
        migrate_database(settings)
        token, institution_id = await prepare(settings)
        print(f"baselines on {args.records} records ...", flush=True)
        copy = await copy_phase(settings, institution_id, args.records)
        orm = await orm_phase(settings, institution_id, min(args.orm_sample, args.records))
        results = [copy, orm]
        for kind in args.formats.split(","):
            print(f"HTTP {kind} ...", flush=True)
            results.append(
                await http_phase(
                    settings,
                    token,
                    name=f"HTTP {kind.upper()} ({args.batch_size} per batch)",
                    kind=kind,
                    total=args.records,
                    size=args.batch_size,
                    concurrency=args.concurrency,
                )
            )
        if args.large_batches:
            print("HTTP JSON with large batches (peak RSS) ...", flush=True)
            results.append(
                await http_phase(
                    settings,
                    token,
                    name=f"HTTP JSON ({args.large_batch_size} per batch)",
                    kind="json",
                    total=args.large_batch_size * args.large_batches,
                    size=args.large_batch_size,
                    concurrency=args.concurrency,
                )
            )
        print_table(results, copy, orm)
    finally:
        if not args.keep:
            drop_database(base, args.database)


if __name__ == "__main__":
    asyncio.run(main())
