"""What every service app gets from ``shared.web``: security headers, CORS, the throttle of
failed authentications, the body limit, authentication before the body, 503 while the
database is unreachable, and logs without the values at fault."""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from typing import Annotated, Any

import httpx
import pytest
from fastapi import APIRouter, Depends, FastAPI, Request
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from shared.auth import AuthFirstRoute, Principal, require_scopes
from shared.db.session import SessionDep
from shared.errors import PROBLEM_MEDIA_TYPE
from shared.institutions import create_api_key, create_institution
from shared.settings import DatabaseSettings, ServiceSettings
from shared.web import create_service_app

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]

# A value that stands for a location or a case number: it must never reach a log.
SECRET = "Piastowska-46-SECRET"
LIMIT = 4096
FAILURES = 3
DEV_ORIGIN = "http://localhost:5173"
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "cross-origin",
}
DATA_CSP = "default-src 'none'; frame-ancestors 'none'"


class Thing(BaseModel):
    name: str = Field(max_length=LIMIT * 2)


Writer = Annotated[Principal, Depends(require_scopes("records:write"))]


def _router() -> APIRouter:
    router = APIRouter(route_class=AuthFirstRoute, prefix="/v1")

    @router.get("/things")
    async def list_things(session: SessionDep) -> dict[str, int]:
        return {"count": (await session.execute(text("SELECT 1"))).scalar_one()}

    @router.post("/things", status_code=201)
    async def create_thing(thing: Thing, principal: Writer) -> dict[str, str]:
        return {"name": thing.name[:10], "by": principal.institution_name}

    @router.delete("/things/{ref}", status_code=204)
    async def delete_thing(ref: str) -> None:
        return None

    @router.post("/uploads")
    async def upload(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    @router.get("/boom")
    async def boom() -> dict[str, str]:
        raise RuntimeError(SECRET)

    @router.get("/lookup")
    async def lookup(session: SessionDep) -> dict[str, int]:
        # Fails in PostgreSQL, whose message quotes the bound value.
        found = await session.execute(
            text("SELECT CAST(CAST(:street AS text) AS integer)"), {"street": SECRET}
        )
        return {"found": found.scalar_one()}

    return router


def _app(**settings: Any) -> FastAPI:
    defaults: dict[str, Any] = {
        "environment": "test",
        "max_body_bytes": LIMIT,
        "auth_failures_per_minute": FAILURES,
    }
    return create_service_app(
        service="test",
        title="test",
        description="The shared layers around a few routes.",
        settings=ServiceSettings(**(defaults | settings)),
        routers=[_router()],
    )


async def _issue(session: AsyncSession) -> str:
    institution = await create_institution(
        session, kind="OPS", name=f"OPS web {uuid.uuid4().hex[:6]}", territory=["2461011"]
    )
    issued = await create_api_key(
        session, institution=institution, name="w", scopes=["records:write"]
    )
    return issued.token


@pytest.fixture
async def token(db_session: AsyncSession) -> str:
    return await _issue(db_session)


@pytest.fixture
async def client(make_client: ClientFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(_app()) as test_client:
        yield test_client


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _assert_secured(response: httpx.Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (response.request.url, name)
    assert response.headers["content-security-policy"] == DATA_CSP, response.request.url


def _assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    return problem


async def test_security_headers_on_every_response(client: httpx.AsyncClient, token: str) -> None:
    responses = [
        await client.get("/healthz"),
        await client.get("/readyz"),
        await client.get("/openapi.json"),
        await client.get("/v1/things"),
        await client.get("/v1/nothing-here"),
        await client.post("/v1/things", json={"name": "x"}),
        await client.post("/v1/things", json={"name": 1}, headers=_bearer(token)),
        await client.post("/v1/uploads", content=b"x" * (LIMIT + 1)),
        await client.get("/v1/boom"),
        await client.delete("/v1/things"),
        await client.options(
            "/v1/things",
            headers={"Origin": DEV_ORIGIN, "Access-Control-Request-Method": "POST"},
        ),
    ]
    assert [response.status_code for response in responses] == [
        *(200, 200, 200, 200, 404, 401, 422, 413, 500, 405, 200)
    ]
    for response in responses:
        _assert_secured(response)
    # A page keeps its own policy (the docs load their scripts).
    docs = await client.get("/docs")
    assert docs.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in docs.headers


async def test_cors_in_development_allows_any_local_port(
    client: httpx.AsyncClient, token: str
) -> None:
    preflight = await client.options(
        "/v1/things",
        headers={
            "Origin": DEV_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == DEV_ORIGIN
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    refused = await client.options(
        "/v1/things",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"] == "urn:socmap:problem:cors-refused"
    # Answers, errors included, can be read by the page: a 201, a 401, a 404 and a 500.
    origin = {"Origin": "http://127.0.0.1:3000"}
    for response in (
        await client.post("/v1/things", json={"name": "x"}, headers=origin | _bearer(token)),
        await client.post("/v1/things", json={"name": "x"}, headers=origin),
        await client.get("/v1/nothing-here", headers=origin),
        await client.get("/v1/boom", headers=origin),
    ):
        assert response.headers["access-control-allow-origin"] == origin["Origin"], response
        exposed = response.headers["access-control-expose-headers"].lower()
        assert {"x-request-id", "retry-after", "location", "etag"} <= set(exposed.split(", "))


async def test_cors_in_production_takes_the_allow_list_only(make_client: ClientFactory) -> None:
    preflight = {"Access-Control-Request-Method": "GET"}
    allowed = "https://mapa.example.pl"
    app = _app(environment="production", cors_origins=[allowed])
    async with make_client(app) as client:
        listed = await client.options("/v1/things", headers=preflight | {"Origin": allowed})
        assert listed.status_code == 200
        assert listed.headers["access-control-allow-origin"] == allowed
        local = await client.options("/v1/things", headers=preflight | {"Origin": DEV_ORIGIN})
        assert local.status_code == 400
        assert "access-control-allow-origin" not in local.headers
    async with make_client(_app(environment="production")) as client:
        unlisted = await client.get("/v1/things", headers={"Origin": DEV_ORIGIN})
        assert unlisted.status_code == 200
        assert "access-control-allow-origin" not in unlisted.headers


async def test_failed_authentications_are_throttled_per_client_and_key_prefix(
    make_client: ClientFactory, db_session: AsyncSession, token: str
) -> None:
    app = _app()
    body = {"name": "x"}
    wrong = token[:16] + "wrong-secret"
    async with make_client(app, address=("192.0.2.1", 4000)) as guesser:
        for _ in range(FAILURES):
            _assert_problem(
                await guesser.post("/v1/things", json=body, headers=_bearer(wrong)), 401
            )
        throttled = await guesser.post("/v1/things", json=body, headers=_bearer(token))
        assert _assert_problem(throttled, 429)["type"] == "urn:socmap:problem:too-many-requests"
        assert 1 <= int(throttled.headers["retry-after"]) <= 60
    # Another client's key works; the guessed prefix is refused from anywhere, whatever the
    # secret, until the minute has passed (a guesser learns nothing more from elsewhere).
    other = await _issue(db_session)
    async with make_client(app, address=("192.0.2.2", 4000)) as elsewhere:
        assert (
            await elsewhere.post("/v1/things", json=body, headers=_bearer(other))
        ).status_code == 201
        _assert_problem(await elsewhere.post("/v1/things", json=body, headers=_bearer(token)), 429)


async def test_body_limit_by_content_length_and_while_streaming(
    client: httpx.AsyncClient, token: str
) -> None:
    async def chunks(size: int) -> AsyncIterator[bytes]:
        for _ in range(size // 1000):
            yield b"x" * 1000

    declared = _assert_problem(await client.post("/v1/uploads", content=b"x" * (LIMIT + 1)), 413)
    assert declared["limit"] == LIMIT
    _assert_problem(await client.post("/v1/uploads", content=chunks(LIMIT + 2000)), 413)
    assert (await client.post("/v1/uploads", content=chunks(LIMIT - 96))).json() == {
        "bytes": LIMIT - 96
    }

    # A body that FastAPI parses (JSON into a model): still 413, not "error parsing the body".
    async def document() -> AsyncIterator[bytes]:
        yield b'{"name": "'
        async for chunk in chunks(LIMIT + 2000):
            yield chunk
        yield b'"}'

    streamed = await client.post(
        "/v1/things",
        content=document(),
        headers=_bearer(token) | {"Content-Type": "application/json"},
    )
    assert _assert_problem(streamed, 413)["type"] == "urn:socmap:problem:payload-too-large"


async def test_authentication_comes_before_the_body(client: httpx.AsyncClient, token: str) -> None:
    sent: list[int] = []

    async def body() -> AsyncIterator[bytes]:
        for chunk in (b'{"name": ', b'"x"}'):
            sent.append(len(chunk))
            yield chunk

    json_type = {"Content-Type": "application/json"}
    _assert_problem(await client.post("/v1/things", content=body(), headers=json_type), 401)
    assert sent == []
    wrong = _bearer("sm_000000000000_nope") | json_type
    _assert_problem(await client.post("/v1/things", content=body(), headers=wrong), 401)
    assert sent == []
    accepted = await client.post("/v1/things", content=body(), headers=_bearer(token) | json_type)
    assert accepted.status_code == 201
    assert sent == [9, 4]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens once the probe is closed


async def test_database_outage_answers_503_with_retry_after(database_settings: object) -> None:
    down = DatabaseSettings(port=_closed_port(), pool_size=1, max_overflow=0)
    app = _app(database=down)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        assert (await client.get("/healthz")).status_code == 200
        ready = _assert_problem(await client.get("/readyz"), 503)
        assert ready["type"] == "urn:socmap:problem:not-ready"
        for response in (
            await client.get("/v1/things"),
            # The key cannot be checked either: 503, not 401.
            await client.post(
                "/v1/things", json={"name": "x"}, headers=_bearer("sm_000000000000_x")
            ),
        ):
            problem = _assert_problem(response, 503)
            assert problem["type"] == "urn:socmap:problem:service-unavailable"
            assert int(response.headers["retry-after"]) > 0
            _assert_secured(response)


async def test_terminated_connections_are_replaced(
    engine: AsyncEngine, database_settings: DatabaseSettings
) -> None:
    """A restarted server ends every connection: the pool notices and connects again."""
    single = database_settings.model_copy(update={"pool_size": 1, "max_overflow": 0})
    app = _app(database=single)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        assert (await client.get("/v1/things")).status_code == 200
        async with app.state.engine.connect() as pooled:
            pid = await pooled.scalar(text("SELECT pg_backend_pid()"))
        async with engine.connect() as admin:
            assert await admin.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        assert (await client.get("/v1/things")).status_code == 200
        assert (await client.get("/readyz")).status_code == 200


async def test_logs_carry_no_values_of_failing_statements_or_errors(
    capsys: pytest.CaptureFixture[str], make_client: ClientFactory
) -> None:
    async with make_client(_app()) as client:  # logging to the captured stderr
        failed = _assert_problem(await client.get("/v1/lookup"), 500)
        crashed = _assert_problem(await client.get("/v1/boom"), 500)
        assert (await client.delete(f"/v1/things/{SECRET}")).status_code == 204
    logged = capsys.readouterr().err
    entries = [json.loads(line) for line in logged.splitlines() if line.startswith("{")]
    errors = [entry for entry in entries if entry["level"] == "error"]
    assert [entry["request_id"] for entry in errors] == [
        failed["request_id"],
        crashed["request_id"],
    ]
    requests = [entry for entry in entries if entry["message"] == "request"]
    assert [entry["route"] for entry in requests] == [
        *("/v1/lookup", "/v1/boom", "/v1/things/{ref}")
    ]
    # The exception classes and the SQLSTATE say what failed; the values stay out.
    assert "InvalidTextRepresentationError [22P02]" in errors[0]["exception"]
    assert "RuntimeError" in errors[1]["exception"]
    for text_at_fault in (SECRET, "parameters", "invalid input"):
        assert text_at_fault not in logged
        assert text_at_fault not in failed["detail"] + crashed["detail"]
