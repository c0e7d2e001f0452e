"""Statistical disclosure control of a table of counts: primary suppression, secondary
suppression along linear relations, and the LP audit (reference/disclosure-control.md §4).

Pure functions over numpy arrays, independent of the database, so the reference fixtures
(sdcTable 4x4, primary-only 3-D table) are tested exactly as the service runs them.

A relation is a linear form ``sum(coef_i * x_i)`` that is ``= 0`` (equality) or ``<= 0``.
The attacker knows every relation, every published value, ``x >= 0`` and ``x <= cap`` (by
default the largest count; the service passes each cell's published bound, the residents of
its unit); for a suppressed cell the audit bounds ``L = min x`` and ``U = max x`` with
HiGHS. All relations live in one sparse matrix (:class:`RelationSystem`), so a city-sized
table (hundreds of thousands of cells and relations) is handled with vector operations.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np
import numpy.typing as npt
from scipy.sparse import bmat, csc_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

MIN_K = 3
_EPS = 1e-6
_INF = highspy.kHighsInf
# Witness rounds per component and direction before the remaining cells get an LP each, and
# how many cells may get one before the rest are reported as failing (more suppression).
_BATCH_ROUNDS = 12
_SINGLE_LPS = 200
_REGION_LPS = 100000
# Rounds of secondary suppression without fewer failing cells before a run gives up (it would
# only suppress more without protecting anyone).
_STALL_ROUNDS = 20


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


@dataclass(frozen=True, slots=True)
class RelationArrays:
    """Relations as arrays, one after the other: each has ``lengths[i]`` cells and
    coefficients in ``cells`` and ``coefs``, and is an equality when ``equality[i]``. Two
    million relations of a voivodeship take 50 MB so instead of 500 MB of objects."""

    lengths: IntArray
    cells: IntArray
    coefs: FloatArray
    equality: BoolArray

    @classmethod
    def of(cls, relations: Sequence[Relation]) -> RelationArrays:
        lengths = np.fromiter((len(r.cells) for r in relations), np.int64, len(relations))
        count = int(lengths.sum())
        return cls(
            lengths,
            np.fromiter((cell for r in relations for cell in r.cells), np.int64, count),
            np.fromiter((coef for r in relations for coef in r.coefs), np.float64, count),
            np.fromiter((r.equality for r in relations), np.bool_, len(relations)),
        )

    @classmethod
    def joined(cls, parts: Sequence[RelationArrays]) -> RelationArrays:
        return cls(
            np.concatenate([np.zeros(0, np.int64), *(part.lengths for part in parts)]),
            np.concatenate([np.zeros(0, np.int64), *(part.cells for part in parts)]),
            np.concatenate([np.zeros(0), *(part.coefs for part in parts)]),
            np.concatenate([np.zeros(0, bool), *(part.equality for part in parts)]),
        )

    def relations(self) -> list[Relation]:
        ends = np.cumsum(self.lengths).tolist()
        cells, coefs = self.cells.tolist(), self.coefs.tolist()
        return [
            Relation(tuple(cells[end - length : end]), tuple(coefs[end - length : end]), equal)
            for end, length, equal in zip(
                ends, self.lengths.tolist(), self.equality.tolist(), strict=True
            )
        ]


class RelationSystem:
    """Every relation of a table as one sparse matrix (rows: relations, columns: cells)."""

    def __init__(self, relations: Sequence[Relation] | RelationArrays, size: int) -> None:
        arrays = (
            relations if isinstance(relations, RelationArrays) else RelationArrays.of(relations)
        )
        count = arrays.lengths.size
        rows = np.repeat(np.arange(count, dtype=np.int64), arrays.lengths)
        columns = arrays.cells
        self.size = size
        self.rows: csr_matrix = csr_matrix((arrays.coefs, (rows, columns)), shape=(count, size))
        self.columns: csc_matrix = self.rows.tocsc()
        self.pattern: csr_matrix = csr_matrix(
            (np.ones(columns.size), (rows, columns)), shape=(count, size)
        )
        self.equality: BoolArray = arrays.equality.copy()

    def __len__(self) -> int:
        return int(self.equality.size)

    def cells_of(self, row: int) -> npt.NDArray[np.int32]:
        start, end = self.rows.indptr[row], self.rows.indptr[row + 1]
        cells: npt.NDArray[np.int32] = self.rows.indices[start:end]
        return cells

    def relations_of(self, cell: int) -> npt.NDArray[np.int32]:
        start, end = self.columns.indptr[cell], self.columns.indptr[cell + 1]
        rows: npt.NDArray[np.int32] = self.columns.indices[start:end]
        return rows

    def count(self, mask: BoolArray) -> npt.NDArray[np.int64]:
        """For every relation, how many of its cells ``mask`` holds."""
        counted: npt.NDArray[np.int64] = (self.pattern @ mask.astype(np.float64)).astype(np.int64)
        return counted


def _system(
    relations: Sequence[Relation] | RelationArrays | RelationSystem, size: int
) -> RelationSystem:
    return relations if isinstance(relations, RelationSystem) else RelationSystem(relations, size)


def attacker_cap(values: IntArray) -> float:
    """The attacker's upper bound of every cell when nothing better is known: the largest
    true count (the top total, normally published)."""
    return float(values.max()) if values.size else 0.0


def _caps(values: IntArray, cap: float | FloatArray | None) -> FloatArray:
    """One upper bound per cell, never below the true value (the truth must stay feasible)."""
    bound = attacker_cap(values) if cap is None else cap
    caps: FloatArray = np.maximum(
        np.broadcast_to(np.asarray(bound, dtype=np.float64), values.shape), values
    )
    return caps


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


def _levels(values: IntArray, *, k: int, p: float) -> IntArray:
    levels: IntArray = np.maximum(k, np.ceil(p * values - 1e-9)).astype(np.int64)
    return levels


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
    # For a failing cell, the relations that bind it in its last LP (largest dual first):
    # where another suppression helps; and their duals (the certificate of the bound).
    blockers: dict[int, list[int]] = field(default_factory=dict)
    blocker_duals: dict[int, list[float]] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.failing and not self.problems


def audit(
    values: IntArray,
    suppressed: BoolArray,
    relations: Sequence[Relation] | RelationSystem,
    *,
    primary: BoolArray,
    k: int,
    p: float,
    cap: float | FloatArray | None = None,
    witnesses: bool = True,
    targets: set[int] | None = None,
    exact_failing: bool = True,
    levels: IntArray | None = None,
    regions: Sequence[IntArray] = (),
) -> AuditResult:
    """LP audit: for each suppressed cell, the attacker's [L, U]. A primary cell passes when
    ``U - L > 0``, ``L <= max(0, v - P)`` and ``U >= v + P``; a secondary cell when it is not
    exact or not small (see :func:`_proven`).

    With ``witnesses`` (the default) the cells are proven in batches: one LP pushes every
    unproven cell of a component towards its protection level at once (capped, so no cell is
    pushed further than it needs), and every LP solution is a table the attacker cannot rule
    out, so it proves each cell it moves far enough. The reported bounds of a proven cell are
    those inner bounds. Cells the batches cannot prove get an LP of their own; failing cells
    get their exact min and max (``exact_failing``). Without ``witnesses`` every cell gets its
    exact min and max. ``targets`` limits the LPs to those cells (the others are still
    variables of the system).

    ``regions`` make the witnesses cheap on a large table: each is one label per cell (``-1``
    for none), finest first, e.g. the gmina of a cell, then its powiat. The suppressed cells
    of one label are pushed in a small LP in which every other cell keeps its true value. A
    solution of it is a table of the whole system (the truth satisfies every relation the
    region does not touch), so what it proves holds against the full attacker; only the cells
    no region proves reach the LP of their whole component."""
    result = AuditResult()
    hidden = np.flatnonzero(suppressed)
    if hidden.size == 0:
        return result
    system = _system(relations, values.size)
    caps = _caps(values, cap)
    levels = _levels(values, k=k, p=p) if levels is None else levels
    proofs = _Proofs(values, levels, primary, targets)
    if witnesses:
        for labels in regions:
            for region in _regions(system, values, suppressed, labels, proofs.open(hidden)):
                _audit_component(region, proofs, caps=caps, result=result, singles=_REGION_LPS)
    if not witnesses:
        wanted = proofs.targeted[hidden]
    elif exact_failing:
        wanted = proofs.sought[hidden] & ~proofs.done(hidden)
    else:
        wanted = proofs.open(hidden)
    for component in _components(system, values, suppressed, hidden, wanted, result):
        _audit_component(
            component,
            proofs,
            caps=caps,
            result=result,
            singles=_SINGLE_LPS,
            final=True,
            exact=not witnesses or exact_failing,
            witnesses=witnesses,
        )
    cells = hidden[proofs.targeted[hidden]]
    result.lower.update(zip(cells.tolist(), proofs.low[cells].tolist(), strict=True))
    result.upper.update(zip(cells.tolist(), proofs.high[cells].tolist(), strict=True))
    if witnesses:
        failing = cells[proofs.sought[cells] & ~proofs.done(cells)]
    else:
        failing = np.array(
            [
                cell
                for cell in cells.tolist()
                if not _proven(
                    proofs.low[cell],
                    proofs.high[cell],
                    int(values[cell]),
                    int(levels[cell]),
                    bool(primary[cell]),
                )
            ],
            dtype=np.int64,
        )
    result.failing = failing.tolist()
    result.exact = sorted(result.exact)
    return result


class _Proofs:
    """What the tables found so far show, cell by cell over the whole table: the lowest and
    highest value each cell took, and which cells moved far enough up and down. Up: ``x >= v
    + P`` (a primary cell) or ``v + 1`` (a small secondary cell, which only must not be
    exact); down: ``x <= max(0, v - P)``, i.e. a fall by ``min(v, P)``, or by 1."""

    def __init__(
        self, values: IntArray, levels: IntArray, primary: BoolArray, targets: set[int] | None
    ) -> None:
        truth = values.astype(np.float64)
        need = levels.astype(np.float64)
        self.truth = truth
        self.primary = primary
        self.low = truth.copy()
        self.high = truth.copy()
        self.targeted = np.ones(values.shape, dtype=bool)
        if targets is not None:
            self.targeted[:] = False
            self.targeted[list(targets)] = True
        small = ~primary & (truth > 0) & (truth < need)
        self.sought: BoolArray = (primary | small) & self.targeted
        self.up_need: FloatArray = np.where(primary, need, 1.0)
        self.down_need: FloatArray = np.where(primary, np.minimum(truth, need), 1.0)
        self.up_mark = truth + self.up_need - _EPS
        self.down_mark = truth - self.down_need + _EPS
        self.up = np.zeros(values.shape, dtype=bool)
        self.down = np.zeros(values.shape, dtype=bool)
        # Shown to fail by a region's LP whose binding relations hold no suppressed cell
        # outside the region: its dual bound holds in the whole system, no larger LP helps.
        self.settled = np.zeros(values.shape, dtype=bool)

    def observe(self, cells: IntArray, point: FloatArray) -> None:
        self.low[cells] = np.minimum(self.low[cells], point)
        self.high[cells] = np.maximum(self.high[cells], point)
        self.up[cells] |= point >= self.up_mark[cells]
        self.down[cells] |= point <= self.down_mark[cells]

    def done(self, cells: IntArray) -> BoolArray:
        up, down = self.up[cells], self.down[cells]
        proven: BoolArray = np.where(self.primary[cells], up & down, up | down)
        return proven

    def open(self, cells: IntArray) -> BoolArray:
        """Which of ``cells`` still need a proof."""
        result: BoolArray = self.sought[cells] & ~self.done(cells) & ~self.settled[cells]
        return result


@dataclass(slots=True)
class _Component:
    """A connected set of suppressed cells and the relations that bind them:
    ``row_lower <= matrix @ x <= row_upper``."""

    cells: IntArray
    relations: IntArray
    matrix: csr_matrix
    row_lower: FloatArray
    row_upper: FloatArray
    # Of a region: the relations that also hold suppressed cells outside it (fixed at their
    # true values here, free in the whole system).
    leaky: BoolArray | None = None


def _components(
    system: RelationSystem,
    values: IntArray,
    suppressed: BoolArray,
    hidden: IntArray,
    wanted: BoolArray,
    result: AuditResult,
) -> Iterator[_Component]:
    """Suppressed cells linked by a relation are audited together; published cells are
    constants of the relations. Only components with a ``wanted`` cell (one per hidden cell)
    are given."""
    touched = system.count(suppressed) > 0
    row_ids = np.flatnonzero(touched)
    block = system.rows[row_ids]
    published = np.where(suppressed, 0.0, values.astype(np.float64))
    constant = block @ published
    inner: csr_matrix = block[:, hidden].tocsr()
    equality = system.equality[row_ids]
    lower = np.where(equality, -constant, -_INF)
    upper = -constant
    rows = inner.shape[0]
    graph = bmat([[None, inner], [inner.T, None]], format="csr")
    count, labels = connected_components(graph, directed=False)
    result.components = int(count)
    row_labels, cell_labels = labels[:rows], labels[rows:]
    row_order = np.argsort(row_labels, kind="stable")
    row_bounds = np.searchsorted(row_labels[row_order], np.arange(count + 1))
    cell_order = np.argsort(cell_labels, kind="stable")
    cell_bounds = np.searchsorted(cell_labels[cell_order], np.arange(count + 1))
    for label in range(count):
        columns = cell_order[cell_bounds[label] : cell_bounds[label + 1]]
        if columns.size == 0 or not wanted[columns].any():
            continue
        members = row_order[row_bounds[label] : row_bounds[label + 1]]
        matrix = inner[members][:, columns].tocsr()
        yield _Component(hidden[columns], row_ids[members], matrix, lower[members], upper[members])


def _regions(
    system: RelationSystem,
    values: IntArray,
    suppressed: BoolArray,
    labels: IntArray,
    wanted: BoolArray,
) -> Iterator[_Component]:
    """The suppressed cells of each label (with a ``wanted`` one among them, one per
    suppressed cell) and every relation that touches them, every other cell fixed at its true
    value."""
    truth = values.astype(np.float64)
    hidden = np.flatnonzero(suppressed)
    hidden_per_row = system.count(suppressed)
    labelled = labels[hidden] >= 0
    cells_in, label_in = hidden[labelled], labels[hidden][labelled]
    order = np.argsort(label_in, kind="stable")
    cells_in, label_in = cells_in[order], label_in[order]
    if label_in.size == 0:
        return
    starts = np.flatnonzero(np.r_[True, label_in[1:] != label_in[:-1]])
    ends = np.r_[starts[1:], label_in.size]
    wanted_labels = set(labels[hidden[wanted & labelled]].tolist())
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        if int(label_in[start]) not in wanted_labels:
            continue
        cells = cells_in[start:end]
        rows = np.unique(system.columns[:, cells].indices)
        block = system.rows[rows]
        inner = block[:, cells].tocsr()
        constant = block @ truth - inner @ truth[cells]
        lower = np.where(system.equality[rows], -constant, -_INF)
        leaky = hidden_per_row[rows] > np.diff(inner.indptr)
        yield _Component(cells, rows.astype(np.int64), inner, lower, -constant, leaky)


class _Model:
    """One HiGHS model of a component, re-solved with changing objectives (warm starts).

    Columns are the cells, then one progress variable ``t`` per proof sought, linked by
    ``x_c - need * t >= v`` (up) or ``x_c + need * t <= v`` (down), ``t <= 1``: maximizing the
    sum of the ``t`` pushes each cell towards, and never beyond, its protection level.

    A relation with one suppressed cell (``child <= published parent``: half the rows of a
    region) is a bound of that cell, not a row: the model keeps the tightest bound of each
    cell and the relation it came from, for :meth:`binding`."""

    def __init__(
        self,
        component: _Component,
        truth: FloatArray,
        bounds: _Bounds,
        proofs: list[tuple[int, float, bool]],
    ) -> None:
        size = component.cells.size
        self.size = size
        self.highs = highspy.Highs()  # type: ignore[no-untyped-call]
        self.highs.setOptionValue("output_flag", False)
        # Primal simplex: a new objective leaves the last basis primal feasible, so each
        # re-solve starts where the last one ended. The default (dual) starts far from it:
        # 3x the protection time on a voivodeship of bench/national (99 s -> 33 s).
        self.highs.setOptionValue("simplex_strategy", 4)
        matrix = component.matrix
        lengths = np.diff(matrix.indptr)
        self.rows = np.flatnonzero(lengths > 1)
        self.bounds = bounds
        count = len(proofs)
        rows, columns, data = [], [], []
        link_lower = np.empty(count)
        link_upper = np.empty(count)
        for index, (slot, need, up) in enumerate(proofs):
            rows += [index, index]
            columns += [slot, size + index]
            data += [1.0, -need if up else need]
            link_lower[index] = truth[slot] if up else -_INF
            link_upper[index] = _INF if up else truth[slot]
        links = csr_matrix((data, (rows, columns)), shape=(count, size + count))
        kept = matrix[self.rows]
        relations = csr_matrix(
            (kept.data, kept.indices, kept.indptr), shape=(self.rows.size, size + count)
        )
        matrix = bmat([[relations], [links]], format="csr")
        model = highspy.HighsLp()
        model.num_col_ = size + count
        model.num_row_ = matrix.shape[0]
        model.col_cost_ = np.zeros(size + count)
        model.col_lower_ = np.concatenate([bounds.lower, np.full(count, -_INF)])
        model.col_upper_ = np.concatenate([bounds.upper, np.ones(count)])
        model.row_lower_ = np.concatenate([component.row_lower[self.rows], link_lower])
        model.row_upper_ = np.concatenate([component.row_upper[self.rows], link_upper])
        model.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        model.a_matrix_.start_ = matrix.indptr.astype(np.int32)
        model.a_matrix_.index_ = matrix.indices.astype(np.int32)
        model.a_matrix_.value_ = matrix.data.astype(np.float64)
        model.sense_ = highspy.ObjSense.kMaximize
        self.highs.passModel(model)
        self.cost = np.zeros(size + count)
        self.solved = 0
        self.solution = highspy.HighsSolution()
        self.point: FloatArray = np.zeros(0)

    def solve(self, cost: FloatArray) -> FloatArray | None:
        """The cells of an optimal solution for ``cost`` (maximized), or ``None``."""
        changed = np.flatnonzero(cost != self.cost).astype(np.int32)
        if changed.size:
            self.highs.changeColsCost(changed.size, changed, cost[changed])
            self.cost = cost.copy()
        self.highs.run()
        self.solved += 1
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        self.solution = self.highs.getSolution()
        self.point = _array(self.solution.col_value)[: self.size]
        return self.point

    def binding(self) -> tuple[IntArray, FloatArray]:
        """The component's relations that bind the last solution, largest dual first, and
        their duals: rows with a dual, and the relations behind the bounds at which a cell
        stopped (the bound's dual over the cell's coefficient in it)."""
        row_duals = _array(self.solution.row_dual)[: self.rows.size]
        col_duals = _array(self.solution.col_dual)[: self.size]
        point = self.point
        bounds = self.bounds
        stopped = np.abs(col_duals) > _EPS
        at_upper = stopped & (point >= bounds.upper - _EPS) & (bounds.upper_row >= 0)
        at_lower = stopped & (point <= bounds.lower + _EPS) & (bounds.lower_row >= 0)
        with_dual = np.abs(row_duals) > _EPS
        relations = np.concatenate(
            [self.rows[with_dual], bounds.upper_row[at_upper], bounds.lower_row[at_lower]]
        )
        duals = np.concatenate(
            [
                row_duals[with_dual],
                col_duals[at_upper] / bounds.upper_coef[at_upper],
                col_duals[at_lower] / bounds.lower_coef[at_lower],
            ]
        )
        order = np.argsort(-np.abs(duals), kind="stable")
        return relations[order], duals[order]


def _array(values: list[float]) -> FloatArray:
    """A vector of HiGHS's solution (handed over as a list) as an array."""
    return np.fromiter(values, dtype=np.float64, count=len(values))


