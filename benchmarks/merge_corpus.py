"""The merge on real multi-outlet stories: actors, claims, denial links and event dates against the
hand-made gold in ../shared/corpus/ (issue #13).

    python benchmarks/merge_corpus.py                 # offline extractor, then the recorded real model
    python benchmarks/merge_corpus.py --baseline      # the merge as it was before issue #13, beside it
    python benchmarks/merge_corpus.py --model-runs DIR   # where the real-model run's <story>.json live

Development stories (nord_stream_hersh, adani_hindenburg) and held-out ones (cambridge_analytica_nix,
djokovic_visa) are printed apart, with n beside every figure. Each article is summarised with the
date its SOURCES.md gives as its publication date, as a user would pass it.

What is scored, all pairwise so that one wrong join and one missed join cost the same:

* actors: units are (article, name as written) for every name or alias the merge gives an article's
  actor and the gold lists for that article. Two units in one gold actor should be in one merged actor.
  Names the gold gives to two actors in one article ("the company") are not scored.
* claim mentions: each gold mention (an outlet's wording of one statement) is matched to the merged
  claim or denial whose source quote overlaps it most in that article. Two mentions of one gold
  statement should be in one merged item; two of different statements in different items. Coverage
  is the share of gold mentions matched at all.
* denial links: a merged denial's link to a claim is right when the gold has a denial by that denier
  (or its spokesperson) of a claim of that speaker, in one of the denial's articles.
* event dates: a gold event is found when a timeline entry from one of its articles has its date.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = ("nord_stream_hersh", "adani_hindenburg")
HELD_OUT = ("cambridge_analytica_nix", "djokovic_visa")
MODEL_RUNS = ROOT.parent / "model-recordings"


def fold(name: str) -> str:
    s = name.replace("’", "'").replace("‘", "'")
    s = re.sub(r"'s\b", "", s).replace(".", "")
    s = re.sub(r"^the\s+", "", s.strip(), flags=re.I)
    return " ".join(s.lower().split())


def load_story(story: str) -> tuple[dict, dict[str, str], dict[str, Optional[str]]]:
    """Gold, article texts and publication dates (from SOURCES.md) of one story."""
    gold = json.loads((CORPUS / "gold" / f"{story}.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    for path in sorted((CORPUS / "articles" / story).glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as fh:
            texts[path.name] = fh.read()
    published: dict[str, Optional[str]] = {}
    for line in (CORPUS / "articles" / story / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and cells[1] in texts:
            m = re.search(r"\d{4}-\d{2}-\d{2}", cells[3])
            published[cells[1]] = m.group(0) if m else None
    return gold, texts, published


# --- pairwise arithmetic ---------------------------------------------------------------------


def pairwise(gold_of: dict, pred_of: dict) -> tuple[int, int, int]:
    """(pairs together in both, pairs together in the prediction, pairs together in the gold) over
    the units both sides know."""
    units = sorted(set(gold_of) & set(pred_of), key=repr)
    both = pred = gold = 0
    for a, b in combinations(units, 2):
        g = gold_of[a] == gold_of[b]
        p = pred_of[a] == pred_of[b]
        both += g and p
        pred += p
        gold += g
    return both, pred, gold


def _pr(both: int, pred: int, gold: int) -> tuple[Optional[float], Optional[float]]:
    return (both / pred if pred else None, both / gold if gold else None)


# --- the four scores -------------------------------------------------------------------------


def _word_in(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def gold_actor_units(gold: dict, texts: dict[str, str]) -> dict[tuple[str, str], str]:
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for actor, names in gold["actors"].items():
        for n in names:
            for art, text in texts.items():
                if _word_in(n, text):
                    owners[(art, fold(n))].add(actor)
    return {u: next(iter(o)) for u, o in owners.items() if len(o) == 1}


def pred_actor_units(summary, texts: dict[str, str], file_of: dict[str, str]) -> dict[tuple[str, str], str]:
    """(article file, folded name) -> merged actor id, for every name and alias an article's actor has."""
    by_mention = {}
    for ma in summary.actors:
        for m in ma.mentions:
            by_mention[(m.article_id, m.name)] = ma.id
    out: dict[tuple[str, str], str] = {}
    for r in summary.articles:
        art = file_of.get(r.article_id)
        if art is None:
            continue
        for a in r.actors:
            actor_id = by_mention.get((r.article_id, a.name))
            if actor_id is None:
                continue
            for n in [a.name, *a.aliases]:
                if n and _word_in(n, texts[art]):
                    out.setdefault((art, fold(n)), actor_id)
    return out


