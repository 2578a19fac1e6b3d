"""Files + Batches endpoints of tests/openai_server.py, driven by the real openai client."""

from __future__ import annotations

import asyncio
import json
import time

import openai
import pytest

from tests.openai_server import FakeOpenAI, Fault

MODEL = "gpt-4o-mini"
CHAT_URL = "/v1/chat/completions"
ANSWER_1 = {"actors": [{"name": "Jane Roe", "role": "mayor"}], "claims": [], "denials": [], "events": []}
ANSWER_2 = {"actors": [], "claims": ["the bridge is closed"], "denials": [], "events": []}
EXTRACT_TOOL = {
    "type": "function",
    "function": {"name": "extract", "parameters": {"type": "object", "properties": {}}},
}


@pytest.fixture
def srv():
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def client(srv):
    with openai.OpenAI(base_url=srv.base_url, api_key="test-key", max_retries=0) as c:
        yield c


def request_line(custom_id: str, text: str, **body) -> dict:
    body = {"model": MODEL, "messages": [{"role": "user", "content": text}], **body}
    return {"custom_id": custom_id, "method": "POST", "url": CHAT_URL, "body": body}


def jsonl(lines: list) -> bytes:
    return "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines).encode()


def upload(client: openai.OpenAI, lines: list) -> str:
    return client.files.create(file=("in.jsonl", jsonl(lines)), purpose="batch").id


def create_batch(client: openai.OpenAI, lines: list, **kw):
    return client.batches.create(input_file_id=upload(client, lines), endpoint=CHAT_URL,
                                 completion_window="24h", **kw)


def wait_done(client: openai.OpenAI, batch_id: str, max_polls: int = 20):
    for _ in range(max_polls):
        batch = client.batches.retrieve(batch_id)
        if batch.status in ("completed", "failed", "expired", "cancelled"):
            return batch
    raise AssertionError(f"batch {batch_id} still {batch.status} after {max_polls} polls")


def read_jsonl(client: openai.OpenAI, file_id: str) -> list[dict]:
    return [json.loads(line) for line in client.files.content(file_id).text.splitlines() if line]


# --------------------------------------------------------------------------- the whole flow


