"""Whether a claim's one-line statement is carried by its quote: "verified" must certify the claim, not
only the words.

A model can pair a real quote with a statement that says something else ("the Alliance is concerned
about Tovia's help" over a quote about Karsland). The check is deterministic and lenient with honest
paraphrase: against the quote and the sentence(s) it stands in, the statement's

* **names** (capitalised words inside a sentence, and names of the speaker aside) must all occur;
* **numbers** must all occur (digits or number words);
* **content words**, by stem, must be found at least ``CONTENT_SHARE`` of the time;
* **polarity**: a statement negates (or denies) exactly when its quote does;
* **hedges**: a quote that hedges ("could", "expects to") is not stated as certain;
* **scope and period**: no "all", "nationwide", "exactly", and no time unit or rate ("annual", "days")
  that the quote and its sentence do not use.

Anything else is reported as "the statement goes beyond its quote", with what is missing. Synonyms are
beyond a word list, so the check is lenient with words and strict with the few that change a fact's
sense: negation, hedging, scope, number and period.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from . import aliases
from .compare import stems
from .lexicon import EN
from .phrases import singular_of
from .textlayer import NAME_WORD

CONTENT_SHARE = 0.4
_NAME = re.compile(rf"\b({NAME_WORD}(?:\s+(?:of\s+)?{NAME_WORD})*)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _names(text: str) -> list[str]:
    """Name phrases ("Port Vane", "Security Council") after the first word of the statement."""
    out = []
    for m in _NAME.finditer(text.strip()):
        if m.start() == 0:
            continue  # a capital that only opens the sentence
        phrase = re.sub(r"['’]s$", "", m.group(1).rstrip("."))
        words = [w for w in phrase.split() if w.lower() not in EN.stop_words | EN.title_words]
        if words:
            out.append(" ".join(words))
    return out


def _present(name: str, evidence: str) -> bool:
    """A name is present in any of its forms: a table form ("Ottawa" for the state), or any of its
    longer words ("Reyes" for "Ana Reyes")."""
    forms = set(aliases.all_forms(name)) | {w for w in name.split() if len(w) >= 4}
    return any(re.search(rf"(?<!\w){re.escape(f.lower())}", evidence) for f in forms)


#: number words with their values (the counts of lang/en/date_words.tsv, "a" and "an" aside), and the
#: multipliers that scale the words before them
_VALUES = {w: int(v) for k, w, v in EN.table("date_words") if k == "count" and w.isalpha() and w not in ("a", "an")}
_VALUES.update({w: int(v) for w, v in EN.table("number_extras")})
_FRACTIONS = EN.words("fraction_words")
#: words before "one" that make it a pronoun ("the previous one", "no one", "each one")
_ONE_PRONOUN_BEFORE = EN.words("one_pronoun_before")
_SCALES = {w: int(v) for w, v in EN.table("number_scales")}
#: "8 million", "3.1 billion": a digit and the scale word after it
_BIG_SCALES = "|".join(w for w, v in _SCALES.items() if v >= 1000)
_SCALED = re.compile(rf"(\d+(?:\.\d+)?)\s*({_BIG_SCALES})\b", re.I)
_NUMBER_RUN = re.compile(r"\b(?:(?:" + "|".join(sorted(_VALUES | _SCALES, key=len, reverse=True)) + r")(?:[\s-]+(?:and\s+)?|\b))+", re.I)


def _spelled(run: str) -> Optional[int]:
    """"two hundred and fourteen" -> 214, "six" -> 6, "a dozen" -> 12; None for a scale word alone."""
    total = current = 0
    seen = False
    for w in re.findall(r"[a-z]+", run.lower()):
        if w in _VALUES:
            current += _VALUES[w]
            seen = True
        elif w in _SCALES:
            current = (current or (1 if seen or w == "dozen" else 0)) * _SCALES[w]
            seen = True
            if _SCALES[w] >= 1000:
                total, current = total + current, 0
    return total + current if seen and (total + current) else None


def _numbers(text: str) -> set[str]:
    """The numbers a text states, as digits: "six years" and "6-year" state the same one, "14%" and "fourteen
    percent" too."""
    return set(_number_forms(text))


