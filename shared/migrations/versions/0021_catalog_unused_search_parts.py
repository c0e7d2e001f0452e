"""Catalog: what the search no longer reads goes; a provider's point always names its source.

* ``tsv_plain`` (unaccented surface forms, 0003) and its GIN index: since 0020 a word typed
  without diacritics reaches the lemmas of every word written that way through the
  vocabulary, and ``tsv_pl`` alone is matched. The column cost every write an unaccented
  parse of the whole record and ~1.5 kB of TOAST a practice. ``*_text_found`` (0007) no
  longer reads it (its ``plain`` argument stays, for the callers of 0020, and is ignored).
* ``*_corrected_query`` / ``*_restored_query`` (0009): the corrections of 0020
  (``*_corrected_word`` inside ``*_text_query``) replaced them.
* ``ck_provider_point_provenance``: a point without a source was allowed while bench loaders
  and fixtures inserted providers without one; now a provider has a source exactly when it has
  a point. Points stored without a source could only have been given with the record: they
  become ``explicit``, as in 0019.

Revision ID: 0021_catalog_unused_search_parts
Revises: 0020_catalog_search_families
"""

from collections.abc import Sequence
from types import ModuleType

from alembic import context, op

revision: str = "0021_catalog_unused_search_parts"
down_revision: str | None = "0020_catalog_search_families"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("practice", "provider")

TEXT_FOUND = """
CREATE OR REPLACE FUNCTION catalog.{table}_text_found(
    statuses text[], lemmas tsquery, plain tsquery
) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET enable_seqscan = off
    RETURN EXISTS (
        SELECT FROM catalog.{table} WHERE status = ANY (statuses) AND tsv_pl @@ lemmas
    );
"""

PROVENANCE = "ck_provider_point_provenance"
PROVENANCE_BEFORE = "geom IS NOT NULL OR (point_source IS NULL AND NOT point_approximate)"
PROVENANCE_NOW = "(geom IS NULL) = (point_source IS NULL) AND (geom IS NOT NULL OR NOT point_approximate)"

# 0003's generated columns, for the downgrade.
PLAIN = {
    "practice": (
        "setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(summary, '') || ' ' || "
        "coalesce(problem_addressed, '')), 'B') || "
        "setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(description, '') || ' ' "
        "|| coalesce(method, '') || ' ' || coalesce(results, '') || ' ' || "
        "coalesce(implementer_name, '') || ' ' || coalesce(place, '') || ' ' || "
        "coalesce(transferability, '')), 'C')"
    ),
    "provider": (
        "setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(name, '') || ' ' || "
        "coalesce(alternate_name, '')), 'A') || "
        "setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(description, '')), 'B') "
        "|| setweight(to_tsvector('catalog.pl_unaccent'::regconfig, coalesce(city, '') || ' ' || "
        "coalesce(address_1, '') || ' ' || coalesce(legal_status, '')), 'C')"
    ),
}


def _revision(name: str) -> ModuleType:
    """An earlier revision's module, for the SQL its downgrade needs again."""
    module: ModuleType = context.script.get_revision(name).module
    return module


def upgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP FUNCTION catalog.{table}_corrected_query(text)")
        op.execute(f"DROP FUNCTION catalog.{table}_restored_query(text)")
        op.execute(TEXT_FOUND.format(table=table))
        op.drop_index(f"ix_{table}_tsv_plain", table_name=table, schema="catalog")
        op.drop_column(table, "tsv_plain", schema="catalog")
    op.execute(
        "UPDATE catalog.provider SET point_source = 'explicit' "
        "WHERE geom IS NOT NULL AND point_source IS NULL"
    )
    op.drop_constraint(op.f(PROVENANCE), "provider", schema="catalog")
    op.create_check_constraint(op.f(PROVENANCE), "provider", PROVENANCE_NOW, schema="catalog")


def downgrade() -> None:
    op.drop_constraint(op.f(PROVENANCE), "provider", schema="catalog")
    op.create_check_constraint(op.f(PROVENANCE), "provider", PROVENANCE_BEFORE, schema="catalog")
    words = _revision("0009_catalog_search_words")
    for table in TABLES:
        op.execute(
            f"ALTER TABLE catalog.{table} ADD COLUMN tsv_plain tsvector "
            f"NOT NULL GENERATED ALWAYS AS ({PLAIN[table]}) STORED"
        )
        op.create_index(
            f"ix_{table}_tsv_plain",
            table,
            ["tsv_plain"],
            schema="catalog",
            postgresql_using="gin",
        )
        # (0020's corrections call it: replaced, not dropped.)
        text_found = _revision("0007_catalog_search_tokens").TEXT_FOUND
        op.execute(
            text_found.format(table=table).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")
        )
        op.execute(words.CORRECTED.format(table=table))
        op.execute(words.RESTORED.format(table=table))
