"""A step asked in another verb of its meaning, or of a person the article calls by the
last word of their name and "he": two kinds of sound answer the refusal checks refused on
the fourteenth unseen batch ("Who established Cendrick Mills?" of "was founded ... by";
"When did Tomas Harlow die?" of "Harlow ... . He died in Belvard")."""

from __future__ import annotations

from antqa.lexical import tokenize
from antqa.refusals import doer_reversed, vague_time_alone
from antqa.refusals.meanings import meaning_words, told_in_any_verb
from tests.test_refusals import _article_words


def test_a_verb_of_one_meaning_finds_the_others() -> None:
    established = told_in_any_verb("established")
    assert established.search("The mill was founded in 1884.")
    assert established.search("a trust set up in 1990")
    assert established.search("They establish a fund.")
    assert not established.search("The mill was built in 1884.")
    assert told_in_any_verb("die").search("she passed away in 1990")
    # a verb of no listed meaning finds only itself
    built = told_in_any_verb("built")
    assert built.search("It was built in 1884.") and not built.search("founded in 1884")
    # a verb with a stop word is no word of its own ("set up" is not "set")
    assert meaning_words("founded") == (("found",), ("establish",))
    assert meaning_words("die") == (("die",), ("pass", "away"))


def test_a_founding_told_in_another_verb_answers_who_established_it() -> None:
    fund = "In 1972 Cendrick Mills established a compensation fund of 2.1 million crowns."
    founded = "Cendrick Mills was founded in 1884 by the industrialist Josiah Cendrick."
    asked = "Who established Cendrick Mills?"
    assert doer_reversed(asked, [fund, founded]) is None
    # alone, the sentence where the name is the doer still reverses the question
    assert doer_reversed(asked, [fund]) == ("Cendrick Mills", "established")
    # a founding by the name itself answers no one
    itself = "Dunmore Spinning was founded in 1901 by Cendrick Mills."
    assert doer_reversed(asked, [fund, itself]) is not None


def _steps(texts: list[tuple[int, str]], question: str, names: str) -> tuple[str, str] | None:
    _, words = _article_words(texts)
    return words.step_apart(question, tokenize(names), 0, asks_time=True)


def test_a_step_told_of_he_after_the_last_word_of_the_name_is_theirs() -> None:
    harlow = [(0, "Tomas Harlow was born in 1912 and worked in the mill."),
              (1, "Harlow did not attend; his daughter, Ada Harlow, read a statement."),
              (1, "He died in Belvard in 1974.")]  # fmt: skip
    assert _steps(harlow, "When did Tomas Harlow die?", "Tomas Harlow") is None
    # in another verb of its meaning
    away = [(p, t.replace("died", "passed away")) for p, t in harlow]
    assert _steps(away, "When did Tomas Harlow die?", "Tomas Harlow") is None
    # the last word alone is the person named first with it, not a relative named later
    assert _steps(harlow, "When did Ada Harlow die?", "Ada Harlow") is None  # named whole
    first = [(0, "Ada Harlow was born in 1940."), *harlow]
    assert _steps(first, "When did Tomas Harlow die?", "Tomas Harlow") == ("toma", "die")


def test_a_step_near_the_last_word_of_the_name_told_of_another_is_not_theirs() -> None:
    crane = [(0, "In 1824 the banker Josiah Crane advanced money for the patents."),
             (1, "Harrowgate died in 1848; control of the firm passed to Crane's son.")]  # fmt: skip
    assert _steps(crane, "When did Josiah Crane die?", "Josiah Crane") == ("josiah", "die")


def test_a_decade_and_a_verb_of_the_question_s_meaning_tie_it_to_the_sentence() -> None:
    """ "What replaced pulse relay in the 2000s?" of "Pulse relay was gradually displaced
    during the 2000s by higher-speed optical systems": the decade is not all they share."""
    asked = "What replaced pulse relay in the 2000s?"
    told = set(tokenize("Pulse relay was gradually displaced during the 2000s by fibre."))
    assert vague_time_alone(asked, told, rare={"replac"}) is None
    other = set(tokenize("Pulse relay carried most calls during the 2000s."))
    assert vague_time_alone(asked, other, rare={"replac"}) == "the 2000s"


