"""news_claims stage by stage on hand-built parses (tests/parses.py): one test at least per claim
structure, and the quotation, nesting and duplicate stages. No model; each test writes out the parse
it assumes."""
from __future__ import annotations

import pytest

from pipelines.claims import STRUCTURES, Lexicon, extract_claims, find_drafts
from pipelines.claims.draft import Cue, Draft
from pipelines.claims.overlaps import resolve
from pipelines.lexicons import read_claim_words, read_cues

from .parses import parse


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_data(read_cues("en"), read_claim_words("en"))


def brief(claim: dict) -> dict:
    """The texts of a claim's parts, to compare exactly."""
    return {"type": claim["type"], "source": claim["source"]["text"], "cue": claim["cue"]["text"],
            "content": claim["content"]["text"], "target": (claim["target"] or {}).get("text"),
            "quote": claim["quote"]}


def test_structures_are_listed_once():
    assert len(set(STRUCTURES)) == len(STRUCTURES)


def test_said_with_a_clause_alleging_wrongdoing_is_an_accusation(lex):
    doc = parse("""
        Microsoft NNP PROPN nsubj 1 Microsoft
        said VBD VERB ROOT 1 say
        China NNP PROPN nsubj 3 China
        hacked VBD VERB ccomp 1 hack
        the DT DET det 5 the
        servers NNS NOUN dobj 3 server -
        . . PUNCT punct 1 .
    """, mentions=[(0, 1, "microsoft", "ORG"), (2, 3, "china", "GPE")])
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "accusation", "source": "Microsoft", "cue": "said",
                            "content": "China hacked the servers", "target": "China", "quote": False}
    assert claim["source"]["actor"] == "microsoft" and claim["target"]["actor"] == "china"
    assert claim["sentence"] == {"start": 0, "end": len(doc.text), "text": doc.text}


def test_inverted_report(lex):
    doc = parse("""
        The DT DET det 1 the
        plan NN NOUN nsubj 2 plan
        works VBZ VERB ROOT 2 work -
        , , PUNCT punct 2 ,
        Smith NNP PROPN nsubj 5 Smith
        said VBD VERB parataxis 2 say -
        . . PUNCT punct 2 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "statement", "source": "Smith", "cue": "said", "content": "The plan works",
                            "target": None, "quote": False}


def test_according_to(lex):
    doc = parse("""
        According VBG VERB prep 5 accord
        to IN ADP prep 0 to
        Microsoft NNP PROPN pobj 1 Microsoft -
        , , PUNCT punct 5 ,
        China NNP PROPN nsubj 5 China
        hacked VBD VERB ROOT 5 hack
        the DT DET det 7 the
        servers NNS NOUN dobj 5 server -
        . . PUNCT punct 5 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "statement", "source": "Microsoft", "cue": "According to",
                            "content": "China hacked the servers.", "target": None, "quote": False}


def test_accused_of(lex):
    doc = parse("""
        The DT DET det 1 the
        US NNP PROPN nsubj 2 US
        accused VBD VERB ROOT 2 accuse
        China NNP PROPN dobj 2 China
        of IN ADP prep 2 of
        espionage NN NOUN pobj 4 espionage -
        . . PUNCT punct 2 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "accusation", "source": "The US", "cue": "accused",
                            "content": "China of espionage", "target": "China", "quote": False}


def test_denial_of_accusations_and_the_nominal_accusation(lex):
    doc = parse("""
        Beijing NNP PROPN nsubj 1 Beijing
        rejected VBD VERB ROOT 1 reject
        US NNP PROPN compound 3 US
        accusations NNS NOUN dobj 1 accusation
        of IN ADP prep 3 of
        espionage NN NOUN pobj 4 espionage -
        . . PUNCT punct 1 .
    """)
    denial, nominal = extract_claims(doc, lex)
    assert brief(denial) == {"type": "denial", "source": "Beijing", "cue": "rejected",
                             "content": "US accusations of espionage", "target": "US", "quote": False}
    # the accusation a denial answers names the denier as its target
    assert brief(nominal) == {"type": "accusation", "source": "US", "cue": "accusations",
                              "content": "of espionage", "target": "Beijing", "quote": False}


def test_attributed_to(lex):
    doc = parse("""
        Microsoft NNP PROPN nsubj 1 Microsoft
        attributed VBD VERB ROOT 1 attribute
        the DT DET det 3 the
        attack NN NOUN dobj 1 attack
        to IN ADP prep 1 to
        Hafnium NNP PROPN pobj 4 Hafnium -
        . . PUNCT punct 1 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "attribution", "source": "Microsoft", "cue": "attributed",
                            "content": "the attack", "target": "Hafnium", "quote": False}


