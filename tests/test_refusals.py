"""The times a question or sentence pins, and when they say the question is about another."""

from __future__ import annotations

import pytest

from antqa.answering import NOT_COVERED
from antqa.answering.reading import subject_names, subject_noun
from antqa.lexical import LexicalIndex, resembles, tokenize
from antqa.models import Sentence
from antqa.questions import meaning_language, months_spelled_out
from antqa.refusals import (
    ArticleWords,
    asked_role,
    dated_elsewhere,
    given_role,
    given_to_another,
    in_period_written,
    languages_named,
    noun_asked_of,
    numbered_names,
    opening_name,
    opposite_word,
    own_steps,
    periods,
    placed_elsewhere,
    plain_words,
    role_held,
    role_written,
    short_range_end,
    subject_doing,
    time_conflict,
    vague_time_alone,
    word_written,
    written_out,
)
from antqa.short_answers.names import ArticleNames


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Who invaded Scotland in the 10th century?", [(900, 999)]),
        ("in the 10th and 11th centuries", [(900, 999), (1000, 1099)]),
        ("What Norman law was developed between 1000 and 1300?", [(1000, 1300)]),
        ("a golden age in the 1100s", [(1100, 1199)]),
        ("Hervé in the 1050s", [(1050, 1059)]),
        ("The duchy began in 911 as a fiefdom.", [(911, 911)]),
        ("In April 1191 Richard left Messina.", [(1191, 1191)]),
        # a year that opens or closes a time runs on past it, or up to it
        ("Why did less coal get shipped after 1918?", [(1918, 2100)]),
        ("Who ruled Sicily before 1130?", [(100, 1130)]),
        # a word after the year that is no plural is counted by nothing: the time is open
        ("How much did the rebuilding after 1907 cost?", [(1907, 2100)]),
        # a range whose last year is written by its last two digits
        ("How many warships did it finish during the 1914-18 war?", [(1914, 1918)]),
        ("in the 1998–03 seasons", [(1998, 2003)]),
        # counts, not years
        ("an army of 30,000 men in 300 ships", []),
        ("after 100 people left, until 500 men came", []),
        ("How many men did the army of 2,400 navvies face?", []),
    ],
)
def test_periods_read_centuries_decades_ranges_and_years(
    text: str, spans: list[tuple[int, int]]
) -> None:
    assert [(p.first, p.last) for p in periods(text)] == spans


def test_the_short_end_of_a_year_range_is_a_year_not_a_number() -> None:
    asked = "How many warships did it finish during the 1914-18 war?"
    assert short_range_end(asked, asked.index("18 war")) == "1918"
    assert short_range_end(asked, asked.index("1914")) is None
    assert short_range_end("Who won the 18 races?", 12) is None


def test_a_sentence_dated_only_at_other_times_conflicts() -> None:
    question = "Who invaded Scotland in the 10th century?"
    conflict = time_conflict(question, "William invaded Scotland in 1072.")
    assert conflict is not None and conflict[1].text == "1072"
    assert time_conflict(question, "In 934, an army invaded Scotland.") is None
    assert time_conflict(question, "An army invaded Scotland.") is None  # undated: no evidence
    # adjacent centuries do not overlap
    assert time_conflict("in the 16th century", "In the 17th century they sided with it.")
    # "after 1918" pins no year: a sentence dated later is within it
    later = "Demand for coal fell, and the pits closed between 1926 and 1959."
    assert time_conflict("Why did less coal get shipped after 1918?", later) is None
    assert time_conflict("What was shipped before 1918?", later) is not None
    # two spans of years that only touch are two times; a year at the edge is in the span
    counted = "Records list 131 deaths between 1885 and 1894."
    assert time_conflict("How many died between 1894 and 1906?", counted) is not None
    assert time_conflict("How many died between 1890 and 1900?", counted) is None
    assert time_conflict("How many died in 1894?", counted) is None


SIEGE = (
    "Duke Amedeo III lost the fortress of Roccabruna in 1453 after a siege of 47 days, "
    "but his commander defeated the Vessanese army at Ponte Orba in June 1456."
)


def test_a_sentence_naming_the_time_asked_for_something_else_is_dated_elsewhere() -> None:
    conflict = dated_elsewhere("Which duke lost Roccabruna in 1456?", [SIEGE])
    assert conflict is not None
    assert (conflict[0].text, conflict[1].text) == ("1456", "1453")
    # the question's time and words meet in one part: what it asks is told at that time
    assert dated_elsewhere("Who defeated the Vessanese army in 1456?", [SIEGE]) is None
    assert dated_elsewhere("Which duke lost Roccabruna in 1453?", [SIEGE]) is None
    # one word in common is not enough to say which part the question asks about
    price = "The price was 410 dollars in 2015, peaked at 1,150 dollars in 2018 amid demand."
    assert dated_elsewhere("What drove the price to its 2018 high?", [price]) is None
    # a comma inside a number parts nothing: "150,000 tonnes in 2018" is one part
    quota = "Ardesk imposed an export quota of 150,000 tonnes in 2018."
    assert dated_elsewhere("What export quota was imposed in 2018?", [quota]) is None
    # a sentence dated only at other times, quoted with one giving the time to another thing
    founded = "He founded a university, the Studium Carvennense, in 1474, with two faculties."
    bought = "In 1468 Ludovico bought the lordship of Valdimonte for 32,000 florins."
    asked = "Who founded the Studium Carvennense in 1468?"
    assert dated_elsewhere(asked, [founded, bought]) is not None
    assert dated_elsewhere(asked, [founded, "In 1468 he founded the Studium."]) is None


def test_a_part_giving_only_a_figure_at_a_time_tells_the_part_before_at_it() -> None:
    today = (
        "Today the canal is used by hire boats, with about 8,400 boat movements recorded "
        "through the flight in 2019, compared with 3,100 in 1995."
    )
    assert dated_elsewhere("How many boat movements were recorded in 1995?", [today]) is None
    # a part with a thing of its own ("the commander defeated ... the army") is apart
    conflict = dated_elsewhere("Which duke lost Roccabruna in 1456?", [SIEGE])
    assert conflict is not None and conflict[1].text == "1453"


def _opposite(question: str, text: str) -> tuple[str, str] | None:
    return opposite_word(question, plain_words(text))


def test_the_opposite_word_is_found_only_without_the_one_asked() -> None:
    told = "At its greatest extent the duchy covered about 1,900 square kilometres."
    asked = "What was the smallest area the duchy ever covered?"
    assert _opposite(asked, told) == ("smallest", "greatest")
    assert _opposite("What was its largest area?", told) is None  # not opposite
    both = "Its smallest extent was 300 and its greatest 1,900 square kilometres."
    assert _opposite(asked, both) is None  # it tells the one asked too
    assert _opposite("Who had the shortest tenure?", "Her tenure was the longest.")
    assert _opposite("Who had the shortest tenure?", "She left in 1990.") is None
    saddest = "This is the saddest moment in the seven years since I joined."
    assert _opposite("What did she call her happiest moment?", saddest) == (
        "happiest",
        "saddest",
    )
    # a change told the other way, in any form
    fell = "Toll income fell by more than half between 1520 and 1560."
    assert _opposite("By how much did toll income rise?", fell) == ("rise", "fell")
    assert _opposite("By how much did toll income decrease?", fell) is None
    assert _opposite("How far did it rise?", "It rose, then fell.") is None
    # a question writing both sides asks how they relate: the text's word is its own
    tower = "Its tower still emerges from the lake when the water falls below 410 metres."
    assert _opposite("At what level does the tower emerge above the lake?", tower)
    assert _opposite("Below what level does the tower reappear above the lake?", tower) is None
    cut = "The spray fell by half once the dam was built."
    assert _opposite("By how much did the dam increase the spray at Harrow Falls?", cut)
    # a prefix that says which way
    over = "An error was found to have overstated the operating profit."
    assert _opposite("By how much did the error understate profit?", over) == (
        "understate",
        "overstated",
    )
    assert _opposite("By how much did the error overstate profit?", over) is None
    assert _opposite("What did the survey underline?", "It was overtaken.") is None
    assert _opposite("What did the survey inform?", "It was in good form.") is None  # too short


