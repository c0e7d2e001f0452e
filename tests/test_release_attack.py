"""An independent LP attack on a published release (reference/disclosure-control.md §4, A2).

The attacker reads only what is public: the release through ``GET /v1/releases/{id}/cells``,
and the reference data (the category hierarchy, sources and first days of ``ref.category``,
the parents of ``geo.territorial_unit``, the residents of ``geo.population``). It writes its
own linear system from those facts, independently of ``anonymizer.relations`` and
``anonymizer.disclosure``, and bounds every suppressed cell with HiGHS (scipy ``linprog``).
Every suppressed cell with a true value 1..k-1 must keep ``L <= max(0, v - P)`` and
``U >= v + P``, ``P = max(k, ceil(p * v))``.

The world reproduces the case of issue 14: in a district the parent category
``parenting_household_helplessness`` counts 5 persons and its sub-category
``single_parent_family`` 4, a primary cell; were the parent published, child <= parent would
leave the attacker [0, 5] where the rule needs U >= 9.

The attacker's facts hold only for data that follows the public rules, so the records are made
the way ingest makes them: categories closed upward, a category only from its own kind of
institution, on or after its first day; every person has one district (no movers, no records
without a district), which makes the geography additive. The test checks that the true values
satisfy every fact before it attacks.
"""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import numpy as np
import pytest
from scipy.optimize import linprog
from scipy.sparse import csr_matrix
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import aggregation
from anonymizer.app import create_app
from anonymizer.settings import AnonymizerSettings
from anonymizer.testing import TODAY, ClientFactory, World, box, publish
from shared.institutions import create_institution, create_loaded_batch

VOIVODESHIP = "95"
POWIAT = "9501"
CITY = "9501011"
TOWN = "9501022"  # a town without districts
DISTRICTS = tuple(f"{CITY}-0{number}" for number in range(1, 5))
PARENT = "parenting_household_helplessness"
CHILD = "single_parent_family"
SPRING = (date(2024, 5, 10), date(2024, 5, 20))  # 2024-Q2
SUMMER = (date(2024, 8, 10), date(2024, 8, 20))  # 2024-Q3

Key = tuple[str, str, str, str, str]  # unit, category, period, measure, source
Form = dict[Key, float]  # sum(coef * x[key]), compared with 0


# --- the world: records made by ingest's rules ---------------------------------------------


@dataclass
class Catalogue:
    """ref.category as public reference data."""

    parent: dict[str, str]
    source: dict[str, str]
    valid_from: dict[str, date]

    def closed(self, categories: tuple[str, ...]) -> tuple[str, ...]:
        codes = set(categories)
        for code in categories:
            while code in self.parent:
                code = self.parent[code]
                codes.add(code)
        return tuple(sorted(codes))


async def _catalogue(session: AsyncSession) -> Catalogue:
    rows = (
        await session.execute(
            text("SELECT code, parent_code, source, valid_from FROM ref.category")
        )
    ).all()
    return Catalogue(
        {code: parent for code, parent, _, _ in rows if parent},
        {code: source for code, _, source, _ in rows},
        {code: first for code, _, _, first in rows if first},
    )


class Records:
    """Adds records as ingest would store them, one district per person."""

    def __init__(self, world: World, catalogue: Catalogue) -> None:
        self.world = world
        self.catalogue = catalogue
        self.home: dict[str, str] = {}

    async def add(
        self,
        person: str,
        categories: tuple[str, ...],
        district: str,
        *,
        source: str = "ops",
        when: tuple[date, date] = SPRING,
        household: str | None = None,
    ) -> None:
        for code in categories:
            assert self.catalogue.source[code] == source, "category_not_for_institution"
            first = self.catalogue.valid_from.get(code)
            assert first is None or when[0] >= first, "category_not_valid_on_date"
        assert self.home.setdefault(person, district) == district, "one district per person"
        gmina = district.split("-")[0]
        await self.world.add(
            person,
            categories=self.catalogue.closed(categories),
            district=district if "-" in district else None,
            gmina=gmina,
            day=when[0],
            end=when[1],
            source=source,
            household=household,
        )

    async def many(self, count: int, prefix: str, *args: Any, **kwargs: Any) -> None:
        for number in range(count):
            await self.add(f"{prefix}-{number}", *args, **kwargs)


