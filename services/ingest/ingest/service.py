"""Rules of the ingest service: batches (validate → resolve → upsert → report), erasure,
batch reports; each call is one transaction with its outbox event and audit entry."""

from __future__ import annotations

import asyncio
import re
import uuid
import weakref
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from ingest import repository
from ingest.lexicon import LEXICON
from ingest.messages import RowError, field_error
from ingest.parsing import (
    CSV_COLUMNS,
    CsvSample,
    MediaKind,
    is_bad_line,
    is_wrong_columns,
    iter_records,
    read_sample,
)
from ingest.profiles import ReadingProfile, column_key
from ingest.schemas import (
    PROFILE_NAME_PATTERN,
    BatchReport,
    BatchSummary,
    DryRunReport,
    EraseReport,
    ProfileBody,
    ProfileIn,
    ProfileOut,
    ProfileSuggestion,
    RowErrorOut,
)
from ingest.settings import IngestSettings
from ingest.validation import (
    POLAND_LONLAT,
    Catalogue,
    Context,
    DateOrder,
    Lemmatise,
    ValidRow,
    check_external_ids,
    institution_hash,
    normalize_label,
    validate_record,
)
from shared.auth import Principal
from shared.db.models.ingest import Batch, ExportProfile
from shared.errors import Conflict, Forbidden, NotFound, ValidationFailed

# Which records an institution may push: social assistance or labour-office categories.
SOURCE_KINDS = {
    "OPS": "ops",
    "MOPS": "ops",
    "GOPS": "ops",
    "CUS": "ops",
    "PCPR": "ops",
    "PUP": "pup",
}
EVENT_RECORDS_CHANGED = "records_changed"
# Parsing is CPU-bound under the GIL: parsing two bodies at once only slows both (and the event
# loop); one at a time lets one batch parse while another one's SQL runs.
_parsing: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def _parsing_slot() -> asyncio.Semaphore:
    """One parsing slot per event loop (a semaphore must not outlive its loop)."""
    return _parsing.setdefault(asyncio.get_running_loop(), asyncio.Semaphore(1))


@dataclass(slots=True)
class Validated:
    """The outcome of parsing and validating a body (without the database)."""

    received: int = 0
    rows: list[ValidRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    report: BatchReport
    replayed: bool


def source_kind_of(principal: Principal) -> str:
    kind = SOURCE_KINDS.get(principal.institution_kind)
    if kind is None:
        raise Forbidden(
            f"An institution of kind {principal.institution_kind} does not push case records.",
            detail_pl=f"Instytucja rodzaju {principal.institution_kind} nie przesyła rekordów.",
        )
    return kind


def parse_and_validate(
    kind: MediaKind,
    body: bytes,
    *,
    max_rows: int,
    context: Context,
    profile: ReadingProfile | None = None,
) -> Validated:
    """Parse and validate a whole body (CPU-bound: run it in a worker thread), read with
    ``profile`` when the batch names one."""
    result = Validated()
    seen: dict[str, list[int]] = {}
    dates = DateOrder()
    records = iter_records(
        kind, body, max_rows=max_rows, split_categories=context.catalogue.split, profile=profile
    )
    for raw in records:
        result.received += 1
        value = raw.value
        if profile is not None:
            profile.apply(value)
        if is_bad_line(value):
            result.errors.append(RowError(raw.row, "record", "invalid_json_line", raw.line))
            continue
        if is_wrong_columns(value):
            result.errors.append(RowError(raw.row, "record", "csv_column_count", raw.line))
            continue
        if isinstance(value, dict) and isinstance(value.get("external_id"), str | int):
            seen.setdefault(str(value["external_id"]).strip(), []).append(raw.row)
        dates.observe(value, raw.row, raw.line)
        outcome = validate_record(value, row=raw.row, line=raw.line, context=context)
        if isinstance(outcome, ValidRow):
            result.rows.append(outcome)
        else:
            result.errors.extend(outcome)
    duplicates = {row: rows for rows in seen.values() if len(rows) > 1 for row in rows}
    if duplicates:
        # Which occurrence is right cannot be known: none of them is stored.
        lines = {row.row: row.line for row in result.rows}
        for row, rows in duplicates.items():
            others = ", ".join(str(other) for other in rows if other != row)
            result.errors.append(
                RowError(
                    row, "external_id", "duplicate_external_id", lines.get(row), (("rows", others),)
                )
            )
        result.rows = [row for row in result.rows if row.row not in duplicates]
    ambiguous = dates.errors()
    if ambiguous:
        result.errors.extend(ambiguous)
        refused = {error.row for error in ambiguous}
        result.rows = [row for row in result.rows if row.row not in refused]
    return result


_OSIEDLE = re.compile(r"^(?:osiedle|os\.?)\s+")
# Districts by name, compared whole and without a leading "osiedle": name key → (code, gmina).
DistrictIndex = tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]


