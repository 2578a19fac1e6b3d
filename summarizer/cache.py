"""A content-addressed cache of model responses, plugged in under the ``openai`` client as its HTTP transport.

Caching at the transport, rather than around our own function, means a cached or recorded response
replays through exactly the code a live one goes through (openai's parsing, instructor's validation
and re-asks), and every request instructor makes, re-asks included, is cached on its own.

The key is a SHA-256 over what shapes the answer: the endpoint, the request path, the JSON body
(model, messages, tool schema or response format, instructor's mode as it shows in the body, sampling
settings) and the prompt version. Headers, and so the API key, never enter the key or the entry.

Entries are one-line JSON files, one per response, written atomically (temp file + rename), so two
runs can share a cache and a crash never leaves half an entry. A file that does not parse is a miss
with a warning, never a crash. The entries behind an answer that failed validation are moved to
``failed/``: kept for diagnosis, never replayed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import tempfile
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import httpx2
import openai

from .toolcall_repair import repair

log = logging.getLogger("summarizer.cache")

#: Request headers our code sets to tell the transport what a request is for. They never enter the key.
PROMPT_VERSION_HEADER = "x-summarizer-prompt-version"
ARTICLE_HEADER = "x-summarizer-article"
CACHE_HEADER = "x-summarizer-cache"


class CacheMode(str, Enum):
    read_write = "read-write"  # hit: replay; miss: call the endpoint and store
    replay = "replay"  # hit: replay; miss: error naming the article, no network
    refresh = "refresh"  # always call the endpoint, overwrite the entry
    off = "off"  # neither read nor write


class MalformedResponse(openai.OpenAIError):
    """The endpoint said 200 but sent no usable completion (cut-off JSON, no choices).

    Raised from the transport so the retry layer sees a transient fault rather than instructor
    re-asking the model about an answer it never gave.
    """


class Captured(openai.OpenAIError):
    """A request recorded instead of sent (building a Batch API file)."""


class CacheMiss(openai.OpenAIError):
    """No cached response and no permission to call the endpoint (replay mode or no endpoint set).

    A subclass of ``openai.OpenAIError`` so the client passes it through unchanged and the retry layer
    can tell it apart from a network fault.
    """

    def __init__(self, article: str, why: str):
        self.article = article
        super().__init__(f"no cached response for article {article!r} ({why})")


#: The reason phrase of a replayed response (see ``CachingTransport``).
REPLAYED = "replayed from cache, not sent"


def answer_origin(entry: dict, cache_dir: Optional[Path]) -> str:
    """Where a stored answer came from, as a person reads it: the cache, or a recording with its own
    origin (the part before any colon) and the model named in the answer."""
    root = entry.get("_root")
    if cache_dir is not None and root == cache_dir:
        return "cache"
    origin = str(entry.get("origin") or "no origin given").split(":")[0].strip()
    body = entry.get("response", {}).get("body", {})
    model = body.get("model") if isinstance(body, dict) else None
    return f"recording {root}/ ({origin}; model {model or 'not named'})"


def default_cache_dir() -> Path:
    import platformdirs

    return Path(os.environ.get("SUMMARIZER_CACHE_DIR") or platformdirs.user_cache_dir("summarizer"))


def atomic_write(path: Path, text: str) -> None:
    """Write a whole file or nothing: readers (another run, a crash restart) see the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:12]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def cache_key(endpoint: str, path: str, body: Any, prompt_version: str | None) -> str:
    material = {
        "endpoint": endpoint.rstrip("/"),
        "path": path,
        "prompt_version": prompt_version,
        "body": body,
    }
    canonical = json.dumps(material, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class Counters:
    hits: int = 0
    misses: int = 0
    stored: int = 0
    corrupt: int = 0
    prompt_tokens: int = 0  # over every answered request, re-asks and failed answers included
    completion_tokens: int = 0


class ResponseCache:
    """A directory of response entries, plus read-only directories of recorded responses.

    ``recordings`` are consulted after the cache itself: they hold responses checked into a repository
    (the seeds' hand-written answers, fixtures) and are never written.
    """

    def __init__(self, directory: Optional[Path], mode: CacheMode = CacheMode.read_write, recordings=()):
        self.directory = Path(directory) if directory else None
        self.mode = mode
        self.recordings = [Path(r) for r in recordings]
        self.counters: dict[str, Counters] = defaultdict(Counters)
        #: article -> where its last answer came from ("cache", "recording ...", "model ... at ..."), so every
        #: output can say where each answer came from
        self.answered_by: dict[str, str] = {}
        #: article -> keys of the entries in ``directory`` its answers came from or went to in this run
        self.used: dict[str, list[str]] = defaultdict(list)
        self._lock = threading.Lock()

    def _path(self, root: Path, key: str) -> Path:
        return root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Optional[dict]:
        if self.mode in (CacheMode.off, CacheMode.refresh):
            return None
        roots = ([self.directory] if self.directory else []) + self.recordings
        for root in roots:
            path = self._path(root, key)
            try:
                raw = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.warning("cache entry %s unreadable (%s): treated as a miss", path, exc.strerror)
                continue
            try:
                entry = json.loads(raw)
                if entry.get("key") != key or not isinstance(entry.get("response", {}).get("body"), dict):
                    raise ValueError("not a response entry for this key")
            except (ValueError, AttributeError) as exc:
                with self._lock:
                    self.counters["*"].corrupt += 1
                log.warning("cache entry %s is corrupt (%s): treated as a miss", path, exc)
                continue
            entry["_root"] = root  # where it was found: the run reports each answer's origin
            return entry
        return None

    def put(self, key: str, entry: dict) -> None:
        if self.mode is CacheMode.off or self.directory is None:
            return
        # one line: with ``indent`` the json module falls back to its pure-Python encoder, ten times slower
        atomic_write(self._path(self.directory, key), json.dumps(entry, ensure_ascii=False) + "\n")

    def quarantine(self, article: str) -> list[Path]:
        """Move the entries behind an article's failed answer out of the cache, into ``failed/``: kept
        for diagnosis, never replayed, so a rerun asks again instead of repeating the failure.
        Recordings are read-only and stay as they are."""
        if self.directory is None:
            return []
        moved = []
        with self._lock:
            keys = self.used.pop(article, [])
        for key in keys:
            src = self._path(self.directory, key)
            dst = self.directory / "failed" / f"{key}.json"
            try:
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, dst)
                moved.append(dst)
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.warning("could not move failed answer %s aside (%s)", src, exc.strerror)
        return moved

    def count_tokens(self, article: str, response_body: dict) -> None:
        usage = response_body.get("usage") if isinstance(response_body, dict) else None
        if not isinstance(usage, dict):
            return
        with self._lock:
            c = self.counters[article]
            c.prompt_tokens += int(usage.get("prompt_tokens") or 0)
            c.completion_tokens += int(usage.get("completion_tokens") or 0)

    def count(self, article: str, what: str) -> None:
        with self._lock:
            c = self.counters[article]
            setattr(c, what, getattr(c, what) + 1)


