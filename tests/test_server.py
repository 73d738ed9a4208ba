"""The scale-out path: a real `chroma run` server on a free localhost port, restarted mid-test."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.errors import StoreUnavailable
from assistant.pipeline import Pipeline

from .conftest import MINI_CORPUS, fake_settings
from .test_browser import free_port

CHROMA = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")


def start_chroma(path: Path, port: int, log: Path) -> subprocess.Popen:
    process = subprocess.Popen([CHROMA, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=log.open("a"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    pytest.fail(f"chroma run did not start: {log.read_text()}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=15)


@pytest.mark.server
def test_everything_works_against_a_chroma_server_and_survives_a_restart(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "chroma.log"
    server = start_chroma(tmp_path / "server-data", port, log)
    try:
        settings = fake_settings(tmp_path, chroma_host="127.0.0.1", chroma_port=port)
        pipeline = Pipeline(settings)
        report = pipeline.ingest([MINI_CORPUS])
        assert report.count("added") == 3
        count = pipeline.store.count()
        answer = pipeline.ask("Kunnen nieuwe aanbieders later instappen?")
        assert answer.citations[0].chunk.doc_id == "innovatiepartnerschap.md"
        assert not (tmp_path / "data" / "chroma").exists()  # nothing went to the embedded store

        stop(server)
        server = start_chroma(tmp_path / "server-data", port, log)
        again = Pipeline(settings)
        assert again.store.count() == count
        assert {r.status for r in again.ingest([MINI_CORPUS]).results} == {"unchanged"}
        assert again.ask("Kunnen nieuwe aanbieders later instappen?").text == answer.text
    finally:
        stop(server)


@pytest.mark.server
def test_server_down_is_a_clear_error_not_a_hang(tmp_path: Path) -> None:
    settings = fake_settings(tmp_path, chroma_host="127.0.0.1", chroma_port=free_port())
    started = time.monotonic()
    with pytest.raises(StoreUnavailable, match="make chroma-server"):
        _ = Pipeline(settings).store
    assert time.monotonic() - started < 10
