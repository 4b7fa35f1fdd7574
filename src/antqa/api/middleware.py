"""The app's ASGI middlewares (pure ASGI: no per-request task or body buffering).

Outermost first, as :func:`antqa.api.app.create_app` stacks them:

- :class:`RequestMetrics` counts and times every response, including a 413 or a crash's 500;
- :class:`BodyLimit` refuses a body over ``ANTQA_MAX_BODY_BYTES`` while it arrives (never
  read whole first): a declared ``Content-Length`` over the limit before a byte is read, a
  chunked body as soon as it passes the limit. The client gets the usual JSON error body
  with 413 (Starlette's own limit answers in plain text);
- :class:`CatchAll` logs an unexpected exception once and answers 500 in JSON.
"""

from __future__ import annotations

import logging
import time

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from antqa.api.errors import BodyTooLarge, internal_error, problem_response
from antqa.api.metrics import Metrics

logger = logging.getLogger("antqa.api")

_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


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


class RequestMetrics:
    """Counts every HTTP response by route and status, and times it."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        watch = ResponseWatch(send)
        try:
            await self.app(scope, receive, watch)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            method = scope["method"] if scope["method"] in _METHODS else "OTHER"
            status = watch.status or 500  # failed before answering: the client sees a failure
            self.metrics.requests.labels(method, path, str(status)).inc()
            self.metrics.latency.labels(method, path).observe(time.perf_counter() - started)


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await problem_response(BodyTooLarge(self.max_bytes))(scope, receive, send)
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
        except BodyTooLarge as problem:
            if watch.status is not None:
                raise
            await problem_response(problem)(scope, receive, send)


class CatchAll:
    """An unexpected exception is logged once and answered 500 in JSON.

    Starlette's own last-resort handler re-raises after answering, so the server logs
    the traceback a second time; this one logs it once, with the request line.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        watch = ResponseWatch(send)
        try:
            await self.app(scope, receive, watch)
        except Exception:
            logger.exception("unexpected error serving %s %s", scope["method"], scope["path"])
            if watch.status is not None:  # too late for an error body; the server drops it
                raise
            await internal_error()(scope, receive, send)
