"""Word sense of the typed cue verbs, for news_claims: a cue counts only in its accusing or denying
sense. "charge" accuses only a party charged with or of something ("was charged with fraud", "charged
that ..."), never a battery or a fee; "attack", "slam", "blast" accuse a person, or with a reason
("for ...", "as ...", a that-clause), and "slam", "blast" a named body too ("slammed Ford"); "deny", "reject", "dismiss", "dispute" deny a claim, not
"yourself" a dessert, not someone "as a mediator", and nothing in a hypothetical ("if they wanted to
dispute it"). The word lists are data (cue_senses.json, accusation_verbs.jsonl)."""
from __future__ import annotations

import logging

from spacy.tokens import Token

from ..extensions import mention_in
from .lexicon import Lexicon
from .syntax import CLAUSE, NEG, OBJ, PASS_SUBJ, child, named_apposition, prep_object, subject_of

LOGGER = logging.getLogger(__name__)

PARTY_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
PERSON_PRONOUNS = {"he", "him", "she", "her", "they", "them", "we", "us", "i", "me", "who", "whom"}
REASON_PREPS = {"for", "as", "over"}
UP_TO_CLAUSE = {"xcomp", "conj", "aux", "ccomp"}


def mention_label(tok: Token) -> str | None:
    mention = mention_in(tok.doc, tok.idx, tok.idx + len(tok.text))
    return mention["label"] if mention else None


def is_party(tok: Token, lex: Lexicon, proper: bool = True) -> bool:
    """A token that names a party: an actor mention, a proper noun, a named person, body or state, a
    personal pronoun, or a party noun ("the company", "prosecutors"); a proper noun unless `proper` is
    False (products are proper nouns too: "charging an Apple Watch with a pad")."""
    return ((proper and tok.pos_ == "PROPN") or tok.ent_type_ in PARTY_ENTS or mention_label(tok) is not None or tok.lower_ in PERSON_PRONOUNS
            or tok.lemma_.lower() in lex.party_nouns)


def is_person(tok: Token) -> bool:
    return (tok.ent_type_ == "PERSON" or mention_label(tok) == "PERSON"
            or tok.lower_ in ("he", "him", "she", "her"))


def hypothetical(verb: Token, lex: Lexicon) -> bool:
    """The verb, or the clause it is part of, is the condition of an "if" / "unless" / "whether", or
    one said by inversion ("Should X accuse Y, ...")."""
    v = verb
    for _ in range(5):
        if any(c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks for c in v.children) or inverted_condition(v):
            return True
        if v.dep_ not in UP_TO_CLAUSE or v.head.i == v.i:
            return False
        v = v.head
    return False


def modal(verb: Token, lex: Lexicon) -> bool:
    """The verb is under a modal ("could attack", "will face"): said as possible, not as done."""
    return any(c.dep_ == "aux" and c.lower_ in lex.reproach.get("modals", ()) for c in verb.children)


INVERTING_AUX = {"should", "had", "were"}


def inverted_condition(verb: Token) -> bool:
    """"Should the Kremlin accuse NATO, ...", "Had Germany condemned Russia, ...": a condition said by
    putting the auxiliary first, in a clause before its main one (a question is "?"-ended, elsewhere)."""
    first = verb.doc[verb.left_edge.i]
    return (verb.dep_ in ("advcl", "ccomp") and verb.head.i > verb.i and first.dep_ == "aux"
            and first.head.i == verb.i and first.lower_ in INVERTING_AUX
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in verb.children))


def has_prep(verb: Token, preps: set[str]) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in preps for c in verb.children)


def accused_token(verb: Token) -> Token | None:
    """The accused of an accusation verb: the subject of a passive, else the object."""
    voice, subj = subject_of(verb)
    if voice == "passive" and subj is not None and subj.dep_ in PASS_SUBJ:
        return subj
    return next((c for c in verb.children if c.dep_ in OBJ), None)


