"""Scoring the merge on the second set in tests/data/merge_holdout (held out until its first run; see
its README).

As for the seeds (tests/merge_eval.py): the hand-written answers are verified against their articles
and handed to the merge as the pipeline would; the result is scored with ``tests.merge_eval.score``
against tests/data/merge_holdout/expected_merge.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.models import ArticleResult
from tests.merge_eval import answered_results, score

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "data" / "merge_holdout"
HOLDOUT_EXPECTED = json.loads((HOLDOUT / "expected_merge.json").read_text(encoding="utf-8"))


def holdout_results() -> list[ArticleResult]:
    """The second set's hand-written answers, verified, as the pipeline would hand them to the merge."""
    return answered_results(HOLDOUT / "articles", HOLDOUT / "answers")


def holdout_score() -> dict:
    """Pairwise precision/recall of the merge on the second set (same keys as ``tests.merge_eval.score``)."""
    from summarizer.merge import merge

    return score(merge(holdout_results()), expected=HOLDOUT_EXPECTED)
