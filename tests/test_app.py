"""The chat page through Streamlit's AppTest: the flows a buyer goes through, on a real store."""

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assistant.chat import conversation_markdown, highlight, safe_markdown, safe_upload_name
from assistant.conversation import Turn
from assistant.errors import StoreUnavailable
from assistant.pipeline import Pipeline
from assistant.refusal import CAUTION

from .conftest import ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def app(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    for name, value in {"EMBEDDING_BACKEND": "fake", "MIN_SIMILARITY": "0", "WEAK_SIMILARITY": "0",
                        "CAUTION_SIMILARITY": "0", "CHUNK_WORDS": "60", "CHUNK_OVERLAP_WORDS": "10",
                        "DATA_DIR": str(pipeline.settings.data_dir)}.items():
        monkeypatch.setenv(f"PIANOO_{name}", value)
    st.cache_resource.clear()  # each test its own store
    return AppTest.from_file(APP, default_timeout=60).run()


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def ask(at: AppTest, question: str) -> AppTest:
    return at.chat_input[0].set_value(question).run()


def test_welcome_with_example_questions(app: AppTest) -> None:
    assert not app.exception
    assert "Welkom" in markdown_text(app)
    assert len([b for b in app.button if b.key and b.key.startswith("example-")]) == 5


def test_ask_gives_an_answer_with_sources(app: AppTest) -> None:
    ask(app, "Kunnen nieuwe aanbieders later instappen?")
    assert not app.exception
    assert "niet later instappen" in markdown_text(app)
    assert app.expander[0].label.startswith("[1] Factsheet innovatiepartnerschap")
    assert any(":orange-background[" in m.value for m in app.markdown)  # cited sentence highlighted


def test_an_answer_from_barely_similar_passages_shows_a_warning(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    ask(app, "Kunnen nieuwe aanbieders later instappen?")
    assert not app.warning  # the fake embedder's similarities clear the default floor of this test: 0
    monkeypatch.setenv("PIANOO_CAUTION_SIMILARITY", "1.01")  # no sentence clears this one
    st.cache_resource.clear()
    cautious = ask(AppTest.from_file(APP, default_timeout=60).run(), "Kunnen nieuwe aanbieders later instappen?")
    assert not cautious.exception
    assert [w.value for w in cautious.warning] == [CAUTION] and "niet later instappen" in markdown_text(cautious)


def test_example_question_click(app: AppTest) -> None:
    app.button(key="example-0").click().run()
    assert not app.exception
    assert "Mededingingsfase" in markdown_text(app)
    assert not any(b.key and b.key.startswith("example-") for b in app.button)


def test_document_filter(app: AppTest) -> None:
    app.multiselect(key="doc_filter").set_value(["sbir.txt"]).run()
    ask(app, "Kunnen nieuwe aanbieders later instappen?")
    assert {e.label.split("] ")[-1].split(" (")[0] for e in app.expander} <= {"Sbir: Small Business Innovation Research"}


def test_refusal_looks_like_a_refusal(app: AppTest) -> None:
    ask(app, "Wat is de hoofdstad van Frankrijk?")
    assert "geen antwoord" in app.warning[0].value
    assert "Misschien relevant" in markdown_text(app)


def test_new_conversation_clears_the_chat(app: AppTest) -> None:
    ask(app, "Kunnen nieuwe aanbieders later instappen?")
    assert app.session_state.answers
    next(b for b in app.button if b.label == "Nieuw gesprek").click().run()
    assert app.session_state.answers == []
    assert "Welkom" in markdown_text(app)


def test_follow_up_shows_the_resolved_question(app: AppTest) -> None:
    ask(app, "Wat is een marktconsultatie?")
    ask(app, "En wat zijn daarvan de valkuilen?")
    assert any("Opgevat als" in c.value for c in app.caption)


def test_the_documents_words_the_question_was_also_searched_with_are_shown(app: AppTest) -> None:
    ask(app, "Hoe regel ik dat we halverwege kunnen stoppen?")
    assert any(c.value == "Ook gezocht op: na elke fase, afbreken, beëindigen" for c in app.caption)


def test_the_document_a_question_named_as_its_source_is_shown(app: AppTest) -> None:
    ask(app, "Welke fasen noemt de factsheet?")
    assert any(c.value == "Alleen gezocht in: Factsheet innovatiepartnerschap (testcorpus)" for c in app.caption)


def test_the_downloaded_conversation_keeps_how_each_question_was_read_and_its_sources(pipeline: Pipeline) -> None:
    first = pipeline.ask("Welke fasen noemt de factsheet?")
    follow_up = pipeline.ask("En wat zijn daarvan de risico's?", history=[Turn(first.question, first.text)])
    text = conversation_markdown([first, follow_up])
    assert "## Vraag: Welke fasen noemt de factsheet?" in text
    assert "*Alleen gezocht in: Factsheet innovatiepartnerschap (testcorpus)*" in text
    assert f"*Opgevat als: {follow_up.resolved_question}*" in text and follow_up.resolved_question
    assert f"[1] {first.citations[0].source_label}" in text


def test_feedback_is_written(app: AppTest, pipeline: Pipeline) -> None:
    ask(app, "Kunnen nieuwe aanbieders later instappen?")
    app.text_input(key="comment-0").set_value("Duidelijk antwoord").run()
    app.button(key="up-0").click().run()
    line = json.loads(pipeline.settings.feedback_file.read_text(encoding="utf-8").splitlines()[-1])
    assert line["rating"] == "up" and line["comment"] == "Duidelijk antwoord"
    assert line["question"] == "Kunnen nieuwe aanbieders later instappen?"
    assert line["citations"][0]["doc"] == "innovatiepartnerschap.md"
    assert any("Bedankt" in c.value for c in app.caption)


def test_upload_of_a_good_and_a_bad_file(app: AppTest, pipeline: Pipeline) -> None:
    good = b"# Concurrentiegerichte dialoog\n\nDe concurrentiegerichte dialoog past bij complexe opdrachten."
    app.file_uploader(key="uploads").set_value(
        [("../../dialoog.md", good, "text/markdown"), ("kapot.pdf", b"%PDF-1.4 kapot", "application/pdf")]
    ).run()
    next(b for b in app.button if b.label == "Toevoegen aan de index").click().run()
    assert not app.exception
    assert any("dialoog.md: toegevoegd" in s.value for s in app.success)
    assert any("kapot.pdf" in e.value and "beschadigd" in e.value for e in app.error)
    uploads = pipeline.settings.data_dir / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["dialoog.md", "kapot.pdf"]  # no path escapes
    assert "dialoog.md" in Pipeline(pipeline.settings).store.documents()
    ask(app, "Wanneer past de concurrentiegerichte dialoog?")
    assert "complexe opdrachten" in markdown_text(app)


def test_empty_store_says_what_to_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PIANOO_EMBEDDING_BACKEND", "fake")
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "python ingest.py" in at.info[0].value


def test_huge_question_gets_a_polite_answer(app: AppTest) -> None:
    ask(app, "aanbesteding " * 5000)
    assert "te lang" in app.warning[0].value


def test_document_text_never_becomes_live_markup() -> None:
    hostile = "<script>alert(1)</script> [klik](javascript:alert(1)) **vet** $x$ :red[rood]\n1. Fase"
    rendered = safe_markdown(hostile)
    for live in ("<script>", "[klik](", "**vet**", "$x$", ":red[", "\n1. "):
        assert live not in rendered
    assert highlight("Eerste zin. Tweede <b>zin</b>.", ("Tweede <b>zin</b>.",)).count(":orange-background[") == 1


def test_a_line_after_a_list_is_shown_as_a_paragraph_of_its_own() -> None:
    rendered = safe_markdown("Mogelijke stappen:\n- verkenning;\n- pilot projecten.\nElke fase wordt apart afgerekend. [1]")
    assert rendered.endswith("- pilot projecten.\n\nElke fase wordt apart afgerekend. \\[1\\]")  # not the item's tail
    assert safe_markdown("Eerste regel\nTweede regel") == "Eerste regel  \nTweede regel"  # a line break, kept


@pytest.mark.parametrize(("name", "safe"), [("../../etc/passwd", "passwd"), ("C:\\x\\rapport.PDF", "rapport.pdf"),
                                            ("é é.docx", "e-e.docx"), ("...", "document")])
def test_upload_names_are_never_paths(name: str, safe: str) -> None:
    assert safe_upload_name(name) == safe


def test_a_store_that_fails_while_asking_gives_a_message_not_a_crash(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(*args: object, **kwargs: object) -> None:
        raise StoreUnavailable("De Chroma-server op 127.0.0.1:8000 reageert niet; start hem met `make chroma-server`.")

    monkeypatch.setattr(Pipeline, "ask", unreachable)
    ask(app, "Wat is SBIR?")
    assert not app.exception
    assert "make chroma-server" in app.error[0].value
    monkeypatch.undo()
    ask(app, "Kunnen nieuwe aanbieders later instappen?")
    assert "niet later instappen" in markdown_text(app)  # the page works on once the store is back
