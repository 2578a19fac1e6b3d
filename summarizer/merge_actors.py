"""Actors across articles: one merged actor per entity, joined on evidence the names and the text give.

* **Names**: titles and portfolios are cut ("Health Minister Jane Roe" is Jane Roe); the same folded
  name is one entity whatever kind an extractor gave it; an abbreviation joins the full name whose
  initials it is; states and international bodies join through their table (``aliases``).
* **A single word** ("Reinholt", "Acme") joins the one person in the run whose name has it, or the one
  organisation whose name starts with it; when two could be meant, it joins neither.
* **A document names its author**: "the Acme report", "Acme Study" is Acme speaking.
* **Kind from cues**: an organisation word ending the name ("Acme Group", "Acme Research") makes it an
  organisation; a title before a name makes a person. A subsidiary keeps its own name, so it stays apart
  from its parent ("Acme Group" and "Acme Ports" share a word, not a name).
* **Descriptions** ("the firm", "the US company", "the minister") are not names: each joins the named
  actor of its article that the texts describe that way ("Acme Research, the Leeds-based firm"),
  or failing that the nearest named actor of that kind before it. The merged actor lists them.
* **Alias hygiene**: an alias the article never uses, or that is another actor's name (a model listing
  "Karsland, the Alliance" as aliases of Tovia), joins nothing; the merged actor lists it as dropped, with why.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from . import aliases
from .lexicon import EN
from .models import ActorMention, ArticleResult, DroppedAlias, MergedActor, Span
from .textlayer import occurs
from .wordforms import spelling_key

_TITLE_WORDS = EN.title_words
_ORG_HEADS = EN.org_nouns | EN.org_words
_NOMINAL_HEADS = EN.org_nouns | EN.person_nouns
_DETERMINERS = EN.words("description_determiners")
_OFFICE_WORDS = EN.person_nouns & EN.words("office_nouns")


def _bare(word: str) -> str:
    return word.lower().strip(".,;:()")


@lru_cache(maxsize=200_000)
def person_core(name: str) -> str:
    """A person's name without what precedes it: titles, portfolios, bodies ("WHO Director General Ana
    Reyes", "Group Chief Financial Officer Jo Ray", "Sen. Ann Vale (D-XX)" are the names alone)."""
    s = re.split(r",|\s\(", name.replace("’", "'"))[0]
    words = s.split()
    cut = -1
    for i, w in enumerate(words[:-1]):
        if _bare(w) in _TITLE_WORDS and words[i + 1][:1].isupper():
            cut = i  # the last title word before a capitalised word: the name starts after it
    if cut >= 0:
        words = words[cut + 1 :]
    while len(words) > 1 and (_bare(words[0]) in _TITLE_WORDS or aliases.lookup(words[0])):
        words.pop(0)
    return re.sub(r"'s$", "", " ".join(words))


@lru_cache(maxsize=200_000)
def author_of(name: str) -> str:
    """The author a document's name stands for: "Acme Study", "the Acme report" -> "Acme"."""
    words = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I).split()
    if len(words) >= 2 and _bare(words[-1]) in EN.document_nouns and all(w[:1].isupper() for w in words[:-1]):
        return " ".join(words[:-1])
    return name


def _place_word(words: list[str], i: int) -> bool:
    """A capitalised word that names a place or a people, not the actor: "US", "Indian", "Leeds-based"."""
    w = words[i].strip(".,;:")
    if aliases.lookup(w) or aliases.demonym_row(w) or w.endswith("-based"):
        return True
    return any(x.endswith("-based") and x[:1].isupper() for x in words[i + 1 : i + 3])


@lru_cache(maxsize=200_000)
def is_description(name: str) -> bool:
    """Whether a name is a description, not a name: "firm", "the US company", "investment research firm",
    "the minister". Its head noun is in lower case and names a kind of body or person, and no other word
    is a name ("Acme group" is a name in a lower-case house style)."""
    words = [w for w in name.replace("’", "'").split() if _bare(w) not in _DETERMINERS]
    if not words:
        return False
    head = words[-1].strip(".,;:")
    tail = head.rsplit("-", 1)[-1].lower()
    if not head[:1].islower() or not (tail in _NOMINAL_HEADS or (tail.endswith("s") and tail[:-1] in _NOMINAL_HEADS)):
        return False
    return all(not w[:1].isupper() or _place_word(words, i) for i, w in enumerate(words[:-1]))


