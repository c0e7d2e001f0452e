"""Polish identifiers and other field checks shared by the input schemas and the importer."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"^[0-9]+$")
_SEPARATORS = re.compile(r"[\s-]")
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_PHONE = re.compile(r"^\+?[0-9]{7,15}$")
# TERC codes of the voivodeships: every TERC code starts with one.
VOIVODESHIPS = {
    "02": "dolnośląskie",
    "04": "kujawsko-pomorskie",
    "06": "lubelskie",
    "08": "lubuskie",
    "10": "łódzkie",
    "12": "małopolskie",
    "14": "mazowieckie",
    "16": "opolskie",
    "18": "podkarpackie",
    "20": "podlaskie",
    "22": "pomorskie",
    "24": "śląskie",
    "26": "świętokrzyskie",
    "28": "warmińsko-mazurskie",
    "30": "wielkopolskie",
    "32": "zachodniopomorskie",
}

_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
_REGON9_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)
_REGON14_WEIGHTS = (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)

_POLISH_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def digits_only(value: str) -> str:
    """Strip spaces and hyphens (``123-456-32-18`` → ``1234563218``)."""
    return _SEPARATORS.sub("", value)


def nip_is_valid(nip: str) -> bool:
    """NIP: 10 digits, the last one is the weighted sum of the first nine mod 11 (never 10)."""
    if len(nip) != 10 or not _DIGITS.match(nip):
        return False
    check = sum(int(d) * w for d, w in zip(nip, _NIP_WEIGHTS, strict=False)) % 11
    return check != 10 and check == int(nip[9])


def regon_is_valid(regon: str) -> bool:
    """REGON: 9 or 14 digits with a mod-11 check digit (10 counts as 0)."""
    if not _DIGITS.match(regon) or len(regon) not in (9, 14):
        return False
    weights = _REGON9_WEIGHTS if len(regon) == 9 else _REGON14_WEIGHTS
    check = sum(int(d) * w for d, w in zip(regon, weights, strict=False)) % 11 % 10
    return check == int(regon[-1])


def krs_is_valid(krs: str) -> bool:
    """KRS: exactly 10 digits, not all zero (the register number carries no check digit)."""
    return len(krs) == 10 and bool(_DIGITS.match(krs)) and krs != "0" * 10


def normalize_phone(value: str) -> str | None:
    """A phone number in a canonical form (``+48 12 345 67 89`` → ``+48123456789``), or None.

    Nine digits without a prefix are taken as Polish numbers."""
    compact = re.sub(r"[\s().-]", "", value)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not _PHONE.match(compact):
        return None
    if not compact.startswith("+"):
        if len(compact) != 9:
            return None
        compact = "+48" + compact
    return compact


def slugify(text: str, *, max_length: int = 100) -> str:
    """An ASCII slug from a Polish title (``Łódź: seniorzy`` → ``lodz-seniorzy``)."""
    ascii_text = text.translate(_POLISH_ASCII).lower()
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-") or "record"


def territory_prefixes(codes: list[str]) -> list[str]:
    """Every TERC prefix (2, 4, 7 digits) of the given codes, for "territory at any level"."""
    prefixes: set[str] = set()
    for code in codes:
        for length in (2, 4, 7):
            if len(code) >= length:
                prefixes.add(code[:length])
    return sorted(prefixes)


def voivodeship_is_valid(code: str) -> bool:
    """Whether a TERC code (of any level) starts with a voivodeship's code."""
    return code[:2] in VOIVODESHIPS
