"""Date expressions as news prose writes them, found in text and read against a publication date.

One module so that ingest (publication dates), verify (checking the model's ISO dates), merge (the
timeline), the offline extractor and the ``articles[].dates`` output all read dates the same way.
Pure functions, no I/O.

Why the rules are what they are:

* A relative date hangs on the publication date. When the article has none, relative dates stay
  unread: a guess would look exactly like a fact in the timeline.
* News prose mostly refers back. A weekday or a month without a year is read through the tense of its
  own clause (bounded by its sentence, never the next one): in a past-tense clause it is the most
  recent such day on or before publication (so a past-tense "Friday" in a Friday paper is that day), in
  a future one the next on or after it, and with no tense to go on the nearest one.
* "last", "next", "ago", "from now" and their kin fix the direction themselves. A compound or counted
  phrase ("the day before yesterday", "two weeks ago", "a week from Tuesday") is read whole or not at
  all; a phrase counted from a time the text does not pin down ("three days later", "the next day")
  is found but left undated.
* A reading is no more precise than the phrase: "two weeks ago" is a week, "a year ago" a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple, Optional, Sequence

from .date_phrases import (
    AHEAD_WORDS,
    BACK_WORDS,
    count_of,
    Expr,
    month_number,
    MONTH_PATTERN,
    OPEN_QUALIFIERS,
    PATTERNS,
    raw_mentions,
    ROUGH_QUALIFIERS,
    UNIT_DAYS,
    WEEKDAYS,
)
from .date_tense import clause_around, looks_future, target_at, tense_at  # noqa: F401 (part of this module's API)
from .textlayer import paragraphs, sentences


# =============================================================================================
# Reading.
# =============================================================================================


@dataclass(frozen=True)
class Resolved:
    iso: str
    precision: str  # "day" | "week" (iso is its Monday) | "month" | "year"

    @property
    def start(self) -> date:
        parts = [int(p) for p in self.iso.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])

    def for_timeline(self) -> Optional["Resolved"]:
        """The reading at a timeline precision (day, month, year): a week is its month when it lies in
        one, and nothing otherwise (a week is not a day)."""
        if self.precision != "week":
            return self
        lo, hi = self.start, self.start + timedelta(days=6)
        return Resolved(f"{lo.year:04d}-{lo.month:02d}", "month") if (lo.year, lo.month) == (hi.year, hi.month) else None


def parse_iso(value: Optional[str]) -> Optional[date]:
    """A ``YYYY-MM-DD`` string (or the date part of an ISO timestamp) as a date; None for anything else."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", value.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _mk_day(d: date) -> Resolved:
    return Resolved(d.isoformat(), "day")


def _mk_week(d: date) -> Resolved:
    return Resolved((d - timedelta(days=d.weekday())).isoformat(), "week")


def _mk_month(y: int, m: int) -> Resolved:
    return Resolved(f"{y:04d}-{m:02d}", "month")


def _safe_day(y: int, m: int, d: int) -> Optional[date]:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _add(d: date, n: int, unit: str) -> date:
    if unit in UNIT_DAYS:
        return d + timedelta(days=n * UNIT_DAYS[unit])
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    y, m = _shift_month(d.year, d.month, months)
    for day in (d.day, 30, 29, 28):
        got = _safe_day(y, m, day)
        if got:
            return got
    raise ValueError(d)


