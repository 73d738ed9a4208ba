"""Structure-aware chunking: sections, headings and the text a reader sees."""

import dataclasses

from assistant.chunking import chunk_document, shown_text, unit_windows
from assistant.models import Block, Chunk, Citation, Document


def test_a_section_starting_inside_a_chunk_keeps_all_its_heading_lines_in_the_text() -> None:
    blocks = [
        Block("Vastomlijnde voorwaarden", "heading"),
        Block("Beleid kan soms onveranderlijk lijken, terwijl dat niet zo hoeft te zijn.", "paragraph"),
        Block("STAP 4: BEPAAL CRITERIA OM DE INNOVATIE", "heading"),  # one heading over two lines
        Block("TE BEOORDELEN", "heading"),
        Block("U gaat de criteria opstellen waarmee u de digitale technologie gaat beoordelen.", "paragraph"),
    ]
    chunks = chunk_document(Document("d", "Titel", blocks, "hash"), chunk_words=140, overlap_words=25)
    assert len(chunks) == 1  # too little text before the new section to stand alone
    assert chunks[0].text.split("\n\n") == [
        "Beleid kan soms onveranderlijk lijken, terwijl dat niet zo hoeft te zijn.",
        "STAP 4: BEPAAL CRITERIA OM DE INNOVATIE",
        "TE BEOORDELEN",
        "U gaat de criteria opstellen waarmee u de digitale technologie gaat beoordelen.",
    ]


def test_a_few_words_at_the_end_of_a_document_join_the_last_passage() -> None:
    long_section = " ".join(f"Zin {n} over het innovatiepartnerschap." for n in range(20))  # 100 words
    blocks = [Block("Aanpak", "heading"), Block(long_section, "paragraph"),
              Block("Contact", "heading"), Block("Mail info@pianoo.nl.", "paragraph")]
    chunks = chunk_document(Document("d", "Titel", blocks, "hash"), chunk_words=140, overlap_words=25)
    assert len(chunks) == 1
    assert chunks[0].text.endswith(f"{long_section}\n\nContact\n\nMail info@pianoo.nl.")
    assert "Contact" in chunks[0].headings  # a heading, not a sentence


def test_a_chunk_that_opens_a_section_is_shown_with_the_headings_the_chunk_before_lacked() -> None:
    step_four = Chunk("d", "T", "U stelt criteria op.", 0, section="STAP 4: BEPAAL CRITERIA › TE BEOORDELEN")
    step_five = Chunk("d", "T", "U werkt uitkomsten uit.", 1, section="STAP 5: UITWERKEN VAN MOGELIJKE › UITKOMSTEN")
    assert shown_text(step_five, step_four).split("\n\n") == [
        "STAP 5: UITWERKEN VAN MOGELIJKE", "UITKOMSTEN", "U werkt uitkomsten uit."  # a heading over two lines
    ]
    costs = Chunk("d", "T", "Kosten gaan voor de baten uit.", 2, section="Financieel › Kosten")
    duration = Chunk("d", "T", "Het duurt langer.", 3, section="Financieel › Lange looptijd")
    assert shown_text(duration, costs).split("\n\n") == ["Lange looptijd", "Het duurt langer."]
    assert shown_text(dataclasses.replace(duration, position=4), duration) == "Het duurt langer."  # same section


def test_a_citation_is_labelled_with_the_section_its_quote_is_in() -> None:
    text = "De ontwikkelfase loopt.\n\nFinancieel\n\nMeerjarige budgetten ontbreken\n\nBudgetten zijn jaarlijks."
    chunk = Chunk("r.pdf", "Rapport", text, 3, section="2. Ontwikkelfase", page=4,
                  headings=("Financieel", "Meerjarige budgetten ontbreken"))
    assert Citation(1, chunk, ("De ontwikkelfase loopt.",)).section == "2. Ontwikkelfase"  # before the heading
    quoted = Citation(1, chunk, ("Budgetten zijn jaarlijks.",))
    assert quoted.section == "Financieel › Meerjarige budgetten ontbreken"
    assert quoted.source_label == "Rapport (p. 4, Financieel › Meerjarige budgetten ontbreken)"
    assert Citation(1, chunk).section == "2. Ontwikkelfase"  # nothing quoted: the passage's own section


def test_a_tip_is_embedded_without_the_source_it_credits() -> None:
    units = ["Ref. European Commission; Networking events are seen as appropriate means to share experiences.",
             "Ref. van Weele, A. J.; Betrek inkoop en leveranciers vroeg bij het project, zodat hun kennis meetelt.",
             "Ref. Gorecki, P &.", "Refereer aan de bron."]
    assert unit_windows(units, short_words=5) == [
        "Networking events are seen as appropriate means to share experiences.",
        "Betrek inkoop en leveranciers vroeg bij het project, zodat hun kennis meetelt.",
        "Ref. Gorecki, P &. Refereer aan de bron.",  # a credit without its text: nothing to take off
        "Refereer aan de bron.",
    ]
