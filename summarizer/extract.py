"""Asking a model for one article's actors, claims, denials and dates.

``instructor`` turns the Pydantic schema into a tool (or JSON-mode) request and re-asks the model with
the validation error when an answer does not fit. ``tenacity`` retries what the network does to us
(429 with its Retry-After, 5xx, timeouts, dropped connections). The two are kept apart on purpose: the
openai client's own retries are off (``max_retries=0``) so nothing is retried twice over, and errors
that will not get better (bad key, unknown model, a request the server rejects) fail at once.
"""

from __future__ import annotations

import logging
import os
import random
from dataclasses import dataclass, field
from typing import Optional

import httpx2
import instructor
import openai
# openai defers its resources (~0.5 s) to the first ``client.chat``, instructor its openai provider
# (~0.2 s) to the first ``from_openai``: every run needs both, so they load with this module rather than
# inside the timed run.
import openai.resources.chat  # noqa: F401
from instructor import from_openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import ValidationError
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from . import prompts, speedups
from .cache import ARTICLE_HEADER, PROMPT_VERSION_HEADER, CacheMiss, CachingTransport, MalformedResponse, ResponseCache
from .ingest import text_for_model
from .models import Article, ArticleExtraction, Usage
from .ratelimit import GovernedTransport, RateGovernor, retry_after_seconds

# instructor logs every failed attempt at ERROR; the run reports failures itself, once per article. A
# NullHandler keeps those records off stderr when the application has not configured logging, while an
# application that has still receives them.
logging.getLogger("instructor").addHandler(logging.NullHandler())
log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
MODES = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md-json": instructor.Mode.MD_JSON,
    # ``response_format`` carrying the schema itself: llama.cpp, vLLM and OpenAI constrain decoding to it,
    # where ``json`` (``json_object``) only forces some valid JSON, of any shape.
    "json-schema": instructor.Mode.JSON_SCHEMA,
}

#: Completion cap sent when the user sets none. llama-server's own default is unlimited, so a model that
#: loops on one item writes until the context is full. Sized to the schema: a long article's answer
#: (20 actors at ~40 tokens, 30 claims or denials at ~70, 15 events at ~45) is about 3,600 tokens.
DEFAULT_MAX_TOKENS = 3600
#: The frequency penalty of the one retry after an answer was cut off at max_tokens (a loop). Standard in
#: the OpenAI API, llama.cpp and vLLM; in the schema-constrained modes the keys are forced whatever it is.
LOOP_PENALTY = 0.5


#: Seconds per request for an endpoint on this machine (llama.cpp on a CPU takes minutes per article).
LOCAL_TIMEOUT = 1800.0
#: A request that timed out is retried this many times at most: a slow server is slow again.
TIMEOUT_RETRIES = 1


def _is_local(base_url: Optional[str]) -> bool:
    if not base_url:
        return False
    from urllib.parse import urlparse

    host = (urlparse(base_url).hostname or "").lower()
    return host in ("localhost", "::1", "0.0.0.0") or host.startswith("127.")


