"""Start the four socmap services (uvicorn), wait until each is ready, print their URLs,
and stop them all cleanly on Ctrl-C (or when one of them dies)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import demo
import httpx

from anonymizer.settings import AnonymizerSettings
from catalog.settings import CatalogSettings
from ingest.settings import IngestSettings
from map_tiles.settings import MapTilesSettings
from shared.settings import ServiceSettings

READY_TIMEOUT_S = 60
ROOT = Path(__file__).resolve().parent.parent
LOG_DIR = ROOT / ".local" / "logs"


@dataclass(frozen=True, eq=False)
class Service:
    name: str
    factory: str
    settings: ServiceSettings

    @property
    def url(self) -> str:
        return f"http://{self.settings.host}:{self.settings.port}"


def services() -> list[Service]:
    return [
        Service("ingest", "ingest.app:create_app", IngestSettings()),
        Service("anonymizer", "anonymizer.app:create_app", AnonymizerSettings()),
        Service("catalog", "catalog.app:create_app", CatalogSettings()),
        Service("map-tiles", "map_tiles.app:create_app", MapTilesSettings()),
    ]


def port_free(service: Service) -> bool:
    """Whether the service could listen on its port. SO_REUSEADDR as uvicorn sets it: the
    connections of a run just stopped linger in TIME-WAIT for a minute and hold no listener."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((service.settings.host, service.settings.port))
        except OSError:
            return False
    return True


def start(service: Service, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        service.factory,
        "--factory",
        "--host",
        service.settings.host,
        "--port",
        str(service.settings.port),
        "--no-access-log",
    ]
    # Each service in its own process group, so Ctrl-C reaches us first and we stop them in order;
    # its JSON log goes to a file, so this terminal shows what a newcomer needs.
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log = (LOG_DIR / f"{service.name}.log").open("ab")
    return subprocess.Popen(
        command,
        start_new_session=True,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_ready(running: dict[Service, subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    pending = set(running)
    reasons: dict[str, str] = {}
    while pending:
        for service in list(pending):
            if running[service].poll() is not None:
                raise RuntimeError(f"{service.name} exited with code {running[service].returncode}")
            try:
                answer = httpx.get(f"{service.url}/readyz", timeout=2)
            except httpx.HTTPError as error:
                reasons[service.name] = type(error).__name__
                continue
            if answer.status_code == 200:
                pending.discard(service)
            else:
                reasons[service.name] = answer.json().get("detail", answer.text)
        if time.monotonic() > deadline:
            names = "; ".join(f"{s.name} ({reasons.get(s.name, 'no answer')})" for s in pending)
            raise RuntimeError(f"not ready after {READY_TIMEOUT_S} s: {names}")
        time.sleep(0.3)


def stop(running: dict[Service, subprocess.Popen[bytes]]) -> None:
    for process in running.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for service, process in running.items():
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            print(f"{service.name} did not stop in time; killing it", file=sys.stderr)
            process.kill()


def load_demo(
    running: dict[Service, subprocess.Popen[bytes]],
    municipalities: list[demo.Municipality],
    keys: dict[str, str],
    env: dict[str, str],
) -> None:
    """Push the synthetic records through the ingest API as the MOPS and PUP would, wait for
    one release of everything, then connect ingest to the anonymizer.

    Ingest loads without its hand-off: a release computed while the history is still arriving
    would freeze partial values of closed quarters, and the rest of the load would then count
    as revisions of them (time differencing). Once connected, ingest delivers the load's
    events and the anonymizer republishes the same values in the background."""
    urls = {service.name: service.url for service in running}
    print("socmap: pushing synthetic case records through the ingest API", flush=True)
    demo.push_records(urls["ingest"], keys, municipalities)
    print("socmap: the anonymizer publishes a release of everything pushed", flush=True)
    demo.publish_release(urls["anonymizer"], keys)
    ingest = next(service for service in running if service.name == "ingest")
    stop({ingest: running[ingest]})
    running[ingest] = start(ingest, env)
    wait_ready({ingest: running[ingest]})


def main() -> int:
    with_demo = "--demo" in sys.argv[1:]
    os.environ.setdefault("SOCMAP_ENV", "development")
    busy = [service for service in services() if not port_free(service)]
    if busy:
        for service in busy:
            variable = f"SOCMAP_{service.name.upper().replace('-', '_')}_PORT"
            print(
                f"socmap: port {service.settings.port} for {service.name} is in use; "
                f"stop what holds it or set {variable}",
                file=sys.stderr,
            )
        return 1
    env: dict[str, str] = {}
    municipalities: list[demo.Municipality] = []
    keys: dict[str, str] = {}
    if with_demo:
        print("socmap: preparing demo institutions and keys (.local/demo-keys.json)", flush=True)
        municipalities, keys = demo.prepare_demo()
        env = demo.service_environment(keys, {service.name: service.url for service in services()})
    # While the demo loads, ingest does not hand off to the anonymizer (see load_demo).
    loading = {name: value for name, value in env.items() if "INGEST_ANONYMIZER" not in name}
    running = {
        service: start(service, loading if service.name == "ingest" else env)
        for service in services()
    }
    stopping = False

    def request_stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    def interrupt(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    # Until the services are ready and the demo loaded, Ctrl-C (or SIGTERM) interrupts at once.
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    logs = LOG_DIR.relative_to(ROOT)
    try:
        wait_ready(running)
        if with_demo:
            load_demo(running, municipalities, keys, env)
    except KeyboardInterrupt:
        print("\nsocmap: interrupted; stopping the services…", file=sys.stderr)
        stop(running)
        return 130
    except RuntimeError as error:
        print(f"socmap: {error} (logs: {logs}/)", file=sys.stderr)
        stop(running)
        return 1
    except httpx.HTTPError as error:
        print(f"socmap: loading the demo failed: {error} (logs: {logs}/)", file=sys.stderr)
        stop(running)
        return 1
    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    width = max(len(service.name) for service in running)
    print("\nsocmap is ready:\n")
    for service in running:
        print(f"  {service.name:<{width}}  {service.url}   docs: {service.url}/docs")
    map_tiles = next(service for service in running if service.name == "map-tiles")
    print(f"\n  preview map: {map_tiles.url}/map")
    if with_demo:
        anonymizer = next(service for service in running if service.name == "anonymizer")
        print(
            f"\n  latest release: {anonymizer.url}/v1/releases/latest"
            "\n  Demo API keys: .local/demo-keys.json"
        )
    print(f"  Service logs: {LOG_DIR.relative_to(ROOT)}/<service>.log")
    print("\nPress Ctrl-C to stop.\n", flush=True)
    exit_code = 0
    while not stopping:
        for service, process in running.items():
            if process.poll() is not None:
                print(
                    f"socmap: {service.name} exited with code {process.returncode}", file=sys.stderr
                )
                stopping, exit_code = True, 1
        time.sleep(0.5)
    print("\nsocmap: stopping the services…", flush=True)
    stop(running)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
