"""The process-wide speed measures, in one place. Each can be switched off for a run, to measure it or to
rule it out: ``SUMMARIZER_SPEEDUPS_OFF=gc_freeze,one_write`` (or ``all``); ``benchmarks/throughput.py
--only measures`` prints a run with each on and off.

* ``instructor_memo``: instructor's async-validator check remembered per response type.
* ``one_write``: each request's head sent together with its body.
* ``gc_freeze``: everything alive before a run set aside from the garbage collector while it lasts.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager

import httpcore2

MEASURES = ("instructor_memo", "one_write", "gc_freeze")


def enabled(name: str) -> bool:
    off = {w.strip() for w in os.environ.get("SUMMARIZER_SPEEDUPS_OFF", "").split(",") if w.strip()}
    return not ({name, "all"} & off)


def remember_async_validator_checks() -> None:
    """Install the ``instructor_memo`` measure (once per process), unless it is switched off."""
    if enabled("instructor_memo"):
        _memo_async_validator_checks()


def _memo_async_validator_checks() -> None:
    """instructor checks that a response model has no async validators by walking its whole type tree,
    about six times per request (~0.9 ms together, a sixth of the client's CPU per article). The answer
    depends only on the type, so it is remembered per type: a model that passed once passes again, and
    one that failed is walked (and fails) every time. Skipped quietly if instructor moves the function.
    """
    try:
        import instructor.v2.core.patch as patch_module
        import instructor.v2.validation.async_validators as module
    except ImportError:
        return
    check = getattr(module, "reject_async_validators", None)
    if check is None or getattr(check, "remembers", False):
        return
    passed: set[int] = set()
    keep: list = []  # the types themselves, so an id is never reused while remembered

    def remembered(response_model) -> None:
        if id(response_model) in passed:
            return
        check(response_model)
        if isinstance(response_model, type) and len(keep) < 64:  # classes only, and a bounded few
            passed.add(id(response_model))
            keep.append(response_model)

    remembered.remembers = True  # type: ignore[attr-defined]
    module.reject_async_validators = remembered
    if getattr(patch_module, "reject_async_validators", None) is check:
        patch_module.reject_async_validators = remembered


@contextmanager
def gc_frozen():
    """Everything alive before the run (imported modules, the caller's data: about a million objects with
    openai and instructor loaded) is set aside from the garbage collector while the run lasts: each
    full collection would otherwise walk it all again, about 0.1 s each, stalling every request in flight."""
    if not enabled("gc_freeze"):
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def one_write_requests(transport):
    """httpx's transport with its connections sending each request in one write (``OneWriteRequests``).
    httpx takes no network backend, so it goes into the connection pool httpx made; if a later httpx
    keeps its pool elsewhere, the transport is used as it comes."""
    pool = getattr(transport, "_pool", None)
    if enabled("one_write") and isinstance(pool, httpcore2.AsyncConnectionPool) and isinstance(
            getattr(pool, "_network_backend", None), httpcore2.AsyncNetworkBackend):
        pool._network_backend = OneWriteBackend(pool._network_backend)
    return transport


class OneWriteRequests(httpcore2.AsyncNetworkStream):
    """Sends a request's head together with its body.

    httpcore writes the head and the body separately, and anyio yields to the event loop after each
    write. Under load that yield waits behind every other ready task (answers being parsed and
    verified, a few milliseconds each), and the server cannot start on the request until the body
    arrives: at C=32 that held each request back by a few milliseconds more, on every round trip. A
    head announcing a Content-Length is kept and written with the body, or before the next read at the
    latest, so nothing is ever left unsent while we wait for an answer. The bytes are unchanged.
    """

    def __init__(self, stream: httpcore2.AsyncNetworkStream) -> None:
        self._stream = stream
        self._held = b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if self._held:
            buffer, self._held = self._held + buffer, b""
        elif len(buffer) < 65536 and buffer.endswith(b"\r\n\r\n") and b"\r\ncontent-length:" in buffer.lower():
            self._held = buffer
            return
        await self._stream.write(buffer, timeout=timeout)

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        if self._held:
            held, self._held = self._held, b""
            await self._stream.write(held, timeout=timeout)
        return await self._stream.read(max_bytes, timeout=timeout)

    async def aclose(self) -> None:
        self._held = b""
        await self._stream.aclose()

    async def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore2.AsyncNetworkStream:
        return OneWriteRequests(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class OneWriteBackend(httpcore2.AsyncNetworkBackend):
    def __init__(self, backend: httpcore2.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(self, *args, **kwargs) -> httpcore2.AsyncNetworkStream:
        return OneWriteRequests(await self._backend.connect_tcp(*args, **kwargs))

    async def connect_unix_socket(self, *args, **kwargs) -> httpcore2.AsyncNetworkStream:
        return OneWriteRequests(await self._backend.connect_unix_socket(*args, **kwargs))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)
