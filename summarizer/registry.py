"""Named implementations of one small protocol (output formats, extractors), the way a plugin system keeps
them: each registers itself on import, and the ones the package ships are imported from their modules on
first use, as a plugin's would be."""

from __future__ import annotations

from importlib import import_module
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str, builtin: tuple[str, ...]) -> None:
        self.kind = kind  # what the items are, for the error message ("format", "extractor")
        self.builtin = builtin  # the modules that register the shipped items
        self._items: dict[str, T] = {}

    def add(self, name: str, item: T) -> None:
        self._items[name] = item

    def _load(self) -> dict[str, T]:
        for module in self.builtin:
            import_module(module)
        return self._items

    def names(self) -> list[str]:
        return list(self._load())

    def get(self, name: str) -> T:
        items = self._load()
        if name not in items:
            raise ValueError(f"unknown {self.kind} {name!r} (choose from {', '.join(items)})")
        return items[name]
