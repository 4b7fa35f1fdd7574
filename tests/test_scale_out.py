"""Real ``antqa serve`` processes sharing one conversation store: follow-ups are never lost.

- ``--workers 2`` on one port with the SQLite store (many follow-ups, new connections);
- two replicas on two ports sharing one Redis, follow-ups alternating between them;
- SIGKILL and a restart between a question and its follow-up, for SQLite and for Redis;
- Redis stopped under a running server: 503 with ``Retry-After``; started again: answers,
  without restarting the server.

Slow (each process loads the model): the tests share as few processes as they can.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from antqa.models import Answer
from benchmarks.serve_process import SERVE_ARGS, ServedProcess, served
from tests.conftest import cli_env

pytestmark = pytest.mark.slow

QUESTION = "Who became CEO when Peng Lei stepped down?"
FOLLOW_UPS = ("And which role did she move to?", "What did he do before that?", "Why?")
STARTED = "Application startup complete"


def serve_command(workers: int = 1) -> list[str]:
    return [sys.executable, "-m", "antqa", *SERVE_ARGS, "--workers", str(workers)]


@contextmanager
def serving(env: dict[str, str], workers: int = 1) -> Iterator[ServedProcess]:
    """``antqa serve`` with ``env``, returned once every worker has loaded the model.

    One process loads it before listening; with workers the supervisor listens first and
    each worker then says when it has started.
    """
    with served(env, serve_command(workers)) as server:
        for _ in range(workers if workers > 1 else 0):
            server.expect(STARTED, timeout=180)
        yield server


def ask(url: str, question: str, conversation_id: str | None = None) -> Answer:
    """One question on a new connection (so a multi-worker server may give it to any worker)."""
    response = httpx.post(
        f"{url}/ask",
        json={"question": question, "conversation_id": conversation_id},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    return Answer.model_validate(response.json())


def converse(urls: list[str], rounds: int = len(FOLLOW_UPS)) -> list[Answer]:
    """A question, then follow-ups, each sent to the next URL in turn; every answer."""
    answers = [ask(urls[0], QUESTION)]
    for n, follow_up in enumerate(FOLLOW_UPS[:rounds], 1):
        answers.append(ask(urls[n % len(urls)], follow_up, answers[0].conversation_id))
    return answers


def assert_none_lost(answers: list[Answer]) -> None:
    first = answers[0].conversation_id
    lost = [a for a in answers[1:] if a.notice is not None or a.conversation_id != first]
    assert not lost, f"{len(lost)} of {len(answers) - 1} follow-ups lost their conversation"


@pytest.fixture
def sqlite_env(tmp_path: Path) -> dict[str, str]:
    return cli_env(ANTQA_STATE_DIR=str(tmp_path / "state"), ANTQA_ASK_RATE_PER_MINUTE="0")


@pytest.fixture
def redis_env(tmp_path: Path, redis_url: str) -> dict[str, str]:
    return cli_env(
        ANTQA_STATE_DIR=str(tmp_path / "unused"),
        ANTQA_REDIS_URL=redis_url,
        ANTQA_ASK_RATE_PER_MINUTE="0",  # the test's clients all come from one address
    )


def test_two_workers_on_one_port_lose_no_follow_up(sqlite_env: dict[str, str]) -> None:
    with serving(sqlite_env, workers=2) as server:
        with ThreadPoolExecutor(max_workers=8) as clients:
            conversations = list(clients.map(lambda _: converse([server.url]), range(24)))
        pids = {
            line.split("[")[-1].strip(" ]\n") for line in server.log if "server process" in line
        }
    assert len(pids) == 2, "two worker processes served"
    for answers in conversations:
        assert_none_lost(answers)
    assert sum(len(a) - 1 for a in conversations) == 24 * len(FOLLOW_UPS)


def test_two_replicas_sharing_redis_lose_no_follow_up(redis_env: dict[str, str]) -> None:
    with ExitStack() as stack:
        replicas = [stack.enter_context(serving(redis_env)) for _ in range(2)]
        urls = [r.url for r in replicas]
        assert urls[0] != urls[1]
        with ThreadPoolExecutor(max_workers=4) as clients:
            conversations = list(clients.map(lambda _: converse(urls), range(12)))
    for answers in conversations:
        assert_none_lost(answers)


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_a_follow_up_after_kill_9_and_a_restart_keeps_its_context(
    store: str, request: pytest.FixtureRequest
) -> None:
    env = request.getfixturevalue(f"{store}_env")
    with serving(env) as server:
        first = ask(server.url, QUESTION)
        server.process.kill()  # SIGKILL: nothing is flushed or closed on the way out
        server.process.wait(timeout=30)
    with serving(env) as restarted:
        follow_up = ask(restarted.url, FOLLOW_UPS[0], first.conversation_id)
    assert follow_up.notice is None
    assert follow_up.conversation_id == first.conversation_id


def test_redis_down_is_a_503_with_retry_after_and_the_server_recovers(
    redis_env: dict[str, str], redis_process: Any
) -> None:
    with serving(redis_env) as server:
        first = ask(server.url, QUESTION)
        redis_process.stop()
        try:
            down = httpx.post(
                f"{server.url}/ask",
                json={"question": FOLLOW_UPS[0], "conversation_id": first.conversation_id},
                timeout=60,
            )
            health = httpx.get(f"{server.url}/healthz", timeout=10)
        finally:
            redis_process.start()
        back = ask(server.url, FOLLOW_UPS[0], first.conversation_id)
    assert down.status_code == 503
    assert int(down.headers["Retry-After"]) >= 1
    error = down.json()["error"]
    assert error["type"] == "state_unavailable" and "Redis" in error["message"]
    assert "Traceback" not in "".join(server.log)
    assert health.status_code == 200, "the server itself stays up"
    assert back.notice is None and back.conversation_id == first.conversation_id


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"ANTQA_CONVERSATION_STORE": "memory"}, "ANTQA_CONVERSATION_STORE=memory"),
        ({"DISCORD_TOKEN": "not-a-real-token"}, "antqa discord"),
    ],
    ids=["memory-store", "discord-bot"],
)
def test_workers_refuse_what_would_break_across_processes(
    run_cli: Any, env: dict[str, str], expected: str
) -> None:
    result = run_cli("serve", "--port", "0", "--workers", "2", env=env, timeout=120)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ConfigurationError:") and expected in line
