"""Operations routes: ``GET /healthz`` (open) and ``GET /metrics`` (API key if configured)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST

from antqa.api.deps import API_KEY, RuntimeDep
from antqa.api.schemas import ErrorBody, Health

router = APIRouter(tags=["operations"])


@router.get(
    "/healthz",
    response_model=Health,
    summary="Liveness: 200 once the index and model are loaded",
    responses={503: {"model": Health, "description": "Still loading the index or model."}},
)
async def healthz(runtime: RuntimeDep) -> JSONResponse:
    """200 when questions can be answered now; 503 while the server is starting."""
    service = runtime.service
    health = Health(
        status="ok" if runtime.ready else "starting",
        model=service.model_name,
        passages=len(service.index.chunks),
        **{name: state() for name, state in runtime.states.items()},
    )
    return JSONResponse(health.model_dump(), status_code=200 if runtime.ready else 503)


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    dependencies=API_KEY,
    response_class=Response,
    responses={
        200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Text exposition."},
        401: {"model": ErrorBody, "description": "An API key is configured and missing here."},
    },
)
async def metrics(runtime: RuntimeDep) -> Response:
    """Request counts by route and status, latency, answered/refused, index size."""
    return Response(runtime.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)
