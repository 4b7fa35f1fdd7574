"""The one interface the rest of antqa depends on: texts in, unit vectors out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    """Maps texts to L2-normalised float32 vectors, one row per text."""

    @property
    def name(self) -> str:
        """The model name recorded in the index manifest."""
        ...

    @property
    def dim(self) -> int:
        """Vector dimension."""
        ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an ``(len(texts), dim)`` float32 array of unit vectors."""
        ...


def vectors_id(embedder: Embedder) -> str:
    """What a stored vector was computed by; a build reuses vectors only across equal ids.

    Backends name their exact variant (the ONNX export's sha256, or the torch model);
    any other embedder (a test fake) is known by its model name.
    """
    return str(getattr(embedder, "vectors_id", None) or embedder.name)


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """Unit-length float32 rows (cosine similarity becomes an inner product)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
