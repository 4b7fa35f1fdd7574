"""The index format: plain files, no pickle; loaded verified, written atomically.

Layout of an index folder::

    article.txt       the indexed article, byte for byte (offsets point into it)
    sentences.jsonl   one sentence per line: id, start, end, paragraph, text
    chunks.jsonl      one passage per line: id, start, end, paragraph, text, sentence_ids
    chunks.faiss      passage vectors (inner product over unit vectors = cosine)
    sentences.faiss   sentence vectors
    model.onnx        the model's ONNX export (optional; see antqa.embedding.export)
    tokenizer.json    its tokenizer (with model.onnx)
    manifest.json     what built it (model, source sha256, chunker settings, version, the
                      export's record) and the sha256 of every other file

:func:`load_index` refuses, in one line naming the fix, any file whose sha256 differs from
the manifest's, vectors that are not finite, and records that disagree with the article.
:func:`write_index` writes into a temporary sibling folder and swaps it in with renames,
so a build that crashes or is killed never damages the last good index (see
:func:`swap_into_place` for the one window and how :func:`recover_interrupted_swap` closes
it). What goes into an index is decided by the build pipeline, :mod:`antqa.build`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import faiss
import numpy as np
from pydantic import BaseModel, TypeAdapter, ValidationError

from antqa.embedding.onnx_backend import OnnxExport
from antqa.errors import IndexCorrupt, IndexMismatch, IndexNotFound, SourceError
from antqa.hashing import sha256_file, sha256_text
from antqa.models import Chunk, Sentence

FORMAT_VERSION = 2
"""2: the manifest holds the sha256 of every file, and vectors carry ``vectors_id``."""
REBUILD = "run antqa build-index"
STAGING_PREFIX = ".antqa-build-"
MANIFEST = "manifest.json"
ARTICLE = "article.txt"
SENTENCES, CHUNKS = "sentences.jsonl", "chunks.jsonl"
SENTENCE_VECTORS, CHUNK_VECTORS = "sentences.faiss", "chunks.faiss"
REQUIRED_FILES = (ARTICLE, SENTENCES, CHUNKS, SENTENCE_VECTORS, CHUNK_VECTORS)
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
    vectors_id: str = ""
    """The exact embedder variant of the vectors (see ``antqa.embedding.vectors_id``); a
    build reuses a stored vector only for the same text and the same id."""
    onnx: OnnxExport | None = None
    """The fast export of ``model`` stored with the index, if any."""
    files: dict[str, str] = {}
    """sha256 of every file of the index but this manifest, checked at every load."""


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


@dataclass(frozen=True)
class IndexContents:
    """What :func:`write_index` writes: the article, its units and their vectors."""

    article: str
    sentences: Sequence[Sentence]
    chunks: Sequence[Chunk]
    sentence_vectors: np.ndarray
    chunk_vectors: np.ndarray


def write_index(
    out: Path, contents: IndexContents, manifest: Manifest, copies: Mapping[str, Path]
) -> None:
    """Write ``contents`` (and ``copies``: file name -> file to copy, the model export)
    with ``manifest`` into a staging folder, sha256 of every file recorded, and swap it
    atomically into ``out``."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_staging(out.parent)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the index is read by whoever serves it
    try:
        (staging / ARTICLE).write_text(contents.article, encoding="utf-8", newline="")
        _write_jsonl(staging / SENTENCES, [_sentence_row(s) for s in contents.sentences])
        _write_jsonl(staging / CHUNKS, [_chunk_row(c) for c in contents.chunks])
        faiss.write_index(_flat_index(contents.chunk_vectors), str(staging / CHUNK_VECTORS))
        faiss.write_index(_flat_index(contents.sentence_vectors), str(staging / SENTENCE_VECTORS))
        for name, file in copies.items():
            shutil.copyfile(file, staging / name)
        hashes = {p.name: sha256_file(p) for p in sorted(staging.iterdir())}
        manifest = manifest.model_copy(update={"files": hashes})
        (staging / MANIFEST).write_text(manifest.model_dump_json(indent=2) + "\n")
        _fsync_tree(staging)
        swap_into_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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
    path = folder / MANIFEST
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
    if not np.isfinite(
        np.frombuffer(data, dtype=np.float32, count=floats, offset=count_at + 8)
    ).all():
        raise IndexCorrupt(f"{path} holds values that are not finite (NaN or inf) — {REBUILD}")
    return vectors


def _verify_files(folder: Path, manifest: Manifest) -> None:
    """Every file the index needs is listed in the manifest and has the listed sha256."""
    needed = set(REQUIRED_FILES)
    if manifest.onnx is not None:
        needed |= {manifest.onnx.file, manifest.onnx.tokenizer_file}
    unlisted = sorted(needed - manifest.files.keys())
    if unlisted:
        raise IndexCorrupt(
            f"{folder / MANIFEST} lists no sha256 for {', '.join(unlisted)} — {REBUILD}"
        )
    for name, expected in sorted(manifest.files.items()):
        path = folder / name
        try:
            actual = sha256_file(path)
        except FileNotFoundError as exc:
            raise IndexCorrupt(f"{path} is missing — {REBUILD}") from exc
        except OSError as exc:
            raise IndexCorrupt(f"{path} is unreadable ({exc.strerror}) — {REBUILD}") from exc
        if actual != expected:
            raise IndexCorrupt(
                f"{path} is corrupt (its sha256 is not the one in {MANIFEST}: damaged or "
                f"edited) — {REBUILD}"
            )


def _check_located(article: str, items: list[Unit], folder: Path) -> None:
    """Each record must be the exact slice of the article it claims to be."""
    for item in items:
        if not 0 <= item.start <= item.end or article[item.start : item.end] != item.text:
            raise IndexCorrupt(f"{folder}: {item.id} does not match article.txt — {REBUILD}")


def _check_links(sentences: list[Sentence], chunks: list[Chunk], folder: Path) -> None:
    """Sentence ids are positions (vectors are found by them); passages name real ones, as
    runs of consecutive sentences (retrieval's passage windows rely on it), and every
    sentence is in some passage (else no passage could cite it)."""
    if any(sentence.id != position for position, sentence in enumerate(sentences)):
        raise IndexCorrupt(f"{folder}: sentences.jsonl is out of order — {REBUILD}")
    covered: set[int] = set()
    for chunk in chunks:
        ids = chunk.sentence_ids
        if not ids or not all(0 <= sid < len(sentences) for sid in ids):
            raise IndexCorrupt(f"{folder}: {chunk.id} lists unknown sentences — {REBUILD}")
        if list(ids) != list(range(ids[0], ids[0] + len(ids))):
            raise IndexCorrupt(f"{folder}: {chunk.id} skips sentences — {REBUILD}")
        covered.update(ids)
    if len(covered) != len(sentences):
        missing = min(set(range(len(sentences))) - covered)
        raise IndexCorrupt(f"{folder}: sentence {missing} is in no passage — {REBUILD}")


def _served_folder(folder: Path) -> Path:
    """``folder``, or the last good index if a swap into it was interrupted."""
    if (folder / "manifest.json").is_file():
        return folder
    previous = _previous_path(folder)
    if (previous / "manifest.json").is_file():
        return previous
    if folder.is_dir() and any(folder.iterdir()):
        raise IndexCorrupt(f"{folder} has no manifest.json — {REBUILD}")
    raise IndexNotFound(
        f"no index at {folder} — {REBUILD}, or point ANTQA_INDEX_DIR at an index folder"
    )


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
    _verify_files(folder, manifest)
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
