"""The repair rules for PDF extractions, on excerpts shaped like the bundled corpus."""

import pytest

from assistant.cleaning import (
    blocks_from_markdown,
    blocks_from_pages,
    drop_contents_lists,
    drop_repeated_blocks,
    normalise,
    split_extracted_pages,
)
from assistant.models import Block


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def cleaned(page: str) -> list[tuple[str, str]]:
    """(kind, text) of each block the cleaner makes of one extracted page."""
    blocks, _ = blocks_from_pages([page])
    return [(b.kind, b.text) for b in blocks]


def test_words_hyphenated_across_lines_are_joined() -> None:
    blocks, _ = blocks_from_pages(["Mede daarom zijn maat-\n\nschappelijke doelen toegevoegd aan de hoofd-\ndoelstelling."])
    assert texts(blocks) == ["Mede daarom zijn maatschappelijke doelen toegevoegd aan de hoofddoelstelling."]


def test_glyphs_the_extractor_could_not_read_are_dropped() -> None:
    assert normalise("Stap 1:\t\ufffd Verkennen nieuwe \ufffdtechnologie\u00ad\u00ebn") == "Stap 1: Verkennen nieuwe technologieën"


@pytest.mark.parametrize(
    ("extracted", "cleaned"),
    [
        ("doelen te realiseren. Te- meer daar Europa", "doelen te realiseren. Temeer daar Europa"),
        ("de beleidsproces- sen van", "de beleidsprocessen van"),
        ("ICT- ondersteuning", "ICT-ondersteuning"),
        ("Noord- en Zuid-Holland", "Noord- en Zuid-Holland"),  # a compound's part left for the next word
        ("inkoop- of aanbestedingsvragen", "inkoop- of aanbestedingsvragen"),
        ("de jaren 2016- 2021", "de jaren 2016- 2021"),
    ],
)
def test_a_word_hyphenated_across_a_line_break_and_joined_with_a_space_is_whole_again(
    extracted: str, cleaned: str
) -> None:
    assert normalise(extracted) == cleaned


def test_a_caption_without_a_full_stop_does_not_run_into_the_next_title_and_its_text() -> None:
    page = (
        "Via een Innovatiepartnerschap is een nieuwe methode ontwikkeld voor de Zwartewaterbrug \nbij Hasselt\n"
        " Rijksvastgoedbedrijf \n\nEen andere pionier is het \n\nRijksvastgoedbedrijf (RVB)."
    )
    assert cleaned(page) == [
        ("paragraph",
         "Via een Innovatiepartnerschap is een nieuwe methode ontwikkeld voor de Zwartewaterbrug bij Hasselt"),
        ("paragraph", "Rijksvastgoedbedrijf"),
        ("paragraph", "Een andere pionier is het Rijksvastgoedbedrijf (RVB)."),
    ]


@pytest.mark.parametrize(
    "page",
    [
        "Het project is een samenwerking met de \nProvincie Utrecht\nDe provincie betaalt mee.",  # a function word
        "Studies van Anne Rainville en studenten –\nUniversiteit Utrecht\nIn het kader van het project.",  # a dash
        "Het project loopt samen met \nNeuhaus, 2013)\nIn Spanje gebeurde hetzelfde.",  # not words only
    ],
)
def test_a_line_that_goes_on_a_sentence_is_not_taken_for_a_title_after_a_caption(page: str) -> None:
    assert len(cleaned(page)) == 1


def test_compound_hyphens_after_capitals_are_kept() -> None:
    blocks, _ = blocks_from_pages(["Bedrijven vrezen dat het R&D-\nresultaat wordt opgepikt."])
    assert texts(blocks) == ["Bedrijven vrezen dat het R&D-resultaat wordt opgepikt."]


def test_broken_lines_become_paragraphs_and_bullets_stay_items() -> None:
    page = (
        "Het grote \n\nvoordeel van de procedure is dat u gericht innovatie \n\nuit de markt haalt.\n\n"
        "Mogelijke stappen:\n• verkenning en haalbaarheid;\n• proof of concept, ontwikkelen van een prototype;\n"
        "• pilot projecten;\n"
    )
    assert cleaned(page) == [
        ("paragraph", "Het grote voordeel van de procedure is dat u gericht innovatie uit de markt haalt."),
        ("paragraph", "Mogelijke stappen:"),
        ("item", "verkenning en haalbaarheid;"),
        ("item", "proof of concept, ontwikkelen van een prototype;"),
        ("item", "pilot projecten;"),
    ]


