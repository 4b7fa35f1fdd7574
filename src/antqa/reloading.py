"""``kill -HUP``: reload the index into a running service, in the background.

Used by ``antqa serve`` and ``antqa discord``. The handler only schedules the work: the
new index is loaded and checked on a thread (:meth:`QAService.reload`), so the event loop
keeps answering meanwhile; the outcome goes to the log, and a bad new index leaves the
old one serving.
"""

from __future__ import annotations

import asyncio
import logging
import signal

from antqa.errors import AntqaError
from antqa.service import QAService

log = logging.getLogger("antqa.reload")


async def reload_now(service: QAService) -> bool:
    """Reload ``service``'s index on a thread; log the outcome; True if swapped in."""
    log.info("SIGHUP: reloading the index from %s", service.settings.index_dir)
    try:
        index = await asyncio.to_thread(service.reload)
    except AntqaError as err:
        log.error("index reload refused, the previous index keeps serving: %s", err)
        return False
    except Exception:  # a bug must not take the server down: the old index still works
        log.exception("index reload failed, the previous index keeps serving")
        return False
    manifest = index.manifest
    log.info(
        "index reloaded: %d passages, %d sentences, article sha256 %s…",
        manifest.chunks,
        manifest.sentences,
        manifest.source_sha256[:12],
    )
    return True


def reload_on_sighup(service: QAService) -> None:
    """From now on, SIGHUP to this process reloads ``service``'s index (call in the loop)."""
    loop = asyncio.get_running_loop()
    tasks: set[asyncio.Task[bool]] = set()

    def schedule() -> None:
        task = loop.create_task(reload_now(service))
        tasks.add(task)  # keep a reference until it is done
        task.add_done_callback(tasks.discard)

    loop.add_signal_handler(signal.SIGHUP, schedule)
