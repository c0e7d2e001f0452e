"""Demo content for ``make run``: institutions and their keys, and synthetic case records pushed
through the ingest HTTP API as the OPS and PUP institutions would. In the cities with an address
register (the synthetic samples of data/geo/addresses), part of the records carry a street
address (SIMC, street as a clerk would write it, house number) instead of the district code, and
ingest resolves it to the osiedle.

Keys are written to ``.local/demo-keys.json`` (git-ignored) and reused on the next run. Records
are synthetic and seeded, so every run produces the same ones: a few per cent of residents with
a problem, correlated categories, and OPS and PUP clients that overlap.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.auth import verify_key
from shared.db.engine import make_engine, make_sessionmaker
from shared.errors import NotFound
from shared.institutions import create_api_key, create_institution, get_institution
from shared.settings import DatabaseSettings

ROOT = Path(__file__).resolve().parent.parent
KEYS_FILE = ROOT / ".local" / "demo-keys.json"
SEED = 20071008
BATCH_SIZE = 10_000
# Quarters covered by the demo: 2023 Q1 to 2024 Q4 (closed periods).
FIRST_DAY = date(2023, 1, 1)
LAST_DAY = date(2024, 12, 31)
# Share of the people of a district with streets in the register whose records give an address.
ADDRESS_SHARE = 0.4


@dataclass(frozen=True)
class StreetSpot:
    """A street (or one side of a stretch of it) that the register places in one district."""

    simc: str
    spellings: tuple[str, ...]  # "ul. gen. Władysława Andersa", "Andersa"
    number_from: int | None
    number_to: int | None
    parity: str


@dataclass(frozen=True)
class Municipality:
    terc: str
    name: str
    population: int
    districts: list[tuple[str, int]]  # (district code, population); empty: municipality level
    streets: dict[str, list[StreetSpot]] = field(default_factory=dict)  # by district code


@dataclass(frozen=True)
class InstitutionSpec:
    kind: str
    name: str
    territory: list[str]
    scopes: list[str]


SERVICE_INSTITUTIONS = [
    InstitutionSpec("SERVICE", "socmap ingest (service)", [], ["runs:write"]),
    InstitutionSpec("SERVICE", "socmap publishers (service)", [], ["tiles:invalidate"]),
    InstitutionSpec("ROPS", "ROPS Katowice (demo)", ["24"], ["catalog:edit", "catalog:moderate"]),
]


def institutions_for(municipality: Municipality) -> list[InstitutionSpec]:
    # PUP work at powiat level; the demo gives each municipality its own office.
    return [
        InstitutionSpec(
            "MOPS", f"MOPS {municipality.name} (demo)", [municipality.terc], ["records:write"]
        ),
        InstitutionSpec(
            "PUP", f"PUP {municipality.name} (demo)", [municipality.terc[:4]], ["records:write"]
        ),
    ]


async def load_municipalities(settings: DatabaseSettings) -> list[Municipality]:
    """The demo gminas with their latest population and their districts' (if any)."""
    engine = make_engine(settings.url(), pool_size=1, max_overflow=0)
    query = text(
        """
        SELECT u.code, u.name, u.parent_code, u.level, p.population
        FROM geo.territorial_unit u
        JOIN LATERAL (
            SELECT population FROM geo.population WHERE unit_code = u.code
            ORDER BY year DESC LIMIT 1
        ) p ON true
        WHERE u.level IN ('gmina', 'district')
        ORDER BY u.code
        """
    )
    async with engine.connect() as connection:
        rows = (await connection.execute(query)).all()
        streets = await load_streets(connection)
    await engine.dispose()
    gminas = {row.code: row for row in rows if row.level == "gmina"}
    districts: dict[str, list[tuple[str, int]]] = {code: [] for code in gminas}
    for row in rows:
        if row.level == "district" and row.parent_code in districts:
            districts[row.parent_code].append((row.code, row.population))
    return [
        Municipality(
            code,
            row.name,
            row.population,
            districts[code],
            {district: streets[district] for district, _ in districts[code] if district in streets},
        )
        for code, row in gminas.items()
    ]


