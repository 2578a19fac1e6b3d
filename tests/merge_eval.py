"""Scoring the merge against the hand-checked expectation in tests/data/expected_merge.json.

Shared by tests/test_merge.py and benchmarks/merge_bench.py. Clusterings are compared pairwise:
a pair of items is a true positive when both the merge and the expectation put them together.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

from summarizer.ingest import read_articles
from summarizer.textlayer import first_mention, ground_actor
from summarizer.models import ArticleExtraction, ArticleResult
from summarizer.verify import verify_extraction

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "tests" / "data" / "expected_merge.json").read_text(encoding="utf-8"))


def seed_results() -> list[ArticleResult]:
    """The seeds' hand-written answers, verified, as the pipeline would hand them to the merge."""
    return answered_results(ROOT / "seeds", ROOT / "tests" / "fixtures" / "seed_answers")


def answered_results(articles: Path, answers: Path) -> list[ArticleResult]:
    """Articles and their hand-written answers (``<answers>/<article id>.json``), verified."""
    results = []
    for art in read_articles([articles]):
        ext = ArticleExtraction.model_validate_json((answers / f"{art.id}.json").read_text(encoding="utf-8"))
        claims, denials, events = verify_extraction(art, ext)
        results.append(ArticleResult(
            article_id=art.id, source=art.source, published=art.published, ok=True, actors=ext.actors,
            actor_spans=[first_mention(art.text, [a.name, *a.aliases]) for a in ext.actors],
            actor_grounding=[ground_actor(art.text, a.name, a.aliases) for a in ext.actors],
            claims=claims, denials=denials, events=events))
    return results


def _pairs(groups) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in combinations(sorted(set(g)), 2)}


def _pr(predicted: set, expected: set) -> tuple[float, float]:
    tp = len(predicted & expected)
    return (tp / len(predicted) if predicted else 1.0, tp / len(expected) if expected else 1.0)


def score(summary_parts, expected=EXPECTED) -> dict:
    actors, claims, denials, timeline = summary_parts
    out = {}
    out["actors"] = _pr(_pairs([(m.article_id, m.name) for m in a.mentions] for a in actors),
                        _pairs([tuple(x) for x in e["mentions"]] for e in expected["actors"]))
    out["claims"] = _pr(_pairs([(r.article_id, r.index) for r in c.sources] for c in claims),
                        _pairs([tuple(x) for x in e["members"]] for e in expected["claims"]))
    members = {c.id: [(r.article_id, r.index) for r in c.sources] for c in claims}
    predicted_links = {((s.article_id, s.index), m) for d in denials for s in d.sources
                       for cid in d.denies for m in members[cid]}
    expected_links = {(tuple(e["denial"]), tuple(c)) for e in expected["denials"] for c in e["denies"]}
    out["denial links"] = _pr(predicted_links, expected_links)
    got_dates = {(s.article_id, s.index): (t.date, t.precision if t.date else None, t.until)
                 for t in timeline for s in t.sources}
    want = {tuple(e["event"]): (e["date"], e["precision"] if e["date"] else None, e.get("until"))
            for e in expected["timeline"]}
    right = sum(got_dates.get(k) == v for k, v in want.items())
    out["timeline dates"] = (right / len(want), right / len(want))
    out["same event"] = _pr(_pairs([(s.article_id, s.index) for s in t.sources] for t in timeline),
                            _pairs([tuple(e["event"]), *map(tuple, e.get("same_as", []))] for e in expected["timeline"]))
    out["wrong dates"] = sorted((k, got_dates.get(k), v) for k, v in want.items() if got_dates.get(k) != v)
    return out