def test_batch_flow_two_successes_one_failure(srv, client):
    srv.set_answer("ARTICLE-1", ANSWER_1)
    srv.set_answer("ARTICLE-2", ANSWER_2)
    srv.batch_faults["req-3"] = Fault.status(400, message="bad request in line 3")
    srv.queue(Fault.status(500))  # queued faults belong to chat requests, not batches
    lines = [
        request_line("req-1", "text of ARTICLE-1", tools=[EXTRACT_TOOL],
                     tool_choice={"type": "function", "function": {"name": "extract"}}),
        request_line("req-2", "text of ARTICLE-2", response_format={"type": "json_object"}),
        request_line("req-3", "text of ARTICLE-3"),
    ]

    uploaded = client.files.create(file=("in.jsonl", jsonl(lines)), purpose="batch")
    assert uploaded.id.startswith("file-")
    assert (uploaded.object, uploaded.purpose, uploaded.status) == ("file", "batch", "processed")
    assert (uploaded.filename, uploaded.bytes) == ("in.jsonl", len(jsonl(lines)))

    batch = client.batches.create(input_file_id=uploaded.id, endpoint=CHAT_URL, completion_window="24h",
                                  metadata={"run": "test"})
    assert batch.id.startswith("batch_") and batch.object == "batch"
    assert batch.status == "validating"
    assert (batch.input_file_id, batch.endpoint, batch.completion_window) == (uploaded.id, CHAT_URL, "24h")
    assert batch.metadata == {"run": "test"}
    assert batch.output_file_id is None and batch.error_file_id is None
    assert srv.batch_requests == []  # nothing is answered before completion

    batch = wait_done(client, batch.id)
    assert batch.status == "completed"
    assert batch.request_counts.model_dump() == {"total": 3, "completed": 2, "failed": 1}
    assert batch.created_at <= batch.in_progress_at <= batch.finalizing_at <= batch.completed_at
    assert batch.expires_at == batch.created_at + 24 * 3600
    assert batch.model == MODEL
    assert batch.usage.total_tokens == batch.usage.input_tokens + batch.usage.output_tokens > 0

    out = read_jsonl(client, batch.output_file_id)
    assert [line["custom_id"] for line in out] == ["req-1", "req-2"]
    for line in out:
        assert line["id"].startswith("batch_req_")
        assert line["error"] is None
        assert line["response"]["status_code"] == 200
        assert line["response"]["request_id"]
    # the completions are the chat format: tool call with tools, content without
    first = openai.types.chat.ChatCompletion.model_validate(out[0]["response"]["body"])
    assert first.choices[0].finish_reason == "tool_calls"
    assert first.choices[0].message.content is None
    (call,) = first.choices[0].message.tool_calls
    assert call.function.name == "extract"
    assert json.loads(call.function.arguments) == ANSWER_1
    second = openai.types.chat.ChatCompletion.model_validate(out[1]["response"]["body"])
    assert second.choices[0].finish_reason == "stop"
    assert second.choices[0].message.tool_calls is None
    assert json.loads(second.choices[0].message.content) == ANSWER_2

    (err,) = read_jsonl(client, batch.error_file_id)
    assert err["custom_id"] == "req-3" and err["id"].startswith("batch_req_")
    assert err["error"] is None
    assert err["response"]["status_code"] == 400
    assert err["response"]["request_id"]
    assert err["response"]["body"] == {"error": {"message": "bad request in line 3",
                                                 "type": "invalid_request_error",
                                                 "param": None, "code": None}}

    assert srv.batch_requests == [line["body"] for line in lines]
    assert srv.batch_faults == {"req-3": Fault.status(400, message="bad request in line 3")}  # not consumed
    assert srv.chat_requests == [] and srv.pending_faults == 1 and srv.faults_injected == 0

    # generated files are ordinary files
    out_file = client.files.retrieve(batch.output_file_id)
    assert (out_file.purpose, out_file.filename) == ("batch_output", f"{batch.id}_output.jsonl")
    assert client.files.retrieve(batch.error_file_id).filename == f"{batch.id}_error.jsonl"
    # more retrieves don't reprocess
    again = client.batches.retrieve(batch.id)
    assert again.model_dump() == batch.model_dump()
    assert len(srv.batch_requests) == 3


def test_the_queued_fault_still_goes_to_the_next_chat_request(srv, client):
    srv.queue(Fault.status(503))
    batch = create_batch(client, [request_line("a", "x")])
    assert wait_done(client, batch.id).request_counts.completed == 1
    with pytest.raises(openai.InternalServerError):
        client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "x"}])
    assert srv.faults_injected == 1 and srv.pending_faults == 0


def test_async_client_flow(srv):
    srv.set_answer("ARTICLE-9", ANSWER_1)

    async def main():
        async with openai.AsyncOpenAI(base_url=srv.base_url, api_key="k", max_retries=0) as c:
            f = await c.files.create(file=("in.jsonl", jsonl([request_line("only", "ARTICLE-9")])),
                                     purpose="batch")
            b = await c.batches.create(input_file_id=f.id, endpoint=CHAT_URL, completion_window="24h")
            while b.status not in ("completed", "failed"):
                b = await c.batches.retrieve(b.id)
            return (await c.files.content(b.output_file_id)).text, b

    text, batch = asyncio.run(main())
    (line,) = [json.loads(x) for x in text.splitlines()]
    assert line["custom_id"] == "only"
    assert json.loads(line["response"]["body"]["choices"][0]["message"]["content"]) == ANSWER_1
    assert batch.error_file_id is None


# --------------------------------------------------------------------------- polling


def test_completes_on_the_nth_retrieve(srv, client):
    srv.batch_polls_to_complete = 3
    batch = create_batch(client, [request_line("a", "x")])
    assert batch.status == "validating"
    statuses = [client.batches.retrieve(batch.id).status for _ in range(4)]
    assert statuses == ["in_progress", "in_progress", "completed", "completed"]
    assert len(srv.batch_requests) == 1


