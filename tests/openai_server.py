"""A real, local, OpenAI-compatible HTTP server for tests (stdlib only).

It speaks enough of the OpenAI REST API for the ``openai`` Python client (and
``instructor`` on top of it) to work unmodified against it: point
``base_url`` at :attr:`FakeOpenAI.base_url` and use any ``api_key``.

Usage::

    from tests.openai_server import FakeOpenAI, Fault

    with FakeOpenAI() as srv:
        srv.set_answer("ARTICLE-7", {"actors": [...], "claims": [], "denials": [], "events": []})
        srv.queue(Fault.status(429, retry_after=0.1), Fault.reset())
        client = openai.OpenAI(base_url=srv.base_url, api_key="test-key")
        ...
        assert srv.faults_injected == 2
        assert srv.chat_requests[0].headers["authorization"] == "Bearer test-key"

Endpoints:

* ``POST /v1/chat/completions`` -- answers as described in :class:`FakeOpenAI`.
  With ``tools`` in the request the answer is returned as a tool call (what
  ``instructor.Mode.TOOLS`` parses); otherwise it is the message ``content``
  (``Mode.JSON`` / ``Mode.JSON_SCHEMA`` / ``Mode.MD_JSON`` / plain). With
  ``"stream": true`` the same answer is sent as server-sent events.
* ``GET /v1/models`` and ``GET /v1/models/{id}``.
* anything else -> 404 with an OpenAI-style error body.
"""

from __future__ import annotations

import gzip
import json
import random
import socket
import struct
import threading
import time
import traceback
import zlib
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import TCPServer
from typing import Any, Callable, Optional, Union

__all__ = ["FakeOpenAI", "Fault", "RecordedRequest", "EMPTY_EXTRACTION"]

Answer = Union[dict, list, str]
AnswerSource = Union[Answer, Callable[[dict], Answer]]

EMPTY_EXTRACTION: dict = {"actors": [], "claims": [], "denials": [], "events": []}
SYSTEM_FINGERPRINT = "fake-openai-server"
WRONG_TOOL_NAME = "not_the_requested_tool"
SCHEMA_BREAKING_ANSWER: dict = {"actors": "not a list"}
RANDOM_RETRY_AFTER = 0.05
MODELS = ("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1", "o4-mini")

_REASONS = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "unsupported_country_region_territory"),
    404: ("invalid_request_error", "unknown_url"),
    408: ("timeout", "request_timeout"),
    409: ("invalid_request_error", "conflict"),
    422: ("invalid_request_error", None),
    429: ("requests", "rate_limit_exceeded"),
    500: ("server_error", None),
    502: ("server_error", "bad_gateway"),
    503: ("server_error", "service_unavailable"),
    504: ("server_error", "gateway_timeout"),
}


# --------------------------------------------------------------------------- faults


@dataclass(frozen=True)
class Fault:
    """One injected misbehaviour. Build with the static constructors below."""

    kind: str
    code: Optional[int] = None
    retry_after: Optional[float] = None
    message: Optional[str] = None
    headers: Optional[dict] = None
    seconds: float = 0.0
    payload: Any = None

    @staticmethod
    def status(
        code: int,
        retry_after: Optional[float] = None,
        message: Optional[str] = None,
        headers: Optional[dict] = None,
    ) -> "Fault":
        """Reply with HTTP ``code`` and an OpenAI error body (+ ``Retry-After`` if given)."""
        return Fault("status", code=int(code), retry_after=retry_after, message=message,
                     headers=dict(headers) if headers else None)

    @staticmethod
    def delay(seconds: float) -> "Fault":
        """Sleep ``seconds`` then answer normally."""
        return Fault("delay", seconds=float(seconds))

    @staticmethod
    def timeout() -> "Fault":
        """Sleep the server's ``timeout_sleep`` (or until stop) before answering."""
        return Fault("timeout")

    @staticmethod
    def reset() -> "Fault":
        """Send headers + part of the body, then RST the connection."""
        return Fault("reset")

    @staticmethod
    def truncated_json() -> "Fault":
        """200 whose body is the first half of a valid completion JSON."""
        return Fault("truncated_json")

    @staticmethod
    def answer(answer: Answer) -> "Fault":
        """Answer with ``answer`` (dict, or raw string used verbatim) instead of the normal one."""
        return Fault("answer", payload=answer)

    @staticmethod
    def wrong_tool_name() -> "Fault":
        """Normal answer but the tool call names ``not_the_requested_tool``."""
        return Fault("wrong_tool_name")

    @staticmethod
    def empty_choices() -> "Fault":
        """200 with ``"choices": []``."""
        return Fault("empty_choices")


