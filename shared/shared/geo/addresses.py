"""The address register: GUS TERYT localities and streets, and street rules derived from GUGiK
PRG address points.

* :func:`import_teryt` loads the SIMC (localities) and ULIC (streets) registers, CSV or XML as
  GUS publishes them, into ``geo.locality``, ``geo.street`` and ``geo.street_key``.
* :func:`import_address_points` reads PRG *punkty adresowe* (GML or CSV, EPSG:2180), keeps
  them in ``geo.address_point`` (replacing the points of every locality in the file and of
  every gmina it names), places every point in its district (``geo.territorial_unit``, level
  ``district``) with one point-in-polygon statement and replaces the derived rules of the
  imported localities in ``geo.street_district``:

  - ``street``: every point of the street lies in one district, so any number resolves there;
  - ``range`` / ``number``: a street crossing districts, per side (odd/even): each run of
    consecutive house numbers of one district becomes a range, a run of one number an exact
    rule; a number with points in two districts (``12`` and ``12A``) gets no rule;
  - ``locality``: every point of the locality lies in one district (villages, no street).

  A point outside every district, or in a district of another gmina than its own, gives no
  rule and breaks the runs around it (it is kept all the same: it still places an address).

Address points are public register data, not personal data; the records of ingest never keep
an address or a coordinate (they keep the district only).

Both functions work in the caller's transaction and write nothing when a file is rejected
(``GeoImportError`` naming the missing column or the bad rows).
"""

from __future__ import annotations

import asyncio
import codecs
import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, groupby, islice
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from shared.geo import repository
from shared.geo.errors import GeoImportError
from shared.geo.names import fold, normalize_locality, normalize_street, street_variants
from shared.textio import detect_encoding, sniff_delimiter

# Columns each TERYT catalog must have (STAN_NA and MZ are read when present).
TERYT_COLUMNS = {
    "SIMC": ("WOJ", "POW", "GMI", "RODZ_GMI", "RM", "NAZWA", "SYM", "SYMPOD"),
    "ULIC": ("WOJ", "POW", "GMI", "RODZ_GMI", "SYM", "SYM_UL", "CECHA", "NAZWA_1", "NAZWA_2"),
}
# Some SIMC exports call the kind of locality RODZ instead of RM.
_SIMC_ALIASES = {"RODZ": "RM"}
# RODZ_GMI of a Warsaw dzielnica (8) or a delegatura of Kraków, Łódź, Poznań, Wrocław (9): the
# municipality is the city itself, gmina number 01, kind 1.
_CITY_PARTS = frozenset({"8", "9"})
MAX_LISTED_ERRORS = 20
AXES = ("northing-easting", "easting-northing")
_DIGITS = re.compile(r"^[0-9]+$")
_HOUSE_NUMBER = re.compile(r"^\s*(\d{1,5})")
# A flat after the house number: "12 m. 3", "12 lok. 3", "12 m 3".
_FLAT = re.compile(r"\s+(?:m|lok|lokal|mieszk)\.?\s*\d.*$", re.IGNORECASE)
_POSTAL_CODE = re.compile(r"^\s*(\d{2})-?(\d{3})\s*$")
_SAMPLE_BYTES = 65536


# --- errors --------------------------------------------------------------------------------


