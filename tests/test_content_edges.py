"""The right edge of a content whose cue is found (issue 8): what the parse hung on the cue but
belongs to the content before it. Rules on hand-built parses (tests/parses.py, no model), then the
same constructions through the real model. Sentences are our own."""
from __future__ import annotations

import pytest

from pipelines.claims import Lexicon, extract_claims
from pipelines.lexicons import read_claim_words, read_cues

from .parses import parse
from .test_claims import claims_of


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_data(read_cues("en"), read_claim_words("en"))


def contents(doc, lex) -> list[tuple[str, str]]:
    return [(c["cue"]["text"], c["content"]["text"]) for c in extract_claims(doc, lex)]


PARTICIPLE_ON_THE_CUE = """
    The DT DET det 1 the
    mayor NN NOUN nsubj 2 mayor
    praised VBD VERB ROOT 2 praise
    the DT DET det 4 the
    volunteers NNS NOUN dobj 2 volunteer
    cleaning VBG VERB advcl 2 clean
    the DT DET det 7 the
    beach NN NOUN dobj 5 beach -
    . . PUNCT punct 2 .
"""


def test_a_participle_hung_on_the_cue_right_after_its_object_is_part_of_the_content(lex):
    # the parse made "cleaning the beach" the verb's adverbial; it says what the volunteers do
    assert contents(parse(PARTICIPLE_ON_THE_CUE), lex) == [("praised", "the volunteers cleaning the beach")]


def test_a_participle_after_a_comma_stays_out_of_the_content(lex):
    doc = parse("""
        The DT DET det 1 the
        mayor NN NOUN nsubj 2 mayor
        praised VBD VERB ROOT 2 praise
        the DT DET det 4 the
        volunteers NNS NOUN dobj 2 volunteer -
        , , PUNCT punct 2 ,
        thanking VBG VERB advcl 2 thank
        them PRP PRON dobj 6 they -
        . . PUNCT punct 2 .
    """)
    # ", thanking them": the mayor's next act, not what is said of the volunteers (the tail
    # classifier may take "thanking them" as a statement of its own)
    assert [c for c in contents(doc, lex) if c[0] == "praised"] == [("praised", "the volunteers")]


@pytest.mark.slow
def test_a_participle_after_a_prepositions_object_through_the_model(nlp):
    found = [(c["cue"]["text"], c["content"]["text"]) for c in
             claims_of(nlp, "The coach bragged about his daughter winning the race.")]
    assert ("bragged", "his daughter winning the race") in found


CLUB_RAISED = """
        The DT DET det 1 the
        club NN NOUN nsubj 2 club
        said VBD VERB ROOT 2 say
        it PRP PRON nsubj 4 it
        raised VBD VERB ccomp 2 raise
        $ $ SYM nmod 6 $
        90 CD NUM dobj 4 90 -
        , , PUNCT punct 4 ,
"""  # "The club said it raised $ 90," and a participle after the comma


def test_a_trailing_participle_of_what_the_reported_act_led_to_stays_in_the_content(lex):
    doc = parse(CLUB_RAISED + """\
        bringing VBG VERB advcl 4 bring
        its PRP$ PRON poss 10 its
        total NN NOUN dobj 8 total
        to IN ADP prep 8 to
        $ $ SYM nmod 13 $
        200 CD NUM pobj 11 200 -
        . . PUNCT punct 2 .
    """)
    assert contents(doc, lex) == [("said", "it raised $ 90, bringing its total to $ 200")]


def test_a_trailing_participle_of_a_cue_verb_is_cut_from_the_content(lex):
    doc = parse(CLUB_RAISED + """\
        calling VBG VERB advcl 4 call
        it PRP PRON dobj 8 it
        a DT DET det 11 a
        record NN NOUN oprd 8 record -
        . . PUNCT punct 2 .
    """)
    # ", calling it a record": the club's next words, a claim of their own, not part of the first
    assert ("said", "it raised $ 90") in contents(doc, lex)


