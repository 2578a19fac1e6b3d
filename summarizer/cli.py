"""The ``summarizer`` command.

Exit codes: 0 every article summarised; 1 some inputs failed (the summary of the rest is still
written) or, for ``verify``, some lines were malformed; 2 usage error (bad flag, nothing to read);
3 ``--fail-on`` matched (a ``verify`` line, or a source of a ``summarize`` claim or denial); 130
interrupted (Ctrl-C): rerun to resume from the cache.
"""

from __future__ import annotations

from contextlib import contextmanager

import json
import logging
import sys
from pathlib import Path

import click

from . import __version__, extractors, formats
from .cache import CacheMode
from .extract import DEFAULT_MODEL, MODES, ModelConfig

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FLAGGED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
#: What --fail-on can name, on ``verify`` (each line) and ``summarize`` (each source of a claim or denial)
FAIL_ON = ("altered", "unsupported", "misattributed", "flagged", "fuzzy", "normalized")


def _fail_on(value: str) -> set[str]:
    wanted = {x.strip() for x in (value or "").split(",") if x.strip()}
    unknown = wanted - set(FAIL_ON)
    if unknown:
        raise click.BadParameter(f"unknown status {', '.join(sorted(unknown))} (choose from {', '.join(FAIL_ON)})")
    return wanted


def _source_hits(ref) -> set[str]:
    """What --fail-on can match in one source of a merged claim or denial, as ``verify`` reads a line."""
    misattributed = ref.speaker_found is False
    return {ref.status.value} | ({"misattributed"} if misattributed else set()) | ({"flagged"} if ref.flagged else set())

SUMMARIZE_HELP = f"""Summarise news articles into one verified summary.

PATH may be a .txt, .md or .html file, a folder of them, or a JSONL file with one
{{"id", "text", "published"?, "url"?, "title"?}} object per line.

\b
Endpoint (flags win over environment variables):
  --base-url / OPENAI_BASE_URL    any OpenAI-compatible server (OpenAI, Azure, vLLM, Ollama, llama.cpp)
  --api-key  / OPENAI_API_KEY     never logged, cached or printed
  --model    / SUMMARIZER_MODEL   default {DEFAULT_MODEL}
With neither a key nor a base URL, answers come only from the cache and from ./recordings
(the repository's recorded responses for the sample articles).

\b
Examples:
  summarizer summarize seeds/
  summarizer summarize seeds/ --format json --out summary.json
  OPENAI_API_KEY=... summarizer summarize articles/ --model gpt-4o
  summarizer summarize news.jsonl --base-url http://localhost:11434/v1 --model llama3.1 --mode json
  summarizer summarize seeds/ --replay            # cache only: a miss is an error
  summarizer summarize seeds/ --extractor rules   # no model at all
  summarizer summarize seeds/ --format html --out report.html
  summarizer summarize articles/ --fail-on flagged  # exit 3 when any claim has a flagged source (CI)

\b
Exit codes: 0 all summarised; 1 some inputs failed (the rest is still reported); 2 usage error;
3 --fail-on matched; 130 interrupted (answers so far are cached: rerun the same command to resume).
"""


_BASE_URL = click.option("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1.")
_API_KEY = click.option("--api-key", help="API key (prefer OPENAI_API_KEY: flags show up in process lists).")
_CACHE_DIR = click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                          help="Response cache [default: $SUMMARIZER_CACHE_DIR or the user cache dir].")


def _apply(command, options):
    for option in reversed(options):
        command = option(command)
    return command


def endpoint_options(command):
    """The options that choose the endpoint and shape the request (and so the cache key)."""
    return _apply(command, [
        _BASE_URL,
        _API_KEY,
        click.option("-m", "--model", help=f"Model name [default: $SUMMARIZER_MODEL or {DEFAULT_MODEL}]."),
        click.option("--mode", type=click.Choice(sorted(MODES) + ["auto"]), default="tools", show_default=True,
                     help="How the schema is sent: tool calling, or JSON mode for servers without tools; auto: "
                          "probe the endpoint once (remembered beside the cache) and use what works."),
        click.option("--temperature", type=float, default=0.0, show_default=True,
                     help="Sampling temperature (part of the cache key)."),
        click.option("--max-tokens", type=int, help="Cap on completion tokens per request (part of the cache key)."),
        _CACHE_DIR,
    ])


