"""Fit the sentence chooser's weights instead of setting them by hand, and say honestly
whether the fit beats the hand-set sum on articles it never saw.

Two steps, run from the repository root::

    PYTHONPATH=src:. .venv/bin/python benchmarks/chooser_fit.py collect OUT.jsonl
    PYTHONPATH=src:. .venv/bin/python benchmarks/chooser_fit.py fit OUT.jsonl

``collect`` asks every answerable question of the readable sets (every SQuAD-format set
in tests/data but the train14 articles, which stay unseen; the shared Normans file; the
development set and the holdouts, about the served article) and writes, per question,
the candidate sentences :meth:`SentenceChooser._candidates` weighed, each with the
features the service computes for it anyway and a label: whether it holds the gold
answer (SQuAD: half of a gold span; our files: half of an evidence quote, or the whole
sentence when the quote is longer). Nothing is copied into the project: the data is
read from ``tests/data`` and ``../shared`` at run time, the output goes where it is told.

``fit`` fits a linear scorer over those features (listwise: a softmax over each
question's candidates, the gold-holding ones as the target, L2-regularised; plain numpy)
with cross-validation by article (k folds over articles: every question of an article
is in one fold; the served article is one article), and prints the held-out top-1
accuracy of the fitted scorer beside the hand-set one on the same questions.

``grid`` and ``frontier`` judge what the answer quotes rather than its first sentence
(:func:`quoted`: the best, a close second, the runner-up within the tie margin): the
answer holds the gold sentence when any of them does.

What it found (session 15, 2,837 questions, 70 articles, 2,772 with a gold candidate):
the listwise fit beats the hand-set sum at the first sentence out of fold (ten folds
over articles: 2,459-2,465 against 2,432 with the short-answer offer as a feature;
2,442-2,444 refitting the hand-set sum's own weights alone), but not at what the answer
quotes: the hand-set weights already sit where the runner-up and the close second
recover most first-pick misses, and the fitted ones spread the values, so fewer are
hedged. In the service (relevance + 1.4 dense + 2.0 coverage + 0.3 kind + 0.5 offer) the
SQuAD-format sets and Normans lost answer hits (.933 -> .922: 11 gained, 42 lost, the
lost mostly answers that had quoted a runner-up), dev .921 -> .895, train14 unchanged.
Chosen by ``grid`` on the answer proxy, the out-of-fold weights are the hand-set ones
(2,573-2,583 against 2,581); at equal reading (``frontier``) the fitted weights are
within 3-9 answers of them, in sample.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from antqa.answering.choosing import _UNFAVOURED_KINDS, SentenceChooser
from antqa.config import PROJECT_ROOT, Settings
from antqa.evaluation import EvalItem, quote_span, read_eval_file
from antqa.models import Hit
from antqa.retrieval import Retriever, dense_scores
from antqa.service import QAService

#: The unseen estimate of the session: never read, never fitted on.
TRAIN14 = ("squad-own-kellner-effect", "squad-own-ostavia", "squad-own-calvaria-dispensing")
SHARED = PROJECT_ROOT.parent / "shared" / "eval"


def readable_files() -> list[Path]:
    """The sets the fit may read: SQuAD-format sets (train14 aside), Normans, dev, holdouts."""
    data = PROJECT_ROOT / "tests" / "data"
    squad = [
        Path(p)
        for p in sorted(glob.glob(str(data / "squad-own*.json")))
        if Path(p).stem not in TRAIN14
    ]
    holdouts = sorted(Path(p) for p in glob.glob(str(data / "holdout*_eval.jsonl")))
    return [*squad, SHARED / "squad-v2-normans.json", SHARED / "dev.jsonl", *holdouts]


@dataclass
class _Seen:
    """What the last call of the chooser weighed (set by the patched methods)."""

    record: dict[str, Any] | None = None
    vector: np.ndarray | None = None


SEEN = _Seen()


def _patch(service_retriever: list[Retriever]) -> None:
    """Wrap :meth:`Retriever.embed` (to keep the query vector) and
    :meth:`SentenceChooser._candidates` (to record the candidates with their features)."""
    embed, candidates = Retriever.embed, SentenceChooser._candidates

    def kept_embed(self: Retriever, text: str) -> np.ndarray:
        SEEN.vector = embed(self, text)
        return SEEN.vector

    def recorded(
        self: SentenceChooser, hits: list[Hit], plan: Any, scores: Any
    ) -> dict[int, float]:
        values = candidates(self, hits, plan, scores)
        SEEN.record = _features(self, service_retriever[0], hits, scores, values)
        return values

    Retriever.embed = kept_embed  # type: ignore[method-assign,unused-ignore]
    SentenceChooser._candidates = recorded  # type: ignore[method-assign,unused-ignore]


def _features(
    chooser: SentenceChooser,
    retriever: Retriever,
    hits: list[Hit],
    scores: Any,
    values: dict[int, float],
) -> dict[str, Any]:
    """Per candidate, the features the service has at hand when it chooses."""
    question = scores.question
    assert SEEN.vector is not None
    context = dense_scores(retriever._chunk_vectors, SEEN.vector)[retriever._context]
    nearby = retriever.neighbourhood_lexicon.coverage(question.tokens)
    sentences = chooser.index.sentences
    policy = chooser.policy
    order = sorted(values, key=lambda s: -scores.relevance[s])
    top = order[0] if order else -1
    rows = []
    for s in values:
        rank = next((i for i, h in enumerate(hits) if s in h.chunk.sentence_ids), 9)
        hit = hits[rank]
        anchor = hit.best_sentence.id if hit.best_sentence is not None else -1
        offers = chooser._offers(s, scores)
        own = policy.own_weight * float(scores.dense[s] + scores.coverage[s])
        base = float(scores.relevance[s]) + own
        text = sentences[s].text
        rows.append(
            {
                "id": s,
                "hand": values[s],
                "rest": values[s] - base,  # kind bonus minus any repeat penalty
                "relevance": float(scores.relevance[s]),
                "dense": float(scores.dense[s]),
                "coverage": float(scores.coverage[s]),
                "context": float(context[s]),
                "nearby": float(nearby[s]),
                "held": bool(scores.held[s]),
                "kind_held": bool(scores.kind_held[s]),
                "passage": rank,
                "anchor": s == anchor,
                "from_anchor": s - anchor,
                "in_passage": hit.chunk.sentence_ids.index(s),
                "chars": len(text),
                "offers": offers,
                "pull": chooser.short.pull(question, text),
                "top_paragraph": top >= 0 and sentences[s].paragraph == sentences[top].paragraph,
                "after_top": s == top + 1,
            }
        )
    return {
        "kind": question.kind.name,
        "unfavoured": question.kind in _UNFAVOURED_KINDS,
        "rows": rows,
    }


def _gold(item: EvalItem, article: str) -> list[tuple[int, int]]:
    """The gold spans: SQuAD's answers, or the evidence quotes' first occurrences."""
    if item.evidence_spans:
        return list(item.evidence_spans)
    return [span for q in item.evidence if (span := quote_span(article, q)) is not None]


def _holds(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the sentence ``[start, end)`` holds half of a span, or is half inside one."""
    for lo, hi in spans:
        inside = min(end, hi) - max(start, lo)
        if inside > 0 and 2 * inside >= min(hi - lo, end - start):
            return True
    return False


