"""Dependencies of the catalog routes: session, settings, callers, invalidator."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from catalog.settings import CatalogSettings
from shared.auth import Principal, require_scopes
from shared.db.session import SessionDep
from shared.handoff import TilesInvalidator

__all__ = ["ActorDep", "EditorDep", "InvalidatorDep", "ModeratorDep", "SessionDep", "SettingsDep"]


def get_settings(request: Request) -> CatalogSettings:
    settings: CatalogSettings = request.app.state.settings
    return settings


def get_invalidator(request: Request) -> TilesInvalidator:
    invalidator: TilesInvalidator = request.app.state.invalidator
    return invalidator


SettingsDep = Annotated[CatalogSettings, Depends(get_settings)]
InvalidatorDep = Annotated[TilesInvalidator, Depends(get_invalidator)]
EditorDep = Annotated[Principal, Depends(require_scopes("catalog:edit"))]
# Transitions check their own scope (submit: edit; publish/archive/return: moderate).
ActorDep = Annotated[Principal, Depends(require_scopes())]
ModeratorDep = Annotated[Principal, Depends(require_scopes("catalog:moderate"))]
