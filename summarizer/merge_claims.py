"""Claims across articles: one merged claim per statement, with every outlet that reports it.

Outlets copy-edit quotes: a synonym swapped, a clause dropped, a fragment quoted inside reported
speech. Two reports are one statement when

* their quotes align closely (after folding spelling), one quote is a fragment of the other, or the
  words one report itself puts in quotation marks come from the other's quote;
* or their one-line statements say the same thing;
* or, between articles written days apart, they assert the same act of giving (see ``acts``).

Reports are compared within one speaker first, then between a spokesperson and the body they speak
for, as if one speaker. Near-verbatim words credited to two different speakers
(an outlet crediting a company's statement to its spokesperson, or to "the firm") are still one
statement; the merged claim then lists the other speakers the words were credited to, so that the
disagreement stays visible. Candidates come from an inverted index over rare content words, so the
work grows with the number of claims, not with its square.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections import Counter, defaultdict
from typing import Optional

from rapidfuzz import fuzz

from . import aliases
from .acts import ActReader
from .compare import close_in_time, comparable, content_words, rare_word_votes, stems, top
from .models import MergedActor, MergedClaim, SourceRef, Status

STATUS_RANK = {Status.exact: 0, Status.normalized: 1, Status.fuzzy: 2, Status.altered: 3, Status.unsupported: 4}
_INNER_QUOTE = re.compile(r"[“\"]([^“”\"]{12,})[”\"]")
#: Near-verbatim words credited to two speakers: at least this many words, aligned this closely.
CROSS_SPEAKER_WORDS = 6
CROSS_SPEAKER_RATIO = 92
#: A fragment ("calculated attack on our investors") joins the longer quote that contains it word for word
#: when it has at least this many content words.
FRAGMENT_CONTENT_WORDS = 2


@dataclass(eq=False)
class Report:
    """One article's report of a statement (a claim or a denial), with what the clustering compares."""

    article: str
    index: int  # position in the article's claims (or denials)
    item: object  # the verified Claim or Denial
    sid: Optional[str]  # the merged actor id of its speaker, when it has one
    when: object  # the (earliest, latest) dates the article was written, or None
    q: str  # the quote, folded for comparison
    s: str  # the one-line statement, folded
    inner: list  # words the quote itself puts in quotation marks, folded
    words: set  # content words of quote and statement
    cwords: set  # content words of the quote alone
    statement: str
    act: Optional[frozenset] = None  # who gives what to whom: read only when needed


def _inner_quotes(quote: str) -> list[str]:
    """Words a reported-speech quote itself puts in quotation marks, four words or more."""
    return [c for c in (comparable(m.group(1)) for m in _INNER_QUOTE.finditer(quote)) if len(c.split()) >= 4]


def is_fragment(part: dict, whole: dict) -> bool:
    """Whether one quote is a run of words inside the other, with enough content to say something."""
    p, w = part.q, whole.q
    return (len(p) < len(w) and len(part.cwords) >= FRAGMENT_CONTENT_WORDS
            and f" {p} " in f" {w} ")


def near_verbatim(a: dict, b: dict) -> bool:
    """The same words, whoever they are credited to: long enough that two speakers would not say them."""
    qa, qb = a.q, b.q
    if min(len(qa.split()), len(qb.split())) < CROSS_SPEAKER_WORDS:
        return False
    return fuzz.partial_ratio(qa, qb) >= CROSS_SPEAKER_RATIO


def _same_statement(a, b) -> bool:
    qa, qb = a.q, b.q
    short = min(len(qa.split()), len(qb.split()))
    if short >= 4 and fuzz.partial_ratio(qa, qb) >= 85:
        return True
    if is_fragment(a, b) or is_fragment(b, a):
        return True
    # "... acknowledged concerns about Karsland's “reckless border drills and arms build-up”" is a
    # report of the statement whose words it quotes
    for inner, other in ((a.inner, qb), (b.inner, qa)):
        if any(fuzz.partial_ratio(i, other) >= 90 for i in inner):
            return True
    return fuzz.token_set_ratio(a.s, b.s) >= 88