class _Bounds:
    """The bounds of each cell of a component: ``0 <= x <= cap``, narrowed by the relations in
    which it is the only suppressed cell, and the relation that gives each (``-1``: none)."""

    def __init__(self, component: _Component, caps: FloatArray) -> None:
        matrix = component.matrix
        size = component.cells.size
        single = np.flatnonzero(np.diff(matrix.indptr) == 1)
        cells = matrix.indices[matrix.indptr[single]]
        coef = matrix.data[matrix.indptr[single]]
        low_side = component.row_lower[single] / coef
        high_side = component.row_upper[single] / coef
        lows = np.where(coef > 0, low_side, high_side)
        highs = np.where(coef > 0, high_side, low_side)
        self.lower: FloatArray = np.zeros(size)
        self.upper: FloatArray = caps.astype(np.float64)
        self.lower_row: IntArray = np.full(size, -1, dtype=np.int64)
        self.upper_row: IntArray = np.full(size, -1, dtype=np.int64)
        self.lower_coef: FloatArray = np.ones(size)
        self.upper_coef: FloatArray = np.ones(size)
        # The tightest bound of each cell: the last one written wins, so order by tightness.
        order = np.argsort(lows, kind="stable")
        tighter = order[lows[order] > 0]
        self.lower_row[cells[tighter]] = single[tighter]
        self.lower_coef[cells[tighter]] = coef[tighter]
        self.lower[cells[tighter]] = lows[tighter]
        order = np.argsort(-highs, kind="stable")
        tighter = order[highs[order] < self.upper[cells[order]]]
        self.upper_row[cells[tighter]] = single[tighter]
        self.upper_coef[cells[tighter]] = coef[tighter]
        self.upper[cells[tighter]] = highs[tighter]


