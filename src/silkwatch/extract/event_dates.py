"""Event dates: the date phrases of a sentence, the one that belongs to an event word, and the day a story's lead gives.

Which date belongs to which event word is a scored choice: how the date hangs on the word in the parse
(attachment: it governs the date, both are arguments of one verb, or neither), against the sentence's other
event words, then the distance. Phrases resolve against the publication date (or the dateline's day), forward
in a future clause and back a year for a yearless month far ahead in a past one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..lang import read_pattern_file
from .dates import MONTH_NAMES, WEEKDAY_NAMES, WEEKDAYS, month_number, resolve_relative, resolve_weekday
from .focus import verb_forms

__all__ = ["DATELINE", "parse_dates", "nearest_dates", "paragraph_dates", "lead_date", "token_at", "event_words", "date_choice", "DateChoice", "future_markers", "ordinal_words", "attachment", "describes_other", "GOVERNS", "SHARED", "LOOSE"]

# The lead of a story: the sentences starting in its first this many characters.
LEAD_CHARS = 400
# Multiline, so that a dateline is found at the start of any line, not only of the text.
DATELINE = re.compile(r"^[A-Z][A-Z' .-]+(?:,\s*[A-Z0-9][\w .]+){0,3}\s*(?:\([^)]*\))?\s*(?:--|—|–|:)", re.MULTILINE)
DAY_RANGE = re.compile(r"(?P<m>[A-Z][a-z]+)\.?\s+(?P<d1>\d{1,2})(?!\d)(?:\s*(?:-|–|to|and)\s*(?P<d2>\d{1,2})(?!\d))?(?:,?\s+(?P<y>\d{4}))?")
CROSS_MONTH = re.compile(r"(?P<m1>[A-Z][a-z]+)\.?\s+(?P<d1>\d{1,2})\s*(?:-|–|to|until|through)\s*(?P<m2>[A-Z][a-z]+)\.?\s+(?P<d2>\d{1,2})(?!\d)(?:,?\s+(?P<y>\d{4}))?")
DAY_FIRST = re.compile(r"(?<!\d)(?P<d1>\d{1,2})(?:\s*(?:-|–|to|and)\s*(?P<d2>\d{1,2}))?\s+(?P<m>[A-Z][a-z]+)(?:,?\s+(?P<y>\d{4}))?")
MONTH_YEAR = re.compile(r"(?P<m>[A-Z][a-z]+)\.?,?\s+(?P<y>(?:19|20)\d\d)")
WEEKDAY = re.compile(rf"\b({WEEKDAY_NAMES})\b")
# The second day of a span of weekdays after the first ("from Thursday to Friday", "on Monday and Tuesday").
WEEKDAY_TO = re.compile(rf"\s*(?:-|–|to|and|through|until)\s+({WEEKDAY_NAMES})\b")
# A date next to a clock time ("08:10, January 25, 2024", "Updated: July 17, 2020 20:37") stamps the page, not an event.
RELATIVE_DATE = re.compile(
    rf"\b(?i:\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:years?|months?|weeks?|days?)\s+ago\b"
    rf"|\b(?:in\s+)?(?:{MONTH_NAMES})\s+(?:of\s+)?(?:last|this|next)\s+year\b"
    rf"|\b(?:this|last|next|early|late|mid)[\s-]+(?:{MONTH_NAMES})\b(?!\s*\d)"
    rf"|\b(?:in|for)\s+(?:{MONTH_NAMES})\b(?!\s*\d)"
    rf"|\b(?:last|this|next)\s+year['’]s\b"
    rf"|\b(?:first|second|last|latter|early|later)\s+(?:part|half|days?|weeks?)\s+of\s+(?:{MONTH_NAMES})\b(?!\s*\d)")
SINCE = re.compile(r"\bsince\b[^,;.]*$", re.IGNORECASE)
STAMP_AFTER = re.compile(r"(?:,?\s*\d{4})?,?\s*(?:at\s+)?\d{1,2}:\d{2}\b")
STAMP_BEFORE = re.compile(r"\b\d{1,2}:\d{2}(?:\s*[AP]M)?[,\s|]*$|\b(?:Published|Updated|Posted|Released)\s*:?[\s\w,]*$", re.IGNORECASE)
# The reader's own header (" date 2023-05-09 <title>") stamps the document, whatever follows it on its line.
HEADER_STAMP = re.compile(r"^\s*date\s+$", re.IGNORECASE)
STAMP_LABEL = re.compile(r"\b(?:Published|Updated|Posted|Released|Date)\b", re.IGNORECASE)
MONTH_NAME = re.compile(rf"\b(?:{MONTH_NAMES})\b")
# The lines of a text its dateline may stand on (after a title, a byline, a photo credit).
DATELINE_LINES = 8
# How far up the parse a date phrase's clause verb is looked for.
FUTURE_HOPS = 12
# A date phrase that gives its year, or a year relative to the publication ("next year", "2025").
YEAR_OR_RELATIVE = re.compile(r"\d{4}|\b(?:year|ago|next|last|this|coming|today|yesterday|tomorrow)\b", re.IGNORECASE)
# Days after the publication date beyond which a yearless date in a past clause is last year's.
PAST_YEAR_GAP = 60
# Days before publication a day in a future clause may lie and still be this year's (a report filed late).
FUTURE_SLACK_DAYS = 7
RANGE_LEAD_IN = re.compile(r"\d{1,2}\s*(?:-|–|to|and)\s*$")


def token_at(article, start: int, end: int):
    span = article.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def lead_date(article) -> str | None:
    """The day the story's lead dates it to ("China on Friday pledged …"), for events no mention dates.

    Of the lead's days, the first not after the publication date: the news, not what it announces.
    """
    text = article.text
    found = []
    for sent in article.doc.sents:
        if sent.start_char > LEAD_CHARS or found:
            break
        chunk = text[sent.start_char:sent.end_char]
        if not chunk.strip():
            continue
        dl = DATELINE.match(chunk)
        body_from = sent.start_char + (dl.end() if dl else 0)
        for ent in _date_spans(article, sent):
            if ent.start_char >= body_from:
                start, _ = _date_of(article, ent)
                if start and len(start) == 10:
                    found.append(start)
    past = [d for d in found if article.published and date.fromisoformat(d) <= article.published]
    return (past or found or [None])[0]




def parse_dates(phrase: str, published: date | None, future: bool = False) -> tuple[str | None, str | None]:
    """(start, end) from a date phrase: "May 18-19", "18 May 2023", "on Friday" (against the publication date,
    the coming one when the phrase's clause is in the future)."""
    m = CROSS_MONTH.search(phrase)
    if m and month_number(m.group("m1")) and month_number(m.group("m2")):
        year = int(m.group("y")) if m.group("y") else (published.year if published else None)
        try:
            d1 = date(year, month_number(m.group("m1")), int(m.group("d1"))) if year else None
            d2 = date(year, month_number(m.group("m2")), int(m.group("d2"))) if year else None
        except ValueError:
            d1 = d2 = None
        if d1 and d2:
            if d2 < d1:  # "Dec. 30 to Jan. 2" runs into the next year
                d2 = d2.replace(year=d2.year + 1)
            return d1.isoformat(), d2.isoformat()
    for rx in (DAY_RANGE, DAY_FIRST):
        m = rx.search(phrase)
        if m and month_number(m.group("m")):
            year = int(m.group("y")) if m.group("y") else (published.year if published else None)
            if year is None:
                return None, None
            try:
                d1 = date(year, month_number(m.group("m")), int(m.group("d1")))
                d2 = date(year, d1.month, int(m.group("d2"))) if m.group("d2") else d1
            except ValueError:
                continue
            return d1.isoformat(), d2.isoformat()
    m = MONTH_YEAR.search(phrase)
    if m and month_number(m.group("m")):
        return f"{m.group('y')}-{month_number(m.group('m')):02d}", None
    w = WEEKDAY.search(phrase)
    if w:
        d = resolve_weekday(w.group(1), published, future)
        if d is None:
            return None, None
        to = WEEKDAY_TO.match(phrase, w.end())
        last = d + timedelta(days=(WEEKDAYS[to.group(1).lower()] - d.weekday()) % 7) if to else d
        return d.isoformat(), last.isoformat()
    return None, None


def _reference(article) -> date | None:
    """The publication date, else 1 January of the latest year the article reports on, to place dates without a year."""
    return article.published or _latest_year(article.text)


@lru_cache(maxsize=256)
def _latest_year(text: str) -> date | None:
    # the latest year the text reports on, not a goal's ("by 2030", "until 2035")
    years = [int(y) for y in re.findall(r"(?<!\bby )(?<!\buntil )(?<!\bto )(?<!\bthrough )\b(20\d\d)\b(?!\s*-\s*20\d\d)", text)]
    return date(max(years), 1, 1) if years else None


def _story_day(article) -> date | None:
    """The day the story is told on: the publication date, else the day its dateline gives ("DUSHANBE, July 4 --"),
    against which "on Thursday" resolves."""
    if article.published:
        return article.published
    return _dateline_day(article.text, _latest_year(article.text))


@lru_cache(maxsize=256)
def _dateline_day(text: str, reference: date | None) -> date | None:
    for line in text.split("\n")[:DATELINE_LINES]:
        dl = DATELINE.search(line)
        if dl is not None:
            start, _ = parse_dates(dl.group(0), reference)
            return date.fromisoformat(start) if start and len(start) == 10 else None
    return None


def paragraph_dates(article, sent, at: int) -> tuple[str | None, str | None]:
    """The date of the paragraph's earlier sentences, for an event its own sentence does not date."""
    text = article.text
    para_start = text.rfind("\n", 0, sent.start_char) + 1
    for prev in reversed([s for s in article.doc[:sent.start].sents if s.start_char >= para_start]) if sent.start > 0 else []:
        start, end = nearest_dates(article, prev, at)
        if start:
            return start, end
    return None, None


def nearest_dates(article, sent, at: int, body_from: int = 0, others: tuple[tuple[int, int], ...] = (), said_ok: bool = True,
                  word_end: int | None = None) -> tuple[str | None, str | None]:
    """(start, end) of the date that belongs to the event word (see date_choice)."""
    choice = date_choice(article, sent, at, body_from, others, said_ok, word_end)
    return (choice.start, choice.end) if choice else (None, None)


@dataclass(frozen=True)
class DateChoice:
    """The date chosen for an event word and how firmly it hangs on it (GOVERNS, SHARED or LOOSE)."""

    start: str
    end: str | None
    attachment: int

    @property
    def firm(self) -> bool:
        return self.attachment >= SHARED


def date_choice(article, sent, at: int, body_from: int = 0, others: tuple[tuple[int, int], ...] = (), said_ok: bool = True,
                word_end: int | None = None) -> DateChoice | None:
    """The date of the sentence that belongs to the event word at `at`: the best attached to it (it governs the
    date, or both hang on one verb), then the nearest; not the dateline's, not one better attached to another
    event word (`others`, their (start, end) in the text), nor, but for a press conference, the day words about it were
    said ("…, Wang said on Monday"). The event word runs from `at` to `word_end` ("a meeting": its noun is what dates hang on)."""
    text = article.text
    found = []
    word = token_at(article, at, word_end or at + 1)
    rivals = [t for t in (token_at(article, a, b) for a, b in others) if t is not None]
    for e in _date_spans(article, sent):
        if e.start_char < body_from:
            continue
        root = _root(article, e)
        if describes_other(root, word):
            continue  # "the Secretariat, which opened on March 30": the day of what the clause describes
        mine = GOVERNS if describes_word(root, word) else attachment(root, word)
        theirs = max((attachment(root, t) for t in rivals), default=0)
        if theirs > mine or (theirs == mine < SHARED and any(abs(o - e.start_char) < abs(at - e.start_char) for o, _ in others)):
            continue  # "two years ago, the mechanism … was established": the date its own word governs
        if not said_ok and mine < SHARED and _dates_saying(article, e, at):  # "the summit concluded on …" is no saying
            continue
        if at < e.start_char and SINCE.search(text[at:e.start_char]):
            continue  # "the summit, the first since 1992": when a period began, not the event's date
        start, end = _date_of(article, e)
        if start:  # a day or month before a bare year ("this year … on May 18 and 19"), then the best attached, then the nearest
            found.append(((len(start) == 4, -mine, abs(e.start_char - at)), start, end, mine))
    if not found:
        return None
    _, start, end, mine = min(found)
    return DateChoice(start, end, mine)


# How a date hangs on an event word: the word governs it ("the summit on May 18", "talks held on Monday"), or
# both are arguments of one verb ("the summit concluded on June 17 with the signing of …"), or neither.
GOVERNS, SHARED, LOOSE = 3, 2, 0
# Dependencies that join a noun to the verb it is an argument of, through its preposition.
ARGUMENT_PATH = ("pobj", "prep", "compound", "amod", "nsubj", "nsubjpass", "dobj", "attr", "appos")


def attachment(date_root, word) -> int:
    """How closely a date phrase (its root token) is attached to an event word: GOVERNS, SHARED or LOOSE."""
    if date_root is None or word is None:
        return LOOSE
    heads, tok = [], date_root
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        heads.append(tok)
    if word in heads[:3]:
        return GOVERNS
    if date_root.dep_ == "poss":
        return LOOSE  # "Friday's session": the date is the session's, not its verb's
    verb = next((h for h in heads if h.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return LOOSE
    tok = word
    for _ in range(3):
        if tok.i == verb.i:
            return SHARED
        if tok.dep_ not in ARGUMENT_PATH or tok.head.i == tok.i:
            break
        tok = tok.head
    return SHARED if tok.i == verb.i else LOOSE


# Dependencies by which a clause describes a noun: "the body, which opened in May", "the body launched in May".
DESCRIBING = ("relcl", "acl")


def describes_other(tok, word) -> bool:
    """Whether a token stands in a clause describing a noun other than the event word, the word outside it:
    a date or place there belongs to what the clause describes, not to the main clause's event."""
    if tok is None or word is None:
        return False
    clause = _describing_clause(tok)
    if clause is not None and not _in_phrase(clause.head, word) and not _in_phrase(word, clause):
        return True
    # the event word itself describes a noun ("the document, signed by both states, will take effect on May 1"):
    # the main clause's date is not its own
    own = _describing_clause(word)
    return own is not None and own.i == word.i and not _in_phrase(tok, own)


def describes_word(tok, word) -> bool:
    """Whether a token stands in a clause describing the event word's own phrase ("the visit of Xi to the
    Republic, which took place on July 4-6"): what it says is the event's own."""
    clause = _describing_clause(tok) if word is not None else None
    return clause is not None and _in_phrase(clause.head, word)


def _describing_clause(tok):
    for _ in range(FUTURE_HOPS):
        if tok is None:
            return None
        if tok.dep_ in DESCRIBING:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _in_phrase(tok, head) -> bool:
    """Whether tok lies in the phrase head governs."""
    return head.left_edge.i <= tok.i <= head.right_edge.i


def _root(article, ent):
    span = article.doc.char_span(ent.start_char, ent.end_char, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _dates_saying(article, ent, at: int) -> bool:
    """Whether a date phrase modifies a speech verb ("said on Monday", "told reporters Friday") other than the event word."""
    root = getattr(ent, "root", None)
    if root is None:
        return False
    head = root.head.head if root.head.pos_ == "ADP" else root.head
    if head.idx <= at < head.idx + len(head.text):
        return False
    return head.pos_ == "VERB" and head.lower_ in _speech_forms(tuple(article.profile.words("speech_verbs")))


@lru_cache(maxsize=8)
def _speech_forms(verbs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f for v in verbs for f in verb_forms(v))


def _future(article, ent) -> bool:
    """Whether a date phrase's clause is in the future: the first tensed verb above it has a future auxiliary,
    or a word on the way says so ("will chair a summit marking … on Tuesday", "is scheduled for Friday",
    "the forthcoming visit in July")."""
    tok = _root(article, ent)
    markers = future_markers()
    for _ in range(FUTURE_HOPS):
        if tok is None:
            return False
        if tok.lower_ in markers or tok.lower_ in event_words("future_path_words") or any(
                c.dep_ in ("aux", "auxpass", "amod", "advmod") and c.lower_ in markers for c in tok.children):
            return True
        tensed = tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        if (tok.pos_ in ("VERB", "AUX") and tensed) or tok.head.i == tok.i:
            return False  # the clause's own tensed verb, not in the future
        tok = tok.head
    return False


@lru_cache(maxsize=16)
def event_words(key: str) -> frozenset[str]:
    """A word list of lang/en/patterns/event.toml's [words]."""
    return frozenset(read_pattern_file("en", "event").get("words", {}).get(key, ()))


@lru_cache(maxsize=1)
def future_markers() -> frozenset[str]:
    """The words that put a clause in the future (lang/en/patterns/event.toml)."""
    return event_words("future_markers")


@lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    """The words that number an event in its series and their numbers: "first" 1, "second" 2 (lang/en/patterns/event.toml)."""
    words = read_pattern_file("en", "event").get("words", {})
    out = {w: i for i, w in enumerate(words.get("ordinals", ()), 1)}
    return out | dict.fromkeys(words.get("first_words", ()), 1)


class _Span:
    """A date phrase the parser's entities miss ("10 years ago", "in May last year")."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start_char, self.end_char, self.label_ = text[start:end], start, end, "DATE"


def _date_spans(article, sent) -> list:
    """The sentence's DATE entities, widened or completed by the phrases RELATIVE_DATE finds."""
    text = article.text
    extra = [_Span(text, sent.start_char + m.start(), sent.start_char + m.end())
             for m in RELATIVE_DATE.finditer(text[sent.start_char:sent.end_char])]
    ents = [e for e in sent.ents if e.label_ == "DATE"
            and not any(x.start_char <= e.start_char and e.end_char <= x.end_char for x in extra)]
    extra = [x for x in extra if not any(e.start_char <= x.start_char and x.end_char <= e.end_char for e in ents)]
    return sorted([*ents, *extra], key=lambda e: e.start_char)


def _date_of(article, ent) -> tuple[str | None, str | None]:
    """(start, end) of one DATE entity; a page's time stamp ("Updated: July 17, 2020 20:37") dates nothing."""
    text = article.text
    if STAMP_AFTER.match(text, ent.end_char) or STAMP_BEFORE.search(text[max(0, ent.start_char - 16): ent.start_char]):
        return None, None
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    if HEADER_STAMP.match(text[line_start:ent.start_char]):
        return None, None
    line_end = text.find("\n", ent.end_char) % (len(text) + 1)
    dl = DATELINE.match(text, line_start)
    if dl and dl.end() > ent.start_char:
        return None, None  # "BEIJING, May 8 (Xinhua) --" dates the report
    if not re.sub(r"[\W_]+", "", STAMP_LABEL.sub("", text[line_start:ent.start_char] + text[ent.end_char:line_end])):
        return None, None  # a line holding only a date stamps the page
    phrase = ent.text
    to = WEEKDAY_TO.match(text, ent.end_char) if WEEKDAY.search(phrase) else None
    if to:
        phrase += to.group(0)  # "from Thursday | to Friday": the parser cut the span of days
    if WEEKDAY.search(phrase) and not article.published:
        # a weekday needs the day the story is told: the dateline's, when there is no publication date
        day = _story_day(article)
        return parse_dates(phrase, day, _future(article, ent)) if day else (None, None)
    lead_in = RANGE_LEAD_IN.search(text[max(0, ent.start_char - 12): ent.start_char])
    if lead_in and re.match(r"\d{1,2}\s+[A-Z]", phrase):
        phrase = lead_in.group(0) + phrase  # "from 5 to | 7 February 2025": the parser cut the range
    future = _future(article, ent)
    start, end = parse_dates(phrase, _reference(article), future)
    if not start:
        # "in January this year" in an undated article: the year the text reports on, as for "May 18"
        known = article.published or (_reference(article) if MONTH_NAME.search(phrase) else None)
        start, end = resolve_relative(phrase, known)
    if start and article.published and not YEAR_OR_RELATIVE.search(phrase):
        start, end = (_next_year if future else _past_year)(start, end, article.published)
    return start, end


def _next_year(start: str, end: str | None, published: date) -> tuple[str, str | None]:
    """A month or day without a year already past at publication, in a future clause, is next year's ("the summit
    will be held in June", said in August): the coming one, whatever year a date nearby gives."""
    if len(start) < 7:
        return start, end
    first = date.fromisoformat(start if len(start) == 10 else start + "-01")
    passed = (first.year, first.month) < (published.year, published.month) if len(start) == 7 \
        else (published - first).days > FUTURE_SLACK_DAYS
    if not passed:
        return start, end

    def ahead(d: str | None) -> str | None:
        return None if d is None else str(int(d[:4]) + 1) + d[4:]
    return ahead(start), ahead(end)


def _past_year(start: str, end: str | None, published: date) -> tuple[str, str | None]:
    """A month or day without a year, months after the publication date in a clause not in the future, is
    last year's ("the visit follows a meeting in September", said in January)."""
    first = date.fromisoformat(start if len(start) == 10 else start + "-01")
    if (first - published).days <= PAST_YEAR_GAP:
        return start, end

    def back(d: str | None) -> str | None:
        return None if d is None else str(int(d[:4]) - 1) + d[4:]
    return back(start), back(end)
