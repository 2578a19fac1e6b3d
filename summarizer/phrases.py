"""Tokens and noun phrases: the subject of a speech verb before or after it, a sentence's subject, and
whether a phrase ends in a person's name. Pure functions over ``textlayer`` tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from . import aliases
from .lexicon import EN
from .textlayer import MARK_CHARS as _MARK_CHARS, Tok
from .speech_words import (
    ALIAS_WORDS,
    LEADING_ADVERBIALS,
    MODIFIERS,
    MONTH_NAMES,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    NOT_NAMES,
    NOUN_DETERMINERS,
    ORG_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    SPEAKER_DETERMINERS,
    SPEECH_ADVERBS,
    SPEECH_VERBS,
    STATEMENT_ADJECTIVES,
    TIME_WORDS,
    TITLE_WORDS,
    WEEKDAY_NAMES,
)


# =============================================================================================
# Tokens and noun phrases.
# =============================================================================================


def is_possessive(t: Tok) -> bool:
    return t.is_word and bool(re.search(r"[’']s$|s[’']$", t.text))


_MODIFIER_ENDS = EN.words("modifier_suffixes")


def _modifier_end(word: str) -> bool:
    end = word.rsplit("-", 1)[1]
    return end.islower() and (end.endswith("ed") or end in _MODIFIER_ENDS)


def speech_noun(toks: Sequence[Tok], k: int) -> bool:
    """A speech word used as a noun: "Roe's remarks", "his latest claims", "one of the states suing" (and "the United States" is no verb)."""
    d = k - 1
    while d >= 1 and toks[d].low in STATEMENT_ADJECTIVES:
        d -= 1
    return d >= 0 and (is_possessive(toks[d]) or toks[d].low in NOUN_DETERMINERS)


def speaks_in(seg: Sequence[Tok]) -> bool:
    """Whether an aside holds a speech verb of its own ("X, who said ..., said"), nouns apart."""
    return any(x.low in SPEECH_VERBS and x.text.islower() and not speech_noun(seg, k) for k, x in enumerate(seg))


def is_capitalised(t: Tok) -> bool:
    """A capitalised word that may be (part of) a name."""
    if not t.is_word or not t.text[:1].isupper():
        return False
    if "-" in t.text and _modifier_end(t.text):
        return False  # "US-based", "Delhi-headquartered": a modifier, not a name (but "Kim Seo-yun" is one)
    bare = re.sub(r"[’']s?$", "", t.text)
    return t.text not in NOT_NAMES and bare not in WEEKDAY_NAMES and bare not in MONTH_NAMES


def _np_word(t: Tok) -> bool:
    low = t.low.rstrip("’'")
    if t.is_word and "-" in t.text and _modifier_end(t.text) and t.text[:1].isupper():
        return True  # "the Leeds-based short seller"
    return is_capitalised(t) or is_possessive(t) or noun_head(low) or low in MODIFIERS


def singular_of(w: str) -> str:
    w = w.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def noun_head(low: str) -> bool:
    s = singular_of(low)
    return low in PERSON_NOUNS or low in ORG_NOUNS or s in PERSON_NOUNS or s in ORG_NOUNS


@dataclass(frozen=True)
class NP:
    """A speaker phrase found in the text."""

    start: int
    end: int
    toks: tuple[Tok, ...]
    pronoun: bool = False
    role: Optional[tuple[int, int]] = None  # where an appositive role lies ("director general of ...")
    definite: bool = False  # began with "the"

    @property
    def head(self) -> str:
        return self.toks[-1].low if self.toks else ""


def chunk_back(toks: Sequence[Tok], j: int) -> Optional[tuple[int, int]]:
    """Token indices [i, j] of the noun phrase that ends at token ``j``, or None.

    The phrase is capitalised words, possessives ("Ottawa's"), speaker nouns ("official",
    "ministry"), modifiers ("senior", "state-run"), connectors between names ("Secretary of State"),
    a parenthetical abbreviation ("(NATO)") and a leading determiner.
    """
    if j < 0:
        return None
    head = toks[j]
    if head.text == ")":
        o = next((k for k in range(j - 1, max(-1, j - 6), -1) if toks[k].text == "("), None)
        if o is None or o == 0 or not _np_word(toks[o - 1]):
            return None
        span = chunk_back(toks, o - 1)
        return (span[0], j) if span else None
    if not (is_capitalised(head) or noun_head(head.low)):
        return None
    i = k = j
    while k - 1 >= 0:
        t = toks[k - 1]
        if t.text == ")":
            o = next((x for x in range(k - 2, max(-1, k - 8), -1) if toks[x].text == "("), None)
            if o is not None and o > 0 and _np_word(toks[o - 1]):
                i = k = o
                continue
            break
        if t.is_word and _np_word(t):
            i = k = k - 1
            continue
        if t.low in NAME_CONNECTORS and k - 2 >= 0 and (is_capitalised(toks[k]) or toks[k].low == "the") and _np_word(toks[k - 2]):
            i = k = k - 1
            continue
        if t.low == "the" and k - 2 >= 0 and toks[k - 2].low in ("of", "for", "at"):
            i = k = k - 1
            continue
        if t.low in SPEAKER_DETERMINERS:
            i = k - 1
        elif (compound := _noun_compound(toks, k - 1)) is not None:
            i = compound  # "the port authority", "the union's general secretary"
        break
    while i < j and toks[i].low in NAME_CONNECTORS:
        i += 1
    return i, j


def _noun_compound(toks: Sequence[Tok], k: int) -> Optional[int]:
    """Where a determiner opens a run of one or two lower-case nouns ending at token ``k`` ("the port
    authority"): the determiner's index, or None. Verbs, adverbs and function words never qualify."""
    for n in (1, 2):
        d = k - n
        if d < 0 or toks[d].low not in SPEAKER_DETERMINERS:
            continue
        run = toks[d + 1 : k + 1]
        if all(x.kind == "word" and x.text.islower() and x.low not in SPEECH_ADVERBS and x.low not in SPEECH_VERBS
               and x.low not in NAME_CONNECTORS and not x.low.endswith(("ly", "ed", "ing")) and len(x.low) > 2 for x in run):
            return d
    return None


def chunk_forward(toks: Sequence[Tok], i: int) -> Optional[tuple[int, int]]:
    """Token indices [i, j] of the noun phrase that starts at token ``i`` (same grammar as backwards)."""
    if i >= len(toks):
        return None
    j = i
    if toks[j].low in SPEAKER_DETERMINERS:
        j += 1
    last = None
    while j < len(toks):
        t = toks[j]
        if t.is_word and _np_word(t):
            last = j
            j += 1
            continue
        if t.text == "(" and last is not None:
            c = next((x for x in range(j + 1, min(len(toks), j + 6)) if toks[x].text == ")"), None)
            if c is not None:
                last = c
                j = c + 1
                continue
        if (
            t.low in NAME_CONNECTORS
            and last == j - 1
            and j + 1 < len(toks)
            and (is_capitalised(toks[j + 1]) or (toks[j + 1].low == "the" and j + 2 < len(toks) and is_capitalised(toks[j + 2])))
        ):
            j += 1
            if toks[j].low == "the":
                j += 1
            continue
        break
    if last is None:
        return None
    # the phrase must end in a name or a speaker noun, not in a modifier ("the senior")
    while last >= i and not (is_capitalised(toks[last]) or noun_head(toks[last].low) or toks[last].text == ")"):
        last -= 1
    return (i, last) if last >= i else None


def make_np(toks: Sequence[Tok], i: int, j: int, role: Optional[tuple[int, int]] = None) -> NP:
    sel = tuple(toks[i : j + 1])
    definite = bool(sel) and sel[0].low == "the"
    return NP(sel[0].start, sel[-1].end, sel, role=role, definite=definite)


_TIME_PREPOSITIONS = EN.words("time_prepositions")
_HEADER_WORDS = EN.words("header_words")


def _skip_back(toks: Sequence[Tok], j: int) -> int:
    """Step back over adverbs, auxiliaries, time phrases and quotation marks between subject and verb."""
    timed = False
    while j >= 0:
        t = toks[j]
        low = t.low
        if t.text in _MARK_CHARS:
            j -= 1
            continue
        if t.is_word and (low in SPEECH_ADVERBS or (low.endswith("ly") and t.text.islower() and len(low) > 4)):
            j -= 1
            continue
        if t.text in WEEKDAY_NAMES or t.text in MONTH_NAMES or low in TIME_WORDS or (low.isdigit() and len(low) <= 4):
            timed = True
            j -= 1
            continue
        if timed and low in _TIME_PREPOSITIONS:
            timed = False
            j -= 1
            continue
        if t.text == ")":
            o = next((k for k in range(j - 1, max(-1, j - 8), -1) if toks[k].text == "("), None)
            inner = toks[o + 1 : j] if o is not None else []
            if inner and all(x.text in MONTH_NAMES or x.text in WEEKDAY_NAMES or x.low.isdigit() or x.text == "," for x in inner):
                j = o - 1
                continue
        break
    return j


def subject_before(toks: Sequence[Tok], v: int) -> Optional[NP]:
    """The subject of the verb at token ``v``: a pronoun, a noun phrase, or a name with an appositive.

    Handles "X said", "X has repeatedly denied", "Tovia on Sunday denied", "X, director general
    of ..., said", "His deputy, Ingrid Hauge, said", "X, who told ...", "Choi Ji Won, the powerful
    sister of ..., who accused ...".
    """
    j = _skip_back(toks, v - 1)
    if j < 0:
        return None
    t = toks[j]
    if t.low in PRONOUNS and t.is_word:
        return NP(t.start, t.end, (t,), pronoun=True)
    if t.low in ("and", "but") and j > 0:
        # "Police announced an arrest on Friday and said ...": the verbs share the sentence's subject
        return main_subject(toks) if toks[j - 1].text not in ";:—–(" else None
    near = next((k for k in range(j - 1, max(1, j - 6), -1) if toks[k].low in ("to", "with") and toks[k - 1].low in _NEAR_WORDS
                 and all(x.is_word for x in toks[k + 1 : j + 1])), None)
    if near is not None and (outer := chunk_back(toks, near - 2)) is not None:
        return make_np(toks, *outer)  # "A source close to the player said": the source speaks, not the player
    if near is not None and near == 2 and toks[0].is_word:
        return make_np(toks, 0, 0)  # "Those close to him say": the people close to him, no name
    if t.text in "—–-" and (opening := _dash_aside_start(toks, j)) is not None:
        # "Ivo Kall -- co-editor of a book about the harbour -- said": who speaks is read as if the verb
        # stood where the aside opens ("Jo Dale, the chief executive of Acme -- its parent -- told me")
        comma = next((k for k in range(opening - 1, -1, -1) if not toks[k].is_word), None)
        if comma is not None and toks[comma].text == "," and toks[comma + 1].low in SPEAKER_DETERMINERS \
                and (named := chunk_back(toks, comma - 1)) is not None \
                and split_person([x for x in toks[named[0] : named[1] + 1] if is_capitalised(x)], "")[0] is not None:
            return make_np(toks, *named, role=_role_span(toks[comma + 1 : opening]))  # the name, its role in apposition
        before = subject_before(toks, opening)
        return before if before is not None and any(is_capitalised(x) for x in before.toks) else None
    relative = False
    if t.low in ("who", "which", "that") and j > 0 and toks[j - 1].text == ",":
        relative = True
        j -= 1
        t = toks[j]
    if t.text == "," and not relative and (chained := _chain_subject(toks, j)) is not None:
        return chained
    if t.text == ",":
        prev_comma = next((k for k in range(j - 1, -1, -1) if toks[k].text in ",;:—–"), -1)
        seg = toks[prev_comma + 1 : j]
        if not seg:
            return None
        seg_span = chunk_forward(toks, prev_comma + 1)
        seg_is_name = seg_span == (prev_comma + 1, j - 1) and all(is_capitalised(x) for x in seg)
        if relative:
            direct = chunk_back(toks, j - 1)
            appositive = (prev_comma >= 0 and toks[prev_comma].text == "," and (seg[0].low in SPEAKER_DETERMINERS or seg[0].text.islower())
                          and not seg[0].low.endswith("ing") and seg[0].low not in PREPOSITIONS)
            if appositive:
                span = chunk_back(toks, prev_comma - 1)
                if span and any(is_capitalised(x) for x in toks[span[0] : span[1] + 1]):
                    return make_np(toks, *span, role=_role_span(seg))
            return make_np(toks, *direct) if direct else None
        if prev_comma == -1 and not relative and seg_span == (0, j - 1) and is_capitalised(toks[j - 1]) \
                and split_person([x for x in seg if is_capitalised(x)], "")[0] is not None:
            return make_np(toks, 0, j - 1)  # "Pentagon spokesman Lt. Col. Jo Garn, told the Post": a stray comma
        if prev_comma > 0 and seg[0].low == "by" and len(seg) > 1 and toks[prev_comma].text == "," \
                and singular_of(toks[prev_comma - 1].low) in EN.document_nouns \
                and split_person([x for x in seg[1:] if is_capitalised(x)], "")[0] is not None:
            return make_np(toks, prev_comma + 2, j - 1)  # "The ruling, by Judge Amos Kell, said": its author
        if seg_is_name and prev_comma > 0:
            role_span = chunk_back(toks, prev_comma - 1)
            role = _role_span(toks[role_span[0] : role_span[1] + 1]) if role_span else None
            return make_np(toks, prev_comma + 1, j - 1, role=role)
        if prev_comma >= 0 and toks[prev_comma].text == "," and (not speaks_in(seg) or seg[0].low.endswith("ing") or seg[0].low == "who" or seg[0].low in ("a", "an")):
            # "Ana Roe, speaking to reporters in Vell, said", "Ana Roe, who spoke to ..., said", "Ana Roe, a
            # reporter whose reporting ..., wrote": an aside with its own speech word
            span = chunk_back(toks, prev_comma - 1)
            if span and any(is_capitalised(x) for x in toks[span[0] : span[1] + 1]):
                return make_np(toks, *span, role=_role_span(seg))
        return None
    span = chunk_back(toks, j)
    if span is not None and span[0] == span[1] and toks[j].text.islower():
        # "the Leeds-based lender": modifiers no list holds, back to the determiner
        i = j - 1
        while i >= 0 and i > j - 4 and toks[i].is_word and toks[i].low not in SPEAKER_DETERMINERS \
                and toks[i].low not in PRONOUNS and toks[i].low not in SPEECH_VERBS and not is_possessive(toks[i]):
            i -= 1
        if i >= 0 and i < j - 1 and toks[i].low in SPEAKER_DETERMINERS:
            return make_np(toks, i, j)
    if span is None and t.is_word and t.text.islower() and len(t.low) > 2 and not t.low.endswith("ly"):
        # "the auditor said", "its Leeds-based auditor said": a determiner makes an unlisted noun a subject
        i = j - 1
        while i >= 0 and toks[i].is_word and toks[i].low not in SPEAKER_DETERMINERS and toks[i].low not in QUANTIFIERS \
                and toks[i].low not in PRONOUNS and not is_possessive(toks[i]) and i > j - 4:
            i -= 1
        if i >= 0 and i < j and (toks[i].low in SPEAKER_DETERMINERS or (toks[i].low in QUANTIFIERS and toks[i].start == toks[0].start)):
            return make_np(toks, i, j)
        if i >= 0 and i < j and is_possessive(toks[i]) and (is_capitalised(toks[i]) or (i > 0 and toks[i - 1].low in SPEAKER_DETERMINERS)):
            # "Jane Roe's relatives said", "the firm's auditors said": the possessor's people speak
            return make_np(toks, i - (0 if is_capitalised(toks[i]) else 1), j)
    if span is None:
        return _head_before_phrase(toks, j)
    return make_np(toks, *span)


def _head_before_phrase(toks: Sequence[Tok], j: int) -> Optional[NP]:
    """"Experts on ferry safety and harbour law said": the noun phrase that opens the sentence, when a
    prepositional phrase alone stands between it and the verb; the experts speak, not the law."""
    if j > 10 or not all(t.is_word and t.kind != "masked" for t in toks[: j + 1]):
        return None
    head = chunk_forward(toks, 0)
    if head is None or head[1] >= j or toks[head[1] + 1].low not in PREPOSITIONS:
        return None
    if any(t.low in SPEECH_VERBS or t.low in ("that", "who", "which") for t in toks[: j + 1]):
        return None
    return make_np(toks, *head)


def _dash_aside_start(toks: Sequence[Tok], j: int) -> Optional[int]:
    """Where the aside closed by the dash at ``j`` opens: the dash of the same kind before it ("—", "–" or
    "--"), with words between; None when there is none in the sentence."""
    double = toks[j].text == "-" and j > 0 and toks[j - 1].text == "-"
    if toks[j].text == "-" and not double:
        return None
    close = j - 1 if double else j
    for k in range(close - 1, 0, -1):
        if toks[k].text in ";:" or toks[k].kind == "masked":
            return None
        if double and toks[k].text == "-" and toks[k - 1].text == "-":
            return k - 1 if k - 1 < close - 1 else None
        if not double and toks[k].text == toks[j].text:
            return k if k < close - 1 else None
    return None


#: "a source close to X", "people familiar with X": the words that tie an unnamed speaker to someone else
_NEAR_WORDS = EN.words("near_words")


def _chain_subject(toks: Sequence[Tok], comma: int) -> Optional[NP]:
    """"Iwona Kell, 78, from Eastside, whose operation was due on Thursday, said": a name that opens its
    clause, followed by two or more asides (an age, "from ...", "whose ...", "a ..."), is the subject."""
    # the clause opens after a semicolon, colon, dash or a quotation ("“...,” Iwona Kell, 78, ..., said")
    start = next((k + 1 for k in range(comma - 1, -1, -1)
                  if toks[k].text in ";:—–" or toks[k].text in _MARK_CHARS or toks[k].kind == "masked"), 0)
    cuts = [k for k in range(comma, start - 1, -1) if toks[k].text == ","]
    if len(cuts) < 3:
        return None
    head = (start, cuts[-1] - 1)
    if head[1] < head[0] or chunk_forward(toks, head[0]) != head:
        return None
    person = toks[head[0] : head[1] + 1]
    if not all(is_capitalised(x) or x.low in NAME_PARTICLES for x in person) or split_person(person, "")[0] is None:
        return None
    prev: Sequence[Tok] = ()
    for a, b in zip(reversed(cuts[1:]), reversed(cuts[:-1])):
        seg = toks[a + 1 : b]
        region = bool(prev) and prev[0].low in PLACE_PREPOSITIONS and all(is_capitalised(x) or x.text == "." for x in seg)
        if not seg or not (seg[0].text[:1].isdigit() or seg[0].text.islower() or region) or speaks_in(seg):
            return None  # an aside opens in lower case or a number; "of Riverton, Ga." adds its region
        prev = seg
    return make_np(toks, *head)


PLACE_PREPOSITIONS = EN.words("place_prepositions")


def _role_span(seg: Sequence[Tok]) -> Optional[tuple[int, int]]:
    """Where an appositive role lies in the text (rendered later, by whoever holds the text)."""
    return (seg[0].start, seg[-1].end) if seg else None


def clause_stop(toks: Sequence[Tok], i: int) -> int:
    """Where the words after an inverted cue end: a full stop, semicolon or quotation, but not the full
    stop of an abbreviation inside brackets ("said Jane Roe (D-Ore.), who ...")."""
    depth = 0
    for x in range(i, len(toks)):
        t = toks[x].text
        depth += (t == "(") - (t == ")")
        if toks[x].kind == "masked" or (t in ".;!?" and depth <= 0):
            return x
    return len(toks)


def subject_after(toks: Sequence[Tok], v: int, stop: int) -> Optional[NP]:
    """The subject after an inverted verb ("..., said Han Seo Jun, director general of ...")."""
    i = v + 1
    if i >= stop:
        return None
    if toks[i].low in PRONOUNS and toks[i].is_word:
        if i + 1 < stop and toks[i + 1].is_word:
            return None  # "X says they both share ...": the pronoun opens the reported clause
        return NP(toks[i].start, toks[i].end, (toks[i],), pronoun=True)
    if toks[i].low in SPEAKER_DETERMINERS and i + 3 < stop and singular_of(toks[i + 1].low) in EN.document_nouns \
            and toks[i + 2].low in ("from", "by") and (span := chunk_forward(toks, i + 3)) and span[1] < stop:
        return make_np(toks, *span)  # "“...,” said a statement from the player's legal team": the team
    if toks[i].low in SPEAKER_DETERMINERS:
        # "..., said the port's chief engineer, Dr Ines Varga": a role phrase of any nouns, then the name
        comma = next((k for k in range(i + 1, min(stop, i + 7)) if not toks[k].is_word), None)
        if comma is not None and toks[comma].text == "," and comma + 1 < stop:
            named = chunk_forward(toks, comma + 1)
            if named and named[1] < stop and all(is_capitalised(x) or x.low in NAME_PARTICLES for x in toks[named[0] : named[1] + 1]) \
                    and split_person(toks[named[0] : named[1] + 1], "")[0] is not None \
                    and (named[1] + 1 >= stop or not toks[named[1] + 1].is_word):
                return make_np(toks, named[0], named[1], role=(toks[i].start, toks[comma - 1].end))
    if toks[i].text[:1].isdigit():
        # "said 27-year-old student Ann Pike", "said 9/11 widow Ann Pike": a number-led modifier before a named person
        k = i
        while k < stop and (toks[k].text[:1].isdigit() or toks[k].text in "/-"):
            k += 1
        m = k
        while m < stop and m < k + 2 and toks[m].is_word and toks[m].text.islower():
            m += 1  # the role, listed noun or not: "widow", "carer"
        n = m
        while n < stop and name_word(toks[n]):
            n += 1
        if n - m >= 2 and (n >= stop or not toks[n].is_word):
            return make_np(toks, m, n - 1, role=(toks[i].start, toks[m].start - 1))
        return None
    span = chunk_forward(toks, i)
    if not span or span[1] >= stop or is_possessive(toks[span[1]]):
        return None  # "said Roe's state of mind is ...": a possessive opens the reported clause, it says nothing
    a, b = span
    role = None
    if b + 1 < stop and toks[b + 1].is_word and toks[b + 1].text.islower() and toks[b + 1].low not in PREPOSITIONS \
            and toks[b + 1].low not in TIME_WORDS and not toks[b + 1].low.endswith("ly") and not is_capitalised(toks[a]):
        return None  # "Kall said the mayor tended to ...": the phrase opens the reported clause, a verb follows it
    if b + 2 < stop and toks[b + 1].text == "," and not is_capitalised(toks[b]):
        # "..., said the firm's chief executive, Dr Jane Roe": the name in apposition speaks, the phrase is her role
        named = chunk_forward(toks, b + 2)
        if named and named[1] < stop and all(is_capitalised(x) for x in toks[named[0] : named[1] + 1]) \
                and split_person(toks[named[0] : named[1] + 1], "")[0] is not None:
            return make_np(toks, named[0], named[1], role=(toks[a].start, toks[b].end))
    if b + 2 < stop and toks[b + 1].text == ",":
        end = next((k for k in range(b + 2, stop) if toks[k].text in ",;.:!?—–" or toks[k].kind == "masked"), stop)
        seg = toks[b + 2 : end]
        if seg and not seg[0].low.endswith("ing") and not speaks_in(seg):
            role = _role_span(seg)
    return make_np(toks, a, b, role=role)


_DATELINE_END = frozenset(":-—–")


def _after_dateline(toks: Sequence[Tok], a: int = 0) -> int:
    """Past a dateline that opens a sentence ("OSLO -", "NAIROBI (AP) —", "New Delhi:", "CITY, Nov 7 (Agency) -"):
    a place, an agency and a date are never the subject of what follows."""
    for k in range(a, min(len(toks), a + 12)):
        t = toks[k]
        if t.text in _DATELINE_END:
            return k + 1 if k > a else a
        if not (t.text[:1].isupper() or t.text.isdigit() or t.text in "(),." or t.text in MONTH_NAMES):
            return a
    return a


def main_subject(toks: Sequence[Tok], a: int = 0) -> Optional[NP]:
    """The subject of a sentence: skip leading adverbial phrases up to their comma, then a noun phrase."""
    i = _after_dateline(toks, a)
    while i < len(toks) and not toks[i].is_word:
        i += 1
    # a date stamp left before the first sentence ("date 2023-02-20 The ministry said"): not its subject
    k = i + 1 if i < len(toks) and toks[i].low in _HEADER_WORDS else i
    if k < len(toks) and re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T[\d:]+Z?)?", toks[k].text):
        i = k + 1
    for _ in range(4):
        if i < len(toks) and toks[i].low in LEADING_ADVERBIALS:
            comma = next((k for k in range(i + 1, len(toks)) if toks[k].text == ","), None)
            if comma is None:
                return None
            i = comma + 1
            if i + 1 < len(toks) and re.fullmatch(r"\d{4}", toks[i].text) and toks[i + 1].text == ",":
                i += 2  # "On July 6, 2015, Jane Roe ...": the year belongs to the date
        else:
            break
    if i < len(toks) and toks[i].low in PRONOUNS and toks[i].is_word:
        return NP(toks[i].start, toks[i].end, (toks[i],), pronoun=True)
    span = chunk_forward(toks, i)
    if span is None:
        # "investigative journalist Jane Roe, ...": modifiers no list holds, then the phrase
        for skip in (1, 2):
            if i + skip < len(toks) and all(t.is_word and t.text.islower() for t in toks[i : i + skip]):
                later = chunk_forward(toks, i + skip)
                if later and any(is_capitalised(t) for t in toks[later[0] : later[1] + 1]):
                    return make_np(toks, i, later[1])
    return make_np(toks, *span) if span else None


