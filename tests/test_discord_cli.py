"""``antqa discord``: token problems are one line and a non-zero exit; the token never leaks."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from conftest import ROOT, cli_env
from fake_discord import BOT_ID, FakeDiscord

from antqa.bots.discord_bot import REJECTED_TOKEN
from antqa.service import QAService

# Points discord.py in the `antqa discord` subprocess at the fake Discord.
SITECUSTOMIZE = """
import os, yarl, discord.http, discord.gateway
discord.http.Route.BASE = os.environ["FAKE_DISCORD_API"]
discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["FAKE_DISCORD_GATEWAY"])
"""


def test_missing_token_is_one_line_and_exit_1(run_cli) -> None:
    result = run_cli("discord")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: ConfigurationError: DISCORD_TOKEN is not set — copy the bot token from the "
        "Discord Developer Portal (your application → Bot → Reset Token) and export DISCORD_TOKEN"
    ]


async def start_antqa(
    fake: FakeDiscord, tmp_path: Path, *args: str, token: str, **settings: str
) -> asyncio.subprocess.Process:
    """``antqa *args`` in a subprocess whose discord.py talks to ``fake`` (``settings``:
    more environment variables)."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    env = cli_env(
        DISCORD_TOKEN=token,
        FAKE_DISCORD_API=fake.api_base,
        FAKE_DISCORD_GATEWAY=fake.gateway_url,
        ANTQA_FEEDBACK_DB=str(tmp_path / "feedback.sqlite3"),
        PYTHONPATH=f"{site}:{ROOT / 'src'}:{ROOT}",
        **settings,
    )
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "antqa", *args,
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


@pytest.mark.anyio
async def test_rejected_token_is_one_line_and_exit_1(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    wrong = "wrong." + fake.token
    try:
        process = await start_antqa(fake, tmp_path, "discord", token=wrong)
        out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    finally:
        await fake.close()

    stdout, stderr = out.decode(), err.decode()
    assert process.returncode == 1
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: ConfigurationError: Discord rejected the bot token in DISCORD_TOKEN — reset it "
        "in the Developer Portal (your application → Bot → Reset Token) and export the new one"
    ]
    assert "Traceback" not in stderr
    assert [r[2] for r in fake.rejected] == [401]  # it did ask the (fake) Discord
    assert wrong not in stdout + stderr and fake.token not in stdout + stderr


