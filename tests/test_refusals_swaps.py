"""Refusals of a question that swaps a rank, a step's doer or a word for its opposite
(:func:`antqa.refusals.rank_swapped`, :func:`antqa.refusals.degree_swapped`,
:func:`antqa.refusals.step_of_another`, the word pairs of
:func:`antqa.refusals.opposite_word`), each next to the question kept."""

from __future__ import annotations

import pytest

from antqa.answering import NOT_COVERED
from antqa.refusals import (
    asks_rank,
    asks_side,
    degree_swapped,
    doer_reversed,
    figure_of_another,
    figure_told_apart,
    never_done,
    opposite_word,
    owned_by_another,
    periods,
    plain_words,
    rank_swapped,
    rank_told,
    ranks_in_words,
    ranks_one,
    side_told,
    step_of_another,
    time_conflict,
)


def test_a_step_is_the_names_when_any_sentence_tells_it_of_them() -> None:
    shared = "Each school received 300 books, with the rest distributed to libraries."
    own = "Dunmore reported 900 requests, and the school held a draw to distribute them."
    asked = "How did Dunmore distribute its books?"
    assert step_of_another(asked, [(shared, []), (own, [])]) is None
    # told only of others, it is still someone else's step
    other = "Kelby reported 900 requests, and Kelby held a draw to distribute them."
    assert step_of_another(asked, [(shared, []), (other, [])]) == ("Dunmore", "distribute")


def test_a_step_told_in_the_passive_with_its_doer_after_by_is_that_doers() -> None:
    told = (
        "Bishop Wrenn remained Chancellor until 1299 and was succeeded in that office by "
        "Abbot Gervase of Lenholm."
    )
    asked = "Whom did Bishop Wrenn succeed as Chancellor?"
    assert step_of_another(asked, [(told, [])]) == ("Bishop Wrenn", "succeed")
    # the one after "by" took it; told actively, the name before is the doer
    assert step_of_another("Whom did Abbot Gervase succeed?", [(told, [])]) is None
    active = "Bishop Wrenn succeeded Abbot Gervase as Chancellor in 1290."
    assert step_of_another(asked, [(active, [])]) is None
    # asked in the passive, the name before a passive step is what it was done to
    built = "The bridge was designed in 1290 by Bishop Wrenn."
    assert step_of_another("When did Bishop Wrenn design the bridge?", [(built, [])]) is None


def test_a_doer_may_be_set_off_after_the_step_or_described_before_it() -> None:
    judge = "The only dissenting judge, Ostrian national Ivo Ralke, argued the data were wrong."
    assert step_of_another("Why did Ivo Ralke dissent?", [(judge, [])]) is None
    assert step_of_another("Why did Anna Prell dissent?", [(judge, [])]) is not None
    city = "During the War of the Nine Lords the city was besieged for 11 weeks."
    before = ["Tarrow grew rich on wool.", "A fire burnt the old town in 1593."]
    assert step_of_another("For how long was Tarrow besieged?", [(city, before)]) is None
    assert step_of_another("For how long was Dellby besieged?", [(city, before)]) is not None


def test_a_step_told_as_the_noun_of_a_possessive_is_the_one_named_before() -> None:
    """ "written after his dismissal from Brennholm": he was dismissed, whom the sentences
    before name (the nineteenth unseen batch refused "On what grounds was Oald dismissed
    from Brennholm?" as 'it never names Oald'). Only right before the step's word: "his
    son Ottone was dismissed" is the son's step."""
    told = "His later book, written after his dismissal from Brennholm for sedition, sold well."
    before = ["The jurist Casimir Oald lectured at Brennholm.", "Oald argued for credit."]
    asked = "On what grounds was Oald dismissed from Brennholm?"
    assert step_of_another(asked, [(told, before)]) is None
    assert step_of_another("Why was Vennick dismissed?", [(told, before)]) is not None
    son = "His son Ottone was dismissed from Brennholm."
    assert step_of_another(asked, [(son, before)]) is not None


@pytest.mark.parametrize(
    ("question", "told", "swapped"),
    [
        (
            "How much traffic did the canal carry in its second year?",
            "Traffic in the first year was only 925,000 tonnes.",
            ("second year", "first year"),
        ),
        (
            "What killed most patients in the first week of illness?",
            "Most patients who die do so from kidney failure in the second week.",
            ("first week", "second week"),
        ),
        (
            "How many people died in the last recorded outbreak?",
            "The first recorded outbreak killed 214 people.",
            ("last recorded", "first recorded"),
        ),
    ],
)
def test_a_rank_asked_of_a_thing_the_text_ranks_otherwise_is_swapped(
    question: str, told: str, swapped: tuple[str, str]
) -> None:
    assert rank_swapped(question, [told]) == swapped
    # the text gives the question's rank too: it may well answer
    assert rank_swapped(question, [told, f"In the {swapped[0]} it changed."]) is None


