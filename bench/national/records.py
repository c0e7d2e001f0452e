"""SYNTHETIC case records at national scale, generated with numpy a chunk of persons at a time
and copied straight into ``ingest.record`` (text ``COPY``, no per-record Python).

The mix follows ``scripts/demo.py``: of the persons with a record, about half are OPS clients
only, a fifth are also registered at the PUP (same pseudonym, so the sources link up) and 30 %
are PUP clients only; an OPS client has 1, 1, 2 or 3 decisions, a PUP client one registration
(two for one in five). OPS reasons are drawn with the demo's weights and companions, plus the
rarer reasons of ``ref.category`` at small weights; a child category always comes with its
parent, and a category only where it is valid on the record's date (the PUP target groups end
on 2025-05-31). PUP records carry PUP categories only (``registered_unemployed`` always, the
age groups from the person's age), OPS records OPS categories only. Cases last 30-430 days;
a case still running at ``as_of`` is open-ended (no end date), as are 3 % of the others, and
cases cross the year boundary. Persons live in a place (a district in cities with districts,
the gmina elsewhere) drawn by population times a per-place rate (log-normal, so the map has
contrast); clients of one place form households (about 1.5 clients each; PUP records carry no
household). Pseudonyms are 32 random bytes (what an HMAC-SHA256 looks like).
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.institutions import create_institution

COLUMNS = (
    "institution_id",
    "external_hash",
    "subject_id_type",
    "subject_hash",
    "household_hash",
    "reference_date",
    "end_date",
    "categories",
    "gmina_code",
    "district_code",
    "unresolved_reason",
    "source_kind",
    "batch_id",
)
NULL = b"\\N"
# OPS only, OPS and PUP, PUP only (scripts/demo.py: 2-5 % of residents at the OPS, 30 % of
# them also at the PUP, 1-2 % of residents at the PUP only).
KIND_SHARES = (0.49, 0.21, 0.30)
OPS_DECISIONS = (1, 1, 2, 3)
SECOND_REGISTRATION = 0.2
RECORDS_PER_PERSON = (KIND_SHARES[0] + KIND_SHARES[1]) * np.mean(OPS_DECISIONS) + (
    KIND_SHARES[1] + KIND_SHARES[2]
) * (1 + SECOND_REGISTRATION)
HOUSEHOLD_START = 0.65
LOCAL_ID_SHARE = 0.03
OPEN_ENDED_SHARE = 0.03
# scripts/demo.py's OPS reasons (weight, companions drawn with 0.35 each) ...
OPS_REASONS: list[tuple[str, float, list[str]]] = [
    ("poverty", 0.55, ["unemployment", "long_term_illness"]),
    ("unemployment", 0.35, ["poverty"]),
    ("disability", 0.30, ["long_term_illness"]),
    ("long_term_illness", 0.30, ["disability"]),
    ("parenting_household_helplessness", 0.12, ["single_parent_family", "large_family"]),
    ("alcoholism", 0.06, ["domestic_violence", "unemployment"]),
    ("homelessness", 0.03, ["alcoholism", "poverty"]),
    ("domestic_violence", 0.03, []),
    # ... and the rarer reasons the demo leaves out.
    ("maternity_protection", 0.04, ["large_family"]),
    ("single_parent_family", 0.03, []),
    ("orphanhood", 0.01, []),
    ("prison_release", 0.01, ["alcoholism"]),
    ("drug_addiction", 0.01, []),
    ("random_event", 0.01, []),
    ("crisis_situation", 0.02, ["domestic_violence"]),
    ("other", 0.02, []),
    ("foreigner_integration", 0.004, []),
    ("care_leaver", 0.002, []),
    ("natural_or_ecological_disaster", 0.001, []),
    ("trafficking_victim", 0.0005, []),
]
COMPANION = 0.35
PUP_GROUPS: list[tuple[str, float]] = [
    ("long_term_unemployed", 0.5),
    ("disabled_unemployed", 0.08),
    ("parent_child_under_6_or_disabled_child", 0.1),
    ("carer_of_disabled_jobseeker", 0.005),
]
_HEX = np.array([f"{value:02x}".encode() for value in range(256)], dtype="S2")

Bytes = NDArray[np.bytes_]
Ints = NDArray[np.int64]


@dataclass(frozen=True)
class Categories:
    """``ref.category`` as bits of a mask (fewer than 64 categories)."""

    codes: list[str]
    parents: list[int | None]
    sources: list[str]
    valid_from: list[date | None]
    valid_to: list[date | None]

    def bit(self, code: str) -> np.uint64:
        return np.uint64(1) << np.uint64(self.codes.index(code))

    def with_parents(self, masks: NDArray[np.uint64]) -> NDArray[np.uint64]:
        for _ in range(3):  # the hierarchy is shallow
            for child, parent in enumerate(self.parents):
                if parent is not None:
                    has = (masks >> np.uint64(child)) & np.uint64(1)
                    masks = masks | (has << np.uint64(parent))
        return masks

    def valid(self, masks: NDArray[np.uint64], days: NDArray[np.datetime64]) -> NDArray[np.uint64]:
        """Clear the categories not valid on each record's date."""
        for position, (first, last) in enumerate(zip(self.valid_from, self.valid_to, strict=True)):
            outside = np.zeros(len(days), dtype=bool)
            if first is not None:
                outside |= days < np.datetime64(first)
            if last is not None:
                outside |= days > np.datetime64(last)
            masks = np.where(outside, masks & ~(np.uint64(1) << np.uint64(position)), masks)
        return masks

    def arrays(self, masks: NDArray[np.uint64]) -> Bytes:
        """Each mask as a PostgreSQL array literal (one string per distinct mask)."""
        distinct, inverse = np.unique(masks, return_inverse=True)
        literals = [
            "{"
            + ",".join(code for bit, code in enumerate(self.codes) if int(mask) >> bit & 1)
            + "}"
            for mask in distinct
        ]
        return np.array([literal.encode() for literal in literals])[inverse]


