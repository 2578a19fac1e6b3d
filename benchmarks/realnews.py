"""Who said it, on real news: the offline extractor and the verifier against labelled real articles.

    python benchmarks/realnews.py                     # every section, development and held-out parts
    python benchmarks/realnews.py --split dev         # development parts only (what rules are tuned on)
    python benchmarks/realnews.py --only quotes,verify
    python benchmarks/realnews.py -v                  # also list every miss on the development parts

Data is read from ``../shared`` (never copied into the repository); a section whose data is absent
says so and is skipped.

* **Parts.** Development: the corpus stories ``nord_stream_hersh`` and ``adani_hindenburg``, and
  PolNeAR ``dev``. Held out: ``cambridge_analytica_nix``, ``djokovic_visa`` and PolNeAR ``test``.
  Held-out misses are never printed: only their counts.
* **Direct quotes** (three words or more). A found quote piece matches a gold piece when they overlap
  by at least half of the longer one, one to one. Corpus quotes of kind ``statement`` and ``partial``
  that are not ``speaker_ambiguous`` are scored; ``headline`` and ``nested`` ones are reported apart,
  and quoted spans the gold calls nobody's statement (titles, scare quotes) neither count for nor
  against. The speaker is right when it resolves to the gold actor through the gold aliases.
* **Indirect attributions** (PolNeAR): attributions whose cue is a speech or denial verb and that have a
  source. A reported-speech claim matches when its evidence and the gold content overlap by at least a
  half of each; precision counts a claim right when it matches any gold attribution's content.
* **Verifier**: cases from the seeded generator ``benchmarks/realnews_cases.py`` (frozen at the first
  held-out run) and PolNeAR's ``polnear_verify.jsonl``.
* **Baseline**, in the same run: a naive quotation-mark regex with the nearest capitalised name.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import aliases  # noqa: E402
from summarizer.ingest import make_article  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
PEER = SHARED / "peer"
DEV_STORIES = ("nord_stream_hersh", "adani_hindenburg")
HELDOUT_STORIES = ("cambridge_analytica_nix", "djokovic_visa")
MIN_WORDS = 3

# ---------------------------------------------------------------------------------------------
# What an extractor found, in one shape for every extractor scored here.
# ---------------------------------------------------------------------------------------------


@dataclass
class Found:
    """One attributed piece of text: a direct-quote piece or a reported-speech clause."""

    start: int
    end: int
    speaker: Optional[str]
    direct: bool
    speaker_span: Optional[tuple[int, int]] = None
    denial: bool = False


def _article(text: str, published: Optional[str] = None):
    return make_article("x", "x", text, published=published)


def summarizer_found(text: str, published: Optional[str] = None) -> list[Found]:
    """Direct quotes from the quote finder; reported speech from the extractor's claims and denials
    whose words are not inside quotation marks."""
    from summarizer import rules

    art = _article(text, published)
    out: list[Found] = []
    direct_spans = []
    for q in rules.find_quotes(art.text, art.boilerplate):
        span = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        for a, b in q.parts:
            out.append(Found(a, b, q.speaker, True, span))
            direct_spans.append((a, b))
    ex = rules.extract(art)
    for item, denial in [(c, False) for c in ex.claims] + [(d, True) for d in ex.denials]:
        pos = art.text.find(item.quote)
        if pos < 0:
            continue
        end = pos + len(item.quote)
        if any(a >= pos and b <= end and (b - a) >= 0.5 * (end - pos) for a, b in direct_spans):
            continue  # a direct quote, scored above
        if any(pos >= a and end <= b for a, b in direct_spans):
            continue
        out.append(Found(pos, end, item.speaker, False, None, denial))
    return out


_NAIVE_QUOTE = re.compile(r"[“\"]([^“”\"\n]{2,}?)[”\"]")
_NAIVE_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+|\b[A-Z]{2,}\b")


def baseline_found(text: str, published: Optional[str] = None) -> list[Found]:
    """A naive quote regex with the nearest capitalised name in the same paragraph."""
    out = []
    for m in _NAIVE_QUOTE.finditer(text):
        pa = text.rfind("\n", 0, m.start()) + 1
        pb = text.find("\n", m.end())
        pb = len(text) if pb < 0 else pb
        best = None
        for n in _NAIVE_NAME.finditer(text, pa, pb):
            if m.start() <= n.start() < m.end():
                continue
            d = m.start() - n.end() if n.end() <= m.start() else n.start() - m.end()
            if best is None or d < best[0]:
                best = (d, n)
        out.append(Found(m.start(1), m.end(1), best[1].group(0) if best else None, True,
                         (best[1].start(), best[1].end()) if best else None))
    return out


EXTRACTORS: dict[str, Callable[..., list[Found]]] = {"summarizer": summarizer_found, "baseline": baseline_found}

# ---------------------------------------------------------------------------------------------
# Matching and speakers.
# ---------------------------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(found: list[tuple[int, int]], gold: list[tuple[int, int]], share: float = 0.5) -> list[tuple[int, int]]:
    """One-to-one (found, gold) index pairs overlapping by >= ``share`` of the longer span, largest first."""
    cands = []
    for i, f in enumerate(found):
        for j, g in enumerate(gold):
            ov = _overlap(f, g)
            longer = max(f[1] - f[0], g[1] - g[0])
            if longer > 0 and ov >= share * longer:
                cands.append((ov, i, j))
    pairs, used_f, used_g = [], set(), set()
    for _ov, i, j in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_f and j not in used_g:
            used_f.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _norm(name: str) -> str:
    s = aliases.fold(re.sub(r"[,()]", " ", name))
    return re.sub(r"^(?:a|an|the)\s+", "", s)


def same_actor(found: Optional[str], gold_forms: list[str]) -> bool:
    """Whether a found speaker names the gold actor: one of its forms, or a person's surname or full name."""
    if not found:
        return False
    f = _norm(found)
    forms = [_norm(g) for g in gold_forms if g]
    if f in forms:
        return True
    for g in forms:
        gw, fw = g.split(), f.split()
        if len(fw) == 1 and len(gw) >= 2 and fw[0] in (gw[-1], gw[0]) and fw[0][:1].isalpha():
            return True
        if len(gw) == 1 and len(fw) >= 2 and gw[0] in (fw[-1], fw[0]) and gw[0][:1].isalpha():
            return True
    return False