def _easter(y: int) -> date:
    """Western Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher form)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def _nth_weekday(y: int, m: int, n: int, wd: int) -> Optional[date]:
    """The nth given weekday of a month (n = -1: the last one); None when the month has no such day."""
    if n < 0:
        last = date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - wd) % 7)
    first = date(y, m, 1)
    got = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    return got if got.month == m else None


def holiday_in(rule: str, year: int) -> Optional[date]:
    """The day a holiday rule (lang/en/holidays.tsv) gives in one year."""
    if rule.startswith("easter"):
        return _easter(year) + timedelta(days=int(rule[6:]))
    if "/" in rule:
        m, n, wd = rule.split("/")
        return _nth_weekday(year, int(m), int(n), WEEKDAYS[wd])
    m, d = rule.split("-")
    return _safe_day(year, int(m), int(d))


def _at(d: date, unit: str) -> Resolved:
    """The calendar unit containing ``d``: the precision a count in that unit supports."""
    if unit == "day":
        return _mk_day(d)
    if unit in ("week", "fortnight"):
        return _mk_week(d)
    if unit == "month":
        return _mk_month(d.year, d.month)
    return Resolved(f"{d.year:04d}", "year")


# A date written without its year lies near publication. A past-tense clause reads it backwards unless
# that lands more than PAST_REACH days back while the forward reading is within AHEAD_REACH days: then
# it is a coming date reported in the past tense ("the offer was extended to Nov. 16").
PAST_REACH, AHEAD_REACH = 183, 120


def _pick(cands: list[date], pub: date, tense: Optional[str], slack: int, reach: bool = False) -> Optional[date]:
    """Among readings of a phrase without a year, the one its clause's tense points to."""
    cands = sorted(c for c in cands if c is not None)
    if not cands:
        return None
    if tense == "past":
        # a date written without its year lies near publication: a past reading from an earlier year and
        # more than half a year back is a future date reported in the past tense ("was extended to Nov. 16")
        back = [c for c in cands if c <= pub + timedelta(days=slack)]
        ahead = [c for c in cands if c > pub + timedelta(days=slack)]
        if back and not (reach and (pub - back[-1]).days > PAST_REACH and ahead and (ahead[0] - pub).days <= AHEAD_REACH):
            return back[-1]
        tense = None
    if tense == "future":
        ahead = [c for c in cands if c >= pub - timedelta(days=slack)]
        return ahead[0] if ahead else None
    return min(cands, key=lambda c: (abs((c - pub).days), c > pub))


def _weekday(target: int, pub: date, rel: Optional[str], tense: Optional[str]) -> date:
    back = (pub.weekday() - target) % 7
    ahead = (target - pub.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return pub - timedelta(days=back or 7)
    if rel in ("coming", "upcoming", "this coming", "ahead"):
        return pub + timedelta(days=ahead or 7)
    if rel == "next":  # the one in the next calendar week
        return pub - timedelta(days=pub.weekday()) + timedelta(days=7 + target)
    if rel == "since":
        return pub - timedelta(days=back)
    if rel == "'s" and tense == "present":
        tense = None
    if tense in ("future", "present") or (rel == "this" and tense != "past"):
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back)


