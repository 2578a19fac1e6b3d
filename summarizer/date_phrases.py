"""Date expressions as news prose writes them, found in text: the patterns and what each phrase says
(an ``Expr``), before any publication date is applied. ``summarizer.dates`` reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Optional

from .lexicon import EN


# =============================================================================================
# Language data, kept once.
# =============================================================================================

_WORDS = EN.table("date_words")  # kind, word, value


def _of_kind(kind: str) -> list[tuple[str, str]]:
    return [(w, v) for k, w, v in _WORDS if k == kind]


_CAL = EN.calendar
#: month abbreviations (and "may", which has none) -> month number: "Sept." and "September" are both read by their start
MONTHS = {**{m: n for m, n in _CAL.months.items() if n not in _CAL.month_abbreviations.values()},
          **_CAL.month_abbreviations}
WEEKDAYS = dict(_CAL.weekdays)
# abbreviations are read only beside a full date ("Fri 7 Nov 2025"): "Sun" and "Wed" are words too
WEEKDAY_ABBREVIATIONS = dict(_CAL.weekday_abbreviations)
# month names that are also common words: read only with a day, a year or a word that makes them dates
AMBIGUOUS_MONTHS = frozenset(w for w, _ in _of_kind("ambiguous_month"))
NUMBER_WORDS = {w: int(v) for w, v in _of_kind("count")}
_SMALL_NUMBERS = [w for w, v in NUMBER_WORDS.items() if w.isalpha() and int(v) < 20 and w not in ("a", "an")]  # zero..nineteen
_TENS = {w: v for w, v in NUMBER_WORDS.items() if v >= 20 and v % 10 == 0}
VAGUE_COUNTS = frozenset(w for w, _ in _of_kind("vague"))
_ORDINAL_UNITS = [w for w, v in _of_kind("ordinal") if int(v) < 10]
ORDINAL_WORDS = (
    {w: int(v) for w, v in _of_kind("ordinal")}
    | {f"twenty-{w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS)}
    | {f"twenty {w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS)}
    | {"thirty-first": 31, "thirty first": 31}
)
UNIT_DAYS = {w: int(v) for w, v in _of_kind("unit_days")}  # month, year and decade are counted on the calendar

# Holidays that name a day: name -> rule (lang/en/holidays.tsv explains the rules).
HOLIDAYS = {name: rule for rule, names in EN.table("holidays") for name in names.split("|")}


def _holiday_key(name: str) -> str:
    """A holiday name as the pattern may have matched it: any case, spacing, apostrophe or full stop."""
    return re.sub(r"['’.]", "", " ".join(name.lower().split()))


_HOLIDAY_RULES = {_holiday_key(name): rule for name, rule in HOLIDAYS.items()}

# Words that fix which way a phrase counts from the publication date.
BACK_WORDS = frozenset(w for w, _ in _of_kind("back"))
AHEAD_WORDS = frozenset(w for w, _ in _of_kind("ahead"))
# Counts qualified by these are no longer a point in time ("more than two years ago").
OPEN_QUALIFIERS = frozenset(w for w, _ in _of_kind("open"))
ROUGH_QUALIFIERS = frozenset(w for w, _ in _of_kind("rough"))
PRESENT_PHRASES = [w for w, _ in _of_kind("present")]
STRETCH_WORDS = [w for w, _ in _of_kind("stretch")]


# =============================================================================================
# Patterns.
# =============================================================================================

MONTH_PATTERN = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAY_PATTERN = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


def _alts(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_MON = MONTH_PATTERN.replace("?P<mon>", "?P<mon>")
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

    kind: str  # date | md | month | month_of | weekday | weekday_count | nth_weekday | nth_week | day_of_month
    #            | holiday | deictic | present | unit | unit_end | ago | ahead | weekday_from | anaphor | stretch
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


def month_number(token: str) -> int:
    t = token.lower().rstrip(".")
    return MONTHS["sept" if t.startswith("sept") else t[:3]]


def count_of(word: Optional[str]) -> Optional[int]:
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
    century = _CENTURIES[parts[0]]
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
    return Expr("date", y=int(m["y"]), m=month_number(m["mon"]), d=_day(m), wd=_wd_of(m))


def _b_iso(m):
    return Expr("date", y=int(m["y"]), m=int(m["m"]), d=int(m["d"]))


def _b_month_year(m):
    return Expr("date", y=int(m["y"]), m=month_number(m["mon"]))


def _b_md(m):
    return Expr("md", m=month_number(m["mon"]), d=_day(m), wd=_wd_of(m), rel=(m["wrel"] or "").lower() or None)


def _b_month(m):
    rel = (m["rel"] or "").lower().split()
    return Expr("month", m=month_number(m["mon"]), rel=rel[-1] if rel else None)


def _b_month_rel_year(m):
    return Expr("month_of", m=month_number(m["mon"]), n={"this": 0, "last": -1, "next": 1}[m["rel"].lower()])


def _b_year(m):
    return Expr("date", y=int(m["y"]))


def _b_spoken(m):
    return Expr("date", y=_spoken_year(m["sy"]))


def _b_spoken_month(m):
    return Expr("date", y=_spoken_year(m["sy"]), m=month_number(m["mon"]), d=_day(m))


def _b_weekday(m):
    rel = " ".join((m["rel"] or "").lower().split()) or None
    if rel in ("previous", "following") and re.search(r"(?i)\bthe\s+$", m.string[max(0, m.start() - 5): m.start()]):
        return Expr("anaphor")  # "the previous Friday": counted from the story's own time, not publication
    if rel is None and re.match(r"['’]s\b", m.string[m.end(): m.end() + 3]):
        rel = "'s"  # "Friday's vote": reported, so already held unless the clause says it is still to come
    suf = " ".join((m["suf"] or "").lower().split())
    weeks = _WEEK_SUFFIXES.get(suf, 0)
    if weeks and rel in (None, "on"):
        rel = "ahead" if weeks > 0 else "last"  # "Friday after next": the one after the coming Friday
    return Expr("weekday", wd=WEEKDAYS[m["wd"].lower()], rel=rel, weeks=weeks)


_DEICTIC = {w: int(v) for w, v in _of_kind("deictic")}
_WEEK_SUFFIXES = {w: int(v) for w, v in _of_kind("week_suffix")}
_CENTURIES = {w: int(v) for w, v in _of_kind("century")}


def _b_deictic(m):
    w = " ".join(m["w"].lower().split())
    return Expr("deictic", n=_DEICTIC[w])


def _b_holiday(m):
    rule = _HOLIDAY_RULES[_holiday_key(m["hol"])]
    rel = " ".join((m["rel"] or "").lower().split()) or None
    return Expr("holiday", unit=rule, rel=rel, y=int(m["y"]) if m["y"] else None)


#: how far a "this", "next", "the previous" ... moves a unit from the publication's own (lang/en/date_words.tsv)
_SHIFT = {w: int(v) for w, v in _of_kind("shift")}


def _shift(rel: str) -> int:
    return _SHIFT.get(re.sub(r"^the\s+", "", " ".join(rel.lower().split())), 0)


def _nth(word: Optional[str]) -> int:
    """An ordinal of a month's weekdays or weeks as a count: -1 for "last", 1 when none is written."""
    if not word:
        return 1
    w = word.lower()
    return -1 if w == "last" else (ORDINAL_WORDS.get(w) or int(w[0]))


