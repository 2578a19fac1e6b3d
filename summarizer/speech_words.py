"""The word lists the attribution engine reads, under the names its modules use (data in
``summarizer/lang/en``, loaded once by ``summarizer.lexicon``)."""

from __future__ import annotations

from . import aliases, date_phrases
from .lexicon import EN


# =============================================================================================
# Word lists (summarizer/lang/en), under the names this module reads them by.
# =============================================================================================

DENIAL_VERBS = EN.denial_forms
#: Verbs that report speech. Denial verbs are speech verbs too ("the ministry denied ...").
SPEECH_VERBS = EN.speech_forms | DENIAL_VERBS
#: Speech verbs that are also common nouns ("the claims"): they count only when a clause follows.
WEAK_CUES = EN.speech.weak
#: Verbs that news puts before their subject after a quotation ("..., said X").
INVERTIBLE = EN.speech.inverted
#: Participles that carry speech for the subject of their clause ("X denounced ..., calling it ...").
PARTICIPLE_CUES = EN.participle_cues
PRONOUNS = EN.pronouns
PERSON_NOUNS = EN.person_nouns
ORG_NOUNS = EN.org_nouns
OUTLET_NOUNS = EN.outlet_nouns
MODIFIERS = EN.modifiers
TITLE_WORDS = EN.title_words
ORG_WORDS = EN.org_words
OUTLET_WORDS = EN.outlet_words
NOT_NAMES = EN.not_names
WEEKDAY_NAMES = frozenset(d.capitalize() for d in date_phrases.WEEKDAYS)
#: month names as written in running text: "Sept", "Sept." and "September" (lang/en/calendar.tsv)
MONTH_NAMES = (frozenset(f.capitalize() for f in EN.calendar.month_forms)
               | frozenset(a.capitalize() + "." for a in EN.calendar.month_abbreviations))
TIME_WORDS = EN.words("time_words")
SPEECH_ADVERBS = EN.words("speech_adverbs")
PASSIVE = EN.words("passive_auxiliaries")
SPEAKER_DETERMINERS = EN.words("speaker_determiners")
NOUN_DETERMINERS = EN.words("noun_determiners")
STATEMENT_ADJECTIVES = EN.words("statement_adjectives")
PRESENT_FORMS = EN.speech.present | EN.denial.present
NAME_CONNECTORS = EN.words("name_connectors")
NAME_PARTICLES = EN.words("name_particles")
QUANTIFIERS = EN.words("quantifiers")
PREPOSITIONS = EN.words("prepositions")
LEADING_ADVERBIALS = EN.words("leading_adverbials")


def alias_tokens() -> frozenset[str]:
    """Every word of every table name: such words are never part of a person's name."""
    words: set[str] = set()
    for name, _kind, others in aliases.ALIAS_TABLE:
        for n in (name, *others):
            words.update(w.lower() for w in n.replace(".", " ").split())
    for forms in aliases.DEMONYMS.values():
        for n in forms:
            words.update(w.lower() for w in n.split())
    return frozenset(words)


ALIAS_WORDS = alias_tokens()
