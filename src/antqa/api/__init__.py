"""HTTP adapter: a thin FastAPI app over ``QAService``.

- :func:`create_app` builds the app (``POST /ask``, ``GET /healthz``, ``GET /metrics``,
  the page at ``/``, OpenAPI at ``/docs``);
- :func:`serve` runs it with uvicorn until SIGTERM/SIGINT, letting in-flight requests finish.

A request passes ``middleware`` (metrics, body limit, catch-all) → ``deps`` (API key,
body) → a router in ``routes/`` → the service's worker pool; refusals are shaped by
``errors``.
"""

from antqa.api.app import create_app
from antqa.api.server import serve

__all__ = ["create_app", "serve"]
