"""Concerns raised about a party, for news_claims: "X raised questions about the judgment of Y",
"X voiced concerns that officials are hiding figures", "critics cried foul", "X questioned the FAA's
oversight": an accusation of the party the concern is about, by the one who raises it. A concern
about a thing with no party named ("raised concerns about the economy", "questioned the wisdom of
the plan") is no accusation, and makes no claim here.

A generator of drafts over a parsed Doc, as in structures.py; the words are data (reproach.json:
"concern_verbs", "concern_nouns", "concern_preps", "foul_verbs", "doubting_verbs")."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .draft import Draft, make_draft, token_cue
from .lexicon import Lexicon
from .quotes import Quote
from .senses import hypothetical, is_party
from .sources import party, source_of
from .spans import having
from .syntax import EXPL, NEG, OBJ, POBJ, PREP_OBJ, VERB_POS, child, phrase, subject_of


def concern_claims(doc: Doc, lex: Lexicon, quotes: list[Quote]) -> Iterator[Draft]:
    words = lex.reproach
    for verb in having(doc, lemma=(*words.get("concern_verbs", ()), *words.get("foul_verbs", ()),
                                   *words.get("doubting_verbs", ()))):
        lemma = verb.lemma_.lower()
        if verb.pos_ not in VERB_POS or hypothetical(verb, lex) or any(c.dep_ in NEG for c in verb.children):
            continue
        foul = next((c for c in verb.children if c.lower_ == "foul" and c.i == verb.i + 1), None)
        noun = child(verb, OBJ)
        if noun is None and foul is None:
            continue
        source = source_of(verb)
        voice, subj = subject_of(verb)
        if source is None or voice != "active" or not is_party(subj, lex):
            continue  # "the findings raised questions about X": the findings say nothing
        if lemma in words.get("foul_verbs", ()) and foul is not None:
            c = make_draft(doc, "accusation", token_cue(doc, verb), (verb.i, foul.i + 1), source, None, lex)
            if c:
                yield c  # "critics cried foul"
            continue
        if noun is not None and lemma in words.get("doubting_verbs", ()):
            owner = questioned_owner(noun, lex)  # "questioned the FAA's oversight of Boeing": the FAA
            c = make_draft(doc, "accusation", token_cue(doc, verb), phrase(noun), source, party(doc, *phrase(owner)),
                           lex) if owner is not None else None
            if c:
                yield c
            continue
        if noun is None or lemma not in words.get("concern_verbs", ()) \
                or noun.lemma_.lower() not in words.get("concern_nouns", ()):
            continue
        found = concerned_party(noun, lex) or concerned_party(verb, lex)  # "voiced concerns that ...": the verb's clause
        if found is None:
            continue
        target, rng = found
        c = make_draft(doc, "accusation", token_cue(doc, verb), rng, source, party(doc, *phrase(target)), lex)
        if c:
            yield c


def concerned_party(noun: Token, lex: Lexicon) -> tuple[Token, tuple[int, int]] | None:
    """(party, content range) of a concern noun: the party of its "about / over / at" object (the
    object itself, its owner, or its "of" party: "the judgment of another witness"), or the party
    subject of its that-clause."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in lex.reproach.get("concern_preps", ()) and noun.pos_ == "NOUN":
            pobj = child(c, PREP_OBJ)
            if pobj is None:
                continue
            rng = (pobj.left_edge.i, pobj.right_edge.i + 1)
            if is_party(pobj, lex) and pobj.pos_ != "PRON":
                return pobj, rng
            owner = act_owner(pobj, lex)
            if owner is not None:
                return owner, rng
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            if _only_possible(c, lex):
                continue
            voice, subj = subject_of(c)
            if subj is not None and subj.dep_ not in EXPL and is_party(subj, lex) and subj.pos_ != "PRON":
                return subj, (c.left_edge.i, c.right_edge.i + 1)
    return None


def act_owner(noun: Token, lex: Lexicon) -> Token | None:
    """The named party whose act or quality a noun is: its owner ("the FAA's oversight"), its "of"
    party ("the judgment of another witness, X"), a gerund's subject ("Smith possibly leaking");
    never a pronoun (whose it is the parse does not say)."""
    owner = next((g for g in noun.children if g.dep_ == "poss" and is_party(g, lex)), None)
    if owner is None:
        of = next((child(g, POBJ) for g in noun.children if g.dep_ == "prep" and g.lower_ == "of"), None)
        owner = of if of is not None and (is_party(of, lex) or named_in_apposition(of, lex)) else None
    if owner is None:
        owner = next((g for g in noun.children if g.dep_ in ("nsubj", "poss") and is_party(g, lex)), None)
    return owner if owner is not None and owner.pos_ != "PRON" else None


def questioned_owner(noun: Token, lex: Lexicon) -> Token | None:
    """Whose act a doubting verb's object is ("questioned the agency's oversight", "questioned the
    judgment of the minister"), or None: not a party or a person questioned ("police questioned
    the suspect", "questioned his son"), not a thing of no one ("questioned the wisdom of the plan")."""
    if noun.pos_ != "NOUN" or is_party(noun, lex) or noun.lemma_.lower() in lex.people_nouns:
        return None
    return act_owner(noun, lex)


def _only_possible(verb: Token, lex: Lexicon) -> bool:
    """"concern that X may become president": a worry about what may happen, no wrongdoing said
    ("concerns that officials may be hiding figures" still accuse)."""
    return any(c.dep_ == "aux" and c.lower_ in lex.reproach.get("modals", ()) for c in verb.children) \
        and verb.lemma_.lower() not in lex.wrongdoing


def named_in_apposition(tok: Token, lex: Lexicon) -> bool:
    """"another witness, Alexander Vindman": a description whose apposition names the party."""
    return any(c.dep_ == "appos" and is_party(c, lex) for c in tok.children)
