"""Kinds from a document's context for news_actors: an organisation the lexicon does not know is a
`company` when the document treats it as one ("Ford, the carmaker", "Ford shares", "Volkswagen's
chief executive"). Runs after the names are found, before coreference, so "the company" finds it."""
from __future__ import annotations

from .lexicon import ActorLexicon
from .officials import POSSESSIVE
from .table import ActorTable, DocView

# nouns that only a company has: after the name ("Ford shares") or its possessive ("Ford's profit")
BUSINESS_NOUNS = {"shares", "stock", "shareholders", "stockholders", "ceo", "earnings", "revenue", "revenues",
                  "profit", "profits", "dividend", "subsidiary", "carmaker", "automaker"}
BUSINESS_PHRASES = {("chief", "executive"), ("chief", "financial"), ("share", "price"), ("market", "value")}


def company_kinds(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """Retype an `organisation` of no known kind as `company` on one piece of business context:
    a business noun right after its mention (a possessive between allowed), or an apposition whose
    head is a company noun of the nominals list ("Ford, the carmaker,")."""
    company_nouns = {w for w, kinds in lex.nominal_kinds.items() if kinds == {"company"}} | BUSINESS_NOUNS
    tokens = doc.tokens
    for s, e, aid, _ in table.mentions.items:
        actor = table.actors.get(aid)
        if actor is None or actor["kind"] != "organisation" or aid in lex.actors or actor.get("part_of"):
            continue
        i = e + 1 if e < len(tokens) and tokens[e].text in POSSESSIVE else e
        if i < len(tokens) and (tokens[i].lower_ in BUSINESS_NOUNS or (
                i + 1 < len(tokens) and (tokens[i].lower_, tokens[i + 1].lower_) in BUSINESS_PHRASES)):
            actor["kind"] = "company"
            continue
        root = doc[s:e].root
        if any(c.dep_ == "appos" and c.lemma_.lower() in company_nouns and c.pos_ == "NOUN" for c in root.rights):
            actor["kind"] = "company"
