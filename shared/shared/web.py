"""What every service's app has: lifespan with the engine, request ids, access logs,
Prometheus metrics, problem+json errors, CORS and the health endpoints."""

from __future__ import annotations

import hashlib
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.routing import Mount, Route, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared import openapi
from shared.auth import AuthThrottle
from shared.db.engine import make_service_engine, make_sessionmaker
from shared.errors import (
    PROBLEM_MEDIA_TYPE,
    PROBLEM_TYPE_BASE,
    PayloadTooLarge,
    add_problem_handlers,
    problem_response,
    render_problem,
    unexpected_response,
)
from shared.jsonutil import FastJSONResponse, dumps
from shared.logs import configure_logging, request_id_var
from shared.migrations_info import head_revision
from shared.settings import ServiceSettings

logger = logging.getLogger("socmap.http")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
LOCAL_ORIGINS = r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?$"
Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]
# The scope key where a fast path (answering before routing) puts its route's template, for
# the metrics' route label.
ROUTE_TEMPLATE = "socmap.route"


class Metrics:
    """Per-app Prometheus registry (several apps may live in one test process)."""

    def __init__(self, service: str) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "socmap_http_requests",
            "HTTP requests served",
            ["service", "method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "socmap_http_request_duration_seconds",
            "HTTP request latency",
            ["service", "method", "route"],
            buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            registry=self.registry,
        )
        self.service = service


def match_get(scope: Scope, path: re.Pattern[str]) -> re.Match[str] | None:
    """A fast path's test: an HTTP GET whose path matches ``path`` (its groups), else None."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    return path.match(scope["path"])


# A fast path's handler: the response to a GET, or None to leave the request to the routes.
FastPathHandler = Callable[[Request], Awaitable[Response | None]]


class FastPathMiddleware:
    """GET requests answered before routing by the handlers ``add_fast_path`` registered, each
    for one route template; a handler that returns None (parameters it does not accept, say)
    leaves the request to the app's routes."""

    def __init__(
        self, app: ASGIApp, *, paths: list[tuple[re.Pattern[str], str, FastPathHandler]]
    ) -> None:
        self.app = app
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            for pattern, template, handler in self.paths:
                match = pattern.match(scope["path"])
                if match is None:
                    continue
                scope["path_params"] = match.groupdict()
                response = await handler(Request(scope, receive))
                if response is not None:
                    scope[ROUTE_TEMPLATE] = template
                    await response(scope, receive, send)
                    return
                break
        await self.app(scope, receive, send)


def add_fast_path(app: FastAPI, path: str, handler: FastPathHandler) -> None:
    """Answer ``GET path`` with ``handler`` before routing, where FastAPI's route matching and
    dependency resolution would cost as much as the answer (~0.5 ms a request at
    concurrency 8, a third of a catalog search).

    ``path`` is the template of a documented route of the app (``"/v1/practices"``,
    ``"/v1/x/{id}"``; path parameters reach the handler as ``request.path_params``, as text);
    that route answers whatever the handler leaves (it returns None), so it owns the OpenAPI
    and every problem+json. The handler runs inside the shared middleware (request id, metrics
    labelled with ``path``, access log, CORS, security headers), innermost, and finds the
    app's state at ``request.app.state``. Register before the app serves its first request."""
    paths: list[tuple[re.Pattern[str], str, FastPathHandler]] | None = getattr(
        app.state, "fast_paths", None
    )
    if paths is None:
        paths = []
        app.state.fast_paths = paths
        # Appended, not added: innermost, inside request ids, metrics, CORS and body limits.
        app.user_middleware.append(Middleware(FastPathMiddleware, paths=paths))
    pattern, _, _ = compile_path(path)
    paths.append((pattern, path, handler))


