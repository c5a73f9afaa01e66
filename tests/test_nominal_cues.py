"""The measure of the noun, "be" + adjective and light-verb cues that news_claims leaves out
(benchmarks/nominal_cues.py): the keys and classes of the tail rules' candidates on our own
sentences, and the held-out check of a lemma list on counts made by hand."""
from __future__ import annotations

import importlib.util

import pytest

from pipelines.claims.tail_cues import adjective_cue, noun_cue

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("nominal_cues", ROOT / "benchmarks" / "nominal_cues.py")
nominal_cues = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nominal_cues)
DocCounts, Labelled = nominal_cues.DocCounts, nominal_cues.Labelled


def candidates(nlp, text: str) -> list[tuple[tuple[str, ...], str]]:
    """(keys, class) of every noun and adjective candidate of the tail rules in `text`."""
    doc = nlp(text)
    lex = nlp.get_pipe("news_claims").lex
    found = []
    for tok in doc:
        cand = noun_cue(doc, tok, lex) if tok.pos_ == "NOUN" else adjective_cue(doc, tok, lex) if tok.pos_ == "ADJ" \
            else None
        if cand is not None:
            keys = nominal_cues.candidate_keys(doc, cand)
            found.append((keys, nominal_cues.cue_class(keys)))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # "be" + adjective with a that-clause and an expletive subject: no source
    ("It is clear that the vote will be close.", [(("adjective|clear|that|-",), "be + adjective")]),
    # a noun with its owner and an infinitive; without an owner, no source
    ("The mayor's decision to resign surprised the council.", [(("noun|decision|to|s",), "noun")]),
    ("The decision to resign came late.", [(("noun|decision|to|-",), "noun")]),
    # the object of a light verb: counted under the verb and noun together too
    ("She has a fear of heights.", [(("noun|fear|of|s", "noun|have fear|of|s"), "light verb + noun")]),
    # a cue noun without a complement is no candidate
    ("The plan was approved on Monday.", []),
])
def test_candidate_keys(nlp, text, expected):
    assert candidates(nlp, text) == expected


@pytest.mark.slow
def test_no_leftover_without_complement(nlp):
    doc = nlp("The plan was approved on Monday.")
    assert list(nominal_cues.leftover_candidates(doc, nlp.get_pipe("news_claims").lex)) == []


def counts(key: str, right: list[int], tp: int = 5, pred: int = 10, gold: int = 10) -> DocCounts:
    return DocCounts(tp, pred, gold, [Labelled((key,), r, False) for r in right])


def test_lemma_list_measured_on_the_other_half():
    # documents 0 and 2 (half 0) hold "noun|plan|to|s" right 0 of 4; 1 and 3 (half 1) right 3 of 4
    docs = [counts("noun|plan|to|s", [0, 0]), counts("noun|plan|to|s", [1, 1]),
            counts("noun|plan|to|s", [0, 0]), counts("noun|plan|to|s", [1, 0])]
    assert nominal_cues.key_counts(docs) == {"noun|plan|to|s": [8, 3]}
    assert nominal_cues.kept(nominal_cues.key_counts(docs[1::2]), 3, 0.5) == {"noun|plan|to|s"}
    assert nominal_cues.kept(nominal_cues.key_counts(docs[::2]), 3, 0.5) == set()
    half0, half1 = nominal_cues.held_out(docs, 3, 0.5)
    # kept on half 1, it takes half 0's four candidates, none of them right: F1 falls
    assert "1 keys from the other half take 4 candidates, 0 right (0.000)" in half0
    assert "claim F1 0.5000 -> 0.4545" in half0
    assert "0 keys from the other half take 0 candidates" in half1


def test_report_says_the_break_even():
    lines = nominal_cues.report([counts("adjective|clear|that|-", [1, 0, 0])], floors=[(2, 0.3)])
    assert lines[0].startswith("claims 10, matched 5, gold 10: claim F1 0.5000, so an added claim pays above a "
                               "precision of 0.250")
    assert "left-over candidates 3, right 1" in lines[1]
    assert any(line.startswith("be + adjective ") and line.split()[-3:] == ["3", "1", "0.333"] for line in lines)
