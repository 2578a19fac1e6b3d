"""The run: ingest -> extract (concurrently, through the cache) -> verify -> merge -> Summary.

Articles are read lazily and handed to a fixed pool of workers, so a long JSONL stream never sits in
memory as pending tasks, and ``--concurrency`` bounds the requests in flight. A failure of one article
(unreadable file, failed call, malformed answer) becomes a line in ``Summary.failures``; the rest of
the run goes on.
"""

from __future__ import annotations

import asyncio
import logging
import hashlib
import os
import sys
import tempfile
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from .cache import CacheMode, ResponseCache, default_cache_dir
from . import extractors, speedups
from .extract import ModelConfig, make_client
from .extractors import Context as ExtractContext, Step, article_fields, failed
from .ingest import IngestError, find_boilerplate, read_articles
from . import dates, mode_probe
from .inventory import find_omissions
from .merge import merge
from .textlayer import first_mention, ground_actor
from .models import Article, ArticleResult, DateMention, Failure, RunInfo, Summary, Usage
from .prompts import load
from .ratelimit import RateGovernor
from .verify import verify_extraction

log = logging.getLogger(__name__)

Input = Union[str, Path, Article]


@dataclass
class RunOptions:
    """Everything about a run that is not the articles themselves.

    The defaults serve a first run: the model from the environment (:meth:`ModelConfig.from_env`), the
    user cache directory, ``./recordings`` when no endpoint is configured, and ``extractor="auto"``
    (the model, or the offline extractor for an article nobody can answer). Set ``extractor="rules"``
    to run with no model at all, ``cache_mode=CacheMode.replay`` to forbid any network call.
    """

    config: ModelConfig = field(default_factory=ModelConfig.from_env)
    cache_dir: Optional[Path] = None  # None: the default user cache directory
    cache_mode: CacheMode = CacheMode.read_write
    recordings: Optional[list[Path]] = None  # None: ./recordings when no endpoint is configured
    progress: bool = False
    transport: object = None  # an httpx2 transport under the cache, for tests and batch collection
    #: a registered extractor (``summarizer.extractors``): "llm" asks the model; "rules" is the offline
    #: extractor only; "auto" the model, or the offline extractor for articles that have no recorded
    #: answer when no endpoint is configured
    extractor: str = "auto"
    inventory: bool = True  # list the direct quotes the model's claims do not cover
    capture: Optional[list] = None  # record the requests a run would send instead of sending them
    #: publication date (YYYY-MM-DD) for articles that state none; a date an article states wins
    published: Optional[str] = None
    #: keep the articles read on the Summary (``Summary.source_articles()``), for a format that shows their
    #: text; off by default, so a long stream of articles never sits in memory
    keep_articles: bool = False


def default_recordings(config: ModelConfig) -> list[Path]:
    """With no endpoint configured, the repository's recorded responses stand in for the model."""
    here = Path("recordings")
    return [here] if not config.can_call and here.is_dir() else []


def _iter_inputs(inputs: Iterable[Input]):
    paths: list[Input] = []
    for item in inputs:
        if isinstance(item, Article):
            if paths:
                yield from read_articles(paths)
                paths = []
            if not item.boilerplate:
                # built by the caller, not by ingest: mark furniture and injected instructions here too
                item = item.model_copy(update={"boilerplate": find_boilerplate(item.text)})
            yield item
        else:
            paths.append(item)
    if paths:
        yield from read_articles(paths)


def _with_published(items, default: Optional[str]):
    """Articles that state no publication date get ``default``; one that states another keeps its own,
    with a warning, since a date the page states is better evidence than one given for the whole run."""
    for item in items:
        if default and isinstance(item, Article):
            if not item.published:
                item = item.model_copy(update={"published": default})
            elif item.published != default:
                item.warnings.append(f"states its publication date {item.published}, which wins over "
                                     f"--published {default}")
        yield item


def _progress(enabled: bool):
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("summarising"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    )


async def summarize_async(
    inputs: Iterable[Input] | Input,
    options: Optional[RunOptions] = None,
    on_result: Optional[Callable[[ArticleResult], None]] = None,
) -> Summary:
    """Summarise articles (paths, folders, JSONL files or ``Article`` objects) into one verified Summary."""
    with speedups.gc_frozen():  # see summarizer.speedups
        return await _summarize(inputs, options, on_result)


