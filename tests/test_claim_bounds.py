"""Content boundaries and speakers of claims whose cue is found (issue 8, item 7): what a raising
or phase verb's infinitive reports, a light verb's object complement, "lashed out at X", and the
speaker of a cue the parse left without a subject. Rules on hand-built parses (tests/parses.py,
no model), then the same constructions through the real model. Sentences are our own."""
from __future__ import annotations

import pytest

from pipelines.claims import Lexicon, extract_claims
from pipelines.lexicons import read_claim_words, read_cues

from .parses import parse
from .test_claim_stages import brief
from .test_claims import claims_of


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_data(read_cues("en"), read_claim_words("en"))


def briefs(doc, lex) -> list[dict]:
    return [brief(c) for c in extract_claims(doc, lex)]


def test_a_raising_verbs_infinitive_cue_reports_its_object_and_its_subject_speaks(lex):
    doc = parse("""
        The DT DET det 1 the
        senator NN NOUN nsubj 2 senator
        seemed VBD VERB ROOT 2 seem
        to TO PART aux 4 to
        mock VB VERB xcomp 2 mock
        the DT DET det 6 the
        plan NN NOUN dobj 4 plan -
        . . PUNCT punct 2 .
    """)
    found = briefs(doc, lex)
    # one claim: "mock" is part of the cue "seemed to mock", not a second claim of the same content
    assert [(c["source"], c["cue"], c["content"]) for c in found] == [("The senator", "seemed", "the plan")]


def test_a_verb_of_intent_keeps_its_infinitive(lex):
    doc = parse("""
        The DT DET det 1 the
        mayor NN NOUN nsubj 2 mayor
        vowed VBD VERB ROOT 2 vow
        to TO PART aux 4 to
        repeal VB VERB xcomp 2 repeal
        the DT DET det 6 the
        tax NN NOUN dobj 4 tax -
        . . PUNCT punct 2 .
    """)
    assert [(c["cue"], c["content"]) for c in briefs(doc, lex)] == [("vowed", "to repeal the tax")]


def test_an_attitude_nouns_that_clause_is_the_content(lex):
    doc = parse("""
        The DT DET det 1 the
        union NN NOUN nsubj 2 union
        expressed VBD VERB ROOT 2 express
        concern NN NOUN dobj 2 concern
        that IN SCONJ mark 7 that
        the DT DET det 6 the
        plant NN NOUN nsubj 7 plant
        closes VBZ VERB acl 3 close -
        . . PUNCT punct 2 .
    """)
    assert [(c["source"], c["content"]) for c in briefs(doc, lex)] == [("The union", "that the plant closes")]


def test_a_shown_things_preposition_stays_in_the_content(lex):
    # "showed a lead for X": a thing shown, not an attitude about X
    doc = parse("""
        The DT DET det 1 the
        poll NN NOUN nsubj 2 poll
        showed VBD VERB ROOT 2 show
        a DT DET det 4 a
        lead NN NOUN dobj 2 lead
        for IN ADP prep 4 for
        Smith NNP PROPN pobj 5 Smith -
        . . PUNCT punct 2 .
    """)
    assert [c["content"] for c in briefs(doc, lex)] == ["a lead for Smith"]


def test_a_subjectless_cue_is_spoken_by_the_name_right_before_it(lex):
    # the parse hung the speaker in apposition inside the adverbial before the cue
    doc = parse("""
        At IN ADP prep 13 at
        a DT DET det 2 a
        rally NN NOUN pobj 0 rally
        for IN ADP prep 2 for
        his PRP$ PRON poss 5 his
        wife NN NOUN pobj 3 wife
        Mary NNP PROPN compound 7 Mary
        Smith NNP PROPN appos 5 Smith -
        , , PUNCT punct 7 ,
        former JJ ADJ amod 10 former
        mayor NN NOUN compound 12 mayor
        John NNP PROPN compound 12 John
        Smith NNP PROPN appos 7 Smith
        said VBD VERB ROOT 13 say
        taxes NNS NOUN nsubj 15 tax
        rose VBD VERB ccomp 13 rise -
        . . PUNCT punct 13 .
    """)
    assert [(c["source"], c["content"]) for c in briefs(doc, lex)] == [("former mayor John Smith", "taxes rose")]


@pytest.mark.parametrize("rows", [
    # "He criticized the plan said ...": the noun before the cue is the clause's object
    """
        He PRP PRON nsubj 1 he
        criticized VBD VERB ccomp 4 criticize
        the DT DET det 3 the
        plan NN NOUN dobj 1 plan
        said VBD VERB ROOT 4 say
        taxes NNS NOUN nsubj 6 tax
        rose VBD VERB ccomp 4 rise -
        . . PUNCT punct 4 .
    """,
    # "During his speech said ...": an adverbial of the cue, not a speaker
    """
        During IN ADP prep 3 during
        his PRP$ PRON poss 2 his
        speech NN NOUN pobj 0 speech
        said VBD VERB ROOT 3 say
        taxes NNS NOUN nsubj 5 tax
        rose VBD VERB ccomp 3 rise -
        . . PUNCT punct 3 .
    """,
], ids=["object", "adverbial"])
def test_a_subjectless_cue_takes_no_object_or_adverbial_as_speaker(lex, rows):
    doc = parse(rows)
    assert [(c["source"], c["content"]) for c in briefs(doc, lex) if c["cue"] == "said"] == [(None, "taxes rose")]


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    ("The senator seemed to mock the new budget plan.",
     ("The senator", "seemed", "the new budget plan")),
    ("The governor continued to question the budget.", ("The governor", "continued", "the budget")),
    ("The council member appeared to suggest that the vote was rigged.",
     ("The council member", "appeared", "that the vote was rigged")),
    ("The mayor vowed to repeal the parking tax.", ("The mayor", "vowed", "to repeal the parking tax")),
    ("The minister declined to comment on the report.", ("The minister", "declined", "to comment on the report")),
    ("The union leader expressed concern that the factory would close.",
     ("The union leader", "expressed", "that the factory would close")),
    ("Local farmers expressed concern about the new water rules.",
     ("Local farmers", "expressed", "the new water rules")),
    ("The candidate showed no sign of backing down.", ("The candidate", "showed", "backing down")),
    ("The poll showed a narrow lead for the senator.", ("The poll", "showed", "a narrow lead for the senator")),
    ("The governor lashed out at the protesters on Monday.", ("The governor", "lashed", "the protesters")),
    ('In an interview with the local paper, her chief adviser, Mark Jones, said: "We will win this race."',
     ("Mark Jones", "said", "We will win this race.")),
])
def test_bounds_through_the_model(nlp, text, want):
    got = [(c["source"]["text"], c["cue"]["text"], c["content"]["text"]) for c in claims_of(nlp, text)]
    assert got == [want]
