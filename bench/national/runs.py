"""Anonymizer runs of the benchmark, each in a child process of its own.

The child creates the run (``repository.create_run``), executes it in-process with
``service.execute_run`` and commits, as the worker does, printing JSON lines: each progress
step the run reports as it comes (the time between them gives the phases, even of a run that
is stopped), then the time, the outcome, any durations in the run's progress or the release's
audit, and its peak RSS (``VmHWM``). A
process of its own gives each run a clean memory high-water mark (not the data generator's),
a wall-clock limit after which it is killed (its transaction dies with it) and an address-space
limit, so a run that does not scale fails alone instead of pressing a shared machine.

    python bench/national/runs.py '{"database": "socmap_bench_national", "name": "full",
        "gminas": null, "as_of": "2026-05-01", "memory_limit_mb": 8192}'
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker

from anonymizer import repository, service
from anonymizer.settings import AnonymizerSettings
from shared.db.engine import make_engine
from shared.settings import DatabaseSettings


@dataclass
class RunResult:
    name: str
    gminas: list[str] | None
    seconds: float
    status: str
    reason: str | None = None
    cells: int | None = None
    suppressed: int | None = None
    peak_mb: float | None = None
    phases: list[tuple[str, float]] = field(default_factory=list)
    reported: dict[str, Any] = field(default_factory=dict)

    def phase(self, step: str) -> float | None:
        """The time of a step over all the run's blocks (None if it never ran)."""
        times = [seconds for name, seconds in self.phases if name == step]
        return sum(times) if times else None


def durations(value: Any, prefix: str = "") -> dict[str, Any]:
    """Numbers that look like durations in a run's progress or a release's audit."""
    found: dict[str, Any] = {}
    if not isinstance(value, dict):
        return found
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            if any(word in key for word in ("timings", "seconds", "phases")):
                found |= {f"{name}.{k}": v for k, v in item.items() if isinstance(v, int | float)}
            else:
                found |= durations(item, f"{name}.")
        elif isinstance(item, int | float) and (
            key.endswith(("_s", "_seconds", "_ms")) or key in ("seconds", "elapsed")
        ):
            found[name] = item
    return found


def peak_rss_mb() -> float:
    """The run's peak RSS in MB: ``VmHWM``, the high-water mark of this process's own memory,
    plus those of its protection workers (the sum of the peaks: at least the peak of their
    sum). After ``exec`` ``getrusage``'s ``ru_maxrss`` still holds the parent's peak (Linux
    keeps the larger of the two), which would report the data generator's memory as the
    run's."""
    total = _high_water(Path("/proc/self/status").read_text())
    mine = str(os.getpid())
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text_ = status.read_text()
        except OSError:  # gone meanwhile
            continue
        if any(line.split() == ["PPid:", mine] for line in text_.splitlines()):
            total += _high_water(text_)
    return total


def _high_water(status: str) -> float:
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _say(message: dict[str, Any]) -> None:
    """One JSON line to the parent (HiGHS writes its banner to stdout too)."""
    print(json.dumps(message), flush=True)


