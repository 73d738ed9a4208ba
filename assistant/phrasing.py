"""Requests phrased as commands, made questions: "Noem de knelpunten bij X" asks "Wat zijn de knelpunten bij X?".

Search, refusal and answer read a question by its question words and by what else it says; a request's verb
("noem", "geef", "leg … uit") would count as something it asks about, and no question word would say what kind of
answer it wants (a list of the barriers, not a passage naming "knelpunten" among the work group's tasks).
"""

from __future__ import annotations

import re

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
# "Kun je uitleggen wat SBIR is?", "Leg uit hoe een proeftuin werkt", "Kunt u mij vertellen welke fasen er zijn?"
ASKING_INSIDE = re.compile(
    r"^(?:(?:kun|kunt|wil|wilt|zou|zoudt)\s+(?:je|jij|u)\s+(?:mij\s+|me\s+|ons\s+)?(?:eens\s+|even\s+)?"
    r"(?:uitleggen|vertellen|beschrijven|aangeven|noemen|zeggen|toelichten)|(?:leg|licht)\s+(?:uit|toe)|geef\s+aan)\s+"
    r"(?P<asked>(?:wat|hoe|welke?|waarom|wanneer|wie|waar|hoeveel|of)\b.+?)\s*[.?!]*$",
    re.IGNORECASE,
)
PLURAL = re.compile(r"^(?!(?:een|het)\b)(?:(?:de|alle)\s+)?[\w'’-]+(?:en|s|'s|’s)\b", re.IGNORECASE)
# "wat een innovatiepartnerschap is", as a request asks it, is "Wat is een innovatiepartnerschap?"
EMBEDDED_WHAT = re.compile(r"^(?P<word>wat|wie)\s+(?P<subject>.+?)\s+(?P<verb>is|zijn)$", re.IGNORECASE)


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
    return text


def _question(clause: str) -> str:
    """A clause asking something ("wat SBIR is", "hoe een proeftuin werkt") as a question."""
    if embedded := EMBEDDED_WHAT.match(clause):
        clause = f"{embedded['word']} {embedded['verb']} {embedded['subject']}"
    return clause[0].upper() + clause[1:] + "?"
