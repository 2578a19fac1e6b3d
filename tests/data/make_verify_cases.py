#!/usr/bin/env python3
"""Generate ``tests/data/verify_cases.jsonl``: a labelled evaluation set for the quote verifier.

How it works
------------
* Base quotes are hand-picked, byte-exact spans of the five seed articles in ``seeds/``
  (curly quotes, the non-breaking space in 004 and the bracketed editorial words are kept as-is).
* Variants are derived from a base by small, named, deterministic transformations
  (``to_straight_quotes``, ``add_linebreak``, ``americanize``, ``drop_article``, ``negate``,
  ``change_number``, ``swap_name``, ``replace_word`` ...).
* Real cross-outlet variants are taken verbatim from one seed and checked against another seed
  that reports the same quotation in different wording.
* About forty extra cases use short news snippets written for this file (``source_text``).

Labels are assigned by construction, never by running a verifier.  Every case is checked
here for the property its label relies on (see ``check_case``); a failing check aborts the run.
No randomness is used, so the output is byte-for-byte reproducible.

Run:  python tests/data/make_verify_cases.py      (prints the counts by status and category)
"""
from __future__ import annotations

import difflib
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "verify_cases.jsonl"


def _load_seeds() -> dict[str, tuple[str, str]]:
    seeds = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as fh:
            seeds[path.name[:3]] = (path.relative_to(ROOT).as_posix(), fh.read())
    assert sorted(seeds) == ["000", "001", "002", "003", "004"], sorted(seeds)
    return seeds


SEEDS = _load_seeds()

# --------------------------------------------------------------------------------------------
# Normalisation used by the checks (deliberately simple; it only encodes the *benign* list).
# --------------------------------------------------------------------------------------------
_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ",
})
_EDGE_PUNCT = " \"'.,;:!?"


def norm(text: str) -> str:
    """HTML entities, quote/apostrophe and dash variants, whitespace, case."""
    text = html.unescape(text).translate(_CHAR_MAP)
    return re.sub(r"\s+", " ", text).strip().lower()


def norm_quote(text: str) -> str:
    """``norm`` plus stripping leading/trailing punctuation and quote marks."""
    return norm(text).strip(_EDGE_PUNCT)


def normalized_match(quote: str, source: str) -> bool:
    q = norm_quote(quote)
    return bool(q) and q in norm(source)


_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|\w+(?:['\-]\w+)*|\.\.\.|\S")


def tokens(text: str) -> list[str]:
    """Tokens of the normalised text, with case kept (for name detection)."""
    text = html.unescape(text).translate(_CHAR_MAP)
    return _TOKEN_RE.findall(re.sub(r"\s+", " ", text))


def words(text: str) -> list[str]:
    return [t.lower() for t in tokens(text) if re.match(r"\w", t)]


# --------------------------------------------------------------------------------------------
# Classification of one difference between a source span (a) and a quote (b).
# --------------------------------------------------------------------------------------------
SPELLING = {  # British -> American
    "programme": "program", "programmes": "programs", "organisation": "organization",
    "organisation's": "organization's", "rumour": "rumor", "recognise": "recognize",
    "defence": "defense", "denuclearise": "denuclearize", "travelling": "traveling",
    "funnelling": "funneling", "emphasised": "emphasized", "fuelling": "fueling",
    "formalise": "formalize", "millimetres": "millimeters", "paralyse": "paralyze",
    "behaviour": "behavior", "labour": "labor", "centre": "center",
}
SPELL_PAIRS = set(SPELLING.items()) | {(v, k) for k, v in SPELLING.items()}
ARTICLES = {"a", "an", "the"}
BRACKETS = set("[]()")
NEGATORS = {"not", "never", "no", "cannot", "always", "n't"}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fifteen", "twenty", "thirty", "million",
                "billion", "thousand", "hundred", "two-day", "three-day", "dozen", "first", "second",
                "third"}
DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "jan", "feb", "nov", "dec",
              "week", "month", "year", "season"}
BENIGN_KINDS = {"punct", "spelling", "cannot", "article", "bracket"}


def _is_word(tok: str) -> bool:
    return bool(re.match(r"\w", tok))


def classify(a: list[str], b: list[str]) -> set[str]:
    """Return the set of kinds one opcode can be read as (a: source tokens, b: quote tokens)."""
    la, lb = [t.lower() for t in a], [t.lower() for t in b]
    both = set(la) | set(lb)
    if both & BRACKETS:
        return {"bracket"}
    if not any(_is_word(t) for t in la + lb):
        return {"punct"}
    wa, wb = [t for t in la if _is_word(t)], [t for t in lb if _is_word(t)]
    if len(wa) == 1 and len(wb) == 1 and (wa[0], wb[0]) in SPELL_PAIRS:
        return {"spelling"}
    if (wa, wb) in ((["can", "not"], ["cannot"]), (["cannot"], ["can", "not"])):
        return {"cannot"}
    if (not wa and len(wb) == 1 and wb[0] in ARTICLES) or (not wb and len(wa) == 1 and wa[0] in ARTICLES):
        return {"article"}
    kinds = set()
    changed = set(wa) ^ set(wb)
    if changed & NEGATORS or {"can", "cannot"} <= both or "deeply" in changed and "not" in changed:
        kinds.add("negation")
    if any(re.search(r"\d", t) for t in changed) or changed & NUMBER_WORDS:
        kinds |= {"number", "date"}
    if changed & DATE_WORDS or (changed and changed <= {"this", "next", "last"}):
        kinds.add("date")
    if any(t[:1].isupper() for t in a + b if _is_word(t)):
        kinds.add("name")
    if not kinds:
        kinds.add("word")
    return kinds


