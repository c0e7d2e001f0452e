"""``limit``/``offset`` pagination with totals and ``next``/``prev`` links (DESIGN §4)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Query, Request
from pydantic import BaseModel, Field

# Offsets reach SQL as 32-bit integers in places; offset + limit stays inside them.
MAX_OFFSET = 2_000_000_000
MAX_LIMIT = 1000


class PageParams(BaseModel):
    limit: int = Field(default=50, ge=1, le=MAX_LIMIT)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)


async def _page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(_page_params)]


class Link(BaseModel):
    href: str
    rel: str
    type: str = "application/json"


class Page(BaseModel):
    """The envelope of a list (its items under a key of the subclass's own)."""

    numberMatched: int = Field(description="Items matching the query")
    numberReturned: int = Field(description="Items in this page")
    links: list[Link] = Field(description="`self`, and `next`/`prev` when there are more")


def page_links(request: Request, page: PageParams, *, total: int, returned: int) -> list[Link]:
    """``self``, and ``next``/``prev`` when there are more items either side (the same query
    with ``offset`` moved to the end and set)."""
    current = str(request.url)
    links = [Link(href=current, rel="self")]
    base = current.split("?", 1)[0]
    kept = [(key, value) for key, value in request.query_params.multi_items() if key != "offset"]

    def at(offset: int) -> str:
        return f"{base}?{urlencode([*kept, ('offset', str(offset))])}"

    if page.offset + returned < total:
        links.append(Link(href=at(page.offset + page.limit), rel="next"))
    if page.offset > 0:
        links.append(Link(href=at(max(0, page.offset - page.limit)), rel="prev"))
    return links


def page_body(
    request: Request, page: PageParams, *, key: str, items: list[Any], total: int
) -> dict[str, Any]:
    """A list response: ``{key: items, numberMatched, numberReturned, links}``."""
    return {
        key: items,
        "numberMatched": total,
        "numberReturned": len(items),
        "links": [
            link.model_dump()
            for link in page_links(request, page, total=total, returned=len(items))
        ],
    }
