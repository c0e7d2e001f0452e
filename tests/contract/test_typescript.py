"""A front-end team's view of each service: TypeScript types generated from its OpenAPI
document (openapi-typescript) and a small client using them that compiles with
``tsc --strict`` (both pinned in package.json, installed by ``make setup``)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.contract.conftest import CALLERS, service_app

HERE = Path(__file__).parent
CLIENTS = HERE / "clients"
NODE_MODULES = HERE / "node_modules"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")


def _node(script: str, *arguments: str, cwd: Path) -> None:
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(NODE_MODULES / script), *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("service", sorted(CALLERS))
def test_a_typed_client_compiles(service: str, tmp_path: Path) -> None:
    assert NODE_MODULES.is_dir(), "run make setup (npm ci in tests/contract)"
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(service_app(service).openapi()), encoding="utf-8")
    _node("openapi-typescript/bin/cli.js", document.name, "--output", "schema.ts", cwd=tmp_path)
    shutil.copy(CLIENTS / "http.ts", tmp_path)
    shutil.copy(CLIENTS / f"{service}.ts", tmp_path / "client.ts")
    _node(
        "typescript/bin/tsc",
        *("--strict", "--noEmit", "--noUnusedLocals"),
        *("--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler"),
        *("--lib", "es2022,dom,dom.iterable"),
        "client.ts",
        cwd=tmp_path,
    )
