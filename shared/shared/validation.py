"""Input types shared by the services' models."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError


def _storable(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("nul_character", "Text must not contain NUL characters.")
    return value


# Text PostgreSQL can store: ``text`` and ``jsonb`` refuse NUL characters (a 422 here, not a
# failed statement).
StoredText = Annotated[str, AfterValidator(_storable)]
