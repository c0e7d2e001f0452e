"""The attacker's relations from public metadata: the category hierarchy, structural zeros
(``fixed_by_rules``) and the taxonomy read from ``ref.category``."""

from __future__ import annotations

import itertools
from datetime import date

import numpy as np
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import repository
from anonymizer.disclosure import Relation, RelationSystem, audit, protect, relation_from_truth
from anonymizer.relations import (
    ANY,
    MULTI,
    CellKey,
    Taxonomy,
    build_relations,
    fixed_by_rules,
    period_end,
)
from shared.testing.plugin import as_role

CITY = "9801011"
DISTRICT = "9801011-01"
PARENT = "parenting_household_helplessness"
CHILD = "single_parent_family"
TAXONOMY = Taxonomy(
    parent={CHILD: PARENT, "under_30": "registered_unemployed"},
    source={
        PARENT: "ops",
        CHILD: "ops",
        "poverty": "ops",
        "registered_unemployed": "pup",
        "under_30": "pup",
        "new_problem": "ops",
    },
    valid_from={"poverty": date(2004, 5, 1), "new_problem": date(2024, 7, 1)},
)


def _table(values: dict[CellKey, int]) -> tuple[list[CellKey], np.ndarray]:
    keys = list(values)
    return keys, np.array([values[key] for key in keys], dtype=np.int64)


def _has(relations: list[Relation], keys: list[CellKey], *cells: CellKey) -> Relation | None:
    wanted = {keys.index(cell) for cell in cells}
    for relation in relations:
        if set(relation.cells) == wanted:
            return relation
    return None


def test_period_end() -> None:
    assert period_end("2024") == date(2025, 1, 1)
    assert period_end("2024-Q1") == date(2024, 4, 1)
    assert period_end("2024-Q4") == date(2025, 1, 1)
    assert period_end("2024-03") == date(2024, 4, 1)
    assert period_end("2024-12") == date(2025, 1, 1)
    assert period_end("sometime") is None


def test_fixed_by_rules_marks_structural_zeros_that_hold() -> None:
    cells = {
        CellKey(DISTRICT, "poverty", "2024", "persons", source): value
        for source, value in (("ops", 7), ("pup", 0), ("both", 0), ("all", 7))
    }
    cells |= {
        CellKey(DISTRICT, "under_30", "2024", "households", source): value
        for source, value in (("ops", 0), ("pup", 3), ("both", 0), ("all", 3))
    }
    # Bad data: a PUP record with an OPS category. Its cell is not fixed (the rule fails).
    cells[CellKey(DISTRICT, CHILD, "2024", "persons", "pup")] = 1
    cells[CellKey(DISTRICT, CHILD, "2024", "persons", "both")] = 0
    # Periods ending on or before the first day of a category count nobody.
    cells |= {
        CellKey(DISTRICT, "new_problem", period, "persons", "all"): 0
        for period in ("2024-Q1", "2024-Q2", "2024-Q3", "2023")
    }
    # Categories outside the taxonomy, and 'any' and '2plus', are never fixed.
    cells |= {
        CellKey(DISTRICT, category, "2024", "persons", "pup"): 0
        for category in (ANY, MULTI, "unknown")
    }
    keys, values = _table(cells)
    fixed = {
        key for key, flag in zip(keys, fixed_by_rules(keys, values, TAXONOMY), strict=True) if flag
    }
    assert fixed == {
        CellKey(DISTRICT, "poverty", "2024", "persons", "pup"),
        CellKey(DISTRICT, "poverty", "2024", "persons", "both"),
        CellKey(DISTRICT, "under_30", "2024", "households", "ops"),
        CellKey(DISTRICT, "under_30", "2024", "households", "both"),
        CellKey(DISTRICT, CHILD, "2024", "persons", "both"),
        CellKey(DISTRICT, "new_problem", "2024-Q1", "persons", "all"),
        CellKey(DISTRICT, "new_problem", "2024-Q2", "persons", "all"),  # ends on 2024-07-01
        CellKey(DISTRICT, "new_problem", "2023", "persons", "all"),
    }
    assert fixed_by_rules([], np.zeros(0, dtype=np.int64), TAXONOMY).size == 0