class _Problems:
    """Row problems of one file: the first few are listed, all are counted."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.count = 0
        self.listed: list[dict[str, Any]] = []

    def add(self, row: int, code: str, message: str) -> None:
        self.count += 1
        if len(self.listed) < MAX_LISTED_ERRORS:
            self.listed.append({"feature": row, "code": code, "message": message})

    def raise_if_any(self, what: str) -> None:
        if self.count:
            raise GeoImportError(
                f"{self.count} problem(s) in {self.file.name} ({what}); nothing was imported"
                + (
                    f"; the first {MAX_LISTED_ERRORS} are listed."
                    if self.count > MAX_LISTED_ERRORS
                    else "."
                ),
                errors=self.listed,
            )


def _missing_columns(file: Path, what: str, missing: Iterable[str]) -> GeoImportError:
    names = ", ".join(missing)
    return GeoImportError(
        f"{file.name} is not a {what}: missing column(s) {names}; nothing was imported.",
        errors=[{"code": "bad-header", "message": f"missing column(s) {names}"}],
    )


def _unreadable(file: Path, exc: Exception) -> GeoImportError:
    return GeoImportError(
        f"Cannot read {file.name}: {exc}.", errors=[{"code": "unreadable", "message": str(exc)}]
    )


# --- reading TERYT (SIMC, ULIC) --------------------------------------------------------------


def _is_xml(file: Path) -> bool:
    with file.open("rb") as handle:
        head = handle.read(512)
    return head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"<")


def _local(tag: str) -> str:
    """An element's name without its namespace (``{urn:…}pos`` → ``pos``)."""
    return tag.rsplit("}", 1)[-1]


def _elements(file: Path, names: frozenset[str]) -> Iterator[ET.Element]:
    """The complete elements of ``file`` whose local name is in ``names``, streamed: each one is
    removed from the tree once the caller has read it, so memory stays flat on national files."""
    parents: list[ET.Element] = []
    for event, element in ET.iterparse(file, events=("start", "end")):
        if event == "start":
            parents.append(element)
            continue
        parents.pop()
        if _local(element.tag) in names:
            yield element
            if parents:
                parents[-1].remove(element)
            element.clear()


_CATALOG = re.compile(rb"<catalog\b[^>]*\bname=[\"']([A-Za-z]+)[\"']")


def _catalog_name(file: Path) -> str | None:
    """The ``name`` of the ``<catalog>`` element of a TERYT XML file, if it says one."""
    with file.open("rb") as handle:
        match = _CATALOG.search(handle.read(4096))
    return match.group(1).decode().upper() if match else None


