"""Importing district boundaries: the shipped Wrocław file, other CRSs, coverage problems,
zoom bands and rejected files (which must leave the database unchanged)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shapely
from shapely.geometry import box, mapping, shape
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.geo import repository
from shared.geo.coverage import ZOOM_BANDS, CoverageTolerances
from shared.geo.crs import METRIC, WGS84, parse_crs, transform
from shared.geo.errors import GeoImportError
from shared.geo.features import FeatureMapping, UnitFeature, read_geojson
from shared.geo.importer import ImportReport, import_boundaries, import_units
from shared.reference import data_dir

GEO = data_dir() / "geo"
WROCLAW = "0264011"
WROCLAW_MAPPING = FeatureMapping("id", "osiedle", "{parent}-{value:02d}", parent=WROCLAW)


def wroclaw_document() -> dict[str, Any]:
    return json.loads((GEO / "wroclaw-osiedla.geojson").read_text(encoding="utf-8"))


def feature(properties: dict[str, Any], geometry: shapely.Geometry) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


def collection(*features: dict[str, Any], **members: Any) -> bytes:
    return json.dumps({"type": "FeatureCollection", **members, "features": list(features)}).encode()


def polska_feature(file: str, name: str) -> UnitFeature:
    result = read_geojson(GEO / file, FeatureMapping("nazwa", "nazwa"))
    (found,) = [item for item in result.features if item.name == name]
    return found


@pytest.fixture
async def wroclaw_parents(db_session: AsyncSession) -> AsyncSession:
    """Dolnośląskie, powiat Wrocław and the gmina Wrocław (boundary = the city powiat)."""
    voivodeship = polska_feature("wojewodztwa.geojson", "dolnośląskie")
    city = polska_feature("powiaty.geojson", "powiat Wrocław")
    await import_units(
        db_session,
        [UnitFeature("02", voivodeship.name, voivodeship.geometry)],
        level="voivodeship",
    )
    await import_units(db_session, [UnitFeature("0264", city.name, city.geometry)], level="powiat")
    await import_units(db_session, [UnitFeature(WROCLAW, "Wrocław", city.geometry)], level="gmina")
    return db_session


async def import_wroclaw(session: AsyncSession, **options: Any) -> ImportReport:
    return await import_boundaries(
        session, GEO / "wroclaw-osiedla.geojson", WROCLAW_MAPPING, level="district", **options
    )


async def table_counts(session: AsyncSession) -> tuple[int, int, int]:
    row = (
        await session.execute(
            text(
                "SELECT (SELECT count(*) FROM geo.territorial_unit),"
                " (SELECT count(*) FROM geo.territorial_unit_band),"
                " (SELECT count(*) FROM geo.population)"
            )
        )
    ).one()
    return (row[0], row[1], row[2])


async def district_geometries(session: AsyncSession) -> dict[str, shapely.Geometry]:
    units = await repository.list_units(session, level="district")
    return {unit.code: unit.geometry for unit in units if unit.code.startswith(WROCLAW)}


async def test_wroclaw_file_yields_48_valid_districts(wroclaw_parents: AsyncSession) -> None:
    session = wroclaw_parents
    report = await import_wroclaw(session)

    assert (report.units, report.created, report.band_rows) == (48, 48, 48 * len(ZOOM_BANDS))
    row = (
        await session.execute(
            text(
                "SELECT count(*) AS districts,"
                " count(*) FILTER (WHERE ST_IsValid(geom)) AS valid,"
                " count(*) FILTER (WHERE ST_Intersects(label_point, geom)) AS labelled,"
                " count(*) FILTER (WHERE approximate) AS approximate"
                " FROM geo.territorial_unit WHERE level = 'district' AND parent_code = :gmina"
            ),
            {"gmina": WROCLAW},
        )
    ).one()
    assert (row.districts, row.valid, row.labelled, row.approximate) == (48, 48, 48, 0)
    names = {
        code: unit.name
        for code, unit in (
            await repository.get_units(session, ["0264011-01", "0264011-48"])
        ).items()
    }
    assert names == {"0264011-01": "Stare Miasto", "0264011-48": "Wojszyce"}
    # The cleaned coverage still covers the city: 292.5 km² in the source file.
    area = sum(
        transform(g, WGS84, METRIC).area for g in (await district_geometries(session)).values()
    )
    assert area / 1e6 == pytest.approx(292.5, abs=0.1)


async def test_small_sliver_is_reported_and_snapped(wroclaw_parents: AsyncSession) -> None:
    report = await import_wroclaw(wroclaw_parents)

    (overlap,) = [item for item in report.warnings if item["code"] == "overlap"]
    assert set(overlap["units"]) == {"0264011-48", "0264011-20"}  # Wojszyce, Ołtaszyn
    assert overlap["area_m2"] == pytest.approx(39, abs=2)
    assert overlap["location"] == pytest.approx([17.029, 51.058], abs=0.002)
    geometries = list((await district_geometries(wroclaw_parents)).values())
    assert shapely.coverage_is_valid([transform(g, WGS84, METRIC) for g in geometries])


async def test_overlap_above_tolerance_is_rejected(wroclaw_parents: AsyncSession) -> None:
    before = await table_counts(wroclaw_parents)

    with pytest.raises(GeoImportError) as caught:
        await import_wroclaw(wroclaw_parents, tolerances=CoverageTolerances(sliver_max_m2=10))

    (overlap,) = caught.value.errors or []
    assert overlap["code"] == "overlap"
    assert "Wojszyce" in overlap["message"]
    assert "Ołtaszyn" in overlap["message"]
    assert "39 m²" in overlap["message"]
    assert await table_counts(wroclaw_parents) == before


async def test_gap_between_neighbours_is_rejected(
    wroclaw_parents: AsyncSession, tmp_path: Path
) -> None:
    document = wroclaw_document()
    for item in document["features"]:
        if item["properties"]["osiedle"] == "Stare Miasto":
            # Pull the old town 5 m back from its neighbours: a narrow gap all around it.
            metric = transform(shape(item["geometry"]), WGS84, METRIC).buffer(-5)
            item["geometry"] = mapping(transform(metric, METRIC, WGS84))
    path = tmp_path / "gap.geojson"
    path.write_text(json.dumps(document))
    before = await table_counts(wroclaw_parents)

    with pytest.raises(GeoImportError) as caught:
        await import_boundaries(wroclaw_parents, path, WROCLAW_MAPPING, level="district")

    gaps = [item for item in caught.value.errors or [] if item["code"] == "gap"]
    assert len(gaps) == 1
    assert "0264011-01" in gaps[0]["units"]
    assert gaps[0]["area_m2"] > 10_000
    assert gaps[0]["location"] == pytest.approx([17.03, 51.11], abs=0.02)
    assert await table_counts(wroclaw_parents) == before


def reprojected(epsg: int, *, legacy_member: bool) -> dict[str, Any]:
    document = wroclaw_document()
    for item in document["features"]:
        item["geometry"] = mapping(transform(shape(item["geometry"]), WGS84, epsg))
    if legacy_member:
        document["crs"] = {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{epsg}"}}
    return document


@pytest.mark.parametrize(
    ("epsg", "legacy_member"),
    [(2180, True), (2177, False)],
    ids=["EPSG:2180 crs member", "EPSG:2177 --crs"],
)
async def test_metric_crs_file_imports_to_the_same_geometry(
    wroclaw_parents: AsyncSession, tmp_path: Path, epsg: int, legacy_member: bool
) -> None:
    await import_wroclaw(wroclaw_parents)
    expected = await district_geometries(wroclaw_parents)
    path = tmp_path / f"wroclaw-{epsg}.geojson"
    path.write_text(json.dumps(reprojected(epsg, legacy_member=legacy_member)))
    mapping_ = dataclasses.replace(WROCLAW_MAPPING, crs=None if legacy_member else f"EPSG:{epsg}")

    report = await import_boundaries(wroclaw_parents, path, mapping_, level="district")

    assert report.updated == 48
    actual = await district_geometries(wroclaw_parents)
    assert actual.keys() == expected.keys()
    distances = [
        shapely.hausdorff_distance(
            transform(actual[code], WGS84, METRIC), transform(expected[code], WGS84, METRIC)
        )
        for code in expected
    ]
    assert max(distances) < 1.0


def test_polish_crs_axis_order_is_easting_first() -> None:
    # Bielsko-Biała centre (domain-poland.md §3): E 503 196, N 217 240 in EPSG:2180.
    point = transform(shapely.Point(19.044444, 49.8225), WGS84, 2180)
    assert (point.x, point.y) == pytest.approx((503_196, 217_240), abs=2)
    assert parse_crs("urn:ogc:def:crs:OGC:1.3:CRS84") == 4326
    assert parse_crs("EPSG:2176") == 2176


async def test_shared_borders_stay_identical_in_every_band(wroclaw_parents: AsyncSession) -> None:
    await import_wroclaw(wroclaw_parents)
    codes = sorted(await district_geometries(wroclaw_parents))
    bands = await repository.list_bands(wroclaw_parents, codes)

    assert sorted(bands) == [band.band for band in ZOOM_BANDS]
    vertex_counts = []
    for band in ZOOM_BANDS:
        geometries = [bands[band.band][code] for code in codes]
        assert all(geometry.is_valid and not geometry.is_empty for geometry in geometries)
        # Edge-matched with no overlaps, and no gap (not even 1 m wide) opened between them;
        # no hole either: the union is as large as the parts together and has no interior ring.
        assert shapely.coverage_is_valid(geometries, gap_width=1.0)
        union = shapely.union_all(geometries)
        assert union.area == pytest.approx(sum(g.area for g in geometries), rel=1e-9)
        assert all(not polygon.interiors for polygon in shapely.get_parts(union))
        vertex_counts.append(int(shapely.get_num_coordinates(np.array(geometries)).sum()))
        # Every shared border is the same line seen from both sides.
        tree = shapely.STRtree(geometries)
        left, right = tree.query(geometries, predicate="touches")
        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            if i < j:
                border_i = geometries[i].boundary.intersection(geometries[j].boundary)
                assert border_i.length > 0 or border_i.geom_type == "Point" or border_i.is_empty
                assert geometries[i].intersection(geometries[j]).area == 0
    assert vertex_counts == sorted(vertex_counts)  # coarser bands have fewer vertices
    assert vertex_counts[0] < vertex_counts[-1] / 10


def test_zoom_bands_cover_every_zoom_once() -> None:
    zooms = [zoom for band in ZOOM_BANDS for zoom in range(band.min_zoom, band.max_zoom + 1)]
    assert zooms == list(range(23))
    tolerances = [band.tolerance for band in ZOOM_BANDS]
    assert tolerances == sorted(tolerances, reverse=True)
    assert tolerances[-1] == 0


def bowtie() -> dict[str, Any]:
    # A figure-eight: its two lobes have opposite orientation, so the repair doubles the area.
    lonlat = [(17.00, 51.10), (17.01, 51.11), (17.01, 51.10), (17.00, 51.11), (17.00, 51.10)]
    return {
        "type": "Feature",
        "properties": {"id": 1, "osiedle": "Kokarda"},
        "geometry": {"type": "Polygon", "coordinates": [lonlat]},
    }


BAD_INPUTS: dict[str, tuple[bytes, FeatureMapping, str]] = {
    "not JSON": (b"osiedle;id\nStare Miasto;1\n", WROCLAW_MAPPING, "not-geojson"),
    "not a FeatureCollection": (
        json.dumps({"type": "Topology", "objects": {}}).encode(),
        WROCLAW_MAPPING,
        "not-geojson",
    ),
    "self-intersecting polygon": (
        json.dumps({"type": "FeatureCollection", "features": [bowtie()]}).encode(),
        WROCLAW_MAPPING,
        "invalid-geometry",
    ),
    "unknown CRS": (
        collection(
            feature(
                {"id": 1, "osiedle": "Stare Miasto"},
                box(4_700_000, 3_100_000, 4_701_000, 3_101_000),
            ),
            crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3035"}},
        ),
        WROCLAW_MAPPING,
        "unknown-crs",
    ),
    "district outside its municipality": (
        # A square in Kraków, 240 km from Wrocław.
        collection(feature({"id": 49, "osiedle": "Kazimierz"}, box(19.94, 50.05, 19.95, 50.055))),
        WROCLAW_MAPPING,
        "outside-parent",
    ),
    "duplicate code": (
        collection(
            feature({"id": 1, "osiedle": "Stare Miasto"}, box(17.03, 51.10, 17.04, 51.11)),
            feature({"id": "01", "osiedle": "Stare Miasto bis"}, box(17.04, 51.10, 17.05, 51.11)),
        ),
        WROCLAW_MAPPING,
        "duplicate-code",
    ),
    "coordinates in the wrong CRS": (
        collection(feature({"id": 1, "osiedle": "Stare Miasto"}, box(51.10, 17.03, 51.11, 17.04))),
        WROCLAW_MAPPING,
        "outside-poland",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
async def test_bad_input_is_rejected_and_nothing_written(
    wroclaw_parents: AsyncSession, case: str
) -> None:
    body, mapping_, code = BAD_INPUTS[case]
    before = await table_counts(wroclaw_parents)

    with pytest.raises(GeoImportError) as caught:
        await import_boundaries(wroclaw_parents, body, mapping_, level="district")

    error = caught.value
    assert error.status == 422
    assert next(item["code"] for item in error.errors or []) == code
    assert error.describe().startswith(error.detail)
    assert await table_counts(wroclaw_parents) == before


async def test_rejection_names_the_feature(wroclaw_parents: AsyncSession) -> None:
    body, mapping_, _ = BAD_INPUTS["self-intersecting polygon"]
    with pytest.raises(GeoImportError) as caught:
        await import_boundaries(wroclaw_parents, body, mapping_, level="district")
    (error,) = caught.value.errors or []
    assert (error["feature"], error["unit"], error["name"]) == (0, "0264011-01", "Kokarda")
    assert "Self-intersection" in error["message"]


async def test_ring_touching_itself_is_repaired(wroclaw_parents: AsyncSession) -> None:
    # Two squares sharing one corner drawn as a single ring: invalid, but make_valid keeps
    # the area, so the import repairs and reports it.
    ring = [
        (17.03, 51.10), (17.04, 51.10), (17.04, 51.11), (17.05, 51.11), (17.05, 51.12),
        (17.04, 51.12), (17.04, 51.11), (17.03, 51.11), (17.03, 51.10),
    ]  # fmt: skip
    body = json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"id": 1, "osiedle": "Stare Miasto"},
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                }
            ],
        }
    ).encode()

    report = await import_boundaries(wroclaw_parents, body, WROCLAW_MAPPING, level="district")

    (repair,) = report.repaired
    assert repair["unit"] == "0264011-01"
    assert "Self-intersection" in repair["message"] or "self" in repair["message"].lower()


async def test_unknown_parent_is_rejected(db_session: AsyncSession) -> None:
    body = collection(
        feature({"id": 1, "osiedle": "Stare Miasto"}, box(17.03, 51.10, 17.04, 51.11))
    )
    with pytest.raises(GeoImportError) as caught:
        await import_boundaries(db_session, body, WROCLAW_MAPPING, level="district")
    assert [item["code"] for item in caught.value.errors or []] == ["unknown-parent"]


def test_code_template_keeps_leading_zeros() -> None:
    body = collection(feature({"terc": "0264011", "name": "Wrocław"}, box(17.0, 51.0, 17.1, 51.1)))
    result = read_geojson(body, FeatureMapping("terc", "name"))
    assert [item.code for item in result.features] == ["0264011"]


def write_shapefile(path: Path, *, epsg: int | None) -> Path:
    """The Wrocław osiedla as a Shapefile in ``epsg`` (with a .prj), or lon/lat without one."""
    import shapefile
    from pyproj import CRS
    from pyproj.enums import WktVersion

    with shapefile.Writer(str(path), shapeType=shapefile.POLYGON, encoding="utf-8") as writer:
        writer.field("id", "N", size=4)
        writer.field("osiedle", "C", size=80)
        for item in wroclaw_document()["features"]:
            geometry = shape(item["geometry"])
            if epsg is not None:
                geometry = transform(geometry, WGS84, epsg)
            writer.shape(mapping(geometry))
            writer.record(item["properties"]["id"], item["properties"]["osiedle"])
    if epsg is not None:
        path.with_suffix(".prj").write_text(CRS.from_epsg(epsg).to_wkt(WktVersion.WKT1_ESRI))
    return path


async def test_shapefile_with_prj_imports_like_the_geojson(
    wroclaw_parents: AsyncSession, tmp_path: Path
) -> None:
    await import_wroclaw(wroclaw_parents)
    expected = await district_geometries(wroclaw_parents)
    path = write_shapefile(tmp_path / "osiedla.shp", epsg=2180)

    report = await import_boundaries(wroclaw_parents, path, WROCLAW_MAPPING, level="district")

    assert report.updated == 48
    actual = await district_geometries(wroclaw_parents)
    assert (
        max(
            shapely.hausdorff_distance(
                transform(actual[code], WGS84, METRIC), transform(expected[code], WGS84, METRIC)
            )
            for code in expected
        )
        < 1.0
    )


async def test_shapefile_without_prj_needs_a_crs(
    wroclaw_parents: AsyncSession, tmp_path: Path
) -> None:
    path = write_shapefile(tmp_path / "osiedla.shp", epsg=None)
    with pytest.raises(GeoImportError) as caught:
        await import_boundaries(wroclaw_parents, path, WROCLAW_MAPPING, level="district")
    assert [item["code"] for item in caught.value.errors or []] == ["unknown-crs"]

    with_crs = dataclasses.replace(WROCLAW_MAPPING, crs="EPSG:4326")
    report = await import_boundaries(wroclaw_parents, path, with_crs, level="district")
    assert report.created == 48


async def test_district_of_a_gmina_without_boundary_is_imported_with_a_warning(
    db_session: AsyncSession,
) -> None:
    await import_units(
        db_session, [UnitFeature("02", "dolnośląskie", box(15, 50, 18, 52))], level="voivodeship"
    )
    await import_units(
        db_session,
        [UnitFeature("0202", "powiat dzierżoniowski", box(16, 50, 17, 51))],
        level="powiat",
    )
    await import_units(db_session, [UnitFeature("0202021", "Dzierżoniów", None)], level="gmina")
    body = collection(feature({"id": 1, "name": "Centrum"}, box(16.64, 50.72, 16.66, 50.73)))
    mapping_ = FeatureMapping("id", "name", "{parent}-{value:02d}", parent="0202021")

    report = await import_boundaries(db_session, body, mapping_, level="district")

    assert report.created == 1
    assert [item["code"] for item in report.warnings] == ["parent-without-boundary"]
