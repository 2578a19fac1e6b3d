"""The bottom text layer: paragraphs, sentences, quotation marks and tokens, with offsets that hold.

Every other reader of an article (the offline extractor, the speaker check, the inventory, the merge,
the date reader) builds on these functions, so they all cut the text the same way. The layer imports
nothing from the rest of the package but its word lists (``summarizer.lexicon``).

* **Boilerplate is blanked** with spaces of the same length, so every offset still points into the
  article while ads and related-story teasers can neither hold a quote nor name a speaker.
* **Quotation marks are paired** one paragraph at a time. Each mark gets the roles (open, close) that
  its glyph and its neighbours allow: a straight ``"`` after a space opens, one before a space or
  punctuation closes, and an apostrophe inside a word (don't) or before a year ('90s) is no mark at
  all. A stack pairs opens and closes of the same family (double, single, guillemet). A quotation
  whose opening mark starts a paragraph and is never closed continues into the next paragraph when
  that paragraph reopens with a mark, as news style writes long quotations.
* **Quotations are masked** (their inside replaced by ``_``), so that sentence splitting and the
  search for speakers never read words that are inside quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from .lexicon import EN
from .models import ActorGrounding, Span

_ABBREVIATIONS = EN.abbreviations

# =============================================================================================
# Text layout: boilerplate, paragraphs, sentences.
# =============================================================================================


def blank_spans(text: str, spans: Iterable[Span | tuple[int, int]]) -> str:
    """The text with the given spans overwritten by spaces (newlines kept), so offsets hold."""
    chars = list(text)
    for s in spans:
        a, b = (s.start, s.end) if isinstance(s, Span) else s
        for i in range(max(0, a), min(len(chars), b)):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph.

    A line is a paragraph, as news sites write them, except that a line which stops mid-sentence and
    is followed by a line starting in lower case is a soft wrap, and the two are joined. Without that,
    hard-wrapped text would split quotations at every line end.
    """
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(raw)
    out: list[list[int]] = []
    prev_open = False
    for a, b in lines:
        s = text[a:b]
        if not s.strip():
            prev_open = False
            continue
        stripped = s.strip()
        if prev_open and out and stripped[:1].islower():
            out[-1][1] = b
        else:
            out.append([a, b])
        prev_open = not re.search(r"[.!?:;”\"’'»)\]]\s*$", s)
    result = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        result.append((a, b))
    return result


def ends_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation ("U.S.", "Jan.", "Mr.") rather than a clause."""
    # only the word before the dot matters: a window keeps each call constant-time on a long paragraph
    word = re.search(r"([A-Za-z](?:\.[A-Za-z])*\.?|\w+)\W*$", text[max(0, dot - 60) : dot + 1])
    w = (word.group(1) if word else "").rstrip(".").lower()
    return bool(word) and (w in _ABBREVIATIONS or bool(re.fullmatch(r"[a-z](?:\.[a-z])+", w)) or (len(w) == 1 and w.isalpha()))


_SENT_BREAK = re.compile(r"[.!?]+[)\]]*(?=\s+[“\"‘'«(\[A-Z0-9•\-–—])")


def sentences(text: str, para: tuple[int, int], extra_breaks: Iterable[int] = ()) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph. A period after an abbreviation ("U.S.", "Jan.") is no break.

    ``extra_breaks`` are positions where a sentence ends although the text shows no period there: in
    masked text, the closing mark of a quotation whose inside ended with one.
    """
    a, b = para
    chunk = text[a:b]
    cuts = set()
    for m in _SENT_BREAK.finditer(chunk):
        if chunk[m.start()] == "." and ends_abbreviation(chunk, m.start()):
            continue
        cuts.add(a + m.end())
    cuts.update(p for p in extra_breaks if a < p < b)
    out, start = [], a
    for c in sorted(cuts):
        out.append((start, c))
        start = c
        while start < b and text[start].isspace():
            start += 1
    out.append((start, b))
    return [(s, e) for s, e in out if e > s]


# =============================================================================================
# Quotation marks.
# =============================================================================================

_FAMILY = {"“": "d", "”": "d", '"': "d", "„": "d", "‟": "d",
           "‘": "s", "’": "s", "'": "s", "‚": "s", "‛": "s",
           "«": "g", "»": "g", "‹": "sg", "›": "sg"}
_OPENERS = set("“„‟‘‚‛«‹")
_CLOSERS = set("”’»›")
_SPACE = " \t\u00a0\u202f\u2009\u2007"
_BEFORE_OPEN = set("([{—–-/") | set(_OPENERS) | {'"', "'"}
_ELISIONS = re.compile(r"(?:\d\ds?\b|em\b|til\b|cause\b|n[’']|tis\b|twas\b)", re.I)


