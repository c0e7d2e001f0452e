"""schemathesis against each service in this process: no server error, and every status,
content type and body as the service's document describes them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import schemathesis
from schemathesis import Case

from tests.contract.conftest import CALLERS, service_app

CONFIG = schemathesis.Config.from_path(Path(__file__).with_name("schemathesis.toml"))


def _contract(service: str) -> Callable[..., None]:
    app = service_app(service)
    schema = schemathesis.openapi.from_dict(app.openapi(), config=CONFIG)

    @schema.parametrize()
    def test(case: Case, keys: dict[str, str]) -> None:
        case.call_and_validate(app=app, headers={"Authorization": f"Bearer {keys[service]}"})

    return test


test_ingest = _contract("ingest")
test_anonymizer = _contract("anonymizer")
test_catalog = _contract("catalog")
test_map_tiles = _contract("map-tiles")
assert set(CALLERS) == {"ingest", "anonymizer", "catalog", "map-tiles"}