def _words(s: str) -> int:
    return len(re.findall(r"[^\W_]+", s))


# ---------------------------------------------------------------------------------------------
# Corpus.
# ---------------------------------------------------------------------------------------------


def load_story(story: str):
    gold = json.loads((CORPUS / "gold" / f"{story}.json").read_text(encoding="utf-8"))
    texts = {}
    for path in sorted((CORPUS / "articles" / story).glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as fh:
            texts[path.name] = fh.read()
    return gold, texts


@dataclass
class Score:
    gold: int = 0
    found_gold: int = 0
    found: int = 0
    found_right: int = 0
    speaker_n: int = 0
    speaker_right: int = 0
    apart_gold: int = 0  # headline and nested quotes: reported apart
    apart_found: int = 0

    def add(self, o: "Score") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(o, k))


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  n/a"


def score_corpus_quotes(story: str, extractor: Callable, misses: Optional[list] = None) -> Score:
    gold, texts = load_story(story)
    actors = gold["actors"]
    sc = Score()
    for name, text in texts.items():
        gq = [q for q in gold["quotes"] if q["article"] == name and _words(q["quote"]) >= MIN_WORDS]
        scored = [q for q in gq if q["kind"] in ("statement", "partial") and not q.get("speaker_ambiguous")]
        apart = [q for q in gq if q["kind"] in ("headline", "nested")]
        neutral = [(s["start"], s["end"]) for s in gold["non_statement_quoted_spans"] if s["article"] == name]
        neutral += [(q["start"], q["end"]) for q in gold["quotes"] if q["article"] == name and q.get("speaker_ambiguous")]
        neutral += [(q["start"], q["end"]) for q in gold.get("truncated_quotes", []) if q["article"] == name]
        found = [f for f in extractor(text) if f.direct and _words(text[f.start:f.end]) >= MIN_WORDS]
        spans = [(f.start, f.end) for f in found]
        pairs = match(spans, [(q["start"], q["end"]) for q in scored])
        matched_found = {i for i, _ in pairs}
        sc.gold += len(scored)
        sc.found_gold += len(pairs)
        for i, j in pairs:
            q = scored[j]
            sc.speaker_n += 1
            ok = same_actor(found[i].speaker, [q["speaker"], *actors.get(q["speaker"], [])])
            sc.speaker_right += ok
            if not ok and misses is not None:
                misses.append(f"  speaker {story}/{name} @{q['start']}: {q['quote'][:60]!r} gold={q['speaker']!r} found={found[i].speaker!r}")
        apart_pairs = match(spans, [(q["start"], q["end"]) for q in apart])
        apart_found = {i for i, _ in apart_pairs}
        sc.apart_gold += len(apart)
        sc.apart_found += len(apart_pairs)
        neutral_found = {i for i, _ in match(spans, neutral, 0.3)}
        for i, f in enumerate(found):
            if i in apart_found or (i in neutral_found and i not in matched_found):
                continue
            sc.found += 1
            sc.found_right += i in matched_found
            if i not in matched_found and misses is not None:
                misses.append(f"  false   {story}/{name} @{f.start}: {text[f.start:f.end][:60]!r}")
        if misses is not None:
            for j, q in enumerate(scored):
                if j not in {j for _, j in pairs}:
                    misses.append(f"  missed  {story}/{name} @{q['start']}: {q['quote'][:60]!r} ({q['speaker']})")
    return sc


