"""The routes practices and providers share: the public list and record page, editor writes,
the workflow transitions, the import and the moderation queue. ``practices.py`` and
``providers.py`` mount them at their own literal paths, with their own schemas.

No ``from __future__ import annotations``: the bodies' annotations name each kind's schema,
a local variable FastAPI must see as a type, not as text."""

import asyncio
from dataclasses import dataclass
from typing import Annotated, Any, Literal, cast

import orjson
from fastapi import APIRouter, BackgroundTasks, Body, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError

from catalog.deps import ActorDep, EditorDep, InvalidatorDep, ReaderDep, SessionDep, SettingsDep
from catalog.invalidation import Invalidation, merge_invalidations
from catalog.read import records, search
from catalog.routes.params import SEARCH_OPENAPI, SearchDep, search_params
from catalog.schemas import SEARCH_WINDOW, ImportReport, SearchParams
from catalog.write import transfer, workflow
from shared.db.raw import Database
from shared.errors import PayloadTooLarge, Problem
from shared.handoff import TilesInvalidator
from shared.openapi import problems
from shared.pagination import PageDep, PageParams, page_body, page_links
from shared.web import FastPathHandler

Kind = Literal["practice", "provider"]
Action = Literal["submit", "return", "publish", "archive"]
JSON = "application/json"


def schedule_invalidation(
    background: BackgroundTasks, invalidator: TilesInvalidator, invalidation: Invalidation | None
) -> None:
    """Ask map-tiles to drop its cache after the response is sent (never fails the edit)."""
    if invalidation is not None and invalidator.enabled:
        background.add_task(invalidator.invalidate, invalidation.body())


# Datetimes as pydantic writes them in JSON ("...Z", microseconds only when not zero), decimals
# as strings: a list item reads exactly as its PracticeOut / ProviderOut would.
_LIST_JSON = orjson.OPT_UTC_Z


def list_response(request: Request, page: PageParams, *, key: str, found: search.Found) -> Response:
    """The public list as JSON: ``{key: items, numberMatched, numberReturned, links,
    numberMatchedRelation[, facets][, correctedQuery]}``."""
    returned = len(found.items)
    # With a lower-bound total the links follow the search's own "more".
    total = found.total if found.exact else page.offset + returned + found.more
    body: dict[str, Any] = {
        key: found.items,
        "numberMatched": found.total,
        "numberReturned": returned,
        "links": [
            link.model_dump() for link in page_links(request, page, total=total, returned=returned)
        ],
        "numberMatchedRelation": "eq" if found.exact else "gte",
    }
    if found.facets is not None:
        body["facets"] = found.facets
    if found.correction is not None:
        body["correctedQuery"] = found.correction
    return Response(orjson.dumps(body, option=_LIST_JSON, default=str), media_type=JSON)


async def search_response(
    request: Request,
    reader: Database,
    *,
    kind: Kind,
    key: str,
    params: SearchParams,
    page: PageParams,
) -> Response:
    """The public list of ``kind`` under ``key`` (the list route's and the fast path's)."""
    found = await search.search(
        reader, kind=kind, params=params, limit=page.limit, offset=page.offset
    )
    return list_response(request, page, key=key, found=found)


def fast_list(kind: Kind, key: str) -> FastPathHandler:
    """The public list answered before routing (``shared.web.add_fast_path``): requests
    whose parameters validate; the rest go on to the list route and its problem+json."""

    async def answer(request: Request) -> Response | None:
        reader: Database | None = getattr(request.app.state, "reader", None)
        if reader is None:
            return None
        query = request.query_params
        try:
            page = PageParams.model_validate(
                {name: query[name] for name in ("limit", "offset") if name in query}
            )
            params = await search_params(request)
        except (ValidationError, RequestValidationError, Problem):
            return None
        return await search_response(request, reader, kind=kind, key=key, params=params, page=page)

    return answer


async def written_record(reader: Database, kind: Kind, written: workflow.Written) -> Any:
    """The record a write left, read back whole; a provider's with its ``location_note``."""
    record = await records.get_any(reader, kind=kind, record_id=written.id)
    if kind == "provider":
        record["location_note"] = written.location_note
    return record


