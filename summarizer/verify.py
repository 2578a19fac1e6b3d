"""Deterministic quote verification: find the words a claim rests on, and say how well they match.

The ladder, cheapest first:

1. ``exact``: the quote is a substring of the article (outside page furniture).
2. ``normalized``: equal after folding what never changes meaning: quote and apostrophe styles, dash
   variants, white space and line breaks, letter case, HTML entities, and leading/trailing punctuation.
   Done on a character map of the article, so the span found points into the original text.
3. Word alignment, for everything else. The quote and a window of the article are compared as word
   sequences after folding British/American spelling and "can not"/"cannot"; every difference left
   is then judged. Benign ones (a dropped article, an editorial bracket standing for words, inner
   punctuation, an ellipsis joining nearby fragments) make it ``fuzzy``. Anything that can change
   meaning (a negation, a number, a name, a content word, words added or left out) makes it
   ``altered`` and is reported word by word. Too little in common is ``unsupported``.

Similarity alone is not trusted anywhere: "can never be allowed" and "can be allowed" are 95% alike.

The speaker check reads the attribution around the span (``X said``, ``said X``, ``according to X``,
a pronoun resolved to the last person named) and flags a quote the text credits to someone else.
"""

from __future__ import annotations

import html
import re
from typing import Iterable, Optional, Sequence

from . import aliases
from .models import Difference, item_state, ItemState, Span, SpeakerVerdict, Status, Verification
from .quote_alignment import EDGE_PUNCT, locate, normalize, on_word_boundaries, prepared, Source
from .speaker_check import check_speaker  # the speaker check asks the one attribution engine the extractor uses
from .compare import content_words
from .lexicon import EN


# ---------------------------------------------------------------------------------------------
# Public entry points.
# ---------------------------------------------------------------------------------------------


def verify_quote(
    text: str | Source,
    quote: str,
    speaker: Optional[Sequence[str] | str] = None,
    excluded: Optional[Iterable[Span | tuple[int, int]]] = None,
) -> Verification:
    """Verify one quote against a source text. ``speaker`` is a name or all names of the claimed speaker."""
    src = text if isinstance(text, Source) else prepared(text, excluded)
    found = locate(src, quote)
    status, score, span, diffs = found.status, found.score, found.span, found.differences
    reasons: list[str] = []
    speaker_found = None
    credited_to = None
    if span is None:
        reasons.append("no matching words in the article" if not diffs else "the article does not say this")
    elif status is Status.altered:
        kinds = sorted({d.kind for d in diffs if not d.benign})
        reasons.append("quote differs from the article in meaning (" + ", ".join(kinds) + ")")
    if span is not None and speaker:
        names = [speaker] if isinstance(speaker, str) else list(speaker)
        sc = check_speaker(src.text, span[0], span[1], names, src.document)
        speaker_found, credited_to = sc.found, sc.credited_to
        if sc.found is False and sc.credited_to:
            reasons.append(f"the article credits these words to {sc.credited_to}, not {names[0]}")
    flagged = bool(reasons)
    too_short = span is not None and not flagged and (_too_short(src, span) or _only_attribution(src, span))
    verdict = None
    if span is not None and speaker:
        verdict = (SpeakerVerdict.confirmed if speaker_found else
                   SpeakerVerdict.other if credited_to else SpeakerVerdict.unknown)
    return Verification(
        status=status,
        score=score,
        start=span[0] if span else None,
        end=span[1] if span else None,
        matched=src.text[span[0] : span[1]] if span else None,
        differences=diffs,
        speaker_found=speaker_found,
        credited_to=credited_to,
        flagged=flagged,
        reasons=reasons,
        speaker=verdict,
        state=item_state(flagged, verdict, too_short),
    )


#: a quote of this many words or fewer proves nothing ("It is", "a plan") unless the article quotes
#: exactly those words
SHORT_QUOTE_WORDS = 2