async def _summarize(inputs, options, on_result) -> Summary:
    if isinstance(inputs, (str, Path, Article)):
        inputs = [inputs]
    opts = options or RunOptions()
    config = opts.config
    recordings = opts.recordings if opts.recordings is not None else default_recordings(config)
    cache_dir = None if opts.cache_mode is CacheMode.off else (opts.cache_dir or default_cache_dir())
    mode_note = None
    extractor = extractors.get(opts.extractor)  # an unknown name stops the run before any article is read
    if config.mode == "auto":
        can_probe = config.can_call and opts.cache_mode is not CacheMode.replay and extractor.calls_model
        config, mode_note = await mode_probe.resolve(config, cache_dir, can_probe=can_probe, transport=opts.transport)
        log.info("%s", mode_note)
    cache = ResponseCache(cache_dir, opts.cache_mode, recordings)
    governor = RateGovernor(max_in_flight=max(1, config.concurrency), max_pause=config.max_wait)
    client = make_client(config, cache, inner=opts.transport, governor=governor, capture=opts.capture)
    context = ExtractContext(client, config, cache)

    results = _Spool()  # finished articles wait on disk, so memory stays flat until the merge
    failures: list[tuple[int, Failure]] = []
    queue: asyncio.Queue = asyncio.Queue(maxsize=max(1, config.concurrency) * 2)
    progress = _progress(opts.progress)
    task_id = progress.add_task("articles", total=None) if progress else None

    def internal_error(article: Article, exc: Exception) -> ArticleResult:
        return failed(article, f"internal error: {type(exc).__name__}: {config.redact(str(exc))}")

    def record(index: int, article: Article, result: ArticleResult) -> None:
        results.put(index, result)
        if not result.ok:
            failures.append((index, Failure(source=article.source, error=result.error or "failed")))
        if on_result:
            on_result(result)
        if progress:
            progress.advance(task_id)

    async def finish_later(index: int, article: Article, step: tuple) -> None:
        # Verifying waits one turn of the loop, so the answers already in and the request this worker is
        # sending next go first: every request in flight waits on the loop, verification waits on nothing.
        await asyncio.sleep(0)
        try:
            result = _finish(article, step, inventory=opts.inventory)
        except Exception as exc:  # a bug in our own code must not lose the other articles
            result = internal_error(article, exc)
        record(index, article, result)

    finishing: set[asyncio.Task] = set()

    async def worker() -> None:
        while True:
            item = await queue.get()
            if item is None:
                queue.task_done()
                return
            index, article = item
            try:
                step = await extractor.run(article, context)
            except Exception as exc:  # a bug in our own code must not lose the other articles
                step = internal_error(article, exc)
            if isinstance(step, ArticleResult):
                record(index, article, step)
            else:
                task = asyncio.create_task(finish_later(index, article, step))
                finishing.add(task)
                task.add_done_callback(finishing.discard)
            queue.task_done()

    # More workers than requests allowed in flight: the governor still holds the endpoint to
    # ``concurrency`` requests, but a few extra workers have their next request built and waiting at
    # it, so a slot that frees is refilled at once instead of after parsing the answer that freed it.
    spare = max(0, config.concurrency) // 4  # none below 4: --concurrency 1 stays one article at a time
    workers = [asyncio.create_task(worker()) for _ in range(max(1, config.concurrency) + spare)]
    count = 0
    first_by_text: dict[bytes, int] = {}  # digest of the text -> index of its first occurrence
    kept: list[Article] = []
    duplicates: dict[int, list[str]] = {}
    try:
        if progress:
            progress.start()
        for index, item in enumerate(_with_published(_iter_inputs(inputs), opts.published)):
            if isinstance(item, IngestError):
                failures.append((index, Failure(source=item.source, error=item.error)))
                continue
            digest = hashlib.sha256(item.text.encode("utf-8")).digest()
            if digest in first_by_text:
                duplicates.setdefault(first_by_text[digest], []).append(item.source)
                continue
            first_by_text[digest] = index
            if opts.keep_articles:
                kept.append(item)
            count += 1
            if progress:
                progress.update(task_id, total=count)
            await queue.put((index, item))
        for _ in workers:
            await queue.put(None)
        await asyncio.gather(*workers)
        while finishing:
            await asyncio.gather(*list(finishing))
    finally:
        for w in workers:
            w.cancel()
        if progress:
            progress.stop()
        await client.client.close()

    pairs = results.read_in_order()
    results.close()
    by_index = dict(pairs)
    for index, sources in duplicates.items():
        by_index[index].duplicates.extend(sources)
    ordered = [r for _, r in pairs]
    actors, claims, denials, timeline = merge(ordered)
    used = sorted({r.extractor for r in ordered if r.ok}) or [opts.extractor if opts.extractor != "auto" else "llm"]
    usage = Usage()
    for r in ordered:
        usage = usage.add(r.usage)
    version = load("extract.system.txt").version
    answers: dict[str, int] = {}
    for r in ordered:
        if r.ok and r.answered_by:
            answers[r.answered_by] = answers.get(r.answered_by, 0) + 1
    return Summary(
        run=RunInfo(
            extractor="+".join(used),
            model=config.model,
            endpoint=config.endpoint,
            mode=config.mode,
            mode_note=mode_note,
            prompt_version=version,
            cache=opts.cache_mode.value,
            rate_limited=governor.throttled,
            paused_seconds=round(governor.paused_seconds, 3),
            lowest_concurrency=governor.lowest_limit,
            answers=answers,
        ),
        articles=ordered,
        actors=actors,
        claims=claims,
        denials=denials,
        timeline=timeline,
        failures=[f for _, f in sorted(failures, key=lambda x: x[0])],
        omissions=[o for r in ordered for o in r.omissions],
        usage=usage,
    ).keep_source_articles(kept)


