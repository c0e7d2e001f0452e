"""Catalog: search that finds (issue 17, item 2): word forms, derivation families, prefixes.

Revision ID: 0020_catalog_search_families
Revises: 0019_provider_places

Until now a text query matched only records holding every one of its words in one of the
forms Hunspell gives for it: "osoby starsze samotne" found nothing where "osoby starsze" found
three records, "wolontariat" missed "wolontariusze", "Bielska-Białej" required the compound
``bielska-białej`` itself, "bezdomnośc" (a diacritic missing at the end) matched nothing, and
"senio" (a word being typed) nothing either. The search now asks the vocabulary of the
published records (migration 0009) what each query word may stand for:

- ``lemmas`` of each vocabulary word (a generated column: what ``catalog.pl`` indexes the
  word as, its Hunspell lemmas or the word itself), indexed, so that a word typed with or
  without diacritics (``bezdomnosc``, ``bezdomnośc``) reaches the lemmas of every word the
  records write that way, in the lemma vector ``tsv_pl``: the unaccented vector
  ``tsv_plain`` (in TOAST) is no longer needed to match;
- ``catalog.word_family``: derivation families, a maintained list of lemmas (below; a change
  is a new migration), so that ``wolontariat`` also matches ``wolontariusz`` and ``Kraków``
  ``krakowski``; Hunspell joins the inflected forms of one lemma, this joins lemmas;
- the unaccented form indexed in byte order (``text_pattern_ops``), so that the last word of a
  query also stands for the commonest vocabulary words it begins (``senio`` → ``seniorów``;
  at most COMPLETIONS words, like Elasticsearch's ``max_expansions``).

``catalog.{practice,provider}_text_query`` turn the analysed query (``catalog/search_terms.py``
tokenises it and writes the boolean structure as templates over word slots ``@1``, ``@2``…)
into the tsqueries the search matches and ranks with: every term, most terms (a minimum that
should match) and any term, each term's own with its weight (BM25's inverse document
frequency, from the vocabulary's counts) and share of the records, the text the title bonus
compares, and the corrections of misspelt words. A word that no record of the searched
statuses holds in any form is corrected to the closest vocabulary word (0009's rules:
unaccented edit distance, at most one edit for words under five letters and two for longer
ones; or, for a word the dictionary does not know, a word sharing all but its last three
letters: ``niepelnosprawnosc`` → ``niepełnosprawnych``); a word the Polish dictionary knows is
corrected only in a query whose other words match, at one edit, and only to a word found
together with them ("kooperacja plis" → "kooperacja plus"; "ruchome" alone stays as typed).
The published vocabulary answers for published records (an index lookup); other statuses
(the editors' lists) are asked only for words it lacks. The functions' plans are generic
(``plan_cache_mode``): planned once per connection, not once per search.

The vocabulary tables and their statement triggers stay as 0009 made them: the lemmas are
computed by the column, the counts by the triggers, so writers call nothing new.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020_catalog_search_families"
down_revision: str | None = "0019_provider_places"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("practice", "provider")
# How many vocabulary words the last word of a query may stand for, the commonest first.
COMPLETIONS = 20
# Words with fewer letters stand for themselves only (a prefix of one or two letters stands
# for half the vocabulary).
MIN_PREFIX = 3
# The shortest stem a misspelt word may share with its correction (CORRECTED_WORD).
STEM = 5

# Derivation families: lemmas as Hunspell gives them (a test checks that each is its own
# lemma, or a word the dictionary does not know), each line one family. Derivations of the
# social-policy vocabulary the catalogue is written in (a noun and its adjective, an agent
# noun, a verb and its noun), and places with their adjectives ("Kraków" and "Metropolia
# Krakowska"). Synonyms are not derivations and are not listed ("senior" is no form of
# "osoba starsza").
FAMILIES = """
wolontariat wolontariusz wolontariuszka wolontariacki
senior seniorka senioralny
bezdomność bezdomny bezdomna
samotność samotny samotna osamotnienie osamotniony
bezrobocie bezrobotny bezrobotna
niepełnosprawność niepełnosprawny niepełnosprawna
ubóstwo ubogi
bieda biedny
rodzina rodzinny
dziecko dzieci dziecięcy
opieka opiekun opiekunka opiekuńczy
pomoc pomocowy
przemoc przemocowy
uzależnienie uzależniony uzależnić
integracja integracyjny
reintegracja reintegracyjny
aktywizacja aktywizować aktywizacyjny
wykluczyć wykluczony
mieszkanie mieszkaniowy mieszkalnictwo
zatrudnić zatrudniony
praca pracownik pracowniczy
sąsiad sąsiedzki sąsiedztwo
współpraca współpracować
innowacja innowacyjny innowator
ewaluacja ewaluacyjny
diagnoza diagnozować diagnostyczny
rehabilitacja rehabilitacyjny
młodzież młodzieżowy młody
edukacja edukacyjny
zdrowie zdrowotny
kobieta kobiecy
instytucja instytucjonalny
świetlica świetlicowy
uchodźca uchodźczyni uchodźczy
migrant migrantka migracja migracyjny
alkohol alkoholizm alkoholowy alkoholik
narkotyk narkomania narkotykowy
zaniedbanie zaniedbać zaniedbywać
samorząd samorządowy
gmina gminny
powiat powiatowy
województwo wojewódzki
miasto miejski
region regionalny
metropolia metropolitalny
usługa usługowy
wsparcie wspierać
szkolić szkolenie szkoleniowy
kontrakt kontraktowy
kraków krakowski
wrocław wrocławski
warszawa warszawski
częstochowa częstochowski
konin koniński
sopot sopocki
bielsko bielski
śląsk śląski
małopolska małopolski
polska polski
włochy włoski
niemcy niemiecki
szkocja szkocki
belgia belgijski
europa europejski
dzierżoniów dzierżoniowski
sochaczew sochaczewski
szamotuły szamotulski
"""


def families() -> list[tuple[str, str]]:
    """(family, lemma) rows of FAMILIES: a family is named by its first lemma."""
    rows: list[tuple[str, str]] = []
    for line in FAMILIES.strip().splitlines():
        lemmas = line.split()
        rows += [(lemmas[0], lemma) for lemma in lemmas]
    return rows


FUNCTIONS = r"""
CREATE FUNCTION catalog.word_lemmas(word text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN coalesce(
        nullif(ts_lexize('catalog.polish_hunspell'::regdictionary, word), '{}'), ARRAY[word]
    );
COMMENT ON FUNCTION catalog.word_lemmas(text) IS
    'What catalog.pl indexes a lower-case word as: its Hunspell lemmas, else the word (also
     for a stop word, which then matches nothing: a query word always has a form).';