@dataclass(frozen=True)
class ModelConfig:
    """Which endpoint and model to ask, and how hard to try. The key is never shown in repr.

    Build it with :meth:`from_env`, which reads ``OPENAI_API_KEY``, ``OPENAI_BASE_URL`` and
    ``SUMMARIZER_MODEL`` and lets keyword arguments override them:
    ``ModelConfig.from_env(base_url="http://127.0.0.1:8091/v1", api_key="none", mode="json-schema")``
    for a local llama.cpp server. ``mode`` is how the schema is sent (see ``MODES``), or ``"auto"`` to
    probe the endpoint once and use what works (``summarizer.mode_probe``); ``max_tokens``
    left as None sends ``DEFAULT_MAX_TOKENS``; ``timeout`` is seconds per request (``from_env`` gives a
    local endpoint ``LOCAL_TIMEOUT`` unless told otherwise).
    """

    base_url: Optional[str] = None
    api_key: Optional[str] = field(default=None, repr=False)
    model: str = DEFAULT_MODEL
    mode: str = "tools"
    temperature: float = 0.0
    max_tokens: Optional[int] = None
    timeout: float = 120.0
    max_retries: int = 6  # transient HTTP failures, per article
    max_reasks: int = 2  # validation re-asks, per article
    max_wait: float = 60.0  # longest single back-off, Retry-After included
    concurrency: int = 8
    max_article_chars: int = 200_000  # about 50k tokens: larger inputs are refused, never sent blindly

    @classmethod
    def from_env(cls, **overrides) -> "ModelConfig":
        """Flags win over environment variables, which win over defaults."""
        env = {
            "base_url": os.environ.get("OPENAI_BASE_URL") or None,
            "api_key": os.environ.get("OPENAI_API_KEY") or None,
            "model": os.environ.get("SUMMARIZER_MODEL") or DEFAULT_MODEL,
        }
        env.update({k: v for k, v in overrides.items() if v is not None})
        if env.get("timeout") is None and _is_local(env.get("base_url")):
            env["timeout"] = LOCAL_TIMEOUT  # CPU inference: minutes per answer are normal, not a fault
        return cls(**env)

    @property
    def endpoint(self) -> str:
        return (self.base_url or DEFAULT_ENDPOINT).rstrip("/")

    @property
    def can_call(self) -> bool:
        """A configured endpoint: a key, or an explicit base URL (local servers often need no key)."""
        return bool(self.api_key) or self.base_url is not None

    def redact(self, text: str) -> str:
        if self.api_key and len(self.api_key) >= 4:
            text = text.replace(self.api_key, "***")
        return text


speedups.remember_async_validator_checks()

#: The response model as instructor uses it, built once. Given a plain model, instructor builds this
#: wrapper class anew on every call (pydantic ``create_model``, about 2 ms, a quarter of the client's CPU
#: per article at C=32); given a ``ResponseSchema`` subclass it uses it as is. Same fields, same name, so
#: the same JSON schema and the same request bytes.
RESPONSE_MODEL = instructor.openai_schema(ArticleExtraction)


#: httpx builds a TLS context (loading the CA bundle, ~20 ms) for every transport, even one that only
#: speaks plain HTTP to a local server. Every run makes a transport, so one shared context is built with
#: this module, as the lazy imports above are; contexts are meant to be shared between connections.
_TLS_CONTEXT = httpx2.create_ssl_context()


def _network_transport() -> httpx2.AsyncBaseTransport:
    """httpx's transport, its connections sending each request in one write (``summarizer.speedups``)."""
    return speedups.one_write_requests(httpx2.AsyncHTTPTransport(verify=_TLS_CONTEXT))


def make_client(config: ModelConfig, cache: ResponseCache, inner: httpx2.AsyncBaseTransport | None = None,
                governor: RateGovernor | None = None, capture: list | None = None):
    """An instructor client over the openai async client.

    Every request passes through the cache; those that reach the endpoint also pass the run's rate
    governor, so a 429 slows the whole run down, not only the request that got it.
    """
    network = inner if inner is not None else _network_transport()
    if governor is not None:
        network = GovernedTransport(network, governor)
    transport = CachingTransport(cache=cache, endpoint=config.endpoint, network=config.can_call, inner=network,
                                 capture=capture)
    http = openai.DefaultAsyncHttpxClient(transport=transport, timeout=config.timeout)
    client = openai.AsyncOpenAI(
        base_url=config.endpoint,
        api_key=config.api_key or "no-key-configured",
        max_retries=0,
        timeout=config.timeout,
        http_client=http,
    )
    wrapped = from_openai(client, mode=MODES[config.mode])
    wrapped.breaker = ConnectionBreaker()  # one per run, shared by every article in flight
    return wrapped


def root_cause(exc: BaseException) -> BaseException:
    """The error under instructor's wrapper, which hides HTTP errors inside InstructorRetryException."""
    seen = 0
    while isinstance(exc, InstructorRetryException) and exc.__cause__ is not None and seen < 5:
        exc, seen = exc.__cause__, seen + 1
    return exc


