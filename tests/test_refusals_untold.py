"""Refusals of a question about a detail the article never states: who did what it tells
without a doer (:func:`antqa.refusals.no_one_told`), and the event a kind question asks
about (:func:`antqa.refusals.event_word`), each next to a question that is kept."""

from __future__ import annotations

import pytest

from antqa.lexical import tokenize
from antqa.refusals import (
    asks_part,
    counts_for_time,
    event_untold,
    event_without_figure,
    event_word,
    figure_of_other_kind,
    figures_only_asked,
    maker_untold,
    no_one_told,
    only_counted,
    only_larger_place,
    part_untold,
    pinning_words,
    rate_untold,
    time_untold,
    total_untold,
)

#: Words the article of these sentences writes in lower case (capitalised only when
#: opening a sentence): "The", "After", "Highlights".
COMMON = frozenset({"the", "after", "highlights", "its", "a"})


@pytest.mark.parametrize(
    ("question", "told"),
    [
        (
            "Who designed the restoration completed in 2011?",
            "Its shoebox shape gave it a warm acoustic, and it remains the orchestra's home "
            "after a restoration completed in 2011.",
        ),
        (
            "Who managed the Millbrook treatment works?",
            "The source was traced to a broken filter bed at the Millbrook treatment works.",
        ),
        (
            "Who produced the Kanal 4 highlights?",
            "Highlights were shown the same evening on the rival channel Kanal 4.",
        ),
    ],
)
def test_a_who_question_of_an_event_told_without_anyone_is_refused(
    question: str, told: str
) -> None:
    assert no_one_told(question, [told], COMMON)


@pytest.mark.parametrize(
    ("question", "told"),
    [
        # a name the question does not give
        ("Who managed the treatment works?", "The works were run by the engineer Ada Voss."),
        # "she", a doer after "by", the asked step with its doer in lower case
        ("Who convened the management team?", "At the same time, she convened 22 members."),
        ("Who decided the price?", "Tenants paid a price fixed by district valuation boards."),
        (
            "Who cannot bring claims before the Tribunal?",
            "Private individuals and companies have no standing to bring claims before the "
            "Tribunal.",
        ),
        # a name opening the sentence, which the article never writes in lower case
        ("Who led the raiders?", "Rollo was their leader."),
    ],
)
def test_a_who_question_whose_sentence_tells_of_someone_is_kept(question: str, told: str) -> None:
    assert not no_one_told(question, [told], COMMON)


@pytest.mark.parametrize(
    ("question", "told", "step"),
    [
        # the sentence about the work names people of other roles, never its maker
        (
            "Who designed the boathouse at Gull Point?",
            "The Gull Point boathouse was demolished and rebuilt between 2009 and 2011 at a "
            "cost of 3.2 million pounds, most of it met by Henry Calloway.",
            "designed",
        ),
        (
            "Who restored the old manager's villa?",
            "A meteorological station staffed by Nils Havdal was opened in the old manager's "
            "villa in 1963.",
            "restored",
        ),
    ],
)
def test_a_who_question_of_a_making_the_answer_never_tells_is_refused(
    question: str, told: str, step: str
) -> None:
    assert maker_untold(question, [told]) == step


@pytest.mark.parametrize(
    ("question", "told"),
    [
        # the making told, in another form or as a noun
        ("Who designed the Bourse Palace?", "The Bourse Palace was designed by Ada Voss."),
        ("Who restored the refractor?", "Its restoration in 1990 was the work of Tom Hale."),
        # a maker named by the noun of a maker, without the verb
        ("Who designed the schoolhouse?", "The schoolhouse, by the architect Edwin Larch."),
        # a step that is no making: told in other words as often as in its own
        ("Who built the town?", "The company laid out the town of Corran Falls in 1881."),
    ],
)
def test_a_who_question_of_a_making_told_or_of_another_step_is_kept(
    question: str, told: str
) -> None:
    assert maker_untold(question, [told]) is None


