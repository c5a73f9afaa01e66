"""Label consistency for news_actors, one name one label across a document: before the names are
looked up, the label each name takes (the most frequent of its entities); at the end, the entities
`doc.ents` should hold (relabelled by their actor's kind, plus the names the NER missed)."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from ..names import norm
from .lexicon import ActorLexicon
from .table import ActorTable, DocView, core, core_text, lookup

KIND_LABELS = {"state": "GPE", "person": "PERSON", "official": "PERSON", "group": "NORP", "company": "ORG",
               "organisation": "ORG", "media": "ORG", "government_body": "ORG", "threat_actor": "ORG"}
NAME_MENTION_LABELS = {"ORG", "GPE", "PERSON", "NORP"}


def label_votes(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """One label per name across the document: the most frequent one (earliest on a tie)."""
    votes: dict[str, Counter] = {}
    for ent in doc.names:
        votes.setdefault(norm(core_text(doc, lex, table, ent.start, ent.end)), Counter())[ent.label_] += 1
    table.labels.update({name: counts.most_common(1)[0][0] for name, counts in votes.items()})


def consistent_ents(doc: DocView, lex: ActorLexicon, table: ActorTable) -> list[Span] | None:
    """The entities `doc.ents` should hold, or None when they stay as they are: each gets the
    label of its actor's kind ("Hafnium" is not a place, "Twitter" no person), and names the NER
    missed ("(MSTIC)", a repeated "Cisa") become entities too."""
    ents, changed = list(doc.doc.ents), False
    for i, ent in enumerate(ents):
        aid = table.mentions.of_entity.get((ent.start, ent.end)) \
            or lookup(lex, table, core_text(doc, lex, table, ent.start, ent.end))
        want = KIND_LABELS.get(table.actors[aid]["kind"], ent.label_) if aid in table.actors else ent.label_
        if want != ent.label_:
            ents[i] = Span(doc.doc, ent.start, ent.end, label=want, kb_id=ent.kb_id, span_id=ent.id)
            changed = True
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for s, e, aid, label in table.mentions.items:
        if label in NAME_MENTION_LABELS and aid in table.actors:
            s, e = core(doc, lex, table, s, e)
            if s < e and not taken.intersection(range(s, e)) and (doc[s].is_title or doc[s].is_upper):
                ents.append(Span(doc.doc, s, e, label=KIND_LABELS.get(table.actors[aid]["kind"], label)))
                taken.update(range(s, e))
                changed = True
    return sorted(ents, key=lambda x: x.start) if changed else None
