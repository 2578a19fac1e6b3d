"""What a cut-off answer still holds: the complete items before the cut.

A small model that loops on one claim writes until ``max_tokens`` and the JSON never closes. The actors
and claims it wrote before the loop are as good as any others, so rather than lose the article, the
answer is read up to the last item that closed, the open lists and objects are closed after it, and
each item is validated on its own (an item that does not fit the schema is left out, never repaired).
A loop leaves the same item many times; a repeated item is kept once.
"""

from __future__ import annotations

import json
import re
from typing import Optional

from pydantic import ValidationError

from .models import Actor, ArticleExtraction, Claim, DatedEvent, Denial

_PARTS = {"actors": Actor, "claims": Claim, "denials": Denial, "events": DatedEvent}


def _closed_prefix(text: str) -> Optional[str]:
    """The longest prefix that ends right after a complete value inside a list (or after the opening
    of the top object), with the containers still open closed in order."""
    start = text.find("{")
    if start < 0:
        return None
    stack: list[str] = []
    in_string = escaped = False
    best: Optional[tuple[int, list[str]]] = None
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
            if len(stack) == 1:
                best = (i + 1, list(stack))
        elif ch in "}]":
            if not stack or stack[-1] != ch:
                break
            stack.pop()
            if not stack:
                return text[start : i + 1]  # not cut at all
            if stack[-1] == "]" or len(stack) == 1:
                best = (i + 1, list(stack))  # a list item, or a whole top-level list, just closed
    if best is None:
        return None
    end, still_open = best
    return text[start:end] + "".join(reversed(still_open))


def salvage(text: str) -> Optional[tuple[ArticleExtraction, int]]:
    """The complete, valid items of a cut-off answer, and how many items were left out; None if nothing
    complete came before the cut."""
    fenced = re.search(r"```(?:json)?\s*(.*)", text, re.S)
    body = _closed_prefix(fenced.group(1) if fenced else text)
    if body is None:
        return None
    try:
        data = json.loads(re.sub(r",\s*([\]}])", r"\1", body))
    except ValueError:
        return None
    if isinstance(data, dict) and isinstance(data.get("arguments"), dict):
        data = data["arguments"]  # a tool call written as text: {"name": ..., "arguments": {...}}
    if not isinstance(data, dict):
        return None
    kept: dict[str, list] = {}
    dropped = 0
    for part, model in _PARTS.items():
        seen: set[str] = set()
        kept[part] = []
        for item in data.get(part) or []:
            try:
                one = model.model_validate(item)
            except ValidationError:
                dropped += 1
                continue
            key = one.model_dump_json()
            if key in seen:
                dropped += 1  # the loop wrote it again
                continue
            seen.add(key)
            kept[part].append(one)
    if not any(kept.values()):
        return None
    return ArticleExtraction(**kept), dropped
