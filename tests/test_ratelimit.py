"""Fair use on ``POST /ask``: the limiter in memory and in a real Redis, and the 429 it maps to.

The same behaviour tests run against both implementations. The Redis ones need Debian's
``redis-server`` (``make test`` installs it): without it they skip, except under CI, where
they fail.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest
import redis
from fastapi.testclient import TestClient

from antqa.api import create_app
from antqa.config import Settings
from antqa.errors import RateLimited
from antqa.ratelimit import (
    MemoryRateLimiter,
    NoRateLimit,
    Rate,
    RateLimiter,
    RedisRateLimiter,
    rate_limiter,
)
from antqa.service import QAService

#: 600 a minute = one every 0.1 s, 3 at once: fast enough to wait out in a test.
QUICK = Rate(per_minute=600, burst=3)
QUESTION = {"question": "Who became CEO when Peng Lei stepped down?"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server on a free loopback port for this module."""
    binary = shutil.which("redis-server")
    if binary is None:
        reason = "redis-server is not installed — run make test (it installs it) or apt-get"
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"CI is set but the Redis tests cannot run: {reason}")
        pytest.skip(reason)
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", folder]
    with subprocess.Popen(
        [str(arg) for arg in args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    ) as server:
        url = f"redis://127.0.0.1:{port}/0"
        client = redis.Redis.from_url(url)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start within 30 s"
                time.sleep(0.05)
        try:
            yield url
        finally:
            client.close()
            server.terminate()


@pytest.fixture
def empty_redis(redis_url: str) -> str:
    """The module's Redis, emptied: each test starts with no counts."""
    with redis.Redis.from_url(redis_url) as client:
        client.flushdb()
    return redis_url


@pytest.fixture(params=["memory", "redis"])
def make_limiter(request: pytest.FixtureRequest) -> Iterator[Callable[[Rate], RateLimiter]]:
    """``make_limiter(rate)``: a limiter of the parametrized kind (Redis: emptied first)."""
    made: list[RateLimiter] = []

    def make(rate: Rate) -> RateLimiter:
        if request.param == "memory":
            limiter: RateLimiter = MemoryRateLimiter(rate)
        else:
            url = request.getfixturevalue("empty_redis")
            limiter = RedisRateLimiter.from_url(rate, url)
        made.append(limiter)
        return limiter

    yield make
    for limiter in made:
        limiter.close()


def refusal(limiter: RateLimiter, client: str) -> RateLimited:
    with pytest.raises(RateLimited) as caught:
        limiter.take(client)
    return caught.value


def test_a_burst_is_let_through_then_the_pace_applies(make_limiter) -> None:  # type: ignore[no-untyped-def]
    limiter = make_limiter(QUICK)
    for _ in range(QUICK.burst):
        limiter.take("alice")
    refused = refusal(limiter, "alice")
    assert refused.retry_after == 1, "Retry-After is whole seconds, at least 1"
    assert "600 a minute" in refused.message and "retry in 1 s" in refused.message
    time.sleep(QUICK.interval * 1.5)
    limiter.take("alice")  # one more question has been earned
    refusal(limiter, "alice")


def test_a_refused_question_is_not_counted(make_limiter) -> None:  # type: ignore[no-untyped-def]
    limiter = make_limiter(QUICK)
    for _ in range(QUICK.burst):
        limiter.take("alice")
    for _ in range(20):  # hammering while refused must not push the next slot further out
        refusal(limiter, "alice")
    time.sleep(QUICK.interval * 1.5)
    limiter.take("alice")


def test_clients_have_their_own_limits(make_limiter) -> None:  # type: ignore[no-untyped-def]
    limiter = make_limiter(Rate(per_minute=1, burst=2))
    limiter.take("alice")
    limiter.take("alice")
    refusal(limiter, "alice")
    limiter.take("bob")
    limiter.take("bob")
    refusal(limiter, "bob")


def test_a_limit_nobody_reaches_lets_every_question_through(
    make_limiter, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    limiter = make_limiter(Rate(per_minute=10**9, burst=10**9))  # intervals below a clock tick
    with caplog.at_level(logging.WARNING, logger="antqa.ratelimit"):
        for n in range(200):
            limiter.take(f"client-{n % 3}")
    assert caplog.records == [], "counted, never refused, and Redis never failed"


def test_in_memory_pace_is_exact_on_its_clock() -> None:
    now = [1000.0]
    limiter = MemoryRateLimiter(Rate(per_minute=60, burst=2), clock=lambda: now[0])
    limiter.take("a")
    limiter.take("a")
    assert refusal(limiter, "a").retry_after == 1
    now[0] += 0.999
    refusal(limiter, "a")
    now[0] += 0.001
    limiter.take("a")
    now[0] += 60  # idle long enough: the whole burst is back, not more
    limiter.take("a")
    limiter.take("a")
    refusal(limiter, "a")


def test_in_memory_limiter_remembers_a_bounded_number_of_clients() -> None:
    now = [0.0]
    limiter = MemoryRateLimiter(Rate(per_minute=1, burst=1), clock=lambda: now[0], max_clients=2)
    limiter.take("a")
    limiter.take("b")
    refusal(limiter, "a")  # a is now the most recently seen, b the least
    limiter.take("c")  # a third client: b, the least recently seen, is forgotten
    assert len(limiter._due) == 2
    refusal(limiter, "a")
    refusal(limiter, "c")
    limiter.take("b")  # forgotten, so forgiven


def test_replicas_sharing_redis_share_each_clients_limit(empty_redis: str) -> None:
    rate = Rate(per_minute=1, burst=2)
    first, second = (RedisRateLimiter.from_url(rate, empty_redis) for _ in range(2))
    first.take("alice")
    second.take("alice")
    refused = refusal(first, "alice")
    assert refusal(second, "alice").retry_after == refused.retry_after == 60
    first.close()
    second.close()


def test_redis_forgets_a_client_once_its_whole_burst_is_back(empty_redis: str) -> None:
    limiter = RedisRateLimiter.from_url(Rate(per_minute=60, burst=5), empty_redis)
    limiter.take("alice")
    with redis.Redis.from_url(empty_redis) as client:
        [key] = client.keys("antqa:rate:*")
        assert 0 < client.pttl(key) <= 1000, "kept only until the one question is paid off"
    limiter.close()


def test_without_redis_questions_are_let_through_and_it_is_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    limiter = RedisRateLimiter.from_url(
        Rate(per_minute=1, burst=1), f"redis://127.0.0.1:{free_port()}/0"
    )
    with caplog.at_level(logging.WARNING, logger="antqa.ratelimit"):
        for _ in range(3):
            limiter.take("alice")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "rate limit is not applied: Redis failed" in warnings[0]
    limiter.close()


def test_settings_choose_the_limiter(redis_url: str) -> None:
    assert isinstance(rate_limiter(Settings(ask_rate_per_minute=0)), NoRateLimit)
    assert isinstance(rate_limiter(Settings()), MemoryRateLimiter)
    shared = rate_limiter(Settings(redis_url=redis_url))
    assert isinstance(shared, RedisRateLimiter)
    assert shared.rate == Rate(per_minute=60, burst=10), "the documented defaults"
    shared.close()


# --- over HTTP ---------------------------------------------------------------------------


def limited(service: QAService, **settings: object) -> QAService:
    """The same index and model, with a tight limit: 2 at once, then one a minute."""
    chosen = Settings(ask_rate_per_minute=1, ask_rate_burst=2, **settings)  # type: ignore[arg-type]
    return QAService(service.index, service.embedder, chosen)


def test_over_the_limit_ask_gets_429_with_retry_after(fake_service: QAService) -> None:
    with TestClient(create_app(limited(fake_service))) as client:
        assert [client.post("/ask", json=QUESTION).status_code for _ in range(2)] == [200, 200]
        refused = client.post("/ask", json=QUESTION)
        assert refused.status_code == 429
        assert refused.headers["retry-after"] == "60"
        assert refused.json()["error"]["type"] == "rate_limited"
        assert "retry in 60 s" in refused.json()["error"]["message"]
        assert client.get("/healthz").status_code == 200, "only /ask is limited"
        other = TestClient(client.app, client=("192.0.2.7", 50000))
        assert other.post("/ask", json=QUESTION).status_code == 200, "another address"
        assert 'status="429"' in client.get("/metrics").text


def test_this_machines_own_clients_are_not_limited_unless_asked(fake_service: QAService) -> None:
    """Loopback is the operator's (a benchmark, an evaluation, a local proxy that forwards the
    real client): exempt by default, limited once the exemption is emptied."""
    for exempt, expected in (([], [200, 200, 429]), (None, [200, 200, 200, 200])):
        settings = {} if exempt is None else {"ask_rate_exempt": exempt}
        app = create_app(limited(fake_service, **settings))
        with TestClient(app, client=("127.0.0.1", 50000)) as local:
            statuses = [local.post("/ask", json=QUESTION).status_code for _ in expected]
        assert statuses == expected, exempt
    with TestClient(create_app(limited(fake_service)), client=("::1", 50000)) as local6:
        assert [local6.post("/ask", json=QUESTION).status_code for _ in range(3)] == [200] * 3


def test_with_an_api_key_the_key_is_the_client(fake_service: QAService) -> None:
    service = limited(fake_service, api_key="k-one")
    with TestClient(create_app(service)) as client:
        keyed = {"Authorization": "Bearer k-one"}
        assert client.post("/ask", json=QUESTION, headers=keyed).status_code == 200
        elsewhere = TestClient(client.app, client=("192.0.2.7", 50000))
        assert elsewhere.post("/ask", json=QUESTION, headers=keyed).status_code == 200
        assert client.post("/ask", json=QUESTION, headers=keyed).status_code == 429
        wrong = client.post("/ask", json=QUESTION, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401, "a refused key is not a client with a budget"


def test_without_an_api_key_made_up_keys_do_not_dodge_the_limit(fake_service: QAService) -> None:
    with TestClient(create_app(limited(fake_service))) as client:
        statuses = [
            client.post("/ask", json=QUESTION, headers={"Authorization": f"Bearer k{n}"})
            for n in range(3)
        ]
        assert [r.status_code for r in statuses] == [200, 200, 429]


def test_two_apps_sharing_redis_limit_a_client_together(
    fake_service: QAService, empty_redis: str
) -> None:
    service = limited(fake_service, redis_url=empty_redis)
    with TestClient(create_app(service)) as one, TestClient(create_app(service)) as two:
        assert one.post("/ask", json=QUESTION).status_code == 200
        assert two.post("/ask", json=QUESTION).status_code == 200
        refused = one.post("/ask", json=QUESTION)
        assert refused.status_code == 429
        assert two.post("/ask", json=QUESTION).status_code == 429
        assert refused.headers["retry-after"] in {"59", "60"}
