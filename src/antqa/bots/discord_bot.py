"""The Discord adapter: ``/ask``, @mentions and follow-ups in the bot's threads.

Each path only translates: find the question and its conversation, call
:meth:`QAService.ask` on the service's bounded worker pool (answering is
CPU work; on the event loop it would stall the gateway heartbeat), then send the answer as
an embed (:mod:`bots.discord_format`) with 👍/👎 buttons whose votes go to the
:class:`~antqa.feedback.FeedbackStore`.

Conversations: a thread is one conversation (the place ``discord:thread:<id>``); elsewhere
each user in each channel has their own (``discord:channel:<channel>:user:<user>``), so they
never mix. The service keeps which conversation each place leads to in the conversation
store (:meth:`QAService.ask_at`), so a follow-up in an old thread keeps its context after
the bot restarts, and any bot process (or shard) can answer it.

Sharding: with ``ANTQA_DISCORD_SHARD_COUNT`` (and optionally ``ANTQA_DISCORD_SHARD_IDS``)
the bot is discord.py's ``AutoShardedBot`` running those shards; several processes with
disjoint shard ids then split the servers between them.

Nobody is ever pinged: ``AllowedMentions.none()`` is the bot's default and is passed on every
send, so a question containing ``@everyone`` or a role mention stays silent.

``create_bot(service)`` builds the bot without connecting (tests and embedding);
``run_discord(service, settings)`` logs in and runs it until cancelled, trying again while
Discord cannot be reached (:mod:`antqa.bots.connection`), so an outage never ends it.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from antqa.bots.connection import Backoff, BotStatus
from antqa.bots.discord_format import answer_embed, notice, thread_name
from antqa.config import Settings
from antqa.errors import (
    AntqaError,
    ConfigurationError,
    InvalidQuestion,
    Overloaded,
    StateUnavailable,
)
from antqa.feedback import FeedbackStore, Vote
from antqa.models import Answer
from antqa.service import QAService, clean_question

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()

APOLOGY = (
    "Sorry — something went wrong while answering that. It has been logged; "
    "please try again in a moment."
)
UNKNOWN_ANSWER = (
    "I no longer have a record of that answer, so the vote could not be saved. "
    "Ask again to rate a fresh answer."
)
THANKS: dict[Vote, str] = {
    "up": "Thanks — noted that this answer helped. 👍",
    "down": "Thanks — noted that this answer did not help. 👎",
}
MISSING_TOKEN = (
    "DISCORD_TOKEN is not set — copy the bot token from the Discord Developer Portal "
    "(your application → Bot → Reset Token) and export DISCORD_TOKEN"
)
REJECTED_TOKEN = (
    "Discord rejected the bot token in DISCORD_TOKEN — reset it in the Developer Portal "
    "(your application → Bot → Reset Token) and export the new one"
)
#: The gateway's close code for a token it does not accept.
GATEWAY_AUTHENTICATION_FAILED = 4004
NO_MESSAGE_CONTENT = (
    "The Message Content intent is not enabled for this application, so only @mentions and "
    "/ask are answered (follow-ups in threads need a mention). To enable it: Discord "
    "Developer Portal → your application → Bot → Privileged Gateway Intents → "
    "Message Content Intent"
)


def conversation_for(channel_id: int | None, *, in_thread: bool, user_id: int) -> str:
    """One conversation per thread; elsewhere one per user per channel."""
    if in_thread:
        return f"discord:thread:{channel_id}"
    if channel_id is None:
        return f"discord:user:{user_id}"
    return f"discord:channel:{channel_id}:user:{user_id}"


def busy_text(retry_after: float) -> str:
    return notice(
        "I'm answering a lot of questions right now — please ask again in "
        f"{max(1, round(retry_after))} s."
    )


def forgetful_text(retry_after: float) -> str:
    return notice(
        "I can't reach my memory of our conversations right now — please ask again in "
        f"{max(1, round(retry_after))} s."
    )


def rate_limited_text(retry_after: float) -> str:
    return notice(
        "You're asking faster than I can keep up — please wait "
        f"{max(1, round(retry_after))} s and ask again."
    )


class UserRateLimit:
    """``rate`` questions per user per ``per`` seconds, shared by /ask and mentions.

    discord.py's cooldown buckets do the counting; a second bucket allows one "slow down"
    notice per window, so a flood of mentions does not become a flood of notices.
    """

    def __init__(self, rate: int, per: float) -> None:
        self._questions: commands.CooldownMapping[int] = commands.CooldownMapping(
            commands.Cooldown(rate, per), _same
        )
        self._notices: commands.CooldownMapping[int] = commands.CooldownMapping(
            commands.Cooldown(1, per), _same
        )

    def retry_after(self, user_id: int) -> float | None:
        """Seconds until ``user_id`` may ask again, or None (and the question is counted)."""
        return self._questions.update_rate_limit(user_id)

    def should_notify(self, user_id: int) -> bool:
        """Whether to tell ``user_id`` about the limit (once per window)."""
        return self._notices.update_rate_limit(user_id) is None


def _same(key: int) -> int:
    return key


class FeedbackButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]],
    template=r"antqa:vote:(?P<vote>up|down):(?P<answer_id>[0-9a-f]{16})",
):
    """A 👍/👎 button; its custom id names the vote and the answer record.

    Registered with ``add_dynamic_items``, so buttons on answers sent before a restart still
    work: discord.py rebuilds the item from the custom id of whatever message was clicked.
    """

    def __init__(self, vote: Vote, answer_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                emoji="👍" if vote == "up" else "👎",
                custom_id=f"antqa:vote:{vote}:{answer_id}",
            )
        )
        self.vote: Vote = vote
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> FeedbackButton:
        vote: Vote = "up" if match["vote"] == "up" else "down"
        return cls(vote, match["answer_id"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: AntqaBot = interaction.client
        known = await asyncio.to_thread(
            bot.feedback_store().record_vote, self.answer_id, interaction.user.id, self.vote
        )
        await interaction.response.send_message(
            THANKS[self.vote] if known else UNKNOWN_ANSWER,
            ephemeral=True,
            allowed_mentions=NO_PINGS,
        )


def feedback_view(answer_id: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(FeedbackButton("up", answer_id))
    view.add_item(FeedbackButton("down", answer_id))
    return view


@dataclass(frozen=True)
class Destination:
    """Where a mention is answered: the channel or thread, its conversation, what to reply to.

    ``continues`` is True when the conversation may have existed before (an existing
    thread): only then is the service's "unknown or expired conversation" notice worth
    showing. A new thread, or a user's conversation in a channel, has no visible start.
    """

    channel: discord.abc.Messageable
    conversation: str
    reply_to: discord.Message | None
    continues: bool


class Asking(commands.Cog):
    """Answers ``/ask``, @mentions, and every message in the threads the bot started."""

    def __init__(self, bot: AntqaBot) -> None:
        self.bot = bot
        settings = bot.settings
        self.limit = UserRateLimit(
            settings.discord_rate_limit, settings.discord_rate_window_seconds
        )

    # --- /ask -----------------------------------------------------------------------------

    @app_commands.command(name="ask", description="Ask a question about the article.")
    @app_commands.describe(question="What you want to know; the answer quotes the article.")
    async def ask(self, interaction: discord.Interaction[Any], question: str) -> None:
        respond = interaction.response
        retry_after = self.limit.retry_after(interaction.user.id)
        if retry_after is not None:
            await respond.send_message(
                rate_limited_text(retry_after), ephemeral=True, allowed_mentions=NO_PINGS
            )
            return
        try:
            question = self._clean(question)
        except InvalidQuestion as err:
            await respond.send_message(
                notice(err.message), ephemeral=True, allowed_mentions=NO_PINGS
            )
            return
        # acknowledge at once: Discord drops interactions not acknowledged within 3 seconds
        await respond.defer(thinking=True)
        in_thread = isinstance(interaction.channel, discord.Thread)
        conversation = conversation_for(
            interaction.channel_id, in_thread=in_thread, user_id=interaction.user.id
        )
        send = functools.partial(interaction.followup.send, allowed_mentions=NO_PINGS)
        await self._answer(question, conversation, send, continues=in_thread)

    # --- mentions and thread follow-ups ---------------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None:
            return
        text = self._addressed_question(message)
        if text is None:
            return
        retry_after = self.limit.retry_after(message.author.id)
        if retry_after is not None:
            if self.limit.should_notify(message.author.id):
                await self._reply(message, content=rate_limited_text(retry_after))
            return
        try:
            question = self._clean(text)
        except InvalidQuestion as err:
            await self._reply(message, content=notice(err.message))
            return
        where = await self._destination(message, question)

        async def send(**kwargs: Any) -> object:
            if where.reply_to is not None:
                kwargs["reference"] = where.reply_to.to_reference(fail_if_not_exists=False)
                kwargs["mention_author"] = False
            return await where.channel.send(allowed_mentions=NO_PINGS, **kwargs)

        await self._answer(
            question, where.conversation, send, continues=where.continues, working=where.channel
        )

    def _addressed_question(self, message: discord.Message) -> str | None:
        """The question if the message is for the bot, else None.

        For the bot: it mentions the bot (or the bot's own role, which Discord's autocomplete
        sometimes inserts instead), or it is posted in a thread the bot started. Without the
        Message Content intent, other messages arrive with empty content and are skipped.
        """
        me = self.bot.user
        assert me is not None
        tokens = [rf"<@!?{me.id}>"]
        mentioned = any(user.id == me.id for user in message.mentions)
        own_role = message.guild.self_role if message.guild else None
        if own_role is not None:
            tokens.append(rf"<@&{own_role.id}>")
            mentioned = mentioned or any(role.id == own_role.id for role in message.role_mentions)
        if not (mentioned or self._is_own_thread(message.channel)):
            return None
        text = re.sub("|".join(tokens), " ", message.content).strip()
        if not mentioned and not text:
            return None
        return text

    def _is_own_thread(self, channel: object) -> bool:
        me = self.bot.user
        return isinstance(channel, discord.Thread) and me is not None and channel.owner_id == me.id

    async def _destination(self, message: discord.Message, question: str) -> Destination:
        """Where to answer a mention.

        In a text channel, a thread started from the question keeps the channel tidy and
        makes its follow-ups one conversation; without the permission to create threads the
        answer is a reply in the channel. In a thread, the answer goes to that thread.
        """
        channel = message.channel
        author = message.author.id
        if isinstance(channel, discord.Thread):
            reply_to = None if self._is_own_thread(channel) else message
            conversation = conversation_for(channel.id, in_thread=True, user_id=author)
            return Destination(channel, conversation, reply_to, continues=True)
        if isinstance(channel, discord.TextChannel):
            try:
                thread = await message.create_thread(
                    name=thread_name(question), auto_archive_duration=1440
                )
            except discord.HTTPException as err:
                log.info("answering in #%s: could not start a thread (%s)", channel, err)
            else:
                conversation = conversation_for(thread.id, in_thread=True, user_id=author)
                return Destination(thread, conversation, None, continues=False)
        conversation = conversation_for(channel.id, in_thread=False, user_id=author)
        return Destination(channel, conversation, message, continues=False)

    async def _reply(self, message: discord.Message, **kwargs: Any) -> None:
        await message.reply(mention_author=False, allowed_mentions=NO_PINGS, **kwargs)

    # --- shared ---------------------------------------------------------------------------

    def _clean(self, question: str) -> str:
        return clean_question(question, self.bot.service.settings.max_question_chars)

    async def _answer(
        self,
        question: str,
        conversation: str,
        send: Callable[..., Awaitable[object]],
        *,
        continues: bool,
        working: discord.abc.Messageable | None = None,
    ) -> None:
        """Ask the service off the event loop (typing in ``working``), send answer or apology.

        ``conversation`` is the place (:func:`conversation_for`); the service finds its
        conversation in the store.
        """
        service = self.bot.service
        try:
            async with working.typing() if working else contextlib.nullcontext():
                answer = await service.workers.run(
                    service.ask_at, conversation, question, history_shown=continues
                )
        except InvalidQuestion as err:
            await send(content=notice(err.message))
            return
        except Overloaded as err:
            await send(content=busy_text(err.retry_after))
            return
        except StateUnavailable as err:
            log.warning("answering in %s: %s", conversation, err)
            await send(content=forgetful_text(err.retry_after))
            return
        except Exception:
            log.exception("answering failed (conversation %s)", conversation)
            await send(content=APOLOGY)
            return
        extra = {}
        answer_id = await self._record(question, answer)
        if answer_id is not None:
            extra["view"] = feedback_view(answer_id)
        await send(embed=answer_embed(answer, question), **extra)

    async def _record(self, question: str, answer: Answer) -> str | None:
        """The answer's feedback record id; None (answer sent without buttons) if it failed."""
        try:
            return await asyncio.to_thread(
                self.bot.feedback_store().record_answer, question, answer, source="discord"
            )
        except Exception:
            log.exception("could not record the answer for feedback; sending it without buttons")
            return None


