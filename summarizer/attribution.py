"""The one attribution engine: whom a text credits with a span of its words, and how it says so.

The offline extractor, the verifier's speaker check and the quote inventory all ask this module, so
they cannot disagree about who said what. Built on ``summarizer.textlayer`` (paragraphs, sentences,
paired and masked quotations, tokens) and the word lists of ``summarizer.lexicon``.

How an article is read:

1. **Speech events** are found in the masked text: a speech verb and its subject (``X said``,
   ``said X``, ``X told Y``, ``X, <title> of Y, said``, ``according to X``, ``as reported by X``).
   They are resolved in document order, so ``he`` is the last person named as speaking, and ``the
   ministry`` the last ministry that spoke.
2. **Each quotation takes its speaker** from the event next to it: right after the closing mark, then
   before the opening mark in the same sentence, then later in the sentence. A quotation with none
   takes the speaker of the quotation before it in the paragraph, or of the paragraph before it when
   it stands alone. A quoted phrase inside a sentence takes the sentence's subject.
3. **Scare quotes are dropped.** Titles and names in quotation marks are never quotes. Phrases of one
   or two words are kept only when a speech verb in the same sentence credits them to a speaker, as
   ``fragment`` quotes; phrases of three words or more are kept, as ``fragment`` when they sit inside
   a sentence and as ``statement`` when they stand as speech of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Literal, Optional, Sequence

from . import aliases, dates
from .lexicon import EN
from .models import Span
from .textlayer import (
    MARK_CHARS as _MARK_CHARS,
    RawQuote,
    Tok,
    blank_spans,
    display_paragraphs,
    mask_quotes,
    pair_marks,
    paragraphs,
    sentences,
    tokenize,
)

__all__ = ["QuoteSpan", "find_quotes", "build_context", "Context", "Speaker"]

QuoteKind = Literal["statement", "fragment"]



@dataclass(frozen=True)
class QuoteSpan:
    """One quotation in an article.

    ``start``/``end`` delimit the words inside the marks (Python ``str`` offsets, end exclusive), so
    ``text == article_text[start:end]``. A quotation continued over several paragraphs spans all of
    them, and ``parts`` lists the inside of each paragraph's piece. ``speaker`` is the resolved name
    (``"Ana Reyes"`` for ``he``), and ``speaker_start``/``speaker_end`` point at the words that
    credit it (the name, or the pronoun). ``speaker`` stays the pronoun as written when nobody is
    named before it.
    """

    start: int
    end: int
    text: str
    speaker: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    cue: Optional[str] = None
    kind: QuoteKind = "statement"
    role: Optional[str] = None
    open_mark: int = 0  # offset of the opening quotation mark
    close_mark: int = 0  # offset just after the closing quotation mark
    parts: tuple[tuple[int, int], ...] = ()
    attribution: str = "none"  # after | before | later | inherited | subject | none


# =============================================================================================

# =============================================================================================
# Word lists (summarizer/lang/en), under the names this module reads them by.
# =============================================================================================

DENIAL_VERBS = EN.denial_forms
#: Verbs that report speech. Denial verbs are speech verbs too ("the ministry denied ...").
SPEECH_VERBS = EN.speech_forms | DENIAL_VERBS
#: Speech verbs that are also common nouns ("the claims"): they count only when a clause follows.
WEAK_CUES = EN.speech.weak
#: Verbs that news puts before their subject after a quotation ("..., said X").
INVERTIBLE = EN.speech.inverted
#: Participles that carry speech for the subject of their clause ("X denounced ..., calling it ...").
PARTICIPLE_CUES = EN.participle_cues
PRONOUNS = EN.pronouns
PERSON_NOUNS = EN.person_nouns
ORG_NOUNS = EN.org_nouns
OUTLET_NOUNS = EN.outlet_nouns
MODIFIERS = EN.modifiers
TITLE_WORDS = EN.title_words
ORG_WORDS = EN.org_words
OUTLET_WORDS = EN.outlet_words
NOT_NAMES = EN.not_names
_WEEKDAY_NAMES = frozenset(d.capitalize() for d in dates.WEEKDAYS)
_MONTH_NAMES = EN.words("month_names")
_TIME_WORDS = EN.words("time_words")
_ADVERBS = EN.words("speech_adverbs")
PASSIVE = EN.words("passive_auxiliaries")
_DETERMINERS = EN.words("speaker_determiners")
_NOUN_DETERMINERS = EN.words("noun_determiners")
_STATEMENT_ADJECTIVES = EN.words("statement_adjectives")
_PRESENT_FORMS = EN.speech.present | EN.denial.present
_CONNECTORS = EN.words("name_connectors")
_PARTICLES = EN.words("name_particles")
_QUANTIFIERS = EN.words("quantifiers")
_PREPOSITIONS = EN.words("prepositions")
_LEADING_ADVERBIALS = EN.words("leading_adverbials")


def _alias_tokens() -> frozenset[str]:
    """Every word of every table name: such words are never part of a person's name."""
    words: set[str] = set()
    for name, _kind, others in aliases.ALIAS_TABLE:
        for n in (name, *others):
            words.update(w.lower() for w in n.replace(".", " ").split())
    for forms in aliases.DEMONYMS.values():
        for n in forms:
            words.update(w.lower() for w in n.split())
    return frozenset(words)


_ALIAS_WORDS = _alias_tokens()


# =============================================================================================
# Tokens and noun phrases.
# =============================================================================================


def _possessive(t: Tok) -> bool:
    return t.is_word and bool(re.search(r"[’']s$|s[’']$", t.text))


_MODIFIER_ENDS = EN.words("modifier_suffixes")


def _modifier_end(word: str) -> bool:
    end = word.rsplit("-", 1)[1]
    return end.islower() and (end.endswith("ed") or end in _MODIFIER_ENDS)


def _cap(t: Tok) -> bool:
    """A capitalised word that may be (part of) a name."""
    if not t.is_word or not t.text[:1].isupper():
        return False
    if "-" in t.text and _modifier_end(t.text):
        return False  # "US-based", "Delhi-headquartered": a modifier, not a name (but "Kim Seo-yun" is one)
    bare = re.sub(r"[’']s?$", "", t.text)
    return t.text not in NOT_NAMES and bare not in _WEEKDAY_NAMES and bare not in _MONTH_NAMES


def _np_word(t: Tok) -> bool:
    low = t.low.rstrip("’'")
    if t.is_word and "-" in t.text and _modifier_end(t.text) and t.text[:1].isupper():
        return True  # "the Leeds-based short seller"
    return _cap(t) or _possessive(t) or _noun_head(low) or low in MODIFIERS


def _singular(w: str) -> str:
    w = w.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _noun_head(low: str) -> bool:
    s = _singular(low)
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


def _chunk_back(toks: Sequence[Tok], j: int) -> Optional[tuple[int, int]]:
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
        span = _chunk_back(toks, o - 1)
        return (span[0], j) if span else None
    if not (_cap(head) or _noun_head(head.low)):
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
        if t.low in _CONNECTORS and k - 2 >= 0 and (_cap(toks[k]) or toks[k].low == "the") and _np_word(toks[k - 2]):
            i = k = k - 1
            continue
        if t.low == "the" and k - 2 >= 0 and toks[k - 2].low in ("of", "for", "at"):
            i = k = k - 1
            continue
        if t.low in _DETERMINERS:
            i = k - 1
        elif (compound := _noun_compound(toks, k - 1)) is not None:
            i = compound  # "the port authority", "the union's general secretary"
        break
    while i < j and toks[i].low in _CONNECTORS:
        i += 1
    return i, j


def _noun_compound(toks: Sequence[Tok], k: int) -> Optional[int]:
    """Where a determiner opens a run of one or two lower-case nouns ending at token ``k`` ("the port
    authority"): the determiner's index, or None. Verbs, adverbs and function words never qualify."""
    for n in (1, 2):
        d = k - n
        if d < 0 or toks[d].low not in _DETERMINERS:
            continue
        run = toks[d + 1 : k + 1]
        if all(x.kind == "word" and x.text.islower() and x.low not in _ADVERBS and x.low not in SPEECH_VERBS
               and x.low not in _CONNECTORS and not x.low.endswith(("ly", "ed", "ing")) and len(x.low) > 2 for x in run):
            return d
    return None


