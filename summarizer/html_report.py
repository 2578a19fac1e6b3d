"""The evidence report: one self-contained HTML file that shows every claim next to its source words.

The top of the page is the merged summary (actors, claims grouped by speaker with their denials
beside them, denials, timeline). Below it, each article's text is printed with every located span
highlighted by status; clicking a claim or one of its quotes opens the article, scrolls to the words
and marks them, and clicking highlighted words goes back to the claim.

Design rules:

* **One file, no network.** CSS and JS are inline; nothing is loaded from anywhere. A
  Content-Security-Policy forbids every fetch, and lets only this module's own script run (by hash),
  so even a mistake in escaping could not execute injected markup.
* **Untrusted text stays text.** Everything that came from an article or a model goes through
  :func:`esc` (``html.escape`` with ``quote=True``, control characters replaced). The data the script
  needs sits in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` written as
  ``\\u003c`` etc. There are no inline event handlers: the script listens on ``document``.
* **Fast for many articles.** Highlighting is done here, in Python: spans (which may nest or overlap)
  are cut into segments at every boundary, and each segment becomes one ``<mark>`` carrying the ids
  of all spans covering it. Articles are collapsed ``<details>`` once there are more than a few, so
  the browser lays out only what is opened. The script is a few event listeners.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional, Union

from .formats import register
from .ingest import GENERATED_MARKER
from .models import (
    STATE_LABELS,
    SUPPORTED_STATUSES,
    ItemState,
    Article,
    ArticleResult,
    MergedActor,
    MergedClaim,
    MergedDenial,
    SourceRef,
    Span,
    Status,
    Summary,
    Verification,
    when_text,
)

__all__ = ["render", "esc"]

OPEN_UP_TO = 3  # articles are shown open when there are at most this many; collapsed beyond
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in HTML text

Texts = Union[Mapping[str, str], Mapping[str, Article], Iterable[object]]
Boilerplate = Mapping[str, Iterable[Union[Span, tuple[int, int]]]]


def esc(text: object) -> str:
    """Inert HTML text or attribute value: ``& < > " '`` escaped, control characters replaced."""
    if text is None:
        return ""
    return html.escape(_CONTROL.sub("\ufffd", str(text)), quote=True)


def _json_for_script(data: object) -> str:
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


def _tone(status: Status, flagged: bool) -> str:
    """CSS tone of an item: exact, normalized, fuzzy or flagged."""
    if flagged or status not in SUPPORTED_STATUSES:
        return "flagged"
    return status.value


