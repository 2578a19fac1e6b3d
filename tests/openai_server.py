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
* Files: ``POST /v1/files`` (multipart: ``purpose`` + ``file``), ``GET /v1/files``,
  ``GET|DELETE /v1/files/{id}``, ``GET /v1/files/{id}/content`` (raw bytes).
* Batches (``endpoint="/v1/chat/completions"`` only): ``POST /v1/batches``,
  ``GET /v1/batches``, ``GET /v1/batches/{id}``, ``POST /v1/batches/{id}/cancel``.
  A batch is ``validating`` at creation, and completes on the N-th
  ``GET /v1/batches/{id}`` where N = :attr:`FakeOpenAI.batch_polls_to_complete`
  (read when the batch is created; default 1; 0 = completed at creation);
  retrieves before that return ``in_progress``. The input is validated on the
  first retrieve (a bad file makes the batch ``failed`` with ``errors``); on
  completion every input line is answered exactly like a chat request (same
  answer selection and completion JSON, but queued/random faults are not used:
  per-line faults come from :attr:`FakeOpenAI.batch_faults`), the bodies are
  appended to :attr:`FakeOpenAI.batch_requests`, and the output / error JSONL
  files are written in the Batch API's format::

      {"id": "batch_req_fake_N", "custom_id": "...", "response": {"status_code": 200,
       "request_id": "req_fake_N", "body": <chat.completion>}, "error": null}
      {"id": "batch_req_fake_N", "custom_id": "...", "response": {"status_code": 429,
       "request_id": "req_fake_N", "body": {"error": {...}}}, "error": null}

  (error file; a non-HTTP failure -- ``Fault.timeout/reset/truncated_json`` --
  has ``"response": null`` and ``"error": {"code", "message"}`` instead).
* anything else -> 404 with an OpenAI-style error body.

Batch flow::

    srv.set_answer("ARTICLE-7", {...})
    srv.batch_faults["req-3"] = Fault.status(400)
    f = client.files.create(file=("in.jsonl", jsonl_bytes), purpose="batch")
    b = client.batches.create(input_file_id=f.id, endpoint="/v1/chat/completions",
                              completion_window="24h")
    b = client.batches.retrieve(b.id)          # completed (batch_polls_to_complete=1)
    out = client.files.content(b.output_file_id).text
