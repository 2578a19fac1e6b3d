"""Scoring the merge on the held-out set in tests/data/merge_holdout (a story the merge was never tuned on).

Mirrors ``seed_results()`` in tests/merge_eval.py: the hand-written answers are verified against their
articles and handed to the merge as the pipeline would; the result is scored with
``tests.merge_eval.score`` against tests/data/merge_holdout/expected_merge.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.ingest import read_articles
from summarizer.merge import first_mention
from summarizer.models import ArticleExtraction, ArticleResult
from summarizer.verify import verify_extraction
from tests.merge_eval import score

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "data" / "merge_holdout"
HOLDOUT_EXPECTED = json.loads((HOLDOUT / "expected_merge.json").read_text(encoding="utf-8"))


def holdout_results() -> list[ArticleResult]:
    """The held-out articles' hand-written answers, verified, as the pipeline would hand them to the merge."""
    results = []
    for art in read_articles([HOLDOUT / "articles"]):
        ext = ArticleExtraction.model_validate_json(
            (HOLDOUT / "answers" / f"{art.id}.json").read_text(encoding="utf-8"))
        claims, denials, events = verify_extraction(art, ext)
        results.append(ArticleResult(
            article_id=art.id, source=art.source, published=art.published, ok=True, actors=ext.actors,
            actor_spans=[first_mention(art.text, [a.name, *a.aliases]) for a in ext.actors],
            claims=claims, denials=denials, events=events))
    return results


def holdout_score() -> dict:
    """Pairwise precision/recall of the merge on the held-out set (same keys as ``tests.merge_eval.score``)."""
    from summarizer.merge import merge

    return score(merge(holdout_results()), expected=HOLDOUT_EXPECTED)
