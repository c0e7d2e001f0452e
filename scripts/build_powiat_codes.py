"""Build data/geo/powiat-codes.csv: a TERC code for each feature of data/geo/powiaty.geojson.

The powiat file has no codes. TERC numbers the land powiats of a voivodeship alphabetically
(01, 02, ...) and its cities with powiat rights alphabetically from 61, so the codes can be
derived from the names, in Polish alphabetical order. Later changes to the register (powiats
created or abolished after 1999) break that rule, so only the codes confirmed by shipped data are
marked ``code_verified=yes``: those of data/reference/gwd-cities.csv (the first four digits of
each municipality's verified TERC) and three named in reference/domain-poland.md (2402 powiat
bielski, 0223 powiat wrocławski, 2475 Sosnowiec).
A derived code that contradicts a verified one is replaced by the verified code and reported.

Usage: uv run python scripts/build_powiat_codes.py
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

from shared.geo.demo import VOIVODESHIP_CODES

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "data" / "geo"
OUTPUT = GEO / "powiat-codes.csv"

# Verified outside gwd-cities.csv, in reference/domain-poland.md: §3 "Surrounding powiat bielski =
# 2402"; §5, the two BDL unit ids checked against TERYT (powiat wrocławski 0223, Sosnowiec 2475011).
EXTRA_VERIFIED = {
    ("powiat bielski", "śląskie"): "2402",
    ("powiat wrocławski", "dolnośląskie"): "0223",
    ("powiat Sosnowiec", "śląskie"): "2475",
}

# The Polish alphabet; a space or hyphen sorts before every letter, as in dictionaries.
_ALPHABET = " -aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}


def polish_key(name: str) -> tuple[int, ...]:
    """Sort key of a name in Polish alphabetical order (case-insensitive)."""
    return tuple(_RANK.get(letter, len(_ALPHABET) + ord(letter)) for letter in name.lower())


def is_city(name: str) -> bool:
    """Cities with powiat rights are named "powiat Bielsko-Biała", land powiats in lower case."""
    return name.removeprefix("powiat ")[:1].isupper()


def verified_codes() -> dict[tuple[str, str], str]:
    """(nazwa, wojewodztwo) → powiat code confirmed by the shipped data."""
    codes = dict(EXTRA_VERIFIED)
    with (ROOT / "data" / "reference" / "gwd-cities.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["terc_verified"] == "yes":
                codes[(row["powiat_feature_name"], row["voivodeship"])] = row["terc"][:4]
    return codes


def main() -> int:
    features = json.loads((GEO / "powiaty.geojson").read_text(encoding="utf-8"))["features"]
    by_voivodeship: dict[str, list[str]] = defaultdict(list)
    for feature in features:
        properties = feature["properties"]
        by_voivodeship[properties["wojewodztwo"]].append(properties["nazwa"])
    verified = verified_codes()
    rows = []
    contradictions = []
    for voivodeship, names in sorted(by_voivodeship.items(), key=lambda item: polish_key(item[0])):
        prefix = VOIVODESHIP_CODES[voivodeship]
        land = sorted((name for name in names if not is_city(name)), key=polish_key)
        cities = sorted((name for name in names if is_city(name)), key=polish_key)
        numbered = [(name, f"{number:02d}") for number, name in enumerate(land, start=1)]
        numbered += [(name, f"{number:02d}") for number, name in enumerate(cities, start=61)]
        for name, number in numbered:
            code = prefix + number
            confirmed = verified.get((name, voivodeship))
            if confirmed is not None and confirmed != code:
                contradictions.append(
                    f"{name} ({voivodeship}): derived {code}, verified {confirmed}"
                )
                code = confirmed
            rows.append(
                {
                    "nazwa": name,
                    "wojewodztwo": voivodeship,
                    "code": code,
                    "code_verified": "yes" if confirmed is not None else "no",
                }
            )
    missing = sorted(set(verified) - {(row["nazwa"], row["wojewodztwo"]) for row in rows})
    if missing:
        print(f"verified powiats not found in powiaty.geojson: {missing}", file=sys.stderr)
        return 1
    duplicates = len(rows) - len({row["code"] for row in rows})
    if duplicates:
        print(f"{duplicates} duplicate code(s)", file=sys.stderr)
        return 1
    rows.sort(key=lambda row: row["code"])
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    checked = sum(1 for row in rows if row["code_verified"] == "yes")
    print(
        f"{OUTPUT.relative_to(ROOT)}: {len(rows)} powiats; {checked} verified codes, "
        f"{checked - len(contradictions)} of them reproduced by the derivation"
    )
    for line in contradictions:
        print(f"contradiction, verified code kept: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
