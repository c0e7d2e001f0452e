"""Routes shared by practices and providers: public list and detail, editor writes, the
workflow transitions and the moderation queue. ``practices.py`` and ``providers.py`` mount them
with their own schemas."""

import asyncio
from typing import Annotated, Any, Literal, cast

import orjson
from fastapi import APIRouter, BackgroundTasks, Body, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from catalog import service, transfer
from catalog.deps import ActorDep, EditorDep, InvalidatorDep, ReaderDep, SessionDep, SettingsDep
from catalog.routes.params import SEARCH_OPENAPI, SearchDep
from catalog.schemas import SEARCH_WINDOW, ImportReport, SearchParams
from shared.auth import AuthFirstRoute
from shared.db.raw import Database
from shared.errors import PayloadTooLarge
from shared.handoff import TilesInvalidator
from shared.openapi import problems
from shared.pagination import PageDep, PageParams, page_body, page_links

Action = Literal["submit", "return", "publish", "archive"]
JSON = "application/json"


def schedule_invalidation(
    background: BackgroundTasks,
    invalidator: TilesInvalidator,
    invalidation: service.Invalidation | None,
) -> None:
    """Ask map-tiles to drop its cache after the response is sent (never fails the edit)."""
    if invalidation is not None and invalidator.enabled:
        background.add_task(invalidator.invalidate, invalidation.body())


# Datetimes as pydantic writes them in JSON ("...Z", microseconds only when not zero), decimals
# as strings: a list item reads exactly as its PracticeOut / ProviderOut would.
_LIST_JSON = orjson.OPT_UTC_Z


def list_response(
    request: Request, page: PageParams, *, key: str, found: service.SearchPage
) -> Response:
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
    kind: Literal["practice", "provider"],
    key: str,
    params: SearchParams,
    page: PageParams,
) -> Response:
    """The public list of ``kind`` under ``key`` (the route's and ``fastpath``'s answer)."""
    found = await service.search(
        reader, kind=kind, params=params, limit=page.limit, offset=page.offset
    )
    return list_response(request, page, key=key, found=found)


