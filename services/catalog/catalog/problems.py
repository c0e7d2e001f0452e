"""Field errors of the catalog's problems (``shared.errors.FieldError``), for the routes'
parameters, the write side's checks and the import report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from shared.errors import field_path


def field_error(
    field: str | Sequence[str | int], code: str, message: str, *, location: str = "body"
) -> dict[str, Any]:
    """One field error; ``field`` as a path (``("services", 0, "area_tercs")`` →
    ``services[0].area_tercs``) or written out."""
    path = field if isinstance(field, str) else field_path(field)
    return {"field": path, "location": location, "code": code, "message": message}


def validation_errors(exc: ValidationError, *, row: int | None = None) -> list[dict[str, Any]]:
    """The errors of a pydantic validation as field errors (with the import row, if any)."""
    errors = []
    for error in exc.errors():
        entry = field_error(error["loc"], error["type"], error["msg"])
        errors.append(entry if row is None else {"row": row, **entry})
    return errors