def _b_nth_weekday(m):
    rel = (m["mrel"] or "").lower()
    return Expr("nth_weekday", wd=WEEKDAYS[m["wd"].lower()], n=_nth(m["nth"]), m=month_number(m["mon"]) if m["mon"] else None,
                y=int(m["y"]) if m["y"] else None, rel=rel or None, weeks=_shift(rel) if rel else 0)


def _b_nth_week(m):
    rel = (m["mrel"] or "").lower()
    return Expr("nth_week", n=_nth(m["nth"]), m=month_number(m["mon"]) if m["mon"] else None,
                y=int(m["y"]) if m["y"] else None, rel=rel or None, weeks=_shift(rel) if rel else 0)


def _b_present(m):
    return Expr("present")


def _b_unit_end(m):
    """"by year-end", "since year-end", "by the end of the month": the end of the publication's year or
    month, or of the one before after "since". Written with "the", the unit may be one the story names."""
    unit = (m["unit"] or m["unit2"]).lower()
    rel = "since" if (m["lead"] or "").lower() == "since" else None
    return Expr("unit_end", unit=unit, rel=rel, qual="the" if m["unit"] else None)


_STRETCH_LEAD = re.compile(rf"\b(?:{_alts(STRETCH_WORDS)})\s+(?:the\s+)?$", re.I)


def _b_ahead_count(m):
    """"the upcoming two months" counts the units ahead, the last of them two months on, as "in two
    months" does. After "over" or "during" it is the whole stretch, which no one date states."""
    if _STRETCH_LEAD.search(m.string[max(0, m.start() - 20): m.start()]):
        return Expr("stretch")
    return Expr("ahead", n=count_of(m["n"]) or 0, unit=_unit(m["unit"]), sign=1, rel=_vague(m))


def _b_weekday_count(m):
    sign = -1 if m["dir"].lower() == "ago" else 1
    return Expr("weekday_count", wd=WEEKDAYS[m["wd"].lower()], n=count_of(m["n"]) or 0, sign=sign, rel=_vague(m))


def _b_holiday_years(m):
    sign = -1 if m["dir"].lower() == "ago" else 1
    rule = _HOLIDAY_RULES[_holiday_key(m["hol"])]
    return Expr("holiday", unit=rule, rel="years" if not _vague(m) else "vague", n=sign * (count_of(m["n"]) or 0))


