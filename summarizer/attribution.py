"""The one attribution engine: whom a text credits with a span of its words, and how it says so.

The offline extractor, the verifier's speaker check and the quote inventory all ask this module, so
they cannot disagree about who said what. Built on ``summarizer.textlayer`` (paragraphs, sentences,
paired and masked quotations, tokens) and the word lists of ``summarizer.lexicon``.

How an article is read:

1. **Speech events** are found in the masked text: a speech verb and its subject (``X said``,
   ``said X``, ``X told Y``, ``X, <title> of Y, said``, ``according to X``, ``as reported by X``).
   They are resolved in document order, so ``he`` is the last person named as speaking, and ``the
   ministry`` the last ministry that spoke.
2. **Each quotation takes its speaker** from the event next to it: right after the closing mark, then
   before the opening mark in the same sentence, then later in the sentence. A quotation with none
   takes the speaker of the quotation before it in the paragraph, or of the paragraph before it when
   it stands alone. A quoted phrase inside a sentence takes the sentence's subject.
3. **Scare quotes are dropped.** Titles and names in quotation marks are never quotes. Phrases of one
   or two words are kept only when a speech verb in the same sentence credits them to a speaker, as
   ``fragment`` quotes; phrases of three words or more are kept, as ``fragment`` when they sit inside
   a sentence and as ``statement`` when they stand as speech of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Literal, Optional, Sequence

from .lexicon import EN
from .models import Span
from .textlayer import (
    blank_spans,
    display_paragraphs,
    MARK_CHARS as _MARK_CHARS,
    mask_quotes,
    pair_marks,
    paragraphs,
    RawQuote,
    sentences,
    Tok,
    tokenize,
)
from .speech_words import SPEAKER_DETERMINERS, SPEECH_VERBS
from .phrases import (
    chunk_forward,
    is_capitalised,
    main_subject,
    make_np,
    NP,
    singular_of,
    split_person,
    subject_before,
    words,
)
from .signatures import label, post_signer, signature, split_at_labels, title_only
from .speakers import describe, find_people, People, Speaker
from .speech_events import Event, find_events, resolve_events, speaker_for

__all__ = ["QuoteSpan", "find_quotes", "build_context", "Context", "Speaker"]


QuoteKind = Literal["statement", "fragment"]


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation in an article.

    ``start``/``end`` delimit the words inside the marks (Python ``str`` offsets, end exclusive), so
    ``text == article_text[start:end]``. A quotation continued over several paragraphs spans all of
    them, and ``parts`` lists the inside of each paragraph's piece. ``speaker`` is the resolved name
    (``"Ana Reyes"`` for ``he``), and ``speaker_start``/``speaker_end`` point at the words that
    credit it (the name, or the pronoun). ``speaker`` stays the pronoun as written when nobody is
    named before it.
    """

    start: int
    end: int
    text: str
    speaker: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    cue: Optional[str] = None
    kind: QuoteKind = "statement"
    role: Optional[str] = None
    open_mark: int = 0  # offset of the opening quotation mark
    close_mark: int = 0  # offset just after the closing quotation mark
    parts: tuple[tuple[int, int], ...] = ()
    attribution: str = "none"  # after | before | later | inherited | subject | none


_FUNCTION_WORDS = EN.words("name_function_words")


def looks_like_title(inner: str) -> bool:
    """A name or title in quotation marks ("One Hundred Years of Solitude", "Hwasong-17"), not speech:
    every word but short function words is capitalised and nothing ends it like a sentence."""
    found = words(inner)
    if not found or len(found) > 8 or re.search(r"[.!?,;:…]\s*$", inner):
        return False
    content = [w for w in found if w.lower() not in _FUNCTION_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content) and not (len(content) == 1 and content[0] == "I")


