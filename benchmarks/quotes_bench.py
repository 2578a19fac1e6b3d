"""Quote detection and speaker attribution of the rules extractor, against hand-labelled seed quotes.

    python benchmarks/quotes_bench.py            # summary
    python benchmarks/quotes_bench.py -v         # also every miss, false alarm and wrong speaker

Labels: tests/data/seed_quotes.json, {"<seed stem>": [{"start", "end", "text", "speaker", "kind",
"note"}]}, labelled independently of the extractor and never used to tune it.

* A found quote **matches** a labelled one when their spans overlap by at least half of the shorter
  span. Matching is one to one, largest overlap first, so one long span cannot match two labels.
* **Precision** = matched found quotes / found quotes; **recall** = matched labels / labels.
* **Speaker accuracy** is over matched pairs: the names agree ignoring case, titles and a leading
  article. That means equal, or one name's words are all among the other's ("Stoltenberg" vs "NATO
  Secretary General Jens Stoltenberg"), or both are forms of one table entry in
  ``summarizer.aliases`` ("Pyongyang" vs "North Korea"). A label without a speaker agrees only
  with a found quote without one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import aliases  # noqa: E402
from summarizer.ingest import read_articles  # noqa: E402
from summarizer.rules import find_quotes  # noqa: E402

LABELS = ROOT / "tests" / "data" / "seed_quotes.json"
SEEDS = ROOT / "seeds"
TARGETS = {"precision": 0.9, "recall": 0.95, "speaker accuracy": 0.9}
_TITLE_WORDS = frozenset(
    "the a an mr mrs ms dr president minister secretary general secretary-general spokesman spokeswoman "
    "director leader chief foreign defence defense senior official".split()
)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(found: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (found index, gold index) overlapping by >= 50% of the shorter span."""
    cands = []
    for i, f in enumerate(found):
        for j, g in enumerate(gold):
            ov = overlap(f, g)
            shorter = min(f[1] - f[0], g[1] - g[0])
            if shorter > 0 and ov >= 0.5 * shorter:
                cands.append((ov, i, j))
    pairs, used_f, used_g = [], set(), set()
    for ov, i, j in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_f and j not in used_g:
            used_f.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _words(name: str) -> set[str]:
    s = aliases.fold(re.sub(r"[,()]", " ", name))
    return {w for w in s.split() if w not in _TITLE_WORDS}


def same_speaker(found: str | None, gold: str | None) -> bool:
    if not found or not gold:
        return not found and not gold
    a, b = aliases.fold(found), aliases.fold(gold)
    if a == b:
        return True
    ra, rb = aliases.lookup(found), aliases.lookup(gold)
    if ra and rb and ra[0] == rb[0]:
        return True
    wa, wb = _words(found), _words(gold)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss, false alarm and wrong speaker")
    ap.add_argument("--labels", type=Path, default=LABELS)
    args = ap.parse_args(argv)

    if not args.labels.exists():
        print(f"{args.labels.relative_to(ROOT) if args.labels.is_relative_to(ROOT) else args.labels} is missing: "
              "no labelled seed quotes to score against.")
        print("Labels: {\"<seed stem>\": [{\"start\", \"end\", \"text\", \"speaker\", \"kind\", \"note\"}]}")
        return 0

    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    articles = {a.id: a for a in read_articles([SEEDS])}
    n_found = n_gold = n_match = n_speaker_ok = 0
    kind_agree = 0
    rows, details = [], []
    for stem in sorted(labels):
        art = articles.get(stem)
        if art is None:
            print(f"warning: no seed article {stem!r}; its labels are skipped")
            continue
        gold = labels[stem]
        for g in gold:
            if art.text[g["start"] : g["end"]] != g["text"]:
                print(f"warning: {stem}: label text does not match its offsets: {g['text'][:50]!r}")
        found = find_quotes(art.text, art.boilerplate)
        pairs = match([(q.start, q.end) for q in found], [(g["start"], g["end"]) for g in gold])
        ok = 0
        for i, j in pairs:
            if same_speaker(found[i].speaker, gold[j].get("speaker")):
                ok += 1
            else:
                details.append(f"  speaker {stem}: {gold[j]['text'][:50]!r}: found {found[i].speaker!r}, label {gold[j].get('speaker')!r}")
            kind_agree += found[i].kind == gold[j].get("kind")
        matched_f = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        details += [f"  missed  {stem}: {g['text'][:70]!r} ({g.get('speaker')}, {g.get('kind')})"
                    for j, g in enumerate(gold) if j not in matched_g]
        details += [f"  extra   {stem}: {q.text[:70]!r} ({q.speaker}, {q.kind})"
                    for i, q in enumerate(found) if i not in matched_f]
        rows.append((stem, len(found), len(gold), len(pairs), ok))
        n_found += len(found)
        n_gold += len(gold)
        n_match += len(pairs)
        n_speaker_ok += ok

    print(f"{'seed':<24}{'found':>7}{'labels':>8}{'matched':>9}{'speaker ok':>12}")
    for stem, f, g, m, ok in rows:
        print(f"{stem:<24}{f:>7}{g:>8}{m:>9}{ok:>12}")
    precision = n_match / n_found if n_found else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    speaker = n_speaker_ok / n_match if n_match else 0.0
    print()
    for name, value, num, den in (
        ("precision", precision, n_match, n_found),
        ("recall", recall, n_match, n_gold),
        ("speaker accuracy", speaker, n_speaker_ok, n_match),
    ):
        target = TARGETS[name]
        print(f"{name:<18}{value:6.3f}  ({num}/{den})   target >= {target}  {'met' if value >= target else 'NOT met'}")
    if n_match:
        print(f"{'kind agreement':<18}{kind_agree / n_match:6.3f}  ({kind_agree}/{n_match})   (statement/fragment, informational)")
    if args.verbose and details:
        print("\nDifferences:")
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