def test_channel_without_a_cue_verb(lex):
    doc = parse("""
        In IN ADP prep 5 in
        a DT DET det 2 a
        statement NN NOUN pobj 0 statement -
        , , PUNCT punct 5 ,
        Smith NNP PROPN nsubj 5 Smith
        was VBD AUX ROOT 5 be
        very RB ADV advmod 7 very
        blunt JJ ADJ acomp 5 blunt -
        . . PUNCT punct 5 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "statement", "source": "Smith", "cue": "In a statement",
                            "content": "was very blunt", "target": None, "quote": False}


def test_headline_speaker(lex):
    doc = parse("""
        Gingrich NNP PROPN ROOT 0 Gingrich -
        : : PUNCT punct 0 :
        Trump NNP PROPN nsubj 4 Trump
        must MD AUX aux 4 must
        decide VB VERB appos 0 decide
        now RB ADV advmod 4 now
        on IN ADP prep 4 on
        trade NN NOUN pobj 6 trade
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "statement", "source": "Gingrich", "cue": ":",
                            "content": "Trump must decide now on trade", "target": None, "quote": False}


def test_a_label_before_a_colon_yields_to_the_report_after_it(lex):
    """"Frustration with police: Civil rights activists say ...": the report after the colon speaks;
    a label with no name before it is no speaker of the line."""
    doc = parse("""
        Frustration NN NOUN dep 7 frustration
        with IN ADP prep 0 with
        police NNS NOUN pobj 1 police -
        : : PUNCT punct 7 :
        Civil JJ ADJ amod 5 civil
        rights NNS NOUN compound 6 right
        activists NNS NOUN nsubj 7 activist
        say VBP VERB ROOT 7 say
        officers NNS NOUN nsubj 9 officer
        were VBD AUX ccomp 7 be
        aggressive JJ ADJ acomp 9 aggressive -
        . . PUNCT punct 7 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "statement", "source": "Civil rights activists", "cue": "say",
                            "content": "officers were aggressive", "target": None, "quote": False}


def test_a_name_before_a_colon_speaks_a_line_that_reports(lex):
    """"Gingrich: Trump says he must decide": a name before the colon still speaks the headline."""
    doc = parse("""
        Gingrich NNP PROPN ROOT 0 Gingrich -
        : : PUNCT punct 0 :
        Trump NNP PROPN nsubj 3 Trump
        says VBZ VERB appos 0 say
        he PRP PRON nsubj 6 he
        must MD AUX aux 6 must
        decide VB VERB ccomp 3 decide
    """)
    cues = [(c["source"]["text"], c["cue"]["text"]) for c in extract_claims(doc, lex)]
    assert ("Gingrich", ":") in cues, cues


STANCE_IN_A_REPORT = """
    He PRP PRON nsubj 1 he
    said VBD VERB ROOT 1 say
    they PRP PRON nsubj 3 they
    were VBD AUX ccomp 1 be
    concerned JJ ADJ acomp 3 concerned
    that IN SCONJ mark 9 that
    the DT DET det 7 the
    plan NN NOUN nsubj 9 plan
    would MD AUX aux 9 would
    fail VB VERB ccomp 4 fail -
    . . PUNCT punct 1 .
"""


def test_a_stance_inside_a_report_is_part_of_it(lex):
    """"He said they were concerned that the plan would fail": one claim, his; the stance inside
    what he said makes no claim of its own (PolNeAR annotates the report)."""
    doc = parse(STANCE_IN_A_REPORT)
    assert [(c["cue"]["text"], c["content"]["text"]) for c in extract_claims(doc, lex)] == [
        ("said", "they were concerned that the plan would fail")]


def test_a_stance_on_its_own_is_a_claim(lex):
    doc = parse("""
        They PRP PRON nsubj 1 they
        were VBD AUX ROOT 1 be
        concerned JJ ADJ acomp 1 concerned
        that IN SCONJ mark 7 that
        the DT DET det 5 the
        plan NN NOUN nsubj 7 plan
        would MD AUX aux 7 would
        fail VB VERB ccomp 2 fail -
        . . PUNCT punct 1 .
    """)
    assert [(c["source"]["text"], c["cue"]["text"]) for c in extract_claims(doc, lex)] == [("They", "were concerned")]


def test_stance_with_be(lex):
    doc = parse("""
        Smith NNP PROPN nsubj 1 Smith
        was VBD AUX ROOT 1 be
        critical JJ ADJ acomp 1 critical
        of IN ADP prep 2 of
        the DT DET det 5 the
        plan NN NOUN pobj 3 plan -
        . . PUNCT punct 1 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "statement", "source": "Smith", "cue": "was critical",
                            "content": "the plan", "target": None, "quote": False}


