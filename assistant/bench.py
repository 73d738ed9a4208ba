"""`python -m assistant.bench`: how fast PIANOo-assistent is, and how its cost grows with the corpus.

Measures, on this machine: raw embedding throughput (the limit ingest cannot beat), full-pipeline ingest
throughput as a ratio to it, a no-op re-ingest, cold start, warm retrieval and answer latency and peak memory
at 1x, 10x and 100x the bundled corpus, and 8 concurrent askers. Writes benchmarks/results.{json,md,png}.

The 10x and 100x stores are synthetic: every real chunk is copied with its sentences recombined with
sentences from other chunks (so copies are distinct text, not duplicates), and its vectors are the real
vectors plus small noise, renormalised. Embedding 100x for real would take hours on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from .chunking import document_windows, sentence_units
from .evaluate import load_questions
from .pipeline import Pipeline
from .settings import Settings

QUESTIONS = Path("tests/data/dev_questions.jsonl")
OUT = Path("benchmarks")
NOISE = 0.02


def _percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return round(statistics.median(ordered), 1), round(ordered[int(0.95 * (len(ordered) - 1))], 1)


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def embed_throughput(pipeline: Pipeline, texts: list[str]) -> dict[str, float]:
    """Raw passages/s and tokens/s of the configured embedder, outside the pipeline."""
    inner = pipeline.embedder.inner  # type: ignore[attr-defined]
    inner.embed_documents(texts[:4])  # warm up
    started = time.perf_counter()
    inner.embed_documents(texts)
    seconds = time.perf_counter() - started
    tokens = _tokens(inner, texts)
    return {"passages_per_s": len(texts) / seconds, "tokens_per_s": tokens / seconds}


def _tokens(embedder: Any, texts: list[str]) -> int:
    model = getattr(embedder, "_model", None)
    if model is not None and hasattr(model, "token_count"):
        return sum(model.token_count(t) for t in texts)
    return sum(len(t.split()) for t in texts)


def measure_ingest(settings: Settings, corpus: Path) -> dict[str, Any]:
    """Ingest the corpus into an empty store with an empty embedding cache, then once more unchanged."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = settings.model_copy(update={"data_dir": Path(tmp)})
        pipeline = Pipeline(fresh)
        report = pipeline.ingest([corpus])
        chunks = pipeline.store.all_chunks()
        texts = [c.index_text for c in chunks] + [w for _, _, w in document_windows(chunks)]
        tokens = _tokens(pipeline.embedder.inner, texts)  # type: ignore[attr-defined]
        noop = []
        for _ in range(3):
            noop.append(Pipeline(fresh).ingest([corpus]).seconds)
        return {"seconds": report.seconds, "texts": len(texts), "tokens": tokens, "chunks": len(chunks),
                "noop_s": statistics.median(noop), "sample": random.Random(7).sample(texts, min(96, len(texts)))}


def cold_start(settings: Settings) -> float:
    """Import, open the store and answer one question, in a fresh process."""
    code = ("import time; t=time.perf_counter(); from assistant.pipeline import Pipeline; "
            "Pipeline().ask('Welke stappen zijn er bij een innovatiepartnerschap?'); print(time.perf_counter()-t)")
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                       env={"PIANOO_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin"})
        runs.append(time.perf_counter() - started)
    return round(statistics.median(runs), 2)


