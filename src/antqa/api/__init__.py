"""HTTP adapter: a thin FastAPI app over ``QAService``.

- :func:`create_app` builds the app (``POST /ask``, ``GET /healthz``, ``GET /metrics``,
  OpenAPI at ``/docs``);
- :func:`serve` runs it with uvicorn until SIGTERM/SIGINT, letting in-flight requests finish.
"""

from antqa.api.app import create_app
from antqa.api.server import serve

__all__ = ["create_app", "serve"]
