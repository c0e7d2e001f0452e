from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AbstractAsyncContextManager
from typing import Any, get_args, get_origin

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.app import create_app
from catalog.settings import CatalogSettings
from shared.errors import field_path
from shared.institutions import create_api_key, create_institution
from shared.testing.plugin import raw_database

ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


AppFactory = Callable[..., Awaitable[FastAPI]]


@pytest.fixture
def make_app(db_session: AsyncSession) -> AppFactory:
    """``await make_app(settings, **create_app_options)``: the app, its read side reading in
    the test transaction as the service's role (the lifespan, which opens the pool, does not
    run under the test client)."""

    async def build(settings: CatalogSettings | None = None, **options: Any) -> FastAPI:
        app = create_app(settings or CatalogSettings(map_tiles_url=None), **options)
        app.state.reader = await raw_database(db_session, role="socmap_catalog")
        return app

    return build


@pytest.fixture
async def app(make_app: AppFactory) -> FastAPI:
    return await make_app()


@pytest.fixture
async def client(app: FastAPI, make_client: ClientFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(app, role="socmap_catalog") as test_client:
        yield test_client


class Keys:
    """Bearer headers of ROPS editors and moderators (śląskie = 24, dolnośląskie = 02)."""

    def __init__(self) -> None:
        self.headers: dict[str, dict[str, str]] = {}

    def __getattr__(self, name: str) -> dict[str, str]:
        return self.headers[name]


@pytest.fixture
async def keys(db_session: AsyncSession) -> Keys:
    result = Keys()
    for name, territory, scopes in (
        ("editor24", ["24"], ["catalog:edit"]),
        ("moderator24", ["24"], ["catalog:edit", "catalog:moderate"]),
        ("editor02", ["02"], ["catalog:edit"]),
        ("moderator02", ["02"], ["catalog:edit", "catalog:moderate"]),
        ("reader24", ["24"], ["records:write"]),
    ):
        institution = await create_institution(
            db_session, kind="ROPS", name=f"ROPS test {name}", territory=territory
        )
        issued = await create_api_key(db_session, institution=institution, name=name, scopes=scopes)
        result.headers[name] = {"Authorization": f"Bearer {issued.token}"}
    national = await create_institution(
        db_session, kind="SERVICE", name="ROPS test national", territory=[]
    )
    issued = await create_api_key(
        db_session,
        institution=national,
        name="national",
        scopes=["catalog:edit", "catalog:moderate"],
    )
    result.headers["national"] = {"Authorization": f"Bearer {issued.token}"}
    return result


def _practice_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "title": "Ośrodek wsparcia dla seniorów w Bielsku-Białej",
        "summary": "Dzienny ośrodek wsparcia prowadzi zajęcia dla osób starszych.",
        "problem_addressed": "Samotność i wykluczenie osób starszych.",
        "evidence_level": "monitored",
        "lifecycle_status": "implemented",
        "target_groups": ["seniors"],
        "service_areas": ["social_assistance"],
        "categories": ["disability"],
        "area_tercs": ["2461011"],
        "start_year": 2015,
        "end_year": 2018,
        "contact": {"name": "Jan Kowalski", "email": "jan@example.org", "phone": "33 123 45 67"},
        "links": [{"url": "https://example.org/praktyka", "title": "Opis"}],
    }
    payload.update(overrides)
    return payload


async def _publish_practice(
    client: httpx.AsyncClient, keys: Keys, *, moderator: str = "moderator24", **overrides: Any
) -> dict[str, Any]:
    created = await client.post(
        "/v1/practices", json=_practice_payload(**overrides), headers=keys.headers[moderator]
    )
    assert created.status_code == 201, created.text
    published = await client.post(
        f"/v1/practices/{created.json()['id']}:publish", headers=keys.headers[moderator]
    )
    assert published.status_code == 200, published.text
    body: dict[str, Any] = published.json()
    return body


@pytest.fixture
def practice_payload() -> Callable[..., dict[str, Any]]:
    """``practice_payload(**overrides)``: a valid practice input."""
    return _practice_payload


@pytest.fixture
def publish_practice(client: httpx.AsyncClient, keys: Keys) -> Callable[..., Any]:
    """``await publish_practice(**overrides)``: create and publish as moderator24."""

    async def publish(moderator: str = "moderator24", **overrides: Any) -> dict[str, Any]:
        return await _publish_practice(client, keys, moderator=moderator, **overrides)

    return publish


FieldPath = tuple[str | int, ...]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _input_paths(model: type[BaseModel], prefix: FieldPath = ()) -> Iterator[FieldPath]:
    """Every field of an input model, nested models' fields and list items included."""
    for name, field in model.model_fields.items():
        annotation = field.annotation
        listed = get_origin(annotation) is list
        nested = _model_of(get_args(annotation)[0] if listed else annotation)
        path = (*prefix, name, 0) if listed else (*prefix, name)
        if nested is None:
            yield path
        else:
            yield from _input_paths(nested, path)


def _with_nul(payload: dict[str, Any], path: FieldPath) -> dict[str, Any]:
    """A copy of ``payload`` with NUL at ``path`` (objects and list items made as needed)."""
    body = copy.deepcopy(payload)
    *parents, leaf = path
    value: Any = "a\x00"
    if isinstance(leaf, int):  # a list of text: NUL in its one item
        *parents, leaf = parents
        value = [value]
    container: Any = body
    for part, following in zip(parents, [*parents[1:], leaf], strict=False):
        if isinstance(part, int):  # the first item of a list of objects
            if not container:
                container.append({})
            container = container[0]
        else:
            if container.get(part) is None:
                container[part] = [] if isinstance(following, int) else {}
            container = container[part]
    container[leaf] = value
    return body


@pytest.fixture
def nul_bodies() -> Callable[..., list[tuple[str, dict[str, Any]]]]:
    """``nul_bodies(PracticeIn, payload)``: for every field of the model, nested ones
    included, a copy of ``payload`` with NUL there and the path of the field error expected
    (a list of text is at fault as a whole)."""

    def bodies(model: type[BaseModel], payload: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        cases = []
        for path in _input_paths(model):
            body = _with_nul(payload, path)
            at_fault = path[:-1] if isinstance(path[-1], int) else path
            cases.append((field_path(at_fault), body))
        return cases

    return bodies
