"""Import of territorial units and population into ``geo.*``.

Every function takes the caller's ``AsyncSession`` and only writes after all checks have passed,
inside the caller's transaction: a rejected file raises ``GeoImportError`` and leaves the
database as it was. The caller commits.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry
from sqlalchemy.ext.asyncio import AsyncSession

from shared.codes import LEVEL_PATTERNS
from shared.db.models.geo import LEVELS
from shared.geo import repository
from shared.geo.coverage import (
    ZOOM_BANDS,
    CoverageTolerances,
    Sibling,
    band_geometries,
    clean_coverage,
    find_gaps,
    find_outside_parent,
    find_overlaps,
)
from shared.geo.crs import METRIC, WGS84, transform
from shared.geo.errors import GeoImportError
from shared.geo.features import FeatureMapping, UnitFeature, duplicate_codes, read_boundaries

PARENT_LEVEL = {"district": "gmina", "gmina": "powiat", "powiat": "voivodeship"}
# Districts tile their gmina and gminas their powiat; powiats and voivodeships tile Poland, so
# they are checked and simplified all together.
GROUPED_BY_PARENT = frozenset({"district", "gmina"})


def parent_code_of(level: str, code: str) -> str | None:
    """The TERC parent of a unit code: ``0264011-05`` → ``0264011`` → ``0264`` → ``02``."""
    if level == "district":
        return code.split("-", 1)[0]
    if level == "gmina":
        return code[:4]
    if level == "powiat":
        return code[:2]
    return None


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    level: str
    units: int = 0
    created: int = 0
    updated: int = 0
    resnapped_siblings: int = 0
    band_rows: int = 0
    repaired: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False

    def describe(self) -> str:
        """A few lines for a terminal."""
        verb = "would import" if self.dry_run else "imported"
        lines = [
            f"{self.level}: {verb} {self.units} unit(s) ({self.created} new, {self.updated} "
            f"updated), {self.band_rows} zoom-band geometries"
            + (
                f", re-snapped {self.resnapped_siblings} stored sibling(s)"
                if self.resnapped_siblings
                else ""
            )
        ]
        lines += [
            f"  repaired {item['unit']} ({item['name']}): {item['message']}"
            for item in self.repaired
        ]
        lines += [f"  warning [{item['code']}]: {item['message']}" for item in self.warnings]
        return "\n".join(lines)


@dataclass
class _Group:
    """One sibling group after checking, cleaning and simplifying (EPSG:4326 / EPSG:3857)."""

    codes: list[str]
    findings: list[dict[str, Any]]
    boundaries: dict[str, BaseGeometry]
    bands: dict[int, dict[str, MultiPolygon]]


def _check_and_simplify(
    members: Sequence[Sibling],
    new_codes: frozenset[str],
    parents: dict[str, tuple[str, BaseGeometry]],
    tolerances: CoverageTolerances,
) -> _Group:
    """CPU part of an import for one sibling group (boundaries in EPSG:4326); ``parents`` maps
    a unit code to its parent's code and boundary."""
    members = [
        Sibling(member.code, member.name, transform(member.geometry, WGS84, METRIC), member.index)
        for member in members
    ]
    findings = find_overlaps(members, tolerances) + find_gaps(members, tolerances)
    by_parent: dict[str, list[Sibling]] = defaultdict(list)
    for member in members:
        if member.code in new_codes and member.code in parents:
            by_parent[parents[member.code][0]].append(member)
    for parent_code, children in by_parent.items():
        parent_geometry = transform(parents[children[0].code][1], WGS84, METRIC)
        findings += find_outside_parent(children, parent_geometry, parent_code, tolerances)
    codes = [member.code for member in members]
    if any(finding["severity"] == "error" for finding in findings):
        return _Group(codes, findings, {}, {})
    cleaned = clean_coverage([member.geometry for member in members], tolerances)
    boundaries = {
        code: transform(geometry, METRIC, WGS84)
        for code, geometry in zip(codes, cleaned, strict=True)
    }
    bands = {
        band: dict(zip(codes, geometries, strict=True))
        for band, geometries in band_geometries(cleaned).items()
    }
    return _Group(codes, findings, boundaries, bands)


