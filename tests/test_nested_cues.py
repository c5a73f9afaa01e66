"""Reports inside another claim's content (nested.py): the adverbial clauses that make claims of
their own, on hand-built parses of our own sentences (the small model's attachment of a clause
after a comma is unstable), each with the construction that stays part of the outer claim."""
from __future__ import annotations

import pytest

from pipelines.claims import Lexicon
from pipelines.claims.draft import Cue, Draft
from pipelines.claims.nested import drop_nested_cues
from pipelines.lexicons import read_claim_words, read_cues

from .parses import parse


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_data(read_cues("en"), read_claim_words("en"))


def draft(doc, ctype: str, cue: int, first: int, last: int) -> Draft:
    """A draft on token `cue` whose content runs from token `first` to token `last` (included)."""
    tok = doc[cue]
    return Draft(ctype, Cue(cue, tok.idx, tok.idx + len(tok)), (doc[first].idx, doc[last].idx + len(doc[last])),
                 None, None, (0, len(doc.text)))


def kept_cues(doc, drafts, lex) -> list[str]:
    return [doc[d.cue.token].text for d in drop_nested_cues(doc, tuple(drafts), lex)]


TRAILING_CONTRAST = """
    The DT DET det 1 the
    mayor NN NOUN nsubj 2 mayor
    said VBD VERB ROOT 2 say
    the DT DET det 4 the
    plan NN NOUN nsubj 5 plan
    works VBZ VERB ccomp 2 work -
    , , PUNCT punct 5 ,
    though IN SCONJ mark 9 though
    critics NNS NOUN nsubj 9 critic
    noted VBD VERB advcl 5 note
    that IN SCONJ mark 12 that
    it PRP PRON nsubj 12 it
    costs VBZ VERB ccomp 9 cost
    more JJR ADJ dobj 12 more -
    . . PUNCT punct 2 .
"""


def test_a_trailing_contrast_clause_with_its_own_speaker_is_a_claim(lex):
    # "X said A, though Y noted that B": Y's report is set against X's, not part of it
    doc = parse(TRAILING_CONTRAST)
    outer, inner = draft(doc, "statement", 2, 3, 13), draft(doc, "statement", 9, 10, 13)
    assert kept_cues(doc, [outer, inner], lex) == ["said", "noted"]


def test_a_leading_contrast_clause_stays_in_the_content(lex):
    # "X said that while Y noted B, A": the clause is part of what X said
    doc = parse("""
        The DT DET det 1 the
        mayor NN NOUN nsubj 2 mayor
        said VBD VERB ROOT 2 say
        that IN SCONJ mark 13 that
        while IN SCONJ mark 6 while
        critics NNS NOUN nsubj 6 critic
        noted VBD VERB advcl 13 note
        it PRP PRON nsubj 8 it
        costs VBZ VERB ccomp 6 cost
        more JJR ADJ dobj 8 more -
        , , PUNCT punct 13 ,
        the DT DET det 12 the
        plan NN NOUN nsubj 13 plan
        works VBZ VERB ccomp 2 work -
        . . PUNCT punct 2 .
    """)
    outer, inner = draft(doc, "statement", 2, 3, 13), draft(doc, "statement", 6, 7, 9)
    assert kept_cues(doc, [outer, inner], lex) == ["said"]


def test_a_contrast_clause_without_its_own_subject_stays_in_the_content(lex):
    # "X said A, while noting B": the same speaker goes on; the participle is part of the claim
    doc = parse("""
        The DT DET det 1 the
        mayor NN NOUN nsubj 2 mayor
        said VBD VERB ROOT 2 say
        the DT DET det 4 the
        plan NN NOUN nsubj 5 plan
        works VBZ VERB ccomp 2 work -
        , , PUNCT punct 5 ,
        while IN SCONJ mark 8 while
        noting VBG VERB advcl 5 note
        that IN SCONJ mark 11 that
        it PRP PRON nsubj 11 it
        costs VBZ VERB ccomp 8 cost
        more JJR ADJ dobj 11 more -
        . . PUNCT punct 2 .
    """)
    outer, inner = draft(doc, "statement", 2, 3, 12), draft(doc, "statement", 8, 9, 12)
    assert kept_cues(doc, [outer, inner], lex) == ["said"]