class AntqaBot(commands.Bot):
    """The bot: the asking cog, persistent vote buttons, the /ask command synced at start."""

    def __init__(
        self,
        service: QAService,
        settings: Settings,
        *,
        feedback: FeedbackStore | None = None,
        message_content: bool = True,
        status: BotStatus | None = None,
    ) -> None:
        # the bot never joins voice: silence discord.py's start-up warnings about it
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        intents = discord.Intents.default()
        intents.message_content = message_content
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            allowed_mentions=NO_PINGS,
            help_command=None,
            **sharding(settings),
        )
        self.service = service
        self.settings = settings
        self.connection_status = status if status is not None else BotStatus()
        self._feedback = feedback

    def feedback_store(self) -> FeedbackStore:
        if self._feedback is None:
            raise RuntimeError("the feedback store opens in setup_hook")
        return self._feedback

    async def setup_hook(self) -> None:
        """Open the feedback store, load the model, register the cog, buttons and /ask."""
        if self._feedback is None:
            self._feedback = await asyncio.to_thread(FeedbackStore, self.settings.feedback_db)
        await asyncio.to_thread(self.service.warm_up)
        await self.add_cog(Asking(self))
        self.add_dynamic_items(FeedbackButton)
        try:
            await self.tree.sync()
        except discord.HTTPException:
            log.exception("could not register /ask with Discord; @mentions still work")

    async def on_ready(self) -> None:
        self.connection_status.connected()
        log.info("connected as %s to %d server(s)", self.user, len(self.guilds))

    async def on_resumed(self) -> None:
        self.connection_status.connected()
        log.info("reconnected to Discord")

    async def on_disconnect(self) -> None:
        """The connection dropped; discord.py is reconnecting (with its own backoff)."""
        if self.connection_status() == "connected":
            log.warning("lost the connection to Discord; reconnecting")
        self.connection_status.connecting()

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: the :class:`Asking` cog listens to messages itself."""


class ShardedAntqaBot(AntqaBot, commands.AutoShardedBot):
    """The bot over several gateway connections (shards) in one process."""


def sharding(settings: Settings) -> dict[str, Any]:
    """discord.py's shard options from the settings; none when the bot is not sharded."""
    if settings.discord_shard_count is None:
        return {}
    return {"shard_count": settings.discord_shard_count, "shard_ids": settings.discord_shard_ids}


