"""Codes of Polish territorial units and periods, written once for every service.

TERC (TERYT's register of territorial division): a voivodeship has 2 digits, a powiat 4, a
gmina 7 (the last is the gmina's type). socmap's districts (osiedla) are ``<gmina>-<nn>``
(2 or 3 digits). SIMC (localities) has 7 digits, ULIC (streets) 5.

Each pattern is given bare (``*_RE``, to match whole with ``fullmatch`` or to compose) and as a
Pydantic type anchored at both ends (the form OpenAPI and JSON Schema expect)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints

VOIVODESHIP_RE = r"[0-9]{2}"
POWIAT_RE = r"[0-9]{4}"
GMINA_RE = r"[0-9]{7}"
DISTRICT_RE = r"[0-9]{7}-[0-9]{2,3}"
# A TERC code of any level: the prefix that selects "this territory at any level".
TERC_PREFIX_RE = r"[0-9]{2}(?:[0-9]{2}(?:[0-9]{3})?)?"
# A unit of any level: TERC of any level or a district.
UNIT_RE = r"[0-9]{2}(?:[0-9]{2}(?:[0-9]{3}(?:-[0-9]{2,3})?)?)?"
SIMC_RE = r"[0-9]{7}"
ULIC_RE = r"[0-9]{5}"
# A period of a release: a year or a quarter.
PERIOD_RE = r"[0-9]{4}(?:-Q[1-4])?"

# The level of a unit code by its form.
LEVEL_PATTERNS: dict[str, re.Pattern[str]] = {
    "voivodeship": re.compile(VOIVODESHIP_RE),
    "powiat": re.compile(POWIAT_RE),
    "gmina": re.compile(GMINA_RE),
    "district": re.compile(DISTRICT_RE),
}


def anchored(pattern: str) -> str:
    """``pattern`` matched whole, as JSON Schema (which searches) and Pydantic need it."""
    return f"^(?:{pattern})$"


def _code(pattern: str) -> object:
    return StringConstraints(pattern=anchored(pattern))


VoivodeshipCode = Annotated[str, _code(VOIVODESHIP_RE)]
GminaCode = Annotated[str, _code(GMINA_RE)]
DistrictCode = Annotated[str, _code(DISTRICT_RE)]
TercPrefix = Annotated[str, _code(TERC_PREFIX_RE)]
UnitCode = Annotated[str, _code(UNIT_RE)]
SimcCode = Annotated[str, _code(SIMC_RE)]
UlicCode = Annotated[str, _code(ULIC_RE)]
Period = Annotated[str, _code(PERIOD_RE)]


def unit_level(code: str) -> str | None:
    """``voivodeship``/``powiat``/``gmina``/``district`` by the code's form, else None."""
    for level, pattern in LEVEL_PATTERNS.items():
        if pattern.fullmatch(code):
            return level
    return None


def voivodeship_of(code: str) -> str:
    """The voivodeship of any unit code (``2461011-03`` → ``24``)."""
    return code[:2]