async def load_streets(connection: AsyncConnection) -> dict[str, list[StreetSpot]]:
    """District code → the register's streets and stretches of streets in it."""
    query = text(
        """
        SELECT s.district_code, s.simc, st.feature, st.name_1, st.name_2, s.number_from,
               s.number_to, s.parity
        FROM geo.street_district s
        JOIN geo.street st ON st.simc = s.simc AND st.ulic = s.ulic
        WHERE s.source IN ('street', 'range')
        ORDER BY s.district_code, s.simc, st.name_1, s.number_from
        """
    )
    streets: dict[str, list[StreetSpot]] = {}
    for row in await connection.execute(query):
        written = " ".join(part for part in (row.feature, row.name_2, row.name_1) if part)
        streets.setdefault(row.district_code, []).append(
            StreetSpot(row.simc, (written, row.name_1), row.number_from, row.number_to, row.parity)
        )
    return streets


async def ensure_keys(
    settings: DatabaseSettings, municipalities: list[Municipality]
) -> dict[str, str]:
    """Institution name → API key; keys in the file that still verify are kept."""
    stored: dict[str, str] = json.loads(KEYS_FILE.read_text()) if KEYS_FILE.exists() else {}
    specs = SERVICE_INSTITUTIONS + [spec for m in municipalities for spec in institutions_for(m)]
    engine = make_engine(settings.url(), pool_size=1, max_overflow=0)
    keys: dict[str, str] = {}
    async with make_sessionmaker(engine)() as session:
        for spec in specs:
            token = stored.get(spec.name)
            if token and await verify_key(session, token) is not None:
                keys[spec.name] = token
                continue
            try:
                institution = await get_institution(session, name_or_id=spec.name)
            except NotFound:
                institution = await create_institution(
                    session, kind=spec.kind, name=spec.name, territory=spec.territory
                )
            issued = await create_api_key(
                session, institution=institution, name="demo", scopes=spec.scopes
            )
            keys[spec.name] = issued.token
        await session.commit()
    await engine.dispose()
    KEYS_FILE.parent.mkdir(parents=True, exist_ok=True)
    KEYS_FILE.write_text(json.dumps(keys, indent=2, ensure_ascii=False))
    KEYS_FILE.chmod(0o600)
    return keys


def service_environment(keys: dict[str, str], urls: dict[str, str]) -> dict[str, str]:
    """Settings that connect the services to each other with their service keys."""
    publisher = keys["socmap publishers (service)"]
    return {
        "SOCMAP_INGEST_ANONYMIZER_URL": urls["anonymizer"],
        "SOCMAP_INGEST_ANONYMIZER_KEY": keys["socmap ingest (service)"],
        "SOCMAP_ANONYMIZER_MAP_TILES_URL": urls["map-tiles"],
        "SOCMAP_ANONYMIZER_MAP_TILES_KEY": publisher,
        "SOCMAP_CATALOG_MAP_TILES_URL": urls["map-tiles"],
        "SOCMAP_CATALOG_MAP_TILES_KEY": publisher,
    }


def pesel(rng: random.Random) -> str:
    """A synthetic PESEL with a valid checksum (a random date of birth 1940 to 2004)."""
    born = date(1940, 1, 1) + timedelta(days=rng.randrange(65 * 365))
    month = born.month + (20 if born.year >= 2000 else 0)
    digits = f"{born.year % 100:02d}{month:02d}{born.day:02d}{rng.randrange(10000):04d}"
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    check = (10 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 10) % 10
    return digits + str(check)


# OPS reasons with a weight and the reasons that tend to come with them.
OPS_REASONS: list[tuple[str, float, list[str]]] = [
    ("poverty", 0.55, ["unemployment", "long_term_illness"]),
    ("unemployment", 0.35, ["poverty"]),
    ("disability", 0.30, ["long_term_illness"]),
    ("long_term_illness", 0.30, ["disability"]),
    ("parenting_household_helplessness", 0.12, ["single_parent_family", "large_family"]),
    ("alcoholism", 0.06, ["domestic_violence", "unemployment"]),
    ("homelessness", 0.03, ["alcoholism", "poverty"]),
    ("domestic_violence", 0.03, []),
]
PUP_GROUPS: list[tuple[str, float]] = [
    ("long_term_unemployed", 0.5),
    ("over_50", 0.3),
    ("under_30", 0.25),
    ("disabled_unemployed", 0.08),
]


