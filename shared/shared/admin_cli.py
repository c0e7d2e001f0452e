"""``socmap admin``: institutions and their API keys (runs as the owner role, ``SOCMAP_DB_*``).

A key is printed once, when it is created; only its prefix and SHA-256 are stored.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, TypeVar

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.engine import make_engine
from shared.db.models import ApiKey, Institution
from shared.errors import Problem
from shared.settings import DatabaseSettings

T = TypeVar("T")

admin_app = typer.Typer(no_args_is_help=True, help="Institutions and their API keys")
institutions_app = typer.Typer(no_args_is_help=True, help="Institutions (OPS, MOPS, PUP, ...)")
keys_app = typer.Typer(no_args_is_help=True, help="API keys of an institution")
admin_app.add_typer(institutions_app, name="institutions")
admin_app.add_typer(keys_app, name="keys")


def _run(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run ``work`` in one committed transaction; a domain error exits with status 1."""

    async def main() -> T:
        engine = make_engine(DatabaseSettings().url(), pool_size=1, max_overflow=0)
        try:
            async with AsyncSession(engine, expire_on_commit=False) as session:
                result = await work(session)
                await session.commit()
                return result
        finally:
            await engine.dispose()

    try:
        return asyncio.run(main())
    except Problem as problem:
        typer.echo(f"error: {problem.detail}", err=True)
        raise typer.Exit(1) from None


def _institution_row(institution: Institution) -> dict[str, object]:
    return {
        "id": str(institution.id),
        "kind": institution.kind,
        "name": institution.name,
        "territory": list(institution.territory),
        "active": institution.active,
    }


def _key_row(key: ApiKey) -> dict[str, object]:
    return {
        "prefix": key.prefix,
        "name": key.name,
        "scopes": list(key.scopes),
        "territory": list(key.territory) if key.territory is not None else None,
        "created_at": key.created_at.isoformat() if key.created_at else None,
        "expires_at": key.expires_at.isoformat() if key.expires_at else None,
        "revoked_at": key.revoked_at.isoformat() if key.revoked_at else None,
    }


def _print_rows(rows: list[dict[str, object]], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        typer.echo("  ".join(f"{key}={value}" for key, value in row.items()))


@institutions_app.command("create")
def institutions_create(
    kind: Annotated[str, typer.Option(help="OPS, MOPS, GOPS, CUS, PCPR, PUP, ROPS or SERVICE")],
    name: Annotated[str, typer.Option(help="Unique name, e.g. 'MOPS Bielsko-Biała'")],
    territory: Annotated[
        list[str] | None, typer.Option(help="TERC prefix (2, 4 or 7 digits); repeatable")
    ] = None,
) -> None:
    """Create an institution acting on a territory of TERC codes."""
    from shared.institutions import create_institution

    async def work(session: AsyncSession) -> Institution:
        return await create_institution(
            session, kind=kind.upper(), name=name, territory=territory or []
        )

    institution = _run(work)
    typer.echo(f"created institution {institution.id} ({institution.kind} {institution.name})")


@institutions_app.command("list")
def institutions_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """List institutions."""
    from shared.institutions import list_institutions

    async def work(session: AsyncSession) -> list[dict[str, object]]:
        return [_institution_row(item) for item in await list_institutions(session)]

    _print_rows(_run(work), as_json)


@keys_app.command("create")
def keys_create(
    institution: Annotated[str, typer.Option(help="Institution name or id")],
    name: Annotated[str, typer.Option(help="What the key is for, e.g. 'system Pomost'")],
    scope: Annotated[list[str], typer.Option(help="Scope, e.g. records:write; repeatable")],
    territory: Annotated[
        list[str] | None,
        typer.Option(help="Narrow the key to TERC prefixes inside the institution's territory"),
    ] = None,
    expires_in_days: Annotated[
        int | None, typer.Option(min=1, help="Expire the key after this many days")
    ] = None,
) -> None:
    """Create an API key and print it once."""
    from shared.institutions import create_api_key, get_institution

    async def work(session: AsyncSession) -> tuple[str, str]:
        owner = await get_institution(session, name_or_id=institution)
        expires_at = (
            datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
        )
        issued = await create_api_key(
            session,
            institution=owner,
            name=name,
            scopes=scope,
            territory=territory,
            expires_at=expires_at,
        )
        return issued.key.prefix, issued.token

    prefix, token = _run(work)
    typer.echo(f"created key {prefix} for {institution}")
    typer.echo("The key is shown only now; store it in the client's secret store:", err=True)
    typer.echo(token)


@keys_app.command("list")
def keys_list(
    institution: Annotated[str, typer.Option(help="Institution name or id")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """List an institution's keys (prefixes only, never secrets)."""
    from shared.institutions import get_institution, list_api_keys

    async def work(session: AsyncSession) -> list[dict[str, object]]:
        owner = await get_institution(session, name_or_id=institution)
        return [_key_row(key) for key in await list_api_keys(session, institution=owner)]

    _print_rows(_run(work), as_json)


@keys_app.command("revoke")
def keys_revoke(prefix: Annotated[str, typer.Argument(help="The key's prefix")]) -> None:
    """Revoke a key at once (revoking twice is harmless)."""
    from shared.institutions import revoke_api_key

    async def work(session: AsyncSession) -> None:
        await revoke_api_key(session, prefix=prefix)

    _run(work)
    typer.echo(f"revoked key {prefix}")
