"""The output of news_actors: the mention set made non-overlapping (the longer wins), in character
offsets and sorted; the actors the mentions name, with the organisations and states these are
part of. Plain dicts (see pipelines.extensions)."""
from __future__ import annotations

from .lexicon import ActorLexicon
from .table import ActorTable, DocView, add_actor


def records(doc: DocView, lex: ActorLexicon, table: ActorTable) -> tuple[list[dict], list[dict]]:
    """(`Doc._.actors`, `Doc._.mentions`) of the table."""
    kept: list[tuple[int, int, str, str]] = []
    taken: set[int] = set()
    for m in sorted(dict.fromkeys(table.mentions.items), key=lambda m: (-(m[1] - m[0]), m[0])):
        if not taken.intersection(range(m[0], m[1])):
            kept.append(m)
            taken.update(range(m[0], m[1]))
    mentions, toks = [], doc.tokens
    for s, e, aid, label in sorted(kept):
        start, end = toks[s].idx, toks[e - 1].idx + len(toks[e - 1])
        mentions.append({"start": start, "end": end, "text": doc.text[start:end], "label": label, "actor": aid})
    ids = {m["actor"] for m in mentions}
    todo = list(ids)
    while todo:
        parent = table.actors.get(todo.pop(), {}).get("part_of")
        if parent and parent not in ids:
            if parent not in table.actors:
                known = lex.actors.get(parent)
                if not known:
                    continue
                add_actor(lex, table, parent, known["name"], known["kind"])
            ids.add(parent)
            todo.append(parent)
    actors = [table.actors[a] for a in sorted(ids) if a in table.actors]
    return actors, mentions
