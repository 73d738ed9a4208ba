"""PIANOo-assistent: the chat page. Run with `make run` (or `streamlit run app.py`)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import streamlit as st

from assistant.chat import (
    EXAMPLE_QUESTIONS,
    append_feedback,
    conversation_markdown,
    highlight,
    is_supported,
    safe_markdown,
    save_upload,
)
from assistant.conversation import Turn
from assistant.errors import AssistantError, EmptyStore
from assistant.ingest_cli import STATUS_LABELS
from assistant.models import Answer
from assistant.pipeline import Pipeline
from assistant.refusal import CAUTION
from assistant.settings import Settings

st.set_page_config(page_title="PIANOo-assistent", page_icon="📘", layout="centered")


@st.cache_resource(show_spinner="De zoekindex wordt geladen…")
def load_pipeline() -> Pipeline:
    """One pipeline per process, shared by all browser sessions; its parts are thread-safe."""
    pipeline = Pipeline(Settings())
    pipeline.retriever.lexical_index()  # build everything once, before sessions share it
    _ = pipeline.answerer
    return pipeline


def streamed(text: str) -> Iterator[str]:
    for word in text.split(" "):
        yield word + " "
        time.sleep(0.01)


def show_sources(answer: Answer, key: str) -> None:
    if answer.citations:
        st.markdown("**Bronnen**")
        for citation in answer.citations:
            with st.expander(f"[{citation.n}] {citation.source_label}"):
                st.markdown(highlight(citation.chunk.text, citation.sentences))
    elif answer.refused and answer.retrieved:
        st.markdown("**Misschien relevant**")
        for hit in answer.retrieved[:3]:
            with st.expander(hit.chunk.source_label):
                st.markdown(safe_markdown(hit.chunk.text))


def show_feedback(answer: Answer, key: str, feedback_file) -> None:  # type: ignore[no-untyped-def]
    if st.session_state.feedback.get(key):
        st.caption("Bedankt voor uw feedback.")
        return
    comment = st.text_input("Opmerking (optioneel)", key=f"comment-{key}", label_visibility="collapsed",
                            placeholder="Opmerking bij dit antwoord (optioneel)")
    up, down, _ = st.columns([2, 2, 5])
    # Streamlit's own icon font: emoji need a font the reader's machine may lack
    for column, rating, label, icon in ((up, "up", "Nuttig", ":material/thumb_up:"),
                                        (down, "down", "Niet nuttig", ":material/thumb_down:")):
        if column.button(label, key=f"{rating}-{key}", icon=icon,
                         help="Goed antwoord" if rating == "up" else "Slecht antwoord"):
            append_feedback(feedback_file, answer, rating, comment)
            st.session_state.feedback[key] = rating
            st.rerun()


def show_answer(answer: Answer, key: str, pipeline: Pipeline, stream: bool = False) -> None:
    if answer.resolved_question:
        st.caption(f"Opgevat als: {answer.resolved_question}")
    if answer.searched_also:
        st.caption(f"Ook gezocht op: {', '.join(answer.searched_also)}")
    if answer.searched_in:
        st.caption(f"Alleen gezocht in: {'; '.join(answer.searched_in)}")
    if answer.notice == CAUTION:  # the passages may not be about the question: a warning, not a remark
        st.warning(answer.notice, icon=":material/warning:")
    elif answer.notice:
        st.info(answer.notice)
    if answer.refused:
        st.warning(safe_markdown(answer.text), icon=":material/search_off:")
    elif stream:
        st.write_stream(streamed(safe_markdown(answer.text)))
    else:
        st.markdown(safe_markdown(answer.text))
    show_sources(answer, key)
    show_feedback(answer, key, pipeline.settings.feedback_file)


def sidebar(pipeline: Pipeline, documents: dict[str, tuple[str, int]]) -> None:
    with st.sidebar:
        st.header("Documenten")
        for title, chunks in documents.values():
            st.markdown(f"- {safe_markdown(title)} · {chunks} passages")
        st.multiselect(
            "Zoek alleen in", options=list(documents), key="doc_filter",
            format_func=lambda doc_id: documents[doc_id][0], placeholder="alle documenten",
        )
        modes = ["extractive"] + (["llm"] if pipeline.llm_configured else [])
        st.radio("Antwoordwijze", modes, key="answer_mode", horizontal=True,
                 format_func=lambda m: "Citaten (zonder taalmodel)" if m == "extractive" else "Taalmodel (LLM)")
        if st.button("Nieuw gesprek", use_container_width=True):
            st.session_state.answers = []
            st.session_state.feedback = {}
            st.rerun()
        st.download_button("Gesprek downloaden (Markdown)", conversation_markdown(st.session_state.answers),
                           file_name="pianoo-gesprek.md", mime="text/markdown", use_container_width=True,
                           disabled=not st.session_state.answers)
        st.header("Document toevoegen")
        uploads = st.file_uploader("PDF, DOCX, HTML, MD of TXT", accept_multiple_files=True,
                                   type=["pdf", "docx", "html", "htm", "md", "txt"], key="uploads")
        if uploads and st.button("Toevoegen aan de index", use_container_width=True):
            ingest_uploads(pipeline, uploads)


def ingest_uploads(pipeline: Pipeline, uploads) -> None:  # type: ignore[no-untyped-def]
    folder = pipeline.settings.data_dir / "uploads"
    paths = []
    for upload in uploads:
        if not is_supported(upload.name):
            st.sidebar.error(f"{upload.name}: dit bestandstype wordt niet ondersteund.")
            continue
        paths.append(save_upload(upload.name, upload.getvalue(), folder))
    if not paths:
        return
    bar = st.sidebar.progress(0.0, text="Inlezen…")

    def progress(total: int):  # type: ignore[no-untyped-def]
        done = [0]

        def advance(n: int) -> None:
            done[0] += n
            bar.progress(min(1.0, done[0] / max(total, 1)), text=f"Embedden {done[0]}/{total}")

        return advance

    try:
        report = pipeline.ingest(paths, progress=progress)
    except AssistantError as exc:
        st.sidebar.error(str(exc))
        return
    bar.empty()
    for result in report.results:
        label = STATUS_LABELS[result.status]
        if result.status == "failed":
            st.sidebar.error(f"{result.name}: {result.reason}")
        else:
            st.sidebar.success(f"{result.name}: {label} ({result.chunks} passages)")


def ask(pipeline: Pipeline, question: str) -> None:
    history = [Turn(a.resolved_question or a.question, a.text) for a in st.session_state.answers]
    with st.chat_message("user"):
        st.markdown(safe_markdown(question))
    with st.chat_message("assistant"):
        with st.spinner("Zoeken in de documenten…"):
            try:
                answer = pipeline.ask(question, history=history, doc_ids=st.session_state.doc_filter or None,
                                      answer_mode=st.session_state.answer_mode)
            except AssistantError as exc:  # the store went away, or the filter names a pruned document
                st.error(str(exc))
                st.stop()
        st.session_state.answers.append(answer)
        show_answer(answer, str(len(st.session_state.answers) - 1), pipeline, stream=True)


def main() -> None:
    st.session_state.setdefault("answers", [])
    st.session_state.setdefault("feedback", {})
    st.session_state.setdefault("doc_filter", [])
    st.session_state.setdefault("answer_mode", "extractive")
    st.title("PIANOo-assistent")
    st.caption("Antwoorden uit de publicaties van PIANOo over aanbesteden, steeds met de passage waar ze vandaan komen.")
    try:
        pipeline = load_pipeline()
        documents = pipeline.retriever.documents()
        if not documents:
            raise EmptyStore("De index is leeg.")
    except EmptyStore:
        st.info("Er zijn nog geen documenten ingelezen. Voer `make run` uit, of `python ingest.py` om de "
                "documenten in de map corpus/ in te lezen, en laad deze pagina opnieuw.")
        return
    except AssistantError as exc:
        st.error(str(exc))
        return
    sidebar(pipeline, documents)

    for i, answer in enumerate(st.session_state.answers):
        with st.chat_message("user"):
            st.markdown(safe_markdown(answer.question))
        with st.chat_message("assistant"):
            show_answer(answer, str(i), pipeline)

    # Read the typed question first: the welcome is not drawn above it in the run that answers it.
    question = st.chat_input("Stel uw vraag over aanbesteden…")
    clicked = None
    if not st.session_state.answers and not question:
        with st.chat_message("assistant"):
            st.markdown("Welkom! Stel een vraag over aanbestedingsprocedures, belemmeringen of stappenplannen. "
                        "Elk antwoord verwijst naar de passage waar het vandaan komt. Bijvoorbeeld:")
            for n, example in enumerate(EXAMPLE_QUESTIONS):
                if st.button(example, key=f"example-{n}"):
                    clicked = example
    if clicked or question:
        ask(pipeline, clicked or question)
        st.rerun()


main()
