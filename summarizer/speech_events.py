"""Speech events: a speech verb with its subject, found in the masked text and resolved in document
order, so that "he" is the last person named as speaking and "the ministry" the last ministry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from . import aliases
from .lexicon import EN
from .textlayer import MARK_CHARS as _MARK_CHARS, Tok, name_run, tokenize
from .speech_words import (
    INVERTIBLE,
    OUTLET_NOUNS,
    PARTICIPLE_CUES,
    PASSIVE,
    PERSON_NOUNS,
    PRESENT_FORMS,
    PRONOUNS,
    SPEECH_VERBS,
    WEAK_CUES,
)
from .phrases import (
    chunk_back,
    chunk_forward,
    clause_stop,
    is_capitalised,
    is_possessive,
    main_subject,
    make_np,
    NP,
    singular_of,
    speech_noun,
    split_person,
    subject_after,
    subject_before,
)
from .speakers import affiliation_of, describe, People, Speaker


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


_CUE_ADVERBS = EN.words("cue_adverbs")
_BE_FORMS = EN.words("be_forms")


def _is_cue(toks: Sequence[Tok], k: int) -> bool:
    t = toks[k]
    opening = (t.kind == "word" and t.text[:1].isupper() and t.text[1:].islower() and t.low in INVERTIBLE
               and all(not x.is_word for x in toks[:k]) and k + 1 < len(toks) and is_capitalised(toks[k + 1]))
    if t.kind != "word" or not (t.text.islower() or opening):
        return False  # a capitalised cue only opening its sentence before a name: "Said Ellis: “...”"
    low = t.low
    if low in ("put", "puts") and k + 1 < len(toks) and toks[k + 1].low == "it":
        if k + 2 == len(toks) or not toks[k + 2].is_word:
            return True  # "..., as the council's memo put it.": the idiom reports the words before it
        m = k - 1
        while m >= 0 and toks[m].low != "as" and (toks[m].is_word or toks[m].text == ".") and k - m <= 6:
            m -= 1
        return m >= 0 and toks[m].low == "as"  # "As Ms. Kova put it in a statement, the network is “...”"
    if low not in SPEECH_VERBS and low not in WEAK_CUES and low not in PARTICIPLE_CUES:
        return False
    if low in PRESENT_FORMS and speech_noun(toks, k):
        return False  # "Roe's remarks", "his latest claims", "the following comment": nouns, not speech
    j = k - 1
    while j >= 0 and toks[j].low in _CUE_ADVERBS:
        j -= 1
    if low.endswith("ing") and low not in PARTICIPLE_CUES and not (j >= 0 and toks[j].low in _BE_FORMS):
        return False  # "a post by a journalist alleging ...": a participle inside a noun phrase, not a speech event
    if low in PARTICIPLE_CUES and k >= 2 and toks[k - 1].low == "by" and toks[k - 2].low not in SPEECH_VERBS:
        return False  # "defined the areas by adding a few towns" is no speech; "responded by saying" is
    if j >= 0 and toks[j].low in PASSIVE and not (low.endswith("ing") and toks[j].low != "as"):
        return False  # "is said to", "was told", "as reported by"; but "is warning that" speaks
    if EN.negated(" ".join(x.text for x in toks[max(0, k - 4) : k]) + " "):
        return False  # "did not deny", "declined to comment", "would not confirm": no statement of that kind
    if (k + 1 == len(toks) or toks[k + 1].text in ".!?") and k > 5 and not any(x.kind == "masked" or x.text in ",:;—–" for x in toks[:k]):
        # "The back and forth between X and Y continues.": nothing before or after it was said (but
        # "“...?” Vitter demanded." is a sentence of its own after the quotation that ends one)
        return False
    if low in WEAK_CUES:
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        inverted = j >= 0 and toks[j].text == "," and nxt is not None and is_capitalised(nxt)
        if not (inverted or (nxt is not None and (nxt.low == "that" or nxt.text in ",:" or nxt.text in _MARK_CHARS or nxt.kind == "masked"))):
            return False
    return True


#: "The statement was made by X", "the remarks were delivered by X": a passive that names who spoke
_MADE = EN.words("passive_speech_verbs")
_STATED_NOUNS = EN.document_nouns | EN.words("stated_nouns")


def find_events(masked: str, sents: Sequence[tuple[int, int]]) -> list[Event]:
    """Every speech event in the masked text, unresolved, in document order."""
    events: list[Event] = []
    for sa, sb in sents:
        toks = tokenize(masked, sa, sb)
        finite: Optional[Event] = None
        for k, t in enumerate(toks):
            if t.low == "according" and k + 2 < len(toks) and toks[k + 1].low == "to":
                span = chunk_forward(toks, k + 2)
                if span:
                    events.append(Event("according to", t.start, toks[k + 1].end, make_np(toks, *span), "according", (sa, sb)))
                continue
            made = t.low in _MADE and k >= 2 and (singular_of(toks[k - 2].low) in _STATED_NOUNS or toks[k - 2].low in PRESENT_FORMS)
            if (t.low in ("reported", "seen", "quoted") or made) and k + 2 < len(toks) and toks[k + 1].low == "by" \
                    and toks[k - 1].low in PASSIVE | {"as"}:
                # "as reported by X"; "This statement was made by X", "The remarks were issued by X": X spoke
                span = chunk_forward(toks, k + 2)
                if span:
                    events.append(Event(t.low + " by", t.start, toks[k + 1].end, make_np(toks, *span), "by", (sa, sb)))
                continue
            if not _is_cue(toks, k):
                continue
            if t.low in PARTICIPLE_CUES:
                np = finite.np if finite and finite.np else main_subject(toks)
                if k >= 2 and toks[k - 1].low == "for" and (span := chunk_back(toks, k - 2)):
                    np = make_np(toks, *span)  # "hit back at X for claiming ...", "criticised X for saying ...": X
                elif k >= 2 and toks[k - 1].low == "by" and toks[k - 2].is_word and (by := subject_before(toks, k - 2)):
                    np = by  # "..., the firm responded by saying ...": whoever responded
                elif k >= 1 and is_capitalised(toks[k - 1]) and (span := chunk_back(toks, k - 1)) and span[0] >= 1 \
                        and toks[span[0] - 1].low == "of" and split_person(toks[span[0] : span[1] + 1], "")[0] is not None:
                    np = make_np(toks, *span)  # "footage of Jane Roe asking, ...": the person it shows, not the footage
                events.append(Event(t.low, t.start, t.end, np, "participle", (sa, sb)))
                continue
            np = subject_before(toks, k)
            how = "subject"
            if np is None and t.low in INVERTIBLE:
                np = subject_after(toks, k, clause_stop(toks, k + 1))
                how = "inverted"
            ev = Event(t.low, t.start, t.end, np, how, (sa, sb))
            events.append(ev)
            if np is not None:
                finite = ev
                # a news outlet relays someone else's words: "the state agency said that the foreign ministry “..."
                rest = k + 1
                if rest < len(toks) and toks[rest].low == "that":
                    rest += 1
                span = chunk_forward(toks, rest) if rest < len(toks) else None
                if span and span[1] + 1 < len(toks) and toks[span[1] + 1].text in _MARK_CHARS:
                    relay = Event(t.low, toks[span[0]].start, toks[span[1]].end, make_np(toks, *span), "reported", (sa, sb), via=ev)
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


_NAME_RUN = name_run(5)
_DOCUMENT_NOUNS = EN.document_nouns
#: how far back (characters) a pronoun with no speaker and no subject before it looks for a person named
_NEAR_MENTION = 400
#: heads of a definite description that stands for a named company or body ("the firm", "the lender")
_BODY_NOUNS = EN.words("company_nouns")


def described_as(text: str, head: str, pos: int) -> Optional[tuple[int, int]]:
    """Where the text last named, before ``pos``, the actor it describes with ``head``: "Acme Bank,
    the Leeds-based lender," or "Leeds lender Acme Bank" for a later "the lender"."""
    stem = re.escape(singular_of(head.rsplit("-", 1)[-1]))
    patterns = [rf"{_NAME_RUN},\s+(?:a|an|the)\s+(?:[\w.'’-]+\s+){{0,4}}?[\w-]*{stem}s?\b",
                rf"\b[\w.'’-]*{stem}s?\s+{_NAME_RUN}"]
    age = re.fullmatch(r"(\d{1,3})-year-old", head)
    if age:  # "the 34-year-old" after "Jane Roe, 34," or "Jane Roe (34)"
        patterns = [rf"{_NAME_RUN},\s+{age.group(1)}\b", rf"{_NAME_RUN}\s+\({age.group(1)}\)"]
    elif singular_of(head) in _DOCUMENT_NOUNS:  # "the statement" after "Acme said in a statement" or "Acme's statement"
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


