"""The maintainer's loop: edit the article, rebuild in seconds without torch, serve the edit.

Every command here runs the real CLI in a subprocess where importing torch, transformers or
sentence-transformers fails (a meta-path finder), as in a plain ``pip install antqa``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import numpy as np
import pytest

from antqa.build import VectorCache, build_index, embed_with_reuse
from antqa.index import load_index
from benchmarks.serve_process import SERVE_ARGS, served
from tests.conftest import ARTICLE, ROOT, HashEmbedder, cli_env

COMMITTED = ROOT / "index"
NEW_SENTENCE = (
    "Years later, the company's archivist said that the first office kept a brass ship's "
    "bell, rung whenever a customer's complaint was settled."
)
NEW_QUESTION = "What was rung whenever a customer's complaint was settled?"

WITHOUT_TORCH = textwrap.dedent(
    """
    import sys

    class Blocked:
        '''Refuses the export extra's packages, as if they were not installed.'''
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in {"torch", "transformers", "sentence_transformers"}:
                raise ModuleNotFoundError(f"No module named {name!r} (blocked by the test)")
            return None

    sys.meta_path.insert(0, Blocked())
    from antqa.cli import main
    sys.argv[0] = "antqa"
    main()
    """
)


def antqa_without_torch(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_TORCH, *args],
        capture_output=True,
        text=True,
        env=cli_env(**env),
        cwd=ROOT,
        timeout=300,
    )


def edited_article(folder: Path) -> Path:
    """The article with one new sentence at the end of its second paragraph."""
    paragraphs = ARTICLE.read_text(encoding="utf-8").split("\n")
    second = next(i for i, p in enumerate(paragraphs) if p.strip() and i > 0)
    paragraphs[second] = f"{paragraphs[second].rstrip()} {NEW_SENTENCE}"
    edited = folder / "article.txt"
    edited.write_text("\n".join(paragraphs), encoding="utf-8")
    return edited


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], str]:
    """The committed index rebuilt in place after an article edit, without torch."""
    folder = tmp_path_factory.mktemp("maintainer")
    index = folder / "index"
    shutil.copytree(COMMITTED, index)
    env = {"ANTQA_INDEX_DIR": str(index), "ANTQA_SOURCE": str(edited_article(folder))}
    result = antqa_without_torch("build-index", env=env)
    assert result.returncode == 0, result.stderr
    return index, env, result.stdout


def test_an_edit_rebuilds_without_torch_reusing_the_export_and_unchanged_vectors(
    rebuilt: tuple[Path, dict[str, str], str],
) -> None:
    index, _env, output = rebuilt
    assert "export reused" in output, output
    counts = re.search(r"embedded (\d+) texts, reused (\d+)", output)
    assert counts, output
    embedded, reused = int(counts[1]), int(counts[2])
    assert 0 < embedded <= 10, output  # the changed passages and the new sentence
    assert reused > 300, output
    assert load_index(index).manifest.vectors_id == load_index(COMMITTED).manifest.vectors_id


def test_an_edit_changes_only_the_files_that_depend_on_the_article(
    rebuilt: tuple[Path, dict[str, str], str],
) -> None:
    index, _env, _output = rebuilt
    changed = {
        p.name for p in COMMITTED.iterdir() if p.read_bytes() != (index / p.name).read_bytes()
    }
    assert changed == {
        "article.txt",
        "sentences.jsonl",
        "chunks.jsonl",
        "sentences.faiss",
        "chunks.faiss",
        "manifest.json",
    }  # model.onnx and tokenizer.json are byte-identical


def test_the_new_sentence_is_answered_by_ask_and_serve_without_torch(
    rebuilt: tuple[Path, dict[str, str], str],
) -> None:
    _index, env, _output = rebuilt
    result = antqa_without_torch("ask", NEW_QUESTION, "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert "brass ship's bell" in json.loads(result.stdout)["answer"]
    command = [sys.executable, "-c", WITHOUT_TORCH, *SERVE_ARGS]
    with served(cli_env(**env), command) as server:
        response = httpx.post(f"{server.url}/ask", json={"question": NEW_QUESTION}, timeout=60)
        assert response.status_code == 200, response.text
        assert "brass ship's bell" in response.json()["answer"]
        assert server.stop() == 0


def test_a_rebuild_with_nothing_changed_embeds_nothing(
    rebuilt: tuple[Path, dict[str, str], str],
) -> None:
    index, env, _output = rebuilt
    before = {p.name: p.read_bytes() for p in index.iterdir()}
    result = antqa_without_torch("build-index", env=env)
    assert result.returncode == 0, result.stderr
    assert "embedded 0 texts" in result.stdout, result.stdout
    after = {p.name: p.read_bytes() for p in index.iterdir()}
    assert after == before


def test_a_new_model_without_the_export_extra_says_what_to_install(tmp_path: Path) -> None:
    result = antqa_without_torch(
        "build-index",
        "--model",
        "sentence-transformers/all-mpnet-base-v2",
        env={"ANTQA_INDEX_DIR": str(tmp_path / "index")},
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ModelUnavailable: "), result.stderr
    assert "pip install 'antqa[export]'" in lines[0]
    assert "download.pytorch.org/whl/cpu" in lines[0]


def test_vectors_are_reused_only_for_the_same_text_and_embedder(tmp_path: Path) -> None:
    first = HashEmbedder()
    build_index(ARTICLE, tmp_path / "index", first)
    cache = VectorCache()
    cache.add_index(load_index(tmp_path / "index"))
    texts = ["A sentence never indexed.", load_index(tmp_path / "index").sentences[3].text]

    same = HashEmbedder()
    vectors, embedded = embed_with_reuse(same, texts, cache)
    assert embedded == 1 and same.calls == 1
    np.testing.assert_allclose(vectors, same.embed(texts), atol=1e-6)

    other = HashEmbedder(name="test/another-model")
    _vectors, embedded = embed_with_reuse(other, texts, cache)
    assert embedded == 2
