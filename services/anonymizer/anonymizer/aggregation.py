"""The true counts of a run, computed in numpy from one compact fetch of the records.

The same rows as the reference SQL (:mod:`anonymizer.reference`): distinct persons and
households per unit (district, gmina, powiat, voivodeship), category (plus ``any`` and
``2plus``), period (quarters and years; a case counts in every period it is open in, an
open-ended case until ``as_of``) and source (``ops``, ``pup``, ``both``, ``all``).

PostgreSQL sends each record once per group of years as a fixed-width binary row (``COPY ...
TO STDOUT (FORMAT binary)``: the two hashes, two dates, integer unit ids, a category bit mask,
flags), parsed while it streams in. The hashes become dense integers (households in byte
order, so a person's smallest household is the smallest integer) and the records are sorted
once by person and place: in that order the records of one person in one unit are
consecutive at every level of the hierarchy, so for every period and category the persons
are runs that ``reduceat`` folds without sorting again, each level folding the runs of the
level below. Only the households of the persons are sorted, per period, level and category.
"""

from __future__ import annotations

import json
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from anonymizer.relations import ANY, MULTI
from anonymizer.repository import AggregateRow, records_in
from shared.db.raw import compile_sql

IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]

LEVELS = ("district", "gmina", "powiat", "voivodeship")
SOURCES = ("ops", "pup", "both", "all")
OPS, PUP = 1, 2  # source flags of a record, OR-ed over a person's records

# Records fetched together: consecutive years come in one fetch while their records number at
# most this many (a year with more comes alone), so memory stays bounded: about 200 bytes a
# record at the peak, while the hashes are numbered.
CHUNK_RECORDS = 4_000_000

# The category mask is a bigint: bit 0 is ``any`` (every record has it), bit 63 stays clear.
MAX_CATEGORIES = 63

_NO_HOUSEHOLD = np.iinfo(np.int32).max  # sorts after every household
_NO_HOUSEHOLD_FLAG = 4


def _category_mask(longest: int) -> str:
    """SQL of a record's category bits from ``:bits`` (jsonb: category -> bit value); -1 when a
    category is not in it. Arrays of up to ``longest`` categories look their elements up
    directly, which costs a third of a subquery over ``unnest``."""
    bit = "(CAST(:bits AS jsonb) ->> {}) :: bigint"
    direct = "\n".join(
        f"        WHEN {count} THEN "
        + " | ".join(bit.format(f"f.categories[{index}]") for index in range(1, count + 1))
        for count in range(1, longest + 1)
    )
    return f"""coalesce(
        CASE cardinality(f.categories) WHEN 0 THEN 0
{direct}
        ELSE (SELECT CASE WHEN count(*) = count(CAST(:bits AS jsonb) ->> c)
                          THEN bit_or({bit.format("c")}) END
              FROM unnest(CAST(f.categories AS text[])) AS c) END, -1)"""


# Every field non-null and of fixed width, so each row has the same size (``_ROW``).
_RECORDS_SQL = (
    """
SELECT f.subject_hash, coalesce(f.household_hash, f.subject_hash), f.reference_date,
       coalesce(f.end_date, CAST(:as_of AS date)), CAST(gu.id AS int),
       CAST(coalesce(du.id, 0) AS int),
       """
    + _category_mask(4)
    + """,
       CAST(CASE f.source_kind WHEN 'ops' THEN 1 ELSE 2 END
            | CASE WHEN f.household_hash IS NULL THEN 4 ELSE 0 END AS smallint)
FROM (
    SELECT r.subject_hash, r.household_hash, r.reference_date, r.end_date, r.categories,
           r.gmina_code, r.district_code, r.source_kind"""
    + records_in("(SELECT CAST(:starts AS date) AS starts, CAST(:ends AS date) AS ends)")
    + """
    {voivodeships}
) AS f
JOIN unnest(CAST(:units AS text[])) WITH ORDINALITY AS gu(code, id) ON gu.code = f.gmina_code
LEFT JOIN unnest(CAST(:units AS text[])) WITH ORDINALITY AS du(code, id)
    ON du.code = f.district_code"""
)
_IN_VOIVODESHIPS = "AND pw.parent_code = ANY(CAST(:voivodeships AS text[]))"


