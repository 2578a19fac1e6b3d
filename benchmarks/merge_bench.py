"""Merge: clustering quality on the seeds, and time and memory from 1,000 to 10,000 articles.

    python benchmarks/merge_bench.py              # quality + 1k, 2.5k, 5k, 10k articles
    python benchmarks/merge_bench.py --sizes 1000  # quicker

Quality is pairwise precision/recall against the hand-checked merge in tests/data/expected_merge.json
(see tests/merge_eval.py), then the same figures on a second story in tests/data/merge_holdout, written as
a held-out set and used for fixes after its first run (its README has both sets of figures; see
tests/merge_holdout_eval.py). Scale runs merge synthetic extractions built from the seeds' shapes: every
synthetic article copies one seed's actors, claims, denials and events; a third of its claims repeat a
statement that other articles also carry (so clusters grow), the rest are new statements by new people
(so the number of clusters grows too). Each size runs in a fresh process, so the peak memory printed is
that run's own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def synthetic(n: int):
    from tests.merge_eval import seed_results

    seeds = seed_results()
    out = []
    for k in range(n):
        base = seeds[k % len(seeds)]
        tag = f"x{k}"
        claims = []
        for i, c in enumerate(base.claims):
            if (k + i) % 3 == 0:
                claims.append(c)  # the same statement again, from another article
            else:
                claims.append(c.model_copy(update={
                    "speaker": f"Speaker {tag}{i % 4}",
                    "statement": f"{c.statement} ({tag} {i})",
                    "quote": f"Report {tag} item {i}: {c.quote}",
                }))
        actors = list(base.actors) + [
            base.actors[0].model_copy(update={"name": f"Speaker {tag}{j}", "kind": "person", "aliases": []})
            for j in range(4)
        ]
        out.append(base.model_copy(update={"article_id": f"{base.article_id}-{k}", "claims": claims,
                                           "actors": actors, "actor_spans": [None] * len(actors)}))
    return out


def merge_fn(which: str):
    if which == "before13":
        from benchmarks.baseline.merge_before_13.merge import merge
    else:
        from summarizer.merge import merge
    return merge


def run_one(n: int, which: str = "now") -> dict:
    merge = merge_fn(which)
    results = synthetic(n)
    n_claims = sum(len(r.claims) for r in results)
    t0 = time.perf_counter()
    actors, claims, denials, timeline = merge(results)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB on Linux
    return {"articles": n, "claims_in": n_claims, "seconds": elapsed, "peak_mib": peak,
            "actors": len(actors), "claims": len(claims), "denials": len(denials), "events": len(timeline)}


def quality() -> None:
    from tests.merge_eval import score, seed_results
    from tests.merge_holdout_eval import HOLDOUT_EXPECTED, holdout_results

    sets = [("the five seeds (pairwise, against tests/data/expected_merge.json)", seed_results, None),
            ("the second set (held out until its first run, since used; tests/data/merge_holdout/)",
             holdout_results, HOLDOUT_EXPECTED)]
    for title, load, expected in sets:
        now = score(merge_fn("now")(load()), **({"expected": expected} if expected else {}))
        old = score(merge_fn("before13")(load()), **({"expected": expected} if expected else {}))
        print(f"quality on {title}\n  {'':<16} {'merge now':>23}   {'merge before #13 (baseline)':>27}")
        for k, v in now.items():
            if k != "wrong dates":
                o = old[k]
                print(f"  {k:<16} P {v[0]:.3f}  R {v[1]:.3f}          P {o[0]:.3f}  R {o[1]:.3f}")
        print()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,2500,5000,10000")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--which", default="now", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.which)))
        return
    quality()
    print("scale (one core, fresh process per size and merge; peak RSS includes the synthetic input);\n"
          "the baseline is the merge as it was before issue #13 (benchmarks/baseline/merge_before_13), same run")
    print(f"  {'articles':>8} {'claims':>8} {'seconds':>8} {'baseline s':>10} {'ratio':>6} {'peak MiB':>9} "
          f"{'baseline MiB':>12} {'merged claims':>14} {'actors':>7}")
    rows = []
    for n in [int(x) for x in args.sizes.split(",")]:
        r, b = ({**json.loads(subprocess.run([sys.executable, __file__, "--one", str(n), "--which", w],
                                              capture_output=True, text=True, check=True, cwd=ROOT).stdout)}
                for w in ("now", "before13"))
        rows.append(r)
        print(f"  {r['articles']:>8} {r['claims_in']:>8} {r['seconds']:>8.2f} {b['seconds']:>10.2f} "
              f"{r['seconds'] / b['seconds']:>5.2f}x {r['peak_mib']:>9.0f} {b['peak_mib']:>12.0f} {r['claims']:>14} "
              f"{r['actors']:>7}")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        print(f"\n  {b['articles'] / a['articles']:.0f}x the articles took {b['seconds'] / a['seconds']:.1f}x the time "
              f"(quadratic would be {(b['articles'] / a['articles']) ** 2:.0f}x)")


if __name__ == "__main__":
    main()