SPEECH_FORMS = EN.speech_forms | EN.denial_forms
#: words of a speaker's description ("a spokeswoman for", "the former minister"), which say nothing
#: (content_words has already dropped the stop words)
ROLE_WORDS = EN.title_words | EN.spokes_nouns
#: an attribution with its speaker's name, role and body runs to a line or so at most
MAX_ATTRIBUTION_CHARS = 160


def _only_attribution(src: Source, span: tuple[int, int]) -> bool:
    """Whether the words at ``span`` are nothing but who spoke ("Jo Dale, a spokeswoman for the port,
    said."): the speaker's name, role and body, and the cue, with no word of what was said."""
    words = src.text[span[0] : span[1]]
    if len(words) > MAX_ATTRIBUTION_CHARS or SPEECH_FORMS.isdisjoint(re.findall(r"[a-z]+", words.lower())):
        return False  # no cue among its words, or too long to be only an attribution: it says something
    said = content_words(words)
    att = src.document.attribute(*span)
    sp = att.speaker
    if sp is None or att.cue is None:
        return False
    credit = " ".join(filter(None, (sp.name, sp.written, sp.role, sp.affiliation, att.cue, att.written)))
    rest = said - content_words(credit)
    return not {w for w in rest if w not in SPEECH_FORMS and w not in ROLE_WORDS}


def _too_short(src: Source, span: tuple[int, int]) -> bool:
    """Whether the words at ``span`` are too few to carry a claim: two words or fewer that the article
    does not itself put in quotation marks ("“Reckless,” Kell said" may be quoted as "Reckless")."""
    if span[1] - span[0] > 40:
        return False  # three words at least, whatever they are
    said = re.findall(r"\w+", src.text[span[0] : span[1]].lower())
    if len(said) > SHORT_QUOTE_WORDS:
        return False
    return not any(q.start < span[1] and span[0] < q.end and re.findall(r"\w+", q.text.lower()) == said
                   for q, _speaker in src.document.quotes)


# ---------------------------------------------------------------------------------------------
# A whole article's extraction.
# ---------------------------------------------------------------------------------------------


def _affiliation_of(speaker: str, actors) -> list[str]:
    """The body a speaker belongs to and their role, as the extraction gives them: "we" in a quote is
    that body ("NATO" for its Secretary General)."""
    fs = aliases.fold(speaker)
    for a in actors:
        if any(aliases.fold(f) == fs for f in [a.name, *a.aliases]):
            return [x for x in (a.affiliation, a.role) if x]
    return []


def _names_for(speaker: str, actors) -> list[str]:
    """The speaker and every name the extraction gives the same actor."""
    fs = aliases.fold(speaker)
    for a in actors:
        forms = [a.name, *a.aliases]
        if any(aliases.fold(f) == fs for f in forms):
            return [speaker, *[f for f in forms if f != speaker]]
    return [speaker]