class ConnectionBreaker:
    """Stops retrying an endpoint that refuses every connection. After ``limit`` connection failures in
    a row with no success anywhere in the run, an article gets one attempt and no retries (a cached
    answer is still served; a refused connection fails in milliseconds), until a request succeeds."""

    def __init__(self, limit: int = 3) -> None:
        self.limit = limit
        self.in_a_row = 0

    @property
    def open(self) -> bool:
        return self.in_a_row >= self.limit

    def record(self, exc: Optional[BaseException]) -> None:
        if exc is None:
            self.in_a_row = 0
        elif isinstance(root_cause(exc), openai.APIConnectionError) and not isinstance(
                root_cause(exc), openai.APITimeoutError):
            self.in_a_row += 1


def is_transient(exc: BaseException) -> bool:
    cause = root_cause(exc)
    if isinstance(cause, CacheMiss):
        return False
    if isinstance(cause, (openai.APITimeoutError, openai.APIConnectionError, MalformedResponse)):
        return True
    if isinstance(cause, openai.APIStatusError):
        return cause.status_code in (408, 409, 429) or cause.status_code >= 500
    return False


def retry_after(exc: BaseException) -> Optional[float]:
    """Seconds the server asked us to wait (Retry-After / retry-after-ms), if it said."""
    cause = root_cause(exc)
    response = getattr(cause, "response", None)
    if response is None:
        return None
    return retry_after_seconds(response.headers)


def backoff(config: ModelConfig, base: float = 0.5):
    """Exponential back-off with full jitter; a server's Retry-After wins when it gives one."""

    def wait(state) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after(exc) if exc else None
        if asked is not None:
            return min(asked, config.max_wait)
        return random.uniform(0, min(config.max_wait, base * 2 ** (state.attempt_number - 1)))

    return wait


def describe(exc: BaseException, config: ModelConfig) -> str:
    """A one-line reason a person can act on, never containing the API key."""
    cause = root_cause(exc)
    if isinstance(cause, (CacheMiss, MalformedResponse)):
        msg = str(cause)
    elif isinstance(cause, openai.AuthenticationError):
        msg = "authentication failed (401): check OPENAI_API_KEY or --api-key"
    elif isinstance(cause, openai.PermissionDeniedError):
        msg = "permission denied (403) by the endpoint"
    elif isinstance(cause, openai.NotFoundError):
        msg = f"not found (404): is model {config.model!r} served at {config.endpoint}?"
    elif isinstance(cause, openai.BadRequestError):
        msg = f"request rejected (400): {_api_message(cause)}"
    elif isinstance(cause, openai.APIStatusError):
        msg = f"HTTP {cause.status_code} from the endpoint after retries: {_api_message(cause)}"
    elif isinstance(cause, openai.APITimeoutError):
        msg = f"timed out after {config.timeout:g}s (retried once; raise --timeout for a slow server)"
    elif isinstance(cause, openai.APIConnectionError):
        msg = f"could not reach {config.endpoint} (connection failed; retries stop after 3 failures in a row)"
    elif isinstance(cause, IncompleteOutputException) or isinstance(exc, IncompleteOutputException):
        cap = config.max_tokens or DEFAULT_MAX_TOKENS
        msg = (f"the answer was cut off at max_tokens={cap}{'' if config.max_tokens else ' (the default)'}: "
               "the model may have looped; raise --max-tokens or split the article")
    elif isinstance(cause, ValidationError) or isinstance(exc, InstructorRetryException):
        if isinstance(cause, ValidationError):
            n = cause.error_count()
            detail = f"{n} error{'s' if n != 1 else ''}: {validation_errors(cause)}"
        else:
            detail = " ".join(str(cause).strip().splitlines()[:3])
        msg = f"model answer did not fit the schema after {config.max_reasks} re-asks: " + detail
    else:
        msg = f"{type(cause).__name__}: {cause}"
    return config.redact(" ".join(msg.split()))[:1000]