def _text_rows(file: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a ``;``, TAB or ``,`` separated text file in any encoding
    ``shared.textio`` recognises; the first item is the header."""
    with file.open("rb") as raw:
        encoding = detect_encoding(raw.read(_SAMPLE_BYTES))
        raw.seek(encoding.start)
        with io.TextIOWrapper(raw, encoding=encoding.codec, newline="") as handle:
            first = handle.readline()
            reader = csv.reader(chain([first], handle), delimiter=sniff_delimiter(first))
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield reader.line_num, cells


def _teryt_rows(file: Path, catalog: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, column → value) of a TERYT catalog in its CSV or XML layout; refuses a file
    without the catalog's columns."""
    aliases = _SIMC_ALIASES if catalog == "SIMC" else {}
    required = TERYT_COLUMNS[catalog]
    what = f"TERYT {catalog} register"
    try:
        if not _is_xml(file):
            rows = _text_rows(file)
            _, header = next(rows, (0, []))
            names = [
                aliases.get(name, name)
                for name in (cell.strip().lstrip("\ufeff").upper() for cell in header)
            ]
            missing = [name for name in required if name not in names]
            if missing:
                raise _missing_columns(file, what, missing)
            for line, cells in rows:
                yield line, dict(zip(names, (cell.strip() for cell in cells), strict=False))
            return
        stated = _catalog_name(file)
        if stated is not None and stated != catalog:
            raise GeoImportError(
                f"{file.name} holds the {stated} catalog, not {catalog}.",
                errors=[{"code": "wrong-catalog", "message": f"expected {catalog}"}],
            )
        for number, element in enumerate(_elements(file, frozenset({"row"})), start=1):
            # Current GUS files: <row><WOJ>02</WOJ>…; older ones: <row><col name="WOJ">02</col>.
            values = {
                aliases.get(name, name): (child.text or "").strip()
                for child in element
                for name in [(child.get("name") or _local(child.tag)).upper()]
            }
            if number == 1:
                missing = [name for name in required if name not in values]
                if missing:
                    raise _missing_columns(file, what, missing)
            yield number, values
    except (OSError, UnicodeDecodeError, ET.ParseError, csv.Error) as exc:
        raise _unreadable(file, exc) from exc


def _code(value: str, width: int) -> str | None:
    """A TERYT code of ``width`` digits; leading zeros lost by a spreadsheet are restored."""
    text = value.strip()
    if not text or not _DIGITS.match(text) or len(text) > width:
        return None
    return text.zfill(width)


def gmina_of_unit(unit: str) -> str:
    """The municipality (TERC) of a TERYT unit ``WWPPGGR``: a Warsaw dzielnica or a city
    delegatura belongs to its city, gmina ``WWPP011``."""
    return unit[:4] + "011" if unit[6] in _CITY_PARTS else unit


def _teryt_unit(row: dict[str, str]) -> str | None:
    parts = [
        _code(row.get("WOJ", ""), 2),
        _code(row.get("POW", ""), 2),
        _code(row.get("GMI", ""), 2),
        _code(row.get("RODZ_GMI", ""), 1),
    ]
    return None if None in parts else "".join(part or "" for part in parts)


def _as_of(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class LocalityRow:
    """One SIMC entry."""

    simc: str
    name: str
    name_key: str
    gmina_code: str
    teryt_unit: str
    kind: str
    parent_simc: str | None
    as_of: date | None


@dataclass(frozen=True, slots=True)
class StreetRow:
    """One ULIC entry: a street of a locality."""

    simc: str
    ulic: str
    feature: str | None
    name_1: str
    name_2: str | None
    as_of: date | None


def read_localities(file: Path) -> list[LocalityRow]:
    """The localities of a SIMC file (CSV or XML); raises ``GeoImportError`` on any bad row."""
    problems = _Problems(file)
    localities: dict[str, LocalityRow] = {}
    for row_number, row in _teryt_rows(file, "SIMC"):
        unit = _teryt_unit(row)
        simc = _code(row.get("SYM", ""), 7)
        parent = _code(row.get("SYMPOD", ""), 7)
        kind = _code(row.get("RM", ""), 2)
        name = row.get("NAZWA", "").strip()
        if unit is None:
            problems.add(row_number, "bad-code", "WOJ/POW/GMI/RODZ_GMI is not a gmina code")
        elif simc is None or kind is None or not name:
            problems.add(row_number, "bad-value", "SYM, RM or NAZWA is missing or malformed")
        elif simc in localities:
            problems.add(row_number, "duplicate-code", f"SIMC {simc} appears twice")
        else:
            localities[simc] = LocalityRow(
                simc=simc,
                name=name,
                name_key=normalize_locality(name),
                gmina_code=gmina_of_unit(unit),
                teryt_unit=unit,
                kind=kind,
                parent_simc=parent if parent and parent != simc else None,
                as_of=_as_of(row.get("STAN_NA")),
            )
    problems.raise_if_any("SIMC")
    if not localities:
        raise GeoImportError(f"{file.name} has no localities.", errors=[{"code": "empty"}])
    return list(localities.values())


def read_streets(file: Path) -> list[StreetRow]:
    """The streets of a ULIC file (CSV or XML); raises ``GeoImportError`` on any bad row."""
    problems = _Problems(file)
    streets: dict[tuple[str, str], StreetRow] = {}
    for row_number, row in _teryt_rows(file, "ULIC"):
        simc = _code(row.get("SYM", ""), 7)
        ulic = _code(row.get("SYM_UL", ""), 5)
        name_1 = row.get("NAZWA_1", "").strip()
        if simc is None or ulic is None or not name_1:
            problems.add(row_number, "bad-value", "SYM, SYM_UL or NAZWA_1 is missing or malformed")
            continue
        if (simc, ulic) in streets:
            # GUS lists a street once per locality; a repeat is the same street.
            continue
        streets[(simc, ulic)] = StreetRow(
            simc=simc,
            ulic=ulic,
            feature=row.get("CECHA", "").strip() or None,
            name_1=name_1,
            name_2=row.get("NAZWA_2", "").strip() or None,
            as_of=_as_of(row.get("STAN_NA")),
        )
    problems.raise_if_any("ULIC")
    return list(streets.values())


@dataclass
class TerytReport:
    """What a TERYT import did."""

    localities: int
    streets: int
    keys: int
    gminas: int

    def describe(self) -> str:
        """One line for a terminal."""
        return (
            f"teryt: {self.localities} localities in {self.gminas} gmina(s), {self.streets}"
            f" streets under {self.keys} lookup keys"
        )


async def import_teryt(session: AsyncSession, simc_file: Path, ulic_file: Path) -> TerytReport:
    """Upsert the localities of ``simc_file`` and replace the streets of every locality named in
    either file (streets absent from ``ulic_file`` are removed). A street of a locality that is
    neither in ``simc_file`` nor stored rejects the import."""
    localities = await asyncio.to_thread(read_localities, simc_file)
    streets = await asyncio.to_thread(read_streets, ulic_file)
    known = {locality.simc for locality in localities}
    unknown = {street.simc for street in streets} - known
    if unknown:
        unknown -= await repository.stored_localities(session, sorted(unknown))
    if unknown:
        listed = sorted(unknown)[:MAX_LISTED_ERRORS]
        raise GeoImportError(
            f"{len(unknown)} locality id(s) of {ulic_file.name} are neither in "
            f"{simc_file.name} nor stored; nothing was imported.",
            errors=[
                {"code": "unknown-locality", "message": f"SIMC {simc} is not known"}
                for simc in listed
            ],
        )
    keys = [
        (street.simc, key, street.ulic)
        for street in streets
        for key in street_variants(street.name_1, street.name_2)
    ]
    await repository.upsert_localities(session, localities)
    await repository.replace_streets(
        session, sorted(known | {street.simc for street in streets}), streets, keys
    )
    return TerytReport(
        localities=len(localities),
        streets=len(streets),
        keys=len(keys),
        gminas=len({locality.gmina_code for locality in localities}),
    )


# --- reading PRG address points -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddressPoint:
    """One PRG address point, as the importer needs it (EPSG:2180, easting and northing)."""

    gmina: str | None
    simc: str
    ulic: str | None
    street: str | None  # normalised (shared.geo.names.normalize_street)
    number: int | None  # the leading digits of the house number
    east: float
    north: float
    house_number: str | None = None  # normalised (normalize_house_number): "12A"
    postal_code: str | None = None  # "43-300"


# Header of a PRG CSV (folded: lower case, no diacritics, "_" for spaces) → field.
PRG_CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "gmina": ("teryt", "teryt_gminy", "kod_teryt", "terc"),
    "simc": ("simc", "simc_id", "id_simc", "kod_simc", "miejscowosc_simc"),
    "ulic": ("ulic", "ulic_id", "id_ulic", "kod_ulic", "sym_ul"),
    "street": ("ulica", "nazwa_ulicy", "ulica_nazwa"),
    "number": ("numer", "numer_porzadkowy", "numerporzadkowy", "nr"),
    "postal_code": ("kod_pocztowy", "kodpocztowy", "kod", "postal_code"),
    "x": ("x", "wsp_x", "x_2180"),
    "y": ("y", "wsp_y", "y_2180"),
}
_PRG_REQUIRED = ("simc", "number", "x", "y")


def house_number(value: str | None) -> int | None:
    """The number part of ``12A`` or ``12/14``: 12 (None when it does not start with one)."""
    match = _HOUSE_NUMBER.match(value or "")
    return int(match.group(1)) if match else None


def normalize_house_number(value: str | None) -> str | None:
    """A house number as the register compares it: upper case, no spaces, no flat
    (``12 a`` → ``12A``, ``12a m. 3`` → ``12A``, ``12 / 14`` → ``12/14``); None when empty."""
    text = _FLAT.sub("", (value or "").strip())
    text = "".join(text.split()).upper()
    return text or None


def normalize_postal_code(value: str | None) -> str | None:
    """``43-300`` (also from ``43300``); None when the value is not a Polish postal code."""
    match = _POSTAL_CODE.match(value or "")
    return f"{match.group(1)}-{match.group(2)}" if match else None


def _coordinate(value: str) -> float | None:
    try:
        return float(value.strip().replace(",", ".").replace(" ", ""))
    except ValueError:
        return None


def _point(
    problems: _Problems,
    row: int,
    *,
    gmina: str | None,
    simc: str | None,
    ulic: str | None,
    street: str | None,
    number: str | None,
    postal_code: str | None,
    east: float | None,
    north: float | None,
) -> AddressPoint | None:
    """Check one point's fields; a problem is recorded and None returned."""
    if simc is None:
        problems.add(row, "bad-value", "the SIMC id is missing or malformed")
    elif east is None or north is None:
        problems.add(row, "bad-value", "the coordinates are missing or not numbers")
    elif not (100_000 <= east <= 900_000 and 100_000 <= north <= 820_000):
        problems.add(row, "outside-poland", "the point is not in EPSG:2180 within Poland")
    else:
        return AddressPoint(
            gmina=gmina_of_unit(gmina) if gmina else None,
            simc=simc,
            ulic=ulic,
            street=(normalize_street(street) or None) if street else None,
            number=house_number(number),
            east=east,
            north=north,
            house_number=normalize_house_number(number),
            postal_code=normalize_postal_code(postal_code),
        )
    return None


def read_prg_csv(
    file: Path, problems: _Problems, *, axes: str = "northing-easting"
) -> Iterator[AddressPoint]:
    """Points of a PRG address-point CSV. GUGiK's ``x`` is the northing and ``y`` the easting
    (the geodetic order of EPSG:2180); ``axes="easting-northing"`` reads a file written the
    other way round."""
    if axes not in AXES:
        raise GeoImportError(f"Unknown axis order {axes!r}; one of {', '.join(AXES)}.")
    try:
        rows = _text_rows(file)
        _, header = next(rows, (0, []))
        names = [fold(cell.lstrip("\ufeff")).replace(" ", "_") for cell in header]
        position: dict[str, int] = {}
        for target, aliases in PRG_CSV_COLUMNS.items():
            for index, name in enumerate(names):
                if name in aliases and target not in position:
                    position[target] = index
        missing = [PRG_CSV_COLUMNS[name][0] for name in _PRG_REQUIRED if name not in position]
        if missing:
            raise _missing_columns(file, "PRG address-point CSV", missing)

        def cell(cells: list[str], name: str) -> str:
            index = position.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        for line, cells in rows:
            first, second = _coordinate(cell(cells, "x")), _coordinate(cell(cells, "y"))
            north, east = (first, second) if axes == "northing-easting" else (second, first)
            point = _point(
                problems,
                line,
                gmina=_code(cell(cells, "gmina"), 7),
                simc=_code(cell(cells, "simc"), 7),
                ulic=_code(cell(cells, "ulic"), 5),
                street=cell(cells, "street"),
                number=cell(cells, "number"),
                postal_code=cell(cells, "postal_code"),
                east=east,
                north=north,
            )
            if point is not None:
                yield point
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise _unreadable(file, exc) from exc


@dataclass(frozen=True, slots=True)
class _Component:
    """A PRG name object a point refers to (``prg-ad:komponent``)."""

    kind: str  # gmina, locality, street or other
    teryt: str | None


def _component_id(reference: str) -> str:
    """``http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_366439`` → ``PL.PZGIK.200_366439``."""
    return reference.rsplit("/", 1)[-1].lstrip("#")


_GML_ID = "{http://www.opengis.net/gml/3.2}id"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_COMPONENT_KINDS = {
    "PRG_JednostkaAdministracyjnaNazwa": "unit",
    "PRG_MiejscowoscNazwa": "locality",
    "PRG_UlicaNazwa": "street",
}


def _components(file: Path) -> dict[str, _Component]:
    """First pass over a PRG GML file: its administrative unit, locality and street objects by
    ``gml:id`` (a file may list them after the points that refer to them)."""
    found: dict[str, _Component] = {}
    names = frozenset(_COMPONENT_KINDS) | {"PRG_PunktAdresowy"}
    for element in _elements(file, names):
        kind = _COMPONENT_KINDS.get(_local(element.tag))
        if kind is None:
            continue
        values = {_local(child.tag): (child.text or "").strip() for child in element.iter()}
        if kind == "unit":
            kind = "gmina" if values.get("poziom") == "4poziom" else "other"
        found[element.get(_GML_ID) or ""] = _Component(kind, values.get("idTERYT") or None)
    return found


def read_prg_gml(file: Path, problems: _Problems) -> Iterator[AddressPoint]:
    """Points of a PRG address-point GML (the GUGiK application schema of 2012, namespace
    ``urn:gugik:specyfikacje:gmlas:panstwowyRejestrGranicAdresy:1.0``): ``PRG_PunktAdresowy``
    features whose ``komponent`` links name the gmina (``PRG_JednostkaAdministracyjnaNazwa``,
    ``poziom`` ``4poziom``), locality (``PRG_MiejscowoscNazwa``, ``idTERYT`` = SIMC) and street
    (``PRG_UlicaNazwa``, ``idTERYT`` = ULIC); ``ulica`` and ``numerPorzadkowy`` as text and
    ``pozycja/gml:Point/gml:pos`` = northing easting in EPSG:2180. Points no longer valid
    (``waznyDo``) are skipped."""
    try:
        components = _components(file)
        features = _elements(file, frozenset({"PRG_PunktAdresowy"}))
        for number, element in enumerate(features, start=1):
            values: dict[str, str] = {}
            linked: dict[str, str | None] = {}
            srs = None
            for child in element.iter():
                name = _local(child.tag)
                if name == "komponent":
                    component = components.get(_component_id(child.get(_XLINK_HREF) or ""))
                    if component is not None:
                        linked[component.kind] = component.teryt
                elif name == "Point":
                    srs = child.get("srsName")
                elif child.text and child.text.strip():
                    values.setdefault(name, child.text.strip())
            if values.get("waznyDo"):
                continue
            if srs is not None and not srs.rstrip().endswith("2180"):
                problems.add(number, "unknown-crs", f"the point is in {srs}, not EPSG:2180")
                continue
            position = values.get("pos", "").split()
            north, east = (
                (_coordinate(position[0]), _coordinate(position[1]))
                if len(position) >= 2
                else (None, None)
            )
            point = _point(
                problems,
                number,
                gmina=_code(linked.get("gmina") or "", 7),
                simc=_code(linked.get("locality") or "", 7),
                ulic=_code(linked.get("street") or "", 5),
                street=values.get("ulica"),
                number=values.get("numerPorzadkowy"),
                postal_code=values.get("kodPocztowy"),
                east=east,
                north=north,
            )
            if point is not None:
                yield point
    except (OSError, ET.ParseError) as exc:
        raise _unreadable(file, exc) from exc


# --- deriving street rules ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StreetRule:
    """One row for ``geo.street_district``."""

    simc: str
    ulic: str | None
    street_name: str | None
    number_from: int | None
    number_to: int | None
    parity: str
    district_code: str
    source: str


def side_rules(
    simc: str,
    ulic: str | None,
    street_name: str | None,
    numbers: Iterable[tuple[int, frozenset[str | None]]],
) -> list[StreetRule]:
    """Range and exact rules of one street that crosses districts, from its house numbers in
    ascending order, each with the districts its points lie in (None: outside every district).
    Each side (odd, even) is split into runs of consecutive numbers of one district; a number
    in several districts, or outside them, belongs to no run."""
    rules: list[StreetRule] = []
    listed = list(numbers)
    for parity in ("odd", "even"):
        side = [
            (number, next(iter(districts)) if len(districts) == 1 else None)
            for number, districts in listed
            if (number % 2 == 1) == (parity == "odd")
        ]
        for district, run in groupby(side, key=lambda item: item[1]):
            if district is None:
                continue
            members = [number for number, _ in run]
            rules.append(
                StreetRule(
                    simc=simc,
                    ulic=ulic,
                    street_name=street_name,
                    number_from=members[0],
                    number_to=members[-1],
                    parity=parity,
                    district_code=district,
                    source="number" if len(members) == 1 else "range",
                )
            )
    return rules


@dataclass
class AddressReport:
    """What an address-point import did."""

    points: int = 0
    placed: int = 0
    outside: int = 0
    misplaced: int = 0
    localities: int = 0
    rules: dict[str, int] = field(default_factory=dict)
    replaced: int = 0
    kept: int = 0  # points stored in geo.address_point
    points_replaced: int = 0  # earlier points of the same localities and gminas

    def describe(self) -> str:
        """A few lines for a terminal."""
        lines = [
            f"addresses: {self.points} point(s) of {self.localities} locality(ies):"
            f" {self.placed} in a district, {self.outside} outside every district",
            "  rules: "
            + (", ".join(f"{count} {source}" for source, count in sorted(self.rules.items())))
            + f" (replacing {self.replaced} earlier derived rule(s))",
            f"  points: {self.kept} kept for the geocoder"
            f" (replacing {self.points_replaced} earlier point(s))",
        ]
        if self.misplaced:
            lines.append(
                f"  warning: {self.misplaced} point(s) fell in a district of another gmina than"
                " their own and were left out (wrong axis order or boundaries?)"
            )
        return "\n".join(lines)


def _take(points: Iterator[AddressPoint], size: int) -> list[AddressPoint]:
    return list(islice(points, size))


def _guess_format(file: Path) -> str:
    return "gml" if _is_xml(file) else "csv"


async def import_address_points(
    session: AsyncSession,
    file: Path,
    *,
    file_format: str | None = None,
    axes: str = "northing-easting",
    source: str | None = None,
    chunk_size: int = 50_000,
) -> AddressReport:
    """Import PRG address points (``file_format`` ``gml`` or ``csv``; guessed from the content
    when None): keep them in ``geo.address_point`` (``source`` says where they come from;
    the file's name by default) and derive the street rules of their localities; see the
    module docstring."""
    file_format = file_format or await asyncio.to_thread(_guess_format, file)
    problems = _Problems(file)
    if file_format == "csv":
        points = read_prg_csv(file, problems, axes=axes)
    elif file_format == "gml":
        points = read_prg_gml(file, problems)
    else:
        raise GeoImportError(f"Unknown format {file_format!r}; gml or csv.")
    report = AddressReport()
    await repository.create_address_points(session)
    while chunk := await asyncio.to_thread(_take, points, chunk_size):
        report.points += len(chunk)
        if not problems.count:
            await repository.copy_address_points(session, chunk)
    problems.raise_if_any("PRG address points")
    if not report.points:
        raise GeoImportError(f"{file.name} has no address points.", errors=[{"code": "empty"}])
    report.points_replaced, report.kept = await repository.keep_address_points(
        session, source=source or file.name
    )
    # From here on the import's points carry a district and no coordinates.
    placed = await repository.place_address_points(session)
    report.placed, report.outside = placed["placed"], placed["outside"]
    report.misplaced, report.localities = placed["misplaced"], placed["localities"]
    rules: list[StreetRule] = []
    for (simc, ulic, street_name), numbers in groupby(
        await repository.split_street_numbers(session),
        key=lambda row: (row[0], row[1], row[2]),
    ):
        rules += side_rules(simc, ulic, street_name, ((row[3], row[4]) for row in numbers))
    await repository.add_address_rules(session, rules)
    report.replaced, report.rules = await repository.replace_derived_rules(session)
    return report
