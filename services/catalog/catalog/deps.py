"""Dependencies of the catalog routes: session, reader, settings, callers, invalidator.

Plain ``async def``: FastAPI runs a sync dependency in a worker thread, which costs more than
the lookup itself."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from catalog.settings import CatalogSettings
from shared.auth import Principal, require_scopes
from shared.db.raw import Database
from shared.db.session import SessionDep
from shared.handoff import TilesInvalidator

__all__ = [
    "ActorDep",
    "EditorDep",
    "InvalidatorDep",
    "ModeratorDep",
    "ReaderDep",
    "SessionDep",
    "SettingsDep",
]


async def get_settings(request: Request) -> CatalogSettings:
    settings: CatalogSettings = request.app.state.settings
    return settings


async def get_invalidator(request: Request) -> TilesInvalidator:
    invalidator: TilesInvalidator = request.app.state.invalidator
    return invalidator


async def get_reader(request: Request) -> Database:
    """The public search's raw asyncpg handle (see ``shared.db.raw``)."""
    reader: Database = request.app.state.reader
    return reader


SettingsDep = Annotated[CatalogSettings, Depends(get_settings)]
InvalidatorDep = Annotated[TilesInvalidator, Depends(get_invalidator)]
ReaderDep = Annotated[Database, Depends(get_reader)]
EditorDep = Annotated[Principal, Depends(require_scopes("catalog:edit"))]
# Transitions check their own scope (submit: edit; publish/archive/return: moderate).
ActorDep = Annotated[Principal, Depends(require_scopes())]
ModeratorDep = Annotated[Principal, Depends(require_scopes("catalog:moderate"))]