def _chunk_forward(toks: Sequence[Tok], i: int) -> Optional[tuple[int, int]]:
    """Token indices [i, j] of the noun phrase that starts at token ``i`` (same grammar as backwards)."""
    if i >= len(toks):
        return None
    j = i
    if toks[j].low in _DETERMINERS:
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
            t.low in _CONNECTORS
            and last == j - 1
            and j + 1 < len(toks)
            and (_cap(toks[j + 1]) or (toks[j + 1].low == "the" and j + 2 < len(toks) and _cap(toks[j + 2])))
        ):
            j += 1
            if toks[j].low == "the":
                j += 1
            continue
        break
    if last is None:
        return None
    # the phrase must end in a name or a speaker noun, not in a modifier ("the senior")
    while last >= i and not (_cap(toks[last]) or _noun_head(toks[last].low) or toks[last].text == ")"):
        last -= 1
    return (i, last) if last >= i else None


def _np(toks: Sequence[Tok], i: int, j: int, role: Optional[tuple[int, int]] = None) -> NP:
    sel = tuple(toks[i : j + 1])
    definite = bool(sel) and sel[0].low == "the"
    return NP(sel[0].start, sel[-1].end, sel, role=role, definite=definite)


def _skip_back(toks: Sequence[Tok], j: int) -> int:
    """Step back over adverbs, auxiliaries, time phrases and quotation marks between subject and verb."""
    timed = False
    while j >= 0:
        t = toks[j]
        low = t.low
        if t.text in _MARK_CHARS:
            j -= 1
            continue
        if t.is_word and (low in _ADVERBS or (low.endswith("ly") and t.text.islower() and len(low) > 4)):
            j -= 1
            continue
        if t.text in _WEEKDAY_NAMES or t.text in _MONTH_NAMES or low in _TIME_WORDS or (low.isdigit() and len(low) <= 4):
            timed = True
            j -= 1
            continue
        if timed and low in ("on", "in", "at", "of", "since", "by"):
            timed = False
            j -= 1
            continue
        if t.text == ")":
            o = next((k for k in range(j - 1, max(-1, j - 8), -1) if toks[k].text == "("), None)
            inner = toks[o + 1 : j] if o is not None else []
            if inner and all(x.text in _MONTH_NAMES or x.text in _WEEKDAY_NAMES or x.low.isdigit() or x.text == "," for x in inner):
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
        seg_span = _chunk_forward(toks, prev_comma + 1)
        seg_is_name = seg_span == (prev_comma + 1, j - 1) and all(_cap(x) for x in seg)
        if relative:
            direct = _chunk_back(toks, j - 1)
            appositive = (prev_comma >= 0 and toks[prev_comma].text == "," and (seg[0].low in _DETERMINERS or seg[0].text.islower())
                          and not seg[0].low.endswith("ing") and seg[0].low not in _PREPOSITIONS)
            if appositive:
                span = _chunk_back(toks, prev_comma - 1)
                if span and any(_cap(x) for x in toks[span[0] : span[1] + 1]):
                    return _np(toks, *span, role=_role_span(seg))
            return _np(toks, *direct) if direct else None
        if seg_is_name and prev_comma > 0:
            role_span = _chunk_back(toks, prev_comma - 1)
            role = _role_span(toks[role_span[0] : role_span[1] + 1]) if role_span else None
            return _np(toks, prev_comma + 1, j - 1, role=role)
        if prev_comma >= 0 and toks[prev_comma].text == "," and not any(x.low in SPEECH_VERBS for x in seg):
            span = _chunk_back(toks, prev_comma - 1)
            if span and any(_cap(x) for x in toks[span[0] : span[1] + 1]):
                return _np(toks, *span, role=_role_span(seg))
        return None
    span = _chunk_back(toks, j)
    if span is not None and span[0] == span[1] and toks[j].text.islower():
        # "the Leeds-based lender": modifiers no list holds, back to the determiner
        i = j - 1
        while i >= 0 and i > j - 4 and toks[i].is_word and toks[i].low not in _DETERMINERS \
                and toks[i].low not in PRONOUNS and toks[i].low not in SPEECH_VERBS and not _possessive(toks[i]):
            i -= 1
        if i >= 0 and i < j - 1 and toks[i].low in _DETERMINERS:
            return _np(toks, i, j)
    if span is None and t.is_word and t.text.islower() and len(t.low) > 2 and not t.low.endswith("ly"):
        # "the auditor said", "its Leeds-based auditor said": a determiner makes an unlisted noun a subject
        i = j - 1
        while i >= 0 and toks[i].is_word and toks[i].low not in _DETERMINERS and toks[i].low not in _QUANTIFIERS \
                and toks[i].low not in PRONOUNS and not _possessive(toks[i]) and i > j - 4:
            i -= 1
        if i >= 0 and i < j and (toks[i].low in _DETERMINERS or (toks[i].low in _QUANTIFIERS and toks[i].start == toks[0].start)):
            return _np(toks, i, j)
        if i >= 0 and i < j and _possessive(toks[i]) and (_cap(toks[i]) or (i > 0 and toks[i - 1].low in _DETERMINERS)):
            # "Jane Roe's relatives said", "the firm's auditors said": the possessor's people speak
            return _np(toks, i - (0 if _cap(toks[i]) else 1), j)
    return _np(toks, *span) if span else None


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
    if head[1] < head[0] or _chunk_forward(toks, head[0]) != head:
        return None
    person = toks[head[0] : head[1] + 1]
    if not all(_cap(x) or x.low in _PARTICLES for x in person) or split_person(person, "")[0] is None:
        return None
    for a, b in zip(reversed(cuts[1:]), reversed(cuts[:-1])):
        seg = toks[a + 1 : b]
        if not seg or not (seg[0].text[:1].isdigit() or seg[0].text.islower()) or any(x.low in SPEECH_VERBS for x in seg):
            return None
    return _np(toks, *head)


def _role_span(seg: Sequence[Tok]) -> Optional[tuple[int, int]]:
    """Where an appositive role lies in the text (rendered later, by whoever holds the text)."""
    return (seg[0].start, seg[-1].end) if seg else None


def _clause_stop(toks: Sequence[Tok], i: int) -> int:
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
    if toks[i].low in _DETERMINERS:
        # "..., said the port's chief engineer, Dr Ines Varga": a role phrase of any nouns, then the name
        comma = next((k for k in range(i + 1, min(stop, i + 7)) if not toks[k].is_word), None)
        if comma is not None and toks[comma].text == "," and comma + 1 < stop:
            named = _chunk_forward(toks, comma + 1)
            if named and named[1] < stop and all(_cap(x) or x.low in _PARTICLES for x in toks[named[0] : named[1] + 1]) \
                    and split_person(toks[named[0] : named[1] + 1], "")[0] is not None \
                    and (named[1] + 1 >= stop or not toks[named[1] + 1].is_word):
                return _np(toks, named[0], named[1], role=(toks[i].start, toks[comma - 1].end))
    span = _chunk_forward(toks, i)
    if not span or span[1] >= stop or _possessive(toks[span[1]]):
        return None  # "said Roe's state of mind is ...": a possessive opens the reported clause, it says nothing
    a, b = span
    role = None
    if b + 2 < stop and toks[b + 1].text == "," and not _cap(toks[b]):
        # "..., said the firm's chief executive, Dr Jane Roe": the name in apposition speaks, the phrase is her role
        named = _chunk_forward(toks, b + 2)
        if named and named[1] < stop and all(_cap(x) for x in toks[named[0] : named[1] + 1]) \
                and split_person(toks[named[0] : named[1] + 1], "")[0] is not None:
            return _np(toks, named[0], named[1], role=(toks[a].start, toks[b].end))
    if b + 2 < stop and toks[b + 1].text == ",":
        end = next((k for k in range(b + 2, stop) if toks[k].text in ",;.:!?—–" or toks[k].kind == "masked"), stop)
        seg = toks[b + 2 : end]
        if seg and not seg[0].low.endswith("ing") and not any(x.low in SPEECH_VERBS for x in seg):
            role = _role_span(seg)
    return _np(toks, a, b, role=role)


