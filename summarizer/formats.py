"""Output formats, as registered implementations of one small protocol.

A format is a function ``(summary, articles) -> str``: ``articles`` is called only by formats that
need the article texts (the HTML report shows every quote in place), so the others cost nothing
extra. A new format is a new module that calls ``register`` once, plus its name in ``BUILTIN``; the
command line and the Python API find it here, with no edit to either.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Callable, Iterable

#: Modules that register the formats shipped with the package, loaded the same way a plugin would be.
BUILTIN = ("summarizer.report", "summarizer.html_report", "summarizer.csv_report")


@dataclass(frozen=True)
class Format:
    name: str
    render: Callable  # (summary, articles: Callable[[], Iterable[Article]]) -> str
    help: str
    terminal: bool = False  # printed with colour on a terminal when not written to a file
    needs_articles: bool = False  # shows the articles' text: the run keeps them (RunOptions.keep_articles)


_REGISTRY: dict[str, Format] = {}


def register(name: str, help: str, terminal: bool = False, needs_articles: bool = False):
    """Decorator: ``@register("csv", "one row per claim source")`` over ``render(summary, articles)``."""

    def wrap(fn):
        _REGISTRY[name] = Format(name, fn, help, terminal, needs_articles)
        return fn

    return wrap


def _load() -> dict[str, Format]:
    for module in BUILTIN:
        import_module(module)
    return _REGISTRY


def names() -> list[str]:
    return list(_load())


def get(name: str) -> Format:
    formats = _load()
    if name not in formats:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(formats)})")
    return formats[name]


def render(name: str, summary, articles: Callable[[], Iterable] = lambda: ()) -> str:
    return get(name).render(summary, articles)