def _salvaged(exc: BaseException):
    """The complete items of an answer cut off at max_tokens, as (extraction, items left out), or None."""
    from .partial_answer import salvage

    cut = next((e for e in (exc, root_cause(exc)) if isinstance(e, IncompleteOutputException)), None)
    completion = getattr(cut, "last_completion", None) if cut is not None else None
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    text = calls[0].function.arguments if calls else (message.content or "")
    return salvage(text) if text else None


def _is_invalid_answer(exc: BaseException) -> bool:
    """An answer that came but cannot be used: it failed validation, or was cut off at max_tokens."""
    return isinstance(exc, (InstructorRetryException, IncompleteOutputException)) or isinstance(
        root_cause(exc), (ValidationError, IncompleteOutputException))


def validation_errors(cause: ValidationError) -> str:
    """Every validation error, each as where + what ("claims.0.quote: Field required")."""
    return "; ".join(f"{'.'.join(str(x) for x in e['loc']) or '(answer)'}: {e['msg']}" for e in cause.errors())


def _api_message(err: openai.APIStatusError) -> str:
    body = err.body if isinstance(err.body, dict) else {}
    inner = body.get("error", body) if isinstance(body, dict) else {}
    return str(inner.get("message") if isinstance(inner, dict) and inner.get("message") else err.message)


def overhead_tokens(prompt_tokens: int, messages: list[dict], article_text: str) -> int:
    """Prompt tokens spent on instructions and schema, estimated by their share of the characters sent.

    Exact counts need the provider's tokenizer; the share of characters is close enough to see whether
    the instructions cost more than the articles they come with.
    """
    overhead = sum(len(m["content"]) for m in messages) - len(article_text) + schema_chars()
    total = overhead + len(article_text)
    return round(prompt_tokens * overhead / total) if total else 0


def schema_chars() -> int:
    """Size of the schema as sent (instructor sends the model's JSON Schema as the tool's parameters)."""
    global _SCHEMA_CHARS
    if _SCHEMA_CHARS is None:
        import json

        _SCHEMA_CHARS = len(json.dumps(ArticleExtraction.model_json_schema()))
    return _SCHEMA_CHARS


_SCHEMA_CHARS: Optional[int] = None


@dataclass
class ExtractionResult:
    extraction: Optional[ArticleExtraction]
    usage: Usage
    error: Optional[str] = None
    cache_miss: bool = False  # nothing recorded and no endpoint to ask: the offline extractor may step in
    partial: Optional[str] = None  # why only part of the answer was kept (it was cut off)
    note: Optional[str] = None  # what happened on the way to a whole answer (a cut-off answer asked again)


