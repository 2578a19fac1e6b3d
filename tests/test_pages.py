"""Realistic saved news pages of our own (tests/data/pages/, with what a reader expects of each in
expected.json), summarised by the CLI offline, as a user would (issue #14)."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    out = tmp_path_factory.mktemp("pages") / "out.json"
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "summarizer"), "summarize", str(PAGES), "--extractor", "rules",
         "--format", "json", "--out", str(out), "--cache-dir", str(out.parent / "cache")],
        capture_output=True, text=True, timeout=300, cwd=out.parent)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    return {Path(a["source"]).name: a for a in data["articles"]}


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[“”\"‘’',.]", " ", s).split()).lower()


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_the_publication_date_is_read(summary, page):
    assert summary[page]["published"] == EXPECTED[page]["published"]


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_every_quote_of_the_article_is_there_with_its_speaker(summary, page):
    art = summary[page]
    items = [(c["quote"], c["speaker"]) for c in art["claims"] + art["denials"]]
    for q in EXPECTED[page]["quotes"]:
        want = _norm(q["quote"])
        hits = [who for quote, who in items if want in _norm(quote) or (len(_norm(quote)) > 12 and _norm(quote) in want)]
        assert hits, f"{page}: no claim carries {q['quote']!r}"
        assert any(_norm(q["speaker"]) in _norm(who) or _norm(who) in _norm(q["speaker"]) for who in hits), \
            f"{page}: {q['quote']!r} credited to {hits}, not {q['speaker']}"


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_no_page_furniture_becomes_an_actor_claim_denial_or_event(summary, page):
    art = summary[page]
    texts = [a["name"] for a in art["actors"]] + [x for a in art["actors"] for x in a.get("aliases", [])]
    texts += [c["quote"] for c in art["claims"] + art["denials"]] + [c["statement"] for c in art["claims"]]
    texts += [d["denied"] for d in art["denials"]] + [e["event"] for e in art["events"]]
    for piece in EXPECTED[page]["furniture"]:
        if piece == EXPECTED[page]["title"]:
            continue
        found = [t for t in texts if _norm(piece) and (_norm(piece) in _norm(t) or (len(t) > 12 and _norm(t) in _norm(piece)))]
        assert not found, f"{page}: page furniture {piece!r} reached the summary as {found}"


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_the_headline_alone_makes_no_denial(summary, page):
    title = _norm(EXPECTED[page]["title"])
    assert not [d for d in summary[page]["denials"] if _norm(d["quote"]) in title]
    denied_by = {_norm(d["speaker"]) for d in summary[page]["denials"]}
    for d in EXPECTED[page]["denials"]:
        assert _norm(d["speaker"]) in denied_by, f"{page}: no denial by {d['speaker']}"