@dataclass
class Context:
    """What every quotation needs to see of its article."""

    text: str
    clean: str
    masked: str
    paras: list[tuple[int, int]]
    sents: list[tuple[int, int]]
    events: list[Event]
    people: People
    display: list[tuple[int, int]] = field(default_factory=list)  # headline and caption paragraphs

    def in_display(self, pos: int) -> bool:
        return _containing(self.display, pos) is not None

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return _containing(self.sents, pos) or (pos, pos)

    def para_of(self, pos: int) -> tuple[int, int]:
        return _containing(self.paras, pos) or (pos, pos)


def _containing(spans: list[tuple[int, int]], pos: int) -> Optional[tuple[int, int]]:
    """The span of a sorted, non-overlapping list that holds ``pos``: a binary search, so asking for the
    sentence of every quote stays linear in the article however many sentences it has."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


def _adjacent_after(ctx: Context, q: RawQuote) -> Optional[Event]:
    """An event that starts right after the closing mark: '"...," he said', '"...!" insists Burton'."""
    inner_end = ctx.clean[q.parts[-1][0] : q.parts[-1][1]]
    pb = ctx.para_of(q.close_mark - 1)[1]  # a continued quotation ends in a later paragraph
    follow = ctx.masked[q.close_mark : pb]
    punct_inside = bool(re.search(r"[,.!?…—–-]\s*$", inner_end))
    if not (punct_inside or re.match(r"\s*[,—–]", follow)):
        return None
    full_stop = bool(re.search(r"(?<!\.)\.\s*$", inner_end)) and not re.match(r"\s*[,—–]", follow)
    for ev in ctx.events:
        if ev.first < q.close_mark or ev.np is None or ev.how in ("reported",):
            continue
        if ev.first >= pb:
            break
        gap = ctx.masked[q.close_mark : ev.first]
        if re.fullmatch(r"[\s,—–-]*", gap):
            if full_stop and ev.how != "inverted":
                return None  # '... was “false.” Port spokeswoman X told ...': a new sentence, another speaker
            return ev
        if ev.first > q.close_mark + 200:
            break
    return None


def _credit(ctx: Context, q: RawQuote) -> tuple[Optional[Event], str]:
    """The event that credits a quotation, and how it was found."""
    ev = _adjacent_after(ctx, q)
    sa, sb = ctx.sentence_of(q.open_mark)
    if ev is not None:
        opening = next((e for e in ctx.events if sa <= e.cue_start < q.open_mark and e.how == "participle"
                        and e.np is not None and e.np is not ev.np and e.np.end <= q.open_mark), None)
        lead = tokenize(ctx.masked, sa, q.open_mark)[:4] if opening is not None else []
        if any(t.is_word and t.text[:1].isupper() and t.low.endswith("ing") for t in lead):
            # "Hitting back at X for claiming that ... was “...”, Y said": the opening phrase's X, not Y
            return opening, "before"
        return ev, "after"
    before = [e for e in ctx.events if sa <= e.cue_start < q.open_mark and e.np is not None and e.how != "by"]
    finite = [e for e in before if e.how != "participle"]
    if finite:
        before = finite  # "X said that a post by a journalist alleging ... was “...”": X, not the journalist
    named = [e for e in before if e.speaker is not None or not (e.np.pronoun and e.written)]
    if named and len(named) < len(before):
        before = named  # "X said it would tell “...”" with no antecedent for "it": nested speech is X's claim
    if before:
        return max(before, key=lambda e: (e.cue_start if e.how != "reported" else e.first, e.how == "reported")), "before"
    later = [e for e in ctx.events if q.close_mark <= e.cue_start < sb and e.np is not None]
    if later:
        return later[0], "later"
    by = [e for e in ctx.events if sa <= e.cue_start < sb and e.how == "by" and e.np is not None]
    if by:
        return by[0], "later"
    return None, "none"


def _speech_between(ctx: Context, lo: int, hi: int) -> list[Event]:
    """The speech events with a resolved speaker whose cue lies in [lo, hi), in order (relays apart)."""
    return [e for e in ctx.events if lo <= e.cue_start < hi and e.speaker is not None and e.np is not None
            and e.how != "reported"]


def _statement_form(ctx: Context, q: RawQuote, how: str) -> bool:
    """Does the quotation stand as speech of its own, rather than as a phrase inside a sentence?"""
    if how == "after":
        return True
    sa, _ = ctx.sentence_of(q.open_mark)
    before = ctx.masked[sa : q.open_mark].rstrip()
    inner = ctx.clean[q.parts[0][0] : q.parts[0][1]]
    if not before:
        return True
    if before.endswith(":"):
        return True
    last = re.search(r"(\w+)\W*$", before)
    last_word = last.group(1).lower() if last else ""
    if before.endswith(",") and (inner[:1].isupper() or last_word in SPEECH_VERBS):
        return True
    return last_word in SPEECH_VERBS and inner[:1].isupper()


def _sentence_subject(ctx: Context, q: RawQuote) -> Optional[NP]:
    sa, _ = ctx.sentence_of(q.open_mark)
    toks = tokenize(ctx.masked, sa, q.open_mark)
    np = main_subject(toks) if toks else None
    if np is not None and len(np.toks) == 1 and np.toks[0].low.endswith("ing") and np.end == toks[-1].end \
            and ctx.masked[np.end : q.open_mark].strip() in _MARK_CHARS | {""}:
        return None  # "Eliminating “the scourge of war” is ...": a gerund taking the quotation, nobody's words
    return np


def _quote_breaks(clean: str, raw: list[RawQuote]) -> list[int]:
    """Closing marks that end a sentence: the quotation's own words ended with . ! or ?"""
    out = []
    for q in raw:
        inner = clean[q.parts[-1][0] : q.parts[-1][1]]
        if re.search(r"[.!?…]\s*$", inner):
            m = re.match(r"[”\"’'»›)\]]*\s+(?=[“\"‘'«A-Z])", clean[q.close_mark :])
            if m:
                out.append(q.close_mark)
    return out