def export_responses(model: Any) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of an export: JSON of ``model``, or CSV."""
    return {200: {"model": model, "content": {"text/csv": {"schema": {"type": "string"}}}}}


def import_body(input_schema: type[BaseModel], collection: str) -> dict[str, Any]:
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
                            {
                                "type": "object",
                                "properties": {collection: rows},
                                "required": [collection],
                            },
                        ]
                    }
                },
            },
        }
    }


def records_router(
    *,
    kind: Literal["practice", "provider"],
    collection: str,
    input_schema: type[BaseModel],
    patch_schema: type[BaseModel],
    output_schema: type[BaseModel],
    page_schema: type[BaseModel],
) -> APIRouter:
    """The routes of one kind of record; operationIds name it (``listPractices``,
    ``getPractice``, ...)."""
    router = APIRouter(route_class=AuthFirstRoute, tags=[collection])
    item_key = collection
    one, many = kind.capitalize(), collection.capitalize()

    @router.get(
        f"/{collection}",
        summary=f"Search published {collection}",
        description=(
            f"Published {collection} matching every filter given. A search examines at most "
            f"the first {SEARCH_WINDOW} matches: with as many, numberMatched is "
            f"{SEARCH_WINDOW} and numberMatchedRelation is gte (see the schema)."
        ),
        operation_id=f"list{many}",
        response_model=page_schema,
        openapi_extra=SEARCH_OPENAPI,
    )
    async def list_records(
        request: Request, reader: ReaderDep, params: SearchDep, page: PageDep
    ) -> Response:
        # Valid requests are answered by catalog.fastpath before routing; this route
        # documents the list and answers the rest (with problem+json for bad parameters).
        return await search_response(
            request, reader, kind=kind, key=item_key, params=params, page=page
        )

    @router.get(
        f"/{collection}/{{ref}}",
        summary=f"One published {kind} by id or slug",
        operation_id=f"get{one}",
        response_model=output_schema,
    )
    async def get_record(ref: str, session: SessionDep) -> Any:
        return await service.get_public(session, kind=kind, ref=ref)

    @router.post(
        f"/{collection}",
        status_code=201,
        summary=f"Create a draft {kind}",
        operation_id=f"create{one}",
        response_model=output_schema,
        responses={
            201: {
                "headers": {
                    "Location": {
                        "description": f"`/v1/manage/{collection}/{{id}}`",
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
        principal: EditorDep,
        response: Response,
    ) -> Any:
        created = await service.create(session, principal=principal, kind=kind, data=data)
        response.headers["Location"] = f"/v1/manage/{collection}/{created.id}"
        return created

    @router.patch(
        f"/{collection}/{{ref}}",
        summary=f"Edit a {kind} (changed fields only)",
        operation_id=f"update{one}",
        response_model=output_schema,
        responses=problems(409),
    )
    async def update_record(
        ref: str,
        patch: Annotated[patch_schema, Body()],  # type: ignore[valid-type]
        session: SessionDep,
        principal: EditorDep,
        background: BackgroundTasks,
        invalidator: InvalidatorDep,
    ) -> Any:
        changed = cast(BaseModel, patch).model_dump(mode="json", exclude_unset=True)
        updated, invalidation = await service.update(
            session, principal=principal, kind=kind, ref=ref, patch=changed
        )
        schedule_invalidation(background, invalidator, invalidation)
        return updated

    @router.post(
        f"/{collection}/{{ref}}:{{action}}",
        summary="Workflow: submit (editor), return / publish / archive (moderator)",
        operation_id=f"transition{one}",
        response_model=output_schema,
        responses=problems(409),
    )
    async def transition(
        ref: str,
        action: Action,
        session: SessionDep,
        principal: ActorDep,
        background: BackgroundTasks,
        invalidator: InvalidatorDep,
    ) -> Any:
        moved, invalidation = await service.transition(
            session, principal=principal, kind=kind, ref=ref, action=action
        )
        schedule_invalidation(background, invalidator, invalidation)
        return moved

    @router.post(
        f"/{collection}:import",
        summary=f"Import {collection} from CSV (UTF-8 or Windows-1250) or JSON; dry_run validates only",
        operation_id=f"import{many}",
        openapi_extra=import_body(input_schema, collection),
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
        schedule_invalidation(background, invalidator, transfer.merge_invalidations(invalidations))
        return report

    @router.get(
        f"/manage/{collection}",
        summary=f"{collection} of the caller's voivodeship",
        description="Counted exactly: numberMatchedRelation is always eq.",
        operation_id=f"listManaged{many}",
        response_model=page_schema,
        openapi_extra=SEARCH_OPENAPI,
    )
    async def moderation_queue(
        request: Request,
        session: SessionDep,
        principal: EditorDep,
        params: SearchDep,
        page: PageDep,
        status: Annotated[
            list[Literal["draft", "submitted", "published", "archived"]], Query()
        ] = [],  # noqa: B006
    ) -> dict[str, Any]:
        params = params.model_copy(update={"statuses": status or ["submitted"]})
        items, total = await service.moderation_queue(
            session,
            principal=principal,
            kind=kind,
            params=params,
            limit=page.limit,
            offset=page.offset,
        )
        body = page_body(request, page, key=item_key, items=items, total=total)
        return {**body, "numberMatchedRelation": "eq"}

    @router.get(
        f"/manage/{collection}/{{ref}}",
        summary=f"A {kind} in any status",
        operation_id=f"getManaged{one}",
        response_model=output_schema,
    )
    async def get_managed(ref: str, session: SessionDep, principal: EditorDep) -> Any:
        return await service.get_managed(session, principal=principal, kind=kind, ref=ref)

    return router
