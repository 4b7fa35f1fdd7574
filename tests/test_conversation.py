"""Follow-ups searched through earlier turns (the stores' rules: ``tests/test_state.py``)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from antqa.answering import Answerer
from antqa.answering.answerer import name_given, person_asked_of, person_named
from antqa.conversation import (
    FOLLOW_UP_STRENGTH,
    QUESTION_REPEATS_CAP,
    QUESTION_SHARE,
    QUESTION_WEIGHT,
    SearchPlan,
    Turn,
    asked_again,
    is_follow_up,
    plan_search,
    refers_to_a_thing,
)
from antqa.evaluation import ItemResult, evaluate_file
from antqa.models import Sentence, ShortAnswer
from antqa.questions import analyse
from antqa.service import QAService
from tests.conftest import retriever_over

DATA = Path(__file__).parent / "data"


def turn(question: str, answer: str = "An answer. [1]", ids: tuple[int, ...] = (7,)) -> Turn:
    return Turn(question=question, query=question, answer=answer, sentence_ids=ids)


@pytest.mark.parametrize(
    "question",
    [
        "And who replaced her?",
        "What happened after that?",
        "Tell me more",
        "Why?",
        "Which company does that remind them of?",
        "What position did she take after stepping down?",
        "Who was director at the time?",  # the time the last answer told of
    ],
)
def test_follow_ups_are_recognised(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    [
        "Which bank issued a counter-guarantee letter for the products?",
        "What is Ni Xingjun's nickname in the company?",
    ],
)
def test_standalone_questions_are_not_follow_ups(question: str) -> None:
    assert not is_follow_up(question)


def test_a_first_question_is_searched_as_asked() -> None:
    plan = plan_search("Who leads the committee?", [])
    assert plan.query == "Who leads the committee?"
    assert plan.anchors == () and plan.strength == 0 and not plan.follow_up


def test_a_follow_up_is_searched_with_the_previous_answer_not_its_question() -> None:
    history = [
        turn("Who was CEO before?", "Old answer. [1]", (1,)),
        turn("What did Alipay set up?", 'Alipay established a "class committee system". [2]', (9,)),
    ]
    plan = plan_search("Who leads it?", history)
    # "it" is what Alipay set up, which only the answer names: no name is written in for it
    assert plan.query == (
        'Who leads it? Who leads it? Alipay established a "class committee system".'
    )
    # the previous question restates what was answered: it would pull the search back there
    assert "What did Alipay set up?" not in plan.query and "What" not in plan.context
    assert plan.anchors == (9,)
    assert plan.strength == 1.0 and plan.follow_up
    assert not plan.continuation


def test_tell_me_more_asks_for_what_follows() -> None:
    plan = plan_search("Tell me more", [turn("What is the review method called?")])
    assert plan.continuation and plan.anchors == (7,)


def test_a_new_subject_in_a_conversation_only_leans_weakly_on_it() -> None:
    plan = plan_search(
        "Which bank issued a counter-guarantee letter for the products?",
        [turn("Who is Li Zhiguo?")],
    )
    assert plan.query == "Which bank issued a counter-guarantee letter for the products?"
    assert 0 < plan.strength < 1


def test_a_refused_turn_gives_no_context() -> None:
    refused = turn("What was the revenue?", "The article doesn't say. …", ())
    plan = plan_search("And the profit?", [refused])
    assert "doesn't say" not in plan.query
    assert plan.context == "What was the revenue?"  # all there is to go on
    assert plan.anchors == ()


def test_a_follow_up_reads_what_the_answer_chose_not_the_runner_up_it_hedged_with(
    real_service: QAService,
) -> None:
    first = real_service.ask("Which department did Alipay start out as?")
    hedge = "We know that Ant Financial started from Alipay."
    assert "settlement department of Taobao" in first.answer and hedge in first.answer
    turn = real_service.conversations.history(first.conversation_id)[-1]
    assert "settlement department of Taobao" in turn.answer and hedge not in turn.answer
    # so "that company" is Taobao, which the answer chose, not the hedge's Ant Financial
    culture = real_service.ask("What is that company's culture like?", first.conversation_id)
    assert "Taobao’s culture is lively and agile" in culture.answer


def test_a_follow_up_outweighs_a_short_previous_answer_in_its_query() -> None:
    answer = "A short answer that tells one other thing. [1]"
    plan = plan_search("And who leads it?", [turn("What was set up?", answer)])
    assert plan.query.count("And who leads it?") == QUESTION_WEIGHT > 1
    assert plan.query.endswith(plan.context)


def test_a_follow_up_is_written_more_times_the_longer_the_previous_answer() -> None:
    # the model pools every token alike: after a long answer the question keeps about
    # QUESTION_SHARE of the words, not the tenth two copies of it would be
    question = "Which hospital was he taken to?"
    history = [turn("Who was the first case?", "An answer that tells many other things. " * 12)]
    plan = plan_search(question, history)
    words = len(plan.context.split())
    assert QUESTION_WEIGHT < plan.query.count(question) <= QUESTION_REPEATS_CAP
    assert len(question.split()) * plan.query.count(question) >= QUESTION_SHARE * words * 0.9
    assert plan.query.endswith(plan.context)


def test_a_one_word_follow_up_is_written_at_most_the_cap_times() -> None:
    history = [turn("When did the mill close?", "An answer that tells many other things. " * 12)]
    assert plan_search("Why?", history).query.count("Why?") == QUESTION_REPEATS_CAP


def test_a_follow_up_on_a_thing_is_embedded_with_the_name_the_answer_gave() -> None:
    answered = dataclasses.replace(
        turn("Who bought the company's remaining properties in 1952?"),
        thing="Vellan Metals Company",
    )
    plan = plan_search("why did they shut the Whitcombe Shaft?", [answered])
    assert plan.referent() == "Vellan Metals Company"
    assert plan.query == (
        "why did they shut the Whitcombe Shaft? "
        "why did Vellan Metals Company shut the Whitcombe Shaft? An answer."
    )


def test_a_follow_up_on_a_thing_is_embedded_with_the_names_the_question_before_wrote() -> None:
    plan = plan_search(
        "What did Cenric get out of it?", [turn("When was the Treaty of Saltmere signed in April?")]
    )
    assert plan.referent() == "Treaty of Saltmere"  # the month names no thing
    assert "What did Cenric get out of Treaty of Saltmere?" in plan.query


@pytest.mark.parametrize(
    ("before", "referent"),
    [
        # "it" is the thing asked for, which the question describes ...
        (
            "What was the first steam engine in the Quill valley?",
            "the first steam engine in the Quill valley",
        ),
        ("What was the Cadby Diversion?", "the Cadby Diversion"),
        ("And what was the mill called?", "the mill"),
        # ... or does not: then no name of the question's stands for it
        ("What did Philip Cradock shut down in 1927?", ""),
        ("Which office did the Eleventh Amendment create?", ""),
        ("What was his job?", ""),
        # an event or a time is told of what the question names
        ("What happened to the Greyholt Tunnel in 1966?", "Greyholt Tunnel"),
        ("What did Stenmark do in Berlin?", "Stenmark Berlin"),
        ("What caused the Brannoch Estuary flood?", "Brannoch Estuary"),
        ("What year was the Treaty of Saltmere signed?", "Treaty of Saltmere"),
    ],
)
def test_after_a_question_asking_which_thing_it_stands_for_its_answer(
    before: str, referent: str
) -> None:
    plan = plan_search("what happened to it in the end?", [turn(before)])
    assert plan.referent() == referent


@pytest.mark.parametrize(
    ("before", "question", "referent"),
    [
        # "it", "that", "there" after "who did something to NP": the NP, not the person
        (
            "Who led the Oskarian relief fleet?",
            "when did it set sail?",
            "the Oskarian relief fleet",
        ),
        ("Who designed the Palm House?", "How much did it cost?", "the Palm House"),
        ("Who was given the 2011 title?", "when was that?", "the 2011 title"),
        # "they" may be the ones answered
        ("Who replaced Corvalis Mutual as sponsor?", "and why did they pull out?", "Anna Vell"),
        # no thing acted on: the one asked of is named, or only the person
        ("Who did Pendrecht marry?", "when did that happen?", "Anna Vell"),
        ("Who was the first chair of the company?", "when did it close?", "Anna Vell"),
    ],
)
def test_after_who_did_something_to_a_thing_it_stands_for_that_thing(
    before: str, question: str, referent: str
) -> None:
    answered = dataclasses.replace(turn(before), thing="Anna Vell")
    plan = plan_search(question, [answered])
    assert plan.referent() == referent
    assert referent in plan.query


@pytest.mark.parametrize(
    ("question", "history"),
    [
        ("When did he resign?", [turn("When was the Treaty of Saltmere signed?")]),  # a person
        ("When was it signed?", [turn("When was the Treaty of Saltmere signed?", ids=())]),
        ("Tell me more", [turn("When was the Treaty of Saltmere signed?")]),
        ("How many boats used it?", [turn("What was built in 1806?")]),  # nothing named
    ],
)
def test_no_thing_is_written_in_where_none_is_referred_to_or_named(
    question: str, history: list[Turn]
) -> None:
    plan = plan_search(question, history)
    assert plan.referent() == ""
    assert plan.query.count(question) == (QUESTION_WEIGHT if plan.context else 1)


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Sigrun", "Sigrun"),
        ("Vellan Metals Company", "Vellan Metals Company"),
        ("1995", ""),
        ("£2,500", ""),
        ("three eggs", ""),
    ],
)
def test_the_thing_an_answer_gives_is_a_name_shown_as_its_short_answer(
    text: str, thing: str
) -> None:
    assert name_given(ShortAnswer(text=text, start=0, end=len(text))) == thing
    assert name_given(None) == ""


def test_a_follow_up_finds_what_it_asks_not_the_last_answer_again(
    real_service: QAService,
) -> None:
    # the previous answer is long and about the committee's members: with the question
    # written once the query matched them again ("Jing Xiandong serves as the squad leader")
    first = real_service.ask("what's the class committee system at alipay?")
    answer = real_service.ask(
        "who came up with it originally, and where else did it work?", first.conversation_id
    )
    assert "first implemented by Yu Yongfu at UC" in answer.answer, answer.answer


def asked_of(
    article: Path, items: list[dict[str, Any]], service: QAService, folder: Path
) -> dict[str, ItemResult]:
    """The scored answers to evaluation ``items`` (history first) about another ``article``."""
    path = folder / "followups.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return {r.id: r for r in evaluate_file(path, service, article_file=article).items}


def person_turn(question: str, about: str) -> Turn:
    return Turn(
        question=question, query=question, answer="An answer. [1]", sentence_ids=(7,), about=about
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Which school did he teach at?", "Which school did Colm Varey teach at?"),
        ("What was her father's name?", "What was Colm Varey's father's name?"),
        ("Where did his family live?", "Where did Colm Varey's family live?"),
        ("When did the court sentence her?", "When did the court sentence Colm Varey?"),
        # the first pronoun is the one just named; "him" is whom the question before asked of
        ("What did he make him write?", "What did Colm Varey make him write?"),
        ("Why did it fail?", "Why did it fail?"),  # a person is no "it"
    ],
)
def test_a_follow_up_reads_the_person_the_last_answer_named_for_its_pronoun(
    question: str, named: str
) -> None:
    plan = plan_search(question, [person_turn("Who led the rent strike?", "Colm Varey")])
    assert plan.named("Colm Varey") == named
    assert plan.question == question  # searched as asked


def test_a_question_on_a_new_subject_reads_no_one_for_he() -> None:
    plan = plan_search(
        "When was the Harland company founded?",
        [person_turn("Who led the rent strike?", "Colm Varey")],
    )
    assert plan.about == "" and plan.named("Colm Varey") == plan.question


def test_a_follow_up_is_refused_as_the_question_naming_its_person_would_be(
    real_service: QAService, tmp_path: Path
) -> None:
    """On another article: "his committee" after Henry Aske led the mediators is asked of
    him, who chaired none (the Hesketh committee's recommendations are another man's); "he"
    after "Walter Hesketh" is read as "Hesketh", as the article calls him where it tells
    of his bill, so the answerable one is not refused for a first name written apart."""
    article = DATA / "strike.txt"
    items = [
        {
            "id": "aske",
            "type": "unanswerable",
            "question": "What did his committee recommend?",
            "history": [{"question": "Who led the Board of Conciliation's mediators?"}],
            "evidence": [],
        },
        {
            "id": "hesketh",
            "type": "followup",
            "question": "What bill did he introduce in 1913?",
            "history": [{"question": "Who chaired the committee of inquiry in Hallam?"}],
            "evidence": ["A minimum wage bill for women"],
        },
    ]
    results = asked_of(article, items, real_service, tmp_path)
    assert results["aske"].refused
    assert results["hesketh"].answer_hit and not results["hesketh"].refused


@pytest.mark.parametrize(
    ("question", "short", "person"),
    [
        ("Who chaired the inquiry?", "Assemblyman Walter Hesketh", "Walter Hesketh"),
        ("Who did the strikers blame?", "a guard", ""),  # no one by name
        ("Where was he born?", "Kessing", ""),  # a place is no "he"
        ("Who is Ni Xingjun?", "Jing Xiandong", "Ni Xingjun"),  # asks what he is
        ("Who gave the lecture?", "Halden Medal", ""),  # a thing named after someone
    ],
)
def test_the_person_an_answer_names_is_the_name_a_who_question_asked_for(
    question: str, short: str, person: str
) -> None:
    answer = ShortAnswer(text=short, start=0, end=len(short))
    assert person_named(analyse(question), answer) == person


@pytest.mark.parametrize(
    ("question", "short", "person"),
    [
        ("Which critic described the music as dull?", "Viktor Albrecht", "Viktor Albrecht"),
        ("Which dam took over as the tallest?", "Hurnsby Dam", ""),  # "dam": a thing
        ("Which agency supplied the guards?", "Garrick Detective Agency", ""),
        ("Which city did the critic move to?", "Velsberg", ""),  # a place
        ("Which opera was withdrawn?", "Sigrun", ""),  # one word: a work as well as anyone
        # an institution answering "who" is no "he" either (a follow-up "when did he die?"
        # read as "when did Medical College die?" was refused on the nineteenth unseen batch)
        ("Who founded the garden?", "Tamberly Medical College", ""),
        ("Who founded the garden?", "Elias Marrow", "Elias Marrow"),
        # a thing named after someone, the article writing its noun capitalised only: a
        # follow-up "who replaced him?" read as "who replaced Marten Prize?" was refused
        ("Who wrote the book on the crash?", "Marten Prize", ""),
    ],
)
def test_a_who_or_which_question_names_a_person_when_its_answer_is_a_name_of_the_article(
    question: str, short: str, person: str
) -> None:
    """A "who" question, or a "which" question of any noun ("Which critic ...?"), answered
    by a person's name is whom a follow-up's "he" stands for: a name none of whose words
    the article writes in lower case ("the college"), and no place it writes."""
    from antqa.short_answers.names import ArticleNames

    article = ArticleNames(
        "The Hurnsby Dam was finished in 1988; the dam is the tallest in the region. "
        "The Garrick Detective Agency supplied guards, and the agency was paid well. "
        "The critic Viktor Albrecht moved to Velsberg. Sigrun was withdrawn. "
        "The garden was attached to the Tamberly Medical College. Elias Marrow leased the "
        "land with the backing of the college and its treasurer. Hesper's book on the "
        "crash won the Marten Prize."
    )
    answer = ShortAnswer(text=short, start=0, end=len(short))
    assert person_named(analyse(question), answer, article) == person
    if question.startswith("Which"):  # no article: no name to read for "which"
        assert person_named(analyse(question), answer) == ""


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("What was Aurel Vennick's job?", "Aurel Vennick"),
        ("Why did Lionel Hask resign?", "Lionel Hask"),
        # a one-word thing beside the person is no second person
        ("What did the Clarion's article accuse Ferdinand Caul of?", "Ferdinand Caul"),
        ("Who was Aurel Vennick's father?", ""),  # "he" is then the one answered
        ("Which of Aurel Vennick's pupils became a banker?", ""),  # likewise
        ("When did Aurel Vennick meet Lionel Hask?", ""),  # two: "he" is either
        ("When was the Hurnsby Dam finished?", ""),  # "dam": a thing
    ],
)
def test_a_question_naming_one_person_and_asking_for_no_one_is_about_them(
    question: str, person: str
) -> None:
    """ "Where was he born?" after "What was Aurel Vennick's job?" asks of Aurel Vennick, as
    it would after "Who was the schoolmaster?" answered with his name."""
    from antqa.short_answers.names import ArticleNames

    article = ArticleNames(
        "The schoolmaster Aurel Vennick founded the purse. Lionel Hask resigned as deputy. "
        "The Clarion accused Ferdinand Caul. The Hurnsby Dam was finished; the dam is tall."
    )
    assert person_asked_of(analyse(question), article) == person


def test_a_follow_up_on_the_person_the_question_before_named_is_read_with_them(
    real_service: QAService, tmp_path: Path
) -> None:
    """On another article: "he" after "What was Aurel Vennick's job?" is Vennick, whose
    lifespan the article gives but not where he was born: refused, where before the
    follow-up read no one and quoted his sentence. What that sentence does tell of him
    is still answered."""
    article = DATA / "ossendrian-mutualism.txt"
    history = [{"question": "What was Aurel Vennick's job?"}]
    items = [
        {"id": "born", "type": "unanswerable", "question": "Where was he born?",
         "history": history, "evidence": []},
        {"id": "households", "type": "followup",
         "question": "How many households did he persuade?", "history": history,
         "evidence": ["forty-two households"]},
    ]  # fmt: skip
    results = asked_of(article, items, real_service, tmp_path)
    assert results["born"].refused
    assert results["households"].answer_hit and not results["households"].refused


@pytest.mark.parametrize(
    ("question", "when", "dated"),
    [
        ("How many jobs were lost then?", "1931", "How many jobs were lost in 1931?"),
        ("how much did the winner get that year?", "2021", "how much did the winner get in 2021?"),
        ("Where was she at the time?", "1986", "Where was she in 1986?"),
        ("what changed then?", "23 March 2020", "what changed on 23 March 2020?"),
        ("how old was she then?", "the 1930s", "how old was she in the 1930s?"),
        ("what had he built by then?", "1931", "what had he built by 1931?"),
        ("who ran it by that time?", "1931", "who ran it by 1931?"),
        ("what else opened the same year?", "1931", "what else opened in 1931?"),
        ("who led it then?", "between 1964 and 1969", "who led it between 1964 and 1969?"),
        # "then" going on, not dating: as asked
        ("What do people expect from it, then?", "1931", "What do people expect from it, then?"),
        ("and then?", "1931", "and then?"),
        ("Then what did he do?", "1931", "Then what did he do?"),
        ("Why did it fail?", "1931", "Why did it fail?"),  # no time word
    ],
)
def test_a_follow_up_reads_the_time_the_last_answer_gave_for_then(
    question: str, when: str, dated: str
) -> None:
    """ "then" and "that year" stand for the time the answer before gave (``Turn.when``),
    which the time checks read as if typed: the question itself is still searched."""
    last = Turn("When did the Ophir mine close?", "q", "In 1931. [1]", (7,), when=when)
    plan = plan_search(question, [last])
    assert plan.dated() == dated
    assert plan.question == question and plan.query.startswith(question)


def test_a_question_on_a_new_subject_reads_no_time_for_then() -> None:
    last = Turn("When did the Ophir mine close?", "q", "In 1931. [1]", (7,), when="1931")
    plan = plan_search("Who was the mayor of Harlow Creek then?", [last])
    assert plan.when == "1931"  # "then" makes it a follow-up
    plan = plan_search("Who founded the Corran Consolidated Mining Company?", [last])
    assert plan.when == "" and plan.dated() == plan.question


@pytest.mark.parametrize(
    ("question", "short", "sentence", "when"),
    [
        # a "when" answered: its short answer
        ("When did the Ophir mine close?", "1931", "The mine closed in 1931 and 1932.", "1931"),
        # anything else: the first time its main sentence gives, when what it tells happened
        (
            "Who was the first woman to win the event?",
            "Vera Aldana",
            "Vera Aldana took five titles; the first, in 1986, made her the first woman "
            "to win, and the last came in 2002.",
            "1986",
        ),
        ("What was the shooting?", None, "On 9 September 1912 guards fired.", "1912"),
        ("Who founded the garden?", "Elias Marrow", "Elias Marrow founded it.", ""),
    ],
)
def test_the_time_an_answer_gives_is_its_short_answer_to_when_else_its_first(
    question: str, short: str | None, sentence: str, when: str
) -> None:
    from antqa.answering.answerer import time_given
    from antqa.models import Sentence

    found = None if short is None else ShortAnswer(text=short, start=0, end=len(short))
    main = Sentence(id=0, text=sentence, start=0, end=len(sentence), paragraph=0)
    assert time_given(analyse(question), found, main) == when


def test_a_follow_up_asking_of_then_is_refused_as_the_question_dated_whole_would_be(
    real_service: QAService, tmp_path: Path
) -> None:
    """On another article: "How many jobs were lost then?" after the Ophir mine closed in
    1931 asks of 1931; the article gives the jobs lost when the last mine closed in 1961,
    so it is refused as "How many jobs were lost in 1931?" would be. "who was governor
    then" after the shooting of 9 September 1912 (its answer's first time) is answered."""
    article = DATA / "mining-town.txt"
    items = [
        {"id": "jobs", "type": "unanswerable", "question": "How many jobs were lost then?",
         "history": [{"question": "When did the Ophir mine close?"}], "evidence": []},
        {"id": "governor", "type": "followup",
         "question": "who was governor then and what did he do?",
         "history": [{"question": "What was the Ore Avenue shooting?"}],
         "evidence": ["The territorial governor, Lewis Carrow, declared martial law"]},
    ]  # fmt: skip
    results = asked_of(article, items, real_service, tmp_path)
    assert results["jobs"].refused
    assert results["governor"].answer_hit and not results["governor"].refused


