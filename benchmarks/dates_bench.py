"""Date expressions and publication dates, measured through the command line's own JSON output.

    python benchmarks/dates_bench.py                    # every figure, one run
    python benchmarks/dates_bench.py --only timebank    # one part (timebank, aquaint, duckling, pubdates, external)
    python benchmarks/dates_bench.py --only timebank -v # and its failures (development parts only)

Parts:

* **TimeBank** (development) and **AQUAINT** (held out), from ``../shared/peer/timebank_dates.jsonl``:
  every document goes through ``summarizer summarize --extractor rules --format json`` with its
  creation date as ``published``. A gold TIMEX3 of type DATE whose value is a calendar date (``YYYY``,
  ``YYYY-MM``, ``YYYY-MM-DD``) is *found* when a date in ``articles[].dates`` overlaps its span (the
  one overlapping most is its reading). Of those found, a reading is **exact** (same value),
  **coarser** (a prefix of the gold value: "1998-08" for "1998-08-07"), **undated** (null) or
  **wrong** (anything else, a finer but different value included). A week reading is coarser when the
  gold day lies in it, wrong otherwise.
* **Duckling**, from ``../shared/peer/duckling_dates.jsonl``: each phrase with a direction word
  (``DIRECTION_WORDS`` below) is one article published on the corpus's reference day. Duckling reads
  a bare weekday or month forwards, news prose mostly backwards, so only these phrases are a fair test.
  Its reading is the longest date found in the phrase. A week or month reading counts as exact when
  the gold day lies in it (the issue's rule); ``strictly exact`` also needs the gold's grain; a
  coarser reading that holds the gold ("2011" for "2011-02") is *coarser*, as in TimeBank. The
  corpus's source groups alternate between a development half (failures shown with ``-v``) and a
  held-out half (figures only).
* **Publication dates**: ``tests/data/pubdates/`` (page headers and HTML metadata in several CMS
  styles, with ``expected.json``), read by the ingest step.
* **External pages**: the test pages with expected dates that ship in the installed htmldate or
  trafilatura source distribution, when one is found (``--external DIR`` to point at an unpacked
  sdist).

A part whose data is missing is skipped with a line saying so. Failures of AQUAINT and of Duckling's
held-out half are not printed: reading them would make their figures development figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "peer"
TIMEBANK = SHARED / "timebank_dates.jsonl"
DUCKLING = SHARED / "duckling_dates.jsonl"
PUBDATES = ROOT / "tests" / "data" / "pubdates"
HELD_OUT = {"aquaint"}
# What makes a Duckling phrase a fair test for news prose: it says which way to count from the
# reference day. This list defines the test set, so it is the benchmark's, not the reader's.
DIRECTION_WORDS = (
    "last next ago yesterday tomorrow today tonight this coming upcoming past previous following hence now "
    "before after later earlier"
).split()
_CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def skipped(part: str, why: str) -> None:
    print(f"{part}: SKIPPED ({why})")


def run_cli(records: list[dict]) -> dict[str, dict]:
    """Run ``summarizer summarize`` on JSONL records; its JSON articles by id."""
    exe = Path(sys.executable).with_name("summarizer")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from summarizer.cli import main; main()"]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        proc = subprocess.run(
            [*cmd, "summarize", str(src), "--extractor", "rules", "--format", "json", "--no-cache",
             "--no-inventory", "--no-progress", "--max-article-chars", "1000000"],
            capture_output=True, text=True, cwd=ROOT, env={**os.environ, "OPENAI_API_KEY": ""},
        )
    if not proc.stdout.strip():
        raise SystemExit(f"summarizer failed (exit {proc.returncode}): {proc.stderr.strip()[:2000]}")
    # an input whose text repeats another's is summarised once, and named among that one's duplicates
    by_line = {f"{src}:{i}": r["id"] for i, r in enumerate(records, 1)}
    out = {}
    for a in json.loads(proc.stdout)["articles"]:
        out[a["article_id"]] = a
        for dup in a.get("duplicates", []):
            if dup in by_line:
                out[by_line[dup]] = a
    return out


def _span(value: str, precision: str | None) -> tuple[date, date] | None:
    """The days a reading covers, first and last."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return (d, d + timedelta(days=6)) if precision == "week" else (d, d)
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def judge(gold: str, value: str | None, precision: str | None) -> str:
    """exact, coarser, undated or wrong, for a reading of a gold calendar value."""
    if value is None:
        return "undated"
    if precision == "week":
        g = _span(gold, None)
        w = _span(value, "week")
        return "coarser" if len(gold) == 10 and w[0] <= g[0] <= w[1] else "wrong"
    if value == gold:
        return "exact"
    if gold.startswith(value) and len(value) < len(gold):
        return "coarser"
    return "wrong"