def _in_ranges(voivodeships: Collection[str]) -> tuple[str, dict[str, str]]:
    """The same on ingest.record alone, as ranges of the gmina index: a voivodeship's gminas
    are the TERC codes from its code up to the next one's."""
    clauses: list[str] = []
    params: dict[str, str] = {}
    for number, code in enumerate(sorted(voivodeships)):
        clauses.append(f"(gmina_code >= :low_{number} AND gmina_code < :high_{number})")
        params |= {f"low_{number}": code, f"high_{number}": f"{int(code) + 1:02d}"}
    return f" AND ({' OR '.join(clauses) or 'false'})", params


# A row of the binary COPY: the field count, then each field's length and big-endian value.
_ROW = np.dtype(
    [
        ("fields", ">i2"),
        ("subject_length", ">i4"),
        ("subject", ">u8", (4,)),
        ("household_length", ">i4"),
        ("household", ">u8", (4,)),
        ("starts_length", ">i4"),
        ("starts", ">i4"),
        ("ends_length", ">i4"),
        ("ends", ">i4"),
        ("gmina_length", ">i4"),
        ("gmina", ">i4"),
        ("district_length", ">i4"),
        ("district", ">i4"),
        ("categories_length", ">i4"),
        ("categories", ">i8"),
        ("flags_length", ">i4"),
        ("flags", ">i2"),
    ]
)
_FIELDS = 8
_HEADER = b"PGCOPY\n\xff\r\n\x00"
_HEADER_LENGTH = len(_HEADER) + 8  # then the flags and the header extension length
_TRAILER = b"\xff\xff"
_PARSE_ROWS = 10_000  # rows parsed at once (the sink hears a few hundred at a time)
_CHECK_ROWS = 1_000_000  # hashes compared at once when numbering them (memory)
# PostgreSQL's binary dates count days from 2000-01-01, numpy's from 1970-01-01.
_PG_EPOCH = np.datetime64("2000-01-01", "D")


class _UnknownCategory(Exception):
    """A record has a category outside the list the masks were built from."""


async def aggregate(
    *,
    session: AsyncSession,
    as_of: date,
    voivodeships: Collection[str] | None = None,
    years: Collection[int] | None = None,
    timing: Timing | None = None,
) -> list[AggregateRow]:
    """The true counts (never stored as such: only the protected cells are): the rows of
    :data:`anonymizer.reference.AGGREGATE_SQL`, for the records whose gmina lies in one of
    ``voivodeships`` and the periods of ``years`` (all when None). ``timing`` (benchmarks)
    hears where the time went."""
    timing = timing if timing is not None else Timing()
    started = time.perf_counter()
    # Records up to as_of by the years they start and end in: which years to fetch together.
    # Only the voivodeships' gminas (TERC ranges on the gmina index, not a scan of the country).
    within, ranges = ("", {}) if voivodeships is None else _in_ranges(voivodeships)
    spans = (
        await session.execute(
            text(
                "SELECT CAST(extract(year FROM reference_date) AS int),"
                " CAST(extract(year FROM least(coalesce(end_date, CAST(:as_of AS date)),"
                " CAST(:as_of AS date))) AS int), count(*)"
                " FROM ingest.record WHERE reference_date <= CAST(:as_of AS date)"
                + within
                + " GROUP BY 1, 2"
            ),
            {"as_of": as_of} | ranges,
        )
    ).all()
    if not spans:
        return []
    first = min(span[0] for span in spans)
    wanted = [year for year in range(first, as_of.year + 1) if years is None or year in years]
    if not wanted:
        return []
    chunks = _chunks(wanted, [(start, end, int(count)) for start, end, count in spans])
    units = await _Units.load(session)
    rows = await session.execute(text("SELECT code FROM ref.category ORDER BY code"))
    known = [code for (code,) in rows.all()]
    timing.fetching += time.perf_counter() - started
    try:
        return await _aggregate(session, as_of, units, known, voivodeships, chunks, timing)
    except _UnknownCategory:
        # A category outside ref.category (ingest refuses them; tests insert them directly).
        started = time.perf_counter()
        rows = await session.execute(
            text("SELECT DISTINCT unnest(categories) FROM ingest.record ORDER BY 1")
        )
        found = [code for (code,) in rows.all()]
        timing.fetching += time.perf_counter() - started
        return await _aggregate(session, as_of, units, found, voivodeships, chunks, timing)


