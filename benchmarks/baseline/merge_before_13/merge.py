"""One summary across articles: actors unified, repeated claims kept once, denials linked, a timeline.

Deterministic and model-free, so the same inputs always merge the same way, and every merged item
keeps its provenance (article id, item index and character span of each source).

* Actors: people are unified by rules (full name, surname or family name alone when only one person
  in the run has it, title + name, possessives); states and well-known organisations by the small
  table in ``aliases`` (official names, abbreviations, capitals used for the state). A person is
  never merged with an organisation or a state, so NATO stays apart from its Secretary General.
* Claims: within one speaker, two claims are one statement when their quotes overlap closely
  (after folding spelling) or their one-line statements say the same thing.
* Denials: linked to the claims of *other* speakers that assert what is denied, compared as sets of
  concepts (who, supplies, what, to whom) so "providing arms to Moscow" meets "supplied rockets and
  missiles to Russia".
* Timeline: one entry per event and date; the same event given different dates by different
  articles is shown as a conflict, not silently resolved.

Every comparison goes through an inverted index, so the work grows with the number of items, not
with its square (see ``benchmarks/merge_bench.py``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Optional

from rapidfuzz import fuzz

from summarizer import dates
from . import aliases
from summarizer.anchoring import anchor_dates, anchor_windows, article_dates
from summarizer.models import (
    ActorMention,
    ArticleResult,
    EventSource,
    MergedActor,
    MergedClaim,
    MergedDenial,
    SourceRef,
    Span,
    Status,
    TimelineEntry,
    when_text,
)
from summarizer.wordforms import spelling_key

STATUS_RANK = {Status.exact: 0, Status.normalized: 1, Status.fuzzy: 2, Status.altered: 3, Status.unsupported: 4}
_TITLE_WORDS = frozenset(
    """secretary general secretary-general president vice prime minister foreign defence defense deputy director
    spokesman spokeswoman spokesperson leader chairman chief ambassador senator gen. adm. admiral coordinator
    mr mr. mrs ms ms. dr dr. sir lord king queen""".split()
)
_STOP = frozenset(
    """a an the of to in on at for and or but is are was were be been being it its this that these those with by
    from as has have had will would could should may might can not no we they he she i you our their his her
    said says say also about said that than then there which who whom what when where while into over after
    before because so if just very more most such""".split()
)


# ---------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------


def person_core(name: str) -> str:
    """Drop leading titles and organisation words: 'NATO Secretary General Jens Stoltenberg' -> 'Jens Stoltenberg'."""
    words = name.replace("’", "'").split()
    while len(words) > 1 and (words[0].lower().strip(",") in _TITLE_WORDS or aliases.lookup(words[0])):
        words.pop(0)
    return re.sub(r"'s$", "", " ".join(words))


_OFFICE_WORDS = frozenset("minister secretary president prime chancellor ambassador spokesman spokeswoman spokesperson "
                          "chief director general commander governor mayor envoy".split())


def _office(text: str) -> str:
    """An office as a comparable phrase: 'Belmark's Interior Minister' -> 'interior minister'."""
    words = text.replace("’", "'").split()
    if words and words[0].endswith("'s"):  # the state that holds the office
        words = words[1:]
    elif words and aliases.lookup(words[0]):
        words = words[1:]
    return " ".join(w.lower() for w in words if w.lower() not in ("the", "a"))


def _looks_like_office(name: str) -> bool:
    return bool(_OFFICE_WORDS & set(_office(name).split()))


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _actor_keys(actor) -> list[tuple[str, str]]:
    """The keys under which two entries are the same entity."""
    keys = []
    person = actor.kind == "person"
    for n in [actor.name, *actor.aliases]:
        if not n or not n.strip():
            continue
        if person:
            if not n.strip()[0].isupper():
                continue  # "senior official" says nothing about which official
            keys.append(("person", aliases.fold(person_core(n))))
            continue
        row = aliases.lookup(n)
        if row:
            keys.append(("table", row[0]))
            continue
        keys.append(("body", " ".join(spelling_key(w) for w in aliases.fold(n).split())))  # defence = defense
        acr = _acronym(n)
        if len(n.split()) >= 3 and len(acr) >= 3:
            keys.append(("body", acr.lower()))
    return keys


