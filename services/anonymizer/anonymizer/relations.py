"""The linear relations an attacker knows between the cells of a release (reference §2.4, §3a):
geography (districts, gmina, powiat, voivodeship), sources (all = OPS + PUP - both),
persons and households, overlapping categories, the category hierarchy (child <= parent,
child <= 2plus), structural zeros, and quarters within a year.

Distinct counts are not always additive (a person who moved is one person in the gmina but
one in each district), so every relation is taken in the form that holds for the true values
(as :func:`anonymizer.disclosure.relation_from_truth` does). Public rules that hold only for
data that follows them (ingest closes categories upward and refuses a category of the other
kind of institution) are taken the same way, so bad data never makes the attacker's system
infeasible.

Releases have hundreds of thousands of cells: the cells are encoded as integer codes of their
key fields once, related cells are found with array look-ups, and the direction of each
relation is computed for all relations of a kind at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from anonymizer.disclosure import BoolArray, IntArray, Relation, RelationArrays

ANY = "any"
MULTI = "2plus"
SOURCES = ("ops", "pup", "both", "all")
MEASURES = ("persons", "households")
# The cells of a category that a record of the other kind of institution would fill.
_OTHER_KIND = {"ops": ("pup", "both"), "pup": ("ops", "both")}


@dataclass(frozen=True, slots=True)
class CellKey:
    unit_code: str
    category: str
    period: str
    measure: str
    source: str


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The public metadata of the categories (``ref.category``): the parent of each
    sub-category, the kind of institution (``ops`` or ``pup``) that may report each category,
    and the first day a category may be reported on."""

    parent: Mapping[str, str] = field(default_factory=dict)
    source: Mapping[str, str] = field(default_factory=dict)
    valid_from: Mapping[str, date] = field(default_factory=dict)


def period_end(period: str) -> date | None:
    """First day after the period (``2024``, ``2024-Q3`` or ``2024-03``); None if unknown."""
    try:
        year = int(period[:4])
        if len(period) == 4:
            return date(year + 1, 1, 1)
        if period[4:6] == "-Q":
            quarter = int(period[6:])
            return date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        month = int(period[5:])
        return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    except ValueError:
        return None


class _Cells:
    """The cells (at least one) as integer codes of their five key fields, to find related
    cells (the same key with one or more fields replaced) by binary search."""

    def __init__(
        self, keys: Sequence[CellKey], parent_of: Mapping[str, str | None], taxonomy: Taxonomy
    ) -> None:
        self.units: dict[str, int] = {}
        self.categories: dict[str, int] = {}
        self.periods: dict[str, int] = {}
        self.measures: dict[str, int] = {}
        self.sources: dict[str, int] = {}
        self.unit = _codes((key.unit_code for key in keys), self.units, len(keys))
        self.category = _codes((key.category for key in keys), self.categories, len(keys))
        self.period = _codes((key.period for key in keys), self.periods, len(keys))
        self.measure = _codes((key.measure for key in keys), self.measures, len(keys))
        self.source = _codes((key.source for key in keys), self.sources, len(keys))
        # Every code a look-up may ask for, so the vocabularies are complete before the keys
        # are combined into one number.
        for unit in list(self.units):
            _add(self.units, parent_of.get(unit))
        for category in [ANY, MULTI, *self.categories]:
            _add(self.categories, category)
            _add(self.categories, taxonomy.parent.get(category))
        for period in list(self.periods):
            if "-Q" in period:
                _add(self.periods, period[:4])
        for name in MEASURES:
            _add(self.measures, name)
        for name in SOURCES:
            _add(self.sources, name)
        self.unit_parent = _lookup(self.units, lambda unit: parent_of.get(unit), self.units)
        self.category_parent = _lookup(self.categories, taxonomy.parent.get, self.categories)
        self.year = _lookup(
            self.periods, lambda period: period[:4] if "-Q" in period else None, self.periods
        )
        self.sizes = (
            len(self.categories),
            len(self.periods),
            len(self.measures),
            len(self.sources),
        )
        self.code = self._combine(self.unit, self.category, self.period, self.measure, self.source)
        self.order = np.argsort(self.code, kind="stable")
        self.sorted = self.code[self.order]

    def _combine(
        self,
        unit: IntArray,
        category: IntArray,
        period: IntArray,
        measure: IntArray,
        source: IntArray,
    ) -> IntArray:
        categories, periods, measures, sources = self.sizes
        code: IntArray = (
            ((unit * categories + category) * periods + period) * measures + measure
        ) * sources + source
        return code

    def related(
        self,
        positions: IntArray,
        *,
        unit: IntArray | int | None = None,
        category: IntArray | int | None = None,
        period: IntArray | int | None = None,
        measure: IntArray | int | None = None,
        source: IntArray | int | None = None,
    ) -> IntArray:
        """For each cell of ``positions``, the position of the cell with the given fields
        replaced (codes, one or one per cell; a negative code is no cell), or -1."""
        fields = [
            self.unit[positions] if unit is None else np.broadcast_to(unit, positions.shape),
            self.category[positions]
            if category is None
            else np.broadcast_to(category, positions.shape),
            self.period[positions] if period is None else np.broadcast_to(period, positions.shape),
            self.measure[positions]
            if measure is None
            else np.broadcast_to(measure, positions.shape),
            self.source[positions] if source is None else np.broadcast_to(source, positions.shape),
        ]
        valid = np.logical_and.reduce([values >= 0 for values in fields])
        code = self._combine(*(np.where(valid, values, 0) for values in fields))
        slot = np.minimum(np.searchsorted(self.sorted, code), self.sorted.size - 1)
        result: IntArray = np.where(valid & (self.sorted[slot] == code), self.order[slot], -1)
        return result


