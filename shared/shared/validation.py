"""Input types shared by the services' models."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError


def refuse_nul(code: str, message: str) -> Callable[[str], str]:
    """A validator of text PostgreSQL can store: ``text`` and ``jsonb`` refuse NUL characters,
    so a NUL is a field error (``code``) of the model, never a failed statement."""

    def storable(value: str) -> str:
        if "\x00" in value:
            raise PydanticCustomError(code, message)
        return value

    return storable


StoredText = Annotated[
    str, AfterValidator(refuse_nul("nul_character", "Text must not contain NUL characters."))
]
