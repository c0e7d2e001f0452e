"""Catalog: providers with places (issue 17, item 1).

* ``geo.address_point``: the PRG address points, kept by ``socmap geo addresses import`` in the
  pass that derives the street rules (public register data, not personal data); the geocoder
  ``shared.geo.geocode`` places a provider's address with them. Only the catalog role reads it.
  ``geo.locality`` gets indexes for the geocoder's lookups by name and of a city's parts.
* ``catalog.provider.point_source`` (``address_register``, ``explicit`` or ``manual``; NULL
  without a point) and ``point_approximate``. Points stored before this revision could only be
  given with the record: they become ``explicit``.
* ``catalog.published_provider`` gains both (``point_approximate`` as ``approximate``), so the
  map can mark an approximate place.

Revision ID: 0019_provider_places
Revises: 0018_export_profiles
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

revision: str = "0019_provider_places"
down_revision: str | None = "0018_export_profiles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POINT_SOURCES = "('address_register', 'explicit', 'manual')"

# The columns of 0003's view, then the new ones (CREATE OR REPLACE may only append).
PROVIDER_COLUMNS = """id, slug, name, alternate_name, description, provider_type, email, website, terc,
       voivodeship, area_tercs, address_1, postal_code, city, phones, service_areas,
       target_groups, assured_date, published_at, updated_at, geom"""
PUBLISHED_PROVIDER = f"""
CREATE OR REPLACE VIEW catalog.published_provider AS
SELECT {PROVIDER_COLUMNS},
       point_source, point_approximate AS approximate
FROM catalog.provider WHERE status = 'published'
"""
OLD_PUBLISHED_PROVIDER = f"""
CREATE VIEW catalog.published_provider AS
SELECT {PROVIDER_COLUMNS}
FROM catalog.provider WHERE status = 'published'
"""


def upgrade() -> None:
    op.create_table(
        "address_point",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("gmina_code", sa.String(length=7), nullable=True),
        sa.Column("simc", sa.String(length=7), nullable=False),
        sa.Column("ulic", sa.String(length=5), nullable=True),
        sa.Column("street_key", sa.Text(), nullable=True),
        sa.Column("number", sa.Text(), nullable=True),
        sa.Column("number_value", sa.Integer(), nullable=True),
        sa.Column("postal_code", sa.String(length=6), nullable=True),
        sa.Column(
            "geom",
            Geometry(geometry_type="POINT", srid=4326, spatial_index=False),
            nullable=False,
        ),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("imported_on", sa.Date(), server_default=sa.text("CURRENT_DATE"), nullable=False),
        sa.CheckConstraint("simc ~ '^[0-9]{7}$'", name=op.f("ck_address_point_simc_format")),
        sa.CheckConstraint(
            "gmina_code IS NULL OR gmina_code ~ '^[0-9]{7}$'",
            name=op.f("ck_address_point_gmina_format"),
        ),
        sa.CheckConstraint(
            "postal_code IS NULL OR postal_code ~ '^[0-9]{2}-[0-9]{3}$'",
            name=op.f("ck_address_point_postal_code_format"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_address_point")),
        schema="geo",
    )
    op.create_index(
        "ix_address_point_simc_street_key_number",
        "address_point",
        ["simc", "street_key", "number"],
        unique=False,
        schema="geo",
    )
    op.create_index(
        "ix_address_point_simc_ulic_number",
        "address_point",
        ["simc", "ulic", "number"],
        unique=False,
        schema="geo",
    )
    op.create_index(
        "ix_address_point_gmina_code", "address_point", ["gmina_code"], unique=False, schema="geo"
    )
    op.create_index("ix_locality_name_key", "locality", ["name_key"], unique=False, schema="geo")
    op.create_index(
        "ix_locality_parent_simc", "locality", ["parent_simc"], unique=False, schema="geo"
    )
    # Geo tables are granted one by one (default privileges cover ingest, stats and catalog).
    # Only the catalog places addresses; map-tiles and ingest never read the points.
    op.execute("GRANT SELECT ON geo.address_point TO socmap_catalog")

    op.add_column(
        "provider", sa.Column("point_source", sa.String(length=16), nullable=True), schema="catalog"
    )
    op.add_column(
        "provider",
        sa.Column("point_approximate", sa.Boolean(), server_default="false", nullable=False),
        schema="catalog",
    )
    op.execute("UPDATE catalog.provider SET point_source = 'explicit' WHERE geom IS NOT NULL")
    op.create_check_constraint(
        op.f("ck_provider_point_source"),
        "provider",
        f"point_source IN {POINT_SOURCES}",
        schema="catalog",
    )
    op.create_check_constraint(
        op.f("ck_provider_point_provenance"),
        "provider",
        "geom IS NOT NULL OR (point_source IS NULL AND NOT point_approximate)",
        schema="catalog",
    )
    op.execute(PUBLISHED_PROVIDER)


def downgrade() -> None:
    op.execute("DROP VIEW catalog.published_provider")
    op.execute(OLD_PUBLISHED_PROVIDER)
    op.execute("GRANT SELECT ON catalog.published_provider TO socmap_map_tiles")
    op.drop_constraint(op.f("ck_provider_point_provenance"), "provider", schema="catalog")
    op.drop_constraint(op.f("ck_provider_point_source"), "provider", schema="catalog")
    op.drop_column("provider", "point_approximate", schema="catalog")
    op.drop_column("provider", "point_source", schema="catalog")
    op.drop_index("ix_locality_parent_simc", table_name="locality", schema="geo")
    op.drop_index("ix_locality_name_key", table_name="locality", schema="geo")
    op.drop_index("ix_address_point_gmina_code", table_name="address_point", schema="geo")
    op.drop_index("ix_address_point_simc_ulic_number", table_name="address_point", schema="geo")
    op.drop_index(
        "ix_address_point_simc_street_key_number", table_name="address_point", schema="geo"
    )
    op.drop_table("address_point", schema="geo")
