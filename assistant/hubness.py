"""Hubness: how crowded the neighbourhood of each sentence window is, so that dense search can discount it.

In a small embedding space some sentences lie close to many others ("Innovatiegericht inkopen ondersteunt
overheden bij …"), and so close to every question on their subject: they win questions they do not answer.
Cross-domain similarity local scaling (CSLS, Conneau et al. 2018) corrects for it: a window's similarity to a
question is lowered by how similar it is to its nearest neighbours, compared with the average window. Derived from
the vectors in the store, cached on disk like the lexical index, and rebuilt only when the store changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .cache import load_arrays, save_arrays

NEIGHBOURS = 10
REFERENCE_WINDOWS = 8192  # a larger store is compared with a fixed sample of this many windows
BLOCK = 1024  # rows of the similarity matrix computed at once, to bound memory


@dataclass
class Hubness:
    """Per window id: the mean similarity to its nearest neighbours, minus the average of that over all windows."""

    revision: int
    excess: dict[str, float]

    @classmethod
    def build(cls, ids: list[str], vectors: np.ndarray, revision: int) -> Hubness:
        """From the windows' ids and vectors; each is compared with all windows, or with a seeded sample of
        `REFERENCE_WINDOWS` of them in a larger store (linear time, the same answers run after run)."""
        if len(ids) <= 1:
            return cls(revision, dict.fromkeys(ids, 0.0))
        vectors = np.asarray(vectors, dtype=np.float32)
        sample = np.arange(len(ids))
        if len(ids) > REFERENCE_WINDOWS:
            sample = np.sort(np.random.default_rng(0).choice(len(ids), REFERENCE_WINDOWS, replace=False))
        reference = vectors[sample]
        column_of = np.full(len(ids), -1)
        column_of[sample] = np.arange(len(sample))
        k = min(NEIGHBOURS, len(sample) - 1)
        density = np.empty(len(ids), dtype=np.float32)
        for start in range(0, len(ids), BLOCK):
            similarity = vectors[start : start + BLOCK] @ reference.T
            rows = np.flatnonzero(column_of[start : start + BLOCK] >= 0)
            similarity[rows, column_of[start + rows]] = -np.inf  # a window is no neighbour of itself
            nearest = np.partition(similarity, -k, axis=1)[:, -k:]
            density[start : start + BLOCK] = nearest.mean(axis=1)
        excess = density - density.mean()
        return cls(revision, {i: float(e) for i, e in zip(ids, excess)})

    def discount(self, found: list[tuple[str, float]], weight: float) -> list[tuple[str, float]]:
        """Search results (window id, similarity) with each similarity lowered by `weight` times the window's
        excess density, best first again."""
        if not weight:
            return found
        scaled = [(i, sim - weight * self.excess.get(i, 0.0)) for i, sim in found]
        return sorted(scaled, key=lambda pair: -pair[1])

    def save(self, path: Path) -> None:
        save_arrays(path, self.revision, ids=np.array(list(self.excess), dtype=str),
                    excess=np.array(list(self.excess.values()), dtype=np.float32))

    @classmethod
    def load(cls, path: Path, revision: int) -> Hubness | None:
        """The cached hubness, or None when there is none for this store revision."""
        data = load_arrays(path, revision)
        return None if data is None else cls(revision, dict(zip(data["ids"].tolist(), data["excess"].tolist())))