def subject_with_appositive(toks: Sequence[Tok]) -> Optional[NP]:
    """The subject of a clause, with a name in apposition taking the place of a role ("The mayor, Edda Skov,
    was blunt" is Edda Skov; "one driver, Tomasz Wielgosz, who ..." is Tomasz Wielgosz)."""
    np = main_subject(toks)
    if np is None:
        return None
    k = next((i for i, t in enumerate(toks) if t.start >= np.end), None)
    if k is not None and k + 1 < len(toks) and toks[k].text == "," and split_person(np.toks, "")[0] is None:
        span = chunk_forward(toks, k + 1)
        if span and all(is_capitalised(t) for t in toks[span[0] : span[1] + 1]) and span[1] + 1 < len(toks) and toks[span[1] + 1].text in ",:":
            return make_np(toks, span[0], span[1], role=(np.start, np.end))
    return np


def _named_subjects(masked: str, clean: str, sents, people: People) -> list:
    """The named subject (a person's name or a capitalised body) of every sentence that has one."""
    out = []
    for sa, sb in sents:
        toks = tokenize(masked, sa, sb)
        np = subject_with_appositive(toks) if toks else None
        if np is None or np.pronoun or not any(is_capitalised(t) for t in np.toks):
            continue
        sp = describe(np, clean)
        if sp.kind == "person" and " " not in sp.name.strip():
            full = people.full(sp.name, np.start)
            sp = Speaker(full, "person", sp.role or people.roles.get(full), sp.affiliation, False, sp.written, sp.head)
        if sp.kind == "person" and " " not in sp.name.strip():
            continue  # "Queues stretched ...": one capitalised word opening a sentence is no name
        if sp.kind in ("person", "organisation", "state") and not title_only(sp.name):
            out.append((sa, sb, np.start, sp))
    return out