def test_lettered_items_are_items() -> None:
    page = "Dit leidt tot 2 aanbevelingen:\nA. Stel een actieplan op.\nB. Bied voorlichting.\nZ. Zwart schreef het."
    blocks, _ = blocks_from_pages([page])
    assert [b.kind for b in blocks] == ["paragraph", "item", "item", "paragraph"]  # letters beyond H: initials
    assert blocks[1].text == "A. Stel een actieplan op."


def test_the_text_after_a_list_of_short_labels_is_no_part_of_its_last_item() -> None:
    page = (
        "Belemmeringen zijn per thema geclusterd\n• Financieel\n• Kennis en vaardigheden\n"
        "Daarbij kwam onder meer het volgende naar\nvoren: een onduidelijke opdracht.\n"
        "• Zorg voor draagvlak, tijd en budget en\nbevoegdheid om te beslissen.\n• Werk samen met de\nGemeente Utrecht.\n"
    )
    blocks, _ = blocks_from_pages([page])
    assert [(b.kind, b.text) for b in blocks][1:] == [
        ("item", "Financieel"),
        ("item", "Kennis en vaardigheden"),
        ("paragraph", "Daarbij kwam onder meer het volgende naar voren: een onduidelijke opdracht."),
        ("item", "Zorg voor draagvlak, tijd en budget en bevoegdheid om te beslissen."),  # longer than a label
        ("item", "Werk samen met de Gemeente Utrecht."),  # a label does not end on "de"
    ]


def test_a_title_printed_in_the_middle_of_a_sentence_goes_after_its_paragraph() -> None:
    pages = [
        "Zo is met het partnerschap een product",
        "ontwikkeld dat\nSTAP 10: VOER HET OPSCHALINGSPLAN UIT",
        "met satellietdata betere voorspellingen maakt.\nDaarna volgde de selectie.",
    ]
    blocks, _ = blocks_from_pages(pages)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Zo is met het partnerschap een product ontwikkeld dat met satellietdata betere voorspellingen maakt."),
        ("heading", "STAP 10: VOER HET OPSCHALINGSPLAN UIT"),
        ("paragraph", "Daarna volgde de selectie."),
    ]
    going_on, _ = blocks_from_pages(["Zo werkt u met de\nSTAP 4: BEPAAL DE CRITERIA OM DE\ninnovatie te beoordelen."])
    assert [b.kind for b in going_on] == ["paragraph", "heading", "paragraph"]  # the title goes on after "DE"


def test_a_title_printed_at_the_bottom_of_its_page_heads_the_page() -> None:
    over_links = ["Een traject begint met verkennen.\nSTAP 1: VERKEN NIEUWE TECHNOLOGIEËN\nhttps://nlaic.com/", "Daarna volgt meer."]
    assert texts(blocks_from_pages(over_links)[0])[:2] == ["STAP 1: VERKEN NIEUWE TECHNOLOGIEËN", "Een traject begint met verkennen."]
    mid_sentence = [
        "In de laatste stap schaalt u op. Er is een product ontwikkeld dat\nSTAP 10: VOER HET OPSCHALINGSPLAN UIT",
        "met satellietdata betere voorspellingen maakt.",
    ]
    assert texts(blocks_from_pages(mid_sentence)[0]) == [
        "STAP 10: VOER HET OPSCHALINGSPLAN UIT",
        "In de laatste stap schaalt u op. Er is een product ontwikkeld dat met satellietdata betere voorspellingen maakt.",
    ]
    left_last = ["Tekst van het eerste deel.\nRESULTATEN", "De resultaten zijn goed."]  # it heads the next page's text
    assert texts(blocks_from_pages(left_last)[0]) == ["Tekst van het eerste deel.", "RESULTATEN", "De resultaten zijn goed."]


