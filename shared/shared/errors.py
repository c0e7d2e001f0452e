"""RFC 9457 problem details: one error hierarchy, mapped to responses in one place."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from shared.jsonutil import dumps

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "urn:socmap:problem:"

logger = logging.getLogger("socmap.errors")
# Seconds a client should wait before retrying while the database is unreachable.
RETRY_AFTER_OUTAGE = 5


class FieldError(BaseModel):
    """One field at fault: where it is, a stable code and a message."""

    field: str = Field(description="Path of the field, e.g. `records[3].subject_id`")
    location: str | None = Field(
        default=None,
        description="Where the field is: `body`, `query`, `path` or `header`",
    )
    code: str = Field(description="Stable machine-readable code")
    message: str
    message_pl: str | None = Field(default=None, description="The message in Polish, if given")
    row: int | None = Field(default=None, description="The record's index in a batch, if any")
    column: int | None = Field(
        default=None, description="1-based column of an uploaded CSV file, for its header"
    )


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, as every error of every socmap service is served."""

    model_config = ConfigDict(extra="allow", title="Problem")

    type: str = Field(
        description="`urn:socmap:problem:<slug>`", examples=["urn:socmap:problem:not-found"]
    )
    title: str
    status: int = Field(ge=400, le=599)
    detail: str | None = None
    instance: str | None = Field(default=None, description="The request path")
    errors: list[FieldError] | None = None
    request_id: str | None = Field(default=None, description="Quote it when reporting a problem")


