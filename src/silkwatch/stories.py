"""Stories: the reports of one news event, in any language, within days of each other.

A new document is compared with the stored reports of nearby days (and with the latest undated ones) by a
small logistic model over named, language-independent features of two documents' traits
(silkwatch.extract.traits); it joins the story whose reports it most resembles on average, if that
resemblance passes the model's threshold, else it starts a story. Nothing is re-clustered: a late report
joins its story, and a story closes by itself when no report comes within STORY_DAYS of it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from importlib import resources

import numpy as np
from sqlalchemy import bindparam, delete, insert, or_, select, update

from .errors import ModelError
from .extract.dates import parse_iso
from .extract.traits import StoryTraits, story_traits_batch
from .profile import Profile
from .records import hash_id
from .store import drop_facts_of
from .store.schema import claims, documents, stories, story_traits

__all__ = [
    "CANDIDATES",
    "FEATURES",
    "STORY_DAYS",
    "StoryModel",
    "group_missing_stories",
    "group_stories_in",
    "is_translation",
    "pair_features",
    "regroup_stories",
    "same_story_probability",
    "story_model",
]

# A report joins a story only from stored reports dated this many days before or after its own.
STORY_DAYS = 7
# How many stored reports a new one is compared with at most: the nearest by lead meaning among those of its days
# (and the latest undated ones). Bounds the cost of a document whatever the size of the store.
CANDIDATES = 40
RECENT_UNDATED = 500
# At most this many stored reports of the batch's days are read (the latest stored): bounds memory and time when
# a store holds thousands of reports of the same days.
DAY_CANDIDATES = 3000
# Two reports of one story in two languages are one source when their leads mean the same (USE v3 cosine at least
# this; on the development folds the wire stories in Portuguese, Indonesian and English reach 0.82, different
# reports of one occasion stay below 0.81 with fewer shared figures) and they share this much of their figures and names.
TRANSLATION_SIMILARITY = 0.8
TRANSLATION_OVERLAP = 0.5

# The named features of a pair of documents, in the order of the model's weights.
FEATURES = (
    "lead_similarity",          # cosine of the two leads' multilingual USE v3 vectors
    "same_day", "within_3_days", "within_7_days", "over_14_days",
    "undated",                  # one of the two has no day at all
    "shared_names",             # Jaccard of profile people, places, projects and bodies named
    "shared_figures",           # Jaccard of the numbers written (years left out)
    "day_named",                # one's news day is a day of the month the other names ("on 30 March")
    "same_main_event_type", "same_main_event_day", "shared_event_place", "shared_event_types",
    "same_language",
    "similarity_when_near",     # lead similarity, for reports within three days
    "similarity_when_undated",  # lead similarity, when one has no day
    "names_when_near", "figures_when_near",
    "similarity_same_event_type",
    "shared_rare_words",        # overlap of the two texts' words, each weighed by its rarity in the language
    "shared_rare_words_same_language",
)


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def pair_features(a: StoryTraits, b: StoryTraits, similarity: float | None = None) -> list[float]:
    """The FEATURES of two documents (similarity: their leads' cosine, when already computed)."""
    cos = float(a.array() @ b.array()) if similarity is None else similarity
    da, db = a.date, b.date
    undated = da is None or db is None
    apart = 0 if undated else abs((da - db).days)
    near = undated or apart <= 3
    named = (da is not None and (da.month, da.day) in b.day_months) or (db is not None and (db.month, db.day) in a.day_months)
    same_type = bool(a.main_event and b.main_event and a.main_event[0] == b.main_event[0])
    same_day = bool(a.main_event and b.main_event and a.main_event[1] and a.main_event[1] == b.main_event[1])
    names, figures = _jaccard(a.names, b.names), _jaccard(a.figures, b.figures)
    words = _weighted_overlap(a.word_weights, b.word_weights)
    return [
        cos, not undated and apart <= 1, not undated and apart <= 3, not undated and apart <= 7, not undated and apart > 14,
        undated, names, figures, named, same_type, same_day, bool(a.places & b.places), _jaccard(a.event_types, b.event_types),
        a.lang == b.lang, cos * (not undated and apart <= 3), cos * undated, names * near, figures * near, cos * same_type,
        words, words * (a.lang == b.lang),
    ]


def _weighted_overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Jaccard of two word sets with each word counted by its rarity: shared rare words weigh, shared common ones barely."""
    if len(b) < len(a):
        a, b = b, a
    shared = sum(min(x, b[w]) for w, x in a.items() if w in b)
    total = sum(a.values()) + sum(b.values()) - shared
    return shared / total if total else 0.0


@dataclass(frozen=True)
class StoryModel:
    """Logistic weights over FEATURES and the probability from which two reports are one story."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float
    calibrated_on: str


@lru_cache(maxsize=1)
def story_model() -> StoryModel:
    """The shipped weights (bench/train_stories.py writes them)."""
    data = json.loads((resources.files("silkwatch") / "weights" / "story_pairs.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ModelError("weights/story_pairs.json was fitted on other features than this version computes: "
                         "run bench/train_stories.py --write")
    return StoryModel(tuple(data["weights"]), data["intercept"], data["threshold"], data["calibrated_on"])


def same_story_probability(a: StoryTraits, others: list[StoryTraits], model: StoryModel | None = None,
                           sims: np.ndarray | None = None) -> np.ndarray:
    """The model's probability that `a` and each of `others` report one news event (sims: their lead similarities)."""
    if not others:
        return np.zeros(0)
    model = model or story_model()
    if sims is None:
        sims = np.stack([o.array() for o in others]) @ a.array()
    x = np.array([pair_features(a, o, float(s)) for o, s in zip(others, sims)], dtype=float)
    return 1.0 / (1.0 + np.exp(-(x @ np.array(model.weights) + model.intercept)))


def _windows(days: list[str]) -> list[tuple[str, str]]:
    """The days within STORY_DAYS of any of these (sorted) days, as merged (first, last) ranges."""
    out: list[list] = []
    for d in days:
        lo, hi = parse_iso(d) - timedelta(days=STORY_DAYS), parse_iso(d) + timedelta(days=STORY_DAYS)
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo.isoformat(), hi.isoformat()) for lo, hi in out]