def test_a_title_broken_off_on_a_function_word_is_one_heading() -> None:
    page = ("Gebruik het als leerervaring.\nVerschillen in denken bij overheden vergeleken met\nmarktpartijen\n"
            "Een andere belemmering is de afstand tot de markt.")
    blocks, _ = blocks_from_pages([page])
    assert [(b.kind, b.text) for b in blocks][1:] == [
        ("heading", "Verschillen in denken bij overheden vergeleken met marktpartijen"),
        ("paragraph", "Een andere belemmering is de afstand tot de markt."),
    ]
    lead_in, _ = blocks_from_pages(["Gebruik het.\nDit rapport geeft antwoord op de\nhoofdvraag:\nWat werkt?"])
    assert "heading" not in [b.kind for b in lead_in]  # a sentence going on to its colon


def test_a_byline_under_a_quote_ends_its_paragraph() -> None:
    page = (
        "“Innoveren is gedrag.”\nProf.dr.ir. Frido Smulders\n"
        "27 Revolverende fondsen worden vaak genoemd, zie Dialogic (2017), Innoveren in de keten.\n"
        "Mindset\nInnovatie-onvriendelijk klimaat\nEen open houding helpt."
    )
    blocks, _ = blocks_from_pages([page])
    assert blocks[1].text == "Prof.dr.ir. Frido Smulders"
    assert [(b.kind, b.text) for b in blocks if not b.text.startswith("27 ")][2:] == [
        ("heading", "Mindset"),
        ("heading", "Innovatie-onvriendelijk klimaat"),
        ("paragraph", "Een open houding helpt."),
    ]


def test_page_numbers_running_headers_and_url_lines_are_dropped() -> None:
    pages = [
        f"Handreiking digitale innovatie\nTekst van pagina {n} over inkopen.\nhttps://www.pianoo.nl/nl/pagina-{n}\n{n}"
        for n in range(1, 5)
    ]
    blocks, urls = blocks_from_pages(pages)
    assert texts(blocks) == [f"Tekst van pagina {n} over inkopen." for n in range(1, 5)]
    assert [b.page for b in blocks] == [1, 2, 3, 4]
    assert urls == [f"https://www.pianoo.nl/nl/pagina-{n}" for n in range(1, 5)]


def test_a_two_page_documents_running_header_is_dropped_and_its_title_is_a_heading() -> None:
    header = "Handreiking functioneel specificeren | PIANOo"
    first = f"{header}\nFunctioneel specificeren\n1. Wat is functioneel specificeren?\nU beschrijft wat het moet doen.\n1"
    blocks, _ = blocks_from_pages([first, f"{header}\n2. Voordelen\nDe markt krijgt ruimte.\n2"])
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Functioneel specificeren"), ("heading", "1. Wat is functioneel specificeren?"),
        ("paragraph", "U beschrijft wat het moet doen."), ("heading", "2. Voordelen"), ("paragraph", "De markt krijgt ruimte."),
    ]
    single, _ = blocks_from_pages([first])  # one page: nothing tells a running header from a first line
    assert texts(single)[0] == header


def test_a_numbered_url_footnote_inside_a_sentence_is_dropped() -> None:
    page = (
        "De inkoopafdeling is vaak te laat betrokken om invulling te geven aan innovatiegericht\n\n"
        "26 https://www.pianoo.nl/nl/themas/innovatie\n\n"
        "inkopen (uitzonderingen daargelaten)."
    )
    blocks, urls = blocks_from_pages([page])
    whole = "De inkoopafdeling is vaak te laat betrokken om invulling te geven aan innovatiegericht inkopen"
    assert texts(blocks) == [f"{whole} (uitzonderingen daargelaten)."]
    assert urls == ["https://www.pianoo.nl/nl/themas/innovatie"]


