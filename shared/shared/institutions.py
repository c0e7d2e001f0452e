"""Institutions and their API keys: create, list, revoke (used by the admin CLI and tests)."""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from shared.auth import SCOPES, generate_key
from shared.codes import TERC_PREFIX_RE, anchored
from shared.db.models import ApiKey, Institution
from shared.db.models.auth import INSTITUTION_KINDS
from shared.errors import Conflict, NotFound, ValidationFailed

_TERC_PREFIX = re.compile(anchored(TERC_PREFIX_RE))


@dataclass(frozen=True, slots=True)
class IssuedKey:
    """A key just created: ``token`` is shown to the operator once and never stored."""

    key: ApiKey
    token: str


def validate_territory(territory: Sequence[str]) -> list[str]:
    """TERC prefixes of 2 (voivodeship), 4 (powiat) or 7 (gmina) digits."""
    bad = [code for code in territory if not _TERC_PREFIX.match(code)]
    if bad:
        raise ValidationFailed(
            f"Territory codes must be TERC codes of 2, 4 or 7 digits: {', '.join(bad)}.",
            detail_pl=f"Kody terytorium muszą być kodami TERC (2, 4 lub 7 cyfr): {', '.join(bad)}.",
        )
    return sorted(set(territory))


async def create_institution(
    session: AsyncSession, *, kind: str, name: str, territory: Sequence[str]
) -> Institution:
    """Create an institution; ``territory`` lists the TERC prefixes it may act on."""
    if kind not in INSTITUTION_KINDS:
        raise ValidationFailed(
            f"Unknown institution kind {kind!r}; use one of {INSTITUTION_KINDS}."
        )
    if kind != "SERVICE" and not territory:
        raise ValidationFailed("An institution needs a territory (TERC codes).")
    existing = await session.scalar(select(Institution).where(Institution.name == name))
    if existing is not None:
        raise Conflict(f"An institution named {name!r} already exists.")
    institution = Institution(kind=kind, name=name, territory=validate_territory(territory))
    session.add(institution)
    await session.flush()
    return institution


async def get_institution(session: AsyncSession, *, name_or_id: str) -> Institution:
    """Find an institution by exact name or id."""
    condition = Institution.name == name_or_id
    with contextlib.suppress(ValueError):
        condition = condition | (Institution.id == uuid.UUID(name_or_id))
    institution = await session.scalar(select(Institution).where(condition))
    if institution is None:
        raise NotFound(f"No institution {name_or_id!r}.")
    return institution


async def list_institutions(session: AsyncSession) -> Sequence[Institution]:
    return (await session.scalars(select(Institution).order_by(Institution.name))).all()


async def create_api_key(
    session: AsyncSession,
    *,
    institution: Institution,
    name: str,
    scopes: Sequence[str],
    territory: Sequence[str] | None = None,
    expires_at: datetime | None = None,
) -> IssuedKey:
    """Issue a key; a key's ``territory`` may only narrow its institution's."""
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise ValidationFailed(f"Unknown scopes: {', '.join(unknown)}; known: {', '.join(SCOPES)}.")
    narrowed = None
    if territory is not None:
        narrowed = validate_territory(territory)
        outside = [
            code
            for code in narrowed
            if institution.territory and not any(code.startswith(p) for p in institution.territory)
        ]
        if outside:
            raise ValidationFailed(
                f"Key territory {', '.join(outside)} lies outside the institution's territory."
            )
    generated = generate_key()
    key = ApiKey(
        institution_id=institution.id,
        prefix=generated.prefix,
        secret_hash=generated.secret_hash,
        name=name,
        scopes=sorted(set(scopes)),
        territory=narrowed,
        expires_at=expires_at,
    )
    session.add(key)
    await session.flush()
    return IssuedKey(key=key, token=generated.token)


async def list_api_keys(session: AsyncSession, *, institution: Institution) -> Sequence[ApiKey]:
    """The institution's keys (never their secrets)."""
    return (
        await session.scalars(
            select(ApiKey)
            .where(ApiKey.institution_id == institution.id)
            .order_by(ApiKey.created_at)
        )
    ).all()


async def revoke_api_key(session: AsyncSession, *, prefix: str) -> None:
    """Revoke a key by its prefix; revoking twice is harmless."""
    result = await session.execute(
        update(ApiKey)
        .where(ApiKey.prefix == prefix, ApiKey.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
        .returning(ApiKey.id)
    )
    if result.first() is None:
        exists = await session.scalar(select(ApiKey.id).where(ApiKey.prefix == prefix))
        if exists is None:
            raise NotFound(f"No API key with prefix {prefix!r}.")


async def create_loaded_batch(session: AsyncSession, *, institution_id: uuid.UUID) -> uuid.UUID:
    """A completed batch for records written straight into ``ingest.record`` (test fixtures
    and benchmarks that bypass the ingest API, which creates batches itself)."""
    batch = uuid.uuid4()
    await session.execute(
        text(
            "INSERT INTO ingest.batch (id, institution_id, content_hash, media_type, status)"
            " VALUES (:id, :institution, :hash, 'application/json', 'completed')"
        ),
        {"id": batch, "institution": institution_id, "hash": batch.bytes * 2},
    )
    return batch
