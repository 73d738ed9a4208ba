"""Structure-aware chunking: sections, headings and the text a reader sees."""

from assistant.chunking import chunk_document
from assistant.models import Block, Document


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
