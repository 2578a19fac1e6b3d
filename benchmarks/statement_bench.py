"""The statement check on hand-made pairs (issue #15): does a claim's one-line statement say what its
quote does not?

    python benchmarks/statement_bench.py        # -v lists the development set's disagreements

``tests/data/statement_pairs.jsonl`` holds 172 (statement, quote, sentence) cases labelled
``supported`` or ``beyond``, written before the check existed (commit cb9e021); their failures have
been read since, so they are the development set. ``statement_pairs_holdout.jsonl`` (130 cases,
written by someone who had not read the check) is held out: its failures are never printed. Each is checked as the
verifier checks a claim: the statement against the quote and the sentence around it, with the
speaker's own name (the statement's first name, as the claim carries it) allowed. A flag is a
``beyond``; precision and recall are of the flags. A baseline in the same run flags a statement when
fewer than half of its words are in the quote.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.support import beyond_quote  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "statement_pairs.jsonl"
HELD_OUT = ROOT / "tests" / "data" / "statement_pairs_holdout.jsonl"


def speaker_of(statement: str) -> list[str]:
    """The speaker a claim would carry: the capitalised words before its first speech verb, if any."""
    m = re.match(r"\s*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?:said|says|told|warned|denied|added|wrote|"
                 r"claimed|argued|insisted|vowed|pledged|urged|called|accused|promised|announced|stated)\b", statement)
    return [m.group(1)] if m else []


def naive(statement: str, evidence: str) -> bool:
    words = re.findall(r"\w+", statement.lower())
    have = set(re.findall(r"\w+", evidence.lower()))
    return bool(words) and sum(w in have for w in words) / len(words) < 0.5


def score(rows: list[dict], check) -> tuple[int, int, int, int]:
    tp = fp = fn = tn = 0
    for r in rows:
        flagged = check(r)
        beyond = r["expected"] == "beyond"
        tp += flagged and beyond
        fp += flagged and not beyond
        fn += (not flagged) and beyond
        tn += (not flagged) and not beyond
    return tp, fp, fn, tn


def main() -> int:
    verbose = "-v" in sys.argv
    ours = lambda r: beyond_quote(r["statement"], r["quote"] + " " + r["sentence"], speaker_of(r["statement"]),  # noqa: E731
                                  quote=r["quote"]) is not None
    base = lambda r: naive(r["statement"], r["quote"] + " " + r["sentence"])  # noqa: E731
    for label, path in (("development", PAIRS), ("held out", HELD_OUT)):
        if not path.exists():
            print(f"{label}: {path.relative_to(ROOT)} is missing; skipped")
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        print(f"{label}: statement check on {len(rows)} hand-made pairs ({sum(r['expected'] == 'beyond' for r in rows)} "
              f"go beyond their quote) [{path.relative_to(ROOT)}]")
        for name, check in (("summarizer", ours), ("baseline: under half the words in the quote", base)):
            tp, fp, fn, tn = score(rows, check)
            p = tp / (tp + fp) if tp + fp else float("nan")
            rec = tp / (tp + fn) if tp + fn else float("nan")
            print(f"  {name:<46} flag precision {p:.3f}  recall {rec:.3f}   (TP {tp}, FP {fp}, FN {fn}, TN {tn})")
        if verbose and path == PAIRS:
            for r in rows:
                got = ours(r)
                if got != (r["expected"] == "beyond"):
                    print(f"  {'false flag' if got else 'missed    '} {r['id']} ({r['why']}): {r['statement']!r} | quote {r['quote']!r}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
