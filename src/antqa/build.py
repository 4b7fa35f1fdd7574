"""The build pipeline behind ``antqa build-index``: chunk → export-or-reuse → embed → write.

A rebuild after an article edit should take seconds and no torch, so two things are reused
from the indexes at hand (the folder being rebuilt, then the served one):

- **the model export**: it depends on the model and :data:`~antqa.embedding.export.RECIPE`
  only, so an index holding an export of the same model and recipe lends it (its files are
  copied as they are, and ``model.onnx`` stays byte-identical). Only a new model, a new
  recipe or ``--no-reuse`` exports again, which needs torch (the ``[export]`` extra);
- **the vectors**: keyed by the sha256 of the embedder variant and the text
  (:func:`vector_key`), so unchanged sentences and passages keep theirs and only new text
  is embedded.

The index format itself (what is written, how it is checked) is :mod:`antqa.index`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from antqa import __version__
from antqa.chunking import chunk_article
from antqa.config import Settings
from antqa.embedding import Embedder, vectors_id
from antqa.embedding.export import RECIPE, ExportedModel, export_onnx
from antqa.embedding.torch_backend import SentenceTransformerEmbedder
from antqa.errors import ExportUnsupported, IndexProblem
from antqa.hashing import sha256_text
from antqa.index import FORMAT_VERSION as INDEX_FORMAT
from antqa.index import (
    ArticleIndex,
    ChunkerSettings,
    IndexContents,
    Manifest,
    build_scratch,
    load_index,
    read_source,
    write_index,
)

EMBED_BATCH = 32
"""Texts per embedder call: one progress step; the ONNX backend runs them one by one."""

ProgressCallback = Callable[[int, int], None]
"""``progress(done, total)`` while embedding."""
StageCallback = Callable[[str], None]
"""``stage(description)`` when the pipeline starts its next stage."""


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote, for the maintainer."""

    path: Path
    chunks: int
    sentences: int
    dim: int
    model: str
    embedded: int
    """Texts embedded now."""
    reused: int
    """Texts whose vectors came from an earlier index."""
    export: str
    """The model export: "exported" now, "reused", "stored" (given), or "none" (torch)."""
    seconds: float


def vector_key(variant: str, text: str) -> str:
    """The key a stored vector is found by: the embedder variant and the exact text."""
    return sha256_text(f"{variant}\0{text}")


class VectorCache:
    """Vectors of earlier indexes by :func:`vector_key`; what a build need not embed again."""

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}

    def add_index(self, index: ArticleIndex) -> None:
        """Remember every vector of ``index`` (keyed by its manifest's ``vectors_id``)."""
        variant = index.manifest.vectors_id
        if not variant:
            return
        texts = [c.text for c in index.chunks] + [s.text for s in index.sentences]
        rows = np.vstack(
            [
                index.chunk_vectors.reconstruct_n(0, index.chunk_vectors.ntotal),
                index.sentence_vectors.reconstruct_n(0, index.sentence_vectors.ntotal),
            ]
        )
        for text, row in zip(texts, rows, strict=True):
            self._vectors[vector_key(variant, text)] = row

    def get(self, key: str) -> np.ndarray | None:
        return self._vectors.get(key)

    def __len__(self) -> int:
        return len(self._vectors)