def test_a_rank_is_not_swapped_when_another_sentence_tells_the_thing_unranked() -> None:
    """The building a sentence tells of with no rank may be the first one asked of."""
    asked = "Where did the company perform after the first building burned down?"
    second = "The second building burned on 22 August 1907, when wiring ignited the paint store."
    assert rank_swapped(asked, [second]) == ("first building", "second building")
    burned = "Within three hours the building had burned to the ground."
    assert rank_swapped(asked, [second, burned]) is None
    # "the later waves" is no first wave; "the largest city" is the first, not the fifth
    waves = "Sailors suffered most in the first wave. The later waves were milder."
    assert rank_swapped("Who suffered most in the second wave?", [waves]) is not None
    largest = "Marrowick is the largest city, and the fourth-largest in Caldria."
    assert rank_swapped("What is the fifth-largest city in Caldria?", [largest]) is not None


def test_a_rank_is_read_only_before_the_same_thing() -> None:
    told = "The first keeper served for twenty-two years."
    assert rank_swapped("What did the keeper do in his second year?", [told]) is None
    assert rank_swapped("Who was the first keeper?", [told]) is None
    # "last" and "final" say the same
    assert rank_swapped("When was the final voyage?", ["Its last voyage was in 1931."]) is None
    # "opening" is first and "closing" last: no swap with "first", a swap with "fourth"
    opening = "Kell dominated the opening quarter and led 21-12 at its close."
    asked = "What was the score at the end of the first quarter?"
    assert rank_swapped(asked, [opening, "The fourth quarter belonged to Brannock."]) is None
    assert rank_swapped("Who led in the fourth quarter?", [opening]) == (
        "fourth quarter",
        "first quarter",
    )
    # "the first of", "a second time": no thing ranked
    assert rank_swapped("When was it closed a second time?", ["It closed the first time."]) is None


def test_a_rank_told_of_the_thing_asked_in_other_words_is_no_swap() -> None:
    """A rank ranks the words after it up to a function word ("its final revenue service"):
    the final service is told, though "final" stands before another word than the
    question's, and the first service beside it is another one."""
    told = (
        "Halmair flew its final revenue service with the type on 28 March 2004, commanded by "
        "Captain Olav Restrand, who had also flown the airline's first Corvane service."
    )
    assert rank_swapped("Who commanded Halmair's final Corvane service?", [told]) is None
    assert rank_swapped("Who commanded Halmair's second Corvane service?", [told]) == (
        "second Corvane",
        "first Corvane",
    )
    # the rank's words share nothing with the question's: still a swap
    assert rank_swapped("Who commanded its last Corvane flight?", [told]) is not None


def test_a_step_told_without_the_name_asked_is_told_of_another() -> None:
    told = "Kaarvig's analysis, published in 1933 in the Tessel Bulletin, named the mineral."
    asked = "In which year did Piet Ommeren publish his analysis?"
    assert step_of_another(asked, [(told, [])]) == ("Piet Ommeren", "publish")
    jailed = "Kolvik was imprisoned for eight months in 1875 for a pamphlet."
    assert step_of_another("How long was Per Almgren imprisoned?", [(jailed, [])]) == (
        "Per Almgren",
        "imprisoned",
    )
    # the sentence names them: it tells of their step
    assert step_of_another("In which year did Kaarvig publish her analysis?", [(told, [])]) is None
    assert step_of_another("How long was Kolvik imprisoned?", [(jailed, [])]) is None


def test_a_pronoun_may_stand_for_the_name_told_just_before() -> None:
    married = "In 1886 he married Clara Voss, the daughter of a bookbinder."
    before = ["Rookwood moved to London.", "He worked as a compositor."]
    assert step_of_another("Who did Rookwood marry in 1886?", [(married, before)]) is None
    # but only within the sentences just before
    far = ["Rookwood moved to London.", "The firm set catalogues.", "It printed timetables."]
    assert step_of_another("Who did Rookwood marry in 1886?", [(married, far)]) is not None
    # a capitalised word is a name, no step ("how did Peng Lei ant ..." glossed word by word)
    ant = ("Ant Financial grew fast under her.", [])
    assert step_of_another("How did Peng Lei ant gold clothes?", [ant]) is None
    # a word after "the" may be more of the name, not a step: "the Varn cliff salamander"
    bred = "It bred in cliff crevices."
    assert step_of_another("When did the Varn cliff salamander breed?", [(bred, [])]) is None