def connection_options(command):
    """Only what reaches the endpoint and finds the run's files: for commands that send no prompt."""
    return _apply(command, [_BASE_URL, _API_KEY, _CACHE_DIR])


def _iso_date(value):
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date as YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="summarizer")
def main() -> None:
    """Structured, verified summaries of news articles: who said what, when, and whether the source says it."""


@main.command("summarize", help=SUMMARIZE_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(formats.names()), default="md", show_default=True,
              help="; ".join(f"{f.name}: {f.help}" for f in map(formats.get, formats.names())) + ".")
@click.option("--extractor", type=click.Choice(extractors.names()), default="auto", show_default=True,
              help="; ".join(f"{e.name}: {e.help}" for e in map(extractors.get, extractors.names())) + ".")
@click.option("--no-inventory", is_flag=True, help="Do not list the direct quotes the model's claims leave out.")
@click.option("--fail-on", "fail_on", default="", callback=lambda _c, _p, v: _fail_on(v), metavar="STATUSES",
              help=f"Comma-separated: exit {EXIT_FLAGGED} when any source of a claim or denial has one of these "
                   f"({', '.join(FAIL_ON)}); failed inputs (exit 1) come first.")
@click.option("--published", "published", callback=lambda _c, _p, v: _iso_date(v), metavar="YYYY-MM-DD",
              help="Publication date for articles that state none (relative dates hang on it); a date an "
                   "article states wins, with a warning.")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the summary to FILE instead of stdout (its folder is created if missing).")
@endpoint_options
@click.option("--concurrency", type=click.IntRange(1, 512), default=8, show_default=True, help="Articles in flight at once.")
@click.option("--timeout", type=float, default=None,
              help="Seconds per request before it is retried (once) [default: 120; 1800 for an endpoint on "
                   "this machine, where CPU inference takes minutes].")
@click.option("--max-retries", type=click.IntRange(0, 50), default=6, show_default=True,
              help="Retries of transient failures (429, 5xx, timeouts, resets) per article.")
