#!/usr/bin/env python3
"""Scale-out: the same ingest with the in-process runner and on Ray at 1 and 2 workers.

    python bench/scale.py [--docs 20000] [--corpus FILE] [--workers 1 2] [--write-batch 512]

Repeats ../shared/corpus/dev.jsonl (ids made unique) to --docs documents and ingests them into a
fresh SQLite store once per runner, each in a fresh subprocess: the default runner (this process
and its forked parse workers), then Ray ('local' cluster) with each number of --workers. Prints
documents per second, Ray's speed-up over its one-worker run, and whether the three stores hold
the same record (claims, facts and stories hashed by Store.fingerprint).

Each run also prints the CPU time per document of the driver (the process that reads, checks
what is known, writes, groups stories and updates facts) and of the workers (parse processes or
Ray actors: cleaning and extraction). With D and W, one Ray worker can go at most 1/W documents per
CPU-second and two on two cores at most 2/(W + D): the speed-up is bounded by 2W/(W + D) here.
Every run writes --write-batch documents a transaction (the Ray runner's default), so the runs
compare like with like (the cost of a write is partly per write, not per document). Model loading and Ray's actor start-up happen before the timed part. "cores busy" is that CPU time
over the wall-clock time: well under the workers (+ driver) it means other work had the CPUs.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from silkwatch.runner import RayRunner  # noqa: E402
from throughput import DEFAULT_CORPUS, write_repeated  # noqa: E402


def child(runner: str, workers: int, corpus: str, db: str, write_batch: int) -> None:
    """One timed ingest; prints its figures as JSON on the last line."""
    from silkwatch.extract.model import load_model
    from silkwatch.pipeline import ingest
    from silkwatch.profile import load_profile
    from silkwatch.runner import ray_runner
    from silkwatch.store import open_store

    load_model()
    store = open_store(f"sqlite:///{db}")
    run = ray_runner("local", workers) if runner == "ray" else None
    if run is not None:  # the cluster and its actors start outside the timed part, as the model load does
        list(run([], load_profile()))
    t0, cpu0, children0 = time.perf_counter(), time.process_time(), _children_cpu()
    report = ingest([corpus], store, load_profile(), runner=run, batch_size=write_batch)
    elapsed, driver = time.perf_counter() - t0, time.process_time() - cpu0
    # The in-process runner's forked workers have exited and been waited for by now; Ray's actors
    # outlive the ingest, so they time their own batches.
    workers = run.worker_seconds if run is not None else _children_cpu() - children0
    print(json.dumps({"stored": report.stored, "seconds": elapsed, "driver_cpu": driver, "worker_cpu": workers,
                      "fingerprint": store.fingerprint()}))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _ceiling(r: dict, workers: int) -> float:
    """Documents per second the run's CPU per document allows: each worker busy, every core busy."""
    worker, driver = r["worker_cpu"] / r["stored"], r["driver_cpu"] / r["stored"]
    return min(workers / worker, (os.cpu_count() or 1) / (worker + driver))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--write-batch", type=int, default=RayRunner.write_batch, help="documents per store write, in every run")
    ap.add_argument("--child", nargs=5, metavar=("RUNNER", "WORKERS", "CORPUS", "DB", "WRITE_BATCH"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        child(a.child[0], int(a.child[1]), a.child[2], a.child[3], int(a.child[4]))
        return 0
    if not Path(a.corpus).exists():
        print(f"error: {a.corpus} not found (the shared corpus lives in ../shared)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_repeated(Path(a.corpus), a.docs, corpus)
        # Ray's worker processes import silkwatch too: from this checkout, like the driver.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
        runs = [("in-process", 0)] + [("ray", w) for w in a.workers]
        results = {}
        for runner, workers in runs:
            db = Path(tmp) / f"{runner}-{workers}.db"
            out = subprocess.run([sys.executable, __file__, "--child", runner, str(workers), str(corpus), str(db), str(a.write_batch)],
                                 capture_output=True, text=True, check=True, env=env)
            results[(runner, workers)] = json.loads(out.stdout.strip().splitlines()[-1])
            r = results[(runner, workers)]
            label = runner if runner != "ray" else f"ray, {workers} worker{'s' if workers > 1 else ''}"
            print(f"{label:<18} {r['stored']:>6} docs in {r['seconds']:7.1f} s = {r['stored'] / r['seconds']:6.1f} docs/s; "
                  f"CPU per doc: driver {1000 * r['driver_cpu'] / r['stored']:5.1f} ms, "
                  f"workers {1000 * r['worker_cpu'] / r['stored']:5.1f} ms; "
                  f"{(r['driver_cpu'] + r['worker_cpu']) / r['seconds']:.2f} cores busy", flush=True)
    base = results.get(("ray", a.workers[0]))
    for w in a.workers[1:]:
        r = results[("ray", w)]
        print(f"ray speed-up, {w} vs {a.workers[0]} workers: {base['seconds'] / r['seconds']:.2f}x "
              f"(the CPU figures allow at most {_ceiling(r, w) / _ceiling(base, a.workers[0]):.2f}x on {os.cpu_count()} cores)")
    prints = {json.dumps(r["fingerprint"], sort_keys=True) for r in results.values()}
    print(f"stores identical ({a.write_batch} documents a write):", "yes" if len(prints) == 1 else "NO",
          next(iter(results.values()))["fingerprint"] if len(prints) == 1 else "")
    for (runner, workers), r in results.items() if len(prints) > 1 else ():
        print(f"  {runner} {workers or ''}: {r['fingerprint']}")
    return 0 if len(prints) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