def _badge_text(status: Status, flagged: bool, speaker_found: Optional[bool] = None, date: bool = False,
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


def _badge(status: Status, flagged: bool, speaker_found: Optional[bool] = None, date: bool = False,
           state: ItemState = ItemState.verified) -> str:
    tone = _tone(status, flagged)
    label = _badge_text(status, flagged, speaker_found, date, state)
    return f'<span class="badge t-{tone}" title="{esc(STATUS_HELP[status.value])}">{esc(label)}</span>'


def _plural(n: int, word: str, many: Optional[str] = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def _inputs(texts: Texts, boilerplate: Optional[Boilerplate]) -> tuple[dict[str, str], dict[str, list[tuple[int, int]]]]:
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
class _Item:
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
        return "name" if self.kind == "actor" else _tone(self.v.status, self.v.flagged)


@dataclass
class _Art:
    idx: int
    res: ArticleResult
    text: Optional[str]
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    names: list[_Item] = field(default_factory=list)  # first mention of each merged actor

    @property
    def key(self) -> str:
        return f"a{self.idx}"

    @property
    def label(self) -> str:
        return f"art. {self.idx + 1}"


def _collect(summary: Summary, texts: dict[str, str], bp: dict[str, list[tuple[int, int]]]):
    arts: list[_Art] = []
    index: dict[tuple, list[_Item]] = defaultdict(list)
    for i, res in enumerate(summary.articles):
        art = _Art(i, res, texts.get(res.article_id), bp.get(res.article_id, []))
        n = len(art.text) if art.text is not None else -1
        for kind, letter, lst in (("claim", "c", res.claims), ("denial", "d", res.denials), ("event", "e", res.events)):
            for j, x in enumerate(lst):
                if kind == "event":
                    item = _Item(f"a{i}{letter}{j}", kind, i, "", x.event, x.date_text, x.verification)
                else:
                    body = x.statement if kind == "claim" else x.denied
                    item = _Item(f"a{i}{letter}{j}", kind, i, x.speaker, body, x.quote, x.verification)
                v = item.v
                item.located = v.start is not None and v.end is not None and 0 <= v.start <= v.end <= n
                art.items.append(item)
                index[(res.article_id, kind, item.quote, v.start, v.end)].append(item)
                index[(res.article_id, kind, "#", j)].append(item)
        arts.append(art)
    _mentions(summary, arts)
    return arts, index


def _mentions(summary: Summary, arts: list[_Art]) -> None:
    """Each merged actor's first mention in each article, as a name span (when the summary has them)."""
    by_id: dict[str, _Art] = {}
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
            item = _Item(f"a{art.idx}n{len(art.names)}", "actor", art.idx, "", actor.name, art.text[start:end], v,
                         merged=f"a{k}", located=True)
            art.names.append(item)


def _link(index, ref, kind: str, quote: str, merged: str) -> Optional[_Item]:
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


def highlight(text: str, items: list[_Item], boilerplate: list[tuple[int, int]]) -> str:
    """The article as HTML: text escaped; spans as <mark> segments; boilerplate dimmed.

    Every boundary of every span (and of boilerplate) cuts the text, so nested and overlapping spans
    become a run of segments, each covered by a fixed set of spans. A segment's <mark> lists them
    all in ``data-spans`` and takes the tone of the most severe one. The first segment of each span
    carries its anchor id (``src-<id>``) so links work without the script too.
    """
    n = len(text)
    starts: dict[int, list[_Item]] = defaultdict(list)
    ends: dict[int, list[_Item]] = defaultdict(list)
    empty: dict[int, list[_Item]] = defaultdict(list)
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
    active: dict[str, _Item] = {}
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


def _tip(it: _Item) -> str:
    if it.kind == "actor":
        return f"actor · {it.text} (first mention in this article)"
    label = _badge_text(it.v.status, it.v.flagged, it.v.speaker_found, it.kind == "event", it.v.state)
    who = f"{it.speaker}: " if it.speaker else ""
    line = f"{it.kind} · {label} — {who}{it.text}"
    if it.v.reasons:
        line += " (" + "; ".join(it.v.reasons) + ")"
    return line


# ---------------------------------------------------------------------------------------------
# Page parts
# ---------------------------------------------------------------------------------------------


def _differences(v: Verification) -> str:
    diffs = [d for d in v.differences if not d.benign]
    if not diffs:
        return ""
    parts = []
    for d in diffs:
        q = f"“{esc(d.quote)}”" if d.quote else "nothing"
        s = f"“{esc(d.source)}”" if d.source else "nothing"
        parts.append(f'<span class="diff"><b>{esc(d.kind)}</b>: model wrote {q}, the article has {s}</span>')
    return '<div class="diffs">' + " ".join(parts) + "</div>"


def _source_line(ref: SourceRef, item: Optional[_Item], arts_by_id: dict[str, _Art]) -> str:
    art = arts_by_id.get(ref.article_id)
    where = esc(art.label if art else ref.article_id)
    title = esc(ref.article_id)
    flagged = "1" if ref.flagged else "0"
    tone = _tone(ref.status, ref.flagged)
    badge = _badge(ref.status, ref.flagged, ref.speaker_found, state=ref.state)
    reasons = f'<div class="reasons">⚠ {esc("; ".join(ref.reasons))}</div>' if ref.flagged and ref.reasons else ""
    extra = ""
    if item is not None and item.v.status == Status.altered and item.v.matched:
        extra = f'<div class="matched">article: “{esc(item.v.matched)}”</div>'
    diffs = _differences(item.v) if item is not None and item.v.status == Status.altered else ""
    if item is not None and item.located and art is not None and art.text is not None:
        span = f"{ref.start}–{ref.end}"
        quote = f'<a class="quote" href="#src-{item.sid}" data-goto="{item.sid}">“{esc(ref.quote)}”</a>'
        loc = f'<span class="where" title="{title}">{where} · {span}</span>'
    elif item is not None and not item.located:
        quote = (
            f'<a class="quote missing" href="#miss-{item.sid}" data-goto="{item.sid}">'
            f'<span class="mw">model wrote</span> “{esc(ref.quote)}”</a>'
        )
        loc = f'<span class="where nomatch" title="{title}">no span in {where} matched</span>'
    else:
        quote = f'<span class="quote">“{esc(ref.quote)}”</span>'
        span = f" · {ref.start}–{ref.end}" if ref.start is not None else ""
        loc = f'<span class="where" title="{title}">{where}{span} (text not included)</span>'
    return (
        f'<li class="src t-{tone}" data-flagged="{flagged}">{badge} {quote} {loc}'
        f"{extra}{diffs}{reasons}</li>"
    )


def _actors(actors: list[MergedActor], n_ok: int, speaker_anchor: dict[str, str], arts: list[_Art]) -> str:
    if not actors:
        return '<p class="none">No actors.</p>'
    first: dict[tuple[str, int], _Item] = {}
    for art in arts:
        for it in sorted(art.names, key=lambda it: it.v.start):
            first.setdefault((it.merged, art.idx), it)  # the earliest, when entries were merged
    by_id = {}
    for art in arts:
        by_id.setdefault(art.res.article_id, art)
    cards = []
    order = sorted(range(len(actors)), key=lambda k: (-len(actors[k].articles), actors[k].name.lower()))
    for k in order:
        a = actors[k]
        n = len(a.articles)
        pct = round(100 * n / n_ok) if n_ok else 0
        anchor = speaker_anchor.get(a.id)
        name = f'<a href="#{anchor}">{esc(a.name)}</a>' if anchor else esc(a.name)
        role = f'<span class="role">{esc(a.role)}</span>' if a.role else ""
        aka = (
            '<span class="aka">also ' + ", ".join(f"<span>{esc(x)}</span>" for x in a.aliases) + "</span>"
            if a.aliases else ""
        )
        desc = " · ".join(x for x in (role, aka) if x)
        links = []
        for aid in a.articles:
            art = by_id.get(aid)
            if art is None:
                continue
            it = first.get((f"a{k}", art.idx))
            if it is not None:
                links.append(f'<a href="#src-{it.sid}" data-goto="{it.sid}" title="first mention in {esc(aid)}">{art.idx + 1}</a>')
            else:
                links.append(f'<span title="{esc(aid)}">{art.idx + 1}</span>')
        if links:
            desc += f'<div class="ain">in art. {" ".join(links)}</div>'
        cards.append(
            f'<div class="actor" id="m-a{k}"><div class="aname"><span class="nm">{name}</span>'
            f'<span class="mentions" title="mentioned in {n} of {n_ok} articles">{n}/{n_ok}'
            f'<span class="meter"><i style="width:{pct}%"></i></span></span></div>'
            f'<div class="adesc"><span class="kind">{esc(a.kind)}</span> {desc}</div></div>'
        )
    return '<div class="actors">' + "".join(cards) + "</div>"


def _claims(summary: Summary, sources: dict[tuple[str, int], list[Optional[_Item]]],
            arts_by_id, speaker_anchor: dict[str, str]) -> str:
    if not summary.claims:
        return '<p class="none">No claims.</p>'
    denial_of: dict[str, list[tuple[int, MergedDenial]]] = defaultdict(list)
    for k, d in enumerate(summary.denials):
        for cid in d.denies:
            denial_of[cid].append((k, d))
    groups: dict[str, list[tuple[int, MergedClaim]]] = {}
    for k, c in enumerate(summary.claims):
        groups.setdefault(c.speaker_id or "name:" + c.speaker, []).append((k, c))
    out = []
    for g, (key, claims) in enumerate(groups.items()):
        speaker = claims[0][1].speaker
        anchor = f"sp-{g}"
        if claims[0][1].speaker_id:
            speaker_anchor.setdefault(claims[0][1].speaker_id, anchor)
        n_flag = sum(_has_flag(c) for _, c in claims)
        rows = []
        for k, c in claims:
            refs = sources[("c", k)]
            lines = "".join(_source_line(r, it, arts_by_id) for r, it in zip(c.sources, refs))
            first = next((it for it in refs if it is not None and it.located), None) or next(
                (it for it in refs if it is not None), None)
            stmt = (
                f'<a class="stmt" href="#src-{first.sid}" data-item="c{k}" data-goto="{first.sid}">{esc(c.statement)}</a>'
                if first is not None else f'<span class="stmt">{esc(c.statement)}</span>'
            )
            aside = ""
            if denial_of.get(c.id):
                ds = "".join(
                    f'<li><a href="#m-d{j}" data-item-link="d{j}"><b>{esc(d.speaker)}</b> denies</a> '
                    f'<span class="id">{esc(d.id)}</span>: {esc(d.denied)}</li>'
                    for j, d in denial_of[c.id]
                )
                aside = f'<aside class="denied"><div class="dh">Denied by</div><ul>{ds}</ul></aside>'
            rows.append(
                f'<li class="item claim{" has-denial" if aside else ""}" id="m-c{k}" data-flagged="{int(_has_flag(c))}">'
                f'<div class="ihead">{_badge(c.status, c.flagged, c.sources[0].speaker_found, state=c.sources[0].state)} {stmt} '
                f'<span class="id">{esc(c.id)}</span></div>'
                f'<div class="ibody"><ul class="srcs">{lines}</ul>{aside}</div></li>'
            )
        count = _plural(len(claims), "claim") + (f' · <span class="fl">{n_flag} flagged</span>' if n_flag else "")
        out.append(
            f'<div class="group" id="{anchor}" data-flagged="{int(n_flag > 0)}">'
            f'<h3>{esc(speaker)} <span class="count">{count}</span></h3><ol class="items">{"".join(rows)}</ol></div>'
        )
    return "".join(out)


def _has_flag(x: Union[MergedClaim, MergedDenial]) -> bool:
    return x.flagged or any(r.flagged for r in x.sources)


def _denials(summary: Summary, sources, arts_by_id) -> str:
    if not summary.denials:
        return '<p class="none">No denials.</p>'
    claim_k = {c.id: k for k, c in enumerate(summary.claims)}
    rows = []
    for k, d in enumerate(summary.denials):
        refs = sources[("d", k)]
        lines = "".join(_source_line(r, it, arts_by_id) for r, it in zip(d.sources, refs))
        first = next((it for it in refs if it is not None and it.located), None)
        text = esc(d.denied)
        stmt = (f'<a class="stmt" href="#src-{first.sid}" data-item="d{k}" data-goto="{first.sid}">{text}</a>'
                if first else f'<span class="stmt">{text}</span>')
        if d.denies:
            answers = " ".join(
                f'<a class="cref" href="#m-c{claim_k[cid]}" data-item-link="c{claim_k[cid]}" '
                f'title="{esc(summary.claims[claim_k[cid]].speaker + ": " + summary.claims[claim_k[cid]].statement)}">'
                f"{esc(cid)}</a>"
                for cid in d.denies if cid in claim_k
            )
            target = f'<div class="answers">answers {answers}</div>'
        else:
            target = '<div class="answers none">no matching claim in these articles</div>'
        rows.append(
            f'<li class="item denial" id="m-d{k}" data-flagged="{int(_has_flag(d))}">'
            f'<div class="ihead">{_badge(d.status, d.flagged, d.sources[0].speaker_found, state=d.sources[0].state)} '
            f'<b class="who">{esc(d.speaker)}</b> denies: {stmt} <span class="id">{esc(d.id)}</span></div>'
            f'<div class="ibody"><div>{target}<ul class="srcs">{lines}</ul></div></div></li>'
        )
    return f'<ol class="items denials">{"".join(rows)}</ol>'


def _timeline(summary: Summary, index, arts_by_id) -> str:
    if not summary.timeline:
        return '<p class="none">No dated events.</p>'
    rows = []
    for k, t in enumerate(summary.timeline):
        flagged = any(s.flagged for s in t.sources) or t.flagged
        srcs = []
        for s in t.sources:
            it = _link(index, s, "event", s.date_text, f"t{k}")
            art = arts_by_id.get(s.article_id)
            where = esc(art.label if art else s.article_id)
            words = f"“{esc(s.date_text)}”"
            if it is not None and (it.located or art is not None):
                target = f"src-{it.sid}" if it.located else f"miss-{it.sid}"
                words = f'<a class="quote" href="#{target}" data-goto="{it.sid}">{words}</a>'
            resolved = f' → {esc(when_text(s.date, s.until))}' if s.date or s.until else ""
            if s.dated_by:
                resolved += f' <span class="anchored">({esc(s.dated_by)})</span>'
            warn = f'<div class="reasons">⚠ {esc("; ".join(s.reasons))}</div>' if s.flagged and s.reasons else ""
            srcs.append(
                f'<li class="src t-{_tone(s.status, s.flagged)}" data-flagged="{int(s.flagged)}">'
                f'{_badge(s.status, s.flagged, date=True)} {words}{resolved} '
                f'<span class="where" title="{esc(s.article_id)}">{where}</span>{warn}</li>'
            )
        date = esc(t.when) if t.sort_date else '<span class="undated">undated</span>'
        prec = f'<span class="prec">{esc(t.precision)}</span>' if t.precision else ""
        conflict = (
            f'<div class="conflict">⚡ conflict: other articles give {esc(", ".join(t.conflict))}</div>'
            if t.conflict else ""
        )
        mark = '<span class="flagmark" title="a date here is flagged">⚠</span>' if flagged else ""
        rows.append(
            f'<li class="item tl{" flagged" if flagged else ""}{" conflicted" if t.conflict else ""}" id="m-t{k}" '
            f'data-flagged="{int(flagged or bool(t.conflict))}">'
            f'<div class="tdate">{mark}{date}{prec}</div>'
            f'<div class="tbody"><div class="tevent">{esc(t.event)}</div>{conflict}<ul class="srcs">{"".join(srcs)}</ul></div></li>'
        )
    return f'<ol class="timeline">{"".join(rows)}</ol>'


def _counts(art: _Art) -> tuple[int, int]:
    flagged = sum(it.v.flagged for it in art.items)
    return len(art.items) - flagged, flagged


_KIND_ORDER = {"claim": 0, "denial": 1, "event": 2}


def _article_items(art: _Art) -> str:
    """The article's own claims, denials and dates beside its text, in reading order."""
    if not art.items:
        return ""
    lis = []
    for it in sorted(art.items, key=lambda it: (_KIND_ORDER[it.kind] if not it.located else -1,
                                                it.v.start if it.located else 0)):
        target = f"src-{it.sid}" if it.located else f"miss-{it.sid}"
        who = f"<b>{esc(it.speaker)}</b>: " if it.speaker else ""
        what = f"“{esc(it.quote)}” " if it.kind == "event" else ""
        lis.append(
            f'<li class="t-{it.tone}" data-flagged="{int(it.v.flagged)}">'
            f'<a href="#{target}" data-goto="{it.sid}"><span class="dot"></span>'
            f'<span class="k">{esc(it.kind)}</span> {what}{who}{esc(it.text)}</a></li>'
        )
    return f'<aside class="aitems"><div class="dh">In this article</div><ul>{"".join(lis)}</ul></aside>'


def _article(art: _Art, open_: bool) -> str:
    res = art.res
    verified, flagged = _counts(art)
    total = verified + flagged
    pct = round(100 * verified / total) if total else 100
    title = esc(res.title) if res.title else esc(res.article_id)
    sub = [f'<span class="aid">{esc(res.article_id)}</span>'] if res.title else []
    if res.published:
        sub.append(f'<span class="pub">{esc(res.published)}</span>')
    if not res.ok:
        counts = '<span class="cnt fail">failed</span>'
    else:
        counts = (
            f'<span class="cnt ok" title="claims, denials and dates the text supports">✓ {verified} verified</span>'
            f'<span class="cnt {"bad" if flagged else "zero"}" title="items a person must check">⚠ {flagged} flagged</span>'
            f'<span class="meter" title="{verified} of {total} verified"><i style="width:{pct}%"></i></span>'
        )
    head = (
        f'<summary><span class="anum">{art.idx + 1}</span><span class="atitle">{title}</span>'
        f'{"".join(sub)}<span class="counts">{counts}</span></summary>'
    )
    body = [f'<div class="asrc">source: {esc(res.source)}</div>']
    if not res.ok:
        body.append(f'<div class="error">This article failed: {esc(res.error)}</div>')
    for w in res.warnings:
        body.append(f'<div class="warn">{esc(w)}</div>')
    missing = [it for it in art.items if not it.located]
    if missing:
        lis = []
        for it in missing:
            who = f"<b>{esc(it.speaker)}</b>, " if it.speaker else ""
            why = "; ".join(it.v.reasons) or "no span matched"
            lis.append(
                f'<li class="miss t-{it.tone}" id="miss-{it.sid}" data-flagged="{int(it.v.flagged)}">'
                f'{_badge(it.v.status, it.v.flagged, it.v.speaker_found, it.kind == "event")} '
                f'{who}{esc(it.kind)}: {esc(it.text)}<div class="mw">model wrote: “{esc(it.quote)}” — '
                f'{"no span in this article matched" if art.text is not None else "article text not included"}'
                f' ({esc(why)})</div></li>'
            )
        body.append(f'<ul class="missing"><li class="mh">Not found in this text</li>{"".join(lis)}</ul>')
    if art.text is not None:
        body.append(f'<div class="text">{highlight(art.text, art.items + art.names, art.boilerplate)}</div>')
    elif res.ok:
        body.append('<div class="warn">The article text was not given to the report.</div>')
    side = _article_items(art)
    return (
        f'<details class="article" id="art-{art.key}" data-flagged="{int(flagged > 0 or not res.ok)}" '
        f'data-verified-count="{verified}" data-flagged-count="{flagged}"{" open" if open_ else ""}>'
        f'{head}<div class="abody"><div class="amain">{"".join(body)}</div>{side}</div></details>'
    )


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------


@register("html", "a self-contained evidence report (use with --out)")
def _html(summary: Summary, articles) -> str:
    return render(summary, list(articles()))


def render(summary: Summary, texts: Texts, boilerplate: Optional[Boilerplate] = None) -> str:
    """The whole report as one self-contained HTML document.

    ``texts`` maps each ``article_id`` to the article's full text (the offsets of every verification
    point into it); a dict of ``Article``s or an iterable of ``Article``s (as ``read_articles``
    yields) is accepted too. ``boilerplate`` maps an ``article_id`` to ``(start, end)`` ranges shown
    dimmed; when omitted, ``Article`` inputs bring their own. Articles without text are listed with
    their items but no highlighted source.
    """
    text_of, bp = _inputs(texts, boilerplate)
    arts, index = _collect(summary, text_of, bp)
    arts_by_id: dict[str, _Art] = {}
    for a in arts:
        arts_by_id.setdefault(a.res.article_id, a)

    # Merged sources -> the article items they stand for.
    sources: dict[tuple[str, int], list[Optional[_Item]]] = {}
    for k, c in enumerate(summary.claims):
        sources[("c", k)] = [_link(index, r, "claim", r.quote, f"c{k}") for r in c.sources]
    for k, d in enumerate(summary.denials):
        sources[("d", k)] = [_link(index, r, "denial", r.quote, f"d{k}") for r in d.sources]

    speaker_anchor: dict[str, str] = {}
    claims_html = _claims(summary, sources, arts_by_id, speaker_anchor)
    denials_html = _denials(summary, sources, arts_by_id)
    timeline_html = _timeline(summary, index, arts_by_id)
    ok = [a for a in summary.articles if a.ok]
    actors_html = _actors(summary.actors, len(ok), speaker_anchor, arts)
    open_ = len(arts) <= OPEN_UP_TO
    articles_html = "".join(_article(a, open_) for a in arts) or '<p class="none">No articles.</p>'

    n_items = sum(len(a.items) for a in arts)
    n_flag_items = sum(it.v.flagged for a in arts for it in a.items)
    n_merged = len(summary.claims) + len(summary.denials)
    failures = ""
    if summary.failures:
        lis = "".join(f"<li><b>{esc(f.source)}</b>: {esc(f.error)}</li>" for f in summary.failures)
        failures = f'<section id="failures"><h2>Failed inputs ({len(summary.failures)})</h2><ul class="failures">{lis}</ul></section>'

    run = summary.run
    run_bits = [f"extractor {esc(run.extractor)}"]
    from .report import answers_text

    # where each answer came from, counted: not the configured model, which a replay never contacted
    run_bits.append(f"answers: {esc(answers_text(summary))}")
    if run.prompt_version:
        run_bits.append(f"prompts {esc(run.prompt_version)}")
    u = summary.usage
    run_bits.append(f"{u.cached_requests}/{u.requests} requests from cache")
    run_bits.append(f"{u.prompt_tokens:,} + {u.completion_tokens:,} tokens")

    data = {
        "items": {},
        "spans": {},
    }
    for k, c in enumerate(summary.claims):
        data["items"][f"c{k}"] = {"id": c.id, "who": c.speaker, "text": c.statement, "tone": _tone(c.status, c.flagged)}
    for k, d in enumerate(summary.denials):
        data["items"][f"d{k}"] = {"id": d.id, "who": d.speaker, "text": "denies: " + d.denied, "tone": _tone(d.status, d.flagged)}
    for k, t in enumerate(summary.timeline):
        data["items"][f"t{k}"] = {"id": t.when, "who": "", "text": t.event,
                                  "tone": "flagged" if any(s.flagged for s in t.sources) else "exact"}
    for k, actor in enumerate(summary.actors):
        data["items"][f"a{k}"] = {"id": actor.name, "who": "", "text": actor.role or actor.kind, "tone": "name"}
    for a in arts:
        for it in a.items + a.names:
            data["spans"][it.sid] = {
                "item": it.merged, "kind": it.kind, "art": a.label, "found": it.located,
                "label": "actor" if it.kind == "actor" else
                _badge_text(it.v.status, it.v.flagged, it.v.speaker_found, it.kind == "event"),
                "tone": it.tone, "quote": it.quote, "reasons": it.v.reasons,
            }

    script = _JS
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    n_ok = len(ok)
    title = f"Evidence report: {_plural(n_ok, 'article')}"
    stats = (
        f'<div class="stat"><b>{n_ok}</b><span>{"article" if n_ok == 1 else "articles"}</span></div>'
        f'<div class="stat"><b>{len(summary.actors)}</b><span>actors</span></div>'
        f'<div class="stat"><b>{len(summary.claims)}</b><span>claims</span></div>'
        f'<div class="stat"><b>{len(summary.denials)}</b><span>denials</span></div>'
        f'<div class="stat"><b>{len(summary.timeline)}</b><span>dated events</span></div>'
        f'<div class="stat ok"><b>{n_items - n_flag_items}</b><span>quotes &amp; dates verified</span></div>'
        f'<button type="button" class="stat bad{" zero" if not n_flag_items else ""}" data-action="flagged" '
        f'title="show only flagged items" id="flagged-total" data-count="{n_flag_items}">'
        f'<b>{n_flag_items}</b><span>quotes &amp; dates flagged</span></button>'
        + (f'<div class="stat bad"><b>{len(summary.failures)}</b><span>inputs failed</span></div>' if summary.failures else "")
    )
    legend = (
        '<span class="lg hl t-exact">verified</span><span class="lg hl t-normalized">normalised</span>'
        '<span class="lg hl t-fuzzy">fuzzy</span><span class="lg hl t-flagged">flagged</span>'
        '<span class="lg hl date t-exact">date</span><span class="lg bp">page furniture</span>'
    )
    page = f"""<!doctype html>
{GENERATED_MARKER}
<html lang="en">
<head>
<meta name="generator" content="summarizer">
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{esc(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header class="top">
<h1>Evidence report <span class="sub">{_plural(n_ok, "article")} · {_plural(n_merged, "merged claim or denial", "merged claims and denials")}, {summary.flagged_count} flagged</span></h1>
<p class="run">{" · ".join(run_bits)}</p>
<div class="stats">{stats}</div>
</header>
<nav class="bar" aria-label="report controls">
<label class="toggle"><input type="checkbox" id="only-flagged"> Show only flagged</label>
<span class="links"><a href="#actors">Actors</a><a href="#claims">Claims</a><a href="#denials">Denials</a><a href="#timeline">Timeline</a><a href="#articles">Articles</a></span>
<span class="legend">{legend}</span>
<span class="btns"><button type="button" data-action="expand">Expand all</button><button type="button" data-action="collapse">Collapse all</button></span>
</nav>
<main>
<section id="actors"><h2>Actors <span class="count">{len(summary.actors)}</span></h2>{actors_html}</section>
<section id="claims"><h2>Claims by speaker <span class="count">{len(summary.claims)}</span></h2>
<p class="hint">Click a statement or a quote to see its words in the article; click highlighted words to come back.</p>
{claims_html}</section>
<section id="denials"><h2>Denials <span class="count">{len(summary.denials)}</span></h2>{denials_html}</section>
<section id="timeline"><h2>Timeline <span class="count">{len(summary.timeline)}</span></h2>{timeline_html}</section>
{failures}
<section id="articles"><h2>Articles <span class="count">{len(arts)}</span></h2>{articles_html}</section>
<p class="empty-note" id="no-flags">Nothing is flagged.</p>
</main>
<div id="focus" class="focus" hidden><span class="fbadge badge"></span><div class="fmain"><div class="ftext"></div><div class="fwhere"></div></div>
<button type="button" data-action="back">Back to claim</button><button type="button" data-action="close" aria-label="close">✕</button></div>
<script type="application/json" id="report-data">{_json_for_script(data)}</script>
<script>{script}</script>
</body>
</html>
"""
    return page


_CSS = """
:root{--ink:#1d2330;--mute:#5f6b7a;--line:#e3e7ee;--bg:#f6f7fa;--card:#fff;
--ex:#1e7b3a;--ex-bg:#dff3e4;--ex-hl:rgba(46,160,80,.22);
--no:#1a5fa8;--no-bg:#e1edfb;--no-hl:rgba(60,130,230,.22);
--fz:#8a5a00;--fz-bg:#fdf0cc;--fz-hl:rgba(245,180,0,.32);
--fl:#b3261e;--fl-bg:#fde4e2;--fl-hl:rgba(230,60,50,.26);--dt:#6c47b8}
*{box-sizing:border-box}
html{scroll-padding-top:64px}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:inherit}
.top{padding:22px 32px 14px;background:linear-gradient(180deg,#fff,#fbfcfe);border-bottom:1px solid var(--line)}
h1{margin:0 0 4px;font-size:26px;letter-spacing:-.01em}
h1 .sub{font-size:15px;font-weight:500;color:var(--mute);margin-left:8px}
.run{margin:0 0 14px;color:var(--mute);font-size:13px}
.stats{display:flex;flex-wrap:wrap;gap:10px}
.stat{display:flex;flex-direction:column;min-width:104px;padding:8px 14px;border:1px solid var(--line);border-radius:10px;background:#fff;font:inherit;text-align:left;color:inherit}
.stat b{font-size:22px;line-height:1.1}.stat span{font-size:12px;color:var(--mute)}
.stat.ok b{color:var(--ex)}.stat.bad{border-color:#f3c1bd;background:#fff7f6;cursor:pointer}.stat.bad b{color:var(--fl)}
.stat.bad.zero{border-color:var(--line);background:#fff;cursor:default}.stat.bad.zero b{color:var(--mute)}
.bar{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;align-items:center;gap:8px 18px;padding:9px 32px;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);box-shadow:0 1px 4px rgba(20,30,50,.05)}
.toggle{font-weight:600;cursor:pointer;padding:4px 10px;border-radius:8px;background:var(--fl-bg);color:var(--fl);user-select:none}
.toggle input{margin:0 6px 0 0;vertical-align:-2px;accent-color:var(--fl)}
.links a{margin-right:12px;color:var(--mute);text-decoration:none;font-size:14px}.links a:hover{color:var(--ink);text-decoration:underline}
.legend{display:flex;gap:6px;flex-wrap:wrap;font-size:12px}.lg{padding:1px 7px;border-radius:4px}
.btns{margin-left:auto}
.bar button,.focus button{font:inherit;font-size:13px;padding:3px 10px;border:1px solid var(--line);border-radius:7px;background:#fff;cursor:pointer;margin-left:6px}
.bar button:hover,.focus button:hover{background:var(--bg)}
main{max-width:1240px;margin:0 auto;padding:8px 32px 80px}
section{margin-top:26px}
h2{font-size:19px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h2 .count,h3 .count{font-size:13px;font-weight:500;color:var(--mute);margin-left:6px}
.hint{margin:-4px 0 12px;color:var(--mute);font-size:13px}
.none{color:var(--mute)}
.actors{display:grid;grid-template-columns:repeat(auto-fill,minmax(285px,1fr));gap:8px}
.actor{background:var(--card);border:1px solid var(--line);border-radius:9px;padding:6px 11px}
.aname{font-weight:650;display:flex;align-items:baseline;gap:8px}.aname .nm{flex:1;min-width:0}.aname a{text-decoration:none;border-bottom:1px dotted var(--mute)}
.kind{font-size:10.5px;font-weight:500;color:var(--mute);border:1px solid var(--line);border-radius:9px;padding:0 6px;margin-right:2px;vertical-align:1px}
.adesc{font-size:12.5px;color:var(--mute);line-height:1.35;margin-top:1px}.aka span{color:#3a4352}
.mentions{margin-left:auto;display:flex;align-items:center;gap:6px;font-size:12px;font-weight:500;color:var(--mute);white-space:nowrap}
.meter{display:inline-block;width:48px;height:6px;border-radius:3px;background:#eceff4;overflow:hidden;vertical-align:middle}
.meter i{display:block;height:100%;background:var(--ex)}
.group{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 16px 6px;margin-bottom:14px}
h3{margin:0 0 8px;font-size:16px}.fl{color:var(--fl);font-weight:600}
ol.items{list-style:none;margin:0;padding:0}
.item{padding:9px 8px;border-top:1px solid var(--line);border-radius:6px;scroll-margin:90px}
.group .item:first-child{border-top:0}
.denials .item{background:var(--card);border:1px solid var(--line);margin-bottom:8px;padding:10px 14px}
.ihead{font-size:15px}
.stmt{font-weight:600;text-decoration:none;cursor:pointer}.stmt:hover{text-decoration:underline}
a.stmt::after{content:" ↘";color:var(--mute);font-weight:400}
.id{font-size:12px;color:var(--mute);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.ibody{display:flex;gap:16px;align-items:flex-start}
.ibody>ul,.ibody>div{flex:1;min-width:0}
ul.srcs{list-style:none;margin:5px 0 0;padding:0 0 0 10px;border-left:3px solid var(--line)}
.src{font-size:13.5px;margin:3px 0;color:#343c4a}
.src .quote{font-family:Georgia,"Times New Roman",serif;font-size:14.5px;text-decoration:none}
a.quote{cursor:pointer;border-bottom:1px dashed #b8c0cc}a.quote:hover{background:#f0f3f8}
.quote.missing{color:var(--fl)}.mw{font-family:system-ui,sans-serif;font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--fl);margin-right:3px}
.where{font-size:12px;color:var(--mute);white-space:nowrap;margin-left:4px}.where.nomatch{color:var(--fl);font-weight:600}
.reasons{color:var(--fl);font-size:12.5px;margin:1px 0 0}
.matched{font-size:12.5px;color:var(--mute);font-family:Georgia,serif}
.diffs{font-size:12.5px}.diff{display:inline-block;margin-right:10px;color:#7a1d17}
aside.denied{flex:0 0 300px;background:#f6f2ff;border:1px solid #e2d9f7;border-radius:8px;padding:6px 10px;font-size:13px}
aside.denied .dh{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:#6c47b8;font-weight:700}
aside.denied ul{margin:2px 0 0;padding-left:16px}aside.denied a{text-decoration:none;color:#4b2f8f}
.who{font-weight:650}.answers{font-size:13px;color:var(--mute);margin-top:3px}
.cref{display:inline-block;font-family:ui-monospace,monospace;font-size:12px;padding:0 5px;margin:0 2px 2px 0;border:1px solid var(--line);border-radius:5px;text-decoration:none;color:var(--ink);background:#fff}
.cref:hover{background:var(--bg)}
.badge{display:inline-block;font-size:11.5px;font-weight:650;line-height:18px;padding:0 7px;border-radius:9px;white-space:nowrap;vertical-align:1px}
.badge.t-exact{background:var(--ex-bg);color:var(--ex)}.badge.t-normalized{background:var(--no-bg);color:var(--no)}
.badge.t-fuzzy{background:var(--fz-bg);color:var(--fz)}.badge.t-flagged{background:var(--fl);color:#fff}
ol.timeline{list-style:none;margin:0 0 0 118px;padding:0;border-left:3px solid var(--line)}
.tl{display:flex;gap:14px;position:relative;padding:4px 0 6px 16px;border-top:0;border-radius:0}
.tl::before{content:"";position:absolute;left:-8px;top:10px;width:11px;height:11px;border-radius:50%;background:#fff;border:2px solid #9aa6b6}
.tl.flagged::before{border-color:var(--fl);background:var(--fl)}.tl.conflicted::before{border-color:#d08700;background:#ffd27a}
.tdate{position:absolute;left:-124px;width:104px;text-align:right;font-weight:650;font-size:13.5px;top:5px;white-space:nowrap;font-variant-numeric:tabular-nums}
.tl.flagged .tdate{color:var(--fl)}.undated{color:var(--mute);font-weight:500}.anchored{color:var(--mute);font-size:.9em}.flagmark{margin-right:3px}
.prec{display:block;font-size:11px;font-weight:400;color:var(--mute);line-height:1.1}
.tevent{font-weight:550}.tbody{flex:1}.tl ul.srcs{margin-top:2px}
.conflict{display:inline-block;margin:2px 0;font-size:12.5px;font-weight:600;color:#8a5300;background:#fff1d6;border-radius:6px;padding:0 7px}
details.article{background:var(--card);border:1px solid var(--line);border-radius:10px;margin-bottom:8px}
details.article>summary{display:flex;align-items:center;gap:10px;flex-wrap:wrap;padding:9px 14px;cursor:pointer;list-style:none}
details.article>summary::-webkit-details-marker{display:none}
details.article>summary::before{content:"▸";color:var(--mute);width:10px}
details.article[open]>summary::before{content:"▾"}
details.article[open]>summary{border-bottom:1px solid var(--line)}
.anum{font-size:12px;font-weight:700;color:#fff;background:#6b7686;border-radius:9px;padding:0 7px}
.atitle{font-weight:650;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:14px}
.aid,.pub{font-size:12.5px;color:var(--mute)}
.counts{margin-left:auto;display:flex;align-items:center;gap:8px;font-size:13px}
.cnt{padding:0 8px;border-radius:9px;font-weight:600}.cnt.ok{color:var(--ex);background:var(--ex-bg)}
.cnt.bad{color:#fff;background:var(--fl)}.cnt.zero{color:var(--mute);background:#eef0f4}.cnt.fail{color:#fff;background:#555}
.abody{display:flex;gap:28px;align-items:flex-start;padding:10px 18px 16px}.amain{flex:1;min-width:0}
aside.aitems{flex:0 0 330px;position:sticky;top:62px;max-height:calc(100vh - 80px);overflow:auto;font-size:13px;background:#fafbfc;border:1px solid var(--line);border-radius:8px;padding:8px 10px}
aside.aitems .dh{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--mute);font-weight:700;margin-bottom:4px}
aside.aitems ul{list-style:none;margin:0;padding:0}aside.aitems li{margin:0 0 5px}
aside.aitems a{display:block;text-decoration:none;line-height:1.35;padding:2px 4px;border-radius:5px}aside.aitems a:hover{background:#eef1f6}
aside.aitems .k{font-size:10.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--mute)}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:5px;vertical-align:1px}
.t-exact>a>.dot{background:var(--ex)}.t-normalized>a>.dot{background:var(--no)}.t-fuzzy>a>.dot{background:#e0a100}.t-flagged>a>.dot{background:var(--fl)}
aside.aitems .t-flagged a{color:var(--fl)}
.asrc{font-size:12px;color:var(--mute);margin-bottom:6px}
.error{color:var(--fl);font-weight:600}.warn{color:#8a5300;font-size:13px}
ul.missing{list-style:none;margin:4px 0 12px;padding:8px 12px;background:#fff6f5;border:1px solid #f3c9c5;border-radius:8px;font-size:13.5px}
.mh{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--fl);font-weight:700}
li.miss{margin:4px 0;padding:2px 4px;border-radius:5px}
li.miss .mw{display:block;text-transform:none;letter-spacing:0;font-size:13px;font-family:Georgia,serif;color:#5a2420}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:16px/1.7 Georgia,"Times New Roman",serif;max-width:80ch;color:#222}
mark.hl,.lg.hl{color:inherit;border-radius:3px;padding:1px 0;cursor:pointer}
.hl.t-exact{background:var(--ex-hl)}.hl.t-normalized{background:var(--no-hl)}.hl.t-fuzzy{background:var(--fz-hl)}
.hl.t-flagged{background:var(--fl-hl);text-decoration:underline wavy var(--fl);text-decoration-thickness:1px;text-underline-offset:3px}
.hl.date{background:rgba(108,71,184,.10);box-shadow:inset 0 -2px 0 var(--dt)}
.hl.date.t-flagged{background:var(--fl-hl);box-shadow:inset 0 -2px 0 var(--fl)}
.hl.dated{box-shadow:inset 0 -2px 0 var(--dt)}
.hl.ov{box-shadow:inset 0 -2px 0 rgba(0,0,0,.35)}
.hl.t-name{background:none;border-bottom:1px dotted #8a94a3;border-radius:0}
.ain{margin-top:2px;font-size:12px}.ain a,.ain span{display:inline-block;min-width:18px;text-align:center;margin-right:2px;border:1px solid var(--line);border-radius:5px;text-decoration:none;color:var(--ink);background:#fafbfc;font-size:11.5px}
.ain a:hover{background:#eef1f6}.ain span{color:var(--mute);border-style:dashed}
.badge.t-name{background:#e9ecf2;color:#3a4352}
body.only-flagged .text mark.hl.t-name{border-bottom:0}
.bp,.lg.bp{color:#9aa2ad;background:repeating-linear-gradient(-45deg,transparent 0 6px,rgba(0,0,0,.035) 6px 12px)}
.lg.bp{border:1px solid var(--line)}
.active{outline:3px solid #1d2330;outline-offset:1px;animation:pulse 1.2s ease-out 1}
.item.active,li.miss.active{outline:3px solid #3b6fd8;background:#eef4ff}
aside.aitems a.active{outline:2px solid #3b6fd8;outline-offset:0;background:#eef4ff;animation:none}
@keyframes pulse{0%{outline-color:#3b6fd8}100%{outline-color:#1d2330}}
body.only-flagged [data-flagged="0"]{display:none}
body.only-flagged ul.srcs .src[data-flagged="0"]{display:list-item;opacity:.55}
body.only-flagged .text mark.hl:not(.t-flagged){background:none;box-shadow:none}
body.only-flagged #actors{display:none}
.empty-note{display:none;color:var(--mute)}
body.only-flagged.nothing-flagged .empty-note{display:block}
.focus{position:fixed;left:50%;bottom:16px;transform:translateX(-50%);z-index:9;display:flex;align-items:center;gap:10px;max-width:min(960px,94vw);padding:9px 12px 9px 14px;background:#1d2330;color:#fff;border-radius:12px;box-shadow:0 8px 28px rgba(10,20,40,.35);font-size:14px}
.focus[hidden]{display:none}
.focus .fmain{flex:1;min-width:0}.focus .ftext{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.focus .fwhere{color:#b9c2d0;font-size:12.5px}
.focus button{color:var(--ink)}
.focus .badge.t-flagged{background:#ff6b60}
@media (max-width:900px){.abody{flex-direction:column}aside.aitems{position:static;flex-basis:auto;width:100%;max-height:none}}
@media (max-width:800px){.ibody{flex-direction:column}aside.denied{flex-basis:auto;width:100%}main,.top,.bar{padding-left:14px;padding-right:14px}}
@media print{.bar,.focus{display:none}details.article{break-inside:auto}}
"""

_JS = r"""(function () {
"use strict";
var data = JSON.parse(document.getElementById("report-data").textContent);
var body = document.body, box = document.getElementById("only-flagged");
var focus = document.getElementById("focus"), lit = [], backTo = null;
var SAFE = /^[a-z0-9]+$/;
function light(els) {
  lit.forEach(function (el) { el.classList.remove("active"); });
  lit = els; els.forEach(function (el) { el.classList.add("active"); });
}
function reveal(el) {
  for (var d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
  if (box.checked && el.offsetParent === null) setFiltered(false);
}
function show(el) { el.scrollIntoView({block: "center", inline: "nearest"}); }
function goSpan(sid) {
  if (!SAFE.test(sid)) return;
  var els = Array.prototype.slice.call(document.querySelectorAll('mark[data-spans~="' + sid + '"]'));
  if (!els.length) { var m = document.getElementById("miss-" + sid); if (m) els = [m]; }
  if (!els.length) return;
  var side = document.querySelectorAll('aside.aitems a[data-goto="' + sid + '"]');
  reveal(els[0]); light(els.concat(Array.prototype.slice.call(side))); show(els[0]);
  var s = data.spans[sid] || {}, it = s.item && data.items[s.item];
  backTo = s.item || null;
  focus.querySelector(".fbadge").textContent = s.label || "";
  focus.querySelector(".fbadge").className = "fbadge badge t-" + (s.tone || "exact");
  focus.querySelector(".ftext").textContent = it ? (it.id + " · " + (it.who ? it.who + ": " : "") + it.text) : (s.quote || "");
  focus.querySelector(".fwhere").textContent = (s.art || "") + (s.found ? "" : " · no span matched") +
    (s.reasons && s.reasons.length ? " · " + s.reasons.join("; ") : "");
  focus.querySelector('[data-action="back"]').hidden = !backTo;
  focus.hidden = false;
}
function goItem(mid) {
  if (!SAFE.test(mid)) return;
  var el = document.getElementById("m-" + mid);
  if (!el) return;
  reveal(el); light([el]); show(el);
}
function setFiltered(on) {
  box.checked = on;
  body.classList.toggle("only-flagged", on);
}
document.addEventListener("click", function (ev) {
  var t = ev.target.closest("[data-goto],[data-item-link],[data-action],mark.hl");
  if (!t || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
  if (t.hasAttribute("data-goto")) { ev.preventDefault(); goSpan(t.getAttribute("data-goto")); }
  else if (t.hasAttribute("data-item-link")) { ev.preventDefault(); goItem(t.getAttribute("data-item-link")); }
  else if (t.tagName === "MARK") {
    if (window.getSelection && String(window.getSelection()).length) return;
    var ids = (t.getAttribute("data-spans") || "").split(" ");
    for (var i = 0; i < ids.length; i++) {
      var s = data.spans[ids[i]];
      if (s && s.item) { goItem(s.item); return; }
    }
  } else {
    var a = t.getAttribute("data-action");
    if (a === "flagged") setFiltered(!box.checked);
    else if (a === "expand" || a === "collapse")
      document.querySelectorAll("details.article").forEach(function (d) { d.open = a === "expand"; });
    else if (a === "back" && backTo) goItem(backTo);
    else if (a === "close") { focus.hidden = true; light([]); }
  }
});
box.addEventListener("change", function () { setFiltered(box.checked); });
document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { focus.hidden = true; light([]); } });
if (document.getElementById("flagged-total").getAttribute("data-count") === "0") body.classList.add("nothing-flagged");
setFiltered(box.checked);
})();
"""
