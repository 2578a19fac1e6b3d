"""The date an article was published, as the page states it: in its metadata or in its header.

Every relative date in an article ("on Tuesday", "last week") hangs on this date, so a wrong one is
worse than none: a date counts only where a page says it is the publication date.

* **HTML metadata** first (Open Graph ``article:published_time``, ``<meta name="date">`` and its
  relatives, JSON-LD ``datePublished`` including ``@graph``, microdata ``itemprop="datePublished"``),
  then a ``<time datetime>`` of the article itself (not of a related-stories list), then the article's
  visible header.
* **Text headers**: the first lines before the body, where a line is a date with a marker
  ("Published:", "Posted on", "First published on", "date:", "Timestamp:") or a line that is little
  more than a date (with a weekday, a time and zone, a byline, a section name). "Updated" dates are
  used only when nothing says published.
* The date is the one **printed in the page's own zone**: "2025-03-01T00:20+09:00" is 1 March.
* Numeric dates are read only when their order is certain: a day above 12, or a US zone (EDT, PST)
  for month first. "04/09/2025" in a page with no such hint is not guessed.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Iterable, Optional

from .lexicon import EN
from .textlayer import NAME_WORD

#: month names and abbreviations -> month number (lang/en/calendar.tsv)
MONTHS = EN.calendar.month_forms
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?"
_US_ZONES = r"\b(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|ET|PT|CT)\b"

_FORMS = [
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)"),
    re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})(?!\d)", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)", re.I),
]
_PUBLISHED = re.compile(r"\b(?:first\s+published|published|posted|date|timestamp|dated|issued)\b(?:\s+on)?\s*:?", re.I)
_UPDATED = re.compile(r"\b(?:updated|last\s+updated|modified|edited)\b(?:\s+on)?\s*:?", re.I)
_NOISE = re.compile(
    r"\b(?:at|on|by|in|and|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|[ap]\.?m\.?|gmt|utc|bst|cet|cest|ist|"
    r"est|edt|cst|cdt|pst|pdt|et|pt|z|min|mins|minute|minutes|read|reading|time|\d+)\b|" + _WEEKDAY, re.I)


def _ymd(m: re.Match, us: bool) -> Optional[date]:
    g = m.groupdict()
    try:
        y = int(g["y"])
        if g.get("a"):  # numeric with slashes: the order must be certain
            a, b = int(g["a"]), int(g["b"])
            if a > 12 >= b:
                d, mo = a, b
            elif b > 12 >= a or (us and a <= 12 and b <= 12):
                mo, d = a, b
            else:
                return None
        else:
            d = int(g["d"])
            mo = int(g["m"]) if g.get("m") else MONTHS[g["mon"].lower().rstrip(".")]
        return date(y, mo, d) if 1900 <= y <= 2100 else None
    except (ValueError, KeyError):
        return None


def dates_in(line: str, us: bool = False) -> list[tuple[date, int, int]]:
    """Calendar dates (day precision) in a line, with their offsets, leftmost first, not overlapping."""
    found: list[tuple[date, int, int]] = []
    for form in _FORMS:
        for m in form.finditer(line):
            if any(s < m.end() and m.start() < e for _, s, e in found):
                continue
            got = _ymd(m, us)
            if got:
                found.append((got, m.start(), m.end()))
    return sorted(found, key=lambda x: x[1])


def _looks_like_body(line: str) -> bool:
    return len(line.split()) > 25 or (len(line.split()) > 12 and line.rstrip().endswith((".", '"', "”")))


def _clean(rest: str) -> bool:
    """Whether what is left of a line besides its date is header matter: a weekday, time and zone, a
    byline ("By Ana Reyes"), a section name, reading time; not a sentence."""
    rest = re.sub(rf"\bby\s+{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}", " ", rest)
    rest = _NOISE.sub(" ", rest)
    words = re.findall(r"[A-Za-z]+", rest)
    return len(words) <= 5


def from_text(text: str, max_lines: int = 25) -> tuple[Optional[str], Optional[str]]:
    """The publication date a text's header states: (ISO date, text as written), or (None, None)."""
    us = re.search(_US_ZONES, text[:1500]) is not None
    published: list[tuple[date, str]] = []
    updated: list[tuple[date, str]] = []
    plain: list[tuple[date, str]] = []
    for raw in text.splitlines()[:max_lines]:
        line = raw.strip()
        if not line:
            continue
        if _looks_like_body(line):
            lead = _PUBLISHED.match(line)
            first = dates_in(line[:80], us)
            if lead and first and first[0][1] - lead.end() <= 1:  # "date 2025-01-29 The body begins..."
                published.append((first[0][0], line[first[0][1] : first[0][2]]))
            break
        for got, start, end in dates_in(line, us):
            before = line[:start]
            pub = list(_PUBLISHED.finditer(before))
            upd = list(_UPDATED.finditer(before))
            last_pub = pub[-1].end() if pub else -1
            last_upd = upd[-1].end() if upd else -1
            weekday = re.search(_WEEKDAY + r"\s*$", line[:start], re.I)
            written = line[weekday.start() if weekday else start : end]
            if last_pub > last_upd:
                published.append((got, written))
            elif last_upd > last_pub:
                updated.append((got, written))
            elif _clean(line[:start] + " " + line[end:]):
                plain.append((got, written))
    for found in (published, plain, updated):
        if found:
            return found[0][0].isoformat(), found[0][1]
    return None, None


