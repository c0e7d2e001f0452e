"""API keys: generation, hashing, verification, scopes and territory (TERC prefixes).

A key reads ``sm_<prefix>_<secret>``. The prefix is stored in clear to find the row; the whole
key is stored only as SHA-256 (keys are 256-bit random, so a slow hash adds nothing).
"""

from __future__ import annotations

import hashlib
import math
import secrets
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.session import get_session, request_session
from shared.errors import Forbidden, TooManyRequests, Unauthorized

KEY_SCHEME = "sm"
SCOPES = {
    "records:write": "push and erase case records of the institution",
    "runs:write": "ask the anonymizer for a run (service key of ingest)",
    "releases:read": "read unpublished run details",
    "catalog:edit": "create and edit catalogue records in the key's territory",
    "catalog:moderate": "publish and archive catalogue records",
    "tiles:invalidate": "invalidate the map-tiles cache (service keys)",
    "admin": "everything",
}


@dataclass(frozen=True, slots=True)
class GeneratedKey:
    """A new key: ``token`` is shown once; only ``prefix`` and ``secret_hash`` are stored."""

    token: str
    prefix: str
    secret_hash: bytes


def generate_key() -> GeneratedKey:
    """Generate a random API key."""
    prefix = secrets.token_hex(6)
    token = f"{KEY_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    return GeneratedKey(token=token, prefix=prefix, secret_hash=hash_key(token))


def hash_key(token: str) -> bytes:
    """SHA-256 of the whole key."""
    return hashlib.sha256(token.encode()).digest()


def parse_prefix(token: str) -> str | None:
    """The lookup prefix of a well-formed key, else None."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_SCHEME or len(parts[1]) != 12 or not parts[2]:
        return None
    return parts[1]


def territory_covers(territory: Iterable[str] | None, terc: str) -> bool:
    """Whether a TERC or district code falls inside a list of TERC prefixes (None: anywhere)."""
    if territory is None:
        return True
    return any(terc.startswith(prefix) for prefix in territory)


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the key, its institution, its scopes and its territory."""

    key_id: uuid.UUID
    institution_id: uuid.UUID
    institution_kind: str
    institution_name: str
    scopes: frozenset[str]
    territory: tuple[str, ...] | None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes or "admin" in self.scopes

    def covers(self, terc: str) -> bool:
        """Whether the key may act on the unit with this TERC or district code."""
        return territory_covers(self.territory, terc)


AUTHENTICATE = text(
    "SELECT key_id, institution_id, institution_kind, institution_name, scopes,"
    " key_territory, institution_territory FROM auth.authenticate(:prefix, :secret_hash)"
)


async def verify_key(session: AsyncSession, token: str) -> Principal | None:
    """Check a key through ``auth.authenticate`` (``SECURITY DEFINER``: no service role reads
    ``auth.api_key``); None when it is malformed, unknown, revoked, expired or its
    institution is inactive."""
    prefix = parse_prefix(token)
    if prefix is None:
        return None
    row = (
        await session.execute(AUTHENTICATE, {"prefix": prefix, "secret_hash": hash_key(token)})
    ).first()
    if row is None:
        return None
    scopes = frozenset(row.scopes)
    territory = row.key_territory if row.key_territory is not None else row.institution_territory
    # An institution with an empty territory is unrestricted only for service and admin keys.
    unrestricted = row.institution_kind == "SERVICE" or "admin" in scopes
    return Principal(
        key_id=row.key_id,
        institution_id=row.institution_id,
        institution_kind=row.institution_kind,
        institution_name=row.institution_name,
        scopes=scopes,
        territory=None if unrestricted and not territory else tuple(territory),
    )


_bearer = HTTPBearer(auto_error=False)
THROTTLE_WINDOW_SECONDS = 60.0


