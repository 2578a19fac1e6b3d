"""Each --mode against a real OpenAI-compatible endpoint (issue #15). Opt-in and outside the suite's ten
minutes: set SUMMARIZER_LIVE_ENDPOINT (and SUMMARIZER_LIVE_MODEL, SUMMARIZER_LIVE_KEY if it needs them),
e.g. the local llama.cpp server of ../shared/tools/local-model.sh:

    SUMMARIZER_LIVE_ENDPOINT=http://127.0.0.1:8091/v1 SUMMARIZER_LIVE_MODEL=qwen2.5-coder-1.5b-instruct \\
        python -m pytest -q tests/test_live_modes.py

Without it every test here is skipped, with the reason printed (pytest -rs).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ENDPOINT = os.environ.get("SUMMARIZER_LIVE_ENDPOINT")
MODEL = os.environ.get("SUMMARIZER_LIVE_MODEL", "qwen2.5-coder-1.5b-instruct")
SCRIPT = Path(sys.executable).parent / "summarizer"
ARTICLE = ("Dunmore ferry to run again in May\n\n"
           "DUNMORE — The Dunmore Ferry Trust said on Monday that its two boats would run again from 4 May.\n\n"
           "“We have fixed both engines and trained four new crew,” said Rina Okoro, the trust’s chair.\n\n"
           "The harbour board denied that it had tried to close the crossing.\n")

pytestmark = pytest.mark.skipif(not ENDPOINT, reason="SUMMARIZER_LIVE_ENDPOINT is not set: no live endpoint to test "
                                "the modes against (see this file's docstring)")


@pytest.mark.parametrize("mode", ["tools", "json", "json-schema", "md-json", "auto"])
def test_each_mode_gives_a_valid_or_kept_partial_answer(mode, tmp_path):
    src = tmp_path / "ferry.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run(
        [str(SCRIPT), "summarize", str(src), "--base-url", ENDPOINT, "--model", MODEL, "--mode", mode,
         "--api-key", os.environ.get("SUMMARIZER_LIVE_KEY", "none"), "--max-tokens", "800", "--published",
         "2026-03-02", "--cache-dir", str(tmp_path / "cache"), "--format", "json", "--no-inventory"],
        capture_output=True, text=True, timeout=1800)
    assert run.returncode in (0, 3), run.stderr
    article = json.loads(run.stdout)["articles"][0]
    assert article["ok"], article.get("error")
    assert article["actors"] or article["claims"] or article["partial"]
