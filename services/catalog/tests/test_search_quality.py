"""Search quality (issue 17, item 2): the judged queries of ``search_judgements.json`` on the
seed catalogue, scored by precision@1 and recall@5; and the parts the search is made of, the
query analysis (``catalog.search_terms``) and the vocabulary (migration 0020).

precision@1 of a query is 1 when its first result is one of the records judged best
(``first``), else 0; recall@5 is the share of its relevant records (at most five of them
count) among its first five results. The totals are the means over the queries.

The public list (``catalog/read/search.py``, through the API) must meet the thresholds; the
judged records must exist in the seed.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from catalog import search_terms
from catalog.read import search
from catalog.schemas import SearchParams
from catalog.search_terms import EXACT, EXCLUDED, FREE, LAST, analyse, minimum_should_match
from catalog.seed import seed_catalog
from shared.db.raw import compile_sql
from shared.reference import data_dir
from shared.testing.plugin import raw_database

JUDGEMENTS = Path(__file__).with_name("search_judgements.json")
# The thresholds, from the new search's figures on the judged queries (bench/catalog/README.md,
# Search quality), a little below them.
MIN_PRECISION_AT_1 = 0.9
MIN_RECALL_AT_5 = 0.95


@dataclass(frozen=True, slots=True)
class Judgement:
    """A judged query: the records a person would want first, and every relevant one."""

    q: str
    collection: str
    first: tuple[str, ...]
    relevant: tuple[str, ...]
    kinds: tuple[str, ...]
    issue: bool
    note: str


def judgements() -> list[Judgement]:
    """The judged queries, in the order of the file."""
    document = json.loads(JUDGEMENTS.read_text("utf-8"))
    return [
        Judgement(
            q=entry["q"],
            collection=entry["collection"],
            first=tuple(entry["first"]),
            relevant=tuple(entry["relevant"]),
            kinds=tuple(entry["kinds"]),
            issue=bool(entry.get("issue")),
            note=entry["note"],
        )
        for entry in document["queries"]
    ]


def precision_at_1(judgement: Judgement, found: Sequence[str]) -> float:
    return 1.0 if found and found[0] in judgement.first else 0.0


def recall_at_5(judgement: Judgement, found: Sequence[str]) -> float:
    relevant = set(judgement.relevant)
    return len(relevant & set(found[:5])) / min(len(relevant), 5)


@dataclass(frozen=True, slots=True)
class Quality:
    """Scores of a search over the judged queries: the means, and each query's results."""

    precision_at_1: float
    recall_at_5: float
    results: tuple[tuple[Judgement, tuple[str, ...]], ...]

    def missed(self) -> list[tuple[Judgement, tuple[str, ...]]]:
        """The queries not perfectly answered."""
        return [
            (judgement, found)
            for judgement, found in self.results
            if precision_at_1(judgement, found) < 1 or recall_at_5(judgement, found) < 1
        ]

    def issue_failures(self) -> list[str]:
        """Issue 17's failing queries that still find no relevant record in the first five."""
        return [
            judgement.q
            for judgement, found in self.results
            if judgement.issue and not set(judgement.relevant) & set(found[:5])
        ]

    def by_kind(self) -> dict[str, tuple[int, float, float]]:
        """Per kind of query: how many, precision@1 and recall@5."""
        kinds: dict[str, list[tuple[float, float]]] = {}
        for judgement, found in self.results:
            for kind in judgement.kinds:
                scores = (precision_at_1(judgement, found), recall_at_5(judgement, found))
                kinds.setdefault(kind, []).append(scores)
        return {
            kind: (len(s), sum(p for p, _ in s) / len(s), sum(r for _, r in s) / len(s))
            for kind, s in sorted(kinds.items())
        }

    def report(self) -> str:
        lines = [
            f"precision@1 {self.precision_at_1:.3f}, recall@5 {self.recall_at_5:.3f} "
            f"over {len(self.results)} queries"
        ]
        for kind, (count, p1, r5) in self.by_kind().items():
            lines.append(f"  {kind:<12} {count:>3} queries  p@1 {p1:.2f}  r@5 {r5:.2f}")
        for judgement, found in self.missed():
            p1, r5 = precision_at_1(judgement, found), recall_at_5(judgement, found)
            lines.append(
                f"  {judgement.collection[:4]} {judgement.q!r}: p@1 {p1:.0f} r@5 {r5:.2f} "
                f"found {list(found[:5])}"
            )
        return "\n".join(lines)


