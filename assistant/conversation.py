"""Follow-up questions: resolve "En wat zijn daarvan de risico's?" against the previous turns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexical import _STOPWORDS, TOKEN

FOLLOW_UP = re.compile(
    r"^(en|maar|ook|dus|daarna|verder)\b|\b(daarvan|daarbij|daarna|daarvoor|daarin|hiervan|hierbij|hiervoor|"
    r"ervan|erbij|ervoor|dit|deze|die|dat|zij|ze|het|hij|volgende stap|vorige stap)\b",
    re.IGNORECASE,
)
QUESTION_WORDS = {"welke", "wat", "wie", "waar", "wanneer", "hoe", "waarom", "hoeveel", "kan", "mag", "moet", "zijn"}


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
    previous = topic_terms(history[-1].question)
    carried = [t for t in previous if t.lower() not in {w.lower() for w in own_terms}]
    if not carried:
        return question
    return f"{question.rstrip()} ({' '.join(carried)})"
