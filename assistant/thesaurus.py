"""Query expansion: the words PIANOo's documents use for what buyers say in their own words.

A buyer asks how not to "vastzitten aan één leverancier"; the documents speak of "vendor lock-in". Neither
BM25 nor a small embedder bridges such a gap, so the question searched with is the question plus the documents'
terms for what it mentions. The entries are general procurement vocabulary, not tied to one document; grow
them with the words real users type (the app's feedback log keeps their questions).
"""

from __future__ import annotations

import re
from functools import lru_cache

# "Hoe verloopt een SBIR-traject / een innovatiepartnerschap / de concurrentiegerichte dialoog?" asks for the course of
# a procedure, its steps; "Hoe verloopt de daadwerkelijke aankoop?" asks about one part of it
COURSE_VERB = r"verlo(?:op|opt|pen)"
COURSE_OF_A_PROCEDURE = (
    rf"{COURSE_VERB}\s+(?:een\s+|de\s+|het\s+)?(?:[\w-]+\s+)?"
    r"[\w-]*(?:traject|procedure|partnerschap|dialoog|prijsvraag|aanbesteding|sbir|pcp)"
)


def stepping(particles: str) -> str:
    """A pattern for "stappen" as a verb with one of the `particles` ("uit het partnerschap stappen", "stapt eruit"),
    not as the noun ("uit welke stappen bestaat …", "in de tien stappen"): a determiner or number before "stappen"
    makes it the noun."""
    noun_before = r"(?:hoeveel|welke|de|die|deze|het|een|alle|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d+)\b"
    return (rf"\b(?:er)?(?:{particles})\s+(?:(?:[\w-]+\s+){{0,2}}(?!{noun_before})[\w-]+\s+)?stap(?:pen|t)\b"
            rf"|\bstapt\s+(?:[\w-]+\s+){{0,3}}(?:er)?(?:{particles})\b")


SOLUTIONS = "oplossingen, aanbevelingen"
# "Welk probleem moest het innovatiepartnerschap oplossen?" asks which problem a case solved, not how to solve one
# (unless it asks how too: "Welke problemen zijn er en hoe los ik ze op?")
ASKS_WHICH_PROBLEM = re.compile(
    r"(?!.*\bhoe\b)\s*(?:welk\w*|wat)\s+(?:\w+\s+){0,2}?(?:probleem|problemen|knelpunt\w*|vraagstuk\w*)\b",
    re.IGNORECASE,
)