@dataclass
class Places:
    """Where records are located: districts in cities with districts, gminas elsewhere."""

    gmina: Bytes
    district: Bytes  # NULL where the place is a whole gmina
    gmina_index: Ints  # index into ``gminas``
    powiat_index: Ints  # index into ``powiats``
    population: Ints
    gminas: list[str]
    powiats: list[str]


@dataclass
class Institutions:
    """One OPS per gmina and one PUP per powiat, each with its first batch."""

    ops: Bytes  # by gmina index
    pup: Bytes  # by powiat index
    ops_batch: Bytes
    pup_batch: Bytes


@dataclass
class Persons:
    place: Ints
    kind: Ints  # 0 OPS only, 1 OPS and PUP, 2 PUP only
    age: Ints
    id_type: Bytes
    subject: Bytes  # ``\\x`` + 64 hex digits, ready for COPY
    household: Bytes


@dataclass
class Records:
    person: Ints
    pup: NDArray[np.bool_]
    day: NDArray[np.datetime64]
    end: NDArray[np.datetime64]  # NaT: open-ended
    categories: NDArray[np.uint64]

    def __len__(self) -> int:
        return len(self.person)

    def take(self, chosen: NDArray[np.bool_]) -> Records:
        return Records(
            self.person[chosen],
            self.pup[chosen],
            self.day[chosen],
            self.end[chosen],
            self.categories[chosen],
        )


async def load_categories(session: AsyncSession) -> Categories:
    rows = (
        await session.execute(
            text(
                "SELECT code, parent_code, source, valid_from, valid_to FROM ref.category"
                " ORDER BY code"
            )
        )
    ).all()
    codes = [row.code for row in rows]
    return Categories(
        codes=codes,
        parents=[codes.index(row.parent_code) if row.parent_code else None for row in rows],
        sources=[row.source for row in rows],
        valid_from=[row.valid_from for row in rows],
        valid_to=[row.valid_to for row in rows],
    )


async def load_places(session: AsyncSession) -> Places:
    rows = (
        await session.execute(
            text(
                """
                SELECT u.code, u.level, u.parent_code, p.population
                FROM geo.territorial_unit u
                JOIN geo.population p ON p.unit_code = u.code
                WHERE u.level = 'district'
                   OR (u.level = 'gmina' AND NOT EXISTS (
                       SELECT FROM geo.territorial_unit d WHERE d.parent_code = u.code))
                ORDER BY u.code
                """
            )
        )
    ).all()
    gmina = [row.parent_code if row.level == "district" else row.code for row in rows]
    gminas = sorted(set(gmina))
    powiats = sorted({code[:4] for code in gminas})
    return Places(
        gmina=np.array([code.encode() for code in gmina]),
        district=np.array([row.code.encode() if row.level == "district" else NULL for row in rows]),
        gmina_index=np.searchsorted(gminas, gmina).astype(np.int64),
        powiat_index=np.searchsorted(powiats, [code[:4] for code in gmina]).astype(np.int64),
        population=np.array([row.population for row in rows], dtype=np.int64),
        gminas=gminas,
        powiats=powiats,
    )


