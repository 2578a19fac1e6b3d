"""Who a speaker phrase names: a person with a title, a known state or body, someone speaking for a
body, or the description the text uses; and every full name an article gives."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from . import aliases
from .lexicon import EN
from .textlayer import Tok, tokenize
from .speech_words import (
    INVERTIBLE,
    NAME_CONNECTORS,
    ORG_NOUNS,
    ORG_WORDS,
    OUTLET_NOUNS,
    OUTLET_WORDS,
    PERSON_NOUNS,
    SPEAKER_DETERMINERS,
    TITLE_WORDS,
)
from .phrases import (
    chunk_back,
    is_capitalised,
    is_possessive,
    name_word,
    noun_head,
    NP,
    singular_of,
    split_person,
    words,
)


def _is_outlet(name: str) -> bool:
    low = aliases.fold(name)
    words = set(low.split())
    return bool(words & OUTLET_WORDS) and not (words & {"minister", "ministry"})


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the name to show, its kind and role, and whether it is an outlet."""

    name: str
    kind: str  # person | organisation | state | other
    role: Optional[str] = None
    affiliation: Optional[str] = None
    outlet: bool = False
    written: str = ""  # the words in the text
    head: str = ""  # the head noun, singular ("ministry")


def affiliation_of(role: Optional[str]) -> Optional[str]:
    """The state or organisation a role names at its start ("NATO Secretary General" -> NATO)."""
    if not role:
        return None
    words = role.replace("’s", "").replace("'s", "").split()
    for n in range(min(5, len(words)), 0, -1):
        cand = " ".join(words[:n])
        row = aliases.lookup(cand) or aliases.demonym_row(cand)
        if row:
            return row[0]
    return None


#: Nouns for someone who speaks for a body: the words are the body's ("a spokesperson for X said").
SPOKES_NOUNS = EN.spokes_nouns
#: words between an owner and the one who speaks for it ("Roe's legal team", "the firm's chief spokesman")
SPOKES_MODIFIERS = EN.words("spokes_modifiers")


def _speaks_for(toks: Sequence[Tok], text: str) -> Optional[Speaker]:
    """'A spokesperson for the Port Authority', 'Ministry of Transport spokesman', 'lawyers for X': the
    body, with the unnamed speaker as its role. None when the phrase names a person or no body."""
    lows = [t.low for t in toks]
    for i, low in enumerate(lows):
        if low not in SPOKES_NOUNS:
            continue
        after = toks[i + 1 :]
        if after and after[0].low in ("for", "of") and len(after) > 1:
            body = [t for t in after[1:] if t.low not in SPEAKER_DETERMINERS]
            if body and is_capitalised(body[0]) and not split_person(body, text)[0]:
                name = text[body[0].start : body[-1].end]
                return Speaker(name, "organisation", text[toks[0].start : toks[i].end], None, _is_outlet(name), name,
                               singular_of(body[-1].low))
        m = i
        while m > 1 and toks[m - 1].text.islower() and toks[m - 1].low in SPOKES_MODIFIERS:
            m -= 1  # "Jane Roe's legal team", "the ministry's chief spokesman"
        if i == len(toks) - 1 and m > 0 and all(is_capitalised(t) or t.low in NAME_CONNECTORS for t in toks[:m]) \
                and is_capitalised(toks[0]) and (m == i or is_possessive(toks[m - 1])):
            i = m
            name = text[toks[0].start : toks[i - 1].end]
            if is_possessive(toks[i - 1]):
                # "Jane Roe's lawyer", "the ministry's spokesman": the owner, without the possessive
                name = re.sub(r"(?:[’']s|(?<=s)[’'])$", "", name)
                owner = tokenize(name, 0, len(name))
                kind = "person" if split_person(owner, name)[0] and not aliases.lookup(name) else "organisation"
                return Speaker(name, kind, toks[i].text, None, _is_outlet(name), name, singular_of(owner[-1].low))
            if not split_person(toks[:i], text)[0] or aliases.lookup(name):
                return Speaker(name, "organisation", toks[i].text, None, _is_outlet(name), name, singular_of(toks[i - 1].low))
    return None


