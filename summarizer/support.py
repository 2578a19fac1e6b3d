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
_NUMBER_WORDS = EN.words("number_words")
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


def _numbers(text: str) -> set[str]:
    low = text.lower()
    return set(_NUMBER.findall(text)) | {w for w in re.findall(r"[a-z]+", low) if w in _NUMBER_WORDS}


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
    missing_numbers = sorted(_numbers(statement) - _numbers(evidence))
    if missing_numbers:
        return f"the statement goes beyond its quote: {', '.join(missing_numbers)} is not in the quote"
    said = stems(statement) - {w.lower() for w in speaker_words}
    if len(said) >= 3:
        found = len(said & stems(evidence)) / len(said)
        if found < CONTENT_SHARE:
            return (f"the statement goes beyond its quote: {found:.0%} of its words are in the quote "
                    f"and its sentence")
    return None