def _district_keys(name: str) -> tuple[str, str]:
    """A district name without case and diacritics, whole and without a leading "osiedle" or
    "os." ("Os. Grunwaldzkie" is "Osiedle Grunwaldzkie")."""
    whole = normalize_label(name)
    return whole, _OSIEDLE.sub("", whole)


def _district_named(
    name: str, gmina: str | None, index: DistrictIndex, principal: Principal
) -> tuple[str | None, str | None]:
    """``(code, None)`` for the one district of that name in ``gmina`` (else in the territory),
    ``(None, error code)`` when there is none or several."""
    for by_key, key in zip(index, _district_keys(name), strict=True):
        codes = {
            code
            for code, parent in by_key.get(key, ())
            if (parent == gmina if gmina else principal.covers(parent))
        }
        if len(codes) == 1:
            return codes.pop(), None
        if codes:
            return None, "ambiguous_district"
    return None, "unknown_district"


async def resolve_district_names(
    *, session: AsyncSession, principal: Principal, rows: list[ValidRow]
) -> tuple[list[ValidRow], list[RowError]]:
    """Give each osiedle pushed by name its code: the one district of that name in the row's
    ``location.gmina``, else in the institution's territory. A name that fits no district or
    several is a row error on ``location.district``; a code found goes through the district
    path of :func:`resolve_locations` like a pushed one."""
    named = [row for row in rows if row.district_name is not None]
    if not named:
        return rows, []
    prefixes = None
    if principal.territory is not None:
        prefixes = sorted({*principal.territory, *(row.gmina for row in named if row.gmina)})
    index: DistrictIndex = ({}, {})
    for code, name, gmina in await repository.list_districts(session=session, prefixes=prefixes):
        for by_key, key in zip(index, _district_keys(name), strict=True):
            by_key.setdefault(key, []).append((code, gmina))
    found: dict[tuple[str, str | None], tuple[str | None, str | None]] = {}
    errors: list[RowError] = []
    for row in named:
        assert row.district_name is not None
        where = (row.district_name, row.gmina)
        if where not in found:
            found[where] = _district_named(row.district_name, row.gmina, index, principal)
        row.district, error = found[where]
        row.district_name = None
        if error is not None:
            errors.append(RowError(row.row, "location.district", error, row.line))
    refused = {error.row for error in errors}
    return [row for row in rows if row.row not in refused], errors


def _lemmatiser(session: AsyncSession) -> Lemmatise:
    """The process's lexicon, fetching unknown words through ``session`` from the parsing
    thread (the request's coroutine awaits that thread, so the session is idle meanwhile)."""
    loop = asyncio.get_running_loop()

    def fetch(words: list[str]) -> Mapping[str, Sequence[str] | None]:
        lookup = repository.lemmas(session=session, words=words)
        return asyncio.run_coroutine_threadsafe(lookup, loop).result(timeout=_LEMMAS_TIMEOUT)

    return LEXICON.lemmatiser(fetch)


_LEMMAS_TIMEOUT = 60.0  # seconds; the first call of a connection loads the dictionary (~1 s)