def embed_with_reuse(
    embedder: Embedder,
    texts: Sequence[str],
    cache: VectorCache,
    progress: ProgressCallback | None = None,
) -> tuple[np.ndarray, int]:
    """Vectors for ``texts`` (one row each) and how many were embedded now.

    A text already in ``cache`` for this embedder, or earlier in ``texts``, is not embedded.
    """
    variant = vectors_id(embedder)
    keys = [vector_key(variant, text) for text in texts]
    known = {key: row for key in keys if (row := cache.get(key)) is not None}
    pending = list({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if progress:
        progress(0, len(pending))
    for first in range(0, len(pending), EMBED_BATCH):
        batch = pending[first : first + EMBED_BATCH]
        rows = embedder.embed([text for _, text in batch])
        known.update(zip([key for key, _ in batch], rows, strict=True))
        if progress:
            progress(first + len(batch), len(pending))
    if not keys:
        return np.zeros((0, embedder.dim), dtype=np.float32), 0
    return np.vstack([known[key] for key in keys]).astype(np.float32), len(pending)


def build_index(
    source: Path,
    out: Path,
    embedder: Embedder,
    *,
    max_chars: int = 1000,
    overlap: int | None = None,
    progress: ProgressCallback | None = None,
    export: ExportedModel | None = None,
    cache: VectorCache | None = None,
    stage: StageCallback | None = None,
) -> BuildReport:
    """Chunk ``source``, embed what ``cache`` does not hold, and atomically replace ``out``.

    ``export`` (an ONNX export of the same model) is stored with the index so that
    serving uses it instead of loading the model with torch.
    """
    began = time.perf_counter()
    article = read_source(source)
    sentences, chunks = chunk_article(article, max_chars=max_chars, overlap=overlap)
    texts = [c.text for c in chunks] + [s.text for s in sentences]
    vectors, embedded = embed_with_reuse(embedder, texts, cache or VectorCache(), progress)
    manifest = Manifest(
        format_version=INDEX_FORMAT,
        antqa_version=__version__,
        model=embedder.name,
        dim=int(vectors.shape[1]),
        source_name=source.name,
        source_sha256=sha256_text(article),
        source_chars=len(article),
        chunker=ChunkerSettings(max_chars=max_chars, overlap_sentences=overlap),
        chunks=len(chunks),
        sentences=len(sentences),
        vectors_backend=getattr(embedder, "backend", None),
        vectors_id=vectors_id(embedder),
        onnx=export.record if export else None,
    )
    contents = IndexContents(
        article=article,
        sentences=sentences,
        chunks=chunks,
        chunk_vectors=vectors[: len(chunks)],
        sentence_vectors=vectors[len(chunks) :],
    )
    if stage:
        stage("writing the index")
    copies = {}
    if export is not None:
        copies = {name: export.folder / name for name in export.files}
    write_index(out, contents, manifest, copies)
    return BuildReport(
        path=out.resolve(),
        chunks=len(chunks),
        sentences=len(sentences),
        dim=manifest.dim,
        model=manifest.model,
        embedded=embedded,
        reused=len(texts) - embedded,
        export="stored" if export else "none",
        seconds=time.perf_counter() - began,
    )


def earlier_indexes(folders: Sequence[Path], model: str) -> list[ArticleIndex]:
    """The verified indexes of ``model`` among ``folders`` (a damaged one lends nothing)."""
    found: list[ArticleIndex] = []
    seen: set[Path] = set()
    for folder in folders:
        try:
            index = load_index(folder)
        except IndexProblem:
            continue
        if index.manifest.model == model and index.path not in seen:
            seen.add(index.path)
            found.append(index)
    return found


def reusable_export(indexes: Sequence[ArticleIndex]) -> ExportedModel | None:
    """The first export among ``indexes`` made by today's recipe (the model is theirs)."""
    for index in indexes:
        record = index.manifest.onnx
        if record is not None and record.recipe == RECIPE:
            return ExportedModel(index.path, record)
    return None


@dataclass(frozen=True)
class BuildRequest:
    """What ``antqa build-index`` was asked for, with the settings' defaults filled in."""

    source: Path
    out: Path
    model: str
    reuse: bool = True
    """False: export the model again and embed every text (a cold build)."""


def run_build(
    request: BuildRequest,
    settings: Settings,
    *,
    stage: StageCallback | None = None,
    progress: ProgressCallback | None = None,
    note: Callable[[str], None] | None = None,
) -> BuildReport:
    """The whole pipeline: find what can be reused, export if needed, embed, write.

    ``stage`` hears each stage start, ``progress`` the embedding, ``note`` a fallback the
    maintainer should know of (no fast path for this model).
    """
    stage = stage or (lambda _description: None)
    stage("checking earlier indexes for reusable work")
    earlier = (
        earlier_indexes([request.out, settings.index_dir], request.model) if request.reuse else []
    )
    with build_scratch(request.out.resolve().parent) as scratch:
        export, exported = _export_or_reuse(request, settings, earlier, Path(scratch), stage, note)
        embedder: Embedder = (
            export.embedder(request.model, settings.embedding_threads)
            if export
            else SentenceTransformerEmbedder(request.model)
        )
        cache = VectorCache()
        for index in earlier:
            cache.add_index(index)
        stage("embedding new sentences and passages")
        report = build_index(
            request.source,
            request.out,
            embedder,
            max_chars=settings.chunk_max_chars,
            overlap=settings.chunk_overlap_sentences,
            progress=progress,
            export=export,
            cache=cache,
            stage=stage,
        )
    outcome = "none" if export is None else ("exported" if exported else "reused")
    return replace(report, export=outcome)


def _export_or_reuse(
    request: BuildRequest,
    settings: Settings,
    earlier: Sequence[ArticleIndex],
    scratch: Path,
    stage: StageCallback,
    note: Callable[[str], None] | None,
) -> tuple[ExportedModel | None, bool]:
    """The export to store and embed with, and whether it was made now.

    ``ANTQA_EMBEDDING_BACKEND=torch`` stores none; ``auto`` falls back to torch (with a
    note) for a model the ONNX path cannot take; ``onnx`` refuses such a model.
    """
    if settings.embedding_backend == "torch":
        return None, False
    reused = reusable_export(earlier)
    if reused is not None:
        stage(f"reusing the model export in {reused.folder}")
        return reused, False
    stage(f"exporting {request.model} to ONNX int8 (once per model; needs torch)")
    try:
        return export_onnx(request.model, scratch), True
    except ExportUnsupported as err:
        if settings.embedding_backend == "onnx":
            raise
        if note:
            note(f"no fast path — {err.message}")
        return None, False