def read(expr: Expr, pub: Optional[date], tense: Optional[str] = None, target=True) -> Optional[Resolved]:
    """The calendar reading of a phrase, or None when the text and the publication date do not fix it.

    ``target`` says a past tense may be reporting a date still to come: the phrase follows a word that
    sets a deadline ("extended to", "payable", "effective"), or (for a day, "loose") its clause has no
    verb of its own: "payable Dec. 7 to holders of record Nov. 22". A month alone needs the deadline
    word: "In January, the company hired ..." is narration. On when the caller knows no better."""
    k = expr.kind
    if k == "date":
        if expr.y is None:
            return None
        if expr.m is None:
            return Resolved(f"{expr.y:04d}", "year")
        if expr.d is None:
            return _mk_month(expr.y, expr.m)
        got = _safe_day(expr.y, expr.m, expr.d)
        return _mk_day(got) if got else None
    if pub is None or k == "anaphor":
        return None
    if k == "md":
        cands = [_safe_day(pub.year + dy, expr.m, expr.d) for dy in (-1, 0, 1)]
        if expr.wd is not None:  # "Saturday, April 25": the year in which that day is a Saturday
            fits = [c for c in cands if c and c.weekday() == expr.wd]
            if fits:
                return _mk_day(min(fits, key=lambda c: abs((c - pub).days)))
        if expr.rel in ("next", "coming", "this coming"):
            tense = "future"
        elif expr.rel == "last":
            tense = "past"
        got = _pick(cands, pub, tense, slack=7, reach=bool(target))
        return _mk_day(got) if got else None
    if k == "month_of":  # "June last year"
        return _mk_month(pub.year + expr.n, expr.m)
    if k == "month":
        if expr.rel == "this":
            return _mk_month(pub.year, expr.m)
        if expr.rel in ("last", "past", "previous"):  # the most recent one before this month
            return _mk_month(pub.year if expr.m < pub.month else pub.year - 1, expr.m)
        if expr.rel == "next":  # the first one after this month
            return _mk_month(pub.year if expr.m > pub.month else pub.year + 1, expr.m)
        if expr.rel in ("coming", "this coming"):
            tense = "future"
        cands = [date(pub.year + dy, expr.m, 1) for dy in (-1, 0, 1)]
        here = date(pub.year, pub.month, 1)
        soon = expr.m == (pub.month % 12) + 1  # next month: nearer than the same month eleven months back
        got = _pick(cands, here, tense, slack=0, reach=target is True or target == "lead" or soon)
        return _mk_month(got.year, got.month) if got else None
    if k == "weekday":
        day = _weekday(expr.wd, pub, expr.rel, tense) + timedelta(days=7 * expr.weeks)
        return _mk_day(day)
    if k == "weekday_count":  # "three Fridays from now": the third Friday after today
        if expr.rel == "vague" or expr.n < 1:
            return None
        if expr.sign > 0:
            first = pub + timedelta(days=(expr.wd - pub.weekday()) % 7 or 7)
        else:
            first = pub - timedelta(days=(pub.weekday() - expr.wd) % 7 or 7)
        return _mk_day(first + timedelta(days=7 * expr.sign * (expr.n - 1)))
    if k == "holiday":
        if expr.rel == "vague":
            return None
        if expr.rel == "years":  # "Thanksgiving two years ago": that holiday in that year
            got = holiday_in(expr.unit, pub.year + expr.n)
            return _mk_day(got) if got else None
        if expr.y is not None:
            got = holiday_in(expr.unit, expr.y)
            return _mk_day(got) if got else None
        cands = [c for c in (holiday_in(expr.unit, pub.year + dy) for dy in (-1, 0, 1)) if c]
        if expr.rel == "this":
            got = holiday_in(expr.unit, pub.year)
        elif expr.rel in BACK_WORDS:
            got = max((c for c in cands if c < pub), default=None)
        elif expr.rel == "next":
            got = min((c for c in cands if c > pub), default=None)
        elif expr.rel in AHEAD_WORDS:
            got = min((c for c in cands if c >= pub), default=None)
        else:
            got = _pick(cands, pub, tense, slack=7, reach=bool(target))
        return _mk_day(got) if got else None
    if k in ("nth_weekday", "nth_week"):  # "the last Friday of October", "the first week of next month"
        ym = _month_of_nth(expr, pub, tense, target)
        if ym is None:
            return None
        if k == "nth_week":  # a week belongs to the month that holds most of it, so its Thursday
            thursday = _nth_weekday(*ym, expr.n, 3)
            return _mk_week(thursday) if thursday else None
        got = _nth_weekday(*ym, expr.n, expr.wd)
        return _mk_day(got) if got else None
    if k == "weekday_from":  # "the third Tuesday after Christmas 2014"
        base = read(expr.anchor, pub, tense, target)
        if base is None or base.precision != "day":
            return None
        step = (expr.wd - base.start.weekday()) % 7 if expr.sign > 0 else (base.start.weekday() - expr.wd) % 7
        first = base.start + timedelta(days=expr.sign * (step or 7))
        return _mk_day(first + timedelta(days=7 * expr.sign * (expr.n - 1)))
    if k == "present":  # "at this time": the time of writing, unless a past-tense clause tells a story
        return None if tense == "past" else _mk_day(pub)
    if k == "unit_end":
        return _unit_end(expr, pub, tense)
    if k == "day_of_month":  # "the 20th of next month"
        y, m = _shift_month(pub.year, pub.month, expr.n)
        got = _safe_day(y, m, expr.d) if expr.d else None
        return _mk_day(got) if got else None
    if k == "deictic":
        return _mk_day(pub + timedelta(days=expr.n))
    if k == "unit":
        if expr.unit in ("week", "weekend"):
            monday = pub - timedelta(days=pub.weekday())
            if expr.rel == "earlier" and expr.n == 0 and pub.weekday() == 0:
                monday -= timedelta(days=7)  # a Monday paper's "earlier this week" is the week just ended
            return _mk_week(monday + timedelta(days=7 * expr.n))
        if expr.unit == "month":
            y, m = _shift_month(pub.year, pub.month, expr.n)
            return _mk_month(y, m)
        return Resolved(f"{pub.year + expr.n:04d}", "year")
    if k in ("ago", "ahead"):
        if expr.rel == "vague" or expr.qual in OPEN_QUALIFIERS - ROUGH_QUALIFIERS:
            return None
        if k == "ahead" and tense == "past":
            return None  # "rose 5% in two weeks": a stretch of time, not a date
        if expr.anchor is not None:
            base = read(expr.anchor, pub, tense, target)
            if base is None or base.precision != "day":
                return None
            got = _add(base.start, expr.sign * expr.n, expr.unit)
            return _at(got, "day" if expr.qual is None else expr.unit)
        got = _add(pub, expr.sign * expr.n, expr.unit)
        unit = expr.unit
        if expr.qual in ROUGH_QUALIFIERS:
            unit = "week" if unit == "day" else unit
        if unit == "decade":
            return Resolved(f"{got.year:04d}", "year")
        return _at(got, unit)
    return None


