"""Does a claim's ``statement`` say only what its ``quote`` (or the quote's sentence) says?

A model may copy a quote faithfully and then summarise it wrongly: a dropped "not", a changed number,
another actor, a claim the quote never makes. The quote check cannot see that, since the quote is in
the article. This check is deterministic and reads only words: the statement's numbers, names and
negation must be found in the support (the quote, then its sentence), and most of its content words
too. A paraphrase with a synonym loses a content word or two, which the share allows; a changed
number, name or polarity does not pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REASON = "statement goes beyond its quote"

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"})
_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12", "thirteen": "13",
    "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
    "thousand": "1000", "million": "1000000", "billion": "1000000000", "half": "0.5", "first": "1",
    "second": "2", "third": "3",
}
#: Words that carry no claim of their own: function words, and the reporting frame of a statement
#: ("X said that ..."), which the quote usually lacks.
_STOP = frozenset("""
a an the and or but if of to in on at by for from with as is are was were be been being am do does did
has have had will would shall should can could may might must it its this that these those there here
he she they we you i me him her them us our their his my your who whom which what when where why how
than then so such also very just about into over after before again more most some any all each other
said says say saying told tell tells telling stated added according claimed claims claim announced
asserted insisted argued warned noted explained confirmed suggested believes believe thinks think
""".split())


@dataclass(frozen=True)
class StatementCheck:
    beyond: bool
    missing: tuple[str, ...]  # the statement's words the support lacks, in statement order

    @property
    def reason(self) -> str | None:
        return f"{REASON} ({', '.join(self.missing[:4])})" if self.beyond else None


def _tokens(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text)]


def _norm(word: str) -> str:
    w = word.lower().strip(".,'")
    if w.endswith("n't"):
        return "not"
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    if w[:1].isdigit():
        return w.replace(",", "").rstrip(".")
    if w.endswith("'s"):
        w = w[:-2]
    return w


def _stem(word: str) -> str:
    """A crude stem: enough that 'raise', 'raised' and 'raising' meet, and plurals meet singulars."""
    for suffix in ("ing", "ed", "es", "s", "e", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)][:6]
    return word[:6]


def _negated(words: list[str]) -> bool:
    return sum(w in _NEGATIONS for w in words) % 2 == 1


def check_statement(statement: str, quote: str, sentence: str | None = None, min_share: float = 0.6) -> StatementCheck:
    """Whether ``statement`` goes beyond ``quote`` (and ``sentence``, the article sentence around it)."""
    raw = _tokens(statement)
    words = [_norm(w) for w in raw]
    quote_words = [_norm(w) for w in _tokens(quote)]
    support_words = quote_words + [_norm(w) for w in _tokens(sentence or "")]
    support = set(support_words)
    support_stems = {_stem(w) for w in support_words}
    missing: list[str] = []
    # numbers: every one must be found as it is
    for w in words:
        if w[:1].isdigit() and w not in support:
            missing.append(w)
    # names: capitalised words after the first, found in the support (a surname for a full name is fine)
    for i, w in enumerate(raw):
        if i and w[:1].isupper() and _norm(w) not in _STOP and _norm(w) not in support and _stem(_norm(w)) not in support_stems:
            missing.append(w)
    # polarity: the statement is negated exactly when its quote is (or, failing a quote, its sentence)
    if _negated(words) != _negated(quote_words):
        if _negated(words) != _negated(support_words) or not sentence:
            missing.append("not" if _negated(words) else "(negation dropped)")
    content = [w for w in words if w not in _STOP and w not in _NEGATIONS and not w[:1].isdigit() and len(w) > 2]
    found = [w for w in content if w in support or _stem(w) in support_stems]
    if content and len(found) / len(content) < min_share:
        missing.extend(w for w in content if w not in found and w not in missing)
    return StatementCheck(beyond=bool(missing), missing=tuple(dict.fromkeys(missing)))
