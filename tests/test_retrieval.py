"""Hybrid retrieval on a real Chroma store: ranking, document filter, lexical index lifecycle."""

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from langchain_core.documents import Document as LangChainDocument

from assistant.errors import EmptyStore, UnknownDocument
from assistant.hubness import Hubness
from assistant.lexical import LexicalIndex, analyse, corrected, named_parts, opens_named_part
from assistant.models import Chunk, Hit, SentenceScore
from assistant.pipeline import Pipeline
from assistant.retrieval import LangChainRetriever, Retriever
from assistant.vectors import VectorIndex

from .conftest import fake_settings, ingested


def test_dutch_stemming_meets_inflections() -> None:
    assert analyse("aanbestedingen") == analyse("aanbesteding")
    assert analyse("de en het van") == []
    assert analyse("politieke specifieke") == analyse("politiek specifiek")  # Snowball keeps this -e
    assert analyse("fasen fases ontwikkelfasen") == analyse("fase fase ontwikkelfase")  # and makes "faas" of "fasen"
    assert analyse("experts accountants pilots themas") == analyse("expert accountant pilot thema")  # and keeps this -s
    assert analyse("huis") != analyse("hui")  # a Dutch word on -s keeps it
    # and keeps the -t and -d of verbs on -elen and -eren, and the long vowel of "-eert"
    assert analyse("ontwikkelt ontwikkeld evalueert geëvalueerd") == analyse("ontwikkelen ontwikkelen evalueren evalueren")
    assert analyse("toets kans inkoopproces") == analyse("toetsing kansen inkoopprocessen")  # a singular on -s too
    assert analyse("kindcentrum gunningscriterium consortium") == analyse("kindcentra gunningscriteria consortia")
    assert analyse("techniek methodiek") == analyse("technische methodisch")  # an adjective meets its noun
    assert analyse("datum") != analyse("data")  # not every -um is a Latin plural's singular
    assert analyse("Wat houdt de ontwikkelfase in?") == analyse("ontwikkelfase")  # asks what it is
    assert analyse("Wat houdt de invoering tegen?") == analyse("houdt invoering tegen")  # a verb of its own
    # a noun in ge- is no past participle: "gemeente" is not "mening", "gebied" not "bieden", "gegevens" not "geven"
    assert analyse("gemeenten gebieden gegevens") == analyse("gemeente gebied gegevens")
    assert set(analyse("gemeente gebied gegevens")).isdisjoint(analyse("mening bieden geven"))
    assert analyse("gebruikt gevolgd") == analyse("gebruik volgen")  # a participle still meets its noun or verb


def test_compounds_and_separated_verbs_meet_their_parts() -> None:
    chunks = [
        Chunk("a", "A", "De volwassenheid van de inkoop bepaalt veel. Wanneer opschalen zinvol is.", 0),
        Chunk("b", "B", "Een inkoopstrategie en de volwassenheid van teams.", 1),
        Chunk("c", "C", "Niets hierover: bruggen en dijken.", 2),
    ]
    index = LexicalIndex.build(chunks, revision=1)
    assert set(analyse("inkoop volwassenheid")) <= set(index.terms("inkoopvolwassenheid"))
    assert set(analyse("opschalen")) <= set(index.terms("besluit ik niet op te schalen"))
    scores = index.scores(index.terms("Hoe meet ik inkoopvolwassenheid?"))
    assert scores[0] > scores[1] > scores[2] == 0  # both parts beat one part; without splitting all are 0
    # a verb the question splits around its object is joined, when the documents say it so
    assert set(analyse("opschalen")) <= set(index.question_terms("Wanneer schaal ik de oplossing op?"))
    assert index.split_verbs("Wanneer schaal ik de oplossing op?") == {"schaal": "opschaal", "op": "opschaal"}
    assert index.split_verbs("Welke rol speelt de schaal op de markt?") == {}  # "op de markt": a preposition
    assert index.split_verbs("Wat meet ik op?") == {}  # "opmeten" is no word of the documents


def test_section_share_is_the_part_of_a_section_title_the_question_names() -> None:
    chunks = [
        Chunk("a", "A", "Nieuwe aanbieders kunnen niet later instappen.", 0, section="Innovatiepartnerschap › Beperkingen"),
        Chunk("a", "A", "De partners ontwikkelen in fasen.", 1, section="Stappenplan › Ontwikkelfase en pilots"),
        Chunk("a", "A", "Geen titel.", 2),
    ]
    index = LexicalIndex.build(chunks, revision=1)
    terms = set(index.terms("Welke beperkingen heeft de ontwikkelfase?"))
    assert index.section_share(terms, 0) == 0.5  # "beperkingen" of "innovatiepartnerschap" and "beperkingen"
    assert index.section_share(terms, 1) == 1 / 3  # "ontwikkelfase" of "stappenplan", "ontwikkelfase", "pilots"
    assert index.section_share(terms, 2) == 0.0


def test_a_numbered_step_is_one_term() -> None:
    chunks = [
        Chunk("a", "A", "Stap 3: bepaal de eisen. De 4 criteria volgen later.", 0),
        Chunk("b", "B", "Stap 4: bepaal de criteria voor het beoordelen van de innovatie met de gebruikers.", 1),
    ]
    index = LexicalIndex.build(chunks, revision=1)
    assert "stap4" in index.terms("Wat is stap 4?")
    scores = index.scores(index.terms("Wat is stap 4?"))
    assert scores[1] > scores[0]  # with "stap" alone the two would tie


def test_best_passage_first(pipeline: Pipeline) -> None:
    hits = pipeline.retriever.search("Kunnen nieuwe aanbieders later instappen?", k=3)
    assert hits[0].chunk.chunk_id == "innovatiepartnerschap.md#3"
    assert "niet later instappen" in hits[0].chunk.text


def test_rerank_reorders_the_top_passages_by_their_best_sentence(pipeline: Pipeline) -> None:
    question = "risico's van een marktconsultatie"
    without_hubness = pipeline.settings.model_copy(update={"hub_weight": 0.0})  # the order this test knows
    plain = Pipeline(without_hubness.model_copy(update={"rerank_depth": 0})).retriever.search(question)
    reranked = Pipeline(without_hubness).retriever.search(question)
    plain_ids = [h.chunk.chunk_id for h in plain]
    assert sorted(h.chunk.chunk_id for h in reranked[:4]) == sorted(plain_ids[:4])
    assert [h.chunk.chunk_id for h in reranked[:4]] != plain_ids[:4]  # this question's order does change
    assert [h.chunk.chunk_id for h in reranked[4:]] == plain_ids[4:]
    assert all(h.sentences for h in reranked[:4]) and all(h.sentences is None for h in reranked[4:])
    best = [max(s.strength(plain_ids.index(h.chunk.chunk_id)) for s in h.sentences or ()) for h in reranked[:4]]
    assert best == sorted(best, reverse=True)


