"""What counts as the article mentioning what a question asks for, four readings the
SQuAD-format sets showed too narrow, each a kind: a place written without "in" or "at"
before it; a place named as its people's or language's word ("English" for England); an
age told as "a boy of nine"; a person called by the last word of their name. And a
speaker named in the line introducing quotations set as paragraphs of their own."""

from __future__ import annotations

from antqa.refusals.names import same_place
from tests.test_answering import _service_over


def test_a_place_and_its_people_s_word_are_one_name() -> None:
    assert same_place("english", "england") and same_place("england", "english")
    assert same_place("swedish", "sweden") and same_place("italian", "itali")
    # a word is no other form of itself, and a short stem pairs nothing ("irish", "iron")
    assert not same_place("english", "english")
    assert not same_place("irish", "iron")
    assert not same_place("french", "franc")  # other forms are left to the checks
    # a people's word not opening with its place's first letters, from a closed set
    assert same_place("flemish", "flander") and same_place("flander", "flemish")
    assert same_place("dutch", "netherland") and not same_place("dutch", "flander")


def test_a_place_the_article_names_as_its_people_s_word_is_mentioned(tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = _service_over(
        "The order was founded at Lyon in 1803 to nurse the poor.\n\n"
        "In 1847 the order sent 14 sisters to nurse cholera victims in Liverpool, and the "
        "first English house was opened at Preston in 1852.\n\n"
        "Wool from the order's sheep was sold to merchants from Flanders, who came up the "
        "river in flat-bottomed boats.\n",
        tmp_path,
    )
    answer = service.ask("Where was the order's first house in England?")
    assert answer.answerable and "Preston" in answer.answer, answer.answer
    # by a word of other first letters ("it never mentions Flemish" before)
    answer = service.ask("What did the Flemish merchants use to come up the river?")
    assert answer.answerable and "flat-bottomed boats" in answer.answer, answer.answer
    # a place it never names, in any form, is still never mentioned
    other = service.ask("Where was the order's first house in Portugal?")
    assert not other.answerable and "Portugal" in other.answer, other.answer


def test_a_place_written_without_a_preposition_before_it_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Which state ...?" of "gives Ostria, as the upstream state, ...": no "in Ostria",
    yet the sentence names the state (refused before: "none of its passages on this gives
    a place")."""
    service = _service_over(
        "The accord divides the river between two states.\n\n"
        "Legal commentators have noted that the rule requiring unanimity gives Ostria, as "
        "the upstream state, an effective veto over any reallocation.\n",
        tmp_path,
    )
    answer = service.ask("Which state has an effective veto over reallocation?")
    assert answer.answerable and "Ostria" in answer.answer, answer.answer


def test_an_age_told_as_a_boy_of_nine_answers_how_old(tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = _service_over(
        "The dynasty ruled the plateau from 1187 to 1412.\n\n"
        "The last ruler, Orbelai (r. 1398–1412), was a boy of nine at his accession.\n",
        tmp_path,
    )
    answer = service.ask("How old was Orbelai when he took the throne?")
    assert answer.answerable and "a boy of nine" in answer.answer, answer.answer
    # the reign's dates stay in the sentence: "(r." is no sentence of its own
    assert "Orbelai (r. 1398–1412), was" in answer.answer


def test_a_person_the_paragraph_calls_by_the_last_word_of_their_name_is_mentioned(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    """ "Ilse Dorrance" asked of a paragraph saying "Dorrance was born ...": the article
    writes her whole name elsewhere, before anyone else's ending in "Dorrance"."""
    estates = " ".join(f"Estate {n} paid its tax in grain and wool." for n in range(12))
    life = (
        "The concentration ratio measures how land is held. Ilse Dorrance proposed it.\n\n"
        f"Her ratio compared estates across the century. {estates} It is still in use.\n\n"
        "Dorrance was born on 3 March 1908 in Kessmoor, a market town of the province.\n"
    )
    (tmp_path / "one").mkdir()
    answer = _service_over(life, tmp_path / "one").ask("In what town was Ilse Dorrance born?")
    assert answer.answerable and "Kessmoor" in answer.answer, answer.answer
    # two people end in "Dorrance": "Dorrance" alone is the one the article named first
    # (a relative is named whole, after: "Tomas Harlow" ... "his daughter, Ada Harlow")
    (tmp_path / "two").mkdir()
    both = life.replace("proposed it.", "proposed it. Her brother Anton Dorrance farmed.")
    two = _service_over(both, tmp_path / "two")
    answer = two.ask("In what town was Ilse Dorrance born?")
    assert answer.answerable and "Kessmoor" in answer.answer, answer.answer
    other = two.ask("In what town was Anton Dorrance born?")
    assert not other.answerable and "Anton Dorrance" in other.answer, other.answer


def test_a_thing_named_by_a_common_noun_is_not_called_by_that_noun_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "the Sarnath Basin" is not what a paragraph's "the basin" tells of: the article
    writes "basin" in lower case, a word of anything, not a name."""
    estates = " ".join(f"Pit {n} sent its ore to the coast by rail." for n in range(12))
    service = _service_over(
        "The plateau is the main source of the ore. A mine lay in the Sarnath Basin.\n\n"
        f"Mining began in the north. {estates} Prices rose.\n\n"
        "About 61 percent of the ore came from the basin to the east of the plateau.\n",
        tmp_path,
    )
    answer = service.ask("What share of the ore came from the Sarnath Basin?")
    assert not answer.answerable and "Sarnath Basin" in answer.answer, answer.answer


def test_a_speaker_named_in_the_line_introducing_quotations_is_mentioned(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    """ "Wrong is wrong", then "This was the hardest winter in my nine years at the mill",
    each a paragraph, after "Here are Anna Berg's words to the workers": a question about
    her words names her, told in that line, not beside the quotation."""
    filler = " ".join(f"Loom {n} wove wool for the winter market." for n in range(10))
    text = (
        f"The mill at Kelby closed for a month after the flood. {filler}\n\n"
        "Here are Anna Berg's words to the workers at the time\n\n"
        "“Wrong is wrong”\n\n"
        "“This was the hardest winter in my nine years at the mill.”\n\n"
        "“Thank you for every letter. ”\n\n"
        f"The river fell in spring and the looms ran again. {filler}\n"
    )
    service = _service_over(text, tmp_path)
    answer = service.ask("How many years had Anna Berg been at the mill in the hardest winter?")
    assert answer.answerable and "nine years" in answer.answer, answer.answer
    # a speaker named nowhere near is still never mentioned there
    other = service.ask("How many years had Tom Reed been at the mill in the hardest winter?")
    assert not other.answerable, other.answer
