"""What a newcomer meets in the first hour (issue #16), through the installed command and real files."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = Path(sys.executable).parent / "summarizer"


def readme_first_command() -> list[str]:
    """The summarizer part of the README's first command, pointed at this environment's installed script."""
    block = re.search(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    line = next(x for x in block.splitlines() if x.strip() and not x.startswith("#"))
    command = line.split("&&")[-1].split()
    assert command[0] == ".venv/bin/summarizer"
    return [str(SCRIPT), *command[1:]]


def env_with_key(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_BASE_URL", "SUMMARIZER_MODEL")}
    env.update(OPENAI_API_KEY="sk-anything", SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"), **extra)
    return env


def test_readme_first_command_with_a_key_exported_gives_the_seeds_summary(tmp_path):
    out = subprocess.run(readme_first_command(), cwd=ROOT, env=env_with_key(tmp_path), capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Summary of 5 articles")
    assert "## Flagged (9)" in out.stdout  # 7 planted mistakes, 2 statements beyond their quotes
    assert "answers: 5 from recording recordings/ (HAND-WRITTEN" in out.stdout.replace("\\", "")
    assert "api.openai.com" not in out.stdout + out.stderr  # nothing claims a contact


def test_a_replay_logs_no_request_and_says_where_each_answer_came_from(tmp_path):
    env = env_with_key(tmp_path)
    out = subprocess.run([*readme_first_command(), "-v", "--format", "json"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "HTTP Request" not in out.stderr and "POST" not in out.stderr
    assert out.stderr.count("nothing sent") == 5
    data = json.loads(out.stdout)
    assert data["run"]["answers"] == {"recording recordings/ (HAND-WRITTEN, not a model output; model hand-written)": 5}
    assert all(a["answered_by"].startswith("recording recordings/") for a in data["articles"])
    # the same run again: the answers are now in the cache, and the output says so
    again = json.loads(subprocess.run([*readme_first_command(), "--format", "json"], cwd=ROOT, env=env,
                                      capture_output=True, text=True, timeout=300).stdout)
    assert again["run"]["answers"] == data["run"]["answers"]  # recordings are read, never copied into the cache


def test_offline_extractor_is_named_as_the_source_in_every_format(tmp_path):
    for fmt, needle in (("md", "answers: 5 from offline extractor"), ("json", '"offline extractor": 5'),
                        ("html", "answers: 5 from offline extractor")):
        out = subprocess.run([str(SCRIPT), "summarize", "seeds/", "--extractor", "rules", "--format", fmt],
                             cwd=ROOT, env=env_with_key(tmp_path), capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        assert needle in out.stdout, fmt
        assert "gpt-4o-mini at" not in out.stdout and "endpoint https" not in out.stdout


def test_a_model_called_is_named_with_its_endpoint_and_a_rerun_says_cache(seed_server, tmp_path):
    from click.testing import CliRunner

    from summarizer.cli import main
    from tests.conftest import SEEDS, TEST_KEY

    args = ["summarize", str(SEEDS), "--base-url", seed_server.base_url, "--api-key", TEST_KEY,
            "--cache-dir", str(tmp_path / "cache"), "--format", "json"]
    first = json.loads(CliRunner().invoke(main, args, catch_exceptions=False).stdout)
    assert first["run"]["answers"] == {f"model gpt-4o-mini at {seed_server.base_url.rstrip('/')}": 5}
    second = json.loads(CliRunner().invoke(main, args, catch_exceptions=False).stdout)
    assert second["run"]["answers"] == {"cache": 5}


def _cli(args, tmp_path):
    from click.testing import CliRunner

    from summarizer.cli import main

    env = {"OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    return CliRunner().invoke(main, args, env=env, catch_exceptions=False)


def test_out_into_a_missing_folder_is_created_and_written(tmp_path):
    target = tmp_path / "reports" / "today" / "seeds.json"
    result = _cli(["summarize", str(ROOT / "seeds"), "--extractor", "rules", "-f", "json", "-o", str(target)], tmp_path)
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["articles"]


def test_out_that_cannot_be_written_fails_in_one_line_before_the_run(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = _cli(["summarize", str(ROOT / "seeds"), "--extractor", "rules", "-o", str(blocker / "out.md")], tmp_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "--out" in result.output and "cannot create its folder" in result.output


def test_verify_out_into_a_missing_folder(tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps({"source_text": 'She said: "We will not stop."', "quote": "We will not stop"}) + "\n")
    target = tmp_path / "new" / "checked.jsonl"
    result = _cli(["verify", str(cases), "-o", str(target)], tmp_path)
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text().splitlines()[0])["status"] == "exact"


def test_quiet_silences_info_lines_but_not_warnings(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text('The mayor said: "The bridge opens on Monday."\n', encoding="utf-8")
    loud = _cli(["summarize", str(tmp_path / "in"), "-o", str(tmp_path / "a.md")], tmp_path)
    quiet = _cli(["summarize", str(tmp_path / "in"), "-q", "-o", str(tmp_path / "b.md")], tmp_path)
    assert "wrote" in loud.stderr and "note:" in loud.stderr
    assert "wrote" not in quiet.stderr and "note:" not in quiet.stderr
    assert quiet.exit_code == loud.exit_code == 0
    assert [ln for ln in quiet.stderr.splitlines() if ln.startswith("warning:")] == \
        [ln for ln in loud.stderr.splitlines() if ln.startswith("warning:")]


def test_when_no_article_can_be_summarised_stdout_is_empty_and_the_exit_code_is_1(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "in" / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    result = _cli(["summarize", str(tmp_path / "in"), "--extractor", "rules"], tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert any("empty.txt" in ln for ln in errors) and any("bad.jsonl" in ln for ln in errors)
    assert "no article could be summarised" in result.stderr and "Traceback" not in result.stderr


def test_a_dash_reads_the_article_from_standard_input(tmp_path):
    article = 'Jane Roe, the harbour master, said: "The new quay opens in spring, whatever the weather does."\n'
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    env["SUMMARIZER_CACHE_DIR"] = str(tmp_path / "cache")
    md = subprocess.run([str(SCRIPT), "summarize", "-", "--extractor", "rules", "-f", "json"], input=article,
                        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert md.returncode == 0, md.stderr
    summary = json.loads(md.stdout)
    assert [a["source"] for a in summary["articles"]] == ["<stdin>"]
    assert any("new quay opens in spring" in c["quote"] for a in summary["articles"] for c in a["claims"])
    html = subprocess.run([str(SCRIPT), "summarize", "-", "--extractor", "rules", "-f", "html", "-o", "r.html"],
                          input=article, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert html.returncode == 0, html.stderr
    assert "new quay opens in spring" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_the_python_api_says_what_a_caller_needs():
    import pydoc

    import summarizer
    from summarizer.extract import ModelConfig
    from summarizer.pipeline import RunOptions

    api = pydoc.render_doc(summarizer.summarize, renderer=pydoc.plaintext)
    for needed in ("inputs", "RunOptions(extractor=\"rules\")", "failures", "summarize_async"):
        assert needed in api, needed
    assert "OPENAI_API_KEY" in ModelConfig.__doc__ and "from_env" in ModelConfig.__doc__
    assert "extractor=\"rules\"" in RunOptions.__doc__ and "replay" in RunOptions.__doc__
    # the example in the docstring runs as written
    summary = summarizer.summarize(str(ROOT / "seeds"), RunOptions(extractor="rules"))
    assert len(summary.articles) == 5 and not summary.failures


def test_verbose_says_what_is_retried_and_why_and_only_double_verbose_shows_bodies(tmp_path):
    from tests.openai_server import Fault, FakeOpenAI

    src = tmp_path / "a.txt"
    src.write_text("Ferry notes. The harbour board said on Monday that the ferry would run again in May.")
    answer = {"actors": [{"name": "harbour board", "kind": "organisation"}], "claims": [], "denials": [], "events": []}
    runs = {}
    for flag in ("-v", "-vv"):
        with FakeOpenAI() as srv:
            srv.set_answer("Ferry notes.", answer)
            srv.queue(Fault.status(503, message="upstream busy"))
            runs[flag] = subprocess.run(
                [str(SCRIPT), "summarize", str(src), "--base-url", srv.base_url, "--api-key", "sk-test",
                 "--cache-dir", str(tmp_path / flag), "--format", "json", flag],
                capture_output=True, text=True, timeout=120)
    for flag, run in runs.items():
        assert run.returncode == 0, run.stderr
        assert re.search(r"article a: retrying \(.*503", run.stderr), f"{flag}: {run.stderr}"
    assert "would run again in May" not in runs["-v"].stderr  # no request body at -v
    assert "would run again in May" in runs["-vv"].stderr  # the request body at -vv