def first_mention(text: str, names: list[str]) -> Optional[Span]:
    """Where an actor's name (or an alias) first appears in the article text."""
    for n in names:
        if n and n.strip():
            m = re.search(rf"(?<!\w){re.escape(n.strip())}(?!\w)", text)
            if m:
                return Span(start=m.start(), end=m.end())
    return None


def merge_actors(results: list[ArticleResult]):
    """Merged actors, and a function (article id, speaker name) -> merged actor id."""
    entries = [(r.article_id, a) for r in results for a in r.actors]
    spans = [sp for r in results for sp in (r.actor_spans or [None] * len(r.actors))]
    uf = _UnionFind(len(entries))
    first_with_key: dict[tuple[str, str], int] = {}
    token_people: dict[str, set[str]] = defaultdict(set)
    lone: dict[str, list[int]] = defaultdict(list)  # a surname alone ("Reinholt", "Ms Reinholt") -> entries
    for i, (_art, a) in enumerate(entries):
        for key in _actor_keys(a):
            if key[0] == "person" and " " not in key[1]:
                lone[key[1]].append(i)  # decided below, once every full name in the run is known
            elif key in first_with_key:
                uf.union(first_with_key[key], i)
            else:
                first_with_key[key] = i
        if a.kind == "person":
            toks = person_core(a.name).split()
            if len(toks) >= 2:
                for t in {toks[0], toks[-1]}:
                    token_people[aliases.fold(t)].add(aliases.fold(person_core(a.name)))
    # A lone surname (or a family name written first) joins the full name when only one person in the
    # run has it. When two do (Tomas and Clara Reinholt), "Reinholt" alone says neither, and the
    # entries that use it are joined only through their full names.
    for form, idxs in lone.items():
        people = token_people.get(form, set())
        if len(people) == 1:
            j = first_with_key.get(("person", next(iter(people))))
            for i in idxs:
                if j is not None:
                    uf.union(i, j)
        elif not people:  # nobody in the run has a fuller name with it: the lone form is the name
            for i in idxs[1:]:
                uf.union(idxs[0], i)
    # Someone named only by office ("Belmark's interior minister") is the one named person in the run
    # who holds that office, if there is exactly one.
    holders: dict[str, set[str]] = defaultdict(set)
    for i, (_art, a) in enumerate(entries):
        if (a.kind == "person" and a.role and len(person_core(a.name).split()) >= 2 and a.name[0].isupper()
                and not _looks_like_office(a.name)):
            holders[_office(a.role)].add(aliases.fold(person_core(a.name)))
    for i, (_art, a) in enumerate(entries):
        if a.kind != "person" or not _looks_like_office(a.name):
            continue
        office = _office(a.name)
        if office and len(holders.get(office, ())) == 1:
            j = first_with_key.get(("person", next(iter(holders[office]))))
            if j is not None:
                uf.union(i, j)

    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entries)):
        clusters[uf.find(i)].append(i)
    merged: list[MergedActor] = []
    by_article: dict[str, dict[str, str]] = defaultdict(dict)  # article -> folded form -> actor id
    ordered = sorted(clusters.values(), key=lambda idxs: (-len({entries[i][0] for i in idxs}), idxs[0]))
    for n, idxs in enumerate(ordered):
        members = [entries[i] for i in idxs]
        actors = [a for _, a in members]
        kind = Counter(a.kind for a in actors).most_common(1)[0][0]
        row = next((aliases.lookup(x) for a in actors for x in [a.name, *a.aliases] if aliases.lookup(x)), None)
        if row and kind != "person":
            name = row[0]
        elif kind == "person":
            named = [a for a in actors if not _looks_like_office(a.name)] or actors  # a name over an office
            name = max((person_core(a.name) for a in named), key=lambda x: (len(x.split()), len(x)))
        else:
            name = Counter(a.name for a in actors).most_common(1)[0][0]
        actor_id = f"A{n + 1}"
        forms = sorted({x for a in actors for x in [a.name, *a.aliases] if x} - {name}, key=str.lower)
        mentions = []
        for i in idxs:
            art, a = entries[i]
            sp = spans[i]
            mentions.append(ActorMention(article_id=art, name=a.name, start=sp.start if sp else None,
                                         end=sp.end if sp else None))
            for x in [a.name, *a.aliases, person_core(a.name)]:
                by_article[art].setdefault(aliases.fold(x), actor_id)
        merged.append(
            MergedActor(
                id=actor_id,
                name=name,
                kind=kind,
                role=Counter(a.role for a in actors if a.role).most_common(1)[0][0] if any(a.role for a in actors) else None,
                aliases=forms,
                articles=sorted({m.article_id for m in mentions}),
                mentions=mentions,
            )
        )

    def speaker_of(article_id: str, speaker: str) -> Optional[str]:
        forms = by_article.get(article_id, {})
        for candidate in (speaker, person_core(speaker)):
            hit = forms.get(aliases.fold(candidate))
            if hit:
                return hit
        row = aliases.lookup(speaker)
        if row:
            for form, actor_id in forms.items():
                if aliases.lookup(form) == row:
                    return actor_id
        return None

    return merged, speaker_of


