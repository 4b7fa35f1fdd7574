"""``create_app(service)``: the FastAPI app over a ``QAService``, built by a factory.

Nothing happens at import. The app loads the index and model at start-up (its lifespan),
so ``/healthz`` turns 200 before the first question rather than after it. Routes live in
routers (:data:`ROUTERS`); a new page or endpoint is one more router.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from antqa import __version__
from antqa.api import ask, ops, page
from antqa.api.auth import document_optional_key
from antqa.api.limits import BodyLimit
from antqa.api.metrics import Metrics, RequestMetrics
from antqa.api.problems import CatchAll, install_error_handlers
from antqa.api.runtime import Runtime
from antqa.service import QAService
from antqa.workers import WorkerPool

ROUTERS: tuple[APIRouter, ...] = (ask.router, ops.router, page.router)

DESCRIPTION = """
Ask questions about one article; every answer quotes it and cites the exact passages
(character offsets into the article), and says plainly when the article does not answer.

**Errors** are JSON: `{"error": {"type": "...", "message": "..."}}` — 400 body not UTF-8
JSON, 401 API key missing or wrong, 404/405 no such route or method, 413 body too large,
415 not JSON, 422 not a question object or the question cannot be asked as it is (empty,
too long), 503 too many questions waiting (see `Retry-After`), 500 our fault (logged).

**API key**: when the server sets `ANTQA_API_KEY`, `/ask` and `/metrics` need
`Authorization: Bearer <key>`; `/healthz` stays open.
"""


def create_app(service: QAService, *, pool: WorkerPool | None = None) -> FastAPI:
    """The app over ``service`` (settings come from ``service.settings``).

    ``pool`` runs the questions; pass one to share it with another adapter in the same
    process (the caller then closes it). Without one, the app makes its own and closes it
    at shutdown.
    """
    settings = service.settings
    owns_pool = pool is None
    workers = pool or WorkerPool(settings.ask_workers, settings.ask_max_pending)
    metrics = Metrics(
        passages=len(service.index.chunks),
        sentences=len(service.index.sentences),
        article_chars=len(service.index.article),
        asks_in_progress=lambda: workers.admitted,
        conversations=lambda: len(service.conversations),
    )
    runtime = Runtime(service=service, pool=workers, metrics=metrics)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await asyncio.to_thread(service.warm_up)
        runtime.ready = True
        try:
            yield
        finally:
            runtime.ready = False
            if owns_pool:
                await asyncio.to_thread(workers.close)

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