# --- HTML -------------------------------------------------------------------------------------

_META_NAMES = ("article:published_time", "og:published_time", "og:article:published_time", "date", "pubdate",
               "publishdate", "publish-date", "publish_date", "datepublished", "dc.date.issued", "dc.date",
               "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published",
               "cxenseparse:recs:publishtime", "originalpublicationdate")
_ASIDE = re.compile(r"related|more|popular|trending|most|recommend|promo|sidebar|footer|nav|teaser|also", re.I)


def _iso_day(value: str) -> Optional[str]:
    """The calendar date of a metadata value, as printed (the page's own zone)."""
    got = dates_in(value.strip()[:40])
    return got[0][0].isoformat() if got else None


def _jsonld_dates(data) -> Iterable[str]:
    if isinstance(data, list):
        for x in data:
            yield from _jsonld_dates(x)
    elif isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            yield data["datePublished"]
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _jsonld_dates(data[key])


def _in_aside(tag) -> bool:
    for parent in [tag, *tag.parents]:
        if parent.name in ("aside", "nav", "footer", "li"):
            return True
        marks = " ".join([*(parent.get("class") or []), parent.get("id") or ""]) if hasattr(parent, "get") else ""
        if marks and _ASIDE.search(marks):
            return True
    return False


def from_html(html: str) -> tuple[Optional[str], Optional[str]]:
    """The publication date an HTML page states: (ISO date, where it was read), or (None, None)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _META_NAMES and meta.get("content"):
            day = _iso_day(meta["content"])
            if day:
                return day, f'<meta {key}="{meta["content"]}">'
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            continue
        for value in _jsonld_dates(data):
            day = _iso_day(value)
            if day:
                return day, f"JSON-LD datePublished {value}"
    for tag in soup.find_all(attrs={"itemprop": "datePublished"}):
        value = tag.get("datetime") or tag.get("content") or tag.get_text(" ", strip=True)
        day = _iso_day(value or "")
        if day:
            return day, f"itemprop datePublished {value}"
    for tag in soup.find_all("time"):
        if tag.get("datetime") and not _in_aside(tag):
            day = _iso_day(tag["datetime"])
            if day:
                return day, f'<time datetime="{tag["datetime"]}">'
    for tag in soup(["script", "style", "noscript", "template", "head", "nav", "aside", "footer"]):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is not None and _ASIDE.search(" ".join([*(tag.get("class") or []), tag.get("id") or ""])):
            tag.clear()
    root = soup.find("article") or soup.body or soup
    return from_text("\n".join(line.strip() for line in root.get_text("\n").splitlines() if line.strip()))