async def _geography(session: AsyncSession) -> None:
    units = [
        (VOIVODESHIP, "voivodeship", None, 30000, 12.0),
        (POWIAT, "powiat", VOIVODESHIP, 30000, 12.1),
        (CITY, "gmina", POWIAT, 24000, 12.2),
        (TOWN, "gmina", POWIAT, 6000, 12.3),
        *[(code, "district", CITY, 6000, 12.4 + n / 10) for n, code in enumerate(DISTRICTS)],
    ]
    for code, level, parent, population, x in units:
        await session.execute(
            text(
                "INSERT INTO geo.territorial_unit (code, level, name, parent_code, geom)"
                f" VALUES (:code, :level, :name, :parent, {box(x)})"
            ),
            {"code": code, "level": level, "name": f"unit {code}", "parent": parent},
        )
        await session.execute(
            text(
                "INSERT INTO geo.population (unit_code, year, population, synthetic)"
                " VALUES (:code, 2024, :population, true)"
            ),
            {"code": code, "population": population},
        )


async def _world(session: AsyncSession) -> World:
    await _geography(session)
    institution = await create_institution(
        session, kind="OPS", name=f"MOPS {uuid.uuid4().hex[:6]}", territory=[POWIAT]
    )
    batch = await create_loaded_batch(session, institution_id=institution.id)
    return World(session, institution.id, batch)


async def _single_parent_families(records: Records) -> None:
    """Districts where the parent category is large enough to publish and its sub-category
    small, among enough other cases that most cells publish."""
    d1, d2, d3, d4 = DISTRICTS
    # The case of issue 14: parent 5, child 4.
    await records.many(4, "d1-spf", (CHILD,), d1)
    await records.add("d1-help", (PARENT,), d1)
    await records.many(3, "d2-spf", (CHILD,), d2)
    await records.many(5, "d2-help", (PARENT,), d2)
    await records.many(6, "d3-help", (PARENT,), d3)
    await records.many(2, "d4-spf", (CHILD,), d4)
    await records.many(6, "d4-help", (PARENT,), d4)
    for number, district in enumerate(DISTRICTS):
        await records.many(14 + number, f"{district}-poor", ("poverty",), district)
        await records.many(
            6, f"{district}-two", ("poverty", "unemployment"), district, household=district
        )
        await records.many(8 + number, f"{district}-summer", ("poverty",), district, when=SUMMER)
        await records.many(7, f"{district}-pup", ("registered_unemployed",), district, source="pup")
        await records.many(5 + number, f"{district}-young", ("under_30",), district, source="pup")
    # Known to both: OPS for poverty, PUP as registered unemployed.
    for number in range(6):
        await records.add(f"both-{number}", ("poverty",), d3)
        await records.add(f"both-{number}", ("registered_unemployed",), d3, source="pup")
    await records.many(3, "large", ("large_family",), d2)
    await records.many(9, "town", ("poverty",), TOWN)


# --- the attacker: public output and public facts only -------------------------------------


async def _published_cells(
    client: httpx.AsyncClient, release_id: int, *, shown: dict[Key, int] | None = None
) -> dict[Key, int | None]:
    """The release as the public reads it: a suppressed cell, and a cell whose revision is
    pending (it shows an earlier value, put in ``shown``), are unknowns."""
    cells: dict[Key, int | None] = {}
    offset = 0
    while True:
        response = await client.get(
            f"/v1/releases/{release_id}/cells", params={"limit": 1000, "offset": offset}
        )
        assert response.status_code == 200, response.text
        page = response.json()["cells"]
        for cell in page:
            key = (cell["unit_code"], cell["category"], cell["period"], cell["measure"])
            full = (*key, cell["source"])
            cells[full] = None if cell["suppressed"] or cell["revision_pending"] else cell["value"]
            if cell["revision_pending"] and shown is not None:
                shown[full] = cell["value"]
        if len(page) < 1000:
            return cells
        offset += 1000