@dataclass
class CachingTransport(httpx2.AsyncBaseTransport):
    """An httpx2 transport that answers from the cache and stores what the endpoint answers.

    ``network=False`` makes every miss a ``CacheMiss``: used for ``--replay`` and when no endpoint
    or key is configured, so a missing recording is a clear error instead of a request to nowhere.
    """

    cache: ResponseCache
    endpoint: str
    inner: httpx2.AsyncBaseTransport = field(default_factory=httpx2.AsyncHTTPTransport)
    network: bool = True
    origin: str = ""
    #: when a list, a miss is recorded here (key, article, path, prompt version, body) and not sent
    capture: Optional[list] = None

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.method != "POST" or not request.url.path.endswith("/chat/completions"):
            return await self.inner.handle_async_request(request)
        raw = await request.aread()
        try:
            body = json.loads(raw)
        except ValueError:
            return await self.inner.handle_async_request(request)
        article = request.headers.get(ARTICLE_HEADER, "?")
        version = request.headers.get(PROMPT_VERSION_HEADER)
        path = request.url.path
        base_path = httpx2.URL(self.endpoint).path.rstrip("/")
        if base_path and path.startswith(base_path):
            path = path[len(base_path) :]
        key = cache_key(self.endpoint, path, body, version)

        entry = self.cache.get(key)
        if entry is not None:
            self.cache.count(article, "hits")
            if entry.get("_root") == self.cache.directory:
                self.cache.used[article].append(key)
            self.cache.count_tokens(article, entry["response"]["body"])
            self.cache.answered_by[article] = answer_origin(entry, self.cache.directory)
            log.info("article %r: answer replayed from the %s, nothing sent", article, self.cache.answered_by[article])
            return httpx2.Response(
                200,
                headers={"content-type": "application/json", CACHE_HEADER: "hit"},
                content=json.dumps(repair(body, entry["response"]["body"])).encode(),
                request=request,
                # httpx logs every response as 'HTTP Request: POST <endpoint> "200 OK"'; this marks the
                # replayed ones so the CLI's log filter can drop a line that claims a contact never made
                extensions={"reason_phrase": REPLAYED.encode()},
            )
        self.cache.count(article, "misses")
        if self.capture is not None:
            self.capture.append({"key": key, "article": article, "path": path, "prompt_version": version, "body": body})
            raise Captured(f"article {article!r}: request recorded for a batch")
        if self.cache.mode is CacheMode.replay:
            raise CacheMiss(article, "--replay forbids calling the endpoint")
        if not self.network:
            raise CacheMiss(article, "no endpoint configured: set OPENAI_API_KEY or --base-url")

        response = await self.inner.handle_async_request(request)
        self.cache.answered_by[article] = f"model {body.get('model')} at {self.endpoint.rstrip('/')}"
        if response.status_code != 200:
            return response
        content = await response.aread()
        try:
            response_body = json.loads(content)
        except ValueError:
            raise MalformedResponse(f"article {article!r}: the endpoint sent a cut-off or invalid JSON body") from None
        if not isinstance(response_body, dict) or not response_body.get("choices"):
            raise MalformedResponse(f"article {article!r}: the endpoint sent a completion with no choices")
        self.cache.count_tokens(article, response_body)
        if self.cache.mode is not CacheMode.off:
            # serialising and fsyncing the entry takes milliseconds: off the event loop, where the
            # other requests' answers are waiting to be read
            await asyncio.to_thread(
                self.store, key, {"path": path, "prompt_version": version, "article": article, "body": body},
                response_body, origin=self.origin or f"recorded from {self.endpoint}")
            self.cache.count(article, "stored")
            self.cache.used[article].append(key)
        headers = [
            (k, v)
            for k, v in response.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        fixed = repair(body, response_body)
        return httpx2.Response(
            response.status_code,
            headers=headers,
            content=content if fixed is response_body else json.dumps(fixed).encode(),
            request=request,
        )

    def store(self, key: str, request: dict, response_body: dict, origin: str) -> None:
        """Store a response under ``key``: one the endpoint just sent, or one obtained elsewhere (a batch
        result) for the key an interactive run computes."""
        self.cache.put(key, {
            "key": key,
            "origin": origin,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "request": {"endpoint": self.endpoint.rstrip("/"), **request},
            "response": {"status": 200, "body": response_body},
        })

    async def aclose(self) -> None:
        await self.inner.aclose()
