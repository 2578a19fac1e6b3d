"""A real model on the labelled corpus: what it costs per article and how far its verified claims can be
trusted (issue #15).

    python benchmarks/live.py                              # the local llama.cpp server (tools/local-model.sh)
    python benchmarks/live.py --base-url URL --model M --api-key-env NAME
    python benchmarks/live.py --replay                     # score the answers already in --runs, no network
    python benchmarks/live.py --stories djokovic_visa --mode json-schema

Every article of ../shared/corpus/ is summarised on its own through the Python API, with the date its
SOURCES.md gives as its publication date, so the per-article wall time is the user's. Answers are
cached under ``--runs`` (default ``../model-recordings/live``, or ``$SUMMARIZER_LIVE_RUNS``): they hold
article text, so they stay outside the repository, and a rerun replays them. Each story's merged summary
is written there too (``<story>.json``), for ``benchmarks/merge_corpus.py --model-runs``.

What is scored, against the corpus gold, per set (development and held-out stories apart):

* a model item (claim or denial) is *right* when its verified span, or its quote found in the article,
  overlaps a gold quote or a gold claim-cluster mention of that article (any type), and its speaker
  is that gold item's speaker (through the gold actor's aliases);
* gold quotes found: the share of gold quotes (headline and nested ones apart) that some model item
  overlaps, whoever it credits;
* false flags: right items shown flagged, as a share of the model's items;
* misses: items shown verified that are not right, as a share of the model's items;
* right items shown verified;
* items whose speaker is unconfirmed, and quotes too short to check: counted, neither right nor wrong.

The offline extractor is scored on the same articles in the same run, as the baseline.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = ("nord_stream_hersh", "adani_hindenburg")
HELD_OUT = ("cambridge_analytica_nix", "djokovic_visa")
LOCAL = "http://127.0.0.1:8091/v1"
LOCAL_MODEL = "qwen2.5-coder-1.5b-instruct"


from merge_corpus import fold, load_story  # noqa: E402  (one reading of the corpus for both benchmarks)


def gold_spans(gold: dict, texts: dict[str, str]) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per article: (start, end, speaker, kind) of every gold quote and claim-cluster mention."""
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for q in gold["quotes"]:
        out.setdefault(q["article"], []).append((q["start"], q["end"], q["speaker"], q["kind"]))
    for cluster in gold["claim_clusters"]:
        for m in cluster["mentions"]:
            text = texts.get(m["article"], "")
            at = text.find(m["quote"])
            if at >= 0:
                out.setdefault(m["article"], []).append((at, at + len(m["quote"]), cluster["speaker"], "mention"))
    for d in gold.get("denials", []):
        for ev in d.get("evidence", []):
            text = texts.get(ev["article"], "")
            at = text.find(ev["text"])
            if at >= 0:
                out.setdefault(ev["article"], []).append((at, at + len(ev["text"]), d["denier"], "denial"))
    return out


def names_of(gold: dict, canonical: str) -> set[str]:
    return {fold(canonical)} | {fold(a) for a in gold["actors"].get(canonical, [])}


def item_span(item, text: str) -> Optional[tuple[int, int]]:
    v = item.verification
    if v.start is not None and v.end is not None:
        return v.start, v.end
    at = text.find(item.quote) if item.quote else -1
    return (at, at + len(item.quote)) if at >= 0 else None


def speaker_names(result, speaker: str) -> set[str]:
    names = {fold(speaker)}
    for actor in result.actors:
        if fold(actor.name) == fold(speaker):
            names |= {fold(a) for a in actor.aliases}
    return names


def score_article(gold: dict, name: str, text: str, result, spans) -> dict:
    figs = {"items": 0, "right": 0, "false_flags": 0, "misses": 0, "right_verified": 0,
            "unconfirmed": 0, "too_short": 0, "gold_quotes": 0, "gold_found": 0}
    mine = spans.get(name, [])
    found_spans = []
    for item in list(result.claims) + list(result.denials):
        figs["items"] += 1
        span = item_span(item, text)
        state = item.verification.state.value
        if span:
            found_spans.append(span)
        said = speaker_names(result, item.speaker)
        right = bool(span) and any(
            s < span[1] and span[0] < e and (said & names_of(gold, who)) for s, e, who, _kind in mine)
        figs["right"] += right
        figs["false_flags"] += right and state == "flagged"
        figs["misses"] += (not right) and state == "verified"
        figs["right_verified"] += right and state == "verified"
        figs["unconfirmed"] += state == "speaker_unconfirmed"
        figs["too_short"] += state == "too_short"
    for q in gold["quotes"]:
        if q["article"] != name or q["kind"] in ("headline", "nested"):
            continue
        figs["gold_quotes"] += 1
        figs["gold_found"] += any(s < q["end"] and q["start"] < e for s, e in found_spans)
    return figs


