"""The Batch API flow end to end against the local server: submit, status, collect, then replay."""

import json

from click.testing import CliRunner

from summarizer.cli import main
from tests.conftest import TEST_KEY
from tests.openai_server import Fault

GOOD = {
    "actors": [{"name": "Ann Lee", "kind": "person", "role": "mayor", "aliases": ["Lee"]}],
    "claims": [{"speaker": "Ann Lee", "statement": "The bridge will reopen.", "quote": "The bridge reopens on Monday"}],
    "denials": [],
    "events": [],
}


def test_batch_submit_status_collect_then_summarize_from_the_cache(server, tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Article {i}. Mayor Ann Lee said: "
                                       f"\"The bridge reopens on Monday.\""}) + "\n" for i in range(1, 4)))
    server.set_answer("Article", GOOD)
    common = ["--base-url", server.base_url, "--api-key", TEST_KEY, "--cache-dir", str(tmp_path / "cache")]
    run = lambda *a: CliRunner().invoke(main, [*map(str, a), *common], catch_exceptions=False)

    res = run("batch", "submit", src)
    assert res.exit_code == 0 and "3 requests" in res.output, res.output
    assert server.chat_requests == []  # nothing was asked interactively
    (state_file,) = (tmp_path / "cache" / "batches").glob("*.json")
    state = json.loads(state_file.read_text())
    key = {r["article"]: r["key"] for r in state["requests"]}
    uploaded = [json.loads(line) for line in server.file_content(state["input_file_id"]).decode().splitlines()]
    assert {u["custom_id"] for u in uploaded} == set(key.values())
    assert uploaded[0]["body"]["tools"][0]["function"]["name"] == "ArticleExtraction"  # the interactive request

    server.batch_faults[key["a2"]] = Fault.answer({"actors": "not a list"})  # invalid: re-asked on collect
    server.batch_faults[key["a3"]] = Fault.status(500)  # failed: reported

    res = run("batch", "status")  # a new shell: the latest saved batch, no id needed
    assert res.exit_code == 0 and "completed" in res.output

    res = run("batch", "collect")
    assert res.exit_code == 1, res.output
    assert "2 answers stored in the cache, 2 valid after 1 interactive re-ask" in res.output
    assert "failed: a3: HTTP 500" in res.output
    assert len(server.chat_requests) == 1 and "Article 2." in server.chat_requests[0].message_text

    before = len(server.chat_requests)
    res = CliRunner().invoke(main, ["summarize", str(src), "--replay", "--format", "json", *common])
    data = json.loads(res.stdout)
    assert {a["article_id"] for a in data["articles"] if a["ok"]} == {"a1", "a2"}  # straight from the cache
    assert len(server.chat_requests) == before
    entries = [json.loads(p.read_text()) for p in (tmp_path / "cache").rglob("*.json") if "batches" not in p.parts]
    assert any(e["origin"].startswith("OpenAI Batch API") for e in entries)


def test_nothing_to_submit_when_everything_is_cached(server, tmp_path):
    src = tmp_path / "one.txt"
    src.write_text("Article 1. Mayor Ann Lee said: \"The bridge reopens on Monday.\"")
    server.set_answer("Article", GOOD)
    common = ["--base-url", server.base_url, "--api-key", TEST_KEY, "--cache-dir", str(tmp_path / "cache")]
    assert CliRunner().invoke(main, ["summarize", str(src), *common]).exit_code == 0
    res = CliRunner().invoke(main, ["batch", "submit", str(src), *common])
    assert res.exit_code == 1 and "already answered" in res.output
