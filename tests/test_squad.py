"""SQuAD 2.0 files: reading them into articles, the official metrics, and ``antqa eval``
over them (each article indexed in its own temporary folder). The tiny file is ours."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from antqa.evaluation import (
    EvalItem,
    aggregate,
    evaluate_file,
    read_eval_file,
    score_item,
    squad_items,
)
from antqa.models import Answer, Citation, ShortAnswer
from antqa.squad import best_scores, contains_answer, normalize_answer, question_kind, read_squad
from tests.conftest import make_citation

LIGHTHOUSE = [
    "The Varne lighthouse was built in 1852 by the engineer Tomas Keller. It stands on a "
    "granite reef two miles from the harbour of Oldport.",
    "Its lamp first burned whale oil. In 1911 the keepers switched to paraffin, and the "
    "light was electrified in 1954 after a storm destroyed the old lantern.",
]
ORCHARD = [
    "The Hollin orchard grows forty kinds of apple. Its oldest tree was planted by "
    "Marta Quill in 1870.",
]


def squad_file(tmp_path: Path) -> Path:
    """Two articles; one answer_start deliberately off by two characters."""

    def qa(qid: str, question: str, answers: list[tuple[str, int]] | None) -> dict:
        return {
            "id": qid,
            "question": question,
            "is_impossible": answers is None,
            "answers": [{"text": t, "answer_start": s} for t, s in answers or []],
            "plausible_answers": [{"text": "1852", "answer_start": 34}] if answers is None else [],
        }

    data = {
        "version": "v2.0",
        "data": [
            {
                "title": "Varne lighthouse",
                "paragraphs": [
                    {
                        "context": LIGHTHOUSE[0],
                        "qas": [
                            qa("l1", "Who built the Varne lighthouse?", [("Tomas Keller", 55)]),
                            qa("l2", "Who repaired the Varne lighthouse in 1852?", None),
                        ],
                    },
                    {
                        "context": LIGHTHOUSE[1],
                        "qas": [
                            qa(
                                "l3",
                                "When was the light electrified?",
                                [("1954", LIGHTHOUSE[1].index("1954")), ("in 1954", 0)],
                            ),
                            qa("l4", "What did the keepers switch to in 1911?", [("paraffin", 2)]),
                        ],
                    },
                ],
            },
            {
                "title": "Hollin orchard",
                "paragraphs": [
                    {
                        "context": ORCHARD[0],
                        "qas": [
                            qa("o1", "Who planted the oldest tree?", [("Marta Quill", 74)]),
                            qa("o2", "How many kinds of pear does the orchard grow?", None),
                        ],
                    }
                ],
            },
        ],
    }
    path = tmp_path / "tiny-squad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_normalisation_and_scores_follow_the_official_script() -> None:
    assert normalize_answer("The  Norman-Conquest, (a) Story!") == "normanconquest story"
    assert best_scores(["10th and 11th centuries"], "in the 10th and 11th centuries") == (
        0.0,
        pytest.approx(8 / 9),
    )
    assert best_scores(["Rollo", "the Duke Rollo"], "duke rollo") == (1.0, 1.0)
    assert best_scores([], "") == (1.0, 1.0)  # unanswerable, nothing predicted
    assert best_scores([], "Rollo") == (0.0, 0.0)
    assert best_scores(["Rollo"], "") == (0.0, 0.0)
    assert contains_answer("It was built in 1852 by Keller [1].", "1852")
    assert not contains_answer("It was built in 18525.", "1852")
    # any punctuation mark parts words: a dash or a possessive does not hide the answer
    assert contains_answer("Later Dyrrachium—one of the ports—fell again.", "Dyrrachium")
    assert contains_answer("Malcolm married Edgar's sister Margaret.", "Edgar")
    assert contains_answer("the Saint-Clair-sur-Epte treaty", "Saint-Clair-sur-Epte")
    assert not contains_answer("Malcolm married the Edgars' sister.", "Edgar Atheling")


def test_articles_are_paragraphs_joined_by_blank_lines_with_answer_offsets_moved(
    tmp_path: Path,
) -> None:
    lighthouse, orchard = read_squad(squad_file(tmp_path))
    assert lighthouse.text == "\n\n".join(LIGHTHOUSE)
    assert orchard.text == ORCHARD[0]
    for article in (lighthouse, orchard):
        for question in article.questions:
            for gold in question.answers:
                assert article.text[gold.start : gold.end] == gold.text
    by_id = {q.id: q for q in lighthouse.questions}
    assert by_id["l2"].impossible and by_id["l2"].answers == ()
    assert by_id["l4"].answers[0].start > len(LIGHTHOUSE[0])  # in the second paragraph


def test_squad_questions_become_items_typed_by_question_word(tmp_path: Path) -> None:
    items = squad_items(read_squad(squad_file(tmp_path))[0])
    assert [i.type for i in items] == ["who", "unanswerable", "when", "what"]
    assert question_kind("In what year did it open?") == "when"
    assert question_kind("How many keepers were there?") == "how many"
    assert items[2].evidence == ["1954", "in 1954"] and items[2].evidence_kind == "answers"


ARTICLE = "\n\n".join(LIGHTHOUSE)


def cite(n: int, start: int, end: int) -> Citation:
    return make_citation(ARTICLE, n, start, end)


def answer(text: str, citations: list[Citation], short: str | None = None) -> Answer:
    span = None
    if short is not None:
        at = ARTICLE.index(short)
        span = ShortAnswer(text=short, start=at, end=at + len(short))
    return Answer(
        answer=text,
        short_answer=span,
        answerable=bool(text),
        citations=citations,
        conversation_id="x",
        model="m",
    )


def test_gold_answers_are_alternatives_and_the_short_answer_is_scored(tmp_path: Path) -> None:
    items = {i.id: i for i in squad_items(read_squad(squad_file(tmp_path))[0])}
    second = ARTICLE.index(LIGHTHOUSE[1])
    result = score_item(
        items["l3"],
        answer(
            "The light was electrified in 1954 [2].",
            [cite(1, 0, second - 2), cite(2, second, len(ARTICLE))],
            short="1954",
        ),
        ARTICLE,
    )
    assert result.found_at == 2 and result.reciprocal_rank == 0.5
    assert result.answer_hit and (result.short_exact, result.short_f1) == (1.0, 1.0)
    missed = score_item(
        items["l4"], answer("Whale oil [1].", [cite(1, 0, 60)], "whale oil"), ARTICLE
    )
    assert not missed.answer_hit and missed.found_at is None and missed.short_f1 == 0.0
    refused = score_item(items["l2"], answer("", [cite(1, 0, 60)]), ARTICLE)
    wrong = score_item(items["l2"], answer("In 1852 [1].", [cite(1, 0, 60)], "1852"), ARTICLE)
    assert (refused.refused, refused.short_exact) == (True, 1.0)
    assert (wrong.refused, wrong.short_exact) == (False, 0.0)
    group = aggregate([result, missed, refused, wrong])
    assert group.short_given == 1.0 and group.short_exact_given == 0.5
    assert group.short_exact == pytest.approx(2 / 4)
    # markers removed; the refusal left out: the lengths are 34, 10 and 8
    assert group.median_answer_chars == len("Whale oil.")


def test_our_files_score_the_short_answer_against_the_reference_answer() -> None:
    item = EvalItem(
        id="1",
        type="factoid",
        question="When was the light electrified?",
        evidence=["the light was electrified in 1954"],
        answer="In 1954.",
    )
    result = score_item(item, answer("It was electrified in 1954 [1].", [], "1954"), ARTICLE)
    assert (result.short_exact, result.short_f1) == (0.0, pytest.approx(2 / 3))  # vs "in 1954"
    assert result.answer_hit


def test_eval_indexes_each_article_and_reports_per_article(
    tmp_path: Path,
    fake_service,  # type: ignore[no-untyped-def]
) -> None:
    path = squad_file(tmp_path)
    seen: list[tuple[str, int, int]] = []
    report = evaluate_file(path, fake_service, lambda a, n, t: seen.append((a.title, n, t)))
    assert seen == [("Varne lighthouse", 1, 2), ("Hollin orchard", 1 + 1, 2)]
    assert set(report.by_article) == {"Varne lighthouse", "Hollin orchard"}
    by_id = {r.id: r for r in report.items}
    assert by_id["o1"].found_at == 1  # its own article was indexed, not the served one
    assert "Marta Quill" in by_id["o1"].answer or by_id["o1"].refused
    assert report.has_answer is not None and report.has_answer.items == 4
    assert report.no_answer is not None and report.no_answer.items == 2
    assert not list(Path(tmp_path).glob("antqa-eval-*"))


def test_a_jsonl_file_is_about_the_served_article(tmp_path: Path) -> None:
    path = tmp_path / "ours.jsonl"
    path.write_text('{"id": "a", "type": "factoid", "question": "q?", "evidence": ["x"]}\n')
    (article,) = read_eval_file(path)
    assert article.text is None and article.items[0].evidence_kind == "quotes"


DATA = Path(__file__).parent / "data"
OWN_SQUAD = DATA / "squad-own.json"
RAILWAY = DATA / "elsmere-valley-railway.txt"
FOLLOWUPS = DATA / "followups-elsmere.jsonl"


def test_our_own_sets_are_consistent_and_mostly_answerable() -> None:
    articles = read_squad(OWN_SQUAD)
    assert len(articles) == 3
    for article in articles:
        words = len(article.text.split())
        unanswerable = sum(q.impossible for q in article.questions)
        assert 600 <= words <= 1200 and 25 <= len(article.questions) <= 40
        assert 0.35 <= unanswerable / len(article.questions) <= 0.45
        assert len({q.id for q in article.questions}) == len(article.questions)
        for question in article.questions:
            for gold in question.answers:
                assert article.text[gold.start : gold.end] == gold.text
    assert RAILWAY.read_text(encoding="utf-8").rstrip("\n") == articles[0].text
    (followups,) = read_eval_file(FOLLOWUPS, RAILWAY)
    for item in followups.items:
        assert followups.text is not None
        for quote in item.evidence + [e for turn in item.history for e in turn.evidence]:
            assert quote in followups.text, (item.id, quote)


#: Follow-up conversations written on SQuAD-format articles (``followups-<name>.jsonl``),
#: each asked of ``<name>.txt``, the text of ``squad-own-<name>.json``.
OTHER_FOLLOWUPS = (
    "aurel-pendrecht",
    "brannoch-flood",
    "pellwick-glassworks",
    "ravelli-composer",
    "strike",
    "ardvelen-dam",
    "corvanne-wreck",
    "harrowden-clarion-newspaper",
    "tamberly-botanic-garden",
    "wexcombe-school",
    "ossendrian-mutualism",
    "mining-town",
    "vaccine-trial",
    "chess-tournament",
    "canal-locks",
    "famine",
    "opera-house",
    "lighthouse-service",
    "exchange-crash",
    "civil-disobedience",
    "migratory-bird",
    "succession-war",
    "constitution",
    "canal-treaty",
    "textile-mill",
    "outbreak-response",
    "mountain-rescue",
    "dairy-cooperative",
    "polar-expedition",
    "ferry-company",
    "fortress-siege",
    "regional-airline",
    "city-tramway",
    "cooperative-bank",
    "shipbuilding-yard",
    "botanical-expedition",
    "salt-mine",
    "river-navigation",
    "university-press",
    "hospital",
    "wine-estate",
    "whaling-station",
    "lifeboat-station",
    "choir-school",
)


@pytest.mark.parametrize("name", OTHER_FOLLOWUPS)
def test_follow_ups_on_other_articles_quote_their_article(name: str) -> None:
    (squad,) = read_squad(DATA / f"squad-own-{name}.json")
    article = DATA / f"{name}.txt"
    assert article.read_text(encoding="utf-8").rstrip("\n") == squad.text
    (followups,) = read_eval_file(DATA / f"followups-{name}.jsonl", article)
    assert followups.text is not None and len(followups.items) >= 10
    for item in followups.items:
        assert item.history, item.id  # every item is asked after another question
        for quote in item.evidence + [e for turn in item.history for e in turn.evidence]:
            assert followups.text.count(quote) == 1, (item.id, quote)


def test_a_jsonl_file_about_another_article_is_asked_of_that_article(
    fake_service,  # type: ignore[no-untyped-def]
) -> None:
    report = evaluate_file(FOLLOWUPS, fake_service, article_file=RAILWAY)
    assert report.overall.items == 11 and not any(r.missing_quotes for r in report.items)
    assert report.overall.recall_at[5] > 0.5  # served article's passages would find nothing


def test_article_is_refused_with_a_squad_file() -> None:
    from antqa.evaluation import EvalFileError

    with pytest.raises(EvalFileError, match="drop --article"):
        read_eval_file(OWN_SQUAD, RAILWAY)


@pytest.mark.slow
def test_eval_of_a_squad_file_ends_with_the_key_figures(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("eval", str(OWN_SQUAD), timeout=120)
    assert result.returncode == 0, result.stderr
    tail = result.stdout.splitlines()[-6:]
    assert tail[0] == "overall: 114 questions, 68 answerable, 46 unanswerable"
    labels = ("overall:", "retrieval:", "answers:", "refused:", "short answer EM/F1", "short")
    assert [line.startswith(label) for line, label in zip(tail, labels, strict=True)] == [True] * 6
    recall_at_5 = float(tail[1].split("R@5 ")[1].split()[0])
    assert recall_at_5 >= 0.9  # the real model finds nearly every answer in five passages
    assert "Tarrow fever outbreak" in result.stdout  # the per-article table
