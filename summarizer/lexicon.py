"""English language knowledge as data, loaded once: speech and denial verbs, titles, name words.

Every list lives in one file under ``summarizer/lang/en/`` (one entry per line, ``#`` comments), so
the extractor, the verifier, the inventory and the merge read the same words, and a user can extend a
list without touching code. Verbs are kept as lemmas; their inflections are generated here, the way
spaCy keeps ``lang/en`` exceptions and textacy keys reporting verbs by language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


def _lines(lang: str, name: str) -> list[str]:
    text = resources.files("summarizer").joinpath("lang", lang, name).read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


def _words(lang: str, name: str) -> frozenset[str]:
    return frozenset(w for line in _lines(lang, name) for w in line.split())


def inflections(lemma: str) -> set[str]:
    """The regular forms of an English verb (-s, -ed, -ing); irregular verbs list their forms in the data file."""
    forms = {lemma}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


@dataclass(frozen=True)
class _Verbs:
    forms: frozenset[str]  # every form of every verb
    inverted: frozenset[str]  # forms that may precede their subject after a quotation
    weak: frozenset[str]  # forms that are also nouns: cues only when a clause follows
    clause: frozenset[str]  # forms that introduce a reported clause ("said that S")
    infinitive: frozenset[str] = frozenset()  # forms whose "to" clause is what was said ("vowed to resign")
    claim_object: frozenset[str] = frozenset()  # forms that deny only a claim ("rejected the claims", not "an offer")
    present: frozenset[str] = frozenset()  # base and -s forms: after "his" or "Roe's" they are nouns ("Roe's remarks")
    #: forms whose object and what follows it are what was said ("accused the mayor of lying"), with the
    #: words the object must open with ("called for a recount", "called on X to ..."); empty: any object
    objects: dict[str, frozenset[str]] = field(default_factory=dict)
    naming: frozenset[str] = frozenset()  # forms that name their object something ("called the plan a disgrace")


def _verbs(lang: str, name: str) -> _Verbs:
    forms, inverted, weak, clause, infinitive, claim_object, present = set(), set(), set(), set(), set(), set(), set()
    objects: dict[str, frozenset[str]] = {}
    naming: set[str] = set()
    for line in _lines(lang, name):
        flags = {f for f in line.split() if f.startswith("+")}
        body = " ".join(f for f in line.split() if not f.startswith("+"))
        lemma, _, irregular = body.partition(":")
        lemma = lemma.strip()
        these = set(irregular.split()) if irregular.strip() else inflections(lemma)
        these.add(lemma)
        forms |= these
        fin = {f for f in these if not f.endswith("ing")}
        if "+inverted" in flags:
            inverted |= fin
        if "+clause" in flags:
            clause |= these
        if "+infinitive" in flags:
            infinitive |= these
        if "+claim" in flags:
            claim_object |= these
        for f in flags:
            if f == "+object" or f.startswith("+object:"):
                opening = frozenset(w for w in f.partition(":")[2].split(",") if w)
                objects.update(dict.fromkeys(these, opening))
        if "+naming" in flags:
            naming |= these
        bare = {f for f in these if f == lemma or (f.endswith("s") and not f.endswith("ss"))}
        present |= bare
        if "+weak" in flags:
            weak |= bare
    return _Verbs(frozenset(forms), frozenset(inverted), frozenset(weak), frozenset(clause), frozenset(infinitive),
                  frozenset(claim_object), frozenset(present), objects, frozenset(naming))


@dataclass(frozen=True)
class Calendar:
    """Month and weekday names (``lang/<lang>/calendar.tsv``), read once for every module that needs them."""

    months: dict[str, int]  # full name -> 1..12
    month_abbreviations: dict[str, int]  # "sept" -> 9
    weekdays: dict[str, int]  # full name -> 0 (Monday) .. 6
    weekday_abbreviations: dict[str, int]  # "thurs" -> 3

    @property
    def month_forms(self) -> dict[str, int]:
        """Every way of writing a month: full names and abbreviations."""
        return {**self.months, **self.month_abbreviations}


def _calendar(lang: str) -> Calendar:
    parts: dict[str, dict[str, int]] = {"month": {}, "month_abbr": {}, "weekday": {}, "weekday_abbr": {}}
    for kind, number, *forms in _table(lang, "calendar"):
        parts[kind][forms[0]] = int(number)
        for abbreviation in (forms[1].split() if len(forms) > 1 else ()):
            parts[f"{kind}_abbr"][abbreviation] = int(number)
    return Calendar(parts["month"], parts["month_abbr"], parts["weekday"], parts["weekday_abbr"])


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language. Attribute names say what a list is for."""

    speech: _Verbs
    denial: _Verbs
    participle_cues: frozenset[str]
    negated_cues: tuple[re.Pattern, ...]
    person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    modifiers: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    outlet_words: frozenset[str]
    not_names: frozenset[str]
    pronouns: dict[str, str]
    abbreviations: frozenset[str]
    spelling: dict[str, str]  # British form -> American form (breame's list plus ours)
    contractions: dict[str, tuple[str, ...]]  # whole contracted word -> the words it stands for
    contraction_endings: tuple[tuple[str, tuple[str, ...], bool], ...]  # (ending, words, only after a host)
    contraction_hosts: frozenset[str]
    stop_words: frozenset[str]  # words that never tell two statements or events apart
    document_nouns: frozenset[str]  # what an actor publishes: "the Acme report" speaks for Acme
    accusation_nouns: frozenset[str]  # what one party says against another: "Y's allegations"
    company_nouns: frozenset[str]  # how an article refers back to a named company: "the firm"
    spokes_nouns: frozenset[str]  # someone whose words are a body's: "a spokesperson for X"
    calendar: Calendar  # month and weekday names

    lang: str = "en"

    def words(self, name: str) -> frozenset[str]:
        """Any other word list of the language, by file name (``lang/<lang>/<name>.txt``), loaded once."""
        return _named(self.lang, name)

    def phrases(self, name: str) -> tuple[str, ...]:
        """A list of phrases, one per line (``lang/<lang>/<name>.txt``)."""
        return tuple(_lines(self.lang, f"{name}.txt"))

    def table(self, name: str) -> tuple[tuple[str, ...], ...]:
        """A tab-separated table of the language (``lang/<lang>/<name>.tsv``), one tuple per row."""
        return _table(self.lang, name)

    @property
    def speech_forms(self) -> frozenset[str]:
        return self.speech.forms

    @property
    def denial_forms(self) -> frozenset[str]:
        return self.denial.forms

    @property
    def title_words(self) -> frozenset[str]:
        """Lower-case words that are titles, not names: honorifics, speaker nouns and their modifiers."""
        return self.titles | self.person_nouns | self.modifiers

    def negated(self, before: str) -> bool:
        """Whether the words right before a cue withhold or negate it ("did not deny", "declined to")."""
        return any(p.search(before) for p in self.negated_cues)


