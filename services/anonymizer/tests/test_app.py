from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import httpx

from anonymizer.app import create_app
from anonymizer.settings import AnonymizerSettings
from shared.openapi import contract_faults
from shared.testing.plugin import check_service_basics

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


async def test_health_ready_metrics_docs_and_errors(make_client: ClientFactory) -> None:
    async with make_client(create_app(), role="socmap_anonymizer") as client:
        await check_service_basics(client, title="socmap anonymizer")


async def test_lifespan_starts_and_stops_the_worker(database_settings: object) -> None:
    """The worker task lives in the lifespan (on the test database, where nothing is
    pending); it starts, can be woken, and is cancelled cleanly."""
    app = create_app(AnonymizerSettings(worker_enabled=True, worker_poll_seconds=60))
    async with app.router.lifespan_context(app):
        assert app.state.wake_worker is not None
        app.state.wake_worker.set()


def test_the_document_is_a_contract() -> None:
    """Stable operationIds, problem+json for every error, typed bodies, CSV where served."""
    document = create_app().openapi()
    assert contract_faults(document) == []
    operations = {
        (method.upper(), path): operation
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    }
    assert {key: operation["operationId"] for key, operation in operations.items()} == {
        ("GET", "/healthz"): "healthz",
        ("GET", "/readyz"): "readyz",
        ("POST", "/v1/runs"): "createRun",
        ("GET", "/v1/runs/{run_id}"): "getRun",
        ("GET", "/v1/releases"): "listReleases",
        ("GET", "/v1/releases/latest"): "getLatestRelease",
        ("GET", "/v1/releases/{release_id}"): "getRelease",
        ("GET", "/v1/releases/{release_id}/cells"): "getReleaseCells",
        ("GET", "/v1/releases/{release_id}/diff"): "getReleaseDiff",
        ("GET", "/v1/peer-groups"): "listPeerGroups",
        ("GET", "/v1/benchmarks"): "getBenchmark",
    }
    for (method, path), operation in operations.items():
        if path.startswith("/v1/"):
            success = operation["responses"]["202" if method == "POST" else "200"]
            schema = success["content"]["application/json"]["schema"]
            assert "$ref" in schema or "$ref" in schema.get("items", {}), (method, path)
        for parameter in operation.get("parameters", []):
            if "integer" in str(parameter["schema"]):
                assert "maximum" in str(parameter["schema"]), (path, parameter["name"])
    for path in ("/v1/releases/{release_id}/cells", "/v1/releases/{release_id}/diff"):
        assert "text/csv" in operations[("GET", path)]["responses"]["200"]["content"]
    benchmark = operations[("GET", "/v1/benchmarks")]["responses"]
    assert "text/csv" in benchmark["200"]["content"]
    assert "application/problem+json" in benchmark["404"]["content"]
    assert "404" in operations[("GET", "/v1/releases/latest")]["responses"]
    assert set(operations[("POST", "/v1/runs")]["responses"]) >= {
        *("202", "400", "401", "403", "413", "415", "422", "429", "503")
    }
