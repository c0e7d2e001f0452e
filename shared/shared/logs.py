"""Structured JSON logs carrying the request id of the request being served."""

from __future__ import annotations

import logging
import sys
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from shared.jsonutil import dumps

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

_STANDARD_ATTRS = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and extras."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return dumps(entry).decode()

    def formatException(self, ei: Any) -> str:
        return safe_traceback(ei[1])


class PlainFormatter(logging.Formatter):
    """The human-readable format, with the same message-free tracebacks."""

    def formatException(self, ei: Any) -> str:
        return safe_traceback(ei[1])


def safe_traceback(exc: BaseException | None) -> str:
    """A traceback that names the exception classes and the frames but never carries an
    exception's message: messages of database and parsing errors embed the values at fault
    (bound SQL parameters, a row of a batch, a location), which must never reach a log."""
    if exc is None:
        return ""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        chunk = [f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]
        kind = type(current)
        code = getattr(current, "sqlstate", None) or getattr(current, "pgcode", None)
        chunk.append(f"{kind.__module__}.{kind.__qualname__}" + (f" [{code}]" if code else ""))
        lines[:0] = chunk
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.insert(0, "  (caused)")
    return "\n".join(lines)


def configure_logging(service: str, *, level: str = "INFO", json: bool = True) -> None:
    """Send every log record (uvicorn's included) to stderr, as JSON unless ``json`` is off."""
    handler = logging.StreamHandler(sys.stderr)
    if json:
        handler.setFormatter(JsonFormatter(service))
    else:
        handler.setFormatter(PlainFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Requests are logged by the request middleware with their id and route template;
    # uvicorn's line and httpx's (outgoing calls) repeat them with whole URLs, ids included.
    # At DEBUG, SQLAlchemy would log statements' parameters and result rows (locations, case
    # hashes): never, whatever the level.
    for name in ("uvicorn.access", "httpx", "sqlalchemy"):
        logging.getLogger(name).setLevel(logging.WARNING)