@lru_cache(maxsize=None)
def _named(lang: str, name: str) -> frozenset[str]:
    return _words(lang, f"{name}.txt")


@lru_cache(maxsize=None)
def _table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(lang, f"{name}.tsv"))


def _pairs(lang: str, name: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in _lines(lang, name))


def _contractions(lang: str, name: str):
    whole: dict[str, tuple[str, ...]] = {}
    endings: list[tuple[str, tuple[str, ...], bool]] = []
    for line in _lines(lang, name):
        form, _, rest = line.partition(":")
        words = tuple(w for w in rest.split() if not w.startswith("+"))
        if form.startswith("-"):
            endings.append((form[1:], words, "+pronoun" in rest))
        else:
            whole[form] = words
    return whole, tuple(endings)


@lru_cache(maxsize=None)
def load(lang: str = "en") -> Lexicon:
    pronouns = {}
    for line in _lines(lang, "pronouns.txt"):
        word, kind = line.split()
        pronouns[word] = kind
    contractions, endings = _contractions(lang, "contractions.txt")
    return Lexicon(
        speech=_verbs(lang, "speech_verbs.txt"),
        denial=_verbs(lang, "denial_verbs.txt"),
        participle_cues=_words(lang, "participle_cues.txt"),
        negated_cues=tuple(re.compile(p, re.I) for p in _lines(lang, "negated_cues.txt")),
        person_nouns=_words(lang, "person_nouns.txt"),
        org_nouns=_words(lang, "org_nouns.txt"),
        outlet_nouns=_words(lang, "outlet_nouns.txt"),
        modifiers=_words(lang, "modifiers.txt"),
        titles=_words(lang, "titles.txt"),
        org_words=_words(lang, "org_words.txt"),
        outlet_words=_words(lang, "outlet_words.txt"),
        not_names=_words(lang, "not_names.txt"),
        pronouns=pronouns,
        abbreviations=_words(lang, "abbreviations.txt"),
        spelling={**_pairs(lang, "spelling_british_american.tsv"), **_pairs(lang, "spelling_extra.tsv")},
        contractions=contractions,
        contraction_endings=endings,
        contraction_hosts=_words(lang, "contraction_hosts.txt"),
        stop_words=_words(lang, "stop_words.txt"),
        document_nouns=_words(lang, "document_nouns.txt"),
        accusation_nouns=_words(lang, "accusation_nouns.txt"),
        company_nouns=_words(lang, "company_nouns.txt"),
        spokes_nouns=_words(lang, "spokes_nouns.txt"),
        calendar=_calendar(lang),
    )


EN = load("en")
