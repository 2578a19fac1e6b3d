"""The model-free extractor: quotations, who said them, denials and dated events, by rules.

Why rules at all: they need no key and no network, and they give the same answer every run. Each
decision can be traced to a few characters of the article. That also makes them a yardstick for the
model's answers. The price is coverage: reported speech without a speech verb, irony and
coreference beyond "he", "she", "it", "they" and "the ministry" are out of reach.

How an article is read (each step is a pure function below):

1. **Boilerplate is blanked** with spaces of the same length, so every offset still points into
   ``Article.text`` while ads and related-story teasers can neither hold a quote nor name a speaker.
2. **Quotation marks are paired** one paragraph at a time. Each mark gets the roles (open, close)
   that its glyph and its neighbours allow: a straight ``"`` after a space opens, one before a space
   or punctuation closes, and an apostrophe inside a word (don't, Korea's) or before a year ('90s) is
   no mark at all. A stack pairs opens and closes of the same family (double, single, guillemet). A
   quotation whose opening mark starts a paragraph and is never closed continues into the next
   paragraph when that paragraph reopens with a mark, as news style writes long quotations.
3. **Quotations are masked** (their inside replaced by ``_``), so that sentence splitting and the
   search for speakers never read words that are inside quotation marks.
4. **Speech events** are found in the masked text: a speech verb and its subject (``X said``,
   ``said X``, ``X told Y``, ``X, director general of ..., said``, ``according to X``, ``as reported
   by X``). They are resolved in document order, so ``he`` can be read as the last person named as
   speaking, and ``the ministry`` as the last ministry that spoke.
5. **Each quotation takes its speaker** from the event next to it: right after the closing mark,
   then before the opening mark in the same sentence, then later in the sentence. A quotation with
   none takes the speaker of the quotation before it in the paragraph, or of the paragraph before it
   when it stands alone. A quoted phrase inside a sentence takes the sentence's subject.
6. **Scare quotes are dropped.** Titles and names in quotation marks ("One Hundred Years of
   Solitude", "Hwasong-17") are never quotes. Phrases of one or two words are kept only when a
   speech verb in the same sentence credits them to a speaker ("called it "reckless""), and then
   they are ``fragment`` quotes. Phrases of three words or more are kept, as ``fragment`` when they
   sit inside a sentence and as ``statement`` when they stand as speech of their own.

``extract`` turns all of this into an ``ArticleExtraction``. Claims come from quotations, denials
from the denial verbs, and events from date expressions, which are resolved by ``summarizer.dates``.
Actors are the speakers, the deniers and the accused, with titles, and ``summarizer.aliases`` names
the states and organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from . import aliases, date_phrases, dates
from .attribution import Context, Document, QuoteSpan, find_quotes  # noqa: F401  (re-exported: the extractor's reading of quotes)
from .phrases import NP, main_subject, subject_before, words
from .reported import reported_clauses
from .speakers import Speaker
from .speech_events import described_as, speaker_for
from .speech_words import DENIAL_VERBS, ORG_WORDS, PARTICIPLE_CUES, PASSIVE, PRONOUNS
from .lexicon import EN
from .models import Actor, Article, ArticleExtraction, Claim, DatedEvent, Denial
from .textlayer import MARK_CHARS as _MARK_CHARS, NAME_WORD, ends_abbreviation, name_run, sentences, tokenize, trim  # noqa: F401

__all__ = ["QuoteSpan", "find_quotes", "extract"]

_DETERMINERS = EN.words("name_openers")
_NOT_DENIED = EN.words("not_denied")
_FALSE_WORDS = "|".join(r"\s+".join(map(re.escape, p.split()))
                        for p in sorted(EN.phrases("false_words"), key=len, reverse=True))
#: A quotation that is itself a denial: "This claim is completely and utterly false.", "Utterly false
#: and complete fiction", "There is no truth to it."
_QUOTED_DENIAL = re.compile(
    rf"^\W*(?:(?P<subj>(?:this|that|these|those|the|it|such|his|her|their)\b[^,.;:!?]{{0,120}}?)\s+(?:is|are|was|were)\s+|it['’]s\s+|(?:this|that)['’]s\s+"
    rf"|(?:is|are|was|were)\s+)?"
    rf"(?:(?:completely|utterly|totally|absolutely|entirely|simply|just|all|and|a|complete|total|an?\s+utter|pure|sheer|"
    rf"blatant|outright|nothing\s+but|nothing\s+more\s+than)\s+)*"
    rf"(?:{_FALSE_WORDS})\b(?=\s*(?:$|[,.;!?”\"]|and\b|or\b))|^\W*there\s+is\s+no\s+truth\b"
    rf"|\b(?:we|i)\s+(?:\w+ly\s+)?(?:deny|reject|disagree|dispute|refute)\b",
    re.I,
)

# =============================================================================================
# Dates.
# =============================================================================================

# The phrase finder lives with the reader of the phrases (summarizer.dates).
find_date_phrases = date_phrases.find_date_phrases


MAX_DATELINE_CHARS = 160
_DATELINE_MARKER = re.compile(r"\b(?:date|published|updated|posted)\b", re.I)


def _is_dateline(line: str, m_start: int, m_end: int) -> bool:
    """A line that only states when the page was published ("Wire Published 30 Jan, 2023 06:40am").
    Such a line is short: a paragraph of the story is none, however it starts."""
    if len(line) > MAX_DATELINE_CHARS:
        return False
    rest = line[:m_start] + " " + line[m_end:]
    rest = re.sub(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|at|gmt|utc|[ap]m)\b|\d{1,2}:\d{2}(?:\s*[ap]m)?", " ", rest, flags=re.I)
    return bool(_DATELINE_MARKER.search(line[:m_start])) or len(words(rest)) <= 3


# =============================================================================================
# Denials.
# =============================================================================================

_OBJECT_STOP = re.compile(
    r"\s+(?:after|because|but|while|as|saying|calling|warning|adding|according|citing|in\s+a\s+statement|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|[,;:.!?](?:\s|$)|[”\"](?:\s|$)",
    re.I,
)
#: What a denial may deny by name: the accusation and document nouns, singular or plural.
_CLAIM_NOUNS = sorted(EN.accusation_nouns | EN.document_nouns | EN.words("denied_nouns"))
_ACCUSATION_NOUNS = "|".join(rf"{re.escape(n)}s?" for n in _CLAIM_NOUNS)
_CLAIM_ONLY = EN.denial.claim_object


def _names_a_claim(obj: str) -> bool:
    """Whether a '+claim' denial verb's object is something said: "the claims", "that S", a quotation."""
    head = obj.lstrip()
    if head[:1] in "“\"‘'" or re.match(r"that\b", head, re.I):
        return True
    return bool(re.search(rf"\b(?:{_ACCUSATION_NOUNS})\b", " ".join(head.split()[:8]), re.I))