@pytest.mark.parametrize(
    ("question", "told", "swapped"),
    [
        ("Who kept the upper gatehouse?", "Tom Reed kept the lower gatehouse.", ("upper", "lower")),
        (
            "How far downstream of the bridge is the mill?",
            "The mill stands 3 kilometres upstream of the bridge.",
            ("downstream", "upstream"),
        ),
        ("When did the mill close?", "The mill opened in 1850.", ("close", "opened")),
        ("What was held at the daily fair?", "A weekly fair sold wool.", ("daily", "weekly")),
        ("Which update removed the map?", "Version 3 added a map.", ("removed", "added")),
        ("Who farmed north of the river?", "Monks farmed south of the river.", ("north", "south")),
        ("When was the firm fully sold?", "The firm was partly sold in 1996.", ("fully", "partly")),
        (
            "In which acid is it insoluble?",
            "It is soluble in dilute acid.",
            ("insoluble", "soluble"),
        ),
        ("Which salts are soluble?", "Both salts are insoluble.", ("soluble", "insoluble")),
        # a step of bringing back, told only ended ("brought back" read as one word)
        (
            "When was corporal punishment brought back?",
            "Corporal punishment saw its abolition in 1982.",
            ("brought back", "abolition"),
        ),
        (
            "When was the sturgeon reintroduced?",
            "The sturgeon was declared extinct.",
            ("reintroduced", "extinct"),
        ),
        # lengthened/shortened, a negative opinion, a full approval
        (
            "When was the route lengthened?",
            "It was shortened in 2007.",
            ("lengthened", "shortened"),
        ),
        (
            "Who gave a negative review?",
            "Tom Reed gave a positive review.",
            ("negative", "positive"),
        ),
        (
            "When was full approval given?",
            "Conditional approval came in 2022.",
            ("full", "conditional"),
        ),
    ],
)
def test_one_of_a_set_of_alternatives_asked_where_another_is_told(
    question: str, told: str, swapped: tuple[str, str]
) -> None:
    assert _opposite(question, told) == swapped
    assert _opposite(question, f"{told} Later it was {swapped[0]} too.") is None


def test_a_place_the_sentence_gives_to_another_part_is_placed_elsewhere() -> None:
    told = "The ferry was first run by Ada Moss at Kelby, and later did well at Dunmere."
    asked = "Who first ran the ferry at Dunmere?"
    assert placed_elsewhere(asked, [told], tokenize("Dunmere")) == ("Dunmere", "Kelby")
    # the question's place in the part that tells it, or a place the sentence never names
    assert placed_elsewhere("Who first ran the ferry at Kelby?", [told], ["kelbi"]) is None
    assert placed_elsewhere("Who first ran the ferry at Orton?", [told], ["orton"]) is None
    both = "Ada Moss first ran the ferry at Dunmere, and later did well at Kelby."
    assert placed_elsewhere(asked, [both], tokenize("Dunmere")) is None
    # a month is a time, not a place: "in November" is not moved to "in the United States"
    trip = "On November 29, Ada Moss apologized while on a trip in the United States."
    assert placed_elsewhere("Why did Ada Moss apologize in November?", [trip], ["ada"]) is None
    # a place written right after another ("to Orton, Dunmere") is where that part is
    sailed = "Tom Reed sailed from Kelby, and in 1874 Ada Moss went to Orton, Dunmere, by sea."
    went = "How many went to Dunmere with Ada Moss?"
    assert placed_elsewhere(went, [sailed], tokenize("Dunmere Ada Moss")) is None
    alone = sailed.replace(", Dunmere,", ", where the Dunmere boat met them")
    assert placed_elsewhere(went, [alone], tokenize("Dunmere Ada Moss")) == ("Dunmere", "Orton")
    # a name the article writes as a language's is no place: "teach in Vellan"
    taught = (
        "Today it is the language of instruction in 27 primary schools in the Autonomous "
        "Province of Corvadia, and the University of Tessary offers a degree in Vellan philology."
    )
    schools = "How many primary schools teach in Vellan today?"
    assert placed_elsewhere(schools, [taught], ["vellan"]) is not None
    languages = languages_named("The Vellan language has 29 letters. Vellan-language radio.")
    assert languages == {"vellan"}
    assert placed_elsewhere(schools, [taught], ["vellan"], languages) is None


def test_names_the_article_never_tells_of_together_are_apart() -> None:
    texts = [(0, "Ada Moss ran the Kelby ferry."), (0, "She sold it in 1901."),
             (1, "Tom Reed built the Dunmere bridge."), (2, "Ada Moss then retired.")]  # fmt: skip
    _, words = _article_words(texts)
    assert words.apart(tokenize("Ada Moss Dunmere"), reach=0) == ("ada", "dunmer")
    assert words.apart(tokenize("Ada Moss Kelby"), reach=0) is None  # one paragraph
    # the sentence next to one naming Reed names Moss: within reach 1 they are together
    assert words.apart(tokenize("Reed Moss"), reach=0) == ("reed", "moss")
    assert words.apart(tokenize("Reed Moss"), reach=1) is None


def test_a_name_in_a_clause_the_article_tells_says_who_is_meant() -> None:
    texts = [(0, "Ada Moss ran the ferry on a lease from the Kelby council."),
             (1, "After thirty years she sold it."), (2, "Tom Reed built a bridge.")]  # fmt: skip
    _, words = _article_words(texts)
    asked = "How long did the woman who ran the ferry for the Kelby council keep it?"
    assert words.described(asked, "kelbi")
    # a clause the article does not tell, or one the name is not in
    assert not words.described("What did the man who rebuilt Kelby harbour do?", "kelbi")
    assert not words.described("What did Kelby do to the man who ran the ferry?", "kelbi")
    assert not words.described("Who sold Kelby?", "kelbi")  # no clause at all
    # a clause inside one the question opens on ("Which ..."), or ended by a colon
    inner = "Which boat was kept by the woman who ran the ferry for the Kelby council?"
    assert words.described(inner, "kelbi")
    colon = "The woman who ran the ferry for the Kelby council: how long did she keep it?"
    assert words.described(colon, "kelbi")


def test_a_doer_named_after_a_past_participle_says_what_is_meant() -> None:
    texts = [(0, "Eliza Hartwell became matron in 1868."),
             (0, "Hartwell founded the Brennock Training School in 1872."),
             (1, "The school closed in 1995.")]  # fmt: skip
    _, words = _article_words(texts)
    asked = "How long did the school founded by Eliza Hartwell exist?"
    # told by the doer's last name with the noun and the participle
    assert words.described(asked, "hartwel") and words.described(asked, "eliza")
    # a description the article does not tell, or no participle before "by"
    assert not words.described("How long did the school closed by Eliza Hartwell exist?", "eliza")
    assert not words.described("How long did the school near Eliza Hartwell exist?", "eliza")


