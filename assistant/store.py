"""The Chroma store: embedded (`PersistentClient`) by default, a Chroma server (`HttpClient`) when configured.

Chroma is the single source of truth. Two collections: the chunks (`{collection}`) and the sentence windows
of those chunks (`{collection}_windows`), each with their vectors; keeping them apart means no search needs a
metadata filter, which in Chroma costs more than the vector search itself. Vectors are always passed in, so
Chroma never tries to download an embedding model of its own.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Iterator
from typing import Any

import numpy as np

from .errors import StoreMismatch, StoreUnavailable
from .models import Chunk, summarise_documents
from .settings import Settings

log = logging.getLogger(__name__)

REBUILD_HINT = "Bouw de index opnieuw op met `python ingest.py --rebuild`."
# SQLite under an embedded store is briefly locked while another client of it (the app, `ingest.py`) writes
LOCKED_RETRIES = 5
LOCKED_WAIT_S = 0.2
BATCH = 5000  # below Chroma's maximum batch size


def window_id(chunk_id: str, unit: int) -> str:
    return f"{chunk_id}~{unit}"


def _metadata(chunk: Chunk, source_hash: str, doc_chunks: int, extra: dict[str, str]) -> dict[str, Any]:
    return {
        **extra,
        "doc_id": chunk.doc_id,
        "title": chunk.title,
        "section": chunk.section,
        "headings": "\n".join(chunk.headings),
        "page": chunk.page if chunk.page is not None else -1,
        "position": chunk.position,
        "chunk_hash": chunk.hash,
        "source_hash": source_hash,
        "doc_chunks": doc_chunks,
    }


def chunk_from_record(text: str, meta: dict[str, Any]) -> Chunk:
    page = int(meta.get("page", -1))
    return Chunk(
        doc_id=str(meta["doc_id"]),
        title=str(meta.get("title", "")),
        text=text,
        position=int(meta.get("position", 0)),
        section=str(meta.get("section", "")),
        page=page if page >= 0 else None,
        headings=tuple(line for line in str(meta.get("headings", "")).split("\n") if line),
    )


class ChromaStore:
    """Chunks and their sentence windows in Chroma, tagged with the embedding model that made them."""

    def __init__(self, settings: Settings, model_id: str, dim: int) -> None:
        self.settings = settings
        self.model_id = model_id
        self.dim = dim
        self._client = _connect(settings)
        try:
            self._chunks = self._open(
                settings.collection, {"embedding_model": model_id, "dimension": dim, "revision": _first_revision()}
            )
            self._windows = self._open(f"{settings.collection}_windows", {"embedding_model": model_id})
        except Exception as exc:  # chromadb raises many transport errors; all mean the same to the user
            raise StoreUnavailable(f"De Chroma-collectie kan niet worden geopend ({exc}). {REBUILD_HINT}") from exc
        self.check_model()

    def _open(self, name: str, metadata: dict[str, Any]) -> Any:
        for attempt in range(1, LOCKED_RETRIES):
            try:
                return self._open_once(name, metadata)
            except Exception as exc:
                if "database is locked" not in str(exc):
                    raise
                log.info("Chroma store locked while opening %s; retrying", name)
                time.sleep(LOCKED_WAIT_S * attempt)
        return self._open_once(name, metadata)  # the last try raises what it meets

    def _open_once(self, name: str, metadata: dict[str, Any]) -> Any:
        search = {"ef_search": self.settings.search_ef}
        collection = self._client.get_or_create_collection(
            name, embedding_function=None, configuration={"hnsw": {"space": "cosine", **search}}, metadata=metadata
        )
        if (collection.configuration.get("hnsw") or {}).get("ef_search") != self.settings.search_ef:
            collection.modify(configuration={"hnsw": search})  # a store made before, or with another setting
        return collection

    def check_model(self) -> None:
        meta = self._chunks.metadata or {}
        stored_model, stored_dim = meta.get("embedding_model"), meta.get("dimension")
        if stored_model and (stored_model != self.model_id or int(stored_dim or 0) != self.dim):
            raise StoreMismatch(
                f"De index is gemaakt met embeddingmodel '{stored_model}' ({stored_dim} dimensies), maar "
                f"ingesteld is '{self.model_id}' ({self.dim} dimensies). {REBUILD_HINT}"
            )

    @property
    def revision(self) -> int:
        """A counter bumped at every write, so derived indexes know when to rebuild."""
        try:
            self._chunks = self._client.get_collection(self.settings.collection)
        except Exception as exc:
            raise StoreUnavailable(f"De Chroma-store is niet bereikbaar ({exc}).") from exc
        return int((self._chunks.metadata or {}).get("revision", 0))

    def _bump_revision(self) -> None:
        meta = dict(self._chunks.metadata or {})
        meta["revision"] = int(meta.get("revision", 0)) + 1
        self._chunks.modify(metadata=meta)

    def count(self) -> int:
        return self._chunks.count()

    def fingerprints(self) -> dict[str, tuple[set[str], int, int]]:
        """Per document: the source hashes its chunks carry, the chunk count they claim, and how many there are."""
        result: dict[str, tuple[set[str], int, int]] = {}
        for meta in _all(self._chunks, ["metadatas"])["metadatas"]:
            hashes, _, found = result.get(meta["doc_id"], (set(), 0, 0))
            hashes.add(str(meta.get("source_hash")))
            result[meta["doc_id"]] = (hashes, int(meta.get("doc_chunks", 0)), found + 1)
        return result

    def replace_document(
        self,
        doc_id: str,
        chunks: list[Chunk],
        vectors: list[list[float]],
        windows: list[tuple[str, int, str]],
        window_vectors: list[list[float]],
        source_hash: str,
        extra: dict[str, str],
    ) -> None:
        """Write a document's windows and chunks, then remove what it no longer has.

        Chunks are written last, so a crash leaves chunks with an old fingerprint (or too few): the next
        run sees the document as changed and repairs it.
        """
        old_windows = set(self._windows.get(where={"doc_id": doc_id}, include=[])["ids"])
        old_chunks = set(self._chunks.get(where={"doc_id": doc_id}, include=[])["ids"])
        for start in range(0, len(windows), BATCH):
            batch = windows[start : start + BATCH]
            self._windows.upsert(
                ids=[window_id(chunk_id, unit) for chunk_id, unit, _ in batch],
                embeddings=window_vectors[start : start + BATCH],  # type: ignore[arg-type]
                documents=[text for _, _, text in batch],
                metadatas=[{"doc_id": doc_id, "chunk_id": c, "unit": u} for c, u, _ in batch],
            )
        if chunks:
            self._chunks.upsert(
                ids=[c.chunk_id for c in chunks],
                embeddings=vectors,  # type: ignore[arg-type]
                documents=[c.text for c in chunks],
                metadatas=[_metadata(c, source_hash, len(chunks), extra) for c in chunks],
            )
        stale_chunks = sorted(old_chunks - {c.chunk_id for c in chunks})
        stale_windows = sorted(old_windows - {window_id(c, u) for c, u, _ in windows})
        if stale_chunks:
            self._chunks.delete(ids=stale_chunks)
        if stale_windows:
            self._windows.delete(ids=stale_windows)
        self._bump_revision()

    def delete_document(self, doc_id: str) -> None:
        self._chunks.delete(where={"doc_id": doc_id})
        self._windows.delete(where={"doc_id": doc_id})
        self._bump_revision()

    def all_chunks(self) -> list[Chunk]:
        data = _all(self._chunks, ["documents", "metadatas"])
        return [chunk_from_record(t, m) for t, m in zip(data["documents"], data["metadatas"])]

    def documents(self) -> dict[str, tuple[str, int]]:
        """Indexed documents: id -> (title, number of chunks)."""
        return summarise_documents(self.all_chunks())

    def search(
        self, vector: list[float], k: int, doc_ids: list[str] | None = None, kind: str = "chunk"
    ) -> list[tuple[str, float]]:
        """The ids of the k nearest chunks (or sentence windows) and their cosine similarity."""
        if k <= 0:
            return []
        collection = self._collection(kind)
        where = {"doc_id": {"$in": list(doc_ids)}} if doc_ids else None
        try:
            result = collection.query(
                query_embeddings=[vector], n_results=k, where=where, include=["distances"]  # type: ignore[arg-type]
            )
        except Exception as exc:
            raise StoreUnavailable(f"Zoeken in de Chroma-store mislukte ({exc}).") from exc
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0])]  # type: ignore[index]

    def _collection(self, kind: str) -> Any:
        return self._chunks if kind == "chunk" else self._windows

    def all_vectors(self, kind: str = "window") -> tuple[list[str], np.ndarray]:
        """The ids and vectors of every chunk or sentence window (for exact search, and the windows' hubness),
        fetched a page at a time into one float32 matrix made beforehand: a large store's vectors as Python lists, or
        as pages joined at the end, would take several times the memory."""
        collection = self._collection(kind)
        ids: list[str] = []
        matrix = np.empty((collection.count(), self.dim), dtype=np.float32)
        for page in _pages(collection, ["embeddings"]):
            rows = np.asarray(page["embeddings"], dtype=np.float32).reshape(len(page["ids"]), self.dim)
            if len(ids) + len(rows) > len(matrix):  # written to while read: grow, rarely
                matrix = np.concatenate([matrix[: len(ids)], np.empty((len(rows), self.dim), dtype=np.float32)])
            matrix[len(ids) : len(ids) + len(rows)] = rows
            ids.extend(page["ids"])
        return ids, matrix[: len(ids)]

    def window_vectors(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        """The sentence-window vectors of some chunks, one row per unit in unit order: for scoring answer sentences."""
        if not chunk_ids:
            return {}
        got = self._windows.get(where={"chunk_id": {"$in": list(chunk_ids)}}, include=["embeddings", "metadatas"])
        if got["embeddings"] is None or not len(got["embeddings"]):
            return {}
        vectors = np.asarray(got["embeddings"], dtype=np.float32)
        rows: dict[str, list[tuple[int, int]]] = {}
        for row, meta in enumerate(got["metadatas"] or []):
            rows.setdefault(str(meta["chunk_id"]), []).append((int(meta["unit"]), row))
        return {cid: vectors[[row for _, row in sorted(units)]] for cid, units in rows.items()}

    def export(self) -> dict[str, list[dict[str, Any]]]:
        """Every chunk and window with its text, metadata and vector (benchmarks build bigger stores from it)."""
        exported = {}
        for kind, collection in (("chunks", self._chunks), ("windows", self._windows)):
            data = _all(collection, ["documents", "metadatas", "embeddings"])
            exported[kind] = [
                {"id": i, "text": t, "metadata": m, "vector": list(v)}
                for i, t, m, v in zip(data["ids"], data["documents"], data["metadatas"], data["embeddings"])
            ]
        return exported

    def import_records(self, chunks: list[dict[str, Any]], windows: list[dict[str, Any]]) -> None:
        """Add records in the shape `export` gives them."""
        for collection, records in ((self._chunks, chunks), (self._windows, windows)):
            for start in range(0, len(records), BATCH):
                batch = records[start : start + BATCH]
                collection.add(
                    ids=[r["id"] for r in batch],
                    embeddings=[r["vector"] for r in batch],  # type: ignore[arg-type]
                    documents=[r["text"] for r in batch],
                    metadatas=[r["metadata"] for r in batch],
                )
        self._bump_revision()

    @staticmethod
    def wipe(settings: Settings) -> None:
        """Drop the collections (if any), so the next open creates them again for the configured model."""
        client = _connect(settings)
        existing = {c.name for c in client.list_collections()}
        for name in (settings.collection, f"{settings.collection}_windows"):
            if name in existing:
                client.delete_collection(name)


def _first_revision() -> int:
    """Where a new collection's revision counter starts: at random, so a store built afresh (`--rebuild`, a new
    server) never has the revision of the one before it after as many writes, which would pass that store's cached
    lexical index off as its own."""
    return secrets.randbelow(2**31)


def _all(collection: Any, include: list[str]) -> dict[str, list[Any]]:
    """Every record of a collection."""
    out: dict[str, list[Any]] = {"ids": [], **{k: [] for k in include}}
    for page in _pages(collection, include):
        out["ids"].extend(page["ids"])
        for key in include:
            out[key].extend(page[key])
    return out


def _pages(collection: Any, include: list[str]) -> Iterator[dict[str, Any]]:
    """The records of a collection a page at a time, so a large store is not fetched in one response."""
    offset = 0
    while True:
        page = collection.get(include=include, limit=BATCH, offset=offset)
        if page["ids"]:
            yield {"ids": page["ids"], **{k: page[k] if page[k] is not None else [] for k in include}}
        if len(page["ids"]) < BATCH:
            return
        offset += BATCH


def _connect(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.uses_server:
        try:
            return chromadb.HttpClient(
                host=settings.chroma_host or "localhost", port=settings.chroma_port, settings=chroma_settings
            )
        except Exception as exc:
            raise StoreUnavailable(
                f"De Chroma-server op {settings.chroma_host}:{settings.chroma_port} is niet bereikbaar ({exc}). "
                "Start hem met `make chroma-server` of controleer PIANOO_CHROMA_HOST en PIANOO_CHROMA_PORT."
            ) from exc
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    try:
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:
        raise StoreUnavailable(
            f"De lokale Chroma-store in {settings.chroma_dir} kan niet worden geopend ({exc}). {REBUILD_HINT}"
        ) from exc
