"""The HTML report's article side: every located span of every article, keyed by a generated id, and
the article text cut into escaped, highlighted segments. Everything from an article is escaped here."""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional, Union

from .models import (
    Article,
    ArticleResult,
    ItemState,
    Span,
    STATE_LABELS,
    Status,
    Summary,
    SUPPORTED_STATUSES,
    Verification,
)


# ---------------------------------------------------------------------------------------------
# Escaping
# ---------------------------------------------------------------------------------------------

OPEN_UP_TO = 3  # articles are shown open when there are at most this many; collapsed beyond
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in HTML text

Texts = Union[Mapping[str, str], Mapping[str, Article], Iterable[object]]
Boilerplate = Mapping[str, Iterable[Union[Span, tuple[int, int]]]]


def esc(text: object) -> str:
    """Inert HTML text or attribute value: ``& < > " '`` escaped, control characters replaced."""
    if text is None:
        return ""
    return html.escape(_CONTROL.sub("\ufffd", str(text)), quote=True)


def json_for_script(data: object) -> str:
    """JSON that cannot close or comment out the <script> element holding it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


# ---------------------------------------------------------------------------------------------
# Status words
# ---------------------------------------------------------------------------------------------

STATUS_HELP = {
    "exact": "verified: the quote is a substring of the article",
    "normalized": "verified after normalising quote marks, dashes, whitespace, case or entities",
    "fuzzy": "verified: every difference is benign (spelling, a dropped article, an ellipsis...)",
    "altered": "flagged: a span was found, but a negation, number, name or word differs",
    "unsupported": "flagged: no span in the article supports the quote",
}


def tone_of(status: Status, flagged: bool) -> str:
    """CSS tone of an item: exact, normalized, fuzzy or flagged."""
    if flagged or status not in SUPPORTED_STATUSES:
        return "flagged"
    return status.value


def badge_text(status: Status, flagged: bool, speaker_found: Optional[bool] = None, date: bool = False,
                state: ItemState = ItemState.verified) -> str:
    if not flagged and status in SUPPORTED_STATUSES and state is not ItemState.verified:
        return STATE_LABELS[state]
    if flagged or status not in SUPPORTED_STATUSES:
        if status == Status.unsupported:
            return "flagged · not found"
        if status == Status.altered:
            return "flagged · altered"
        if speaker_found is False:
            return "flagged · wrong speaker"
        if date:
            return "flagged · date"
        return "flagged"
    return {"exact": "verified", "normalized": "normalised", "fuzzy": "fuzzy"}[status.value]


def badge_html(status: Status, flagged: bool, speaker_found: Optional[bool] = None, date: bool = False,
           state: ItemState = ItemState.verified) -> str:
    tone = tone_of(status, flagged)
    label = badge_text(status, flagged, speaker_found, date, state)
    return f'<span class="badge t-{tone}" title="{esc(STATUS_HELP[status.value])}">{esc(label)}</span>'


def plural(n: int, word: str, many: Optional[str] = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def article_inputs(texts: Texts, boilerplate: Optional[Boilerplate]) -> tuple[dict[str, str], dict[str, list[tuple[int, int]]]]:
    """Accept ``{id: text}`` (the documented form), ``{id: Article}`` or an iterable of ``Article``s
    (``IngestError`` items are skipped). Articles bring their own boilerplate unless it is given."""
    out: dict[str, str] = {}
    bp: dict[str, list[tuple[int, int]]] = {}
    items = texts.items() if isinstance(texts, Mapping) else ((None, x) for x in (texts or ()))
    for key, value in items:
        if isinstance(value, Article):
            out[key if key is not None else value.id] = value.text
            bp[key if key is not None else value.id] = [(s.start, s.end) for s in value.boilerplate]
        elif isinstance(value, str) and key is not None:
            out[key] = value
    if boilerplate is not None:
        bp = {}
        for key, spans in boilerplate.items():
            bp[key] = [(s.start, s.end) if isinstance(s, Span) else (int(s[0]), int(s[1])) for s in spans]
    return out, bp


# ---------------------------------------------------------------------------------------------
# The article-side model: every located span, keyed by a generated id
# ---------------------------------------------------------------------------------------------


@dataclass
class SpanItem:
    """One claim, denial or event of one article, as verified."""

    sid: str  # generated, [a-z0-9]+ only: safe in ids, attributes and selectors
    kind: str  # "claim" | "denial" | "event"
    art: int
    speaker: str
    text: str  # the statement, the denied claim, or the event
    quote: str  # what the model wrote (the quote, or the date as written)
    v: Verification
    merged: Optional[str] = None  # the generated id of the merged item it belongs to
    located: bool = False

    @property
    def tone(self) -> str:
        return "name" if self.kind == "actor" else tone_of(self.v.status, self.v.flagged)


@dataclass
class ArticleView:
    idx: int
    res: ArticleResult
    text: Optional[str]
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    items: list[SpanItem] = field(default_factory=list)
    names: list[SpanItem] = field(default_factory=list)  # first mention of each merged actor

    @property
    def key(self) -> str:
        return f"a{self.idx}"

    @property
    def label(self) -> str:
        return f"art. {self.idx + 1}"


def collect_spans(summary: Summary, texts: dict[str, str], bp: dict[str, list[tuple[int, int]]]):
    arts: list[ArticleView] = []
    index: dict[tuple, list[SpanItem]] = defaultdict(list)
    for i, res in enumerate(summary.articles):
        art = ArticleView(i, res, texts.get(res.article_id), bp.get(res.article_id, []))
        n = len(art.text) if art.text is not None else -1
        for kind, letter, lst in (("claim", "c", res.claims), ("denial", "d", res.denials), ("event", "e", res.events)):
            for j, x in enumerate(lst):
                if kind == "event":
                    item = SpanItem(f"a{i}{letter}{j}", kind, i, "", x.event, x.date_text, x.verification)
                else:
                    body = x.statement if kind == "claim" else x.denied
                    item = SpanItem(f"a{i}{letter}{j}", kind, i, x.speaker, body, x.quote, x.verification)
                v = item.v
                item.located = v.start is not None and v.end is not None and 0 <= v.start <= v.end <= n
                art.items.append(item)
                index[(res.article_id, kind, item.quote, v.start, v.end)].append(item)
                index[(res.article_id, kind, "#", j)].append(item)
        arts.append(art)
    _mentions(summary, arts)
    return arts, index


def _mentions(summary: Summary, arts: list[ArticleView]) -> None:
    """Each merged actor's first mention in each article, as a name span (when the summary has them)."""
    by_id: dict[str, ArticleView] = {}
    for a in arts:
        by_id.setdefault(a.res.article_id, a)
    for k, actor in enumerate(summary.actors):
        for m in getattr(actor, "mentions", None) or []:
            art = by_id.get(getattr(m, "article_id", None))
            start, end = getattr(m, "start", None), getattr(m, "end", None)
            if art is None or art.text is None or start is None or end is None:
                continue
            if not (0 <= start < end <= len(art.text)):
                continue
            v = Verification(status=Status.exact, score=1.0, start=start, end=end, flagged=False)
            item = SpanItem(f"a{art.idx}n{len(art.names)}", "actor", art.idx, "", actor.name, art.text[start:end], v,
                         merged=f"a{k}", located=True)
            art.names.append(item)


