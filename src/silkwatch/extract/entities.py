"""Names and dates from the tagger's output and patterns, in place of the statistical NER model.

en_core_web_sm's NER carries its own embedding layer and cost more than the tagger and parser
together (bench/throughput.py: 34 against 16 ms per document). The extractors need three
labels from it: DATE (event and quote dates), PERSON (speakers and office holders not in the
profile) and ORG (a ministry or agency speaking). Dates in news follow a few fixed forms and
names are runs of proper nouns, so this component finds them from the tags the parser's
pipeline already computed, and sets doc.ents as the NER model would.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lang import language_words

__all__ = ["COMPONENT", "date_spans", "name_spans"]

COMPONENT = "silkwatch_entities"

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_RANGE = rf"{_DAY}(?:\s*(?:-|–|to|and)\s*{_DAY})?"
DATE = re.compile(
    "|".join((
        rf"\b{_MONTH}\s+{_RANGE}(?:,?\s+{_YEAR})?(?!\d)",  # May 18-19, 2023
        rf"\b{_RANGE}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b",  # 18 and 19 May 2023
        rf"\b(?:early|mid|late|in|since|from|until|by|of|during)?\s*{_MONTH}(?:\s+|,\s*){_YEAR}\b",  # May 2023
        rf"\b(?:on\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b",
        rf"\b{_YEAR}-\d\d-\d\d\b",
        r"\b(?:today|yesterday|tomorrow|tonight)\b",
        r"\b(?:last|next|this|past|coming)\s+(?:year|month|week|decade|spring|summer|autumn|fall|winter)\b",
        rf"\b(?:the\s+)?(?:first|second|third|fourth|last|past|next)\s+(?:\w+\s+)?(?:months?|quarters?|half|years?)(?:\s+of\s+(?:the\s+year|this\s+year|{_YEAR}))?\b",
        rf"\b(?:in|since|by|until|from|of|before|after|through)\s+{_YEAR}(?:\s*[-–]\s*{_YEAR})?\b",
        rf"\b{_YEAR}\b",
    )),
    re.IGNORECASE,
)
CLOCK_OR_FIGURE = re.compile(r"^\d{4}$")



def _words(key: str) -> frozenset[str]:
    return frozenset(language_words(LANG, key))


# Word lists of lang/en/words.toml: what makes a run of proper nouns an organisation, a title,
# the field of an office, or a place or work rather than a person.
LANG = "en"
ORG_WORDS = _words("org_heads")
NOT_NAMES = _words("not_name_words")
TITLE_WORDS = _words("name_titles")
FIELD_WORDS = _words("office_fields")
NOT_PERSON = _words("not_person_heads")
# Words quoted title phrases may keep in lower case, and the quoted phrases themselves.
SMALL_WORDS = frozenset("a an the and or of on for to in with at by from as".split())
QUOTED = re.compile(r"[\"“«]([^\"“”«»\n]{3,120})[\"”»]")
# Words that join two runs into one organisation's name ("Development and Reform Commission").
ORG_JOINERS = frozenset({"and", "of", "for", "&"})


def date_spans(doc: Doc) -> list[Span]:
    """DATE spans for every date phrase in the text (aligned to whole tokens)."""
    out, text = [], doc.text  # Doc.text joins every token: read it once
    for m in DATE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        span = doc.char_span(s, e, label="DATE", alignment_mode="expand")
        if span is not None and span.text.strip():
            out.append(span)
    return out


def _is_name_token(tok) -> bool:
    return tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and tok.lower_ not in NOT_NAMES


def _complement_of_title(doc: Doc, i: int, j: int) -> bool:
    """A run of three or more names right after "<title> of" starts with the field of that title."""
    if j - i < 3 or i < 2 or doc[i - 1].lower_ not in ("of", "and") or any(t.text in "-'’" for t in doc[i:j]):
        return False
    return any(t.lower_ in TITLE_WORDS for t in doc[max(0, i - 5): i - 1])


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """[start, end) of every run of capitalised proper nouns (a hyphen or apostrophe inside a name kept)."""
    out, i, n = [], 0, len(doc)
    while i < n:
        if not _is_name_token(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (_is_name_token(doc[j]) or (j + 1 < n and _is_name_token(doc[j + 1]) and not doc[j - 1].whitespace_ and (
            doc[j].text in "-'’" or (doc[j].text == "." and len(doc[j - 1].text) <= 2)  # "Sh.M. Mirziyoyev": initials split by the tokenizer
        ))):
            j += 1
        out.append((i, j))
        i = j
    return out


def _is_org_word(tok) -> bool:
    w = tok.lower_
    w = w.rstrip("s") if len(w) > 3 else w
    return w in ORG_WORDS or w + "s" in ORG_WORDS


def _head_then_name(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """(end of the body, start of the name) when a body's or place's name runs straight into a person's:
    "Reform Commission Zheng Shanjie", "Foreign Ministry Spokesperson Wang Wenbin"."""
    heads = [t.i for t in doc[i:j] if _is_org_word(t) or t.lower_ in NOT_PERSON]
    if not heads or heads[-1] == j - 1:
        return None
    k = heads[-1] + 1
    titled = k
    while k < j and doc[k].lower_ in TITLE_WORDS:
        k += 1
    name = doc[k:j]
    if not len(name) or any(_is_org_word(t) or t.lower_ in FIELD_WORDS or t.lower_ in NOT_PERSON for t in name):
        return None
    return (heads[-1] + 1, k) if len(name) >= 2 or k > titled else None


def _person_start(doc: Doc, i: int, j: int) -> int:
    """Where the name proper starts in a run: after its capitalised title (and a demonym before it,
    "Kyrgyz Foreign Minister Chingiz Aidarbekov"), and after the field of an office ("Minister of
    Public Security Wang Xiaohong")."""
    k = max((t.i + 1 for t in doc[i:j - 1] if t.lower_ in TITLE_WORDS), default=i)
    after_title = k > i or (i > 0 and doc[i - 1].lower_ in ("of", "and") and any(t.lower_ in TITLE_WORDS for t in doc[max(0, i - 5): i - 1]))
    if after_title:
        while k < j and doc[k].lower_ in FIELD_WORDS:
            k += 1
    if k == i and _complement_of_title(doc, i, j):
        k = i + 1  # "Minister of Transport Azim Ibrohim": the title's field, then the name
    while k < j and not _is_name_token(doc[k]):
        k += 1
    return k


def name_spans(doc: Doc) -> list[Span]:
    """PERSON or ORG spans for runs of capitalised proper nouns ("Kassym-Jomart Tokayev", "Foreign Ministry")."""
    runs = _runs(doc)
    has_org = [any(_is_org_word(t) for t in doc[i:j]) for i, j in runs]
    out: list[Span] = []
    for r, (i, j) in enumerate(runs):
        # A run joined by "and"/"of" to an organisation's name is part of it ("National Development and
        # Reform Commission", "National Institute of Strategic Initiatives").
        joined = (j < len(doc) - 1 and doc[j].lower_ in ORG_JOINERS and r + 1 < len(runs) and runs[r + 1][0] == j + 1 and has_org[r + 1]
                  and not any(t.lower_ in TITLE_WORDS for t in doc[i:j])) or (
                  i > 0 and doc[i - 1].lower_ in ORG_JOINERS and r > 0 and runs[r - 1][1] == i - 1 and out and out[-1].label_ == "ORG"
                  and out[-1].end == i - 1 and all(t.lower_ in FIELD_WORDS or t.lower_ in NOT_PERSON or _is_org_word(t) for t in doc[i:j]))
        split = _head_then_name(doc, i, j)
        if split:
            body_end, name_start = split
            out.append(Span(doc, i, body_end, label="ORG" if any(_is_org_word(t) for t in doc[i:body_end]) else "MISC"))
            out.append(Span(doc, name_start, j, label="PERSON"))
        elif has_org[r] or joined or (doc[j - 1].text.isupper() and doc[j - 1].text.isalpha() and len(doc[j - 1].text) > 1):
            # (a run ending in an acronym is a body: "the Kazakh MFA", "SCO")
            out.append(Span(doc, i, j, label="ORG"))
        elif j < len(doc) - 1 and doc[j].lower_ in ("'s", "’s") and _is_name_token(doc[j + 1]):
            pass  # "National People's Congress": a name of a thing, not of a person
        elif any(t.lower_ in NOT_PERSON for t in doc[i:j]) or all(t.lower_ in FIELD_WORDS for t in doc[i:j]):
            out.append(Span(doc, i, j, label="MISC"))
        elif not all(t.lower_ in TITLE_WORDS for t in doc[i:j]):
            k = _person_start(doc, i, j)
            if k < j:
                out.append(Span(doc, k, j, label="PERSON"))
    return out


def _quoted_titles(doc: Doc) -> list[tuple[int, int]]:
    """[start, end) of short Title Case phrases in quote marks ("Treaty on Eternal Friendship"): names of works,
    whose capitalised words are no one's name."""
    out = []
    for m in QUOTED.finditer(doc.text):
        words = m.group(1).split()
        lower = [w for w in words if not w[:1].isupper()]
        if 2 <= len(words) <= 12 and all(w.lower() in SMALL_WORDS for w in lower) and len(lower) < len(words) / 2:
            out.append((m.start(1), m.end(1)))
    return out


@Language.component(COMPONENT)
def recognise(doc: Doc) -> Doc:
    """Set doc.ents from date patterns and proper-noun runs (dates win where they overlap)."""
    dates = date_spans(doc)
    taken = {t for s in dates for t in range(s.start, s.end)}
    titles = _quoted_titles(doc)
    names = [s for s in name_spans(doc) if not any(t in taken for t in range(s.start, s.end))]
    names = [Span(doc, s.start, s.end, label="MISC") if s.label_ == "PERSON" and any(a <= s.start_char and s.end_char <= b for a, b in titles) else s
             for s in names]
    doc.ents = filter_spans(dates + names)
    return doc
