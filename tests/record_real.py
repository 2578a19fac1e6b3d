"""Record a real model's answers to the seeds into ``recordings/real/<model>/``, labelled with where
they came from. Run it whenever the request changes (prompt, schema, mode), with the model up:

    bash ../shared/tools/local-model.sh --start          # LLAMA_ARG_REPACK=false on CPUs where it crashes
    python -m tests.record_real --origin "REAL model output: <model>, sha256 <...>, served by <server build>"

The seeds go through the real pipeline against the endpoint, into a fresh cache, in ``--mode``
(json-schema by default). Every answer that was kept is copied under the recordings folder with the
given origin and the date; answers that failed validation are not recordings and are not copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base-url", default="http://127.0.0.1:8091/v1")
    ap.add_argument("--model", default="qwen2.5-coder-1.5b-instruct")
    ap.add_argument("--mode", default="json-schema")
    ap.add_argument("--origin", required=True, help="what model, file sha256 and server build answered")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = ap.parse_args()

    from summarizer.cache import CacheMode
    from summarizer.extract import ModelConfig
    from summarizer.pipeline import RunOptions, summarize

    out = ROOT / "recordings" / "real" / args.model
    config = ModelConfig.from_env(base_url=args.base_url, api_key="none", model=args.model, mode=args.mode,
                                  concurrency=1)
    today = dt.date.today().isoformat()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        summary = summarize([args.seeds], RunOptions(config=config, cache_dir=cache, cache_mode=CacheMode.refresh,
                                                     recordings=[], extractor="llm", inventory=False))
        for f in summary.failures:
            print(f"not recorded: {f}", file=sys.stderr)
        shutil.rmtree(out, ignore_errors=True)
        count = 0
        for path in sorted(cache.rglob("*.json")):
            if "failed" in path.relative_to(cache).parts:
                continue
            entry = json.loads(path.read_text(encoding="utf-8"))
            if "request" not in entry:
                continue
            entry["origin"] = f"{args.origin}, recorded {today} by summarizer --mode {args.mode}, temperature 0"
            target = out / path.relative_to(cache)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(entry, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            count += 1
    print(f"wrote {count} recorded responses to {out}", file=sys.stderr)
    return 0 if count else 1


if __name__ == "__main__":
    raise SystemExit(main())