class RouteTemplates:
    """The path template of a request (``/v1/practices/{ref}``), the metrics' route label:
    the set of labels stays bounded whatever the ids in the paths.

    Built on first use from the app's routes as its OpenAPI document lists them (FastAPI's
    included routers keep their routes to themselves), plus the app's own undocumented
    routes and ``/metrics``; each template is tried in order, with its methods."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self._routes: list[tuple[re.Pattern[str], str, frozenset[str]]] | None = None

    def _load(self) -> list[tuple[re.Pattern[str], str, frozenset[str]]]:
        routes: list[tuple[re.Pattern[str], str, frozenset[str]]] = []
        for path, operations in self.app.openapi().get("paths", {}).items():
            methods = frozenset(method.upper() for method in operations)
            routes.append((compile_path(path)[0], path, methods))
        undocumented: list[tuple[str, frozenset[str]]] = [
            (str(route.path), frozenset(getattr(route, "methods", None) or {"GET", "HEAD"}))
            for route in self.app.router.routes
            if isinstance(route, Route | Mount)
        ]
        # health_router's, left out of the schema
        undocumented.append(("/metrics", frozenset({"GET"})))
        for path, allowed in undocumented:
            if not any(template == path for _, template, _ in routes):
                routes.append((compile_path(path)[0], path, allowed))
        return routes

    def __call__(self, scope: Scope) -> str:
        if self._routes is None:
            try:
                self._routes = self._load()
            except Exception as exc:  # labels are no reason to fail requests
                logger.warning("route templates unavailable", extra={"error": repr(exc)})
                self._routes = []
        path, method = scope["path"], scope["method"]
        for pattern, template, methods in self._routes:
            if method in methods and pattern.match(path):
                return template
        return "unmatched"


class RequestContextMiddleware:
    """Assign a request id (or keep a well-formed incoming ``X-Request-ID``), echo it back,
    log one line per request and record metrics, both by route template (a bounded label set,
    and no ids of the paths in the logs)."""

    def __init__(self, app: ASGIApp, *, metrics: Metrics, root: FastAPI) -> None:
        self.app = app
        self.metrics = metrics
        self.templates = RouteTemplates(root)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        scope.setdefault("state", {})["request_id"] = request_id
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [
                    *message["headers"],
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        started_response = False

        async def send_tracked(message: Message) -> None:
            nonlocal started_response
            started_response = started_response or message["type"] == "http.response.start"
            await send_with_id(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception as exc:
            # What escaped the routing (a fast path's database error, say): answered here as
            # problem+json (503 for an outage), never re-raised to the server, whose log line
            # would carry the exception's message.
            if started_response:
                raise
            await unexpected_response(Request(scope), exc)(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            # A handler that answers before routing names its route.
            route = scope.get(ROUTE_TEMPLATE) or self.templates(scope)
            method = scope["method"]
            self.metrics.requests.labels(self.metrics.service, method, route, str(status)).inc()
            self.metrics.latency.labels(self.metrics.service, method, route).observe(elapsed)
            if route not in ("/healthz", "/readyz", "/metrics"):
                # The template, not the path: paths carry ids (an erased case number).
                logger.info(
                    "request",
                    extra={
                        "method": method,
                        "route": route,
                        "status": status,
                        "duration_ms": round(elapsed * 1000, 2),
                    },
                )
            request_id_var.reset(token)


# Headers a gateway would set, set here too for direct use. The map preview's page and scripts
# bring their own Content-Security-Policy; everything else is data and may run nothing.
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"strict-transport-security", b"max-age=31536000; includeSubDomains"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
DATA_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")
# A page and its scripts (a worker's own response sets its policy) keep theirs.
PAGE_TYPES = (b"text/html", b"text/javascript", b"application/javascript")
# Tiles, features and styles are fetched by map clients of other origins.
CORP = (b"cross-origin-resource-policy", b"cross-origin")


class ProblemCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered as problem+json like every other
    error (Starlette answers it in plain text)."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        body = dumps(
            {
                "type": PROBLEM_TYPE_BASE + "cors-refused",
                "title": "Cross-origin request refused",
                "status": 400,
                "detail": "This origin, method or header is not allowed across origins.",
            }
        )
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in ("content-type", "content-length")
        }
        return Response(body, status_code=400, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


class SecurityHeadersMiddleware:
    """Add ``SECURITY_HEADERS`` to every response (a header already set is kept)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                kind = dict(headers).get(b"content-type", b"")
                page = kind.startswith(PAGE_TYPES)
                for name, value in (*SECURITY_HEADERS, *(() if page else (DATA_CSP,)), CORP):
                    if name not in present:
                        headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_secured)


def declared_over(content_length: str | bytes | None, max_bytes: int) -> bool:
    """Whether a ``Content-Length`` header already says the body is over ``max_bytes``."""
    return (
        content_length is not None and content_length.isdigit() and int(content_length) > max_bytes
    )


async def read_body(
    request: Request, *, max_bytes: int, refusal: PayloadTooLarge
) -> tuple[bytes, bytes]:
    """The request body and its SHA-256, raising ``refusal`` (a 413) past ``max_bytes``: at
    once when ``Content-Length`` says so, else as soon as the stream passes it, so nothing over
    the limit is ever held in memory. For endpoints with a tighter limit than the service's
    (``BodyLimitMiddleware``) and a refusal of their own (a batch: "split the batch")."""
    if declared_over(request.headers.get("content-length"), max_bytes):
        raise refusal
    digest = hashlib.sha256()
    parts: list[bytes] = []
    size = 0
    async for part in request.stream():
        size += len(part)
        if size > max_bytes:
            raise refusal
        digest.update(part)
        parts.append(part)
    return b"".join(parts), digest.digest()


