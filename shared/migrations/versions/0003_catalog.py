"""Catalog: providers and good practices, Polish full-text search, published views.

Revision ID: 0003_catalog
Revises: 0002_ingest

Text search: ``catalog.pl`` maps words through the Polish Hunspell dictionary (files installed
by scripts/db.sh into tsearch_data as polish.affix/.dict/.stop), falling back to ``simple``;
``catalog.pl_unaccent`` strips diacritics so text typed without them matches. Generated columns
of the tables use both, plus the IMMUTABLE ``catalog.unaccent_lower`` for trigram indexes.
``catalog.published_*`` views are the only catalogue objects the map-tiles role may read.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql

revision: str = "0003_catalog"
down_revision: str | None = "0002_ingest"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"

TEXT_SEARCH = f"""
CREATE TEXT SEARCH DICTIONARY catalog.polish_hunspell (
    TEMPLATE = ispell, DictFile = polish, AffFile = polish, StopWords = polish
);
CREATE TEXT SEARCH CONFIGURATION catalog.pl (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION catalog.pl ALTER MAPPING FOR {WORD_TOKENS}
    WITH catalog.polish_hunspell, pg_catalog.simple;
CREATE TEXT SEARCH CONFIGURATION catalog.pl_unaccent (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION catalog.pl_unaccent ALTER MAPPING FOR {WORD_TOKENS}
    WITH public.unaccent, pg_catalog.simple;
CREATE FUNCTION catalog.unaccent_lower(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, $1));
"""

# Columns the public may see; drafts, moderation and search internals stay out.
PUBLISHED_VIEWS = """
CREATE VIEW catalog.published_practice AS
SELECT id, slug, title, summary, problem_addressed, lifecycle_status, evidence_level,
       target_groups, service_areas, categories, country, place, area_tercs, voivodeship,
       start_year, end_year, implementer_name, implementer_provider_id, published_at,
       updated_at, geom
FROM catalog.practice WHERE status = 'published';
CREATE VIEW catalog.published_provider AS
SELECT id, slug, name, alternate_name, description, provider_type, email, website, terc,
       voivodeship, area_tercs, address_1, postal_code, city, phones, service_areas,
       target_groups, assured_date, published_at, updated_at, geom
FROM catalog.provider WHERE status = 'published';
CREATE VIEW catalog.published_service AS
SELECT s.id, s.provider_id, s.name, s.description, s.status, s.url, s.service_areas,
       s.target_groups, s.area_tercs, s.updated_at
FROM catalog.service s JOIN catalog.provider p ON p.id = s.provider_id
WHERE p.status = 'published';
GRANT SELECT ON catalog.published_practice, catalog.published_provider,
    catalog.published_service, catalog.target_group TO socmap_map_tiles;
"""

TARGET_GROUPS = [
    ("seniors", "osoby starsze", "older people"),
    ("homeless", "osoby bezdomne", "homeless people"),
    ("unemployed", "osoby bezrobotne", "unemployed people"),
    ("children_youth", "dzieci i młodzież", "children and young people"),
    ("families", "rodziny", "families"),
    ("disabled", "osoby z niepełnosprawnościami", "persons with disabilities"),
    ("social_assistance_clients", "klienci pomocy społecznej", "social assistance clients"),
    ("professionals", "kadry instytucji", "staff of institutions"),
]


def upgrade() -> None:
    op.execute(TEXT_SEARCH)
    op.create_table(
        "change_log",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("resource_type", sa.String(length=16), nullable=False),
        sa.Column("resource_id", sa.UUID(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("field_name", sa.Text(), nullable=False),
        sa.Column("previous_value", sa.Text(), nullable=True),
        sa.Column("replacement_value", sa.Text(), nullable=True),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("institution_id", sa.UUID(), nullable=True),
        sa.Column(
            "changed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "resource_type IN ('practice', 'provider')", name=op.f("ck_change_log_resource_type")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
        schema="catalog",
    )
    op.create_index(
        "ix_change_log_resource",
        "change_log",
        ["resource_type", "resource_id", "changed_at"],
        unique=False,
        schema="catalog",
    )
    op.create_table(
        "target_group",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("label_pl", sa.Text(), nullable=False),
        sa.Column("label_en", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_target_group")),
        sa.UniqueConstraint("position", name=op.f("uq_target_group_position")),
        schema="catalog",
    )
    op.create_geospatial_table(
        "provider",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="draft", nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("alternate_name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("provider_type", sa.String(length=32), nullable=False),
        sa.Column("legal_status", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("website", sa.Text(), nullable=True),
        sa.Column("krs", sa.String(length=10), nullable=True),
        sa.Column("regon", sa.String(length=14), nullable=True),
        sa.Column("nip", sa.String(length=10), nullable=True),
        sa.Column("terc", sa.String(length=7), nullable=True),
        sa.Column("voivodeship", sa.String(length=2), nullable=False),
        sa.Column("area_tercs", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("territory_prefixes", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("address_1", sa.Text(), nullable=True),
        sa.Column("postal_code", sa.String(length=6), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column(
            "geom",
            Geometry(
                geometry_type="POINT",
                srid=4326,
                dimension=2,
                from_text="ST_GeomFromEWKT",
                name="geometry",
                spatial_index=False,
            ),
            nullable=True,
        ),
        sa.Column(
            "phones", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False
        ),
        sa.Column(
            "schedules",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="[]",
            nullable=False,
        ),
        sa.Column("service_areas", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("target_groups", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("assured_date", sa.Date(), nullable=True),
        sa.Column("assurer", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("created_by", sa.UUID(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "name_norm",
            sa.Text(),
            sa.Computed("catalog.unaccent_lower(name)", persisted=True),
            nullable=False,
        ),
        sa.Column(
            "tsv_pl",
            postgresql.TSVECTOR(),
            sa.Computed(
                "setweight(to_tsvector('catalog.pl'::regconfig, coalesce(name, '') || ' ' || coalesce(alternate_name, '')), 'A') || setweight(to_tsvector('catalog.pl'::regconfig, coalesce(description, '')), 'B') || setweight(to_tsvector('catalog.pl'::regconfig, coalesce(city, '') || ' ' || coalesce(address_1, '') || ' ' || coalesce(legal_status, '')), 'C')",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "tsv_plain",
            postgresql.TSVECTOR(),
            sa.Computed(
                "setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(name, '') || ' ' || coalesce(alternate_name, '')), 'A') || setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(description, '')), 'B') || setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(city, '') || ' ' || coalesce(address_1, '') || ' ' || coalesce(legal_status, '')), 'C')",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.CheckConstraint("krs IS NULL OR krs ~ '^[0-9]{10}$'", name=op.f("ck_provider_krs")),
        sa.CheckConstraint("nip IS NULL OR nip ~ '^[0-9]{10}$'", name=op.f("ck_provider_nip")),
        sa.CheckConstraint(
            "regon IS NULL OR regon ~ '^([0-9]{9}|[0-9]{14})$'", name=op.f("ck_provider_regon")
        ),
        sa.CheckConstraint("slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'", name=op.f("ck_provider_slug")),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'published', 'archived')",
            name=op.f("ck_provider_status"),
        ),
        sa.CheckConstraint("voivodeship ~ '^[0-9]{2}$'", name=op.f("ck_provider_voivodeship")),
        sa.ForeignKeyConstraint(
            ["provider_type"],
            ["ref.provider_type.code"],
            name=op.f("fk_provider_provider_type_provider_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider")),
        sa.UniqueConstraint("slug", name=op.f("uq_provider_slug")),
        schema="catalog",
    )
    op.create_geospatial_index(
        "idx_provider_geom",
        "provider",
        ["geom"],
        unique=False,
        schema="catalog",
        postgresql_using="gist",
        postgresql_ops={},
    )
    op.create_index(
        op.f("ix_catalog_provider_provider_type"),
        "provider",
        ["provider_type"],
        unique=False,
        schema="catalog",
    )
    op.create_index(
        "ix_provider_krs",
        "provider",
        ["krs"],
        unique=True,
        schema="catalog",
        postgresql_where=sa.text("krs IS NOT NULL"),
    )
    op.create_index(
        "ix_provider_name_norm_trgm",
        "provider",
        ["name_norm"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
        postgresql_ops={"name_norm": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_provider_nip",
        "provider",
        ["nip"],
        unique=True,
        schema="catalog",
        postgresql_where=sa.text("nip IS NOT NULL"),
    )
    op.create_index(
        "ix_provider_regon",
        "provider",
        ["regon"],
        unique=True,
        schema="catalog",
        postgresql_where=sa.text("regon IS NOT NULL"),
    )
    op.create_index(
        "ix_provider_service_areas",
        "provider",
        ["service_areas"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_provider_status_voivodeship",
        "provider",
        ["status", "voivodeship"],
        unique=False,
        schema="catalog",
    )
    op.create_index(
        "ix_provider_target_groups",
        "provider",
        ["target_groups"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_provider_territory_prefixes",
        "provider",
        ["territory_prefixes"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_provider_tsv_pl",
        "provider",
        ["tsv_pl"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_provider_tsv_plain",
        "provider",
        ["tsv_plain"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_geospatial_table(
        "practice",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="draft", nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("problem_addressed", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=True),
        sa.Column("results", sa.Text(), nullable=True),
        sa.Column("evidence_level", sa.String(length=24), nullable=False),
        sa.Column("lifecycle_status", sa.String(length=16), nullable=False),
        sa.Column("resources_and_costs", sa.Text(), nullable=True),
        sa.Column("cost_amount_pln", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("funding_sources", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("implementer_name", sa.Text(), nullable=True),
        sa.Column("implementer_provider_id", sa.UUID(), nullable=True),
        sa.Column("implementer_type", sa.String(length=32), nullable=True),
        sa.Column(
            "partners", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False
        ),
        sa.Column("country", sa.String(length=2), server_default="PL", nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("area_tercs", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("territory_prefixes", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("voivodeship", sa.String(length=2), nullable=True),
        sa.Column(
            "geom",
            Geometry(
                geometry_type="POINT",
                srid=4326,
                dimension=2,
                from_text="ST_GeomFromEWKT",
                name="geometry",
                spatial_index=False,
            ),
            nullable=True,
        ),
        sa.Column("start_year", sa.SmallInteger(), nullable=True),
        sa.Column("end_year", sa.SmallInteger(), nullable=True),
        sa.Column("transferability", sa.Text(), nullable=True),
        sa.Column("sustainability", sa.Text(), nullable=True),
        sa.Column("lessons_learned", sa.Text(), nullable=True),
        sa.Column("contact", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column(
            "links", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False
        ),
        sa.Column("target_groups", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("service_areas", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("categories", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("source_document", sa.Text(), nullable=True),
        sa.Column("license", sa.Text(), nullable=True),
        sa.Column("created_by", sa.UUID(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "name_norm",
            sa.Text(),
            sa.Computed("catalog.unaccent_lower(title)", persisted=True),
            nullable=False,
        ),
        sa.Column(
            "tsv_pl",
            postgresql.TSVECTOR(),
            sa.Computed(
                "setweight(to_tsvector('catalog.pl'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('catalog.pl'::regconfig, coalesce(summary, '') || ' ' || coalesce(problem_addressed, '')), 'B') || setweight(to_tsvector('catalog.pl'::regconfig, coalesce(description, '') || ' ' || coalesce(method, '') || ' ' || coalesce(results, '') || ' ' || coalesce(implementer_name, '') || ' ' || coalesce(place, '') || ' ' || coalesce(transferability, '')), 'C')",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "tsv_plain",
            postgresql.TSVECTOR(),
            sa.Computed(
                "setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(summary, '') || ' ' || coalesce(problem_addressed, '')), 'B') || setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(description, '') || ' ' || coalesce(method, '') || ' ' || coalesce(results, '') || ' ' || coalesce(implementer_name, '') || ' ' || coalesce(place, '') || ' ' || coalesce(transferability, '')), 'C')",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.CheckConstraint("country ~ '^[A-Z]{2}$'", name=op.f("ck_practice_country")),
        sa.CheckConstraint(
            "evidence_level IN ('anecdotal', 'monitored', 'evaluated_internal', 'evaluated_external', 'counterfactual')",
            name=op.f("ck_practice_evidence_level"),
        ),
        sa.CheckConstraint(
            "lifecycle_status IN ('idea', 'pilot', 'implemented', 'evaluated', 'scaled', 'discontinued')",
            name=op.f("ck_practice_lifecycle_status"),
        ),
        sa.CheckConstraint("slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'", name=op.f("ck_practice_slug")),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'published', 'archived')",
            name=op.f("ck_practice_status"),
        ),
        sa.CheckConstraint(
            "voivodeship IS NULL OR voivodeship ~ '^[0-9]{2}$'",
            name=op.f("ck_practice_voivodeship"),
        ),
        sa.CheckConstraint(
            "start_year IS NULL OR end_year IS NULL OR start_year <= end_year",
            name=op.f("ck_practice_years"),
        ),
        sa.ForeignKeyConstraint(
            ["implementer_provider_id"],
            ["catalog.provider.id"],
            name=op.f("fk_practice_implementer_provider_id_provider"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["implementer_type"],
            ["ref.provider_type.code"],
            name=op.f("fk_practice_implementer_type_provider_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice")),
        sa.UniqueConstraint("slug", name=op.f("uq_practice_slug")),
        schema="catalog",
    )
    op.create_geospatial_index(
        "idx_practice_geom",
        "practice",
        ["geom"],
        unique=False,
        schema="catalog",
        postgresql_using="gist",
        postgresql_ops={},
    )
    op.create_index(
        op.f("ix_catalog_practice_implementer_provider_id"),
        "practice",
        ["implementer_provider_id"],
        unique=False,
        schema="catalog",
    )
    op.create_index(
        "ix_practice_categories",
        "practice",
        ["categories"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_practice_name_norm_trgm",
        "practice",
        ["name_norm"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
        postgresql_ops={"name_norm": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_practice_published_at", "practice", ["published_at"], unique=False, schema="catalog"
    )
    op.create_index(
        "ix_practice_service_areas",
        "practice",
        ["service_areas"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_practice_status_voivodeship",
        "practice",
        ["status", "voivodeship"],
        unique=False,
        schema="catalog",
    )
    op.create_index(
        "ix_practice_target_groups",
        "practice",
        ["target_groups"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_practice_territory_prefixes",
        "practice",
        ["territory_prefixes"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_practice_tsv_pl",
        "practice",
        ["tsv_pl"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_index(
        "ix_practice_tsv_plain",
        "practice",
        ["tsv_plain"],
        unique=False,
        schema="catalog",
        postgresql_using="gin",
    )
    op.create_table(
        "service",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("provider_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), server_default="active", nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("eligibility_description", sa.Text(), nullable=True),
        sa.Column("application_process", sa.Text(), nullable=True),
        sa.Column("fees_description", sa.Text(), nullable=True),
        sa.Column("minimum_age", sa.SmallInteger(), nullable=True),
        sa.Column("maximum_age", sa.SmallInteger(), nullable=True),
        sa.Column("service_areas", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("target_groups", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("area_tercs", sa.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('active', 'inactive', 'defunct', 'temporarily closed')",
            name=op.f("ck_service_status"),
        ),
        sa.CheckConstraint(
            "minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age",
            name=op.f("ck_service_ages"),
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["catalog.provider.id"],
            name=op.f("fk_service_provider_id_provider"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service")),
        schema="catalog",
    )
    op.create_index(
        op.f("ix_catalog_service_provider_id"),
        "service",
        ["provider_id"],
        unique=False,
        schema="catalog",
    )

    target_group = sa.table(
        "target_group",
        sa.column("code", sa.String),
        sa.column("position", sa.SmallInteger),
        sa.column("label_pl", sa.Text),
        sa.column("label_en", sa.Text),
        schema="catalog",
    )
    op.bulk_insert(
        target_group,
        [
            {"code": code, "position": position, "label_pl": pl, "label_en": en}
            for position, (code, pl, en) in enumerate(TARGET_GROUPS, start=1)
        ],
    )
    op.execute(PUBLISHED_VIEWS)


def downgrade() -> None:
    for view in ("published_service", "published_provider", "published_practice"):
        op.execute(f"DROP VIEW IF EXISTS catalog.{view}")
    op.drop_table("service", schema="catalog")
    op.drop_geospatial_table("practice", schema="catalog")
    op.drop_geospatial_table("provider", schema="catalog")
    op.drop_table("target_group", schema="catalog")
    op.drop_table("change_log", schema="catalog")
    op.execute("DROP FUNCTION IF EXISTS catalog.unaccent_lower(text)")
    op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS catalog.pl_unaccent")
    op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS catalog.pl")
    op.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS catalog.polish_hunspell")
