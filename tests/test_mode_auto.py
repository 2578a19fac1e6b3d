"""--mode auto (issue #15): one probe per endpoint and model, remembered beside the cache, against the
local OpenAI-compatible test server made to behave like servers people run."""

import json
import subprocess
import sys
from pathlib import Path

from tests.openai_server import FakeOpenAI

SCRIPT = Path(sys.executable).parent / "summarizer"
ARTICLE = {"actors": [{"name": "Harbour Board", "kind": "organisation"}], "claims": [], "denials": [], "events": []}


def like_llama_cpp(body):
    """Tool calls come back unusable (the arguments are not the schema); a JSON schema is honoured."""
    is_probe = "Reply with ok true" in json.dumps(body.get("messages"))
    if body.get("tools"):
        return {"unexpected": "shape"}
    return {"ok": True, "word": "ready"} if is_probe else ARTICLE


def run(srv, tmp_path, cache):
    src = tmp_path / "a.txt"
    src.write_text("Harbour news. The Harbour Board met on Monday.")
    return subprocess.run([str(SCRIPT), "summarize", str(src), "--base-url", srv.base_url, "--api-key", "sk-test",
                           "--mode", "auto", "--cache-dir", str(cache), "--format", "json", "--max-reasks", "0"],
                          capture_output=True, text=True, timeout=120)


def probes(srv):
    return [r for r in srv.chat_requests if "Reply with ok true" in r.message_text]


def test_auto_probes_once_picks_the_mode_that_works_and_remembers_it(tmp_path):
    with FakeOpenAI() as srv:
        srv.set_answer("", like_llama_cpp)
        first = run(srv, tmp_path, tmp_path / "cache")
        assert first.returncode == 0, first.stderr
        assert "mode auto: picked json-schema" in first.stderr and "tools failed" in first.stderr
        summary = json.loads(first.stdout)
        assert summary["run"]["mode"] == "json-schema" and summary["articles"][0]["ok"]
        article_requests = [r for r in srv.chat_requests if "Harbour news" in r.message_text]
        assert article_requests and all(r.body["response_format"]["type"] == "json_schema" for r in article_requests)
        assert len(probes(srv)) == 2  # tools, then json-schema
        remembered = json.loads((tmp_path / "cache" / "modes.json").read_text())
        assert list(remembered.values()) == ["json-schema"]

        srv.clear_requests()
        (tmp_path / "a.txt").write_text("Harbour news. The Harbour Board met on Tuesday.")  # a cache miss
        second = run(srv, tmp_path, tmp_path / "cache")
        assert second.returncode == 0, second.stderr
        assert "remembered" in second.stderr and probes(srv) == []


def test_auto_with_tools_that_work_keeps_tools(tmp_path):
    with FakeOpenAI() as srv:
        srv.set_answer("", lambda body: {"ok": True, "word": "ready"}
                       if "Reply with ok true" in json.dumps(body.get("messages")) else ARTICLE)
        done = run(srv, tmp_path, tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert "mode auto: picked tools" in done.stderr and json.loads(done.stdout)["run"]["mode"] == "tools"