@pytest.mark.parametrize(
    ("question", "told", "swapped"),
    [
        ("What did Ann's younger daughter become?", "The elder became a painter.", ("younger", "elder")),
        ("When was the centenary of her birth?", "It marked fifty years since her death.", ("birth", "death")),
        ("What is paid when margins fall below 10 percent?", "A bonus is paid when margins exceed 10 percent.", ("below", "exceed")),
        ("How many visitors come every winter?", "Every summer 6,000 visitors come.", ("winter", "summer")),
        ("Which lock lost its pumps?", "The upper lock retains its pumps.", ("lost", "retains")),
        ("By how much was the motion defeated?", "The motion passed by 302 votes.", ("defeated", "passed")),
        ("How many children survived?", "Two children died in the epidemic.", ("survived", "died")),
        ("Who ordered the voluntary evacuation?", "The governor ordered a compulsory evacuation.", ("voluntary", "compulsory")),
        ("When was the toll abolished?", "The toll was introduced in 1905.", ("abolished", "introduced")),
        ("How many did the flood injure?", "The flood killed 161 people.", ("injure", "killed")),
        ("Who criticised the terraces?", "The terraces were praised by Agnes Thorvald.", ("criticised", "praised")),
        ("When was the zone reduced?", "The zone was extended in May.", ("reduced", "extended")),
        ("How many women worked on the docks?", "About 2,400 men worked on the docks.", ("women", "men")),
        ("What is the largest public employer?", "The largest private employer is Halvard Optics.", ("public", "private")),
        ("Who was the first man to lead it?", "In 1990 it elected its first woman chair.", ("man", "woman")),
        ("When was the wooden quay wall built?", "The first stone quay wall was completed in 1812.", ("wooden", "stone")),
        ("Who cast the first metal type?", "He carved the first timber type.", ("metal", "timber")),
        ("How many secondary objectives were met?", "It met 11 of its 13 primary objectives.", ("secondary", "primary")),
        ("When did the trust demolish the warehouse?", "The trust restored the warehouse.", ("demolish", "restored")),
        ("By how much did the buyers raise their prices?", "The buyers cut their prices by a third.", ("raise", "cut")),
    ],
)  # fmt: skip
def test_a_word_of_a_pair_asked_where_the_other_is_told(
    question: str, told: str, swapped: tuple[str, str]
) -> None:
    assert opposite_word(question, plain_words(told)) == swapped
    assert opposite_word(question, plain_words(f"{told} And {swapped[0]} too.")) is None


LIGHTHOUSE = (
    "The Skarn Lighthouse stands on Gull Point. It was designed by the engineer Oskar "
    "Lindqvist and first lit in 1872. Its first keeper, Henrik Aalto, served for twenty-two "
    "years. In its first year the light burned 3,000 litres of paraffin. Every summer about "
    "6,000 visitors climb the 156 steps.\n\n"
    "The tower was repaired in 1923. Fog horns were added in 1931. The Tarsk Hostel, opened in "
    "1992, fills the keeper's house. Gulls nest on the gallery. Boats call at the jetty twice a week.\n"
)

#: Questions swapping a rank, a step's doer, a season or who did what, why each is refused, and the
#: question as the article would answer it.
SWAPS = [
    ("How much paraffin did the light burn in its second year?",
     'where it tells of this, it says "first year", not "second year"',
     "How much paraffin did the light burn in its first year?"),
    ("How many years did Oskar Lindqvist serve?",
     'where it tells of "serve", it never names Oskar Lindqvist',
     "How many years did Henrik Aalto serve?"),
    ("How many visitors climb the steps every winter?",
     'where it tells of this, it says "summer", not "winter"',
     "How many visitors climb the steps every summer?"),
    ("Who opened the Tarsk Hostel?", 'it never says who "opened" Tarsk Hostel',
     "When was the Tarsk Hostel opened?"),
]  # fmt: skip


def test_a_swapped_rank_doer_season_or_deed_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_answering import _service_over

    service = _service_over(LIGHTHOUSE, tmp_path)
    answers = {asked: service.ask(asked) for swap in SWAPS for asked in (swap[0], swap[2])}
    refused = {asked: answers[asked].answer for asked, _, _ in SWAPS}
    assert refused == {asked: NOT_COVERED.format(reason=f" — {why}") for asked, why, _ in SWAPS}
    assert all(answers[kept].answerable for _, _, kept in SWAPS)


def test_a_step_the_name_took_is_theirs_only_when_told_as_theirs() -> None:
    signed = "In 911 Rollo signed a treaty with King Charles and received lands."
    assert step_of_another("Who did King Charles sign a treaty with?", [(signed, [])]) == (
        "King Charles",
        "sign",
    )
    assert step_of_another("Who did Rollo sign a treaty with?", [(signed, [])]) is None
    # told after the step with "by", or after "to" as who was first to take it
    by = "The treaty was signed by Rollo in 911."
    assert step_of_another("When did Rollo sign the treaty?", [(by, [])]) is None
    first = "The first knight to serve the emperor was Herve in the 1050s."
    assert step_of_another("When did Herve serve the emperor?", [(first, [])]) is None
    # the step's own clause names who took it, when it names anyone
    other = "Under its terms Calderra granted a lease, and Varnholt signed the pact in 1871."
    assert step_of_another("When did Calderra sign the pact?", [(other, [])]) == (
        "Calderra",
        "sign",
    )
    both = "Under its terms Calderra granted a lease and signed the pact in 1871."
    assert step_of_another("When did Calderra sign the pact?", [(both, [])]) is None
    # a past form of its own is the step too ("pay", "paid")
    paid = "Calderra granted a lease, and Varnholt paid 12 million crowns."
    assert step_of_another("How much did Calderra pay?", [(paid, [])]) == ("Calderra", "pay")
    assert step_of_another("How much did Varnholt pay?", [(paid, [])]) is None
    # a clause calling its doer "the country" leaves it to the clauses before
    later = "Ostavia won a vote in 1962; three years later the country won a war."
    assert step_of_another("When did Ostavia win a war?", [(later, [])]) is None
    # done to the name ("was X invaded"): anywhere in the sentence
    invaded = "William invaded Scotland in 1072."
    assert step_of_another("When was Scotland invaded?", [(invaded, [])]) is None


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("Who replaced the Normans as the ruling class?", "The Normans replaced the Saxons as the ruling class."),
        ("Who founded the Elsmere Trust?", "A heritage group, the Elsmere Trust, founded in 2003, runs trains."),
        ("Who succeeded Owen Sallis as head?", "Dr. Mirell was succeeded by her deputy, Owen Sallis."),
    ],
)  # fmt: skip
def test_a_who_question_about_the_doer_itself_is_reversed(question: str, told: str) -> None:
    assert doer_reversed(question, [told]) is not None