_DATELINE_END = frozenset(":-—–")


def _after_dateline(toks: Sequence[Tok], a: int = 0) -> int:
    """Past a dateline that opens a sentence ("OSLO -", "NAIROBI (AP) —", "New Delhi:", "CITY, Nov 7 (Agency) -"):
    a place, an agency and a date are never the subject of what follows."""
    for k in range(a, min(len(toks), a + 12)):
        t = toks[k]
        if t.text in _DATELINE_END:
            return k + 1 if k > a else a
        if not (t.text[:1].isupper() or t.text.isdigit() or t.text in "(),." or t.text in _MONTH_NAMES):
            return a
    return a


def main_subject(toks: Sequence[Tok], a: int = 0) -> Optional[NP]:
    """The subject of a sentence: skip leading adverbial phrases up to their comma, then a noun phrase."""
    i = _after_dateline(toks, a)
    while i < len(toks) and not toks[i].is_word:
        i += 1
    # a date stamp left before the first sentence ("date 2023-02-20 The ministry said"): not its subject
    k = i + 1 if i < len(toks) and toks[i].low in ("date", "published", "updated", "posted") else i
    if k < len(toks) and re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T[\d:]+Z?)?", toks[k].text):
        i = k + 1
    for _ in range(4):
        if i < len(toks) and toks[i].low in _LEADING_ADVERBIALS:
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
    span = _chunk_forward(toks, i)
    if span is None:
        # "investigative journalist Jane Roe, ...": modifiers no list holds, then the phrase
        for skip in (1, 2):
            if i + skip < len(toks) and all(t.is_word and t.text.islower() for t in toks[i : i + skip]):
                later = _chunk_forward(toks, i + skip)
                if later and any(_cap(t) for t in toks[later[0] : later[1] + 1]):
                    return _np(toks, i, later[1])
    return _np(toks, *span) if span else None


# =============================================================================================
# Names: people, titles, organisations, states.
# =============================================================================================


def _name_word(t: Tok) -> bool:
    """A capitalised word that can be part of a person's name."""
    low = t.low.rstrip(".")
    return (
        _cap(t)
        and not _possessive(t)
        and low not in TITLE_WORDS
        and low not in ORG_WORDS
        and low not in _ALIAS_WORDS
        and not (t.text.isupper() and len(t.text) > 1)  # NATO, LISBON, XYZ
        and t.kind == "word"
    )


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
    while k > 0 and (_name_word(toks[k - 1]) or (
            toks[k - 1].low in _PARTICLES and k - 2 >= 0 and _name_word(toks[k - 2]) and k < len(toks))):
        k -= 1
    if k == len(toks):
        return None, None, None
    name_toks = toks[k:]
    name = text[name_toks[0].start : name_toks[-1].end]
    if aliases.lookup(name):
        return None, None, None
    role_toks = [t for t in toks[:k] if t.low not in _DETERMINERS]
    role = text[role_toks[0].start : role_toks[-1].end] if role_toks else None
    return name, role, (name_toks[0].start, name_toks[-1].end)


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


def _affiliation(role: Optional[str]) -> Optional[str]:
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


def _speaks_for(toks: Sequence[Tok], text: str) -> Optional[Speaker]:
    """'A spokesperson for the Port Authority', 'Ministry of Transport spokesman', 'lawyers for X': the
    body, with the unnamed speaker as its role. None when the phrase names a person or no body."""
    lows = [t.low for t in toks]
    for i, low in enumerate(lows):
        if low not in SPOKES_NOUNS:
            continue
        after = toks[i + 1 :]
        if after and after[0].low in ("for", "of") and len(after) > 1:
            body = [t for t in after[1:] if t.low not in _DETERMINERS]
            if body and _cap(body[0]) and not split_person(body, text)[0]:
                name = text[body[0].start : body[-1].end]
                return Speaker(name, "organisation", text[toks[0].start : toks[i].end], None, _is_outlet(name), name,
                               _singular(body[-1].low))
        if i == len(toks) - 1 and i > 0 and all(_cap(t) or t.low in _CONNECTORS for t in toks[:i]) and _cap(toks[0]):
            name = text[toks[0].start : toks[i - 1].end]
            if _possessive(toks[i - 1]):
                # "Jane Roe's lawyer", "the ministry's spokesman": the owner, without the possessive
                name = re.sub(r"(?:[’']s|(?<=s)[’'])$", "", name)
                owner = tokenize(name, 0, len(name))
                kind = "person" if split_person(owner, name)[0] and not aliases.lookup(name) else "organisation"
                return Speaker(name, kind, toks[i].text, None, _is_outlet(name), name, _singular(owner[-1].low))
            if not split_person(toks[:i], text)[0] or aliases.lookup(name):
                return Speaker(name, "organisation", toks[i].text, None, _is_outlet(name), name, _singular(toks[i - 1].low))
    return None


def describe(np: NP, text: str) -> Speaker:
    """Turn a speaker phrase into a Speaker: a person with a title, a known state or organisation,
    or the description the text uses ("senior Tovian official")."""
    np_role = text[np.role[0] : np.role[1]] if np.role else None
    toks = list(np.toks)
    if toks and toks[0].low in _DETERMINERS:
        toks = toks[1:]
    if not toks:
        return Speaker(text[np.start : np.end], "other")
    written = text[toks[0].start : toks[-1].end]
    head = _singular(toks[-1].low.rstrip("’'"))
    body = _speaks_for(toks, text)
    if body is not None:
        return body
    name, role, _span = split_person(toks, text)
    if name:
        role = np_role or role
        return Speaker(name, "person", role, _affiliation(role), False, written, _singular(name.split()[-1]))
    # a parenthetical abbreviation names the same body: "the North Atlantic Treaty Organization (NATO)"
    plain = [t for t in toks if t.text not in "()"]
    paren = re.search(r"\(([^()]+)\)\s*$", written)
    if paren and aliases.lookup(paren.group(1)):
        row = aliases.lookup(paren.group(1))
        return Speaker(row[0], row[1], np_role, None, _is_outlet(row[0]), written, head)
    for k in range(len(plain)):
        cand = text[plain[k].start : plain[-1].end]
        row = aliases.lookup(cand)
        if row and not any(_noun_head(t.low) and not _cap(t) for t in plain[:k]):
            prefix = text[plain[0].start : plain[k - 1].end] if k else None
            aff = _affiliation(prefix) if prefix else None
            return Speaker(row[0], row[1], np_role, aff, _is_outlet(row[0]), written, head)
    outlet = _is_outlet(written) or head in OUTLET_NOUNS
    if all(_cap(t) or t.text in "()" for t in plain) and not any(_noun_head(t.low) for t in plain if not _cap(t)):
        kind = "organisation" if outlet or any(t.low in ORG_WORDS or t.text.isupper() for t in plain) else "person"
        return Speaker(written, kind, np_role, None, outlet, written, head)
    if head in PERSON_NOUNS:
        plural = toks[-1].low not in PERSON_NOUNS  # "officials", "experts": a group, not one person
        kind = "other" if plural else "person"
    elif head in ORG_NOUNS:
        kind = "organisation"
    else:
        kind = "other"
    return Speaker(written, kind, np_role, _affiliation(written), outlet, written, head)


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
            if _name_word(toks[j]) and (j + 1 == len(toks) or not _name_word(toks[j + 1])):
                span = _chunk_back(toks, j)
                if span:
                    name, role, nspan = split_person(toks[span[0] : j + 1], text)
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


# =============================================================================================
# Speech events: a speech verb with its subject, resolved in document order.
# =============================================================================================


@dataclass
class Event:
    """A speech verb in the masked text with its (resolved) subject."""

    cue: str
    cue_start: int
    cue_end: int
    np: Optional[NP]
    how: str  # subject | inverted | participle | according | by | reported
    sentence: tuple[int, int]
    speaker: Optional[Speaker] = None
    written: Optional[str] = None  # the pronoun when it could not be resolved
    via: Optional["Event"] = None  # for "reported": the outlet's own event

    @property
    def first(self) -> int:
        return min(self.cue_start, self.np.start) if self.np else self.cue_start

    @property
    def last(self) -> int:
        return max(self.cue_end, self.np.end) if self.np else self.cue_end