@dataclass
class _Denial:
    speaker: Speaker
    denied: str
    accuser: Optional[Speaker]
    quote: str
    when: Optional[str]
    pos: int


def _denial_object(text: str, start: int, end: int) -> str:
    """The object clause of a denial verb: up to the end of the clause."""
    rest = text[start:end].lstrip(" ”\"’")
    m = next((m for m in _OBJECT_STOP.finditer(rest) if not (m.group().startswith(".") and ends_abbreviation(rest, m.start()))), None)
    obj = rest[: m.start()] if m else rest
    return obj.strip(" ”“\"‘’'")


_NAME = name_run(4)


def _accuser(obj: str, sentence: str, text: str = "", pos: int = 0) -> Optional[Speaker]:
    """Whose claim is denied: a name heading the denied claim ("the U.S. claims", "the NATO summit
    declaration"), the name it is "from" or "by" ("a report by reporter Jane Roe"), "after X said"
    in the same sentence, or, for "the report" alone, whoever the text named as its author before."""
    m = re.search(rf"((?:{NAME_WORD}\s+){{1,4}}?)(?:[a-z-]+\s+)?(?:{_ACCUSATION_NOUNS})\b", obj)
    cand = None
    if m:
        cand = m.group(1).strip()
    elif (m := re.search(rf"\b(?:{_ACCUSATION_NOUNS})\s+(?:from|by)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,4}}{_NAME}"
                         r"(?=\s*(?:$|[,;]|(?:that|who|which|alleging|saying|claiming|accusing|about|on|in)\b))", obj)):
        cand = m.group(1).strip()
    else:
        m = re.search(rf"\bafter\s+(?:the\s+)?((?:{NAME_WORD}\s+){{1,4}}?)(?:said|accused|claimed|alleged)\b", sentence)
        if m:
            cand = m.group(1).strip()
    if not cand and text and (m := re.search(rf"\b(?:the|this|that|these|those)\s+({_ACCUSATION_NOUNS})\b",
                                             " ".join(obj.split()[:8]), re.I)):
        named = described_as(text, m.group(1).lower(), pos)  # "the report" after "Jane Roe's report"
        if named:
            cand = text[named[0] : named[1]]
    if not cand:
        return None
    cand = re.sub(r"[’']s$", "", cand)
    row = aliases.lookup(cand)
    if row:
        return Speaker(row[0], row[1], written=cand)
    if all(w[:1].isupper() for w in cand.split()):
        return Speaker(cand, "organisation" if any(w.lower() in ORG_WORDS for w in cand.split()) else "other", written=cand)
    return None


