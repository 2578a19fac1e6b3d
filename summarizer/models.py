"""Typed data that flows through the pipeline: ingest -> extract -> verify -> merge -> report.

Two families live here:

* The *extraction schema* (``ArticleExtraction`` and its parts) is what the model is asked to fill.
  Its field descriptions are sent to the model as instructions, so they are written for the model.
* The *pipeline records* (``Article``, ``Verification``, ``Summary`` ...) are what the tool produces.
  They are exported as JSON Schema into ``schemas/`` so other programs can rely on the output.
"""

from __future__ import annotations

import copy
from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr
from pydantic.json_schema import GenerateJsonSchema

# --------------------------------------------------------------------------------------------
# Extraction schema: what the model fills in for one article.
# --------------------------------------------------------------------------------------------

ActorKind = Literal["person", "organisation", "state", "other"]
Precision = Literal["day", "month", "year"]


_SCHEMA_CACHE: dict = {}


class _WithoutFieldTitles(GenerateJsonSchema):
    """The extraction schema as the model sees it, in as few tokens as say the same: every request
    carries it, and small local models have 4-8k contexts. No per-field titles ("title": "Speaker" beside
    the key "speaker"), none on the parts, nullable fields as a list of types, no null or empty defaults.
    The top model's title stays (instructor names the tool after it)."""

    def field_title_should_be_set(self, schema) -> bool:  # noqa: ARG002
        return False

    def generate(self, schema, mode="validation"):
        # The parts' own titles and docstrings repeat their key and the field description that points
        # at them; only the top model's title stays.
        out = super().generate(schema, mode=mode)
        out.pop("description", None)  # the user message says what to extract
        for part in out.get("$defs", {}).values():
            part.pop("title", None)
            part.pop("description", None)
        return out

    def nullable_schema(self, schema):
        # ``{"type": ["string", "null"]}`` says what ``anyOf`` of two schemas says in a third of the tokens;
        # llama.cpp's grammar builder, vLLM and OpenAI all read a list of types.
        inner = self.generate_inner(schema["schema"])
        if set(inner) <= {"type", "enum"} and isinstance(inner.get("type"), str):
            out = {"type": [inner["type"], "null"]}
            if "enum" in inner:
                out["enum"] = [*inner["enum"], None]
            return out
        return super().nullable_schema(schema)

    def default_schema(self, schema):
        # A default of null or [] tells the model nothing a field left out of ``required`` does not.
        out = super().default_schema(schema)
        if out.get("default", 0) in (None, []):
            out.pop("default")
        return out


class Actor(BaseModel):
    """Someone who acts or speaks in the article."""

    name: str = Field(
        description="Fullest name, no titles; for an unnamed person, the article's description."
    )
    kind: ActorKind = Field(description="'state': a country or its government, also when named by its capital.")
    role: Optional[str] = Field(default=None, description="Title or role, as written.")
    affiliation: Optional[str] = Field(default=None, description="The body or state it belongs to or speaks for.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Other names the article uses for this actor; never another actor's.",
    )


class Claim(BaseModel):
    """One statement that an actor asserts, as reported by the article."""

    speaker: str = Field(description="An actor `name`: whom the article credits with these words.")
    statement: str = Field(description="The claim in one plain sentence of your own.")
    quote: str = Field(description="The article's words that carry the claim: a direct quote or the reported-speech sentence.")
    when: Optional[str] = Field(default=None, description="When it was said, as written.")


class Denial(BaseModel):
    """An actor rejecting a claim or accusation."""

    speaker: str = Field(description="An actor `name`: who denies.")
    denied: str = Field(description="The denied claim, as one plain sentence.")
    accuser: Optional[str] = Field(default=None, description="An actor `name`: whose claim is denied.")
    quote: str = Field(description="The article's words that carry the denial.")
    when: Optional[str] = Field(default=None, description="When it was denied, as written.")


