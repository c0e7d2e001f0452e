"""Dependencies of the anonymizer routes: settings, auth, a release from its id."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from anonymizer import repository
from anonymizer.settings import AnonymizerSettings
from shared.auth import Principal, require_scopes
from shared.db.session import SessionDep
from shared.errors import NotFound


async def get_settings(request: Request) -> AnonymizerSettings:
    settings: AnonymizerSettings = request.app.state.settings
    return settings


SettingsDep = Annotated[AnonymizerSettings, Depends(get_settings)]
RunWriter = Annotated[Principal, Depends(require_scopes("runs:write"))]


# Who asked for runs (``runs:write``) or may read them (``releases:read``).
RunReader = Annotated[
    Principal, Depends(require_scopes("runs:write", "releases:read", any_of=True))
]


# Release numbers are PostgreSQL integers.
MAX_RELEASE = 2_147_483_647


async def release_id_from_path(
    session: SessionDep,
    release_id: Annotated[int, Path(ge=1, le=MAX_RELEASE, description="Release number")],
) -> int:
    """A published release's number, or 404."""
    if await repository.get_release(session=session, release_id=release_id) is None:
        raise NotFound(f"There is no published release {release_id}.")
    return release_id


ReleaseId = Annotated[int, Depends(release_id_from_path)]