def test_a_follow_up_s_short_answer_is_never_the_one_it_asks_of(
    real_service: QAService, tmp_path: Path
) -> None:
    """On another article: "Whom did the strikers blame for it?" after Rosa Venn was shot
    is answered from the sentence naming her, but its short answer is not "Rosa Venn": she
    is what "it" is about (``SearchPlan.about``), as a question naming her gives no short
    answer of her name."""
    items = [
        {"id": "blame", "type": "followup", "question": "Whom did the strikers blame for it?",
         "history": [{"question": "Who was shot dead at the Whitcomb mill gates?"}],
         "evidence": ["the strikers blamed a guard"]},
    ]  # fmt: skip
    result = asked_of(DATA / "strike.txt", items, real_service, tmp_path)["blame"]
    assert result.answer_hit and result.short_answer != "Rosa Venn"


def test_a_follow_ups_short_answer_is_never_what_the_question_before_asked_of() -> None:
    before = "Which locomotive is preserved at the Saltmouth Museum of Transport?"
    plan = plan_search("Where was it built?", [turn(before)])
    assert plan.before == before
    assert plan.asked_before("Saltmouth Museum of Transport")
    assert not plan.asked_before("the works at Dunmere")
    # a question on its own follows nothing up: any short answer stays
    alone = plan_search("Which works built the Corrin locomotive?", [turn(before)])
    assert alone.before == "" and not alone.asked_before("Saltmouth Museum of Transport")


