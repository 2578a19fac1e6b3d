"""The model-free extractor: quotations, who said them, denials and dated events, by rules.

Why rules at all: they need no key and no network, and they give the same answer every run. Each
decision can be traced to a few characters of the article. That also makes them a yardstick for the
model's answers. The price is coverage: reported speech without a speech verb, irony and
coreference beyond "he", "she", "it", "they" and "the ministry" are out of reach.

How an article is read (each step is a pure function below):

1. **Boilerplate is blanked** with spaces of the same length, so every offset still points into
   ``Article.text`` while ads and related-story teasers can neither hold a quote nor name a speaker.
2. **Quotation marks are paired** one paragraph at a time. Each mark gets the roles (open, close)
   that its glyph and its neighbours allow: a straight ``"`` after a space opens, one before a space
   or punctuation closes, and an apostrophe inside a word (don't, Korea's) or before a year ('90s) is
   no mark at all. A stack pairs opens and closes of the same family (double, single, guillemet). A
   quotation whose opening mark starts a paragraph and is never closed continues into the next
   paragraph when that paragraph reopens with a mark, as news style writes long quotations.
3. **Quotations are masked** (their inside replaced by ``_``), so that sentence splitting and the
   search for speakers never read words that are inside quotation marks.
4. **Speech events** are found in the masked text: a speech verb and its subject (``X said``,
   ``said X``, ``X told Y``, ``X, director general of ..., said``, ``according to X``, ``as reported
   by X``). They are resolved in document order, so ``he`` can be read as the last person named as
   speaking, and ``the ministry`` as the last ministry that spoke.
5. **Each quotation takes its speaker** from the event next to it: right after the closing mark,
   then before the opening mark in the same sentence, then later in the sentence. A quotation with
   none takes the speaker of the quotation before it in the paragraph, or of the paragraph before it
   when it stands alone. A quoted phrase inside a sentence takes the sentence's subject.
6. **Scare quotes are dropped.** Titles and names in quotation marks ("One Hundred Years of
   Solitude", "Hwasong-17") are never quotes. Phrases of one or two words are kept only when a
   speech verb in the same sentence credits them to a speaker ("called it "reckless""), and then
   they are ``fragment`` quotes. Phrases of three words or more are kept, as ``fragment`` when they
   sit inside a sentence and as ``statement`` when they stand as speech of their own.

``extract`` turns all of this into an ``ArticleExtraction``. Claims come from quotations, denials
from the denial verbs, and events from date expressions, which are resolved by ``summarizer.dates``.
Actors are the speakers, the deniers and the accused, with titles, and ``summarizer.aliases`` names
the states and organisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Literal, Optional, Sequence

from . import aliases, dates
from .models import Actor, Article, ArticleExtraction, Claim, DatedEvent, Denial, Span

__all__ = ["QuoteSpan", "find_quotes", "extract"]

QuoteKind = Literal["statement", "fragment"]


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation in an article.

    ``start``/``end`` delimit the words inside the marks (Python ``str`` offsets, end exclusive), so
    ``text == article_text[start:end]``. A quotation continued over several paragraphs spans all of
    them, and ``parts`` lists the inside of each paragraph's piece. ``speaker`` is the resolved name
    (``"Jens Stoltenberg"`` for ``he``), and ``speaker_start``/``speaker_end`` point at the words that
    credit it (the name, or the pronoun). ``speaker`` stays the pronoun as written when nobody is
    named before it.
    """

    start: int
    end: int
    text: str
    speaker: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    cue: Optional[str] = None
    kind: QuoteKind = "statement"
    role: Optional[str] = None
    open_mark: int = 0  # offset of the opening quotation mark
    close_mark: int = 0  # offset just after the closing quotation mark
    parts: tuple[tuple[int, int], ...] = ()
    attribution: str = "none"  # after | before | later | inherited | subject | none


# =============================================================================================
# Lexicons. Small and closed on purpose: each word is here because news prose uses it so.
# =============================================================================================

#: Verbs that report speech. Denial verbs are speech verbs too ("Pyongyang denied ...").
SPEECH_VERBS = frozenset(
    """said says say told tells added adds stated wrote writes asked asks explained explains noted
    continued continues insisted insists replied replies argued argues warned warns claimed declared
    declares announced announces stressed stresses emphasized emphasised emphasizes emphasises
    underlined underlines acknowledged acknowledges conceded concedes admitted admits recalled recalls
    predicted predicts quipped vowed vows pledged pledges promised promises urged urges cautioned
    cautions suggested suggests reported commented comments remarked responded responds observed
    tweeted voiced called dubbed described describes labelled labeled termed branded accused accuses
    condemned condemns denounced denounces denied denies rejected rejects dismissed dismisses refuted
    refutes slammed criticised criticized blasted confirmed confirms revealed reveals spoke""".split()
)
#: Speech verbs that are also common nouns ("the U.S. claims"): they count only when a clause follows.
WEAK_CUES = frozenset("claims reports notes states calls".split())
#: Verbs that news puts before their subject after a quotation ("..., said Kwon", "notes Ukrainska Pravda").
INVERTIBLE = frozenset(
    """said says added adds wrote writes asked explained noted notes continued insisted insists replied
    argued warned warns stated declared conceded concedes admitted recalled quipped reported reports
    observed remarked responded cautioned""".split()
)
#: Participles that carry speech for the subject of their clause ("Pyongyang denounced ..., calling it ...").
PARTICIPLE_CUES = frozenset(
    """saying adding warning calling describing accusing condemning denouncing denying rejecting noting
    stressing insisting arguing claiming telling urging dismissing""".split()
)
DENIAL_VERBS = frozenset(
    """deny denies denied denying reject rejects rejected rejecting dismiss dismisses dismissed
    dismissing refute refutes refuted refuting denounce denounces denounced denouncing""".split()
)
#: Things one may be "denied" that are not claims ("denied entry").
_NOT_DENIED = frozenset("entry access bail permission visa visas".split())
_FALSE_WORDS = r"false|baseless|groundless|untrue|fabricated|fake|lies|a\s+lie|nonsense|absurd|fiction|a\s+fabrication"

_PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "any", "we": "any", "i": "person"}

#: Nouns that head a phrase naming someone who can speak, lower case ("the foreign ministry said").
PERSON_NOUNS = frozenset(
    """official spokesman spokeswoman spokesperson minister leader president secretary director chief
    head ambassador envoy diplomat commander coordinator adviser advisor senator governor mayor
    lawmaker legislator prosecutor analyst expert researcher professor chairman chairwoman chair
    premier chancellor officer representative negotiator deputy aide source observer witness resident
    sister brother wife husband son daughter king queen prince general""".split()
)
ORG_NOUNS = frozenset(
    """ministry office government media agency council department committee commission authorities
    military army navy police administration embassy parliament assembly cabinet court party alliance
    bloc report newspaper outlet broadcaster daily paper company firm group organisation organization
    union regime leadership""".split()
)
#: Nouns that stand for a news outlet when definite ("according to the report").
OUTLET_NOUNS = frozenset("report newspaper outlet broadcaster daily paper agency media".split())
#: Lower-case words that may sit inside a speaker phrase ("a senior North Korean official").
MODIFIERS = frozenset(
    """senior top former deputy foreign defence defense national security state state-run state-owned
    official presidential military chief general vice prime acting local regional federal junior
    interior finance trade economy justice health press public government ruling opposition unnamed
    anonymous high-ranking news intelligence white house foreign-ministry""".split()
)
#: Capitalised words that are titles, not names ("Secretary General", "Foreign Minister").
TITLE_WORDS = (
    PERSON_NOUNS
    | MODIFIERS
    | frozenset(
        """secretary-general mr mrs ms dr sir lord dame gen col lt sgt capt adm maj rev pope cardinal
        rabbi imam sheikh emir crown state strategic communications""".split()
    )
)
#: Capitalised words that make a name an organisation's, not a person's.
ORG_WORDS = frozenset(
    """agency news council ministry department office group organization organisation party house
    commission committee union nations assembly parliament congress senate bank fund institute
    university court times post press media pravda journal herald daily network service command
    forces army navy guard government summit alliance federation republic kingdom states affairs
    cemetery centre center company corporation inc ltd association foundation police tribune gazette
    telegraph broadcasting radio television tv""".split()
)
#: Wire services and outlets that report others' words rather than author them.
OUTLET_NAMES = frozenset(
    "reuters ap associated press afp tass xinhua kyodo ukrinform interfax ria yonhap kcna bloomberg bbc cnn".split()
)
OUTLET_WORDS = frozenset("news press times post pravda journal herald daily gazette tribune telegraph media broadcasting radio television tv".split())

