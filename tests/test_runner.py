"""The Ray runner: the same store, claim for claim, as the in-process runner (skipped without silkwatch[ray])."""

from __future__ import annotations

import json
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


def _mixed_input(path: Path, profile) -> Path:
    """Four lines of our own: an article, a changed copy of it under the same id, one that is all boilerplate, another article."""
    first = {"id": "mix-1", "published": "2024-03-02", "text": "Trade between China and Kazakhstan reached 30 billion U.S. dollars, the ministry said."}
    changed = {**first, "text": "Officials of China and Uzbekistan met in Tashkent on Monday to discuss 12 new projects."}
    empty = {"id": "mix-2", "text": f"{profile.words('boilerplate')[0]} our channel\n"}
    other = {"id": "mix-3", "text": "Kyrgyzstan will open a new border crossing with China by 2027, a spokesperson said."}
    path.write_text("".join(json.dumps(r) + "\n" for r in (first, changed, empty, other)), encoding="utf-8")
    return path


def _counts(report):
    return report.read, report.stored, report.known, report.failed, report.claims


def test_articles_cleaned_on_ray_are_counted_as_the_default_runner_counts_them(tmp_path, nlp, profile, local_cluster):
    source = _mixed_input(tmp_path / "mixed.jsonl", profile)
    run = ray_runner("auto", workers=2, batch_size=2)
    stores = {name: open_store(f"sqlite:///{tmp_path / name}.db") for name in ("plain", "ray")}
    for _ in range(2):  # a fresh store, then the same input again
        plain = ingest([str(source)], stores["plain"], profile, batch_size=2)
        on_ray = ingest([str(source)], stores["ray"], profile, runner=run, batch_size=2)
        assert _counts(on_ray) == _counts(plain)
        assert [str(e) for e in on_ray.failures] == [str(e) for e in plain.failures]
        assert stores["ray"].fingerprint() == stores["plain"].fingerprint()
    assert on_ray.failed == 1 and "no article text" in str(on_ray.failures[0])
    assert "Tashkent" in stores["ray"].get_document("mix-1").text  # the later copy of the id is kept
    for store in stores.values():
        store.close()


def test_ingest_on_ray_through_the_real_command(tmp_path, nlp):
    import os
    import subprocess
    import sys

    env = {**os.environ, "SILKWATCH_DB": f"sqlite:///{tmp_path / 'cli.db'}"}
    cmd = [sys.executable, "-m", "silkwatch", "ingest", str(ARTICLES), "--ray", "local", "--ray-workers", "1"]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.startswith("read 10, stored 10, already known 0, failed 0")
