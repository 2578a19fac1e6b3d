"""Who gives what to whom, as a sentence asserts it: a general reading the merge uses to link a denial
to the claim it answers, and to join two outlets' paraphrases of one statement.

The words come from ``lang/en/transfer_words.txt`` (acts of giving and receiving, and classes of what
is given), so a user can extend them. The parties are the run's own actors, plus the table of states
and international bodies; nothing here knows any story. "X supplied rockets to Y" reads as (X, Y,
weapons); "Y received weapons from X" turns round to the same; "X fuels the war by providing support to
Y" takes the subject X as the giver.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Callable, Optional

from . import aliases

MAX_NAME_WORDS = 4
GOODS = ("weapons", "support", "other_goods")


@lru_cache(maxsize=None)
def word_classes() -> dict[str, str]:
    text = resources.files("summarizer").joinpath("lang", "en", "transfer_words.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        cls, _, words = line.partition(":")
        for w in words.split():
            out.setdefault(w, cls.strip())
    return out


def table_party(phrase: str) -> Optional[str]:
    """A state or international body named by its table name, a form of it, or its demonym."""
    phrase = re.sub(r"['’]s$", "", phrase.rstrip("."))
    row = aliases.lookup(phrase)
    if row is None:
        row = aliases.demonym_row(phrase)
    return "E:" + row[0] if row else None


class ActReader:
    """Reads acts with one run's parties. ``party_of`` maps a name as written to a party key (an actor
    id, say) or None; the table of states and bodies is consulted after it. ``side_of`` maps a party
    to the state it belongs to, where the texts say so."""

    def __init__(self, party_of: Callable[[str], Optional[str]] = lambda _name: None,
                 side_of: Optional[dict[str, str]] = None) -> None:
        self._party_of = party_of
        self._side_of = side_of or {}
        self._names: dict[str, Optional[str]] = {}
        self._seqs: dict[str, tuple[str, ...]] = {}

    def party(self, words: str) -> Optional[str]:
        if words not in self._names:
            bare = re.sub(r"['’]s$", "", words.rstrip("."))
            found = self._party_of(bare)
            if found is None and (row := table_party(bare)):
                found = self._party_of(row[2:]) or row  # "Canadian" is the run's own actor for the state
            self._names[words] = found
        return self._names[words]

    def sequence(self, text: str) -> tuple[str, ...]:
        """Parties, acts and goods of a sentence in order ("P:<party>", "give", "weapons", ...)."""
        if text in self._seqs:
            return self._seqs[text]
        classes = word_classes()
        words = re.findall(r"[A-Za-z][\w'’.-]*", text)
        if not any(w.lower().strip(".") in classes for w in words):
            self._seqs[text] = ()  # no act and nothing given: no names worth looking up
            return ()
        seq: list[str] = []
        i = 0
        while i < len(words):
            # a name starts with a capital: only there is a lookup worth its cost
            for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1) if words[i][0].isupper() else ():
                p = self.party(" ".join(words[i : i + n]))
                if p:
                    seq.append("P:" + p)
                    i += n
                    break
            else:
                w = words[i].lower().strip(".")
                if w in classes:
                    seq.append(classes[w])
                elif w in ("against", "versus"):
                    seq.append("AGAINST")
                elif w == "by":
                    seq.append("BY")
                i += 1
        self._seqs[text] = tuple(seq)
        return self._seqs[text]

    def goods(self, text: str) -> set[str]:
        return set(self.sequence(text)) & set(GOODS)

    def pairs(self, text: str) -> set[tuple[str, str]]:
        """(giver, taker) around each act: the nearest party before a giving word gives, the nearest
        after takes; a receiving word turns it round. A party right after "against" is not a giver."""
        seq = self.sequence(text)
        out = set()
        for i, c in enumerate(seq):
            if c not in ("give", "receive"):
                continue
            before = next((x for j, x in reversed(list(enumerate(seq[:i])))
                           if x.startswith("P:") and (j == 0 or seq[j - 1] != "AGAINST")), None)
            if c == "give" and i > 0 and seq[i - 1] == "BY":
                before = next((x for x in seq[:i] if x.startswith("P:")), before)
            after = next((x for x in seq[i + 1 :] if x.startswith("P:") and x != before), None)
            if before and after:
                giver, taker = (before, after) if c == "give" else (after, before)
                out.add((giver, taker))
                # a gift to a state's private army is a gift to that state's side, when the text says whose
                out.add((self._side(giver), self._side(taker)))
        return out

    def _side(self, party: str) -> str:
        side = self._side_of.get(party[2:])
        return "P:" + side if side else party


def goods_of(found: set[str]) -> set[str]:
    """What is given, as far as a denial is concerned; a giving act that names nothing is "unspecified"."""
    return found or {"unspecified"}


def answers(denied_pairs: set, denied_goods: set[str], claim_pairs: set, claim_goods: set[str]) -> bool:
    """Whether a claim asserts the act a denial rejects: the same (giver, taker), and goods that fit.
    A denial of support also denies giving weapons (the broader denial covers the narrower claim), not
    the reverse; a claim that names no goods is answered by a denial about weapons or support; a claim
    about other goods (oil, food) is not."""
    if not denied_pairs & claim_pairs:
        return False
    denied, claimed = goods_of(denied_goods), goods_of(claim_goods)
    if "other_goods" in claimed and not claimed & {"weapons", "support"}:
        return False
    if "unspecified" in claimed:
        return bool(denied & {"weapons", "support"})
    if "support" in denied:
        denied = denied | {"weapons"}
    return bool(denied & claimed)
