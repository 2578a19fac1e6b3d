"""Extractors are registered implementations of one protocol (issue #17): a new one is a module and
one registration, and the run uses it with no edit to pipeline.py or cli.py."""

from __future__ import annotations

from summarizer import RunOptions, extractors, summarize
from summarizer.attribution import find_quotes
from summarizer.ingest import make_article
from summarizer.models import Actor, ArticleExtraction, Claim, Usage


@extractors.register("quotes-only", "every attributed direct quotation as a claim, nothing else", calls_model=False)
async def quotes_only(article, ctx):
    quotes = [q for q in find_quotes(article.text, article.boilerplate) if q.speaker]
    actors = {q.speaker: Actor(name=q.speaker, kind="person") for q in quotes}
    claims = [Claim(speaker=q.speaker, statement=q.text, quote=q.text) for q in quotes]
    return extractors.Step(ArticleExtraction(actors=list(actors.values()), claims=claims), "quotes-only", Usage())


def test_a_registered_extractor_is_used_by_the_run_and_its_answers_verified():
    text = "The council met on Monday.\n\n“We will reopen the bridge by May,” said Ana Ruiz, the mayor.\n"
    s = summarize([make_article("a1", "a1", text)], RunOptions(extractor="quotes-only", inventory=False))
    assert s.run.extractor == "quotes-only"
    [claim] = s.claims
    assert claim.speaker == "Ana Ruiz" and claim.sources[0].state.value == "verified"


def test_the_shipped_extractors_and_an_unknown_name():
    assert {"llm", "rules", "auto"} <= set(extractors.names())
    assert not extractors.get("rules").calls_model and extractors.get("llm").calls_model
    try:
        extractors.get("nope")
    except ValueError as exc:
        assert "unknown extractor 'nope'" in str(exc) and "rules" in str(exc)
    else:
        raise AssertionError("an unknown extractor name must be refused")