# ---------------------------------------------------------------------------------------------
# PolNeAR.
# ---------------------------------------------------------------------------------------------


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _polnear_speaker_ok(f: Found, q: dict) -> bool:
    """Right when the words that credit the quote are the gold Source, or the name resolves to it."""
    spans = [tuple(s) for s in q["speaker_spans"]]
    if f.speaker_span and any(_overlap(f.speaker_span, s) > 0 for s in spans):
        return True
    if q["speaker_is_pronoun"]:
        return False
    return same_actor(f.speaker, [q["speaker"]]) or bool(
        f.speaker and re.search(rf"(?<!\w){re.escape(f.speaker.split()[-1])}(?!\w)", q["speaker"])
    )


def score_polnear_quotes(rows: list[dict], extractor: Callable, misses: Optional[list] = None) -> Score:
    sc = Score()
    for r in rows:
        text = r["text"]
        gq = [q for q in r["gold_quotes"] if _words(q["quote"]) >= MIN_WORDS]
        found = [f for f in extractor(text, r.get("published")) if f.direct and _words(text[f.start:f.end]) >= MIN_WORDS]
        pairs = match([(f.start, f.end) for f in found], [(q["start"], q["end"]) for q in gq])
        sc.gold += len(gq)
        sc.found_gold += len(pairs)
        sc.found += len(found)
        sc.found_right += len(pairs)
        for i, j in pairs:
            sc.speaker_n += 1
            ok = _polnear_speaker_ok(found[i], gq[j])
            sc.speaker_right += ok
            if not ok and misses is not None:
                misses.append(f"  speaker {r['id']} @{gq[j]['start']}: {gq[j]['quote'][:50]!r} gold={gq[j]['speaker']!r} found={found[i].speaker!r}")
        if misses is not None:
            got = {j for _, j in pairs}
            for j, q in enumerate(gq):
                if j not in got:
                    misses.append(f"  missed  {r['id']} @{q['start']}: {q['quote'][:60]!r}")
    return sc


_SPEECH_CUE = None


def _speech_cue(cue: str) -> bool:
    """A PolNeAR cue that is a speech or denial verb (any inflection), judged by the project's lexicon."""
    global _SPEECH_CUE
    if _SPEECH_CUE is None:
        try:
            from summarizer.lexicon import EN

            _SPEECH_CUE = lambda w: w in EN.speech_forms or w in EN.denial_forms  # noqa: E731
        except ImportError:
            from summarizer.rules import SPEECH_VERBS, DENIAL_VERBS

            _SPEECH_CUE = lambda w: w in SPEECH_VERBS or w in DENIAL_VERBS  # noqa: E731
    words = re.findall(r"[a-z]+", cue.lower())
    return any(_SPEECH_CUE(w) for w in words)