async def extract_article(client, article: Article, config: ModelConfig, cache: ResponseCache) -> ExtractionResult:
    """Ask the model about one article; never raises for a model or network failure, reports it."""
    text = text_for_model(article.text, article.boilerplate)
    if len(text) > config.max_article_chars:
        return ExtractionResult(
            extraction=None,
            usage=Usage(),
            error=f"article is {len(text):,} characters, over the {config.max_article_chars:,} limit "
            "(--max-article-chars): split it into parts, it was not sent",
        )
    messages, version = prompts.extraction_messages(text, article.published, article.title)
    kwargs = dict(
        model=config.model,
        response_model=RESPONSE_MODEL,
        messages=messages,
        max_retries=config.max_reasks,
        temperature=config.temperature,
        extra_headers={PROMPT_VERSION_HEADER: version, ARTICLE_HEADER: article.id},
    )
    kwargs["max_tokens"] = config.max_tokens or DEFAULT_MAX_TOKENS
    usage = Usage()
    retries = 0

    breaker = getattr(client, "breaker", None) or ConnectionBreaker()

    def count_retry(_state) -> None:
        nonlocal retries
        retries += 1
        log.info("article %s: retrying (%s)", article.id, describe(_state.outcome.exception(), config))

    def stop(state) -> bool:
        return state.attempt_number >= (1 if breaker.open else config.max_retries + 1)

    timeouts = 0

    def worth_retrying(exc: BaseException) -> bool:
        if isinstance(root_cause(exc), openai.APITimeoutError) and timeouts > TIMEOUT_RETRIES:
            return False
        return is_transient(exc)

    async def ask(kw: dict):
        completion = None
        async for attempt in AsyncRetrying(
            retry=retry_if_exception(worth_retrying),
            wait=backoff(config),
            stop=stop,
            before_sleep=count_retry,
            reraise=True,
        ):
            with attempt:
                try:
                    extraction, completion = await client.create_with_completion(**kw)
                except Exception as exc:
                    breaker.record(exc)
                    if isinstance(root_cause(exc), openai.APITimeoutError):
                        nonlocal timeouts
                        timeouts += 1
                    raise
                breaker.record(None)
        return extraction, completion

    def usage_of(completion) -> Usage:
        if completion is None or getattr(completion, "usage", None) is None:
            return Usage()
        # instructor reports the running total over its re-asks: take it once, at the end.
        u = completion.usage
        return Usage(
            prompt_tokens=u.prompt_tokens or 0,
            completion_tokens=u.completion_tokens or 0,
            total_tokens=u.total_tokens or 0,
            prompt_overhead_tokens=overhead_tokens(u.prompt_tokens or 0, messages, text),
        )

    def set_aside(what: str) -> None:
        moved = cache.quarantine(article.id)  # a rerun asks again; the answers stay for diagnosis
        if moved:
            log.info("article %s: its %s moved to %s", article.id, what, moved[0].parent)

    loop_note = retry_failed = first_kept = None
    try:
        try:
            extraction, completion = await ask(kwargs)
        except Exception as exc:
            first_kept = _salvaged(exc)
            if first_kept is None:
                raise
            # cut off at max_tokens, most often a loop: the cut answer is set aside, and the article asked
            # once more with a penalty on repeated tokens, which breaks the loop in most small models
            set_aside("cut-off answer")
            first = exc
            try:
                extraction, completion = await ask({**kwargs, "frequency_penalty": LOOP_PENALTY})
            except Exception as again:
                retry_failed = ("that answer was cut off too" if _salvaged(again) is not None
                                else f"that failed: {describe(again, config)}")
                raise first from None
            loop_note = (f"the first answer was cut off at max_tokens ({describe(first, config)}); asked again with "
                         f"frequency_penalty={LOOP_PENALTY}, the second answer is the one kept")
        result = ExtractionResult(extraction=extraction, usage=usage_of(completion), note=loop_note)
    except Exception as exc:  # one bad article never stops the run
        result = ExtractionResult(extraction=None, usage=usage, error=describe(exc, config),
                                  cache_miss=isinstance(root_cause(exc), CacheMiss))
        kept = first_kept if first_kept is not None else _salvaged(exc)  # the first cut answer, read once
        if kept is not None:
            extraction, dropped = kept
            result = ExtractionResult(extraction=extraction, usage=usage, partial=(
                f"partial answer: {result.error}; kept the {len(extraction.actors)} actors, {len(extraction.claims)} "
                f"claims, {len(extraction.denials)} denials and {len(extraction.events)} events complete before the cut"
                + (f" ({dropped} repeated or invalid items left out)" if dropped else "")
                + (f"; asked again with frequency_penalty={LOOP_PENALTY}, and {retry_failed}" if retry_failed else "")))
        if _is_invalid_answer(exc):
            set_aside("invalid answers")
    counters = cache.counters.get(article.id)
    update = {"retries": retries}
    if counters is not None:
        update.update(requests=counters.hits + counters.misses, cached_requests=counters.hits)
        if (result.extraction is None or result.partial) and counters.prompt_tokens + counters.completion_tokens:
            # a failed or cut-off article's answers cost tokens too: counted from every answered request
            update.update(prompt_tokens=counters.prompt_tokens, completion_tokens=counters.completion_tokens,
                          total_tokens=counters.prompt_tokens + counters.completion_tokens)
    result.usage = result.usage.model_copy(update=update)
    return result


__all__ = ["ModelConfig", "make_client", "extract_article", "ExtractionResult", "MODES"]
