"""Costs of secondary suppression and the information loss of a release (issue 14, point 4)."""

from __future__ import annotations

import numpy as np
import pytest

from anonymizer.disclosure import DisclosureError, Relation, RelationSystem, audit, protect
from anonymizer.priority import cell_costs
from anonymizer.relations import ANY, MULTI, CellKey, Taxonomy, build_relations

CITY = "9801011"
DISTRICTS = ("9801011-01", "9801011-02", "9801011-03")


def _cost(key: CellKey, value: int) -> float:
    return float(cell_costs([key], np.array([value], dtype=np.int64))[0])


def test_the_main_figure_costs_most_then_the_categories_then_the_details() -> None:
    district = DISTRICTS[0]
    main = _cost(CellKey(district, ANY, "2024-Q1", "persons", "all"), 20)
    category = _cost(CellKey(district, "poverty", "2024-Q1", "persons", "all"), 20)
    details = [
        _cost(CellKey(district, ANY, "2024-Q1", "persons", source), 20)
        for source in ("ops", "pup", "both")
    ] + [
        _cost(CellKey(district, ANY, "2024-Q1", "households", "all"), 20),
        _cost(CellKey(district, MULTI, "2024-Q1", "persons", "all"), 20),
    ]
    assert main > category > max(details)
    # Even a large detail cell goes before a small headline cell.
    assert _cost(CellKey(district, ANY, "2024-Q1", "persons", "ops"), 500) < category
    # Every level has its headline cells.
    assert _cost(CellKey(CITY, ANY, "2024", "persons", "all"), 20) > category


def test_quarters_go_before_years_and_small_cells_before_large_ones() -> None:
    quarter = CellKey(DISTRICTS[0], ANY, "2024-Q2", "persons", "all")
    year = CellKey(DISTRICTS[0], ANY, "2024", "persons", "all")
    assert _cost(quarter, 30) < _cost(year, 30)
    assert _cost(quarter, 10) < _cost(quarter, 30)
    costs = cell_costs([quarter, year], np.array([0, 0], dtype=np.int64))
    assert (costs > 0).all()


def _sources_table() -> tuple[list[CellKey], np.ndarray]:
    """Persons and households, category 'any', one quarter, three districts and the city, four
    sources. In district 1 three persons are known to both OPS and PUP (primary)."""
    split = {  # (ops, pup, both) per district, persons; households are a little fewer
        DISTRICTS[0]: (40, 30, 3),
        DISTRICTS[1]: (50, 35, 6),
        DISTRICTS[2]: (45, 28, 7),
    }
    keys: list[CellKey] = []
    values: list[int] = []
    for measure, less in (("persons", 0), ("households", 1)):
        totals = [0, 0, 0]
        for district, (ops, pup, both) in split.items():
            counts = (ops - 5 * less, pup - 4 * less, both)
            totals = [total + count for total, count in zip(totals, counts, strict=True)]
            _add_sources(keys, values, CellKey(district, ANY, "2024-Q1", measure, ""), counts)
        _add_sources(keys, values, CellKey(CITY, ANY, "2024-Q1", measure, ""), tuple(totals))
    return keys, np.array(values, dtype=np.int64)


def _add_sources(
    keys: list[CellKey], values: list[int], key: CellKey, counts: tuple[int, ...]
) -> None:
    ops, pup, both = counts
    for source, value in (("ops", ops), ("pup", pup), ("both", both), ("all", ops + pup - both)):
        keys.append(CellKey(key.unit_code, key.category, key.period, key.measure, source))
        values.append(value)


def test_a_split_is_hidden_instead_of_the_headline_cell_when_both_would_do() -> None:
    keys, values = _sources_table()
    relations = RelationSystem(
        build_relations(keys, values, dict.fromkeys(DISTRICTS, CITY), Taxonomy()), len(keys)
    )
    index = {key: position for position, key in enumerate(keys)}
    headline = [index[CellKey(unit, ANY, "2024-Q1", "persons", "all")] for unit in DISTRICTS]
    both = index[CellKey(DISTRICTS[0], ANY, "2024-Q1", "persons", "both")]

    protection = protect(values, relations, k=5, p=0.3, cost=cell_costs(keys, values))
    assert protection.reason is None
    assert protection.primary[both]
    assert not protection.suppressed[headline].any()
    partners = [keys[cell] for cell in np.flatnonzero(protection.secondary)]
    assert partners
    assert all(key.source != "all" or key.measure != "persons" for key in partners)
    check = audit(values, protection.suppressed, relations, primary=protection.primary, k=5, p=0.3)
    assert check.passed

    # The costs decide: make the splits dear and the headline cells cheap, and the pattern
    # goes through the headline cells instead.
    reversed_costs = np.where(np.isin(np.arange(len(keys)), headline), 1.0, 1e6)
    reversed_protection = protect(values, relations, k=5, p=0.3, cost=reversed_costs)
    assert reversed_protection.reason is None
    assert reversed_protection.suppressed[headline].any()


def test_hard_rules_come_before_the_cost() -> None:
    """t = a + b + c + d with a = 20 sensitive (protection level 6): b is a zero and c = 4 is
    too small to give the level, so both come after d however cheap they are."""
    values = np.array([20, 0, 4, 40, 64, 50, 114], dtype=np.int64)  # a b c d t e (t + e)
    relations = [
        Relation((4, 0, 1, 2, 3), (1.0, -1.0, -1.0, -1.0, -1.0), True),
        Relation((6, 4, 5), (1.0, -1.0, -1.0), True),
    ]
    sensitive = np.zeros(values.size, dtype=bool)
    sensitive[0] = True
    cheap_first = np.array([1.0, 1.0, 1.0, 50.0, 1e4, 1e4, 1e4])
    protection = protect(values, relations, k=3, p=0.3, primary=sensitive, cost=cheap_first)
    assert protection.reason is None
    assert protection.suppressed.tolist() == [True, False, False, True, False, False, False]


def test_cost_must_give_one_weight_per_cell() -> None:
    values = np.array([2, 30, 32], dtype=np.int64)
    relations = [Relation((2, 0, 1), (1.0, -1.0, -1.0), True)]
    with pytest.raises(DisclosureError):
        protect(values, relations, k=5, p=0.3, cost=np.ones(2))
