"""Incremental indexing: load, clean, chunk and embed documents into the store, skipping what did not change."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .chunking import chunk_document, document_windows
from .embeddings import Embedder
from .errors import DocumentError
from .loading import discover, load_document, read_catalog
from .models import content_hash
from .settings import Settings
from .store import ChromaStore

log = logging.getLogger(__name__)

# Bump when cleaning, chunking or what is embedded changes, so every document is indexed again once.
PIPELINE_VERSION = "60"
EMBED_STEP = 32  # texts per embedding call: the progress bar moves per step

Progress = Callable[[int], None]
ProgressFactory = Callable[[int], Progress]  # given the number of texts to embed, returns "advance by n"


@dataclass
class FileResult:
    """What happened to one file: added, updated, unchanged, removed or failed (with the reason)."""

    name: str
    status: str
    chunks: int = 0
    reason: str = ""


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    chunks_written: int = 0
    seconds: float = 0.0

    @property
    def embedded(self) -> int:
        """Chunks sent to the embedder: only those of added or updated documents."""
        return self.chunks_written

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]


def fingerprint(source_hash: str, settings: Settings) -> str:
    """What a document's chunks depend on: its bytes and the chunking settings."""
    return content_hash(f"{source_hash}|{settings.chunk_words}|{settings.chunk_overlap_words}|{PIPELINE_VERSION}")


def index_documents(
    paths: list[Path],
    store: ChromaStore,
    embedder: Embedder,
    settings: Settings,
    *,
    prune: bool = False,
    dry_run: bool = False,
    progress: ProgressFactory | None = None,
) -> IngestReport:
    """Bring the store in line with the given files and folders.

    Unchanged documents are skipped without embedding; changed ones are replaced; with `prune`, documents
    whose files are gone are removed. A file that fails is reported and leaves the store as it was.
    """
    started = time.perf_counter()
    report = IngestReport()
    files = discover(paths, own_data=settings.data_dir)
    catalogs = {folder: read_catalog(folder) for folder in {f.parent for f in files}}
    indexed = store.fingerprints()
    seen: set[str] = set()
    to_embed = []

    for path in files:
        try:
            document = load_document(path, catalogs.get(path.parent))
        except DocumentError as exc:
            report.results.append(FileResult(path.name, "failed", reason=exc.reason))
            seen.add(path.name)  # a file that is there but broken is not pruned: its last good version stays
            continue
        if document.doc_id in seen:
            report.results.append(
                FileResult(path.name, "failed", reason="een ander bestand met dezelfde naam is al ingelezen; hernoem het.")
            )
            continue
        seen.add(document.doc_id)
        doc_fingerprint = fingerprint(document.source_hash, settings)
        hashes, claimed, found = indexed.get(document.doc_id, (set(), 0, 0))
        if hashes == {doc_fingerprint} and claimed == found:
            report.results.append(FileResult(path.name, "unchanged", chunks=found))
            continue
        chunks = chunk_document(document, settings.chunk_words, settings.chunk_overlap_words)
        windows = document_windows(chunks)
        status = "updated" if document.doc_id in indexed else "added"
        to_embed.append((document, chunks, windows, doc_fingerprint, status))

    total = sum(len(chunks) + len(windows) for _, chunks, windows, _, _ in to_embed)
    advance = progress(total) if progress and total and not dry_run else None
    for document, chunks, windows, doc_fingerprint, status in to_embed:
        if dry_run:
            report.results.append(FileResult(document.doc_id, status, chunks=len(chunks)))
            continue
        texts = [c.index_text for c in chunks] + [w for _, _, w in windows]
        vectors: list[list[float]] = []
        for start in range(0, len(texts), EMBED_STEP):
            batch = texts[start : start + EMBED_STEP]
            vectors.extend(embedder.embed_documents(batch))
            if advance:
                advance(len(batch))
        store.replace_document(
            document.doc_id,
            chunks,
            vectors[: len(chunks)],
            windows,
            vectors[len(chunks) :],
            doc_fingerprint,
            document.metadata,
        )
        report.chunks_written += len(chunks)
        report.results.append(FileResult(document.doc_id, status, chunks=len(chunks)))

    if prune:
        for doc_id in sorted(set(indexed) - seen):
            if not dry_run:
                store.delete_document(doc_id)
            report.results.append(FileResult(doc_id, "removed", chunks=indexed[doc_id][2]))
    report.seconds = time.perf_counter() - started
    return report
