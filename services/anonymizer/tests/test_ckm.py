"""Cell-key perturbation (A7 of the reference): the p-table, the keys and the monthly layer."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import random
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import repository
from anonymizer.ckm import (
    KEY_RANGE,
    PTable,
    PTableParameters,
    build_ptable,
    cell_key,
    hmac_pads,
    record_key,
)
from anonymizer.disclosure import DisclosureError
from anonymizer.relations import CellKey
from anonymizer.repository import MonthlyCount
from anonymizer.service import monthly_cells, quarter_of, run_parameters
from anonymizer.settings import DEVELOPMENT_CKM_KEY, AnonymizerSettings
from anonymizer.testing import CITY, DISTRICTS, World, publish
from shared.errors import ValidationFailed

SECRET = b"a test key of the cell-key method, 32+ bytes"
TABLES = [
    PTableParameters(),
    PTableParameters(max_deviation=3, variance=1.0),
    PTableParameters(max_deviation=4, variance=2.0),
    PTableParameters(max_deviation=5, variance=4.0),
]
# Internal columns of the cell-key method that must never leave the anonymizer (ONS warning).
KEY_COLUMNS = {"ckey", "cell_key", "record_key", "pcv", "pre_sdc_count", "pvalue", "true_value"}


def _hashes(count: int, seed: str = "p") -> list[bytes]:
    return [hashlib.sha256(f"{seed}-{n}".encode()).digest() for n in range(count)]


@pytest.mark.parametrize("parameters", TABLES, ids=str)
def test_ptable_rows_have_zero_mean_bounded_noise_and_no_small_outputs(
    parameters: PTableParameters,
) -> None:
    table = build_ptable(parameters)
    assert table.noise(0, 17) == 0  # zeros stay zeros
    for row in table.rows:
        assert sum(row.counts) == KEY_RANGE
        # Exactly zero: the counts of cell keys are whole numbers.
        assert sum(n * c for n, c in zip(row.noises, row.counts, strict=True)) == 0
        assert max(abs(noise) for noise in row.noises) <= parameters.max_deviation
        outputs = {row.value + noise for noise in row.noises}
        assert not outputs & set(range(1, parameters.threshold)), row
        assert min(outputs) >= 0
    # Every value and cell key, including values beyond the last row.
    for value in range(0, table.top + 20):
        for key in range(KEY_RANGE):
            published = table.perturb(value, key)
            assert published == 0 or published >= parameters.threshold
            assert abs(published - value) <= parameters.max_deviation
            if value == 0:
                assert published == 0


def test_ptable_variance_reaches_the_target_where_the_outputs_allow() -> None:
    table = build_ptable(PTableParameters(max_deviation=3, variance=1.5))
    # From threshold + D on the row is symmetric with the target variance (to 1/256 steps).
    assert table.rows[-1].variance() == pytest.approx(1.5, abs=0.05)
    assert table.rows[-1].noises == tuple(range(-3, 4))
    # 1 can only go to 0 or to 3..4: the variance is what zero mean forces.
    assert set(table.rows[0].noises) <= {-1, 2, 3}


def test_default_ptable_is_pinned() -> None:
    """A changed p-table redraws the noise of cells published before: an attacker averages
    the versions. Change it only with a new CKM key and a documented reason."""
    table = build_ptable()
    assert [(row.noises, row.counts) for row in table.rows] == [
        ((-1, 2, 3), (171, 84, 1)),
        ((-2, 1, 3), (86, 169, 1)),
        ((-3, 0, 1, 2, 3), (29, 153, 62, 11, 1)),
        ((-1, 0, 1, 2, 3), (124, 61, 34, 21, 16)),
        ((-2, -1, 0, 1, 2, 3), (30, 62, 78, 56, 24, 6)),
        ((-3, -2, -1, 0, 1, 2, 3), (5, 23, 59, 82, 59, 23, 5)),
    ]


@pytest.mark.parametrize(
    "parameters",
    [
        PTableParameters(max_deviation=1),
        PTableParameters(variance=0),
        PTableParameters(threshold=0),
        # 1 may only become 0 or 3: zero mean needs 2/3 and 1/3 of 256 keys.
        PTableParameters(max_deviation=2),
    ],
    ids=str,
)
def test_impossible_ptables_are_refused(parameters: PTableParameters) -> None:
    with pytest.raises(DisclosureError):
        build_ptable(parameters)


def test_perturbation_is_deterministic() -> None:
    hashes = _hashes(7)
    key = cell_key(record_key(SECRET, value) for value in hashes)
    first = build_ptable().perturb(7, key)
    build_ptable.cache_clear()  # a fresh table, as in another process
    again = [build_ptable().perturb(7, cell_key(record_key(SECRET, h) for h in hashes))]
    assert again == [first]
    assert isinstance(build_ptable(), PTable)


def test_cell_key_depends_on_the_set_of_persons_only() -> None:
    hashes = _hashes(9)
    shuffled = hashes[:]
    random.Random(3).shuffle(shuffled)
    keys = [record_key(SECRET, value) for value in hashes]
    assert cell_key(keys) == cell_key(record_key(SECRET, value) for value in shuffled)
    assert cell_key(keys) == sum(keys) % KEY_RANGE
    # The record key needs the anonymizer's key, not only the pseudonym.
    other = [record_key(b"another key of at least thirty-two bytes", h) for h in hashes]
    assert other != keys


def test_same_cell_in_two_tables_gets_the_same_noise() -> None:
    """The same persons counted in two tables (a district's 'any' and its only category, a
    month of a district and of its gmina when nobody lives elsewhere) get the same value."""
    people = _hashes(6, "same")
    key = cell_key(record_key(SECRET, value) for value in people)
    counts = [
        MonthlyCount(DISTRICTS[0], "district", "any", "2024-02", 6, key),
        MonthlyCount(DISTRICTS[0], "district", "poverty", "2024-02", 6, key),
        MonthlyCount(CITY, "gmina", "any", "2024-02", 6, key),
    ]
    quarters = {
        CellKey(count.unit_code, count.category, "2024-Q1", "persons", "all"): False
        for count in counts
    }
    cells, _ = monthly_cells(counts, quarters, table=build_ptable(), population={})
    assert len({cell.value for cell in cells}) == 1


def test_record_keys_noise_is_spread_over_the_row() -> None:
    """Over many cells of the same size the noise follows the p-table (cell keys are spread
    evenly), so the layer is unbiased on average."""
    table = build_ptable()
    noises = []
    for cell in range(2000):
        people = _hashes(8, f"cell{cell}")
        noises.append(table.noise(8, cell_key(record_key(SECRET, value) for value in people)))
    assert abs(sum(noises) / len(noises)) < 0.1
    assert set(noises) == set(table.rows[-1].noises)


def test_published_monthly_cells_carry_no_key_and_no_true_count() -> None:
    counts = [
        MonthlyCount(DISTRICTS[0], "district", "any", "2024-01", 1, 0),
        MonthlyCount(DISTRICTS[1], "district", "any", "2024-02", 4, 200),
        MonthlyCount(DISTRICTS[2], "district", "any", "2024-04", 9, 5),  # quarter not released
        MonthlyCount(CITY, "gmina", "any", "2024-03", 14, 99),
    ]
    quarters = {
        CellKey(DISTRICTS[0], "any", "2024-Q1", "persons", "all"): False,
        CellKey(DISTRICTS[1], "any", "2024-Q1", "persons", "all"): True,
        CellKey(CITY, "any", "2024-Q1", "persons", "all"): False,
    }
    table = build_ptable()
    cells, summary = monthly_cells(counts, quarters, table=table, population={(CITY, 2024): 900})
    assert [cell.row.unit_code for cell in cells] == [DISTRICTS[0], DISTRICTS[1], CITY]
    published, hidden, city = cells
    assert published.value == table.perturb(1, 0)
    assert published.value in (0, 3, 4)
    assert published.row.value == published.value  # no true count travels with the cell
    assert hidden.value is None
    assert hidden.suppression == "secondary"
    assert hidden.row.value == 0
    assert city.value == table.perturb(14, 99)
    assert city.rate is not None
    assert {cell.row.period_kind for cell in cells} == {"month"}
    for record in (published, published.row):
        names = {field.name for field in dataclasses.fields(record)}
        assert not names & KEY_COLUMNS
    assert summary["suppressed_with_quarter"] == 1
    assert summary["in_lp_audit"] is False
    assert "max_deviation" not in str(summary)
    assert "variance" not in str(summary)


def test_quarter_of_a_month() -> None:
    assert [quarter_of(f"2024-{month:02d}") for month in (1, 3, 4, 9, 12)] == [
        "2024-Q1",
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
    ]


def test_hmac_pads_give_the_hmac() -> None:
    inner, outer = hmac_pads(SECRET)
    message = hashlib.sha256(b"someone").digest()
    expected = hmac.new(SECRET, message, hashlib.sha256).digest()
    assert hashlib.sha256(outer + hashlib.sha256(inner + message).digest()).digest() == expected
    long_key = b"k" * 100
    inner, outer = hmac_pads(long_key)
    expected = hmac.new(long_key, message, hashlib.sha256).digest()
    assert hashlib.sha256(outer + hashlib.sha256(inner + message).digest()).digest() == expected


def test_settings_refuse_the_monthly_layer_without_a_key_in_production() -> None:
    with pytest.raises(ValueError, match="CKM_KEY"):
        AnonymizerSettings(environment="production", monthly_layer=True)
    with pytest.raises(ValueError, match="CKM_KEY"):
        AnonymizerSettings(environment="production", monthly_layer=True, ckm_key="changeme")
    production = AnonymizerSettings(environment="production", ckm_key="x" * 40, monthly_layer=True)
    assert production.ckm_secret() == b"x" * 40
    assert AnonymizerSettings(environment="test").ckm_secret() == DEVELOPMENT_CKM_KEY.encode()
    assert AnonymizerSettings(environment="production").ckm_secret() is None


def test_a_monthly_run_needs_a_key_outside_development() -> None:
    def parameters(settings: AnonymizerSettings, monthly: bool | None) -> dict[str, object]:
        return run_parameters(
            settings, k=None, p=None, include_open_periods=False, as_of=None, monthly=monthly
        )

    production = AnonymizerSettings(environment="production")
    with pytest.raises(ValidationFailed):
        parameters(production, True)
    assert "monthly" not in parameters(production, None)
    development = AnonymizerSettings(environment="test", monthly_layer=True)
    assert parameters(development, None)["monthly"] is True
    assert "monthly" not in parameters(development, False)


# --- against the database -------------------------------------------------------------------


async def test_sql_cell_keys_match_the_python_keys(db_session: AsyncSession, world: World) -> None:
    names = [f"m{n}" for n in range(7)]
    for name in names:
        await world.add(name, categories=("poverty", "disability"))
    await world.add(names[0], categories=("poverty",))  # a second record of the same person
    counts = await repository.monthly_counts(
        session=db_session, as_of=date(2024, 3, 31), pads=hmac_pads(SECRET)
    )
    found = {(c.unit_code, c.category, c.period): (c.value, c.cell_key) for c in counts}
    people = [hashlib.sha256(name.encode()).digest() for name in names]
    expected_key = cell_key(record_key(SECRET, person) for person in people)
    assert found[(DISTRICTS[0], "any", "2024-02")] == (7, expected_key)
    assert found[(DISTRICTS[0], "disability", "2024-02")] == (7, expected_key)
    assert found[(CITY, "poverty", "2024-02")] == (7, expected_key)
    assert (DISTRICTS[0], "any", "2024-01") not in found  # the records run 10-20 February


async def test_monthly_layer_is_published_perturbed_and_repeats_itself(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    for number, district in enumerate(DISTRICTS):
        await world.add_many(12 + number, f"d{number}", district=district)
    await world.add_many(2, "few", district=DISTRICTS[0], day=date(2024, 5, 3), end=None)

    run, outcome = await publish(db_session, settings, monthly=True)
    assert run["status"] == "published", run["reason"]
    assert outcome is not None
    again, second = await publish(db_session, settings, monthly=True)
    assert again["status"] == "published", again["reason"]
    assert second is not None

    query = text(
        "SELECT unit_code, category, period, value, suppressed FROM stats.published_cell"
        " WHERE release_id = :release AND period_kind = 'month' ORDER BY 1, 2, 3"
    )
    first_cells = (await db_session.execute(query, {"release": outcome.release_id})).all()
    second_cells = (await db_session.execute(query, {"release": second.release_id})).all()
    assert first_cells
    assert first_cells == second_cells
    values = [cell.value for cell in first_cells if not cell.suppressed]
    assert values
    assert not {1, 2} & set(values)
    months = {cell.period for cell in first_cells}
    assert {"2024-02", "2024-05", "2024-12"} <= months
    # The two persons of May in district 1 are a small quarter cell: suppressed, and so is
    # every month of it.
    small = [
        cell
        for cell in first_cells
        if cell.unit_code == DISTRICTS[0] and cell.period in ("2024-04", "2024-05", "2024-06")
    ]
    assert small
    assert all(cell.suppressed for cell in small)
    # Only persons, all sources; quarterly and yearly cells are as without the layer.
    kinds = (
        await db_session.execute(
            text(
                "SELECT DISTINCT measure, source FROM stats.published_cell"
                " WHERE release_id = :release AND period_kind = 'month'"
            ),
            {"release": outcome.release_id},
        )
    ).all()
    assert kinds == [("persons", "all")]
    release = (
        await db_session.execute(
            text(
                "SELECT method, parameters, audit, periods FROM stats.published_release"
                " WHERE id = :id"
            ),
            {"id": outcome.release_id},
        )
    ).one()
    assert "cell-key perturbation" in release.method
    assert "LP" in release.method
    assert release.parameters["monthly"] is True
    assert release.audit["monthly"]["in_lp_audit"] is False
    assert "2024-05" in release.periods
    # Perturbed months are not frozen: the time-differencing rule is for exact cells.
    frozen = await db_session.scalar(
        text("SELECT count(*) FROM stats.frozen_cell WHERE period ~ '^[0-9]{4}-[0-9]{2}$'")
    )
    assert frozen == 0
    # No key column anywhere in what readers see.
    columns = set(
        (
            await db_session.execute(
                text(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_schema = 'stats' AND table_name IN"
                    " ('published_cell', 'current_cell', 'published_release', 'cell')"
                )
            )
        ).scalars()
    )
    assert not columns & KEY_COLUMNS


async def test_monthly_layer_is_off_by_default(
    db_session: AsyncSession, world: World, settings: AnonymizerSettings
) -> None:
    await world.add_many(12, "d")
    run, outcome = await publish(db_session, settings)
    assert run["status"] == "published"
    assert outcome is not None
    assert "monthly" not in run["parameters"]
    months = await db_session.scalar(
        text("SELECT count(*) FROM stats.cell WHERE release_id = :r AND period_kind = 'month'"),
        {"r": outcome.release_id},
    )
    assert months == 0
