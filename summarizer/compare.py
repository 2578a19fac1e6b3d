"""How the merge compares two texts: folded words, content words, stems, and a candidate index.

Shared by every part of the merge (claims, denials, timeline) and by date anchoring, so that "the same
statement" and "the same event" rest on one notion of what a word is. Pure functions only.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Optional

from .lexicon import EN
from .wordforms import spelling_key

_STOP = EN.stop_words


@lru_cache(maxsize=200_000)
def comparable(text: str) -> str:
    """Lower case, words only, British and American spellings folded."""
    return " ".join(spelling_key(w) for w in re.findall(r"[^\W_]+", text.lower()))


def content_words(text: str) -> set[str]:
    return {w for w in comparable(text).split() if w not in _STOP and len(w) > 2}


_SUFFIXES = tuple(w for line in EN.phrases("stem_suffixes") for w in line.split())  # in order: "ing" before "s"


@lru_cache(maxsize=200_000)
def stems(text: str) -> frozenset[str]:
    """Content words with their commonest inflections cut ("arming", "armed" -> "arm"; "drones" -> "drone")."""
    out = set()
    for w in content_words(text):
        for suffix in _SUFFIXES:
            if len(w) - len(suffix) >= 3 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        out.add(w)
    return frozenset(out)


RARE_WORDS = 6  # words that vote for candidate clusters
COMMON_POSTING = 400  # a word in more clusters than this says little about which one


def rare_word_votes(index: dict, keys: list) -> Counter:
    """Votes for candidates from an item's rarest words only, so the cost per item stays flat as the
    index grows (a word shared by thousands of statements would otherwise be read in full each time)."""
    postings = sorted(((len(index.get(k, ())), k) for k in keys), key=lambda x: (x[0], str(x[1])))
    usable = [k for n, k in postings if 0 < n <= COMMON_POSTING][:RARE_WORDS]
    votes: Counter[int] = Counter()
    for k in usable:
        for c in index[k]:
            votes[c] += 1
    return votes


def top(votes: Counter, n: int) -> list[tuple[int, int]]:
    """Most-voted first, ties by position: the same input always merges the same way."""
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


Written = Optional[tuple[date, date]]  # the (earliest, latest) day an article can have been written


def close_in_time(a: Written, b: Written, reach_days: int) -> bool:
    """Whether two articles' writing dates are within ``reach_days``; an undated article could be
    from any time, so it is close to everything."""
    if a is None or b is None:
        return True
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap.days <= reach_days
