"""Prompt templates live as files in ``prompts/`` so they can be reviewed and diffed like code.

Each file starts with a ``prompt-version:`` header. The version is part of the cache key, so editing a
prompt without bumping the version still misses the cache (the text itself is in the request), and
bumping it forces fresh answers even for cosmetic edits.
"""

from __future__ import annotations

import os
import string
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

#: Where a wheel install carries the templates (see ``force-include`` in pyproject.toml).
_PACKAGED = "_prompts"
#: Where a source checkout or an editable install finds them.
_CHECKOUT = Path(__file__).resolve().parent.parent / "prompts"


@dataclass(frozen=True)
class Template:
    name: str
    version: str
    body: str

    def render(self, **values: str) -> str:
        # string.Template with ``safe_substitute``: article text is passed as a *value*, so braces,
        # ``$`` signs or Jinja markup inside an article are never interpreted.
        return string.Template(self.body).safe_substitute(values)


def _read(name: str) -> str:
    override = os.environ.get("SUMMARIZER_PROMPTS")
    if override and (Path(override) / name).is_file():
        # a folder of one's own templates, to try a prompt without editing the package (same file names)
        return (Path(override) / name).read_text(encoding="utf-8")
    packaged = resources.files("summarizer").joinpath(_PACKAGED, name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    path = _CHECKOUT / name
    if path.is_file():
        return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"prompt template {name!r} not found in the package or in {_CHECKOUT}")


@lru_cache(maxsize=None)
def load(name: str) -> Template:
    raw = _read(name)
    header, sep, body = raw.partition("\n---\n")
    if not sep or not header.startswith("prompt-version:"):
        raise ValueError(f"prompt template {name!r} must start with 'prompt-version: ...' and a '---' line")
    return Template(name=name, version=header.split(":", 1)[1].strip(), body=body.rstrip("\n"))


def extraction_messages(article_text: str, published: str | None, title: str | None) -> tuple[list[dict], str]:
    """The chat messages for one article, and the prompt version that produced them."""
    system, user = load("extract.system.txt"), load("extract.user.txt")
    version = system.version if system.version == user.version else f"{system.version}+{user.version}"
    messages = [
        {"role": "system", "content": system.render()},
        {
            "role": "user",
            "content": user.render(
                article=article_text, published=published or "not stated", title=title or "not stated"
            ),
        },
    ]
    return messages, version
