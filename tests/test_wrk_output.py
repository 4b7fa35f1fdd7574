"""benchmarks/wrk.py: reading wrk's output, and the Lua script it drives (no timing asserted)."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from benchmarks.load import QUESTIONS
from benchmarks.wrk import parse_wrk, run_wrk, wrk_path

WRK_OUTPUT = """\
Running 3s test @ http://127.0.0.1:18777
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    36.48ms    4.91ms  59.23ms   71.02%
    Req/Sec   435.27     38.11   505.00     70.00%
  Latency Distribution
     50%   35.97ms
     75%   39.02ms
     90%   43.85ms
     99%   51.14ms
  1313 requests in 3.02s, 1.52MB read
  Non-2xx or 3xx responses: 7
Requests/sec:    435.35
Transfer/sec:    517.09KB
WRK_JSON {"requests": 1313, "duration_us": 3015933, "non2xx": 7, \
"errors": {"connect": 0, "read": 1, "write": 0, "status": 7, "timeout": 2}, \
"latency_us": {"p50": 35967, "p90": 43851, "p99": 51140, "max": 59228, "mean": 36481.9}}
"""


def test_parse_reads_the_summary_line_in_milliseconds_and_seconds() -> None:
    result = parse_wrk(WRK_OUTPUT, connections=16, client_cpu_s=0.05)
    assert (result.connections, result.requests) == (16, 1313)
    assert result.seconds == pytest.approx(3.015933)
    assert result.rps == pytest.approx(1313 / 3.015933)
    assert (result.p50_ms, result.p90_ms, result.p99_ms) == (35.967, 43.851, 51.14)
    assert result.max_ms == 59.228
    assert result.client_cpu_s == 0.05


def test_failed_counts_non_2xx_and_lost_requests_once() -> None:
    result = parse_wrk(WRK_OUTPUT, connections=16)
    # 7 non-2xx (wrk's "status" errors are the same 7), 1 read error, 2 timeouts
    assert result.non2xx == 7
    assert result.failed == 10


def test_output_without_the_summary_line_is_refused() -> None:
    plain = WRK_OUTPUT.split("WRK_JSON")[0]
    with pytest.raises(ValueError, match="no WRK_JSON line"):
        parse_wrk(plain, connections=16)


class _Recorder(BaseHTTPRequestHandler):
    """Answers 200, or 500 to the last question in the rotation, and records every question."""

    protocol_version = "HTTP/1.1"
    seen: ClassVar[Counter[str]] = Counter()

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen[body["question"]] += 1
        status = 500 if body["question"] == QUESTIONS[-1] else 200
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    _Recorder.seen = Counter()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.skipif(wrk_path() is None, reason="wrk is not installed (apt-get install wrk)")
def test_script_rotates_every_question_and_counts_non_2xx(recorder: str) -> None:
    result = run_wrk(recorder, connections=2, seconds=1)
    seen = _Recorder.seen
    assert set(seen) == set(QUESTIONS)  # the Chinese question arrives intact too
    assert result.non2xx > 0
    # every completed request is counted once and the 500s are exactly the last question's
    # (a request still in flight when wrk stops reaches the server but is not counted)
    assert sum(seen.values()) - 2 <= result.requests <= sum(seen.values())
    assert seen[QUESTIONS[-1]] - 2 <= result.non2xx <= seen[QUESTIONS[-1]]
    assert result.failed == result.non2xx
