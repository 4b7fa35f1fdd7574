"""The HTTP API over real sockets on 127.0.0.1: bursts, overload, body limits, SIGTERM."""

from __future__ import annotations

import asyncio
import gc
import http.client
import json
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx
import pytest
from fastapi import FastAPI

from antqa.api import create_app
from antqa.api.server import Companion, build_server, run_with_companions, serve
from antqa.config import Settings
from antqa.models import Answer
from antqa.service import QAService
from benchmarks.serve_process import served
from tests.conftest import cli_env

QUESTIONS = [
    "Who became CEO when Peng Lei stepped down?",
    "What happened to the financial products on Zhaocaibao in December?",
    "Why did Alipay's circle feature cause an uproar?",
    "What is the boiling point of liquid nitrogen?",
]


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """``app`` served by the production server setup on a free loopback port."""
    server = build_server(app, "127.0.0.1", 0, grace_seconds=10)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_for(lambda: server.started or not thread.is_alive(), "the server to start")
    assert server.started
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def url(real_service: QAService) -> Iterator[str]:
    with running(create_app(real_service)) as base:
        yield base


def post(base: str, question: str, conversation_id: str | None = None) -> httpx.Response:
    payload = {"question": question, "conversation_id": conversation_id}
    return httpx.post(f"{base}/ask", json=payload, timeout=60)


def test_concurrent_burst_is_answered_without_server_errors(url: str) -> None:
    jobs = [QUESTIONS[i % len(QUESTIONS)] for i in range(64)]
    with ThreadPoolExecutor(max_workers=16) as clients:
        responses = list(clients.map(lambda q: post(url, q), jobs))
    for question, response in zip(jobs, responses, strict=True):
        if response.status_code == 503:
            assert response.headers["retry-after"]
            continue
        assert response.status_code == 200, response.text
        answer = Answer.model_validate(response.json())
        assert answer.citations
        if question == QUESTIONS[0]:
            assert "Jing Xiandong" in " ".join(c.text for c in answer.citations)
    assert sum(r.status_code == 200 for r in responses) >= 16 + 2, "the backlog absorbs 16"
    assert post(url, QUESTIONS[0]).status_code == 200


def test_concurrent_questions_in_one_conversation_take_turns(url: str) -> None:
    conversation = Answer.model_validate(post(url, QUESTIONS[0]).json()).conversation_id
    with ThreadPoolExecutor(max_workers=8) as clients:
        responses = list(clients.map(lambda q: post(url, q, conversation), [QUESTIONS[0]] * 8))
    answers = [Answer.model_validate(r.json()) for r in responses]
    assert {a.conversation_id for a in answers} == {conversation}
    assert not [a.notice for a in answers if a.notice], "every one continued the conversation"


class GatedService:
    """The real service, but each question waits at a gate the test opens."""

    def __init__(self, service: QAService) -> None:
        self._service = service
        self.entered = threading.Semaphore(0)
        self.gate = threading.Event()

    def __getattr__(self, name: str) -> object:
        return getattr(self._service, name)

    def ask(self, question: str, conversation_id: str | None = None) -> Answer:
        self.entered.release()
        self.gate.wait(timeout=60)
        return self._service.ask(question, conversation_id)


def test_overload_is_refused_with_503_and_retry_after(real_service: QAService) -> None:
    one_worker = Settings(ask_workers=1, ask_max_pending=1)
    gated = GatedService(QAService(real_service.index, real_service.embedder, one_worker))
    pool = gated.workers
    app = create_app(gated)  # type: ignore[arg-type]
    with running(app) as base, ThreadPoolExecutor(max_workers=2) as clients:
        running_one = clients.submit(post, base, QUESTIONS[0])
        assert gated.entered.acquire(timeout=60), "the first question reached the worker"
        waiting_one = clients.submit(post, base, QUESTIONS[1])
        wait_for(lambda: pool.admitted == 2, "the second question to wait")

        refused = post(base, QUESTIONS[2])
        assert refused.status_code == 503
        assert refused.headers["retry-after"] == "1"
        assert refused.json()["error"]["type"] == "overloaded"
        assert "retry" in refused.json()["error"]["message"]

        gated.gate.set()
        assert running_one.result(timeout=60).status_code == 200
        assert waiting_one.result(timeout=60).status_code == 200
        assert post(base, QUESTIONS[0]).status_code == 200, "serving again once there is room"
    pool.close()