def accusing_sense(verb: Token, lex: Lexicon) -> bool | None:
    """True when an accusation verb accuses here; False when it is a verb of the accusing lexicon
    in another sense that still may report (a statement: "attacked the rules"); None when it is no
    claim at all ("charging a phone", "if they accuse ...")."""
    if hypothetical(verb, lex):
        return None
    frame = lex.accuse_frames.get(verb.lemma_.lower(), {})
    if not lex.has_particle(verb):
        return None
    sense = frame.get("sense")
    accused = accused_token(verb) or (prep_object(verb, frame["prep"]) if frame.get("prep") else None)  # "railed against X"
    if sense == "legal":
        if any(c.dep_ in CLAUSE for c in verb.children) and subject_of(verb)[0] == "active":
            return True  # "prosecutors charged that ..."
        voice, subj = subject_of(verb)
        charger = subj is not None and is_party(subj, lex)  # not "for charging a phone with ...", not "you"
        charged_with = has_prep(verb, {"with"}) or has_prep(verb, {"of"})
        if not charged_with or accused is None or accused.lower_ in ("it", "this", "that"):
            return None
        # a party charged, or anyone charged by a party ("prosecutors charged the mayor with fraud")
        return True if is_party(accused, lex, proper=False) or (charger and voice == "active") else None
    if sense == "verbal":
        if physical(verb, accused, lex):
            return None  # "attacked X with a flurry of punches": blows, no words
        if has_prep(verb, REASON_PREPS) or any(c.dep_ in CLAUSE for c in verb.children):
            return True
        return accused is not None and (is_person(accused) or reciprocal_object(accused) or any(
            c.dep_ == "poss" and (is_person(c) or reciprocal_object(c) or body_act(verb, accused, c, lex))
            for c in accused.children) or (bool(frame.get("bodies")) and named_body(verb, accused)))
    return True


