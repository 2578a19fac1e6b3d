"""The response cache: a hit sends nothing, the key covers what shapes the answer (never the API key),
replay forbids the network, refresh and no-cache, and two runs share one cache (two processes: test_reliability.py)."""

import json
import threading

from summarizer import summarize
from summarizer.cache import CacheMode
from tests.conftest import TEST_KEY
from tests.test_pipeline import GOOD, art


def test_cache_hit_makes_no_request(server, options, tmp_path):
    server.set_answer("Article 1.", GOOD)
    first = summarize([art()], options())
    second = summarize([art()], options())
    assert len(server.chat_requests) == 1
    assert second.articles[0].usage.cached_requests == 1 and first.articles[0].usage.cached_requests == 0
    assert second.claims[0].model_dump() == first.claims[0].model_dump()
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 1
    raw = entries[0].read_text()
    assert TEST_KEY not in raw and "Authorization" not in raw
    assert json.loads(raw)["request"]["body"]["model"] == "gpt-4o-mini"  # human-readable entry


def test_cache_key_covers_what_shapes_the_answer_but_not_the_key(server, options):
    server.set_answer("Article 1.", GOOD)
    summarize([art()], options())
    summarize([art()], options(config={"api_key": "sk-another-key"}))
    assert len(server.chat_requests) == 1  # a different key is the same request
    summarize([art()], options(config={"temperature": 0.7}))
    summarize([art()], options(config={"model": "gpt-4o"}))
    summarize([art()], options(config={"mode": "json"}))
    assert len(server.chat_requests) == 4


def test_replay_miss_names_the_article_and_sends_nothing(server, options):
    s = summarize([art(7)], options(cache_mode=CacheMode.replay))
    assert server.chat_requests == []
    assert "no cached response for article 'a7'" in s.failures[0].error


def test_refresh_and_no_cache(server, options, tmp_path):
    server.set_answer("Article 1.", GOOD)
    summarize([art()], options())
    summarize([art()], options(cache_mode=CacheMode.refresh))
    assert len(server.chat_requests) == 2
    summarize([art()], options(cache_mode=CacheMode.off, cache_dir=tmp_path / "off"))
    assert len(server.chat_requests) == 3 and not (tmp_path / "off").exists()


def test_two_runs_share_one_cache(server, options, tmp_path):
    server.set_answer("Article", GOOD)
    arts = [art(i) for i in range(12)]
    results = []
    threads = [threading.Thread(target=lambda: results.append(summarize(arts, options()))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(not r.failures for r in results)
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 12 and all(json.loads(e.read_text())["key"] == e.stem for e in entries)
    assert not list((tmp_path / "cache").rglob("*.tmp"))