def score_polnear_indirect(rows: list[dict], extractor: Callable, misses: Optional[list] = None) -> Score:
    sc = Score()
    for r in rows:
        text = r["text"]
        atts = r["attributions"]
        target = [a for a in atts if a["kind"] == "indirect" and a["source"] and _speech_cue(a["cue"]["text"])]
        found = [f for f in extractor(text, r.get("published")) if not f.direct]

        def content_span(a):
            spans = a["content"]["spans"]
            return (min(s[0] for s in spans), max(s[1] for s in spans))

        pairs = match([(f.start, f.end) for f in found], [content_span(a) for a in target])
        sc.gold += len(target)
        sc.found_gold += len(pairs)
        any_pairs = match([(f.start, f.end) for f in found], [content_span(a) for a in atts])
        sc.found += len(found)
        sc.found_right += len(any_pairs)
        for i, j in pairs:
            a = target[j]
            sc.speaker_n += 1
            spans = [tuple(s) for s in a["source"]["spans"]]
            ok = bool(found[i].speaker_span and any(_overlap(found[i].speaker_span, s) > 0 for s in spans))
            if not ok and not a["source_is_pronoun"] and found[i].speaker:
                last = found[i].speaker.split()[-1]
                ok = bool(re.search(rf"(?<!\w){re.escape(last)}(?!\w)", a["source"]["text"]))
            sc.speaker_right += ok
        if misses is not None:
            got = {j for _, j in pairs}
            for j, a in enumerate(target):
                if j not in got:
                    misses.append(f"  missed  {r['id']}: {a['source']['text'][:30]!r} {a['cue']['text']!r} {a['content']['text'][:60]!r}")
            right = {i for i, _ in any_pairs}
            for i, f in enumerate(found):
                if i not in right:
                    misses.append(f"  false   {r['id']} @{f.start}: {f.speaker!r}: {text[f.start:f.end][:60]!r}")
    return sc


# ---------------------------------------------------------------------------------------------
# Verifier.
# ---------------------------------------------------------------------------------------------


@dataclass
class VScore:
    cases: int = 0
    should_flag: int = 0
    flagged: int = 0
    true_flags: int = 0
    honest: int = 0
    honest_accused: int = 0  # honest quotes flagged as credited to someone else
    honest_flagged: int = 0
    honest_confirmed: int = 0
    honest_named: int = 0  # honest cases whose gold names a speaker (PolNeAR leaves some without one)
    honest_named_confirmed: int = 0
    misattributed: int = 0
    misattributed_caught: int = 0


def verify_cases(cases: list[dict], misses: Optional[list] = None) -> VScore:
    from summarizer.verify import prepared, verify_quote

    sc = VScore()
    texts: dict[str, str] = {}
    for c in cases:
        src = c["source"]
        if src not in texts:
            with open(src, encoding="utf-8", newline="") as fh:
                texts[src] = fh.read()
        art = _article(texts[src])
        v = verify_quote(prepared(art.text, art.boilerplate), c["quote"], c.get("speaker_names") or c["speaker"])
        expect = c["expect_flag"]
        sc.cases += 1
        sc.should_flag += expect
        sc.flagged += v.flagged
        sc.true_flags += v.flagged and expect
        honest = not expect and c["kind"].startswith("honest") or c["kind"] == "reported"
        mis = c["kind"] in ("misattributed", "reported_misattributed")
        if honest:
            sc.honest += 1
            sc.honest_flagged += v.flagged
            sc.honest_accused += v.credited_to is not None and v.speaker_found is False
            sc.honest_confirmed += bool(v.speaker_found)
            if c.get("speaker"):
                sc.honest_named += 1
                sc.honest_named_confirmed += bool(v.speaker_found)
        if mis:
            sc.misattributed += 1
            sc.misattributed_caught += v.flagged
        if misses is not None and v.flagged != expect:
            misses.append(f"  {'false flag' if v.flagged else 'missed    '} {c['id']}: {c['quote'][:60]!r} speaker={c['speaker']!r} "
                          f"status={v.status.value} credited={v.credited_to!r} {v.reasons}")
    return sc


def polnear_verify_cases(split: str) -> list[dict]:
    rows = _jsonl(PEER / "polnear_quotes.jsonl")
    split_of = {r["id"]: r["split"] for r in rows}
    out = []
    for c in _jsonl(PEER / "polnear_verify.jsonl"):
        art_id = c["id"].split("#")[0]
        if split_of.get(art_id) != split:
            continue
        gold = c["kind"] == "gold"
        out.append({"id": c["id"], "source": str(PEER / c["source"]), "quote": c["quote"], "speaker": c["speaker"],
                    "speaker_names": [c["speaker"]], "kind": "honest" if gold else "misattributed", "expect_flag": not gold})
    return out


