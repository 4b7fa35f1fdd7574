"""What each part of retrieval and answering contributes: an ablation over evaluation files.

Run from the repository root::

    PYTHONPATH=src:. .venv/bin/python benchmarks/quality_ablation.py [--markdown]

Each row switches one part off in the final pipeline (weights set to zero, or the
function replaced for the run) and scores the development set and
tests/data/extra_eval.jsonl per question type. "windows 700/overlap 1" rebuilds the index
in a temporary folder with the earlier chunking (consecutive 700-character passages).

``--answers`` scores the answer step instead, on this article (development, extra,
answer and refusal sets) and on other articles (the shared SQuAD 2.0 Normans file,
tests/data/squad-own.json, squad-own-history.json and squad-own-types.json, each indexed
in a temporary folder): R@1, answer hit, unanswerables refused, answerables refused, median answer
length, and the short answer's given-rate and exact match when given, one row per part of
the answer step switched off.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import inspect
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from antqa import conversation, lexical
from antqa import service as service_module
from antqa.answering import AnswerPolicy, choosing, reading, refusing
from antqa.answering.choosing import SentenceChooser
from antqa.answering.kinds import kind_holders
from antqa.answering.refusing import RefusalChecks
from antqa.build import build_index
from antqa.config import PROJECT_ROOT, Settings
from antqa.evaluation import GroupScore, aggregate, evaluate, evaluate_file, read_items
from antqa.index import load_index
from antqa.retrieval import FusionWeights
from antqa.service import QAService
from antqa.short_answers import ShortAnswerFinder, SpanPolicy
from antqa.short_answers import finder as short_answer_finder
from antqa.state.memory import MemoryConversationStore
from benchmarks.answer_path import CachedEmbedder, cached_service

FILES = {
    "dev": PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl",
    "extra": PROJECT_ROOT / "tests" / "data" / "extra_eval.jsonl",
}
TYPES = ("factoid", "paraphrase", "multi_hop", "followup", "unanswerable", "english")
ANSWER_FILES = {
    "dev": FILES["dev"],
    "extra": FILES["extra"],
    "answers": PROJECT_ROOT / "tests" / "data" / "answer_eval.jsonl",
    "refusals": PROJECT_ROOT / "tests" / "data" / "refusals_eval.jsonl",
    "Normans": PROJECT_ROOT.parent / "shared" / "eval" / "squad-v2-normans.json",
    "squad-own": PROJECT_ROOT / "tests" / "data" / "squad-own.json",
    "own-history": PROJECT_ROOT / "tests" / "data" / "squad-own-history.json",
    "own-types": PROJECT_ROOT / "tests" / "data" / "squad-own-types.json",
}


@contextlib.contextmanager
def replaced(owner: object, name: str, value: object) -> Iterator[None]:
    original = inspect.getattr_static(owner, name)  # a staticmethod stays one
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, original)


def no_kind(scores) -> bool:  # type: ignore[no-untyped-def]
    return False


@contextlib.contextmanager
def kind_never_applies() -> Iterator[None]:
    """No answer need hold the kind asked for: patched in both modules that read the test,
    the refusal checks and the sentence choice."""
    with replaced(refusing, "kind_applies", no_kind), replaced(choosing, "kind_applies", no_kind):
        yield


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
            kind_never_applies,
        ),
        (
            "- unknown-name refusal",
            {},
            {},
            lambda: replaced(lexical.LexicalIndex, "resembles_known", no_name_check),
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


def old_repeat_penalty(self, sentence: int, plan) -> float:  # type: ignore[no-untyped-def]
    """Before: every sentence the last answer quoted was held back, shown whole or cut."""
    return self.policy.repeat_penalty * (2 if plan.continuation else 1)


def answer_variants() -> list[Variant]:
    """(label, retrieval weights, answer policy, extra patch) per row of ``--answers``."""
    nothing = contextlib.nullcontext
    return [
        ("final", {}, {}, nothing),
        ("- short answers", {}, {}, lambda: replaced(ShortAnswerFinder, "find", no_short)),
        ("- short-answer margin (1.3 -> 1.0)", {}, {"span.margin": 1.0}, nothing),
        (
            "- second sentence only if close and short (0.2/300 -> 0.4/any)",
            {},
            {"second_margin": 0.4, "pair_chars": 100_000},
            nothing,
        ),
        ("- long best sentence quoted whole", {}, {"whole_best_chars": 10_000}, nothing),
        ("- second sentence for what is asked (0.3 -> 0)", {}, {"kind_margin": 0.0}, nothing),
        ("- next sentence with the words the best lacks", {}, {"next_share": 2.0}, nothing),
        ("- a clear short answer's sentence cut (250)", {}, {"clear_cut_chars": 10_000}, nothing),
        (
            "- clear short answer quoted alone",
            {},
            {},
            lambda: replaced(SentenceChooser, "_clearly_answers", lambda self, s, scores: False),
        ),
        (
            "- a count's sentence may leave the thing counted unnamed",
            {},
            {},
            lambda: replaced(SentenceChooser, "_holding", strict_holding),
        ),
        ("- cause next to a why-answer", {}, {"cause_reach": 0}, nothing),
        (
            "- refuse a number the passages never write",
            {},
            {},
            lambda: replaced(RefusalChecks, "_unmatched_number", lambda self, q, hits: None),
        ),
        (
            "- refuse a time the answer is not about",
            {},
            {},
            lambda: replaced(RefusalChecks, "_other_time", lambda self, question, chosen: None),
        ),
        (
            "- refuse a name the answer's paragraph never mentions",
            {},
            {},
            lambda: replaced(RefusalChecks, "_unnamed", lambda self, question, chosen: None),
        ),
        (
            "- captions never quoted",
            {},
            {},
            lambda: replaced(reading, "_captions", lambda sentences: set()),
        ),
        (
            "- hold back only sentences shown whole",
            {},
            {},
            lambda: replaced(SentenceChooser, "_repeat_penalty", old_repeat_penalty),
        ),
        (
            "- read on for 'tell me more'",
            {},
            {},
            lambda: replaced(SentenceChooser, "_continuation", lambda self, hits, plan: None),
        ),
    ]


def strict_holding(self, values, hits, scores):  # type: ignore[no-untyped-def]
    """Before: only the sentences naming the thing counted answered a count."""
    holders = kind_holders(self.policy, hits, scores)
    return {s: v for s, v in values.items() if s in holders} or values


def no_short(self, question, sentences):  # type: ignore[no-untyped-def]
    return None


def answer_row(label: str, service: QAService) -> list[str]:
    cells = [label]
    for path in ANSWER_FILES.values():
        service.conversations = MemoryConversationStore()
        group = evaluate_file(path, service).overall
        unanswerable = group.items - group.answerable
        refused = round((group.refusal_recall or 0) * unanswerable)
        cells.append(
            f"{group.recall_at[1]:.2f} h{group.answer_hit:.2f} u{refused}/{unanswerable}"
            f" w{group.wrongly_refused or 0:.2f} {group.median_answer_chars or 0:.0f}c"
            f" sa{group.short_given or 0:.2f}/{group.short_exact_given or 0:.2f}"
        )
    return cells


def answer_ablation(service: QAService) -> None:
    """The ``--answers`` table (see the module docstring)."""
    header = ["variant", *ANSWER_FILES]
    print("cells: R@1, hit, unanswerables refused, answerables refused, median chars,")
    print("short answer given / exact when given\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    base_weights, base_policy = FusionWeights(), AnswerPolicy()
    for label, weights, policy, patch in answer_variants():
        service.retriever.weights = dataclasses.replace(base_weights, **weights)
        answer = {k: v for k, v in policy.items() if not k.startswith("span.")}
        span = {k[5:]: v for k, v in policy.items() if k.startswith("span.")}
        service.answerer.policy = dataclasses.replace(base_policy, **answer)
        service.answerer.short.policy = dataclasses.replace(SpanPolicy(), **span)
        # the other articles' services are made by evaluate_file: patch what they build
        policies = (
            replaced(service_module, "AnswerPolicy", functools.partial(AnswerPolicy, **answer)),
            replaced(short_answer_finder, "SpanPolicy", functools.partial(SpanPolicy, **span)),
        )
        with patch(), policies[0], policies[1]:
            print("| " + " | ".join(answer_row(label, service)) + " |", flush=True)
    service.retriever.weights, service.answerer.policy = base_weights, base_policy


def scores_by_type(service: QAService) -> dict[str, dict[str, GroupScore]]:
    out = {}
    for name, path in FILES.items():
        service.conversations = MemoryConversationStore()  # each run starts with none
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
    parser.add_argument("--answers", action="store_true", help="Ablate the answer step.")
    args = parser.parse_args()
    service = cached_service(Settings())
    cached = service.embedder
    assert isinstance(cached, CachedEmbedder)
    if args.answers:
        answer_ablation(service)
        return

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
            old = QAService(
                load_index(out), cached, Settings(index_dir=out), MemoryConversationStore()
            )
            print("| " + " | ".join(row("windows 700/overlap 1", scores_by_type(old))) + " |")


if __name__ == "__main__":
    main()