def test_in_progress_counts_before_completion(srv, client):
    srv.batch_polls_to_complete = 2
    batch = create_batch(client, [request_line("a", "x"), request_line("b", "y")])
    assert batch.request_counts.model_dump() == {"total": 0, "completed": 0, "failed": 0}
    batch = client.batches.retrieve(batch.id)
    assert batch.status == "in_progress"
    assert batch.request_counts.model_dump() == {"total": 2, "completed": 0, "failed": 0}
    assert batch.output_file_id is None and srv.batch_requests == []


def test_zero_polls_completes_at_creation(srv, client):
    srv.batch_polls_to_complete = 0
    batch = create_batch(client, [request_line("a", "x")])
    assert batch.status == "completed"
    assert batch.request_counts.completed == 1
    assert len(read_jsonl(client, batch.output_file_id)) == 1


def test_polls_are_read_at_creation(srv, client):
    srv.batch_polls_to_complete = 2
    batch = create_batch(client, [request_line("a", "x")])
    srv.batch_polls_to_complete = 1
    assert client.batches.retrieve(batch.id).status == "in_progress"
    assert client.batches.retrieve(batch.id).status == "completed"


def test_constructor_argument():
    with FakeOpenAI(batch_polls_to_complete=0) as server:
        assert server.batch_polls_to_complete == 0


def test_answers_are_chosen_at_completion(srv, client):
    batch = create_batch(client, [request_line("a", "ARTICLE-LATE")])
    srv.set_answer("ARTICLE-LATE", ANSWER_2)
    batch = wait_done(client, batch.id)
    (line,) = read_jsonl(client, batch.output_file_id)
    assert json.loads(line["response"]["body"]["choices"][0]["message"]["content"]) == ANSWER_2


# --------------------------------------------------------------------------- per-line faults / answers


def test_batch_fault_answer_and_tool_faults(srv, client):
    srv.set_answer("ARTICLE", ANSWER_1)
    srv.batch_faults.update({
        "replaced": Fault.answer({"replaced": True}),
        "raw": Fault.answer("not json at all"),
        "wrong-tool": Fault.wrong_tool_name(),
        "empty": Fault.empty_choices(),
        "delayed": Fault.delay(30),  # ignored: batches don't sleep
    })
    tools = {"tools": [EXTRACT_TOOL]}
    batch = create_batch(client, [
        request_line("replaced", "ARTICLE", **tools),
        request_line("raw", "ARTICLE"),
        request_line("wrong-tool", "ARTICLE", **tools),
        request_line("empty", "ARTICLE"),
        request_line("delayed", "ARTICLE"),
    ])
    started = time.monotonic()
    batch = wait_done(client, batch.id)
    assert time.monotonic() - started < 10
    assert batch.request_counts.model_dump() == {"total": 5, "completed": 5, "failed": 0}
    assert batch.error_file_id is None
    out = {line["custom_id"]: line["response"]["body"] for line in read_jsonl(client, batch.output_file_id)}
    call = out["replaced"]["choices"][0]["message"]["tool_calls"][0]["function"]
    assert (call["name"], json.loads(call["arguments"])) == ("extract", {"replaced": True})
    assert out["raw"]["choices"][0]["message"]["content"] == "not json at all"
    call = out["wrong-tool"]["choices"][0]["message"]["tool_calls"][0]["function"]
    assert (call["name"], json.loads(call["arguments"])) == ("not_the_requested_tool", ANSWER_1)
    assert out["empty"]["choices"] == []
    assert json.loads(out["delayed"]["choices"][0]["message"]["content"]) == ANSWER_1


def test_non_http_failures_have_a_null_response(srv, client):
    srv.batch_faults.update({"t": Fault.timeout(), "r": Fault.reset(), "j": Fault.truncated_json(),
                             "s": Fault.status(429, retry_after=1)})
    batch = wait_done(client, create_batch(client, [request_line(c, "x") for c in "trjs"]).id)
    assert batch.output_file_id is None  # nothing succeeded, as in the real API
    assert batch.request_counts.model_dump() == {"total": 4, "completed": 0, "failed": 4}
    errors = {line["custom_id"]: line for line in read_jsonl(client, batch.error_file_id)}
    assert errors["t"]["response"] is None
    assert errors["t"]["error"]["code"] == "batch_expired"
    assert errors["r"]["response"] is None and errors["r"]["error"]["code"] == "server_error"
    assert errors["j"]["response"] is None and errors["j"]["error"]["code"] == "server_error"
    assert errors["s"]["error"] is None
    assert errors["s"]["response"]["status_code"] == 429
    assert errors["s"]["response"]["body"]["error"]["code"] == "rate_limit_exceeded"