def _stopped(
    component: _Component, bounds: _Bounds, proofs: _Proofs, result: AuditResult
) -> BoolArray:
    """Open cells that a bound keeps from their protection level (``x <= published parent <
    v + P``): no LP of this component or region proves them. The relation behind the bound is
    where a partner helps; unless it holds suppressed cells outside the region, no larger LP
    proves them either."""
    cells = component.cells
    open_ = proofs.open(cells)
    up_stopped = open_ & ~proofs.up[cells] & (bounds.upper < proofs.up_mark[cells])
    down_stopped = open_ & ~proofs.down[cells] & (bounds.lower > proofs.down_mark[cells])
    primary = proofs.primary[cells]
    stopped = np.where(primary, up_stopped | down_stopped, up_stopped & down_stopped)
    for slot in np.flatnonzero(stopped).tolist():
        rows = [
            int(row)
            for row, side in (
                (bounds.upper_row[slot], up_stopped),
                (bounds.lower_row[slot], down_stopped),
            )
            if side[slot] and row >= 0
        ]
        result.blockers[int(cells[slot])] = component.relations[rows].tolist()
        result.blocker_duals[int(cells[slot])] = [1.0] * len(rows)
        if component.leaky is None or not component.leaky[rows].any():
            proofs.settled[cells[slot]] = True
    return stopped


