"""What a question asks for: the kind of answer, the thing counted, the names it uses."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from antqa.lexical import tokenize
from antqa.questions import (
    AnswerKind,
    analyse,
    answer_kind,
    as_successor,
    asked_part,
    asked_step,
    asks_cause_of_death,
    asks_succession,
    asks_successor,
    asks_whether,
    changed_doing,
    counts_spans,
    counts_things,
    counts_time,
    gives_amount,
    gives_length_of_time,
    holds,
    left_named,
    measure_words,
    ranked_as,
    spans_between,
    succession_of_named,
    successor_asked_of,
    tells_any_change,
    tells_any_succession,
    tells_cause_of_death,
    tells_change_asked,
    tells_change_of,
    tells_extreme_asked,
    tells_leaving,
    tells_succession,
    without_successor,
    without_successor_named,
    without_writer_frame,
)


@pytest.mark.parametrize(
    ("question", "kind", "counted"),
    [
        ("How many members did she convene?", AnswerKind.COUNT, ("member",)),
        ("How many of the staff cried?", AnswerKind.COUNT, ("staff", "cri")),
        ("How many of Marrick's monks died?", AnswerKind.COUNT, ("monk", "die")),  # not owner
        (
            "How many management team members did she convene?",
            AnswerKind.COUNT,
            ("manag", "team", "member"),
        ),
        ("What was the company's total revenue in 2016?", AnswerKind.AMOUNT, ()),
        ("How much money did investors lose?", AnswerKind.AMOUNT, ()),
        ("How much did the line cost?", AnswerKind.AMOUNT, ()),
        ("What was the total value of the products that defaulted?", AnswerKind.AMOUNT, ()),
        ("How much did he lend the company?", AnswerKind.AMOUNT, ()),  # "£20,000", no share
        ("How much does an adult bird weigh?", AnswerKind.COUNT, ()),
        # a clause after "how much" asks how strongly, not for a number or a sum ...
        ("Which incident showed how much it wanted that?", AnswerKind.ANY, ()),
        ("How much they cared about it, did the letter say?", AnswerKind.ANY, ()),
        # ... unless a word of money says it asks for a sum
        ("Do you know how much he earned?", AnswerKind.AMOUNT, ()),
        ("What exact share of the market did it claim?", AnswerKind.SHARE, ()),
        ("What interest rate did the products pay?", AnswerKind.SHARE, ()),
        ("what % of the vote did she win", AnswerKind.SHARE, ()),  # the sign as typed
        # a price "per share" is money, not a share of a whole
        ("What price per share did the bidder offer?", AnswerKind.AMOUNT, ()),
        ("How long did the repayment take?", AnswerKind.DURATION, ()),
        ("For how many years did the duke rule?", AnswerKind.DURATION, ()),
        # "for how many" counts the noun it names: a length of time only in units of time
        ("The hall was built for how many students?", AnswerKind.COUNT, ("student",)),
        ("For how many full years did she serve?", AnswerKind.DURATION, ()),
        ("It was set up for how many arts students?", AnswerKind.COUNT, ("art", "student")),
        ("How old is the chairman?", AnswerKind.AGE, ()),
        ("When did she step down?", AnswerKind.TIME, ()),
        ("On what date was the default disclosed?", AnswerKind.TIME, ()),
        ("Until when did he run the house?", AnswerKind.TIME, ()),
        ("Which city is the company based in?", AnswerKind.PLACE, ()),
        ("Who became the new CEO when she stepped down?", AnswerKind.ANY, ()),
        ("When an employee fails, what does a review look at?", AnswerKind.ANY, ()),
        ("Why did the head of the company apologize?", AnswerKind.REASON, ()),
        ("How did the company respond to the outcry?", AnswerKind.MANNER, ()),
        ("How many did she convene?", AnswerKind.COUNT, ()),
        # "why" first, whatever it names after: not a count for "number of"
        ("Why might the real number of otters be higher?", AnswerKind.REASON, ()),
        ("Why did the number of visitors fall?", AnswerKind.REASON, ()),
        # "what caused" asks for a cause, whatever it names after: not a sum for "income"
        ("What caused the museum's income to drop?", AnswerKind.REASON, ()),
        ("What prompted the cut in funding?", AnswerKind.REASON, ()),
        ("What was the museum's income in 1920?", AnswerKind.AMOUNT, ()),
        # what someone was paid is a sum; what was paid for is a thing
        ("What were relief workers paid each day?", AnswerKind.AMOUNT, ()),
        ("What was paid for by the council?", AnswerKind.ANY, ()),
        ("What did she change about how the orchestra was paid?", AnswerKind.ANY, ()),
    ],
)
def test_the_kind_of_answer_a_question_asks_for(
    question: str, kind: AnswerKind, counted: tuple[str, ...]
) -> None:
    asked = analyse(question)
    assert asked.kind is kind
    assert asked.counted == counted


@pytest.mark.parametrize(
    ("kind", "sentence", "counted", "expected"),
    [
        (AnswerKind.COUNT, "she convened 22 members of the team", ("member",), True),
        (AnswerKind.COUNT, "During the six years she came to the company", ("year",), True),
        (AnswerKind.COUNT, "she convened 22 members of the team", ("user",), False),
        (AnswerKind.COUNT, "she convened 22 members of the team", ("manag", "member"), True),
        # another form of the thing counted: the article's word, not the question's
        (AnswerKind.COUNT, "the press lost four of its seven workmen", ("worker",), True),
        (AnswerKind.COUNT, "the rangers placed 150 artificial burrows", ("bird",), False),
        (AnswerKind.COUNT, "In October 2016 the chairman stepped down", (), False),
        (AnswerKind.COUNT, "On December 15 the default was disclosed", (), False),
        (AnswerKind.AMOUNT, "Revenue reached 12 billion yuan", (), True),
        (AnswerKind.AMOUNT, "more than 7,000 employees watched", (), False),
        (AnswerKind.AMOUNT, "it charged one penny per ton on goods", (), True),
        (AnswerKind.AMOUNT, "the default marks a turning point", (), False),
        (AnswerKind.SHARE, "its share rose to 40%", (), True),
        (AnswerKind.SHARE, "its share exceeded its rival's", (), False),
        (AnswerKind.DURATION, "more than a week later on December 27", (), True),
        (AnswerKind.DURATION, "It was a 38-kilometre line to the port", (), True),
        (AnswerKind.DURATION, "It ran from the 38th mill to the port", (), False),
        (AnswerKind.DURATION, "she was appointed after a three-year search", (), True),
        (AnswerKind.DURATION, "the three-storey mill burned", (), False),
        (AnswerKind.TIME, "In October 2016, the management changed", (), True),
        (AnswerKind.TIME, "This signifies a generational change.", (), False),
        (AnswerKind.TIME, "Corvell equalised in the 84th minute", (), True),
        (AnswerKind.TIME, "the 3rd battalion crossed the river", (), False),
        (AnswerKind.AGE, "she was 44 years old", (), True),
        (AnswerKind.REASON, "an inquiry attributed the failures to a worn bearing", (), True),
        (AnswerKind.REASON, "mudflows generated by heavy rain buried the town", (), True),
        (AnswerKind.REASON, "the strikers blamed a guard for the shot", (), True),
        (AnswerKind.REASON, "the generator by the quay was repaired", (), False),
        # a cause told by the noun: what it was, or what it was of
        (AnswerKind.REASON, "The immediate cause was the collapse of the loan office", (), True),
        (AnswerKind.REASON, "the cause of the fire was never found", (), True),
        (AnswerKind.REASON, "the count abandoned Marrec's cause in 1290", (), False),
        (AnswerKind.REASON, "remedies were tried before the cause was understood", (), False),
        (AnswerKind.AGE, "he left school at fourteen", (), True),
        (AnswerKind.AGE, "he succeeded in 1381 at the age of nine", (), True),
        (AnswerKind.AGE, "aged seventy, she retired", (), True),
        (AnswerKind.AGE, "in the age of reason", (), False),
        (AnswerKind.AGE, "the meeting began at 10 am", (), False),
        (AnswerKind.AGE, "he crashed the car at 90 mph", (), False),
        (AnswerKind.AGE, "its author, the teacher Ida Holm, then 31, chaired it", (), True),
        (AnswerKind.AGE, "its author, Ida Holm, then thirty-one, chaired it", (), True),
        (AnswerKind.AGE, "the mill closed in 1901, then 12 more followed", (), False),
        (AnswerKind.AGE, "it lasted 1.1 billion years", (), False),
        (AnswerKind.AGE, "the last ruler was a boy of nine at his accession", (), True),
        (AnswerKind.AGE, "a woman of 60 led the march", (), True),
        (AnswerKind.AGE, "a man of letters and of taste", (), False),
        (AnswerKind.AGE, "they cannot fly until they are about 28 days old", (), True),
        (AnswerKind.AGE, "a six-week-old calf was found", (), True),
        (AnswerKind.AGE, "the fever lasted 28 days", (), False),
        (AnswerKind.COUNT, "fourteen members resigned", ("member",), True),
        (AnswerKind.PLACE, "the event at the Huanglong Sports Center", (), True),
        (AnswerKind.PLACE, "the CEO of a web company", (), False),
        (AnswerKind.DURATION, "it was sold as a remedy from 1899 until about 1920", (), True),
        (AnswerKind.DURATION, "chairman from 1806 to 1831", (), True),
        (AnswerKind.DURATION, "output rose from 14,000 tonnes in 1838 to 61,000", (), False),
        (AnswerKind.ANY, "anything at all", (), True),
    ],
)
def test_whether_a_sentence_holds_that_kind_of_thing(
    kind: AnswerKind, sentence: str, counted: tuple[str, ...], expected: bool
) -> None:
    assert holds(kind, sentence, counted) is expected


def test_how_much_of_a_whole_asks_for_a_part_not_money() -> None:
    assert analyse("How much of the water was lost through seepage?").kind is AnswerKind.COUNT
    assert analyse("How much money did investors lose?").kind is AnswerKind.AMOUNT
    assert analyse("How much did the company lose?").kind is AnswerKind.AMOUNT


def test_a_verb_of_giving_after_how_much_alone_asks_for_a_sum() -> None:
    # no noun after "how much": what was given or got is money ("2,500 crowns"), which
    # was read as a count of anything ("an interval of fourteen months")
    for question in (
        "How much did the Academy give the project each year?",
        "How much did the town receive each year under the treaty?",
        "how much did creditors get back?",
    ):
        assert analyse(question).kind is AnswerKind.AMOUNT, question
    # a noun after "how much" says what of: a quantity, whatever the verb
    assert analyse("How much warning did the weather office give?").kind is AnswerKind.COUNT
    assert analyse("How much rain did the valley receive?").kind is AnswerKind.COUNT
    assert analyse("How much did the river rise?").kind is AnswerKind.COUNT


def test_what_did_it_cost_asks_for_a_sum() -> None:
    assert analyse("What did a twenty-word message cost in 1870?").kind is AnswerKind.AMOUNT
    assert analyse("What did the canal ultimately cost to build?").kind is AnswerKind.AMOUNT


def test_a_year_asked_plainly_is_a_time_whatever_share_the_question_names() -> None:
    question = "For what year did the study project the 80 percent loss?"
    assert analyse(question).kind is AnswerKind.TIME
    assert analyse("What share of the vote did she win in 1990?").kind is AnswerKind.SHARE


def test_what_number_asks_for_a_number_not_a_sum() -> None:
    assert analyse("What number did the hop budget start at?").kind is AnswerKind.COUNT


@pytest.mark.parametrize(
    "sentence",
    [
        "it measured 71 nautical miles between its landing stations",
        "a military road sixty miles long",
        "the cable parted in about 340 fathoms of water",
        "a bore of 9 inches",
    ],
)
def test_a_length_in_space_answers_how_long_in_any_unit_or_in_words(sentence: str) -> None:
    assert holds(AnswerKind.DURATION, sentence)
    assert not counts_things(sentence)  # a distance counts no people or things


def test_lending_asks_for_money_and_feet_are_no_fee() -> None:
    assert analyse("How much did the bank loan the railway?").kind is AnswerKind.AMOUNT
    assert analyse("How much feet of track was laid?").kind is AnswerKind.COUNT


def test_a_quantity_asked_with_how_much_may_be_given_in_a_measure() -> None:
    bait = analyse("How much bait did the helicopter spread?")
    assert bait.kind is AnswerKind.COUNT and bait.counted[0] == "bait"
    assert holds(bait.kind, "A helicopter spread 28 tonnes of pellets", bait.counted)
    assert not holds(bait.kind, "A helicopter flew 28 times", bait.counted)
    # "how many" counts things, not measures: tonnes of freight are no number of wagons
    wagons = analyse("How many wagons did the train have?")
    assert wagons.counted == ("wagon",)
    assert not holds(wagons.kind, "the railway carried 290,000 tonnes of freight", wagons.counted)


def test_names_are_capitalised_words_after_the_first() -> None:
    assert analyse("What did Jack Ma say about the incident?").names == ("jack",)
    assert analyse("Who is Li Zhiguo?").names == ("li", "zhiguo")
    assert analyse("Who leads it?").names == ()


def test_a_title_case_question_has_no_names() -> None:
    assert analyse("How Did The Company Respond To Criticism?").names == ()


def test_two_questions_in_one_are_noticed() -> None:
    assert analyse("Who took on the guarantee, and how long did that take?").compound
    assert analyse("What three events does the article cover?").compound
    assert not analyse("Who took on the guarantee?").compound
    # a follow-up that opens with "and" asks one thing
    assert not analyse("And who replaced her?").compound
    assert not analyse("and which role did she move to?").compound
    assert analyse("Who replaced her, and when did she leave?").compound
    # the second question's word after a preposition
    assert analyse("Which insurer stepped in, and on what day?").compound
    assert not analyse("And on what day did the insurer step in?").compound


def test_by_how_much_asks_for_a_change() -> None:
    """A change is told by a share as often as by a number ("by nearly a third")."""
    assert analyse("By how much did the railway raise its rates?").by_how_much
    assert analyse("by how many did the crew shrink?").by_how_much
    assert not analyse("How much did the railway charge?").by_how_much


@pytest.mark.parametrize(
    ("kind", "sentence", "expected"),
    [
        # a year of any century is a date, not a count; a round number before what it counts is one
        (AnswerKind.COUNT, "In 1287 Guido seized the valley towns", False),
        (AnswerKind.COUNT, "the war lasted from 1452 to 1458", False),
        (AnswerKind.COUNT, "1500 soldiers landed at the bay", True),
        # an age and a share written in words
        (AnswerKind.AGE, "He succeeded in 1381 at the age of nine", True),
        (AnswerKind.SHARE, "the code fixed tolls at one-twentieth of the value", True),
        (AnswerKind.SHARE, "the abbey was founded in the tenth century", False),
        # a share says nothing of what was paid
        (AnswerKind.AMOUNT, "it holds 21 percent of the capital", False),
        # any ordinal after a number word is a part of a whole, but not a century
        (AnswerKind.SHARE, "a multure of one sixteenth of the corn", True),
        (AnswerKind.SHARE, "a fourteenth-century church", False),
        (AnswerKind.AGE, "the surface is roughly 1.1 billion years old", True),
        # years and months (the twentieth unseen batch: "How old was the youngest ever
        # champion?" answered by the sentence on the oldest, which gave its age plainly)
        (AnswerKind.AGE, "Renne was 15 years and 8 months old when he won", True),
        # in words (the nineteenth unseen batch: "How old was Edmund Hare when he died?",
        # "At what rate of interest could members borrow?" were refused as never told)
        (AnswerKind.AGE, "but an eleven-year-old boy, Edmund Hare, died", True),
        (AnswerKind.AGE, "she was thirty-two years old", True),
        (AnswerKind.AGE, "the two years of the old regime", False),
        (AnswerKind.SHARE, "members could borrow seed money at two per cent", True),
        (AnswerKind.SHARE, "some eleven percent of the vote", True),
        (AnswerKind.SHARE, "two centuries later the mill closed", False),
        # an ordinal is no share (the twenty-fifth unseen batch: "what was the interest rate
        # on the bonds?" was answered, "the third thing" read as a share), a fraction is
        (AnswerKind.SHARE, "let's talk about the third thing", False),
        (AnswerKind.SHARE, "profits fell in the first quarter", False),
        (AnswerKind.SHARE, "nearly a third of the members left", True),
        (AnswerKind.SHARE, "two-thirds of the vote", True),
        # a count against a count, whatever is counted (the twentieth unseen batch: "what
        # share of children had high blood lead levels?" was refused as never told)
        (AnswerKind.SHARE, "high blood-lead levels in one in five children", True),
        (AnswerKind.SHARE, "3 out of 10 voted against", True),
        (AnswerKind.SHARE, "the club won two in 1990", False),
        # shillings and pence as old accounts write them, not a decade
        (AnswerKind.AMOUNT, "the mason was paid 3s a week", True),
        (AnswerKind.AMOUNT, "in the 60s a boom followed", False),
    ],
)
def test_numbers_ages_and_shares_of_other_articles_are_read(
    kind: AnswerKind, sentence: str, expected: bool
) -> None:
    assert holds(kind, sentence) is expected


def test_a_hyphenated_money_word_names_no_sum() -> None:
    assert analyse("Which executive started the profit-sharing scheme?").kind is AnswerKind.ANY
    assert analyse("What was the company's profit in 2020?").kind is AnswerKind.AMOUNT


def test_an_amount_is_in_any_currency_the_article_writes_only_after_numbers() -> None:
    texts = [
        "The town paid a yearly tribute of 600 ducats to the margrave.",
        "In 1402 the abbot bought the mill for 3,500 silver ducats.",
        "More than 7,000 employees watched, and the employees cheered.",
        "The road runs 14 kilometres through the forest.",
    ]
    measures = measure_words(texts)
    assert "ducat" in measures and "employe" not in measures
    assert [gives_amount(text, measures) for text in texts] == [True, True, False, False]


@pytest.mark.parametrize(
    "text",
    [
        "A four-day pass cost 1,450 kronor in 2010.",
        "Entry cost five kronor.",
        "It paid 300 florins.",
    ],
)
def test_a_sum_in_any_of_the_worlds_currencies_is_an_amount(text: str) -> None:
    assert gives_amount(text, frozenset())
    assert not gives_amount("About 400 men and twenty-two guns held the fort.", frozenset())


def test_a_count_of_things_is_no_length_of_time_or_distance() -> None:
    assert counts_things("the council had fifteen members")
    assert not counts_things("its dean sat on the council for twenty years")
    assert not counts_things("the road runs 14 kilometres through the forest")
    assert counts_spans(analyse("How many years did he reign?").counted)
    assert not counts_spans(analyse("How many people sat on the council?").counted)


def test_a_count_of_days_or_years_is_a_length_of_time_but_one_of_miles_is_not() -> None:
    assert counts_time(analyse("How many days passed between the two letters?").counted)
    assert counts_time(analyse("How many years did he reign?").counted)
    assert not counts_time(analyse("How many miles long is the canal?").counted)
    assert not counts_time(analyse("How many people sat on the council?").counted)


def test_how_long_after_one_event_another_came_is_a_span_between_two_dates() -> None:
    assert spans_between(analyse("How long after the handover did the incident break out?"))
    assert spans_between(analyse("roughly how long before the vote did he resign?"))
    assert spans_between(analyse("How much time passed between the two letters?"))
    # how long one thing lasted or took, even between two places, is no such span
    assert not spans_between(analyse("How long did the strike last?"))
    assert not spans_between(analyse("how long did mail take between the mills and Harwick"))
    assert not spans_between(analyse("How many days passed after the vote?"))  # a count


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did Otto Albrecht die of?", True),
        ("What illness caused Pendrecht's death?", True),
        ("What usually kills patients who are not treated?", True),
        ("How did Chopin die?", True),
        ("How many monks died of the plague?", False),  # the cause is given: a count
        ("Which rector died of the plague?", False),
        ("What was the name of the brother Walter killed?", False),
    ],
)
def test_a_question_asking_what_a_death_came_from_is_noticed(question: str, expected: bool) -> None:
    assert asks_cause_of_death(question) is expected


def test_a_sentence_tells_what_a_death_came_from_not_whose_it_was() -> None:
    assert tells_cause_of_death("He died of pneumonia at his home in Ashbury.")
    assert tells_cause_of_death("One patient in six dies, most often from kidney failure.")
    assert tells_cause_of_death("She ran it until his death from a stroke in 1951.")
    assert not tells_cause_of_death("After the death of his wife he moved to Ashbury.")
    assert not tells_cause_of_death("She died there on 2 November 1968, aged 77.")


def test_a_verb_of_dying_that_tells_how_tells_what_a_death_came_from() -> None:
    """ "How did he die?" is told by "drowned", "killing him" or "died in an accident", as
    by "died of"; a year or a place of death tells no manner."""
    assert tells_cause_of_death("The stoker Gaunt, who drowned on 19 May 1910 when the ice broke.")
    assert tells_cause_of_death("A mortar bomb fell through the roof, killing him and two others.")
    assert tells_cause_of_death("Quist died in a climbing accident the following year.")
    assert tells_cause_of_death("He was hanged at Tyburn in 1701.")
    assert not tells_cause_of_death("Etienne died in 1844 and was succeeded by his son.")
    assert not tells_cause_of_death("She died in a cottage near the harbour.")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who replaced Pendrecht as professor when he retired?", True),
        ("Who succeeded Aird as director?", True),
        ("Who took over from Pell as coach?", True),
        # "took over X after / when Y" asks who came after Y when Y is someone who left
        ("Who took over the works after Thorne died?", True),
        ("Who took over the aid association after its founder died?", True),
        ("Who took over as chairman of the board after Admiral Varley?", True),
        ("Who took over the quays when the board was wound up?", False),  # no one left
        ("Who took over the Directory?", False),  # what was taken over, not from whom
        ("Who appointed Aird as director?", False),
        # "followed" and "came after" only before a name: "the march" had no holder
        ("Who followed Tolland as general manager?", True),
        ("Who came after Aird?", True),
        ("Who followed the march to the square?", False),
    ],
)
def test_a_question_asking_who_came_after_someone_is_noticed(question: str, expected: bool) -> None:
    assert asks_successor(question) is expected


def test_the_one_succeeded_is_what_follows_the_asking_words() -> None:
    assert successor_asked_of("Who replaced Pendrecht as professor?") == " Pendrecht as professor?"
    assert successor_asked_of("Who took over the aid association after its founder died?") == (
        "its founder died?"
    )
    assert successor_asked_of("Who took over the quays when the board was wound up?") == ""


@pytest.mark.parametrize(
    ("sentence", "left"),
    [
        # the post succeeded in stays; the successor's name goes
        (
            "Wrenn was succeeded in that office by Abbot Gervase of Lenholm.",
            "Wrenn was succeeded in that office by  .",
        ),
        # the successor's name and what it tells of them go ("a former bank clerk")
        (
            "Her successor, Harold Benbow, was a former bank clerk, from 1936 to 1957.",
            "Her successor,  , from 1936 to 1957.",
        ),
        ("Ince resigned in 1963.", "Ince resigned in 1963."),
    ],
)
def test_a_successor_named_is_left_out_and_the_post_kept(sentence: str, left: str) -> None:
    assert without_successor_named(sentence) == left


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who succeeded Penrose as chief executive?", ("Penrose", False)),
        ("Who succeeded Duke Aurel IV as duke of Caldrenne?", ("Duke Aurel IV", False)),
        ("Who came after Marchetti?", ("Marchetti", False)),
        ("Who was finance minister before Corwin Lisle?", ("Corwin Lisle", True)),
        ("Who led the Halvenmark Institute before Okafor-Breck?", ("Okafor-Breck", True)),
        ("Who did Samuel Lodd replace as managing director?", ("Samuel Lodd", True)),
        ("Who took over as mill manager when Samuel Orrin retired?", ("Samuel Orrin", False)),
        ("Who chaired the board after Sigrid Norrbeck's death?", ("Sigrid Norrbeck", False)),
        ("Who inherited the duchy after Ottone's death?", None),  # no post held asked
        ("Who followed the first salaried chief of rescue?", None),  # described, not named
        ("who took over from tharle as chairman", None),
        ("Who was the least successful of the chief executives?", None),
        ("Who sang the anthem before the game?", None),
        ("Who replaced the oil lamp with a paraffin burner?", None),
    ],
)
def test_a_question_names_whom_it_asks_the_successor_or_predecessor_of(
    question: str, asked: tuple[str, bool] | None
) -> None:
    assert succession_of_named(question) == asked


@pytest.mark.parametrize(
    ("sentence", "successor"),
    [
        ("Holm was succeeded as director by the geneticist Tomas Vellinger.", "Vellinger"),
        ("Oskar Ventris, who had replaced Lisle, spoke.", "Ventris"),
        ("Marchetti succeeded Irmler as director in 1990.", "Marchetti"),
    ],
)
def test_the_one_who_took_the_post_is_read_without_the_one_succeeded(
    sentence: str, successor: str
) -> None:
    read = as_successor(sentence)
    assert successor in read
    assert not {"Holm", "Lisle", "Irmler"} & set(read.split())


def test_someone_named_leaving_a_post_as_the_time_of_a_change() -> None:
    assert left_named("under Donal Ferris and, after Ferris's death in 2003, Mairead Quinlan") == [
        "Ferris"
    ]
    assert left_named("Following Aird's retirement the works closed.") == ["Aird"]
    assert left_named("After the death of the founder the firm was sold.") == []


def test_someone_replaced_with_another_is_a_succession_whose_successor_is_left_out() -> None:
    told = "Stellan Maritime replaced him with Dieter Vaskin, its finance director."
    assert tells_succession(told)
    assert without_successor(told) == "Stellan Maritime replaced him ."
    assert not tells_succession("Stellan Maritime replaced the jets with turboprops.")


def test_a_sentence_tells_a_succession_not_only_the_post() -> None:
    assert tells_succession("He retired from the chair in 1926 and was succeeded by Tilbury.")
    assert tells_succession("Aird's successor, the engineer Owen Prydderch, moved the work.")
    assert tells_succession("Holm was followed as chief executive by Mats Fredin.")
    assert tells_succession("In 1868 Ellis Marrowgate took over as chief editor.")
    assert not tells_succession("In 1912 he was appointed the first professor of engineering.")
    assert not tells_succession("The grey habit replaced the black dress worn since 1650.")


@pytest.mark.parametrize(
    ("question", "telling", "other_side"),
    [
        ("In which year did famine deaths reach their highest point?", "peaked in 1853", None),
        ("At its height, how many staff did it have?", "at its height in 1907", None),
        ("When did production peak?", "a peak of 41,500 in 1899", "the lowest point"),
        ("In which year did the cable carry the most messages?", "the highest yet", None),
        ("When did the speaker numbers bottom out?", "The lowest point came in 2001", "peaked"),
    ],
)
def test_a_high_or_low_point_asked_is_told_on_its_side(
    question: str, telling: str, other_side: str | None
) -> None:
    tells = tells_extreme_asked(question)
    assert tells is not None and tells(telling)
    assert not tells("It was a famine in the district between 1851 and 1854.")
    if other_side is not None:
        assert not tells(other_side)


@pytest.mark.parametrize(
    "question",
    [
        "What is the highest mountain of the range?",  # a rank among things
        "Under what conditions are the salamanders most active?",
        "What is the height of the dam?",  # a measure, not a high point
    ],
)
def test_a_rank_or_a_measure_asks_no_high_point(question: str) -> None:
    assert tells_extreme_asked(question) is None


def test_a_length_of_time_is_not_one_of_space() -> None:
    assert gives_length_of_time("the board shut the canal for eleven weeks")
    assert gives_length_of_time("after a three-year search")
    assert not gives_length_of_time("the canal is 87 kilometres long")


def test_share_as_a_verb_asks_no_share() -> None:
    """'Which award did the two inventors share?' asks a thing, not a proportion (an
    unseen answerable was refused as 'none gives a share or rate')."""
    assert (
        answer_kind("Which award did the two inventors share in 1994?")[0] is not AnswerKind.SHARE
    )
    assert answer_kind("What share of the vote did Labour win?")[0] is AnswerKind.SHARE
    assert answer_kind("What did she say about the firm's offline share?")[0] is AnswerKind.SHARE


def test_an_age_limit_set_to_a_number_is_an_age() -> None:
    """'lowered the voting age ... from 18 to 16' answers 'to what age' (an unseen
    answerable was refused as 'none gives an age'); a year after an Age is none."""
    told = "The 2015 act lowered the voting age for Assembly and local elections from 18 to 16."
    assert holds(AnswerKind.AGE, told)
    assert holds(AnswerKind.AGE, "It raised the school-leaving age to 16.")
    assert not holds(AnswerKind.AGE, "the Iron Age, to 1200")
    assert not holds(AnswerKind.AGE, "In the Bronze Age to 12,000 people lived there.")


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("When was the chapel pulled down?", "It was demolished in 1836.", True),
        ("When did the site shut down?", "Gannet Fields closed in March 2013.", True),
        ("When did teaching start again?", "Teaching did not resume until 1350.", True),
        ("When did Mogadai take away the exemption?", "Mogadai revoked it in 1336.", True),
        ("When were the first wharves put up?", "The first wharf was built in 1793.", True),
        ("When was the Friends group founded?", "The Friends group was formed in 1987.", True),
        ("What year did the Pan War start?", "The Pan War broke out in 1672.", True),
        ("When was the engine taken out of service?", "The engine was retired in 1932.", True),
        # a change of another class is not the one asked
        ("When was the chapel pulled down?", "The chapel was built in 1369.", False),
        ("When did teaching start again?", "The plague closed the schools in 1348.", False),
        ("When was the engine taken out of service?", "The pump station opened in 1838.", False),
    ],
)
def test_a_change_asked_in_the_questions_words_is_told_in_the_articles(
    question: str, sentence: str, expected: bool
) -> None:
    tells = tells_change_asked(question)
    assert tells is not None
    assert tells(sentence) is expected


def test_a_question_asking_of_no_change_has_no_such_test() -> None:
    assert tells_change_asked("When did Orbelai marry?") is None
    # the noun of an outbreak is what the question dates, not a change it asks of
    assert tells_change_asked("When did the last major outbreak happen?") is None


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # a phrase setting the scene, set off by a comma: the rest asks
        (
            "According to the business-level principles, what are the greatest experiences?",
            "what are the greatest experiences?",
        ),
        ("Before the canal opened, where did cargo go?", "where did cargo go?"),
        (
            "In the 1908 report, did the inspectors blame the owners?",
            "did the inspectors blame the owners?",
        ),
        # the whole question asks
        ("What are the greatest experiences?", None),
        ("Who led the strike, and when was he born?", None),
        ("And, what did she say?", None),
        # a first part that asks something itself is a question of its own
        ("Did the guarantees work, when did the insurer pay?", None),
        ("The firm began as a unit of which company, how did it grow?", None),
        # too short to set a scene ("Yes, what ...", "So, ...")
        ("So, what did she say?", None),
    ],
)
def test_asked_part_is_what_follows_a_scene_set_first(question: str, asked: str | None) -> None:
    assert asked_part(question) == asked
    assert analyse(question).asked == (tuple(tokenize(asked)) if asked else ())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("And who replaced him when he retired?", True),
        ("who came after her in 1930?", True),
        ("Who did he succeed as Prince-Bishop?", True),
        ("Who was bishop of Ebrin before him?", True),
        ("so who took over from her?", True),
        ("Who designed it?", False),
        ("What replaced the old lock?", False),  # a thing, not who held a post
        ("who took over the Directory after Mallin died?", False),  # what, not from whom
        ("who got it after them?", True),  # a post held after them
        ("And who died after him?", False),  # the next death, not a post taken
        ("Who spoke before her?", False),
    ],
)
def test_a_follow_up_asking_who_came_after_or_before_someone_is_noticed(
    question: str, expected: bool
) -> None:
    assert asks_succession(question) is expected


def test_a_change_of_holder_is_told_either_way_round() -> None:
    assert tells_any_succession("Barras died in 1882 and was succeeded by Tomas Rendell.")
    assert tells_any_succession("Imogen Farrell succeeded Martin Coyle in 2017.")
    assert tells_any_succession("Crane's predecessor, Hal Ives, had built four lights.")
    assert not tells_any_succession("Nadia Ferrante was president from 1921 to 1930.")
    # a post changing hands in general words, not a verb of succession
    changed = "After Benbow retired, the chair passed to his deputy, Walter Ince, in 1957."
    assert tells_any_succession(changed) and tells_succession(changed)
    assert tells_succession("His deputy, Hanne Ostrov, was appointed in his place.")
    assert not tells_succession("Benbow retired in 1957 and moved to the coast.")


def test_a_thing_asked_by_rank_is_read_by_its_superlative() -> None:
    """ "Which ... older than X?" asks a rank, which an article tells by the superlative
    ("the second-oldest ..., after Y") as often as by the comparative."""
    assert ranked_as("Which rescue body in the province is older than the CMRS?") == (
        "older",
        "oldest",
    )
    assert ranked_as("Which port was larger than Kelby in 1900?") == ("larger", "largest")
    assert ranked_as("How many rivers are longer than 100 km?") is None  # counts, ranks none
    assert ranked_as("Which ship other than the Merrow sailed?") is None  # no comparative


#: A ferry company named first by its initials, its rank told in the next sentence, with
#: paragraphs between the rank and the rest of its story.
RANKED = (
    "The Kelby Ferry Company (KFC) runs boats across the Orr estuary in the county of "
    "Dunmere. Founded in 1890, it is the second-oldest ferry company in the county, after "
    "the Orr Boat Guild of 1850. Its boats carry cars and foot passengers.\n\n"
    "The company added a night crossing in 1921. Its fares rose slowly. A new pier was "
    "built at Kelby.\n"
)


def test_a_thing_asked_by_rank_is_covered_by_the_sentence_ranking_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The sentence telling the rank ("the second-oldest ...") holds more of the question
    read by its superlative than as typed, and gains on the one naming the compared thing."""
    from tests.test_answering import _service_over

    retriever = _service_over(RANKED, tmp_path).retriever
    question = "Which ferry company in the county is older than the KFC?"
    covered = retriever.score(question).coverage
    typed = retriever.lexicon.coverage(tokenize(question), retriever.referent_lexicon)
    naming, ranking = 0, 1
    assert covered[ranking] > typed[ranking]
    assert covered[ranking] - covered[naming] > typed[ranking] - typed[naming]