def test_callable_answers_and_responder(client):
    seen = []

    def responder(body):
        seen.append(body["messages"][0]["content"])
        if "BOOM" in body["messages"][0]["content"]:
            raise RuntimeError("responder exploded")
        return {"echo": body["messages"][0]["content"]}

    with FakeOpenAI(responder=responder) as srv, \
            openai.OpenAI(base_url=srv.base_url, api_key="k", max_retries=0) as c:
        srv.set_answer("CALLABLE", lambda body: {"model": body["model"]})
        batch = wait_done(c, create_batch(c, [
            request_line("callable", "CALLABLE"), request_line("echo", "hello"),
            request_line("boom", "BOOM")]).id)
        out = {line["custom_id"]: line for line in read_jsonl(c, batch.output_file_id)}
        assert json.loads(out["callable"]["response"]["body"]["choices"][0]["message"]["content"]) == {
            "model": MODEL}
        assert json.loads(out["echo"]["response"]["body"]["choices"][0]["message"]["content"]) == {
            "echo": "hello"}
        (err,) = read_jsonl(c, batch.error_file_id)
        assert err["custom_id"] == "boom" and err["response"]["status_code"] == 500
        assert "responder exploded" in err["response"]["body"]["error"]["message"]
        assert seen == ["hello", "BOOM"]


def test_a_non_fault_in_batch_faults_is_loud(srv, client):
    srv.batch_faults["a"] = "not a Fault"
    batch = create_batch(client, [request_line("a", "x")])
    with pytest.raises(openai.InternalServerError, match="must be a Fault"):
        client.batches.retrieve(batch.id)
    del srv.batch_faults["a"]
    assert client.batches.retrieve(batch.id).status == "completed"


def test_clear_requests_clears_batch_requests(srv, client):
    wait_done(client, create_batch(client, [request_line("a", "x")]).id)
    assert len(srv.batch_requests) == 1
    srv.clear_requests()
    assert srv.batch_requests == [] and srv.requests == []


# --------------------------------------------------------------------------- input validation


def test_invalid_input_file_fails_the_batch(srv, client):
    lines = [
        request_line("ok", "x"),
        "{not json",
        request_line("ok", "y"),  # duplicate custom_id
        {**request_line("c", "z"), "url": "/v1/embeddings"},
        {k: v for k, v in request_line("d", "z").items() if k != "method"},
        request_line("e", "z", model="gpt-4o"),
    ]
    batch = wait_done(client, create_batch(client, lines).id)
    assert batch.status == "failed" and batch.failed_at
    assert batch.output_file_id is None and batch.error_file_id is None
    assert [(e.code, e.line, e.param) for e in batch.errors.data] == [
        ("invalid_json_line", 2, None),
        ("duplicate_custom_id", 3, "custom_id"),
        ("url_mismatch", 4, "url"),
        ("missing_required_parameter", 5, "method"),
        ("model_mismatch", 6, "body.model"),
    ]
    assert batch.errors.object == "list"
    assert srv.batch_requests == []


def test_empty_input_file_fails_the_batch(client):
    batch = client.batches.create(
        input_file_id=client.files.create(file=("e.jsonl", b"\n"), purpose="batch").id,
        endpoint=CHAT_URL, completion_window="24h")
    batch = wait_done(client, batch.id)
    assert batch.status == "failed"
    assert [e.code for e in batch.errors.data] == ["empty_file"]


