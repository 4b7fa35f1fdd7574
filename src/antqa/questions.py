"""What a question asks for: its kind of answer, its topic words and the names it uses.

Many questions say plainly what kind of thing answers them: "how many members" wants a
number of members, "when" a date, "what share" a proportion. Retrieval uses that as a
small prior, answering prefers sentences that hold it, and when no sentence near the top
holds it the article most likely does not say (it talks about the topic but never gives
the figure) — one of the most common ways a question is unanswerable. The names a
question uses serve the same purpose: a person the article never mentions cannot be
what it says something about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from antqa.lexical import IRREGULAR_PAST_FORMS, STOPWORDS, resembles, tokenize


class AnswerKind(Enum):
    """The kind of thing the answer has to contain, when a question makes it plain."""

    ANY = "any"
    COUNT = "count"  # how many members
    AMOUNT = "amount"  # how much money, revenue, valuation
    SHARE = "share"  # what share, percentage, rate
    DURATION = "duration"  # how long
    AGE = "age"  # how old
    TIME = "time"  # when, on what date, in which year
    PLACE = "place"  # which city, in what country
    REASON = "reason"  # why, what caused
    MANNER = "manner"  # how did they (not how many / much / long)


#: The kinds a sentence plainly holds or not, each as a refusal names it (retrieval
#: favours their holders the more for it: :attr:`~antqa.retrieval.FusionWeights.plain_kind`).
#: Not a place: it is written in too many ways ("Ostria, as the upstream state", "of the
#: Adriatic", "in southern Italy") for a sentence without "in/at/from/near" and a name to
#: lack one. As a kind the passages must hold, it refused 3 answerables (2 of the
#: SQuAD-format sets, 1 of train14) for 1 unanswerable (this article's "Which city is
#: Tencent headquartered in?").
KIND_NOUN = {
    AnswerKind.COUNT: "a number",
    AnswerKind.AMOUNT: "an amount",
    AnswerKind.SHARE: "a share or rate",
    AnswerKind.DURATION: "a length of time",
    AnswerKind.AGE: "an age",
    AnswerKind.TIME: "a date or time",
}


#: The month names as English writes them (capitalised); the question patterns here ignore
#: case, the short-answer spans (:mod:`antqa.short_answers`) do not ("may" is no month).
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTH = f"(?:{'|'.join(MONTH_NAMES)})"
#: A month shortened as English writes it ("Oct", "Sept.") where it reads as a month: before
#: or after a figure ("Oct 2016", "12 Dec") or after a word that times ("during Oct");
#: elsewhere "Jan" or "Mar" may be a name.
_SHORTENED = "|".join([*(m[:3] for m in MONTH_NAMES if len(m) > 3), "Sept"])
_SHORT_MONTH = re.compile(
    r"(\d\s+|\b(?:in|during|since|until|till|before|after|early|late|mid)\s+|\bmid-)?"
    rf"\b({_SHORTENED})\b\.?(?(1)|(?=\s+\d))"
)
_MONTH_OF = {month[:3]: month for month in MONTH_NAMES}


def months_spelled_out(text: str) -> str:
    """``text`` with each shortened month (:data:`_SHORT_MONTH`) written in full: every
    reading of a question's time and names knows the months by their names ("during the
    Oct 2016 transition" was refused as "it never mentions Oct" in the unseen batch)."""
    return _SHORT_MONTH.sub(lambda m: (m.group(1) or "") + _MONTH_OF[m.group(2)[:3]], text)


#: The article's writer, as a question names them.
_WRITER = r"the\s+(?:author|writer)"
#: A question's frame asking what the article's writer thinks, not what: "According to the
#: author, ...", "..., in the writer's view?", "Why does the author think ...", "What does
#: the writer say ...". The article is the writer's own telling, so the frame names nothing
#: a sentence writes (an essay gives its view as "The problem may still be that ...", not
#: "the author thinks"), and its words ("view", "think", "say") match sentences telling
#: something else. Only verbs of saying or thinking: "How does the author describe ...?"
#: and "What does the author see as ...?" ask by their verb. Over every set (run m28-b ->
#: h46h-r1): one answer's passage first instead of second, one miss's passage out of the
#: top five; no hit or refusal moved.
_WRITER_FRAME = re.compile(
    rf"^\W*(?:according\s+to\s+{_WRITER}|in\s+{_WRITER}['’]s\s+(?:view|opinion|eyes))\s*,\s*"
    rf"|\s*,?\s*(?:according\s+to\s+{_WRITER}|in\s+{_WRITER}['’]s\s+(?:view|opinion|eyes))"
    r"(?=\s*[?.!]?\s*$)"
    rf"|\b(?:does|did|do)\s+{_WRITER}\s+(?:think|believe|reckon|feel|say|argue|suggest|claim)\s+",
    re.IGNORECASE,
)


def without_writer_frame(text: str) -> str:
    """``text`` without the frame asking what the article's writer thinks
    (:data:`_WRITER_FRAME`): what is asked, as the article would tell it ("Why does the
    writer reckon the boss didn't have to say sorry?" -> "Why the boss didn't have to say
    sorry?"); the text itself when it has none or is nothing else."""
    stripped = _WRITER_FRAME.sub("", text).strip()
    return stripped if re.search(r"\w", stripped) else text