def test_a_doer_after_and_is_another_steps() -> None:
    """ "built in 1887 and restored by volunteers": the volunteers restored it."""
    told = "The collection includes a keel, the Patience, built in 1887 and restored by volunteers."
    assert doer_reversed("Who built the Patience?", [told]) is not None


@pytest.mark.parametrize(
    "told",
    [
        "The Saxons were replaced by the Normans as the ruling class.",  # passive
        "The Elsmere Trust was founded by Ann Cole in 2003.",
        "The Elsmere Trust, founded by Ann Cole, runs trains.",
        "The Elsmere Trust, founded in 1888 by Ann Cole, runs trains.",  # words before "by"
        # a place and a year before "by"
        "The largest was the Elsmere Trust, founded in Oakham in 1888 by Ann Cole, which ran trains.",
        # the doer's clause ends at the comma: the trust after it is not who founded it
        "The Elsmere Trust, founded by the banker Ann Cole in 1903, is one of three trusts.",
        "In 1066 the Normans came, and William replaced the Saxon lords.",  # another doer
        # an appositive's participle tells what was done to the trust, its founder past a place
        "It sold the line to the Elsmere Trust, a charity founded in the county town, Oakham, by Ann Cole.",
    ],
)  # fmt: skip
def test_a_who_question_is_kept_where_someone_else_is_the_doer(told: str) -> None:
    for question in ("Who replaced the Saxon lords?", "Who founded the Elsmere Trust?"):
        assert doer_reversed(question, [told]) is None


def test_a_doer_named_after_what_it_does_is_no_reversal() -> None:
    """The name on both sides of the step is no sign of a swap: "Emberlin disease ...
    caused by the mould Calyptora emberlinae" tells what causes Emberlin disease."""
    told = "Emberlin disease is a disease of tobacco caused by the mould Calyptora emberlinae."
    assert doer_reversed("What organism causes Emberlin disease?", [told]) is None
    swapped = "Greyleaf blight is a disease of tobacco caused by the mould Calyptora emberlinae."
    assert doer_reversed("What organism causes Emberlin disease?", [swapped]) is not None


def test_a_figure_told_by_a_year_is_dated_at_that_year() -> None:
    by = "By 1900 the order ran 74 hospitals and 31 orphanages."
    assert time_conflict("How many orphanages did the order run in 1858?", by) is not None
    assert time_conflict("How many orphanages did the order run in 1900?", by) is None
    # asked "by" a year, any time up to it will do
    assert time_conflict("How many orphanages had it opened by 1900?", "In 1858 it ran 9.") is None
    assert periods("by 1900", told=True)[0].first == 1900
    assert periods("by 1900")[0].first < 1900
    assert periods("after 1918", told=True)[0].last > 1918  # only "by" pins its year


def test_a_hyphenated_rank_is_a_rank() -> None:
    told = "Kessby is the third-largest city in Caldria."
    assert rank_swapped("What is the fifth-largest city in Caldria?", [told]) == (
        "fifth largest",
        "third largest",
    )
    assert rank_swapped("What is the third-largest city in Caldria?", [told]) is None


def test_a_rank_told_as_following_someone_tells_the_ranks_before_it() -> None:
    told = "It made him the second Corlandic architect to receive it after Jonas Elvestad."
    assert rank_swapped("Who was the first Corlandic winner?", [told]) is None
    # without whom it follows, the first is not told
    alone = "It made him the second Corlandic architect to receive it."
    assert rank_swapped("Who was the first Corlandic winner?", [alone]) == (
        "first Corlandic",
        "second Corlandic",
    )
    # nor does it tell the ranks after it, nor follow anyone past its clause
    assert rank_swapped("Who was the third Corlandic winner?", [told]) is not None
    later = "He was the second Corlandic architect, and after Jonas Elvestad came others."
    assert rank_swapped("Who was the first Corlandic winner?", [later]) is not None


def test_a_step_the_sentences_say_was_never_taken() -> None:
    told = "The bloomery was abandoned in 1352 and never reopened."
    assert never_done("In which year was the bloomery reopened?", [told]) == "never reopened"
    costly = "The process has never been economical."
    assert never_done("Why has the process proved economical?", [costly]) == "never been economical"
    # the question denies too: it asks what the sentence tells
    assert never_done("Why was the bloomery never reopened?", [told]) is None
    # another sentence tells it was taken after all
    later = "The bloomery reopened in 1390."
    assert never_done("In which year was the bloomery reopened?", [told, later]) is None
    # "never" before another word than the question's
    assert never_done("In which year was the bloomery abandoned?", [told]) is None


def _at(sentence: str, figure: str) -> int:
    """Where ``figure`` (the answer's short answer) starts in ``sentence``."""
    return sentence.index(figure)