def _chunks(years: list[int], spans: list[tuple[int, int, int]]) -> list[list[int]]:
    """``years`` in groups of consecutive ones whose records (by the years they start and
    end in) number at most ``CHUNK_RECORDS``, or in single years."""
    chunks: list[list[int]] = []
    for year in years:
        if chunks:
            start = chunks[-1][0]
            together = sum(count for first, last, count in spans if first <= year and last >= start)
            if together <= CHUNK_RECORDS:
                chunks[-1].append(year)
                continue
        chunks.append([year])
    return chunks


@dataclass
class Timing:
    """Where an aggregation's time went: seconds receiving the records (queries, and the COPY
    parsed into columns as it streams in), seconds computing the rows from them."""

    fetching: float = 0.0
    counting: float = 0.0


async def _aggregate(
    session: AsyncSession,
    as_of: date,
    units: _Units,
    categories: list[str],
    voivodeships: Collection[str] | None,
    chunks: list[list[int]],
    timing: Timing,
) -> list[AggregateRow]:
    coded = [ANY, *(code for code in categories if code != ANY)]
    if len(coded) > MAX_CATEGORIES:
        raise ValueError(f"{len(coded) - 1} categories: the masks hold {MAX_CATEGORIES - 1}")
    cells = _Cells(units=units, categories=[*coded, MULTI])
    for years in chunks:
        started = time.perf_counter()
        stream = await _copy(
            session,
            as_of=as_of,
            years=years,
            units=units,
            categories=coded,
            voivodeships=voivodeships,
        )
        fetched = time.perf_counter()
        timing.fetching += fetched - started
        records = stream.records(as_of=as_of, units=units)
        if records is not None:
            _count(records, cells, as_of=as_of, years=years, units=units)
        timing.counting += time.perf_counter() - fetched
    started = time.perf_counter()
    rows = cells.rows()
    timing.counting += time.perf_counter() - started
    return rows


@dataclass(frozen=True)
class _Units:
    """The territorial units as integers (positions in ``codes``). ``parent`` and ``rank`` have
    one more element, for -1 (no unit): its parent is -1."""

    codes: list[str]
    parent: Int32Array  # -1: none
    rank: Int32Array  # of a unit as a gmina, in the order voivodeship, powiat, gmina

    @classmethod
    async def load(cls, session: AsyncSession) -> _Units:
        rows = (
            await session.execute(
                text("SELECT code, parent_code FROM geo.territorial_unit ORDER BY code")
            )
        ).all()
        codes = [code for code, _ in rows]
        position = {code: index for index, code in enumerate(codes)}
        parent = np.array([*(position.get(code, -1) for _, code in rows), -1], dtype=np.int32)
        unit = np.arange(len(parent), dtype=np.int32)
        rank = np.empty(len(parent), dtype=np.int32)
        rank[np.lexsort((unit, parent[unit], parent[parent[unit]]))] = unit
        return cls(codes, parent, rank)


