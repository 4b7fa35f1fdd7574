"""HTTP adapter: ``create_app(service)`` builds the FastAPI app over a ``QAService``."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from antqa.models import Answer
from antqa.service import QAService


class AskRequest(BaseModel):
    question: str
    conversation_id: str | None = None


def create_app(service: QAService) -> FastAPI:
    """The app; the service is passed in (already loaded), never built at import."""
    app = FastAPI(title="antqa")

    @app.post("/ask", response_model=Answer)
    async def ask(request: AskRequest) -> Answer:
        return await run_in_threadpool(service.ask, request.question, request.conversation_id)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