@pytest.mark.parametrize(
    ("question", "sentence", "figure", "other"),
    [
        (
            "How many songs did Hanna Oskel gather in the valley?",
            "In the nineteenth century the folklorist Ida Marensky collected more than 900 "
            "songs and tales in the valley.",
            "more than 900",
            ("Hanna Oskel", "Ida Marensky"),
        ),
        (
            "In what year was Grevell appointed a reader at the University of Brennick?",
            "Grevell, then a reader at the University of Brennick, replied that the tables "
            "seemed to support a stronger bound, and after a further year of calculation "
            "Osterlund adopted the square in his 1954 paper.",
            "1954",
            ("Grevell", "Osterlund"),
        ),
        (
            "In what year did Drummond become a justice?",
            "Drummond, who later became a justice herself, defended the ruling, whereas the "
            "historian Pieter Vandersloot criticised it in a 1983 article.",
            "1983",
            ("Drummond", "Pieter Vandersloot"),
        ),
        (
            "How many shares did King Edmund IV hold?",
            "The crown had been persuaded by a group of twenty-three merchants led by the "
            "wool dealer Tobias Vane.",
            "twenty-three",
            ("King Edmund IV", "Tobias Vane"),
        ),
    ],
)
def test_a_figure_in_a_clause_telling_of_another_doer_is_theirs(
    question: str, sentence: str, figure: str, other: tuple[str, str]
) -> None:
    assert figure_of_another(question, sentence, _at(sentence, figure)) == other


@pytest.mark.parametrize(
    ("question", "sentence", "figure"),
    [
        # the asked name in the figure's clause
        (
            "In what year did Pendrecht become a Fellow?",
            "Pendrecht was elected a Fellow in 1902, after Ida Marensky proposed him.",
            "1902",
        ),
        # the other doer is one the question names
        (
            "When was Harlow given leave to appeal to the Supreme Court?",
            "Harlow petitioned at once. The Supreme Court granted leave to appeal on 9 "
            "November 1970.",
            "9 November 1970",
        ),
        # asking who: the answer is the doer
        (
            "Who did Hanna Oskel marry in 1901?",
            "In 1901 the folklorist Ida Marensky married Tomas Berg.",
            "Tomas Berg",
        ),
        # a month after "by", a place before no past verb
        (
            "How many ships did Ralph Vane send?",
            "Ralph Vane, the admiral, sent the fleet; by March Twelve ships sailed from Corran.",
            "Twelve",
        ),
    ],
)
def test_a_figure_told_of_the_asked_doer_or_of_no_one_else_is_kept(
    question: str, sentence: str, figure: str
) -> None:
    assert figure_of_another(question, sentence, _at(sentence, figure)) is None


def test_a_name_told_apart_from_the_figure_a_who_question_pins_answers_another_step() -> None:
    named = "This exponent was lowered to 0.535 by the analyst Lidia Carvaro in 1979."
    pinned = "Further refinements by several authors brought the exponent down to 0.525."
    asked = "Who lowered the exponent to 0.525?"
    assert figure_told_apart(asked, named, [pinned]) == "0.525"
    assert (
        figure_told_apart(
            "Who scored in the 58th minute?", "Culden scored.", ["In the 58th minute Okoro ran."]
        )
        == "58th"
    )
    # the name told with the figure, a sentence standing for it ("It ..."), no figure
    # pinned, no other sentence giving it, or not asking who
    assert figure_told_apart("Who lowered it to 0.535?", named, [pinned]) is None
    assert figure_told_apart(asked, named, ["It reached 0.525 in 1995."]) is None
    assert figure_told_apart("Who lowered the exponent?", named, [pinned]) is None
    assert figure_told_apart(asked, named, ["No one improved it."]) is None
    assert (
        figure_told_apart("In whose name was the 1914 patent filed?", named, ["Filed in 1914."])
        is None
    )


def test_a_role_held_at_a_year_is_told_by_who_took_it_before() -> None:
    """ "Who was chief engineer by 1889?" is answered by whoever took the role before
    1889: the sentence dating 1889 need name no one. A role taken after the year asked,
    or another role, is still told apart."""
    took = "Barras died in April 1882 and was succeeded as chief engineer by Tomas Rendell."
    opened = ["The canal was formally opened on 9 May 1889."]
    asked = "Who was chief engineer by the time the canal opened in 1889?"
    assert figure_told_apart(asked, took, opened) is None
    assert figure_told_apart("Who was chief engineer in 1880?", took, ["In 1880 x."]) == "1880"
    assert figure_told_apart("Who was treasurer in 1889?", took, opened) == "1889"


def test_the_noun_of_a_steps_doer_is_no_step_of_the_name_before_it() -> None:
    """ "whose chairman, Oskar Lindqvist" tells who chaired the company; it is not the
    company chairing someone. The verb itself after the company still is."""
    asked = "Who chaired the Halvik Shipping Company?"
    told = (
        "Its sponsor was the Halvik Shipping Company, whose chairman, Oskar Lindqvist, paid for it."
    )
    assert doer_reversed(asked, [told]) is None
    swapped = "The Halvik Shipping Company chaired the harbour board for a decade."
    assert doer_reversed(asked, [swapped]) is not None