GARDEN = (
    "The garden was laid out in 1801 by the physician Elias Marrow. "
    "Marrow kept the garden until his death in 1834.\n\n"
    "A later collector, Tom Brannock, sailed for the east in 1870. "
    "Brannock died of fever at the port of Ilsandra Port in 1880."
)


def test_a_follow_ups_short_answer_far_from_the_last_answer_must_name_whom_it_asks_of(
    tmp_path: Path,
) -> None:
    answerer = Answerer(retriever_over(GARDEN, tmp_path))
    sentences = answerer.index.sentences
    near, far = sentences[1], sentences[3]

    def short_in(sentence: Sentence, text: str) -> ShortAnswer:
        start = sentence.start + sentence.text.index(text)
        return ShortAnswer(text=text, start=start, end=start + len(text))

    def strays(about: str, short: ShortAnswer, sentence: Sentence, **plan: Any) -> bool:
        asked = plan.pop("question", "when did he die?")
        strength = plan.pop("strength", FOLLOW_UP_STRENGTH)
        searched = SearchPlan(asked, anchors=(0,), strength=strength, about=about)
        return answerer._strays(searched, analyse(asked), short, [sentence])

    # "he" is Marrow: another paragraph's death, naming someone else, is a guess
    assert strays("Elias Marrow", short_in(far, "1880"), far)
    assert not strays("Elias Marrow", short_in(near, "1834"), near)
    # far, but naming the one "he" stands for
    assert not strays("Tom Brannock", short_in(far, "1880"), far)
    # far, but a name saying it is of the kind asked
    assert not strays("", short_in(far, "Ilsandra Port"), far, question="Which port did he reach?")
    assert strays("", short_in(far, "Ilsandra Port"), far, question="Where did he go?")
    # a question on its own is answered wherever it is found
    assert not strays("Elias Marrow", short_in(far, "1880"), far, strength=0.35)


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("When was it introduced?", True),
        ("How much would that extension cost?", True),
        ("How many people lived there?", True),
        ("When did he die?", False),  # a person, told of wherever the article names them
        ("How many men did his militia have?", False),
        ("When was the Harland company founded?", False),  # refers back to nothing
        ("How many jobs were lost that year?", False),  # a time, dated anywhere
        ("How many jobs were lost then?", False),
        ("How many of those jobs were lost then?", True),
    ],
)
def test_a_follow_up_refers_to_a_thing_by_it_there_or_that_not_by_he(
    question: str, thing: bool
) -> None:
    assert refers_to_a_thing(question) is thing