CREATE FUNCTION catalog.tsquery_any(lexemes text[]) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (
        SELECT string_agg(
            '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''', ' | '
            ORDER BY lexeme)::tsquery
        FROM unnest(lexemes) AS lexeme
    );
COMMENT ON FUNCTION catalog.tsquery_any(text[]) IS
    'A tsquery matching any of the lexemes, taken as they are (no parsing, no stemming).';

CREATE FUNCTION catalog.search_tsquery(template text, operands tsquery[]) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (
        SELECT string_agg(
            CASE WHEN part.match[1] ~ '^@[0-9]+$'
                THEN '(' || operands[substr(part.match[1], 2)::integer]::text || ')'
                ELSE part.match[1] END,
            '' ORDER BY part.position)::tsquery
        FROM regexp_matches(template, '@[0-9]+|[^@]+', 'g') WITH ORDINALITY
            AS part(match, position)
    );
COMMENT ON FUNCTION catalog.search_tsquery(text, tsquery[]) IS
    'A tsquery template (operators over slots @1, @2, ...) with each slot''s tsquery filled in.';
"""

# What a word of a query may stand for (see TEXT_QUERY for the roles): its lemmas, the lemmas
# of the vocabulary words written the same without diacritics, their derivation families
# (``free`` and ``last``) and the lemmas of the commonest words it begins (``last``). A
# set-returning SQL function with a plain body: PostgreSQL inlines it into the statement
# that calls it, which is planned (and cached) once.
WORD_FORMS = """
CREATE FUNCTION catalog.{table}_word_forms(word text, role text) RETURNS SETOF text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    WITH typed AS (
        SELECT lower(word) AS word, catalog.unaccent_lower(word) AS plain
    ), base AS (
        SELECT unnest(catalog.word_lemmas(typed.word)) AS lemma FROM typed
        UNION
        SELECT unnest(known.lemmas) FROM catalog.{table}_word AS known, typed
        WHERE known.plain = typed.plain AND known.documents > 0
    )
    SELECT lemma FROM base
    UNION
    SELECT member.lemma FROM base
    JOIN catalog.word_family AS own ON own.lemma = base.lemma
    JOIN catalog.word_family AS member ON member.family = own.family
    WHERE role IN ('free', 'last')
    UNION
    SELECT unnest(completion.lemmas) FROM (
        SELECT known.lemmas FROM catalog.{table}_word AS known, typed
        WHERE role = 'last' AND length(typed.plain) >= {min_prefix} AND known.documents > 0
            AND known.plain ~>=~ typed.plain AND known.plain ~<~ (typed.plain || chr(1114111))
        ORDER BY known.documents DESC, known.word
        LIMIT {completions}
    ) AS completion