def test_an_appositive_told_by_a_relative_clause_is_the_names_own_step() -> None:
    """ "the Trust, a foundation that replaced the company" tells the Trust replacing it:
    "Which company replaced the Trust?" is still reversed."""
    told = "It is run by the Lindell Trust, a foundation that replaced the company Orvik Events."
    assert doer_reversed("Which company replaced the Lindell Trust?", [told]) is not None


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("Why did so many children die?", "Only 9 of the 37 children aboard survived."),
        ("How many of the crew survived?", "In the fire 300 of the crew died."),
        ("Why did most of the occupants die?", "Only 5 of its 56 occupants are known to have survived."),
    ],
)  # fmt: skip
def test_a_part_of_a_whole_told_with_one_side_tells_the_other(question: str, told: str) -> None:
    assert opposite_word(question, plain_words(told)) is None


@pytest.mark.parametrize(
    "told",
    [
        "Two children survived the wreck.",  # no whole counted
        "She was one of the surviving members.",  # no figure
        "The 37 children aboard survived.",  # a whole, no part of it
    ],
)
def test_a_side_told_without_a_part_of_a_whole_is_still_an_opposite(told: str) -> None:
    assert opposite_word("Why did the children die?", plain_words(told)) is not None


def test_an_age_set_off_by_another_name_is_theirs() -> None:
    """ "How old was Rosa Venn?" of "a fifteen-year-old boy, Emil Sarto, died": the age is
    the boy's. Once ages written in words were read as ages (the nineteenth unseen batch),
    such sentences answered questions about someone else."""
    from antqa.refusals import age_of_another

    boy = "Three days later a fifteen-year-old boy, Emil Sarto, died of a bayonet wound."
    assert age_of_another("How old was Rosa Venn?", [boy]) == "Emil Sarto"
    assert age_of_another("How old was Emil Sarto when he died?", [boy]) is None
    assert age_of_another("How old was the boy?", [boy]) is None  # what the age describes
    fire = "An 11-year-old boy, Edmund Hare, and the house matron, Martha Lyle, died."
    assert age_of_another("how old was the matron?", [fire]) == "Edmund Hare"
    assert age_of_another("how old was he?", [fire]) is None  # no one named: undecided
    # an age told of no one set off by name decides nothing
    aged = "Rosa Venn, aged 40, led the march; a 15-year-old boy, Emil Sarto, died."
    assert age_of_another("How old was Rosa Venn?", [aged]) is None
    both = "A 40-year-old weaver led the march, and a 15-year-old boy, Emil Sarto, died."
    assert age_of_another("How old was Rosa Venn?", [both]) is None
    # or set off after the name it is told of, as what they are
    two = "It sent Teodor Brannick, a miner, and Ada Conlan, a 24-year-old orator from Kelby."
    assert age_of_another("How old was Brannick?", [two]) == "Ada Conlan"
    assert age_of_another("How old was Ada Conlan?", [two]) is None
    assert age_of_another("How old was the orator?", [two]) is None


def test_an_age_asked_of_a_person_said_only_by_a_clause_is_anyones() -> None:
    """ "the man after whose home village the virus was named" says who by what the
    article tells elsewhere ("named ... after the hamlet where the porter had lived"): the
    age set off by the porter's name may be his (an answerable of the twenty-fourth unseen
    batch was refused: "the age it gives is Dario Venn's")."""
    from antqa.refusals import age_of_another

    porter = "The first case was a 34-year-old grain porter, Dario Venn, who died in March."
    asked = "How old was the man after whose home village the virus was named?"
    assert age_of_another(asked, [porter]) is None
    # a noun of its own, with or without a clause, still says whose age is asked
    assert age_of_another("How old was the matron who died?", [porter]) == "Dario Venn"
    assert age_of_another("How old was the man?", [porter]) == "Dario Venn"


def test_how_long_a_state_lasted_is_told_by_its_end() -> None:
    """ "How long did he survive after that?" of "he died six days later": the end of
    the state answers how long it lasted; asked otherwise, it is still its opposite."""
    told = plain_words("He was admitted on 14 March and died six days later.")
    asked = "How long did he survive after that?"
    assert opposite_word(asked, told) == ("survive", "died")
    assert opposite_word(asked, told, lasting=True) is None
    assert opposite_word("Why did he survive?", told, lasting=False) is not None


def test_the_side_or_rank_asked_is_told_in_any_of_its_forms() -> None:
    # the chooser prefers such a sentence over one telling only the other side
    asked = "Who was the youngest champion?"
    assert side_told(asked, plain_words("The youngest champion was Anna Berg."))
    assert not side_told(asked, plain_words("The oldest champion was Olaf Lind."))
    assert side_told("When did prices rise?", plain_words("Prices rose in 1871."))
    assert not side_told("Who was a champion?", plain_words("The youngest champion was Berg."))
    assert asks_side(asked) and not asks_side("Who was a champion?")
    ranked = "Who was the last governor of the company?"
    assert asks_rank(ranked) and not asks_rank(asked)
    assert rank_told(ranked, "Edward Lisle was its final governor.")  # "final" is "last"
    assert not rank_told(ranked, "Tobias Vane was its first governor.")
    assert not rank_told(ranked, "The last ship sailed in 1801.")  # another thing ranked
    # the thing a word or two after the rank
    assert rank_told(ranked, "Edward Lisle was its final appointed governor.")
    # a rank in plain words, not a name nor a rank by a quality
    assert ranks_in_words(ranked) and ranks_in_words("What was the very last lighthouse?")
    assert not ranks_in_words("Who wrote the Second Assessment Report?")
    assert not ranks_in_words("Which was the second-largest brokerage?")
    assert not ranks_in_words("How did he describe the first-class lounge?")


