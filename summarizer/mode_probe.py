"""``--mode auto``: find out once per endpoint and model how the schema can be sent.

Servers differ in what they accept: a hosted API takes tool calls, llama.cpp takes a JSON schema in
``response_format`` but only the strings "auto|none|required" for ``tool_choice``, an older server takes
neither and only fenced JSON comes back. Guessing wrong costs every article its re-asks. So one tiny
request per mode, with a two-field schema and a small ``max_tokens``, is sent in the order below; the
first mode whose answer validates is used for the run and remembered beside the response cache
(``modes.json``), so the next run against the same endpoint and model does not probe again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path
from typing import Optional

from pydantic import BaseModel

log = logging.getLogger(__name__)

#: Tried in this order: what holds the model to the schema most firmly first.
ORDER = ("tools", "json-schema", "json", "md-json")
PROBE_MAX_TOKENS = 64
REMEMBERED = "modes.json"


class ProbeAnswer(BaseModel):
    """Reply with ok set to true and word set to 'ready'."""

    ok: bool
    word: str


def _key(config) -> str:
    return f"{config.endpoint} {config.model}"


def _remembered(cache_dir: Optional[Path], config) -> Optional[str]:
    if cache_dir is None:
        return None
    try:
        known = json.loads((cache_dir / REMEMBERED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    mode = known.get(_key(config)) if isinstance(known, dict) else None
    return mode if mode in ORDER else None


def _remember(cache_dir: Optional[Path], config, mode: str) -> None:
    if cache_dir is None:
        return
    path = cache_dir / REMEMBERED
    try:
        known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        known = known if isinstance(known, dict) else {}
        known[_key(config)] = mode
        cache_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(known, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    except (OSError, ValueError) as exc:
        log.info("mode auto: could not remember the mode in %s (%s)", path, exc)


async def _works(config, mode: str, transport) -> Optional[str]:
    """None when ``mode`` gives a valid answer; else why not, in a few words."""
    from .cache import CacheMode, ResponseCache
    from .extract import make_client, root_cause

    client = make_client(replace(config, mode=mode, max_reasks=0), ResponseCache(None, CacheMode.off, []),
                         inner=transport)
    try:
        answer = await client.chat.completions.create(
            model=config.model,
            response_model=ProbeAnswer,
            messages=[{"role": "user", "content": "Reply with ok true and word 'ready'."}],
            max_tokens=PROBE_MAX_TOKENS,
            temperature=0,
            max_retries=0,
        )
    except Exception as exc:  # noqa: BLE001 - every way a mode can fail is a reason to try the next
        cause = root_cause(exc)
        return f"{type(cause).__name__}: {str(cause).splitlines()[0][:120] if str(cause) else ''}".rstrip(": ")
    finally:
        await client.client.close()
    return None if isinstance(answer, ProbeAnswer) else "no answer"


async def resolve(config, cache_dir: Optional[Path], *, can_probe: bool, transport=None):
    """The config with a concrete mode, and one line saying how it was chosen."""
    if config.mode != "auto":
        return config, None
    known = _remembered(cache_dir, config)
    if known:
        return replace(config, mode=known), f"mode auto: {known} (remembered for {config.model} at {config.endpoint})"
    if not can_probe:
        return replace(config, mode="tools"), "mode auto: tools (no endpoint to probe; answers come from the cache)"
    failed = []
    for mode in ORDER:
        why = await _works(config, mode, transport)
        if why is None:
            _remember(cache_dir, config, mode)
            tried = f"; {', '.join(failed)}" if failed else ""
            return replace(config, mode=mode), f"mode auto: picked {mode} for {config.model} at {config.endpoint}{tried}"
        failed.append(f"{mode} failed ({why})")
        if "Connect" in why:
            break  # nobody answers: probing further only repeats the same failure
    return replace(config, mode="tools"), f"mode auto: no mode worked, using tools; {', '.join(failed)}"
