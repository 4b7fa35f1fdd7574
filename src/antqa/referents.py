"""What a sentence opening with "it", "he", "she" or "they" tells of: the subject of the
sentence before it in its paragraph.

Such a sentence tells the answer of a thing the sentence before names ("His first opera,
Die Müllerin von Kessing, ... was premiered in 1868." + "It was given eleven performances
in its first season"), so it lacks the name a question asks by ("How many times was The
Miller's Daughter of Kessing performed in its first season?"): read alone, its keyword
coverage misses the name and the naming sentence is chosen over it. Read with its
referent's words, it holds the question's words it answers with and the name both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from antqa.models import Sentence
from antqa.refusals.clauses import AUXILIARIES

#: A sentence whose subject is a pronoun standing for what was told just before. Not a
#: possessive ("His successor, the lexicographer Marcus Dunhallow, ..." names its own
#: subject) nor "The <noun>" ("The orchestra has made 240 recordings" tells of what the
#: article is about, not of the sentence before): borrowing for those lost as many answer
#: hits as it gained on the SQuAD-format sets.
REFERS_BACK = re.compile(r"^\W*(?:It|He|She|They)\b")
#: A word standing for someone or something told of before ("The crown was placed on his
#: head by the Archbishop of Hask"): before any name in its sentence, it stands for what
#: the sentence before told of (after one, most often for that name: "Olav Kruse had
#: approved the payments, and he was dismissed").
POINTS_BACK = re.compile(r"\b(?:he|she|it|they|his|her|its|their|him|them)\b", re.IGNORECASE)


#: The pronouns standing for a man, for a woman, and for either.
FOR_A_MAN = re.compile(r"\b(?:he|his|him|himself)\b", re.I)
FOR_A_WOMAN = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
FOR_SOMEONE = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b", re.I)


def standing_for(question: str) -> re.Pattern[str]:
    """The pronouns a sentence may call the one ``question`` asks of by: those of the
    pronoun it calls them by ("who replaced him?": "he", "his", not "her"), else any."""
    if FOR_A_MAN.search(question):
        return FOR_A_MAN
    if FOR_A_WOMAN.search(question):
        return FOR_A_WOMAN
    return FOR_SOMEONE


def first_standing_for(text: str) -> re.Pattern[str] | None:
    """The pronouns of the first pronoun for someone ``text`` writes (:data:`FOR_A_WOMAN`
    for "her", :data:`FOR_A_MAN` for "his"), ``None`` when it writes none: whom a
    follow-up's first "he" or "her" stands for (the one a conversation's person is written
    in place of), and what the words after a person's name call them."""
    found = FOR_SOMEONE.search(text)
    if found is None:
        return None
    return FOR_A_WOMAN if FOR_A_WOMAN.fullmatch(found.group(0)) else FOR_A_MAN


def points_back(text: str, names: Sequence[str]) -> bool:
    """Whether ``text`` holds a word standing for what was told before
    (:data:`POINTS_BACK`) ahead of every one of ``names`` it writes."""
    word = POINTS_BACK.search(text)
    if word is None:
        return False
    return all(text.find(name) < 0 or text.find(name) > word.start() for name in names)


#: Where a subject ends: its verb, a form of be/have, a modal or a past tense ("Orvane Sky
#: Television was founded", "Returning home in early 1865, Obrenthal became").
_VERB = re.compile(
    r"\b(?:is|was|were|are|has|had|have|will|would|can|could|may|might|became|began|\w+ed)\b"
)


def subject(text: str) -> str:
    """The words of ``text`` before its first verb: what it tells of (and any phrase
    opening it, "Returning home in early 1865, Obrenthal"); all of it when no verb shows."""
    verb = _VERB.search(text)
    return text if verb is None else text[: verb.start()]