def create_bot(
    service: QAService,
    settings: Settings | None = None,
    *,
    feedback: FeedbackStore | None = None,
    message_content: bool = True,
    status: BotStatus | None = None,
) -> AntqaBot:
    """The bot over ``service``, not connected; ``message_content`` requests that privileged
    intent. Questions run on the service's worker pool, shared with the HTTP app."""
    settings = settings or service.settings
    bot_class = AntqaBot if settings.discord_shard_count is None else ShardedAntqaBot
    return bot_class(
        service,
        settings,
        feedback=feedback,
        message_content=message_content,
        status=status,
    )


def discord_token(settings: Settings) -> str:
    """The bot token, or :class:`ConfigurationError` when DISCORD_TOKEN is not set."""
    if settings.discord_token is None:
        raise ConfigurationError(MISSING_TOKEN)
    return settings.discord_token.get_secret_value().strip()


async def run_discord(
    service: QAService,
    settings: Settings,
    *,
    status: BotStatus | None = None,
    backoff: Backoff | None = None,
) -> None:
    """Log in and answer until cancelled, keeping ``status`` (for ``/healthz``) up to date.

    Discord out of reach at start-up (offline, DNS, its 5xx): tried again after
    ``backoff``'s next delay, for as long as this runs; a connection that drops later is
    discord.py's to restore. A rejected token is a :class:`ConfigurationError` (status
    ``off``). If the Message Content intent is not enabled for the application, Discord
    closes the connection (4014); the bot then reconnects without it and answers mentions
    and /ask only.
    """
    status = status if status is not None else BotStatus()
    try:
        await _run(service, settings, status, backoff or Backoff())
    except AntqaError as err:
        status.off(err.message)
        raise
    except Exception as err:
        status.off(f"stopped by an unexpected error ({type(err).__name__}) — see the log")
        raise
    status.off("closed")


