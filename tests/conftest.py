"""Cross-service fixtures: the four services as real uvicorn processes on loopback, over their
own committed database (the per-test rollback of the unit tests cannot span processes)."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.db.engine import make_engine, make_sessionmaker
from shared.institutions import create_api_key, create_institution
from shared.settings import DatabaseSettings

SERVICES = {
    "ingest": "ingest.app:create_app",
    "anonymizer": "anonymizer.app:create_app",
    "catalog": "catalog.app:create_app",
    "map-tiles": "map_tiles.app:create_app",
}
# The services' logs of the last run, for a failing test's reader.
LOGS = Path(__file__).resolve().parent.parent / ".local" / "e2e-logs"
# Bielsko-Biała: its MOPS and PUP push the records of the tests.
BIELSKO = "2461011"


@dataclass
class Stack:
    database: DatabaseSettings
    urls: dict[str, str]
    keys: dict[str, str]
    processes: dict[str, subprocess.Popen[bytes]]
    environment: dict[str, str]

    def client(self, service: str, key: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.keys[key]}"} if key else {}
        return httpx.Client(base_url=self.urls[service], headers=headers, timeout=60)

    def stop(self, service: str) -> None:
        process = self.processes[service]
        process.terminate()
        process.wait(timeout=15)

    def start(self, service: str) -> None:
        self.processes[service] = _start(service, self.urls[service], self.environment)
        _wait_ready({service: self.urls[service]}, self.processes)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(service: str, url: str, environment: dict[str, str]) -> subprocess.Popen[bytes]:
    port = url.rsplit(":", 1)[1]
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        SERVICES[service],
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        port,
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    LOGS.mkdir(parents=True, exist_ok=True)
    with (LOGS / f"{service}.log").open("ab") as log:
        return subprocess.Popen(
            command, env={**os.environ, **environment}, stdout=log, stderr=subprocess.STDOUT
        )


def _wait_ready(urls: dict[str, str], processes: dict[str, subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + 60
    pending = set(urls)
    while pending:
        for service in list(pending):
            if processes[service].poll() is not None:
                raise RuntimeError(f"{service} exited with {processes[service].returncode}")
            try:
                if httpx.get(f"{urls[service]}/readyz", timeout=2).status_code == 200:
                    pending.discard(service)
            except httpx.HTTPError:
                pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"not ready: {sorted(pending)}")
        time.sleep(0.2)


async def _institutions(database: DatabaseSettings) -> dict[str, str]:
    engine = make_engine(database.url(), pool_size=1, max_overflow=0)
    keys: dict[str, str] = {}
    specs = [
        ("MOPS", "MOPS Bielsko-Biała", [BIELSKO], ["records:write"]),
        ("PUP", "PUP Bielsko-Biała", ["2461"], ["records:write"]),
        ("ROPS", "ROPS Katowice", ["24"], ["catalog:edit", "catalog:moderate"]),
        ("SERVICE", "ingest service", [], ["runs:write"]),
        ("SERVICE", "publishers", [], ["tiles:invalidate"]),
    ]
    async with make_sessionmaker(engine)() as session:
        for kind, name, territory, scopes in specs:
            institution = await create_institution(
                session, kind=kind, name=name, territory=territory
            )
            issued = await create_api_key(
                session, institution=institution, name="e2e", scopes=scopes
            )
            keys[name] = issued.token
        await session.commit()
    await engine.dispose()
    return keys


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    base = DatabaseSettings()
    name = f"socmap_e2e_{os.getpid()}"
    database = base.model_copy(update={"name": name})
    recreate_database(base, name)
    migrate_database(database)
    environment = {"SOCMAP_DB_NAME": name, "SOCMAP_ENV": "test"}
    subprocess.run(
        [sys.executable, "-m", "shared.cli", "geo", "demo"],
        env={**os.environ, **environment},
        check=True,
        capture_output=True,
    )
    keys = asyncio.run(_institutions(database))
    urls = {service: f"http://127.0.0.1:{_free_port()}" for service in SERVICES}
    environment |= {
        "SOCMAP_INGEST_ANONYMIZER_URL": urls["anonymizer"],
        "SOCMAP_INGEST_ANONYMIZER_KEY": keys["ingest service"],
        "SOCMAP_INGEST_DISPATCH_INTERVAL_SECONDS": "0.2",
        "SOCMAP_INGEST_DISPATCH_BACKOFF_BASE_SECONDS": "0.2",
        "SOCMAP_INGEST_DISPATCH_BACKOFF_MAX_SECONDS": "1",
        "SOCMAP_ANONYMIZER_MAP_TILES_URL": urls["map-tiles"],
        "SOCMAP_ANONYMIZER_MAP_TILES_KEY": keys["publishers"],
        "SOCMAP_CATALOG_MAP_TILES_URL": urls["map-tiles"],
        "SOCMAP_CATALOG_MAP_TILES_KEY": keys["publishers"],
    }
    processes: dict[str, subprocess.Popen[bytes]] = {}
    for old in LOGS.glob("*.log"):
        old.unlink()
    try:
        for service, url in urls.items():
            processes[service] = _start(service, url, environment)
        _wait_ready(urls, processes)
        yield Stack(database, urls, keys, processes, environment)
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        if not os.environ.get("SOCMAP_KEEP_TEST_DB"):
            drop_database(base, name)
