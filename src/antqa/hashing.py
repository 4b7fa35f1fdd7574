"""sha256 of text and of files: how the index pins its files and how vectors are keyed."""

from __future__ import annotations

import hashlib
from pathlib import Path

_BLOCK = 1 << 20  # read files in 1 MiB blocks: the model file is 24 MB


def sha256_text(text: str) -> str:
    """Hex sha256 of the UTF-8 bytes of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()
