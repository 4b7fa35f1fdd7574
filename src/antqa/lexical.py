"""BM25 keyword search (bm25s) with English stop words and Snowball stemming.

Dense embeddings miss exact names, dates and numbers that a reader types ("Version 9.0",
"22 members"); BM25 catches them. The index is rebuilt from the texts at load time: for
an article it takes milliseconds, and it keeps the index folder free of derived files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import bm25s
import numpy as np
import Stemmer

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


STOPWORDS = _stopwords()


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed word tokens without English stop words."""
    words = [w for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS]
    return list(_stemmer().stemWords(words))


class LexicalIndex:
    """BM25 scores of a query against every text of a fixed list."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._size = len(texts)
        self._bm25 = bm25s.BM25()
        corpus = [tokenize(t) or ["\u2205"] for t in texts]  # bm25s needs a token per doc
        self._bm25.index(corpus, show_progress=False)
        self._vocabulary = {token for doc in corpus for token in doc}

    def scores(self, query: str) -> np.ndarray:
        """Raw BM25 score of ``query`` for each text (zeros when no query word is known)."""
        tokens = [t for t in tokenize(query) if t in self._vocabulary]
        if not tokens:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def known_fraction(self, query: str) -> float:
        """Share of the query's content words that occur anywhere in the texts."""
        tokens = tokenize(query)
        if not tokens:
            return 0.0
        return sum(t in self._vocabulary for t in tokens) / len(tokens)