def _audit_component(
    component: _Component,
    proofs: _Proofs,
    *,
    caps: FloatArray,
    result: AuditResult,
    singles: int,
    final: bool = False,
    exact: bool = False,
    witnesses: bool = True,
) -> None:
    """Witnesses for the open cells of one component or region (see :func:`audit`): pushes of
    every open cell at once, then up to ``singles`` LPs of one cell each. A cell its own LP
    cannot prove leaves the relations that bind it (``result.blockers``: where another
    suppression helps). At the ``final`` level with ``exact`` the failing cells (every
    targeted cell without ``witnesses``) get their exact min and max."""
    cells = component.cells
    bounds = _Bounds(component, caps[cells])
    if witnesses:
        stopped = _stopped(component, bounds, proofs, result)
        sought = np.flatnonzero(proofs.open(cells) & ~stopped)
    else:
        sought = np.flatnonzero(proofs.sought[cells])
    up = sought[~proofs.up[cells[sought]]]
    down = sought[~proofs.down[cells[sought]]]
    model = _Model(
        component,
        proofs.truth[cells],
        bounds,
        [(slot, float(proofs.up_need[cells[slot]]), True) for slot in up.tolist()]
        + [(slot, float(proofs.down_need[cells[slot]]), False) for slot in down.tolist()],
    )

    def push(columns: IntArray) -> bool:
        cost = np.zeros(model.cost.size)
        cost[columns] = 1.0
        point = model.solve(cost)
        if point is None:
            result.problems.append("audit LP without an optimal solution")
            return False
        proofs.observe(cells, point)
        return True

    if witnesses:
        first = cells.size
        for slots, columns, proven in (
            (up, first + np.arange(up.size), proofs.up),
            (down, first + up.size + np.arange(down.size), proofs.down),
        ):
            for _ in range(_BATCH_ROUNDS):
                left = ~proven[cells[slots]] & proofs.open(cells[slots])
                before = int(proven[cells[slots]].sum())
                if not left.any() or not push(columns[left]):
                    break
                if int(proven[cells[slots]].sum()) == before:
                    break
            taken = 0
            for slot, column in zip(slots.tolist(), columns.tolist(), strict=True):
                if taken >= singles or result.problems:
                    break
                if proven[cells[slot]] or not proofs.open(cells[slot : slot + 1])[0]:
                    continue
                taken += 1
                if push(np.array([column])) and not proven[cells[slot]]:
                    binding, duals = model.binding()
                    result.blockers[int(cells[slot])] = component.relations[binding].tolist()
                    result.blocker_duals[int(cells[slot])] = duals.tolist()
                    if component.leaky is None or not component.leaky[binding].any():
                        proofs.settled[cells[slot]] = True
    if final and exact:
        targeted = proofs.targeted[cells]
        failing = proofs.sought[cells] & ~proofs.done(cells)
        chosen = np.flatnonzero(targeted & failing if witnesses else targeted)
        for slot in chosen.tolist():
            cell = int(cells[slot])
            for sign in (1.0, -1.0):
                cost = np.zeros(model.cost.size)
                cost[slot] = sign
                point = model.solve(cost)
                if point is None:
                    result.problems.append("audit LP without an optimal solution")
                    break
                if sign > 0:
                    proofs.high[cell] = point[slot]
                else:
                    proofs.low[cell] = point[slot]
            if proofs.high[cell] - proofs.low[cell] <= _EPS:
                result.exact.append(cell)
    result.linear_programs += model.solved


