"""Geocoding through the address register: a postal address → a point of ``geo.address_point``
(the PRG address points ``socmap geo addresses import`` keeps).

:func:`locate` finds the locality (by SIMC, or by name within a gmina, or by name alone), the
street in it (``shared.geo.names``: ``ul. Karola Miarki``, ``Miarki`` and ``KAROLA MIARKI``
are one key; a street filed under the locality's parent or one of its parts is found too), and
then, in order:

1. ``address``: the point of the house number (``12a m. 3`` is looked up as ``12A``; ``12/14``
   as itself, then as ``12``). Exact.
2. ``street``: the street's points. With a house number the register lacks: the points of the
   same number (``12`` and ``12B`` for ``12A``), else the point between the nearest lower and
   higher numbers on its side of the street (odd or even, interpolated by number), else the
   nearest of them; without a number, the street's point nearest to their centre.
   Approximate.
3. ``locality``: the locality's point nearest to the centre of its points (of the postal code
   only, when one is given and the register has it: a part of a big city rather than its
   middle). Approximate.

Nothing is guessed: a name that matches two localities, or a key that names two streets of
one locality, gives no answer at that level (a postal code may tell two localities apart).
A locality without address points gives None.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from shared.geo import repository
from shared.geo.addresses import house_number, normalize_house_number, normalize_postal_code
from shared.geo.names import normalize_locality, normalize_street
from shared.geo.repository import Reader

SOURCE = "address_register"
MATCHES = ("address", "street", "locality")
# A house number at the end of an address line: "11", "11a", "6 A", "12/14", "5 m. 12".
_ADDRESS_LINE = re.compile(
    r"^(?P<street>.*?[^\d\s/,])[\s,]+"
    r"(?P<number>\d+\s?[A-Za-z]?(?:\s*/\s*\d+\s?[A-Za-z]?)?"
    r"(?:\s+(?:m|lok|lokal)\.?\s*\d+[A-Za-z]?)?)\s*$"
)


@dataclass(frozen=True, slots=True)
class Located:
    """Where the register places an address.

    ``source`` is what a provider records as its ``point_source``; ``match`` how close the
    register came (``address``, ``street`` or ``locality``); ``approximate`` is true unless the
    house number itself was found. ``simc`` is the locality the point belongs to, ``gmina``
    its TERC; ``postal_code`` is the address point's own (exact matches only)."""

    lon: float
    lat: float
    match: str
    approximate: bool
    simc: str
    gmina: str | None = None
    postal_code: str | None = None
    source: str = SOURCE


def split_address_line(line: str | None) -> tuple[str | None, str | None]:
    """A street line (HSDS ``address_1``) → (street, house number): ``ul. Karola Miarki 11``
    → (``ul. Karola Miarki``, ``11``); a line without a trailing number is all street."""
    text = (line or "").strip().rstrip(",; ")
    if not text:
        return None, None
    match = _ADDRESS_LINE.match(text)
    if match is None:
        return text, None
    return match.group("street").strip(), match.group("number").strip()


def _number_forms(number: str | None) -> list[str]:
    """The forms a house number is looked up under: itself, then the building of ``12/3``."""
    normalized = normalize_house_number(number)
    if normalized is None:
        return []
    forms = [normalized]
    building = normalized.split("/", 1)[0]
    if building and building != normalized:
        forms.append(building)
    return forms


@dataclass(frozen=True, slots=True)
class _Point:
    simc: str
    number: str | None
    value: int | None
    lon: float
    lat: float
    postal_code: str | None
    gmina: str | None


def _centre(points: Sequence[_Point]) -> tuple[float, float]:
    return (
        sum(point.lon for point in points) / len(points),
        sum(point.lat for point in points) / len(points),
    )


def _nearest(points: Sequence[_Point], lon: float, lat: float) -> _Point:
    """The point nearest to (lon, lat), longitudes scaled to the latitude's metres."""
    scale = math.cos(math.radians(lat))
    return min(points, key=lambda p: ((p.lon - lon) * scale) ** 2 + (p.lat - lat) ** 2)


def _between(points: Sequence[_Point], value: int) -> tuple[float, float] | None:
    """The place of house number ``value`` from its neighbours on the street: the same number
    (``12`` and ``12B`` for ``12A``), else interpolated between the nearest lower and higher
    numbers of its side (odd/even; any side when its own has none), else the nearest one."""
    numbered = [point for point in points if point.value is not None]
    same = [point for point in numbered if point.value == value]
    if same:
        return _centre(same)
    side = [point for point in numbered if point.value is not None and point.value % 2 == value % 2]
    side = side or numbered
    lower = [point.value for point in side if point.value is not None and point.value < value]
    higher = [point.value for point in side if point.value is not None and point.value > value]
    below = _centre([p for p in side if p.value == max(lower)]) if lower else None
    above = _centre([p for p in side if p.value == min(higher)]) if higher else None
    if below is not None and above is not None:
        share = (value - max(lower)) / (min(higher) - max(lower))
        return (
            below[0] + (above[0] - below[0]) * share,
            below[1] + (above[1] - below[1]) * share,
        )
    return below or above