def _random_fault(rng: random.Random) -> Fault:
    pick = rng.randrange(9)
    if pick == 0:
        return Fault.status(429, retry_after=RANDOM_RETRY_AFTER if rng.random() < 0.5 else None)
    if pick in (1, 2, 3):
        return Fault.status((500, 502, 503)[pick - 1])
    return (
        Fault.reset,
        Fault.truncated_json,
        lambda: Fault.answer(SCHEMA_BREAKING_ANSWER),
        Fault.wrong_tool_name,
        Fault.empty_choices,
    )[pick - 4]()


# --------------------------------------------------------------------------- records


@dataclass
class RecordedRequest:
    path: str
    method: str
    headers: dict  # lower-case names
    body: Optional[dict]  # parsed JSON object, else None
    raw_body: bytes = field(default=b"", repr=False)
    received_at: float = field(default_factory=time.monotonic, repr=False)

    @property
    def is_chat(self) -> bool:
        return self.method == "POST" and _route(self.path) == "/chat/completions"

    @property
    def message_text(self) -> str:
        return _messages_text(self.body)


def _route(path: str) -> str:
    path = path.split("?", 1)[0].split("#", 1)[0].rstrip("/") or "/"
    if path == "/v1" or path.startswith("/v1/"):
        path = path[3:] or "/"
    return path


def _messages_text(body: Optional[dict]) -> str:
    if not isinstance(body, dict):
        return ""
    parts: list[str] = []
    messages = body.get("messages")
    if not isinstance(messages, list):
        return ""
    for msg in messages:
        if not isinstance(msg, dict):
            continue
        content = msg.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            for part in content:
                if isinstance(part, dict):
                    text = part.get("text")
                    if isinstance(text, str):
                        parts.append(text)
                elif isinstance(part, str):
                    parts.append(part)
    return "\n".join(parts)


def _fmt_seconds(value: Any) -> str:
    if isinstance(value, str):
        return value
    f = float(value)
    return str(int(f)) if f.is_integer() else repr(f)


def _error_body(code: int, message: Optional[str] = None, *, type_: Optional[str] = None,
                err_code: Any = "__default__") -> dict:
    default_type, default_code = _REASONS.get(
        code, ("server_error" if code >= 500 else "invalid_request_error", None))
    return {
        "error": {
            "message": message or f"Fake OpenAI server error {code}",
            "type": type_ or default_type,
            "param": None,
            "code": default_code if err_code == "__default__" else err_code,
        }
    }


