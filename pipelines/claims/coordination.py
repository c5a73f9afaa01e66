"""One typed claim per party, for news_claims: "Egypt and Jordan criticised the plan" is an
accusation by Egypt and one by Jordan; "accused the UK and the US of meddling" one of each; "A and B
attacked each other's plans" an accusation of B by A and one of A by B.

A stage after duplicates are resolved (each copy shares its cue and content, so resolving first
keeps them all). Only typed claims are split, and only a coordination of parties (names, party
nouns, pronouns): "the corruption and the greed" is no pair of actors; a statement keeps its one
source span, as the PolNeAR annotation does."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from .draft import Draft, Range
from .lexicon import Lexicon
from .senses import is_party, named_apposition
from .sources import party
from .spans import text_of

RECIPROCALS = ("each other", "one another")
MAX_PARTIES = 4


def split_parties(doc: Doc, drafts: Iterable[Draft], lex: Lexicon) -> tuple[Draft, ...]:
    """The drafts with each typed claim whose source or target is a coordination of parties made
    one claim per party (source by target), in place of the one."""
    out = []
    for d in drafts:
        if d.type == "statement":
            out.append(d)
            continue
        sources = [*(conjuncts(doc, d.source, lex) or [d.source]), *d.co_sources]
        d = replace(d, co_sources=())
        if d.target is not None and reciprocal(doc, d.target) and len(sources) == 2:
            out += [replace(d, source=sources[0], target=sources[1]), replace(d, source=sources[1], target=sources[0])]
            continue
        targets = conjuncts(doc, d.target, lex) or [d.target]
        out += [replace(d, source=s, target=t) for s in sources for t in targets]
    return tuple(out)


def reciprocal(doc: Doc, rng: Range) -> bool:
    """"each other", "each other's policies" (the accused is the other of the two)."""
    words = " ".join(text_of(doc)[rng[0]:rng[1]].lower().split())
    return any(words.startswith(r) or f" {r}" in words for r in RECIPROCALS)


def same_form(tok, head) -> bool:
    """Two conjuncts of one form: both names or both descriptions, or a description with a name in
    apposition beside either ("the Federal Reserve and its chairman, Arthur Denholm")."""
    return (tok.pos_ == "PROPN") == (head.pos_ == "PROPN") or named_apposition(tok) is not None \
        or named_apposition(head) is not None


def conjuncts(doc: Doc, rng: Range | None, lex: Lexicon) -> list[Range] | None:
    """The parties of a coordinated party span ("the UK and the US" -> "the UK", "the US"), or None."""
    if rng is None:
        return None
    span = doc.char_span(*rng, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    head = span.root
    named = named_apposition(head)
    if named is not None and any(c.dep_ == "conj" for c in named.children):
        head = named  # "the pharmaceutical company Venorix and its lead attorney, X": the conjuncts hang on the name
    conj = [c for c in head.children if c.dep_ == "conj" and span.start <= c.i < span.end]
    # and the conjuncts of those of the same form ("Germany, France and the Netherlands"; not "Berlin,
    # Paris and other capitals")
    conj = sorted(set(conj) | {c for c in head.conjuncts if span.start <= c.i < span.end and c not in conj
                               and same_form(c, head)}, key=lambda t: t.i)
    named = {n.i: n for n in map(named_apposition, [head, *conj]) if n is not None}
    inside = {t.i for n in named.values() for t in n.subtree}
    conj = [c for c in conj if c.i not in inside]  # "its auditor, Pell & Carter": one party, not three
    if not conj or len(conj) + 1 > MAX_PARTIES:
        return None
    parties = [head, *conj]
    if not all(is_party(t, lex) or named_apposition(t) is not None for t in parties) \
            or not any(c.dep_ == "cc" for t in parties for c in t.children) or not all(same_form(t, head) for t in conj):
        return None  # "Weiner, 51, who is married to X": no "and", no pair; "Rogan, Republican of California"
    first_end = min(c.left_edge.i for c in head.children if c.dep_ in ("cc", "conj", "punct") and c.i > head.i
                    and span.start <= c.i < span.end)
    ranges = [party(doc, span.start, first_end)]
    for c in conj:
        end = min([c.right_edge.i + 1] + [g.left_edge.i for g in c.children if g.dep_ in ("cc", "conj") and g.i > c.i
                                          and g.i not in inside])
        ranges.append(party(doc, c.left_edge.i, end))
    return None if any(r is None for r in ranges) else ranges
