"""Anonymizer runs of the benchmark, each in a child process of its own.

The child creates the run (``repository.create_run``), executes it in-process with
``service.execute_run`` and commits, as the worker does, and prints one line of JSON: the time,
the outcome, the phases (the time between the progress steps the run reports, plus any
durations in the run's progress or the release's audit) and its peak RSS (``VmHWM``). A
process of its own gives each run a clean memory high-water mark (not the data generator's),
a wall-clock limit after which it is killed (its transaction dies with it) and an address-space
limit, so a run that does not scale fails alone instead of pressing a shared machine.

    python bench/national/runs.py '{"database": ..., "gminas": null, "as_of": "2026-05-01"}'
"""

from __future__ import annotations

import asyncio
import json
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
        return next((seconds for name, seconds in self.phases if name == step), None)


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
    """This process's peak RSS in MB: ``VmHWM``, the high-water mark of its own memory. After
    ``exec`` ``getrusage``'s ``ru_maxrss`` still holds the parent's peak (Linux keeps the larger
    of the two), which would report the data generator's memory as the run's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _child(request: dict[str, Any]) -> RunResult:
    settings_db = DatabaseSettings().model_copy(update={"name": request["database"]})
    engine = make_engine(settings_db.url(), pool_size=1, max_overflow=0)
    sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
    settings = AnonymizerSettings(worker_enabled=False)
    as_of = date.fromisoformat(request["as_of"])
    steps: list[tuple[str, float]] = []

    async def report(progress: dict[str, Any]) -> None:
        step = str(progress.get("step", "?"))
        if not steps or steps[-1][0] != step:
            steps.append((step, time.perf_counter()))

    name, gminas = request["name"], request["gminas"]
    async with sessionmaker() as session:
        run = await repository.create_run(
            session=session,
            gminas=gminas,
            trigger="bench-national",
            parameters={"as_of": as_of.isoformat(), "include_open_periods": False},
            events=[],
            idempotency_key=None,
        )
        await session.commit()
        started = time.perf_counter()
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
        finished = time.perf_counter()
        result.seconds = finished - started
        result.peak_mb = peak_rss_mb()
        result.phases = [
            (step, later - at) for (step, at), (_, later) in pairwise([*steps, ("end", finished)])
        ]
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


async def execute(
    *,
    database: str,
    name: str,
    gminas: list[str] | None,
    as_of: date,
    time_limit: float,
    memory_limit_mb: int,
) -> RunResult:
    """One run in a child process; killed after ``time_limit`` seconds."""
    request = {"database": database, "name": name, "gminas": gminas, "as_of": as_of.isoformat()}
    request["memory_limit_mb"] = memory_limit_mb
    started = time.perf_counter()
    child = await asyncio.create_subprocess_exec(
        sys.executable, str(Path(__file__)), json.dumps(request), stdout=asyncio.subprocess.PIPE
    )
    try:
        output, _ = await asyncio.wait_for(child.communicate(), time_limit)
    except TimeoutError:
        child.kill()
        await child.wait()
        return RunResult(
            name,
            gminas,
            time.perf_counter() - started,
            "stopped",
            reason=f"still running after the {time_limit:,.0f} s limit (--run-limit)",
        )
    lines = output.decode().strip().splitlines()
    if child.returncode != 0 or not lines:
        return RunResult(
            name,
            gminas,
            time.perf_counter() - started,
            "crashed",
            reason=f"exit code {child.returncode} (memory limit {memory_limit_mb:,} MB?)",
        )
    fields = json.loads(lines[-1])
    fields["phases"] = [tuple(phase) for phase in fields["phases"]]
    return RunResult(**fields)


def main() -> None:
    request = json.loads(sys.argv[1])
    limit = int(request["memory_limit_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    result = asyncio.run(_child(request))
    print(json.dumps(asdict(result)))


if __name__ == "__main__":
    main()
