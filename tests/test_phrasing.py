import pytest

from assistant.conversation import resolve
from assistant.phrasing import as_question
from assistant.pipeline import Pipeline


@pytest.mark.parametrize(("request_", "question"), [
    ("Noem de knelpunten bij innovatiegericht inkopen", "Wat zijn de knelpunten bij innovatiegericht inkopen?"),
    ("Som de voordelen van gezamenlijk inkopen op.", "Wat zijn de voordelen van gezamenlijk inkopen?"),
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