def print_vscore(label: str, sc: VScore) -> None:
    p = _ratio(sc.true_flags, sc.flagged)
    r = _ratio(sc.true_flags, sc.should_flag)
    print(f"  {label:<34} n={sc.cases:<5} flag P {p} R {r} | honest n={sc.honest:<4} wrongly accused "
          f"{_ratio(sc.honest_accused, sc.honest)} flagged {_ratio(sc.honest_flagged, sc.honest)} speaker confirmed "
          f"{_ratio(sc.honest_confirmed, sc.honest)} (of the n={sc.honest_named} naming a speaker: "
          f"{_ratio(sc.honest_named_confirmed, sc.honest_named)}) | misattributions n={sc.misattributed:<4} caught "
          f"{_ratio(sc.misattributed_caught, sc.misattributed)}")


# ---------------------------------------------------------------------------------------------
# Speed.
# ---------------------------------------------------------------------------------------------


def _lx_version() -> str:
    from importlib.metadata import version

    return version("langextract")


def speed(quick: bool) -> None:
    from summarizer import rules
    from summarizer.verify import prepared, verify_quote

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    checks = []
    prep = 0.0
    for p in seeds:
        art = _article(p.read_text(encoding="utf-8"))
        t = time.perf_counter()
        src = prepared(art.text, art.boilerplate)
        src.document  # preparing an article builds its attribution layer too, once (it was built lazily in the first check)
        prep += time.perf_counter() - t
        for q in rules.find_quotes(art.text, art.boilerplate):
            checks.append((src, q.text, q.speaker or "Someone Else"))
    reps = 3 if quick else 10
    from summarizer import aliases, speaker_check

    elapsed = 0.0
    for _ in range(reps):
        # each pass starts with the name caches empty, as a fresh run would: repeating the same 45 checks
        # must not be answered from what the previous pass remembered
        for cached in (speaker_check._matches, speaker_check._name_forms_of, aliases.fold):
            cached.cache_clear()
        for src, _quote, _who in checks:
            src.document.forget()  # the attribution layer's answers too: each span asked afresh
        t = time.perf_counter()
        for src, quote, who in checks:
            verify_quote(src, quote, who)
        elapsed += time.perf_counter() - t
    n = reps * len(checks)
    print(f"  verifier, speaker check included: {n / elapsed:,.0f} checks/s ({len(checks)} quotes of the seeds, prepared once)")
    print(f"  preparing an article (word index and attribution layer, once per article): "
          f"{1000 * prep / len(seeds):.1f} ms on average ({len(seeds)} seeds)")
    rate = n / elapsed
    try:
        from langextract import data as lx_data  # type: ignore
        from langextract.resolver import WordAligner  # type: ignore
    except ImportError:
        print("  LangExtract aligner: not installed (pip install langextract) -- ratio not measured")
    else:
        # The same quotes against the same texts. LangExtract aligns a whole article's extractions in one
        # call (its intended use, and the cheaper one for it); it locates words only, with no speaker check.
        by_text: dict[str, list[str]] = {}
        for src, quote, _who in checks:
            by_text.setdefault(src.text, []).append(quote)
        aligner = WordAligner()
        lx_reps = 1 if quick else 3
        t = time.perf_counter()
        for _ in range(lx_reps):
            for text, quotes in by_text.items():
                groups = [[lx_data.Extraction(extraction_class="quote", extraction_text=q)] for q in quotes]
                aligner.align_extractions(groups, text)
        lx_rate = lx_reps * len(checks) / (time.perf_counter() - t)
        print(f"  LangExtract {_lx_version()} WordAligner, same quotes, one call per article: {lx_rate:,.0f} checks/s"
              f" -> ratio {rate / lx_rate:,.1f}x")
    import random

    rng = random.Random(7)
    words = "the minister said that council would review plan on Tuesday and officials told reporters it was".split()
    for size in (50_000, 200_000):
        parts, n_chars = [], 0
        while n_chars < size:
            w = rng.choice(words)
            if rng.random() < 0.05:
                w = f"“{w} {rng.choice(words)} {rng.choice(words)},” said Jane Roe."
            parts.append(w)
            n_chars += len(w) + 1
        text = " ".join(parts)[:size]
        t = time.perf_counter()
        rules.extract(_article(text))
        print(f"  extractor on one {size:,}-character paragraph: {time.perf_counter() - t:.2f} s")


