"""The short answer: the name, date, number or place inside the answering sentence.

No generative model runs here, so the short answer is extractive and heuristic, and given
only when the question says plainly what kind of thing it wants ("who", "when", "how
many", "which country"): spans of that kind in the answer's sentences are candidates,
a candidate made of the question's own words is dropped (an answer rarely repeats its
question: "Who ruled the duchy of Normandy?" is not answered by "Normandy"), and the
candidate closest to the question's words that the sentence shares wins.

A "what" question of no such kind ("What did the townspeople form?") is answered by the
phrase the sentence adds right after the question's words ("... formed a guild"), or,
for "what did it" ("What reached Marrick?"), right before the question's verb ("A canal
reached Marrick"); a "why" question by the clause after "because", "since", "after" or
with its "so that". A wrong short answer is worse than none, so a question of an open
kind ("how did it work?"), a sentence with no candidate, a phrase that is likelier a
verb or a qualifier than a thing, or a sentence that shares too little of the question
gives none.

The modules, each on one concept, from the question to the span: :mod:`.forms` (how
English writes numbers, months, units and the words before a place), :mod:`.asked` (what
of the question a span is weighed against), :mod:`.targets` (the kind of answer asked
for), the candidates of each kind (:mod:`.dates`, :mod:`.quantities`, :mod:`.names`,
:mod:`.roles`, :mod:`.phrases` over :mod:`.words`, :mod:`.causes`), :mod:`.trimming`
(a span's edges), :mod:`.candidates` (the spans of a kind in a sentence), and
:mod:`.finder`, which weighs them and gives one or none.
"""

from antqa.short_answers.asked import Asked, gives_measure_asked
from antqa.short_answers.called import asks_called, tells_called
from antqa.short_answers.dates import gives_day
from antqa.short_answers.finder import ShortAnswerFinder, SpanPolicy
from antqa.short_answers.roles import tells_parentage
from antqa.short_answers.targets import (
    Target,
    asks_doer,
    asks_parent_role,
    target,
    told_before,
)

__all__ = [
    "Asked",
    "ShortAnswerFinder",
    "SpanPolicy",
    "Target",
    "asks_called",
    "asks_doer",
    "asks_parent_role",
    "gives_day",
    "gives_measure_asked",
    "target",
    "tells_called",
    "tells_parentage",
    "told_before",
]
