"""Article -> sentences -> passages, with exact character offsets.

Invariants (tested, including by property tests):
- ``text[s.start:s.end] == s.text`` for every sentence and chunk;
- sentences never start or end with white space or mid-word;
- a chunk is a run of whole sentences and at most ``max_chars`` long;
- chunks cover every sentence, in order.

Why sentence windows: answers are extracted at sentence level, so passages must be
made of whole sentences. By default a window starts at every sentence (each as long as
``max_chars`` allows), so retrieval can cite a passage centred on the sentence that
answers, with its context on both sides, instead of one cut at a fixed boundary; a fixed
``overlap`` gives the classic consecutive windows instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from antqa.models import Chunk, Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_TERMINAL = re.compile(r"[.!?…]+[”’\"')\]]*(?=\s)|[。！？]+[”’\"')\]」』]*")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "vs", "e.g", "i.e", "etc", "no", "co"})
#: Abbreviations written before a year or a span of years: "(r. 1398–1412)" (reigned),
#: "(c. 1149–1203)" and "ca. 950" (circa), "b. 1908", "d. 1946", "fl. 1350". Before a
#: digit their full stop ends no sentence (a history's "The last ruler, Orbelai (r." was
#: quoted as a sentence of its own); before a capital "c." or "d." may end one ("vitamin C.").
_BEFORE_YEAR_ABBREVIATIONS = frozenset({"r", "c", "ca", "b", "d", "fl"})
#: Written in lower case only, so a king's numeral ("Henry V. He ...") still ends a sentence:
#: "v." joins the parties of a law case ("Ferrand v. Province of Orvane (1889)").
_LOWER_CASE_ABBREVIATIONS = frozenset({"v"})
_NOT_A_SENTENCE_START = ",;:.)]}!?”’」』"


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each non-blank block separated by blank lines."""
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[position : match.start()].strip():
            yield position, match.start()
        position = match.end()
    if text[position:].strip():
        yield position, len(text)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_with_abbreviation(
    text: str, terminal_start: int, abbreviations: frozenset[str] = _ABBREVIATIONS
) -> bool:
    """Whether the word before the full stop at ``terminal_start`` is one of ``abbreviations``."""
    word = re.search(r"([A-Za-z.]+)$", text[max(0, terminal_start - 6) : terminal_start])
    if word is None:
        return False
    written = word.group(1).rstrip(".")
    return written.lower() in abbreviations or written in _LOWER_CASE_ABBREVIATIONS


def _next_visible(text: str, position: int, limit: int) -> str | None:
    while position < limit and text[position].isspace():
        position += 1
    return text[position] if position < limit else None


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split one line into sentence spans on terminal punctuation followed by a new sentence."""
    position = start
    for match in _TERMINAL.finditer(text, start, end):
        following = _next_visible(text, match.end(), end)
        if following is None:
            break
        if following.islower() or following in _NOT_A_SENTENCE_START:
            continue
        if text[match.start()] == "." and _ends_with_abbreviation(text, match.start()):
            continue
        if (
            following.isdigit()
            and match.group() == "."
            and _ends_with_abbreviation(text, match.start(), _BEFORE_YEAR_ABBREVIATIONS)
        ):
            continue
        yield position, match.end()
        position = match.end()
    yield position, end


def _cut_point(text: str, start: int, end: int, max_chars: int) -> int:
    """Where to cut an over-long sentence: after ``;``, then ``,``, then at a space."""
    window = text[start : start + max_chars]
    floor = max_chars // 3
    for pattern in (r";\s", r",\s", r"\s"):
        cuts = [m.start() + 1 for m in re.finditer(pattern, window) if m.start() + 1 >= floor]
        if cuts:
            return start + cuts[-1]
    return start + max_chars  # one unbroken "word" longer than max_chars: cut it


def _split_long(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    while end - start > max_chars:
        cut = _cut_point(text, start, end, max_chars)
        piece = _strip_span(text, start, cut)
        if piece[1] > piece[0]:
            yield piece
        start = _strip_span(text, cut, end)[0]
    if end > start:
        yield start, end


def split_sentences(text: str, max_chars: int = 1000) -> list[Sentence]:
    """Split ``text`` into sentences (lines and paragraphs always end one).

    Sentences longer than ``max_chars`` are cut at clause boundaries so that every unit
    fits in a passage.
    """
    sentences: list[Sentence] = []
    for paragraph_no, (p_start, p_end) in enumerate(paragraphs(text), start=1):
        for line in re.finditer(r"[^\n]+", text[p_start:p_end]):
            l_start, l_end = p_start + line.start(), p_start + line.end()
            for raw_start, raw_end in _sentence_spans(text, l_start, l_end):
                s_start, s_end = _strip_span(text, raw_start, raw_end)
                for u_start, u_end in _split_long(text, s_start, s_end, max_chars):
                    sentences.append(
                        Sentence(len(sentences), u_start, u_end, paragraph_no, text[u_start:u_end])
                    )
    return sentences


def chunk_sentences(
    text: str, sentences: list[Sentence], max_chars: int = 700, overlap: int = 1
) -> list[Chunk]:
    """Group consecutive sentences into passages of at most ``max_chars`` characters.

    Each passage after the first starts ``overlap`` sentences before the previous one
    ended (when that still leaves room for progress).
    """
    chunks: list[Chunk] = []
    first = 0
    while first < len(sentences):
        last = first
        while (
            last + 1 < len(sentences)
            and sentences[last + 1].end - sentences[first].start <= max_chars
        ):
            last += 1
        start, end = sentences[first].start, sentences[last].end
        chunks.append(
            Chunk(
                id=f"c{len(chunks):03d}",
                start=start,
                end=end,
                paragraph=sentences[first].paragraph,
                text=text[start:end],
                sentence_ids=tuple(range(first, last + 1)),
            )
        )
        if last + 1 >= len(sentences):
            break
        first = max(first + 1, last + 1 - overlap)
    return chunks


def chunk_article(
    text: str, max_chars: int = 1000, overlap: int | None = None
) -> tuple[list[Sentence], list[Chunk]]:
    """Sentences and passages of an article; sentence units fit half a passage.

    ``overlap=None`` starts a passage at every sentence (sliding windows).
    """
    sentences = split_sentences(text, max_chars=max(50, max_chars // 2))
    shared = len(sentences) if overlap is None else overlap
    return sentences, chunk_sentences(text, sentences, max_chars=max_chars, overlap=shared)