def test_a_beginning_told_in_another_verb_is_the_start_asked() -> None:
    started = told_in_any_verb("start")
    assert started.search("KRT Barn, which was launched on 1 December 2009")
    assert started.search("Broadcasts commenced in 1927.")
    assert not told_in_any_verb("start").search("The channel closed in 2009.")
    elsewhere = (1, "Radio broadcasts were to start in 1925.")  # the article writes "start"
    launched = [(0, "The children's channel KRT Barn was launched on 1 December 2009.")]
    asked = "When did KRT Barn start broadcasting?"
    assert _steps([*launched, elsewhere], asked, "KRT Barn") is None
    closed = [(0, "The children's channel KRT Barn was closed on 1 December 2009.")]
    assert _steps([*closed, elsewhere], asked, "KRT Barn") == ("krt", "start")


CONSERVATORY = (
    "The Orrin Conservatory trained musicians in Velsberg from 1850.\n\n"
    "Its most successful pupils were the symphonist Karel Vesely, who later became its "
    "director, and Mara Lind, the first woman to graduate from it with a diploma in "
    "conducting, in 1904.\n\n"
    "The building burned down in 1931 and was rebuilt two years later.\n\n"
    "Karel Vesely died in 1937, still its director.\n\n"
    "Pupils paid no fees. Lessons began at seven. The choir sang at Easter. Organ practice "
    "filled the evenings. A library held scores. Concerts were free in summer. Students "
    "lodged in town. Exams came in June. Prizes were silver medals. Violins were lent. Few could obtain a scholarship.\n"
)


def test_a_step_told_in_a_verb_of_its_own_beside_all_else_asked_is_answered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "In which year did Hedda Lunquist obtain her diploma?" was refused on the fifteenth
    unseen batch ('never says "obtain"') where the article told her graduating "with a
    diploma in composition, in 1901": the sentence holds all else the question asks."""
    from tests.test_answering import _service_over

    service = _service_over(CONSERVATORY, tmp_path)
    answer = service.ask("In which year did Mara Lind obtain her diploma?")
    assert answer.answerable and "1904" in answer.answer
    # a step with nothing else asked of it is still one the article must tell
    died = service.ask("When did Mara Lind die?")
    assert not died.answerable and 'never says "die"' in died.answer
    # nor does it pass when the sentence lacks another word the question asks
    medal = service.ask("In which year did Mara Lind obtain her medal?")
    assert not medal.answerable and 'never says "obtain"' in medal.answer


def test_a_name_whose_stem_is_no_word_of_its_own_is_still_a_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A question's names are stemmed tokens ("ambros" of "Ambrose"); stemmed again they
    differ ("ambro"), and the name counted as something else the question asks: "When did
    Ambrose Lind die?" passed as told in other words."""
    from tests.test_answering import _service_over

    service = _service_over(CONSERVATORY.replace("Mara", "Ambrose"), tmp_path)
    died = service.ask("When did Ambrose Lind die?")
    assert not died.answerable and 'never says "die"' in died.answer
    answer = service.ask("In which year did Ambrose Lind obtain her diploma?")
    assert answer.answerable and "1904" in answer.answer


def test_a_getting_is_told_by_what_is_got_whatever_the_verb() -> None:
    """ "On what date did Ashgrove obtain control of the company?" was refused on the
    eighteenth unseen batch ('never says "obtain"') where the article told that Ashgrove
    "gained control on 21 April": a verb of getting is told by its object."""
    elsewhere = (2, "The trust obtained a loan.")  # the article writes "obtain"
    gained = [(0, "Ashgrove raised its offer and gained control on 21 April 2006."), elsewhere]
    asked = "On what date did Ashgrove obtain control of the company?"
    assert _steps(gained, asked, "Ashgrove") is None
    # the thing got told nowhere near the name: still never told
    raised = [(0, "Ashgrove raised its offer on 21 April 2006."), (1, "Control passed in May.")]
    assert _steps([*raised, elsewhere], asked, "Ashgrove") == ("ashgrov", "obtain")
    # another verb's object tells nothing of the verb ("reject the treaty" of "signed")
    signed = [(0, "The Senate signed the treaty in 1871."), (1, "Others rejected it.")]
    assert _steps(signed, "When did the Senate reject the treaty?", "Senate") == ("senat", "reject")