def _is_cue(toks: Sequence[Tok], k: int) -> bool:
    t = toks[k]
    if t.kind != "word" or not t.text.islower():
        return False
    low = t.low
    if low not in SPEECH_VERBS and low not in WEAK_CUES and low not in PARTICIPLE_CUES:
        return False
    if low in _PRESENT_FORMS:
        d = k - 1
        while d >= 1 and toks[d].low in _STATEMENT_ADJECTIVES:
            d -= 1
        if d >= 0 and (_possessive(toks[d]) or toks[d].low in _NOUN_DETERMINERS):
            return False  # "Roe's remarks", "his latest claims", "the following comment": nouns, not speech
    j = k - 1
    while j >= 0 and toks[j].low in ("also", "further", "then", "again", "repeatedly", "reportedly", "allegedly", "once"):
        j -= 1
    if low.endswith("ing") and low not in PARTICIPLE_CUES and not (j >= 0 and toks[j].low in ("is", "are", "was", "were", "am", "been")):
        return False  # "a post by a journalist alleging ...": a participle inside a noun phrase, not a speech event
    if j >= 0 and toks[j].low in PASSIVE and not (low.endswith("ing") and toks[j].low != "as"):
        return False  # "is said to", "was told", "as reported by"; but "is warning that" speaks
    if EN.negated(" ".join(x.text for x in toks[max(0, k - 4) : k]) + " "):
        return False  # "did not deny", "declined to comment", "would not confirm": no statement of that kind
    if low in WEAK_CUES:
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        inverted = j >= 0 and toks[j].text == "," and nxt is not None and _cap(nxt)
        if not (inverted or (nxt is not None and (nxt.low == "that" or nxt.text in ",:" or nxt.text in _MARK_CHARS or nxt.kind == "masked"))):
            return False
    return True


def find_events(masked: str, sents: Sequence[tuple[int, int]]) -> list[Event]:
    """Every speech event in the masked text, unresolved, in document order."""
    events: list[Event] = []
    for sa, sb in sents:
        toks = tokenize(masked, sa, sb)
        finite: Optional[Event] = None
        for k, t in enumerate(toks):
            if t.low == "according" and k + 2 < len(toks) and toks[k + 1].low == "to":
                span = _chunk_forward(toks, k + 2)
                if span:
                    events.append(Event("according to", t.start, toks[k + 1].end, _np(toks, *span), "according", (sa, sb)))
                continue
            if t.low in ("reported", "seen", "quoted") and k + 2 < len(toks) and toks[k + 1].low == "by" and toks[k - 1].low in PASSIVE | {"as"}:
                span = _chunk_forward(toks, k + 2)
                if span:
                    events.append(Event(t.low + " by", t.start, toks[k + 1].end, _np(toks, *span), "by", (sa, sb)))
                continue
            if not _is_cue(toks, k):
                continue
            if t.low in PARTICIPLE_CUES:
                np = finite.np if finite and finite.np else main_subject(toks)
                if k >= 2 and toks[k - 1].low == "for" and (span := _chunk_back(toks, k - 2)):
                    np = _np(toks, *span)  # "hit back at X for claiming ...", "criticised X for saying ...": X
                elif k >= 2 and toks[k - 1].low == "by" and toks[k - 2].is_word and (by := subject_before(toks, k - 2)):
                    np = by  # "..., the firm responded by saying ...": whoever responded
                elif k >= 1 and _cap(toks[k - 1]) and (span := _chunk_back(toks, k - 1)) and span[0] >= 1 \
                        and toks[span[0] - 1].low == "of" and split_person(toks[span[0] : span[1] + 1], "")[0] is not None:
                    np = _np(toks, *span)  # "footage of Jane Roe asking, ...": the person it shows, not the footage
                events.append(Event(t.low, t.start, t.end, np, "participle", (sa, sb)))
                continue
            np = subject_before(toks, k)
            how = "subject"
            if np is None and t.low in INVERTIBLE:
                np = subject_after(toks, k, _clause_stop(toks, k + 1))
                how = "inverted"
            ev = Event(t.low, t.start, t.end, np, how, (sa, sb))
            events.append(ev)
            if np is not None:
                finite = ev
                # a news outlet relays someone else's words: "the state agency said that the foreign ministry “..."
                rest = k + 1
                if rest < len(toks) and toks[rest].low == "that":
                    rest += 1
                span = _chunk_forward(toks, rest) if rest < len(toks) else None
                if span and span[1] + 1 < len(toks) and toks[span[1] + 1].text in _MARK_CHARS:
                    relay = Event(t.low, toks[span[0]].start, toks[span[1]].end, _np(toks, *span), "reported", (sa, sb), via=ev)
                    events.append(relay)
    return events


def resolve_events(events: list[Event], text: str, people: People) -> None:
    """Give each event its Speaker, in document order.

    Pronouns: "he", "she" and "I" are the last person named as speaking before them; "it" is the
    last organisation or state; "they" and "we" are the last speaker of any kind. A definite phrase
    ("the ministry", "the officials") is the last speaker with the same head noun, and "the report",
    "the agency" the last outlet credited. Outlets that merely relay ("the state agency said that the foreign
    ministry ...") give way to the body they quote, through the "reported" events.
    """
    history: list[tuple[int, Speaker]] = []
    for ev in events:
        if ev.how == "reported" and not (ev.via and ev.via.speaker and ev.via.speaker.outlet):
            ev.np = None  # "Ito said that Belmark “looks forward ...”": Ito speaks, not Belmark
        if ev.np is None:
            continue
        sp = speaker_for(ev.np, text, people, history, continuing=ev.cue in CONTINUING_CUES)
        if sp is None:
            ev.written = text[ev.np.start : ev.np.end]
            continue
        if sp.kind == "person" and sp.role and sp.name not in people.roles:
            people.roles[sp.name] = sp.role  # "Han Seo Jun, director general of ..., warned" then "Han stated"
        ev.speaker = sp
        history.append((ev.np.start, sp))


#: Cues that continue the last speaker's words ("..., she added"): a pronoun with one is that speaker.
CONTINUING_CUES = EN.words("continuing_cues")


_NAME_RUN = r"((?:[A-Z][\w&.'’-]*\s+){0,4}[A-Z][\w&.'’-]*)"
_DOCUMENT_NOUNS = EN.document_nouns


def described_as(text: str, head: str, pos: int) -> Optional[tuple[int, int]]:
    """Where the text last named, before ``pos``, the actor it describes with ``head``: "Acme Bank,
    the Leeds-based lender," or "Leeds lender Acme Bank" for a later "the lender"."""
    stem = re.escape(_singular(head.rsplit("-", 1)[-1]))
    patterns = [rf"{_NAME_RUN},\s+(?:a|an|the)\s+(?:[\w.'’-]+\s+){{0,4}}?[\w-]*{stem}s?\b",
                rf"\b[\w.'’-]*{stem}s?\s+{_NAME_RUN}"]
    age = re.fullmatch(r"(\d{1,3})-year-old", head)
    if age:  # "the 34-year-old" after "Jane Roe, 34," or "Jane Roe (34)"
        patterns = [rf"{_NAME_RUN},\s+{age.group(1)}\b", rf"{_NAME_RUN}\s+\({age.group(1)}\)"]
    elif _singular(head) in _DOCUMENT_NOUNS:  # "the statement" after "Acme said in a statement" or "Acme's statement"
        patterns = [rf"{_NAME_RUN}(?:[’']s|(?<=s)[’'])\s+(?:[\w-]+\s+){{0,2}}{stem}s?\b",
                    rf"\b{stem}s?\s+(?:from|by|issued\s+by|released\s+by)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,4}}{_NAME_RUN}",
                    rf"{_NAME_RUN}\s+(?:said|wrote|posted|published|issued|released|put\s+out)\s+(?:in\s+)?"
                    rf"(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}{stem}s?\b"]
    best = None
    for pattern in patterns:
        for m in re.finditer(pattern, text[:pos]):
            if best is None or m.start(1) > best[0]:
                best = (m.start(1), m.end(1))
    return best