# ---------------------------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------------------------


def print_score(label: str, sc: Score, apart: bool = False) -> None:
    line = (f"  {label:<34} gold n={sc.gold:<5} recall {_ratio(sc.found_gold, sc.gold)} | found n={sc.found:<5} "
            f"precision {_ratio(sc.found_right, sc.found)} | speaker n={sc.speaker_n:<5} accuracy "
            f"{_ratio(sc.speaker_right, sc.speaker_n)}")
    if apart:
        line += f" | headline+nested found {sc.apart_found}/{sc.apart_gold}"
    print(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    ap.add_argument("--only", default="quotes,indirect,verify,speed")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses (development parts only)")
    args = ap.parse_args()
    only = set(args.only.split(","))
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    show = lambda split: [] if args.verbose and split == "dev" else None  # noqa: E731
    print(f"summarizer realnews benchmark ({time.strftime('%Y-%m-%d %H:%M')}; parts: {', '.join(splits)})")

    if "quotes" in only or "indirect" in only:
        polnear = _jsonl(PEER / "polnear_quotes.jsonl") if (PEER / "polnear_quotes.jsonl").exists() else None
        polnear_att = _jsonl(PEER / "polnear_attributions.jsonl") if (PEER / "polnear_attributions.jsonl").exists() else None
    if "quotes" in only:
        print("\ndirect quotes of three words or more (offline extractor)")
        for split in splits:
            stories = DEV_STORIES if split == "dev" else HELDOUT_STORIES
            for name, ex in EXTRACTORS.items():
                if not CORPUS.exists():
                    print("  skipped: ../shared/corpus not found")
                    break
                total, misses = Score(), show(split) if name == "summarizer" else None
                for story in stories:
                    total.add(score_corpus_quotes(story, ex, misses))
                print_score(f"corpus {split:<8} {name}", total, apart=True)
                for m in misses or []:
                    print(m)
            pn_split = "dev" if split == "dev" else "test"
            for name, ex in EXTRACTORS.items():
                if polnear is None:
                    print("  skipped: ../shared/peer/polnear_quotes.jsonl not found")
                    break
                misses = show(split) if name == "summarizer" else None
                sc = score_polnear_quotes([r for r in polnear if r["split"] == pn_split], ex, misses)
                print_score(f"PolNeAR {pn_split:<7} {name}", sc)
                for m in (misses or [])[:400]:
                    print(m)
    if "indirect" in only:
        print("\nindirect attributions with a speech or denial cue and a source (PolNeAR, offline extractor)")
        for split in splits:
            pn_split = "dev" if split == "dev" else "test"
            if polnear_att is None:
                print("  skipped: ../shared/peer/polnear_attributions.jsonl not found")
                break
            misses = show(split)
            sc = score_polnear_indirect([r for r in polnear_att if r["split"] == pn_split], summarizer_found, misses)
            print_score(f"PolNeAR {pn_split:<7} summarizer", sc)
            for m in (misses or [])[:400]:
                print(m)
    if "verify" in only:
        print("\nverifier")
        gen = ROOT / "benchmarks" / "realnews_cases.py"
        cases = []
        if gen.exists() and CORPUS.exists():
            sys.path.insert(0, str(gen.parent))
            import realnews_cases  # noqa: E402

            cases = realnews_cases.generate(CORPUS)
        elif not CORPUS.exists():
            print("  skipped: ../shared/corpus not found")
        else:
            print("  skipped: benchmarks/realnews_cases.py not written yet")
        for split in splits:
            part = [c for c in cases if c["split"] == split]
            if part:
                misses = show(split)
                print_vscore(f"corpus cases {split}", verify_cases(part, misses))
                for m in misses or []:
                    print(m)
            pn_split = "dev" if split == "dev" else "test"
            if (PEER / "polnear_verify.jsonl").exists():
                misses = show(split)
                print_vscore(f"PolNeAR verify {pn_split}", verify_cases(polnear_verify_cases(pn_split), misses))
                for m in (misses or [])[:200]:
                    print(m)
    if "speed" in only:
        print("\nspeed")
        speed(args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
