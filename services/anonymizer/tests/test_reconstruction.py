"""Reconstruction smoke test (A6 of the reference): an attacker who solves an integer
programme for microdata consistent with a release must not pin down anybody's sensitive
attribute.

A synthetic district of 28 persons with 6 attributes: district (3 districts of one city),
known to OPS, known to PUP, poverty, unemployment and the sensitive one, disability. The
table (units x categories incl. 'any' and '2plus' x sources, persons) is protected exactly as
the service does it: the real relation builder and :func:`anonymizer.disclosure.protect`.

The attacker's model: one integer variable per record type (every combination of the
attributes), every published cell an equation, suppressed cells unknown. A person's
disability is disclosed when everybody who shares their other attributes has the same value
in *every* reconstruction: the ILP maximizing the number of persons of that class with the
other value finds none. A negative control publishes the same table without suppression and
must be caught, so the test can see what it is looking for.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import Bounds, LinearConstraint, milp

from anonymizer.disclosure import RelationSystem, protect
from anonymizer.relations import ANY, MULTI, CellKey, Taxonomy, build_relations

CITY = "9801011"
DISTRICTS = ("9801011-01", "9801011-02", "9801011-03")
SOURCES = ("ops", "pup", "both")  # how a person is known: OPS only, PUP only, both
OTHER = (("poverty",), ("unemployment",), ("poverty", "unemployment"))
CATEGORIES = ("poverty", "unemployment", "disability", ANY, MULTI)
PERIOD = "2024"
K = 5


@dataclass(frozen=True, slots=True)
class RecordType:
    district: str
    known: str
    other: tuple[str, ...]
    disability: bool

    @property
    def categories(self) -> tuple[str, ...]:
        return (*self.other, "disability") if self.disability else self.other

    @property
    def quasi(self) -> tuple[str, str, tuple[str, ...]]:
        """What an attacker may know of a neighbour: all but the sensitive attribute."""
        return (self.district, self.known, self.other)


TYPES = [
    RecordType(district, known, other, disability)
    for district, known, other, disability in itertools.product(
        DISTRICTS, SOURCES, OTHER, (False, True)
    )
]

# (district, known, other categories, disability, how many persons)
DISTRICT_RECORDS = [
    (DISTRICTS[0], "ops", ("poverty",), False, 5),
    (DISTRICTS[0], "ops", ("poverty",), True, 2),
    (DISTRICTS[0], "both", ("poverty", "unemployment"), False, 2),
    (DISTRICTS[0], "pup", ("unemployment",), False, 3),
    (DISTRICTS[1], "ops", ("poverty",), False, 4),
    (DISTRICTS[1], "ops", ("poverty",), True, 1),
    (DISTRICTS[1], "pup", ("unemployment",), False, 3),
    (DISTRICTS[1], "both", ("unemployment",), True, 1),
    (DISTRICTS[1], "ops", ("poverty", "unemployment"), False, 1),
    (DISTRICTS[2], "ops", ("poverty",), False, 3),
    # The small group: two persons known to PUP only, unemployed and disabled.
    (DISTRICTS[2], "pup", ("unemployment",), True, 2),
]


def _population() -> npt.NDArray[np.int64]:
    counts = Counter(
        {RecordType(d, known, other, dis): n for d, known, other, dis, n in DISTRICT_RECORDS}
    )
    return np.array([counts[record] for record in TYPES], dtype=np.int64)


def _counts_in(record: RecordType, key: CellKey) -> bool:
    if key.unit_code not in (record.district, CITY):
        return False
    if key.category == MULTI and len(record.categories) < 2:
        return False
    if key.category not in (ANY, MULTI) and key.category not in record.categories:
        return False
    return key.source == "all" or record.known in (key.source, "both")


def _table() -> tuple[list[CellKey], npt.NDArray[np.float64]]:
    """The cells and, per cell, which record types it counts."""
    keys = [
        CellKey(unit, category, PERIOD, "persons", source)
        for unit in (*DISTRICTS, CITY)
        for category in CATEGORIES
        for source in ("ops", "pup", "both", "all")
    ]
    matrix = np.array(
        [[1.0 if _counts_in(record, key) else 0.0 for record in TYPES] for key in keys]
    )
    return keys, matrix


def _disclosed(
    matrix: npt.NDArray[np.float64], values: npt.NDArray[np.int64], published: npt.NDArray[np.bool_]
) -> list[tuple[str, str, tuple[str, ...]]]:
    """The classes of people (all but the sensitive attribute) whose disability every
    reconstruction agrees on, among the classes that have members."""
    truth = _population()
    constraint = LinearConstraint(matrix[published], values[published], values[published])
    bounds = Bounds(0, int(truth.sum()))
    integral = np.ones(len(TYPES))
    # The truth is a reconstruction; the attacker can find one (ILP), and the model is right.
    found = milp(np.zeros(len(TYPES)), constraints=constraint, bounds=bounds, integrality=integral)
    assert found.success
    disclosed = []
    for quasi in sorted({record.quasi for record in TYPES}):
        members = [i for i, record in enumerate(TYPES) if record.quasi == quasi]
        if truth[members].sum() == 0:
            continue
        for holder in members:
            if truth[holder] == 0:
                continue
            # Some reconstruction must give this class a person with the other value.
            other = next(i for i in members if i != holder)
            cost = np.zeros(len(TYPES))
            cost[other] = -1.0
            best = milp(cost, constraints=constraint, bounds=bounds, integrality=integral)
            assert best.success
            if -best.fun < 0.5:
                disclosed.append(quasi)
                break
    return disclosed


def _unique_reconstruction_of(
    matrix: npt.NDArray[np.float64],
    values: npt.NDArray[np.int64],
    published: npt.NDArray[np.bool_],
    district: str,
) -> bool:
    """Whether the whole microdata of ``district`` is determined: min = max for every record
    type of it."""
    constraint = LinearConstraint(matrix[published], values[published], values[published])
    bounds = Bounds(0, int(_population().sum()))
    integral = np.ones(len(TYPES))
    for index, record in enumerate(TYPES):
        if record.district != district:
            continue
        cost = np.zeros(len(TYPES))
        cost[index] = 1.0
        low = milp(cost, constraints=constraint, bounds=bounds, integrality=integral)
        high = milp(-cost, constraints=constraint, bounds=bounds, integrality=integral)
        if round(low.fun) != round(-high.fun):
            return False
    return True


def test_protected_table_does_not_pin_down_anybodys_disability() -> None:
    keys, matrix = _table()
    values = (matrix @ _population()).round().astype(np.int64)
    relations = build_relations(keys, values, dict.fromkeys(DISTRICTS, CITY), Taxonomy())
    protection = protect(values, RelationSystem(relations, len(keys)), k=K, p=0.3)
    assert protection.reason is None
    assert protection.suppressed.any()

    assert _disclosed(matrix, values, ~protection.suppressed) == []
    assert not _unique_reconstruction_of(matrix, values, ~protection.suppressed, DISTRICTS[2])


def test_negative_control_the_unprotected_table_is_reconstructed() -> None:
    keys, matrix = _table()
    values = (matrix @ _population()).round().astype(np.int64)
    everything = np.ones(len(keys), dtype=bool)

    # The small district is rebuilt record by record, and its two PUP clients are disabled.
    assert _unique_reconstruction_of(matrix, values, everything, DISTRICTS[2])
    assert (DISTRICTS[2], "pup", ("unemployment",)) in _disclosed(matrix, values, everything)
