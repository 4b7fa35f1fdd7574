"""A question asking two things ("Who heads the committee, and what is his job?") gets the
sentence telling each, though the two are told far apart: the second one through the
person the first names ("his"), or through its own words."""

from __future__ import annotations

import pytest

from antqa.questions import Parts, described_part, question_parts
from antqa.service import QAService
from tests.test_answering import _service_over

#: Who leads the harbour board (first paragraph) and his job there (last paragraph), with
#: paragraphs between, so that no passage near the first holds the second. The second part
#: ("what is his job at the harbour?") shares no word with it but the harbour, which every
#: paragraph names: only "his" (Tomas Ekberg, who leads the board) finds it.
_TOWN = (
    "The harbour was dredged in the following years. New quays were built along the north "
    "bank. The ferries moved there from the old pier. Trade grew.\n\n"
    "A school opened by the market square. The town hall was rebuilt in stone. Its clock "
    "came from a foundry upriver. A bridge replaced the ford.\n\n"
    "The river walls were raised after the flood. Gardens replaced the tannery yards. The "
    "fish market moved indoors. Trams reached the station.\n\n"
    "A library was built beside the church. The old mill became a museum. Its wheel still "
    "turns in spring. Visitors come by boat from the islands.\n\n"
    "The railway reached the town in the same decade. Its station stands on the hill. "
    "Goods trains carried timber to the coast. The line closed much later.\n\n"
)
HARBOUR = (
    "The harbour board is led by Tomas Ekberg, with Lena Holm as his deputy. The harbour "
    "board meets every month in the harbour office.\n\n"
    + _TOWN
    + _TOWN.replace("The", "Later the")
    + "At the harbour, Tomas Ekberg is the chief pilot.\n"
)


def test_a_question_is_split_where_its_second_question_starts() -> None:
    assert question_parts("Who leads the board, and what is his trade?") == Parts(
        "Who leads the board", "what is his trade?", points_back=True
    )
    assert question_parts("what is Ni Xingjun's role and what does it cost") == Parts(
        "what is Ni Xingjun's role", "what does it cost", points_back=False
    )
    # one fact asked of someone said by another
    assert question_parts("The man who leads the board: what is his trade?") == Parts(
        "The man who leads the board", "what is his trade?", points_back=True, describes=True
    )
    assert question_parts("What is the trade of the man who leads the board?") == Parts(
        "the man who leads the board?", "What is the trade", points_back=True, describes=True
    )
    # the time between two events: each is a part, told where it happened
    asked = "How many days passed between Peng Lei's apology and Zhaocaibao's default disclosure?"
    assert question_parts(asked) == Parts(
        "Peng Lei's apology", "Zhaocaibao's default disclosure", points_back=False, events=True
    )
    assert question_parts("how long did mail take between the factories and Harwick") is None
    assert question_parts("Who leads the board?") is None
    assert question_parts("And who replaced her?") is None  # a follow-up asks one thing
    assert question_parts("Which two ships sank?") is None  # one question, several things


def test_the_second_part_is_told_of_the_person_the_first_is_answered_by(tmp_path) -> None:  # type: ignore[no-untyped-def]
    answer = _service_over(HARBOUR, tmp_path).ask(
        "Who leads the harbour board, and what is his job at the harbour?"
    )
    assert answer.answerable
    assert "led by Tomas Ekberg" in answer.answer
    assert "chief pilot" in answer.answer
    cited = [c for c in answer.citations if c.cited]
    assert any("chief pilot" in c.quote for c in cited)


def test_the_time_between_two_events_quotes_each_and_ties_neither_to_the_other(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "How many days passed between A and B?": A (Ekberg's election) and B (the Marsk
    flood) are told in paragraphs far apart, never together; each part is found by its
    few words (a name and a noun), and their two names are not asked as a tie."""
    text = (
        "Tomas Ekberg was elected to lead the harbour board on 3 May.\n\n"
        + _TOWN
        + "The Marsk flood reached the quays on 19 May.\n"
    )
    answer = _service_over(text, tmp_path).ask(
        "How many days passed between Ekberg's election and the Marsk flood?"
    )
    assert answer.answerable
    assert "elected to lead" in answer.answer and "Marsk flood reached" in answer.answer


def test_a_part_with_too_few_words_to_find_it_by_adds_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "what did it cost?": no word of the article, no one pointed back at
    answer = _service_over(HARBOUR, tmp_path).ask(
        "When were the river walls raised, and what did it cost?"
    )
    assert answer.answerable
    assert "chief pilot" not in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Who is squad leader of Alipay's class committee, and what's his job at Ant Financial?",
        # one fact asked of someone said by another: the long handover sentence is cut
        # around him, not around "In October 2016"
        "The man who became Ant Financial's CEO in October 2016: what role does he have in "
        "Alipay's class committee?",
    ],
)
def test_on_this_article_both_facts_of_the_committee_head_are_quoted_and_cited(
    real_service: QAService, question: str
) -> None:
    answer = real_service.ask(question)
    assert answer.answerable
    assert "Jing Xiandong serves as the squad leader" in answer.answer
    # 17,000 characters apart, cut to his clause
    assert "Jing Xiandong succeeded him" in answer.answer
    quotes = [c.quote for c in answer.citations if c.cited]
    assert any("serves as the squad leader" in q for q in quotes)
    assert any("became the company’s new CEO" in q for q in quotes)


@pytest.mark.parametrize(
    ("question", "quoted", "left_out", "short"),
    [
        # "where was she?" has no word to look for: the sentence telling the date tells it,
        # and no other sentence naming Peng Lei is added (nor the short answer lost)
        (
            "On what date did Peng Lei apologize for the circle incident, and where was she?",
            ["business trip in the United States"],
            "understand the other person's heart",
            "November 29",
        ),
        # the handover sentence says who became chairman; the method is what is asked, so
        # the short answer is not "company’s new CEO"
        (
            "What is the review method introduced at Hupan University by the woman who became "
            "Ant Financial's chairman in October 2016?",
            ["self-mutilation first, then shooting", "became the company’s chairman"],
            "understand the other person's heart",
            None,
        ),
    ],
)
def test_on_this_article_what_each_part_adds_and_the_short_answer(
    real_service: QAService, question: str, quoted: list[str], left_out: str, short: str | None
) -> None:
    answer = real_service.ask(question)
    for words in quoted:
        assert words in answer.answer
    assert left_out not in answer.answer
    assert (answer.short_answer and answer.short_answer.text) == short


def test_the_part_saying_whom_a_question_asks_about_is_read_apart() -> None:
    """A statement before the question it points back at ("he") only says who is meant, as
    a "who" clause does; a question asking whole has no such part."""
    stated = "The man knighted in 1912 later became secretary - who did he succeed?"
    assert described_part(stated) == (
        "The man knighted in 1912 later became secretary",
        "who did he succeed?",
    )
    clause = "The man who heads the board: what is his trade?"
    assert described_part(clause) == ("The man who heads the board", "what is his trade?")
    assert described_part("Who did Tom Reed succeed in 1919?") is None
    assert described_part("In 1912: who was knighted?") is None  # no statement before it
    assert described_part("The board - who led it?") is None  # nor one pointing back at a person
