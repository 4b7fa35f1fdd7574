"""A real ``redis-server`` (Debian's package) as a child process on a free loopback port.

    with redis_server(tmp_dir) as redis:      # returns once it answers PING
        redis.url                               # redis://127.0.0.1:<port>/0
        redis.stop(); redis.start()             # down and up again, same port and data

For the tests (a session fixture) and the benchmarks that need Redis. Its data is kept in
an append-only file in the folder, so a stop and start keeps the conversations, as a
production Redis with persistence would.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis

#: How long Redis may take to answer PING after starting (it starts in milliseconds).
START_TIMEOUT_SECONDS = 20.0


def redis_binary() -> str | None:
    """Where ``redis-server`` is, or None when it is not installed."""
    return shutil.which("redis-server") or next(
        (p for p in ("/usr/bin/redis-server", "/usr/sbin/redis-server") if Path(p).exists()),
        None,
    )


def free_port() -> int:
    """A TCP port nothing listens on right now (loopback)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class RedisProcess:
    """One redis-server on ``127.0.0.1:port`` keeping its data in ``folder``."""

    binary: str
    folder: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start it and wait until it answers."""
        self.folder.mkdir(parents=True, exist_ok=True)
        options = {"bind": "127.0.0.1", "port": self.port, "dir": self.folder}
        options |= {"save": "", "appendonly": "yes"}
        self.process = subprocess.Popen(
            [self.binary, *(arg for k, v in options.items() for arg in (f"--{k}", str(v)))],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=1)
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start on port {self.port}") from None
                time.sleep(0.05)
            finally:
                client.close()

    def stop(self) -> None:
        """SIGTERM (Redis writes its data out), then wait for it to exit."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None

    def flush(self) -> None:
        """Forget everything (between tests)."""
        with redis.Redis(port=self.port) as client:
            client.flushall()


@contextmanager
def redis_server(folder: Path) -> Iterator[RedisProcess]:
    """A running redis-server in ``folder``; RuntimeError when it is not installed."""
    binary = redis_binary()
    if binary is None:
        raise RuntimeError("redis-server is not installed (Debian: apt-get install redis-server)")
    server = RedisProcess(binary, Path(folder), free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