def quality(results: Sequence[tuple[Judgement, Sequence[str]]]) -> Quality:
    """The scores of the results of every judged query."""
    p1 = [precision_at_1(judgement, found) for judgement, found in results]
    r5 = [recall_at_5(judgement, found) for judgement, found in results]
    return Quality(
        precision_at_1=sum(p1) / len(p1),
        recall_at_5=sum(r5) / len(r5),
        results=tuple((judgement, tuple(found)) for judgement, found in results),
    )


@pytest.fixture
async def seeded(db_session: AsyncSession) -> None:
    """The seed catalogue (data/practices, catalog/seed.py), published, in the test's session."""
    report = await seed_catalog(db_session, data_dir=data_dir())
    assert report.practices_created
    assert report.providers_created


# --- the judged queries --------------------------------------------------------------------


def test_the_judgements_are_well_formed() -> None:
    found = judgements()
    assert len(found) >= 40
    assert len({(j.q, j.collection) for j in found}) == len(found)
    for judgement in found:
        assert judgement.collection in ("practices", "providers"), judgement.q
        assert judgement.first, judgement.q
        assert set(judgement.first) <= set(judgement.relevant), judgement.q


Search = Callable[[Judgement], Awaitable[list[str]]]


async def assert_finds_the_judged_records(search: Search) -> None:
    """Every judged query through ``search`` (the slugs of its first results): the issue's
    failing queries find a relevant record in their first five, and the totals meet the
    thresholds."""
    scores = quality([(judgement, await search(judgement)) for judgement in judgements()])
    assert scores.issue_failures() == [], scores.report()
    assert scores.precision_at_1 >= MIN_PRECISION_AT_1, scores.report()
    assert scores.recall_at_5 >= MIN_RECALL_AT_5, scores.report()


@pytest.mark.usefixtures("seeded")
async def test_the_judged_records_are_in_the_seed(db_session: AsyncSession) -> None:
    slugs = {
        collection: set((await db_session.scalars(text(f"SELECT slug FROM {table}"))).all())
        for collection, table in (
            ("practices", "catalog.practice"),
            ("providers", "catalog.provider"),
        )
    }
    for judgement in judgements():
        assert set(judgement.relevant) <= slugs[judgement.collection], judgement.q


@pytest.mark.usefixtures("seeded")
async def test_the_public_search_finds_the_judged_records(client: httpx.AsyncClient) -> None:

    async def search(judgement: Judgement) -> list[str]:
        collection = judgement.collection
        response = await client.get(f"/v1/{collection}", params={"q": judgement.q, "limit": 5})
        assert response.status_code == 200, response.text
        return [item["slug"] for item in response.json()[collection]]

    await assert_finds_the_judged_records(search)


