"""What counts as the article mentioning what a question asks for, four readings the
SQuAD-format sets showed too narrow, each a kind: a place written without "in" or "at"
before it; a place named as its people's or language's word ("English" for England); an
age told as "a boy of nine"; a verb of lasting, told by a span."""

from __future__ import annotations

from tests.test_answering import _service_over


def test_a_place_written_without_a_preposition_before_it_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Which state ...?" of "gives Ostria, as the upstream state, ...": no "in Ostria",
    yet the sentence names the state (refused before: "none of its passages on this gives
    a place")."""
    service = _service_over(
        "The accord divides the river between two states.\n\n"
        "Legal commentators have noted that the rule requiring unanimity gives Ostria, as "
        "the upstream state, an effective veto over any reallocation.\n",
        tmp_path,
    )
    answer = service.ask("Which state has an effective veto over reallocation?")
    assert answer.answerable and "Ostria" in answer.answer, answer.answer