class Problem(Exception):
    """An error with a stable ``slug`` (the problem type), a status and human-readable text.

    ``detail_pl`` is returned instead of ``detail`` when the client prefers Polish
    (``Accept-Language: pl``).
    """

    status: int = 400
    slug: str = "bad-request"
    title: str = "Bad request"
    title_pl: str = "Nieprawidłowe żądanie"

    def __init__(
        self,
        detail: str,
        *,
        detail_pl: str | None = None,
        errors: Sequence[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.detail_pl = detail_pl
        self.errors = list(errors) if errors is not None else None
        self.headers = headers or {}
        self.extensions = extensions


class BadRequest(Problem):
    pass


class ValidationFailed(Problem):
    status = 422
    slug = "validation-error"
    title = "Validation failed"
    title_pl = "Błąd walidacji"


class Unauthorized(Problem):
    status = 401
    slug = "unauthorized"
    title = "Missing or invalid API key"
    title_pl = "Brak lub nieprawidłowy klucz API"

    def __init__(self, detail: str, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"WWW-Authenticate": 'Bearer realm="socmap"'})
        super().__init__(detail, **kwargs)


class Forbidden(Problem):
    status = 403
    slug = "forbidden"
    title = "Forbidden"
    title_pl = "Brak uprawnień"


class NotFound(Problem):
    status = 404
    slug = "not-found"
    title = "Not found"
    title_pl = "Nie znaleziono"


class Conflict(Problem):
    status = 409
    slug = "conflict"
    title = "Conflict"
    title_pl = "Konflikt"


class PayloadTooLarge(Problem):
    status = 413
    slug = "payload-too-large"
    title = "Payload too large"
    title_pl = "Zbyt duże żądanie"


class UnsupportedMediaType(Problem):
    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"
    title_pl = "Nieobsługiwany typ danych"


class TooManyRequests(Problem):
    status = 429
    slug = "too-many-requests"
    title = "Too many requests"
    title_pl = "Zbyt wiele żądań"


class ServiceUnavailable(Problem):
    status = 503
    slug = "service-unavailable"
    title = "Service unavailable"
    title_pl = "Usługa niedostępna"


_STATUS_SLUGS = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Unauthorized"),
    403: ("forbidden", "Forbidden"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    409: ("conflict", "Conflict"),
    413: ("payload-too-large", "Payload too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    422: ("validation-error", "Validation failed"),
    429: ("too-many-requests", "Too many requests"),
}


def prefers_polish(request: Request) -> bool:
    """True when ``Accept-Language`` ranks Polish above English."""
    header = request.headers.get("accept-language", "")
    ranked: list[tuple[float, str]] = []
    for part in header.split(","):
        lang, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((quality, lang.strip().lower()[:2]))
    ranked.sort(key=lambda item: -item[0])
    for _, lang in ranked:
        if lang in ("pl", "en"):
            return lang == "pl"
    return False


def problem_response(
    request: Request,
    *,
    status: int,
    slug: str,
    title: str,
    detail: str | None = None,
    errors: Sequence[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> Response:
    """Render a problem+json response."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + slug,
        "title": title,
        "status": status,
    }
    if detail is not None:
        body["detail"] = detail
    body["instance"] = request.url.path
    if errors is not None:
        body["errors"] = list(errors)
    if extensions:
        body.update(extensions)
    request_id = getattr(request.state, "request_id", None)
    if request_id:
        body["request_id"] = request_id
    return Response(dumps(body), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def field_path(loc: Sequence[int | str]) -> str:
    """``("body", "records", 3, "subject_id")`` → ``"records[3].subject_id"``."""
    path = ""
    for part in loc:
        if part in ("body", "query", "path", "header") and not path:
            continue
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def render_problem(request: Request, problem: Problem) -> Response:
    """A ``Problem`` as problem+json, in Polish when the client prefers it."""
    polish = prefers_polish(request)
    return problem_response(
        request,
        status=problem.status,
        slug=problem.slug,
        title=problem.title_pl if polish else problem.title,
        detail=problem.detail_pl if polish and problem.detail_pl else problem.detail,
        errors=problem.errors,
        headers=problem.headers,
        extensions=problem.extensions,
    )


async def _handle_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return render_problem(request, exc)


async def _handle_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    polish = prefers_polish(request)
    errors = [
        {
            "field": field_path(error.get("loc", ())),
            "location": (error.get("loc") or ("body",))[0],
            "code": error.get("type", "invalid"),
            "message": error.get("msg", "invalid value"),
        }
        for error in exc.errors()
    ]
    return problem_response(
        request,
        status=422,
        slug=ValidationFailed.slug,
        title=ValidationFailed.title_pl if polish else ValidationFailed.title,
        detail=(
            "Żądanie zawiera nieprawidłowe pola."
            if polish
            else "The request has invalid fields; see errors."
        ),
        errors=errors,
    )


# The methods a 405's ``Allow`` may name.
_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> list[str]:
    """Every method the app's routes accept at the request's path, for a 405's ``Allow``
    (RFC 9110 §15.5.6): Starlette names only those of the first route whose path matches, so
    a 405 of ``/v1/practices`` left out its ``POST``. Each method is asked of the routes as
    the router would (``BaseRoute.matches``)."""
    return [
        method
        for method in _METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.router.routes
        )
    ]


async def _handle_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    slug, title = _STATUS_SLUGS.get(exc.status_code, ("http-error", "HTTP error"))
    detail = exc.detail if isinstance(exc.detail, str) else None
    headers = dict(exc.headers) if exc.headers else {}
    if exc.status_code == 405 and (methods := allowed_methods(request)):
        headers["Allow"] = ", ".join(methods)
    return problem_response(
        request,
        status=exc.status_code,
        slug=slug,
        title=title,
        detail=detail,
        headers=headers or None,
    )


# Driver errors of a database that cannot be reached (down, restarting, refusing connections).
_UNREACHABLE = (
    asyncpg.CannotConnectNowError,
    asyncpg.ConnectionDoesNotExistError,
    asyncpg.ConnectionFailureError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
    OSError,  # ConnectionError and TimeoutError among them
    PoolTimeout,
)
# Two writers raced for the same key (the handler's own checks saw neither).
_RACED = (
    asyncpg.UniqueViolationError,
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
)


def _caused_by(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> bool:
    """Whether ``exc`` or an error behind it (its cause, a driver's original) is of ``kinds``."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, kinds):
            return True
        cause = cause.__cause__ or getattr(cause, "orig", None)
    return False


def database_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` means the database cannot be reached (down, restarting, refusing
    connections, pool exhausted) rather than a fault of the request or the code."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return _caused_by(exc, _UNREACHABLE)


def concurrent_conflict(exc: BaseException) -> bool:
    """Whether ``exc`` is a uniqueness or serialization conflict that escaped its handler."""
    return _caused_by(exc, _RACED)


def unexpected_response(request: Request, exc: BaseException) -> Response:
    """503 with ``Retry-After`` while the database is unreachable, 409 for a write that raced
    another, else 500; logged with the request id but without the exception's message (see
    ``shared.logs.safe_traceback``)."""
    if concurrent_conflict(exc):
        logger.warning("concurrent write conflict", exc_info=exc)
        return render_problem(
            request,
            Conflict(
                "Another request wrote the same object at the same time; retry.",
                detail_pl="Równoległy zapis tego samego obiektu; ponów żądanie.",
                headers={"Retry-After": "1"},
            ),
        )
    if database_unavailable(exc):
        logger.warning("database unavailable", exc_info=exc)
        return render_problem(
            request,
            ServiceUnavailable(
                "The database is unavailable for a moment; retry later.",
                detail_pl="Baza danych jest chwilowo niedostępna; ponów żądanie później.",
                headers={"Retry-After": str(RETRY_AFTER_OUTAGE)},
            ),
        )
    logger.error("unhandled error", exc_info=exc)
    return problem_response(
        request,
        status=500,
        slug="internal-error",
        title="Internal server error",
        detail="An unexpected error occurred; it has been logged with the request id.",
    )


async def _handle_unexpected(request: Request, exc: Exception) -> Response:
    return unexpected_response(request, exc)


def add_problem_handlers(app: FastAPI) -> None:
    """Register the problem+json handlers on ``app``."""
    app.add_exception_handler(Problem, _handle_problem)
    app.add_exception_handler(RequestValidationError, _handle_validation)
    app.add_exception_handler(StarletteHTTPException, _handle_http)
    # Handled inside the routing (no re-raise to the server, which would log the message).
    for kind in (SQLAlchemyError, asyncpg.PostgresError, OSError, TimeoutError):
        app.add_exception_handler(kind, _handle_unexpected)
    app.add_exception_handler(Exception, _handle_unexpected)
