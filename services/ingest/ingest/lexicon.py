"""Lemmas of Polish words, for category labels pushed in an inflected form ("ubóstwa",
"przemocy domowej"): ``ref.lemmas`` (the Hunspell dictionary), cached for the life of the
process. The dictionary costs about a second on each connection's first call, and the words of
category labels are few and repeat, so a word is fetched once per process."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ingest.validation import Lemmatise

# words → their lemmas (None for a word the dictionary does not know)
Fetch = Callable[[list[str]], Mapping[str, Sequence[str] | None]]
_NEGATION = "nie"


def lemma_set(word: str, lemmas: Sequence[str] | None) -> frozenset[str]:
    """The lemmas to compare ``word`` by: the word itself when the dictionary does not know it;
    a negated word keeps its negation (Hunspell reads "niepełne" as "pełny", which would make
    "rodziny pełne" a single-parent family)."""
    if lemmas is None:
        return frozenset((word,))
    if word.startswith(_NEGATION):
        negated = [lemma for lemma in lemmas if lemma.startswith(_NEGATION)]
        lemmas = negated or [_NEGATION + lemma for lemma in lemmas]
    return frozenset(lemmas)


class Lexicon:
    """A per-process cache of lemmas in front of a fetch from the database."""

    def __init__(self, max_words: int = 20_000) -> None:
        self.max_words = max_words
        self._lemmas: dict[str, frozenset[str]] = {}

    def lemmatiser(self, fetch: Fetch) -> Lemmatise:
        """A lemmatiser that fetches only the words this process has not seen yet."""

        def lemmatise(words: Sequence[str]) -> dict[str, frozenset[str]]:
            known: dict[str, frozenset[str]] = {}
            missing: list[str] = []
            for word in words:
                cached = self._lemmas.get(word)
                if cached is None:
                    missing.append(word)
                else:
                    known[word] = cached
            if missing:
                fetched = fetch(missing)
                if len(self._lemmas) + len(missing) > self.max_words:
                    self._lemmas.clear()  # unusual labels by the thousand: start afresh
                for word in missing:
                    known[word] = self._lemmas[word] = lemma_set(word, fetched.get(word))
            return known

        return lemmatise


LEXICON = Lexicon()
