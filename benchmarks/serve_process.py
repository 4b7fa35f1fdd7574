"""``antqa serve`` as a child process on a free loopback port, for load runs and tests.

    with served(env) as server:                 # returns once the server listens
        httpx.get(f"{server.url}/healthz")
        server.rss_bytes()                       # the server's resident memory
        assert server.stop() == 0                # SIGTERM, then its exit status

Everything the server writes (stderr and stdout: its log and the access log) is kept in
``server.log``, and :meth:`ServedProcess.expect` waits for a line. ``command`` replaces the default
``python -m antqa serve ...`` (e.g. a script that injects a fault before calling the CLI).
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVE_ARGS = ("serve", "--host", "127.0.0.1", "--port", "0")
_LISTENING = r"running on (http://127\.0\.0\.1:\d+)"


@dataclass
class ServedProcess:
    """A running server: its process, its URL, and its log as it comes."""

    process: subprocess.Popen[str]
    url: str = ""
    log: list[str] = field(default_factory=list)
    _lines: queue.Queue[str | None] = field(default_factory=queue.Queue)

    def expect(self, pattern: str, timeout: float) -> re.Match[str]:
        """The first new log line matching ``pattern``; AssertionError after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        seen: list[str] = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:  # the process closed its output: it has ended
                break
            seen.append(line)
            if match := re.search(pattern, line):
                return match
        raise AssertionError(f"no log line matching {pattern!r}; got:\n{''.join(seen)}")

    def rss_bytes(self) -> int:
        """Resident memory of the server process now (Linux ``/proc``)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kilobytes = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if kilobytes is None:
            raise RuntimeError(f"no VmRSS for process {self.process.pid}")
        return int(kilobytes.group(1)) * 1024

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM (a graceful stop), then the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line)
            self._lines.put(line)
        self._lines.put(None)


@contextmanager
def served(
    env: Mapping[str, str],
    command: Sequence[str] | None = None,
    ready_timeout: float = 180,
) -> Iterator[ServedProcess]:
    """Start ``antqa serve`` (or ``command``) with ``env``; kill it on the way out if needed."""
    process = subprocess.Popen(
        list(command or [sys.executable, "-m", "antqa", *SERVE_ARGS]),
        cwd=ROOT,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: worker processes go with it
    )
    server = ServedProcess(process)
    reader = threading.Thread(target=server._read, daemon=True)
    reader.start()
    with process:
        try:
            server.url = server.expect(_LISTENING, timeout=ready_timeout).group(1)
            yield server
        finally:
            with contextlib.suppress(ProcessLookupError):  # the server and any workers
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
            reader.join(timeout=10)