$$;
"""

# A misspelt word's correction: the closest word of the published records (0009's order),
# or NULL. Candidates share trigrams with it within 0009's edit distances; a word the
# dictionary does not know may also be an unknown form of a vocabulary word, one sharing all
# but its last three letters (at least STEM letters): Polish inflects at the end, and a
# word typed without diacritics reaches the records only in the forms they write
# (``niepelnosprawnosc`` → ``niepełnosprawnych``, whose family holds ``niepełnosprawność``).
# A word the dictionary knows is corrected only at one edit and only to a word that some
# record of ``statuses`` holds together with ``context`` (the query's other words).
CORRECTED_WORD = """
CREATE FUNCTION catalog.{table}_corrected_word(word text, context tsquery, statuses text[])
RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET pg_trgm.similarity_threshold = 0.2
    SET enable_seqscan = off
    SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN (
        WITH typed AS MATERIALIZED (
            SELECT catalog.unaccent_lower(word) AS plain,
                ts_lexize('catalog.polish_hunspell'::regdictionary, lower(word)) IS NOT NULL
                    AS known_word
            WHERE catalog.unaccent_lower(word) ~ '^[a-z]{{3,{max_length}}}$'
        ), stem AS MATERIALIZED (
            SELECT left(typed.plain, greatest({stem}, length(typed.plain) - 3)) AS plain
            FROM typed WHERE NOT typed.known_word AND length(typed.plain) > {stem}
        )
        SELECT candidate.word FROM typed, (
            SELECT known.word, known.lemmas, known.plain, known.documents
            FROM catalog.{table}_word AS known, typed
            WHERE (NOT typed.known_word OR context IS NOT NULL)
                AND known.plain % typed.plain AND known.documents > 0
                AND levenshtein_less_equal(known.plain, typed.plain, 2)
                    <= CASE WHEN typed.known_word OR length(typed.plain) < 5 THEN 1 ELSE 2 END
            UNION
            SELECT known.word, known.lemmas, known.plain, known.documents
            FROM catalog.{table}_word AS known, stem
            WHERE known.documents > 0
                AND known.plain ~>=~ stem.plain AND known.plain ~<~ (stem.plain || chr(1114111))
            OFFSET 0
        ) AS candidate
        WHERE NOT typed.known_word OR catalog.{table}_text_found(
            statuses, context && catalog.tsquery_any(candidate.lemmas), NULL)
        ORDER BY levenshtein(candidate.plain, typed.plain),
            abs(length(candidate.plain) - length(typed.plain)),
            similarity(candidate.plain, typed.plain) DESC, candidate.documents DESC,
            candidate.word
        LIMIT 1
    );