# ---------------------------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def comparable(text: str) -> str:
    """Lower case, words only, British and American spellings folded."""
    return " ".join(spelling_key(w) for w in re.findall(r"[^\W_]+", text.lower()))


def _content(text: str) -> set[str]:
    return {w for w in comparable(text).split() if w not in _STOP and len(w) > 2}


_INNER_QUOTE = re.compile(r"[“\"]([^“”\"]{12,})[”\"]")


def _inner_quotes(quote: str) -> list[str]:
    """Words a reported-speech quote itself puts in quotation marks, four words or more."""
    return [c for c in (comparable(m.group(1)) for m in _INNER_QUOTE.finditer(quote)) if len(c.split()) >= 4]


def _same_statement(a, b) -> bool:
    qa, qb = a["q"], b["q"]
    short = min(len(qa.split()), len(qb.split()))
    if short >= 4 and fuzz.partial_ratio(qa, qb) >= 85:
        return True
    # "... acknowledged concerns about Pyongyang's “reckless missile tests and nuclear programmes”" is a
    # report of the statement whose words it quotes
    for inner, other in ((a["inner"], qb), (b["inner"], qa)):
        if any(fuzz.partial_ratio(i, other) >= 90 for i in inner):
            return True
    return fuzz.token_set_ratio(a["s"], b["s"]) >= 88


#: "Same act" merging: reports at most this many days apart, sharing at least this many content words
SAME_ACT_DAYS = 7
SAME_ACT_WORDS = 4


def _act(statement: str) -> frozenset:
    """Who supplies arms or military support to whom, as a statement asserts it: (giver, taker, goods)."""
    goods = concepts(statement) & {"ARMS", "MILITARY_SUPPORT"}
    return frozenset((g, t, k) for g, t in supply_pairs(statement) for k in goods)


def _same_act(a: dict, b: dict) -> bool:
    """Two articles' paraphrases of one statement: the same speaker (the caller's key) asserting the same
    supply act, in articles written within days of each other, sharing several content words. "North
    Korea supplies missiles and rockets to Russia" and "North Korea is supplying rockets and missiles to
    support Russia's war effort", from Seoul on the same Sunday, are one statement. Undated articles
    never merge this way: without a date, the same act could be a different year's statement."""
    if a["article"] == b["article"] or a["when"] is None or b["when"] is None:
        return False
    if not _close_in_time(a["when"], b["when"], SAME_ACT_DAYS) or len(a["words"] & b["words"]) < SAME_ACT_WORDS:
        return False
    for x in (a, b):
        if x["act"] is None:
            x["act"] = _act(x["statement"])
    return bool(a["act"] & b["act"])


RARE_WORDS = 6  # words that vote for candidate clusters
COMMON_POSTING = 400  # a word in more clusters than this says little about which one


def _rare_word_votes(index: dict, keys: list) -> Counter:
    """Votes for candidates from an item's rarest words only, so the cost per item stays flat as the
    index grows (a word shared by thousands of statements would otherwise be read in full each time)."""
    postings = sorted(((len(index.get(k, ())), k) for k in keys), key=lambda x: (x[0], str(x[1])))
    usable = [k for n, k in postings if 0 < n <= COMMON_POSTING][:RARE_WORDS]
    votes: Counter[int] = Counter()
    for k in usable:
        for c in index[k]:
            votes[c] += 1
    return votes


def _top(votes: Counter, n: int) -> list[tuple[int, int]]:
    """Most-voted first, ties by position: the same input always merges the same way."""
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


#: One statement is reported within days of being made: two reports of the same words more than this
#: far apart (both articles dated) are the speaker saying it again, a different statement.
STATEMENT_REACH_DAYS = 60
#: A denial answers the accusations of its day: a claim reported more than this long before or after it
#: (both articles dated) is a different round, even when it accuses the same act.
DENIAL_REACH_DAYS = 180


