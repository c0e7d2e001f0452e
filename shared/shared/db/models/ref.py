"""Shared taxonomies: problem categories, provider types, service areas."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class Category(Base):
    """A social-problem category (art. 7 OPS reasons, PUP register and art. 49 groups)."""

    __tablename__ = "category"
    __table_args__ = (
        CheckConstraint("source IN ('ops', 'pup')", name="source"),
        CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to", name="validity"
        ),
        {"schema": "ref"},
    )

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("ref.category.code"))
    source: Mapped[str] = mapped_column(String(8))
    label_pl: Mapped[str] = mapped_column(Text)
    label_en: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class CategoryAlias(Base):
    """An earlier or alternative Polish name of a category, for the dates it was in use."""

    __tablename__ = "category_alias"
    __table_args__ = (
        CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to", name="validity"
        ),
        {"schema": "ref"},
    )

    label_pl: Mapped[str] = mapped_column(Text, primary_key=True)
    category_code: Mapped[str] = mapped_column(ForeignKey("ref.category.code"), primary_key=True)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    legal_basis: Mapped[str | None] = mapped_column(Text)


class ProviderType(Base):
    """A kind of service provider (OPS, CUS, PUP, NGO, social-economy entity, ...)."""

    __tablename__ = "provider_type"
    __table_args__ = ({"schema": "ref"},)

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    label_pl: Mapped[str] = mapped_column(Text)
    label_en: Mapped[str] = mapped_column(Text)
    description_pl: Mapped[str | None] = mapped_column(Text)


class ServiceArea(Base):
    """One of the 14 areas of social services of the CUS act, in statutory order."""

    __tablename__ = "service_area"
    __table_args__ = ({"schema": "ref"},)

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(SmallInteger, unique=True)
    label_pl: Mapped[str] = mapped_column(Text)
    label_en: Mapped[str] = mapped_column(Text)