# (what a buyer may write, the words the documents use for it, comma-separated)
ENTRIES: tuple[tuple[str, str], ...] = (
    # barriers and drawbacks
    (r"nadeel|nadel\w*|keerzijde\w*|minpunt\w*|valkuil\w*|schaduwkant\w*", "beperkingen, risico's"),
    (r"op\s+(?:\w+\s+)?letten|waarop\s+(?:\w+\s+){0,2}letten|let\w*\s+(?:\w+\s+)?op|oppassen|opletten|aandachtspunt\w*",
     "aandachtspunten, valkuilen"),
    (r"problem\w*|obstakel\w*|hindernis\w*|drempels?|hobbels?|lastig\w*|moeilijk\w*|remt|remmen|in de weg|tegenaan",
     "belemmeringen, knelpunten, barrières"),
    # "Hoe los ik die op?" asks for the documents' solutions and recommendations
    (r"oplossen|los\s+(?:\w+\s+){0,5}op|verhelp\w*|weg\s*(?:te\s+)?n[ea]+m\w*|n[ea]+m\w*\s+(?:\w+\s+){0,3}weg\b",
     SOLUTIONS),
    # procedure vocabulary
    (r"stappen|stappenplan", "fasen"),
    (COURSE_OF_A_PROCEDURE, "stappen, fasen"),
    # "Hoe pak ik X aan?", "Hoe voer ik X uit?" ask the steps too
    ((r"pak\w*\s+(?:[\w-]+\s+){0,4}aan|aanpak\w*|te werk"
      r"|hoe\s+(?:[\w-]+\s+){0,5}(?:voer\w*\s+(?:[\w-]+\s+){0,4}uit|uitvoeren)"), "stappen, fasen"),
    (r"fasen|fases", "stappen, fase"),  # the Dutch stemmer makes "faas" of "fasen", "fase" of "fases"
    (r"vernieuwend\w*|nieuwe oplossing\w*|iets nieuws", "innovatieve, innovatie"),
    (r"proef\w*|uitproberen|uittesten|testen", "pilot, experiment"),
    (r"markt (?:verkennen|peilen|bevragen|raadplegen)|marktverkenning\w*|rondvraag", "marktconsultatie, marktonderzoek"),
    (r"halverwege|tussentijds|onderweg|midden in", "na elke fase"),
    (r"nagaan|controleren|checken|nachecken", "checks, vaststellen"),
    (r"onderwerp\w*", "thema, thema's"),
    (r"iedere?", "elke"),
    (r"genoeg", "voldoende"),
    (r"ideale?|beste (?:manier|vorm|inrichting)", "optimale, optimaal"),
    (r"bronnen|informatiebronnen", "publicaties, nieuwsberichten"),
    (r"beleidsdoel\w*|beleidsprioriteit\w*", "beleidsambities"),
    (r"nog een keer|nogmaals|(?:een )?tweede keer", "opnieuw"),
    (r"binnen(?:ge)?kr\w*|binnen\s+(?:te\s+)?krijgen|binnengekomen", "ontvangen"),  # "Wat heb ik binnengekregen?"
    # "Hoe ver is de technologie ontwikkeld?": the documents speak of its maturity
    (r"hoe ver\s+(?:[\w-]+\s+){0,3}(?:ontwikkeld|gevorderd|klaar)|rijp(?:heid)?|maturiteit|ontwikkel\w*stadium",
     "volwassenheid"),
    (r"aanschaf\w*|aangeschaft", "aankoop"),
    (r"instap\w*|bijkom\w*|erbij (?:kom\w*|te komen)|toetre\w*", "toelaten, nieuwe aanbieders"),
    (r"beginnen|begint|begin (?:ik|je|we|u)", "starten, start"),
    (r"bewijs\w*|aangetoond|aantonen", "bevestigd, studie"),
    (r"reputatie|imago|goede naam|geloofwaardig\w*", "betrouwbaarheid"),
    (r"(?:na|achter) elkaar|achtereenvolgens|in (?:de )?volgorde", "volgorde, parallel"),
    (r"stoppen|stop\w*zet\w*|afhaken|ophouden", "afbreken, beëindigen"),
    (r"verdwijn\w*|verdwenen|afvallers?", "afhaken, afvallen"),  # parties leaving the partnership
    (r"uitbann\w*|uit te bannen|uitroei\w*|uit de weg ruimen", "elimineer, elimineren"),
    (r"nuttig\w*|handig\w*|zinvol\w*", "van pas, voordelen"),  # the documents: "kan … van pas komen"
    (r"pluspunt\w*|sterke (?:punt|kant)\w*|troef|troeven", "voordeel, voordelen"),
    (r"past|passen|passend\w*", "geschikt"),
    (r"vooruit\w*|verre toekomst", "langere termijn, lange termijn"),
    (r"meestal|doorgaans|veelal", "vaak"),
    # "Wanneer komt een innovatiepartnerschap het best tot zijn recht?": the documents say where its strength lies
    ((r"tot (?:zijn|haar|hun) recht|(?:werkt|werken)\s+(?:[\w-]+\s+){0,2}(?:het\s+)?(?:best|sterkst)\b"
      r"|\bbest\w*\s+(?:werkt|werken|uit de verf)"), "kracht, grootst"),
    # "niets" is a stopword, the documents say "tot niks leidt"
    (r"niets (?:op)?le?ver\w*|tot niets leid\w*|mislukt\w*|mislukken|faalt|falen|gefaald", "niks"),
    # a separable verb: "uit het partnerschap stappen", "stapt eruit" say what the documents call "uitstappen"
    (rf"uitstap\w*|{stepping('uit')}", "uitstappen, afbreken, beëindigen"),
    (r"opdel\w*|opsplits\w*|opknip\w*|in stukken", "verdelen, percelen"),  # "een project / opdracht opdelen"
    (r"winnaar|uitkiezen|kiezen wie", "gunning, selectie"),
    (r"laten weten|laat\s+(?:[\w-]+\s+){0,4}weten|vertel\w*|informeer\w*|informeren", "communiceren, meegeven"),
    (r"in zee (?:gaan|gaat|ga|te gaan)", "samenwerken, aangaan"),
    (r"probleemstelling\w*|vraagstelling\w*|probleem (?:omschrijven|formuleren|beschrijven)", "behoefte, behoeftestelling"),
    (r"afspraken|contractuele|overeenkomst\w*", "contract, inkoopvoorwaarden"),
    (r"afspreken|afgesproken|spre\w*\s+(?:[\w-]+\s+){0,3}af", "afspraken"),  # the verb: the documents use the noun
    (r"brug|bruggen|viaducten?|tunnels?|sluis|sluizen", "kunstwerken"),  # what civil engineering calls them
    (r"rechten op|eigenaar van|van wie is|wie bezit", "intellectueel eigendom"),
    (r"regels|wetten|wet- en regelgeving|mag dat|mag het", "juridisch, rechtmatigheid, aanbestedingsrecht"),
    (r"deskundigen?|kenners?", "expert, experts"),
    (r"automobilist\w*|autorijders?|chauffeurs?", "weggebruikers"),
    (r"toegestaan|geoorloofd|toelaatbaar", "verenigbaar"),  # "staatssteun … is verenigbaar met de … markt als …"
    (r"opschalen|groter uitrollen|breed uitrollen|uitrollen|breder inzetten", "opschaling, implementatie"),
    # how much a procedure is used: "Wordt het al veel gebruikt?", "Waarom wordt het zo weinig ingezet?"
    ((r"(?:veel|weinig|vaak|zelden|nauwelijks|massaal)\s+(?:\w+\s+)?(?:gebruikt|ingezet|toegepast)"
      r"|ingeburgerd|gangbaar|gemeengoed"), "toegepast, gebruik"),
    (r"ips", "innovatiepartnerschap"),
    (r"pre-?commerci\w* (?:inkoop|inkopen)|pcp", "sbir"),
    (r"digitaal aanbesteden|online aanbesteden|elektronisch\w* aanbested\w*", "e-aanbesteden"),
    # the organisation
    (r"draagvlak|steun|support|achter \w+ staan", "draagvlak, commitment"),
    (r"langs elkaar heen|eilandjes|silo\w*|schotten", "verkokering"),
    (r"bang|angst\w*|durven|voorzichtig\w*|risicoschuw\w*|terughoudend\w*|huiverig\w*", "risicomijdend, aversie"),
    (r"cultuur|(?:organisatie|bedrijfs)cultuur|mentaliteit|denkwijze", "mindset, organisatieklimaat"),
    (r"(?:kennis|kunde|expertise|capaciteit) in huis|eigen kennis|zelf (?:de )?kennis", "expertise, inhoudelijke kennis"),
    (r"onervaren\w*|geen ervaring|weinig ervaring|te weinig kennis|kennis ontbreekt", "onervarenheid, onbekendheid"),
    (r"wethouders?|bestuurders?|directie|management", "bestuur, leidinggevenden"),
    # the market and its parties
    (r"marktpartij\w*|leverancier\w*|bedrijven|ondernemers?", "aanbieders, opdrachtnemers"),
    ((r"vast\s*(?:zit|zitten|kom(?:en|t)? te zitten|gezet)|vastzit\w*"
      r"|afhankelijk\w* (?:\w+ )?van (?:een|één) (?:leverancier|partij|bedrijf)"),  # "afhankelijk worden van één …"
     "vendor lock-in, afhankelijk"),
    (r"de dienst uitmaken|machtspositie|monopolie\w*|de baas|(?:te )?machtig|te veel macht", "dominante positie"),
    (r"kleine bedrijven|kleine ondernemers|kleinere bedrijven|zzp\w*", "mkb, kleinbedrijf"),
    (r"jonge bedrijven|nieuwe bedrijven|startende ondernemers", "startups, start-ups"),
    # working alone or together
    (r"alleen (?:in|aan)kopen|alleen aanbesteden|in (?:je|ons|m'n) eentje|op eigen houtje", "zelfstandig inkopen"),
    ((r"samen (?:met andere|met meerdere|in|aan)\w*|samen \w+ (?:in te kopen|inkopen)|gezamenlijk inkopen"
      r"|met andere (?:gemeenten|overheden|organisaties|provincies)"),
     "gezamenlijk inkopen, samenwerking, cooperative purchasing, collaboration"),
    # money and time
    (r"geld|betalen|kost|kosten", "budget, financiering"),
    (r"betaal\w*|betal\w*|uitbetal\w*", "afgerekend, vergoeding"),
    # "Kan het goedkoper uitvallen?": the documents say the costs "lager kunnen zijn", or speak of a saving
    (r"goedkoper\w*|voordeliger|(?<!tijd )bespa\w*|minder (?:geld|kosten)", "kosten lager, kostenbesparing"),
    (r"pagina\w*|bladzijde\w*|kantjes", "A4"),  # "een aanbestedingsdocument van maximaal 3 A4'tjes"
    (r"streefcijfer\w*|streefwaarde\w*|targets?|quota?", "richtgetal, streefdoelen"),
    (r"uiterlijk|deadline|op tijd|te laat", "tijdig, planning"),
    (r"meerdere jaren|meer jaren|meerjarig\w*|jaren vooruit", "langere periode, meerjarige"),
    (r"ai|slimme algoritmes?", "kunstmatige intelligentie"),
    # the wegwijzer backs its Dutch tips with English sources ("Ref. Uyarra, E.: Excessive centralization can also
    # reduce flexibility …"), which neither BM25 nor the small embedder matches to a Dutch question: the English words
    # for what it asks
    (r"centra(?:al|le)|gecentraliseerd\w*|centralis\w*", "centralization, centralisation, centralised"),
    (r"decentra(?:al|le)|gedecentraliseerd\w*|decentralis\w*", "decentralised, decentralization"),
    (r"specificaties?|specificeren|bestek", "specifications, specification"),
    (r"vakkennis|deskundigheid|vaardigheden|competenties|expertise", "skills, knowledge, expertise"),
    (r"vroege?|vroegtijdig\w*", "early"),  # not "vroeger", formerly
    (r"haalbaar\w*", "feasibility"),
    (r"schaalvoorde\w*|volumevoorde\w*|inkoopvolume\w*", "economies of scale"),
    (r"flexib\w*|wendbaar\w*", "flexibility"),
    (r"afstand", "distance"),
    (r"balans|evenwicht\w*", "balance"),
    (r"(?:verschillende|andere) (?:vakgebieden|disciplines)|multidisciplinair\w*", "cross-functional"),
    (r"categorie\w*|inkoopcategorie\w*|soorten producten", "category, categories, items"),
    (r"standaardis\w*|gestandaardiseerd\w*", "standardization"),
    (r"professionalis\w*", "professionalization"),
)
# "het Finse kenniscentrum": the documents name the country ("Finland werkt samen …"); not "Engelse", a language too
COUNTRIES = {"Finse": "Finland", "Zweedse": "Zweden", "Duitse": "Duitsland", "Deense": "Denemarken",
             "Noorse": "Noorwegen", "Belgische": "België", "Franse": "Frankrijk", "Spaanse": "Spanje",
             "Italiaanse": "Italië", "Oostenrijkse": "Oostenrijk", "Britse": "Verenigd Koninkrijk"}
