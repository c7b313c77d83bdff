"""Where extraction runs: in this process and its forked workers (the default), or on a Ray cluster.

Cleaning, parsing and extracting a document is embarrassingly parallel; the store, stories and facts
are not. So a runner only turns a stream of articles into (Document, claims[, story traits]) in input
order; the pipeline writes them, and updates stories and facts after, whichever runner made them.
"""

from __future__ import annotations

import collections
import itertools
import logging
import os
import pickle
import time
from collections.abc import Callable, Iterable, Iterator

from .clean import clean
from .errors import ConfigError, InputError, ModelError
from .extract import PARSE_BATCH, ExtractorFailure, extract_batch
from .extract.traits import StoryTraits, load_encoder
from .profile import Profile
from .records import Claim, Document, RawArticle

__all__ = ["ray_runner", "RayRunner", "IN_FLIGHT"]

log = logging.getLogger(__name__)

# Batches queued on each actor: one to work on and one waiting, so an actor never idles while the
# driver collects its last result, and memory stays bounded however long the stream is.
IN_FLIGHT = 2
# Batches sent but not yet handed on, per actor: results that come back out of order wait here
# (in the object store) for the ones before them, while the other actors keep working.
AHEAD = 4

# What an actor sends back per article: the cleaned Document (None when it was given one, which the
# driver still holds), or the arguments of the InputError that cleaning raised (InputError itself
# does not pickle); then what extract_batch gives: claims, extractor failures, story traits.
_Failed = tuple[str, str, int | None]
_Result = tuple[Document | _Failed | None, list[Claim], list[ExtractorFailure], StoryTraits | None]


class _Extractor:
    """A Ray actor's work: the model loaded once, then one batch of articles (raw or cleaned) at a time."""

    def __init__(self, profile_blob: bytes):
        from .extract.model import load_model

        self.profile = pickle.loads(profile_blob)
        load_model()  # here, so that the first batch does not wait for them
        load_encoder()

    def ready(self) -> bool:
        return True

    def extract(self, items: list[RawArticle | Document], traits: bool) -> tuple[list[_Result], float]:
        """Each item's result, and the CPU seconds this process spent on the batch."""
        t0 = time.process_time()
        docs: list[Document] = []
        cleaned: list[Document | _Failed | None] = []
        for item in items:
            if isinstance(item, Document):
                docs.append(item)
                cleaned.append(None)
                continue
            try:
                docs.append(clean(item, self.profile))
                cleaned.append(docs[-1])
            except InputError as e:
                cleaned.append((e.source, e.reason, e.line))
        results = iter(extract_batch(docs, self.profile, traits=traits))
        out = [(c, *(next(results) if not isinstance(c, tuple) else ([], [], None))) for c in cleaned]
        return out, time.process_time() - t0


def _connect(address: str, workers: int | None):
    try:
        import ray
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
    logging.getLogger("ray").setLevel(logging.WARNING)
    return ray


class RayRunner:
    """Extracts on a fixed pool of Ray actors, started on first use and kept for later calls.

    It takes raw articles as well as Documents (cleans=True tells the pipeline so): cleaning then
    happens on the actors too, and the cleaned Document comes back with its claims. Articles go out
    in batches, at most IN_FLIGHT per actor, and come back in input order.
    """

    cleans = True
    # Documents per store write: each write compares its documents with up to a few thousand stored
    # ones for stories (dedup.py), a cost per write, not per document; at the pipeline's default of 64
    # it came to several ms a document in the one driver, as much as two actors could spare it.
    write_batch = 512

    def __init__(self, address: str = "local", workers: int | None = None, batch_size: int = PARSE_BATCH):
        self.address, self.workers, self.batch_size = address, workers, batch_size
        self.worker_seconds = 0.0  # CPU time the actors spent on the batches of every call so far
        self._actors: list = []
        self._profile_blob: bytes | None = None

    def __call__(self, items: Iterable[RawArticle | Document], profile: Profile,
                 on_failure: Callable[[ExtractorFailure | InputError], None] | None = None, traits: bool = False) -> Iterator[tuple]:
        """(Document, claims) for each article that cleans, in input order (with traits, (Document, claims, story
        traits)); failures go to on_failure."""
        ray = self._start(profile)
        batches = iter(lambda it=iter(items): list(itertools.islice(it, self.batch_size)), [])
        sent: collections.deque = collections.deque()  # (batch, result ref), in input order
        running: dict = {}  # result ref -> index of the actor working on it
        queued = [0] * len(self._actors)
        more = True
        while True:
            while more and len(sent) < AHEAD * len(self._actors) and min(queued) < IN_FLIGHT:
                batch = next(batches, None)
                if batch is None:
                    more = False
                    break
                i = queued.index(min(queued))
                ref = self._actors[i].extract.remote(batch, traits)
                queued[i] += 1
                running[ref] = i
                sent.append((batch, ref))
            if not sent:
                return
            if sent[0][1] in running:  # wait for any batch, so that a free actor gets more work at once
                done, _ = ray.wait(list(running), num_returns=1)
                for ref in done:
                    queued[running.pop(ref)] -= 1
                continue
            batch, ref = sent.popleft()
            yield from self._hand_on(batch, self._get(ray, ref), on_failure, traits)

    def _get(self, ray, ref) -> list[_Result]:
        try:
            results, seconds = ray.get(ref)
        except ray.exceptions.RayActorError:
            self._actors = []  # started afresh on the next call
            raise ModelError("a Ray actor died (out of memory?); the documents stored so far are kept") from None
        self.worker_seconds += seconds
        return results

    @staticmethod
    def _hand_on(batch, results: list[_Result], on_failure, traits: bool) -> Iterator[tuple]:
        for item, (doc, claims, failures, story) in zip(batch, results):
            if isinstance(doc, tuple):
                if on_failure:
                    on_failure(InputError(*doc))
                continue
            for f in failures if on_failure else ():
                on_failure(f)
            yield (doc or item, claims, story) if traits else (doc or item, claims)

    def _start(self, profile: Profile):
        """Connect to the cluster and start the actors, unless they are running with this profile."""
        ray = _connect(self.address, self.workers)
        blob = pickle.dumps(profile)
        if self._actors and blob == self._profile_blob:
            return ray
        for actor in self._actors:
            ray.kill(actor)
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        if self.workers and self.workers > cpus:  # an actor takes a CPU: the ones beyond would never start
            log.warning("the Ray cluster has %d CPUs: starting %d actors, not %d", cpus, cpus, self.workers)
        size = min(self.workers or cpus, cpus)
        actor = ray.remote(num_cpus=1)(_Extractor)
        blob_ref = ray.put(blob)
        self._actors = [actor.remote(blob_ref) for _ in range(size)]
        self._profile_blob = blob
        try:  # the model loaded everywhere, or the error now
            ray.get([a.ready.remote() for a in self._actors])
        except ray.exceptions.RayActorError as e:
            self._actors = []
            raise ModelError(f"a Ray actor could not start: {str(e).strip().splitlines()[-1]}") from None
        return ray


def ray_runner(address: str = "local", workers: int | None = None, batch_size: int = PARSE_BATCH) -> RayRunner:
    """A runner that cleans and extracts on Ray with `workers` actors (default: one per CPU of the cluster)."""
    return RayRunner(address, workers, batch_size)