@pytest.mark.parametrize(
    ("question", "doing"),
    [
        ("In what year did Harlow begin working in the carding room?", "work"),
        ("When did the creamery stop making cheese?", "make"),
        ("When did excavation begin at Porth Ennis?", None),  # the change itself
        ("When was the chapel pulled down?", None),
        ("Who began the survey?", None),
    ],
)
def test_the_doing_a_question_asks_the_start_or_end_of(question: str, doing: str | None) -> None:
    assert changed_doing(question) == doing


def test_a_sentence_tells_a_change_by_any_class_of_its_verbs() -> None:
    assert tells_any_change("The chapel was demolished in 1836.")
    assert tells_any_change("The school was founded in 1821.")
    assert not tells_any_change("Ground was broken at Porth Ennis on 2 June 1873.")


def test_a_cause_told_by_what_an_act_answered_is_a_cause() -> None:
    """ "as a response to", "in protest at", "on the grounds that", "citing": the phrases
    giving what an act answered hold a cause as "because of" does; a protest told as an
    event does not."""
    for told in (
        "The levy was proposed in 1930 as a response to the collapse of grain revenues.",
        "Dunhallow resigned in protest on 30 November of that year.",
        "His plan was rejected in 1841 on the grounds that snow would close the approaches.",
        "Telvano withdrew after the 2013 edition, citing falling advertising revenue.",
    ):
        assert holds(AnswerKind.REASON, told), told
    assert not holds(AnswerKind.REASON, "The protesters marched to the assembly in 1931.")
    # a response without what it answered is the effect of the sentence before
    assert not holds(AnswerKind.REASON, "In response, Thwaite introduced a rule on fog.")


