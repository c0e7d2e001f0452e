"""Where a record belongs and who may write it: its voivodeship, the agreement of its TERC
codes with it, and the API key's territory. Both sides use it: the write side checks what an
editor sends, the manage reads check what a key may see."""

from __future__ import annotations

from typing import Any

from catalog.problems import field_error
from catalog.schemas import PracticeIn, ProviderIn
from shared.auth import Principal
from shared.errors import Forbidden, ValidationFailed

# Fields of a record that place it (a patch touching one checks its territory again).
TERRITORY_FIELDS = frozenset({"country", "voivodeship", "area_tercs", "terc", "services"})


def _territory_codes(data: PracticeIn | ProviderIn) -> list[tuple[str, str]]:
    """Every TERC code of a record with the path of its field."""
    codes = [(f"area_tercs[{index}]", code) for index, code in enumerate(data.area_tercs)]
    if isinstance(data, ProviderIn):
        if data.terc:
            codes.append(("terc", data.terc))
        codes += [
            (f"services[{number}].area_tercs[{index}]", code)
            for number, service in enumerate(data.services)
            for index, code in enumerate(service.area_tercs)
        ]
    return codes


def owning_voivodeship(principal: Principal, data: PracticeIn | ProviderIn) -> str | None:
    """The voivodeship a record belongs to: the one given, else the one of its area (and a
    provider's TERC), else for a Polish record with no area the key's (when it has one).
    None: the record belongs to no voivodeship (abroad, or an area over several)."""
    if data.voivodeship:
        return data.voivodeship
    codes = list(data.area_tercs)
    if isinstance(data, ProviderIn) and data.terc:
        codes.append(data.terc)
    regions = {code[:2] for code in codes}
    if len(regions) == 1:
        return regions.pop()
    if regions or (isinstance(data, PracticeIn) and data.country != "PL"):
        return None
    own = {prefix[:2] for prefix in principal.territory or ()}
    return own.pop() if len(own) == 1 else None


def territory_errors(
    principal: Principal, data: PracticeIn | ProviderIn, voivodeship: str | None
) -> list[dict[str, Any]]:
    """Where a record's territory (``voivodeship``, its own, and every TERC code) contradicts
    itself or leaves the key's territory, as field errors. A practice abroad has no Polish
    voivodeship or TERC code; every code lies in the record's voivodeship; a key with a
    territory writes only inside it, so never a record of no voivodeship."""
    codes = _territory_codes(data)
    errors: list[dict[str, Any]] = []
    if isinstance(data, PracticeIn) and data.country != "PL":
        country = data.country
        if data.voivodeship:
            errors.append(
                field_error(
                    "voivodeship", "outside_country", f"a practice in {country} has no voivodeship"
                )
            )
        for field, code in codes:
            errors.append(
                field_error(field, "outside_country", f"{code} is a Polish unit, not in {country}")
            )
        if principal.territory is not None:
            errors.append(
                field_error(
                    "country",
                    "outside_key_territory",
                    "a practice abroad belongs to no voivodeship: only a national key writes it",
                )
            )
        return errors
    for field, code in codes:
        if voivodeship is not None and not code.startswith(voivodeship):
            errors.append(
                field_error(
                    field, "outside_voivodeship", f"{code} is not in voivodeship {voivodeship}"
                )
            )
        elif not principal.covers(code):
            errors.append(
                field_error(field, "outside_key_territory", f"the API key may not write {code}")
            )
    if voivodeship is None and isinstance(data, ProviderIn):
        errors.append(
            field_error("voivodeship", "missing", "a provider needs a voivodeship (or a TERC code)")
        )
    elif principal.territory is not None:
        if voivodeship is None:
            errors.append(
                field_error(
                    "voivodeship",
                    "outside_key_territory",
                    "a record of no single voivodeship: only a national key writes it",
                )
            )
        elif not principal.covers(voivodeship):
            errors.append(
                field_error(
                    "voivodeship",
                    "outside_key_territory",
                    f"the API key may not write records of voivodeship {voivodeship}",
                )
            )
    return errors


def ensure_scope(principal: Principal, voivodeship: str | None) -> None:
    """Editors act on the records of their own voivodeship (403 for another's); records of
    none need a national key. What they write is checked by ``territory_errors``."""
    if voivodeship is None:
        if principal.territory is not None:
            raise Forbidden(
                "Only a national key may edit records that belong to no voivodeship.",
                detail_pl="Rekordy spoza województw może edytować tylko klucz ogólnokrajowy.",
            )
        return
    if not principal.covers(voivodeship):
        raise Forbidden(
            f"The API key may not edit records of voivodeship {voivodeship}.",
            detail_pl=f"Klucz API nie uprawnia do edycji rekordów województwa {voivodeship}.",
        )


def queue_voivodeship(principal: Principal, requested: str | None) -> str | None:
    """The voivodeship a key's moderation queue lists: the one asked for, which must be the
    key's, else the key's own (one of them; a national key lists every voivodeship)."""
    if principal.territory is None:
        return requested
    regions = sorted({prefix[:2] for prefix in principal.territory})
    if requested and requested not in regions:
        raise Forbidden(f"The API key may not read voivodeship {requested}.")
    if requested:
        return requested
    if len(regions) != 1:
        raise ValidationFailed("Choose a voivodeship of the key's territory.")
    return regions[0]
