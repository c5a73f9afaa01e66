"""Places for news_actors: a state's demonym before a government or group noun ("the Chinese
government" -> china, "Iranian hackers" -> a group from Iran); a place's institution ("Kenya's
parliament", "the Punjab police", "Russia's Defence Ministry") -> a body of its own, part of the state,
so that an arrow to it is not drawn to the whole state and one country's ministry is not another's. Capitals and state names acting as
their state ("Beijing has rejected") are metonyms, resolved where names are looked up (lookup.py). A
state's own name the NER missed or mislabelled ("Niger" as a date) is its state (`state_names`)."""
from __future__ import annotations

from ..names import norm, slug
from .lexicon import ActorLexicon
from .table import ActorTable, DocView, add_actor


def demonym_phrases(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """ "the Chinese government" -> china; "Iranian hackers" -> a group from Iran."""
    for tok in doc.having(pos=("NOUN",)):
        if tok.i in table.mentions.covered:
            continue
        mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "nmod"} and norm(c.text) in lex.demonyms]
        if not mods or tok.i - mods[-1].i != 1:
            continue
        state = lex.demonyms[norm(mods[-1].text)]
        start = tok.left_edge.i if doc[tok.left_edge.i].lower_ == "the" else mods[0].i
        if tok.lower_ in lex.government_nouns:
            add_actor(lex, table, state, lex.actors[state]["name"], "state")
            table.mentions.add(start, tok.i + 1, state, "GPE")
        elif tok.lower_ in lex.group_nouns:
            text = doc[mods[0].i:tok.i + 1].text
            aid = add_actor(lex, table, slug(text), text, "group", country=lex.actors[state].get("country"))
            table.mentions.add(start, tok.i + 1, aid, "NORP")


PLACE_LABELS = {"GPE"}
INDEFINITE = {"a", "an", "one", "another", "any", "some", "every", "each"}
BODY_DEPS = {"compound", "amod"}


def state_bodies(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """ "Kenya's parliament", "the Japanese military", "the Punjab police", "China's foreign ministry":
    a government body named for its place, part of the state when the place is one. The place's own
    mention inside the phrase gives way to the body's; a head that modifies another noun ("police
    officers") or heads a longer name is left."""
    alone, modified = lex.state_body_nouns.get("alone", frozenset()), lex.state_body_nouns.get("modified", frozenset())
    for tok in doc.having(lower=tuple(alone | modified)):
        if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ == "compound" \
                or (tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"}) \
                or any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.lefts):
            continue  # "Tulsa police Chief X", "police officers": a modifier; "a U.S. appeals court": which one
        first = tok.i  # the body's words: the head and the modifiers right before it
        while first > 0 and doc[first - 1].dep_ in BODY_DEPS and doc[first - 1].head.i in range(first, tok.i + 1) \
                and doc[first - 1].pos_ in {"NOUN", "ADJ", "PROPN"} and not _place_word(doc, lex, table, first - 1):
            first -= 1
        if tok.lower_ in modified and first == tok.i and tok.lower_ not in alone:
            continue
        place_end = first - 1 if first > 0 and doc[first - 1].tag_ == "POS" else first
        if place_end == 0 or not _place_word(doc, lex, table, place_end - 1):
            continue
        place_start, state = _place(doc, lex, table, place_end - 1)
        if state is None and not _place_entity(doc, lex, place_end - 1):
            continue
        if any(s < place_end and e > first for s, e, _, _ in table.mentions.items):
            continue  # a name that holds both, "the US Supreme Court": the NER's or the lexicon's
        body = doc.span_text(first, tok.i + 1)
        place = lex.actors[state]["name"] if state else doc.span_text(place_start, place_end)
        start = place_start - 1 if place_start > 0 and doc[place_start - 1].lower_ == "the" else place_start
        aid = add_actor(lex, table, slug(f"{state or place} {body.lower()}"), doc.span_text(
            start + (doc[start].lower_ == "the"), tok.i + 1), "government_body", part_of=state, country=state)
        items = table.mentions.items
        items[:] = [m for m in items if not (start <= m[0] and m[1] <= tok.i + 1)]
        table.mentions.add(start, tok.i + 1, aid, "NOMINAL")  # a description: no repeat of "New York" is it


def _place_word(doc: DocView, lex: ActorLexicon, table: ActorTable, i: int) -> bool:
    """Whether token i names a place: a demonym or a state's name, a place entity, a state's mention."""
    return norm(doc[i].text) in lex.demonyms or _place_entity(doc, lex, i) or _state_mention(table, i) is not None


def _place_entity(doc: DocView, lex: ActorLexicon, i: int) -> bool:
    """A place the NER found ("Texas"), or a region it took for a people ("the Punjab police": NORP),
    not a party or a faith ("the Republican senate")."""
    t = doc[i]
    return (t.pos_ == "PROPN" and t.ent_type_ in PLACE_LABELS) or (
        t.ent_type_ == "NORP" and t.text[:1].isupper() and t.lower_ not in lex.state_body_nouns.get("not_places", ()))


def _state_mention(table: ActorTable, i: int) -> tuple[int, str] | None:
    """(start, state id) of the state's mention that covers token i, or None."""
    for s, e, aid, _ in table.mentions.items:
        if s <= i < e and table.actors.get(aid, {}).get("kind") == "state":
            return s, aid
    return None


def _place(doc: DocView, lex: ActorLexicon, table: ActorTable, last: int) -> tuple[int, str | None]:
    """Where the place ending at token `last` starts, and its state (None for a province, a city)."""
    mentioned = _state_mention(table, last)
    if mentioned is not None:
        return mentioned
    start = last
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ == doc[last].ent_type_ != "":
        start -= 1
    state = lex.demonyms.get(norm(doc.span_text(start, last + 1)))
    return start, state


# what the NER may call a state's name that it did not see as a place ("the coup leaders in Niger": DATE)
# (not a label of a longer name: "the Iraq War" is an event, "the Gulf of Mexico" a place)
MISLABELS = {"", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
MAX_STATE_WORDS = 3


def state_names(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """A state's exact name in proper nouns that no mention covers and the NER left untagged or gave a
    label of no name (a date, a number): the state. Not an ambiguous name ("Chad", "Georgia"), a given
    name ("Jordan"), nor a modifier ("the Vietnam war")."""
    for tok in doc.having(pos=("PROPN",)):
        if tok.i in table.mentions.covered or tok.ent_type_ not in MISLABELS:
            continue
        for n in range(MAX_STATE_WORDS, 0, -1):
            end = tok.i + n
            if end > len(doc.tokens) or any(t.pos_ != "PROPN" or t.ent_type_ not in MISLABELS or t.i in table.mentions.covered
                                            for t in doc.tokens[tok.i:end]):
                continue
            aid = lex.names.get(norm(doc.span_text(tok.i, end)))
            actor = lex.actors.get(aid) if aid else None
            if actor is None or actor["kind"] != "state" or actor.get("ambiguous") or (
                    n == 1 and tok.lower_ in lex.given_names) or actor["name"] != doc.span_text(tok.i, end) \
                    or doc.tokens[end - 1].dep_ == "compound":
                continue  # not "a Vietnam war veteran"
            add_actor(lex, table, aid, actor["name"], "state")
            table.mentions.add(tok.i, end, aid, "GPE")
            break
