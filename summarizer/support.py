"""Whether a claim's one-line statement is carried by its quote: "verified" must certify the claim, not
only the words.

A model can pair a real quote with a statement that says something else ("the Alliance is concerned
about Tovia's help" over a quote about Karsland). The check is deterministic and lenient with honest
paraphrase: against the quote and the sentence(s) it stands in, the statement's

* **names** (capitalised words inside a sentence, and names of the speaker aside) must all occur;
* **numbers** must all occur (digits or number words);
* **content words**, by stem, must be found at least ``CONTENT_SHARE`` of the time.

Anything else is reported as "the statement goes beyond its quote", with what is missing.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from . import aliases
from .compare import stems
from .lexicon import EN
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
        if m.group(0).strip().lower() == "one" and (not after or (before and before.group(1) in _ONE_PRONOUN_BEFORE)):
            continue  # "the previous one", "no one": a pronoun, not a count
        if value is not None:
            out[str(value)] = m.group(0).strip()
    for m in re.finditer(r"[$£€¥]\s?(\d+(?:\.\d+)?)\s*(m|bn)\b", text):
        out[str(int(float(m.group(1)) * (10**6 if m.group(2) == "m" else 10**9)))] = m.group(0)
        out.pop(m.group(1), None)  # "3.1m" states 3,100,000
    # "8 million" and "eight million" both read as 8000000 besides the digit they start with
    for m in _SCALED.finditer(text):
        out[str(int(float(m.group(1)) * _SCALES[m.group(2).lower()]))] = m.group(0)
        if not re.search(rf"(?<![\d.,]){re.escape(m.group(1))}(?![\d.,]*\s*(?:{_BIG_SCALES}))", text, re.I):
            out.pop(m.group(1).replace(",", ""), None)  # "8 million" states 8,000,000, not 8
    return out


def beyond_quote(statement: str, evidence: str, speaker_names: Iterable[str] = ()) -> Optional[str]:
    """What the statement says that its evidence (the quote and its sentence) does not, as a reason;
    None when the evidence carries it."""
    if not statement or not statement.strip():
        return None
    low_evidence = evidence.lower().replace("’", "'")
    speaker_words = {w.lower() for n in speaker_names for w in re.findall(r"[A-Za-z][\w'-]*", n or "")}
    missing_names = sorted({n for n in _names(statement) if not set(n.lower().split()) <= speaker_words
                            and not _present(n, low_evidence)})
    if missing_names:
        return f"the statement goes beyond its quote: it names {', '.join(missing_names)}, the quote does not"
    stated = _number_forms(statement)
    missing_numbers = sorted(stated[v] for v in set(stated) - _numbers(evidence))
    if missing_numbers:
        return f"the statement goes beyond its quote: {', '.join(missing_numbers)} is not in the quote"
    said = stems(statement) - {w.lower() for w in speaker_words}
    if len(said) >= 3:
        found = len(said & stems(evidence)) / len(said)
        if found < CONTENT_SHARE:
            return (f"the statement goes beyond its quote: {found:.0%} of its words are in the quote "
                    f"and its sentence")
    return None