def _codes(items: Iterable[str], vocabulary: dict[str, int], count: int) -> IntArray:
    codes: IntArray = np.fromiter(
        (vocabulary.setdefault(item, len(vocabulary)) for item in items), np.int64, count=count
    )
    return codes


def _add(vocabulary: dict[str, int], item: str | None) -> None:
    if item is not None:
        vocabulary.setdefault(item, len(vocabulary))


def _lookup(
    vocabulary: Mapping[str, int], target: Callable[[str], str | None], codes: Mapping[str, int]
) -> IntArray:
    """The code of ``target(name)`` for every name of ``vocabulary`` (-1 for none)."""
    found: IntArray = np.full(len(vocabulary), -1, dtype=np.int64)
    for name, code in vocabulary.items():
        other = target(name)
        if other is not None and other in codes:
            found[code] = codes[other]
    return found


def _forms(values: IntArray, cells: Sequence[IntArray], coefs: Sequence[float]) -> RelationArrays:
    """``sum(coefs[j] * x[cells[j][i]]) <= 0`` for every ``i``, in the direction that holds for
    the true values (an equality when the form is zero): relation_from_truth, vectorised."""
    if not cells or cells[0].size == 0:
        return RelationArrays.joined([])
    total = np.asarray(
        sum(coef * values[column] for coef, column in zip(coefs, cells, strict=True))
    )
    sign = np.where(total > 0, -1.0, 1.0)
    count = cells[0].size
    return RelationArrays(
        np.full(count, len(cells), dtype=np.int64),
        np.stack(cells, axis=1).astype(np.int64).ravel(),
        (sign[:, np.newaxis] * np.asarray(coefs, dtype=np.float64)[np.newaxis, :]).ravel(),
        total == 0,
    )


def _sums(values: IntArray, members: IntArray, heads: Sequence[IntArray]) -> RelationArrays:
    """For each group of ``members`` (the cells sharing ``heads[0]``):
    ``sum(x[heads]) - sum(x[members]) <= 0``, in the direction that holds for the truth.
    ``heads`` are aligned with ``members``; members keep their order within a group."""
    if members.size == 0:
        return RelationArrays.joined([])
    order = np.argsort(heads[0], kind="stable")
    members = members[order]
    aligned = [head[order] for head in heads]
    starts = np.flatnonzero(np.r_[True, aligned[0][1:] != aligned[0][:-1]])
    sizes = np.diff(np.r_[starts, members.size])
    firsts = [head[starts] for head in aligned]
    total = sum(values[head] for head in firsts) - np.add.reduceat(values[members], starts)
    sign = np.where(np.asarray(total) > 0, -1.0, 1.0)
    groups = starts.size
    # Each relation: its heads, then its members (in a group's order).
    group_of_member = np.repeat(np.arange(groups), sizes)
    group_of = np.concatenate([np.tile(np.arange(groups), len(firsts)), group_of_member])
    rank = np.concatenate(
        [np.repeat(np.arange(len(firsts)), groups), len(firsts) + np.arange(members.size)]
    )
    cells = np.concatenate([*firsts, members])
    coefs = np.concatenate([np.tile(sign, len(firsts)), -sign[group_of_member]])
    layout = np.lexsort((rank, group_of))
    return RelationArrays(
        sizes + len(firsts),
        cells[layout].astype(np.int64),
        coefs[layout],
        np.asarray(total) == 0,
    )


