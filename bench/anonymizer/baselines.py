"""Baselines of the anonymizer's aggregation, shared by the benchmarks (bench/anonymizer and
bench/national, which adds this directory to ``sys.path``):

- DuckDB: the records leave PostgreSQL once as CSV (``COPY ... TO STDOUT``, timed on its own)
  and DuckDB loads them and computes the same cells with its own SQL (same semantics as the
  reference), one voivodeship at a time as the anonymizer does, in a child process (its
  memory is not the caller's);
- the reference: ``anonymizer.reference.AGGREGATE_SQL`` run by PostgreSQL.
"""

from __future__ import annotations

import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import psycopg
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer.reference import reference_aggregate

Cell = tuple[str, str, str, str, str, str, str, int]

# The records as AGGREGATE_SQL sees them (its joins, cases up to ``as_of``), one line each.
EXTRACT_SQL = """
COPY (
    SELECT encode(r.subject_hash, 'hex') AS subject, encode(r.household_hash, 'hex') AS household,
           r.source_kind AS source, array_to_string(r.categories, '|') AS categories,
           r.reference_date AS starts, coalesce(r.end_date, DATE '{as_of}') AS ends,
           r.district_code AS district, r.gmina_code AS gmina, g.parent_code AS powiat,
           pw.parent_code AS voivodeship
    FROM ingest.record r
    JOIN geo.territorial_unit g ON g.code = r.gmina_code
    JOIN geo.territorial_unit pw ON pw.code = g.parent_code
    WHERE r.reference_date <= DATE '{as_of}'
) TO STDOUT (FORMAT csv, HEADER)
"""

# Quarters are numbered year * 4 + quarter - 1; a record is open in the quarters from its
# start's to its end's (an open case ends at ``as_of``), never beyond the quarter of ``as_of``.
# Persons, households and periods are integers while grouping (households numbered in byte
# order, so the smallest number is the smallest hash); the names come back at the end.
LOAD_SQL = """
CREATE TABLE loaded AS SELECT * FROM read_csv($path, header = true, columns = {
    'subject': 'VARCHAR', 'household': 'VARCHAR', 'source': 'VARCHAR',
    'categories': 'VARCHAR', 'starts': 'DATE', 'ends': 'DATE', 'district': 'VARCHAR',
    'gmina': 'VARCHAR', 'powiat': 'VARCHAR', 'voivodeship': 'VARCHAR'})
"""

# The cells of one voivodeship's records (every unit and relation lies inside one, as in the
# anonymizer's own runs): run once per voivodeship, so that the country fits DuckDB's memory.
CELLS_SQL = """
WITH records AS (
    SELECT * FROM loaded WHERE voivodeship IS NOT DISTINCT FROM $voivodeship
),
subjects AS (
    SELECT subject, row_number() OVER () AS person FROM (SELECT DISTINCT subject FROM records)
),
households AS (
    SELECT household, row_number() OVER (ORDER BY household) AS home
    FROM (SELECT DISTINCT household FROM records WHERE household IS NOT NULL)
),
spans AS (
    SELECT s.person, h.home, r.source = 'ops' AS ops, r.source = 'pup' AS pup,
           CASE WHEN coalesce(r.categories, '') = '' THEN []::VARCHAR[]
                ELSE string_split(r.categories, '|') END AS categories,
           r.district, r.gmina, r.powiat, r.voivodeship,
           year(r.starts) * 4 + quarter(r.starts) - 1 AS first,
           least(year(r.ends) * 4 + quarter(r.ends) - 1, $last) AS last
    FROM records r JOIN subjects s USING (subject) LEFT JOIN households h USING (household)
),
-- A period is its first quarter, negated for a year.
in_periods AS (
    SELECT * EXCLUDE (periods), unnest(periods) AS period
    FROM (SELECT * EXCLUDE (first, last, categories),
                 unnest(list_distinct(list_append(categories, 'any'))) AS category,
                 list_concat(range(first, last + 1),
                             list_transform(range(first // 4, last // 4 + 1),
                                            lambda y: -y * 4 - 1)) AS periods
          FROM spans)
),
in_units AS (
    SELECT * EXCLUDE (district, gmina, powiat, voivodeship), district AS unit,
           'district' AS level FROM in_periods WHERE district IS NOT NULL
    UNION ALL
    SELECT * EXCLUDE (district, gmina, powiat, voivodeship), gmina, 'gmina' FROM in_periods
    UNION ALL
    SELECT * EXCLUDE (district, gmina, powiat, voivodeship), powiat, 'powiat' FROM in_periods
    UNION ALL
    SELECT * EXCLUDE (district, gmina, powiat, voivodeship), voivodeship, 'voivodeship'
    FROM in_periods WHERE voivodeship IS NOT NULL
),
by_category AS (
    SELECT unit, level, period, category, person, bool_or(ops) AS ops, bool_or(pup) AS pup,
           min(home) AS home
    FROM in_units
    GROUP BY unit, level, period, category, person
),
persons AS (
    SELECT * FROM by_category
    UNION ALL
    SELECT unit, level, period, '2plus', person, bool_or(ops), bool_or(pup), min(home)
    FROM by_category WHERE category <> 'any'
    GROUP BY unit, level, period, person HAVING count(*) >= 2
),
homes AS (
    SELECT unit, level, period, category, bool_or(ops) AS ops, bool_or(pup) AS pup
    FROM persons WHERE home IS NOT NULL
    GROUP BY unit, level, period, category, home
),
counts AS (
    SELECT unit, level, category, period, 'persons' AS measure, count_if(ops) AS ops,
           count_if(pup) AS pup, count_if(ops AND pup) AS "both", count(*) AS "all"
    FROM persons GROUP BY unit, level, category, period
    UNION ALL
    SELECT unit, level, category, period, 'households', count_if(ops), count_if(pup),
           count_if(ops AND pup), count(*)
    FROM homes GROUP BY unit, level, category, period
),
named AS (
    SELECT * EXCLUDE (period),
           CASE WHEN period >= 0 THEN (period // 4)::VARCHAR || '-Q' || (period % 4 + 1)::VARCHAR
                ELSE ((-period - 1) // 4)::VARCHAR END AS period,
           CASE WHEN period >= 0 THEN 'quarter' ELSE 'year' END AS period_kind
    FROM counts
)
SELECT * FROM named UNPIVOT (value FOR source IN (ops, pup, "both", "all"))
"""


