"""Build the pipeline's parts once from the settings: embedder, store, retriever and answerer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .embeddings import CachedEmbeddings, Embedder, build_embedder
from .indexing import IngestReport, Progress, index_documents
from .settings import Settings
from .store import ChromaStore


@dataclass
class Pipeline:
    """Everything a command needs, built lazily and shared (the app keeps one per process)."""

    settings: Settings = field(default_factory=Settings)
    embedder_override: Embedder | None = None

    @cached_property
    def embedder(self) -> Embedder:
        inner = self.embedder_override or build_embedder(self.settings)
        return CachedEmbeddings(inner, self.settings.cache_dir)

    @cached_property
    def store(self) -> ChromaStore:
        return ChromaStore(self.settings, self.embedder.model_id, self.embedder.dim)

    def ingest(
        self,
        paths: list[Path],
        *,
        prune: bool = False,
        dry_run: bool = False,
        rebuild: bool = False,
        progress: Callable[[int, int], Progress] | None = None,
    ) -> IngestReport:
        if rebuild and not dry_run:
            ChromaStore.wipe(self.settings)
            self.__dict__.pop("store", None)  # reopen: the cached store points at the dropped collection
        return index_documents(
            paths, self.store, self.embedder, self.settings, prune=prune, dry_run=dry_run, progress=progress
        )
