"""Geography of the shipped demo (A5 of the reference): every area the anonymizer publishes
belongs to one nested hierarchy, district within gmina within powiat within voivodeship, by
code, by parent and by boundary. Non-nested layers (a grid, old and new boundaries side by
side) would let an attacker subtract one area from another and publish the sliver."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer import repository
from shared.geo.check import coverage_report
from shared.geo.demo import load_demo

PARENT_LEVEL = {"district": "gmina", "gmina": "powiat", "powiat": "voivodeship"}
CITIES_WITH_DISTRICTS = {"0264011", "2461011"}  # Wrocław, Bielsko-Biała


async def test_every_unit_has_one_chain_of_parents_by_code_and_level(
    db_session: AsyncSession,
) -> None:
    await load_demo(db_session)
    units = {
        row.code: (row.level, row.parent_code)
        for row in await db_session.execute(
            text("SELECT code, level, parent_code FROM geo.territorial_unit")
        )
    }
    for code, (level, parent) in units.items():
        if level == "voivodeship":
            assert parent is None, code
            assert len(code) == 2, code
            continue
        assert parent in units, code
        assert units[parent][0] == PARENT_LEVEL[level], code
        # The code carries the parent's code: TERC for gminas and powiats, the gmina's code
        # and a number for districts.
        prefix = {"district": parent + "-", "gmina": parent, "powiat": parent}[level]
        assert code.startswith(prefix), code
    # The parents the anonymizer builds its relations from are exactly these.
    parents, _ = await repository.units(session=db_session)
    assert parents == {code: parent for code, (_, parent) in units.items()}
    districts = {parent for level, parent in units.values() if level == "district"}
    assert districts == CITIES_WITH_DISTRICTS


async def test_districts_lie_within_their_city_and_do_not_overlap(
    db_session: AsyncSession,
) -> None:
    """The boundaries nest: the coverage check of ``socmap geo check`` finds no overlap and no
    district outside its gmina beyond the tolerances (the shipped city outlines are simplified,
    see ``CoverageTolerances``)."""
    await load_demo(db_session)
    report = await coverage_report(db_session)
    groups = {group.parent_code: group for group in report.groups if group.level == "district"}
    assert set(groups) == CITIES_WITH_DISTRICTS
    for code, group in groups.items():
        assert group.units > 10, code
        problems = [
            finding
            for finding in group.findings
            if finding["severity"] == "error" or finding["code"] in ("overlap", "outside-parent")
        ]
        assert problems == [], code
    # Every sibling group (voivodeships, powiats, districts) is a valid coverage.
    assert report.ok, report.describe()


async def test_districts_cover_almost_nothing_outside_their_city(
    db_session: AsyncSession,
) -> None:
    """An independent check in PostGIS: the area of each city's districts outside the city
    outline, and of the overlaps among its districts, are small shares of the city. With
    precise PRG gmina boundaries the first share would be near zero."""
    await load_demo(db_session)
    rows = await db_session.execute(
        text(
            """
            WITH d AS (
                SELECT parent_code, code, ST_Transform(geom, 2180) AS geom
                FROM geo.territorial_unit WHERE level = 'district'
            )
            SELECT g.code,
                   ST_Area(ST_Difference(ST_Union(d.geom), ST_Transform(g.geom, 2180)))
                       / ST_Area(ST_Transform(g.geom, 2180)) AS outside,
                   (SELECT coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom))), 0)
                    FROM d a JOIN d b ON a.parent_code = b.parent_code AND a.code < b.code
                     AND ST_Intersects(a.geom, b.geom)
                    WHERE a.parent_code = g.code)
                       / ST_Area(ST_Transform(g.geom, 2180)) AS overlap
            FROM geo.territorial_unit g JOIN d ON d.parent_code = g.code
            GROUP BY g.code, g.geom
            """
        )
    )
    shares = {row.code: (row.outside, row.overlap) for row in rows}
    assert set(shares) == CITIES_WITH_DISTRICTS
    for code, (outside, overlap) in shares.items():
        # Wrocław's shipped outline has 27 vertices: its osiedla stick out by about 4 %.
        assert outside < 0.05, (code, outside)
        assert overlap < 1e-6, (code, overlap)
