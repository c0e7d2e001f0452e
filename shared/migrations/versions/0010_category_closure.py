"""Ingest: every record carries the ancestors of its categories.

Revision ID: 0010_category_closure
Revises: 0009_catalog_search_words

A person in a sub-category (``single_parent_family``) is in its parent category
(``parenting_household_helplessness``) too. Ingest now closes the categories of each record
upward (``ingest.validation.Catalogue.closed``), so the published counts keep child <= parent
and child <= 2plus: public facts that the anonymizer's attacker is given
(``anonymizer.relations``). This migration adds the missing ancestors to the records stored
before, sorted as ingest sorts them (by code point, hence ``COLLATE "C"``).

The counts of the parent categories grow where sub-categories were reported without their
parent. Cells of closed periods published before are revisions for the next release, handled
by the revision policy (reference/disclosure-control.md §3a).

The downgrade is a no-op: which ancestors were added here and which the institutions sent is
not recorded, and the closed records are valid for the older code as well.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_category_closure"
down_revision: str | None = "0009_catalog_search_words"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLOSE_CATEGORIES = """
WITH RECURSIVE ancestry(code, ancestor) AS (
    SELECT code, parent_code FROM ref.category WHERE parent_code IS NOT NULL
    UNION
    SELECT a.code, c.parent_code
    FROM ancestry a JOIN ref.category c ON c.code = a.ancestor
    WHERE c.parent_code IS NOT NULL
),
open_records AS (
    SELECT r.id, r.categories
    FROM ingest.record r
    WHERE EXISTS (
        SELECT 1 FROM ancestry a
        WHERE a.code = ANY (r.categories) AND NOT a.ancestor = ANY (r.categories)
    )
),
closed AS (
    SELECT o.id,
           CAST(ARRAY(
               SELECT DISTINCT s.code COLLATE "C"
               FROM (SELECT unnest(o.categories) AS code
                     UNION
                     SELECT a.ancestor FROM ancestry a WHERE a.code = ANY (o.categories)) s
               ORDER BY 1
           ) AS varchar(64)[]) AS categories
    FROM open_records o
)
UPDATE ingest.record r SET categories = closed.categories
FROM closed
WHERE r.id = closed.id
"""


def upgrade() -> None:
    op.execute(CLOSE_CATEGORIES)


def downgrade() -> None:
    # Nothing to undo: see the module docstring.
    pass
