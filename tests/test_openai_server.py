"""Self-tests for tests/openai_server.py, driving the real openai / instructor clients."""

from __future__ import annotations

import asyncio
import http.client
import json
import time
import urllib.error
import urllib.request

import instructor
import openai
import pytest
from pydantic import BaseModel

from tests.openai_server import FakeOpenAI, Fault

MODEL = "gpt-4o-mini"
ANSWER = {"actors": [{"name": "Jane Roe", "role": "mayor"}], "claims": [], "denials": [], "events": []}


class Actor(BaseModel):
    name: str
    role: str


class Extraction(BaseModel):
    actors: list[Actor]
    claims: list[str] = []
    denials: list[str] = []
    events: list[str] = []


EXTRACT_TOOL = {
    "type": "function",
    "function": {
        "name": "extract",
        "parameters": {"type": "object", "properties": {"actors": {"type": "array"}}},
    },
}
OTHER_TOOL = {"type": "function", "function": {"name": "other", "parameters": {"type": "object"}}}


@pytest.fixture
def srv():
    with FakeOpenAI() as server:
        yield server


def sync_client(srv: FakeOpenAI, **kw) -> openai.OpenAI:
    kw.setdefault("max_retries", 0)
    return openai.OpenAI(base_url=srv.base_url, api_key="test-key", **kw)


def async_client(srv: FakeOpenAI, **kw) -> openai.AsyncOpenAI:
    kw.setdefault("max_retries", 0)
    return openai.AsyncOpenAI(base_url=srv.base_url, api_key="test-key", **kw)


def user(text: str) -> list[dict]:
    return [{"role": "user", "content": text}]


# --------------------------------------------------------------------------- happy paths


def test_sync_tool_call_round_trip(srv):
    srv.set_answer("ARTICLE-1", ANSWER)
    with sync_client(srv) as client:
        resp = client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "system", "content": "extract"}, *user("text of ARTICLE-1 here")],
            tools=[OTHER_TOOL, EXTRACT_TOOL],
            tool_choice={"type": "function", "function": {"name": "extract"}},
        )
    choice = resp.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content is None
    (call,) = choice.message.tool_calls
    assert call.type == "function" and call.id.startswith("call_")
    assert call.function.name == "extract"  # from tool_choice, not tools[0]
    assert json.loads(call.function.arguments) == ANSWER
    assert resp.object == "chat.completion"
    assert resp.id.startswith("chatcmpl-fake-")
    assert resp.model == MODEL
    assert resp.system_fingerprint == "fake-openai-server"
    assert resp.usage.prompt_tokens > 0 and resp.usage.completion_tokens > 0
    assert resp.usage.total_tokens == resp.usage.prompt_tokens + resp.usage.completion_tokens

    (rec,) = srv.chat_requests
    assert rec.method == "POST" and rec.path == "/v1/chat/completions"
    assert rec.headers["authorization"] == "Bearer test-key"
    assert rec.headers["content-type"] == "application/json"
    assert rec.body["model"] == MODEL and rec.body["tool_choice"]["function"]["name"] == "extract"
    assert srv.faults_injected == 0


def test_plain_content_default_and_responder_order():
    seen = []

    def responder(body):
        seen.append(body["model"])
        return "plain words"

    with FakeOpenAI(responder=responder) as srv:
        srv.set_answer("FIRST", {"which": 1})
        srv.set_answer("SECOND", lambda body: {"which": 2, "model": body["model"]})
        with sync_client(srv) as client:
            def ask(text, **kw):
                return client.chat.completions.create(model=MODEL, messages=user(text), **kw).choices[0]

            both = ask("SECOND then FIRST")  # insertion order wins, not position in text
            assert json.loads(both.message.content) == {"which": 1}
            assert both.finish_reason == "stop" and both.message.tool_calls is None
            assert json.loads(ask("only SECOND").message.content) == {"which": 2, "model": MODEL}
            # content given as a list of parts is searched too
            parts = [{"role": "user", "content": [{"type": "text", "text": "x FIRST y"}]}]
            assert json.loads(
                client.chat.completions.create(model=MODEL, messages=parts).choices[0].message.content
            ) == {"which": 1}
            assert ask("nothing matches").message.content == "plain words"
            # tools + raw-string answer: the string is used verbatim as the arguments
            call = ask("nothing", tools=[EXTRACT_TOOL]).message.tool_calls[0]
            assert call.function.name == "extract" and call.function.arguments == "plain words"
    assert seen == [MODEL, MODEL]

    with FakeOpenAI() as srv, sync_client(srv) as client:
        content = client.chat.completions.create(model=MODEL, messages=user("hi")).choices[0].message.content
        assert json.loads(content) == {"actors": [], "claims": [], "denials": [], "events": []}