def collect(out: Path, only: list[str]) -> None:
    """Ask every answerable question of the readable sets (those whose name holds one of
    ``only``, when given) and write its candidates."""
    current: list[Retriever] = []
    _patch(current)
    served = QAService.from_settings(Settings(conversation_store="memory"))
    settings = served.settings
    from antqa.evaluation import index_article

    with out.open("w", encoding="utf-8") as sink:
        for path in readable_files():
            if only and not any(o in path.name for o in only):
                continue
            print(path.name, file=sys.stderr, flush=True)
            for article in read_eval_file(path):
                with tempfile.TemporaryDirectory(prefix="antqa-fit-") as folder:
                    if article.text is None:
                        service, text, title = served, served.index.article, "served"
                    else:
                        index = index_article(article.text, Path(folder), served.embedder, settings)
                        service = QAService(index, served.embedder, settings)
                        text, title = article.text, article.title
                    current[:] = [service.retriever]
                    for record in _ask_all(service, article.items, text):
                        sink.write(
                            json.dumps({"set": path.stem, "article": title, **record}) + "\n"
                        )
                    if service is not served:
                        service.close()


def _ask_all(service: QAService, items: list[EvalItem], text: str) -> Iterator[dict[str, Any]]:
    """Per answerable item, what the chooser weighed for its last question, labelled."""
    sentences = service.index.sentences
    for item in items:
        if not item.answerable:
            continue
        conversation = None
        for turn in item.history:
            conversation = service.ask(turn.question, conversation).conversation_id
        SEEN.record = None
        service.ask(item.question, conversation)
        if SEEN.record is None:
            continue  # refused before choosing, or read on from the last answer
        spans = _gold(item, text)
        for row in SEEN.record["rows"]:
            sentence = sentences[row["id"]]
            row["gold"] = _holds(sentence.start, sentence.end, spans)
        yield {"item": item.id, "type": item.type, **SEEN.record}


