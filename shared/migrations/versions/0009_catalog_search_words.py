"""Catalog: the words of the published records, to correct typos and restore diacritics.

Revision ID: 0009_catalog_search_words
Revises: 0008_practice_search_in_row

A search whose text matches nothing anywhere used to fall back to the trigram index of the
titles: every title sharing enough trigrams with the query was compared with it (a common
word misspelt: ~1 000 titles at ~9 µs each, twice the cost of a search that matches), and only
titles could be found. Now the query is corrected instead, as search engines do ("did you
mean"), and the corrected text is searched as any other: a typo finds bodies as well as
titles. The trigram indexes of ``name_norm``, which only the fallback used, go.

``catalog.practice_word`` and ``catalog.provider_word`` hold each word of the published
records (lower case, as written, up to MAX_LENGTH letters; the texts of ``tsv_plain``), its
unaccented form and the number of published records that hold it. Statement triggers keep
the counts: a record counts while it is published, so a word of a draft is never a
correction (it would tell what unpublished records say). Words of records no longer
published keep a count of 0 and are not suggested.

``catalog.practice_corrected_query`` / ``catalog.provider_corrected_query`` correct a query,
leaving alone the words the Polish dictionary knows and comparing unaccented forms (a word
typed without its diacritics is no typo): the candidates
of a word share trigrams with it (similarity at least 0.2, from the index), and the closest by
edit distance wins (fuzzystrmatch's Levenshtein, at most one edit for words of 3-4 letters and
two for longer ones; a swap of two letters is two edits), then by length, trigram similarity
and frequency. The correction keeps the diacritics of the word it picks: ``dosętp`` becomes
``dostęp``. ~0.2-0.7 ms.

``catalog.practice_restored_query`` / ``catalog.provider_restored_query`` write each word of
a query typed without diacritics as the published records most often write it
(``dzialania`` → ``działania``): its Polish lemmas then match every form of the word, where
the unaccented surface forms match ``dzialania`` alone, and they are read from the row where
the unaccented forms are read from TOAST (such a search: 2-3 times as fast).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_catalog_search_words"
down_revision: str | None = "0008_practice_search_in_row"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The texts of each table's search (its tsv_plain).
TEXTS = {
    "practice": "title, summary, problem_addressed, description, method, results, "
    "implementer_name, place, transferability",
    "provider": "name, alternate_name, description, city, address_1, legal_status",
}
# Longer tokens (addresses of web pages, say) are no words to correct to or from; the bound
# also keeps them within Levenshtein's limit of 255 characters.
MAX_LENGTH = 40

# The words of the published rows of ``rows`` (a transition table or the table), each
# counting ``sign``.
WORDS = (
    "SELECT word, {sign} AS sign FROM {rows}, unnest(tsvector_to_array(to_tsvector("
    "'pg_catalog.simple'::regconfig, concat_ws(' ', {texts})))) AS word "
    f"WHERE status = 'published' AND length(word) <= {MAX_LENGTH}"
)
# Counts change in the order of the words, so that two writers never wait for each other's
# words in opposite orders (a deadlock).
UPSERT = """
        INSERT INTO catalog.{table}_word AS known (word, documents)
        SELECT word, sum(sign) FROM ({changes}) AS changes
        GROUP BY word HAVING sum(sign) <> 0 ORDER BY word
        ON CONFLICT (word) DO UPDATE SET documents = known.documents + excluded.documents;
"""
COUNT_FUNCTION = """
CREATE FUNCTION catalog.{table}_count_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {inserted}
    ELSIF TG_OP = 'UPDATE' THEN
        {updated}
    ELSE
        {deleted}
    END IF;
    RETURN NULL;
