"""The refusal checks on hand-made passages: a question asking for a quantity needs a passage that gives one."""

from pathlib import Path

import pytest

from assistant.lexical import LexicalIndex
from assistant.models import Chunk, Hit
from assistant.refusal import answers_too_little, gives_asked_quantity, refuses, states_asked_amount
from assistant.settings import Settings
from assistant.thesaurus import expand


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
        ("Hoe lang duurt de dialoog?", "Gemiddeld duurt de procedure twaalf tot achttien maanden.", True),
        ("Hoe lang duurt de dialoog?", "Een ronde duurt ongeveer een jaar.", True),
        ("Hoe lang duurt de dialoog?", "Looptijd — dialoog: meerdere jaren", True),  # a table's row
        ("Hoe lang duurt de dialoog?", "Er zijn vijfentwintig deelnemers in het jaar van de start.", False),
        ("Hoe lang moet de eindgebruiker meedoen?", "De eindgebruiker doet gedurende het gehele traject mee.", True),
        ("Hoe lang moet de eindgebruiker meedoen?", "Gedurende het gehele traject is er overleg.", False),  # not he
        ("Hoeveel gegadigden selecteert u?", "Daarna selecteert u ten minste drieëntwintig gegadigden.", True),
        ("Hoeveel gegadigden selecteert u?", "Daarna vieren de gegadigden feest.", False),
        ("Welke minimale termijn geldt?", "De inschrijving duurt 30 kalenderdagen.", True),
        ("Welke minimale termijn geldt?", "In de periode 201618 het jaar waarin de termijn begon.", False),  # a footnote
        ("Wat is het maximale bedrag per fase?", "Fase 1 krijgt ten hoogste € 50.000.", True),
        ("Wat is het maximale bedrag per fase?", "Fase 1 duurt 6 maanden.", False),
        ("Welk percentage van het SBIR-budget gaat naar start-ups?", "Er is € 64 miljoen beschikbaar gesteld.", False),
        ("Welk percentage van het SBIR-budget gaat naar start-ups?", "Ruim 40% van het budget € 64 miljoen.", True),
        ("Hoeveel procent gaat naar het mkb?", "Het mkb krijgt 25 procent.", True),
        ("Hoeveel efficiëntiewinst boekte zij?", "Zij haalde een efficiëntieverbetering van 10-30%.", True),
        ("Hoeveel efficiëntiewinst boekte zij?", "Efficiëntie is een van 3 doelen.", False),
        ("Hoeveel opdrachtnemers doen mee?", "Er zijn 3 opdrachtgevers.", False),
        ("Wat verdient een senior inkoopadviseur?", "Senior inkoopadviseur bij DJI, onderzoeker bij de HvA.", False),
        ("Wat verdient een senior inkoopadviseur?", "Een senior inkoopadviseur verdient € 5.000 per maand.", True),
        ("Hoeveel partijen werken samen?", "Er zijn drie opdrachtnemers geselecteerd.", True),  # their role
        ("Hoeveel partijen werken samen?", "Er zijn drie fasen.", False),
        ("Hoeveel pagina's telt het document?", "Een document van maximaal 3 A4'tjes.", True),
        ("Hoeveel pagina's telt het document?", "Een document voor 3 afdelingen; zie bijlage A.", False),  # not "a4"
        ("Hoeveel buyer groups zijn er?", "43 Startup in Residence 44 Buyer groups duurzaamheid", False),  # footnotes
        ("Hoeveel buyer groups zijn er?", "Er zijn 44 buyer groups.", True),
        ("Hoeveel SBIR-projecten zijn er?", "Er ging geld naar 55 SBIR-projecten.", True),  # an abbreviation
        ("Wat kost een licentie?", "Een licentie kost € 500 per jaar.", True),
        ("Wat kost een licentie?", "Een licentie regelt het gebruik.", False),
        ("Wat heeft het dronetraject gekost?", "Het dronetraject heeft € 40.000 gekost.", True),
        ("Wat heeft het dronetraject gekost?", "De drones leverden beelddata op.", False),
        ("Hoeveel kostte de pilot?", "De pilot kostte € 5.000.", True),
        ("Hoeveel kost een account?", "Via het account gingen 5.000 opdrachten, samen € 85 miljard.", False),  # no price
        ("Hoeveel kosten de proeven?", "De kosten van de proeven bedragen € 2 miljoen.", True),
        ("Wat zijn de kosten van een marktconsultatie?", "Een marktconsultatie kost al snel € 5.000.", True),
        ("Wat zijn de kosten van een marktconsultatie?", "Een marktconsultatie levert veel kennis op.", False),
        ("Wat zijn de kosten van innovatie?", "Overheden willen de kosten van innovatie mijden.", True),  # told
        ("Wat zijn de kosten en risico's van innovatie?", "Geen getal hier.", True),  # costs as a barrier
        ("Wat zijn de kosten van een SBIR-traject?", "Er ging € 64 miljoen naar 55 SBIR-projecten.", True),
        ("Wat zijn de kosten van een SBIR-traject?", "Er ging € 64 miljoen naar innovatie; SBIR is nuttig.", False),
        ("Wat is de drempelwaarde voor diensten?", "Voor diensten geldt een drempelwaarde van € 221.000.", True),
        ("Wat is de drempelwaarde voor diensten?", "Overheden kochten voor € 85 miljard aan diensten in.", False),
        ("Wat is het btw-tarief op diensten?", "Op diensten geldt 21% btw.", True),
        ("Wat is het btw-tarief op diensten?", "Diensten worden vaak innovatief ingekocht.", False),
        ("Wat is het btw-tarief op diensten?", "Met 15% van de inkoop kopen overheden veel diensten in.", False),
        ("Hoeveel geven overheden in Europa uit aan inkoop?", "Europees gezien is dat € 2 triljard.", True),
        ("Hoeveel geven overheden in Europa uit aan inkoop?", "Europa telt 250.000 overheden die inkopen.", False),
        ("Hoeveel wordt er jaarlijks aan SBIR besteed?", "Per jaar gaat er € 64 miljoen naar SBIR.", True),
        ("Hoeveel wordt er jaarlijks aan SBIR besteed?", "Er zijn 55 SBIR-trajecten per jaar.", False),
        ("Hoe hoog is de boete bij te late levering?", "De boete bedraagt € 1.000 per dag.", True),
        ("Hoe hoog is de boete bij te late levering?", "Te late levering kost de leverancier € 5 miljoen omzet.", False),
        ("Hoe hoog is de vergoeding voor deelnemers?", "Deelnemers krijgen een onkostenvergoeding van 10%.", True),
        ("Hoe hoog is het risico van een innovatiepartnerschap?", "Geen getal hier.", True),  # no sum of money
        ("Hoe groot zijn de startopdrachten?", "Het omvat bescheiden startopdrachten van € 25.000.", True),
        ("Hoe groot zijn de startopdrachten?", "Startopdrachten zijn bescheiden; 3 partijen doen mee.", False),
        ("Wat is het salaris van een inkoper?", "Een inkoper verdient een salaris van € 4.000.", True),
        ("Wat is het salaris van een inkoper?", "Inkopers besteden jaarlijks € 85 miljard.", False),
        ("Wat is de opdracht van de werkgroep?", "Geen getal hier.", True),  # a task, not a sum
        ("Wat is de maximale looptijd van een raamovereenkomst?", "Die duurt hooguit vier jaar.", True),
        ("Wat is de maximale looptijd van een raamovereenkomst?", "Een raamovereenkomst kent een looptijd.", False),
        ("Hoeveel innovatiepartnerschappen zijn gestart?", "Het beleid van 2021 innovatiegericht inkopen.", False),  # a year
        ("Hoeveel stappen telt het plan?", "Voer het plan uit stap 6 uit in stap 10.", False),  # numbers naming steps
        ("Hoeveel stappen telt het plan?", "Het plan telt 10 stappen.", True),  # the question's verb before it
        ("Hoeveel fasen heeft SBIR?", "De 3 fases zijn: haalbaarheid en ontwikkeling.", True),
        ("Wat is het telefoonnummer van de helpdesk?", "De helpdesk is bereikbaar via 070 - 123 4567.", True),
        ("Wat is het telefoonnummer van de helpdesk?", "De helpdesk helpt 250 inkopers per jaar sinds 2016.", False),
        ("Naar welk e-mailadres stuur ik mijn vraag?", "Mail uw vraag naar helpdesk@pianoo.nl.", True),
        ("Naar welk e-mailadres stuur ik mijn vraag?", "Stel uw vraag per e-mail aan de helpdesk.", False),
        ("Wat is een innovatiepartnerschap?", "Geen getal hier.", True),  # asks no quantity
        ("Waarom is het moeilijk om budget te krijgen?", "Geen getal hier.", True),
        ("Wanneer is de Aanbestedingswet gewijzigd?", "Het jaar waarin de gewijzigde wet in werking trad.", False),
        ("Wanneer is de Aanbestedingswet gewijzigd?", "De wijzigingen staan in de Aanbestedingswet 2016.", True),
        ("In welk jaar is SBIR gestart?", "Nederland startte op 1 juli met SBIR.", True),
        ("Wanneer is een innovatiepartnerschap geschikt?", "Geen getal hier.", True),  # asks in which case
    ],
)
def test_a_quantity_question_needs_a_passage_that_gives_that_quantity(
    question: str, passage: str, answers: bool
) -> None:
    assert gives_asked_quantity(question, [passage]) is answers


