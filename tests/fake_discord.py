"""A small fake Discord for end-to-end tests of the real discord.py bot.

It speaks enough of the gateway (HELLO, heartbeat ACK, IDENTIFY -> READY + GUILD_CREATE, then
MESSAGE_CREATE / THREAD_CREATE / INTERACTION_CREATE pushed by the test) and of the REST API
(the routes the bot uses) on 127.0.0.1, and it refuses what Discord refuses, so a test that
passes proves the bot stays within the rules:

- a request without the bot token: 401 (so a wrong token is a LoginFailure);
- message content over 2,000 characters, embeds over their limits, empty messages,
  bad components: 400;
- an interaction acknowledged after the 3-second window: 404; acknowledged twice: 400;
  a follow-up before it was acknowledged: 404;
- a thread name outside 1–100 characters, a second thread on one message: 400; thread
  creation without the permission (``allow_threads=False``): 403;
- requesting the Message Content intent when it is not granted: gateway close 4014.

Messages by users carry no content unless the intent was granted or they mention the bot,
as on Discord. Everything the bot sends is recorded in ``sent`` together with whom Discord
would have pinged; every refusal is recorded in ``rejected``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

T = TypeVar("T")

GUILD_ID = 100_000_000_000_000_001
CHANNEL_ID = 100_000_000_000_000_002
OTHER_CHANNEL_ID = 100_000_000_000_000_003
APPLICATION_ID = 100_000_000_000_000_010
BOT_ID = APPLICATION_ID
ALICE = 100_000_000_000_000_020
BOB = 100_000_000_000_000_021
OTHER_BOT = 100_000_000_000_000_022
ROLE_MODS = 100_000_000_000_000_030
ROLE_BOT = 100_000_000_000_000_031

MESSAGE_CONTENT_INTENT = 1 << 15
EPHEMERAL = 1 << 6
ACK_WINDOW_SECONDS = 3.0

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
MAX_CONTENT = 2000
EMBED_LIMITS = {"title": 256, "description": 4096, "footer": 2048, "author": 256}
MAX_FIELDS, MAX_FIELD_NAME, MAX_FIELD_VALUE, MAX_EMBED_TOTAL = 25, 256, 1024, 6000


def _now() -> str:
    return datetime.now(UTC).isoformat()


def user_payload(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
    }


USERS = {
    BOT_ID: user_payload(BOT_ID, "antqa", bot=True),
    ALICE: user_payload(ALICE, "alice"),
    BOB: user_payload(BOB, "bob"),
    OTHER_BOT: user_payload(OTHER_BOT, "otherbot", bot=True),
}


def member_payload(user_id: int, roles: list[int] | None = None) -> dict[str, Any]:
    return {
        "user": USERS[user_id],
        "roles": [str(r) for r in roles or []],
        "joined_at": _now(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "permissions": str((1 << 41) - 1),
    }


def role_payload(role_id: int, name: str, position: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": str(role_id),
        "name": name,
        "color": 0,
        "hoist": False,
        "position": position,
        "permissions": str((1 << 41) - 1),
        "managed": False,
        "mentionable": True,
        "flags": 0,
        **extra,
    }


def text_channel_payload(channel_id: int, name: str, position: int) -> dict[str, Any]:
    return {
        "id": str(channel_id),
        "type": 0,
        "guild_id": str(GUILD_ID),
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "nsfw": False,
        "topic": None,
        "parent_id": None,
        "rate_limit_per_user": 0,
        "last_message_id": None,
    }


def json_response(data: Any, status: int = 200) -> web.Response:
    """JSON as Discord sends it: discord.py only decodes exactly ``application/json``."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, content_type="application/json"
    )