#: The same pronoun as subject after a phrase fronted before it: a time, a place or a
#: circumstance ("In 1934, during the depression, it absorbed the Varnhold Thrift
#: Society", "Under Admiral Gerrit Moellendaal it comprised 27 warships") or a participle
#: ("Drafted by the Convention and adopted in 1871, it entered into force", "Opened in
#: 1894, it allowed ..."). Without it, the unseen batches' sentences answering "Which
#: organisation did the bank take over in 1934?" and "When did Caldrenne's constitution
#: come into effect?" lacked the name the question asks by, and a sentence naming it
#: ranked first.
_FRONTED = re.compile(
    r"^\W*(?:(?P<preposition>(?:In|On|At|Under|After|Before|During|By|From|With|Within|Until"
    r"|Since|Following|Despite|When|While|As|Although|Though|Once)\b)"
    r"|(?P<participle>(?:[A-Z][a-z]+(?:ed|ing|en)|Born)\b))"
)
#: The pronoun a fronted phrase ends at, followed by a word in lower case (its verb).
_PRONOUN_SUBJECT = re.compile(r"(?<=[\s,])(?:it|he|she|they)\s+(?=[a-z])")
#: The most words a fronted phrase with no comma holds before its pronoun ("Under Admiral
#: Gerrit Moellendaal it", "At its peak in 1913 it"): a longer one runs on into a clause
#: of its own ("On 3 July a mortar bomb fell through the roof ... while he"). At 5, "After
#: 23 days in the ice she reached open water" borrowed the Merrow's sentence up to its
#: first regular verb ("The Merrow left Port Carrow ... and"), and an unanswerable
#: asking of Port Carrow was answered; 4 moves nothing else on any set.
FRONTED_WORDS = 4
#: Where a sentence's clause ends: a fronted phrase does not reach past one.
_CLAUSE_END = re.compile(r"[.;:?!]")


def _fronted_pronoun(text: str) -> bool:
    """Whether ``text``'s subject is a pronoun after a fronted phrase (:data:`_FRONTED`)
    with no subject of its own: after a time, a place or a circumstance, no verb at all
    (:data:`_VERB`), the pronoun right after its comma or after a few words
    (:data:`FRONTED_WORDS`): "In 1612 the cartographer Ferrucci drew a channel ...,
    although he never visited" has its subject, whom "he" stands for; after a participle,
    the pronoun right after the phrase's comma, and no form of be, have or do nor a modal
    in lower case before it (:data:`~antqa.refusals.clauses.AUXILIARIES`: they have a
    subject of their own; the month "May" is none), though more participles may follow
    ("Drafted by ... and adopted on ..., it")."""
    opening = _FRONTED.match(text)
    pronoun = _PRONOUN_SUBJECT.search(text, opening.end()) if opening else None
    if opening is None or pronoun is None:
        return False
    fronted = text[opening.end() : pronoun.start()]
    if _CLAUSE_END.search(fronted):
        return False
    after_comma = fronted.rstrip().endswith(",")
    if opening.group("preposition"):
        short = "," not in fronted and len(fronted.split()) <= FRONTED_WORDS
        return (after_comma or short) and _VERB.search(fronted) is None
    return after_comma and AUXILIARIES.isdisjoint(re.findall(r"\b[a-z]+\b", fronted))


def refers_back(text: str) -> bool:
    """Whether ``text``'s subject is a pronoun standing for what was told before: opening
    it (:data:`REFERS_BACK`) or after a phrase fronted before it (:func:`_fronted_pronoun`)."""
    return REFERS_BACK.match(text) is not None or _fronted_pronoun(text)


def referents(sentences: Sequence[Sentence]) -> list[str]:
    """Per sentence, the subject of the sentence before it in its paragraph when its own
    subject is a pronoun standing for it (:func:`refers_back`), else ``""``; a run of such
    sentences ("He ... . He ...") all stand for the subject of the one opening it."""
    found: list[str] = []
    for number, sentence in enumerate(sentences):
        previous = sentences[number - 1] if number else None
        if (
            previous is None
            or previous.paragraph != sentence.paragraph
            or not refers_back(sentence.text)
        ):
            found.append("")
        elif refers_back(previous.text):
            found.append(found[-1] or subject(previous.text))
        else:
            found.append(subject(previous.text))
    return found