@pytest.mark.usefixtures("seeded")
async def test_the_public_search_says_what_it_corrected(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/practices", params={"q": "kooperacja plis"})).json()
    assert body["correctedQuery"] == "kooperacja plus"
    assert body["practices"][0]["slug"] == "bielsko-biala-kooperacja-plus-mapa"


async def _practices(
    db_session: AsyncSession, *, both: int, one: int, prefix: str = "terapia"
) -> None:
    """Published practices (slugs ``<prefix>-<n>``): ``both`` hold "hipoterapia" and
    "dogoterapia", ``one`` only the first."""
    await db_session.execute(
        text(
            "INSERT INTO catalog.practice (slug, status, title, summary, problem_addressed, "
            "evidence_level, lifecycle_status, published_at) "
            "SELECT CAST(:prefix AS text) || '-' || n, 'published', 'Hipoterapia' || CASE WHEN n <= CAST(:both AS integer) "
            "THEN ' i dogoterapia' ELSE '' END, 'Zajęcia.', 'Potrzeba.', 'anecdotal', 'idea', "
            "now() FROM generate_series(1, CAST(:both AS integer) + CAST(:one AS integer)) AS n"
        ),
        {"both": both, "one": one, "prefix": prefix},
    )


async def _window(db_session: AsyncSession, q: str) -> tuple[list[str], int, bool]:
    """The public search's page of 200 by relevance: slugs, total, whether it is exact."""
    reader = await raw_database(db_session, role="socmap_catalog")
    found = await search.search(
        reader, kind="practice", params=SearchParams(q=q), limit=200, offset=0
    )
    return [item["slug"] for item in found.items], found.total, found.exact


async def test_most_terms_are_a_fallback_below_all_terms(db_session: AsyncSession) -> None:
    await _practices(db_session, both=3, one=7)
    slugs, matched, exact = await _window(db_session, "hipoterapia dogoterapia")
    # Every record holding one of the two words, those holding both first.
    assert (matched, exact) == (10, True)
    assert {int(slug.split("-")[1]) for slug in slugs[:3]} == {1, 2, 3}
    # When enough records hold every word, they are the answer.
    await db_session.execute(text("DELETE FROM catalog.practice WHERE slug LIKE 'terapia-%'"))
    await _practices(db_session, both=search_terms.FALLBACK_WINDOW, one=7)
    slugs, matched, exact = await _window(db_session, "hipoterapia dogoterapia")
    assert (matched, exact) == (search_terms.FALLBACK_WINDOW, True)
    # (A query of one word has no fallback: its one term is all of them.)
    assert (await _window(db_session, "dogoterapia"))[1] == search_terms.FALLBACK_WINDOW


async def test_the_public_list_adds_partial_matches_below_full_ones(
    client: httpx.AsyncClient, db_session: AsyncSession, keys: Any
) -> None:
    await _practices(db_session, both=3, one=7)
    params = {"q": "hipoterapia dogoterapia", "limit": 20}
    body = (await client.get("/v1/practices", params=params)).json()
    assert (body["numberMatched"], body["numberMatchedRelation"]) == (10, "eq")
    titles = [practice["title"] for practice in body["practices"]]
    assert titles[:3] == ["Hipoterapia i dogoterapia"] * 3
    scores = [practice["score"] for practice in body["practices"]]
    assert min(scores[:3]) > search_terms.TIER > max(scores[3:])
    # By date, the same records.
    by_date = (await client.get("/v1/practices", params={**params, "sort": "date"})).json()
    assert by_date["numberMatched"] == 10
    # Many partial matches: the public list takes FALLBACK_WINDOW of them, a lower bound; the
    # exact lists (here the moderation queue) every one.
    await _practices(db_session, both=0, one=search_terms.FALLBACK_WINDOW + 20, prefix="more")
    body = (await client.get("/v1/practices", params=params)).json()
    assert body["numberMatched"] == 3 + search_terms.FALLBACK_WINDOW
    assert body["numberMatchedRelation"] == "gte"
    exact = await client.get(
        "/v1/manage/practices",
        params={**params, "status": "published"},
        headers=keys.national,
    )
    assert exact.status_code == 200, exact.text
    assert exact.json()["numberMatched"] == 3 + 7 + search_terms.FALLBACK_WINDOW + 20
    assert exact.json()["numberMatchedRelation"] == "eq"
    # Ordered by date, the public list pages past its window through every match.
    last = (
        await client.get(
            "/v1/practices", params={**params, "sort": "date", "offset": 120, "limit": 20}
        )
    ).json()
    assert last["numberReturned"] == 10


@pytest.mark.usefixtures("seeded")
async def test_the_fragments_for_every_match_agree_with_the_window(
    db_session: AsyncSession,
) -> None:
    # The orders that page past the window (date, title) match with ANY_PART: the same
    # records as the relevance window, fallback included.
    reader = await raw_database(db_session, role="socmap_catalog")
    every = compile_sql(
        f"WITH {search_terms.TEXT_QUERY_CTE['practice']}, first_part AS ("
        f"SELECT r.id FROM catalog.practice AS r WHERE {search_terms.ALL_TERMS}) "
        "SELECT count(*) AS matched, "
        f"{search_terms.ALL_TERMS_BROAD} AS broad FROM catalog.practice AS r "
        "WHERE r.status = ANY (:statuses::text[]) AND "
        + search_terms.ANY_PART.format(first_part="first_part")
    )
    for q in ("osoby starsze samotne", "bezdomność", "kooperacja plis"):
        query = analyse(q)
        assert query is not None
        params = {**query.parameters(["published"]), "broad_least": 0.5}
        row = (await reader.fetch(every.sql, *every.arguments(params)))[0]
        assert row["matched"] == (await _window(db_session, q))[1], q
        assert row["broad"] is False, q  # no word of these is in half the records


# --- the query analysis --------------------------------------------------------------------


def _words(q: str) -> list[tuple[str, str]]:
    query = analyse(q)
    assert query is not None
    return [(word.text, word.role) for word in query.words]


def test_words_and_their_roles() -> None:
    assert _words("Osoby starsze samotne") == [
        ("osoby", FREE),
        ("starsze", FREE),
        ("samotne", LAST),
    ]
    # A space after the last word: it is typed in full.
    assert _words("senior ") == [("senior", FREE)]
    assert _words('"kooperacja plus" -diagnoza') == [
        ("kooperacja", EXACT),
        ("plus", EXACT),
        ("diagnoza", EXCLUDED),
    ]
    # Stop words count for nothing outside quotes, unless nothing else is left.
    assert _words("pomoc dla osób w kryzysie") == [
        ("pomoc", FREE),
        ("osób", FREE),
        ("kryzysie", LAST),
    ]
    assert _words('"dom w lesie"') == [("dom", EXACT), ("w", EXACT), ("lesie", EXACT)]
    assert _words("w") == [("w", LAST)]
    # A decimal number is one word, as the text parser reads it.
    assert _words("inkubator 2.0") == [("inkubator", FREE), ("2.0", LAST)]
    assert analyse("  ") is None
    assert analyse("\N{EN DASH}, ;") is None


def test_terms_and_templates() -> None:
    query = analyse("osoby starsze samotne")
    assert query is not None
    assert query.terms == ("@1", "@2", "@3")
    assert query.match_all == "(@1 & @2 & @3)"
    assert query.match_most == "(@1 & @2) | (@1 & @3) | (@2 & @3)"
    assert query.match_any == "@1 | @2 | @3"
    # A hyphenated word is a phrase of its parts, as the parser indexes it ("Bielsko-Biała":
    # bielsko-biała, bielsko, biała), so that its other cases match too.
    place = analyse("MOPS w Bielsku-Białej")
    assert place is not None
    assert place.terms == ("@1", "(@2 <-> @3)")
    assert place.match_most == "@1 | (@2 <-> @3)"
    excluding = analyse('usługi -"dom pomocy" -bezdomnym')
    assert excluding is not None
    assert excluding.match_all == "(@1) & !(@2 <-> @3) & !@4"
    assert excluding.match_most is None
    either = analyse("wolontariat or wolontariusze seniorzy")
    assert either is not None
    assert either.terms == ("(@1 | @2)", "@3")
    only_excluded = analyse("-senior")
    assert only_excluded is not None
    assert (only_excluded.terms, only_excluded.match_all) == ((), "!@1")


def test_minimum_should_match() -> None:
    assert [minimum_should_match(n) for n in range(1, 11)] == [1, 1, 2, 2, 3, 4, 5, 6, 7, 8]


def test_long_queries_are_bounded() -> None:
    query = analyse(" ".join(f"słowo{n}" for n in range(40)))
    assert query is not None
    assert len(query.terms) == search_terms.MAX_TERMS
    assert len(query.words) == search_terms.MAX_TERMS
    most = query.match_most
    assert most is not None
    assert most.count("|") == 44  # 45 ways to miss two of ten
    long_word = analyse("x" * 300)
    assert long_word is not None
    assert len(long_word.words[0].text) == search_terms.MAX_WORD_LENGTH


def test_corrected_text_keeps_what_was_typed() -> None:
    query = analyse('"Kooperajca" Plis -diagnoza')
    assert query is not None
    assert query.corrected(["kooperacja", "plus", None]) == '"Kooperacja" Plus -diagnoza'
    assert query.corrected([None, None, None]) is None
    assert query.corrected(None) is None


# --- the vocabulary (migration 0020) ----------------------------------------------------------


async def _forms(
    db_session: AsyncSession, word: str, role: str, table: str = "practice"
) -> set[str]:
    rows = await db_session.scalars(
        text(f"SELECT form FROM catalog.{table}_word_forms(:word, :role) AS form"),
        {"word": word, "role": role},
    )
    return set(rows.all())


async def _text_query(
    db_session: AsyncSession, q: str, statuses: Sequence[str] = ("published",)
) -> Any:
    query = analyse(q)
    assert query is not None
    statement = text(
        "SELECT * FROM catalog.practice_text_query("
        ":words, :roles, :statuses, :match_all, :match_most, :match_any, :terms)"
    )
    return (await db_session.execute(statement, query.parameters(statuses))).one()


async def test_the_family_list_holds_lemmas(db_session: AsyncSession) -> None:
    # Each listed word is what the index holds for it: one of its own Hunspell lemmas, or a
    # word the dictionary does not know.
    strays = await db_session.scalars(
        text(
            "SELECT lemma FROM catalog.word_family "
            "WHERE NOT lemma = ANY (catalog.word_lemmas(lemma))"
        )
    )
    assert strays.all() == []


@pytest.mark.usefixtures("seeded")
async def test_word_forms(db_session: AsyncSession) -> None:
    # Derivations join (a free word), its own forms only when quoted.
    assert {"wolontariat", "wolontariusz"} <= await _forms(db_session, "wolontariat", FREE)
    assert "wolontariusz" not in await _forms(db_session, "wolontariat", EXACT)
    assert {"kraków", "krakowski"} <= await _forms(db_session, "Kraków", FREE)
    # Diacritics missing or added at the end: the forms of the words written so.
    assert "bezdomność" in await _forms(db_session, "bezdomnośc", FREE)
    assert "opiekuńczy" in await _forms(db_session, "opiekuńczę", EXACT)
    # The last word also stands for the commonest words it begins, from three letters.
    assert "senior" in await _forms(db_session, "senio", LAST)
    assert "senior" not in await _forms(db_session, "senio", FREE)
    assert await _forms(db_session, "se", LAST) == {"se"}
    # Each collection completes from its own vocabulary.
    assert "mops" in await _forms(db_session, "mop", LAST, "provider")


@pytest.mark.usefixtures("seeded")
async def test_corrections(db_session: AsyncSession) -> None:
    # A word no record holds and the dictionary does not know: the closest published word.
    assert (await _text_query(db_session, "Kooperajca")).corrections == ["kooperacja"]
    # A word the dictionary knows ("plis": a pleat): only beside words it is found with.
    corrected = await _text_query(db_session, "kooperacja plis")
    assert corrected.corrections == [None, "plus"]
    assert str(corrected.match_all) == "'kooperacja' & 'plus'"
    assert (await _text_query(db_session, "ruchome")).corrections == [None]
    # Words held in some form are never corrected.
    held = await _text_query(db_session, "bezdomnosc seniorow")
    assert held.corrections == [None, None]
    # The rarer term weighs more; weights sum to 1, shares are those of the records.
    weights, shares = held.term_weights, held.term_shares
    assert sum(weights) == pytest.approx(1)
    assert all(0 < share <= 1 for share in shares)
    assert (weights[0] < weights[1]) == (shares[0] > shares[1])
    # Drafts: a word only a draft holds is no typo for an editor who lists drafts.
    await db_session.execute(
        text(
            "UPDATE catalog.practice SET status = 'draft' WHERE slug = 'northamptonshire-breeze-e'"
        )
    )
    assert (await _text_query(db_session, "northamptonshire", ["draft"])).corrections == [None]


@pytest.mark.usefixtures("seeded")
async def test_the_vocabulary_lemmas_follow_the_words(db_session: AsyncSession) -> None:
    # Every word of the vocabulary carries what tsv_pl indexes it as.
    rows = await db_session.execute(
        text(
            "SELECT word, lemmas FROM catalog.practice_word "
            "WHERE word IN ('wolontariuszy', 'bielsku-białej', '2007')"
        )
    )
    assert dict(rows.all()) == {
        "wolontariuszy": ["wolontariusz"],
        "bielsku-białej": ["bielsku-białej"],
        "2007": ["2007"],
    }
