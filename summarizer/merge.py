"""One summary across articles: actors unified, repeated claims kept once, denials linked, a timeline.

Deterministic and model-free, so the same inputs always merge the same way. Every merged item keeps
its provenance (article id and character span of each source quote).

Actors are unified by rules for people (full name, surname or family name alone, title + name,
possessives) and by the small table in ``aliases`` for states and well-known organisations. A person
is never merged with an organisation or a state, so NATO stays apart from its Secretary General.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Optional

from rapidfuzz import fuzz

from . import aliases
from .models import (
    ArticleResult,
    EventSource,
    MergedActor,
    MergedClaim,
    MergedDenial,
    SourceRef,
    Status,
    TimelineEntry,
)
from .verify import spelling_key

STATUS_RANK = {Status.exact: 0, Status.normalized: 1, Status.fuzzy: 2, Status.altered: 3, Status.unsupported: 4}
_TITLE_WORDS = frozenset(
    """secretary general secretary-general president vice prime minister foreign defence defense deputy director
    spokesman spokeswoman spokesperson leader chairman chief ambassador senator general gen. adm. admiral
    national security council coordinator white house nato us u.s. south north korean japanese russian
    chinese kremlin state of the for and official mr mr. mrs ms ms. dr dr. sir lord king queen""".split()
)


def _person_core(name: str) -> str:
    """Drop leading titles: 'NATO Secretary General Jens Stoltenberg' -> 'Jens Stoltenberg'."""
    words = name.replace("’", "'").split()
    while len(words) > 1 and words[0].lower().strip(",") in _TITLE_WORDS:
        words.pop(0)
    core = " ".join(words)
    return re.sub(r"'s$", "", core)


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _kind_group(kind: str) -> str:
    return "person" if kind == "person" else "body"


def merge_actors(results: list[ArticleResult]) -> tuple[list[MergedActor], dict[tuple[str, str], str]]:
    """Merged actors, and a map (article id, folded name or alias) -> merged actor id."""
    mentions = []  # (article_id, actor)
    for r in results:
        for a in r.actors:
            mentions.append((r.article_id, a))
    uf = _UnionFind()
    by_form: dict[tuple[str, str], list[int]] = defaultdict(list)
    full_people: dict[str, set[str]] = defaultdict(set)  # single token -> full person names it may stand for
    for i, (_art, a) in enumerate(mentions):
        group = _kind_group(a.kind)
        names = [a.name, *a.aliases]
        for n in names:
            row = aliases.lookup(n) if group == "body" else None
            key = ("tbl", row[0]) if row else (group, aliases.fold(_person_core(n) if group == "person" else n))
            by_form[key].append(i)
            if group == "body" and len(n.split()) >= 2:
                acr = _acronym(n)
                if len(acr) >= 2:
                    by_form[(group, acr.lower())].append(i)
        if group == "person":
            core = _person_core(a.name)
            toks = core.split()
            if len(toks) >= 2:
                for t in (toks[0], toks[-1]):
                    full_people[aliases.fold(t)].add(aliases.fold(core))
    for idxs in by_form.values():
        for j in idxs[1:]:
            uf.union(idxs[0], j)
    # a lone surname or family name joins the full name when only one person in the run has it
    for (group, form), idxs in list(by_form.items()):
        if group == "person" and " " not in form and len(full_people.get(form, ())) == 1:
            (full,) = full_people[form]
            for j in by_form.get(("person", full), []):
                uf.union(idxs[0], j)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        clusters[uf.find(i)].append(i)

    merged: list[MergedActor] = []
    lookup: dict[tuple[str, str], str] = {}
    for n, (_root, idxs) in enumerate(sorted(clusters.items(), key=lambda kv: kv[0])):
        actors = [mentions[i][1] for i in idxs]
        articles = sorted({mentions[i][0] for i in idxs})
        row = next((aliases.lookup(x) for a in actors for x in [a.name, *a.aliases] if aliases.lookup(x)), None)
        if row and actors[0].kind != "person":
            name = row[0]
        else:
            # the longest title-free name is the most informative display name
            name = max((_person_core(a.name) if a.kind == "person" else a.name for a in actors), key=len)
        kind = max({a.kind for a in actors}, key=lambda k: sum(a.kind == k for a in actors))
        role = next((a.role for a in actors if a.role), None)
        forms = sorted({x for a in actors for x in [a.name, *a.aliases]} - {name}, key=str.lower)
        actor_id = f"A{n + 1}"
        merged.append(MergedActor(id=actor_id, name=name, kind=kind, role=role, aliases=forms, articles=articles))
        for i in idxs:
            art, a = mentions[i]
            for x in [a.name, *a.aliases]:
                lookup[(art, aliases.fold(x))] = actor_id
    merged.sort(key=lambda m: (-len(m.articles), m.name.lower()))
    return merged, lookup


def _speaker_id(lookup: dict[tuple[str, str], str], article_id: str, speaker: str) -> Optional[str]:
    hit = lookup.get((article_id, aliases.fold(speaker)))
    if hit:
        return hit
    core = aliases.fold(_person_core(speaker))
    for (art, form), actor_id in lookup.items():
        if art == article_id and (form == core or form.endswith(" " + core) or core.endswith(" " + form)):
            return actor_id
    return None


def _comparable(text: str) -> str:
    return " ".join(spelling_key(w) for w in re.findall(r"[^\W_]+", text.lower()))


def _same_statement(a_quote: str, a_stmt: str, b_quote: str, b_stmt: str) -> bool:
    qa, qb = _comparable(a_quote), _comparable(b_quote)
    short = min(len(qa.split()), len(qb.split()))
    if short >= 4 and fuzz.partial_ratio(qa, qb) >= 88:
        return True
    return fuzz.token_set_ratio(_comparable(a_stmt), _comparable(b_stmt)) >= 90


def _ref(article_id: str, item) -> SourceRef:
    v = item.verification
    return SourceRef(
        article_id=article_id,
        quote=item.quote,
        start=v.start,
        end=v.end,
        status=v.status,
        flagged=v.flagged,
        speaker_found=v.speaker_found,
        reasons=v.reasons,
    )


def _cluster(items: list[tuple[str, object, Optional[str]]], text_of) -> list[list[tuple[str, object, Optional[str]]]]:
    """Greedy clustering within one speaker: an item joins the first cluster holding a matching item."""
    clusters: list[list] = []
    for item in items:
        for cl in clusters:
            if cl[0][2] == item[2] and any(_same_statement(*text_of(o[1]), *text_of(item[1])) for o in cl):
                cl.append(item)
                break
        else:
            clusters.append([item])
    return clusters


def _sort_refs(refs: list[SourceRef]) -> list[SourceRef]:
    return sorted(refs, key=lambda r: (r.flagged, STATUS_RANK[r.status], r.article_id))


def merge_claims(results: list[ArticleResult], lookup, actors: list[MergedActor]) -> list[MergedClaim]:
    names = {a.id: a.name for a in actors}
    items = [
        (r.article_id, c, _speaker_id(lookup, r.article_id, c.speaker)) for r in results for c in r.claims
    ]
    merged = []
    for n, cl in enumerate(_cluster(items, lambda c: (c.quote, c.statement))):
        refs = _sort_refs([_ref(art, c) for art, c, _ in cl])
        best = refs[0]
        first = next(c for art, c, _ in cl if art == best.article_id and c.quote == best.quote)
        sid = cl[0][2]
        merged.append(
            MergedClaim(
                id=f"C{n + 1}",
                speaker_id=sid,
                speaker=names.get(sid, first.speaker),
                statement=first.statement,
                sources=refs,
                status=best.status,
                flagged=best.flagged,
            )
        )
    return merged


def merge_denials(results: list[ArticleResult], lookup, actors: list[MergedActor], claims: list[MergedClaim]):
    names = {a.id: a.name for a in actors}
    items = [
        (r.article_id, d, _speaker_id(lookup, r.article_id, d.speaker)) for r in results for d in r.denials
    ]
    claim_text = {c.id: _comparable(c.statement + " " + " ".join(s.quote for s in c.sources)) for c in claims}
    merged = []
    for n, cl in enumerate(_cluster(items, lambda d: (d.quote, d.denied))):
        refs = _sort_refs([_ref(art, d) for art, d, _ in cl])
        best = refs[0]
        first = next(d for art, d, _ in cl if art == best.article_id and d.quote == best.quote)
        sid = cl[0][2]
        denied = " ".join(_comparable(d.denied) for _, d, _ in cl)
        links = [
            c.id
            for c in claims
            if c.speaker_id != sid and fuzz.token_set_ratio(denied, claim_text[c.id]) >= 62 and _shares_object(denied, claim_text[c.id])
        ]
        merged.append(
            MergedDenial(
                id=f"D{n + 1}",
                speaker_id=sid,
                speaker=names.get(sid, first.speaker),
                denied=first.denied,
                denies=links,
                sources=refs,
                status=best.status,
                flagged=best.flagged,
            )
        )
    return merged


_OBJECT_WORDS = frozenset("arms weapons weapon missiles missile rockets rocket ammunition shells supply supplied supplying providing provided support".split())


def _shares_object(a: str, b: str) -> bool:
    """A denial answers a claim only when both speak of the same kind of thing (arms, support...)."""
    return bool(set(a.split()) & set(b.split()) & _OBJECT_WORDS)


def build_timeline(results: list[ArticleResult]) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for r in results:
        for e in r.events:
            v = e.verification
            src = EventSource(
                article_id=r.article_id,
                date_text=e.date_text,
                date=e.date,
                start=v.start,
                end=v.end,
                status=v.status,
                flagged=v.flagged,
                reasons=v.reasons,
            )
            text = _comparable(e.event)
            for entry in entries:
                if fuzz.token_set_ratio(text, _comparable(entry.event)) >= 80:
                    if entry.date == e.date:
                        entry.sources.append(src)
                        entry.flagged = entry.flagged and v.flagged
                        break
                    if e.date and entry.date and fuzz.token_set_ratio(text, _comparable(entry.event)) >= 90:
                        if e.date not in entry.conflict:
                            entry.conflict.append(e.date)
            else:
                entries.append(
                    TimelineEntry(date=e.date, precision=e.precision, event=e.event, sources=[src], flagged=v.flagged)
                )
    return sorted(entries, key=lambda t: (t.date is None, t.date or "", t.event))


def merge(results: Iterable[ArticleResult]):
    ok = [r for r in results if r.ok]
    actors, lookup = merge_actors(ok)
    claims = merge_claims(ok, lookup, actors)
    denials = merge_denials(ok, lookup, actors, claims)
    timeline = build_timeline(ok)
    return actors, claims, denials, timeline
