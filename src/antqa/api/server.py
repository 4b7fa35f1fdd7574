"""Running the app: uvicorn driven from code, stopped gracefully.

:func:`serve` loads the index and model first (a bad index or model fails here with its
own message, before the port is bound), binds the port (one that is taken is a one-line
:class:`~antqa.errors.ConfigurationError`, not uvicorn's traceback), then serves until
SIGTERM or SIGINT. On the signal the listening socket closes at once, requests already in
flight get ``shutdown_grace_seconds`` to finish, and :func:`serve` returns normally, so
the process exits with status 0.

:func:`serve_workers` runs several worker processes on one port instead (uvicorn's
supervisor; each worker builds its own service through :func:`app_from_environment`).

:class:`Companion` services (the Discord bot) share the server's event loop and lifetime:
started once the server listens, cancelled when it stops, their state reported by
``/healthz``. A companion that fails is logged and the server goes on: no part takes
another down.

SIGHUP reloads the index in place (:mod:`antqa.reloading`): questions in flight finish on
the old one, and a bad new index is refused in the log while the old keeps serving.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import errno
import functools
import logging
import signal
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.config import LOGGING_CONFIG

from antqa.api.app import create_app
from antqa.config import Settings
from antqa.errors import AntqaError, ConfigurationError
from antqa.lifetime import settle_loaded
from antqa.reloading import reload_on_sighup
from antqa.service import QAService

logger = logging.getLogger("antqa.api")
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@dataclass(frozen=True)
class Companion:
    """A service sharing the HTTP server's process and event loop (the Discord bot)."""

    #: Its field in ``/healthz``.
    name: str
    #: Runs it until cancelled; returning or raising ends only the companion.
    run: Callable[[], Awaitable[None]]
    #: Its state right now, e.g. ``connected`` or ``off: <reason>``.
    state: Callable[[], str]


class GracefulServer(uvicorn.Server):
    """uvicorn's server, except that the stop signal is not re-raised afterwards.

    uvicorn re-raises a caught SIGTERM once it has shut down gracefully, which kills the
    process before anything else in it (a bot, the pool) can close. Here the signal only
    asks the server to stop; a second SIGINT still forces it.
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield  # signals can only be handled on the main thread
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in _STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def log_config() -> dict[str, Any]:
    """uvicorn's logging, plus antqa's own logger (errors with tracebacks) on stderr."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["antqa"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def build_server(app: FastAPI, host: str, port: int, grace_seconds: int) -> GracefulServer:
    """A server for ``app`` on ``host:port`` (port 0: any free port)."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        lifespan="on",
        log_config=log_config(),
        timeout_graceful_shutdown=grace_seconds,
        server_header=False,
    )
    return GracefulServer(config)


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port``, or one line saying why there cannot be one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise ConfigurationError(
                f"port {port} is in use — stop the other server or pass --port"
            ) from None
        raise ConfigurationError(
            f"cannot listen on {host}:{port} ({err.strerror or err}) — pass another --host "
            "or --port"
        ) from None


def serve(
    service: QAService,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    companions: Sequence[Companion] = (),
) -> None:
    """Serve the HTTP API over ``service`` until SIGTERM/SIGINT; see the module docstring.

    The caller closes ``service`` (and with it the worker pool) afterwards.
    """
    service.warm_up()
    app = create_app(service, states={c.name: c.state for c in companions})
    settle_loaded()  # the index, model session and app live as long as the process
    server = build_server(app, host, port, service.settings.shutdown_grace_seconds)
    sock = listen(host, port)

    async def main() -> None:
        reload_on_sighup(service)  # kill -HUP: reload the index without a restart
        await run_with_companions(server, companions, sock)

    with asyncio.Runner(loop_factory=server.config.get_loop_factory()) as runner:
        runner.run(main())


def app_from_environment() -> FastAPI:
    """The app of one worker process of :func:`serve_workers` (uvicorn calls it by name).

    Each worker reads the settings and loads the index itself; what they share is the
    conversation store (SQLite file or Redis), so a follow-up may land on any of them.
    ``kill -HUP`` of the supervisor replaces the workers one by one, each new one loading
    the index again; a new worker that cannot load it says why in one line and exits, and
    the supervisor keeps the old workers serving.
    """
    try:
        service = QAService.from_settings(Settings())
        service.warm_up()  # before settling, so the model session is left out of the collector
    except AntqaError as err:
        logger.error("worker not started, the running workers keep serving: %s", err)
        raise SystemExit(1) from None
    app = create_app(service)
    settle_loaded()
    return app


def serve_workers(settings: Settings, host: str, port: int, workers: int) -> None:
    """Serve with ``workers`` processes on ``host:port`` until SIGTERM/SIGINT.

    uvicorn's supervisor binds the port, starts the workers (each calls
    :func:`app_from_environment`) and restarts one that dies. A port already taken is
    found first, and said in one line.
    """
    listen(host, port).close()
    uvicorn.run(
        f"{__name__}:{app_from_environment.__name__}",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        lifespan="on",
        log_config=log_config(),
        timeout_graceful_shutdown=settings.shutdown_grace_seconds,
        server_header=False,
    )


async def run_with_companions(
    server: uvicorn.Server, companions: Sequence[Companion], sock: socket.socket | None = None
) -> None:
    """Run ``server`` (on ``sock`` if given); start ``companions`` once it listens and
    cancel them when it stops. A companion that ends early is logged, nothing more."""
    serving = asyncio.create_task(server.serve(sockets=[sock] if sock else None))
    while not server.started and not serving.done():
        await asyncio.sleep(0.05)
    if server.started and sock is not None:  # uvicorn logs this only when it binds itself
        host, port = sock.getsockname()[:2]
        url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
        logger.info("antqa running on %s (Press CTRL+C to quit)", url)
    tasks = {
        asyncio.ensure_future(companion.run()): companion.name
        for companion in companions
        if server.started
    }
    for task, name in tasks.items():
        task.add_done_callback(functools.partial(_report_end, name))
    try:
        await serving
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _report_end(name: str, task: asyncio.Future[None]) -> None:
    """Log why a companion stopped while the server goes on (not when it was cancelled)."""
    if task.cancelled():
        return
    err = task.exception()
    if err is None:
        logger.warning("%s stopped; the HTTP API keeps serving", name)
    elif isinstance(err, AntqaError):
        logger.error("%s is off: %s — the HTTP API keeps serving", name, err.message)
    else:
        logger.error("%s is off: unexpected error — the HTTP API keeps serving", name, exc_info=err)
