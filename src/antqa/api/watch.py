"""A ``send`` wrapper for ASGI middleware that needs to know whether, and how, it answered."""

from __future__ import annotations

from starlette.types import Message, Send


class ResponseWatch:
    """Passes messages on to ``send`` and remembers the response status once it starts.

    Middleware that may answer on the app's behalf (an error body) can do so only while
    ``status`` is still ``None``; after that the headers are already on the wire.
    """

    def __init__(self, send: Send) -> None:
        self._send = send
        self.status: int | None = None

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
        await self._send(message)
