"""Dating an article that states no publication date, from an occasion it shares with a dated one.

An undated article's "on Sunday" means nothing alone. But when a dated article places the same
occasion ("Reyes met foreign minister Ito Ren in Lisbon") on Sunday 2023-01-29, the undated
article must have been written within the six days after it: the only publication dates under which
its "on Sunday" reads as 2023-01-29. That window then dates its other relative expressions, but only
those that read the same under *every* date in the window: "Nov. 18" is 2022-11-18 whichever day of
that week the article appeared, while "on Monday" could be two different Mondays, so it stays undated.

Nothing here guesses: an anchor needs a strong textual match, a day-precise date in the dated
article, and an expression that pins the window within days; anchors that disagree cancel
everything; and every date obtained this way says which event it was anchored to. Pure functions.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from . import dates
from .compare import comparable, content_words, rare_word_votes, top

REACH_DAYS = 10  # an anchor's window must close within this many days either side of the shared date
MIN_SHARED_WORDS = 5
MIN_SIMILARITY = 70  # token_set_ratio of the two event descriptions


@lru_cache(maxsize=4096)
def reference_window(date_text: str, future: bool, target: date) -> Optional[frozenset[date]]:
    """Publication dates under which ``date_text`` reads as the day ``target``; None unless there are
    some and they all lie well inside ``REACH_DAYS`` (an expression like "Jan. 20" fits a whole year of
    publication dates and pins nothing)."""
    iso = target.isoformat()
    fits = []
    for k in range(-REACH_DAYS, REACH_DAYS + 1):
        when = target + timedelta(days=k)
        got = dates.resolve(date_text, when, future=future)
        if got is not None and got.precision == "day" and got.iso == iso:
            fits.append(when)
    if not fits or fits[0] == target - timedelta(days=REACH_DAYS) or fits[-1] == target + timedelta(days=REACH_DAYS):
        return None
    return frozenset(fits)


def anchor_windows(results) -> dict[str, tuple[frozenset[date], str]]:
    """For each undated article that shares an occasion with a dated one: the publication dates it can
    have, and a note naming the anchors. ``results`` are ArticleResults.

    Wire copies repeat the same events word for word, so dated events are indexed once per distinct
    (description, day), and an undated event's anchors are worked out once per distinct description
    and date phrase: the cost follows the number of distinct events, not of articles.
    """
    dated: list[tuple[str, int, str, set[str], date]] = []
    seen: set[tuple[str, date]] = set()
    index: dict[str, list[int]] = defaultdict(list)
    for r in results:
        if not r.published:
            continue
        for i, e in enumerate(r.events):
            day = dates.parse_iso(e.date) if e.precision == "day" and not e.until else None
            if day is None or e.verification.start is None:
                continue
            text = comparable(e.event)
            if (text, day) in seen:
                continue
            seen.add((text, day))
            words = content_words(e.event)
            dated.append((r.article_id, i, text, words, day))
            for w in words:
                index[w].append(len(dated) - 1)
    if not dated:
        return {}

    def anchors_for(text: str, words: set[str], date_text: str, future: bool):  # anchors come from dated articles only
        found = []
        for k, _ in top(rare_word_votes(index, list(words)), 25):
            other_id, j, other_text, other_words, day = dated[k]
            if len(words & other_words) < MIN_SHARED_WORDS:
                continue
            if fuzz.token_set_ratio(text, other_text) < MIN_SIMILARITY:
                continue
            fits = reference_window(date_text, future, day)
            if fits is not None:  # None: the same people, but not the same day
                found.append((fits, f"{other_id} event {j} ({day.isoformat()})"))
        return found

    memo: dict[tuple[str, str, bool], list] = {}
    out: dict[str, tuple[frozenset[date], str]] = {}
    for r in results:
        if r.published or not r.events:
            continue
        window: Optional[frozenset[date]] = None
        anchors: list[str] = []
        for e in r.events:
            if e.date is not None or e.verification.start is None:
                continue
            text = comparable(e.event)
            key = (text, e.date_text, e.future)
            if key not in memo:
                memo[key] = anchors_for(text, content_words(e.event), e.date_text, e.future)
            for fits, note in memo[key]:
                window = fits if window is None else window & fits
                anchors.append(note)
        if window:  # none when there is no anchor, or anchors contradict each other
            out[r.article_id] = (window, "anchored to " + ", ".join(dict.fromkeys(anchors)))
    return out


def anchor_dates(results, windows: Optional[dict] = None) -> dict[tuple[str, int], tuple[str, str, str]]:
    """``(article id, event index) -> (iso date, precision, note)`` for events of undated articles that a
    shared occasion with a dated article dates unambiguously."""
    windows = anchor_windows(results) if windows is None else windows
    out: dict[tuple[str, int], tuple[str, str, str]] = {}
    for r in results:
        if r.article_id not in windows:
            continue
        window, note = windows[r.article_id]
        for i, e in enumerate(r.events):
            if e.date is not None or e.until is not None or e.verification.start is None:
                continue
            readings = {dates.resolve(e.date_text, when, future=e.future) for when in window}
            if len(readings) == 1:
                (got,) = readings
                if got is not None:
                    out[(r.article_id, i)] = (got.iso, got.precision, note)
    return out


def article_dates(results, windows: Optional[dict] = None) -> dict[str, tuple[date, date]]:
    """When each article was written, as far as the run knows: its publication date, or the window an
    anchor gives. Articles with neither are absent."""
    windows = anchor_windows(results) if windows is None else windows
    out = {}
    for r in results:
        published = dates.parse_iso(r.published)
        if published is not None:
            out[r.article_id] = (published, published)
        elif r.article_id in windows:
            window = windows[r.article_id][0]
            out[r.article_id] = (min(window), max(window))
    return out