def _proven(low: float, high: float, value: int, level: int, primary: bool) -> bool:
    """Primary: not exact, ``L <= max(0, v - P)`` and ``U >= v + P``. Secondary: not exact
    when small (0 < v < level); a zero or a large secondary cell may be exact, as publishing
    it would have been safe anyway (reference §4, A2)."""
    if not primary:
        return not (0 < value < level) or high - low > _EPS
    if high - low <= _EPS:
        return False
    return low <= max(0, value - level) + _EPS and high >= value + level - _EPS


@dataclass(slots=True)
class Protection:
    """The outcome of :func:`protect`: which cells are suppressed and why, and the audit."""

    suppressed: BoolArray
    primary: BoolArray
    audit: AuditResult
    rounds: int
    reason: str | None = None
    # The pattern cannot grow because the cells it would need are frozen by earlier releases.
    frozen: bool = False

    @property
    def secondary(self) -> BoolArray:
        result: BoolArray = self.suppressed & ~self.primary
        return result


def protect(
    values: IntArray,
    relations: Sequence[Relation] | RelationSystem,
    *,
    k: int,
    p: float,
    locked: BoolArray | None = None,
    primary: BoolArray | None = None,
    forced: BoolArray | None = None,
    levels: IntArray | None = None,
    max_rounds: int = 500,
    cap: float | FloatArray | None = None,
    on_round: Callable[[dict[str, int]], None] | None = None,
    cost: FloatArray | None = None,
    regions: Sequence[IntArray] = (),
) -> Protection:
    """Primary suppression, then secondary suppression until the LP audit passes.

    ``locked`` cells may not be suppressed secondarily (values already published and frozen);
    they still count as primary when below ``k``, which the audit then reports as exact.
    ``primary`` replaces the frequency rule by a given set of sensitive cells; ``forced`` cells
    are suppressed from the start (hidden by an earlier release, they stay hidden); ``levels``
    replaces the protection levels ``max(k, ceil(p * v))`` cell by cell; ``cap`` is the
    attacker's upper bound (one or per cell, see :func:`audit`); ``on_round``
    hears the progress after every round. ``cost`` weighs each cell as a secondary
    suppression (default ``1 + value``, a frequency cost): a partner must be able to give the
    protection level it is chosen for and zeros come last, then the cheapest goes first
    (``anonymizer.priority.cell_costs`` gives the headline cells of the map high costs).
    ``regions`` go to the audit (:func:`audit`)."""
    check_k(k)
    if not 0 < p < 1:
        raise DisclosureError("p must lie between 0 and 1.")
    system = _system(relations, values.size)
    locked = np.zeros(values.shape, dtype=bool) if locked is None else locked
    if primary is None:
        primary = primary_suppression(values, k=k)
    suppressed = primary.copy() if forced is None else primary | forced
    levels = _levels(values, k=k, p=p) if levels is None else levels
    # What a suppressed cell must be able to give: its level when sensitive; for a partner, the
    # level it was chosen for (a large partner needs no protection of its own, only the
    # freedom to move that much, so its own partners may be as small as the first).
    need_of = np.where(primary, levels, 0)
    weights = _weights(values, cost)
    chooser = _Chooser(values, weights, locked, need_of, system)
    caps = _caps(values, cap)
    total = AuditResult()
    # Suppressing more cells only widens every other suppressed cell's interval (a constant
    # becomes a variable; the caps stay the same), so after the first round only the
    # failing and the newly suppressed cells need LPs.
    audited = np.zeros(values.shape, dtype=bool)
    failing: set[int] = set()
    fewest, fewest_round = values.size + 1, 0
    rounds = 0
    under = _zeros_under(values, system, locked)
    # Only the relations of cells suppressed since the last closing can have opened.
    closed = np.zeros(values.shape, dtype=bool)
    while rounds < max_rounds:
        rounds += 1
        _close_relations(values, suppressed, system, chooser, np.flatnonzero(suppressed & ~closed))
        closed = suppressed.copy()
        _hide_zeros_under(suppressed, under)
        targets = (
            None
            if rounds == 1
            else failing | {int(cell) for cell in np.flatnonzero(suppressed & ~audited)}
        )
        result = audit(
            values,
            suppressed,
            system,
            primary=primary,
            k=k,
            p=p,
            cap=caps,
            targets=targets,
            exact_failing=False,
            levels=levels,
            regions=regions,
        )
        _merge(total, result)
        audited |= suppressed
        failing = set(result.failing)
        if on_round is not None:
            on_round(
                {
                    "round": rounds,
                    "suppressed": int(suppressed.sum()),
                    "failing": len(failing),
                    "linear_programs": total.linear_programs,
                    "components": total.components,
                }
            )
        if result.problems:
            return Protection(suppressed, primary, total, rounds, "; ".join(result.problems[:3]))
        if not failing:
            total.failing = []
            return Protection(suppressed, primary, total, rounds)
        if len(failing) < fewest:
            fewest, fewest_round = len(failing), rounds
        elif rounds - fewest_round >= _STALL_ROUNDS:
            total.failing = sorted(failing)
            return Protection(
                suppressed,
                primary,
                total,
                rounds,
                f"{len(failing)} suppressed cell(s) still fail after {_STALL_ROUNDS} rounds"
                " without progress",
                frozen=bool(locked.any()),
            )
        added = False
        hidden = system.count(suppressed)
        # Failing cells of one neighbourhood share their binding relations: once one of them
        # got a partner there, the others wait for the next audit instead of each taking the
        # next (dearer) cell of the same relations.
        widened: set[int] = set()
        for cell in sorted(failing):
            need = max(int(need_of[cell]), int(levels[cell]) if primary[cell] else 1)
            binding = result.blockers.get(cell, [])
            if widened.intersection(binding):
                added = True
                continue
            candidate = chooser.among_rows(
                binding, suppressed, need, hidden, result.blocker_duals.get(cell)
            )
            if candidate is None:
                candidate = _best_candidate(cell, suppressed, system, chooser, need, hidden)
            if candidate is not None:
                chooser.take(candidate, need, suppressed, hidden)
                widened.update(system.relations_of(candidate).tolist())
                added = True
        if not added:
            final = audit(
                values,
                suppressed,
                system,
                primary=primary,
                k=k,
                p=p,
                cap=caps,
                targets=failing,
                levels=levels,
                regions=regions,
            )
            _merge(total, final)
            total.failing = final.failing
            return Protection(
                suppressed,
                primary,
                total,
                rounds,
                f"{len(final.failing)} suppressed cell(s) stay disclosed and no published cell"
                " of their relations may be suppressed (values frozen by earlier releases).",
                frozen=bool(locked.any()),
            )
    total.failing = sorted(failing)
    return Protection(
        suppressed, primary, total, rounds, f"no safe pattern after {max_rounds} rounds"
    )