# Stored reports whose traits stay parsed between the writes of one ingest: the reports of the days being ingested
# are compared again write after write. Bounded, so that the writer's memory does not grow with the store (~15 kB each).
PARSED_KEPT = 1024


@lru_cache(maxsize=PARSED_KEPT)
def _parsed(doc_id: str, data: str, vector: bytes) -> StoryTraits:
    return StoryTraits.from_json(doc_id, data, vector)


class _Pool:
    """The stored reports a batch may join, and the stories they are in; grows as the batch is assigned."""

    def __init__(self, conn, batch: list[StoryTraits]):
        self.traits: dict[str, StoryTraits] = {}
        self.stored: dict[str, tuple[str, bytes]] = {}  # traits read but not parsed yet: most are never compared
        self.story: dict[str, str] = {}
        self.copy: dict[str, str] = {}
        self.members: dict[str, list[str]] = defaultdict(list)
        self.ids: list[str] = []
        self.vectors = np.zeros((0, 512), dtype=np.float32)  # the leads, one row per report in `ids`
        self.days = np.zeros(0, dtype=np.int64)  # their days as ordinals, -1 when undated
        new = {t.doc_id for t in batch}
        days = sorted(t.day for t in batch if parse_iso(t.day))
        q = (select(story_traits.c.doc_id, story_traits.c.day, story_traits.c.vector, story_traits.c.data, stories.c.story_id, stories.c.copy_id)
             .join(stories, stories.c.doc_id == story_traits.c.doc_id))
        q = q.join(documents, documents.c.doc_id == story_traits.c.doc_id).order_by(documents.c.ingested_at.desc(), documents.c.doc_id.desc())
        rows = []
        if days:  # the days around each of the batch's days (an archive's batch may span years)
            windows = or_(*(story_traits.c.day.between(lo, hi) for lo, hi in _windows(days)))
            rows += conn.execute(q.where(windows).limit(DAY_CANDIDATES)).all()
        rows += conn.execute(q.where(story_traits.c.day.is_(None)).limit(RECENT_UNDATED)).all()
        for r in rows:
            if r.doc_id not in new and r.doc_id not in self.story:
                self.stored[r.doc_id] = (r.data, r.vector)
                self._place(r.doc_id, r.day, np.frombuffer(r.vector, dtype=np.float16), r.story_id, r.copy_id)

    def add(self, t: StoryTraits, story: str, copy: str | None) -> None:
        self.traits[t.doc_id] = t
        self._place(t.doc_id, t.day, t.array(), story, copy)

    def _place(self, doc_id: str, day: str | None, vector: np.ndarray, story: str, copy: str | None) -> None:
        n = len(self.ids)
        if n == len(self.vectors):  # room for twice as many: adding stays cheap however many come
            self.vectors = np.resize(self.vectors, (max(64, 2 * n), self.vectors.shape[1]))
            self.days = np.resize(self.days, max(64, 2 * n))
        d = parse_iso(day)
        self.vectors[n], self.days[n] = vector, d.toordinal() if d else -1
        self.ids.append(doc_id)
        self.story[doc_id] = story
        self.members[story].append(doc_id)
        if copy:
            self.copy[doc_id] = copy

    def get(self, doc_id: str) -> StoryTraits:
        """A report's traits, parsed from the store the first time it is compared."""
        if doc_id not in self.traits:
            data, vector = self.stored.pop(doc_id)
            self.traits[doc_id] = _parsed(doc_id, data, vector)
        return self.traits[doc_id]

    def translated_from(self, t: StoryTraits, story: str) -> str | None:
        """The copy group of a report of this story in another language that t translates, if any."""
        found = sorted(d for d in self.members[story] if d in self.copy and is_translation(t, self.get(d)))
        return self.copy[found[0]] if found else None

    def candidates(self, t: StoryTraits) -> tuple[list[StoryTraits], np.ndarray]:
        """The reports of days near t's (all, for an undated t; undated ones too), the CANDIDATES nearest in meaning,
        with their lead similarity to t."""
        n = len(self.ids)
        day = parse_iso(t.day)
        near = np.arange(n) if day is None else np.flatnonzero(
            (self.days[:n] < 0) | (np.abs(self.days[:n] - day.toordinal()) <= STORY_DAYS))
        sims = self.vectors[near] @ t.array()
        best = np.argsort(-sims, kind="stable")[:CANDIDATES]
        return [self.get(self.ids[i]) for i in near[best]], sims[best]