_ORIGIN = frozenset(_CLAIM_NOUNS)
_NOMINAL_DENIAL = re.compile(r"\b(?:" + "|".join(sorted(EN.words("denial_nouns"))) + r")s?\s+of\s+", re.I)
_ACCUSING_CUES = tuple(sorted(EN.words("accusing_cues")))


def _origin_noun(subj: str) -> Optional[str]:
    """The accusation or document noun a quoted denial calls untrue, as written ("allegations" in "these
    allegations"), or None."""
    return next((w for w in reversed(subj.lower().split()) if w in _ORIGIN or w.rstrip("s") in _ORIGIN), None)


def _has_word(text: str) -> bool:
    return re.search(r"[^\W\d_]", text) is not None


def _denial_sentence(quote: str) -> Optional[tuple[str, str, bool]]:
    """When a quotation's first sentence denies (see ``_QUOTED_DENIAL``): that sentence, the phrase it
    calls untrue ("this claim"), and whether the quotation goes on to say more ("We disagree. To be
    clear, we believe ..." is a denial and a claim)."""
    first = re.match(r".+?[.!?](?=\s+[A-Z“\"‘]|\s*$)", quote.strip(), re.S)
    head = first.group(0) if first else quote.strip()
    m = _QUOTED_DENIAL.search(head)
    if not m:
        return None
    return head, (m.group("subj") or "").strip(), len(quote.strip()) > len(head) + 2


def _quoted_accuser(ctx: Context, noun: Optional[str], pos: int, found: list[_Denial], denier: str) -> Optional[Speaker]:
    """Whose claim a quoted denial answers: the author the text gave its noun ("these allegations" after
    "Y's allegations"), or else the accuser of the last denial before it in the article, which the
    quotation usually carries on ("The ministry rejected Y's report. “This claim is false,” it said.")."""
    if noun:
        named = described_as(ctx.clean, noun, pos)
        if named:
            cand = ctx.clean[named[0] : named[1]]
            row = aliases.lookup(cand)
            return Speaker(row[0], row[1], written=cand) if row else Speaker(cand, "other", written=cand)
    other = [d for d in found if d.accuser is not None and aliases.fold(d.accuser.name) != aliases.fold(denier)]
    if other:  # the accuser of the nearest denial, before it if there is one
        before = [d for d in other if d.pos < pos]
        return (before[-1] if before else min(other, key=lambda d: abs(d.pos - pos))).accuser
    said = [e for e in ctx.events if e.cue_start < pos and e.speaker is not None and e.speaker.kind != "other"
            and not e.speaker.outlet and aliases.fold(e.speaker.name) != aliases.fold(denier)]
    accusing = [e for e in said if any(e.cue.startswith(c) for c in _ACCUSING_CUES)] or said
    return accusing[-1].speaker if accusing else None


