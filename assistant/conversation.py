"""Follow-up questions: resolve "En wat zijn daarvan de risico's?" against the previous turns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexical import _STOPWORDS, NUMBERED_PART, TOKEN

FOLLOW_UP = re.compile(
    r"^(en|maar|ook|dus|daarna|verder)\b|\b(daarvan|daarbij|daarna|daarvoor|daarin|hiervan|hierbij|hiervoor|"
    r"ervan|erbij|ervoor|dit|deze|die|dat|zij|ze|het|hij|volgende stap|vorige stap)\b",
    re.IGNORECASE,
)
QUESTION_WORDS = {"welke", "wat", "wie", "waar", "wanneer", "hoe", "waarom", "hoeveel", "kan", "mag", "moet", "zijn"}
NEXT = re.compile(r"\b(daarna|hierna|erna|volgende)\b", re.IGNORECASE)
PREVIOUS = re.compile(r"\b(daarvoor|hiervoor|ervoor|vorige)\b", re.IGNORECASE)


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
        if lower in _STOPWORDS or lower in QUESTION_WORDS or len(lower) < 4 or lower in (w.lower() for w in words):
            continue
        words.append(word)
    return words[:limit]


def resolve(question: str, history: list[Turn]) -> str:
    """The question made self-contained: a short or referring follow-up gets the previous topic added."""
    if not history:
        return question
    own_terms = topic_terms(question)
    if len(own_terms) > 4 and not FOLLOW_UP.search(question):
        return question
    if not FOLLOW_UP.search(question) and len(question.split()) > 6:
        return question
    step = _step_meant(question, history)
    known = {w.lower() for w in own_terms} | set(step.split()[:1])  # "stap" is said by "stap 5"
    carried = [t for t in topic_terms(history[-1].question) if t.lower() not in known] + ([step] if step else [])
    if not carried:
        return question
    return f"{question.rstrip()} ({' '.join(carried)})"


def _step_meant(question: str, history: list[Turn]) -> str:
    """The numbered step or phase a follow-up means: after "Wat is stap 4?", "Welke stap komt daarna?" means
    "stap 5", "En de vorige stap?" "stap 3", and "Wie doet dat?" "stap 4" itself; "" when none."""
    named = NUMBERED_PART.findall(history[-1].question.lower())
    if not named or NUMBERED_PART.search(question.lower()):
        return ""
    kind, number = named[-1]
    meant = int(number) + (1 if NEXT.search(question) else -1 if PREVIOUS.search(question) else 0)
    return f"{kind} {meant}" if meant >= 0 else ""