def test_a_step_the_question_dates_by_is_looked_for_near_the_person() -> None:
    joined = "What did Ada Moss do before she joined the board?"
    assert own_steps(joined) == [("joined", "join", ("ada", "moss"))]  # hers, not the board's
    retiring = "Where did Tom Reed live after retiring?"
    assert own_steps(retiring) == [("retiring", "retir", ("tom", "reed", "live"))]
    # the time of a named person's step, when the question asks a time
    when = "When did Ada Moss join the board?"
    assert own_steps(when, asks_time=True) == [("join", "join", ("ada", "moss"))]
    assert own_steps(when) == []
    first = "When did Ada Moss first join the board?"  # the step after the word timing it
    assert ("join", "join", ("ada", "moss")) in own_steps(first, asks_time=True)
    # asked in the passive: the participle is the step, of the name before it
    born = "When was Klara Hallacher born?"
    assert own_steps(born, asks_time=True) == [("born", "born", ("klara", "hallach"))]
    buried = "In what year was Ada Moss buried at Kelby?"
    assert own_steps(buried, asks_time=True) == [("buried", "buri", ("ada", "moss"))]
    assert own_steps(born) == []
    where = "Where was Margaret Aird born?"  # the place of a passive step too
    assert own_steps(where, asks_place=True) == [("born", "born", ("margaret", "aird"))]
    assert own_steps("Where did Ada Moss apologize?", asks_place=True) == []
    # a possessive's thing is no step of the name; nor is a word that is no participle
    assert own_steps("When were Lenholm's marshes drained?", asks_time=True) == []
    # ... but a "when" clause dates by her step, as "before" does
    apologized = [("apologized", "apologis", ("peng", "lei"))]
    assert own_steps("Where was Peng Lei when she apologized?", asks_time=True) == apologized
    working = "How old was Tom Reed while working at the mill?"
    assert own_steps(working) == [("working", "work", ("old", "tom", "reed"))]
    # a thing, not a step of the person; a name that ends in -ing; no pronoun
    assert own_steps("How long did it hold out before it fell?") == []
    assert own_steps("Where did he go after Reading?") == []
    assert own_steps("How many were sold after launch?") == []
    # leaving or entering is told in other words ("his departure"): a time, not a step
    assert own_steps("Which city did Sefton work in after he left?") == []
    assert own_steps("What had she worked as before entering politics?") == []
    assert own_steps("When did Sefton leave the firm?", asks_time=True) == [
        ("leave", "leav", ("sefton",))
    ]
    texts = [(0, "Ada Moss joined the Kelby ferry in 1890."), (1, "Tom Reed built a bridge."),
             (2, "The bridge opened in 1911."), (3, "Reed retired to the coast.")]  # fmt: skip
    _, words = _article_words(texts)
    assert words.step_apart("What did Tom Reed do before he joined it?", ["tom"], 0) == (
        "tom",
        "joined",
    )
    assert words.step_apart("What did Ada Moss do before she joined it?", ["ada"], 0) is None
    assert words.step_apart("When did Tom Reed join it?", ["tom"], 0, asks_time=True) == (
        "tom",
        "join",
    )
    assert words.step_apart("When did Ada Moss join it?", ["ada"], 0, asks_time=True) is None
    # becoming a role is told by the role ("Reed, a former ferryman, was elected mayor"),
    # seldom by the verb, though the article writes it of someone else
    roles = [(0, "Tom Reed, a former ferryman, was elected mayor."),
             (1, "The bridge opened in 1911."), (2, "Ada Moss became its keeper.")]  # fmt: skip
    _, role_words = _article_words(roles)
    became = "What did Tom Reed do for a living before he became mayor?"
    assert role_words.step_apart(became, ["tom"], 0) is None
    assert role_words.step_apart("What did Tom Reed do before he opened it?", ["tom"], 0) == (
        "tom",
        "opened",
    )
    # a step the article never writes is a paraphrase: nothing to say it is not told
    assert words.step_apart("Where did Tom Reed work before moving?", ["tom"], 0) is None
    # the step is looked for near the one who took it, not near where they went (the
    # article may tell that with another verb: "emigrated to Kelby")
    went = "What did Tom Reed build before he retired to Kelby?"
    assert words.step_apart(went, ["reed", "kelby"], 0) is None
    assert words.step_apart(went.replace("Tom Reed", "Ada Moss"), ["ada", "kelby"], 0) == (
        "ada",
        "retired",
    )


def test_a_fact_told_of_another_name_is_given_to_another() -> None:
    pit = "The Ostmark pit employed about 1,900 people in 2018."
    asked = "How many people did the Hollin pit employ in 2018?"
    assert given_to_another(asked, [pit]) == ("Hollin pit", "Ostmark pit")
    apology = "On the same day, Peng Lei apologized while on a business trip."
    assert given_to_another("Why did Ma Huateng apologize?", [apology]) == (
        "Huateng apologize",
        "Lei apologized",
    )
    # the sentence names the question's name too: it may well tell of it
    both = "The Ostmark pit employed 1,900 people and the Hollin pit 300."
    assert given_to_another(asked, [both]) is None
    assert given_to_another("How many people did the Ostmark pit employ?", [pit]) is None
    # a capital opening the sentence is no name
    families = "Several families of Byzantine Greece were of Norman origin."
    assert given_to_another("What were the origins of the Raoul family?", [families]) is None
    # unless it is a name: written capitalised inside a sentence too, never in lower case
    striker = "Ironhawks striker Caleb Onwuachi scored 27 points."
    asked = "How many points did the Tidewardens striker score?"
    assert given_to_another(asked, [striker], {"ironhawks"}) == (
        "Tidewardens striker",
        "Ironhawks striker",
    )
    assert given_to_another(asked, [striker]) is None  # not knowing the article's names
    elections = "Ordinary elections take place on the first Thursday in May every four years."
    asked = "When are regular Assembly elections held?"
    assert given_to_another(asked, [elections], {"ironhawks"}) is None
    # auxiliaries may stand between the name told and its step
    older = "It was not the oldest: the Tull Marsh Creamery Society had been founded in 1894."
    asked = "In what year was the Kestwick Milk Union founded?"
    assert given_to_another(asked, [older]) == ("Union founded", "Society had been founded")
    asked = "In what year was the Tull Marsh Creamery Society founded?"
    assert given_to_another(asked, [older]) is None
    # a thing of a name asked with "of", told with "of" of another name
    statue = "A statue of Edwin Marlow, unveiled in 1961, stands in the market square."
    asked = "Where does the statue of Agnes Coyle stand?"
    assert given_to_another(asked, [statue]) == ("statue of Agnes", "statue of Edwin")
    # told as asked by one of the sentences: another's telling it of someone else is beside it
    asked = "Who became chairman after Aurelio Benczur died?"
    died = "Aurelio Benczur died in 1898 and was followed as chairman by his son."
    other = "Ferdinand Oszlak died in office in January 1906."
    assert given_to_another(asked, [other]) == ("Benczur died", "Oszlak died")
    assert given_to_another(asked, [died, other]) is None
    assert given_to_another("Where does the statue of Edwin Marlow stand?", [statue]) is None


