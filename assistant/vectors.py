"""Exact dense search over the store's vectors, the same on every run.

Chroma's vector index is approximate, and which near neighbours it returns changes from process to process: the 160
nearest sentence windows of the same question differed between every two of five processes, so the scores of the
passages, and now and then an answer, changed after a restart. Up to a few hundred thousand vectors a matrix product
finds the exact neighbours about as fast. Derived from the vectors in the store, cached on disk like the lexical
index, and rebuilt only when the store changed; `dense_search = "index"` searches with Chroma's index instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .cache import load_arrays, save_arrays


def document_of(record_id: str) -> str:
    """The document of a chunk id ("doc.txt#4") or a window id ("doc.txt#4~2")."""
    return record_id.split("~", 1)[0].rsplit("#", 1)[0]


@dataclass
class VectorIndex:
    """The ids and unit-length vectors of one kind of record (chunks or windows) of one store revision."""

    revision: int
    ids: list[str]
    matrix: np.ndarray  # float32, one unit-length row per id
    _documents: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._documents = np.array([document_of(i) for i in self.ids], dtype=object)

    @classmethod
    def build(cls, ids: list[str], vectors: np.ndarray, revision: int) -> VectorIndex:
        """From the store's ids and vectors, each made unit length: cosine similarity, as Chroma's index gives."""
        matrix = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return cls(revision, ids, matrix / np.where(norms > 0, norms, 1.0))

    def search(self, vector: list[float], k: int, doc_ids: list[str] | None = None) -> list[tuple[str, float]]:
        """The ids of the k most similar records and their cosine similarity, best first; equal ones in store
        order, so that every run gives the same list."""
        query = np.asarray(vector, dtype=np.float32)
        # not `matrix @ query`: BLAS would start threads that keep spinning after it returns, and doubled the time
        # the embedder took for the next question on two cores; einsum runs in this thread, as fast here
        similarity = np.einsum("ij,j->i", self.matrix, query / (np.linalg.norm(query) or 1.0))
        rows = np.flatnonzero(np.isin(self._documents, doc_ids)) if doc_ids else np.arange(len(self.ids))
        k = min(k, len(rows))
        if k <= 0:
            return []
        best = rows[np.argpartition(-similarity[rows], k - 1)[:k]]
        best = best[np.lexsort((best, -similarity[best]))]
        return [(self.ids[i], float(similarity[i])) for i in best]

    def save(self, path: Path) -> None:
        save_arrays(path, self.revision, ids=np.array(self.ids, dtype=str), matrix=self.matrix)

    @classmethod
    def load(cls, path: Path, revision: int) -> VectorIndex | None:
        """The cached index, or None when there is none for this store revision."""
        data = load_arrays(path, revision)
        return None if data is None else cls(revision, data["ids"].tolist(), data["matrix"])