END
$$;
"""

# The analysed query as the tsqueries a search matches and ranks with. ``words`` are the
# words of the query and ``roles`` what each is: ``free`` (its forms and family), ``last``
# (free, and the query's last word: also the words it begins), ``exact`` (inside quotes:
# its forms only) or ``excluded`` (after a minus: its forms only). The templates are tsquery
# expressions over slots, @n standing for the n-th word's forms (catalog/search_terms.py
# writes them): every term, most terms (NULL: no minimum below all), any term, and each
# term. Out:
# - the templates filled in, and each term's weight: its BM25 inverse document frequency,
#   ln(1 + (N - n + 0.5) / (n + 0.5)) for a term that n of N records hold (n: the most
#   records any vocabulary word of its rarest word's forms is in; N: the table's rows as
#   the planner counts them, or the commonest word's records before it has counted, at
#   least n), the weights summing to 1 (the share of a query a record holds, its rarer
#   words counting more); and its share n / N of the records (what the choice between a
#   term's GIN index and reading the table weighs, as BroadWords reads it from pg_stats);
# - ``title``: the query as corrected, unaccented, without its excluded words (the title
#   bonus compares it with the titles);
# - ``corrections``: for each word, the word it was corrected to, or NULL.
TEXT_QUERY = """
CREATE FUNCTION catalog.{table}_text_query(
    words text[], roles text[], statuses text[],
    all_template text, most_template text, any_template text, term_templates text[]
) RETURNS TABLE (
    match_all tsquery, match_most tsquery, match_any tsquery, term_queries tsquery[],
    term_weights float8[], term_shares float8[], title text, corrections text[]
)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    -- Its statements' plans hardly depend on the words: planned once per connection (a
    -- custom plan for each search cost ~3 ms, ten times the statements themselves).
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    operand tsquery[];
    held integer[];
    fixed text[] := array_fill(NULL::text, ARRAY[cardinality(words)]);
    context tsquery;
    corrected_forms text[];
    table_rows float8;
    n integer;