def test_the_documents_word_for_the_buyers_own_counts_as_evidence(tmp_path: Path) -> None:
    passage = Chunk("a", "A", "Een vendor lock-in maakt de dienst afhankelijk van één partij.", 0)
    other = Chunk("b", "B", "Een marktconsultatie verkent wat de markt kan leveren.", 1)
    lexical = LexicalIndex.build([passage, other], revision=1)
    question = "Hoe voorkom ik dat we vastzitten aan één leverancier?"
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.2, min_similarity=0.0)
    hits = [Hit(passage, 1.0)]
    assert not refuses(question, expand(question), hits, 1.0, lexical, settings)
    assert refuses(question, question, hits, 1.0, lexical, settings)  # searched without the documents' words


@pytest.mark.parametrize(
    ("question", "about", "beside", "stating"),
    [
        ("Hoe lang duurt fase 1 van SBIR?",  # "48 uur" in a passage about something else
         "SBIR kent drie fasen: fase 1 is een haalbaarheidsstudie, fase 2 een prototype.",
         "De prognoses van de natuurbranden gelden telkens voor de komende 48 uur.",
         "Bij SBIR duurt fase 1 doorgaans 6 maanden."),
        ("Hoe lang duurt het ontwikkeltraject?",  # "2 jaar" in a passage that only says "lang"
         "Het ontwikkeltraject ontwerpt u planmatig en organisatorisch, met de deelnemers.",
         "Een even lange looptijd is nodig: de voorbereiding duurt minimaal 2 jaar.",
         "Het ontwikkeltraject duurt meestal een jaar."),
    ],
)
def test_an_asked_duration_counts_only_in_a_passage_about_what_lasts(
    tmp_path: Path, question: str, about: str, beside: str, stating: str
) -> None:
    (about_it, elsewhere, told), lexical = _indexed(about, beside, stating)
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)
    assert refuses(question, question, [Hit(about_it, 1.0), Hit(elsewhere, 0.9)], 1.0, lexical, settings)
    assert not refuses(question, question, [Hit(about_it, 1.0), Hit(told, 0.9)], 1.0, lexical, settings)


