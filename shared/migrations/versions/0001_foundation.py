"""Foundation: extensions, schemas, one role per service, geography, taxonomies, API keys.

Revision ID: 8b67f59cff3f
Revises:
Create Date: 2026-11-23 11:11:59.520491+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

from shared.reference import load_reference_data

revision: str = "0001_foundation"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SCHEMAS = ("geo", "ref", "auth", "ingest", "stats", "catalog")
# Service roles, least privilege: only ingest and anonymizer ever read raw records; map-tiles
# reads geography, taxonomies and (through views added with their tables) published rows only.
ROLES = ("socmap_ingest", "socmap_anonymizer", "socmap_catalog", "socmap_map_tiles")
GRANTS = """
GRANT USAGE ON SCHEMA geo, ref, auth TO socmap_ingest, socmap_anonymizer, socmap_catalog, socmap_map_tiles;
GRANT SELECT ON ALL TABLES IN SCHEMA geo, ref TO socmap_ingest, socmap_anonymizer, socmap_catalog, socmap_map_tiles;
GRANT SELECT ON auth.institution, auth.api_key TO socmap_ingest, socmap_anonymizer, socmap_catalog, socmap_map_tiles;
GRANT INSERT, UPDATE ON auth.institution, auth.api_key TO socmap_ingest;
GRANT SELECT ON public.alembic_version TO socmap_ingest, socmap_anonymizer, socmap_catalog, socmap_map_tiles;
GRANT USAGE ON SCHEMA ingest TO socmap_ingest, socmap_anonymizer;
GRANT USAGE ON SCHEMA stats TO socmap_anonymizer, socmap_map_tiles;
GRANT USAGE ON SCHEMA catalog TO socmap_catalog, socmap_map_tiles;
ALTER DEFAULT PRIVILEGES IN SCHEMA ingest GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO socmap_ingest;
ALTER DEFAULT PRIVILEGES IN SCHEMA ingest GRANT USAGE, SELECT ON SEQUENCES TO socmap_ingest;
ALTER DEFAULT PRIVILEGES IN SCHEMA ingest GRANT SELECT ON TABLES TO socmap_anonymizer;
ALTER DEFAULT PRIVILEGES IN SCHEMA stats GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO socmap_anonymizer;
ALTER DEFAULT PRIVILEGES IN SCHEMA stats GRANT USAGE, SELECT ON SEQUENCES TO socmap_anonymizer;
ALTER DEFAULT PRIVILEGES IN SCHEMA catalog GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO socmap_catalog;
ALTER DEFAULT PRIVILEGES IN SCHEMA catalog GRANT USAGE, SELECT ON SEQUENCES TO socmap_catalog;
"""


def upgrade() -> None:
    for extension in ("postgis", "pg_trgm", "unaccent"):
        op.execute(f"CREATE EXTENSION IF NOT EXISTS {extension} WITH SCHEMA public")
    for schema in SCHEMAS:
        op.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    # Roles are cluster-wide: another database of the cluster may have created them already.
    for role in ROLES:
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') "
            f"THEN CREATE ROLE {role} LOGIN; END IF; END $$"
        )
    op.create_table(
        "institution",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("territory", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("active", sa.Boolean(), server_default="true", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('OPS', 'MOPS', 'GOPS', 'CUS', 'PCPR', 'PUP', 'ROPS', 'SERVICE')",
            name=op.f("ck_institution_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_institution")),
        sa.UniqueConstraint("name", name=op.f("uq_institution_name")),
        schema="auth",
    )
    op.create_geospatial_table(
        "territorial_unit",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("parent_code", sa.String(length=12), nullable=True),
        sa.Column("approximate", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column(
            "geom",
            Geometry(
                geometry_type="MULTIPOLYGON",
                srid=4326,
                dimension=2,
                spatial_index=False,
                from_text="ST_GeomFromEWKT",
                name="geometry",
            ),
            nullable=True,
        ),
        sa.Column(
            "label_point",
            Geometry(
                geometry_type="POINT",
                srid=4326,
                dimension=2,
                spatial_index=False,
                from_text="ST_GeomFromEWKT",
                name="geometry",
            ),
            nullable=True,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(level = 'voivodeship' AND code ~ '^[0-9]{2}$') OR (level = 'powiat' AND code ~ '^[0-9]{4}$') OR (level = 'gmina' AND code ~ '^[0-9]{7}$') OR (level = 'district' AND code ~ '^[0-9]{7}-[0-9]{2,3}$')",
            name=op.f("ck_territorial_unit_code_format"),
        ),
        sa.CheckConstraint(
            "level = 'voivodeship' OR parent_code IS NOT NULL",
            name=op.f("ck_territorial_unit_parent"),
        ),
        sa.CheckConstraint(
            "level = 'gmina' OR geom IS NOT NULL", name=op.f("ck_territorial_unit_geom_required")
        ),
        sa.CheckConstraint(
            "level IN ('voivodeship', 'powiat', 'gmina', 'district')",
            name=op.f("ck_territorial_unit_level"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_code"],
            ["geo.territorial_unit.code"],
            name=op.f("fk_territorial_unit_parent_code_territorial_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_territorial_unit")),
        schema="geo",
    )
    op.create_geospatial_index(
        "idx_territorial_unit_geom",
        "territorial_unit",
        ["geom"],
        unique=False,
        schema="geo",
        postgresql_using="gist",
        postgresql_ops={},
    )
    op.create_index(
        "ix_territorial_unit_level", "territorial_unit", ["level"], unique=False, schema="geo"
    )
    op.create_index(
        "ix_territorial_unit_parent_code",
        "territorial_unit",
        ["parent_code"],
        unique=False,
        schema="geo",
    )
    op.create_table(
        "category",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("parent_code", sa.String(length=64), nullable=True),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("label_pl", sa.Text(), nullable=False),
        sa.Column("label_en", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.CheckConstraint("source IN ('ops', 'pup')", name=op.f("ck_category_source")),
        sa.CheckConstraint(
            "valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to",
            name=op.f("ck_category_validity"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_code"], ["ref.category.code"], name=op.f("fk_category_parent_code_category")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_category")),
        schema="ref",
    )
    op.create_table(
        "provider_type",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("label_pl", sa.Text(), nullable=False),
        sa.Column("label_en", sa.Text(), nullable=False),
        sa.Column("description_pl", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_provider_type")),
        schema="ref",
    )
    op.create_table(
        "service_area",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("label_pl", sa.Text(), nullable=False),
        sa.Column("label_en", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_service_area")),
        sa.UniqueConstraint("position", name=op.f("uq_service_area_position")),
        schema="ref",
    )
    op.create_table(
        "api_key",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("institution_id", sa.UUID(), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("secret_hash", sa.LargeBinary(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("scopes", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("territory", sa.ARRAY(sa.Text()), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["auth.institution.id"],
            name=op.f("fk_api_key_institution_id_institution"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_key")),
        sa.UniqueConstraint("prefix", name=op.f("uq_api_key_prefix")),
        schema="auth",
    )
    op.create_index(
        op.f("ix_auth_api_key_institution_id"),
        "api_key",
        ["institution_id"],
        unique=False,
        schema="auth",
    )
    op.create_table(
        "population",
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("synthetic", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.CheckConstraint("population >= 0", name=op.f("ck_population_non_negative")),
        sa.CheckConstraint("year BETWEEN 1990 AND 2100", name=op.f("ck_population_year")),
        sa.ForeignKeyConstraint(
            ["unit_code"],
            ["geo.territorial_unit.code"],
            name=op.f("fk_population_unit_code_territorial_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("unit_code", "year", name=op.f("pk_population")),
        schema="geo",
    )
    op.create_table(
        "street_district",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("simc", sa.String(length=7), nullable=False),
        sa.Column("ulic", sa.String(length=5), nullable=True),
        sa.Column("street_name", sa.Text(), nullable=True),
        sa.Column("number_from", sa.Integer(), nullable=True),
        sa.Column("number_to", sa.Integer(), nullable=True),
        sa.Column("parity", sa.String(length=4), server_default="all", nullable=False),
        sa.Column("district_code", sa.String(length=12), nullable=False),
        sa.CheckConstraint(
            "parity IN ('all', 'odd', 'even')", name=op.f("ck_street_district_parity")
        ),
        sa.CheckConstraint(
            "number_from IS NULL OR number_to IS NULL OR number_from <= number_to",
            name=op.f("ck_street_district_number_range"),
        ),
        sa.CheckConstraint(
            "ulic IS NOT NULL OR street_name IS NOT NULL", name=op.f("ck_street_district_street")
        ),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["geo.territorial_unit.code"],
            name=op.f("fk_street_district_district_code_territorial_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_street_district")),
        schema="geo",
    )
    op.create_index(
        "ix_street_district_simc_street_name",
        "street_district",
        ["simc", "street_name"],
        unique=False,
        schema="geo",
    )
    op.create_index(
        "ix_street_district_simc_ulic",
        "street_district",
        ["simc", "ulic"],
        unique=False,
        schema="geo",
    )
    op.create_geospatial_table(
        "territorial_unit_band",
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("min_zoom", sa.SmallInteger(), nullable=False),
        sa.Column("max_zoom", sa.SmallInteger(), nullable=False),
        sa.Column(
            "geom",
            Geometry(
                geometry_type="MULTIPOLYGON",
                srid=3857,
                dimension=2,
                spatial_index=False,
                from_text="ST_GeomFromEWKT",
                name="geometry",
                nullable=False,
            ),
            nullable=False,
        ),
        sa.CheckConstraint(
            "min_zoom <= max_zoom", name=op.f("ck_territorial_unit_band_zoom_range")
        ),
        sa.ForeignKeyConstraint(
            ["unit_code"],
            ["geo.territorial_unit.code"],
            name=op.f("fk_territorial_unit_band_unit_code_territorial_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("unit_code", "band", name=op.f("pk_territorial_unit_band")),
        schema="geo",
    )
    op.create_geospatial_index(
        "idx_territorial_unit_band_geom",
        "territorial_unit_band",
        ["geom"],
        unique=False,
        schema="geo",
        postgresql_using="gist",
        postgresql_ops={},
    )
    op.execute(GRANTS)
    load_reference_data(op.get_bind())


def downgrade() -> None:
    op.drop_geospatial_index(
        "idx_territorial_unit_band_geom",
        table_name="territorial_unit_band",
        schema="geo",
        postgresql_using="gist",
        column_name="geom",
    )
    op.drop_geospatial_table("territorial_unit_band", schema="geo")
    op.drop_index("ix_street_district_simc_ulic", table_name="street_district", schema="geo")
    op.drop_index("ix_street_district_simc_street_name", table_name="street_district", schema="geo")
    op.drop_table("street_district", schema="geo")
    op.drop_table("population", schema="geo")
    op.drop_index(op.f("ix_auth_api_key_institution_id"), table_name="api_key", schema="auth")
    op.drop_table("api_key", schema="auth")
    op.drop_table("service_area", schema="ref")
    op.drop_table("provider_type", schema="ref")
    op.drop_table("category", schema="ref")
    op.drop_index("ix_territorial_unit_parent_code", table_name="territorial_unit", schema="geo")
    op.drop_index("ix_territorial_unit_level", table_name="territorial_unit", schema="geo")
    op.drop_geospatial_index(
        "idx_territorial_unit_geom",
        table_name="territorial_unit",
        schema="geo",
        postgresql_using="gist",
        column_name="geom",
    )
    op.drop_geospatial_table("territorial_unit", schema="geo")
    op.drop_table("institution", schema="auth")
    for role in ROLES:
        # Drops this database's grants and default privileges of the role; the role itself
        # survives while another database of the cluster still uses it.
        op.execute(f"DROP OWNED BY {role}")
        op.execute(
            f"DO $$ BEGIN DROP ROLE {role}; "
            f"EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $$"
        )
    for schema in reversed(SCHEMAS):
        op.execute(f"DROP SCHEMA IF EXISTS {schema}")