def test_a_heading_that_repeats_the_question_ranks_its_passage_below_one_that_answers(pipeline: Pipeline) -> None:
    def hit(name: str, sentence: SentenceScore) -> Hit:
        return Hit(Chunk(name, name, sentence.text, 0), 1.0, sentences=(sentence,))

    heading = hit("fase.md", SentenceScore("3. Commerciële fase", 0, dense=0.880, lexical=0.3, heading=True))
    answer = hit("raming.md", SentenceScore("Geef een raming van de commerciële fase.", 0, dense=0.895, lexical=0.2))
    rerank = pipeline.retriever._rerank
    assert [h.chunk.doc_id for h in rerank("Wat kost de commerciële fase?", [heading, answer], [], lambda h: False)] == [
        "raming.md", "fase.md"
    ]
    sentence = dataclasses.replace(heading, sentences=(dataclasses.replace(heading.sentences[0], heading=False),))
    assert rerank("Wat kost de commerciële fase?", [sentence, answer], [], lambda h: False)[0] is sentence


def test_modes_and_k(pipeline: Pipeline) -> None:
    for mode in ("bm25", "dense", "hybrid"):
        hits = pipeline.retriever.search("valkuil marktconsultatie bekende leveranciers", k=2, mode=mode)
        assert len(hits) <= 2
        assert hits[0].chunk.doc_id == "marktconsultatie.html", mode


def test_document_filter(pipeline: Pipeline) -> None:
    hits = pipeline.retriever.search("Kunnen nieuwe aanbieders later instappen?", doc_ids=["sbir.txt"])
    assert hits and {h.chunk.doc_id for h in hits} == {"sbir.txt"}


def test_a_filter_on_a_document_not_in_the_store_says_so(pipeline: Pipeline) -> None:
    with pytest.raises(UnknownDocument, match="Onbekend document: verdwenen.pdf"):
        pipeline.retriever.search("Kunnen nieuwe aanbieders later instappen?", doc_ids=["sbir.txt", "verdwenen.pdf"])


def test_small_to_big_passages_hold_neighbours(pipeline: Pipeline) -> None:
    hit = pipeline.retriever.search("go/no-go beslissing na elke fase", k=1)[0]
    assert hit.parts[0] != hit.chunk.chunk_id or len(hit.parts) > 1
    assert "go/no-go" in hit.chunk.text and len(hit.chunk.text) <= 2400


def test_a_section_that_opens_at_a_chunks_end_is_shown_once_in_the_passage(tmp_path: Path) -> None:
    market = "De dienst verkent de markt en spreekt met leveranciers over wat er al kan en wat nog niet. " * 4
    choice = "U kiest de technologie die het best past bij de behoefte van de organisatie. " * 4
    pipeline = ingested(tmp_path, {
        "plan.md": "# Stappenplan\n\n## Blockchain\n\nEen blockchain is een verzameling van data die niemand achteraf "
        "kan aanpassen.\n\n## STAP 1: VERKEN DE MARKT\n\nHet traject begint met een verkenning.\n\n"
        f"{market}\n\n## STAP 2: KIES\n\n{choice}\n",
    })
    retriever = pipeline.retriever
    retriever.search("markt")
    chunks = sorted(pipeline.store.all_chunks(), key=lambda chunk: chunk.position)
    opened = [chunk for chunk in chunks if chunk.text.startswith("Het traject begint")]
    assert opened and opened[0].section == "STAP 1: VERKEN DE MARKT"  # the case: its section opened in the chunk before
    for chunk in chunks:
        paragraphs = retriever.expand(chunk)[0].text.split("\n\n")
        assert len(paragraphs) == len(set(paragraphs)), paragraphs
        if "Het traject begint met een verkenning." in paragraphs and "STAP 1: VERKEN DE MARKT" in paragraphs:
            assert paragraphs.index("STAP 1: VERKEN DE MARKT") < paragraphs.index("Het traject begint met een verkenning.")


def test_a_neighbour_shown_only_in_part_is_still_a_passage_of_its_own(tmp_path: Path) -> None:
    dike = " ".join(f"Het hoogheemraadschap versterkt dijkvak {n} van de Lekdijk tussen Amerongen en Schoonhoven."
                    for n in range(1, 17))
    rest = "\n\n".join(" ".join(f"De partijen delen in ronde {n}{m} hun kennis en materieel voor de dijk." for m in range(4))
                       for n in range(1, 9))
    pipeline = ingested(tmp_path, {
        "case.md": f"# Casus\n\n## Hoogheemraadschap\n\n{dike}\n\nEen belangrijk voordeel is dat niemand in silo's werkt."
        f"\n\n{rest}\n",
    }, chunk_words=250, chunk_overlap_words=15)
    retriever = pipeline.retriever
    retriever.search("dijk")
    first, second, *_ = sorted(pipeline.store.all_chunks(), key=lambda chunk: chunk.position)
    best, *others = retriever._passages([(second.chunk_id, 1.0), (first.chunk_id, 0.5)], k=5)
    # the best passage opens with the first chunk's last paragraph only: the dike's own paragraph did not fit
    assert best.parts[0] == first.chunk_id and "Amerongen" not in best.chunk.text
    assert [hit.chunk.chunk_id for hit in others] == [first.chunk_id] and "Amerongen" in others[0].chunk.text


