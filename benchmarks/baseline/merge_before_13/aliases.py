"""A small, documented alias table for states and well-known organisations.

People are never listed here: their names are unified by rules (see ``names``). States and big
organisations are different: nothing in the string "Pyongyang" says it is North Korea, so a table is
the honest tool. Each row is one entity; the first name is the one shown. Capitals and seats of
government are included because news writes "Pyongyang denied" for the state speaking.
"""

from __future__ import annotations

import re
from functools import lru_cache

ALIAS_TABLE: list[tuple[str, str, tuple[str, ...]]] = [
    # (display name, kind, other names)
    ("North Korea", "state", ("DPRK", "Democratic People's Republic of Korea", "Pyongyang", "North Korean government", "N. Korea")),
    ("South Korea", "state", ("Republic of Korea", "ROK", "Seoul", "S. Korea")),
    ("United States", "state", ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "Washington", "White House", "US government")),
    ("Russia", "state", ("Russian Federation", "Moscow", "Kremlin")),
    ("China", "state", ("People's Republic of China", "PRC", "Beijing")),
    ("Ukraine", "state", ("Kyiv", "Kiev")),
    ("Japan", "state", ("Tokyo",)),
    ("Iran", "state", ("Tehran",)),
    ("United Kingdom", "state", ("UK", "U.K.", "Britain", "Great Britain", "London", "Downing Street")),
    ("NATO", "organisation", ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "the Alliance", "Alliance")),
    ("United Nations", "organisation", ("UN", "U.N.")),
    ("UN Security Council", "organisation", ("United Nations Security Council", "Security Council", "UNSC")),
    ("European Union", "organisation", ("EU", "E.U.")),
    ("Korean Central News Agency", "organisation", ("KCNA",)),
    ("Wagner Group", "organisation", ("Wagner", "Wagner group", "Wagner PMC")),
    ("Yonhap News Agency", "organisation", ("Yonhap",)),
    ("Agence France-Presse", "organisation", ("AFP",)),
]

#: Adjectival forms that identify the state when they head a speaker ("a North Korean official").
DEMONYMS = {
    "North Korea": ("North Korean",),
    "South Korea": ("South Korean",),
    "United States": ("American",),
    "Russia": ("Russian",),
    "China": ("Chinese",),
    "Ukraine": ("Ukrainian",),
    "Japan": ("Japanese",),
}


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Compare names without case, dots, apostrophe styles, possessives, hyphens or a leading 'the'."""
    s = name.replace("’", "'").replace("‘", "'").strip()
    s = re.sub(r"'s\b", "", s)
    s = s.replace(".", "").replace("-", " ")
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    return " ".join(s.lower().split())


@lru_cache(maxsize=None)
def _index() -> dict[str, int]:
    out: dict[str, int] = {}
    for i, (name, _kind, others) in enumerate(ALIAS_TABLE):
        for n in (name, *others):
            out[fold(n)] = i
    return out


@lru_cache(maxsize=200_000)
def lookup(name: str) -> tuple[str, str, tuple[str, ...]] | None:
    """The table row for a name, if the name is one of its forms."""
    i = _index().get(fold(name))
    return ALIAS_TABLE[i] if i is not None else None


def all_forms(name: str) -> list[str]:
    """Every name the text may use for this entity (table forms and demonyms); just the name if unknown."""
    row = lookup(name)
    if row is None:
        return [name]
    display, _kind, others = row
    return [display, *others, *DEMONYMS.get(display, ())]