def test_the_event_word_is_the_rarest_word_written_that_is_no_name_nor_a_kind_word() -> None:
    tokens = tokenize("How many Ant Financial employees cried during the review in 2016?")
    rarity = {t: 1.0 for t in tokens}
    cried = tokenize("cried")[0]
    rarity[cried] = 3.0
    rarity[tokenize("Financial")[0]] = 5.0  # a name: never the event
    assert event_word(tokens, tokenize("Ant Financial"), rarity) == cried
    # "year" asks for the kind of answer, not about an event
    tokens = tokenize("In what year was the dock closed?")
    rarity = {t: 1.0 for t in tokens} | {tokenize("year")[0]: 4.0, tokenize("dock")[0]: 2.0}
    assert event_word(tokens, (), rarity) == tokenize("dock")[0]
    # a word the article never writes (no rarity) singles out nothing
    assert event_word(tokenize("When was it repealed?"), (), {}) is None
    # a preposition or a light verb tells no event, however rarely the article writes it
    tokens = tokenize("How long does Ebbe take to go around Halvard?")
    rarity = {t: 1.0 for t in tokens} | {tokenize("around")[0]: 6.0, tokenize("take")[0]: 5.0}
    assert event_word(tokens, tokenize("Ebbe Halvard"), rarity) is None
    # a verb of lasting is told by a span, and "last" is any text's ordinal ("the last ruler")
    tokens = tokenize("Until what year did the Northern Sarun last?")
    rarity = {t: 1.0 for t in tokens} | {tokenize("last")[0]: 6.0}
    assert event_word(tokens, tokenize("Northern Sarun"), rarity) is None
    # a step into a role is told by the role ("... as the company's new CEO"), and the
    # stemmer parts "become" from "became": the verb singles out no event
    tokens = tokenize("When did Jing Xiandong become CEO?")
    rarity = {t: 1.0 for t in tokens} | {tokenize("become")[0]: 6.0}
    assert event_word(tokens, tokenize("Jing Xiandong"), rarity) == tokenize("CEO")[0]


def test_a_phrase_pinning_the_event_to_another_gives_no_event_word_while_others_do() -> None:
    question = "When did Zheshang Insurance step in on the Zhaocaibao default?"
    assert pinning_words(question) == frozenset(tokenize("Zhaocaibao default"))
    tokens = tokenize(question)
    rarity = {t: 1.0 for t in tokens} | {tokenize("default")[0]: 5.0, tokenize("step")[0]: 3.0}
    assert event_word(tokens, (), rarity, pinning_words(question)) == tokenize("step")[0]
    # its own words written nowhere: told in other words, no event read of the pinning one
    assert event_word(tokens, (), {tokenize("default")[0]: 5.0}, pinning_words(question)) is None
    # the pinning phrase alone: its word is the event ("How many cried during the review?")
    question = "How many were there during the review?"
    tokens = tokenize(question)
    review = tokenize("review")[0]
    assert event_word(tokens, (), {review: 2.0}, pinning_words(question)) == review
    # not a thing's own phrase ("of"), nor a time asked ("In what year")
    assert pinning_words("In what year was the cost of the bridge paid?") == frozenset()


def test_a_month_names_no_one() -> None:
    question = "Who was fired over the circle incident?"
    told = "In November 2016, a circle incident occurred in the life circles."
    assert no_one_told(question, [told], COMMON | {"in"})


def _told(text: str, holds: bool = False) -> tuple[frozenset[str], str, bool]:
    return frozenset(tokenize(text)), text, holds


CRIED = "How many Ant Financial employees cried during the strategy review?"
OLD_HANDS = _told("Old employees recall when there were hundreds of people.", holds=True)


def test_an_event_told_without_a_figure_while_the_figure_is_of_something_else() -> None:
    topic = tokenize(CRIED)
    cried = tokenize("cried")[0]
    telling = [_told("Many people cried during the review."), OLD_HANDS]
    assert event_without_figure(cried, topic, telling, [OLD_HANDS[0]])


