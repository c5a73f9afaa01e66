"""Places for news_actors: a state's demonym before a government or group noun ("the Chinese
government" -> china, "Iranian hackers" -> a group from Iran). Capitals and state names acting as
their state ("Beijing has rejected") are metonyms, resolved where names are looked up (lookup.py)."""
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