async def create_batches(session: AsyncSession, institutions: Sequence[uuid.UUID]) -> list[str]:
    """One completed batch per institution (records need one); their ids."""
    batches = [uuid.uuid4() for _ in institutions]
    await session.execute(
        text(
            "INSERT INTO ingest.batch (id, institution_id, content_hash, media_type, status)"
            " SELECT b, i, sha256(convert_to(CAST(b AS text), 'UTF8')), 'text/csv', 'completed'"
            " FROM unnest(CAST(:batches AS uuid[]), CAST(:institutions AS uuid[])) AS t(b, i)"
        ),
        {"batches": batches, "institutions": list(institutions)},
    )
    return [str(batch) for batch in batches]


async def create_institutions(session: AsyncSession, places: Places) -> Institutions:
    """An OPS per gmina (MOPS in urban gminas, GOPS elsewhere) and a PUP per powiat."""
    ops = []
    for code in places.gminas:
        kind = "MOPS" if code.endswith("1") else "GOPS"
        institution = await create_institution(
            session, kind=kind, name=f"{kind} {code} (synthetic)", territory=[code]
        )
        ops.append(institution.id)
    pup = []
    for code in places.powiats:
        institution = await create_institution(
            session, kind="PUP", name=f"PUP {code} (synthetic)", territory=[code]
        )
        pup.append(institution.id)
    return Institutions(
        ops=np.array([str(value).encode() for value in ops]),
        pup=np.array([str(value).encode() for value in pup]),
        ops_batch=np.array([b.encode() for b in await create_batches(session, ops)]),
        pup_batch=np.array([b.encode() for b in await create_batches(session, pup)]),
    )


def _hex(count: int, rng: np.random.Generator) -> Bytes:
    """``count`` random 32-byte pseudonyms as COPY text (``\\x`` and hex)."""
    digits = _HEX[rng.integers(0, 256, size=(count, 32), dtype=np.uint8)]
    return np.char.add(b"\\\\x", np.ascontiguousarray(digits).view("S64").ravel())


def place_weights(places: Places, rng: np.random.Generator) -> NDArray[np.float64]:
    """Where clients live: residents times a per-place rate (log-normal)."""
    weights = places.population * rng.lognormal(0.0, 0.35, size=len(places.population))
    return np.asarray(weights / weights.sum(), dtype=np.float64)


def make_persons(
    count: int,
    weights: NDArray[np.float64],
    rng: np.random.Generator,
    kinds: tuple[float, float, float] = KIND_SHARES,
) -> Persons:
    place = np.sort(rng.choice(len(weights), size=count, p=weights))
    kind = rng.choice(3, size=count, p=kinds)
    # PUP clients are of working age; OPS clients (the applicants) adults of any age.
    age = np.where(kind == 0, rng.integers(18, 90, size=count), rng.integers(18, 65, size=count))
    new_household = rng.random(count) < HOUSEHOLD_START
    new_household[0] = True
    new_household[1:] |= place[1:] != place[:-1]
    household = np.cumsum(new_household) - 1
    local = (kind == 0) & (rng.random(count) < LOCAL_ID_SHARE)
    return Persons(
        place=place,
        kind=kind,
        age=age,
        id_type=np.where(local, b"local", b"pesel"),
        subject=_hex(count, rng),
        household=_hex(int(household[-1]) + 1, rng)[household],
    )


def make_records(
    persons: Persons,
    categories: Categories,
    rng: np.random.Generator,
    *,
    first_day: date,
    last_day: date,
    as_of: date,
) -> Records:
    """Each person's decisions (OPS) and registrations (PUP), dated in [first_day, last_day]."""
    count = len(persons.kind)
    ops_count = np.where(persons.kind < 2, rng.choice(OPS_DECISIONS, size=count), 0)
    pup_count = np.where(persons.kind > 0, 1 + (rng.random(count) < SECOND_REGISTRATION), 0)
    person = np.concatenate(
        [np.repeat(np.arange(count), ops_count), np.repeat(np.arange(count), pup_count)]
    )
    pup = np.concatenate([np.zeros(ops_count.sum(), bool), np.ones(pup_count.sum(), bool)])
    total = len(person)
    span = (last_day - first_day).days + 1
    day = np.datetime64(first_day) + rng.integers(0, span, size=total).astype("timedelta64[D]")
    end = day + rng.integers(30, 431, size=total).astype("timedelta64[D]")
    still_open = (end >= np.datetime64(as_of)) | (rng.random(total) < OPEN_ENDED_SHARE)
    end = np.where(still_open, np.datetime64("NaT"), end)

    masks = np.zeros(total, dtype=np.uint64)
    for code, weight, companions in OPS_REASONS:
        hit = rng.random(total) < weight
        masks |= np.where(hit, categories.bit(code), np.uint64(0))
        for companion in companions:
            joined = hit & (rng.random(total) < COMPANION)
            masks |= np.where(joined, categories.bit(companion), np.uint64(0))
    groups = categories.bit("registered_unemployed")
    pup_masks = np.full(total, groups, dtype=np.uint64)
    for code, weight in PUP_GROUPS:
        pup_masks |= np.where(rng.random(total) < weight, categories.bit(code), np.uint64(0))
    age = persons.age[person]
    pup_masks |= np.where(age < 30, categories.bit("under_30"), np.uint64(0))
    pup_masks |= np.where(age >= 50, categories.bit("over_50"), np.uint64(0))
    both = persons.kind[person] == 1
    assisted = both & (rng.random(total) < 0.5)
    pup_masks |= np.where(assisted, categories.bit("social_assistance_recipient"), np.uint64(0))
    masks = np.where(pup, pup_masks, masks)
    masks = categories.with_parents(categories.valid(masks, day))
    masks = np.where(masks == 0, categories.bit("poverty"), masks)
    return Records(person, pup, day, end, masks)


