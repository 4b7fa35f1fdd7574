"""Build, save and load the article index: plain files, no pickle.

Layout of an index folder::

    article.txt       the indexed article, byte for byte (offsets point into it)
    sentences.jsonl   one sentence per line: id, start, end, paragraph, text
    chunks.jsonl      one passage per line: id, start, end, paragraph, text, sentence_ids
    chunks.faiss      passage vectors (inner product over unit vectors = cosine)
    sentences.faiss   sentence vectors
    model.onnx        the model exported for the fast path (optional; see antqa.onnx_export)
    tokenizer.json    its tokenizer (with model.onnx)
    manifest.json     what built it: model, dimension, source sha256, chunker settings, version,
                      the ONNX export's sha256 and checks

A build writes everything into a temporary sibling folder and swaps it in with renames,
so a build that crashes or is killed never damages the last good index (see
:func:`swap_into_place` for the one window and how :func:`recover_interrupted_swap` closes it).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import faiss
import numpy as np
from pydantic import BaseModel, TypeAdapter, ValidationError

from antqa import __version__
from antqa.chunking import chunk_article
from antqa.embedding import Embedder
from antqa.errors import IndexCorrupt, IndexMismatch, IndexNotFound, SourceError
from antqa.models import Chunk, Sentence
from antqa.onnx_embedding import OnnxExport

if TYPE_CHECKING:
    from antqa.onnx_export import ExportedModel

FORMAT_VERSION = 1
REBUILD = "run antqa build-index"
STAGING_PREFIX = ".antqa-build-"
ProgressCallback = Callable[[int, int], None]
Unit = TypeVar("Unit", Chunk, Sentence)


class ChunkerSettings(BaseModel):
    """How the article was cut; part of the manifest so a rebuild is reproducible."""

    max_chars: int
    overlap_sentences: int | None  # None: a passage starts at every sentence


class Manifest(BaseModel):
    """What an index was built from; checked on every load."""

    format_version: int
    antqa_version: str
    model: str
    dim: int
    source_name: str
    source_sha256: str
    source_chars: int
    chunker: ChunkerSettings
    chunks: int
    sentences: int
    vectors_backend: str | None = None
    """Which embedding backend computed the stored vectors ("onnx", "torch")."""
    onnx: OnnxExport | None = None
    """The fast export of ``model`` stored with the index, if any."""


@dataclass(frozen=True)
class ArticleIndex:
    """Everything retrieval needs, in memory."""

    path: Path
    manifest: Manifest
    article: str
    sentences: list[Sentence]
    chunks: list[Chunk]
    chunk_vectors: faiss.Index
    sentence_vectors: faiss.Index


@dataclass(frozen=True)
class BuildReport:
    """What ``build-index`` wrote, for the maintainer."""

    path: Path
    chunks: int
    sentences: int
    dim: int
    model: str
    seconds: float


def sha256_text(text: str) -> str:
    """Hex sha256 of the UTF-8 bytes of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_source(source: Path) -> str:
    """The article to index, or a :class:`SourceError` that says what is wrong with it."""
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SourceError(f"no article at {source} — pass --source FILE") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"{source} is not UTF-8 text — convert it to UTF-8") from exc
    except OSError as exc:
        raise SourceError(f"cannot read {source}: {exc.strerror}") from exc
    if not text.strip():
        raise SourceError(f"{source} is empty — nothing to index")
    return text


# --------------------------------------------------------------------------- building


def _embed_in_batches(
    embedder: Embedder,
    texts: Sequence[str],
    progress: ProgressCallback | None,
    done: int,
    total: int,
) -> np.ndarray:
    batches = []
    for first in range(0, len(texts), 32):
        batch = texts[first : first + 32]
        batches.append(embedder.embed(batch))
        done += len(batch)
        if progress:
            progress(done, total)
    return np.vstack(batches).astype(np.float32)