@dataclass
class _Mark:
    pos: int
    ch: str
    family: str
    can_open: bool
    can_close: bool
    weak: bool = False  # a closer that is more likely a plural possessive ("the players' union")


def _mark_roles(text: str, i: int, a: int, b: int) -> Optional[_Mark]:
    """What the quotation-mark character at ``i`` may do, judged by its glyph and its neighbours.

    Curly and angle marks say which way they face; context may flip them only when it is clear
    (German „...“, marks typed the wrong way round). Straight marks get their role from the
    neighbours alone. Apostrophes are told apart here: inside a word, before a year ('90s) or in
    an elision ('em) a single mark is never a quotation mark.
    """
    ch = text[i]
    fam = _FAMILY.get(ch)
    if fam is None:
        return None
    prev = text[i - 1] if i > a else " "
    nxt = text[i + 1] if i + 1 < b else " "
    guillemet = fam in ("g", "sg")
    open_ctx = (prev in _SPACE or prev in _BEFORE_OPEN) and (nxt not in _SPACE or guillemet) and nxt != "\n"
    close_ctx = (prev not in _SPACE or guillemet) and (nxt in _SPACE or nxt in "\n" or not nxt.isalnum())
    if fam == "s":
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, Korea's, rock'n'roll
        if ch in "‘'’" and _ELISIONS.match(text, i + 1) and not prev.isalnum():
            return None  # '90s, 'em
    if ch in _OPENERS:
        can_open, can_close = True, close_ctx and not open_ctx
    elif ch in _CLOSERS:
        can_close = close_ctx or not open_ctx
        can_open = open_ctx and not close_ctx and ch not in "’"
    else:  # straight marks
        if prev.isdigit() and not open_ctx:
            return None  # 12" or 5'
        can_open, can_close = open_ctx, close_ctx and not (prev.isalnum() and nxt.isalnum())
        if not (can_open or can_close):
            return None
    weak = fam == "s" and can_close and prev == "s" and bool(re.match(r"\s+[a-z]", text[i + 1 : i + 4]))
    return _Mark(i, ch, fam, can_open, can_close, weak)


@dataclass
class RawQuote:
    open_mark: int
    close_mark: int  # offset just after the closing mark
    parts: list[tuple[int, int]]  # inside of each paragraph's piece (marks excluded)


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _SPACE + "\n\r":
        a += 1
    while b > a and text[b - 1] in _SPACE + "\n\r":
        b -= 1
    return a, b


def pair_marks(text: str, paras: Sequence[tuple[int, int]]) -> list[RawQuote]:
    """Outermost quotations, paired paragraph by paragraph with a stack per paragraph.

    A closing mark pops back to the nearest open mark of its family, discarding unmatched opens
    above it (a stray apostrophe must not swallow the rest of the paragraph). A pair that leaves the
    stack empty is an outermost quotation. Nested quotations stay inside it.
    """
    out: list[RawQuote] = []
    carry: Optional[tuple[int, str, list[tuple[int, int]]]] = None  # open mark, family, finished parts
    for a, b in paras:
        marks = [m for i in range(a, b) if text[i] in _FAMILY and (m := _mark_roles(text, i, a, b))]
        stack: list[tuple[_Mark, int]] = []  # (mark, where this paragraph's piece starts)
        if carry is not None:
            first = marks[0] if marks else None
            if first and first.can_open and first.family == carry[1] and not text[a : first.pos].strip():
                # the reopening mark of a continued quotation
                stack.append((_Mark(carry[0], text[carry[0]], carry[1], True, False), first.pos + 1))
                marks = marks[1:]
            else:
                carry = None
        for k, m in enumerate(marks):
            target = None
            if m.can_close:
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0].family == m.family:
                        target = depth
                        break
            if target is not None and m.weak:
                later = any(n.family == m.family and n.can_close and not n.weak for n in marks[k + 1 :])
                if later:
                    target = None
            if target is not None:
                opener, piece_start = stack[target]
                del stack[target:]
                if not stack:
                    parts = (carry[2] if carry and opener.pos == carry[0] else []) + [trim(text, piece_start, m.pos)]
                    out.append(RawQuote(opener.pos, m.pos + 1, parts))
                    if carry and opener.pos == carry[0]:
                        carry = None
            elif m.can_open:
                stack.append((m, m.pos + 1))
        # an opening mark that is never closed in its paragraph may continue into the next, which reopens
        # it: at the paragraph's start, or after a closed sentence ('... said X. “Nobody here is against it.')
        if stack and (stack[0][0].pos == a or (len(stack) == 1 and not carry
                                               and re.search(r"[.!?][”\"’]?\s+$", text[a : stack[0][0].pos])
                                               and re.search(r"[.!?]\s*$", text[stack[0][1] : b]))):
            opener, piece_start = stack[0]
            done = carry[2] if carry and opener.pos == carry[0] else []
            carry = (opener.pos, opener.family, done + [trim(text, piece_start, b)])
        elif stack and carry and stack[0][0].pos == carry[0]:
            carry = (carry[0], carry[1], carry[2] + [trim(text, stack[0][1], b)])
        else:
            carry = None
    return out


