"""``create_app(service)``: the FastAPI app over a ``QAService``, built by a factory.

Nothing happens at import. The app loads the index and model at start-up (its lifespan),
so ``/healthz`` turns 200 before the first question rather than after it. Routes live in
routers (:data:`antqa.api.routes.ROUTERS`); a new page or endpoint is one more router.
Questions run on the service's own bounded worker pool (:attr:`QAService.workers`), the
one pool every adapter in the process shares.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from antqa import __version__
from antqa.api.deps import Runtime
from antqa.api.errors import install_error_handlers
from antqa.api.metrics import Metrics
from antqa.api.middleware import BodyLimit, CatchAll, RequestMetrics
from antqa.api.routes import ROUTERS
from antqa.ratelimit import rate_limiter
from antqa.service import QAService

DESCRIPTION = """
Ask questions about one article; every answer quotes it and cites the exact passages
(character offsets into the article), and says plainly when the article does not answer.

**Errors** are JSON: `{"error": {"type": "...", "message": "..."}}` — 400 body not UTF-8
JSON, 401 API key missing or wrong, 404/405 no such route or method, 413 body too large,
415 not JSON, 422 not a question object or the question cannot be asked as it is (empty,
too long) or a malformed `conversation_id`, 429 this client asked faster than its limit (see
`Retry-After`), 503 too many questions waiting or the conversation store unreachable (see
`Retry-After`), 500 our fault (logged).

**API key**: when the server sets `ANTQA_API_KEY`, `/ask` and `/metrics` need
`Authorization: Bearer <key>`; `/healthz` stays open.
"""


def create_app(
    service: QAService, *, states: Mapping[str, Callable[[], str]] | None = None
) -> FastAPI:
    """The app over ``service`` (settings come from ``service.settings``).

    ``states`` are the other parts of the process (``{"discord": bot state}``), reported by
    ``/healthz`` under their names.
    """
    settings = service.settings
    metrics = Metrics(
        passages=lambda: len(service.index.chunks),
        sentences=lambda: len(service.index.sentences),
        article_chars=lambda: len(service.index.article),
        asks_in_progress=lambda: service.workers.admitted,
        conversations=lambda: len(service.conversations),
    )
    runtime = Runtime(
        service=service, metrics=metrics, limiter=rate_limiter(settings), states=dict(states or {})
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await asyncio.to_thread(service.warm_up)
        runtime.ready = True
        try:
            yield
        finally:
            runtime.ready = False
            runtime.limiter.close()

    app = FastAPI(
        title="antqa",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    if settings.api_key is None:
        document_optional_key(app)
    install_error_handlers(app)
    # Outermost last: metrics see every response, including a 413 or a crash's 500.
    app.add_middleware(CatchAll)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestMetrics, metrics=metrics)
    for router in ROUTERS:
        app.include_router(router)
    return app


def document_optional_key(app: FastAPI) -> None:
    """Without ``ANTQA_API_KEY`` the protected routes are open: say so in the OpenAPI schema.

    FastAPI lists the bearer scheme as required wherever the dependency is used; an added
    empty requirement (``{}``) is OpenAPI for "or no credentials at all".
    """
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            for operations in generate()["paths"].values():
                for operation in operations.values():
                    if "security" in operation:  # a new list: it may be a route's own
                        operation["security"] = [*operation["security"], {}]
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]