@pytest.mark.parametrize(
    "told",
    [
        # the sentence telling the event gives a figure, of any kind
        _told("Many people cried during the review, 22 of them managers."),
        # it tells the event, and the sentence that would answer is beside it
        _told("Many people cried during the review.", holds=True),
        # one word of the question in passing is no telling of the event
        _told("Nobody cried."),
    ],
)
def test_an_event_told_with_a_figure_or_only_in_passing_is_kept(
    told: tuple[frozenset[str], str, bool],
) -> None:
    topic = tokenize(CRIED)
    cried = tokenize("cried")[0]
    assert not event_without_figure(cried, topic, [told, OLD_HANDS], [OLD_HANDS[0]])
    # and whatever the others say, the sentences that would answer tell of it themselves
    quoted = frozenset(tokenize("Employees cried as 200 people watched."))
    assert not event_without_figure(cried, topic, [_told("Many cried in review.")], [quoted])


def test_an_answer_holding_more_of_the_question_tells_the_event_in_other_words() -> None:
    question = "How many prefab houses were put up under the Rapid Dwelling Programme?"
    topic = tokenize(question)
    house = tokenize("houses")[0]
    studies = _told("He produced studies for prefabricated emergency housing.")
    homes = frozenset(
        tokenize("Under the Rapid Dwelling Programme 6,800 prefabricated homes were put up.")
    )
    assert not event_without_figure(house, topic, [studies], [homes])
    # an answer holding no more of the question than the event's sentence is of another fact
    other = frozenset(tokenize("The prefabricated panel stayed in production until 1958."))
    assert event_without_figure(house, topic, [studies], [other])
    # and so is one giving no figure in digits, however many of its words it holds
    vague = frozenset(tokenize("Under the Rapid Dwelling Programme hundreds of homes went up."))
    assert event_without_figure(house, topic, [studies], [vague])


@pytest.mark.parametrize(
    ("question", "passages", "refusal"),
    [
        (
            "Why did Peng Lei refuse to apologize for the circle incident?",
            ["From this perspective, Peng Lei actually does not need to apologize."],
            "refuse",
        ),
        (
            "What did they do after the insurer refused to fulfil its obligations?",
            ["Although the insurer fulfilled its guarantee obligations, it was under pressure."],
            "refused",
        ),
        ("Who turned down the canal bill?", ["The canal bill passed in 1885."], "turned"),
        ("Why did the mayor decline to sign it?", ["The mayor signed it in May."], "decline"),
    ],
)
def test_a_refusal_the_passages_never_tell_of_is_untold(
    question: str, passages: list[str], refusal: str
) -> None:
    assert event_untold(question, passages) == refusal


@pytest.mark.parametrize(
    ("question", "passages"),
    [
        # told in other words of refusing, or as "would not"
        ("Why was Lannock's bid rejected?", ["The board refused Lannock's bid as too late."]),
        ("Who turned down the design?", ["Parliament rejected the design for a canal."]),
        ("Why did the king refuse to sign?", ["The king would not sign the charter."]),
        # "decline" as a fall is no refusal
        ("What caused the decline of the salt trade?", ["The salt trade fell after 1850."]),
        ("Why did she apologize?", ["She apologized while on a business trip."]),
    ],
)
def test_a_refusal_told_or_none_asked_is_kept(question: str, passages: list[str]) -> None:
    assert event_untold(question, passages) is None


def test_a_place_within_the_only_place_the_answer_gives_is_untold() -> None:
    told = "Peng Lei apologized while on a business trip in the United States."
    assert only_larger_place("Which US city was Peng Lei in?", [told]) == "United States"
    assert only_larger_place("in which Chinese city did he die?", ["He died in China."])
    # the sentence gives a place within it, or another place than the larger one
    assert only_larger_place("Which US city was she in?", [told[:-1] + ", in Boston."]) is None
    assert only_larger_place("Which US city was she in?", ["She was in Boston."]) is None
    # no larger place asked ("which city"), or a sentence not naming it
    assert only_larger_place("Which city was Peng Lei in?", [told]) is None
    assert only_larger_place("Which Irish port was it?", ["It sailed from Iran."]) is None