def build_scaled_store(source: Pipeline, target: Settings, scale: int, seed: int = 7) -> int:
    """Copy the source store `scale` times: recombined sentences, real vectors plus noise."""
    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    records = source.store.export()
    windows_of: dict[str, list[dict[str, Any]]] = {}
    for window in records["windows"]:
        windows_of.setdefault(window["metadata"]["chunk_id"], []).append(window)
    chunk_rows = records["chunks"]
    all_units = [u for r in chunk_rows for u in sentence_units(r["text"])]
    store = Pipeline(target).store

    def noisy(vector: list[float]) -> list[float]:
        v = np.asarray(vector, dtype=np.float32) + rng.normal(0, NOISE, len(vector)).astype(np.float32)
        return (v / np.linalg.norm(v)).tolist()

    for copy in range(scale):
        chunks: list[dict[str, Any]] = []
        windows: list[dict[str, Any]] = []
        for row in chunk_rows:
            meta = dict(row["metadata"])
            text = row["text"]
            if copy:
                units = [u if pick.random() < 0.6 else pick.choice(all_units) for u in sentence_units(text)]
                text = "\n\n".join(units)
                meta["doc_id"] = f"x{copy}-{meta['doc_id']}"
            chunk_id = f"{meta['doc_id']}#{meta['position']}"
            chunks.append({"id": chunk_id, "text": text, "metadata": meta,
                           "vector": noisy(row["vector"]) if copy else row["vector"]})
            for w in windows_of.get(row["id"], []):
                wmeta = {**w["metadata"], "doc_id": meta["doc_id"], "chunk_id": chunk_id}
                windows.append({"id": f"{chunk_id}~{wmeta['unit']}", "text": w["text"], "metadata": wmeta,
                                "vector": noisy(w["vector"]) if copy else w["vector"]})
        store.import_records(chunks, windows)
    return len(chunk_rows) * scale


def scale_worker(data_dir: Path, chunks: int) -> dict[str, Any]:
    """Warm retrieval and answer latency over the dev questions, and peak memory, in this process."""
    pipeline = Pipeline(Settings(data_dir=data_dir))
    questions = [q["question"] for q in load_questions(QUESTIONS)]
    pipeline.ask(questions[0])  # warm: lexical index, caches
    retrieve, answer = [], []
    embedder = pipeline.embedder
    for question in questions:
        embedder.forget_queries()  # type: ignore[attr-defined]
        answer.append(pipeline.ask(question).latency_ms)
        embedder.forget_queries()  # type: ignore[attr-defined]
        started = time.perf_counter()
        pipeline.retriever.search(question)
        retrieve.append((time.perf_counter() - started) * 1000)
    r50, r95 = _percentiles(retrieve)
    a50, a95 = _percentiles(answer)
    return {"chunks": chunks, "retrieve_p50_ms": r50, "retrieve_p95_ms": r95, "answer_p50_ms": a50,
            "answer_p95_ms": a95, "peak_rss_mb": _peak_rss_mb()}