def test_a_name_or_acronym_no_document_says_is_refused_though_its_parts_are_known(tmp_path: Path) -> None:
    told = Chunk("a", "A", "Een aanbesteding met experts: in Zweden werken de Commissie en Rijkswaterstaat met SBIR-trajecten."
                 " Bij het project ONS gaat het om MVO-beleid.", 0)
    lexical = LexicalIndex.build([told], revision=1)
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)

    def refused(question: str) -> bool:
        return refuses(question, question, [Hit(told, 1.0)], 1.0, lexical, settings)

    assert refused("Hoe dien ik een klacht in bij de Commissie van Aanbestedingsexperts?")
    assert not refused("Hoe werkt de Commissie bij een aanbesteding met experts?")
    assert not refused("Hoe Werkt De Commissie bij een aanbesteding met experts?")  # capitals on common words
    assert not refused("Hoe werken Zweedse experts bij een aanbesteding?")  # a place's adjective
    assert not refused("Hoe werkt Rijkswaterstat met SBIR-contracten bij een aanbesteding?")  # a typo; a compound
    assert refused("Wat zegt de AVG over een aanbesteding met SBIR-trajecten?")  # an acronym no document writes
    assert refused("Welke CPV-code krijgt een aanbesteding met SBIR-trajecten?")  # in a compound too
    assert not refused("Hoe werkt de aanbesteding bij het project ONS?")  # a stopword's letters, written so
    assert not refused("Hoe vertaal ik MVO-beleid naar een aanbesteding?")