def score_actors(gold, texts, summary, file_of) -> dict:
    g = gold_actor_units(gold, texts)
    p = pred_actor_units(summary, texts, file_of)
    both, pred, gold_pairs = pairwise(g, p)
    return {"pairs": (both, pred, gold_pairs), "units": len(set(g) & set(p)), "gold_units": len(g)}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / max(1, min(a[1] - a[0], b[1] - b[0])) if inter > 0 else 0.0


def gold_mentions(gold: dict, texts: dict[str, str]) -> dict[tuple[str, int, int], int]:
    out = {}
    for ci, cluster in enumerate(gold["claim_clusters"]):
        for m in cluster["mentions"]:
            start = texts[m["article"]].find(m["quote"])
            if start >= 0:
                out[(m["article"], start, start + len(m["quote"]))] = ci
    return out


def pred_items(summary, file_of) -> list[tuple[str, int, int, str]]:
    """(article file, start, end, merged item id) for every located source of every claim and denial."""
    out = []
    for item in [*summary.claims, *summary.denials]:
        for s in item.sources:
            art = file_of.get(s.article_id)
            if art is not None and s.start is not None and s.end is not None:
                out.append((art, s.start, s.end, item.id))
    return out


def score_claims(gold, texts, summary, file_of) -> dict:
    g = gold_mentions(gold, texts)
    items = pred_items(summary, file_of)
    by_article = defaultdict(list)
    for art, s, e, iid in items:
        by_article[art].append(((s, e), iid))
    p = {}
    for (art, s, e) in g:
        # the item that covers the mention best; of equal cover, the one closest to it in length (a tie
        # used to go to the larger id, so a denial over the same words beat a claim by its letter)
        best = max(((_overlap((s, e), span), -abs((span[1] - span[0]) - (e - s)), iid) for span, iid in by_article[art]),
                   default=(0.0, 0, None))
        if best[0] >= 0.5:
            p[(art, s, e)] = best[2]
    both, pred, gold_pairs = pairwise(g, p)
    return {"pairs": (both, pred, gold_pairs), "covered": len(p), "gold_mentions": len(g)}


def actor_to_gold(gold, texts, summary, file_of) -> dict[str, str]:
    """Each merged actor's gold actor: the one most of its scored units belong to."""
    g = gold_actor_units(gold, texts)
    votes: dict[str, Counter] = defaultdict(Counter)
    for unit, actor_id in pred_actor_units(summary, texts, file_of).items():
        if unit in g:
            votes[actor_id][g[unit]] += 1
    return {aid: c.most_common(1)[0][0] for aid, c in votes.items()}


def score_denials(gold, texts, summary, file_of) -> dict:
    to_gold = actor_to_gold(gold, texts, summary, file_of)
    claims = {c.id: c for c in summary.claims}
    placeholders = {a for a, names in gold["actors"].items() if not names}
    answerable = [d for d in gold["denials"] if d["denies_claim_of"] not in placeholders]

    def fits(d: dict, denier: Optional[str], accused: Optional[str], arts: set[str]) -> bool:
        return (denier in (d["denier"], d.get("via")) and accused == d["denies_claim_of"]
                and bool(arts & set(d["articles"])))

    links = right = 0
    found = set()
    for md in summary.denials:
        arts = {file_of.get(s.article_id) for s in md.sources}
        denier = to_gold.get(md.speaker_id or "")
        for cid in md.denies:
            c = claims.get(cid)
            accused = to_gold.get(c.speaker_id or "") if c else None
            links += 1
            hits = [i for i, d in enumerate(answerable) if fits(d, denier, accused, arts)]
            right += bool(hits)
            found.update(hits)
    return {"links": links, "right": right, "gold": len(answerable), "found": len(found)}


def score_events(gold, summary, file_of) -> dict:
    found = 0
    for ev in gold["events"]:
        arts = set(ev["articles"])
        for entry in summary.timeline:
            if entry.date and (entry.date == ev["date"] or (len(ev["date"]) == 7 and entry.date[:7] == ev["date"])):
                if any(file_of.get(s.article_id) in arts for s in entry.sources):
                    found += 1
                    break
    return {"found": found, "gold": len(gold["events"])}


# --- runs ------------------------------------------------------------------------------------


def offline_summary(story: str, merge_fn: Optional[Callable] = None):
    from summarizer import RunOptions, summarize
    from summarizer.ingest import make_article

    _gold, texts, published = load_story(story)
    arts = [make_article(Path(n).stem, n, t, published=published.get(n)) for n, t in texts.items()]
    summary = summarize(arts, RunOptions(extractor="rules"))
    if merge_fn is not None:
        summary = remerge(summary, merge_fn)
    return summary


