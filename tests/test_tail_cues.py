"""The tail cues of news_claims (pipelines/claims/tail_cues.py) on hand-built parses (tests/parses.py):
a noun, "be" + an adjective, a verb whose content is its object, each taken only when the classifier
says so. The model here is written out (a weight for each lemma and frame it takes), so that the
rules are tested apart from the trained weights."""
from __future__ import annotations

import pytest

from pipelines.claims import Lexicon, extract_claims
from pipelines.claims.tail_cues import ACCEPT_ALL, Ranges, features
from pipelines.lexicons import read_claim_words, read_cues

from .parses import parse

TAKEN = ("noun|promise|to", "noun|doubt|that", "noun|misgiving|about", "adjective|eager|to", "adjective|clear|that",
         "verb|vote|for", "object|offer|obj")
MODEL = {"threshold": 0.0, "bias": -1.0, "weights": {f"lf={key}": 2.0 for key in TAKEN}}


def lexicon(model: dict) -> Lexicon:
    return Lexicon.from_data(read_cues("en"), {**read_claim_words("en"), "tail_model": model})


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return lexicon(MODEL)


@pytest.fixture(scope="module")
def no_tail() -> Lexicon:
    return lexicon({})


def brief(claim: dict) -> tuple:
    return claim["type"], claim["source"]["text"], claim["cue"]["text"], claim["content"]["text"]


PROMISES = """
    His PRP$ PRON poss 1 his
    promises NNS NOUN nsubj 5 promise
    to TO PART aux 3 to
    cut VB VERB acl 1 cut
    taxes NNS NOUN dobj 3 tax
    worried VBD VERB ROOT 5 worry
    Smith NNP PROPN dobj 5 Smith -
    . . PUNCT punct 5 .
"""


def test_a_noun_with_its_infinitive_and_its_owner(lex, no_tail):
    doc = parse(PROMISES)
    assert [brief(c) for c in extract_claims(doc, lex)] == [("statement", "His", "promises", "to cut taxes")]
    assert extract_claims(doc, no_tail) == []  # no table, no tail cue


def test_a_noun_with_a_that_clause_from_a_party(lex):
    doc = parse("""
        Smith NNP PROPN nsubj 1 Smith
        ignored VBD VERB ROOT 1 ignore
        doubts NNS NOUN dobj 1 doubt
        from IN ADP prep 2 from
        his PRP$ PRON poss 5 his
        lawyer NN NOUN pobj 3 lawyer
        that IN SCONJ mark 9 that
        the DT DET det 8 the
        plan NN NOUN nsubj 9 plan
        failed VBD VERB acl 2 fail -
        . . PUNCT punct 1 .
    """)
    assert [brief(c) for c in extract_claims(doc, lex)] == [
        ("statement", "his lawyer", "doubts", "that the plan failed")]


def test_a_noun_held_by_the_subject_of_its_verb(lex):
    doc = parse("""
        Voters NNS NOUN nsubj 1 voter
        had VBD VERB ROOT 1 have
        misgivings NNS NOUN dobj 1 misgiving
        about IN ADP prep 2 about
        the DT DET det 5 the
        plan NN NOUN pobj 3 plan -
        . . PUNCT punct 1 .
    """)
    assert [brief(c) for c in extract_claims(doc, lex)] == [("statement", "Voters", "misgivings", "the plan")]


def test_a_noun_outside_its_frames_is_no_cue(lex):
    doc = parse("""
        Voters NNS NOUN nsubj 1 voter
        had VBD VERB ROOT 1 have
        misgivings NNS NOUN dobj 1 misgiving
        over IN ADP prep 2 over
        the DT DET det 5 the
        plan NN NOUN pobj 3 plan -
        . . PUNCT punct 1 .
    """)
    assert extract_claims(doc, lex) == []  # the model takes "misgivings" with "about" only
    doc = parse(PROMISES.replace("promises NNS NOUN nsubj 5 promise", "plans NNS NOUN nsubj 5 plan"))
    assert extract_claims(doc, lex) == []  # a noun the model does not take


def test_be_with_an_adjective_and_its_infinitive(lex):
    doc = parse("""
        Smith NNP PROPN nsubj 1 Smith
        was VBD AUX ROOT 1 be
        eager JJ ADJ acomp 1 eager
        to TO PART aux 4 to
        leave VB VERB xcomp 2 leave -
        . . PUNCT punct 1 .
    """)
    assert [brief(c) for c in extract_claims(doc, lex)] == [("statement", "Smith", "was eager", "to leave")]


