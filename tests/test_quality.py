"""Answer quality with the real bundled model, on questions written for these tests.

The development set (../shared/eval/dev.jsonl) is for tuning; these questions and
tests/data/extra_eval.jsonl ask about other facts of the article, in other words, so
they check that the method generalises rather than that it remembers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from antqa.evaluation import evaluate, evaluate_file, read_items
from antqa.glossing import GLOSS_WORDS
from antqa.service import QAService

pytestmark = pytest.mark.slow
EXTRA_EVAL = Path(__file__).parent / "data" / "extra_eval.jsonl"
ANSWER_EVAL = Path(__file__).parent / "data" / "answer_eval.jsonl"
ROLES_EVAL = Path(__file__).parent / "data" / "roles_eval.jsonl"
SQUAD_OWN = Path(__file__).parent / "data" / "squad-own.json"
ELSMERE = Path(__file__).parent / "data" / "elsmere-valley-railway.txt"


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("How many years did Peng Lei spend at Ant Financial?", "During the six years"),
        ("Who is publishing You Xi's book about Ant Financial?", "CITIC Press"),
        ("Where did Peng Lei present the executives' review method?", "Hupan University"),
        ("What does escrow-style payment give people trading online?", "builds trust"),
        ("Which incident showed Alipay's wish to be social?", "Jingyefu incident"),
        ("Whose view is it that Internet finance is a tangled matter?", "Ni Xingjun"),
        ("Which insurer honoured its guarantee despite heavy pressure?", "fulfilled its guarantee"),
        # worded loosely (similarity under the "unrelated" line), but it names a month and a
        # year the article names: about the article, not off-topic
        ("Where was the October 2016 handover held?", "Huanglong Sports Center"),
        # told by the role ("... as the company's new CEO"), not by "become": once refused
        # as "it never gives a date or time"
        ("When did Jing Xiandong become CEO?", "In October 2016"),
    ],
)
def test_answerable_questions_quote_the_sentence_that_answers(
    real_service: QAService, question: str, quote: str
) -> None:
    answer = real_service.ask(question)
    assert answer.answerable, answer.answer
    assert quote in answer.answer
    assert any(quote in c.quote for c in answer.citations[:3])


@pytest.mark.parametrize(
    "question",
    [
        "Going by the business-level principles, what are described as the greatest experiences?",
        "In the business-level principles, which experiences are called the greatest?",
    ],
)
def test_a_scene_set_first_does_not_choose_the_sentence_that_only_sets_it(
    real_service: QAService, question: str
) -> None:
    # Every sentence near the principles shares the scene's words; the one listing them
    # ("... clarified the company's two principles: ...") was quoted first, not the one
    # saying which experiences are the greatest.
    answer = real_service.ask(question)
    assert answer.answer.startswith("Don’t sacrifice trust and security"), answer.answer
    assert "greatest experiences" in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "What did Jack Ma say about the circle incident?",
        "What was Ant Financial's total profit in 2016?",
        "How many users does Alipay have?",
        "In what year was Ant Financial founded?",
        "What interest rate did Yu'e Bao offer?",
        "How do I bake sourdough bread?",
        "What is the weather like today?",
        "How many users does Alipay have?",
        "What did the China Banking Regulatory Commission say about Zhaocaibao?",
    ],
)
def test_questions_the_article_does_not_answer_are_refused(
    real_service: QAService, question: str
) -> None:
    answer = real_service.ask(question)
    assert not answer.answerable, answer.answer
    assert answer.answer.startswith("The article doesn't say")
    assert answer.citations, "the closest passages are still listed"


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("Why did Zheshang Property Insurance refuse to pay the investors?", '"refuse"'),
        ("Which Alipay manager was dismissed over the circle incident?", '"dismissed"'),
        ("In which US city was Peng Lei on business when she apologized?", "United States"),
        # the country is named only by the runner-up the answer would quote after the two
        # sentences it chose (that she need not have apologized)
        (
            "which US city was peng lei visiting when she apologised over the circle incident",
            "United States",
        ),
        ("How many staff did Ant Financial employ in total in October 2016?", "a total"),
        # a day asked where the article gives only the month ("In November 2016, ...")
        ("On what exact day did the circle incident start?", "no date"),
        # a role the article gives someone else (only Jing Xiandong is called CEO)
        ("When was Ni Xingjun appointed CEO of Alipay?", '"CEO"'),
        # ... asked of him by being one, not by the step into it
        ("Since when has Ni Xingjun been the CEO of Alipay?", '"CEO"'),
    ],
)
def test_a_detail_the_article_does_not_add_to_an_event_it_tells_is_refused(
    real_service: QAService, question: str, why: str
) -> None:
    """A refusal or dismissal it never tells, a city within the only country it names, a
    total where it counts only those who witnessed something: each refused as such."""
    answer = real_service.ask(question)
    assert not answer.answerable, answer.answer
    assert why in answer.answer


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("Where was Peng Lei on business when she apologized?", "United States"),
        ("How many employees witnessed the October 2016 transition?", "7,000"),
        ("Did Zheshang Property Insurance fulfil its guarantee obligations?", "fulfilled"),
        ("On what date did Peng Lei apologize for the circle incident?", "November 29"),
    ],
)
def test_the_event_itself_is_still_answered(
    real_service: QAService, question: str, quote: str
) -> None:
    answer = real_service.ask(question)
    assert answer.answerable and quote in answer.answer, answer.answer


def test_a_short_sentence_that_completes_the_best_one_is_quoted_with_it(
    real_service: QAService,
) -> None:
    answer = real_service.ask("What did the internal discussions at Ant Financial touch on?")
    assert "This discussion touches on strategy, values, and business priorities." in answer.answer
    assert len(answer.answer) <= 600


def test_a_follow_up_is_resolved_through_its_conversation(real_service: QAService) -> None:
    first = real_service.ask("Who became Ant Financial's chairman in October 2016?")
    assert "chairman" in first.answer
    second = real_service.ask(
        "How many years had she been with the company?", first.conversation_id
    )
    assert second.answerable
    assert "six years" in second.answer


def test_a_follow_up_asking_how_much_it_wanted_something_wants_no_number(
    real_service: QAService,
) -> None:
    """ "how much it wanted that" asks how strongly: a number in the previous answer's
    sentence ("Version 9.0") is no answer, the next sentence is."""
    first = real_service.ask("From which version did the Alipay app add friends?")
    assert "Version 9.0" in first.answer
    second = real_service.ask(
        "Which incident showed how much it wanted that?", first.conversation_id
    )
    assert "Jingyefu incident" in second.answer
    assert "Jingyefu incident" in second.citations[0].quote


def test_tell_me_more_continues_where_the_answer_stopped(real_service: QAService) -> None:
    first = real_service.ask("What is the review method of Ant's senior executives called?")
    assert "self-mutilation first, then shooting" in first.answer
    more = real_service.ask("Tell me more", first.conversation_id)
    assert "Self-harm is when you analyze yourself" in more.answer


def test_a_change_of_subject_in_a_conversation_is_answered_on_its_own(
    real_service: QAService,
) -> None:
    first = real_service.ask("Who is Li Zhiguo?")
    other = real_service.ask(
        "What did Ma Huateng say at the 2016 WeChat Pay annual meeting?", first.conversation_id
    )
    assert "WeChat Pay’s share of the offline payment market exceeded Alipay" in other.answer


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("彭蕾在蚂蚁金服工作了几年？", "During the six years she came to Ant Financial"),
        ("接替彭蕾出任蚂蚁金服新CEO的是谁？", "Jing Xiandong succeeded him"),
        (
            "支付宝最初是淘宝的哪个部门？",
            "Alipay was originally the settlement department of Taobao",
        ),
    ],
)
def test_a_chinese_question_is_answered_from_the_english_article(
    real_service: QAService, question: str, wanted: str
) -> None:
    answer = real_service.ask(question)
    assert answer.answerable and wanted in answer.answer
    assert answer.notice is not None and "Asked in Chinese" in answer.notice


def test_a_long_chinese_question_is_searched_with_a_capped_gloss_and_still_answered(
    real_service: QAService,
) -> None:
    # uncapped, its gloss ran to 94 words (every sense of every character) and the
    # question was refused: the few words that mattered drowned
    answer = real_service.ask(
        "彭蕾在湖畔大学向学员们详细介绍蚂蚁金服高管团队如何通过复盘来反思自己的错误时，"
        "她具体讲了一些什么样的方法和例子？"
    )
    assert answer.notice is not None
    searched = answer.notice.split('"')[1]
    assert len(searched.split()) <= GLOSS_WORDS
    assert "Peng Lei" in searched and "Hupan" in searched  # the exact words are kept
    assert answer.answerable and "review method of Ant Financial senior executives" in answer.answer


def test_chinese_questions_written_apart_from_the_glosser_are_mostly_answered(
    real_service: QAService,
) -> None:
    """30 questions in Chinese (24 answerable), written by a writer who saw no code: measured
    R@1 .79, R@5 .96, hit .58, 1 of 24 refused (all 24 refused before glossing)."""
    overall = evaluate_file(SQUAD_OWN.parent / "chinese_eval.jsonl", real_service).overall
    assert overall.recall_at[5] >= 0.85 and overall.recall_at[1] >= 0.7
    assert overall.answer_hit is not None and overall.answer_hit >= 0.5
    assert overall.wrongly_refused is not None and overall.wrongly_refused <= 0.1


def test_the_extra_evaluation_set_stays_above_its_measured_floor(real_service: QAService) -> None:
    """Floors a little under what was measured (R@1 .82, R@3 1.0, hit .82, 4/6 refused)."""
    report = evaluate(read_items(EXTRA_EVAL), real_service.ask, real_service.index.article)
    english = [r for r in report.items if r.type != "chinese"]
    answerable = [r for r in english if r.answerable]
    unanswerable = [r for r in english if not r.answerable]

    def share(flags: list[bool]) -> float:
        return sum(flags) / len(flags)

    assert share([r.found_at == 1 for r in answerable]) >= 0.75
    assert share([r.found_at is not None and r.found_at <= 3 for r in answerable]) >= 0.9
    assert share([r.answer_hit for r in answerable]) >= 0.75
    assert sum(r.refused for r in unanswerable) >= 4
    assert share([r.refused for r in answerable]) <= 0.05
    follow_ups = [r for r in answerable if r.type == "followup"]
    assert share([r.found_at is not None and r.found_at <= 3 for r in follow_ups]) >= 0.9


def test_the_answer_set_stays_above_its_measured_floor(real_service: QAService) -> None:
    """Questions by kind (who, when, how many, why, follow-ups): measured R@1 .93, hit .93,
    3/4 refused, none wrongly; floors a little under."""
    report = evaluate(read_items(ANSWER_EVAL), real_service.ask, real_service.index.article)
    answerable = [r for r in report.items if r.answerable]
    unanswerable = [r for r in report.items if not r.answerable]
    assert sum(r.found_at == 1 for r in answerable) / len(answerable) >= 0.85
    assert sum(r.answer_hit for r in answerable) / len(answerable) >= 0.85
    assert sum(r.refused for r in unanswerable) >= 3
    assert not any(r.refused for r in answerable)


def test_role_swaps_are_refused_and_roles_held_are_answered(real_service: QAService) -> None:
    """roles_eval.jsonl: "Who succeeded Peng Lei as chairman?" (only she became chairman)
    refused, "Who replaced Peng Lei as CEO?" answered, and what a line-cut sentence goes
    on to say quoted. Measured 9/9 hit, 5/5 refused (before the rules: 7/9, 0/5)."""
    report = evaluate(read_items(ROLES_EVAL), real_service.ask, real_service.index.article)
    answerable = [r for r in report.items if r.answerable]
    assert all(r.answer_hit for r in answerable), [r.id for r in answerable if not r.answer_hit]
    assert all(r.refused for r in report.items if not r.answerable)


def test_short_answers_on_other_articles_are_given_often_and_mostly_exact(
    real_service: QAService,
) -> None:
    """Three articles the method was not written for (SQuAD format): measured given to .65
    of the answerable questions (.56 before "what" phrases and "why" clauses), exact when
    given .91, median answer 169 characters."""
    overall = evaluate_file(SQUAD_OWN, real_service).overall
    assert overall.short_given is not None and overall.short_given >= 0.55
    assert overall.short_exact_given is not None and overall.short_exact_given >= 0.7
    assert overall.median_answer_chars is not None and overall.median_answer_chars <= 200
    assert overall.wrongly_refused is not None and overall.wrongly_refused <= 0.05


#: Articles whose writers saw neither the code nor its other sets, with the floors their
#: answers keep: the least answer hit, and (for the six newest) the least share of
#: unanswerable questions refused.
_WRITTEN_APART = [
    # measured hit .938, .844, .903, .871; answerables refused 0/32, 0/32, 0/31, 0/31
    ("squad-own-rookwood.json", 0.8, None),
    ("squad-own-corran-fever.json", 0.8, None),
    ("squad-own-skellen-port.json", 0.8, None),
    ("squad-own-westermere-orchestra.json", 0.8, None),
    # the last three scored only at the end of the session that wrote them: measured hit
    # .900, .839, .800, .788, .844, .833; answerables refused 1/30, 0/31, 0/30, 1/33, 0/32,
    # 1/30; unanswerables refused 8, 9, 6, 7, 8 and 9 of 25-26
    ("squad-own-velmorite.json", 0.72, 0.2),
    ("squad-own-carvenna.json", 0.72, 0.2),
    ("squad-own-norrbeck.json", 0.72, 0.2),
    ("squad-own-varn-cliff-salamander.json", 0.72, 0.2),
    ("squad-own-brenmoor-ship-canal.json", 0.72, 0.2),
    ("squad-own-landward-movement.json", 0.72, 0.2),
]


@pytest.mark.parametrize(("name", "least_hit", "least_refused"), _WRITTEN_APART)
def test_articles_written_apart_from_the_method_are_answered_and_rarely_refused(
    real_service: QAService, name: str, least_hit: float, least_refused: float | None
) -> None:
    """Median answers 164-214 characters on all of them."""
    overall = evaluate_file(SQUAD_OWN.parent / name, real_service).overall
    assert overall.answer_hit is not None and overall.answer_hit >= least_hit
    assert overall.wrongly_refused is not None and overall.wrongly_refused <= 0.07
    assert overall.median_answer_chars is not None and overall.median_answer_chars <= 220
    if least_refused is not None:
        assert overall.refusal_recall is not None and overall.refusal_recall >= least_refused


@pytest.mark.parametrize(
    ("turns", "wanted"),
    [
        (["Who became CEO when Peng Lei stepped down?"], "Jing Xiandong succeeded him"),
        (
            ["Who became CEO when Peng Lei stepped down?", "And which role did she move to?"],
            "chairman",
        ),
        (
            [
                "Who became CEO when Peng Lei stepped down?",
                "And which role did she move to?",
                "and who replaced her?",
            ],
            "Jing Xiandong succeeded him",
        ),
        (
            ["How many management team members did Peng Lei convene after the circle incident?"],
            "22 members",
        ),
        (["Why did Peng Lei apologize in November 2016?"], "caused great controversy"),
    ],
)
def test_the_readme_conversation_is_answered(
    real_service: QAService, turns: list[str], wanted: str
) -> None:
    conversation = None
    for question in turns:
        answer = real_service.ask(question, conversation)
        conversation = answer.conversation_id
    assert answer.answerable, answer.answer
    assert wanted in answer.answer
    assert "Chairman Peng Lei and CEO Jing Xiandong" not in answer.answer  # the photo caption


def test_the_new_ceo_is_the_short_answer(real_service: QAService) -> None:
    answer = real_service.ask("Who became CEO when Peng Lei stepped down?")
    assert answer.short_answer is not None and answer.short_answer.text == "Jing Xiandong"
    article = real_service.index.article
    assert article[answer.short_answer.start : answer.short_answer.end] == "Jing Xiandong"


def test_a_question_in_the_articles_own_words_is_not_refused_as_unrelated(
    real_service: QAService, tmp_path: Path
) -> None:
    """ "What did the inquiry recommend?" lands far from the long sentence that answers it
    (similarity under the "unrelated" line), yet that sentence holds all its words."""
    question = tmp_path / "inquiry.jsonl"
    question.write_text(
        '{"id": "q", "type": "factoid", "question": "What did the inquiry recommend?", '
        '"evidence": ["it recommended continuous brakes on all goods trains"], "answer": ""}\n'
    )
    report = evaluate_file(question, real_service, article_file=ELSMERE)
    (item,) = report.items
    assert not item.refused and item.answer_hit, item.answer