def test_a_total_asked_where_only_the_doers_of_an_event_are_counted_is_untold() -> None:
    told = (
        "In October 2016, at the Huanglong Sports Center, witnessed by more than 7,000 "
        "Ant Financial employees, the company's top management completed the transition."
    )
    assert total_untold("How many employees did Ant Financial have in total in 2016?", [told])
    # not asked as a total, or a figure not after "by" (a whole, or another count)
    assert not total_untold("How many employees watched the transition?", [told])
    assert not total_untold(
        "How many strikers were arrested in total?", ["About 320 strikers were arrested."]
    )
    assert not total_untold("How many staff did it have in all?", [told + " It had 9,000."])
    assert not total_untold("How many people came in total?", ["No figure here."])


def test_a_dismissal_the_passages_never_tell_of_is_untold() -> None:
    passages = ["In November 2016 a circle incident occurred and caused a stir."]
    assert event_untold("Which executive was fired over the incident?", passages) == "fired"
    # told as a stepping down, or "fired" furnaces told as fired
    assert event_untold("Who was dismissed?", ["The chairman stepped down in May."]) is None
    assert event_untold("When was the furnace fired?", ["It was first fired in 1840."]) is None


def test_an_answer_giving_only_the_figure_the_question_states_gives_none() -> None:
    told = [
        "At the same time, she convened 22 members of the company's management team to "
        "reflect deeply and apologized by sending an internal letter."
    ]
    asked = "How many of the 22 management team members resigned?"
    assert figures_only_asked(asked, told) == "22"
    assert (
        figures_only_asked(
            "How many people live in the three districts?", ["in the three districts"]
        )
        == "three"
    )
    # another figure told (in digits, in words, a fraction, "all"), or none stated
    assert figures_only_asked(asked, [*told, "Four of them resigned."]) is None
    assert figures_only_asked(asked, ["Of the 22, 5 resigned."]) is None
    assert figures_only_asked(asked, ["All 22 members resigned."]) is None
    assert figures_only_asked(asked, ["A quarter of the 22 members resigned."]) is None
    assert figures_only_asked("How many members resigned?", told) is None


def test_a_year_or_a_date_asked_where_the_answer_writes_none_is_untold() -> None:
    told = [
        "In the fourteenth century the theologian Margery Lisle composed commentaries on "
        "the Psalms."
    ]
    assert time_untold("In what year did Margery Lisle become rector?", told) == "year"
    assert time_untold("What year did Lisle write the commentaries?", told) == "year"
    assert time_untold("On what date did Lisle write them?", told) == "date"
    # a year written (three digits too), a date written, or a time that need be neither
    assert time_untold("In what year did she write?", ["She wrote them in 1341."]) is None
    assert time_untold("In which year did Rollo arrive?", ["Rollo arrived in 911."]) is None
    assert time_untold("On what date did she write?", ["She wrote on 3 May."]) is None
    assert time_untold("On which day did the market meet?", ["It met every Tuesday."]) is None
    assert time_untold("When did Margery Lisle write the commentaries?", told) is None
    # a month alone is no date: it does not tell the day ("what exact day" asks one too)
    in_month = ["In November 2016, a circle incident occurred in the life circles."]
    assert time_untold("On what date did the incident start?", in_month) == "date"
    assert time_untold("What exact day did the incident start?", in_month) == "date"
    assert time_untold("On what date did it start?", ["It started on November 3."]) is None
    assert time_untold("On what date did it start?", ["It started on the 3rd of May."]) is None


def test_a_month_asked_where_the_answer_gives_only_a_year_is_untold() -> None:
    won = ["Only two have ever won the Masters: Emil Strand in 1958 and Nils Ekwall in 1994."]
    assert time_untold("In what month did Emil Strand die?", won) == "month"
    assert time_untold("Which month was the result published?", ["It appeared in 2016."]) == (
        "month"
    )
    # a month by name (never the verb "may"), a short form, or a season
    assert time_untold("In what month did it open?", ["It may open in 1990."]) == "month"
    assert time_untold("In what month is it held?", ["It is held in October."]) is None
    assert time_untold("In what month did it open?", ["It opened in Sept. 1990."]) is None
    assert time_untold("In what month did it flood?", ["It flooded in the spring."]) is None
    # "what time of year" may be answered in other words ("during the monsoon")
    assert time_untold("At what time of year are outbreaks common?", won) is None