def test_a_birth_asked_in_the_passive_is_looked_for_near_the_person() -> None:
    """ "When was she born?" after "Whom did Obrenthal marry?" (Klara Hallacher): the
    article tells his birth, in another paragraph, and her marriage, never her birth."""
    married = [(0, "Anton Obrenthal was born in Kessing in 1841."),
               (1, "In 1870 Obrenthal married Klara Hallacher, the daughter of his patron.")]  # fmt: skip
    assert _steps(married, "When was Klara Hallacher born?", "Klara Hallacher") == (
        "klara",
        "born",
    )
    assert _steps(married, "When was Anton Obrenthal born?", "Anton Obrenthal") is None
    told = [*married, (1, "Klara Hallacher was born in Velsberg in 1848.")]
    assert _steps(told, "When was Klara Hallacher born?", "Klara Hallacher") is None


def test_a_life_s_years_in_brackets_tell_when_the_person_was_born() -> None:
    """ "Renata Voss-Albrecht (14 March 1891 – 2 November 1968)" tells her birth's time,
    though no sentence near her writes "born" (the next paragraph calls her "Voss")."""
    renata = [(0, "Renata Voss-Albrecht (14 March 1891 – 2 November 1968) was a chemist."),
              (0, "She founded a dye works."),
              (0, "The works grew quickly."),
              (1, "Voss was born in Halvstadt, a textile town.")]  # fmt: skip
    asked = "When was Renata Voss-Albrecht born?"
    assert _steps(renata, asked, "Renata Voss-Albrecht") is None
    # a year in brackets that is no life's tells no birth
    built = [(0, "Renata Voss-Albrecht founded the works (built 1902) at Emmer."), *renata[1:]]
    assert _steps(built, asked, "Renata Voss-Albrecht") == ("renata", "born")


def test_a_step_told_of_the_last_word_of_the_name_itself_is_theirs() -> None:
    """ "Dorrance was born ... in Kessmoor" tells the birth of Ilse Dorrance, whom the
    article calls by her last name (an answerable of the Dorrance set was refused)."""
    dorrance = [(0, "Ilse Dorrance was a chemist."),
                (0, "She worked in Ulde."),
                (0, "Her firm grew."),
                (1, "Dorrance was born on 3 March 1908 in Kessmoor.")]  # fmt: skip
    assert _steps(dorrance, "When was Ilse Dorrance born?", "Ilse Dorrance") is None
    # the word's possessive is another's step ("Dorrance's son was born")
    son = [*dorrance[:3], (1, "Dorrance's son was born in 1940.")]
    assert _steps(son, "When was Ilse Dorrance born?", "Ilse Dorrance") == ("ils", "born")


def test_a_birth_is_asked_of_an_article_that_never_writes_born() -> None:
    """A step the article never writes is taken for a paraphrase and not checked, but a
    birth is told by "born" or a life's years: an article writing neither never tells it
    ("When was he born?" of the promoter of a railway)."""
    railway = [(0, "The line was promoted by wool merchants led by Josiah Penhallow."),
               (0, "They wanted a cheaper way than the canal."),
               (1, "Penhallow lent the company 20,000 pounds.")]  # fmt: skip
    asked = "When was Josiah Penhallow born?"
    assert _steps(railway, asked, "Josiah Penhallow") == ("josiah", "born")
    dated = [(0, "The line was promoted by Josiah Penhallow (1811–1880)."), *railway[1:]]
    assert _steps(dated, asked, "Josiah Penhallow") is None
    # any other step the article never writes may be told in other words
    assert _steps(railway, "When did Josiah Penhallow retire?", "Josiah Penhallow") is None