def _pairs(values: IntArray, lower: IntArray, upper: IntArray) -> RelationArrays:
    """``x[lower] <= x[upper]`` (where both cells exist), in the direction of the truth."""
    present = (lower >= 0) & (upper >= 0)
    return _forms(values, [lower[present], upper[present]], (1.0, -1.0))


def fixed_by_rules(keys: Sequence[CellKey], values: IntArray, taxonomy: Taxonomy) -> BoolArray:
    """The cells whose value public rules fix at 0, where the true value is 0 indeed: a category
    counted for the other kind of institution (ingest refuses it, ``category_not_for_institution``),
    so an OPS category has no PUP and no 'both' persons and a PUP category no OPS and 'both'
    ones; and a category in a period that ends on or before its ``valid_from`` (ingest refuses
    a record dated before it, and a record counts only from its reference date on)."""
    if not keys:
        return np.zeros(0, dtype=bool)
    return _fixed(_Cells(keys, {}, taxonomy), values, taxonomy)


def _fixed(cells: _Cells, values: IntArray, taxonomy: Taxonomy) -> BoolArray:
    # other[c, s]: category c has nobody in source s; early[c, p]: period p ends on or before
    # category c may first be reported.
    other = np.zeros((len(cells.categories), len(cells.sources)), dtype=bool)
    early = np.zeros((len(cells.categories), len(cells.periods)), dtype=bool)
    ends = {period: period_end(period) for period in cells.periods}
    for category, code in cells.categories.items():
        for source in _OTHER_KIND.get(taxonomy.source.get(category, ""), ()):
            other[code, cells.sources[source]] = True
        first = taxonomy.valid_from.get(category)
        if first is not None:
            for period, period_code in cells.periods.items():
                end = ends[period]
                early[code, period_code] = end is not None and end <= first
    fixed: BoolArray = (
        other[cells.category, cells.source] | early[cells.category, cells.period]
    ) & (values == 0)
    return fixed


def build_relations(
    keys: Sequence[CellKey],
    values: IntArray,
    parent_of: Mapping[str, str | None],
    taxonomy: Taxonomy,
) -> list[Relation]:
    """:func:`relation_arrays` as a list of relations (tests and small tables)."""
    return relation_arrays(keys, values, parent_of, taxonomy).relations()