BOURSE = (
    "The Halvessa Bourse replaced open-outcry trading in 1989 with an electronic system "
    "called KESTREL. The system matched orders by price.\n\n"
    "The circuit breakers were introduced in 1997 at a cost of £4 million. "
    "Each breaker stops trading for an hour.\n\n"
    "The Bourse later moved to a new building on the harbour."
)


def anchored(question: str, **plan: Any) -> SearchPlan:
    """``question`` asked after an answer quoting the first sentence of :data:`BOURSE`."""
    strength = plan.pop("strength", FOLLOW_UP_STRENGTH)
    before = plan.pop("before", "What replaced open-outcry trading?")
    return SearchPlan(
        question, context="An answer.", anchors=(0,), strength=strength, before=before
    )


def test_a_follow_up_asking_a_figure_of_it_is_answered_near_the_last_answer(
    tmp_path: Path,
) -> None:
    """A date asked of "it" ("When was it introduced?" after KESTREL) is answered from
    its paragraph, not from another that shares the verb ("The circuit breakers were
    introduced in 1997"), when a sentence there gives a date; not so for "he", nor for a
    question on its own."""
    retriever = retriever_over(BOURSE, tmp_path)
    chooser = Answerer(retriever).chooser
    near, far = 0, 2  # the KESTREL sentence; the circuit breakers'
    values = {near: 1.0, far: 2.0}  # the far one matched best

    def kept(plan: SearchPlan) -> set[int]:
        return set(chooser._near_the_anchors(dict(values), plan, retriever.score(plan)))

    assert kept(anchored("When was it introduced?")) == {near}
    assert kept(anchored("When was he appointed?")) == {near, far}  # a person: anywhere
    assert kept(anchored("When was it introduced?", strength=0.35)) == {near, far}
    # near, nothing gives the figure asked: all stay (the refusal checks judge it)
    assert kept(anchored("How much did it cost?")) == {near, far}
    # after the article's subject, "it" may be the subject, told of in every paragraph
    assert kept(anchored("When was it introduced?", before="What is the Halvessa Bourse?")) == {
        near,
        far,
    }