def _b_day_of_month(m):
    return Expr("day_of_month", d=_day(m), n=_shift(m["mrel"]))


def _b_unit(m):
    rel = " ".join((m["rel"] or "").lower().split())
    rel = re.sub(r"^the\s+", "", rel)
    n = _SHIFT[rel]
    unit = m["unit"].lower()
    return Expr("unit", unit="year" if unit == "yr" else unit, n=n, rel="earlier" if (m["pre"] or "").lower() == "earlier" else None)


def _b_unit_far(m):
    suf = " ".join(m["suf"].lower().split())
    return Expr("unit", unit=m["unit"].lower(), n=2 if suf == "after next" else -2)


def _b_ago(m):
    return Expr("ago", n=count_of(m["n"]) or 0, unit=_unit(m["unit"]), sign=-1, qual=_qual(m), rel=_vague(m))


def _b_hence(m):
    return Expr("ago", n=count_of(m["n"]) or 0, unit=_unit(m["unit"]), sign=1, qual=_qual(m), rel=_vague(m))


def _b_in(m):
    return Expr("ahead", n=count_of(m["n"]) or 0, unit=_unit(m["unit"]), sign=1, qual=_qual(m), rel=_vague(m))


def _b_anaphor(m):
    return Expr("anaphor")


def _qual(m) -> Optional[str]:
    q = m.groupdict().get("qual")
    return " ".join(q.lower().split()) if q else None


def _vague(m) -> Optional[str]:
    n = " ".join((m["n"] or "").lower().split())
    return "vague" if n in VAGUE_COUNTS else None


# (pattern, builder). All case-insensitive; capitalisation of names is checked after matching.
PATTERNS: list[tuple[re.Pattern, Callable[[re.Match], Expr]]] = [
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
        rf"\b(?:(?P<rel>on|last|next|this\s+coming|this|coming|upcoming|past|previous|since|until|by)\s+)?{WEEKDAY_PATTERN}"
        r"(?:\s+(?P<suf>after\s+next|before\s+last))?\b", re.I), _b_weekday),
    (re.compile(r"\b(?P<w>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b", re.I), _b_deictic),
    (re.compile(rf"\b{_HOLIDAY}\s+{_NUM}\s+years?\s+(?P<dir>ago|hence|from\s+now)\b", re.I), _b_holiday_years),
    (re.compile(
        rf"\b(?:(?P<rel>this\s+coming|this|coming|upcoming|next|last|past|previous)\s+)?{_HOLIDAY}(?:,?\s+{_YEAR})?(?![\w'’])",
        re.I), _b_holiday),
    (re.compile(
        rf"\b(?:the\s+)?{_NTH}\s+{WEEKDAY_PATTERN}\s+(?:of|in)\s+(?:(?P<mrel>this|next|last)\s+month|{_MON}(?:,?\s+{_YEAR})?)(?!\w)",
        re.I), _b_nth_weekday),
    (re.compile(
        rf"\b(?:the\s+)?{_NTH}\s+week\s+(?:of|in)\s+(?:(?P<mrel>this|next|last)\s+month|{_MON}(?:,?\s+{_YEAR})?)(?!\w)",
        re.I), _b_nth_week),
    (re.compile(rf"(?<![\w-]){_NUM}\s+{WEEKDAY_PATTERN}s\s+(?P<dir>from\s+now|hence|ago)\b", re.I), _b_weekday_count),
    (re.compile(rf"\b(?:the\s+)?(?:{_DAYNUM}|{_ORD})\s+of\s+(?P<mrel>this|next|last|(?:the\s+)?(?:next|following|previous|last|current))"
                rf"\s+month\b", re.I), _b_day_of_month),
    (re.compile(
        r"\b(?:(?P<pre>earlier|later|early|late|mid)[\s-]+)?(?P<rel>this|last|next|coming|previous|the\s+current|the\s+coming)\s+"
        r"(?P<unit>week(?:end)?|month|year|yr)\b", re.I), _b_unit),
    (re.compile(r"\bthe\s+(?P<unit>week(?:end)?|month|year)\s+(?P<suf>after\s+next|before\s+last)\b", re.I), _b_unit_far),
    (re.compile(rf"(?<![\w-]){_QUAL}{_NUM}\s+{_UNIT}\s+ago\b", re.I), _b_ago),
    (re.compile(rf"(?<![\w-]){_QUAL}{_NUM}\s+{_UNIT}\s+(?:from\s+now|hence)\b", re.I), _b_hence),
    (re.compile(rf"\bin\s+{_QUAL}{_NUM}\s+{_UNIT}(?:'s?\s+time)?\b", re.I), _b_in),
    (re.compile(rf"(?<![\w-])(?:the\s+)?(?:{_alts(AHEAD_WORDS)})\s+{_NUM}\s+{_UNIT}\b", re.I), _b_ahead_count),
    (re.compile(rf"(?<![\w-])(?:the\s+)?{_NUM}\s+(?:{_alts(AHEAD_WORDS)})\s+{_UNIT}\b", re.I), _b_ahead_count),
    (re.compile(rf"\b(?:{_alts(PRESENT_PHRASES)})\b(?!\s+(?:of|last|next|tomorrow|yesterday|on|in)\b)", re.I), _b_present),
    (re.compile(r"\b(?:the\s+end\s+of\s+the\s+(?P<unit>year|month)\b|(?P<lead>by|at|since|until|till|before|after|around|near|"
                r"through|toward|towards|of)\s+(?P<unit2>year|month)(?:-|\s+|['’]s\s+)end\b)", re.I), _b_unit_end),
    (re.compile(rf"(?<![\w-]){_QUAL}{_NUM}\s+{_UNIT}\s+(?:later|earlier|afterwards?|before|after|previously)\b", re.I), _b_anaphor),
    (re.compile(r"\bthe\s+(?:next|following|previous|preceding|prior|same)\s+(?:day|morning|afternoon|evening|night|week(?:end)?|month|year)\b", re.I), _b_anaphor),
]

