"""Reading articles from files, folders and JSONL, and marking what on a page is not the story.

The article text is kept byte-for-byte as decoded: every character offset the verifier reports points
into ``Article.text``. (For HTML the text is what the page shows, extracted once; offsets point into
that.) Page furniture is *marked*, not removed, so offsets stay true while ads and related-story blocks
can neither reach the model nor support a claim.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Union

from . import dates, pubdate
from .furniture import find_boilerplate, find_injections, text_for_model  # noqa: F401  (ingest's own API)
from .models import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class IngestError:
    """An input that could not be read; the run reports it and carries on with the rest."""

    source: str
    error: str

    def __str__(self) -> str:
        return f"{self.source}: {self.error}"


Ingested = Union[Article, IngestError]

# ---------------------------------------------------------------------------------------------
# Publication date
# ---------------------------------------------------------------------------------------------

def find_published(text: str) -> tuple[str | None, str | None]:
    """The publication date a text's header states, as (ISO date, text as written); (None, None) if
    absent. A body sentence citing "March 25, 2022" is not a publication date (see ``pubdate``)."""
    return pubdate.from_text(text)


# ---------------------------------------------------------------------------------------------
# Readers
# ---------------------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, list[str]]:
    """Text and warnings. Text that is not UTF-8 is decoded by detection (charset-normalizer), and the
    warning says which encoding was assumed, so a reader can check the accents and quotation marks."""
    if b"\x00" in data[:4096]:
        raise ValueError("binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        where = f"first bad byte 0x{data[exc.start]:02x} at offset {exc.start}"
        from charset_normalizer import from_bytes

        found = list(from_bytes(data))
        best = found[0] if found else None
        # on a tie the Western default wins: a short page gives cp1250 and cp1252 the same score, and
        # cp1252 is far the commoner for news in Latin script
        tied = [r for r in found if best and r.chaos == best.chaos and r.coherence == best.coherence]
        best = next((r for r in tied if r.encoding in ("cp1252", "latin_1", "iso8859_15")), best)
        if best is None or best.coherence == 0:  # too little text to tell: the commonest legacy encoding
            try:
                return data.decode("cp1252"), [f"not valid UTF-8 ({where}): too short to detect its encoding, "
                                               "decoded as cp1252; re-save it as UTF-8 to be sure"]
            except UnicodeDecodeError:
                best = None
        if best is not None and best.encoding not in ("utf_8", "utf_8_sig"):
            return str(best), [f"not valid UTF-8 ({where}): decoded as {best.encoding}, detected; "
                               "re-save it as UTF-8 to be sure"]
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd")
        return text, [
            f"not valid UTF-8 ({where}): {bad} byte sequence{'s' if bad != 1 else ''} replaced with U+FFFD; "
            "re-save it as UTF-8"
        ]


def html_to_text(html: str) -> tuple[str, str | None]:
    """The article's own text of an HTML page, one paragraph per line, and its title.

    trafilatura finds the main text and leaves out what is not the article (navigation, captions and
    photo credits, share bars, related-story lists, newsletter boxes, footers); it is the standard tool
    for news pages, and better at it than rules written here. Its text starts with the headline. When it
    finds no main text (a fragment, a page that is all list), the page's visible text is used instead.
    """
    title = None
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, favor_precision=True, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=False, deduplicate=False)
    except Exception:  # noqa: BLE001 - a page the library cannot parse still has visible text
        doc = None
    visible = None
    if doc is not None:
        found = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        title = (found.get("title") or "").strip() or None
        text = (found.get("text") or "").strip()
        if len(text) < 200 and text:
            visible = _visible_text(html)  # a short main text counts only if it is most of the page
        if len(text) >= 200 or (text and len(text) >= 0.5 * len(visible[0])):
            return "\n\n".join(line.strip() for line in text.splitlines() if line.strip()), title
    text, page_title = visible or _visible_text(html)
    return text, title or page_title


def _visible_text(html: str) -> tuple[str, str | None]:
    """Visible text of an HTML page (scripts and styles dropped) and its title."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg", "head"]):
        if tag.name == "head":
            continue
        tag.decompose()
    title = None
    if soup.title and soup.title.string:
        title = soup.title.string.strip()
    elif soup.find("h1"):
        title = soup.find("h1").get_text(" ", strip=True)
    if soup.head:
        soup.head.decompose()
    body = soup.body or soup
    text = body.get_text("\n")
    text = "\n".join(line.strip() for line in text.splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, title


def make_article(
    id: str, source: str, text: str, *, title=None, url=None, published=None, markdown=False
) -> Article:
    if not text.strip():
        raise ValueError("empty article (no text)")
    if markdown and title is None:
        m = re.search(r"^#\s+(.+)$", text, re.M)
        title = m.group(1).strip() if m else None
    published_text = None
    if published:
        iso = dates.parse_iso(str(published)[:10])
        if iso is None:
            found = dates.find_absolute(str(published))
            iso = found[0].start if found and found[0] else None
        published_text = str(published)
        published = iso.isoformat() if iso else None
    else:
        published, published_text = find_published(text)
    return Article(
        id=id,
        source=source,
        text=text,
        title=title,
        url=url,
        published=published,
        published_text=published_text,
        boilerplate=find_boilerplate(text),
    )


def _read_file(path: Path) -> Article:
    text, warnings = _decode(path.read_bytes())
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        stated, where = pubdate.from_html(text)
        text, title = html_to_text(text)
        article = make_article(path.stem, str(path), text, title=title, published=stated)
        if stated:
            article.published_text = where
    else:
        article = make_article(path.stem, str(path), text, markdown=suffix in {".md", ".markdown"})
    article.warnings.extend(warnings)
    return article


def _read_jsonl(path: Path) -> Iterator[Ingested]:
    """One article per line, read lazily; a bad line is reported with its line number."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield IngestError(str(path), f"cannot open: {exc.strerror}")
        return
    with handle:
        for lineno, raw in enumerate(handle, 1):
            where = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                record = json.loads(_decode(raw)[0])
            except (ValueError, json.JSONDecodeError) as exc:
                yield IngestError(where, f"line {lineno} is not valid JSON ({exc})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield IngestError(where, f'line {lineno} needs an object with a "text" string')
                continue
            try:
                yield make_article(
                    str(record.get("id") or f"{path.stem}-{lineno}"),
                    where,
                    record["text"],
                    title=record.get("title"),
                    url=record.get("url"),
                    published=record.get("published"),
                )
            except ValueError as exc:
                yield IngestError(where, str(exc))


STDIN = "-"


@lru_cache(maxsize=1)
def _stdin_bytes() -> bytes:
    """Standard input, read once: the HTML report reads the inputs a second time for their texts."""
    return sys.stdin.buffer.read()


def _read_stdin() -> Article:
    text, warnings = _decode(_stdin_bytes())
    article = make_article("stdin", "<stdin>", text, markdown=text.lstrip().startswith("# "))
    article.warnings.extend(warnings)
    return article


#: Written into every report (at the end of Markdown, at the top of HTML), so that a later run over the same folder
#: skips it instead of summarising the tool's own output as an article.
GENERATED_MARKER = "<!-- written by summarizer: a generated report, not an article -->"
log = logging.getLogger(__name__)


def is_own_output(path: Path) -> bool:
    """Whether a file is a report this tool wrote: its marker at the top (HTML) or the end (Markdown)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
            fh.seek(max(0, path.stat().st_size - 512))
            tail = fh.read()
    except OSError:
        return False
    return GENERATED_MARKER.encode() in head or GENERATED_MARKER.encode() in tail


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | IngestError | str]:
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            if not found:
                yield IngestError(str(path), f"folder has no articles ({', '.join(sorted(SUPPORTED))})")
            for p in found:
                if is_own_output(p):
                    log.warning("skipped %s: a report summarizer wrote, not an article", p)
                else:
                    yield p
        elif path.is_file():
            if is_own_output(path):
                log.warning("skipped %s: a report summarizer wrote, not an article", path)
                continue
            yield path
        else:
            yield IngestError(str(path), "no such file or folder")


def read_articles(paths: Iterable[str | Path]) -> Iterator[Ingested]:
    """Every article under ``paths``, in order, lazily; unreadable inputs come out as IngestError.

    Ids are unique within a run: a second article with an id already seen gets ``-2``, ``-3``...
    """
    seen: dict[str, int] = {}
    for item in _expand(paths):
        if isinstance(item, IngestError):
            yield item
            continue
        if item == STDIN:
            try:
                produced: Iterable[Ingested] = [_read_stdin()]
            except (OSError, ValueError) as exc:
                produced = [IngestError("<stdin>", str(exc))]
        elif item.suffix.lower() in JSONL_SUFFIXES:
            produced = _read_jsonl(item)
        elif item.suffix.lower() not in SUPPORTED:
            produced = [IngestError(str(item), f"unsupported file type {item.suffix or '(none)'}")]
        else:
            try:
                produced = [_read_file(item)]
            except (OSError, ValueError) as exc:
                produced = [IngestError(str(item), getattr(exc, "strerror", None) or str(exc))]
        for art in produced:
            if isinstance(art, Article):
                n = seen.get(art.id, 0) + 1
                seen[art.id] = n
                if n > 1:
                    art = art.model_copy(update={"id": f"{art.id}-{n}"})
            yield art
