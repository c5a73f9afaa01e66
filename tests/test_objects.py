"""Lexicon verbs whose content is their object (pipelines/claims/objects.py) on hand-built parses
(tests/parses.py): the frames the rules propose, the verbs they propose them for, and which frame the
classifier's claim takes. The model here is written out (a weight for each lemma and frame it takes),
so that the rules are tested apart from the trained weights; the sentences are our own."""
from __future__ import annotations

import pytest

from pipelines.claims import Lexicon, extract_claims
from pipelines.claims.objects import object_frames, takes_object_claim
from pipelines.claims.tail_cues import ACCEPT_ALL, scored_candidates, tail_candidates
from pipelines.lexicons import read_claim_words, read_cues

from .parses import parse

TAKEN = ("object|offer|obj", "object|unveil|obj", "object|back|obj", "object|argue|against", "object|attack|obj")
# "offered advice to X": both frames are above the threshold, the object more so
MODEL = {"threshold": 0.0, "bias": -1.0, "weights": {**{f"lf={key}": 2.0 for key in TAKEN}, "lf=object|offer|to": 1.5}}


def lexicon(model: dict) -> Lexicon:
    return Lexicon.from_data(read_cues("en"), {**read_claim_words("en"), "tail_model": model})


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return lexicon(MODEL)


def brief(claim: dict) -> tuple:
    return claim["type"], claim["source"]["text"], claim["cue"]["text"], claim["content"]["text"]


OFFERED = """
    The DT DET det 1 the
    mayor NN NOUN nsubj 2 mayor
    offered VBD VERB ROOT 2 offer
    blunt JJ ADJ amod 4 blunt
    advice NN NOUN dobj 2 advice
    to IN ADP prep 2 to
    the DT DET det 7 the
    council NN NOUN pobj 5 council
    on IN ADP prep 2 on
    Friday NNP PROPN pobj 8 Friday -
    . . PUNCT punct 2 .
"""


def test_the_object_with_what_follows_it_but_not_its_time(lex):
    doc = parse(OFFERED, ents=[(9, 10, "DATE")])
    assert list(object_frames(doc[2])) == [("obj", (3, 8)), ("to", (6, 8))]  # "on Friday" is no content
    assert [brief(c) for c in extract_claims(doc, lex)] == [
        ("statement", "The mayor", "offered", "blunt advice to the council")]


def test_a_verb_makes_one_claim_its_best_frame(lex):
    doc = parse(OFFERED, ents=[(9, 10, "DATE")])
    assert [c.frame for c in tail_candidates(doc, lex)] == ["obj", "to"]
    assert list(tail_candidates(doc, lex, cues={2})) == []  # a draft's cue is not asked again
    (claim,) = extract_claims(doc, lex)  # both frames above the threshold: one claim a cue, the better scored
    assert claim["content"]["text"] == "blunt advice to the council"
    every = extract_claims(doc, lexicon(ACCEPT_ALL))  # to train: every frame a claim
    assert sorted(c["content"]["text"] for c in every) == ["blunt advice to the council", "the council"]


def test_each_frame_knows_how_many_frames_its_verb_has(lex):
    doc = parse(OFFERED, ents=[(9, 10, "DATE")])
    found = list(scored_candidates(doc, (), lex))
    assert [(c.frame, "frames=object|2" in feats) for c, feats in found] == [("obj", True), ("to", True)]


def test_a_report_verb_with_a_name_as_its_object(lex):
    doc = parse("""
        The DT DET det 1 the
        newspaper NN NOUN nsubj 2 newspaper
        backed VBD VERB ROOT 2 back
        Clinton NNP PROPN dobj 2 Clinton -
        . . PUNCT punct 2 .
    """)
    assert [brief(c) for c in extract_claims(doc, lex)] == [("statement", "The newspaper", "backed", "Clinton")]


def test_a_prepositions_object(lex):
    doc = parse("""
        She PRP PRON nsubj 1 she
        argued VBD VERB ROOT 1 argue
        against IN ADP prep 1 against
        the DT DET det 4 the
        merger NN NOUN pobj 2 merger -
        . . PUNCT punct 1 .
    """)
    assert [brief(c) for c in extract_claims(doc, lex)] == [("statement", "She", "argued", "the merger")]


def test_an_act_the_model_does_not_take_is_no_claim(lex):
    doc = parse("""
        The DT DET det 1 the
        council NN NOUN nsubj 2 council
        released VBD VERB ROOT 2 release
        the DT DET det 4 the
        prisoners NNS NOUN dobj 2 prisoner -
        . . PUNCT punct 2 .
    """)
    assert [c.frame for c in tail_candidates(doc, lex)] == ["obj"]  # a candidate ...
    assert extract_claims(doc, lex) == []  # ... that the model leaves


def test_a_verb_outside_the_lexicon_is_no_object_candidate(lex):
    doc = parse("""
        He PRP PRON nsubj 1 he
        hit VBD VERB ROOT 1 hit
        the DT DET det 3 the
        ball NN NOUN dobj 1 ball -
        . . PUNCT punct 1 .
    """)
    assert [c.kind for c in tail_candidates(doc, lex)] == ["verb"]  # the tail verbs' own kind
    assert extract_claims(doc, lex) == []


