"""Which cells secondary suppression may hide first, and what a release lost by hiding them
(reference/disclosure-control.md §3a: candidate weights and information loss).

:func:`cell_costs` gives every cell a weight for :func:`anonymizer.disclosure.protect`, which
takes the cheapest partner that can protect a sensitive cell. The map shows persons of all
sources per district, in total (category ``any``) and per category; those headline cells cost
most, the main figure (``any``) most of all. The source splits (``ops``, ``pup``, ``both``), the
households and ``2plus`` are details a reader rarely looks at, and a quarter is less than its
year, so they go first. Within a class the weight grows with the value (τ-ARGUS and sdcTable
style frequency costs): a small cell hides fewer persons.

What a release lost by hiding cells is reported with it (``repository.information_loss``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from anonymizer.disclosure import FloatArray, IntArray
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
