"""Typed records of the output contract (shared/schema/document.schema.json).

All offsets are code-point indices into `Document.text`, end exclusive, but those of a claim with
`in_title`, a claim of the headline, which index `Document.title`. `to_dict()` gives exactly the
JSON of the contract; extra fields are allowed by the schema and kept few.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawDocument:
    """One input as read, before cleaning: HTML or plain text plus whatever metadata came with it."""

    id: str
    origin: str  # path, path:line or '-' : what an error message names
    html: str | None = None
    text: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    fetched: str | None = None  # when it was fetched (ISO 8601): a WARC record's WARC-Date, a download's time


@dataclass(frozen=True)
class Article:
    """A cleaned article: the text every offset points into, and its metadata."""

    id: str
    origin: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = "en"
    fetched: str | None = None  # RawDocument.fetched, carried for the store


@dataclass(frozen=True)
class Actor:
    """One actor of a document. `named` false: an unnamed source ("experts", "a Democratic source",
    "the poll", the writer), the document's own (its id carries the document's, `@DOC`), which the
    corpus pass never merges and the graph draws no arrow for by default."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    part_of: str | None = None
    country: str | None = None
    named: bool = True

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor: str
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label, "actor": self.actor}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Party:
    """A claim's source or target: an actor id (or None) and the span that names it (or None)."""

    actor: str | None
    start: int | None
    end: int | None
    text: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Claim:
    id: str
    type: str  # statement | accusation | attribution | denial
    source: Party
    cue: Span
    content: Span
    sentence: Span
    target: Party | None = None
    quote: bool = False
    hedges: tuple[str, ...] = ()
    confidence: str | None = None
    negated: bool = False
    in_title: bool = False  # a claim of the headline: its offsets index the title, not the text
    origin: str = "rules"  # "model": proposed by the trained attribution tagger, not by a rule

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "source": self.source.to_dict(),
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "quote": self.quote,
            "hedges": list(self.hedges),
            "confidence": self.confidence,
            "negated": self.negated,
            "sentence": self.sentence.to_dict(),
            "in_title": self.in_title,
            "origin": self.origin,
        }


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    model: str | None = None
    actors: tuple[Actor, ...] = field(default_factory=tuple)
    entities: tuple[Mention, ...] = field(default_factory=tuple)
    claims: tuple[Claim, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "model": self.model,
            "text": self.text,
            "actors": [a.to_dict() for a in self.actors],
            "entities": [m.to_dict() for m in self.entities],
            "claims": [c.to_dict() for c in self.claims],
        }
