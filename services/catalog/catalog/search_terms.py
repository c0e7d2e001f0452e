"""What a text query asks for: its words, what each may stand for, and how many must match.

The catalogue's search (issue 17) finds a record that holds most of a query's words, ranked
below those that hold all of them; joins each word's inflected forms (Hunspell), its forms
typed with or without diacritics and its derivation family (``wolontariat`` and
``wolontariusze``); lets the last word stand for the words it begins (search as you type); and
corrects words that no record holds. Here the query's syntax is read (pure functions); the
vocabulary of the published records answers in the database what each word stands for
(migration 0020, ``catalog.{practice,provider}_text_query``).

The syntax is the one ``websearch_to_tsquery`` reads, which the search took before: words;
``"a phrase"`` (its words adjacent, in their own forms only); ``-word`` and ``-"a phrase"``
exclude; ``or`` between two terms takes either. A hyphenated word (``Bielsko-Biała``) is a
phrase of its parts, as the text parser indexes it, so ``Bielska-Białej`` finds the same
records. Polish function words (STOP_WORDS) count for nothing outside quotes.

The analysis gives templates: tsquery expressions over slots ``@1``, ``@2``… (the n-th word's
forms, filled in by the database). A search matches in two parts, one after the other: every
term (ALL_TERMS), then, when few records hold them all, at least ``minimum_should_match`` of
them (MOST_TERMS), ranked below (TIER); see ``bench/catalog/README.md`` (Search quality) for
how well it finds.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# What a word of the query is (migration 0020): ``free`` stands for its forms and family,
# ``last`` also for the words it begins, ``exact`` (quoted) and ``excluded`` (after a minus)
# for their forms only.
FREE, LAST, EXACT, EXCLUDED = "free", "last", "exact", "excluded"

# Prepositions, conjunctions and particles: they carry no subject, and the index holds them
# (the Polish stop list of the text search configuration is empty), so a required "w" or
# "dla" would only make a query stricter.
STOP_WORDS = frozenset((
    "a", "aby", "albo", "ale", "ani", "aż", "az", "bo", "by", "czy", "dla", "do", "i", "iż",
    "iz", "jak", "jako", "jednak", "ku", "lub", "na", "nad", "o", "od", "oraz", "po", "pod",
    "przed", "przez", "przy", "się", "sie", "tak", "to", "u", "w", "we", "z", "za", "ze", "że",
    "zaś", "zas",
))  # fmt: skip
# Terms beyond these are left out: the part of a search that needs most of the terms writes
# one alternative for each combination of the terms it may miss (45 for ten terms).
MAX_TERMS = 10
# Longer queries are cut to these many words (the public parameter allows 200 characters).
MAX_WORDS = 24
# No record holds a longer word (the vocabulary keeps words of up to 40 letters, 0009): one
# is cut, and matches nothing, as it would whole.
MAX_WORD_LENGTH = 40
# Rank of a record holding every term, above any holding fewer: a part's rank is ts_rank
# (at most ~1.1 for a query of alternatives, 1 for one of required terms) plus at most
# TITLE_BONUS (0.3, the title's closeness), so the full matches always come first.
TIER = 2.0

# A word: letters and digits, a decimal number as one word (the parser keeps "2.0"), and
# words joined by hyphens (one compound).
_PART = r"[^\W_]+(?:[.,][0-9]+)*"
_TOKEN = re.compile(
    rf'(?P<minus>(?<![^\s(])-)?(?:"(?P<quoted>[^"]*)"?|(?P<word>{_PART}(?:-{_PART})*))'
)
_PARTS = re.compile(_PART)


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the query as typed (``text``, lower case) and where it stands in it."""

    text: str
    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TextQuery:
    """A query read: its words, and the terms they make as templates over word slots."""

    text: str
    words: tuple[Word, ...]
    # A term: one word, a phrase of words, or alternatives (``a or b``).
    terms: tuple[str, ...]
    # What the query excludes, each a template.
    excluded: tuple[str, ...]

    @property
    def need(self) -> int:
        """How many terms a record must hold at least."""
        return minimum_should_match(len(self.terms))

    @property
    def match_all(self) -> str:
        """Every term, nothing excluded."""
        return _without(_all_of(self.terms), self.excluded)

    @property
    def match_most(self) -> str | None:
        """At least ``need`` terms (NULL when that is every term)."""
        if self.need >= len(self.terms):
            return None
        alternatives = [_all_of(combination) for combination in _combinations(self)]
        return _without(" | ".join(alternatives), self.excluded)

    @property
    def match_any(self) -> str:
        """Any term (what ranks the records that hold most terms)."""
        return _without(" | ".join(self.terms), self.excluded)

    def parameters(self, statuses: Sequence[str]) -> dict[str, Any]:
        """The parameters of TEXT_QUERY_CTE, for records of ``statuses``."""
        return {
            "words": [word.text for word in self.words],
            "roles": [word.role for word in self.words],
            "statuses": list(statuses),
            "match_all": self.match_all,
            "match_most": self.match_most,
            "match_any": self.match_any,
            "terms": list(self.terms),
            "need": self.need,
        }

    def corrected(self, corrections: Sequence[str | None] | None) -> str | None:
        """The query with its corrected words replaced (capitalised as typed), or None when
        no word was corrected."""
        if not corrections or all(correction is None for correction in corrections):
            return None
        text = self.text
        pairs = sorted(zip(self.words, corrections, strict=True), key=lambda pair: -pair[0].start)
        for word, correction in pairs:
            if correction is None:
                continue
            typed = text[word.start : word.end]
            if typed[:1].isupper():
                correction = correction[:1].upper() + correction[1:]
            text = text[: word.start] + correction + text[word.end :]
        return text


