"""Denials across articles, each linked to the claims it answers, for any story.

A denial answers a claim of *another* speaker, made in the same round (within ``DENIAL_REACH_DAYS``),
when the claim

* restates the proposition denied: it names every party the denial names and carries most of the
  denial's other words (the act), whatever the act is;
* or asserts the same act of giving (who gives what to whom, see ``acts``);
* or is a claim of the party the denial names as its accuser ("rejected Y's allegations of fraud",
  "denied the report by Y"), about what is denied: it shares a word of the denied proposition; a
  denial that says nothing but "Y's report" (or, quoted, "This claim is false", with the accuser the
  extractor read from its context) answers every claim of Y's in that round.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Optional

from .acts import ActReader, answers
from .compare import close_in_time, rare_word_votes, stems, top
from .lexicon import EN
from .merge_claims import cluster_head, cluster_items
from .models import MergedActor, MergedClaim, MergedDenial
from .textlayer import name_run

#: A denial answers the accusations of its day: a claim reported more than this long before or after it
#: (both articles dated) is a different round, even when it accuses the same act.
DENIAL_REACH_DAYS = 180
RESTATE_SHARE = 0.75  # of the denied proposition's words for the act that the claim must contain
RESTATE_MIN = 3

_ORIGIN_NOUNS = EN.accusation_nouns | EN.document_nouns
_TIME_STEMS = frozenset().union(*(stems(w) for w in EN.words("time_words")))  # "Y's report earlier this month"
#: the words of a denial that names nothing but its verdict ("It's a completely false story", "We disagree")
_FORMULA_STEMS = frozenset().union(*(stems(w) for w in EN.words("denial_formula_words") | EN.words("stop_words")
                                     | {w for p in EN.phrases("false_words") for w in p.split()}))
_NAME = name_run(5, joiners="of|for|and")
_NOUN = r"(?:\w+\s+){0,2}?(\w+)"
_POSSESSIVE = re.compile(_NAME + r"['’]s?\s+" + _NOUN + r"\b")
_BY = re.compile(r"\b(\w+)\s+(?:\w+\s+)?(?:by|from|of)\s+(?:the\s+)?" + _NAME + r"(?!\w)")


def _noun(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and w[:-1] in _ORIGIN_NOUNS else w


def _longest_party(words: str, party: Callable[[str], Optional[str]], from_end: bool) -> Optional[str]:
    """The party named by the longest run of ``words`` at its start (or, ``from_end``, its end)."""
    ws = words.split()
    for n in range(len(ws), 0, -1):
        p = party(" ".join(ws[-n:] if from_end else ws[:n]))
        if p:
            return p
    return None


def accusers(denied: str, party: Callable[[str], Optional[str]]) -> set[str]:
    """The parties a denied proposition names as where it comes from: "Y's allegations", "the report
    by Y", "claims made by Y"."""
    out = set()
    for m in _POSSESSIVE.finditer(denied):
        if _noun(m.group(2)) in _ORIGIN_NOUNS and (p := _longest_party(m.group(1), party, from_end=True)):
            out.add(p)
    for m in _BY.finditer(denied):
        if _noun(m.group(1)) in _ORIGIN_NOUNS and (p := _longest_party(m.group(2), party, from_end=False)):
            out.add(p)
    return out


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


