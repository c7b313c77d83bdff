"""Quote claims: direct words in quote marks and reported speech, with the speaker resolved (GUIDELINES.md § quote)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Claim
from .dates import resolve_weekday
from .focus import verb_forms
from .speakers import OUTLET_WORDS, institution, is_outlet, named_author, speaking_body, state_or_outlet, unnamed_words
from .speech import speech_candidates
from .mentions import PRONOUNS, address_author, antecedent, clause_subject, described, mention_head, person_mentions, salient_subject

__all__ = ["extract", "speaker_at"]

OPEN_QUOTES = "\"“«„"
CLOSE_FOR = {'"': '"', "“": "”", "«": "»", "„": "“"}
# A direct quote shorter than this many words is a scare quote ("color revolutions"), not speech.
MIN_DIRECT_WORDS = 4
# Quoted words inside a sentence's phrase this long or longer are speech all the same.
SCARE_QUOTE_MAX_WORDS = 10
# Head nouns of such a phrase ("the press service of …"), and documents that speak for whoever issued them.
BODY_HEADS = frozenset("ministry service office agency embassy government committee secretariat administration department council".split())
DOCUMENT_NOUNS = frozenset("statement release communique communiqué readout report paper study".split())
# "Wang Wenbin: …" opening a paragraph of a transcript.
TRANSCRIPT = re.compile(r"^(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s+(?P<words>\S.*)$", re.MULTILINE)
# The heading of a press conference's transcript, which names its speaker.
PRESS_CONFERENCE = re.compile(r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})['’]s\s+(?:Regular\s+|Daily\s+)?(?:Press\s+Conference|Press\s+Briefing|Briefing)\b")
# First- and second-person words: a paragraph under a name heading is that person speaking.
FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|you|You|your|Your)\b")
# "Signed article by <Name>, …" (also op-ed, column, opinion piece) on a line of its own: the body is the author's words.
SIGNED_BYLINE = re.compile(
    r"^[ \t]*(?:an?\s+)?(?:signed\s+(?:article|op-?ed|letter)|op-?ed|opinion\s+piece|guest\s+column|column|commentary)\s+by\s+"
    r"(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})",
    re.IGNORECASE | re.MULTILINE,
)
# A paragraph of a signed article's body: prose that ends a sentence, long enough not to be a caption or a title.
MIN_BODY_WORDS = 8
# A paragraph that opens an enumeration ("First, …", "2. …", "The third is …").
ENUMERATED = re.compile(r"^(?:\(?\d{1,2}[.)]\s|[•·*-]\s|(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?\b)", re.IGNORECASE)
# Words a title leaves in lower case ("Build a Better World Together").
TITLE_SMALL_WORDS = frozenset("a an the and or but nor of for with to in on at by from as into".split())
# A reported clause needs this many words ("regional leaders arrived").
MIN_CLAUSE_TOKENS = 3


@lru_cache(maxsize=8)
def _verb_lemmas(words: tuple[str, ...]) -> frozenset[str]:
    """Every form of the profile's speech verbs (the model runs without a lemmatizer)."""
    out = set()
    for w in words:
        out |= {w.lower(), *verb_forms(w)}
    return frozenset(out)


