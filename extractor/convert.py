"""spaCy Doc + Article -> Document record (the JSON contract)."""
from __future__ import annotations

from spacy.tokens import Doc

from .headline import headline_claims, title_actors
from .records import Actor, Article, Claim, Document, Mention, Party, Span


def _span(d: dict) -> Span:
    return Span(d["start"], d["end"], d["text"])


def _party(d: dict | None, ids: dict[str, str] | None = None) -> Party | None:
    if d is None:
        return None
    actor = d.get("actor")
    return Party((ids or {}).get(actor, actor), d.get("start"), d.get("end"), d.get("text"))


def _claim(cid: str, c: dict, *, in_title: bool = False, ids: dict[str, str] | None = None) -> Claim:
    return Claim(
        id=cid,
        type=c["type"],
        source=_party(c["source"], ids) or Party(None, None, None, None),
        cue=_span(c["cue"]),
        content=_span(c["content"]),
        sentence=_span(c["sentence"]),
        target=_party(c.get("target"), ids),
        quote=bool(c.get("quote")),
        hedges=tuple(c.get("hedges") or ()),
        confidence=c.get("confidence"),
        negated=bool(c.get("negated")),
        in_title=in_title,
    )


def document_from_doc(article: Article, doc: Doc, model: str | None = None, title: Doc | None = None) -> Document:
    """Read the extensions our components set (see pipelines.extensions) into typed records.
    `title`, the parsed `article.title`, adds the headline's claims (`extractor.headline`): ids
    `ID#t1`, `ID#t2`, ... after the body's `ID#c1`, ..., with `in_title` and offsets into the title."""
    actors = tuple(
        Actor(a["id"], a["name"], a["kind"], tuple(a.get("aliases") or ()), a.get("title"),
              a.get("part_of"), a.get("country"))
        for a in (doc._.actors or ())
    )
    entities = tuple(Mention(m["start"], m["end"], m["text"], m["actor"], m.get("label"))
                     for m in (doc._.mentions or ()))
    claims = tuple(_claim(f"{article.id}#c{i}", c) for i, c in enumerate(doc._.claims or (), start=1))
    if title is not None:
        kept = headline_claims(title, doc, actors)
        ids, added = title_actors(kept, title, actors)
        actors += tuple(added)
        claims += tuple(_claim(f"{article.id}#t{i}", c, in_title=True, ids=ids) for i, c in enumerate(kept, start=1))
    return Document(
        id=article.id, text=article.text, url=article.url, title=article.title, source=article.source,
        author=article.author, published=article.published, language=article.language, model=model,
        actors=actors, entities=entities, claims=claims,
    )