@dataclass
class _Records:
    """The records of one fetch, sorted by person and place (``person``, then the gmina's
    voivodeship, powiat, gmina, then district). ``unit`` has each level's unit id (-1: none),
    ``first`` and ``last`` the quarters a record is open in (absolute: year * 4 + quarter - 1,
    ``last`` at most the quarter of ``as_of``), ``household`` dense ids in byte order,
    ``flags`` its source (``OPS`` or ``PUP``)."""

    person: Int32Array
    household: Int32Array
    first: Int32Array
    last: Int32Array
    categories: IntArray
    flags: npt.NDArray[np.int8]
    unit: dict[str, Int32Array]

    def reordered(self, order: IntArray, levels: tuple[str, ...]) -> _Records:
        return _Records(
            person=self.person[order],
            household=self.household[order],
            first=self.first[order],
            last=self.last[order],
            categories=self.categories[order],
            flags=self.flags[order],
            unit={level: self.unit[level][order] for level in levels},
        )


async def _copy(
    session: AsyncSession,
    *,
    as_of: date,
    years: list[int],
    units: _Units,
    categories: list[str],
    voivodeships: Collection[str] | None,
) -> _RowStream:
    """The records open in ``years``, received."""
    sql = _RECORDS_SQL.format(voivodeships="" if voivodeships is None else _IN_VOIVODESHIPS)
    statement = compile_sql(sql)
    params: dict[str, Any] = {
        "as_of": as_of,
        "starts": date(years[0], 1, 1),
        "ends": date(years[-1] + 1, 1, 1),
        "bits": json.dumps({code: 1 << bit for bit, code in enumerate(categories)}),
        "units": units.codes,
        "voivodeships": sorted(voivodeships or ()),
    }
    raw = await (await session.connection()).get_raw_connection()
    connection = raw.driver_connection
    assert connection is not None
    stream = _RowStream()
    await connection.copy_from_query(
        statement.sql, *statement.arguments(params), output=stream, format="binary"
    )
    return stream


class _RowStream:
    """Sink of the binary COPY: parses whole rows as they arrive into compact columns. An
    error is kept and raised after the COPY (asyncpg does not expect the sink to raise)."""

    def __init__(self) -> None:
        self.pending = bytearray()
        self.started = False
        self.parts: list[dict[str, npt.NDArray[Any]]] = []
        self.error: Exception | None = None

    async def __call__(self, data: bytes) -> None:
        if self.error is not None:
            return
        try:
            self._parse(data)
        except Exception as error:
            self.error = error

    def _parse(self, data: bytes) -> None:
        self.pending += data
        if not self.started:
            if len(self.pending) < _HEADER_LENGTH:
                return
            if not self.pending.startswith(_HEADER):
                raise ValueError("not a binary COPY stream")
            del self.pending[:_HEADER_LENGTH]
            self.started = True
        count = len(self.pending) // _ROW.itemsize
        if count >= _PARSE_ROWS:
            rows = np.frombuffer(self.pending, _ROW, count=count)
            self.parts.append(_columns(rows))
            del rows  # a view of the buffer, which cannot shrink while it exists
            del self.pending[: count * _ROW.itemsize]

    def records(self, *, as_of: date, units: _Units) -> _Records | None:
        if self.error is None:
            try:
                self._rest()
            except Exception as error:
                self.error = error
        if self.error is not None:
            raise self.error
        if not self.parts:
            return None
        columns = {}
        for name in list(self.parts[0]):  # one column at a time: memory for one more column
            columns[name] = np.concatenate([part.pop(name) for part in self.parts])
        self.parts.clear()
        return _sorted_records(columns, as_of=as_of, units=units)

    def _rest(self) -> None:
        if not self.pending.endswith(_TRAILER):
            raise ValueError("the binary COPY stream has no trailer")
        del self.pending[-len(_TRAILER) :]
        if len(self.pending) % _ROW.itemsize:
            raise ValueError("the binary COPY stream ended inside a row")
        if self.pending:
            rows = np.frombuffer(self.pending, _ROW)
            self.parts.append(_columns(rows))
            del rows
            self.pending.clear()


