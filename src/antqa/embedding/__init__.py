"""Turning text into vectors: the :class:`Embedder` protocol and its backends.

- :mod:`antqa.embedding.onnx_backend`: the index's int8 ONNX export run by onnxruntime
  (what serving and rebuilding use; no torch);
- :mod:`antqa.embedding.torch_backend`: any sentence-transformers model (the ``[export]``
  extra: torch);
- :mod:`antqa.embedding.export`: exporting a model to the ONNX backend, once per model.

Importing this package loads neither onnxruntime nor torch; models load on first use.
"""

from antqa.embedding.base import Embedder, normalize_rows, vectors_id

__all__ = ["Embedder", "normalize_rows", "vectors_id"]