def _merge(total: AuditResult, result: AuditResult) -> None:
    total.lower.update(result.lower)
    total.upper.update(result.upper)
    proven = set(result.lower) - set(result.failing)
    total.exact = sorted((set(total.exact) - proven) | set(result.exact))
    total.problems += result.problems
    total.components = result.components
    total.linear_programs += result.linear_programs
    total.failing = result.failing


def _weights(values: IntArray, cost: FloatArray | None) -> FloatArray:
    if cost is None:
        weights: FloatArray = 1.0 + values.astype(np.float64)
        return weights
    if cost.shape != values.shape:
        raise DisclosureError("cost must give one weight per cell.")
    return np.asarray(cost, dtype=np.float64)


def _zeros_under(
    values: IntArray, system: RelationSystem, locked: BoolArray
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """Pairs (zero, total) of the relations ``zero <= total`` (a category within ``any``, a
    district within its gmina, a quarter within its year, ``both`` within a source) whose
    zero is published and may be suppressed."""
    pairs = np.flatnonzero(~system.equality & (np.diff(system.rows.indptr) == 2))
    starts = system.rows.indptr[pairs]
    first, second = system.rows.indices[starts], system.rows.indices[starts + 1]
    first_coef = system.rows.data[starts]
    small = np.where(first_coef > 0, first, second)
    total = np.where(first_coef > 0, second, first)
    keep = (values[small] == 0) & (values[total] > 0) & ~locked[small]
    return small[keep], total[keep]


def _hide_zeros_under(
    suppressed: BoolArray, under: tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]
) -> None:
    """A published zero next to a suppressed total says who is not in it (a disclosive
    zero, Handbook ch. 5): it is suppressed with the total. It needs no partner and costs no
    LP (a suppressed zero is only one more unknown for the attacker)."""
    zeros, totals = under
    suppressed[zeros[suppressed[totals]]] = True


