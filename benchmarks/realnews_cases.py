"""Seeded verifier cases from the real-news corpus (../shared/corpus), in `summarizer verify` JSONL.

Written from the corpus gold and its README only, before any change to the verifier, so that the cases
are not shaped by the code. The cases themselves are NOT committed (they hold corpus text); run this
script to produce them. Seed: 20261202 (`SEED`). Stories: nord_stream_hersh and adani_hindenburg are
`split: "dev"`; cambridge_analytica_nix and djokovic_visa are `split: "heldout"`.

Eligible quote: a gold `quotes` entry of kind `statement` or `partial`, not `speaker_ambiguous`, of
three words or more (`MIN_WORDS`). Kinds, their rates and why they are labelled as they are:

- `honest` (every eligible quote, `HONEST_PER_QUOTE` = 1): the quote exactly as printed with its gold
  speaker (who the article credits). expect_flag false, expect_speaker "confirmed".
- `honest_headline` (every headline quote of three words or more): as `honest`, reported apart
  because headlines carry their attribution differently. Nested and truncated quotes are skipped.
- `honest_benign` (`BENIGN_PER_QUOTE` = 1 per eligible quote where one applies): ONE edit a
  copy-editor or a model makes, speaker unchanged: British<->American spelling, hyphenation, a
  contraction expanded/contracted with no negation change, a pronoun replaced by a bracketed referent
  from the gold actors ("we" -> "[Hindenburg Research]", "I" -> "[Novak Djokovic]", "his" after a
  named person -> "[Mr Nix's]"), words dropped from the middle with "..." (3+ words kept each side,
  2-10 words dropped, a whole clause or sentence between punctuation marks, no negation/limiting
  word dropped), curly<->straight quotes, trailing punctuation trimmed, case of
  the first letter changed. The edit is chosen among those that apply, least-used first, so the
  kinds are spread out. The meaning and the credit are unchanged: expect_flag false, "confirmed".
- `misattributed` (`MISATTRIBUTED_PER_QUOTE` = 1 per eligible quote where a candidate exists): the
  honest quote credited to another actor who appears in the same article (an alias of it occurs
  there, not inside a longer alias of another actor), who shares no alias with the gold speaker, is
  not the `via` of a denial by the gold speaker (or its denier), and is not in the hand exclusions
  (realnews_exclusions.json: spokesperson/body, company/chairman, carrier of someone else's words).
  One is drawn at random among the eligible.
  expect_flag true, expect_speaker "other".
- meaning edits (`MEANING_PER_QUOTE` = 1 per eligible quote where one applies), spread over the kinds
  that apply, least-used first: `negation` (add or remove not/never/no/n't), `number` (a digit or
  number word changed), `name` (a capitalised actor name inside the quote replaced by another actor
  of the article), `word` (a content word replaced by one of different meaning from `WORD_SWAPS`,
  not a synonym). The words are no longer what the article says: expect_flag true,
  expect_speaker null. An edit whose result still occurs in the article is discarded.
- `fabricated` (`FABRICATED_RATE` = 10% of a story's honest cases, at least 1): a sentence not in the
  article credited to one of its speakers: alternately another story's honest quote and a template
  sentence filled with the article's own nouns and actors. expect_flag true, expect_speaker null.
- `reported` (every eligible paraphrase mention): a claim-cluster mention of type `paraphrase`
  (reporter's wording, exact substring of the article) whose own sentence has a reporting word and
  names its speaker (or starts with a pronoun), credited to `speaker_as_credited` or else the cluster
  speaker. Mentions that report an action rather than speech are skipped. expect_flag false,
  expect_speaker "confirmed".
- `reported_misattributed` (one per `reported` case where a candidate exists): the same mention
  credited to another actor, chosen as for `misattributed` and also not named in the mention's
  sentence (joint credits, "according to X"). expect_flag true, expect_speaker "other".

Every case carries: id (story/article/qN/kind, cNmM for mentions, fN for fabricated), story, split,
article, source (absolute path), quote, speaker, speaker_names (canonical name + every gold alias),
kind, edit, expect_flag, expect_speaker, gold_start, gold_end, gold_speaker.

Usage:  python benchmarks/realnews_cases.py [--corpus DIR] [--out FILE] [--seed N] [--check]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261202
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
EXCLUSIONS = Path(__file__).resolve().with_name("realnews_exclusions.json")

SPLITS = {
    "nord_stream_hersh": "dev",
    "adani_hindenburg": "dev",
    "cambridge_analytica_nix": "heldout",
    "djokovic_visa": "heldout",
}

MIN_WORDS = 3
HONEST_PER_QUOTE = 1
BENIGN_PER_QUOTE = 1
MISATTRIBUTED_PER_QUOTE = 1
MEANING_PER_QUOTE = 1
FABRICATED_RATE = 0.10
REPORTED_MISATTRIBUTED_PER_MENTION = 1
ELLIPSIS_KEEP = 3            # words kept on each side of "..."
ELLIPSIS_MIN_DROP = 2
ELLIPSIS_MAX_DROP = 10

KIND_ORDER = [
    "honest", "honest_headline", "honest_benign", "misattributed", "negation", "number", "name",
    "word", "fabricated", "reported", "reported_misattributed",
]
BENIGN_EDITS = ["spelling", "hyphenation", "contraction", "pronoun", "ellipsis", "quotes",
                "trailing_punctuation", "case"]
MEANING_KINDS = ["negation", "number", "name", "word"]

# "we"/"us"/"our" in a quote by this speaker refers to this actor (gold actor names).
WE_REFERENT = {
    "nord_stream_hersh": {"John Kirby": "the United States", "Joe Biden": "the United States"},
    "adani_hindenburg": {"Hindenburg Research": "Hindenburg Research", "Adani Group": "the Adani Group",
                         "Jugeshinder Singh": "the Adani Group"},
    "cambridge_analytica_nix": {"Cambridge Analytica": "Cambridge Analytica",
                                "Alexander Nix": "Cambridge Analytica",
                                "Cambridge Analytica executive (unnamed)": "Cambridge Analytica",
                                "Paul Grewal": "Facebook", "Facebook": "Facebook"},
    "djokovic_visa": {},
}

# British <-> American spellings (both directions are used).
SPELLING_PAIRS = [
    ("judgement", "judgment"), ("organise", "organize"), ("organised", "organized"),
    ("organisation", "organization"), ("organisations", "organizations"), ("realise", "realize"),
    ("realised", "realized"), ("recognise", "recognize"), ("recognised", "recognized"),
    ("apologise", "apologize"), ("criticise", "criticize"), ("criticised", "criticized"),
    ("emphasise", "emphasize"), ("analyse", "analyze"), ("analysed", "analyzed"),
    ("authorised", "authorized"), ("prioritise", "prioritize"), ("scrutinise", "scrutinize"),
    ("centre", "center"), ("centres", "centers"), ("theatre", "theater"), ("colour", "color"),
    ("favour", "favor"), ("favourite", "favorite"), ("honour", "honor"), ("labour", "labor"),
    ("behaviour", "behavior"), ("neighbour", "neighbor"), ("defence", "defense"),
    ("offence", "offense"), ("licence", "license"), ("programme", "program"),
    ("programmes", "programs"), ("travelled", "traveled"), ("travelling", "traveling"),
    ("cancelled", "canceled"), ("cancelling", "canceling"), ("modelling", "modeling"),
    ("labelled", "labeled"), ("fulfil", "fulfill"), ("enrol", "enroll"), ("catalogue", "catalog"),
    ("grey", "gray"), ("sceptical", "skeptical"), ("ageing", "aging"), ("targetting", "targeting"),
    ("wilful", "willful"), ("skilful", "skillful"), ("jewellery", "jewelry"), ("practise", "practice"),
]
# Hyphenated <-> closed or open compounds (both directions are used).
HYPHEN_PAIRS = [
    ("e-mail", "email"), ("e-mails", "emails"), ("co-operate", "cooperate"),
    ("co-operation", "cooperation"), ("long-standing", "longstanding"), ("no-one", "no one"),
    ("re-election", "reelection"), ("on-line", "online"), ("wrong-doing", "wrongdoing"),
    ("self-destruct", "self destruct"), ("high-level", "high level"), ("follow-on", "follow on"),
]
CONTRACTIONS = [  # (expanded, contracted); negation is kept either way
    ("it is", "it's"), ("there is", "there's"), ("that is", "that's"), ("he is", "he's"),
    ("I am", "I'm"), ("we are", "we're"), ("they are", "they're"), ("we will", "we'll"),
    ("I will", "I'll"), ("they have", "they've"), ("we have", "we've"), ("do not", "don't"),
    ("did not", "didn't"), ("does not", "doesn't"), ("is not", "isn't"), ("was not", "wasn't"),
    ("are not", "aren't"), ("had not", "hadn't"), ("have not", "haven't"), ("has not", "hasn't"),
    ("cannot", "can't"), ("will not", "won't"), ("would not", "wouldn't"),
]
# Words never dropped by an ellipsis (they carry negation or limit the claim).
KEEP_WORDS = {"not", "no", "never", "nothing", "none", "nor", "neither", "without", "except",
              "unless", "until", "only", "but", "if", "cannot", "nobody", "no-one", "merely", "just"}
# Content-word replacements of different meaning (not synonyms); both directions where listed twice.
WORD_SWAPS = {
    "false": "true", "true": "false", "fiction": "fact", "nonsense": "accurate", "deny": "confirm",
    "denied": "confirmed", "denies": "confirms", "confirm": "deny", "increase": "decrease",
    "decrease": "increase", "rejected": "accepted", "accept": "reject", "shocked": "pleased",
    "malicious": "benign", "baseless": "well-founded", "stale": "fresh", "vibrant": "failing",
    "emerging": "declining", "exciting": "bleak", "positive": "negative", "negative": "positive",
    "absurd": "reasonable", "proud": "ashamed", "knowingly": "unknowingly", "consent": "objection",
    "hurtful": "helpful", "obliged": "reluctant", "deliberate": "accidental", "cancel": "grant",
    "cancelled": "attended", "guilt": "innocence", "lie": "truth", "wealthiest": "poorest",
    "largest": "smallest", "safe": "unsafe", "irrelevant": "relevant", "substantive": "trivial",
    "brazen": "cautious", "approached": "avoided", "protecting": "weakening", "before": "after",
    "after": "before", "first": "last", "most": "least", "more": "less", "always": "rarely",
    "strongly": "weakly", "legitimately": "illegally", "appropriate": "improper", "shock": "relief",
    "attack": "tribute", "fraud": "honesty", "misinformation": "accurate information",
    "completely": "partly", "utterly": "slightly", "entire": "partial", "every": "one",
    "research": "marketing", "disagree": "agree", "hurt": "help", "proper": "improper",
    "selective": "complete", "concealed": "disclosed", "manipulation": "stabilisation",
    "rise": "fall", "success": "failure", "isolate": "socialise", "symptoms": "worries",
    "public": "private", "interest": "detriment", "informed": "misled", "convinced": "doubtful",
    "disappear": "remain", "infiltrates": "avoids", "expands": "shrinks", "grow": "shrink",
    "unattributable": "signed", "core": "minor", "committed": "opposed", "carefully": "hastily",
    "quashing": "upholding", "unwarranted": "justified", "calculated": "accidental",
    "independent": "internal", "comprehensive": "cursory", "vigorously": "loosely",
    "sensationalistic": "measured", "vague": "precise", "responsible": "blameless",
    "secret": "public", "involved": "uninvolved", "damage": "benefit",
}
NUMBER_WORDS = {
    "one": "two", "two": "three", "three": "four", "four": "five", "five": "six", "six": "seven",
    "seven": "eight", "eight": "nine", "nine": "ten", "ten": "twelve", "twelve": "twenty",
    "twenty": "thirty", "hundred": "thousand", "thousand": "million", "million": "billion",
    "billion": "million", "first": "second", "second": "third", "third": "fourth", "once": "twice",
    "twice": "three times", "half": "a third", "dozen": "hundred", "single": "double",
}
AUX_NOT = ["is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "may",
           "might"]
REPORTING_WORDS = [
    "said", "says", "say", "saying", "told", "tells", "wrote", "writes", "claimed", "claims",
    "claiming", "denied", "denies", "deny", "rejected", "rejects", "rejection", "alleged",
    "alleging", "alleges", "allegations", "stated", "states", "stating", "termed", "likened",
    "added", "replied", "hit back", "blamed", "admit", "admitted", "agreed", "demanding",
    "pushing back", "issued", "weigh in", "described", "announced", "insisted", "argued", "accused",
]
SUBJECT_PRONOUNS = ("He ", "She ", "It ", "They ")
FABRICATION_TEMPLATES = [
    "We have never discussed the {n1} with {other} and we never will.",
    "There is no doubt that {other} knew about the {n1} from the very start.",
    "I can confirm that the {n1} was approved at the highest level months ago.",
    "Nobody told us about the {n1} until the {n2} was already public.",
    "{Other} has asked for the {n1} to be reviewed by an independent panel next week.",
    "We will publish every document about the {n1} and the {n2} by the end of the month.",
]
STOPWORDS = {
    "about", "after", "again", "against", "already", "although", "another", "because", "before",
    "being", "between", "could", "during", "either", "every", "first", "further", "however",
    "itself", "might", "other", "others", "should", "since", "still", "their", "there", "these",
    "those", "through", "under", "until", "where", "whether", "which", "while", "without",
    "would", "yesterday", "wednesday", "thursday", "tuesday", "monday", "friday", "saturday",
    "sunday", "january", "february", "december", "september", "including", "according",
    "reportedly", "following", "comment", "comments", "updates", "latest", "popular", "developments",
    "bloggers", "sponsors",
}

APOS = "'\u2019"
WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[" + APOS + r"\-][A-Za-z0-9]+)*")


# --------------------------------------------------------------------------------------------
# loading


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def load_exclusions(path: Path = EXCLUSIONS) -> dict:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    pairs: dict[str, set[frozenset]] = {}
    for p in data["pairs"]:
        pairs.setdefault(p["story"], set()).add(frozenset(p["actors"]))
    quote_actor = {(q["story"], q["article"], q["start"], q["actor"]) for q in data["quote_actor"]}
    return {"pairs": pairs, "quote_actor": quote_actor}


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def alias_regex(alias: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)")


def names_of(actors: dict, name: str) -> list[str]:
    out = [name]
    for a in actors.get(name, []):
        if a not in out:
            out.append(a)
    return out


def present_actors(text: str, actors: dict) -> set[str]:
    """Actors with an alias occurring in text, not inside a longer match of another actor's alias."""
    matches = []
    for name in sorted(actors):
        for alias in names_of(actors, name):
            for m in alias_regex(alias).finditer(text):
                matches.append((m.start(), m.end(), name))
    matches.sort(key=lambda t: (-(t[1] - t[0]), t[0], t[2]))
    taken: list[tuple[int, int, str]] = []
    present = set()
    for s, e, name in matches:
        inside_other = any(ts <= s and e <= te and tn != name for ts, te, tn in taken)
        if not inside_other:
            present.add(name)
        taken.append((s, e, name))
    return present