@dataclass(frozen=True)
class DuckDBRun:
    extraction: float  # seconds: the records out of PostgreSQL into a CSV file
    computation: float  # seconds: DuckDB's query from that file to a table of the cells
    cells: list[Cell]  # unit, level, category, period, period kind, measure, source, value
    peak_mb: float  # the child process's peak RSS


def duckdb_rows(dsn: str, *, as_of: date, memory_limit: str | None = None) -> DuckDBRun:
    """Extract the records and compute the cells with DuckDB in a child process (this file run
    as a script), so that DuckDB's memory (gigabytes at a million records) stays out of the
    caller's peak RSS. ``memory_limit`` (e.g. ``"4GB"``) makes DuckDB spill to disk beyond it."""
    request = json.dumps({"dsn": dsn, "as_of": as_of.isoformat(), "memory_limit": memory_limit})
    child = subprocess.run(
        [sys.executable, str(Path(__file__).resolve())],
        input=request.encode(),
        stdout=subprocess.PIPE,
        check=True,
    )
    extraction, computation, cells, peak_mb = pickle.loads(child.stdout)
    return DuckDBRun(extraction, computation, cells, peak_mb)


def duckdb_cells(
    dsn: str, *, as_of: date, memory_limit: str | None = None
) -> tuple[float, float, int]:
    """Seconds to extract the records from PostgreSQL, seconds for DuckDB to compute the
    cells, and the number of cells (rows, one per source); see :func:`duckdb_rows`."""
    run = duckdb_rows(dsn, as_of=as_of, memory_limit=memory_limit)
    return run.extraction, run.computation, len(run.cells)


def _duckdb_run(dsn: str, as_of: date, memory_limit: str | None) -> DuckDBRun:
    with tempfile.TemporaryDirectory(prefix="socmap-duckdb-") as directory:
        path = Path(directory) / "records.csv"
        started = time.perf_counter()
        with (
            psycopg.connect(dsn) as connection,
            connection.cursor().copy(EXTRACT_SQL.format(as_of=as_of.isoformat())) as copy,
            path.open("wb") as out,
        ):
            for block in copy:
                out.write(block)
        extraction = time.perf_counter() - started
        config = {"temp_directory": directory}
        if memory_limit is not None:
            config["memory_limit"] = memory_limit
        database = duckdb.connect(config=config)
        try:
            database.execute("SET enable_progress_bar = false")
            # The cells are compared as a set: no order to keep.
            database.execute("SET preserve_insertion_order = false")
            started = time.perf_counter()
            last = as_of.year * 4 + (as_of.month - 1) // 3
            database.execute(LOAD_SQL, {"path": str(path)})
            parts = database.execute("SELECT DISTINCT voivodeship FROM loaded").fetchall()
            for number, (voivodeship,) in enumerate(parts):
                into = "CREATE TABLE cells AS " if number == 0 else "INSERT INTO cells BY NAME "
                database.execute(into + CELLS_SQL, {"voivodeship": voivodeship, "last": last})
            computation = time.perf_counter() - started
            cells: list[Cell] = database.execute(
                "SELECT unit, level, category, period, period_kind, measure, source, value"
                " FROM cells"
            ).fetchall()
        finally:
            database.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return DuckDBRun(extraction, computation, cells, peak_mb)


if __name__ == "__main__":
    # The child of duckdb_rows: the request on stdin, the run (plain values) on stdout.
    asked = json.loads(sys.stdin.read())
    run = _duckdb_run(asked["dsn"], date.fromisoformat(asked["as_of"]), asked["memory_limit"])
    sys.stdout.buffer.write(pickle.dumps((run.extraction, run.computation, run.cells, run.peak_mb)))


async def reference_cells(session: AsyncSession, *, as_of: date) -> tuple[float, int]:
    """Seconds for PostgreSQL to run the reference SQL (``AGGREGATE_SQL``), and its rows."""
    started = time.perf_counter()
    rows = await reference_aggregate(session=session, as_of=as_of)
    return time.perf_counter() - started, len(rows)