def test_a_conjunction_whose_conjunct_the_parse_put_outside_the_content_is_not_its_last_word(lex):
    doc = parse("""
        She PRP PRON nsubj 1 she
        said VBD VERB ROOT 1 say
        she PRP PRON nsubj 3 she
        met VBD VERB ccomp 1 meet
        him PRP PRON dobj 3 he
        twice RB ADV advmod 3 twice
        but CC CCONJ cc 3 but
        denied VBD VERB conj 1 deny
        any DT DET det 9 any
        deal NN NOUN dobj 7 deal -
        . . PUNCT punct 1 .
    """)
    # "but" hangs on the clause, its conjunct on the cue: the content ends before it
    assert ("said", "she met him twice") in contents(doc, lex)


@pytest.mark.slow
@pytest.mark.parametrize("text, cue, paraphrase, quoted_cue", [
    ('The senator urged her to resign from her post and said, "Her time is over."',
     "urged", "her to resign from her post", "said"),
    ('The mayor said it was too early to name winners but added, "I think you all know the results."',
     "said", "it was too early to name winners", "added"),
], ids=["and-said", "but-added"])
def test_a_quotation_after_a_second_report_cue_is_that_cues_not_the_paraphrases(nlp, text, cue, paraphrase, quoted_cue):
    found = {c["cue"]["text"]: c["content"]["text"] for c in claims_of(nlp, text)}
    assert found[cue] == paraphrase
    assert found[quoted_cue].startswith(("Her time", "I think"))


@pytest.mark.slow
def test_a_partial_quotation_inside_a_paraphrase_still_joins_it(nlp):
    found = {c["cue"]["text"]: c["content"]["text"] for c in
             claims_of(nlp, 'The mayor said the vote was "too early to call."')}
    assert found["said"].startswith("the vote was") and "too early to call" in found["said"]


SECOND_THAT_CLAUSE_ON_THE_CUE = """
    The DT DET det 1 the
    senator NN NOUN nsubj 2 senator
    said VBD VERB ROOT 2 say
    the DT DET det 4 the
    deal NN NOUN nsubj 5 deal
    was VBD AUX ccomp 2 be
    a DT DET det 7 a
    start NN NOUN attr 5 start -
    , , PUNCT punct 2 ,
    but CC CCONJ cc 2 but
    that IN SCONJ mark 14 that
    more JJR ADJ amod 12 more
    work NN NOUN nsubjpass 14 work
    was VBD AUX auxpass 14 be
    needed VBN VERB conj 2 need -
    . . PUNCT punct 2 .
"""


def test_a_second_that_clause_the_parse_conjoined_to_the_cue_is_part_of_the_content(lex):
    # "but that ...": the parse hung the second clause on "said" itself; the cue reports both
    assert contents(parse(SECOND_THAT_CLAUSE_ON_THE_CUE), lex) == [
        ("said", "the deal was a start, but that more work was needed")]


def test_a_conjoined_clause_with_no_that_on_the_cue_stays_out(lex):
    # the same parse without "that": "but more work was needed" may be the writer's, it stays out
    lines = [ln for ln in SECOND_THAT_CLAUSE_ON_THE_CUE.strip().splitlines() if not ln.strip().startswith("that ")]
    fixed = []
    for ln in lines:
        parts = ln.split()
        head = int(parts[4])
        parts[4] = str(head - 1 if head > 10 else head)
        fixed.append(" ".join(parts))
    assert contents(parse("\n".join(fixed)), lex) == [("said", "the deal was a start")]


QUOTATION_AFTER_ITS_OBJECT = """
    She PRP PRON nsubj 1 she
    calls VBZ VERB ROOT 1 call
    him PRP PRON dative 1 he
    “ `` PUNCT punct 6 " -
    a DT DET det 6 a
    capable JJ ADJ amod 6 capable
    leader NN NOUN dobj 1 leader
    with IN ADP prep 6 with
    a DT DET det 9 a
    long JJ ADJ amod 10 long
    record NN NOUN pobj 7 record
    in IN ADP prep 10 in
    office NN NOUN pobj 11 office -
    . . PUNCT punct 1 . -
    ” '' PUNCT punct 1 "
"""


