"""Follow-up questions: resolve "En wat zijn daarvan de risico's?" against the previous turns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexical import (
    _STOPWORDS,
    ASPECT,
    ASPECT_QUALIFIER,
    NUMBERED_PART,
    ORDINALS,
    PART_KINDS,
    STEP_WORDS,
    TOKEN,
    with_numbers,
)
from .phrasing import MODAL_VERBS, as_question, without_source

BACK_REFERENCES = tuple(
    f"{pointer}{preposition}" for pointer in ("daar", "hier", "er")
    for preposition in ("van", "bij", "na", "voor", "in", "mee", "over", "aan", "op", "uit", "door", "toe")
)
REFERS_BACK = re.compile(
    rf"^(en|maar|ook|dus|verder)\b|\b({'|'.join(BACK_REFERENCES)}|volgende stap|vorige stap)\b", re.IGNORECASE
)
# "Hoe lang duurt dat?" points back, but these words are articles too ("het stappenplan"): they only count in a
# question that says little itself, and names no topic of its own (a long word: "innovatiepartnerschap").
POINTER = re.compile(r"\b(dit|deze|die|dat|zij|ze|het|hij|er\s+(?:een|één|meer|meerdere|geen))\b", re.IGNORECASE)
# "Hoe kan ik die beperken?" points at the risks just asked about; "Kan ik het stopzetten?" at the subject
POINTS_AT_SEVERAL = re.compile(r"\b(die|deze|ze|zij)\b", re.IGNORECASE)
# "Wie kan meedoen?", "Hoe moet je inschrijven?": a question word, a modal verb and an infinitive name no subject
ONLY_A_VERB = re.compile(
    rf"^(?:wie|wat|hoe|wanneer|waar|waarom)\s+(?:{'|'.join(sorted(MODAL_VERBS))})\s+"
    r"(?:(?:ik|je|jij|u|we|wij|men|er)\s+)?[\w-]+en\s*\?*$",
    re.IGNORECASE,
)
MEASURE = re.compile(r"\b(?:hoe\s+lang|hoeveel)\b", re.IGNORECASE)  # what asks for a quantity, not for a subject
MAX_POINTING_TERMS = 3
TOPIC_CHARS = 12
QUESTION_WORDS = {"welke", "wat", "wie", "waar", "wanneer", "hoe", "waarom", "hoeveel", "kan", "mag", "moet", "zijn"}
# Verbs a question is phrased with, not what it is about: "Welke stap komt daarna?" has no topic "komt"; "Hoe
# voorkom ik dat?" after "Wat is het risico daarvan?" is about the risk.
PHRASING_VERBS = {"komt", "komen", "gaat", "gaan", "doet", "doen", "gebeurt", "staat", "geeft", "krijg", "krijgt",
                  "houdt", "houden", "betekent", "betekenen", "verloopt", "verlopen", "regel", "regelt", "regelen",
                  "voorkom", "voorkomt", "voorkomen", "beperk", "beperkt", "beperken"}
# "de laatste fase" says which part, not what about ("de tweede fase" is made "fase 2" before)
NO_TOPIC = _STOPWORDS | QUESTION_WORDS | PHRASING_VERBS | set(BACK_REFERENCES) | {"laatste"}
# What a question asks of a subject without naming one ("Wat zijn de risico's?", "Welke fasen zijn er?", "Wie betaalt
# de ontwikkeling?", "Hoeveel geld krijgt een ondernemer?"): besides aspects and steps, money, time, the parties and
# the parts of a procedure, and an example ("Geef een voorbeeld").
OF_A_SUBJECT = re.compile(
    rf"^(?:{ASPECT.pattern}|{STEP_WORDS.pattern}|voorbeeld\w*|"
    r"geld|kost\w*|betaal\w*|budget|prijs|duur\w*|looptijd|termijn\w*|"
    r"ondernemers?|aanbieders?|deelnemers?|leveranciers?|partij\w*|marktpartij\w*|bedrijf|bedrijven|opdrachtgevers?|"
    r"ontwikkeling|ontwikkelfase|aankoop|afname|gunning|selectie|beoordeling|uitvraag)$",
    re.IGNORECASE,
)
# "En voor SBIR?", "En SBIR?", "Geldt dat ook voor een prijsvraag?", "En hoe zit dat bij SBIR?": another subject
OTHER_SUBJECT = re.compile(
    r"^(?:(?:en|maar|ook)(?:\s+(?:dan|nu|ook))?|(?:(?:en|maar)\s+)?(?:geldt (?:dat|dit|het) ook|hoe zit (?:dat|het)(?: dan)?))\s+"
    r"(?:(?:voor|van|bij|met|in)\s+)?(?:een\s+|de\s+|het\s+)?[\w-]+\s*\??$",
    re.IGNORECASE,
)
# "Wat gebeurt er in de tweede?" (or "de laatste") after "Welke fasen heeft het?": an ordinal without its noun,
# which the last question said
ELIDED_ORDINAL = re.compile(rf"\b((?:de|het)\s+(?:{'|'.join(ORDINALS)}|laatste))\b(?!\s+[^\W\d_]{{4,}})", re.IGNORECASE)
ORDINAL_REACH = 3  # turns back that "de tweede" may take its noun from
# "Wat is het verschil met een innovatiepartnerschap?" after "Wat is SBIR?" compares SBIR with it
COMPARED_WITH_IT = re.compile(r"\b(verschil\w*)\s+(?:met|tegenover|ten opzichte van)\s+", re.IGNORECASE)
PART_KIND = re.compile(rf"\b({PART_KINDS})(?:n|s|en|pen|ken)?\b", re.IGNORECASE)  # "fasen", "fases", "stappen"
RESOLVED = re.compile(r"\?\s*\(([^()]+)\)$")  # what `resolve` adds: "Wat zijn de risico's? (marktconsultatie)"
NEXT = re.compile(r"\b(daarna|hierna|erna|volgende)\b", re.IGNORECASE)
# "Welke stap komt na stap 3?" was answered with step 4: "En daarna?" then means step 5
ASKED_AFTER = re.compile(r"\b(?:na|op)\s+(?:stap|fase)\s+\d", re.IGNORECASE)
PREVIOUS = re.compile(r"\b(daarvoor|hiervoor|ervoor|vorige)\b", re.IGNORECASE)
# "Wat gebeurt er in de laatste fase?" names the last part, which "En bij een innovatiepartnerschap?" asks again
LAST_PART = re.compile(rf"\blaatste\s+({PART_KINDS})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation."""

    question: str
    answer: str