def test_a_series_end_may_be_any_numbered_rank_but_the_first() -> None:
    """ "the last quarter" of a match is its fourth; "the last outbreak" is no first one."""
    fourth = "The fourth quarter belonged to the Ironhawks."
    assert rank_swapped("What was the score going into the last quarter?", [fourth]) is None
    assert rank_swapped("Who led in the fourth quarter?", ["The last quarter was tight."]) is None
    first = "The first recorded outbreak killed 40 people."
    assert rank_swapped("How many died in the last recorded outbreak?", [first]) is not None


def test_a_side_told_in_another_verb_of_its_way_is_no_opposite() -> None:
    contracted = "Growth averaged 5.8 per cent before the economy contracted in 2020."
    assert opposite_word("Why did the economy shrink in 2020?", plain_words(contracted)) is None
    grew = "Growth averaged 5.8 per cent before the economy grew again in 2020."
    assert opposite_word("Why did the economy shrink in 2020?", plain_words(grew)) is not None
    down = "Imports drove down prices, though wages rose."
    assert opposite_word("What caused prices to fall?", plain_words(down)) is None


def test_a_doer_named_by_is_the_first_name_after_it() -> None:
    """ "by King Aldric II ... allowed the herbwrights of Teremond": the king chartered."""
    told = "A charter granted by King Aldric II in 1391 allowed the herbwrights of Teremond to form a guild."
    assert doer_reversed("Which monarch chartered the Teremond guild?", [told]) is None
    # a "what" question's auxiliary is no noun: "medical" is no step asked a doer of
    made = "After 1960 Kellner gauges made from indium entered medical use."
    assert doer_reversed("What are medical Kellner gauges made of?", [made]) is None


def test_a_step_told_again_with_its_verb_left_out_is_the_names_too() -> None:
    told = "Vallenmark agreed to contribute 45 million crowns and Sarendia 29 million."
    question = "How much money did Sarendia agree to put in?"
    assert step_of_another(question, [(told, [])]) is None
    assert figure_of_another(question, told, _at(told, "45 million")) is None
    alone = "Vallenmark agreed to contribute 45 million crowns, and work began."
    assert step_of_another(question, [(alone, [])]) is not None


MILL = (
    "The Old Mill burnt out in 1858. It was not restored; instead Edmund Penhallow "
    "commissioned the architect Clement Vayle to design a replacement with fireproof floors. "
    "This building, known as the New Mill, opened in 1860 and was the tallest structure in "
    "the county, at seven storeys.\n\n"
    "Ellisford Mill closed on 17 October 1931, after the Quill Valley Bank refused to renew "
    "the company's overdraft. The last 640 workers were dismissed with one week's pay.\n"
)