def extract(article) -> list[Claim]:
    """Every quote in the article: direct first, then reported speech outside quote marks."""
    verbs = _verb_lemmas(article.profile.words("speech_verbs"))
    proposals = _verb_lemmas(article.profile.words("proposal_verbs"))
    out: list[Claim] = []
    direct_spans = _direct_spans(article.text)
    article.notes["direct_quote_spans"] = direct_spans
    candidates = speech_candidates(article.doc, article.profile, verbs)
    for sent in article.doc.sents:
        if not sent.text.strip():
            continue
        inside = [(s, e) for s, e in direct_spans if sent.start_char <= s < sent.end_char]
        for s, e in inside:
            words = article.text[s:e]
            if not _is_speech(article.text, s, e, sent.start_char):
                continue
            speaker = _speaker_for_sentence(article, sent, candidates, exclude=(s, e))
            if speaker is None and e >= sent.end_char:
                # The quote runs over several sentences: its speaker follows the closing mark.
                closing = article.doc.char_span(e, e + 1, alignment_mode="expand")
                if closing is not None and closing.sent.start_char > sent.start_char and _attributed_after(article, e):
                    speaker = _speaker_for_sentence(article, closing.sent, candidates, exclude=(s, e))
            if speaker is None:
                speaker = _speaker_nearby(article, sent, verbs, s, e)
            if speaker:
                article.notes["last_speaker"] = (speaker, e)
                out.append(article.claim("quote", sent.start_char, sent.end_char, speaker=speaker, direct=True, date=_date(article, sent), text=words.strip().rstrip(",;:")))
        for cand in (c for c in candidates if sent.start <= c.token < sent.end and c.label == "REPORTED"):
            tok = article.doc[cand.token]
            clause = _reported_clause(tok, direct_spans, proposals, _act_words(article))
            speaker = _subject_speaker(article, tok) if clause else None
            if clause and tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i == sent.start and tok.nbor(1).lower_ == "that":
                # "Noting that …, Wang said …": the participle has no subject of its own, and what it reports
                # runs to the comma before the main clause's subject, however the parser splits it.
                main = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i > tok.i), None)
                if main is not None and main.left_edge.i > tok.i + 3:
                    end_tok = tok.doc[main.left_edge.i - 1]
                    end_tok = end_tok.nbor(-1) if end_tok.is_punct else end_tok
                    clause, speaker = (tok.nbor(2).idx, end_tok.idx + len(end_tok.text)), _resolve(article, main)
            if speaker is None:
                # "<statement>, the ministry said on Sunday." / "<statement>, announced spokesperson X."
                clause, speaker = _postposed(article, tok, sent, direct_spans)
            if speaker is None:
                clause, speaker = _detached(article, tok, sent, direct_spans)
            if clause and speaker:
                start, end = _after_dateline(article.text, *clause)
                article.notes["last_speaker"] = (speaker, end)
                out.append(article.claim("quote", sent.start_char, sent.end_char, speaker=speaker, direct=False, date=_date(article, sent), text=article.text[start:end].strip(" ,;:")))
        according = [article.doc[c.token] for c in candidates if sent.start <= c.token < sent.end and c.label == "ACCORDING"]
        out.extend(_according_to(article, sent, according, direct_spans))
    out.extend(_transcript(article))
    out.extend(_signed_article(article))
    out.extend(_introduced(article))
    return _once(out)


def _after_dateline(text: str, start: int, end: int) -> tuple[int, int]:
    """A clause without the dateline that opens its line ("BEIJING, Oct. 19 --"), which the sentence
    splitter may have cut at "Oct." so that the clause starts "19 -- …"."""
    line_start = text.rfind("\n", 0, start) + 1
    m = DATELINE.match(text[line_start:end])
    return (line_start + m.end(), end) if m and line_start + m.end() > start else (start, end)


def _introduced(article) -> list[Claim]:
    """Paragraphs a speaker's sentence ending in a colon introduces ("Spokesperson X said at the briefing:"),
    one direct quote each, up to the first paragraph that is not prose (a heading, a question, a signature)."""
    verbs = _verb_lemmas(article.profile.words("speech_verbs"))
    mentions = person_mentions(article)
    out, speaker = [], None
    for para in re.finditer(r"[^\n]+", article.text):
        line = para.group(0).strip()
        if not line:
            continue
        if speaker:
            words = line.strip("\"“”«» ")
            if ENUMERATED.match(words):
                speaker = None  # "First, …", "The second is …": a summary of points, not the speaker's words
                continue
            if len(words.split()) >= MIN_DIRECT_WORDS and words[-1] in ".!" and not TRANSCRIPT.match(line):
                out.append(article.claim("quote", para.start(), para.end(), speaker=speaker, direct=True, date=None, text=words))
                continue
            speaker = None
        if line.endswith(":") and len(line.split()) >= 3:
            end = para.start() + len(para.group(0).rstrip()) - 1
            subjects = [m for m in mentions if para.start() <= m.start < end]
            for m in subjects:
                head = mention_head(article.doc, m)
                if head is not None and clause_subject(head, verbs) and (m.known or len(m.name.split()) > 1):
                    speaker = m.name
                    break
    return out


def _once(claims: list[Claim]) -> list[Claim]:
    """The same words by the same speaker are one quote, however often the article repeats them."""
    seen, out = set(), []
    for c in claims:
        key = (c.speaker, re.sub(r"\W+", " ", c.text).strip().lower())
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _signed_article(article) -> list[Claim]:
    """Each paragraph of an article signed by a known person, one direct quote each (GUIDELINES: verbatim text)."""
    m = SIGNED_BYLINE.search(article.text)
    if not m:
        return []
    person = article.entities.person(m.group("who"))
    if person is None:  # a journalist's byline is not speech; the profile knows the people who sign articles
        return []
    date = article.published.isoformat() if article.published else None
    boiler = tuple(w.lower() for w in article.profile.words("boilerplate"))
    out = []
    for para in re.finditer(r"[^\n]+", article.text[m.end():]):
        words = para.group(0).strip()
        start, end = m.end() + para.start(), m.end() + para.end()
        if len(words.split()) < MIN_BODY_WORDS or words[-1] not in ".!?…\"”»" or "|" in words:
            continue
        if words.lower().startswith(boiler) or words.endswith("?"):
            continue
        out.append(article.claim("quote", start, end, speaker=person.name, direct=True, date=date, text=words))
    return out


