"""The quote inventory: direct quotes in an article that none of the model's claims or denials cover.

A model-only design cannot see what the model left out. The offline rules find every direct quote
deterministically; any quote that no claim or denial overlaps is listed as a possible omission, with
its speaker and span, so a person can decide whether it matters.
"""

from __future__ import annotations

from .attribution import build_context, quote_spans
from .models import Article, Omission
from .quote_alignment import normalize

MIN_WORDS = 3  # one- and two-word scare quotes ("reckless") are rarely a statement worth listing
#: A long passage an article quotes from another news outlet is that outlet's narration relayed, not
#: an actor's statement the model should have caught ("the capital has repeatedly denied ...").
OUTLET_NARRATION_WORDS = 20


def find_omissions(article: Article, items) -> list[Omission]:
    """Quotes of ``article`` not covered by ``items`` (verified claims and denials)."""
    spans = [(i.verification.start, i.verification.end) for i in items if i.verification.start is not None]
    quoted = [normalize(i.quote) for i in items]
    out = []
    ctx, raw = build_context(article.text, article.boilerplate)
    for q, speaker in quote_spans(ctx, raw):
        if len(q.text.split()) < MIN_WORDS:
            continue
        if speaker is not None and speaker.outlet and len(q.text.split()) >= OUTLET_NARRATION_WORDS:
            continue
        length = q.end - q.start
        overlap = max((min(q.end, e) - max(q.start, s) for s, e in spans), default=0)
        if overlap >= 0.5 * length:
            continue
        text = normalize(q.text).strip(" .,;:")
        if any(text and text in other for other in quoted):
            continue  # covered by a quote the verifier could not place
        out.append(Omission(article_id=article.id, start=q.start, end=q.end, text=q.text, speaker=q.speaker))
    return out