def speaker_for(np: NP, text: str, people: People, history: Sequence[tuple[int, Speaker]],
                continuing: bool = False) -> Optional[Speaker]:
    """Resolve one phrase against what was said before it (see ``resolve_events``)."""
    before = [s for p, s in history if p < np.start]
    if np.pronoun:
        want = PRONOUNS[np.toks[0].low]
        spoke = None
        for p, sp in reversed([(p, s) for p, s in history if p < np.start]):
            if want == "any" or (want == "person" and sp.kind == "person") or (want == "thing" and sp.kind in ("organisation", "state")):
                spoke = (p, sp)
                break
        subject = people.subject_before(np.start, want)
        if subject and (spoke is None or (subject[0] > spoke[0] and not continuing)):
            return subject[1]
        return spoke[1] if spoke else None
    sp = describe(np, text)
    if np.definite and np.toks and np.toks[-1].text.islower() and not any(_cap(t) and "-" not in t.text for t in np.toks[1:]):
        # "the Leeds-based lender" after "Acme Bank, the Leeds-based lender, ...": the named
        # speaker the text described so
        named = described_as(text, np.toks[-1].low, np.start)
        if named is not None:
            a, b = named
            toks = tokenize(text, a, b)
            if toks:
                found = describe(_np(toks, 0, len(toks) - 1), text)
                return next((old for old in reversed(before) if old.name == found.name), found)
    if np.definite and sp.kind != "person" and sp.name == sp.written and not any(_cap(t) for t in np.toks):
        for old in reversed(before):
            if sp.head in OUTLET_NOUNS and old.outlet:
                return old
            if old.head == sp.head and old.kind != "person":
                return old
            if old.head == sp.head and sp.head in PERSON_NOUNS:
                return old
    if sp.kind == "person" and " " not in sp.name.strip():
        full = people.full(sp.name, np.start)
        if full == sp.name:
            # no person of that name: "Acme said" after "Acme Holdings said" is the body, short
            body = next((old for old in reversed(before) if old.kind in ("organisation", "state")
                         and old.name.split()[0] == sp.name), None)
            if body is not None:
                return body
        role = sp.role or people.roles.get(full)
        return Speaker(full, "person", role, _affiliation(role), False, sp.written, sp.head)
    if sp.kind == "person":
        role = sp.role or people.roles.get(sp.name)
        return Speaker(sp.name, "person", role, _affiliation(role), False, sp.written, sp.head)
    return sp


# =============================================================================================
# Quotations with speakers.
# =============================================================================================

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_FUNCTION_WORDS = EN.words("name_function_words")


def words(s: str) -> list[str]:
    return _WORD.findall(s)


def looks_like_title(inner: str) -> bool:
    """A name or title in quotation marks ("One Hundred Years of Solitude", "Hwasong-17"), not speech:
    every word but short function words is capitalised and nothing ends it like a sentence."""
    found = words(inner)
    if not found or len(found) > 8 or re.search(r"[.!?,;:…]\s*$", inner):
        return False
    content = [w for w in found if w.lower() not in _FUNCTION_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content) and not (len(content) == 1 and content[0] == "I")


@dataclass
class Context:
    """What every quotation needs to see of its article."""

    text: str
    clean: str
    masked: str
    paras: list[tuple[int, int]]
    sents: list[tuple[int, int]]
    events: list[Event]
    people: People
    display: list[tuple[int, int]] = field(default_factory=list)  # headline and caption paragraphs

    def in_display(self, pos: int) -> bool:
        return _containing(self.display, pos) is not None

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return _containing(self.sents, pos) or (pos, pos)

    def para_of(self, pos: int) -> tuple[int, int]:
        return _containing(self.paras, pos) or (pos, pos)


def _containing(spans: list[tuple[int, int]], pos: int) -> Optional[tuple[int, int]]:
    """The span of a sorted, non-overlapping list that holds ``pos``: a binary search, so asking for the
    sentence of every quote stays linear in the article however many sentences it has."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


def _adjacent_after(ctx: Context, q: RawQuote) -> Optional[Event]:
    """An event that starts right after the closing mark: '"...," he said', '"...!" insists Burton'."""
    inner_end = ctx.clean[q.parts[-1][0] : q.parts[-1][1]]
    pb = ctx.para_of(q.close_mark - 1)[1]  # a continued quotation ends in a later paragraph
    follow = ctx.masked[q.close_mark : pb]
    punct_inside = bool(re.search(r"[,.!?…—–-]\s*$", inner_end))
    if not (punct_inside or re.match(r"\s*[,—–]", follow)):
        return None
    full_stop = bool(re.search(r"(?<!\.)\.\s*$", inner_end)) and not re.match(r"\s*[,—–]", follow)
    for ev in ctx.events:
        if ev.first < q.close_mark or ev.np is None or ev.how in ("reported",):
            continue
        if ev.first >= pb:
            break
        gap = ctx.masked[q.close_mark : ev.first]
        if re.fullmatch(r"[\s,—–-]*", gap):
            if full_stop and ev.how != "inverted":
                return None  # '... was “false.” Port spokeswoman X told ...': a new sentence, another speaker
            return ev
        if ev.first > q.close_mark + 200:
            break
    return None


#: '“...” ― Jane Roe' / '“...” — Jane Roe, 34, of Leeds.' at the end of its line: a signature.
_SIGNATURE = re.compile(r"[^\S\n]*[―—–][^\S\n]*([^\n,;:()“”\"]{2,60}?)[^\S\n]*(?:[,(][^\n]{0,80})?[.]?[^\S\n]*(?:\n|$)")


def _signature(ctx: Context, q: RawQuote) -> Optional[NP]:
    """The name signed after a quotation, alone on the rest of its line (reader panels, epigraphs,
    vox pops): no cue, but the dash and the line end say who."""
    m = _SIGNATURE.match(ctx.masked, q.close_mark)
    if not m:
        return None
    toks = tokenize(ctx.masked, m.start(1), m.end(1))
    if not toks or len(toks) > 6 or not all(_cap(t) or t.low in _PARTICLES for t in toks) or not _cap(toks[0]):
        return None
    np = _np(toks, 0, len(toks) - 1)
    return None if _title_only(ctx.clean[np.start : np.end]) else np


def _credit(ctx: Context, q: RawQuote) -> tuple[Optional[Event], str]:
    """The event that credits a quotation, and how it was found."""
    ev = _adjacent_after(ctx, q)
    if ev is not None:
        return ev, "after"
    sa, sb = ctx.sentence_of(q.open_mark)
    before = [e for e in ctx.events if sa <= e.cue_start < q.open_mark and e.np is not None and e.how != "by"]
    finite = [e for e in before if e.how != "participle"]
    if finite:
        before = finite  # "X said that a post by a journalist alleging ... was “...”": X, not the journalist
    if before:
        return max(before, key=lambda e: (e.cue_start if e.how != "reported" else e.first, e.how == "reported")), "before"
    later = [e for e in ctx.events if q.close_mark <= e.cue_start < sb and e.np is not None]
    if later:
        return later[0], "later"
    by = [e for e in ctx.events if sa <= e.cue_start < sb and e.how == "by" and e.np is not None]
    if by:
        return by[0], "later"
    return None, "none"


def _statement_form(ctx: Context, q: RawQuote, how: str) -> bool:
    """Does the quotation stand as speech of its own, rather than as a phrase inside a sentence?"""
    if how == "after":
        return True
    sa, _ = ctx.sentence_of(q.open_mark)
    before = ctx.masked[sa : q.open_mark].rstrip()
    inner = ctx.clean[q.parts[0][0] : q.parts[0][1]]
    if not before:
        return True
    if before.endswith(":"):
        return True
    last = re.search(r"(\w+)\W*$", before)
    last_word = last.group(1).lower() if last else ""
    if before.endswith(",") and (inner[:1].isupper() or last_word in SPEECH_VERBS):
        return True
    return last_word in SPEECH_VERBS and inner[:1].isupper()


def _sentence_subject(ctx: Context, q: RawQuote) -> Optional[NP]:
    sa, _ = ctx.sentence_of(q.open_mark)
    toks = tokenize(ctx.masked, sa, q.open_mark)
    np = main_subject(toks) if toks else None
    if np is not None and len(np.toks) == 1 and np.toks[0].low.endswith("ing") and np.end == toks[-1].end \
            and ctx.masked[np.end : q.open_mark].strip() in _MARK_CHARS | {""}:
        return None  # "Eliminating “the scourge of war” is ...": a gerund taking the quotation, nobody's words
    return np


def _quote_breaks(clean: str, raw: list[RawQuote]) -> list[int]:
    """Closing marks that end a sentence: the quotation's own words ended with . ! or ?"""
    out = []
    for q in raw:
        inner = clean[q.parts[-1][0] : q.parts[-1][1]]
        if re.search(r"[.!?…]\s*$", inner):
            m = re.match(r"[”\"’'»›)\]]*\s+(?=[“\"‘'«A-Z])", clean[q.close_mark :])
            if m:
                out.append(q.close_mark)
    return out