def test_no_subject_a_passive_or_a_refusal_makes_no_candidate(lex):
    passive = parse("""
        Clinton NNP PROPN nsubjpass 2 Clinton
        was VBD AUX auxpass 2 be
        backed VBN VERB ROOT 2 back
        by IN ADP agent 2 by
        the DT DET det 5 the
        paper NN NOUN pobj 3 paper -
        . . PUNCT punct 2 .
    """)
    assert list(tail_candidates(passive, lex)) == []
    refused = parse("""
        He PRP PRON nsubj 1 he
        declined VBD VERB ROOT 1 decline
        to TO PART aux 3 to
        discuss VB VERB xcomp 1 discuss
        the DT DET det 5 the
        case NN NOUN dobj 3 case -
        . . PUNCT punct 1 .
    """)
    assert not takes_object_claim(refused[3], lex)  # nothing was discussed


def test_a_report_verb_with_a_clause_keeps_its_clause(lex):
    doc = parse("""
        France NNP PROPN nsubj 1 France
        offered VBD VERB ROOT 1 offer
        that IN SCONJ mark 4 that
        Smith NNP PROPN nsubj 4 Smith
        leave VB VERB ccomp 1 leave -
        . . PUNCT punct 1 .
    """)
    assert not takes_object_claim(doc[1], lex)


ATTACKED = """
    Smith NNP PROPN nsubj 1 Smith
    attacked VBD VERB ROOT 1 attack
    {obj}
    . . PUNCT punct 1 .
"""


def test_an_accusation_verb_in_its_accusing_sense_is_left_to_the_accusation(lex):
    doc = parse(ATTACKED.format(obj="Jones NNP PROPN dobj 1 Jones -"), ents=[(2, 3, "PERSON")])
    assert not takes_object_claim(doc[1], lex)
    assert [c["type"] for c in extract_claims(doc, lex)] == ["accusation"]  # Jones is its target, not a content


def test_an_accusation_verb_that_accuses_no_one_makes_a_statement(lex):
    doc = parse(ATTACKED.format(obj="rules NNS NOUN dobj 1 rule -"))
    assert takes_object_claim(doc[1], lex)
    assert [brief(c) for c in extract_claims(doc, lex)] == [("statement", "Smith", "attacked", "rules")]


def test_a_denial_verb_is_left_to_the_denial_rules(lex):
    doc = parse("""
        They PRP PRON nsubj 1 they
        denied VBD VERB ROOT 1 deny
        him PRP PRON dative 1 he
        entry NN NOUN dobj 1 entry -
        . . PUNCT punct 1 .
    """)
    assert not takes_object_claim(doc[1], lex)  # whatever they make of it, no statement of its object
    assert [c for c in tail_candidates(doc, lexicon(ACCEPT_ALL)) if c.kind == "object"] == []


RELEASED = """
    The DT DET det 1 the
    campaign NN NOUN nsubj 2 campaign
    released VBD VERB ROOT 2 release
    a DT DET det 4 a
    statement NN NOUN dobj 2 statement
    Tuesday NNP PROPN npadvmod 2 Tuesday
    saying VBG VERB acl 4 say
    the DT DET det 8 the
    rally NN NOUN nsubj 10 rally
    was VBD AUX aux 10 be
    postponed VBN VERB ccomp 6 postpone -
    . . PUNCT punct 2 .
"""


def test_an_object_that_says_something_has_what_it_says_as_content():
    # "released a statement saying X": X is what was released; "saying" is part of the cue, no claim of its own
    lex = lexicon({"threshold": 0.0, "bias": -1.0, "weights": {"lf=object|release|obj": 2.0}})
    doc = parse(RELEASED, ents=[(5, 6, "DATE")])
    assert [c.content for c in tail_candidates(doc, lex)] == [(3, 11)]  # the classifier reads the frame found
    assert [brief(c) for c in extract_claims(doc, lex)] == [
        ("statement", "The campaign", "released", "the rally was postponed")]


AGENDA = """
    They PRP PRON nsubj 1 they
    released VBD VERB ROOT 1 release
    an DT DET det 3 an
    agenda NN NOUN dobj 1 agenda
    they PRP PRON nsubj 5 they
    call VBP VERB relcl 3 call
    crucial JJ ADJ oprd 5 crucial -
    . . PUNCT punct 1 .
"""
ANNOUNCEMENT = """
    They PRP PRON nsubj 1 they
    welcomed VBD VERB ROOT 1 welcome
    the DT DET det 3 the
    announcement NN NOUN dobj 1 announcement
    that IN SCONJ mark 7 that
    the DT DET det 6 the
    plant NN NOUN nsubj 7 plant
    stays VBZ VERB acl 3 stay
    open JJ ADJ acomp 7 open -
    . . PUNCT punct 1 .
"""


@pytest.mark.parametrize("rows, frame, want", [
    # a clause with its own speaker on the object: the object is what was released
    (AGENDA, "object|release|obj", ("released", "an agenda they call crucial")),
    # a noun's that-clause stays with the noun after a verb that is no light verb
    (ANNOUNCEMENT, "object|welcome|obj", ("welcomed", "the announcement that the plant stays open")),
], ids=["own-speaker", "that-clause"])
def test_an_object_that_says_nothing_itself_stays_whole(rows, frame, want):
    lex = lexicon({"threshold": 0.0, "bias": -1.0, "weights": {f"lf={frame}": 2.0}})
    doc = parse(rows)
    assert [c.kind for c in tail_candidates(doc, lex)][0] == "object"
    assert [brief(c)[2:] for c in extract_claims(doc, lex) if c["cue"]["text"] == want[0]] == [want]
