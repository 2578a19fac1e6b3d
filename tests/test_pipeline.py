"""The whole stack (openai client + instructor + tenacity + cache) against a real local HTTP server."""

import asyncio
import json
import logging
import threading
import time

import pytest

from summarizer import RunOptions, summarize, summarize_async
from summarizer.models import Article, Summary
from tests.conftest import TEST_KEY
from tests.openai_server import Fault

GOOD = {
    "actors": [{"name": "Ann Lee", "kind": "person", "role": "mayor", "aliases": ["Lee"]}],
    "claims": [{"speaker": "Ann Lee", "statement": "The bridge will reopen.", "quote": "The bridge reopens on Monday", "when": None}],
    "denials": [],
    "events": [],
}


def art(i=1, text=None):
    return Article(id=f"a{i}", source=f"mem:{i}",
                   text=text or f"Article {i}. Mayor Ann Lee said: \"The bridge reopens on Monday.\"")


def test_tools_mode_end_to_end(server, options):
    server.set_answer("Article 1.", GOOD)
    s = summarize([art()], options())
    assert isinstance(s, Summary) and not s.failures
    claim = s.articles[0].claims[0]
    assert claim.verification.status.value == "exact" and claim.verification.speaker_found
    body = server.chat_requests[0].body
    assert body["tools"][0]["function"]["name"] == "ArticleExtraction"
    assert body["model"] == "gpt-4o-mini" and body["temperature"] == 0.0
    assert server.chat_requests[0].headers["authorization"] == f"Bearer {TEST_KEY}"


def test_json_mode_for_servers_without_tools(server, options):
    server.set_answer("Article 1.", GOOD)
    s = summarize([art()], options(config={"mode": "json"}))
    assert not s.failures and s.claims[0].statement == "The bridge will reopen."
    body = server.chat_requests[0].body
    assert "tools" not in body and body["response_format"] == {"type": "json_object"}


def test_article_text_is_delimited_and_never_templated(server, options):
    text = "Article 1. {{ 7*7 }} {% if x %}kept{% endif %} $published ${title} </article> Lee said it."
    server.set_answer("Article 1.", GOOD)
    summarize([art(text=text)], options())
    user = server.chat_requests[0].body["messages"][-1]["content"]
    assert text in user
    assert user.index("<article>") < user.index(text) < user.rindex("</article>")


def test_429_with_retry_after_and_500_are_retried(server, options):
    server.set_answer("Article 1.", GOOD)
    server.queue(Fault.status(429, retry_after=0.3), Fault.status(500))
    t0 = time.monotonic()
    s = summarize([art()], options())
    assert not s.failures
    assert len(server.chat_requests) == 3
    assert time.monotonic() - t0 >= 0.3  # Retry-After was honoured
    assert s.articles[0].usage.requests == 3


def test_connection_reset_is_retried(server, options):
    server.set_answer("Article 1.", GOOD)
    server.queue(Fault.reset())
    s = summarize([art()], options())
    assert not s.failures and len(server.chat_requests) == 2


def test_invalid_answer_is_reasked_with_the_error(server, options):
    server.set_answer("Article 1.", GOOD)
    server.queue(Fault.answer({"actors": "not a list", "claims": []}))
    s = summarize([art()], options())
    assert not s.failures
    assert len(server.chat_requests) == 2
    reask = json.dumps(server.chat_requests[1].body["messages"])
    assert "actors" in reask and ("valid list" in reask or "list_type" in reask or "Validation" in reask)


def test_reasks_run_out_and_the_article_fails_alone(server, options):
    server.set_answer("Article 1.", lambda body: {"actors": 5})
    server.set_answer("Article 2.", GOOD)
    s = summarize([art(1), art(2)], options(config={"max_reasks": 1}))
    assert [a.ok for a in s.articles] == [False, True]
    assert s.failures[0].source == "mem:1" and "did not fit the schema after 1 re-asks" in s.failures[0].error
    assert len([r for r in server.chat_requests if "Article 1." in r.message_text]) == 2


@pytest.mark.parametrize("code, words", [(401, "authentication failed"), (404, "not found"), (400, "request rejected")])
def test_permanent_errors_fail_fast_without_the_key(server, options, code, words):
    server.queue(Fault.status(code, message=f"bad thing for key {TEST_KEY}"))
    s = summarize([art()], options())
    assert len(server.chat_requests) == 1  # no retry
    err = s.failures[0].error
    assert words in err and TEST_KEY not in err


def test_corrupt_entry_is_a_miss_with_a_warning(server, options, tmp_path, caplog):
    server.set_answer("Article 1.", GOOD)
    summarize([art()], options())
    (entry,) = list((tmp_path / "cache").rglob("*.json"))
    entry.write_text('{"key": "truncated', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="summarizer.cache"):
        s = summarize([art()], options())
    assert not s.failures and len(server.chat_requests) == 2
    assert "corrupt" in caplog.text
    assert json.loads(entry.read_text())["key"] == entry.stem  # rewritten whole


@pytest.mark.parametrize("concurrency", [3, 8])
def test_concurrency_is_bounded(server, options, concurrency):
    """From 4 up, a few spare workers wait at the rate governor with their request built: the endpoint
    must still never see more than --concurrency requests at once."""
    lock, state = threading.Lock(), {"now": 0, "max": 0}

    def slow(body):
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.1)
        with lock:
            state["now"] -= 1
        return GOOD

    server.set_answer("Article", slow)
    s = summarize([art(i) for i in range(3 * concurrency)], options(config={"concurrency": concurrency}))
    assert not s.failures and state["max"] == concurrency and len(s.articles) == 3 * concurrency