def _number_forms(text: str) -> dict[str, str]:
    """Each number the text states, as digits, with the words it is written in."""
    out = {n.replace(",", ""): n for n in _NUMBER.findall(text)}
    for m in _NUMBER_RUN.finditer(text):
        value = _spelled(m.group(0))
        after = re.match(r"\s*([a-z]+)", text[m.end():].lower())
        before = re.search(r"([a-z]+)\s*$", text[: m.start()].lower())
        if after and after.group(1) in _FRACTIONS:
            continue  # "a third", "one quarter": a share
        if re.sub(r"\s+and$", "", m.group(0).strip().lower()) == "one" and (not after or (before and before.group(1) in _ONE_PRONOUN_BEFORE)):
            continue  # "the previous one", "no one": a pronoun, not a count
        if value is not None:
            out[str(value)] = m.group(0).strip()
    for m in re.finditer(r"(?:[$£€¥]\s?|(?<![\w.]))(\d+(?:\.\d+)?)\s*(m|bn)\b", text):
        if not (m.group(0)[0] in "$£€¥" or m.group(2) == "bn" or re.match(r"\s+[a-z]+s\b", text[m.end():])):
            continue  # "the 400m final": metres; "3.1m crowns", "$5m", "2bn": millions and billions
        out[str(int(float(m.group(1)) * (10**6 if m.group(2) == "m" else 10**9)))] = m.group(0)
        out.pop(m.group(1), None)  # "3.1m" states 3,100,000
    # "8 million" and "eight million" both read as 8000000 besides the digit they start with
    for m in _SCALED.finditer(text):
        out[str(int(float(m.group(1)) * _SCALES[m.group(2).lower()]))] = m.group(0)
        if not re.search(rf"(?<![\d.,]){re.escape(m.group(1))}(?![\d.,]*\s*(?:{_BIG_SCALES}))", text, re.I):
            out.pop(m.group(1).replace(",", ""), None)  # "8 million" states 8,000,000, not 8
    for m in _SHARE.finditer(text):  # "nine out of ten", "one in five": a share, as a percentage
        a, b = (_spelled(g) or (int(g) if g.isdigit() else None) for g in m.group(1, 2))
        if a and b and a <= b <= 1000:
            for part in (a, b):  # "nine in ten" states 90%, not nine and ten
                if out.get(str(part), "").lower() in m.group(0).lower():
                    out.pop(str(part), None)
            out[str(round(100 * a / b))] = m.group(0)
    for m in _DURATION.finditer(text):  # "48 hours" and "two days" state one length of time
        n = _spelled(m.group(1)) or _float(m.group(1))
        if n:
            out[_length(n, m.group(2))] = m.group(0)
    return out


_SHARE = re.compile(r"\b(\w+)\s+(?:out\s+of|in)\s+(\w+)\b(?!\s+(?:" + "|".join(
    w for w, _v in EN.table("time_units")) + r")\b)", re.I)
_SECONDS = {w: float(v) for w, v in EN.table("time_units")}


def _length(n: float, unit: str) -> str:
    """A length of time as a key: "48 hours" and "two days" both give "172800s"."""
    return f"{n * _SECONDS[unit.lower()]:.6g}s"

_DURATION = re.compile(r"\b(\d+(?:\.\d+)?|[a-z]+)[\s-]+(" + "|".join(sorted(_SECONDS, key=len, reverse=True)) + r")\b", re.I)


def _stated_numbers(stated: dict[str, str], evidence: set[str]) -> list[str]:
    """The statement's numbers its evidence lacks; a length of time counts as found when the evidence
    states the same length in any unit ("two days" for "48 hours")."""
    missing = []
    for value, written in stated.items():
        if value in evidence:
            continue
        if value.endswith("s"):
            continue  # a length of time: its number is checked on its own below
        duration = next((v for v, w in stated.items() if v.endswith("s") and written in w), None)
        if duration is not None and duration in evidence:
            continue
        missing.append(written)
    return sorted(set(missing))


_NEGATIONS = EN.words("negations") | EN.words("negative_words")
_NEUTRAL = EN.phrases("neutral_phrases")
_NEUTRAL_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(_NEUTRAL, key=len, reverse=True)) + r")(?!\w)", re.I)
#: denial verbs in their verb-only forms: "denied", "rejecting"; "the dispute", "a denial" are nouns
_DENIALS = {f for f in EN.denial_forms if f.endswith(("ed", "ing"))} | {"deny", "denies"}
_HEDGES = EN.phrases("hedge_words")
_DETERMINERS = EN.words("noun_determiners")
_SCOPE = {singular_of(w) for w in EN.words("scope_words")}  # folded as the words compared are
_PERIODS = EN.words("period_words") | {singular_of(w) for w in _SECONDS}
#: where a quote's clauses part: a negation counts only in a clause whose words the statement uses
_CLAUSE_BREAK = re.compile(r"[.!?,;:—–()]|\s(?:and|but|that|which|while|whereas|or)\s")