#: Capitalised words that begin sentences without being names.
NOT_NAMES = frozenset(
    """The This That These Those It He She They We I You But And Or While When In On At As After Before
    Meanwhile Earlier Later Obviously There Both Other Previously During Along Details Source Background
    Trying Not Recently His Her Their Its Our My Your According Asked Speaking Also However Yet So If
    Since Despite Following Although Though Because Until Unless Once Then Now Still Even Just Only Some
    Many Most All Any Each Every No Nor For From With Without Under Over Into Onto Upon Against Among
    Between Within Across Toward Towards To Of By About Around What Which Who Whom Whose Why How Where
    Here Today Yesterday Tomorrow Last Next This A An""".split()
)
_WEEKDAY_NAMES = frozenset(d.capitalize() for d in dates.WEEKDAYS)
_MONTH_NAMES = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.".split()
)
_TIME_WORDS = frozenset(
    """today yesterday tomorrow tonight morning afternoon evening night week month year weekend this last
    next earlier later early late day""".split()
)
_ADVERBS = frozenset(
    """also further now then again repeatedly previously earlier later reportedly allegedly once still
    just already recently separately publicly privately firmly strongly most more even has have had was
    were is are will would could should may might can did does do not never always often""".split()
)
_PASSIVE = frozenset("is was were are be been being as".split())
_DETERMINERS = frozenset("the a an both".split())
_CONNECTORS = frozenset("of for at de von van bin al and".split())
_LEADING_ADVERBIALS = frozenset(
    """in on at during after before meanwhile while when along earlier later recently previously other
    as since despite following also however but and yet so according asked speaking although though
    because until unless once then now still even just""".split()
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col sgt capt gov sen rep st jr sr jan feb mar apr jun jul aug sep sept oct nov dec no inc corp ltd co adm maj rev vs etc".split()
)


def _alias_tokens() -> frozenset[str]:
    """Every word of every table name: such words are never part of a person's name."""
    words: set[str] = set()
    for name, _kind, others in aliases.ALIAS_TABLE:
        for n in (name, *others):
            words.update(w.lower() for w in n.replace(".", " ").split())
    for forms in aliases.DEMONYMS.values():
        for n in forms:
            words.update(w.lower() for w in n.split())
    return frozenset(words)


_ALIAS_WORDS = _alias_tokens()


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
    word = re.search(r"([A-Za-z](?:\.[A-Za-z])*\.?|\w+)\W*$", text[: dot + 1])
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
class _RawQuote:
    open_mark: int
    close_mark: int  # offset just after the closing mark
    parts: list[tuple[int, int]]  # inside of each paragraph's piece (marks excluded)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _SPACE + "\n\r":
        a += 1
    while b > a and text[b - 1] in _SPACE + "\n\r":
        b -= 1
    return a, b


def pair_marks(text: str, paras: Sequence[tuple[int, int]]) -> list[_RawQuote]:
    """Outermost quotations, paired paragraph by paragraph with a stack per paragraph.

    A closing mark pops back to the nearest open mark of its family, discarding unmatched opens
    above it (a stray apostrophe must not swallow the rest of the paragraph). A pair that leaves the
    stack empty is an outermost quotation. Nested quotations stay inside it.
    """
    out: list[_RawQuote] = []
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
                    parts = (carry[2] if carry and opener.pos == carry[0] else []) + [_trim(text, piece_start, m.pos)]
                    out.append(_RawQuote(opener.pos, m.pos + 1, parts))
                    if carry and opener.pos == carry[0]:
                        carry = None
            elif m.can_open:
                stack.append((m, m.pos + 1))
        # an opening mark that starts the paragraph and is never closed may continue
        if stack and not text[a : stack[0][0].pos].strip() and stack[0][0].pos == a:
            opener, piece_start = stack[0]
            done = carry[2] if carry and opener.pos == carry[0] else []
            carry = (opener.pos, opener.family, done + [_trim(text, piece_start, b)])
        elif stack and carry and stack[0][0].pos == carry[0]:
            carry = (carry[0], carry[1], carry[2] + [_trim(text, stack[0][1], b)])
        else:
            carry = None
    return out


def mask_quotes(text: str, quotes: Iterable[_RawQuote]) -> str:
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

_TOKEN = re.compile(
    r"(?P<abbr>(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|St|Jr|Sr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Adm|Maj|Rev)\.)"
    r"|(?P<word>[^\W_]+(?:[’'\-][^\W_]+)*(?:(?<=s)[’'](?=\s))?)"
    r"|(?P<masked>_+)"
    r"|(?P<punct>\S)"
)
_MARK_CHARS = set(_FAMILY)


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


def _possessive(t: Tok) -> bool:
    return t.is_word and bool(re.search(r"[’']s$|s[’']$", t.text))


def _cap(t: Tok) -> bool:
    """A capitalised word that may be (part of) a name."""
    if not t.is_word or not t.text[:1].isupper():
        return False
    return t.text not in NOT_NAMES and t.text not in _WEEKDAY_NAMES and t.text not in _MONTH_NAMES


def _np_word(t: Tok) -> bool:
    low = t.low.rstrip("’'")
    return _cap(t) or _possessive(t) or _noun_head(low) or low in MODIFIERS


def _singular(w: str) -> str:
    w = w.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _noun_head(low: str) -> bool:
    s = _singular(low)
    return low in PERSON_NOUNS or low in ORG_NOUNS or s in PERSON_NOUNS or s in ORG_NOUNS


@dataclass(frozen=True)
class NP:
    """A speaker phrase found in the text."""

    start: int
    end: int
    toks: tuple[Tok, ...]
    pronoun: bool = False
    role: Optional[tuple[int, int]] = None  # where an appositive role lies ("director general of ...")
    definite: bool = False  # began with "the"

    @property
    def head(self) -> str:
        return self.toks[-1].low if self.toks else ""


