"""The coverage report of ``socmap geo check``: what geography is loaded and how sound it is."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry
from sqlalchemy.ext.asyncio import AsyncSession

from shared.geo import repository
from shared.geo.coverage import (
    ZOOM_BANDS,
    CoverageTolerances,
    Sibling,
    find_gaps,
    find_outside_parent,
    find_overlaps,
)
from shared.geo.crs import METRIC, WGS84, transform
from shared.geo.importer import GROUPED_BY_PARENT


@dataclass
class GroupCheck:
    """One sibling group: its units, the problems found, and whether each zoom band is a valid
    coverage (shared borders identical, no overlaps)."""

    level: str
    parent_code: str | None
    units: int
    findings: list[dict[str, Any]] = field(default_factory=list)
    bands_valid: dict[int, bool] = field(default_factory=dict)


@dataclass
class CoverageReport:
    """Per level counts and per sibling group checks."""

    levels: list[dict[str, Any]]
    groups: list[GroupCheck]

    @property
    def ok(self) -> bool:
        """No errors and every band of every group a valid coverage."""
        return all(
            all(group.bands_valid.values())
            and not any(item["severity"] == "error" for item in group.findings)
            for group in self.groups
        )

    def describe(self) -> str:
        """A table per level and a line per sibling group, for a terminal."""
        lines = [
            f"{'level':<12} {'units':>6} {'boundary':>8} {'approx.':>7} {'bands':>6} "
            f"{'population':>10} {'real':>5} {'latest':>6}"
        ]
        for level in self.levels:
            lines.append(
                f"{level['level']:<12} {level['units']:>6} {level['with_geometry']:>8} "
                f"{level['approximate']:>7} {level['with_bands']:>6} {level['with_population']:>10} "
                f"{level['with_real_population']:>5} {level['latest_year'] or '-':>6}"
            )
        for group in self.groups:
            bands = " ".join(
                f"z{ZOOM_BANDS[band].min_zoom}-{ZOOM_BANDS[band].max_zoom}:{'ok' if valid else 'INVALID'}"
                for band, valid in sorted(group.bands_valid.items())
            )
            where = f"under {group.parent_code}" if group.parent_code else "all"
            lines.append(f"{group.level} {where}: {group.units} unit(s); bands {bands or 'none'}")
            lines += [
                f"  {item['severity']} [{item['code']}]: {item['message']}"
                for item in group.findings
            ]
        lines.append("coverage OK" if self.ok else "coverage has problems")
        return "\n".join(lines)


def _check_group(
    level: str,
    parent_code: str | None,
    members: Sequence[Sibling],
    parent: BaseGeometry | None,
    bands: dict[int, dict[str, BaseGeometry]],
    tolerances: CoverageTolerances,
) -> GroupCheck:
    # Boundaries arrive in EPSG:4326; every measure is taken in metres.
    members = [
        Sibling(member.code, member.name, transform(member.geometry, WGS84, METRIC))
        for member in members
    ]
    findings = find_overlaps(members, tolerances) + find_gaps(members, tolerances)
    if parent is not None and parent_code is not None:
        metric_parent = transform(parent, WGS84, METRIC)
        findings += find_outside_parent(members, metric_parent, parent_code, tolerances)
    codes = [member.code for member in members]
    bands_valid = {
        band: all(code in geometries for code in codes)
        and bool(shapely.coverage_is_valid([geometries[code] for code in codes]))
        for band, geometries in bands.items()
    }
    return GroupCheck(level, parent_code, len(members), findings, bands_valid)


async def coverage_report(
    session: AsyncSession, tolerances: CoverageTolerances | None = None
) -> CoverageReport:
    """Counts per level, and overlaps, gaps, units outside their parent and band validity for
    every sibling group with boundaries."""
    tolerances = tolerances or CoverageTolerances()
    levels = await repository.level_summary(session, band_count=len(ZOOM_BANDS))
    units = await repository.list_units(session)
    by_code = {unit.code: unit for unit in units}
    groups: dict[tuple[str, str | None], list[Sibling]] = defaultdict(list)
    for unit in units:
        if unit.geometry is None:
            continue
        key = (unit.level, unit.parent_code if unit.level in GROUPED_BY_PARENT else None)
        groups[key].append(Sibling(unit.code, unit.name, unit.geometry))
    checks = []
    for (level, parent_code), members in groups.items():
        parent_unit = by_code.get(parent_code) if parent_code else None
        parent = parent_unit.geometry if parent_unit is not None else None
        bands = await repository.list_bands(session, [member.code for member in members])
        checks.append(
            await asyncio.to_thread(
                _check_group, level, parent_code, members, parent, bands, tolerances
            )
        )
    return CoverageReport(levels=levels, groups=checks)
