"""Dependencies of the ingest routes: settings, session, the calling institution."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ingest.settings import IngestSettings
from shared.auth import Principal, require_scopes
from shared.db.session import SessionDep

__all__ = ["RecordsWriter", "SessionDep", "SettingsDep"]


async def get_settings(request: Request) -> IngestSettings:
    settings: IngestSettings = request.app.state.settings
    return settings


SettingsDep = Annotated[IngestSettings, Depends(get_settings)]
# Every ingest endpoint acts for the institution of a key with the records:write scope.
RecordsWriter = Annotated[Principal, Depends(require_scopes("records:write"))]