@pytest.mark.parametrize(
    "question",
    [
        # the cause's clause tells of its own doer: no figure of another's
        "Why did Ellisford Mill shut down in 1931?",
        # "This building" is the replacement the sentence before tells of
        "How many floors did the building that replaced the Old Mill have?",
    ],
)
def test_a_sentence_answering_in_a_clause_or_after_this_noun_is_kept(question, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_answering import _service_over

    answer = _service_over(MILL, tmp_path).ask(question)
    assert answer.answerable, answer.answer


def test_a_name_apart_refuses_two_questions_in_one_only_when_each_part_has_one() -> None:
    """Sentences answering the first part ("... how many years at Alipay") need not be
    near the second part's names ("that October"): its answer is told elsewhere."""
    from antqa.answering.refusing import RefusalChecks
    from antqa.questions import analyse

    apart_of = RefusalChecks._apart_in_every_part
    two = analyse(
        "How many years had she spent at Alipay, and what role did she take that October?"
    )
    assert apart_of(two, ["octob"]) == []
    assert apart_of(two, ["alipay", "octob"]) == ["alipay", "octob"]
    one = analyse("What role did she take at Alipay that October?")
    assert apart_of(one, ["octob"]) == ["octob"]


def test_a_thing_told_as_another_owners_is_not_the_one_asked() -> None:
    told = (
        "You can read more on Peng Lei's role in my book (You Xi's new book will be "
        "published in late March)."
    )
    asked = "When is Peng Lei's book coming out?"
    assert owned_by_another(asked, [told]) == ("Peng Lei's book", "Xi's new book")
    # the owner asked is the one told; an owner the question names too; no owner told
    assert owned_by_another("When is You Xi's book coming out?", [told]) is None
    assert owned_by_another("Did You Xi discuss Peng Lei's book?", [told]) is None
    assert owned_by_another(asked, ["The book will be published in late March."]) is None
    # the thing owned is the word right after the owner or after words describing it
    damages = "The court restored Halloway's assessment of damages, awarding Harlow 8 percent."
    assert (
        owned_by_another("At what rate was interest awarded on Harlow's damages?", [damages])
        is None
    )
    # a sentence telling it of both owners answers
    both = "Peng Lei's book and You Xi's book came out in March."
    assert owned_by_another(asked, [both]) is None
    # "own" only stresses the owner: "Vane's own surgeon" is Vane's
    surgeon = "The crew were well, which Vane's own surgeon put down to fresh meat."
    assert owned_by_another("Who was the Fulmar's surgeon?", [surgeon]) == (
        "Fulmar's surgeon",
        "Vane's own surgeon",
    )


#: A trust whose director apologised far from where its successor is told of, and whose
#: successor's book is told of by name.
TRUST = (
    "In October 2016 Ada Moss stepped down as director of the Harlow Trust and became "
    "chair of its board.\n\n"
    "Tom Reed succeeded her as director. He had joined the trust in 2004 as an accountant. "
    "Tom Reed's new book on the trust will be published in late March.\n\n"
    "The trust runs four museums and a library. Its largest museum, in Kelby, opened in "
    "1998. The library holds 40,000 volumes. The smallest museum is a mill on the river. "
    "Every summer the mill grinds flour for visitors. The trust also keeps a garden.\n\n"
    "The trust was founded in 1890 by a wool merchant. Its first home was a warehouse by "
    "the canal. The warehouse burned in 1921 and was rebuilt in brick.\n\n"
    "Grants from the trust pay for schools, choirs and a lifeboat. The lifeboat station "
    "opened in 1932. Choirs from the valley sing at the trust's summer fair.\n\n"
    "The garden has a glasshouse of palms and a pond with carp. Volunteers rebuilt the "
    "pond in 2009. The glasshouse was restored in 2012.\n\n"
    "In November 2016 a dispute over grants broke out. Ada Moss apologised while on a trip "
    "to Norway. Ada Moss's report on the dispute came out in 2017.\n"
)


def test_a_step_a_when_clause_dates_by_is_looked_for_near_the_person(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_answering import _service_over

    service = _service_over(TRUST, tmp_path)
    swapped = service.ask("Where was Tom Reed travelling when he apologised?")
    why = ' — where it tells of Tom Reed, it never says "apologised"'
    assert swapped.answer == NOT_COVERED.format(reason=why)
    assert service.ask("Where was Ada Moss when she apologised?").answerable
    # a month the question names takes no step: the apology is Ada Moss's, far from October
    both = "What did Ada Moss become in October 2016, and where was she when she apologised?"
    assert service.ask(both).answerable
    # the book told of is Tom Reed's
    assert service.ask("When is Tom Reed's book coming out?").answerable


def test_a_rank_or_only_makes_a_role_one_persons() -> None:
    assert ranks_one("first") and ranks_one("Last") and ranks_one("only")
    # a title several hold, or an order of size, ranks no one of them
    assert not ranks_one("chief") and not ranks_one("largest")


@pytest.mark.parametrize(
    ("question", "told", "swapped"),
    [
        (
            "Who was the last painter to exhibit a portrait in the gallery?",
            "Her show in 1902 was the first of a portrait painter in the gallery.",
            ("last", "first"),
        ),
        (
            "Which was the least visited island of the archipelago?",
            "Tarn was one of the most visited islands of the archipelago.",
            ("least", "most"),
        ),
        (
            "Which county had the smallest share of farmland?",
            "Orlby had about 40 percent farmland, the highest share of any county.",
            ("smallest", "highest"),
        ),
        (
            "Which is the largest lower court in the state?",
            "The High Bench is the largest tribunal, although Kelm remains the smallest "
            "lower court in the state.",
            ("largest", "smallest"),
        ),
        (
            "Which was the earliest printed map of the coast?",
            "The chart of 1610 is regarded as the last printed map of the coast.",
            ("earliest", "last"),
        ),
    ],
)
def test_an_end_of_a_scale_asked_of_a_thing_told_at_its_other_end_is_swapped(
    question: str, told: str, swapped: tuple[str, str]
) -> None:
    assert degree_swapped(question, [told]) == swapped
    # the question's end told of the same thing, in the sentence or its passage: it may answer
    own = "It was the " + swapped[0] + question.split(swapped[0], 1)[1].rstrip("?") + "."
    assert degree_swapped(question, [told, own]) is None
    assert degree_swapped(question, [told], around=[own]) is None


def test_an_end_of_a_scale_is_not_swapped_in_other_words_or_of_another_thing() -> None:
    # "biggest" and "largest", "first" and "earliest" are one end
    assert (
        degree_swapped("How much did the biggest mills pay?", ["The largest mills paid."]) is None
    )
    told = "It was the earliest school in the valley and the last one to close."
    assert degree_swapped("What was the first school in the valley?", [told]) is None
    # the other end told of another thing only
    told = "Its smallest ward held 40 beds; the hospital opened in 1880."
    assert degree_swapped("When did the largest hospital open?", [told]) is None
    # "at least", "at first" tell no end of a scale
    told = "At first the ferry carried at least 200 passengers a day."
    assert degree_swapped("When did the last ferry carry passengers?", [told]) is None
    # a word joined by a hyphen: a "semi-final" is no final
    told = "Both goals of the semi-final were scored by Marr."
    assert degree_swapped("Who scored the first goal of the cup?", [told]) is None
    # a name's word: "the First Republic" sets nothing apart
    told = "The last republic fell in 1871."
    assert degree_swapped("Who led the First Republic?", [told]) is None
