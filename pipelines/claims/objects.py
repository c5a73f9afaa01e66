"""Lexicon verbs whose content is their object, for news_claims: "X unveiled a proposal", "X offered
some pointed advice to Y", "X backed Clinton", "X voted for the bill", "X attacked the rules".

A verb of the cue lexicon that the verb structures left without a claim (it has no clause, no
infinitive and no object the report structure takes as content) is a candidate once per frame: its
direct object with what follows the object and says something of it ("painted him as a liar",
"linked the leak to the campaign"; the object predicates of syntax.OBJECT_PREDICATE), or the object
of one of its prepositions ("voted for the bill", "spoke against the deal"). Annotators count such
objects unevenly ("praised the decision" is a claim, "held a rally", "signed the bill" are acts), so
the rules only propose: the tail-cue classifier (tail_cues.py, kind "object", trained on PolNeAR
train by scripts/build_cues.py) decides, from the verb's lemma and frame and the object's form, which
candidate of a verb is its claim, if any.

An accusation verb takes part only in a sense the sense rules say is no accusation ("attacked the
rules"): an accusation's object is its target, and accusation() makes those. Denial and attribution
verbs do not: the sense rules that leave them without a claim ("denied him entry") mean no claim.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .content import LIGHT_VERBS, content_of, noun_complement
from .draft import Cue, Range, token_cue
from .lexicon import Lexicon
from .senses import accusing_sense, is_party
from .sources import source_of
from .structures import imperative
from .syntax import OBJ, OBJECT_PREDICATE, PREP_OBJ, REL_PRON, SUBJ, TIME_ENTS, child, subject_of

# the prepositions whose object can be what a verb reports ("voted for", "spoke against", "saw X as Y")
OBJECT_PREPS = {"of", "about", "on", "over", "against", "for", "into", "with", "to", "in", "at", "toward",
                "towards", "as"}


def object_frames(verb: Token) -> Iterator[tuple[str, tuple[int, int]]]:
    """(frame, token range) of every complement of `verb` after it that can be its content: "obj"
    (the direct object and the object predicates after it, not a time: "offered advice to X on
    Friday") or a preposition ("for", "against", ...) whose object is not a time."""
    for c in verb.children:
        if c.i <= verb.i:
            continue
        if c.dep_ in OBJ:
            end = max([c.right_edge.i] + [x.right_edge.i for x in verb.children
                                          if x.i > c.i and x.dep_ in OBJECT_PREDICATE and not is_time(x)]) + 1
            yield "obj", (c.left_edge.i, end)
        elif c.dep_ == "prep" and c.lower_ in OBJECT_PREPS and not is_time(c):
            pobj = child(c, PREP_OBJ)
            if pobj is not None:
                yield c.lower_, (pobj.left_edge.i, pobj.right_edge.i + 1)


def told_by_object(doc: Doc, verb: Token, frame: str, rng: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """The content of an object claim: what its object says when the object is a statement or an
    attitude with a complement ("released a statement saying X", "published a report detailing X",
    "rejected the notion that X": X, content.noun_complement), else the object frame itself."""
    obj = child(verb, OBJ) if frame == "obj" else None
    told = noun_complement(obj, lex) if obj is not None and obj.i < rng[1] and says(obj, lex) else None
    return told if told is not None and rng[0] <= told[0] else rng


def says(obj: Token, lex: Lexicon) -> bool:
    """An object that says something itself: a thing that is no party with a report verb whose
    speaker it is ("a statement saying X", "data that suggest X"); not a clause with its own speaker
    ("an agenda they call crucial"), nor an infinitive ("decisions not to recommend"), nor a
    that-clause ("welcomed the announcement that X": measured on PolNeAR train, the noun is annotated
    with it; content.LIGHT_VERBS take an attitude's that-clause alone)."""
    for c in obj.rights:
        if c.dep_ not in ("acl", "relcl", "ccomp"):
            continue
        if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return obj.head.lemma_.lower() in LIGHT_VERBS
        if is_party(obj, lex) or lex.kind(c) != "report":
            return False
        subj = child(c, SUBJ)
        return (c.dep_ == "acl" and c.tag_ == "VBG" and subj is None) or (
            c.dep_ == "relcl" and subj is not None and subj.lower_ in REL_PRON)
    return False


def is_time(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("on Friday", "in 2012")."""
    pobj = child(prep, PREP_OBJ) if prep.dep_ == "prep" else None
    return pobj is not None and pobj.ent_type_ in TIME_ENTS


def takes_object_claim(verb: Token, lex: Lexicon) -> bool:
    """A lexicon verb that reports with its object when the verb structures gave it no claim: a report
    verb with no content of its own (not an imperative, not under a refusal: "declined to discuss
    the case"), or an accusation verb in a sense that accuses no one."""
    kind = lex.kind(verb)
    if kind in (None, "according", "deny", "attribute") or verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl"):
        return False
    if kind == "accuse" and accusing_sense(verb, lex) is not False:
        return False  # an accusation (accusation() takes its object as the target) or no claim at all
    if kind != "accuse" and verb.lemma_.lower() not in lex.report:
        return False  # "hold" without "responsible"
    if imperative(verb) or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.refusal:
        return False
    return content_of(verb, lex) is None


def object_claims_of(doc: Doc, verb: Token, lex: Lexicon) -> Iterator[tuple[str, Cue, tuple[int, int], Range | None]]:
    """(frame, cue, content token range, source) of every frame of a lexicon verb that takes an
    object claim and has an active subject (the source); tail_cues makes them candidates of kind "object"."""
    if not takes_object_claim(verb, lex):
        return
    voice, subj = subject_of(verb)
    if voice != "active" or subj is None:
        return
    frames = list(object_frames(verb))
    if frames:
        cue, source = token_cue(doc, verb), source_of(verb)
        for frame, rng in frames:
            yield frame, cue, rng, source
