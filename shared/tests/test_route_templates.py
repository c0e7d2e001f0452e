"""Metrics label requests by their route's path template, a bounded set whatever the ids."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from shared.web import RouteTemplates


def _app() -> FastAPI:
    inner = APIRouter()

    @inner.get("/things/{ref}")
    async def thing(ref: str) -> dict[str, str]:
        return {}

    @inner.post("/things/{ref}:{action}")
    async def act(ref: str, action: str) -> dict[str, str]:
        return {}

    outer = APIRouter(prefix="/v1")
    outer.include_router(inner)
    app = FastAPI()
    app.include_router(outer)
    return app


def test_paths_of_included_routers_are_labelled_by_template() -> None:
    templates = RouteTemplates(_app())
    assert templates({"path": "/v1/things/abc", "method": "GET"}) == "/v1/things/{ref}"
    assert templates({"path": "/v1/things/a:go", "method": "POST"}) == "/v1/things/{ref}:{action}"
    assert templates({"path": "/metrics", "method": "GET"}) == "/metrics"
    assert templates({"path": "/v1/things/abc", "method": "DELETE"}) == "unmatched"
    assert templates({"path": "/elsewhere", "method": "GET"}) == "unmatched"


def test_a_broken_schema_only_costs_the_labels() -> None:
    app = _app()

    def broken() -> dict[str, object]:
        raise RuntimeError("schema")

    app.openapi = broken  # type: ignore[method-assign]
    assert RouteTemplates(app)({"path": "/v1/things/abc", "method": "GET"}) == "unmatched"
