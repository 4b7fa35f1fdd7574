"""A question that says whom it asks about by one fact of theirs and asks another, at a
time the sentence telling the fact never gives: the answer reads on to the sentence that
names the same person at that time, and is refused only when none does."""

from __future__ import annotations

import pytest

from antqa.answering.hops import described, describes_someone
from antqa.lexical import tokenize
from antqa.service import QAService
from tests.test_answering import _service_over

#: The fact that says who (the inquiry) and the fact asked (the post in October 1998) are
#: paragraphs apart, with the person named in both.
TOWN = (
    "In October 1998 Marta Lindqvist was elected mayor, succeeding Oskar Brand.\n\n"
    "The harbour was dredged in the following years. New quays were built along the north "
    "bank. The ferries moved there from the old pier. Trade grew.\n\n"
    "A school opened by the market square. The town hall was rebuilt in stone. Its clock "
    "came from a foundry upriver. A bridge replaced the ford.\n\n"
    "Marta Lindqvist chaired the flood inquiry into the river walls. She wrote its report.\n"
)
ASKED = (
    "The woman who chaired the flood inquiry into the river walls: what post did she take "
    "in October 1998?"
)


def test_the_answer_reads_on_to_where_the_person_described_is_told_at_the_time_asked(
    tmp_path,
) -> None:  # type: ignore[no-untyped-def]
    answer = _service_over(TOWN, tmp_path).ask(ASKED)
    assert answer.answerable
    assert "chaired the flood inquiry" in answer.answer
    assert "Marta Lindqvist was elected mayor" in answer.answer