def test_a_quotation_the_cues_own_object_leads_into_keeps_that_object(lex):
    # "calls him “a capable leader ...”": the quotation finishes what the cue says of him; the
    # object before it belongs to the content (PolNeAR's annotation)
    found = dict(contents(parse(QUOTATION_AFTER_ITS_OBJECT), lex))
    assert found["calls"].startswith("him “a capable leader with a long record in office")


def test_a_quotation_after_a_comma_starts_at_its_first_word(lex):
    doc = parse("""
        She PRP PRON nsubj 1 she
        told VBD VERB ROOT 1 tell
        reporters NNS NOUN dobj 1 reporter -
        , , PUNCT punct 1 ,
        “ `` PUNCT punct 7 " -
        the DT DET det 6 the
        plan NN NOUN nsubj 7 plan
        works VBZ VERB ccomp 1 work -
        . . PUNCT punct 1 . -
        ” '' PUNCT punct 1 "
    """)
    assert dict(contents(doc, lex))["told"].startswith("the plan works")


def test_a_that_clause_the_quotation_finishes_starts_at_that_whatever_the_parse(lex):
    # the parse made the clause a modifier of "statement"; "that" and "Smith’s" (an apostrophe,
    # not a quotation mark) lead into the quotation
    doc = parse("""
        The DT DET det 1 the
        director NN NOUN nsubj 2 director
        says VBZ VERB ROOT 2 say
        in IN ADP prep 2 in
        a DT DET det 5 a
        statement NN NOUN pobj 3 statement
        that IN SCONJ mark 13 that
        Smith NNP PROPN poss 11 Smith -
        ’s POS PART case 7 ’s
        “ `` PUNCT punct 11 " -
        reckless JJ ADJ amod 11 reckless
        rhetoric NN NOUN nsubj 13 rhetoric
        has VBZ AUX aux 13 have
        crossed VBN VERB acl 5 cross
        the DT DET det 15 the
        line NN NOUN dobj 13 line
        from IN ADP prep 15 from
        words NNS NOUN pobj 16 word
        to IN ADP prep 16 to
        harm NN NOUN pobj 18 harm -
        . . PUNCT punct 2 . -
        ” '' PUNCT punct 2 "
    """)
    assert dict(contents(doc, lex))["says"].startswith("that Smith’s “reckless rhetoric has crossed the line")


# the small model's parse of "Jane Doe said, when asked about the tax, that it was unfair.": the aside
# hung inside the that-clause, before its "that"
ASIDE_BEFORE_THAT = """
    Jane NNP PROPN compound 1 Jane
    Doe NNP PROPN nsubj 2 Doe
    said VBD VERB ROOT 2 say -
    , , PUNCT punct 2 ,
    when WRB SCONJ advmod 5 when
    asked VBN VERB advcl 12 ask
    about IN ADP prep 5 about
    the DT DET det 8 the
    tax NN NOUN pobj 6 tax -
    , , PUNCT punct 5 ,
    that IN SCONJ mark 12 that
    it PRP PRON nsubj 12 it
    was VBD AUX ccomp 2 be
    unfair JJ ADJ acomp 12 unfair -
    . . PUNCT punct 2 .
"""


def test_an_aside_the_parse_hung_before_the_clauses_that_is_the_cues(lex):
    said = [c for c in contents(parse(ASIDE_BEFORE_THAT), lex) if c[0] == "said"]
    assert said == [("said", "that it was unfair")]


def test_a_that_clause_with_its_own_fronted_aside_keeps_it(nlp):
    # after "that" the aside is the clause's own
    doc = nlp("She said that, if elected, she would cut taxes.")
    assert [(c["cue"]["text"], c["content"]["text"]) for c in doc._.claims] == [
        ("said", "that, if elected, she would cut taxes")]



