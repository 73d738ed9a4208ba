"""Incremental ingest into a real Chroma store: skip, replace, prune, rebuild, survive bad files."""

from pathlib import Path
from typing import Any

import pytest

from assistant import ingest_cli
from assistant.errors import StoreMismatch
from assistant.pipeline import Pipeline
from assistant.store import ChromaStore

from .conftest import fake_settings


def statuses(report) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {r.name: r.status for r in report.results}


def test_first_run_adds_everything_with_metadata(pipeline: Pipeline) -> None:
    documents = pipeline.store.documents()
    assert set(documents) == {"innovatiepartnerschap.md", "sbir.txt", "marktconsultatie.html"}
    assert documents["innovatiepartnerschap.md"][0] == "Factsheet innovatiepartnerschap (testcorpus)"
    chunks = [c for c in pipeline.store.all_chunks() if c.doc_id == "innovatiepartnerschap.md"]
    assert [c.position for c in sorted(chunks, key=lambda c: c.position)] == list(range(len(chunks)))
    assert [c.section for c in sorted(chunks, key=lambda c: c.position)][:3] == [
        "Innovatiepartnerschap", "Stappenplan › 1. Vraagarticulatie", "3. Ontwikkelfase"
    ]
    assert not chunks[1].text.startswith("1. Vraagarticulatie")  # the opening heading lives in the metadata


def test_second_run_embeds_nothing(pipeline: Pipeline, corpus: Path) -> None:
    report = pipeline.ingest([corpus])
    assert set(statuses(report).values()) == {"unchanged"}
    assert report.embedded == 0


def test_editing_one_file_reembeds_only_that_file(pipeline: Pipeline, corpus: Path) -> None:
    before = pipeline.store.count()
    sbir = corpus / "sbir.txt"
    sbir.write_text(sbir.read_text(encoding="utf-8") + "\nDe looptijd van fase 2 is maximaal twee jaar.\n", encoding="utf-8")
    report = pipeline.ingest([corpus])
    assert statuses(report) == {
        "innovatiepartnerschap.md": "unchanged", "marktconsultatie.html": "unchanged", "sbir.txt": "updated"
    }
    assert report.embedded == report.chunks_written == next(r.chunks for r in report.results if r.name == "sbir.txt")
    assert pipeline.store.count() >= before
    assert any("maximaal twee jaar" in c.text for c in pipeline.store.all_chunks())


def test_prune_removes_documents_whose_file_is_gone(pipeline: Pipeline, corpus: Path) -> None:
    (corpus / "sbir.txt").unlink()
    assert "sbir.txt" in pipeline.store.documents()  # without --prune it stays
    pipeline.ingest([corpus])
    assert "sbir.txt" in pipeline.store.documents()
    report = pipeline.ingest([corpus], prune=True)
    assert statuses(report)["sbir.txt"] == "removed"
    assert "sbir.txt" not in pipeline.store.documents()


def test_dry_run_changes_nothing(tmp_path: Path, corpus: Path) -> None:
    pipe = Pipeline(fake_settings(tmp_path))
    report = pipe.ingest([corpus], dry_run=True)
    assert set(statuses(report).values()) == {"added"}
    assert pipe.store.count() == 0


def test_the_assistants_own_data_inside_a_document_folder_is_no_document(corpus: Path) -> None:
    pipeline = Pipeline(fake_settings(corpus, data_dir=corpus / "data"))
    pipeline.ingest([corpus])
    second = pipeline.ingest([corpus])  # the store and caches the first run wrote are there now
    assert not second.failed and {r.name for r in second.results} == {"innovatiepartnerschap.md", "marktconsultatie.html", "sbir.txt"}


def test_bad_file_is_reported_and_the_rest_is_ingested(pipeline: Pipeline, corpus: Path) -> None:
    (corpus / "kapot.pdf").write_bytes(b"%PDF-1.4 broken")
    (corpus / "leeg.md").write_text("")
    before = pipeline.store.count()
    report = pipeline.ingest([corpus], prune=True)
    assert statuses(report)["kapot.pdf"] == "failed"
    assert statuses(report)["leeg.md"] == "failed"
    assert pipeline.store.count() == before  # what was indexed is untouched