# ---------------------------------------------------------------- fitting

#: The features of the fitted scorer, each from one row of ``collect``'s output.
FEATURES: dict[str, Any] = {
    "relevance": lambda r, q: r["relevance"],
    "dense": lambda r, q: r["dense"],
    "coverage": lambda r, q: r["coverage"],
    "bonus": lambda r, q: float(r["rest"] > 0.05),
    "repeated": lambda r, q: float(r["rest"] < -0.05),
    "context": lambda r, q: r["context"],
    "nearby": lambda r, q: r["nearby"],
    "passage": lambda r, q: float(r["passage"]),
    "anchor": lambda r, q: float(r["anchor"]),
    "far": lambda r, q: float(min(abs(r["from_anchor"]), 4)),
    "log_chars": lambda r, q: math.log(max(r["chars"], 10)),
    "offers": lambda r, q: float(r["offers"]),
    "pulled": lambda r, q: float(r["pull"] > 0),
    "top_paragraph": lambda r, q: float(r["top_paragraph"]),
    "after_top": lambda r, q: float(r["after_top"]),
}
#: The hand-set sum's own features, fitted alone: whether only its numbers are off.
HAND = ("relevance", "dense", "coverage", "bonus", "repeated")


@dataclass
class Question:
    """One question's candidates: features, gold labels, hand-set values, article."""

    x: np.ndarray
    gold: np.ndarray
    hand: np.ndarray
    article: str
    set: str


