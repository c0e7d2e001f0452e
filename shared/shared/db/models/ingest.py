"""Pseudonymized case records pushed by institutions, their batches, the outbox towards the
anonymizer, the audit log and erasures (schema ``ingest``).

Privacy (DESIGN §3): person and household ids, the institution's case numbers
(``external_id``) and idempotency keys exist here only as keyed HMAC-SHA256; a precise
location (point, address) is used once to find the district and never stored, so no table of
this schema has a geometry or address column. Age band and sex are not stored: no published
breakdown uses them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base

SOURCE_KINDS = ("ops", "pup")
SUBJECT_ID_TYPES = ("pesel", "local")
# Why a record is kept at municipality level instead of a district.
UNRESOLVED_REASONS = (
    "no_location",
    "municipality_only",
    "point_outside_districts",
    "address_not_in_register",
    "locality_not_in_register",
)
BATCH_STATUSES = ("processing", "completed")
AUDIT_ACTIONS = ("batch", "erase", "erase_bulk")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


class Batch(Base):
    """One ``POST /v1/records:batch``: its counts and per-row errors (never record contents)."""

    __tablename__ = "batch"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(BATCH_STATUSES)}", name="status"),
        UniqueConstraint("institution_id", "idempotency_hash"),
        CheckConstraint(
            "idempotency_hash IS NULL OR octet_length(idempotency_hash) = 32",
            name="idempotency_hash_length",
        ),
        Index("ix_batch_institution_id_created_at", "institution_id", "created_at"),
        {"schema": "ingest"},
    )

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    institution_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth.institution.id", ondelete="RESTRICT")
    )
    key_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("auth.api_key.id", ondelete="SET NULL")
    )
    # HMAC-SHA256(key, "idempotency:<institution>:<Idempotency-Key>").
    idempotency_hash: Mapped[bytes | None] = mapped_column(LargeBinary)
    # SHA-256 of the request body: an Idempotency-Key replay with other content is a conflict.
    content_hash: Mapped[bytes] = mapped_column(LargeBinary)
    media_type: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), server_default="processing")
    received: Mapped[int] = mapped_column(Integer, server_default="0")
    inserted: Mapped[int] = mapped_column(Integer, server_default="0")
    updated: Mapped[int] = mapped_column(Integer, server_default="0")
    unchanged: Mapped[int] = mapped_column(Integer, server_default="0")
    rejected: Mapped[int] = mapped_column(Integer, server_default="0")
    # {reason: count} of records kept at municipality level.
    unresolved: Mapped[dict[str, int]] = mapped_column(JSONB, server_default="{}")
    # {code: count} over every rejected row, and the first rows' errors (capped).
    rejected_by_code: Mapped[dict[str, int]] = mapped_column(JSONB, server_default="{}")
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, server_default="[]")
    errors_truncated: Mapped[bool] = mapped_column(server_default="false")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The export profile (and its version) the batch was read with, if it named one.
    profile_name: Mapped[str | None] = mapped_column(String(64))
    profile_version: Mapped[int | None] = mapped_column(Integer)


class ExportProfile(Base):
    """One version of an institution's export profile: how to read its CSV export (column
    mapping, ignored columns, value mapping, date formats, encoding, delimiter). Updating a
    profile adds a version; old versions stay readable. Column names and codes only, never a
    value of an ignored column."""

    __tablename__ = "export_profile"
    __table_args__ = (
        CheckConstraint("version >= 1", name="version"),
        {"schema": "ingest"},
    )

    institution_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth.institution.id", ondelete="RESTRICT"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSONB)
    key_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("auth.api_key.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Record(Base):
    """A pseudonymized case record, upserted on (institution, keyed hash of external_id)."""

    __tablename__ = "record"
    __table_args__ = (
        UniqueConstraint("institution_id", "external_hash"),
        CheckConstraint(f"source_kind IN {_in(SOURCE_KINDS)}", name="source_kind"),
        CheckConstraint(f"subject_id_type IN {_in(SUBJECT_ID_TYPES)}", name="subject_id_type"),
        CheckConstraint(
            f"unresolved_reason IN {_in(UNRESOLVED_REASONS)}", name="unresolved_reason"
        ),
        CheckConstraint(
            "(district_code IS NULL) <> (unresolved_reason IS NULL)", name="district_or_reason"
        ),
        CheckConstraint("octet_length(subject_hash) = 32", name="subject_hash_length"),
        CheckConstraint("octet_length(external_hash) = 32", name="external_hash_length"),
        CheckConstraint(
            "household_hash IS NULL OR octet_length(household_hash) = 32",
            name="household_hash_length",
        ),
        CheckConstraint("end_date IS NULL OR end_date >= reference_date", name="dates"),
        CheckConstraint("cardinality(categories) > 0", name="categories"),
        Index("ix_record_gmina_code", "gmina_code"),
        Index("ix_record_district_code", "district_code"),
        Index("ix_record_subject_hash", "subject_hash"),
        {"schema": "ingest"},
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth.institution.id", ondelete="RESTRICT")
    )
    # HMAC-SHA256(key, "external:<institution>:<external_id>"): the case number is not kept.
    external_hash: Mapped[bytes] = mapped_column(LargeBinary)
    subject_id_type: Mapped[str] = mapped_column(String(8))
    # HMAC-SHA256(pseudonymization key, normalized id); the id itself is never stored.
    subject_hash: Mapped[bytes] = mapped_column(LargeBinary)
    household_hash: Mapped[bytes | None] = mapped_column(LargeBinary)
    reference_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    categories: Mapped[list[str]] = mapped_column(ARRAY(String(64)))
    gmina_code: Mapped[str] = mapped_column(
        ForeignKey("geo.territorial_unit.code", ondelete="RESTRICT")
    )
    district_code: Mapped[str | None] = mapped_column(
        ForeignKey("geo.territorial_unit.code", ondelete="RESTRICT")
    )
    unresolved_reason: Mapped[str | None] = mapped_column(String(32))
    source_kind: Mapped[str] = mapped_column(String(3))
    batch_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ingest.batch.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Outbox(Base):
    """Events for the anonymizer, written in the same transaction as the records they describe;
    the dispatcher delivers them with retries, so nothing is lost while the anonymizer is down,
    and deletes them once delivered (the audit log is the history)."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_available_at", "available_at"), {"schema": "ingest"})

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    event: Mapped[str] = mapped_column(String(32))
    # Batch or erasure id and institution, and a batch's gmina codes; never record contents.
    # An erasure names no gmina (the dispatcher asks for the institution's territory), and
    # erasing a record drops the events of its batch: nothing tells where an erased record was.
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    available_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)


class Erasure(Base):
    """An erasure request: who asked and how many records went (the ids are not kept)."""

    __tablename__ = "erasure"
    __table_args__ = ({"schema": "ingest"},)

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    institution_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth.institution.id", ondelete="RESTRICT")
    )
    key_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("auth.api_key.id", ondelete="SET NULL")
    )
    requested: Mapped[int] = mapped_column(Integer)
    erased: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class AuditLog(Base):
    """Who did what and when, with counts only (no personal data)."""

    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint(f"action IN {_in(AUDIT_ACTIONS)}", name="action"),
        Index("ix_audit_log_institution_id_occurred_at", "institution_id", "occurred_at"),
        {"schema": "ingest"},
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    institution_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth.institution.id", ondelete="RESTRICT")
    )
    key_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("auth.api_key.id", ondelete="SET NULL")
    )
    action: Mapped[str] = mapped_column(String(16))
    batch_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("ingest.batch.id", ondelete="SET NULL")
    )
    erasure_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("ingest.erasure.id", ondelete="SET NULL")
    )
    counts: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default="{}")
