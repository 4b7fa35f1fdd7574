"""The HTTP API on the real model: the contract, conversations, bad input, key, metrics."""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Iterator

import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from antqa.api import create_app
from antqa.api.routes import ROUTERS
from antqa.config import Settings
from antqa.models import Answer
from antqa.service import QAService

QUESTION = "Who became CEO when Peng Lei stepped down?"


@pytest.fixture(scope="module")
def client(real_service: QAService) -> Iterator[TestClient]:
    with TestClient(create_app(real_service)) as test_client:
        yield test_client


def ask(client: TestClient, question: object, conversation_id: object = None) -> Answer:
    response = client.post("/ask", json={"question": question, "conversation_id": conversation_id})
    assert response.status_code == 200, response.text
    return Answer.model_validate(response.json())


def error_of(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The error body; every refusal has this shape and a non-empty message."""
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["type"] and error["message"]
    return error


def test_answer_object_cites_the_article(client: TestClient, real_service: QAService) -> None:
    response = client.post("/ask", json={"question": QUESTION})
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"answer", "answerable", "citations", "conversation_id", "model"}
    assert body["answerable"] is True
    assert "Jing Xiandong" in " ".join(c["text"] for c in body["citations"])
    assert body["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert body["notice"] is None
    article = real_service.index.article
    for citation in body["citations"]:
        assert set(citation) >= {"n", "chunk_id", "paragraph", "start", "end", "text", "quote"}
        assert article[citation["start"] : citation["end"]] == citation["text"]
        assert citation["quote"] in citation["text"]


def test_question_outside_the_article_is_refused_not_invented(client: TestClient) -> None:
    answer = ask(client, "What is the boiling point of liquid nitrogen?")
    assert answer.answerable is False
    assert answer.citations, "the closest passages are still listed for the reader"


def test_follow_up_continues_the_conversation(client: TestClient) -> None:
    first = ask(client, "Who was the CEO of Ant Financial before Jing Xiandong?")
    follow_up = ask(client, "And which role did she move to?", first.conversation_id)
    assert follow_up.conversation_id == first.conversation_id
    assert follow_up.notice is None
    assert any("chairman" in c.text for c in follow_up.citations)
    another = ask(client, QUESTION)
    assert another.conversation_id != first.conversation_id, "no id: a new conversation"


def test_unknown_conversation_id_starts_a_new_conversation(client: TestClient) -> None:
    answer = ask(client, QUESTION, "not-a-conversation-we-know")
    assert answer.answerable, "answered as a fresh question"
    assert answer.conversation_id != "not-a-conversation-we-know", "the server issues ids"
    assert answer.notice and "ask the full question again" in answer.notice
    again = ask(client, "And what did she become?", answer.conversation_id)
    assert again.notice is None, "the issued id is known from now on"


def test_a_malformed_conversation_id_has_its_own_error_type(client: TestClient) -> None:
    response = client.post("/ask", json={"question": QUESTION, "conversation_id": "../etc"})
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "invalid_conversation_id"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who became CEO\x00 when Peng\x07 Lei stepped down?\x1b", "Jing Xiandong"),
        ("Who became CEO when Peng Lei stepped down? 🤔🐜", "Jing Xiandong"),
        ("彭蕾卸任后谁成为了CEO？ Who became CEO after Peng Lei?", "Jing Xiandong"),
    ],
    ids=["control-characters", "emoji", "chinese"],
)
def test_unusual_but_fine_questions_are_answered(
    client: TestClient, question: str, expected: str
) -> None:
    answer = ask(client, question)
    assert expected in " ".join(c.text for c in answer.citations)


JSON = {"content-type": "application/json"}
BAD_REQUESTS = {
    "empty": ({"json": {"question": ""}}, 422, "empty"),
    "whitespace": ({"json": {"question": " \t\n "}}, 422, "empty"),
    "null": ({"json": {"question": None}}, 422, "not null"),
    "number": ({"json": {"question": 42}}, 422, "not a number"),
    "list-question": ({"json": {"question": ["who?"]}}, 422, "not an array"),
    "object-question": ({"json": {"question": {"q": "who?"}}}, 422, "not an object"),
    "boolean": ({"json": {"question": True}}, 422, "not a boolean"),
    "missing": ({"json": {"conversation_id": None}}, 422, '"question" is missing'),
    "json-list": ({"json": [{"question": "who?"}]}, 422, "an array, not a JSON object"),
    "json-string": ({"json": "who became CEO?"}, 422, "not a JSON object"),
    "invalid-json": ({"content": b'{"question": "who?"', "headers": JSON}, 400, "not valid JSON"),
    "empty-body": ({"content": b"", "headers": JSON}, 400, "empty"),
    "not-utf8": (
        {"content": '{"question": "caf\xe9?"}'.encode("latin-1"), "headers": JSON},
        400,
        "not UTF-8",
    ),
    "deep-nesting": ({"content": b"[" * 5000, "headers": JSON}, 400, "nested too deeply"),
    "form": ({"data": {"question": "who?"}}, 415, "takes JSON"),
    "text": ({"content": b"who?", "headers": {"content-type": "text/plain"}}, 415, "takes JSON"),
    "too-long": ({"json": {"question": "why " * 300}}, 422, "the limit is 1000"),
    "conversation-number": (
        {"json": {"question": "who?", "conversation_id": 7}},
        422,
        '"conversation_id" must be a string',
    ),
    "conversation-garbage": (
        {"json": {"question": "who?", "conversation_id": "../../etc"}},
        422,
        "conversation_id must be",
    ),
    "body-too-large": ({"json": {"question": "x" * 20_000}}, 413, "16384 bytes"),
    "conversation-trailing-newline": (
        {"json": {"question": "who?", "conversation_id": "abc\n"}},
        422,
        "conversation_id must be",
    ),
    "conversation-not-ascii": (
        {"json": {"question": "who?", "conversation_id": "café"}},
        422,
        "ASCII letters",
    ),
}


@pytest.mark.parametrize("case", BAD_REQUESTS.values(), ids=BAD_REQUESTS.keys())
def test_bad_input_gets_a_clear_4xx_and_the_server_keeps_serving(
    client: TestClient, case: tuple[dict[str, object], int, str]
) -> None:
    request, status, phrase = case
    response = client.post("/ask", **request)  # type: ignore[arg-type]
    assert response.status_code == status, response.text
    assert phrase in error_of(response)["message"]
    assert ask(client, QUESTION).answerable, "the next good question is still answered"


def test_body_without_content_type_is_still_read_as_json(client: TestClient) -> None:
    response = client.post("/ask", content=b'{"question": "Who became CEO?"}')
    assert response.status_code == 200


def test_chunked_body_over_the_limit_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(40):
            yield b"x" * 1000
        yield b'"}'

    response = client.post("/ask", content=chunks(), headers=JSON)
    assert response.status_code == 413
    assert error_of(response)["type"] == "body_too_large"


def test_unknown_route_and_wrong_method_answer_json(client: TestClient) -> None:
    missing = client.get("/nothing-here")
    assert missing.status_code == 404
    assert "POST /ask" in error_of(missing)["message"]
    wrong = client.get("/ask")
    assert wrong.status_code == 405
    assert "use POST" in error_of(wrong)["message"]


def test_healthz_reports_ready_with_the_loaded_index(
    client: TestClient, real_service: QAService
) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "model": "sentence-transformers/all-MiniLM-L6-v2",
        "passages": len(real_service.index.chunks),
        "discord": None,  # this process runs no bot
    }


def test_healthz_is_503_until_start_up_has_loaded_everything(real_service: QAService) -> None:
    not_started = TestClient(create_app(real_service))  # no lifespan: start-up has not run
    response = not_started.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "starting"


def metric(text: str, name: str, **labels: str) -> float:
    """The value of one sample in a Prometheus exposition."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        sample, _, value = line.rpartition(" ")
        sample_name, _, sample_labels = sample.partition("{")
        found = ",".join(sorted(sample_labels.rstrip("}").split(","))) if sample_labels else ""
        if sample_name == name and found == wanted:
            return float(value)
    raise AssertionError(f"no sample {name}{{{wanted}}}")


def test_metrics_count_requests_answers_and_index_size(
    client: TestClient, real_service: QAService
) -> None:
    before = client.get("/metrics").text
    ask(client, QUESTION)
    ask(client, "What is the boiling point of liquid nitrogen?")
    client.post("/ask", json={"question": ""})
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    after = response.text

    def grew(name: str, **labels: str) -> float:
        try:
            old = metric(before, name, **labels)
        except AssertionError:
            old = 0.0
        return metric(after, name, **labels) - old

    assert grew("antqa_http_requests_total", method="POST", path="/ask", status="200") == 2
    assert grew("antqa_http_requests_total", method="POST", path="/ask", status="422") == 1
    assert grew("antqa_answers_total", outcome="answered") == 1
    assert grew("antqa_answers_total", outcome="refused") == 1
    assert grew("antqa_http_request_duration_seconds_count", method="POST", path="/ask") == 3
    assert metric(after, "antqa_index_passages") == len(real_service.index.chunks)
    assert metric(after, "antqa_index_sentences") == len(real_service.index.sentences)
    assert metric(after, "antqa_asks_in_progress") == 0


def test_metrics_of_two_apps_are_separate(real_service: QAService, client: TestClient) -> None:
    ask(client, QUESTION)
    with TestClient(create_app(real_service)) as fresh:
        text = fresh.get("/metrics").text
    assert metric(text, "antqa_answers_total", outcome="answered") == 0


def test_openapi_documents_ask_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    ask_op = spec["paths"]["/ask"]["post"]
    request_body = ask_op["requestBody"]["content"]["application/json"]
    assert request_body["schema"]["required"] == ["question"]
    assert request_body["examples"]
    assert ask_op["responses"]["200"]["content"]["application/json"]["examples"]
    for status in ("400", "401", "413", "415", "422", "503"):
        assert status in ask_op["responses"]
    assert {"/healthz", "/metrics"} <= set(spec["paths"])
    # the key /ask checks itself is documented as the bearer scheme the spec defines
    # (optional here: this server has no key)
    schemes = spec["components"]["securitySchemes"]
    assert ask_op["security"] == [{name: []} for name in schemes] + [{}]
    assert [scheme["scheme"] for scheme in schemes.values()] == ["bearer"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


# --- the API key --------------------------------------------------------------------------

KEY = "correct horse battery staple"


@pytest.fixture(scope="module")
def keyed_client(real_service: QAService) -> Iterator[TestClient]:
    settings = Settings(api_key=KEY)
    service = QAService(real_service.index, real_service.embedder, settings)
    with TestClient(create_app(service)) as test_client:
        yield test_client


@pytest.mark.parametrize("path", ["/ask", "/metrics"])
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {KEY}"},
        {"Authorization": f"Bearer {KEY}x"},
    ],
    ids=["missing", "wrong", "not-bearer", "longer"],
)
def test_without_the_right_key_protected_routes_are_401(
    keyed_client: TestClient, path: str, headers: dict[str, str]
) -> None:
    if path == "/ask":
        response = keyed_client.post(path, json={"question": QUESTION}, headers=headers)
    else:
        response = keyed_client.get(path, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "Bearer" in error_of(response)["message"] or "not valid" in error_of(response)["message"]
    assert KEY not in response.text


def test_key_is_checked_before_the_body(keyed_client: TestClient) -> None:
    response = keyed_client.post("/ask", content=b"{not json", headers=JSON)
    assert response.status_code == 401


def test_with_the_right_key_everything_works(keyed_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {KEY}"}
    response = keyed_client.post("/ask", json={"question": QUESTION}, headers=auth)
    assert response.status_code == 200
    assert response.json()["answerable"] is True
    assert keyed_client.get("/metrics", headers=auth).status_code == 200


def test_healthz_needs_no_key(keyed_client: TestClient) -> None:
    assert keyed_client.get("/healthz").status_code == 200


# --- failures inside the service ------------------------------------------------------------


class BrokenService:
    """The real service, except that asking fails the way a bug would."""

    def __init__(self, service: QAService) -> None:
        self._service = service

    def __getattr__(self, name: str) -> object:
        return getattr(self._service, name)

    def ask(self, question: str, conversation_id: str | None = None) -> Answer:
        raise RuntimeError("faiss exploded at /secret/path/index.faiss")


def test_unexpected_failure_is_logged_and_answered_500_without_internals(
    real_service: QAService, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(BrokenService(real_service))  # type: ignore[arg-type]
    with caplog.at_level(logging.ERROR, logger="antqa"), TestClient(app) as broken:
        response = broken.post("/ask", json={"question": QUESTION})
        assert response.status_code == 500
        error = error_of(response)
        assert error["type"] == "internal_error"
        assert not re.search(r"faiss|secret|Traceback|RuntimeError", response.text)
        assert broken.get("/healthz").status_code == 200, "the server keeps serving"
    logged = [r for r in caplog.records if r.exc_info]
    assert logged and "faiss exploded" in str(logged[0].exc_info[1])
    assert "POST /ask" in logged[0].getMessage()


def _dependencies(dependant: Dependant) -> Iterator[Dependant]:
    for sub in dependant.dependencies:
        yield sub
        yield from _dependencies(sub)


def test_every_dependency_runs_on_the_event_loop() -> None:
    """FastAPI runs a plain ``def`` dependency on a worker thread: a hop per request, each way."""
    routes = [route for router in ROUTERS for route in router.routes if isinstance(route, APIRoute)]
    assert any(route.path == "/ask" for route in routes)
    for route in routes:
        for dependency in _dependencies(route.dependant):
            call = dependency.call
            is_async = inspect.iscoroutinefunction(call) or (  # a function, or an object such
                inspect.iscoroutinefunction(type(call).__call__)  # as HTTPBearer() that is called
            )
            assert is_async, f"{route.path}: {call!r} is not async"