def test_a_figure_of_it_given_only_far_from_the_last_answer_is_refused(tmp_path: Path) -> None:
    """A sum asked of "it" (after KESTREL), answered from another paragraph while none
    near gives a sum, asks the cost of another thing: refused. A date asked is given near
    (the choice keeps to it), and "he" may be told of anywhere."""
    retriever = retriever_over(BOURSE, tmp_path)
    answerer = Answerer(retriever)
    far = answerer.index.sentences[2]  # the circuit breakers', with their cost

    def doubt(question: str, **plan: Any) -> str | None:
        searched = anchored(question, **plan)
        return answerer.checks._figure_elsewhere(searched, retriever.score(searched), [far])

    assert doubt("How much did it cost?") == " — where it tells of that, it never gives an amount"
    assert doubt("When was it introduced?") is None  # near, a sentence gives a date
    assert doubt("How much did he pay?") is None
    assert doubt("How much did it cost?", strength=0.35) is None
    assert doubt("How much did it cost?", before="What is the Halvessa Bourse?") is None


def test_a_figure_told_far_of_a_name_the_last_answer_wrote_is_not_refused(
    tmp_path: Path,
) -> None:
    """Far from the last answer, a sentence whose subject is a name alone that answer
    wrote ("Kestrel was replaced ...", after "... an electronic system called KESTREL")
    tells of the same thing: not refused as another's figure."""
    retriever = retriever_over(
        BOURSE + "\n\nKestrel was replaced in 2004 at a cost of £9 million.", tmp_path
    )
    answerer = Answerer(retriever)
    far, kestrel = answerer.index.sentences[2], answerer.index.sentences[5]
    searched = anchored("How much did it cost?")
    scores = retriever.score(searched)
    assert answerer.checks._figure_elsewhere(searched, scores, [kestrel]) is None
    assert answerer.checks._figure_elsewhere(searched, scores, [far]) is not None