async def _geography_facts(
    session: AsyncSession,
) -> tuple[dict[str, str | None], dict[str, int]]:
    """The parent of every unit and its residents in 2024 (public reference data)."""
    units = await session.execute(text("SELECT code, parent_code FROM geo.territorial_unit"))
    residents = await session.execute(
        text("SELECT unit_code, population FROM geo.population WHERE year = 2024")
    )
    return dict(units.all()), dict(residents.all())


def _period_end(period: str) -> date:
    year = int(period[:4])
    if "-Q" not in period:
        return date(year + 1, 1, 1)
    quarter = int(period[-1])
    return date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)


def _facts(
    cells: dict[Key, int | None],
    catalogue: Catalogue,
    unit_parent: dict[str, str | None],
) -> tuple[list[Form], list[Form]]:
    """The attacker's equalities and inequalities (``form == 0``, ``form <= 0``) between the
    cells of the release; a cell absent from the release counts nobody."""
    equal: list[Form] = []
    below: list[Form] = []

    def at_most(small: Key, large: Key) -> None:
        if small in cells:
            below.append({small: 1.0, large: -1.0} if large in cells else {small: 1.0})

    def sum_at_most(heads: list[Key], members: list[Key]) -> None:
        form: Form = defaultdict(float)
        for head in heads:
            form[head] += 1.0
        for member in members:
            form[member] -= 1.0
        below.append(dict(form))

    tables: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for unit, category, period, measure, source in cells:
        tables[(unit, period, measure, source)].append(category)
    children_of: dict[str, list[str]] = defaultdict(list)
    for unit, parent in unit_parent.items():
        if parent is not None:
            children_of[parent].append(unit)
    for key in cells:
        unit, category, period, measure, source = key
        # Geography: one person, one district, so a unit is the sum of its children.
        if children_of.get(unit):
            equal.append(
                {key: 1.0}
                | {
                    (child, *key[1:]): -1.0
                    for child in children_of[unit]
                    if (child, *key[1:]) in cells
                }
            )
        # Sources: all = ops + pup - both; both <= ops, both <= pup.
        if source == "all":
            parts = {name: (unit, category, period, measure, name) for name in ("ops", "pup")}
            both = (unit, category, period, measure, "both")
            equal.append({key: 1.0, parts["ops"]: -1.0, parts["pup"]: -1.0, both: 1.0})
            at_most(both, parts["ops"])
            at_most(both, parts["pup"])
        # Households <= persons (a household of 'both' may join an OPS and a PUP person).
        if measure == "households" and source != "both":
            at_most(key, (unit, category, period, "persons", source))
        # Quarters: quarter <= year <= sum of its quarters.
        if "-Q" in period:
            at_most(key, (unit, category, period[:4], measure, source))
        else:
            quarters = [(unit, category, f"{period}-Q{q}", measure, source) for q in range(1, 5)]
            sum_at_most([key], [quarter for quarter in quarters if quarter in cells])
        # Categories: c <= any, 2plus <= any; a sub-category <= its parent and <= 2plus.
        if category != "any":
            at_most(key, (unit, "any", period, measure, source))
        if category in catalogue.parent:
            at_most(key, (unit, catalogue.parent[category], period, measure, source))
            at_most(key, (unit, "2plus", period, measure, source))
        # Structural zeros: the other kind of institution, and before the first day.
        kind = catalogue.source.get(category)
        first = catalogue.valid_from.get(category)
        if (kind == "ops" and source in ("pup", "both")) or (
            kind == "pup" and source in ("ops", "both")
        ):
            equal.append({key: 1.0})
        if first is not None and _period_end(period) <= first:
            equal.append({key: 1.0})
    for (unit, period, measure, source), categories in tables.items():
        singles = [
            (unit, category, period, measure, source)
            for category in categories
            if category not in ("any", "2plus")
        ]
        total = (unit, "any", period, measure, source)
        multi = (unit, "2plus", period, measure, source)
        # any <= sum(c): somebody known to OPS and to PUP under different categories is in
        # 'any' of 'both' without being in any category of 'both'.
        if source != "both" and total in cells:
            sum_at_most([total], singles)
        # any + 2plus <= sum(c): a person in 2plus is in two categories; by source, one of
        # them may be an OPS category and the other a PUP one.
        if source == "all" and total in cells and multi in cells:
            sum_at_most([total, multi], singles)
    return equal, below