def is_translation(a: StoryTraits, b: StoryTraits) -> bool:
    """Whether two reports in different languages say the same thing with the same figures and names: one
    translates the other (or both one wire story), so they are one source."""
    return (a.lang != b.lang and bool(a.figures) and bool(b.figures) and _jaccard(a.figures, b.figures) >= TRANSLATION_OVERLAP
            and _jaccard(a.names, b.names) >= TRANSLATION_OVERLAP and float(a.array() @ b.array()) >= TRANSLATION_SIMILARITY)


def _best_story(t: StoryTraits, pool: _Pool, model: StoryModel) -> str | None:
    """The story whose candidate reports t resembles most on average, if enough."""
    others, sims = pool.candidates(t)
    by_story: dict[str, list[float]] = defaultdict(list)
    for o, p in zip(others, same_story_probability(t, others, model, sims)):
        by_story[pool.story[o.doc_id]].append(float(p))
    scored = sorted(((sum(ps) / len(ps), s) for s, ps in by_story.items()), key=lambda x: (-x[0], x[1]))
    return scored[0][1] if scored and scored[0][0] >= model.threshold else None


def group_stories_in(conn, batch: list[StoryTraits]) -> dict[str, str]:
    """Store the traits of a batch and put each document into its story, inside the caller's write transaction;
    returns doc_id → story id. Documents are taken in the order they came, so the stories do not depend on where
    an ingest's writes split (the reports compared with are every earlier one of nearby days, in this write or before)."""
    if not batch:
        return {}
    model = story_model()
    pool = _Pool(conn, batch)
    copy_of, story_of_copy = _copies(conn, [t.doc_id for t in batch])
    shared = {c for c, n in Counter(copy_of.values()).items() if n > 1} | set(story_of_copy)  # groups of more than one
    out: dict[str, str] = {}
    translations: dict[str, str] = {}
    for t in batch:
        # A copy of a report is in that report's story, whatever the model would say of the two.
        copy = copy_of.get(t.doc_id)
        story = story_of_copy.get(copy) or _best_story(t, pool, model) or hash_id("story", t.doc_id)
        if copy not in shared and (original := pool.translated_from(t, story)):
            translations[t.doc_id] = copy = original  # a translation of a report counts as that report
        pool.add(t, story, copy)
        out[t.doc_id] = story_of_copy[copy] = story
    ids = list(out)
    conn.execute(delete(story_traits).where(story_traits.c.doc_id.in_(ids)))
    conn.execute(insert(story_traits), [{"doc_id": t.doc_id, "day": t.day, "vector": t.vector, "data": t.as_json()} for t in batch])
    conn.execute(update(stories).where(stories.c.doc_id == bindparam("d")).values(story_id=bindparam("s")),
                 [{"d": doc_id, "s": story} for doc_id, story in out.items()])
    if translations:
        conn.execute(update(stories).where(stories.c.doc_id == bindparam("d")).values(copy_id=bindparam("c")),
                     [{"d": doc_id, "c": copy} for doc_id, copy in translations.items()])
    return out


