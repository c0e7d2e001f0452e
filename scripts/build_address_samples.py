"""Build data/geo/addresses/: SYNTHETIC samples of the address registers, in the official layouts.

* ``SIMC.csv``, ``SIMC.xml``: localities, as the GUS TERYT SIMC register (CSV and XML);
* ``ULIC.csv``, ``ULIC.xml``: their streets, as the GUS TERYT ULIC register;
* ``PRG_punkty_adresowe.csv``: address points, as the GUGiK PRG address-point CSV
  (``x`` = northing, ``y`` = easting, EPSG:2180);
* ``PRG_punkty_adresowe.gml``: part of the Bielsko-Biała and Jaworze points of the CSV (they
  give the same rules), as the GUGiK PRG GML (application schema of 2012).

The localities are Bielsko-Biała and Wrocław (the demo cities), one part of Bielsko-Biała and one
village of another gmina (Jaworze). Street names are real names of Polish streets, but they are
placed synthetically: every osiedle of ``bielsko-biala-osiedla.geojson`` and
``wroclaw-osiedla.geojson`` gets one street whose points all lie inside it (80 m from its edge at
least), and a few streets cross from one osiedle to a neighbour: odd numbers on one side and
even on the other, house-number ranges, runs that interleave and a number split between two
osiedla (``6`` and ``6A``). Points are random and seeded: running the script again writes the same
files.

Usage: uv run python scripts/build_address_samples.py
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from shared.geo.crs import METRIC, WGS84, transform

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "data" / "geo"
OUTPUT = GEO / "addresses"
SEED = 20260501
AS_OF = "2026-01-01"
INSIDE_M = 80.0  # points keep this far from their osiedle's edge
POINTS_PER_STREET = 5
BOM = "\ufeff"  # current GUS downloads are UTF-8 with a byte-order mark


@dataclass(frozen=True)
class Locality:
    simc: str
    name: str
    woj: str
    pow: str
    gmi: str
    rodz_gmi: str
    rm: str  # 96 miasto, 99 część miasta, 01 wieś
    sympod: str


@dataclass(frozen=True)
class Street:
    feature: str  # CECHA
    name_2: str  # NAZWA_2 (given names, title), may be empty
    name_1: str  # NAZWA_1


@dataclass(frozen=True)
class AddressPoint:
    locality: Locality
    street: Street | None
    ulic: str
    number: str
    east: float
    north: float


BIELSKO = Locality("0923584", "Bielsko-Biała", "24", "61", "01", "1", "96", "0923584")
# Synthetic ids (999xxxx): a part of Bielsko-Biała and a village of gmina Jaworze.
WAPIENICA = Locality("9990102", "Wapienica", "24", "61", "01", "1", "99", "0923584")
WROCLAW = Locality("0986283", "Wrocław", "02", "64", "01", "1", "96", "0986283")
JAWORZE = Locality("9990101", "Jaworze", "24", "02", "05", "2", "01", "9990101")
LOCALITIES = (BIELSKO, WAPIENICA, WROCLAW, JAWORZE)


def ul(name_1: str, name_2: str = "", feature: str = "ul.") -> Street:
    return Street(feature, name_2, name_1)


# One street per osiedle, in the order of the district codes 2461011-01 … -30.
BIELSKO_STREETS = [
    ul("Lotnicza"),
    ul("Krakowska"),
    ul("Wyspiańskiego", "Stanisława"),
    ul("11 Listopada"),
    ul("Partyzantów"),
    ul("Bystrzańska"),
    ul("Barlickiego", "Norberta"),
    ul("Mickiewicza", "Adama"),
    ul("Hałcnowska"),
    ul("Kamienicka"),
    ul("Komorowicka"),
    ul("Międzyrzecka"),
    ul("Cyniarska"),
    ul("Lipnicka"),
    ul("Wyzwolenia"),
    ul("Górska"),
    ul("Sobieskiego", "Jana III"),
    ul("Grunwaldzka"),
    ul("Karpacka"),
    ul("Kopernika", "Mikołaja"),
    ul("Żywiecka"),
    ul("Bohaterów Warszawy"),
    ul("Broniewskiego", "Władysława"),
    ul("Jutrzenki"),
    ul("Wojska Polskiego", feature="pl."),
    ul("Armii Krajowej", feature="al."),
    ul("Straconki"),
    ul("Stojałowskiego", "ks. Stanisława"),
    ul("Wapienicka"),
    ul("Złote Łany", feature="os."),
]
# Wrocław's osiedla by their upstream id 1 … 48 (district code 0264011-NN).
WROCLAW_STREETS = [
    ul("Świdnicka"),
    ul("Piłsudskiego", "Marszałka Józefa"),
    ul("Zachodnia"),
    ul("Jedności Narodowej"),
    ul("Kleczkowska"),
    ul("Nowowiejska"),
    ul("Grunwaldzki", feature="pl."),
    ul("Mickiewicza", "Adama"),
    ul("Olszewskiego", "Karola"),
    ul("Traugutta", "Romualda"),
    ul("Gazowa"),
    ul("Hubska"),
    ul("Powstańców Śląskich"),
    ul("Bardzka"),
    ul("Wiśniowa", feature="al."),
    ul("Opolska"),
    ul("Semaforowa"),
    ul("Buforowa"),
    ul("Jagodzińska"),
    ul("Orzechowa"),
    ul("Krzycka"),
    ul("Ślężna"),
    ul("Kozanowska"),
    ul("Popowicka"),
    ul("Strzegomska"),
    ul("Gajowicka"),
    ul("Grabiszyńska"),
    ul("Oporowska"),
    ul("Muchoborska"),
    ul("Rogowska"),
    ul("Lotnicza"),
    ul("Żernicka"),
    ul("Jerzmanowska"),
    ul("Średzka"),
    ul("Maślicka"),
    ul("Stabłowicka"),
    ul("Kasprowicza", "Jana"),
    ul("Krzywoustego", "Bolesława"),
    ul("Swojczycka"),
    ul("Bierutowska"),
    ul("Kiełczowska"),
    ul("Sołtysowicka"),
    ul("Obornicka"),
    ul("Sycowska"),
    ul("Lipska"),
    ul("Zajazdowa"),
    ul("Osobowicka"),
    ul("Wojszycka"),
]
# Streets that cross into a neighbouring osiedle: (street, osiedle, numbers of each side).
# In a side spec, "A"/"B" is the osiedle (A the given one, B its longest neighbour).
PIASTOWSKA = ul("Piastowska")
ANDERSA = ul("Andersa", "gen. Władysława")
CIESZYNSKA = ul("Cieszyńska")
LEGNICKA = ul("Legnicka")
KAZIMIERZA = ul("Kazimierza Wielkiego")


def odd_even(count: int) -> list[tuple[str, str]]:
    """Odd numbers in A, even numbers in B."""
    return [(str(n), "A" if n % 2 else "B") for n in range(1, 2 * count + 1)]


def ranges(split: int, last: int) -> list[tuple[str, str]]:
    """Numbers below ``split`` in A, the rest in B, on both sides."""
    return [(str(n), "A" if n < split else "B") for n in range(1, last + 1, 3)]


# Odd side: runs A, B, A (interleaving: 7 is an exact rule); even side: 6 in A and 6A in B (no
# rule for 6), runs 2-4 in A and 8-10 in B.
INTERLEAVED = [
    ("1", "A"),
    ("3", "A"),
    ("5", "A"),
    ("7", "B"),
    ("9", "A"),
    ("11", "A"),
    ("2", "A"),
    ("4", "A"),
    ("6", "A"),
    ("6A", "B"),
    ("8", "B"),
    ("10", "B"),
]
CROSSING = {
    BIELSKO: [
        (PIASTOWSKA, "2461011-22", odd_even(6)),
        (ANDERSA, "2461011-20", ranges(31, 60)),
        (CIESZYNSKA, "2461011-28", INTERLEAVED),
    ],
    WROCLAW: [
        (LEGNICKA, "0264011-03", ranges(41, 80)),
        (KAZIMIERZA, "0264011-01", odd_even(6)),
    ],
}
CROSSING_STREETS = {street for streets in CROSSING.values() for street, _code, _sides in streets}
# A street the ULIC register does not list yet (PRG names it, without a ULIC id).
UNLISTED = (BIELSKO, ul("Zielona"), "2461011-13")
JAWORZE_STREETS = [ul("Zdrojowa"), ul("Cisowa")]
# A spot in Jaworze (WGS84), west of Bielsko-Biała's Wapienica.
JAWORZE_CENTRE = (18.915, 49.795)


def ulic_ids() -> dict[str, str]:
    """Synthetic ULIC ids (8xxxx): one per street name, as GUS gives one id to a name."""
    names = sorted(
        {
            (street.name_2, street.name_1)
            for street in [
                *BIELSKO_STREETS,
                *WROCLAW_STREETS,
                *JAWORZE_STREETS,
                *(street for streets in CROSSING.values() for street, _code, _sides in streets),
            ]
        }
    )
    return {
        f"{name_2}|{name_1}": f"{80001 + index:05d}" for index, (name_2, name_1) in enumerate(names)
    }


def load_osiedla(file: str, code: str, template: str) -> dict[str, BaseGeometry]:
    """District code → boundary in EPSG:2180."""
    document = json.loads((GEO / file).read_text(encoding="utf-8"))
    return {
        template.format(value=feature["properties"][code]): transform(
            shape(feature["geometry"]), WGS84, METRIC
        )
        for feature in document["features"]
    }


def inside(rng: random.Random, area: BaseGeometry, count: int) -> list[Point]:
    """``count`` random points at least INSIDE_M inside ``area``."""
    core = area.buffer(-INSIDE_M)
    if core.is_empty:
        core = area.buffer(-INSIDE_M / 4)
    west, south, east, north = core.bounds
    found: list[Point] = []
    while len(found) < count:
        point = Point(rng.uniform(west, east), rng.uniform(south, north))
        if core.contains(point):
            found.append(point)
    return found


def neighbour(code: str, districts: dict[str, BaseGeometry]) -> str:
    """The district sharing the longest border with ``code``."""
    area = districts[code]
    lengths = {
        other: area.boundary.intersection(geometry.boundary).length
        for other, geometry in districts.items()
        if other != code
    }
    return max(lengths, key=lengths.__getitem__)


def near_border(
    rng: random.Random, first: BaseGeometry, second: BaseGeometry, side: BaseGeometry
) -> Point:
    """A random point of ``side`` (one of the two) within 300 m of the middle of their border,
    at least 40 m inside it."""
    border = first.boundary.intersection(second.boundary)
    lines = [part for part in shapely.get_parts(border) if part.geom_type == "LineString"]
    middle = max(lines, key=lambda line: line.length).interpolate(0.5, normalized=True)
    core = side.buffer(-40.0)
    while True:
        point = Point(middle.x + rng.uniform(-300, 300), middle.y + rng.uniform(-300, 300))
        if core.contains(point):
            return point


def numbers(rng: random.Random) -> list[str]:
    chosen = sorted(rng.sample(range(1, 40), POINTS_PER_STREET))
    return [f"{n}{'A' if rng.random() < 0.15 else ''}" for n in chosen]


def build_points(rng: random.Random, ulic: dict[str, str]) -> list[AddressPoint]:
    bielsko = load_osiedla("bielsko-biala-osiedla.geojson", "code", "{value}")
    wroclaw = load_osiedla("wroclaw-osiedla.geojson", "id", "0264011-{value:02d}")
    points: list[AddressPoint] = []

    def street_id(street: Street) -> str:
        return ulic[f"{street.name_2}|{street.name_1}"]

    for locality, districts, streets in (
        (BIELSKO, bielsko, BIELSKO_STREETS),
        (WROCLAW, wroclaw, WROCLAW_STREETS),
    ):
        for code, street in zip(sorted(districts), streets, strict=True):
            spots = inside(rng, districts[code], POINTS_PER_STREET)
            for number, spot in zip(numbers(rng), spots, strict=True):
                points.append(
                    AddressPoint(locality, street, street_id(street), number, spot.x, spot.y)
                )
        for street, code, sides in CROSSING[locality]:
            other = neighbour(code, districts)
            for number, side in sides:
                area = districts[code] if side == "A" else districts[other]
                spot = near_border(rng, districts[code], districts[other], area)
                points.append(
                    AddressPoint(locality, street, street_id(street), number, spot.x, spot.y)
                )
    locality, street, code = UNLISTED
    for number, spot in zip(
        numbers(rng), inside(rng, bielsko[code], POINTS_PER_STREET), strict=True
    ):
        points.append(AddressPoint(locality, street, "", number, spot.x, spot.y))
    centre = transform(Point(*JAWORZE_CENTRE), WGS84, METRIC)
    for street in JAWORZE_STREETS:
        for number in numbers(rng):
            spot = Point(centre.x + rng.uniform(-400, 400), centre.y + rng.uniform(-400, 400))
            if any(area.contains(spot) for area in bielsko.values()):
                raise SystemExit("a Jaworze point fell inside Bielsko-Biała; move JAWORZE_CENTRE")
            points.append(AddressPoint(JAWORZE, street, street_id(street), number, spot.x, spot.y))
    return points


def full_name(street: Street) -> str:
    return " ".join(part for part in (street.name_2, street.name_1) if part)


# --- writers ------------------------------------------------------------------------------

SIMC_HEADER = ("WOJ", "POW", "GMI", "RODZ_GMI", "RM", "MZ", "NAZWA", "SYM", "SYMPOD", "STAN_NA")
ULIC_HEADER = (
    "WOJ",
    "POW",
    "GMI",
    "RODZ_GMI",
    "SYM",
    "SYM_UL",
    "CECHA",
    "NAZWA_1",
    "NAZWA_2",
    "STAN_NA",
)


def simc_rows() -> list[tuple[str, ...]]:
    return [
        (
            place.woj,
            place.pow,
            place.gmi,
            place.rodz_gmi,
            place.rm,
            "1",
            place.name,
            place.simc,
            place.sympod,
            AS_OF,
        )
        for place in LOCALITIES
    ]


def ulic_rows(points: list[AddressPoint]) -> list[tuple[str, ...]]:
    seen: dict[tuple[str, str], tuple[str, ...]] = {}
    for point in points:
        if point.street is None or not point.ulic:
            continue
        place, street = point.locality, point.street
        seen[(place.simc, point.ulic)] = (
            place.woj,
            place.pow,
            place.gmi,
            place.rodz_gmi,
            place.simc,
            point.ulic,
            street.feature,
            street.name_1,
            street.name_2,
            AS_OF,
        )
    return sorted(seen.values(), key=lambda row: (row[4], row[7]))


def write_csv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    lines = [";".join(header)] + [";".join(row) for row in rows]
    path.write_text(BOM + "\r\n".join(lines) + "\r\n", encoding="utf-8")


def write_teryt_xml(
    path: Path, catalog: str, header: tuple[str, ...], rows: list[tuple[str, ...]]
) -> None:
    """The current GUS layout: <teryt><catalog name=…><row><WOJ>02</WOJ>…</row>."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<teryt>"]
    out.append(f'  <catalog name="{catalog}" type="all" date="{AS_OF}">')
    for row in rows:
        out.append("    <row>")
        for name, value in zip(header, row, strict=True):
            out.append(f"      <{name}>{escape(value)}</{name}>" if value else f"      <{name} />")
        out.append("    </row>")
    out += ["  </catalog>", "</teryt>", ""]
    path.write_text("\n".join(out), encoding="utf-8")


