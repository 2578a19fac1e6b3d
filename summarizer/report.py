"""Rendering a Summary: Markdown for people (and terminals), JSON for programs.

Everything that came from an article or a model is untrusted text. In Markdown it is escaped so that
a quote cannot open a link, an image or raw HTML in whatever renders the report; JSON is escaped by
construction.
"""

from __future__ import annotations

import json
import re
import sys

from .formats import register
from .ingest import GENERATED_MARKER
from .models import STATE_LABELS, ItemState, MergedActor, SourceRef, Status, Summary

BADGE = {
    Status.exact: "verified",
    Status.normalized: "verified (normalised)",
    Status.fuzzy: "verified (fuzzy)",
    Status.altered: "FLAGGED: altered",
    Status.unsupported: "FLAGGED: unsupported",
}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def md_escape(text: str | None) -> str:
    """Inert Markdown: special characters backslashed, line breaks folded, control characters dropped."""
    if not text:
        return ""
    text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    text = " ".join(text.split())
    # entities for what HTML would read (safe in every Markdown renderer), backslashes for the rest
    text = "".join(_HTML_SPECIAL.get(ch, ch) for ch in text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _flagged_sources(summary: Summary) -> int:
    return (sum(r.flagged for c in summary.claims for r in c.sources)
            + sum(r.flagged for d in summary.denials for r in d.sources)
            + sum(s.flagged for t in summary.timeline for s in t.sources))


def _badge(status: Status, flagged: bool, reasons: list[str], state: ItemState = ItemState.verified) -> str:
    if flagged and status not in (Status.altered, Status.unsupported):
        return "**FLAGGED: " + md_escape("; ".join(reasons) or "check") + "**"
    if not flagged and state is not ItemState.verified:
        return f"`{STATE_LABELS[state]}`"  # the words are there, but not who said them (or too few to tell)
    label = BADGE[status]
    return f"**{label}**" if flagged else f"`{label}`"


def _state_mark(ref: SourceRef) -> str:
    if ref.flagged:
        return " ⚠ " + md_escape("; ".join(ref.reasons))
    return f" — {STATE_LABELS[ref.state]}" if ref.state is not ItemState.verified else ""


def _unconfirmed(summary: Summary) -> int:
    refs = [r for c in summary.claims for r in c.sources] + [r for d in summary.denials for r in d.sources]
    return sum(r.state in (ItemState.speaker_unconfirmed, ItemState.too_short) for r in refs)


def answers_text(summary: Summary) -> str:
    """Where each answer came from, with a count per source, as every format shows it."""
    if not summary.run.answers:
        return "none"
    return ", ".join(f"{n} from {where}" for where, n in sorted(summary.run.answers.items(), key=lambda x: -x[1]))


def _where(ref: SourceRef) -> str:
    span = f" @{ref.start}-{ref.end}" if ref.start is not None else ""
    return f"{md_escape(ref.article_id)}{span}"


def _actor_line(a: MergedActor) -> str:
    role = f", {md_escape(a.role)}" if a.role else ""
    aka = f" — also: {', '.join(md_escape(x) for x in a.aliases)}" if a.aliases else ""
    n = len(a.articles)
    return f"- **{md_escape(a.name)}** ({a.kind}{role}){aka} — {n} article{'s' if n != 1 else ''}"


def to_markdown(summary: Summary) -> str:
    ok = [a for a in summary.articles if a.ok]
    n_items = len(summary.claims) + len(summary.denials)
    lines = [
        f"# Summary of {len(ok)} article{'s' if len(ok) != 1 else ''}",
        "",
        f"{n_items} merged claims and denials, **{summary.flagged_count} flagged** "
        f"(**{_flagged_sources(summary)} flagged quotes and dates** in all, listed at the end; "
        f"{_unconfirmed(summary)} quotes with the speaker unconfirmed or too short to check, not flagged); "
        f"{len(summary.failures)} input{'s' if len(summary.failures) != 1 else ''} failed.",
        f"Extractor: {md_escape(summary.run.extractor)}; answers: {md_escape(answers_text(summary))}"
        + f"; {summary.usage.cached_requests}/{summary.usage.requests} requests answered from cache;"
        f" tokens: {summary.usage.prompt_tokens} prompt + {summary.usage.completion_tokens} completion"
        + (f" (about {summary.usage.prompt_overhead_tokens // max(1, len(ok))} prompt tokens per article are "
           "instructions and schema)" if summary.usage.prompt_overhead_tokens else "")
        + ".",
        "",
        "## Actors",
        "",
    ]
    lines += [_actor_line(a) for a in summary.actors] or ["(none)"]

    lines += ["", "## Claims", ""]
    by_speaker: dict[str, list] = {}
    for c in summary.claims:
        by_speaker.setdefault(c.speaker, []).append(c)
    denial_of: dict[str, list] = {}
    for d in summary.denials:
        for cid in d.denies:
            denial_of.setdefault(cid, []).append(d)
    for speaker, claims in by_speaker.items():
        lines.append(f"### {md_escape(speaker)}")
        lines.append("")
        for c in claims:
            best = c.sources[0]
            lines.append(f"- {_badge(c.status, c.flagged, best.reasons, best.state)} {md_escape(c.statement)} [{c.id}]")
            for ref in c.sources:
                mark = _state_mark(ref)
                lines.append(f"  - “{md_escape(ref.quote)}” — {_where(ref)} ({ref.status.value}){mark}")
            deniers: dict[str, list[str]] = {}
            for d in denial_of.get(c.id, []):
                deniers.setdefault(d.speaker, []).append(d.id)
            if deniers:  # one line per claim, each denier once: the denials themselves are listed below
                lines.append("  - denied by " + "; ".join(
                    f"**{md_escape(who)}** [{', '.join(ids)}]" for who, ids in deniers.items()))
        lines.append("")
    if not summary.claims:
        lines += ["(none)", ""]

    lines += ["## Denials", ""]
    for d in summary.denials:
        target = f" (answers {', '.join(d.denies)})" if d.denies else " (no matching claim in these articles)"
        lines.append(
            f"- {_badge(d.status, d.flagged, d.sources[0].reasons, d.sources[0].state)} **{md_escape(d.speaker)}** denies: "
            f"{md_escape(d.denied)}{target} [{d.id}]"
        )
        for ref in d.sources:
            mark = _state_mark(ref)
            lines.append(f"  - “{md_escape(ref.quote)}” — {_where(ref)} ({ref.status.value}){mark}")
    if not summary.denials:
        lines.append("(none)")

    lines += ["", "## Timeline", ""]
    for t in summary.timeline:
        date = t.when
        conflict = f" — **other articles say {', '.join(t.conflict)}**" if t.conflict else ""
        flag = ""
        reasons = sorted({r for s in t.sources for r in s.reasons})
        if any(s.flagged for s in t.sources):
            flag = " ⚠ " + md_escape("; ".join(reasons))
        srcs = ", ".join(f"{md_escape(s.article_id)} “{md_escape(s.date_text)}”"
                         + (f", {md_escape(s.dated_by)}" if s.dated_by else "") for s in t.sources)
        lines.append(f"- **{date}** {md_escape(t.event)} ({srcs}){conflict}{flag}")
    if not summary.timeline:
        lines.append("(none)")

    flagged = [(c.id, c.speaker, ref) for c in summary.claims for ref in c.sources if ref.flagged]
    flagged += [(d.id, d.speaker, ref) for d in summary.denials for ref in d.sources if ref.flagged]
    dated = [(t, s) for t in summary.timeline for s in t.sources if s.flagged]
    lines += ["", f"## Flagged ({len(flagged) + len(dated)})", ""]
    for item_id, speaker, ref in flagged:
        lines.append(
            f"- [{item_id}] {md_escape(speaker)}: “{md_escape(ref.quote)}” — {ref.status.value}; "
            f"{md_escape('; '.join(ref.reasons))} ({_where(ref)})"
        )
    for t, src in dated:
        lines.append(
            f"- [timeline] {md_escape(t.event)}: “{md_escape(src.date_text)}” — "
            f"{md_escape('; '.join(src.reasons))} ({md_escape(src.article_id)})"
        )
    if not flagged and not dated:
        lines.append("(none)")

    if summary.omissions:
        lines += ["", f"## Possible omissions ({len(summary.omissions)})", "",
                  "Direct quotes in the articles that no claim or denial covers:", ""]
        for o in summary.omissions:
            who = md_escape(o.speaker) if o.speaker else "unattributed"
            lines.append(f"- {who}: “{md_escape(o.text)}” — {md_escape(o.article_id)} @{o.start}-{o.end}")

    if summary.failures:
        lines += ["", f"## Failed inputs ({len(summary.failures)})", ""]
        lines += [f"- {md_escape(f.source)}: {md_escape(f.error)}" for f in summary.failures]
    return "\n".join(lines).rstrip() + "\n\n" + GENERATED_MARKER + "\n"


def print_terminal(markdown: str, file=None) -> None:
    """The Markdown report on a terminal: flagged items in red, verified ones green; plain when piped.

    Colour is rich's call (a TTY, or FORCE_COLOR set; never with NO_COLOR), so piping the output or
    redirecting it to a file gives exactly the Markdown text.
    """
    from rich.console import Console
    from rich.highlighter import RegexHighlighter
    from rich.theme import Theme

    class _Flags(RegexHighlighter):
        highlights = [
            r"(?P<flag>FLAGGED[^*\n]*|⚠[^\n]*)",
            r"(?P<ok>`verified[^`]*`)",
            r"(?P<head>^#+ .*$)",
        ]

    console = Console(file=file, highlighter=_Flags(), soft_wrap=True,
                      theme=Theme({"flag": "bold red", "ok": "green", "head": "bold cyan"}))
    if not console.is_terminal and not console.color_system:
        (file or sys.stdout).write(markdown)
        return
    for line in markdown.splitlines():
        console.print(line, markup=False, emoji=False)


def to_json(summary: Summary) -> str:
    return summary.model_dump_json(indent=2) + "\n"


@register("md", "readable text (colour on a terminal)", terminal=True)
def _md(summary: Summary, _articles) -> str:
    return to_markdown(summary)


@register("json", "the whole Summary (schemas/summary.schema.json)")
def _json(summary: Summary, _articles) -> str:
    return to_json(summary)


def render(summary: Summary, fmt: str) -> str:
    if fmt == "md":
        return to_markdown(summary)
    if fmt == "json":
        return to_json(summary)
    raise ValueError(f"unknown format {fmt!r}")


def export_schemas() -> dict[str, str]:
    """The JSON Schemas kept in ``schemas/``: file name -> text."""
    from .models import ArticleExtraction, Summary as S, Verification

    out = {}
    for name, model in (("article_extraction", ArticleExtraction), ("summary", S), ("verification", Verification)):
        out[f"{name}.schema.json"] = json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    return out