def _writes(name: str) -> Callable[[str], bool]:
    """Whether a part of a sentence writes ``name``, as the refusal reads it."""
    return lambda part: tokenize(name)[0] in tokenize(part)


@pytest.mark.parametrize(
    ("sentence", "name", "before", "told"),
    [
        # asked who came after the person named
        ("Harwell retired in 1950 and was succeeded by Ida Kray.", "harwell", False, True),
        ("Harwell's successor, the chemist Ida Kray, moved the works.", "harwell", False, True),
        ("Ida Kray, who replaced Harwell in 1950, moved the works.", "harwell", False, True),
        ("In 1950 the chair passed to Ida Kray after Harwell.", "harwell", False, True),
        # the successor unnamed, or the change of someone else
        (
            "Harwell banned the fair, but it was revived by his successor in 1901.",
            "harwell",
            False,
            False,
        ),
        ("Harwell quarrelled with Pym's successor, Ida Kray.", "harwell", False, False),
        ("Harwell became director in 1950, succeeding Ida Kray.", "harwell", False, False),
        # asked who came before the person named
        ("Harwell became director in 1950, succeeding Ida Kray.", "harwell", True, True),
        ("Ida Kray was succeeded by Harwell in 1950.", "harwell", True, True),
        ("Under Harwell, who took over in 1950, the works grew.", "harwell", True, False),
        ("In 1950 Harwell became chair of the board.", "harwell", True, False),
    ],
)
def test_a_change_told_names_someone_on_the_side_asked(
    sentence: str, name: str, before: bool, told: bool
) -> None:
    assert tells_change_of(sentence, _writes(name), before) is told


