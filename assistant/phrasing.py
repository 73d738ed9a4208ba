"""Requests made questions: "Noem de knelpunten bij X" asks "Wat zijn de knelpunten bij X?", and "Ik wil weten hoe
lang een dialoog duurt" asks "Hoe lang duurt een dialoog?".

Search, refusal and answer read a question by its question words and by what else it says; a request's verb
("noem", "geef", "leg … uit") would count as something it asks about, and no question word would say what kind of
answer it wants (a list of the barriers, not a passage naming "knelpunten" among the work group's tasks). A question
asked inside a request has its verb last, where the rules that read "Hoe lang duurt …?" or "Wat is …?" miss it.
"""

from __future__ import annotations

import re

from .sentences import DOCUMENT_KINDS

# "Noem de knelpunten bij X", "Geef me de stappen van Y", "Som de voordelen van Z op", "Beschrijf de fasen van SBIR"
LISTING = re.compile(
    r"^(?:noem|geef|beschrijf|toon|som|schets)\s+(?:mij\s+|me\s+|ons\s+)?(?:eens\s+|even\s+)?"
    r"(?P<asked>(?!aan\b).+?)(?:\s+op)?\s*[.?!]*$",
    re.IGNORECASE,
)
# "Leg de fasen van SBIR uit", "Licht het stappenplan toe"
EXPLAINING = re.compile(r"^(?:leg|licht)\s+(?P<asked>(?:de|het|een)\s+.+?)\s+(?:uit|toe)\s*[.?!]*$", re.IGNORECASE)
# "Vertel me over SBIR", "Vertel iets meer over het innovatiepartnerschap"
TELLING = re.compile(
    r"^vertel\s+(?:me\s+|mij\s+|ons\s+)?(?:eens\s+)?(?:iets\s+)?(?:meer\s+)?over\s+(?P<asked>.+?)\s*[.?!]*$",
    re.IGNORECASE,
)
# A question asked inside a request: "Kun je uitleggen wat SBIR is?", "Leg uit hoe een proeftuin werkt", "Ik wil
# weten hoe lang een dialoog duurt", "Ik vraag me af of nieuwe aanbieders later kunnen instappen"
ASKING_INSIDE = re.compile(
    r"^(?:(?:kun|kunt|wil|wilt|zou|zoudt)\s+(?:je|jij|u)\s+(?:mij\s+|me\s+|ons\s+)?(?:eens\s+|even\s+)?"
    r"(?:uitleggen|vertellen|beschrijven|aangeven|noemen|zeggen|toelichten)|(?:leg|licht)\s+(?:uit|toe)|geef\s+aan|"
    r"(?:ik\s+)?(?:wil|zou)\s+(?:graag\s+)?(?:willen\s+)?weten|weet\s+(?:je|jij|u)|ik\s+vraag\s+me\s+af)[,:]?\s+"
    r"(?P<asked>(?:wat|hoe|welke?|waarom|wanneer|wie|waar|hoeveel|of)\b.+?)\s*[.?!]*$",
    re.IGNORECASE,
)
# "Waar moet ik op letten bij een innovatiepartnerschap?", "Waar let je op als …?": the documents' attention points
WATCHING_OUT = re.compile(
    r"^waar\s+(?:(?:moet|moeten|dien|dienen|kan|kun|kunt)\s+(?:ik|je|jij|we|wij|u)\s+(?:\w+\s+)?(?:op\s+)?letten|"
    r"let\s+(?:ik|je|jij|we|wij|u)\s+(?:\w+\s+)?op)\s+(?P<asked>(?:bij|als|wanneer|in|tijdens|voor)\b.+?)\s*[.?!]*$",
    re.IGNORECASE,
)
# "de knelpunten", "drie voordelen", "de belangrijkste risico's": what "Noem …" asks is plural
PLURAL = re.compile(
    r"^(?!(?:een|het)\b)(?:(?:de|alle|enkele|een paar|\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+)?"
    r"(?:[\w'’-]+e\s+)?[\w'’-]+(?:en|s|'s|’s)\b",
    re.IGNORECASE,
)
# what opens an asked clause, with the noun of "welke" and "hoeveel": "hoe lang", "welke fasen"
QUESTION_OPENING = re.compile(r"^(?:hoe\s+lang|hoe\s+vaak|(?:welke?|hoeveel)\s+[\w'’-]+|wat|hoe|waarom|wanneer|wie|waar|of)\b",
                              re.IGNORECASE)
# the finite verbs that come before an infinitive or participle at the end of a clause ("… moet opzetten")
MODAL_VERBS = frozenset({
    "kan", "kun", "kunt", "kunnen", "moet", "moeten", "mag", "mogen", "wil", "wilt", "willen", "zal", "zult", "zullen",
})
AUXILIARIES = MODAL_VERBS | {"wordt", "worden", "werd", "werden", "is", "zijn", "was", "waren", "heeft", "hebben", "had",
                             "hadden"}


def as_question(text: str) -> str:
    """The request as the question it asks; a question (or anything else) as it is."""
    text = text.strip()
    if asked := ASKING_INSIDE.match(text):
        return _question(asked["asked"])
    for request in (LISTING, EXPLAINING):
        if asked := request.match(text):
            verb = "zijn" if PLURAL.match(asked["asked"]) else "is"
            return f"Wat {verb} {asked['asked']}?"
    if asked := TELLING.match(text):
        return f"Wat is {asked['asked']}?"
    if asked := WATCHING_OUT.match(text):
        return f"Welke aandachtspunten zijn er {asked['asked']}?"
    return text