# Prefixes that count from the date phrase right after them: "two days before <Monday>", "the day
# after <tomorrow>", "a week from <Tuesday>", "a week ago <yesterday>".
_OFFSET_BEFORE = re.compile(
    rf"(?:(?<![\w-]){_NUM}\s+{_UNIT}|\bthe\s+(?P<unit1>day|week|month|year))\s+(?P<dir>before|after|from|ago)\s+$", re.I
)
# "the third Tuesday after Christmas", "the Friday before Easter": the weekday counted from a named day.
_WEEKDAY_FROM = re.compile(rf"(?:\bthe\s+)?(?:{_NTH}\s+)?{WEEKDAY_PATTERN}\s+(?P<dir>after|before)\s+$", re.I)
_AFTER_NEXT = re.compile(r"^\s+(?P<suf>after\s+next|before\s+last)\b", re.I)
_ABBREVIATED = frozenset(MONTHS) - {"may", "jun", "jul"} | frozenset(WEEKDAY_ABBREVIATIONS)
_NAME_WORD = re.compile(rf"(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN})", re.I)
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
            if not marked and re.match(r"\s+[A-Z][a-z]", after) and not re.match(rf"\s+{WEEKDAY_PATTERN}", after, re.I):
                return False  # "June Carter": a name
    return True


def _holiday_ok(text: str, m: re.Match, e: int) -> bool:
    """A holiday is a name: capitalised unless a direction word says it is a date ("last easter"), and
    not the first word of another name ("Easter Island", "Christmas Carol")."""
    if m["rel"] or m["y"]:
        return True
    if not m["hol"][0].isupper():
        return False
    return not re.match(r"\s+[A-Z][a-z]", text[e: e + 30]) or bool(re.match(rf"\s+{WEEKDAY_PATTERN}", text[e: e + 30], re.I))


def _year_ok(text: str, s: int, e: int) -> bool:
    """A bare four-digit number is a year unless it reads as a count ("2000 troops") or an amount."""
    if s > 0 and text[s - 1] in "$£€#¥":
        return False
    if re.search(r"\d[,.]$", text[max(0, s - 2): s]):
        return False
    if _YEAR_CONTEXT.search(text[max(0, s - 16): s]):
        return True
    return not _PLURAL_COUNT.match(text, e)


def raw_mentions(text: str, a: int = 0, b: Optional[int] = None) -> list[Mention]:
    b = len(text) if b is None else b
    found: list[Mention] = []
    for pat, builder in PATTERNS:
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
    head = text[max(a, s - 40): s]
    named_day = expr.kind in ("md", "holiday") or (expr.kind == "date" and expr.d is not None)
    from_day = _WEEKDAY_FROM.search(head) if named_day and not re.match(r"['’]s\b", text[e: e + 3]) else None
    if from_day:
        n = _nth(from_day["nth"])
        expr = Expr("weekday_from", wd=WEEKDAYS[from_day["wd"].lower()], n=max(n, 1),
                    sign=1 if from_day["dir"].lower() == "after" else -1, anchor=expr)
        s = s - len(head) + from_day.start()
    elif (expr.kind in ("date", "md", "weekday", "deictic", "holiday")
          and not (expr.kind == "weekday" and expr.rel in ("since", "until", "by"))):
        pre = _OFFSET_BEFORE.search(head)
        if pre:
            n = count_of(pre["n"]) if pre["n"] else 1
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
    return [(mm.start, mm.end) for mm in raw_mentions(text, a, b)]