def fig(k: int, n: int) -> str:
    return f"{k / n:.3f}  ({k}/{n})" if n else "  n/a  (0/0)"


def timebank(corpus: str, verbose: bool) -> None:
    label = f"{corpus} ({'held out' if corpus.lower() in HELD_OUT else 'development'})"
    if not TIMEBANK.exists():
        return skipped(label, f"{TIMEBANK} not found")
    docs = [json.loads(line) for line in TIMEBANK.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [d for d in docs if d["corpus"] == corpus]
    out = run_cli([{"id": d["id"], "text": d["text"], "published": d["dct"]} for d in docs])
    counts = {"exact": 0, "coarser": 0, "undated": 0, "wrong": 0}
    gold_n = found = 0
    failures = []
    for d in docs:
        mentions = out.get(d["id"], {}).get("dates", [])
        for t in d["timexes"]:
            if t["type"] != "DATE" or not _CALENDAR.fullmatch(t["value"] or ""):
                continue
            gold_n += 1
            best, best_ov = None, 0
            for m in mentions:
                ov = min(m["end"], t["end"]) - max(m["start"], t["start"])
                if ov > best_ov:
                    best, best_ov = m, ov
            if best is None:
                failures.append(("missed", d, t, None))
                continue
            found += 1
            verdict = judge(t["value"], best["value"], best["precision"])
            counts[verdict] += 1
            if verdict != "exact":
                failures.append((verdict, d, t, best))
    print(f"{label}: {len(docs)} documents, through `summarizer summarize --extractor rules --format json`")
    print(f"  gold calendar dates found at their span   {fig(found, gold_n)}")
    for k in ("exact", "wrong", "coarser", "undated"):
        print(f"    of those, {k:<8}                    {fig(counts[k], found)}")
    if verbose and corpus.lower() not in HELD_OUT:
        for verdict, d, t, m in failures:
            ctx = d["text"][max(0, t["start"] - 60): t["end"] + 40].replace("\n", " ")
            got = f"{m['text']!r} -> {m['value']} ({m['precision']})" if m else "-"
            print(f"    {verdict:<8} {d['id']} dct {d['dct']}  gold {t['text']!r} = {t['value']}  got {got}\n"
                  f"             …{ctx}…")


def duckling_halves(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Duckling's corpus groups its phrases by source line, one meaning per group, in topic order.
    Alternate groups go to development and to held out, so both halves cover every topic and no
    group is split between them."""
    order: dict[str, int] = {}
    for r in rows:
        order.setdefault(r["origin"], len(order))
    dev = [r for r in rows if order[r["origin"]] % 2 == 0]
    held = [r for r in rows if order[r["origin"]] % 2 == 1]
    return dev, held


def duckling(verbose: bool) -> None:
    label = "Duckling, phrases with a direction word"
    if not DUCKLING.exists():
        return skipped(label, f"{DUCKLING} not found")
    rows = [json.loads(line) for line in DUCKLING.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = re.compile(r"\b(?:" + "|".join(DIRECTION_WORDS) + r")\b", re.I)
    rows = [r for r in rows if words.search(r["phrase"])]
    out = run_cli([{"id": r["origin"] + "|" + r["phrase"], "text": r["phrase"], "published": r["reference"]}
                   for r in rows])
    print(f"{label}: reference {rows[0]['reference'] if rows else '-'}; alternate source groups are "
          "development and held out")
    for part, half in zip(("development", "held out"), duckling_halves(rows)):
        counts = {"exact": 0, "strict": 0, "wrong": 0, "coarser": 0, "undated": 0}
        fails = []
        for r in half:
            mentions = out.get(r["origin"] + "|" + r["phrase"], {}).get("dates", [])
            best = max(mentions, key=lambda m: m["end"] - m["start"], default=None)
            if best is None or best["value"] is None:
                counts["undated"] += 1
                fails.append(("undated", r, best))
                continue
            lo, hi = _span(best["value"], best["precision"])
            if best["precision"] == r["grain"] and best["value"] == r["expected"]:
                counts["exact"] += 1
                counts["strict"] += 1
            elif best["precision"] in ("week", "month") and r["grain"] == "day" and lo <= date.fromisoformat(r["expected"]) <= hi:
                counts["exact"] += 1
            elif lo <= _span(r["expected"], r["grain"])[0] and _span(r["expected"], r["grain"])[1] <= hi:
                counts["coarser"] += 1  # "2011" for a gold "2011-02": not the date, but not a wrong one
                fails.append(("coarser", r, best))
            else:
                counts["wrong"] += 1
                fails.append(("wrong", r, best))
        n = len(half)
        print(f"  {part} ({n} phrases)")
        print(f"    exact                {fig(counts['exact'], n)}")
        print(f"      strictly exact     {fig(counts['strict'], n)}   (the gold's own grain)")
        print(f"    wrong                {fig(counts['wrong'], n)}")
        print(f"    coarser              {fig(counts['coarser'], n)}   (the reading holds the gold: a year for a month)")
        print(f"    undated              {fig(counts['undated'], n)}")
        if verbose and part == "development":
            for verdict, r, m in fails:
                got = f"{m['text']!r} -> {m['value']} ({m['precision']})" if m else "-"
                print(f"      {verdict:<8} {r['phrase']!r}: gold {r['expected']} ({r['grain']}), got {got}")


def pubdates(verbose: bool) -> None:
    label = "Publication dates (tests/data/pubdates)"
    expected = PUBDATES / "expected.json"
    if not expected.exists():
        return skipped(label, f"{expected.relative_to(ROOT)} not found")
    sys.path.insert(0, str(ROOT))
    from summarizer.ingest import read_articles

    want = json.loads(expected.read_text(encoding="utf-8"))
    items = want.items() if isinstance(want, dict) else [(w["file"], w) for w in want]
    right = wrong = missed = 0
    fails = []
    for name, exp in items:
        exp_date = exp if isinstance(exp, (str, type(None))) else exp.get("published")
        arts = [a for a in read_articles([PUBDATES / name]) if hasattr(a, "published")]
        got = arts[0].published if arts else None
        if got == exp_date:
            right += 1
        else:
            if got is None:
                missed += 1
            else:
                wrong += 1
            fails.append((name, exp_date, got))
    n = right + wrong + missed
    print(f"{label}")
    print(f"  read right   {fig(right, n)}")
    print(f"  wrong        {fig(wrong, n)}")
    print(f"  not read     {fig(missed, n)}")
    if verbose:
        for name, exp_date, got in fails:
            print(f"    {name}: expected {exp_date}, got {got}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=["timebank", "aquaint", "duckling", "pubdates", "external"])
    ap.add_argument("-v", "--verbose", action="store_true", help="failures of the development parts")
    args = ap.parse_args()
    parts = {
        "timebank": lambda: timebank("TimeBank", args.verbose),
        "aquaint": lambda: timebank("AQUAINT", args.verbose),
        "duckling": lambda: duckling(args.verbose),
        "pubdates": lambda: pubdates(args.verbose),
    }
    for name, part in parts.items():
        if args.only in (None, name):
            part()
            print()


if __name__ == "__main__":
    main()