def _plural_description(name: str) -> bool:
    head = name.split()[-1].lower().strip(".,;:")
    return head.endswith("s") and head not in _NOMINAL_HEADS and head[:-1] in _NOMINAL_HEADS


def _head(name: str) -> str:
    return name.split()[-1].lower().strip(".,;:").rsplit("-", 1)[-1]


@lru_cache(maxsize=200_000)
def kind_from_cues(name: str, given: str) -> str:
    """The kind a name itself shows, else the extractor's: a table entry's kind, an organisation word at
    the end ("Acme Group"), or a title before a capitalised name (a person)."""
    row = aliases.lookup(name)
    if row:
        return row[1]
    words = name.split()
    if len(words) >= 2 and words[-1][:1].isupper() and _bare(words[-1]) in _ORG_HEADS:
        return "organisation"
    if any(_bare(w) in EN.titles and words[i + 1][:1].isupper() for i, w in enumerate(words[:-1])):
        return "person"
    return given


def _office(text: str) -> str:
    """An office as a comparable phrase: "Belmark's Interior Minister" -> "interior minister"."""
    words = text.replace("’", "'").split()
    if words and (words[0].endswith("'s") or aliases.lookup(words[0])):  # the state that holds the office
        words = words[1:]
    return " ".join(w.lower() for w in words if w.lower() not in ("the", "a"))


def _looks_like_office(name: str) -> bool:
    return bool(_OFFICE_WORDS & set(_office(name).split()))


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


def _body_key(name: str) -> str:
    return " ".join(spelling_key(w) for w in aliases.fold(name).split())  # defence = defense


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


class _Entry:
    """One article's actor, with the names it may be joined by."""

    def __init__(self, article_id: str, actor, span: Optional[Span], grounding) -> None:
        self.article_id = article_id
        self.actor = actor
        self.span = span
        self.name = author_of(actor.name.strip())
        self.kind = kind_from_cues(self.name, actor.kind)
        self.description = is_description(self.name)
        self.descriptors = list(grounding.descriptors) if grounding else []
        self.ungrounded = {aliases.fold(x) for x in grounding.ungrounded} if grounding else set()
        self.names = [self.name]
        self.dropped: list[DroppedAlias] = []

    def core(self, n: str) -> str:
        return person_core(n) if self.kind == "person" else n


def _hygiene(entries: list[_Entry]) -> None:
    """Keep the aliases that can honestly join actors; record the others."""
    names_in_article: dict[str, dict[str, int]] = defaultdict(dict)
    for i, e in enumerate(entries):
        names_in_article[e.article_id].setdefault(aliases.fold(e.name), i)
    # a full personal name is never a body's alias, nor a state a person's: "Belmark, also: Jo Ray"
    # lists another actor, not a name
    full_people = {aliases.fold(e.name) for e in entries if e.kind == "person" and len(e.name.split()) >= 2}
    states = {aliases.fold(e.name) for e in entries if e.kind == "state"}
    # the world-table entries that are some actor's own name in the run: an alias naming one of them is
    # that actor, not another name for this one
    primary_rows = {row[0] for e in entries if (row := aliases.lookup(e.name))}
    for i, e in enumerate(entries):
        own_row = aliases.lookup(e.name)
        for x in e.actor.aliases:
            x = author_of(x.strip()) if x else ""
            if not x or aliases.fold(x) == aliases.fold(e.name):
                continue
            other = names_in_article[e.article_id].get(aliases.fold(x))
            row = aliases.lookup(x)
            if other is not None and other != i:
                reason = f"another actor's name ({entries[other].name})"
            elif (e.kind in ("state", "organisation") and aliases.fold(x) in full_people) or (
                    e.kind == "person" and (aliases.fold(x) in states or (row and row[1] == "state"))) or (
                    e.kind == "organisation" and row and row[1] == "state" and row != own_row):
                reason = "another actor's name (of another kind)"
            elif row and row != own_row and (own_row or row[0] in primary_rows):
                reason = "another state or body"
            elif aliases.fold(x) in e.ungrounded:
                reason = "not in the article text"
            else:
                e.names.append(x)
                continue
            e.dropped.append(DroppedAlias(alias=x, article_id=e.article_id, reason=reason))


