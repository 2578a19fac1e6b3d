"""Locating a quote in its article: character folding with an offset map, spelling-folded words, a
prepared source per article, and the ladder exact -> normalized -> word alignment with every
difference judged. ``summarizer.verify`` turns what this finds into verdicts."""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from rapidfuzz.distance import Indel
from typing import Iterable, Optional, Sequence

from .attribution import Document
from .furniture import find_boilerplate
from .lexicon import EN
from .models import Difference, Span, Status
from .wordforms import expand, spelling_key


# ---------------------------------------------------------------------------------------------
# Character-level normalisation with an offset map back into the original text.
# ---------------------------------------------------------------------------------------------

_CHAR_FOLD = {
    **{c: "'" for c in "‘’‚‛′`´"},
    **{c: '"' for c in "“”„‟″«»"},
    **{c: "-" for c in "‐‑‒–—―−"},
    "…": "...",
}
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
EDGE_PUNCT = " \t\n\"'.,;:!?-()[]"


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each of its characters, the index of the original character it came from."""
    out: list[str] = []
    index: list[int] = []
    i, n = 0, len(text)
    last_space = True
    while i < n:
        ch = text[i]
        width = 1
        if ch == "&":
            m = _ENTITY.match(text, i)
            if m:
                decoded = html.unescape(m.group(0))
                if decoded != m.group(0):
                    ch, width = decoded, len(m.group(0))
        for piece in ch:
            piece = _CHAR_FOLD.get(piece, piece)
            if piece.isspace():
                if not last_space:
                    out.append(" ")
                    index.append(i)
                    last_space = True
                continue
            for c in piece.casefold():
                out.append(c)
                index.append(i)
            last_space = False
        i += width
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


_FOLD_TABLE = str.maketrans(_CHAR_FOLD)


def normalize(text: str) -> str:
    """Same result as ``normalize_with_map(text)[0]``, without building the map (used on quotes)."""
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return " ".join(text.translate(_FOLD_TABLE).split()).casefold()


# ---------------------------------------------------------------------------------------------
# Words: spelling-folded tokens with their original spans.
# ---------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’‘-][^\W_]+)*(?:[.,][0-9]+)*", re.U)
ARTICLES = EN.words("articles")
NEGATIONS = EN.words("negations")


@dataclass(slots=True)
class Tok:
    key: str  # folded form used for comparison
    text: str  # as written
    start: int
    end: int
    bracket: bool  # inside [...] or (...)
    num: bool = False  # a number, a number word, a month or a weekday
    neg: bool = False  # a negation
    cap: bool = False  # written with a capital
    article: bool = False

    @classmethod
    def make(cls, key: str, text: str, start: int, end: int, bracket: bool) -> "Tok":
        return cls(key, text, start, end, bracket,
                   num=any(c.isdigit() for c in key) or key in _NUMBER_WORDS or key in _MONTH_WORDS,
                   neg=key in NEGATIONS, cap=text[:1].isupper(), article=key in ARTICLES)


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    brackets = _bracket_ranges(text) if ("[" in text or "(" in text) else []
    toks: list[Tok] = []
    for m in _WORD.finditer(text):
        inside = any(a <= m.start() < b for a, b in brackets)
        word, at = m.group(0), m.start()
        for key, i, j in expand(word):  # "he's" is "he is": two words, so either spelling aligns
            toks.append(Tok.make(spelling_key(key), word[i:j], at + i + offset, at + j + offset, inside))
    return _join_cannot(toks)


def _bracket_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\[[^\[\]]{1,80}\]|\([^()]{1,80}\)", text)]


def _join_cannot(toks: list[Tok]) -> list[Tok]:
    """'can not' and 'cannot' are the same word."""
    out: list[Tok] = []
    for t in toks:
        if t.key == "not" and out and out[-1].key == "can" and t.start - out[-1].end <= 2:
            prev = out.pop()
            out.append(Tok.make("cannot", prev.text + " " + t.text, prev.start, t.end, prev.bracket))
        else:
            out.append(t)
    return out


_NUMBER_WORDS = EN.words("number_words") | EN.words("ordinal_words")
_MONTH_WORDS = frozenset(EN.calendar.month_forms) | frozenset(EN.calendar.weekdays)


# ---------------------------------------------------------------------------------------------
# Prepared sources.
# ---------------------------------------------------------------------------------------------


@dataclass
class Source:
    """An article text prepared once for many checks (normalised copy, words, word index)."""

    text: str
    excluded: tuple[tuple[int, int], ...] = ()
    norm: str = ""
    norm_map: list[int] = field(default_factory=list)
    toks: list[Tok] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)
    ids: list[int] = field(default_factory=list)
    vocab: dict[str, int] = field(default_factory=dict)

    @classmethod
    def prepare(cls, text: str, excluded: Iterable[Span | tuple[int, int]] = ()) -> "Source":
        ex = tuple(sorted((s.start, s.end) if isinstance(s, Span) else tuple(s) for s in excluded))
        src = cls(text=text, excluded=ex)
        src.norm, src.norm_map = normalize_with_map(text)
        src.toks = [t for t in tokenize(text) if not src._in_excluded(t.start, t.end)]
        for i, t in enumerate(src.toks):
            src.index.setdefault(t.key, []).append(i)
            src.ids.append(src.vocab.setdefault(t.key, len(src.vocab)))
        return src

    @property
    def document(self) -> Document:
        """The article as the attribution engine reads it, built on the first speaker check."""
        doc = self.__dict__.get("_document")
        if doc is None:
            doc = self.__dict__["_document"] = Document(self.text, self.excluded)
        return doc

    def _in_excluded(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.excluded)


_PREPARED: dict[tuple[int, str], Source] = {}


def prepared(text: str, excluded: Optional[Iterable[Span | tuple[int, int]]] = None) -> Source:
    """A Source for this text, reused across the checks of one article (small bounded memo).

    ``excluded=None`` finds the page furniture itself, so boilerplate never supports a quote even
    when the caller passes raw text.
    """
    ex = None if excluded is None else tuple(sorted((s.start, s.end) if isinstance(s, Span) else tuple(s) for s in excluded))
    key = (hash(text), ex)
    src = _PREPARED.get(key)
    if src is None or src.text != text:
        if ex is None:
            ex = find_boilerplate(text)
        if len(_PREPARED) > 64:
            _PREPARED.clear()
        src = _PREPARED[key] = Source.prepare(text, ex)
    return src


# ---------------------------------------------------------------------------------------------
# Matching.
# ---------------------------------------------------------------------------------------------

_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|…|\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\))\s*")
MAX_FRAGMENT_GAP = 400  # characters between consecutive ellipsis fragments ("close together")
MIN_SUPPORT = 0.5  # share of the quote's words that must align for a span to count as found
MAX_ADDED_RUN = 3  # this many quote words in a row with nothing in the source: spliced or invented


@dataclass
class Alignment:
    start: int
    end: int
    matched_words: int
    quote_words: int
    diffs: list[Difference]
    tok_start: int
    tok_end: int

    @property
    def score(self) -> float:
        return self.matched_words / self.quote_words if self.quote_words else 0.0


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    """A quote that starts or ends inside a word ('Napro' in 'Naprosyn') is not the article's words."""
    if start > 0 and text[start].isalnum() and text[start - 1].isalnum():
        return False
    if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        return False
    return True


