"""Throughput: a concurrency sweep against a slow local server, replay from the cache, memory over
input streams, and where the prompt tokens go.

    python benchmarks/throughput.py            # full run, a few minutes
    python benchmarks/throughput.py --quick    # smaller: N=100, L=0.2 s, streams of 1k and 10k

1. Concurrency sweep. The local OpenAI-compatible server (tests/openai_server.py) waits L seconds
   before every answer. N articles go through ``summarize`` at concurrency C, with a fresh read-write
   cache, as a default run would. A perfect client would take ceil(N/C)*L. C=1 runs fewer articles
   in the full run (N=500 at 0.5 s would take 250 s). The baseline is a plain sequential loop of
   ``instructor`` calls with the same prompt; it runs 20 articles and is extrapolated linearly.
2. Replay. 1,000 articles are answered once by the server (latency 0) into a temporary cache, then
   summarised again with ``CacheMode.replay`` and the server stopped: ingest, cache, parsing,
   validation, verification and merge, end to end. Target: under 10 s. When it misses, cProfile
   shows where the time goes.
3. Input streams. JSONL files of 1k, 10k and 100k articles go through the offline rules extractor,
   each in a fresh process. RSS is sampled as results arrive, when the merge starts, and at the end.
4. Tokens. Per-article prompt and completion tokens from a run against the server, and the fixed
   prompt overhead, measured by sending an empty article.

Every measured run is a child process: the server stays in this process (so it does not compete
with the client for the GIL) and each child's peak RSS (getrusage ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.samples import ANSWER, MARKER, article_text  # noqa: E402

API_KEY = "bench-key"
MODEL = "gpt-4o-mini"
REPLAY_TARGET_S = 10.0
STREAM_BUDGET_S = 180.0  # above this (predicted) for the largest stream, fall back to 50k
CHILD_TIMEOUT_S = 900


def quiet() -> None:
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")


def peak_mib() -> float:
    """Peak RSS of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def load() -> str:
    try:
        return "%.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        return "n/a"


