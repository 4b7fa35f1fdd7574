"""How an article calls a person (:mod:`antqa.people`): a name of two words read after a
title ("Assemblyman Walter Hesketh"), and the person then known by the last word alone."""

from __future__ import annotations

import pytest

from antqa.answering.reading import _last_names
from antqa.lexical import tokenize
from antqa.people import described_in, descriptions, people
from antqa.short_answers.full_names import two_word_names
from antqa.short_answers.names import names_body
from tests.test_answering import _service_over
from tests.test_refusals import _article_words


def test_a_title_before_a_name_leaves_the_two_words_of_the_name() -> None:
    assert two_word_names("chaired by Assemblyman Walter Hesketh in March") == [
        ("walter", "hesketh")
    ]
    assert two_word_names("led by Prime Minister Ilse Korvald and Dr Fiona Carrick") == [
        ("ils", "korvald"),  # stemmed
        ("fiona", "carrick"),
    ]
    # a role noun the article writes in lower case is a title too ("the foreman spoke")
    lower = frozenset(tokenize("the foreman spoke"))
    assert two_word_names("heard by Foreman Miriam Alcott", lower) == [("miriam", "alcott")]
    assert two_word_names("heard by Foreman Miriam Alcott") == []  # no title known
    # a title inside the run: "Interior" is none, "Minister" is
    assert two_word_names("Interior Minister Aurel Danek ordered it") == [("aurel", "danek")]


def test_a_longer_name_that_is_no_title_and_name_gives_no_person() -> None:
    """A run whose first word is no title, or whose last two words the article writes in
    lower case, is the name of a thing: "Nordhavn Press Trust", "First World War"."""
    lower = frozenset(tokenize("the first war of the world, a press, a trust"))
    assert two_word_names("backed by the Nordhavn Press Trust", lower) == []
    assert two_word_names("during the First World War", lower) == []
    assert two_word_names("before the Prime Minister Ilse", lower) == []


