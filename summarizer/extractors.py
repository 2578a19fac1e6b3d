"""Extractors, as registered implementations of one small protocol, the way output formats are.

An extractor turns one article into a ``Step`` (its extraction and how it was obtained), or into a
failed ``ArticleResult`` that says why. The run hands it a ``Context`` (the client, the model config and
the response cache) and never looks at its name again. A new extractor is a new module that calls
``register`` once, plus its name in ``BUILTIN``: the command line's ``--extractor`` choices and the
Python API's ``RunOptions(extractor=...)`` find it here, with no edit to either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Awaitable, Callable, Optional, Union

from .models import Article, ArticleExtraction, ArticleResult, Usage
from .registry import Registry

#: Modules that register the extractors shipped with the package, loaded the same way a plugin would be.
BUILTIN = ("summarizer.model_extractors",)


@dataclass
class Context:
    """What an extractor may use: ``client`` and ``config`` to ask the model, ``cache`` for its answers."""

    client: object
    config: object  # summarizer.extract.ModelConfig
    cache: object  # summarizer.cache.ResponseCache


@dataclass
class Step:
    """One article's extraction, before verification."""

    extraction: ArticleExtraction
    used: str  # the extractor that answered, as the results name it ("llm" or "rules")
    usage: Usage
    answered_by: Optional[str] = None
    partial: Optional[str] = None  # why only part of an answer was kept
    note: Optional[str] = None  # what happened on the way to a whole answer


Run = Callable[[Article, Context], Awaitable[Union[Step, ArticleResult]]]


@dataclass(frozen=True)
class Extractor:
    name: str
    run: Run
    help: str
    calls_model: bool  # whether it may send requests (the run probes the endpoint's mode only for these)


_EXTRACTORS: Registry[Extractor] = Registry("extractor", BUILTIN)
names, get = _EXTRACTORS.names, _EXTRACTORS.get


def register(name: str, help: str, calls_model: bool):
    """Decorator: ``@register("rules", "the offline extractor", calls_model=False)`` over
    ``async run(article, context) -> Step | ArticleResult``."""

    def wrap(fn: Run) -> Run:
        _EXTRACTORS.add(name, Extractor(name, fn, help, calls_model))
        return fn

    return wrap


def article_fields(article: Article) -> dict:
    """What every result says of the article it came from, failed or not: one place to add a field."""
    return {"article_id": article.id, "source": article.source, "title": article.title, "published": article.published}


def failed(article: Article, error: str) -> ArticleResult:
    """The result of an article that gave no extraction, with the reason."""
    return ArticleResult(
        **article_fields(article),
        ok=False,
        error=error,
        warnings=list(article.warnings),
    )