class DatedEvent(BaseModel):
    """Something that happened (or will happen) on a date the article states."""

    date_text: str = Field(description="The date as written ('on Sunday', 'Nov. 18', 'last year').")
    date: Optional[str] = Field(
        default=None, description="ISO 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'."
    )
    precision: Optional[Precision] = None
    event: str = Field(description="What happened then.")


class ArticleExtraction(BaseModel):
    """Actors, claims, denials and dated events of one news article."""

    @classmethod
    def model_json_schema(cls, *args, **kwargs):  # type: ignore[override]
        # instructor rebuilds the schema on every request (~8 ms), from a fresh subclass it makes per call.
        # A subclass that adds no fields and no docstring has this model's schema, so the cache is keyed on
        # this model and stays one entry per argument set; callers get a copy (~0.1 ms) they may change.
        kwargs.setdefault("schema_generator", _WithoutFieldTitles)
        same = cls is ArticleExtraction or (
            cls.model_fields.keys() == ArticleExtraction.model_fields.keys()
            and (cls.__doc__ or ArticleExtraction.__doc__) == ArticleExtraction.__doc__
        )
        try:
            key = (args, tuple(sorted(kwargs.items(), key=lambda kv: kv[0])))
            hash(key)
        except TypeError:  # an unhashable argument: no caching
            same = False
        if not same or len(_SCHEMA_CACHE) > 16:
            return super().model_json_schema(*args, **kwargs)
        if key not in _SCHEMA_CACHE:
            _SCHEMA_CACHE[key] = super().model_json_schema(*args, **kwargs)
        return copy.deepcopy(_SCHEMA_CACHE[key])

    actors: list[Actor] = Field(
        default_factory=list,
        description="Every person, body and state that speaks, acts or is accused, once each.",
    )
    claims: list[Claim] = Field(
        default_factory=list,
        description="Every statement an actor asserts, direct or reported.",
    )
    denials: list[Denial] = Field(
        default_factory=list, description="Every denial of a claim."
    )
    events: list[DatedEvent] = Field(
        default_factory=list, description="Every event tied to a date."
    )


# --------------------------------------------------------------------------------------------
# Pipeline records.
# --------------------------------------------------------------------------------------------


class Span(BaseModel):
    """Half-open character range [start, end) in an article's text (Python str indices)."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int


class Article(BaseModel):
    """One input article. ``text`` is kept exactly as read: every offset points into it."""

    id: str
    source: str = Field(description="Where the article came from: a file path, or 'FILE:LINE' for JSONL.")
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = Field(default=None, description="Publication date, ISO 'YYYY-MM-DD', when stated.")
    published_text: Optional[str] = Field(default=None, description="The publication date as written.")
    boilerplate: list[Span] = Field(
        default_factory=list,
        description="Lines that are page furniture (ads, share prompts, related stories): not sent, cannot support a claim.",
    )
    warnings: list[str] = Field(default_factory=list)


class Status(str, Enum):
    exact = "exact"
    normalized = "normalized"
    fuzzy = "fuzzy"
    altered = "altered"
    unsupported = "unsupported"


SUPPORTED_STATUSES = frozenset({Status.exact, Status.normalized, Status.fuzzy})


class SpeakerVerdict(str, Enum):
    """Whom the text credits with an item's words, against the speaker the item names."""

    confirmed = "confirmed"  # the text credits the words to the named speaker (or an alias, or its spokesperson)
    other = "other"  # the text credits them to someone else: a flag, naming whom
    unknown = "unknown"  # the text credits nobody we can tell (narration, a headline, no cue): counted, not a flag


class ItemState(str, Enum):
    """The one state a claim, denial or event source is shown in, in every output format.

    ``verified`` needs both the words and the speaker confirmed. ``too_short`` and ``speaker_unconfirmed``
    are not flags, but they are not verified either, and every format counts them.
    """

    verified = "verified"
    flagged = "flagged"
    speaker_unconfirmed = "speaker_unconfirmed"
    too_short = "too_short"