def test_a_time_of_day_asked_where_the_answer_gives_no_clock_is_untold() -> None:
    dated = ["The line was opened to passengers on 14 September 1891."]
    assert time_untold("At what time did the train enter the tunnel?", dated) == "time of day"
    assert time_untold("What time did the train leave?", dated) == "time of day"
    assert time_untold("At what time of day did lectures finish?", dated) == "time of day"
    assert time_untold("At what hour did it open?", dated) == "time of day"
    # the clock in any form, or a part of the day
    for told in ("It left at 2:15 p.m.", "It began at 04:40.", "Sisters rise at 5 am.",
                 "They met at nine o'clock.", "It sailed shortly before dawn.",
                 "It left at 3 P.M.", "It left at half past three."):  # fmt: skip
        assert time_untold("At what time did it leave?", [told]) is None, told
    # a time period or a time of year asks no clock
    assert time_untold("At what time period did the line open?", dated) is None
    assert time_untold("What time period does the study cover?", dated) is None
    assert time_untold("At what time in history did the line open?", dated) is None
    assert time_untold("At what time of his life did he build it?", dated) is None
    assert time_untold("At what time of night did it leave?", dated) == "time of day"


def test_a_quantity_asked_by_a_unit_of_time_where_the_answer_gives_none_is_untold() -> None:
    holds = ["The museum holds about 8,000 pieces of Pellwick glass."]
    assert rate_untold("How many visitors does the museum receive each year?", holds) == "year"
    assert rate_untold("How much did it pay annually?", holds) == "year"
    assert rate_untold("How many trains ran per day?", holds) == "day"
    # a sum over a span is no rate
    span = ["Vessano paid an indemnity of 60,000 florins over ten years."]
    assert rate_untold("How much did Carvenna receive each year?", span) == "year"
    # a rate in any form of the unit asked
    for told in ("It paid 8,000 scudi a year.", "It paid 8,000 scudi per annum.",
                 "It paid an annual rent of 800 scudi.", "It paid 800 scudi every two years.",
                 "It paid 800 scudi yearly."):  # fmt: skip
        assert rate_untold("How much did Carvenna receive each year?", [told]) is None, told
    assert rate_untold("How many trains ran per day?", ["40 trains ran daily."]) is None
    # a quantity asked without a unit of time, or no quantity asked
    assert rate_untold("How many visitors came in 1990?", holds) is None
    assert rate_untold("What did the museum receive each year?", holds) is None
    # a rate told elsewhere near, with a word of the question: the answer looked wrongly
    treaty = ("Lombrise paid an annual subsidy of 8,000 scudi under the treaty.",)
    near = [(text, frozenset(tokenize(text))) for text in treaty]
    asked = "How much did Carvenna receive each year under the treaty?"
    topic = tokenize("Carvenna receive treaty")
    assert rate_untold(asked, span, topic, near) is None
    assert rate_untold(asked, span, tokenize("Carvenna receive"), near) == "year"


@pytest.mark.parametrize(
    ("question", "texts", "noun"),
    [
        # counted, never named: how many, not which
        (
            "which malaria studies had she overseen before?",
            [
                "Oversight was provided by a board chaired by the Kestrandian biostatistician "
                "Helga Raumsted, who had previously overseen two malaria vaccine studies."
            ],
            "studies",
        ),
        (
            "Which other strengths were withdrawn together with the 80 mg tablet?",
            ["The company withdrew the 80 mg tablet and two other strengths in 2001."],
            "strengths",
        ),
        # named in the clause after the count: answered
        (
            "Which two colleges were merged?",
            ["Two colleges, Annaby and Trinity, were merged for lack of members in 1788."],
            None,
        ),
        # named in the count's own clause
        (
            "Which kingdom was the first to fall?",
            ["His cavalry overran the three lowland kingdoms of Veshan, Pallu and Ormikand."],
            None,
        ),
        # another sentence names them without the noun
        (
            "Which country had the lowest ratio?",
            [
                "The atlas estimated the ratio for fourteen countries.",
                "By 1980 values ranged from 5.1 in Nordvaal to 63.5 in Qasimar.",
            ],
            None,
        ),
        # not counted ("Several variants"), or not asked with "which"
        ("Which variant was built most?", ["Several variants were produced."], None),
        ("How many studies had she overseen?", ["She had overseen two studies."], None),
    ],
)
def test_a_which_question_is_refused_where_the_article_only_counts_what_it_asks(
    question: str, texts: list[str], noun: str | None
) -> None:
    assert only_counted(question, texts) == noun


