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
  ``\u003c`` etc. There are no inline event handlers: the script listens on ``document``.
* **Fast for many articles.** Highlighting is done here, in Python: spans (which may nest or overlap)
  are cut into segments at every boundary, and each segment becomes one ``<mark>`` carrying the ids
  of all spans covering it. Articles are collapsed ``<details>`` once there are more than a few, so
  the browser lays out only what is opened. The script is a few event listeners.
"""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from importlib import resources
from typing import Optional, Union

from .formats import register
from .html_spans import (
    article_inputs,
    ArticleView,
    badge_html,
    badge_text,
    Boilerplate,
    collect_spans,
    esc,
    highlight,
    json_for_script,
    link_span,
    OPEN_UP_TO,
    plural,
    SpanItem,
    Texts,
    tone_of,
)
from .ingest import GENERATED_MARKER
from .models import (
    MergedActor,
    MergedClaim,
    MergedDenial,
    SourceRef,
    Status,
    Summary,
    Verification,
    when_text,
)

__all__ = ["render", "esc"]


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


def _source_line(ref: SourceRef, item: Optional[SpanItem], arts_by_id: dict[str, ArticleView]) -> str:
    art = arts_by_id.get(ref.article_id)
    where = esc(art.label if art else ref.article_id)
    title = esc(ref.article_id)
    flagged = "1" if ref.flagged else "0"
    tone = tone_of(ref.status, ref.flagged)
    badge = badge_html(ref.status, ref.flagged, ref.speaker_found, state=ref.state)
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


def _actors(actors: list[MergedActor], n_ok: int, speaker_anchor: dict[str, str], arts: list[ArticleView]) -> str:
    if not actors:
        return '<p class="none">No actors.</p>'
    first: dict[tuple[str, int], SpanItem] = {}
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


def _claims(summary: Summary, sources: dict[tuple[str, int], list[Optional[SpanItem]]],
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
                f'<div class="ihead">{badge_html(c.status, c.flagged, c.sources[0].speaker_found, state=c.sources[0].state)} {stmt} '
                f'<span class="id">{esc(c.id)}</span></div>'
                f'<div class="ibody"><ul class="srcs">{lines}</ul>{aside}</div></li>'
            )
        count = plural(len(claims), "claim") + (f' · <span class="fl">{n_flag} flagged</span>' if n_flag else "")
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
            f'<div class="ihead">{badge_html(d.status, d.flagged, d.sources[0].speaker_found, state=d.sources[0].state)} '
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
            it = link_span(index, s, "event", s.date_text, f"t{k}")
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
                f'<li class="src t-{tone_of(s.status, s.flagged)}" data-flagged="{int(s.flagged)}">'
                f'{badge_html(s.status, s.flagged, date=True)} {words}{resolved} '
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


def _counts(art: ArticleView) -> tuple[int, int]:
    flagged = sum(it.v.flagged for it in art.items)
    return len(art.items) - flagged, flagged


_KIND_ORDER = {"claim": 0, "denial": 1, "event": 2}


def _article_items(art: ArticleView) -> str:
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


def _article(art: ArticleView, open_: bool) -> str:
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
                f'{badge_html(it.v.status, it.v.flagged, it.v.speaker_found, it.kind == "event")} '
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


@register("html", "a self-contained evidence report (use with --out)", needs_articles=True)
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
    text_of, bp = article_inputs(texts, boilerplate)
    arts, index = collect_spans(summary, text_of, bp)
    arts_by_id: dict[str, ArticleView] = {}
    for a in arts:
        arts_by_id.setdefault(a.res.article_id, a)

    # Merged sources -> the article items they stand for.
    sources: dict[tuple[str, int], list[Optional[SpanItem]]] = {}
    for k, c in enumerate(summary.claims):
        sources[("c", k)] = [link_span(index, r, "claim", r.quote, f"c{k}") for r in c.sources]
    for k, d in enumerate(summary.denials):
        sources[("d", k)] = [link_span(index, r, "denial", r.quote, f"d{k}") for r in d.sources]

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
        data["items"][f"c{k}"] = {"id": c.id, "who": c.speaker, "text": c.statement, "tone": tone_of(c.status, c.flagged)}
    for k, d in enumerate(summary.denials):
        data["items"][f"d{k}"] = {"id": d.id, "who": d.speaker, "text": "denies: " + d.denied, "tone": tone_of(d.status, d.flagged)}
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
                badge_text(it.v.status, it.v.flagged, it.v.speaker_found, it.kind == "event"),
                "tone": it.tone, "quote": it.quote, "reasons": it.v.reasons,
            }

    script = _JS
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    n_ok = len(ok)
    title = f"Evidence report: {plural(n_ok, 'article')}"
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
<h1>Evidence report <span class="sub">{plural(n_ok, "article")} · {plural(n_merged, "merged claim or denial", "merged claims and denials")}, {summary.flagged_count} flagged</span></h1>
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
<script type="application/json" id="report-data">{json_for_script(data)}</script>
<script>{script}</script>
</body>
</html>
"""
    return page


def _asset(name: str) -> str:
    """The report's stylesheet and script, kept as files (report_assets/) so they read as CSS and JS."""
    return resources.files("summarizer").joinpath("report_assets", name).read_text(encoding="utf-8")


_CSS = _asset("report.css")
_JS = _asset("report.js")