def _copies(conn, doc_ids: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The copy group of each of these documents, and the story of each of those groups' other stored documents."""
    copy_of = dict(conn.execute(select(stories.c.doc_id, stories.c.copy_id).where(stories.c.doc_id.in_(doc_ids))).all())
    rows = conn.execute(select(stories.c.copy_id, stories.c.story_id)
                        .where(stories.c.copy_id.in_(set(copy_of.values())), stories.c.doc_id.not_in(doc_ids))
                        .order_by(stories.c.doc_id)).all()
    story_of_copy: dict[str, str] = {}
    for copy, story in rows:
        story_of_copy.setdefault(copy, story)
    return copy_of, story_of_copy


def group_missing_stories(store, profile: Profile, batch_size: int = 200) -> int:
    """Group the stored documents whose traits are not stored yet (an ingest stopped between its writes, a store
    made before stories were grouped by event); returns how many."""
    n = 0
    while True:
        with store.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(
                select(stories.c.doc_id).outerjoin(story_traits, story_traits.c.doc_id == stories.c.doc_id)
                .where(story_traits.c.doc_id.is_(None)).order_by(stories.c.doc_id).limit(batch_size))]
        if not ids:
            return n
        docs = [store.get_document(i) for i in ids]
        traits = story_traits_batch(docs, [store.claims_for(i) for i in ids], profile)
        with store.transaction() as conn:
            group_stories_in(conn, traits)
        n += len(ids)


def regroup_stories(store, traits: list[StoryTraits]) -> dict[str, str]:
    """Group stored documents again with new traits (after re-extraction); returns doc_id → story id."""
    with store.transaction() as conn:
        held = {r[0] for r in conn.execute(select(stories.c.doc_id).where(stories.c.doc_id.in_([t.doc_id for t in traits])))}
        # the meetings a fact's claims were made at are looked up in their story: those facts are made again
        drop_facts_of(conn, claims.c.doc_id.in_(held))
        return group_stories_in(conn, [t for t in traits if t.doc_id in held])