@pytest.mark.anyio
async def test_the_token_never_appears_in_logs(
    fake_service: QAService, discord_session, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with discord_session(fake_service) as fake:
        asked = await fake.post_message(f"<@{BOT_ID}> Who is Peng Lei?", mentions=(BOT_ID,))
        [answer] = await fake.wait_for(lambda: fake.sent_to(int(asked["id"])))
        interaction = await fake.click(answer.message, answer.custom_ids[0])
        await fake.wait_for(lambda: fake.responses_to(interaction))
        slash = await fake.invoke_ask("Who is Peng Lei?")
        await fake.wait_for(lambda: len(fake.responses_to(slash)) == 2)

    assert "has connected to Gateway" in caplog.text  # debug logs were captured
    assert len(caplog.records) > 20
    assert fake.token not in caplog.text


@dataclass
class Served:
    """``antqa serve`` with a bot token, as a subprocess: its port, then its output."""

    port: int
    process: asyncio.subprocess.Process
    out: str = ""
    err: str = ""


@contextlib.asynccontextmanager
async def antqa_serve(fake: FakeDiscord, tmp_path: Path, token: str) -> AsyncIterator[Served]:
    """Run ``antqa serve`` against ``fake``; SIGTERM it on the way out and keep its output."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = await start_antqa(fake, tmp_path, "serve", "--port", str(port), token=token)
    served = Served(port, process)
    try:
        yield served
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(process.communicate(), timeout=120)
        served.out, served.err = out.decode(), err.decode()


async def ask_over_http(port: int) -> None:
    async with aiohttp.ClientSession() as http:
        body = {"question": "Where was Peng Lei when she apologized?"}
        async with http.post(f"http://127.0.0.1:{port}/ask", json=body) as response:
            assert response.status == 200


@pytest.mark.slow
@pytest.mark.anyio
async def test_serve_runs_the_bot_in_the_same_process_when_a_token_is_set(
    tmp_path: Path,
) -> None:
    fake = FakeDiscord()
    await fake.start()
    try:
        async with antqa_serve(fake, tmp_path, fake.token) as served:
            await asyncio.wait_for(fake.ready.wait(), timeout=180)  # loads the real model first
            health = await wait_for_health(served.port, lambda body: body["discord"] == "connected")
            asked = await fake.post_message(
                f"<@{BOT_ID}> Where was Peng Lei when she apologized?", mentions=(BOT_ID,)
            )
            [answer] = await fake.wait_for(lambda: fake.sent_to(int(asked["id"])))
            await ask_over_http(served.port)
    finally:
        await fake.close()

    assert health["status"] == "ok"
    assert "business trip in the United States" in answer.embed["description"]
    assert served.process.returncode == 0, served.err[-2000:]
    assert fake.token not in served.out + served.err
    assert fake.rejected == []


@pytest.mark.slow
@pytest.mark.anyio
async def test_serve_with_a_rejected_token_keeps_http_up_and_says_why(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    wrong = "wrong." + fake.token
    try:
        async with antqa_serve(fake, tmp_path, wrong) as served:
            health = await wait_for_health(
                served.port, lambda body: body["discord"].startswith("off")
            )
            await ask_over_http(served.port)
    finally:
        await fake.close()

    assert health["status"] == "ok"
    assert health["discord"] == f"off: {REJECTED_TOKEN}"
    assert f"discord is off: {REJECTED_TOKEN} — the HTTP API keeps serving" in served.err
    assert "Traceback" not in served.err
    assert served.process.returncode == 0, served.err[-2000:]
    assert wrong not in served.out + served.err


async def wait_for_health(
    port: int, ready: Callable[[dict[str, Any]], bool], timeout: float = 300
) -> dict[str, Any]:
    """/healthz's body once it is 200 and ``ready`` (the server loads the real model first)."""
    deadline = asyncio.get_running_loop().time() + timeout
    async with aiohttp.ClientSession() as http:
        while True:
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                    body: dict[str, Any] = await response.json()
                    if response.status == 200 and ready(body):
                        return body
            assert asyncio.get_running_loop().time() < deadline, "not healthy in time"
            await asyncio.sleep(0.2)


@pytest.mark.anyio
async def test_sighup_reloads_the_index_of_antqa_discord(tmp_path: Path) -> None:
    """The bot alone reloads a rebuilt index on SIGHUP: the edit is answered in Discord."""
    from test_build import NEW_QUESTION, edited_article

    index, source = tmp_path / "index", tmp_path / "article.txt"
    shutil.copytree(ROOT / "index", index)
    shutil.copyfile(ROOT / "corpus" / "ant-financial-crisis-response.txt", source)
    fake = FakeDiscord()
    await fake.start()
    try:
        process = await start_antqa(
            fake, tmp_path, "discord", token=fake.token,
            ANTQA_INDEX_DIR=str(index), ANTQA_SOURCE=str(source),
        )  # fmt: skip
        try:
            await asyncio.wait_for(fake.ready.wait(), timeout=180)
            edited_article(tmp_path)  # rewrites article.txt, the configured source
            build = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "antqa", "build-index",
                cwd=ROOT, env=cli_env(ANTQA_INDEX_DIR=str(index), ANTQA_SOURCE=str(source)),
            )  # fmt: skip
            assert await asyncio.wait_for(build.wait(), timeout=300) == 0
            process.send_signal(signal.SIGHUP)
            answer = ""
            for _ in range(60):  # the reload runs in the background: ask until it is in
                asked = await fake.post_message(f"<@{BOT_ID}> {NEW_QUESTION}", mentions=(BOT_ID,))
                [reply] = await fake.wait_for(lambda a=asked: fake.sent_to(int(a["id"])))
                answer = reply.embed["description"]
                if "brass ship's bell" in answer:
                    break
                await asyncio.sleep(1)
        finally:
            process.send_signal(signal.SIGTERM)
            _out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    finally:
        await fake.close()
    assert "brass ship's bell" in answer
    assert "index reloaded" in err.decode()


def test_antqa_discord_settles_what_it_loaded_before_connecting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bot's process, like the HTTP server's, leaves its loaded index and model out of
    the cyclic collector's passes before it serves (the real index and model are loaded)."""
    import gc

    import antqa.bots.discord_bot as discord_bot
    from antqa.cli import discord_bot as antqa_discord

    frozen: list[int] = []

    async def connect(service: QAService, settings: Any, **_: Any) -> None:
        frozen.append(gc.get_freeze_count())

    monkeypatch.setenv("DISCORD_TOKEN", "not-a-real-token")
    monkeypatch.setenv("ANTQA_CONVERSATION_STORE", "memory")
    monkeypatch.setattr(discord_bot, "run_discord", connect)
    monkeypatch.setattr(discord_bot, "setup_logging", lambda settings: None)
    before = gc.get_freeze_count()
    try:
        antqa_discord()
    finally:
        gc.unfreeze()
    assert frozen and frozen[0] > before