@pytest.mark.parametrize("mode", [instructor.Mode.TOOLS, instructor.Mode.JSON, instructor.Mode.MD_JSON])
def test_instructor_async_modes(srv, mode):
    srv.set_answer("ARTICLE-2", ANSWER)

    async def run():
        async with async_client(srv) as raw:
            client = instructor.from_openai(raw, mode=mode)
            return await client.chat.completions.create(
                model=MODEL, response_model=Extraction, messages=user("Summarize ARTICLE-2"), max_retries=0
            )

    result = asyncio.run(run())
    assert result.model_dump() == Extraction.model_validate(ANSWER).model_dump()  # (instructor sets _raw_response)
    body = srv.chat_requests[-1].body
    if mode is instructor.Mode.TOOLS:
        assert body["tools"][0]["function"]["name"] == "Extraction"
        assert body["tool_choice"] == {"type": "function", "function": {"name": "Extraction"}}
    elif mode is instructor.Mode.JSON:
        assert body["response_format"] == {"type": "json_object"}
        assert "tools" not in body
    else:
        assert "response_format" not in body and "tools" not in body


def test_instructor_reasks_after_schema_breaking_answer(srv):
    srv.set_answer("ARTICLE-3", ANSWER)
    srv.queue(Fault.answer({"actors": "not a list"}))
    with sync_client(srv) as raw:
        client = instructor.from_openai(raw, mode=instructor.Mode.TOOLS)
        result = client.chat.completions.create(
            model=MODEL, response_model=Extraction, messages=user("ARTICLE-3"), max_retries=2
        )
    assert result.actors[0].name == "Jane Roe"
    first, second = srv.chat_requests
    assert len(second.body["messages"]) > len(first.body["messages"])  # reask appended the error
    assert srv.faults_injected == 1


def test_streaming(srv):
    srv.set_answer("S", ANSWER)
    with sync_client(srv) as client:
        stream = client.chat.completions.create(
            model=MODEL, messages=user("S"), stream=True, stream_options={"include_usage": True}
        )
        chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert json.loads(text) == ANSWER
    assert chunks[-1].usage is not None and chunks[-1].usage.total_tokens > 0


# --------------------------------------------------------------------------- faults


def test_queued_429_exposes_retry_after(srv):
    srv.queue(Fault.status(429, retry_after=0.1, message="slow down"))
    with sync_client(srv) as client, pytest.raises(openai.RateLimitError) as info:
        client.chat.completions.create(model=MODEL, messages=user("hi"))
    err = info.value
    assert err.status_code == 429
    assert err.response.headers["retry-after"] == "0.1"
    assert err.body == {"message": "slow down", "type": "requests", "param": None, "code": "rate_limit_exceeded"}
    assert srv.faults_injected == 1
    # the queue is drained: next call answers normally on the same client
    with sync_client(srv) as client:
        assert client.chat.completions.create(model=MODEL, messages=user("hi")).choices


def test_client_retries_consume_queue_in_order(srv):
    srv.queue(Fault.status(429, retry_after=0.05), Fault.status(503, retry_after=0.05, headers={"x-should-retry": "true"}))
    srv.set_answer("R", ANSWER)
    with sync_client(srv, max_retries=2) as client:
        t0 = time.monotonic()
        resp = client.chat.completions.create(model=MODEL, messages=user("R"))
    assert json.loads(resp.choices[0].message.content) == ANSWER
    assert [r.headers["x-stainless-retry-count"] for r in srv.chat_requests] == ["0", "1", "2"]
    assert srv.faults_injected == 2
    assert time.monotonic() - t0 < 5


def test_reset_is_connection_error_sync_and_async(srv):
    srv.queue(Fault.reset(), Fault.reset())
    with sync_client(srv) as client, pytest.raises(openai.APIConnectionError) as info:
        client.chat.completions.create(model=MODEL, messages=user("hi"))
    assert not isinstance(info.value, openai.APITimeoutError)

    async def run():
        async with async_client(srv) as client:
            with pytest.raises(openai.APIConnectionError):
                await client.chat.completions.create(model=MODEL, messages=user("hi"))
            return await client.chat.completions.create(model=MODEL, messages=user("hi"))

    assert asyncio.run(run()).choices  # server survives resets
    assert srv.faults_injected == 2


