"""States and international bodies, from a documented table kept as data.

People are never listed: their names are unified by rules in the merge. States and international
bodies are different: nothing in the string "Ottawa" says it is a state, so a table is the honest
tool. The table (``world/states_and_bodies.tsv``) is knowledge of the world, not of any story: official
and short names, abbreviations, capitals and demonyms. A user extends it by adding rows.

Abbreviations match only as written in capitals ("US", "U.S."), never the ordinary word ("us"); one of
four letters or more also matches in the house style that writes it as a word ("Nato").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

Row = tuple[str, str, tuple[str, ...]]  # (display name, kind, other names)


def _read_table() -> tuple[list[Row], dict[str, tuple[str, ...]]]:
    text = resources.files("summarizer").joinpath("world", "states_and_bodies.tsv").read_text(encoding="utf-8")
    rows: list[Row] = []
    demonyms: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + ["", "", ""])[:4]
        name, kind, others, adjectives = (c.strip() for c in cells)
        rows.append((name, kind, tuple(x.strip() for x in others.split(";") if x.strip())))
        if adjectives.strip():
            demonyms[name] = tuple(x.strip() for x in adjectives.split(";") if x.strip())
    return rows, demonyms


ALIAS_TABLE, DEMONYMS = _read_table()


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Compare names without case, dots, apostrophe styles, possessives, hyphens or a leading 'the'."""
    s = name.replace("’", "'").replace("‘", "'").strip()
    s = re.sub(r"'s\b", "", s)
    s = s.replace(".", "").replace("-", " ")
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    return " ".join(s.lower().split())


def _is_abbreviation(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return 1 < len(letters) <= 6 and letters.isupper() and " " not in name.strip()


@lru_cache(maxsize=None)
def _index() -> tuple[dict[str, int], dict[str, int]]:
    """(folded full names, abbreviations as written without dots) -> row."""
    names: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    for i, (name, _kind, others) in enumerate(ALIAS_TABLE):
        for n in (name, *others):
            if _is_abbreviation(n):
                abbreviations[re.sub(r"[^A-Za-z0-9]", "", n)] = i
            else:
                names[fold(n)] = i
    return names, abbreviations


@lru_cache(maxsize=200_000)
def lookup(name: str) -> Row | None:
    """The table row for a name, if the name is one of its forms."""
    names, abbreviations = _index()
    i = names.get(fold(name))
    if i is None:
        bare = re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", name.strip(), flags=re.I))
        key = re.sub(r"[^A-Za-z0-9]", "", bare)
        if _is_abbreviation(bare):
            i = abbreviations.get(key)
        elif len(key) >= 4 and key[0].isupper() and key[1:].islower():  # "Nato", "Asean": house styles
            i = abbreviations.get(key.upper())
    return ALIAS_TABLE[i] if i is not None else None


@lru_cache(maxsize=None)
def _demonyms() -> tuple[dict[str, str], dict[str, str]]:
    """(demonym as written, lower-cased demonym) -> the state's display name; the first state wins."""
    exact: dict[str, str] = {}
    for state, forms in DEMONYMS.items():
        for d in forms:
            exact.setdefault(d, state)
    return exact, {d.lower(): s for d, s in reversed(list(exact.items()))}


def demonym_row(word: str, any_case: bool = False) -> Row | None:
    """The table row of the state a demonym stands for ("Belmarkian" -> Belmark), if ``word`` is one."""
    exact, lower = _demonyms()
    state = lower.get(word.lower()) if any_case else exact.get(word)
    return lookup(state) if state else None


def all_forms(name: str) -> list[str]:
    """Every name the text may use for this entity (table forms and demonyms); just the name if unknown."""
    row = lookup(name)
    if row is None:
        return [name]
    display, _kind, others = row
    return [display, *others, *DEMONYMS.get(display, ())]
