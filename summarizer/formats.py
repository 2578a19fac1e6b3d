"""Output formats, as registered implementations of one small protocol.

A format is a function ``(summary, articles) -> str``: ``articles`` is called only by formats that
need the article texts (the HTML report shows every quote in place), so the others cost nothing
extra. A new format is a new module that calls ``register`` once, plus its name in ``BUILTIN``; the
command line and the Python API find it here, with no edit to either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .registry import Registry

#: Modules that register the formats shipped with the package, loaded the same way a plugin would be.
BUILTIN = ("summarizer.report", "summarizer.html_report", "summarizer.csv_report")


@dataclass(frozen=True)
class Format:
    name: str
    render: Callable  # (summary, articles: Callable[[], Iterable[Article]]) -> str
    help: str
    terminal: bool = False  # printed with colour on a terminal when not written to a file
    needs_articles: bool = False  # shows the articles' text: the run keeps them (RunOptions.keep_articles)


_FORMATS: Registry[Format] = Registry("format", BUILTIN)
names, get = _FORMATS.names, _FORMATS.get


def register(name: str, help: str, terminal: bool = False, needs_articles: bool = False):
    """Decorator: ``@register("csv", "one row per claim source")`` over ``render(summary, articles)``."""

    def wrap(fn):
        _FORMATS.add(name, Format(name, fn, help, terminal, needs_articles))
        return fn

    return wrap


def render(name: str, summary, articles: Callable[[], Iterable] = lambda: ()) -> str:
    return get(name).render(summary, articles)
