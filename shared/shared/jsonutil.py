"""Fast JSON (orjson) used for every response body and log line."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse

_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY


def dumps(value: Any) -> bytes:
    """Serialize to JSON bytes (UUIDs, datetimes and dataclasses included)."""
    return orjson.dumps(value, option=_OPTIONS, default=str)


class FastJSONResponse(JSONResponse):
    """JSON response rendered with orjson."""

    def render(self, content: Any) -> bytes:
        return dumps(content)