# =============================================================================================
# Names: people, titles, organisations, states.
# =============================================================================================


def name_word(t: Tok) -> bool:
    """A capitalised word that can be part of a person's name."""
    low = t.low.rstrip(".")
    if _INITIAL.fullmatch(t.text):
        return True  # a middle initial: "Tilde K. Brun", whatever else a lone letter may stand for
    return (
        is_capitalised(t)
        and not is_possessive(t)
        and low not in TITLE_WORDS
        and low not in ORG_WORDS
        and low not in ALIAS_WORDS
        and t.kind == "word"
        and not (t.text.isupper() and len(t.text) > 1)  # NATO, LISBON, XYZ
    )


_INITIAL = re.compile(r"[A-Z]\.")


def split_person(np_toks: Sequence[Tok], text: str) -> tuple[Optional[str], Optional[str], Optional[tuple[int, int]]]:
    """(name, role, name span) when a phrase ends in a person's name.

    "NATO Secretary General Ana Reyes" gives "Ana Reyes" with the role
    "NATO Secretary General". The name is the run of capitalised words at the end that are neither
    titles, organisation words nor words of a state's or organisation's name.
    """
    toks = list(np_toks)
    opened = next((i for i, t in enumerate(toks) if t.text == "("), None)
    if opened is not None and opened > 0:
        toks = toks[:opened]  # "Jane Roe (D-Ore.)": the party and state are no part of the name
    toks = [t for t in toks if t.text not in "()"]
    k = len(toks)
    while k > 0 and (name_word(toks[k - 1]) or (
            toks[k - 1].low in NAME_PARTICLES and k - 2 >= 0 and name_word(toks[k - 2]) and k < len(toks))):
        k -= 1
    if k == len(toks):
        return None, None, None
    while k > 0 and toks[k - 1].low == "of" and len(toks) - k >= 3 and toks[k].low in EN.modifiers:
        k += 1  # "Minister of Transport Ana Roe": the portfolio belongs to the title, not the name
    name_toks = toks[k:]
    name = text[name_toks[0].start : name_toks[-1].end]
    if aliases.lookup(name):
        return None, None, None
    role_toks = [t for t in toks[:k] if t.low not in SPEAKER_DETERMINERS]
    role = text[role_toks[0].start : role_toks[-1].end] if role_toks else None
    return name, role, (name_toks[0].start, name_toks[-1].end)


# =============================================================================================
# Quotations with speakers.
# =============================================================================================

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


def words(s: str) -> list[str]:
    return _WORD.findall(s)