def test_create_rejects_bad_parameters(client):
    file_id = upload(client, [request_line("a", "x")])
    other = client.files.create(file=("x.jsonl", b"{}\n"), purpose="fine-tune").id
    with pytest.raises(openai.BadRequestError, match="no such File"):
        client.batches.create(input_file_id="file-missing", endpoint=CHAT_URL, completion_window="24h")
    with pytest.raises(openai.BadRequestError, match="purpose"):
        client.batches.create(input_file_id=other, endpoint=CHAT_URL, completion_window="24h")
    with pytest.raises(openai.BadRequestError, match="endpoint"):
        client.batches.create(input_file_id=file_id, endpoint="/v1/embeddings", completion_window="24h")
    with pytest.raises(openai.BadRequestError, match="completion_window"):
        client.batches.create(input_file_id=file_id, endpoint=CHAT_URL, completion_window="1h")
    with pytest.raises(openai.BadRequestError, match="Missing required parameter: 'input_file_id'"):
        client.post("/batches", body={"endpoint": CHAT_URL, "completion_window": "24h"}, cast_to=object)
    assert client.batches.list().data == []


# --------------------------------------------------------------------------- files


def test_file_bytes_round_trip_exactly(srv, client):
    data = b"line one\r\n\r\n--not-a-boundary\r\n\x00\xff\xfe binary\n" * 50
    f = client.files.create(file=("we \"ird\" name.bin", data), purpose="user_data")
    assert f.bytes == len(data) and f.purpose == "user_data"
    assert client.files.content(f.id).content == data
    assert srv.file_content(f.id) == data
    assert srv.files[f.id]["filename"] == f.filename


def test_file_retrieve_list_delete_and_404s(srv, client):
    a = client.files.create(file=("a.jsonl", b"{}\n"), purpose="batch")
    b = client.files.create(file=("b.txt", b"hi"), purpose="user_data")
    assert client.files.retrieve(a.id) == a
    assert [f.id for f in client.files.list()] == [b.id, a.id]
    assert [f.id for f in client.files.list(order="asc")] == [a.id, b.id]
    assert [f.id for f in client.files.list(purpose="batch")] == [a.id]
    deleted = client.files.delete(a.id)
    assert (deleted.id, deleted.deleted, deleted.object) == (a.id, True, "file")
    assert list(srv.files) == [b.id]
    for call in (lambda: client.files.retrieve(a.id), lambda: client.files.content("file-nope"),
                 lambda: client.files.delete(a.id)):
        with pytest.raises(openai.NotFoundError) as info:
            call()
        assert info.value.body["type"] == "invalid_request_error"
        assert "No such File object" in info.value.body["message"]


def test_upload_without_purpose_is_a_400(client):
    with pytest.raises(openai.BadRequestError, match="purpose"):
        client.post("/files", body={}, files=[("file", ("a.jsonl", b"{}"))], cast_to=object,
                    options={"headers": {"Content-Type": "multipart/form-data"}})
    with pytest.raises(openai.BadRequestError, match="multipart"):
        client.post("/files", body={"purpose": "batch"}, cast_to=object)


# --------------------------------------------------------------------------- list / cancel


def test_list_batches_newest_first_with_pagination(srv, client):
    srv.batch_polls_to_complete = 0
    ids = [create_batch(client, [request_line("a", "x")]).id for _ in range(3)]
    page = client.batches.list(limit=2)
    assert [b.id for b in page.data] == ids[::-1][:2] and page.has_more
    assert [b.id for b in client.batches.list(limit=2)] == ids[::-1]  # auto-pagination
    assert all(b.status == "completed" for b in client.batches.list())
    assert set(srv.batches) == set(ids)


def test_cancel(srv, client):
    batch = create_batch(client, [request_line("a", "x")])
    cancelled = client.batches.cancel(batch.id)
    assert cancelled.status == "cancelling" and cancelled.cancelling_at
    assert client.batches.cancel(batch.id).status == "cancelling"
    batch = client.batches.retrieve(batch.id)
    assert batch.status == "cancelled" and batch.cancelled_at
    assert batch.output_file_id is None and srv.batch_requests == []
    with pytest.raises(openai.ConflictError, match="status 'cancelled'"):
        client.batches.cancel(batch.id)
    with pytest.raises(openai.NotFoundError):
        client.batches.cancel("batch_nope")
    with pytest.raises(openai.NotFoundError, match="No batch found"):
        client.batches.retrieve("batch_nope")
