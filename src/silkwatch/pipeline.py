"""Ingest: read → clean → extract → store, streamed in batches so memory stays flat."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .clean import clean
from .errors import InputError
from .extract import extract_documents
from .profile import Profile
from .records import Document
from .sources import read_sources
from .store import Store

__all__ = ["ingest", "IngestReport", "BATCH_SIZE"]

log = logging.getLogger(__name__)

# Documents per transaction: large enough to amortise commits, small enough that an
# interrupted ingest loses little work.
BATCH_SIZE = 64

after_batch_hooks: list[Callable[[Store, list[Document]], None]] = []


@dataclass
class IngestReport:
    """What one ingest did: counts and one InputError per failed file or line."""

    read: int = 0
    stored: int = 0
    known: int = 0
    failed: int = 0
    claims: int = 0
    failures: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        return f"read {self.read}, stored {self.stored}, already known {self.known}, failed {self.failed} ({self.claims} claims extracted)"


def ingest(
    paths: Iterable[str],
    store: Store,
    profile: Profile,
    on_progress: Callable[[int], None] | None = None,
    on_failure: Callable[[InputError], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Ingest every article under the paths; failures are reported per input and the rest goes on."""
    report = IngestReport()

    def fail(e: InputError) -> None:
        report.failed += 1
        report.failures.append(e)
        log.warning("%s", e)
        if on_failure:
            on_failure(e)

    pending: list[Document] = []
    seen_in_run: dict[str, str] = {}

    def flush() -> None:
        if not pending:
            return
        known = store.known_hashes([d.doc_id for d in pending])
        fresh = [d for d in pending if known.get(d.doc_id) != d.content_hash]
        report.known += len(pending) - len(fresh)
        if fresh:
            results = list(extract_documents(fresh, profile))
            report.claims += sum(len(cs) for _, cs in results)
            report.stored += store.write_documents(results)
            for hook in after_batch_hooks:
                hook(store, fresh)
        if on_progress:
            on_progress(len(pending))
        pending.clear()

    for item in read_sources(paths):
        if isinstance(item, InputError):
            fail(item)
            continue
        report.read += 1
        try:
            doc = clean(item, profile)
        except InputError as e:
            fail(e)
            continue
        h = doc.content_hash
        if seen_in_run.get(doc.doc_id) == h:
            report.known += 1
            continue
        seen_in_run[doc.doc_id] = h
        if any(d.doc_id == doc.doc_id for d in pending):
            flush()  # a changed copy of a document in this batch: store the first before the second
        pending.append(doc)
        if len(pending) >= batch_size:
            flush()
    flush()
    return report