def _dates(days: NDArray[np.datetime64]) -> Bytes:
    formatted = days.astype("datetime64[D]").astype("S10")
    return np.where(np.isnat(days), NULL, formatted)


def copy_text(
    records: Records,
    persons: Persons,
    places: Places,
    institutions: Institutions,
    categories: Categories,
    *,
    prefix: str,
    first_number: int,
) -> bytes:
    """The records as ``COPY ... (FORMAT text)`` rows of ``COLUMNS``, each in its
    institution's batch."""
    place = persons.place[records.person]
    gmina = places.gmina_index[place]
    powiat = places.powiat_index[place]
    pup = records.pup
    # Stand-ins for the keyed hashes of the case numbers (prefix, kind and number): 32 bytes,
    # unique as the case numbers are.
    kinds = [f"{prefix}{kind}-".encode().hex().encode() for kind in ("PUP", "OPS")]
    numbers = np.arange(first_number, first_number + len(records)).astype("S12")
    external = np.char.add(
        np.char.add(b"\\\\x", np.where(pup, *kinds)), np.char.zfill(numbers, 64 - len(kinds[0]))
    )
    district = places.district[place]
    columns: dict[str, Any] = {
        "institution_id": np.where(pup, institutions.pup[powiat], institutions.ops[gmina]),
        "external_hash": external,
        "subject_id_type": persons.id_type[records.person],
        "subject_hash": persons.subject[records.person],
        "household_hash": np.where(pup, NULL, persons.household[records.person]),
        "reference_date": _dates(records.day),
        "end_date": _dates(records.end),
        "categories": categories.arrays(records.categories),
        "gmina_code": places.gmina[place],
        "district_code": district,
        "unresolved_reason": np.where(district == NULL, b"municipality_only", NULL),
        "source_kind": np.where(pup, b"pup", b"ops"),
        "batch_id": np.where(pup, institutions.pup_batch[powiat], institutions.ops_batch[gmina]),
    }
    line = columns[COLUMNS[0]]
    for name in COLUMNS[1:]:
        line = np.char.add(np.char.add(line, b"\t"), columns[name])
    return b"\n".join(line.tolist()) + b"\n"


async def copy_records(session: AsyncSession, data: bytes) -> None:
    """``COPY ingest.record`` from COPY text, in the session's transaction."""
    connection = await (await session.connection()).get_raw_connection()
    await connection.driver_connection.copy_to_table(
        "record", schema_name="ingest", columns=list(COLUMNS), source=io.BytesIO(data)
    )


async def next_batches(
    session: AsyncSession,
    institutions: Institutions,
    *,
    gminas: Sequence[int],
    powiats: Sequence[int],
) -> Institutions:
    """The same institutions with a new batch for the OPS of ``gminas`` and the PUP of
    ``powiats`` (indexes into ``Places.gminas`` and ``Places.powiats``)."""
    ops_batch = institutions.ops_batch.copy()
    pup_batch = institutions.pup_batch.copy()
    for batches, owners, chosen in (
        (ops_batch, institutions.ops, gminas),
        (pup_batch, institutions.pup, powiats),
    ):
        chosen = sorted(set(chosen))
        created = await create_batches(session, [uuid.UUID(owners[i].decode()) for i in chosen])
        batches[chosen] = [batch.encode() for batch in created]
    return replace(institutions, ops_batch=ops_batch, pup_batch=pup_batch)