def _keys(e: _Entry) -> tuple[list[tuple[str, str]], list[str]]:
    """(keys that join entries outright, single words decided once the whole run is known)."""
    keys, lone = [], []
    for n in e.names:
        if not n or not n[:1].isupper():
            continue  # "senior official" says nothing about which official
        row = aliases.lookup(n)
        if row:
            keys.append(("table", row[0]))
            continue
        core = e.core(n)
        bare = re.sub(r"['’]s$", "", core)
        if " " not in bare.strip():
            if bare.isupper() and len(bare) >= 2:
                keys.append(("acronym", bare.lower()))
                continue
            if e.kind != "person":  # a body's one-word name is its name; a person's may be anyone's surname
                keys.append(("name", _body_key(bare)))
            if e.kind != "state":
                lone.append(aliases.fold(bare))
            continue
        keys.append(("name", _body_key(core)))
        acr = _acronym(n)
        if e.kind != "person" and len(n.split()) >= 3 and len(acr) >= 3:
            keys.append(("acronym", acr.lower()))
    return keys, lone


def _short_forms(e: _Entry) -> list[str]:
    """A body's names and the first word of each ("Acme" of "Acme Group"), as its own words would use them."""
    forms = list(e.names)
    if e.kind != "person":
        forms += [n.split()[0] for n in e.names if len(n.split()) >= 2 and len(n.split()[0]) >= 4]
    return forms


def _resolve_descriptions(entries: list[_Entry], uf: _UnionFind, said_by: dict) -> dict[int, int]:
    """Each description's named actor (entry index), where the evidence points to one. ``said_by``
    holds, per (article, speaker), the words the article credits to that speaker."""
    evidence: dict[int, list[tuple[str, str]]] = defaultdict(list)  # root -> (descriptor, its head)
    for i, e in enumerate(entries):
        if not e.description:
            evidence[uf.find(i)].extend((d.lower(), _head(d)) for d in e.descriptors)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        if not e.description:
            by_article[e.article_id].append(i)
    out = {}
    for i, e in enumerate(entries):
        if not e.description or _plural_description(e.name):
            continue
        head = _head(e.name)
        phrase = " ".join(w for w in e.name.lower().split() if w not in _DETERMINERS)
        person = head in EN.person_nouns and head not in EN.org_nouns
        cands = [j for j in by_article[e.article_id]
                 if (entries[j].kind == "person") == person and entries[j].kind != "state"]
        if person:  # "the minister" is someone whose role says minister
            cands = [j for j in cands if head in (entries[j].actor.role or "").lower().split()
                     or any(head == _head(d) for d in entries[j].descriptors)]
        said = said_by.get((e.article_id, e.actor.name), "")
        talked_about = [j for j in cands if any(occurs(x, said) for x in _short_forms(entries[j]))]
        cands = [j for j in cands if j not in talked_about]  # a speaker seldom names itself in its own words
        if not cands:
            continue
        roots = {uf.find(j): j for j in cands}
        score = {r: sum(2 if phrase in d else 1 for d, h in evidence[r] if h == head) for r in roots}
        best = max(score.values())
        winners = [r for r, s in score.items() if s == best]
        if best > 0 and len(winners) == 1:
            out[i] = roots[winners[0]]
            continue
        if best == 0 and head not in EN.company_nouns and not person:
            continue  # "the foreign ministry" with nothing to say whose: no guess
        pool = [roots[r] for r in winners] if best > 0 else cands
        before = [j for j in pool if e.span and entries[j].span and entries[j].span.start < e.span.start]
        if before:
            out[i] = max(before, key=lambda j: entries[j].span.start)
        elif len({uf.find(j) for j in pool}) == 1:
            out[i] = pool[0]
    return out