def test_fixed_cells_are_constants_to_the_attacker_even_when_suppressed() -> None:
    keys, values = _table(
        {
            CellKey(DISTRICT, "poverty", "2024", "persons", source): value
            for source, value in (("ops", 2), ("pup", 0), ("both", 0), ("all", 2))
        }
    )
    pup = keys.index(CellKey(DISTRICT, "poverty", "2024", "persons", "pup"))
    everything = np.ones(len(keys), dtype=bool)
    relations = build_relations(keys, values, {}, TAXONOMY)
    assert {relation.cells for relation in relations if len(relation.cells) == 1} == {
        (pup,),
        (keys.index(CellKey(DISTRICT, "poverty", "2024", "persons", "both")),),
    }
    known = audit(
        values, everything, relations, primary=values > 0, k=5, p=0.3, cap=50.0, witnesses=False
    )
    assert (known.lower[pup], known.upper[pup]) == (0.0, 0.0)
    unknown = audit(
        values,
        everything,
        build_relations(keys, values, {}, Taxonomy()),
        primary=values > 0,
        k=5,
        p=0.3,
        cap=50.0,
        witnesses=False,
    )
    assert unknown.upper[pup] == 50.0


def _hierarchy(child: int, parent: int, multi: int) -> dict[CellKey, int]:
    cells = {}
    for category, value in (
        (CHILD, child),
        (PARENT, parent),
        ("poverty", 30),
        (ANY, 34),
        (MULTI, multi),
    ):
        for source in ("ops", "all"):
            cells[CellKey(DISTRICT, category, "2024", "persons", source)] = value
        cells[CellKey(DISTRICT, category, "2024", "persons", "pup")] = 0
        cells[CellKey(DISTRICT, category, "2024", "persons", "both")] = 0
    return cells


def test_hierarchy_child_below_parent_and_2plus() -> None:
    keys, values = _table(_hierarchy(child=4, parent=5, multi=6))
    relations = build_relations(keys, values, {}, TAXONOMY)
    child, parent, multi, total, poverty = (
        CellKey(DISTRICT, category, "2024", "persons", "ops")
        for category in (CHILD, PARENT, MULTI, ANY, "poverty")
    )
    assert _has(relations, keys, child, parent) == Relation(
        (keys.index(child), keys.index(parent)), (1.0, -1.0), False
    )
    assert _has(relations, keys, child, multi) == Relation(
        (keys.index(child), keys.index(multi)), (1.0, -1.0), False
    )
    # any <= sum of the top-level categories (the child is in its parent already).
    roots = _has(relations, keys, total, parent, poverty)
    assert roots is not None
    assert roots.coefs == (1.0, -1.0, -1.0)
    # ...but not for 'both' (OPS and PUP may know a person under different categories).
    both = [CellKey(DISTRICT, c, "2024", "persons", "both") for c in (ANY, PARENT, "poverty")]
    assert _has(relations, keys, *both) is None
    # Without the taxonomy none of this is known.
    plain = build_relations(keys, values, {}, Taxonomy())
    assert _has(plain, keys, child, parent) is None
    assert _has(plain, keys, child, multi) is None


def test_a_broken_hierarchy_is_taken_as_it_holds() -> None:
    # Bad data (a child without its parent): the attacker's system must stay feasible.
    keys, values = _table(_hierarchy(child=6, parent=5, multi=4))
    relations = build_relations(keys, values, {}, TAXONOMY)
    child, parent = (CellKey(DISTRICT, c, "2024", "persons", "ops") for c in (CHILD, PARENT))
    assert _has(relations, keys, child, parent) == Relation(
        (keys.index(child), keys.index(parent)), (-1.0, 1.0), False
    )