def _close_in_time(a: Optional[tuple], b: Optional[tuple], reach_days: int) -> bool:
    """Whether two articles' (earliest, latest) writing dates are within ``reach_days``; an undated
    article could be from any time, so it is close to everything."""
    if a is None or b is None:
        return True
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap.days <= reach_days


class _Clusters:
    """Greedy single-link clustering within a key, with an inverted index over content words."""

    MAX_CANDIDATES = 25
    MAX_MEMBERS_CHECKED = 6

    def __init__(self) -> None:
        self.members: list[list] = []
        self.key_of: list = []
        self.index: dict[tuple, list[int]] = defaultdict(list)

    def add(self, key, item, words: set[str]) -> None:
        votes = _rare_word_votes(self.index, [(key, w) for w in words])
        need = 2 if len(words) >= 3 else 1
        cluster = None
        for c, shared in _top(votes, self.MAX_CANDIDATES):
            if shared < need:
                break
            members = self.members[c][: self.MAX_MEMBERS_CHECKED]
            if any(_same_statement(m, item) and _close_in_time(m["when"], item["when"], STATEMENT_REACH_DAYS)
                   for m in members) or any(_same_act(m, item) for m in members):
                self.members[c].append(item)
                cluster = c
                break
        if cluster is None:
            cluster = len(self.members)
            self.members.append([item])
            self.key_of.append(key)
        for w in sorted(words):
            bucket = self.index[(key, w)]
            if not bucket or bucket[-1] != cluster:
                bucket.append(cluster)


def _ref(article_id: str, index: int, item) -> SourceRef:
    v = item.verification
    return SourceRef(
        article_id=article_id,
        index=index,
        quote=item.quote,
        start=v.start,
        end=v.end,
        status=v.status,
        flagged=v.flagged,
        speaker_found=v.speaker_found,
        reasons=v.reasons,
        state=v.state,
    )


def _sorted_refs(items) -> list[SourceRef]:
    refs = [_ref(i["article"], i["index"], i["item"]) for i in items]
    return sorted(refs, key=lambda r: (r.flagged, STATUS_RANK[r.status], r.article_id, r.index))


def _cluster_items(results, field: str, text_of, speaker_of, written: Optional[dict] = None) -> list[list[dict]]:
    written = written or {}
    clusters = _Clusters()
    for r in results:
        for i, item in enumerate(getattr(r, field)):
            quote, statement = text_of(item)
            sid = speaker_of(r.article_id, item.speaker)
            key = sid or ("?", aliases.fold(item.speaker))
            words = _content(quote) | _content(statement)
            entry = {"article": r.article_id, "index": i, "item": item, "sid": sid, "when": written.get(r.article_id),
                     "q": comparable(quote), "s": comparable(statement), "inner": _inner_quotes(quote),
                     "words": words, "statement": statement, "act": None}  # the act is read only when needed
            clusters.add(key, entry, words)
    return clusters.members


def merge_claims(results, speaker_of, actors: list[MergedActor], written: Optional[dict] = None) -> list[MergedClaim]:
    names = {a.id: a.name for a in actors}
    merged = []
    for n, members in enumerate(_cluster_items(results, "claims", lambda c: (c.quote, c.statement), speaker_of, written)):
        refs = _sorted_refs(members)
        best = next(m for m in members if (m["article"], m["index"]) == (refs[0].article_id, refs[0].index))
        sid = members[0]["sid"]
        merged.append(
            MergedClaim(
                id=f"C{n + 1}",
                speaker_id=sid,
                speaker=names.get(sid, best["item"].speaker),
                statement=best["item"].statement,
                sources=refs,
                status=refs[0].status,
                flagged=refs[0].flagged,
            )
        )
    return merged


# ---------------------------------------------------------------------------------------------
# Denials
# ---------------------------------------------------------------------------------------------