def test_an_asked_duration_counts_only_in_a_passage_naming_what_the_question_says_lasts(tmp_path: Path) -> None:
    subsidy = Chunk("a", "A", "Een subsidie voor een Europese aanbesteding loopt 15 jaar.", 0)
    objection = Chunk("b", "B", "De bezwaartermijn bij een Europese aanbesteding is 20 dagen.", 1)
    lexical = _among_filler(subsidy, objection)
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)
    question = "Hoe lang duurt de bezwaartermijn bij een Europese aanbesteding?"
    assert refuses(question, question, [Hit(subsidy, 1.0)], 1.0, lexical, settings)  # 15 years, of something else
    assert not refuses(question, question, [Hit(subsidy, 1.0), Hit(objection, 0.9)], 1.0, lexical, settings)
    asks_the_subsidy = "Hoe lang duurt een subsidie voor een Europese aanbesteding?"  # what lasts, named by the passage
    assert not refuses(asks_the_subsidy, asks_the_subsidy, [Hit(subsidy, 1.0)], 1.0, lexical, settings)
    preparing = Chunk("c", "C", "Bij een Europese aanbesteding is een voorbereidingstijd van 2 jaar minimaal.", 22)
    lexical = _among_filler(subsidy, objection, preparing)
    asks_the_preparation = "Hoe lang duurt de voorbereiding van een Europese aanbesteding?"  # said in a compound
    assert not refuses(asks_the_preparation, asks_the_preparation, [Hit(preparing, 1.0)], 1.0, lexical, settings)
    asked_with_is = "Hoe lang is de bezwaartermijn bij een Europese aanbesteding?"  # "is", not "duurt"
    assert refuses(asked_with_is, asked_with_is, [Hit(subsidy, 1.0)], 1.0, lexical, settings)


def test_a_year_the_question_asks_about_must_be_in_a_passage_about_the_question(tmp_path: Path) -> None:
    (counted, other), lexical = _indexed(
        "Van 2016 tot 2021 zijn in totaal 38 innovatiepartnerschappen aangekondigd.",
        "In 2022 verscheen een rapport over de werkgroep en haar aanbevelingen.",
    )
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)
    hits = [Hit(counted, 1.0), Hit(other, 0.9)]
    for year, answered in (("2022", False), ("2021", True)):  # 2022 is known, but not of innovatiepartnerschappen
        question = f"Hoeveel innovatiepartnerschappen zijn er in {year} aangekondigd?"
        assert refuses(question, question, hits, 1.0, lexical, settings) is not answered