def export_responses(model: Any) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of an export: JSON of ``model``, or CSV."""
    return {200: {"model": model, "content": {"text/csv": {"schema": {"type": "string"}}}}}


def import_body(input_schema: type[BaseModel], key: str) -> dict[str, Any]:
    """The OpenAPI request body of an import (the route reads the raw body itself)."""
    rows = {"type": "array", "items": {"$ref": f"#/components/schemas/{input_schema.__name__}"}}
    return {
        "requestBody": {
            "required": True,
            "description": (
                "Rows shaped as the create body (CSV: one column per field, lists joined with "
                "`|`). Each row is checked alone: invalid rows are reported in the 200 report "
                "with their index, not refused."
            ),
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/json": {
                    "schema": {
                        "oneOf": [
                            rows,
                            {"type": "object", "properties": {key: rows}, "required": [key]},
                        ]
                    }
                },
            },
        }
    }


# Every path of the records' routes: operation → (practices, providers).
PATHS = {
    "collection": ("/v1/practices", "/v1/providers"),  # GET the public list, POST a draft
    "record": ("/v1/practices/{ref}", "/v1/providers/{ref}"),  # GET a published one, PATCH
    "transition": ("/v1/practices/{ref}:{action}", "/v1/providers/{ref}:{action}"),
    "import": ("/v1/practices:import", "/v1/providers:import"),
    "managed": ("/v1/manage/practices", "/v1/manage/providers"),
    "managed_record": ("/v1/manage/practices/{ref}", "/v1/manage/providers/{ref}"),
}
KINDS: tuple[Kind, Kind] = ("practice", "provider")


@dataclass(frozen=True, slots=True)
class Resource:
    """A kind of record as the API shows it: its list's key and its schemas."""

    kind: Kind
    key: str  # the list's key and tag: "practices"
    input_schema: type[BaseModel]
    patch_schema: type[BaseModel]
    output_schema: type[BaseModel]
    page_schema: type[BaseModel]
    # What a create or an edit answers (the record, for providers with ``location_note``).
    written_schema: type[BaseModel] | None = None

    def path(self, operation: str) -> str:
        """The literal path of an operation (``PATHS``)."""
        return PATHS[operation][KINDS.index(self.kind)]


