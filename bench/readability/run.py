"""Map readability: how much of the map's main figure the current release hides.

    make run                                   # the demo, in another terminal (or any release)
    uv run python bench/readability/run.py     # measures the current release of SOCMAP_DB_*

The main figure is the one the preview map opens on: persons, source ``all``, category
``any``, at district level. For the current release it reports the share of district-years and
district-quarters where that cell is suppressed, overall and per municipality, and the share of
headline cells (persons, source ``all``, category ``any`` or each category, district level)
with a true value of at least 50 that are suppressed. ``2plus`` (persons with two categories or
more) is no category of its own but a detail the cost model spends first
(``anonymizer.priority``), so it is not a headline cell. True values come from ``stats_internal.true_cell``, so this runs
as the owner role; nothing it prints is a cell value. It exits with status 1 when a target of
issue 14 is missed:

- main figure suppressed in ≤ 3 % of district-years and ≤ 10 % of district-quarters;
- no municipality worse than twice the average (per period kind; at least two cells: a count
  below k and its partner);
- at most 0.5 % of headline cells with a true value ≥ 50 suppressed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.db.engine import make_engine
from shared.settings import DatabaseSettings

MAIN_FIGURE = text(
    """
    SELECT split_part(c.unit_code, '-', 1) AS gmina, c.period_kind,
           count(*) AS cells, count(*) FILTER (WHERE c.suppressed) AS suppressed
    FROM stats.current_cell c
    WHERE c.level = 'district' AND c.measure = 'persons' AND c.source = 'all'
      AND c.category = 'any'
    GROUP BY 1, 2 ORDER BY 1, 2
    """
)

# Headline cells with their true value: the release's cells joined to the truth behind it.
HEADLINE = text(
    """
    SELECT count(*) AS cells, count(*) FILTER (WHERE c.suppressed) AS suppressed
    FROM stats.current_cell c
    JOIN stats_internal.true_cell t USING (unit_code, category, period, measure, source)
    WHERE c.level = 'district' AND c.measure = 'persons' AND c.source = 'all'
      AND c.category <> '2plus' AND t.value >= :threshold
    """
)

RELEASE = text(
    "SELECT id, published_at FROM stats.release WHERE status = 'published' ORDER BY id DESC LIMIT 1"
)

YEAR_TARGET = 3.0
QUARTER_TARGET = 10.0
HEADLINE_TARGET = 0.5
HEADLINE_THRESHOLD = 50


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


async def measure(engine: AsyncEngine, *, threshold: int) -> bool:
    """Print the table; return whether every target holds."""
    async with engine.connect() as connection:
        release = (await connection.execute(RELEASE)).first()
        if release is None:
            print("no published release: run `make run` (or a run) first", file=sys.stderr)
            return False
        rows = (await connection.execute(MAIN_FIGURE)).all()
        headline = (await connection.execute(HEADLINE, {"threshold": threshold})).one()

    print(f"release {release.id}, published {release.published_at:%Y-%m-%d %H:%M}")
    print("\npersons x all x any, district level: suppressed cells")
    print(f"{'municipality':<14}{'years':>18}{'quarters':>18}")
    totals: dict[str, list[int]] = {"year": [0, 0], "quarter": [0, 0]}
    by_gmina: dict[str, dict[str, tuple[int, int]]] = {}
    for row in rows:
        by_gmina.setdefault(row.gmina, {})[row.period_kind] = (row.suppressed, row.cells)
        totals[row.period_kind][0] += row.suppressed
        totals[row.period_kind][1] += row.cells

    def cell(kind: str, pair: tuple[int, int] | list[int] | None) -> str:
        suppressed, cells = pair or (0, 0)
        return f"{suppressed:>5}/{cells:<5} {_percent(suppressed, cells):5.2f} %"

    for gmina, kinds in sorted(by_gmina.items()):
        print(
            f"{gmina:<14}{cell('year', kinds.get('year')):>18}"
            f"{cell('quarter', kinds.get('quarter')):>18}"
        )
    print(f"{'all':<14}{cell('year', totals['year']):>18}{cell('quarter', totals['quarter']):>18}")

    ok = True
    checks: list[tuple[str, bool]] = []
    for kind, target in (("year", YEAR_TARGET), ("quarter", QUARTER_TARGET)):
        suppressed, cells = totals[kind]
        share = _percent(suppressed, cells)
        checks.append(
            (f"district-{kind}s suppressed {share:.2f} % ≤ {target:g} %", share <= target)
        )
        # Twice the average, with a floor of two cells: the smallest pattern a count below k
        # leaves (itself and one partner), which no suppression method can avoid.
        for gmina, kinds in sorted(by_gmina.items()):
            g_suppressed, g_cells = kinds.get(kind, (0, 0))
            limit = max(2 * share, _percent(2, g_cells))
            if _percent(g_suppressed, g_cells) > limit:
                checks.append((f"{gmina} district-{kind}s above twice the average", False))
    share = _percent(headline.suppressed, headline.cells)
    checks.append(
        (
            f"headline cells with a true value ≥ {threshold}: {headline.suppressed} of "
            f"{headline.cells} suppressed ({share:.3f} %) ≤ {HEADLINE_TARGET:g} %",
            share <= HEADLINE_TARGET,
        )
    )
    print()
    for label, holds in checks:
        print(f"{'met   ' if holds else 'MISSED'} {label}")
        ok = ok and holds
    return ok


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=int, default=HEADLINE_THRESHOLD)
    args = parser.parse_args()
    engine = make_engine(DatabaseSettings().url())
    try:
        ok = await measure(engine, threshold=args.threshold)
    finally:
        await engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
