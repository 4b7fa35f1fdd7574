"""What each part of retrieval and answering contributes: an ablation over evaluation files.

Run from the repository root::

    PYTHONPATH=src:. .venv/bin/python benchmarks/quality_ablation.py [--markdown]

Each row switches one part off in the final pipeline (weights set to zero, or the
function replaced for the run) and scores the development set and
tests/data/extra_eval.jsonl per question type. "windows 700/overlap 1" rebuilds the index
in a temporary folder with the earlier chunking (consecutive 700-character passages).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import inspect
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from antqa import answering, conversation
from antqa import service as service_module
from antqa.answering import Answerer, AnswerPolicy
from antqa.build import build_index
from antqa.config import PROJECT_ROOT, Settings
from antqa.evaluation import GroupScore, aggregate, evaluate, read_items
from antqa.index import load_index
from antqa.retrieval import FusionWeights
from antqa.service import QAService
from benchmarks.answer_path import CachedEmbedder

FILES = {
    "dev": PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl",
    "extra": PROJECT_ROOT / "tests" / "data" / "extra_eval.jsonl",
}
TYPES = ("factoid", "paraphrase", "multi_hop", "followup", "unanswerable", "english")


@contextlib.contextmanager
def replaced(owner: object, name: str, value: object) -> Iterator[None]:
    original = inspect.getattr_static(owner, name)  # a staticmethod stays one
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, original)


def no_name_check(self, token: str) -> bool:  # type: ignore[no-untyped-def]
    return True


def standalone_plan(question: str, history, weak: float = 0.35):  # type: ignore[no-untyped-def]
    return conversation.SearchPlan(question)


def question_only_plan(question: str, history, weak: float = 0.35):  # type: ignore[no-untyped-def]
    plan = conversation.plan_search(question, history, weak)
    if not history or not plan.context:
        return plan
    return dataclasses.replace(plan, context=history[-1].question)


Variant = tuple[
    str, dict[str, float], dict[str, float], Callable[[], contextlib.AbstractContextManager[None]]
]


def variants() -> list[Variant]:
    """(label, retrieval weights, answer policy, extra patch) per row."""
    nothing = contextlib.nullcontext
    return [
        ("final", {}, {}, nothing),
        ("- passage context (dense)", {"context": 0.0}, {}, nothing),
        ("- keyword coverage", {"coverage": 0.0, "neighbourhood_coverage": 0.0}, {}, nothing),
        ("- article's own questions shift", {"heading_shift": 0.0}, {}, nothing),
        ("- companions in window choice", {"companions": 0.0}, {}, nothing),
        ("- answer-kind prior", {"answer_kind": 0.0}, {"kind_bonus": 0.0}, nothing),
        (
            "- answer-kind refusal",
            {},
            {},
            lambda: replaced(Answerer, "_kind_applies", staticmethod(lambda scores: False)),
        ),
        (
            "- unknown-name refusal",
            {},
            {},
            lambda: replaced(answering.LexicalIndex, "resembles_known", no_name_check),
        ),
        ("- second sentence", {}, {"second_margin": -10.0, "next_bonus": 0.0}, nothing),
        ("- short follower of the best sentence", {}, {"follower_chars": 0}, nothing),
        ("- follow-up repeat penalty", {}, {"repeat_penalty": 0.0}, nothing),
        (
            "- nearness to previous answer",
            {"nearness": 0.0, "continuation_nearness": 0.0},
            {},
            nothing,
        ),
        (
            "- previous answer in follow-up query",
            {},
            {},
            lambda: replaced(service_module, "plan_search", question_only_plan),
        ),
        (
            "- all follow-up handling",
            {},
            {},
            lambda: replaced(service_module, "plan_search", standalone_plan),
        ),
    ]


def scores_by_type(service: QAService) -> dict[str, dict[str, GroupScore]]:
    out = {}
    for name, path in FILES.items():
        service.conversations._conversations.clear()  # each run starts with no conversations
        report = evaluate(read_items(path), service.ask, service.index.article)
        groups = dict(report.by_type)
        groups["english"] = aggregate([r for r in report.items if r.type != "chinese"])
        out[name] = groups
    return out


def row(label: str, result: dict[str, dict[str, GroupScore]]) -> list[str]:
    cells = [label]
    for name in FILES:
        groups = result[name]
        for kind in TYPES:
            group = groups.get(kind)
            if group is None:
                cells.append("–")
            elif kind == "unanswerable":
                cells.append(f"{round((group.refusal_recall or 0) * group.items)}/{group.items}")
            else:
                cells.append(
                    f"{group.recall_at[1]:.2f}/{group.recall_at[3]:.2f}/{group.recall_at[5]:.2f}"
                    f" {group.mrr:.2f} h{group.answer_hit:.2f}"
                    + (f" w{group.wrongly_refused:.2f}" if kind == "english" else "")
                )
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-index", action="store_true", help="Skip the 700/1 rebuild.")
    args = parser.parse_args()
    service = QAService.from_settings(Settings())
    service.warm_up()
    cached = CachedEmbedder(service.embedder)
    service.embedder = service.retriever.embedder = cached

    header = ["variant"] + [f"{n} {t}" for n in FILES for t in TYPES]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    base_weights, base_policy = FusionWeights(), AnswerPolicy()
    for label, weights, policy, patch in variants():
        service.retriever.weights = dataclasses.replace(base_weights, **weights)
        service.answerer.policy = dataclasses.replace(base_policy, **policy)
        with patch():
            result = scores_by_type(service)
        print("| " + " | ".join(row(label, result)) + " |", flush=True)
    service.retriever.weights, service.answerer.policy = base_weights, base_policy

    if not args.skip_index:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "index"
            build_index(Settings().source, out, cached.inner, max_chars=700, overlap=1)
            old = QAService(load_index(out), cached, Settings(index_dir=out))
            print("| " + " | ".join(row("windows 700/overlap 1", scores_by_type(old))) + " |")


if __name__ == "__main__":
    main()