def subject_with_appositive(toks: Sequence[Tok]) -> Optional[NP]:
    """The subject of a clause, with a name in apposition taking the place of a role ("The mayor, Edda Skov,
    was blunt" is Edda Skov; "one driver, Tomasz Wielgosz, who ..." is Tomasz Wielgosz)."""
    np = main_subject(toks)
    if np is None:
        return None
    k = next((i for i, t in enumerate(toks) if t.start >= np.end), None)
    if k is not None and k + 1 < len(toks) and toks[k].text == "," and split_person(np.toks, "")[0] is None:
        span = _chunk_forward(toks, k + 1)
        if span and all(_cap(t) for t in toks[span[0] : span[1] + 1]) and span[1] + 1 < len(toks) and toks[span[1] + 1].text in ",:":
            return _np(toks, span[0], span[1], role=(np.start, np.end))
    return np


def _named_subjects(masked: str, clean: str, sents, people: People) -> list:
    """The named subject (a person's name or a capitalised body) of every sentence that has one."""
    out = []
    for sa, sb in sents:
        toks = tokenize(masked, sa, sb)
        np = subject_with_appositive(toks) if toks else None
        if np is None or np.pronoun or not any(_cap(t) for t in np.toks):
            continue
        sp = describe(np, clean)
        if sp.kind == "person" and " " not in sp.name.strip():
            full = people.full(sp.name, np.start)
            sp = Speaker(full, "person", sp.role or people.roles.get(full), sp.affiliation, False, sp.written, sp.head)
        if sp.kind == "person" and " " not in sp.name.strip():
            continue  # "Queues stretched ...": one capitalised word opening a sentence is no name
        if sp.kind in ("person", "organisation", "state") and not _title_only(sp.name):
            out.append((sa, sb, np.start, sp))
    return out


def _title_only(name: str) -> bool:
    """'Sen.', 'Ms', 'Then', 'Two': a title or a word that starts sentences, alone, names nobody."""
    ws = [w.strip(".,").lower() for w in name.split()]
    return not ws or all(w in TITLE_WORDS or w.capitalize() in NOT_NAMES for w in ws)


def build_context(text: str, boilerplate: Iterable[Span | tuple[int, int]]) -> tuple[Context, list[RawQuote]]:
    clean = blank_spans(text, boilerplate)
    paras = paragraphs(clean)
    raw = pair_marks(clean, paras)
    masked = mask_quotes(clean, raw)
    breaks = _quote_breaks(clean, raw)
    sents = [s for p in paras for s in sentences(masked, p, breaks)]
    display = display_paragraphs(clean, paras)
    reporting = [s for s in sents if not any(a <= s[0] < b for a, b in display)]
    people = find_people(masked, paras)
    people.subjects = _named_subjects(masked, clean, reporting, people)
    events = find_events(masked, reporting)
    resolve_events(events, clean, people)
    return Context(text, clean, masked, paras, sents, events, people, display), raw


def quote_spans(ctx: Context, raw: list[RawQuote]) -> list[tuple[QuoteSpan, Optional[Speaker]]]:
    """Kind, speaker and the keep-or-drop decision for each paired quotation (see the module docstring).

    The resolved Speaker travels with each QuoteSpan so that ``extract`` keeps its kind and affiliation.
    """
    out: list[tuple[QuoteSpan, Optional[Speaker]]] = []
    prev_in_para: dict[tuple[int, int], tuple[QuoteSpan, Optional[Speaker]]] = {}
    last_para_speaker: dict[tuple[int, int], tuple[Speaker, NP]] = {}
    for ev in ctx.events:
        if ev.speaker is not None and ev.np is not None:
            last_para_speaker[ctx.para_of(ev.cue_start)] = (ev.speaker, ev.np)
    # who spoke where, for phrases resolved below ("the ministry", a colon introduction's subject)
    history = [(e.np.start, e.speaker) for e in ctx.events if e.speaker is not None and e.np is not None]
    for q in raw:
        start, end = q.parts[0][0], q.parts[-1][1]
        if end <= start:
            continue
        inner = ctx.text[start:end]
        n = len(words(inner))
        if n == 0:
            continue
        ev, how = _credit(ctx, q) if not ctx.in_display(q.open_mark) else (None, "none")
        statement = _statement_form(ctx, q, how)
        kind: QuoteKind = "statement" if statement and (n >= 3 or re.search(r"[.!?,]\s*$", inner)) else "fragment"
        speaker: Optional[Speaker] = None
        np: Optional[NP] = ev.np if ev else None
        cue = ev.cue if ev else None
        written = ev.written if ev else None
        if ev is not None:
            speaker = ev.speaker
        elif not ctx.in_display(q.open_mark) and (signed := _signature(ctx, q)) is not None:
            speaker, np, how, kind = describe(signed, ctx.clean), signed, "signature", "statement"
        para = ctx.para_of(q.open_mark)
        if ev is None and speaker is None and kind == "statement" and not ctx.in_display(q.open_mark):
            prev, prev_speaker = prev_in_para.get(para, (None, None))
            if prev is not None and prev.speaker:
                speaker = prev_speaker
                written = None if prev_speaker else prev.speaker
                np = NP(prev.speaker_start, prev.speaker_end, ()) if prev.speaker_start is not None else None
                cue, how = prev.cue, "inherited"
            elif not ctx.masked[para[0] : q.open_mark].strip():
                idx = ctx.paras.index(para) if para in ctx.paras else -1
                if idx > 0 and ctx.paras[idx - 1] in last_para_speaker:
                    speaker, np = last_para_speaker[ctx.paras[idx - 1]]
                    how = "inherited"
            sa_q, _sb_q = ctx.sentence_of(q.open_mark)
            lead = ctx.masked[sa_q : q.open_mark].rstrip()
            if speaker is None and lead.endswith(":"):
                # "The mayor, Edda Skov, was blunt: “...”": the subject of the introducing clause speaks
                subj = subject_with_appositive(tokenize(ctx.masked, sa_q, q.open_mark))
                if subj is not None:
                    speaker, np, how = speaker_for(subj, ctx.clean, ctx.people, history), subj, "subject"
            elif speaker is None and not lead:
                # a quotation standing as its own sentence after "X stepped off the ferry ...": X
                prev = ctx.people.subject_before(q.open_mark, "person")
                if prev is not None:
                    speaker, how = prev[1], "subject"
                    np = NP(prev[0], prev[0] + len(prev[1].written or prev[1].name), ())
        if ev is None and speaker is None and kind == "fragment" and n >= 3 and not ctx.in_display(q.open_mark):
            subj = _sentence_subject(ctx, q)
            if subj is not None:
                speaker = speaker_for(subj, ctx.clean, ctx.people, history)
                np = subj
                how = "subject" if speaker else "none"
        # drop scare quotes and names in quotation marks
        # a title stays a title even when ", she said" follows it; only a lone word ("Nonsense", she said) may speak
        if looks_like_title(inner) and (n >= 2 or how != "after"):
            continue
        if kind == "fragment" and n <= 2 and (how not in ("after", "before", "later") or (speaker is None and written is None)):
            continue
        name = speaker.name if speaker else written
        qs = QuoteSpan(
            start=start,
            end=end,
            text=inner,
            speaker=name,
            speaker_start=np.start if np is not None and name else None,
            speaker_end=np.end if np is not None and name else None,
            cue=cue,
            kind=kind,
            role=speaker.role if speaker else None,
            open_mark=q.open_mark,
            close_mark=q.close_mark,
            parts=tuple(q.parts),
            attribution=how if name else "none",
        )
        out.append((qs, speaker))
        prev_in_para[para] = (qs, speaker)
        if speaker is not None and np is not None:
            last_para_speaker[para] = (speaker, np)
    return out


