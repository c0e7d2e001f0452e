"""API keys: generation, hashing, verification, scopes and territory (TERC prefixes).

A key reads ``sm_<prefix>_<secret>``. The prefix is stored in clear to find the row; the whole
key is stored only as SHA-256 (keys are 256-bit random, so a slow hash adds nothing).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.models import ApiKey, Institution
from shared.db.session import get_session
from shared.errors import Forbidden, Unauthorized

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


async def verify_key(session: AsyncSession, token: str) -> Principal | None:
    """Look the key up and check its secret, expiry, revocation and institution."""
    prefix = parse_prefix(token)
    if prefix is None:
        return None
    row = (
        await session.execute(
            select(ApiKey, Institution)
            .join(Institution, Institution.id == ApiKey.institution_id)
            .where(ApiKey.prefix == prefix)
        )
    ).first()
    if row is None:
        return None
    key, institution = row
    if not hmac.compare_digest(key.secret_hash, hash_key(token)):
        return None
    now = datetime.now(UTC)
    if key.revoked_at is not None or (key.expires_at is not None and key.expires_at <= now):
        return None
    if not institution.active:
        return None
    territory = key.territory if key.territory is not None else institution.territory
    # An institution with an empty territory is unrestricted only for service and admin keys.
    unrestricted = institution.kind == "SERVICE" or "admin" in key.scopes
    return Principal(
        key_id=key.id,
        institution_id=institution.id,
        institution_kind=institution.kind,
        institution_name=institution.name,
        scopes=frozenset(key.scopes),
        territory=None if unrestricted and not territory else tuple(territory),
    )


_bearer = HTTPBearer(auto_error=False)


def require_scopes(*scopes: str) -> Callable[..., Awaitable[Principal]]:
    """A dependency that authenticates the bearer key and checks it has every scope."""

    async def dependency(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        session: Annotated[AsyncSession, Depends(get_session)],
    ) -> Principal:
        if credentials is None:
            raise Unauthorized(
                "Send an API key as 'Authorization: Bearer <key>'.",
                detail_pl="Wyślij klucz API w nagłówku 'Authorization: Bearer <klucz>'.",
            )
        principal = await verify_key(session, credentials.credentials)
        if principal is None:
            raise Unauthorized(
                "The API key is unknown, revoked or expired.",
                detail_pl="Klucz API jest nieznany, unieważniony lub wygasł.",
            )
        missing = [scope for scope in scopes if not principal.has_scope(scope)]
        if missing:
            raise Forbidden(
                f"The API key lacks the scope(s): {', '.join(missing)}.",
                detail_pl=f"Klucz API nie ma uprawnień: {', '.join(missing)}.",
            )
        request.state.principal = principal
        return principal

    return dependency