#: How each state reads to a person, in Markdown, HTML and the CLI.
STATE_LABELS = {
    ItemState.verified: "verified",
    ItemState.flagged: "flagged",
    ItemState.speaker_unconfirmed: "speaker unconfirmed",
    ItemState.too_short: "too short to check",
}


def item_state(flagged: bool, speaker: Optional["SpeakerVerdict"], too_short: bool = False) -> ItemState:
    """The state of one verified item: a flag first, then the quote too short to prove anything, then a
    speaker the text does not confirm. An item with no speaker to check (an event) is verified by its words."""
    if flagged:
        return ItemState.flagged
    if too_short:
        return ItemState.too_short
    if speaker is SpeakerVerdict.unknown:
        return ItemState.speaker_unconfirmed
    return ItemState.verified


#: What a difference between a quote and its source is: exactly the kinds the verifier produces.
DifferenceKind = Literal["article", "bracket", "ellipsis", "punctuation", "negation", "number", "name", "word",
                         "added", "omitted", "date"]


class Difference(BaseModel):
    """One place where the quote and the source differ."""

    kind: DifferenceKind = Field(
        description=(
            "article, bracket, punctuation (benign), ellipsis (benign when it joins nearby fragments); negation, "
            "number, name, word, added, omitted (meaning-bearing); date (a model's ISO date the text does not give)."
        )
    )
    benign: bool
    quote: str = Field(description="What the quote says here ('' when the quote has nothing).")
    source: str = Field(description="What the source says here ('' when the source has nothing).")


class Verification(BaseModel):
    """Where (and whether) the source supports a quote."""

    status: Status
    score: float = Field(description="0..1: share of the quote's words found in order in the span.")
    start: Optional[int] = None
    end: Optional[int] = None
    matched: Optional[str] = None
    differences: list[Difference] = Field(default_factory=list)
    speaker_found: Optional[bool] = Field(
        default=None, description="Whether the text credits the span to the claimed speaker; null when not checked."
    )
    credited_to: Optional[str] = Field(
        default=None, description="The name the text credits instead, when it credits someone else."
    )
    flagged: bool = Field(description="True when a person must not rely on this item without checking.")
    reasons: list[str] = Field(default_factory=list, description="Why the item is flagged, in plain words.")
    speaker: Optional[SpeakerVerdict] = Field(
        default=None, description="Whom the text credits: confirmed, other (flagged) or unknown; null when not checked."
    )
    state: ItemState = Field(
        default=ItemState.verified,
        description="verified (words and speaker confirmed), flagged, speaker_unconfirmed or too_short.",
    )


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    requests: int = 0
    cached_requests: int = 0
    retries: int = 0
    prompt_overhead_tokens: int = Field(
        default=0,
        description="Estimated prompt tokens spent on instructions and schema rather than the article: the real "
        "prompt_tokens apportioned by character share.",
    )

    def add(self, other: "Usage") -> "Usage":
        return Usage(**{k: getattr(self, k) + getattr(other, k) for k in Usage.model_fields})


class VerifiedClaim(Claim):
    verification: Verification


class VerifiedDenial(Denial):
    verification: Verification


class VerifiedEvent(DatedEvent):
    verification: Verification
    until: Optional[str] = Field(
        default=None,
        description=(
            "End of the stretch of time the date stands for ('over the past year', 'recently'), ISO at "
            "its own precision; `date` is then its start, or null when the text gives none."
        ),
    )
    future: bool = Field(
        default=False, description="Whether the clause around the date speaks of the future ('will ... on Monday')."
    )


class DateMention(BaseModel):
    """One date expression in an article, as the tool reads it, whether or not it dates an event.

    Kept so that a reader (or a benchmark) can check every date reading against the text, not only the
    ones the model chose to put on the timeline."""

    text: str = Field(description="The date expression exactly as written.")
    start: int = Field(description="Offset of its first character in the article text.")
    end: int = Field(description="Offset just past its last character.")
    value: Optional[str] = Field(
        default=None,
        description="'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; for a week, its Monday. Null when it cannot be dated.",
    )
    precision: Optional[Literal["day", "week", "month", "year"]] = Field(
        default=None, description="How much of the calendar the value stands for; null when value is null."
    )