#: What "Discord cannot be reached right now" looks like from discord.py and aiohttp.
UNREACHABLE = (
    aiohttp.ClientError,
    TimeoutError,
    discord.GatewayNotFound,
    discord.DiscordServerError,
)


async def _run(service: QAService, settings: Settings, status: BotStatus, backoff: Backoff) -> None:
    token = discord_token(settings)
    message_content = True
    while True:
        status.connecting()
        bot = create_bot(service, settings, message_content=message_content, status=status)
        try:
            async with bot:
                await bot.login(token)
                backoff.reset()
                await bot.connect()
            return
        except discord.LoginFailure:
            raise ConfigurationError(REJECTED_TOKEN) from None
        except discord.PrivilegedIntentsRequired:
            if not message_content:
                raise
            log.warning(NO_MESSAGE_CONTENT)
            message_content = False
        except discord.ConnectionClosed as err:
            if err.code == GATEWAY_AUTHENTICATION_FAILED:
                raise ConfigurationError(REJECTED_TOKEN) from None
            raise
        except UNREACHABLE as err:
            delay = backoff.next_delay()
            log.warning("cannot reach Discord (%s) — trying again in %.1f s", err, delay)
            await asyncio.sleep(delay)


class RedactSecret(logging.Filter):
    """Replaces a secret (the bot token) in log messages, should anything ever print it."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret and self.secret in message:
            record.msg, record.args = message.replace(self.secret, "[redacted]"), None
        return True


def setup_logging(settings: Settings, level: int = logging.INFO) -> None:
    """Log to stderr like discord.py does (no colour codes), the token redacted if ever seen."""
    plain = logging.Formatter("[{asctime}] [{levelname:<8}] {name}: {message}", style="{")
    discord.utils.setup_logging(level=level, formatter=plain, root=True)
    redact = RedactSecret(discord_token(settings))
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)  # also for libraries that set their own loggers to DEBUG
        handler.addFilter(redact)
