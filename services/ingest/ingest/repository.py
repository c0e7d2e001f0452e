"""Every SQL statement of the ingest service.

Rows travel as column arrays (``unnest``): one statement per chunk of thousands of rows, for
writing records and for resolving points and addresses alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.validation import AliasRow, CategoryRow, ValidRow
from shared.db.models import Category, TerritorialUnit
from shared.db.models.ingest import AuditLog, Batch, Erasure, ExportProfile, Outbox
from shared.db.models.ref import CategoryAlias

# --- reference data ----------------------------------------------------------------------


async def list_categories(*, session: AsyncSession) -> list[CategoryRow]:
    rows = await session.execute(
        select(
            Category.code,
            Category.source,
            Category.label_pl,
            Category.valid_from,
            Category.valid_to,
            Category.parent_code,
        )
    )
    return [tuple(row) for row in rows.all()]  # type: ignore[misc]


async def get_units(
    *, session: AsyncSession, codes: Sequence[str]
) -> dict[str, tuple[str, str | None]]:
    """``code → (level, parent_code)`` for the known codes among ``codes``."""
    if not codes:
        return {}
    rows = await session.execute(
        select(TerritorialUnit.code, TerritorialUnit.level, TerritorialUnit.parent_code).where(
            TerritorialUnit.code.in_(sorted(set(codes)))
        )
    )
    return {code: (level, parent) for code, level, parent in rows.all()}


async def list_category_aliases(*, session: AsyncSession) -> list[AliasRow]:
    """Earlier names of categories with the dates they were in use."""
    rows = await session.execute(
        select(
            CategoryAlias.label_pl,
            CategoryAlias.category_code,
            CategoryAlias.valid_from,
            CategoryAlias.valid_to,
        )
    )
    return [tuple(row) for row in rows.all()]  # type: ignore[misc]


async def lemmas(*, session: AsyncSession, words: Sequence[str]) -> dict[str, list[str] | None]:
    """``word → its lemmas`` from ``ref.lemmas`` (None for a word the dictionary lacks)."""
    rows = await session.execute(
        text("SELECT w.word, ref.lemmas(w.word) FROM unnest(CAST(:words AS text[])) AS w(word)"),
        {"words": list(words)},
    )
    return dict(rows.all())


async def list_districts(
    *, session: AsyncSession, prefixes: Sequence[str] | None
) -> list[tuple[str, str, str]]:
    """``(code, name, gmina)`` of the districts of the gminas whose TERC starts with one of
    ``prefixes`` (None: everywhere)."""
    statement = select(
        TerritorialUnit.code, TerritorialUnit.name, TerritorialUnit.parent_code
    ).where(TerritorialUnit.level == "district")
    if prefixes is not None:
        if not prefixes:
            return []
        statement = statement.where(
            or_(*(TerritorialUnit.parent_code.startswith(prefix) for prefix in prefixes))
        )
    rows = await session.execute(statement.order_by(TerritorialUnit.code))
    return [(code, name, gmina) for code, name, gmina in rows.all() if gmina is not None]


# --- location resolution ------------------------------------------------------------------

_RESOLVE_POINTS = text(
    """
    WITH p AS (
        SELECT t.i, ST_Transform(ST_SetSRID(ST_MakePoint(t.x, t.y), t.srid), 4326) AS g
        FROM unnest(CAST(:i AS int[]), CAST(:x AS float8[]), CAST(:y AS float8[]),
                    CAST(:srid AS int[])) AS t(i, x, y, srid)
    )
    SELECT p.i, ST_X(p.g) AS lon, ST_Y(p.g) AS lat, d.code AS district, d.parent_code AS parent,
           g.code AS gmina
    FROM p
    LEFT JOIN LATERAL (
        SELECT u.code, u.parent_code FROM geo.territorial_unit u
        WHERE u.level = 'district' AND ST_Intersects(u.geom, p.g)
        ORDER BY u.code LIMIT 1
    ) d ON true
    LEFT JOIN LATERAL (
        SELECT u.code FROM geo.territorial_unit u
        WHERE d.code IS NULL AND u.level = 'gmina' AND u.geom IS NOT NULL
          AND ST_Intersects(u.geom, p.g)
        ORDER BY u.code LIMIT 1
    ) g ON true
    """
)


@dataclass(frozen=True, slots=True)
class PointHit:
    lon: float
    lat: float
    district: str | None
    gmina: str | None


async def resolve_points(
    *, session: AsyncSession, points: Sequence[tuple[int, float, float, int]]
) -> dict[int, PointHit]:
    """Point-in-polygon for a chunk of ``(key, x, y, srid)`` in one query."""
    if not points:
        return {}
    keys, xs, ys, srids = (list(column) for column in zip(*points, strict=True))
    rows = await session.execute(_RESOLVE_POINTS, {"i": keys, "x": xs, "y": ys, "srid": srids})
    return {
        key: PointHit(lon, lat, district, parent if district else gmina)
        for key, lon, lat, district, parent, gmina in rows.all()
    }


# An address: the locality (SIMC, or the one street of that name among the localities of the
# row's gmina), its street (ULIC, or the one street of that name in the locality or the
# locality it is part of), then the rules of the register: the rule for the house number, the
# street's one district, or the locality's one district. Rules keyed by a street name (no ULIC:
# entered by hand, or a street PRG names before ULIC lists it) match by name. Every lookup is
# an index probe.
_RESOLVE_ADDRESSES = text(
    """
    SELECT a.i,
           COALESCE(CASE WHEN a.num IS NOT NULL THEN street.exact END,
                    CASE WHEN street.n = 1 AND a.num IS NULL THEN street.district_code END,
                    whole.district_code) AS district,
           COALESCE(l.gmina_code, reg.gmina) AS gmina,
           EXISTS (SELECT FROM geo.territorial_unit g
                   WHERE g.code = COALESCE(l.gmina_code, reg.gmina) AND g.level = 'gmina')
               AS gmina_known
    FROM unnest(CAST(:i AS int[]), CAST(:simc AS text[]), CAST(:ulic AS text[]),
                CAST(:street AS text[]), CAST(:num AS int[]), CAST(:gmina AS text[]))
         AS a(i, simc, ulic, street, num, gmina)
    LEFT JOIN LATERAL (
        SELECT min(k.simc) AS simc, min(k.ulic) AS ulic, count(*) AS n
        FROM geo.street_key k JOIN geo.locality lo ON lo.simc = k.simc
        WHERE a.simc IS NULL AND k.key = a.street AND lo.gmina_code = a.gmina
    ) named ON true
    CROSS JOIN LATERAL (
        SELECT COALESCE(a.simc, CASE WHEN named.n = 1 THEN named.simc END) AS simc
    ) place
    LEFT JOIN geo.locality l ON l.simc = place.simc
    LEFT JOIN LATERAL (
        SELECT min(k.ulic) AS ulic, count(DISTINCT k.ulic) AS n
        FROM geo.street_key k
        WHERE a.ulic IS NULL AND a.simc IS NOT NULL AND k.key = a.street
          AND k.simc IN (place.simc, l.parent_simc)
    ) keyed ON true
    CROSS JOIN LATERAL (
        SELECT COALESCE(a.ulic, CASE WHEN named.n = 1 THEN named.ulic END,
                        CASE WHEN keyed.n = 1 THEN keyed.ulic END) AS ulic
    ) u
    LEFT JOIN LATERAL (
        -- The street's rules: by ULIC, and by name (rules without ULIC, or a street whose
        -- ULIC is unknown); two index probes, never a scan of the locality's rules.
        SELECT (array_agg(s.district_code
                          ORDER BY (s.number_from IS NULL AND s.number_to IS NULL), s.id)
                    FILTER (WHERE (s.number_from IS NULL OR a.num >= s.number_from)
                              AND (s.number_to IS NULL OR a.num <= s.number_to)
                              AND (s.parity = 'all' OR (s.parity = 'odd') = (a.num % 2 = 1))))[1]
                   AS exact,
               min(s.district_code) AS district_code, count(DISTINCT s.district_code) AS n
        FROM (
            SELECT * FROM geo.street_district s1
            WHERE s1.simc IN (place.simc, l.parent_simc) AND s1.ulic = u.ulic
            UNION ALL
            SELECT * FROM geo.street_district s2
            WHERE s2.simc IN (place.simc, l.parent_simc) AND s2.street_name = a.street
              AND (s2.ulic IS NULL OR u.ulic IS NULL)
        ) s
    ) street ON true
    LEFT JOIN LATERAL (
        SELECT s.district_code FROM geo.street_district s
        WHERE s.simc IN (place.simc, l.parent_simc) AND s.ulic IS NULL
          AND s.street_name IS NULL AND s.source = 'locality'
        ORDER BY s.simc = place.simc DESC LIMIT 1
    ) whole ON true
    LEFT JOIN LATERAL (
        -- A locality the TERYT register lacks: its gmina from any district of its rules.
        SELECT u2.parent_code AS gmina
        FROM geo.street_district s JOIN geo.territorial_unit u2 ON u2.code = s.district_code
        WHERE l.simc IS NULL AND s.simc = place.simc
        LIMIT 1
    ) reg ON true
    """
)


@dataclass(frozen=True, slots=True)
class AddressHit:
    district: str | None
    gmina: str | None  # of the locality (SIMC), when the register knows it
    gmina_known: bool = False  # the gmina is a unit of geo.territorial_unit


async def resolve_addresses(
    *,
    session: AsyncSession,
    addresses: Sequence[tuple[int, str | None, str | None, str | None, int | None, str | None]],
) -> dict[int, AddressHit]:
    """Address-register lookup for a chunk of ``(key, simc, ulic, street_name, number,
    gmina)``; ``gmina`` is where a street given without SIMC is looked for."""
    if not addresses:
        return {}
    keys, simcs, ulics, streets, numbers, gminas = (
        list(column) for column in zip(*addresses, strict=True)
    )
    rows = await session.execute(
        _RESOLVE_ADDRESSES,
        {
            "i": keys,
            "simc": simcs,
            "ulic": ulics,
            "street": streets,
            "num": numbers,
            "gmina": gminas,
        },
    )
    return {key: AddressHit(district, gmina, known) for key, district, gmina, known in rows.all()}


# --- batches ------------------------------------------------------------------------------


async def claim_batch(
    *,
    session: AsyncSession,
    institution_id: uuid.UUID,
    key_id: uuid.UUID,
    idempotency_hash: bytes | None,
    content_hash: bytes,
    media_type: str,
    profile: tuple[str, int] | None = None,
) -> uuid.UUID | None:
    """Create the batch row; None when the institution already used this Idempotency-Key
    (a concurrent request with the same key waits here until the first one commits).
    ``profile`` is the (name, version) of the export profile the batch is read with."""
    statement = (
        pg_insert(Batch)
        .values(
            institution_id=institution_id,
            key_id=key_id,
            idempotency_hash=idempotency_hash,
            content_hash=content_hash,
            media_type=media_type,
            profile_name=profile[0] if profile else None,
            profile_version=profile[1] if profile else None,
        )
        .on_conflict_do_nothing(index_elements=["institution_id", "idempotency_hash"])
        .returning(Batch.id)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def get_batch_by_idempotency_hash(
    *, session: AsyncSession, institution_id: uuid.UUID, idempotency_hash: bytes
) -> Batch | None:
    return await session.scalar(
        select(Batch).where(
            Batch.institution_id == institution_id, Batch.idempotency_hash == idempotency_hash
        )
    )


async def get_batch(
    *, session: AsyncSession, institution_id: uuid.UUID, batch_id: uuid.UUID
) -> Batch | None:
    """The batch if it belongs to the institution (another institution's is simply absent)."""
    return await session.scalar(
        select(Batch).where(Batch.id == batch_id, Batch.institution_id == institution_id)
    )


async def list_batches(
    *, session: AsyncSession, institution_id: uuid.UUID, limit: int, offset: int
) -> tuple[Sequence[Batch], int]:
    total = await session.scalar(
        select(func.count()).select_from(Batch).where(Batch.institution_id == institution_id)
    )
    batches = (
        await session.scalars(
            select(Batch)
            .where(Batch.institution_id == institution_id)
            .order_by(Batch.created_at.desc(), Batch.id)
            .limit(limit)
            .offset(offset)
        )
    ).all()
    return batches, int(total or 0)


async def complete_batch(
    *, session: AsyncSession, batch_id: uuid.UUID, values: dict[str, Any]
) -> Batch:
    await session.execute(
        update(Batch)
        .where(Batch.id == batch_id)
        .values(status="completed", completed_at=func.now(), **values)
    )
    batch = await session.get(Batch, batch_id, populate_existing=True)
    assert batch is not None
    return batch


# --- records ------------------------------------------------------------------------------

_UPSERT = text(
    """
    INSERT INTO ingest.record AS r (
        institution_id, external_hash, subject_id_type, subject_hash, household_hash,
        reference_date, end_date, categories, gmina_code, district_code, unresolved_reason,
        source_kind, batch_id)
    SELECT :institution_id, t.external_hash, t.subject_id_type, t.subject_hash, t.household_hash,
           t.reference_date, t.end_date, string_to_array(t.categories, '|'), t.gmina_code,
           t.district_code, t.unresolved_reason, :source_kind, :batch_id
    FROM unnest(CAST(:external_hash AS bytea[]), CAST(:subject_id_type AS text[]),
                CAST(:subject_hash AS bytea[]), CAST(:household_hash AS bytea[]),
                CAST(:reference_date AS date[]), CAST(:end_date AS date[]),
                CAST(:categories AS text[]), CAST(:gmina_code AS text[]),
                CAST(:district_code AS text[]), CAST(:unresolved_reason AS text[]))
         AS t(external_hash, subject_id_type, subject_hash, household_hash, reference_date,
              end_date, categories, gmina_code, district_code, unresolved_reason)
    -- One lock order for every writer: concurrent batches with the same ids cannot deadlock.
    ORDER BY t.external_hash
    ON CONFLICT (institution_id, external_hash) DO UPDATE SET
        subject_id_type = EXCLUDED.subject_id_type,
        subject_hash = EXCLUDED.subject_hash,
        household_hash = EXCLUDED.household_hash,
        reference_date = EXCLUDED.reference_date,
        end_date = EXCLUDED.end_date,
        categories = EXCLUDED.categories,
        gmina_code = EXCLUDED.gmina_code,
        district_code = EXCLUDED.district_code,
        unresolved_reason = EXCLUDED.unresolved_reason,
        source_kind = EXCLUDED.source_kind,
        batch_id = EXCLUDED.batch_id,
        updated_at = now()
    -- Re-sending the same record changes nothing, not even updated_at.
    WHERE (r.subject_id_type, r.subject_hash, r.household_hash, r.reference_date, r.end_date,
           r.categories, r.gmina_code, r.district_code, r.unresolved_reason, r.source_kind)
          IS DISTINCT FROM
          (EXCLUDED.subject_id_type, EXCLUDED.subject_hash, EXCLUDED.household_hash,
           EXCLUDED.reference_date, EXCLUDED.end_date, EXCLUDED.categories, EXCLUDED.gmina_code,
           EXCLUDED.district_code, EXCLUDED.unresolved_reason, EXCLUDED.source_kind)
    RETURNING (xmax = 0) AS inserted
    """
)


async def upsert_records(
    *,
    session: AsyncSession,
    institution_id: uuid.UUID,
    batch_id: uuid.UUID,
    source_kind: str,
    rows: Sequence[ValidRow],
) -> tuple[int, int]:
    """Insert or update one chunk in one statement; returns (inserted, updated)."""
    if not rows:
        return 0, 0
    result = await session.execute(
        _UPSERT,
        {
            "institution_id": institution_id,
            "source_kind": source_kind,
            "batch_id": batch_id,
            "external_hash": [row.external_hash for row in rows],
            "subject_id_type": [row.subject_id_type for row in rows],
            "subject_hash": [row.subject_hash for row in rows],
            "household_hash": [row.household_hash for row in rows],
            "reference_date": [row.reference_date for row in rows],
            "end_date": [row.end_date for row in rows],
            "categories": [row.categories for row in rows],
            "gmina_code": [row.gmina_code for row in rows],
            "district_code": [row.district_code for row in rows],
            "unresolved_reason": [row.unresolved_reason for row in rows],
        },
    )
    flags = result.scalars().all()
    inserted = sum(1 for flag in flags if flag)
    return inserted, len(flags) - inserted


async def delete_records(
    *, session: AsyncSession, institution_id: uuid.UUID, external_hashes: Sequence[bytes]
) -> int:
    """Delete the institution's records with these keyed hashes; returns how many went."""
    result = await session.execute(
        text(
            "DELETE FROM ingest.record WHERE institution_id = :institution_id"
            " AND external_hash = ANY(CAST(:external_hashes AS bytea[])) RETURNING id"
        ),
        {"institution_id": institution_id, "external_hashes": list(external_hashes)},
    )
    return len(result.all())


async def create_erasure(
    *,
    session: AsyncSession,
    institution_id: uuid.UUID,
    key_id: uuid.UUID,
    requested: int,
    erased: int,
) -> uuid.UUID:
    return (
        await session.execute(
            insert(Erasure)
            .values(
                institution_id=institution_id, key_id=key_id, requested=requested, erased=erased
            )
            .returning(Erasure.id)
        )
    ).scalar_one()


# --- outbox and audit ---------------------------------------------------------------------


async def add_outbox_event(*, session: AsyncSession, event: str, payload: dict[str, Any]) -> None:
    await session.execute(insert(Outbox).values(event=event, payload=payload))


async def delete_batch_events(*, session: AsyncSession, institution_id: uuid.UUID) -> None:
    """Drop the institution's undelivered batch events (an erasure's event covers them)."""
    await session.execute(
        delete(Outbox).where(
            Outbox.payload["institution_id"].astext == str(institution_id),
            Outbox.payload["cause"].astext == "batch",
        )
    )


async def territory_gminas(
    *, session: AsyncSession, institution_ids: Sequence[uuid.UUID]
) -> list[str] | None:
    """Every gmina of these institutions' territories; None when one of them is unrestricted
    (an empty territory)."""
    result = await session.execute(
        text(
            "SELECT bool_or(cardinality(i.territory) = 0),"
            " array_agg(DISTINCT u.code ORDER BY u.code) FILTER (WHERE u.code IS NOT NULL)"
            " FROM auth.institution i"
            " LEFT JOIN geo.territorial_unit u ON u.level = 'gmina'"
            "  AND u.code LIKE ANY (SELECT prefix || '%' FROM unnest(i.territory) AS prefix)"
            " WHERE i.id = ANY(CAST(:ids AS uuid[]))"
        ),
        {"ids": list(institution_ids)},
    )
    unrestricted, gminas = result.one()
    return None if unrestricted else list(gminas or [])


async def add_audit(
    *,
    session: AsyncSession,
    institution_id: uuid.UUID,
    key_id: uuid.UUID,
    action: str,
    counts: dict[str, Any],
    batch_id: uuid.UUID | None = None,
    erasure_id: uuid.UUID | None = None,
) -> None:
    await session.execute(
        insert(AuditLog).values(
            institution_id=institution_id,
            key_id=key_id,
            action=action,
            counts=counts,
            batch_id=batch_id,
            erasure_id=erasure_id,
        )
    )


async def claim_due_events(*, session: AsyncSession, now: datetime, limit: int) -> Sequence[Outbox]:
    """Undelivered events that are due, locked so that other dispatchers skip them."""
    return (
        await session.scalars(
            select(Outbox)
            .where(Outbox.available_at <= now)
            .order_by(Outbox.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()


async def delete_events(*, session: AsyncSession, ids: Sequence[int]) -> None:
    """Delivered events go: the outbox is a queue, and the audit log the history."""
    await session.execute(delete(Outbox).where(Outbox.id.in_(ids)))


async def mark_failed(
    *, session: AsyncSession, ids: Sequence[int], error: str, retry_at: datetime
) -> None:
    await session.execute(
        update(Outbox)
        .where(Outbox.id.in_(ids))
        .values(attempts=Outbox.attempts + 1, last_error=error[:500], available_at=retry_at)
    )


async def get_profile(
    *, session: AsyncSession, institution_id: uuid.UUID, name: str, version: int | None = None
) -> ExportProfile | None:
    """One version of the institution's profile ``name``, the latest when ``version`` is None."""
    statement = select(ExportProfile).where(
        ExportProfile.institution_id == institution_id, ExportProfile.name == name
    )
    if version is not None:
        statement = statement.where(ExportProfile.version == version)
    return await session.scalar(statement.order_by(ExportProfile.version.desc()).limit(1))


async def list_profiles(*, session: AsyncSession, institution_id: uuid.UUID) -> list[ExportProfile]:
    """The latest version of each of the institution's profiles, by name."""
    latest = (
        select(ExportProfile.name, func.max(ExportProfile.version).label("version"))
        .where(ExportProfile.institution_id == institution_id)
        .group_by(ExportProfile.name)
        .subquery()
    )
    statement = (
        select(ExportProfile)
        .join(
            latest,
            (ExportProfile.name == latest.c.name) & (ExportProfile.version == latest.c.version),
        )
        .where(ExportProfile.institution_id == institution_id)
        .order_by(ExportProfile.name)
    )
    return list(await session.scalars(statement))


async def add_profile_version(
    *,
    session: AsyncSession,
    institution_id: uuid.UUID,
    key_id: uuid.UUID,
    name: str,
    body: dict[str, Any],
    new: bool,
) -> ExportProfile | None:
    """Store the next version of profile ``name`` (version 1 when ``new``). None when ``new``
    and the profile exists, or not ``new`` and it does not. Concurrent updates of one profile
    wait on each other (advisory lock on institution and name)."""
    await session.execute(
        select(func.pg_advisory_xact_lock(func.hashtextextended(f"{institution_id}:{name}", 0)))
    )
    latest = await session.scalar(
        select(func.max(ExportProfile.version)).where(
            ExportProfile.institution_id == institution_id, ExportProfile.name == name
        )
    )
    if (latest is not None) == new:
        return None
    profile = ExportProfile(
        institution_id=institution_id,
        name=name,
        version=(latest or 0) + 1,
        body=body,
        key_id=key_id,
    )
    session.add(profile)
    await session.flush()
    await session.refresh(profile)
    return profile