def _on_street(points: Sequence[_Point], number: str | None) -> Located:
    """Place ``number`` on a street of the register (see the module docstring, 1 and 2)."""
    simc = points[0].simc
    gmina = next((point.gmina for point in points if point.gmina), None)
    for form in _number_forms(number):
        exact = [point for point in points if point.number == form]
        if exact:
            lon, lat = _centre(exact)
            return Located(lon, lat, "address", False, simc, gmina, exact[0].postal_code)
    value = house_number(number)
    place = _between(points, value) if value is not None else None
    if place is None:
        middle = _nearest(points, *_centre(points))
        place = (middle.lon, middle.lat)
    return Located(place[0], place[1], "street", True, simc, gmina)


_Street = tuple[str, str]  # (SIMC, ULIC id or "name:<street key>")


def _street(
    rows: Sequence[Mapping[str, Any]], family: Mapping[str, int]
) -> tuple[_Street, list[_Point]] | None:
    """The one street a key names in a locality's family, and its points: the locality's own
    street first, then its parent's, then its parts'. None when the key names no street there,
    or two streets at the nearest level that has one."""
    by_place: dict[str, dict[str, list[_Point]]] = {}
    for row in rows:
        if row["simc"] not in family:
            continue
        street = row["ulic"] or f"name:{row['street_key']}"
        by_place.setdefault(row["simc"], {}).setdefault(street, []).append(
            _Point(
                simc=row["simc"],
                number=row["number"],
                value=row["number_value"],
                lon=float(row["lon"]),
                lat=float(row["lat"]),
                postal_code=row["postal_code"],
                gmina=row["gmina_code"],
            )
        )
    for rank in sorted(set(family.values())):
        streets = [
            ((simc, street), points)
            for simc, found in by_place.items()
            if family[simc] == rank
            for street, points in found.items()
        ]
        if len(streets) == 1:
            return streets[0]
        if streets:
            return None  # two streets of one name: nothing is guessed
    return None


async def _families(db: Reader, candidates: Sequence[str]) -> dict[str, dict[str, int]]:
    """Each candidate locality → its members with their rank: itself 0, its parent 1, its
    parts 2."""
    rows = await repository.locality_families(db, candidates)
    parent_of = dict(rows)
    families: dict[str, dict[str, int]] = {}
    for simc in candidates:
        family = {simc: 0}
        parent = parent_of.get(simc)
        if parent:
            family.setdefault(parent, 1)
        for member, member_parent in rows:
            if member_parent == simc:
                family.setdefault(member, 2)
        families[simc] = family
    return families


async def locate(
    db: Reader,
    *,
    street: str | None = None,
    number: str | None = None,
    city: str | None = None,
    simc: str | None = None,
    postal_code: str | None = None,
    gmina: str | None = None,
) -> Located | None:
    """Place an address with the address register (see the module docstring).

    ``db`` is an ``AsyncSession`` (the write side) or a raw asyncpg connection, pool or
    ``shared.db.raw.Database``. The locality is ``simc``, or the locality named ``city``
    (within ``gmina``, a TERC, when given), or, with neither, the one locality of ``gmina``
    whose street ``street`` is. None when the register cannot place the address."""
    name_key = normalize_locality(city) if city and city.strip() else None
    if simc is None and name_key is None and gmina is None:
        return None
    key = normalize_street(street) if street and street.strip() else None
    postal = normalize_postal_code(postal_code)
    localities = await repository.find_localities(db, simc=simc, name_key=name_key, gmina=gmina)
    candidates = [place for place, _parent in localities]
    if simc is not None and not candidates:
        candidates = [simc]  # points of a locality the TERYT import lacks
    if not candidates:
        return None
    families = await _families(db, candidates)

    if key is not None:
        members = sorted({member for family in families.values() for member in family})
        rows = await repository.street_points(db, simcs=members, street_key=key)
        # The street each candidate names (two candidates may name one: a city and its part).
        streets = dict(
            found for place in candidates if (found := _street(rows, families[place])) is not None
        )
        if len(streets) > 1 and postal is not None:
            streets = {
                name: points
                for name, points in streets.items()
                if any(point.postal_code == postal for point in points)
            }
        if len(streets) == 1:
            (points,) = streets.values()
            return _on_street(points, number)
        if len(streets) > 1:
            return None

    if len(candidates) > 1 and postal is not None:
        with_code = await repository.localities_with_postal_code(
            db, simcs=candidates, postal_code=postal
        )
        candidates = [place for place in candidates if place in with_code]
    if len(candidates) != 1:
        return None
    (place,) = candidates
    return await _locality(db, place, families.get(place, {place: 0}), postal)


async def _locality(
    db: Reader, place: str, family: Mapping[str, int], postal: str | None
) -> Located | None:
    """The locality's point: of its own points and its parts' (of the postal code first);
    a part without points falls back to its parent's."""
    own = [member for member, rank in family.items() if rank in (0, 2)]
    parent = [member for member, rank in family.items() if rank == 1]
    for simcs in (own, parent):
        if not simcs:
            continue
        for code in dict.fromkeys((postal, None)):
            found = await repository.locality_point(db, simcs=simcs, postal_code=code)
            if found is not None:
                return Located(
                    float(found["lon"]),
                    float(found["lat"]),
                    "locality",
                    True,
                    place,
                    found["gmina_code"],
                )
    return None
