"""spaCy Doc + Article -> Document record (the JSON contract)."""
from __future__ import annotations

from spacy.tokens import Doc

from pipelines.claims.unnamed import WRITER_ID
from pipelines.names import slug

from .headline import headline_claims
from .records import Actor, Article, Claim, Document, Mention, Party, Span

UNNAMED_SCOPE = "@"  # an unnamed actor's id is "NAME@DOCUMENT": its document's only


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
        origin=c.get("origin", "rules"),
    )


def unnamed_scope(article: Article, actors: tuple[Actor, ...]) -> tuple[tuple[Actor, ...], dict[str, str]]:
    """The actors with each unnamed one's id scoped to the document ("experts" -> "experts@DOC": two
    articles' experts are not the same people), and the writer's "I" given to the byline's author
    when the page names one person. Returns (actors, old id -> new id)."""
    ids: dict[str, str] = {}
    out: list[Actor] = []
    have = {a.id for a in actors}
    author = (article.author or "").strip()
    for a in actors:
        if a.named:
            out.append(a)
        elif a.id == WRITER_ID and author and ";" not in author and slug(author):
            ids[a.id] = slug(author)
            if slug(author) not in have:
                out.append(Actor(slug(author), author, "person"))
                have.add(slug(author))
        else:
            ids[a.id] = f"{a.id}{UNNAMED_SCOPE}{article.id}"
            out.append(Actor(ids[a.id], a.name, a.kind, a.aliases, a.title, a.part_of, a.country, named=False))
    return tuple(out), ids


def document_from_doc(article: Article, doc: Doc, model: str | None = None, title: Doc | None = None) -> Document:
    """Read the extensions our components set (see pipelines.extensions) into typed records.
    `title`, the parsed `article.title`, adds the headline's claims (`extractor.headline`): ids
    `ID#t1`, `ID#t2`, ... after the body's `ID#c1`, ..., with `in_title` and offsets into the title."""
    actors = tuple(
        Actor(a["id"], a["name"], a["kind"], tuple(a.get("aliases") or ()), a.get("title"),
              a.get("part_of"), a.get("country"), a.get("named", True))
        for a in (doc._.actors or ())
    )
    actors, scoped = unnamed_scope(article, actors)
    entities = tuple(Mention(m["start"], m["end"], m["text"], scoped.get(m["actor"], m["actor"]), m.get("label"))
                     for m in (doc._.mentions or ()))
    claims = tuple(_claim(f"{article.id}#c{i}", c, ids=scoped) for i, c in enumerate(doc._.claims or (), start=1))
    if title is not None:
        head = headline_claims(title, doc, actors)
        ids, kept = head.ids, head.claims
        added, title_scoped = unnamed_scope(article, tuple(a for a in head.actors if a.id not in scoped))
        ids = {**{a: title_scoped.get(b, b) for a, b in ids.items()}, **scoped, **title_scoped}
        actors += tuple(a for a in added if a.id not in {b.id for b in actors})
        claims += tuple(_claim(f"{article.id}#t{i}", c, in_title=True, ids=ids) for i, c in enumerate(kept, start=1))
    return Document(
        id=article.id, text=article.text, url=article.url, title=article.title, source=article.source,
        author=article.author, published=article.published, language=article.language, model=model,
        actors=actors, entities=entities, claims=claims,
    )