def test_footnotes_in_the_middle_of_a_sentence_move_after_its_paragraph_and_lose_their_marker() -> None:
    body = (
        "Omdat een publieke organisatie samen met ondernemers\n"
        "werkt, neemt de kans op afname toe8. Afzetkansen voor\n"
        "ondernemers (met minder CO2 uitstoot) worden\n"
    )
    footnotes = (  # longer lines: footnotes are set in smaller type
        "8 In 1982 trad in de VS de Small Business Innovation Development Act in werking. Bekende bedrijven zijn\n"
        "gestart met een SBIR-opdracht, zoals Qualcomm en Symantec, en in Nederland bijvoorbeeld de\n"
        "vleesvervangende producten van De Vegetarische Slager.\n"
        "9 Precommercieel inkopen verschilt van innovatiesubsidies, zie Dialogic (2017), Innoveren in de keten.\n"
    )
    rest_of_the_sentence = "bovendien verder vergroot wanneer de oplossing ook\nbruikbaar is voor andere overheden."
    blocks, _ = blocks_from_pages([body + footnotes + rest_of_the_sentence])
    assert texts(blocks) == [
        (
            "Omdat een publieke organisatie samen met ondernemers werkt, neemt de kans op afname toe. Afzetkansen "
            "voor ondernemers (met minder CO2 uitstoot) worden bovendien verder vergroot wanneer de oplossing ook "
            "bruikbaar is voor andere overheden."
        ),
        (
            "8 In 1982 trad in de VS de Small Business Innovation Development Act in werking. Bekende bedrijven zijn "
            "gestart met een SBIR-opdracht, zoals Qualcomm en Symantec, en in Nederland bijvoorbeeld de "
            "vleesvervangende producten van De Vegetarische Slager."
        ),
        "9 Precommercieel inkopen verschilt van innovatiesubsidies, zie Dialogic (2017), Innoveren in de keten.",
    ]


def test_a_footnote_that_ends_on_a_short_line_keeps_it_when_the_text_resumes_mid_sentence() -> None:
    page = (
        "Het innovatiepartnerschap is een procedure uit 2016. Het\n"
        "15 Het is een aandachtspunt dat al jaren speelt en waar onlangs het Europese congres over Impact op 30\n"
        "en 31 mei 2022 over is georganiseerd.\n"
        "kenmerk van dit instrument is dat overheden\ngericht innovaties laten ontwikkelen.\n"
    )
    blocks, _ = blocks_from_pages([page])
    body, footnote = texts(blocks)
    assert body.endswith("uit 2016. Het kenmerk van dit instrument is dat overheden gericht innovaties laten ontwikkelen.")
    assert footnote.endswith("Impact op 30 en 31 mei 2022 over is georganiseerd.")


def test_a_glued_marker_goes_in_a_document_with_footnotes_even_when_its_footnote_was_not_recognised() -> None:
    text = (
        "Werk samen zoals in het Intergov initiatief43.\nDaarmee daalt de uitstoot\n"
        "9 Precommercieel inkopen verschilt van innovatiesubsidies, zie Dialogic (2017), Innoveren in de keten.\n"
        "van CO2 voor de deelnemers in de periode 201618 tot 2021.\n"
    )
    blocks, _ = blocks_from_pages([text])
    assert texts(blocks)[:2] == [
        "Werk samen zoals in het Intergov initiatief.",
        "Daarmee daalt de uitstoot van CO2 voor de deelnemers in de periode 2016 tot 2021.",
    ]
    without_footnotes, _ = blocks_from_pages(["Werk samen zoals in het Intergov initiatief43. Daarmee daalt de uitstoot."])
    assert texts(without_footnotes) == ["Werk samen zoals in het Intergov initiatief43. Daarmee daalt de uitstoot."]


def test_headings_are_recognised() -> None:
    blocks, _ = blocks_from_pages(["STAPPENPLAN\n\n0. Vraagarticulatie\nDe vraagarticulatie kent drie dimensies."])
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "STAPPENPLAN"),
        ("heading", "0. Vraagarticulatie"),
        ("paragraph", "De vraagarticulatie kent drie dimensies."),
    ]


def test_footnotes_numbered_beyond_any_section_and_numbers_in_a_sentence_are_no_headings() -> None:
    page = (
        "Werk samen in Europa.\n\n42 Zoals de Vlaamse overheid PIO\n43 Startup in Residence Intergov\n\n"
        "3 Aanbevelingen\nDoe dit. Samen met hen ontwikkelden we\n3 ingekochte innovaties. Hoe pakt dat uit?"
    )
    blocks, _ = blocks_from_pages([page])
    assert [b.text for b in blocks if b.kind == "heading"] == ["3 Aanbevelingen"]