def test_a_question_asking_for_a_thing_no_document_names_is_refused(tmp_path: Path) -> None:
    pilot = Chunk("a", "A", "Een aanbieder die de pilot te laat afrondt, krijgt een gesprek met de opdrachtgever. Dat "
                  "duurt ca. 3 maanden.", 0)
    subsidy = Chunk("b", "B", "Innovatiesubsidies helpen bestuurders bij het ontwikkelen van een pilot.", 1)
    lexical = LexicalIndex.build([pilot, subsidy], revision=1)
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)

    def refused(question: str) -> bool:
        return refuses(question, expand(question), [Hit(pilot, 1.0), Hit(subsidy, 0.9)], 1.0, lexical, settings)

    assert refused("Welke boete krijgt een aanbieder die de pilot niet op tijd afrondt?")
    assert refused("Welke cao geldt voor een aanbieder van een pilot?")  # short, and no typo of "ca" in "ca. 3 maanden"
    assert not refused("Welk gesprek krijgt een aanbieder die de pilot te laat afrondt?")
    assert not refused("Welke gesprekken volgen als een aanbieder de pilot te laat afrondt?")  # another form
    assert not refused("Welke innovatiesubsidieregeling helpt bij een pilot?")  # starts with a word they use
    assert not refused("Welke gesprak krijgt een aanbieder die de pilot te laat afrondt?")  # a typo
    assert not refused("Welke wethouder helpt bij een pilot?")  # the documents' word: bestuurders
    assert not refused("Welke varianten van de pilot krijgt een aanbieder?")  # asks about the pilot
    assert refused("Hoe werkt de klachtenregeling bij een pilot?")  # asks about a thing no document names
    assert refused("Wat is een gedragsverklaring voor een aanbieder?")
    assert not refused("Hoe werkt de pilot voor een aanbieder?")
    assert not refused("Wat is een innovatiesubsidie voor een pilot?")
    assert not refused("Wat is de laatste pilot van een aanbieder?")  # asks about the pilot, not the laatste
    # a word of everyday Dutch the documents do not use names no thing they cannot tell (coverage judges it)
    assert lexical.unknown_asked("Wat is het verschil tussen een pilot en een subsidie?") == []
    assert lexical.unknown_asked("Wat is de klachtenregeling van een pilot?") == ["klachtenregeling"]


def test_an_asked_year_must_come_with_the_asked_figure(tmp_path: Path) -> None:
    (counted, budget), lexical = _indexed(
        "Van 2016 tot 2021 zijn in totaal 38 innovatiepartnerschappen aangekondigd.",
        "Het budget voor innovatiepartnerschappen werd in 2022 geschat op 100 miljard euro.",
    )
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)
    question = "Hoeveel innovatiepartnerschappen zijn er in 2022 aangekondigd?"  # 2022 is there, its count is not
    assert refuses(question, question, [Hit(counted, 1.0), Hit(budget, 0.9)], 1.0, lexical, settings)
    counted_2022 = Chunk("c", "C", "In 2022 zijn 7 innovatiepartnerschappen aangekondigd.", 2)
    assert not refuses(question, question, [Hit(counted, 1.0), Hit(counted_2022, 0.9)], 1.0, lexical, settings)


def test_a_quantity_told_in_passing_answers_a_question_the_embedder_finds_far_off(tmp_path: Path) -> None:
    (told, other), lexical = _indexed(
        "Het werkt bij een treintje opdrachten, zoals de 200 kilometer kademuren in Amsterdam.",
        "Hoeveel bruggen en sluizen de gemeente onderhoudt, staat in de begroting.",
    )
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.84)
    far_off = 0.83  # the best sentence's similarity: below the floor

    def refused(question: str, hits: list[Hit]) -> bool:
        return refuses(question, question, hits, far_off, lexical, settings)

    assert not refused("Hoeveel kilometer kademuren heeft Amsterdam?", [Hit(told, 1.0), Hit(other, 0.9)])
    assert refused("Hoeveel bruggen heeft Amsterdam?", [Hit(other, 1.0), Hit(told, 0.9)])  # no number of bruggen
    assert refused("Wat doet Amsterdam met kademuren?", [Hit(told, 1.0), Hit(other, 0.9)])  # asks no quantity


def _indexed(*texts: str) -> tuple[list[Chunk], LexicalIndex]:
    """Passages "a", "b", … of documents "A", "B", …, and the lexical index of just them."""
    chunks = [Chunk(chr(97 + i), chr(65 + i), text, i) for i, text in enumerate(texts)]
    return chunks, LexicalIndex.build(chunks, revision=1)


def _among_filler(*chunks: Chunk) -> LexicalIndex:
    """The lexical index of `chunks` among 20 passages about something else, so that their words are as rare as a
    real corpus makes them."""
    filler = [Chunk("f", "F", f"Passage {n} over inkopen in Nederland.", n) for n in range(100, 120)]
    return LexicalIndex.build([*chunks, *filler], revision=1)


