"""The refusal checks on hand-made passages: a question asking for a quantity needs a passage that gives one."""

import pytest

from assistant.refusal import gives_asked_quantity


@pytest.mark.parametrize(
    ("question", "passage", "answers"),
    [
        ("Hoeveel vragen telt de wegwijzer?", "De wegwijzer werkt met vijf eenvoudige vragen.", True),
        ("Hoeveel vragen telt de wegwijzer?", "Zie de 5 antwoorden op de 5 vragen hieronder.", True),
        ("Hoeveel SBIR-trajecten zijn er uitgevoerd?", "In totaal zijn 55 trajecten uitgevoerd.", True),
        ("Hoeveel punten moet een inschrijving scoren?", "Er zijn 3 fasen; de inschrijving krijgt punten.", False),
        ("Hoeveel vragen telt de wegwijzer?", "Vragen over 7 thema's en meer dan genoeg.", False),
        ("Hoe lang duurt de standstill-termijn?", "De termijn is 20 dagen.", True),
        ("Hoe lang duurt de standstill-termijn?", "De termijn is kort; er zijn 20 inschrijvers.", False),
        ("Wat is het maximale bedrag per fase?", "Fase 1 krijgt ten hoogste € 50.000.", True),
        ("Wat is het maximale bedrag per fase?", "Fase 1 duurt 6 maanden.", False),
        ("Wat is een innovatiepartnerschap?", "Geen getal hier.", True),  # asks no quantity
    ],
)
def test_a_quantity_question_needs_a_passage_that_gives_that_quantity(
    question: str, passage: str, answers: bool
) -> None:
    assert gives_asked_quantity(question, [passage]) is answers
