"""A tool call written as text: accepted as the tool call it is.

Small local models served by llama.cpp, asked to call a tool, often write the call into the message
``content`` as a fenced ```json block (``{"name": "ArticleExtraction", "arguments": {...}}``) or as the
bare arguments, with no ``tool_calls``. Instructor then finds no tool call and re-asks until it gives
up, throwing away answers that were valid. This turns such a message into the tool call it spells out,
before openai and instructor read it; the answer is validated exactly as a real tool call would be.
The cache stores what the endpoint sent; the repair is applied on every read, live or replayed.
"""

from __future__ import annotations

import json
import re
from typing import Optional

_FENCE = re.compile(r"```(?:json|JSON)?\s*(\{.*\})\s*```", re.S)


def _json_in(content: str) -> Optional[dict]:
    m = _FENCE.search(content)
    text = m.group(1) if m else content.strip()
    if not text.startswith("{"):
        start = text.find("{")
        if start < 0:
            return None
        text = text[start : text.rfind("}") + 1]
    try:
        value = json.loads(text)
    except ValueError:
        # small models leave quotation marks inside a string unescaped ("statement": "It is "a farce" ..."):
        # json_repair reads such near-JSON as the object it was meant to be; the verifier still checks
        # every quote against the article
        import json_repair

        value = json_repair.loads(text)
    return value if isinstance(value, dict) else None


def repair(request: dict, response: dict) -> dict:
    """The response with a tool call that came as text in ``content`` moved into ``tool_calls``;
    unchanged when the request named no tool, or the message already has a call or holds no JSON."""
    tools = request.get("tools") or []
    names = [t.get("function", {}).get("name") for t in tools if isinstance(t, dict)]
    choices = response.get("choices") or []
    if not names or not choices or not isinstance(choices[0], dict):
        return response
    message = choices[0].get("message") or {}
    if message.get("tool_calls") or not isinstance(message.get("content"), str):
        return response
    value = _json_in(message["content"])
    if value is None:
        return response
    if isinstance(value.get("arguments"), (dict, str)) and value.get("name") in names:
        name, arguments = value["name"], value["arguments"]
    elif len(names) == 1:
        name, arguments = names[0], value
    else:
        return response
    call = {"id": "call_from_content", "type": "function",
            "function": {"name": name, "arguments": arguments if isinstance(arguments, str) else json.dumps(arguments)}}
    fixed = {**message, "content": None, "tool_calls": [call]}
    return {**response, "choices": [{**choices[0], "message": fixed, "finish_reason": "tool_calls"}, *choices[1:]]}