def _words_of(text: str) -> list[str]:
    """The text's words, lower case, with the phrases that negate or hedge nothing taken out."""
    low = " " + " ".join(re.findall(r"[a-z]+(?:['-][a-z]+)*", text.lower().replace("’", "'"))) + " "
    for phrase in _NEUTRAL:
        low = low.replace(f" {phrase} ", " ")
    return low.split()


def _negates(text: str, statement: str = "") -> bool:
    """Whether the text negates or denies anything ("not", "never", "didn't", "failed to", "denied"). Given
    the statement that paraphrases it, only a clause that shares a word with the statement counts: "within
    weeks, not months" does not negate "lifted within weeks", nor does a clause the statement leaves out."""
    text = _NEUTRAL_RE.sub(" ", text.replace("’", "'"))  # "cannot but", before "but" parts the clauses
    clauses = [c for c in _CLAUSE_BREAK.split(text) if _words_of(c)] if statement else [text]
    said = _stems(statement) if statement else set()
    for clause in clauses:
        negating = [w for w in _words_of(clause) if w in _NEGATIONS or w.endswith("n't") or w in _DENIALS]
        if negating:
            words = _stems(clause) - _stems(" ".join(negating))  # "denied that ...": the denial is no topic
            if len(clauses) == 1 or not words or words & said:
                return True  # a quote of one clause negates whatever the statement makes of it
    return False


def _stems(text: str) -> set[str]:
    """Content stems with a final "e" folded ("receive" and "received" meet), phrases that say nothing out."""
    return {w[:-1] if w.endswith("e") else w for w in stems(" ".join(_words_of(text)))}


def _float(word: str) -> Optional[float]:
    return float(word) if re.fullmatch(r"\d+(?:\.\d+)?", word) else None


def _hedged(text: str) -> Optional[str]:
    """The first hedge of the text ("could", "expects to"), if any; none after a determiner ("its plans to"),
    and the month May is none."""
    ws = _words_of(re.sub(r"\bMay\b", " ", text))
    low = " " + " ".join(ws) + " "
    for h in _HEDGES:
        for m in re.finditer(rf"(?<= ){re.escape(h)}(?= )", low):
            before = low[: m.start()].split()
            if not (before and before[-1] in _DETERMINERS):
                return h
    return None


_APPROXIMATORS = EN.phrases("approximators")
_CAUSES = EN.phrases("cause_words")
_PREFIXES = tuple(sorted(EN.words("negating_prefixes"), key=len, reverse=True))
_CALENDAR = {w.lower() for w in (*EN.calendar.months, *EN.calendar.weekdays)}
#: "next year", "last week", "this month", "the end of the year": a time named relative to another
_RELATIVE_TIME = re.compile(r"\b(?:(?P<edge>end|start|beginning|middle)\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?"
                            r"|(?P<d>next|last|this|coming|past|previous)\s+)(?P<u>" + "|".join(
    sorted(_PERIODS | _CALENDAR, key=len, reverse=True)) + r")\b")


def _approximate(text: str) -> dict[str, str]:
    """The numbers a text makes approximate or bounds, with the phrase that does it ("more than 60")."""
    out = {}
    low = text.lower()
    for a in _APPROXIMATORS:
        for m in re.finditer(rf"(?<![\w]){re.escape(a)}\s+(\S+(?:\s+\S+)?)", low):
            for value in _number_forms(m.group(1)):
                out.setdefault(value, f"{a} {m.group(1)}")
    return out


def _new_cause(statement: str, evidence: str) -> Optional[str]:
    """A cause the statement gives ("because of a strike") whose words its evidence lacks; a cause the
    evidence gives in other words ("for lack of evidence", "citing ...") shares them."""
    low = " ".join(_words_of(statement))
    for c in _CAUSES:
        m = re.search(rf"(?<!\w){re.escape(c)}\s+([^,.;:]+)", low)
        if m:
            why = _stems(m.group(1))
            if why and len(why & _stems(evidence)) < len(why) / 2:
                return f"{c} {m.group(1)}"
    return None


#: relative times that name the same direction ("coming" year is "next" year)
_DIRECTION = {"coming": "next", "past": "last", "previous": "last"}


def _relative_times(text: str) -> set[tuple[str, str]]:
    return {(_DIRECTION.get(m.group("d"), m.group("d")) if m.group("d") else m.group("edge"), singular_of(m.group("u")))
            for m in _RELATIVE_TIME.finditer(" ".join(_words_of(text)))}