def _chunk_back(toks: Sequence[Tok], j: int) -> Optional[tuple[int, int]]:
    """Token indices [i, j] of the noun phrase that ends at token ``j``, or None.

    The phrase is capitalised words, possessives ("Pyongyang's"), speaker nouns ("official",
    "ministry"), modifiers ("senior", "state-run"), connectors between names ("Secretary of State"),
    a parenthetical abbreviation ("(NATO)") and a leading determiner.
    """
    if j < 0:
        return None
    head = toks[j]
    if head.text == ")":
        o = next((k for k in range(j - 1, max(-1, j - 6), -1) if toks[k].text == "("), None)
        if o is None or o == 0 or not _np_word(toks[o - 1]):
            return None
        span = _chunk_back(toks, o - 1)
        return (span[0], j) if span else None
    if not (_cap(head) or _noun_head(head.low)):
        return None
    i = k = j
    while k - 1 >= 0:
        t = toks[k - 1]
        if t.text == ")":
            o = next((x for x in range(k - 2, max(-1, k - 8), -1) if toks[x].text == "("), None)
            if o is not None and o > 0 and _np_word(toks[o - 1]):
                i = k = o
                continue
            break
        if t.is_word and _np_word(t):
            i = k = k - 1
            continue
        if t.low in _CONNECTORS and k - 2 >= 0 and (_cap(toks[k]) or toks[k].low == "the") and _np_word(toks[k - 2]):
            i = k = k - 1
            continue
        if t.low == "the" and k - 2 >= 0 and toks[k - 2].low in ("of", "for", "at"):
            i = k = k - 1
            continue
        if t.low in _DETERMINERS:
            i = k - 1
        break
    while i < j and toks[i].low in _CONNECTORS:
        i += 1
    return i, j


def _chunk_forward(toks: Sequence[Tok], i: int) -> Optional[tuple[int, int]]:
    """Token indices [i, j] of the noun phrase that starts at token ``i`` (same grammar as backwards)."""
    if i >= len(toks):
        return None
    j = i
    if toks[j].low in _DETERMINERS:
        j += 1
    last = None
    while j < len(toks):
        t = toks[j]
        if t.is_word and _np_word(t):
            last = j
            j += 1
            continue
        if t.text == "(" and last is not None:
            c = next((x for x in range(j + 1, min(len(toks), j + 6)) if toks[x].text == ")"), None)
            if c is not None:
                last = c
                j = c + 1
                continue
        if (
            t.low in _CONNECTORS
            and last == j - 1
            and j + 1 < len(toks)
            and (_cap(toks[j + 1]) or (toks[j + 1].low == "the" and j + 2 < len(toks) and _cap(toks[j + 2])))
        ):
            j += 1
            if toks[j].low == "the":
                j += 1
            continue
        break
    if last is None:
        return None
    # the phrase must end in a name or a speaker noun, not in a modifier ("the senior")
    while last >= i and not (_cap(toks[last]) or _noun_head(toks[last].low) or toks[last].text == ")"):
        last -= 1
    return (i, last) if last >= i else None


def _np(toks: Sequence[Tok], i: int, j: int, role: Optional[tuple[int, int]] = None) -> NP:
    sel = tuple(toks[i : j + 1])
    definite = bool(sel) and sel[0].low == "the"
    return NP(sel[0].start, sel[-1].end, sel, role=role, definite=definite)


def _skip_back(toks: Sequence[Tok], j: int) -> int:
    """Step back over adverbs, auxiliaries, time phrases and quotation marks between subject and verb."""
    timed = False
    while j >= 0:
        t = toks[j]
        low = t.low
        if t.text in _MARK_CHARS:
            j -= 1
            continue
        if t.is_word and (low in _ADVERBS or (low.endswith("ly") and t.text.islower() and len(low) > 4)):
            j -= 1
            continue
        if t.text in _WEEKDAY_NAMES or t.text in _MONTH_NAMES or low in _TIME_WORDS or (low.isdigit() and len(low) <= 4):
            timed = True
            j -= 1
            continue
        if timed and low in ("on", "in", "at", "of", "since", "by"):
            timed = False
            j -= 1
            continue
        if t.text == ")":
            o = next((k for k in range(j - 1, max(-1, j - 8), -1) if toks[k].text == "("), None)
            inner = toks[o + 1 : j] if o is not None else []
            if inner and all(x.text in _MONTH_NAMES or x.text in _WEEKDAY_NAMES or x.low.isdigit() or x.text == "," for x in inner):
                j = o - 1
                continue
        break
    return j


def subject_before(toks: Sequence[Tok], v: int) -> Optional[NP]:
    """The subject of the verb at token ``v``: a pronoun, a noun phrase, or a name with an appositive.

    Handles "X said", "X has repeatedly denied", "North Korea on Sunday denied", "X, director general
    of ..., said", "His deputy, Ingrid Hauge, said", "X, who told ...", "Kim Yo Jong, the powerful
    sister of ..., who accused ...".
    """
    j = _skip_back(toks, v - 1)
    if j < 0:
        return None
    t = toks[j]
    if t.low in _PRONOUNS and t.is_word:
        return NP(t.start, t.end, (t,), pronoun=True)
    relative = False
    if t.low in ("who", "which", "that") and j > 0 and toks[j - 1].text == ",":
        relative = True
        j -= 1
        t = toks[j]
    if t.text == ",":
        prev_comma = next((k for k in range(j - 1, -1, -1) if toks[k].text in ",;:—–"), -1)
        seg = toks[prev_comma + 1 : j]
        if not seg:
            return None
        seg_span = _chunk_forward(toks, prev_comma + 1)
        seg_is_name = seg_span == (prev_comma + 1, j - 1) and all(_cap(x) for x in seg)
        if relative:
            direct = _chunk_back(toks, j - 1)
            appositive = prev_comma >= 0 and toks[prev_comma].text == "," and (seg[0].low in _DETERMINERS or seg[0].text.islower())
            if appositive:
                span = _chunk_back(toks, prev_comma - 1)
                if span and any(_cap(x) for x in toks[span[0] : span[1] + 1]):
                    return _np(toks, *span, role=_role_span(seg))
            return _np(toks, *direct) if direct else None
        if seg_is_name and prev_comma > 0:
            role_span = _chunk_back(toks, prev_comma - 1)
            role = _role_span(toks[role_span[0] : role_span[1] + 1]) if role_span else None
            return _np(toks, prev_comma + 1, j - 1, role=role)
        if prev_comma >= 0 and toks[prev_comma].text == "," and not any(x.low in SPEECH_VERBS for x in seg):
            span = _chunk_back(toks, prev_comma - 1)
            if span and any(_cap(x) for x in toks[span[0] : span[1] + 1]):
                return _np(toks, *span, role=_role_span(seg))
        return None
    span = _chunk_back(toks, j)
    return _np(toks, *span) if span else None


def _role_span(seg: Sequence[Tok]) -> Optional[tuple[int, int]]:
    """Where an appositive role lies in the text (rendered later, by whoever holds the text)."""
    return (seg[0].start, seg[-1].end) if seg else None


def subject_after(toks: Sequence[Tok], v: int, stop: int) -> Optional[NP]:
    """The subject after an inverted verb ("..., said Kwon Jong Gun, director general of ...")."""
    i = v + 1
    if i >= stop:
        return None
    if toks[i].low in _PRONOUNS and toks[i].is_word:
        return NP(toks[i].start, toks[i].end, (toks[i],), pronoun=True)
    span = _chunk_forward(toks, i)
    if not span or span[1] >= stop:
        return None
    a, b = span
    role = None
    if b + 2 < stop and toks[b + 1].text == ",":
        end = next((k for k in range(b + 2, stop) if toks[k].text in ",;.:!?—–" or toks[k].kind == "masked"), stop)
        seg = toks[b + 2 : end]
        if seg and not seg[0].low.endswith("ing") and not any(x.low in SPEECH_VERBS for x in seg):
            role = _role_span(seg)
    return _np(toks, a, b, role=role)


