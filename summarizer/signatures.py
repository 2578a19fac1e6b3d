"""Words the page itself credits without a speech cue: a name signed after a quotation ('“...” — Jane
Roe'), a transcript's speaker labels ('"KELL: ...'), an embedded post's signature ('... — Name (@handle)
January 30, 2026').

Each function reads the article's text layer (``ctx.clean`` and ``ctx.masked`` of the attribution
context) and returns the speaker phrase; the attribution engine decides what the phrase credits.
"""

from __future__ import annotations

import re
from typing import Optional

from .phrases import is_capitalised, make_np, NP
from .speakers import People, Speaker
from .speech_words import NAME_PARTICLES, NOT_NAMES, TITLE_WORDS
from .textlayer import RawQuote, SIGNATURE_DASH, tokenize


def title_only(name: str) -> bool:
    """'Sen.', 'Ms', 'Then', 'Two': a title or a word that starts sentences, alone, names nobody."""
    ws = [w.strip(".,").lower() for w in name.split()]
    return not ws or all(w in TITLE_WORDS or w.capitalize() in NOT_NAMES for w in ws)


#: '“...” ― Jane Roe' / '“...” — Jane Roe, 34, of Leeds.' at the end of its line: a signature.
_SIGNATURE = re.compile(SIGNATURE_DASH + r"([^\n,;:()“”\"]{2,60}?)[^\S\n]*(?:[,(][^\n]{0,80})?[.]?[^\S\n]*(?:\n|$)")


#: "... — Jane Roe (@janeroe) January 30, 2023" at the end of a line: an embedded post and whose it is
_POST_SIGNATURE = re.compile(SIGNATURE_DASH + r"([A-Z][^\n()@]{1,60}?)\s*\(@\w{1,30}\)(?:\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$",
                             re.M)


#: '"PENCE: Well, ...' or 'MS ROE: ...' opening a quotation: a transcript's speaker label
_LABEL = re.compile(r"[^\S\n]*((?:M[RS]S?\.?\s+)?[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+){0,2}):[^\S\n]")


def label(ctx, q: RawQuote, people: People) -> Optional[tuple[Speaker, NP]]:
    """The speaker a transcript labels at the start of a quotation ('"WALLACE: Do you ...'): the person of
    that surname the article names, or the label as written."""
    first = q.parts[0][0] if q.parts else q.open_mark + 1
    m = _LABEL.match(ctx.clean, first)
    if not m or title_only(m.group(1)):
        return None
    label = re.sub(r"^M[RS]S?\.?\s+", "", m.group(1)).title()
    full = people.full(label, q.open_mark)
    np = NP(m.start(1), m.end(1), ())
    return Speaker(full, "person", None, None, False, m.group(1), full.split()[-1].lower()), np


def split_at_labels(ctx, raw: list[RawQuote]) -> list[RawQuote]:
    """A transcript quoted over paragraphs ('"KELL: ...' / '"ROE: ...' / '"...'): one quotation per
    labelled turn, so each turn has its own speaker."""
    out = []
    for q in raw:
        cuts = [i for i, (a, _b) in enumerate(q.parts) if i > 0 and _LABEL.match(ctx.clean, a)]
        if not cuts:
            out.append(q)
            continue
        bounds = [0, *cuts, len(q.parts)]
        for lo, hi in zip(bounds, bounds[1:]):
            parts = q.parts[lo:hi]
            opening = q.open_mark if lo == 0 else ctx.clean.rfind("\n", 0, parts[0][0]) + 1
            closing = q.close_mark if hi == len(q.parts) else parts[-1][1]
            out.append(RawQuote(opening, closing, parts))
    return out


def signature(ctx, q: RawQuote) -> Optional[NP]:
    """The name signed after a quotation, alone on the rest of its line (reader panels, epigraphs,
    vox pops): no cue, but the dash and the line end say who."""
    m = _SIGNATURE.match(ctx.masked, q.close_mark)
    if not m:
        return None
    toks = tokenize(ctx.masked, m.start(1), m.end(1))
    if not toks or len(toks) > 6 or not all(is_capitalised(t) or t.low in NAME_PARTICLES for t in toks) or not is_capitalised(toks[0]):
        return None
    np = make_np(toks, 0, len(toks) - 1)
    return None if title_only(ctx.clean[np.start : np.end]) else np


def post_signer(text: str, start: int, end: int) -> Optional[NP]:
    """Who signs the embedded post that ``text[start:end]`` lies in: "<text> — Name (@handle) Month D,
    YYYY" on one line; None when no such signature closes the span's line."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if text.find("(@", end, line_end) == -1:
        return None  # no handle after the span on its line: no post (the common case, found fast)
    if text.rfind("\n", 0, start) != text.rfind("\n", 0, max(start, end - 1)):
        return None  # the span crosses a line
    m = _POST_SIGNATURE.search(text, end, line_end)
    if not m or m.end() != line_end:
        return None
    toks = tokenize(text, m.start(1), m.end(1))
    if not toks or not all(is_capitalised(t) or t.low in NAME_PARTICLES for t in toks):
        return None
    return make_np(toks, 0, len(toks) - 1)