@click.option("--max-reasks", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Times a malformed answer is sent back to the model with the validation error.")
@click.option("--max-article-chars", type=click.IntRange(1000), default=200_000, show_default=True,
              help="Longer articles are refused with a message, never sent over the context window.")
@click.option("--recordings", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Read-only folder of recorded responses, consulted after the cache (repeatable).")
@click.option("--replay", "cache_mode", flag_value=CacheMode.replay.value, help="Answer only from the cache; a miss fails that article.")
@click.option("--refresh", "cache_mode", flag_value=CacheMode.refresh.value, help="Ignore cached answers and store fresh ones.")
@click.option("--no-cache", "cache_mode", flag_value=CacheMode.off.value, help="Neither read nor write the cache.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: on for a terminal and more than one article].")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no info lines on stderr (warnings and errors still show).")
def summarize_cmd(paths, fmt, extractor, no_inventory, fail_on, published, out, base_url, api_key, model, mode, temperature, max_tokens, concurrency, timeout,
                  max_retries, max_reasks, max_article_chars, cache_dir, recordings, cache_mode, progress,
                  verbose, quiet) -> None:
    from .pipeline import RunOptions, summarize

    config = ModelConfig.from_env(
        base_url=base_url, api_key=api_key, model=model, mode=mode, temperature=temperature,
        max_tokens=max_tokens, concurrency=concurrency, timeout=timeout, max_retries=max_retries,
        max_reasks=max_reasks, max_article_chars=max_article_chars,
    )
    _logging(verbose, secret=config.api_key)
    if out:
        _open_out(out)  # before the run: a bad --out must not cost the whole run
    options = RunOptions(
        config=config,
        cache_dir=cache_dir,
        cache_mode=CacheMode(cache_mode or CacheMode.read_write.value),
        recordings=list(recordings) if recordings else None,
        progress=False if quiet else (sys.stderr.isatty() if progress is None else progress),
        extractor=extractor,
        inventory=not no_inventory,
        published=published,
        keep_articles=formats.get(fmt).needs_articles,  # the HTML report shows the texts the run read
    )
    try:
        summary = summarize(list(paths), options)
    except KeyboardInterrupt:
        click.echo("interrupted: answers received so far are cached; run the same command again to resume",
                   err=True)
        raise SystemExit(EXIT_INTERRUPTED) from None
    if summary.failures and not any(a.ok for a in summary.articles):
        # nothing was summarised: an empty report on stdout would read as "nothing to report"
        _echo_failures(summary)
        click.echo("error: no article could be summarised", err=True)
        raise SystemExit(EXIT_PARTIAL)
    text = formats.render(fmt, summary, summary.source_articles)
    offline = sum(r.extractor == "rules" for r in summary.articles if r.ok)
    if extractor == "auto" and offline and not quiet:
        click.echo(f"note: no endpoint configured and no recorded answer for {offline} article"
                   f"{'s' if offline != 1 else ''}: summarised with the offline rules extractor "
                   "(set OPENAI_API_KEY or --base-url to use a model)", err=True)
    if summary.run.mode_note and not quiet:
        click.echo(f"note: {summary.run.mode_note}", err=True)
    if out:
        out.write_text(text, encoding="utf-8")
        if not quiet:
            click.echo(f"wrote {out}", err=True)
    elif formats.get(fmt).terminal:
        from .report import print_terminal

        print_terminal(text)
    else:
        click.echo(text, nl=False)
    for result in summary.articles:
        for warning in result.warnings:
            click.echo(f"warning: {result.source}: {warning}", err=True)
    _echo_failures(summary)
    if not any(a.ok for a in summary.articles) and not summary.failures:
        raise SystemExit(EXIT_USAGE)
    if summary.failures:
        raise SystemExit(EXIT_PARTIAL)
    tripped = [item.id for item in [*summary.claims, *summary.denials]
               if any(_source_hits(ref) & fail_on for ref in item.sources)]
    if tripped:
        click.echo(f"--fail-on matched {len(tripped)} claim{'s' if len(tripped) != 1 else ''} or denial{'s' if len(tripped) != 1 else ''}: "
                   f"{', '.join(tripped[:10])}{' ...' if len(tripped) > 10 else ''}", err=True)
        raise SystemExit(EXIT_FLAGGED)
    raise SystemExit(EXIT_OK)


@main.command("schema")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write every schema into this folder (as kept in schemas/) instead of printing one.")
@click.argument("name", required=False, type=click.Choice(["summary", "article_extraction", "verification"]), default="summary")
def schema_cmd(out_dir, name) -> None:
    """Print the JSON Schema of the output (summary), of the model's answer, or of a verification.

    \b
    Examples:
      summarizer schema                    # the --format json output
      summarizer schema article_extraction # what the model is asked to fill
      summarizer schema --out-dir schemas/ # refresh the checked-in copies
    """
    from .report import export_schemas

    schemas = export_schemas()
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
        for fname, text in schemas.items():
            (out_dir / fname).write_text(text, encoding="utf-8")
            click.echo(f"wrote {out_dir / fname}", err=True)
        return
    click.echo(schemas[f"{name}.schema.json"], nl=False)


@main.group("batch")
def batch_group() -> None:
    """Bulk runs on the provider's Batch API (OpenAI-compatible /v1/batches).

    \b
    summarizer batch submit news.jsonl      # the requests an interactive run would send
    summarizer batch status                 # the latest batch (or give its id)
    summarizer batch collect                # answers into the cache, invalid ones re-asked
    summarizer summarize news.jsonl         # now entirely from the cache

    Batch ids and state are saved under <cache dir>/batches/, so any shell can resume.
    """


def _batch_options(base_url, api_key, cache_dir, model=None, mode="tools", temperature=0.0, max_tokens=None):
    from .pipeline import RunOptions

    config = ModelConfig.from_env(base_url=base_url, api_key=api_key, model=model, mode=mode,
                                  temperature=temperature, max_tokens=max_tokens)
    if not config.can_call:
        raise click.UsageError("the Batch API needs an endpoint: set OPENAI_API_KEY or --base-url")
    return RunOptions(config=config, cache_dir=cache_dir, recordings=[])


@contextmanager
def _endpoint_errors(options):
    """An endpoint that cannot be reached or refuses the request is one line, as in ``summarize``."""
    import openai

    where = options.config.base_url or "the OpenAI API"
    try:
        yield
    except openai.APIConnectionError as exc:
        raise click.ClickException(f"cannot reach {where}: {options.config.redact(str(exc))}") from None
    except openai.APIStatusError as exc:
        raise click.ClickException(f"{where} answered {exc.status_code}: {options.config.redact(exc.message)}") from None


@batch_group.command("submit")
@click.argument("paths", nargs=-1, required=True)
@endpoint_options
def batch_submit(paths, **kw) -> None:
    """Build the batch from the requests an interactive run would send, upload it and start it."""
    from . import batch

    _logging(0)
    options = _batch_options(**kw)
    try:
        with _endpoint_errors(options):
            state = batch.submit(list(paths), options)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"submitted {state['batch_id']}: {len(state['requests'])} requests ({state['status']})")


@batch_group.command("status")
@click.argument("batch_id", required=False)
@connection_options
def batch_status(batch_id, **kw) -> None:
    """Where a batch is (the latest submitted when no id is given)."""
    from . import batch

    options = _batch_options(**kw)
    try:
        with _endpoint_errors(options):
            state = batch.status(options, batch_id)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    counts = state.get("request_counts") or {}
    click.echo(f"{state['batch_id']}: {state['status']} ({counts.get('completed', 0)} completed, "
               f"{counts.get('failed', 0)} failed of {counts.get('total', len(state['requests']))})")


@batch_group.command("collect")
@click.argument("batch_id", required=False)
@endpoint_options
def batch_collect(batch_id, **kw) -> None:
    """Store a finished batch's answers in the cache, validate them, re-ask invalid ones.

    Exit 0 when every request was answered, 1 when some failed (they are listed).
    """
    from . import batch

    options = _batch_options(**kw)
    try:
        with _endpoint_errors(options):
            result = batch.collect(options, batch_id)
    except (FileNotFoundError, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from None
    ok = sum(a.ok for a in result.summary.articles) if result.summary else 0
    click.echo(f"{result.state['batch_id']}: {result.stored} answers stored in the cache, {ok} valid "
               f"after {result.reasked} interactive re-ask{'s' if result.reasked != 1 else ''}")
    for article, reason in result.failed:
        click.echo(f"failed: {article}: {reason}", err=True)
    if result.summary:
        for f in result.summary.failures:
            click.echo(f"failed: {f.source}: {f.error}", err=True)
    raise SystemExit(EXIT_PARTIAL if result.failed or (result.summary and result.summary.failures) else EXIT_OK)


@main.command("verify")
@click.argument("cases", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--fail-on", default="", metavar="STATUSES",
              help=f"Comma-separated: exit {EXIT_FLAGGED} when any line has one of these ({', '.join(FAIL_ON)}).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON lines to FILE (its folder is created if missing).")
def verify_cmd(cases, fail_on, out) -> None:
    """Verify quotes against their sources, one JSON object per line.

    \b
    Each input line: {"source": PATH} or {"source_text": STR}, plus "quote",
    and optionally "speaker" and "id". Each output line repeats the input's fields
    and adds status, score, start, end (offsets into the source text as a Python
    string), matched, differences, speaker_found, credited_to, flagged, reasons.
    A relative PATH is looked up from the current folder, then from the CASES file's folder.

    \b
    Examples:
      summarizer verify quotes.jsonl
      summarizer verify quotes.jsonl --fail-on altered,unsupported,misattributed

    \b
    Exit codes: 0 done; 1 some lines were malformed (the rest are still verified);
    3 a line matched --fail-on.
    """
    from .verify import verify_quote

    try:
        wanted = _fail_on(fail_on)
    except click.BadParameter as exc:
        raise click.UsageError(f"--fail-on: {exc.message}") from None
    base = Path(cases).parent if cases != "-" else Path(".")
    texts: dict[str, str] = {}
    malformed = tripped = 0
    sink = _open_out(out).open("w", encoding="utf-8") if out else None
    try:
        with click.open_file(cases, encoding="utf-8") as handle:
            for lineno, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                try:
                    try:
                        case = json.loads(raw)
                    except ValueError as exc:
                        raise ValueError(f"not valid JSON ({exc})") from None
                    if not isinstance(case, dict):
                        raise ValueError("not a JSON object")
                    text = _case_source(case, base, texts)
                    quote = case.get("quote")
                    if not isinstance(quote, str):
                        raise ValueError('needs a "quote" string')
                except (ValueError, OSError) as exc:
                    malformed += 1
                    click.echo(f"error: {cases}:{lineno}: {exc}", err=True)
                    continue
                v = verify_quote(text, quote, case.get("speaker") or None)
                result = {**case, **v.model_dump(mode="json")}
                misattributed = v.speaker_found is False and v.credited_to is not None
                hits = {v.status.value} | ({"misattributed"} if misattributed else set()) | ({"flagged"} if v.flagged else set())
                tripped += bool(hits & wanted)
                line = json.dumps(result, ensure_ascii=False)
                if sink:
                    sink.write(line + "\n")
                else:
                    click.echo(line)
    finally:
        if sink:
            sink.close()
    if malformed:
        raise SystemExit(EXIT_PARTIAL)
    raise SystemExit(EXIT_FLAGGED if tripped else EXIT_OK)


def _case_source(case: dict, base: Path, texts: dict[str, str]) -> str:
    if isinstance(case.get("source_text"), str):
        return case["source_text"]
    src = case.get("source")
    if not isinstance(src, str):
        raise ValueError('needs "source" (a path) or "source_text" (a string)')
    if src not in texts:
        path = Path(src)
        if not path.is_absolute() and not path.exists():
            path = base / src
        if not path.is_file():
            raise ValueError(f"source {src!r} not found")
        texts[src] = path.read_text(encoding="utf-8")
    return texts[src]


class _Redact(logging.Filter):
    """Remove the API key from every log line, whoever logs it (openai, instructor, httpx2, us)."""

    def __init__(self, secret: str):
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "***"), None
        if record.exc_info and record.exc_info[1] is not None and self.secret in str(record.exc_info[1]):
            record.exc_info, record.exc_text = None, None
            record.msg = f"{record.msg} (traceback withheld: it contained the API key)"
        return True


class _NotSent(logging.Filter):
    """Drop httpx's 'HTTP Request: POST <endpoint> "200 OK"' for an answer replayed from the cache or a
    recording: nothing was sent, and the cache logs its own line saying where the answer came from."""

    def filter(self, record: logging.LogRecord) -> bool:
        from .cache import REPLAYED

        return not (record.name.startswith("httpx") and REPLAYED in record.getMessage())


def _echo_failures(summary) -> None:
    for failure in summary.failures:
        click.echo(f"error: {failure.source}: {failure.error}", err=True)


def _open_out(out: Path) -> Path:
    """Make sure ``out`` can be written before any work is done, creating its folder if it is missing."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.UsageError(f"--out {out}: cannot create its folder ({exc.strerror or exc})") from None
    if out.is_dir():
        raise click.UsageError(f"--out {out}: is a folder, give a file name")
    return out


def _logging(verbose: int, secret: str | None = None) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    if secret and len(secret) >= 4:
        handler.addFilter(_Redact(secret))
    handler.addFilter(_NotSent())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    if verbose < 2:
        # instructor logs every failed attempt at ERROR; the run reports failures itself, once.
        logging.getLogger("instructor").setLevel(logging.CRITICAL)


if __name__ == "__main__":  # pragma: no cover
    main()