def _exact(src: Source, quote: str) -> Optional[tuple[int, int]]:
    pos = src.text.find(quote)
    while pos != -1:
        end = pos + len(quote)
        if not src._in_excluded(pos, end) and on_word_boundaries(src.text, pos, end):
            return pos, end
        pos = src.text.find(quote, pos + 1)
    return None


def _normalized(src: Source, quote: str, after: int = 0) -> Optional[tuple[int, int]]:
    nq = normalize(html.unescape(quote)).strip(EDGE_PUNCT)
    if len(nq) < 2:
        return None
    pos = src.norm.find(nq, bisect_left(src.norm_map, after) if after else 0)
    while pos != -1:
        start = src.norm_map[pos]
        end = src.norm_map[pos + len(nq) - 1] + 1
        # include a multi-character source unit (an entity) the last char came from
        m = _ENTITY.match(src.text, end - 1) if src.text[end - 1] == "&" else None
        if m:
            end = m.end()
        if not src._in_excluded(start, end) and on_word_boundaries(src.text, start, end):
            return start, end
        pos = src.norm.find(nq, pos + 1)
    return None


_QUOTE_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=\S)")
#: between two quoted parts: a closing mark, the attribution (no mark of its own), an opening mark
_INTERPOSED = re.compile(r"^[^\w“”\"«»]*[”\"’»][^“”\"«»]{1,200}?[“\"‘«][^\w]*$")