BEGIN
    -- Each word's forms, and how many published records hold the commonest of them.
    SELECT array_agg(catalog.tsquery_any(given.forms) ORDER BY given.position),
        array_agg(coalesce((
            SELECT max(known.documents) FROM catalog.{table}_word AS known
            WHERE known.lemmas && given.forms AND known.documents > 0
        ), 0) ORDER BY given.position)
    INTO operand, held
    FROM (
        SELECT typed.position, ARRAY(
            SELECT form FROM catalog.{table}_word_forms(typed.word, typed.role) AS form
        ) AS forms
        FROM unnest(words, roles) WITH ORDINALITY AS typed(word, role, position)
        OFFSET 0  -- (each word's forms once, not once per use)
    ) AS given;
    -- Records of other statuses than published (editors' lists) may hold words the
    -- published vocabulary lacks.
    IF statuses <> ARRAY['published'] THEN
        FOR n IN 1 .. cardinality(words) LOOP
            IF held[n] = 0 AND catalog.{table}_text_found(statuses, operand[n], NULL) THEN
                held[n] := 1;
            END IF;
        END LOOP;
    END IF;
    IF 0 = ANY (held) THEN
        -- The words held together, the context of a correction.
        FOR n IN 1 .. cardinality(words) LOOP
            IF held[n] > 0 AND roles[n] <> 'excluded' THEN
                context := CASE WHEN context IS NULL THEN operand[n]
                    ELSE context && operand[n] END;
            END IF;
        END LOOP;
        FOR n IN 1 .. cardinality(words) LOOP
            IF held[n] = 0 THEN
                -- (A word the query excludes is no context of itself: corrected only
                -- when the dictionary does not know it.)
                fixed[n] := catalog.{table}_corrected_word(words[n],
                    CASE WHEN roles[n] <> 'excluded' THEN context END, statuses);
                IF fixed[n] IS NOT NULL THEN
                    corrected_forms := ARRAY(
                        SELECT form FROM catalog.{table}_word_forms(fixed[n], roles[n]) AS form
                    );
                    operand[n] := catalog.tsquery_any(corrected_forms);
                    held[n] := coalesce((
                        SELECT max(known.documents) FROM catalog.{table}_word AS known
                        WHERE known.lemmas && corrected_forms AND known.documents > 0
                    ), 1);
                END IF;
            END IF;
        END LOOP;
    END IF;
    -- N: the table's rows as the planner counts them; before it has counted (a new table),
    -- the records of the commonest word, nearly all of them.
    SELECT CASE WHEN reltuples > 0 THEN reltuples ELSE (
        SELECT max(documents) FROM catalog.{table}_word
    ) END INTO table_rows
    FROM pg_catalog.pg_class WHERE oid = 'catalog.{table}'::regclass;
    table_rows := greatest(table_rows, 1);
    match_all := catalog.search_tsquery(all_template, operand);
    match_most := catalog.search_tsquery(most_template, operand);
    match_any := catalog.search_tsquery(any_template, operand);
    SELECT array_agg(term.query ORDER BY term.position),
        array_agg(term.weight ORDER BY term.position),
        array_agg(term.share ORDER BY term.position)
    INTO term_queries, term_weights, term_shares
    FROM (
        SELECT weighed.position, weighed.query, weighed.share,
            coalesce(weighed.weight / nullif(sum(weighed.weight) OVER (), 0), 0) AS weight
        FROM (
            SELECT given.position, catalog.search_tsquery(given.template, operand) AS query,
                ln(1 + (greatest(table_rows, frequency.holding) - frequency.holding + 0.5)
                    / (frequency.holding + 0.5)) AS weight,
                least(frequency.holding / table_rows, 1) AS share
            FROM unnest(term_templates) WITH ORDINALITY AS given(template, position)
            CROSS JOIN LATERAL (
                SELECT coalesce(min(held[slot.match[1]::integer]), 0) AS holding
                FROM regexp_matches(given.template, '@([0-9]+)', 'g') AS slot(match)
            ) AS frequency
        ) AS weighed
    ) AS term;
    title := catalog.unaccent_lower(array_to_string(ARRAY(
        SELECT coalesce(fixed[typed.position], typed.word)
        FROM unnest(words, roles) WITH ORDINALITY AS typed(word, role, position)
        WHERE typed.role <> 'excluded' ORDER BY typed.position
    ), ' '));
    corrections := fixed;
    RETURN NEXT;
END
$$;
"""

# The longest word the vocabulary holds (0009's MAX_LENGTH).
MAX_LENGTH = 40


def upgrade() -> None:
    op.execute(FUNCTIONS)
    op.execute(
        "CREATE TABLE catalog.word_family ("
        "family text NOT NULL, lemma text NOT NULL, "
        "CONSTRAINT pk_word_family PRIMARY KEY (lemma, family))"
    )
    rows = ", ".join(f"('{family}', '{lemma}')" for family, lemma in families())
    op.execute(f"INSERT INTO catalog.word_family (family, lemma) VALUES {rows}")
    op.execute("CREATE INDEX ix_word_family_family ON catalog.word_family (family)")
    for table in TABLES:
        op.execute(
            f"ALTER TABLE catalog.{table}_word ADD COLUMN lemmas text[] NOT NULL "
            "GENERATED ALWAYS AS (catalog.word_lemmas(word)) STORED"
        )
        # Without the fast-update list, as 0009's trigram index: searches read these far
        # more often than publications write them.
        op.execute(
            f"CREATE INDEX ix_{table}_word_lemmas ON catalog.{table}_word "
            "USING gin (lemmas) WITH (fastupdate = off) WHERE documents > 0"
        )
        # Byte order (text_pattern_ops, whatever the database's collation): the words a
        # prefix begins are one range of it.
        op.execute(
            f"CREATE INDEX ix_{table}_word_prefix ON catalog.{table}_word "
            "(plain text_pattern_ops) WHERE documents > 0"
        )
        values = {
            "table": table,
            "min_prefix": MIN_PREFIX,
            "completions": COMPLETIONS,
            "max_length": MAX_LENGTH,
            "stem": STEM,
        }
        op.execute(WORD_FORMS.format(**values))
        op.execute(CORRECTED_WORD.format(**values))
        op.execute(TEXT_QUERY.format(**values))


def downgrade() -> None:
    for table in TABLES:
        op.execute(
            f"DROP FUNCTION catalog.{table}_text_query"
            "(text[], text[], text[], text, text, text, text[])"
        )
        op.execute(f"DROP FUNCTION catalog.{table}_corrected_word(text, tsquery, text[])")
        op.execute(f"DROP FUNCTION catalog.{table}_word_forms(text, text)")
        op.execute(f"DROP INDEX catalog.ix_{table}_word_prefix")
        op.execute(f"DROP INDEX catalog.ix_{table}_word_lemmas")
        op.execute(f"ALTER TABLE catalog.{table}_word DROP COLUMN lemmas")
    op.execute("DROP TABLE catalog.word_family")
    op.execute("DROP FUNCTION catalog.search_tsquery(text, tsquery[])")
    op.execute("DROP FUNCTION catalog.tsquery_any(text[])")
    op.execute("DROP FUNCTION catalog.word_lemmas(text)")
