"""schemathesis against each service in this process, as its own caller would use it: no
server error, and every status, content type and body as the service's document describes
them; every response carries the security headers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import schemathesis
from schemathesis import Case, CheckContext, Response

from shared.web import CORP, SECURITY_HEADERS
from tests.contract.conftest import service_app

CONFIG = schemathesis.Config.from_path(Path(__file__).with_name("schemathesis.toml"))
# Bodies documented as text in other media types (ingest's NDJSON batches) go as text.
schemathesis.serializer.alias("application/x-ndjson", "text/plain")
REQUIRED_HEADERS = [name.decode() for name, _ in (*SECURITY_HEADERS, CORP)]


def security_headers(ctx: CheckContext, response: Response, case: Case) -> None:
    missing = [name for name in REQUIRED_HEADERS if name not in response.headers]
    assert not missing, f"security headers missing: {', '.join(missing)}"


def _contract(service: str) -> Callable[..., None]:
    app = service_app(service)
    schema = schemathesis.openapi.from_dict(app.openapi(), config=CONFIG)

    @schema.parametrize()
    def test(case: Case, keys: dict[str, str]) -> None:
        case.call_and_validate(
            app=app,
            headers={"Authorization": f"Bearer {keys[service]}"},
            additional_checks=[security_headers],
        )

    return test


test_ingest = _contract("ingest")
test_anonymizer = _contract("anonymizer")
test_catalog = _contract("catalog")
test_map_tiles = _contract("map-tiles")