def find_denials(ctx: Context) -> list[_Denial]:
    """Denials: a denial verb with who denies (its subject) and what (its object clause).

    The verb is read in the unmasked text, because denials are often quoted ("the foreign ministry
    "most strongly denounces and rejects" the declaration"). Passives ("was rejected") are skipped;
    two denial verbs joined by "and" are one denial; "X and Y have denied" is a denial by each.
    """
    out: list[_Denial] = []
    history = [(e.np.start, e.speaker) for e in ctx.events if e.speaker is not None and e.np is not None]
    breaks: list[int] = []
    for para in ctx.paras:
        if ctx.in_display(para[0]):
            continue  # a headline or caption alone never makes a denial: the body's words are the evidence
        for sa, sb in sentences(ctx.clean, para, breaks):
            toks = tokenize(ctx.clean, sa, sb)
            sentence = ctx.clean[sa:sb].strip()
            for k, t in enumerate(toks):
                low = t.low
                if t.kind != "word" or low not in DENIAL_VERBS:
                    continue
                if k >= 2 and toks[k - 1].low in ("and", "or") and toks[k - 2].low in DENIAL_VERBS:
                    continue  # "denounces and rejects": one denial
                prev = next((toks[x] for x in range(k - 1, -1, -1) if toks[x].text not in _MARK_CHARS), None)
                if prev is not None and prev.low in PASSIVE | {"been", "being", "get", "got"}:
                    continue
                if EN.negated(" ".join(x.text for x in toks[max(0, k - 4) : k]) + " "):
                    continue  # "did not deny", "refused to deny": no denial
                obj_start = t.end
                nxt = k + 1
                while nxt + 1 < len(toks) and toks[nxt].text in _MARK_CHARS:
                    nxt += 1
                if nxt + 1 < len(toks) and toks[nxt].low in ("and", "or") and toks[nxt + 1].low in DENIAL_VERBS:
                    obj_start = toks[nxt + 1].end
                obj = _denial_object(ctx.clean, obj_start, sb)
                if not _has_word(obj) or obj.split()[0].lower() in _NOT_DENIED:
                    continue
                if low in _CLAIM_ONLY and not _names_a_claim(ctx.clean[obj_start:sb]):
                    continue  # "rejecting a revised offer": a refusal, not a denial of anything said
                if low in PARTICIPLE_CUES:
                    np = main_subject(toks)
                else:
                    np = subject_before(toks, k)
                if np is None:
                    continue
                sp = speaker_for(np, ctx.clean, ctx.people, history)
                if sp is None:
                    continue
                obj_end = ctx.clean.find(obj, obj_start) + len(obj) if obj in ctx.clean[obj_start:sb] else sb
                when = _first_date(ctx.clean, sa, obj_end)
                acc = _accuser(obj, sentence, ctx.clean, sa)
                for one in _conjuncts(sp, np, ctx, history):
                    out.append(_Denial(one, obj, acc, sentence, when, t.start))
            for m in _NOMINAL_DENIAL.finditer(ctx.clean, sa, sb):
                # "X made another flat rejection of Y's report": the subject denies what follows "of"
                if EN.negated(ctx.clean[max(sa, m.start() - 30) : m.start()] + " "):
                    continue
                obj = _denial_object(ctx.clean, m.end(), sb)
                np = main_subject(toks)
                sp = speaker_for(np, ctx.clean, ctx.people, history) if np is not None and np.end <= m.start() else None
                if sp is None or not _has_word(obj):
                    continue
                for one in _conjuncts(sp, np, ctx, history):
                    out.append(_Denial(one, obj, _accuser(obj, sentence, ctx.clean, sa), sentence,
                                       _first_date(ctx.clean, sa, sb), m.start()))
            for m in re.finditer(rf"\bcall(?:ed|s|ing)\s+(?P<obj>(?:[\w’'.-]+\s+){{1,8}}?)(?:{_FALSE_WORDS})\b", ctx.clean[sa:sb]):
                k = next((i for i, t in enumerate(toks) if t.start == sa + m.start()), None)
                if k is None:
                    continue
                np = main_subject(toks) if toks[k].low == "calling" else subject_before(toks, k)
                sp = speaker_for(np, ctx.clean, ctx.people, history) if np else None
                if sp is None:
                    continue
                obj = m.group("obj").strip()
                for one in _conjuncts(sp, np, ctx, history):
                    out.append(_Denial(one, obj, _accuser(obj, sentence), sentence, _first_date(ctx.clean, sa, sb), sa + m.start()))
    # one denial per speaker and sentence
    seen, unique = set(), []
    for d in out:
        key = (d.speaker.name, d.quote)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def _conjuncts(sp: Speaker, np: NP, ctx: Context, history) -> list[Speaker]:
    """'Both Belmark and the Sable Front' is two speakers."""
    if np.pronoun or not any(t.low == "and" for t in np.toks):
        return [sp]
    toks = [t for t in np.toks if t.low not in ("both",)]
    groups, cur = [], []
    for t in toks:
        if t.low == "and":
            groups.append(cur)
            cur = []
        else:
            cur.append(t)
    groups.append(cur)
    out = []
    for g in groups:
        if g:
            part = NP(g[0].start, g[-1].end, tuple(g))
            s = speaker_for(part, ctx.clean, ctx.people, history)
            if s:
                out.append(s)
    return out or [sp]


def _first_date(text: str, a: int, b: int) -> Optional[str]:
    for s, e in find_date_phrases(text, a, b):
        line_a = text.rfind("\n", 0, s) + 1
        line_b = text.find("\n", e)
        line_b = len(text) if line_b == -1 else line_b
        if not _is_dateline(text[line_a:line_b], s - line_a, e - line_a):
            return text[s:e]
    return None


