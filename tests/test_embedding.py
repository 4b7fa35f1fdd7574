"""The real bundled model: offline, 384-dimensional unit vectors, any path works."""

from __future__ import annotations

import numpy as np
import pytest

from antqa.embedding.torch_backend import (
    SentenceTransformerEmbedder,
    bundled_model_path,
    resolve_model_location,
)
from antqa.errors import ModelUnavailable


@pytest.fixture(scope="module")
def bundled() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


def test_the_default_model_is_the_bundled_copy() -> None:
    location = resolve_model_location("sentence-transformers/all-MiniLM-L6-v2")
    assert location == str(bundled_model_path())
    assert (bundled_model_path() / "model.safetensors").is_file()
    assert resolve_model_location("/some/other/model") == "/some/other/model"


def test_bundled_model_gives_unit_vectors_that_rank_meaning(
    bundled: SentenceTransformerEmbedder,
) -> None:
    vectors = bundled.embed(
        [
            "Who became the new CEO?",
            "Jing Xiandong became the new CEO.",
            "Version 9.0 added friends.",
        ]
    )
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert bundled.dim == 384


def test_a_model_given_by_path_loads_too(bundled: SentenceTransformerEmbedder) -> None:
    by_path = SentenceTransformerEmbedder(str(bundled_model_path()))
    np.testing.assert_allclose(by_path.embed(["hello"]), bundled.embed(["hello"]), atol=1e-5)
    assert by_path.name == str(bundled_model_path())


def test_a_model_that_is_not_here_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelUnavailable, match="models are not downloaded here"):
        SentenceTransformerEmbedder(str(tmp_path / "missing")).embed(["x"])
