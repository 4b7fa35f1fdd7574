"""The fast embedding path: an ONNX export of the model, run by onnxruntime.

The export (:mod:`antqa.embedding.export`, made once per model) lives in the index folder;
running it needs only onnxruntime, ``tokenizers`` and numpy — no torch, which is most of a
cold start and most of the memory. Its files are verified with the rest of the index when
the index loads (:func:`antqa.index.load_index`).

Each text is run on its own, without padding: the export is dynamically quantized to
int8, which scales activations per tensor, so padding a text into a batch with longer
ones would shift its vector. One text per run keeps a text's vector independent of
whatever it is embedded with (a query embeds alone anyway).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, Field

from antqa.embedding.base import normalize_rows
from antqa.errors import ModelUnavailable

if TYPE_CHECKING:
    from onnxruntime import InferenceSession
    from tokenizers import Tokenizer

ONNX_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
OUTPUT = "token_embeddings"
#: With ``ANTQA_EMBEDDING_THREADS`` above one, onnxruntime's extra threads sleep between
#: operators instead of spinning. A query is a few hundred small operators: spinning kept
#: the second thread's core busy between them, which with 2 threads on 2 shared cores
#: doubled the p50 at one client and cost ~40 % more CPU per request at 16 (antqa serve
#: under wrk). With one thread there is no other thread to spin.
ALLOW_SPINNING = "0"


class OnnxExport(BaseModel):
    """What the index's ``manifest.json`` records about the exported model."""

    file: str = ONNX_FILE
    sha256: str
    tokenizer_file: str = TOKENIZER_FILE
    tokenizer_sha256: str
    input_names: list[str]
    max_seq_length: int = Field(description="Tokens beyond this are cut, as the model does.")
    dim: int
    recipe: str = Field(description="How the graph was optimised and quantized.")
    cosine_min: float = Field(description="Least cosine to the reference on the check texts.")
    cosine_mean: float
    checked_texts: int


def mean_pool(token_embeddings: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    """Average of the real tokens' vectors per row, as sentence-transformers' mean pooling."""
    mask = attention_mask[..., None].astype(np.float32)
    summed = (token_embeddings * mask).sum(axis=1)
    return summed / np.maximum(mask.sum(axis=1), 1e-9)


@dataclass(frozen=True)
class _Loaded:
    session: InferenceSession
    tokenizer: Tokenizer


class OnnxEmbedder:
    """The index's ONNX export of the model; loaded lazily on first use."""

    backend = "onnx"

    def __init__(self, folder: Path, export: OnnxExport, name: str, threads: int = 1) -> None:
        self._folder = folder
        self._export = export
        self._name = name
        self._threads = threads
        self._loaded: _Loaded | None = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        return self._export.dim

    @property
    def vectors_id(self) -> str:
        """Vectors are reused across builds only from this exact export (its sha256)."""
        return f"onnx:{self._export.sha256}"

    def _get(self) -> _Loaded:
        with self._lock:
            if self._loaded is None:
                self._loaded = self._load()
            return self._loaded

    def _load(self) -> _Loaded:
        model_path = self._folder / self._export.file
        tokenizer_path = self._folder / self._export.tokenizer_file
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - dependencies of the package
            raise ModelUnavailable(
                "onnxruntime or tokenizers is not installed — pip install antqa (or make install)"
            ) from exc
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.no_padding()
        tokenizer.enable_truncation(self._export.max_seq_length)
        options = ort.SessionOptions()
        options.intra_op_num_threads = self._threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", ALLOW_SPINNING)
        options.log_severity_level = 3  # warnings about unused initialisers are noise here
        # Fold the int8-stored matrices back to fp32 once, at load (see antqa.embedding.export);
        # by default onnxruntime keeps DequantizeLinear nodes and would run them per query.
        options.add_session_config_entry("session.disable_quant_qdq", "1")
        session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        return _Loaded(session, tokenizer)

    def _feeds(self, tokenizer: Tokenizer, text: str) -> dict[str, Any]:
        encoding = tokenizer.encode(text)
        columns = {
            "input_ids": encoding.ids,
            "attention_mask": encoding.attention_mask,
            "token_type_ids": encoding.type_ids,
        }
        return {n: np.asarray([columns[n]], dtype=np.int64) for n in self._export.input_names}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        loaded = self._get()
        rows = np.empty((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            feeds = self._feeds(loaded.tokenizer, text)
            (tokens,) = loaded.session.run([OUTPUT], feeds)
            mask = feeds.get("attention_mask", np.ones(tokens.shape[:2], dtype=np.int64))
            rows[row] = mean_pool(tokens, mask)[0]
        return normalize_rows(rows)
