"""Quote verifier: flagging precision/recall, confusion by status, speed, and peer agreement.

Prints, in one run, side by side:
  * summarizer's verifier,
  * baseline 1: plain substring search (what instructor's exact-citation validator does),
  * baseline 2: difflib SequenceMatcher over the best window of the source (flag below 0.9 ratio).

    python benchmarks/verify_bench.py            # full run (about a minute)
    python benchmarks/verify_bench.py --quick    # fewer timing repeats

"Flagged" is the positive class: a case should be flagged when its label says altered, unsupported
or misattributed (tests/data/verify_cases.jsonl, see tests/data/README.md).
"""

from __future__ import annotations

import argparse
import difflib
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.quote_alignment import Source, _PREPARED  # noqa: E402
from summarizer.verify import verify_quote  # noqa: E402

CASES = ROOT / "tests" / "data" / "verify_cases.jsonl"
EXTRA_SETS = [
    # (file, how it was used): both were written apart from the code; see tests/data/README.md
    (ROOT / "tests" / "data" / "verify_holdout.jsonl", "second set: held out for one run, then six general bugs it exposed were fixed"),
    (ROOT / "tests" / "data" / "verify_holdout2.jsonl", "held-out set: never used while developing the verifier"),
]
PEER = ROOT.parent / "shared" / "peer" / "langextract_alignment.jsonl"
STATUSES = ["exact", "normalized", "fuzzy", "altered", "unsupported"]


def load_cases(path: Path = CASES):
    texts: dict[str, str] = {}
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        if "source_text" in c:
            c["_text"] = c["source_text"]
        else:
            texts.setdefault(c["source"], (ROOT / c["source"]).read_text(encoding="utf-8"))
            c["_text"] = texts[c["source"]]
        cases.append(c)
    return cases


# ---- baselines -------------------------------------------------------------------------------


def substring(text: str, quote: str, speaker=None):
    found = quote in text
    return ("exact" if found else "unsupported"), not found


def difflib_window(text: str, quote: str, speaker=None, threshold: float = 0.9):
    """Best ratio of the quote against every source window of its length starting at a word."""
    n = len(quote)
    best = 0.0
    sm = difflib.SequenceMatcher(autojunk=False)
    sm.set_seq2(quote)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch.isspace()]
    for s in starts:
        sm.set_seq1(text[s : s + n])
        if sm.real_quick_ratio() < max(best, threshold) or sm.quick_ratio() < max(best, threshold):
            continue
        r = sm.ratio()
        if r > best:
            best = r
    if best == 1.0:
        return "exact", False
    if best >= threshold:
        return "fuzzy", False
    return "unsupported", True


def ours(text: str, quote: str, speaker=None):
    v = verify_quote(text, quote, speaker)
    return v.status.value, v.flagged


# ---- measurements ----------------------------------------------------------------------------


def score(cases, fn):
    tp = fp = fn_ = tn = 0
    confusion: Counter = Counter()
    for c in cases:
        status, flagged = fn(c["_text"], c["quote"], c.get("speaker"))
        want = c["expected_flag"]
        tp += flagged and want
        fp += flagged and not want
        fn_ += (not flagged) and want
        tn += (not flagged) and (not want)
        confusion[(c["expected_status"], status)] += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn_) if tp + fn_ else 1.0
    honest = [c for c in cases if not c["expected_flag"]]
    return {"precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn_, "tn": tn,
            "false_flag_rate": fp / len(honest) if honest else 0.0, "confusion": confusion}


def checks_per_second(cases, fn, text_for, repeats: int, limit: int | None = None) -> float:
    sample = cases[:limit] if limit else cases
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for c in sample:
            fn(text_for(c), c["quote"], c.get("speaker"))
        times.append(time.perf_counter() - t0)
    return len(sample) / statistics.median(times)


def long_text(words: int) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    parts, n, i = [], 0, 0
    while n < words:
        t = seeds[i % len(seeds)]
        parts.append(t)
        n += len(t.split())
        i += 1
    return "\n\n".join(parts)