"""

from __future__ import annotations

import copy
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
from urllib.parse import parse_qs, unquote

__all__ = ["FakeOpenAI", "Fault", "RecordedRequest", "EMPTY_EXTRACTION"]

Answer = Union[dict, list, str]
AnswerSource = Union[Answer, Callable[[dict], Answer]]

EMPTY_EXTRACTION: dict = {"actors": [], "claims": [], "denials": [], "events": []}
SYSTEM_FINGERPRINT = "fake-openai-server"
WRONG_TOOL_NAME = "not_the_requested_tool"
SCHEMA_BREAKING_ANSWER: dict = {"actors": "not a list"}
RANDOM_RETRY_AFTER = 0.05
MODELS = ("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1", "o4-mini")
BATCH_ENDPOINTS = ("/v1/chat/completions",)
BATCH_COMPLETION_WINDOW = "24h"
BATCH_WINDOW_SECONDS = 24 * 3600
BATCH_FILE_EXPIRY_SECONDS = 30 * 24 * 3600

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
    def cut_off() -> "Fault":
        """The answer stopped at max_tokens: half its arguments, ``finish_reason: "length"`` (a model
        that loops until the cap)."""
        return Fault("cut_off")

    @staticmethod
    def call_as_content() -> "Fault":
        """A tools request answered the way llama.cpp's small models did: the call written as a fenced
        ```json block in ``content`` ({"name": ..., "arguments": ...}), with no ``tool_calls``."""
        return Fault("call_as_content")

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


def _error_with_param(code: int, message: str, param: Optional[str] = None,
                      err_code: Any = "__default__") -> dict:
    body = _error_body(code, message, err_code=err_code)
    body["error"]["param"] = param
    return body


class _MultipartError(ValueError):
    pass


def _header_params(value: str) -> tuple[str, dict]:
    """Split ``'form-data; name="file"; filename="a b.jsonl"'`` into (main, params)."""
    parts: list[str] = []
    buf, quoted, escaped = [], False, False
    for ch in value:
        if escaped:
            buf.append(ch)
            escaped = False
        elif quoted and ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    params: dict = {}
    for item in parts[1:]:
        if "=" not in item:
            continue
        key, val = item.split("=", 1)
        key, val = key.strip().lower(), val.strip()
        if key.endswith("*"):  # RFC 5987: utf-8''percent-encoded
            key = key[:-1]
            if "'" in val:
                charset, _, rest = val.split("'", 2)
                val = unquote(rest, encoding=charset or "utf-8")
        params[key] = val
    return parts[0].strip().lower(), params


def _parse_multipart(raw: bytes, content_type: str) -> dict:
    """Parse multipart/form-data into ``{name: (filename or None, bytes)}``."""
    ctype, params = _header_params(content_type or "")
    if ctype != "multipart/form-data":
        raise _MultipartError(f"Invalid Content-Type header ({content_type or 'none'}), "
                              "expected multipart/form-data.")
    boundary = params.get("boundary")
    if not boundary:
        raise _MultipartError("multipart/form-data without a boundary.")
    delim = b"--" + boundary.encode("latin-1")
    data = b"\r\n" + raw
    pieces = data.split(b"\r\n" + delim)
    if len(pieces) < 2:
        raise _MultipartError("multipart body has no parts.")
    fields: dict = {}
    closed = False
    for piece in pieces[1:]:
        if piece.startswith(b"--"):
            closed = True
            break
        # rest of the delimiter line (transport padding), then CRLF
        nl = piece.find(b"\r\n")
        if nl < 0:
            raise _MultipartError("malformed multipart part.")
        piece = piece[nl + 2:]
        head, sep, content = piece.partition(b"\r\n\r\n")
        if not sep:
            raise _MultipartError("multipart part without a header/body separator.")
        headers: dict = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        disp, dparams = _header_params(headers.get("content-disposition", ""))
        name = dparams.get("name")
        if disp != "form-data" or name is None:
            raise _MultipartError("multipart part without Content-Disposition: form-data; name=...")
        fields[name] = (dparams.get("filename"), content)
    if not closed:
        raise _MultipartError("multipart body is missing its closing boundary.")
    return fields


def _query(path: str) -> dict:
    query = path.split("?", 1)[1] if "?" in path else ""
    return {k: v[-1] for k, v in parse_qs(query.split("#", 1)[0]).items()}


def _page(items: list, query: dict, default_limit: int, max_limit: int) -> Union[dict, str]:
    """Cursor page (``after`` / ``limit``) over ``items`` (already in list order)."""
    try:
        limit = int(query.get("limit", default_limit))
    except ValueError:
        return "Invalid 'limit': expected an integer."
    if not 1 <= limit <= max_limit:
        return f"Invalid 'limit': expected a value between 1 and {max_limit}."
    after = query.get("after")
    if after:
        ids = [item["id"] for item in items]
        if after not in ids:
            return f"Invalid 'after': no object with id '{after}'."
        items = items[ids.index(after) + 1:]
    data = items[:limit]
    return {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": len(items) > limit,
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
            elif (route == "/files" or route.startswith("/files/")) and self._files(route, raw):
                pass
            elif (route == "/batches" or route.startswith("/batches/")) and self._batches(route, body):
                pass
            else:
                self._send_error(404, f"Invalid URL ({self.command} {self.path.split('?', 1)[0]})")
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True
        except _Abort:
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _dispatch

    # -- files ------------------------------------------------------------------------

    def _files(self, route: str, raw: bytes) -> bool:
        """Handle a /files route; False = no such route/method (caller sends the 404)."""
        fake = self.server.fake
        parts = route.split("/")[2:]  # "/files/x/content" -> ["x", "content"]
        if not parts and self.command == "POST":
            try:
                fields = _parse_multipart(raw, self.headers.get("Content-Type") or "")
            except _MultipartError as exc:
                self._send_error(400, str(exc))
                return True
            for name in ("purpose", "file"):
                if name not in fields:
                    self._send_json(400, _error_with_param(
                        400, f"Missing required parameter: '{name}'.", name, "missing_required_parameter"))
                    return True
            purpose = fields["purpose"][1].decode("utf-8", "replace").strip()
            if not purpose:
                self._send_json(400, _error_with_param(400, "Invalid value for 'purpose'.", "purpose"))
                return True
            filename, data = fields["file"]
            self._send_json(200, fake._store_file(data, filename or "upload", purpose))
            return True
        if not parts and self.command in ("GET", "HEAD"):
            query = _query(self.path)
            items = list(fake.files.values())  # creation order
            if query.get("order", "desc") != "asc":
                items.reverse()
            if query.get("purpose"):
                items = [f for f in items if f["purpose"] == query["purpose"]]
            page = _page(items, query, 10000, 10000)
            if isinstance(page, str):
                self._send_error(400, page)
            else:
                self._send_json(200, page)
            return True
        if len(parts) == 1 and self.command in ("GET", "HEAD", "DELETE"):
            file_id = parts[0]
            if self.command == "DELETE":
                if fake._delete_file(file_id):
                    self._send_json(200, {"id": file_id, "object": "file", "deleted": True})
                    return True
            else:
                obj = fake.files.get(file_id)
                if obj is not None:
                    self._send_json(200, obj)
                    return True
            self._send_json(404, _error_with_param(404, f"No such File object: {file_id}", "id", None))
            return True
        if len(parts) == 2 and parts[1] == "content" and self.command in ("GET", "HEAD"):
            data = fake.file_content(parts[0])
            if data is None:
                self._send_json(404, _error_with_param(
                    404, f"No such File object: {parts[0]}", "id", None))
            else:
                self._send(200, data, content_type="application/octet-stream")
            return True
        return False

    # -- batches ----------------------------------------------------------------------

    def _batches(self, route: str, body: Optional[dict]) -> bool:
        """Handle a /batches route; False = no such route/method (caller sends the 404)."""
        fake = self.server.fake
        parts = route.split("/")[2:]
        if not parts and self.command == "POST":
            if body is None:
                self._send_error(400, "We could not parse the JSON body of your request.")
                return True
            result = fake._create_batch(body)
        elif not parts and self.command in ("GET", "HEAD"):
            query = _query(self.path)
            page = _page(fake._batch_list(), query, 20, 100)
            if isinstance(page, str):
                self._send_error(400, page)
            else:
                self._send_json(200, page)
            return True
        elif len(parts) == 1 and self.command in ("GET", "HEAD"):
            result = fake._retrieve_batch(parts[0])
        elif len(parts) == 2 and parts[1] == "cancel" and self.command == "POST":
            result = fake._cancel_batch(parts[0])
        else:
            return False
        status, obj = result
        self._send_json(status, obj)
        return True

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
        if fault is not None and fault.kind == "cut_off":
            msg = completion["choices"][0]["message"]
            if msg.get("tool_calls"):
                args = msg["tool_calls"][0]["function"]["arguments"]
                msg["tool_calls"][0]["function"]["arguments"] = args[: len(args) // 2]
            else:
                msg["content"] = msg["content"][: len(msg["content"]) // 2]
            completion["choices"][0]["finish_reason"] = "length"
        if fault is not None and fault.kind == "call_as_content" and completion["choices"][0]["message"].get("tool_calls"):
            call = completion["choices"][0]["message"]["tool_calls"][0]["function"]
            written = json.dumps({"name": call["name"], "arguments": json.loads(call["arguments"])}, indent=2)
            completion["choices"][0]["message"].update(content=f"```json\n{written}\n```", tool_calls=None)
            completion["choices"][0]["finish_reason"] = "stop"

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
        batch_polls_to_complete: int = 1,
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
        #: A batch completes on this many-th ``GET /v1/batches/{id}`` (read at
        #: creation; 0 = completed already in the create response).
        self.batch_polls_to_complete = batch_polls_to_complete
        #: Per-line faults for batches, by ``custom_id`` (queued faults are not
        #: used by batches). ``Fault.status`` -> failed line, ``Fault.answer`` ->
        #: that answer, ``wrong_tool_name`` / ``empty_choices`` as in chat,
        #: ``delay`` ignored, ``timeout`` / ``reset`` / ``truncated_json`` -> a
        #: failed line with ``"response": null`` and a non-HTTP ``error``.
        self.batch_faults: dict[str, Fault] = {}
        #: Chat bodies answered by batches, in processing order (deep copies).
        self.batch_requests: list[dict] = []
        self._files: dict[str, dict] = {}  # id -> {"obj": FileObject, "data": bytes}
        self._batches: dict[str, _BatchState] = {}

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
            self.batch_requests.clear()

    @property
    def files(self) -> dict[str, dict]:
        """Uploaded and batch-generated files: ``{id: FileObject dict}`` (copies)."""
        with self._lock:
            return {fid: dict(f["obj"]) for fid, f in self._files.items()}

    def file_content(self, file_id: str) -> Optional[bytes]:
        """The bytes of a stored file, or None if there is no such file."""
        with self._lock:
            stored = self._files.get(file_id)
            return None if stored is None else stored["data"]

    @property
    def batches(self) -> dict[str, dict]:
        """All batches: ``{id: Batch dict}`` (copies; reading does not advance them)."""
        with self._lock:
            states = list(self._batches.values())
        out = {}
        for state in states:
            with state.lock:
                out[state.obj["id"]] = copy.deepcopy(state.obj)
        return out

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

    # -- files & batches (called from handler threads) --------------------------------

    def _store_file(self, data: bytes, filename: str, purpose: str) -> dict:
        now = int(time.time())
        obj = {
            "id": f"file-fake{self._next_id()}",
            "object": "file",
            "bytes": len(data),
            "created_at": now,
            "expires_at": now + BATCH_FILE_EXPIRY_SECONDS if purpose in ("batch", "batch_output") else None,
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
            "status_details": None,
        }
        with self._lock:
            self._files[obj["id"]] = {"obj": obj, "data": bytes(data)}
        return dict(obj)

    def _delete_file(self, file_id: str) -> bool:
        with self._lock:
            return self._files.pop(file_id, None) is not None

    def _batch_state(self, batch_id: str) -> Optional["_BatchState"]:
        with self._lock:
            return self._batches.get(batch_id)

    def _batch_list(self) -> list[dict]:
        """Newest first, like the real API."""
        return list(reversed(list(self.batches.values())))

    def _create_batch(self, body: dict) -> tuple[int, dict]:
        for name in ("input_file_id", "endpoint", "completion_window"):
            if body.get(name) in (None, ""):
                return 400, _error_with_param(400, f"Missing required parameter: '{name}'.", name,
                                              "missing_required_parameter")
        endpoint, window, input_file_id = body["endpoint"], body["completion_window"], body["input_file_id"]
        if endpoint not in BATCH_ENDPOINTS:
            return 400, _error_with_param(
                400, f"Invalid value for 'endpoint': {endpoint!r}. This fake server supports only "
                     f"{', '.join(BATCH_ENDPOINTS)}.", "endpoint", "invalid_value")
        if window != BATCH_COMPLETION_WINDOW:
            return 400, _error_with_param(
                400, f"Invalid value for 'completion_window': {window!r}. Supported values are: "
                     f"'{BATCH_COMPLETION_WINDOW}'.", "completion_window", "invalid_value")
        metadata = body.get("metadata")
        if metadata is not None and not (
                isinstance(metadata, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in metadata.items())):
            return 400, _error_with_param(400, "Invalid type for 'metadata': expected an object "
                                               "of string values.", "metadata", "invalid_type")
        input_file = self.files.get(input_file_id) if isinstance(input_file_id, str) else None
        if input_file is None:
            return 400, _error_with_param(400, f"Invalid 'input_file_id': no such File object: "
                                               f"{input_file_id}.", "input_file_id", "invalid_value")
        if input_file["purpose"] != "batch":
            return 400, _error_with_param(
                400, f"Invalid 'input_file_id': file {input_file_id} was uploaded with purpose "
                     f"'{input_file['purpose']}', expected 'batch'.", "input_file_id", "invalid_value")
        now = int(time.time())
        obj = {
            "id": f"batch_fake_{self._next_id()}",
            "object": "batch",
            "endpoint": endpoint,
            "model": None,
            "errors": None,
            "input_file_id": input_file_id,
            "completion_window": window,
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": now,
            "in_progress_at": None,
            "expires_at": now + BATCH_WINDOW_SECONDS,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "usage": _batch_usage(0, 0),
            "metadata": dict(metadata) if metadata is not None else None,
        }
        state = _BatchState(obj=obj, polls_to_complete=int(self.batch_polls_to_complete))
        with self._lock:
            self._batches[obj["id"]] = state
        with state.lock:
            if state.polls_to_complete <= 0:
                err = self._advance_batch(state)
                if err is not None:
                    return 500, err
            return 200, copy.deepcopy(state.obj)

    def _retrieve_batch(self, batch_id: str) -> tuple[int, dict]:
        state = self._batch_state(batch_id)
        if state is None:
            return 404, _error_with_param(404, f"No batch found with id '{batch_id}'.", "batch_id", None)
        with state.lock:
            state.retrieves += 1
            err = self._advance_batch(state)
            if err is not None:
                return 500, err
            return 200, copy.deepcopy(state.obj)

    def _cancel_batch(self, batch_id: str) -> tuple[int, dict]:
        state = self._batch_state(batch_id)
        if state is None:
            return 404, _error_with_param(404, f"No batch found with id '{batch_id}'.", "batch_id", None)
        with state.lock:
            obj = state.obj
            if obj["status"] in ("validating", "in_progress"):
                obj["status"] = "cancelling"
                obj["cancelling_at"] = int(time.time())
            elif obj["status"] != "cancelling":
                return 409, _error_body(409, f"Cannot cancel a batch with status '{obj['status']}'.")
            return 200, copy.deepcopy(obj)

    def _advance_batch(self, state: "_BatchState") -> Optional[dict]:
        """One step of the batch's life (caller holds ``state.lock``). Returns an error
        body if answering the batch raised (the batch then stays ``in_progress``)."""
        obj = state.obj
        now = int(time.time())
        if obj["status"] == "cancelling":  # cancellation lands on the next retrieve
            obj["status"] = "cancelled"
            obj["cancelled_at"] = now
            return None
        if obj["status"] == "validating":
            items, errors, model = self._validate_batch_input(obj)
            if errors:
                obj.update(status="failed", failed_at=now, errors={"object": "list", "data": errors})
                return None
            state.items = items
            obj.update(status="in_progress", in_progress_at=now, model=model,
                       request_counts={"total": len(items), "completed": 0, "failed": 0})
        if obj["status"] == "in_progress" and state.retrieves >= state.polls_to_complete:
            try:
                self._complete_batch(state)
            except Exception as exc:  # a broken responder / batch_faults entry: be loud
                tb = traceback.format_exc(limit=5)
                return _error_body(500, f"FakeOpenAI batch processing raised {exc!r}\n{tb}")
        return None

    def _validate_batch_input(self, obj: dict) -> tuple[list[dict], list[dict], Optional[str]]:
        """Parse the input JSONL like the real validating step: (items, errors, model)."""
        def error(code: str, message: str, line: Optional[int], param: Optional[str] = None) -> dict:
            return {"code": code, "message": message, "param": param, "line": line}

        data = self.file_content(obj["input_file_id"])
        if data is None:
            return [], [error("invalid_file", f"Input file {obj['input_file_id']} no longer exists.",
                              None, "input_file_id")], None
        items: list[dict] = []
        errors: list[dict] = []
        seen: set = set()
        model: Optional[str] = None
        for number, raw_line in enumerate(data.split(b"\n"), start=1):
            if not raw_line.strip():
                continue
            try:
                item = json.loads(raw_line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                item = None
            if not isinstance(item, dict):
                errors.append(error("invalid_json_line", "This line is not parseable as valid JSON.", number))
                continue
            missing = [k for k in ("custom_id", "method", "url", "body") if item.get(k) in (None, "")]
            if missing:
                errors.append(error("missing_required_parameter",
                                    f"Missing required parameter: '{missing[0]}'.", number, missing[0]))
                continue
            custom_id, body = item["custom_id"], item["body"]
            if not isinstance(custom_id, str):
                errors.append(error("invalid_value", "Invalid type for 'custom_id': expected a string.",
                                    number, "custom_id"))
            elif str(item["method"]).upper() != "POST":
                errors.append(error("invalid_value", f"Invalid value for 'method': {item['method']!r}. "
                                                     "Supported values are: 'POST'.", number, "method"))
            elif item["url"] != obj["endpoint"]:
                errors.append(error("url_mismatch", f"The provided URL {item['url']!r} does not match "
                                                    f"the batch endpoint {obj['endpoint']!r}.", number, "url"))
            elif not isinstance(body, dict):
                errors.append(error("invalid_value", "Invalid type for 'body': expected an object.",
                                    number, "body"))
            elif custom_id in seen:
                errors.append(error("duplicate_custom_id",
                                    "The custom_id for this request is a duplicate of another request. "
                                    "The custom_id parameter must be unique for each request in a batch.",
                                    number, "custom_id"))
            elif body.get("model") and model and body["model"] != model:
                errors.append(error("model_mismatch",
                                    f"The model {body['model']!r} does not match the model {model!r} "
                                    "used by the batch's other requests.", number, "body.model"))
            else:
                seen.add(custom_id)
                model = model or body.get("model") or None
                items.append({"custom_id": custom_id, "body": body})
        if not items and not errors:
            errors.append(error("empty_file", "The batch input file is empty.", None))
        return items, errors, model

    def _complete_batch(self, state: "_BatchState") -> None:
        obj = state.obj
        results = [self._batch_line(item["custom_id"], item["body"]) for item in state.items]
        ok_lines = [line for ok, line in results if ok]
        failed_lines = [line for ok, line in results if not ok]
        prompt = sum(line["response"]["body"]["usage"]["prompt_tokens"] for line in ok_lines)
        completion = sum(line["response"]["body"]["usage"]["completion_tokens"] for line in ok_lines)

        def jsonl(lines: list[dict]) -> bytes:
            return "".join(json.dumps(line) + "\n" for line in lines).encode("utf-8")

        output_file_id = error_file_id = None
        if ok_lines:
            output_file_id = self._store_file(jsonl(ok_lines), f"{obj['id']}_output.jsonl", "batch_output")["id"]
        if failed_lines:
            error_file_id = self._store_file(jsonl(failed_lines), f"{obj['id']}_error.jsonl", "batch_output")["id"]
        with self._lock:
            self.batch_requests.extend(copy.deepcopy(item["body"]) for item in state.items)
        now = int(time.time())
        obj.update(
            status="completed", finalizing_at=now, completed_at=now,
            output_file_id=output_file_id, error_file_id=error_file_id,
            request_counts={"total": len(results), "completed": len(ok_lines), "failed": len(failed_lines)},
            usage=_batch_usage(prompt, completion),
        )

    def _batch_line(self, custom_id: str, body: dict) -> tuple[bool, dict]:
        """Answer one batch request like ``POST /v1/chat/completions``: (succeeded, output line)."""
        fault = self.batch_faults.get(custom_id)
        if fault is not None and not isinstance(fault, Fault):
            raise TypeError(f"batch_faults[{custom_id!r}] must be a Fault, got {fault!r}")
        kind = fault.kind if fault is not None else None
        n = self._next_id()
        line: dict = {"id": f"batch_req_fake_{n}", "custom_id": custom_id, "response": None, "error": None}

        def http(status: int, response_body: dict) -> dict:
            line["response"] = {"status_code": status, "request_id": f"req_fake_{n}", "body": response_body}
            return line

        if kind == "status":
            code = fault.code or 500
            return False, http(code, _error_body(code, fault.message))
        if kind == "timeout":  # the request never ran: a non-HTTP error, as for expired batches
            line["error"] = {"code": "batch_expired", "message": "This request could not be executed "
                                                                 "before the completion window expired."}
            return False, line
        if kind in ("reset", "truncated_json"):
            line["error"] = {"code": "server_error", "message": "The server had an error while processing "
                                                                f"this request (fake {kind})."}
            return False, line
        try:
            answer = fault.payload if kind == "answer" else self._answer_for(body)
            if callable(answer):
                answer = answer(body)
        except Exception as exc:
            tb = traceback.format_exc(limit=5)
            return False, http(500, _error_body(500, f"FakeOpenAI responder raised {exc!r}\n{tb}"))
        raw = json.dumps(body).encode("utf-8")
        completion = self._completion(body, raw, answer,
                                      tool_name_override=WRONG_TOOL_NAME if kind == "wrong_tool_name" else None)
        if kind == "empty_choices":
            completion["choices"] = []
            completion["usage"]["completion_tokens"] = 0
            completion["usage"]["total_tokens"] = completion["usage"]["prompt_tokens"]
        return True, http(200, completion)


@dataclass
class _BatchState:
    obj: dict  # the public Batch object
    polls_to_complete: int
    retrieves: int = 0
    items: list = field(default_factory=list)  # validated {"custom_id", "body"} lines
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


def _batch_usage(input_tokens: int, output_tokens: int) -> dict:
    return {
        "input_tokens": input_tokens,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": output_tokens,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": input_tokens + output_tokens,
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
