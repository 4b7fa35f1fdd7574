"""Chunking keeps exact offsets, whole words and sentence boundaries."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from antqa.chunking import chunk_article, chunk_sentences, paragraphs, split_sentences


def test_every_passage_is_an_exact_slice_of_the_article(article_text: str) -> None:
    sentences, chunks = chunk_article(article_text)
    assert chunks
    for unit in [*sentences, *chunks]:
        assert article_text[unit.start : unit.end] == unit.text


def test_passages_fit_the_citation_limit_and_cover_every_sentence(article_text: str) -> None:
    sentences, chunks = chunk_article(article_text, max_chars=700)
    assert max(len(c.text) for c in chunks) <= 700
    covered = {s for c in chunks for s in c.sentence_ids}
    assert covered == {s.id for s in sentences}


def test_passages_start_and_end_on_sentence_boundaries(article_text: str) -> None:
    _, chunks = chunk_article(article_text)
    for chunk in chunks:
        before = article_text[chunk.start - 1] if chunk.start else " "
        after = article_text[chunk.end] if chunk.end < len(article_text) else " "
        assert before.isspace(), f"{chunk.id} starts mid-word"
        assert after.isspace() or not after.isalnum(), f"{chunk.id} ends mid-word"
        assert not chunk.text[0].isspace() and not chunk.text[-1].isspace()


def test_sentences_split_on_terminal_punctuation_not_inside_them() -> None:
    text = "Version 9.0 was out. Mr. Ma spoke. It said: “Wrong is wrong.” Then, it ended. , and."
    spans = [s.text for s in split_sentences(text)]
    assert spans == [
        "Version 9.0 was out.",
        "Mr. Ma spoke.",
        "It said: “Wrong is wrong.”",
        "Then, it ended. , and.",
    ]


def test_paragraphs_are_numbered_from_one_and_lines_end_sentences() -> None:
    text = "Title\n\nFirst line\nsecond line. Next.\n\n\nLast"
    sentences = split_sentences(text)
    assert [(s.paragraph, s.text) for s in sentences] == [
        (1, "Title"),
        (2, "First line"),
        (2, "second line."),
        (2, "Next."),
        (3, "Last"),
    ]
    assert len(list(paragraphs(text))) == 3


def test_an_overlong_sentence_is_cut_at_clause_boundaries() -> None:
    clause = "the company listens completely and does not interrupt at will"
    text = "; ".join([clause] * 12) + "."
    sentences = split_sentences(text, max_chars=200)
    assert len(sentences) > 1
    assert all(len(s.text) <= 200 for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert all(s.text.startswith("the company") for s in sentences)


def test_consecutive_passages_overlap_by_one_sentence(article_text: str) -> None:
    sentences = split_sentences(article_text, max_chars=350)
    chunks = chunk_sentences(article_text, sentences, max_chars=700, overlap=1)
    for previous, current in itertools.pairwise(chunks):
        assert current.sentence_ids[0] == previous.sentence_ids[-1] or (
            len(previous.sentence_ids) == 1
        )


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=2000), st.integers(min_value=100, max_value=1000))
def test_chunking_any_text_keeps_offsets_and_covers_it(text: str, max_chars: int) -> None:
    sentences, chunks = chunk_article(text, max_chars=max_chars)
    for unit in [*sentences, *chunks]:
        assert text[unit.start : unit.end] == unit.text
        assert unit.text and not unit.text[0].isspace() and not unit.text[-1].isspace()
    for chunk in chunks:
        assert len(chunk.text) <= max_chars
    # Nothing but white space is left between consecutive sentences, or outside them.
    position = 0
    for sentence in sentences:
        assert not text[position : sentence.start].strip()
        position = sentence.end
    assert not text[position:].strip()
    assert {s for c in chunks for s in c.sentence_ids} == {s.id for s in sentences}


def test_an_abbreviation_before_a_year_ends_no_sentence() -> None:
    """ "(r. 1398–1412)" and "(c. 1149–1203)" date a ruler; "C." before a capital may end one."""
    text = (
        "The last ruler, Orbelai (r. 1398–1412), was a boy of nine. Its founder (c. 1149–1203) "
        "united the clans. He took vitamin C. Then he slept. It ended in 1908. 1909 was calm."
    )
    assert [s.text for s in split_sentences(text)] == [
        "The last ruler, Orbelai (r. 1398–1412), was a boy of nine.",
        "Its founder (c. 1149–1203) united the clans.",
        "He took vitamin C.",
        "Then he slept.",
        "It ended in 1908.",
        "1909 was calm.",
    ]


def test_a_law_case_is_one_sentence_but_a_kings_numeral_may_end_one() -> None:
    """ "X v. Y" names one law case; "Henry V." written in capitals may end a sentence."""
    text = "In Ferrand v. Province of Orvane (1889) the court ruled. The play was Henry V. It ran long."
    assert [s.text for s in split_sentences(text)] == [
        "In Ferrand v. Province of Orvane (1889) the court ruled.",
        "The play was Henry V.",
        "It ran long.",
    ]
