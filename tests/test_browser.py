"""End to end: a real `streamlit run app.py` on a free port, driven by Debian's Chromium through Playwright."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.pipeline import Pipeline

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(pipeline: Pipeline, tmp_path: Path):  # type: ignore[no-untyped-def]
    port = free_port()
    env = {**os.environ, "PIANOO_EMBEDDING_BACKEND": "fake", "PIANOO_MIN_SIMILARITY": "0",
           "PIANOO_WEAK_SIMILARITY": "0",
           "PIANOO_CAUTION_SIMILARITY": "0", "PIANOO_CHUNK_WORDS": "60", "PIANOO_CHUNK_OVERLAP_WORDS": "10",
           "PIANOO_DATA_DIR": str(pipeline.settings.data_dir)}
    log = (tmp_path / "streamlit.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"streamlit stopped: {(tmp_path / 'streamlit.log').read_text()}")
            time.sleep(0.3)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.browser
def test_ask_in_a_real_browser(server: str) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs it (apt-get install chromium).")
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(server)
        box = page.get_by_test_id("stChatInput").locator("textarea")
        box.wait_for(timeout=30_000)  # Streamlit fills the page over a websocket
        box.fill("Kunnen nieuwe aanbieders later instappen?")
        box.press("Enter")
        messages = page.get_by_test_id("stChatMessage")
        # The question and its answer, and no welcome: auto-retrying, as the answer streams in word by word.
        expect(messages).to_have_count(2, timeout=30_000)
        expect(messages.nth(1)).to_contain_text("niet later instappen", timeout=30_000)
        source = page.get_by_test_id("stExpander").first
        source.click()
        expect(source.get_by_text("ook niet als zij een betere oplossing hebben ontwikkeld")).to_be_visible()
        page.wait_for_timeout(800)  # the expander opens with an animation; the screenshot is for people to look at
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "browser-answer.png"), full_page=True)
        browser.close()
    assert (ARTIFACTS / "browser-answer.png").stat().st_size > 10_000
