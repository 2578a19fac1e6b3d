"""Rebuild ``recordings/`` from the hand-written answers in ``tests/fixtures/seed_answers/``.

No model is reachable from the machines this project was built on, so the seeds' "recorded responses"
are hand-written answers (see tests/fixtures/seed_answers/README.md). This script sends the seeds
through the real pipeline, as a default run would (default endpoint and model, tool-calling mode),
but routes the HTTP requests to the local fake OpenAI server, which answers with the hand-written JSON
in the exact chat-completion format. The cache layer stores each response under the key a real run
computes, and the entries are then labelled as hand-written.

Run it after changing a prompt, the schema or the request shape:

    python -m tests.record_seeds
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "tests" / "fixtures" / "seed_answers"
RECORDINGS = ROOT / "recordings"
ORIGIN = (
    "HAND-WRITTEN, not a model output: tests/fixtures/seed_answers/{article}.json, served in the exact "
    "chat-completion format by tests/openai_server.py and recorded by tests/record_seeds.py"
)


class Redirect(httpx2.AsyncBaseTransport):
    """Send every request to the local fake server, whatever host the client aimed at."""

    def __init__(self, base_url: str):
        self.target = httpx2.URL(base_url)
        self.inner = httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        path = request.url.path.replace("/v1", "", 1)
        request.url = request.url.copy_with(
            scheme=self.target.scheme, host=self.target.host, port=self.target.port, path=self.target.path + path
        )
        request.headers["host"] = f"{self.target.host}:{self.target.port}"
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def marker_for(article) -> str:
    from summarizer.ingest import text_for_model

    return text_for_model(article.text, article.boilerplate)[:200]


def record(out: Path = RECORDINGS, seeds: Path = ROOT / "seeds") -> int:
    from summarizer.cache import CacheMode
    from summarizer.extract import ModelConfig
    from summarizer.ingest import read_articles
    from summarizer.pipeline import RunOptions, summarize
    from tests.openai_server import FakeOpenAI

    articles = [a for a in read_articles([seeds])]
    tmp = out.with_name(out.name + ".new")
    shutil.rmtree(tmp, ignore_errors=True)
    with FakeOpenAI() as srv:
        for art in articles:
            answer = json.loads((ANSWERS / f"{art.id}.json").read_text(encoding="utf-8"))
            srv.set_answer(marker_for(art), answer)
        config = ModelConfig(api_key="hand-written-fixtures", concurrency=1)  # default endpoint and model
        summary = summarize(
            articles,
            RunOptions(config=config, cache_dir=tmp, cache_mode=CacheMode.refresh, recordings=[],
                       transport=Redirect(srv.base_url)),
        )
    if summary.failures:
        raise SystemExit(f"recording failed: {summary.failures}")
    count = 0
    for path in sorted(tmp.rglob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        entry["origin"] = ORIGIN.format(article=entry["request"]["article"])
        entry["created"] = "hand-written 2026-11"
        body = entry["response"]["body"]
        body["model"] = "hand-written"
        body["system_fingerprint"] = "hand-written"
        path.write_text(json.dumps(entry, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        count += 1
    readme = out / "README.md"
    keep = readme.read_text(encoding="utf-8") if readme.exists() else None
    real = out / "real"  # real models' recorded answers (not hand-written): kept as they are
    held = out.with_name(out.name + ".real")
    if real.is_dir():
        shutil.rmtree(held, ignore_errors=True)
        real.rename(held)
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    if held.is_dir():
        held.rename(real)
    if keep:
        readme.write_text(keep, encoding="utf-8")
    return count


if __name__ == "__main__":
    n = record()
    print(f"wrote {n} recorded responses to {RECORDINGS}", file=sys.stderr)