def relation_arrays(
    keys: Sequence[CellKey],
    values: IntArray,
    parent_of: Mapping[str, str | None],
    taxonomy: Taxonomy,
) -> RelationArrays:
    """Every relation between the cells ``keys`` (aligned with ``values``, unique keys); the
    units' parents ``parent_of`` and the categories' ``taxonomy`` are public."""
    if not keys:
        return RelationArrays.joined([])
    cells = _Cells(keys, parent_of, taxonomy)
    everything = np.arange(len(keys), dtype=np.int64)
    relations: list[RelationArrays] = []

    # Geography: parent = sum of children (or the inequality that holds), child <= parent.
    parent = cells.related(everything, unit=cells.unit_parent[cells.unit])
    children = np.flatnonzero(parent >= 0)
    relations.append(_sums(values, children, [parent[children]]))
    relations.append(_pairs(values, children, parent[children]))

    # Sources: all = ops + pup - both; both <= ops, both <= pup.
    totals = np.flatnonzero(cells.source == cells.sources["all"])
    ops, pup, both = (
        cells.related(totals, source=cells.sources[name]) for name in ("ops", "pup", "both")
    )
    complete = (ops >= 0) & (pup >= 0) & (both >= 0)
    totals, ops, pup, both = totals[complete], ops[complete], pup[complete], both[complete]
    relations.append(_forms(values, [totals, ops, pup, both], (1.0, -1.0, -1.0, 1.0)))
    relations.append(_pairs(values, both, ops))
    relations.append(_pairs(values, both, pup))

    # Persons and households are a linked pair: households <= persons.
    households = np.flatnonzero(cells.measure == cells.measures["households"])
    relations.append(
        _pairs(values, households, cells.related(households, measure=cells.measures["persons"]))
    )

    # Overlapping categories: c <= any <= sum(c); 2plus <= any; any + 2plus <= sum(c).
    any_code, multi_code = cells.categories[ANY], cells.categories[MULTI]
    total_of = cells.related(everything, category=any_code)
    multi_of = cells.related(everything, category=multi_code)
    single = np.flatnonzero(
        (cells.category != any_code) & (cells.category != multi_code) & (total_of >= 0)
    )
    relations.append(_pairs(values, single, total_of[single]))
    relations.append(_sums(values, single, [total_of[single]]))
    multi = np.flatnonzero((cells.category == multi_code) & (total_of >= 0))
    relations.append(_pairs(values, multi, total_of[multi]))
    with_multi = single[multi_of[single] >= 0]
    relations.append(_sums(values, with_multi, [total_of[with_multi], multi_of[with_multi]]))

    # The category hierarchy: a person in a sub-category is in its parent too (ingest closes
    # categories upward), so child <= parent and, being in two categories, child <= 2plus;
    # everybody in 'any' is in a top-level category: any <= sum(top-level c), except for
    # 'both', where a person may be known to OPS and PUP under different categories.
    parent_category = cells.category_parent[cells.category]
    child = np.flatnonzero(parent_category >= 0)
    relations.append(_pairs(values, child, cells.related(child, category=parent_category[child])))
    relations.append(_pairs(values, child, multi_of[child]))
    has_child = np.zeros(len(keys), dtype=bool)
    has_child[total_of[child][total_of[child] >= 0]] = True
    roots = single[
        (parent_category[single] < 0)
        & has_child[total_of[single]]
        & (cells.source[single] != cells.sources["both"])
    ]
    relations.append(_sums(values, roots, [total_of[roots]]))

    # Structural zeros (fixed_by_rules) are constants to the attacker even when suppressed.
    fixed = np.flatnonzero(_fixed(cells, values, taxonomy)).astype(np.int64)
    relations.append(
        RelationArrays(
            np.ones(fixed.size, np.int64), fixed, np.ones(fixed.size), np.ones(fixed.size, bool)
        )
    )

    # Quarters within their year: quarter <= year <= sum of quarters.
    year_of = cells.related(everything, period=cells.year[cells.period])
    quarters = np.flatnonzero(year_of >= 0)
    relations.append(_pairs(values, quarters, year_of[quarters]))
    relations.append(_sums(values, quarters, [year_of[quarters]]))
    return RelationArrays.joined(relations)


# Steps up the geography from a unit of each level to its gmina, and to its powiat.
_TO_GMINA = {"district": 1, "gmina": 0}
_TO_POWIAT = {"district": 2, "gmina": 1, "powiat": 0}


def audit_regions(
    units: Sequence[tuple[str, str]], parent_of: Mapping[str, str | None]
) -> list[IntArray]:
    """The regions of the audit (``disclosure.audit``) for cells of the units ``(code,
    level)``: the gmina of each cell (a district's gmina), then its powiat; a voivodeship cell
    is in neither (its block is its voivodeship). Relations mostly stay inside a gmina, so most
    cells are proven in an LP of their gmina's cells instead of their voivodeship's."""
    regions: list[IntArray] = []
    for steps in (_TO_GMINA, _TO_POWIAT):
        numbers: dict[str | None, int] = {}
        of_unit: dict[tuple[str, str], int] = {}
        for code, level in sorted(set(units)):
            ancestor: str | None = code
            if level not in steps:
                of_unit[code, level] = -1
                continue
            for _ in range(steps[level]):
                ancestor = parent_of.get(ancestor) if ancestor is not None else None
            of_unit[code, level] = numbers.setdefault(ancestor, len(numbers))
        regions.append(np.fromiter((of_unit[unit] for unit in units), np.int64, len(units)))
    return regions
