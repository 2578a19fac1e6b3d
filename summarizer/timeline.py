"""The timeline: one entry per event, with every article that reports it, and conflicts shown.

Two articles' descriptions are one event when their words (or stems) mostly agree and their dates can
be the same date; the same event given incompatible dates is kept once with the other reading listed
as a conflict, never silently resolved. Candidates come from an inverted index over content words,
so the work grows with the number of events, not with its square.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Optional

from rapidfuzz import fuzz

from . import dates
from .anchoring import anchor_dates
from .compare import comparable, content_words, rare_word_votes, stems, top
from .models import ArticleResult, EventSource, TimelineEntry, when_text


def _same_event(a: tuple[str, frozenset], b: tuple[str, frozenset]) -> bool:
    """Two descriptions of one event, as (comparable text, its stems): "A drone strike wounded two
    Belmark border guards" and "Drones struck a Belmark Border Guard patrol ..., wounding two" differ in
    words, less in stems. Half the stems of the two together must be shared: a subset test alone
    would join a short description to every longer one that mentions the same people."""
    if fuzz.token_set_ratio(a[0], b[0]) >= 80:
        return True
    union = len(a[1] | b[1])
    return bool(union) and len(a[1] & b[1]) / union >= 0.5


def _compatible(a: tuple, b: tuple) -> bool:
    """Whether two (date, until) readings can be the same date: equal, one unknown, or one a coarser
    reading of the other ("in February" and 2025-02-06)."""
    if a == b or a == (None, None) or b == (None, None):
        return True
    if a[1] is None and b[1] is None and a[0] and b[0]:
        return dates.same_at_precision(a[0], b[0])
    return False


def build_timeline(results: list[ArticleResult], anchored: Optional[dict] = None) -> list[TimelineEntry]:
    anchored = anchor_dates(results) if anchored is None else anchored
    entries: list[TimelineEntry] = []
    texts: list[tuple] = []
    articles_of: list[set[str]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for r in results:
        for i, e in enumerate(r.events):
            v = e.verification
            date, precision, dated_by = e.date, e.precision, None
            if (r.article_id, i) in anchored:
                date, precision, dated_by = anchored[(r.article_id, i)]
            src = EventSource(
                article_id=r.article_id, index=i, date_text=e.date_text, date=date, until=e.until, dated_by=dated_by,
                start=v.start, end=v.end, status=v.status, flagged=v.flagged, reasons=v.reasons,
            )
            when = (date, e.until)
            text = (comparable(e.event), stems(e.event))
            words = content_words(e.event)
            votes = rare_word_votes(index, list(words))
            target = None
            for k, shared in top(votes, 25):
                if shared < 2 or not _same_event(text, texts[k]):
                    continue
                entry = entries[k]
                if r.article_id in articles_of[k]:
                    continue  # an article lists an event once: two of its events are two events
                if _compatible((entry.date, entry.until), when):
                    target = k
                    break
                mine = when_text(date, e.until)
                if mine not in entry.conflict:  # the same event, another date: say so
                    entry.conflict.append(mine)
            if target is not None:
                entry = entries[target]
                entry.sources.append(src)
                articles_of[target].add(r.article_id)
                if (entry.date, entry.until) == (None, None) or (date and entry.date and len(date) > len(entry.date)):
                    if when != (None, None):  # the most precise reading of the date wins
                        entry.date, entry.precision, entry.until = date, precision, e.until
                entry.flagged = entry.flagged and v.flagged
                continue
            conflicts = [entries[k].when for k, _ in top(votes, 25)
                         if (entries[k].date or entries[k].until) and (date or e.until)
                         and not _compatible((entries[k].date, entries[k].until), when) and _same_event(text, texts[k])]
            entries.append(TimelineEntry(date=date, precision=precision, until=e.until, event=e.event, sources=[src],
                                         conflict=sorted(set(conflicts)), flagged=v.flagged))
            texts.append(text)
            articles_of.append({r.article_id})
            for w in sorted(words):
                index[w].append(len(entries) - 1)
    return sorted(entries, key=lambda t: (t.sort_date is None, t.sort_date or "", t.event))