def test_a_person_named_after_a_title_is_mentioned_where_called_by_the_last_word(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    """ "What bill did Oskar Teller introduce?" of a paragraph saying "introduced by
    Teller": the article named him whole only after his title ("Alderman Oskar Teller")."""
    wards = " ".join(f"Ward {n} sent two members to the council." for n in range(12))
    text = (
        "The strike closed the mills in spring. An inquiry chaired by Alderman Oskar Teller "
        "heard the strikers in March.\n\n"
        f"The council was reformed after the strike. {wards} It met monthly.\n\n"
        "A pension bill for weavers, introduced by Teller in 1911, was defeated by six votes.\n"
    )
    service = _service_over(text, tmp_path)
    answer = service.ask("What bill did Oskar Teller introduce in 1911?")
    assert answer.answerable and "pension bill" in answer.answer, answer.answer
    # someone else with that last word is still never mentioned there
    other = service.ask("What bill did Anna Teller introduce in 1911?")
    assert not other.answerable and "Anna Teller" in other.answer, other.answer


def test_the_last_word_alone_is_the_person_the_article_named_first_by_it() -> None:
    """ "Dorrance" alone is Ilse Dorrance, named first; her brother Anton, named whole
    after her, is not called "Dorrance" though a sentence holds it without "Anton"."""
    texts = [
        (0, "Ilse Dorrance proposed the ratio."),
        (0, "Her brother Anton Dorrance farmed."),
        (1, "Dorrance was born in Kessmoor."),
        (2, "Peng Lei chaired the board."),
    ]
    _, words = _article_words(texts)
    assert words.calling.called("Ilse Dorrance") == "Dorrance"
    assert words.calling.called("Anton Dorrance") == "Anton Dorrance"
    assert words.calling.called("Peng Lei") == "Peng Lei"  # never "Lei" alone


def test_a_word_calls_someone_alone_when_it_ends_the_name_written_first() -> None:
    texts = [
        (0, "Ilse Dorrance proposed the ratio."),
        (1, "Dorrance was born in Kessmoor."),
        (2, "Peng Lei chaired the board."),
    ]
    _, words = _article_words(texts)
    assert words.calling.calls_by("dorranc")
    assert not words.calling.calls_by("lei")  # never written alone
    assert not words.calling.calls_by("kessmoor")  # no name's last word


def test_the_last_names_of_people_leave_out_a_possessive_run() -> None:
    assert _last_names(["Lena Arvanti", "Marovane", "China’s Internet"]) == {"arvanti"}


def test_the_names_of_someone_a_sentence_writes_leave_out_their_titles() -> None:
    """ "Mayor Ada Brun" names Ada Brun: with the title, the run held a word the article
    writes in lower case ("the mayor") and named no one."""
    common = frozenset(
        ["at", "the", "mayor", "called", "in", "men", "under", "who", "war", "world"]
    )
    text = "At the request, Mayor Ada Brun called in men under Colonel Otto Lask, who left."
    assert people(text, common, frozenset()) == ("Ada Brun", "Otto Lask")
    # a thing's name of common words still names no one ("the First World War")
    assert people("Ships sank in the First World War.", common, frozenset()) == ("Ships",)


def test_a_name_after_a_title_inside_a_run_is_the_person() -> None:
    """ "Interior Minister Aurel Danek" names Aurel Danek: the run opens with a word that is
    no title ("Interior", never written in lower case) and holds "Minister", a word the
    article writes in lower case, so read whole it named no one."""
    common = frozenset(["on", "the", "minister", "ordered", "arrest", "prison", "was", "full"])
    text = "On the night, Interior Minister Aurel Danek ordered the arrest."
    assert people(text, common, frozenset()) == ("Aurel Danek",)
    # one word after the title may be a place's or a qualifier's: no person
    assert people("By Interior Minister Danek, it was.", common, frozenset()) == ()
    # a common noun closing the run leaves a thing's name ("Kessel Island Prison")
    assert people("Kessel Island Prison was full.", common, frozenset()) == ()


def test_a_small_word_opening_the_sentence_is_no_part_of_a_name() -> None:
    """ "Although Tenpay" names no one of two words: the capital of "Although" only opens
    the sentence, though the article writes "although" nowhere in lower case."""
    common = frozenset(["cannot", "be", "equated", "with", "the", "backend"])
    text = "Although Tenpay cannot be equated with the backend."
    assert people(text, common, frozenset()) == ("Tenpay",)
    # a capitalised word of a name opening the sentence stays
    assert people("Ada Brun cannot be equated.", common, frozenset()) == ("Ada Brun",)


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("Skyline Aviation", True),  # a noun made of a verb: a firm
        ("Brannock Biologics", True),
        ("Salvane Measurement", True),
        ("Kessock United", True),
        ("Pieter Vallance", False),  # a surname, however it ends
        ("Ann Clement", False),  # "-ment" of seven letters: a surname
        ("Harold Benbow", False),
    ],
)
def test_a_name_ending_in_an_abstract_noun_names_a_body(name: str, body: bool) -> None:
    """A firm's or a body's name may end in a noun made of a verb or an adjective
    ("Skyline Aviation"); a person's never does, and "who" is not answered by it."""
    assert names_body(name) is body


def test_what_the_article_says_a_person_is_is_read_where_it_names_them() -> None:
    texts = [
        "In 1902 it was bought by Bernard Achterberg, a shipowner from the port city of Velmaar.",
        "Her successor, the economist Cyril Aubery, was cautious.",
        "The first physician appointed to the infirmary was Dr. Edmund Tallis.",
        "Bernard Achterberg died in 1931 and left the estate to his son Hendrik.",
        "Tallis kept detailed case books, and the Tallis Wing opened in 1938.",
        "The press opened at the urging of Edwin Halloway.",
        "Aubery cut the list, and Achterberg sold the barge.",
    ]
    assert descriptions(texts) == {
        "Bernard Achterberg": "shipowner",
        "Cyril Aubery": "economist",
        "Edmund Tallis": "first physician",
    }
    read = described_in(texts)
    assert read[3] == "shipowner"  # another sentence said what he was
    assert read[4] == "first physician"  # by the last word, not "Tallis Wing"
    assert read[5] == ""  # "the urging of" says nothing of what Halloway is


def test_a_description_is_a_person_noun_said_of_a_person_the_article_calls_by_surname() -> None:
    """Only a noun for a person, of a name whose last word the article writes alone: not
    a place's or a vessel's ("the lower Velmar River", "the Marrow Queen, a paddle
    steamer"), nor words before a name that say no one ("the council under Henrik Dow")."""
    texts = [
        "Goods went down the lower Velmar River on the Marrow Queen, a paddle steamer.",
        "In 1970 the council under Henrik Dow, a retired bank manager, met twice.",
        "Dow resigned in 1988; the Marrow Queen sank in the Velmar River.",
        "The company sold the Queen Anne.",
    ]
    assert descriptions(texts) == {"Henrik Dow": "retired bank manager"}
    assert described_in(texts)[2] == "retired bank manager"