def test_a_passage_reads_on_into_its_own_section_rather_than_the_next(tmp_path: Path) -> None:
    rules = [
        "Zorg voor een zakelijke rechtvaardiging en breng alternatieven in kaart, ook het alternatief om niets te doen.",
        "Toon de meerwaarde aan voor eindgebruikers en de samenleving, zoveel mogelijk met kwantitatieve berekeningen.",
        "Zorg voor draagvlak bij alle betrokken partijen en toets de bestuurlijke en technische haalbaarheid vooraf.",
        "Reorganiseer en standaardiseer eerst de werkprocessen, en ga pas daarna automatiseren wat dan nog handwerk is.",
        "Breng de risico's in kaart en voorkom voortmodderen: uitstel van beëindiging wordt pijnlijker naarmate het duurt.",
        "Leg de verantwoordelijkheid voor het budget en de opdracht bij één persoon, zodat niemand naar een ander wijst.",
        "Verdeel het werk in fases en lever aan het einde van iedere fase een bruikbaar eindproduct af voor gebruikers.",
        "Sluit aan op de standaarden van de overheid; pas in beginsel open standaarden toe en leg uit waarom niet.",
        "Laat buitenstaanders meekijken: kritiek en tegengeluid vergroten de kwaliteit van het project aanzienlijk.",
        "Maak duidelijk hoe ICT-projecten aanbesteed worden en overleg altijd met de markt voordat u aanbesteedt.",
    ]
    listed = "\n".join(f"{n}. Regel {n}: {rule} Zo houdt de organisatie grip op het project." for n, rule in enumerate(rules, 1))
    next_step = "Bij de volgende stap voert u het opschalingsplan uit en stemt u alles af met de organisatie. " * 20
    pipeline = ingested(tmp_path, {
        "plan.md": f"# Stappenplan\n\n## De tien regels\n\nLees de tien regels hieronder:\n\n{listed}\n\n"
        f"## Stap 10\n\n{next_step}\n",
    }, chunk_words=230)
    best = pipeline.retriever.search("Welke regels zijn er voor het aanbesteden van ICT-projecten?", k=1)[0]
    assert best.chunk.section.endswith("De tien regels") and "Regel 10:" in best.chunk.text
    assert "Lees de tien regels hieronder:" in best.chunk.text and "opschalingsplan" not in best.chunk.text


def test_no_two_passages_repeat_a_chunk(pipeline: Pipeline) -> None:
    for question in ("go/no-go beslissing na elke fase", "Welke stappen zijn er bij een innovatiepartnerschap?"):
        parts = [part for hit in pipeline.retriever.search(question, k=10) for part in hit.parts]
        assert len(parts) == len(set(parts)), question


def test_lexical_index_is_rebuilt_after_ingest_and_not_otherwise(pipeline: Pipeline, corpus: Path) -> None:
    retriever = pipeline.retriever
    retriever.search("SBIR haalbaarheidsfase")
    built = retriever.rebuilds
    retriever.search("marktconsultatie")
    retriever.search("innovatiepartnerschap")
    assert retriever.rebuilds == built  # never per question
    (corpus / "dialoog.md").write_text("# Concurrentiegerichte dialoog\n\nDe dialoog past bij complexe opdrachten.\n")
    pipeline.ingest([corpus])
    hits = retriever.search("concurrentiegerichte dialoog complexe opdrachten", k=1)
    assert retriever.rebuilds == built + 1
    assert hits[0].chunk.doc_id == "dialoog.md"


def test_lexical_index_survives_a_restart_from_its_cache(pipeline: Pipeline, tmp_path: Path) -> None:
    pipeline.retriever.search("SBIR")
    fresh = Pipeline(fake_settings(tmp_path))
    fresh.retriever.search("SBIR")
    assert fresh.retriever.rebuilds == 0


def test_a_cached_lexical_index_pickled_before_a_field_was_added_is_rebuilt(tmp_path: Path) -> None:
    index = LexicalIndex.build([Chunk("a", "A", "De wegwijzer stelt vijf vragen.", 0)], revision=3)
    path = tmp_path / "lexical.pkl"
    index.save(path)
    assert LexicalIndex.load(path, 3) is not None
    del index._acronyms  # as pickled by a version without the field
    index.save(path)
    assert LexicalIndex.load(path, 3) is None  # rebuilt, not failing on the missing field later


def test_a_store_built_afresh_does_not_take_the_cached_index_of_the_one_before(tmp_path: Path) -> None:
    def ingest_one(text: str, rebuild: bool) -> Pipeline:
        folder = tmp_path / "docs"
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        (folder / "een.md").write_text(f"# Een\n\n{text}\n", encoding="utf-8")
        pipeline = Pipeline(fake_settings(tmp_path))
        pipeline.ingest([folder], prune=True, rebuild=rebuild)
        return pipeline

    before = ingest_one("De wegwijzer stelt vijf vragen over de inkoopsituatie.", rebuild=False)
    assert before.retriever.search("wegwijzer vragen", k=1, mode="bm25")  # its lexical index is cached
    revision_before = before.store.revision
    after = ingest_one("Het innovatiepartnerschap kent een ontwikkelfase en een commerciële fase.", rebuild=True)
    assert after.store.revision != revision_before  # as many writes, but another store
    hits = after.retriever.search("ontwikkelfase commerciële fase", k=1, mode="bm25")
    assert hits and "ontwikkelfase" in hits[0].chunk.text


def test_empty_store_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(EmptyStore, match="ingest.py"):
        Pipeline(fake_settings(tmp_path)).retriever.search("SBIR")


def test_langchain_adapter(pipeline: Pipeline) -> None:
    adapter = LangChainRetriever(retriever=pipeline.retriever, k=2, doc_ids=["innovatiepartnerschap.md"])
    documents = adapter.invoke("nieuwe aanbieders instappen")
    assert all(isinstance(d, LangChainDocument) for d in documents)
    assert documents[0].metadata["doc"] == "innovatiepartnerschap.md"
    assert len(documents) == 2


@pytest.mark.integration
def test_a_misspelt_word_is_fixed_to_a_word_the_documents_use_often() -> None:
    often = "Het innovatiepartnerschap kent risico's. De elektronische aanbesteding loopt."
    chunks = [Chunk("a", "A", often, i) for i in range(5)] + [Chunk("b", "B", "Het beleid is verankerd.", 5)]
    index = LexicalIndex.build(chunks, revision=1)
    fixes = index.spelling_fixes("Welke risicos kent een innovatiepartnerchap bij veranderd beleid?")
    # "risicos" meets "risico's" by its stem; "verankerd" is rare
    assert fixes == {"innovatiepartnerchap": "innovatiepartnerschap"}
    assert index.spelling_fixes("Hoe werkt elektronisch aanbesteden?") == {}  # another form, not a misspelling
    assert index.spelling_fixes("Wat is een innovatiepartnerschap?") == {}
    steps = LexicalIndex.build([Chunk("c", "C", "De stappen van het stappenplan.", i) for i in range(5)], revision=1)
    assert steps.spelling_fixes("Hoe kunnen we halverwege stoppen?") == {}  # a Dutch word, though not the documents'
    assert corrected("Welke Risicos zijn er?", {"risicos": "risico"}) == "Welke risico zijn er?"
    hyphenated = {"innovatiepartnerchap": "innovatiepartnerschap"}
    assert corrected("Een innovatie-partnerchap?", hyphenated) == "Een innovatie-partnerchap? innovatiepartnerschap"


