"""Descriptions of named people (issue 8, point 4: pipelines/actors/descriptions.py) on hand-built
parses (tests/parses.py): "the Vermont senator" is the one person the document ties to Vermont and
the office; with no such tie, "the Republican nominee" is the person the sentence before is about.
Each rule with the cases where it must not guess."""
from __future__ import annotations

import pytest

from pipelines import read_jsonl
from pipelines.actors import ActorLexicon
from pipelines.actors.coreference import coreference
from pipelines.actors.lookup import entity_names
from pipelines.actors.persons import named_officials, persons
from pipelines.lexicons import read_actor_words

from .parses import parse
from .test_actor_passes import mentions, run

PASSES = (persons, named_officials, entity_names, coreference)


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.from_data(read_jsonl("actors.jsonl"), read_actor_words("en"))


def described(rows: str, ents, lex) -> list[tuple[str, str]]:
    """(text, actor) of the descriptions coreference resolved."""
    doc = parse(rows, ents=ents)
    table = run(doc, lex, *PASSES)
    return [(text, aid) for text, aid, label in mentions(doc, table) if label == "NOMINAL"]


TWO_SENATORS = """
    Sen. NNP PROPN compound 2 Sen.
    Anna NNP PROPN compound 2 Anna
    Lindqvist NNP PROPN nsubj 18 Lindqvist
    ( -LRB- PUNCT punct 2 ( -
    I NNP PROPN appos 2 I -
    - HYPH PUNCT punct 4 - -
    Vt NNP PROPN appos 4 Vt -
    . NNP PROPN conj 4 . -
    ) -RRB- PUNCT punct 4 )
    and CC CCONJ cc 2 and
    Sen. NNP PROPN compound 12 Sen.
    Tom NNP PROPN compound 12 Tom
    Baird NNP PROPN conj 2 Baird
    ( -LRB- PUNCT punct 12 ( -
    R NNP PROPN compound 16 R -
    - HYPH PUNCT punct 16 - -
    Texas NNP PROPN appos 12 Texas -
    ) -RRB- PUNCT punct 12 )
    spoke VBD VERB ROOT 18 speak -
    . . PUNCT punct 18 .
    The DT DET det 22 the
    Vermont NNP PROPN compound 22 Vermont
    senator NN NOUN nsubj 23 senator
    said VBD VERB ROOT 23 say
    so RB ADV advmod 23 so -
    . . PUNCT punct 23 .
"""
TWO_SENATORS_ENTS = [(1, 3, "PERSON"), (11, 13, "PERSON"), (21, 22, "GPE")]


def test_the_vermont_senator_is_the_senator_of_the_vermont_party_tag(lex):
    assert described(TWO_SENATORS, TWO_SENATORS_ENTS, lex) == [("The Vermont senator", "anna-lindqvist")]


def test_a_party_word_picks_the_senator_of_that_party(lex):
    rows = TWO_SENATORS.replace("Vermont NNP PROPN compound 22 Vermont", "Republican JJ ADJ amod 22 republican")
    assert described(rows, TWO_SENATORS_ENTS[:2], lex) == [("The Republican senator", "tom-baird")]


def test_the_senator_with_two_senators_stays_unresolved(lex):
    bare = TWO_SENATORS.replace("    Vermont NNP PROPN compound 22 Vermont\n", "    plain JJ ADJ amod 22 plain\n")
    assert described(bare, TWO_SENATORS_ENTS[:2], lex) == []  # "the plain senator": both are senators
    former = TWO_SENATORS.replace("Vermont NNP PROPN compound 22 Vermont", "former JJ ADJ amod 22 former")
    assert described(former, TWO_SENATORS_ENTS[:2], lex) == []  # "the former senator": neither is one


NOMINEE_BEFORE = """
    Republican JJ ADJ amod 1 republican
    nominee NN NOUN compound 3 nominee
    John NNP PROPN compound 3 John
    Harlow NNP PROPN nsubj 4 Harlow
    spoke VBD VERB ROOT 4 speak -
    . . PUNCT punct 4 .
    Ms. NNP PROPN compound 8 Ms.
    Maria NNP PROPN compound 8 Maria
    Velez NNP PROPN nsubj 9 Velez
    spoke VBD VERB ROOT 9 speak -
    . . PUNCT punct 9 .
    The DT DET det 12 the
    nominee NN NOUN nsubj 13 nominee
    said VBD VERB ROOT 13 say
    so RB ADV advmod 13 so -
    . . PUNCT punct 13 .
"""


def test_a_description_the_document_gave_someone_is_that_person_not_the_last_subject(lex):
    # "Republican nominee John Harlow" ties the office to Harlow: not Velez, the subject just before
    assert described(NOMINEE_BEFORE, [(0, 1, "NORP"), (2, 4, "PERSON"), (7, 9, "PERSON")], lex) == [
        ("The nominee", "john-harlow")]


def test_a_former_holder_of_the_office_is_not_the_description(lex):
    rows = NOMINEE_BEFORE.replace("Republican JJ ADJ amod 1 republican", "Former JJ ADJ amod 1 former")
    assert ("The nominee", "john-harlow") not in described(rows, [(2, 4, "PERSON"), (7, 9, "PERSON")], lex)


