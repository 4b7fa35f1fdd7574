"""What the routes share: the service, the worker pool, the metrics, readiness.

One :class:`Runtime` per app, kept on ``app.state``; routes get it through the
``RuntimeDep`` dependency, so nothing is global and two apps in one process (tests) never
share state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from antqa.api.metrics import Metrics
from antqa.service import QAService
from antqa.workers import WorkerPool


@dataclass
class Runtime:
    service: QAService
    pool: WorkerPool
    metrics: Metrics
    #: True once the index and model are loaded (set by the app's start-up).
    ready: bool = False


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