def merge_actors(results: list[ArticleResult]):
    """Merged actors, and the index the other parts use to find them (``ActorIndex``)."""
    entries: list[_Entry] = []
    for r in results:
        for k, a in enumerate(r.actors):  # spans and grounding may be missing (an older run's results)
            sp = r.actor_spans[k] if k < len(r.actor_spans) else None
            g = r.actor_grounding[k] if k < len(r.actor_grounding) else None
            entries.append(_Entry(r.article_id, a, sp, g))
    _hygiene(entries)
    uf = _UnionFind(len(entries))
    first_with_key: dict[tuple[str, str], int] = {}
    lone: dict[str, list[int]] = defaultdict(list)
    people_with: dict[str, set[str]] = defaultdict(set)  # a word -> full person names that have it
    bodies_from: dict[str, set[str]] = defaultdict(set)  # a word -> full body names that start with it
    for i, e in enumerate(entries):
        if e.description:
            continue
        keys, singles = _keys(e)
        for key in keys:
            if key in first_with_key:
                uf.union(first_with_key[key], i)
            else:
                first_with_key[key] = i
        for form in singles:
            lone[form].append(i)
        for n in e.names:
            if not n[:1].isupper() or aliases.lookup(n):
                continue
            words = aliases.fold(e.core(n)).split()
            if len(words) < 2:
                continue
            if e.kind == "person":
                for t in {words[0], words[-1]}:
                    people_with[t].add(" ".join(words))
            else:
                bodies_from[words[0]].add(" ".join(words))
    # A single word joins the one person or body it can mean. When two could be meant (Tomas and Clara
    # Reinholt; Acme Group and Acme Ports), it says neither, and its entries join through fuller names.
    for form, idxs in lone.items():
        people, bodies = people_with.get(form, set()), bodies_from.get(form, set())
        if aliases.demonym_row(form, any_case=True):
            bodies = set()  # "Belmarkian" starts many bodies' names and is none of them
        for i in idxs:
            prefer_person = entries[i].kind == "person"
            target = None
            if prefer_person and len(people) == 1:
                target = ("name", _body_key(next(iter(people))))
            elif not prefer_person and len(bodies) == 1:
                target = ("name", _body_key(next(iter(bodies))))
            elif len(people) + len(bodies) == 1:
                target = ("name", _body_key(next(iter(people | bodies))))
            if target and target in first_with_key:
                uf.union(i, first_with_key[target])
        if not people and not bodies:  # nobody in the run has a fuller name with it: the word is the name
            for i in idxs[1:]:
                uf.union(idxs[0], i)
    # Someone named only by office ("Belmark's interior minister") is the one named person in the run
    # who holds that office, if there is exactly one.
    holders: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        a = e.actor
        if (e.kind == "person" and a.role and len(person_core(e.name).split()) >= 2 and e.name[:1].isupper()
                and not _looks_like_office(e.name)):
            holders[_office(a.role)].add(_body_key(person_core(e.name)))
    for i, e in enumerate(entries):
        if e.kind != "person" or not _looks_like_office(e.name):
            continue
        office = _office(e.name)
        if office and len(holders.get(office, ())) == 1:
            j = first_with_key.get(("name", next(iter(holders[office]))))
            if j is not None:
                uf.union(i, j)
    said_by: dict[tuple[str, str], str] = defaultdict(str)
    for r in results:
        for item in [*r.claims, *r.denials]:
            said_by[(r.article_id, item.speaker)] += " " + " ".join(
                x for x in (item.quote, getattr(item, "statement", ""), getattr(item, "denied", "")) if x)
    for i, j in _resolve_descriptions(entries, uf, said_by).items():
        uf.union(i, j)
    return _build(entries, uf)


