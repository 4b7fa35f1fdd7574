"""The checks on who took a step: told of someone else, the doer reversed, or no one told."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from antqa.lexical import (
    IRREGULAR_PASTS,
    STOPWORDS,
    form_prefix,
    resembles,
    stemmed_pasts,
    tokenize,
)
from antqa.refusals.clauses import clauses
from antqa.refusals.meanings import told_in_any_verb
from antqa.refusals.names import DESCRIBING
from antqa.refusals.times import is_time, periods
from antqa.short_answers.full_names import CAPITALISED_WORD

#: "did Piet Ommeren publish", "was Per Almgren imprisoned": a name the question asks a
#: step of, and the step; "did" (active: the name took the step) or "was" (it may have
#: been done to them). Not a name's own word ("Ommeren's analysis"), nor one after "the"
#: ("the Varn cliff salamander": the words after it may be more of the name).
_NAME_DOES = re.compile(
    r"\b(?:(did|does|do)|was|were|is|are)\s+((?:[A-Z][\w'’.-]*(?<!'s)(?<!’s)\s+)+)([a-z]{3,})\b"
)
#: A word that may stand for a name told just before as the one doing something: then the
#: sentences before count. Not "his", "its": "his son Ottone bought" is the son's step.
_STANDS_FOR = re.compile(r"\b(?:he|she|they|it|we|who|which)\b", re.I)
#: A possessive right before the step's word: the step told as a noun of the one it
#: names ("written after his dismissal from Brennholm": he was dismissed), who the
#: sentences before may name as for "he". Only right before it: "his son Ottone bought"
#: is the son's step.
_OWNER_BEFORE = re.compile(r"\b(?:his|her|their|its)\s+$", re.I)
#: A clause opening with a participle, after its joining word if any ("while collecting
#: orchids above the Ychuma gorge and died"): its subject is left out, so a name in it
#: (the gorge's) is no doer; the sentence's subject is (an answerable of the twenty-eighth
#: unseen batch, "How did Kinnaird die?", was refused: "it never names Kinnaird").
_SUBJECTLESS = re.compile(r"\W*(?:[a-z]+\s+)?[a-z]{2,}ing\b")
#: Words after a name that are no step of it ("When is Marrick first recorded?").
_NOT_STEPS = frozenset(tokenize("first last also only still ever never once"))
#: How many sentences before the one telling the step may name who took it, when that
#: one says "he", "it" and the like: two ("Rookwood ... . In 1886 he married ...").
STEP_REACH = 2


def _step_form(step: str) -> re.Pattern[str]:
    """What finds ``step`` (a verb) written in any form ("publish", "published"; "pay",
    "paid": :data:`~antqa.lexical.IRREGULAR_PASTS`), in lower case: a capitalised word is
    a name ("Ant Financial" is no step "ant"), and a step opening a sentence ("Published in
    1933, ...") is passed over, which refuses less.

    The irregular pasts are the general English verbs whose past does not start with the
    plain form's letters (:func:`~antqa.lexical.form_prefix`): "How much did Calderra pay
    Varnholt?" asks a step an article writes "paid". With the step's own clause naming
    its doer (:func:`_subject_before`), 3 more unanswerables refused over every set (runs
    h35u-r2 -> h35u-r4), no answerable. Not "become" ("did Ostavia become independent" of
    "the country became a republic": an answerable refused)."""
    forms = rf"{re.escape(form_prefix(step).lower())}\w*"
    past = IRREGULAR_PASTS.get(step.lower())
    return re.compile(rf"\b(?:{forms}|{past}\b)" if past else rf"\b{forms}")


#: Forms of "do" standing for any step ("What had he done before farming?"): no word a
#: sentence must write (the others are stopwords, which no question's words hold).
_DOING = frozenset(tokenize("done doing"))


def word_written(word: str, tokens: Collection[str]) -> bool:
    """Whether ``tokens`` (a sentence's, stemmed) write ``word`` (a question's, stemmed) in
    some form: itself, another form (:func:`~antqa.lexical.resembles`: "farm" and
    "farmer"), its irregular past (:func:`~antqa.lexical.stemmed_pasts`: "teach" and
    "taught"), or ``word`` is a form of "do", which stands for any step (:data:`_DOING`)."""
    if word in _DOING or resembles(word, tokens):
        return True
    past = stemmed_pasts().get(word)
    return past is not None and past in tokens


#: After a step, who took it: "published by Ommeren", "signed by Rollo and the king".
_BY_WHOM = re.compile(r"\s+by\s+([^,;:.]{0,60})")
#: Who took a step written as a word before a noun, named after it between commas: "the
#: only dissenting judge, Henrik Valde, argued".
_SET_OFF = re.compile(r"\w*\s+[a-z]+,\s+([^,;:.]{0,60})")
#: Who took the step again, its verb left out, named after "and" right before a figure:
#: "Vallenmark agreed to contribute 45 million crowns and Sarendia 29 million" tells what
#: Sarendia agreed to (an answerable of the SQuAD-format sets was refused for it).
_GAPPED = re.compile(r"[^;:.]*?\band\s+((?:[A-Z][\w'’.-]*\s+)+)(?=[\d£$€])")
#: Who took a step written as the noun of its doer, named right after it: "the painter
#: Aurel Vosk produced 48 views" tells that Vosk painted (an answerable of the twelfth
#: batch was refused: "where it tells of "paint", it never names Aurel Vosk").
_AGENT_NAMED = re.compile(r"(?<=[a-z](?:er|or))s?\s+((?:[A-Z][\w'’.-]*\s*)+)")
#: A doer written as a description right before the step ("the city was besieged", "the
#: club held"): like "it", it stands for a name told just before.
_DESCRIBED_DOER = re.compile(r"\b(?:the|this)\s+[a-z]+\s+(?:(?:was|were|had|has|is|are|been)\s+)?$")


def step_of_another(
    question: str, sentences: Sequence[tuple[str, Sequence[str]]]
) -> tuple[str, str] | None:
    """A name the question asks a step of ("did Piet Ommeren publish"), when the sentences
    that would answer tell that step (in any form: "published") and every one of them tells
    it of someone else; else ``None``. One telling it of the name is enough to answer, in
    any sentence and at any place it is told there ("Moellendaal lost six warships, ...
    while no Varsennese ship was lost": the last telling is another's, the first his).

    ``sentences`` are those that would answer, each with the ones before it in its paragraph
    (of which the last :data:`STEP_REACH` may name who "he" or "it" is). "In which year did
    Piet Ommeren publish his analysis?" of "Kaarvig's analysis, published in 1933 in ...":
    the step is told of someone else. Unlike :func:`given_to_another`, the other need not be
    named right before the step ("Kolvik was imprisoned" for "was Per Almgren imprisoned").
    A step the question says the name took ("did X swear fealty") is theirs only if the
    sentence names them before it, after it with "by", or says "he", "it" for someone named
    just before: "Rollo swore fealty to Charles" tells of Rollo's step, not of Charles's.
    After "to" ("the first to serve ... was Hervé") the one who took it may come anywhere.
    """
    for asked in _NAME_DOES.finditer(question):
        name, step = tokenize(asked.group(2)), asked.group(3)
        if not name or step.lower() in STOPWORDS or not set(tokenize(step)) - _NOT_STEPS:
            continue
        form = _step_form(step)
        telling = [(s, b, told) for s, b in sentences if (told := list(form.finditer(s)))]
        if telling and not any(
            _names_doer(name, s, b, at, bool(asked.group(1)))
            for s, b, told in telling
            for at in told
        ):
            return asked.group(2).strip(), step
    return None


def doer_named(step: str, sentences: Sequence[str]) -> bool:
    """Whether a sentence telling ``step`` (in any form, as something done:
    :func:`_step_told`) writes a name before it, past its first word: "Dunmere agreed to
    pay Hollin" names who agreed; "Because her speed allowed her to outrun submarines,
    she usually sailed unescorted" leaves "she" to be read as what the article is about."""
    for sentence in sentences:
        told = _step_told(step, sentence)
        if told is not None and _NAMED_WORD.search(sentence, 1, told.start()):
            return True
    return False


def _subject_before(sentence: str, at: int) -> str:
    """What of ``sentence`` before ``at`` (a step told) may name who took it: the step's
    own clause (:func:`~antqa.refusals.clauses.clauses`) up to it when that names someone
    ("Calderra granted a concession, and Varnholt paid 12 million crowns": Varnholt paid,
    not Calderra), else all of the sentence before it (a clause with its subject left out:
    "Calderra signed the treaty and paid 12 million crowns"), and when the clause calls its
    doer "it" or "the country" ("; on 14 August 1965 the country became a republic"), whom
    the clauses before may name, or opens with a participle (:data:`_SUBJECTLESS`)."""
    held = [c for c in clauses(sentence) if c.start <= at]
    start = held[-1].start if held else 0
    own = sentence[start:at]
    if (
        start > 0
        and _NAMED_WORD.search(sentence, start, at)
        and not _STANDS_FOR.search(own)
        and not _DESCRIBED_DOER.search(own)
        and not _SUBJECTLESS.match(own)
    ):
        return own
    return sentence[:at]


def _names_doer(
    name: list[str], sentence: str, before: Sequence[str], told: re.Match[str], ordered: bool
) -> bool:
    """Whether ``sentence``, telling a step at ``told``, may tell it of ``name``: see
    :func:`step_of_another` for where the one who took it may be written. Also after the
    step, set off between commas ("the only dissenting judge, Henrik Valde, argued"), and
    in the sentences before when it is written "the city", "the club" right before it, or
    as a possessive's noun ("his dismissal"). A step told in the passive with a doer after
    "by" is that doer's, not the name's before it: "Wrenn ... was succeeded in that office
    by Abbot Gervase" tells of no one Wrenn succeeded (an unanswerable of the twenty-third
    batch, "Whom did Bishop Wrenn succeed as Chancellor?", was answered)."""
    ordered = ordered and not sentence[: told.start()].endswith("to ")
    doers = _subject_before(sentence, told.start()) if ordered else sentence
    by = _DONE_BY.match(sentence, told.end())
    if ordered and by is not None and _PASSIVE_BEFORE.search(sentence, 0, told.start()):
        doers = by.group(1)  # "Wrenn ... was succeeded in that office by Abbot Gervase"
    words = set(tokenize(doers))
    for after in (
        _BY_WHOM.match(sentence, told.end()),
        _SET_OFF.match(sentence, told.end()),
        _AGENT_NAMED.match(sentence, told.end()),
        _GAPPED.match(sentence, told.end()),
    ):
        if after is not None:
            words |= set(tokenize(after.group(1)))
    if (
        _STANDS_FOR.search(sentence)
        or _DESCRIBED_DOER.search(sentence, 0, told.start())
        or _OWNER_BEFORE.search(sentence, 0, told.start())
    ):
        words |= {w for text in before[-STEP_REACH:] for w in tokenize(text)}
    return any(resembles(t, words) for t in name)


#: Words that help a verb: "Who was ...", "Who did ..." ask no step of their own.
_AUXILIARIES = frozenset({"did", "does", "do", "was", "were", "is", "are", "has", "had", "have"})
#: "Who founded the Elsmere Trust?", "Which knights joined Norman forces?": the step a
#: question asks the doer of, and the name it is done to (after "the", if any).
#: The word after "which" or "what" is its noun, never an auxiliary: "What are medical
#: Kellner gauges made of?" asks no doer of "medical".
_WHO_DID = re.compile(
    rf"^\W*(?i:who|(?:which|what)\s+(?!(?:{'|'.join(sorted(_AUXILIARIES))})\b)\w+)"
    r"\s+([a-z]{3,})\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*(?<!'s)(?<!’s)\s*)+)"
)
#: Words that make a step passive when right before it ("was founded", "had been built"):
#: then the name before it is what it was done to.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+)?$", re.I)
#: How many words may stand between a step told in the passive and its "by": a place and
#: a year both ("founded in Callisbrook in 1852 by the shipping merchant Josiah Pell", four
#: words; an answerable of the twenty-first batch was refused with three as the reach).
BY_REACH = 5
#: Who did a step told in the passive: "succeeded by her deputy, Owen Sallis", "cut in
#: 1888 by the punchcutter Edith Sowerby" (up to :data:`BY_REACH` words between, none
#: joining another step: "built in 1887 and restored by volunteers" names who restored it);
#: past a comma only a name ("founded by Adela Strand in 1889, is one of ..." ends there).
_DONE_BY = re.compile(
    rf"\s*(?:(?!(?:and|or|but|then)\b)\w+\s+){{0,{BY_REACH}}}by\s+([^,;:.]*(?:,\s*[A-Z][^,;:.]*)?)"
)
#: A step told in an appositive's participle: "Brannvik Events, a private company founded
#: in the regional capital, Strömsby, by ..." tells what was done to the company, not what
#: it did (a founder named past a place set off by commas is beyond :data:`_DONE_BY`).
#: Not past a relative pronoun: "the Trust, a foundation that replaced the company" is
#: the Trust replacing it.
_APPOSITIVE_BEFORE = re.compile(
    r",\s+(?:a|an)\s+(?:(?!(?:that|which|who|whom|whose)\b)[\w’'-]+\s+){0,3}$", re.I
)
#: Endings that make a step's word the noun of its doer: "chairman" of "chaired",
#: "founder" of "founded", "governor" of "governed".
_DOER_NOUN_ENDINGS = ("man", "men", "woman", "women", "er", "ers", "or", "ors")
#: A verb's endings, left off a step to find the word its doer's noun is built on.
_VERB_ENDING = re.compile(r"(?:ed|es|s|ing)$")


def _doer_noun(word: str, step: str) -> bool:
    """Whether ``word`` is the noun of whoever takes ``step`` ("chairman" for "chaired"):
    "the Halvik Shipping Company, whose chairman, Oskar Lindqvist, paid ..." names who
    chaired the company, so it is not the company chairing anyone."""
    stem = _VERB_ENDING.sub("", step.lower())
    return word.lower() in {stem + ending for ending in _DOER_NOUN_ENDINGS}


def _step_told(step: str, text: str) -> re.Match[str] | None:
    """Where ``text`` tells ``step`` (a verb, in any form) as something done: its first
    form that is neither the noun of its doer ("chairman" of "chaired": :func:`_doer_noun`)
    nor an appositive's participle ("Brannvik Events, a private company founded in ...",
    which tells what was done to the company). What :func:`doer_named` and
    :func:`doer_reversed` read the step's doer around."""
    for told in _step_form(step).finditer(text):
        if not _doer_noun(told.group(), step) and not _APPOSITIVE_BEFORE.search(
            text, 0, told.start()
        ):
            return told
    return None


#: A capitalised word not all capitals, not glued to a word before.
_NAMED_WORD = re.compile(CAPITALISED_WORD)
#: A doer named after "by": a name, or one after up to three words describing it ("by the
#: naturalist Edvard Lindqvist-Harrow"), not a description alone ("by two local men").
_BY_NAME = re.compile(r"(?:[a-z]+\s+){0,3}[A-Z]")


def done_by(step: str, text: str) -> bool:
    """Whether ``text`` tells ``step`` in the passive with its doer named after "by" (as
    :func:`doer_reversed` reads a passive's doer: :data:`_DONE_BY`), "founded on 14 March
    1958 by Edmund Tarrow", "chaired by Judge Amelia Strade": a sentence telling who took
    the step a "who" question asks of."""
    told = _step_told(step, text)
    by = _DONE_BY.match(text, told.end()) if told is not None else None
    return by is not None and _BY_NAME.match(by.group(1)) is not None


def doer_reversed(question: str, texts: Sequence[str]) -> tuple[str, str] | None:
    """The name a "who ..." question says a step was done to ("Who founded the Elsmere
    Trust?") and the step, when a sentence that would answer tells the step with that
    name as the last one before it (its doer, or a thing founded with no founder named:
    "the Elsmere Trust, founded in 2003, runs ..."); else ``None``.

    Questions written to look answerable swap who did what to whom: "Who replaced the
    Normans as the ruling class?" of "The Normans ... replaced the Anglo-Saxons". A step
    told in the passive ("was replaced", "founded by ...") is reversed when it names the
    question's name as its doer ("Who succeeded Owen Sallis?" of "Mirell was succeeded by
    her deputy, Owen Sallis"), and left alone otherwise; so is a sentence naming no one
    before the step, and one naming the question's name on both sides of it ("Emberlin
    disease ... caused by the mould Calyptora emberlinae" for "What organism causes
    Emberlin disease?": a thing named after what it does is still its doer).
    """
    asked = _WHO_DID.match(question)
    if asked is None or asked.group(1) in STOPWORDS or asked.group(1) in _AUXILIARIES:
        return None
    step, name = asked.group(1), tokenize(asked.group(2))
    if any(_done_to(name, step, text) for text in texts):
        return None
    for text in texts:
        told = _step_told(step, text)
        if told is None:
            continue
        before = text[: told.start()]
        by = _DONE_BY.match(text, told.end())
        if (
            by is not None
            and any(resembles(t, set(tokenize(_first_named(by.group(1))))) for t in name)
            and not any(resembles(t, set(tokenize(before))) for t in name)
        ):
            return asked.group(2).strip(), step  # "Mirell was succeeded by ... Owen Sallis"
        if by is not None or _PASSIVE_BEFORE.search(before):
            continue
        named = [m.group() for m in _NAMED_WORD.finditer(before) if m.start() > 0]
        if named and any(resembles(t, set(tokenize(named[-1]))) for t in name):
            return asked.group(2).strip(), step
    return None


#: A phrase after "by" up to a verb in the past after its first name: who took the step,
#: however the phrase runs on ("by King Aldric II on 3 May 1391 allowed the herbwrights
#: of Teremond": the sentence's own verb and what it tells of).
_FIRST_NAMED = re.compile(r"^[^A-Z]*[A-Z].*?(?=\s+[a-z]+ed\b)")


def _first_named(phrase: str) -> str:
    """``phrase`` (what follows "by") up to a verb in the past after the first name it
    gives, or whole: "her deputy, Owen Sallis" and "the mould Calyptora emberlinae" stay,
    "King Aldric II on 3 May 1391 allowed the herbwrights of Teremond" is "King Aldric II
    on 3 May 1391"."""
    named = _FIRST_NAMED.match(phrase)
    return phrase if named is None else named.group()


def _done_to(name: Sequence[str], step: str, text: str) -> bool:
    """Whether ``text`` tells ``step``, or a verb of its meaning
    (:func:`~antqa.refusals.meanings.told_in_any_verb`), done to ``name`` (stemmed words,
    written before it) by someone named after "by" (not the whole name: a founder may
    give it a word of theirs): "Cendrick Mills was founded in 1884 by the industrialist
    Josiah Cendrick" answers "Who established Cendrick Mills?", whatever another sentence
    says Cendrick Mills established (a fund, in 1972)."""
    for told in told_in_any_verb(step).finditer(text):
        by = _DONE_BY.match(text, told.end())
        before = set(tokenize(text[: told.start()]))
        if (
            by is not None
            and any(resembles(t, before) for t in name)
            and not all(resembles(t, set(tokenize(by.group(1)))) for t in name)
        ):
            return True
    return False


#: "Who flew the helicopter ...?", "Who was appointed to head ...?": the first word after
#: "who" that is no function word or auxiliary (stop words are skipped by the caller):
#: the step the question asks the doer of.
_WHO_STEP = re.compile(r"^\W*(?:and\s+)?(?:who|whom)\b((?:\s+[\w'’-]+){1,4})", re.I)
#: Words that may stand between "who" and its step without being one: "Who cannot bring
#: claims ...?", "Who would later lead ...?" (English's modal and negating words).
_NOT_THE_STEP = frozenset(
    re.findall(
        r"\w+", "cannot can could would should will shall may might must not never later first"
    )
)
#: Someone a sentence may tell of without a name: "she", "they", or a doer after "by"
#: ("a price fixed by district valuation boards").
_SOMEONE_UNNAMED = re.compile(r"\b(?:he|she|they|we|him|her|them)\b|\bby\s+(?:the\s+)?[a-z]", re.I)
#: A capitalised word that is not all capitals, not glued to a word before it, whole.
_CAPITALISED = re.compile(rf"{CAPITALISED_WORD}[\w’'-]*")


def _who_step(question: str) -> str | None:
    """The step a "who" question asks the doer of ("flew" of "Who flew the helicopter
    ...?"), as typed, or ``None``."""
    step = _WHO_STEP.match(question)
    written = re.findall(r"[a-z]+", step.group(1)) if step else []
    steps = [w for w in written if w not in STOPWORDS and w not in _NOT_THE_STEP]
    return steps[0] if steps else None


def no_one_told(question: str, texts: Sequence[str], common: Collection[str]) -> bool:
    """Whether ``texts`` (the sentences that would answer a question asking for a person)
    tell of no one the question does not name: no name of their own, no "he" or "they",
    no doer after "by", and not the step the question asks the doer of (in any form).

    A question asking who did something the article tells without the doer is one of
    the commonest unanswerables ("Who designed the restoration completed in 2011?" of
    "... after a restoration completed in 2011"; "Who flew the helicopter?" of "A
    helicopter spread 28 tonnes of pellets"): the sentence about the event names no one
    who could be the answer. A sentence telling the asked step ("Private individuals ...
    have no standing to bring claims" for "Who cannot bring claims?") names its doer,
    capitalised or not, so it answers. A capitalised word opening a sentence is a name
    only when the article never writes it in lower case (``common``: "The", "Highlights");
    a month or a weekday is no one.
    """
    asked = set(tokenize(question))
    step = _who_step(question)
    for text in texts:
        if _SOMEONE_UNNAMED.search(text):
            return False
        if step and _step_form(step).search(text):
            return False
        for match in _CAPITALISED.finditer(text):
            before = text[: match.start()].rstrip()
            if (not before or before[-1] in '.!?…"“(:') and match.group().lower() in common:
                continue  # capitalised as the first word of a sentence
            if is_time(match.group()):
                continue  # "In November 2016, ...": a month names no one
            words = tokenize(match.group())
            if words and not any(resembles(w, asked) for w in words):
                return False
    return True


#: The English verbs of making a work (a building, a picture, a statue, a bell, a piece of
#: music) or making it anew: whoever did it is written with the verb or its noun
#: ("designed by", "the design of", "the restoration by"), or as the work's maker
#: (:data:`_MAKERS`). Not "build" ("Who built the town?" of "the company laid out the
#: town"), "draw" ("drew up a plan" is told "prepared", "proposed"), "buy" or "sell"
#: (each is told by the other), nor "cast" (a vote, a part in a play): those are
#: written in other words too, or mean more than making.
_MAKING = frozenset(
    re.findall(
        r"\w+",
        "design designed paint painted carve carved sculpt sculpted engrave engraved compose "
        "composed restore restored",
    )
)
#: The nouns of someone who makes a work, any of which names the maker a "who designed"
#: question asks for ("the architect Edwin Larch").
_MAKERS = re.compile(
    r"\b(?:architect|engineer|artist|builder|sculptor|painter|designer|composer|restorer|"
    r"craftsm[ae]n|mason)s?\b",
    re.I,
)


def maker_untold(question: str, texts: Sequence[str]) -> str | None:
    """The step of making a work a "who" question asks the doer of ("Who designed the
    boathouse at Gull Point?"), when ``texts`` (the sentences the answer would quote)
    neither tell it in any form nor name a maker (:data:`_MAKERS`); else ``None``.

    The sentence about the work is what answers, and it names people in other roles
    (who paid for it, who rebuilt it, whom it was named after), so
    :func:`no_one_told` lets it answer; but an article that names a work's maker does so
    with the making ("designed by", "the design of"), so a sentence that never tells the
    making answers another question. Over every read set (run s28-base), of the "who"
    questions asking a step of :data:`_MAKING` that the answer never tells, all 11 were
    unanswerable.
    """
    step = _who_step(question)
    if step is None or step not in _MAKING:
        return None
    if any(_step_form(step).search(t) or _MAKERS.search(t) for t in texts):
        return None
    return step


#: Where a clause of a sentence ends: a stop of its own (";", ":", brackets, a dash set
#: off by spaces), a comma not inside a number ("14,000"), or a word that opens another
#: clause ("and", "but", "which", "who", "whose", "while", "whereas").
_CLAUSE_END = re.compile(r"[;:()]|,\s(?!\d)|\s[–—]\s|\b(?:and|but|which|who|whose|while|whereas)\b")
#: A name of several capitalised words ("Pieter Vandersloot", "Court of Chancery").
_DOER_NAME = rf"{_CAPITALISED.pattern}(?:\s+(?:of\s+|de\s+|van\s+|von\s+)?{_CAPITALISED.pattern})*"
#: Who a clause tells as doing something: after "by", maybe past a determiner and up to
#: two words that are not prepositions ("by the geologist Maren Solt"), or a name right
#: before a verb in the past, inside the clause, not as the sentence's first word ("the
#: legal historian Pieter Vandersloot criticised", "Osterlund adopted").
_CLAUSE_DOER = re.compile(
    rf"\bby\s+(?:(?:the|a|an|his|her|its|their)\s+)?"
    rf"(?:(?!(?:of|in|to|at|on|for|from|with)\b)[a-z]+\s+){{0,2}}?({_DOER_NAME})"
    rf"|(?<=[a-z,] )({_DOER_NAME})\s+(?:[a-z]+ly\s+)?[a-z]+ed\b"
)
#: A question asking who ("Who lowered ...?"): its answer is the doer itself.
_ASKS_WHO = re.compile(r"^\W*(?:and\s+)?(?:who|whom|whose)\b", re.I)


def figure_of_another(question: str, sentence: str, at: int) -> tuple[str, str] | None:
    """The name a question asks a step of ("did Hanna Oskel gather", "was Grevell
    appointed") and another doer, when the clause of ``sentence`` holding the answer's
    figure (at offset ``at``) tells of that other doer and never names the asked one; else
    ``None``.

    The answer's figure then belongs to someone else's step: "How many songs did Hanna
    Oskel gather?" of "... the folklorist Ida Marensky collected more than 900 songs";
    "In what year was Grevell appointed a reader?" of "Grevell, then a reader ..., and
    after a further year Osterlund adopted the square in his 1954 paper". Unlike
    :func:`step_of_another`, the step may be told in other words (it often is: "gather"
    and "collected"), since it is the clause the figure sits in that tells whose it is. A
    doer the question names anywhere ("the Supreme Court granted leave" for "When was
    Harlow given leave to appeal to the Supreme Court?") is one it asks of.
    """
    asked = _NAME_DOES.search(question)
    if asked is None or _ASKS_WHO.search(question):
        return None
    name = tokenize(asked.group(2))
    if not name:
        return None
    cuts = list(_CLAUSE_END.finditer(sentence))
    start = max((c.end() for c in cuts if c.end() <= at), default=0)
    end = min((c.start() for c in cuts if c.start() >= at), default=len(sentence))
    clause = sentence[start:end]
    if any(resembles(t, set(tokenize(clause))) for t in name) or _gapped_with(name, sentence):
        return None
    named = set(tokenize(" ".join(m.group() for m in _CAPITALISED.finditer(question) if m.start())))
    for found in _CLAUSE_DOER.finditer(clause):
        doer = found.group(1) or found.group(2)
        if is_time(doer.split()[0]) or found.start() <= at - start < found.end():
            continue  # "by March 1890"; the figure itself
        if not any(resembles(t, named) for t in tokenize(doer)):
            return asked.group(2).strip(), doer
    return None


def _gapped_with(name: list[str], sentence: str) -> bool:
    """Whether ``sentence`` gives ``name`` (stemmed words) a figure of its own with the verb
    left out (:data:`_GAPPED`: "... 45 million crowns and Sarendia 29 million"): the
    figure of the clause before is another's, but the sentence still answers."""
    return any(
        any(resembles(t, set(tokenize(m.group(1)))) for t in name)
        for m in _GAPPED.finditer(sentence)
    )


#: A number as digits, with its decimals or thousands ("0.525", "14,000", "58" of "58th",
#: "1990" of "1990s"): what :func:`figure_told_apart` matches between question and text.
_DIGIT_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
#: A sentence opening with a word that stands for what was told just before ("He ...",
#: "It ...", "Its ..."): it may tell of the one the sentence before names.
_REFERS_BACK = re.compile(r"^\W*(?:he|she|it|they|his|her|its|their|this|these)\b", re.I)


def _digit_figures(text: str) -> set[str]:
    """The figures ``text`` writes in digits, without their thousands' commas."""
    return {figure.replace(",", "") for figure in _DIGIT_FIGURE.findall(text)}


def figure_told_apart(question: str, answering: str, others: Sequence[str]) -> str | None:
    """A figure a "who" question pins ("in 1962", "to 0.525", "in the 58th minute") that
    the sentence giving the answer's name (``answering``) never writes while another
    sentence the answer quotes (``others``) does, not opening with a word standing for
    someone told before ("He ...", "It ..."); else ``None``.

    The name answers another step than the one the figure pins: "Who lowered the exponent
    to 0.525 in the 1990s?" of "... lowered to 0.535 by the analyst Lidia Carvaro" and
    "Further refinements by several authors brought the exponent down to 0.525". The
    sentence that tells the step asked names no one (else the answer would be taken from
    it), and the one that names someone tells of another figure.
    """
    if _ASKS_WHO.search(question) is None:
        return None
    asked = _digit_figures(question)
    if not asked or asked & _digit_figures(answering) or _held_since(question, answering):
        return None
    for text in others:
        shared = asked & _digit_figures(text)
        if shared and not _REFERS_BACK.match(text):
            return _as_written(question, min(shared))
    return None


#: A "who" question asking who held a role at a time ("Who was chief engineer by the time
#: the canal opened in 1889?"; group ``role``: its words before the time).
_HOLDER_AT = re.compile(
    r"^\W*who\s+(?:was|were|is|are)\s+(?:the\s+)?(?P<role>[a-z][a-z -]*?)\s+"
    r"(?:by|in|at|on|during|when|until)\b",
    re.I,
)


def _held_since(question: str, answering: str) -> bool:
    """Whether ``question`` asks who held a role at a year (:data:`_HOLDER_AT`) and
    ``answering`` tells of the role at earlier years only: the one it gives the role to
    still holds it at the year asked unless told otherwise, and the sentence dating that
    year need name no one ("Barras died ... in April 1882 and was succeeded as chief
    engineer by her deputy, Tomas Rendell" answers who was chief engineer in 1889)."""
    held = _HOLDER_AT.search(question)
    if held is None:
        return False
    asked, told = periods(question), periods(answering, told=True)
    if not asked or not told:
        return False
    if max(t.last for t in told) >= min(a.first for a in asked):
        return False
    words = set(tokenize(answering))
    role = tokenize(held.group("role"))
    return bool(role) and all(resembles(t, words) for t in role)


def _as_written(question: str, figure: str) -> str:
    """``figure`` as the question writes it, with what follows its digits ("58th" for
    "58"): what a refusal quotes back."""
    for found in re.finditer(rf"{_DIGIT_FIGURE.pattern}\w*", question):
        if _digit_figures(found.group()) == {figure}:
            return found.group()
    return figure


#: An age told with "year(s) old", in digits or words ("15-year-old", "thirty-two years old").
_YEARS_OLD = r"\b(?:\d+|[a-z]+(?:-[a-z]+)?)[\s-]+years?[- ]old"
#: An age told of the one it describes, set off by name: "a fifteen-year-old boy, Emil
#: Sarto, died", "an 11-year-old spinner, Carla Dunne," (group 1: the words it describes,
#: group 2: the name after the comma).
_AGE_OF_NAMED = re.compile(
    rf"{_YEARS_OLD}\s+((?:[a-z][\w’'-]*\s+){{0,2}}?[a-z][\w’'-]*),"
    rf"\s+({_DOER_NAME})"
)
#: An age told of a name before it, set off as what the name is: "Ada Conlan, a
#: 24-year-old orator from Saltash Bay" (group 1: the name, group 2: the words it is
#: called). Read so, over every readable set (run h43u-r1 -> h43u-r2): 3 unanswerables
#: refused ("How old was Saltvane when he died?" of "Lieutenant Colonel Jorun Halbeck, a
#: 34-year-old officer"; "How old was Teodor Brannick?"; the oldest starter of a lineup
#: of "Onwuachi, a 26-year-old striker"), no answerable moved.
_NAMED_OF_AGE = re.compile(
    rf"({_DOER_NAME}),\s+an?\s+{_YEARS_OLD}\s+((?:[a-z][\w’'-]*\s+){{0,2}}?[a-z][\w’'-]*)\b"
)
#: Any age told with "year(s) old" (what :data:`_AGE_OF_NAMED` may tell of someone), or
#: with "aged", "age of" (which it never does).
_AGE_ANY = re.compile(rf"{_YEARS_OLD}\b|\bage(?:d| of)\s+(?:\d+|[a-z]+)\b")
#: The words of an age question that say it asks an age, not whose it is.
_AGE_WORDS = frozenset(tokenize("old age aged when year years"))
#: Nouns that say of someone only that they are a person ("the man after whose home
#: village the virus was named"): a question asking of one so, with a clause saying which
#: (:data:`~antqa.refusals.names.DESCRIBING`), tells who it means by the clause alone.
ANYONE = frozenset(tokenize("man men woman women person people someone one"))


def _only_anyone(question: str, clauses: Sequence[str]) -> bool:
    """Whether the words of ``question`` outside its describing ``clauses`` that do not
    ask an age are only nouns of :data:`ANYONE` (at least one)."""
    outside = question
    for clause in clauses:
        outside = outside.replace(clause, " ")
    words = set(tokenize(outside)) - _AGE_WORDS
    return bool(words) and words <= ANYONE


def age_of_another(question: str, sentences: Sequence[str]) -> str | None:
    """The one an age is told of ("Emil Sarto" of "a fifteen-year-old boy, Emil Sarto"),
    when every age the ``sentences`` give is told so (or after a name it is told of, "Ada
    Conlan, a 24-year-old orator": :data:`_NAMED_OF_AGE`) of someone the question does
    not ask of; else ``None``. "How old was Rosa Venn?" of a sentence giving only the boy's age,
    "how old was the matron?" of "an eleven-year-old boy, Edmund Hare, and the house
    matron, Martha Lyle, died": the age is another's. A question naming no one ("how old
    was he?"), or calling them only a person and saying which by a clause ("How old was
    the man after whose home village the virus was named?": what the clause tells of him
    the article tells elsewhere, of whoever he is; :data:`ANYONE`), or an age told any
    other way ("aged 40") decides nothing."""
    asked = set(tokenize(question)) - _AGE_WORDS
    clauses = [m.group() for m in DESCRIBING.finditer(question)]
    if not asked or (clauses and _only_anyone(question, clauses)):
        return None
    others = []
    for sentence in sentences:
        told = [(m.group(1), m.group(2)) for m in _AGE_OF_NAMED.finditer(sentence)]
        told += [(m.group(2), m.group(1)) for m in _NAMED_OF_AGE.finditer(sentence)]
        if len(told) != len(_AGE_ANY.findall(sentence)):
            return None  # an age told of no one set off by name
        for called, name in told:
            if any(resembles(t, asked) for t in tokenize(called + " " + name)):
                return None
            others.append(name)
    return others[0] if others else None


def subject_doing(noun: str, texts: Sequence[str]) -> str | None:
    """The article's subject as one of ``texts`` writes it by its common noun ``noun``
    ("the service"), not as an owner ("the service's budget"), in a sentence not opening
    with a word standing for one told before ("He ...", "It ...", :data:`_REFERS_BACK`);
    else ``None``.

    Sentences that call the subject "the service" tell its facts: "As of 2019 the service
    had 340 volunteer members and 22 paid staff" tells the staff of the Corvallen service,
    not of the Halvard Alpine Guard a question asks of (which the paragraph names, so
    every name check passed). A sentence opening on "He" or "It" may tell of the one the
    sentence before names, as an owner the noun tells of another thing ("the
    cooperative's price" in a sentence on its rival's premium)."""
    if not noun:
        return None
    pattern = re.compile(rf"\b[Tt]he\s+{re.escape(noun)}\b(?!['’])")
    for text in texts:
        found = None if _REFERS_BACK.match(text) else pattern.search(text)
        if found is not None:
            return found.group()
    return None