def _flat_index(vectors: np.ndarray) -> faiss.Index:
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def _write_jsonl(path: Path, rows: Sequence[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _fsync_tree(folder: Path) -> None:
    """Make the new files durable before they replace the old ones."""
    for file in folder.iterdir():
        with file.open("rb") as handle:
            os.fsync(handle.fileno())
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_abandoned_staging(parent: Path) -> None:
    """Delete staging folders of builds that were killed (their process no longer exists)."""
    for staging in parent.glob(f"{STAGING_PREFIX}*"):
        pid = staging.name[len(STAGING_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _process_alive(int(pid)):
            shutil.rmtree(staging, ignore_errors=True)


def build_scratch(parent: Path) -> tempfile.TemporaryDirectory[str]:
    """A temporary folder beside the index for build work (the ONNX export).

    Named like a staging folder, so if this process is killed the next build removes it.
    """
    parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_staging(parent)
    return tempfile.TemporaryDirectory(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=parent)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _previous_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.previous")


def recover_interrupted_swap(out: Path) -> None:
    """Put back the last good index if a swap was killed between its two renames."""
    previous = _previous_path(out)
    if previous.is_dir() and not out.exists():
        os.rename(previous, out)


def swap_into_place(staging: Path, out: Path) -> None:
    """Replace ``out`` with ``staging`` using renames only.

    Between the two renames ``out`` does not exist; the old index then sits at
    ``.<name>.previous``, where :func:`load_index` and the next build look for it.
    """
    recover_interrupted_swap(out)
    previous = _previous_path(out)
    if previous.exists():
        shutil.rmtree(previous)
    if out.exists():
        os.rename(out, previous)
    os.rename(staging, out)
    shutil.rmtree(previous, ignore_errors=True)


def build_index(
    source: Path,
    out: Path,
    embedder: Embedder,
    *,
    max_chars: int = 1000,
    overlap: int | None = None,
    progress: ProgressCallback | None = None,
    export: ExportedModel | None = None,
) -> BuildReport:
    """Chunk and embed ``source`` and atomically replace the index at ``out``.

    ``export`` (an ONNX export of the same model) is stored with the index so that
    serving can use it instead of loading the model with torch.
    """
    began = time.perf_counter()
    article = read_source(source)
    sentences, chunks = chunk_article(article, max_chars=max_chars, overlap=overlap)
    total = len(chunks) + len(sentences)
    chunk_vectors = _embed_in_batches(embedder, [c.text for c in chunks], progress, 0, total)
    sentence_vectors = _embed_in_batches(
        embedder, [s.text for s in sentences], progress, len(chunks), total
    )
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        antqa_version=__version__,
        model=embedder.name,
        dim=int(chunk_vectors.shape[1]),
        source_name=source.name,
        source_sha256=sha256_text(article),
        source_chars=len(article),
        chunker=ChunkerSettings(max_chars=max_chars, overlap_sentences=overlap),
        chunks=len(chunks),
        sentences=len(sentences),
        vectors_backend=getattr(embedder, "backend", None),
        onnx=export.record if export else None,
    )
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_staging(out.parent)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the index is read by whoever serves it
    try:
        (staging / "article.txt").write_text(article, encoding="utf-8", newline="")
        _write_jsonl(staging / "sentences.jsonl", [_sentence_row(s) for s in sentences])
        _write_jsonl(staging / "chunks.jsonl", [_chunk_row(c) for c in chunks])
        faiss.write_index(_flat_index(chunk_vectors), str(staging / "chunks.faiss"))
        faiss.write_index(_flat_index(sentence_vectors), str(staging / "sentences.faiss"))
        if export is not None:
            for file in (export.record.file, export.record.tokenizer_file):
                shutil.copyfile(export.folder / file, staging / file)
        (staging / "manifest.json").write_text(manifest.model_dump_json(indent=2) + "\n")
        _fsync_tree(staging)
        swap_into_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildReport(
        out, len(chunks), len(sentences), manifest.dim, manifest.model, time.perf_counter() - began
    )


def _sentence_row(s: Sentence) -> dict[str, object]:
    return {"id": s.id, "start": s.start, "end": s.end, "paragraph": s.paragraph, "text": s.text}


def _chunk_row(c: Chunk) -> dict[str, object]:
    return {
        "id": c.id,
        "start": c.start,
        "end": c.end,
        "paragraph": c.paragraph,
        "text": c.text,
        "sentence_ids": list(c.sentence_ids),
    }


# --------------------------------------------------------------------------- loading


def _read_manifest(folder: Path) -> Manifest:
    path = folder / "manifest.json"
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except (ValidationError, ValueError, UnicodeDecodeError, OSError) as exc:
        raise IndexCorrupt(f"{path} is unreadable or incomplete — {REBUILD}") from exc


def _read_rows(path: Path, kind: type[Unit]) -> list[Unit]:
    """Each line of a JSONL file as a ``kind`` record, every field's type checked strictly.

    A row with a string offset or a missing field is refused here, at start-up, rather
    than failing every question that happens to retrieve it.
    """
    reader = TypeAdapter(kind)
    try:
        with path.open("rb") as handle:
            lines = [(n, line) for n, line in enumerate(handle, start=1) if line.strip()]
    except FileNotFoundError as exc:
        raise IndexCorrupt(f"{path} is missing — {REBUILD}") from exc
    except OSError as exc:
        raise IndexCorrupt(f"{path} is unreadable ({exc.strerror}) — {REBUILD}") from exc
    return [_parse_row(reader, line, path, number) for number, line in lines]


def _parse_row(reader: TypeAdapter[Unit], line: bytes, path: Path, number: int) -> Unit:
    try:
        return reader.validate_json(line, strict=True)
    except ValidationError as exc:
        not_json = exc.errors()[0]["type"] == "json_invalid"
        problem = "is corrupt" if not_json else "has malformed rows"
        raise IndexCorrupt(f"{path} {problem} (line {number}) — {REBUILD}") from exc


def _read_faiss(path: Path, rows: int, dim: int) -> faiss.Index:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IndexCorrupt(f"{path} is missing — {REBUILD}") from exc
    except OSError as exc:
        raise IndexCorrupt(f"{path} is unreadable ({exc.strerror}) — {REBUILD}") from exc
    # A flat index ends with its float count and the floats; faiss allocates whatever count
    # a file declares before reading, so a corrupt count could claim gigabytes: check it
    # against the manifest (and the file's real size) first.
    floats = rows * dim
    count_at = len(data) - 4 * floats - 8
    if count_at < 0 or int.from_bytes(data[count_at : count_at + 8], "little") != floats:
        raise IndexCorrupt(f"{path} is corrupt (not {rows} vectors of dimension {dim}) — {REBUILD}")
    try:
        vectors = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
    except Exception as exc:  # faiss raises RuntimeError subclasses with C++ messages
        raise IndexCorrupt(f"{path} is corrupt — {REBUILD}") from exc
    if vectors.ntotal != rows or vectors.d != dim:
        raise IndexCorrupt(
            f"{path} holds {vectors.ntotal} vectors of dimension {vectors.d}, expected {rows} "
            f"of dimension {dim} — {REBUILD}"
        )
    return vectors


def _check_located(article: str, items: list[Unit], folder: Path) -> None:
    """Each record must be the exact slice of the article it claims to be."""
    for item in items:
        if not 0 <= item.start <= item.end or article[item.start : item.end] != item.text:
            raise IndexCorrupt(f"{folder}: {item.id} does not match article.txt — {REBUILD}")


def _check_links(sentences: list[Sentence], chunks: list[Chunk], folder: Path) -> None:
    """Sentence ids are positions (vectors are found by them); passages name real ones."""
    if any(sentence.id != position for position, sentence in enumerate(sentences)):
        raise IndexCorrupt(f"{folder}: sentences.jsonl is out of order — {REBUILD}")
    for chunk in chunks:
        if not chunk.sentence_ids or not all(
            0 <= sid < len(sentences) for sid in chunk.sentence_ids
        ):
            raise IndexCorrupt(f"{folder}: {chunk.id} lists unknown sentences — {REBUILD}")


def _served_folder(folder: Path) -> Path:
    """``folder``, or the last good index if a swap into it was interrupted."""
    if (folder / "manifest.json").is_file():
        return folder
    previous = _previous_path(folder)
    if (previous / "manifest.json").is_file():
        return previous
    if folder.is_dir() and any(folder.iterdir()):
        raise IndexCorrupt(f"{folder} has no manifest.json — {REBUILD}")
    raise IndexNotFound(f"no index at {folder} — {REBUILD}")


def load_index(
    folder: Path, *, expected_model: str | None = None, expected_source: Path | None = None
) -> ArticleIndex:
    """Load and verify the index at ``folder``.

    Raises :class:`IndexNotFound`, :class:`IndexCorrupt` or :class:`IndexMismatch` with a
    message naming the fix. ``expected_model``/``expected_source`` are what the settings
    say should be served; ``None`` skips that check.
    """
    try:
        folder = _served_folder(folder.resolve())
    except OSError as exc:  # a name too long, a folder we may not list, ...
        raise IndexNotFound(
            f"cannot read an index at {folder} ({exc.strerror}) — point ANTQA_INDEX_DIR at an "
            f"index folder, or {REBUILD}"
        ) from exc
    manifest = _read_manifest(folder)
    if manifest.format_version != FORMAT_VERSION:
        raise IndexMismatch(
            f"the index at {folder} has format {manifest.format_version}, this antqa reads "
            f"format {FORMAT_VERSION} — {REBUILD}"
        )
    try:
        article = (folder / "article.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexCorrupt(
            f"{folder / 'article.txt'} is missing or unreadable — {REBUILD}"
        ) from exc
    if sha256_text(article) != manifest.source_sha256:
        raise IndexCorrupt(f"{folder / 'article.txt'} was changed after indexing — {REBUILD}")
    if expected_model is not None and expected_model != manifest.model:
        raise IndexMismatch(
            f"the index at {folder} was built with the model {manifest.model!r} but "
            f"{expected_model!r} is configured — run antqa build-index --model "
            f"{expected_model}, or set ANTQA_MODEL={manifest.model}"
        )
    if (
        expected_source is not None
        and expected_source.is_file()
        and sha256_text(read_source(expected_source)) != manifest.source_sha256
    ):
        raise IndexMismatch(
            f"the article {expected_source} changed since the index at {folder} was "
            f"built — {REBUILD}"
        )
    sentences = _read_rows(folder / "sentences.jsonl", Sentence)
    chunks = _read_rows(folder / "chunks.jsonl", Chunk)
    _check_located(article, sentences, folder)
    _check_located(article, chunks, folder)
    _check_links(sentences, chunks, folder)
    if len(chunks) != manifest.chunks or len(sentences) != manifest.sentences:
        raise IndexCorrupt(f"{folder} has fewer passages than its manifest lists — {REBUILD}")
    return ArticleIndex(
        path=folder,
        manifest=manifest,
        article=article,
        sentences=sentences,
        chunks=chunks,
        chunk_vectors=_read_faiss(folder / "chunks.faiss", len(chunks), manifest.dim),
        sentence_vectors=_read_faiss(folder / "sentences.faiss", len(sentences), manifest.dim),
    )