def main_subject(toks: Sequence[Tok], a: int = 0) -> Optional[NP]:
    """The subject of a sentence: skip leading adverbial phrases up to their comma, then a noun phrase."""
    i = a
    while i < len(toks) and not toks[i].is_word:
        i += 1
    for _ in range(4):
        if i < len(toks) and toks[i].low in _LEADING_ADVERBIALS:
            comma = next((k for k in range(i + 1, len(toks)) if toks[k].text == ","), None)
            if comma is None:
                return None
            i = comma + 1
        else:
            break
    if i < len(toks) and toks[i].low in _PRONOUNS and toks[i].is_word:
        return NP(toks[i].start, toks[i].end, (toks[i],), pronoun=True)
    span = _chunk_forward(toks, i)
    return _np(toks, *span) if span else None


# =============================================================================================
# Names: people, titles, organisations, states.
# =============================================================================================


def _name_word(t: Tok) -> bool:
    """A capitalised word that can be part of a person's name."""
    low = t.low.rstrip(".")
    return (
        _cap(t)
        and not _possessive(t)
        and low not in TITLE_WORDS
        and low not in ORG_WORDS
        and low not in _ALIAS_WORDS
        and low not in OUTLET_NAMES
        and not (t.text.isupper() and len(t.text) > 1)  # NATO, SEOUL, KCNA
        and t.kind == "word"
    )


def split_person(np_toks: Sequence[Tok], text: str) -> tuple[Optional[str], Optional[str], Optional[tuple[int, int]]]:
    """(name, role, name span) when a phrase ends in a person's name.

    "NATO Secretary General Jens Stoltenberg" gives "Jens Stoltenberg" with the role
    "NATO Secretary General". The name is the run of capitalised words at the end that are neither
    titles, organisation words nor words of a state's or organisation's name.
    """
    toks = [t for t in np_toks if t.text not in "()"]
    k = len(toks)
    while k > 0 and _name_word(toks[k - 1]):
        k -= 1
    if k == len(toks):
        return None, None, None
    name_toks = toks[k:]
    name = text[name_toks[0].start : name_toks[-1].end]
    if aliases.lookup(name):
        return None, None, None
    role_toks = [t for t in toks[:k] if t.low not in _DETERMINERS]
    role = text[role_toks[0].start : role_toks[-1].end] if role_toks else None
    return name, role, (name_toks[0].start, name_toks[-1].end)