class ActorGrounding(BaseModel):
    """What the article text says about one of its actors' names, read where the text is at hand."""

    ungrounded: list[str] = Field(
        default_factory=list, description="Names and aliases of the actor that the article text never uses."
    )
    descriptors: list[str] = Field(
        default_factory=list,
        description="What the text calls the actor beside its name ('US short-seller', 'the Leeds-based firm').",
    )


class ArticleResult(BaseModel):
    """Everything the run learned about one article (or why it failed)."""

    article_id: str
    source: str
    title: Optional[str] = None
    published: Optional[str] = None
    ok: bool
    error: Optional[str] = None
    partial: bool = Field(default=False, description="The answer was cut off: only the items complete before the cut "
                          "were kept (the warning says why and how many).")
    extractor: str = "llm"
    answered_by: Optional[str] = Field(
        default=None,
        description="Where the answer came from: 'model M at URL' (called), 'cache', 'recording DIR (origin; "
        "model M)' or 'offline extractor'.",
    )
    actors: list[Actor] = Field(default_factory=list)
    actor_spans: list[Optional[Span]] = Field(
        default_factory=list, description="Where each actor's name first appears in the text (parallel to actors)."
    )
    actor_grounding: list[ActorGrounding] = Field(
        default_factory=list, description="Each actor's names checked against the text (parallel to actors)."
    )
    claims: list[VerifiedClaim] = Field(default_factory=list)
    denials: list[VerifiedDenial] = Field(default_factory=list)
    events: list[VerifiedEvent] = Field(default_factory=list)
    dates: list[DateMention] = Field(
        default_factory=list, description="Every date expression in the article's story text, in text order."
    )
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)
    duplicates: list[str] = Field(
        default_factory=list, description="Other inputs with the same text, summarised once as this article."
    )
    omissions: list[Omission] = Field(
        default_factory=list, description="Direct quotes the offline rules found that no claim or denial covers."
    )


class Omission(BaseModel):
    """A direct quote in the article that no claim or denial of the model covers."""

    article_id: str
    start: int
    end: int
    text: str
    speaker: Optional[str] = None


class SourceRef(BaseModel):
    """Provenance of a merged item: which article, which words, and how well they were found."""

    article_id: str
    index: int = Field(description="Position of the item in that article's claims (or denials) list.")
    quote: str
    start: Optional[int] = None
    end: Optional[int] = None
    status: Status
    flagged: bool
    speaker_found: Optional[bool] = None
    reasons: list[str] = Field(default_factory=list)
    state: ItemState = ItemState.verified


class ActorMention(BaseModel):
    """One article's entry for an actor, and where its name first appears in that article's text."""

    article_id: str
    name: str
    start: Optional[int] = None
    end: Optional[int] = None


class DroppedAlias(BaseModel):
    """An alias the merge would not use to join actors, and why."""

    alias: str
    article_id: str
    reason: str = Field(description="'another actor's name (A3)', 'not in the article text' or 'another state or body'.")


class MergedActor(BaseModel):
    id: str
    name: str
    kind: ActorKind
    role: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    mentions: list[ActorMention] = Field(default_factory=list)
    dropped_aliases: list[DroppedAlias] = Field(default_factory=list)
    speaks_for: Optional[str] = Field(
        default=None, description="Id of the body this person speaks for (a spokesperson's or lawyer's employer)."
    )
    resolved: list[str] = Field(
        default_factory=list,
        description="Descriptions ('the firm', 'the minister') an article used for this actor, joined to it by the merge.",
    )


