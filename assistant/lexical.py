"""BM25 over the chunks in the store, with Dutch stemming and stopwords.

Embedded Chroma has no sparse index, so this one is derived from the store and cached on disk per store
revision: it is rebuilt after an ingest changed the store, never per question.
"""

from __future__ import annotations

import logging
import math
import pickle
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_DUTCH

from .models import Chunk

log = logging.getLogger(__name__)

TOKEN = re.compile(r"\w+")
_STOPWORDS = frozenset(STOPWORDS_DUTCH) | {"u", "je", "jij", "we", "wij", "ik", "welke", "wat", "hoe", "waarom"}
_stemmer = Stemmer.Stemmer("dutch")


def analyse(text: str) -> list[str]:
    """Lower-cased, stopword-free Dutch stems: "aanbestedingen" and "aanbesteding" meet."""
    words = [w for w in TOKEN.findall(text.lower().replace("-", "")) if w not in _STOPWORDS and len(w) > 1]
    return _stemmer.stemWords(words)


@dataclass
class LexicalIndex:
    """BM25 scores for a fixed list of chunks, in the order of `chunks`."""

    revision: int
    chunks: list[Chunk]
    bm25: bm25s.BM25
    document_frequency: dict[str, int]

    @classmethod
    def build(cls, chunks: list[Chunk], revision: int) -> LexicalIndex:
        bm25 = bm25s.BM25(k1=1.2, b=0.75)
        corpus_tokens = [analyse(c.index_text) or ["_"] for c in chunks]
        if chunks:
            bm25.index(corpus_tokens, show_progress=False)
        frequency: Counter[str] = Counter()
        for tokens in corpus_tokens:
            frequency.update(set(tokens))
        return cls(revision, chunks, bm25, dict(frequency))

    def coverage(self, question: str, passages: list[str]) -> float:
        """The largest IDF-weighted share of the question's terms that one passage contains.

        Low coverage means the documents do not speak of what the question is about: a refusal signal
        that, unlike embedding similarity, separates in-domain but unanswered questions.
        """
        terms = list(dict.fromkeys(analyse(question)))
        if not terms or not passages:
            return 0.0
        n = len(self.chunks)
        idf = {t: math.log((n + 1) / (self.document_frequency.get(t, 0) + 0.5)) for t in terms}
        total = sum(idf.values())
        return max(sum(idf[t] for t in terms if t in set(analyse(p))) / total for p in passages)

    def scores(self, question: str) -> np.ndarray:
        """A BM25 score for every chunk (zeros when no query word is indexed)."""
        if not self.chunks:
            return np.zeros(0, dtype=np.float32)
        vocab = self.bm25.vocab_dict
        terms = [t for t in analyse(question) if t in vocab]
        if not terms:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(terms), dtype=np.float32)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as f:
            pickle.dump(self, f)
        tmp.replace(path)  # atomic: a reader never sees half a file

    @classmethod
    def load(cls, path: Path, revision: int) -> LexicalIndex | None:
        """The cached index, or None when there is none for this store revision."""
        try:
            with path.open("rb") as f:
                index = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        return index if isinstance(index, cls) and index.revision == revision else None
