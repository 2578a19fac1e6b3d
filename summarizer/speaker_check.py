"""Does the article credit these words to the claimed speaker, to someone else, or to no one it names?

The verifier's speaker check: it asks the attribution engine whom the text credits with a span, and
compares that with every written form of the claimed speaker's names. It flags only a credit definite
enough to name someone else; a description no name resolved leaves the speaker unconfirmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from . import aliases
from .attribution import Document
from .lexicon import EN
from .phrases import singular_of


def _name_forms(names: Iterable[str]) -> list[str]:
    return list(_name_forms_of(tuple(names)))


@lru_cache(maxsize=4096)
def _name_forms_of(names: tuple[str, ...]) -> tuple[str, ...]:
    """Every written form of the claimed names; one claim's speaker is asked about again and again."""
    forms: set[str] = set()
    for name in names:
        if not name or not name.strip():
            continue
        name = name.strip()
        for f in aliases.all_forms(name):
            forms.add(f)
        words = [w for w in re.split(r"\s+", name) if w]
        if len(words) >= 2 and words[-1][:1].isupper() and name == aliases.all_forms(name)[0] and not aliases.lookup(name):
            forms.add(words[-1])  # surname alone
    return tuple(sorted(forms, key=len, reverse=True))



@dataclass
class SpeakerCheck:
    """``found`` True: the text credits the claimed speaker; False with ``credited_to``: someone else;
    False without it: the text credits nobody we can name (narration, a headline, no cue)."""

    found: Optional[bool]
    credited_to: Optional[str] = None


def check_speaker(text: str, start: int, end: int, speaker_names: Sequence[str],
                  document: Optional[Document] = None) -> SpeakerCheck:
    """Does the text credit [start, end) to one of ``speaker_names``? And if not, to whom?

    A spokesperson's words count for the body they speak for, and a relaying outlet's for either:
    the person, the role's body and the relay are all names the claimed speaker may match.
    """
    forms = _name_forms(speaker_names)
    if not forms:
        return SpeakerCheck(None)
    doc = document if document is not None else Document(text)
    att = doc.attribute(start, end)
    sp = att.speaker
    if sp is None:
        return SpeakerCheck(False)
    names = [sp.name, sp.written, sp.affiliation, *(o.name for o in att.also)]
    if any(n and _matches_any(n, forms) for n in names):
        return SpeakerCheck(True)
    role = aliases.fold(sp.role or "")
    if role and any(re.search(rf"(?<!\w){re.escape(aliases.fold(f))}(?!\w)", role) for f in forms if len(f) > 2):
        return SpeakerCheck(True)  # "Jane Roe, a spokeswoman for the Port Authority": the Authority's words too
    if not _accusable(sp) or _may_be_the_body(sp.name, speaker_names):
        return SpeakerCheck(False)
    return SpeakerCheck(False, sp.name)


def _accusable(credited) -> bool:
    """Whether the text's credit is definite enough to name someone else. A gerund opening a sentence
    ("Eliminating waste, the council said ..."), a description that no name resolved ("the company",
    "lawmakers", "young woman who": it may or may not be the claimed speaker) and a name cut at an
    initial ("Robert C") name nobody in particular: the speaker is then unconfirmed, not accused."""
    name = credited.name.strip()
    if len(name.split()) == 1 and name.endswith("ing"):
        return False
    if name.lower() in EN.stop_words:
        return False  # "Those close to him say": no one named
    if name.lower().startswith("the "):
        return False  # "the Serbian": a description that no name resolved
    if not any(ch.isupper() for ch in name):
        return False  # "the company", "lawmakers", "34-year-old": a description no name resolved; cannot tell
    return not re.search(r"\s[A-Z]\.?$", name)


_COMPANY_NOUNS = EN.words("company_nouns")


def _may_be_the_body(credited: str, speaker_names: Sequence[str]) -> bool:
    """"The US-based research firm said" and the claim names a company: a company description no name
    resolved ("firm" is a company noun, its capitals only modifiers) may be that very company, so the
    speaker cannot be told; a claimed person is still someone else than a firm."""
    head = credited.split()[-1] if credited.split() else ""
    if not (head.isalpha() and head.islower() and singular_of(head) in _COMPANY_NOUNS):
        return False
    return any(n and any(w.lower() in EN.org_words for w in n.split()) or len((n or "").split()) == 1
               for n in speaker_names)


def _matches_any(name: str, forms: Sequence[str]) -> bool:
    return _matches(name, tuple(forms))


@lru_cache(maxsize=65536)
def _matches(name: str, forms: tuple[str, ...]) -> bool:
    """One credited name against one claim's name forms: asked again for every quote of that speaker."""
    fn = aliases.fold(re.sub(r"\s*\([^)]*\)?\s*$", "", name))  # "Jane Roe (D-Ore.)", "Jane Roe (D-Ore"
    for f in forms:
        ff = aliases.fold(f)
        if fn == ff or fn.endswith(" " + ff) or ff.endswith(" " + fn) or fn.startswith(ff + " "):
            return True
        if " " in fn and f" {fn} " in f" {ff} ":
            return True  # the claim's "a Port Authority report released last year", the text's "Port Authority report"
        # a lone family name that leads the full name, as in Korean and Chinese names ("Han" for "Han Seo Jun")
        if " " not in fn and ff.startswith(fn + " ") and len(fn) > 2:
            return True
    return False