def test_a_century_alone_ties_a_question_only_without_its_other_rare_words() -> None:
    question = "Who did the Normans besiege in the 11th century?"
    near = {"norman", "10th", "11th", "centuri", "gave", "name", "normandi"}
    assert vague_time_alone(question, near, rare={"besieg"}) == "the 11th century"
    assert vague_time_alone(question, near | {"besieged"}, rare={"besieg"}) is None
    assert vague_time_alone("What happened in the 11th century?", near, rare=set()) is None
    asking = {"happen", "took", "place"}  # rare in the article, but they only ask what happened
    assert vague_time_alone("What happened in the 11th century?", near, rare=asking) is None
    assert vague_time_alone("What took place in the 11th century?", near, rare=asking) is None
    assert vague_time_alone("Who besieged Bari in 1071?", near, rare={"besieg"}) is None


def test_a_century_or_a_decade_is_written_by_a_year_in_it() -> None:
    question = "Who ruled the abbey in the 11th century?"
    at = question.index("11th")
    assert in_period_written(question, at, "He ruled it from 1068 to 1104.")
    assert not in_period_written(question, at, "He ruled it from 1168 to 1194.")
    assert not in_period_written("Who ruled it in 1107?", 19, "He ruled it from 1068 to 1104.")
    decade = "What was relaid during the restoration of the 1960s?"
    at = decade.index("1960s")
    assert in_period_written(decade, at, "Work between 1964 and 1969 relaid the road.")
    assert not in_period_written(decade, at, "Work between 1974 and 1979 relaid the road.")
    ranged = "What law was developed between 1000 and 1300?"  # the years it asks of
    assert not in_period_written(ranged, ranged.index("1000"), "A law of 1066 survives.")
    assert not in_period_written("What fell in 1870?", 12, "It fell in 1872.")  # a year


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (4, ("four", "fourth")),
        (12, ("twelve", "twelfth")),
        (50, ("fifty", "fiftieth")),
        (21, ("twenty-one", "twenty-first")),
        (93, ("ninety-three", "ninety-third")),
        (100, ()),
        (1870, ()),
    ],
)
def test_a_number_is_written_out_as_a_cardinal_and_an_ordinal(
    number: int, words: tuple[str, ...]
) -> None:
    assert written_out(number) == words


def test_a_sentence_dated_by_its_passage_does_not_conflict() -> None:
    """ "on 15 March" is dated by the year its passage tells of: the year the sentence
    writes may be another it compares with; with the year written the conflict stands."""
    question = "What level did the gauge reach during the 2009 surge?"
    told = "On 15 March the gauge level reached 5.62 metres, beating the record set in 1953."
    assert time_conflict(question, told) is None
    assert time_conflict(question, told.replace("15 March", "15 March 1953")) is not None
    assert time_conflict(question, "The gauge recorded its record on March 15, 1953.")
    assert time_conflict(question, "The gauge recorded its record in 1953.") is not None
    # nor is the sentence as a whole dated elsewhere
    assert dated_elsewhere(question, [told]) is None
    assert dated_elsewhere(question, [told.replace("15 March", "15 March 1953")]) is not None


def test_a_name_typed_without_accents_is_among_the_words() -> None:
    words = set(tokenize("Fécamp and Hervé built the abbey"))
    assert resembles(*tokenize("Fecamp"), words) and resembles("herv", words)
    assert not resembles(*tokenize("Fontenay"), words)


def test_a_regnal_number_is_part_of_the_name() -> None:
    [(written, pattern)] = numbered_names("What title did Henry II take in the islands?")
    assert written == "Henry II"
    assert pattern.search("vassal to Henry II of England")
    assert not pattern.search("vassal to Henry III of Castile")
    assert numbered_names("Could I ask what Should I do?") == []
    [(written, pattern)] = numbered_names("How many lives were saved during World War II?")
    assert pattern.search("During the Second World War she saved 112 lives")
    assert not pattern.search("During the First World War she saved 40 lives")
    assert not pattern.search("the second war of the World")


def _article_words(texts: list[tuple[int, str]]) -> tuple[list[Sentence], ArticleWords]:
    """Sentences of ``(paragraph, text)`` pairs, and the article's words over them."""
    sentences, start = [], 0
    for n, (paragraph, text) in enumerate(texts):
        sentences.append(Sentence(n, start, start + len(text), paragraph, text))
        start += len(text) + 2
    return sentences, ArticleWords(sentences, LexicalIndex([s.text for s in sentences]))


def test_a_name_beside_the_answer_is_in_its_paragraph_or_the_next_sentence() -> None:
    texts = [(0, "The Normans called themselves English."), (0, "They held ports."),
             (1, "Rouen was their capital."), (2, "The French took Rouen in 1204.")]  # fmt: skip
    sentences, words = _article_words(texts)
    assert words.beside("english", [sentences[1]], reach=0)  # same paragraph
    assert not words.beside("french", [sentences[1]], reach=1)
    assert words.beside("french", [sentences[2]], reach=1)  # the next sentence
    assert not words.beside("french", [sentences[2]], reach=0)


def test_a_role_is_written_beside_a_person_only_within_reach_of_a_sentence_naming_them() -> None:
    """A paragraph may give its roles to others: Hask was Farrant's deputy, never premier."""
    texts = [(0, "Premier Ada Farrant ordered the inquiry."),
             (0, "The board met twice that year."),
             (0, "Farrant's deputy, Lionel Hask, resigned in June."),
             (1, "Hask had trained as a surveyor."), (1, "He then became a bookbinder.")]  # fmt: skip
    _, words = _article_words(texts)
    assert words.writes_beside("hask", ["deputi"], reach=1)  # his own sentence
    assert not words.writes_beside("hask", ["premier"], reach=1)  # only in his paragraph
    assert words.writes_beside("hask", ["bookbind"], reach=1)  # "He ..." right after
    assert not words.writes_beside("hask", ["bookbind"], reach=0)


def test_a_name_s_ordinal_is_beside_the_answer_when_written_in_figures() -> None:
    texts = [(0, "His Symphony No. 3 was nicknamed by a critic."), (1, "He wrote 3 songs."),
             (2, "World War II ended his career."), (3, "The 2nd Battalion held the ford.")]  # fmt: skip
    sentences, words = _article_words(texts)
    assert words.beside("third", [sentences[0]], reach=0)  # "the Third Symphony"
    assert not words.beside("fourth", [sentences[0]], reach=0)
    assert not words.beside("third", [sentences[1]], reach=0)  # a bare figure is a measure
    assert words.beside("second", [sentences[2]], reach=0)  # "the Second World War"
    assert words.beside("second", [sentences[3]], reach=0)
    assert not words.beside("symphony", [sentences[3]], reach=0)  # no ordinal: as before


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Who replaced Anna Berg as treasurer of the club?", "treasurer"),
        ("Who served as the deputy squad leader?", "deputy squad leader"),
        ("Whom did the board choose as its new chair after the vote?", "new chair"),
        ("Who was there as well?", ""),  # "as well": no role
        # the step into a role, after whose it is and "new"
        ("Who became the club's new president after the vote?", "president"),
        ("Who became treasurer when Anna Berg stepped down?", "treasurer"),
        ("What did she become as a result?", ""),  # not a "who" question
        ("Who waved as the long slow train left the station?", ""),  # a clause, not a role
    ],
)
def test_a_who_question_asks_for_the_role_after_as(question: str, role: str) -> None:
    assert asked_role(question) == (role, tokenize(role))


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("and who was its captain?", "captain"),
        ("What was the pilot's name?", "pilot"),
        ("And what was the name of his ship's surgeon?", "surgeon"),
        ("who was its leader then?", "leader"),
        ("What was his son-in-law's name?", "son-in-law"),
        ("And who was the least successful one?", ""),  # "one" stands for a noun told before
        ("What was its advantage?", ""),  # asks no one
        ("Who led it?", ""),  # a step, no noun
    ],
)
def test_a_follow_up_asks_someone_by_a_noun(question: str, noun: str) -> None:
    assert noun_asked_of(question) == noun