# the parenthetical cue splits the reported clause in two; PolNeAR annotates both parts as
# fragments of one content, and a claim is its longer part ("Y1, X said, Y2")
PARENTHETICAL_CUE = """
    Those DT PRON nsubj 14 those
    who WP PRON nsubj 3 who
    now RB ADV advmod 3 now
    have VBP VERB relcl 0 have
    the DT DET det 5 the
    right NN NOUN dobj 3 right
    to TO PART aux 7 to
    vote VB VERB acl 5 vote -
    , , PUNCT punct 10 ,
    he PRP PRON nsubj 10 he
    said VBD VERB parataxis 14 say -
    , , PUNCT punct 10 ,
    must MD AUX aux 14 must
    still RB ADV advmod 14 still
    register VB VERB ROOT 14 register -
    . . PUNCT punct 14 .
"""

PARENTHETICAL_AFTER_A_SHORT_SUBJECT = """
    But CC CCONJ cc 7 but
    the DT DET det 2 the
    museum NN NOUN nsubj 7 museum -
    , , PUNCT punct 5 ,
    he PRP PRON nsubj 5 he
    said VBD VERB parataxis 7 say -
    , , PUNCT punct 5 ,
    would MD AUX aux 7 would
    make VB VERB ROOT 7 make
    visitors NNS NOUN nsubj 10 visitor
    face VB VERB ccomp 7 face
    hard JJ ADJ amod 12 hard
    truths NNS NOUN dobj 10 truth -
    . . PUNCT punct 7 .
"""


def test_a_parenthetical_cue_reports_the_longer_part_around_it(lex):
    # the subject before the cue is longer than "must still register": it is the content
    assert contents(parse(PARENTHETICAL_CUE), lex) == [("said", "Those who now have the right to vote")]
    # the part after the cue when it is the longer one
    assert contents(parse(PARENTHETICAL_AFTER_A_SHORT_SUBJECT), lex) == [
        ("said", "would make visitors face hard truths.")]


def test_a_parenthetical_cue_before_a_quotation_reports_the_quotation(lex):
    # "…, he added, are like “bombs.”": the quotation after the cue is what was said, whatever the lengths
    rows = PARENTHETICAL_CUE.replace("    must MD AUX aux 14 must\n    still RB ADV advmod 14 still\n", "    \u201c `` PUNCT punct 14 \u201c -\n    must MD AUX aux 14 must\n").replace(
        "register VB VERB ROOT 14 register -\n    . . PUNCT punct 14 .", "register VB VERB ROOT 14 register -\n    . . PUNCT punct 14 . -\n    \u201d \'\' PUNCT punct 14 \u201d")
    doc = parse(rows)
    assert doc.text.endswith("\u201cmust register.\u201d")
    assert [cue for cue, _ in contents(doc, lex)] == ["said"]
    assert "Those" not in contents(doc, lex)[0][1]


NAME_WITH_A_PREPOSITION = """
    She PRP PRON nsubj 1 she
    called VBD VERB ROOT 1 call
    him PRP PRON dobj 1 he
    a DT DET det 4 a
    master NN NOUN oprd 1 master
    {prep} IN ADP prep 1 {prep}
    {rest}
    . . PUNCT punct 1 .
"""


def test_a_preposition_after_the_name_a_naming_verb_gives_belongs_to_the_name(lex):
    # the parse hung "of the old school" on "called": it says what kind of master
    rows = NAME_WITH_A_PREPOSITION.format(prep="of", rest="the DT DET det 8 the\n    old JJ ADJ amod 8 old\n    school NN NOUN pobj 5 school -")
    assert contents(parse(rows), lex) == [("called", "him a master of the old school")]


def test_where_or_when_a_name_was_given_is_not_part_of_it(lex):
    rows = NAME_WITH_A_PREPOSITION.format(prep="in", rest="a DT DET det 7 a\n    tweet NN NOUN pobj 5 tweet -")
    assert contents(parse(rows), lex) == [("called", "him a master")]