def topic_terms(text: str, limit: int = 6) -> list[str]:
    """The content words of a question, in order: what a follow-up question is about."""
    words: list[str] = []
    for word in TOKEN.findall(text):
        lower = word.lower()
        qualifier = ASPECT_QUALIFIER.fullmatch(word)  # "de grootste knelpunten" is about knelpunten, not "grootste"
        if lower not in NO_TOPIC and len(lower) >= 4 and not qualifier and lower not in (w.lower() for w in words):
            words.append(word)
    return words[:limit]


def resolve(question: str, history: list[Turn]) -> str:
    """The question made self-contained: a request made a question ("Noem de knelpunten …" -> "Wat zijn de
    knelpunten …?"), a part numbered in words numbered in digits ("de tweede fase" -> "fase 2", and "de tweede" after
    a question on phases), "het verschil met Y" after a question on X made "het verschil tussen X en Y", and a short
    or referring follow-up with the previous topic added."""
    # the parts the conversation last named: "fasen" two turns back, with "En wat zijn de risico's?" in between
    kinds = (found for turn in reversed(history[-ORDINAL_REACH:]) if (found := PART_KIND.search(turn.question)))
    if (kind := next(kinds, None)) and (elided := ELIDED_ORDINAL.search(question)):
        question = question.replace(elided.group(1), f"{elided.group(1)} {kind.group(1).lower()}", 1)
    compared = COMPARED_WITH_IT.search(question)  # "het verschil met Y" after "Wat is X?" compares X and Y
    if history and compared and (subject := " ".join(topic_terms(_subject(history[-1].question), limit=2))):
        question = question.replace(compared.group(0), f"{compared.group(1)} tussen {subject} en ", 1)
    question = with_numbers(as_question(question))
    own_terms = topic_terms(MEASURE.sub(" ", question))  # "Hoe lang duurt fase 2?" is about no "lang"
    if not history or not _refers_back(question, own_terms):
        return question
    if OTHER_SUBJECT.match(question) and any(not OF_A_SUBJECT.match(t) for t in own_terms):
        # "En voor SBIR?" after "Welke fasen heeft een innovatiepartnerschap?" asks the same of another subject; not
        # of the last subject's parts: after "Wie betaalt dat? (SBIR fase 1)" it asks who pays
        last = _own_words(history[-1].question)
        # the part as named: "fase 2" of "Wat gebeurt er in fase 2?", "laatste fase"
        named = {kind: f"{kind} {number}" for kind, number in NUMBERED_PART.findall(last.lower())}
        named |= {kind.lower(): f"laatste {kind.lower()}" for kind in LAST_PART.findall(last)}
        asked = [named.get(t.lower(), t) for t in topic_terms(last) if OF_A_SUBJECT.match(t)]
        # "Hoe lang duurt die fase?" asks a duration, "Hoeveel geld …?" an amount: so does "En bij SBIR?" after it
        asked = [measure.group(0).lower()] + asked if asked and (measure := MEASURE.search(last)) else asked
        return f"{question.rstrip()} ({' '.join(asked)})" if asked else question
    step = _step_meant(question, history)
    known = {w.lower() for w in own_terms} | set(step.split()[:1])  # "stap" is said by "stap 5"
    subject, source = without_source(_subject(history[-1].question))
    carried = [t for t in topic_terms(subject) if t.lower() not in known and not OF_A_SUBJECT.match(t)]
    carried += [step] if step else []
    # "En welke oplossingen?" after "Welke knelpunten noemt de werkgroep?" asks the work group too
    carried += [f"volgens {source}"] if source and not without_source(question)[1] else []
    if (POINTS_AT_SEVERAL.search(question) or not own_terms) and not any(OF_A_SUBJECT.match(t) for t in own_terms):
        # "Hoe kan ik die beperken?" after "Wat zijn daarvan de nadelen?": "die" are the drawbacks; "Waarom is dat?"
        # after "Wat zijn daarvan de voordelen?" asks about the advantages too
        aspects = [t for t in topic_terms(history[-1].question) if ASPECT.fullmatch(t)]
        carried = [t for t in aspects if t.lower() not in known] + carried
    if not carried:
        return question
    return f"{question.rstrip()} ({' '.join(carried)})"