def test_a_follow_up_asking_a_date_or_sum_of_it_reads_the_paragraph_it_stands_for(
    real_service: QAService, tmp_path: Path
) -> None:
    """On another article: "When did it open again?" after the Palm House's closing is
    answered from its paragraph ("The building reopened on 22 June 1989"), not from the
    garden's own opening elsewhere; "what did it cost to build originally?" after the
    Temperate House's architect is refused, not answered with the Palm House's cost."""
    items = [
        {"id": "reopened", "type": "followup", "question": "When did it open again?",
         "history": [{"question": "Why was the Palm House closed in 1982?"}],
         "evidence": ["The building reopened on 22 June 1989"]},
        {"id": "cost", "type": "unanswerable",
         "question": "And what did it cost to build originally?",
         "history": [{"question": "Who designed the Temperate House?"}], "evidence": []},
    ]  # fmt: skip
    results = asked_of(DATA / "tamberly-botanic-garden.txt", items, real_service, tmp_path)
    assert results["reopened"].answer_hit, results["reopened"].answer
    assert results["cost"].refused, results["cost"].answer


FLEET = (
    "The garrison surrendered within sight of the walls, and the war ended in 1690. "
    "Admiral Moell led the relief fleet. The fleet sailed on 6 August. "
    "It reached the walls on 19 August."
)