ACCUSED_ADVERBIAL = """
    The DT DET det 1 the
    mayor NN NOUN nsubj 2 mayor
    attacked VBD VERB ROOT 2 attack
    the DT DET det 4 the
    council NN NOUN dobj 2 council
    as IN SCONJ mark 7 as
    rivals NNS NOUN nsubj 7 rival
    warned VBD VERB advcl 2 warn
    that IN SCONJ mark 10 that
    it PRP PRON nsubj 10 it
    was VBD AUX ccomp 7 be
    weak JJ ADJ acomp 10 weak -
    . . PUNCT punct 2 .
"""


def test_an_adverbial_report_inside_an_accusation_is_a_claim(lex):
    # what an accusation's content swallows past its object ("attacked the council as rivals warned
    # that ...") is a report of its own
    doc = parse(ACCUSED_ADVERBIAL)
    outer, inner = draft(doc, "accusation", 2, 3, 11), draft(doc, "statement", 7, 8, 11)
    assert kept_cues(doc, [outer, inner], lex) == ["attacked", "warned"]


def test_an_adverbial_report_inside_a_statement_stays_in_it(lex):
    # the same "as" clause inside what a statement reports is part of that statement
    doc = parse(ACCUSED_ADVERBIAL)
    outer, inner = draft(doc, "statement", 2, 3, 11), draft(doc, "statement", 7, 8, 11)
    assert kept_cues(doc, [outer, inner], lex) == ["attacked"]


def who_reports(tag: str, word: str) -> str:
    """ "The mayor said the plan helps workers who say/said wages are low." """
    return f"""
        The DT DET det 1 the
        mayor NN NOUN nsubj 2 mayor
        said VBD VERB ROOT 2 say
        the DT DET det 4 the
        plan NN NOUN nsubj 5 plan
        helps VBZ VERB ccomp 2 help
        workers NNS NOUN dobj 5 worker
        who WP PRON nsubj 8 who
        {word} {tag} VERB relcl 6 say
        wages NNS NOUN nsubj 10 wage
        are VBP AUX ccomp 8 be
        low JJ ADJ acomp 10 low -
        . . PUNCT punct 2 .
    """


def test_a_present_who_say_relative_inside_a_content_is_a_claim(lex):
    # "workers who say wages are low": a group's standing view, a claim of its own
    doc = parse(who_reports("VBP", "say"))
    outer, inner = draft(doc, "statement", 2, 3, 11), draft(doc, "statement", 8, 9, 11)
    assert kept_cues(doc, [outer, inner], lex) == ["said", "say"]


def test_a_past_who_said_relative_stays_in_the_content(lex):
    # "workers who said wages were low": what they once said, part of the mayor's claim
    doc = parse(who_reports("VBD", "said"))
    outer, inner = draft(doc, "statement", 2, 3, 11), draft(doc, "statement", 8, 9, 11)
    assert kept_cues(doc, [outer, inner], lex) == ["said"]


ASKED = """
    The DT DET det 1 the
    aides NNS NOUN nsubj 2 aide
    urged VBD VERB ROOT 2 urge
    Sanders NNP PROPN dobj 2 Sanders
    to TO PART aux 5 to
    attack VB VERB xcomp 2 attack
    Clinton NNP PROPN dobj 5 Clinton -
    . . PUNCT punct 2 .
"""

FORCED = """
    The DT DET det 1 the
    scandal NN NOUN nsubj 2 scandal
    forced VBD VERB ROOT 2 force
    the DT DET det 4 the
    minister NN NOUN dobj 2 minister
    to TO PART aux 6 to
    deny VB VERB xcomp 2 deny
    the DT DET det 8 the
    report NN NOUN dobj 6 report -
    . . PUNCT punct 2 .
"""


def test_an_accusation_asked_of_someone_is_no_claim(lex):
    # "The aides urged Sanders to attack Clinton": the aides accuse no one, and Sanders has not spoken
    doc = parse(ASKED)
    outer, inner = draft(doc, "statement", 2, 3, 6), draft(doc, "accusation", 5, 6, 6)
    assert kept_cues(doc, [outer, inner], lex) == ["urged"]


def test_a_denial_a_verb_brings_about_was_made(lex):
    # "The scandal forced the minister to deny the report": the minister denied it
    doc = parse(FORCED)
    assert kept_cues(doc, [draft(doc, "denial", 6, 7, 8)], lex) == ["deny"]