def _is_outlet(name: str) -> bool:
    low = aliases.fold(name)
    words = set(low.split())
    row = aliases.lookup(name)
    if row and ("news agency" in row[0].lower() or row[0] == "Agence France-Presse"):
        return True
    return bool(words & OUTLET_NAMES) or bool(words & OUTLET_WORDS) and not (words & {"minister", "ministry"})


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the name to show, its kind and role, and whether it is an outlet."""

    name: str
    kind: str  # person | organisation | state | other
    role: Optional[str] = None
    affiliation: Optional[str] = None
    outlet: bool = False
    written: str = ""  # the words in the text
    head: str = ""  # the head noun, singular ("ministry")


def _affiliation(role: Optional[str]) -> Optional[str]:
    """The state or organisation a role names at its start ("NATO Secretary General" -> NATO)."""
    if not role:
        return None
    words = role.replace("’s", "").replace("'s", "").split()
    for n in range(min(5, len(words)), 0, -1):
        cand = " ".join(words[:n])
        row = aliases.lookup(cand)
        if row:
            return row[0]
        for state, forms in aliases.DEMONYMS.items():
            if cand in forms:
                return state
    return None


def describe(np: NP, text: str) -> Speaker:
    """Turn a speaker phrase into a Speaker: a person with a title, a known state or organisation,
    or the description the text uses ("senior North Korean official")."""
    np_role = text[np.role[0] : np.role[1]] if np.role else None
    toks = list(np.toks)
    if toks and toks[0].low in _DETERMINERS:
        toks = toks[1:]
    if not toks:
        return Speaker(text[np.start : np.end], "other")
    written = text[toks[0].start : toks[-1].end]
    head = _singular(toks[-1].low.rstrip("’'"))
    name, role, _span = split_person(toks, text)
    if name:
        role = np_role or role
        return Speaker(name, "person", role, _affiliation(role), False, written, _singular(name.split()[-1]))
    # a parenthetical abbreviation names the same body: "the North Atlantic Treaty Organization (NATO)"
    plain = [t for t in toks if t.text not in "()"]
    paren = re.search(r"\(([^()]+)\)\s*$", written)
    if paren and aliases.lookup(paren.group(1)):
        row = aliases.lookup(paren.group(1))
        return Speaker(row[0], row[1], np_role, None, _is_outlet(row[0]), written, head)
    for k in range(len(plain)):
        cand = text[plain[k].start : plain[-1].end]
        row = aliases.lookup(cand)
        if row and not any(_noun_head(t.low) and not _cap(t) for t in plain[:k]):
            prefix = text[plain[0].start : plain[k - 1].end] if k else None
            aff = _affiliation(prefix) if prefix else None
            return Speaker(row[0], row[1], np_role, aff, _is_outlet(row[0]), written, head)
    outlet = _is_outlet(written) or head in OUTLET_NOUNS
    if all(_cap(t) or t.text in "()" for t in plain) and not any(_noun_head(t.low) for t in plain if not _cap(t)):
        kind = "organisation" if outlet or any(t.low in ORG_WORDS or t.text.isupper() for t in plain) else "person"
        return Speaker(written, kind, np_role, None, outlet, written, head)
    if head in PERSON_NOUNS:
        plural = toks[-1].low not in PERSON_NOUNS  # "officials", "experts": a group, not one person
        kind = "other" if plural else "person"
    elif head in ORG_NOUNS:
        kind = "organisation"
    else:
        kind = "other"
    return Speaker(written, kind, np_role, _affiliation(written), outlet, written, head)


@dataclass
class People:
    """Every person the article names in full, with the titles it gives them, in order of mention."""

    mentions: list[tuple[int, str]] = field(default_factory=list)  # (position, full name)
    roles: dict[str, str] = field(default_factory=dict)

    def full(self, name: str, pos: int) -> str:
        """The fullest form of a name: "Stoltenberg" is "Jens Stoltenberg", "Kwon" is "Kwon Jong Gun".

        A surname alone matches the last word of a full name, and a Korean or Chinese family name the
        first. When several people share it, the one mentioned last before ``pos`` wins.
        """
        words = name.split()
        best: Optional[tuple[int, int, str]] = None
        for p, full in self.mentions:
            fw = full.split()
            if len(fw) <= len(words):
                continue
            if fw[-len(words):] == words or fw[: len(words)] == words:
                rank = (0 if p <= pos else 1, -p if p <= pos else p)
                if best is None or rank < best[:2]:
                    best = (*rank, full)
        return best[2] if best else name


def find_people(text: str, paras: Sequence[tuple[int, int]]) -> People:
    """Full names (two words or more) and their titles, from every capitalised run in the text."""
    people = People()
    for a, b in paras:
        toks = tokenize(text, a, b)
        j = len(toks) - 1
        while j >= 0:
            if _name_word(toks[j]) and (j + 1 == len(toks) or not _name_word(toks[j + 1])):
                span = _chunk_back(toks, j)
                if span:
                    name, role, nspan = split_person(toks[span[0] : j + 1], text)
                    if name and len(name.split()) >= 2 and nspan:
                        people.mentions.append((nspan[0], name))
                        if role and name not in people.roles and any(w.lower() in TITLE_WORDS for w in role.split()):
                            people.roles[name] = role
                    j = span[0] - 1
                    continue
            j -= 1
    people.mentions.sort()
    # an appositive role: "Kwon Jong Gun, director general of the Department of US Affairs, said"
    for p, name in people.mentions:
        if name in people.roles:
            continue
        m = re.compile(re.escape(name) + r",\s+((?:the\s+)?[a-z](?:[^,.;“”\"]|\.(?=\S)){3,120}?),").match(text, p)
        if m and any(w.lower().strip(",") in TITLE_WORDS for w in m.group(1).split()):
            people.roles[name] = m.group(1)
    return people


# =============================================================================================
# Speech events: a speech verb with its subject, resolved in document order.
# =============================================================================================


@dataclass
class Event:
    """A speech verb in the masked text with its (resolved) subject."""

    cue: str
    cue_start: int
    cue_end: int
    np: Optional[NP]
    how: str  # subject | inverted | participle | according | by | reported
    sentence: tuple[int, int]
    speaker: Optional[Speaker] = None
    written: Optional[str] = None  # the pronoun when it could not be resolved
    via: Optional["Event"] = None  # for "reported": the outlet's own event

    @property
    def first(self) -> int:
        return min(self.cue_start, self.np.start) if self.np else self.cue_start

    @property
    def last(self) -> int:
        return max(self.cue_end, self.np.end) if self.np else self.cue_end


def _is_cue(toks: Sequence[Tok], k: int) -> bool:
    t = toks[k]
    if t.kind != "word" or not t.text.islower():
        return False
    low = t.low
    if low not in SPEECH_VERBS and low not in WEAK_CUES and low not in PARTICIPLE_CUES:
        return False
    j = k - 1
    while j >= 0 and toks[j].low in ("also", "further", "then", "again", "repeatedly", "reportedly", "allegedly", "once"):
        j -= 1
    if j >= 0 and toks[j].low in _PASSIVE:
        return False  # "is said to", "was told", "as reported by"
    if low in WEAK_CUES and low not in SPEECH_VERBS:
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        inverted = j >= 0 and toks[j].text == "," and nxt is not None and _cap(nxt)
        if not (inverted or (nxt is not None and (nxt.low == "that" or nxt.text in ",:" or nxt.text in _MARK_CHARS or nxt.kind == "masked"))):
            return False
    return True


def find_events(masked: str, sents: Sequence[tuple[int, int]]) -> list[Event]:
    """Every speech event in the masked text, unresolved, in document order."""
    events: list[Event] = []
    for sa, sb in sents:
        toks = tokenize(masked, sa, sb)
        finite: Optional[Event] = None
        for k, t in enumerate(toks):
            if t.low == "according" and k + 2 < len(toks) and toks[k + 1].low == "to":
                span = _chunk_forward(toks, k + 2)
                if span:
                    events.append(Event("according to", t.start, toks[k + 1].end, _np(toks, *span), "according", (sa, sb)))
                continue
            if t.low in ("reported", "seen", "quoted") and k + 2 < len(toks) and toks[k + 1].low == "by" and toks[k - 1].low in _PASSIVE | {"as"}:
                span = _chunk_forward(toks, k + 2)
                if span:
                    events.append(Event(t.low + " by", t.start, toks[k + 1].end, _np(toks, *span), "by", (sa, sb)))
                continue
            if not _is_cue(toks, k):
                continue
            if t.low in PARTICIPLE_CUES:
                np = finite.np if finite and finite.np else main_subject(toks)
                events.append(Event(t.low, t.start, t.end, np, "participle", (sa, sb)))
                continue
            np = subject_before(toks, k)
            how = "subject"
            if np is None and t.low in INVERTIBLE:
                stop = next((x for x in range(k + 1, len(toks)) if toks[x].text in ".;!?" or toks[x].kind == "masked"), len(toks))
                np = subject_after(toks, k, stop)
                how = "inverted"
            ev = Event(t.low, t.start, t.end, np, how, (sa, sb))
            events.append(ev)
            if np is not None:
                finite = ev
                # a news outlet relays someone else's words: "KCNA said that the foreign ministry “..."
                rest = k + 1
                if rest < len(toks) and toks[rest].low == "that":
                    rest += 1
                span = _chunk_forward(toks, rest) if rest < len(toks) else None
                if span and span[1] + 1 < len(toks) and toks[span[1] + 1].text in _MARK_CHARS:
                    relay = Event(t.low, toks[span[0]].start, toks[span[1]].end, _np(toks, *span), "reported", (sa, sb), via=ev)
                    events.append(relay)
    return events


def resolve_events(events: list[Event], text: str, people: People) -> None:
    """Give each event its Speaker, in document order.

    Pronouns: "he", "she" and "I" are the last person named as speaking before them; "it" is the
    last organisation or state; "they" and "we" are the last speaker of any kind. A definite phrase
    ("the ministry", "the officials") is the last speaker with the same head noun, and "the report",
    "the agency" the last outlet credited. Outlets that merely relay ("KCNA said that the foreign
    ministry ...") give way to the body they quote, through the "reported" events.
    """
    history: list[tuple[int, Speaker]] = []
    for ev in events:
        if ev.how == "reported" and not (ev.via and ev.via.speaker and ev.via.speaker.outlet):
            ev.np = None  # "Park said that South Korea “looks forward ...”": Park speaks, not South Korea
        if ev.np is None:
            continue
        sp = speaker_for(ev.np, text, people, history)
        if sp is None:
            ev.written = text[ev.np.start : ev.np.end]
            continue
        if sp.kind == "person" and sp.role and sp.name not in people.roles:
            people.roles[sp.name] = sp.role  # "Kwon Jong Gun, director general of ..., warned" then "Kwon stated"
        ev.speaker = sp
        history.append((ev.np.start, sp))


def speaker_for(np: NP, text: str, people: People, history: Sequence[tuple[int, Speaker]]) -> Optional[Speaker]:
    """Resolve one phrase against what was said before it (see ``resolve_events``)."""
    before = [s for p, s in history if p < np.start]
    if np.pronoun:
        want = _PRONOUNS[np.toks[0].low]
        for sp in reversed(before):
            if want == "any" or (want == "person" and sp.kind == "person") or (want == "thing" and sp.kind in ("organisation", "state")):
                return sp
        return None
    sp = describe(np, text)
    if np.definite and sp.kind != "person" and sp.name == sp.written and not any(_cap(t) for t in np.toks):
        for old in reversed(before):
            if sp.head in OUTLET_NOUNS and old.outlet:
                return old
            if old.head == sp.head and old.kind != "person":
                return old
            if old.head == sp.head and sp.head in PERSON_NOUNS:
                return old
    if sp.kind == "person" and " " not in sp.name.strip():
        full = people.full(sp.name, np.start)
        role = sp.role or people.roles.get(full)
        return Speaker(full, "person", role, _affiliation(role), False, sp.written, sp.head)
    if sp.kind == "person":
        role = sp.role or people.roles.get(sp.name)
        return Speaker(sp.name, "person", role, _affiliation(role), False, sp.written, sp.head)
    return sp


# =============================================================================================
# Quotations with speakers.
# =============================================================================================

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_FUNCTION_WORDS = frozenset("of the a an and in on for to at by de la von van or with from".split())


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def looks_like_title(inner: str) -> bool:
    """A name or title in quotation marks ("One Hundred Years of Solitude", "Hwasong-17"), not speech:
    every word but short function words is capitalised and nothing ends it like a sentence."""
    words = _words(inner)
    if not words or len(words) > 8 or re.search(r"[.!?,;:…]\s*$", inner):
        return False
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content) and not (len(content) == 1 and content[0] == "I")


@dataclass
class _Context:
    """What every quotation needs to see of its article."""

    text: str
    clean: str
    masked: str
    paras: list[tuple[int, int]]
    sents: list[tuple[int, int]]
    events: list[Event]
    people: People

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for s in self.sents:
            if s[0] <= pos < s[1]:
                return s
        return (pos, pos)

    def para_of(self, pos: int) -> tuple[int, int]:
        for p in self.paras:
            if p[0] <= pos < p[1]:
                return p
        return (pos, pos)


def _adjacent_after(ctx: _Context, q: _RawQuote) -> Optional[Event]:
    """An event that starts right after the closing mark: '"...," he said', '"...!" insists Burton'."""
    inner_end = ctx.clean[q.parts[-1][0] : q.parts[-1][1]]
    pb = ctx.para_of(q.close_mark - 1)[1]  # a continued quotation ends in a later paragraph
    follow = ctx.masked[q.close_mark : pb]
    punct_inside = bool(re.search(r"[,.!?…—–-]\s*$", inner_end))
    if not (punct_inside or re.match(r"\s*[,—–]", follow)):
        return None
    for ev in ctx.events:
        if ev.first < q.close_mark or ev.np is None or ev.how in ("reported",):
            continue
        if ev.first >= pb:
            break
        gap = ctx.masked[q.close_mark : ev.first]
        if re.fullmatch(r"[\s,—–-]*", gap):
            return ev
        if ev.first > q.close_mark + 200:
            break
    return None


def _credit(ctx: _Context, q: _RawQuote) -> tuple[Optional[Event], str]:
    """The event that credits a quotation, and how it was found."""
    ev = _adjacent_after(ctx, q)
    if ev is not None:
        return ev, "after"
    sa, sb = ctx.sentence_of(q.open_mark)
    before = [e for e in ctx.events if sa <= e.cue_start < q.open_mark and e.np is not None and e.how != "by"]
    if before:
        return max(before, key=lambda e: (e.cue_start if e.how != "reported" else e.first, e.how == "reported")), "before"
    later = [e for e in ctx.events if q.close_mark <= e.cue_start < sb and e.np is not None]
    if later:
        return later[0], "later"
    by = [e for e in ctx.events if sa <= e.cue_start < sb and e.how == "by" and e.np is not None]
    if by:
        return by[0], "later"
    return None, "none"


def _statement_form(ctx: _Context, q: _RawQuote, how: str) -> bool:
    """Does the quotation stand as speech of its own, rather than as a phrase inside a sentence?"""
    if how == "after":
        return True
    sa, _ = ctx.sentence_of(q.open_mark)
    before = ctx.masked[sa : q.open_mark].rstrip()
    inner = ctx.clean[q.parts[0][0] : q.parts[0][1]]
    if not before:
        return True
    if before.endswith(":"):
        return True
    last = re.search(r"(\w+)\W*$", before)
    last_word = last.group(1).lower() if last else ""
    if before.endswith(",") and (inner[:1].isupper() or last_word in SPEECH_VERBS):
        return True
    return last_word in SPEECH_VERBS and inner[:1].isupper()


def _sentence_subject(ctx: _Context, q: _RawQuote) -> Optional[NP]:
    sa, _ = ctx.sentence_of(q.open_mark)
    toks = tokenize(ctx.masked, sa, q.open_mark)
    return main_subject(toks) if toks else None


def _quote_breaks(clean: str, raw: list[_RawQuote]) -> list[int]:
    """Closing marks that end a sentence: the quotation's own words ended with . ! or ?"""
    out = []
    for q in raw:
        inner = clean[q.parts[-1][0] : q.parts[-1][1]]
        if re.search(r"[.!?…]\s*$", inner):
            m = re.match(r"[”\"’'»›)\]]*\s+(?=[“\"‘'«A-Z])", clean[q.close_mark :])
            if m:
                out.append(q.close_mark)
    return out


def _build_context(text: str, boilerplate: Iterable[Span | tuple[int, int]]) -> tuple[_Context, list[_RawQuote]]:
    clean = blank_spans(text, boilerplate)
    paras = paragraphs(clean)
    raw = pair_marks(clean, paras)
    masked = mask_quotes(clean, raw)
    breaks = _quote_breaks(clean, raw)
    sents = [s for p in paras for s in sentences(masked, p, breaks)]
    people = find_people(masked, paras)
    events = find_events(masked, sents)
    resolve_events(events, clean, people)
    return _Context(text, clean, masked, paras, sents, events, people), raw


def _quote_spans(ctx: _Context, raw: list[_RawQuote]) -> list[tuple[QuoteSpan, Optional[Speaker]]]:
    """Kind, speaker and the keep-or-drop decision for each paired quotation (see the module docstring).

    The resolved Speaker travels with each QuoteSpan so that ``extract`` keeps its kind and affiliation.
    """
    out: list[tuple[QuoteSpan, Optional[Speaker]]] = []
    prev_in_para: dict[tuple[int, int], tuple[QuoteSpan, Optional[Speaker]]] = {}
    last_para_speaker: dict[tuple[int, int], tuple[Speaker, NP]] = {}
    for ev in ctx.events:
        if ev.speaker is not None and ev.np is not None:
            last_para_speaker[ctx.para_of(ev.cue_start)] = (ev.speaker, ev.np)
    for q in raw:
        start, end = q.parts[0][0], q.parts[-1][1]
        if end <= start:
            continue
        inner = ctx.text[start:end]
        n = len(_words(inner))
        if n == 0:
            continue
        ev, how = _credit(ctx, q)
        statement = _statement_form(ctx, q, how)
        kind: QuoteKind = "statement" if statement and (n >= 3 or re.search(r"[.!?,]\s*$", inner)) else "fragment"
        speaker: Optional[Speaker] = None
        np: Optional[NP] = ev.np if ev else None
        cue = ev.cue if ev else None
        written = ev.written if ev else None
        if ev is not None:
            speaker = ev.speaker
        para = ctx.para_of(q.open_mark)
        if ev is None and kind == "statement":
            prev, prev_speaker = prev_in_para.get(para, (None, None))
            if prev is not None and prev.speaker:
                speaker = prev_speaker
                written = None if prev_speaker else prev.speaker
                np = NP(prev.speaker_start, prev.speaker_end, ()) if prev.speaker_start is not None else None
                cue, how = prev.cue, "inherited"
            elif not ctx.masked[para[0] : q.open_mark].strip():
                idx = ctx.paras.index(para) if para in ctx.paras else -1
                if idx > 0 and ctx.paras[idx - 1] in last_para_speaker:
                    speaker, np = last_para_speaker[ctx.paras[idx - 1]]
                    how = "inherited"
        if ev is None and speaker is None and kind == "fragment" and n >= 3:
            subj = _sentence_subject(ctx, q)
            if subj is not None:
                history = [(e.np.start, e.speaker) for e in ctx.events if e.speaker is not None and e.np is not None]
                speaker = speaker_for(subj, ctx.clean, ctx.people, history)
                np = subj
                how = "subject" if speaker else "none"
        # drop scare quotes and names in quotation marks
        # a title stays a title even when ", she said" follows it; only a lone word ("Nonsense", she said) may speak
        if looks_like_title(inner) and (n >= 2 or how != "after"):
            continue
        if kind == "fragment" and n <= 2 and (how not in ("after", "before", "later") or (speaker is None and written is None)):
            continue
        name = speaker.name if speaker else written
        qs = QuoteSpan(
            start=start,
            end=end,
            text=inner,
            speaker=name,
            speaker_start=np.start if np is not None and name else None,
            speaker_end=np.end if np is not None and name else None,
            cue=cue,
            kind=kind,
            role=speaker.role if speaker else None,
            open_mark=q.open_mark,
            close_mark=q.close_mark,
            parts=tuple(q.parts),
            attribution=how if name else "none",
        )
        out.append((qs, speaker))
        prev_in_para[para] = (qs, speaker)
        if speaker is not None and np is not None:
            last_para_speaker[para] = (speaker, np)
    return out


def find_quotes(text: str, boilerplate: Iterable[Span | tuple[int, int]] = ()) -> list[QuoteSpan]:
    """Every direct quotation in ``text`` outside ``boilerplate``, in order, with its speaker."""
    ctx, raw = _build_context(text, boilerplate)
    return [q for q, _speaker in _quote_spans(ctx, raw)]


# =============================================================================================
# Dates.
# =============================================================================================

# The phrase finder lives with the reader of the phrases (summarizer.dates).
find_date_phrases = dates.find_date_phrases


_DATELINE_MARKER = re.compile(r"\b(?:date|published|updated|posted)\b", re.I)


def _is_dateline(line: str, m_start: int, m_end: int) -> bool:
    """A line that only states when the page was published ("AFP Published 30 Jan, 2023 06:40am")."""
    rest = line[:m_start] + " " + line[m_end:]
    rest = re.sub(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|at|gmt|utc|[ap]m)\b|\d{1,2}:\d{2}(?:\s*[ap]m)?", " ", rest, flags=re.I)
    return bool(_DATELINE_MARKER.search(line[:m_start])) or len(_words(rest)) <= 3


# =============================================================================================
# Denials.
# =============================================================================================

_OBJECT_STOP = re.compile(
    r"\s+(?:after|because|but|while|as|saying|calling|warning|adding|according|citing|in\s+a\s+statement|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|[,;:.!?](?:\s|$)|[”\"](?:\s|$)",
    re.I,
)
_ACCUSATION_NOUNS = r"claims?|allegations?|accusations?|declaration|statement|report|charges?|assertions?|rumou?rs?"


@dataclass
class _Denial:
    speaker: Speaker
    denied: str
    accuser: Optional[Speaker]
    quote: str
    when: Optional[str]
    pos: int


def _denial_object(text: str, start: int, end: int) -> str:
    """The object clause of a denial verb: up to the end of the clause."""
    rest = text[start:end].lstrip(" ”\"’")
    m = next((m for m in _OBJECT_STOP.finditer(rest) if not (m.group().startswith(".") and ends_abbreviation(rest, m.start()))), None)
    obj = rest[: m.start()] if m else rest
    return obj.strip(" ”“\"‘’'")


def _accuser(obj: str, sentence: str) -> Optional[Speaker]:
    """Whose claim is denied: a name heading the denied claim ("the U.S. claims", "the NATO summit
    declaration"), or "after X said" in the same sentence."""
    m = re.search(rf"((?:[A-Z][\w.’'-]*\s+){{1,4}}?)(?:[a-z-]+\s+)?(?:{_ACCUSATION_NOUNS})\b", obj)
    cand = None
    if m:
        cand = m.group(1).strip()
    else:
        m = re.search(r"\bafter\s+(?:the\s+)?((?:[A-Z][\w.’'-]*\s+){1,4}?)(?:said|accused|claimed|alleged)\b", sentence)
        if m:
            cand = m.group(1).strip()
    if not cand:
        return None
    cand = re.sub(r"[’']s$", "", cand)
    row = aliases.lookup(cand)
    if row:
        return Speaker(row[0], row[1], written=cand)
    if all(w[:1].isupper() for w in cand.split()):
        return Speaker(cand, "organisation" if any(w.lower() in ORG_WORDS for w in cand.split()) else "other", written=cand)
    return None


def find_denials(ctx: _Context) -> list[_Denial]:
    """Denials: a denial verb with who denies (its subject) and what (its object clause).

    The verb is read in the unmasked text, because denials are often quoted ("the foreign ministry
    "most strongly denounces and rejects" the declaration"). Passives ("was rejected") are skipped;
    two denial verbs joined by "and" are one denial; "X and Y have denied" is a denial by each.
    """
    out: list[_Denial] = []
    history = [(e.np.start, e.speaker) for e in ctx.events if e.speaker is not None and e.np is not None]
    breaks: list[int] = []
    for para in ctx.paras:
        for sa, sb in sentences(ctx.clean, para, breaks):
            toks = tokenize(ctx.clean, sa, sb)
            sentence = ctx.clean[sa:sb].strip()
            for k, t in enumerate(toks):
                low = t.low
                if t.kind != "word" or low not in DENIAL_VERBS:
                    continue
                if k >= 2 and toks[k - 1].low in ("and", "or") and toks[k - 2].low in DENIAL_VERBS:
                    continue  # "denounces and rejects": one denial
                prev = next((toks[x] for x in range(k - 1, -1, -1) if toks[x].text not in _MARK_CHARS), None)
                if prev is not None and prev.low in _PASSIVE | {"been", "being", "get", "got"}:
                    continue
                obj_start = t.end
                nxt = k + 1
                while nxt + 1 < len(toks) and toks[nxt].text in _MARK_CHARS:
                    nxt += 1
                if nxt + 1 < len(toks) and toks[nxt].low in ("and", "or") and toks[nxt + 1].low in DENIAL_VERBS:
                    obj_start = toks[nxt + 1].end
                obj = _denial_object(ctx.clean, obj_start, sb)
                if not obj or obj.split()[0].lower() in _NOT_DENIED:
                    continue
                if low in PARTICIPLE_CUES:
                    np = main_subject(toks)
                else:
                    np = subject_before(toks, k)
                if np is None:
                    continue
                sp = speaker_for(np, ctx.clean, ctx.people, history)
                if sp is None:
                    continue
                obj_end = ctx.clean.find(obj, obj_start) + len(obj) if obj in ctx.clean[obj_start:sb] else sb
                when = _first_date(ctx.clean, sa, obj_end)
                acc = _accuser(obj, sentence)
                for one in _conjuncts(sp, np, ctx, history):
                    out.append(_Denial(one, obj, acc, sentence, when, t.start))
            for m in re.finditer(rf"\bcall(?:ed|s|ing)\s+(?P<obj>(?:[\w’'.-]+\s+){{1,8}}?)(?:{_FALSE_WORDS})\b", ctx.clean[sa:sb]):
                k = next((i for i, t in enumerate(toks) if t.start == sa + m.start()), None)
                if k is None:
                    continue
                np = main_subject(toks) if toks[k].low == "calling" else subject_before(toks, k)
                sp = speaker_for(np, ctx.clean, ctx.people, history) if np else None
                if sp is None:
                    continue
                obj = m.group("obj").strip()
                for one in _conjuncts(sp, np, ctx, history):
                    out.append(_Denial(one, obj, _accuser(obj, sentence), sentence, _first_date(ctx.clean, sa, sb), sa + m.start()))
    # one denial per speaker and sentence
    seen, unique = set(), []
    for d in out:
        key = (d.speaker.name, d.quote)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def _conjuncts(sp: Speaker, np: NP, ctx: _Context, history) -> list[Speaker]:
    """'Both North Korea and Wagner' is two speakers."""
    if np.pronoun or not any(t.low == "and" for t in np.toks):
        return [sp]
    toks = [t for t in np.toks if t.low not in ("both",)]
    groups, cur = [], []
    for t in toks:
        if t.low == "and":
            groups.append(cur)
            cur = []
        else:
            cur.append(t)
    groups.append(cur)
    out = []
    for g in groups:
        if g:
            part = NP(g[0].start, g[-1].end, tuple(g))
            s = speaker_for(part, ctx.clean, ctx.people, history)
            if s:
                out.append(s)
    return out or [sp]


def _first_date(text: str, a: int, b: int) -> Optional[str]:
    for s, e in find_date_phrases(text, a, b):
        line_a = text.rfind("\n", 0, s) + 1
        line_b = text.find("\n", e)
        line_b = len(text) if line_b == -1 else line_b
        if not _is_dateline(text[line_a:line_b], s - line_a, e - line_a):
            return text[s:e]
    return None


# =============================================================================================
# The extraction.
# =============================================================================================


def _first_sentence(s: str) -> str:
    s = " ".join(s.split())
    m = re.search(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z“\"‘])", s)
    out = s[: m.start()] if m else s
    return out.strip().rstrip(",;:—–- ").strip()


def _claim_quote(text: str, a: int, b: int) -> tuple[int, int]:
    """The quoted words as a claim quotes them: no trailing comma or colon, no stray spaces."""
    a, b = _trim(text, a, b)
    while b > a and text[b - 1] in ",;:—–-":
        b -= 1
    return _trim(text, a, b)


def _events(ctx: _Context, published: Optional[date], published_text: Optional[str]) -> list[DatedEvent]:
    """One DatedEvent per date expression in a sentence of the story (datelines excluded)."""
    out: list[DatedEvent] = []
    seen: set[tuple[str, str]] = set()
    for para in ctx.paras:
        for sa, sb in sentences(ctx.clean, para):
            sentence = " ".join(ctx.clean[sa:sb].split())
            if len(_words(sentence)) < 4:
                continue
            kept: dict[str, tuple[int, DatedEvent]] = {}
            for s, e in find_date_phrases(ctx.clean, sa, sb):
                phrase = ctx.clean[s:e]
                line_a = ctx.clean.rfind("\n", 0, s) + 1
                line_b = ctx.clean.find("\n", e)
                line_b = len(ctx.clean) if line_b == -1 else line_b
                if phrase == published_text or _is_dateline(ctx.clean[line_a:line_b], s - line_a, e - line_a):
                    continue
                # the tense of the date's own clause, within its sentence: "said on Tuesday that the plan
                # will cost" is last Tuesday
                r = dates.resolve(phrase, published, tense=dates.tense_at(ctx.clean, s, e, sa, sb),
                                  target=dates.target_at(ctx.clean, s, e, sa, sb))
                event_text = sentence.replace(published_text, "").strip() if published_text else sentence
                ev = DatedEvent(
                    date_text=phrase,
                    date=r.iso if r else None,
                    precision=r.precision if r else None,
                    event=event_text[:300],
                )
                key = r.iso if r else phrase
                specific = 2 if dates.find_absolute(phrase) else (1 if r and not re.search(dates._WEEKDAY, phrase, re.I) else 0)
                if key not in kept or specific > kept[key][0]:
                    kept[key] = (specific, ev)
            for _spec, ev in kept.values():
                k = (ev.date_text, ev.event)
                if k not in seen:
                    seen.add(k)
                    out.append(ev)
    return out


def _alias_ok(form: Optional[str], name: str) -> bool:
    """Another name for the actor: not a pronoun, not a description ("the report"), not the name with
    its title ("NATO Secretary General Jens Stoltenberg")."""
    if not form or aliases.fold(form) == aliases.fold(name) or name in form:
        return False
    words = form.split()
    return any(w[:1].isupper() for w in words if w.lower() not in _DETERMINERS and w.lower() not in _PRONOUNS)


def _actor(sp: Speaker) -> Actor:
    forms = [f for f in {sp.written} if _alias_ok(f, sp.name)]
    return Actor(name=sp.name, kind=sp.kind if sp.kind in ("person", "organisation", "state", "other") else "other",
                 role=sp.role, affiliation=sp.affiliation, aliases=sorted(forms))


def _merge_actor(actors: dict[str, Actor], sp: Speaker, written: Optional[str] = None) -> str:
    key = aliases.fold(sp.name)
    new = _actor(sp)
    if key not in actors:
        actors[key] = new
    else:
        old = actors[key]
        extra = [f for f in dict.fromkeys([*new.aliases, written]) if _alias_ok(f, old.name) and f not in old.aliases]
        actors[key] = old.model_copy(update={
            "role": old.role or new.role,
            "affiliation": old.affiliation or new.affiliation,
            "aliases": old.aliases + extra,
        })
    if _alias_ok(written, actors[key].name) and written not in actors[key].aliases:
        actors[key] = actors[key].model_copy(update={"aliases": actors[key].aliases + [written]})
    return actors[key].name


def _claim_when(ctx: _Context, q: QuoteSpan) -> Optional[str]:
    """The date phrase in the clause that introduces or follows the quotation."""
    _, sb = ctx.sentence_of(q.open_mark)
    if q.attribution == "after":
        return _first_date(ctx.masked, q.close_mark, sb)
    if q.attribution in ("before", "subject") and q.speaker_start is not None:
        return _first_date(ctx.masked, min(q.speaker_start, q.open_mark), q.open_mark)
    if q.attribution == "later":
        return _first_date(ctx.masked, q.close_mark, sb)
    return None


def extract(article: Article) -> ArticleExtraction:
    """Actors, claims, denials and dated events of one article, by rules alone.

    Claims come from quotations with a named speaker: every ``statement`` and every ``fragment`` of
    three words or more. A one- or two-word phrase is too thin to stand as a claim, and the verifier
    could not tell which of its occurrences is meant. A quotation whose speaker is an unresolved
    pronoun gives no claim, because a claim needs an actor.
    """
    ctx, raw = _build_context(article.text, article.boilerplate)
    quotes = _quote_spans(ctx, raw)
    published = dates.parse_iso(article.published)
    actors: dict[str, Actor] = {}

    claims: list[Claim] = []
    seen_claims: set[tuple[str, str]] = set()
    for q, sp in quotes:
        if sp is None:
            continue  # no speaker, or a pronoun nobody named before
        written = ctx.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
        name = _merge_actor(actors, sp, written)  # every credited speaker is an actor, claim or not
        if q.kind == "fragment" and len(_words(q.text)) < 3:
            continue
        when = _claim_when(ctx, q)
        for a, b in q.parts:
            a, b = _claim_quote(ctx.text, a, b)
            if b <= a:
                continue
            quote = ctx.text[a:b]
            if q.kind == "statement":
                statement = _first_sentence(quote)
            else:
                sa, sb = ctx.sentence_of(q.open_mark)
                statement = " ".join(ctx.clean[sa:sb].split())
            key = (aliases.fold(name), quote)
            if key in seen_claims:
                continue
            seen_claims.add(key)
            claims.append(Claim(speaker=name, statement=statement or quote, quote=quote, when=when))

    denials: list[Denial] = []
    for d in find_denials(ctx):
        name = _merge_actor(actors, d.speaker, d.speaker.written or None)
        accuser = _merge_actor(actors, d.accuser, d.accuser.written or None) if d.accuser and aliases.fold(d.accuser.name) != aliases.fold(name) else None
        denials.append(Denial(speaker=name, denied=d.denied, accuser=accuser, quote=d.quote, when=d.when))

    events = _events(ctx, published, article.published_text)
    return ArticleExtraction(actors=list(actors.values()), claims=claims, denials=denials, events=events)
