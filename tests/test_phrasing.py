import pytest

from assistant.conversation import Turn, resolve
from assistant.phrasing import as_question, without_source, without_speaker
from assistant.pipeline import Pipeline


@pytest.mark.parametrize(("request_", "question"), [
    ("Noem de knelpunten bij innovatiegericht inkopen", "Wat zijn de knelpunten bij innovatiegericht inkopen?"),
    ("Som de voordelen van gezamenlijk inkopen op.", "Wat zijn de voordelen van gezamenlijk inkopen?"),
    ("Noem drie voordelen van een innovatiepartnerschap.", "Wat zijn drie voordelen van een innovatiepartnerschap?"),
    ("Noem de belangrijkste risico's van SBIR", "Wat zijn de belangrijkste risico's van SBIR?"),
    ("Geef me een overzicht van de methoden", "Wat is een overzicht van de methoden?"),
    ("Geef voorbeelden van gezamenlijke inkoop", "Wat zijn voorbeelden van gezamenlijke inkoop?"),
    ("Beschrijf het innovatiepartnerschap", "Wat is het innovatiepartnerschap?"),
    ("Leg de fasen van SBIR uit", "Wat zijn de fasen van SBIR?"),
    ("Vertel me iets over SBIR", "Wat is SBIR?"),
    ("Kun je uitleggen wat een innovatiepartnerschap is?", "Wat is een innovatiepartnerschap?"),
    ("Kunt u mij vertellen welke fasen SBIR heeft?", "Welke fasen heeft SBIR?"),
    ("Geef aan hoe een proeftuin werkt", "Hoe werkt een proeftuin?"),
    ("Ik wil weten hoe lang een concurrentiegerichte dialoog duurt.", "Hoe lang duurt een concurrentiegerichte dialoog?"),
    ("Ik wil graag weten hoe ik een proeftuin moet opzetten", "Hoe moet ik een proeftuin opzetten?"),
    ("Ik vraag me af of nieuwe aanbieders later kunnen instappen", "Kunnen nieuwe aanbieders later instappen?"),
    ("Weet u waarom het innovatiepartnerschap weinig wordt gebruikt?", "Waarom wordt het innovatiepartnerschap weinig gebruikt?"),
    ("Ik wil weten wat er gebeurt na fase 1", "Wat er gebeurt na fase 1?"),  # its verb is not last: kept in order
    ("Waar moet ik op letten bij een innovatiepartnerschap?", "Welke aandachtspunten zijn er bij een innovatiepartnerschap?"),
    ("Waar let je op als je een proeftuin start?", "Welke aandachtspunten zijn er als je een proeftuin start?"),
])
def test_a_request_is_asked_as_a_question(request_: str, question: str) -> None:
    assert as_question(request_) == question


@pytest.mark.parametrize("text", ["Wat zijn de stappen?", "SBIR?", "Noem", "Geef aan", "Geef aan welke", "Waar moet ik op letten?"])
def test_a_question_or_a_fragment_stays_as_it_is(text: str) -> None:
    assert as_question(text) == text


def test_a_request_is_answered_as_its_question_and_shown_as_resolved(pipeline: Pipeline) -> None:
    assert resolve("Noem de risico's van een innovatiepartnerschap", []) == (
        "Wat zijn de risico's van een innovatiepartnerschap?"
    )
    request = pipeline.ask("Noem de risico's van een innovatiepartnerschap")
    question = pipeline.ask("Wat zijn de risico's van een innovatiepartnerschap?")
    assert request.resolved_question == "Wat zijn de risico's van een innovatiepartnerschap?"
    assert request.text == question.text and not request.refused