def ops_categories(rng: random.Random) -> list[str]:
    chosen: set[str] = set()
    for code, weight, companions in OPS_REASONS:
        if rng.random() < weight:
            chosen.add(code)
            chosen.update(c for c in companions if rng.random() < 0.35)
    if "single_parent_family" in chosen or "large_family" in chosen:
        chosen.add("parenting_household_helplessness")
    return sorted(chosen or {"poverty"})


def pup_categories(rng: random.Random) -> list[str]:
    return sorted({"registered_unemployed"} | {c for c, w in PUP_GROUPS if rng.random() < w})


def records_for(
    municipality: Municipality, rng: random.Random
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(OPS records, PUP records) for one municipality."""
    ops: list[dict[str, Any]] = []
    pup: list[dict[str, Any]] = []
    places = municipality.districts or [("", municipality.population)]
    span = (LAST_DAY - FIRST_DAY).days
    for district, population in places:
        # 2 to 5 % of residents are OPS clients; districts differ, so the map has contrast.
        share = rng.uniform(0.02, 0.05)
        for _ in range(int(population * share)):
            person = pesel(rng)
            household = f"H{rng.randrange(10**9):09d}"
            location = place(municipality, district, rng)
            for _ in range(rng.choice((1, 1, 2, 3))):
                day = FIRST_DAY + timedelta(days=rng.randrange(span))
                ops.append(
                    {
                        "external_id": f"OPS-{municipality.terc}-{len(ops):07d}",
                        "subject_id": person,
                        "household_id": household,
                        "reference_date": day.isoformat(),
                        "end_date": case_end(day, rng, open_share=0.15),
                        "categories": ops_categories(rng),
                        "location": location,
                    }
                )
            # Unemployed OPS clients are often registered at the PUP too: the cooperation indicator.
            if rng.random() < 0.3:
                day = FIRST_DAY + timedelta(days=rng.randrange(span))
                pup.append(pup_record(municipality, len(pup), person, day, location, rng))
        # PUP clients who never come to the OPS.
        for _ in range(int(population * rng.uniform(0.01, 0.02))):
            day = FIRST_DAY + timedelta(days=rng.randrange(span))
            location = place(municipality, district, rng)
            pup.append(pup_record(municipality, len(pup), pesel(rng), day, location, rng))
    return ops, pup


def case_end(day: date, rng: random.Random, *, open_share: float) -> str | None:
    """Most decisions end within a year (one month to fourteen); some cases are still open."""
    if rng.random() < open_share:
        return None
    return (day + timedelta(days=rng.randrange(30, 430))).isoformat()


def place(municipality: Municipality, district: str, rng: random.Random) -> dict[str, Any]:
    """The district when the municipality has districts, else the municipality itself; for
    part of the people of a district with streets in the register, a street address there."""
    spots = municipality.streets.get(district)
    if spots and rng.random() < ADDRESS_SHARE:
        spot = rng.choice(spots)
        return {
            "address": {
                "simc": spot.simc,
                "street": rng.choice(spot.spellings),
                "number": str(house_number(spot, rng)),
            }
        }
    return (
        {"district": district, "gmina": municipality.terc}
        if district
        else {"gmina": municipality.terc}
    )


def house_number(spot: StreetSpot, rng: random.Random) -> int:
    """A number the spot covers: any for a whole street, else one of its range and parity."""
    if spot.number_from is None or spot.number_to is None:
        return rng.randint(1, 80)
    numbers = [
        number
        for number in range(spot.number_from, spot.number_to + 1)
        if spot.parity == "all" or (number % 2 == 1) == (spot.parity == "odd")
    ]
    return rng.choice(numbers)


def pup_record(
    municipality: Municipality,
    index: int,
    person: str,
    day: date,
    location: dict[str, Any],
    rng: random.Random,
) -> dict[str, Any]:
    return {
        "external_id": f"PUP-{municipality.terc}-{index:07d}",
        "subject_id": person,
        "reference_date": day.isoformat(),
        "end_date": case_end(day, rng, open_share=0.2),
        "categories": pup_categories(rng),
        "location": location,
    }


def push(client: httpx.Client, key: str, records: list[dict[str, Any]]) -> tuple[int, int]:
    """Send the records in batches; return (accepted + updated, rejected)."""
    ok = rejected = 0
    for start in range(0, len(records), BATCH_SIZE):
        batch = records[start : start + BATCH_SIZE]
        response = client.post(
            "/v1/records:batch",
            json={"records": batch},
            headers={"Authorization": f"Bearer {key}"},
        )
        response.raise_for_status()
        report = response.json()
        ok += report.get("accepted", 0) + report.get("updated", 0) + report.get("unchanged", 0)
        rejected += report.get("rejected", 0)
    return ok, rejected


def already_loaded(client: httpx.Client, key: str) -> bool:
    response = client.get(
        "/v1/batches", params={"limit": 1}, headers={"Authorization": f"Bearer {key}"}
    )
    response.raise_for_status()
    return int(response.json().get("numberMatched", 0)) > 0


def push_records(ingest_url: str, keys: dict[str, str], municipalities: list[Municipality]) -> None:
    """Push every municipality's records as its MOPS and PUP; skip institutions that have data."""
    rng = random.Random(SEED)
    with httpx.Client(base_url=ingest_url, timeout=300) as client:
        for municipality in municipalities:
            ops, pup = records_for(municipality, rng)
            ops_spec, pup_spec = institutions_for(municipality)
            for spec, records in ((ops_spec, ops), (pup_spec, pup)):
                key = keys[spec.name]
                if already_loaded(client, key):
                    print(f"  {spec.name}: already loaded")
                    continue
                ok, rejected = push(client, key, records)
                print(f"  {spec.name}: {ok} records accepted, {rejected} rejected")


FINISHED = ("published", "failed", "held_back")


def publish_release(anonymizer_url: str, keys: dict[str, str], timeout_s: float = 900) -> None:
    """Ask for one run over everything pushed (runs requested by ingest while batches were
    still arriving saw part of it) and wait until it is published, showing its progress."""
    headers = {"Authorization": f"Bearer {keys['socmap ingest (service)']}"}
    with httpx.Client(base_url=anonymizer_url, timeout=60, headers=headers) as client:
        response = client.post("/v1/runs", json={"trigger": "demo"})
        response.raise_for_status()
        run = response.json()
        deadline = time.monotonic() + timeout_s
        shown = ""
        while run["status"] not in FINISHED:
            if time.monotonic() > deadline:
                raise RuntimeError(f"run {run['id']} still {run['status']} after {timeout_s:.0f} s")
            time.sleep(2)
            response = client.get(f"/v1/runs/{run['id']}")
            response.raise_for_status()
            run = response.json()
            progress = run.get("progress") or {}
            step = progress.get("step", run["status"])
            line = f"  run {run['status']}: {step}"
            if step == "protecting" and "round" in progress:
                line += f" (round {progress['round']}, {progress['suppressed']} cells suppressed)"
            if line != shown:
                print(line, flush=True)
                shown = line
        if run["status"] != "published":
            raise RuntimeError(f"the run ended {run['status']}: {run['reason']}")
        progress = run["progress"]
        print(
            f"  release {run['release_id']} published: {progress.get('cells')} cells,"
            f" {progress.get('primary')} + {progress.get('secondary')} suppressed",
            flush=True,
        )


async def prepare(settings: DatabaseSettings) -> tuple[list[Municipality], dict[str, str]]:
    municipalities = await load_municipalities(settings)
    return municipalities, await ensure_keys(settings, municipalities)


def prepare_demo() -> tuple[list[Municipality], dict[str, str]]:
    """Municipalities and keys (created once, reused afterwards)."""
    return asyncio.run(prepare(DatabaseSettings()))
