"""The Ray runner: the same store, claim for claim, as the in-process runner (skipped without silkwatch[ray])."""

from __future__ import annotations

from pathlib import Path

import pytest

from silkwatch.pipeline import ingest
from silkwatch.runner import ray_runner
from silkwatch.store import open_store

ray = pytest.importorskip("ray", reason="the Ray runner needs silkwatch[ray]")
ARTICLES = Path(__file__).parent / "fixtures" / "gate" / "articles.jsonl"


@pytest.fixture(scope="module")
def local_cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _ingest(tmp_path, name, profile, runner=None):
    store = open_store(f"sqlite:///{tmp_path / name}")
    report = ingest([str(ARTICLES)], store, profile, runner=runner, batch_size=4)
    fingerprint, stats = store.fingerprint(), store.stats()
    store.close()
    return report, fingerprint, stats


def test_an_unreachable_cluster_is_one_clear_error(tmp_path, profile):
    from silkwatch.errors import ConfigError

    run = ray_runner("ray://127.0.0.1:1", workers=1)
    with pytest.raises(ConfigError, match="cannot reach the Ray cluster"):
        list(run([], profile))


def test_ray_makes_the_same_record_as_the_default_runner(tmp_path, nlp, profile, local_cluster):
    plain, plain_print, plain_stats = _ingest(tmp_path, "plain.db", profile)
    on_ray, ray_print, ray_stats = _ingest(tmp_path, "ray.db", profile, ray_runner("auto", workers=2, batch_size=3))
    assert plain_stats["claims_total"] > 20 and on_ray.stored == plain.stored
    assert ray_print == plain_print


def test_ingest_on_ray_through_the_real_command(tmp_path, nlp):
    import os
    import subprocess
    import sys

    env = {**os.environ, "SILKWATCH_DB": f"sqlite:///{tmp_path / 'cli.db'}"}
    cmd = [sys.executable, "-m", "silkwatch", "ingest", str(ARTICLES), "--ray", "local", "--ray-workers", "1"]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.startswith("read 10, stored 10, already known 0, failed 0")