def concurrency(pipeline: Pipeline, seconds: float, threads: int = 8) -> dict[str, Any]:
    """Askers sharing one pipeline, as Streamlit sessions do; every answer is checked against a solo run."""
    questions = [q["question"] for q in load_questions(QUESTIONS)][:24]
    expected = {q: pipeline.ask(q).text for q in questions}
    latencies: list[float] = []
    errors: list[str] = []
    mixed = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def asker(offset: int) -> None:
        nonlocal mixed
        i = offset
        while time.monotonic() < stop_at:
            question = questions[i % len(questions)]
            try:
                answer = pipeline.ask(question)
                with lock:
                    latencies.append(answer.latency_ms)
                    mixed += answer.text != expected[question]
            except Exception as exc:  # noqa: BLE001 (a benchmark reports errors instead of dying on the first)
                with lock:
                    errors.append(repr(exc))
            i += 1

    workers = [threading.Thread(target=asker, args=(n * 3,)) for n in range(threads)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - started
    p50, p95 = _percentiles(latencies)
    return {"threads": threads, "seconds": round(elapsed, 1), "answers": len(latencies),
            "answers_per_s": round(len(latencies) / elapsed, 1), "p50_ms": p50, "p95_ms": p95,
            "errors": len(errors), "mixed_up_answers": mixed}


def write_outputs(results: dict[str, Any]) -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scales = results["scales"]
    fig, ax = plt.subplots(figsize=(6.5, 3.5))
    xs = [s["chunks"] for s in scales]
    for key, label in (("retrieve_p50_ms", "retrieval p50"), ("answer_p50_ms", "answer p50"),
                       ("answer_p95_ms", "answer p95")):
        ax.plot(xs, [s[key] for s in scales], marker="o", label=label)
    ax.set_xscale("log")
    ax.set_xlabel("chunks in the store (1x, 10x, 100x)")
    ax.set_ylabel("ms")
    ax.legend()
    ax.set_title("Warm latency against corpus size")
    fig.tight_layout()
    fig.savefig(OUT / "results.png", dpi=100)
    plt.close(fig)
    c = results["concurrency"]
    lines = [
        "# Benchmarks", "",
        f"Machine: {results['machine']}. Medians of repeated runs; compare ratios within one run.", "",
        "| figure | value | target |", "|---|---|---|",
        f"| raw embedding | {results['embed_passages_per_s']:.1f} passages/s, {results['embed_tokens_per_s']:.0f} tokens/s | (physical limit) |",
        f"| full-pipeline ingest | {results['ingest_passages_per_s']:.1f} passages/s | |",
        f"| ingest time / raw embedding time | {results['ingest_vs_embed_ratio']:.2f} | ≤ 1.2 |",
        f"| no-op re-ingest of the corpus | {results['noop_reingest_s']:.2f} s | ≤ 2 s |",
        f"| cold start (import, open store, first answer) | {results['cold_start_s']:.2f} s | ≤ 5 s |",
        (f"| 8 concurrent askers, {c['seconds']} s | {c['answers_per_s']} answers/s, p95 {c['p95_ms']} ms, "
        f"{c['errors']} errors, {c['mixed_up_answers']} mixed up | p95 ≤ 1 s, no errors |"),
        "", "![latency against corpus size](results.png)", "",
        "| scale | chunks | retrieve p50 / p95 ms | answer p50 / p95 ms | peak RSS MB |", "|---|---|---|---|---|",
    ]
    for s in scales:
        lines.append(f"| {s['scale']}x | {s['chunks']} | {s['retrieve_p50_ms']} / {s['retrieve_p95_ms']} | "
                     f"{s['answer_p50_ms']} / {s['answer_p95_ms']} | {s['peak_rss_mb']} |")
    lines += ["", "Targets: warm answer p50 ≤ 100 ms at 1x and ≤ 250 ms at 100x.", "",
              ("The 10x and 100x stores are synthetic (see `assistant/bench.py`): real chunks with their sentences "
              "recombined across documents, vectors = real vectors + N(0, 0.02) noise, renormalised. Ingest "
              "throughput is measured on the real corpus, with an empty embedding cache.")]
    (OUT / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--concurrency-seconds", type=float, default=60)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--scale-worker", nargs=2, metavar=("DATA_DIR", "CHUNKS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scale_worker:
        print(json.dumps(scale_worker(Path(args.scale_worker[0]), int(args.scale_worker[1]))))
        return 0

    settings = Settings()
    source = Pipeline(settings)
    source.ingest([args.corpus])
    print("measuring ingest (empty store, empty embedding cache)…", flush=True)
    ingest = measure_ingest(settings, args.corpus)
    raw = embed_throughput(source, ingest["sample"])
    raw_seconds = ingest["tokens"] / raw["tokens_per_s"]
    results: dict[str, Any] = {
        "machine": f"{__import__('os').cpu_count()} cores, Python {sys.version.split()[0]}",
        "embed_passages_per_s": round(raw["passages_per_s"], 2),
        "embed_tokens_per_s": round(raw["tokens_per_s"], 1),
        "ingest_passages_per_s": round(ingest["texts"] / ingest["seconds"], 2),
        "ingest_vs_embed_ratio": round(ingest["seconds"] / raw_seconds, 3),
        "noop_reingest_s": round(ingest["noop_s"], 3),
        "cold_start_s": cold_start(settings),
        "scales": [],
    }
    print(json.dumps({k: v for k, v in results.items() if k != "scales"}), flush=True)
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            target = settings.model_copy(update={"data_dir": Path(tmp), "chroma_host": None})
            chunks = build_scaled_store(source, target, scale)
            worker = subprocess.run([sys.executable, "-m", "assistant.bench", "--scale-worker", tmp, str(chunks)],
                                    check=True, capture_output=True, text=True)
            row = {"scale": scale, **json.loads(worker.stdout.strip().splitlines()[-1])}
        results["scales"].append(row)
        print(json.dumps(row), flush=True)
    results["concurrency"] = concurrency(source, args.concurrency_seconds)
    print(json.dumps(results["concurrency"]), flush=True)
    write_outputs(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