def diff_ops(base: str, quote: str) -> list[tuple[int, list[str], list[str], set[str]]]:
    """Non-equal opcodes between a source span and a quote, each with its possible kinds."""
    ta, tb = tokens(base), tokens(quote)
    sm = difflib.SequenceMatcher(a=[t.lower() for t in ta], b=[t.lower() for t in tb], autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            ops.append((j1, ta[i1:i2], tb[j1:j2], classify(ta[i1:i2], tb[j1:j2])))
    return ops


def longest_common_run(quote: str, source: str) -> int:
    qa, sa = words(quote), words(source)
    sm = difflib.SequenceMatcher(a=qa, b=sa, autojunk=False)
    return max((m.size for m in sm.get_matching_blocks()), default=0)


def best_window_ratio(quote: str, source: str) -> float:
    qa, sa = words(quote), words(source)
    n = len(qa)
    best = 0.0
    for i in range(0, max(1, len(sa) - n + 1)):
        best = max(best, difflib.SequenceMatcher(a=qa, b=sa[i:i + n], autojunk=False).ratio())
    return best


# --------------------------------------------------------------------------------------------
# Transformations (each returns a new quote; each asserts it really changed something).
# --------------------------------------------------------------------------------------------
def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur exactly once in {text!r}"
    out = text.replace(old, new)
    assert out != text
    return out


def to_straight_quotes(text: str) -> str:
    out = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    assert out != text, "no curly quotes to straighten"
    return out


def to_curly_quotes(text: str) -> str:
    out, open_ = [], True
    for ch in text:
        if ch == "'":
            out.append("\u2019")
        elif ch == '"':
            out.append("\u201c" if open_ else "\u201d")
            open_ = not open_
        else:
            out.append(ch)
    res = "".join(out)
    assert res != text, "no straight quotes to curl"
    return res


def add_linebreak(text: str, after: str, sep: str = "\n") -> str:
    """Replace the single space after ``after`` with ``sep`` (a line break or a double space)."""
    return _replace_once(text, after + " ", after + sep)


def change_case(text: str, how: str) -> str:
    if how == "lower":
        out = text.lower()
    elif how == "upper":
        out = text.upper()
    elif how == "first-lower":
        out = text[0].lower() + text[1:]
    elif how == "title":
        out = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    else:
        raise ValueError(how)
    assert out != text
    return out


def set_trailing(text: str, punct: str) -> str:
    """Drop trailing punctuation from the span and put ``punct`` there instead."""
    out = text.rstrip(".,;:!?") + punct
    assert out != text
    return out


def wrap_quotes(text: str, left: str = "\u201c", right: str = "\u201d") -> str:
    return left + text + right


def to_html_entities(text: str, which: dict[str, str]) -> str:
    out = text
    for ch, ent in which.items():
        assert ch in out, ch
        out = out.replace(ch, ent)
    return out


def dash_variant(text: str, dash: str = "\u2013") -> str:
    out = text.replace("-", dash)
    assert out != text
    return out


def americanize(text: str) -> str:
    out = text
    for brit, amer in SPELLING.items():
        out = re.sub(rf"\b{re.escape(brit)}\b", amer, out)
        out = re.sub(rf"\b{re.escape(brit.capitalize())}\b", amer.capitalize(), out)
    assert out != text, "nothing to americanize"
    return out


def britishize(text: str) -> str:
    out = text
    for brit, amer in SPELLING.items():
        out = re.sub(rf"\b{re.escape(amer)}\b", brit, out)
    assert out != text, "nothing to britishize"
    return out


def split_cannot(text: str) -> str:
    return _replace_once(text, "cannot", "can not")


def join_cannot(text: str) -> str:
    return _replace_once(text, "can not", "cannot")


def drop_article(text: str, context: str) -> str:
    """``context`` is e.g. 'to the Russian': its article is removed."""
    art = next(w for w in context.split() if w.lower() in ARTICLES)
    return _replace_once(text, context, context.replace(f" {art} ", " ", 1) if f" {art} " in context
                         else context.replace(f"{art} ", "", 1))


def add_article(text: str, context: str, article: str = "the") -> str:
    """``context`` is e.g. 'to Asian': the article is inserted before its last word."""
    head, _, last = context.rpartition(" ")
    return _replace_once(text, context, f"{head} {article} {last}")


def bracket_replace(text: str, old: str, bracket: str) -> str:
    return _replace_once(text, old, bracket)


def add_ellipsis(fragments: list[str], sep: str = " \u2026 ") -> str:
    return sep.join(fragments)


def negate(text: str, old: str, new: str) -> str:
    return _replace_once(text, old, new)


def change_number(text: str, old: str, new: str) -> str:
    return _replace_once(text, old, new)


def change_date(text: str, old: str, new: str) -> str:
    return _replace_once(text, old, new)


def swap_name(text: str, old: str, new: str) -> str:
    return _replace_once(text, old, new)


def replace_word(text: str, old: str, new: str) -> str:
    return _replace_once(text, old, new)


ALTER_FUNCS = {"negation": negate, "number": change_number, "date": change_date,
               "name": swap_name, "word": replace_word}

# --------------------------------------------------------------------------------------------
# Hand-written snippets (multi-outlet style; people are fictional).
# --------------------------------------------------------------------------------------------
SNIPPETS = {
    "port_uk": (
        "ROTTERDAM, 14 March (Harbour Wire) \u2013 Port workers will stay off the job until at least "
        "Friday, union leader Sanne de Vries told reporters on Tuesday.\n\n"
        "\u201cWe can not accept a programme of cuts that puts 1,200 jobs at risk,\u201d de Vries said "
        "outside the terminal gates. \u201cOur members are not going back until the offer is withdrawn.\u201d\n\n"
        "Port director Hendrik Bos rejected the union\u2019s figures. \u201cThe plan affects 400 posts, "
        "not 1,200, and every worker will be offered a new role,\u201d he said.\n\n"
        "The strike has left 37 container ships waiting at anchor, according to harbour master "
        "Joost Kramer.\n"
    ),
    "port_us": (
        "Dock workers in Rotterdam will remain on strike through at least Friday, union leader Sanne "
        "de Vries said Tuesday.\n"
        "\"We cannot accept a program of cuts that puts 1,200 jobs at risk,\" de Vries told reporters.\n"
        "Port director Hendrik Bos disputed the numbers, saying the plan affects 400 positions and that "
        "all affected staff would be offered other work.\n"
        "Thirty-seven container ships were waiting at anchor on Tuesday, Maritrack data showed.\n"
    ),
    "audit_html": (
        "Smith &amp; Partners, the firm hired to audit the city&#8217;s transit budget, said on Monday "
        "that &quot;the figures do not add up and the deficit is larger than the council has admitted&quot;.\n"
        "Mayor Elena Marsh told the council: &#8220;We will publish every line of the audit before the "
        "vote on 9 May.&#8221;\n"
        "Opposition leader Karim Haddad said the mayor &#8220;has known about the gap since January&#8221;.\n"
    ),
    "health_wrapped": (
        "GENEVA (Alpine Press) - Health official Dr. Amara Osei said on Thursday the\n"
        "vaccination programme would reach \"every district in the country by\n"
        "the end of October\", adding that 3.5 million doses had already\n"
        "been delivered to regional centres.\n"
        "\"We are not slowing down, and we will not let the winter\n"
        "catch us unprepared,\" she said.\n"
    ),
    "league": (
        "The decision \u2014 which took the committee eight months \u2014 was final, league chair Lars "
        "Nygaard said on Thursday.\n"
        "\u201cNo club will be relegated this season because of the stadium rules,\u201d Nygaard said. "
        "His deputy, Ingrid Hauge, struck a different tone: \u201cClubs that ignore the rules next season "
        "will face relegation, and we will not hesitate to apply them.\u201d\n"
    ),
    "court": (
        "Prosecutors said the former treasurer, Marco Lindahl, moved \u20ac2.4 million from the "
        "charity\u2019s accounts between 2019 and 2021.\n"
        "According to the indictment, Lindahl \u201cknowingly concealed the transfers from the board and "
        "the auditors for more than two years\u201d.\n"
        "Defence lawyer Petra Kaur said her client \u201chas always acted in the organisation\u2019s "
        "interest and will be cleared of every charge\u201d.\n"
    ),
    "storm": (
        "Forecasters at the national weather service said the storm would make landfall late on "
        "Saturday near the fishing town of Porto Leve.\n\n"
        "\u201cThe heaviest rain will fall along the coast, with up to 200 millimetres in some places,\u201d "
        "senior forecaster Tom\u00e1s Ibarra said. \u201cPeople should not drive unless their journey is "
        "essential.\u201d\n\n"
        "Emergency crews have been moved to three coastal districts, and the regional government has "
        "opened 14 shelters in sports halls and schools. Residents of low-lying streets were told to "
        "move valuables upstairs and to keep a bag packed with medicines and documents.\n\n"
        "Farmers in the valley said they were more worried about wind than rain. Several greenhouses "
        "were damaged by a smaller storm in November, and insurers have since raised premiums for the "
        "area by as much as a third, according to the regional farmers\u2019 union.\n\n"
        "Ferry services to the islands were cancelled for the weekend, the operator said in a "
        "statement, adding that tickets would be refunded automatically.\n\n"
        "Schools in the region will reopen on Wednesday, the education ministry said.\n"
    ),
}


def source_of(key: str) -> str:
    return SEEDS[key][1] if key in SEEDS else SNIPPETS[key]


# --------------------------------------------------------------------------------------------
# Case construction and checks.
# --------------------------------------------------------------------------------------------
CASES: list[dict] = []
STATUSES = ("exact", "normalized", "fuzzy", "altered", "unsupported")


def add(src: str, quote: str, status: str, category: str, note: str, *, speaker: str | None = None,
        speaker_found: bool | None = None, base: str | None = None, fragments: list[str] | None = None,
        cue: str | None = None, kind: str | None = None) -> None:
    assert status in STATUSES
    assert (speaker is None) == (speaker_found is None)
    flag = status in ("altered", "unsupported") or speaker_found is False
    case = {"_src": src, "quote": quote, "speaker": speaker, "expected_status": status,
            "expected_flag": flag, "expected_speaker_found": speaker_found, "category": category,
            "note": note, "_base": base, "_fragments": fragments, "_cue": cue, "_kind": kind}
    check_case(case)
    CASES.append(case)


def _norm_with_map(src: str) -> tuple[str, list[int]]:
    """``norm(src)`` (without the final strip) plus, for each output char, its index in ``src``."""
    chars: list[tuple[str, int]] = []
    pos = 0
    for m in list(re.finditer(r"&#?\w+;", src)) + [None]:
        end = m.start() if m else len(src)
        chars += [(ch, i) for i, ch in enumerate(src[pos:end], pos)]
        if m:
            chars += [(ch, m.start()) for ch in html.unescape(m.group())]
            pos = m.end()
    out, idx = [], []
    for ch, i in chars:
        ch = ch.translate(_CHAR_MAP).lower()
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        idx.append(i)
    return "".join(out), idx


def _span_pos(src: str, case: dict) -> int:
    """Character position of the case's supporting span in the source (for speaker checks)."""
    for cand in (case["quote"], case["_base"], *(case["_fragments"] or [])):
        if cand and cand in src:
            return src.index(cand)
    text, idx = _norm_with_map(src)
    at = text.find(norm_quote(case["quote"]))
    if at >= 0:
        return idx[at]
    raise AssertionError(f"cannot locate span for {case['quote']!r}")


def _surname(name: str) -> str:
    parts = name.split()
    if parts[0] in {"Kwon", "Kim", "Park", "Yoon", "Shin"}:  # Korean order: family name first
        return parts[0]
    return parts[-1]


def check_case(c: dict) -> None:
    src = source_of(c["_src"])
    q, status, cat = c["quote"], c["expected_status"], c["category"]
    ctx = f"[{cat}] {q!r}"
    if status == "exact":
        assert q in src, f"exact but not a substring: {ctx}"
    elif status == "normalized":
        assert q not in src, f"normalized but already exact: {ctx}"
        assert normalized_match(q, src), f"normalized but no match after normalisation: {ctx}"
    elif status == "fuzzy":
        assert not normalized_match(q, src), f"fuzzy but already normalized: {ctx}"
        if c["_fragments"]:
            _check_fragments(src, c, close=True)
            assert cat == "benign-ellipsis"
        else:
            base = c["_base"]
            assert base and base in src, f"fuzzy base not in source: {ctx}"
            ops = diff_ops(base, q)
            kinds = [k for *_, k in ops]
            assert ops and all(k <= BENIGN_KINDS for k in kinds), f"non-benign diff {ops}: {ctx}"
            assert any(k - {"punct"} for k in kinds), f"punctuation-only diff: {ctx}"
            want = {"benign-spelling": "spelling", "benign-cannot": "cannot", "benign-article": "article",
                    "benign-bracket": "bracket"}.get(cat)
            if want:
                assert all(k == {want} for k in kinds), f"{cat} must only differ by {want}: {ops}"
    elif status == "altered":
        assert not normalized_match(q, src), f"altered but normalized-equal: {ctx}"
        base = c["_base"]
        assert base and base in src, f"altered base not in source: {ctx}"
        ops = diff_ops(base, q)
        assert len(ops) == 1, f"altered must have exactly one change, got {ops}: {ctx}"
        pos, a, b, kinds = ops[0]
        assert not kinds & BENIGN_KINDS, f"altered change is benign: {ops}"
        assert c["_kind"] in kinds, f"declared {c['_kind']} but diff reads as {kinds}: {ops}"
        n = len(words(q))
        assert 8 <= n <= 30, f"altered quote must have 8-30 words, has {n}: {ctx}"
        qt = tokens(q)
        # at least two tokens before and two after the change
        assert 2 <= pos and pos + max(len(b), 1) <= len(qt) - 2, f"change not in the middle: {ctx}"
    elif status == "unsupported":
        if cat == "boilerplate":
            assert normalized_match(q, src), "boilerplate case must quote a boilerplate line"
            line = next(ln for ln in src.splitlines() if norm_quote(q) in norm(ln))
            assert len(words(line)) <= len(words(q)) + 2, "boilerplate line must be (almost) the quote"
        elif cat == "spliced":
            assert not normalized_match(q, src)
            _check_fragments(src, c, close=False)
        else:
            assert not normalized_match(q, src), f"unsupported but found: {ctx}"
            run, ratio = longest_common_run(q, src), best_window_ratio(q, src)
            assert run <= 4 and ratio < 0.5, f"too close to the source (run={run}, ratio={ratio:.2f}): {ctx}"
    # speaker checks
    spk, found, cue = c["speaker"], c["expected_speaker_found"], c["_cue"]
    if spk is not None:
        assert cue and cue in src, f"attribution cue missing: {cue!r}"
        assert _surname(spk) in src, f"speaker {spk!r} does not appear in the article"
        where = _span_pos(src, c)
        cue_pos = src.index(cue)
        assert abs(cue_pos - where) <= 450, f"cue {cue!r} too far from the quote"
        if found:
            if _surname(spk) not in cue:  # pronoun or continuation: the name must come earlier
                assert _surname(spk) in src[:cue_pos], f"{spk!r} not named before {cue!r}"
        else:
            assert spk not in cue, f"wrong speaker {spk!r} is in the true cue {cue!r}"
            if _surname(spk) in cue:  # shared family name (Kim Jong Un / Kim Yo Jong): full names differ
                assert spk not in src[max(0, cue_pos - 5):cue_pos + len(cue) + 5]


def _check_fragments(src: str, c: dict, close: bool) -> None:
    frags = c["_fragments"]
    assert len(frags) >= 2
    pos = []
    for f in frags:
        assert f in src, f"fragment not in source: {f!r}"
        assert src.count(f) == 1, f"fragment ambiguous: {f!r}"
        pos.append(src.index(f))
    gaps = [pos[i + 1] - (pos[i] + len(frags[i])) for i in range(len(frags) - 1)]
    if close:
        assert all(0 < g <= 200 for g in gaps), f"ellipsis fragments not close/in order: {gaps}"
        for i, g in enumerate(gaps):  # same passage: no paragraph break in between
            assert "\n\n" not in src[pos[i]:pos[i + 1]], "ellipsis fragments cross a paragraph"
    else:
        far = all(g >= 600 for g in gaps) or any(g < 0 for g in gaps)
        assert far, f"spliced fragments are not far apart or out of order: {gaps}"


# ============================================================================================
# 1. EXACT — verbatim spans (no speaker).  (seed, quote, note)
# ============================================================================================
EXACT = [
    ("000", "We are of course concerned about the reckless missile tests and the nuclear programmes of North Korea.", "Stoltenberg's full quoted sentence"),
    ("000", "He noted that the war in Ukraine has ramifications for Asia.", "narrative sentence"),
    ("000", "NATO is concerned about North Korea's missile tests", "clause with straight apostrophe"),
    ("000", "Stoltenberg is currently on a multi-nation visit to Asian nations.", "narrative sentence"),
    ("000", "a grave provocation that can never be allowed", "fragment of Kwon's quote"),
    ("000", "Pyongyang supplied rockets and missiles to Russia's private military group Wagner", "clause"),
    ("000", "The US underlined the group's weapons dealings with North Korea", "clause"),
    ("000", "NATO's claims are not new.", "short (5 words)"),
    ("000", "picking up a load of infantry rockets and missiles", "fragment"),
    ("000", "He will also visit Japan.", "short (5 words)"),
    ("001", "We are, of course, concerned about the reckless missile tests and nuclear programs of North Korea.", "Stoltenberg in 001 wording"),
    ("001", "There are many areas where we really believe that even stronger partnership between the Republic of Korea and NATO can be a mutual benefit", "Stoltenberg quote without the closing comma"),
    ("001", "We obviously condemn North Korea\u2019s actions", "short, curly apostrophe as in the text"),
    ("001", "But let\u2019s keep it in perspective.", "short, curly apostrophe"),
    ("001", "Obviously, that\u2019s a whole different set of problems", "curly apostrophe"),
    ("001", "This is not a burgeoning economy.", "short (6 words)"),
    ("001", "The images were marked to show five railcars, allegedly belonging to Russia, traveling to North Korea on Nov. 18 and returning to Russia the next day.", "narrative sentence with date"),
    ("001", "Kirby did not specify how many weapons Wagner Group had received from North Korea.", "narrative sentence"),
    ("001", "Both North Korea and Wagner have denied the U.S. claims.", "sentence with abbreviation"),
    ("001", "a prelude to confrontation", "short (4 words) quoted phrase"),
    ("001", "Trying to tarnish the image of the DPRK by fabricating a non-existent thing", "Kwon fragment, 001 wording"),
    ("001", "North Korea fired an unprecedented number of missiles in 2022", "clause with year"),
    ("001", "Stoltenberg also met with President Yoon Suk-yeol and reaffirmed NATO\u2019s commitment to supporting South Korea in its efforts to denuclearize the Korean Peninsula.", "sentence with curly apostrophe"),
    ("001", "the Democratic People\u2019s Republic of Korea (DPRK)", "name with curly apostrophe and parenthesis"),
    ("002", "SEOUL: North Korea on Sunday denied providing arms to Moscow", "dateline opening"),
    ("002", "further crossing the red line", "short (5 words) quoted phrase"),
    ("002", "a foolish attempt to justify its offer of weapons to Ukraine", "quoted phrase"),
    ("002", "Earlier this week, US President Joe Biden promised 31 Abrams tanks", "clause with number"),
    ("002", "Along with China, Russia is one of the North\u2019s few international friends and has previously come to the regime\u2019s aid.", "two curly apostrophes"),
    ("002", "North Korea is the only country to recognise the independence of Luhansk and Donetsk", "British spelling kept"),
    ("002", "We also know that North Korea is providing military support to the Russian war efforts with the rockets and missiles", "Stoltenberg quote without closing comma"),
    ("002", "to help Kyiv fight off Moscow\u2019s invasion", "short, curly apostrophe"),
    ("003", "NATO does not doubt that North Korea provides significant military support to Russia", "lead clause"),
    ("003", "Stoltenberg said \u201cThere\u2019s no doubt\u201d North Korea is providing Russia with \u201csignificant military support.\u201d", "sentence including curly quote marks"),
    ("003", "the Alliance cannot rule out that in response Moscow may provide Pyongyang with technical assistance", "clause"),
    ("003", "most strongly denounces and rejects", "short (5 words) quoted phrase"),
    ("003", "incites new Cold War and military confrontation on a global scale", "quoted phrase"),
    ("003", "Relations between the two Koreas are at one of their lowest points in years", "clause"),
    ("003", "resumed live-fire drills on border islands and [near] the demilitarized zone", "contains the editorial bracket as printed"),
    ("003", "NATO leaders also voiced \u201cprofound concern\u201d over China\u2019s industrial support to Russia", "curly quotes and apostrophe"),
    ("004", "We are of course also concerned about the potential support that Russia provides to North Korea", "Stoltenberg quote fragment"),
    ("004", "Stoltenberg said that Russia's war in Ukraine is supported by China, North Korea and Iran, which want Ukraine\u2019s Western allies to fail.", "mixed straight and curly apostrophes exactly as in the text"),
    ("004", "They [China] cannot continue to have normal trade relationships with countries in Europe", "contains editorial bracket"),
    ("004", "to continue as we do today is not viable", "fragment"),
    ("004", "North Korea had sent containers to Russia that could hold almost 5 million artillery shells.", "bullet-line clause"),
    ("004", "NATO concerned about possible Russian support for DPRK missile and nuclear programmes", "headline"),
    ("004", "Putin promised to deepen trade and security ties", "fragment"),
    ("004", "Moscow received North Korean ballistic missiles and ammunition", "short (7 words)"),
    ("004", "the biggest war we have seen since the Second World War", "fragment"),
    ("004", "Russia and North Korea have stepped up their military cooperation over the past year.", "bullet-line sentence"),
]
for seed, quote, note in EXACT:
    add(seed, quote, "exact", "exact", f"verbatim span: {note}")

# Cross-article exact: the same words appear verbatim in another outlet's article.
add("002", "US intelligence photographs of Russian rail cars entering North Korea, picking up a load of infantry rockets and missiles, and returning to Russia",
    "exact", "exact-cross-article", "000's AFP sentence checked against 002, where the same words appear verbatim")
add("002", "Trying to tarnish the image of (North Korea) by fabricating a non-existent thing is a grave provocation that can never be allowed and that cannot but trigger its reaction",
    "exact", "exact-cross-article", "000's Kwon quote (without its final period) checked against 002: identical wording")
add("000", "transnational criminal organisation", "exact", "exact-cross-article",
    "002's quoted phrase checked against 000, which has the same words")

# ============================================================================================
# 2. NORMALIZED — benign normalisation only.  (seed, base, transform, note, category)
# ============================================================================================
S001_KIRBY_CONDEMN = "We obviously condemn North Korea\u2019s actions, and we urge North Korea to cease these deliveries to Wagner immediately"
NORMALIZED = [
    # curly <-> straight
    ("001", S001_KIRBY_CONDEMN, to_straight_quotes, "curly apostrophe -> straight", "benign-curly"),
    ("001", "Obviously, that\u2019s a whole different set of problems, but they are able to skirt sanctions to continue to funnel money into their economy.", to_straight_quotes, "curly apostrophe -> straight", "benign-curly"),
    ("001", "But let\u2019s keep it in perspective. This is not a burgeoning economy.", to_straight_quotes, "curly apostrophe -> straight", "benign-curly"),
    ("002", "Along with China, Russia is one of the North\u2019s few international friends and has previously come to the regime\u2019s aid.", to_straight_quotes, "two curly apostrophes -> straight", "benign-curly"),
    ("003", "Stoltenberg said \u201cThere\u2019s no doubt\u201d North Korea is providing Russia with \u201csignificant military support.\u201d", to_straight_quotes, "curly quote marks and apostrophe -> straight", "benign-curly"),
    ("003", "NATO leaders also voiced \u201cprofound concern\u201d over China\u2019s industrial support to Russia", to_straight_quotes, "curly quotes -> straight", "benign-curly"),
    ("004", "Stoltenberg said that Russia's war in Ukraine is supported by China, North Korea and Iran, which want Ukraine\u2019s Western allies to fail.", to_straight_quotes, "the one curly apostrophe -> straight (all straight now)", "benign-curly"),
    ("000", "NATO is concerned about North Korea's missile tests", to_curly_quotes, "straight apostrophe -> curly", "benign-curly"),
    ("000", 'The officials also that the US would face a "really undesirable result"', to_curly_quotes, "straight double quotes -> curly", "benign-curly"),
    ("004", '"We are of course also concerned about the potential support that Russia provides to North Korea when it comes to supporting their missile and nuclear programmes," Stoltenberg said.', to_curly_quotes, "straight double quotes -> curly", "benign-curly"),
    # whitespace / line breaks
    ("001", "Not every country that should observes the sanctions regime, so they are still able to trade with countries like Russia and with China", lambda s: add_linebreak(s, "regime,"), "line break inserted instead of a space", "benign-whitespace"),
    ("002", "Russia, one of the five permanent members of the UN Security Council, has long held the line", lambda s: add_linebreak(s, "Council,"), "line break inserted instead of a space", "benign-whitespace"),
    ("000", "AFP reported that the national security spokesman John Kirby said the White House showed US intelligence photographs", lambda s: add_linebreak(s, "House"), "line break inserted instead of a space", "benign-whitespace"),
    ("004", "Moscow received North Korean ballistic missiles and ammunition and promised Pyongyang its own technologies for satellite and missile programmes in return.", lambda s: add_linebreak(s, "technologies", "\r\n"), "CRLF line break inserted instead of a space", "benign-whitespace"),
    ("003", "Seoul and Washington will carry out joint military drills to help implement the newly announced guidelines", lambda s: add_linebreak(s, "drills", "  "), "double space instead of a single space", "benign-whitespace"),
    ("001", "Kirby said that North Korea evaded sanctions to continue funneling money into its economy.", lambda s: add_linebreak(s, "sanctions", "  "), "double space instead of a single space", "benign-whitespace"),
    ("002", "The move drew a rebuke Friday from Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un", lambda s: add_linebreak(s, "sister", " \n  "), "space + line break + indentation instead of a space", "benign-whitespace"),
    # letter case
    ("001", "We obviously condemn North Korea\u2019s actions", lambda s: change_case(s, "first-lower"), "first letter lower-cased", "benign-case"),
    ("002", "further crossing the red line", lambda s: change_case(s, "upper"), "upper-cased", "benign-case"),
    ("000", "NATO's claims are not new.", lambda s: change_case(s, "lower"), "lower-cased", "benign-case"),
    ("004", "NATO concerned about possible Russian support for DPRK missile and nuclear programmes", lambda s: change_case(s, "title"), "headline title-cased", "benign-case"),
    ("003", "Relations between the two Koreas are at one of their lowest points in years", lambda s: change_case(s, "lower"), "lower-cased", "benign-case"),
    # leading / trailing punctuation and surrounding quote marks
    ("001", "There are many areas where we really believe that even stronger partnership between the Republic of Korea and NATO can be a mutual benefit,", lambda s: set_trailing(s, "."), "final comma -> period", "benign-punctuation"),
    ("001", "While we assess that the amount of material delivered to Wagner has not changed battlefield dynamics in Ukraine, we do expect that it will continue to receive North Korean weapons systems,", lambda s: set_trailing(s, "."), "final comma -> period", "benign-punctuation"),
    ("001", "We obviously condemn North Korea\u2019s actions", wrap_quotes, "wrapped in curly quote marks", "benign-punctuation"),
    ("004", "it has to be an issue that we need to address", lambda s: wrap_quotes(s, '"', '"'), "wrapped in straight quote marks", "benign-punctuation"),
    ("000", "He will also visit Japan.", lambda s: set_trailing(s, ","), "final period -> comma", "benign-punctuation"),
    ("003", "Pyongyang has repeatedly denied allegations that it is shipping weapons to Moscow,", lambda s: set_trailing(s, "."), "period added where the text continues with a comma", "benign-punctuation"),
    ("002", "We also know that North Korea is providing military support to the Russian war efforts with the rockets and missiles,", lambda s: set_trailing(s, "."), "final comma -> period", "benign-punctuation"),
    ("002", "a foolish attempt to justify its offer of weapons to Ukraine", lambda s: wrap_quotes(s + "."), "period moved inside the surrounding quote marks", "benign-punctuation"),
    # HTML entities
    ("002", "the United States said the nuclear-armed state supplied rockets and missiles to Russia\u2019s private military group Wagner", lambda s: to_html_entities(s, {"\u2019": "&#8217;"}), "curly apostrophe written as &#8217;", "benign-html-entity"),
    ("003", "At this week\u2019s 75th Anniversary Summit, NATO leaders condemned North Korea for \u201cfueling Russia\u2019s war of aggression against Ukraine\u201d", lambda s: to_html_entities(s, {"\u2019": "&#8217;", "\u201c": "&#8220;", "\u201d": "&#8221;"}), "apostrophes and quote marks as numeric entities", "benign-html-entity"),
    ("001", "\u201cWe are, of course, concerned about the reckless missile tests and nuclear programs of North Korea.", lambda s: to_html_entities(s, {"\u201c": "&quot;"}), "opening quote mark as &quot;", "benign-html-entity"),
    ("004", '"They [China] cannot continue to have normal trade relationships with countries in Europe', lambda s: to_html_entities(s, {'"': "&quot;"}), "opening quote mark as &quot;", "benign-html-entity"),
    ("000", "This comes after the United States said that Pyongyang supplied rockets and missiles to Russia's private military group Wagner.", lambda s: to_html_entities(s, {"'": "&#39;"}), "apostrophe as &#39;", "benign-html-entity"),
    ("004", "Putin's visit to Pyongyang", lambda s: to_html_entities(s, {"'": "&rsquo;"}), "apostrophe as &rsquo; (short quote)", "benign-html-entity"),
    # dash variants
    ("000", "Jens Stoltenberg also weighed in on the Russia-Ukraine war", dash_variant, "hyphen -> en dash", "benign-dash"),
    ("001", "published a statement condemning Stoltenberg\u2019s visit to South Korea as \u201ca prelude to confrontation\u201d in the Asia-Pacific region", lambda s: dash_variant(s, "\u2014"), "hyphen -> em dash", "benign-dash"),
    ("002", "Luhansk and Donetsk, two Russian-backed separatist regions in eastern Ukraine", dash_variant, "hyphen -> en dash", "benign-dash"),
    ("003", "Seoul last month fully suspended a tension-reducing military deal and resumed live-fire drills on border islands", dash_variant, "two hyphens -> en dashes", "benign-dash"),
    ("001", "Trying to tarnish the image of the DPRK by fabricating a non-existent thing", dash_variant, "hyphen -> en dash", "benign-dash"),
    # combinations of benign normalisations
    ("001", "We obviously condemn North Korea\u2019s actions", lambda s: change_case(to_straight_quotes(s), "upper"), "upper-cased and curly apostrophe -> straight", "benign-combined"),
    ("002", "Washington earlier this month designated the Wagner group as a \u201ctransnational criminal organisation\u201d", lambda s: add_linebreak(to_straight_quotes(s), "criminal"), "straight quote marks plus a line break", "benign-combined"),
    ("004", "He drew attention to the military support that Russia receives from North Korea and Iran, as well as how China supports Russia's military economy.", lambda s: change_case(s, "lower") + " ", "lower-cased, trailing space (the text has a no-break space there)", "benign-combined"),
]
for seed, base, fn, note, cat in NORMALIZED:
    assert base in SEEDS[seed][1], base
    add(seed, fn(base), "normalized", cat, note)

# Real cross-article normalisation differences.
add("002", "supplied rockets and missiles to Russia's private military group Wagner", "normalized", "benign-cross-outlet",
    "000's wording (straight apostrophe) checked against 002 (curly apostrophe)")
add("002", 'the US would face a "really undesirable result" if it persisted in spreading the "self-made rumour"', "normalized", "benign-cross-outlet",
    "000's wording (straight quote marks) checked against 002 (curly quote marks)")
add("002", "Trying to tarnish the image of (North Korea) by fabricating a non-existent thing is a grave provocation that can never be allowed and that cannot but trigger its reaction.",
    "normalized", "benign-cross-outlet", "000's Kwon quote ends in a period, 002's in a comma: trailing punctuation only")

# ============================================================================================
# 3. FUZZY — found, every remaining difference benign.  (seed, base, transform, note, category)
# ============================================================================================
S000_KWON = "Trying to tarnish the image of (North Korea) by fabricating a non-existent thing is a grave provocation that can never be allowed and that cannot but trigger its reaction."
S001_KWON = "Trying to tarnish the image of the DPRK by fabricating a non-existent thing is a grave provocation that can never be allowed and that can not but trigger its reaction"
S002_KWON = "Trying to tarnish the image of (North Korea) by fabricating a non-existent thing is a grave provocation that can never be allowed and that cannot but trigger its reaction"
FUZZY = [
    # British -> American
    ("000", "We are of course concerned about the reckless missile tests and the nuclear programmes of North Korea.", americanize, "programmes -> programs", "benign-spelling"),
    ("000", 'America designated the Wagner group as a "transnational criminal organisation"', americanize, "organisation -> organization", "benign-spelling"),
    ("000", 'the US would face a "really undesirable result" if it persisted in spreading the "self-made rumour"', americanize, "rumour -> rumor", "benign-spelling"),
    ("002", "North Korea is the only country to recognise the independence of Luhansk and Donetsk", americanize, "recognise -> recognize", "benign-spelling"),
    ("004", "South Korean Defence Minister Shin Won-sik said that North Korea had sent containers to Russia", americanize, "Defence -> Defense", "benign-spelling"),
    ("004", "We are of course also concerned about the potential support that Russia provides to North Korea when it comes to supporting their missile and nuclear programmes", americanize, "programmes -> programs", "benign-spelling"),
    ("004", "promised Pyongyang its own technologies for satellite and missile programmes in return", americanize, "programmes -> programs", "benign-spelling"),
    ("002", "Washington earlier this month designated the Wagner group as a \u201ctransnational criminal organisation\u201d", americanize, "organisation -> organization", "benign-spelling"),
    # American -> British
    ("001", "We are, of course, concerned about the reckless missile tests and nuclear programs of North Korea.", britishize, "programs -> programmes", "benign-spelling"),
    ("001", "reaffirmed NATO\u2019s commitment to supporting South Korea in its efforts to denuclearize the Korean Peninsula", britishize, "denuclearize -> denuclearise", "benign-spelling"),
    ("001", "pointing to images allegedly showing Russian railcars traveling to North Korea in November", britishize, "traveling -> travelling", "benign-spelling"),
    ("001", "Kirby said that North Korea evaded sanctions to continue funneling money into its economy.", britishize, "funneling -> funnelling", "benign-spelling"),
    ("001", "During his meeting with Park, Stoltenberg emphasized the need for democratic countries to stand together", britishize, "emphasized -> emphasised", "benign-spelling"),
    ("003", "the possibility of Russia supporting North Korea\u2019s missile and nuclear programs in return for receiving ammunition", britishize, "programs -> programmes", "benign-spelling"),
    ("003", "NATO leaders condemned North Korea for \u201cfueling Russia\u2019s war of aggression against Ukraine\u201d", britishize, "fueling -> fuelling", "benign-spelling"),
    ("003", "the newly announced guidelines, which formalize the deployment of US nuclear assets", britishize, "formalize -> formalise", "benign-spelling"),
    ("003", "Moscow may provide Pyongyang with technical assistance in weapons development programs", britishize, "programs -> programmes", "benign-spelling"),
    # can not / cannot
    ("000", S000_KWON, split_cannot, "cannot -> can not", "benign-cannot"),
    ("002", "a grave provocation that can never be allowed and that cannot but trigger its reaction", split_cannot, "cannot -> can not", "benign-cannot"),
    ("001", "a grave provocation that can never be allowed and that can not but trigger its reaction", join_cannot, "can not -> cannot", "benign-cannot"),
    ("003", "Stoltenberg said the Alliance cannot rule out that in response Moscow may provide Pyongyang with technical assistance", split_cannot, "cannot -> can not", "benign-cannot"),
    ("004", "They [China] cannot continue to have normal trade relationships with countries in Europe", split_cannot, "cannot -> can not", "benign-cannot"),
    # dropped / added articles
    ("000", "He further claimed that the West is aware that North Korea is providing military support to the Russian war efforts with rockets and missiles.", lambda s: drop_article(s, "to the Russian"), "dropped 'the' before 'Russian war efforts'", "benign-article"),
    ("001", "NATO Secretary General Jens Stoltenberg embarked on a two-day visit to South Korea on Sunday, where he met with foreign minister Park Jin and took part in a wreath-laying ceremony", lambda s: drop_article(s, "in a wreath-laying"), "dropped 'a' before 'wreath-laying ceremony'", "benign-article"),
    ("002", "The White House showed US intelligence photographs of Russian rail cars entering North Korea, picking up a load of infantry rockets and missiles", lambda s: drop_article(s, "up a load"), "dropped 'a' before 'load'", "benign-article"),
    ("003", "Relations between the two Koreas are at one of their lowest points in years", lambda s: drop_article(s, "between the two"), "dropped 'the' before 'two Koreas'", "benign-article"),
    ("004", "the assistance that Russia may provide to North Korea's missile and nuclear programmes following Kremlin leader Vladimir Putin's visit to the DPRK", lambda s: drop_article(s, "to the DPRK"), "dropped 'the' before 'DPRK'", "benign-article"),
    ("001", "China and Russia vetoed a vote pushed by the United States to strengthen sanctions on North Korea last year.", lambda s: drop_article(s, "by the United"), "dropped 'the' before 'United States'", "benign-article"),
    ("000", "Stoltenberg is currently on a multi-nation visit to Asian nations.", lambda s: add_article(s, "to Asian"), "added 'the' before 'Asian nations'", "benign-article"),
    ("001", "North Korea has continued to advances its nuclear weapons and missile programs despite facing sanctions from the United Nations Security Council.", lambda s: add_article(s, "facing sanctions"), "added 'the' before 'sanctions'", "benign-article"),
    ("002", "Russia, one of the five permanent members of the UN Security Council, has long held the line against increasing pressure on nuclear-armed North Korea", lambda s: add_article(s, "on nuclear-armed"), "added 'the' before 'nuclear-armed North Korea'", "benign-article"),
    ("004", "Putin promised to deepen trade and security ties and support North Korea", lambda s: add_article(s, "deepen trade"), "added 'the' before 'trade'", "benign-article"),
    ("003", "Seoul last month fully suspended a tension-reducing military deal and resumed live-fire drills on border islands", lambda s: add_article(s, "resumed live-fire"), "added 'the' before 'live-fire drills'", "benign-article"),
    ("001", "John Kirby said on Jan. 20 there was evidence that North Korea supplied weapons to Russian private military contractor Wagner Group", lambda s: add_article(s, "to Russian"), "added 'the' before 'Russian private military contractor'", "benign-article"),
    # editorial brackets
    ("004", "They [China] cannot continue to have normal trade relationships with countries in Europe and at the same time, fuel the biggest war we have seen since the Second World War", lambda s: bracket_replace(s, "They [China] ", "They "), "editorial '[China]' dropped", "benign-bracket"),
    ("004", "adding that at some point there have to be consequences for Beijing", lambda s: bracket_replace(s, "Beijing", "[China]"), "'Beijing' replaced by the editorial '[China]'", "benign-bracket"),
    ("003", "resumed live-fire drills on border islands and [near] the demilitarized zone that divides the Korean peninsula", lambda s: bracket_replace(s, "[near] ", ""), "editorial '[near]' dropped", "benign-bracket"),
    ("003", "Seoul last month fully suspended a tension-reducing military deal and resumed live-fire drills on border islands and [near] the demilitarized zone", lambda s: bracket_replace(s, "[near]", "near"), "brackets around 'near' removed", "benign-bracket"),
    ("001", "Obviously, that\u2019s a whole different set of problems, but they are able to skirt sanctions", lambda s: bracket_replace(s, "but they are", "but they [North Korea] are"), "editorial '[North Korea]' inserted after 'they'", "benign-bracket"),
    ("001", "Trying to tarnish the image of the DPRK by fabricating a non-existent thing is a grave provocation", lambda s: bracket_replace(s, "the DPRK", "(North Korea)"), "'the DPRK' replaced by '(North Korea)'", "benign-bracket"),
    ("002", "who accused Washington of \u201cfurther crossing the red line\u201d by sending the tanks into Ukraine", lambda s: bracket_replace(s, "the tanks", "the [Abrams] tanks"), "editorial '[Abrams]' inserted", "benign-bracket"),
    ("001", "we do expect that it will continue to receive North Korean weapons systems", lambda s: bracket_replace(s, "that it will", "that it [Wagner] will"), "editorial '[Wagner]' inserted after 'it'", "benign-bracket"),
]
for seed, base, fn, note, cat in FUZZY:
    add(seed, fn(base), "fuzzy", cat, note, base=base)

# Ellipsis: fragments that occur in order, close together in the same passage.
ELLIPSIS = [
    ("001", ["We are, of course, concerned about the reckless missile tests", "And the war in Ukraine also has ramifications for your region"], " \u2026 "),
    ("001", ["But let\u2019s keep it in perspective", "This is not a country that is wealthy by any stretch"], " ... "),
    ("001", ["Not every country that should observes the sanctions regime", "they are able to skirt sanctions to continue to funnel money into their economy."], " \u2026 "),
    ("000", ["Trying to tarnish the image of (North Korea)", "is a grave provocation that can never be allowed"], " ... "),
    ("004", ["They [China] cannot continue to have normal trade relationships", "fuel the biggest war we have seen since the Second World War"], "... "),
    ("003", ["After Pyongyang sent multiple barrages of trash-carrying balloons", "Seoul last month fully suspended a tension-reducing military deal", "resumed live-fire drills on border islands"], " \u2026 "),
    ("002", ["Trying to tarnish the image of (North Korea)", "can never be allowed", "cannot but trigger its reaction"], " ... "),
    ("004", ["We are of course also concerned about the potential support that Russia provides to North Korea", "supporting their missile and nuclear programmes"], " \u2026 "),
    ("001", ["There are many areas where we really believe", "stronger partnership between the Republic of Korea and NATO can be a mutual benefit"], " ... "),
    ("003", ["Pyongyang has repeatedly denied allegations that it is shipping weapons to Moscow", "Kim Jong Un and Russia\u2019s President Vladimir Putin signed an agreement"], " \u2026 "),
]
for seed, frags, sep in ELLIPSIS:
    add(seed, add_ellipsis(frags, sep), "fuzzy", "benign-ellipsis",
        f"{len(frags)} fragments from one passage joined by {sep.strip()!r}", fragments=frags)

# Real cross-outlet variants: one outlet's wording checked against another outlet's article.
S000_STOLT = "We are of course concerned about the reckless missile tests and the nuclear programmes of North Korea."
S001_STOLT = "We are, of course, concerned about the reckless missile tests and nuclear programs of North Korea."
CROSS_FUZZY = [
    ("001", S000_STOLT, S001_STOLT, "000's wording vs 001: commas, dropped 'the', programmes/programs"),
    ("000", S001_STOLT, S000_STOLT, "001's wording vs 000: commas, 'the' missing, programs/programmes"),
    ("002", "reckless missile tests and nuclear programs", "reckless missile tests and nuclear programmes", "001's wording vs 002: programs/programmes"),
    ("001", "reckless missile tests and nuclear programmes", "reckless missile tests and nuclear programs", "002's wording vs 001: programmes/programs"),
    ("000", "reckless missile tests and nuclear programs", "reckless missile tests and the nuclear programmes", "001's wording vs 000: missing 'the', programs/programmes"),
    ("000", S001_KWON, S000_KWON[:-1], "001's Kwon quote vs 000: 'the DPRK' vs '(North Korea)', 'can not' vs 'cannot'"),
    ("001", S000_KWON, S001_KWON + ",", "000's Kwon quote vs 001: '(North Korea)' vs 'the DPRK', 'cannot' vs 'can not', final punctuation"),
    ("001", S002_KWON, S001_KWON, "002's Kwon quote vs 001: '(North Korea)' vs 'the DPRK', 'cannot' vs 'can not'"),
    ("002", S001_KWON, S002_KWON, "001's Kwon quote vs 002: 'the DPRK' vs '(North Korea)', 'can not' vs 'cannot'"),
    ("000", "North Korea is providing military support to the Russian war efforts with the rockets and missiles", "North Korea is providing military support to the Russian war efforts with rockets and missiles", "002's Stoltenberg quote vs 000, which reports the same words as indirect speech without 'the' before 'rockets'"),
    ("004", "North Korea\u2019s missile and nuclear programs", "North Korea's missile and nuclear programmes", "003's wording vs 004: apostrophe style and programs/programmes"),
    ("003", "North Korea's missile and nuclear programmes", "North Korea\u2019s missile and nuclear programs", "004's wording vs 003: apostrophe style and programmes/programs"),
]
for seed, quote, base, note in CROSS_FUZZY:
    add(seed, quote, "fuzzy", "benign-cross-outlet", note, base=base)

# ============================================================================================
# 4. ALTERED — exactly one meaning-bearing change in the middle.  (seed, base, kind, old, new)
# ============================================================================================
ALTERED = [
    # negation removed / added
    ("000", "a grave provocation that can never be allowed and that cannot but trigger its reaction", "negation", "can never be", "can be"),
    ("001", "While we assess that the amount of material delivered to Wagner has not changed battlefield dynamics in Ukraine", "negation", "has not changed", "has changed"),
    ("001", "has not changed battlefield dynamics in Ukraine, we do expect that it will continue to receive North Korean weapons systems", "negation", "we do expect", "we do not expect"),
    ("001", "But let\u2019s keep it in perspective. This is not a burgeoning economy.", "negation", "is not a", "is a"),
    ("001", "This is not a burgeoning economy. This is not a country that is wealthy by any stretch", "negation", "This is not a country", "This is a country"),
    ("004", "Stoltenberg added it was too early to say what those consequences might be", "negation", "was too early", "was not too early"),
    ("003", "NATO does not doubt that North Korea provides significant military support to Russia", "negation", "does not doubt", "does doubt"),
    ("003", "the Alliance cannot rule out that in response Moscow may provide Pyongyang with technical assistance", "negation", "cannot rule", "can rule"),
    ("001", "Kirby did not specify how many weapons Wagner Group had received from North Korea.", "negation", "did not specify", "did specify"),
    ("004", "They [China] cannot continue to have normal trade relationships with countries in Europe", "negation", "cannot continue", "can continue"),
    ("000", "the West is aware that North Korea is providing military support to the Russian war efforts", "negation", "is providing", "is not providing"),
    ("001", "even stronger partnership between the Republic of Korea and NATO can be a mutual benefit", "negation", "can be", "cannot be"),
    ("002", "North Korea is the only country to recognise the independence of Luhansk and Donetsk", "negation", "country to recognise", "country not to recognise"),
    ("004", "the Alliance is concerned about the assistance that Russia may provide to North Korea's missile and nuclear programmes", "negation", "is concerned", "is not concerned"),
    ("001", "we urge North Korea to cease these deliveries to Wagner immediately", "negation", "Korea to cease", "Korea not to cease"),
    ("004", "Putin promised to deepen trade and security ties and support North Korea against the United States", "negation", "promised to", "promised not to"),
    ("002", "by fabricating a non-existent thing is a grave provocation that can never be allowed", "negation", "can never be", "can always be"),
    ("003", "Pyongyang has repeatedly denied allegations that it is shipping weapons to Moscow", "negation", "it is shipping", "it is not shipping"),
    ("003", "he said it was \u201cabsolutely clear\u201d that NATO is \u201cdeeply concerned\u201d about the possibility of Russia supporting North Korea\u2019s missile and nuclear programs", "negation", "\u201cdeeply concerned\u201d", "\u201cnot concerned\u201d"),
    # numbers
    ("002", "US President Joe Biden promised 31 Abrams tanks, one of the most powerful and sophisticated weapons in the US army", "number", "31", "13"),
    ("001", "The images were marked to show five railcars, allegedly belonging to Russia, traveling to North Korea", "number", "five", "fifteen"),
    ("004", "North Korea had sent containers to Russia that could hold almost 5 million artillery shells", "number", "5 million", "3 million"),
    ("004", "South Korean Defence Minister Shin Won-sik said that North Korea had sent containers to Russia that could hold almost 5 million artillery shells", "number", "million", "billion"),
    ("003", "At this week\u2019s 75th Anniversary Summit, NATO leaders condemned North Korea", "number", "75th", "70th"),
    ("002", "Russia, one of the five permanent members of the UN Security Council, has long held the line", "number", "five", "four"),
    ("001", "NATO Secretary General Jens Stoltenberg embarked on a two-day visit to South Korea on Sunday", "number", "two-day", "three-day"),
    ("001", "North Korea fired an unprecedented number of missiles in 2022, one of which involved a Hwasong-17", "number", "2022", "2021"),
    ("001", "one of which involved a Hwasong-17, which experts dubbed a \u201cmonster missile\u201d capable of striking anywhere", "number", "Hwasong-17", "Hwasong-15"),
    ("000", "He arrived in South Korea earlier on Sunday, the first stop on a trip.", "number", "first stop", "second stop"),
    ("001", "North Korea fired an unprecedented number of missiles in 2022, one of which involved a Hwasong-17, which experts dubbed", "number", "one of which", "two of which"),
    ("000", "which caused multiple crises globally after it started last year in February", "date", "last year", "this year"),
    # dates
    ("001", "allegedly belonging to Russia, traveling to North Korea on Nov. 18 and returning to Russia the next day", "date", "Nov. 18", "Nov. 19"),
    ("001", "John Kirby said on Jan. 20 there was evidence that North Korea supplied weapons", "date", "Jan. 20", "Jan. 21"),
    ("001", "intercontinental ballistic missile on its launch vehicle in an undated photo released on March 25, 2022", "date", "March", "April"),
    ("001", "Stoltenberg will depart for Japan on Monday to meet with Japanese leader Fumio Kishida", "date", "Monday", "Tuesday"),
    ("002", "The move drew a rebuke Friday from Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un", "date", "Friday", "Thursday"),
    ("003", "Meanwhile, on Saturday, Pyongyang denounced the NATO summit declaration condemning North Korean weapons exports to Russia", "date", "Saturday", "Sunday"),
    ("003", "Seoul last month fully suspended a tension-reducing military deal and resumed live-fire drills", "date", "last month", "last week"),
    ("000", "He arrived in South Korea earlier on Sunday, the first stop on a trip.", "date", "Sunday", "Saturday"),
    ("003", "but in June leader Kim Jong Un and Russia\u2019s President Vladimir Putin signed an agreement", "date", "June", "July"),
    ("000", "who told South Korean Foreign Minister Park Jin on Sunday (January 29) that NATO is concerned", "date", "29", "28"),
    # names
    ("000", "NATO is concerned about North Korea's missile tests", "name", "North", "South"),
    ("001", "because North Korea was supplying missiles and rockets to Russia, echoing an earlier claim made by the United States", "name", "Russia", "China"),
    ("001", "White House National Security Council spokesman John Kirby said on Jan. 20 there was evidence", "name", "Kirby", "Blinken"),
    ("002", "During a meeting with South Korean foreign minister Park Jin in Seoul on Sunday", "name", "Seoul", "Tokyo"),
    ("002", "Other than Syria and Russia, North Korea is the only country to recognise the independence of Luhansk and Donetsk", "name", "Syria", "Iran"),
    ("004", "Stoltenberg said that Russia's war in Ukraine is supported by China, North Korea and Iran", "name", "China", "India"),
    ("004", "cannot continue to have normal trade relationships with countries in Europe and at the same time", "name", "Europe", "Asia"),
    ("003", "NATO leaders also voiced \u201cprofound concern\u201d over China\u2019s industrial support to Russia", "name", "China\u2019s", "India\u2019s"),
    ("001", "Stoltenberg will depart for Japan on Monday to meet with Japanese leader Fumio Kishida and other government officials", "name", "Japan on", "China on"),
    ("000", "AFP reported that the national security spokesman John Kirby said the White House showed US intelligence photographs", "name", "Kirby", "Blinken"),
    ("002", "one of the most powerful and sophisticated weapons in the US army, to help Kyiv fight off Moscow\u2019s invasion", "name", "Kyiv", "Warsaw"),
    ("003", "Seoul and Washington in meetings at the NATO Summit signed agreements on guidelines", "name", "Washington", "Tokyo"),
    ("004", "the assistance that Russia may provide to North Korea's missile and nuclear programmes", "name", "Russia", "China"),
    ("002", "North Korea on Sunday denied providing arms to Moscow after the United States said", "name", "Moscow", "Beijing"),
    ("001", "Park said that South Korea \u201clooks forward to working more closely with NATO\u201d to tackle emerging security threats", "name", "NATO", "China"),
    # content words
    ("000", "We are of course concerned about the reckless missile tests and the nuclear programmes of North Korea.", "word", "reckless", "dangerous"),
    ("001", "We obviously condemn North Korea\u2019s actions, and we urge North Korea to cease these deliveries", "word", "condemn", "support"),
    ("003", "he said it was \u201cabsolutely clear\u201d that NATO is \u201cdeeply concerned\u201d about the possibility of Russia supporting", "word", "deeply", "slightly"),
    ("002", "He also called it \u201ca foolish attempt to justify its offer of weapons to Ukraine\u201d.", "word", "foolish", "clever"),
    ("000", "by fabricating a non-existent thing is a grave provocation that can never be allowed and that cannot but trigger its reaction", "word", "grave", "minor"),
    ("001", "This is not a country that is wealthy by any stretch or is necessarily viable and flexible in the global economy", "word", "wealthy", "poor"),
    ("003", "The ministry also says the Alliance\u2019s statement \u201cincites new Cold War and military confrontation on a global scale\u201d", "word", "incites", "prevents"),
    ("003", "Relations between the two Koreas are at one of their lowest points in years", "word", "lowest", "highest"),
    ("004", "and at the same time, fuel the biggest war we have seen since the Second World War", "word", "biggest", "smallest"),
    ("004", "Putin promised to deepen trade and security ties and support North Korea against the United States", "word", "deepen", "reduce"),
    ("003", "Seoul last month fully suspended a tension-reducing military deal and resumed live-fire drills on border islands", "word", "suspended", "extended"),
    ("002", "In a statement carried by the official Korean Central News Agency, a senior North Korean official rejected the accusations", "word", "rejected", "accepted"),
    ("001", "There are many areas where we really believe that even stronger partnership between the Republic of Korea and NATO can be a mutual benefit", "word", "stronger", "weaker"),
    ("003", "with Pyongyang ramping up weapons testing as it draws closer to Russia", "word", "ramping up", "ramping down"),
    ("000", "Trying to tarnish the image of (North Korea) by fabricating a non-existent thing", "word", "tarnish", "improve"),
]
for seed, base, kind, old, new in ALTERED:
    quote = ALTER_FUNCS[kind](base, old, new)
    add(seed, quote, "altered", f"meaning-{kind}", f"{ALTER_FUNCS[kind].__name__}: {old!r} -> {new!r}",
        base=base, kind=kind)

# ============================================================================================
# 5. UNSUPPORTED
# ============================================================================================
FABRICATED = [
    ("000", "NATO will open a permanent liaison office in Seoul before the end of the year."),
    ("000", "We have seen no evidence that Pyongyang sent any weapons to Wagner."),
    ("000", "Japan and South Korea will hold joint drills with alliance ships next spring."),
    ("001", "Our alliance is ready to deploy naval assets to the Yellow Sea if requested by Seoul."),
    ("001", "The sanctions have completely cut off the flow of money to the leadership in Pyongyang."),
    ("001", "Kim Jong Un personally approved every shipment of rockets."),
    ("002", "The tanks will be delivered to Kyiv within the next three weeks."),
    ("002", "Moscow has paid for the shipments with food and fuel deliveries."),
    ("002", "Seoul has agreed to sell its own tanks to Ukraine."),
    ("003", "Japan will host the next summit of alliance leaders in Tokyo."),
    ("003", "Beijing has promised to stop all exports of dual-use goods to Moscow."),
    ("004", "Washington is preparing new sanctions on Chinese banks that finance Russian oil sales."),
    ("004", "I spoke with President Zelensky this morning about air defence."),
    ("004", "The alliance has decided to double its presence in the Baltic states."),
]
for seed, quote in FABRICATED:
    add(seed, quote, "unsupported", "fabricated", "invented quote; nothing like it in the article")

PARAPHRASED = [
    ("000", "Naturally the launches by Pyongyang worry us, as do its atomic weapons plans.", "heavy paraphrase of Stoltenberg's concern"),
    ("001", "We strongly denounce Pyongyang's behaviour and ask it to stop sending arms right away.", "heavy paraphrase of Kirby's condemnation"),
    ("001", "The North is hardly rich and its economy isn't growing, so let's be realistic about it.", "heavy paraphrase of Kirby's 'keep it in perspective' remarks"),
    ("001", "Seoul and the alliance could both gain a lot from working together more closely in many fields.", "heavy paraphrase of Stoltenberg's partnership remark"),
    ("002", "Smearing our country with invented stories is a serious provocation we will never tolerate, and it will provoke a response.", "heavy paraphrase of Kwon's statement"),
    ("002", "Washington has stepped over Pyongyang's red line again by shipping armour to Kyiv, the leader's sister said.", "heavy paraphrase of Kim Yo Jong's rebuke"),
    ("003", "Stoltenberg said Pyongyang is without question giving Moscow substantial help for its army.", "heavy paraphrase of Stoltenberg's 'no doubt' remark"),
    ("003", "The alliance is very worried that Moscow could help Pyongyang build better rockets and bombs.", "heavy paraphrase of the 'deeply concerned' passage"),
    ("004", "Beijing can't keep trading normally with Europe while also feeding the largest conflict since 1945.", "heavy paraphrase of Stoltenberg on China"),
    ("004", "Carrying on the way things are now simply won't work, so this problem must be tackled.", "heavy paraphrase of 'not viable'"),
    ("004", "Seoul's defence chief said Pyongyang may have shipped close to five million shells to Moscow in containers.", "heavy paraphrase of the Shin Won-sik bullet"),
    ("000", "Pyongyang says the American accusations are lies it made up, and warns of very bad consequences.", "heavy paraphrase of the KCNA report"),
]
for seed, quote, note in PARAPHRASED:
    add(seed, quote, "unsupported", "paraphrased", note)

SPLICED = [
    ("001", ["NATO said on Sunday that it sought to bolster military ties with South Korea", "capable of striking anywhere in the United States and beyond."], " \u2026 ", "first and last paragraphs joined by an ellipsis"),
    ("001", ["NATO Secretary General Jens Stoltenberg embarked on a two-day visit to South Korea on Sunday", "to strengthen sanctions on North Korea last year."], " ", "paragraph 2 and the last paragraph joined without a marker"),
    ("000", ["We are of course concerned about the reckless missile tests", "and returning to Russia."], " ", "Stoltenberg quote joined to the last sentence of the article"),
    ("000", ["North Korea is providing military support to the Russian war efforts", "and said that it is in violation of UN Security Council resolutions"], " ", "two far-apart clauses joined"),
    ("002", ["a senior North Korean official rejected the accusations", "even asking for relief from international sanctions for humanitarian reasons"], " ... ", "fragments ten paragraphs apart joined by an ellipsis"),
    ("002", ["North Korea on Sunday denied providing arms to Moscow", ", even asking for relief from international sanctions for humanitarian reasons."], "", "opening clause joined to the closing clause"),
    ("003", ["NATO does not doubt that North Korea provides significant military support to Russia", "to deter and respond to potential nuclear attacks by Pyongyang"], " \u2026 ", "lead and a late paragraph joined by an ellipsis"),
    ("003", ["Stoltenberg said the Alliance cannot rule out that in response Moscow may", "carry out joint military drills"], " ", "two paragraphs far apart joined mid-sentence"),
    ("004", ["We are of course also concerned about the potential support that Russia provides to North Korea", "could hold almost 5 million artillery shells."], " \u2026 ", "quote joined to a background bullet far below"),
    ("004", ["They [China] cannot continue to have normal trade relationships with countries in Europe", "amid Vladimir Putin's visit to Pyongyang."], " ", "quote joined to a background bullet"),
    ("001", ["we urge North Korea to cease these deliveries to Wagner immediately", "stronger partnership between the Republic of Korea and NATO can be a mutual benefit"], " \u2026 ", "fragments in reverse order (later passage first)"),
    ("002", ["to help Kyiv fight off Moscow\u2019s invasion", "North Korea on Sunday denied providing arms to Moscow"], " ... ", "fragments in reverse order"),
]
for seed, frags, sep, note in SPLICED:
    add(seed, sep.join(frags), "unsupported", "spliced", note, fragments=frags)

OTHER_ARTICLE = [
    ("001", "002", "accused Washington of \u201cfurther crossing the red line\u201d by sending the tanks into Ukraine"),
    ("001", "004", "They [China] cannot continue to have normal trade relationships with countries in Europe"),
    ("004", "001", "Not every country that should observes the sanctions regime, so they are still able to trade with countries like Russia and with China"),
    ("002", "003", "Seoul last month fully suspended a tension-reducing military deal and resumed live-fire drills on border islands"),
    ("003", "000", "Stoltenberg is currently on a multi-nation visit to Asian nations."),
    ("000", "002", "Earlier this week, US President Joe Biden promised 31 Abrams tanks"),
    ("003", "004", "South Korean Defence Minister Shin Won-sik said that North Korea had sent containers to Russia"),
    ("000", "003", "incites new Cold War and military confrontation on a global scale"),
    ("002", "001", "This is not a burgeoning economy."),
    ("004", "002", "Other than Syria and Russia, North Korea is the only country to recognise the independence of Luhansk and Donetsk"),
    ("000", "004", "it has to be an issue that we need to address because to continue as we do today is not viable"),
    ("002", "001", "Stoltenberg will depart for Japan on Monday to meet with Japanese leader Fumio Kishida"),
]
for target, origin, quote in OTHER_ARTICLE:
    assert quote in SEEDS[origin][1], quote
    add(target, quote, "unsupported", "other-article", f"verbatim from seed {origin}, checked against seed {target} which does not report it")

BOILERPLATE = [
    ("004", "Support UP or become our patron!", "site boilerplate line, verbatim"),
    ("004", "support UP or become our patron", "site boilerplate line, case/punctuation changed"),
    ("003", "To suggest a correction or clarification, write to us here", "site boilerplate line, verbatim"),
    ("003", "You can also highlight the text and press Ctrl + Enter", "site boilerplate line, verbatim"),
    ("003", "to suggest a correction or clarification, write to us here.", "site boilerplate line, case/punctuation changed"),
]
for seed, quote, note in BOILERPLATE:
    add(seed, quote, "unsupported", "boilerplate", f"{note}: occurs only in boilerplate, not in the article")

# ============================================================================================
# 6. SPEAKERS — right speaker (incl. pronoun / 'according to') and misattributed.
# ============================================================================================
S000_STOLT_CUE = 'Stoltenberg said, "'
SPEAKER_OK = [
    # (seed, quote, status, speaker, cue, category, note, base)
    ("000", S000_STOLT, "exact", "Stoltenberg", S000_STOLT_CUE, "speaker-correct", "direct quote introduced by 'Stoltenberg said,'", None),
    ("000", S000_STOLT, "exact", "Jens Stoltenberg", S000_STOLT_CUE, "speaker-correct", "full name of the credited speaker", None),
    ("000", S000_KWON, "exact", "Kwon Jong Gun", "Kwon Jong Gun, director general of the Department of US Affairs, said:", "speaker-correct", "direct quote after 'Kwon Jong Gun ... said:'", None),
    ("001", "And the war in Ukraine also has ramifications for your region", "exact", "Stoltenberg", "Stoltenberg said, according to Yonhap", "speaker-correct", "second sentence of the quote credited 'Stoltenberg said, according to Yonhap'", None),
    ("001", "There are many areas where we really believe that even stronger partnership between the Republic of Korea and NATO can be a mutual benefit", "exact", "Stoltenberg", "he added, referring to South Korea", "speaker-pronoun", "'he added' after a paragraph about Stoltenberg", None),
    ("001", "looks forward to working more closely with NATO", "exact", "Park Jin", "Park said that South Korea", "speaker-correct", "indirect quote 'Park said that ...'", None),
    ("001", "While we assess that the amount of material delivered to Wagner has not changed battlefield dynamics in Ukraine", "exact", "Kirby", "he told reporters", "speaker-pronoun", "'he told reporters' right after 'Kirby did not specify ...'", None),
    ("001", "We obviously condemn North Korea\u2019s actions", "exact", "John Kirby", "immediately,\u201d Kirby added", "speaker-correct", "'... immediately,\u201d Kirby added'", None),
    ("001", "Not every country that should observes the sanctions regime", "exact", "Kirby", "Kirby said. \u201cObviously", "speaker-correct", "'... China,\u201d Kirby said'", None),
    ("001", "This is not a burgeoning economy.", "exact", "Kirby", "economy,\u201d Kirby added.", "speaker-correct", "middle of a quote closed by 'Kirby added'", None),
    ("001", "Obviously, that\u2019s a whole different set of problems", "exact", "Kirby", "Kirby said. \u201cObviously", "speaker-correct", "continuation quote right after 'Kirby said.'", None),
    ("001", "Trying to tarnish the image of the DPRK by fabricating a non-existent thing", "exact", "Kwon Jong Gun", "Kwon stated", "speaker-correct", "'Kwon stated' (full name in the previous paragraph)", None),
    ("001", "North Korea evaded sanctions to continue funneling money into its economy", "exact", "Kirby", "Kirby said that North Korea evaded", "speaker-correct", "indirect speech 'Kirby said that ...'", None),
    ("002", "Trying to tarnish the image of (North Korea) by fabricating a non-existent thing is a grave provocation", "exact", "Kwon Jong Gun", "said Kwon Jong Gun", "speaker-correct", "'..., said Kwon Jong Gun'", None),
    ("002", "a foolish attempt to justify its offer of weapons to Ukraine", "exact", "Kwon Jong Gun", "He also called it", "speaker-pronoun", "'He also called it' right after Kwon's quote", None),
    ("002", "We also know that North Korea is providing military support to the Russian war efforts", "exact", "Stoltenberg", "he added", "speaker-pronoun", "'he added' after the Stoltenberg paragraph", None),
    ("002", "further crossing the red line", "exact", "Kim Yo Jong", "Kim Yo Jong, the powerful sister", "speaker-correct", "Kim Yo Jong 'accused Washington of ...'", None),
    ("002", "The White House showed US intelligence photographs of Russian rail cars entering North Korea", "exact", "John Kirby", "according to national security spokesman John Kirby", "speaker-according-to", "'..., according to national security spokesman John Kirby'", None),
    ("003", "\u201cThere\u2019s no doubt\u201d North Korea is providing Russia with \u201csignificant military support.\u201d", "exact", "Stoltenberg", "Stoltenberg said \u201cThere", "speaker-correct", "'Stoltenberg said \u201cThere\u2019s no doubt\u201d ...'", None),
    ("004", "We are of course also concerned about the potential support that Russia provides to North Korea", "exact", "Stoltenberg", "Stoltenberg said.", "speaker-correct", "'...,\" Stoltenberg said.'", None),
    ("004", "They [China] cannot continue to have normal trade relationships with countries in Europe", "exact", "Stoltenberg", "he said, adding", "speaker-pronoun", "'he said' (Stoltenberg is the subject of the passage)", None),
    ("004", "to continue as we do today is not viable", "exact", "Jens Stoltenberg", "Stoltenberg added", "speaker-correct", "'Stoltenberg added ..., \"...\"'", None),
    ("004", "North Korea had sent containers to Russia that could hold almost 5 million artillery shells", "exact", "Shin Won-sik", "Shin Won-sik said that", "speaker-correct", "indirect speech 'Shin Won-sik said that ...'", None),
    ("004", "the United States was concerned about the deepening of relations between Russia and North Korea", "exact", "John Kirby", "said that the United States was concerned", "speaker-correct", "'John Kirby, ..., said that ...' (indirect speech)", None),
    ("001", to_straight_quotes(S001_KIRBY_CONDEMN), "normalized", "Kirby", "immediately,\u201d Kirby added", "speaker-correct", "straight apostrophe; credited 'Kirby added'", None),
    ("002", "We also know that North Korea is providing military support to the Russian war efforts with the rockets and missiles.", "normalized", "Stoltenberg", "he added", "speaker-pronoun", "final comma -> period; 'he added' after the Stoltenberg paragraph", None),
    ("003", to_straight_quotes("\u201cThere\u2019s no doubt\u201d North Korea is providing Russia with \u201csignificant military support.\u201d"), "normalized", "Jens Stoltenberg", "Stoltenberg said \u201cThere", "speaker-correct", "straight quote marks; 'Stoltenberg said'", None),
    ("001", S000_KWON, "fuzzy", "Kwon Jong Gun", "Kwon stated", "speaker-correct", "000's wording of Kwon's quote vs 001 ('(North Korea)', 'cannot'); 'Kwon stated'", S001_KWON + ","),
    ("001", S000_STOLT, "fuzzy", "Stoltenberg", "Stoltenberg said, according to Yonhap", "speaker-correct", "000's wording vs 001 (commas, 'the', programmes); 'Stoltenberg said'", S001_STOLT),
    ("004", "They cannot continue to have normal trade relationships with countries in Europe", "fuzzy", "Stoltenberg", "he said, adding", "speaker-pronoun", "editorial '[China]' dropped; 'he said'", "They [China] cannot continue to have normal trade relationships with countries in Europe"),
    ("000", split_cannot(S000_KWON), "fuzzy", "Kwon Jong Gun", "Kwon Jong Gun, director general of the Department of US Affairs, said:", "speaker-correct", "'cannot' -> 'can not'; 'Kwon Jong Gun ... said:'", S000_KWON),
]
for seed, quote, status, spk, cue, cat, note, base in SPEAKER_OK:
    add(seed, quote, status, cat, note, speaker=spk, speaker_found=True, cue=cue, base=base)

MISATTRIBUTED = [
    # (seed, quote, status, wrong speaker, true cue, note)
    ("000", S000_STOLT, "exact", "Park Jin", S000_STOLT_CUE, "Stoltenberg's quote credited to Park Jin, named in the paragraph before"),
    ("000", S000_STOLT, "exact", "John Kirby", S000_STOLT_CUE, "Stoltenberg's quote credited to Kirby (mentioned later)"),
    ("000", S000_KWON, "exact", "Stoltenberg", "Kwon Jong Gun, director general of the Department of US Affairs, said:", "Kwon's quote credited to Stoltenberg"),
    ("000", S000_KWON, "exact", "John Kirby", "Kwon Jong Gun, director general of the Department of US Affairs, said:", "Kwon's quote credited to Kirby"),
    ("001", "And the war in Ukraine also has ramifications for your region", "exact", "Park Jin", "Stoltenberg said, according to Yonhap", "Stoltenberg's words credited to Park Jin"),
    ("001", "There are many areas where we really believe that even stronger partnership between the Republic of Korea and NATO can be a mutual benefit", "exact", "Kirby", "he added, referring to South Korea", "'he added' is Stoltenberg, not Kirby"),
    ("001", "There are many areas where we really believe that even stronger partnership between the Republic of Korea and NATO can be a mutual benefit", "exact", "Park Jin", "he added, referring to South Korea", "'he added' is Stoltenberg; Park speaks in the next paragraph"),
    ("001", "looks forward to working more closely with NATO", "exact", "Stoltenberg", "Park said that South Korea", "Park's words credited to Stoltenberg"),
    ("001", "While we assess that the amount of material delivered to Wagner has not changed battlefield dynamics in Ukraine", "exact", "Stoltenberg", "he told reporters", "Kirby's quote credited to Stoltenberg"),
    ("001", "We obviously condemn North Korea\u2019s actions", "exact", "Kwon Jong Gun", "immediately,\u201d Kirby added", "Kirby's quote credited to Kwon"),
    ("001", "Not every country that should observes the sanctions regime", "exact", "Stoltenberg", "Kirby said. \u201cObviously", "Kirby's quote credited to Stoltenberg"),
    ("001", "But let\u2019s keep it in perspective.", "exact", "Yoon Suk-yeol", "economy,\u201d Kirby added.", "Kirby's quote credited to President Yoon"),
    ("001", S001_KWON, "exact", "Kirby", "Kwon stated", "Kwon's quote credited to Kirby"),
    ("001", S001_KWON, "exact", "Kim Jong Un", "Kwon stated", "Kwon's quote credited to Kim Jong Un"),
    ("002", S002_KWON, "exact", "Kim Yo Jong", "said Kwon Jong Gun", "Kwon's quote credited to Kim Yo Jong"),
    ("002", S002_KWON, "exact", "Stoltenberg", "said Kwon Jong Gun", "Kwon's quote credited to Stoltenberg"),
    ("002", "a foolish attempt to justify its offer of weapons to Ukraine", "exact", "Joe Biden", "He also called it", "Kwon's phrase credited to Biden"),
    ("002", "We also know that North Korea is providing military support to the Russian war efforts", "exact", "Kwon Jong Gun", "he added", "'he added' is Stoltenberg, not Kwon (named earlier)"),
    ("002", "further crossing the red line", "exact", "Kim Jong Un", "Kim Yo Jong, the powerful sister", "Kim Yo Jong's words credited to her brother, named in the same sentence"),
    ("002", "further crossing the red line", "exact", "Joe Biden", "Kim Yo Jong, the powerful sister", "Kim Yo Jong's words credited to Biden"),
    ("003", "\u201cThere\u2019s no doubt\u201d North Korea is providing Russia with \u201csignificant military support.\u201d", "exact", "Vladimir Putin", "Stoltenberg said \u201cThere", "Stoltenberg's words credited to Putin"),
    ("003", "Pyongyang has repeatedly denied allegations that it is shipping weapons to Moscow", "exact", "Kim Jong Un", "According to the report", "text credits 'the report'; Kim Jong Un is only mentioned inside the quote"),
    ("004", "We are of course also concerned about the potential support that Russia provides to North Korea", "exact", "Antony Blinken", "Stoltenberg said.", "Stoltenberg's quote credited to Blinken (at the same press conference)"),
    ("004", "They [China] cannot continue to have normal trade relationships with countries in Europe", "exact", "Antony Blinken", "he said, adding", "'he said' is Stoltenberg, not Blinken"),
    ("004", "to continue as we do today is not viable", "exact", "Vladimir Putin", "Stoltenberg added", "Stoltenberg's words credited to Putin"),
    ("004", "North Korea had sent containers to Russia that could hold almost 5 million artillery shells", "exact", "John Kirby", "Shin Won-sik said that", "Shin Won-sik's statement credited to Kirby (previous bullet)"),
    ("004", "They [China] cannot continue to have normal trade relationships with countries in Europe", "exact", "John Kirby", "he said, adding", "Stoltenberg's quote credited to Kirby"),
    ("001", "We obviously condemn North Korea's actions", "normalized", "Stoltenberg", "immediately,\u201d Kirby added", "straight apostrophe; Kirby's quote credited to Stoltenberg"),
    ("004", to_curly_quotes('"We are of course also concerned about the potential support that Russia provides to North Korea'), "normalized", "Antony Blinken", "Stoltenberg said.", "curly quote mark; Stoltenberg's quote credited to Blinken"),
    ("002", "Trying to tarnish the image of (North Korea) by fabricating a non-existent thing is a grave provocation that can never be allowed and that cannot but trigger its reaction.", "normalized", "Kim Yo Jong", "said Kwon Jong Gun", "final comma -> period; Kwon's quote credited to Kim Yo Jong"),
]
for seed, quote, status, spk, cue, note in MISATTRIBUTED:
    add(seed, quote, status, "misattributed", note, speaker=spk, speaker_found=False, cue=cue)

# ============================================================================================
# 7. HAND-WRITTEN SNIPPETS (source_text)
# ============================================================================================
PORT_UK_CANNOT = "We can not accept a programme of cuts that puts 1,200 jobs at risk"
PORT_US_CANNOT = "We cannot accept a program of cuts that puts 1,200 jobs at risk"
SNIPPET_CASES = [
    # (snippet, quote, status, category, note, kw)
    ("port_uk", "Our members are not going back until the offer is withdrawn.", "exact", "speaker-correct", "continuation quote after 'de Vries said'", dict(speaker="Sanne de Vries", speaker_found=True, cue="de Vries said")),
    ("port_uk", "The plan affects 400 posts, not 1,200", "exact", "misattributed", "Bos's words credited to the union leader", dict(speaker="Sanne de Vries", speaker_found=False, cue="he said.")),
    ("port_uk", "every worker will be offered a new role", "exact", "speaker-pronoun", "'he said' after 'Port director Hendrik Bos'", dict(speaker="Hendrik Bos", speaker_found=True, cue="he said.")),
    ("port_uk", "The plan affects 400 posts, not 1,200, and no worker will be offered a new role", "altered", "meaning-negation", "negate: 'every worker' -> 'no worker'", dict(base="The plan affects 400 posts, not 1,200, and every worker will be offered a new role", transform=("negation", "every worker", "no worker"))),
    ("port_uk", PORT_UK_CANNOT.replace("1,200", "2,100"), "altered", "meaning-number", "change_number: '1,200' -> '2,100'", dict(base=PORT_UK_CANNOT, transform=("number", "1,200", "2,100"))),
    ("port_uk", PORT_US_CANNOT, "fuzzy", "benign-cross-outlet", "US outlet's wording vs UK outlet: cannot/can not, program/programme", dict(base=PORT_UK_CANNOT)),
    ("port_uk", '"We can not accept a programme of cuts that puts 1,200 jobs at risk," de Vries said', "normalized", "benign-curly", "curly quote marks -> straight", {}),
    ("port_uk", "ROTTERDAM, 14 March (Harbour Wire) - Port workers will stay off the job until at least Friday", "normalized", "benign-dash", "en dash -> hyphen", {}),
    ("port_uk", "The strike has left 37 container ships waiting at anchor", "exact", "speaker-according-to", "'..., according to harbour master Joost Kramer'", dict(speaker="Joost Kramer", speaker_found=True, cue="according to harbour master Joost Kramer")),
    ("port_uk", "Bos said every worker would keep exactly the same job and the same pay.", "unsupported", "paraphrased", "overstated paraphrase of Bos; not in the text", {}),
    ("port_us", PORT_UK_CANNOT, "fuzzy", "benign-cross-outlet", "UK outlet's wording vs US outlet: can not/cannot, programme/program", dict(base=PORT_US_CANNOT)),
    ("port_us", PORT_US_CANNOT, "exact", "speaker-correct", "'de Vries told reporters'", dict(speaker="Sanne de Vries", speaker_found=True, cue="de Vries told reporters")),
    ("port_us", PORT_US_CANNOT, "exact", "misattributed", "union leader's quote credited to the port director", dict(speaker="Hendrik Bos", speaker_found=False, cue="de Vries told reporters")),
    ("port_us", "Dock workers in Rotterdam will remain on strike through at least Monday, union leader Sanne de Vries said", "altered", "meaning-date", "change_date: 'Friday' -> 'Monday'", dict(base="Dock workers in Rotterdam will remain on strike through at least Friday, union leader Sanne de Vries said", transform=("date", "Friday", "Monday"))),
    ("port_us", "Our members are not going back until the offer is withdrawn.", "unsupported", "other-article", "only in the UK outlet's version", {}),
    ("audit_html", "Smith & Partners, the firm hired to audit the city\u2019s transit budget", "normalized", "benign-html-entity", "source has &amp; and &#8217;", {}),
    ("audit_html", "the figures do not add up and the deficit is larger than the council has admitted", "exact", "exact", "plain text between &quot; entities", {}),
    ("audit_html", "the figures do add up and the deficit is larger than the council has admitted", "altered", "meaning-negation", "negate: removed 'not'", dict(base="the figures do not add up and the deficit is larger than the council has admitted", transform=("negation", "do not add", "do add"))),
    ("audit_html", "We will publish every line of the audit before the vote on 9 May.", "exact", "speaker-correct", "'Mayor Elena Marsh told the council:'", dict(speaker="Elena Marsh", speaker_found=True, cue="Mayor Elena Marsh told the council")),
    ("audit_html", "We will publish every line of the audit before the vote on 19 May.", "altered", "meaning-date", "change_date: '9 May' -> '19 May'", dict(base="We will publish every line of the audit before the vote on 9 May.", transform=("date", "9 May", "19 May"))),
    ("audit_html", "\u201chas known about the gap since January\u201d", "normalized", "benign-html-entity", "source writes the quote marks as &#8220; &#8221;; quote uses the characters", {}),
    ("audit_html", "has known about the gap since January", "exact", "misattributed", "Haddad's words credited to the mayor, who is their subject", dict(speaker="Elena Marsh", speaker_found=False, cue="Opposition leader Karim Haddad said")),
    ("health_wrapped", "every district in the country by the end of October", "normalized", "benign-whitespace", "source has a hard line break inside the phrase", {}),
    ("health_wrapped", "3.5 million doses had already been delivered to regional centres", "normalized", "benign-whitespace", "source has a hard line break inside the phrase", {}),
    ("health_wrapped", "adding that 2.5 million doses had already been delivered to regional centres", "altered", "meaning-number", "change_number: '3.5' -> '2.5'", dict(base="adding that 3.5 million doses had already\nbeen delivered to regional centres", transform=("number", "3.5", "2.5"))),
    ("health_wrapped", "We are not slowing down, and we will not let the winter catch us unprepared", "normalized", "speaker-pronoun", "hard line break in the source; 'she said' after Dr. Amara Osei", dict(speaker="Amara Osei", speaker_found=True, cue="she said")),
    ("health_wrapped", "We are not slowing down, and we will let the winter catch us unprepared", "altered", "meaning-negation", "negate: removed the second 'not'", dict(base="We are not slowing down, and we will not let the winter\ncatch us unprepared", transform=("negation", "will not let", "will let"))),
    ("league", "The decision - which took the committee eight months - was final", "normalized", "benign-dash", "em dashes -> hyphens", {}),
    ("league", "The decision \u2014 which took the committee six months \u2014 was final", "altered", "meaning-number", "change_number: 'eight' -> 'six'", dict(base="The decision \u2014 which took the committee eight months \u2014 was final", transform=("number", "eight", "six"))),
    ("league", "Clubs that ignore the rules next season will face relegation", "exact", "speaker-correct", "'His deputy, Ingrid Hauge, struck a different tone:'", dict(speaker="Ingrid Hauge", speaker_found=True, cue="His deputy, Ingrid Hauge, struck a different tone")),
    ("league", "Clubs that ignore the rules next season will face relegation", "exact", "misattributed", "deputy's words credited to the chair", dict(speaker="Lars Nygaard", speaker_found=False, cue="His deputy, Ingrid Hauge, struck a different tone")),
    ("league", "No club will be relegated this season because of the stadium rules", "exact", "speaker-correct", "'Nygaard said'", dict(speaker="Lars Nygaard", speaker_found=True, cue="Nygaard said. His")),
    ("league", "No club will be relegated next season because of the stadium rules", "altered", "meaning-date", "change_date: 'this season' -> 'next season'", dict(base="No club will be relegated this season because of the stadium rules", transform=("date", "this season", "next season"))),
    ("league", "The league will build a new stadium for every relegated club.", "unsupported", "fabricated", "invented quote", {}),
    ("court", "has always acted in the organization\u2019s interest and will be cleared of every charge", "fuzzy", "benign-spelling", "americanize: organisation -> organization", dict(base="has always acted in the organisation\u2019s interest and will be cleared of every charge")),
    ("court", "knowingly concealed the transfers from the board and the auditors", "exact", "misattributed", "text credits the indictment, not the defence lawyer", dict(speaker="Petra Kaur", speaker_found=False, cue="According to the indictment")),
    ("court", "has always acted in the organisation\u2019s interest", "exact", "speaker-correct", "'Defence lawyer Petra Kaur said her client ...'", dict(speaker="Petra Kaur", speaker_found=True, cue="Defence lawyer Petra Kaur said")),
    ("court", "moved \u20ac4.2 million from the charity\u2019s accounts between 2019 and 2021", "altered", "meaning-number", "change_number: '2.4' -> '4.2'", dict(base="moved \u20ac2.4 million from the charity\u2019s accounts between 2019 and 2021", transform=("number", "2.4", "4.2"))),
    ("court", "knowingly concealed transfers from the board and the auditors for more than two years", "fuzzy", "benign-article", "drop_article: 'the transfers' -> 'transfers'", dict(base="knowingly concealed the transfers from the board and the auditors for more than two years")),
    ("court", "[Lindahl] knowingly concealed the transfers from the board and the auditors", "fuzzy", "benign-bracket", "editorial '[Lindahl]' inserted", dict(base="knowingly concealed the transfers from the board and the auditors")),
    ("storm", "The heaviest rain will fall along the coast \u2026 People should not drive unless their journey is essential.", "fuzzy", "benign-ellipsis", "two quotes from one paragraph joined by an ellipsis", dict(fragments=["The heaviest rain will fall along the coast", "People should not drive unless their journey is essential."])),
    ("storm", "with up to 200 millimeters in some places", "fuzzy", "benign-spelling", "americanize: millimetres -> millimeters", dict(base="with up to 200 millimetres in some places")),
    ("storm", "People should always drive unless their journey is essential.", "altered", "meaning-negation", "negate: 'should not drive' -> 'should always drive'", dict(base="People should not drive unless their journey is essential.", transform=("negation", "not", "always"))),
    ("storm", "the storm would make landfall late on Saturday near the fishing town of Porto Leve \u2026 Schools in the region will reopen on Wednesday", "unsupported", "spliced", "first and last paragraphs joined by an ellipsis", dict(fragments=["the storm would make landfall late on Saturday near the fishing town of Porto Leve", "Schools in the region will reopen on Wednesday"])),
]
for snip, quote, status, cat, note, kw in SNIPPET_CASES:
    kw = dict(kw)
    transform = kw.pop("transform", None)
    if transform is not None:
        kind, old, new = transform
        assert ALTER_FUNCS[kind](kw["base"], old, new).replace("\n", " ") == quote, quote
        kw["kind"] = kind
    add(snip, quote, status, cat, note, **kw)


# ============================================================================================
# Output
# ============================================================================================
def main() -> None:
    seen = set()
    lines = []
    for i, c in enumerate(CASES, 1):
        key = (c["_src"], c["quote"], c["speaker"])
        assert key not in seen, f"duplicate case {key}"
        seen.add(key)
        row = {"id": f"v{i:04d}"}
        if c["_src"] in SEEDS:
            row["source"] = SEEDS[c["_src"]][0]
        else:
            row["source_text"] = SNIPPETS[c["_src"]]
        for k in ("quote", "speaker", "expected_status", "expected_flag", "expected_speaker_found", "category", "note"):
            row[k] = c[k]
        lines.append(json.dumps(row, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")

    by_status = Counter(c["expected_status"] for c in CASES)
    by_cat = Counter(c["category"] for c in CASES)
    by_pair = Counter((c["expected_status"], c["category"]) for c in CASES)
    flagged = sum(c["expected_flag"] for c in CASES)
    spk = Counter(c["expected_speaker_found"] for c in CASES)
    n_snip = sum(c["_src"] not in SEEDS for c in CASES)
    print(f"wrote {len(CASES)} cases to {OUT.relative_to(ROOT)} ({n_snip} on hand-written snippets)")
    print(f"flagged: {flagged}   speaker_found: true={spk[True]} false={spk[False]} null={spk[None]}")
    print("\nby status:")
    for s in STATUSES:
        print(f"  {s:<12} {by_status[s]:>4}")
    print("\nby category:")
    for cat, n in sorted(by_cat.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {cat:<22} {n:>4}")
    print("\nby status x category:")
    for (s, cat), n in sorted(by_pair.items(), key=lambda kv: (STATUSES.index(kv[0][0]), kv[0][1])):
        print(f"  {s:<12} {cat:<22} {n:>4}")


if __name__ == "__main__":
    main()
