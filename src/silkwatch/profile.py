"""The mechanism profile: every name, alias, vocabulary word and code the extractor knows, read from TOML."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ProfileError

__all__ = [
    "Profile",
    "State",
    "Group",
    "Person",
    "Office",
    "Place",
    "Project",
    "Institution",
    "Indicator",
    "Area",
    "EventType",
    "load_profile",
    "default_profile_path",
]


@dataclass(frozen=True)
class State:
    code: str  # ISO 3166-1 alpha-2
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    member: bool = False


@dataclass(frozen=True)
class Group:
    code: str
    name: str
    members: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Office:
    role: str
    country: str | None = None
    org: str | None = None


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    offices: tuple[Office, ...] = ()
    gender: str | None = None  # m | f, for resolving "he"/"she"


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    kind: str = "city"


@dataclass(frozen=True)
class Project:
    name: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    area: str | None = None


@dataclass(frozen=True)
class Institution:
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class MeetingSeries:
    """A meeting the mechanism holds again and again (the summit): a promise to hold it is kept by holding it.

    words: what a meeting's name or sentence must say (any one) to be of this series, when its event type is shared
    with other meetings (a public security ministers' meeting is no foreign ministers' meeting); none: any will do."""

    name: str
    aliases: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Indicator:
    key: str
    unit: str  # currency | percent | count | tonnes | cubic_metres
    keywords: tuple[str, ...]
    description: str = ""
    pledged: bool = False  # figures of this indicator are promises unless the text says they were delivered


@dataclass(frozen=True)
class Area:
    key: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventType:
    key: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    """One mechanism: its states, groups, people, places, projects, institutions and vocabularies."""

    name: str
    group_code: str
    states: tuple[State, ...]
    groups: tuple[Group, ...]
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    projects: tuple[Project, ...] = ()
    institutions: tuple[Institution, ...] = ()
    meetings: tuple[MeetingSeries, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    areas: tuple[Area, ...] = ()
    event_types: tuple[EventType, ...] = ()
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    # The names in other languages, by language code ([lang.ru.states] etc.): {"ru": {"states": {"KZ": [...]}}}
    forms: dict[str, dict] = field(default_factory=dict, hash=False, compare=False)
    source: str = ""

    def __hash__(self) -> int:
        # Profiles key many caches (lru_cache); hashing every state, person and place on each call
        # cost a tenth of extraction time, so the hash of the (immutable) fields is kept once made.
        h = self.__dict__.get("_hash")
        if h is None:
            h = hash(tuple(getattr(self, f.name) for f in fields(self) if f.compare and f.hash is not False))
            object.__setattr__(self, "_hash", h)
        return h

    @property
    def members(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.states if s.member)

    def state(self, code: str) -> State | None:
        return next((s for s in self.states if s.code == code), None)

    def words(self, key: str) -> tuple[str, ...]:
        """A word list from the profile's [lexicon] table (speech verbs, pledge words, ...)."""
        return self.lexicon.get(key, ())


def default_profile_path() -> Path:
    return Path(str(resources.files("silkwatch") / "profiles" / "china_central_asia.toml"))


def _tuple(v: Any) -> tuple:
    return tuple(v) if isinstance(v, (list, tuple)) else ((v,) if v else ())


def _build(cls, table: dict[str, Any], where: str):
    try:
        kw = {k: (_tuple(v) if isinstance(v, list) else v) for k, v in table.items()}
        if cls is Person:
            kw["offices"] = tuple(Office(**o) for o in table.get("offices", ()))
        return cls(**kw)
    except TypeError as e:
        raise ProfileError(f"{where}: {e}") from None


@lru_cache(maxsize=8)
def load_profile(path: str | Path | None = None) -> Profile:
    """Read a profile TOML file (the shipped China–Central Asia profile when path is None)."""
    p = Path(path) if path else default_profile_path()
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"{p}: profile file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ProfileError(f"{p}: cannot read profile: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ProfileError(f"{p}: not valid TOML: {e}") from None
    mech = data.get("mechanism")
    if not isinstance(mech, dict) or "name" not in mech or "group_code" not in mech:
        raise ProfileError(f"{p}: needs a [mechanism] table with name and group_code")

    def many(key: str, cls) -> tuple:
        return tuple(_build(cls, t, f"{p}: [[{key}]] #{i + 1}") for i, t in enumerate(data.get(key, [])))

    profile = Profile(
        name=mech["name"],
        group_code=mech["group_code"],
        states=many("states", State),
        groups=many("groups", Group),
        people=many("people", Person),
        places=many("places", Place),
        projects=many("projects", Project),
        institutions=many("institutions", Institution),
        meetings=many("meetings", MeetingSeries),
        indicators=many("indicators", Indicator),
        areas=many("areas", Area),
        event_types=many("event_types", EventType),
        roles={k: _tuple(v) for k, v in data.get("roles", {}).items()},
        lexicon={k: _tuple(v) for k, v in data.get("lexicon", {}).items()},
        forms=data.get("lang", {}),
        source=str(p),
    )
    if not any(s.member for s in profile.states):
        raise ProfileError(f"{p}: no member states (states with member = true)")
    return profile
