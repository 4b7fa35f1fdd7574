"""No part takes another down: the HTTP API and the Discord bot in one event loop (as in
``antqa serve``), with Discord out of reach at start-up, dropping, or refusing the token.

The HTTP side is a real uvicorn server on loopback; Discord is ``tests/fake_discord.py``
(unreachable = its port closed; a rejected token = the fake answering 401).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

import discord
import httpx
import pytest
import yarl
from fake_discord import BOT_ID, FakeDiscord
from pydantic import SecretStr

from antqa.api import create_app
from antqa.api.server import Companion, build_server, run_with_companions
from antqa.bots.connection import Backoff, BotStatus
from antqa.bots.discord_bot import REJECTED_TOKEN, run_discord
from antqa.config import Settings
from antqa.service import QAService

pytestmark = pytest.mark.anyio

QUESTION = "Which version of Alipay's wireless app added friends?"
#: Retry pacing for the tests: the same doubling, in tenths of a second.
QUICK_RETRIES = functools.partial(Backoff, first=0.05, cap=0.2)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Process:
    """The HTTP app and the bot sharing one event loop, as ``antqa serve`` runs them."""

    def __init__(self, http: httpx.AsyncClient, status: BotStatus) -> None:
        self.http = http
        self.status = status

    async def health(self) -> dict[str, Any]:
        response = await self.http.get("/healthz")
        assert response.status_code == 200, "HTTP is healthy whatever the bot's state"
        body: dict[str, Any] = response.json()
        return body

    async def asks_fine(self) -> None:
        response = await self.http.post("/ask", json={"question": QUESTION})
        assert response.status_code == 200, response.text
        assert response.json()["answerable"]

    @staticmethod
    async def bot_answers(fake: FakeDiscord) -> None:
        """A mention in Discord gets a cited answer."""
        asked = await fake.post_message(f"<@{BOT_ID}> {QUESTION}", mentions=(BOT_ID,))
        [answer] = await fake.wait_for(lambda: fake.sent_to(int(asked["id"])))
        assert "[1]" in answer.embed["description"]

    async def wait_for_state(self, check: Callable[[str], bool], timeout: float = 30) -> str:
        """Wait until /healthz's ``discord`` passes ``check``, asking over HTTP meanwhile."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            state = str((await self.health())["discord"])
            if check(state):
                return state
            await self.asks_fine()
            assert asyncio.get_running_loop().time() < deadline, f"still {state!r}"
            await asyncio.sleep(0.05)


@pytest.fixture
def serve_with_bot(  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    fake_service: QAService,
    tmp_path,
    caplog: pytest.LogCaptureFixture,
):
    """``async with serve_with_bot(fake, token=...) as process``: HTTP + bot, bot → ``fake``
    (started or not). ``caplog`` also sees antqa's own logger, which the server's logging
    configuration keeps from propagating."""

    @contextlib.asynccontextmanager
    async def serve(fake: FakeDiscord, *, token: str) -> AsyncIterator[Process]:
        base = f"http://127.0.0.1:{fake.port}"
        monkeypatch.setattr(discord.http.Route, "BASE", f"{base}/api/v10")
        gateway = yarl.URL(f"ws://127.0.0.1:{fake.port}/gateway")
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", gateway)
        settings = Settings(
            feedback_db=tmp_path / "feedback.sqlite3", discord_token=SecretStr(token)
        )
        status = BotStatus()
        run = functools.partial(
            run_discord, fake_service, settings, status=status, backoff=QUICK_RETRIES()
        )
        companion = Companion(name="discord", run=run, state=status)
        app = create_app(fake_service, states={companion.name: companion.state})
        server = build_server(app, "127.0.0.1", 0, grace_seconds=5)
        logging.getLogger("antqa").addHandler(caplog.handler)
        serving = asyncio.create_task(run_with_companions(server, [companion]))
        try:
            while not server.started:
                assert not serving.done(), "the server stopped while starting"
                await asyncio.sleep(0.02)
            port = server.servers[0].sockets[0].getsockname()[1]
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
                yield Process(http, status)
        finally:
            server.should_exit = True
            await asyncio.wait_for(serving, timeout=30)
            logging.getLogger("antqa").removeHandler(caplog.handler)

    return serve


async def test_discord_out_of_reach_at_start_up_is_retried_while_http_serves(
    serve_with_bot, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeDiscord(port=free_port())  # not started: the port is closed
    async with serve_with_bot(fake, token=fake.token) as process:
        assert (await process.health())["discord"] == "connecting"
        for _ in range(3):
            await process.asks_fine()
        await asyncio.sleep(0.5)  # several retries at the test's pace
        retries = [r for r in caplog.records if "cannot reach Discord" in r.getMessage()]
        assert len(retries) >= 2, "tried again, more than once"
        assert "trying again in" in retries[0].getMessage()

        await fake.start()  # Discord is back
        try:
            await process.wait_for_state(lambda state: state == "connected")
            await process.bot_answers(fake)
        finally:
            await fake.close()


async def test_a_dropped_connection_is_restored_while_http_serves(serve_with_bot) -> None:
    fake = FakeDiscord(port=free_port())
    await fake.start()
    try:
        async with serve_with_bot(fake, token=fake.token) as process:
            await process.wait_for_state(lambda state: state == "connected")
            await fake.close()  # Discord goes away
            await process.wait_for_state(lambda state: state == "connecting")
            await process.asks_fine()
            await fake.start()  # and comes back: the bot resumes its session
            await process.wait_for_state(lambda state: state == "connected")
            await process.bot_answers(fake)
    finally:
        await fake.close()


async def test_a_rejected_token_turns_the_bot_off_and_http_keeps_serving(
    serve_with_bot, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeDiscord()
    await fake.start()
    try:
        async with serve_with_bot(fake, token="wrong." + fake.token) as process:
            state = await process.wait_for_state(lambda state: state.startswith("off"))
            assert state == f"off: {REJECTED_TOKEN}"
            await process.asks_fine()
            assert (await process.health())["status"] == "ok"
    finally:
        await fake.close()
    assert [r[2] for r in fake.rejected] == [401], "asked once; a rejected token is not retried"
    [why] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert why.getMessage() == f"discord is off: {REJECTED_TOKEN} — the HTTP API keeps serving"
    assert why.exc_info is None, "one line, no traceback"


async def test_without_a_bot_health_says_so(fake_service: QAService) -> None:
    transport = httpx.ASGITransport(app=create_app(fake_service))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        body = (await http.get("/healthz")).json()
    assert body["discord"] is None


def test_retry_delays_double_up_to_the_cap_with_jitter() -> None:
    backoff = Backoff(first=1, cap=8)
    delays = [backoff.next_delay() for _ in range(7)]
    for delay, ceiling in zip(delays, [1, 2, 4, 8, 8, 8, 8], strict=True):
        assert ceiling / 2 <= delay <= ceiling
    backoff.reset()
    assert backoff.next_delay() <= 1
