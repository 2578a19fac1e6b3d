"""Every option of the command line, through the real entry point (HTTP to the local server)."""

import json
import os
import re
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from summarizer.cli import main
from tests.conftest import ROOT, SEEDS, TEST_KEY


@pytest.fixture()
def run(tmp_path):
    def invoke(*args, env=None):
        runner = CliRunner()
        return runner.invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)

    return invoke


def cli(server, tmp_path, *extra):
    return ["summarize", SEEDS, "--base-url", server.base_url, "--api-key", TEST_KEY,
            "--cache-dir", tmp_path / "cache", *extra]


def test_help_documents_every_option_with_examples(run):
    out = run("summarize", "--help").output
    for opt in ["--format", "--out", "--base-url", "--api-key", "--model", "--mode", "--temperature",
                "--max-tokens", "--concurrency", "--timeout", "--max-retries", "--max-reasks", "--cache-dir",
                "--recordings", "--replay", "--refresh", "--no-cache", "--progress", "--verbose"]:
        assert opt in out
    assert "Examples:" in out and "OPENAI_BASE_URL" in out and "Exit codes" in out
    assert "summarize" in run("--help").output and "schema" in run("--help").output


def test_default_run_from_repo_root_uses_recordings():
    """The README's main command: no key, no flags, answers from ./recordings."""
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    out = subprocess.run([sys.executable, "-m", "summarizer.cli", "summarize", "seeds/", "--no-progress"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Summary of 5 articles")
    assert "5/5 requests answered from cache" in out.stdout and "## Flagged (9)" in out.stdout


def test_markdown_to_stdout_and_json_to_file(run, seed_server, tmp_path):
    res = run(*cli(seed_server, tmp_path))
    assert res.exit_code == 0 and "# Summary of 5 articles" in res.output
    out = tmp_path / "s.json"
    res = run(*cli(seed_server, tmp_path, "--format", "json", "--out", out))
    assert res.exit_code == 0 and f"wrote {out}" in res.output
    data = json.loads(out.read_text())
    jsonschema.validate(data, json.loads((ROOT / "schemas" / "summary.schema.json").read_text()))
    assert len(seed_server.chat_requests) == 5  # the second run came from the cache


def test_model_mode_temperature_max_tokens_reach_the_request(run, seed_server, tmp_path):
    res = run(*cli(seed_server, tmp_path, "--model", "local-llama", "--mode", "json", "--temperature", "0.3",
                   "--max-tokens", "900", "--concurrency", "2", "--timeout", "30", "--max-retries", "1",
                   "--max-reasks", "0", "--no-progress"))
    assert res.exit_code == 0, res.output
    body = seed_server.chat_requests[0].body
    assert body["model"] == "local-llama" and body["temperature"] == 0.3 and body["max_tokens"] == 900
    assert body["response_format"]["type"] == "json_object"


def test_environment_variables_choose_the_endpoint(run, seed_server, tmp_path):
    env = {"OPENAI_BASE_URL": seed_server.base_url, "OPENAI_API_KEY": TEST_KEY, "SUMMARIZER_MODEL": "env-model"}
    res = run("summarize", SEEDS, "--cache-dir", tmp_path / "c", env=env)
    assert res.exit_code == 0
    assert seed_server.chat_requests[0].body["model"] == "env-model"
    assert seed_server.chat_requests[0].headers["authorization"] == f"Bearer {TEST_KEY}"


def test_replay_refresh_no_cache(run, seed_server, tmp_path):
    assert run(*cli(seed_server, tmp_path, "--replay")).exit_code == 1  # empty cache: every article misses
    assert seed_server.chat_requests == []
    assert run(*cli(seed_server, tmp_path)).exit_code == 0
    assert run(*cli(seed_server, tmp_path, "--replay")).exit_code == 0
    assert len(seed_server.chat_requests) == 5
    assert run(*cli(seed_server, tmp_path, "--refresh")).exit_code == 0
    assert len(seed_server.chat_requests) == 10
    assert run(*cli(seed_server, tmp_path, "--no-cache")).exit_code == 0
    assert len(seed_server.chat_requests) == 15


def test_max_article_chars_refuses_long_articles(run, server, tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("Article 9. " + "Officials spoke at length about the budget. " * 100)
    res = run("summarize", long, "--base-url", server.base_url, "--api-key", TEST_KEY, "--cache-dir",
              tmp_path / "c", "--max-article-chars", "1000")
    assert res.exit_code == 1 and "over the 1,000 limit (--max-article-chars)" in res.output
    assert server.chat_requests == []


def test_recordings_option(run, tmp_path):
    res = run("summarize", SEEDS, "--recordings", ROOT / "recordings", "--replay", "--cache-dir", tmp_path / "c")
    assert res.exit_code == 0 and "5/5 requests answered from cache" in res.output


def test_bad_files_among_good_ones(run, seed_server, tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "latin1.txt").write_bytes("Déclaration".encode("latin-1"))
    res = run("summarize", SEEDS, bad, "--base-url", seed_server.base_url, "--api-key", TEST_KEY,
              "--cache-dir", tmp_path / "c")
    assert res.exit_code == 1  # the empty file failed
    assert f"error: {bad / 'empty.txt'}: empty article (no text)" in res.output
    # the latin-1 file is decoded as far as it goes, summarised, and the damage is said
    assert f"warning: {bad / 'latin1.txt'}: not valid UTF-8 (first bad byte 0xe9 at offset 1)" in res.output
    assert "# Summary of 6 articles" in res.output


def test_progress_and_verbose_go_to_stderr_and_never_show_the_key(seed_server, tmp_path):
    args = [sys.executable, "-m", "summarizer.cli", *map(str, cli(seed_server, tmp_path, "--progress", "-vv"))]
    out = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Summary")
    assert "DEBUG" in out.stderr
    assert TEST_KEY not in out.stdout + out.stderr
    for f in (tmp_path / "cache").rglob("*"):
        if f.is_file():
            assert TEST_KEY not in f.read_text()


def test_schema_command(run, tmp_path):
    assert '"title": "Summary"' in run("schema").output
    assert '"title": "ArticleExtraction"' in run("schema", "article_extraction").output
    run("schema", "--out-dir", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (ROOT / "schemas").iterdir())


def test_usage_error_exit_code(run):
    assert run("summarize").exit_code == 2
    assert run("summarize", "x", "--format", "pdf").exit_code == 2


def test_offline_extractor_on_a_fresh_machine(tmp_path):
    """No key, no cache, no recordings: a real summary from the rules, every quote exact."""
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    out = subprocess.run([sys.executable, "-m", "summarizer.cli", "summarize", str(SEEDS), "--no-cache",
                          "--format", "json", "--no-progress"], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "summarised with the offline rules extractor" in out.stderr and out.stderr.count("\n") == 1
    data = json.loads(out.stdout)
    assert data["run"]["extractor"] == "rules" and len(data["claims"]) >= 20
    statuses = {s["status"] for c in data["claims"] + data["denials"] for s in c["sources"]}
    assert statuses == {"exact"}
    assert any(c["speaker"] == "John Kirby" for c in data["claims"])


def test_extractor_rules_never_calls_the_endpoint(run, server, tmp_path):
    res = run(*cli(server, tmp_path, "--extractor", "rules"))
    assert res.exit_code == 0 and server.chat_requests == []
    assert "Extractor: rules" in res.output


def test_inventory_lists_what_the_model_left_out(run, tmp_path):
    res = run("summarize", SEEDS, "--recordings", ROOT / "recordings", "--replay", "--cache-dir", tmp_path / "c")
    assert "## Possible omissions" in res.output
    assert "There are many areas where we really believe" in res.output  # a Stoltenberg quote no claim covers
    quiet = run("summarize", SEEDS, "--recordings", ROOT / "recordings", "--replay", "--cache-dir", tmp_path / "c",
                "--no-inventory")
    assert "## Possible omissions" not in quiet.output


def test_html_report_from_the_command_line(run, tmp_path):
    out = tmp_path / "report.html"
    res = run("summarize", SEEDS, "--recordings", ROOT / "recordings", "--replay", "--cache-dir", tmp_path / "c",
              "--format", "html", "--out", out)
    assert res.exit_code == 0
    page = out.read_text()
    assert page.lower().startswith("<!doctype html>")
    assert not re.search(r"(src|href)=[\"']?https?:", page)  # nothing to fetch: one self-contained file
    assert "Kwon Jong Gun" in page


@pytest.mark.parametrize("force", [True, False], ids=["terminal", "piped"])
def test_flagged_items_stand_out_in_a_terminal_and_stay_plain_when_piped(force):
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "NO_COLOR",
                                                              "FORCE_COLOR", "TERM")}
    if force:
        env["FORCE_COLOR"] = "1"
    out = subprocess.run([sys.executable, "-m", "summarizer.cli", "summarize", "seeds/", "--no-progress"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    flagged_lines = [line for line in out.stdout.splitlines() if "FLAGGED" in line]
    assert flagged_lines
    if force:
        assert all("\x1b[" in line for line in flagged_lines)  # coloured
    else:
        assert "\x1b[" not in out.stdout  # piped: exactly the Markdown


def test_published_dates_articles_that_state_none_and_a_stated_date_wins(run, tmp_path):
    (tmp_path / "a.txt").write_text("Depot vote\n\nThe council voted on Tuesday to close the depot, officials said.\n")
    (tmp_path / "b.txt").write_text("Published: 5 May 2025\n\nThe council met on Monday to discuss the depot.\n")
    out = tmp_path / "s.json"
    result = run("summarize", tmp_path / "a.txt", tmp_path / "b.txt", "--extractor", "rules", "--format", "json",
                 "--published", "2025-03-06", "--out", out, "--no-progress")
    assert result.exit_code == 0
    arts = {a["article_id"]: a for a in json.loads(out.read_text())["articles"]}
    assert arts["a"]["published"] == "2025-03-06"
    assert [d["value"] for d in arts["a"]["dates"]] == ["2025-03-04"]  # the Tuesday before that Thursday
    assert arts["b"]["published"] == "2025-05-05" and "wins over --published" in arts["b"]["warnings"][0]
    bad = run("summarize", tmp_path / "a.txt", "--published", "6 March")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_fail_on_in_summarize_exits_3_like_verify(run, tmp_path):
    (tmp_path / "a.txt").write_text('"We will reopen the depot on Monday," said Jo Ray, the council leader.\n')
    ok = run("summarize", tmp_path / "a.txt", "--extractor", "rules", "--fail-on", "flagged,altered", "-q")
    assert ok.exit_code == 0
    flagged = run("summarize", SEEDS, "--recordings", ROOT / "recordings", "--fail-on", "flagged", "-q")
    assert flagged.exit_code == 3 and "--fail-on matched" in flagged.output
    bad = run("summarize", tmp_path / "a.txt", "--fail-on", "wobbly")
    assert bad.exit_code == 2 and "unknown status wobbly" in bad.output


def test_batch_submit_to_an_unreachable_endpoint_is_one_line(tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = subprocess.run([sys.executable, "-m", "summarizer.cli", "batch", "submit", str(SEEDS), "--base-url",
                          f"http://127.0.0.1:{port}/v1", "--api-key", TEST_KEY, "--cache-dir", str(tmp_path / "c")],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [f"Error: cannot reach http://127.0.0.1:{port}/v1: Connection error."]
    assert "Traceback" not in out.stderr and TEST_KEY not in out.stderr


def test_batch_status_takes_only_the_flags_that_mean_something_to_it(run):
    help_text = run("batch", "status", "--help").output
    assert "--base-url" in help_text and "--cache-dir" in help_text
    assert "--temperature" not in help_text and "--mode" not in help_text
    assert run("batch", "status", "--temperature", "0.5").exit_code == 2


def test_csv_is_a_registered_format_with_one_row_per_source(run, tmp_path):
    import csv as csvmod

    out = tmp_path / "claims.csv"
    result = run("summarize", SEEDS, "--recordings", ROOT / "recordings", "-f", "csv", "-o", out, "-q")
    assert result.exit_code == 0
    rows = list(csvmod.DictReader(out.open(encoding="utf-8")))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert rows and {r["kind"] for r in rows} == {"claim", "denial"}
    for r in rows:  # every located row points at the article's own words
        if r["start"]:
            assert texts[r["article"]][int(r["start"]):int(r["end"])].strip()
    assert sum(r["flagged"] == "yes" for r in rows) >= 7
