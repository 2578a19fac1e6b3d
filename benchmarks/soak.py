"""Soak run: 500 articles against the fault-injecting local server at a 20% fault rate.

    python benchmarks/soak.py [--articles 500] [--fault-rate 0.2] [--seed 1]

Every chat request has a 20% chance of one fault: 429 with or without Retry-After, 500/502/503, a
connection reset mid-body, a cut-off JSON body, a schema-breaking answer, a wrong tool name or an
empty choice list. Prints what was sent, injected, retried and re-asked, and how every article ended.
"Lost" counts articles that are neither in the summary nor listed as failed: it must be 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import summarize  # noqa: E402
from summarizer.extract import ModelConfig  # noqa: E402
from summarizer.models import Article  # noqa: E402
from summarizer.pipeline import RunOptions  # noqa: E402
from tests.openai_server import FakeOpenAI  # noqa: E402
from tests.samples import ANSWER, MARKER, article_text  # noqa: E402



def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--fault-rate", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--concurrency", type=int, default=32)
    args = ap.parse_args()
    articles = [Article(id=f"a{i}", source=f"soak:{i}",
                        text=article_text(i))
                for i in range(args.articles)]
    with FakeOpenAI(fault_rate=args.fault_rate, seed=args.seed) as srv, tempfile.TemporaryDirectory() as cache:
        srv.set_answer(MARKER, ANSWER)
        config = ModelConfig(base_url=srv.base_url, api_key="soak-key", concurrency=args.concurrency,
                             max_retries=8, max_reasks=3, max_wait=0.5, timeout=10)
        t0 = time.perf_counter()
        summary = summarize(articles, RunOptions(config=config, cache_dir=Path(cache)))
        elapsed = time.perf_counter() - t0
        requests, faults = len(srv.chat_requests), srv.faults_injected
    ok = [a for a in summary.articles if a.ok]
    failed = summary.failures
    retries = sum(a.usage.retries for a in summary.articles)
    reasks = requests - retries - len(summary.articles)
    lost = args.articles - len(ok) - len(failed)
    print(f"articles               {args.articles}")
    print(f"fault rate             {args.fault_rate:.0%} per request (seed {args.seed})")
    print(f"requests sent          {requests}")
    print(f"faults injected        {faults}")
    print(f"retries (transient)    {retries}")
    print(f"re-asks (validation)   {reasks}")
    print(f"articles succeeded     {len(ok)}")
    print(f"articles failed        {len(failed)}")
    for reason, n in Counter(f.error.split(":")[0] for f in failed).most_common():
        print(f"    {n:>4} x {reason}")
    print(f"articles lost          {lost}")
    print(f"wall time              {elapsed:.1f}s")
    if lost:
        raise SystemExit("articles were lost")


if __name__ == "__main__":
    main()