def _month_of_nth(expr: Expr, pub: date, tense: Optional[str], target) -> Optional[tuple[int, int]]:
    """The month an ordinal weekday or week lies in: a month written without a year is read as a bare
    month is, through its clause's tense."""
    if expr.rel:
        return _shift_month(pub.year, pub.month, expr.weeks)
    if expr.y is not None:
        return expr.y, expr.m
    month = read(Expr("month", m=expr.m), pub, tense, target)
    return (month.start.year, month.start.month) if month else None


def _unit_end(expr: Expr, pub: date, tense: Optional[str]) -> Optional[Resolved]:
    """The end of a year or month, at that unit's grain (which day ends a period is a convention). A
    past-tense clause or "since" means the one already ended; "the end of the year" in narration may be
    the end of a year the story has named, so it is left undated there."""
    back = expr.rel == "since" or tense == "past"
    if back and expr.qual == "the":
        return None
    if expr.unit == "year":
        return Resolved(f"{pub.year - back:04d}", "year")
    y, m = _shift_month(pub.year, pub.month, -1 if back else 0)
    return _mk_month(y, m)


# =============================================================================================
# The public readers.
# =============================================================================================


def parse(text: str) -> Optional[Expr]:
    """The longest date phrase in ``text``, as an expression; None when there is none."""
    found = raw_mentions(" ".join(text.split()))
    if not found:
        return None
    return max(found, key=lambda mm: mm.end - mm.start).expr


def resolve(text: str, published: Optional[date], future: bool = False, tense: Optional[str] = None,
            target=True) -> Optional[Resolved]:
    """Read one date expression at a timeline precision (day, month or year). ``future`` (or ``tense``)
    is the tense of its clause. None when it is no date, or needs a publication date that is missing."""
    if not text:
        return None
    expr = parse(text)
    if expr is None:
        return None
    got = read(expr, published, tense or ("future" if future else None), target)
    return got.for_timeline() if got else None


