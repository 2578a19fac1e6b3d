import json
import subprocess
import sys
import zipfile

import pytest

from summarizer.report import export_schemas
from tests.conftest import ROOT


def test_checked_in_schemas_match_the_models():
    for name, text in export_schemas().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"missing {path}: run `summarizer schema --out-dir schemas`"
        assert json.loads(path.read_text()) == json.loads(text), f"{name} drifted: run `summarizer schema --out-dir schemas`"


def test_field_descriptions_and_the_rules_reach_the_model():
    """Each rule is said once: the copying rule in the system prompt, what a field holds in the schema."""
    from summarizer.prompts import extraction_messages

    schema = json.loads(export_schemas()["article_extraction.schema.json"])
    claim = schema["$defs"]["Claim"]["properties"]
    assert "quote" in claim["quote"]["description"]
    assert claim["when"]["type"] == ["string", "null"]
    system = extraction_messages("Text.", None, None)[0][0]["content"]
    assert "character for character" in system
    assert "character for character" not in json.dumps(schema)


def test_wheel_carries_the_prompts(tmp_path):
    pytest.importorskip("hatchling")
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                          "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    (wheel,) = tmp_path.glob("summarizer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "summarizer/_prompts/extract.system.txt" in names
    assert {"summarizer/report_assets/report.css", "summarizer/report_assets/report.js"} <= set(names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = "import summarizer.prompts as p; t = p.load('extract.user.txt'); print(p.__file__, t.version)"
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(site)},
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert str(site) in run.stdout and "extract-" in run.stdout


def test_a_prompt_folder_of_ones_own_is_used_when_named(tmp_path):
    (tmp_path / "extract.system.txt").write_text("prompt-version: mine-1\n---\nBe brief.\n", encoding="utf-8")
    (tmp_path / "extract.user.txt").write_text("prompt-version: mine-1\n---\nArticle: $article\n", encoding="utf-8")
    code = ("from summarizer.prompts import extraction_messages; m, v = extraction_messages('Text.', None, None); "
            "print(v, '|', m[0]['content'], '|', m[1]['content'])")
    run = subprocess.run([sys.executable, "-c", code], env={**__import__("os").environ, "SUMMARIZER_PROMPTS": str(tmp_path)},
                         capture_output=True, text=True)
    assert run.stdout.strip() == "mine-1 | Be brief. | Article: Text.", run.stderr


def test_difference_kinds_in_the_schema_are_exactly_the_ones_the_verifier_produces():
    import re
    import typing

    from summarizer.models import DifferenceKind

    code = "".join((ROOT / "summarizer" / f).read_text(encoding="utf-8") for f in ("quote_alignment.py", "verify.py"))
    produced = set(re.findall(r'Difference\(kind="(\w+)"', code))
    produced |= {k for pair in re.findall(r'kind="(\w+)" if .+? else "(\w+)"', code) for k in pair}
    assert produced == set(typing.get_args(DifferenceKind))
    schema = json.loads(export_schemas()["verification.schema.json"])
    assert set(schema["$defs"]["Difference"]["properties"]["kind"]["enum"]) == produced
