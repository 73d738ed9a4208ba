"""Cited extractive answers, refusals, follow-up questions and odd input."""

import dataclasses
import json
from pathlib import Path

import pytest

from assistant.answering import (
    ExtractiveAnswerer,
    _asks_inside_a_step,
    _definition_first,
    _heading_first,
    _listing_first,
    _more_from_quoted,
    _quantity_first,
    _quotable,
    _step_after,
    _way_of_working,
    asks_for_steps,
    compose,
    question_parts,
)
from assistant.cli import main as cli_main
from assistant.cli import render
from assistant.conversation import Turn, resolve
from assistant.lexical import named_parts, opens_named_part
from assistant.models import Chunk, Hit, SentenceScore
from assistant.phrasing import ASKS_A_VIEW
from assistant.pipeline import Pipeline
from assistant.quotes import ScoredUnit, fit, lists, span, stands_alone, step_outline
from assistant.refusal import CAUTION
from assistant.sentences import about_document, is_further_reading, looks_like_heading, reads_as_names, split_sentences
from assistant.serialize import answer_to_dict
from assistant.settings import Settings

from .conftest import ingested


def test_steps_question_returns_the_steps_as_a_cited_list(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Welke stappen zijn er bij een innovatiepartnerschap?")
    lines = answer.text.splitlines()
    assert [line.split(":")[0].split(" [")[0] for line in lines] == [
        "- 1. Vraagarticulatie", "- 2. Mededingingsfase", "- 3. Ontwikkelfase", "- 4. Commerciële fase"
    ]
    assert all(line.rstrip().endswith("]") for line in lines)


def test_the_step_after_a_named_one_is_the_next_of_the_outline(pipeline: Pipeline) -> None:
    for question in ("Welke fase komt na de mededingingsfase?", "Wat gebeurt er na fase 2 van het innovatiepartnerschap?"):
        answer = pipeline.ask(question)
        assert answer.text.startswith("- 3. Ontwikkelfase") and answer.text.count("\n") == 0, question


def test_what_happens_after_every_phase_names_no_phase_to_follow() -> None:
    outline = [_unit(f"- {n}. {title}: De {title.lower()} van het partnerschap.", n)
               for n, title in enumerate(["Vraagarticulatie", "Mededingingsfase", "Ontwikkelfase", "Commerciële fase"])]
    assert _step_after(outline, "afloop van elke fase van het partnerschap") is None
    assert _step_after(outline, "de mededingingsfase") is outline[2]


def test_citations_are_numbered_in_order_and_point_to_retrieved_passages(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Welke stappen zijn er bij een innovatiepartnerschap?")
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    retrieved = [h.chunk for h in answer.retrieved]
    for citation in answer.citations:
        assert f"[{citation.n}]" in answer.text
        assert citation.chunk in retrieved
        assert all(sentence.split(": ")[-1] in citation.chunk.text for sentence in citation.sentences)


def test_answer_quotes_the_passage(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Kunnen nieuwe aanbieders later instappen?")
    assert not answer.refused
    assert answer.text == (
        "Nieuwe aanbieders kunnen niet later instappen, ook niet als zij een betere oplossing hebben ontwikkeld. [1]"
    )
    assert answer.citations[0].chunk.doc_id == "innovatiepartnerschap.md"


def test_off_topic_question_is_refused_with_nearest_passages(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Wat is de hoofdstad van Frankrijk?")
    assert answer.refused and not answer.citations
    assert "geen antwoord" in answer.text
    assert answer.retrieved  # shown as "misschien relevant"


def test_a_question_about_a_year_no_document_mentions_is_refused(pipeline: Pipeline) -> None:
    assert not pipeline.ask("Kunnen nieuwe aanbieders later instappen?").refused
    assert pipeline.ask("Kunnen nieuwe aanbieders in 2031 later instappen?").refused


def test_the_similarity_floor_compares_the_sentences_with_the_question_itself(pipeline: Pipeline) -> None:
    """A sentence's score blends in its similarity to the question without its topic, which moves with the passages
    found; whether anything is near enough to answer is judged on the question itself."""
    question = "Kunnen nieuwe aanbieders later instappen?"
    hits = pipeline.retriever.with_sentences(question, pipeline.retriever.search(question))
    answerer = ExtractiveAnswerer(pipeline.retriever, pipeline.settings.model_copy(update={"min_similarity": 0.9}))

    def answered_with(dense: float, question_similarity: float) -> bool:
        rescored = [dataclasses.replace(hit, sentences=tuple(
            dataclasses.replace(s, dense=dense, question_similarity=question_similarity) for s in hit.sentences or ()
        )) for hit in hits]
        return not answerer.answer(question, rescored).refused

    assert answered_with(dense=0.5, question_similarity=0.95)
    assert not answered_with(dense=0.95, question_similarity=0.5)


@pytest.mark.parametrize("question", ["", "?!?!", "1234 5678", "x" * 50_000])
def test_noise_and_huge_questions_get_a_polite_answer_fast(pipeline: Pipeline, question: str) -> None:
    answer = pipeline.ask(question)
    assert answer.refused and not answer.retrieved
    assert answer.latency_ms < 100
    assert ("te lang" in answer.text) == (len(question) > 2000)


def test_follow_up_is_resolved_against_the_previous_question() -> None:
    history = [Turn("Welke stappen zijn er bij een innovatiepartnerschap?", "…")]
    assert resolve("En wat zijn daarvan de risico's?", history) == (
        "En wat zijn daarvan de risico's? (innovatiepartnerschap)"  # the subject, not what was asked of it
    )
    assert resolve("Wat is SBIR precies en voor wie is het bedoeld?", history).startswith("Wat is SBIR")
    assert resolve("Welke stap komt daarna?", []) == "Welke stap komt daarna?"


def test_a_question_asking_only_what_it_asks_of_a_subject_is_a_follow_up() -> None:
    history = [Turn("Wat is een proeftuin?", "…")]
    for question in ("Wie betaalt de kosten?", "Welke fasen zijn er?", "Wat zijn de risico's?", "Welke tips zijn er?",
                     "Hoeveel geld krijgt een ondernemer?"):
        assert resolve(question, history) == f"{question} (proeftuin)"
    for question in ("Wat is een prijsvraag?", "Welke knelpunten ervaren inkopers bij innovatiegericht inkopen?"):
        assert resolve(question, history) == question  # names a subject of its own
    aspect_asked = [Turn("Wat zijn de risico's van een innovatiepartnerschap?", "…")]
    assert resolve("En de voordelen?", aspect_asked) == "En de voordelen? (innovatiepartnerschap)"  # not "risico's"


def test_a_follow_up_carries_the_subject_without_its_qualifiers_and_counts_on_from_the_step_answered() -> None:
    barriers = [Turn("Wat zijn de grootste knelpunten bij innovatiegericht inkopen?", "…")]
    assert resolve("En welke aanbevelingen horen daarbij?", barriers) == (
        "En welke aanbevelingen horen daarbij? (innovatiegericht inkopen)"
    )
    after_three = [Turn("Welke stap komt na stap 3?", "- Stap 4: Bepalen criteria [1]")]
    assert resolve("En daarna?", after_three) == "En daarna? (stap 5)"  # step 4 was the answer
    assert resolve("En daarna?", [Turn("Wat is stap 3?", "…")]) == "En daarna? (stap 4)"


def test_a_part_numbered_in_words_is_numbered_in_digits() -> None:
    history = [Turn("Wat is SBIR?", "…")]
    assert resolve("Wat gebeurt er in de tweede fase?", history) == "Wat gebeurt er in fase 2? (SBIR)"
    assert resolve("Wat is de eerste stap van het stappenplan?", []) == "Wat is stap 1 van het stappenplan?"
    assert resolve("Wat is de eerste indruk van SBIR?", []) == "Wat is de eerste indruk van SBIR?"


def test_a_named_step_asks_what_the_step_is_not_for_a_list_inside_it() -> None:
    step = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("STAP 1: VERKEN NIEUWE TECHNOLOGIEËN", 0.85), ("Een traject begint met verkennen.", 0.86),
        ("Zoek daarvoor naar:", 0.88), ("- publicaties,", 0.9), ("- patenten,", 0.87), ("- octrooien.", 0.87),
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Wat is stap 1 van het stappenplan?", step, named={("stap", "1")}, lead={0})
    assert [u.text for u in chosen][:2] == [step[0].text, step[1].text]
    listed = answerer.select("Welke bronnen noemt stap 1?", step, named={("stap", "1")}, lead={0})
    assert [u.text for u in listed][-3:] == [u.text for u in step[3:]]  # "bronnen" asks for the list


def test_a_follow_up_naming_another_subject_asks_the_same_of_it() -> None:
    history = [Turn("Welke fasen heeft een innovatiepartnerschap?", "…")]
    assert resolve("En voor SBIR?", history) == "En voor SBIR? (fasen)"
    assert resolve("En SBIR?", history) == "En SBIR? (fasen)"  # without "voor" too
    assert resolve("Geldt dat ook voor een prijsvraag?", history) == "Geldt dat ook voor een prijsvraag? (fasen)"
    drawbacks = [Turn("Wat is een innovatiepartnerschap?", "…"), Turn("Wat zijn de nadelen daarvan? (innovatiepartnerschap)", "…")]
    assert resolve("En hoe zit dat bij SBIR?", drawbacks) == "En hoe zit dat bij SBIR? (nadelen)"
    assert resolve("En wat zijn daarvan de risico's?", history).endswith("(innovatiepartnerschap)")  # same subject
    assert resolve("En voor SBIR?", [Turn("Wat is een proeftuin?", "…")]) == "En voor SBIR?"  # nothing asked of it
    # a quantity asked before is asked again: a duration, an amount
    assert resolve("En bij SBIR?", [Turn("Hoe lang duurt die fase? (innovatiepartnerschap fase 2)", "…")]) == (
        "En bij SBIR? (hoe lang duurt fase)"
    )
    assert resolve("En bij SBIR?", [Turn("Hoeveel geld krijgt een ondernemer?", "…")]) == (
        "En bij SBIR? (hoeveel geld ondernemer)"
    )


def test_asking_for_an_example_is_a_follow_up() -> None:
    history = [Turn("Wat is een innovatiepartnerschap?", "…")]
    example = resolve("Geef een voorbeeld.", history)
    assert example == "Wat is een voorbeeld? (innovatiepartnerschap)"
    assert resolve("Waarom?", [*history, Turn(example, "…")]) == "Waarom? (innovatiepartnerschap)"  # not "voorbeeld"


def test_a_question_with_only_a_verb_is_a_follow_up() -> None:
    history = [Turn("Wat is SBIR?", "…")]
    assert resolve("Wie kan meedoen?", history) == "Wie kan meedoen? (SBIR)"
    assert resolve("Hoe moet je inschrijven?", history) == "Hoe moet je inschrijven? (SBIR)"
    assert resolve("Wie kan meedoen aan een prijsvraag?", history) == "Wie kan meedoen aan een prijsvraag?"  # its own


def test_a_question_on_a_part_of_a_procedure_is_about_the_procedure_asked_before() -> None:
    sbir = [Turn("Wat is SBIR?", "…")]
    assert resolve("Wie betaalt de ontwikkeling?", sbir) == "Wie betaalt de ontwikkeling? (SBIR)"
    assert resolve("Hoe verloopt de selectie?", sbir) == "Hoe verloopt de selectie? (SBIR)"
    assert resolve("Hoe verloopt een innovatiepartnerschap?", sbir) == "Hoe verloopt een innovatiepartnerschap?"


def test_a_question_that_says_what_it_is_about_is_no_follow_up() -> None:
    history = [Turn("En wat zijn daarvan de risico's? (innovatiepartnerschap)", "…")]
    assert resolve("Hoe lang duurt dat?", history) == "Hoe lang duurt dat? (innovatiepartnerschap)"  # not "risico"
    for question in ("Wat is SBIR?", "Wat is stap 4 van het stappenplan voor digitale innovaties?",
                     "Hoe werkt het innovatiepartnerschap?"):
        assert resolve(question, history) == question  # "het" is an article here, not a pointer back


def test_a_question_about_one_numbered_step_is_no_question_for_all_steps() -> None:
    assert asks_for_steps("Wat zijn de stappen van het stappenplan?")
    assert not asks_for_steps("Wat is stap 4 van het stappenplan?")


def test_which_steps_run_together_is_no_question_for_all_steps() -> None:
    assert not asks_for_steps("Welke stappen van het stappenplan lopen meestal tegelijk?")
    assert not asks_for_steps("Welke fasen kunnen parallel of overlappend worden doorlopen?")
    assert asks_for_steps("Welke stappen moet ik doorlopen?")


def test_tackling_a_problem_is_no_question_for_steps() -> None:
    assert not asks_for_steps("Hoe kan een overheid maatschappelijke vraagstukken sneller aanpakken?")
    assert not asks_for_steps("Hoe pak ik deze knelpunten aan?")
    assert asks_for_steps("Hoe pak ik een marktconsultatie aan?")


def test_something_of_the_plan_named_after_which_is_no_question_for_its_steps() -> None:
    assert not asks_for_steps("Van welke situatie gaat het stappenplan uit?")
    assert not asks_for_steps("Welk doel heeft het stappenplan?")
    assert not asks_for_steps("Voor wie is het stappenplan bedoeld?")  # who, with a preposition
    assert not asks_for_steps("Waarom heeft het stappenplan tien stappen?")
    assert asks_for_steps("Uit welke twee fasen bestaat de procedure?")
    assert asks_for_steps("Welke activiteiten horen bij het stappenplan?")


def test_a_follow_up_about_the_next_step_means_the_step_after_the_one_asked_about() -> None:
    history = [Turn("Wat is stap 4?", "U gaat de criteria opstellen.")]
    assert resolve("Welke stap komt daarna?", history) == "Welke stap komt daarna? (stap 5)"
    assert resolve("En de vorige stap?", history) == "En de vorige stap? (stap 3)"
    assert resolve("Wie doet dat?", history) == "Wie doet dat? (stap 4)"
    assert resolve("Wat is stap 2?", history) == "Wat is stap 2?"  # says which itself
    chain = [Turn("Welke stap komt daarna? (stappenplan digitale innovaties stap 6)", "U stelt een opschalingsplan op.")]
    assert resolve("En de stap daarna?", chain) == "En de stap daarna? (stappenplan digitale innovaties stap 7)"


def test_follow_up_in_the_pipeline_shows_the_resolved_question(pipeline: Pipeline) -> None:
    first = pipeline.ask("Wat is een marktconsultatie?")
    follow = pipeline.ask("En wat zijn daarvan de valkuilen?", history=[Turn(first.question, first.text)])
    assert follow.resolved_question == "En wat zijn daarvan de valkuilen? (marktconsultatie)"
    assert follow.citations[0].chunk.doc_id == "marktconsultatie.html"


def test_json_contract(pipeline: Pipeline) -> None:
    data = answer_to_dict(pipeline.ask("Kunnen nieuwe aanbieders later instappen?"))
    assert {"question", "answer", "refused", "citations", "retrieved", "latency_ms"} <= set(data)
    assert set(data["citations"][0]) >= {"n", "doc", "title", "page", "section", "text"}
    assert set(data["retrieved"][0]) >= {"doc", "title", "page", "section", "text", "score"}
    assert len(data["retrieved"]) >= 3
    assert data["searched_also"] == ["toelaten"]  # the documents' word for "instappen"


def test_the_answer_says_which_words_of_the_documents_were_also_searched(pipeline: Pipeline) -> None:
    question = "Hoe regel ik dat we halverwege kunnen stoppen?"
    answer = pipeline.ask(question)
    assert answer.searched_also == ("na elke fase", "afbreken", "beëindigen")
    assert render(answer).startswith("(ook gezocht op: na elke fase, afbreken, beëindigen)\n")
    plain = Pipeline(pipeline.settings.model_copy(update={"query_expansion": False}))
    assert plain.ask(question).searched_also == ()


def test_a_misspelt_question_is_answered_as_if_spelt_right(pipeline: Pipeline) -> None:
    right = pipeline.ask("Kunnen nieuwe aanbieders later instappen in een innovatiepartnerschap?")
    misspelt = pipeline.ask("Kunnen nieuwe aanbieders later instappen in een innovatiepartnerchap?")
    assert right.searched_also == ("toelaten",)
    assert misspelt.searched_also == ("innovatiepartnerschap", "toelaten")
    assert not misspelt.refused and misspelt.text == right.text


def test_cli_ask_json_and_session(pipeline: Pipeline, capsys: pytest.CaptureFixture[str], monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PIANOO_EMBEDDING_BACKEND", "fake")
    monkeypatch.setenv("PIANOO_MIN_SIMILARITY", "0")
    monkeypatch.setenv("PIANOO_WEAK_SIMILARITY", "0")
    monkeypatch.setenv("PIANOO_CHUNK_WORDS", "60")
    monkeypatch.setenv("PIANOO_CHUNK_OVERLAP_WORDS", "10")
    session = tmp_path / "gesprek.json"
    assert cli_main(["ask", "Wat is een marktconsultatie?", "--json", "--session", str(session)]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["citations"][0]["doc"] == "marktconsultatie.html"
    assert cli_main(["ask", "En wat zijn daarvan de valkuilen?", "--session", str(session), "--doc", "marktconsultatie.html"]) == 0
    out = capsys.readouterr().out
    assert "(opgevat als: En wat zijn daarvan de valkuilen? (marktconsultatie))" in out
    assert "Bronnen:" in out and "[1]" in out
    assert cli_main(["ask", "Wat is een marktconsultatie?", "--doc", "oud.pdf"]) == 1
    assert "Onbekend document: oud.pdf" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli_main(["ask", "Wat is een marktconsultatie?", "--top-k", "0"])
    assert "minstens 1" in capsys.readouterr().err


def test_cli_on_missing_store_says_what_to_run(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv("PIANOO_EMBEDDING_BACKEND", "fake")
    assert cli_main(["ask", "Wat is SBIR?"]) == 1
    assert "ingest.py" in capsys.readouterr().err


def test_an_answer_from_barely_similar_passages_carries_a_caution(pipeline: Pipeline) -> None:
    question = "Welke stappen zijn er bij een innovatiepartnerschap?"
    assert pipeline.ask(question).notice is None  # the fake embedder's similarities all clear a floor of 0
    cautious = Pipeline(pipeline.settings.model_copy(update={"caution_similarity": 1.01}))  # none clears this one
    answer = cautious.ask(question)
    assert answer.notice == CAUTION and answer.citations and not answer.refused
    assert f"({CAUTION})" in render(answer).splitlines()
    assert answer_to_dict(answer)["notice"] == CAUTION


@pytest.mark.integration
def test_real_model_answers_and_refuses(real_pipeline: Pipeline) -> None:
    answer = real_pipeline.ask("Welke stappen zijn er bij een innovatiepartnerschap?")
    assert "Mededingingsfase" in answer.text and answer.citations
    assert answer.notice is None  # its passages are about the question
    assert real_pipeline.ask("Wat is de hoofdstad van Frankrijk?").refused


def _unit(text: str, position: int, score: float = 0.5) -> ScoredUnit:
    return ScoredUnit(text, passage=0, position=position, dense=score, lexical=0.0, score=score,
                      heading=looks_like_heading(text))


def _units(texts: list[str]) -> list[ScoredUnit]:
    """One passage's lines, in order."""
    return [_unit(text, position) for position, text in enumerate(texts)]


def test_an_overlong_sentence_is_cut_at_a_sentence_end_not_dropped() -> None:
    run_on = "Het onderhoud vermindert met 20%. " + "De uitstoot neemt af met 30% en de prijs stijgt weinig. " * 30
    quoted = span(_unit(run_on, 0), [_unit(run_on, 0)])
    assert len(quoted) == 1
    assert quoted[0].text.startswith("Het onderhoud vermindert met 20%.") and quoted[0].text.endswith(". …")
    assert len(quoted[0].text) <= 700
    assert quoted[0].quotes[0] in run_on  # still a verbatim quote, so the page can highlight it


def test_a_list_keeps_an_item_broken_over_two_lines() -> None:
    units = _units([
        "Enkele afwegingen:", "- Wat is de slaagkans?", "- Is er expertise?", "Bijvoorbeeld in huis.",
        "- Wat is de volwassenheid?", "Nieuwe alinea die niet bij de lijst hoort.",
    ])
    (found,) = lists(units)
    assert [u.text for u in found] == [
        "Enkele afwegingen:", "- Wat is de slaagkans?", "- Is er expertise? Bijvoorbeeld in huis.",
        "- Wat is de volwassenheid?",
    ]
    assert found[2].quotes == ("Is er expertise?", "Bijvoorbeeld in huis.")
    announcing = _units([
        "De vraag kent drie dimensies:", "- De uitvraag.", "- De partner.", "- De diensten.",
        "Doe ook de volgende checks:", "- Is het innovatief?", "- Welke stappen?",
    ])
    (dimensions,) = lists(announcing)  # the line announcing the checks does not go on the third item
    assert [u.text for u in dimensions][-1] == "- De diensten."


def test_a_list_whose_items_are_explained_in_between_is_quoted_as_its_items() -> None:
    units = _units([
        "Vooraf enkele tips bij innovatie met digitale technologie", "- Zorg voor voldoende draagvlak.",
        "Een innovatietraject duurt soms jaren.", "Houd het mandaat om door te ontwikkelen.",
        "- Houd uw argumentatie op orde.", "Verandering kan tot weerstand leiden.", "Ieder domein is anders.",
        "- Oriënteer u breed.", "Nieuwe kop", "- Een item van een ander onderwerp.",
    ])
    assert lists(units) == []  # no three items in a row
    (tips,) = lists(units, gap=6)
    assert [u.text for u in tips] == [units[0].text, units[1].text, units[4].text, units[7].text]
    assert lists(units, gap=1) == []  # two sentences between the first two items
    units[0] = dataclasses.replace(units[0], score=0.9)  # the question matches the list's title best
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Welke tips zijn er voor digitale innovatie?", units)
    assert [u.text for u in chosen] == [u.text for u in tips]


def test_a_heading_is_never_quoted_without_the_text_it_opens() -> None:
    heading, body = _unit("Meerjarige budgetten ontbreken", 0, 0.9), _unit("Lange termijn investeringen zijn lastig. " * 3, 1)
    assert [u.text for u in span(heading, [heading, body])] == [heading.text, body.text]
    assert span(heading, [heading]) == []  # nothing follows it: no span rather than a bare title


def test_a_list_a_span_has_begun_is_quoted_whole() -> None:
    units = _units([
        "U stelt een opschalingsplan op.", "Onderdelen ervan kunnen zijn:", "- Aanpassingen in beleid",
        "- Opleiden van medewerkers", "- Het intellectuele eigendom", "- Financiële dekking", "Een nieuwe alinea.",
    ])
    assert [u.text for u in span(units[0], units)] == [u.text for u in units[:6]]  # not cut after four units


def test_a_heading_that_opens_a_list_is_quoted_with_the_whole_list() -> None:
    units = _units(["Aandachtspunten", "- Zorg voor een jury.", "- Houd de ontwerpen anoniem.", "- Maak de winnaar bekend.",
                    "Een nieuwe alinea."])
    units[0].heading = True
    quoted = span(units[0], units, budget=1200, max_units=None)
    assert [u.text for u in quoted] == [u.text for u in units[:4]]  # not cut after the first item


def test_the_items_of_a_list_too_long_to_show_whole_are_cut_to_their_first_sentence() -> None:
    explanation = " Dit wordt hier uitgebreid toegelicht met voorbeelden uit de praktijk van veel organisaties."
    items = [f"- {n}. Zorg voor regel nummer {n} in het project.{explanation * 2}" for n in range(1, 11)]
    fitted = fit(_units(items))
    assert [u.text for u in fitted] == [f"- {n}. Zorg voor regel nummer {n} in het project." for n in range(1, 11)]
    assert fitted[0].quotes == ("1. Zorg voor regel nummer 1 in het project.",)  # what the page highlights
    short = [_unit("- Een korte regel. Met uitleg.", 0)]
    assert fit(short) == short  # a list that fits is shown whole
    titled = fit([_unit(f"- Raming. Het is verplicht om een raming te geven.{explanation * 3}", 0)] * 4)
    assert titled[0].text == "- Raming. Het is verplicht om een raming te geven."  # a title says nothing alone


def test_a_footnote_after_the_quoted_sentence_is_not_quoted_with_it() -> None:
    units = _units([
        "Er zijn in totaal 38 innovatiepartnerschappen aangekondigd.",
        "16 Het staat elke aanbestedende dienst vrij om zelf een SBIR op te zetten.",
        "20 gemeenten deden mee.",
    ])
    assert [u.text for u in span(units[0], units)] == [units[0].text]
    assert stands_alone(units[2]) and not stands_alone(units[1])  # a number counting something opens no footnote


def test_a_step_heading_is_quoted_with_the_sentences_that_open_the_step() -> None:
    units = _units([
        "STAP 5: UITWERKEN VAN MOGELIJKE", "UITKOMSTEN VAN HET ONTWIKKELTRAJECT", "U werkt mogelijkheden uit.",
        "Een doorkijk maakt de vervolgstappen concreet.", "Zo voorkomt u verrassingen.", "Scenarioplanning helpt.",
        "Dit is de vijfde zin.",
    ])
    quoted = span(units[0], units)
    assert [u.text for u in quoted] == [units[0].text, *(u.text for u in units[2:6])]  # four sentences, as any span


def test_a_sentence_broken_off_by_a_line_end_is_quoted_from_its_start() -> None:
    start = _unit("2. U koopt de ontwikkelde technologie direct in bij een van de", 0)
    rest = _unit("deelnemers van het ontwikkeltraject.", 1, 0.9)
    assert [u.text for u in span(rest, [start, rest])] == [start.text, rest.text]
    more = _more_from_quoted(rest, [rest, start], [rest])
    assert more == []  # nor is the broken-off start added on its own


def test_a_heading_that_names_the_question_leads_when_it_scores_nearly_as_well_as_the_best_sentence() -> None:
    units = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("Tips worden per inkoopactiviteit gegeven (fundering, analyse, uitvoering).", 0.90),
        ("Inkoopactiviteiten toelichting", 0.885),
        ("Fundering (F): standaardcontracten, inkoopvoorwaarden en financiële kaders.", 0.86),
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Wat valt onder fundering als inkoopactiviteit?", units)
    assert [u.text for u in chosen][:2] == [units[1].text, units[2].text]
    assert answerer.select("Wat valt onder fundering?", units)[0] is units[0]  # the heading names none of it
    far = [*units[:1], dataclasses.replace(units[1], score=0.85), units[2]]
    assert answerer.select("Wat valt onder fundering als inkoopactiviteit?", far)[0] is far[0]


def test_a_question_about_one_step_is_answered_from_that_steps_section_only() -> None:
    step = [_unit("Zo rondt u de verkenning af met een overzicht.", 0, 0.88), _unit("STAP 2: SELECTEREN", 1, 0.80),
            _unit("U kiest de twee beste technologieën.", 2, 0.90)]
    elsewhere = [dataclasses.replace(_unit(text, i, 0.895), passage=1) for i, text in enumerate([
        "Na stap 2 bekijkt u of het gelukt is.", "Daarbij let u op:", "- de kosten,", "- de baten,", "- de risico's."
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Wat is stap 2?", [*step, *elsewhere], named={("stap", "2")}, lead={0})
    assert [u.text for u in chosen] == [step[1].text, step[2].text]  # not the end of step 1, nor the list
    assert {u.passage for u in answerer.select("Wat is stap 2?", [*step, *elsewhere])} == {1}  # otherwise the list


def test_steps_told_in_prose_are_quoted_from_the_sentence_that_announces_them() -> None:
    prose = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("De dialoog is een procedure voor complexe opdrachten.", 0.94), ("De procedure kent vier fasen.", 0.85),
        ("Eerst publiceert u een aankondiging.", 0.78), ("Daarna selecteert u drie gegadigden.", 0.8),
        ("Vervolgens voert u de dialoog.", 0.83), ("Tot slot vraagt u een inschrijving.", 0.8),
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Welke fasen heeft de dialoog?", prose)
    assert [u.text for u in chosen] == [u.text for u in prose[1:]]  # all four, not cut after the usual four sentences
    assert answerer.select("Wat is de dialoog?", prose)[0].text == prose[0].text  # asks no steps


def test_steps_announced_in_the_next_passage_count_only_under_a_heading_the_question_names() -> None:
    general = [_unit("Er zijn verschillende instrumenten voor innovatie.", 0, 0.9)]
    sbir = [dataclasses.replace(_unit(t, i, 0.8), passage=1) for i, t in enumerate([
        "SBIR", "SBIR is een gefaseerde werkwijze.",
        "De 3 fases zijn: haalbaarheidsonderzoek (fase 1), ontwikkeling (fase 2) en vermarkten (fase 3).",
        "Een SBIR-competitie levert meerdere oplossingen op.",
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Hoe verloopt een SBIR-traject?", [*general, *sbir])
    assert [u.text for u in chosen] == [u.text for u in sbir[2:]]
    other = answerer.select("Hoe verloopt een innovatiepartnerschap?", [*general, *sbir])
    assert "De 3 fases zijn" not in " ".join(u.text for u in other)  # SBIR's phases are not the partnership's


def test_a_caption_number_ends_no_sentence() -> None:
    assert split_sentences("Dat was € 40 miljoen.\n\nTABEL 2. AANTAL SBIR-TRAJECTEN:") == [
        "Dat was € 40 miljoen.", "TABEL 2. AANTAL SBIR-TRAJECTEN:"
    ]
    assert split_sentences("Zie figuur 3. Dat helpt.") == ["Zie figuur 3.", "Dat helpt."]


def test_a_question_asking_for_several_things_gets_the_list() -> None:
    units = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("Er zijn diverse aspecten om af te wegen.", 0.9), ("Die verschillen per organisatie.", 0.8),
        ("Het is een keuze van de organisatie zelf.", 0.8), ("Daar hoort een goed gesprek bij.", 0.8),
        ("Voorbeelden van afwegingen zijn:", 0.85), ("- Wat is de slaagkans?", 0.88),
        ("- Is er expertise?", 0.86), ("- Wat is de volwassenheid?", 0.86),
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert [u.text for u in answerer.select("Welke afwegingen maak ik?", units)] == [u.text for u in units[4:]]
    assert answerer.select("Hoe maak ik een afweging?", units)[0].text == units[0].text
    assert answerer.select("Welke aspecten weeg ik af?", units)[0].text == units[0].text  # not the list's name
    by_the_way = [dataclasses.replace(units[4], text="Afwegingen zijn nodig omdat het lastig is.")] + units[5:]
    by_the_way = units[:4] + by_the_way
    assert answerer.select("Welke afwegingen maak ik?", by_the_way)[0].text == units[0].text  # names them, announces none


def test_a_question_how_alike_two_things_are_puts_a_nearly_as_good_sentence_that_compares_first() -> None:
    units = [_unit("Je streeft naar partnerschap tussen opdrachtgever en opdrachtnemer.", 0, 0.96),
             _unit("- Rollen. Partnerschap is een andere relatie dan opdrachtgever-opdrachtnemer.", 1, 0.89)]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    alike = "Is een partnerschap hetzelfde als een relatie tussen opdrachtgever en opdrachtnemer?"
    assert answerer.select(alike, units)[0].text == units[1].text
    assert answerer.select("Wat is een partnerschap tussen opdrachtgever en opdrachtnemer?", units)[0].text == (
        units[0].text)
    far = [units[0], dataclasses.replace(units[1], score=0.86)]  # more than COMPARISON_MARGIN below
    assert answerer.select(alike, far)[0].text == units[0].text


def test_a_list_of_another_number_of_items_than_the_question_asks_for_does_not_answer() -> None:
    units = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("Het partnerschap kent vier fasen:", 0.86), ("- Vraagarticulatie", 0.85), ("- Mededingingsfase", 0.85),
        ("- Ontwikkelfase", 0.85), ("- Commerciële fase", 0.85),
        ("Het partnerschap verbindt de ontwikkelfase met de commerciële fase.", 0.9),
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert [u.text for u in answerer.select("Welke vier fasen kent het partnerschap?", units)][:5] == [
        u.text for u in units[:5]]
    assert answerer.select("Welke twee fasen brengt het partnerschap samen?", units)[0].text == units[5].text


def test_where_something_comes_from_asks_for_no_list_of_the_steps_it_names() -> None:
    units = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("Mogelijke fasen:", 0.86), ("- verkenning;", 0.85), ("- prototype;", 0.85), ("- pilot.", 0.85),
        ("Voor de inrichting van de fasen zijn lessen uit andere instrumenten te gebruiken.", 0.87),
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert answerer.select("Welke fasen zijn er?", units)[0].text == units[0].text  # a list near the best sentence
    chosen = answerer.select("Waar haal ik ideeën vandaan om de fasen in te richten?", units)
    assert units[4].text in [u.text for u in chosen] and not any(u.text.startswith("- ") for u in chosen)


def test_a_passage_inside_the_asked_aspect_section_is_quoted_from_its_start() -> None:
    other = [_unit("De werkgroep moest de knelpunten identificeren.", 0, 0.95)]
    inside = [dataclasses.replace(_unit(t, i, 0.85), passage=1) for i, t in enumerate([
        "Daarbij kwam een vage opdracht naar voren.", "Ook ontbreken meerjarige budgetten.",
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Wat zijn de knelpunten?", [*other, *inside], asked_aspect=lambda unit: unit.passage == 1)
    assert [u.text for u in chosen] == [u.text for u in inside]
    # such a section further down than the best two passages does not answer
    lower = [dataclasses.replace(u, passage=2) for u in inside]
    chosen = answerer.select("Wat zijn de knelpunten?", [*other, *lower], asked_aspect=lambda unit: unit.passage == 2)
    assert [u.text for u in chosen] == [other[0].text]


def test_the_asked_aspects_section_going_on_in_the_next_passage_adds_its_best_sentence() -> None:
    opening = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("Beperkingen", 0.88), ("Er zijn twee beperkingen.", 0.87), ("De eerste is het smalle bereik.", 0.89),
    ])]
    going_on = [dataclasses.replace(_unit(t, i, score), passage=1) for i, (t, score) in enumerate([
        ("Dat werkt bij een reeks opdrachten.", 0.86), ("Een tweede beperking is de lange voorbereiding.", 0.94),
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]

    def on_limits(unit: ScoredUnit) -> bool:
        return unit.text == "Beperkingen" if unit.heading else unit.passage == 1

    chosen = answerer.select("Wat is nog een nadeel?", [*opening, *going_on], asked_aspect=on_limits)
    assert [u.text for u in chosen] == [u.text for u in opening] + [going_on[1].text]
    # not when it scores no better than what the section's opening quotes
    level = [going_on[0], dataclasses.replace(going_on[1], score=0.9)]
    chosen = answerer.select("Wat is nog een nadeel?", [*opening, *level], asked_aspect=on_limits)
    assert [u.text for u in chosen] == [u.text for u in opening]


def test_a_list_item_titled_by_the_asked_aspect_answers_when_no_section_is() -> None:
    units = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("Het product voorspelt de risico's op natuurbranden.", 0.95), ("Let bij het partnerschap op:", 0.8),
        ("- Rollen. Wie doet wat?", 0.8), ("- Risico's. Maak afspraken over wie welke risico's draagt.", 0.85),
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Wat zijn de risico's?", units, asked_aspect=lambda u: u.heading and u.text == "Risico's")
    assert [u.text for u in chosen] == [units[3].text]


def test_a_sentence_that_introduces_a_list_is_quoted_with_its_items_or_not_at_all() -> None:
    best = _unit("Kijk met een onbevangen blik naar nieuwe ontwikkelingen.", 0, 0.9)
    lead_in = _unit("Zoek daarvoor naar publicaties over:", 1)
    items = [_unit("- nationale sleuteltechnologieën,", 2), _unit("- onderzoek op universiteiten.", 3)]
    assert [u.text for u in span(best, [best, lead_in, *items])] == [best.text, lead_in.text, *(i.text for i in items)]
    assert span(best, [best, lead_in]) == [best]  # its list is in the next passage: no dangling "over:"


def test_a_list_whose_lead_in_names_the_asked_things_answers() -> None:
    themes = _units(["De belemmeringen zijn per thema geclusterd:", "- Politiek/Bestuurlijk", "- Organisatorisch",
                     "- Financieel"])
    themes[1] = dataclasses.replace(themes[1], score=0.9)
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert answerer.select("Welke belemmeringen ervaren inkopers?", themes) == themes


def test_a_sentence_that_asks_a_question_loses_a_near_tie_to_one_that_answers() -> None:
    asking = SentenceScore("Welke belemmeringen worden in de praktijk ervaren?", 0, dense=0.86, lexical=0.5)
    stating = SentenceScore("Het ontbreken van meerjarige budgetten remt innovatie.", 1, dense=0.84, lexical=0.5)
    assert stating.strength(0) > asking.strength(0)
    assert SentenceScore(asking.text, 0, dense=0.90, lexical=0.5).strength(0) > stating.strength(0)  # not a ban


def test_a_sentence_about_the_document_itself_answers_only_a_question_about_the_document(pipeline: Pipeline) -> None:
    assert about_document("Deze handreiking licht de stappen toe.") and about_document("In dit hoofdstuk leest u meer.")
    assert not about_document("De handreiking van PIANOo is nuttig.") and not about_document("Dit traject duurt lang.")
    assert about_document("Dit is een uitgave van PIANOo, Expertisecentrum Aanbesteden.")  # the colophon
    assert not about_document("Dit is een traject van PIANOo.")
    hits = pipeline.retriever.search("Kunnen nieuwe aanbieders later instappen?")[:1]
    meta = dataclasses.replace(hits[0].chunk, text="Deze handreiking gaat over instappen.", section="")
    hits = [dataclasses.replace(hits[0], chunk=meta, sentences=None)]
    scored = pipeline.retriever.with_sentences("Kunnen nieuwe aanbieders later instappen?", hits)
    assert [s.about_document for s in scored[0].sentences or ()] == [True]
    scored = pipeline.retriever.with_sentences("Waar gaat deze handreiking over?", hits)
    assert [s.about_document for s in scored[0].sentences or ()] == [False]
    penalised = SentenceScore("Deze handreiking gaat over instappen.", 0, 0.9, 0.5, about_document=True)
    assert penalised.strength(0) < SentenceScore("Aanbieders kunnen later instappen.", 0, 0.88, 0.5).strength(0)


def test_a_title_to_read_answers_only_a_question_asking_what_to_read(pipeline: Pipeline) -> None:
    title = "- Durf nodig bij keuze voor innovatiepartnerschap (SC Online)"
    assert is_further_reading(title, "LINKS › Algemeen") and is_further_reading(title, "Meer informatie")
    assert not is_further_reading(title, "Wanneer kiest u het innovatiepartnerschap?")  # an item of the text itself
    assert not is_further_reading("- Kijk in de octrooidatabanken.", "Meer informatie")  # a sentence, with its stop
    assert not is_further_reading("Meer informatie vindt u bij PIANOo", "Meer informatie")  # no list item
    hits = pipeline.retriever.search("Wanneer kies ik voor een innovatiepartnerschap?")[:1]
    links = dataclasses.replace(hits[0].chunk, text=f"LINKS\n\n{title}", section="", headings=("LINKS",))
    hits = [dataclasses.replace(hits[0], chunk=links, sentences=None)]
    scored = pipeline.retriever.with_sentences("Wanneer kies ik voor een innovatiepartnerschap?", hits)
    assert [s.further_reading for s in scored[0].sentences or ()] == [False, True]  # the heading, the title
    scored = pipeline.retriever.with_sentences("Welke bronnen zijn er over het innovatiepartnerschap?", hits)
    assert not any(s.further_reading for s in scored[0].sentences or ())
    penalised = SentenceScore(title, 0, 0.9, 0.5, further_reading=True)
    assert penalised.strength(0) < SentenceScore("Kies het als de markt nog moet ontwikkelen.", 0, 0.87, 0.5).strength(0)


def test_a_line_repeating_the_documents_title_or_a_source_reference_is_no_unit_to_quote() -> None:
    hit = Hit(Chunk("d.pdf", "PIANOo | Handreiking dialoog", "Handreiking dialoog\nDe dialoog duurt lang.", 0), 1.0)
    units = [_unit("Handreiking dialoog", 0, 0.95), _unit("De dialoog duurt lang.", 1, 0.9)]
    assert [u.text for u in _quotable(units, [hit])] == ["De dialoog duurt lang."]
    references = [_unit("PIANOo, 2021, De kaders voor innovatiegericht inkopen.", 2), _unit("Link: Dialoog (pianoo.nl).", 3),
                  _unit("19 Zie onder meer: conclusies van de Raad COMP (30 mei 2008).", 4),
                  _unit("Onderzoek naar inkoopvaardigheden | PIANOo - Expertisecentrum Aanbesteden", 5)]  # a web page
    assert _quotable(references, [hit]) == []  # a source reference says nothing itself
    assert _quotable([_unit("- Kenmerk | SBIR | Innovatiepartnerschap", 6)], [hit])  # a table's header row
    assert _quotable([_unit("Zie stap 6 voor het plan.", 5)], [hit])  # a pointer inside the text is a sentence
    # the end of a line taken for a heading is a fragment; a sentence after a real heading is not
    broken = [_unit("2. Welke voordelen zie jij", 4), _unit("(binnen jouw organisatie)?", 5), _unit("Beperkingen", 6),
              _unit("De dialoog is zwaar.", 7)]
    assert broken[0].heading and broken[2].heading
    assert [u.text for u in _quotable(broken, [hit])] == ["2. Welke voordelen zie jij", "Beperkingen",
                                                          "De dialoog is zwaar."]


def test_a_sentence_that_points_back_with_hierover_is_quoted_with_the_one_before() -> None:
    units = _units(["Een praktische manier is een richtgetal als ambitie.", "Start het gesprek hierover met overheden."])
    assert [u.text for u in span(units[1], units)] == [u.text for u in units]
    units = _units(["Een praktische manier is een richtgetal.", "Start het gesprek met overheden over hun doelen."])
    assert [u.text for u in span(units[1], units)] == [units[1].text]
    # and further back when that sentence refers back too
    units = _units(["Het kabinet wil meer innovatie.", "Een richtgetal helpt daarbij.", "Start het gesprek hierover.",
                    "Ook de Commissie opperde streefdoelen."])
    assert [u.text for u in span(units[3], units)][:3] == [u.text for u in units[1:]]
    # a sentence opening with "Hiermee" ("hierdoor", "daarbij", …) says nothing without the one before
    units = _units(["Geef de criteria al bij de start mee.", "Hiermee schept u duidelijkheid."])
    assert [u.text for u in span(units[1], units)] == [u.text for u in units]
    # "Vandaar dat …" gives the reason in the sentence before, "Toch …" goes against it
    for after in ("Vandaar dat het raadzaam is het open te stellen.", "Toch is het raadzaam het open te stellen."):
        units = _units(["Een traject kan verrassen.", after])
        assert [u.text for u in span(units[1], units)] == [u.text for u in units]


def test_someones_quoted_words_end_a_quote_unless_the_question_asks_what_someone_thinks() -> None:
    units = _units(["Hof van Twente krijgt twee duurzame kindcentra.", "“Wij leren dagelijks bij.",
                    "Deze manier van aanbesteden dwingt je om je te blijven ontwikkelen.”"])
    assert [u.text for u in span(units[0], units)] == [units[0].text]  # another voice: a pull quote, or an interview
    assert [u.text for u in span(units[0], units, voices=True)] == [u.text for u in units]
    assert ASKS_A_VIEW.search("Wat vond de bouwer van de kindcentra van het innovatiepartnerschap?")
    assert not ASKS_A_VIEW.search("Wat krijgt Hof van Twente?")


def test_a_run_of_names_answers_only_a_question_about_who(pipeline: Pipeline) -> None:
    members = "Ramona Apostol Senior inkoopadviseur Dienst Justitiële inrichtingen Martin Boerema Onderzoeker Hogeschool"
    assert reads_as_names(members) and not reads_as_names("De Werkgroep bestaat uit afgevaardigden van overheden.")
    assert SentenceScore(members, 0, dense=0.88, lexical=0.5, names_only=True).strength(0) < SentenceScore(
        "PIANOo adviseert aanbestedende diensten.", 1, dense=0.85, lexical=0.5).strength(0)
    hit = Hit(Chunk("leden.md", "Leden", members, 0), 1.0)
    for question, names_only in (("Welke tips geeft PIANOo?", True), ("Wie zitten in de werkgroep?", False)):
        (scored,) = pipeline.retriever.with_sentences(question, [hit])
        assert [s.names_only for s in scored.sentences or ()] == [names_only]


PHASES = (
    "# Innovatiepartnerschap\n\n## Fasen\n\nHet innovatiepartnerschap bestaat uit de volgende fasen.\n\n"
    "### 1. Mededingingsfase\n\nEerst worden gegadigden geselecteerd.\n\n### 2. Ontwikkelfase\n\nDe partners "
    "ontwikkelen de oplossing.\n\n### 3. Commerciële fase\n\nDe dienst koopt de ontwikkelde oplossing af.\n"
)


def test_a_count_question_about_steps_gets_the_number_and_else_the_steps_to_count(tmp_path: Path) -> None:
    stated = PHASES.replace("de volgende fasen", "drie fasen")
    for text, lists_them in ((stated, False), (PHASES, True)):
        (home := tmp_path / ("listed" if lists_them else "stated")).mkdir()
        pipeline = ingested(home, {"innovatiepartnerschap.md": text}, chunk_words=200)  # one passage
        count = pipeline.ask("Uit hoeveel fasen bestaat een innovatiepartnerschap?")
        assert not count.refused
        assert count.text.startswith("- 1. Mededingingsfase") == lists_them, count.text
        assert ("drie fasen" in count.text) != lists_them


def test_a_two_part_question_is_split_into_its_questions() -> None:
    assert question_parts("Uit hoeveel stappen bestaat de voorbereiding, en hoeveel stappen telt het plan?") == [
        "Uit hoeveel stappen bestaat de voorbereiding", "hoeveel stappen telt het plan?"
    ]
    assert question_parts("Wat doen opdrachtgever en opdrachtnemer samen?") == []  # "en" between nouns


def test_a_choice_between_two_options_asks_about_each() -> None:
    assert question_parts("Proeftuin of innovatiepartnerschap, wanneer kies ik wat?") == [
        "Proeftuin, wanneer kies ik wat?", "innovatiepartnerschap, wanneer kies ik wat?"
    ]
    assert question_parts("Kies ik een SBIR of een innovatiepartnerschap?") == [
        "Kies ik een SBIR?", "Kies ik een innovatiepartnerschap?"
    ]
    assert question_parts("Is het beter of niet?") == []
    assert question_parts("Weet u of de markt dit kan leveren?") == []  # "of" as "whether", no choice asked
    assert question_parts("Wat is het verschil tussen SBIR en een innovatiepartnerschap?") == [
        "Wat is SBIR?", "Wat is innovatiepartnerschap?"  # a comparison asks what each is
    ]
    # an option of two words: the first ends at "en", the last at the question's end
    assert question_parts("Wat is het verschil tussen precommercieel inkopen en een concurrentiegerichte dialoog?") == [
        "Wat is precommercieel inkopen?", "Wat is concurrentiegerichte dialoog?"
    ]
    assert question_parts("Wat is het verschil tussen SBIR en een innovatiepartnerschap bij gemeenten?") == [
        "Wat is SBIR?", "Wat is innovatiepartnerschap?"
    ]


def _hit(text: str, doc: str = "d") -> Hit:
    return Hit(Chunk(doc, "Titel", text, 0), 1.0)


def test_steps_named_in_one_overview_line_become_the_outline() -> None:
    overview = "Stap 1: Verkennen Stap 2: Voorselecteren Stap 3: Eisen beschrijven Stap 4: Opschalen WAT IS HET?"
    outline = step_outline([_hit(f"Inleiding.\n{overview}")], "d")
    assert [u.text for u in outline] == [
        "- Stap 1: Verkennen", "- Stap 2: Voorselecteren", "- Stap 3: Eisen beschrijven", "- Stap 4: Opschalen"
    ]
    assert outline[0].quotes == (overview,)  # the page highlights the line the steps came from


def test_phases_numbered_in_brackets_in_one_sentence_become_the_outline() -> None:
    sentence = ("De 3 fases zijn: haalbaarheidsonderzoek (fase 1), onderzoek, ontwikkeling en demonstratie van een "
                "prototype (fase 2) en vermarkten (fase 3).")
    outline = step_outline([_hit(f"SBIR kent fasen. {sentence}")], "d")
    assert [u.text for u in outline] == [
        "- Fase 1: haalbaarheidsonderzoek", "- Fase 2: onderzoek, ontwikkeling en demonstratie van een prototype",
        "- Fase 3: vermarkten",
    ]
    assert step_outline([_hit("Zie de bijlage (fase 1), de uitleg (fase 2) en het voorbeeld (fase 3).")], "d") == []


def test_lines_that_each_tell_one_step_become_the_outline_and_one_of_them_answers_for_its_step() -> None:
    steps = ["Stap 1: Beschrijf het probleem.", "Stap 2: Betrek de eindgebruikers bij het opstellen van de eisen.",
             "Stap 3: Formuleer eisen als prestaties, bijvoorbeeld: de weg moet 15 jaar meegaan zonder onderhoud."]
    outline = step_outline([_hit("Zo pakt u het aan.\n" + "\n".join(steps))], "d")
    assert [u.text for u in outline] == [f"- {step}" for step in steps]
    assert opens_named_part(steps[2], {("stap", "3")})  # a long line, yet it opens step 3
    units = [_unit(text, i, 0.9 - i / 100) for i, text in enumerate(steps)]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Wat is stap 2?", units, named={("stap", "2")}, lead={0})
    assert [u.text for u in chosen] == [steps[1]]  # not step 3, which scores nearly as well
    items = [_unit(f"- {step.replace('Stap', 'Fase')}", i, 0.9) for i, step in enumerate(steps)]
    assert opens_named_part(items[0].text, {("fase", "1")})  # a list item tells one phase
    chosen = answerer.select("Welke eisen gelden in fase 2?", items, named={("fase", "2")}, lead={0})
    assert [u.text for u in chosen] == [items[1].text]  # the phase asked about, not the list of all phases


def test_how_to_go_about_it_asks_for_steps_and_a_numbered_list_gives_them() -> None:
    for question in ("Hoe pak ik functioneel specificeren aan?", "Wat is de aanpak?", "Hoe ga ik te werk?"):
        assert asks_for_steps(question)
    assert not asks_for_steps("Wat levert functioneel specificeren aan de markt op?")
    items = ["- 1. Stel de behoefte vast.", "- 2. Houd een marktconsultatie.", "- 3. Schrijf de eisen op."]
    units = [_unit("Functioneel specificeren beschrijft wat een oplossing moet doen.", 0, 0.95)] + [
        _unit(item, i, 0.8) for i, item in enumerate(["4. Zo pakt u het aan", *items], start=1)
    ]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert [u.text for u in answerer.select("Hoe pak ik functioneel specificeren aan?", units)] == items
    assert answerer.select("Wat is functioneel specificeren?", units)[0].text == units[0].text


def test_steps_with_gaps_are_no_outline() -> None:
    text = "3. Eisen\nDe eisen.\n8. Doorlopen\nHet traject.\n9. Evalueren\nDe resultaten."
    assert step_outline([_hit(text)], "d") == []
    with_start = "1. Verkennen\nEerst.\n" + text.replace("3.", "2.").replace("8.", "3.")  # steps 1, 2, 3 and 9
    assert [u.position for u in step_outline([_hit(with_start)], "d")] == [1, 2, 3]  # up to the first gap


def test_a_sentence_chosen_twice_is_written_once() -> None:
    first, second = _unit("Eerste zin.", 0), _unit("Tweede zin.", 1)
    answer = compose("vraag", [first, second, second, first], [_hit("Eerste zin. Tweede zin.")])
    assert answer.text == "Eerste zin. Tweede zin. [1]"
    repeated = compose("vraag", [first, second, _unit("Eerste zin.", 2)], [_hit("Eerste zin. Tweede zin. Eerste zin.")])
    assert repeated.text == "Eerste zin. Tweede zin. [1]"  # the document says it twice, the answer once


def test_a_heading_is_not_written_as_running_text() -> None:
    heading, sentence = _unit("Provincie Overijssel", 0), _unit("Ook de provincie pioniert met het partnerschap.", 1)
    answer = compose("vraag", [heading, sentence], [_hit("Provincie Overijssel\nOok de provincie pioniert.")])
    assert answer.text == "Ook de provincie pioniert met het partnerschap. [1]"
    assert answer.citations[0].sentences == ("Ook de provincie pioniert met het partnerschap.",)
    alone = compose("vraag", [heading], [_hit("Provincie Overijssel")])
    assert alone.text == "Provincie Overijssel [1]"  # better than nothing


def test_a_sentence_pointing_back_at_its_heading_is_led_by_it() -> None:
    heading, sentence = _units(["Persoonlijke autonomie", "Dit grondrecht gaat over de vrijheid van de mens."])
    heading.heading = True
    answer = compose("vraag", [heading, sentence], [_hit("Persoonlijke autonomie\n\nDit grondrecht gaat over …")])
    assert answer.text == "Persoonlijke autonomie: Dit grondrecht gaat over de vrijheid van de mens. [1]"
    assert answer.citations[0].sentences == ("Persoonlijke autonomie", "Dit grondrecht gaat over de vrijheid van de mens.")
    other = _units(["Provincie Overijssel", "Ook de provincie Overijssel pioniert."])
    other[0].heading = True
    assert compose("vraag", other, [_hit("…")]).text == "Ook de provincie Overijssel pioniert. [1]"  # no pointer


def test_a_further_sentence_pointing_back_comes_only_with_what_it_points_at() -> None:
    units = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("Elke fase wordt apart afgerekend.", 0.90), ("Een tussenzin.", 0.30),
        ("De ontwikkelfase kent stappen.", 0.86), ("Dit kan per partnerschap anders zijn.", 0.88),
        ("Een andere zin.", 0.30), ("Dit geldt voor elke fase.", 0.89),
    ])]
    ranked = sorted(units, key=lambda u: -u.score)
    more = _more_from_quoted(units[0], ranked, [units[0]])
    # "Dit kan …" with the sentence it points at (found after it), not "Dit geldt …" without "Een andere zin."
    assert sorted(u.text for u in more) == ["De ontwikkelfase kent stappen.", "Dit kan per partnerschap anders zijn."]


def test_a_bulleted_whole_sentence_may_join_the_answer_but_not_a_numbered_step_nor_a_quoted_list() -> None:
    units = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("Dit grondrecht gaat over de vrijheid om zelf te bepalen.", 0.90),
        ("- Voorbeeld van risico: ongemerkte beïnvloeding door sturende AI.", 0.89),
        ("- 9. Zorg voor ruimte voor kritiek.", 0.89), ("- en voor tegengeluid", 0.89),
    ])]
    ranked = sorted(units, key=lambda u: -u.score)
    assert [u.text for u in _more_from_quoted(units[0], ranked, [units[0]])] == [units[1].text]
    as_list = dataclasses.replace(units[0], text="- Vrijheid: zelf bepalen.")
    assert _more_from_quoted(as_list, [as_list, *ranked[1:]], [as_list]) == []


def test_a_lone_bulleted_sentence_among_sentences_is_written_as_one_of_them() -> None:
    prose, item = _unit("Het rapport merkt de volgende verhoudingen op:", 0), _unit("- 3% gaat naar onderzoek.", 1)
    one = compose("vraag", [prose, item], [_hit("")]).text
    assert one == "Het rapport merkt de volgende verhoudingen op: 3% gaat naar onderzoek. [1]"
    two = compose("vraag", [prose, item, _unit("- 14% gaat naar innovatie.", 2)], [_hit("")]).text
    assert two.splitlines()[1:] == ["- 3% gaat naar onderzoek.", "- 14% gaat naar innovatie. [1]"]  # a list
    title = dataclasses.replace(_unit("Vooraf enkele tips bij innovatie met digitale technologie", 0), heading=False)
    titled = [title, _unit("- Zorg voor draagvlak.", 1)]
    assert compose("vraag", titled, [_hit("")]).text.endswith("\n- Zorg voor draagvlak. [1]")  # no run-on title


def test_a_nearly_as_good_sentence_further_on_in_the_quoted_section_is_added_after_an_ellipsis() -> None:
    units = [_unit(t, i, score) for i, (t, score) in enumerate([
        ("De dienst betaalt de ontwikkeling.", 0.90), ("Een tussenzin.", 0.30), ("Een zin die er niet toe doet.", 0.20),
        ("De leverancier houdt de rechten.", 0.87), ("Dit staat in de lijst:", 0.89), ("Iets anders.", 0.50),
        ("Hoeveel tijd kost het?", 0.30), ("De dienst betaalt ook de tijd.", 0.87),
    ])]
    units[6].heading = True  # a heading that asks, as a cleaned document knows it
    ranked = sorted(units, key=lambda u: -u.score)
    more = _more_from_quoted(units[0], ranked, [units[0]])
    # not the lead-in, not the weak one, not one of the next section
    assert [u.text for u in more] == ["De leverancier houdt de rechten."]
    answer = compose("vraag", [units[0], *more], [_hit(" ".join(u.text for u in units))])
    assert answer.text == "De dienst betaalt de ontwikkeling. … De leverancier houdt de rechten. [1]"
    cut = dataclasses.replace(units[0], text="De dienst betaalt de ontwikkeling van de innovatie en alles wat …")
    assert compose("vraag", [cut, *more], [_hit("")]).text == f"{cut.text} De leverancier houdt de rechten. [1]"
    # one of the next section that answers as well as the best joins it
    units[7].score = 0.89
    more = _more_from_quoted(units[0], sorted(units, key=lambda u: -u.score), [units[0]])
    assert [u.text for u in more] == ["De dienst betaalt ook de tijd.", "De leverancier houdt de rechten."]


def test_a_question_about_one_step_is_not_answered_with_the_outline_of_all_steps(pipeline: Pipeline) -> None:
    inside = pipeline.ask("Welke stappen zijn er in de ontwikkelfase van een innovatiepartnerschap?")
    assert not inside.text.startswith("- 1. Vraagarticulatie")
    assert "ontwikkel" in inside.text.lower()


def test_a_quantity_told_in_a_step_is_quoted_without_the_steps_after_it() -> None:
    steps = [_unit(text, n, score) for n, (text, score) in enumerate([
        ("- 1. U publiceert een aankondiging.", 0.80), ("- 2. U selecteert ten minste drie gegadigden.", 0.90),
        ("- 3. U voert de dialoog met de gegadigden.", 0.85), ("- 4. U gunt de opdracht.", 0.70),
    ])]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert [u.text for u in answerer.select("Hoeveel gegadigden selecteer ik?", steps)] == [steps[1].text]
    assert len(answerer.select("Wat doe ik met de gegadigden?", steps)) > 1  # no quantity asked: the list goes on


def test_a_quantity_question_puts_a_nearly_as_good_sentence_that_gives_the_quantity_first() -> None:
    vague, counted, far = (_unit("De vragen leiden tot advies.", 0, 0.90), _unit("Er zijn vijf vragen.", 1, 0.88),
                           _unit("Er zijn zes vragen.", 2, 0.70))
    assert _quantity_first("Hoeveel vragen zijn er?", [vague, counted, far]) == [counted, vague, far]
    assert _quantity_first("Waartoe leiden de vragen?", [vague, counted, far]) == [vague, counted, far]
    assert _quantity_first("Hoeveel vragen zijn er?", [vague, far]) == [vague, far]  # too weak to lead


def test_a_which_question_puts_a_nearly_as_good_sentence_that_lists_them_first() -> None:
    counted, listed, far = (_unit("De checklist behandelt 3 thema's.", 0, 0.95),
                            _unit("De checklist behandelt 3 thema's; strategie, processen en cultuur.", 1, 0.93),
                            _unit("Thema's: strategie, mensen, cultuur.", 2, 0.70))
    assert _listing_first("Welke thema's behandelt de checklist?", [counted, listed, far]) == [listed, counted, far]
    assert _listing_first("Hoe werkt de checklist?", [counted, listed, far]) == [counted, listed, far]
    assert _listing_first("Welke thema's behandelt de checklist?", [counted, far]) == [counted, far]  # too weak
    assert _listing_first("Welke fasen kent SBIR?", [counted, listed]) == [counted, listed]  # lists no phases


def test_a_list_under_a_heading_naming_a_way_of_working_is_the_steps() -> None:
    items = ["- Inventariseer de behoeften.", "- Bundel de behoeften.", "- Kies een procedure."]
    working = [_unit("Werkwijze", 0), *(_unit(item, n) for n, item in enumerate(items, 1))]
    assert [u.text for u in _way_of_working({0: working})] == ["Werkwijze", *items]
    pitfalls = [_unit("Valkuilen", 0), *working[1:]]
    assert _way_of_working({0: pitfalls}) == []  # a list of pitfalls is no way of working
    assert asks_for_steps("Hoe voer ik een marktverkenning uit?")
    assert not asks_for_steps("Wie voert de marktverkenning uit?")


def test_stepping_out_is_no_question_about_steps(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Mag een bedrijf tussentijds uit het innovatiepartnerschap stappen?")
    assert not answer.text.startswith("- 1. Vraagarticulatie")
    for question in ("Wat als een aanbieder eruit stapt?", "Kan een partij uit het traject stappen?"):
        assert not asks_for_steps(question), question
    for question in ("Uit welke stappen bestaat het plan?", "In welke stappen verloopt SBIR?", "Uit de tien stappen?"):
        assert asks_for_steps(question), question


def test_who_or_when_asks_nothing_of_the_steps_a_question_names() -> None:
    for question in ("Wie heeft het stappenplan gemaakt?", "Wanneer is het stappenplan verschenen?",
                     "In welke fasen van innovatie kun je SBIR inzetten?", "Na welke fasen kan een partij afhaken?"):
        assert not asks_for_steps(question), question
    assert asks_for_steps("Welke stappen heeft het stappenplan?")


def test_a_heading_that_asks_is_known_as_a_heading_from_the_document(tmp_path: Path) -> None:
    """Web pages and factsheets ask in their headings; only the cleaner can tell them from a sentence that asks."""
    pipeline = ingested(tmp_path, {
        "prijsvraag.md": "# Prijsvragen\n\n## Wat is een prijsvraag?\n\nEen prijsvraag daagt de markt uit met een "
        "probleem. De jury kiest de beste inzending.\n\n## Wanneer kiest u voor een prijsvraag?\n\n"
        "Als u nog niet weet welke oplossing mogelijk is.\n",
    })
    (hit,) = pipeline.retriever.search("Wat is een prijsvraag?", k=1)
    assert "Wanneer kiest u voor een prijsvraag?" in hit.chunk.text  # the section opens inside the chunk
    answer = pipeline.ask("Wat is een prijsvraag?")
    assert answer.text == "Een prijsvraag daagt de markt uit met een probleem. De jury kiest de beste inzending. [1]"


def test_an_answer_keeps_its_lists_and_sentences_in_the_order_of_the_passage() -> None:
    units = [_unit("- 2. Geef deelnemers zes weken.", 4), _unit("- 3. Laat de jury beoordelen.", 5),
             _unit("Deelnemers haken af als zij hun rechten verliezen.", 9)]
    answer = compose("vraag", units, [_hit("")])
    assert answer.text == (
        "- 2. Geef deelnemers zes weken.\n- 3. Laat de jury beoordelen.\n"
        "… Deelnemers haken af als zij hun rechten verliezen. [1]"
    )


def test_a_table_row_is_data_not_a_heading() -> None:
    assert looks_like_heading("Zo organiseert u een marktdialoog")
    assert not looks_like_heading("| Informatiebijeenkomst | veel partijen tegelijk |")  # a web page's table
    assert not looks_like_heading("Informatiebijeenkomst | veel partijen tegelijk")


def test_a_follow_up_of_a_follow_up_keeps_the_subject_not_what_was_asked_of_it() -> None:
    first = Turn("Wat is SBIR?", "SBIR daagt ondernemers uit.")
    second = resolve("Wie mag daaraan meedoen?", [first])  # "daaraan" points back, like "daarvan"
    assert second == "Wie mag daaraan meedoen? (SBIR)"
    third = resolve("En wie is eigenaar van de resultaten?", [first, Turn(second, "Alle ondernemers.")])
    assert third == "En wie is eigenaar van de resultaten? (SBIR)"  # not "(meedoen SBIR)"
    assert resolve("Waarom zou ik er een houden?", [Turn("Wat is een marktconsultatie?", "…")]) == (
        "Waarom zou ik er een houden? (marktconsultatie)"  # one of what the question before was about
    )


def test_a_phase_a_document_numbers_only_by_its_place_in_a_list_is_that_item() -> None:
    items = ["- 1. Haalbaarheidsonderzoek: dat duurt zes maanden.", "- 2. Ontwikkeling: een prototype in twee jaar."]
    units = [_unit("SBIR daagt ondernemers uit.", 0, 0.9), _unit("De fasen van SBIR", 1, 0.8)] + [
        _unit(item, i, 0.85) for i, item in enumerate(items, start=2)
    ]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert [u.text for u in answerer.select("Hoe lang duurt fase 2?", units, named={("fase", "2")}, lead=set())] == [
        items[1]
    ]
    tips = [units[0], _unit("Tips", 1, 0.8)] + units[2:]  # a numbered list of something else
    assert answerer.select("Hoe lang duurt fase 2?", tips, named={("fase", "2")}, lead=set()) != [tips[3]]



def test_a_list_cut_in_two_by_the_chunking_is_answered_whole_from_its_lead_in() -> None:
    """The second half's passage ranks first; its list has no lead-in of its own, and the passage before it in the
    document (retrieved too) ends with the first half: one list, cited in the order it is read."""
    first = ["Lees de tien regels hieronder:", "- 1. Zorg voor een zakelijke rechtvaardiging.",
             "- 2. Toon de meerwaarde aan."]  # two items: too few for a list of its own
    second = ["2. Toon de meerwaarde aan.", "- 3. Zorg voor draagvlak.", "- 4. Standaardiseer eerst de werkprocessen.",
              "- 5. Breng de risico's in kaart.", "- 6. Laat buitenstaanders meekijken bij ICT-projecten."]
    hits = [Hit(Chunk("plan", "Plan", "\n\n".join(second), 8), 2.0, parts=("plan#8",)),
            Hit(Chunk("plan", "Plan", "\n\n".join(first), 7), 1.0, parts=("plan#6", "plan#7"))]
    units = [dataclasses.replace(_unit(text, i, 0.9 if "ICT" in text else 0.5), passage=0) for i, text in enumerate(second)]
    units += [dataclasses.replace(_unit(text, i), passage=1) for i, text in enumerate(first)]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select("Welke tips zijn er voor ICT-projecten?", units, hits=hits)
    assert [u.text for u in chosen] == first + second[1:]
    answer = compose("Welke tips zijn er voor ICT-projecten?", chosen, hits)
    assert answer.text.startswith("Lees de tien regels hieronder:\n- 1. Zorg")
    assert answer.text.endswith("bij ICT-projecten. [2]") and answer.citations[0].chunk.position == 7
    hits[1] = dataclasses.replace(hits[1], parts=("plan#5", "plan#6"))  # not the passage before: no first half
    assert [u.text for u in answerer.select("Welke tips zijn er voor ICT-projecten?", units, hits=hits)] == second



def test_a_list_announced_by_what_the_question_asks_several_of_comes_before_its_sections_opening() -> None:
    units = _units([
        "Overkoepelende aanbevelingen", "Uit de inventarisatie blijkt veel enthousiasme.",
        "Deze aandachtspunten leiden tot 3 aanbevelingen:", "- A. Stel een actieplan op.",
        "- B. Bied voorlichting.", "- C. Zoek de samenwerking.",
    ])
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]

    def on_recommendations(unit: ScoredUnit) -> bool:  # the section's heading titles the asked aspect
        return unit.heading

    chosen = answerer.select("Welke aanbevelingen doet de werkgroep?", units, asked_aspect=on_recommendations)
    assert [u.text for u in chosen] == [u.text for u in units[2:]]
    following_up = answerer.select("En welke aanbevelingen horen daarbij?", units, asked_aspect=on_recommendations)
    assert following_up == chosen
    for question in ("Wat zijn de aanbevelingen van de werkgroep?", "Wat zijn de belangrijkste aanbevelingen?"):
        assert answerer.select(question, units, asked_aspect=on_recommendations) == chosen, question
    opening = answerer.select("Wat doet de werkgroep met de aanbevelingen?", units, asked_aspect=on_recommendations)
    assert [u.text for u in opening][:2] == [u.text for u in units[:2]]  # no list asked for: the section's opening


def test_a_quoted_footnote_reads_without_its_number_and_is_highlighted_with_it() -> None:
    footnote = _unit("16 Het staat elke aanbestedende dienst vrij om zelf een SBIR op te zetten.", 3)
    answer = compose("Wat doet RVO bij SBIR?", [footnote], [_hit(footnote.text)])
    assert answer.text == "Het staat elke aanbestedende dienst vrij om zelf een SBIR op te zetten. [1]"
    assert answer.citations[0].sentences == (footnote.text,)


def test_the_steps_of_one_procedure_do_not_answer_how_another_goes(tmp_path: Path) -> None:
    phases = "".join(
        f"\n\n## {n}. {name}\n\n" + f"In de {name.lower()} werkt de dienst met de partners aan het innovatiepartnerschap. " * 3
        for n, name in enumerate(["Vraagarticulatie", "Mededingingsfase", "Ontwikkelfase", "Commerciële fase"])
    )
    pipeline = ingested(tmp_path, {
        "partnerschap.md": "# Factsheet innovatiepartnerschap\n\n## Wanneer\n\nKies een innovatiepartnerschap "
        "als de oplossing nog niet bestaat; is de vraag moeilijk te specificeren, kies dan een concurrentiegerichte "
        "dialoog." + phases,
    })
    assert asks_for_steps("Hoe verloopt een innovatiepartnerschap?")
    assert not asks_for_steps("Hoe verloopt de daadwerkelijke aankoop?")  # one part of it: no steps
    own = pipeline.ask("Hoe verloopt een innovatiepartnerschap?").text.splitlines()
    assert [line.split(":")[0] for line in own] == ["- 0. Vraagarticulatie", "- 1. Mededingingsfase",
                                                   "- 2. Ontwikkelfase", "- 3. Commerciële fase"]
    other = pipeline.ask("Hoe verloopt de concurrentiegerichte dialoog?").text
    assert "Mededingingsfase" not in other  # the factsheet names the dialogue once: its phases are not the dialogue's



def test_the_verb_of_what_does_x_entail_is_no_word_a_sentence_must_share(tmp_path: Path) -> None:
    pipeline = ingested(tmp_path, {
        "partnerschap.md": "# Innovatiepartnerschap\n\n## Inleiding\n\nEnerzijds houdt dit voor de ondernemer een "
        "afname in als de ontwikkelfase slaagt.\n\n## 2. Ontwikkelfase\n\nDe ontwikkelfase bestaat uit verkenning, "
        "een prototype en testen.\n",
    })
    question = "Wat houdt de ontwikkelfase in?"
    hits = pipeline.retriever.with_sentences(question, pipeline.retriever.search(question))
    lexical = {s.text: s.lexical for hit in hits for s in hit.sentences or ()}
    entails = lexical["Enerzijds houdt dit voor de ondernemer een afname in als de ontwikkelfase slaagt."]
    assert entails == lexical["De ontwikkelfase bestaat uit verkenning, een prototype en testen."] == 1.0


def test_a_passage_scoring_nearly_as_well_is_not_quoted_beside_the_best() -> None:
    answering = _unit("Nieuwe aanbieders kunnen niet instappen in een lopend innovatiepartnerschap.", 0, 0.900)
    aside = dataclasses.replace(_unit("De opdrachtgever kan met meer opdrachtnemers starten.", 0, 0.899), passage=1)
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert answerer.select("Kan een nieuwe aanbieder instappen in een lopend innovatiepartnerschap?",
                           [answering, aside]) == [answering]


def test_a_quoted_run_stops_before_someone_elses_words_unless_announced() -> None:
    units = _units([
        "Vooraf moet een raming van de omvang van de opdracht worden opgesteld.",
        "Dat is lastig als de oplossing nog niet bekend is.",
        "“ Ik denk dat de voordelen van innovatiegericht inkopen te weinig worden gezien.",
        "Daar ligt nog een grote veranderopgave voor bestuurders en opdrachtgevers.”",
    ])
    assert [u.position for u in span(units[0], units)] == [0, 1]
    announced = _units(["De wethouder zei het zo:", units[2].text, units[3].text])
    assert [u.position for u in span(announced[0], announced)] == [0, 1, 2]
    assert not stands_alone(units[3])  # the end of someone's words, begun before it
    assert stands_alone(_unit("Zo ontstond een “tweehandige” organisatie.", 0))


def test_a_question_naming_most_words_of_a_steps_title_asks_inside_that_step() -> None:
    outline = [_unit(f"- Stap {n}: {title}", n) for n, title in enumerate(
        ["Verkennen nieuwe technologieën", "Beschrijven minimale eisen", "Opstellen opschalingsplan"], 1)]
    assert _asks_inside_a_step("Welke tips geeft het stappenplan voor het opstellen van minimale eisen?", outline)
    assert _asks_inside_a_step("Welke stappen zijn er bij het opstellen van een opschalingsplan?", outline)
    assert not _asks_inside_a_step("Welke stappen doorloop ik voor nieuwe eisen?", outline)  # one word of each
    assert not _asks_inside_a_step("Welke stappen heeft het stappenplan voor digitale innovaties?", outline)


def test_an_ordinal_without_its_noun_after_a_question_on_phases_names_a_phase() -> None:
    history = [Turn("Welke fasen heeft het? (innovatiepartnerschap)", "…")]
    assert resolve("Wat gebeurt er in de tweede?", history) == "Wat gebeurt er in fase 2? (innovatiepartnerschap)"
    assert resolve("Wat houdt de tweede in?", history) == "Wat houdt fase 2 in? (innovatiepartnerschap)"
    assert resolve("Wie is de tweede partij?", history) == "Wie is de tweede partij?"  # the ordinal has its noun
    assert resolve("Wat gebeurt er in de tweede?", []) == "Wat gebeurt er in de tweede?"
    asked = [Turn("Wat gebeurt er in fase 2? (innovatiepartnerschap)", "…")]
    assert resolve("En bij SBIR?", asked) == "En bij SBIR? (fase 2)"  # the same of another subject, number and all
    later = [*history, Turn("En wat zijn de risico's? (innovatiepartnerschap)", "…")]  # the phases a turn back
    assert resolve("Hoe lang duurt de tweede?", later) == "Hoe lang duurt fase 2? (innovatiepartnerschap)"


def test_the_difference_with_something_after_a_question_on_a_subject_compares_the_two() -> None:
    assert resolve("Wat is het verschil met een innovatiepartnerschap?", [Turn("Wat is SBIR?", "…")]) == (
        "Wat is het verschil tussen SBIR en een innovatiepartnerschap?"
    )
    after_a_follow_up = [Turn("Hoe lang duurt fase 2? (innovatiepartnerschap)", "…")]
    assert resolve("Wat is het verschil met SBIR?", after_a_follow_up) == (
        "Wat is het verschil tussen innovatiepartnerschap en SBIR?"
    )
    assert resolve("Wat is het verschil met SBIR?", []) == "Wat is het verschil met SBIR?"


def test_the_last_part_is_which_part_not_a_topic_and_is_asked_again_of_another_subject() -> None:
    assert resolve("Wat gebeurt er in de laatste fase?", [Turn("Wat is SBIR?", "…")]) == (
        "Wat gebeurt er in de laatste fase? (SBIR)"
    )
    asked = [Turn("Wat gebeurt er in de laatste fase? (SBIR)", "…")]
    assert resolve("En bij een innovatiepartnerschap?", asked) == "En bij een innovatiepartnerschap? (laatste fase)"


def test_a_follow_up_saying_nothing_itself_asks_about_the_aspect_asked_before() -> None:
    advantages = [Turn("Wat zijn daarvan de voordelen? (innovatiepartnerschap)", "…")]
    assert resolve("Waarom is dat?", advantages) == "Waarom is dat? (voordelen innovatiepartnerschap)"
    assert resolve("Wie betaalt dat?", advantages) == "Wie betaalt dat? (innovatiepartnerschap)"  # asks its own
    # the aspect a follow-up before carried on counts too
    barriers = [Turn("Wat zijn de knelpunten bij SBIR?", "…"), Turn("Welke is het belangrijkste? (knelpunten SBIR)", "…")]
    assert resolve("Hoe los ik dat op?", barriers) == "Hoe los ik dat op? (knelpunten SBIR)"
    # "voorkom", "beperk", "regel" say what to do about the aspect, and name no subject of their own
    risk = [Turn("Wat is het risico daarvan? (intellectueel eigendom)", "…")]
    assert resolve("Hoe voorkom ik dat?", risk) == "Hoe voorkom ik dat? (risico intellectueel eigendom)"
    assert resolve("Wat moet ik daarvoor regelen?", risk) == "Wat moet ik daarvoor regelen? (risico intellectueel eigendom)"


def test_a_sentence_naming_the_asked_part_leads_when_the_part_has_no_section() -> None:
    vague, naming = (_unit("SBIR en het partnerschap passen bij vroege fasen van innovatie.", 0, 0.90),
                     _unit("De fases zijn: haalbaarheid (fase 1), een prototype (fase 2) en vermarkten (fase 3).", 1, 0.87))
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    question = "Wat is fase 2 van SBIR?"
    assert answerer.select(question, [vague, naming], named_parts(question))[0] is naming
    far = dataclasses.replace(naming, score=0.80)
    assert answerer.select(question, [vague, far], named_parts(question))[0] is vague


def test_a_list_question_gets_the_list_of_the_section_whose_heading_answers_best() -> None:
    texts = [("De tien regels van Bureau ICT Toetsing", 1.05),
             ("Het bureau toetst grote ICT-projecten van de overheid vooraf.", 0.96),
             ("Die toetsing is gericht op projecten van meer dan vijf miljoen euro.", 0.93),
             ("De regels zijn ook bruikbaar om te bepalen of u kunt doorgaan.", 0.92),
             ("Hoe staat u ervoor na het lezen van onderstaande tien regels?", 0.87),
             ("- 1. Zorg voor een zakelijke rechtvaardiging voor het project.", 0.82),
             ("- 2. Toon de meerwaarde aan voor eindgebruikers en de samenleving.", 0.80),
             ("- 3. Zorg voor draagvlak bij alle betrokken partijen.", 0.85)]
    units = [_unit(text, position, score) for position, (text, score) in enumerate(texts)]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    for question in ("Wat zijn de tien regels van Bureau ICT Toetsing?", "Welke regels hanteert het bureau?"):
        chosen = answerer.select(question, units)
        assert [u.position for u in chosen] == [4, 5, 6, 7], question
    assert answerer.select("Wat doet het Bureau ICT Toetsing?", units)[0].position == 0  # no list asked for


def test_a_list_that_only_names_what_is_asked_for_does_not_answer_a_question_about_something_else() -> None:
    texts = [("De opdracht aan de werkgroep bestaat uit de volgende onderdelen:", 0.80),
             ("- Het vervullen van een ambassadeursrol binnen de eigen organisatie.", 0.78),
             ("- Identificeren van knelpunten rondom innovatiegericht inkopen.", 0.90),
             ("- Klankbord zijn voor het ministerie over het beleid.", 0.77)]
    task_list = [_unit(text, position, score) for position, (text, score) in enumerate(texts)]
    budgets = dataclasses.replace(_unit("Meerjarige budgetten ontbreken, dus lange investeringen zijn lastig.", 0, 0.91),
                                  passage=1)
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert answerer.select("Welke knelpunten zijn er rond budgetten?", [*task_list, budgets]) == [budgets]
    # about nothing else, still no list of knelpunten: a list of tasks, one of which names them
    assert answerer.select("Welke knelpunten ziet de werkgroep?", [*task_list, budgets]) == [budgets]


def test_a_source_quoted_as_a_list_item_starts_on_a_line_of_its_own() -> None:
    prose = _unit("Er zijn 55 SBIR-trajecten uitgevoerd.", 0)
    item = dataclasses.replace(_unit("- 1. Pre-commerciële inkoop: het inkopen van onderzoek.", 0), passage=1)
    answer = compose("vraag", [prose, item], [_hit("Er zijn 55 SBIR-trajecten uitgevoerd."), _hit(item.text)])
    assert answer.text == f"{prose.text} [1]\n\n{item.text} [2]"
    assert compose("vraag", [prose], [_hit(prose.text)]).text == f"{prose.text} [1]"


def test_a_hyphenated_word_of_the_quote_says_its_parts() -> None:
    trajects = _unit("Er zijn 55 SBIR-trajecten uitgevoerd door RVO.", 0, 0.900)
    other = dataclasses.replace(_unit("Een voorbeeld is pre-commercieel inkopen via een SBIR.", 0, 0.899), passage=1)
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert answerer.select("Hoeveel trajecten heeft RVO voor SBIR uitgevoerd?", [trajects, other]) == [trajects]


def test_a_quote_stating_the_asked_number_is_the_whole_answer() -> None:
    about = _unit("De handreiking helpt inkopers en innovatiemanagers om aan de slag te gaan.", 0, 0.950)
    count = _unit("De handreiking telt 10 stappen.", 5, 0.930)
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    assert answerer.select("Hoeveel stappen telt de handreiking?", [about, count]) == [count]
    assert about in answerer.select("Voor wie is de handreiking?", [about, count])  # no number asked


def test_a_follow_up_after_one_on_another_subject_is_about_that_subject() -> None:
    paid = [Turn("Wie betaalt dat? (SBIR fase 1)", "…")]
    assert resolve("En bij een innovatiepartnerschap?", paid) == "En bij een innovatiepartnerschap? (betaalt)"
    other = [Turn("En bij een innovatiepartnerschap? (betaalt)", "…")]
    assert resolve("Wat zijn daarvan de nadelen?", other) == "Wat zijn daarvan de nadelen? (innovatiepartnerschap)"
    drawbacks = [Turn("Wat zijn daarvan de nadelen? (innovatiepartnerschap)", "…")]
    assert resolve("Hoe kan ik die beperken?", drawbacks) == "Hoe kan ik die beperken? (nadelen innovatiepartnerschap)"
    assert resolve("Wie betaalt dat?", drawbacks) == "Wie betaalt dat? (innovatiepartnerschap)"  # asks its own
    risks = [Turn("En wat zijn daarvan de risico's? (innovatiepartnerschap)", "…")]
    assert resolve("Kan ik het tussentijds stopzetten?", risks) == (  # "het" is the partnership
        "Kan ik het tussentijds stopzetten? (innovatiepartnerschap)"
    )


def test_a_quoted_list_keeps_the_rest_of_an_item_the_pdf_broke_off() -> None:
    units = _units([
        "Enkele voorbeelden van afwegingen die u kunt maken:",
        "- Kunt u inspelen op veranderingen in de organisatie?",
        "Is er bijvoorbeeld expertise aanwezig?",
        "- Wat is de volwassenheid van de technologie?",
        "Bovendien is het belangrijk om de volgende checks uit te voeren:",
        "- Vaststellen of de uitvraag een innovatieve oplossing behoeft.",
    ])
    quoted = span(units[1], units, max_units=None)
    assert [u.text for u in quoted] == [
        "- Kunt u inspelen op veranderingen in de organisatie? Is er bijvoorbeeld expertise aanwezig?",
        "- Wat is de volwassenheid van de technologie?",  # not the next list's lead-in, nor that list
    ]
    assert quoted[0].quotes == ("Kunt u inspelen op veranderingen in de organisatie?", "Is er bijvoorbeeld expertise aanwezig?")


def test_the_last_step_is_the_last_of_the_outline(pipeline: Pipeline) -> None:
    last = pipeline.ask("Wat is de laatste fase van een innovatiepartnerschap?")
    assert last.text.startswith("- 4. Commerciële fase") and last.text.count("\n") == 0
    history = [Turn("Welke fasen heeft het? (innovatiepartnerschap)", "…")]
    assert resolve("En de laatste?", history) == "En de laatste fase? (innovatiepartnerschap)"


def test_a_heading_naming_what_the_best_sentence_lacks_leads_from_further_below() -> None:
    best = _unit("Bovendien zijn er bij innovatiegericht inkopen meer en hogere risico's.", 0, 0.928)
    budgets = _unit("Meerjarige budgetten ontbreken", 1, 0.890)
    budgets.heading = True
    question = "Welke problemen met budgetten remmen innovatiegericht inkopen af?"
    assert _heading_first(question, [best, budgets])[0] is budgets
    topical = _unit("Innovatiegericht inkopen", 1, 0.890)  # names only what the best sentence says too
    topical.heading = True
    assert _heading_first(question, [best, topical])[0] is best
    far = dataclasses.replace(budgets, score=0.880)
    assert _heading_first(question, [best, far])[0] is best
    # one in another document than the best sentence's needs the smaller margin
    elsewhere = dataclasses.replace(budgets, passage=1)
    assert _heading_first(question, [best, elsewhere], ["factsheet.pdf", "rapport.pdf"])[0] is best
    assert _heading_first(question, [best, elsewhere], ["rapport.pdf", "rapport.pdf"])[0] is elsewhere


def test_a_sentence_elsewhere_naming_the_asked_step_and_answering_far_better_leads() -> None:
    question = "Met wie werk ik bij stap 3 de minimale randvoorwaarden verder uit?"
    heading = dataclasses.replace(_unit("STAP 3: BESCHRIJF DE MINIMALE EISEN", 0, 0.867), heading=True)
    inside = _unit("U gaat eisen opstellen waar de technologie aan moet voldoen.", 1, 0.85)
    naming = dataclasses.replace(
        _unit("Bij Stap 3 kunt u samen met experts de minimale randvoorwaarden nader uitdiepen.", 5, 0.948), passage=1,
        lexical=0.5)  # names more of the question than the heading
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    chosen = answerer.select(question, [heading, inside, naming], named={("stap", "3")}, lead={0})
    assert chosen[0].text == naming.text
    chosen = answerer.select("Wat is stap 3?", [heading, inside, naming], named={("stap", "3")}, lead={0})
    assert chosen[0].text == heading.text  # asks what the step is: its own section
    nearly = dataclasses.replace(naming, score=0.9)  # not far enough above the step's own heading
    chosen = answerer.select(question, [heading, inside, nearly], named={("stap", "3")}, lead={0})
    assert chosen[0].text == heading.text


def test_a_list_item_titled_by_what_the_best_sentence_lacks_leads_as_a_heading_would() -> None:
    question = "Wanneer moet ik afspraken over geheimhouding vastleggen?"
    best = _unit("- Meerdere aanbieders. De kennisuitwisseling moet helder worden vastgelegd.", 0, 0.885)
    secrecy = _unit("- Geheimhouding. Leg de maatregelen tijdig vast.", 1, 0.879)
    assert _heading_first(question, [best, secrecy])[0] is secrecy
    others = _unit("- Rollen. Leg de afspraken over geheimhouding vast.", 1, 0.879)  # a title the question lacks
    assert _heading_first(question, [best, others])[0] is best


def test_a_sentence_saying_what_the_thing_is_leads_the_answer_to_what_it_is() -> None:
    topical = _unit("Om de juiste stappen te kiezen, is een marktconsultatie een bron van informatie.", 0, 0.95)
    defining = _unit("Een marktconsultatie is een gesprek met de markt voordat u aanbesteedt.", 1, 0.92)
    far = dataclasses.replace(defining, score=0.85)
    assert _definition_first("Wat is een marktconsultatie?", [topical, defining]) == [defining, topical]
    assert _definition_first("Wat is een marktconsultatie?", [topical, far]) == [topical, far]  # too weak to lead
    assert _definition_first("Wanneer houd ik een marktconsultatie?", [topical, defining]) == [topical, defining]
    core = _unit("De kern van SBIR is dat de overheid ondernemers uitdaagt.", 1, 0.92)
    assert _definition_first("Wat is SBIR precies?", [topical, core])[0] is core
    general = _unit("Een marktconsultatie geeft de inkoper een beeld van de markt.", 1, 0.92)  # a general statement
    assert _definition_first("Wat is een marktconsultatie?", [topical, general])[0] is general
    particular = _unit("De marktconsultatie van Utrecht liep een maand.", 1, 0.92)  # one of them
    assert _definition_first("Wat is een marktconsultatie?", [topical, particular])[0] is topical


def test_a_heading_asking_another_question_does_not_lead() -> None:
    best = _unit("Een prijsvraag is een procedure waarmee een dienst een ontwerp kan verwerven.", 0, 0.950)
    when = _unit("Wanneer kiest u voor een prijsvraag?", 1, 0.940)
    when.heading = True
    assert _heading_first("Wat is een prijsvraag?", [best, when])[0] is best
    assert _heading_first("Wanneer kies ik een prijsvraag?", [best, when])[0] is when  # asked the same way


def test_the_topic_most_passages_say_is_no_new_word_for_a_second_passage() -> None:
    budgets = _unit("Meerjarige budgetten ontbreken vaak.", 0, 0.900)
    topic = dataclasses.replace(_unit("Innovatiegericht inkopen werd op een congres besproken.", 0, 0.899), passage=1)
    others = [dataclasses.replace(_unit(f"Innovatiegericht inkopen vraagt tijd, zegt bron {n}.", 0, 0.5), passage=n)
              for n in (2, 3)]
    answerer = ExtractiveAnswerer(retriever=None, settings=Settings())  # type: ignore[arg-type]
    question = "Welke problemen met budgetten remmen innovatiegericht inkopen af?"
    assert answerer.select(question, [budgets, topic, *others]) == [budgets]


def test_a_comparison_quotes_what_each_subject_is_from_any_of_the_passages(tmp_path: Path) -> None:
    pipeline = ingested(tmp_path, {
        "methoden.md": "# Methoden\n\nSBIR en het innovatiepartnerschap zijn instrumenten voor innovatiegericht "
                       "inkopen. Beide passen bij vraagstukken die de markt nog niet oplost.\n",
        "sbir.md": "# SBIR\n\nSBIR is een competitie waarin de overheid ondernemers uitdaagt om onderzoek en "
                   "ontwikkeling te doen. De overheid betaalt het onderzoek volledig.\n",
        "partnerschap.md": "# Innovatiepartnerschap\n\nHet innovatiepartnerschap is een aanbestedingsprocedure waarin "
                           "u ontwikkelt en daarna de oplossing afneemt zonder nieuwe aanbesteding.\n",
    })
    answer = pipeline.ask("Wat is het verschil tussen SBIR en een innovatiepartnerschap?")
    assert answer.text.startswith("SBIR is een competitie")
    assert "innovatiepartnerschap" in answer.text and len(answer.citations) == 2  # the other subject too


def test_asking_whether_steps_must_be_followed_is_no_question_for_the_steps() -> None:
    for question in ("Moet ik de stappen strikt na elkaar doorlopen?", "Mag ik fasen van SBIR overslaan?"):
        assert not asks_for_steps(question), question
    for question in ("Kun je de stappen van SBIR noemen?", "Kunt u de fasen beschrijven?", "Welke stappen moet ik zetten?"):
        assert asks_for_steps(question), question


def test_a_numbered_list_answers_how_to_go_about_it_only_from_the_document_about_it(tmp_path: Path) -> None:
    pipeline = ingested(tmp_path, {
        "marktverkenning.md": "# Handreiking marktverkenning\n\n"
        + "Een marktverkenning laat zien welke oplossingen er al zijn bij leveranciers. " * 3
        + "\n\n## Werkwijze\n\n- Bepaal welke informatie u nodig heeft.\n- Spreek met enkele leveranciers.\n",
        "checklist.md": "# Checklist marktconsultatie\n\n"
        + "Een goede marktconsultatie vraagt om voorbereiding en een marktonderzoek. " * 3
        + "\n\n## Na afloop\n\n1. Publiceer een verslag.\n2. Verwerk de uitkomsten.\n3. Bedank de deelnemers.\n",
    })
    answer = pipeline.ask("Hoe pak ik een marktverkenning aan?")  # the thesaurus adds "marktconsultatie"
    assert "Publiceer een verslag" not in answer.text  # the checklist's list is not the marktverkenning's way
    assert pipeline.ask("Hoe pak ik een marktconsultatie aan?").text.startswith("- 1. Publiceer een verslag.")