class BodyLimitMiddleware:
    """Refuse a request body over ``max_bytes``: at once when ``Content-Length`` says so,
    else as soon as the stream passes it (413 problem+json either way), so no endpoint ever
    holds more than the limit in memory."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _refusal(self) -> PayloadTooLarge:
        return PayloadTooLarge(
            f"The request body is larger than {self.max_bytes} bytes.",
            detail_pl=f"Treść żądania przekracza {self.max_bytes} bajtów.",
            limit=self.max_bytes,
        )

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        await render_problem(Request(scope), self._refusal())(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if declared_over(dict(scope["headers"]).get(b"content-length"), self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        received = 0
        refused = replaced = False

        async def receive_limited() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    refused = True
                    raise self._refusal()
            return message

        async def send_refusal(message: Message) -> None:
            # FastAPI answers any error met while it reads a body with a 400: once past the
            # limit, the response the app starts is replaced by the 413.
            nonlocal replaced
            if refused and message["type"] == "http.response.start":
                replaced = True
                await self._refuse(scope, receive, send)
            elif not replaced:
                await send(message)

        await self.app(scope, receive_limited, send_refusal)


async def check_ready(engine: AsyncEngine) -> str | None:
    """None when the database answers and is migrated to head, else the reason."""
    try:
        async with engine.connect() as connection:
            current = (
                await connection.execute(text("SELECT version_num FROM public.alembic_version"))
            ).scalar_one_or_none()
    except Exception as exc:  # any driver or network error means "not ready"
        return f"database unreachable: {type(exc).__name__}"
    expected = head_revision()
    if current != expected:
        return f"database at migration {current}, expected {expected}"
    return None


class Health(BaseModel):
    status: Literal["ok", "ready"] = Field(description="`ok`: alive; `ready`: serving")


def health_router(metrics: Metrics) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz", summary="Liveness")
    async def healthz() -> Health:
        return Health(status="ok")

    @router.get(
        "/readyz", response_model=Health, summary="Readiness: database reachable and migrated"
    )
    async def readyz(request: Request) -> Response:
        reason = await check_ready(request.app.state.engine)
        if reason is not None:
            return problem_response(
                request, status=503, slug="not-ready", title="Not ready", detail=reason
            )
        return FastJSONResponse({"status": "ready"})

    @router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
    async def prometheus() -> Response:
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return router


def create_service_app(
    *,
    service: str,
    title: str,
    description: str,
    settings: ServiceSettings,
    routers: Sequence[APIRouter],
    lifespan: Lifespan | None = None,
    version: str = "0.1.0",
    openapi_components: Callable[[], dict[str, Any]] | None = None,
    **fastapi_kwargs: Any,
) -> FastAPI:
    """Build a service app: the engine of the service's role lives on ``app.state``,
    ``lifespan`` (optional) runs inside it for the service's own resources."""
    configure_logging(service, level=settings.log_level, json=settings.log_json)

    @asynccontextmanager
    async def app_lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_service_engine(settings)
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        try:
            if lifespan is None:
                yield
            else:
                async with lifespan(app):
                    yield
        finally:
            await engine.dispose()

    fastapi_kwargs.setdefault("generate_unique_id_function", openapi.operation_id)
    app = FastAPI(
        title=title,
        description=description,
        version=version,
        lifespan=app_lifespan,
        default_response_class=FastJSONResponse,
        **fastapi_kwargs,
    )
    app.state.settings = settings
    app.state.auth_throttle = AuthThrottle(settings.auth_failures_per_minute)
    openapi.install(app, extra_components=openapi_components)
    metrics = Metrics(service)
    add_problem_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContextMiddleware, metrics=metrics, root=app)
    cors: dict[str, Any] = {}
    if settings.cors_origins:
        cors = {
            "allow_origins": settings.cors_origins,
            "allow_credentials": "*" not in settings.cors_origins,
        }
    elif settings.is_development:
        # A front-end dev server on any local port (Vite's 5173, ...).
        cors = {"allow_origin_regex": LOCAL_ORIGINS, "allow_credentials": True}
    if cors:
        # Outside the request context, whose answers to errors escaping the routing need the
        # CORS headers too (a page cannot read a response without them).
        app.add_middleware(
            ProblemCORSMiddleware,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["ETag", "X-Request-ID", "Location", "Retry-After", "Link"],
            max_age=600,
            **cors,
        )
    app.add_middleware(SecurityHeadersMiddleware)
    app.include_router(health_router(metrics))
    for router in routers:
        app.include_router(router)
    return app