def test_a_footnote_citing_a_source_is_not_a_heading() -> None:
    page = (
        "Een marktconsultatie helpt.\n"
        "40 Dialogic, 2021, Inventarisatie beleidsinterventies innovatiegericht inkopen\n"
        "41 Een voorbeeld: https://www.ubrijk.nl/service/kennisambassadeurs\n"
        "3 Aanbevelingen\n"
        "Zo kan het beter."
    )
    blocks, _ = blocks_from_pages([page])
    assert [b.text for b in blocks if b.kind == "heading"] == ["3 Aanbevelingen"]


def test_extracted_pages_split_on_one_space_openers() -> None:
    text = " INNOVATIEPARTNERSCHAP\n\nEerste pagina.\n U mag het innovatiepartnerschap alleen inzetten.\n"
    assert len(split_extracted_pages(text)) == 2


def test_a_document_that_repeats_itself_is_stored_once() -> None:
    body = [
        Block("De vraagarticulatie kent voor een innovatiepartnerschap drie dimensies en enkele checks.", "paragraph"),
        Block("In de commerciële fase vindt de aankoop van de ontwikkelde producten plaats.", "paragraph"),
    ]
    tagged_copy = [Block(b.text + " ", "paragraph") for b in body]
    assert texts(drop_repeated_blocks(body + tagged_copy)) == texts(body)
    said = Block("Stap 8 leidt hopelijk tot een succes: de digitale technologie is waardevol voor de organisatie.", "paragraph")
    item = Block("1. Succes: de digitale technologie is waardevol voor de organisatie.", "item")
    assert texts(drop_repeated_blocks([said, item, item])) == texts([said, item])  # a short block must be said whole



def test_a_list_item_its_summary_said_stays_beside_the_new_items_of_its_list() -> None:
    summary = [Block("1. Overheden erkennen de potentie van innovatie onvoldoende.", "item"),
               Block("2. Overheden willen risico’s en kosten van innovatie mijden.", "item")]
    body = [Block("Uit de analyse komen drie aandachtspunten naar voren:", "paragraph"), summary[0],
            Block("2. Overheden missen een strategie voor innovatiegericht inkopen.", "item"), summary[1]]
    assert texts(drop_repeated_blocks(summary + body)) == texts(summary + body)
    assert texts(drop_repeated_blocks(summary + summary)) == texts(summary)  # a list said twice is said once

def test_duplicate_lines_and_structure_tags_of_a_tagged_copy_are_dropped() -> None:
    blocks, _ = blocks_from_pages(["I. INTRODUCTIE\nI. INTRODUCTIE\nFigure\nTR\nDit document is onderdeel van het rapport."])
    assert texts(blocks) == ["I. INTRODUCTIE", "Dit document is onderdeel van het rapport."]


def test_a_numbered_line_whose_sentence_goes_on_is_a_list_item_not_a_heading() -> None:
    page = (
        "Een prijsvraag bestaat uit vier stappen.\n\n1. Stel het vraagstuk vast, inclusief de hoogte\n\nvan het "
        "prijzengeld.\n\n2. Publiceer de prijsvraag en geef deelnemers\n\nten minste zes weken de tijd.\n\n"
        "3. Maak de winnaars bekend en gun een vervolg-\n\nopdracht.\n\n"
        "2.4 Werkcongres Innovatiegericht\n\ninkopen Op 3 november is het werkcongres georganiseerd.\n"
    )
    assert cleaned(page) == [
        ("paragraph", "Een prijsvraag bestaat uit vier stappen."),
        ("item", "1. Stel het vraagstuk vast, inclusief de hoogte van het prijzengeld."),
        ("item", "2. Publiceer de prijsvraag en geef deelnemers ten minste zes weken de tijd."),
        ("item", "3. Maak de winnaars bekend en gun een vervolgopdracht."),
        ("heading", "2.4 Werkcongres Innovatiegericht"),  # a numbered section stays one
        ("paragraph", "inkopen Op 3 november is het werkcongres georganiseerd."),
    ]