def load(path: Path, features: tuple[str, ...]) -> list[Question]:
    """The questions of ``collect``'s output with at least one candidate."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        rows = q["rows"]
        if not rows:
            continue
        x = np.array([[FEATURES[f](r, q) for f in features] for r in rows], dtype=np.float64)
        gold = np.array([r["gold"] for r in rows], dtype=bool)
        hand = np.array([r["hand"] for r in rows], dtype=np.float64)
        out.append(Question(x, gold, hand, q["article"], q["set"]))
    return out


def fit(questions: list[Question], l2: float, steps: int = 300) -> np.ndarray:
    """Listwise weights: maximise the softmax probability of the gold-holding candidates
    (questions with none, or all, teach nothing and are left out), by gradient ascent
    (Adam) on standardised features, all questions at once as segments of one matrix."""
    used = [q for q in questions if q.gold.any() and not q.gold.all()]
    stacked = np.vstack([q.x for q in used])
    gold = np.concatenate([q.gold for q in used]).astype(np.float64)
    owner = np.repeat(np.arange(len(used)), [len(q.gold) for q in used])
    starts = np.concatenate([[0], np.cumsum([len(q.gold) for q in used])[:-1]])
    mean, std = stacked.mean(0), stacked.std(0) + 1e-9
    x = (stacked - mean) / std
    w = np.zeros(x.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        z = x @ w
        z = z - np.maximum.reduceat(z, starts)[owner]
        e = np.exp(z)
        p = e / np.add.reduceat(e, starts)[owner]
        pg = p * gold
        pg = pg / np.add.reduceat(pg, starts)[owner]
        grad = (pg - p) @ x / len(used) - l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w += 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w / std  # on the raw features (a shift does not change a ranking)


def top1(questions: list[Question], score: Any) -> int:
    """How many questions' highest-scored candidate holds the gold answer (the first of
    equals, as the chooser takes it)."""
    return sum(bool(q.gold[int(np.argmax(score(q)))]) for q in questions)


def folds(questions: list[Question], k: int, seed: int) -> list[list[str]]:
    """The articles in ``k`` groups, shuffled."""
    articles = sorted({q.article for q in questions})
    rng = np.random.default_rng(seed)
    rng.shuffle(articles)
    return [articles[i::k] for i in range(k)]


def cross_validate(path: Path, features: tuple[str, ...], k: int, l2: float, seeds: int) -> None:
    """Out-of-fold top-1 of the fitted scorer against the hand-set one."""
    questions = load(path, features)
    learnable = [q for q in questions if q.gold.any()]
    print(
        f"features {', '.join(features)}  l2 {l2}  {len(questions)} questions, "
        f"{len(learnable)} with a gold candidate, {len({q.article for q in questions})} articles"
    )
    for seed in range(seeds):
        fitted = hand = gains = losses = 0
        by_set: dict[str, list[int]] = {}
        for held_out in folds(questions, k, seed):
            train = [q for q in learnable if q.article not in held_out]
            test = [q for q in learnable if q.article in held_out]
            w = fit(train, l2)
            for q in test:
                f = bool(q.gold[int(np.argmax(q.x @ w))])
                h = bool(q.gold[int(np.argmax(q.hand))])
                fitted += f
                hand += h
                gains += f and not h
                losses += h and not f
                counts = by_set.setdefault(q.set, [0, 0, 0])
                counts[0] += f
                counts[1] += h
                counts[2] += 1
        print(
            f"  seed {seed}: held-out top-1 fitted {fitted}/{len(learnable)} "
            f"({fitted / len(learnable):.3f}) vs hand {hand} ({hand / len(learnable):.3f}); "
            f"{gains} gained, {losses} lost"
        )
    w = fit(learnable, l2)
    print("  weights on all (per raw unit, relevance scaled to 1):")
    scale = w[features.index("relevance")] if "relevance" in features else 1.0
    for name, value in zip(features, w / scale, strict=True):
        print(f"    {name:14s} {value:+.3f}")
    groups: dict[str, list[Question]] = {}
    for q in learnable:
        groups.setdefault("served" if q.article == "served" else "squad", []).append(q)
    for name, qs in groups.items():
        print(
            f"  in-sample {name}: fitted {top1(qs, lambda q: q.x @ w)} "
            f"hand {top1(qs, lambda q: q.hand)} of {len(qs)}"
        )


# ---------------------------------------------------------------- the answer, not the first pick

#: How the answer step goes on from the best sentence (the hand-set policy's numbers):
#: a close second within ``second_margin`` when the two fit in ``pair_chars``, a
#: runner-up within ``tie_margin``, neither after a best sentence over ``whole_best_chars``.
SECOND_MARGIN, PAIR_CHARS, TIE_MARGIN, WHOLE_BEST_CHARS, NEXT_BONUS = 0.2, 300, 0.1, 300, 0.1


def quoted(value: np.ndarray, ids: np.ndarray, chars: np.ndarray) -> list[int]:
    """The candidates the answer would quote under ``value``: the best, a close second
    (``second_margin``, the pair short enough), the runner-up within ``tie_margin``. A
    proxy of :meth:`SentenceChooser.choose` and ``runner_up``: the rules that read the
    text (a clear short answer, a cause, a named doer) are left out, for both scorers."""
    first = int(np.argmax(value))
    if chars[first] > WHOLE_BEST_CHARS or len(value) < 2:
        return [first]
    best = value[first]
    seconds = value + NEXT_BONUS * abs(best) * (ids == ids[first] + 1)
    seconds[first] = -np.inf
    other = int(np.argmax(seconds))
    chosen = [first]
    close = seconds[other] >= best - SECOND_MARGIN * abs(best)
    if close and chars[first] + chars[other] <= PAIR_CHARS:
        chosen.append(other)
    others = value.copy()
    others[first] = -np.inf
    runner = int(np.argmax(others))
    if runner not in chosen and value[runner] >= best - TIE_MARGIN * abs(best):
        chosen.append(runner)
    return chosen


def quoted_gold(value: np.ndarray, gold: np.ndarray, ids: np.ndarray, chars: np.ndarray) -> bool:
    """Whether the sentences the answer would quote under ``value`` hold the gold answer."""
    return bool(gold[quoted(value, ids, chars)].any())


def _answer_data(path: Path) -> tuple[list[Question], list[tuple[np.ndarray, np.ndarray]]]:
    """The questions with a gold candidate, over the hand-set sum's features and the
    offer, and per question its candidates' sentence ids and lengths."""
    questions = [q for q in load(path, ANSWER_FEATURES) if q.gold.any()]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    meta = [
        (np.array([r["id"] for r in q["rows"]]), np.array([r["chars"] for r in q["rows"]]))
        for q in rows
        if q["rows"] and any(r["gold"] for r in q["rows"])
    ]
    return questions, meta


#: The features the answer proxy weighs: the hand-set sum's and the short-answer offer.
ANSWER_FEATURES = ("relevance", "dense", "coverage", "bonus", "repeated", "offers")
#: The hand-set weights in those features (relevance 1, own_weight 0.5 on dense and on
#: coverage, kind_bonus 0.3, the repeat penalty, no offer) and the listwise fit's.
HAND_WEIGHTS = (1.0, 0.5, 0.5, 0.3, -1.0, 0.0)
FITTED_WEIGHTS = (1.0, 1.4, 2.0, 0.3, -1.0, 0.5)