def _ties(values: IntArray, system: RelationSystem) -> IntArray:
    """Groups of tied cells: an equality with two non-zero cells says ``x = y`` once its zeros
    are published, so hiding one alone pins it to the other (``all = pup`` in a category only
    PUP reports, ``category = any`` where everyone has it, households = persons where every
    household has one person). Labels of the connected groups, one per cell."""
    nonzero = values > 0
    tied = np.flatnonzero(system.equality & (system.count(nonzero) == 2))
    block = system.pattern[tied].multiply(nonzero[np.newaxis, :]).tocsr()
    block.eliminate_zeros()
    pairs = block.indices.reshape(-1, 2)
    graph = csr_matrix(
        (np.ones(pairs.shape[0]), (pairs[:, 0], pairs[:, 1])), shape=(values.size, values.size)
    )
    labels: IntArray = connected_components(graph, directed=False)[1].astype(np.int64)
    return labels


class _Chooser:
    """Picks secondary suppressions. Among the published, unlocked cells offered: first one
    that is not zero (zeros are published, A1), then one that can give the protection level
    ``need`` by itself, then the lowest weight. A cell weighs what its tied group weighs
    (:func:`_ties`: hiding it hides them all), times one plus the number of equalities in
    which it would be the only suppressed cell, where it needs a partner in turn: patterns
    close like hypercubes instead of spreading."""

    def __init__(
        self,
        values: IntArray,
        weights: FloatArray,
        locked: BoolArray,
        need_of: IntArray,
        system: RelationSystem,
    ) -> None:
        self.values = values
        self.ties = _ties(values, system)
        # Cells to their tied groups, to sum a relation's coefficients by group.
        self.groups = csr_matrix(
            (np.ones(values.size), (np.arange(values.size), self.ties)),
            shape=(values.size, int(self.ties.max(initial=0)) + 1),
        )
        self.weights: FloatArray = np.bincount(self.ties, weights=weights)[self.ties].astype(
            np.float64
        )

        self.locked = locked
        self.need_of = need_of
        self.system = system

    def cheapest(
        self,
        cells: npt.NDArray[np.int32],
        suppressed: BoolArray,
        need: int,
        hidden: npt.NDArray[np.int64],
    ) -> int | None:
        options = cells[~suppressed[cells] & ~self.locked[cells]]
        if options.size == 0:
            return None
        system = self.system
        alone = np.fromiter(
            (
                int((system.equality[rows] & (hidden[rows] == 0)).sum())
                for rows in map(system.relations_of, options.tolist())
            ),
            dtype=np.float64,
            count=options.size,
        )
        value = self.values[options]
        ranked = np.lexsort(
            (options, self.weights[options] * (1.0 + alone), value < need, value == 0)
        )
        return int(options[ranked[0]])

    def among_rows(
        self,
        rows: Sequence[int],
        suppressed: BoolArray,
        need: int,
        hidden: npt.NDArray[np.int64],
        duals: Sequence[float] | None = None,
    ) -> int | None:
        """The cheapest published cell of any of ``rows``. With the ``duals`` of the bound
        they make, only a cell whose tied group (it moves with it) they do not cancel out in:
        hiding households tied to their published persons (everyone lives alone), which
        stand in both the households' and the persons' sums, leaves the bound as it was."""
        if not rows:
            return None
        block = self.system.rows[list(rows)]
        cells, position = np.unique(block.indices, return_inverse=True)
        if duals is not None:
            weights = block.data * np.repeat(np.asarray(duals), np.diff(block.indptr))
            net = np.bincount(position, weights=weights, minlength=cells.size)
            groups, group_of = np.unique(self.ties[cells], return_inverse=True)
            moving = np.abs(np.bincount(group_of, weights=net, minlength=groups.size)) > _EPS
            found = self.cheapest(
                cells[moving[group_of]].astype(np.int32), suppressed, need, hidden
            )
            if found is not None:
                return found
        return self.cheapest(cells.astype(np.int32), suppressed, need, hidden)

    def take(
        self, cell: int, need: int, suppressed: BoolArray, hidden: npt.NDArray[np.int64]
    ) -> None:
        suppressed[cell] = True
        hidden[self.system.relations_of(cell)] += 1
        self.need_of[cell] = max(int(self.need_of[cell]), need)