def message_problems(payload: dict[str, Any]) -> list[str]:
    """Why Discord would refuse to create this message (empty list: it would accept it)."""
    problems = []
    content = payload.get("content") or ""
    if len(content) > MAX_CONTENT:
        problems.append(f"content is {len(content)} characters (max {MAX_CONTENT})")
    embeds = payload.get("embeds") or []
    if len(embeds) > 10:
        problems.append(f"{len(embeds)} embeds (max 10)")
    total = 0
    for embed in embeds:
        parts = {
            "title": embed.get("title") or "",
            "description": embed.get("description") or "",
            "footer": (embed.get("footer") or {}).get("text") or "",
            "author": (embed.get("author") or {}).get("name") or "",
        }
        for key, text in parts.items():
            if len(text) > EMBED_LIMITS[key]:
                problems.append(f"embed {key} is {len(text)} characters (max {EMBED_LIMITS[key]})")
            total += len(text)
        fields = embed.get("fields") or []
        if len(fields) > MAX_FIELDS:
            problems.append(f"{len(fields)} embed fields (max {MAX_FIELDS})")
        for f in fields:
            name, value = f.get("name") or "", f.get("value") or ""
            if not name.strip() or len(name) > MAX_FIELD_NAME:
                problems.append(f"embed field name of {len(name)} characters")
            if not value.strip() or len(value) > MAX_FIELD_VALUE:
                problems.append(f"embed field value of {len(value)} characters")
            total += len(name) + len(value)
    if total > MAX_EMBED_TOTAL:
        problems.append(f"embeds total {total} characters (max {MAX_EMBED_TOTAL})")
    rows = payload.get("components") or []
    if len(rows) > 5:
        problems.append(f"{len(rows)} action rows (max 5)")
    for row in rows:
        items = row.get("components") or []
        if row.get("type") != 1 or not 1 <= len(items) <= 5:
            problems.append("an action row must hold 1–5 components")
        for item in items:
            custom_id = item.get("custom_id") or ""
            if item.get("type") == 2 and item.get("style") != 5 and not 1 <= len(custom_id) <= 100:
                problems.append(f"custom_id of {len(custom_id)} characters (1–100)")
            if item.get("type") == 2 and not (item.get("label") or item.get("emoji")):
                problems.append("a button needs a label or an emoji")
    if not (content or embeds or rows or payload.get("sticker_ids") or payload.get("poll")):
        problems.append("cannot send an empty message")
    return problems


def pings(payload: dict[str, Any], replied_user: int | None) -> list[str]:
    """Whom Discord would notify for this message, following its allowed_mentions rules."""
    content = payload.get("content") or ""
    allowed = payload.get("allowed_mentions")
    parse = {"everyone", "users", "roles"} if allowed is None else set(allowed.get("parse", []))
    users = set() if allowed is None else {str(u) for u in allowed.get("users", [])}
    roles = set() if allowed is None else {str(r) for r in allowed.get("roles", [])}
    out = []
    if "everyone" in parse:
        out += [f"@{m}" for m in re.findall(r"@(everyone|here)", content)]
    for user in re.findall(r"<@!?(\d+)>", content):
        if "users" in parse or user in users:
            out.append(f"user:{user}")
    for role in re.findall(r"<@&(\d+)>", content):
        if "roles" in parse or role in roles:
            out.append(f"role:{role}")
    if replied_user is not None and (allowed is None or allowed.get("replied_user")):
        out.append(f"reply:{replied_user}")
    return out


@dataclass
class Sent:
    """Something the bot posted: a channel message, an interaction response or a follow-up."""

    kind: str  # "message", "callback" or "followup"
    channel_id: int
    payload: dict[str, Any]
    message: dict[str, Any] | None
    pings: list[str]
    interaction_id: int | None = None
    callback_type: int | None = None
    at: float = field(default_factory=time.monotonic)  # when the fake received it

    @property
    def content(self) -> str:
        return self.payload.get("content") or ""

    @property
    def embed(self) -> dict[str, Any]:
        embeds = self.payload.get("embeds") or []
        assert len(embeds) == 1, f"expected one embed, got {self.payload}"
        return embeds[0]

    @property
    def ephemeral(self) -> bool:
        return bool((self.payload.get("flags") or 0) & EPHEMERAL)

    @property
    def custom_ids(self) -> list[str]:
        return [
            item["custom_id"]
            for row in self.payload.get("components") or []
            for item in row.get("components") or []
            if "custom_id" in item
        ]


