"""The five seeds, replayed from the checked-in recordings: the planted model mistakes get flagged."""

import json

import jsonschema
import pytest

from summarizer import summarize
from summarizer.cache import CacheMode
from summarizer.pipeline import RunOptions
from summarizer.extract import ModelConfig
from summarizer.report import to_json, to_markdown
from tests.conftest import BEYOND_QUOTE, ROOT, SEEDS
from tests.record_seeds import ANSWERS

PLANTED = json.loads((ANSWERS / "PLANTED_MISTAKES.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    opts = RunOptions(config=ModelConfig(), cache_dir=tmp_path_factory.mktemp("c"), cache_mode=CacheMode.replay,
                      recordings=[ROOT / "recordings"])
    return summarize([SEEDS], opts)


def item(summary, p):
    res = next(a for a in summary.articles if a.article_id == p["article"])
    return getattr(res, p["list"])[p["index"]]


def test_recordings_replay_every_seed(summary):
    assert summary.failures == []
    assert len(summary.articles) == 5 and all(a.ok for a in summary.articles)
    assert summary.usage.requests == summary.usage.cached_requests == 5


@pytest.mark.parametrize("p", [p for p in PLANTED if p["expected_flag"]], ids=lambda p: p["kind"])
def test_planted_mistake_is_flagged(summary, p):
    v = item(summary, p).verification
    assert v.flagged, (p["explanation"], v)


@pytest.mark.parametrize("p", [p for p in PLANTED if not p["expected_flag"]], ids=lambda p: p["kind"])
def test_benign_imperfection_is_not_flagged(summary, p):
    v = item(summary, p).verification
    assert not v.flagged and v.start is not None, v


def test_nothing_but_the_planted_mistakes_is_flagged(summary):
    planted = {(p["article"], p["list"], p["index"]) for p in PLANTED if p["expected_flag"]}
    flagged = {(a.article_id, lst, i) for a in summary.articles for lst in ("claims", "denials", "events")
               for i, x in enumerate(getattr(a, lst)) if x.verification.flagged}
    assert flagged == planted | BEYOND_QUOTE


def test_a_statement_that_names_what_its_quote_does_not_is_flagged_with_why(summary):
    arts = {a.article_id: a for a in summary.articles}
    for article, lst, i in BEYOND_QUOTE:
        v = getattr(arts[article], lst)[i].verification
        assert v.flagged and v.status.value == "exact"  # the words are right; the statement is not theirs
        assert any(r.startswith("the statement goes beyond its quote: it names") for r in v.reasons)


def test_spans_point_at_the_quoted_words(summary):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for a in summary.articles:
        for c in a.claims + a.denials:
            v = c.verification
            if v.start is not None:
                assert texts[a.article_id][v.start:v.end] == v.matched


def test_kinds_of_mistakes_are_named(summary):
    kinds = {p["kind"]: item(summary, p).verification for p in PLANTED if p["expected_flag"]}
    assert kinds["fabricated"].status.value == "unsupported"
    assert kinds["paraphrase"].status.value == "unsupported"
    assert kinds["altered_negation"].status.value == "altered"
    assert any(d.kind == "negation" for d in kinds["altered_negation"].differences)
    assert any(d.kind == "number" and "3" in d.quote for d in kinds["altered_number"].differences)
    assert kinds["wrong_speaker"].credited_to == "Kwon Jong Gun" and kinds["wrong_speaker"].speaker_found is False
    assert any(d.kind == "date" for d in kinds["date_off_by_one"].differences)


def test_json_output_validates_against_checked_in_schema(summary):
    schema = json.loads((ROOT / "schemas" / "summary.schema.json").read_text())
    jsonschema.validate(json.loads(to_json(summary)), schema)


def test_markdown_marks_flagged_items(summary):
    md = to_markdown(summary)
    assert f"## Flagged ({7 + len(BEYOND_QUOTE)})" in md
    assert "FLAGGED: unsupported" in md and "credits these words to Kwon Jong Gun" in md
    assert md.count("**Jens Stoltenberg**") == 1  # one actor across name variants


def test_markdown_names_each_denier_once_per_claim(summary):
    md = to_markdown(summary)
    denier_lines = [line for line in md.splitlines() if line.strip().startswith("- denied by")]
    answered = [c for c in summary.claims if any(c.id in d.denies for d in summary.denials)]
    assert len(denier_lines) == len(answered)  # one line per answered claim, not one per denial
    for line in denier_lines:
        names = [part.split("**")[1] for part in line.split(";")]
        assert len(names) == len(set(names))


def test_the_offline_run_on_the_seeds_flags_none_of_its_own_claims(tmp_path):
    """The offline extractor and the verifier read one attribution engine: they cannot disagree on who said it."""
    opts = RunOptions(config=ModelConfig(), cache_dir=tmp_path, extractor="rules")
    s = summarize([SEEDS], opts)
    flagged = [(c.speaker, src.quote, src.reasons) for c in [*s.claims, *s.denials] for src in c.sources if src.flagged]
    assert s.claims and not flagged, flagged
