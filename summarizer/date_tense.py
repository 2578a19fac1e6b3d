"""The tense of a date's own clause: whether "on Tuesday" lies behind the article or ahead of it.

A date is read against the clause it sits in, bounded by its sentence, not against the whole
sentence: "X said on Tuesday | that the plan will cost" is past for Tuesday. The cue words are data
(``lang/en/``); this module only reads them.
"""

from __future__ import annotations

import re
from typing import Optional

from .lexicon import EN

# Tense cues, for the clause around a date.
FUTURE_WORDS = EN.words("future_words")
FUTURE_BEFORE_TO = EN.words("future_before_to")
# Words after which a date is a deadline or a start still to come, whatever the tense of the verb.
TARGET_WORDS = EN.words("target_words")
_ADJECTIVE_BEFORE = EN.words("adjective_before")
_TENSE_SKIP = EN.words("tense_skip_words")
_TENSE_CONTRACTIONS = dict(EN.table("tense_contractions"))
FUTURE_PARTICIPLES = EN.words("future_participles")
PRESENT_WORDS = EN.words("present_words")
PAST_WORDS = EN.words("past_words")
IRREGULAR_PAST = EN.words("irregular_past")
PARTICIPLES = EN.words("irregular_participles")
NOT_PAST_ED = EN.words("not_past_ed")
_PAST_EED = EN.words("past_eed")


_CLAUSE_BREAK = re.compile(r"``|''|[,;:“”\"()]|\bthat\b|\bwhich\b|\bwho\b|\bbut\b|\band\s+(?=[a-z]+ed\b)")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|'ll|’ll")


def clause_around(text: str, start: int, end: int, lo: int = 0, hi: Optional[int] = None) -> str:
    """The clause a date phrase belongs to, within text[lo:hi] (its sentence): 'X said on Tuesday |
    that the plan will cost' is past for Tuesday, though the sentence speaks of the future."""
    a, b = _clause_bounds(text, start, end, lo, len(text) if hi is None else hi)
    return text[a:b]


def _clause_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    left = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end, hi)
    return left, (m.start() if m else hi)


def _cue(words: list[str], i: int) -> Optional[str]:
    """The tense word i of a clause signals, looking at the auxiliaries before it; None if none."""
    w = words[i].lower().replace("’", "'")
    prev = words[i - 1].lower().replace("’", "'") if i > 0 else ""
    prev2 = words[i - 2].lower().replace("’", "'") if i > 1 else ""
    if w.endswith("'ll"):
        return "future"
    if w.endswith("n't"):
        w = _TENSE_CONTRACTIONS.get(w, w[:-3])
    if w in FUTURE_WORDS:
        return "future"
    if w == "to" and prev in FUTURE_BEFORE_TO:
        return "future"
    if w == "would":
        return "unknown"
    past_like = (w in IRREGULAR_PAST or w in PARTICIPLES or
                 (w.endswith("ed") and len(w) > 3 and w not in NOT_PAST_ED and (not w.endswith("eed") or w in _PAST_EED)))
    if past_like:
        if words[i][0].isupper() and i > 0:
            return None  # "United", "Red": names, not verbs
        if prev in _ADJECTIVE_BEFORE:
            return None  # "a still unspecified date", "the planned merger": an adjective, not a verb
        aux = prev if prev not in _TENSE_SKIP else prev2
        if aux in ("be", "being"):
            return None  # the auxiliary further left decides: "will be held", "to be named"
        if aux in PRESENT_WORDS:
            return "future" if w in FUTURE_PARTICIPLES else "present"
        if w in PARTICIPLES and aux not in PAST_WORDS:
            return None
        return "past"
    if w in PAST_WORDS:
        return "past"
    if w in PRESENT_WORDS:
        return "present"
    return None


def _scan(text: str, a: int, b: int, start: int, end: int) -> Optional[str]:
    """The first tense word going left from the date, else going right: the verb a date phrase
    modifies mostly comes before it ("the king met Monday"), or just after a fronted subject
    ("Saddam Hussein on Friday tried"). 'unknown' for "would", which reports without placing."""
    toks = [(m.start(), m.group(0)) for m in _WORD.finditer(text, a, b) if not (start <= m.start() < end)]
    words = [t for _, t in toks]
    left = [i for i, (p, _) in enumerate(toks) if p < start][::-1]
    right = [i for i, (p, _) in enumerate(toks) if p >= end]
    for i in left + right:
        got = _cue(words, i)
        if got is not None:
            return got
    return None


def tense_at(text: str, start: int, end: int, lo: int = 0, hi: Optional[int] = None) -> Optional[str]:
    """'past', 'present', 'future' or None: the tense of the clause around text[start:end], read within
    text[lo:hi] (its sentence). The nearest tense word in the clause decides; a clause with none (a bare
    "On Tuesday,") takes the sentence's."""
    return _tense_detail(text, start, end, lo, hi)[0]


def target_at(text: str, start: int, end: int, lo: int = 0, hi: Optional[int] = None):
    """Whether a past tense around text[start:end] may report a date still to come (see ``read``):
    "lead" after a deadline word, "loose" when its clause has no verb of its own, else False."""
    lead = re.search(r"([A-Za-z]+)\W*$", text[max(lo, start - 30): start])
    if lead and lead.group(1).lower() in TARGET_WORDS:
        return "lead"
    return "loose" if not _tense_detail(text, start, end, lo, hi)[1] else False


def _tense_detail(text: str, start: int, end: int, lo: int, hi: Optional[int]) -> tuple[Optional[str], bool]:
    hi = len(text) if hi is None else hi
    a, b = _clause_bounds(text, start, end, lo, hi)
    own = _scan(text, a, b, start, end)
    got = own or _scan(text, lo, hi, start, end)
    return (None if got == "unknown" else got), own is not None


def looks_future(clause: str) -> bool:
    """Whether a clause talks about something still to happen (its last tense word says so)."""
    return _scan(clause, 0, len(clause), len(clause), len(clause)) == "future"