def run_story(story: str, args, runs: Path, extractor: str = "llm") -> list[tuple[str, object, float, dict]]:
    from summarizer import CacheMode, ModelConfig, RunOptions, summarize
    from summarizer.ingest import make_article

    gold, texts, published = load_story(story)
    spans = gold_spans(gold, texts)
    config = ModelConfig.from_env(
        base_url=args.base_url, api_key=os.environ.get(args.api_key_env) or "none", model=args.model,
        mode=args.mode, max_tokens=args.max_tokens, timeout=args.timeout, concurrency=1)
    options = RunOptions(config=config, cache_dir=runs / "cache", extractor=extractor,
                         cache_mode=CacheMode.replay if args.replay else CacheMode.read_write, inventory=False)
    out = []
    articles = []
    for name, text in texts.items():
        article = make_article(Path(name).stem, f"{story}/{name}", text, published=published.get(name))
        articles.append(article)
        started = time.perf_counter()
        summary = summarize([article], options)
        wall = time.perf_counter() - started
        result = summary.articles[0]
        out.append((name, result, wall, score_article(gold, name, text, result, spans)))
    if extractor == "llm":
        # the story merged from the answers just cached, for benchmarks/merge_corpus.py --model-runs
        merged = summarize(articles, replace(options, cache_mode=CacheMode.replay))
        (runs / f"{story}.json").write_text(merged.model_dump_json(indent=1), encoding="utf-8")
    return out


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base-url", default=LOCAL)
    ap.add_argument("--model", default=LOCAL_MODEL)
    ap.add_argument("--api-key-env", default="OPENAI_API_KEY", help="environment variable holding the key")
    ap.add_argument("--mode", default="json-schema")
    ap.add_argument("--max-tokens", type=int, default=None)
    ap.add_argument("--timeout", type=float, default=None)
    ap.add_argument("--runs", type=Path, default=Path(os.environ.get("SUMMARIZER_LIVE_RUNS") or
                                                      ROOT.parent / "model-recordings" / "live"))
    ap.add_argument("--replay", action="store_true", help="score cached answers only; never call the endpoint")
    ap.add_argument("--stories", nargs="*", default=list(DEV + HELD_OUT))
    args = ap.parse_args()
    if not (CORPUS / "gold").is_dir():
        print(f"SKIPPED: the labelled corpus is not at {CORPUS} (see the README: ../shared/corpus/)")
        return 0
    args.runs.mkdir(parents=True, exist_ok=True)
    print(f"endpoint {args.base_url}, model {args.model}, mode {args.mode}, answers cached in {args.runs}"
          + (" (replay only)" if args.replay else ""))
    totals: dict[str, dict] = {}
    for story in args.stories:
        set_name = "development" if story in DEV else "held out"
        print(f"\n{story} ({set_name})")
        print(f"  {'article':28} {'wall s':>7} {'prompt':>7} {'compl':>6} {'req':>4} {'retry':>5}  claims denials events  error")
        for name, r, wall, figs in run_story(story, args, args.runs):
            u = r.usage
            err = (r.error or "")[:90]
            print(f"  {name:28} {wall:7.1f} {u.prompt_tokens:7d} {u.completion_tokens:6d} {u.requests:4d} "
                  f"{u.retries:5d}  {len(r.claims):6d} {len(r.denials):7d} {len(r.events):6d}  {err}")
            t = totals.setdefault(set_name, {"articles": 0, "failed": 0, "wall": 0.0, "prompt": 0, "completion": 0})
            t["articles"] += 1
            t["failed"] += not r.ok
            t["wall"] += wall
            t["prompt"] += u.prompt_tokens
            t["completion"] += u.completion_tokens
            for k, v in figs.items():
                t[k] = t.get(k, 0) + v
        for name, r, wall, figs in run_story(story, args, args.runs, extractor="rules"):
            t = totals.setdefault(f"{set_name}, offline extractor (baseline)",
                                  {"articles": 0, "failed": 0, "wall": 0.0, "prompt": 0, "completion": 0})
            t["articles"] += 1
            t["failed"] += not r.ok
            t["wall"] += wall
            for k, v in figs.items():
                t[k] = t.get(k, 0) + v
    for set_name, t in totals.items():
        n = t.get("items", 0)
        print(f"\n{set_name}: {t['articles']} articles, {t['failed']} failed; {t['wall']:.0f} s; "
              f"{t['prompt']} prompt + {t['completion']} completion tokens")
        print(f"  gold quotes found            {ratio(t['gold_found'], t['gold_quotes'])}")
        print(f"  model items (claims+denials) {n}, right {t['right']}")
        print(f"  false flags (right, flagged) {ratio(t['false_flags'], n)}")
        print(f"  misses (verified, not right) {ratio(t['misses'], n)}")
        print(f"  right items shown verified   {ratio(t['right_verified'], t['right'])}")
        print(f"  speaker unconfirmed          {t['unconfirmed']}")
        print(f"  too short to check           {t['too_short']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
