"""API keys: generation, hashing, verification, scopes, territory; the FastAPI dependency."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.auth import Principal, generate_key, hash_key, parse_prefix, require_scopes, verify_key
from shared.db.models import ApiKey
from shared.db.session import get_session
from shared.errors import ValidationFailed, add_problem_handlers
from shared.institutions import create_api_key, create_institution, revoke_api_key


def test_generated_keys_are_random_and_only_hashes_are_kept() -> None:
    first, second = generate_key(), generate_key()
    assert first.token != second.token
    assert parse_prefix(first.token) == first.prefix
    assert first.secret_hash == hash_key(first.token)
    assert first.token.encode() not in first.secret_hash
    assert parse_prefix("not-a-key") is None
    assert parse_prefix("sm_short_x") is None


async def test_verify_key_checks_secret_revocation_and_expiry(db_session: AsyncSession) -> None:
    institution = await create_institution(
        db_session, kind="MOPS", name="MOPS Bielsko-Biała (test)", territory=["2461011"]
    )
    issued = await create_api_key(
        db_session, institution=institution, name="uploads", scopes=["records:write"]
    )
    principal = await verify_key(db_session, issued.token)
    assert principal is not None
    assert principal.covers("2461011-18")
    assert not principal.covers("0264011-01")
    assert principal.has_scope("records:write")
    assert not principal.has_scope("catalog:edit")

    tampered = issued.token[:-2] + ("AA" if not issued.token.endswith("AA") else "BB")
    assert await verify_key(db_session, tampered) is None

    stored = await db_session.scalar(select(ApiKey).where(ApiKey.prefix == issued.key.prefix))
    assert stored is not None
    assert issued.token.encode() not in stored.secret_hash

    stored.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    await db_session.flush()
    assert await verify_key(db_session, issued.token) is None
    stored.expires_at = None
    await revoke_api_key(db_session, prefix=issued.key.prefix)
    assert await verify_key(db_session, issued.token) is None


async def test_key_territory_can_only_narrow(db_session: AsyncSession) -> None:
    institution = await create_institution(
        db_session, kind="ROPS", name="ROPS Katowice (test)", territory=["24"]
    )
    narrowed = await create_api_key(
        db_session, institution=institution, name="bb", scopes=["catalog:edit"], territory=["2461"]
    )
    principal = await verify_key(db_session, narrowed.token)
    assert principal is not None
    assert principal.territory == ("2461",)
    with pytest.raises(ValidationFailed, match="outside"):
        await create_api_key(
            db_session, institution=institution, name="x", scopes=["catalog:edit"], territory=["02"]
        )
    with pytest.raises(ValidationFailed, match="Unknown scopes"):
        await create_api_key(db_session, institution=institution, name="x", scopes=["root"])
    with pytest.raises(ValidationFailed, match="TERC"):
        await create_institution(db_session, kind="OPS", name="bad", territory=["24-61"])


async def test_dependency_answers_401_403_and_passes_the_principal(
    db_session: AsyncSession,
) -> None:
    institution = await create_institution(
        db_session, kind="PUP", name="PUP Bielsko-Biała (test)", territory=["2461"]
    )
    writer = await create_api_key(
        db_session, institution=institution, name="w", scopes=["records:write"]
    )
    router = APIRouter()

    @router.get("/who")
    async def who(
        principal: Annotated[Principal, Depends(require_scopes("records:write"))],
    ) -> dict[str, str]:
        return {"institution": principal.institution_name}

    @router.get("/moderate")
    async def moderate(
        principal: Annotated[Principal, Depends(require_scopes("catalog:moderate"))],
    ) -> dict[str, str]:
        return {}

    app = FastAPI()
    add_problem_handlers(app)
    app.include_router(router)

    async def session_override() -> AsyncSession:
        return db_session

    app.dependency_overrides[get_session] = session_override
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        missing = await client.get("/who")
        assert missing.status_code == 401
        assert missing.headers["www-authenticate"].startswith("Bearer")
        assert missing.headers["content-type"] == "application/problem+json"
        wrong = await client.get("/who", headers={"Authorization": "Bearer sm_000000000000_nope"})
        assert wrong.status_code == 401
        auth = {"Authorization": f"Bearer {writer.token}"}
        assert (await client.get("/who", headers=auth)).json() == {
            "institution": "PUP Bielsko-Biała (test)"
        }
        forbidden = await client.get("/moderate", headers={**auth, "Accept-Language": "pl"})
        assert forbidden.status_code == 403
        assert forbidden.json()["title"] == "Brak uprawnień"
        assert "catalog:moderate" in forbidden.json()["detail"]