def mask_quotes(text: str, quotes: Iterable[RawQuote]) -> str:
    """The text with the inside of each quotation replaced by ``_`` (newlines kept)."""
    chars = list(text)
    for q in quotes:
        for i in range(q.open_mark + 1, q.close_mark - 1):
            if chars[i] not in "\r\n":
                chars[i] = "_"
    return "".join(chars)


# =============================================================================================
# Tokens and noun phrases.
# =============================================================================================

# a title or month abbreviation with its period is one token ("Lt.", "Cmdr.", "Sept."): the same list that
# keeps such a period from ending a sentence (lang/en/abbreviations.txt), capitalised as a title is written
_TITLE_ABBREVIATIONS = "|".join(sorted({a.capitalize() for a in _ABBREVIATIONS if a.isalpha()}, key=lambda a: (-len(a), a)))
_TOKEN = re.compile(
    r"(?P<abbr>(?:[A-Za-z]\.){2,}|[A-Z]\.(?=[ ][A-Z](?:[a-z]|\.[ ][A-Z]))|(?:" + _TITLE_ABBREVIATIONS + r")\.)"
    r"|(?P<word>[^\W_]+(?:[’'\-][^\W_]+)*(?:(?<=s)[’'](?=\s))?)"
    r"|(?P<masked>_+)"
    r"|(?P<punct>\S)"
)
MARK_CHARS = frozenset(_FAMILY)
_MARK_CHARS = MARK_CHARS


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int
    kind: str  # abbr | word | masked | punct

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "abbr")


def tokenize(text: str, a: int = 0, b: Optional[int] = None) -> list[Tok]:
    b = len(text) if b is None else b
    return [Tok(m.group(), m.start(), m.end(), m.lastgroup or "punct") for m in _TOKEN.finditer(text, a, b)]



# =============================================================================================
# Lines that display rather than report: headlines, sub-headlines and photo captions.
# =============================================================================================

_CAPTION = re.compile(
    r"\b(?:photograph|photo|picture|image|illustration|credit|video|file photo)s?\s*(?::|by\b)|"
    r"\((?:[A-Z][\w.]*\s+){0,4}photo\b|\bcamera icon\b|\bclick to enlarge\b",
    re.I,
)
_ENDS_SENTENCE = re.compile(r"[.!?…:;”\"’'»)]\s*$")
MAX_HEADLINE_WORDS = 16
#: One capitalised word of a name as a pattern ("Belmark", "O’Neill", "U.S.", "AT&T"): the one spelling every
#: module's name-run pattern is built from (see ``name_run``).
NAME_WORD = r"[A-Z][\w&.'’-]*"


def name_run(most: int, joiners: str = "") -> str:
    """A pattern for up to ``most`` capitalised name words in a row, as one group; ``joiners`` are
    lower-case words allowed between them ("of|for|and": "Department of Trade and Industry")."""
    if joiners:
        return rf"({NAME_WORD}(?:\s+(?:{NAME_WORD}|{joiners})){{0,{most - 1}}})"
    return rf"((?:{NAME_WORD}\s+){{0,{most - 1}}}{NAME_WORD})"


#: The dash that signs a quotation with its speaker's name ("“...” — Jane Roe, a ferry user"), on one line.
SIGNATURE_DASH = r"[^\S\n]*[―—–][^\S\n]*"
# '“...” ― Jane Roe': a quotation signed by its speaker (a reader panel, a vox pop), not a headline
_SIGNED_QUOTE = re.compile(r"^\s*[“\"‘].{3,}[”\"’]" + SIGNATURE_DASH + r"[A-Z][^\n]{0,80}$", re.S)


