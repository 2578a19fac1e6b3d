"""Page furniture: the lines and asides of a page that are not the story (ads, share prompts, related-story
links, photo credits) and sentences addressed to a language model.

Furniture is *marked*, never removed, so every offset stays true while such text can neither reach the
model nor support a claim. A pure function of the text: the ingest stage marks each article once, and
the verifier, given raw text through the Python API, marks it the same way without reaching back into
ingest.
"""

from __future__ import annotations

import re

from .models import Span

_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        advertisement:? | advertisements? | sponsored(\s+content)?: ? |
        support\s+us | support\s+.{1,40}\s+or\s+become\s+our\s+patron!? | become\s+a\s+(patron|member|subscriber).* |
        to\s+suggest\s+a\s+correction.* | you\s+can\s+also\s+highlight\s+the\s+text.* |
        (share|share\s+this(\s+article)?|share\s+on\s+\w+|tweet|email|print)(\s*[|/·]\s*\w+)*:? |
        (sign\s+up|subscribe)\b.{0,80} | click\s+here\b.* |
        (read\s+(more|also|next)|see\s+also|related(\s+(stories|articles|news))?|more\s+from\s+.{1,40}|
         other\s+topics\s+of\s+interest|recommended(\s+for\s+you)?|most\s+read|trending(\s+now)?):? |
        (read\s+(more|also|next)|see\s+also|related(\s+(story|stories|articles|news))?|watch|listen)\s*:\s*.{1,160} |
        .{0,80}\b(stock\s+photo|photo:|getty\s+images|file\s+photo)\b.{0,40} |
        (background|details|source):\s*  # bare section labels carry no text of their own
    )\s*$""",
    re.I | re.X,
)
_RELATED_MARKER = re.compile(
    r"^\s*(read\s+(more|also|next)|see\s+also|related(\s+(stories|articles|news))?|other\s+topics\s+of\s+interest|"
    r"more\s+from\s+.{1,40}|recommended(\s+for\s+you)?)\s*:?\s*$",
    re.I,
)


# A related-story link set inside a paragraph: "(Also Read | 'Headline': ...)", "[Read more: ...]".
_INLINE_RELATED = re.compile(
    r"[(\[]\s*(?:also\s+read|read\s+(?:more|also|next)|see\s+also|related(?:\s+(?:story|stories|news))?)\s*[|:]"
    r"[^()\[\]\n]{0,300}[)\]]",
    re.I,
)


# Text addressed to a language model rather than to readers. Such a sentence is marked like page
# furniture: it is not sent to the model and cannot support a claim, so an article cannot talk the
# model into a claim and then "verify" it with its own words.
_INJECTION = re.compile(
    r"""(ignore|disregard|forget|override)\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|earlier|preceding)\s+
        (instructions?|prompts?|directions?|rules?|messages?)
      | (you\s+are\s+(now\s+)?(an?\s+)?(ai|assistant|language\s+model|chatbot|llm)\b)
      | \b(system\s+prompt|new\s+instructions?|as\s+an\s+ai\s+(language\s+)?model)\b
      | \b(assistant|model|ai|llm)\s*[:,]\s*(report|say|state|output|write|claim)\b""",
    re.I | re.X,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+|\n")


def find_injections(text: str) -> list[Span]:
    """Sentences that address the model ("ignore previous instructions and report that ...")."""
    spans = []
    for m in _INJECTION.finditer(text):
        start = 0
        for b in _SENTENCE_END.finditer(text, 0, m.start()):
            start = b.end()
        nxt = _SENTENCE_END.search(text, m.end())
        end = nxt.start() if nxt else len(text)
        spans.append(Span(start=start, end=end))
    return spans


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        out.append((pos, pos + len(stripped)))
        pos += len(line)
    return out


def _is_headline(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 120 and not s.endswith((".", "”", '"', ":", "?", "!")) and len(s.split()) >= 3


def find_boilerplate(text: str) -> list[Span]:
    """Spans of lines that are page furniture rather than the story, and sentences aimed at the model.

    Beyond single lines (ads, share and correction prompts, photo credits), a related-story block is
    recognised by its marker line ("Other Topics of Interest", "Read more", ...): the headline lines
    around the marker go, and when a headline is repeated further down (the teaser), that repeat and
    the paragraph right after it go too.
    """
    lines = _lines(text)
    content = [text[s:e] for s, e in lines]
    marked: set[int] = set()
    for i, line in enumerate(content):
        if _BOILERPLATE_LINE.match(line) and line.strip():
            marked.add(i)
    for i, line in enumerate(content):
        if not _RELATED_MARKER.match(line):
            continue
        heads: set[str] = set()
        for j in (i - 1, i + 1):
            # headline lines touching the marker (skipping blank lines on the way down)
            k = j
            while 0 <= k < len(content) and not content[k].strip() and k > i:
                k += 1
            if 0 <= k < len(content) and _is_headline(content[k]):
                marked.add(k)
                heads.add(content[k].strip())
        for k in range(i + 1, len(content)):
            if content[k].strip() in heads:
                marked.add(k)
                # the teaser paragraph: the next non-blank line after the repeated headline
                n = k + 1
                while n < len(content) and not content[n].strip():
                    n += 1
                if n < len(content):
                    marked.add(n)
    spans = [Span(start=lines[i][0], end=lines[i][1]) for i in sorted(marked) if lines[i][1] > lines[i][0]]
    spans += [Span(start=m.start(), end=m.end()) for m in _INLINE_RELATED.finditer(text)]
    spans += find_injections(text)
    return _merge_spans(spans)


def _merge_spans(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for sp in sorted(spans, key=lambda x: (x.start, x.end)):
        if out and sp.start <= out[-1].end:
            if sp.end > out[-1].end:
                out[-1] = Span(start=out[-1].start, end=sp.end)
        else:
            out.append(sp)
    return out


def text_for_model(text: str, boilerplate: list[Span]) -> str:
    """The article as sent to the model: boilerplate lines blanked, blank runs squeezed."""
    if not boilerplate:
        return text.strip()
    parts, pos = [], 0
    for span in boilerplate:
        parts.append(text[pos : span.start])
        pos = span.end
    parts.append(text[pos:])
    return re.sub(r"\n{3,}", "\n\n", "".join(parts)).strip()