#: a word for where a person is from, standing alone after "the" ("the Serbian", "the Kenyan", "the Japanese")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|an|i)")


def _one_person(np: NP, people: People, history: Sequence[tuple[int, Speaker]], since: int = 0) -> Optional[Speaker]:
    """The one person the text has named between ``since`` and ``np``, when there is exactly one: a phrase
    with nothing else to go on ("the 34-year-old", a "he" nobody spoke before) may stand for them."""
    named = {n for p, n in people.mentions if since <= p < np.start and _personal(n)}
    if len(named) != 1:
        return None
    n = named.pop()
    return next((old for p, old in reversed(history) if old.name == n),
                Speaker(n, "person", people.roles.get(n), affiliation_of(people.roles.get(n)), False, n, n.split()[-1].lower()))


def _personal(name: str) -> bool:
    """A full name that no organisation or outlet word marks as a body ("Harbour Weekly", "Belmark Lines")."""
    ws = name.lower().split()
    return len(ws) > 1 and not any(w in EN.org_words or w in EN.outlet_words for w in ws)


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
        if spoke is None and want == "person":
            # "This statement was made by journalist Ana Reyes ... “...,” he said": nobody spoke or opened a
            # sentence before, so the person last named, if that was close by
            near = _one_person(np, people, history, since=np.start - _NEAR_MENTION)
            if near is not None:  # a guess only when nobody else is named there
                return near
        return spoke[1] if spoke else None
    sp = describe(np, text)
    described = False
    if np.definite and np.toks and np.toks[-1].text.islower() and not any(is_capitalised(t) and "-" not in t.text for t in np.toks[1:]):
        # "the Leeds-based lender" after "Acme Bank, the Leeds-based lender, ...": the named
        # speaker the text described so
        named = described_as(text, np.toks[-1].low, np.start)
        described = named is not None
        if named is not None:
            a, b = named
            toks = tokenize(text, a, b)
            if toks:
                found = describe(make_np(toks, 0, len(toks) - 1), text)
                return next((old for old in reversed(before) if old.name == found.name), found)
    if np.definite and sp.kind != "person" and sp.name == sp.written and not any(is_capitalised(t) for t in np.toks):
        for old in reversed(before):
            if sp.head in OUTLET_NOUNS and old.outlet:
                return old
            if old.head == sp.head and old.kind != "person":
                return old
            if old.head == sp.head and sp.head in PERSON_NOUNS:
                return old
        if re.fullmatch(r"\d{1,3}-year-old", np.toks[-1].low) and not described:
            # "“...,” the 34-year-old wrote" when no age was given: the one person named before, if only one is
            one = _one_person(np, people, history)
            if one is not None:
                return one
        if sp.head in _BODY_NOUNS and not described:
            # "The investment research firm alleged" with no firm described before: the company named as
            # speaking, a guess made only when one company has spoken so far
            bodies = [(p, old) for p, old in history if p < np.start and old.kind == "organisation"
                      and any(w[:1].isupper() for w in old.name.split())]
            if len({old.name for _p, old in bodies}) == 1:
                return max(bodies, key=lambda x: x[0])[1]
    if np.definite and len(np.toks) == 2 and _DEMONYM.fullmatch(np.toks[1].text) and not sp.outlet \
            and not aliases.lookup(np.toks[1].text) and people.full(np.toks[1].text, np.start) == np.toks[1].text:
        # "“...,” the Serbian said": a person described by where they are from, not a person named Serbian.
        # Who it is the text does not say here (people.mentions misses names that open a sentence, so
        # "the one person in view" is no safe guess): a description that names nobody, never accused
        word = np.toks[1].text
        return Speaker(f"the {word}", "other", None, None, False, f"the {word}", word.lower())
    if sp.kind == "person" and " " not in sp.name.strip():
        full = people.full(sp.name, np.start)
        if full == sp.name:
            # no person of that name: "Acme said" after "Acme Holdings said" is the body, short
            body = next((old for old in reversed(before) if old.kind in ("organisation", "state")
                         and old.name.split()[0] == sp.name), None)
            if body is not None:
                return body
        role = sp.role or people.roles.get(full)
        return Speaker(full, "person", role, affiliation_of(role), False, sp.written, sp.head)
    if sp.kind == "person":
        role = sp.role or people.roles.get(sp.name)
        return Speaker(sp.name, "person", role, affiliation_of(role), False, sp.written, sp.head)
    return sp