def display_paragraphs(text: str, paras: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs that are a headline, a sub-headline or a caption: nobody's words, whatever they quote.

    A headline is short and does not end like a sentence; a caption names its photograph. The last
    paragraph is never taken for a headline (an excerpt may stop mid-sentence).
    """
    out = []
    for k, (a, b) in enumerate(paras):
        line = text[a:b]
        n_words = len(line.split())
        if _CAPTION.search(line) and n_words <= 60:
            out.append((a, b))
        elif (k < len(paras) - 1 and n_words <= MAX_HEADLINE_WORDS and not _ENDS_SENTENCE.search(line)
              and not _SIGNED_QUOTE.match(line)):
            out.append((a, b))
        elif k < len(paras) - 1 and n_words <= MAX_HEADLINE_WORDS and _title_case(line):
            out.append((a, b))  # "Rival Site Shows Bias When It Comes To Rankings.": a headline, full stop or not
    return out


_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_TITLE_SMALL = EN.words("name_function_words") | EN.words("title_small_words")


def _title_case(line: str) -> bool:
    """Every word capitalised but the small ones, over four words or more: no sentence of prose looks so."""
    ws = [w for w in _TITLE_WORD.findall(line) if w.lower() not in _TITLE_SMALL]
    return len(ws) >= 4 and "\n" not in line.strip() and all(w[:1].isupper() for w in ws)


# =============================================================================================
# Grounding names in the text: where a name occurs, and what the text calls it.
# =============================================================================================


@lru_cache(maxsize=50_000)
def name_pattern(name: str) -> re.Pattern:
    """A name as a whole word sequence, with any apostrophe style and an optional possessive."""
    body = "".join("['’]" if ch in "'’" else re.escape(ch) for ch in name.strip())
    return re.compile(rf"(?<![\w-]){body}(?:['’]s?)?(?![\w-])")


def occurs(name: str, text: str) -> bool:
    """Whether ``name`` occurs in ``text`` exactly as written, as whole words (``grounded`` also reads
    either apostrophe and a possessive)."""
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def first_mention(text: str, names: Sequence[str]) -> Optional[Span]:
    """Where an actor's name (or, failing it, an alias) first appears in the text."""
    for n in names:
        if n and n.strip():
            m = name_pattern(n).search(text)
            if m:
                return Span(start=m.start(), end=m.start() + len(n.strip()))
    return None


def grounded(name: str, text: str) -> bool:
    """Whether the text uses this name at all. A name the text never uses (a model's guess, or another
    actor listed as an alias) cannot join two actors."""
    return bool(name and name.strip()) and name_pattern(name).search(text) is not None


_BEFORE = re.compile(r"(?<!\S)((?:[\w.'’-]+\s+){0,5}[a-z][\w-]*)\s+$")
_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the)\s+((?:[\w.'’-]+\s+){0,5}?[a-z][\w-]*)"
                         r"(?=[,.;]|\s+(?:that|which|who|run|led|based|said|has|had|is|was)\b)")


def _head(phrase: str) -> str:
    last = phrase.split()[-1].lower()
    return last.rsplit("-", 1)[-1]


def _describing_words(words: list[str]) -> list[str]:
    """The words that describe a name, read back from it: lower-case words and the capitalised ones
    that place it ("Belmarkian", "Belmark's", "Leeds-based", "US"), up to a function word or another
    name ("said the company Acme" describes Acme as "company")."""
    from . import aliases  # the table of states and bodies: places, not names of the actor

    keep: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        bare = w.strip(".,;:")
        low = bare.lower()
        if low in EN.stop_words or low in ("according",) or not bare:
            break
        if bare[:1].isupper():
            placed = (aliases.lookup(bare) or aliases.demonym_row(bare)
                      or bare.endswith("-based") or (keep and keep[0].endswith("-based")))
            if not placed:
                break
        keep.insert(0, bare)
    return keep


def descriptors(text: str, name: str, heads: frozenset[str]) -> list[str]:
    """What the text calls a named actor in the same breath: "US short-seller Acme Research", "Acme
    Research, the Leeds-based firm,". Only phrases whose last word is one of ``heads`` (nouns for
    organisations and people) count. They tell which named actor a later "the firm" refers to."""
    out = []
    for m in name_pattern(name).finditer(text):
        before = _BEFORE.search(text[max(0, m.start() - 80) : m.start()])
        if before:
            words = _describing_words(before.group(1).split())
            if words and _head(words[-1]) in heads:
                out.append(" ".join(words))
        after = _APPOSITIVE.search(text[m.end() : m.end() + 100])
        if after:
            words = after.group(1).split()
            if _head(words[-1]) in heads and not any(w.lower() in EN.stop_words for w in words):
                out.append(" ".join(words))
    return out


_DESCRIPTOR_HEADS = EN.org_nouns | EN.person_nouns


def ground_actor(text: str, name: str, aliases: Sequence[str]) -> ActorGrounding:
    """An actor's names checked against the article: those the text never uses, and what the text
    calls the actor beside them."""
    names = [n for n in [name, *aliases] if n and n.strip()]
    found = []
    for n in names:
        if n[:1].isupper():
            found.extend(d for d in descriptors(text, n, _DESCRIPTOR_HEADS) if d not in found)
    return ActorGrounding(ungrounded=[n for n in names if not grounded(n, text)], descriptors=found)