_COMPILED = tuple((re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), terms)
                  for pattern, terms in ENTRIES + tuple(COUNTRIES.items()))


@lru_cache(maxsize=1024)  # search, refusal and the answer's "ook gezocht op" all ask for the same question
def added_terms(question: str) -> tuple[str, ...]:
    """The documents' words for what the question mentions, that it does not use itself."""
    asked = set(_words(question))
    added: list[str] = []
    for _, terms in _matches(question):
        added += [t for t in terms.split(", ") if not set(_words(t)) <= asked and t not in added]
    return tuple(added)


def concepts(searched: str) -> list[str]:
    """What the question asks about, one concept a phrase: each entry it matches (the buyer's words and the
    documents' words for them) and each other word. "Wie betaalt de kosten in een proeftuin?" asks about three
    things, not about the seven words it is searched with ("… (pilot experiment budget financiering)"): a sentence
    naming "proeftuin" and "pilot" says one of them twice. `searched` may be the expanded question (see `expand`)."""
    question = without_added_terms(searched)
    found = _matches(question)
    matched = {w for said, _ in found for w in _words(said)}
    return [f"{said} {terms.replace(',', '')}" for said, terms in found] + [
        w for w in dict.fromkeys(_words(question)) if w not in matched
    ]


def without_added_terms(searched: str) -> str:
    """The question as asked, without the documents' words `expand` added to it (its own brackets stay)."""
    cut = searched.rfind(" (")
    return searched[:cut] if cut > 0 and expand(searched[:cut]) == searched else searched


def _matches(question: str) -> list[tuple[str, str]]:
    """(the buyer's words found, the documents' words for them) for each entry the question matches."""
    which_problem = bool(ASKS_WHICH_PROBLEM.match(question))
    return [(m.group(0), terms) for pattern, terms in _COMPILED
            if (m := pattern.search(question)) and not (which_problem and terms == SOLUTIONS)]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text.lower())


def expand(question: str) -> str:
    """The question followed by the documents' words for what it mentions (see `added_terms`), each word once."""
    asked = set(_words(question))
    added = [w for phrase in added_terms(question) for w in phrase.split() if w not in asked]
    return f"{question} ({' '.join(dict.fromkeys(added))})" if added else question
