"""Blocks: the unit a run recomputes, protects and carries over, and the revision policy's
classification of a block's cells against what earlier releases published.

Every relation an attacker knows (``anonymizer.relations``) stays inside one voivodeship (the
top of the geography) and inside one year: a published year binds its quarters
(quarter <= year <= sum of quarters), and a quarter whose year is not published is bound to
nothing outside itself. So a voivodeship with such a group of periods is closed under the
relations: protecting it alone gives the same pattern as protecting the whole country, and a
block whose true counts did not change can be carried over from the previous release as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from anonymizer.relations import CellKey
from anonymizer.repository import AggregateRow, FrozenValue

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True, order=True)
class Block:
    """One voivodeship and one closed group of periods (a year with its quarters, or a lone
    quarter)."""

    voivodeship: str
    periods: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.voivodeship}/{self.periods[0]}"

    def as_json(self) -> dict[str, Any]:
        return {"voivodeship": self.voivodeship, "periods": list(self.periods)}


def period_groups(periods: Iterable[str]) -> list[tuple[str, ...]]:
    """The periods of a release in groups the relations never cross: a year in the release with
    its quarters, else each quarter alone."""
    chosen = set(periods)
    groups: list[tuple[str, ...]] = []
    for year in sorted({period[:4] for period in chosen}):
        quarters = sorted(period for period in chosen if period.startswith(f"{year}-Q"))
        if year in chosen:
            groups.append((year, *quarters))
        else:
            groups.extend((quarter,) for quarter in quarters)
    return groups


@dataclass(slots=True)
class Revision:
    """Where a block's true counts stand against the values earlier releases froze.

    ``locked``: published before and unchanged; published again and never suppressed (the
    attacker knows the value already). ``forced``: suppressed before; stays suppressed (once
    hidden, showing the value later would disclose the earlier one). ``sensitive``: published
    before and changed by 0 < |d| < k; showing the new value would disclose the few records
    behind the change (time differencing), so it is protected like a primary cell and, hidden,
    keeps its last published value with ``revision_pending``. ``changed``: published before and
    changed at all; hiding such a cell protects (the attacker's old value is wrong), so it
    may be a partner, and then it too keeps its last published value."""

    locked: BoolArray
    forced: BoolArray
    sensitive: BoolArray
    changed: BoolArray
    shown: list[int | None]


def classify(
    rows: Sequence[AggregateRow],
    frozen: Mapping[CellKey, FrozenValue],
    closed: set[str],
    k: int,
) -> Revision:
    """The revision status of every row (rows of open periods are never frozen)."""
    size = len(rows)
    locked = np.zeros(size, dtype=bool)
    forced = np.zeros(size, dtype=bool)
    changed = np.zeros(size, dtype=bool)
    sensitive = np.zeros(size, dtype=bool)
    shown: list[int | None] = [None] * size
    for position, row in enumerate(rows):
        if row.period not in closed:
            continue
        previous = frozen.get(row.key)
        if previous is None:
            continue
        if previous.suppressed or previous.value is None:
            forced[position] = True
            continue
        shown[position] = previous.value
        change = abs(row.value - previous.value)
        if change == 0:
            locked[position] = True
        else:
            changed[position] = True
            sensitive[position] = change < k
    return Revision(locked, forced, sensitive, changed, shown)


def vanished_rows(
    rows: Sequence[AggregateRow],
    frozen: Mapping[CellKey, FrozenValue],
    closed: set[str],
    levels: Mapping[str, str],
) -> list[AggregateRow]:
    """Cells of a block frozen by an earlier release (``frozen``: the block's) whose records are
    all gone (erased or moved): their true value is now 0, which the revision policy treats
    like any other change."""
    present = {row.key for row in rows}
    return [
        AggregateRow(
            key.unit_code,
            levels.get(key.unit_code, "gmina"),
            key.category,
            key.period,
            "year" if len(key.period) == 4 else "quarter",
            key.measure,
            key.source,
            0,
        )
        for key in frozen
        if key.period in closed and key not in present
    ]