def _build(entries: list[_Entry], uf: _UnionFind):
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entries)):
        clusters[uf.find(i)].append(i)
    merged: list[MergedActor] = []
    by_article: dict[str, dict[str, str]] = defaultdict(dict)  # article -> folded form -> actor id
    owners: dict[str, set[str]] = defaultdict(set)  # folded form -> actor ids, across the run
    ordered = sorted(clusters.values(), key=lambda idxs: (-len({entries[i].article_id for i in idxs}), idxs[0]))
    for n, idxs in enumerate(ordered):
        members = [entries[i] for i in idxs]
        named = [e for e in members if not e.description] or members
        kind = Counter(e.kind for e in named).most_common(1)[0][0]
        row = next((aliases.lookup(x) for e in named for x in e.names if aliases.lookup(x)), None)
        if row and kind != "person":
            name = row[0]
        elif kind == "person":
            people = [e for e in named if not _looks_like_office(e.name)] or named
            name = max((person_core(e.name) for e in people), key=lambda x: (len(x.split()), len(x)))
        else:
            counts = Counter(e.name for e in named)
            name = max(counts, key=lambda x: (counts[x], len(x.split()), x))
        actor_id = f"A{n + 1}"
        forms = sorted({x for e in named for x in e.names if x} - {name}, key=str.lower)
        mentions = []
        for e in members:
            sp = e.span
            mentions.append(ActorMention(article_id=e.article_id, name=e.actor.name, start=sp.start if sp else None,
                                         end=sp.end if sp else None))
            for x in {e.actor.name, e.name, *e.names, e.core(e.name)}:
                by_article[e.article_id].setdefault(aliases.fold(x), actor_id)
                if not e.description:
                    owners[aliases.fold(x)].add(actor_id)
                    if e.kind != "person" and len(x.split()) >= 3 and len(_acronym(x)) >= 3:
                        owners[_acronym(x).lower()].add(actor_id)  # "XYZ" names the body in a role ("XYZ spokeswoman")
        roles = Counter(e.actor.role for e in members if e.actor.role)
        merged.append(
            MergedActor(
                id=actor_id,
                name=name,
                kind=kind,
                role=roles.most_common(1)[0][0] if roles else None,
                aliases=forms,
                articles=sorted({m.article_id for m in mentions}),
                mentions=mentions,
                dropped_aliases=[d for e in members for d in e.dropped],
                resolved=sorted({e.actor.name for e in members if e.description}) if named is not members else [],
            )
        )

    def speaker_of(article_id: str, speaker: str) -> Optional[str]:
        forms = by_article.get(article_id, {})
        for candidate in (speaker, author_of(speaker), person_core(speaker)):
            hit = forms.get(aliases.fold(candidate))
            if hit:
                return hit
        row = aliases.lookup(speaker)
        if row:
            for form, actor_id in forms.items():
                if aliases.lookup(form) == row:
                    return actor_id
        return None

    by_id = {a.id: a for a in merged}

    def party_of(name: str) -> Optional[str]:
        ids = owners.get(aliases.fold(name))
        if not ids:
            row = aliases.lookup(name)  # "Ottawa" for the run's "Canada"
            ids = owners.get(aliases.fold(row[0])) if row else None
        return next(iter(ids)) if ids and len(ids) == 1 else None

    # A spokesperson or lawyer speaks for the body their role, affiliation or description names
    # ("Acme spokeswoman", "a spokeswoman for the Zenith board"): their words are the body's too.
    for actor, idxs in zip(merged, ordered):
        if actor.kind != "person":
            continue
        bodies = set()
        for i in idxs:
            e = entries[i]
            said = " ".join([e.actor.role or "", *e.descriptors]).replace("’", "'")
            if not EN.spokes_nouns & {w.lower().strip(".,") for w in said.split()}:
                continue
            for text in (e.actor.role or "", e.actor.affiliation or ""):
                words = re.sub(r"['’]s\b", "", text).split()
                found = None
                for n in range(min(5, len(words)), 0, -1):
                    for k in range(len(words) - n + 1):
                        pid = party_of(" ".join(words[k : k + n]).strip(".,"))
                        if pid and pid != actor.id and by_id[pid].kind != "person":
                            found = pid
                            break
                    if found:
                        break
                if found:
                    bodies.add(found)
                    break
        if len(bodies) == 1:
            actor.speaks_for = next(iter(bodies))

    # The state a body belongs to, where the text says so ("Belmarkian private army Acme"): a gift
    # to the body is a gift to that state's side.
    side_of: dict[str, str] = {}
    for actor, idxs in zip(merged, ordered):
        if actor.kind == "state":
            continue
        states = set()
        for i in idxs:
            for d in entries[i].descriptors:
                for w in d.split():
                    row = aliases.lookup(w) or aliases.demonym_row(w)
                    if row and row[1] == "state":
                        states.add(row[0])
        if len(states) == 1:
            state = next(iter(states))
            side_of[actor.id] = party_of(state) or "E:" + state

    return merged, ActorIndex(speaker_of, party_of, side_of)


@dataclass(frozen=True)
class ActorIndex:
    """How the other parts of the merge find actors: an article's speaker, any name of the run, and
    the state a body belongs to."""

    speaker_of: Callable[[str, str], Optional[str]]
    party_of: Callable[[str], Optional[str]]
    side_of: dict[str, str]