def _question(clause: str) -> str:
    """A clause asking something, in a subordinate clause's order with its verb last ("wat SBIR is", "hoe lang een
    dialoog duurt", "hoe ik een proeftuin moet opzetten", "of aanbieders later kunnen instappen"), as a question:
    the finite verb after what opens it ("Hoe lang duurt een dialoog?", "Hoe moet ik een proeftuin opzetten?"), or
    first for "of" ("Kunnen aanbieders later instappen?"). A clause whose last word is no verb stays as it is."""
    opening = QUESTION_OPENING.match(clause)
    words = clause[opening.end() if opening else 0 :].split()
    if opening and len(words) >= 2 and words[-1].isalpha():
        finite = len(words) - 2 if words[-2].lower() in AUXILIARIES else len(words) - 1
        if words[finite].lower() in AUXILIARIES or words[finite].lower().endswith(("t", "en", "d")):
            verb = words.pop(finite)
            asks = [] if opening.group(0).lower() == "of" else [opening.group(0)]
            clause = " ".join([*asks, verb, *words])
    return clause[0].upper() + clause[1:] + "?"


# Verbs that ask for a source's advice ("Wat adviseert de werkgroep?", "Wat stelt het rapport voor?"), or its findings
ADVISING = ("adviseert", "adviseren", "beveelt", "bevelen", "raadt", "raden", "stelt", "stellen")
CONCLUDING = ("concludeert", "concluderen", "constateert", "signaleert", "waarschuwt", "verstaat", "bedoelt")
# What a document or its author is called in a question ("volgens de werkgroep", "Wat adviseert PIANOo over …?")
SOURCE = (rf"(?P<source>(?:de\s+|het\s+|dit\s+|deze\s+)?(?:{DOCUMENT_KINDS}|leidraad|werkgroep|pianoo|auteurs?|"
          r"onderzoekers))\b")
ATTRIBUTED = (
    re.compile(rf"\bvolgens\s+{SOURCE},?", re.IGNORECASE),  # "Wat zijn volgens de werkgroep de knelpunten?"
    # "Welke knelpunten noemt het rapport?": the verb says no more than where the knelpunten are
    re.compile(rf"\b(?:noemt|noemen|ziet|zien|zegt|zeggen|beschrijft|beschrijven|benoemt|benoemen)\s+{SOURCE}",
               re.IGNORECASE),
    # "Wat adviseert de werkgroep over …?", "Raadt PIANOo aan …?", "Wat concludeert het rapport?": the verb says what
    # kind of passage answers
    re.compile(rf"\b(?P<verb>{'|'.join(ADVISING + CONCLUDING)})\s+{SOURCE}", re.IGNORECASE),
    # "Wat zijn de aanbevelingen van de werkgroep?", "Wat is het advies van PIANOo over …?"
    re.compile(rf"\b(?P<verb>advie[sz]\w*|aanbeveling\w*|conclusies?|visie|definitie|tips)\s+van\s+{SOURCE}",
               re.IGNORECASE),
)
ASKS_WHAT = re.compile(r"\s*wat\b", re.IGNORECASE)
SEPARATED_PARTICLE = re.compile(r"\s+(?:aan|voor)\s*\?$", re.IGNORECASE)  # of "raadt … aan", "stelt … voor"


def without_source(question: str) -> tuple[str, str | None]:
    """The question without the document or author it names as its source, and that source as named ("de
    werkgroep"): "Welke knelpunten noemt de werkgroep?" asks for the knelpunten in the work group's report, not for
    passages about the work group (its tasks, its members), which a search for "werkgroep" finds first."""
    for pattern in ATTRIBUTED:
        if named := pattern.search(question):
            verb = named.groupdict().get("verb") or ""
            # "Wat adviseert de werkgroep om de knelpunten op te lossen?" asks for what its report calls its
            # recommendations, all of them when it names no one subject; "Raadt de werkgroep streefcijfers aan?" asks
            # whether one of them says so, which the section's other advice does not answer
            asks_advice = verb.lower() in ADVISING and ASKS_WHAT.match(question)
            asked = "Welke aanbevelingen" if asks_advice else f"{question[: named.start()]} {verb}"
            rest = f"{asked} {question[named.end() :]}"
            rest = re.sub(r"\s*\(\s*\)|\s+(?=[?,.!)])", "", " ".join(rest.split()))  # what a follow-up carried: "(…)"
            rest = SEPARATED_PARTICLE.sub("?", rest) if asks_advice else rest  # "Wat raadt de werkgroep aan?"
            return rest[:1].upper() + rest[1:], named["source"]
    return question, None


_SAYS = r"zegt|zeggen|vindt|vinden|denkt|denken"  # what someone says or thinks
# "Wat zegt Bureau ICT Toetsing over het opdelen van een project?", "Wat vindt de werkgroep over streefcijfers?"
SAYS_ABOUT = re.compile(rf"(?<=\bwat )(?:{_SAYS}|schrijft|schrijven)\b.*?(?=\bover\b)", re.IGNORECASE)
# "Wat vond de bouwer van de kindcentra van het innovatiepartnerschap?": someone's own (quoted) words answer it
ASKS_A_VIEW = re.compile(rf"\bwat\s+(?:{_SAYS}|vond|vonden|zei|zeiden|dacht|dachten|vertelt|vertelde)\b", re.IGNORECASE)


# "… volgens Bureau ICT Toetsing?", "… volgens de regels van Bureau ICT Toetsing?": a source by its name
BY_NAMED_SOURCE = re.compile(r"\bvolgens\s+(?:(?:de|het)\s+[a-z]\w*\s+van\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")


def without_speaker(question: str) -> str:
    """"Wat zegt X over Y?" or "Y volgens X?" without who says it ("Wat over Y?"): the search finds X, and what is
    asked is what X says about Y; a sentence that only names X says nothing of that."""
    return BY_NAMED_SOURCE.sub(" ", SAYS_ABOUT.sub(" ", question))
