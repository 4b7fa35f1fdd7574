"""antqa: conversational question answering over one article, with exact citations.

The public surface is re-exported here (and pinned by ``tests/test_exports.py``);
everything heavy (models, indexes) is loaded lazily by :class:`QAService`.
"""

from antqa.errors import (
    AntqaError,
    ConfigurationError,
    ExportUnsupported,
    IndexCorrupt,
    IndexMismatch,
    IndexNotFound,
    IndexProblem,
    InvalidQuestion,
    ModelUnavailable,
    Overloaded,
    ServiceUnreachable,
    SourceError,
)
from antqa.models import Answer, Citation, ShortAnswer

__version__ = "0.1.0"

__all__ = [
    "Answer",
    "AntqaError",
    "Citation",
    "ConfigurationError",
    "ExportUnsupported",
    "IndexCorrupt",
    "IndexMismatch",
    "IndexNotFound",
    "IndexProblem",
    "InvalidQuestion",
    "ModelUnavailable",
    "Overloaded",
    "ServiceUnreachable",
    "ShortAnswer",
    "SourceError",
    "__version__",
]