def _columns(rows: npt.NDArray[Any]) -> dict[str, npt.NDArray[Any]]:
    """Native copies of the fields (the quarters computed from the dates) of whole rows."""
    widths = (32, 32, 4, 4, 4, 4, 8, 2)
    lengths = [name for name in rows.dtype.names or () if name.endswith("_length")]
    if not (rows["fields"] == _FIELDS).all() or any(
        not (rows[name] == width).all() for name, width in zip(lengths, widths, strict=True)
    ):
        raise ValueError("unexpected field in the binary COPY stream")
    categories = rows["categories"].astype(np.int64)
    if (categories < 0).any():
        raise _UnknownCategory
    return {
        "subject": rows["subject"].astype(np.uint64),
        "household": rows["household"].astype(np.uint64),
        "first": _quarter(rows["starts"]),
        "last": _quarter(rows["ends"]),
        "gmina": rows["gmina"].astype(np.int32) - 1,
        "district": rows["district"].astype(np.int32) - 1,
        "categories": categories,
        "flags": rows["flags"].astype(np.int8),
    }


def _quarter(days: npt.NDArray[Any]) -> npt.NDArray[np.int32]:
    """Absolute quarter (year * 4 + quarter - 1) of PostgreSQL binary dates."""
    months = (_PG_EPOCH + days.astype(np.int64)).astype("datetime64[M]").astype(np.int64)
    return (months // 3 + 1970 * 4).astype(np.int32)


def _dense_ids(words: npt.NDArray[np.uint64]) -> IntArray:
    """0, 1, 2 ... for the distinct 32-byte hashes (rows of four big-endian words), in byte
    order. Sorted on the first word alone; on all four only when two first words collide."""
    leading = words[:, 0].copy()
    order = np.argsort(leading)
    leading = leading[order]
    new = leading[1:] != leading[:-1]
    del leading
    same = np.flatnonzero(~new)
    for block in range(0, len(same), _CHECK_ROWS):
        pairs = same[block : block + _CHECK_ROWS]
        if (words[order[pairs], 1:] != words[order[pairs + 1], 1:]).any():
            order = np.lexsort(words.T[::-1])
            ordered = words[order]
            new = (ordered[1:] != ordered[:-1]).any(axis=1)
            break
    ids = np.empty(len(words), dtype=np.int64)
    ids[order] = np.concatenate(([0], np.cumsum(new)))
    return ids


def _sorted_records(
    columns: dict[str, npt.NDArray[Any]], *, as_of: date, units: _Units
) -> _Records:
    # Households without a hash carry the person's there: numbered with the rest (which keeps
    # the order of the real ones), then set apart.
    household = _dense_ids(columns.pop("household")).astype(np.int32)
    household[(columns["flags"] & _NO_HOUSEHOLD_FLAG) != 0] = _NO_HOUSEHOLD
    person = _dense_ids(columns.pop("subject"))
    gmina, district = columns.pop("gmina"), columns.pop("district")
    # Person, then place: voivodeship, powiat, gmina, district, so that every level's units
    # are intervals of the order.
    size = len(units.codes) + 1
    place = units.rank[gmina].astype(np.int64) * size + district + 1
    order = np.argsort(person * (size * size) + place)
    del place
    powiat = units.parent[gmina]
    last = np.minimum(columns.pop("last"), as_of.year * 4 + (as_of.month - 1) // 3)
    return _Records(
        person=person[order].astype(np.int32),
        household=household[order],
        first=columns.pop("first")[order],
        last=last[order],
        categories=columns.pop("categories")[order],
        flags=columns.pop("flags")[order] & np.int8(OPS | PUP),
        unit={
            "district": district[order],
            "gmina": gmina[order],
            "powiat": powiat[order],
            "voivodeship": units.parent[powiat][order],
        },
    )


def _district_order(records: _Records, units: _Units) -> IntArray | None:
    """An order that keeps each person's records of one district together, when the records'
    order does not: a district recorded under two gminas (each level takes the record's own
    unit) splits them, since the order follows the gminas."""
    district, gmina = records.unit["district"], records.unit["gmina"]
    size = len(units.codes) + 1
    gmina_of = np.full(size, -1, dtype=np.int32)
    gmina_of[district] = gmina  # one of each district's gminas (-1 collects the rest)
    if ((gmina_of[district] == gmina) | (district < 0)).all():
        return None
    return np.argsort(records.person.astype(np.int64) * size + district + 1, kind="stable")


def _periods(years: list[int], as_of: date) -> Iterator[tuple[str, str, int, int]]:
    """(period, kind, first quarter, last quarter) of ``years`` up to ``as_of``."""
    last = as_of.year * 4 + (as_of.month - 1) // 3
    for year in years:
        for quarter in range(4):
            if year * 4 + quarter <= last:
                yield f"{year}-Q{quarter + 1}", "quarter", year * 4 + quarter, year * 4 + quarter
        yield str(year), "year", year * 4, year * 4 + 3


@dataclass
class _Cells:
    """The counts found so far: one block of units per period, level, category and measure."""

    units: _Units
    categories: list[str]
    blocks: list[tuple[str, str, str, str, str, IntArray, IntArray]] = field(default_factory=list)

    def add(
        self,
        period: tuple[str, str],
        level: str,
        category: int,
        measure: str,
        unit: Int32Array,
        flags: npt.NDArray[np.int8],
    ) -> None:
        """Count the persons or households (``unit`` and their OR-ed ``flags``)."""
        if len(unit) == 0:
            return
        width = len(self.units.codes)
        # By unit and flags (1: OPS only, 2: PUP only, 3: both).
        found = np.bincount(unit * 4 + flags, minlength=width * 4).reshape(width, 4)
        everyone = found.sum(axis=1)
        present = np.flatnonzero(everyone)
        found = found[present]
        counts = np.stack(
            [found[:, 1] + found[:, 3], found[:, 2] + found[:, 3], found[:, 3], everyone[present]],
            axis=1,
        )
        self.blocks.append(
            (period[0], period[1], level, self.categories[category], measure, present, counts)
        )

    def rows(self) -> list[AggregateRow]:
        """Four rows (one per source) for every cell, built column by column."""
        if not self.blocks:
            return []
        sizes = [len(block[5]) * len(SOURCES) for block in self.blocks]
        codes = np.array(self.units.codes, dtype=object)
        columns = [
            np.repeat(np.array([block[index] for block in self.blocks], dtype=object), sizes)
            for index in (2, 3, 0, 1, 4)
        ]
        unit = np.concatenate([np.repeat(block[5], len(SOURCES)) for block in self.blocks])
        value = np.concatenate([block[6].ravel() for block in self.blocks])
        source = np.tile(np.array(SOURCES, dtype=object), len(value) // len(SOURCES))
        level, category, period, kind, measure = (column.tolist() for column in columns)
        return list(
            map(
                AggregateRow,
                codes[unit].tolist(),
                level,
                category,
                period,
                kind,
                measure,
                source.tolist(),
                value.tolist(),
            )
        )


def _count(
    records: _Records, cells: _Cells, *, as_of: date, years: list[int], units: _Units
) -> None:
    """Add the cells of ``years`` from the records (every level, period and category)."""
    district_order = _district_order(records, units)
    if district_order is None:
        views = [records]
    else:
        views = [
            replace(records, unit={level: records.unit[level] for level in LEVELS[1:]}),
            records.reordered(district_order, LEVELS[:1]),
        ]
    del records
    multi = len(cells.categories) - 1
    for view in views:
        for period, kind, starts, ends in _periods(years, as_of):
            open_ = np.flatnonzero((view.first <= ends) & (view.last >= starts))
            if len(open_) == 0:
                continue
            mask = view.categories[open_]
            columns = _Columns(
                person=view.person[open_],
                unit={level: unit[open_] for level, unit in view.unit.items()},
                flags=view.flags[open_],
                household=view.household[open_],
            )
            _persons(cells, (period, kind), 0, columns)
            rest = mask & ~np.int64(1)
            nonempty = np.flatnonzero(rest)
            _persons(cells, (period, kind), multi, columns.take(nonempty, masks=rest[nonempty]))
            present = int(np.bitwise_or.reduce(rest))
            for bit in range(1, multi):
                if present >> bit & 1:
                    having = np.flatnonzero(mask & np.int64(1 << bit))
                    _persons(cells, (period, kind), bit, columns.take(having))


@dataclass(frozen=True, slots=True)
class _Columns:
    """Records (or groups of them) in the order of ``_Records``: a person, each level's unit
    (from the finest level to the coarsest), the OR of their sources, the smallest household,
    and for ``2plus`` the OR of their categories."""

    person: Int32Array
    unit: dict[str, Int32Array]
    flags: npt.NDArray[np.int8]
    household: Int32Array
    masks: IntArray | None = None

    def take(self, positions: IntArray, masks: IntArray | None = None) -> _Columns:
        return _Columns(
            person=self.person[positions],
            unit={level: unit[positions] for level, unit in self.unit.items()},
            flags=self.flags[positions],
            household=self.household[positions],
            masks=masks,
        )

    def grouped(self, levels: list[str]) -> _Columns:
        """One element per run of one person in one unit of each of ``levels``."""
        change = self.person[1:] != self.person[:-1]
        for level in levels:
            change |= self.unit[level][1:] != self.unit[level][:-1]
        if change.all():
            return self
        starts = np.concatenate(([0], np.flatnonzero(change) + 1))
        return _Columns(
            person=self.person[starts],
            unit={level: unit[starts] for level, unit in self.unit.items()},
            flags=np.bitwise_or.reduceat(self.flags, starts),
            household=np.minimum.reduceat(self.household, starts),
            masks=None if self.masks is None else np.bitwise_or.reduceat(self.masks, starts),
        )


def _persons(cells: _Cells, period: tuple[str, str], category: int, records: _Columns) -> None:
    """Count the persons of these records and their households at each level; with
    ``records.masks``, only the persons with two categories or more (``2plus``)."""
    if len(records.person) == 0:
        return
    levels = list(records.unit)
    groups = records
    for finest in range(len(levels)):
        # A person in a unit of this level and of every coarser one (a district's records
        # without a district are not merged across gminas); coarser levels merge these.
        groups = groups.grouped(levels[finest:])
        level = levels[finest]
        keep = groups.unit[level] >= 0
        if groups.masks is not None:
            keep &= np.bitwise_count(groups.masks) >= 2
        units, flags = groups.unit[level][keep], groups.flags[keep]
        households = groups.household[keep]
        cells.add(period, level, category, "persons", units, flags)
        known = households != _NO_HOUSEHOLD
        if not known.any():
            continue
        # One key per person: unit, household, flags; sorted, a household is a run of keys.
        shift = int(households[known].max()).bit_length() + 2
        keys = np.sort(
            (units[known].astype(np.int64) << shift)
            | (households[known].astype(np.int64) << 2)
            | flags[known]
        )
        starts = np.flatnonzero((keys[1:] >> 2) != (keys[:-1] >> 2)) + 1
        starts = np.concatenate(([0], starts))
        cells.add(
            period,
            level,
            category,
            "households",
            (keys[starts] >> shift).astype(np.int32),
            np.bitwise_or.reduceat(keys & 3, starts).astype(np.int8),
        )