@dataclass
class Interaction:
    id: int
    token: str
    channel_id: int
    created: float
    acknowledged: bool = False


@dataclass
class FakeDiscord:
    """The fake; ``await start()``, point discord.py at ``api_base``/``gateway_url``."""

    token: str = field(default_factory=lambda: "fake." + secrets.token_urlsafe(24))
    grant_message_content: bool = True
    allow_threads: bool = True
    ack_window: float = ACK_WINDOW_SECONDS
    #: threads that already exist (e.g. started before a restart); GUILD_CREATE lists them
    existing_threads: list[dict[str, Any]] = field(default_factory=list)
    #: the loopback port to listen on (0: any free one); kept across close() and start()
    port: int = 0

    def __post_init__(self) -> None:
        self.sent: list[Sent] = []
        self.rejected: list[tuple[str, str, int, str]] = []
        self.commands: list[dict[str, Any]] = []
        self.identified_intents: list[int] = []
        self.heartbeats = 0
        self.ready = asyncio.Event()
        self._ids = itertools.count(200_000_000_000_000_000)
        self._seq = itertools.count(1)
        self._changed = asyncio.Condition()
        self._ws: web.WebSocketResponse | None = None
        self._intents = 0
        self._runner: web.AppRunner | None = None
        self._interactions: dict[int, Interaction] = {}
        self._messages: dict[int, dict[str, Any]] = {}
        self._threads = {int(t["id"]): t for t in self.existing_threads}
        self._thread_of_message: set[int] = set()
        self.channels = {
            CHANNEL_ID: text_channel_payload(CHANNEL_ID, "general", 0),
            OTHER_CHANNEL_ID: text_channel_payload(OTHER_CHANNEL_ID, "random", 1),
        }

    # --- lifecycle --------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(middlewares=[self._record_refusals])
        r = app.router
        r.add_get("/gateway", self._gateway)
        api = "/api/v10"
        r.add_get(api + "/users/@me", self._me)
        r.add_get(api + "/oauth2/applications/@me", self._application)
        r.add_get(api + "/gateway/bot", self._gateway_bot)
        r.add_put(api + "/applications/{app}/commands", self._sync_commands)
        r.add_post(api + "/channels/{channel}/messages", self._create_message)
        r.add_post(api + "/channels/{channel}/typing", self._typing)
        r.add_post(api + "/channels/{channel}/messages/{message}/threads", self._create_thread)
        r.add_post(api + "/interactions/{id}/{token}/callback", self._callback)
        r.add_post(api + "/webhooks/{app}/{token}", self._followup)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        self.api_base = f"http://127.0.0.1:{self.port}/api/v10"
        self.gateway_url = f"ws://127.0.0.1:{self.port}/gateway"

    async def close(self) -> None:
        """Stop answering (a restart: ``start()`` again listens on the same port)."""
        if self._ws is not None:
            await self._ws.close()
            self._ws = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # --- what the test does -----------------------------------------------------------

    async def post_message(
        self,
        content: str,
        *,
        author: int = ALICE,
        channel_id: int = CHANNEL_ID,
        mentions: tuple[int, ...] = (),
        mention_roles: tuple[int, ...] = (),
    ) -> dict[str, Any]:
        """A user's message arrives (MESSAGE_CREATE); returns it as Discord would store it."""
        message = self._message(channel_id, author, content)
        message["mentions"] = [{**USERS[u], "member": member_payload(u)} for u in mentions]
        message["mention_roles"] = [str(r) for r in mention_roles]
        message["mention_everyone"] = "@everyone" in content or "@here" in content
        message["member"] = member_payload(author)
        self._messages[int(message["id"])] = message
        delivered = dict(message)
        if not (self._intents & MESSAGE_CONTENT_INTENT) and BOT_ID not in mentions:
            delivered["content"] = ""  # no Message Content intent: Discord blanks it
        await self.dispatch("MESSAGE_CREATE", delivered)
        return message

    async def invoke_ask(
        self, question: str, *, user: int = ALICE, channel_id: int = CHANNEL_ID
    ) -> Interaction:
        """A user runs ``/ask question:...`` (INTERACTION_CREATE, application command)."""
        command = next(c for c in self.commands if c["name"] == "ask")
        data = {
            "id": command["id"],
            "name": "ask",
            "type": 1,
            "options": [{"name": "question", "type": 3, "value": question}],
        }
        return await self._interact(2, data, user, channel_id)

    async def click(
        self, message: dict[str, Any], custom_id: str, *, user: int = ALICE
    ) -> Interaction:
        """A user clicks a button on ``message`` (INTERACTION_CREATE, message component)."""
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._interact(3, data, user, int(message["channel_id"]), message=message)

    async def heartbeat(self) -> None:
        """Ask for a heartbeat now (op 1) and wait until the bot sends it."""
        before = self.heartbeats
        assert self._ws is not None, "the bot is not connected"
        await self._ws.send_json({"op": 1, "d": None})
        await self.wait_for(lambda: self.heartbeats > before, timeout=10)

    def new_interaction(self, channel_id: int = CHANNEL_ID) -> Interaction:
        """An interaction whose acknowledgement window starts now (not dispatched)."""
        interaction = Interaction(
            id=next(self._ids),
            token=secrets.token_urlsafe(32),
            channel_id=channel_id,
            created=time.monotonic(),
        )
        self._interactions[interaction.id] = interaction
        return interaction

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self._ws is not None, "the bot is not connected"
        await self._ws.send_str(json.dumps({"op": 0, "t": event, "s": next(self._seq), "d": data}))

    async def wait_for(self, condition: Callable[[], T], timeout: float = 30.0) -> T:
        """Wait (bounded) until ``condition()`` is truthy after something was sent; return it."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(condition), timeout)
            return condition()

    def sent_to(self, channel_id: int) -> list[Sent]:
        """The messages the bot posted in a channel or thread (not interaction responses)."""
        return [s for s in self.sent if s.kind == "message" and s.channel_id == channel_id]

    def threads(self) -> list[dict[str, Any]]:
        return list(self._threads.values())

    def responses_to(self, interaction: Interaction) -> list[Sent]:
        return [s for s in self.sent if s.interaction_id == interaction.id]

    # --- gateway ----------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            packet = json.loads(msg.data)
            if packet["op"] == 1:
                self.heartbeats += 1
                await ws.send_json({"op": 11})
                await self._notify()
            elif packet["op"] == 2:
                await self._identify(ws, packet["d"])
            elif packet["op"] == 6:  # RESUME after a dropped connection: the session goes on
                self._ws = ws
                await self.dispatch("RESUMED", {})
        return ws

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        intents = int(data.get("intents", 0))
        self.identified_intents.append(intents)
        if data.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        if intents & MESSAGE_CONTENT_INTENT and not self.grant_message_content:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        self._ws, self._intents = ws, intents
        await self.dispatch(
            "READY",
            {
                "v": 10,
                "user": USERS[BOT_ID],
                "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                "session_id": secrets.token_hex(16),
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(APPLICATION_ID), "flags": 0},
            },
        )
        await self.dispatch("GUILD_CREATE", self._guild())
        self.ready.set()

    def _guild(self) -> dict[str, Any]:
        return {
            "id": str(GUILD_ID),
            "name": "antqa test server",
            "unavailable": False,
            "owner_id": str(ALICE),
            "member_count": 3,
            "large": False,
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [
                role_payload(GUILD_ID, "@everyone", 0),
                role_payload(ROLE_MODS, "mods", 1),
                role_payload(ROLE_BOT, "antqa", 2, managed=True, tags={"bot_id": str(BOT_ID)}),
            ],
            "channels": list(self.channels.values()),
            "threads": list(self._threads.values()),
            "members": [member_payload(BOT_ID, [ROLE_BOT])],
            "voice_states": [],
            "presences": [],
            "joined_at": _now(),
        }

    # --- REST ---------------------------------------------------------------------------

    @web.middleware
    async def _record_refusals(self, request: web.Request, handler: Any) -> web.StreamResponse:
        # webhook and interaction routes are authorised by the token in their path
        needs_auth = request.path.startswith("/api/") and not (
            "/webhooks/" in request.path or "/interactions/" in request.path
        )
        if needs_auth and request.headers.get("Authorization") != f"Bot {self.token}":
            return self._refuse(request, 401, 0, "401: Unauthorized")
        try:
            response = await handler(request)
        except web.HTTPClientError as err:
            return self._refuse(request, err.status, 0, f"{err.reason} (route unknown to the fake)")
        await self._notify()
        return response

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def _refuse(self, request: web.Request, status: int, code: int, why: str) -> web.Response:
        self.rejected.append((request.method, request.path, status, why))
        return json_response({"code": code, "message": why}, status=status)

    async def _me(self, request: web.Request) -> web.Response:
        return json_response(USERS[BOT_ID])

    async def _application(self, request: web.Request) -> web.Response:
        return json_response(
            {
                "id": str(APPLICATION_ID),
                "name": "antqa",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": USERS[ALICE],
                "verify_key": "0" * 64,
                "flags": 0,
            }
        )

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return json_response({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})

    async def _sync_commands(self, request: web.Request) -> web.Response:
        commands = await request.json()
        self.commands = [
            {
                **c,
                "id": str(next(self._ids)),
                "application_id": str(APPLICATION_ID),
                "version": "1",
                "description": c.get("description", ""),
            }
            for c in commands
        ]
        return json_response(self.commands)

    async def _typing(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def _create_message(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel"])
        payload = await request.json()
        if channel_id not in self.channels and channel_id not in self._threads:
            return self._refuse(request, 404, 10003, "Unknown Channel")
        if problems := message_problems(payload):
            return self._refuse(request, 400, 50035, "Invalid Form Body: " + "; ".join(problems))
        replied = None
        reference = payload.get("message_reference")
        if reference is not None:
            original = self._messages.get(int(reference["message_id"]))
            replied = int(original["author"]["id"]) if original else None
        message = self._bot_message(channel_id, payload)
        self._record(Sent("message", channel_id, payload, message, pings(payload, replied)))
        return json_response(message)

    async def _create_thread(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel"])
        message_id = int(request.match_info["message"])
        payload = await request.json()
        name = payload.get("name") or ""
        if not self.allow_threads:
            return self._refuse(request, 403, 50013, "Missing Permissions")
        if channel_id not in self.channels or message_id not in self._messages:
            return self._refuse(request, 404, 10008, "Unknown Message")
        if message_id in self._thread_of_message:
            return self._refuse(request, 400, 160004, "A thread has already been created")
        if not 1 <= len(name) <= 100:
            return self._refuse(request, 400, 50035, f"thread name of {len(name)} characters")
        self._thread_of_message.add(message_id)
        thread = {
            "id": str(message_id),
            "type": 11,
            "guild_id": str(GUILD_ID),
            "parent_id": str(channel_id),
            "owner_id": str(BOT_ID),
            "name": name,
            "last_message_id": None,
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": payload.get("auto_archive_duration", 1440),
                "archive_timestamp": _now(),
                "locked": False,
            },
        }
        self._threads[message_id] = thread
        await self.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return json_response(thread, status=201)

    async def _callback(self, request: web.Request) -> web.Response:
        interaction = self._interactions.get(int(request.match_info["id"]))
        body = await request.json()
        if interaction is None or interaction.token != request.match_info["token"]:
            return self._refuse(request, 404, 10062, "Unknown interaction")
        if time.monotonic() - interaction.created > self.ack_window:
            return self._refuse(request, 404, 10062, "Unknown interaction (acknowledged too late)")
        if interaction.acknowledged:
            return self._refuse(request, 400, 40060, "Interaction has already been acknowledged.")
        kind, data = body["type"], body.get("data") or {}
        if kind in (4, 7) and (problems := message_problems(data)):
            return self._refuse(request, 400, 50035, "Invalid Form Body: " + "; ".join(problems))
        interaction.acknowledged = True
        message = self._bot_message(interaction.channel_id, data) if kind in (4, 5, 7) else None
        self._record(
            Sent(
                "callback",
                interaction.channel_id,
                data,
                message,
                pings(data, None) if kind in (4, 7) else [],
                interaction_id=interaction.id,
                callback_type=kind,
            )
        )
        body_out: dict[str, Any] = {
            "interaction": {
                "id": str(interaction.id),
                "type": kind,
                "response_message_id": message and message["id"],
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool((data.get("flags") or 0) & EPHEMERAL),
            }
        }
        if message is not None:
            body_out["resource"] = {"type": kind, "message": message}
        return json_response(body_out)

    def _interaction_for_webhook(self, request: web.Request) -> Interaction | None:
        token = request.match_info["token"]
        found = [i for i in self._interactions.values() if i.token == token]
        return found[0] if found and found[0].acknowledged else None

    async def _followup(self, request: web.Request) -> web.Response:
        interaction = self._interaction_for_webhook(request)
        payload = await request.json()
        if interaction is None:
            return self._refuse(request, 404, 10015, "Unknown Webhook")
        if problems := message_problems(payload):
            return self._refuse(request, 400, 50035, "Invalid Form Body: " + "; ".join(problems))
        message = self._bot_message(interaction.channel_id, payload)
        self._record(
            Sent(
                "followup",
                interaction.channel_id,
                payload,
                message,
                pings(payload, None),
                interaction_id=interaction.id,
            )
        )
        if request.query.get("wait") in ("true", "1", "True"):
            return json_response(message)
        return web.Response(status=204)

    # --- helpers ------------------------------------------------------------------------

    def _record(self, sent: Sent) -> None:
        self.sent.append(sent)

    def _message(self, channel_id: int, author: int, content: str) -> dict[str, Any]:
        return {
            "id": str(next(self._ids)),
            "channel_id": str(channel_id),
            "guild_id": str(GUILD_ID),
            "author": USERS[author],
            "content": content,
            "timestamp": _now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
        }

    def _bot_message(self, channel_id: int, payload: dict[str, Any]) -> dict[str, Any]:
        message = self._message(channel_id, BOT_ID, payload.get("content") or "")
        message["embeds"] = payload.get("embeds") or []
        message["components"] = payload.get("components") or []
        message["flags"] = payload.get("flags") or 0
        self._messages[int(message["id"])] = message
        return message

    async def _interact(
        self,
        kind: int,
        data: dict[str, Any],
        user: int,
        channel_id: int,
        message: dict[str, Any] | None = None,
    ) -> Interaction:
        interaction = self.new_interaction(channel_id)
        channel = self.channels.get(channel_id) or self._threads[channel_id]
        payload: dict[str, Any] = {
            "id": str(interaction.id),
            "application_id": str(APPLICATION_ID),
            "type": kind,
            "token": interaction.token,
            "version": 1,
            "guild_id": str(GUILD_ID),
            "channel_id": str(channel_id),
            "channel": channel,
            "member": member_payload(user),
            "data": data,
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": str((1 << 41) - 1),
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 8 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = message
        await self.dispatch("INTERACTION_CREATE", payload)
        return interaction