async def import_units(
    session: AsyncSession,
    features: Sequence[UnitFeature],
    *,
    level: str,
    tolerances: CoverageTolerances | None = None,
    repaired: Sequence[dict[str, Any]] = (),
    expected_parent: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Check and upsert ``features`` as units of ``level``, then rebuild the zoom bands of
    their sibling groups.

    Checks: code format and duplicates, known parent of the right level (and equal to
    ``expected_parent`` when given), no level change of a stored code, overlaps and gaps among
    siblings (stored ones included), containment in the parent's boundary. Any error raises
    ``GeoImportError`` before anything is written; small overlaps and gaps are reported as
    warnings and snapped away.
    """
    if level not in LEVELS:
        raise GeoImportError(
            f"Unknown level {level!r}; one of {', '.join(LEVELS)}.",
            errors=[{"code": "unknown-level", "message": f"unknown level {level!r}"}],
        )
    tolerances = tolerances or CoverageTolerances()
    errors = duplicate_codes(features)
    pattern = LEVEL_PATTERNS[level]

    def error(feature: UnitFeature, code: str, message: str) -> None:
        errors.append(
            {
                "feature": feature.index,
                "code": code,
                "unit": feature.code,
                "name": feature.name,
                "message": message,
            }
        )

    for feature in features:
        if not pattern.fullmatch(feature.code):
            error(feature, "bad-code", f"{feature.code!r} is not a {level} code")
        derived = parent_code_of(level, feature.code)
        if expected_parent is not None and derived is not None and derived != expected_parent:
            error(
                feature,
                "parent-mismatch",
                f"the code's parent is {derived}, not {expected_parent}",
            )
        if feature.geometry is None and level != "gmina":
            error(feature, "missing-geometry", f"a {level} needs a boundary")
    codes = [feature.code for feature in features]
    parent_codes = {
        feature.code: parent_code_of(level, feature.code)
        for feature in features
        if pattern.fullmatch(feature.code)
    }
    stored = await repository.get_units(
        session, set(codes) | {code for code in parent_codes.values() if code}
    )
    parent_level = PARENT_LEVEL.get(level)
    parents: dict[str, tuple[str, BaseGeometry]] = {}
    unbounded_parents: set[str] = set()
    for feature in features:
        existing = stored.get(feature.code)
        if existing is not None and existing.level != level:
            error(
                feature,
                "level-conflict",
                f"{feature.code} is already stored as a {existing.level}",
            )
        parent_code = parent_codes.get(feature.code)
        if parent_level is None or parent_code is None:
            continue
        parent = stored.get(parent_code)
        if parent is None or parent.level != parent_level:
            error(
                feature,
                "unknown-parent",
                f"parent {parent_level} {parent_code} is not in the database; import it first",
            )
        elif parent.geometry is not None:
            parents[feature.code] = (parent_code, parent.geometry)
        elif feature.geometry is not None:
            unbounded_parents.add(parent_code)
    if errors:
        raise GeoImportError(
            f"{len(errors)} problem(s) among the {level} units; nothing was imported.",
            errors=errors,
        )

    groups: dict[str | None, list[UnitFeature]] = defaultdict(list)
    for feature in features:
        if feature.geometry is not None:
            key = parent_codes[feature.code] if level in GROUPED_BY_PARENT else None
            groups[key].append(feature)
    new_codes = frozenset(codes)
    prepared: list[_Group] = []
    for parent_code, members in groups.items():
        stored_siblings = await repository.list_siblings(
            session, level=level, parent_code=parent_code, exclude=codes
        )
        siblings = [
            Sibling(f.code, f.name, f.geometry, f.index) for f in members if f.geometry is not None
        ] + [
            Sibling(unit.code, unit.name, unit.geometry)
            for unit in stored_siblings
            if unit.geometry is not None
        ]
        # Shapely work runs in a thread so that an importing service keeps serving requests.
        prepared.append(
            await asyncio.to_thread(_check_and_simplify, siblings, new_codes, parents, tolerances)
        )
    findings = [finding for group in prepared for finding in group.findings]
    problems = [finding for finding in findings if finding["severity"] == "error"]
    if problems:
        raise GeoImportError(
            f"{len(problems)} coverage problem(s) among the {level} units; nothing was imported.",
            errors=problems,
        )

    report = ImportReport(
        level=level,
        units=len(features),
        created=sum(1 for code in codes if code not in stored),
        updated=sum(1 for code in codes if code in stored),
        repaired=list(repaired),
        warnings=[finding for finding in findings if finding["severity"] != "error"],
        dry_run=dry_run,
    )
    report.warnings += [
        {
            "code": "parent-without-boundary",
            "severity": "warning",
            "unit": code,
            "message": f"{code} has no boundary, so containment in it was not checked",
        }
        for code in sorted(unbounded_parents)
    ]
    boundaries = {code: geom for group in prepared for code, geom in group.boundaries.items()}
    unit_rows = [
        {
            "code": feature.code,
            "level": level,
            "name": feature.name,
            "parent_code": parent_codes[feature.code],
            "approximate": feature.approximate,
            "source": feature.source,
            "wkb": boundaries[feature.code].wkb if feature.code in boundaries else None,
        }
        for feature in features
    ]
    sibling_rows: list[dict[str, Any]] = [
        {"code": code, "wkb": geometry.wkb}
        for code, geometry in boundaries.items()
        if code not in new_codes
    ]
    band_rows = [
        {
            "unit_code": code,
            "band": band.band,
            "min_zoom": band.min_zoom,
            "max_zoom": band.max_zoom,
            "wkb": group.bands[band.band][code].wkb,
        }
        for group in prepared
        for band in ZOOM_BANDS
        for code in group.codes
    ]
    report.resnapped_siblings = len(sibling_rows)
    report.band_rows = len(band_rows)
    if dry_run:
        return report
    await repository.upsert_units(session, unit_rows)
    await repository.update_boundaries(session, sibling_rows)
    await repository.replace_bands(
        session, sorted(new_codes | {str(row["code"]) for row in sibling_rows}), band_rows
    )
    return report


async def import_boundaries(
    session: AsyncSession,
    source: Path | str | bytes,
    mapping: FeatureMapping,
    *,
    level: str,
    tolerances: CoverageTolerances | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Read a GeoJSON or Shapefile boundary file (see ``read_boundaries``) and import it (see
    ``import_units``)."""
    result = await asyncio.to_thread(read_boundaries, source, mapping)
    return await import_units(
        session,
        result.features,
        level=level,
        tolerances=tolerances,
        repaired=result.repairs,
        expected_parent=mapping.parent,
        dry_run=dry_run,
    )


POPULATION_COLUMNS = ("unit_code", "year", "population", "synthetic", "source")
_TRUE = frozenset({"true", "yes", "1", "t", "y"})
_FALSE = frozenset({"false", "no", "0", "f", "n", ""})


@dataclass
class PopulationReport:
    """What a population import did."""

    rows: int
    synthetic: int
    units: int
    years: list[int]
    dry_run: bool = False

    def describe(self) -> str:
        """One line for a terminal."""
        verb = "would load" if self.dry_run else "loaded"
        return (
            f"population: {verb} {self.rows} row(s) for {self.units} unit(s), years "
            f"{', '.join(map(str, self.years))}; {self.synthetic} synthetic"
        )


def _read_text(source: Path | str) -> str:
    if isinstance(source, Path):
        try:
            return source.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise GeoImportError(
                f"Cannot read {source}: {exc}.",
                errors=[{"code": "unreadable", "message": str(exc)}],
            ) from exc
    return source


async def import_population(
    session: AsyncSession, source: Path | str, *, dry_run: bool = False
) -> PopulationReport:
    """Upsert population figures from CSV (``unit_code,year,population,synthetic,source``;
    ``source`` as a ``Path`` or the CSV text). Rows of unknown units, bad numbers or repeated
    (unit, year) pairs reject the whole file."""
    reader = csv.DictReader(io.StringIO(_read_text(source)))
    missing = [column for column in POPULATION_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise GeoImportError(
            f"Not a population CSV: missing column(s) {', '.join(missing)}.",
            errors=[{"code": "bad-header", "message": f"missing {', '.join(missing)}"}],
        )
    errors: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[str, int], int] = {}
    for number, raw in enumerate(reader, start=2):

        def problem(field_name: str, message: str, line: int = number) -> None:
            errors.append({"row": line, "field": field_name, "code": "invalid", "message": message})

        code = (raw.get("unit_code") or "").strip()
        try:
            year = int(raw.get("year") or "")
            if not 1990 <= year <= 2100:
                raise ValueError
        except ValueError:
            problem("year", f"year {raw.get('year')!r} is not a year between 1990 and 2100")
            continue
        try:
            population = int(raw.get("population") or "")
            if population < 0:
                raise ValueError
        except ValueError:
            problem("population", f"{raw.get('population')!r} is not a non-negative integer")
            continue
        flag = (raw.get("synthetic") or "").strip().lower()
        if flag not in _TRUE | _FALSE:
            problem("synthetic", f"{raw.get('synthetic')!r} is not true/false")
            continue
        if (code, year) in seen:
            problem("year", f"{code} {year} already given on line {seen[(code, year)]}")
            continue
        seen[(code, year)] = number
        rows.append(
            {
                "unit_code": code,
                "year": year,
                "population": population,
                "synthetic": flag in _TRUE,
                "source": (raw.get("source") or "").strip() or None,
                "line": number,
            }
        )
    known = await repository.get_units(session, {row["unit_code"] for row in rows})
    for row in rows:
        if row["unit_code"] not in known:
            errors.append(
                {
                    "row": row["line"],
                    "field": "unit_code",
                    "code": "unknown-unit",
                    "message": f"unit {row['unit_code']!r} is not in the database",
                }
            )
    if errors:
        raise GeoImportError(
            f"{len(errors)} problem(s) in the population file; nothing was loaded.", errors=errors
        )
    for row in rows:
        del row["line"]
    if not dry_run:
        await repository.upsert_population(session, rows)
    return PopulationReport(
        rows=len(rows),
        synthetic=sum(1 for row in rows if row["synthetic"]),
        units=len({row["unit_code"] for row in rows}),
        years=sorted({row["year"] for row in rows}),
        dry_run=dry_run,
    )