def test_sentences_are_also_compared_with_the_question_without_its_topic(pipeline: Pipeline) -> None:
    passages = [set(analyse(text)) for text in (
        "Het innovatiepartnerschap kent drie fasen.", "Een innovatiepartnerschap vraagt een meerjarig budget."
    )]

    def focus_of(question: str, retriever: Retriever = pipeline.retriever) -> np.ndarray | None:
        return retriever._focus_vector(question, set(analyse(question)), passages)

    question = "Welke problemen met budgetten kent een innovatiepartnerschap?"
    focus = focus_of(question)  # "innovatiepartnerschap" is in both: the topic
    assert focus is not None
    assert np.allclose(focus, pipeline.retriever.embedder.embed_query("Welke problemen met budgetten kent een"))
    assert focus_of("Welke problemen zijn er met een innovatiepartnerschap?") is None  # one word left
    assert focus_of("Hoe werkt SBIR precies?") is None  # nothing shared
    off = Pipeline(pipeline.settings.model_copy(update={"focus_weight": 0.0})).retriever
    assert focus_of(question, off) is None


def test_a_named_step_is_found_by_its_section_title(tmp_path: Path) -> None:
    body = "U verkent de markt, de technologie en wat collega's elders al hebben geprobeerd. " * 3
    plan = tmp_path / "plan" / "stappenplan.md"
    plan.parent.mkdir()
    plan.write_text(
        "# Handreiking\n\n## STAP 1: VERKENNEN\n\n" + body + "\n\n## STAP 2: SELECTEREN\n\n"
        + "U kiest uit de gevonden technologieën de twee die het best bij de behoefte van de organisatie passen. " * 3
        + "\n\n## STAP 3: EVALUEREN\n\n"
        + "Na stap 2 bekijkt u met de uitkomsten van stap 2 en de criteria uit stap 2 of het gelukt is. " * 3,
        encoding="utf-8",
    )
    pipeline = Pipeline(fake_settings(tmp_path))
    pipeline.ingest([plan.parent])
    assert not pipeline.retriever.search("Wat is stap 2?", mode="bm25")[0].chunk.section.startswith("STAP 2")
    hits = pipeline.retriever.search("Wat is stap 2?")
    assert hits[0].chunk.section.startswith("STAP 2")  # found by its title, not by the lines that mention it
    answer = pipeline.ask("Wat is stap 2?")
    assert answer.text.startswith("U kiest uit de gevonden technologieën")
    (plan.parent / "ander.md").write_text("# Ander\n\n## Inleiding\n\n" + body, encoding="utf-8")
    pipeline.ingest([plan.parent])
    assert {h.chunk.doc_id for h in pipeline.retriever.search("Wat is stap 2?", doc_ids=["ander.md"])} == {"ander.md"}


def test_a_step_or_phase_is_named_by_its_headings_words() -> None:
    plan = [
        Chunk("plan", "Handreiking digitale innovatie", "U beschrijft wat de organisatie daarna doet.", 0,
              section="STAP 6: MAAK EEN OPSCHALINGSPLAN"),
        Chunk("plan", "Handreiking digitale innovatie", "Evalueer met de ondernemers.\nSTAP 9: EVALUEER DE RESULTATEN\n"
              "U kijkt terug en vooruit.", 1),
        Chunk("ip", "Innovatiepartnerschap", "2. Ontwikkelfase\nDe ontwikkelfase kent verschillende stappen.", 2),
    ]
    index = LexicalIndex.build(plan, revision=1)
    assert index.parts_titled("Hoe maak ik een opschalingsplan?") == {("stap", "6")}
    assert index.parts_titled("Hoe evalueer ik de resultaten?") == {("stap", "9")}  # a heading in the text
    # the document's title may be said too, and one word more
    assert index.parts_titled("Wat houdt de ontwikkelfase van een innovatiepartnerschap in?") == {("fase", "2")}
    assert index.parts_titled("Wat gebeurt er in de ontwikkelfase?") == {("fase", "2")}
    # the steps inside a phase are asked about that phase; a modal verb asks nothing more
    assert index.parts_titled("Welke stappen kun je in de ontwikkelfase doorlopen?") == {("fase", "2")}
    # more than the step: when to make the plan and what it costs
    assert not index.parts_titled("Moet ik vooraf schatten wat het opschalingsplan maken gaat kosten?")
    assert not index.parts_titled("Wat staat er in een opschalingsplan?")  # not all the heading's words