PRG_HEADER = (
    "PRG_IdIIP",
    "TERYT",
    "miejscowosc",
    "SIMC",
    "ulica",
    "ULIC",
    "numer",
    "kod_pocztowy",
    "status",
    "x",
    "y",
)
POSTCODES = {
    BIELSKO.simc: "43-300",
    WAPIENICA.simc: "43-300",
    WROCLAW.simc: "50-001",
    JAWORZE.simc: "43-384",
}


def prg_csv_rows(points: list[AddressPoint]) -> list[tuple[str, ...]]:
    rows = []
    for index, point in enumerate(points, start=1):
        place = point.locality
        rows.append(
            (
                f"SYNTH-{index:05d}",
                place.woj + place.pow + place.gmi + place.rodz_gmi,
                place.name,
                place.simc,
                full_name(point.street) if point.street else "",
                point.ulic,
                point.number,
                POSTCODES[place.simc],
                "istniejacy",
                f"{point.north:.2f}",  # GUGiK: x is the northing
                f"{point.east:.2f}",
            )
        )
    return rows


GML_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<!-- SYNTHETIC sample in the layout of GUGiK PRG punkty adresowe (model 2012): socmap test and demo data, not an extract of PRG. -->
<gml:FeatureCollection xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:bt="urn:gugik:specyfikacje:gmlas:modelPodstawowy:1.0" xmlns:mua="urn:gugik:specyfikacje:gmlas:ewidencjaMiejscowosciUlicAdresow:1.0" xmlns:prg-ad="urn:gugik:specyfikacje:gmlas:panstwowyRejestrGranicAdresy:1.0" gml:id="prg-ad">
<gml:featureMembers>
"""
DANE = "http://geoportal.gov.pl/PZGIK/dane/"
UNITS = {
    "24": ("PL.PZGIK.200_SYNTH_24", "śląskie", "2poziom"),
    "2461": ("PL.PZGIK.200_SYNTH_2461", "powiat Bielsko-Biała", "3poziom"),
    "2461011": ("PL.PZGIK.200_SYNTH_2461011", "Bielsko-Biała", "4poziom"),
    "2402": ("PL.PZGIK.200_SYNTH_2402", "powiat bielski", "3poziom"),
    "2402052": ("PL.PZGIK.200_SYNTH_2402052", "Jaworze", "4poziom"),
}
COUNTRY = ("PL.PZGIK.200_SYNTH_PL", "Polska", "1poziom")


def gml_point(index: int, point: AddressPoint) -> str:
    place = point.locality
    gmina = place.woj + place.pow + place.gmi + place.rodz_gmi
    units = [COUNTRY, UNITS[place.woj], UNITS[place.woj + place.pow], UNITS[gmina]]
    street = (
        f"<prg-ad:ulica>{escape(full_name(point.street))}</prg-ad:ulica>"
        if point.street
        else '<prg-ad:ulica nilReason="inapplicable" xsi:nil="true"/>'
    )
    links = [f'<prg-ad:komponent xlink:href="{DANE}{unit[0]}"/>' for unit in units]
    links.append(f'<prg-ad:komponent xlink:href="{DANE}PL.ZIPIN.SYNTH.EMUiA_{place.simc}"/>')
    if point.ulic:
        links.append(
            f'<prg-ad:komponent xlink:href="{DANE}PL.ZIPIN.SYNTH.EMUiA_U{place.simc}_{point.ulic}"/>'
        )
    return "\n".join(
        [
            f'<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P{index:05d}">',
            f"<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-{index:05d}</bt:lokalnyId>"
            "<bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw>"
            f"<bt:wersjaId>{AS_OF}T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>",
            f"<prg-ad:waznyOd>{AS_OF}</prg-ad:waznyOd>",
            *(
                f"<prg-ad:jednostkaAdmnistracyjna>{unit[1]}</prg-ad:jednostkaAdmnistracyjna>"
                for unit in units
            ),
            f"<prg-ad:miejscowosc>{escape(place.name)}</prg-ad:miejscowosc>",
            '<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>',
            street,
            f"<prg-ad:numerPorzadkowy>{point.number}</prg-ad:numerPorzadkowy>",
            f"<prg-ad:kodPocztowy>{POSTCODES[place.simc]}</prg-ad:kodPocztowy>",
            "<prg-ad:status>istniejacy</prg-ad:status>",
            '<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2"'
            f' gml:id="PL.PZGIK.200_SYNTH_{index:05d}_GEO"><gml:pos>{point.north:.2f} {point.east:.2f}'
            "</gml:pos></gml:Point></prg-ad:pozycja>",
            *links,
            "</prg-ad:PRG_PunktAdresowy>",
        ]
    )


def gml_components(points: list[AddressPoint]) -> list[str]:
    parts = []
    for code, (gml_id, name, level) in [("", COUNTRY), *UNITS.items()]:
        teryt = (
            f"<prg-ad:idTERYT>{code}</prg-ad:idTERYT>"
            if code
            else '<prg-ad:idTERYT nilReason="inapplicable" xsi:nil="true"/>'
        )
        parts.append(
            f'<prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="{gml_id}">'
            f"<prg-ad:nazwa>{escape(name)}</prg-ad:nazwa>{teryt}"
            f"<prg-ad:poziom>{level}</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>"
        )
    for place in sorted({point.locality for point in points}, key=lambda item: item.simc):
        parts.append(
            f'<prg-ad:PRG_MiejscowoscNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_{place.simc}">'
            f"<prg-ad:nazwa>{escape(place.name)}</prg-ad:nazwa>"
            f"<prg-ad:idTERYT>{place.simc}</prg-ad:idTERYT></prg-ad:PRG_MiejscowoscNazwa>"
        )
    streets = {(p.locality.simc, p.ulic): p.street for p in points if p.ulic and p.street}
    for (simc, ulic), street in sorted(streets.items()):
        assert street is not None
        prefix = (
            f"<mua:przedrostek1Czesc>{escape(street.name_2)}</mua:przedrostek1Czesc>"
            if street.name_2
            else ""
        )
        parts.append(
            f'<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U{simc}_{ulic}">'
            f"<prg-ad:nazwa><mua:AD_NazwaUlicy>{prefix}"
            f"<mua:nazwaGlownaCzesc>{escape(street.name_1)}</mua:nazwaGlownaCzesc>"
            f"<mua:idTERYT>{ulic}</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa>"
            "</prg-ad:PRG_UlicaNazwa>"
        )
    return parts


def write_gml(path: Path, points: list[AddressPoint]) -> None:
    body = [gml_point(index, point) for index, point in enumerate(points, start=1)]
    text = (
        GML_HEAD
        + "\n".join(body + gml_components(points))
        + "\n</gml:featureMembers>\n</gml:FeatureCollection>\n"
    )
    path.write_text(text, encoding="utf-8")


def main() -> int:
    rng = random.Random(SEED)
    ulic = ulic_ids()
    points = build_points(rng, ulic)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    write_csv(OUTPUT / "SIMC.csv", SIMC_HEADER, simc_rows())
    write_teryt_xml(OUTPUT / "SIMC.xml", "SIMC", SIMC_HEADER, simc_rows())
    streets = ulic_rows(points)
    write_csv(OUTPUT / "ULIC.csv", ULIC_HEADER, streets)
    write_teryt_xml(OUTPUT / "ULIC.xml", "ULIC", ULIC_HEADER, streets)
    write_csv(OUTPUT / "PRG_punkty_adresowe.csv", PRG_HEADER, prg_csv_rows(points))
    # The GML stays small: the Bielsko-Biała and Jaworze points, two per street that lies in one
    # osiedle (they give the same rules as all five).
    kept: dict[tuple[str, str], int] = {}
    southern = []
    for point in points:
        if point.locality.woj != "24":
            continue
        key = (point.locality.simc, point.ulic or "")
        kept[key] = kept.get(key, 0) + 1
        if kept[key] <= 2 or point.street in CROSSING_STREETS:
            southern.append(point)
    write_gml(OUTPUT / "PRG_punkty_adresowe.gml", southern)
    print(
        f"{len(LOCALITIES)} localities, {len(streets)} streets, {len(points)} points"
        f" ({len(southern)} in the GML)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