def test_every_relation_holds_for_the_truth_and_matches_relation_from_truth() -> None:
    rng = np.random.default_rng(14)
    units = {CITY: None, DISTRICT: CITY, "9801011-02": CITY}
    categories = [PARENT, CHILD, "poverty", "registered_unemployed", "under_30", ANY, MULTI]
    periods = ["2024-Q1", "2024-Q2", "2024"]
    keys = [
        CellKey(*parts)
        for parts in itertools.product(
            units, categories, periods, ("persons", "households"), ("ops", "pup", "both", "all")
        )
        if rng.random() < 0.9
    ]
    # Random values: most rules fail somewhere, and every relation must still hold.
    values = rng.integers(0, 6, len(keys)).astype(np.int64)
    values[rng.random(len(keys)) < 0.3] = 0
    relations = build_relations(keys, values, units, TAXONOMY)
    system = RelationSystem(relations, len(keys))
    forms = system.rows @ values.astype(np.float64)
    assert np.all(forms[system.equality] == 0)
    assert np.all(forms[~system.equality] <= 0)
    for relation in relations:
        if len(relation.cells) > 1:
            assert relation_from_truth(relation.cells, relation.coefs, values) == relation


def test_protection_hides_the_parent_that_would_bound_a_small_child() -> None:
    """The case of issue 14: a child of 4 beside a parent of 8. Published, the parent bounds the
    child to [0, 8] where the rule needs U >= 4 + 5."""
    districts = ("9801011-01", "9801011-02", "9801011-03")
    cells = {}
    for district, child, parent in zip(districts, (4, 3, 0), (8, 12, 14), strict=True):
        for category, value in (
            (CHILD, child),
            (PARENT, parent),
            ("alcoholism", 6),
            ("poverty", 40),
            (ANY, 50),
            (MULTI, parent + 2),
        ):
            cells[CellKey(district, category, "2024", "persons", "all")] = value
    for category in (CHILD, PARENT, "alcoholism", "poverty", ANY, MULTI):
        cells[CellKey(CITY, category, "2024", "persons", "all")] = sum(
            value for key, value in cells.items() if key.category == category
        )
    keys, values = _table(cells)
    case = keys.index(CellKey(districts[0], CHILD, "2024", "persons", "all"))
    parent = keys.index(CellKey(districts[0], PARENT, "2024", "persons", "all"))
    suppressed = {}
    for name, taxonomy in (("without", Taxonomy()), ("with", TAXONOMY)):
        relations = build_relations(keys, values, dict.fromkeys(districts, CITY), taxonomy)
        protection = protect(values, RelationSystem(relations, len(keys)), k=5, p=0.3, cap=6000.0)
        assert protection.reason is None
        assert protection.suppressed[case]
        suppressed[name] = bool(protection.suppressed[parent])
        assert protection.audit.upper[case] >= 9
    assert suppressed == {"without": False, "with": True}


async def test_taxonomy_reads_ref_category(db_session: AsyncSession) -> None:
    async with as_role(db_session, "socmap_anonymizer"):
        taxonomy = await repository.taxonomy(session=db_session)
    assert taxonomy.parent[CHILD] == PARENT
    assert taxonomy.parent["under_30"] == "registered_unemployed"
    assert PARENT not in taxonomy.parent
    assert taxonomy.source["poverty"] == "ops"
    assert taxonomy.source["under_30"] == "pup"
    assert taxonomy.valid_from["poverty"] == date(2004, 5, 1)
    assert "other" not in taxonomy.valid_from


@pytest.mark.parametrize("source", ["pup", "both"])
def test_an_ops_category_is_all_ops(source: str) -> None:
    keys, values = _table(
        {
            CellKey(DISTRICT, "poverty", "2024", "persons", s): v
            for s, v in (("ops", 3), ("pup", 0), ("both", 0), ("all", 3))
        }
    )
    fixed = fixed_by_rules(keys, values, TAXONOMY)
    assert fixed[keys.index(CellKey(DISTRICT, "poverty", "2024", "persons", source))]
    assert not fixed[keys.index(CellKey(DISTRICT, "poverty", "2024", "persons", "ops"))]