def build_context(text: str, boilerplate: Iterable[Span | tuple[int, int]]) -> tuple[Context, list[RawQuote]]:
    clean = blank_spans(text, boilerplate)
    paras = paragraphs(clean)
    raw = pair_marks(clean, paras)
    masked = mask_quotes(clean, raw)
    breaks = _quote_breaks(clean, raw)
    sents = [s for p in paras for s in sentences(masked, p, breaks)]
    display = display_paragraphs(clean, paras)
    reporting = [s for s in sents if not any(a <= s[0] < b for a, b in display)]
    people = find_people(masked, paras)
    people.subjects = _named_subjects(masked, clean, reporting, people)
    events = find_events(masked, reporting)
    resolve_events(events, clean, people)
    return Context(text, clean, masked, paras, sents, events, people, display), raw


def quote_spans(ctx: Context, raw: list[RawQuote]) -> list[tuple[QuoteSpan, Optional[Speaker]]]:
    """Kind, speaker and the keep-or-drop decision for each paired quotation (see the module docstring).

    The resolved Speaker travels with each QuoteSpan so that ``extract`` keeps its kind and affiliation.
    """
    out: list[tuple[QuoteSpan, Optional[Speaker]]] = []
    prev_in_para: dict[tuple[int, int], tuple[QuoteSpan, Optional[Speaker]]] = {}
    last_para_speaker: dict[tuple[int, int], tuple[Speaker, NP]] = {}
    for ev in ctx.events:
        if ev.speaker is not None and ev.np is not None:
            last_para_speaker[ctx.para_of(ev.cue_start)] = (ev.speaker, ev.np)
    # who spoke where, for phrases resolved below ("the ministry", a colon introduction's subject)
    history = [(e.np.start, e.speaker) for e in ctx.events if e.speaker is not None and e.np is not None]
    for q in split_at_labels(ctx, raw):
        start, end = q.parts[0][0], q.parts[-1][1]
        if end <= start:
            continue
        inner = ctx.text[start:end]
        n = len(words(inner))
        if n == 0:
            continue
        ev, how = _credit(ctx, q) if not ctx.in_display(q.open_mark) else (None, "none")
        statement = _statement_form(ctx, q, how)
        kind: QuoteKind = "statement" if statement and (n >= 3 or re.search(r"[.!?,]\s*$", inner)) else "fragment"
        speaker: Optional[Speaker] = None
        np: Optional[NP] = ev.np if ev else None
        cue = ev.cue if ev else None
        written = ev.written if ev else None
        if ev is not None:
            speaker = ev.speaker
        elif not ctx.in_display(q.open_mark) and (signed := signature(ctx, q)) is not None:
            speaker, np, how, kind = describe(signed, ctx.clean), signed, "signature", "statement"
        elif (labelled := label(ctx, q, ctx.people)) is not None:
            (speaker, np), how, kind = labelled, "label", "statement"
        para = ctx.para_of(q.open_mark)
        if ev is None and speaker is None and kind == "statement" and not ctx.in_display(q.open_mark):
            prev, prev_speaker = prev_in_para.get(para, (None, None))
            if prev is not None and prev.speaker:
                speaker = prev_speaker
                written = None if prev_speaker else prev.speaker
                np = NP(prev.speaker_start, prev.speaker_end, ()) if prev.speaker_start is not None else None
                cue, how = prev.cue, "inherited"
            elif not ctx.masked[para[0] : q.open_mark].strip():
                idx = ctx.paras.index(para) if para in ctx.paras else -1
                pa, pb = ctx.paras[idx - 1] if idx > 0 else (0, 0)
                if idx > 0 and ctx.masked[pa:pb].rstrip().endswith(":") and not ctx.in_display(pa):
                    # "On July 6, Moss made the following comment:" closing the paragraph before: its subject
                    sa_p, _ = ctx.sentence_of(pa + len(ctx.masked[pa:pb].rstrip()) - 1)
                    subj = subject_with_appositive(tokenize(ctx.masked, sa_p, pb))
                    sp = speaker_for(subj, ctx.clean, ctx.people, history) if subj is not None else None
                    if sp is not None and sp.kind == "person" and " " not in sp.name and subj.start == sa_p \
                            and " " not in ctx.people.full(sp.name, subj.start):
                        sp = None  # "Partial transcript as follows:": one capitalised word opening a sentence names nobody
                    if sp is not None:
                        speaker, np, how = sp, subj, "subject"
                if speaker is None and idx > 0 and ctx.paras[idx - 1] in last_para_speaker:
                    speaker, np = last_para_speaker[ctx.paras[idx - 1]]
                    how = "inherited"
            sa_q, _sb_q = ctx.sentence_of(q.open_mark)
            lead = ctx.masked[sa_q : q.open_mark].rstrip()
            if speaker is None and lead.endswith(":"):
                # "The mayor, Edda Skov, was blunt: “...”": the subject of the introducing clause speaks
                subj = subject_with_appositive(tokenize(ctx.masked, sa_q, q.open_mark))
                if subj is not None:
                    speaker, np, how = speaker_for(subj, ctx.clean, ctx.people, history), subj, "subject"
            elif speaker is None and not lead:
                # a quotation standing as its own sentence after "X stepped off the ferry ...": X; after
                # "..., Ada Wick said." in its paragraph: Ada Wick, unless someone is named since
                prev = ctx.people.subject_before(q.open_mark, "person")
                said = _speech_between(ctx, para[0], q.open_mark)
                if said and (prev is None or prev[0] <= said[-1].np.start):
                    speaker, np, cue, how = said[-1].speaker, said[-1].np, said[-1].cue, "inherited"
                elif prev is not None:
                    speaker, how = prev[1], "subject"
                    np = NP(prev[0], prev[0] + len(prev[1].written or prev[1].name), ())
        if ev is None and speaker is None and kind == "fragment" and n >= 3 and not ctx.in_display(q.open_mark):
            subj = _sentence_subject(ctx, q)
            if subj is not None:
                speaker = speaker_for(subj, ctx.clean, ctx.people, history)
                np = subj
                how = "subject" if speaker else "none"
            sa_q, _ = ctx.sentence_of(q.open_mark)
            lead_toks = tokenize(ctx.masked, sa_q, q.open_mark)[:4]
            described = speaker is not None and speaker.name == speaker.written and speaker.name.split()[-1].islower()
            if (speaker is None or described) and lead_toks and lead_toks[0].low in SPEAKER_DETERMINERS \
                    and any(singular_of(t.low) in EN.document_nouns for t in lead_toks[1:]):
                # "It said the report was driven by malice. The document is “...”": the words go on being
                # the speaker's of the sentence before, when that sentence reports speech
                prev_s = next((x for x in reversed(ctx.sents) if para[0] <= x[0] and x[1] <= sa_q), None)
                said = _speech_between(ctx, *prev_s) if prev_s else []
                if said:
                    speaker, np, cue, how = said[-1].speaker, said[-1].np, said[-1].cue, "inherited"
        # drop scare quotes and names in quotation marks
        # a title stays a title even when ", she said" follows it; only a lone word ("Nonsense", she said) may speak
        if looks_like_title(inner) and (n >= 2 or how != "after"):
            continue
        if kind == "fragment" and n <= 2 and (how not in ("after", "before", "later") or (speaker is None and written is None)):
            continue
        name = speaker.name if speaker else written
        qs = QuoteSpan(
            start=start,
            end=end,
            text=inner,
            speaker=name,
            speaker_start=np.start if np is not None and name else None,
            speaker_end=np.end if np is not None and name else None,
            cue=cue,
            kind=kind,
            role=speaker.role if speaker else None,
            open_mark=q.open_mark,
            close_mark=q.close_mark,
            parts=tuple(q.parts),
            attribution=how if name else "none",
        )
        out.append((qs, speaker))
        prev_in_para[para] = (qs, speaker)
        if speaker is not None and np is not None:
            last_para_speaker[para] = (speaker, np)
    return out