def test_view_noun_equated_with_a_that_clause(lex):
    doc = parse("""
        My PRP$ PRON poss 1 my
        impression NN NOUN nsubj 2 impression
        is VBZ AUX ROOT 2 be
        that IN SCONJ mark 5 that
        he PRP PRON nsubj 5 he
        lacks VBZ VERB ccomp 2 lack
        support NN NOUN dobj 5 support -
        . . PUNCT punct 2 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "statement", "source": "My", "cue": "impression is",
                            "content": "that he lacks support", "target": None, "quote": False}


def test_quotation_becomes_the_content_of_its_cue(lex):
    doc = parse("""
        “ `` PUNCT punct 3 “ -
        We PRP PRON nsubj 3 we
        will MD AUX aux 3 will
        win VB VERB ccomp 7 win -
        , , PUNCT punct 3 , -
        ” '' PUNCT punct 3 ”
        Smith NNP PROPN nsubj 7 Smith
        said VBD VERB ROOT 7 say -
        . . PUNCT punct 7 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "statement", "source": "Smith", "cue": "said", "content": "We will win,",
                            "target": None, "quote": True}


def test_report_inside_another_reports_content_is_part_of_it(lex):
    doc = parse("""
        Smith NNP PROPN nsubj 1 Smith
        said VBD VERB ROOT 1 say
        Jones NNP PROPN nsubj 3 Jones
        said VBD VERB ccomp 1 say
        it PRP PRON nsubj 5 it
        rained VBD VERB ccomp 3 rain -
        . . PUNCT punct 1 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert brief(claim) == {"type": "statement", "source": "Smith", "cue": "said",
                            "content": "Jones said it rained", "target": None, "quote": False}


def test_drafts_are_frozen(lex):
    doc = parse("""
        Smith NNP PROPN nsubj 1 Smith
        said VBD VERB ROOT 1 say
        it PRP PRON nsubj 3 it
        rained VBD VERB ccomp 1 rain
    """)
    (draft,) = find_drafts(doc, lex)
    assert draft.cue == Cue(1, 6, 10) and draft.content == (11, 20) and draft.source == (0, 5)
    with pytest.raises(AttributeError):
        draft.content = (0, 1)


def test_equal_drafts_are_one_claim_the_first_wins():
    cue = Cue(1, 6, 10)
    first = Draft("statement", cue, (11, 20), (0, 5), None, (0, 20))
    second = Draft("accusation", cue, (11, 20), None, None, (0, 20))
    earlier = Draft("denial", Cue(0, 0, 5), (11, 20), None, None, (0, 20))
    assert resolve((first, second, earlier)) == (earlier, first)


def test_a_typed_draft_of_the_same_speaker_wins_over_an_equal_statement():
    # "expressed concern about X": the report and the concern stage's accusation come out alike
    cue = Cue(1, 6, 10)
    plain = Draft("statement", cue, (11, 20), (0, 5), None, (0, 20))
    typed = Draft("accusation", cue, (11, 20), (0, 5), (11, 20), (0, 20))
    assert resolve((plain, typed)) == (typed,)


def test_a_statement_its_speaker_makes_again_under_another_cue_is_one_claim():
    # "“A,” Peabody said, adding ...": two cues of one speaker, contents a quote mark apart
    said = Draft("statement", Cue(5, 40, 44), (1, 30), (31, 38), None, (0, 60))
    adding = Draft("statement", Cue(7, 46, 52), (1, 31), (31, 38), None, (0, 60))
    other = Draft("statement", Cue(9, 54, 58), (1, 31), (50, 53), None, (0, 60))  # another speaker
    assert resolve((said, adding, other)) == (said, other)


def test_the_text_kept_for_the_run_does_not_outlive_it(lex):
    doc = parse("""
        Smith NNP PROPN nsubj 1 Smith
        said VBD VERB ROOT 1 say
        it PRP PRON nsubj 3 it
        rained VBD VERB ccomp 1 rain
    """, mentions=[(0, 1, "smith", "PERSON")])  # a known name: no actor is made for it (missed_name)
    user_data = dict(doc.user_data)
    extract_claims(doc, lex)
    assert doc.user_data == user_data