def test_a_broken_new_version_keeps_the_last_good_one(pipeline: Pipeline, corpus: Path) -> None:
    chunks_before = [c for c in pipeline.store.all_chunks() if c.doc_id == "sbir.txt"]
    (corpus / "sbir.txt").write_bytes(b"")
    report = pipeline.ingest([corpus], prune=True)
    assert statuses(report)["sbir.txt"] == "failed"
    assert sorted(c.text for c in pipeline.store.all_chunks() if c.doc_id == "sbir.txt") == sorted(
        c.text for c in chunks_before
    )


def test_interrupted_write_converges_on_the_next_run(pipeline: Pipeline, corpus: Path) -> None:
    store = pipeline.store
    doc = "innovatiepartnerschap.md"
    doc_chunks = sorted((c for c in store.all_chunks() if c.doc_id == doc), key=lambda c: c.position)
    assert len(doc_chunks) > 2
    # Simulate a crash after part of a document was written: one chunk is missing.
    store._chunks.delete(ids=[doc_chunks[-1].chunk_id])
    report = pipeline.ingest([corpus])
    assert statuses(report)[doc] == "updated"
    assert len([c for c in store.all_chunks() if c.doc_id == doc]) == len(doc_chunks)
    assert set(statuses(pipeline.ingest([corpus])).values()) == {"unchanged"}


def test_rebuild_with_another_model_is_required_and_works(pipeline: Pipeline, tmp_path: Path, corpus: Path) -> None:
    other = fake_settings(tmp_path, chunk_words=80)
    mismatched = Pipeline(other, embedder_override=_OtherDimension())
    with pytest.raises(StoreMismatch, match="--rebuild"):
        _ = mismatched.store
    report = mismatched.ingest([corpus], rebuild=True)
    assert set(statuses(report).values()) == {"added"}
    assert ChromaStore(other, "fake/other-32", 32).count() > 0


class _OtherDimension:
    model_id = "fake/other-32"
    dim = 32

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[1.0] + [0.0] * 31 for _ in texts]

    def embed_query(self, text: str) -> list[float]:
        return [1.0] + [0.0] * 31


def test_cli_reports_and_fails_on_bad_files(tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = fake_settings(tmp_path)
    assert ingest_cli.main([str(corpus), "-q"], settings=settings) == 0
    assert "toegevoegd: 3" in capsys.readouterr().out
    (corpus / "notities.xyz").write_text("onbekend")
    assert ingest_cli.main([str(corpus), "-q"], settings=settings) == 1
    out = capsys.readouterr().out
    assert "notities.xyz" in out and "onbekend bestandstype" in out and "ongewijzigd: 3" in out


def test_cli_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest_cli.main([str(tmp_path / "bestaat-niet")], settings=fake_settings(tmp_path)) == 2
    assert "Niet gevonden" in capsys.readouterr().out


def test_a_store_locked_for_a_moment_by_another_writer_is_opened_after_a_retry(tmp_path: Path) -> None:
    store = ChromaStore(fake_settings(tmp_path), "fake/dim-8", 8)
    real, failures = store._client, []

    class BrieflyLocked:
        def get_or_create_collection(self, *args: Any, **kwargs: Any) -> Any:
            if len(failures) < 2:
                failures.append(1)
                raise RuntimeError("error returned from database: (code: 5) database is locked")
            return real.get_or_create_collection(*args, **kwargs)

    store._client = BrieflyLocked()
    assert store._open(store.settings.collection, {"embedding_model": "fake/dim-8"}).name == store.settings.collection
    assert len(failures) == 2
    failures.clear()
    store._client = type("Broken", (), {"get_or_create_collection": lambda *a, **k: 1 / 0})()
    with pytest.raises(ZeroDivisionError):  # another error is not retried
        store._open(store.settings.collection, {})


def test_the_vector_index_searches_as_widely_as_set_also_in_a_store_made_before(tmp_path: Path) -> None:
    def search_breadth(store: ChromaStore) -> list[int]:
        return [c.configuration["hnsw"]["ef_search"] for c in (store._chunks, store._windows)]

    assert search_breadth(ChromaStore(fake_settings(tmp_path, search_ef=300), "fake/dim-8", 8)) == [300, 300]
    assert search_breadth(ChromaStore(fake_settings(tmp_path, search_ef=700), "fake/dim-8", 8)) == [700, 700]
