"""The linear relations an attacker knows between the cells of a release (reference §2.4):
geography (districts, gmina, powiat, voivodeship), sources (all = OPS + PUP - both),
persons and households, overlapping categories, and quarters within a year.

Distinct counts are not always additive (a person who moved is one person in the gmina but
one in each district), so every relation is taken in the form that holds for the true values
(:func:`anonymizer.disclosure.relation_from_truth`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from anonymizer.disclosure import IntArray, Relation, relation_from_truth

ANY = "any"
MULTI = "2plus"


@dataclass(frozen=True, slots=True)
class CellKey:
    unit_code: str
    category: str
    period: str
    measure: str
    source: str


def build_relations(
    keys: Sequence[CellKey], values: IntArray, parent_of: Mapping[str, str | None]
) -> list[Relation]:
    """Every relation between the cells ``keys`` (aligned with ``values``)."""
    index = {key: position for position, key in enumerate(keys)}
    relations: list[Relation] = []

    def add(cells: Sequence[int], coefs: Sequence[float]) -> None:
        relation = relation_from_truth(cells, coefs, values)
        if relation is not None:
            relations.append(relation)

    # Geography: parent = sum of children (or the inequality that holds), child <= parent.
    children: dict[CellKey, list[int]] = defaultdict(list)
    for key, position in index.items():
        parent = parent_of.get(key.unit_code)
        if parent is not None:
            parent_key = CellKey(parent, key.category, key.period, key.measure, key.source)
            if parent_key in index:
                children[parent_key].append(position)
    for parent_key, members in children.items():
        parent_position = index[parent_key]
        add([parent_position, *members], [1.0] + [-1.0] * len(members))
        for member in members:
            add([member, parent_position], [1.0, -1.0])

    # Sources: all = ops + pup - both; both <= ops, both <= pup.
    for key, position in index.items():
        if key.source != "all":
            continue
        ops = index.get(CellKey(key.unit_code, key.category, key.period, key.measure, "ops"))
        pup = index.get(CellKey(key.unit_code, key.category, key.period, key.measure, "pup"))
        both = index.get(CellKey(key.unit_code, key.category, key.period, key.measure, "both"))
        if ops is None or pup is None or both is None:
            continue
        add([position, ops, pup, both], [1.0, -1.0, -1.0, 1.0])
        add([both, ops], [1.0, -1.0])
        add([both, pup], [1.0, -1.0])

    # Persons and households are a linked pair: households <= persons.
    for key, position in index.items():
        if key.measure == "households":
            persons = index.get(
                CellKey(key.unit_code, key.category, key.period, "persons", key.source)
            )
            if persons is not None:
                add([position, persons], [1.0, -1.0])

    # Overlapping categories: c <= any <= sum(c); 2plus <= any; any + 2plus <= sum(c).
    by_table: dict[tuple[str, str, str, str], dict[str, int]] = defaultdict(dict)
    for key, position in index.items():
        by_table[(key.unit_code, key.period, key.measure, key.source)][key.category] = position
    for categories in by_table.values():
        total = categories.get(ANY)
        if total is None:
            continue
        single = [position for code, position in categories.items() if code not in (ANY, MULTI)]
        for position in single:
            add([position, total], [1.0, -1.0])
        if single:
            add([total, *single], [1.0] + [-1.0] * len(single))
        multi = categories.get(MULTI)
        if multi is not None:
            add([multi, total], [1.0, -1.0])
            if single:
                add([total, multi, *single], [1.0, 1.0] + [-1.0] * len(single))

    # Quarters within their year: quarter <= year <= sum of quarters.
    quarters: dict[CellKey, list[int]] = defaultdict(list)
    for key, position in index.items():
        if "-Q" in key.period:
            year_key = CellKey(key.unit_code, key.category, key.period[:4], key.measure, key.source)
            if year_key in index:
                quarters[year_key].append(position)
    for year_key, members in quarters.items():
        year = index[year_key]
        for member in members:
            add([member, year], [1.0, -1.0])
        add([year, *members], [1.0] + [-1.0] * len(members))
    return relations