def _subject(question: str) -> str:
    """What a (resolved) question is about: a follow-up resolved before ("Wie mag daaraan meedoen? (SBIR)") passes
    on its subject, not what it asked; one that named another subject ("En bij een innovatiepartnerschap? (fasen)")
    passes on that subject, not what it asked again."""
    previous = RESOLVED.search(question)
    if previous is None:
        return question
    own = _own_words(question)
    return own if OTHER_SUBJECT.match(own) else previous.group(1)


def _own_words(question: str) -> str:
    """A question without what `resolve` added to it: "Wie betaalt dat? (SBIR fase 1)" -> "Wie betaalt dat?"."""
    return RESOLVED.sub("?", question)


def _refers_back(question: str, own_terms: list[str]) -> bool:
    """Whether the question needs the previous turn to be understood: it refers back to it ("daarvan", "En ..."),
    says nothing of its own but a verb ("Wie kan meedoen?") or only what it asks of a subject ("Wat zijn de
    risico's?"), or points back ("dat") while saying little and naming no topic of its own."""
    if REFERS_BACK.search(question) or ONLY_A_VERB.match(question) or all(OF_A_SUBJECT.match(t) for t in own_terms):
        return True
    says_little = len(own_terms) <= MAX_POINTING_TERMS and all(len(term) < TOPIC_CHARS for term in own_terms)
    return bool(POINTER.search(question)) and says_little


def _step_meant(question: str, history: list[Turn]) -> str:
    """The numbered step or phase a follow-up means: after "Wat is stap 4?", "Welke stap komt daarna?" means
    "stap 5", "En de vorige stap?" "stap 3", and "Wie doet dat?" "stap 4" itself; after "Welke stap komt na stap
    3?", which was answered with step 4, "En daarna?" means "stap 5"; "" when none."""
    named = NUMBERED_PART.findall(history[-1].question.lower())
    if not named or NUMBERED_PART.search(question.lower()):
        return ""
    kind, number = named[-1]
    answered = int(number) + bool(ASKED_AFTER.search(history[-1].question))
    meant = answered + (1 if NEXT.search(question) else -1 if PREVIOUS.search(question) else 0)
    return f"{kind} {meant}" if meant >= 0 else ""