def physical(verb: Token, accused: Token | None, lex: Lexicon) -> bool:
    """"attacked X with a flurry of punches", "attacked the protesters with tear gas": the verb's or
    its object's "with" names a blow or a weapon (physical_means), itself or what it is a quantity of;
    or the object is someone's body part ("attacked Felix Brandt's body from the opening bell")."""
    if accused is not None and accused.lower_ in lex.body_parts and any(c.dep_ == "poss" for c in accused.children):
        return True
    holders = (verb,) if accused is None else (verb, accused)
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"):
        means = next((c for c in prep.children if c.dep_ == "pobj"), None)
        for _ in range(2):
            if means is None:
                break
            compound = next((c for c in means.children if c.dep_ == "compound" and c.i == means.i - 1), None)
            if means.lemma_.lower() in lex.physical_means or means.lower_ in lex.physical_means or (
                    compound is not None and f"{compound.lower_} {means.lower_}" in lex.physical_means):
                return True
            of = next((c for c in means.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            means = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return False


def body_act(verb: Token, accused: Token, owner: Token, lex: Lexicon) -> bool:
    """"attacked the Federal Reserve's interest rate policy": an act (act_nouns) of a named body."""
    return accused.lemma_.lower() in lex.reproach.get("act_nouns", ()) and named_body(verb, owner)


BODY_LABELS = {"ORG", "GPE", "NORP"}


def named_body(verb: Token, accused: Token) -> bool:
    """"slammed Orbital Networks", "blasted the Federal Reserve": the object names a company, party,
    body or state; never beside a figure ("blasted PSV 5-0", "slammed five goals past Ajax")."""
    if accused.pos_ != "PROPN" or not (accused.ent_type_ in BODY_LABELS or mention_label(accused) in BODY_LABELS):
        return False
    return not any(t.like_num or t.pos_ == "NUM" for t in (*verb.children, *accused.subtree))


def reciprocal_object(tok: Token) -> bool:
    """"each other", "one another" ("attacked each other's plans": the parties of the subject)."""
    return tok.lower_ in ("other", "another") and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("each", "one")


def possessor_party(tok: Token, lex: Lexicon) -> Token | None:
    """"criticised Trump's decision": the party whose act is criticised, when the object is no party
    (nor a person: "attacked her challenger, Mark Ellison", "accusing X's former chairman of"; nor
    the subject's own: "scolded her own star forward")."""
    if is_party(tok, lex) or tok.lemma_.lower() in lex.people_nouns or named_apposition(tok) is not None \
            or any(c.dep_ == "amod" and c.lower_ == "own" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "poss" and is_party(c, lex)), None)


def denying_sense(verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """A denial verb denies here: no hypothetical, no reflexive object ("deny yourself"), and no
    "rejected X as Y" of a thing that is no claim ("rejected the US as a mediator", "dismissed the
    scan as normal"; "dismissed the claims as baseless" denies)."""
    if hypothetical(verb, lex):
        return False
    if any(c.dep_ in ("dobj", "dative", "iobj") and c.lower_ in lex.reflexive_objects for c in verb.children):
        return False
    if obj is not None and has_prep(verb, {"as"}) and obj.lemma_.lower() not in lex.claim_nouns \
            and obj.pos_ != "PRON":
        return False
    return not (verb.lemma_.lower() in WITHHOLDING and withheld(verb, lex))


WITHHOLDING = {"deny"}  # the denial verbs that also mean "refuse to give" ("denied him bail")


def withheld(verb: Token, lex: Lexicon) -> bool:
    """"denied him a hearing", "was denied bail", "denied the status to the workers": a thing refused
    to someone, no claim denied; its frame has a receiver: a second object, the object a passive
    keeps, or a "to" party."""
    objs = [c for c in verb.children if c.dep_ in OBJ | {"dative"}]
    if any(o.lemma_.lower() in lex.claim_nouns for o in objs):
        return False  # "denied the allegations to the court": a claim denied
    if len(objs) >= 2:
        return True
    voice, subj = subject_of(verb)
    if voice == "passive" and objs and subj is not None and subj.dep_ in PASS_SUBJ:
        return True
    to = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i > verb.i), None)
    receiver = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return bool(objs) and receiver is not None and is_party(receiver, lex, proper=True)


def rebutted_claim(head: Token, lex: Lexicon) -> Token | None:
    """"the allegations are false", "these claims are a sham": the claim noun a clause calls false, or None."""
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lemma_.lower() not in lex.claim_nouns:
        return None
    said = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")] + ([head] if head.tag_ == "VBN" else [])
    if any(t.lemma_.lower() in lex.rebuttal_words or t.lower_ in lex.rebuttal_words for t in said):
        return subj
    return None


CALLING_VERBS = {"call", "label", "brand", "describe"}  # "called the accusations baseless"


def called_false(verb: Token, lex: Lexicon) -> Token | None:
    """"X called Y's accusations baseless", "branded the claims a hoax": the claim noun a calling
    verb's object says is false, or None."""
    obj = child(verb, {"dobj"})
    if verb.lemma_.lower() not in CALLING_VERBS or obj is None or obj.lemma_.lower() not in lex.claim_nouns:
        return None
    said = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.i > obj.i]
    said += [c for c in obj.children if c.dep_ == "appos"]  # "called the claims a hoax", parsed as an apposition
    if any(t.lemma_.lower() in lex.rebuttal_words or t.lower_ in lex.rebuttal_words for t in said) \
            and not any(c.dep_ in NEG for c in verb.children):
        return obj
    return None


def not_guilty_plea(verb: Token, lex: Lexicon) -> bool:
    """"pleaded not guilty": a denial of the charges."""
    if verb.lemma_.lower() not in lex.plea_verbs:
        return False
    return any(t.lower_ == "guilty" and any(n.dep_ == "neg" or n.lower_ == "not" for n in (*t.children, *t.lefts))
               for t in verb.subtree) or any(t.lower_ == "not" for t in verb.doc[verb.i + 1:verb.i + 2])