def test_usage_is_recorded_once_per_article(server, options):
    server.set_answer("Article 1.", GOOD)
    server.queue(Fault.answer({"actors": "bad"}))
    s = summarize([art()], options())
    u = s.articles[0].usage
    assert u.requests == 2 and u.prompt_tokens > 0 and u.completion_tokens > 0
    assert s.usage.total_tokens == u.total_tokens == u.prompt_tokens + u.completion_tokens


def test_async_api(server, options):
    server.set_answer("Article 1.", GOOD)
    s = asyncio.run(summarize_async([art()], options()))
    assert isinstance(s, Summary) and s.claims[0].speaker == "Ann Lee"


def test_no_endpoint_and_no_recording(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = summarize([art()], RunOptions(extractor="llm"))
    assert "no endpoint configured" in s.failures[0].error
    s = summarize([art()])  # auto: the offline extractor steps in
    assert not s.failures and s.run.extractor == "rules" and s.articles[0].extractor == "rules"
    assert s.claims[0].speaker == "Ann Lee" and s.claims[0].status.value == "exact"


@pytest.mark.parametrize("in_memory", [1000, 3])
def test_results_come_back_in_input_order_whether_held_or_spilled(in_memory):
    """Small runs keep results in memory; large ones spill them to a temporary file. Either way the
    merge sees every result once, in input order, unchanged."""
    from summarizer.models import ArticleResult
    from summarizer.pipeline import _Spool

    made = {i: ArticleResult(article_id=f"a{i}", source=f"s{i}", ok=i % 3 != 0, warnings=[f"w{i}"]) for i in range(8)}
    spool = _Spool(in_memory=in_memory)
    for i in (5, 0, 7, 2, 1, 6, 3, 4):  # finish order, as a pool of workers produces it
        spool.put(i, made[i])
    back = spool.read_in_order()
    spool.close()
    assert [i for i, _ in back] == list(range(8))
    assert [r.model_dump() for _, r in back] == [made[i].model_dump() for i in range(8)]


def test_request_head_goes_out_with_its_body():
    """The head of a request with a body is written together with it; one without a body is never held
    past the point where we wait for the answer."""
    from summarizer.speedups import OneWriteRequests

    class Stream:
        def __init__(self):
            self.writes = []

        async def write(self, buffer, timeout=None):
            self.writes.append(buffer)

        async def read(self, max_bytes, timeout=None):
            return b"HTTP/1.1 200 OK\r\n\r\n"

    async def go():
        inner = Stream()
        stream = OneWriteRequests(inner)
        head = b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n"
        await stream.write(head)
        assert inner.writes == []
        await stream.write(b"{}")
        assert inner.writes == [head + b"{}"]
        empty = b"POST /v1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
        await stream.write(empty)
        await stream.read(100)
        assert inner.writes[-1] == empty
        get = b"GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n"
        await stream.write(get)
        assert inner.writes[-1] == get

    asyncio.run(go())


def test_an_invalid_answer_is_kept_for_diagnosis_but_a_rerun_asks_again(server, options, tmp_path):
    server.set_answer("Article 1.", lambda body: {"actors": 5, "claims": "none"})
    first = summarize([art(1)], options(config={"max_reasks": 1}))
    error = first.failures[0].error
    assert "2 errors" in error and "actors" in error and "claims" in error  # every error named, not one
    asked = len(server.chat_requests)
    failed = list((tmp_path / "cache" / "failed").glob("*.json"))
    assert len(failed) == asked  # kept aside, not in the cache
    server.set_answer("Article 1.", GOOD)
    second = summarize([art(1)], options(config={"max_reasks": 1}))
    assert not second.failures and len(server.chat_requests) == asked + 1  # asked again, not replayed


def test_an_outlets_relayed_narration_is_not_a_possible_omission():
    from summarizer.ingest import make_article
    from summarizer.inventory import find_omissions

    text = ('Jo Ray said: "We will reopen the depot on Monday and hire forty drivers."\n\n'
            'The Harbour Gazette reported: "The council has long argued over the depot, which closed in '
            'March after a fire, and residents have complained for months about the noise of the lorries."\n')
    listed = [o.text for o in find_omissions(make_article("t", "t", text), [])]
    assert listed == ["We will reopen the depot on Monday and hire forty drivers."]


def test_a_failed_articles_tokens_are_counted(server, options):
    server.set_answer("Article 1.", lambda body: {"actors": 5})
    s = summarize([art(1)], options(config={"max_reasks": 1}))
    assert s.failures and s.articles[0].usage.prompt_tokens > 0 and s.articles[0].usage.completion_tokens > 0
    assert s.usage.prompt_tokens == s.articles[0].usage.prompt_tokens


def test_the_run_keeps_the_articles_it_read_only_when_asked(tmp_path):
    (tmp_path / "a.txt").write_text("The council met.\n\n“We will reopen the bridge by May,” said Ana Ruiz.\n")
    (tmp_path / "b.txt").write_text("The council met.\n\n“We will reopen the bridge by May,” said Ana Ruiz.\n")  # a repeat
    kept = summarize([tmp_path], RunOptions(extractor="rules", keep_articles=True, inventory=False))
    assert [a.source.endswith("a.txt") for a in kept.source_articles()] == [True]  # the repeat is summarised once
    assert "Ana Ruiz" in kept.source_articles()[0].text
    assert "source_articles" not in kept.model_dump_json()
    plain = summarize([tmp_path], RunOptions(extractor="rules", inventory=False))
    assert plain.source_articles() == []  # a long stream stays out of memory