def _close_relations(
    values: IntArray,
    suppressed: BoolArray,
    system: RelationSystem,
    chooser: _Chooser,
    changed: IntArray,
) -> None:
    """Cheap fixes before the LP, the way a hypercube gives every corner a partner: an equality
    whose suppressed non-zero cells could be computed from the published ones gets another
    one (a pinned cell protects nobody, whether primary or a partner), and a relation whose
    only two suppressed cells are both 1 discloses each to the other (PS2, A3) and gets a
    third. Tied cells (:func:`_ties`) move together, so a tied pair on both sides of an
    equality cancels out there and leaves the rest of it pinned. Only the relations of the
    ``changed`` cells (suppressed since the last call) are looked at, then those of the cells
    each pass adds."""
    ones = (values == 1).astype(np.float64)
    hidden = system.count(suppressed)
    rows = _relations_of(system, changed)
    while rows.size:
        net = (system.rows[rows].multiply(suppressed[np.newaxis, :]) @ chooser.groups).tocsr()
        net.data[np.abs(net.data) < _EPS] = 0.0
        net.eliminate_zeros()
        lone = system.equality[rows] & (np.diff(net.indptr) == 1)
        lone_group = np.full(rows.size, -1, dtype=np.int64)
        lone_group[lone] = net.indices[net.indptr[:-1][lone]]
        hidden_ones = system.pattern[rows] @ (ones * suppressed)
        singletons = (hidden[rows] == 2) & (np.rint(hidden_ones) == 2)
        taken: list[int] = []
        for index in np.flatnonzero(lone | singletons).tolist():
            row = int(rows[index])
            cells = system.cells_of(row)
            inside = cells[suppressed[cells]]
            if lone[index]:
                pinned = inside[chooser.ties[inside] == lone_group[index]]
                # A suppressed zero protects nobody unless it is pinned next to a sensitive cell.
                if not (values[pinned] > 0).any() or not _still_lone(
                    row, system, suppressed, chooser.ties
                ):
                    continue
            else:
                if inside.size != 2:
                    continue  # fixed by an earlier row of this pass
                pinned = inside
            need = max(1, int(chooser.need_of[pinned].max()))
            candidate = chooser.cheapest(cells, suppressed, need, hidden)
            if candidate is not None:
                chooser.take(candidate, need, suppressed, hidden)
                taken.append(candidate)
        rows = _relations_of(system, np.array(taken, dtype=np.int64))


def _relations_of(system: RelationSystem, cells: IntArray) -> IntArray:
    """The relations that hold any of ``cells``, in order."""
    rows: IntArray = np.unique(system.columns[:, cells].indices).astype(np.int64)
    return rows


def _still_lone(row: int, system: RelationSystem, suppressed: BoolArray, ties: IntArray) -> bool:
    """Whether the suppressed cells of ``row`` still move as one group (an earlier row of the
    same pass may have given it a partner)."""
    start, end = system.rows.indptr[row], system.rows.indptr[row + 1]
    cells = system.rows.indices[start:end]
    coefs = system.rows.data[start:end]
    inside = suppressed[cells]
    net: dict[int, float] = {}
    for group, coef in zip(ties[cells[inside]].tolist(), coefs[inside].tolist(), strict=True):
        net[group] = net.get(group, 0.0) + coef
    return sum(abs(value) > _EPS for value in net.values()) == 1


def _best_candidate(
    cell: int,
    suppressed: BoolArray,
    system: RelationSystem,
    chooser: _Chooser,
    need: int,
    hidden: npt.NDArray[np.int64],
) -> int | None:
    """The cheapest published cell in the relations of the failing cell; when all of those
    are suppressed already, in the relations of the suppressed cells next to it (breadth first
    through the suppressed component)."""
    frontier = [cell]
    visited_cells = {cell}
    visited_relations: set[int] = set()
    while frontier:
        indexes = sorted(
            {int(row) for member in frontier for row in system.relations_of(member)}
            - visited_relations
        )
        visited_relations.update(indexes)
        candidate = chooser.among_rows(indexes, suppressed, need, hidden)
        if candidate is not None:
            return candidate
        next_frontier = []
        for row in indexes:
            for member in system.cells_of(row).tolist():
                if suppressed[member] and member not in visited_cells:
                    visited_cells.add(member)
                    next_frontier.append(member)
        frontier = next_frontier
    return None
