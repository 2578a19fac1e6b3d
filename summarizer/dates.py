"""Date expressions as news prose writes them, resolved against a publication date.

One module so that ingest (publication dates), verify (checking the model's ISO dates), merge (the
timeline) and the offline extractor all read dates the same way. Pure functions, no I/O.

The rule for relative dates is the one news writing follows: a weekday named in past-tense reporting
is the most recent such day on or before publication ("North Korea on Sunday denied ..." in a Monday
paper is the day before); a weekday in a sentence about the future ("will depart ... on Monday") is
the next one. When the article has no publication date, relative dates stay unresolved: a guess
would look exactly like a fact in the timeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional, Sequence

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# Absolute forms, most specific first. Each yields groups among: y, mon, d.
_ABSOLUTE = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(rf"\b{_MONTH}\s+(?P<y>\d{{4}})\b", re.I),
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?!,?\s*\d{{4}})", re.I),
]
_YEAR_ONLY = re.compile(r"\b(?:in\s+)?(?P<y>(?:19|20)\d{2})\b")
# "next" looks forward ("next week"), except in narration: "returned the next day" is past.
_FUTURE = re.compile(
    r"\b(will|to be|is due|are due|plans? to|scheduled|(?:is|are) (?:expected |set |due )?to|(?<!\bthe )next)\b", re.I
)


@dataclass(frozen=True)
class Resolved:
    iso: str
    precision: str  # "day" | "month" | "year"

    @property
    def start(self) -> date:
        parts = [int(p) for p in self.iso.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])


def parse_iso(value: Optional[str]) -> Optional[date]:
    """A ``YYYY-MM-DD`` string as a date; None for anything else."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")[:4] if token.lower().startswith("sept") else token.lower()[:3]]


def _day(y: int, m: int, d: int) -> Optional[Resolved]:
    try:
        return Resolved(date(y, m, d).isoformat(), "day")
    except ValueError:
        return None


def find_absolute(text: str) -> Optional[tuple[Resolved | None, re.Match]]:
    """The first absolute date in ``text`` (year stated), with its match; None when there is none."""
    for pattern in _ABSOLUTE[:4]:
        m = pattern.search(text)
        if m:
            g = m.groupdict()
            y = int(g["y"])
            mon = int(g["m"]) if g.get("m") else _month(g["mon"])
            if g.get("d"):
                return _day(y, mon, int(g["d"])), m
            return Resolved(f"{y:04d}-{mon:02d}", "month"), m
    return None


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def resolve(text: str, published: Optional[date], future: bool = False) -> Optional[Resolved]:
    """Resolve a date expression. ``future`` says the sentence looks forward ("will ... on Monday").

    Returns None when the expression is not a date or needs a publication date that is missing.
    """
    if not text:
        return None
    t = " ".join(text.split())
    low = t.lower()

    found = find_absolute(t)
    if found is not None:
        return found[0]

    # Month and day without a year: the year of publication, or the one before when the date would
    # otherwise fall well after publication (a January article citing "Nov. 18").
    for pattern in _ABSOLUTE[4:]:
        m = pattern.search(t)
        if m:
            if published is None:
                return None
            mon, d = _month(m["mon"]), int(m["d"])
            cand = _day(published.year, mon, d)
            if cand is None:
                return None
            if not future and cand.start > published + timedelta(days=7):
                cand = _day(published.year - 1, mon, d)
            return cand

    m = re.search(_WEEKDAY, low)
    if m:
        if published is None:
            return None
        target = WEEKDAYS[m["wd"]]
        if future or re.search(r"\bnext\b", low):
            delta = (target - published.weekday()) % 7 or 7
            return Resolved((published + timedelta(days=delta)).isoformat(), "day")
        delta = (published.weekday() - target) % 7
        if re.search(r"\blast\b", low) and delta == 0:
            delta = 7
        return Resolved((published - timedelta(days=delta)).isoformat(), "day")

    if published is not None:
        if re.search(r"\btoday\b|\bthis morning\b|\btonight\b", low):
            return Resolved(published.isoformat(), "day")
        if re.search(r"\byesterday\b", low):
            return Resolved((published - timedelta(days=1)).isoformat(), "day")
        if re.search(r"\btomorrow\b", low):
            return Resolved((published + timedelta(days=1)).isoformat(), "day")
        week = None
        if re.search(r"\b(earlier )?this week\b", low):
            week = (published - timedelta(days=published.weekday()), published)
            if week[0] == week[1]:  # a Monday paper's "this week" is the week just ended
                week = (published - timedelta(days=7), published - timedelta(days=1))
        elif re.search(r"\blast week\b", low):
            monday = published - timedelta(days=published.weekday() + 7)
            week = (monday, monday + timedelta(days=6))
        if week is not None:
            # a week is not a day: say the month when the whole week lies in one, else nothing
            lo, hi = week
            return Resolved(f"{lo.year:04d}-{lo.month:02d}", "month") if (lo.year, lo.month) == (hi.year, hi.month) else None
        if re.search(r"\b(earlier|later)? ?this month\b", low):
            return Resolved(f"{published.year:04d}-{published.month:02d}", "month")
        if re.search(r"\blast month\b", low):
            y, mo = _shift_month(published.year, published.month, -1)
            return Resolved(f"{y:04d}-{mo:02d}", "month")
        if re.search(r"\bnext month\b", low):
            y, mo = _shift_month(published.year, published.month, 1)
            return Resolved(f"{y:04d}-{mo:02d}", "month")
        if re.search(r"\blast year\b", low):
            m = re.search(rf"\b{_MONTH}", low)
            if m:
                return Resolved(f"{published.year - 1:04d}-{_month(m['mon']):02d}", "month")
            return Resolved(f"{published.year - 1:04d}", "year")
        if re.search(r"\bthis year\b", low):
            return Resolved(f"{published.year:04d}", "year")
        if re.search(r"\bnext year\b", low):
            return Resolved(f"{published.year + 1:04d}", "year")
        m = re.search(rf"\b(?:in|from|until|by|last|this)\s+{_MONTH}(?!\s*\d)", low) or re.fullmatch(
            rf"\s*{_MONTH}\s*", low
        )
        if m:
            mon = _month(m["mon"])
            year = published.year
            if future and mon < published.month:
                year += 1
            elif not future and mon > published.month:
                year -= 1
            return Resolved(f"{year:04d}-{mon:02d}", "month")

    m = _YEAR_ONLY.search(t)
    if m and not re.search(r"\d", t[: m.start("y")] + t[m.end("y"):]):
        return Resolved(m["y"], "year")
    return None