def peer_agreement():
    if not PEER.exists():
        return None
    agree = total = 0
    for line in PEER.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if not r["standalone_agrees"] or r["expected_status"] not in ("match_exact", None):
            continue
        v = verify_quote(r["source_text"], r["quote"])
        if r["expected_status"] == "match_exact":
            ok = (v.start is not None and not v.flagged
                  and ("start" not in r["checks"] or v.start == r["expected_start"])
                  and ("end" not in r["checks"] or v.end == r["expected_end"]))
        else:
            ok = v.flagged if "status" in r["checks"] else True
        agree += ok
        total += 1
    return agree, total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    repeats = 3 if args.quick else 7
    cases = load_cases()
    methods = {"summarizer": ours, "substring": substring, "difflib>=0.9": difflib_window}

    print(f"labelled cases: {len(cases)} ({sum(c['expected_flag'] for c in cases)} should be flagged)  [{CASES.relative_to(ROOT)}]")
    results = {name: score(cases, fn) for name, fn in methods.items()}
    print("\nflagging (positive = flagged)")
    print(f"{'method':<14}{'precision':>10}{'recall':>8}{'honest quotes flagged':>24}{'TP':>5}{'FP':>5}{'FN':>5}")
    for name, r in results.items():
        print(f"{name:<14}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['false_flag_rate']:>23.1%}"
              f"{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}")

    for path, how in EXTRA_SETS:
        if not path.exists():
            continue
        held = load_cases(path)
        print(f"\n{how} ({len(held)} cases, {sum(c['expected_flag'] for c in held)} should be flagged)"
              f"  [{path.relative_to(ROOT)}]")
        for name, fn in methods.items():
            r = score(held, fn)
            print(f"{name:<14}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['false_flag_rate']:>23.1%}"
                  f"{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}")

    for name in ("summarizer",):
        conf = results[name]["confusion"]
        print(f"\nconfusion by status for {name} (rows: label, columns: verifier)")
        print(f"{'':<13}" + "".join(f"{s:>12}" for s in STATUSES))
        for want in STATUSES:
            print(f"{want:<13}" + "".join(f"{conf.get((want, got), 0):>12}" for got in STATUSES))

    print("\nspeed, seed-sized articles (checks per second, one core)")
    src_cases = [c for c in cases if "source" in c]
    sources = {c["source"]: Source.prepare(c["_text"]) for c in src_cases}
    for name, fn in methods.items():
        limit = 60 if name.startswith("difflib") else None
        cps = checks_per_second(src_cases, fn, lambda c: c["_text"], repeats if limit is None else 1, limit)
        print(f"  {name:<14}{cps:>12,.0f} checks/s")
    _PREPARED.clear()
    cold = checks_per_second(src_cases, lambda t, q, s: (_PREPARED.clear(), ours(t, q, s)), lambda c: c["_text"], 3)
    print(f"  {'summarizer, article re-prepared for every check':<14} {cold:,.0f} checks/s")
    warm = checks_per_second(src_cases, ours, lambda c: sources[c["source"]], repeats)
    print(f"  {'summarizer, prepared Source passed in':<14} {warm:,.0f} checks/s")

    print("\ntime per check against one long text (prepared once), seed quotes")
    for words in (5_000, 10_000, 25_000, 50_000):
        text = long_text(words)
        src = Source.prepare(text)
        cps = checks_per_second(src_cases, ours, lambda c: src, max(1, repeats // 2))
        line = f"  {len(text.split()):>6} words  summarizer {1e6 / cps:>8.1f} µs/check"
        if words == 50_000:
            base = checks_per_second(src_cases, substring, lambda c: text, 1)
            dl = checks_per_second(src_cases, difflib_window, lambda c: text, 1, limit=5)
            line += f"   substring {1e6 / base:>7.1f} µs/check   difflib {1e6 / dl:>12,.0f} µs/check"
        print(line)

    peer = peer_agreement()
    if peer:
        print(f"\nLangExtract alignment cases (exact span or no span, standalone): agree on {peer[0]}/{peer[1]}")


if __name__ == "__main__":
    main()