END
$$;
"""
TRIGGERS = {
    "INSERT": "REFERENCING NEW TABLE AS new_rows",
    "UPDATE": "REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows",
    "DELETE": "REFERENCING OLD TABLE AS old_rows",
}

# A query in parts: runs of letters (the words) and runs of anything else (spaces, quotes,
# the minus of websearch_to_tsquery), so that a function may rewrite the words and leave the
# rest. Letters by code point (Latin, with the Latin-1 and Extended-A letters Polish uses),
# not by [[:alpha:]], which follows the database's locale and under "C" takes ż for no letter.
LETTERS = "A-Za-zÀ-ÖØ-öø-ɏ"
PARTS = (
    f"regexp_matches(query, '[{LETTERS}]+|[^{LETTERS}]+', 'g') "
    "WITH ORDINALITY AS part(match, position)"
)

# The query with each misspelt word replaced by the closest word of the published records
# (capitalised as typed), or NULL when no word changes. A word is misspelt when it has 3 to
# MAX_LENGTH letters, the Polish dictionary does not know it (a small catalogue lacks many
# words: "rodziny" is no typo of "godziny") and no published record holds its unaccented
# form. The trigram index finds the candidates (a sequential scan would compare every word).
CORRECTED = f"""
CREATE FUNCTION catalog.{{table}}_corrected_query(query text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET pg_trgm.similarity_threshold = 0.2
    SET enable_seqscan = off
    RETURN (
        WITH words AS MATERIALIZED (
            SELECT part.match[1] AS typed, part.position,
                catalog.unaccent_lower(part.match[1]) AS plain
            FROM {PARTS}
        ), corrections AS MATERIALIZED (
            SELECT typed, position,
                CASE WHEN plain ~ '^[a-z]{{{{3,{MAX_LENGTH}}}}}$'
                    AND ts_lexize('catalog.polish_hunspell'::regdictionary, lower(typed)) IS NULL
                    AND NOT EXISTS (
                    SELECT FROM catalog.{{table}}_word AS known
                    WHERE known.plain = words.plain AND known.documents > 0
                ) THEN (
                    SELECT known.word FROM catalog.{{table}}_word AS known
                    WHERE known.plain % words.plain AND known.documents > 0
                        AND levenshtein_less_equal(known.plain, words.plain, 2)
                            <= CASE WHEN length(words.plain) < 5 THEN 1 ELSE 2 END
                    ORDER BY levenshtein(known.plain, words.plain),
                        abs(length(known.plain) - length(words.plain)),
                        similarity(known.plain, words.plain) DESC, known.documents DESC,
                        known.word
                    LIMIT 1
                ) END AS correction
            FROM words
        )
        SELECT CASE WHEN bool_or(correction IS NOT NULL) THEN string_agg(
            CASE WHEN correction IS NULL THEN typed
                WHEN typed ~ '^[A-ZÀ-ÖØ-Þ]' THEN upper(left(correction, 1)) || substr(correction, 2)
                ELSE correction END,
            '' ORDER BY position) END
        FROM corrections
    );
"""

# The query with each word typed without diacritics written as the published records most
# often write it (``dzialania`` → ``działania``, which the Polish lemmas then match in every
# form), everything else as it is (operators and quotes of websearch_to_tsquery included).
RESTORED = f"""
CREATE FUNCTION catalog.{{table}}_restored_query(query text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (
        SELECT string_agg(coalesce((
            SELECT known.word FROM catalog.{{table}}_word AS known
            WHERE part.match[1] ~ '^[a-zA-Z]+$' AND known.plain = lower(part.match[1])
                AND known.documents > 0
            ORDER BY known.documents DESC, known.word
            LIMIT 1
        ), part.match[1]), '' ORDER BY part.position)
        FROM {PARTS}
    );
"""

def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA public")
    for table in TEXTS:
        op.create_table(
            f"{table}_word",
            sa.Column("word", sa.Text(), nullable=False),
            sa.Column(
                "plain",
                sa.Text(),
                sa.Computed("catalog.unaccent_lower(word)", persisted=True),
                nullable=False,
            ),
            sa.Column("documents", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("word", name=op.f(f"pk_{table}_word")),
            schema="catalog",
        )
        words = WORDS.format(sign=1, rows=f"catalog.{table}", texts=TEXTS[table])
        op.execute(
            f"INSERT INTO catalog.{table}_word (word, documents) "
            f"SELECT word, sum(sign) FROM ({words}) AS words GROUP BY word"
        )
        op.create_index(f"ix_{table}_word_plain", f"{table}_word", ["plain"], schema="catalog")
        # Without the fast-update list: a search reads the index far more often than a
        # publication writes to it, and a search would scan every entry of that list (the
        # words of a bulk load: milliseconds per word corrected).
        op.create_index(
            f"ix_{table}_word_plain_trgm",
            f"{table}_word",
            ["plain"],
            schema="catalog",
            postgresql_using="gin",
            postgresql_ops={"plain": "gin_trgm_ops"},
            postgresql_with={"fastupdate": "off"},
        )
        added = WORDS.format(sign=1, rows="new_rows", texts=TEXTS[table])
        removed = WORDS.format(sign=-1, rows="old_rows", texts=TEXTS[table])
        op.execute(
            COUNT_FUNCTION.format(
                table=table,
                inserted=UPSERT.format(table=table, changes=added).strip(),
                updated=UPSERT.format(table=table, changes=f"{added} UNION ALL {removed}").strip(),
                deleted=UPSERT.format(table=table, changes=removed).strip(),
            )
        )
        for event, transition in TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {table}_count_words_{event.lower()} AFTER {event} "
                f"ON catalog.{table} {transition} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION catalog.{table}_count_words()"
            )
        op.execute(CORRECTED.format(table=table))
        op.execute(RESTORED.format(table=table))
        op.drop_index(f"ix_{table}_name_norm_trgm", table_name=table, schema="catalog")


def downgrade() -> None:
    for table in TEXTS:
        op.create_index(
            f"ix_{table}_name_norm_trgm",
            table,
            ["name_norm"],
            schema="catalog",
            postgresql_using="gin",
            postgresql_ops={"name_norm": "gin_trgm_ops"},
        )
        op.execute(f"DROP FUNCTION catalog.{table}_corrected_query(text)")
        op.execute(f"DROP FUNCTION catalog.{table}_restored_query(text)")
        for event in TRIGGERS:
            op.execute(f"DROP TRIGGER {table}_count_words_{event.lower()} ON catalog.{table}")
        op.execute(f"DROP FUNCTION catalog.{table}_count_words()")
        op.drop_table(f"{table}_word", schema="catalog")