def cpu_seconds() -> float:
    """User + system CPU time of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_mib() -> float | None:
    """Current RSS (Linux only; None elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


# --------------------------------------------------------------------------------- child jobs


def job_pipeline(spec: dict) -> dict:
    """One ``summarize`` run; returns timings, RSS samples and counts."""
    import summarizer.pipeline as pipeline
    from summarizer import summarize
    from summarizer.cache import CacheMode
    from summarizer.extract import ModelConfig
    from summarizer.models import Article
    from summarizer.pipeline import RunOptions

    n = spec["n"]
    config = ModelConfig(base_url=spec.get("base_url"), api_key=API_KEY if spec.get("base_url") else None,
                         model=MODEL, concurrency=spec.get("concurrency", 8), timeout=60)
    mode = CacheMode(spec.get("cache_mode", "off"))
    options = RunOptions(config=config, cache_dir=Path(spec["cache_dir"]) if spec.get("cache_dir") else None,
                         cache_mode=mode, recordings=[], extractor=spec.get("extractor", "llm"))
    if spec.get("jsonl"):
        inputs: object = [spec["jsonl"]]
    else:
        def generate():
            for i in range(n):
                yield Article(id=f"a{i}", source=f"bench:{i}", text=article_text(i))
            if spec.get("empty"):
                yield Article(id="empty", source="bench:empty", text="")
        inputs = generate()

    marks: dict = {"start_rss": rss_mib(), "start_peak": peak_mib(), "samples": []}
    checkpoints = {max(1, n // 10), max(1, n // 2), n}
    done = 0

    def on_result(result) -> None:
        nonlocal done
        done += 1
        if done == 1:
            marks["result_json_bytes"] = len(result.model_dump_json())
        if done in checkpoints:
            marks["samples"].append((done, rss_mib(), peak_mib()))

    real_merge = pipeline.merge

    def timed_merge(results):  # the merge the pipeline calls, timed and with RSS taken as it starts
        marks["pre_merge_rss"], marks["pre_merge_peak"] = rss_mib(), peak_mib()
        t = time.perf_counter()
        out = real_merge(results)
        marks["merge_s"] = time.perf_counter() - t
        return out

    pipeline.merge = timed_merge
    real_make_client = pipeline.make_client

    def timed_make_client(*a, **kw):  # the client's one-off setup (openai and instructor import lazily)
        t = time.perf_counter()
        out = real_make_client(*a, **kw)
        marks["setup_s"] = time.perf_counter() - t
        return out

    pipeline.make_client = timed_make_client
    profiler = None
    if spec.get("profile"):
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    summary = summarize(inputs, options, on_result=on_result)
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
    if profiler:
        profiler.disable()
    out = {
        "wall": wall,
        "cpu": cpu,
        "ok": sum(1 for a in summary.articles if a.ok),
        "failed": len(summary.failures),
        "first_failure": summary.failures[0].error if summary.failures else None,
        "claims": len(summary.claims),
        "requests": summary.usage.requests,
        "cached_requests": summary.usage.cached_requests,
        "peak": peak_mib(),
        "end_rss": rss_mib(),
        **marks,
    }
    if spec.get("per_article"):
        out["per_article"] = [
            (a.article_id, 0 if a.article_id == "empty" else len(article_text(int(a.article_id[1:])).encode()),
             a.usage.prompt_tokens, a.usage.completion_tokens)
            for a in summary.articles
        ]
    if profiler:
        import io
        import pstats

        buf = io.StringIO()
        stats = pstats.Stats(profiler, stream=buf)
        buf.write("by own time:\n")
        stats.sort_stats("tottime").print_stats(12)
        buf.write("by cumulative time, the calls under one article (instructor, openai, summarizer):\n")
        stats.sort_stats("cumulative").print_stats(r"instructor/v2/core/(patch|retry)|instructor/v2/providers/openai/"
                                                   r"(handlers|schema)|pydantic/main.py.*json_schema|"
                                                   r"async_validators.*reject|completions.py.*create|"
                                                   r"summarizer/(pipeline|extract|cache|verify|merge|inventory|ingest)",
                                                   20)
        text = buf.getvalue()
        for prefix in sorted({p for p in sys.path if p} | {str(ROOT)}, key=len, reverse=True):
            text = text.replace(prefix.rstrip("/") + "/", "")
        keep = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith(("Ordered by", "List reduced"))]
        out["profile"] = "\n".join(keep)
    return out


def job_baseline(spec: dict) -> dict:
    """A plain sequential loop of instructor calls: no cache, no pool, no verification."""
    import instructor
    import openai

    from summarizer import prompts
    from summarizer.models import ArticleExtraction

    client = instructor.from_openai(openai.OpenAI(base_url=spec["base_url"], api_key=API_KEY))
    t0 = time.perf_counter()
    for i in range(spec["n"]):
        messages, _ = prompts.extraction_messages(article_text(i), None, None)
        result = client.chat.completions.create(model=MODEL, response_model=ArticleExtraction,
                                                messages=messages, temperature=0.0)
        assert result.claims, "the baseline got an empty answer"
    return {"wall": time.perf_counter() - t0, "peak": peak_mib()}


def child_main(spec: dict) -> None:
    quiet()
    job = {"pipeline": job_pipeline, "baseline": job_baseline}[spec["job"]]
    print(json.dumps(job(spec)))


def run_child(spec: dict, timeout: float = CHILD_TIMEOUT_S, env: Optional[dict] = None) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT, env={**os.environ, **(env or {})})
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"child run failed ({spec['job']}, exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------- sections


def sweep(args, work: Path) -> None:
    from tests.openai_server import FakeOpenAI

    n, latency = (100, 0.2) if args.quick else (500, 0.5)
    n_c1 = n if args.quick else 40
    print(f"1. concurrency sweep: N={n} articles, server latency L={latency:g} s per request")
    print("   summarize() with a fresh read-write cache per run (every request a miss, every answer stored)")
    if n_c1 != n:
        print(f"   C=1 runs N={n_c1} only (N={n} would take {n * latency:.0f} s); its ideal is for N={n_c1}")
    print("   CPU s = user+sys time of the client process during the run (the server runs in another process);")
    print("   setup s = the client's one-off setup inside summarize() (make_client), included in wall s")
    print(f"   {'C':>3} {'N':>5} {'wall s':>8} {'ideal s':>8} {'wall/ideal':>10} {'req/s':>7} {'CPU s':>6} "
          f"{'setup s':>7} {'RSS start MiB':>14} {'peak MiB':>9}")

    def row(c: int, count: int, r: dict, note: str = "") -> None:
        ideal = math.ceil(count / c) * latency
        print(f"   {c:>3} {count:>5} {r['wall']:>8.2f} {ideal:>8.2f} {r['wall'] / ideal:>10.3f} "
              f"{count / r['wall']:>7.1f} {r['cpu']:>6.2f} {r['setup_s']:>7.2f} {r['start_rss'] or 0:>14.0f} "
              f"{r['peak']:>9.0f}{note}")

    with FakeOpenAI(latency=latency) as srv:
        srv.set_answer(MARKER, ANSWER)
        for c in (1, 8, 32, 64):
            count = n_c1 if c == 1 else n
            cache = work / f"sweep-c{c}"
            r = run_child({"job": "pipeline", "n": count, "base_url": srv.base_url, "concurrency": c,
                           "cache_dir": str(cache), "cache_mode": "read-write", "extractor": "llm"})
            if r["failed"] or r["ok"] != count:
                raise SystemExit(f"C={c}: {r['failed']} failed ({r['first_failure']})")
            row(c, count, r)
            if c == 32:
                over32 = r["wall"] / (math.ceil(count / c) * latency) - 1
        # the same C=32 run without the cache: how much of the gap the cache writes (fsync each) are
        r = run_child({"job": "pipeline", "n": n, "base_url": srv.base_url, "concurrency": 32,
                       "cache_mode": "off", "extractor": "llm"})
        row(32, n, r, "   <- same, cache off")
        print(f"   C=32: wall is {over32:.1%} over the ideal (within 5%: {'yes' if over32 <= 0.05 else 'no'})")
        base_n = 20
        b = run_child({"job": "baseline", "n": base_n, "base_url": srv.base_url})
    per = b["wall"] / base_n
    print(f"   baseline, sequential instructor loop (no cache, no verify, no merge): {base_n} articles in "
          f"{b['wall']:.2f} s = {per:.3f} s each ({per - latency:+.3f} s over L);")
    print(f"   extrapolated linearly to N={n}: {per * n:.1f} s, {1 / per:.2f} req/s, peak {b['peak']:.0f} MiB")
    print()


def replay(args, work: Path) -> None:
    from tests.openai_server import FakeOpenAI

    n = 1000
    cache = work / "replay-cache"
    print(f"2. replay: {n} articles, every response already in the cache, no server")
    with FakeOpenAI(latency=0.0) as srv:
        srv.set_answer(MARKER, ANSWER)
        base_url = srv.base_url
        fill = run_child({"job": "pipeline", "n": n, "base_url": base_url, "concurrency": 32,
                          "cache_dir": str(cache), "cache_mode": "read-write", "extractor": "llm"})
        sent = len(srv.chat_requests)
    if fill["failed"]:
        raise SystemExit(f"filling the cache failed: {fill['first_failure']}")
    print(f"   fill (server latency 0, C=32): {fill['wall']:.2f} s, {sent} requests, "
          f"{sum(1 for _ in cache.rglob('*.json'))} cache entries")
    # the server is stopped now: a miss would be a failure ("--replay forbids calling the endpoint")
    spec = {"job": "pipeline", "n": n, "base_url": base_url, "concurrency": 32, "cache_dir": str(cache),
            "cache_mode": "replay", "extractor": "llm"}
    r = run_child(spec)
    if r["failed"] or r["cached_requests"] != n:
        raise SystemExit(f"replay: {r['failed']} failed, {r['cached_requests']} cached ({r['first_failure']})")
    met = r["wall"] < REPLAY_TARGET_S
    print(f"   replay end to end: {r['wall']:.2f} s ({n / r['wall']:.0f} articles/s), "
          f"{r['cached_requests']}/{n} from the cache, 0 failed, client CPU {r['cpu']:.2f} s")
    print(f"     of which merge {r['merge_s']:.2f} s, the rest (ingest, cache read, parse, validate, verify) "
          f"{r['wall'] - r['merge_s']:.2f} s; peak {r['peak']:.0f} MiB")
    print(f"   target < {REPLAY_TARGET_S:.0f} s: {'met' if met else 'MISSED'}")
    if not met or args.profile:
        p = run_child({**spec, "profile": True})
        print(f"   cProfile of the replay ({p['wall']:.2f} s under the profiler):")
        for line in p["profile"].splitlines():
            if line.strip():
                print("     " + line[:150])
    print()


def measures(args, work: Path) -> None:
    """Each process-wide speed measure (summarizer/speedups.py) switched off in turn, beside all on, in
    the same run: the replay (client CPU bound) and one point of the sweep (C=32, network bound)."""
    from summarizer.speedups import MEASURES
    from tests.openai_server import FakeOpenAI

    n, sweep_n, latency = (300, 100, 0.2) if args.quick else (1000, 500, 0.5)
    cache = work / "measures-cache"
    print(f"5. speed measures: replay of {n} cached articles, and C=32 with N={sweep_n} at L={latency:g} s; "
          "each measure off in turn (SUMMARIZER_SPEEDUPS_OFF)")
    with FakeOpenAI(latency=0.0) as srv:
        srv.set_answer(MARKER, ANSWER)
        run_child({"job": "pipeline", "n": n, "base_url": srv.base_url, "concurrency": 32, "cache_dir": str(cache),
                   "cache_mode": "read-write", "extractor": "llm"})
        replay_url = srv.base_url
    print(f"   {'off':<16} {'replay s':>9} {'ratio':>6} {'C=32 s':>8} {'ratio':>6}")
    base = None
    with FakeOpenAI(latency=latency) as srv:
        srv.set_answer(MARKER, ANSWER)
        for off in ("(none)", *MEASURES):
            env = {"SUMMARIZER_SPEEDUPS_OFF": "" if off == "(none)" else off}
            r = run_child({"job": "pipeline", "n": n, "base_url": replay_url, "concurrency": 32, "cache_dir": str(cache),
                           "cache_mode": "replay", "extractor": "llm"}, env=env)
            w = run_child({"job": "pipeline", "n": sweep_n, "base_url": srv.base_url, "concurrency": 32,
                           "cache_dir": str(work / f"measures-{off}"), "cache_mode": "read-write", "extractor": "llm"},
                          env=env)
            base = base or (r["wall"], w["wall"])
            print(f"   {off:<16} {r['wall']:>9.2f} {r['wall'] / base[0]:>6.2f} {w['wall']:>8.2f} {w['wall'] / base[1]:>6.2f}")
    print()


def write_jsonl(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"s{i}", "text": article_text(i)}) + "\n")


