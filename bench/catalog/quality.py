"""Search quality of the catalogue: the judged queries of
``services/catalog/tests/search_judgements.json`` on the seed catalogue, scored by
precision@1 and recall@5 as ``services/catalog/tests/test_search_quality.py`` scores them
(its functions), through the public API.

    uv run --frozen python bench/catalog/quality.py            # its own seeded database
    uv run --frozen python bench/catalog/quality.py --api http://127.0.0.1:8003

By default it creates (and drops, unless --keep) the database ``socmap_bench_quality`` on the
local cluster (``SOCMAP_DB_*``), migrated to head and seeded as ``socmap-catalog seed`` does,
and asks the catalog app in this process (its public list, ``GET /v1/{practices,providers}?q=``).
With ``--api`` it asks a running service instead (whose database holds the seed). Each report lists the queries not
answered perfectly with their first five results.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.app import create_app
from catalog.seed import seed_catalog
from catalog.settings import CatalogSettings
from shared.db.admin import drop_database, migrate_database, recreate_database
from shared.db.engine import make_engine
from shared.reference import data_dir
from shared.settings import DatabaseSettings

ROOT = Path(__file__).resolve().parents[2]
SCORING = ROOT / "services" / "catalog" / "tests" / "test_search_quality.py"
DATABASE = "socmap_bench_quality"


def scoring() -> ModuleType:
    """The judged queries and their scoring, as the test defines them."""
    spec = importlib.util.spec_from_file_location("search_quality", SCORING)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


Search = Callable[[str, str], Any]


async def score(name: str, search: Search) -> None:
    quality = scoring()
    results = []
    for judgement in quality.judgements():
        results.append((judgement, await search(judgement.collection, judgement.q)))
    print(f"== {name}")
    print(quality.quality(results).report())


def api_search(client: httpx.AsyncClient) -> Search:
    async def search(collection: str, q: str) -> list[str]:
        response = await client.get(f"/v1/{collection}", params={"q": q, "limit": 5})
        response.raise_for_status()
        return [item["slug"] for item in response.json()[collection]]

    return search


async def in_process(settings: DatabaseSettings) -> None:
    engine = make_engine(settings.url())
    try:
        async with AsyncSession(engine, expire_on_commit=False) as session:
            await seed_catalog(session, data_dir=data_dir())
    finally:
        await engine.dispose()
    app = create_app(CatalogSettings(database=settings, log_level="WARNING"))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://quality") as client:
            await score("public API (GET /v1/...?q=)", api_search(client))


async def remote(base_url: str) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        await score(f"public API at {base_url}", api_search(client))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", help="base URL of a running catalog service")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args(argv)
    if args.api:
        asyncio.run(remote(args.api))
        return
    base = DatabaseSettings()
    recreate_database(base, DATABASE)
    try:
        settings = DatabaseSettings(name=DATABASE)
        migrate_database(settings)
        asyncio.run(in_process(settings))
    finally:
        if not args.keep:
            drop_database(base, DATABASE)


if __name__ == "__main__":
    main()