SENTENCE_BOUNDARY = re.compile(
    r"(?<=[.!?\"\u201d'\u2019])\s+(?=[A-Z\u201c\"'\u2018\u2022])"   # ". Next", '." Next'
    r"|(?<=[a-z][.!?])(?=[A-Z\u201c\"])|(?<=[.!?][\"\u201d])(?=[A-Z])"   # "word.Next", '."Next'
    r"|\n(?=\s*[A-Z\u201c\"'\u2018\u2022])|\n\s*\n")                     # a line starting a capital


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) holding text[start:end] (a rough splitter; good enough for attribution)."""
    s, e = 0, len(text)
    for m in SENTENCE_BOUNDARY.finditer(text):
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start()
            break
    return text[s:e]


class Story:
    def __init__(self, corpus: Path, gold_path: Path, exclusions: dict):
        with open(gold_path, encoding="utf-8") as fh:
            self.gold = json.load(fh)
        self.name = self.gold["story"]
        self.split = SPLITS.get(self.name, "dev")
        self.dir = (corpus / "articles" / self.name).resolve()
        self.actors: dict[str, list[str]] = self.gold["actors"]
        self.texts = {a: read_text(self.dir / a) for a in sorted({q["article"] for q in self.gold["quotes"]}
                                                                 | {p.name for p in self.dir.glob("*.txt")})}
        self.present = {a: present_actors(t, self.actors) for a, t in self.texts.items()}
        self.lower_aliases = {n: {x.casefold() for x in names_of(self.actors, n)} for n in self.actors}
        pairs = set(exclusions["pairs"].get(self.name, set()))
        for d in self.gold["denials"]:
            if d.get("via"):
                pairs.add(frozenset((d["denier"], d["via"])))
        self.pairs = pairs
        self.quote_actor = exclusions["quote_actor"]
        spk = {q["speaker"] for q in self.gold["quotes"]}
        for c in self.gold["claim_clusters"]:
            spk.add(c["speaker"])
            spk.update(m["speaker_as_credited"] for m in c["mentions"] if m.get("speaker_as_credited"))
        for d in self.gold["denials"]:
            spk.add(d["denier"])
            if d.get("via"):
                spk.add(d["via"])
        self.speakers = spk

    def same_credit(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) in self.pairs or bool(self.lower_aliases.get(a, set())
                                                                 & self.lower_aliases.get(b, set()))

    def other_actors(self, article: str, speaker: str, avoid_text: str = "", start: int | None = None) -> list[str]:
        out = []
        for name in sorted(self.present[article]):
            if self.same_credit(name, speaker):
                continue
            if start is not None and (self.name, article, start, name) in self.quote_actor:
                continue
            if avoid_text and any(alias_regex(al).search(avoid_text) for al in names_of(self.actors, name)):
                continue
            out.append(name)
        return out


# --------------------------------------------------------------------------------------------
# edits: each returns (new_quote, edit_description) or None


def _case_like(src: str, repl: str) -> str:
    if src.isupper() and sum(c.isalpha() for c in src) > 1:
        return repl.upper()
    if src[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


def _swap_words(quote: str, pairs: list[tuple[str, str]], label: str, rng: random.Random):
    options = []
    for a, b in pairs:
        for src, dst in ((a, b), (b, a)):
            for m in re.finditer(r"(?<![\w\-])" + re.escape(src) + r"(?![\w\-])", quote, re.IGNORECASE):
                options.append((m.start(), m.end(), dst))
    if not options:
        return None
    options.sort()
    s, e, dst = rng.choice(options)
    old = quote[s:e]
    new = _case_like(old, dst)
    return quote[:s] + new + quote[e:], f"{label}: {old}->{new}"


def edit_spelling(quote, ctx, rng):
    return _swap_words(quote, SPELLING_PAIRS, "spelling", rng)


def edit_hyphenation(quote, ctx, rng):
    r = _swap_words(quote, HYPHEN_PAIRS, "hyphenation", rng)
    if r:
        return r
    opts = [m for m in re.finditer(r"(?<![\w\-])([A-Za-z]{2,})-([A-Za-z]{2,})(?![\w\-])", quote)]
    if not opts:
        return None
    m = rng.choice(opts)
    new = m.group(1) + " " + m.group(2)
    return quote[:m.start()] + new + quote[m.end():], f"hyphenation: {m.group(0)}->{new}"


def edit_contraction(quote, ctx, rng):
    options = []
    for full, short in CONTRACTIONS:
        for apos in APOS:
            s2 = short.replace("'", apos)
            for m in re.finditer(r"(?<![\w'\u2019])" + re.escape(s2) + r"(?![\w'\u2019])", quote, re.IGNORECASE):
                after = quote[m.end():m.end() + 8].lower()
                if s2.lower().endswith(apos + "s") and re.match(r"\s+(been|got|had)\b", after):
                    continue  # "'s" = has
                options.append((m.start(), m.end(), full))
        for m in re.finditer(r"(?<![\w'\u2019])" + re.escape(full) + r"(?![\w'\u2019])", quote, re.IGNORECASE):
            apos = "\u2019" if "\u2019" in quote else "'"
            options.append((m.start(), m.end(), short.replace("'", apos)))
    if not options:
        return None
    options.sort()
    s, e, dst = rng.choice(options)
    old = quote[s:e]
    new = _case_like(old, dst)
    return quote[:s] + new + quote[e:], f"contraction: {old}->{new}"


def edit_pronoun(quote, ctx, rng):
    story, speaker = ctx["story"], ctx["speaker"]
    apos = "\u2019" if "\u2019" in quote else "'"
    options = []
    ref_we = WE_REFERENT.get(story.name, {}).get(speaker)
    if ref_we:
        for m in re.finditer(r"\b(we|us|our)\b(?![" + APOS + r"])", quote, re.IGNORECASE):
            w = m.group(0).lower()
            ref = ref_we + (apos + "s" if w == "our" else "")
            options.append((m.start(), m.end(), "[" + (ref[:1].upper() + ref[1:] if m.start() == 0 else ref) + "]"))
    if ref_we is None and re.search(r"\bI\b", quote):
        for m in re.finditer(r"\b(I|me|my)\b(?![" + APOS + r"])", quote):
            w = m.group(0)
            ref = speaker + (apos + "s" if w == "my" else "")
            options.append((m.start(), m.end(), "[" + ref + "]"))
    # his/him/he/its after exactly one named actor in the quote
    for m in re.finditer(r"\b(he|him|his|she|her|its)\b", quote, re.IGNORECASE):
        before = quote[:m.start()]
        named = []
        for name in sorted(story.actors):
            for alias in sorted(names_of(story.actors, name), key=len, reverse=True):
                hits = list(alias_regex(alias).finditer(before))
                if hits and alias[:1].isupper():
                    named.append((hits[-1].start(), alias, name))
                    break
        if len({n for _, _, n in named}) != 1 or named[0][2] == speaker:
            continue
        alias = max(named)[1]
        if alias.startswith("The ") and m.start() > 0:
            alias = "the " + alias[4:]
        w = m.group(0).lower()
        ref = alias + (apos + "s" if w in ("his", "its", "her") else "")
        options.append((m.start(), m.end(), "[" + ref + "]"))
    if not options:
        return None
    options.sort()
    s, e, new = rng.choice(options)
    if (s == 0 or re.search(r"[.!?]\s+$", quote[:s])) and new[1:2].islower():
        new = "[" + new[1].upper() + new[2:]
    return quote[:s] + new + quote[e:], f"pronoun: {quote[s:e]}->{new}"


def edit_ellipsis(quote, ctx, rng):
    toks = list(re.finditer(r"\S+", quote))
    n = len(toks)
    if n < 2 * ELLIPSIS_KEEP + 1:
        return None
    options = []
    for i in range(ELLIPSIS_KEEP, n - ELLIPSIS_KEEP):
        for k in range(ELLIPSIS_MIN_DROP, ELLIPSIS_MAX_DROP + 1):
            if i + k > n - ELLIPSIS_KEEP:
                break
            dropped = [t.group(0) for t in toks[i:i + k]]
            bare = [re.sub(r"[^\w\-]", "", d).lower() for d in dropped]
            if any(b in KEEP_WORDS or re.search(r"n[" + APOS + r"]t\b", d) for b, d in zip(bare, dropped)):
                continue
            if any("[" in d or "]" in d or "..." in d or "\u2026" in d for d in dropped):
                continue
            if re.search(r"\b(?:so|as) long as\b|\bprovided that\b", " ".join(dropped), re.IGNORECASE):
                continue  # a condition
            options.append((i, k))
    # cut where a copy-editor would: whole clauses or sentences, punctuation on both sides of the cut
    def ends(t):
        return re.search(r"[,;:.!?\u2013\u2014]$", t.group(0)) is not None
    options = [(i, k) for i, k in options if ends(toks[i - 1]) and ends(toks[i + k - 1])]
    if not options:
        return None
    i, k = rng.choice(options)
    left = quote[:toks[i - 1].end()]
    right = quote[toks[i + k].start():]
    dropped = quote[toks[i].start():toks[i + k - 1].end()]
    return left + " ... " + right, f"ellipsis: dropped {k} word(s) ({dropped!r})"


def edit_quotes(quote, ctx, rng):
    curly = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}
    if any(c in quote for c in curly):
        new = "".join(curly.get(c, c) for c in quote)
        return new, "quotes: curly->straight"
    if "'" in quote or '"' in quote:
        new = re.sub(r"(?<=\w)'(?=\w)", "\u2019", quote)
        new = re.sub(r"'", "\u2019", new)
        opened = False
        out = []
        for c in new:
            if c == '"':
                out.append("\u201d" if opened else "\u201c")
                opened = not opened
            else:
                out.append(c)
        return "".join(out), "quotes: straight->curly"
    return None


def edit_trailing(quote, ctx, rng):
    m = re.search(r"[.,;:!?]+$", quote)
    if not m or m.start() == 0:
        return None
    return quote[:m.start()], f"trailing punctuation: removed {m.group(0)!r}"


def edit_case(quote, ctx, rng):
    m = re.match(r"[A-Za-z]+", quote)
    if not m:
        return None
    w = m.group(0)
    if w[0].islower():
        new = w[0].upper() + w[1:]
    else:
        if w == "I" or (len(w) > 1 and w.isupper()):
            return None
        low = w.lower()
        if not re.search(r"(?<![\w])" + re.escape(low) + r"(?![\w])", ctx["text"]):
            return None  # probably a proper noun
        new = low
    return new + quote[len(w):], f"case: {w}->{new}"


BENIGN_FUNCS = {
    "spelling": edit_spelling, "hyphenation": edit_hyphenation, "contraction": edit_contraction,
    "pronoun": edit_pronoun, "ellipsis": edit_ellipsis, "quotes": edit_quotes,
    "trailing_punctuation": edit_trailing, "case": edit_case,
}


def edit_negation(quote, ctx, rng):
    options = []
    for m in re.finditer(r"\b(not|never)\s+", quote, re.IGNORECASE):
        options.append((m.start(), m.end(), "", f"removed {m.group(1)!r}"))
    for m in re.finditer(r"\bcannot\b", quote, re.IGNORECASE):
        options.append((m.start(), m.end(), _case_like(m.group(0), "can"), "cannot->can"))
    for m in re.finditer(r"\b(\w+)n[" + APOS + r"]t\b", quote, re.IGNORECASE):
        base = m.group(1)
        repl = {"ca": "can", "wo": "will", "Ca": "Can", "Wo": "Will"}.get(base, base)
        options.append((m.start(), m.end(), repl, f"{m.group(0)}->{repl}"))
    for m in re.finditer(r"(?<![\w\-])no\s+(?=[A-Za-z])", quote, re.IGNORECASE):
        if quote[m.end():m.end() + 1] == "-":
            continue
        options.append((m.start(), m.end(), "", "removed 'no'"))
    for m in re.finditer(r"\b(" + "|".join(AUX_NOT) + r")\s+(?!not\b|never\b|no\b)(?=[a-z])", quote):
        options.append((m.end(), m.end(), "not ", f"added 'not' after {m.group(1)!r}"))
    for m in re.finditer(r"\b(I|we|We|they|They|he|He|she|She)\s+(?=[a-z]+ed\b)", quote):
        options.append((m.end(), m.end(), "never ", f"added 'never' after {m.group(1)!r}"))
    if not options:
        return None
    options.sort(key=lambda o: (o[0], o[1], o[3]))
    s, e, repl, desc = rng.choice(options)
    return quote[:s] + repl + quote[e:], f"negation: {desc}"


def edit_number(quote, ctx, rng):
    options = []
    for m in re.finditer(r"(?<![\w.,\-])\d+(?![\w\-])(?![.,]\d)", quote):
        n = int(m.group(0))
        delta = rng.choice([1, 2, 3, 5, 10])
        new = n + delta if n < 3 or rng.random() < 0.5 else n - delta
        if new < 0 or new == n:
            new = n + delta
        options.append((m.start(), m.end(), str(new)))
    for m in re.finditer(r"(?<![\w\-])(" + "|".join(NUMBER_WORDS) + r")(?![\w\-])", quote, re.IGNORECASE):
        options.append((m.start(), m.end(), _case_like(m.group(0), NUMBER_WORDS[m.group(0).lower()])))
    if not options:
        return None
    options.sort()
    s, e, new = rng.choice(options)
    return quote[:s] + new + quote[e:], f"number: {quote[s:e]}->{new}"


def edit_name(quote, ctx, rng):
    story, article = ctx["story"], ctx["article"]
    found = []
    for name in sorted(story.actors):
        for alias in names_of(story.actors, name):
            if not re.match(r"(?:[Tt]he )?[A-Z]", alias):
                continue  # descriptive noun phrase ("its chairman", "a researcher"), not a name
            for m in alias_regex(alias).finditer(quote):
                found.append((m.start(), m.end(), name))
    if not found:
        return None
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    spans = []
    for s, e, n in found:  # keep longest non-overlapping
        if all(e <= ts or s >= te for ts, te, _ in spans):
            spans.append((s, e, n))
    spans.sort()
    s, e, name = rng.choice(spans)
    cands = [a for a in sorted(story.present[article]) if not story.same_credit(a, name)
             and story.actors.get(a) and "(" not in a]
    if not cands:
        return None
    repl = rng.choice(cands)
    return _fix_article(quote[:s], repl, quote[e:]), f"name: {quote[s:e]}->{repl}"


def edit_word(quote, ctx, rng):
    options = []
    for m in re.finditer(r"(?<![\w\-" + APOS + r"])[A-Za-z]+(?![\w\-])", quote):
        w = m.group(0)
        if w.lower() in WORD_SWAPS:
            options.append((m.start(), m.end(), _case_like(w, WORD_SWAPS[w.lower()])))
    if not options:
        return None
    s, e, new = rng.choice(options)
    return _fix_article(quote[:s], new, quote[e:]), f"word: {quote[s:e]}->{new}"


def _fix_article(left: str, new: str, right: str) -> str:
    """left + new + right, with a preceding 'a'/'an' agreeing with the new word."""
    m = re.search(r"(?<![\w])([Aa]n?) $", left)
    if m:
        art = "an" if new[:1].lower() in "aeiou" else "a"
        art = art.capitalize() if m.group(1)[0] == "A" else art
        left = left[:m.start(1)] + art + " "
    return left + new + right


MEANING_FUNCS = {"negation": edit_negation, "number": edit_number, "name": edit_name, "word": edit_word}


# --------------------------------------------------------------------------------------------
# generation


def _norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().casefold()


def _case(story: Story, article: str, kind: str, key: str, quote: str, speaker: str | None,
          edit: str, expect_flag: bool, expect_speaker, gold: dict | None, gold_speaker) -> dict:
    return {
        "id": f"{story.name}/{article}/{key}/{kind}",
        "story": story.name,
        "split": story.split,
        "article": article,
        "source": str(story.dir / article),
        "quote": quote,
        "speaker": speaker,
        "speaker_names": names_of(story.actors, speaker) if speaker else [],
        "kind": kind,
        "edit": edit,
        "expect_flag": expect_flag,
        "expect_speaker": expect_speaker,
        "gold_start": gold["start"] if gold else None,
        "gold_end": gold["end"] if gold else None,
        "gold_speaker": gold_speaker,
    }


def _pick_least_used(names: list[str], counts: dict[str, int], rng: random.Random) -> list[str]:
    """names ordered least-used first, ties in random order."""
    keyed = [(counts[n], rng.random(), n) for n in names]
    return [n for _, _, n in sorted(keyed)]


def _article_nouns(text: str, actors: dict) -> list[str]:
    """Words the article uses as a noun: 'the X' followed by punctuation or a function word."""
    alias_words = {w.lower() for al in (a for v in actors.values() for a in v) for w in words(al)}
    seen = []
    for m in re.finditer(r"\b[Tt]he ([a-z]{5,})(?=[,.;:]|\s+(?:of|in|to|was|is|that|and|on|for|with|by|has"
                         r"|had|were|are|at|from|as)\b)", text):
        w = m.group(1)
        if w in STOPWORDS or w in alias_words or w.endswith(("ly", "ed", "ing")) or w in seen:
            continue
        seen.append(w)
    return seen


def generate(corpus_dir: Path, seed: int = SEED, exclusions_path: Path = EXCLUSIONS) -> list[dict]:
    corpus_dir = Path(corpus_dir)
    gold_dir = corpus_dir / "gold"
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"{gold_dir} not found")
    exclusions = load_exclusions(exclusions_path)
    stories = [Story(corpus_dir, p, exclusions) for p in sorted(gold_dir.glob("*.json"))]
    cases: list[dict] = []
    # honest statements of every story, for fabrication from another story's words
    pool = {s.name: [q["quote"] for q in s.gold["quotes"] if q["kind"] == "statement"
                     and not q.get("speaker_ambiguous") and len(words(q["quote"])) >= 8] for s in stories}

    for story in stories:
        story_cases: list[dict] = []
        seen_keys = set()
        benign_counts = {k: 0 for k in BENIGN_EDITS}   # balanced within each story
        meaning_counts = {k: 0 for k in MEANING_KINDS}

        def add(case):
            k = (case["article"], case["quote"], case["speaker"], case["expect_flag"])
            if case["kind"] not in ("honest", "honest_headline") and k in seen_keys:
                return False
            seen_keys.add(k)
            story_cases.append(case)
            return True

        honest_n = 0
        for qi, q in enumerate(story.gold["quotes"]):
            article, text, quote, speaker = q["article"], story.texts[q["article"]], q["quote"], q["speaker"]
            key = f"q{qi}"
            rng = random.Random(f"{seed}/{story.name}/{article}/{key}")
            if q.get("speaker_ambiguous") or len(words(quote)) < MIN_WORDS:
                continue
            if q["kind"] == "headline":
                add(_case(story, article, "honest_headline", key, quote, speaker, "none", False,
                          "confirmed", q, speaker))
                continue
            if q["kind"] not in ("statement", "partial"):
                continue
            honest_n += 1
            add(_case(story, article, "honest", key, quote, speaker, "none", False, "confirmed", q, speaker))
            ctx = {"story": story, "article": article, "text": text, "speaker": speaker}

            applicable = {}
            for name in BENIGN_EDITS:
                r = BENIGN_FUNCS[name](quote, ctx, random.Random(f"{seed}/{story.name}/{article}/{key}/{name}"))
                if r and r[0] != quote and _norm(r[0]) != "" :
                    applicable[name] = r
            for name in _pick_least_used(sorted(applicable), benign_counts, rng)[:BENIGN_PER_QUOTE]:
                new, desc = applicable[name]
                if add(_case(story, article, "honest_benign", key, new, speaker, desc, False, "confirmed",
                             q, speaker)):
                    benign_counts[name] += 1

            others = story.other_actors(article, speaker, start=q["start"])
            for other in (rng.sample(others, min(len(others), MISATTRIBUTED_PER_QUOTE)) if others else []):
                add(_case(story, article, "misattributed", key, quote, other,
                          f"speaker: {speaker}->{other}", True, "other", q, speaker))

            applicable = {}
            for name in MEANING_KINDS:
                r = MEANING_FUNCS[name](quote, ctx, random.Random(f"{seed}/{story.name}/{article}/{key}/{name}"))
                if r and _norm(r[0]) != _norm(quote) and _norm(r[0]) not in _norm(text):
                    applicable[name] = r
            for name in _pick_least_used(sorted(applicable), meaning_counts, rng)[:MEANING_PER_QUOTE]:
                new, desc = applicable[name]
                if add(_case(story, article, name, key, new, speaker, desc, True, None, q, speaker)):
                    meaning_counts[name] += 1

        # reported speech (paraphrase mentions)
        for ci, c in enumerate(story.gold["claim_clusters"]):
            for mi, m in enumerate(c["mentions"]):
                if m["type"] != "paraphrase" or m.get("truncated"):
                    continue
                article, text = m["article"], story.texts[m["article"]]
                start = text.find(m["quote"])
                if start < 0:
                    continue
                end = start + len(m["quote"])
                speaker = m.get("speaker_as_credited") or c["speaker"]
                sent = sentence_around(text, start, end)
                has_verb = any(re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", sent) for v in REPORTING_WORDS)
                names_speaker = any(alias_regex(al).search(sent) for al in names_of(story.actors, speaker)) \
                    or sent.lstrip().startswith(SUBJECT_PRONOUNS)
                if not (has_verb and names_speaker):
                    continue
                key = f"c{ci}m{mi}"
                rng = random.Random(f"{seed}/{story.name}/{article}/{key}")
                gold = {"start": start, "end": end}
                add(_case(story, article, "reported", key, m["quote"], speaker, "none", False, "confirmed",
                          gold, speaker))
                others = story.other_actors(article, speaker, avoid_text=sent, start=start)
                for other in (rng.sample(others, min(len(others), REPORTED_MISATTRIBUTED_PER_MENTION))
                              if others else []):
                    add(_case(story, article, "reported_misattributed", key, m["quote"], other,
                              f"speaker: {speaker}->{other}", True, "other", gold, speaker))

        # fabricated sentences
        n_fab = max(1, round(FABRICATED_RATE * honest_n))
        rng = random.Random(f"{seed}/{story.name}/fabricated")
        articles = sorted(a for a in story.texts if any(q["article"] == a for q in story.gold["quotes"]))
        other_pool = [(st, qt) for st in sorted(pool) if st != story.name for qt in pool[st]]
        for fi in range(n_fab):
            article = articles[(fi * 3 + rng.randrange(len(articles))) % len(articles)]
            text = story.texts[article]
            speakers = sorted({q["speaker"] for q in story.gold["quotes"] if q["article"] == article
                               and not q.get("speaker_ambiguous")} & set(story.actors))
            speaker = rng.choice(speakers)
            made = None
            nouns = _article_nouns(text, story.actors)
            use_other = fi % 2 == 0 or len(nouns) < 2
            for _attempt in range(20):
                if use_other and other_pool:
                    src_story, sentence = rng.choice(other_pool)
                    desc = f"fabricated: a quote from {src_story}"
                else:
                    n1, n2 = rng.sample(nouns, 2)
                    others = [a for a in sorted(story.present[article]) if a != speaker and "(" not in a
                              and not story.same_credit(a, speaker)] or [speaker]
                    other = rng.choice(others)
                    tmpl = rng.choice(FABRICATION_TEMPLATES)
                    sentence = tmpl.format(n1=n1, n2=n2, other=other, Other=other)
                    desc = f"fabricated: template with {n1!r}, {n2!r}, {other!r}"
                if _norm(sentence) not in _norm(text):
                    made = (sentence, desc)
                    break
            if made:
                add(_case(story, article, "fabricated", f"f{fi}", made[0], speaker, made[1], True, None,
                          None, None))

        story_cases.sort(key=lambda c: (c["article"], _id_order(c["id"]), KIND_ORDER.index(c["kind"])))
        cases.extend(story_cases)
    return cases


def _id_order(case_id: str):
    key = case_id.split("/")[2]
    m = re.match(r"([a-z])(\d+)(?:m(\d+))?", key)
    return ({"q": 0, "c": 1, "f": 2}[m.group(1)], int(m.group(2)), int(m.group(3) or 0))


# --------------------------------------------------------------------------------------------
# self-check and report


def check(cases: list[dict], corpus_dir: Path, seed: int = SEED) -> list[str]:
    problems = []
    ids = [c["id"] for c in cases]
    if len(ids) != len(set(ids)):
        problems.append("ids are not unique")
    texts: dict[str, str] = {}
    gold_aliases: dict[tuple, set] = {}
    for gp in sorted((Path(corpus_dir) / "gold").glob("*.json")):
        with open(gp, encoding="utf-8") as fh:
            g = json.load(fh)
        for name in g["actors"]:
            gold_aliases[(g["story"], name)] = {x.casefold() for x in names_of(g["actors"], name)}
    for c in cases:
        text = texts.setdefault(c["source"], read_text(Path(c["source"])))
        gs, ge = c["gold_start"], c["gold_end"]
        original = text[gs:ge] if gs is not None else None
        if c["kind"] in ("honest", "honest_headline", "misattributed", "reported", "reported_misattributed"):
            if original != c["quote"]:
                problems.append(f"{c['id']}: quote is not the article text at {gs}:{ge}")
        elif c["kind"] == "fabricated":
            if _norm(c["quote"]) in _norm(text):
                problems.append(f"{c['id']}: fabricated sentence occurs in the article")
        else:
            if c["quote"] == original:
                problems.append(f"{c['id']}: edited quote equals the original")
            if c["expect_flag"] and _norm(c["quote"]) in _norm(text):
                problems.append(f"{c['id']}: meaning-edited quote still occurs in the article")
        if c["expect_speaker"] == "other":
            claimed = {x.casefold() for x in c["speaker_names"]}
            if claimed & gold_aliases[(c["story"], c["gold_speaker"])]:
                problems.append(f"{c['id']}: claimed speaker shares a name with the gold speaker")
            if c["speaker"] == c["gold_speaker"]:
                problems.append(f"{c['id']}: misattributed to the gold speaker")
        if c["speaker"] and c["speaker_names"][0] != c["speaker"]:
            problems.append(f"{c['id']}: speaker_names does not start with the speaker")
        if c["split"] != SPLITS.get(c["story"]):
            problems.append(f"{c['id']}: wrong split")
        expect = c["kind"] not in ("honest", "honest_headline", "honest_benign", "reported")
        if c["expect_flag"] != expect:
            problems.append(f"{c['id']}: expect_flag {c['expect_flag']} for kind {c['kind']}")
    if generate(corpus_dir, seed) != cases:
        problems.append("generate() is not deterministic for this seed")
    return problems


def count_table(cases: list[dict]) -> str:
    stories = sorted({c["story"] for c in cases}, key=lambda s: (SPLITS.get(s, ""), s))
    kinds = [k for k in KIND_ORDER if any(c["kind"] == k for c in cases)]
    short = {k: k.replace("reported_misattributed", "rep_misattr").replace("honest_headline", "headline")
             .replace("honest_benign", "benign").replace("misattributed", "misattr") for k in kinds}
    w = max(len(s) for s in stories + ["heldout total"]) + 2
    lines = ["story".ljust(w) + "split    " + " ".join(short[k].rjust(max(6, len(short[k]))) for k in kinds)
             + "  total  flag"]
    rows = [(s, [c for c in cases if c["story"] == s]) for s in stories]
    rows += [(f"{sp} total", [c for c in cases if c["split"] == sp]) for sp in ("dev", "heldout")]
    rows += [("all", cases)]
    for label, cs in rows:
        split = SPLITS.get(label, "")
        lines.append(label.ljust(w) + split.ljust(9) + " ".join(
            str(sum(c["kind"] == k for c in cs)).rjust(max(6, len(short[k]))) for k in kinds)
            + f"  {len(cs):5d} {sum(c['expect_flag'] for c in cs):5d}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None, help="corpus folder (default ../shared/corpus)")
    ap.add_argument("--out", type=Path, default=None, help="JSONL output file (default stdout)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--check", action="store_true", help="run the self-check (exit 1 on a problem)")
    args = ap.parse_args(argv)
    corpus = args.corpus or DEFAULT_CORPUS
    if not (corpus / "gold").is_dir():
        shown = str(args.corpus) if args.corpus else "../shared/corpus"
        print(f"skipped: {shown} not found", file=sys.stderr)
        return 0
    cases = generate(corpus, args.seed)
    body = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as fh:
            fh.write(body)
    elif not args.check:
        sys.stdout.write(body)
    print(count_table(cases), file=sys.stderr)
    if args.check:
        problems = check(cases, corpus, args.seed)
        for p in problems:
            print("CHECK FAILED:", p, file=sys.stderr)
        print(f"check: {len(cases)} cases, {len(problems)} problem(s)", file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
