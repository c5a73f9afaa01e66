"""Names of actors, one way for the document pass (pipelines.actors) and the corpus pass
(extractor/resolve.py): the id of a name, its normal form, and its key without honorifics and
corporate suffixes."""
from __future__ import annotations

import re

WORD_RE = re.compile(r"[\w.&-]+")


def slug(name: str) -> str:
    """The one id function: lower-case ASCII words joined by hyphens ("Microsoft Corp." -> "microsoft-corp")."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("’", "").replace("'", "")).strip("-")


def norm(text: str) -> str:
    """A name as the lexicons index it: one space between words, straight apostrophes."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()