def find_quotes(text: str, boilerplate: Iterable[Span | tuple[int, int]] = ()) -> list[QuoteSpan]:
    """Every direct quotation in ``text`` outside ``boilerplate``, in order, with its speaker."""
    ctx, raw = build_context(text, boilerplate)
    return [q for q, _speaker in quote_spans(ctx, raw)]



# =============================================================================================
# Whom the text credits with a span: the one question the extractor and the verifier both ask.
# =============================================================================================

Rule = Literal["quote", "inside", "clause", "according", "none"]


@dataclass(frozen=True)
class Attribution:
    """Whom the text credits with a span of its words, and the evidence.

    ``speaker`` is None when the text credits nobody the reader can name: narration, a headline, a
    caption, a pronoun with no antecedent. ``also`` lists others the same words are fairly credited
    to: the outlet that relays a body's words ("the agency said the ministry \u201c...\u201d").
    """

    speaker: Optional[Speaker]
    rule: Rule
    cue: Optional[str] = None
    cue_span: Optional[tuple[int, int]] = None
    speaker_span: Optional[tuple[int, int]] = None
    written: Optional[str] = None  # the words that credit, when they name nobody ("he" with no antecedent)
    also: tuple[Speaker, ...] = ()


NOBODY = Attribution(None, "none")


class Document:
    """One article read once: its quotations with speakers and its speech events, asked many times."""

    def __init__(self, text: str, boilerplate: Iterable[Span | tuple[int, int]] = ()) -> None:
        self.ctx, raw = build_context(text, boilerplate)
        self.quotes = quote_spans(self.ctx, raw)
        self._events = [e for e in self.ctx.events if e.np is not None]
        # Interval indexes, so one question costs a binary search, not a scan of every quotation and
        # cue of the article: the verifier asks once per claim, the merge once per mention.
        extents = []
        for i, (q, _sp) in enumerate(self.quotes):
            lo = min([q.open_mark] + [a for a, _ in q.parts])
            hi = max([q.close_mark] + [b for _, b in q.parts])
            extents.append((lo, hi, i))
        extents.sort()
        self._q_lo = [lo for lo, _, _ in extents]
        self._q_ext = extents
        self._q_longest = max((hi - lo for lo, hi, _ in extents), default=0)
        told = sorted((e.cue_start, i) for i, e in enumerate(self._events) if e.how != "reported")
        self._cue_at = [c for c, _ in told]
        self._cue_idx = [i for _, i in told]
        self._by_sentence: dict[tuple[int, int], list[Event]] = {}
        for e in self._events:
            if e.how != "reported":
                self._by_sentence.setdefault(e.sentence, []).append(e)
        #: speaker span -> the outlets whose "said that" introduces that speaker (asked on every check)
        self._relay_by_span: dict[tuple[int, int], list[Speaker]] = {}
        for e in self.ctx.events:
            if e.how == "reported" and e.np is not None and e.via and e.via.speaker:
                self._relay_by_span.setdefault((e.np.start, e.np.end), []).append(e.via.speaker)

    def attribute(self, start: int, end: int) -> Attribution:
        """Whom the text credits with ``text[start:end]``.

        A span that lies mostly inside a quotation is credited as the quotation is. Otherwise the
        span is reported speech when a speech cue with a subject lies inside it ("X said that ...",
        "X denied ..."), or when the span is the clause a cue of its sentence introduces or follows
        ("X said | S", "S, | X said", "According to X, | S"). Anything else credits nobody.
        """
        att = self._attribute(start, end)
        if att.speaker is not None and att.speaker.outlet:
            # an outlet's words that report someone's speech: "the agency said the ministry “...”", or its
            # quotation "“Ottawa has repeatedly denied ...”": the reported speaker may be credited too
            inner = tuple(self._speakers_inside(start, end))
            if inner:
                return Attribution(att.speaker, att.rule, att.cue, att.cue_span, att.speaker_span, att.written,
                                   att.also + inner)
        return att

    def _speakers_inside(self, start: int, end: int):
        for e in self.ctx.events:
            if e.how == "reported" and e.np is not None and start <= e.np.start < end and e.speaker:
                yield e.speaker
        toks = tokenize(self.ctx.clean, start, end)
        for k, t in enumerate(toks):
            if t.kind == "word" and t.text.islower() and t.low in SPEECH_VERBS:
                np = subject_before(toks, k)
                if np is not None and not np.pronoun:
                    yield describe(np, self.ctx.clean)

    def _attribute(self, start: int, end: int) -> Attribution:
        length = max(1, end - start)
        if self.ctx.in_display(start):
            return NOBODY  # a headline or a caption credits no words to anyone
        lo_i = bisect_left(self._q_lo, start - self._q_longest)
        hi_i = bisect_left(self._q_lo, end)
        for i in sorted(i for lo, hi, i in self._q_ext[lo_i:hi_i] if hi > start):
            q, sp = self.quotes[i]
            inside = sum(max(0, min(b, end) - max(a, start)) for a, b in q.parts)
            if inside >= 0.5 * length or (inside and q.open_mark <= start and end <= q.close_mark):
                return self._from_quote(q, sp)
        a_i, b_i = bisect_left(self._cue_at, start), bisect_left(self._cue_at, end)
        inner = [self._events[i] for i in sorted(self._cue_idx[a_i:b_i])]
        for e in inner:
            if e.speaker is not None or e.written:
                return self._from_event(e, "inside")
        sa, sb = self.ctx.sentence_of(start)
        if sb < end and not inner:
            return NOBODY  # a span over several sentences with no cue in it
        around = [e for e in self._by_sentence.get((sa, sb), ()) if not (start <= e.cue_start < end)]
        before = [e for e in around if e.cue_end <= start]
        after = [e for e in around if e.cue_start >= end]
        for e in (before[-1:] if before else []) + after[:1]:
            if e.speaker is not None or e.written:
                return self._from_event(e, "according" if e.how == "according" else "clause")
        return NOBODY

    def _from_quote(self, q: QuoteSpan, sp: Optional[Speaker]) -> Attribution:
        if q.speaker is None:
            return NOBODY
        span = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        also = tuple(self._relays(span)) if span else ()
        return Attribution(sp, "quote", q.cue, None, span, None if sp else q.speaker, also)

    def _from_event(self, e: Event, rule: Rule) -> Attribution:
        span = (e.np.start, e.np.end) if e.np is not None else None
        also = tuple(self._relays(span)) if span else ()
        return Attribution(e.speaker, rule, e.cue, (e.cue_start, e.cue_end), span, None if e.speaker else e.written, also)

    def _relays(self, span: tuple[int, int]):
        """The outlet whose 'said that' introduces the speaker at ``span``: its words may be credited to either."""
        return self._relay_by_span.get(span, ())


# =============================================================================================
# Reported speech: the clause a speech cue introduces or follows, outside quotation marks.
# =============================================================================================


@dataclass(frozen=True)
class Reported:
    """A reported-speech clause ("X said | that S", "S, | X said", "According to X, | S") and its event."""

    start: int
    end: int
    event: Event

    @property
    def denial(self) -> bool:
        return self.event.cue in DENIAL_VERBS


_CLAUSE_SKIP = EN.words("clause_skip_words")
_LISTENER_CUES = EN.words("listener_cues")
MIN_REPORTED_WORDS = 4