#: "Same act" merging: reports at most this many days apart, sharing at least this many content words
SAME_ACT_DAYS = 7
SAME_ACT_WORDS = 4


def _act(statement: str, acts: ActReader) -> frozenset:
    """Who gives weapons or support to whom, as a statement asserts it: (giver, taker, goods)."""
    goods = acts.goods(statement) & {"weapons", "support"}
    return frozenset((g, t, k) for g, t in acts.pairs(statement) for k in goods)


def _same_act(a: dict, b: dict, acts: ActReader) -> bool:
    """Two articles' paraphrases of one statement: the same speaker (the caller's key) asserting the same
    act of giving, in articles written within days of each other, sharing several content words. "Karsland
    supplies drones and shells to Tovia" and "Karsland is supplying shells and drones to support Tovia's
    war effort", from the same capital on the same Sunday, are one statement. Undated articles
    never merge this way: without a date, the same act could be a different year's statement."""
    if a.article == b.article or a.when is None or b.when is None:
        return False
    if not close_in_time(a.when, b.when, SAME_ACT_DAYS) or len(a.words & b.words) < SAME_ACT_WORDS:
        return False
    for x in (a, b):
        if x.act is None:
            x.act = _act(x.statement, acts)
    return bool(a.act & b.act)


#: Paraphrase merging: one speaker, two articles at most SAME_ACT_DAYS apart, whose reports share at
#: least this many word stems, and this share of the shorter report's stems
PARAPHRASE_STEMS = 4
PARAPHRASE_SHARE = 0.5


def _paraphrase(a: dict, b: dict) -> bool:
    """Two outlets' reported-speech versions of one statement: "Roe wrote that harbour divers laid the
    mines" and "divers from the harbour had laid mines, the campaigner said" (the caller keeps the
    speaker the same). Undated articles never merge this way."""
    if a.article == b.article or a.when is None or b.when is None:
        return False
    if not close_in_time(a.when, b.when, SAME_ACT_DAYS):
        return False
    sa, sb = stems(a.statement), stems(b.statement)
    shared = len(sa & sb)
    return shared >= PARAPHRASE_STEMS and shared >= PARAPHRASE_SHARE * min(len(sa), len(sb))


#: One statement is reported within days of being made: two reports of the same words more than this
#: far apart (both articles dated) are the speaker saying it again, a different statement.
STATEMENT_REACH_DAYS = 60


class _Clusters:
    """Greedy single-link clustering within a key, with an inverted index over content words; then,
    for an item that joined nothing, near-verbatim words under any key."""

    MAX_CANDIDATES = 25
    MAX_MEMBERS_CHECKED = 6
    ANY = ("*",)  # the index key shared by every speaker

    def __init__(self, acts: ActReader, kind_of: dict, speaks_for: dict) -> None:
        self.acts = acts
        self.kind_of = kind_of
        self.speaks_for = speaks_for
        self.related_keys = set(speaks_for) | set(speaks_for.values())
        self.members: list[list] = []
        self.key_of: list = []
        self.index: dict[tuple, list[int]] = defaultdict(list)

    def _joins(self, c: int, item: dict) -> bool:
        members = self.members[c][: self.MAX_MEMBERS_CHECKED]
        return any(_same_statement(m, item) and close_in_time(m.when, item.when, STATEMENT_REACH_DAYS)
                   for m in members) or any(_same_act(m, item, self.acts) or _paraphrase(m, item) for m in members)

    def _joins_any_speaker(self, c: int, item: dict) -> bool:
        members = self.members[c][: self.MAX_MEMBERS_CHECKED]
        return any(near_verbatim(m, item) and close_in_time(m.when, item.when, STATEMENT_REACH_DAYS)
                   for m in members)

    def _related(self, a, b) -> bool:
        """A spokesperson and the body they speak for, or two people speaking for one body."""
        fa, fb = self.speaks_for.get(a), self.speaks_for.get(b)
        return fa == b or fb == a or (fa is not None and fa == fb)

    def _may_share(self, a, b) -> bool:
        """Two named people are two speakers even when their words agree (a statement read out twice,
        or an outlet's error, which the article-level check reports); a body and the person or
        description speaking for it may be one."""
        return not (self.kind_of.get(a) == "person" and self.kind_of.get(b) == "person")

    def add(self, key, item, words: set[str]) -> None:
        need = 2 if len(words) >= 3 else 1
        cluster = None
        for c, shared in top(rare_word_votes(self.index, [(key, w) for w in words]), self.MAX_CANDIDATES):
            if shared < need:
                break
            if self._joins(c, item):
                cluster = c
                break
        long_enough = len(item.q.split()) >= CROSS_SPEAKER_WORDS
        if cluster is None and (long_enough or key in self.related_keys):
            for c, shared in top(rare_word_votes(self.index, [(self.ANY, w) for w in words]), self.MAX_CANDIDATES):
                if shared < need:
                    break
                other = self.key_of[c]
                if other == key:
                    continue
                if self._related(other, key):
                    joined = self._joins(c, item)
                else:
                    joined = long_enough and self._may_share(other, key) and self._joins_any_speaker(c, item)
                if joined:
                    cluster = c
                    break
        if cluster is None:
            cluster = len(self.members)
            self.members.append([])
            self.key_of.append(key)
        self.members[cluster].append(item)
        for w in sorted(words):
            for k in (key, self.ANY):
                bucket = self.index[(k, w)]
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