@dataclass
class Attack:
    """The linear system over the suppressed cells, published cells substituted."""

    variables: list[Key]
    equal: tuple[csr_matrix, np.ndarray[Any, Any]]
    below: tuple[csr_matrix, np.ndarray[Any, Any]]
    caps: np.ndarray[Any, Any]

    def interval(self, key: Key) -> tuple[float, float]:
        target = np.zeros(len(self.variables))
        target[self.variables.index(key)] = 1.0
        bounds = list(zip(np.zeros(len(self.variables)), self.caps, strict=True))
        ends = []
        for sign in (1.0, -1.0):
            result = linprog(
                sign * target,
                A_ub=self.below[0],
                b_ub=self.below[1],
                A_eq=self.equal[0],
                b_eq=self.equal[1],
                bounds=bounds,
                method="highs",
            )
            assert result.status == 0, result.message
            ends.append(sign * result.fun)
        return ends[0], ends[1]


def _system(
    forms: list[Form], cells: dict[Key, int | None], index: dict[Key, int]
) -> tuple[csr_matrix, np.ndarray[Any, Any]]:
    rows, columns, data, constants = [], [], [], []
    kept = 0
    for form in forms:
        constant = 0.0
        entries = []
        for key, coef in form.items():
            value = cells.get(key, 0)
            if value is None:
                entries.append((index[key], coef))
            else:
                constant += coef * value
        if not entries:
            continue
        for column, coef in entries:
            rows.append(kept)
            columns.append(column)
            data.append(coef)
        constants.append(-constant)
        kept += 1
    matrix = csr_matrix((data, (rows, columns)), shape=(kept, len(index)))
    return matrix, np.array(constants)


def _attack(
    cells: dict[Key, int | None],
    catalogue: Catalogue,
    unit_parent: dict[str, str | None],
    residents: dict[str, int],
) -> tuple[Attack, list[Form], list[Form]]:
    equal, below = _facts(cells, catalogue, unit_parent)
    variables = [key for key, value in cells.items() if value is None]
    index = {key: position for position, key in enumerate(variables)}
    fallback = max(residents.values())
    caps = np.array([float(residents.get(key[0], fallback)) for key in variables])
    attack = Attack(variables, _system(equal, cells, index), _system(below, cells, index), caps)
    return attack, equal, below


def _holds(forms: list[Form], truth: dict[Key, int], *, equality: bool) -> list[Form]:
    broken = []
    for form in forms:
        total = sum(coef * truth.get(key, 0) for key, coef in form.items())
        if (equality and total != 0) or (not equality and total > 0):
            broken.append(form)
    return broken


# --- the test -----------------------------------------------------------------------------