def frontier(path: Path, shifts: tuple[float, ...]) -> None:
    """For the hand-set and the fitted weights, with a constant added to every value
    (the margins are shares of the best value, so it widens them): how often the quoted
    sentences hold the gold answer, against how much is quoted. A scorer that is better
    at equal reading lies above the other's curve."""
    questions, meta = _answer_data(path)
    for label, weights in (("hand", HAND_WEIGHTS), ("fitted", FITTED_WEIGHTS)):
        w = np.array(weights)
        for shift in shifts:
            picks = [
                quoted(q.x @ w + shift, i, c) for q, (i, c) in zip(questions, meta, strict=True)
            ]
            held = sum(bool(q.gold[p].any()) for q, p in zip(questions, picks, strict=True))
            count = np.mean([len(p) for p in picks])
            chars = np.median([c[p].sum() for p, (_, c) in zip(picks, meta, strict=True)])
            print(
                f"{label:7s} shift {shift:3.1f}: gold quoted {held}/{len(questions)}, "
                f"{count:.3f} sentences, median {chars:.0f} chars"
            )


def grid(path: Path, k: int, seeds: int, shifts: tuple[float, ...]) -> None:
    """Weights chosen on the training folds by the answer proxy (:func:`quoted_gold`) over
    a grid, scored on the held-out articles against the hand-set weights."""
    questions, meta = _answer_data(path)
    combos = [
        (d, c, b, o, s)
        for d in (0.5, 1.0, 1.4, 2.0)
        for c in (0.5, 1.0, 1.5, 2.0)
        for b in (0.0, 0.3, 0.6)
        for o in (0.0, 0.25, 0.5)
        for s in shifts  # a constant added: where the relative margins are read from
    ]
    hand_w = (0.5, 0.5, 0.3, 0.0, 0.0)  # HAND_WEIGHTS as a grid point
    if hand_w not in combos:
        combos.append(hand_w)
    table = np.zeros((len(combos), len(questions)), dtype=bool)
    first = np.zeros((len(combos), len(questions)), dtype=bool)
    for i, (d, c, b, o, s) in enumerate(combos):
        w = np.array([1.0, d, c, b, -1.0, o])
        for j, (q, (ids, chars)) in enumerate(zip(questions, meta, strict=True)):
            value = q.x @ w + s
            table[i, j] = quoted_gold(value, q.gold, ids, chars)
            first[i, j] = q.gold[int(np.argmax(value))]
    hand = combos.index(hand_w)
    print(
        f"{len(questions)} questions; hand-set: answer proxy {table[hand].sum()}, "
        f"first {first[hand].sum()}"
    )
    best_all = int(np.argmax(table.sum(1)))
    print(
        f"best on all: {combos[best_all]} proxy {table[best_all].sum()} "
        f"first {first[best_all].sum()}"
    )
    articles = [q.article for q in questions]
    for seed in range(seeds):
        got = hand_got = 0
        chosen = []
        for held in folds(questions, k, seed):
            test = np.array([a in held for a in articles])
            pick = int(np.argmax(table[:, ~test].sum(1)))
            chosen.append(combos[pick])
            got += table[pick, test].sum()
            hand_got += table[hand, test].sum()
        print(
            f"  seed {seed}: held-out answer proxy fitted {got} vs hand {hand_got}; "
            f"picks {sorted(set(chosen))}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect")
    c.add_argument("out", type=Path)
    c.add_argument("--only", default="", help="comma-separated substrings of set names")
    f = sub.add_parser("fit")
    f.add_argument("data", type=Path)
    f.add_argument("--features", default=",".join(FEATURES))
    f.add_argument("--folds", type=int, default=10)
    f.add_argument("--l2", type=float, default=0.01)
    f.add_argument("--seeds", type=int, default=3)
    g = sub.add_parser("grid")
    g.add_argument("data", type=Path)
    g.add_argument("--folds", type=int, default=10)
    g.add_argument("--seeds", type=int, default=3)
    g.add_argument("--shifts", default="0", help="constants added to every value, comma-separated")
    r = sub.add_parser("frontier")
    r.add_argument("data", type=Path)
    r.add_argument("--shifts", default="0,1,2,3,4,6")
    args = parser.parse_args()
    if args.command == "collect":
        collect(args.out, [o for o in args.only.split(",") if o])
    elif args.command == "frontier":
        frontier(args.data, tuple(float(x) for x in args.shifts.split(",")))
    elif args.command == "grid":
        grid(args.data, args.folds, args.seeds, tuple(float(x) for x in args.shifts.split(",")))
    else:
        features = tuple(args.features.split(","))
        cross_validate(args.data, features, args.folds, args.l2, args.seeds)


if __name__ == "__main__":
    main()
