"""Domain errors. Every message says what went wrong and what to do about it.

Adapters turn these into a one-line CLI error, an HTTP status or a Discord reply;
nothing else should escape to a user.

    AntqaError
    ├── IndexProblem          the index cannot be served as it is
    │   ├── IndexNotFound     no index where the settings point      -> run antqa build-index
    │   ├── IndexCorrupt      files unreadable or inconsistent        -> run antqa build-index
    │   └── IndexMismatch     built for another model or article      -> rebuild, or change settings
    ├── ModelUnavailable      the embedding model cannot be loaded    -> install / configure a model
    │   └── ExportUnsupported no fast (ONNX) export of this model     -> serve it with torch
    ├── InvalidQuestion       empty, too long, not text               -> rephrase
    ├── InvalidConversationId not an id the server could have issued  -> send it back as given
    ├── SourceError           the article to index cannot be read     -> check --source
    ├── TryLater              a temporary shortage; ``retry_after``   -> retry shortly
    │   ├── Overloaded        too many questions already waiting
    │   ├── RateLimited       one client asked faster than its limit
    │   └── StateUnavailable  the conversation store (Redis) is down
    ├── ConfigurationError    a needed setting is missing or refused  -> fix the setting
    └── ServiceUnreachable    an outside service (Discord) is down    -> check the network
"""

from __future__ import annotations


class AntqaError(Exception):
    """Base of every error antqa raises on purpose; ``str(err)`` is the user-facing message."""

    def __str__(self) -> str:
        return f"{type(self).__name__}: {super().__str__()}"

    @property
    def message(self) -> str:
        """The message without the class name, for bodies that carry the type separately."""
        return super().__str__()


class IndexProblem(AntqaError):
    """The index cannot be served as it is; rebuilding fixes it."""


class IndexNotFound(IndexProblem):
    """No index at the configured place."""


class IndexCorrupt(IndexProblem):
    """Index files are missing, unreadable or disagree with each other."""


class IndexMismatch(IndexProblem):
    """The index was built for another model, dimension or article than the one configured."""


class ModelUnavailable(AntqaError):
    """The configured embedding model cannot be loaded (not installed, not found offline)."""


class InvalidQuestion(AntqaError):
    """The question cannot be answered as asked (empty, too long, not text)."""


class SourceError(AntqaError):
    """The article to be indexed cannot be read or is empty."""


class InvalidConversationId(AntqaError):
    """A ``conversation_id`` that is not shaped like one the server issues (wrong type,
    characters or length): a client bug, not a lost conversation."""


class TryLater(AntqaError):
    """Something is short for a moment; ``retry_after`` (seconds) says when to retry."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Overloaded(TryLater):
    """Too many questions are already running or waiting."""


class RateLimited(TryLater):
    """One client (an API key, else an address) asked faster than its fair share."""


class StateUnavailable(TryLater):
    """The conversation store cannot be reached (Redis down, the SQLite file unwritable).

    Questions that need a conversation fail with this until it is back; nothing restarts.
    """


class ConfigurationError(AntqaError):
    """A setting is missing or was refused (``ANTQA_TOP_K=abc``, a rejected Discord token)."""


class ServiceUnreachable(AntqaError):
    """An outside service an adapter needs (Discord) cannot be reached."""


class ExportUnsupported(ModelUnavailable):
    """The configured model cannot be exported to the fast ONNX path (or fails its check)."""
