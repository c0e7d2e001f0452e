"""Zoom bands: neighbouring districts keep shared borders in every band (no gaps, no
overlaps), so a choropleth tile never shows slivers between districts."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.geo.coverage import ZOOM_BANDS


@pytest.mark.parametrize("gmina", ["0264011", "2461011"])
@pytest.mark.parametrize("band", [band.band for band in ZOOM_BANDS])
async def test_no_gaps_between_neighbouring_districts(
    db_session: AsyncSession, gmina: str, band: int
) -> None:
    row = (
        await db_session.execute(
            text(
                """
                WITH units AS (
                    SELECT b.unit_code, b.geom FROM geo.territorial_unit_band b
                    JOIN geo.territorial_unit u ON u.code = b.unit_code
                    WHERE u.parent_code = :gmina AND u.level = 'district' AND b.band = :band),
                merged AS (SELECT ST_Union(geom) AS geom, sum(ST_Area(geom)) AS parts,
                                  count(*) AS units FROM units),
                holes AS (SELECT sum(ST_NumInteriorRings(d.geom)) AS rings,
                                 coalesce(sum(ST_Area(ST_MakePolygon(ST_InteriorRingN(d.geom, n)))),
                                          0) AS area
                          FROM merged, ST_Dump(merged.geom) AS d,
                               generate_series(1, greatest(ST_NumInteriorRings(d.geom), 1)) AS n
                          WHERE ST_NumInteriorRings(d.geom) >= n),
                pairs AS (SELECT count(*) AS touching FROM units a JOIN units b
                          ON a.unit_code < b.unit_code AND ST_Intersects(a.geom, b.geom)
                          AND ST_Length(ST_CollectionExtract(
                              ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom)), 2)) > 0)
                SELECT merged.units, merged.parts, ST_Area(merged.geom) AS area,
                       ST_NumGeometries(merged.geom) AS pieces,
                       coalesce(holes.area, 0) AS hole_area, pairs.touching
                FROM merged, holes, pairs
                """
            ),
            {"gmina": gmina, "band": band},
        )
    ).one()
    assert row.units in (30, 48)
    # No overlaps: the union is as large as the sum of its parts.
    assert abs(row.parts - row.area) / row.area < 1e-6
    # No gaps: the districts form one piece without holes, and neighbours share edges.
    assert row.pieces == 1
    assert row.hole_area < 1.0
    assert row.touching >= row.units - 1
