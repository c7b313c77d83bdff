"""Ingest (read → clean → extract → store) and re-extraction of stored documents, streamed in batches so memory stays flat."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .clean import clean
from .dedup import assign_copies_in, assign_missing_copies
from .reconcile import update_facts
from .errors import InputError
from .extract import EXTRACTOR_VERSION, PARALLEL_MIN, ExtractorFailure, extract_documents
from .filters import check_date
from .langid import EXTRACTED_LANGUAGES
from .profile import Profile
from .records import Claim, Document, RawArticle, hash_id
from .sources import read_sources
from .store import Store
from .stories import group_missing_stories, group_stories_in, regroup_stories
from .extract.traits import StoryTraits

__all__ = ["ingest", "ingest_articles", "IngestReport", "reextract", "ReextractReport", "BATCH_SIZE"]

log = logging.getLogger(__name__)

# What extracts claims from a stream of documents, in order (see silkwatch.runner); called as
# runner(documents, profile, on_failure=..., traits=True), it hands each extractor failure to
# on_failure. A runner with cleans=True is also given raw articles, cleans them itself and hands
# on_failure those that fail.
Runner = Callable[..., Iterator[tuple[Document, list[Claim], StoryTraits]]]

# Documents per transaction: large enough to amortise commits, small enough that an
# interrupted ingest loses little work. A runner may ask for more (its write_batch).
BATCH_SIZE = 64


@dataclass
class IngestReport:
    """What one ingest did: counts and one InputError per failed file or line."""

    read: int = 0
    stored: int = 0
    known: int = 0
    failed: int = 0
    claims: int = 0
    reextracted: int = 0  # known documents stored again because an older extractor made their claims
    extractor_errors: int = 0  # an extractor raised on a document: that kind's claims of it are missing
    other_language: int = 0  # stored documents in a language no claims are extracted from
    facts: int = 0  # facts rewritten because their claims changed
    failures: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        again = f", {self.reextracted} re-extracted" if self.reextracted else ""
        other = f", {self.other_language} not in a language we extract" if self.other_language else ""
        return (f"read {self.read}, stored {self.stored}, already known {self.known}, failed {self.failed} "
                f"({self.claims} claims extracted{again}, {_errors(self.extractor_errors)}{other})")


def _errors(n: int) -> str:
    return f"{n} extractor error{'' if n == 1 else 's'}{' (see the log, -v)' if n else ''}"


@dataclass
class ReextractReport:
    """What one re-extraction did: documents, claims before and after, extractor errors, facts rewritten."""

    documents: int = 0
    claims_before: int = 0
    claims: int = 0
    extractor_errors: int = 0
    facts: int = 0
    missing: list[str] = field(default_factory=list)  # ids asked for that the store does not hold

    def summary(self) -> str:
        line = (f"re-extracted {self.documents} document{'' if self.documents == 1 else 's'}: {self.claims} claims "
                f"(before: {self.claims_before}), {_errors(self.extractor_errors)}, {self.facts} facts updated")
        shown = [i if len(i) <= 60 else i[:59] + "…" for i in self.missing[:10]]
        more = f" and {len(self.missing) - 10} more" if len(self.missing) > 10 else ""
        return line + (f"; not stored: {', '.join(shown)}{more}" if self.missing else "")


def ingest(
    paths: Iterable[str],
    store: Store,
    profile: Profile,
    on_progress: Callable[[int], None] | None = None,
    on_failure: Callable[[InputError], None] | None = None,
    batch_size: int | None = None,
    runner: Runner | None = None,
) -> IngestReport:
    """Ingest every article under the paths; failures are reported per input and the rest goes on."""
    return ingest_articles(read_sources(paths), store, profile, on_progress, on_failure, batch_size, runner)


def ingest_articles(
    items: Iterable[RawArticle | InputError],
    store: Store,
    profile: Profile,
    on_progress: Callable[[int], None] | None = None,
    on_failure: Callable[[InputError], None] | None = None,
    batch_size: int | None = None,
    runner: Runner | None = None,
) -> IngestReport:
    """Ingest a stream of read articles (from files, a WARC archive or a live source), as ingest() does.

    runner turns the stream of documents into (document, claims, story traits) in order: by default this
    process and its forked workers (extract_documents), or a Ray cluster (runner.ray_runner).
    batch_size is the documents per write (default: the runner's write_batch, else BATCH_SIZE)."""
    run_on = runner or extract_documents
    batch_size = batch_size or getattr(run_on, "write_batch", BATCH_SIZE)
    run = _Ingest(store, profile, on_progress, on_failure, batch_size)
    # SILKWATCH_STORIES=0 leaves stories ungrouped (bench/stories.py measures what grouping costs against it)
    stories = os.environ.get("SILKWATCH_STORIES", "1") != "0"
    fresh = run.fresh_documents(items, raw=getattr(run_on, "cleans", False))
    extracted = run_on(fresh, profile, on_failure=run.count_failure, traits=stories)
    _in_batches(extracted, batch_size, run.write)
    # Once per run, and also after an interrupted run: stories and facts catch up with what is stored.
    assign_missing_copies(store)
    if stories:
        group_missing_stories(store, profile)
    run.report.facts = update_facts(store)
    return run.report


def _raw_key(item: RawArticle) -> str:
    return hash_id(item.format, item.text, item.published, item.title, item.url, item.outlet, item.lang)


def _in_batches(results: Iterable[tuple[Document, list[Claim], StoryTraits]], size: int, write: Callable[[list], None]) -> None:
    pending: list[tuple[Document, list[Claim], StoryTraits]] = []
    for result in results:
        pending.append(result)
        if len(pending) >= size:
            write(pending)
            pending = []
    if pending:
        write(pending)


class _Ingest:
    """One ingest run: its report, its callbacks, and the documents an older extractor had made claims of."""

    def __init__(self, store: Store, profile: Profile, on_progress, on_failure, batch_size: int):
        self.store, self.profile, self.batch_size = store, profile, batch_size
        self.on_progress, self.on_failure = on_progress, on_failure
        self.report = IngestReport()
        self.older: set[str] = set()
        # Each id met in this run: the hash of its cleaned text, or of its raw article when a runner cleans it.
        self.seen_in_run: dict[str, str] = {}

    def fail(self, e: InputError) -> None:
        self.report.failed += 1
        self.report.failures.append(e)
        log.warning("%s", e)
        if self.on_failure:
            self.on_failure(e)

    def progress(self, n: int) -> None:
        if self.on_progress and n:
            self.on_progress(n)

    def count_failure(self, f: ExtractorFailure | InputError) -> None:
        if isinstance(f, InputError):  # an article that a runner cleaned itself left no text
            self.fail(f)
        else:
            self.report.extractor_errors += 1

    def fresh_documents(self, items: Iterable[RawArticle | InputError], raw: bool = False) -> Iterator[RawArticle | Document]:
        """The articles the store does not hold in this version, checked a chunk at a time.

        Each comes cleaned, except with raw=True (a runner that cleans) an article whose id neither
        the store nor this run has seen yet: only a known id needs the cleaned text's hash."""
        chunk: list[RawArticle] = []
        for item in items:
            if isinstance(item, InputError):
                self.fail(item)
                continue
            self.report.read += 1
            chunk.append(item)
            if len(chunk) >= self.batch_size:
                yield from self.unknown(chunk, raw)
                chunk = []
        yield from self.unknown(chunk, raw)

    def unknown(self, chunk: list[RawArticle], raw: bool) -> Iterator[RawArticle | Document]:
        """The articles of a chunk the store does not hold with this content and this extractor's claims."""
        known = self.store.known_versions([r.doc_id for r in chunk]) if chunk else {}
        n_known = 0
        for item in chunk:
            if raw and item.doc_id not in known and item.doc_id not in self.seen_in_run:
                self.seen_in_run[item.doc_id] = _raw_key(item)
                yield item
                continue
            if item.doc_id in self.seen_in_run and self.seen_in_run[item.doc_id] == _raw_key(item):
                n_known += 1
                continue
            try:
                doc = clean(item, self.profile)
            except InputError as e:
                self.fail(e)
                continue
            h = doc.content_hash
            # What the store held before this run counts only for an id's first copy in it: a later
            # copy replaces the earlier one, even when it equals what was stored.
            stored_hash, version = known.get(doc.doc_id, (None, None)) if doc.doc_id not in self.seen_in_run else (None, None)
            if self.seen_in_run.get(doc.doc_id) == h or (stored_hash, version) == (h, EXTRACTOR_VERSION):
                n_known += 1
                continue
            self.seen_in_run[doc.doc_id] = h
            if stored_hash == h:
                self.older.add(doc.doc_id)
            yield doc
        self.report.known += n_known
        self.progress(n_known)

    def write(self, pending: list[tuple]) -> None:
        """Store (document, claims, story traits) — or (document, claims), stories left for later — in one transaction."""
        # A changed copy of a document later in the same batch replaces the earlier one.
        traits = {item[0].doc_id: item[2] for item in pending if len(item) > 2 and item[2] is not None}
        batch = list({item[0].doc_id: (item[0], item[1]) for item in pending}.values())
        self.report.claims += sum(len(cs) for _, cs in batch)
        self.report.other_language += sum(1 for d, _ in batch if d.lang not in EXTRACTED_LANGUAGES)

        def group(conn, docs: list[Document]) -> None:  # copies first: a story is made of copy groups' reports
            assign_copies_in(conn, docs)
            group_stories_in(conn, [traits[d.doc_id] for d in docs if d.doc_id in traits])

        written = self.store.write_documents(batch, extractor=EXTRACTOR_VERSION, then=group)
        # What another writer stored first, in this very version, counts as known.
        self.report.known += len(pending) - written
        self.report.stored += written
        self.report.reextracted += sum(1 for d, _ in batch if d.doc_id in self.older)
        self.older.difference_update(d.doc_id for d, _ in batch)
        self.progress(len(pending))


def reextract(
    store: Store,
    profile: Profile,
    doc_ids: list[str] | None = None,
    since: str | None = None,
    outlet: str | None = None,
    on_total: Callable[[int], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ReextractReport:
    """Extract stored documents again (those matching every filter given; every one with none) and replace their claims.

    Documents stream from the store a batch at a time; each batch's claims are replaced in one
    transaction, and facts and stories catch up at the end, as after an ingest.
    """
    since = check_date(since)  # a date that is no date would select nothing, silently
    report = ReextractReport()

    def counted_failure(f: ExtractorFailure) -> None:
        report.extractor_errors += 1

    def write(pending: list[tuple[Document, list[Claim], StoryTraits]]) -> None:
        replaced, removed = store.replace_claims(((d.doc_id, cs) for d, cs, _ in pending), extractor=EXTRACTOR_VERSION)
        regroup_stories(store, [t for _, _, t in pending])  # new events may tell another day or occasion
        report.documents += replaced
        report.claims_before += removed
        report.claims += sum(len(cs) for _, cs, _ in pending)
        if on_progress:
            on_progress(len(pending))

    if doc_ids:
        held = store.known_versions(doc_ids)
        report.missing = [i for i in dict.fromkeys(doc_ids) if i not in held]
    total = store.count_documents(doc_ids=doc_ids, since=since, outlet=outlet)
    if on_total:
        on_total(total)
    docs = store.iter_documents(doc_ids=doc_ids, since=since, outlet=outlet)
    n_process = 1 if total < PARALLEL_MIN else None  # a few documents: starting workers costs more than it saves
    _in_batches(extract_documents(docs, profile, n_process=n_process, on_failure=counted_failure, traits=True), batch_size, write)
    assign_missing_copies(store)
    group_missing_stories(store, profile)
    report.facts = update_facts(store)
    return report
