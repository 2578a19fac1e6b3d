"""The seeds' answers from a real model (recordings/real/...), replayed through the whole pipeline."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "recordings" / "real" / "qwen2.5-coder-1.5b-instruct"


def test_real_model_recordings_replay_every_seed(tmp_path):
    out = tmp_path / "out.json"
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "summarizer"), "summarize", str(ROOT / "seeds"), "--base-url", "http://127.0.0.1:8091/v1",
         "--api-key", "none", "--model", "qwen2.5-coder-1.5b-instruct", "--mode", "json-schema", "--replay",
         "--recordings", str(REAL), "--cache-dir", str(tmp_path / "cache"), "--format", "json", "--out", str(out)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert [a["ok"] for a in summary["articles"]] == [True] * 5
    assert sum(len(a["claims"]) for a in summary["articles"]) > 0
    origins = {json.loads(p.read_text(encoding="utf-8"))["origin"] for p in REAL.rglob("*.json")}
    assert len(origins) == 1 and "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046" in origins.pop()
