"""problem+json (RFC 9457) for every error: validation with field paths, no stack traces."""

from __future__ import annotations

import asyncpg
import httpx
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError

from shared.errors import NotFound, add_problem_handlers, field_path


class Record(BaseModel):
    external_id: str = Field(min_length=1)
    categories: list[str] = Field(min_length=1)


class Batch(BaseModel):
    records: list[Record]


def _app() -> FastAPI:
    app = FastAPI()
    add_problem_handlers(app)

    @app.post("/batch")
    async def batch(body: Batch) -> dict[str, int]:
        return {"count": len(body.records)}

    @app.get("/practice/{slug}")
    async def practice(slug: str) -> dict[str, str]:
        raise NotFound(f"No practice {slug!r}.", detail_pl=f"Nie ma praktyki {slug!r}.")

    @app.get("/boom")
    async def boom() -> dict[str, str]:
        raise RuntimeError("secret internals")

    return app


async def _client() -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test")


def test_field_path() -> None:
    assert field_path(("body", "records", 3, "categories", 0)) == "records[3].categories[0]"
    assert field_path(("query", "limit")) == "limit"


async def test_validation_errors_list_field_paths() -> None:
    async with await _client() as client:
        response = await client.post(
            "/batch",
            json={
                "records": [{"external_id": "a", "categories": ["poverty"]}, {"external_id": ""}]
            },
        )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "urn:socmap:problem:validation-error"
    fields = {error["field"] for error in problem["errors"]}
    assert fields == {"records[1].external_id", "records[1].categories"}


async def test_problem_in_polish_when_asked() -> None:
    async with await _client() as client:
        english = await client.get("/practice/x")
        polish = await client.get(
            "/practice/x", headers={"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"}
        )
    assert english.status_code == polish.status_code == 404
    assert english.json()["detail"] == "No practice 'x'."
    assert polish.json()["detail"] == "Nie ma praktyki 'x'."
    assert polish.json()["title"] == "Nie znaleziono"


async def test_unexpected_error_is_a_problem_without_internals() -> None:
    async with await _client() as client:
        response = await client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text


async def test_malformed_json_is_422_not_500() -> None:
    async with await _client() as client:
        response = await client.post(
            "/batch", content=b"{not json", headers={"Content-Type": "application/json"}
        )
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "json_invalid"


async def test_a_raced_unique_key_is_a_conflict_not_a_server_error() -> None:
    app = FastAPI()
    add_problem_handlers(app)

    @app.post("/race")
    async def race() -> None:
        raise IntegrityError("INSERT ...", {}, asyncpg.UniqueViolationError("duplicate key"))

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/race")
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "1"


async def test_a_405_names_every_method_of_the_path() -> None:
    # Starlette's Allow names the first matching route's methods only (RFC 9110 wants all).
    app = FastAPI()
    add_problem_handlers(app)
    router = APIRouter()

    @router.get("/things")
    async def things() -> None: ...

    @router.post("/things")
    async def add_thing() -> None: ...

    @router.patch("/things/{ref}")
    async def change_thing(ref: str) -> None: ...

    app.include_router(router)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        refused = await client.delete("/things")
        one = await client.put("/things/a")
    assert refused.status_code == 405
    assert refused.headers["allow"] == "GET, POST"
    assert refused.headers["content-type"] == "application/problem+json"
    assert one.headers["allow"] == "PATCH"