def test_a_question_asking_whether_opens_with_an_auxiliary() -> None:
    assert asks_whether("Did the union accept that?")
    assert asks_whether("and was he prosecuted?")
    assert not asks_whether("Who did he replace?")
    assert not asks_whether("When was the union founded?")


def test_a_leaving_and_the_step_a_who_question_asks() -> None:
    assert tells_leaving("Rusk completed the second in 1903, but died in 1905.")
    assert tells_leaving("After his retirement the post was vacant.")
    assert not tells_leaving("Rusk completed the second volume in 1903.")
    assert asked_step("Who edited the Flora's third volume after Rusk's death?") == "edited"
    assert asked_step("What did he edit?") == ""


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "Why does the writer reckon the boss didn't have to say sorry?",
            "Why the boss didn't have to say sorry?",
        ),
        (
            "In the author's view, what did Ant fail to appreciate?",
            "what did Ant fail to appreciate?",
        ),
        (
            "Which tag has the world stuck on Ant, according to the author?",
            "Which tag has the world stuck on Ant?",
        ),
        ("According to the writer, what did Ant misjudge?", "what did Ant misjudge?"),
        # asked by its verb, or of another author: kept
        ("How does the author describe the culture?", "How does the author describe the culture?"),
        ("Who was the author of the 1994 memo?", "Who was the author of the 1994 memo?"),
    ],
)
def test_the_frame_asking_the_writers_view_is_no_part_of_what_is_asked(
    question: str, asked: str
) -> None:
    assert without_writer_frame(question) == asked


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("In which financial year did digital income first exceed print income?", AnswerKind.TIME),
        ("In which drought year did fewer than 10 percent of chicks fledge?", AnswerKind.TIME),
        ("What was the price of a share when the company first listed?", AnswerKind.AMOUNT),
        ("What price did the firm receive for its last 6% stake?", AnswerKind.AMOUNT),
        ("What was the estimated cost of the viaduct?", AnswerKind.AMOUNT),
        ("What were the paper's average daily sales in 1944?", AnswerKind.AMOUNT),
        ("What interest rate did the products pay?", AnswerKind.SHARE),
        ("what percentage voted against abolishing the senate", AnswerKind.SHARE),
        ("what cut sales there in 2015?", AnswerKind.ANY),
        ("What drove the price to its 2018 high?", AnswerKind.ANY),
        ("Which official resigned over the cost overrun?", AnswerKind.ANY),
        ("Which agency shared the cost of the telescope?", AnswerKind.ANY),
        ("What part of its income came from the radio?", AnswerKind.ANY),
        ("Which parish lost the biggest share of its population", AnswerKind.ANY),
    ],
)
def test_the_kind_is_the_noun_asked_not_a_verbs_object(question: str, kind: AnswerKind) -> None:
    """The noun right after "what/which" (or after its auxiliary) names the kind; a noun
    after a verb is its object ("what cut sales" asks a cause, not a sum)."""
    assert answer_kind(question)[0] is kind