def test_it_is_clear_that_has_no_source(lex):
    doc = parse("""
        It PRP PRON nsubj 1 it
        is VBZ AUX ROOT 1 be
        clear JJ ADJ acomp 1 clear
        that IN SCONJ mark 6 that
        the DT DET det 5 the
        plan NN NOUN nsubj 6 plan
        failed VBD VERB ccomp 1 fail
        in IN ADP prep 6 in
        the DT DET det 9 the
        end NN NOUN pobj 7 end -
        . . PUNCT punct 1 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert claim["source"]["start"] is None and claim["content"]["text"] == "that the plan failed in the end"
    assert claim["cue"]["text"] == "is clear" and claim["type"] == "statement"


def test_a_stance_adjective_is_left_to_the_stance_structure(lex):
    doc = parse("""
        Smith NNP PROPN nsubj 1 Smith
        was VBD AUX ROOT 1 be
        critical JJ ADJ acomp 1 critical
        of IN ADP prep 2 of
        the DT DET det 5 the
        plan NN NOUN pobj 3 plan -
        . . PUNCT punct 1 .
    """)
    wide = lexicon(ACCEPT_ALL)
    assert [brief(c) for c in extract_claims(doc, wide)] == [("statement", "Smith", "was critical", "the plan")]


VOTED = """
    The DT DET det 1 the
    senator NN NOUN nsubj 2 senator
    voted VBD VERB ROOT 2 vote
    for IN ADP prep 2 for
    the DT DET det 5 the
    bill NN NOUN pobj 3 bill -
    . . PUNCT punct 2 .
"""


def test_a_verb_whose_content_is_a_prepositions_object(lex):
    assert [brief(c) for c in extract_claims(parse(VOTED), lex)] == [
        ("statement", "The senator", "voted", "the bill")]


def test_a_verb_without_a_subject_or_in_another_frame_is_no_cue(lex):
    doc = parse("""
        Voted VBN VERB ROOT 0 vote
        for IN ADP prep 0 for
        the DT DET det 3 the
        bill NN NOUN pobj 1 bill -
        . . PUNCT punct 0 .
    """)
    assert extract_claims(doc, lex) == []  # nobody votes
    assert extract_claims(parse(VOTED.replace("for IN ADP prep 2 for", "against IN ADP prep 2 against")), lex) == []


def test_a_report_verb_with_its_object_only_when_it_has_no_clause(lex):
    doc = parse("""
        France NNP PROPN nsubj 1 France
        offered VBD VERB ROOT 1 offer
        a DT DET det 3 a
        proposal NN NOUN dobj 1 proposal -
        . . PUNCT punct 1 .
    """)
    assert [brief(c) for c in extract_claims(doc, lex)] == [("statement", "France", "offered", "a proposal")]
    doc = parse("""
        France NNP PROPN nsubj 1 France
        said VBD VERB ROOT 1 say
        Smith NNP PROPN nsubj 3 Smith
        left VBD VERB ccomp 1 leave -
        . . PUNCT punct 1 .
    """)
    wide = lexicon(ACCEPT_ALL)
    assert [brief(c) for c in extract_claims(doc, wide)] == [("statement", "France", "said", "Smith left")]


def test_an_accusation_verb_is_never_a_tail_statement():
    doc = parse("""
        Smith NNP PROPN nsubj 1 Smith
        criticized VBD VERB ROOT 1 criticize
        the DT DET det 3 the
        plan NN NOUN dobj 1 plan -
        . . PUNCT punct 1 .
    """)
    wide = lexicon(ACCEPT_ALL)
    assert [c["type"] for c in extract_claims(doc, wide)] == ["accusation"]


def test_the_candidates_features_name_the_lemma_frame_and_source_form(lex):
    from pipelines.claims.tail_cues import tail_candidates

    doc = parse(VOTED)
    (cand,) = list(tail_candidates(doc, lex))
    feats = features(doc, cand, Ranges(()), set(), 0)
    assert {"k=verb", "kf=verb|for", "lf=verb|vote|for", "frames=verb|1", "src=NOUN", "nested=False",
            "sentclaim=False"} <= set(feats)


def test_the_committed_model_is_a_linear_classifier_over_those_features():
    model = read_claim_words("en")["tail_model"]
    assert set(model) == {"threshold", "bias", "weights"} and len(model["weights"]) > 100
    assert all(name.split("=", 1)[0] in {"k", "kf", "l", "lf", "dep", "tag", "frames", "src", "srcent", "srcp", "clen", "chead",
                                         "cent", "nested", "sentclaim", "neg", "first"} for name in model["weights"])


# the dense part of a model: one weight per tensor dimension of each of DENSE_PARTS (cue, content's
# head, source's head, cue's head); here only the cue's first dimension counts
WIDTH = 4
DENSE = {"threshold": 0.0, "bias": -1.0, "weights": {},
         "dense": {"base_model": "test", "width": WIDTH, "parts": ["cue", "content", "source", "head"],
                   "weights": [2.0] + [0.0] * (4 * WIDTH - 1)},
         "sparse": {"bias": -1.0, "weights": {"lf=verb|vote|for": 0.5}}}


def with_tensor(doc, width: int, cue_value: float):
    import numpy as np

    doc.tensor = np.zeros((len(doc), width), dtype="float32")
    doc.tensor[2, 0] = cue_value  # "voted"
    return doc


def test_the_dense_features_score_a_candidate_by_its_tensor_rows():
    lex = lexicon(DENSE)
    assert [brief(c) for c in extract_claims(with_tensor(parse(VOTED), WIDTH, 1.0), lex)] == [
        ("statement", "The senator", "voted", "the bill")]
    assert extract_claims(with_tensor(parse(VOTED), WIDTH, 0.0), lex) == []  # the same words, another tensor


def test_a_tensor_of_another_width_falls_back_to_the_sparse_weights():
    from pipelines.claims.tail_cues import weights_for

    # a transformer's doc.tensor (another width) or none at all: the sparse-only model (-1.0 + 0.5 < 0)
    lex = lexicon(DENSE)
    for doc in (with_tensor(parse(VOTED), 8, 1.0), parse(VOTED)):
        weights, bias, dense = weights_for(doc, DENSE)
        assert dense is None and (weights, bias) == (DENSE["sparse"]["weights"], -1.0)
        assert extract_claims(doc, lex) == []
    taking = {**DENSE, "sparse": {"bias": -1.0, "weights": {"lf=verb|vote|for": 2.0}}}
    assert [brief(c) for c in extract_claims(parse(VOTED), lexicon(taking))] == [
        ("statement", "The senator", "voted", "the bill")]