# --------------------------------------------------------------------------- server


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True
    fake: "FakeOpenAI"

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls socket.getfqdn(), which can stall on a
        # reverse-DNS lookup in sandboxes; we know who we are.
        TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = port

    def handle_error(self, request: Any, client_address: Any) -> None:  # noqa: ARG002
        pass  # clients hanging up (timeouts, resets) are expected; stay quiet


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeOpenAI/1.0"
    sys_version = ""
    disable_nagle_algorithm = True
    server: _HTTPServer

    # -- plumbing ---------------------------------------------------------------------

    def setup(self) -> None:
        super().setup()
        self.server.fake._track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.server.fake._track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def log_error(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def _read_body(self) -> bytes:
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            chunks = []
            while True:
                line = self.rfile.readline(65537)
                if not line:
                    break
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline(65537)  # CRLF after the chunk
            raw = b"".join(chunks)
        else:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length > 0 else b""
        enc = (self.headers.get("Content-Encoding") or "").lower().strip()
        if enc == "gzip":
            raw = gzip.decompress(raw)
        elif enc == "deflate":
            raw = zlib.decompress(raw)
        return raw

    def _send(self, status: int, body: bytes, content_type: str = "application/json",
              headers: Optional[dict] = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("x-request-id", f"req_fake_{self.server.fake._next_id()}")
        for name, value in (headers or {}).items():
            self.send_header(name, str(value))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status: int, obj: Any, headers: Optional[dict] = None) -> None:
        self._send(status, json.dumps(obj).encode("utf-8"), headers=headers)

    def _send_error(self, status: int, message: str, **kw: Any) -> None:
        self._send_json(status, _error_body(status, message, **kw))

    # -- dispatch ---------------------------------------------------------------------

    def _dispatch(self) -> None:
        fake = self.server.fake
        try:
            raw = self._read_body()
        except Exception as exc:  # malformed chunking / compression
            self.close_connection = True
            self._send_error(400, f"Could not read request body: {exc}")
            return
        body: Optional[dict] = None
        if raw:
            try:
                parsed = json.loads(raw)
                body = parsed if isinstance(parsed, dict) else None
            except ValueError:
                body = None
        rec = RecordedRequest(
            path=self.path,
            method=self.command,
            headers={k.lower(): v for k, v in _merged_headers(self.headers).items()},
            body=body,
            raw_body=raw,
        )
        fake._record(rec)

        route = _route(self.path)
        try:
            if route == "/chat/completions" and self.command == "POST":
                if body is None:
                    self._send_error(400, "We could not parse the JSON body of your request.")
                    return
                self._chat(body, raw)
            elif route == "/models" and self.command in ("GET", "HEAD"):
                self._send_json(200, {"object": "list", "data": [_model_obj(m) for m in fake.models]})
            elif route.startswith("/models/") and self.command in ("GET", "HEAD"):
                model = route[len("/models/"):]
                if model in fake.models:
                    self._send_json(200, _model_obj(model))
                else:
                    self._send_error(404, f"The model `{model}` does not exist or you do not have access to it.",
                                     err_code="model_not_found")
            else:
                self._send_error(404, f"Invalid URL ({self.command} {self.path.split('?', 1)[0]})")
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True
        except _Abort:
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _dispatch

    # -- chat -------------------------------------------------------------------------

    def _chat(self, body: dict, raw: bytes) -> None:
        fake = self.server.fake
        fault = fake._take_fault()

        latency = float(fake.latency or 0.0)
        if latency > 0:
            fake._sleep(latency)

        if fault is not None:
            kind = fault.kind
            if kind == "status":
                code = fault.code or 500
                headers = dict(fault.headers or {})
                if fault.retry_after is not None:
                    headers["Retry-After"] = _fmt_seconds(fault.retry_after)
                self._send_json(code, _error_body(code, fault.message), headers=headers)
                return
            if kind == "delay":
                fake._sleep(fault.seconds)
            elif kind == "timeout":
                fake._sleep(float(fake.timeout_sleep))
                if fake._stopping.is_set():
                    raise _Abort()

        try:
            if fault is not None and fault.kind == "answer":
                answer = fault.payload
            else:
                answer = fake._answer_for(body)
            if callable(answer):
                answer = answer(body)
        except Exception as exc:  # a broken responder should be loud, not a hang
            tb = traceback.format_exc(limit=5)
            self._send_error(500, f"FakeOpenAI responder raised {exc!r}\n{tb}")
            return

        tool_name = WRONG_TOOL_NAME if (fault is not None and fault.kind == "wrong_tool_name") else None
        completion = fake._completion(body, raw, answer, tool_name_override=tool_name)
        if fault is not None and fault.kind == "empty_choices":
            completion["choices"] = []
            completion["usage"]["completion_tokens"] = 0
            completion["usage"]["total_tokens"] = completion["usage"]["prompt_tokens"]

        if body.get("stream"):
            payload = _sse_payload(completion, body).encode("utf-8")
            content_type = "text/event-stream; charset=utf-8"
        else:
            payload = json.dumps(completion).encode("utf-8")
            content_type = "application/json"

        if fault is not None and fault.kind == "reset":
            self._reset(payload, content_type)
            return
        if fault is not None and fault.kind == "truncated_json":
            payload = payload[: max(1, len(payload) // 2)]
        self._send(200, payload, content_type=content_type)

    def _reset(self, payload: bytes, content_type: str) -> None:
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload) + 1024))
        self.end_headers()
        self.wfile.write(payload[: max(1, len(payload) // 3)])
        # Give the client a moment to consume the headers so the failure lands
        # mid-body, then close with SO_LINGER(1, 0) => RST instead of FIN.
        time.sleep(0.02)
        sock = self.connection
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        try:
            self.rfile.close()  # drop the makefile() reference so close() is real
        except OSError:
            pass
        try:
            sock.close()
        except OSError:
            pass


class _Abort(Exception):
    """Server is stopping; drop the connection without answering."""


def _merged_headers(msg: Any) -> dict:
    out: dict = {}
    for name, value in msg.items():
        key = name.lower()
        out[key] = f"{out[key]}, {value}" if key in out else value
    return out


def _model_obj(model: str) -> dict:
    return {"id": model, "object": "model", "created": 1700000000, "owned_by": SYSTEM_FINGERPRINT}


def _sse_payload(completion: dict, body: dict) -> str:
    """Render a non-streaming completion as an OpenAI chat.completion.chunk SSE stream."""
    base = {k: completion[k] for k in ("id", "created", "model", "system_fingerprint")}
    base["object"] = "chat.completion.chunk"
    include_usage = bool((body.get("stream_options") or {}).get("include_usage"))

    def chunk(choices: list, usage: Any = None) -> str:
        obj = dict(base, choices=choices)
        if include_usage:
            obj["usage"] = usage
        return f"data: {json.dumps(obj)}\n\n"

    def pieces(text: str) -> list[str]:
        if not text:
            return []
        step = max(1, -(-len(text) // 3))
        return [text[i:i + step] for i in range(0, len(text), step)]

    events: list[str] = []
    for choice in completion["choices"]:
        idx = choice["index"]
        msg = choice["message"]

        def c(delta: dict, finish: Any = None, _idx: int = idx) -> dict:
            return {"index": _idx, "delta": delta, "logprobs": None, "finish_reason": finish}

        if msg.get("tool_calls"):
            events.append(chunk([c({"role": "assistant", "content": None, "refusal": None})]))
            for t_i, call in enumerate(msg["tool_calls"]):
                events.append(chunk([c({"tool_calls": [{
                    "index": t_i, "id": call["id"], "type": "function",
                    "function": {"name": call["function"]["name"], "arguments": ""}}]})]))
                for piece in pieces(call["function"]["arguments"]):
                    events.append(chunk([c({"tool_calls": [{"index": t_i, "function": {"arguments": piece}}]})]))
        else:
            events.append(chunk([c({"role": "assistant", "content": "", "refusal": None})]))
            for piece in pieces(msg.get("content") or ""):
                events.append(chunk([c({"content": piece})]))
        events.append(chunk([c({}, choice["finish_reason"])]))
    if include_usage:
        events.append(chunk([], completion["usage"]))
    events.append("data: [DONE]\n\n")
    return "".join(events)


class FakeOpenAI:
    """A local OpenAI-compatible server on 127.0.0.1:<random port>.

    Answer selection for ``POST /v1/chat/completions`` (after latency):

    1. the next queued :class:`Fault` (or a random one when ``fault_rate > 0``);
    2. the first :meth:`set_answer` marker (insertion order) that occurs in the
       concatenated text of the request's ``messages`` contents;
    3. ``responder(body)`` if given, else an empty extraction.

    Answers are dicts (JSON-encoded) or strings (used verbatim); callables are
    called with the parsed request body.
    """

    def __init__(
        self,
        responder: Optional[Callable[[dict], Answer]] = None,
        latency: float = 0.0,
        fault_rate: float = 0.0,
        seed: int = 0,
        timeout_sleep: float = 30.0,
    ) -> None:
        self.responder = responder
        self.latency = latency
        self.fault_rate = fault_rate
        self.timeout_sleep = timeout_sleep
        self.models: list[str] = list(MODELS)
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._faults: deque[Fault] = deque()
        self._answers: dict[str, AnswerSource] = {}
        self._requests: list[RecordedRequest] = []
        self._faults_injected = 0
        self._counter = 0
        self._connections: set = set()
        self._stopping = threading.Event()
        self._server: Optional[_HTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> "FakeOpenAI":
        if self._server is not None:
            return self
        self._stopping = threading.Event()
        server = _HTTPServer(("127.0.0.1", 0), _Handler)
        server.fake = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05},
            name=f"FakeOpenAI:{server.server_address[1]}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()  # wakes Fault.timeout / latency sleepers
        server.shutdown()
        server.server_close()
        with self._lock:
            conns = list(self._connections)
        for conn in conns:  # unblock handler threads idling on keep-alive reads
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if thread is not None:
            thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> "FakeOpenAI":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # -- public API -------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeOpenAI is not running")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def queue(self, *faults: Fault) -> None:
        """Append faults (FIFO); each chat request consumes one before answering."""
        for f in faults:
            if not isinstance(f, Fault):
                raise TypeError(f"expected Fault, got {f!r}")
        with self._lock:
            self._faults.extend(faults)

    @property
    def pending_faults(self) -> int:
        with self._lock:
            return len(self._faults)

    def set_answer(self, marker: str, answer: AnswerSource) -> None:
        with self._lock:
            self._answers[marker] = answer

    def clear_answers(self) -> None:
        with self._lock:
            self._answers.clear()

    @property
    def requests(self) -> list[RecordedRequest]:
        return self._requests

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self._requests if r.is_chat]

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    @property
    def faults_injected(self) -> int:
        with self._lock:
            return self._faults_injected

    # -- internals (called from handler threads) --------------------------------------

    def _track(self, conn: Any, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def _record(self, rec: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(rec)

    def _next_id(self) -> int:
        with self._lock:
            self._counter += 1
            return self._counter

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)

    def _take_fault(self) -> Optional[Fault]:
        with self._lock:
            if self._faults:
                fault: Optional[Fault] = self._faults.popleft()
            elif self.fault_rate > 0 and self._rng.random() < self.fault_rate:
                fault = _random_fault(self._rng)
            else:
                fault = None
            if fault is not None:
                self._faults_injected += 1
            return fault

    def _answer_for(self, body: dict) -> AnswerSource:
        text = _messages_text(body)
        with self._lock:
            answers = list(self._answers.items())
        for marker, answer in answers:
            if marker in text:
                return answer
        if self.responder is not None:
            return self.responder(body)
        return dict(EMPTY_EXTRACTION)

    def _completion(self, body: dict, raw: bytes, answer: Any,
                    tool_name_override: Optional[str] = None) -> dict:
        n = self._next_id()
        text = answer if isinstance(answer, str) else json.dumps(answer)
        tools = body.get("tools")
        if tools:
            message: dict = {
                "role": "assistant",
                "content": None,
                "refusal": None,
                "annotations": [],
                "tool_calls": [{
                    "id": f"call_fake_{n}",
                    "type": "function",
                    "function": {
                        "name": tool_name_override or _tool_name(body),
                        "arguments": text,
                    },
                }],
            }
            finish = "tool_calls"
        else:
            message = {"role": "assistant", "content": text, "refusal": None, "annotations": []}
            finish = "stop"
        prompt_tokens = max(1, len(raw) // 4)
        completion_tokens = max(1, len(text) // 4)
        return {
            "id": f"chatcmpl-fake-{n}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model") or "gpt-4o-mini",
            "system_fingerprint": SYSTEM_FINGERPRINT,
            "service_tier": "default",
            "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {
                    "reasoning_tokens": 0, "audio_tokens": 0,
                    "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0,
                },
            },
        }


def _tool_name(body: dict) -> str:
    choice = body.get("tool_choice")
    if isinstance(choice, dict):
        fn = choice.get("function")
        if isinstance(fn, dict) and fn.get("name"):
            return str(fn["name"])
        if choice.get("name"):  # Responses-API style {"type": "function", "name": ...}
            return str(choice["name"])
    tools = body.get("tools") or []
    first = tools[0] if tools and isinstance(tools[0], dict) else {}
    fn = first.get("function")
    if isinstance(fn, dict) and fn.get("name"):
        return str(fn["name"])
    return str(first.get("name") or "extract")
