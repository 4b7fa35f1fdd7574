"""The real bot against the fake Discord: what users see for mentions, threads and /ask.

Every session ends by checking that the fake refused nothing (see the ``discord_session``
fixture), so each test also proves that what the bot sent fits Discord's limits and rules.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import TypeVar

import discord
import pytest
from fake_discord import ALICE, BOB, BOT_ID, CHANNEL_ID, OTHER_BOT, ROLE_BOT, ROLE_MODS
from pydantic import SecretStr

from antqa.bots.discord_bot import APOLOGY, NO_MESSAGE_CONTENT
from antqa.config import Settings
from antqa.conversation import Turn
from antqa.index import load_index
from antqa.models import Answer
from antqa.service import QAService
from tests.conftest import contract_answer

pytestmark = pytest.mark.anyio
T = TypeVar("T")

QUESTION = "Which version of Alipay's wireless app added friends?"
FOLLOW_UP = "What did it add besides friends?"


def place_history(service: QAService, place: str) -> list[Turn]:
    """The turns of the conversation a Discord place (thread, user in a channel) leads to."""
    conversation_id = service.conversations.alias(place)
    assert conversation_id is not None, f"{place} has no conversation"
    return service.conversations.history(conversation_id) or []


def mention(text: str) -> str:
    return f"<@{BOT_ID}> {text}"


def at_least(n: int, items: list[T]) -> list[T] | None:
    """``items`` once there are ``n`` of them (for ``fake.wait_for``)."""
    return items if len(items) >= n else None


def assert_pings_nobody(sent) -> None:  # type: ignore[no-untyped-def]
    for item in sent:
        allowed = item.payload.get("allowed_mentions")
        if item.kind == "callback" and item.callback_type == 5:
            continue  # a deferral carries no message
        assert allowed is not None and allowed["parse"] == [], item.payload
        assert not allowed.get("users") and not allowed.get("roles")
        assert not allowed.get("replied_user")
        assert item.pings == []


async def test_mention_is_answered_in_a_thread_with_a_cited_embed(
    fake_service: QAService, discord_session
) -> None:
    expected = fake_service.ask(QUESTION)
    async with discord_session(fake_service) as fake:
        asked = await fake.post_message(mention(QUESTION), mentions=(BOT_ID,))
        thread_id = int(asked["id"])
        [answer] = await fake.wait_for(lambda: fake.sent_to(thread_id))

    [thread] = fake.threads()
    assert thread["name"] == QUESTION and int(thread["parent_id"]) == CHANNEL_ID
    embed = answer.embed
    assert embed["title"] == QUESTION
    assert embed["description"] == discord.utils.escape_markdown(expected.answer)
    assert "[1]" in embed["description"]
    cited = [c for c in expected.citations if c.cited]
    related = ["Related reading"] if len(cited) < len(expected.citations) else []
    assert [f["name"] for f in embed["fields"]] == [
        f"[{c.n}] paragraph {c.paragraph}" for c in cited
    ] + related
    assert expected.citations[0].quote in embed["fields"][0]["value"]
    assert embed["footer"]["text"] == "model: test/hash-embedder"
    assert [i.split(":")[2] for i in answer.custom_ids] == ["up", "down"]
    assert_pings_nobody(fake.sent)


async def test_follow_up_in_the_thread_needs_no_mention(
    fake_service: QAService, discord_session
) -> None:
    async with discord_session(fake_service) as fake:
        asked = await fake.post_message(mention(QUESTION), mentions=(BOT_ID,))
        thread_id = int(asked["id"])
        await fake.wait_for(lambda: fake.sent_to(thread_id))
        await fake.post_message(FOLLOW_UP, channel_id=thread_id)
        _, second = await fake.wait_for(lambda: at_least(2, fake.sent_to(thread_id)))

    history = place_history(fake_service, f"discord:thread:{thread_id}")
    assert [turn.question for turn in history] == [QUESTION, FOLLOW_UP]
    assert second.embed["title"] == FOLLOW_UP
    assert "message_reference" not in second.payload  # in its own thread the bot just answers
    assert len(fake.threads()) == 1


async def test_without_thread_permission_answers_are_replies_and_users_do_not_mix(
    fake_service: QAService, discord_session
) -> None:
    async with discord_session(fake_service, allow_threads=False, expect_rejections=True) as fake:
        alice = await fake.post_message(mention(QUESTION), author=ALICE, mentions=(BOT_ID,))
        await fake.wait_for(lambda: fake.sent_to(CHANNEL_ID))
        bob = await fake.post_message(mention(FOLLOW_UP), author=BOB, mentions=(BOT_ID,))
        replies = await fake.wait_for(lambda: at_least(2, fake.sent_to(CHANNEL_ID)))

    assert [r.payload["message_reference"]["message_id"] for r in replies] == [
        int(alice["id"]),
        int(bob["id"]),
    ]
    assert_pings_nobody(replies)  # a reply does not ping its author either
    assert [status for *_, status, _why in fake.rejected] == [403, 403]  # the thread attempts
    for user, question in ((ALICE, QUESTION), (BOB, FOLLOW_UP)):
        history = place_history(fake_service, f"discord:channel:{CHANNEL_ID}:user:{user}")
        assert [turn.question for turn in history] == [question]


async def test_a_channel_conversation_lost_from_the_store_is_not_announced(
    fake_service: QAService, discord_session
) -> None:
    place = f"discord:channel:{CHANNEL_ID}:user:{ALICE}"
    fake_service.conversations.bind(place, "expired-long-ago")  # its turns are gone
    async with discord_session(fake_service, allow_threads=False, expect_rejections=True) as fake:
        await fake.post_message(mention(QUESTION), author=ALICE, mentions=(BOT_ID,))
        [reply] = await fake.wait_for(lambda: fake.sent_to(CHANNEL_ID))

    assert reply.embed["title"] == QUESTION
    assert "not available" not in str(reply.payload), "nothing the asker saw was lost"
    [turn] = place_history(fake_service, place)
    assert turn.question == QUESTION


class GatedService:
    """A service whose answers wait until the test opens the gate."""

    def __init__(self, service: QAService) -> None:
        self.service = service
        self.settings = service.settings
        self.workers = service.workers
        self.gate = threading.Event()
        self.entered = threading.Event()

    def warm_up(self) -> None:
        self.service.warm_up()

    def ask_at(self, place: str, question: str, *, history_shown: bool = True) -> Answer:
        self.entered.set()
        assert self.gate.wait(timeout=60), "the test never opened the gate"
        return self.service.ask_at(place, question, history_shown=history_shown)


async def test_slash_command_is_acknowledged_before_the_answer_is_computed(
    fake_service: QAService, discord_session
) -> None:
    service = GatedService(fake_service)
    async with discord_session(service) as fake:
        assert [c["name"] for c in fake.commands] == ["ask"]
        assert [o["name"] for o in fake.commands[0]["options"]] == ["question"]
        interaction = await fake.invoke_ask(QUESTION)
        # the answer cannot be computed yet, so this acknowledgement came first
        [deferral] = await fake.wait_for(lambda: fake.responses_to(interaction))
        # and while the service works, the gateway heartbeat goes on
        await fake.heartbeat()
        service.gate.set()
        _, answer = await fake.wait_for(lambda: at_least(2, fake.responses_to(interaction)))

    assert deferral.callback_type == 5 and not deferral.ephemeral  # "antqa is thinking…"
    assert answer.kind == "followup"
    assert answer.embed["title"] == QUESTION and "[1]" in answer.embed["description"]
    assert len(answer.custom_ids) == 2
    history = place_history(fake_service, f"discord:channel:{CHANNEL_ID}:user:{ALICE}")
    assert [turn.question for turn in history] == [QUESTION]
    assert_pings_nobody(fake.sent)


@pytest.mark.slow
async def test_real_model_answers_and_refuses(real_service: QAService, discord_session) -> None:
    async with discord_session(real_service) as fake:
        interaction = await fake.invoke_ask("Where was Peng Lei when she apologized?")
        _, answer = await fake.wait_for(lambda: at_least(2, fake.responses_to(interaction)))
        asked = await fake.post_message(
            mention("What is the boiling point of tungsten in kelvin?"), mentions=(BOT_ID,)
        )
        [refusal] = await fake.wait_for(lambda: fake.sent_to(int(asked["id"])))

    assert "business trip in the United States" in answer.embed["description"]
    assert answer.embed["footer"]["text"] == f"model: {real_service.model_name}"
    assert refusal.embed["description"].startswith("The article doesn't say")
    assert refusal.embed["fields"], "the closest passages are still listed"


async def test_mentions_inside_the_question_ping_nobody(
    fake_service: QAService, discord_session
) -> None:
    text = f"@everyone <@&{ROLE_MODS}> <@{BOB}> {mention(QUESTION)}"
    async with discord_session(fake_service) as fake:
        asked = await fake.post_message(text, mentions=(BOT_ID, BOB), mention_roles=(ROLE_MODS,))
        [answer] = await fake.wait_for(lambda: fake.sent_to(int(asked["id"])))
        # a bare mention gets a reply (no thread), which does not ping its author either
        await fake.post_message(f"<@{BOT_ID}>", author=BOB, mentions=(BOT_ID,))
        [reply] = await fake.wait_for(lambda: fake.sent_to(CHANNEL_ID))

    assert "[1]" in answer.embed["description"]
    assert reply.content == "The question is empty — ask something about the article"
    assert "message_reference" in reply.payload
    assert_pings_nobody(fake.sent)


async def test_the_bots_own_role_counts_as_a_mention(
    fake_service: QAService, discord_session
) -> None:
    async with discord_session(fake_service) as fake:
        asked = await fake.post_message(f"<@&{ROLE_BOT}> {QUESTION}", mention_roles=(ROLE_BOT,))
        [answer] = await fake.wait_for(lambda: fake.sent_to(int(asked["id"])))
    assert answer.embed["title"] == QUESTION


async def test_a_2000_character_question_is_refused_politely(
    fake_service: QAService, discord_session
) -> None:
    content = mention("why " * 500)[:2000]
    async with discord_session(fake_service) as fake:
        await fake.post_message(content, mentions=(BOT_ID,))
        [reply] = await fake.wait_for(lambda: fake.sent_to(CHANNEL_ID))
        interaction = await fake.invoke_ask("why " * 500)
        [notice] = await fake.wait_for(lambda: fake.responses_to(interaction))

    assert len(content) == 2000
    assert "the limit is 1000" in reply.content and "shorten it" in reply.content
    assert fake.threads() == []  # nothing to discuss yet
    assert notice.ephemeral and "the limit is 1000" in notice.payload["content"]
    assert_pings_nobody(fake.sent)


async def test_a_long_question_within_the_limit_fits_discords_limits(
    fake_index_dir, hash_embedder, discord_session
) -> None:
    settings = Settings(index_dir=fake_index_dir, model=hash_embedder.name, max_question_chars=4000)
    service = QAService(load_index(fake_index_dir), hash_embedder, settings)
    question = (QUESTION + " ") * 40
    async with discord_session(service) as fake:
        asked = await fake.post_message(mention(question[:1990]), mentions=(BOT_ID,))
        [answer] = await fake.wait_for(lambda: fake.sent_to(int(asked["id"])))

    [thread] = fake.threads()
    assert len(thread["name"]) <= 100 and thread["name"].endswith("…")
    assert len(answer.embed["title"]) <= 256 and answer.embed["title"].endswith("…")


async def test_rate_limit_gets_a_polite_notice(
    fake_service: QAService, discord_session, tmp_path
) -> None:
    settings = Settings(feedback_db=tmp_path / "f.sqlite3", discord_rate_limit=2)
    async with discord_session(
        fake_service, settings=settings, allow_threads=False, expect_rejections=True
    ) as fake:
        for n in (1, 2, 3):
            await fake.post_message(mention(QUESTION), mentions=(BOT_ID,))
            await fake.wait_for(lambda n=n: len(fake.sent_to(CHANNEL_ID)) >= n)
        interaction = await fake.invoke_ask(QUESTION)
        [ephemeral] = await fake.wait_for(lambda: fake.responses_to(interaction))
        await fake.post_message(mention(QUESTION), author=BOB, mentions=(BOT_ID,))
        sent = await fake.wait_for(lambda: at_least(4, fake.sent_to(CHANNEL_ID)))

    answered, answered_again, notice, bobs = sent
    assert answered.payload["embeds"]
    assert answered_again.payload["embeds"]
    assert notice.content.startswith("You're asking faster than I can keep up")
    assert len(notice.content) < 200 and not notice.payload.get("embeds")
    assert ephemeral.ephemeral and ephemeral.payload["content"].startswith("You're asking faster")
    assert bobs.payload["embeds"], "other users are not limited"


class FlakyService:
    """Fails on the first question, then answers."""

    def __init__(self, service: QAService) -> None:
        self.service = service
        self.settings = service.settings
        self.workers = service.workers
        self.calls = 0

    def warm_up(self) -> None:
        self.service.warm_up()

    def ask_at(self, place: str, question: str, *, history_shown: bool = True) -> Answer:
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("the index caught fire")
        return self.service.ask_at(place, question, history_shown=history_shown)


async def test_a_failing_service_gets_an_apology_and_the_bot_keeps_answering(
    fake_service: QAService, discord_session, caplog: pytest.LogCaptureFixture
) -> None:
    async with discord_session(FlakyService(fake_service)) as fake:
        first = await fake.post_message(mention(QUESTION), mentions=(BOT_ID,))
        [apology] = await fake.wait_for(lambda: fake.sent_to(int(first["id"])))
        second = await fake.post_message(mention(QUESTION), mentions=(BOT_ID,))
        [answer] = await fake.wait_for(lambda: fake.sent_to(int(second["id"])))

    assert apology.content == APOLOGY
    assert "[1]" in answer.embed["description"]
    [failure] = [r for r in caplog.records if r.name == "antqa.bots.discord_bot" and r.exc_info]
    assert failure.levelno == logging.ERROR and "the index caught fire" in caplog.text


async def test_messages_from_bots_are_ignored(fake_service: QAService, discord_session) -> None:
    async with discord_session(fake_service) as fake:
        await fake.post_message(mention(QUESTION), author=OTHER_BOT, mentions=(BOT_ID,))
        human = await fake.post_message(mention(QUESTION), mentions=(BOT_ID,))
        await fake.wait_for(lambda: fake.sent_to(int(human["id"])))
    assert [int(t["id"]) for t in fake.threads()] == [int(human["id"])]


async def test_without_the_message_content_intent_mentions_still_work(
    fake_service: QAService, discord_session, caplog: pytest.LogCaptureFixture
) -> None:
    async with discord_session(fake_service, grant_message_content=False) as fake:
        asked = await fake.post_message(mention(QUESTION), mentions=(BOT_ID,))
        thread_id = int(asked["id"])
        await fake.wait_for(lambda: fake.sent_to(thread_id))
        await fake.post_message("and without a mention?", channel_id=thread_id)
        await fake.post_message(mention(FOLLOW_UP), channel_id=thread_id, mentions=(BOT_ID,))
        await fake.wait_for(lambda: at_least(2, fake.sent_to(thread_id)))

    content_bit = 1 << 15
    assert [bool(i & content_bit) for i in fake.identified_intents] == [True, False]
    assert NO_MESSAGE_CONTENT in caplog.text
    history = place_history(fake_service, f"discord:thread:{thread_id}")
    assert [turn.question for turn in history] == [QUESTION, FOLLOW_UP]


async def test_when_all_workers_are_busy_the_asker_is_told_to_retry(
    fake_service: QAService, discord_session, tmp_path
) -> None:
    settings = Settings(feedback_db=tmp_path / "f.sqlite3", ask_workers=1, ask_max_pending=0)
    service = GatedService(QAService(fake_service.index, fake_service.embedder, settings))
    async with discord_session(service, settings=settings) as fake:
        first = await fake.post_message(mention(QUESTION), author=ALICE, mentions=(BOT_ID,))
        assert await asyncio.to_thread(service.entered.wait, 30)  # alice holds the only worker
        second = await fake.post_message(mention(FOLLOW_UP), author=BOB, mentions=(BOT_ID,))
        [busy] = await fake.wait_for(lambda: fake.sent_to(int(second["id"])))
        service.gate.set()
        [answer] = await fake.wait_for(lambda: fake.sent_to(int(first["id"])))

    assert busy.content.startswith("I'm answering a lot of questions right now")
    assert "[1]" in answer.embed["description"]


@pytest.mark.parametrize("store", ["sqlite", "redis"])
async def test_a_follow_up_in_an_old_thread_keeps_its_context_after_a_bot_restart(
    fake_service: QAService, discord_session, store: str, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("redis_url") if store == "redis" else None
    update = {"redis_url": SecretStr(url)} if url else {}
    settings = fake_service.settings.model_copy(update=update)

    def new_process() -> QAService:  # what a restarted bot builds: nothing kept in memory
        return QAService(fake_service.index, fake_service.embedder, settings)

    before = new_process()
    async with discord_session(before) as fake:
        asked = await fake.post_message(mention(QUESTION), mentions=(BOT_ID,))
        thread_id = int(asked["id"])
        await fake.wait_for(lambda: fake.sent_to(thread_id))
    after = new_process()
    async with discord_session(after, existing_threads=fake.threads()) as restarted:
        await restarted.post_message(FOLLOW_UP, channel_id=thread_id)
        [answer] = await restarted.wait_for(lambda: restarted.sent_to(thread_id))

    assert answer.embed["title"] == FOLLOW_UP
    assert "not available" not in str(answer.payload), "no lost-context notice"
    history = place_history(after, f"discord:thread:{thread_id}")
    assert [turn.question for turn in history] == [QUESTION, FOLLOW_UP]


def test_sharding_is_set_by_settings(fake_service: QAService) -> None:
    from antqa.bots.discord_bot import create_bot

    unsharded = create_bot(fake_service)
    assert not isinstance(unsharded, discord.AutoShardedClient)
    settings = Settings(discord_shard_count=4, discord_shard_ids=[2, 3])
    sharded = create_bot(fake_service, settings)
    assert isinstance(sharded, discord.AutoShardedClient)
    assert (sharded.shard_count, sharded.shard_ids) == (4, [2, 3])


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"ANTQA_DISCORD_SHARD_IDS": "[0]"}, "needs ANTQA_DISCORD_SHARD_COUNT"),
        ({"ANTQA_DISCORD_SHARD_COUNT": "2", "ANTQA_DISCORD_SHARD_IDS": "[2]"}, "between 0 and 1"),
    ],
)
def test_shard_settings_that_cannot_work_are_refused(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    from pydantic import ValidationError

    from antqa.config import settings_problem

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ValidationError) as refused:
        Settings()
    assert expected in str(settings_problem(refused.value))


async def test_the_embed_leads_with_the_bold_short_answer_and_lists_related_reading_apart(
    fake_service: QAService, discord_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    answered = contract_answer(fake_service, QUESTION)
    refused = contract_answer(fake_service, QUESTION, answerable=False)
    replies = iter([answered, refused])
    monkeypatch.setattr(fake_service, "ask", lambda *_, **__: next(replies))
    async with discord_session(fake_service) as fake:
        first = await fake.post_message(mention(QUESTION), mentions=(BOT_ID,))
        [answer] = await fake.wait_for(lambda: fake.sent_to(int(first["id"])))
        second = await fake.post_message(mention(FOLLOW_UP), mentions=(BOT_ID,))
        [refusal] = await fake.wait_for(lambda: fake.sent_to(int(second["id"])))

    assert answered.short_answer is not None
    short = discord.utils.escape_markdown(answered.short_answer.text)
    assert answer.embed["description"].startswith(f"**{short}**\n\n")
    names = [f["name"] for f in answer.embed["fields"]]
    assert names == [f"[1] paragraph {answered.citations[0].paragraph}", "Related reading"]
    related = answer.embed["fields"][1]["value"].splitlines()
    assert len(related) == len(answered.citations) - 1
    assert not any(line.startswith("[") for line in related)  # not numbered like citations
    assert [f["name"] for f in refusal.embed["fields"]] == ["Related reading"]
    assert not refusal.embed["description"].startswith("**")