def test_a_follow_up_on_what_someone_did_something_to_is_answered_where_that_is_written(
    tmp_path: Path,
) -> None:
    """ "when did it set sail?" after "Who led the relief fleet?" asks of the fleet: a best
    candidate not writing "fleet" (the last answer's date of the war's end) gives way to
    those that do, or that open with a word for it ("It reached ..."); not so when "it"
    follows a question naming no thing acted on, nor for "they"."""
    retriever = retriever_over(FLEET, tmp_path)
    chooser = Answerer(retriever).chooser
    ended, led, sailed, reached = 0, 1, 2, 3
    values = {ended: 3.0, led: 1.0, sailed: 2.0, reached: 1.5}

    def kept(question: str, before: str) -> set[int]:
        plan = SearchPlan(
            question, context="An answer.", anchors=(1,), strength=FOLLOW_UP_STRENGTH, before=before
        )
        return set(chooser._writing_the_thing(dict(values), plan))

    assert kept("when did it set sail?", "Who led the relief fleet?") == {led, sailed, reached}
    assert kept("when did it set sail?", "Who did Moell marry?") == set(values)
    assert kept("when did they set sail?", "Who led the relief fleet?") == set(values)


@pytest.mark.parametrize(
    ("question", "before", "stands_for"),
    [
        (
            "and in 1921?",
            "How many people did the mill employ in 1917?",
            "How many people did the mill employ in 1921?",
        ),
        ("what about in 2007?", "How much did CVA lose in 2008?", "How much did CVA lose in 2007?"),
        ("And the 1930s?", "What was the fare in 1920?", "What was the fare in the 1930s?"),
        # more than a time: it asks something of its own
        ("What about coal?", "What was the tax in 1920?", "What about coal?"),
        ("and why in 1921?", "What closed in 1917?", "and why in 1921?"),
        # the question before wrote no time (or two) to put it in place of
        ("and by 1900?", "How much cloth did the mill make at its peak?", "and by 1900?"),
        ("and in 1921?", "What rose between 1901 and 1917?", "and in 1921?"),
    ],
)
def test_a_follow_up_asking_only_of_another_time_stands_for_the_question_before(
    question: str, before: str, stands_for: str
) -> None:
    assert asked_again(question, before) == stands_for