def test_a_short_question_on_a_line_of_its_own_between_sentences_is_a_heading() -> None:
    page = (
        "De winnaars ontvangen een geldprijs.\n\nWanneer kiest u voor een prijsvraag?\n\nEen prijsvraag past als u "
        "nog niet weet\n\nwat mogelijk is. Hoe is dit verlopen?\n\nWelke lessen zijn er geleerd?\n\nDaarover gaat dit "
        "hoofdstuk. Wie is verantwoordelijk\n\nals er tijdens de test schade ontstaat?\n\nDe gemeente.\n\n"
        "Mag ik de informatie uit een marktconsultatie gebruiken in mijn aanbesteding?\n\nJa, dat mag.\n"
    )
    blocks, _ = blocks_from_pages([page])
    assert [b.text for b in blocks if b.kind == "heading"] == [
        "Wanneer kiest u voor een prijsvraag?", "Mag ik de informatie uit een marktconsultatie gebruiken in mijn aanbesteding?"
    ]


def test_a_table_of_contents_is_no_text() -> None:
    page = (
        "Handreiking proeftuinen\n\nInhoud\n\nInleiding ................................ 2\n"
        "Stap 1: Bepaal het doel . . . . . . . . . . 3\nStap 2: Kies de locatie …………… 4\nI. INTRODUCTIE..\n\n"
        "INLEIDING\n\nEen proeftuin is een afgebakende omgeving.\n\nDe inhoud van dit document is openbaar.\n"
    )
    blocks, _ = blocks_from_pages([page])
    assert texts(blocks) == [
        "Handreiking proeftuinen", "INLEIDING", "Een proeftuin is een afgebakende omgeving.",
        "De inhoud van dit document is openbaar.",
    ]


def test_a_numbered_finding_over_its_paragraph_is_its_heading() -> None:
    page = (
        "1) Overheden erkennen de potentie van innovatiegericht\n\ninkopen vaak nog onvoldoende\n\n"
        "De meest genoemde belemmeringen gaan over de eigen organisatie.\n\n"
        "• Werk samen met de\n\nGemeente Utrecht.\n"
    )
    assert cleaned(page) == [
        ("heading", "1) Overheden erkennen de potentie van innovatiegericht inkopen vaak nog onvoldoende"),
        ("paragraph", "De meest genoemde belemmeringen gaan over de eigen organisatie."),
        ("item", "Werk samen met de Gemeente Utrecht."),  # a line broken after "de" goes on
    ]


def test_the_rows_of_a_table_of_numbers_are_a_paragraph_of_their_own() -> None:
    page = (
        "is bijna € 64 miljoen beschikbaar gesteld.\n\nTABEL 2. AANTAL SBIR-TRAJECTEN AANGEKON-\n\nDIGD DOOR RVO:\n\n"
        "2011 2\n\n2012 2\n\n2021 6 \n\nGebruik van innovatiepartnerschap in Nederland\n\n"
        "Op basis van gegevens van TenderNed blijkt \n\ndat er 38 innovatiepartnerschappen zijn aangekondigd.\n"
    )
    assert cleaned(page) == [
        ("paragraph", "is bijna € 64 miljoen beschikbaar gesteld."),
        ("paragraph", "TABEL 2. AANTAL SBIR-TRAJECTEN AANGEKONDIGD DOOR RVO:"),  # a title in capitals, whole
        ("paragraph", "2011 2; 2012 2; 2021 6"),  # not run into the heading and sentence after it
        ("heading", "Gebruik van innovatiepartnerschap in Nederland"),
        ("paragraph", "Op basis van gegevens van TenderNed blijkt dat er 38 innovatiepartnerschappen zijn aangekondigd."),
    ]


def test_a_line_ending_in_a_web_address_ends_its_paragraph() -> None:
    page = (
        "• De gemeente Amsterdam heeft inkoopvoorwaarden opgesteld. Te vinden op: https://www.amsterdam.nl/\n\n"
        "innovatie/grip-op-algoritmes/\n\n Dit is een uitgave van PIANOo.\n\n"
        "De procedure staat in de Europese richtlijn 2014/24/\n\nEU en in de Aanbestedingswet.\n"
    )
    assert cleaned(page) == [
        ("item", ("De gemeente Amsterdam heeft inkoopvoorwaarden opgesteld. Te vinden op: "
                  "https://www.amsterdam.nl/innovatie/grip-op-algoritmes/")),
        ("paragraph", "Dit is een uitgave van PIANOo."),  # the colophon, not the end of the item's address
        ("paragraph", "De procedure staat in de Europese richtlijn 2014/24/EU en in de Aanbestedingswet."),
    ]


