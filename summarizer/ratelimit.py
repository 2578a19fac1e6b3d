"""Respecting an endpoint's rate limits without being told them.

Retrying a 429 on its own is not enough: the other requests in flight keep hitting the same limit.
The governor is shared by every request of a run (it sits under the cache, so replays never wait):

* on a 429 it halves the number of requests allowed in flight and pauses *all* new requests for the
  server's ``Retry-After`` (or one second when it gives none);
* ``x-ratelimit-remaining-requests: 0`` (or tokens) pauses new requests until the matching
  ``x-ratelimit-reset-*`` time, before the server has to refuse anything;
* every success gives back a fraction of a slot, so the run speeds up again (additive increase,
  multiplicative decrease, as TCP does).
"""

from __future__ import annotations

import asyncio
import email.utils
import re
import time
from dataclasses import dataclass, field

import httpx2

_DURATION = re.compile(r"(?:(?P<h>\d+(?:\.\d+)?)h)?(?:(?P<m>\d+(?:\.\d+)?)m(?!s))?(?:(?P<s>\d+(?:\.\d+)?)s)?(?:(?P<ms>\d+(?:\.\d+)?)ms)?$")


def parse_duration(value: str | None) -> float | None:
    """OpenAI's reset format ('1s', '6m0s', '20ms', '1h2m3.5s') or plain seconds, as seconds."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    m = _DURATION.match(value)
    if not m or not any(m.groupdict().values()):
        return None
    g = {k: float(v) if v else 0.0 for k, v in m.groupdict().items()}
    return g["h"] * 3600 + g["m"] * 60 + g["s"] + g["ms"] / 1000


@dataclass
class RateGovernor:
    """Requests in flight and pauses for one run (one event loop)."""

    max_in_flight: int
    max_pause: float = 60.0
    limit: float = field(init=False)
    in_flight: int = field(default=0, init=False)
    resume_at: float = field(default=0.0, init=False)
    throttled: int = field(default=0, init=False)  # 429s seen
    paused_seconds: float = field(default=0.0, init=False)
    lowest_limit: int = field(init=False)

    def __post_init__(self) -> None:
        self.limit = float(self.max_in_flight)
        self.lowest_limit = self.max_in_flight
        self._cond: asyncio.Condition | None = None

    @property
    def cond(self) -> asyncio.Condition:
        if self._cond is None:
            self._cond = asyncio.Condition()
        return self._cond

    async def acquire(self) -> None:
        async with self.cond:
            while True:
                wait = self.resume_at - time.monotonic()
                if wait > 0:
                    try:
                        await asyncio.wait_for(self.cond.wait(), timeout=wait)
                    except asyncio.TimeoutError:
                        pass
                    continue
                if self.in_flight < max(1, int(self.limit)):
                    self.in_flight += 1
                    return
                await self.cond.wait()

    async def release(self, response: httpx2.Response | None) -> None:
        async with self.cond:
            self.in_flight -= 1
            now = time.monotonic()
            if response is not None:
                pause = None
                if response.status_code == 429:
                    self.throttled += 1
                    self.limit = max(1.0, self.limit / 2)
                    self.lowest_limit = min(self.lowest_limit, int(self.limit))
                    pause = retry_after_seconds(response.headers)
                    if pause is None:
                        pause = _reset_after(response.headers)
                    if pause is None:
                        pause = 1.0
                elif response.status_code < 400:
                    self.limit = min(float(self.max_in_flight), self.limit + 1.0 / max(self.limit, 1.0))
                    pause = _reset_after(response.headers, only_when_exhausted=True)
                if pause:
                    pause = min(pause, self.max_pause)
                    if now + pause > self.resume_at:
                        self.paused_seconds += now + pause - max(self.resume_at, now)
                        self.resume_at = now + pause
            self.cond.notify_all()


def retry_after_seconds(headers) -> float | None:
    """Seconds a response asks the client to wait: retry-after-ms, or Retry-After as seconds, as a
    duration ('1s') or as an HTTP date. None when it does not say."""
    if headers.get("retry-after-ms"):
        try:
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    seconds = parse_duration(value)
    if seconds is not None or not value:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time()) if when else None


def _reset_after(headers, only_when_exhausted: bool = False) -> float | None:
    waits = []
    for kind in ("requests", "tokens"):
        remaining = headers.get(f"x-ratelimit-remaining-{kind}")
        if only_when_exhausted and (remaining is None or remaining.strip() not in ("0", "0.0")):
            continue
        reset = parse_duration(headers.get(f"x-ratelimit-reset-{kind}"))
        if reset is not None:
            waits.append(reset)
    return max(waits) if waits else None


class GovernedTransport(httpx2.AsyncBaseTransport):
    """Every request to the endpoint waits for the governor; every response informs it."""

    def __init__(self, inner: httpx2.AsyncBaseTransport, governor: RateGovernor):
        self.inner = inner
        self.governor = governor

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        await self.governor.acquire()
        response = None
        try:
            response = await self.inner.handle_async_request(request)
            return response
        finally:
            await self.governor.release(response)

    async def aclose(self) -> None:
        await self.inner.aclose()