def raw_exchange(base: str, head: bytes, body: bytes = b"") -> tuple[int, dict[str, object]]:
    """Send ``head`` (and ``body``) on a raw socket and read the response to its end."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head + body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, json.loads(data.partition(b"\r\n\r\n")[2])


def test_declared_oversized_body_is_refused_before_it_is_sent(url: str) -> None:
    head = (
        b"POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 50000000\r\n\r\n"
    )
    status, body = raw_exchange(url, head)  # the body never comes; the answer does
    assert status == 413
    assert body["error"]["type"] == "body_too_large"


def test_streamed_oversized_body_is_refused_before_it_ends(url: str) -> None:
    head = (
        b"POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"x" * 4096
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(8))  # no last chunk
    status, answer = raw_exchange(url, head, body)
    assert status == 413
    assert "16384 bytes" in answer["error"]["message"]


# --- antqa serve, the real command ----------------------------------------------------------


def test_antqa_serve_finishes_the_request_in_flight_on_sigterm() -> None:
    with served(cli_env()) as server:
        base = server.url
        health = httpx.get(f"{base}/healthz", timeout=30)
        assert health.status_code == 200, "listening means loaded: ready at the first request"

        payload = json.dumps({"question": "Who became CEO when Peng Lei stepped down?"}).encode()
        host, port = base.removeprefix("http://").split(":")
        in_flight = http.client.HTTPConnection(host, int(port), timeout=60)
        in_flight.putrequest("POST", "/ask")
        in_flight.putheader("Content-Type", "application/json")
        in_flight.putheader("Content-Length", str(len(payload)))
        in_flight.endheaders(payload[:10])  # the request has begun; its body is unfinished
        # A later round trip means the server's loop has read the request's headers.
        assert httpx.get(f"{base}/healthz", timeout=30).status_code == 200

        server.process.send_signal(signal.SIGTERM)
        server.expect(r"Waiting for connections to close", timeout=30)
        in_flight.send(payload[10:])
        response = in_flight.getresponse()
        assert response.status == 200
        answer = Answer.model_validate_json(response.read())
        assert "Jing Xiandong" in " ".join(c.text for c in answer.citations)

        assert server.process.wait(timeout=60) == 0, "a graceful stop exits with status 0"
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{base}/healthz", timeout=5)


def test_antqa_serve_on_a_busy_port_says_so_in_one_line(run_cli) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port), timeout=300)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: ConfigurationError: port {port} is in use — stop the other server or pass --port"
    )
    assert "Traceback" not in result.stderr + result.stdout


# --- companions: other services sharing the server's process and lifetime ------------------


def test_companions_start_once_listening_and_stop_with_the_server(fake_service: QAService) -> None:
    server = build_server(create_app(fake_service), "127.0.0.1", 0, grace_seconds=5)
    events: list[str] = []

    async def bot() -> None:
        events.append(f"started, server listening: {server.started}")
        try:
            await asyncio.Event().wait()
        finally:
            events.append("closed")

    async def operator() -> None:
        server.should_exit = True  # what SIGTERM does
        await asyncio.Event().wait()

    companions = [
        Companion(name=name, run=run, state=lambda: "?")
        for name, run in (("bot", bot), ("operator", operator))
    ]
    asyncio.run(run_with_companions(server, companions))
    assert events == ["started, server listening: True", "closed"]


def test_a_failing_companion_is_logged_and_the_server_keeps_serving(
    fake_service: QAService, caplog: pytest.LogCaptureFixture
) -> None:
    server = build_server(create_app(fake_service), "127.0.0.1", 0, grace_seconds=5)

    async def broken_bot() -> None:
        raise RuntimeError("login failed: improper token")

    async def client() -> None:
        await asyncio.sleep(0.2)  # the bot has failed by now
        port = server.servers[0].sockets[0].getsockname()[1]
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            assert (await http.get("/healthz")).status_code == 200
        server.should_exit = True
        await asyncio.Event().wait()

    companions = [
        Companion(name="bot", run=broken_bot, state=lambda: "off"),
        Companion(name="client", run=client, state=lambda: "?"),
    ]
    logging.getLogger("antqa").addHandler(caplog.handler)  # the server's config: no propagation
    try:
        asyncio.run(run_with_companions(server, companions))
    finally:
        logging.getLogger("antqa").removeHandler(caplog.handler)
    [failure] = [r for r in caplog.records if r.name == "antqa.api" and r.exc_info]
    assert failure.getMessage() == "bot is off: unexpected error — the HTTP API keeps serving"
    assert "improper token" in str(failure.exc_info[1])


def test_what_serve_has_loaded_is_frozen_out_of_the_cyclic_collector(
    fake_service: QAService,
) -> None:
    before = gc.get_freeze_count()
    frozen: list[int] = []

    async def probe() -> None:  # looks once the server listens, then stops it as SIGTERM does
        frozen.append(gc.get_freeze_count())
        os.kill(os.getpid(), signal.SIGTERM)

    try:
        serve(fake_service, "127.0.0.1", 0, companions=[Companion("probe", probe, lambda: "on")])
    finally:
        gc.unfreeze()  # this test process goes on collecting as before
    assert frozen and frozen[0] > before


def test_a_worker_process_settles_what_it_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve --workers``: each worker's app (the real index and model) is loaded, warmed
    and frozen out of the cyclic collector before it serves, as the one-process server is."""
    from antqa.api.server import app_from_environment

    monkeypatch.setenv("ANTQA_CONVERSATION_STORE", "memory")
    before = gc.get_freeze_count()
    try:
        app = app_from_environment()
        frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()
    app.state.runtime.service.close()
    assert frozen > before
