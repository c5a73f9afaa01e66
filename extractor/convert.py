"""spaCy Doc + Article -> Document record (the JSON contract)."""
from __future__ import annotations

from spacy.tokens import Doc

from .records import Actor, Article, Claim, Document, Mention, Party, Span


def _span(d: dict) -> Span:
    return Span(d["start"], d["end"], d["text"])


def _party(d: dict | None) -> Party | None:
    if d is None:
        return None
    return Party(d.get("actor"), d.get("start"), d.get("end"), d.get("text"))


def document_from_doc(article: Article, doc: Doc, model: str | None = None) -> Document:
    """Read the extensions our components set (see pipelines.extensions) into typed records."""
    actors = tuple(
        Actor(a["id"], a["name"], a["kind"], tuple(a.get("aliases") or ()), a.get("title"),
              a.get("part_of"), a.get("country"))
        for a in (doc._.actors or ())
    )
    entities = tuple(Mention(m["start"], m["end"], m["text"], m["actor"], m.get("label"))
                     for m in (doc._.mentions or ()))
    claims = tuple(
        Claim(
            id=f"{article.id}#c{i}",
            type=c["type"],
            source=_party(c["source"]) or Party(None, None, None, None),
            cue=_span(c["cue"]),
            content=_span(c["content"]),
            sentence=_span(c["sentence"]),
            target=_party(c.get("target")),
            quote=bool(c.get("quote")),
            hedges=tuple(c.get("hedges") or ()),
            confidence=c.get("confidence"),
            negated=bool(c.get("negated")),
        )
        for i, c in enumerate(doc._.claims or (), start=1)
    )
    return Document(
        id=article.id, text=article.text, url=article.url, title=article.title, source=article.source,
        author=article.author, published=article.published, language=article.language, model=model,
        actors=actors, entities=entities, claims=claims,
    )
