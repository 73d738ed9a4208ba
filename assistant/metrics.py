"""Retrieval and answer figures for a question set, defined exactly as `shared/tools/score.py` defines them.

A passage is relevant to a question when it covers at least half of the word trigrams of one of the
question's gold quotes, after normalising case, hyphenation and punctuation.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from typing import Any

PASSAGE_CHARS = 2500
ANSWER_CHARS = 1200


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"(\w)-\s+(\w)", r"\1\2", text)
    text = text.replace("-", "").replace("\u00ad", "")
    return re.sub(r"[^\w]+", " ", text).split()


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for i in range(max(0, len(words) - 2))} or {tuple(words)}


def covers(passage: str, quote: str, threshold: float = 0.5) -> bool:
    wanted = _trigrams(tokens(quote))
    if not tokens(quote):
        return False
    return len(wanted & _trigrams(tokens(passage))) / len(wanted) >= threshold


def is_relevant(passage: str, gold: dict[str, Any]) -> bool:
    return any(covers(passage[:PASSAGE_CHARS], quote) for quote in gold.get("quotes", []))


def mentions(answer: str, term: str) -> bool:
    return " ".join(tokens(term)) in " ".join(tokens(answer))


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 1)


def score(gold_rows: list[dict[str, Any]], results: list[dict[str, Any]], k: int = 5) -> dict[str, Any]:
    """hit@1, hit@k, MRR@10 (answerable questions), answer and refusal figures, latency."""
    by_id = {r["id"]: r for r in results}
    answerable = [g for g in gold_rows if g.get("type") != "unanswerable" and g["id"] in by_id]
    unanswerable = [g for g in gold_rows if g.get("type") == "unanswerable" and g["id"] in by_id]
    hit1 = hitk = rr = mention = cite_hit = cites_ok = cites_total = false_refusals = 0.0
    per_type: dict[str, list[int]] = {}
    misses = []
    for g in answerable:
        r = by_id[g["id"]]
        ranks = [i for i, p in enumerate(r.get("retrieved", [])[:10]) if is_relevant(p.get("text", ""), g)]
        first = ranks[0] + 1 if ranks else None
        hit1 += first == 1
        hit = first is not None and first <= k
        hitk += hit
        rr += 1 / first if first else 0
        if not hit:
            misses.append(g["id"])
        terms = g.get("must_mention") or []
        answer = (r.get("answer") or "")[:ANSWER_CHARS]
        mention += sum(mentions(answer, t) for t in terms) / len(terms) if terms else 1.0
        cited = [is_relevant(c.get("text", ""), g) for c in r.get("citations", [])]
        cites_total += len(cited)
        cites_ok += sum(cited)
        cite_hit += any(cited)
        false_refusals += bool(r.get("refused"))
        per_type.setdefault(g.get("type", "?"), [0, 0])
        per_type[g.get("type", "?")][0] += 1
        per_type[g.get("type", "?")][1] += hit
    n = max(1, len(answerable))
    latencies = [r["latency_ms"] for r in results if isinstance(r.get("latency_ms"), (int, float))]
    return {
        "questions": len(answerable),
        "unanswerable": len(unanswerable),
        "hit@1": round(hit1 / n, 3),
        f"hit@{k}": round(hitk / n, 3),
        "mrr@10": round(rr / n, 3),
        "must_mention_recall": round(mention / n, 3),
        "answer_cites_evidence": round(cite_hit / n, 3),
        "citation_precision": round(cites_ok / cites_total, 3) if cites_total else None,
        "false_refusal_rate": round(false_refusals / n, 3),
        "unanswerable_refused": (
            round(sum(bool(by_id[g["id"]].get("refused")) for g in unanswerable) / len(unanswerable), 3)
            if unanswerable
            else None
        ),
        "latency_ms_p50": round(statistics.median(latencies), 1) if latencies else None,
        "latency_ms_p95": _percentile(latencies, 0.95),
        "per_type_hit@k": {t: round(v[1] / v[0], 2) for t, v in sorted(per_type.items())},
        "misses": misses,
    }