def test_a_law_named_by_a_name_no_document_says_is_refused(tmp_path: Path) -> None:
    told = Chunk("a", "A", "De Wet open overheid stelt eisen aan het openbaar maken van informatie.", 0)
    other = Chunk("b", "B", "Een overheid stelt eisen aan het openbaar maken van inschrijvingen als de wet dat eist.", 1)
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)
    question = "Welke eisen stelt de Wet open overheid aan het openbaar maken van inschrijvingen?"
    for chunks, refused in (([told, other], False), ([other], True)):
        lexical = LexicalIndex.build(chunks, revision=1)
        assert refuses(question, question, [Hit(c, 1.0) for c in chunks], 1.0, lexical, settings) is refused
    lexical = LexicalIndex.build([other], revision=1)
    asks_the_law = "Wat eist de wet bij het openbaar maken van inschrijvingen?"  # no name: the law in general
    assert not refuses(asks_the_law, asks_the_law, [Hit(other, 1.0)], 1.0, lexical, settings)


def test_a_thing_named_by_capitalised_words_no_passage_says_is_refused(tmp_path: Path) -> None:
    told = Chunk("a", "A", "Rijkswaterstaat werkt met Best Value Procurement en een Europees aanbestedingsdocument.", 0)
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)
    lexical = LexicalIndex.build([told], revision=1)

    def refused(question: str) -> bool:
        return refuses(question, question, [Hit(told, 1.0)], 1.0, lexical, settings)

    assert refused("Hoe vul ik het Uniform Europees Aanbestedingsdocument in?")  # each word known, the name not
    assert not refused("Waarom werkt Rijkswaterstaat met Best  Value\nProcurement?")  # said, spaced otherwise
    assert not refused("Waarom werkt Rijkswaterstaat met Best Value-procurement?")  # said, hyphenated otherwise
    assert not refused("Wat Is Een Europees Aanbestedingsdocument?")  # capitals on common words name nothing


def test_a_name_said_after_its_first_word_that_the_passage_also_says_is_known(tmp_path: Path) -> None:
    flemish = Chunk("a", "A", "Adviseur - Vlaamse Overheid. Binnen het Programma Innovatieve Overheidsopdrachten is "
                    "geëxperimenteerd met de mededingingsprocedure met onderhandeling, een procedure.", 0)
    dutch = Chunk("b", "B", "Binnen het Programma Innovatieve Overheidsopdrachten is geëxperimenteerd met de "
                  "mededingingsprocedure met onderhandeling, een procedure.", 1)
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)
    question = "Met welke procedure experimenteerde het Vlaamse Programma Innovatieve Overheidsopdrachten?"
    for chunk, refused in ((flemish, False), (dutch, True)):  # "Vlaamse" said elsewhere in it, or nowhere
        lexical = LexicalIndex.build([chunk], revision=1)
        assert refuses(question, question, [Hit(chunk, 1.0)], 1.0, lexical, settings) is refused


def test_a_quantity_asked_of_a_place_must_be_given_for_that_place(tmp_path: Path) -> None:
    national = Chunk("a", "A", "In Nederland zijn in totaal 55 SBIR-trajecten uitgevoerd.", 0)
    utrecht = Chunk("b", "B", "De gemeente Utrecht werkt met slimme verkeerslichten.", 1)
    lexical = _among_filler(national, utrecht)  # a name is specific when few chunks say it: 2 of these 22
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.1, min_similarity=0.0)
    hits = [Hit(national, 1.0), Hit(utrecht, 0.9)]
    assert not refuses("Hoeveel SBIR-trajecten zijn er uitgevoerd?", "…", hits, 1.0, lexical, settings)
    assert refuses("Hoeveel SBIR-trajecten heeft de gemeente Utrecht uitgevoerd?", "…", hits, 1.0, lexical, settings)
    in_utrecht = Chunk("c", "C", "De gemeente Utrecht heeft 3 SBIR-trajecten uitgevoerd.", 22)
    hits = [Hit(national, 1.0), Hit(in_utrecht, 0.9)]
    assert not refuses("Hoeveel SBIR-trajecten heeft de gemeente Utrecht uitgevoerd?", "…", hits, 1.0, lexical, settings)


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Wie is de directeur van PIANOo?", False),  # the list names a directeur, of another organisation
        ("Wie is op dit moment directeur van PIANOo?", False),
        ("Wie is de coördinator van PIANOo?", True),
        ("Wie is de adviseur innovatie bij PIANOo?", True),  # no post in these words: not judged
        ("Wie is de opdrachtgever van Defensie?", True),  # an organisation, named without that word
        ("Wie is de directeur van een SBIR-traject?", True),  # of no named organisation
    ],
)
def test_who_holds_a_post_in_a_named_organisation_must_be_named_near_it(
    tmp_path: Path, question: str, answered: bool
) -> None:
    members = Chunk("a", "A", "Leden: Jan Jansen, Coördinator Innovatie, PIANOo Expertisecentrum Aanbesteden; Piet "
                              "Pieters, opdrachtgever, Politie; Els Smit, Coördinerend Directeur Inkoop, Ministerie van OCW.", 0)
    case = Chunk("b", "B", "Defensie koos een SBIR voor de verwarming van kazernes met thermochemische batterijen.", 1)
    lexical = LexicalIndex.build([members, case], revision=1)
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.0, min_similarity=0.0)
    hits = [Hit(members, 1.0), Hit(case, 0.9)]
    assert refuses(question, question, hits, 1.0, lexical, settings) is not answered


