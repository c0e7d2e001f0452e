"""Reference: a Polish lemmatiser every service may call (``ref.lemmas``).

Ingest recognises inflected category labels ("ubóstwa", "przemocy w rodzinie") and suggests
export profiles from headers; it reads ``ref`` but not ``catalog``, whose Hunspell dictionary
serves the catalogue's search. ``ref.polish_hunspell`` is the same dictionary (files installed
by scripts/db.sh into tsearch_data), and ``ref.lemmas(word)`` its lemmas of one word, lower
case: NULL for a word the dictionary does not know, an empty array for a stop word.

Revision ID: 0015_ref_lexicon
Revises: 0014_release_blocks
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015_ref_lexicon"
down_revision: str | None = "0014_release_blocks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEXICON = """
CREATE TEXT SEARCH DICTIONARY ref.polish_hunspell (
    TEMPLATE = ispell, DictFile = polish, AffFile = polish, StopWords = polish
);
CREATE FUNCTION ref.lemmas(word text) RETURNS text[]
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN ts_lexize('ref.polish_hunspell'::regdictionary, lower(word));
"""


def upgrade() -> None:
    op.execute(LEXICON)


def downgrade() -> None:
    op.execute("DROP FUNCTION ref.lemmas(text)")
    op.execute("DROP TEXT SEARCH DICTIONARY ref.polish_hunspell")