def find_quotes(text: str, boilerplate: Iterable[Span | tuple[int, int]] = ()) -> list[QuoteSpan]:
    """Every direct quotation in ``text`` outside ``boilerplate``, in order, with its speaker."""
    ctx, raw = build_context(text, boilerplate)
    return [q for q, _speaker in quote_spans(ctx, raw)]


# =============================================================================================
# Whom the text credits with a span: the one question the extractor and the verifier both ask.
# =============================================================================================

Rule = Literal["quote", "inside", "clause", "according", "signed", "none"]


@dataclass(frozen=True)
class Attribution:
    """Whom the text credits with a span of its words, and the evidence.

    ``speaker`` is None when the text credits nobody the reader can name: narration, a headline, a
    caption, a pronoun with no antecedent. ``also`` lists others the same words are fairly credited
    to: the outlet that relays a body's words ("the agency said the ministry \u201c...\u201d").
    """

    speaker: Optional[Speaker]
    rule: Rule
    cue: Optional[str] = None
    cue_span: Optional[tuple[int, int]] = None
    speaker_span: Optional[tuple[int, int]] = None
    written: Optional[str] = None  # the words that credit, when they name nobody ("he" with no antecedent)
    also: tuple[Speaker, ...] = ()


NOBODY = Attribution(None, "none")


