"""Fixed prompt overhead per mode: the prompt tokens of a request whose article is empty, for the prompt
and schema as they are now and as they were before issue #15 cut them, in the same run (issue #15).

    python benchmarks/prompt_overhead.py                        # the local llama.cpp server
    python benchmarks/prompt_overhead.py --base-url URL --model M

The old requests are frozen as the exact bodies the old code sent (``baseline/prompt_before_15/``,
one per mode, article "."); the new ones are built by the code now, for the same article. Each body
is sent with ``max_tokens`` 1 and the server's own count of prompt tokens is printed, so the figure
is in the model's tokens, chat template included.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BASELINE = ROOT / "benchmarks" / "baseline" / "prompt_before_15"


def current_body(mode: str, base_url: str, model: str) -> dict:
    from summarizer import ModelConfig, RunOptions, summarize
    from summarizer.ingest import make_article

    captured: list = []
    config = ModelConfig.from_env(base_url=base_url, api_key="none", model=model, mode=mode)
    with tempfile.TemporaryDirectory() as tmp:
        summarize([make_article("empty", "empty", ".")],
                  RunOptions(config=config, cache_dir=Path(tmp), extractor="llm", inventory=False, capture=captured))
    return captured[0]["body"]


def prompt_tokens(body: dict, base_url: str, model: str) -> int:
    body = dict(body, model=model, max_tokens=1)
    r = httpx2.post(f"{base_url.rstrip('/')}/chat/completions", json=body, timeout=1800)
    r.raise_for_status()
    return r.json()["usage"]["prompt_tokens"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base-url", default="http://127.0.0.1:8091/v1")
    ap.add_argument("--model", default="qwen2.5-coder-1.5b-instruct")
    args = ap.parse_args()
    print(f"endpoint {args.base_url}, model {args.model}; prompt tokens of a request with an empty article")
    print(f"  {'mode':12} {'before #15':>10} {'now':>6} {'ratio':>6}   body chars before / now")
    for path in sorted(BASELINE.glob("*.json")):
        mode = path.stem
        old = json.loads(path.read_text(encoding="utf-8"))
        new = current_body(mode, args.base_url, args.model)
        try:
            o, n = prompt_tokens(old, args.base_url, args.model), prompt_tokens(new, args.base_url, args.model)
        except httpx2.HTTPError as exc:
            print(f"  {mode:12} not measured: {exc}")
            continue
        print(f"  {mode:12} {o:10d} {n:6d} {n / o:6.3f}   {len(json.dumps(old))} / {len(json.dumps(new))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
