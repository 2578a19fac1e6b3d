"""Shared fixtures: a real local OpenAI-compatible server, the seeds, their hand-written answers.

Nothing here replaces the openai client: every test that needs a model talks HTTP to
``tests.openai_server.FakeOpenAI`` on 127.0.0.1 or replays recorded responses.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from summarizer.cache import CacheMode
from summarizer.extract import ModelConfig
from summarizer.ingest import read_articles
from summarizer.pipeline import RunOptions
from tests.openai_server import FakeOpenAI
from tests.record_seeds import ANSWERS, marker_for

#: Seed claims whose statement names what its quote does not, flagged by the statement-support check
#: (summarizer/support.py) although the answers were not written as mistakes: 001 claims[2] says "East
#: Asia" where Stoltenberg said "your region"; 004 claims[5] adds "Russia" to "it has to be an issue".
BEYOND_QUOTE = {("001_ca8c0077a0ec5559", "claims", 2), ("004_79fc82bee750cef7", "claims", 5)}

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEST_KEY = "sk-test-SECRET-4f9a8b7c6d5e"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path):
    """No test may see the developer's real key, endpoint or cache."""
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_MODEL", "SUMMARIZER_CACHE_DIR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "default-cache"))


@pytest.fixture(scope="session")
def seed_articles():
    return list(read_articles([SEEDS]))


@pytest.fixture(scope="session")
def seed_answers():
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in ANSWERS.glob("0*.json")}


@pytest.fixture()
def server():
    with FakeOpenAI() as srv:
        yield srv


@pytest.fixture()
def seed_server(server, seed_articles, seed_answers):
    """The fake server answering each seed with its hand-written answer."""
    for art in seed_articles:
        server.set_answer(marker_for(art), seed_answers[art.id])
    return server


@pytest.fixture()
def options(server, tmp_path):
    """Run options pointing at the local server with a fresh cache."""

    def make(**overrides) -> RunOptions:
        cfg = dict(base_url=server.base_url, api_key=TEST_KEY, concurrency=4, max_retries=3)
        cfg.update(overrides.pop("config", {}))
        return RunOptions(
            config=ModelConfig(**cfg),
            cache_dir=overrides.pop("cache_dir", tmp_path / "cache"),
            cache_mode=overrides.pop("cache_mode", CacheMode.read_write),
            recordings=overrides.pop("recordings", []),
            **overrides,
        )

    return make


def pytest_report_header(config):
    return f"summarizer tests; cwd={os.getcwd()}"
