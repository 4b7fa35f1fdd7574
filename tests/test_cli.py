"""The real ``antqa`` entry point, run as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ARTICLE


def test_help_lists_the_commands_without_loading_anything(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("build-index", "ask", "eval", "serve"):
        assert command in result.stdout


def test_help_imports_no_model_or_index_library() -> None:
    import subprocess
    import sys

    from tests.conftest import cli_env

    probe = (
        "import sys, antqa.cli\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'faiss', 'fastapi', 'discord')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=cli_env()
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_ask_json_prints_the_answer_object_with_exact_citations(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("ask", "Which version of the Alipay app added friends?", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) >= {"answer", "answerable", "citations", "conversation_id", "model"}
    assert answer["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    article = ARTICLE.read_text(encoding="utf-8")
    assert answer["answerable"] is True
    assert "9.0" in answer["answer"]
    for citation in answer["citations"]:
        assert article[citation["start"] : citation["end"]] == citation["text"]
        assert citation["quote"] in citation["text"]


def test_ask_prints_a_readable_answer_with_numbered_citations(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("ask", "Who became CEO when Peng Lei stepped down?")
    assert result.returncode == 0, result.stderr
    assert "Jing Xiandong" in result.stdout
    assert "[1] paragraph" in result.stdout


def test_interactive_ask_keeps_one_conversation(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(
        "ask", "--json", input="Who stepped down as CEO in October 2016?\nWhat did she become?\n"
    )
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["conversation_id"] == second["conversation_id"]
    assert "chairman" in " ".join(c["text"] for c in second["citations"][:3])


def test_an_empty_question_is_one_line_error(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("ask", "   ")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: InvalidQuestion: the question is empty — ask something about the article"
    )


def test_a_missing_index_is_one_line_error_without_traceback(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("ask", "Who?", env={"ANTQA_INDEX_DIR": str(tmp_path / "none")})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"error: IndexNotFound: no index at {tmp_path / 'none'} — run antqa build-index, "
        "or point ANTQA_INDEX_DIR at an index folder"
    ]


def test_a_corrupt_index_is_one_line_error(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "index"
    broken.mkdir()
    (broken / "manifest.json").write_text("{")
    result = run_cli("eval", str(ARTICLE), env={"ANTQA_INDEX_DIR": str(broken)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_model_that_cannot_load_is_one_line_error(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(
        "build-index", "--out", str(tmp_path / "i"), "--model", str(tmp_path / "no-model")
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ModelUnavailable: cannot load the embedding model")
    assert not (tmp_path / "i").exists()


def test_build_index_from_another_source_then_serve_it(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "note.txt"
    source.write_text(
        "The river town holds a lantern festival every spring.\n\n"
        "The festival was founded by the baker Anna Holt in 1931.\n",
        encoding="utf-8",
    )
    out = tmp_path / "idx"
    built = run_cli("build-index", "--source", str(source), "--out", str(out))
    assert built.returncode == 0, built.stderr
    assert "2 passages" in built.stdout or "passages" in built.stdout
    env = {"ANTQA_INDEX_DIR": str(out), "ANTQA_SOURCE": str(source)}
    asked = run_cli("ask", "Who founded the lantern festival?", "--json", env=env)
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert "Anna Holt" in answer["citations"][0]["text"]
    # the served index must match the configured article
    mismatch = run_cli("ask", "Who?", env={"ANTQA_INDEX_DIR": str(out)})
    assert mismatch.returncode == 1
    assert "changed since the index" in mismatch.stderr


def test_eval_scores_a_file_of_the_schema(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    items = [
        {
            "id": "a",
            "type": "factoid",
            "question": "Which app version added friends?",
            "evidence": ["from Alipay Version 9.0 of the wireless APP"],
            "answer": "9.0",
        },
        {
            "id": "b",
            "type": "unanswerable",
            "question": "What colour is the CEO's car?",
            "evidence": [],
            "answer": "",
        },
    ]
    path = tmp_path / "mini.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items))
    result = run_cli("eval", str(path), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["by_type"]) == {"factoid", "unanswerable"}
    assert report["by_type"]["factoid"]["recall_at"]["5"] == 1.0
    assert report["overall"]["items"] == 2
    table = run_cli("eval", str(path))
    assert "R@3" in table.stdout and "overall" in table.stdout


def test_eval_rejects_a_malformed_file_naming_the_line(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "type": "factoid", "question": "q", "evidence": []}\nnot json\n')
    result = run_cli("eval", str(path))
    assert result.returncode == 1
    assert f"{path}:2 is not a valid item" in result.stderr


def _contract_answers() -> tuple:  # type: ignore[type-arg]
    """An answer with a short answer and one related passage, and a refusal."""
    from antqa.models import Answer, ShortAnswer
    from tests.conftest import make_citation

    article = ARTICLE.read_text(encoding="utf-8")
    used = make_citation(article, 1, 49, 400)
    related = make_citation(article, 2, 1470, 1600).model_copy(update={"cited": False})
    answered = Answer(
        answer="Jing Xiandong became the new CEO [1].",
        short_answer=ShortAnswer(text="Jing Xiandong", start=0, end=13),
        answerable=True,
        citations=[used, related],
        conversation_id="c",
        model="m",
    )
    refusal = Answer(
        answer="The article doesn't say.",
        answerable=False,
        citations=[used.model_copy(update={"cited": False})],
        conversation_id="c",
        model="m",
    )
    return answered, refusal, related


def test_printed_answer_leads_with_the_bold_short_answer_and_separates_related_reading() -> None:
    from rich.console import Console

    from antqa.cli import print_answer

    answered, refusal, related = _contract_answers()
    console = Console(record=True, width=200, force_terminal=True, color_system="standard")
    print_answer(console, answered)
    styled = console.export_text(styles=True, clear=False)
    lines = console.export_text().splitlines()
    assert lines[0] == "Jing Xiandong"
    assert "\x1b[1mJing Xiandong" in styled  # bold
    assert lines[1] == "Jing Xiandong became the new CEO [1]."
    assert any(line.startswith("[1] paragraph") for line in lines)
    reading = lines.index("Related reading (not used by the answer)")
    assert not any(line.startswith("[2]") for line in lines)  # not numbered like a citation
    assert any(related.quote[:20] in line for line in lines[reading:])

    console = Console(record=True, width=200)
    print_answer(console, refusal)
    lines = console.export_text().splitlines()
    assert "Related reading (not used by the answer)" in lines
    assert not any(line.startswith("[1]") for line in lines)  # a refusal cites nothing


def test_version_prints_the_package_version(run_cli) -> None:  # type: ignore[no-untyped-def]
    from antqa import __version__

    result = run_cli("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"antqa {__version__}"
