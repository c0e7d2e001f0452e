"""Statistical disclosure control of a table of counts: primary suppression, secondary
suppression along linear relations, and the LP audit (reference/disclosure-control.md §4).

Pure functions over numpy arrays, independent of the database, so the reference fixtures
(sdcTable 4x4, primary-only 3-D table) are tested exactly as the service runs them.

A relation is a linear form ``sum(coef_i * x_i)`` that is ``= 0`` (equality) or ``<= 0``.
The attacker knows every relation, every published value, ``x >= 0`` and ``x <= cap`` (the
largest count); for a suppressed cell the audit computes ``L = min x`` and ``U = max x`` with
HiGHS.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.optimize import linprog
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

MIN_K = 3
_EPS = 1e-6


class DisclosureError(ValueError):
    """Parameters that would break the privacy rules (e.g. ``k < 3``)."""


@dataclass(frozen=True, slots=True)
class Relation:
    """``sum(coefs[i] * x[cells[i]]) = 0`` when ``equality``, else ``<= 0``."""

    cells: tuple[int, ...]
    coefs: tuple[float, ...]
    equality: bool


def relation_from_truth(
    cells: Sequence[int], coefs: Sequence[float], values: IntArray
) -> Relation | None:
    """The relation an attacker may assume, given what holds for the true values: an equality
    when the form is zero, else the inequality in the direction that holds (a stronger
    attacker than one who must guess, so the audit errs on the safe side)."""
    if len(cells) < 2:
        return None
    total = float(sum(coef * float(values[cell]) for cell, coef in zip(cells, coefs, strict=True)))
    if total == 0:
        return Relation(tuple(cells), tuple(coefs), True)
    if total < 0:
        return Relation(tuple(cells), tuple(coefs), False)
    return Relation(tuple(cells), tuple(-coef for coef in coefs), False)


def attacker_cap(values: IntArray) -> float:
    """The attacker's upper bound of every cell: the largest true count (the top total,
    normally published; assuming it known when it is not makes the attacker stronger)."""
    return float(values.max()) if values.size else 0.0


def protection_level(value: int, *, k: int, p: float) -> int:
    """P = max(k, ceil(p * v)) (reference §4, A2)."""
    return max(k, math.ceil(p * value - 1e-9))


def primary_suppression(values: IntArray, *, k: int) -> BoolArray:
    """Cells with 0 < v < k (the frequency rule); zeros are published."""
    check_k(k)
    result: BoolArray = (values > 0) & (values < k)
    return result


def check_k(k: int) -> None:
    if k < MIN_K:
        raise DisclosureError(
            f"k = {k} is below {MIN_K}: art. 38 of the public statistics act forbids aggregates"
            " of fewer than 3 units."
        )


@dataclass(slots=True)
class AuditResult:
    """Attacker intervals of the suppressed cells and the cells that fail the criterion."""

    lower: dict[int, float] = field(default_factory=dict)
    upper: dict[int, float] = field(default_factory=dict)
    failing: list[int] = field(default_factory=list)
    exact: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    components: int = 0
    linear_programs: int = 0

    @property
    def passed(self) -> bool:
        return not self.failing and not self.problems


def audit(
    values: IntArray,
    suppressed: BoolArray,
    relations: Sequence[Relation],
    *,
    primary: BoolArray,
    k: int,
    p: float,
    cap: float | None = None,
    witnesses: bool = True,
    targets: set[int] | None = None,
) -> AuditResult:
    """LP audit: for each suppressed cell, the attacker's [L, U]. A primary cell passes when
    ``U - L > 0``, ``L <= max(0, v - P)`` and ``U >= v + P``; a secondary cell when it is not
    exact or not small (see :func:`_proven`).

    With ``witnesses`` (the default) a cell whose criterion is already met by the solutions of
    earlier LPs gets no LP of its own, and its reported bounds are those inner bounds; without
    it every cell gets its exact min and max. ``targets`` limits the LPs to those cells (the
    others are still variables of the system)."""
    result = AuditResult()
    hidden = np.flatnonzero(suppressed)
    if hidden.size == 0:
        return result
    if cap is None:
        cap = attacker_cap(values)
    position = {int(cell): index for index, cell in enumerate(hidden)}
    eq_rows: list[tuple[list[int], list[float], float]] = []
    ub_rows: list[tuple[list[int], list[float], float]] = []
    for relation in relations:
        columns: list[int] = []
        coefs: list[float] = []
        constant = 0.0
        for cell, coef in zip(relation.cells, relation.coefs, strict=True):
            if cell in position:
                columns.append(position[cell])
                coefs.append(coef)
            else:
                constant += coef * float(values[cell])
        if not columns:
            continue
        (eq_rows if relation.equality else ub_rows).append((columns, coefs, -constant))
    # Variables linked by a relation form one component; components are audited separately.
    edges_from: list[int] = []
    edges_to: list[int] = []
    for columns, _, _ in (*eq_rows, *ub_rows):
        for column in columns[1:]:
            edges_from.append(columns[0])
            edges_to.append(column)
    size = hidden.size
    graph = coo_matrix(
        (np.ones(len(edges_from)), (np.array(edges_from, dtype=np.int64), edges_to)),
        shape=(size, size),
    )
    count, labels = connected_components(graph, directed=False)
    result.components = int(count)
    rows_by_component: dict[int, tuple[list[int], list[int]]] = {}
    for index, (columns, _, _) in enumerate(eq_rows):
        rows_by_component.setdefault(int(labels[columns[0]]), ([], []))[0].append(index)
    for index, (columns, _, _) in enumerate(ub_rows):
        rows_by_component.setdefault(int(labels[columns[0]]), ([], []))[1].append(index)
    for component in range(count):
        members = np.flatnonzero(labels == component)
        local = {int(column): index for index, column in enumerate(members)}
        eq_ids, ub_ids = rows_by_component.get(component, ([], []))
        a_eq, b_eq = _matrix([eq_rows[i] for i in eq_ids], local)
        a_ub, b_ub = _matrix([ub_rows[i] for i in ub_ids], local)
        cells = [int(hidden[column]) for column in members.tolist()]
        if targets is not None and not any(cell in targets for cell in cells):
            continue
        _audit_component(
            cells,
            values,
            (a_eq, b_eq, a_ub, b_ub),
            cap=cap,
            primary=primary,
            k=k,
            p=p,
            witnesses=witnesses,
            result=result,
            targets=targets,
        )
    return result


def _audit_component(
    cells: list[int],
    values: IntArray,
    system: tuple[Any, Any, Any, Any],
    *,
    cap: float,
    primary: BoolArray,
    k: int,
    p: float,
    witnesses: bool,
    result: AuditResult,
    targets: set[int] | None,
) -> None:
    a_eq, b_eq, a_ub, b_ub = system
    truth = np.array([float(values[cell]) for cell in cells])
    # Every LP solution is a table the attacker cannot rule out: the values seen across
    # them are inner bounds of [L, U]. A cell already proven safe by them needs no LP of
    # its own (exact bounds only when ``witnesses`` is off).
    seen_low = truth.copy()
    seen_high = truth.copy()
    solved_low: dict[int, float] = {}
    solved_high: dict[int, float] = {}

    def solve(objective: npt.NDArray[np.float64]) -> npt.NDArray[np.float64] | None:
        solved = linprog(
            objective,
            A_ub=a_ub,
            b_ub=b_ub,
            A_eq=a_eq,
            b_eq=b_eq,
            bounds=(0.0, cap),
            method="highs",
        )
        result.linear_programs += 1
        if solved.status != 0:
            result.problems.append(f"audit LP ended with: {solved.message}")
            return None
        point: npt.NDArray[np.float64] = solved.x
        np.minimum(seen_low, point, out=seen_low)
        np.maximum(seen_high, point, out=seen_high)
        return point

    if witnesses and len(cells) > 2:
        solve(np.ones(len(cells)))
        solve(-np.ones(len(cells)))
    for slot, cell in enumerate(cells):
        if targets is not None and cell not in targets:
            continue
        value = int(values[cell])
        level = protection_level(value, k=k, p=p)
        for sign in (1.0, -1.0):
            if witnesses and _proven(
                seen_low[slot], seen_high[slot], value, level, bool(primary[cell])
            ):
                break
            objective = np.zeros(len(cells))
            objective[slot] = sign
            point = solve(objective)
            if point is not None:
                (solved_low if sign > 0 else solved_high)[slot] = float(point[slot])
        low = solved_low.get(slot, float(seen_low[slot]))
        high = solved_high.get(slot, float(seen_high[slot]))
        result.lower[cell] = low
        result.upper[cell] = high
        exact = high - low <= _EPS
        if exact:
            result.exact.append(cell)
        if not _proven(low, high, value, level, bool(primary[cell])):
            result.failing.append(cell)


def _proven(low: float, high: float, value: int, level: int, primary: bool) -> bool:
    """Primary: not exact, ``L <= max(0, v - P)`` and ``U >= v + P``. Secondary: not exact
    when small (0 < v < level); a zero or a large secondary cell may be exact, as publishing
    it would have been safe anyway (reference §4, A2)."""
    if not primary:
        return not (0 < value < level) or high - low > _EPS
    if high - low <= _EPS:
        return False
    return low <= max(0, value - level) + _EPS and high >= value + level - _EPS


def _matrix(
    rows: Sequence[tuple[list[int], list[float], float]], local: dict[int, int]
) -> tuple[Any, npt.NDArray[np.float64] | None]:
    """A sparse constraint matrix (components can hold thousands of cells)."""
    if not rows:
        return None, None
    row_ids: list[int] = []
    column_ids: list[int] = []
    data: list[float] = []
    rhs = np.zeros(len(rows))
    for row, (columns, coefs, constant) in enumerate(rows):
        for column, coef in zip(columns, coefs, strict=True):
            row_ids.append(row)
            column_ids.append(local[column])
            data.append(coef)
        rhs[row] = constant
    matrix = coo_matrix((data, (row_ids, column_ids)), shape=(len(rows), len(local))).tocsr()
    return matrix, rhs


@dataclass(slots=True)
class Protection:
    """The outcome of :func:`protect`: which cells are suppressed and why, and the audit."""

    suppressed: BoolArray
    primary: BoolArray
    audit: AuditResult
    rounds: int
    reason: str | None = None

    @property
    def secondary(self) -> BoolArray:
        result: BoolArray = self.suppressed & ~self.primary
        return result


def protect(
    values: IntArray,
    relations: Sequence[Relation],
    *,
    k: int,
    p: float,
    locked: BoolArray | None = None,
    primary: BoolArray | None = None,
    max_rounds: int = 500,
) -> Protection:
    """Primary suppression, then secondary suppression until the LP audit passes.

    ``locked`` cells may not be suppressed secondarily (values already published and frozen);
    they still count as primary when below ``k``, which the audit then reports as exact.
    ``primary`` replaces the frequency rule by a given set of sensitive cells."""
    check_k(k)
    if not 0 < p < 1:
        raise DisclosureError("p must lie between 0 and 1.")
    locked = np.zeros(values.shape, dtype=bool) if locked is None else locked
    if primary is None:
        primary = primary_suppression(values, k=k)
    suppressed = primary.copy()
    sensitive = primary | ((values > 0) & (values < k))
    need_of = np.maximum(k, np.ceil(p * values - 1e-9)).astype(np.int64)
    by_cell: dict[int, list[int]] = {}
    for index, relation in enumerate(relations):
        for cell in relation.cells:
            by_cell.setdefault(cell, []).append(index)
    rounds = 0
    result = AuditResult()
    # Suppressing more cells only widens every other suppressed cell's interval (a fixed
    # constant becomes a variable), so after the first round only the failing and the newly
    # suppressed cells need LPs, as long as the attacker's cap stays the same.
    audited = np.zeros(values.shape, dtype=bool)
    failing: set[int] = set()
    previous_cap: float | None = None
    linear_programs = 0
    while rounds < max_rounds:
        rounds += 1
        _close_relations(values, suppressed, relations, locked, sensitive, need_of)
        cap = attacker_cap(values)
        targets: set[int] | None = None
        if cap == previous_cap:
            targets = failing | set(np.flatnonzero(suppressed & ~audited).tolist())
        previous_cap = cap
        result = audit(
            values, suppressed, relations, primary=primary, k=k, p=p, cap=cap, targets=targets
        )
        linear_programs += result.linear_programs
        result.linear_programs = linear_programs
        audited |= suppressed
        failing = set(result.failing)
        if result.problems:
            return Protection(suppressed, primary, result, rounds, "; ".join(result.problems[:3]))
        if not result.failing:
            return Protection(suppressed, primary, result, rounds)
        added = False
        for cell in result.failing:
            candidate = _best_candidate(
                cell, values, suppressed, relations, by_cell, locked, int(need_of[cell])
            )
            if candidate is not None:
                suppressed[candidate] = True
                added = True
        if not added:
            return Protection(
                suppressed,
                primary,
                result,
                rounds,
                f"{len(result.failing)} suppressed cell(s) stay disclosed and no published cell"
                " of their relations may be suppressed (values frozen by earlier releases).",
            )
    return Protection(
        suppressed, primary, result, rounds, f"no safe pattern after {max_rounds} rounds"
    )


def _close_relations(
    values: IntArray,
    suppressed: BoolArray,
    relations: Sequence[Relation],
    locked: BoolArray,
    sensitive: BoolArray,
    need_of: IntArray,
) -> None:
    """Cheap fixes before the LP: an equality whose single suppressed cell is sensitive reveals
    it (a lone zero or large secondary cell may be revealed: it was safe to publish), and one
    whose only two suppressed cells are both 1 discloses each to the other (PS2, A3)."""
    changed = True
    while changed:
        changed = False
        for relation in relations:
            hidden = [cell for cell in relation.cells if suppressed[cell]]
            singletons = len(hidden) == 2 and all(values[cell] == 1 for cell in hidden)
            lone = relation.equality and len(hidden) == 1 and bool(sensitive[hidden[0]])
            if lone or singletons:
                need = max(need_of[cell] for cell in hidden)
                candidate = _cheapest(relation, values, suppressed, locked, need)
                if candidate is not None:
                    suppressed[candidate] = True
                    changed = True


def _cheapest(
    relation: Relation,
    values: IntArray,
    suppressed: BoolArray,
    locked: BoolArray,
    need: int = 1,
) -> int | None:
    options = [cell for cell in relation.cells if not suppressed[cell] and not locked[cell]]
    if not options:
        return None
    # The smallest cell that can give the protection level ``need`` by itself (least
    # information lost for enough slack); failing that, the largest one.
    enough = [cell for cell in options if values[cell] >= need]
    if enough:
        return min(enough, key=lambda cell: (int(values[cell]), cell))
    return max(options, key=lambda cell: (int(values[cell]), -cell))


def _best_candidate(
    cell: int,
    values: IntArray,
    suppressed: BoolArray,
    relations: Sequence[Relation],
    by_cell: dict[int, list[int]],
    locked: BoolArray,
    need: int,
) -> int | None:
    """The cheapest published cell in the failing cell's tightest relation; when all of those
    are suppressed already, in the relations of the suppressed cells next to it (breadth first
    through the suppressed component)."""
    frontier = [cell]
    visited_cells = {cell}
    visited_relations: set[int] = set()
    while frontier:
        indexes = sorted(
            {index for member in frontier for index in by_cell.get(member, [])} - visited_relations
        )
        visited_relations.update(indexes)
        ranked = sorted(
            (relations[index] for index in indexes),
            key=lambda relation: (
                not relation.equality,
                sum(1 for member in relation.cells if suppressed[member]),
            ),
        )
        for relation in ranked:
            candidate = _cheapest(relation, values, suppressed, locked, need)
            if candidate is not None:
                return candidate
        next_frontier = []
        for relation in ranked:
            for member in relation.cells:
                if suppressed[member] and member not in visited_cells:
                    visited_cells.add(member)
                    next_frontier.append(member)
        frontier = next_frontier
    return None