_CONCEPT_WORDS = {
    "ARMS": "arms weapon weapons rocket rockets missile missiles ammunition shells munitions artillery armament "
            "armaments",
    "SUPPLY": "supply supplies supplied supplying provide provides provided providing ship ships shipped shipping "
              "export exports exported exporting deliver delivers delivered delivering delivery deliveries send "
              "sends sent sending transfer transfers transferred offer offering giving give gave",
    "RECEIVE": "receive receives received receiving getting obtain obtained collect collects collected collecting "
               "pick picks picked picking",
    "MILITARY_SUPPORT": "support supporting supported aid assistance backing",
    # goods that are not arms: "deliveries" of these do not answer a denial about weapons
    "OTHER_GOODS": "oil fuel food grain coal fertiliser fertilizer gas cash money labour labor workers",
}
_CONCEPT_OF = {w: c for c, words in _CONCEPT_WORDS.items() for w in words.split()}
_ENTITY_NGRAMS = 4
#: Who is on the receiving side counts as one party: Russia's private army is Russia's war effort.
_SIDE = {"E:Wagner Group": "E:Russia"}


@lru_cache(maxsize=100_000)
def _entity(words: str) -> Optional[str]:
    """'E:<state or organisation>' for a name, possessive or demonym in the alias table; None otherwise.
    The same few names recur in every article, so each is folded and looked up once."""
    phrase = re.sub(r"['’]s$", "", words.rstrip("."))
    row = aliases.lookup(phrase)
    if row is None:
        row = next((aliases.lookup(k) for k, ds in aliases.DEMONYMS.items() if phrase in ds), None)
    return "E:" + row[0] if row else None


@lru_cache(maxsize=50_000)
def concept_sequence(text: str) -> tuple[str, ...]:
    """The concepts of a sentence in order: entity names through the alias table, verbs and objects by class."""
    words = re.findall(r"[A-Za-z][\w'’.-]*", text)
    seq: list[str] = []
    i = 0
    while i < len(words):
        # every name in the alias table starts with a capital: only there is a lookup worth its cost
        for n in range(min(_ENTITY_NGRAMS, len(words) - i), 0, -1) if words[i][0].isupper() else ():
            entity = _entity(" ".join(words[i : i + n]))
            if entity:
                seq.append(entity)
                i += n
                break
        else:
            w = words[i].lower().strip(".")
            if w in _CONCEPT_OF:
                seq.append(_CONCEPT_OF[w])
            elif w in ("against", "versus"):
                seq.append("AGAINST")
            elif w == "by":
                seq.append("BY")
            i += 1
    return tuple(seq)


def concepts(text: str) -> set[str]:
    return set(concept_sequence(text)) - {"AGAINST", "BY"}


def supply_pairs(text: str) -> set[tuple[str, str]]:
    """(supplier, recipient) around each supply verb: the nearest party before it gives, the nearest after
    receives ("X supplied rockets to Y"); a receiving verb turns it round ("Y received weapons from X").

    And "X fuels Y's war by providing support to Z", where the giver is the subject, not the nearest
    name. ("X's weapons dealings with Y" is left out: it says who deals with whom, not who gives, and
    reading it both ways linked every denial to the claim that Wagner is a criminal organisation.)
    """
    seq = concept_sequence(text)
    pairs = set()
    for i, c in enumerate(seq):
        if c not in ("SUPPLY", "RECEIVE"):
            continue
        before = next((x for j, x in reversed(list(enumerate(seq[:i])))
                       if x.startswith("E:") and (j == 0 or seq[j - 1] != "AGAINST")), None)
        if c == "SUPPLY" and i > 0 and seq[i - 1] == "BY":
            before = next((x for x in seq[:i] if x.startswith("E:")), before)
        after = next((x for x in seq[i + 1 :] if x.startswith("E:") and x != before), None)
        if before and after:
            giver, taker = (before, after) if c == "SUPPLY" else (after, before)
            pairs.add((giver, _SIDE.get(taker, taker)))
    return pairs


def _goods(facts: dict) -> set[str]:
    """What is supplied, as far as it matters to a denial. Arms are military support; deliveries that
    name nothing ("cease these deliveries to Wagner") are taken for what the story is about."""
    found = facts["concepts"] & {"ARMS", "MILITARY_SUPPORT", "OTHER_GOODS"}
    return found or {"UNSPECIFIED"}


def _links(denied: dict, claim: dict) -> bool:
    """A claim answers to a denial when it asserts the same act (who supplies what to whom).

    A denial of military support also denies supplying arms (the broader denial covers the narrower
    claim), not the reverse; a claim of deliveries that names no goods is answered by a denial about
    arms or support; a claim about oil or food is not.
    """
    if not denied["pairs"] & claim["pairs"]:
        return False
    denied_goods, claimed = _goods(denied), _goods(claim)
    if "OTHER_GOODS" in claimed and not claimed & {"ARMS", "MILITARY_SUPPORT"}:
        return False
    if "UNSPECIFIED" in claimed:
        return bool(denied_goods & {"ARMS", "MILITARY_SUPPORT"})
    if "MILITARY_SUPPORT" in denied_goods:
        denied_goods = denied_goods | {"ARMS"}
    return bool(denied_goods & claimed)


