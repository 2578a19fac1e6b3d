"""Reported speech: the clause a speech cue introduces or follows, outside quotation marks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from .lexicon import EN
from .textlayer import Tok, tokenize
from .speech_words import DENIAL_VERBS, PREPOSITIONS, PRONOUNS, SPEECH_ADVERBS, TIME_WORDS, WEEKDAY_NAMES
from .phrases import chunk_forward, is_possessive, words
from .speech_events import Event


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
#: "<anyone> reported that X said ...": whoever reports relays X's words, outlet list or not
_RELAY_CUES = EN.words("relay_cues")
_OBJECT_PREPOSITIONS = EN.words("object_prepositions")
_COORDINATORS = EN.words("clause_coordinators")
_ARTICLES = EN.words("articles")
_LISTENER_CUES = EN.words("listener_cues")
MIN_REPORTED_WORDS = 4


def _clause_after(masked: str, toks: Sequence[Tok], k: int, sb: int) -> Optional[tuple[int, int]]:
    """The clause after the cue at token ``k``: past 'that', a listener ('told reporters') and a short
    adverbial ('on Monday', 'in a statement'), up to the end of the sentence."""
    i = k + 1
    if toks[k].low in _LISTENER_CUES and i < len(toks):
        span = chunk_forward(toks, i)
        if span:
            i = span[1] + 1
        elif toks[i].is_word and toks[i].text.islower() and toks[i].low not in ("that",) \
                and toks[i].low not in PREPOSITIONS and toks[i].low not in _CLAUSE_SKIP:
            i += 1  # "told reporters", but not "warned on Sunday of ..."
    that = next((x for x in range(i, min(len(toks), i + 12)) if toks[x].low == "that"), None)
    if that is not None and that > i and not (toks[i].low in PREPOSITIONS or toks[i].low in SPEECH_ADVERBS
                                              or toks[i].low.endswith("ly") or toks[i].text in WEEKDAY_NAMES
                                              or toks[i].low in TIME_WORDS or toks[i].text == ","):
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
    elif that is None and (toks[i].low in _CLAUSE_SKIP or toks[i].low in _OBJECT_PREPOSITIONS):
        # "said after the meeting he would ...": past a leading phrase to the subject pronoun that opens the clause
        lead = next((x for x in range(i + 1, min(len(toks), i + 7)) if toks[x].low in PRONOUNS
                     and x + 1 < len(toks) and toks[x + 1].is_word and toks[x + 1].text.islower()), None)
        if lead is None or toks[i].low in _OBJECT_PREPOSITIONS \
                or any(not toks[x].is_word for x in range(i, lead)):
            return None  # "said in an interview with ...", "replied to ...": no clause of its own
        i = lead
    elif toks[i].low in _COORDINATORS:
        return None  # "“...,” X said and left the room": another verb of X's, not what was said
    end = _clause_end(masked, toks[i].start, sb)
    while end > toks[i].start and masked[end - 1] in " .!?\n":
        end -= 1
    return toks[i].start, end


#: where a reported clause gives way to the writer's own words: ", although ...", ", but ...", ", and when ...",
#: ", citing ..." (the reason the writer gives)
_CONCESSIVE = re.compile(r",\s+(?:although|though|but|whereas|even\s+as|citing|and\s+(?:when|while|after|before|then))\b")


def _clause_end(masked: str, start: int, sb: int) -> int:
    """The end of the clause a cue reports: the sentence end, or a concession or a new turn before it
    ("the test was its biggest yet, although it may take days to ..."), or a closing ", which ..." that
    describes its last words ("the reality of climate change, which makes him an outlier")."""
    m = _CONCESSIVE.search(masked, start, sb)
    end = m.start() if m else sb
    last = _CLOSING_RELATIVE.search(masked, start, end)
    if last is None and (app := _CLOSING_APPOSITIVE.search(masked, start, end)):
        before = re.search(r"([\w.’'-]+)$", masked[start : app.start()])
        last = app if before and before.group(1)[:1].isupper() else None
    return last.start() if last else end


#: ", which ..." running to the clause end with no comma of its own
_CLOSING_RELATIVE = re.compile(r",\s+which\s[^,;:]*[.!?]?\s*$")
#: "... with Ivo Kell, the presumed favourite": a closing appositive that describes the name before it
_CLOSING_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s[^,;:]{0,80}[.!?]?\s*$")


CLAUSE_CUES = EN.speech.clause | EN.denial.clause
INFINITIVE_CUES = EN.speech.infinitive
OBJECT_CUES = EN.speech.objects
NAMING_CUES = EN.speech.naming
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
    if e.how == "inverted" and len(tail) > 1 and tail[0].text == "," and (tail[1].low in _ARTICLES or is_possessive(tail[1])):
        tail = []  # "S, said Jo Barr, a senior official at the agency.": an appositive describes the speaker
    elif e.how == "subject" and len(tail) >= 4 and tail[0].text == "," and tail[1].is_word \
            and tail[1].low not in PREPOSITIONS and not tail[1].low.endswith("ing") and sum(t.is_word for t in tail) >= 3:
        return False  # "To be safe, he said, officials should check": the clause goes on past the cue
    return len(tail) <= _TAIL and not any(t.low == "that" or t.kind == "masked" for t in tail)


def _interposed(masked: str, toks: Sequence[Tok], k: int, e: Event, sa: int, sb: int) -> Optional[tuple[int, int]]:
    """"The museum, Mr. Bush said, celebrated his heroes": a cue set between commas inside its clause
    reports the whole sentence (the cue's own words lie inside it, and credit it)."""
    if e.np is None or e.np.start >= e.cue_start or not re.search(r",\s*$", masked[sa : e.np.start]):
        return None
    i = k + 1
    while i < len(toks) and i <= k + 4 and toks[i].is_word and toks[i].low not in ("that",):
        i += 1  # "said on Friday,"
    if i + 1 >= len(toks) or toks[i].text != "," or not toks[i + 1].is_word or toks[i + 1].kind == "masked":
        return None
    end = _clause_end(masked, toks[i].start, sb)
    while end > sa and masked[end - 1] in " .!?\n":
        end -= 1
    a = sa
    while a < end and masked[a] in " \n\t":
        a += 1
    return (a, end) if end > a else None


def _object_after(toks: Sequence[Tok], k: int, sb: int, masked: str) -> Optional[tuple[int, int]]:
    """"X accused the mayor of lying", "X called for a recount": the object and what follows it, to the end
    of the sentence. A cue that wants a particle first ("for", "on") reports nothing without one ("called
    the police")."""
    opening = OBJECT_CUES[toks[k].low]
    i = k + 1
    if i >= len(toks) or not toks[i].is_word or toks[i].kind == "masked" or toks[i].low in _COORDINATORS:
        return None
    if opening and toks[i].low not in opening and toks[k].low in NAMING_CUES and toks[i].low not in ("a", "an"):
        # "called the plan a disgrace", "called it a hoax": an "a" names the object in its own clause
        named = next((x for x in range(i + 1, min(len(toks), i + 9)) if toks[x].text in ",;:" or toks[x].low in ("a", "an")), None)
        if named is None or toks[named].low not in ("a", "an"):
            return None
    elif opening:
        if toks[i].low not in opening:
            return None
        i += 1
        if i >= len(toks) or not toks[i].is_word:
            return None
    elif toks[i].low in PREPOSITIONS:
        return None  # "criticised in the report": no object of its own
    end = sb
    tail = _OBJECT_TAIL.search(masked, toks[i].start, sb)
    if tail:
        end = tail.start()  # "... of lying, though records show ...", "... in a statement on Thursday"
    while end > toks[i].start and masked[end - 1] in " .!?\n":
        end -= 1
    return toks[i].start, end


#: where an object's report ends: a comma and a conjunction, or the occasion ("in a statement", "in an interview")
_OCCASION_NOUNS = EN.document_nouns | EN.words("occasion_nouns")
_OBJECT_TAIL = re.compile(r",\s+(?:" + "|".join(sorted(_SUBORDINATORS | {"but", "and"})) + r")\b|\s+(?:in|during)\s+"
                          r"(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(_OCCASION_NOUNS)) + r")s?\b"
                          # "described X as Y when he ran ...": a time or reason clause is no part of the object
                          r"|\s(?:" + "|".join(sorted(_SUBORDINATORS - {"as"})) + r")\s")


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
        elif e.cue in OBJECT_CUES and e.how in ("subject", "participle") and e.cue_start > e.np.start \
                and (e.cue not in CLAUSE_CUES or (k + 1 < len(toks) and toks[k + 1].low in OBJECT_CUES[e.cue])):
            span = _object_after(toks, k, sb, masked)  # "X accused the mayor of lying"
        elif e.cue not in CLAUSE_CUES and e.cue not in INFINITIVE_CUES:
            continue  # "commented on the plan": no clause and no object that says what was said
        elif e.how == "participle":
            span = _clause_after(masked, toks, k, sb)  # "..., saying that S"
        elif _ends_sentence(toks, k, e) and (e.how == "inverted" or _COMMA_BEFORE.search(masked, sa, e.np.start)):
            first = min(e.np.start, e.cue_start)
            comma = masked.rfind(",", sa, first)
            if comma != -1 and _COMMA_BEFORE.fullmatch(masked, comma, first):
                span = _clause_before(masked, sa, comma)
        elif e.how == "inverted":
            continue  # '“...,” said X, a former aide who ...': what follows the speaker describes them
        elif (mid := _interposed(masked, toks, k, e, sa, sb)) is not None:
            span = mid
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
            if o.how == "participle" and re.search(r",\s*$", masked[a : o.cue_start]):
                cut = re.search(r",\s*$", masked[a : o.cue_start])  # "X said S, arguing that T": T is a second statement
            elif not (cut and cut.group(1).lower() in _SUBORDINATORS):
                cut = re.search(r",?\s+(and|but)\s+(?:\w+ly\s+)?$", masked[a : o.cue_start])
            if not cut and o.np is not None and a < o.np.start < o.cue_start:
                # "Republicans said they were sure and Democrats accused the party of ...": a second subject's statement
                cut = re.search(r"(?:,\s*|\s+)(?:and|but|while|whereas)\s+$|;\s*$", masked[a : o.np.start])
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
        if e.speaker is not None and (e.speaker.outlet or e.cue in _RELAY_CUES) and inner:
            continue  # "the agency reported that an official rejected ...": the inner speaker's clause, not this one
            # ("X says that Y called Z on Friday": calling someone is no clause of Y's, so X's clause stays)
        out.append(Reported(a, b, e))
    # "Merrill says Ana promised to ...": Ana's promise is Merrill's account, not Ana's own words
    return [r for r in out if not any(o is not r and o.event is not r.event and o.start <= r.event.cue_start < o.end
                                      for o in out)]