def test_a_byline_is_no_heading_but_a_short_title_with_a_comma_is() -> None:
    page = (
        "Dat is de kern.\n\nFloris den Boer, Coördinerend adviseur\n\nInnovatiegericht inkopen bij PIANOo, geeft aan "
        "dat het weinig wordt toegepast.\n\nLange looptijd, hogere risico’s\n\nMeerjarige budgetten ontbreken.\n"
    )
    assert cleaned(page) == [
        ("paragraph", "Dat is de kern."),
        ("paragraph", ("Floris den Boer, Coördinerend adviseur Innovatiegericht inkopen bij PIANOo, geeft aan dat "
                       "het weinig wordt toegepast.")),
        ("heading", "Lange looptijd, hogere risico’s"),
        ("paragraph", "Meerjarige budgetten ontbreken."),
    ]


def test_a_short_line_that_opens_a_sentence_is_no_heading() -> None:
    page = "Hoogheemraadschap\n\nZoals het Hoogheemraadschap De Stichtse\n\nRijnlanden (HDSR) dat de Lekdijk versterkt.\n"
    assert cleaned(page) == [
        ("heading", "Hoogheemraadschap"),
        ("paragraph", "Zoals het Hoogheemraadschap De Stichtse Rijnlanden (HDSR) dat de Lekdijk versterkt."),
    ]


def test_a_longer_line_heads_the_text_after_it_only_when_that_plainly_starts_anew() -> None:
    page = (
        "Dit helpt bij opschaling.\n\nDe tien regels van Bureau ICT Toetsing\n\nOm te bepalen of een ICT-project "
        "voldoet, kan het BIT toetsen.\n\nOp basis van deze kamerbrief heeft EZK PIANOo\n\nExpertisecentrum "
        "Aanbesteden gevraagd om te helpen.\n"
    )
    assert cleaned(page) == [
        ("paragraph", "Dit helpt bij opschaling."),
        ("heading", "De tien regels van Bureau ICT Toetsing"),
        ("paragraph", "Om te bepalen of een ICT-project voldoet, kan het BIT toetsen."),
        ("paragraph", "Op basis van deze kamerbrief heeft EZK PIANOo Expertisecentrum Aanbesteden gevraagd om te helpen."),
    ]


def test_a_line_ending_on_a_title_before_a_name_goes_on() -> None:
    page = "In december 2020 is na een online lezing van prof.\n\nMariana Mazzucato een leesgroep ontstaan.\n"
    assert cleaned(page) == [
        ("paragraph", "In december 2020 is na een online lezing van prof. Mariana Mazzucato een leesgroep ontstaan."),
    ]


def test_a_heading_printed_over_two_lines_is_one_heading() -> None:
    page = "3.1 Identificeren van (voornaamste) \n\nbelemmeringen\n\nMeerdere aspecten kwamen naar voren.\n"
    assert cleaned(page) == [
        ("heading", "3.1 Identificeren van (voornaamste) belemmeringen"),
        ("paragraph", "Meerdere aspecten kwamen naar voren."),
    ]


def test_a_subscript_printed_on_a_line_of_its_own_stays_in_its_formula() -> None:
    page = "Om deze sector CO\n2\n-neutraal te \n\nmaken is materieel nodig.\n\nVolgens SKAO (CO\n2\n-Prestatieladder) werkt het.\n"
    blocks, _ = blocks_from_pages([page])
    assert texts(blocks) == [
        "Om deze sector CO2-neutraal te maken is materieel nodig.", "Volgens SKAO (CO2-Prestatieladder) werkt het.",
    ]


def test_a_footnote_broken_off_mid_name_keeps_the_line_that_finishes_its_source() -> None:
    page = (
        "Laten we deze positie behouden.\n\n"
        "38 Recentelijk was hiervoor een oproep vanuit het Europese Horizon Europe Framework Programme: Interconnected "
        "Innovation\n\nEcosystems (2022.2) (HORIZON-EIE-2022-CONNECT-02)\n\n"
        "Uit de probleemanalyse komen 3 aandachtspunten naar voren.\n"
    )
    assert cleaned(page) == [
        ("paragraph", "Laten we deze positie behouden."),
        ("paragraph", ("38 Recentelijk was hiervoor een oproep vanuit het Europese Horizon Europe Framework Programme: "
                       "Interconnected Innovation Ecosystems (2022.2) (HORIZON-EIE-2022-CONNECT-02)")),
        ("paragraph", "Uit de probleemanalyse komen 3 aandachtspunten naar voren."),
    ]


