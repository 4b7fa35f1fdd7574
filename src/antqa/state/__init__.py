"""Where conversations live: one interface (:class:`ConversationStore`), three stores.

=========  ===============================================  ==============================
store      shared by                                        chosen when
=========  ===============================================  ==============================
memory     this process only; lost at restart               ``ANTQA_CONVERSATION_STORE=memory``
sqlite     every process on this machine; survives restart  the default (``ANTQA_STATE_DIR``)
redis      every replica on every machine using one Redis    ``ANTQA_REDIS_URL`` is set
=========  ===============================================  ==============================

:func:`open_store` is the one place that picks, from :class:`~antqa.config.Settings`.
"""

from __future__ import annotations

from antqa.config import Settings
from antqa.errors import ConfigurationError
from antqa.state.base import Bounds, ConversationStore, new_conversation_id
from antqa.state.memory import MemoryConversationStore
from antqa.state.sqlite import FILENAME, SQLiteConversationStore

__all__ = [
    "Bounds",
    "ConversationStore",
    "MemoryConversationStore",
    "SQLiteConversationStore",
    "new_conversation_id",
    "open_store",
]


def open_store(settings: Settings) -> ConversationStore:
    """The conversation store the settings ask for, with their bounds."""
    bounds: Bounds = {
        "max_turns": settings.conversation_max_turns,
        "ttl_seconds": settings.conversation_ttl_seconds,
        "max_conversations": settings.max_conversations,
    }
    kind = settings.conversation_store
    if kind == "auto":
        kind = "redis" if settings.redis_url is not None else "sqlite"
    if kind == "memory":
        return MemoryConversationStore(**bounds)
    if kind == "sqlite":
        return SQLiteConversationStore(settings.state_dir / FILENAME, **bounds)
    if settings.redis_url is None:
        raise ConfigurationError(
            "ANTQA_CONVERSATION_STORE=redis needs ANTQA_REDIS_URL — set it, e.g. "
            "redis://127.0.0.1:6379/0"
        )
    from antqa.state.redis import RedisConversationStore  # imports redis only when used

    return RedisConversationStore.from_url(settings.redis_url.get_secret_value(), **bounds)