def _transcript(article) -> list[Claim]:
    """Paragraphs of a transcript, one direct quote each, until another speaker takes over: after "Name: …",
    after a press conference's heading ("Spokesperson X's Regular Press Conference on …"), and a known
    person's name opening the paragraph that answers a question ("X The two countries are …")."""
    out, speaker, asked, named = [], None, False, None
    for para in re.finditer(r"[^\n]+", article.text):
        line = para.group(0).strip()
        if not line:
            continue
        if named is not None:
            # After a line that is only a person's name: their words when they speak in the first or second
            # person ("This is your first visit …"), then each paragraph of prose until one that is not.
            speaker = named.name if FIRST_PERSON.search(line) else None
            named = None
        name_heading = _name_line(article, line)
        if name_heading:
            named, speaker = name_heading, None
            continue
        if speaker and not TRANSCRIPT.match(para.group(0)) and len(line.split()) < MIN_DIRECT_WORDS:
            speaker = None
        m = TRANSCRIPT.match(para.group(0))
        heading = PRESS_CONFERENCE.search(line) if not line.endswith((".", "?")) else None
        answer = _answer_opening(article, para.group(0)) if asked else None
        asked = line.endswith("?")  # a question: the next paragraph may open with its answerer's name
        if heading:
            p = article.entities.person(heading.group("who"))
            speaker = p.name if p else None
            continue
        if m or answer:
            p = answer or article.entities.person(m.group("who"))
            speaker = p.name if p else None
            if speaker is None:
                continue
            start = para.start() + (m.start("words") if m else len(para.group(0)) - len(para.group(0).lstrip()) + _name_length(para.group(0).lstrip(), p))
        elif speaker and not line.endswith("?"):
            start = para.start()
        else:
            continue
        words = article.text[start: para.end()].strip()
        if len(words.split()) >= MIN_DIRECT_WORDS and speaker:
            out.append(article.claim("quote", para.start(), para.end(), speaker=speaker, direct=True, date=None, text=words))
    return out


def _name_line(article, line: str):
    """The known person a line names and nothing else ("President Xi Jinping"), as a transcript's speaker heading."""
    words = line.rstrip(":").split()
    while words and words[0].lower() in _title_heads(article.profile) | _title_words_of(article.profile):
        words = words[1:]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or words[-1].lower() not in _name_words(article.profile):
        return None
    p = article.entities.person(" ".join(words))
    return p if p and " ".join(words).lower() in {p.name.lower(), *(a.lower() for a in p.aliases)} else None


@lru_cache(maxsize=8)
def _name_words(profile) -> frozenset[str]:
    """Every word of the profile's people's names and aliases, lower case: a cheap first test of a name line."""
    return frozenset(w.lower() for p in profile.people for n in (p.name, *p.aliases) for w in n.split())


@lru_cache(maxsize=8)
def _title_words_of(profile) -> frozenset[str]:
    return frozenset(w for ws in profile.roles.values() for phrase in ws for w in phrase.split())


def _answer_opening(article, line: str):
    """The known person whose full name opens a paragraph and runs straight into their words."""
    words = line.split()
    for n in (3, 2):
        if len(words) > n + MIN_DIRECT_WORDS and words[n][:1].isupper():
            p = article.entities.person(" ".join(words[:n]))
            if p and " ".join(words[:n]).lower() in {p.name.lower(), *(a.lower() for a in p.aliases)}:
                return p
    return None


def _name_length(line: str, person) -> int:
    for form in sorted((person.name, *person.aliases), key=len, reverse=True):
        if line.lower().startswith(form.lower()):
            return len(form)
    return 0