def test_an_elliptical_follow_up_is_planned_as_the_question_it_stands_for() -> None:
    before = "How many people did the mill employ in 1917?"
    plan = plan_search("and in 1921?", [turn(before)])
    assert plan.question == "How many people did the mill employ in 1921?"
    assert plan.follow_up and plan.before == before
    # asked on its own, nothing precedes it to stand for
    assert plan_search("and in 1921?", []).question == "and in 1921?"


def test_an_elliptical_follow_up_is_answered_and_refused_as_typed_whole(
    real_service: QAService, tmp_path: Path
) -> None:
    """On another article: "and in 1962?" after the passengers carried in 1976 is answered
    with the 1962 figure; "what about in 2007?" after CVA's loss in 2008 is refused, as
    "How much did CVA lose in 2007?" is (the article gives no loss of 2007)."""
    items = [
        {"id": "1962", "type": "followup", "question": "and in 1962?",
         "history": [{"question": "How many passengers did the airline carry in 1976?"}],
         "evidence": ["By 1962 the airline was carrying 11,400 passengers a year"],
         "answer": "11,400"},
        {"id": "2007", "type": "unanswerable", "question": "what about in 2007?",
         "history": [{"question": "How much did CVA lose in 2008?"}], "evidence": []},
    ]  # fmt: skip
    results = asked_of(DATA / "regional-airline.txt", items, real_service, tmp_path)
    assert results["1962"].answer_hit and results["1962"].short_answer == "11,400"
    assert results["2007"].refused


def test_elliptical_follow_ups_in_a_row_each_stand_for_the_question_first_asked(
    real_service: QAService, tmp_path: Path
) -> None:
    """A follow-up "what about in 2007?" after "and in 2004?" still asks CVA's loss: the
    turn keeps the question the one before stood for, not its few words (kept as typed,
    "what about in 2007?" was answered with the chief executive dismissed in 2007)."""
    items = [
        {"id": "2007", "type": "unanswerable", "question": "what about in 2007?",
         "history": [{"question": "How much did CVA lose in 2008?"},
                     {"question": "and in 2004?"}],
         "evidence": []},
    ]  # fmt: skip
    assert asked_of(DATA / "regional-airline.txt", items, real_service, tmp_path)["2007"].refused


HARBOUR = "\n\n".join(
    [
        "Port Ellan is a harbour town on the Sallow coast.",
        "In 1986 a survey of the harbour walls found deep cracks in the north pier.",
        "The town hall was rebuilt in 1902.",
        "A fish market opened on the quay in 1911.",
        "The lifeboat station moved to the east beach in 1930.",
        "The harbour master Tomas Quist led the dredging of the channel in 1947.",
    ]
)


def test_a_person_asked_of_it_told_far_from_the_last_answer_is_refused(tmp_path: Path) -> None:
    """A follow-up "who led it?" after the 1986 survey: the person leading something four paragraphs
    on leads another thing (``AnswerPolicy.person_of_it_paragraphs``); one told in the
    survey's paragraph, or a question asking no person, is not refused so."""
    retriever = retriever_over(HARBOUR, tmp_path)
    answerer = Answerer(retriever)
    sentences = answerer.index.sentences
    survey = next(s for s in sentences if "survey" in s.text)
    dredging = next(s for s in sentences if "Quist" in s.text)
    before = Turn(
        question="What did the 1986 survey find?",
        query="What did the 1986 survey find?",
        answer=survey.text + " [1]",
        sentence_ids=(survey.id,),
    )

    def doubt(question: str, chosen: Sentence) -> str | None:
        plan = plan_search(question, [before])
        return answerer.checks._person_of_it_elsewhere(plan, retriever.score(plan), [chosen])

    assert dredging.paragraph - survey.paragraph > answerer.policy.person_of_it_paragraphs
    assert doubt("who led it?", dredging) is not None
    assert doubt("who led it?", survey) is None
    assert doubt("when did it end?", dredging) is None