# =============================================================================================
# The extraction.
# =============================================================================================


def _first_sentence(s: str) -> str:
    s = " ".join(s.split())
    m = re.search(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z“\"‘])", s)
    out = s[: m.start()] if m else s
    return out.strip().rstrip(",;:—–- ").strip()


def _claim_quote(text: str, a: int, b: int) -> tuple[int, int]:
    """The quoted words as a claim quotes them: no trailing comma or colon, no stray spaces."""
    a, b = trim(text, a, b)
    while b > a and text[b - 1] in ",;:—–-":
        b -= 1
    return trim(text, a, b)


def _events(ctx: Context, published: Optional[date], published_text: Optional[str]) -> list[DatedEvent]:
    """One DatedEvent per date expression in a sentence of the story (datelines excluded)."""
    out: list[DatedEvent] = []
    seen: set[tuple[str, str]] = set()
    for para in ctx.paras:
        if ctx.in_display(para[0]):
            continue  # a headline or a photo caption is not an event of the story
        for sa, sb in sentences(ctx.clean, para):
            sentence = " ".join(ctx.clean[sa:sb].split())
            if len(words(sentence)) < 4:
                continue
            kept: dict[str, tuple[int, DatedEvent]] = {}
            for s, e in find_date_phrases(ctx.clean, sa, sb):
                phrase = ctx.clean[s:e]
                line_a = ctx.clean.rfind("\n", 0, s) + 1
                line_b = ctx.clean.find("\n", e)
                line_b = len(ctx.clean) if line_b == -1 else line_b
                if phrase == published_text or _is_dateline(ctx.clean[line_a:line_b], s - line_a, e - line_a):
                    continue
                # the tense of the date's own clause, within its sentence: "said on Tuesday that the plan
                # will cost" is last Tuesday
                r = dates.resolve(phrase, published, tense=dates.tense_at(ctx.clean, s, e, sa, sb),
                                  target=dates.target_at(ctx.clean, s, e, sa, sb))
                event_text = sentence.replace(published_text, "").strip() if published_text else sentence
                ev = DatedEvent(
                    date_text=phrase,
                    date=r.iso if r else None,
                    precision=r.precision if r else None,
                    event=event_text[:300],
                )
                key = r.iso if r else phrase
                specific = 2 if dates.find_absolute(phrase) else (1 if r and not re.search(date_phrases.WEEKDAY_PATTERN, phrase, re.I) else 0)
                if key not in kept or specific > kept[key][0]:
                    kept[key] = (specific, ev)
            for _spec, ev in kept.values():
                k = (ev.date_text, ev.event)
                if k not in seen:
                    seen.add(k)
                    out.append(ev)
    return out


def _alias_ok(form: Optional[str], name: str) -> bool:
    """Another name for the actor: not a pronoun, not a description ("the report"), not the name with
    its title ("NATO Secretary General Ana Reyes")."""
    if not form or aliases.fold(form) == aliases.fold(name) or name in form:
        return False
    words = form.split()
    return any(w[:1].isupper() for w in words if w.lower() not in _DETERMINERS and w.lower() not in PRONOUNS)


def _actor(sp: Speaker) -> Actor:
    forms = [f for f in {sp.written} if _alias_ok(f, sp.name)]
    return Actor(name=sp.name, kind=sp.kind if sp.kind in ("person", "organisation", "state", "other") else "other",
                 role=sp.role, affiliation=sp.affiliation, aliases=sorted(forms))


def _merge_actor(actors: dict[str, Actor], sp: Speaker, written: Optional[str] = None) -> str:
    key = aliases.fold(sp.name)
    new = _actor(sp)
    if key not in actors:
        actors[key] = new
    else:
        old = actors[key]
        extra = [f for f in dict.fromkeys([*new.aliases, written]) if _alias_ok(f, old.name) and f not in old.aliases]
        actors[key] = old.model_copy(update={
            "role": old.role or new.role,
            "affiliation": old.affiliation or new.affiliation,
            "aliases": old.aliases + extra,
        })
    if _alias_ok(written, actors[key].name) and written not in actors[key].aliases:
        actors[key] = actors[key].model_copy(update={"aliases": actors[key].aliases + [written]})
    return actors[key].name


