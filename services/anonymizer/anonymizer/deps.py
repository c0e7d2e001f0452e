"""Dependencies of the anonymizer routes: settings, auth, a release from its id."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from anonymizer import repository
from anonymizer.settings import AnonymizerSettings
from shared.auth import Principal, require_scopes, verify_key
from shared.db.session import SessionDep
from shared.errors import Forbidden, NotFound, Unauthorized

_bearer = HTTPBearer(auto_error=False)


async def get_settings(request: Request) -> AnonymizerSettings:
    settings: AnonymizerSettings = request.app.state.settings
    return settings


SettingsDep = Annotated[AnonymizerSettings, Depends(get_settings)]
RunWriter = Annotated[Principal, Depends(require_scopes("runs:write"))]


async def run_reader(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """A key with ``runs:write`` (who asked for runs) or ``releases:read``."""
    if credentials is None:
        raise Unauthorized("Send an API key as 'Authorization: Bearer <key>'.")
    principal = await verify_key(session, credentials.credentials)
    if principal is None:
        raise Unauthorized("The API key is unknown, revoked or expired.")
    if not (principal.has_scope("runs:write") or principal.has_scope("releases:read")):
        raise Forbidden("The API key lacks the scope runs:write or releases:read.")
    return principal


RunReader = Annotated[Principal, Depends(run_reader)]


async def release_id_from_path(
    session: SessionDep,
    release_id: Annotated[int, Path(ge=1, le=2_147_483_647, description="Release number")],
) -> int:
    """A published release's number, or 404."""
    if await repository.get_release(session=session, release_id=release_id) is None:
        raise NotFound(f"There is no published release {release_id}.")
    return release_id


ReleaseId = Annotated[int, Depends(release_id_from_path)]