def test_truncated_empty_wrong_tool_and_garbage(srv):
    srv.queue(
        Fault.truncated_json(),
        Fault.empty_choices(),
        Fault.wrong_tool_name(),
        Fault.answer("I am not JSON"),
        Fault.delay(0.05),
    )
    with sync_client(srv) as client:
        # openai 3.3 parses the body after its retry loop: a truncated 200 surfaces as a bare JSONDecodeError
        with pytest.raises(json.JSONDecodeError):
            client.chat.completions.create(model=MODEL, messages=user("hi"))
        assert client.chat.completions.create(model=MODEL, messages=user("hi")).choices == []
        call = client.chat.completions.create(
            model=MODEL, messages=user("hi"), tools=[EXTRACT_TOOL]
        ).choices[0].message.tool_calls[0]
        assert call.function.name == "not_the_requested_tool"
        assert client.chat.completions.create(model=MODEL, messages=user("hi")).choices[0].message.content == (
            "I am not JSON"
        )
        t0 = time.monotonic()
        client.chat.completions.create(model=MODEL, messages=user("hi"))
        assert time.monotonic() - t0 >= 0.05
    assert srv.faults_injected == 5


def test_timeout_fault_and_prompt_stop():
    srv = FakeOpenAI(timeout_sleep=30.0).start()
    try:
        srv.queue(Fault.timeout())
        with sync_client(srv, timeout=0.3) as client, pytest.raises(openai.APITimeoutError):
            client.chat.completions.create(model=MODEL, messages=user("hi"))
        # an idle keep-alive connection and a handler still "sleeping" must not delay stop()
        keepalive = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=5)
        keepalive.request("GET", "/v1/models")
        assert keepalive.getresponse().read()
    finally:
        t0 = time.monotonic()
        srv.stop()
        assert time.monotonic() - t0 < 1.0
    keepalive.close()


def test_random_faults_are_seeded():
    def outcomes(seed):
        out = []
        with FakeOpenAI(fault_rate=0.5, seed=seed) as srv, sync_client(srv) as client:
            for _ in range(24):
                try:
                    resp = client.chat.completions.create(model=MODEL, messages=user("hi"), tools=[EXTRACT_TOOL])
                    fn = resp.choices[0].message.tool_calls[0].function if resp.choices else None
                    out.append(f"{fn.name}:{fn.arguments}" if fn else "empty")
                except Exception as exc:  # noqa: BLE001
                    out.append(type(exc).__name__)
            assert srv.faults_injected == sum(o != CLEAN for o in out)
        return out

    CLEAN = "extract:" + json.dumps({"actors": [], "claims": [], "denials": [], "events": []})
    a = outcomes(7)
    assert a == outcomes(7)
    assert CLEAN in a and len(set(a)) >= 4  # some clean answers, several kinds of fault

    with FakeOpenAI(fault_rate=1.0, seed=1) as srv, sync_client(srv) as client:
        for _ in range(10):
            try:
                client.chat.completions.create(model=MODEL, messages=user("hi"))
            except Exception:  # noqa: BLE001
                pass
        assert srv.faults_injected == 10


# --------------------------------------------------------------------------- HTTP plumbing


def test_models_404_and_raw_http(srv):
    with sync_client(srv) as client:
        assert "gpt-4o-mini" in [m.id for m in client.models.list().data]
        with pytest.raises(openai.NotFoundError) as info:
            client.post("/nope", cast_to=object, body={})
    assert info.value.body["type"] == "invalid_request_error"
    with pytest.raises(urllib.error.HTTPError) as raw:
        urllib.request.urlopen(srv.base_url.replace("/v1", "/elsewhere"), timeout=5)
    err = json.loads(raw.value.read())["error"]
    assert set(err) >= {"message", "type", "code"}

    # chunked body + Expect: 100-continue + keep-alive on one connection
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=5)
    payload = json.dumps({"model": "m", "messages": user("hi")}).encode()
    for _ in range(2):
        conn.request("POST", "/v1/chat/completions", body=iter([payload[:10], payload[10:]]),
                     headers={"Content-Type": "application/json", "Expect": "100-continue"},
                     encode_chunked=True)
        resp = conn.getresponse()
        data = resp.read()
        assert resp.status == 200 and int(resp.headers["Content-Length"]) == len(data)
        assert json.loads(data)["model"] == "m"
    conn.close()
    assert [r.body["model"] for r in srv.chat_requests] == ["m", "m"]


def test_many_concurrent_requests_with_latency():
    with FakeOpenAI(latency=0.3) as srv:

        async def run():
            async with async_client(srv) as client:
                return await asyncio.gather(
                    *(client.chat.completions.create(model=MODEL, messages=user(str(i))) for i in range(60))
                )

        t0 = time.monotonic()
        results = asyncio.run(run())
        elapsed = time.monotonic() - t0
        assert len(results) == 60 and len(srv.chat_requests) == 60
        assert 0.3 <= elapsed < 3.0
