"""The ``summarizer`` command.

Exit codes: 0 every article summarised; 1 some inputs failed (the summary of the rest is still
written); 2 usage error (bad flag, nothing to read); 3 ``verify --fail-on`` found flagged quotes.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import __version__
from .cache import CacheMode
from .extract import DEFAULT_MODEL, MODES, ModelConfig

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FLAGGED = 0, 1, 2, 3

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

\b
Exit codes: 0 all summarised; 1 some inputs failed (the rest is still reported); 2 usage error.
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="summarizer")
def main() -> None:
    """Structured, verified summaries of news articles: who said what, when, and whether the source says it."""


@main.command("summarize", help=SUMMARIZE_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True, help="Output format.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write the summary to FILE instead of stdout.")
@click.option("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1.")
@click.option("--api-key", help="API key (prefer OPENAI_API_KEY: flags show up in process lists).")
@click.option("--model", help=f"Model name [default: $SUMMARIZER_MODEL or {DEFAULT_MODEL}].")
@click.option("--mode", type=click.Choice(sorted(MODES)), default="tools", show_default=True,
              help="How the schema is sent: tool calling, or JSON mode for servers without tools.")
@click.option("--temperature", type=float, default=0.0, show_default=True, help="Sampling temperature (part of the cache key).")
@click.option("--max-tokens", type=int, help="Cap on completion tokens per request (part of the cache key).")
@click.option("--concurrency", type=click.IntRange(1, 512), default=8, show_default=True, help="Articles in flight at once.")
@click.option("--timeout", type=float, default=120.0, show_default=True, help="Seconds per request before it is retried.")
@click.option("--max-retries", type=click.IntRange(0, 50), default=6, show_default=True,
              help="Retries of transient failures (429, 5xx, timeouts, resets) per article.")
@click.option("--max-reasks", type=click.IntRange(0, 10), default=2, show_default=True,
              help="Times a malformed answer is sent back to the model with the validation error.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Response cache [default: $SUMMARIZER_CACHE_DIR or the user cache dir].")
@click.option("--recordings", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Read-only folder of recorded responses, consulted after the cache (repeatable).")
@click.option("--replay", "cache_mode", flag_value=CacheMode.replay.value, help="Answer only from the cache; a miss fails that article.")
@click.option("--refresh", "cache_mode", flag_value=CacheMode.refresh.value, help="Ignore cached answers and store fresh ones.")
@click.option("--no-cache", "cache_mode", flag_value=CacheMode.off.value, help="Neither read nor write the cache.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: on for a terminal and more than one article].")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def summarize_cmd(paths, fmt, out, base_url, api_key, model, mode, temperature, max_tokens, concurrency, timeout,
                  max_retries, max_reasks, cache_dir, recordings, cache_mode, progress, verbose) -> None:
    from .pipeline import RunOptions, summarize
    from .report import render

    _logging(verbose)
    config = ModelConfig.from_env(
        base_url=base_url, api_key=api_key, model=model, mode=mode, temperature=temperature,
        max_tokens=max_tokens, concurrency=concurrency, timeout=timeout, max_retries=max_retries,
        max_reasks=max_reasks,
    )
    options = RunOptions(
        config=config,
        cache_dir=cache_dir,
        cache_mode=CacheMode(cache_mode or CacheMode.read_write.value),
        recordings=list(recordings) if recordings else None,
        progress=sys.stderr.isatty() if progress is None else progress,
    )
    summary = summarize(list(paths), options)
    text = render(summary, fmt)
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)
    for failure in summary.failures:
        click.echo(f"error: {failure.source}: {failure.error}", err=True)
    if not any(a.ok for a in summary.articles) and not summary.failures:
        raise SystemExit(EXIT_USAGE)
    raise SystemExit(EXIT_PARTIAL if summary.failures else EXIT_OK)


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


def _logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if verbose < 2:
        # instructor logs every failed attempt at ERROR; the run reports failures itself, once.
        logging.getLogger("instructor").setLevel(logging.CRITICAL)


if __name__ == "__main__":  # pragma: no cover
    main()