async def _child(request: dict[str, Any]) -> RunResult:
    settings_db = DatabaseSettings().model_copy(update={"name": request["database"]})
    engine = make_engine(settings_db.url(), pool_size=1, max_overflow=0)
    sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
    settings = AnonymizerSettings(
        worker_enabled=False, protection_workers=int(request.get("workers", 1))
    )
    as_of = date.fromisoformat(request["as_of"])
    started = time.perf_counter()
    steps: list[str] = []

    async def report(progress: dict[str, Any]) -> None:
        step = str(progress.get("step", "?"))
        if not steps or steps[-1] != step:
            steps.append(step)
            _say({"step": step, "at": time.perf_counter() - started})

    name, gminas = request["name"], request["gminas"]
    async with sessionmaker() as session:
        # A killed child's query would run on without it until its result is sent.
        await session.execute(text("SET client_connection_check_interval = '5s'"))
        run = await repository.create_run(
            session=session,
            gminas=gminas,
            trigger="bench-national",
            # As the API stores them (k and p resolved): a run is carried over only from a
            # release of the same rules.
            parameters=service.run_parameters(
                settings, k=None, p=None, include_open_periods=False, as_of=as_of
            ),
            events=[],
            idempotency_key=None,
        )
        await session.commit()
        started = time.perf_counter()
        crash: str | None = None
        try:
            outcome = await service.execute_run(
                session=session, run=run, settings=settings, today=as_of, report=report
            )
            await session.commit()
            result = RunResult(
                name, gminas, 0.0, "published", cells=outcome.cells, suppressed=outcome.suppressed
            )
        except service.RunRefused as refused:
            await session.rollback()
            result = RunResult(name, gminas, 0.0, refused.status, reason=refused.reason)
        except Exception as exc:  # MemoryError under --memory-limit, among others
            crash = f"{type(exc).__name__}: {exc}"[:300]
        if crash is not None:
            # Say so and go: after a MemoryError even a rollback may fail (the memory freed in
            # the protection thread's malloc arena is not the event loop's); the transaction
            # dies with the connection.
            result = RunResult(name, gminas, time.perf_counter() - started, "crashed", crash)
            result.peak_mb = peak_rss_mb()
            _say(asdict(result))
            os._exit(3)
        result.seconds = time.perf_counter() - started
        result.peak_mb = peak_rss_mb()
        row = (
            await session.execute(
                text(
                    "SELECT r.progress, rel.audit FROM stats.run r"
                    " LEFT JOIN stats.release rel ON rel.run_id = r.id WHERE r.id = :id"
                ),
                {"id": run["id"]},
            )
        ).first()
        if row is not None:
            result.reported = durations(row.progress, "progress.") | durations(row.audit, "audit.")
    await engine.dispose()
    return result


def _phases(marks: list[tuple[str, float]], end: float) -> list[tuple[str, float]]:
    return [(step, later - at) for (step, at), (_, later) in pairwise([*marks, ("end", end)])]


async def execute(
    *,
    database: str,
    name: str,
    gminas: list[str] | None,
    as_of: date,
    time_limit: float,
    memory_limit_mb: int,
    workers: int,
) -> RunResult:
    """One run in a child process, killed after ``time_limit`` seconds; the phases it went
    through are known even then."""
    request = {
        "database": database,
        "name": name,
        "gminas": gminas,
        "as_of": as_of.isoformat(),
        "memory_limit_mb": memory_limit_mb,
        "workers": workers,
    }
    started = time.perf_counter()
    child = await asyncio.create_subprocess_exec(
        sys.executable, str(Path(__file__)), json.dumps(request), stdout=asyncio.subprocess.PIPE
    )
    marks: list[tuple[str, float]] = []
    final: dict[str, Any] | None = None

    async def listen() -> None:
        nonlocal final
        assert child.stdout is not None
        async for raw in child.stdout:
            try:
                message = json.loads(raw)
            except ValueError:
                continue
            if isinstance(message, dict) and "step" in message:
                marks.append((message["step"], float(message["at"])))
            elif isinstance(message, dict) and "status" in message:
                final = message

    listener = asyncio.create_task(listen())
    stopped = False
    try:
        await asyncio.wait_for(child.wait(), time_limit)
    except TimeoutError:
        child.kill()
        await child.wait()
        stopped = True
    await listener
    if final is not None:
        final["phases"] = _phases(marks, float(final["seconds"]))
        return RunResult(**final)
    elapsed = time.perf_counter() - started
    if stopped:
        status, reason = "stopped", f"still running after the {time_limit:,.0f} s limit"
    else:
        status, reason = "crashed", f"exit code {child.returncode}"
    return RunResult(name, gminas, elapsed, status, reason=reason, phases=_phases(marks, elapsed))


def main() -> None:
    request = json.loads(sys.argv[1])
    limit = int(request["memory_limit_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _say(asdict(asyncio.run(_child(request))))


if __name__ == "__main__":
    main()
