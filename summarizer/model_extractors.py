"""The extractors shipped with the package: the model, the offline rules, and ``auto`` (the model, or
the rules for an article nobody can answer when no endpoint is configured)."""

from __future__ import annotations

from . import rules
from .extract import extract_article
from .extractors import Context, Step, failed, register
from .models import Article, Usage

#: How the results name an answer from the offline extractor.
OFFLINE = "offline extractor"


async def _model(article: Article, ctx: Context, fall_back: bool):
    outcome = await extract_article(ctx.client, article, ctx.config, ctx.cache)
    if outcome.extraction is not None:
        return Step(outcome.extraction, "llm", outcome.usage, ctx.cache.answered_by.get(article.id),
                    outcome.partial, outcome.note)
    if outcome.cache_miss and fall_back and not ctx.config.can_call:
        return Step(rules.extract(article), "rules", outcome.usage, OFFLINE)
    result = failed(article, outcome.error or "no answer")
    result.usage = outcome.usage
    return result


@register("llm", "ask the model", calls_model=True)
async def model(article: Article, ctx: Context):
    return await _model(article, ctx, fall_back=False)


@register("rules", "the offline extractor (no model, no network)", calls_model=False)
async def offline(article: Article, ctx: Context):
    return Step(rules.extract(article), "rules", Usage(), OFFLINE)


@register("auto", "the model, or the offline extractor for articles with no recorded answer when no endpoint "
          "is configured", calls_model=True)
async def auto(article: Article, ctx: Context):
    return await _model(article, ctx, fall_back=True)