_SUFFIXES = ("ing", "ed", "s")


@lru_cache(maxsize=200_000)
def _stems(text: str) -> frozenset[str]:
    """Content words with their commonest inflections cut ("arming", "armed" -> "arm"; "drones" -> "drone")."""
    out = set()
    for w in _content(text):
        for suffix in _SUFFIXES:
            if len(w) - len(suffix) >= 3 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        out.add(w)
    return frozenset(out)


RESTATE_SHARE = 0.75  # of the denied proposition's words for the act that the claim must contain
RESTATE_MIN = 3


def _restates(denied: frozenset, claim: frozenset, names: frozenset) -> bool:
    """Whether a claim asserts the proposition a denial rejects, in other words: "Dravenia armed the Sable
    Front" against "Dravenia is arming the Sable Front", whatever the act (arming, harbouring, crossing).

    Names alone prove nothing (every statement in a story names the same parties), so the claim must
    name every party the denial names and also carry ``RESTATE_SHARE`` of its other words: the act.
    """
    parties, act = denied & names, denied - names
    if not act or not parties <= claim:
        return False
    shared_act = len(act & claim)
    return shared_act >= max(1, RESTATE_SHARE * len(act)) and len(denied & claim) >= RESTATE_MIN


def merge_denials(results, speaker_of, actors: list[MergedActor], claims: list[MergedClaim],
                  written: Optional[dict] = None) -> list[MergedDenial]:
    """``written`` maps article ids to the (earliest, latest) date each was written, where known."""
    written = written or {}
    names = {a.id: a.name for a in actors}
    speaker_by_claim = {c.id: c.speaker_id for c in claims}
    claim_facts: dict[str, dict] = {}
    by_stem: dict[str, list[str]] = defaultdict(list)
    # the words of every actor's names in the run: parties, as opposed to what is said of them
    names_stems = frozenset().union(*(_stems(n) for r in results for a in r.actors for n in (a.name, *a.aliases)))
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    items = {(r.article_id, i): c for r in results for i, c in enumerate(r.claims)}
    claim_times = {c.id: {written.get(ref.article_id) for ref in c.sources} for c in claims}
    for c in claims:
        facts = {"concepts": set(), "pairs": set(), "stems": set()}
        for ref in c.sources:
            item = items[(ref.article_id, ref.index)]
            for text in (item.statement, item.quote):
                facts["concepts"] |= concepts(text)
                facts["pairs"] |= supply_pairs(text)
            facts["stems"].add(_stems(item.statement))
        claim_facts[c.id] = facts
        for pair in facts["pairs"]:
            by_pair[pair].append(c.id)
        for stem in set().union(*facts["stems"]):
            by_stem[stem].append(c.id)
    merged = []
    for n, members in enumerate(_cluster_items(results, "denials", lambda d: (d.quote, d.denied), speaker_of, written)):
        refs = _sorted_refs(members)
        best = next(m for m in members if (m["article"], m["index"]) == (refs[0].article_id, refs[0].index))
        sid = members[0]["sid"]
        denied = {"concepts": set(), "pairs": set()}
        for m in members:
            denied["concepts"] |= concepts(m["item"].denied)
            denied["pairs"] |= supply_pairs(m["item"].denied)
        denied_stems = {_stems(m["item"].denied) for m in members}
        by_act = {cid for pair in denied["pairs"] for cid in by_pair.get(pair, ()) if _links(denied, claim_facts[cid])}
        restated = set()
        for stems in denied_stems:
            for cid, _ in _top(_rare_word_votes(by_stem, list(stems)), 25):
                if any(_restates(stems, claim, names_stems) for claim in claim_facts[cid]["stems"]):
                    restated.add(cid)
        denial_times = {written.get(m["article"]) for m in members}  # a few distinct days, however many articles
        links = sorted(
            (cid for cid in by_act | restated if speaker_by_claim[cid] != sid
             and any(_close_in_time(t, u, DENIAL_REACH_DAYS) for t in denial_times for u in claim_times[cid])),
            key=lambda cid: int(cid[1:]),
        )
        merged.append(
            MergedDenial(
                id=f"D{n + 1}",
                speaker_id=sid,
                speaker=names.get(sid, best["item"].speaker),
                denied=best["item"].denied,
                denies=links,
                sources=refs,
                status=refs[0].status,
                flagged=refs[0].flagged,
            )
        )
    return merged


