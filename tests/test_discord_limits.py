"""Discord's limits: the fake enforces them, and any answer is formatted within them."""

from __future__ import annotations

import asyncio

import aiohttp
import discord
import pytest
from fake_discord import CHANNEL_ID, FakeDiscord, message_problems
from hypothesis import given
from hypothesis import strategies as st

from antqa.bots.discord_bot import NO_PINGS, conversation_for, create_bot
from antqa.bots.discord_format import MAX_EMBED_TOTAL, answer_embed, thread_name, trim
from antqa.models import Answer, Citation
from antqa.service import check_conversation_id


@pytest.mark.anyio
async def test_the_fake_refuses_what_discord_refuses() -> None:
    fake = FakeDiscord(ack_window=0.05)
    await fake.start()
    headers = {"Authorization": f"Bot {fake.token}"}
    messages = f"{fake.api_base}/channels/{CHANNEL_ID}/messages"
    fields = [{"name": "n", "value": "v"}] * 26
    try:
        async with aiohttp.ClientSession(headers=headers) as http:

            async def post(url: str, body: dict) -> int:  # type: ignore[type-arg]
                async with http.post(url, json=body) as response:
                    return response.status

            assert await post(messages, {"content": "x" * 2000}) == 200
            assert await post(messages, {"content": "x" * 2001}) == 400
            assert await post(messages, {"content": ""}) == 400
            assert await post(messages, {"embeds": [{"description": "x" * 4097}]}) == 400
            assert await post(messages, {"embeds": [{"title": "x" * 257}]}) == 400
            assert await post(messages, {"embeds": [{"fields": fields}]}) == 400
            big = [{"name": "n", "value": "x" * 1024}] * 6
            assert await post(messages, {"embeds": [{"fields": big}]}) == 400  # 6,000 in all
            async with (
                aiohttp.ClientSession() as anonymous,
                anonymous.post(messages, json={"content": "hi"}) as response,
            ):
                assert response.status == 401  # no bot token

            late = fake.new_interaction()
            await asyncio.sleep(0.1)  # longer than this fake's 0.05 s window
            assert await post(f"{fake.api_base}/interactions/{late.id}/{late.token}/callback",
                              {"type": 5}) == 404  # fmt: skip
            fake.ack_window = 60
            fresh = fake.new_interaction()
            callback = f"{fake.api_base}/interactions/{fresh.id}/{fresh.token}/callback"
            followup = f"{fake.api_base}/webhooks/1/{fresh.token}?wait=true"
            assert await post(followup, {"content": "too early"}) == 404
            assert await post(callback, {"type": 5}) == 200
            assert await post(callback, {"type": 5}) == 400  # acknowledged twice
            assert await post(followup, {"content": "x" * 2001}) == 400
            assert await post(followup, {"content": "now"}) == 200
    finally:
        await fake.close()


def citation(n: int, quote: str) -> Citation:
    return Citation(
        n=n,
        chunk_id=f"c{n:03d}",
        paragraph=n,
        start=0,
        end=len(quote),
        text=quote,
        quote=quote,
        quote_start=0,
        quote_end=len(quote),
        score=0.5,
    )


def test_any_answer_fits_in_one_embed() -> None:
    words = "the *article* says_so " * 400
    answer = Answer(
        answer=words[:5000] + " [1]",
        answerable=True,
        citations=[citation(n, words[: 900 + n]) for n in range(1, 31)],
        conversation_id="x",
        model="m" * 3000,
        notice="n " * 2000,
    )
    embed = answer_embed(answer, "q " * 3000)
    assert message_problems({"embeds": [embed.to_dict()]}) == []
    assert len(embed) <= MAX_EMBED_TOTAL
    assert embed.fields[0].name == "[1] paragraph 1", "the first citations are kept"
    assert len(embed.fields) >= 5


@given(st.text(), st.integers(min_value=2, max_value=3000))
def test_trim_never_exceeds_the_limit(text: str, limit: int) -> None:
    trimmed = trim(text, limit)
    assert len(trimmed) <= limit
    if len(text.strip()) <= limit:
        assert trimmed == text.strip()
    else:
        assert trimmed.endswith("…")


def test_thread_names_fit() -> None:
    assert thread_name("a" * 500) == "a" * 99 + "…"
    assert 1 <= len(thread_name("   ")) <= 100


def test_the_bot_pings_nobody_by_default(fake_service) -> None:  # type: ignore[no-untyped-def]
    bot = create_bot(fake_service)
    assert bot.allowed_mentions is not None
    assert bot.allowed_mentions.to_dict() == NO_PINGS.to_dict() == {"parse": []}
    assert bot.intents.message_content and not bot.intents.members
    assert not create_bot(fake_service, message_content=False).intents.message_content
    assert isinstance(bot, discord.Client) and not bot.is_closed()


def test_conversation_ids_are_ones_the_service_accepts() -> None:
    biggest = 2**64 - 1  # Discord ids are 64-bit snowflakes
    ids = {
        conversation_for(biggest, in_thread=True, user_id=biggest),
        conversation_for(biggest, in_thread=False, user_id=biggest),
        conversation_for(None, in_thread=False, user_id=biggest),
    }
    assert len(ids) == 3
    assert all(check_conversation_id(i) == i for i in ids)


def test_an_answer_with_a_long_short_answer_and_much_related_reading_fits() -> None:
    from antqa.models import ShortAnswer

    words = "the *article* says_so " * 400
    citations = [
        citation(n, words[: 900 + n]).model_copy(update={"cited": n <= 3}) for n in range(1, 31)
    ]
    answer = Answer(
        answer=words[:5000] + " [1]",
        short_answer=ShortAnswer(text=words[:3000], start=0, end=3000),
        answerable=True,
        citations=citations,
        conversation_id="x",
        model="m",
    )
    embed = answer_embed(answer, "q " * 3000)
    assert message_problems({"embeds": [embed.to_dict()]}) == []
    assert [f.name for f in embed.fields] == [
        "[1] paragraph 1",
        "[2] paragraph 2",
        "[3] paragraph 3",
        "Related reading",
    ]
    assert embed.description is not None and embed.description.startswith("**the \\*article\\*")