class _Spool:
    """Finished ArticleResults in input order: in memory for a small run, in a temporary file beyond it.

    A run over a 100,000-article stream would otherwise hold every result in memory long before the
    merge needs them (about 9 KiB of Python objects per article, against about 1 KiB of JSON). A run of
    a few hundred keeps them as they are: writing and re-reading them would put a tenth of a second
    between the last answer and the summary.
    """

    def __init__(self, in_memory: int = 1000) -> None:
        self._in_memory = in_memory
        self._held: list[tuple[int, ArticleResult]] = []
        self._file = None
        # input index, offset and length of each line: three machine integers per article
        self._index, self._offset, self._length = array("q"), array("q"), array("q")

    def put(self, index: int, result: ArticleResult) -> None:
        if self._file is None:
            if len(self._held) < self._in_memory:
                self._held.append((index, result))
                return
            self._file = tempfile.TemporaryFile(mode="w+b")
            held, self._held = self._held, []
            for i, r in held:
                self._write(i, r)
        self._write(index, result)

    def _write(self, index: int, result: ArticleResult) -> None:
        data = result.model_dump_json().encode("utf-8")
        self._file.seek(0, os.SEEK_END)
        self._index.append(index)
        self._offset.append(self._file.tell())
        self._length.append(len(data))
        self._file.write(data)

    def read_in_order(self) -> list[tuple[int, ArticleResult]]:
        """(input index, result) pairs, in input order."""
        if self._file is None:
            return sorted(self._held, key=lambda pair: pair[0])
        out = []
        for k in sorted(range(len(self._index)), key=self._index.__getitem__):
            self._file.seek(self._offset[k])
            out.append((self._index[k], ArticleResult.model_validate_json(self._file.read(self._length[k]))))
        return out

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _finish(article: Article, step: Step, inventory: bool = True) -> ArticleResult:
    """Verify an extraction against its article and list the quotes the model left out."""
    extraction, used, partial, note = step.extraction, step.used, step.partial, step.note
    claims, denials, events = verify_extraction(article, extraction)
    return ArticleResult(
        dates=_date_mentions(article),
        **article_fields(article),
        ok=True,
        extractor=used,
        answered_by=step.answered_by,
        actors=extraction.actors,
        actor_spans=[first_mention(article.text, [a.name, *a.aliases]) for a in extraction.actors],
        actor_grounding=[ground_actor(article.text, a.name, a.aliases) for a in extraction.actors],
        claims=claims,
        denials=denials,
        events=events,
        usage=step.usage,
        partial=partial is not None,
        warnings=list(article.warnings) + [w for w in (partial, note) if w],
        omissions=find_omissions(article, claims + denials) if used == "llm" and inventory else [],
    )


def _date_mentions(article: Article) -> list[DateMention]:
    """Every date expression in the story text, read against the publication date."""
    found = dates.find_dates(article.text, dates.parse_iso(article.published),
                             [(sp.start, sp.end) for sp in article.boilerplate])
    return [
        DateMention(text=article.text[d.start : d.end], start=d.start, end=d.end,
                    value=d.resolved.iso if d.resolved else None, precision=d.resolved.precision if d.resolved else None)
        for d in found
    ]


def summarize(inputs: Iterable[Input] | Input, options: Optional[RunOptions] = None, **kw) -> Summary:
    """Summarise articles into one verified, merged :class:`Summary`.

    ``inputs``: paths (files, folders, JSONL; ``"-"`` for standard input), or :class:`Article`
    objects, or a mix; one input alone is accepted too. ``options`` (a :class:`RunOptions`) says which
    model to ask, where the cache and recordings are, and which extractor to use, e.g.
    ``summarize("seeds/", RunOptions(extractor="rules"))`` for the offline extractor.

    Never raises for a bad article: each one that fails is in ``summary.failures`` with a one-line
    reason, and the rest are summarised. Every claim and denial carries its verification
    (``verification.state``: verified, flagged, speaker unconfirmed, too short to check).

    This blocks until the run ends; inside a running event loop, await :func:`summarize_async`.
    """
    done: list[Summary] = []

    async def run() -> None:
        # The Summary is handed over here rather than as the task's result: asyncio.run's SIGINT
        # handler holds the main task, and restoring the handler at the end builds that task's repr,
        # result included, twice (about 50 ms for 500 articles).
        done.append(await summarize_async(inputs, options, **kw))

    asyncio.run(run())
    return done[0]
