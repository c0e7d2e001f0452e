"""The writes authenticate before they read a body, and no body is held past the limit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

Keys = Any

CHUNK = b"x" * 65_536
CHUNKS = 200  # 13 MB, more than the body limit


class Body:
    """A streamed request body that counts the chunks the server pulled."""

    def __init__(self, chunks: int = CHUNKS) -> None:
        self.chunks = chunks
        self.pulled = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.chunks):
            self.pulled += 1
            yield CHUNK


WRITES = [
    ("POST", "/v1/practices"),
    ("PATCH", "/v1/practices/some-practice"),
    ("POST", "/v1/practices:import"),
    ("POST", "/v1/providers"),
    ("PATCH", "/v1/providers/some-provider"),
    ("POST", "/v1/providers:import"),
]


@pytest.mark.parametrize(("method", "path"), WRITES)
@pytest.mark.parametrize("key", [None, "reader24"])
async def test_writes_refuse_a_caller_before_reading_the_body(
    client: httpx.AsyncClient, keys: Keys, method: str, path: str, key: str | None
) -> None:
    body = Body()
    headers = {"Content-Type": "application/json", **(keys.headers[key] if key else {})}
    response = await client.request(method, path, content=body, headers=headers)
    assert response.status_code == (401 if key is None else 403), response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert body.pulled <= 1


@pytest.mark.parametrize(("method", "path"), WRITES)
async def test_an_editor_body_past_the_limit_is_refused_while_streaming(
    client: httpx.AsyncClient, keys: Keys, method: str, path: str
) -> None:
    body = Body()
    response = await client.request(
        method, path, content=body, headers={**keys.editor24, "Content-Type": "text/csv"}
    )
    assert response.status_code == 413, response.text
    assert response.json()["limit"] == 5_000_000
    # Refused at the limit: the rest of the stream is never pulled.
    assert body.pulled == 5_000_000 // len(CHUNK) + 1


async def test_a_declared_length_past_the_limit_is_refused_unread(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    body = Body()
    response = await client.post(
        "/v1/practices:import",
        content=body,
        headers={**keys.editor24, "Content-Type": "text/csv", "Content-Length": "5000001"},
    )
    assert response.status_code == 413
    assert body.pulled == 0


async def test_an_import_at_the_limit_is_read(client: httpx.AsyncClient, keys: Keys) -> None:
    header = b"title;summary\r\n"
    rows = b"x;y\r\n" * ((5_000_000 - len(header)) // 5)
    response = await client.post(
        "/v1/practices:import",
        params={"dry_run": "true"},
        content=header + rows,
        headers={**keys.editor24, "Content-Type": "text/csv"},
    )
    # Read in full, then refused for its rows (not its bytes).
    assert response.status_code == 413, response.text
    assert "rows" in response.json()["detail"]


async def test_a_csv_cell_past_the_csv_field_limit_is_a_422(
    client: httpx.AsyncClient, keys: Keys
) -> None:
    body = b"title;summary\r\nx;" + b"y" * 200_000 + b"\r\n"
    response = await client.post(
        "/v1/practices:import",
        content=body,
        headers={**keys.editor24, "Content-Type": "text/csv"},
    )
    assert response.status_code == 422, response.text
    assert "after line 1" in response.json()["detail"]