SALIENT = """
    John NNP PROPN compound 1 John
    Harlow NNP PROPN nsubj 2 Harlow
    spoke VBD VERB ROOT 2 speak
    in IN ADP prep 2 in
    Ohio NNP PROPN pobj 3 Ohio -
    . . PUNCT punct 2 .
    The DT DET det 8 the
    Republican JJ ADJ amod 8 republican
    nominee NN NOUN nsubj 9 nominee
    said VBD VERB ROOT 9 say
    so RB ADV advmod 9 so -
    . . PUNCT punct 9 .
"""


def test_with_no_profile_the_description_is_the_subject_of_the_sentence_before(lex):
    assert described(SALIENT, [(0, 2, "PERSON"), (4, 5, "GPE")], lex) == [("The Republican nominee", "john-harlow")]


def test_the_subject_before_is_not_taken_when_someone_else_is_named_in_the_descriptions_sentence(lex):
    rows = """
        John NNP PROPN compound 1 John
        Harlow NNP PROPN nsubj 2 Harlow
        spoke VBD VERB ROOT 2 speak -
        . . PUNCT punct 2 .
        Maria NNP PROPN compound 5 Maria
        Velez NNP PROPN nsubj 6 Velez
        thanked VBD VERB ROOT 6 thank
        Harlow NNP PROPN dobj 6 Harlow
        after IN SCONJ mark 11 after
        the DT DET det 10 the
        nominee NN NOUN nsubj 11 nominee
        left VBD VERB advcl 6 leave -
        . . PUNCT punct 6 .
    """
    assert described(rows, [(0, 2, "PERSON"), (4, 6, "PERSON"), (7, 8, "PERSON")], lex) == []


def test_two_subjects_before_leave_the_description_unresolved(lex):
    rows = """
        John NNP PROPN compound 1 John
        Harlow NNP PROPN nsubj 5 Harlow
        and CC CCONJ cc 1 and
        Maria NNP PROPN compound 4 Maria
        Velez NNP PROPN conj 1 Velez
        spoke VBD VERB ROOT 5 speak -
        . . PUNCT punct 5 .
        The DT DET det 8 the
        candidate NN NOUN nsubj 9 candidate
        said VBD VERB ROOT 9 say
        so RB ADV advmod 9 so -
        . . PUNCT punct 9 .
    """
    assert described(rows, [(0, 2, "PERSON"), (3, 5, "PERSON")], lex) == []


SHORT = """
    {first} NNP PROPN compound 1 {first}
    Harlow NNP PROPN nsubj 2 Harlow
    spoke VBD VERB ROOT 2 speak -
    . . PUNCT punct 2 .
    The DT DET det {head} the
    {words}
    said VBD VERB ROOT {verb} say
    so RB ADV advmod {verb} so -
    . . PUNCT punct {verb} .
"""


def short(first: str, *words: str) -> str:
    """ "<first> Harlow spoke. The <words> said so.", each word `text TAG POS dep`, the last the head."""
    head = 4 + len(words)
    rows = [f"{w.split()[0]} {' '.join(w.split()[1:])} {head} {w.split()[0].lower()}" for w in words[:-1]]
    h = words[-1].split()
    rows.append(f"{h[0]} {h[1]} {h[2]} nsubj {head + 1} {h[0].lower()}")
    return SHORT.format(first=first, head=head, words="\n".join(rows), verb=head + 1)


def test_the_description_of_a_man_is_not_a_woman(lex):
    assert described(short("Mr.", "businessman NN NOUN"), [(1, 2, "PERSON")], lex) == [("The businessman", "harlow")]
    assert described(short("Ms.", "businessman NN NOUN"), [(1, 2, "PERSON")], lex) == []


def test_an_official_with_another_title_is_not_the_description(lex):
    # "Mayor John Harlow spoke. The candidate said so.": the mayor is not "the candidate" by position alone
    assert described(short("Mayor", "candidate NN NOUN"), [(1, 2, "PERSON")], lex) == []
    assert described(short("Mayor", "mayor NN NOUN"), [(1, 2, "PERSON")], lex) == [("The mayor", "harlow")]


def test_an_organisations_official_is_not_the_person_named_before(lex):
    rows = short("John", "FBI NNP PROPN compound", "director NN NOUN")
    assert ("The FBI director", "john-harlow") not in described(rows, [(0, 2, "PERSON"), (5, 6, "ORG")], lex)


def test_no_description_is_resolved_inside_a_quotation(lex):
    rows = """
        John NNP PROPN compound 1 John
        Harlow NNP PROPN nsubj 2 Harlow
        spoke VBD VERB ROOT 2 speak -
        . . PUNCT punct 2 .
        “ `` PUNCT punct 7 “ -
        The DT DET det 6 the
        candidate NN NOUN nsubj 7 candidate
        lied VBD VERB ccomp 11 lie -
        , , PUNCT punct 11 ,
        ” '' PUNCT punct 11 ”
        she PRP PRON nsubj 11 she
        said VBD VERB ROOT 11 say -
        . . PUNCT punct 11 .
    """
    assert described(rows, [(0, 2, "PERSON")], lex) == []
    unquoted = rows.replace("“ `` PUNCT punct 7 “ -", "So RB ADV advmod 7 so") \
        .replace("” '' PUNCT punct 11 ”", "and CC CCONJ cc 11 and")
    assert described(unquoted, [(0, 2, "PERSON")], lex) == [("The candidate", "john-harlow")]