@pytest.fixture
async def anonymizer_client(
    make_client: ClientFactory,
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(AnonymizerSettings(worker_enabled=False, map_tiles_url=None))
    async with make_client(app, role="socmap_anonymizer") as client:
        yield client


async def test_an_independent_attacker_with_all_public_facts_learns_no_small_cell(
    db_session: AsyncSession, anonymizer_client: httpx.AsyncClient
) -> None:
    catalogue = await _catalogue(db_session)
    world = await _world(db_session)
    await _single_parent_families(Records(world, catalogue))
    settings = AnonymizerSettings(worker_enabled=False, map_tiles_url=None)
    run, outcome = await publish(db_session, settings)
    assert outcome is not None, run["reason"]
    truth = {
        (row.unit_code, row.category, row.period, row.measure, row.source): row.value
        for row in await aggregation.aggregate(session=db_session, as_of=TODAY)
    }
    unit_parent, residents = await _geography_facts(db_session)

    # What the public sees (after the setup: a failed request would leave the session in the
    # service's role).
    release = (await anonymizer_client.get(f"/v1/releases/{outcome.release_id}")).json()
    k, p = release["k"], release["parameters"]["p"]
    cells = await _published_cells(anonymizer_client, outcome.release_id)
    assert set(cells) <= set(truth)

    # The world reproduces the case: the sub-category is a small primary cell beside a parent
    # large enough to publish.
    case = (DISTRICTS[0], CHILD, "2024-Q2", "persons", "ops")
    assert truth[case] == 4
    assert cells[case] is None
    assert truth[(DISTRICTS[0], PARENT, "2024-Q2", "persons", "ops")] == 5

    attack, equal, below = _attack(cells, catalogue, unit_parent, residents)
    # Every fact of the attacker holds for the truth (the records follow the rules), and a
    # cell absent from the release (the aggregation has no row for it) is 0 indeed.
    assert _holds(equal, truth, equality=True) == []
    assert _holds(below, truth, equality=False) == []
    assert all(
        0 <= truth[key] <= cap for key, cap in zip(attack.variables, attack.caps, strict=True)
    )

    disclosed = _disclosed(attack, truth, k=k, p=p)
    assert disclosed == [], (
        f"{len(disclosed)} of {sum(0 < truth[key] < k for key in attack.variables)} small"
        f" suppressed cells narrowed below their protection level: {disclosed[:10]}"
    )

    # Negative control: with the small cells alone hidden, the same attacker narrows many of
    # them, the case among them.
    primary_only = {key: None if 0 < truth[key] < k else truth[key] for key in cells}
    control, _, _ = _attack(primary_only, catalogue, unit_parent, residents)
    assert case in {key for key, *_ in _disclosed(control, truth, k=k, p=p)}


def _disclosed(
    attack: Attack, truth: dict[Key, int], *, k: int, p: float
) -> list[tuple[Key, int, float, float]]:
    """The suppressed cells of value 1..k-1 whose interval misses L <= max(0, v - P) or
    U >= v + P, P = max(k, ceil(p * v))."""
    disclosed = []
    for key in attack.variables:
        value = truth[key]
        if not 0 < value < k:
            continue
        level = max(k, math.ceil(p * value - 1e-9))
        lower, upper = attack.interval(key)
        if lower > max(0, value - level) + 1e-6 or upper < value + level - 1e-6:
            disclosed.append((key, value, round(lower, 3), round(upper, 3)))
    return disclosed


async def test_late_records_into_a_small_cell_reveal_nothing_over_three_releases(
    db_session: AsyncSession, anonymizer_client: httpx.AsyncClient
) -> None:
    """Two late records into the case's district, each followed by a release: in every release
    the attacker (pending cells unknown, all public facts) narrows no small cell, and no
    pending revision below k to less than k around its new value."""
    catalogue = await _catalogue(db_session)
    world = await _world(db_session)
    records = Records(world, catalogue)
    await _single_parent_families(records)
    settings = AnonymizerSettings(worker_enabled=False, map_tiles_url=None)
    unit_parent, residents = await _geography_facts(db_session)
    first_shown: dict[Key, int] = {}
    for late in range(3):
        if late:
            await records.add(f"late-{late}", (CHILD,), DISTRICTS[0])
        run, outcome = await publish(db_session, settings)
        assert outcome is not None, run["reason"]
        assert run["status"] == "published"
        truth = {
            (row.unit_code, row.category, row.period, row.measure, row.source): row.value
            for row in await aggregation.aggregate(session=db_session, as_of=TODAY)
        }
        shown: dict[Key, int] = {}
        cells = await _published_cells(anonymizer_client, outcome.release_id, shown=shown)
        if late == 0:
            first_shown = {key: value for key, value in cells.items() if value is not None}
        else:
            assert shown, "the late record leaves its cells pending"
            # A pending cell shows what the first release showed.
            assert all(first_shown.get(key) == value for key, value in shown.items())
        attack, _, _ = _attack(cells, catalogue, unit_parent, residents)
        assert _disclosed(attack, truth, k=5, p=0.3) == [], late
        moved = []
        for key, old in shown.items():
            change = truth.get(key, 0) - old
            if 0 < abs(change) < 5:
                lower, upper = attack.interval(key)
                if lower > truth.get(key, 0) - 5 + 1e-6 or upper < truth.get(key, 0) + 5 - 1e-6:
                    moved.append((key, round(lower, 3), round(upper, 3)))
        assert moved == [], late