def minimum_should_match(terms: int) -> int:
    """How many of a query's terms a record must hold: all of one, one of two, then all but
    a third, at most two missing (2 of 3, 2 of 4, 3 of 5, 4 of 6, 8 of 10): enough that a
    long query still says what it is about, few enough that one word nobody wrote does not
    empty it."""
    return terms - min(terms // 2, 2)


def analyse(text: str) -> TextQuery | None:
    """Read a query; None when it holds no word."""
    words: list[Word] = []
    terms: list[tuple[str, list[int]]] = []  # (template, indexes of the words) per term
    excluded: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(text):
        quoted, compound = match.group("quoted"), match.group("word")
        exclude = match.group("minus") is not None
        if compound is not None and compound.lower() == "or" and not exclude:
            pending_or = bool(terms)
            continue
        source = quoted if quoted is not None else compound
        offset = match.start("quoted") if quoted is not None else match.start("word")
        role = EXCLUDED if exclude else EXACT if quoted is not None else FREE
        first = len(words)
        for part in _PARTS.finditer(source):
            if len(words) == MAX_WORDS:
                break
            start = offset + part.start()
            typed = part.group()
            words.append(Word(typed[:MAX_WORD_LENGTH].lower(), role, start, start + len(typed)))
        slots = list(range(first, len(words)))
        if not slots:
            continue
        template = _phrase(slots)
        if exclude:
            excluded.append(template)
        elif pending_or:
            previous, previous_slots = terms.pop()
            terms.append((f"({previous} | {template})", previous_slots + slots))
        else:
            terms.append((template, slots))
        pending_or = False
    if not words:
        return None
    terms = _without_stop_words(words, terms)[:MAX_TERMS]
    kept = sorted({slot for _, slots in terms for slot in slots} | _slots(excluded))
    return _renumbered(text, words, [template for template, _ in terms], excluded, kept)


def _without_stop_words(
    words: list[Word], terms: list[tuple[str, list[int]]]
) -> list[tuple[str, list[int]]]:
    """The terms without single free words that are stop words (all of them when nothing
    else is left)."""
    meaningful = [
        (template, slots)
        for template, slots in terms
        if not (len(slots) == 1 and words[slots[0]].role == FREE)
        or words[slots[0]].text not in STOP_WORDS
    ]
    return meaningful or terms


def _renumbered(
    text: str, words: list[Word], terms: list[str], excluded: list[str], kept: list[int]
) -> TextQuery:
    """The query with only the words its terms use, numbered from @1. The query's last word,
    free and with nothing after it (not even a space), is being typed: it stands for the
    words it begins too."""
    number = {slot: index + 1 for index, slot in enumerate(kept)}

    def renumber(template: str) -> str:
        return re.sub(r"@(\d+)", lambda match: f"@{number[int(match.group(1))]}", template)

    chosen = [words[slot] for slot in kept]
    last = words[-1]
    if kept and kept[-1] == len(words) - 1 and last.role == FREE and last.end == len(text):
        chosen[-1] = Word(last.text, LAST, last.start, last.end)
    return TextQuery(
        text=text,
        words=tuple(chosen),
        terms=tuple(renumber(template) for template in terms),
        excluded=tuple(renumber(template) for template in excluded),
    )


def _slots(templates: Sequence[str]) -> set[int]:
    return {int(slot) for template in templates for slot in re.findall(r"@(\d+)", template)}


def _phrase(slots: Sequence[int]) -> str:
    """Template of adjacent words (a slot is the word's index until renumbered)."""
    if len(slots) == 1:
        return f"@{slots[0]}"
    return "(" + " <-> ".join(f"@{slot}" for slot in slots) + ")"


def _all_of(terms: Sequence[str]) -> str:
    return " & ".join(terms) if len(terms) < 2 else "(" + " & ".join(terms) + ")"


def _combinations(query: TextQuery) -> list[tuple[str, ...]]:
    return list(itertools.combinations(query.terms, query.need))


def _without(template: str, excluded: Sequence[str]) -> str:
    """``template`` and none of ``excluded``."""
    exclusions = " & ".join(f"!{term}" for term in excluded)
    if not template:
        return exclusions
    if not exclusions:
        return template
    return f"({template}) & {exclusions}"


# --- SQL ------------------------------------------------------------------------------------
#
# In the read side's conventions (catalog/read/search.py): the searched table is ``r``,
# parameters carry their types, and the analysed query is a CTE named ``query`` whose values
# are read as scalar subqueries, computed once per statement (under a generic plan an
# expression of the parameters would be computed for every row) and opaque to the planner,
# which then reaches for the GIN index of tsv_pl as it does today.
#
# ``query`` holds one row: the tsqueries (match_all, match_most, match_any, term_queries),
# the terms' weights (term_weights, inverse document frequencies summing to 1) and shares of
# the records (term_shares, from the vocabulary's counts), the text of the title bonus (title)
# and the corrections of the words (corrections, aligned with ``words``; see
# TextQuery.corrected). Parameters: those of TextQuery.parameters.
TEXT_QUERY_CTE = {
    kind: (
        f"query AS MATERIALIZED (SELECT * FROM catalog.{kind}_text_query(:words::text[], "
        ":roles::text[], :statuses::text[], :match_all::text, :match_most::text, "
        ":match_any::text, :terms::text[]))"
    )
    for kind in ("practice", "provider")
}
# The text the title bonus compares with ``r.name_norm`` (today's unaccented :q), and the
# corrections (text[]: TextQuery.corrected makes the corrected query of them).
Q_TITLE = "(SELECT query.title FROM query)"
CORRECTIONS = "(SELECT query.corrections FROM query)"

# The two parts of a search, in order (a record of the second is one the first lacks), each
# a condition and a rank. Only ``tsv_pl`` is read: the forms typed without diacritics are
# among each word's forms, so ``tsv_plain`` no longer matches. A record holding every term
# ranks by ts_rank (as before) above TIER; one holding most of them by the share of the query
# it holds, each term weighing its inverse document frequency (rarer words count more), then
# by half its ts_rank: below 1.6 with the title bonus, below TIER.
ALL_TERMS = "(r.tsv_pl @@ (SELECT query.match_all FROM query))"
ALL_TERMS_RANK = f"({TIER}::float8 + ts_rank(r.tsv_pl, (SELECT query.match_all FROM query)))"
MOST_TERMS = "(r.tsv_pl @@ (SELECT query.match_most FROM query))"
# (Each term's test is written out, MAX_TERMS of them, each reading its term and weight once
# per statement: a term the query lacks is NULL and adds 0. A subquery over the arrays cost
# ~5 µs a row, more than the rest of the rank.)
MOST_TERMS_RANK = (
    "(("
    + " + ".join(
        f"CASE WHEN r.tsv_pl @@ (SELECT query.term_queries[{n}] FROM query) "
        f"THEN (SELECT query.term_weights[{n}] FROM query) ELSE 0 END"
        for n in range(1, MAX_TERMS + 1)
    )
    + ") + 0.5::float8 * ts_rank(r.tsv_pl, (SELECT query.match_any FROM query)))"
)

# The second part is a fallback: it runs when fewer than FALLBACK_WINDOW records hold every
# term (``FALLBACK_NEEDED``, over the first part's CTE), and adds at most as many records that
# hold most of them. A query whose words many records hold together needs no more (their
# matches rank above any fallback), and the second part costs a search of its own: on 50 000
# synthetic practices, filling the window with it cost a third more database time than
# today's search, this +9-20 % (bench/catalog/README.md). With FALLBACK_WINDOW fallback records
# the total is a lower bound (``exact`` false), as with a full window.
FALLBACK_WINDOW = 100
FALLBACK_NEEDED = "((SELECT count(*) FROM {first_part}) < " + str(FALLBACK_WINDOW) + ")"
# Every match, for the orders that page past the window (date, title, distance): every term,
# or most of them when the fallback is needed.
ANY_PART = (
    "(r.tsv_pl @@ (SELECT CASE WHEN " + FALLBACK_NEEDED + " THEN coalesce(query.match_most, "
    "query.match_all) ELSE query.match_all END FROM query))"
)

# Whether the first part is cheaper read from the table in its own order than from the GIN
# index (the rule of today's BroadWords, with the shares of the terms themselves rather than
# pg_stats' lemmas): the product of the terms' shares times the least of them, at least
# :broad_least (BroadWords' window * row cost / (table rows * index entry cost)).
ALL_TERMS_BROAD = (
    "(SELECT coalesce(exp(sum(ln(greatest(share, 1e-9)))) * min(share), 0) "
    ">= :broad_least::float8 FROM query, unnest(query.term_shares) AS share)"
)
# The same for the second part (a fallback of at most FALLBACK_WINDOW records): the records
# holding ``need`` terms are at least the share of the ``need`` commonest terms together, and
# the GIN index reads the lists of all of them; at least :broad_most_least.
MOST_TERMS_BROAD = (
    "(SELECT coalesce((SELECT exp(sum(ln(greatest(most.share, 1e-9)))) FROM ("
    "SELECT share FROM unnest(query.term_shares) AS share ORDER BY share DESC "
    "LIMIT :need::integer) AS most) * (SELECT sum(share) FROM unnest(query.term_shares) AS "
    "share), 0) >= :broad_most_least::float8 FROM query)"
)
# The title's closeness to the query (at most 1), weighted by TITLE_BONUS in the score.
TITLE_CLOSENESS = f"word_similarity({Q_TITLE}, r.name_norm)"
TITLE_BONUS = 0.3
