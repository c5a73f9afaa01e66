"""The Doc/Span extensions our components share, and the one lookup from a span to its actor.

Values are plain lists of dicts with character offsets (not Span objects), so a Doc keeps
them through `to_bytes`, `DocBin` and `nlp.pipe(..., n_process=2)`.

- `Doc._.actors`:   [{"id", "name", "kind", "aliases", "title", "part_of", "country"}], and `"named": False`
                    for an unnamed source news_claims adds ("experts", "the poll"; pipelines.claims.unnamed)
- `Doc._.mentions`: [{"start", "end", "text", "label", "actor"}], sorted by start, not overlapping
- `Doc._.claims`:   [{"type", "source", "cue", "content", "target", "quote", "hedges",
                      "confidence", "negated", "sentence"}] with parties/spans as in the schema
- `Span._.actor`:   the id of the actor this span names, or None (a getter over `Doc._.mentions`)
- `Span._.title`, `Span._.organisation`: for a span naming an official, the office held and the
                    id of the body it belongs to (`part_of`), else None (getters over `Doc._.actors`)
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

# where attribution_tagger (pipelines/tagger.py) puts its CUE, CONTENT and SOURCE spans
SPANS_KEY = "attributions"


def register_extensions() -> None:
    """Register once per process; every component calls this in its constructor."""
    for name in ("actors", "mentions", "claims"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", getter=lambda span: actor_at(span.doc, span.start_char, span.end_char))
    if not Span.has_extension("title"):
        Span.set_extension("title", getter=lambda span: _actor_field(span, "title"))
    if not Span.has_extension("organisation"):
        Span.set_extension("organisation", getter=lambda span: _actor_field(span, "part_of"))


def _actor_field(span: Span, key: str) -> str | None:
    aid = actor_at(span.doc, span.start_char, span.end_char)
    for actor in span.doc._.actors or ():
        if actor["id"] == aid:
            return actor.get(key)
    return None


def actor_at(doc: Doc, start: int, end: int) -> str | None:
    """The actor of the mention inside [start, end) that reaches furthest right (a phrase's head
    noun is usually its last name: "a spokesman for the Chinese government" -> the spokesman's
    mention when there is one, else the government's)."""
    mention = mention_in(doc, start, end)
    return mention["actor"] if mention else None


def mention_in(doc: Doc, start: int, end: int) -> dict | None:
    mentions = doc._.mentions or []
    starts = [m["start"] for m in mentions]
    best = None
    i = bisect_right(starts, end) - 1
    while i >= 0 and mentions[i]["end"] > start:
        m = mentions[i]
        if m["start"] >= start and m["end"] <= end:
            if best is None or (m["end"], m["end"] - m["start"]) > (best["end"], best["end"] - best["start"]):
                best = m
        elif m["start"] <= start and m["end"] >= end:
            return m  # the span lies inside one mention
        i -= 1
    return best