def merge_denials(results, speaker_of, actors: list[MergedActor], claims: list[MergedClaim], acts: ActReader,
                  party_of: Callable[[str], Optional[str]], written: Optional[dict] = None) -> list[MergedDenial]:
    """``written`` maps article ids to the (earliest, latest) date each was written, where known;
    ``party_of`` maps a name as written to its merged actor id."""
    written = written or {}
    names = {a.id: a.name for a in actors}
    speaker_by_claim = {c.id: c.speaker_id for c in claims}
    claim_facts: dict[str, dict] = {}
    by_stem: dict[str, list[str]] = defaultdict(list)
    by_speaker: dict[Optional[str], list[str]] = defaultdict(list)
    # the words of every actor's names in the run: parties, as opposed to what is said of them
    names_stems = frozenset().union(*(stems(n) for r in results for a in r.actors for n in (a.name, *a.aliases)))
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    items = {(r.article_id, i): c for r in results for i, c in enumerate(r.claims)}
    claim_times = {c.id: {written.get(ref.article_id) for ref in c.sources} for c in claims}
    for c in claims:
        facts = {"goods": set(), "pairs": set(), "stems": set(), "text": []}
        for ref in c.sources:
            item = items[(ref.article_id, ref.index)]
            for text in (item.statement, item.quote):
                facts["goods"] |= acts.goods(text)
                facts["pairs"] |= acts.pairs(text)
                facts["text"].append(text)
            facts["stems"].add(stems(item.statement))
        claim_facts[c.id] = facts
        by_speaker[c.speaker_id].append(c.id)
        for pair in facts["pairs"]:
            by_pair[pair].append(c.id)
        for stem in set().union(*facts["stems"]):
            by_stem[stem].append(c.id)

    merged = []
    pending: list[tuple[int, Optional[str], set, set, bool]] = []
    for n, members in enumerate(cluster_items(results, "denials", lambda d: (d.quote, d.denied), speaker_of,
                                              acts, actors, written)):
        refs, best, sid, speaker = cluster_head(members, names)
        denied_pairs, denied_goods = set(), set()
        for m in members:
            denied_goods |= acts.goods(m.item.denied)
            denied_pairs |= acts.pairs(m.item.denied)
        denied_stems = {stems(m.item.denied) for m in members}
        by_act = {cid for pair in denied_pairs for cid in by_pair.get(pair, ())
                  if answers(denied_pairs, denied_goods, claim_facts[cid]["pairs"], claim_facts[cid]["goods"])}
        restated = set()
        for st in denied_stems:
            for cid, _ in top(rare_word_votes(by_stem, list(st)), 25):
                if any(_restates(st, claim, names_stems) for claim in claim_facts[cid]["stems"]):
                    restated.add(cid)
        accused = set()
        for m in members:
            what = stems(m.item.denied) - names_stems - _ORIGIN_NOUNS - _TIME_STEMS
            parties = accusers(m.item.denied, party_of)
            for p in parties:
                for cid in by_speaker.get(p, ()):
                    claim_stems = set().union(*claim_facts[cid]["stems"])
                    if not what or what & claim_stems:
                        accused.add(cid)  # "rejected Y's report" and nothing more: every claim of Y's round
            if not parties and not what and m.item.accuser and (p := party_of(m.item.accuser)):
                # "“This claim is utterly false,” said X" after Y's report: a denial that names nothing but
                # the claim answers the accuser the extractor read from its context, all of that round
                accused.update(by_speaker.get(p, ()))
        denial_times = {written.get(m.article) for m in members}  # a few distinct days, however many articles
        links = sorted(
            (cid for cid in by_act | restated | accused if speaker_by_claim[cid] != sid
             and any(close_in_time(t, u, DENIAL_REACH_DAYS) for t in denial_times for u in claim_times[cid])),
            key=lambda cid: int(cid[1:]),
        )
        bare = all(not (stems(m.item.denied) - names_stems - _ORIGIN_NOUNS - _TIME_STEMS - _FORMULA_STEMS) for m in members)
        pending.append((len(merged), sid, {m.article for m in members}, denial_times, not links and bare))
        merged.append(
            MergedDenial(
                id=f"D{n + 1}",
                speaker_id=sid,
                speaker=speaker,
                denied=best.denied,
                denies=links,
                sources=refs,
                status=refs[0].status,
                flagged=refs[0].flagged,
            )
        )
    _answer_the_accused(merged, pending, claims, claim_times)
    return merged


def _answer_the_accused(merged: list[MergedDenial], pending, claims: list[MergedClaim], claim_times: dict) -> None:
    """A denial that names nothing ("We disagree.", "It's a completely false story", "nothing but a lie")
    answers the party the run's other denials answer, when that party alone makes claims in the denial's
    own articles: its claims there, of that round. Anything less clear is left unlinked."""
    if not any(bare for *_rest, bare in pending):
        return
    speaker_by_claim = {c.id: c.speaker_id for c in claims}
    accused = {speaker_by_claim[cid] for d in merged for cid in d.denies}
    by_article: dict[str, list[MergedClaim]] = defaultdict(list)
    for c in claims:
        for art in {ref.article_id for ref in c.sources}:
            by_article[art].append(c)
    for k, sid, articles, times, bare in pending:
        if not bare:
            continue
        seen: set[str] = set()
        here = [c for art in sorted(articles) for c in by_article.get(art, ())
                if c.speaker_id != sid and not (c.id in seen or seen.add(c.id))]
        if len({c.speaker_id for c in here if c.speaker_id in accused}) == 1:
            here = [c for c in here if c.speaker_id in accused]  # the party the other denials answer
        if len({c.speaker_id for c in here}) != 1:
            continue  # several parties: which one is denied the text does not say
        links = sorted((c.id for c in here if any(close_in_time(t, u, DENIAL_REACH_DAYS) for t in times
                                                   for u in claim_times[c.id])), key=lambda cid: int(cid[1:]))
        merged[k] = merged[k].model_copy(update={"denies": links})
