"""The request body size limit, enforced while the body arrives (never read whole first).

A declared ``Content-Length`` over the limit is refused before a byte of the body is
read; a body without one (chunked) is counted as it streams in and refused as soon as it
passes the limit. Either way the client gets the usual JSON error body with status 413.
(Starlette's own limit answers in plain text, hence this small middleware.)
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from antqa.api.problems import RequestProblem, error_response
from antqa.api.watch import ResponseWatch


class BodyTooLarge(RequestProblem):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            "body_too_large",
            f"the request body is over the limit of {limit} bytes — send only the question "
            "and conversation_id",
            {"Connection": "close"},
        )


class BodyLimit:
    """ASGI middleware refusing request bodies over ``max_bytes`` with 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0
        watch = ResponseWatch(send)

        async def receive_counting() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        try:
            await self.app(scope, receive_counting, watch)
        except BodyTooLarge:
            if watch.status is not None:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        problem = BodyTooLarge(self.max_bytes)
        response = error_response(problem.status, problem.type, problem.message, problem.headers)
        await response(scope, receive, send)
