"""Territorial units (voivodeship, powiat, gmina, district), their zoom-band geometries,
population by year, the street register that maps addresses to districts, and the address
points it is derived from (which also place a provider's address on the map)."""

from __future__ import annotations

from datetime import date, datetime

from geoalchemy2 import Geometry, WKBElement
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base

LEVELS = ("voivodeship", "powiat", "gmina", "district")


class TerritorialUnit(Base):
    """A voivodeship (TERC ``WW``), powiat (``WWPP``), gmina (``WWPPGGR``) or district
    (osiedle, ``<TERC>-<nn>``) with its boundary in EPSG:4326."""

    __tablename__ = "territorial_unit"
    __table_args__ = (
        CheckConstraint(f"level IN {LEVELS!r}", name="level"),
        CheckConstraint(
            "(level = 'voivodeship' AND code ~ '^[0-9]{2}$')"
            " OR (level = 'powiat' AND code ~ '^[0-9]{4}$')"
            " OR (level = 'gmina' AND code ~ '^[0-9]{7}$')"
            " OR (level = 'district' AND code ~ '^[0-9]{7}-[0-9]{2,3}$')",
            name="code_format",
        ),
        CheckConstraint("level = 'voivodeship' OR parent_code IS NOT NULL", name="parent"),
        # A gmina may be known without a boundary (benchmarking only); every other level has one.
        CheckConstraint("level = 'gmina' OR geom IS NOT NULL", name="geom_required"),
        Index("ix_territorial_unit_parent_code", "parent_code"),
        Index("ix_territorial_unit_level", "level"),
        {"schema": "geo"},
    )

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    level: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(Text)
    parent_code: Mapped[str | None] = mapped_column(
        ForeignKey("geo.territorial_unit.code", ondelete="RESTRICT")
    )
    # True when the boundary is an approximation (e.g. Voronoi cells of label points).
    approximate: Mapped[bool] = mapped_column(Boolean, server_default="false")
    source: Mapped[str | None] = mapped_column(Text)
    geom: Mapped[WKBElement | None] = mapped_column(
        Geometry("MULTIPOLYGON", srid=4326, spatial_index=True)
    )
    label_point: Mapped[WKBElement | None] = mapped_column(
        Geometry("POINT", srid=4326, spatial_index=False)
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class TerritorialUnitBand(Base):
    """The unit's boundary in Web Mercator, simplified as a coverage for one zoom band."""

    __tablename__ = "territorial_unit_band"
    __table_args__ = (
        CheckConstraint("min_zoom <= max_zoom", name="zoom_range"),
        {"schema": "geo"},
    )

    unit_code: Mapped[str] = mapped_column(
        ForeignKey("geo.territorial_unit.code", ondelete="CASCADE"), primary_key=True
    )
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    min_zoom: Mapped[int] = mapped_column(SmallInteger)
    max_zoom: Mapped[int] = mapped_column(SmallInteger)
    geom: Mapped[WKBElement] = mapped_column(
        Geometry("MULTIPOLYGON", srid=3857, spatial_index=True)
    )


class Population(Base):
    """Residents of a unit in a year; ``synthetic`` marks demo figures that are not official."""

    __tablename__ = "population"
    __table_args__ = (
        CheckConstraint("population >= 0", name="non_negative"),
        CheckConstraint("year BETWEEN 1990 AND 2100", name="year"),
        {"schema": "geo"},
    )

    unit_code: Mapped[str] = mapped_column(
        ForeignKey("geo.territorial_unit.code", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    population: Mapped[int] = mapped_column(Integer)
    synthetic: Mapped[bool] = mapped_column(Boolean, server_default="false")
    source: Mapped[str | None] = mapped_column(Text)


STREET_RULE_SOURCES = ("manual", "street", "range", "number", "locality")


class Locality(Base):
    """A locality of the GUS TERYT SIMC register (city, village, part of one) and the gmina it
    belongs to."""

    __tablename__ = "locality"
    __table_args__ = (
        CheckConstraint("simc ~ '^[0-9]{7}$'", name="simc_format"),
        CheckConstraint("gmina_code ~ '^[0-9]{7}$'", name="gmina_format"),
        Index("ix_locality_gmina_code_name_key", "gmina_code", "name_key"),
        # The geocoder finds a locality by its name alone, and the parts of a city.
        Index("ix_locality_name_key", "name_key"),
        Index("ix_locality_parent_simc", "parent_simc"),
        {"schema": "geo"},
    )

    simc: Mapped[str] = mapped_column(String(7), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    # Lower case, without diacritics and punctuation (shared.geo.names.normalize_locality).
    name_key: Mapped[str] = mapped_column(Text)
    # TERC of the municipality; a Warsaw dzielnica or a city delegatura (RODZ_GMI 8/9) is
    # mapped to its city's gmina, which is the unit socmap knows.
    gmina_code: Mapped[str] = mapped_column(String(7))
    # WOJ + POW + GMI + RODZ_GMI as the register gives them.
    teryt_unit: Mapped[str] = mapped_column(String(7))
    # RM: kind of locality (01 wieś, 96 miasto, 99 część miasta, …).
    kind: Mapped[str] = mapped_column(String(2))
    # SYMPOD when it is another locality (the village or city this one is a part of).
    parent_simc: Mapped[str | None] = mapped_column(String(7))
    as_of: Mapped[date | None] = mapped_column(Date)


class Street(Base):
    """A street of the GUS TERYT ULIC register within one locality."""

    __tablename__ = "street"
    __table_args__ = (
        CheckConstraint("ulic ~ '^[0-9]{5}$'", name="ulic_format"),
        {"schema": "geo"},
    )

    simc: Mapped[str] = mapped_column(String(7), primary_key=True)
    ulic: Mapped[str] = mapped_column(String(5), primary_key=True)
    # CECHA: ul., al., pl., os., rondo, skwer, …
    feature: Mapped[str | None] = mapped_column(Text)
    name_1: Mapped[str] = mapped_column(Text)
    name_2: Mapped[str | None] = mapped_column(Text)
    as_of: Mapped[date | None] = mapped_column(Date)


class StreetKey(Base):
    """A normalised spelling under which a street is found (shared.geo.names.street_variants):
    ``andersa``, ``wladyslawa andersa``… One key may name several streets of a locality; then
    it resolves to none of them."""

    __tablename__ = "street_key"
    __table_args__ = (
        ForeignKeyConstraint(
            ["simc", "ulic"], ["geo.street.simc", "geo.street.ulic"], ondelete="CASCADE"
        ),
        Index("ix_street_key_key", "key"),
        {"schema": "geo"},
    )

    simc: Mapped[str] = mapped_column(String(7), primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    ulic: Mapped[str] = mapped_column(String(5), primary_key=True)


class StreetDistrict(Base):
    """Street register: (SIMC, ULIC id or normalized street name, house-number range, parity)
    → district, so an address resolves to an osiedle without a geocoder.

    ``source`` says where a rule comes from: ``manual`` (entered by hand), or derived from PRG
    address points by ``socmap geo addresses import``: ``street`` (every point of the street
    lies in one district), ``range`` and ``number`` (one side of a street that crosses
    districts: a run of house numbers, or a single one), ``locality`` (every point of the
    locality lies in one district; no street).
    """

    __tablename__ = "street_district"
    __table_args__ = (
        CheckConstraint("parity IN ('all', 'odd', 'even')", name="parity"),
        CheckConstraint(
            "ulic IS NOT NULL OR street_name IS NOT NULL OR source = 'locality'", name="street"
        ),
        CheckConstraint(
            "number_from IS NULL OR number_to IS NULL OR number_from <= number_to",
            name="number_range",
        ),
        CheckConstraint(f"source IN {STREET_RULE_SOURCES!r}", name="source"),
        Index("ix_street_district_simc_ulic", "simc", "ulic"),
        Index("ix_street_district_simc_street_name", "simc", "street_name"),
        {"schema": "geo"},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    simc: Mapped[str] = mapped_column(String(7))
    ulic: Mapped[str | None] = mapped_column(String(5))
    # shared.geo.names.normalize_street of the name.
    street_name: Mapped[str | None] = mapped_column(Text)
    number_from: Mapped[int | None] = mapped_column(Integer)
    number_to: Mapped[int | None] = mapped_column(Integer)
    parity: Mapped[str] = mapped_column(String(4), server_default="all")
    district_code: Mapped[str] = mapped_column(
        ForeignKey("geo.territorial_unit.code", ondelete="CASCADE")
    )
    source: Mapped[str] = mapped_column(String(8), server_default="manual")


class AddressPoint(Base):
    """One GUGiK PRG address point (public register data, not personal data), kept by
    ``socmap geo addresses import`` in the same pass that derives the street rules: the
    geocoder (``shared.geo.geocode``) places a provider's address with it.

    A re-import replaces the points of every locality, and of every gmina its file names.
    """

    __tablename__ = "address_point"
    __table_args__ = (
        CheckConstraint("simc ~ '^[0-9]{7}$'", name="simc_format"),
        CheckConstraint("gmina_code IS NULL OR gmina_code ~ '^[0-9]{7}$'", name="gmina_format"),
        CheckConstraint(
            "postal_code IS NULL OR postal_code ~ '^[0-9]{2}-[0-9]{3}$'", name="postal_code_format"
        ),
        Index("ix_address_point_simc_street_key_number", "simc", "street_key", "number"),
        Index("ix_address_point_simc_ulic_number", "simc", "ulic", "number"),
        Index("ix_address_point_gmina_code", "gmina_code"),
        {"schema": "geo"},
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # TERC of the point's gmina: from the file, else from its locality (geo.locality).
    gmina_code: Mapped[str | None] = mapped_column(String(7))
    simc: Mapped[str] = mapped_column(String(7))
    ulic: Mapped[str | None] = mapped_column(String(5))
    # shared.geo.names.normalize_street of the street as the point names it.
    street_key: Mapped[str | None] = mapped_column(Text)
    # The house number normalised (shared.geo.addresses.normalize_house_number: "12A") and
    # its leading digits (12), for the neighbours of a number the register lacks.
    number: Mapped[str | None] = mapped_column(Text)
    number_value: Mapped[int | None] = mapped_column(Integer)
    postal_code: Mapped[str | None] = mapped_column(String(6))
    geom: Mapped[WKBElement] = mapped_column(Geometry("POINT", srid=4326, spatial_index=False))
    # Where the point comes from (the imported file, or a label such as "synthetic sample").
    source: Mapped[str] = mapped_column(Text)
    imported_on: Mapped[date] = mapped_column(Date, server_default=func.current_date())