#: English's words for 1 to 9, 10 to 19 and the tens (a grammar's closed set).
UNIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen")  # fmt: skip
TEN_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: The numbers English writes out, as a regex alternation ("one" left out: "one of the
#: ..." rarely counts anything, so :mod:`antqa.short_answers` adds it where it does).
NUMBER_WORDS = "|".join(
    [*UNIT_WORDS[1:], *TEEN_WORDS, *TEN_WORDS, r"hundreds?|thousands?|millions?|billions?|dozens?"]
)
_NUMBER_WORD = f"(?:{NUMBER_WORDS})"
#: Number words no age is told by alone: "4.5 billion years old" is no age "billion".
LARGE_NUMBER_WORDS = r"(?:hundred|thousand|million|billion|dozen)"
#: The units a young animal's or child's age is counted in before "old" ("they cannot fly
#: until they are about 28 days old"); with years, every unit an age is told in.
YOUNG_AGE_UNITS = r"(?:months?|weeks?|days?)"
AGE_UNITS = rf"(?:years?|{YOUNG_AGE_UNITS})"
#: An age as a life story gives it, after "at": "left school at fourteen", "married at
#: 23", "at twenty-seven" (not a time of day, a rate, a speed or a distance: "at 10 am",
#: "at 5%", "at 90 mph").
AGE_AFTER_AT = (
    rf"(?:\d{{1,2}}|{_NUMBER_WORD}(?:-{_NUMBER_WORD})?)\b(?!-)"
    r"(?!\s*(?:%|per\b|o.clock|[ap]\.?m\b|:|mph\b|km|miles?\b|"
    r"kilomet|met(?:re|er)s?\b|feet\b|foot\b|degrees?\b|knots?\b))"
)
#: Money as English texts write it after a number ("12 billion yuan", "one penny per ton").
CURRENCIES = (
    r"yuan|rmb|dollars?|usd|euros?|pounds?|pence|penny|pennies|shillings?|cents?|francs?|"
    r"marks?|livres?|guineas?|"
    # the world's other currencies, as English writes them (a closed set, like the months):
    # an article that writes one once after a number in words ("Entry cost five kronor")
    # does not write it only after digits, so measure_words cannot learn it
    r"kronor|krona|kroner|krone|crowns?|florins?|guilders?|ducats?|scudi|scudo|lire|lira|"
    r"roubles?|rubles?|rupees?|yen|pesos?|reais|reals?|drachmas?|zloty|forints?|dinars?|"
    r"dirhams?|rand|shekels?|thalers?|talers?|kopecks?|escudos?|pesetas?|sovereigns?"
)
_YEAR = r"(?:1[89]|20)\d\d"
#: A number that may be a year of any age ("1287", "1641"): a count only when a word it
#: counts follows it ("1500 soldiers"), see :func:`numbers_in`.
_YEAR_LIKE = re.compile(r"1\d{3}|20\d\d")
#: The English words for parts of a whole ("a third", "one-twentieth", "two-fifths"): a
#: grammar's closed set, not a domain's.
FRACTIONS = (
    r"half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|"
    r"elevenths?|twelfths?|hundredths?|thousandths?|"
    # "one sixteenth of the corn"; not "a fourteenth-century church"
    r"(?:(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)"
    r"tie)ths?(?![\s-]+centur)"
)
#: Not when a clause follows "how much" ("showed how much it wanted that", "how much they
#: cared"): that asks how strongly, which no number answers (nor a sum, unless the clause's
#: verb is one of money: "how much he earned"). Checked before any look further ahead, so
#: that a question repeating "how much it" is not scanned to its end at each.
_NO_CLAUSE = r"(?!\s+(?:it|he|she|they|we|you|i)\b)"
#: Words that make "how much" ask for money (lending and owing too: "how much did he lend
#: the company?" asks for "£20,000", not the "5 per cent" its shares paid). Those that
#: open other words end where the word of money does: "payload", "fundamental",
#: "soldiers", "investigate", "Europe", "finest" and "lentils" ask no sum (an answerable
#: of the twelfth batch, "How much payload goes into each segment?", was refused for
#: want of a sum where "48 octets" answered).
_MONEY = (
    r"(?:money|cost|pa(?:y|ys|ying|yments?|id)\b|spen[dt]|price|worth|earn|raise|lo(?:se|st)|"
    r"charge|fund(?:s|ed|ing)?\b|budget|salar|revenue|sell|sold\b|buy|bought|"
    r"invest(?:s|ed|ing|ments?|ors?)?\b|dollar|yuan|euros?\b|pound|fine[ds]?\b|valu|"
    r"lend|lent\b|loans?\b|borrow|owe[ds]?\b|debts?\b|donat|wages?\b|fees?\b|tax(?:es)?\b)"
)
#: "How much did the Academy give the project each year?", "How much did Carvenna receive
#: under the treaty?": with no noun after "how much", a verb of giving or getting asks for
#: a sum ("2,500 crowns", "8,000 scudi"), which was read as a count of anything ("fourteen
#: months"). Not "how much warning did the office give": there the noun says what of.
_GIVEN_SUM = (
    r"\s+(?:did|does|do|would|will|had|has|should|could|must)\b[^?]*\b"
    r"(?:gives?|gave|given|giving|receiv(?:e|es|ed|ing)|gets?|got|getting|"
    r"grant(?:s|ed)?|award(?:s|ed)?|contribut(?:e|es|ed)|offer(?:s|ed)?|"
    r"collect(?:s|ed)?|leaves?|left|bequeath(?:s|ed)?)\b"
)


#: English's units of a length of time, the shortest first ("century" apart: its plural
#: is not written by adding "s").
TIME_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
_TIME_UNIT_PLURALS = tuple(f"{unit}s" for unit in TIME_UNIT_WORDS)
#: ... as an alternation of either number ("one week", "ten years").
_TIME_UNIT_FORMS = "|".join(f"{unit}s?" for unit in TIME_UNIT_WORDS)
#: ... and centuries: what a length of time is written with ("two centuries").
TIME_UNITS = f"{_TIME_UNIT_FORMS}|centuries"
#: The units a length of time is counted in after "for how many": the plurals, and the
#: spans a count of them may be told in too ("nights", "generations", "seasons", "terms").
_COUNTED_TIME_UNITS = (
    rf"(?:{'|'.join(_TIME_UNIT_PLURALS)}|centuries|nights|generations|seasons|terms)\b"
)


#: Kinds of place a question may ask for by name ("which city", "in what province").
PLACE_KINDS = ("city", "town", "province", "state", "district", "region")


def _pattern(*parts: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("".join(parts), flags)


#: A question opening on "why" asks for a reason, whatever kind of thing it names after it
#: ("Why might the real number of salamanders be larger ...?"): a clause, no number or name.
ASKS_WHY = _pattern(r"^\W*(?:and\s+)?why\b")

#: "What caused / led to / prompted X" asks for a cause, whatever X names: "What caused the
#: observatory's income to drop?" wants what made it drop, not a sum of money.
_ASKS_CAUSE = _pattern(r"\bwhat (?:caused|led to|prompted)\b")

#: The auxiliaries a "what/which" question may put before its subject ("What was the
#: price ...", "What did revenue reach"), and "what about" of a follow-up.
_KIND_AUX_WORDS = (
    r"was|were|is|are|did|does|do|had|has|have|will|would|could|can|should|might|must|may|"
    r"about"
)
_KIND_AUX = rf"(?:{_KIND_AUX_WORDS})"
#: Words that end the noun phrase after "what/which": determiners, prepositions and
#: conjunctions ("the price of a share" is a price; "the cost" in "Which agency shared
#: the cost" is the verb's object), auxiliaries, and pasts of verbs ("What drove the price").
_NOT_KIND_MODIFIER = (
    r"(?!(?:the|a|an|this|that|these|those|its|his|her|their|of|in|on|at|to|for|per|by|with|over|under|from|about|after|before|"
    r"into|through|during|since|between|among|against|within|and|or|"
    rf"than|as|{_KIND_AUX_WORDS})\b)"
)
#: A verb's past: "What drove the price", "Which agency shared the cost".
_PAST = rf"(?:{'|'.join(sorted(IRREGULAR_PAST_FORMS))}|[a-z]{{3,}}ed)\b"
#: A word of the noun phrase before its head ("financial", "the museum's", "interest"); after
#: an auxiliary a participle too ("What was the estimated cost").
_KIND_MODIFIER = rf"{_NOT_KIND_MODIFIER}[a-z][\w'’-]*\s+"
_BARE_KIND_MODIFIER = rf"(?!{_PAST}){_KIND_MODIFIER}"
#: How many words may come before the head: after an auxiliary and a determiner ("the
#: museum's average daily sales" is four), and with none ("which financial year").
_KIND_MODIFIERS_AFTER_AUX = 4
_KIND_MODIFIERS_BARE = 2
#: What may follow the head of a noun phrase right after "what/which" with no auxiliary:
#: "of"/"per"/"in"/"for", an auxiliary, a past ("what percentage voted"), or the question's
#: end ("what annual sales did", "what share of"); "what cut sales there" is a verb and its
#: object.
_AFTER_KIND_NOUN = rf"(?=\s+(?:of|per|in|for|{_KIND_AUX_WORDS})\b|\s+{_PAST}|\W*$)"


def _asks_for(nouns: str, *, after: str = "", guard: str = "", aux: bool = True) -> str:
    """A pattern for a question whose asked thing is one of ``nouns``: the head of the noun
    phrase right after "what/which" ("which financial year", "what interest rate did"), or
    after "what/which" and an auxiliary ("What was the museum's annual revenue?"). A noun
    further on is a verb's object or a preposition's ("What cut sales there", "What drove
    the price", "the price of a share") and names no kind, but for what is told "about" it
    ("What did she say about the firm's offline share?": its value).

    ``after`` is what must follow the noun when no auxiliary comes first; ``guard`` is
    tested where "what/which" starts; ``aux`` False reads the noun right after "what/which"
    only."""
    start = rf"{guard}\b(?:what|which)\s+"
    head = rf"(?:{nouns})(?!\w)"
    phrase = (
        r"(?:(?:the|a|an|its|his|her|their|this|that)\s+)?"
        rf"(?:{_KIND_MODIFIER}){{0,{_KIND_MODIFIERS_AFTER_AUX}}}{head}"
    )
    bare = rf"{start}(?:{_BARE_KIND_MODIFIER}){{0,{_KIND_MODIFIERS_BARE}}}{head}{after}"
    if not aux:
        return bare
    with_aux = rf"{start}{_KIND_AUX}\s+{phrase}"
    told_about = rf"{start}{_KIND_AUX}\s+[^?]*\babout\s+{phrase}"
    return f"{with_aux}|{told_about}|{bare}"


#: The nouns of a share, read after "what/which" and anywhere in "how big/large ..."
#: (not "per share": a share of stock, the unit of a price).
_SHARE_NOUN = r"(?<!per )(?:share|percentage|proportion|fraction|percent|rate)"
#: "Which award did the two inventors share": the verb, no share of anything.
_NOT_THE_VERB_SHARE = r"(?![^?]*\b(?:did|do|does)\s+(?:\w+\s+){1,4}share\b)"


#: What in a question names the kind of its answer, tried in this order (the first wins).
_CUES: tuple[tuple[AnswerKind, re.Pattern[str]], ...] = (
    (AnswerKind.REASON, ASKS_WHY),
    (AnswerKind.REASON, _ASKS_CAUSE),
    (AnswerKind.AGE, _pattern(r"\bhow old\b|\b(?:at )?what age\b")),
    (
        AnswerKind.PLACE,
        _pattern(
            r"\b(?:what|which|in what|in which) ",
            rf"(?:{'|'.join(PLACE_KINDS)}|country|venue|location|place)\b|",
            r"\bwhere\b[^?]*\b(?:based|located|headquartered|born)\b",
        ),
    ),
    (
        AnswerKind.DURATION,
        # "for how many years", not "set up for how many arts students" (a count)
        _pattern(
            r"\bhow long\b(?! ago)|\bhow much time\b|\bfor how many\s+(?:[a-z]+\s+)?",
            _COUNTED_TIME_UNITS,
        ),
    ),
    (
        AnswerKind.COUNT,
        _pattern(
            # "how much" asks for money only with a word of money; else for a quantity
            # "how much of the water was lost": a part of a whole, whatever the verb
            rf"\bhow (?:many|much(?=\s+of\b)|much{_NO_CLAUSE}(?![^?]*\b{_MONEY}|{_GIVEN_SUM}))\b",
            r"(?:\s+(?:of\s+)?(?:the\s+)?([a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}))?|",
            # "What number did the hop budget start at?": a number, whatever it is of
            r"\bnumber of\b|\bwhat number\b",
        ),
    ),
    (
        # "For what year did the study project the 80 percent loss?": a year, which the
        # question names plainly, whatever share or sum it speaks of besides
        AnswerKind.TIME,
        # ("What was the quietest day" asks for a day, not for its date). A year is named by
        # the kind of year it was ("which financial / drought / census year"); a day with a
        # word before it ("what exact day") chose a dated sentence of another event, and
        # an unanswerable was answered (h49k-r1)
        _pattern(_asks_for("year", aux=False), r"|\b(?:what|which) (?:date|day|month)\b"),
    ),
    (
        AnswerKind.SHARE,
        _pattern(
            # not "what price per share": a share of stock, the unit of a price; nor
            # "which award did the two inventors share": the verb
            _asks_for(
                rf"{_SHARE_NOUN}|%",
                after=_AFTER_KIND_NOUN,
                guard=_NOT_THE_VERB_SHARE,
            ),
            r"|\bhow (?:big|large|high|low)\b",
            _NOT_THE_VERB_SHARE,
            rf"[^?]*(?:\b{_SHARE_NOUN}\b|%)",
        ),
    ),
    (
        AnswerKind.AMOUNT,
        _pattern(
            rf"\bhow much\b(?:{_NO_CLAUSE}|(?=\s+\w+\s+{_MONEY}))|",
            r"\bworth\b|\bvalued\b|\bvaluation\b|",
            _asks_for(
                # "profit-sharing" names no sum
                r"(?:revenues?|profits?|income|sales|earnings|turnover|price|cost|salary|"
                r"budget|funding|amount|sum|losses|fine|value)\b(?!-)",
                after=_AFTER_KIND_NOUN,
            ),
            r"|",
            # "What did a twenty-word message cost when the cable opened?"
            r"\bwhat (?:did|does|do|would|will)\b[^?]*\bcost\b|",
            # "What were relief workers paid each day?": a wage. Not "paid for" (a thing),
            # nor "paid" in a clause of its own ("What did she change about how the
            # orchestra was paid?" asks what changed: read as a sum, it showed "60
            # singers"). Over every set (s26-base -> h45s-r5): 1 answer hit gained
            # (fam-033, its short answer exact), 1 unanswerable refused, none lost
            r"\bwhat (?:was|were|is|are)\b(?:(?!\b(?:how|when|where|why|who)\b)[^?])*",
            r"\bpaid\b(?!\s+for\b)",
        ),
    ),
    (
        AnswerKind.TIME,
        _pattern(
            r"^\W*when (?:did|was|were|is|are|will|does|do|has|had|can|could|would)\b|",
            r"\band when\b|\bwhen\W*$|\b(?:what|which) (?:date|day|year|month|time of)\b|",
            r"\bin what year\b|\b(?:since|until|till) when\b|\bhow long ago\b",
        ),
    ),
    (
        AnswerKind.REASON,
        _pattern(r"^\W*(?:and\s+)?why\b|\bfor what reason\b|\bwhat (?:caused|led to|prompted)\b"),
    ),
    (
        AnswerKind.MANNER,
        _pattern(r"^\W*(?:and\s+)?how (?:did|does|do|was|were|is|are|can|could|has|have)\b"),
    ),
)

#: A length of time in a sentence: "a three-year search" gives one as well as "three years".
_LENGTH_OF_TIME = (
    rf"\b(?:\d+|a|an|one|several|few|many|{_NUMBER_WORD})[\s-]+(?:\w+\s+)?"
    rf"(?:{_TIME_UNIT_FORMS})\b"
)
_GIVES_LENGTH_OF_TIME = _pattern(_LENGTH_OF_TIME)
#: English's units of a length, a grammar's set ("71 nautical miles", "340 fathoms").
LENGTH_UNITS = (
    r"(?:kilo|centi|milli|micro|nano)?met(?:re|er)s?|km|(?:nautical\s+)?miles?|feet|foot|"
    r"yards?|inch(?:es)?|fathoms?"
)
#: A figure that measures something, in digits or in words ("1,100", "sixty", "twenty-one").
_MEASURE_FIGURE = rf"(?:\b\d[\d,.]*|\b{_NUMBER_WORD}(?:-{_NUMBER_WORD})?)"
#: "how long" asks for a length too ("a 38-kilometre line", "sixty miles", "a twenty-mile
#: road").
_LENGTH_IN_SPACE = rf"{_MEASURE_FIGURE}[\s-]*(?:{LENGTH_UNITS})\b"
#: A length of time or distance: a number of these counts no people or things.
_SPAN = _pattern(_LENGTH_OF_TIME, r"|", _LENGTH_IN_SPACE)

#: A stretch of time told by the years it ran from and to ("from 1899 until about 1920",
#: "from 1806 to 1831"), its length left to the reader.
_ABOUT_YEAR = r"(?:(?:about|around|c\.)\s*)?(?:1\d{3}|20\d\d)"
_FROM_YEAR_TO_YEAR = rf"\bfrom\s+{_ABOUT_YEAR}\s+(?:until|till|to)\s+{_ABOUT_YEAR}\b"

#: What in a sentence is that kind of thing (COUNT also checks the thing counted).
_EVIDENCE: dict[AnswerKind, re.Pattern[str]] = {
    AnswerKind.COUNT: _pattern(rf"\b(?!{_YEAR}\b)\d+(?:[.,]\d+)*\b|\b{_NUMBER_WORD}\b"),
    AnswerKind.AMOUNT: _pattern(
        # a share is no amount of money: "21 percent" does not say what was paid
        r"[$¥€£]\s?\d|\b(?:yuan|rmb|dollars?|usd|euros?|",
        r"billions?|millions?|trillions?)\b|",
        # a currency that also names other things ("pounds" of weight, "marks") after a number
        rf"\b(?:\d[\d,.]*|one|a|{_NUMBER_WORD})\s+(?:{CURRENCIES})\b|",
        # shillings and pence as old accounts write them: "paid 3s a week", "2s 6d a day"
        r"(?<!the )(?<![’'])\b\d{1,2}(?-i:[sd])\b(?=\s+(?:a|an|per|each|\d{1,2}(?-i:d))\b)",
    ),
    AnswerKind.SHARE: _pattern(
        # in digits or words ("two per cent", "eleven percent")
        rf"(?:\d|\b(?:one|{_NUMBER_WORD}))\s*(?:%|percent|per cent)|",
        # not a bare "third" or "quarter": "the third thing", "the first quarter" are no
        # shares ("a third", "two-thirds" are, by the fractions below)
        r"\b(?:half|majority|minority)\b|",
        # "one-twentieth", "two-fifths": an ordinal alone is no share ("the tenth century")
        rf"\b(?:a|one|{_NUMBER_WORD})[\s-]+(?:{FRACTIONS})\b|",
        r"\b\w+ (?:out of|in) (?:every )?\w+\b(?=[^.]*\b(?:people|users|customers)\b)|",
        # a count against a count, whatever is counted: "one in five children", "3 out of 10"
        rf"\b(?:one|{_NUMBER_WORD}|\d{{1,3}}) (?:out of|in) (?:every )?",
        rf"(?:{_NUMBER_WORD}|\d{{1,3}}(?:,\d{{3}})*)\b",
    ),
    AnswerKind.DURATION: _pattern(
        _SPAN.pattern,
        # ... or a stretch from one year to another ("marketed as a fever remedy from 1899
        # until about 1920": an answerable of the twenty-eighth unseen batch, "how long was
        # it on the market?", was refused as giving no length of time)
        rf"|{_FROM_YEAR_TO_YEAR}",
        # ... or a text's length in pages, in digits or words, or as its adjective
        # ("running to some 1,100 pages", "only eleven pages long", "a 112-page manuscript")
        rf"|{_MEASURE_FIGURE}[\s-]+pages?\b",
    ),
    AnswerKind.AGE: _pattern(
        # "roughly 1.1 billion years old", "15 years and 8 months old", "about 28 days old"
        r"\b\d[\d,.]*\s*-?\s*(?:(?:thousand|million|billion)\s+)?",
        rf"{AGE_UNITS}(?:\s+and\s+(?:\d+|one|{_NUMBER_WORD})\s+months?)?[- ]old\b|",
        # ... or in words: "an eleven-year-old boy", "thirty-two years old", "six weeks old"
        rf"\b(?!{LARGE_NUMBER_WORDS})(?:one|{_NUMBER_WORD})"
        rf"(?:-(?:one|{_NUMBER_WORD}))?[\s-]+{AGE_UNITS}[- ]old\b|",
        rf"\b(?:aged?|age of) (?:\d+|{_NUMBER_WORD})\b|",
        # "lowered the voting age for Assembly elections from 18 to 16": an age an age
        # limit is set to (two digits, not a year: "the Iron Age, to 1200")
        r"\b(?-i:age)\b(?:\W+[\w-]+){0,5}?\W+(?:from\s+\d{1,2}\s+)?to\s+\d{1,2}\b(?![,.]\d|%)|",
        # "the schoolteacher Anders Kolvik, then 29, ...": an age set between commas, in
        # digits or words ("Marrowgate, then thirty-one, was ...")
        rf",\s+then\s+(?:\d{{1,2}}|{_NUMBER_WORD}(?:-[a-z]+)?),|",
        # "was a boy of nine at his accession", "a woman of 60": a person of an age
        rf"\b(?:boy|girl|child|youth|man|woman)\s+of\s+(?:\d{{1,2}}|{_NUMBER_WORD})\b(?!\s*%)|",
        r"\bat ",
        AGE_AFTER_AT,
    ),
    AnswerKind.TIME: _pattern(
        rf"\b{_YEAR}\b|\b{_MONTH}\b|\b(?:last|next|this) (?:year|month|week)\b|\bago\b|",
        # any year (911, the 1050s) and centuries, for articles about other times
        r"(?<![\d,.])\b\d{3,4}s?\b(?![,.]\d)|\b\d+(?:st|nd|rd|th)\b(?:\W+\w+){0,3}?\W+",
        r"(?:century|centuries|millennium)\b|\b(?:century|centuries|decade)\b|",
        # a time counted from a start: "equalised in the 84th minute", "on the 3rd day"
        r"\b\d+(?:st|nd|rd|th)\s+(?:minute|hour|day|week|month|year)\b|",
        r"\b(?:yesterday|today|tomorrow|monday|tuesday|wednesday|thursday|friday|",
        r"saturday|sunday)\b",
    ),
    AnswerKind.PLACE: _pattern(r"\b(?:in|at|from|near)\s+(?:the\s+)?[A-Z][a-z]", flags=0),
    AnswerKind.REASON: _pattern(
        r"\b(?:because|due to|owing to|as a result|result(?:ed)? (?:of|from)|caused|led to|",
        r"so that|in order to|reasons?|thanks to|",
        # a cause told by its noun: what it was ("The immediate cause was the collapse of
        # ..."), or what it was of; not what was done with it ("the cause was understood":
        # read, an unanswerable's answer quoted one sentence more) nor a side taken
        # ("abandoned Marrec's cause"). Over every set (s26-base -> h45s-r5): 1 answer hit
        # gained ("Why did the weavers decide to start their own savings society?"), none
        # lost, medians unchanged
        r"causes?\s+of|causes?\s+(?:was|were|is|are)\s+(?!(?:not\s+)?(?:\w+ed|\w+en|",
        r"understood|known|unknown|found|unclear)\b)|",
        # the phrases that give what an act answered or what it was done against
        # ("proposed ... as a response to the collapse of grain revenues", "resigned in
        # protest at ...", "rejected on the grounds that ...", "withdrew, citing falling
        # revenue"): English's, as "because of" is. Over every set (h40y-r2 -> h40y-r4) 1
        # answer hit gained, none lost, 6 "why" answers shorter by 150-300 characters. A
        # response is a cause only with what it answered: "In response, Thwaite introduced
        # a rule" is the effect of the sentence before (an unseen follow-up, RFF-17, was
        # answered by it)
        r"(?:in|as\s+a)\s+(?:response|reaction|retaliation)\s+(?:to|for|against)\b|",
        r"in\s+protest|on\s+the\s+grounds?|",
        r"citing|for\s+fear|",
        # a cause told by the verb that gives it one: "an investigation attributed the
        # failures to a lubricant ...", "Lahars generated by heavy rain ..."
        r"attribut(?:ed|es|ing)|blam(?:ed|es|ing)|",
        r"(?:generated|triggered|prompted|sparked|brought about|brought on) by)\b",
    ),
    AnswerKind.MANNER: _pattern(
        r"\bby (?:\w+ing|means of)\b|\bthrough\b|\busing\b|\bvia\b|\bmethod\b|\bway\b"
    ),
}
#: The measures in which a "how much" question's quantity may be given (stemmed).
MEASURE_WORDS = tokenize(
    "tonnes tons kilograms kilos kg grams litres liters gallons barrels metres meters "
    "kilometres kilometers km miles feet acres hectares pounds ounces"
)
_BY_HOW_MUCH = _pattern(r"\bby how (?:much|many)\b")
_DATE = _pattern(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*[a-z0-9][\w'’-]*")
#: Where the second of two questions in one starts ("who ..., and how long ...?"): at its
#: question word. Not a follow-up that opens with "and" ("And who replaced her?"): that
#: asks one thing. The question word may follow a preposition ("..., and on what day?").
_SECOND_QUESTION = _pattern(
    r"\w[\s,;]+(?:and|or)\s+(?=(?:(?:on|in|at|for|by|from|since|until|to|with)\s+)?"
    r"(?:what|who|whom|which|when|where|why|how)\b)"
)
#: Two questions in one, or one asking for several things ("what two ..."): a missing
#: figure may belong to one.
_COMPOUND = _pattern(rf"{_SECOND_QUESTION.pattern}|", r"\b(?:what|which) (?:two|three)\b")
_WH = r"what|which|who|whom|whose|where|when|why|how"
_AUXILIARY = r"did|does|do|is|was|are|were|has|have|had|can|could|will|would"
#: A question asking whether something is so, opening with an auxiliary ("Did the union
#: accept that?", "and was he prosecuted?"): the article telling the other side ("rejected
#: as inadequate") answers it "no".
_ASKS_WHETHER = _pattern(rf"^\W*(?:(?:and|so|but)\s+)?(?:{_AUXILIARY})\b")
#: A question that sets the scene before it asks: a phrase set off by a comma, then the
#: words that ask, from a question word or an auxiliary on ("According to the business-level
#: principles, what are the greatest experiences?", "Instead of chasing social networking,
#: where will the company channel its resources?"; group 1). The phrase asks nothing itself:
#: it opens with no question word, auxiliary or "and", and holds no question word (else it
#: is a question of its own: "Did the guarantees work, when did the insurer pay?").
_SCENE_FIRST = _pattern(
    rf"^(?!\W*(?:{_WH}|{_AUXILIARY}|and)\b)(?:(?!\b(?:{_WH})\b)[^,?]){{8,}}?,\s+(?:and\s+)?",
    rf"((?:{_WH}|{_AUXILIARY}|in|on|at|by)\b.*)$",
)


@dataclass(frozen=True)
class Question:
    """A question as retrieval and answering see it."""

    text: str
    kind: AnswerKind
    tokens: tuple[str, ...]
    names: tuple[str, ...]
    counted: tuple[str, ...] = ()
    compound: bool = False
    #: "By how much did it rise?": a change, which a share gives as well as a number or a
    #: sum ("by nearly a third", "a decline of more than 55 percent").
    by_how_much: bool = False
    #: The (stemmed) name of the language the question asks a meaning in ("What does the
    #: motto mean in English?"): a name it gives that the article need not mention.
    meaning_language: frozenset[str] = frozenset()
    #: The words of the part that asks, when the question first sets the scene
    #: (:func:`asked_part`); empty when the whole question asks.
    asked: tuple[str, ...] = ()

    def __hash__(self) -> int:
        # By the text alone, which every other field is read from: the answer step's caches
        # look a question up many times, and hashing every field (an enum's in Python) cost
        # more than the lookups saved. Equal questions still have equal texts.
        return hash(self.text)


def asks_whether(question: str) -> bool:
    """Whether ``question`` asks if something is so (:data:`_ASKS_WHETHER`)."""
    return _ASKS_WHETHER.match(question) is not None


def answer_kind(text: str) -> tuple[AnswerKind, tuple[str, ...]]:
    """The kind of answer ``text`` asks for, and for a count the (stemmed) words that may
    name the thing counted.

    The thing counted is one of the up to three words after "how many", up to the first
    function word: "how many management team members did ..." counts members, but a
    sentence may say "22 members of the management team" or "a team of 22", so any of
    them counts.
    """
    for kind, cue in _CUES:
        match = cue.search(text)
        if match is None:
            continue
        if kind is not AnswerKind.COUNT or not match.group(1):
            return kind, ()
        words = []
        for word in match.group(1).split():
            if word.lower() in STOPWORDS:
                break
            if not word.endswith(("'s", "’s")):  # "of Marrick's monks": the owner, not counted
                words.append(word)
        counted = tokenize(" ".join(words))
        if counted and re.search(r"\bhow much\b", match.group(0), re.IGNORECASE):
            counted += MEASURE_WORDS  # "how much bait" is told in "28 tonnes of pellets"
        return kind, tuple(dict.fromkeys(counted))
    return AnswerKind.ANY, ()


#: How many words after a number may name what it counts ("22 members of the team").
COUNTED_REACH = 4


def counted_after(text: str, end: int) -> frozenset[str]:
    """The (stemmed) words among the :data:`COUNTED_REACH` after ``text[:end]``, a number:
    what it may count."""
    return frozenset(tokenize(" ".join(text[end:].split()[:COUNTED_REACH])))


def names_counted(words: frozenset[str], counted: tuple[str, ...]) -> bool:
    """Whether ``words`` hold one of ``counted`` or another form of it ("workers" by
    "workmen", see :func:`~antqa.lexical.resembles`)."""
    return any(resembles(word, words) for word in counted)


#: Words before a number that make it a date ("in 1287", "from 1452 to 1458").
_BEFORE_YEAR = re.compile(
    r"(?:\b(?:in|since|by|from|until|till|after|before|between|and|to|or|of)|[–-])\s*$", re.I
)
#: A word in lower case right after a number: what it may count ("1500 soldiers").
_LOWER_WORD_AFTER = re.compile(r"\s+([a-z][a-z'’-]*)")


def written_as_year(text: str, start: int, end: int) -> bool:
    """Whether the number ``text[start:end]`` is a year, not a count: four digits of the
    last two millennia, after a word that dates ("in 1287") or with no lower-case word of
    content after it ("1287, Guido ..."). "1500 soldiers" counts soldiers."""
    if not _YEAR_LIKE.fullmatch(text, start, end):
        return False
    if _BEFORE_YEAR.search(text, 0, start):
        return True
    after = _LOWER_WORD_AFTER.match(text, end)
    return after is None or after.group(1) in STOPWORDS


def numbers_in(sentence: str) -> tuple[frozenset[str], ...]:
    """Per number in ``sentence`` (not a year or a date), the words that follow it
    (:func:`counted_after`). It does not depend on the question, so retrieval works it
    out once per sentence, at load."""
    without_dates = _DATE.sub(" ", sentence)
    return tuple(
        counted_after(without_dates, number.end())
        for number in _EVIDENCE[AnswerKind.COUNT].finditer(without_dates)
        if not written_as_year(without_dates, *number.span())
    )


#: The (stemmed) words a length of time or distance is given in: a number before one
#: counts no people or things ("sat on the board for thirty years").
SPAN_WORDS = frozenset(
    tokenize(
        f"{' '.join(_TIME_UNIT_PLURALS)} centuries metres meters kilometres "
        "kilometers km miles feet foot yards"
    )
)


#: The (stemmed) words of a length of time: a count of them ("how many days passed
#: between ...") is told by the two dates it lies between as well as by a number.
TIME_SPAN_WORDS = frozenset(tokenize(" ".join(_TIME_UNIT_PLURALS)))


def counts_time(counted: tuple[str, ...]) -> bool:
    """Whether the thing a question counts is a length of time ("how many days")."""
    return any(word in TIME_SPAN_WORDS for word in counted)


#: "How long after the handover did ...?", "How much time passed between A and B?": a
#: length of time between two events, which their two dates tell as well as a number
#: does (as for a count of days, :data:`TIME_SPAN_WORDS`).
_SPAN_BETWEEN = re.compile(
    r"\bhow\s+(?:long|much\s+time)\s+(?:\w+\s+)?(?:after|before)\b"
    # not "How long did mail take between the factories and Harwick?": a trip's length
    r"|\b(?:passed|elapsed|went\s+by|gap|interval)\s+between\b",
    re.I,
)


def spans_between(question: Question) -> bool:
    """Whether ``question`` asks the length of time between two events ("how long after
    the handover did the incident break out?"), not how long one lasted."""
    return question.kind is AnswerKind.DURATION and bool(_SPAN_BETWEEN.search(question.text))


def counts_things(sentence: str) -> bool:
    """Whether ``sentence`` holds a number that is no length of time or distance ("a trust
    of fifteen members", not "for thirty years" nor "46 kilometres")."""
    return bool(numbers_in(_SPAN.sub(" ", sentence)))


def counts_spans(counted: tuple[str, ...]) -> bool:
    """Whether the thing a question counts is a length of time or distance ("how many
    years"), which only :func:`counts_things` leaves out."""
    return any(word in SPAN_WORDS for word in counted)


def counts(numbers: tuple[frozenset[str], ...], counted: tuple[str, ...]) -> bool:
    """Whether a sentence with these :func:`numbers_in` has a number followed closely by one
    of ``counted`` (:func:`names_counted`), or any number when ``counted`` is empty."""
    if not counted:
        return bool(numbers)
    return any(names_counted(following, counted) for following in numbers)


def holds(kind: AnswerKind, sentence: str, counted: tuple[str, ...] = ()) -> bool:
    """Whether ``sentence`` contains the kind of thing ``kind`` asks for."""
    if kind is AnswerKind.ANY:
        return True
    if kind is AnswerKind.COUNT:
        return counts(numbers_in(sentence), counted)
    return bool(_EVIDENCE[kind].search(sentence))


#: "What did he die of?", "What illness caused her death?", "What kills patients ...?",
#: "How did she die?": what a death came from.
#: Not "How many monks died of the plague?" nor "Which rector died of it?": the cause is
#: given there.
_ASKS_CAUSE_OF_DEATH = _pattern(
    r"^\W*what\s+(?:did|does|do)\b[^?]*\bdie\s+(?:of|from)\b|",
    r"^\W*what\s+(?:[a-z]+\s+)?caused?\b[^?]*\bdeath\b|^\W*what\b[^?]*\bcause of\b[^?]*\bdeath\b|",
    r"^\W*what\s+(?:[a-z]+\s+){0,2}?kill(?:s|ed)\b|^\W*how\s+did\b[^?]*\bdie\W*$",
)
#: English's verbs of a death that tell how it came: "who drowned on 19 May 1910 when the
#: sea ice gave way", "killing him and two of his officers", "was hanged". Without them,
#: "How did he die?" found another's "died of scurvy" beside the quoted "drowned" (the
#: unseen polar-expedition, succession-war and fortress-siege follow-ups). Over every
#: readable set (run m29-b -> h48f-r2): 1 answerable answered (PXF-05), none lost, no
#: first question moved.
_DIED_SO = (
    r"\b(?:drowned|killing\s+(?:him|her)|murdered|assassinated|executed|hanged|beheaded|"
    r"strangled|poisoned|shot\s+dead|fell\s+to\s+(?:his|her)\s+death)\b"
)
#: A death told with what it came from: "died of pneumonia", "dies, most often from kidney
#: failure", "his death from a stroke", "killed by a fall", "died in a climbing accident"
#: (not "the death of his wife": whose death, not what of), or told by one of
#: :data:`_DIED_SO`.
_TELLS_CAUSE_OF_DEATH = _pattern(
    r"\b(?:died|dies|die|dying)\b[\s,]+(?:[\w-]+[\s,]+){0,3}?(?:of|from)\b|",
    r"\b(?:died|dies)\s+in\s+an?\s+(?:[\w-]+\s+)?(?:accident|crash|fire|explosion|fall)\b|",
    r"\bdeaths?\s+from\b|\bkilled\s+by\b|",
    _DIED_SO,
)


def asks_cause_of_death(question: str) -> bool:
    """Whether ``question`` asks what someone died of (:data:`_ASKS_CAUSE_OF_DEATH`)."""
    return _ASKS_CAUSE_OF_DEATH.search(question) is not None


def tells_cause_of_death(sentence: str) -> bool:
    """Whether ``sentence`` tells what a death came from (:data:`_TELLS_CAUSE_OF_DEATH`):
    the sentence the question's words match best often names the person, not the cause
    ("Otto Albrecht, an accountant whom she married ..." for "what did Otto die of?")."""
    return _TELLS_CAUSE_OF_DEATH.search(sentence) is not None


#: "Who replaced / succeeded / took over from X?": who came after someone in a post, which
#: an article tells in words of succession ("was succeeded by Tilbury", "Aird's successor,
#: the engineer Owen Prydderch"), whichever of them the question uses. Not "who took over
#: the works": what was taken over, not from whom. "Who followed / came after X?" only
#: before a name ("Who followed Tolland as general manager?"): "who followed the march?"
#: asks no successor.
_ASKS_SUCCESSOR = _pattern(
    r"^\W*who\s+(?:replaced|succeeded|took\s+over\s+from)\b",
    r"|^\W*who\s+(?:followed|came\s+after)\s+(?=(?-i:[A-Z]))",
)
#: "Who took over X after / when Y ...?" asks who came after Y when Y is someone who left
#: (:data:`_SOMEONE_LEFT`): "Who took over the aid association after its founder died?",
#: "Who took over as chairman of the board after Admiral Varley?". Not "Who took over the
#: quays when the board was wound up?" (a body, whose successor is told as any owner), nor
#: "who took over X?" alone: what was taken over, not from whom.
_TOOK_OVER_AFTER = _pattern(r"^\W*who\s+took\s+over\b[^?]*?\b(?:after|when)\s+")
#: What tells that the one a question writes after "after" or "when" is someone who left:
#: a name (a capital past the question's first word, matched case-sensitively) or a verb of
#: leaving a post or life, English's own few.
_SOMEONE_LEFT = re.compile(
    r"\b[A-Z]|\b(?i:died|death|retired|retirement|resigned|resignation|stepped\s+down|"
    r"left|quit|dismissed)\b"
)
#: A post changing hands told in general words rather than a verb of succession: "After
#: Benbow retired, the chair passed to his deputy, Walter Ince", "was appointed in his
#: place", "the office fell to her cousin". The unseen dairy-cooperative batch told a
#: successor so, and "who replaced him?" was refused as telling none.
_POST_CHANGING_HANDS = (
    r"\b(?:passed|fell|handed)\s+to\b|\b(?:in|took|taking)\s+(?:his|her|their)\s+place\b"
)
#: A succession told: a passive's agent ("succeeded by", "replaced as director by"), a
#: successor named, a post taken over from someone, someone "replaced him with" another,
#: or changing hands.
_TELLS_SUCCESSION = _pattern(
    r"\b(?:succeeded|replaced|followed)\b(?:\s+[\w-]+){0,3}?\s+by\b|\bsuccessors?\b|",
    r"\btook\s+over\s+(?:from|as)\b|\bin\s+succession\s+to\b|",
    r"\breplaced\s+(?:him|her|them)\s+with\b|",
    _POST_CHANGING_HANDS,
)


def asks_successor(question: str) -> bool:
    """Whether ``question`` asks who came after someone (:data:`_ASKS_SUCCESSOR`)."""
    return _successor_asked(question) is not None


def _successor_asked(question: str) -> re.Match[str] | None:
    """The words of ``question`` that ask who came after someone (:data:`_ASKS_SUCCESSOR`,
    or :data:`_TOOK_OVER_AFTER` before someone who left), if it asks so."""
    found = _ASKS_SUCCESSOR.search(question)
    if found is not None:
        return found
    found = _TOOK_OVER_AFTER.search(question)
    if found is None or _SOMEONE_LEFT.search(question, found.end()) is None:
        return None
    return found


def successor_asked_of(question: str) -> str:
    """What a question asking who came after someone (:data:`_ASKS_SUCCESSOR`) writes after
    its asking words: the one succeeded, as it describes them ("the former bank clerk when
    he retired" of "who took over from the former bank clerk when he retired?"); ``""``
    when it asks no successor."""
    found = _successor_asked(question)
    return question[found.end() :] if found is not None else ""


#: The verbs a "who ... before / after him" question asks a post held with ("Who was bishop
#: of Ebrin before him?", "who got it after them?", "Who led the party after her?"), not an
#: event that merely came later ("And who died after him?": the next death, not a post).
_HOLDING_VERBS = (
    r"was|were|is|became|become|served|held|got|took|led|ran|headed|chaired|ruled|"
    r"governed|commanded|directed|managed|edited|owned"
)
#: A follow-up asking who held someone's post after or before them ("And who replaced
#: him?", "who came after her in 1930?", "Who did he succeed as Prince-Bishop?", "Who was
#: bishop of Ebrin before him?"): what :data:`_TELLS_ANY_SUCCESSION` must tell. Not "who
#: took over the Directory after he died?": what was taken over, not from whom (read so,
#: the Directory was checked as the one succeeded).
_ASKS_SUCCESSION = _pattern(
    r"^\W*(?:(?:and|so|but|then)\s+)?who\b.*\b(?:replac\w*|succe\w*|took\s+over\s+from|"
    r"take\s+over\s+from|came\s+(?:after|before)|come\s+(?:after|before)|followed)\b|",
    rf"^\W*(?:(?:and|so|but|then)\s+)?who\s+(?:{_HOLDING_VERBS})\b.*"
    r"\b(?:before|after|instead\s+of)\s+(?:him|her|them)\b",
)
#: A change of who holds a post told, either way round: a successor or a predecessor
#: named, someone succeeding or replaced, a post taken over or taken up, or changing hands
#: (:data:`_POST_CHANGING_HANDS`).
_TELLS_ANY_SUCCESSION = _pattern(
    r"\b(?:succe(?:ed|eded|eding|ssion|ssors?)|predecessors?|replac\w*|took\s+over|"
    r"handed\s+over|became|appointed|elected|named|chosen|followed)\b|",
    _POST_CHANGING_HANDS,
)


#: A succession question asking who came before someone ("Who was bishop of Ebrin before
#: him?", "Who did he succeed as Prince-Bishop?"), not after.
_ASKS_PREDECESSOR = _pattern(
    r"\bbefore\s+(?:him|her|them|[A-Z])|\bdid\s+[\w'-]+(?:\s+[\w'-]+)?\s+"
    r"(?:succeed|replace|take\s+over\s+from)\b|\bpredecessor"
)
#: Where a sentence names the one who came after someone: a passive's agent ("was
#: succeeded by her deputy, Tomas Rendell"), a successor named ("Her successor, the
#: mycologist Owen Prade,"), the one someone "replaced him with". Whom it names there took
#: the post; they did not leave it.
_SUCCESSOR_NAMED = _pattern(
    r"\b(?:succeeded|replaced|followed)\b(?:\s+[\w-]+){0,4}?\s+by\s+[^,;.]*(?:,\s*[^,;.]*)?",
    r"|\bsuccessors?\b,?\s+[^,;.]*(?:,\s*[^,;.]*)?",
    r"|(?:(?<=\breplaced\shim)|(?<=\breplaced\sher)|(?<=\breplaced\sthem))\s+with\s+",
    r"[^,;.]*(?:,\s*[^,;.]*)?",
)


def asks_predecessor(question: str) -> bool:
    """Whether a succession question asks who came before someone
    (:data:`_ASKS_PREDECESSOR`), not after."""
    return _ASKS_PREDECESSOR.search(question) is not None


#: Whom an active verb of succession names as the one succeeded ("Oskar Ventris, who had
#: replaced Lisle", "Marchetti succeeded Irmler as director"): the one who came before.
_SUCCEEDED_NAMED = _pattern(
    r"\b(?:succeeded|replaced|followed|took\s+over\s+from|in\s+succession\s+to)\s+[^,;.]*"
)


def as_successor(sentence: str) -> str:
    """The words of ``sentence`` naming who came after someone (:data:`_SUCCESSOR_NAMED`:
    "was succeeded as director by the geneticist Tomas Vellinger"), or, when it names none
    so, ``sentence`` without whom an active verb names as succeeded
    (:data:`_SUCCEEDED_NAMED`): what is left names the one who took the post, if anyone."""
    found = [m.group() for m in _SUCCESSOR_NAMED.finditer(sentence)]
    return " ".join(found) if found else _SUCCEEDED_NAMED.sub(" ", sentence)


def without_successor(sentence: str) -> str:
    """``sentence`` without the words naming who came after someone
    (:data:`_SUCCESSOR_NAMED`): what is left names the one who left the post, if anyone.
    "... he was succeeded by Pieter Valcourt" tells who came after "he", not after
    Valcourt."""
    return _SUCCESSOR_NAMED.sub(" ", sentence)


#: Where a successor's name opens in what :data:`_SUCCESSOR_NAMED` matches: after "by" or
#: after "successor(s)" ("succeeded in that office by ...": "in that office" is the post).
_SUCCESSOR_NAME_OPENS = re.compile(r"\bby\s|\bwith\s|\bsuccessors?\b,?\s*", re.I)


def without_successor_named(sentence: str) -> str:
    """``sentence`` without the successor named and what it tells of them (:data:`_SUCCESSOR_NAMED`
    past :data:`_SUCCESSOR_NAME_OPENS`), the post succeeded in kept: what is left tells
    of the one who left it ("was succeeded in that office by Abbot Gervase" keeps "that
    office"; "Her successor, Harold Benbow, was a former bank clerk" drops the clerk)."""

    def kept(match: re.Match[str]) -> str:
        opens = _SUCCESSOR_NAME_OPENS.search(match.group())
        return match.group()[: opens.end()] + " " if opens is not None else " "

    return _SUCCESSOR_NAMED.sub(kept, sentence)


#: Leaving a post or life, as a noun after the one who left ("Norrbeck's death") and as
#: their verb ("Anholm died"): the words a succession is timed by, English's own few.
_LEFT_POST_NOUNS = r"death|retirement|resignation|departure"
_LEFT_POST_VERBS = r"died|retired|resigned|quit|left|stepped\s+down"
#: A question asked whole naming whom it asks the successor or the predecessor of: the
#: words asking ("Who succeeded", "Who followed", "Who came after", "Who did ... replace",
#: "Who was director before") and the name after them, written capitalised ("Penrose",
#: "Duke Aurel IV"), up to what tells the post ("as chief executive") or the time.
_SUCCESSION_OF_NAMED = (
    _pattern(
        r"^\W*who\s+(?:replaced|succeeded|followed|came\s+after|took\s+over\s+from)\s+",
        r"(?:the\s+)?(?P<name>(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*))",
    ),
    _pattern(
        rf"^\W*who\s+(?:{_HOLDING_VERBS})\b[^?]*?\bbefore\s+",
        r"(?P<name>(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*))",
        r"|^\W*who\s+did\s+(?P<subject>(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*))\s+",
        r"(?:succeed|replace|follow|take\s+over\s+from)\b",
    ),
    # who held a post after someone named left it ("Who took over as mill manager when
    # Samuel Orrin retired?", "after Anholm died", "after Sigrid Norrbeck's death"): asked
    # who came after them, as "Who succeeded ..." asks
    _pattern(
        rf"^\W*who\s+(?:{_HOLDING_VERBS})\b[^?]*?\b(?:after|when|once)\s+",
        r"(?P<left>(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*))",
        rf"(?:'s\s+(?:{_LEFT_POST_NOUNS})\b|\s+(?:had\s+)?(?:{_LEFT_POST_VERBS}))",
    ),
)
#: Which of :data:`_SUCCESSION_OF_NAMED` asks who came before someone.
_ASKING_BEFORE = 1
#: Someone named leaving a post told as the time a change came ("after Ferris's death in
#: 2003, Mairead Quinlan", "Following Aird's retirement"): the one who left, not who came.
_LEFT_NAMED = re.compile(
    r"\b(?i:after|following|on|upon)\s+(?P<left>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)'s\s+"
    rf"(?i:{_LEFT_POST_NOUNS})\b"
)


def succession_of_named(question: str) -> tuple[str, bool] | None:
    """For a question asked whole naming whom it asks the successor or predecessor of
    (:data:`_SUCCESSION_OF_NAMED`: "Who succeeded Penrose as chief executive?", "Who was
    finance minister before Corwin Lisle?", "Who did Samuel Lodd replace?"), that name as
    written and whether it asks who came before them; ``None`` for any other question,
    and for a name the question describes rather than writes ("the first warden")."""
    for at, asking in enumerate(_SUCCESSION_OF_NAMED):
        found = asking.search(question)
        if found is not None:
            named = found.groupdict()
            written = named.get("name") or named.get("subject") or named["left"]
            return written, at == _ASKING_BEFORE
    return None


#: An active verb of succession and whom it names succeeded ("Oskar Ventris, who had
#: replaced Lisle", "became director in 2017, succeeding Thomas Wendring", "took over from
#: Aird"): the subject came after the object. Not a passive ("succeeded as director by").
_SUCCEEDS_ACTIVE = _pattern(
    r"\b(?:succeed(?:ed|ing|s)?|replac(?:ed|ing|es)|follow(?:ed|ing|s)?|",
    r"t(?:ook|aking|akes)\s+over\s+from|in\s+succession\s+to|in\s+(?:the\s+)?place\s+of)",
    r"\b(?!(?:\s+[\w-]+){0,4}?\s+by\b)(?P<object>\s+[^,;.]*)",
)
#: Whose successor a sentence names by the owner's form ("Marrow's successor, Castellan",
#: "his successor"): the one succeeded.
_SUCCESSOR_OWNER = re.compile(r"\b(?P<owner>[A-Z][\w-]*)'s?\s+$")
#: Someone named leaving a post or life in so many words ("Norrbeck retired as managing
#: director", "after Anholm died"): who left, for a change told with it.
_LEAVING = _pattern(
    rf"^'?s?\W*(?:had\s+)?(?:{_LEFT_POST_VERBS}|was\s+dismissed|{_LEFT_POST_NOUNS})\b",
)
#: Someone or a pronoun written: a change telling only "his successor in 1883" or "took
#: over in 1928" names no one on that side.
_SOMEONE_WRITTEN = re.compile(r"\b[A-Z][\w'-]+|\b(?i:he|she|him|her|they|them)\b")


def tells_change_of(sentence: str, holds: Callable[[str], bool], before: bool) -> bool:
    """Whether ``sentence`` tells a change of holder with the person asked of on their own
    side and someone named on the side asked: asked who came before them (``before``),
    them coming after someone written ("X succeeded Y", "X, succeeding Y", "X was named
    Y's successor"); asked who came after them, someone written coming after them ("Y
    succeeded X", "X was succeeded by Y", "X's successor, Y"), or them leaving in a
    sentence telling a change ("X retired and was succeeded by Y", "passed to").
    ``holds`` reads whether a part of the sentence writes the person asked of (their last
    name, or "he"/"her" after a sentence naming them). "Marrow's successor, Castellan"
    tells no change of Loudie's; "Irmler, who took over in 1928" names no predecessor."""
    if re.search(_POST_CHANGING_HANDS, sentence, re.I) and holds(sentence):
        return True
    for active in _SUCCEEDS_ACTIVE.finditer(sentence):
        object_, subject = active.group("object"), sentence[: active.start()]
        if before and holds(subject) and _SOMEONE_WRITTEN.search(object_):
            return True
        if not before and holds(object_):
            return True
    for named in _SUCCESSOR_NAMED.finditer(sentence):
        successor = named.group()
        rest = sentence[: named.start()] + " " + sentence[named.end() :]
        owner = _SUCCESSOR_OWNER.search(sentence[: named.start()])
        if owner is not None:
            rest = owner["owner"]  # "Marrow's successor, Castellan": Marrow was succeeded
        if before and holds(successor):
            return True
        if not before and holds(rest) and _SOMEONE_WRITTEN.search(_successor_words(successor)):
            return True
    if before:
        return re.search(r"\bpredecessors?\b", sentence, re.I) is not None and holds(sentence)
    return any(
        holds(found.group())
        for found in _SOMEONE_WRITTEN.finditer(sentence)
        if _LEAVING.search(sentence[found.end() :])
    )


def successor_named(sentence: str) -> str:
    """The words of ``sentence`` naming whoever it says came after someone, past "by",
    "with" or "successor" (:data:`_SUCCESSOR_NAMED`, :func:`_successor_words`): "her
    deputy, Lionel Abernook" of "... was replaced by her deputy, Lionel Abernook, a former
    railway clerk; ... making Abernook the first to hold it". Whom they name took the post
    (the sentence tells whom they succeeded); ``""`` when it names no successor so."""
    return " ".join(_successor_words(m.group()) for m in _SUCCESSOR_NAMED.finditer(sentence))


def _successor_words(found: str) -> str:
    """What a :data:`_SUCCESSOR_NAMED` match writes after "by", "with" or "successor"."""
    opens = _SUCCESSOR_NAME_OPENS.search(found)
    return found if opens is None else found[opens.end() :]


def left_named(sentence: str) -> list[str]:
    """The people ``sentence`` names leaving a post as the time of a change
    (:data:`_LEFT_NAMED`: "after Ferris's death in 2003, Mairead Quinlan")."""
    return [found.group("left") for found in _LEFT_NAMED.finditer(sentence)]


#: A post or a life left, in so many words ("died in 1905 with the work unfinished",
#: "his retirement"): :func:`tells_leaving`.
_TELLS_LEAVING = _pattern(rf"\b(?:{_LEFT_POST_VERBS}|{_LEFT_POST_NOUNS})\b")
#: The verb a "who" question asks the doer of ("edited" of "Who edited the third volume
#: after Rusk's death?"): :func:`asked_step`.
_WHO_STEP = _pattern(r"^\W*who\s+(?P<step>[a-z]{3,})\b")


def tells_leaving(sentence: str) -> bool:
    """Whether ``sentence`` tells someone leaving a post or life (:data:`_TELLS_LEAVING`)."""
    return _TELLS_LEAVING.search(sentence) is not None


def asked_step(question: str) -> str:
    """The verb right after a question's "who" (:data:`_WHO_STEP`), ``""`` if none."""
    found = _WHO_STEP.search(question)
    return found.group("step") if found is not None else ""


def asks_succession(question: str) -> bool:
    """Whether ``question`` asks who held someone's post after or before them
    (:data:`_ASKS_SUCCESSION`)."""
    return _ASKS_SUCCESSION.search(question) is not None


def tells_any_succession(sentence: str) -> bool:
    """Whether ``sentence`` tells a change of who holds a post, either way round
    (:data:`_TELLS_ANY_SUCCESSION`)."""
    return _TELLS_ANY_SUCCESSION.search(sentence) is not None


def tells_succession(sentence: str) -> bool:
    """Whether ``sentence`` tells who came after someone (:data:`_TELLS_SUCCESSION`): the
    sentence the question's words match best often tells the one succeeded taking the
    post ("In 1912 Pendrecht was appointed the first professor ..." for "Who replaced
    Pendrecht as professor?"), not who followed."""
    return _TELLS_SUCCESSION.search(sentence) is not None


#: A high point and a low point of something that rose and fell, each as a question asks
#: of it and as an article tells it: "When did deaths reach their highest point?", "How
#: many staff did it have at its height?", "In which year did the cable carry the most
#: messages?" are told in words of a peak ("peaked in 1853", "a peak of 41,500 in 1899",
#: "the highest"); "When did the speaker numbers bottom out?" by "The lowest point was
#: reached in 2001". Not "highest" or "most" alone ("the highest mountain", "most
#: active"): a rank among things, not a time's high point.
_EXTREMES = (
    (
        _pattern(
            r"\bpeak(?:ed|s)?\b|\bat\s+(?:its|their|the)\s+height\b|",
            r"\bhighest\s+(?:point|ever|level)\b|\bthe\s+most\s+\w+\s*\?",
        ),
        _pattern(r"\b(?:peak(?:ed|s|ing)?|at\s+(?:its|their|the)\s+height|highest|heyday)\b"),
    ),
    (
        _pattern(
            r"\bbottom(?:ed)?\s+out\b|\blowest\s+(?:point|ever|level)\b|",
            r"\bat\s+(?:its|their|the)\s+lowest\b|\bthe\s+(?:least|fewest)\s+\w+\s*\?",
        ),
        _pattern(r"\b(?:lowest|bottom(?:ed)?\s+out|low\s+point|trough|nadir)\b"),
    ),
)


def tells_extreme_asked(question: str) -> Callable[[str], bool] | None:
    """For a question asking of something's high or low point (:data:`_EXTREMES`), the test
    of a sentence telling one on that side; ``None`` for other questions. The sentence the
    question's words match best often tells the same thing at another time ("... a period
    of mass starvation ... between 1851 and 1854" for "In which year did famine deaths
    reach their highest point?", told by "Mortality ... peaked in 1853")."""
    for asking, telling in _EXTREMES:
        if asking.search(question):
            return lambda text: telling.search(text) is not None
    return None


#: Verbs of a thing's end, of its start and of its building, each a class of general
#: English: "when" is asked of one in the question's words ("pulled down", "shut down",
#: "start again", "take away", "taken out of service"), which the article may tell in
#: others ("demolished", "closed", "resumed", "revoked", a war "broke out", an engine
#: "retired").
_CHANGES = (
    _pattern(
        r"\b(?:clos(?:e|ed|es|ing|ure)|shut|stop(?:s|ped|ping)?|ceas(?:e|ed|es|ing)|"
        r"end(?:s|ed)?|demolish(?:ed|es)?|(?:pull|pulled|tore|torn|knocked)\s+down|"
        r"dissolv(?:e|ed)|abolish(?:ed)?|revok(?:e|ed)|(?:take|took|taken)\s+away|"
        r"withdr[ae]wn?|abandon(?:ed)?|disband(?:ed)?|discontinu(?:e|ed)|"
        r"retir(?:e|ed|es|ing)|decommission(?:ed)?|scrapped|"
        r"(?:take|took|taken|went|go|put)\s+out\s+of\s+(?:service|use|commission))\b"
    ),
    _pattern(
        r"\b(?:(?:re)?open(?:s|ed|ing)?|(?:re)?start(?:s|ed|ing)?|beg[ia]n|begun|begins|"
        r"founded|formed|creat(?:e|ed)|establish(?:ed|es)?|set\s+up|launch(?:ed|es)?|"
        r"resum(?:e|ed|es|ption)|(?:broke|break|breaks|broken)\s+out|"
        r"inaugurat(?:e|ed)|commenc(?:e|ed))\b"
    ),
    _pattern(r"\b(?:buil[dt]|erect(?:ed)?|construct(?:ed)?|put\s+up)\b"),
)


def tells_change_asked(question: str) -> Callable[[str], bool] | None:
    """For a question asking when something ended, started or was built (:data:`_CHANGES`),
    the test of a sentence telling a change of that class; ``None`` for other questions.
    The sentence the question's other words match best often dates something else ("The
    chapel is recorded in 1410 ..." for "When was the chapel pulled down?", told by "It
    was demolished in 1836")."""
    for verbs in _CHANGES:
        if verbs.search(question):
            return lambda text: verbs.search(text) is not None
    return None


#: A verb's "-ing" form right after the verb of a change a question asks the time of:
#: what began or stopped being done ("begin admitting", "stop making"), group 1.
_DOING_AFTER = re.compile(r"\s+([a-z]{3,}ing)\b")


def changed_doing(question: str) -> str | None:
    """For a question asking when something began or stopped being done ("In what year did
    the school begin admitting women?"), the doing, stemmed ("admit"); ``None`` for any
    other question, one asking of a change itself ("When was the chapel pulled down?")."""
    for verbs in _CHANGES:
        match = verbs.search(question)
        if match is not None:
            doing = _DOING_AFTER.match(question, match.end())
            stems = tokenize(doing.group(1)) if doing is not None else []
            return stems[0] if stems else None
    return None


def tells_any_change(sentence: str) -> bool:
    """Whether ``sentence`` tells a change of any class :data:`_CHANGES` knows (an end, a
    start, a building): a date it gives is that change's."""
    return any(verbs.search(sentence) for verbs in _CHANGES)


def gives_length_of_time(sentence: str) -> bool:
    """Whether ``sentence`` gives a length of time, not only one of space: what "for how
    long was it shut?" asks, which "87 kilometres" does not answer."""
    return _GIVES_LENGTH_OF_TIME.search(sentence) is not None


def names(text: str) -> tuple[str, ...]:
    """Stemmed capitalised words that do not open the question: names of people and things.

    A Title Case Question Has None (its small words are capitalised too): there the
    capitals say nothing about names.
    """
    small = [w for w in re.findall(r"[^\W\d_]+", text)[1:] if w.lower() in STOPWORDS]
    if small and sum(w[0].isupper() for w in small) > len(small) / 2:
        return ()
    found = []
    for match in _CAPITALISED.finditer(text):
        if match.start() == 0 or match.group().lower() in STOPWORDS:
            continue
        found.extend(tokenize(match.group()))
    return tuple(dict.fromkeys(found))


#: "What does the motto mean in English?", "translated into French": the language a
#: question asks a meaning in. The article gives the meaning without naming the language
#: it is in, so that name is no subject the article must mention (an answerable of the
#: eighth batch was refused: "it never mentions English").
#: Or the words an article's own language gives a name in: "the English title of her
#: memoirs" of '"Zwischen Küpe und Kessel" ("Between Vat and Boiler")'. The article is
#: written in English, so it gives English words without naming the language (an
#: answerable of the tenth batch was refused: "it never mentions English"); another
#: language ("What Greek word ...?") it names where it gives one.
_MEANING_IN = re.compile(
    r"\b(?:mean|means|meant|meaning|translat[a-z]*)\b[^?]*?\b(?:in|into)\s+([A-Z][a-z]+)\b|"
    r"\b(English)\s+(?:title|name|translation|version|word|term)s?\b"
)


#: The language a question asking a meaning gives the words it asks of in: "What does the
#: hospital's Latin motto mean in English?" (group 1). The article quotes the motto and
#: its meaning without naming the language (an answerable of the twenty-ninth unseen
#: batch was refused: "it never mentions Latin"). Read only with a meaning asked in a
#: language (:data:`_MEANING_IN`): "What Greek word ...?" alone names a language the
#: article names where it gives one.
_MEANING_OF = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:motto|name|title|word|term|phrase|inscription|saying)s?\b"
)


def meaning_language(question: str) -> frozenset[str]:
    """The (stemmed) names of the languages ``question`` asks a meaning in, if any, and of
    the one the words it asks of are in (:data:`_MEANING_OF`)."""
    found = [m.group(1) or m.group(2) for m in _MEANING_IN.finditer(question)]
    if any(m.group(1) for m in _MEANING_IN.finditer(question)):
        found += [m.group(1) for m in _MEANING_OF.finditer(question)]
    return frozenset(t for words in found for t in tokenize(words))


@dataclass(frozen=True)
class Parts:
    """The two things a question asks, each of which may be told in a sentence of its own,
    far apart; ``points_back`` when the second asks of whom the first is about or answered
    by ("..., and what is his job?", "The man who heads the committee: what is his job?")."""

    first: str
    second: str
    points_back: bool
    #: The first part only says whom the second asks about ("The man who heads the
    #: committee: ..."): it asks nothing of its own.
    describes: bool = False
    #: The two are events a length of time is asked between (:data:`_SPAN_PARTS`), each
    #: named in few words ("Zhaocaibao's default disclosure").
    events: bool = False


#: A second question pointing back at whom the first names or is answered by.
_POINTS_BACK = _pattern(r"\b(?:he|she|his|her|him|they|their|them|that person)\b")
#: Someone said by a fact of theirs, then what is asked of them after a colon or a dash:
#: "The man who heads the class committee: what position did he take?" (group 1).
_DESCRIBED_FIRST = _pattern(r"^(.*?\bwho\b[^?:]*?)(?::|\s[-–—]\s)\s*")
#: ... or after "of"/"by" at the end: "What is the nickname of the person who serves as
#: deputy squad leader?" (group 1: the noun and its clause).
_DESCRIBED_LAST = _pattern(r"\s(?:of|by)\s+((?:the|a|an)\s+(?:[\w’'-]+\s+){1,2}who\b.*)$")

#: A length of time asked between two events, each told where it happened, often far
#: apart: "How many days passed between Peng Lei's apology and Zhaocaibao's default
#: disclosure?" (groups 1 and 2: the two events). Not a trip's length ("how long did
#: mail take between the factories and Harwick": places, not events).
_SPAN_PARTS = _pattern(
    rf"^\W*how\s+(?:long|much\s+time|many\s+(?:{'|'.join(_TIME_UNIT_PLURALS)}))\b",
    r"[^?]*?\b(?:passed|elapsed|went\s+by|were\s+there|was\s+(?:there|it)|lay)",
    r"\s+between\s+(.+?)\s+and\s+(.+?)\W*$",
)


def question_parts(text: str) -> Parts | None:
    """The two things ``text`` asks (:class:`Parts`), or None when it asks one: two
    questions in one ("Who heads the committee, and what is his job?"), or one fact asked
    of someone said by another ("The man who heads the committee: what is his job?",
    "What is the nickname of the man who heads the committee?"), or the time between two
    events (:data:`_SPAN_PARTS`: "How many days passed between A and B?")."""
    split = _SECOND_QUESTION.search(text)
    if split is not None:
        second = text[split.end() :]
        return Parts(text[: split.start() + 1], second, _POINTS_BACK.search(second) is not None)
    described = _DESCRIBED_FIRST.search(text)
    if described is not None:
        return Parts(described.group(1), text[described.end() :], True, describes=True)
    described = _DESCRIBED_LAST.search(text)
    if described is not None:
        return Parts(described.group(1), text[: described.start()], True, describes=True)
    between = _SPAN_PARTS.search(text)
    if between is not None:  # the time between two events: each is told where it happened
        return Parts(between.group(1), between.group(2), False, events=True)
    return None


#: A statement saying whom a question asks about, then the question after a colon or a
#: dash: "The man knighted in 1912 later became society secretary - who did he succeed?"
#: (group 1: the statement, which holds no question word).
_STATED_FIRST = _pattern(rf"^((?:(?!\b(?:{_WH})\b)[^?:])+?)(?::|\s[-–—]\s)\s*(?=(?:{_WH})\b)")


def described_part(text: str) -> tuple[str, str] | None:
    """The part of ``text`` that only says whom it asks about, and the part that asks:
    a clause of :func:`question_parts` that describes, or a statement before the question
    it points back at ("The man knighted in 1912 later became society secretary - who did
    he succeed?": he is the man). None when the whole question asks."""
    parts = question_parts(text)
    if parts is not None and parts.describes:
        return parts.first, parts.second
    stated = _STATED_FIRST.match(text)
    if stated is None or not _POINTS_BACK.search(text[stated.end() :]):
        return None
    return stated.group(1), text[stated.end() :]


#: A thing asked by its rank beside another: "Which rescue body in the province is older
#: than the CMRS?" (group 1: the comparative). An article tells such a rank by the
#: superlative ("the second-oldest mountain rescue body in the province, after the Halvard
#: Alpine Guard"; "it was not the oldest: the smaller Tull Marsh Creamery Society had been
#: founded in 1894") as often as by the comparative (:func:`ranked_as`).
_ASKED_BY_RANK = _pattern(r"^\W*(?:which|what)\b[^?]*?\b([a-z]{2,}er)\s+than\b")


def ranked_as(text: str) -> tuple[str, str] | None:
    """The comparative a question asks a thing by (:data:`_ASKED_BY_RANK`) and its
    superlative, both stemmed ("older", "oldest"; "larger", "largest"), or None. The
    superlative is formed by rule ("-er" to "-est"): a word that is no comparative ("other
    than") gives one no text holds."""
    found = _ASKED_BY_RANK.search(text)
    if found is None:
        return None
    word = found.group(1).lower()
    compared, ranked = tokenize(word), tokenize(word[:-2] + "est")
    if len(compared) != 1 or len(ranked) != 1:
        return None
    return compared[0], ranked[0]


def asked_part(text: str) -> str | None:
    """The part of ``text`` that asks, when a phrase setting the scene comes first ("what are
    the greatest experiences?" of "According to the business-level principles, what are the
    greatest experiences?"); None when the whole question asks."""
    scene = _SCENE_FIRST.match(text)
    return scene.group(1) if scene else None


def analyse(text: str) -> Question:
    """Everything the pipeline wants to know about ``text`` before searching."""
    kind, counted = answer_kind(text)
    return Question(
        text=text,
        kind=kind,
        tokens=tuple(tokenize(text)),
        names=names(text),
        counted=counted,
        compound=bool(_COMPOUND.search(text)),
        by_how_much=bool(_BY_HOW_MUCH.search(text)),
        meaning_language=meaning_language(text),
        asked=tuple(tokenize(asked_part(text) or "")),
    )


#: What right after a number says it is no sum of money: a share, a measure, a length of
#: time ("21 percent", "26 kilometres", "ten years", "one-twentieth").
NOT_MONEY = _pattern(
    rf"(?:%|percent\b|per\b|times\b|(?:square|cubic)\b|(?:{FRACTIONS})\b|(?:{TIME_UNITS}|",
    r"(?:kilo|centi|milli)?",
    r"(?:grams?|met(?:re|er)s?|lit(?:re|er)s?)|kg|km|tonnes?|tons?|miles?|feet|foot|yards?|",
    r"acres?|hectares?|inch(?:es)?|ounces?|gallons?|barrels?|degrees?)\b)",
)
#: A number written in digits, not inside a word or a longer number.
_DIGITS = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
#: A word, and the word or two right after a number (one may qualify the next: "gold").
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TWO_WORDS_AFTER = re.compile(r"\s+([^\W\d_][\w'’-]*)(?:\s+([^\W\d_][\w'’-]*))?")


#: A word in a form verbs take ("watched", "killed", "working"), not a currency's.
_VERB_FORM = re.compile(r"(?:ed|ing)$", re.I)


def _after_number(text: str) -> list[tuple[str, str]]:
    """(the word right after the number, a stemmed word) for each of the up to two words
    right after each number in digits of ``text`` that is no year or date ("14,000 gold
    florins": ("gold", "gold"), ("gold", "florin"))."""
    found: list[tuple[str, str]] = []
    text = _DATE.sub(" ", text)  # "11 March 1640": no March counted
    for number in _DIGITS.finditer(text):
        if written_as_year(text, *number.span()):
            continue
        after = _TWO_WORDS_AFTER.match(text, number.end())
        if after is None:
            continue
        for word in after.groups():
            if word is None or word.lower() in STOPWORDS or _VERB_FORM.search(word):
                break  # "7,000 employees watched": what they did is no measure of them
            found.extend((after.group(1), token) for token in tokenize(word))
    return found


def measure_words(texts: list[str]) -> frozenset[str]:
    """The (stemmed) words an article writes only right after a number: its currencies and
    measures, whatever they are ("scudi", "kronor", "florins"), where a word it also writes
    alone ("7,000 employees" and "the employees") is a thing counted. Learnt from the
    article, not listed: no list knows every currency."""
    following: Counter[str] = Counter()
    written: Counter[str] = Counter()
    for text in texts:
        following.update(token for _, token in _after_number(text))
        written.update(tokenize(text))
    return frozenset(token for token, n in following.items() if n >= written[token])


#: A change told in words, no figure: "wages roughly doubled", "trebled", "was halved",
#: "a tenfold rise". It answers "by how much" as a share does (an answerable of the twelfth
#: batch, "By how much did farmhand wages change?" of "roughly doubled", was refused for
#: want of an amount).
_CHANGE_IN_WORDS = _pattern(
    r"\b(?:doubl|tripl|trebl|quadrupl|halv)(?:e|es|ed|ing)\b|",
    rf"\b(?:\d+|{_NUMBER_WORD})-?fold\b",
)


def gives_change(text: str) -> bool:
    """Whether ``text`` tells by how much something changed as a share ("55 percent", "a
    third") or in words (:data:`_CHANGE_IN_WORDS`)."""
    return bool(_EVIDENCE[AnswerKind.SHARE].search(text) or _CHANGE_IN_WORDS.search(text))


def gives_amount(text: str, measures: frozenset[str]) -> bool:
    """Whether ``text`` gives a sum of money: a currency a pattern knows ("12 billion yuan",
    "$5"), or a number in digits before one of the article's :func:`measure_words` that is
    no share, measure or time ("8,000 scudi", not "26 kilometres")."""
    if _EVIDENCE[AnswerKind.AMOUNT].search(text):
        return True
    return any(
        token in measures and not NOT_MONEY.match(first) for first, token in _after_number(text)
    )
