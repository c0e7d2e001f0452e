"""The disclosure-control core on hand-built tables (A1, A2, A3, A8 of the reference)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from anonymizer.disclosure import (
    DisclosureError,
    Relation,
    audit,
    primary_suppression,
    protect,
    protection_level,
    relation_from_truth,
)


@pytest.mark.parametrize(
    ("count", "suppressed"), [(0, False), (1, True), (2, True), (4, True), (5, False), (6, False)]
)
def test_a1_primary_boundaries_k5(count: int, suppressed: bool) -> None:
    values = np.array([count], dtype=np.int64)
    assert bool(primary_suppression(values, k=5)[0]) is suppressed


@pytest.mark.parametrize(("count", "suppressed"), [(0, False), (1, True), (2, True), (3, False)])
def test_a1_primary_boundaries_k3(count: int, suppressed: bool) -> None:
    values = np.array([count], dtype=np.int64)
    assert bool(primary_suppression(values, k=3)[0]) is suppressed


@pytest.mark.parametrize("k", [0, 1, 2])
def test_k_below_three_is_refused(k: int) -> None:
    with pytest.raises(DisclosureError):
        primary_suppression(np.array([1], dtype=np.int64), k=k)
    with pytest.raises(DisclosureError):
        protect(np.array([1], dtype=np.int64), [], k=k, p=0.3)


def test_protection_level() -> None:
    assert protection_level(2, k=5, p=0.3) == 5
    assert protection_level(40, k=5, p=0.3) == 12
    assert protection_level(20, k=5, p=0.3) == 6


def _two_way(
    inner: dict[tuple[str, str], int],
) -> tuple[list[tuple[str, str]], np.ndarray, list[Relation]]:
    rows = sorted({row for row, _ in inner})
    cols = sorted({col for _, col in inner})
    keys = [*inner, *[(r, "tot") for r in rows], *[("tot", c) for c in cols], ("tot", "tot")]
    value = dict(inner)
    for r in rows:
        value[(r, "tot")] = sum(inner[(r, c)] for c in cols)
    for c in [*cols, "tot"]:
        value[("tot", c)] = sum(value[(r, c)] for r in rows)
    index = {key: position for position, key in enumerate(keys)}
    values = np.array([value[key] for key in keys], dtype=np.int64)
    relations = []
    for r in [*rows, "tot"]:
        cells = (index[(r, "tot")], *[index[(r, c)] for c in cols])
        relations.append(Relation(cells, (1.0, *[-1.0] * len(cols)), True))
    for c in [*cols, "tot"]:
        cells = (index[("tot", c)], *[index[(r, c)] for r in rows])
        relations.append(Relation(cells, (1.0, *[-1.0] * len(rows)), True))
    return keys, values, relations


SDC_TABLE = {
    ("w", "a"): 30, ("w", "b"): 47, ("w", "c"): 64, ("w", "d"): 89,
    ("x", "a"): 90, ("x", "b"): 124, ("x", "c"): 5, ("x", "d"): 31,
    ("y", "a"): 92, ("y", "b"): 100, ("y", "c"): 59, ("y", "d"): 85,
    ("z", "a"): 800, ("z", "b"): 991, ("z", "c"): 651, ("z", "d"): 685,
}  # fmt: skip
SDC_PATTERN = [
    ("w", "a"), ("w", "b"), ("w", "c"), ("x", "a"), ("x", "c"),
    ("y", "b"), ("y", "d"), ("z", "b"), ("z", "d"),
]  # fmt: skip


def test_a8_sdctable_fixture_is_caught_and_fixed() -> None:
    """Two suppressions in every row and column, and w|b = 47 is still exact."""
    keys, values, relations = _two_way(SDC_TABLE)
    index = {key: position for position, key in enumerate(keys)}
    pattern = np.zeros(len(keys), dtype=bool)
    for key in SDC_PATTERN:
        pattern[index[key]] = True
    assert values[index[("tot", "tot")]] == 3943

    result = audit(values, pattern, relations, primary=pattern, k=5, p=0.3, witnesses=False)
    wb = index[("w", "b")]
    assert (result.lower[wb], result.upper[wb]) == (47.0, 47.0)
    assert wb in result.exact
    assert wb in result.failing

    widened = pattern.copy()
    widened[index[("x", "b")]] = True
    result = audit(values, widened, relations, primary=pattern, k=5, p=0.3, witnesses=False)
    assert (result.lower[wb], result.upper[wb]) == (0.0, 141.0)

    protection = protect(values, relations, k=5, p=0.3, primary=pattern)
    assert protection.reason is None
    assert protection.audit.passed
    assert protection.secondary.sum() >= 1
    assert wb not in protection.audit.exact


def test_a8_primary_only_three_way_table_is_exact() -> None:
    """A 3-D table with all margins: primary suppression alone leaves every P cell exact."""
    size = 4
    rng = np.random.default_rng(7)
    inner = {cell: int(rng.integers(20, 60)) for cell in itertools.product(range(size), repeat=3)}
    for cell in [(0, 0, 0), (1, 2, 3), (3, 1, 2), (2, 3, 0)]:
        inner[cell] = int(rng.integers(1, 5))
    axis_values: list[object] = [*range(size), "+"]
    keys = list(itertools.product(axis_values, repeat=3))
    index = {key: position for position, key in enumerate(keys)}

    def total(key: tuple[object, ...]) -> int:
        ranges = [range(size) if part == "+" else [part] for part in key]
        return sum(inner[cell] for cell in itertools.product(*ranges))  # type: ignore[index]

    values = np.array([total(key) for key in keys], dtype=np.int64)
    relations = []
    for key in keys:
        for axis in range(3):
            if key[axis] == "+":
                members = [index[(*key[:axis], value, *key[axis + 1 :])] for value in range(size)]
                relations.append(Relation((index[key], *members), (1.0, *[-1.0] * size), True))
    primary = primary_suppression(values, k=5)
    assert primary.sum() == 4
    result = audit(values, primary, relations, primary=primary, k=5, p=0.3)
    assert sorted(result.exact) == sorted(np.flatnonzero(primary).tolist())
    protection = protect(values, relations, k=5, p=0.3)
    assert protection.audit.passed
    assert not protection.audit.exact


def test_a2_interval_too_narrow_fails_then_is_widened() -> None:
    """a + b = t with a = 2 and b = 4 both primary: a lies in [0, 6], not exact, but
    U = 6 < v + P = 7, so the audit fails and the pattern grows."""
    values = np.array([2, 4, 6, 40, 46], dtype=np.int64)  # a, b, t=a+b, c, grand=t+c
    relations = [
        Relation((2, 0, 1), (1.0, -1.0, -1.0), True),
        Relation((4, 2, 3), (1.0, -1.0, -1.0), True),
    ]
    primary = primary_suppression(values, k=5)
    result = audit(values, primary, relations, primary=primary, k=5, p=0.3)
    assert 0 not in result.exact
    assert 0 in result.failing
    protection = protect(values, relations, k=5, p=0.3)
    assert protection.audit.passed
    assert protection.suppressed[2]
    assert protection.suppressed[3]


def test_a3_two_singletons_in_a_relation_get_a_third_suppression() -> None:
    values = np.array([1, 1, 60, 62], dtype=np.int64)
    relations = [Relation((3, 0, 1, 2), (1.0, -1.0, -1.0, -1.0), True)]
    protection = protect(values, relations, k=3, p=0.3)
    assert protection.suppressed[:2].all()
    assert protection.suppressed.sum() >= 3


def test_locked_cells_are_not_used_and_the_failure_says_why() -> None:
    values = np.array([2, 30, 32], dtype=np.int64)
    relations = [Relation((2, 0, 1), (1.0, -1.0, -1.0), True)]
    locked = np.array([False, True, True])
    protection = protect(values, relations, k=5, p=0.3, locked=locked)
    assert protection.reason is not None
    assert "frozen" in protection.reason


def test_relation_from_truth_direction() -> None:
    values = np.array([5, 3, 3], dtype=np.int64)
    # parent 5 < 3 + 3 (a person in two districts): parent - children <= 0 is kept.
    relation = relation_from_truth([0, 1, 2], [1.0, -1.0, -1.0], values)
    assert relation is not None
    assert not relation.equality
    assert relation.coefs == (1.0, -1.0, -1.0)
    values = np.array([7, 3, 3], dtype=np.int64)
    relation = relation_from_truth([0, 1, 2], [1.0, -1.0, -1.0], values)
    assert relation is not None
    assert relation.coefs == (-1.0, 1.0, 1.0)