def _direct_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the words inside each pair of quote marks (marks excluded)."""
    spans, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch in OPEN_QUOTES:
            close = CLOSE_FOR[ch]
            j = text.find(close, i + 1)
            if ch == '"':
                j = text.find('"', i + 1)
            if j < 0 or j - i > 3000:
                i += 1
                continue
            spans.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return spans


def _is_speech(text: str, s: int, e: int, sent_start: int) -> bool:
    """Quoted words are speech when they stand as a clause of their own, not a phrase inside a sentence."""
    words = text[s:e].split()
    n = len(words)
    if n < MIN_DIRECT_WORDS:
        return False
    lower = [w for w in words if not w[:1].isupper()]
    if all(w.lower() in TITLE_SMALL_WORDS for w in lower) and len(lower) <= n / 2 and text[s:e].rstrip()[-1:] not in ".!?,":
        return False  # a title in Title Case ("wrote the article “Build a Better World Together”"), not speech
    before = text[sent_start: s - 1].rstrip()
    # Opening a sentence or after "said:" / "said," the words are the speaker's own; mid-phrase
    # (a word right before the mark) they are a scare quote unless long enough to be a statement.
    return not before or before[-1] in ":,—–-" or n >= SCARE_QUOTE_MAX_WORDS


def _in_direct(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e + 1 for s, e in spans)


def _reported_clause(verb, direct_spans, proposals: frozenset[str] = frozenset(), acts: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The clause a speech verb reports ("said (that) …", "…, the ministry said", "expressed confidence that …",
    "proposed to …"), unless it is inside or is a direct quote."""
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    if not comps:
        # "expressed confidence/hope that …": the clause hangs off the noun.
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            comps = [c for c in obj.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" for m in c.children)]
            if comps:
                break
    if not comps:
        # "X pointed out, since …, relations have made …": a clause of its own after the verb and a comma.
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if after is not None and after.dep_ == "prt" and after.i + 1 < len(verb.doc):
            after = verb.doc[after.i + 1]
        if after is not None and after.text in (",", ":"):
            comps = [c for c in verb.children if c.i > after.i and c.dep_ in ("advcl", "parataxis") and c.pos_ in ("VERB", "AUX")
                     and any(t.dep_ in ("nsubj", "nsubjpass") for t in c.children) and not any(t.dep_ == "mark" for t in c.children)]
            if comps:
                toks = [t for t in verb.doc[after.i + 1: max(x.i for x in comps[0].subtree) + 1]]
                return _checked(toks, verb, direct_spans, acts)
    if not comps:
        around = _statement_around(verb)
        if around is not None:
            return _checked(around, verb, direct_spans, acts)
    if not comps and verb.dep_ in ("parataxis", "ccomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        # "X will attend the summit, announced spokesperson Y": the statement is the head clause.
        head = verb.head
        toks = [t for t in head.subtree if t.i < min(x.i for x in verb.subtree)]
        while toks and toks[-1].is_punct:
            toks.pop()
        if _own_attribution(toks, acts):
            return None
        return _checked(toks, verb, direct_spans, acts)
    if not comps:
        return None
    comp = comps[0]
    if comp.i < verb.i and _own_attribution([comp], acts):
        return None  # "X stressed that …, the agency reported": X's words, the agency is only the source
    toks = sorted(comp.subtree, key=lambda t: t.i)
    # The parser sometimes hangs the second half of a coordinated clause on the verb itself
    # ("noting that it is the first …, and also the first summit held …"): take those along.
    for sib in (c for c in verb.children if c.i > toks[-1].i and comp.i > verb.i):
        if sib.dep_ not in ("conj", "cc", "nsubj", "nsubjpass", "attr", "punct", "ccomp") or verb.doc[toks[-1].i + 1: sib.left_edge.i].text.strip(" ,"):
            break
        if sib.dep_ == "punct" and sib.i == max(t.i for t in verb.subtree):
            break
        toks += sorted(sib.subtree, key=lambda t: t.i)
    toks = [t for t in toks if t.dep_ != "mark" or t.i != toks[0].i]
    if comp.dep_ == "xcomp" and not any(t.dep_ == "nsubj" for t in comp.children) and verb.text.lower() not in proposals:
        return None  # "called to …" is not a statement; "proposed to …" is
    return _checked(toks, verb, direct_spans, acts)


def _statement_around(verb):
    """The statement of a speech verb the parser hung on it ("As X stated in his reply, <statement>"; "Xi said with
    joint efforts, the visit is expected to …" with "Xi said" under the clause it reports), or None."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        # the main clause after the first comma
        comma = next((t.i for t in verb.sent if t.i > verb.i and t.text == ","), None)
        return [t for t in verb.sent if t.i > comma] if comma is not None else None
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i > verb.i and verb.left_edge.i == verb.sent.start and any(
        c.dep_ == "nsubj" for c in verb.children
    ):
        toks = [t for t in verb.sent if t.i > verb.i]  # the rest of the sentence
        return toks[1:] if toks and toks[0].lower_ == "that" else toks
    return None


def _trim(toks, acts: frozenset[str] = frozenset()):
    """The clause without what is not part of it: a line before or after it (a title, a dateline run
    into the sentence), and a participle of its own after a comma (", adding that …", ", pledging …")."""
    if not toks:
        return toks
    doc = toks[0].doc
    first, last = toks[0].i, toks[-1].i
    span = [doc[i] for i in range(first, last + 1)]
    keep = set(t.i for t in toks)
    out = []
    for t in span:
        if t.i not in keep:
            continue
        if t.tag_ == "VBG" and t.i > first and doc[t.i - 1].text == "," and t.lower_ in acts:
            break
        out.append(t)
    # A paragraph break inside: keep the part on the verb's side of it, which the caller knows; here the last paragraph.
    for i in range(len(out) - 1, 0, -1):
        gap = out[i - 1].whitespace_ + "".join(doc[j].text_with_ws for j in range(out[i - 1].i + 1, out[i].i))
        if "\n" in gap or (out[i - 1].is_space and "\n" in out[i - 1].text):
            out = out[i:]
            break
    while out and (out[0].is_punct or out[0].is_space) and out[0].text not in "\"“«":
        out = out[1:]
    while out and (out[-1].is_punct or out[-1].is_space) and out[-1].text not in "\"”»":
        out.pop()
    return out


def _checked(toks, verb, direct_spans, acts: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The clause's span, unless it is too short or mostly inside quote marks (a direct quote's business)."""
    toks = _trim([t for t in toks if not t.is_space], acts)
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if len(toks) < MIN_CLAUSE_TOKENS or len(toks) < 4 and not any(t.pos_ == "VERB" for t in toks):
        return None
    according = [k for k, t in enumerate(toks[:-1]) if t.lower_ == "according" and toks[k + 1].lower_ == "to"]
    if according and not any(t.pos_ in ("VERB", "AUX") for t in toks[according[-1] + 2:]):
        return None  # "<statement>, according to X" under another verb: X's words, which "according to" gives
    quoted = sum(min(end, e) - max(start, s) for s, e in direct_spans if s < end and e > start)
    if _in_direct(start, end, direct_spans) or quoted > (end - start) / 2:
        return None
    if _in_direct(verb.idx, verb.idx + 1, direct_spans):
        return None
    return start, end


# Words that may follow a post-posed "…, X said" to the end of the sentence: when, where, to whom, in what.
TRAILER_POS = {"ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ", "PUNCT", "PRON", "PART", "ADV", "SPACE", "CCONJ"}
SPEAKER_POS = {"DET", "ADJ", "PROPN", "NOUN", "PRON", "PUNCT", "ADP", "NUM", "PART", "CCONJ", "SPACE"}
DATELINE = re.compile(r"^[A-Z][A-Z'’. ]{2,}(?:,[^\n]{0,30}?)?(?:\s*\([^)\n]*\))?\s*(?:--|[-–—:])\s+")


def _postposed(article, verb, sent, direct_spans) -> tuple[tuple[int, int] | None, str | None]:
    """A statement followed by its attribution after a comma, whatever tree the parser made of it:
    "<statement>, <speaker> said (on Friday / at a briefing)." or "<statement>, said <speaker> (…)."."""
    toks = [t for t in sent if not t.is_space]
    k = next((j for j, t in enumerate(toks) if t.i == verb.i), None)
    if not k:
        return None, None
    # Inverted: the verb right after the comma, the speaker after the verb.
    if toks[k - 1].text == ",":
        comma = k - 1
        rest = toks[k + 1:]
        n = 0
        while n < len(rest) and rest[n].pos_ in SPEAKER_POS and not (rest[n].pos_ == "ADP" and n > 0 and rest[n].text.lower() != "of"):
            n += 1
        who, trailer = rest[:n], rest[n:]
        while who and who[-1].is_punct:
            who.pop()
    else:
        j = k - 1
        while j > 0 and toks[j].text != "," and (toks[j].pos_ in SPEAKER_POS or toks[j].lower_ in ("has", "have", "had")) and k - j <= 12:
            j -= 1
        if j <= 0 or toks[j].text != ",":
            return None, None
        comma, who, trailer = j, [t for t in toks[j + 1:k] if t.pos_ != "AUX"], toks[k + 1:]
    cut = next((n for n in range(len(trailer) - 1) if trailer[n].lower_ == "according" and trailer[n + 1].lower_ == "to"), None)
    trailer = trailer[:cut] if cut is not None else trailer  # "…, X has announced, according to <the outlet>": the outlet is the source
    if not who or any(t.pos_ not in TRAILER_POS for t in trailer) or len(trailer) > 14:
        return None, None
    if any(t.lower_ in ("that", "whether", "if") for t in trailer):
        return None, None
    body = toks[:comma]
    while body and (body[0].is_punct or body[0].is_space):
        body = body[1:]
    if body and body[0].text[:1].islower() and sent.start > 0:
        # "… were not present. or available in the past, she said.": a stray full stop cut the statement.
        prev = [t for t in article.doc[sent.start - 1].sent if not t.is_space]
        if prev and "\n" not in article.text[prev[-1].idx: body[0].idx]:
            body = prev + body
    if len(body) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in body):
        return None, None
    last_according = max((n for n, t in enumerate(body[:-1]) if t.lower_ == "according" and body[n + 1].lower_ == "to"), default=None)
    attributed = last_according is not None and not any(t.pos_ in ("VERB", "AUX") for t in body[last_according + 2:])
    if _own_attribution(body, _speech_words(article)) or attributed:
        # "X stressed that …, the agency reported" / "…, according to X, Xinhua reports": X's words, the agency is only the source
        return None, None
    span = _checked(body, verb, direct_spans)
    if span is None:
        return None, None
    start, end = span
    speaker = _np_speaker(article, who)
    return ((start, end), speaker) if speaker else (None, None)


def _detached(article, verb, sent, direct_spans) -> tuple[tuple[int, int] | None, str | None]:
    """An attribution a stray full stop cut from its statement: "<statement>. Xi Jinping told reporters on Friday."
    The sentence holds only who, the verb, and when/where/to whom; the statement is the sentence before it."""
    toks = [t for t in sent if not t.is_space]
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj or sent.start == 0 or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None, None
    if any(c.dep_ in ("dobj", "attr") for c in verb.children) and not verb.lower_.startswith("tel") and verb.lower_ != "told":
        return None, None  # "X stressed the need for …": a noun object, not an attribution ("told reporters" is one)
    before, after = toks[: toks.index(verb)], toks[toks.index(verb) + 1:]
    if not before or any(t.pos_ not in SPEAKER_POS for t in before) or any(t.pos_ not in TRAILER_POS for t in after) or len(after) > 8:
        return None, None
    prev = article.doc[sent.start - 1].sent
    body = [t for t in prev if not t.is_space]
    if not body or body[-1].text != "." or "\n" in article.text[body[-1].idx: toks[0].idx]:
        return None, None  # only a statement in the same paragraph, closed by the stray full stop
    if _own_attribution(body, _speech_words(article)):
        return None, None
    span = _checked(body, verb, direct_spans)
    who = _subject_speaker(article, verb) if span else None
    if who not in {m.name for m in person_mentions(article)}:
        return None, None  # "… . The press service reported.": a body's line crediting its source, not speech
    return span, who


def _own_attribution(toks, verbs) -> bool:
    """The statement is itself attributed: a speech verb in it with a subject and a clause of its own."""
    return any(t.text.lower() in verbs and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
               and any(c.dep_ in ("ccomp", "xcomp") for c in t.children) for t in toks)


def _np_speaker(article, who) -> str | None:
    """The speaker a run of tokens names: a person in it, a pronoun, or its head noun (institution, described person)."""
    s, e = who[0].idx, who[-1].idx + len(who[-1].text)
    ids = {t.i for t in who}
    heads = [t for t in who if t.head.i not in ids or t.head is t]
    if heads and heads[0].lower_ in BODY_HEADS and (body := _resolve(article, heads[0])):
        return body  # "X's press office said": the office speaks, not X
    for m in person_mentions(article):
        if s <= m.start and m.end <= e + 2 and (m.known or len(m.name.split()) > 1):
            return m.name
    return _resolve(article, heads[0]) if heads else None


def _subject_speaker(article, verb) -> str | None:
    """Who a speech verb's words are: its subject, or whoever the sentence otherwise makes its speaker."""
    quoting = verb.head.head if verb.head.lower_ == "as" else None
    if verb.tag_ == "VBG" and quoting is not None and quoting.lower_.startswith("quot"):
        # "CCTV quoted Xi as saying …" / "Xi was quoted as saying …": the one quoted speaks, not the outlet.
        quoted = [c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")]
        return _resolve(article, quoted[0]) if quoted else None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # A title line run into the sentence gives the verb a second "subject": the one on the verb's line.
    same_line = [c for c in subj if "\n" not in article.text[min(c.idx, verb.idx): max(c.idx, verb.idx)]]
    subj = same_line or subj
    if not subj:
        verbs = _speech_words(article)
        if verb.tag_ == "VBG":
            # ", adding that …" inside what someone said: the participle's speaker is that someone.
            for anc in verb.ancestors:
                if anc.text.lower() in verbs and any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children):
                    return _subject_speaker(article, anc)
        # "…, Xi said" parsed with the clause as head: the subject hangs off a conjunct or the head.
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ == "VERB":
            return _subject_speaker(article, verb.head)
        # "In his speech, Fu Hua, president of …, said": the name parsed as an apposition before the verb.
        line_start = article.text.rfind("\n", 0, verb.idx) + 1
        left = [m for m in person_mentions(article) if line_start <= m.start and m.end <= verb.idx
                and min(t.i for t in verb.subtree) <= _tok_at(verb.doc, m.start) < verb.i]
        if left and (left[-1].known or len(left[-1].name.split()) > 1):
            article.notes["last_direct_speaker"] = (left[-1].name, left[-1].end)
            return left[-1].name
        return None
    return _resolve(article, subj[0])


def _tok_at(doc, offset: int) -> int:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _speech_words(article) -> frozenset[str]:
    """Speech verbs and pledge verbs in every form: a participle of either after a comma acts for the speaker."""
    return _verb_lemmas(article.profile.words("speech_verbs"))


def _act_words(article) -> frozenset[str]:
    words = tuple(w for w in article.profile.words("pledge_words") if " " not in w)
    return _speech_words(article) | _verb_lemmas(words)


def _speaker_for_sentence(article, sent, candidates, exclude) -> str | None:
    """The speaker a sentence attributes its words to: a speech verb's subject, else "according to" whom."""
    inside = [c for c in candidates if sent.start <= c.token < sent.end]
    for c in (c for c in inside if c.label == "REPORTED"):
        tok = article.doc[c.token]
        if not exclude[0] <= tok.idx < exclude[1] and (who := _subject_speaker(article, tok)):
            return who
    for c in (c for c in inside if c.label == "ACCORDING"):
        tok = article.doc[c.token]
        for t in tok.nbor(1).subtree:
            if t.i > tok.i + 1:
                return _resolve(article, t)
    return None


def _speaker_nearby(article, sent, verbs, start, end) -> str | None:
    """A quote standing alone after "X said:" — not one with no attribution of its own (GUIDELINES § quote)."""
    prev = article.notes.get("last_direct_speaker")
    before = article.text[max(0, start - 400): start - 1].rstrip()
    if prev and (before.endswith(":") or _attributed_after(article, end)) and prev[1] >= start - 400:
        return prev[0]
    return None


def _attributed_after(article, end: int) -> bool:
    """ '…," the spokesperson concluded.': a short clause with a finite verb after the closing mark."""
    tail = re.match(r"[\"”»]?[ \t]*,?[^.!?\n\"“”«»]{0,60}", article.text[end:])
    if not tail or not tail.group(0).strip(" ,\"”»"):
        return False
    span = article.doc.char_span(end, end + tail.end(), alignment_mode="contract")
    return span is not None and any(t.tag_ in ("VBD", "VBZ", "VBP") for t in span)


def _according_to(article, sent, anchors, direct_spans) -> list[Claim]:
    """The statement a sentence gives "according to" a person or a body (not a news outlet)."""
    out = []
    for tok in anchors:
        if tok.i + 2 >= sent.end:
            continue
        obj = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        who = _resolve(article, obj, persons_only=True)
        # An institution, but not an unnamed plural ("according to officials") nor a news outlet, which is
        # where the article read it, not who said it.
        body = None if who or obj.tag_ in ("NNS", "NNPS") or is_outlet(obj) else _resolve(article, obj)
        if not (who or body):
            continue
        rest_start = max(t.i for t in obj.subtree) + 1
        comma = next((t.i for t in sent if t.i > obj.i and t.text == ","), None)
        if tok.i == sent.start and comma is not None and comma < rest_start:
            rest_start = comma + 1  # "According to X, <statement>": the statement starts after the comma, however it was parsed
        toks = [t for t in sent[rest_start - sent.start:] if not t.is_punct or t.text in "-%$"]
        if len(toks) < 4:
            toks = [t for t in sent[: tok.i - sent.start] if not t.is_space]
        if len(toks) < 4:
            continue
        if body and any(t.like_num or t.text in "%$" for t in toks):
            continue  # "according to <an institution>" giving a figure is a source, not a quote
        who = who or body
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if _in_direct(start, end, direct_spans):
            continue
        out.append(article.claim("quote", sent.start_char, sent.end_char, speaker=who, direct=False, date=_date(article, sent), text=article.text[start:end].strip(" ,;:")))
    return out


def _resolve(article, tok, persons_only: bool = False) -> str | None:
    """The speaker a subject token stands for: a person, a pronoun's antecedent, "the Chinese leader", an institution."""
    mentions = person_mentions(article)
    span_toks = list(tok.subtree) if tok.pos_ in ("PROPN", "NOUN") else [tok]
    line_s = article.text.rfind("\n", 0, tok.idx) + 1
    line_e = article.text.find("\n", tok.idx)
    line_e = len(article.text) if line_e < 0 else line_e
    span_toks = [t for t in span_toks if line_s <= t.idx < line_e and not t.is_space] or [tok]
    s, e = min(t.idx for t in span_toks), max(t.idx + len(t.text) for t in span_toks)
    if tok.lower_ in unnamed_words():
        return None  # "a source in the ministry", "officials": unnamed speakers give no quote (GUIDELINES § quote)
    if tok.pos_ == "NOUN" and tok.text.lower() in BODY_HEADS and not persons_only:
        # "the press service of the President of Kyrgyzstan said": the service speaks, not the president.
        body = speaking_body(article, tok, s, e)
        if body:
            return body
    if tok.pos_ == "NOUN" and tok.text.lower() in DOCUMENT_NOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
        author = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")), None)
        pobj = next((c for c in author.children if c.dep_ == "pobj"), None) if author is not None else None
        if pobj is not None and not persons_only:
            # "a report by GlobalData says …", "a press release of the ministers' meeting said …": its author.
            return _resolve(article, pobj) or named_author(pobj)
        # '"…," the statement read.': the statement of whoever was last reported speaking.
        last = article.notes.get("last_speaker")
        return last[0] if last and tok.idx - last[1] <= 600 else None
    for m in mentions:
        if m.start >= s and m.end <= e + 2 and (m.known or len(m.name.split()) > 1):
            article.notes["last_direct_speaker"] = (m.name, e)
            return m.name
    low = tok.text.lower()
    if low == "it" and tok.dep_ == "nsubjpass":
        # "In the address of X, read out by Y, it was noted that …": the address's author.
        m = address_author(tok.sent, [m for m in mentions if tok.sent.start_char <= m.start < tok.sent.end_char])
        return m.name if m else None
    if low in PRONOUNS:
        m = salient_subject(mentions, tok, PRONOUNS[low], _speech_words(article)) or antecedent(mentions, tok.idx, PRONOUNS[low])
        return m.name if m else None
    bare_title = tok.pos_ == "PROPN" and tok.lower_ in _title_heads(article.profile)
    if tok.pos_ == "NOUN" or bare_title:
        phrase = article.text[s:e]
        # The story's subject stands for a description naming no state, unless the sentence named someone first.
        named_before = any(m.known and tok.sent.start_char <= m.start < tok.idx for m in mentions)
        salient = None if named_before else salient_subject(mentions, tok, None, _speech_words(article))
        m = described(article.text, article.entities, mentions, phrase, tok.idx, salient)
        if m:
            return m.name
        if not persons_only:
            inst = institution(article, phrase)
            if inst:
                return inst
    if (tok.pos_ == "PROPN" or low in OUTLET_WORDS) and not persons_only:  # ("China Daily newspaper reported")
        inst = institution(article, article.text[s:e]) or state_or_outlet(article, tok, article.text[s:e])
        if inst:
            return inst
    if not persons_only and low not in PRONOUNS:
        return speaking_body(article, tok, s, e)
    return None


@lru_cache(maxsize=8)
def _title_heads(profile) -> frozenset[str]:
    """The last word of each of the profile's titles ("minister", "spokesperson"), which a capital may make a PROPN."""
    return frozenset(w.split()[-1].lower() for ws in profile.roles.values() for w in ws if w.split())


def _date(article, sent) -> str | None:
    for ent in sent.ents:
        if ent.label_ == "DATE":
            m = re.fullmatch(r"(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", ent.text.strip(), re.IGNORECASE)
            if m:
                d = resolve_weekday(m.group(1), article.published)
                return d.isoformat() if d else None
    return None


def speaker_at(article, offset: int) -> str | None:
    """The last person mentioned before an offset (for commitments made in a quote)."""
    m = antecedent(person_mentions(article), offset, None)
    return m.name if m else None