def _claim_when(ctx: Context, q: QuoteSpan) -> Optional[str]:
    """The date phrase in the clause that introduces or follows the quotation."""
    _, sb = ctx.sentence_of(q.open_mark)
    if q.attribution == "after":
        return _first_date(ctx.masked, q.close_mark, sb)
    if q.attribution in ("before", "subject") and q.speaker_start is not None:
        return _first_date(ctx.masked, min(q.speaker_start, q.open_mark), q.open_mark)
    if q.attribution == "later":
        return _first_date(ctx.masked, q.close_mark, sb)
    return None


def extract(article: Article) -> ArticleExtraction:
    """Actors, claims, denials and dated events of one article, by rules alone.

    Claims come from quotations with a named speaker: every ``statement`` and every ``fragment`` of
    three words or more. A one- or two-word phrase is too thin to stand as a claim, and the verifier
    could not tell which of its occurrences is meant. A quotation whose speaker is an unresolved
    pronoun gives no claim, because a claim needs an actor.
    """
    doc = Document(article.text, article.boilerplate)
    ctx, quotes = doc.ctx, doc.quotes
    published = dates.parse_iso(article.published)
    actors: dict[str, Actor] = {}

    claims: list[Claim] = []
    quoted_denials: list[tuple] = []
    seen_claims: set[tuple[str, str]] = set()
    for q, sp in quotes:
        if sp is None:
            continue  # no speaker, or a pronoun nobody named before
        written = ctx.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
        name = _merge_actor(actors, sp, written)  # every credited speaker is an actor, claim or not
        if q.kind == "fragment" and len(words(q.text)) < 3:
            continue
        when = _claim_when(ctx, q)
        for a, b in q.parts:
            a, b = _claim_quote(ctx.text, a, b)
            if b <= a:
                continue
            quote = ctx.text[a:b]
            if q.kind == "statement":
                statement = _first_sentence(quote)
            else:
                sa, sb = ctx.sentence_of(q.open_mark)
                statement = " ".join(ctx.clean[sa:sb].split())
            key = (aliases.fold(name), quote)
            if key in seen_claims:
                continue
            seen_claims.add(key)
            if sp.kind != "other" and (denial := _denial_sentence(quote)):
                said, subj, rest = denial
                quoted_denials.append((sp, name, said, subj, a, when))
                if not rest:
                    continue  # "This claim is utterly false," said X: a denial in X's own words, not a claim
            claims.append(Claim(speaker=name, statement=statement or quote, quote=quote, when=when))

    # reported speech: "X said (that) S", "S, X said", "According to X, S" -- most claims in news
    for r in reported_clauses(doc):
        sp = r.event.speaker
        if sp is None or r.denial:
            continue  # denials are read below, with what they deny
        a, b = _claim_quote(ctx.text, r.start, r.end)
        if b - a < 12:
            continue
        quote = ctx.text[a:b]
        name = _merge_actor(actors, sp, ctx.text[r.event.np.start : r.event.np.end])
        key = (aliases.fold(name), quote)
        if key in seen_claims:
            continue
        seen_claims.add(key)
        sa, _sb = r.event.sentence
        when = _first_date(ctx.masked, sa, a) if a > sa else _first_date(ctx.masked, b, _sb)
        if sp.kind != "other" and (denial := _denial_sentence(quote)) and not denial[2]:
            quoted_denials.append((sp, name, quote, denial[1], a, when))
            continue  # "X said the allegations are nonsense": a denial, reported
        claims.append(Claim(speaker=name, statement=_first_sentence(quote), quote=quote, when=when))

    denials: list[Denial] = []
    found = find_denials(ctx)
    for d in found:
        name = _merge_actor(actors, d.speaker, d.speaker.written or None)
        accuser = _merge_actor(actors, d.accuser, d.accuser.written or None) if d.accuser and aliases.fold(d.accuser.name) != aliases.fold(name) else None
        denials.append(Denial(speaker=name, denied=d.denied, accuser=accuser, quote=d.quote, when=d.when))
    for sp, name, quote, subj, pos, when in quoted_denials:
        noun = _origin_noun(subj)
        acc = _quoted_accuser(ctx, noun, pos, found, name)
        accuser = _merge_actor(actors, acc, acc.written or None) if acc else None
        denied = f"{accuser}'s {noun}" if accuser and noun else (subj or quote)
        denials.append(Denial(speaker=name, denied=denied, accuser=accuser, quote=quote, when=when))

    events = _events(ctx, published, article.published_text)
    return ArticleExtraction(actors=list(actors.values()), claims=claims, denials=denials, events=events)

