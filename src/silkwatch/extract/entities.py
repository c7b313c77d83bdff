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

# Head words that make a run of proper nouns an organisation, not a person (general English).
ORG_WORDS = frozenset("""
ministry ministries committee commission council agency bank company corporation group office
department university institute association organization organisation union forum secretariat
administration service parliament assembly government party news times post daily agency press
railway railways airlines airline fund court embassy consulate center centre board authority
customs mission xinhua tass reuters
""".split())
# Capitalised words that are never part of a name.
NOT_NAMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december mr mrs ms dr the a an
""".split())
# Capitalised titles before a name ("Foreign Minister", "First Deputy Prime Minister"): not the name.
TITLE_WORDS = frozenset("""
president vice prime minister deputy first foreign chairman chairwoman chair premier spokesperson
spokesman spokeswoman ambassador secretary general state councilor councillor head director envoy
special representative senior minister's mayor governor king queen prince his her excellency
affairs h.e. mr. mrs. ms. dr. adviser advisor assistant chief executive officer ceo founder professor prof.
""".split())
# Head words of places, works and events: a run holding one is not a person (general English).
NOT_PERSON = frozenset("""
road roads initiative festival gulf province region regions sea ocean river lake mountains mountain city
street square avenue airport station port canal corridor belt route zone park day year week forum
dialogue conference meeting summit cup games olympics award prize declaration treaty agreement plan
program programme strategy vision community partnership mechanism format platform channel expo fair
exhibition congress people peoples asia asian europe european africa america american pacific atlantic
arctic east west north south central eastern western northern southern middle republic kingdom
federation island islands valley desert basin steppe hub report index economic dynasty empire
international relations
""".split())


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


def name_spans(doc: Doc) -> list[Span]:
    """PERSON or ORG spans for runs of capitalised proper nouns ("Kassym-Jomart Tokayev", "Foreign Ministry")."""
    out, i, n = [], 0, len(doc)
    while i < n:
        if not _is_name_token(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (_is_name_token(doc[j]) or (doc[j].text in "-'’" and j + 1 < n and _is_name_token(doc[j + 1]) and not doc[j - 1].whitespace_)):
            j += 1
        words = [t.lower_.rstrip("s") if len(t) > 3 else t.lower_ for t in doc[i:j]]
        if any(w in ORG_WORDS or w + "s" in ORG_WORDS for w in words) or (j - i == 1 and doc[i].text.isupper() and len(doc[i].text) > 1):
            out.append(Span(doc, i, j, label="ORG"))
        elif j < n - 1 and doc[j].lower_ in ("'s", "’s") and _is_name_token(doc[j + 1]):
            pass  # "National People's Congress": a name of a thing, not of a person
        elif any(t.lower_ in NOT_PERSON for t in doc[i:j]):
            out.append(Span(doc, i, j, label="MISC"))
        else:
            # The name proper starts after its capitalised title, and after a demonym before that
            # title ("Kyrgyz Foreign Minister Chingiz Aidarbekov").
            k = max((t.i + 1 for t in doc[i:j - 1] if t.lower_ in TITLE_WORDS), default=i)
            if k == i and _complement_of_title(doc, i, j):
                k = i + 1  # "Minister of Transport Azim Ibrohim": the title's field, then the name
            while k < j and not _is_name_token(doc[k]):
                k += 1
            if k < j:
                out.append(Span(doc, k, j, label="PERSON"))
        i = j
    return out


@Language.component(COMPONENT)
def recognise(doc: Doc) -> Doc:
    """Set doc.ents from date patterns and proper-noun runs (dates win where they overlap)."""
    dates = date_spans(doc)
    taken = {t for s in dates for t in range(s.start, s.end)}
    names = [s for s in name_spans(doc) if not any(t in taken for t in range(s.start, s.end))]
    doc.ents = filter_spans(dates + names)
    return doc
