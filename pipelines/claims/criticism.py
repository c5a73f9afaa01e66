"""Criticism said with a noun, for news_claims: "X's criticism of Y", "the condemnation of Y by X"
(X accuses Y), "Y's accusers, among them X" (X accuses Y); and the party a governing noun stands
for as the accused ("rebuked the administration of Governor Y" -> Y, "denounced the government of
Belarus" -> Belarus). The words are data (`criticism` in claim_nouns.json). A criticism of a thing
with no party named ("criticism of the budget"), without a named critic ("the plan drew
criticism" is censure.py's), in a question or a condition makes none."""
from __future__ import annotations

import logging
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .draft import Draft, make_draft, token_cue
from .lexicon import Lexicon
from .quotes import Quote
from .senses import hypothetical, is_party, named_apposition, possessor_party
from .sources import accusation_party, party
from .spans import having
from .syntax import OBJ, POBJ, VERB_POS, accused_np, child, phrase

LOGGER = logging.getLogger(__name__)

TARGET_PREPS = ("of", "against")
ATTACK_PREPS = ("on", "at", "against")  # "a scathing attack on Y", "a swipe at Y", "a tirade against Y"
GOVERNED_PREPS = ("of", "in")


def criticism_noun_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"Amnesty's criticism of Qatar", "the criticism of Y by X", "his condemnation of Y": an
    accusation of the party criticised (or the owner of the act: "criticism of Trump's decision")
    by the noun's owner or its "by"/"from" party."""
    words = lex.criticism
    attacks = set(words.get("attack_nouns", ()))
    for noun in having(doc, lemma=(*words.get("nouns", ()), *attacks)):
        if noun.pos_ != "NOUN":
            continue
        if noun.dep_ in OBJ and noun.head.lemma_.lower() in lex.censure_verbs or noun.head.lower_ == "under":
            continue  # "drew criticism from X", "under fire": the censure of its bearer (censure_claims)
        attack = noun.lemma_.lower() in attacks
        if attack and noun.lemma_.lower() in words.get("attack_modified", ()) and not verbally(noun, words):
            continue  # "the attack on the base": blows; "a scathing attack on Y": words
        critic = accusation_party(noun)
        if critic is not None and not is_party(critic, lex):
            critic = named_apposition(critic)  # "by the state's attorney general, Bernard Ocampo": Ocampo
        preps = ATTACK_PREPS if attack else TARGET_PREPS
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps), None)
        criticised = child(prep, POBJ) if prep is not None else None
        if critic is None or criticised is None or not is_party(critic, lex) or unasked(noun, lex):
            continue
        if not is_party(criticised, lex):
            criticised = possessor_party(criticised, lex)  # "criticism of Trump's decision": Trump
            if criticised is None:
                continue
        source = party(doc, *phrase(critic))
        # what is criticised, without its preposition ("criticism of Trump": Trump, as annotated)
        c = make_draft(doc, "accusation", token_cue(doc, noun), (prep.i + 1, noun.right_edge.i + 1), source,
                       party(doc, *accused_np(criticised)), lex)
        if c:
            yield c


def verbally(noun: Token, words: dict) -> bool:
    """An attack said in words: one of the verbal modifiers before it ("a scathing attack", "a
    thinly veiled attack")."""
    mods = {c.lower_ for c in noun.lefts if c.dep_ in ("amod", "compound")}
    phrases = {f"{c.lower_} {noun.doc[c.i + 1].lower_}" for c in noun.lefts if c.dep_ == "advmod"}
    return bool((mods | phrases | {m.replace("-", " ") for m in mods}) & set(words.get("verbal_modifiers", ())))


def accuser_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    """"Y's accusers, among them X", "one of Y's accusers, X", "sued its accusers, the fund X",
    "Among the accusers of Y is X": each accuser named beside the noun accuses its owner."""
    for noun in having(doc, lemma=lex.criticism.get("accuser_nouns", ())):
        if noun.pos_ != "NOUN":
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss" and is_party(c, lex)), None)
        of = next((child(c, POBJ) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if owner is None and of is not None and (is_party(of, lex) or named_apposition(of) is not None):
            owner = of  # "the accusers of the former trader Oliver Grant"
        if owner is None or unasked(noun, lex):
            continue
        for accuser in named_beside(noun, lex) + among_them(noun, lex):
            c = make_draft(doc, "accusation", token_cue(doc, noun), (noun.left_edge.i, noun.i + 1),
                           party(doc, *accused_np(accuser)), party(doc, *accused_np(owner)), lex)
            if c:
                yield c


def named_beside(noun: Token, lex: Lexicon) -> list[Token]:
    """The named parties an apposition or "including" / "among" puts beside a noun ("his accusers,
    among them the model X" -> X; "one of her accusers, X" -> X)."""
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.like_num or (
            noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one"):
        holders.append(noun.head.head)  # "one of Y's accusers, X"
    found = []
    for h in holders:
        for c in h.children:
            if c.dep_ == "appos":
                named = c if c.pos_ == "PROPN" else next((a for a in c.children if a.dep_ == "appos"
                                                          and a.pos_ == "PROPN"), None)
                if named is not None and is_party(named, lex):
                    found.append(named)
            elif c.dep_ == "prep" and c.lower_ in lex.criticism.get("member_preps", ()):
                named = child(c, POBJ)
                if named is not None and named.pos_ == "PROPN" and is_party(named, lex):
                    found.append(named)
    return found


def among_them(noun: Token, lex: Lexicon) -> list[Token]:
    """The named parties a copula puts among the accusers: "Among the accusers of Y is X" (or "the
    firm's compliance chief, X"), X; "are A and B", both."""
    be = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "among" else None
    if be is None or be.lemma_ != "be":
        return []
    other = next((c for c in be.children if c.dep_ in ("attr", "nsubj") and c.i != noun.head.i), None)
    if other is None:
        return []
    named = [t if t.pos_ == "PROPN" else named_apposition(t) for t in (other, *other.conjuncts)]
    return [t for t in named if t is not None and is_party(t, lex)]  # "are the union and a former manager, X"


def governed_party(tok: Token, lex: Lexicon) -> Token | None:
    """"the administration of Governor Y", "the military junta in Myanmar", "the coup leaders in Niger": the party a governing
    noun stands for, when a preposition names it; else None."""
    nouns = lex.criticism.get("governing_nouns", ())
    if tok.lemma_.lower() not in nouns and not any(
            c.dep_ in ("compound", "amod") and f"{c.lemma_.lower()} {tok.lemma_.lower()}" in nouns for c in tok.children):
        return None  # "the junta", "the coup leaders"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in GOVERNED_PREPS and c.i > tok.i:
            pobj = child(c, POBJ)
            if pobj is not None and pobj.pos_ == "PROPN" and is_party(pobj, lex):
                return pobj
    return None


def unasked(noun: Token, lex: Lexicon) -> bool:
    """A noun in a question or under a condition ("if X's criticism of Y grows") says no criticism."""
    if noun.sent.text.rstrip().endswith("?"):
        return True
    head = noun.head
    while head.pos_ not in VERB_POS and head.head.i != head.i:
        head = head.head
    return head.pos_ in VERB_POS and hypothetical(head, lex)
