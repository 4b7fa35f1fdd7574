"""How fast the real bot acknowledges and answers ``/ask``, alone and in bursts (loopback only).

Runs the real discord.py bot over the real model against the fake Discord of the tests
(``tests/fake_discord.py``, on 127.0.0.1), sends bursts of ``/ask`` at once and prints, per
burst size, the time from the interaction to its acknowledgement (Discord's limit: 3 s) and
to the answer, plus how many were refused as busy (the worker pool's backlog) or by the fake::

    .venv/bin/python benchmarks/discord_latency.py --bursts 1 8 32 --rounds 5
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src"), str(ROOT)]

import discord  # noqa: E402
import yarl  # noqa: E402
from fake_discord import FakeDiscord  # noqa: E402
from pydantic import SecretStr  # noqa: E402

from antqa.bots.discord_bot import run_discord  # noqa: E402
from antqa.config import Settings  # noqa: E402
from antqa.service import QAService  # noqa: E402

QUESTIONS = (
    "Where was Peng Lei when she apologized?",
    "What happened at the Huanglong Sports Center in October 2016?",
    "Which telecom company could not issue its private placement bonds on time?",
    "What is the boiling point of tungsten?",
)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def measure(bursts: list[int], rounds: int) -> None:
    service = QAService.from_settings(Settings())
    service.warm_up()
    fake = FakeDiscord()
    await fake.start()
    discord.http.Route.BASE = fake.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            feedback_db=Path(tmp) / "feedback.sqlite3",
            discord_rate_limit=1_000_000,
            discord_token=SecretStr(fake.token),
        )
        bot = asyncio.create_task(run_discord(service, settings))
        try:
            await asyncio.wait_for(fake.ready.wait(), timeout=120)
            print(f"model {service.model_name}, workers {settings.ask_workers}, "
                  f"backlog {settings.ask_max_pending}")  # fmt: skip
            print(f"{'burst':>5} {'n':>5} {'ack p50':>8} {'ack max':>8} "
                  f"{'answer p50':>10} {'answer p95':>10} {'busy':>5} {'refused':>7}")  # fmt: skip
            for size in bursts:
                acks, answers, busy = [], [], 0
                rejected_before = len(fake.rejected)
                for r in range(rounds):
                    interactions = [
                        await fake.invoke_ask(QUESTIONS[(r + i) % len(QUESTIONS)])
                        for i in range(size)
                    ]
                    await fake.wait_for(
                        lambda its=interactions: all(len(fake.responses_to(i)) == 2 for i in its),
                        timeout=300,
                    )
                    for i in interactions:
                        deferral, answer = fake.responses_to(i)
                        acks.append((deferral.at - i.created) * 1000)
                        if answer.content.startswith("I'm answering a lot"):
                            busy += 1
                        else:
                            answers.append((answer.at - i.created) * 1000)
                print(
                    f"{size:>5} {len(acks):>5} {percentile(acks, 50):>6.1f}ms "
                    f"{max(acks):>6.1f}ms {percentile(answers, 50):>8.1f}ms "
                    f"{percentile(answers, 95):>8.1f}ms {busy:>5} "
                    f"{len(fake.rejected) - rejected_before:>7}"
                )
        finally:
            bot.cancel()
            await asyncio.gather(bot, return_exceptions=True)
            await fake.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bursts", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(measure(args.bursts, args.rounds))


if __name__ == "__main__":
    main()