def _new_times(statement: str, evidence: str) -> list[str]:
    """Relative times of the statement ("next year") that its evidence contradicts ("this year") or never
    names, not even by the unit ("since the start of the month" for "this month")."""
    theirs = _relative_times(evidence)
    units = {singular_of(w) for w in _words_of(evidence)}
    edges = {"end", "start", "beginning", "middle"}
    return [f"{d} {u}" for d, u in _relative_times(statement)
            if (d, u) not in theirs and (u not in units or any(tu == u and (td in edges) == (d in edges) for td, tu in theirs))]


_BE = EN.words("be_forms")
_SYMMETRIC = EN.words("symmetric_verbs")
_SPEECH = EN.speech_forms
#: the word the parties stand around is a verb in the past ("attacked", "beat"): a noun or a number between
#: two names ("a record of 44.71 seconds in the 400m") may move with them
_IRREGULAR_PAST = EN.words("irregular_past")
_TIMES = _CALENDAR | EN.words("time_words") | _PERIODS  # "on Sunday" moves freely: no party
_REACH = 12  # words either side of the verb where its parties stand (one sentence of the evidence at a time)


def _swapped(statement: str, evidence: str) -> Optional[tuple[str, str, str]]:
    """Two parties on either side of one word that trade sides between the statement and its evidence
    ("the driver attacked the boy" for "the boy had attacked the driver"): (before, word, after) as the
    statement has them. Speech verbs (the quote's "..., X said" is the statement's "X said ..."),
    symmetric verbs ("met") and a passive on either side ("was fined by") read no swap."""
    def tokens(text):
        return [_stem1(w) for w in _words_of_numbers(text)]

    said, ev = tokens(statement), tokens(evidence)
    content = {t for t in said if len(t) >= 4 and t not in EN.stop_words and t not in _TIMES} & set(ev)
    past = [w.endswith("ed") or w in _IRREGULAR_PAST for w in _words_of_numbers(statement)]
    for k, pivot in enumerate(said):
        if not past[k] or (k and said[k - 1] == "as") or pivot not in content or pivot in _SPEECH or pivot in _SYMMETRIC or said.count(pivot) != 1 or ev.count(pivot) != 1:
            continue
        j = ev.index(pivot)
        if _passive(said, k) or _passive(ev, j):
            continue
        left = [t for t in said[max(0, k - _REACH):k] if t in content and t != pivot and said.count(t) == 1 and ev.count(t) == 1]
        right = [t for t in said[k + 1:k + 1 + _REACH] if t in content and t != pivot and said.count(t) == 1 and ev.count(t) == 1]
        for a in left:
            for b in right:
                if ev.index(b) < j < ev.index(a) and j - ev.index(b) <= _REACH and ev.index(a) - j <= _REACH:
                    return a, pivot, b
    return None


def _passive(toks: Sequence[str], k: int) -> bool:
    """A be-form just before the word ("was fined", "had been quietly fined"), or "by" after it."""
    before = toks[max(0, k - 3):k]
    return any(t in _BE for t in before) or "by" in toks[k + 1:k + 5]