def describe(np: NP, text: str) -> Speaker:
    """Turn a speaker phrase into a Speaker: a person with a title, a known state or organisation,
    or the description the text uses ("senior Tovian official")."""
    np_role = text[np.role[0] : np.role[1]] if np.role else None
    toks = list(np.toks)
    if toks and toks[0].low in SPEAKER_DETERMINERS:
        toks = toks[1:]
    if not toks:
        return Speaker(text[np.start : np.end], "other")
    written = text[toks[0].start : toks[-1].end]
    head = singular_of(toks[-1].low.rstrip("’'"))
    body = _speaks_for(toks, text)
    if body is not None:
        return body
    if all(is_capitalised(t) for t in toks) and aliases.fold(toks[-1].text) in OUTLET_WORDS and _is_outlet(written):
        # "Harbour Weekly", "the Valley Ledger": an outlet's name, not a person's
        return Speaker(written, "organisation", np_role, None, True, written, head)
    name, role, _span = split_person(toks, text)
    if name and role and _group_of(role):
        # "Residents of Vell", "Supporters of Ana Roe": a group described by whom it belongs to, not that one
        return Speaker(written, "other", np_role, None, False, written, singular_of(toks[0].low))
    if name:
        role = np_role or role
        return Speaker(name, "person", role, affiliation_of(role), False, written, singular_of(name.split()[-1]))
    # a parenthetical abbreviation names the same body: "the North Atlantic Treaty Organization (NATO)"
    plain = [t for t in toks if t.text not in "()"]
    paren = re.search(r"\(([^()]+)\)\s*$", written)
    if paren and aliases.lookup(paren.group(1)):
        row = aliases.lookup(paren.group(1))
        return Speaker(row[0], row[1], np_role, None, _is_outlet(row[0]), written, head)
    for k in range(len(plain)):
        cand = text[plain[k].start : plain[-1].end]
        row = aliases.lookup(cand)
        if row and not any(noun_head(t.low) and not is_capitalised(t) for t in plain[:k]):
            prefix = text[plain[0].start : plain[k - 1].end] if k else None
            aff = affiliation_of(prefix) if prefix else None
            return Speaker(row[0], row[1], np_role, aff, _is_outlet(row[0]), written, head)
    outlet = _is_outlet(written) or head in OUTLET_NOUNS
    if all(is_capitalised(t) or t.text in "()" for t in plain) and not any(noun_head(t.low) for t in plain if not is_capitalised(t)):
        kind = "organisation" if outlet or any(t.low in ORG_WORDS or t.text.isupper() for t in plain) else "person"
        return Speaker(written, kind, np_role, None, outlet, written, head)
    if head in PERSON_NOUNS:
        plural = toks[-1].low not in PERSON_NOUNS  # "officials", "experts": a group, not one person
        kind = "other" if plural else "person"
    elif head in ORG_NOUNS:
        kind = "organisation"
    else:
        kind = "other"
    return Speaker(written, kind, np_role, affiliation_of(written), outlet, written, head)


def _group_of(role: str) -> bool:
    """Whether a role before a name is a group's ("Residents of", "Supporters of"): a plural noun that is no
    title, then "of"; "Minister of" and "Friends of the Earth" style names aside."""
    parts = role.split()
    if len(parts) != 2 or parts[1].lower() != "of":
        return False
    w = parts[0].lower()
    return singular_of(w) != w and w not in EN.titles and singular_of(w) not in EN.titles


@dataclass
class People:
    """Every person the article names in full, with the titles it gives them, in order of mention."""

    mentions: list[tuple[int, str]] = field(default_factory=list)  # (position, full name)
    roles: dict[str, str] = field(default_factory=dict)
    #: (sentence start, sentence end, subject start, Speaker): the named subject of each sentence, for a
    #: pronoun or a lone quotation that follows it ("X left the talks. “...,” she said.")
    subjects: list[tuple[int, int, int, "Speaker"]] = field(default_factory=list)

    def subject_before(self, pos: int, want: str = "any") -> Optional[tuple[int, "Speaker"]]:
        """The named subject of the sentence just before the one at ``pos``, or of its own sentence when
        that comes first ("X scolded him: “...,” she said."), if it is of the kind wanted."""
        prev = [x for x in self.subjects if x[1] <= pos or x[2] < pos]
        if not prev:
            return None
        _sa, _sb, at, sp = prev[-1]
        if want == "person" and sp.kind != "person" or want == "thing" and sp.kind not in ("organisation", "state"):
            return None
        return at, sp

    def full(self, name: str, pos: int) -> str:
        """The fullest form of a name: "Reyes" is "Ana Reyes", "Han" is "Han Seo Jun".

        A surname alone matches the last word of a full name, and a Korean or Chinese family name the
        first. When several people share it, the one mentioned last before ``pos`` wins.
        """
        words = name.split()
        best: Optional[tuple[int, int, str]] = None
        for p, full in self.mentions:
            fw = full.split()
            if len(fw) <= len(words):
                continue
            if fw[-len(words):] == words or fw[: len(words)] == words:
                rank = (0 if p <= pos else 1, -p if p <= pos else p)
                if best is None or rank < best[:2]:
                    best = (*rank, full)
        return best[2] if best else name


def find_people(text: str, paras: Sequence[tuple[int, int]]) -> People:
    """Full names (two words or more) and their titles, from every capitalised run in the text."""
    people = People()
    for a, b in paras:
        toks = tokenize(text, a, b)
        j = len(toks) - 1
        while j >= 0:
            if name_word(toks[j]) and (j + 1 == len(toks) or not name_word(toks[j + 1])):
                span = chunk_back(toks, j)
                if span:
                    name, role, nspan = split_person(toks[span[0] : j + 1], text)
                    first = name.split()[0] if name else ""
                    if name and nspan and first.lower() in INVERTIBLE and not text[max(a, nspan[0] - 2) : nspan[0]].strip(" “\"‘'"):
                        # "Said Jane Roe: ..." opening a sentence: the cue is no part of the name
                        rest = re.match(r"\S+\s+", text[nspan[0] : nspan[1]])
                        name = name[len(first):].strip()
                        nspan = (nspan[0] + rest.end(), nspan[1]) if rest else None
                    if name and len(name.split()) >= 2 and nspan:
                        people.mentions.append((nspan[0], name))
                        if role and name not in people.roles and any(w.lower() in TITLE_WORDS for w in role.split()):
                            people.roles[name] = role
                    j = span[0] - 1
                    continue
            j -= 1
    people.mentions.sort()
    # an appositive role: "Han Seo Jun, director general of the Department of Trade, said"
    for p, name in people.mentions:
        if name in people.roles:
            continue
        m = re.compile(re.escape(name) + r",\s+((?:the\s+)?[a-z](?:[^,.;“”\"]|\.(?=\S)){3,120}?),").match(text, p)
        if m and any(w.lower().strip(",") in TITLE_WORDS for w in m.group(1).split()):
            people.roles[name] = m.group(1)
    return people