class Document:
    """One article read once: its quotations with speakers and its speech events, asked many times."""

    def __init__(self, text: str, boilerplate: Iterable[Span | tuple[int, int]] = ()) -> None:
        self.ctx, raw = build_context(text, boilerplate)
        self.quotes = quote_spans(self.ctx, raw)
        self._asked: dict[tuple[int, int], Attribution] = {}
        self._events = [e for e in self.ctx.events if e.np is not None]
        # Interval indexes, so one question costs a binary search, not a scan of every quotation and
        # cue of the article: the verifier asks once per claim, the merge once per mention.
        extents = []
        for i, (q, _sp) in enumerate(self.quotes):
            lo = min([q.open_mark] + [a for a, _ in q.parts])
            hi = max([q.close_mark] + [b for _, b in q.parts])
            extents.append((lo, hi, i))
        extents.sort()
        self._q_lo = [lo for lo, _, _ in extents]
        self._q_ext = extents
        self._q_longest = max((hi - lo for lo, hi, _ in extents), default=0)
        told = sorted((e.cue_start, i) for i, e in enumerate(self._events) if e.how != "reported")
        self._cue_at = [c for c, _ in told]
        self._cue_idx = [i for _, i in told]
        self._by_sentence: dict[tuple[int, int], list[Event]] = {}
        for e in self._events:
            if e.how != "reported":
                self._by_sentence.setdefault(e.sentence, []).append(e)
        #: speaker span -> the outlets whose "said that" introduces that speaker (asked on every check)
        self._relay_by_span: dict[tuple[int, int], list[Speaker]] = {}
        for e in self.ctx.events:
            if e.how == "reported" and e.np is not None and e.via and e.via.speaker:
                self._relay_by_span.setdefault((e.np.start, e.np.end), []).append(e.via.speaker)

    def attribute(self, start: int, end: int) -> Attribution:
        """Whom the text credits with ``text[start:end]``.

        A span that lies mostly inside a quotation is credited as the quotation is. Otherwise the
        span is reported speech when a speech cue with a subject lies inside it ("X said that ...",
        "X denied ..."), or when the span is the clause a cue of its sentence introduces or follows
        ("X said | S", "S, | X said", "According to X, | S"). Anything else credits nobody.
        """
        known = self._asked.get((start, end))
        if known is not None:
            return known  # the speaker check and the verifier ask about the same span
        att = self._asked[(start, end)] = self._attribute_once(start, end)
        return att

    def forget(self) -> None:
        """Drop the answers kept so far (a benchmark repeating the same questions must not time the memo)."""
        self._asked.clear()

    def _attribute_once(self, start: int, end: int) -> Attribution:
        att = self._attribute(start, end)
        if att.speaker is not None and att.speaker.outlet:
            # an outlet's words that report someone's speech: "the agency said the ministry “...”", or its
            # quotation "“Ottawa has repeatedly denied ...”": the reported speaker may be credited too
            inner = tuple(self._speakers_inside(start, end))
            if inner:
                return Attribution(att.speaker, att.rule, att.cue, att.cue_span, att.speaker_span, att.written,
                                   att.also + inner)
        return att

    def _speakers_inside(self, start: int, end: int):
        for e in self.ctx.events:
            if e.how == "reported" and e.np is not None and start <= e.np.start < end and e.speaker:
                yield e.speaker
        toks = tokenize(self.ctx.clean, start, end)
        for k, t in enumerate(toks):
            if t.kind == "word" and t.text.islower() and t.low in SPEECH_VERBS:
                np = subject_before(toks, k)
                if np is not None and not np.pronoun:
                    yield describe(np, self.ctx.clean)

    def _attribute(self, start: int, end: int) -> Attribution:
        length = max(1, end - start)
        signed = self._signed_post(start, end)
        if signed is not None:
            return signed
        if self.ctx.in_display(start):
            return NOBODY  # a headline or a caption credits no words to anyone
        lo_i = bisect_left(self._q_lo, start - self._q_longest)
        hi_i = bisect_left(self._q_lo, end)
        for i in sorted(i for lo, hi, i in self._q_ext[lo_i:hi_i] if hi > start):
            q, sp = self.quotes[i]
            inside = sum(max(0, min(b, end) - max(a, start)) for a, b in q.parts)
            if inside >= 0.5 * length or (inside and q.open_mark <= start and end <= q.close_mark):
                return self._from_quote(q, sp)
        a_i, b_i = bisect_left(self._cue_at, start), bisect_left(self._cue_at, end)
        inner = [self._events[i] for i in sorted(self._cue_idx[a_i:b_i])]
        for e in inner:
            if e.speaker is not None or e.written:
                return self._from_event(e, "inside")
        sa, sb = self.ctx.sentence_of(start)
        if sb < end and not inner:
            return NOBODY  # a span over several sentences with no cue in it
        around = [e for e in self._by_sentence.get((sa, sb), ()) if not (start <= e.cue_start < end)]
        before = [e for e in around if e.cue_end <= start]
        after = [e for e in around if e.cue_start >= end]
        for e in (before[-1:] if before else []) + after[:1]:
            if e.speaker is not None or e.written:
                return self._from_event(e, "according" if e.how == "according" else "clause")
        return NOBODY

    def _signed_post(self, start: int, end: int) -> Optional[Attribution]:
        """An embedded post, as pages render one: its text, then "— Name (@handle) Month D, YYYY" on the
        same line. The signature credits the line, headline-like capitals or not."""
        np = post_signer(self.ctx.clean, start, end)
        if np is None:
            return None
        text = self.ctx.clean
        return Attribution(describe(np, text), "signed", None, None, (np.start, np.end))

    def _from_quote(self, q: QuoteSpan, sp: Optional[Speaker]) -> Attribution:
        if q.speaker is None:
            return NOBODY
        span = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        also = tuple(self._relays(span)) if span else ()
        return Attribution(sp, "quote", q.cue, None, span, None if sp else q.speaker, also)

    def _from_event(self, e: Event, rule: Rule) -> Attribution:
        span = (e.np.start, e.np.end) if e.np is not None else None
        also = tuple(self._relays(span)) if span else ()
        return Attribution(e.speaker, rule, e.cue, (e.cue_start, e.cue_end), span, None if e.speaker else e.written, also)

    def _relays(self, span: tuple[int, int]):
        """The outlet whose 'said that' introduces the speaker at ``span``: its words may be credited to either."""
        return self._relay_by_span.get(span, ())