def _chunks(rows: Sequence[ValidRow], size: int) -> Iterator[Sequence[ValidRow]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _sole_gmina(principal: Principal) -> str | None:
    """The institution's municipality when its territory is exactly one gmina."""
    territory = principal.territory or ()
    if len(territory) == 1 and len(territory[0]) == 7:
        return territory[0]
    return None


async def resolve_locations(
    *, session: AsyncSession, principal: Principal, rows: list[ValidRow], chunk_size: int
) -> tuple[list[ValidRow], list[RowError]]:
    """Give every row a gmina and, where possible, a district; check the territory. The precise
    location of each row is dropped here."""
    errors: list[RowError] = []
    sole = _sole_gmina(principal)
    codes = {row.district for row in rows if row.district} | {
        row.gmina for row in rows if row.gmina
    }
    if sole:
        codes.add(sole)
    units = await repository.get_units(session=session, codes=sorted(codes))
    if sole and units.get(sole, ("", None))[0] != "gmina":
        sole = None

    for chunk in _chunks(rows, chunk_size):
        points = [(i, *row.point) for i, row in enumerate(chunk) if row.point is not None]
        # A street without SIMC is looked for in the row's gmina, else the institution's.
        addresses = [
            (i, *row.address, row.gmina if row.gmina in units else sole)
            for i, row in enumerate(chunk)
            if row.address is not None
        ]
        point_hits = await repository.resolve_points(session=session, points=points)
        address_hits = await repository.resolve_addresses(session=session, addresses=addresses)
        for i, row in enumerate(chunk):
            explicit = (
                row.gmina if row.gmina and units.get(row.gmina, ("",))[0] == "gmina" else None
            )
            field_name, error = "location", None
            district: str | None = None
            gmina: str | None = None
            reason: str | None = None
            if row.gmina and explicit is None:
                field_name, error = "location.gmina", "unknown_gmina"
            elif row.district is not None:
                unit = units.get(row.district)
                if unit is None or unit[0] != "district":
                    field_name, error = "location.district", "unknown_district"
                else:
                    district, gmina = row.district, unit[1]
            elif row.point is not None:
                hit = point_hits.get(i)
                west, south, east, north = POLAND_LONLAT
                if hit is None or not (west <= hit.lon <= east and south <= hit.lat <= north):
                    field_name, error = "location.point", "point_outside_poland"
                elif hit.district is not None:
                    district, gmina = hit.district, hit.gmina
                elif hit.gmina is not None:
                    gmina, reason = hit.gmina, "point_outside_districts"
                else:
                    field_name, error = "location.point", "outside_territory"
            elif row.address is not None:
                field_name = "location.address"
                address = address_hits.get(i) or repository.AddressHit(None, None)
                if address.gmina is not None and not principal.covers(address.gmina):
                    # The register places the locality in another municipality.
                    error = "outside_territory"
                elif address.gmina is not None and not address.gmina_known:
                    error = "unknown_gmina"  # a municipality this deployment has no unit for
                elif address.district is not None:
                    district = address.district
                    gmina = units.get(district, ("", None))[1] or address.gmina
                elif address.gmina is not None or row.address[0] is None:
                    # The locality is known (or, without SIMC, taken to be the gmina's).
                    gmina = address.gmina or explicit or sole
                    reason = "address_not_in_register"
                else:
                    gmina, reason = explicit or sole, "locality_not_in_register"
            else:
                gmina = explicit or sole
                reason = "municipality_only" if explicit else "no_location"
            if error is None and district is not None and gmina is None:
                # A district's gmina comes from the register of units.
                gmina = (await repository.get_units(session=session, codes=[district])).get(
                    district, ("", None)
                )[1]
            if error is None and explicit and gmina and explicit != gmina:
                field_name, error = "location.gmina", "invalid_value"
            if error is None and gmina is None:
                error = "location_unresolved"
            if error is None and not principal.covers(district or gmina or ""):
                error = "outside_territory"
            row.forget_location()
            if error is not None:
                errors.append(RowError(row.row, field_name, error, row.line))
                continue
            row.district_code, row.gmina_code, row.unresolved_reason = district, gmina, reason
    valid = [row for row in rows if row.gmina_code is not None]
    return valid, errors


def to_report(batch: Batch, *, idempotency_key: str | None = None) -> BatchReport:
    """The report of ``batch``; ``idempotency_key`` is the push's own (only its hash is kept)."""
    return BatchReport(
        id=batch.id,
        status=batch.status,
        media_type=batch.media_type,
        idempotency_key=idempotency_key,
        received=batch.received,
        accepted=batch.inserted + batch.updated + batch.unchanged,
        inserted=batch.inserted,
        updated=batch.updated,
        unchanged=batch.unchanged,
        rejected=batch.rejected,
        unresolved=batch.unresolved,
        created_at=batch.created_at,
        completed_at=batch.completed_at,
        profile=(f"{batch.profile_name}@{batch.profile_version}" if batch.profile_name else None),
        rejected_by_code=batch.rejected_by_code,
        errors=[RowErrorOut.model_validate(error) for error in batch.errors],
        errors_truncated=batch.errors_truncated,
    )


def to_summary(batch: Batch) -> BatchSummary:
    return BatchSummary.model_validate(to_report(batch), from_attributes=True)


def _replay(batch: Batch, content_hash: bytes, idempotency_key: str) -> BatchOutcome:
    if batch.content_hash != content_hash:
        raise Conflict(
            "This Idempotency-Key was already used for a different batch.",
            detail_pl="Ten Idempotency-Key użyto już dla innej paczki.",
        )
    return BatchOutcome(report=to_report(batch, idempotency_key=idempotency_key), replayed=True)


async def ingest_batch(
    *,
    session: AsyncSession,
    settings: IngestSettings,
    principal: Principal,
    kind: MediaKind,
    media_type: str,
    body: bytes,
    content_hash: bytes,
    idempotency_key: str | None,
    profile_ref: str | None = None,
    dry_run: bool = False,
) -> BatchOutcome | DryRunReport:
    """Validate, resolve and upsert a batch; valid rows and the report commit together.
    ``profile_ref`` names an export profile (``NAME`` or ``NAME@version``). A dry run
    validates and resolves the same way and stores nothing (no batch, record, outbox event,
    idempotency record or audit entry)."""
    source_kind = source_kind_of(principal)
    profile = await reading_profile(session=session, principal=principal, ref=profile_ref)
    idempotency_hash = None
    if idempotency_key is not None and not dry_run:
        idempotency_hash = institution_hash(
            settings.hmac_key(), "idempotency", principal.institution_id, idempotency_key
        )
        existing = await repository.get_batch_by_idempotency_hash(
            session=session,
            institution_id=principal.institution_id,
            idempotency_hash=idempotency_hash,
        )
        if existing is not None:
            return _replay(existing, content_hash, idempotency_key)

    context = Context(
        institution_id=principal.institution_id,
        source_kind=source_kind,
        hmac_key=settings.hmac_key(),
        catalogue=Catalogue.build(
            await repository.list_categories(session=session),
            await repository.list_category_aliases(session=session),
            lemmatise=_lemmatiser(session),
        ),
        today=datetime.now(UTC).date(),
    )
    async with _parsing_slot():
        validated = await asyncio.to_thread(
            parse_and_validate,
            kind,
            body,
            max_rows=settings.max_rows,
            context=context,
            profile=profile,
        )
    del body
    named, name_errors = await resolve_district_names(
        session=session, principal=principal, rows=validated.rows
    )
    rows, location_errors = await resolve_locations(
        session=session, principal=principal, rows=named, chunk_size=settings.chunk_size
    )
    errors = sorted(
        [*validated.errors, *name_errors, *location_errors],
        key=lambda error: (error.row, error.field),
    )
    if dry_run:
        return DryRunReport(
            media_type=media_type,
            profile=profile.label if profile else None,
            received=validated.received,
            accepted=len(rows),
            rejected=len({error.row for error in errors}),
            unresolved=dict(
                sorted(
                    Counter(row.unresolved_reason for row in rows if row.unresolved_reason).items()
                )
            ),
            rejected_by_code=dict(sorted(Counter(error.code for error in errors).items())),
            errors=[
                RowErrorOut.model_validate(error.as_dict())
                for error in errors[: settings.max_reported_errors]
            ],
            errors_truncated=len(errors) > settings.max_reported_errors,
        )

    batch_id = await repository.claim_batch(
        session=session,
        institution_id=principal.institution_id,
        key_id=principal.key_id,
        idempotency_hash=idempotency_hash,
        content_hash=content_hash,
        media_type=media_type,
        profile=(profile.name, profile.version) if profile else None,
    )
    if batch_id is None:
        # A concurrent request with the same Idempotency-Key committed first.
        assert idempotency_key is not None
        assert idempotency_hash is not None
        existing = await repository.get_batch_by_idempotency_hash(
            session=session,
            institution_id=principal.institution_id,
            idempotency_hash=idempotency_hash,
        )
        assert existing is not None
        return _replay(existing, content_hash, idempotency_key)

    # One lock order for every writer (see repository._UPSERT).
    rows.sort(key=lambda row: row.external_hash)
    inserted = updated = 0
    for chunk in _chunks(rows, settings.chunk_size):
        chunk_inserted, chunk_updated = await repository.upsert_records(
            session=session,
            institution_id=principal.institution_id,
            batch_id=batch_id,
            source_kind=source_kind,
            rows=chunk,
        )
        inserted += chunk_inserted
        updated += chunk_updated
    rejected_rows = {error.row for error in errors}
    unresolved = Counter(row.unresolved_reason for row in rows if row.unresolved_reason)
    counts: dict[str, Any] = {
        "received": validated.received,
        "inserted": inserted,
        "updated": updated,
        "unchanged": len(rows) - inserted - updated,
        "rejected": len(rejected_rows),
    }
    batch = await repository.complete_batch(
        session=session,
        batch_id=batch_id,
        values={
            **counts,
            "unresolved": dict(sorted(unresolved.items())),
            "rejected_by_code": dict(sorted(Counter(error.code for error in errors).items())),
            "errors": [error.as_dict() for error in errors[: settings.max_reported_errors]],
            "errors_truncated": len(errors) > settings.max_reported_errors,
        },
    )
    if inserted or updated:
        await repository.add_outbox_event(
            session=session,
            event=EVENT_RECORDS_CHANGED,
            payload=_event_payload(
                principal,
                cause="batch",
                cause_id=batch_id,
                gminas={row.gmina_code for row in rows if row.gmina_code},
            ),
        )
    await repository.add_audit(
        session=session,
        institution_id=principal.institution_id,
        key_id=principal.key_id,
        action="batch",
        counts=counts,
        batch_id=batch_id,
    )
    await session.commit()
    return BatchOutcome(report=to_report(batch, idempotency_key=idempotency_key), replayed=False)


def _event_payload(
    principal: Principal, *, cause: str, cause_id: uuid.UUID, gminas: set[str] | None = None
) -> dict[str, Any]:
    """An outbox event: what happened and to which institution, and for a batch its gminas
    (an event without gminas asks for the institution's whole territory)."""
    payload: dict[str, Any] = {
        "cause": cause,
        "cause_id": str(cause_id),
        "institution_id": str(principal.institution_id),
    }
    if gminas is not None:
        payload["gminas"] = sorted(gminas)
    return payload


async def get_batch(
    *, session: AsyncSession, principal: Principal, batch_id: uuid.UUID
) -> BatchReport:
    batch = await repository.get_batch(
        session=session, institution_id=principal.institution_id, batch_id=batch_id
    )
    if batch is None:
        raise NotFound("No such batch.", detail_pl="Nie ma takiej paczki.")
    return to_report(batch)


async def list_batches(
    *, session: AsyncSession, principal: Principal, limit: int, offset: int
) -> tuple[list[BatchSummary], int]:
    batches, total = await repository.list_batches(
        session=session, institution_id=principal.institution_id, limit=limit, offset=offset
    )
    return [to_summary(batch) for batch in batches], total


async def erase_records(
    *,
    session: AsyncSession,
    settings: IngestSettings,
    principal: Principal,
    external_ids: Sequence[str],
    bulk: bool,
) -> EraseReport:
    """Delete the institution's records with these ids, leaving no trace of where they were:
    the erasure's event names no gmina (the anonymizer reruns the institution's territory),
    and it replaces the institution's undelivered batch events, which did name them."""
    valid, errors = check_external_ids(external_ids)
    key = settings.hmac_key()
    hashes = sorted(
        {institution_hash(key, "external", principal.institution_id, value) for value in valid}
    )
    erased = await repository.delete_records(
        session=session, institution_id=principal.institution_id, external_hashes=hashes
    )
    if not bulk and not erased:
        raise NotFound("No such record.", detail_pl="Nie ma takiego rekordu.")
    requested = len(set(external_ids))
    erasure_id = await repository.create_erasure(
        session=session,
        institution_id=principal.institution_id,
        key_id=principal.key_id,
        requested=requested,
        erased=erased,
    )
    if erased:
        await repository.delete_batch_events(
            session=session, institution_id=principal.institution_id
        )
        await repository.add_outbox_event(
            session=session,
            event=EVENT_RECORDS_CHANGED,
            payload=_event_payload(principal, cause="erasure", cause_id=erasure_id),
        )
    await repository.add_audit(
        session=session,
        institution_id=principal.institution_id,
        key_id=principal.key_id,
        action="erase_bulk" if bulk else "erase",
        counts={"requested": requested, "erased": erased},
        erasure_id=erasure_id,
    )
    await session.commit()
    return EraseReport(
        erasure_id=erasure_id,
        requested=requested,
        erased=erased,
        not_found=len(hashes) - erased,
        rejected=len({external_ids[error.row] for error in errors}),
        errors=[RowErrorOut.model_validate(error.as_dict()) for error in errors],
    )


# --- export profiles ---------------------------------------------------------------------

_PROFILE_REF = re.compile(PROFILE_NAME_PATTERN[:-1] + r"(?:@([1-9][0-9]{0,8}))?$")


def _unknown_profile() -> ValidationFailed:
    return ValidationFailed(
        "The batch names an export profile the institution does not have.",
        detail_pl="Paczka wskazuje profil eksportu, którego instytucja nie ma.",
        errors=[field_error("profile", "unknown_profile")],
    )


async def reading_profile(
    *, session: AsyncSession, principal: Principal, ref: str | None
) -> ReadingProfile | None:
    """The profile a batch names (``NAME``: its latest version, ``NAME@n``: version n); a 422
    on ``profile`` when the institution has no such profile or version."""
    if ref is None:
        return None
    match = _PROFILE_REF.match(ref.strip())
    if match is None:
        raise _unknown_profile()
    name, _, version = ref.strip().partition("@")
    stored = await repository.get_profile(
        session=session,
        institution_id=principal.institution_id,
        name=name,
        version=int(version) if version else None,
    )
    if stored is None:
        raise _unknown_profile()
    return ReadingProfile.of(stored.name, stored.version, ProfileBody.model_validate(stored.body))


def to_profile(profile: ExportProfile) -> ProfileOut:
    return ProfileOut.model_validate(
        {
            **profile.body,
            "name": profile.name,
            "version": profile.version,
            "created_at": profile.created_at,
        }
    )


async def _check_profile(*, session: AsyncSession, body: ProfileBody) -> None:
    """What Pydantic cannot check alone: category codes of the value mapping, and a column
    both mapped and ignored. A 422 with one error per field at fault."""
    codes = {row[0] for row in await repository.list_categories(session=session)}
    errors = [
        field_error(f"values.categories.{value}", "unknown_category")
        for value, code in body.values.categories.items()
        if code not in codes
    ]
    ignored = {column_key(column) for column in body.ignore}
    errors += [
        field_error(f"columns.{column}", "ignored_and_mapped")
        for column in body.columns
        if column_key(column) in ignored
    ]
    if errors:
        raise ValidationFailed(
            "The export profile is not valid.",
            detail_pl="Profil eksportu jest nieprawidłowy.",
            errors=errors,
        )


async def save_profile(
    *,
    session: AsyncSession,
    principal: Principal,
    name: str,
    body: ProfileBody,
    new: bool,
) -> ProfileOut:
    """Create profile ``name`` (``new``: 409 if it exists) or add its next version (404 if it
    does not exist)."""
    source_kind_of(principal)
    await _check_profile(session=session, body=body)
    stored = await repository.add_profile_version(
        session=session,
        institution_id=principal.institution_id,
        key_id=principal.key_id,
        name=name,
        body=body.model_dump(
            mode="json", exclude={"name"} if isinstance(body, ProfileIn) else None
        ),
        new=new,
    )
    if stored is None and new:
        raise Conflict(
            "The institution already has a profile of this name; PUT it to add a version.",
            detail_pl="Instytucja ma już profil o tej nazwie; wyślij go metodą PUT, aby dodać "
            "wersję.",
        )
    if stored is None:
        raise _no_profile()
    await session.commit()
    return to_profile(stored)


def _no_profile() -> NotFound:
    return NotFound("No such export profile.", detail_pl="Nie ma takiego profilu eksportu.")


async def get_profile(
    *, session: AsyncSession, principal: Principal, name: str, version: int | None = None
) -> ProfileOut:
    stored = await repository.get_profile(
        session=session, institution_id=principal.institution_id, name=name, version=version
    )
    if stored is None:
        raise _no_profile()
    return to_profile(stored)


async def list_profiles(*, session: AsyncSession, principal: Principal) -> list[ProfileOut]:
    stored = await repository.list_profiles(
        session=session, institution_id=principal.institution_id
    )
    return [to_profile(profile) for profile in stored]


_SAMPLE_ROWS = 1000  # rows of a sample whose categories are looked at
_SUGGESTED_LABELS = 200  # distinct category values looked up
_COLUMN_NAME_LENGTH = 120


def propose_profile(sample: CsvSample, catalogue: Catalogue) -> ProfileSuggestion:
    """A profile for the export ``sample`` comes from (CPU-bound, may lemmatise: run it in a
    worker thread). Only the cells of the categories column are read."""
    paths: list[tuple[str, ...] | None] = []
    claimed: set[tuple[str, ...]] = set()
    for cell in sample.header:
        path = CSV_COLUMNS.get(column_key(cell.strip()))
        paths.append(path)
        if path is not None:
            claimed.add(path)
    # An unknown column whose first word names a field no other column has ("Data przyznania",
    # "Powód przyznania"); two such columns for one field ("Data urodzenia") are not guessed.
    guesses: dict[tuple[str, ...], list[int]] = {}
    for index, cell in enumerate(sample.header):
        if paths[index] is None and cell.strip():
            path = CSV_COLUMNS.get(column_key(cell.strip()).split("_", 1)[0])
            if path is not None and path not in claimed:
                guesses.setdefault(path, []).append(index)
    for path, indexes in guesses.items():
        if len(indexes) == 1:
            paths[indexes[0]] = path
    columns: dict[str, Any] = {}
    ignore: list[str] = []
    for cell, path in zip(sample.header, paths, strict=True):
        name = cell.strip()
        if not name or len(name) > _COLUMN_NAME_LENGTH or not name.isprintable():
            continue
        if path is None:
            ignore.append(name)
        else:
            columns[name] = ".".join(path)
    categories: dict[str, str] = {}
    unrecognised: list[str] = []
    if ("categories",) in paths:
        column = paths.index(("categories",))
        seen: set[str] = set()
        for number, cells in enumerate(sample.rows):
            if number >= _SAMPLE_ROWS or len(seen) >= _SUGGESTED_LABELS:
                break
            if column >= len(cells):
                continue
            for label in catalogue.split(cells[column]):
                if label in seen or len(seen) >= _SUGGESTED_LABELS:
                    continue
                seen.add(label)
                codes = {name.info.code for name in catalogue.candidates(label)}
                if not codes:
                    unrecognised.append(label)
                elif len(codes) == 1 and label not in codes:
                    categories[label] = codes.pop()
    return ProfileSuggestion.model_validate(
        {
            "columns": columns,
            "ignore": ignore,
            "values": {"categories": categories},
            "encoding": sample.encoding,
            "delimiter": sample.delimiter,
            "unrecognised_categories": unrecognised,
        }
    )


async def suggest_profile(
    *, session: AsyncSession, principal: Principal, body: bytes
) -> ProfileSuggestion:
    """Propose a profile from a sample of a CSV export (nothing is stored)."""
    source_kind_of(principal)
    sample = read_sample(body)
    catalogue = Catalogue.build(
        await repository.list_categories(session=session),
        await repository.list_category_aliases(session=session),
        lemmatise=_lemmatiser(session),
    )
    async with _parsing_slot():
        return await asyncio.to_thread(propose_profile, sample, catalogue)