def test_a_passage_headed_by_the_questions_subject_answers_a_question_the_embedder_finds_far_off(
    tmp_path: Path,
) -> None:
    text = "Een belangrijk voordeel is dat er niet in silo's gewerkt wordt met zes afzonderlijke projecten."
    headed = Chunk("a", "A", text, 0, section="Hoogheemraadschap")
    filler = [Chunk("f", "F", f"Passage {n} over ervaringen met inkopen en innovatie.", n) for n in range(1, 40)]
    lexical = LexicalIndex.build([headed, *filler], revision=1)
    settings = Settings(data_dir=tmp_path, refusal_threshold=0.0, min_similarity=0.84)
    question = "Welke ervaringen heeft het hoogheemraadschap met innovatie?"
    assert not refuses(question, question, [Hit(headed, 1.0)], 0.83, lexical, settings)
    unheaded = Chunk("a", "A", text, 0, section="Voordelen")
    assert refuses(question, question, [Hit(unheaded, 1.0)], 0.83, lexical, settings)


def test_an_answer_with_a_weakly_similar_sentence_must_say_enough_of_what_is_asked(tmp_path: Path) -> None:
    turnover = Chunk("a", "A", "Een minimale jaaromzet eisen mag, tot tweemaal de waarde van de opdracht.", 0)
    other = Chunk("b", "B", "Bij een aanbesteding kiest de gemeente voor duurzame energie uit nieuwe installaties.", 1)
    lexical = _among_filler(turnover, other)
    settings = Settings(data_dir=tmp_path, weak_similarity=0.85, min_answer_coverage=0.5, moderate_similarity=0.87,
                        min_moderate_answer_coverage=0.15)
    question = "Mag ik bij een aanbesteding een minimale jaaromzet eisen?"

    def too_little(answer: str, similarity: float) -> bool:
        return answers_too_little(question, question, answer, similarity, lexical, settings)

    assert too_little(other.text, 0.845)  # says "aanbesteding" only
    assert not too_little(turnover.text, 0.845)  # says most of it
    assert not too_little(other.text, 0.86)  # a sentence fairly like the question: the caution's business
    assert not too_little(other.text, 0.88)
    nothing = "De gemeente kiest voor duurzame energie uit nieuwe installaties."
    assert too_little(nothing, 0.86)  # a moderately similar sentence that says nothing of the question
    assert not too_little(nothing, 0.88)
    never = Settings(weak_similarity=0.0, moderate_similarity=0.0)
    assert not answers_too_little(question, question, other.text, 0.845, lexical, never)
    # a word of the question said as a part of a longer one: "jaaromzet" in "jaaromzeteisen"
    assert not too_little("Een minimale jaaromzeteis mag, tot tweemaal de waarde van de opdracht.", 0.845)


def test_an_amount_is_stated_beside_what_it_is_of() -> None:
    question = "Hoe groot zijn de startopdrachten in het programma?"
    assert states_asked_amount(question, "Het omvat bescheiden startopdrachten van € 25.000.")
    assert not states_asked_amount(question, "Het programma kreeg € 2 miljoen; startopdrachten zijn er veel.")
    assert not states_asked_amount("Hoeveel startopdrachten zijn er?", "Er zijn 12 startopdrachten.")  # a count
