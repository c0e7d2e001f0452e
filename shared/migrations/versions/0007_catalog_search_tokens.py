"""Catalog: one GIN index over every code a search filters by (``search_tokens``); whether a
text matches anything at all (``*_text_found``); a practice's lemmas kept in its row.

Revision ID: 0007_catalog_search_tokens
Revises: 0006_monthly_cells

A search with several filters (service areas and a territory, say) used to intersect bitmaps
of separate GIN indexes, each built in full first: a common service area is a bitmap of ~30 %
of the rows. ``search_tokens`` holds the codes of a record, each prefixed by what it is
(``a:`` service area, ``g:`` target group, ``c:`` category, ``t:`` territory prefix, ``k:``
provider type, ``l:`` lifecycle, ``e:`` evidence level), so that every filter is one key of
one GIN scan, which walks the rarest key and skips through the others (on 100 000 practices,
a service area and a voivodeship: 2.9 → 0.8 ms). The separate array indexes go.

``catalog.practice_text_found`` / ``catalog.provider_text_found`` say whether a parsed text
query matches any record of the given statuses: the public search asks the trigram (typo)
index only when it does not. They plan without sequential scans: for a word nobody wrote, an
EXISTS would otherwise read every row's tsvector before giving up (~300 ms on 100 000
practices), where the GIN index answers at once.

A practice's ``tsv_pl`` (~1.7 kB) went to TOAST with ``tsv_plain``: relevance reads it for
each of up to 500 matches, each read a TOAST index lookup. Stored MAIN (in the row, lz4), it
costs a fifth less per search; the facet arrays stay in the row uncompressed beside it, and
the long texts move to TOAST instead. The heap grows by about a third (100 000 practices:
180 → 248 MB). ``add_column`` below rewrites the table, so existing rows move too.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007_catalog_search_tokens"
down_revision: str | None = "0006_monthly_cells"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = """
CREATE FUNCTION catalog.search_tokens(
    service_areas text[], target_groups text[], categories text[], territory_prefixes text[],
    kind text, lifecycle text, evidence text
) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(SELECT 'a:' || code FROM unnest(service_areas) AS code)
        || ARRAY(SELECT 'g:' || code FROM unnest(target_groups) AS code)
        || ARRAY(SELECT 'c:' || code FROM unnest(categories) AS code)
        || ARRAY(SELECT 't:' || code FROM unnest(territory_prefixes) AS code)
        || array_remove(ARRAY['k:' || kind, 'l:' || lifecycle, 'e:' || evidence], NULL);
"""

TEXT_FOUND = """
CREATE FUNCTION catalog.{table}_text_found(statuses text[], lemmas tsquery, plain tsquery)
RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET enable_seqscan = off
    RETURN EXISTS (
        SELECT FROM catalog.{table}
        WHERE status = ANY (statuses) AND (tsv_pl @@ lemmas OR tsv_plain @@ plain)
    );
"""

# (table, the generated column's expression, the array indexes it replaces)
TABLES = (
    (
        "practice",
        "catalog.search_tokens(service_areas, target_groups, categories, territory_prefixes, "
        "implementer_type, lifecycle_status, evidence_level)",
        ("territory_prefixes", "service_areas", "target_groups", "categories"),
    ),
    (
        "provider",
        "catalog.search_tokens(service_areas, target_groups, NULL, territory_prefixes, "
        "provider_type, NULL, NULL)",
        ("territory_prefixes", "service_areas", "target_groups"),
    ),
)


# Storage of the practice columns a search reads per match (see above); downgrade restores
# the defaults.
PRACTICE_STORAGE = """
ALTER TABLE catalog.practice
    ALTER COLUMN tsv_pl SET STORAGE {main}, ALTER COLUMN tsv_pl SET COMPRESSION {lz4},
    ALTER COLUMN service_areas SET STORAGE {main},
    ALTER COLUMN target_groups SET STORAGE {main},
    ALTER COLUMN categories SET STORAGE {main};
"""


def upgrade() -> None:
    op.execute(PRACTICE_STORAGE.format(main="MAIN", lz4="lz4"))
    op.execute(FUNCTION)
    for table, expression, replaced in TABLES:
        op.execute(TEXT_FOUND.format(table=table))
        op.add_column(
            table,
            sa.Column(
                "search_tokens",
                postgresql.ARRAY(sa.Text()),
                sa.Computed(expression, persisted=True),
                nullable=False,
            ),
            schema="catalog",
        )
        op.create_index(
            f"ix_{table}_search_tokens",
            table,
            ["search_tokens"],
            schema="catalog",
            postgresql_using="gin",
        )
        for column in replaced:
            op.drop_index(f"ix_{table}_{column}", table_name=table, schema="catalog")


def downgrade() -> None:
    for table, _, replaced in TABLES:
        for column in replaced:
            op.create_index(
                f"ix_{table}_{column}", table, [column], schema="catalog", postgresql_using="gin"
            )
        op.drop_index(f"ix_{table}_search_tokens", table_name=table, schema="catalog")
        op.drop_column(table, "search_tokens", schema="catalog")
        op.execute(f"DROP FUNCTION catalog.{table}_text_found(text[], tsquery, tsquery)")
    op.execute(
        "DROP FUNCTION catalog.search_tokens(text[], text[], text[], text[], text, text, text)"
    )
    op.execute(PRACTICE_STORAGE.format(main="EXTENDED", lz4="DEFAULT"))