def test_a_named_phase_is_looked_for_in_the_document_the_question_is_about(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    topics = ["het budget", "de planning", "de jury", "het prototype", "de ondernemers", "de opschaling"]
    (folder / "sbir.md").write_text("# SBIR\n\n" + "\n\n".join(
        f"Over {topic} bij SBIR: in fase 2 van SBIR gaat het om {topic}, dat vraagt geld. " * 3 for topic in topics
    ))
    (folder / "partnerschap.md").write_text(
        "# Partnerschap\n\n## 1. Verkenningsfase\n\nDe partners verkennen de markt samen.\n\n"
        "## 2. Ontwikkelfase\n\nDe partners ontwikkelen het product en krijgen per mijlpaal betaald.\n"
    )
    pipeline = Pipeline(fake_settings(tmp_path))
    pipeline.ingest([folder])
    question = "Hoeveel geld krijgt een ondernemer in fase 2 van SBIR?"
    assert {hit.chunk.doc_id for hit in pipeline.retriever.search(question)[:3]} == {"sbir.md"}
    assert "Ontwikkelfase" not in pipeline.ask(question).text
    assert "2. Ontwikkelfase" in pipeline.retriever.search("Wat doen de partners in fase 2?")[0].chunk.text


def test_a_named_step_comes_from_the_document_about_the_rest_of_the_question(tmp_path: Path) -> None:
    """The plan that mentions proeftuinen ranks first, but the proeftuin guide is about them; its steps are short,
    so step 3 opens in the middle of a chunk."""
    steps = ["doel", "locatie", "deelnemers"]
    pipeline = ingested(tmp_path, {
        "plan.md": "# Stappenplan\n\n## STAP 3: BESCHRIJF DE EISEN\n\n"
        + "Wat is de proeftuin van stap 3? Een proeftuin of pilot past bij stap 3 van de proeftuin. " * 4
        + "\n\n## STAP 4: BEPAAL CRITERIA\n\n" + "De criteria voor het plan volgen uit de behoefte. " * 4
        + "\n\n## STAP 5: UITWERKEN\n\n" + "U werkt de uitkomsten van het plan uit. " * 4,
        "proeftuin.md": "# Handreiking proeftuinen\n\n" + "\n\n".join(
            f"## STAP {n}: {step.upper()}\n\nIn de proeftuin kiest u de {step}." for n, step in enumerate(steps, start=1)
        ),
    })
    question = "Wat is stap 3 van de proeftuin?"
    assert pipeline.retriever.search("Wat is de proeftuin?")[0].chunk.doc_id == "plan.md"
    hits = pipeline.retriever.search(question)
    assert hits[0].chunk.doc_id == "proeftuin.md"
    assert "STAP 3" not in hits[0].chunk.section  # it opens inside the chunk of step 2
    assert pipeline.ask(question).text.startswith("In de proeftuin kiest u de deelnemers.")
    assert pipeline.ask("Wat is stap 2 van de proeftuin?").text == "In de proeftuin kiest u de locatie. [1]"


def test_the_steps_come_from_the_document_about_the_rest_of_the_question(tmp_path: Path) -> None:
    pipeline = ingested(tmp_path, {
        "plan.md": "# Stappenplan\n\n" + "\n\n".join(
            f"## STAP {n}: {title}\n\n" + f"Bij het {title.lower()} van digitale technologie kiest u een aanpak. " * 4
            for n, title in enumerate(["VERKENNEN", "SELECTEREN", "ONTWIKKELEN"], start=1)
        ) + "\n\n## Vormen\n\n" + "Welke stappen zet u in een proeftuin of een pilot? Dat hangt af van de vorm. " * 2,
        "proeftuin.md": "# Handreiking proeftuinen\n\n" + "\n\n".join(
            f"## STAP {n}: {title}\n\nIn de proeftuin is dit stap {n}." for n, title in enumerate(
                ["BEPAAL HET DOEL", "KIES DE LOCATIE", "SELECTEER DE DEELNEMERS"], start=1)
        ),
    })
    question = "Welke stappen zet ik in een proeftuin?"
    assert pipeline.retriever.search(question)[0].chunk.doc_id == "plan.md"
    answer = pipeline.ask(question)
    assert [line.split(":")[0] for line in answer.text.splitlines()] == ["- STAP 1", "- STAP 2", "- STAP 3"]
    assert "BEPAAL HET DOEL" in answer.text and {c.chunk.doc_id for c in answer.citations} == {"proeftuin.md"}


@pytest.mark.parametrize(
    ("document", "question", "shares"),
    [
        # a sentence naming the topic and its synonym names one thing the question asks; the thesaurus adds
        # "(pilot experiment budget financiering)"
        ("Een proeftuin of pilot is een test in de praktijk. Vaak betaalt de overheid de kosten.",
         "Wie betaalt de kosten in een proeftuin?",
         {"Een proeftuin of pilot is een test in de praktijk.": 1 / 3, "Vaak betaalt de overheid de kosten.": 2 / 3}),
        # what a source says about a topic is scored by the topic, not by who says it: only "opdelen" (with the
        # thesaurus's "verdelen") and "project" count
        ("Het bureau toetst grote projecten van de overheid. Verdeel een project in fases.",
         "Wat zegt het bureau over het opdelen van een project?",
         {"Het bureau toetst grote projecten van de overheid.": 1 / 2, "Verdeel een project in fases.": 2 / 2}),
    ],
)
def test_a_sentences_share_counts_each_thing_the_question_asks_once(
    tmp_path: Path, document: str, question: str, shares: dict[str, float]
) -> None:
    retriever = ingested(tmp_path, {"doc.md": f"# Een titel\n\n{document}\n"}).retriever
    searched = retriever.query(question)
    (hit,) = retriever.with_sentences(searched, retriever.search(searched, k=1))
    share = {s.text: s.lexical for s in hit.sentences or ()}
    assert {text: share[text] for text in shares} == pytest.approx(shares)


def test_a_section_titled_by_what_the_question_asks_about_comes_first(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    praise = "Het partnerschap is een krachtig instrument, zeggen de gemeenten die het gebruikten. " * 3
    (folder / "partnerschap.md").write_text(
        "# Het partnerschap\n\n## Ervaringen\n\n"
        + "De nadelen van het partnerschap bleken bij de gemeenten mee te vallen, het partnerschap beviel goed. " * 3
        + "\n\n## Beperkingen\n\n" + praise + "Het vraagt veel tijd om het voor te bereiden.\n\n"
        + "## Onderzoek nadelen\n\n" + "Een bureau onderzocht hoe gemeenten werken. " * 3,
        encoding="utf-8",
    )
    pipeline = Pipeline(fake_settings(tmp_path))
    pipeline.ingest([folder])
    question = "Wat zijn de nadelen van het partnerschap?"  # the thesaurus adds "beperkingen"
    off = Pipeline(pipeline.settings.model_copy(update={"aspect_weight": 0.0})).retriever
    assert off.search(question)[0].chunk.section != "Beperkingen"
    assert pipeline.retriever.search(question)[0].chunk.section == "Beperkingen"


def test_a_section_titled_by_the_theme_of_the_asked_aspect_comes_first(tmp_path: Path) -> None:
    pipeline = ingested(tmp_path, {
        "knelpunten.md": "# Knelpunten bij innovatiegericht inkopen\n\n## Opdracht\n\n"
        + "De werkgroep inventariseert welke knelpunten overheden ervaren, ook op financieel en juridisch gebied. " * 3
        + "\n\n## Financieel\n\n### Lange looptijd\n\n" + "Meerjarige budgetten ontbreken vaak bij de overheid. " * 3
        + "\n\n## Juridisch\n\n" + "Het is niet altijd duidelijk welke staatssteunregels gelden. " * 3
        + "\n\n## Politiek/Bestuurlijk\n\n" + "Werken vanuit een abstracte ambitie is lastig voor de markt. " * 3
        + "".join(f"\n\n## {topic.capitalize()}\n\n" + f"Over {topic} zegt de werkgroep veel goeds. " * 4
                  for topic in ("de planning", "de markt", "het team", "de website")),
    })
    off = Pipeline(pipeline.settings.model_copy(update={"aspect_weight": 0.0})).retriever
    financial = "Welke knelpunten zijn er op financieel gebied?"
    assert off.search(financial)[0].chunk.section.endswith("Opdracht")
    assert pipeline.retriever.search(financial)[0].chunk.section == "Financieel › Lange looptijd"  # a subsection
    legal = pipeline.ask("Welke juridische knelpunten zijn er?")  # a section opening inside a chunk
    assert legal.text.startswith("Het is niet altijd duidelijk welke staatssteunregels gelden.")
    named_theme = "Welke politieke knelpunten zijn er bij innovatiegericht inkopen?"  # the theme, not the words
    assert "Werken vanuit een abstracte ambitie" in pipeline.retriever.search(named_theme)[0].chunk.text
    political = pipeline.retriever.aspect_section("Welke politieke knelpunten zijn er?")
    assert political("Politiek/Bestuurlijk", "") and political("Politiek en planning", "")  # one of a pair of themes
    assert not political("Politiek draagvlak voor de planning", "")  # no theme: a heading about something
    knowledge = pipeline.retriever.aspect_section("Welke knelpunten zijn er op het gebied van kennis?")
    assert knowledge("Kennis en ervaring", "")


def test_a_broad_question_on_an_aspect_gets_the_section_presenting_it_as_a_whole(tmp_path: Path) -> None:
    filler = "".join(f"\n\n## {topic.capitalize()}\n\n" + f"Bij innovatiegericht inkopen telt {topic} ook mee. " * 4
                     for topic in ("de planning", "de markt", "het team", "de website"))
    pipeline = ingested(tmp_path, {
        "knelpunten.md": "# Knelpunten bij innovatiegericht inkopen\n\n## Opdracht\n\n"
        + "De werkgroep moet de knelpunten rondom innovatiegericht inkopen identificeren. " * 3
        + "\n\n## Identificeren van belemmeringen\n\n"
        + "Daarbij kwam naar voren: een vage opdracht, geen meerjarige budgetten en weinig kennis. " * 3
        + "\n\n## Financieel\n\n" + "Meerjarige budgetten ontbreken vaak bij de overheid. " * 3 + filler,
    })
    broad = "Welke knelpunten zijn er bij innovatiegericht inkopen?"  # its words are the document's subject
    # "Daarbij" points back: the section's heading says at what
    assert pipeline.ask(broad).text.startswith("Identificeren van belemmeringen: Daarbij kwam naar voren: een vage opdracht")
    assert pipeline.retriever.aspect_section(broad)("Belemmeringen", "Innovatiegericht inkopen kost geld.")  # two names
    text = "Bij innovatiegericht inkopen ontbreekt de jurisprudentie."
    assert pipeline.retriever.aspect_section(broad)("Identificeren van belemmeringen", text)
    # who meets them narrows nothing: the document need not speak of "inkopers" throughout
    felt = pipeline.retriever.aspect_section("Welke knelpunten ervaren inkopers bij innovatiegericht inkopen?")
    assert felt("Identificeren van belemmeringen", text)
    narrow = pipeline.retriever.aspect_section("Welke knelpunten met jurisprudentie zijn er bij innovatiegericht inkopen?")
    assert not narrow("Identificeren van belemmeringen", text)  # the document says little of jurisprudentie


def test_an_aspect_section_must_name_a_whole_word_of_the_questions_subject(tmp_path: Path) -> None:
    pipeline = ingested(tmp_path, {
        "partnerschap.md": "# Het innovatiepartnerschap\n\n"
        + "Een partnerschap voor innovatie: het innovatiepartnerschap brengt innovatie en partnerschap samen. " * 3,
    })
    pipeline.retriever.search("innovatiepartnerschap")
    on_aspect = pipeline.retriever.aspect_section("Wat zijn de nadelen van een innovatiepartnerschap?")
    assert on_aspect("Nadelen", "Het innovatiepartnerschap vraagt veel voorbereiding.")
    assert not on_aspect("Nadelen", "Innovatie vraagt een lange adem.")  # a part of the subject's word, said everywhere
    # "Is het een nadeel dat …?" asks about one case, which the section on the drawbacks may not mention
    one_case = pipeline.retriever.aspect_section("Is het een nadeel dat het innovatiepartnerschap lang duurt?")
    assert not one_case("Nadelen", "Het innovatiepartnerschap vraagt veel voorbereiding.")
    # as do "Welk nadeel …?" and "het tweede nadeel", one of them, unlike "Welke nadelen …?"
    for one_of_them in ("Welk nadeel moet ik bij een innovatiepartnerschap uitbannen?",
                        "Wat is het tweede nadeel van een innovatiepartnerschap?"):
        one = pipeline.retriever.aspect_section(one_of_them)
        assert not one("Nadelen", "Het innovatiepartnerschap vraagt veel voorbereiding."), one_of_them
    several = pipeline.retriever.aspect_section("Welke nadelen heeft een innovatiepartnerschap?")
    assert several("Nadelen", "Het innovatiepartnerschap vraagt veel voorbereiding.")


def test_an_aspect_section_names_the_specific_name_the_question_says(tmp_path: Path) -> None:
    # a name is specific when few chunks say it: one section in twenty
    sections = "".join(f"## Onderwerp {n}\n\nHet innovatiepartnerschap in situatie {n}. " + "Tekst. " * 150 + "\n\n"
                       for n in range(20))
    visie = "## Visie\n\nVolgens econoom Mariana Mazzucato creëert de overheid nieuwe markten.\n\n"
    pipeline = ingested(tmp_path, {"partnerschap.md": f"# Partnerschap\n\n{visie}{sections}"})
    pipeline.retriever.search("innovatiepartnerschap")
    # "volgens Mazzucato": another's drawbacks are not hers
    by_name = pipeline.retriever.aspect_section("Wat zijn de nadelen van een innovatiepartnerschap volgens Mazzucato?")
    assert by_name("Nadelen", "Mazzucato: het innovatiepartnerschap vraagt veel voorbereiding.")
    assert not by_name("Nadelen", "Het innovatiepartnerschap vraagt veel voorbereiding.")


def test_a_section_titled_by_the_asked_aspect_comes_before_passages_that_only_name_it(tmp_path: Path) -> None:
    mentions = "".join(
        f"\n\n## {topic.capitalize()}\n\n" + f"De grootste knelpunten bij innovatiegericht inkopen raken {topic}. " * 4
        for topic in ("de planning", "de markt", "het team", "de website", "de begroting", "de directie", "de inkoop",
                      "de raad", "de wethouder", "de burger", "de leverancier", "de jurist", "de controller")
    )
    pipeline = ingested(tmp_path, {
        "rapport.md": "# Rapport van de werkgroep innovatiegericht inkopen" + mentions + "\n\n## Identificeren van belemmeringen\n\n"
        + "Tijdens de inventarisatie zijn belemmeringen per thema geclusterd\n\n- Financieel\n- Juridisch\n- Mindset\n",
    })
    question = "Wat zijn de grootste knelpunten bij innovatiegericht inkopen?"
    assert pipeline.retriever.search(question)[0].chunk.section == "Identificeren van belemmeringen"
    # the line announcing the list lacks its colon, but its verb makes it a sentence, not a heading
    assert pipeline.ask(question).text == (
        "Tijdens de inventarisatie zijn belemmeringen per thema geclusterd\n- Financieel\n- Juridisch\n- Mindset [1]"
    )



def test_of_an_aspect_section_the_chunk_it_opens_in_comes_first(tmp_path: Path) -> None:
    preamble = "Uit de inventarisatie blijkt dat er veel enthousiasme is om vaker te vernieuwen bij gemeenten. " * 6
    later = "De aanbevelingen van de werkgroep gaan over kennis delen en de aanbevelingen van de werkgroep zijn concreet. "
    pipeline = ingested(tmp_path, {
        "rapport.md": "# Rapport van de werkgroep\n\n## Inleiding\n\n" + "De werkgroep kwam vaak bijeen. " * 8
        + "\n\n## Overkoepelende aanbevelingen\n\n" + preamble + "\n\n" + later * 8,
    })
    first = pipeline.retriever.search("Welke aanbevelingen doet de werkgroep?")[0]
    assert first.chunk.section == "Overkoepelende aanbevelingen"  # "overkoepelende" narrows nothing
    assert "Overkoepelende aanbevelingen\n\nUit de inventarisatie blijkt" in first.chunk.text


def test_a_section_titled_by_aspects_only_is_the_answer_to_a_question_on_one_of_them(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    intro = "Deze handreiking over de dialoog helpt inkopers bij het kiezen van de dialoog. " * 3
    (folder / "dialoog.md").write_text(
        "# De dialoog\n\n## Inleiding\n\n" + intro + "\n\n## Risico's en valkuilen\n\n"
        + "Een belangrijk risico is dat het traject te lang duurt. Ook kost het de deelnemers veel geld.\n",
        encoding="utf-8",
    )
    pipeline = Pipeline(fake_settings(tmp_path))
    pipeline.ingest([folder])
    question = "Wat zijn de risico's van de dialoog?"  # the heading also names valkuilen, another aspect
    off = Pipeline(pipeline.settings.model_copy(update={"aspect_weight": 0.0, "hub_weight": 0.0}))
    assert off.retriever.search(question)[0].chunk.section != "Risico's en valkuilen"
    assert pipeline.retriever.search(question)[0].chunk.section == "Risico's en valkuilen"
    assert pipeline.ask(question).text.startswith("Een belangrijk risico is dat het traject te lang duurt.")
    on_aspect = pipeline.retriever.aspect_section(question)
    assert on_aspect("Veelvoorkomende risico's", "De dialoog duurt lang.")  # a qualifier narrows nothing
    assert not on_aspect("Risico's van de vergoeding", "De dialoog duurt lang.")  # the question names no vergoeding
    assert not on_aspect("Risico's", "Het partnerschap duurt lang.")  # the text is not about the dialoog
    # another document's aspect section does not answer a question about this one's subject
    topics = ["het doel", "de planning", "de uitnodiging", "het verslag"]
    (folder / "consultatie.md").write_text("# Marktconsultatie\n\n" + "\n\n".join(
        f"## {topic.capitalize()}\n\n" + f"Bij een marktconsultatie let u op {topic} van de marktconsultatie. " * 4
        for topic in topics
    ), encoding="utf-8")
    pipeline.ingest([folder])
    answer = pipeline.ask("Waar moet ik op letten bij een marktconsultatie?")  # the thesaurus adds valkuilen
    assert {citation.chunk.doc_id for citation in answer.citations} == {"consultatie.md"}


def test_named_parts_and_their_headings() -> None:
    assert named_parts("Wat gebeurt er in Stap 4 en fase 2?") == {("stap", "4"), ("fase", "2")}
    assert opens_named_part("STAP 4: BEPAAL CRITERIA OM DE INNOVATIE", {("stap", "4")})
    assert opens_named_part("2. Ontwikkelfase", {("fase", "2")}) and opens_named_part("3. Commerciële fase", {("fase", "3")})
    assert not opens_named_part("2. Ontwikkelfase", {("fase", "3")})
    assert not opens_named_part("Op basis van de criteria uit Stap 4 stelt u vast of het lukt.", {("stap", "4")})
    overview = "Stap 4: Bepalen criteria Stap 5: Uitwerken uitkomsten Stap 6: Opstellen opschalingsplan Stap 7: Ontwerpen"
    assert not opens_named_part(overview, {("stap", "4")})  # an overview of steps, not step 4's heading


def test_paraphrased_question_finds_its_passage(real_pipeline: Pipeline) -> None:
    hits = real_pipeline.retriever.search("Mag een bedrijf dat pas later een beter idee heeft nog meedoen?", k=3)
    assert hits[0].chunk.doc_id == "innovatiepartnerschap.md"
    assert "niet later instappen" in " ".join(h.chunk.text for h in hits[:2])


def test_buyer_words_find_the_passage_in_the_documents_words(pipeline: Pipeline) -> None:
    question = "Hoe regel ik dat we halverwege kunnen stoppen?"
    plain = Pipeline(pipeline.settings.model_copy(update={"query_expansion": False})).retriever
    assert not plain.search(question, k=3, mode="bm25")  # none of its words is in the documents
    hits = pipeline.retriever.search(question, k=3, mode="bm25")
    assert "tussentijds kan beëindigen" in hits[0].chunk.text


def test_a_window_in_a_crowded_neighbourhood_is_discounted() -> None:
    crowd = np.array([[1.0, 0.0, 0.0], [0.98, 0.2, 0.0], [0.98, 0.0, 0.2], [0.98, -0.2, 0.0]], dtype=np.float32)
    loner = np.array([[0.0, 0.0, 1.0]], dtype=np.float32)
    vectors = np.vstack([crowd, loner])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    hubness = Hubness.build(["hub", "a", "b", "c", "loner"], vectors, revision=7)
    assert hubness.excess["hub"] > 0 > hubness.excess["loner"]
    assert abs(sum(hubness.excess.values())) < 1e-6  # relative to the average window
    found = [("hub", 0.86), ("loner", 0.85)]
    assert [i for i, _ in hubness.discount(found, weight=0.5)] == ["loner", "hub"]
    assert hubness.discount(found, weight=0.0) == found


def test_hubness_is_derived_with_the_lexical_index_and_cached(pipeline: Pipeline, tmp_path: Path) -> None:
    derived = pipeline.retriever.derived()
    lexical, hubness = derived.lexical, derived.hubness
    window_ids, _ = pipeline.store.all_vectors()
    assert set(hubness.excess) == set(window_ids) and hubness.revision == lexical.revision == pipeline.store.revision
    assert Hubness.load(pipeline.settings.cache_dir / "hubness-pianoo.npz", hubness.revision) == hubness
    assert Hubness.load(pipeline.settings.cache_dir / "hubness-pianoo.npz", hubness.revision + 1) is None


def test_all_vectors_are_read_whole_also_when_windows_arrive_while_reading(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids, vectors = pipeline.store.all_vectors()
    assert len(ids) == len(set(ids)) == vectors.shape[0] > 1 and vectors.dtype == np.float32
    monkeypatch.setattr(pipeline.store._windows, "count", lambda: 1)  # as if counted before an ingest wrote more
    grown_ids, grown = pipeline.store.all_vectors()
    assert grown_ids == ids and np.array_equal(grown, vectors)


def test_exact_search_finds_the_nearest_vectors_in_store_order_on_a_tie() -> None:
    ids = ["a.txt#0", "a.txt#1", "b.txt#0~1", "b.txt#0~2"]
    index = VectorIndex.build(ids, np.array([[1, 0], [0, 2], [3, 4], [3, 4]], dtype=np.float32), 7)  # made unit length
    assert index.search([0.6, 0.8], 3) == [("b.txt#0~1", pytest.approx(1.0)), ("b.txt#0~2", pytest.approx(1.0)),
                                           ("a.txt#1", pytest.approx(0.8))]
    assert [i for i, _ in index.search([1, 0], 10, doc_ids=["a.txt"])] == ["a.txt#0", "a.txt#1"]
    assert index.search([1, 0], 2, doc_ids=["c.txt"]) == []


def test_exact_dense_search_is_derived_cached_and_agrees_with_chromas_index(pipeline: Pipeline, tmp_path: Path) -> None:
    derived = pipeline.retriever.derived()
    assert derived.chunk_vectors is not None and derived.window_vectors is not None
    assert sorted(derived.window_vectors.ids) == sorted(pipeline.store.all_vectors()[0])
    cached = VectorIndex.load(pipeline.settings.cache_dir / "window-vectors-pianoo.npz", derived.lexical.revision)
    assert cached is not None and cached.ids == derived.window_vectors.ids
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(b"half a file")
    assert VectorIndex.load(damaged, derived.lexical.revision) is None  # rebuilt, not misread
    vector = pipeline.embedder.embed_query("Hoe verloopt de commerciële fase?")
    for kind, exact in (("chunk", derived.chunk_vectors), ("window", derived.window_vectors)):
        found = exact.search(vector, 5)
        by_index = pipeline.store.search(vector, 5, kind=kind)  # a small store: Chroma's index finds the same
        assert [i for i, _ in found] == [i for i, _ in by_index]
        assert [s for _, s in found] == pytest.approx([s for _, s in by_index], abs=1e-5)
    with_index = Pipeline(fake_settings(tmp_path, dense_search="index"))
    assert with_index.retriever.derived().window_vectors is None
    question = "Wat gebeurt er in de commerciële fase?"
    assert [h.chunk.chunk_id for h in with_index.retriever.search(question)] == [
        h.chunk.chunk_id for h in pipeline.retriever.search(question)
    ]


def test_a_sentence_naming_the_place_a_question_asks_about_wins_a_near_tie(tmp_path: Path) -> None:
    filler = "Innovatiegericht inkopen helpt overheden om maatschappelijke opgaven op te lossen met nieuwe oplossingen."
    documents = {f"thema{i}.md": f"# Thema {i}\n\n{filler} Thema {i} vraagt om kennis en budget.\n" for i in range(30)}
    documents["buitenland.md"] = "# Buitenland\n\nIn Duitsland ondersteunt het kenniscentrum KOINNO innovatief inkopen.\n"
    pipeline = ingested(tmp_path, documents)
    retriever = pipeline.retriever
    question = "Welke organisatie in Duitsland ondersteunt innovatief inkopen?"
    hits = retriever.with_sentences(question, retriever.search(question, k=10))
    flagged = {s.text for hit in hits for s in hit.sentences or () if s.names_asked}
    assert flagged == {"In Duitsland ondersteunt het kenniscentrum KOINNO innovatief inkopen."}
    common = "Wat vraagt Thema 3?"  # a name most passages say
    assert not any(s.names_asked for hit in retriever.with_sentences(common, retriever.search(common, k=10))
                   for s in hit.sentences or ())
    plain = SentenceScore("Innovatief inkopen wordt overal ondersteund.", 0, dense=0.86, lexical=0.5)
    named = SentenceScore("In Duitsland doet KOINNO dat.", 1, dense=0.83, lexical=0.5, names_asked=True)
    assert named.strength(0) > plain.strength(0)


def test_a_sentence_after_one_naming_the_asked_place_in_its_section_gets_part_of_the_bonus(tmp_path: Path) -> None:
    filler = "Innovatiegericht inkopen helpt overheden om maatschappelijke opgaven op te lossen met nieuwe oplossingen."
    documents = {f"thema{i}.md": f"# Thema {i}\n\n{filler} Thema {i} vraagt om kennis en budget.\n" for i in range(30)}
    documents["buitenland.md"] = (
        "# Buitenland\n\nIn Duitsland begon een challenge. Uiteindelijk won een Japanse fabrikant.\n\n"
        "## Elders\n\nIn Frankrijk won een start-up.\n"
    )
    retriever = ingested(tmp_path, documents).retriever
    question = "Wie won de challenge in Duitsland?"
    hits = retriever.with_sentences(question, retriever.search(question, k=10))
    after = {s.text for hit in hits for s in hit.sentences or () if s.named_before}
    assert after == {"Uiteindelijk won een Japanse fabrikant."}  # not past the next heading
    told = SentenceScore("Uiteindelijk won een Japanse fabrikant.", 1, dense=0.85, lexical=0.5, named_before=True)
    plain = dataclasses.replace(told, named_before=False)
    named = dataclasses.replace(told, names_asked=True)
    assert plain.strength(0) < told.strength(0) < named.strength(0)
