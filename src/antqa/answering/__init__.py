"""From ranked passages to an answer: the sentence(s) that answer, or an honest refusal.

The answer is extractive: it quotes the article, so it cannot say anything the article
does not. It is the best sentence of the top passages, plus a second one when that is
nearly as good (or the question asks two things), in article order, each followed by a
``[n]`` marker pointing at the citation whose passage contains it; a very long sentence
is cut down to the clauses that answer. A short sentence right after the best one is
quoted too when it fits uncut, because it often completes it.

Refusing is decided from signals that do not depend on the exact scale of the embedding
model's similarities: a name the article never mentions, a question far from every
sentence, a question that asks for a kind of thing (a number, a date, a share)
that none of the best sentences holds, or sentences that would answer but are about
another time (or give the question's time to something else), never name, in their
paragraph, what the question names, give what it asks to another name ("the Ostmark pit"
for "the Hollin pit") or another place, or say the opposite ("greatest" for "smallest",
"fell" for "rise", "first year" for "second year"), tell the step asked of a name of
someone else, or tell the name asked about as the doer of a "who" question's step, or a
question tying names the article never tells of together, or a "who" question whose
sentences tell the event but no one who did it, or a question asking a figure of an event
the article tells without one, or adding a detail it does not give (a refusal or a
dismissal never told, a city within the only country named, a total where only those who
took part are counted) (:mod:`antqa.refusals`). A
question the article does answer is refused only on that evidence, because a wrong
refusal fails the user too.

One concept a module: :mod:`.answerer` (the :class:`Answerer`, the step as one call),
:mod:`.refusing` (whether the article answers), :mod:`.choosing` (which sentences),
:mod:`.composing` (the text, its cuts and citations), :mod:`.kinds` (the kind of answer
asked and the sentences holding it), :mod:`.reading` (what every sentence holds, read at
load) and :mod:`.policy` (the tuned numbers).
"""

from antqa.answering.answerer import NOT_COVERED, Answerer, Composition
from antqa.answering.choosing import Choice
from antqa.answering.composing import Part
from antqa.answering.policy import AnswerPolicy

__all__ = ["NOT_COVERED", "AnswerPolicy", "Answerer", "Choice", "Composition", "Part"]