@pytest.mark.parametrize(("question", "asked", "source"), [
    ("Wat zijn volgens de werkgroep de belangrijkste knelpunten?", "Wat zijn de belangrijkste knelpunten?", "de werkgroep"),
    ("Wat is de eerste stap volgens de factsheet?", "Wat is de eerste stap?", "de factsheet"),
    ("Volgens het rapport, wie neemt de regie?", "Wie neemt de regie?", "het rapport"),
    ("Welke knelpunten noemt de werkgroep?", "Welke knelpunten?", "de werkgroep"),
    ("Welke rol ziet de werkgroep daarin voor EZK?", "Welke rol daarin voor EZK?", "de werkgroep"),
    # a verb that asks for advice stays: it says what kind of passage answers
    # and asks for what a report calls its recommendations
    ("Wat adviseert PIANOo over de ontwikkelfase?", "Welke aanbevelingen over de ontwikkelfase?", "PIANOo"),
    ("Wat raadt de werkgroep aan?", "Welke aanbevelingen?", "de werkgroep"),
    ("Wat adviseert de werkgroep om de knelpunten op te lossen?", "Welke aanbevelingen om de knelpunten op te lossen?",
     "de werkgroep"),
    # but a question whether it advises something asks no more than that
    ("Raadt de werkgroep aan om streefcijfers te hanteren?", "Raadt aan om streefcijfers te hanteren?", "de werkgroep"),
    ("Wat zijn de aanbevelingen van de werkgroep?", "Wat zijn de aanbevelingen?", "de werkgroep"),
])
def test_a_source_the_question_names_is_taken_out(question: str, asked: str, source: str) -> None:
    assert without_source(question) == (asked, source)


@pytest.mark.parametrize("question", [
    "Hoe heeft de werkgroep de belemmeringen verzameld?",  # the work group is what it asks about
    "Wie zitten er in de werkgroep?",
    "Wat is de maximale looptijd van een raamovereenkomst volgens de Aanbestedingswet?",  # a law, no document
])
def test_a_question_about_a_source_keeps_it(question: str) -> None:
    assert without_source(question) == (question, None)


def test_a_question_naming_a_document_as_its_source_is_answered_from_that_document(pipeline: Pipeline) -> None:
    everywhere = pipeline.ask("Welke fasen zijn er?")
    assert {hit.chunk.doc_id for hit in everywhere.retrieved} > {"innovatiepartnerschap.md"}
    named = pipeline.ask("Welke fasen noemt de factsheet?")  # the mini corpus' factsheet is on the partnership
    assert {hit.chunk.doc_id for hit in named.retrieved} == {"innovatiepartnerschap.md"}
    assert named.citations and named.resolved_question is None  # shown as asked
    assert named.searched_in == ("Factsheet innovatiepartnerschap (testcorpus)",) and everywhere.searched_in == ()
    # no title names PIANOo, the publisher of them all: the question is searched as it is, everywhere
    publisher = pipeline.ask("Welke fasen noemt PIANOo?")
    assert {hit.chunk.doc_id for hit in publisher.retrieved} > {"innovatiepartnerschap.md"}


def test_a_follow_up_asks_the_source_the_question_before_named() -> None:
    history = [Turn("Welke knelpunten noemt de werkgroep?", "…")]
    resolved = resolve("En welke oplossingen?", history)
    assert resolved == "En welke oplossingen? (volgens de werkgroep)"
    assert without_source(resolved) == ("En welke oplossingen?", "de werkgroep")
    assert resolve("En volgens PIANOo?", history) == "En volgens PIANOo?"  # it names its own source


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Wat zegt Floris den Boer over het gebruik?", "Wat over het gebruik?"),
        ("Wat doe ik eerst volgens Bureau ICT Toetsing?", "Wat doe ik eerst ?"),
        ("Wat is het grootste risico volgens de regels van Bureau ICT Toetsing?", "Wat is het grootste risico ?"),
        ("Wat is volgens mij de kern?", "Wat is volgens mij de kern?"),  # no name: nobody is cited
    ],
)
def test_who_says_it_is_no_part_of_what_a_sentence_must_say(question: str, asked: str) -> None:
    assert " ".join(without_speaker(question).split()) == " ".join(asked.split())
