"""Export profiles: ``/v1/profiles`` (an institution's own, versioned; another institution's
profile is a 404 like a missing one)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, status

from ingest import service
from ingest.deps import RecordsWriter, SessionDep, SettingsDep
from ingest.parsing import media_kind, read_body
from ingest.schemas import (
    PROFILE_NAME_PATTERN,
    ProfileBody,
    ProfileIn,
    ProfileList,
    ProfileOut,
    ProfileSuggestion,
)
from shared.auth import AuthFirstRoute
from shared.errors import UnsupportedMediaType
from shared.openapi import problems

router = APIRouter(route_class=AuthFirstRoute, prefix="/profiles", tags=["profiles"])

NamePath = Annotated[str, Path(max_length=64, pattern=PROFILE_NAME_PATTERN)]
_SAMPLE_EXAMPLE = (
    "Lp.;Nr sprawy;Nazwisko;PESEL;Data przyznania;Powód przyznania;Ulica;Nr domu\r\n"
    "1;MOPS/2024/0101;Kowalska;85010112345;15.03.2024;ubóstwa;Lotnicza;5\r\n"
)
_SAMPLE_BODY = {
    "required": True,
    "content": {
        "text/csv": {
            "schema": {
                "type": "string",
                "description": "the head of an export, read as `POST /v1/records:batch` reads "
                "CSV (encoding, `sep=` line, delimiter); only the categories column's values "
                "are looked at",
            },
            "example": _SAMPLE_EXAMPLE,
        }
    },
}


@router.post(
    ":suggest",
    summary="Propose an export profile from a sample of the export",
    openapi_extra={"requestBody": _SAMPLE_BODY},
    responses=problems(413, 415),
)
async def suggest_profile(
    request: Request, session: SessionDep, settings: SettingsDep, principal: RecordsWriter
) -> ProfileSuggestion:
    """Columns the built-in aliases recognise are mapped, the others listed in ``ignore`` (by
    name; their values are never read or echoed); category values the catalogue recognises
    (codes, labels, inflected forms, earlier names) are mapped. Nothing is stored."""
    if media_kind(request.headers.get("content-type")) != "csv":
        raise UnsupportedMediaType(
            "Send a sample as text/csv.", detail_pl="Wyślij próbkę jako text/csv."
        )
    body, _digest = await read_body(request, max_bytes=settings.max_bytes)
    return await service.suggest_profile(session=session, principal=principal, body=body)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Create an export profile (version 1)",
    responses=problems(409),
)
async def create_profile(
    payload: ProfileIn, session: SessionDep, principal: RecordsWriter
) -> ProfileOut:
    """``409`` when the institution already has a profile of this name (PUT adds a version);
    ``422`` with field errors for unknown fields, category codes or date formats."""
    return await service.save_profile(
        session=session, principal=principal, name=payload.name, body=payload, new=True
    )


@router.put(
    "/{name}",
    summary="Update an export profile: stores its next version",
    responses=problems(404),
)
async def update_profile(
    name: NamePath, payload: ProfileBody, session: SessionDep, principal: RecordsWriter
) -> ProfileOut:
    """The earlier versions stay readable; batches name the version they were read with."""
    return await service.save_profile(
        session=session, principal=principal, name=name, body=payload, new=False
    )


@router.get("", summary="The institution's export profiles (latest versions)")
async def list_profiles(session: SessionDep, principal: RecordsWriter) -> ProfileList:
    return ProfileList(profiles=await service.list_profiles(session=session, principal=principal))


@router.get("/{name}", summary="The latest version of an export profile", responses=problems(404))
async def get_profile(name: NamePath, session: SessionDep, principal: RecordsWriter) -> ProfileOut:
    return await service.get_profile(session=session, principal=principal, name=name)


@router.get(
    "/{name}/versions/{version}",
    summary="One version of an export profile",
    responses=problems(404),
)
async def get_profile_version(
    name: NamePath,
    version: Annotated[int, Path(ge=1, le=999_999_999)],
    session: SessionDep,
    principal: RecordsWriter,
) -> ProfileOut:
    return await service.get_profile(
        session=session, principal=principal, name=name, version=version
    )
