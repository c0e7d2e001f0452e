"""Which cells secondary suppression may hide first, and what a release lost by hiding them
(reference/disclosure-control.md §3a: candidate weights and information loss).

:func:`cell_costs` gives every cell a weight for :func:`anonymizer.disclosure.protect`, which
takes the cheapest partner that can protect a sensitive cell. The map shows persons of all
sources per district, in total (category ``any``) and per category; those headline cells cost
most, the main figure (``any``) most of all. The source splits (``ops``, ``pup``, ``both``), the
households and ``2plus`` are details a reader rarely looks at, and a quarter is less than its
year, so they go first. Within a class the weight grows with the value (τ-ARGUS and sdcTable
style frequency costs): a small cell hides fewer persons.

:func:`information_loss` sums what was hidden, by level, measure and source, for the release's
audit summary: group totals only, never a single cell's value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from anonymizer.disclosure import BoolArray, FloatArray, IntArray
from anonymizer.relations import ANY, MULTI, CellKey

# Class weights, multiplied by (1 + value). Measured on the demo (bench/readability/README.md):
# frequency costs alone (all weights 1) hide the main figure in 29 % of district-quarters;
# with these classes none of the headline cells >= 50 is hidden, and the result is the same
# for any HEADLINE >= 100 x DETAIL and MAIN >= 3 x HEADLINE (smaller gaps hide more headline
# quarters). YEAR 2 rather than 1 costs 24 more headline quarters in 200 000 cells.
DETAIL = 1.0  # source splits, households, 2plus
HEADLINE = 100.0  # persons, all sources, one category
MAIN = 1000.0  # persons, all sources, any category: the map's main figure
YEAR = 2.0  # a year costs more than a quarter of the same value: quarters go first

# Sums of hidden values in the information loss: rounded, and only over enough cells.
VALUE_BASE = 100
MIN_GROUP = 10


def cell_costs(keys: Sequence[CellKey], values: IntArray) -> FloatArray:
    """One weight per cell, aligned with ``keys`` and ``values``: cheapest first."""
    weights = np.fromiter((_class_weight(key) for key in keys), dtype=np.float64, count=len(keys))
    costs: FloatArray = weights * (1.0 + np.maximum(values, 0).astype(np.float64))
    return costs


def _class_weight(key: CellKey) -> float:
    weight = DETAIL
    if key.measure == "persons" and key.source == "all" and key.category != MULTI:
        weight = MAIN if key.category == ANY else HEADLINE
    return weight if "-Q" in key.period else weight * YEAR


def level_of(unit_code: str) -> str:
    """The level of a unit from the shape of its code (TERC, checked by the database):
    ``0264011-05`` district, ``0264011`` gmina, ``0264`` powiat, ``02`` voivodeship."""
    if "-" in unit_code:
        return "district"
    return {2: "voivodeship", 4: "powiat", 7: "gmina"}.get(len(unit_code), "other")


def information_loss(
    keys: Sequence[CellKey], values: IntArray, suppressed: BoolArray, primary: BoolArray
) -> dict[str, Any]:
    """Cells suppressed (primary and secondary) and the persons in them, in total and per
    level, measure and source: JSON-ready, for the release's audit summary.

    The persons are the sum of the true values of the hidden cells (households for that
    measure; a person counts once in every cell they are in). A sum is a linear fact about
    the hidden cells, which the LP audit does not see, so it is given only for groups of at
    least ``MIN_GROUP`` suppressed cells and rounded to ``VALUE_BASE``, and the primary cells'
    own sum (a sum of counts below k) is never given."""
    secondary = suppressed & ~primary
    hidden_primary = suppressed & primary
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        groups[(level_of(key.unit_code), key.measure, key.source)].append(position)
    rows = []
    for (level, measure, source), members in sorted(groups.items()):
        mask = np.zeros(len(keys), dtype=bool)
        mask[members] = True
        rows.append(
            {
                "level": level,
                "measure": measure,
                "source": source,
                **_loss(values, mask, hidden_primary, secondary),
            }
        )
    return {
        "total": _loss(values, np.ones(len(keys), dtype=bool), hidden_primary, secondary),
        "groups": rows,
        "persons": f"sum of the true values of the suppressed cells, rounded to {VALUE_BASE};"
        f" none for fewer than {MIN_GROUP} suppressed cells",
    }


def _loss(
    values: IntArray, group: BoolArray, primary: BoolArray, secondary: BoolArray
) -> dict[str, Any]:
    cells = int(group.sum())
    hidden = group & (primary | secondary)
    count = int(hidden.sum())
    in_secondary = group & secondary
    return {
        "cells": cells,
        "suppressed": count,
        "primary": int((group & primary).sum()),
        "secondary": int(in_secondary.sum()),
        "suppressed_share": round(count / cells, 4) if cells else 0.0,
        "persons_suppressed": _rounded(values[hidden]),
        "persons_secondary": _rounded(values[in_secondary]),
    }


def _rounded(hidden: IntArray) -> int | None:
    if hidden.size < MIN_GROUP:
        return None
    return round(float(hidden.sum()) / VALUE_BASE) * VALUE_BASE