def add_record_routes(router: APIRouter, resource: Resource) -> None:
    """The routes of one kind of record; operationIds name it (``listPractices``, ...)."""
    kind, key = resource.kind, resource.key
    one, many = kind.capitalize(), key.capitalize()
    input_schema, patch_schema = resource.input_schema, resource.patch_schema
    managed = resource.path("managed")
    written_schema = resource.written_schema or resource.output_schema

    @router.get(
        resource.path("collection"),
        summary=f"Search published {key}",
        description=(
            f"Published {key} matching every filter given. A search examines at most "
            f"the first {SEARCH_WINDOW} matches: with as many, numberMatched is "
            f"{SEARCH_WINDOW} and numberMatchedRelation is gte (see the schema)."
        ),
        operation_id=f"list{many}",
        response_model=resource.page_schema,
        openapi_extra=SEARCH_OPENAPI,
    )
    async def list_records(
        request: Request, reader: ReaderDep, params: SearchDep, page: PageDep
    ) -> Response:
        # Valid requests are answered by the fast path (app.py) before routing; this route
        # documents the list and answers the rest (problem+json for bad parameters).
        return await search_response(request, reader, kind=kind, key=key, params=params, page=page)

    @router.get(
        resource.path("record"),
        summary=f"One published {kind} by id or slug",
        operation_id=f"get{one}",
        response_model=resource.output_schema,
    )
    async def get_record(ref: str, reader: ReaderDep) -> Any:
        return await records.get_public(reader, kind=kind, ref=ref)

    @router.post(
        resource.path("collection"),
        status_code=201,
        summary=f"Create a draft {kind}",
        operation_id=f"create{one}",
        response_model=written_schema,
        responses={
            201: {
                "headers": {
                    "Location": {
                        "description": f"`{managed}/{{id}}`",
                        "schema": {"type": "string"},
                    }
                }
            },
            **problems(409),
        },
    )
    async def create_record(
        data: Annotated[input_schema, Body()],  # type: ignore[valid-type]
        session: SessionDep,
        reader: ReaderDep,
        principal: EditorDep,
        response: Response,
    ) -> Any:
        created = await workflow.create(session, principal=principal, kind=kind, data=data)
        response.headers["Location"] = f"{managed}/{created.id}"
        return await written_record(reader, kind, created)

    @router.patch(
        resource.path("record"),
        summary=f"Edit a {kind} (changed fields only)",
        operation_id=f"update{one}",
        response_model=written_schema,
        responses=problems(409),
    )
    async def update_record(
        ref: str,
        patch: Annotated[patch_schema, Body()],  # type: ignore[valid-type]
        session: SessionDep,
        reader: ReaderDep,
        principal: EditorDep,
        background: BackgroundTasks,
        invalidator: InvalidatorDep,
    ) -> Any:
        changed = cast(BaseModel, patch).model_dump(mode="json", exclude_unset=True)
        updated, invalidation = await workflow.update(
            session, principal=principal, kind=kind, ref=ref, patch=changed
        )
        schedule_invalidation(background, invalidator, invalidation)
        return await written_record(reader, kind, updated)

    @router.post(
        resource.path("transition"),
        summary="Workflow: submit (editor), return / publish / archive (moderator)",
        operation_id=f"transition{one}",
        response_model=resource.output_schema,
        responses=problems(409),
    )
    async def transition(
        ref: str,
        action: Action,
        session: SessionDep,
        reader: ReaderDep,
        principal: ActorDep,
        background: BackgroundTasks,
        invalidator: InvalidatorDep,
    ) -> Any:
        moved, invalidation = await workflow.transition(
            session, principal=principal, kind=kind, ref=ref, action=action
        )
        schedule_invalidation(background, invalidator, invalidation)
        return await records.get_any(reader, kind=kind, record_id=moved.id)

    @router.post(
        resource.path("import"),
        summary=f"Import {key} from CSV (UTF-8 or Windows-1250) or JSON; dry_run validates only",
        operation_id=f"import{many}",
        openapi_extra=import_body(input_schema, key),
    )
    async def import_records(
        request: Request,
        session: SessionDep,
        principal: EditorDep,
        settings: SettingsDep,
        background: BackgroundTasks,
        invalidator: InvalidatorDep,
        dry_run: Annotated[bool, Query()] = False,
    ) -> ImportReport:
        # At most settings.max_body_bytes: BodyLimitMiddleware refuses more while it streams.
        body = await request.body()
        # Decoding and parsing a few megabytes is CPU work: keep it off the event loop.
        rows, encoding = await asyncio.to_thread(
            transfer.parse_upload, body, request.headers.get("content-type", "")
        )
        if len(rows) > settings.max_import_rows:
            raise PayloadTooLarge(f"Uploads are limited to {settings.max_import_rows} rows.")
        report, invalidations = await transfer.import_records(
            session, principal=principal, kind=kind, rows=rows, encoding=encoding, dry_run=dry_run
        )
        schedule_invalidation(background, invalidator, merge_invalidations(invalidations))
        return report

    @router.get(
        managed,
        summary=f"{key} of the caller's voivodeship",
        description="Counted exactly: numberMatchedRelation is always eq.",
        operation_id=f"listManaged{many}",
        response_model=resource.page_schema,
        openapi_extra=SEARCH_OPENAPI,
    )
    async def moderation_queue(
        request: Request,
        reader: ReaderDep,
        principal: EditorDep,
        params: SearchDep,
        page: PageDep,
        status: Annotated[
            list[Literal["draft", "submitted", "published", "archived"]], Query()
        ] = [],  # noqa: B006
    ) -> dict[str, Any]:
        params = params.model_copy(update={"statuses": status or ["submitted"]})
        items, total = await workflow.moderation_queue(
            reader,
            principal=principal,
            kind=kind,
            params=params,
            limit=page.limit,
            offset=page.offset,
        )
        body = page_body(request, page, key=key, items=items, total=total)
        return {**body, "numberMatchedRelation": "eq"}

    @router.get(
        resource.path("managed_record"),
        summary=f"A {kind} in any status",
        operation_id=f"getManaged{one}",
        response_model=resource.output_schema,
    )
    async def get_managed(ref: str, reader: ReaderDep, principal: EditorDep) -> Any:
        return await workflow.get_managed(reader, principal=principal, kind=kind, ref=ref)