_RECENTLY = re.compile(r"\b(?:recently|lately|of late|in recent (?:days|weeks|months))\b", re.I)
_PAST_SPAN = re.compile(
    r"\b(?:over|in|during|throughout|for) the (?:past|last) (?:(?P<n>\d+|two|three|four|five|six|few|several) )?"
    r"(?P<unit>day|week|month|year)s?\b",
    re.I,
)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


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
    m = re.search(rf"\bsince\s+{_MONTH}(?!\s*\d)", text, re.I)
    if m:  # "since January": from the last January up to publication
        mon = _month(m["mon"])
        year = published.year if mon <= published.month else published.year - 1
        return Resolved(f"{year:04d}-{mon:02d}", "month"), end_month
    m = _PAST_SPAN.search(text)
    if not m:
        return None
    unit, n = m["unit"].lower(), (m["n"] or "1").lower()
    count = int(n) if n.isdigit() else _SMALL.get(n)
    if count is None:  # "few", "several"
        return None, end_day
    if unit in ("day", "week"):
        start = published - timedelta(days=count * (7 if unit == "week" else 1))
        return Resolved(start.isoformat(), "day"), end_day
    months = count * (12 if unit == "year" else 1)
    y, mo = _shift_month(published.year, published.month, -months)
    return Resolved(f"{y:04d}-{mo:02d}", "month"), end_month


def looks_future(sentence: str) -> bool:
    """Whether a sentence talks about something still to happen."""
    return bool(_FUTURE.search(sentence))


_CLAUSE_BREAK = re.compile(r"[,;:“”\"()]|\bthat\b|\bwhich\b|\bwho\b|\bbut\b|\band\s+(?=[a-z]+ed\b)")


def clause_around(text: str, start: int, end: int) -> str:
    """The clause a date phrase belongs to: 'X said on Tuesday | that the plan will cost' is past
    for Tuesday, though the sentence speaks of the future."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end)
    return text[left : m.start() if m else len(text)]


def same_at_precision(a: str, b: str) -> bool:
    """Whether two ISO dates agree as far as the coarser of the two goes."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


_DATE_PATTERNS: list[re.Pattern] = [
    *_ABSOLUTE,  # the same absolute and month-day forms that resolve reads
    re.compile(rf"\b(?:(?:on|last|next|this|since|until|by)\s+)?{_WEEKDAY}\b", re.I),
    re.compile(
        r"\b(?:today|yesterday|tomorrow|tonight|this\s+morning|(?:(?:earlier|later)\s+)?this\s+(?:week|month|year)"
        r"|(?:last|next)\s+(?:week|month|year)|the\s+(?:next|previous|following)\s+day)\b",
        re.I,
    ),
    re.compile(rf"\b(?:in|since|from|until|by|last|this|early|late|mid-?)\s+{_MONTH}(?!\w)(?!\s*\d)", re.I),
    re.compile(r"\b(?:in|since|from|until|by|before|after)\s+(?:19|20)\d{2}\b"),
]
_NAMED_DATE_WORD = re.compile(rf"(?:{_WEEKDAY}|{_MONTH})", re.I)


def find_date_phrases(text: str, a: int = 0, b: Optional[int] = None) -> list[tuple[int, int]]:
    """Date expressions in text[a:b] that ``resolve`` can read, longest first where they overlap.

    Only the locating is done here; the reading is ``resolve``'s. Month and weekday names must
    be capitalised, so "may" and "march" as verbs are no dates.
    """
    b = len(text) if b is None else b
    found: list[tuple[int, int]] = []
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(text, a, b):
            s = text[m.start() : m.end()]
            named = _NAMED_DATE_WORD.search(s)
            if named and not named.group(0)[0].isupper():
                continue
            end = m.end()
            if s.endswith(".") and not re.search(r"\b[A-Za-z]{3,4}\.$", s):
                end -= 1  # "in February." ends the sentence; "Jan." is an abbreviation
            found.append((m.start(), end))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int]] = []
    for s, e in found:
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


def find_dates(text: str, published: Optional[date], skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, Optional[Resolved]]]:
    """Every date expression in ``text`` outside the ``skip`` spans (page furniture), with its reading.

    (start, end, reading or None), in text order; each occurrence of a repeated phrase is its own entry.
    """
    out = []
    for s, e in find_date_phrases(text):
        if any(a <= s < b for a, b in skip):
            continue
        phrase = text[s:e]
        out.append((s, e, resolve(phrase, published, future=looks_future(clause_around(text, s, e)))))
    return out