def _clause_after(masked: str, toks: Sequence[Tok], k: int, sb: int) -> Optional[tuple[int, int]]:
    """The clause after the cue at token ``k``: past 'that', a listener ('told reporters') and a short
    adverbial ('on Monday', 'in a statement'), up to the end of the sentence."""
    i = k + 1
    if toks[k].low in _LISTENER_CUES and i < len(toks):
        span = _chunk_forward(toks, i)
        if span:
            i = span[1] + 1
        elif toks[i].is_word and toks[i].text.islower() and toks[i].low not in ("that",):
            i += 1  # "told reporters"
    that = next((x for x in range(i, min(len(toks), i + 9)) if toks[x].low == "that"), None)
    if that is not None and that > i and not (toks[i].low in _PREPOSITIONS or toks[i].low in _ADVERBS
                                              or toks[i].low.endswith("ly") or toks[i].text in _WEEKDAY_NAMES
                                              or toks[i].low in _TIME_WORDS or toks[i].text == ","):
        that = None  # "says they share the belief that ...": the clause starts at "they", not after "belief that"
    if that is not None and all(toks[x].kind != "masked" and toks[x].text not in ",;:" or toks[x].text == ","
                                for x in range(i, that)):
        i = that + 1
    elif i < len(toks) and toks[i].text == ",":
        return None  # "X said, “...”": a quotation follows, not a clause
    while i < len(toks) and toks[i].text in ",":
        i += 1
    if i >= len(toks) or not toks[i].is_word:
        return None
    if toks[i].low == "to" and toks[k].low in INFINITIVE_CUES:
        pass  # "vowed to resign": the promise is what was said
    elif that is None and (toks[i].low in _CLAUSE_SKIP or toks[i].low in ("to", "for", "with", "about", "of", "by", "from")):
        # "said after the meeting he would ...": past a leading phrase to the subject pronoun that opens the clause
        lead = next((x for x in range(i + 1, min(len(toks), i + 7)) if toks[x].low in PRONOUNS
                     and x + 1 < len(toks) and toks[x + 1].is_word and toks[x + 1].text.islower()), None)
        if lead is None or toks[i].low in ("to", "of", "about", "with", "by", "from", "for") \
                or any(not toks[x].is_word for x in range(i, lead)):
            return None  # "said in an interview with ...", "replied to ...": no clause of its own
        i = lead
    elif toks[i].low in ("and", "but", "or", "then"):
        return None  # "“...,” X said and left the room": another verb of X's, not what was said
    end = sb
    while end > toks[i].start and masked[end - 1] in " .!?\n":
        end -= 1
    return toks[i].start, end


CLAUSE_CUES = EN.speech.clause | EN.denial.clause
INFINITIVE_CUES = EN.speech.infinitive
_TAIL = 6  # tokens that may follow ", X said" before the sentence ends ("on Monday in a statement")
# ", X said" after a clause: the comma, then at most three lower-case words of the subject ("top city officials")
_SUBORDINATORS = EN.words("subordinators")
_COMMA_BEFORE = re.compile(r",\s*(?:(?!(?:" + "|".join(sorted(_SUBORDINATORS | {"and", "but", "or", "so", "then"}))
                           + r")\s)[a-z][\w’'-]*\s+){0,3}\s*$")


def _ends_sentence(toks: Sequence[Tok], k: int, e: Event) -> bool:
    """Whether the cue and its subject close the sentence ("S, X said on Monday."): then the clause is before."""
    last = max(k, next((x for x, t in enumerate(toks) if t.start >= (e.np.end if e.np else 0)), k) - 1)
    tail = [t for t in toks[last + 1 :] if t.text not in ".!?"]
    comma = next((x for x, t in enumerate(tail) if t.text == ","), None)
    if comma is not None and comma + 1 < len(tail) and tail[comma + 1].low in _SUBORDINATORS:
        tail = tail[:comma]  # "S, X said on Friday, as they met ...": what follows the comma is no clause of the cue
    return len(tail) <= _TAIL and not any(t.low == "that" or t.kind == "masked" for t in tail)


def _clause_before(masked: str, sa: int, comma: int) -> Optional[tuple[int, int]]:
    """The clause before ', X said' or ', according to X': from the sentence start to the comma."""
    a = sa
    while a < comma and masked[a] in " \n\t":
        a += 1
    return (a, comma) if comma > a else None


def reported_clauses(doc: "Document") -> list[Reported]:
    """Reported-speech clauses of the article, one per speech event that introduces or follows one.

    Clauses that are mostly quotation (a direct quote with its cue) are left to the quotations; a
    clause must carry at least four words of its own.
    """
    ctx = doc.ctx
    masked = ctx.masked
    out: list[Reported] = []
    by_sentence: dict[tuple[int, int], list[Tok]] = {}
    for e in ctx.events:
        if e.np is None or e.how in ("reported", "by") or (e.speaker is None and not e.written):
            continue
        sa, sb = e.sentence
        toks = by_sentence.setdefault((sa, sb), tokenize(masked, sa, sb))
        k = next((x for x, t in enumerate(toks) if t.start == e.cue_start), None)
        if k is None:
            continue
        span = None
        if e.how == "according":
            np_end = e.np.end
            nxt = next((x for x, t in enumerate(toks) if t.start >= np_end), None)
            if nxt is not None and toks[nxt].text == ",":
                span = _clause_after(masked, toks, nxt, sb) if nxt + 1 < len(toks) else None
                if span:
                    span = (toks[nxt + 1].start, span[1]) if toks[nxt + 1].is_word else None
            if span is None and k > 0 and toks[k - 1].text == ",":
                span = _clause_before(masked, sa, toks[k - 1].start)
        elif e.cue not in CLAUSE_CUES and e.cue not in INFINITIVE_CUES:
            continue  # "called the plan a disgrace": an object, not a reported clause
        elif e.how == "participle":
            span = _clause_after(masked, toks, k, sb)  # "..., saying that S"
        elif _ends_sentence(toks, k, e) and (e.how == "inverted" or _COMMA_BEFORE.search(masked, sa, e.np.start)):
            first = min(e.np.start, e.cue_start)
            comma = masked.rfind(",", sa, first)
            if comma != -1 and _COMMA_BEFORE.fullmatch(masked, comma, first):
                span = _clause_before(masked, sa, comma)
        elif e.how == "inverted":
            continue  # '“...,” said X, a former aide who ...': what follows the speaker describes them
        else:
            span = _clause_after(masked, toks, k, sb)
        if span is None:
            continue
        a, b = span
        inner = [o for o in ctx.events if o is not e and a <= o.cue_start < b and o.np is not None and o.how != "reported"]
        for o in inner:
            # "X said S, though she acknowledged T": S is X's clause, T another statement;
            # "Police announced an arrest and said T": the second verb's clause is its own
            cut = re.search(r",\s+(\w+)\s[^,;]*$", masked[a : o.cue_start])
            if not (cut and cut.group(1).lower() in _SUBORDINATORS):
                cut = re.search(r",?\s+(and|but)\s+(?:\w+ly\s+)?$", masked[a : o.cue_start])
            if cut:
                b = a + cut.start()
                while b > a and masked[b - 1] in " .!?\n":
                    b -= 1
                inner = [x for x in inner if x.cue_start < b]
                break
        body = masked[a:b]
        if body.count("_") > 0.3 * len(body) or len(words(body.replace("_", " "))) < MIN_REPORTED_WORDS:
            continue
        if any(len(words(ctx.clean[a + m.start() : a + m.end()])) >= 3 for m in re.finditer(r"_+", body)):
            continue  # a quotation inside: the quotation is the evidence (one of two words is the clause's)
        if e.speaker is not None and e.speaker.outlet and inner:
            continue  # "the agency reported that an official rejected ...": the inner speaker's clause, not this one
            # ("X says that Y called Z on Friday": calling someone is no clause of Y's, so X's clause stays)
        out.append(Reported(a, b, e))
    # "Merrill says Ana promised to ...": Ana's promise is Merrill's account, not Ana's own words
    return [r for r in out if not any(o is not r and o.event is not r.event and o.start <= r.event.cue_start < o.end
                                      for o in out)]
