"""What the benchmarks under ``bench/`` share: a service under uvicorn on loopback, and timed
round-robin load over a list of URLs with wrk (when installed) or an asyncio client.

wrk is a C load generator: it takes little of the CPU the service and PostgreSQL share on a
small machine (0.1 ms a request, where an httpx client cost about a third of the service's
own Python time). ``make bench`` installs it where it can (``apt-get install wrk``); the
asyncio client is the fallback.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

PERCENTILES = (50, 95, 99)


@contextmanager
def server(command: Sequence[str], env: dict[str, str], port: int, log: Path) -> Iterator[None]:
    """Run ``command`` (a uvicorn on 127.0.0.1:``port``) until its ``/healthz`` answers, and
    stop it afterwards. Its output goes to ``log``: an unread pipe fills up and blocks the
    server's event loop."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        process = subprocess.Popen(
            list(command), env={**os.environ, **env}, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None:
                    raise RuntimeError(f"server on port {port} died; see {log}")
                time.sleep(0.3)
            else:
                raise RuntimeError(f"server on port {port} did not start; see {log}")
            yield
        finally:
            process.terminate()
            process.wait(timeout=30)


@dataclass
class Result:
    """A load phase: latency percentiles (ms, by PERCENTILES), and ``marked``, the responses
    whose body held the phase's marker."""

    name: str
    requests: int
    seconds: float
    latency_ms: dict[int, float]
    mean_ms: float
    errors: int
    marked: int = 0

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def p50(self) -> float:
        return self.latency_ms[50]

    @property
    def p95(self) -> float:
        return self.latency_ms[95]

    @property
    def p99(self) -> float:
        return self.latency_ms[99]


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else 0.0


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


# Each thread starts at its own place in the list; with a marker, response bodies are searched
# for it (which costs wrk a little).
WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local headers = {}
for name, value in string.gmatch(os.getenv("WRK_HEADERS"), "([^\\n:]+): ([^\\n]*)") do
  headers[name] = value
end
local marker = os.getenv("WRK_MARKER")
local threads = {}
local started = 0
setup = function(thread)
  thread:set("first", started * math.floor(#paths / 2))
  started = started + 1
  table.insert(threads, thread)
end
init = function(args) i = first; marked = 0 end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], headers)
end
if marker ~= "" then
  response = function(status, headers, body)
    if string.find(body, marker, 1, true) then marked = marked + 1 end
  end
end
done = function(summary, latency, requests)
  local e, total = summary.errors, 0
  for _, thread in ipairs(threads) do total = total + (thread:get("marked") or 0) end
  io.write(string.format("RESULT %d %.6f %.3f %.3f %.3f %.3f %d %d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.mean / 1000,
    e.status + e.connect + e.read + e.write + e.timeout, total))
end
"""


def _wrk_files(workdir: Path, urls: Sequence[str]) -> tuple[Path, Path]:
    """wrk's script and the paths it requests (one per line)."""
    workdir.mkdir(parents=True, exist_ok=True)
    script, paths = workdir / "wrk.lua", workdir / "wrk-paths.txt"
    script.write_text(WRK_SCRIPT)
    paths.write_text("\n".join("/" + url.split("/", 3)[3] for url in urls) + "\n")
    return script, paths


async def load(
    name: str,
    urls: Sequence[str],
    *,
    concurrency: int,
    seconds: float | None = None,
    once: bool = False,
    headers: dict[str, str] | None = None,
    marker: str = "",
) -> Result:
    """``concurrency`` workers request ``urls`` round-robin for ``seconds`` (or each once)."""
    latencies: list[float] = []
    errors = marked = cursor = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    needle = marker.encode()
    async with httpx.AsyncClient(limits=limits, timeout=60, headers=headers) as client:
        started = time.perf_counter()
        deadline = started + (seconds or 0)

        async def worker() -> None:
            nonlocal cursor, errors, marked
            while (cursor < len(urls)) if once else (time.perf_counter() < deadline):
                url = urls[cursor % len(urls)]
                cursor += 1
                begin = time.perf_counter()
                response = await client.get(url)
                latencies.append((time.perf_counter() - begin) * 1000)
                errors += response.status_code >= 400
                marked += bool(needle) and needle in response.content

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latency = {p: percentile(latencies, p) for p in PERCENTILES}
    mean = statistics.fmean(latencies) if latencies else 0.0
    return Result(name, len(latencies), elapsed, latency, mean, errors, marked)


async def timed(
    name: str,
    urls: Sequence[str],
    *,
    concurrency: int,
    seconds: float,
    workdir: Path,
    headers: dict[str, str] | None = None,
    marker: str = "",
) -> Result:
    """A timed round-robin phase over ``urls`` (one host): wrk when installed (2 threads,
    ``concurrency`` connections), else the asyncio client."""
    if not shutil.which("wrk"):
        return await load(
            name, urls, concurrency=concurrency, seconds=seconds, headers=headers, marker=marker
        )
    script, paths = _wrk_files(workdir, urls)
    host = urls[0].split("/", 3)
    environment = {
        **os.environ,
        "WRK_PATHS": str(paths),
        "WRK_HEADERS": "".join(f"{key}: {value}\n" for key, value in (headers or {}).items()),
        "WRK_MARKER": marker,
    }
    process = await asyncio.create_subprocess_exec(
        "wrk", "-t2", f"-c{concurrency}", f"-d{max(1, round(seconds))}s", "-s", str(script),
        f"{host[0]}//{host[2]}", env=environment, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    output, _ = await process.communicate()
    lines = [x for x in output.decode().splitlines() if x.startswith("RESULT")]
    if not lines:
        raise RuntimeError(f"wrk printed no result:\n{output.decode()}")
    requests, duration, p50, p95, p99, mean, errors, marked = lines[0].split()[1:]
    latency = dict(zip(PERCENTILES, (float(p50), float(p95), float(p99)), strict=True))
    return Result(
        name, int(requests), float(duration), latency, float(mean), int(errors), int(marked)
    )


def load_generator() -> str:
    return "wrk" if shutil.which("wrk") else "the asyncio client (install wrk for more)"