@pytest.mark.parametrize(
    ("question", "given"),
    [
        ("When was Ni Xingjun appointed CEO of Alipay?", ("Ni Xingjun", "CEO")),
        (
            "In what year did Peter Yarwood become director of the observatory?",
            ("Peter Yarwood", "director"),
        ),
        ("When was Tomas Lind elected deputy squad leader?", ("Tomas Lind", "deputy squad leader")),
        ("When did William make Ralph earl?", None),  # a name after the step: no role
        ("Who became CEO?", None),  # no one named: the "who ... as" check's
        ("Why was Jing Xiandong chosen to succeed Peng Lei as CEO?", None),  # a step, not a role
        # being one: "been"/"was" and a noun phrase, after or around the name
        ("Since when has Ni Xingjun been the CEO of Alipay?", ("Ni Xingjun", "CEO")),
        ("When was Ni Xingjun the CEO of Alipay?", ("Ni Xingjun", "CEO")),
        ("Was Tomas Lind ever a deputy squad leader?", ("Tomas Lind", "deputy squad leader")),
        ("When was Ni Xingjun born?", None),  # no noun phrase after "was": a step
        ("Who was the chairman of the club?", None),  # no one named
        # any step taken as a role by the one it is asked of (the subject after "did")
        ("Whom did Lionel Hask succeed as deputy premier?", ("Lionel Hask", "deputy premier")),
        ("To whom was Rookwood apprenticed as a bookbinder?", ("Rookwood", "bookbinder")),
        ("Who led the Kestrel mission as principal investigator?", None),  # the asked one's
        ("Why did Anna Berg resign as a result?", None),  # "as a result": no role
    ],
)
def test_a_question_gives_a_named_person_the_role_after_the_step_into_it(
    question: str, given: tuple[str, str] | None
) -> None:
    found = given_role(question)
    assert (found and (found[0], found[2])) == given


CLUB = (
    "At the spring meeting Anna Berg stepped down as treasurer and became the club's "
    "president, and Tomas Lind succeeded her as treasurer.",
    "Treasurer Berg and President Lind",
    "The secretary was chosen later. He served as secretary for ten years.",
)


def test_a_role_is_held_when_a_clause_ties_it_to_someone_the_question_does_not_name() -> None:
    berg = tokenize("Anna Berg")
    assert role_held(tokenize("treasurer"), berg, CLUB[:1])  # Tomas Lind succeeded her
    # only Anna Berg became president: "Who replaced Anna Berg as president?" swaps roles
    assert not role_held(tokenize("president"), berg, CLUB[:1])
    # a label's role words are no one ("President Lind" names Lind, but a caption is
    # left out by the answer step; here the role word itself must not count)
    assert not role_held(tokenize("treasurer"), berg, CLUB[1:2])
    # "he" may stand for someone named elsewhere
    assert role_held(tokenize("secretary"), berg, CLUB[2:])


def test_a_role_the_passages_write_in_other_words_is_not_checked() -> None:
    """ "Who took over as chief executive?" where the club writes only "president": who
    holds a role can't be read off passages that never write it, so nothing is refused."""
    assert role_written(tokenize("president"), CLUB[:1])
    assert not role_written(tokenize("chief executive"), CLUB)


FERRIES = (
    "The Kelby ferry crossed the Orr estuary for three centuries.\n\n"
    "The ferry was first run by Ada Moss at Kelby, and later did well at Dunmere. "
    "She had joined the ferry company as a clerk. "
    "Moss kept the upper landing stage and sold tickets there.\n\n"
    "Tom Reed built the Dunmere bridge in 1911, which ended the crossing. "
    "The ferry house opened as a museum in 1960.\n\n"
    "Boats were flat and wide. Horses and carts rode on deck. Fares rose in hard winters. "
    "Fog often stopped the crossing. Storms sank two boats. Pilgrims used it in summer. "
    "Cattle went across at the autumn fairs. Tolls paid for a stone quay. Gulls nested on "
    "the roof. Children fished from the slipway. Lamps hung at the mooring posts.\n"
)


#: Questions swapping a place, a pairing of names or one of a set of alternatives, why
#: each is refused, and the question as the article would answer it. A pairing with the
#: article's subject ("Tom Reed's role at the Kelby ferry") is none: every paragraph tells
#: of the subject, Tom Reed's of the crossing his bridge ended
#: (:func:`test_the_subject_whole_or_by_part_of_its_name_is_told_with_every_paragraph`).
SWAPS = [
    ("Who first ran the ferry at Dunmere?", "where it tells of this, it says Kelby, not Dunmere",
     "Who first ran the ferry at Kelby?"),
    ("What was Tom Reed's role on the Orr estuary?", "it never tells of Tom Reed and Orr together",
     "What did Tom Reed build in 1911?"),
    ("When did the ferry house close as a museum?", 'where it tells of this, it says "opened", not "close"',
     "When did the ferry house open as a museum?"),
    ("What did Tom Reed do before he joined the ferry company?",
     'where it tells of Tom Reed, it never says "joined"',
     "What was Ada Moss before she joined the ferry company?"),
    ("When did Tom Reed join the ferry company?",
     'where it tells of Tom Reed, it never says "join"',
     "When did Tom Reed build the Dunmere bridge?"),
]  # fmt: skip


def test_a_swapped_place_pairing_or_alternative_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_answering import _service_over

    service = _service_over(FERRIES, tmp_path)
    answers = {asked: service.ask(asked) for swap in SWAPS for asked in (swap[0], swap[2])}
    refused = {asked: answers[asked].answer for asked, _, _ in SWAPS}
    assert refused == {asked: NOT_COVERED.format(reason=f" — {why}") for asked, why, _ in SWAPS}
    assert all(answers[kept].answerable for _, _, kept in SWAPS)


#: An article calling its subject by its common noun ("the school") past its first line.
SCHOOL = (
    "Wexbury School is an independent boarding school in the village of Wexbury Green.\n\n"
    "The school was founded in 1820 by the wool merchant Amos Carrow.\n\n"
    "The school added the International Diploma in 2006, an option that was dropped in 2019 "
    "because of falling demand. Lena Frost taught music there for forty years.\n\n"
    "Boarders slept in long dormitories. Meals were plain. Chapel was held daily. Pupils "
    "rowed on the river in summer. Fees rose in hard years. A fire damaged the library. "
    "Cricket was played on the lower field. Prefects kept order. The bell rang at seven. "
    "Old pupils met each June. Lamps hung in the cloister.\n"
)