def link_span(index, ref, kind: str, quote: str, merged: str) -> Optional[SpanItem]:
    """The article item a merged source stands for: by its position in the article's list when the
    source records it (``index``), else the first unclaimed item with the same words and span."""
    article_id, start, end = ref.article_id, ref.start, ref.end
    pos = getattr(ref, "index", None)
    if isinstance(pos, int):
        by_pos = index.get((article_id, kind, "#", pos), [])
        if by_pos and by_pos[0].quote == quote:
            if by_pos[0].merged is None:
                by_pos[0].merged = merged
            return by_pos[0]
    cands = index.get((article_id, kind, quote, start, end), [])
    for item in cands:
        if item.merged is None:
            item.merged = merged
            return item
    return cands[0] if cands else None


# ---------------------------------------------------------------------------------------------
# Highlighting: spans cut into segments
# ---------------------------------------------------------------------------------------------

_SEVERITY = {"exact": 0, "normalized": 1, "fuzzy": 2, "flagged": 3}


def highlight(text: str, items: list[SpanItem], boilerplate: list[tuple[int, int]]) -> str:
    """The article as HTML: text escaped; spans as <mark> segments; boilerplate dimmed.

    Every boundary of every span (and of boilerplate) cuts the text, so nested and overlapping spans
    become a run of segments, each covered by a fixed set of spans. A segment's <mark> lists them
    all in ``data-spans`` and takes the tone of the most severe one. The first segment of each span
    carries its anchor id (``src-<id>``) so links work without the script too.
    """
    n = len(text)
    starts: dict[int, list[SpanItem]] = defaultdict(list)
    ends: dict[int, list[SpanItem]] = defaultdict(list)
    empty: dict[int, list[SpanItem]] = defaultdict(list)
    cuts = {0, n}
    for it in items:
        if not it.located:
            continue
        s, e = it.v.start, it.v.end
        if s == e:
            empty[s].append(it)
            cuts.add(s)
            continue
        starts[s].append(it)
        ends[e].append(it)
        cuts.update((s, e))
    bp_delta: dict[int, int] = defaultdict(int)
    for s, e in boilerplate:
        s, e = max(0, s), min(n, e)
        if s < e:
            bp_delta[s] += 1
            bp_delta[e] -= 1
            cuts.update((s, e))
    points = sorted(cuts)
    order = {it.sid: k for k, it in enumerate(items)}
    active: dict[str, SpanItem] = {}
    in_bp = 0
    out: list[str] = []
    for a, b in zip(points, points[1:] + [None]):
        for it in ends.get(a, ()):
            active.pop(it.sid, None)
        fresh = starts.get(a, [])
        for it in fresh:
            active[it.sid] = it
        in_bp += bp_delta.get(a, 0)
        for it in empty.get(a, ()):
            out.append(f'<span class="anchor" id="src-{it.sid}"></span>')
        if b is None:
            break
        seg = esc(text[a:b])
        if active:
            covering = sorted(active.values(), key=lambda it: order[it.sid])
            evidence = [it for it in covering if it.kind != "actor"]
            tone = max((it.tone for it in evidence), key=_SEVERITY.__getitem__) if evidence else "name"
            classes = ["hl", f"t-{tone}"]
            if not evidence:
                pass
            elif all(it.kind == "event" for it in evidence):
                classes.append("date")
            elif any(it.kind == "event" for it in evidence):
                classes.append("dated")
            if len(evidence) > 1:
                classes.append("ov")
            anchor = ""
            for k, it in enumerate(fresh):
                if k == 0:
                    anchor = f' id="src-{it.sid}"'
                else:
                    out.append(f'<span class="anchor" id="src-{it.sid}"></span>')
            ids = " ".join(it.sid for it in covering)
            tips = "\n".join(_tip(it) for it in covering)
            seg = (
                f'<mark class="{" ".join(classes)}"{anchor} data-spans="{ids}" data-status="{tone}"'
                f' title="{esc(tips)}">{seg}</mark>'
            )
        if in_bp > 0:
            seg = f'<span class="bp" title="page furniture: not sent to the model, cannot support a claim">{seg}</span>'
        out.append(seg)
    return "".join(out)


def _tip(it: SpanItem) -> str:
    if it.kind == "actor":
        return f"actor · {it.text} (first mention in this article)"
    label = badge_text(it.v.status, it.v.flagged, it.v.speaker_found, it.kind == "event", it.v.state)
    who = f"{it.speaker}: " if it.speaker else ""
    line = f"{it.kind} · {label} — {who}{it.text}"
    if it.v.reasons:
        line += " (" + "; ".join(it.v.reasons) + ")"
    return line