def remerge(summary, merge_fn: Callable):
    actors, claims, denials, timeline = merge_fn(summary.articles)
    return summary.model_copy(update={"actors": actors, "claims": claims, "denials": denials, "timeline": timeline})


def recorded_summary(story: str, runs: Path, merge_fn: Callable):
    """The real model's recorded answers for a story, merged afresh by ``merge_fn``."""
    from summarizer.models import Summary

    path = runs / f"{story}.json"
    if not path.exists():
        return None
    summary = Summary.model_validate_json(path.read_text(encoding="utf-8"))
    return remerge(summary, merge_fn)


def file_map(summary) -> dict[str, str]:
    """Article id -> corpus file name; a run fed from JSONL (one line per file, its stem as id) has
    'story.jsonl:N' as source, so its id names the file."""
    out = {}
    for r in summary.articles:
        name = Path(r.source).name
        out[r.article_id] = name if name.endswith(".txt") else f"{r.article_id}.txt"
    return out


def score_story(story: str, summary) -> dict:
    gold, texts, _pub = load_story(story)
    fm = file_map(summary)
    return {
        "actors": score_actors(gold, texts, summary, fm),
        "claims": score_claims(gold, texts, summary, fm),
        "denials": score_denials(gold, texts, summary, fm),
        "events": score_events(gold, summary, fm),
    }


def add(scores: list[dict]) -> dict:
    out: dict = {}
    for s in scores:
        for part, figs in s.items():
            tgt = out.setdefault(part, {})
            for k, v in figs.items():
                tgt[k] = tuple(a + b for a, b in zip(tgt[k], v)) if isinstance(v, tuple) and k in tgt else (
                    v if k not in tgt else tgt[k] + v)
    return out


def _f(x: Optional[float]) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def lines(s: dict) -> list[str]:
    a, c, d, e = s["actors"], s["claims"], s["denials"], s["events"]
    ap, ar = _pr(*a["pairs"])
    f1 = 2 * ap * ar / (ap + ar) if ap and ar else None
    cp, cr = _pr(*c["pairs"])
    dp = d["right"] / d["links"] if d["links"] else None
    dr = d["found"] / d["gold"] if d["gold"] else None
    return [
        f"actor pairs         P {_f(ap)}  R {_f(ar)}  F1 {_f(f1)}   (gold pairs {a['pairs'][2]}, "
        f"units scored {a['units']} of {a['gold_units']} gold)",
        f"claim-mention pairs P {_f(cp)}  R {_f(cr)}           (gold pairs {c['pairs'][2]}; "
        f"coverage {c['covered']}/{c['gold_mentions']} = {_f(c['covered'] / max(1, c['gold_mentions']))})",
        f"denial links        P {_f(dp)}  R {_f(dr)}           (links made {d['links']}, gold denials {d['gold']})",
        f"event dates found   {_f(e['found'] / max(1, e['gold']))}                     (n {e['gold']})",
    ]


def report(label: str, make: Callable, stories_sets) -> None:
    for set_name, stories in stories_sets:
        scores = []
        for story in stories:
            summary = make(story)
            if summary is None:
                print(f"  {label}, {story}: no run found, not scored")
                continue
            scores.append(score_story(story, summary))
        if not scores:
            continue
        print(f"\n{label} | {set_name}: {', '.join(stories)}")
        for line in lines(add(scores)):
            print("  " + line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", action="store_true", help="also score the merge as it was before issue #13")
    ap.add_argument("--model-runs", type=Path, default=MODEL_RUNS)
    ap.add_argument("--only", choices=["dev", "held-out"], help="score one set only")
    args = ap.parse_args()
    if not (CORPUS / "gold").is_dir():
        print(f"SKIPPED: the labelled corpus is not at {CORPUS} (see the README: ../shared/corpus/)")
        return 0
    from summarizer.merge import merge

    sets = [("development", DEV), ("held out", HELD_OUT)]
    if args.only:
        sets = [sets[0] if args.only == "dev" else sets[1]]
    merges = [("merge now", merge)]
    if args.baseline:
        from benchmarks.baseline.merge_before_13.merge import merge as old_merge

        merges.append(("merge before #13", old_merge))
    for name, fn in merges:
        report(f"offline extractor, {name}", lambda st, fn=fn: offline_summary(st, fn), sets)
    for name, fn in merges:
        report(f"real model ({args.model_runs}), {name}",
               lambda st, fn=fn: recorded_summary(st, args.model_runs, fn), sets)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