def _joined(src: Source, quote: str) -> Optional[tuple[int, int]]:
    """A quote whose sentences are quoted parts the article splits with its attribution ("“It is false,” Roe
    told the Post. “There is no truth in it.”" quoted as "It is false. There is no truth in it."): the span
    over all the parts, when every sentence is found word for word and only an attribution lies between."""
    parts = [p for p in _QUOTE_SENTENCES.split(quote.strip()) if p.strip(EDGE_PUNCT)]
    if len(parts) < 2:
        return None
    spans: list[tuple[int, int]] = []
    for part in parts:
        span = _normalized(src, part, spans[-1][1] if spans else 0)
        if span is None:
            return None
        if spans and not _INTERPOSED.match(src.text[spans[-1][1] : span[0]]):
            return None  # words of the article between the parts that are no attribution (or nothing at all)
        spans.append(span)
    return spans[0][0], spans[-1][1]


def _candidates(src: Source, q: list[Tok], after: int, limit: int = 3) -> list[int]:
    """Likely source offsets (in words) where the quote starts.

    Only the quote's rarest words vote (at most eight): where "Reyes" or "programmes" occurs
    says far more than where "the" does, and the cost stays flat as the article grows.
    """
    index = src.index
    present = [(len(index[t.key]), j, t.key) for j, t in enumerate(q) if t.key in index and not t.bracket]
    if not present:
        return []
    present.sort()
    votes: dict[int, int] = {}
    for _n, j, key in present[:8]:
        for p in index[key]:
            if p >= after:
                votes[p - j] = votes.get(p - j, 0) + 1
    if not votes:
        return []
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    return [o for o, _ in ranked[:limit]]