# ---------------------------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------------------------


def _same_event(a: tuple[str, frozenset], b: tuple[str, frozenset]) -> bool:
    """Two descriptions of one event, as (comparable text, its stems): "A drone strike wounded two
    Belmark border guards" and "Drones struck a Belmark Border Guard patrol ..., wounding two" differ in
    words, less in stems. Half the stems of the two together must be shared: a subset test alone
    would join a short description to every longer one that mentions the same people."""
    if fuzz.token_set_ratio(a[0], b[0]) >= 80:
        return True
    union = len(a[1] | b[1])
    return bool(union) and len(a[1] & b[1]) / union >= 0.5


def _compatible(a: tuple, b: tuple) -> bool:
    """Whether two (date, until) readings can be the same date: equal, one unknown, or one a coarser
    reading of the other ("in February" and 2025-02-06)."""
    if a == b or a == (None, None) or b == (None, None):
        return True
    if a[1] is None and b[1] is None and a[0] and b[0]:
        return dates.same_at_precision(a[0], b[0])
    return False


def build_timeline(results: list[ArticleResult], anchored: Optional[dict] = None) -> list[TimelineEntry]:
    anchored = anchor_dates(results) if anchored is None else anchored
    entries: list[TimelineEntry] = []
    texts: list[tuple] = []
    articles_of: list[set[str]] = []
    index: dict[str, list[int]] = defaultdict(list)
    for r in results:
        for i, e in enumerate(r.events):
            v = e.verification
            date, precision, dated_by = e.date, e.precision, None
            if (r.article_id, i) in anchored:
                date, precision, dated_by = anchored[(r.article_id, i)]
            src = EventSource(
                article_id=r.article_id, index=i, date_text=e.date_text, date=date, until=e.until, dated_by=dated_by,
                start=v.start, end=v.end, status=v.status, flagged=v.flagged, reasons=v.reasons,
            )
            when = (date, e.until)
            text = (comparable(e.event), _stems(e.event))
            words = _content(e.event)
            votes = _rare_word_votes(index, list(words))
            target = None
            for k, shared in _top(votes, 25):
                if shared < 2 or not _same_event(text, texts[k]):
                    continue
                entry = entries[k]
                if r.article_id in articles_of[k]:
                    continue  # an article lists an event once: two of its events are two events
                if _compatible((entry.date, entry.until), when):
                    target = k
                    break
                mine = when_text(date, e.until)
                if mine not in entry.conflict:  # the same event, another date: say so
                    entry.conflict.append(mine)
            if target is not None:
                entry = entries[target]
                entry.sources.append(src)
                articles_of[target].add(r.article_id)
                if (entry.date, entry.until) == (None, None) or (date and entry.date and len(date) > len(entry.date)):
                    if when != (None, None):  # the most precise reading of the date wins
                        entry.date, entry.precision, entry.until = date, precision, e.until
                entry.flagged = entry.flagged and v.flagged
                continue
            conflicts = [entries[k].when for k, _ in _top(votes, 25)
                         if (entries[k].date or entries[k].until) and (date or e.until)
                         and not _compatible((entries[k].date, entries[k].until), when) and _same_event(text, texts[k])]
            entries.append(TimelineEntry(date=date, precision=precision, until=e.until, event=e.event, sources=[src],
                                         conflict=sorted(set(conflicts)), flagged=v.flagged))
            texts.append(text)
            articles_of.append({r.article_id})
            for w in sorted(words):
                index[w].append(len(entries) - 1)
    return sorted(entries, key=lambda t: (t.sort_date is None, t.sort_date or "", t.event))


def merge(results: Iterable[ArticleResult]):
    """Actors, claims, denials and timeline across the articles that succeeded."""
    ok = [r for r in results if r.ok]
    windows = anchor_windows(ok)
    written = article_dates(ok, windows)
    actors, speaker_of = merge_actors(ok)
    claims = merge_claims(ok, speaker_of, actors, written)
    denials = merge_denials(ok, speaker_of, actors, claims, written)
    timeline = build_timeline(ok, anchor_dates(ok, windows))
    return actors, claims, denials, timeline