_HALL = "The hall, which cost 19 million euros, holds the final rounds."


@pytest.mark.parametrize(
    ("question", "told", "figure", "counted"),
    [
        # a count of a unit of time is a length of time, not a count of anything else
        (
            "How many days did the meetings last?",
            "Many staff remember when there were hundreds of people in the company.",
            "hundreds",
            "days",
        ),
        (
            "Within how many days must the panel act?",
            "It created a panel of seven independent experts.",
            "seven",
            "days",
        ),
        ("How many days did the march take?", "It covered 287 km in 23 days.", "23", None),
        ("How many days did the march take?", "It covered 287 km in 23 days.", "23 days", None),
        ("How many weeks did it last?", "The strike lasted nine long weeks.", "nine", None),
        # a count of things is no sum of money, after the figure or inside it
        ("How many spectators can the hall seat?", _HALL, "19 million", "spectators"),
        ("How many panes were replaced?", "The repair cost £46,000 in all.", "46,000", "panes"),
        ("How many spectators can it seat?", "It seats 1,200 spectators.", "1,200", None),
        # a count of a currency, a word joined on by a hyphen, "how much": kept
        ("How many pounds was the fine?", "The fine was 300 pounds.", "300", None),
        (
            "How many second-class passengers did it carry?",
            "It carried 530 second-class passengers and cost £40,000.",
            "530",
            None,
        ),
        ("How much did the hall cost?", _HALL, "19 million", None),
    ],
)
def test_a_count_is_not_answered_by_a_figure_of_another_kind(
    question: str, told: str, figure: str, counted: str | None
) -> None:
    at = told.index(figure)
    assert figure_of_other_kind(question, told, at, at + len(figure)) == counted


@pytest.mark.parametrize(
    ("told", "figure", "counts"),
    [
        ("She ringed the first 212 birds at Lake Tervasso in 1952.", "212", True),
        ("The site lies 700 kilometres north of the capital.", "700", True),
        ("The centre was rebuilt for 940 million kroner.", "940", True),
        # a year: as written, or after a word dating by it, or before no counted noun
        ("Since 2008 dispensers have also been permitted to vaccinate.", "2008", False),
        ("In 991 raiders sacked the abbey.", "991", False),
        ("Marrick is first recorded in 868, when the king granted it.", "868", False),
        ("The fire broke out at the 900-foot level.", "900", False),
        ("Only 400 were sold.", "400", False),
    ],
)
def test_a_time_is_not_answered_by_a_count(told: str, figure: str, counts: bool) -> None:
    at = told.index(figure)
    assert counts_for_time(told, at, at + len(figure)) is counts


def test_a_part_asked_where_the_answer_counts_only_the_whole_set_is_untold() -> None:
    whole = "The fleet comprised 30 warships and 12 galleys carrying 900 marines."
    asked = "How many of the fleet's galleys were captured?"
    # "12 galleys" counts the set the question asks a part of, and nothing counts a part
    assert part_untold(asked, " galleys carrying 900 marines.", [whole]) == "galleys"
    # a part told: "N of ...", "of whom N", "N were ..."
    for told in (
        "Of the 12 galleys, 5 were captured and the rest escaped.",
        "The fleet had 12 galleys, of which three were captured.",
        "Only 5 of its 12 galleys were captured.",
        "The remaining 7 galleys were captured off the cape.",
    ):
        assert part_untold(asked, " galleys", [told]) is None
    # the figure counts something the question does not name, or ends the clause
    assert part_untold(asked, " marines.", [whole]) is None
    assert part_untold(asked, ", while", [whole]) is None
    # not asked of a part of a named set
    assert part_untold("How many galleys were captured?", " galleys", [whole]) is None
    assert part_untold("How many of them were captured?", " galleys", [whole]) is None
    assert asks_part(asked) and not asks_part("How many of them were captured?")
