"""What a serving process does once it has loaded what it serves.

The index, the model session and the article's reading live as long as the process. Python's
cyclic collector would otherwise walk them all in each of its full passes (every few thousand
requests), and the request it lands on waits for it: measured pauses of 0.1-0.6 s under
``antqa serve``, 60-75 ms per pass in ``benchmarks/answer_path.py``.
"""

from __future__ import annotations

import gc


def settle_loaded() -> None:
    """Leave everything allocated so far out of the cyclic collector's passes.

    Call it once, after the service has warmed up: what is frozen is never collected as a
    cycle, so freezing before the load would keep its garbage for the process's life.
    """
    gc.freeze()