def verify_event(src: Source, event, published: Optional[str]):
    """Locate the date as written, in the event's own sentence, and read it ourselves.

    A phrase such as "on Monday" often occurs several times, and each occurrence can be a different
    Monday; the one meant is the occurrence whose sentence tells the event, so that is where the date is
    located and where the tense of its clause is read (within that sentence, never the next one).

    Returns the verification and what the timeline should use, as a dict of VerifiedEvent fields: our
    own reading when the text supports one (a date, or a stretch of time such as 'over the past year'),
    none when the date is relative and the article is undated (a guess is not a date), and the model's
    otherwise.
    """
    from . import dates

    def occurrences() -> list[tuple[int, int]]:
        nq = normalize(html.unescape(event.date_text)).strip(EDGE_PUNCT)
        out = []
        if len(nq) < 2:
            return out
        pos = src.norm.find(nq)
        while pos != -1:
            start, end = src.norm_map[pos], src.norm_map[pos + len(nq) - 1] + 1
            if not src._in_excluded(start, end) and on_word_boundaries(src.text, start, end):
                out.append((start, end))
            pos = src.norm.find(nq, pos + 1)
        return out

    def words(t: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", t)}

    base = verify_quote(src, event.date_text)
    sents = dates.sentence_bounds(src.text)

    def sentence_of(pos: int) -> tuple[int, int]:
        for a, b in sents:
            if a <= pos < b:
                return a, b
        return pos, pos

    found = occurrences()
    if len(found) > 1:
        told = words(event.event) - words(event.date_text)
        best = max(found, key=lambda sp: (len(told & words(src.text[slice(*sentence_of(sp[0]))])), -sp[0]))
        if best[0] != base.start:
            base = base.model_copy(update={"start": best[0], "end": best[1], "matched": src.text[best[0]:best[1]]})
    diffs, reasons = list(base.differences), list(base.reasons)
    fields = {"date": event.date, "precision": event.precision, "until": None, "future": False}
    if base.start is not None:
        lo, hi = sentence_of(base.start)
        tense = dates.tense_at(src.text, base.start, base.end, lo, max(hi, base.end))
        fields["future"] = tense == "future"
        published_date = dates.parse_iso(published)
        # a stretch of time ("since January", "over the past year") first: it names a date inside it
        period = dates.resolve_period(event.date_text, published_date)
        target = dates.target_at(src.text, base.start, base.end, lo, max(hi, base.end))
        ours = dates.resolve(event.date_text, published_date, tense=tense, target=target) if period is None else None
        if ours is not None:
            if event.date and not dates.same_at_precision(ours.iso, event.date):
                diffs.append(Difference(kind="date", benign=False, quote=event.date, source=ours.iso))
                reasons.append(f"'{event.date_text}' is {ours.iso} here, not {event.date}")
            fields.update(date=ours.iso, precision=ours.precision)
        elif period is not None:
            start, end = period
            fields.update(date=start.iso if start else None, precision=start.precision if start else None,
                          until=end.iso)
        elif not published and dates.find_absolute(event.date_text) is None:
            if event.date:
                reasons.append(f"'{event.date_text}' cannot be dated: the article states no publication date")
            fields.update(date=None, precision=None)
    verification = base.model_copy(update={"differences": diffs, "reasons": reasons, "flagged": bool(reasons),
                                           "state": item_state(bool(reasons), base.speaker)})
    return verification, fields


def _title_of(article) -> str:
    """The article's headline: its title, or a first line that ends in no full stop (a plain-text article
    opens with its headline)."""
    if article.title:
        return article.title
    first = article.text.lstrip().split("\n", 1)[0].strip()
    return first if len(first) <= 200 and not first.endswith((".", "!", "?", "”", '"')) else ""


def verify_extraction(article, extraction):
    """Verified claims, denials and events of one article (models from ``summarizer.models``)."""
    from . import dates
    from .models import VerifiedClaim, VerifiedDenial, VerifiedEvent
    from .support import beyond_quote

    src = prepared(article.text, article.boilerplate)
    sents = dates.sentence_bounds(src.text)
    claims = []
    for c in extraction.claims:
        names = _names_for(c.speaker, extraction.actors)
        v = verify_quote(src, c.quote, names)
        if v.start is not None and not v.flagged and v.state is not ItemState.too_short:
            # the quote's sentences and two either side: "they" in a quote names whom the text before did
            starts = [a for a, _b in sents if a <= v.start]
            ends = [b for _a, b in sents if b >= v.end]
            lo = starts[-3] if len(starts) >= 3 else 0
            hi = ends[2] if len(ends) >= 3 else len(src.text)
            who = [*names, *_affiliation_of(c.speaker, extraction.actors)]
            why = beyond_quote(c.statement, c.quote + " " + src.text[lo:hi], who, quote=c.quote, title=_title_of(article))
            if why:
                v = v.model_copy(update={"flagged": True, "reasons": [*v.reasons, why],
                                         "state": item_state(True, v.speaker)})
        claims.append(VerifiedClaim(**c.model_dump(), verification=v))
    denials = [
        VerifiedDenial(**d.model_dump(), verification=verify_quote(src, d.quote, _names_for(d.speaker, extraction.actors)))
        for d in extraction.denials
    ]
    events = []
    for e in extraction.events:
        verification, fields = verify_event(src, e, article.published)
        events.append(VerifiedEvent(**{**e.model_dump(), **fields}, verification=verification))
    return claims, denials, events