class AuthThrottle:
    """Failed authentications per client address and per key prefix in a sliding minute:
    past ``limit`` the next attempts get 429 with ``Retry-After`` until the window moves on,
    whatever the key (a guessing client learns nothing more). In-process; a gateway in front
    throttles across replicas."""

    def __init__(self, limit: int, *, window: float = THROTTLE_WINDOW_SECONDS) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, subject: str, now: float) -> deque[float]:
        failures = self._failures.get(subject)
        if failures is None:
            return deque()
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if not failures:
            del self._failures[subject]
        return failures

    def retry_after(self, subjects: Iterable[str]) -> int | None:
        """Seconds until the subjects may try again, or None when they may now."""
        now = time.monotonic()
        waits = [
            failures[0] + self.window - now
            for subject in subjects
            if len(failures := self._recent(subject, now)) >= self.limit
        ]
        return max(1, math.ceil(max(waits))) if waits else None

    def failed(self, subjects: Iterable[str]) -> None:
        now = time.monotonic()
        for subject in subjects:
            self._recent(subject, now)
            self._failures.setdefault(subject, deque()).append(now)
        if len(self._failures) > 100_000:  # a flood of distinct subjects: forget the oldest
            for subject in list(self._failures)[:50_000]:
                del self._failures[subject]


def _subjects(request: Request, token: str | None) -> list[str]:
    subjects = [f"client:{request.client.host if request.client else '-'}"]
    prefix = parse_prefix(token) if token else None
    if prefix is not None:
        subjects.append(f"prefix:{prefix}")
    return subjects


def _bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def authenticate(
    request: Request, session: AsyncSession, *, scopes: Sequence[str], any_of: bool = False
) -> Principal:
    """The caller's principal, after the throttle, the key check and the scope check (all of
    ``scopes``, or one of them with ``any_of``); kept on ``request.state.principal``."""
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is None:
        token = _bearer_token(request)
        throttle: AuthThrottle | None = getattr(request.app.state, "auth_throttle", None)
        subjects = _subjects(request, token)
        wait = throttle.retry_after(subjects) if throttle is not None else None
        if wait is not None:
            raise TooManyRequests(
                f"Too many failed authentications; retry in {wait} s.",
                detail_pl=f"Zbyt wiele nieudanych uwierzytelnień; spróbuj za {wait} s.",
                headers={"Retry-After": str(wait)},
            )
        if token is None:
            raise Unauthorized(
                "Send an API key as 'Authorization: Bearer <key>'.",
                detail_pl="Wyślij klucz API w nagłówku 'Authorization: Bearer <klucz>'.",
            )
        cached = await verify_key(session, token)
        if cached is None:
            if throttle is not None:
                throttle.failed(subjects)
            raise Unauthorized(
                "The API key is unknown, revoked or expired.",
                detail_pl="Klucz API jest nieznany, unieważniony lub wygasł.",
            )
        request.state.principal = cached
    held = [scope for scope in scopes if cached.has_scope(scope)]
    if (any_of and scopes and not held) or (not any_of and len(held) < len(scopes)):
        wanted = [scope for scope in scopes if scope not in held]
        joined = (" or " if any_of else ", ").join(wanted)
        raise Forbidden(
            f"The API key lacks the scope(s): {joined}.",
            detail_pl=f"Klucz API nie ma uprawnień: {joined}.",
        )
    return cached


def require_scopes(*scopes: str, any_of: bool = False) -> Callable[..., Awaitable[Principal]]:
    """A dependency that authenticates the bearer key and checks it has every scope (or one,
    with ``any_of``). Routes of ``AuthFirstRoute`` run it before their body is read."""

    async def dependency(
        request: Request,
        # Declared for the OpenAPI document's ``security``; read by ``authenticate``.
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        session: Annotated[AsyncSession, Depends(get_session)],
    ) -> Principal:
        return await authenticate(request, session, scopes=scopes, any_of=any_of)

    async def before_body(request: Request) -> None:
        async with request_session(request) as session:
            await authenticate(request, session, scopes=scopes, any_of=any_of)

    dependency.before_body = before_body  # type: ignore[attr-defined]
    return dependency


def _authenticators(dependant: Dependant) -> list[Callable[[Request], Awaitable[None]]]:
    found: list[Callable[[Request], Awaitable[None]]] = []
    for dependency in dependant.dependencies:
        check = getattr(dependency.call, "before_body", None)
        if check is not None:
            found.append(check)
        found.extend(_authenticators(dependency))
    return found


class AuthFirstRoute(APIRoute):
    """A route that authenticates before it reads its body: FastAPI parses the body before
    solving dependencies, so without this an anonymous client could make a service read and
    parse megabytes it will refuse anyway."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        checks = _authenticators(self.dependant)
        if self.body_field is None or not checks:
            return handler

        async def authenticated(request: Request) -> Response:
            for check in checks:
                await check(request)
            return await handler(request)

        return authenticated
