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
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, timedelta
from typing import Callable, Optional, Sequence

from .date_tense import clause_around, looks_future, target_at, tense_at  # noqa: F401 (part of this module's API)
from .lexicon import EN
from .textlayer import paragraphs, sentences

# =============================================================================================
# Language data, kept once.
# =============================================================================================

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# abbreviations are read only beside a full date ("Fri 7 Nov 2025"): "Sun" and "Wed" are words too
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
# month names that are also common words: read only with a day, a year or a word that makes them dates
AMBIGUOUS_MONTHS = frozenset({"may", "march"})

_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = {w: i for i, w in enumerate(_SMALL_NUMBERS)} | _TENS | {"a": 1, "an": 1, "a couple of": 2, "couple of": 2}
VAGUE_COUNTS = frozenset({"a few", "few", "several", "some", "many", "a number of"})
_ORDINAL_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
ORDINAL_WORDS = (
    {w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)}
    | {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
       "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
    | {f"twenty-{w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS)}
    | {f"twenty {w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS)}
    | {"thirty-first": 31, "thirty first": 31}
)
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}  # month, year and decade are counted on the calendar

# Holidays that name a day: name -> rule (lang/en/holidays.tsv explains the rules).
HOLIDAYS = {name: rule for rule, names in EN.table("holidays") for name in names.split("|")}

# Words that fix which way a phrase counts from the publication date.
BACK_WORDS = frozenset({"last", "past", "previous"})
AHEAD_WORDS = frozenset({"coming", "upcoming", "this coming"})
# Counts qualified by these are no longer a point in time ("more than two years ago").
OPEN_QUALIFIERS = frozenset({"more than", "over", "at least", "less than", "under", "within", "nearly", "almost"})
ROUGH_QUALIFIERS = frozenset({"about", "around", "roughly", "some", "approximately", "nearly", "almost"})


# =============================================================================================
# Patterns.
# =============================================================================================

_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


def _alts(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_MON = _MONTH.replace("?P<mon>", "?P<mon>")
_WD_ANY = rf"(?P<wdp>{_alts(list(WEEKDAYS) + list(WEEKDAY_ABBREVIATIONS))})\.?"
_DAYNUM = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_ORD = rf"(?P<dw>{_alts(ORDINAL_WORDS)})(?![\w-])"
_YEAR = r"(?P<y>(?:1[5-9]|20)\d\d)"
_NOT_NUM = r"(?![\d,.]?\d)"
_WD_PREFIX = rf"(?:(?P<wrel>this\s+coming|this|coming|next|last)\s+)?(?:{_WD_ANY}\s*,?\s+)?"
_HOLIDAY = "(?P<hol>" + "|".join(
    re.escape(h).replace("'", "['’]?").replace(r"\.", r"\.?").replace(r"\ ", r"\s+")
    for h in sorted(HOLIDAYS, key=len, reverse=True)) + ")"
_NTH = r"(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
_NUM = rf"(?P<n>\d{{1,3}}|{_alts([*NUMBER_WORDS, *VAGUE_COUNTS])})"
_UNIT = r"(?P<unit>days?|weeks?|fortnights?|months?|years?|decades?)"
_QUAL = rf"(?:(?P<qual>{_alts(OPEN_QUALIFIERS | ROUGH_QUALIFIERS)})\s+)?"
_SPOKEN_YEAR = (
    r"(?P<sy>nineteen[\s-]+(?:hundred|" + _alts([*_SMALL_NUMBERS[10:], *_TENS]) + r")(?:[\s-]+(?:"
    + _alts(_SMALL_NUMBERS[1:10]) + r"))?|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:"
    + _alts(_SMALL_NUMBERS[1:]) + r"))?|twenty[\s-]+(?:" + _alts(_SMALL_NUMBERS[10:] + list(_TENS)) + r")(?:[\s-]+(?:"
    + _alts(_SMALL_NUMBERS[1:10]) + r"))?)"
)


@dataclass(frozen=True)
class Expr:
    """What a date phrase says, before any publication date is applied."""

    kind: str  # date | md | month | month_of | weekday | weekday_count | nth_weekday | day_of_month | holiday
    #            | deictic | unit | ago | ahead | anaphor
    y: Optional[int] = None
    m: Optional[int] = None
    d: Optional[int] = None
    wd: Optional[int] = None
    rel: Optional[str] = None  # last | next | this | back | ahead | current (kind-specific)
    n: int = 0  # a count, or an offset in days (deictic) or units (unit)
    unit: Optional[str] = None
    sign: int = 0  # -1 before, +1 after the anchor
    anchor: Optional["Expr"] = None
    weeks: int = 0  # "after next" +1, "before last" -1
    qual: Optional[str] = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    expr: Expr


def _month(token: str) -> int:
    t = token.lower().rstrip(".")
    return MONTHS["sept" if t.startswith("sept") else t[:3]]


def _count(word: Optional[str]) -> Optional[int]:
    if word is None:
        return None
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


def _spoken_year(words: str) -> Optional[int]:
    w = re.sub(r"^the\s+year\s+", "", " ".join(words.lower().replace("-", " ").split()))
    parts = w.replace(" and ", " ").split()
    nums = {**{x: i for i, x in enumerate(_SMALL_NUMBERS)}, **_TENS}
    if parts[:2] == ["two", "thousand"]:
        rest = sum(nums.get(p, 0) for p in parts[2:])
        return 2000 + rest
    century = {"nineteen": 1900, "twenty": 2000}[parts[0]]
    if parts[1:] == ["hundred"]:
        return century
    return century + sum(nums.get(p, 0) for p in parts[1:])


def _wd_of(m: re.Match) -> Optional[int]:
    w = (m.groupdict().get("wdp") or "").lower().rstrip(".")
    if not w:
        return None
    return WEEKDAYS.get(w, WEEKDAY_ABBREVIATIONS.get(w))


def _day(m: re.Match) -> Optional[int]:
    g = m.groupdict()
    if g.get("d"):
        return int(g["d"])
    if g.get("dw"):
        return ORDINAL_WORDS.get(" ".join(g["dw"].lower().split()))
    return None


def _b_date(m):
    return Expr("date", y=int(m["y"]), m=_month(m["mon"]), d=_day(m), wd=_wd_of(m))


def _b_iso(m):
    return Expr("date", y=int(m["y"]), m=int(m["m"]), d=int(m["d"]))


def _b_month_year(m):
    return Expr("date", y=int(m["y"]), m=_month(m["mon"]))


def _b_md(m):
    return Expr("md", m=_month(m["mon"]), d=_day(m), wd=_wd_of(m), rel=(m["wrel"] or "").lower() or None)


def _b_month(m):
    rel = (m["rel"] or "").lower().split()
    return Expr("month", m=_month(m["mon"]), rel=rel[-1] if rel else None)


def _b_month_rel_year(m):
    return Expr("month_of", m=_month(m["mon"]), n={"this": 0, "last": -1, "next": 1}[m["rel"].lower()])


def _b_year(m):
    return Expr("date", y=int(m["y"]))


def _b_spoken(m):
    return Expr("date", y=_spoken_year(m["sy"]))


def _b_spoken_month(m):
    return Expr("date", y=_spoken_year(m["sy"]), m=_month(m["mon"]), d=_day(m))


def _b_weekday(m):
    rel = " ".join((m["rel"] or "").lower().split()) or None
    if rel in ("previous", "following") and re.search(r"(?i)\bthe\s+$", m.string[max(0, m.start() - 5): m.start()]):
        return Expr("anaphor")  # "the previous Friday": counted from the story's own time, not publication
    if rel is None and re.match(r"['’]s\b", m.string[m.end(): m.end() + 3]):
        rel = "'s"  # "Friday's vote": reported, so already held unless the clause says it is still to come
    suf = " ".join((m["suf"] or "").lower().split())
    weeks = {"after next": 1, "before last": -1}.get(suf, 0)
    if weeks and rel in (None, "on"):
        rel = "ahead" if weeks > 0 else "last"  # "Friday after next": the one after the coming Friday
    return Expr("weekday", wd=WEEKDAYS[m["wd"].lower()], rel=rel, weeks=weeks)


_DEICTIC = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "yesterday": -1, "last night": -1, "tomorrow": 1, "now": 0}


def _b_deictic(m):
    w = " ".join(m["w"].lower().split())
    return Expr("deictic", n=_DEICTIC[w])


def _b_holiday(m):
    name = re.sub(r"['’]", "'", " ".join(m["hol"].lower().split()))
    rule = HOLIDAYS.get(name) or next(r for h, r in HOLIDAYS.items() if h.replace("'", "") == name.replace("'", ""))
    rel = " ".join((m["rel"] or "").lower().split()) or None
    return Expr("holiday", unit=rule, rel=rel, y=int(m["y"]) if m["y"] else None)


_MONTH_SHIFT = {"this": 0, "next": 1, "last": -1}


def _b_nth_weekday(m):
    nth = m["nth"].lower()
    n = -1 if nth == "last" else (ORDINAL_WORDS.get(nth) or int(nth[0]))
    rel = (m["mrel"] or "").lower()
    return Expr("nth_weekday", wd=WEEKDAYS[m["wd"].lower()], n=n, m=_month(m["mon"]) if m["mon"] else None,
                y=int(m["y"]) if m["y"] else None, rel=rel or None, weeks=_MONTH_SHIFT.get(rel, 0))


def _b_weekday_count(m):
    sign = -1 if m["dir"].lower() == "ago" else 1
    return Expr("weekday_count", wd=WEEKDAYS[m["wd"].lower()], n=_count(m["n"]) or 0, sign=sign, rel=_vague(m))


def _b_day_of_month(m):
    return Expr("day_of_month", d=_day(m), n=_MONTH_SHIFT[m["mrel"].lower()])


def _b_unit(m):
    rel = " ".join((m["rel"] or "").lower().split())
    rel = re.sub(r"^the\s+", "", rel)
    n = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[rel]
    unit = m["unit"].lower()
    return Expr("unit", unit="year" if unit == "yr" else unit, n=n, rel="earlier" if (m["pre"] or "").lower() == "earlier" else None)


def _b_unit_far(m):
    suf = " ".join(m["suf"].lower().split())
    return Expr("unit", unit=m["unit"].lower(), n=2 if suf == "after next" else -2)


def _b_ago(m):
    return Expr("ago", n=_count(m["n"]) or 0, unit=_unit(m["unit"]), sign=-1, qual=_qual(m), rel=_vague(m))


def _b_hence(m):
    return Expr("ago", n=_count(m["n"]) or 0, unit=_unit(m["unit"]), sign=1, qual=_qual(m), rel=_vague(m))


def _b_in(m):
    return Expr("ahead", n=_count(m["n"]) or 0, unit=_unit(m["unit"]), sign=1, qual=_qual(m), rel=_vague(m))


def _b_anaphor(m):
    return Expr("anaphor")


def _qual(m) -> Optional[str]:
    q = m.groupdict().get("qual")
    return " ".join(q.lower().split()) if q else None


def _vague(m) -> Optional[str]:
    n = " ".join((m["n"] or "").lower().split())
    return "vague" if n in VAGUE_COUNTS else None


# (pattern, builder). All case-insensitive; capitalisation of names is checked after matching.
_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match], Expr]]] = [
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"), _b_iso),
    (re.compile(rf"\b(?:{_WD_ANY}\s*,?\s+)?{_MON}\s+(?:{_DAYNUM}|{_ORD})\b,?\s+{_YEAR}\b", re.I), _b_date),
    (re.compile(rf"\b(?:{_WD_ANY}\s*,?\s+)?(?:the\s+)?(?:{_DAYNUM}|{_ORD})\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.I), _b_date),
    (re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_YEAR}\b", re.I), _b_month_year),
    (re.compile(rf"\b{_MON}\s+(?:(?:the\s+)?(?:{_DAYNUM}|{_ORD}),?\s+)?{_SPOKEN_YEAR}\b", re.I), _b_spoken_month),
    (re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b", re.I), _b_month_rel_year),
    (re.compile(rf"\b(?P<rel>this|last|next)\s+year,?\s+(?:in|during)\s+{_MON}(?!\w)(?!\.?\s*\d)", re.I), _b_month_rel_year),
    (re.compile(rf"\b{_WD_PREFIX}{_MON}\s+(?:{_DAYNUM}{_NOT_NUM}|{_ORD})\b", re.I), _b_md),
    (re.compile(rf"\b{_WD_PREFIX}(?:the\s+)?(?:{_DAYNUM}|{_ORD})\s+(?:of\s+)?{_MON}(?!\w)", re.I), _b_md),
    (re.compile(
        rf"\b(?:(?:early|mid|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)[\s-]*)?"
        rf"(?:(?P<rel>this\s+coming|last|next|this|coming|past|previous)\s+)?{_MON}(?!\w)(?!\.?\s*\d)", re.I), _b_month),
    (re.compile(rf"\b(?:(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)?{_YEAR}\b(?!'?s\b)(?![\d%]|[,.]\d|\s*(?:percent|per\s+cent)\b)", re.I), _b_year),
    (re.compile(rf"\b{_SPOKEN_YEAR}\b", re.I), _b_spoken),
    (re.compile(
        rf"\b(?:(?P<rel>on|last|next|this\s+coming|this|coming|upcoming|past|previous|since|until|by)\s+)?{_WEEKDAY}"
        r"(?:\s+(?P<suf>after\s+next|before\s+last))?\b", re.I), _b_weekday),
    (re.compile(r"\b(?P<w>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b", re.I), _b_deictic),
    (re.compile(
        rf"\b(?:(?P<rel>this\s+coming|this|coming|upcoming|next|last|past|previous)\s+)?{_HOLIDAY}(?:,?\s+{_YEAR})?(?![\w'’])",
        re.I), _b_holiday),
    (re.compile(
        rf"\b(?:the\s+)?{_NTH}\s+{_WEEKDAY}\s+(?:of|in)\s+(?:(?P<mrel>this|next|last)\s+month|{_MON}(?:,?\s+{_YEAR})?)(?!\w)",
        re.I), _b_nth_weekday),
    (re.compile(rf"(?<![\w-]){_NUM}\s+{_WEEKDAY}s\s+(?P<dir>from\s+now|hence|ago)\b", re.I), _b_weekday_count),
    (re.compile(rf"\b(?:the\s+)?(?:{_DAYNUM}|{_ORD})\s+of\s+(?P<mrel>this|next|last)\s+month\b", re.I), _b_day_of_month),
    (re.compile(
        r"\b(?:(?P<pre>earlier|later|early|late|mid)[\s-]+)?(?P<rel>this|last|next|coming|previous|the\s+current|the\s+coming)\s+"
        r"(?P<unit>week(?:end)?|month|year|yr)\b", re.I), _b_unit),
    (re.compile(r"\bthe\s+(?P<unit>week(?:end)?|month|year)\s+(?P<suf>after\s+next|before\s+last)\b", re.I), _b_unit_far),
    (re.compile(rf"(?<![\w-]){_QUAL}{_NUM}\s+{_UNIT}\s+ago\b", re.I), _b_ago),
    (re.compile(rf"(?<![\w-]){_QUAL}{_NUM}\s+{_UNIT}\s+(?:from\s+now|hence)\b", re.I), _b_hence),
    (re.compile(rf"\bin\s+{_QUAL}{_NUM}\s+{_UNIT}(?:'s?\s+time)?\b", re.I), _b_in),
    (re.compile(rf"(?<![\w-]){_QUAL}{_NUM}\s+{_UNIT}\s+(?:later|earlier|afterwards?|before|after|previously)\b", re.I), _b_anaphor),
    (re.compile(r"\bthe\s+(?:next|following|previous|preceding|prior|same)\s+(?:day|morning|afternoon|evening|night|week(?:end)?|month|year)\b", re.I), _b_anaphor),
]

# Prefixes that count from the date phrase right after them: "two days before <Monday>", "the day
# after <tomorrow>", "a week from <Tuesday>", "a week ago <yesterday>".
_OFFSET_BEFORE = re.compile(
    rf"(?:(?<![\w-]){_NUM}\s+{_UNIT}|\bthe\s+(?P<unit1>day|week|month|year))\s+(?P<dir>before|after|from|ago)\s+$", re.I
)
_AFTER_NEXT = re.compile(r"^\s+(?P<suf>after\s+next|before\s+last)\b", re.I)
_ABBREVIATED = frozenset(MONTHS) - {"may", "jun", "jul"} | frozenset(WEEKDAY_ABBREVIATIONS)
_NAME_WORD = re.compile(rf"(?:{_WEEKDAY}|{_MONTH})", re.I)
_PLURAL_COUNT = re.compile(r"\s+(?!(?:was|is|has|as|its|this|his|us|always|perhaps|less|plus|thus)\b)[a-z]+s\b")
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|from|until|till|by|before|after|during|of|for|fiscal|the|early|mid|late|year|years|and|or|to|through|"
    r"between|as|summer|spring|autumn|fall|winter|end)|[-(,])\s*$",
    re.I,
)


def _names_ok(text: str, s: int, e: int, m: re.Match, builder) -> bool:
    """Month names in running text are capitalised, and "May" and "March" are words too: a month name
    counts when written as a name, or beside a day or year in digits, or after a word that makes it a
    date ("in May", "last march"). Weekday names are nothing else, whatever their case."""
    phrase = text[s:e]
    for nm in _NAME_WORD.finditer(phrase):
        if nm.group("mon") is None:
            continue
        word = nm.group(0).rstrip(".").lower()
        word = "may" if word == "may" else ("march" if word in ("march", "mar") else word)
        lower = not nm.group(0)[0].isupper()
        digits = builder in (_b_date, _b_month_year, _b_md, _b_spoken_month, _b_month_rel_year) and bool(re.search(r"\d", phrase))
        lead = text[max(0, s - 16): s] + phrase[: nm.start()]
        marked = bool(re.search(
            r"(?i)\b(?:in|since|from|until|till|by|of|during|through|before|after|early|late|mid|last|next|this|coming|"
            r"past|previous|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)[\s-]*$", lead))
        directed = bool(re.search(r"(?i)\b(?:early|late|mid|last|next|this|coming|past|previous)[\s-]*$", lead))
        if lower and not (digits or directed or (marked and word not in AMBIGUOUS_MONTHS)):
            return False
        if builder is _b_month and not lower:
            if word in AMBIGUOUS_MONTHS and not marked:
                return False  # a bare "May" or "March" opening a sentence is a verb or a name
            after = text[e: e + 30]
            if not marked and re.match(r"\s+[A-Z][a-z]", after) and not re.match(rf"\s+{_WEEKDAY}", after, re.I):
                return False  # "June Carter": a name
    return True


def _holiday_ok(text: str, m: re.Match, e: int) -> bool:
    """A holiday is a name: capitalised unless a direction word says it is a date ("last easter"), and
    not the first word of another name ("Easter Island", "Christmas Carol")."""
    if m["rel"] or m["y"]:
        return True
    if not m["hol"][0].isupper():
        return False
    return not re.match(r"\s+[A-Z][a-z]", text[e: e + 30]) or bool(re.match(rf"\s+{_WEEKDAY}", text[e: e + 30], re.I))


def _year_ok(text: str, s: int, e: int) -> bool:
    """A bare four-digit number is a year unless it reads as a count ("2000 troops") or an amount."""
    if s > 0 and text[s - 1] in "$£€#¥":
        return False
    if re.search(r"\d[,.]$", text[max(0, s - 2): s]):
        return False
    if _YEAR_CONTEXT.search(text[max(0, s - 16): s]):
        return True
    return not _PLURAL_COUNT.match(text, e)


def _raw_mentions(text: str, a: int = 0, b: Optional[int] = None) -> list[Mention]:
    b = len(text) if b is None else b
    found: list[Mention] = []
    for pat, builder in _PATTERNS:
        for m in pat.finditer(text, a, b):
            s, e = m.start(), m.end()
            if e <= s:
                continue
            if not _names_ok(text, s, e, m, builder):
                continue
            if builder is _b_year and not _year_ok(text, m.start("y"), e):
                continue
            if builder is _b_holiday and not _holiday_ok(text, m, e):
                continue
            if builder is _b_spoken and not m["sy"].lower().startswith("the") and _PLURAL_COUNT.match(text, e):
                continue  # "two thousand troops"
            phrase = text[s:e]
            last = re.search(r"([A-Za-z]+)\.$", phrase)
            if phrase.endswith(".") and not (last and last.group(1).lower() in _ABBREVIATED):
                e -= 1  # "in February." ends the sentence; "Jan." is an abbreviation
            try:
                expr = builder(m)
            except (KeyError, ValueError, TypeError):
                continue
            found.append(Mention(s, e, expr))
    # the longest reading wins where phrases overlap ("until Dec. 31, 1994" over "until Dec")
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    kept: list[Mention] = []
    for mm in found:
        if all(mm.end <= k.start or mm.start >= k.end for k in kept):
            kept.append(mm)
    kept = [_compound(text, mm, a, b) for mm in sorted(kept, key=lambda x: x.start)]
    # a compound swallows the count before it ("a week ago" in "a week ago Tuesday")
    out: list[Mention] = []
    for mm in sorted(kept, key=lambda x: (-(x.end - x.start), x.start)):
        if all(mm.end <= k.start or mm.start >= k.end for k in out):
            out.append(mm)
    return sorted(out, key=lambda x: x.start)


def _compound(text: str, mm: Mention, a: int, b: int) -> Mention:
    """Widen a phrase to the count before it or the "after next" after it, which change its meaning."""
    s, e, expr = mm.start, mm.end, mm.expr
    if expr.kind == "weekday" and expr.rel in (None, "on"):
        suf = _AFTER_NEXT.match(text[e:b])
        if suf:
            expr = replace(expr, rel="ahead" if "next" in suf["suf"].lower() else "last",
                           weeks=1 if "next" in suf["suf"].lower() else -1)
            e += suf.end()
    if expr.kind in ("date", "md", "weekday", "deictic") and not (expr.kind == "weekday" and expr.rel in ("since", "until", "by")):
        head = text[max(a, s - 40): s]
        pre = _OFFSET_BEFORE.search(head)
        if pre:
            n = _count(pre["n"]) if pre["n"] else 1
            unit = _unit(pre["unit"] or pre["unit1"])
            direction = pre["dir"].lower()
            vague = pre["n"] and " ".join(pre["n"].lower().split()) in VAGUE_COUNTS
            sign = -1 if direction in ("before", "ago") else 1
            inner = expr if not (expr.kind == "weekday" and expr.rel == "on") else replace(expr, rel=None)
            if direction == "from" and inner.kind == "weekday" and inner.rel is None:
                inner = replace(inner, rel="ahead")  # "a week from Tuesday" counts from the coming Tuesday
            expr = Expr("ago", n=n or 0, unit=unit, sign=sign, anchor=inner, rel="vague" if vague else None)
            s = s - len(head) + pre.start()
    return Mention(s, e, expr)


def find_date_phrases(text: str, a: int = 0, b: Optional[int] = None) -> list[tuple[int, int]]:
    """Spans of the date expressions in text[a:b], in text order, none overlapping."""
    return [(mm.start, mm.end) for mm in _raw_mentions(text, a, b)]


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
        got = _pick(cands, here, tense, slack=0, reach=target is True or target == "lead")
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
    if k == "nth_weekday":  # "the last Friday of October", "the first Monday of next month"
        if expr.rel:
            y, m = _shift_month(pub.year, pub.month, expr.weeks)
        elif expr.y is not None:
            y, m = expr.y, expr.m
        else:
            month = read(Expr("month", m=expr.m), pub, tense, target)
            if month is None:
                return None
            y, m = month.start.year, month.start.month
        got = _nth_weekday(y, m, expr.n, expr.wd)
        return _mk_day(got) if got else None
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


# =============================================================================================
# The public readers.
# =============================================================================================


def parse(text: str) -> Optional[Expr]:
    """The longest date phrase in ``text``, as an expression; None when there is none."""
    found = _raw_mentions(" ".join(text.split()))
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
    for pattern, builder in _PATTERNS[:4]:
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


def find_dates(
    text: str, published: Optional[date], skip: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, Optional[Resolved]]]:
    """Every date expression in ``text`` outside the ``skip`` spans (page furniture), with its reading.

    (start, end, reading or None), in text order; each occurrence of a repeated phrase is its own entry,
    read in its own clause.
    """
    sents = sentence_bounds(text)
    out = []
    j = 0
    for mm in _raw_mentions(text):
        if any(a <= mm.start < b for a, b in skip):
            continue
        while j < len(sents) and sents[j][1] <= mm.start:
            j += 1
        lo, hi = sents[j] if j < len(sents) and sents[j][0] <= mm.start else (mm.start, mm.end)
        hi = max(hi, mm.end)
        tense = tense_at(text, mm.start, mm.end, lo, hi)
        out.append((mm.start, mm.end, read(mm.expr, published, tense, target_at(text, mm.start, mm.end, lo, hi))))
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
    m = re.search(rf"\bsince\s+{_MONTH}(?!\s*\d)", text, re.I)
    if m:  # "since January": from the last January up to publication
        mon = _month(m["mon"])
        year = published.year if mon <= published.month else published.year - 1
        return Resolved(f"{year:04d}-{mon:02d}", "month"), end_month
    m = _PAST_SPAN.search(text)
    if not m:
        return None
    unit, n = m["unit"].lower(), (m["n"] or "1").lower()
    count = _count(n)
    if count is None:  # "few", "several"
        return None, end_day
    if unit in ("day", "week"):
        start = published - timedelta(days=count * (7 if unit == "week" else 1))
        return Resolved(start.isoformat(), "day"), end_day
    months = count * (12 if unit == "year" else 1)
    y, mo = _shift_month(published.year, published.month, -months)
    return Resolved(f"{y:04d}-{mo:02d}", "month"), end_month