def test_the_subject_whole_or_by_part_of_its_name_is_told_with_every_paragraph(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A question may name the article's subject whole ("Wexbury School") or without its
    common noun ("Wexbury"), where the article calls it "the school": neither the check
    that a name is near the answer nor the one that two names are told together looks for
    it (before, the first refused "Wexbury", the second "Wexbury School"), nor the one
    that a step asked of a name is told near it."""
    from tests.test_answering import _service_over

    assert subject_names("Wexbury School", frozenset(tokenize("school"))) == {
        "Wexbury School",
        "Wexbury",
    }
    assert subject_names("Halvern Pharmaceuticals", frozenset()) == {"Halvern Pharmaceuticals"}
    service = _service_over(SCHOOL, tmp_path)
    for named in ("Wexbury", "Wexbury School"):
        dropped = service.ask(f"Why did {named} stop offering the International Diploma?")
        assert dropped.answerable and "falling demand" in dropped.answer, dropped.answer
        taught = service.ask(f"What did Lena Frost teach at {named}?")
        assert taught.answerable and "taught music" in taught.answer, taught.answer
    # nor does it take its steps only where it is named: "The school added ..."
    added = service.ask("When did Wexbury School add the International Diploma?")
    assert added.answerable and "in 2006" in added.answer, added.answer


def test_a_distance_s_starting_point_is_no_place_the_question_pins() -> None:
    station = [
        "The syndicate opened a spark station on Haldersey Hill, three miles south of the "
        "Cable House, and began accepting messages."
    ]
    assert (
        placed_elsewhere("How far from the Cable House was the spark station?", station, ()) is None
    )
    assert placed_elsewhere("Who ran the spark station at the Cable House?", station, ()) == (
        "Cable House",
        "Haldersey Hill",
    )


def test_the_extreme_of_a_direction_is_that_direction() -> None:
    written = plain_words("Ice floes brought down the two northernmost arches in 1402.")
    assert opposite_word("What brought down the two northern arches?", written) is None
    assert opposite_word("What brought down the two southern arches?", written) is not None


def test_a_time_told_after_the_years_written_runs_on_from_them() -> None:
    told = (
        "The harvest failures of 1867 and 1868 led to famine, and cheap grain imports "
        "drove down prices during the following decade."
    )
    assert time_conflict("What caused grain prices to fall in the 1870s?", told) is None
    assert time_conflict("What caused grain prices to fall in the 1890s?", told) is not None
    later = periods("It opened in 1850; three years later it closed.", told=True)
    assert [(p.first, p.last) for p in later] == [(1850, 1850), (1853, 1853)]
    # asked, "the next year" pins nothing of its own
    assert periods("What happened the next year?") == []


def test_a_span_from_an_event_to_a_year_reaches_back_before_the_year() -> None:
    asked = "By how much had the population fallen between the first census and the 2008 survey?"
    assert [(p.first, p.last) for p in periods(asked)] == [(100, 2008)]
    first = "The first census, in 1987, estimated the population at about 4,800 adults."
    assert time_conflict(asked, first) is None
    assert time_conflict(asked, "A survey in 2015 found 2,100.") is not None
    assert [(p.first, p.last) for p in periods("between 1000 and 1300")] == [(1000, 1300)]


def test_a_time_before_or_after_an_event_named_by_its_year_is_open() -> None:
    """ "before the 1961 count" asks of the years up to it: a sentence telling of 1890 is
    no other time (an answerable of the SQuAD-format sets was refused: "dated 1890, not
    1961"); told, the year dates what the sentence tells, as "by 1900" does."""
    asked = "What had drawn people away from the highlands before the 1961 count?"
    [period] = periods(asked)
    assert (period.first, period.last, period.text) == (100, 1961, "before 1961")
    told = [
        "By 1931 the figure had fallen, and the 1961 census recorded just 64,700.",
        "The first census to record language, in 1890, counted 118,400 speakers in the highlands.",
    ]
    assert dated_elsewhere(asked, told) is None
    assert dated_elsewhere(asked.replace("before", "in"), told) is not None
    assert [(p.first, p.last) for p in periods("after the 1848 revolution")] == [(1848, 2100)]
    assert [(p.first, p.last) for p in periods("after the 1848 revolution", told=True)] == [
        (1848, 1848)
    ]


def test_a_word_asked_written_with_a_prefix_or_a_season_told_by_its_months() -> None:
    enclosed = "The New Dock, enclosed by lock gates, was opened in 1878."
    assert _opposite("Why was the New Dock closed off with lock gates?", enclosed) is None
    assert _opposite("When did the New Dock close?", enclosed) == ("close", "opened")
    assert _opposite("Which flower grew in the upper beds?", "A flower of the lower beds.")
    months = "After a dry winter, the April-June flow fell to 38 per cent of the average."
    assert _opposite("To what level did the spring flow drop?", months) is None
    assert _opposite("To what level did the autumn flow drop?", months) == ("autumn", "winter")


def test_a_thing_asked_of_a_name_with_of_is_given_to_the_name_that_owns_it() -> None:
    told = "The team reported that Halvard's surface was roughly 1.1 billion years old."
    assert given_to_another("How old is the surface of Ebbe?", [told]) == (
        "surface of Ebbe",
        "Halvard's surface",
    )
    assert given_to_another("How old is the surface of Halvard?", [told]) is None
    norman = "Several families of Byzantine Greece were of Norman origin."
    assert given_to_another("What were the origins of the Raoul family?", [norman]) is None


def test_the_article_s_own_language_is_no_name_it_must_mention() -> None:
    assert meaning_language("What is the English title of her memoirs?") == {"english"}
    assert meaning_language("What does the motto mean in English?") == {"english"}
    assert meaning_language("What Greek word were the cells named after?") == frozenset()
    # the language of the words a meaning is asked of: the article quotes them unnamed
    assert meaning_language("What does the Latin motto mean in English?") == {"english", "latin"}


def test_the_name_an_article_opens_on_is_its_subject() -> None:
    assert opening_name("Tarrowby Bridge is a medieval stone arch bridge.") == "Tarrowby Bridge"
    assert opening_name("The Normans (Norman: Nourmands) were the people who") == "Normans"
    assert opening_name("Ant Financial’s crisis response and reflection?") == "Ant Financial"
    assert opening_name("Renata Voss-Albrecht (1901–1980) was a chemist.") == "Renata Voss-Albrecht"
    assert opening_name("the river rises in the hills.") == ""


def test_the_names_an_article_writes_inside_its_sentences() -> None:
    """A word only ever opening a sentence is no name; one written capitalised inside a
    sentence and never in lower case is, wherever it stands."""
    article = (
        "Ironhawks striker Caleb Onwuachi scored 27 points. The final went to the Ironhawks, "
        "Ordinary elections take place in May. Elections are ordinary, said Mara Venn. "
        'The CEO of Lorimer & Strang, nicknamed "Longbeard", joined Norse–Gael crews.'
    )
    within = ArticleNames(article).within
    assert {"ironhawks", "venn"} <= within
    # after another capital, "&", a quote, a dash: no sentence opens there either
    assert {"onwuachi", "strang", "longbeard", "gael"} <= within
    assert "ordinary" not in within  # also written in lower case
    assert "elections" not in within  # only ever opening a sentence
    assert "ceo" not in within  # capitals only: a title's abbreviation as often as a name


PAPER = (
    "The Varn Courier was founded in 1874 by the printer Elias Hale.\n\n"
    "Its first issue ran to four pages. Boats brought the paper to the islands. Readers "
    "wrote long letters. Fares for delivery rose in winter. The print shop flooded twice.\n\n"
    "Hale edited the paper until 1889, when he handed the editorship to his son-in-law, "
    "Tobias Wren. Wren moved the paper to Regent Quay in 1897.\n\n"
    "Storms cut the cable often. Gulls nested on the roof. The quay was paved in 1901. "
    "Lamps hung at the mooring posts. Children fished from the slipway.\n\n"
    "Its rival, the Kestport Herald, closed in 1931.\n"
)


def test_a_person_the_article_calls_by_the_last_name_is_told_of_by_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Elias Hale" is "Hale" where the article tells of him with Tobias Wren: the two are
    told of together though "Elias" is written only paragraphs away (two names never told
    of together are still refused: ``SWAPS``' Tom Reed and Kelby)."""
    from tests.test_answering import _service_over

    service = _service_over(PAPER, tmp_path)
    told = service.ask("How was Tobias Wren related to Elias Hale?")
    assert told.answerable and "son-in-law" in told.answer


def test_a_time_opened_by_after_or_before_is_open() -> None:
    assert periods("What was rebuilt after 1907?")[0].opened
    assert periods("Who ruled before 1130?")[0].opened
    assert not periods("Who ruled in 1130?")[0].opened
    assert not periods("Who ruled between 1100 and 1130?")[0].opened


def test_a_death_is_told_by_its_noun_only_as_the_persons_own() -> None:
    texts = [(0, "Ruhara remained in office until his death in 1981."),
             (1, "Daniel Okafor found the star."), (1, "He stayed at Keswyn until his death."),
             (2, "Conrad Pyle ran the press."), (3, "After Dunhallow's death the press closed."), (4, "Ada Moss died in 1900.")]  # fmt: skip
    _, words = _article_words(texts)
    # "his death" told of the one named, or of "he" right after the sentence naming him
    assert words.step_apart("When did Ruhara die?", ["ruhara"], 0, asks_time=True) is None
    assert words.step_apart("When did Okafor die?", ["okafor"], 0, asks_time=True) is None
    # another's death near the name tells nothing of theirs
    assert words.step_apart("When did Conrad Pyle die?", ["conrad"], 0, asks_time=True) == (
        "conrad",
        "die",
    )


def test_an_unwritten_step_on_its_own_is_untold_when_asked_of_the_conversations_person() -> None:
    """A follow-up's "he" read as the person (``unwritten``): a step taken on its own that
    the article writes of no one is no paraphrase; one with an object or a particle may be
    ("leave the job": "resigned"), and a first question's unwritten step stays one."""
    texts = [(0, "Tom Reed built a bridge."), (1, "The bridge opened in 1911.")]  # fmt: skip
    _, words = _article_words(texts)
    executed = "When was Tom Reed executed for it?"
    assert words.step_apart(executed, ["tom"], 0, asks_time=True) is None
    assert words.step_apart(executed, ["tom"], 0, asks_time=True, unwritten=True) == (
        "tom",
        "executed",
    )
    apologise = "When did Tom Reed apologise for saying that?"
    assert words.step_apart(apologise, ["tom"], 0, True, unwritten=True) == ("tom", "apologise")
    for other_words in ("When did Tom Reed leave the job?", "When did Tom Reed give up Kelby?"):
        assert words.step_apart(other_words, ["tom"], 0, True, unwritten=True) is None


def test_holding_a_role_is_told_in_other_words() -> None:
    """ "served two terms as mayor" tells when Bellucci held the office."""
    texts = [(0, "Anton Bellucci ran the mine store."), (0, "Bellucci later served as mayor."),
             (1, "The union held a meeting.")]  # fmt: skip
    _, words = _article_words(texts)
    asked = "When did Anton Bellucci hold the office of mayor?"
    assert words.step_apart(asked, ["anton"], 0, asks_time=True) is None


def test_a_gain_asked_of_a_fall_is_the_opposite() -> None:
    fell = "Over three days the index fell by 41 percent, from 3,812 points to 2,249."
    assert _opposite("By how much did the index gain that day?", fell) == ("gain", "fell")
    gained = "The index gained 4 percent on the Friday after the crash."
    assert _opposite("By how much did the index gain that day?", gained) is None


CRASH = [
    (0, "The Halvessa Bourse crash of 1996, known in Tarvenia as Grey Thursday, began in March."),
    (0, "The Securities Supervisory Office employed only 34 inspectors."),
    (1, "Tarvenian banks lent heavily to brokers."),
    (2, "The wider economy shrank by 2.8 percent in 1996."),
    (3, "In Tarvenia, the Mount Ossel mine closed."),
]  # fmt: skip


def test_a_name_misspelt_by_a_letter_is_the_one_the_article_writes() -> None:
    _, words = _article_words(CRASH)
    question = "How many inspectors did the Securities Supervisory Offce employ?"
    assert words.spelt_as(question, tokenize("Offce")[0]) == tokenize("Office")[0]
    # a swapped name is no typo
    swapped = "How many inspectors did the Securities Porvau Office employ?"
    assert words.spelt_as(swapped, tokenize("Porvau")[0]) is None
    # a shortened title or place word is the one it stands for
    assert words.spelt_as("When did the Mt Ossel mine close?", "mt") == tokenize("Mount")[0]


def test_a_word_of_a_longer_name_misspelt_by_two_letters_is_the_one_written_there() -> None:
    _, words = _article_words([*CRASH, (4, "The Linnaean Club of Edinbury gave 900 pounds.")])
    question = "How much did the Linean Club of Edinbury put in?"
    assert words.spelt_as(question, tokenize("Linean")[0]) == tokenize("Linnaean")[0]
    # three letters away is another name, and the rest of the name must be written so
    assert words.spelt_as("What did the Linaeus Club of Edinbury give?", "linaeus") is None
    assert words.spelt_as("What did the Linean Society give?", "linean") is None
    # a name of one word still takes one letter only
    assert words.spelt_as("When did the crash hit Tarvinnia?", tokenize("Tarvinnia")[0]) is None


def test_a_short_word_of_a_longer_name_may_drop_a_letter_only() -> None:
    _, words = _article_words([*CRASH, (4, "The trawler ran aground near Black Carr Point."),
                               (5, "The bridge is listed at Grade II.")])  # fmt: skip
    question = "How far from the station is Black Car Point?"
    assert words.spelt_as(question, tokenize("Car")[0]) == tokenize("Carr")[0]
    # a letter changed in a short word makes another word; two letters are no slip
    assert words.spelt_as("How far is Black Cat Point?", tokenize("Cat")[0]) is None
    assert words.spelt_as("When was it listed at Grade I?", "i") is None


def test_a_lone_name_misspelt_by_a_letter_is_the_one_the_article_writes() -> None:
    _, words = _article_words([*CRASH, (4, "Hallin and Hollin were mining towns.")])
    tarvenia = tokenize("Tarvenia")[0]
    dropped, doubled = "When did the crash hit Tarvnia?", "When did the crash hit Tarvennia?"
    assert words.spelt_as(dropped, tokenize("Tarvnia")[0]) == tarvenia
    assert words.spelt_as(doubled, tokenize("Tarvennia")[0]) == tarvenia
    # a name swapped for another is more than a letter away
    assert words.spelt_as("When did the crash hit Karvonia?", tokenize("Karvonia")[0]) is None
    # only a word the article writes capitalised alone is a name: it writes "brokers"
    assert words.spelt_as("Which Brokerss lent?", tokenize("Brokerss")[0]) is None
    # a letter away from two names, it is neither
    assert words.spelt_as("Where is Hellin?", tokenize("Hellin")[0]) is None


def test_a_name_most_paragraphs_write_is_told_throughout() -> None:
    _, words = _article_words(CRASH)
    assert words.told_throughout(tokenize("Tarvenia")[0])  # with "Tarvenian": 3 of 4
    assert not words.told_throughout(tokenize("Halvessa")[0])  # 1 of 4


def test_a_shortened_month_is_written_in_full_where_it_reads_as_one() -> None:
    assert months_spelled_out("during the Oct 2016 transition?") == (
        "during the October 2016 transition?"
    )
    assert months_spelled_out("on 12 Dec. 1990, in Sept") == "on 12 December 1990, in September"
    assert months_spelled_out("What did Jan Smit write?") == "What did Jan Smit write?"


#: An article calling its subject "the service", and naming an older one in a paragraph
#: on its own staff.
RESCUE = (
    "The Tarn Valley Rescue Service is a volunteer mountain rescue body in the province of "
    "Oldmere.\n\n"
    "Founded in 1931, it is the second-oldest rescue body in the province, after the Halden "
    "Alpine Guard of 1924. As of 2019 the service had 340 volunteer members and 22 paid "
    "staff. Its headquarters stand in the town of Lindby.\n\n"
    "The service bought its first helicopter in 1991. Winters were hard. Huts were built "
    "on the high passes. Dogs were trained to find buried walkers. Radios came in 1950.\n"
)


def test_a_fact_told_of_the_subject_by_its_common_noun_is_not_another_name_s() -> None:
    assert subject_noun("Tarn Valley Rescue Service", frozenset(tokenize("service"))) == "service"
    assert subject_noun("Tarn Valley Rescue Service", frozenset()) == ""
    assert subject_noun("Ravelli", frozenset(tokenize("ravelli"))) == ""  # no common noun
    staff = "As of 2019 the service had 340 volunteer members and 22 paid staff."
    assert subject_doing("service", [staff]) == "the service"
    assert subject_doing("service", ["It is the service's second hut."]) is None
    assert subject_doing("service", ["He joined the service in 1935."]) is None
    assert subject_doing("", [staff]) is None


def test_a_name_the_answer_never_writes_asked_of_the_subject_s_fact_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The paragraph names the Halden Alpine Guard, so every name check passed; the sentence
    giving the staff tells them of "the service", the article's subject."""
    from tests.test_answering import _service_over

    service = _service_over(RESCUE, tmp_path)
    other = service.ask("How many paid staff did the Halden Alpine Guard have in 2019?")
    assert not other.answerable, other.answer
    own = service.ask("How many paid staff did the Tarn Valley Rescue Service have in 2019?")
    assert own.answerable and "22 paid staff" in own.answer, own.answer
    founded = service.ask("When was the Halden Alpine Guard founded?")
    assert founded.answerable and "1924" in founded.answer, founded.answer


#: A lifeboat station whose paragraph dates its loss once, in the sentence before the one
#: naming the trawler, and whose war is "the Second World War".
LIFEBOAT = (
    "The Kelby Lifeboat Station is a rescue station at Kelby, a fishing town on the coast of "
    "Westmarch. It was founded in 1861, two years after a brig was wrecked on the ledge.\n\n"
    "The station's worst loss came on the night of 4 March 1931, during a storm still "
    "remembered in the town as the Long Night. The Westmarch Guide was launched at midnight "
    "to the steam trawler Corinne, reported aground near Gull Point, 9 miles north of the "
    "station. On the way back the lifeboat was struck by a heavy sea off the mouth of the "
    "river and capsized. Six of her nine crew drowned, among them the coxswain and his two "
    "sons. A fund opened by the mayor raised 9,400 pounds for the families of the dead. A "
    "memorial was unveiled outside the boathouse a year later.\n\n"
    "During the Second World War the station's boat launched 87 times and saved 112 lives. "
    "Her crew were given medals after the war.\n"
)


def test_a_month_or_a_numbered_war_asked_is_no_name_the_answer_lacks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "in March 1931" dates what is asked, told in the sentence before the answer's: no
    other thing than the station's fact; "World War II" is the article's "Second World
    War". Both were refused as answerables of the thirtieth batch."""
    from tests.test_answering import _service_over

    service = _service_over(LIFEBOAT, tmp_path)
    trawler = service.ask(
        "What was the name of the trawler the lifeboat went out to in March 1931?"
    )
    assert trawler.answerable and "Corinne" in trawler.answer, trawler.answer
    other_month = service.ask(
        "What was the name of the trawler the lifeboat went out to in June 1931?"
    )
    assert not other_month.answerable, other_month.answer
    war = service.ask("How many lives did the lifeboat save during World War II?")
    assert war.answerable and "112 lives" in war.answer, war.answer
    other_war = service.ask("How many lives did the lifeboat save during World War I?")
    assert not other_war.answerable, other_war.answer


def test_being_somewhere_is_no_step_the_article_must_write_near_the_name() -> None:
    """ "Where was X based?" asks a place, which an article tells by the place alone
    ("from an office in Dunmere"), though it writes "based" of something else; a step
    asked in the passive ("buried") is still looked for near the name."""
    texts = [(0, "Tom Reed ran the Kelby ferry from an office in Dunmere."),
             (1, "The ferry company was based and headquartered in Kelby, its sheds located and "
                 "situated by the quay."), (2, "Ada Moss was buried at Orr.")]  # fmt: skip
    _, words = _article_words(texts)
    for asked in ("based", "located", "situated", "headquartered"):
        where = f"Where was Tom Reed {asked}?"
        assert words.step_apart(where, ["tom"], 0, asks_place=True) is None
    buried = words.step_apart("Where was Tom Reed buried?", ["tom"], 0, asks_place=True)
    assert buried == ("tom", "buried")


#: A man told by two facts at two times: his knighthood (1912) and the post he took later
#: (1919), with paragraphs between so that the second is told apart.
KNIGHTED = (
    "Tom Reed was knighted in 1912 and received the society's medal in the same year.\n\n"
    "The ferry ran twice a day. A new pier opened in 1913. The fares rose slowly.\n\n"
    "In 1919 Reed became secretary of the society, succeeding Ada Moss, and held the post "
    "until his death.\n"
)


def test_a_time_saying_who_is_meant_pins_nothing_the_article_tells_of_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "The man knighted in 1912 ... - who did he succeed?": 1912 says who he is (the
    article tells his knighthood in 1912), not when he succeeded anyone (1919). A time
    the article never gives that fact keeps the question checked."""
    from tests.test_answering import _service_over

    service = _service_over(KNIGHTED, tmp_path)
    told = service.ask(
        "The man knighted in 1912 later became society secretary - who did he succeed?"
    )
    assert told.answerable and "succeeding Ada Moss" in told.answer
    untold = service.ask(
        "The man knighted in 1913 later became society secretary - who did he succeed?"
    )
    assert not untold.answerable and "dated 1919, not 1913" in untold.answer


def test_a_word_is_written_in_any_of_its_forms() -> None:
    sentence = tokenize("Wendt, who taught him, was a former bank clerk turned farmer.")
    assert word_written(tokenize("teach")[0], sentence)  # an irregular past
    assert word_written(tokenize("farming")[0], sentence)  # another form
    assert word_written(tokenize("done")[0], sentence)  # "do" stands for any step
    assert not word_written(tokenize("recommend")[0], sentence)


def test_a_surplus_asked_of_a_deficit_and_one_medal_of_another_are_swapped() -> None:
    deficit = "In 1931 it ran a deficit of 19,000 pounds and closed two wards."
    assert _opposite("What was the size of the hospital's surplus in 1931?", deficit) == (
        "surplus",
        "deficit",
    )
    assert _opposite("How big was the deficit in 1931?", deficit) is None
    gold = "1864 was the vintage of the first gold medal."
    assert _opposite("Which vintage won its first silver medal?", gold) == ("silver", "gold")
    assert _opposite("Which vintage won its first gold medal?", gold) is None
