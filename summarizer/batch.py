"""Bulk runs on the provider's Batch API: half the price, hours instead of seconds.

* ``submit`` builds the batch file from exactly the requests an interactive run would send: the real
  pipeline runs with the cache transport recording each request (and its cache key) instead of
  sending it. Articles already answered in the cache are left out. The file is uploaded, the batch
  started, and its state saved under ``<cache dir>/batches/`` so any later shell can follow it.
* ``status`` asks the provider and updates the saved state.
* ``collect`` downloads the results, stores each answer in the cache under the key an interactive run
  computes, then runs the normal pipeline over those articles: answers replay from the cache through
  the same instructor validation, and an answer that fails it is re-asked interactively (the re-ask is
  cached too). Requests the batch failed are listed, not fatal. Afterwards ``summarizer summarize`` on
  the same inputs runs entirely from the cache.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import openai

from .cache import CacheMode, CachingTransport, ResponseCache, atomic_write, default_cache_dir
from .extract import ModelConfig
from .ingest import read_articles
from .models import Article, Summary
from .pipeline import RunOptions, summarize

BATCH_ENDPOINT = "/v1/chat/completions"


def state_dir(cache_dir: Optional[Path]) -> Path:
    return Path(cache_dir or default_cache_dir()) / "batches"


def _client(config: ModelConfig) -> openai.OpenAI:
    return openai.OpenAI(base_url=config.endpoint, api_key=config.api_key or "no-key-configured",
                         timeout=config.timeout, max_retries=3)


def _save(directory: Path, state: dict) -> Path:
    path = directory / f"{state['batch_id']}.json"
    atomic_write(path, json.dumps(state, indent=2))
    return path


def load_state(cache_dir: Optional[Path], batch_id: Optional[str] = None) -> dict:
    """A saved batch: the one named, or the most recently submitted."""
    directory = state_dir(cache_dir)
    if batch_id:
        path = directory / f"{batch_id}.json"
        if not path.exists():
            raise FileNotFoundError(f"no saved batch {batch_id!r} in {directory}")
        return json.loads(path.read_text(encoding="utf-8"))
    states = [json.loads(p.read_text(encoding="utf-8")) for p in directory.glob("*.json")]
    if not states:
        raise FileNotFoundError(f"no saved batches in {directory}: submit one first")
    return max(states, key=lambda s: s["submitted"])


def build_requests(inputs: list[str], options: RunOptions) -> list[dict]:
    """The requests an interactive run would send for ``inputs`` (cached ones excluded)."""
    captured: list[dict] = []
    opts = RunOptions(config=options.config, cache_dir=options.cache_dir, cache_mode=CacheMode.read_write,
                      recordings=options.recordings or [], extractor="llm", inventory=False, capture=captured)
    summarize(inputs, opts)
    return captured


def submit(inputs: list[str], options: RunOptions) -> dict:
    requests = build_requests(inputs, options)
    if not requests:
        raise ValueError("every article is already answered in the cache: nothing to submit")
    lines = [json.dumps({"custom_id": r["key"], "method": "POST", "url": BATCH_ENDPOINT, "body": r["body"]})
             for r in requests]
    client = _client(options.config)
    upload = client.files.create(file=("summarizer-batch.jsonl", ("\n".join(lines) + "\n").encode()), purpose="batch")
    batch = client.batches.create(input_file_id=upload.id, endpoint=BATCH_ENDPOINT, completion_window="24h",
                                  metadata={"tool": "summarizer"})
    state = {
        "batch_id": batch.id,
        "status": batch.status,
        "submitted": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "endpoint": options.config.endpoint,
        "model": options.config.model,
        "mode": options.config.mode,
        "inputs": [str(p) for p in inputs],
        "input_file_id": upload.id,
        "requests": [{k: r[k] for k in ("key", "article", "path", "prompt_version")} for r in requests],
    }
    _save(state_dir(options.cache_dir), state)
    return state


def status(options: RunOptions, batch_id: Optional[str] = None) -> dict:
    state = load_state(options.cache_dir, batch_id)
    batch = _client(options.config).batches.retrieve(state["batch_id"])
    state.update(status=batch.status, output_file_id=batch.output_file_id, error_file_id=batch.error_file_id,
                 request_counts=batch.request_counts.model_dump() if batch.request_counts else None)
    _save(state_dir(options.cache_dir), state)
    return state


@dataclass
class Collected:
    state: dict
    stored: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article, reason) the batch could not answer
    summary: Optional[Summary] = None

    @property
    def reasked(self) -> int:
        return sum(max(0, r.usage.requests - 1) for r in self.summary.articles) if self.summary else 0


def collect(options: RunOptions, batch_id: Optional[str] = None) -> Collected:
    state = status(options, batch_id)
    if state["status"] != "completed":
        raise RuntimeError(f"batch {state['batch_id']} is {state['status']}, not completed yet: try again later")
    client = _client(options.config)
    by_key = {r["key"]: r for r in state["requests"]}
    cache = ResponseCache(options.cache_dir or default_cache_dir(), CacheMode.read_write)
    writer = CachingTransport(cache=cache, endpoint=state["endpoint"])
    out = Collected(state=state)
    answered: set[str] = set()
    for file_id in (state.get("output_file_id"), state.get("error_file_id")):
        if not file_id:
            continue
        for line in client.files.content(file_id).text.splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            req = by_key.get(row.get("custom_id"))
            if req is None:
                continue
            response = row.get("response") or {}
            body = response.get("body") or {}
            if response.get("status_code") == 200 and isinstance(body, dict) and body.get("choices"):
                writer.store(req["key"], {"path": req["path"], "prompt_version": req["prompt_version"],
                                          "article": req["article"]},
                             body, origin=f"OpenAI Batch API {state['batch_id']} at {state['endpoint']}")
                out.stored += 1
                answered.add(req["article"])
            else:
                err = (row.get("error") or {}).get("message") or (body.get("error") or {}).get("message") or "no answer"
                out.failed.append((req["article"], f"HTTP {response.get('status_code')}: {err}"))
    missing = {r["article"] for r in state["requests"]} - answered - {a for a, _ in out.failed}
    out.failed += [(a, "not in the batch output") for a in sorted(missing)]
    # Validate through the normal pipeline: answers replay from the cache; an invalid one is re-asked.
    articles = [a for a in read_articles(state["inputs"]) if isinstance(a, Article) and a.id in answered]
    if articles:
        out.summary = summarize(articles, RunOptions(config=options.config, cache_dir=options.cache_dir,
                                                     cache_mode=CacheMode.read_write, recordings=[], extractor="llm"))
    state["collected"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    state["failed"] = out.failed
    _save(state_dir(options.cache_dir), state)
    return out
