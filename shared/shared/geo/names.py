"""Normalised street and locality names: one key for the register and for ingest alike.

A case system writes ``ul. Gen. Władysława Andersa``, ``Andersa``, ``gen. Andersa`` or
``ANDERSA W.``; the GUS ULIC register keeps the street as ``CECHA`` ``ul.``, ``NAZWA_1``
``Andersa`` and ``NAZWA_2`` ``gen. Władysława``. :func:`normalize_street` reduces any spelling to
a key, and :func:`street_variants` lists the keys under which a register street is found.

The rules are deterministic and only remove what never tells two streets apart:

1. lower case, Polish diacritics removed (``ł`` → ``l``), punctuation and hyphens → spaces;
2. one leading street feature removed (``ul.``, ``ulica``, ``al.``, ``aleja``, ``aleje``,
   ``pl.``, ``plac``, ``os.``, ``osiedle``, ``rondo``, ``skwer``, ``bulw.``, ``bulwar``,
   ``wyb.``, ``wybrzeże``, ``park``, ``ogród``) unless it is the whole name (``Rynek``,
   ``Plac``);
3. titles and ranks removed wherever they stand (``gen.``, ``generała``, ``ks.``, ``księdza``,
   ``kard.``, ``abp``, ``bp``, ``marsz.``, ``marszałka``, ``prof.``, ``dr``, ``im.``,
   ``imienia``, ``płk``, ``ppłk``, ``mjr``, ``kpt.``, ``por.``, ``ppor.``, ``hm.``, ``inż.``,
   ``bł.``…); ``św.``, ``świętego``, ``świętej``, ``świętych`` all become ``sw``;
4. one-letter tokens (initials such as ``W.``) removed, unless nothing else is left.

Nothing is guessed: a key that matches two streets of one locality resolves to neither.
"""

from __future__ import annotations

import re
import unicodedata

STREET_FEATURES = frozenset(
    {
        "ul",
        "ulica",
        "al",
        "aleja",
        "aleje",
        "pl",
        "plac",
        "os",
        "osiedle",
        "rondo",
        "skwer",
        "bulw",
        "bulwar",
        "wyb",
        "wybrzeze",
        "park",
        "ogrod",
    }
)
TITLES = frozenset(
    {
        "gen",
        "general",
        "generala",
        "ks",
        "ksiedza",
        "kard",
        "kardynala",
        "abp",
        "arcybiskupa",
        "bp",
        "biskupa",
        "marsz",
        "marszalka",
        "prof",
        "profesora",
        "dr",
        "doktora",
        "im",
        "imienia",
        "plk",
        "pplk",
        "pulkownika",
        "mjr",
        "majora",
        "kpt",
        "kapitana",
        "por",
        "ppor",
        "porucznika",
        "hm",
        "harcmistrza",
        "inz",
        "inzyniera",
        "bl",
        "blogoslawionego",
        "blogoslawionej",
    }
)
SAINT = frozenset({"sw", "swietego", "swietej", "swietych"})
_SEPARATORS = re.compile(r"[\s.,;:!?'\"„”“«»()\[\]/\\_-]+")


def fold(value: str) -> str:
    """Lower case without Polish diacritics, single spaces (``Łódź`` → ``lodz``)."""
    text = value.strip().lower().replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.split())


def _tokens(value: str) -> list[str]:
    return [token for token in _SEPARATORS.split(fold(value)) if token]


def normalize_street(value: str) -> str:
    """The lookup key of a street name (see the module docstring for the rules)."""
    tokens = _tokens(value)
    if len(tokens) > 1 and tokens[0] in STREET_FEATURES:
        tokens = tokens[1:]
    kept = ["sw" if token in SAINT else token for token in tokens if token not in TITLES]
    words = [token for token in kept if len(token) > 1 or token.isdigit()]
    return " ".join(words or kept or tokens)


def normalize_locality(value: str) -> str:
    """The lookup key of a locality name: folded, punctuation and hyphens as spaces."""
    return " ".join(_tokens(value))


def street_variants(name_1: str, name_2: str | None = None) -> list[str]:
    """The keys under which a ULIC street (``NAZWA_1``, ``NAZWA_2``) is found: the main part
    alone (``andersa``), with the given names before it (``wladyslawa andersa``) and after it
    (``andersa wladyslawa``). Sorted, without repeats."""
    keys = {normalize_street(name_1)}
    if name_2 and name_2.strip():
        keys.add(normalize_street(f"{name_2} {name_1}"))
        keys.add(normalize_street(f"{name_1} {name_2}"))
    return sorted(key for key in keys if key)


def full_street_name(feature: str | None, name_1: str, name_2: str | None = None) -> str:
    """The street as written on a sign: ``ul. gen. Władysława Andersa``."""
    return " ".join(part.strip() for part in (feature, name_2, name_1) if part and part.strip())
