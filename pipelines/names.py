"""Names of actors, one way for the document pass (pipelines.actors) and the corpus pass
(extractor/resolve.py): the id of a name, its normal form, a person's id without middle initials,
and a name's key without honorifics and corporate suffixes. The word lists come from
pipelines/data/<lang>/names.json through `NameWords`, read when asked for, never at import."""
from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass

WORD_RE = re.compile(r"[\w.&-]+")
# labels the small model gives names it does not know ("the Sunday Chronicle" EVENT, "Quorvex Energy"
# PRODUCT, "Heathrow Airport" FAC): news_actors reads such an entity as a body's name when its last word
# says the kind, news_claims a party's head with one as a name it missed
MISREAD_LABELS = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"})


def slug(name: str) -> str:
    """The one id function: lower-case ASCII words joined by hyphens ("Microsoft Corp." -> "microsoft-corp")."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("’", "").replace("'", "")).strip("-")


def norm(text: str) -> str:
    """A name as the lexicons index it: one space between words, straight apostrophes."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def leading(words: Sequence[str], drop: Container[str]) -> int:
    """How many of the first words are in `drop` ("ms", "dr."), the last word always kept."""
    k = 0
    while len(words) - k > 1 and words[k] in drop:
        k += 1
    return k


def trailing(words: Sequence[str], drop: Container[str]) -> int:
    """How many of the last words are in `drop` ("corp.", "inc"), the first word always kept."""
    k = 0
    while len(words) - k > 1 and words[len(words) - 1 - k] in drop:
        k += 1
    return k


def person_id(words: Sequence[str]) -> str:
    """A person's id without middle initials: "Donald J. Trump" and "Donald Trump" are one."""
    last = len(words) - 1
    return slug(" ".join(w for k, w in enumerate(words)
                         if not (len(w.rstrip(".")) == 1 and w[:1].isupper() and k not in (0, last))))


@dataclass(frozen=True)
class NameWords:
    """The words a name is read without: honorifics before it, corporate suffixes after it."""

    honorifics: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()

    @classmethod
    def from_words(cls, words: dict) -> NameWords:
        """From news_actors' word lists (the keys of names.json)."""
        return cls(frozenset(words.get("honorifics", ())), frozenset(words.get("corporate_suffixes", ())))

    @classmethod
    def load(cls, lang: str = "en") -> NameWords:
        """The pipeline's lists (pipelines/data/<lang>/names.json)."""
        from .lexicons import read_words

        return cls.from_words(read_words(lang, ("names.json",)))

    def key(self, name: str) -> str:
        """"The Microsoft Corp." and "Microsoft" -> "microsoft"; honorifics and case do not count."""
        words = WORD_RE.findall(name.lower())
        if words[:1] == ["the"]:
            words = words[1:]
        words = words[leading(words, self.honorifics):]
        words = words[:len(words) - trailing(words, self.suffixes)]
        return " ".join(w.strip(".") for w in words if w.strip("."))
