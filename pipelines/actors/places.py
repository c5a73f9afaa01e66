"""Places for news_actors: a state's demonym before a government or group noun ("the Chinese
government" -> china, "Iranian hackers" -> a group from Iran). Capitals and state names acting as
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