def sorted_refs(items) -> list[SourceRef]:
    refs = [_ref(i.article, i.index, i.item) for i in items]
    return sorted(refs, key=lambda r: (r.flagged, STATUS_RANK[r.status], r.article_id, r.index))


def cluster_items(results, field: str, text_of, speaker_of, acts: ActReader, actors: list[MergedActor],
                  written: Optional[dict] = None) -> list[list[dict]]:
    """The reports (claims or denials, by ``field``) of all articles grouped by statement."""
    written = written or {}
    clusters = _Clusters(acts, {a.id: a.kind for a in actors}, {a.id: a.speaks_for for a in actors if a.speaks_for})
    for r in results:
        for i, item in enumerate(getattr(r, field)):
            quote, statement = text_of(item)
            sid = speaker_of(r.article_id, item.speaker)
            key = sid or ("?", aliases.fold(item.speaker))
            said = content_words(quote)
            words = said | content_words(statement)
            entry = Report(article=r.article_id, index=i, item=item, sid=sid, when=written.get(r.article_id),
                           q=comparable(quote), s=comparable(statement), inner=_inner_quotes(quote),
                           words=words, cwords=said, statement=statement)
            clusters.add(key, entry, words)
    return clusters.members


def speaker_of_cluster(members: list[dict]):
    """The speaker most of a cluster's reports credit; on a tie, the first report's."""
    counts = Counter(m.sid for m in members)
    return max(counts, key=lambda sid: (counts[sid], -next(i for i, m in enumerate(members) if m.sid == sid)))


def cluster_head(members: list[dict], names: dict[str, str]):
    """What a merged claim or denial is shown by: its sources best first, the best-supported report,
    its speaker's id and name (the article's own wording when the speaker is no merged actor)."""
    refs = sorted_refs(members)
    best = next(m for m in members if (m.article, m.index) == (refs[0].article_id, refs[0].index))
    sid = speaker_of_cluster(members)
    return refs, best.item, sid, names.get(sid, best.item.speaker)


def merge_claims(results, speaker_of, actors: list[MergedActor], acts: ActReader,
                 written: Optional[dict] = None) -> list[MergedClaim]:
    names = {a.id: a.name for a in actors}
    merged = []
    for n, members in enumerate(cluster_items(results, "claims", lambda c: (c.quote, c.statement), speaker_of,
                                              acts, actors, written)):
        refs, best, sid, speaker = cluster_head(members, names)
        others = sorted({names.get(m.sid, m.item.speaker) for m in members if m.sid != sid})
        merged.append(
            MergedClaim(
                id=f"C{n + 1}",
                speaker_id=sid,
                speaker=speaker,
                statement=best.statement,
                sources=refs,
                status=refs[0].status,
                flagged=refs[0].flagged,
                also_credited_to=others,
            )
        )
    return merged