def find_absolute(text: str) -> Optional[tuple[Optional[Resolved], re.Match]]:
    """The first date in ``text`` that states its year, with its match; None when there is none."""
    for pattern, builder in PATTERNS[:4]:
        m = pattern.search(text)
        if m:
            expr = builder(m)
            return read(expr, None), m
    return None


@lru_cache(maxsize=16)
def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of the whole text (the offline extractor's sentences), remembered for the few
    texts in hand: every event of an article asks for them."""
    return tuple(s for para in paragraphs(text) for s in sentences(text, para))


class DateFound(NamedTuple):
    """One date expression of a text: where it is, and what it reads as (None when it cannot be dated)."""

    start: int
    end: int
    resolved: Optional[Resolved]


def find_dates(
    text: str, published: Optional[date], skip: Sequence[tuple[int, int]] = ()
) -> list["DateFound"]:
    """Every date expression in ``text`` outside the ``skip`` spans (page furniture), with its reading.

    (start, end, reading or None), in text order; each occurrence of a repeated phrase is its own entry,
    read in its own clause.
    """
    sents = sentence_bounds(text)
    out = []
    j = 0
    for mm in raw_mentions(text):
        if any(a <= mm.start < b for a, b in skip):
            continue
        while j < len(sents) and sents[j][1] <= mm.start:
            j += 1
        lo, hi = sents[j] if j < len(sents) and sents[j][0] <= mm.start else (mm.start, mm.end)
        hi = max(hi, mm.end)
        tense = tense_at(text, mm.start, mm.end, lo, hi)
        out.append(DateFound(mm.start, mm.end, read(mm.expr, published, tense, target_at(text, mm.start, mm.end, lo, hi))))
    return out


def same_at_precision(a: str, b: str) -> bool:
    """Whether two ISO dates agree as far as the coarser of the two goes."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


# =============================================================================================
# Stretches of time ending at publication.
# =============================================================================================

_RECENTLY = re.compile(r"\b(?:recently|lately|of late|in recent (?:days|weeks|months))\b", re.I)
_PAST_SPAN = re.compile(
    r"\b(?:over|in|during|throughout|for) the (?:past|last) (?:(?P<n>\d+|two|three|four|five|six|few|several) )?"
    r"(?P<unit>day|week|month|year)s?\b",
    re.I,
)


def resolve_period(text: str, published: Optional[date]) -> Optional[tuple[Optional[Resolved], Resolved]]:
    """'Recently' and 'over the past year' name no date but a stretch of time that ends at publication:
    (its start, or None when the text gives none, and its end). None when the article is undated.

    'Recently' becomes 'by the publication date', which is all the text says; 'over the past year' a
    span of months. 'The past few months' has no stated start, so it is treated like 'recently'.
    """
    if published is None or not text:
        return None
    end_day = Resolved(published.isoformat(), "day")
    end_month = Resolved(f"{published.year:04d}-{published.month:02d}", "month")
    if _RECENTLY.search(text):
        return None, end_day
    m = re.search(rf"\bsince\s+{MONTH_PATTERN}(?!\s*\d)", text, re.I)
    if m:  # "since January": from the last January up to publication
        mon = month_number(m["mon"])
        year = published.year if mon <= published.month else published.year - 1
        return Resolved(f"{year:04d}-{mon:02d}", "month"), end_month
    m = _PAST_SPAN.search(text)
    if not m:
        return None
    unit, n = m["unit"].lower(), (m["n"] or "1").lower()
    count = count_of(n)
    if count is None:  # "few", "several"
        return None, end_day
    if unit in ("day", "week"):
        start = published - timedelta(days=count * (7 if unit == "week" else 1))
        return Resolved(start.isoformat(), "day"), end_day
    months = count * (12 if unit == "year" else 1)
    y, mo = _shift_month(published.year, published.month, -months)
    return Resolved(f"{y:04d}-{mo:02d}", "month"), end_month
