"""The run-wide rate governor: a 429 pauses every request, not only the retried one, and the rate-limit
headers pause before the server refuses (a 429 and a 500 retried: test_pipeline.py)."""

import time

from summarizer import summarize
from tests.openai_server import Fault
from tests.test_reliability import FAST, GOOD, art


def test_a_429_pauses_every_request_not_only_the_retried_one(server, options):
    import threading
    lock, arrivals = threading.Lock(), []

    def timed(body):
        with lock:
            arrivals.append(time.monotonic())
        return GOOD

    server.set_answer("Article", timed)
    server.queue(Fault.status(429, retry_after=0.6))
    t0 = time.monotonic()
    s = summarize([art(i) for i in range(12)], options(config={**FAST, "concurrency": 4, "max_wait": 2.0}))
    assert not s.failures and s.run.rate_limited == 1 and s.run.lowest_concurrency == 2
    # up to 3 requests were already in flight when the 429 came back; nothing new started until
    # Retry-After had passed, although 8 articles were waiting and 4 slots existed
    later = sorted(arrivals)[3:]
    assert len(later) >= 9 and min(later) - t0 >= 0.55
    assert s.run.paused_seconds >= 0.55


def test_ratelimit_headers_pause_before_the_server_refuses(server, options):
    server.set_answer("Article", GOOD)
    server.queue(Fault.status(429, headers={"x-ratelimit-remaining-requests": "0",
                                            "x-ratelimit-reset-requests": "400ms"}))
    t0 = time.monotonic()
    s = summarize([art(1), art(2)], options(config={**FAST, "concurrency": 2, "max_wait": 2.0}))
    assert not s.failures and time.monotonic() - t0 >= 0.4 and s.run.paused_seconds >= 0.35