def _words_of_numbers(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:['-][a-z]+)*|\d+(?:[.,]\d+)*", _NEUTRAL_RE.sub(" ", text.lower().replace("’", "'")))


def _stem1(w: str) -> str:
    """One word's stem, as the content comparison cuts them ("attacked" -> "attack")."""
    w = re.sub(r"'s$", "", w)
    if not w.isalpha():
        return w  # "19-year-old", "44.71": one token as written
    st = stems(w)
    return next(iter(st)) if st else w


def _antonym(statement: str, evidence: str) -> Optional[tuple[str, str]]:
    """A word of the statement whose opposite (lang/en/antonyms.tsv) the evidence uses instead of it."""
    said, ev = {_stem1(w) for w in _words_of(statement)}, {_stem1(w) for w in _words_of(evidence)}
    for one, other in _ANTONYMS:
        for xs, ys in ((one, other), (other, one)):
            x, y = next((w for w in xs if w in said), None), next((w for w in ys if w in ev), None)
            if x and y and not (xs & ev) and not (ys & said):
                return x, y
    return None


_ANTONYMS = [tuple({_stem1(w) for w in side.split()} for side in row) for row in EN.table("antonyms")]


def _opposite(word: str, others: set[str]) -> Optional[str]:
    """The word in ``others`` that ``word`` negates by a prefix ("unsafe" for "safe"), or the reverse."""
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 4:
            base = word[len(p):].lstrip("-")
            if base in others:
                return base
    return None


def beyond_quote(statement: str, evidence: str, speaker_names: Iterable[str] = (),
                 quote: Optional[str] = None, title: str = "") -> Optional[str]:
    """What the statement says that its evidence (the quote and its sentence) does not, as a reason;
    None when the evidence carries it. Polarity and hedges are compared with the ``quote`` alone (the
    sentence may negate or hedge another clause); without one, with the whole evidence. A name in the
    article's ``title`` is the story's subject, which a statement may name ("the Nord Canal story")."""
    if not statement or not statement.strip():
        return None
    low_evidence = evidence.lower().replace("’", "'")
    speaker_words = {w.lower() for n in speaker_names for w in re.findall(r"[A-Za-z][\w'-]*", n or "")}
    missing_names = sorted({n for n in _names(statement) if not set(n.lower().split()) <= speaker_words
                            and not _present(n, low_evidence) and not _present(n, title.lower().replace("’", "'"))})
    if missing_names:
        return f"the statement goes beyond its quote: it names {', '.join(missing_names)}, the quote does not"
    evidence_numbers = _numbers(evidence)
    missing_numbers = _stated_numbers(_number_forms(statement), evidence_numbers)
    if missing_numbers:
        return f"the statement goes beyond its quote: {', '.join(missing_numbers)} is not in the quote"
    quote = evidence if quote is None else quote
    says_not, quote_not = _negates(statement), _negates(quote, statement)
    if says_not != quote_not and not (says_not and _negates(evidence)):
        return ("the statement goes beyond its quote: it negates what the quote asserts" if says_not
                else "the statement goes beyond its quote: the quote negates what the statement asserts")
    hedge = _hedged(quote)
    if hedge and not _hedged(statement):
        return f"the statement goes beyond its quote: the quote hedges ({hedge!r}), the statement does not"
    said_words, quote_words = set(_words_of(statement)), set(_words_of(quote))
    all_evidence = set(_words_of(evidence))
    flip = next(((w, o) for w in said_words - all_evidence if (o := _opposite(w, all_evidence))), None) \
        or next(((w, o) for w in quote_words - said_words if (o := _opposite(w, said_words))), None)
    flip = flip or _antonym(statement, evidence)
    if flip:
        return f"the statement goes beyond its quote: {flip[0]!r} and {flip[1]!r} say opposite things"
    rest = evidence[len(quote):] if evidence.startswith(quote) else evidence
    swap = next(filter(None, (_swapped(statement, part) for part in [quote, *re.split(r"(?<=[.!?”\"])\s+", rest)])), None)
    if swap:
        return (f"the statement goes beyond its quote: {swap[0]!r} and {swap[2]!r} trade places around "
                f"{swap[1]!r}")
    approximate = _approximate(quote)
    exact = [v for v in _number_forms(statement) if v in approximate and v not in _approximate(statement)]
    if exact:
        return (f"the statement goes beyond its quote: the quote says {approximate[exact[0]]!r}, the statement "
                f"states the number as exact")
    cause = _new_cause(statement, evidence)
    if cause:
        return f"the statement goes beyond its quote: it gives a cause ({cause!r}) that the quote does not"
    when = _new_times(statement, evidence)
    when += [w for w in {c.lower() for c in re.findall(r"\b[A-Z][a-z]+\b", statement)} & _CALENDAR
             if w not in {re.sub(r"'s$", "", x) for x in all_evidence}]  # "on Tuesday"; "may" is no month
    if when:
        return f"the statement goes beyond its quote: {', '.join(sorted(set(when)))} is not in the quote or its sentence"
    evidence_words = {singular_of(w) for w in all_evidence}
    timed = {singular_of(m.group(2).lower()) for m in _DURATION.finditer(statement)
             if _length(_spelled(m.group(1)) or _float(m.group(1)) or 0, m.group(2)) in evidence_numbers}
    wider = sorted(w for w in {singular_of(w) for w in _words_of(statement)}
                   if (w in _SCOPE or w in _PERIODS) and w not in evidence_words and w not in timed)
    if wider:
        return f"the statement goes beyond its quote: {', '.join(wider)} is not in the quote or its sentence"
    said = _stems(statement) - {w.lower() for w in speaker_words}
    if len(said) >= 3:
        share = len(said & _stems(evidence)) / len(said)
        if share < CONTENT_SHARE:
            return (f"the statement goes beyond its quote: {share:.0%} of its words are in the quote "
                    f"and its sentence")
    return None
