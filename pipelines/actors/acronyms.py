"""Acronyms for news_actors: "The Microsoft Threat Intelligence Center (MSTIC)" makes the acronym
an alias of the actor its long form names (new when the lexicon does not know it)."""
from __future__ import annotations

import re

from ..names import norm, slug
from .lexicon import ActorLexicon
from .lookup import new_actor
from .table import ActorTable, DocView, add_actor, core, lookup, merge_into

ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z]{1,7}|[A-Z]{2,8}\d?)$")
FILLERS = {"and", "of", "for", "the"}  # words of a long form that may give no letter
MAX_LONG_FORM = 10  # tokens


def acronyms(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """ "The Microsoft Threat Intelligence Center (MSTIC)": the acronym names the same actor."""
    mentions = table.mentions
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not ACRONYM.match(doc[i + 1].text):
            continue
        acro = doc[i + 1].text
        start = long_form(doc, i, acro)
        if start is None:
            continue
        label = doc[i - 1].ent_type_ or "ORG"
        s, e = core(doc, lex, table, start, i)
        known = lookup(lex, table, doc.span_text(s, e))
        if known is None and e - s > 1 and norm(doc[s].text) in lex.demonyms:
            known = lookup(lex, table, doc.span_text(s + 1, e))
        if known is None:
            table.aliases[norm(doc.span_text(s, e))] = slug(acro)
            parent = new_actor(doc, lex, table, s, e, doc.span_text(s, e), label, start, i)
            if parent is None:
                continue
            actor = table.actors.pop(parent)
            actor["id"] = slug(acro)
            table.actors[slug(acro)] = actor
            known = slug(acro)
        else:
            known = add_actor(lex, table, known, doc.span_text(s, e), "organisation")
        table.aliases[norm(acro)] = known
        table.aliases[norm(doc.span_text(s, e))] = known
        m_start = start - 1 if start > 0 and norm(doc[start - 1].text) in lex.demonyms else start
        if m_start > 0 and doc[m_start - 1].lower_ == "the":
            m_start -= 1
        mentions.add(m_start, i, known, label)
        mentions.add(i + 1, i + 2, known, label)
        mentions.consumed.update(range(m_start, i + 3))
        if acro not in table.actors[known]["aliases"] and acro != table.actors[known]["name"]:
            table.actors[known]["aliases"].append(acro)


def long_form(doc: DocView, paren: int, acro: str) -> int | None:
    """Start of the name before "(" whose initials spell `acro` (words may give several
    letters: Microsoft -> MS; "and", "of", "the" may give none)."""
    letters = acro.upper()
    start = paren
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper or doc[start - 1].lower_ in FILLERS) \
            and paren - start < MAX_LONG_FORM and not doc[start - 1].is_punct:
        start -= 1
        words = [t.text for t in doc[start:paren] if t.lower_ not in FILLERS]
        if words and spells(letters, [w.upper() for w in words]):
            return start
    return None


def spells(letters: str, words: list[str]) -> bool:
    """Can `letters` be cut into pieces, one per word in order, each the word's first letter and
    then letters found later in that word ("MS" from MICROSOFT, "C" from CENTER)?"""
    if not words:
        return not letters
    word = words[0]
    if not letters or letters[0] != word[0]:
        return False
    k, pos = 1, 1
    while True:
        if spells(letters[k:], words[1:]):
            return True
        if k >= len(letters):
            return False
        pos = word.find(letters[k], pos) + 1
        if pos == 0:
            return False
        k += 1


ABBREVIATION = re.compile(r"^[A-Z]{2,5}$")
ORG_KINDS = {"organisation", "company", "government_body", "media"}


def abbreviations(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """An abbreviation the lexicon does not know names the one organisation of the document whose
    name it spells, defined or not: "VW" is Volkswagen, "DEA" the Drug Enforcement Administration
    (`spells`: each word gives its first letter and maybe later ones). Two such names: no guess."""
    for aid, actor in list(table.actors.items()):
        name = actor["name"]
        if not ABBREVIATION.match(name) or aid in lex.actors or actor["kind"] not in ORG_KINDS:
            continue
        found = [other for oid, other in table.actors.items() if oid != aid and other["kind"] in ORG_KINDS
                 and not other["name"].isupper() and not other["name"].upper().startswith(name)
                 and spells(name, [w.upper() for w in other["name"].split() if w.lower() not in FILLERS])]
        if len(found) == 1:
            merge_into(table, aid, found[0]["id"])