def streams(args, work: Path) -> None:
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    print("3. input streams: JSONL through summarize(extractor='rules'), fresh process per size")
    print("   RSS sampled when 10%, 50% and 100% of the results are in, when the merge starts, and at the end")
    head = (f"   {'articles':>8} {'file MiB':>8} {'wall s':>7} {'merge s':>7} {'art/s':>6} {'start':>6} "
            f"{'@10%':>6} {'@50%':>6} {'@100%':>6} {'merge0':>6} {'peak':>6} {'KiB/art':>8} {'claims':>6}")
    legend = ("   RSS in MiB; merge0 = RSS as the merge starts; KiB/art = RSS added per article between the "
              "50% and 100% samples;\n   claims = merged claims in the summary")
    rows = []
    printed_head = False
    for k, n in enumerate(sizes):
        if k == len(sizes) - 1 and n == 100_000 and len(rows) >= 2:
            a, b = rows[-2], rows[-1]
            exponent = math.log(b["wall"] / a["wall"]) / math.log(b["n"] / a["n"])
            predicted = b["wall"] * (n / b["n"]) ** max(1.0, exponent)
            if predicted > STREAM_BUDGET_S:
                print(f"   (100k predicted at {predicted:.0f} s from the smaller sizes, over the "
                      f"{STREAM_BUDGET_S:.0f} s budget: running 50k instead)")
                n = 50_000
        path = work / f"stream-{n}.jsonl"
        write_jsonl(path, n)
        r = run_child({"job": "pipeline", "n": n, "jsonl": str(path), "extractor": "rules", "cache_mode": "off"})
        path.unlink()
        if r["failed"] or r["ok"] != n:
            raise SystemExit(f"stream {n}: {r['failed']} failed ({r['first_failure']})")
        r["n"] = n
        r["file_mib"] = sum(len(json.dumps({"id": f"s{i}", "text": article_text(i)})) + 1 for i in range(n)) / 2**20
        rows.append(r)
        if not printed_head:
            print(legend)
            print(head)
            printed_head = True
        s = {d: rss for d, rss, _ in r["samples"]}
        at = [s.get(max(1, n // 10)), s.get(max(1, n // 2)), s.get(n)]
        per = (at[2] - at[1]) * 1024 / (n - n // 2)
        print(f"   {n:>8} {r['file_mib']:>8.1f} {r['wall']:>7.2f} {r['merge_s']:>7.2f} {n / r['wall']:>6.0f} "
              f"{r['start_rss']:>6.0f} {at[0]:>6.0f} {at[1]:>6.0f} {at[2]:>6.0f} {r['pre_merge_rss']:>6.0f} "
              f"{r['peak']:>6.0f} {per:>8.2f} {r['claims']:>6}")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        grow = (b["pre_merge_rss"] - b["start_rss"]) / max(1e-9, a["pre_merge_rss"] - a["start_rss"])
        print(f"   {b['n'] // a['n']}x the articles: {b['wall'] / a['wall']:.1f}x the time, "
              f"{b['merge_s'] / max(1e-9, a['merge_s']):.1f}x the merge time, "
              f"{grow:.1f}x the RSS growth before the merge")
        print(f"   one ArticleResult is {b['result_json_bytes']} bytes as JSON; beyond the first 1,000, finished results "
              "wait in a temporary file until the merge (the pipeline keeps a digest per text and three integers per "
              "result in memory)")
    print()


def tokens(args, work: Path) -> None:
    from tests.openai_server import FakeOpenAI

    n = 5
    print("4. tokens: one run against the server, 5 articles and one empty article")
    print("   the server estimates prompt_tokens = bytes of the whole JSON request body // 4 and")
    print("   completion_tokens = bytes of the answer // 4: not a real tokenizer")
    with FakeOpenAI(latency=0.0) as srv:
        srv.set_answer(MARKER, ANSWER)
        r = run_child({"job": "pipeline", "n": n, "empty": True, "base_url": srv.base_url, "concurrency": 4,
                       "cache_dir": str(work / "token-cache"), "cache_mode": "read-write", "extractor": "llm",
                       "per_article": True})
        bodies = {q.headers.get("x-summarizer-article"): q for q in srv.chat_requests}
    print(f"   {'article':>8} {'text bytes':>10} {'prompt':>7} {'completion':>10} {'prompt - overhead':>17}")
    overhead = next(p for aid, _, p, _ in r["per_article"] if aid == "empty")
    for aid, size, p, c in r["per_article"]:
        print(f"   {aid:>8} {size:>10} {p:>7} {c:>10} {p - overhead:>17}")
    req = bodies["empty"]
    raw, body = req.raw_body, req.body
    system = body["messages"][0]["content"].encode()
    user = body["messages"][1]["content"].encode()

    def in_body(obj) -> int:  # bytes of obj as serialized inside the raw request body
        for ascii_only in (False, True):
            s = json.dumps(obj, separators=(",", ":"), ensure_ascii=ascii_only).encode()
            if s in raw:
                return len(s)
        return len(json.dumps(obj, separators=(",", ":")).encode())

    schema = in_body(body.get("tools") or body.get("response_format") or {})
    choice = in_body(body["tool_choice"]) if "tool_choice" in body else 0
    messages = in_body(body["messages"])
    print(f"   prompt overhead per article (the empty article's prompt_tokens): {overhead} tokens "
          f"= {len(raw)} body bytes // 4")
    print(f"     instructions: system message {len(system)} B + user template with no article {len(user)} B "
          f"= {len(system) + len(user)} B ({messages} B as JSON messages)")
    print(f"     JSON schema (tools, as sent): {schema} B; tool_choice {choice} B; "
          f"rest of the body (model, temperature, keys) {len(raw) - schema - choice - messages} B")
    full = [p for aid, _, p, _ in r["per_article"] if aid != "empty"]
    print(f"   a {len(article_text(0).encode())}-byte article costs {sum(full) / len(full):.0f} prompt tokens: "
          f"{overhead / (sum(full) / len(full)):.1%} of it is the fixed overhead "
          f"(schema {schema / len(raw):.0%}, instructions {messages / len(raw):.0%} of the body)")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="N=100, L=0.2 s, streams of 1k and 10k")
    ap.add_argument("--only", default="sweep,replay,streams,tokens,measures", help="comma-separated sections to run")
    ap.add_argument("--profile", action="store_true", help="profile the replay even when it meets the target")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child_main(json.loads(args.child))
        return
    quiet()
    print(f"throughput benchmark ({'quick' if args.quick else 'full'}), python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, load average {load()}")
    print()
    sections = {"sweep": sweep, "replay": replay, "streams": streams, "tokens": tokens, "measures": measures}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="summarizer-throughput-") as tmp:
        for name in args.only.split(","):
            sections[name.strip()](args, Path(tmp))
    print(f"total {time.perf_counter() - t0:.0f} s, load average now {load()} (other work on the machine skews "
          "wall times)")


if __name__ == "__main__":
    main()