class MergedClaim(BaseModel):
    id: str
    speaker_id: Optional[str] = None
    speaker: str
    statement: str
    sources: list[SourceRef] = Field(description="Best-supported source first.")
    status: Status = Field(description="The best status among the sources.")
    flagged: bool = Field(description="True when no source supports the claim, or the best one is flagged.")
    also_credited_to: list[str] = Field(
        default_factory=list,
        description="Other speakers some sources credit these same words to: the articles disagree on who said it.",
    )


class MergedDenial(BaseModel):
    id: str
    speaker_id: Optional[str] = None
    speaker: str
    denied: str
    denies: list[str] = Field(default_factory=list, description="Ids of the merged claims this denial answers.")
    sources: list[SourceRef]
    status: Status
    flagged: bool


def when_text(date: Optional[str], until: Optional[str]) -> str:
    """A date as a reader sees it: '2023-01-29', 'by 2024-06-19', '2023-06 to 2024-06', 'undated'."""
    if until and date:
        return f"{date} to {until}"
    if until:
        return f"by {until}"
    return date or "undated"


class EventSource(BaseModel):
    article_id: str
    index: int = Field(description="Position of the event in that article's events list.")
    date_text: str
    date: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    status: Status
    flagged: bool
    reasons: list[str] = Field(default_factory=list)
    until: Optional[str] = None
    dated_by: Optional[str] = Field(
        default=None,
        description=(
            "How an article with no publication date got this date: the event of a dated article it was "
            "anchored to. Null when the date comes from the article itself."
        ),
    )


class TimelineEntry(BaseModel):
    date: Optional[str] = Field(description="ISO date at `precision`; null when it could not be resolved.")
    precision: Optional[Precision] = None
    until: Optional[str] = Field(
        default=None,
        description="For a stretch of time ('over the past year', 'recently'): its end. `date` is its start, if known.",
    )
    event: str
    sources: list[EventSource]
    conflict: list[str] = Field(
        default_factory=list, description="Other dates that other articles give for the same event."
    )
    flagged: bool

    @property
    def when(self) -> str:
        return when_text(self.date, self.until)

    @property
    def sort_date(self) -> Optional[str]:
        return self.date or self.until


class Failure(BaseModel):
    source: str
    error: str


class RunInfo(BaseModel):
    extractor: str
    model: Optional[str] = None
    endpoint: Optional[str] = None
    mode: Optional[str] = None
    mode_note: Optional[str] = Field(default=None, description="With --mode auto: which mode was used and how it was chosen.")
    prompt_version: Optional[str] = None
    cache: Optional[str] = None
    rate_limited: int = Field(default=0, description="429 answers seen; each slowed the whole run down.")
    paused_seconds: float = Field(default=0.0, description="Time new requests were held back by rate limits.")
    lowest_concurrency: Optional[int] = Field(default=None, description="Fewest requests allowed in flight.")
    answers: dict[str, int] = Field(
        default_factory=dict, description="Articles per source of their answer (see ArticleResult.answered_by)."
    )


class Summary(BaseModel):
    """The verified, merged summary of a run."""

    schema_version: Literal["1"] = "1"
    run: RunInfo
    articles: list[ArticleResult]
    actors: list[MergedActor] = Field(default_factory=list)
    claims: list[MergedClaim] = Field(default_factory=list)
    denials: list[MergedDenial] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)
    omissions: list[Omission] = Field(
        default_factory=list, description="Direct quotes in the articles that the model's claims do not cover."
    )
    usage: Usage = Field(default_factory=Usage)
    #: the articles the run read, kept only when asked (RunOptions.keep_articles): never in the JSON
    _source_articles: list = PrivateAttr(default_factory=list)

    def keep_source_articles(self, articles: list) -> "Summary":
        self._source_articles = list(articles)
        return self

    def source_articles(self) -> list:
        """The articles this run read and summarised (with their texts and page furniture), when the run
        kept them: a format that shows the text (the HTML report) needs them, the others never do."""
        return list(self._source_articles)

    @property
    def flagged_count(self) -> int:
        return sum(c.flagged for c in self.claims) + sum(d.flagged for d in self.denials)
