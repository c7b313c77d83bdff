"""Where extraction runs: in this process and its forked workers (the default), or on a Ray cluster.

Parsing and extracting documents is embarrassingly parallel; the store, stories and facts are not.
So a runner only turns a stream of Documents into (Document, claims) pairs in input order; the
pipeline writes them, and updates stories and facts after, whichever runner made them.
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
from collections.abc import Callable, Iterable, Iterator

from .errors import ConfigError
from .extract import PARSE_BATCH, ExtractorFailure, extract_batch
from .profile import Profile
from .extract.traits import StoryTraits, story_traits
from .records import Claim, Document

__all__ = ["ray_runner", "RAY_WINDOW"]

log = logging.getLogger(__name__)

# Documents handed to Ray at a time: each window is one Ray dataset whose results come back to
# this process, so memory stays bounded however long the stream is, while every worker has
# many batches to chew on.
RAY_WINDOW = 2048


class _RayExtractor:
    """A Ray actor's work: the model loaded once, then one batch of pickled documents at a time."""

    def __init__(self, profile_blob: bytes):
        self.profile = pickle.loads(profile_blob)

    def __call__(self, batch: dict) -> dict:
        docs = [pickle.loads(b) for b in batch["doc"]]
        results = extract_batch(docs, self.profile, traits=True)  # (claims, extractor failures, story traits) per document
        return {"index": batch["index"], "claims": [pickle.dumps(r) for r in results]}


def _connect(address: str, workers: int | None):
    try:
        import ray
        import ray.data
    except ImportError:
        raise ConfigError("the Ray runner needs Ray: pip install 'silkwatch[ray]'") from None
    if not ray.is_initialized():
        # The cluster's own processes log to the console at INFO; an ingest prints one summary line.
        os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "error")
        options = dict(include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
        try:
            if address == "local":  # a cluster of this machine alone, started for this run
                ray.init(num_cpus=workers, **options)
            else:  # "auto": the cluster started on this machine with `ray start`; or ray://host:port
                ray.init(address=address, **options)
        except (ConnectionError, RuntimeError, ValueError) as e:
            raise ConfigError(f"cannot reach the Ray cluster at {address!r}: {e}") from None
    # Ray Data reports each dataset's progress on the console; the ingest has its own progress bar.
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    logging.getLogger("ray").setLevel(logging.WARNING)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.execution_options.preserve_order = True
    return ray


def ray_runner(address: str = "local", workers: int | None = None, batch_size: int = PARSE_BATCH):
    """A runner that extracts on Ray with `workers` actors (default: one per CPU of the cluster)."""

    def run(documents: Iterable[Document], profile: Profile,
            on_failure: Callable[[ExtractorFailure], None] | None = None, traits: bool = True) -> Iterator[tuple[Document, list[Claim], StoryTraits]]:
        ray = _connect(address, workers)
        size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        blob = pickle.dumps(profile)
        it = iter(documents)
        while window := list(itertools.islice(it, RAY_WINDOW)):
            ds = ray.data.from_items([{"index": i, "doc": pickle.dumps(d)} for i, d in enumerate(window)])
            out = ds.map_batches(
                _RayExtractor, fn_constructor_kwargs={"profile_blob": blob}, batch_size=batch_size,
                compute=ray.data.ActorPoolStrategy(size=size), num_cpus=1,
            )
            # Each document is handed on as soon as it and all before it are back, so the pipeline
            # writes while the actors work on the rest of the window.
            ready: dict[int, tuple] = {}
            following = 0
            for row in out.iter_rows():
                ready[row["index"]] = pickle.loads(row["claims"])
                while following in ready:
                    claims, failures, story = ready.pop(following)
                    for f in failures if on_failure else ():
                        on_failure(f)
                    yield window[following], claims, story
                    following += 1
            for doc in window[following:]:  # none in practice: every document comes back
                yield doc, [], story_traits(doc, [], profile)

    return run
