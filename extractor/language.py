"""The language of an article's text: offline, small and fast (py3langid, trafilatura's own optional detector).

The pipeline's rules are English (`nlp.lang`); a document in another language keeps its text and
metadata but must not meet English rules, so every article gets its language here.
"""
from __future__ import annotations

import logging
from functools import lru_cache

LOGGER = logging.getLogger(__name__)

# the first characters decide: a long article is no clearer at 50,000 than at 5,000 (and costs ten times more)
SAMPLE_CHARS = 5000
# below this many letters a text says too little (a caption, a name) to name its language
MIN_LETTERS = 20
# py3langid's normalised probability under which it abstains
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language `text` is written in, or None when the text is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        LOGGER.debug("language unclear: %s at %.2f", language, confidence)
        return None
    return language