def test_a_line_ending_on_a_dash_goes_on_and_is_no_heading() -> None:
    page = "Casestudy A – Demo trans\n\nStudies Anne Rainville en studenten –\n\nUniversiteit Utrecht\n\nZij onderzoeken dit.\n"
    assert cleaned(page) == [
        ("heading", "Casestudy A – Demo trans"),
        ("paragraph", "Studies Anne Rainville en studenten – Universiteit Utrecht Zij onderzoeken dit."),
    ]


def test_a_title_in_capitals_over_two_lines_is_one_heading_when_it_breaks_off_on_a_function_word() -> None:
    page = (
        "STAP 4: BEPAAL CRITERIA OM DE INNOVATIE\nTE BEOORDELEN\nU stelt de criteria op.\n"
        "BIJLAGE 3. LEDEN VAN DE\nWERKGROEP\nDe leden staan hieronder.\n"
        "INNOVATIEPARTNERSCHAP\nWANNEER\nGebruik het bij een nieuwe oplossing.\n"
    )
    assert [text for kind, text in cleaned(page) if kind == "heading"] == [
        "STAP 4: BEPAAL CRITERIA OM DE INNOVATIE TE BEOORDELEN", "BIJLAGE 3. LEDEN VAN DE WERKGROEP",
        "INNOVATIEPARTNERSCHAP", "WANNEER",  # a title and a heading under it
    ]


def test_a_markdown_table_is_a_list_of_its_rows() -> None:
    text = "## Voordelen en nadelen\n\n| Voordelen | Nadelen |\n|---|:---:|\n| Meerdere oplossingen | Geen **afnamegarantie** |\n"
    assert [(b.kind, b.text) for b in blocks_from_markdown(text)] == [
        ("heading", "Voordelen en nadelen"),
        ("item", "Voordelen | Nadelen"),
        ("item", "Voordelen: Meerdere oplossingen; Nadelen: Geen afnamegarantie"),  # a row names its columns
    ]


def test_a_list_of_the_documents_own_section_titles_is_its_menu_and_goes() -> None:
    menu = [Block(title, "item") for title in ("Wanneer", "Stappenplan", "Juridisch")]
    sections = [Block("WANNEER", "heading"), Block("Bij een nieuwe oplossing.", "paragraph"),
                Block("STAPPENPLAN", "heading"), Block("Vraagarticulatie", "item"), Block("Juridisch", "item"),
                Block("Wanneer", "item"), Block("JURIDISCH", "heading")]
    assert drop_contents_lists([Block("INNOVATIEPARTNERSCHAP", "heading"), *menu, *sections]) == [
        Block("INNOVATIEPARTNERSCHAP", "heading"), *sections,  # a list naming a section among other things stays
    ]


def test_a_footnote_broken_off_before_its_web_address_keeps_it_and_the_sentence_it_interrupted_goes_on() -> None:
    page = (
        "Uit onderzoek komt dat naar voren. Dat is een belangrijk gegeven aangezien\n"
        "33 Mededeling van de Commissie - Richtsnoeren inzake innovatiegericht aanbesteden. C(2021) 4320. Link: "
        "DocsRoom - European\nCommission (europa.eu)\n"
        "34 Europese Commissie, 2021, Richtsnoeren inzake innovatiegericht aanbesteden.\n"
        "een helder beleidsmandaat essentieel is.\n"
    )
    blocks, _ = blocks_from_pages([page])
    assert texts(blocks) == [
        ("Uit onderzoek komt dat naar voren. Dat is een belangrijk gegeven aangezien een helder beleidsmandaat "
         "essentieel is."),
        ("33 Mededeling van de Commissie - Richtsnoeren inzake innovatiegericht aanbesteden. C(2021) 4320. Link: "
         "DocsRoom - European Commission (europa.eu)"),
        "34 Europese Commissie, 2021, Richtsnoeren inzake innovatiegericht aanbesteden.",
    ]