def _align_at(src: Source, q: list[Tok], qids: list[int], offset: int):
    """Word alignment of the quote against a window around ``offset``: (matched, span, ops, lo) or None."""
    slack = max(3, len(q) // 3)
    lo = max(0, offset - slack)
    hi = min(len(src.toks), offset + len(q) + slack)
    if lo >= hi:
        return None
    window = src.ids[lo:hi]
    best = None
    # Equal-length alignments can differ in where they put a repeated word ("the"); the one with the
    # tightest span is the reading a person makes, so align both ways and keep the tighter one.
    for reverse in (False, True):
        if reverse:
            n, m = len(qids), len(window)
            ops = [
                _Op(op.tag, n - op.src_end, n - op.src_start, m - op.dest_end, m - op.dest_start)
                for op in reversed(Indel.opcodes(qids[::-1], window[::-1]))
            ]
        else:
            ops = [_Op(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in Indel.opcodes(qids, window)]
        ops = _trim_edges(_tighten(ops, qids, window))
        equal = [op for op in ops if op.tag == "equal"]
        if not equal:
            continue
        first_src = lo + min(op.dest_start for op in ops if op.dest_end > op.dest_start)
        last_src = lo + max(op.dest_end for op in ops if op.dest_end > op.dest_start) - 1
        matched = sum(op.src_end - op.src_start for op in equal)
        cand = (matched, -(last_src - first_src), -len(ops), first_src, last_src, ops, lo)
        if best is None or cand[:3] > best[:3]:
            best = cand
        if not reverse and len(ops) == 1:
            break  # one equal block: nothing to tighten
    return best


def _tighten(ops: list, qids: list[int], window: list[int]) -> list:
    """Move an edge word or two of the quote next to the rest when the same words stand there: "The Acme
    Group 'tried ...'" against "The firm said the Acme Group “tried ...”" pairs its "The" with the
    second "the", not the first, so the source words between are outside the quote, not inserted in it."""
    ops = [op for op in ops if op.tag != "insert" or op.dest_end > op.dest_start]
    i = 1 if ops and ops[0].tag == "insert" else 0  # source words before the quote's first match
    if len(ops) >= i + 3 and ops[i].tag == "equal" and ops[i + 1].tag == "insert" and ops[i + 2].tag == "equal":
        k = ops[i].src_end - ops[i].src_start
        b = ops[i + 1].dest_end
        if k <= 2 and window[b - k : b] == qids[ops[i].src_start : ops[i].src_end]:
            ops[: i + 2] = [_Op("insert", 0, 0, ops[0].dest_start, b - k), _Op("equal", ops[i].src_start, ops[i].src_end, b - k, b)]
    j = len(ops) - (2 if ops and ops[-1].tag == "insert" else 1)  # source words after the quote's last match
    if j >= 2 and ops[j].tag == "equal" and ops[j - 1].tag == "insert" and ops[j - 2].tag == "equal":
        k = ops[j].src_end - ops[j].src_start
        a = ops[j - 1].dest_start
        if k <= 2 and window[a : a + k] == qids[ops[j].src_start : ops[j].src_end]:
            end = ops[-1].dest_end
            ops[j - 1 :] = [_Op("equal", ops[j].src_start, ops[j].src_end, a, a + k),
                            _Op("insert", ops[j].src_end, ops[j].src_end, a + k, end)]
    return ops


def _trim_edges(ops: list) -> list:
    """Drop source words outside the quote, except where they pair with quote words at the edge:
    a quote ending 'be tolerated' against 'be allowed' is a replaced word, not an added one. A longer
    run of quote words at an edge stays unpaired: that is text spliced on from elsewhere."""
    ops = list(ops)
    if ops and ops[0].tag == "insert":
        nxt = ops[1] if len(ops) > 1 else None
        if nxt is not None and nxt.tag == "delete" and nxt.src_end - nxt.src_start <= 2:
            keep = min(ops[0].dest_end - ops[0].dest_start, nxt.src_end - nxt.src_start)
            ops[0] = _Op("insert", 0, 0, ops[0].dest_end - keep, ops[0].dest_end)
        else:
            ops.pop(0)
    if ops and ops[-1].tag == "insert":
        prev = ops[-2] if len(ops) > 1 else None
        if prev is not None and prev.tag == "delete" and prev.src_end - prev.src_start <= 2:
            keep = min(ops[-1].dest_end - ops[-1].dest_start, prev.src_end - prev.src_start)
            ops[-1] = _Op("insert", ops[-1].src_start, ops[-1].src_end, ops[-1].dest_start, ops[-1].dest_start + keep)
        else:
            ops.pop()
    return ops


def _finish(src: Source, q: list[Tok], raw) -> Alignment:
    matched, _, _, first_src, last_src, ops, lo = raw
    return Alignment(
        start=src.toks[first_src].start,
        end=src.toks[last_src].end,
        matched_words=matched,
        quote_words=len(q),
        diffs=_judge(src, q, ops, lo, first_src, last_src),
        tok_start=first_src,
        tok_end=last_src + 1,
    )


@dataclass(frozen=True)
class _Op:
    tag: str
    src_start: int  # in the quote
    src_end: int
    dest_start: int  # in the source window
    dest_end: int


def _judge(src: Source, q: list[Tok], ops, lo: int, first_src: int, last_src: int) -> list[Difference]:
    """Name every difference and say whether it can change meaning.

    Indel opcodes say 'delete' for quote words missing from the source and 'insert' for source words
    missing from the quote; a delete next to an insert is a replacement.
    """
    diffs: list[Difference] = []
    i = 0
    merged = []
    while i < len(ops):
        op = ops[i]
        if op.tag == "equal":
            i += 1
            continue
        qs, qe, ss, se = op.src_start, op.src_end, op.dest_start, op.dest_end
        while i + 1 < len(ops) and ops[i + 1].tag != "equal":
            i += 1
            qe = max(qe, ops[i].src_end)
            se = max(se, ops[i].dest_end)
            qs = min(qs, ops[i].src_start)
            ss = min(ss, ops[i].dest_start)
        merged.append((qs, qe, ss, se))
        i += 1
    for qs, qe, ss, se in merged:
        qw = q[qs:qe]
        a, b = max(lo + ss, first_src), min(lo + se, last_src + 1)
        sw = src.toks[a:b] if b > a else []
        diffs.append(_classify(qw, sw))
    return diffs


def _text(toks: Sequence[Tok]) -> str:
    return " ".join(t.text for t in toks)


def _classify(qw: list[Tok], sw: list[Tok]) -> Difference:
    qt, st = _text(qw), _text(sw)
    q_core = [t for t in qw if not t.article and not t.bracket]
    s_core = [t for t in sw if not t.article and not t.bracket]
    q_br = any(t.bracket for t in qw)
    s_br = any(t.bracket for t in sw)
    # An editorial bracket standing in for a few words, either way round: "[the three ministers]" for
    # "them", "[Smith]" for "he". Its numbers and names are the editor's referent, not changed words.
    if (q_br and not q_core and len(sw) <= 6) or (s_br and not s_core and len(qw) <= 6):
        return Difference(kind="bracket", benign=True, quote=qt, source=st)
    q_nums = sorted(t.key for t in qw if t.num)
    s_nums = sorted(t.key for t in sw if t.num)
    if q_nums != s_nums:
        return Difference(kind="number", benign=False, quote=qt, source=st)
    if not q_core and not s_core:
        return Difference(kind="bracket" if q_br or s_br else "article", benign=True, quote=qt, source=st)
    if [t.key for t in q_core if t.neg] != [t.key for t in s_core if t.neg]:
        return Difference(kind="negation", benign=False, quote=qt, source=st)
    first = qw[0] if qw else None
    if any(t.cap for t in q_core + s_core if t is not first) and any(t.cap for t in (q_core or s_core)):
        return Difference(kind="name", benign=False, quote=qt, source=st)
    if not s_core:
        return Difference(kind="added", benign=False, quote=qt, source=st)
    if not q_core:
        return Difference(kind="omitted", benign=False, quote=qt, source=st)
    return Difference(kind="word", benign=False, quote=qt, source=st)


def _fragments(quote: str) -> list[str]:
    parts = [p for p in _ELLIPSIS.split(quote) if p and p.strip(EDGE_PUNCT)]
    return parts or [quote]


def _align_fragment(src: Source, frag: str, after_tok: int, not_before: int) -> Optional[Alignment]:
    q = tokenize(frag)
    if not q:
        return None
    local: dict[str, int] = {}
    qids = [
        -1 - local.setdefault(f"[{j}]", len(local)) if t.bracket else src.vocab.get(t.key, -1 - local.setdefault(t.key, len(local)))
        for j, t in enumerate(q)
    ]
    best = None
    for offset in _candidates(src, [t for t in q], after_tok):
        raw = _align_at(src, q, qids, offset)
        if raw is None or src.toks[raw[3]].start < not_before:
            continue
        if best is None or raw[:3] > best[:3]:
            best = raw
        if raw[0] == len(q) and len(raw[5]) == 1:
            break  # every word found in one run: no window can do better
    return _finish(src, q, best) if best is not None else None


@dataclass(frozen=True)
class Located:
    """Where a quote was found and how faithfully: the one record the verifier reads."""

    status: Status
    score: float  # 0..1: the share of the quote's words found in order
    span: Optional[tuple[int, int]]  # offsets into the article text, end exclusive; None when not found
    differences: list[Difference]


def locate(src: Source, quote: str) -> Located:
    """Find the quote: its status, score, span in the original text, and the differences."""
    return Located(*_locate(src, quote))


def _locate(src: Source, quote: str) -> tuple[Status, float, Optional[tuple[int, int]], list[Difference]]:
    if not quote or not quote.strip():
        return Status.unsupported, 0.0, None, []
    span = _exact(src, quote)
    if span:
        return Status.exact, 1.0, span, []
    span = _normalized(src, quote)
    if span:
        return Status.normalized, 1.0, span, []
    span = _joined(src, quote)
    if span:
        return Status.fuzzy, 1.0, span, [Difference(kind="ellipsis", benign=True, quote="",
                                                    source="(the attribution between two quoted parts)")]

    frags = _fragments(quote)
    aligned: list[Alignment] = []
    diffs: list[Difference] = []
    after_tok, not_before = 0, 0
    for k, frag in enumerate(frags):
        al = _align_fragment(src, frag, after_tok if k else 0, not_before)
        if al is None:
            return Status.unsupported, 0.0, None, []
        if aligned and al.start - aligned[-1].end > MAX_FRAGMENT_GAP:
            return Status.unsupported, 0.0, None, [
                Difference(kind="ellipsis", benign=False, quote=frag, source="(only found far from the rest)")
            ]
        aligned.append(al)
        diffs.extend(al.diffs)
        after_tok, not_before = al.tok_end, al.end
    if len(aligned) > 1:
        diffs.insert(0, Difference(kind="ellipsis", benign=True, quote="...", source="(omitted words)"))
    matched = sum(a.matched_words for a in aligned)
    total = sum(a.quote_words for a in aligned)
    score = matched / total if total else 0.0
    span = (aligned[0].start, aligned[-1].end)
    harmful = [d for d in diffs if not d.benign]
    too_short = total <= 2 and harmful
    changed = sum(len(d.quote.split()) for d in harmful)
    spliced = any(len(d.quote.split()) >= MAX_ADDED_RUN for d in harmful) or changed >= max(MAX_ADDED_RUN, total // 4)
    if score < MIN_SUPPORT or too_short or spliced or len(harmful) > max(2, total // 6):
        return Status.unsupported, round(score, 3), None, harmful
    if not diffs or all(d.benign for d in diffs):
        # every word aligned and nothing but punctuation differs: still not a character-level match
        if not diffs:
            diffs = [Difference(kind="punctuation", benign=True, quote="", source="")]
        return Status.fuzzy, round(score, 3), span, diffs
    return Status.altered, round(score, 3), span, diffs