def test_it_is_refused_when_the_time_asked_tells_of_someone_else(tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = TOWN.replace("Marta Lindqvist was elected mayor, succeeding", "was elected mayor")
    answer = _service_over(other, tmp_path).ask(ASKED)
    assert not answer.answerable
    assert "October" in answer.answer


def test_the_person_described_is_the_one_whose_clause_fits_the_question_best() -> None:
    told = [
        ("Jing Xiandong", "Jing Xiandong serves as the squad leader"),
        ("Ni Xingjun", " Ni Xingjun serves as the deputy squad leader"),
    ]
    heads = tokenize("The man who heads the class committee as squad leader")
    assert described(heads, told) == {"Jing Xiandong"}
    deputy = tokenize("The man who serves as deputy squad leader")
    assert described(deputy, told) == {"Ni Xingjun"}
    assert described(heads, []) == set()


def test_someone_is_described_by_a_noun_with_who_after_it() -> None:
    assert describes_someone("The executive who apologized: what did she become?")
    assert describes_someone("the person who became squad leader had taken which post?")
    assert not describes_someone("Who became squad leader in October 2016?")
    assert not describes_someone("Which post did the squad leader take in October 2016?")
    # or a question in two: who did the one, and (of them) the other
    assert describes_someone("Who chaired the inquiry, and what post did she take in 1998?")
    assert not describes_someone("Who chaired the inquiry, and what did it find in 1998?")


def test_a_question_in_two_reads_on_and_gives_no_short_answer_of_the_first_fact(
    real_service: QAService,
) -> None:
    answer = real_service.ask(
        "Who is the squad leader of Alipay's class committee, and what job did he take at "
        "Ant Financial in October 2016?"
    )
    assert answer.answerable
    assert "became the company’s new CEO" in answer.answer
    # the first sentences' name (the deputy's, as it was) answers "who", not what is asked
    assert answer.short_answer is None


@pytest.mark.parametrize(
    ("question", "told"),
    [
        (
            "The executive who apologized by sending an internal letter: which job did she "
            "give up in October 2016?",
            # the long sentence is cut around her clause, not around "In October 2016"
            ["apologized by sending an internal letter", "became the company’s chairman"],
        ),
        (
            "The man who serves as squad leader in Alipay's class committee system: what did "
            "he become at Ant Financial in October 2016?",
            ["Jing Xiandong serves as the squad leader", "became the company’s new CEO"],
        ),
    ],
)
def test_on_this_article_the_person_described_is_answered_at_the_time_asked(
    real_service: QAService, question: str, told: list[str]
) -> None:
    answer = real_service.ask(question)
    assert answer.answerable
    for words in told:
        assert words in answer.answer


def test_on_this_article_someone_told_of_at_no_such_time_is_refused(
    real_service: QAService,
) -> None:
    # Ni Xingjun, the deputy squad leader, is told of at no time in October 2016
    deputy = real_service.ask(
        "The man who serves as deputy squad leader: what did he say in October 2016?"
    )
    assert not deputy.answerable


def test_on_this_article_names_tied_through_the_person_described_are_not_apart(
    real_service: QAService,
) -> None:
    # Hupan University and October are never told of together: the question ties them
    # through Peng Lei, who became chairman in October 2016 and spoke at Hupan University
    answer = real_service.ask(
        "At Hupan University, what review method was described by the woman who became "
        "chairman in October 2016?"
    )
    assert answer.answerable
    assert "self-mutilation first, then shooting" in answer.answer
    # asked of the two names directly, nothing ties them
    apart = real_service.ask("Which review method was presented at Hupan University in October?")
    assert not apart.answerable


def test_on_this_article_a_second_hop_quotes_only_the_first_sentences_telling_of_the_person(
    real_service: QAService,
) -> None:
    answer = real_service.ask(
        "The man who serves as squad leader in Alipay's class committee system: what did he "
        "become at Ant Financial in October 2016?"
    )
    assert "Jing Xiandong serves as the squad leader" in answer.answer
    assert "became the company’s new CEO" in answer.answer
    # the sentence before, setting up the committee, names no one: it says nothing asked
    assert "Alipay established" not in answer.answer


#: Told between the two facts, so that no passage (at most 1,000 characters) holds both.
FILLER = (
    "Grain barges came down from the hills each autumn. The millers ground it by the weir. "
    "Bakers sold the bread on the quay. Sailors bought it for their voyages.\n\n"
)


def test_the_passage_telling_what_is_asked_is_read_and_cited_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # retrieval trusts the inquiry's passage most (it holds the question's words), but it
    # only says who: the mayor's passage tells what is asked of her
    town = TOWN.replace("A school opened", FILLER * 6 + "A school opened")
    answer = _service_over(town, tmp_path).ask(ASKED)
    assert answer.answer.index("elected mayor") < answer.answer.index("chaired the flood")
    assert "elected mayor" in answer.cited[0].quote
    assert "chaired the flood inquiry" in answer.cited[1].quote


@pytest.mark.parametrize(
    ("question", "answering", "describing"),
    [
        (  # a second hop: the post is told at the time asked, of the person described
            "The executive who apologized for the circle incident while on a US business "
            "trip took which post in the October 2016 leadership change?",
            "became the company’s chairman",
            "apologized while on a business trip",
        ),
        (  # the part asked of someone the question's last words describe
            "What is the nickname of the person who serves as deputy squad leader in "
            "Alipay's class committee system?",
            "Miao Renfeng",
            "Ni Xingjun serves as the deputy squad leader",
        ),
    ],
)
def test_on_this_article_the_first_citation_holds_what_is_asked_of_the_one_described(
    real_service: QAService, question: str, answering: str, describing: str
) -> None:
    answer = real_service.ask(question)
    assert answer.answerable
    assert answering in answer.cited[0].text
    assert describing in answer.answer
    assert answer.answer.index(answering) < answer.answer.index(describing)


def test_on_this_article_the_person_described_is_read_from_a_candidate_when_the_best_names_no_one(
    real_service: QAService,
) -> None:
    # the best sentence tells the incident ("In November 2016, a 'circle incident'
    # occurred ...") and names no one: who apologized is read from the candidates naming
    # someone, and the post is then told of her at the time asked
    answer = real_service.ask(
        "The woman who apologized for the circle incident held which post after the "
        "October 2016 handover?"
    )
    assert answer.answerable
    assert "became the company’s chairman" in answer.cited[0].text
    assert "Peng Lei apologized while on a business trip" in answer.answer
