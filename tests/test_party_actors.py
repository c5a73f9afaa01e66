"""A party's actor (pipelines.claims.sources.party_actor): the person a speaker phrase is about, never
the place or organisation its apposition, relative clause or participle names. Hand-built parses
(tests/parses.py) for the rules, then the same constructions through the model."""
from __future__ import annotations

import pytest

from pipelines.claims.sources import bare_pronoun, party_actor, source_of
from pipelines.claims.syntax import accused_np

from .parses import parse


def chars(doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def test_apposition_speaker_is_the_person_not_the_place():
    doc = parse("""
        Avi NNP PROPN compound 1 Avi
        Bell NNP PROPN nsubj 10 Bell -
        , , PUNCT punct 1 ,
        senior JJ ADJ amod 4 senior
        fellow NN NOUN appos 1 fellow
        at IN ADP prep 4 at
        the DT DET det 7 the
        Forum NNP PROPN pobj 5 Forum
        in IN ADP prep 7 in
        Israel NNP PROPN pobj 8 Israel
        said VBD VERB ROOT 10 say
    """, mentions=[(0, 2, "avi-bell", "PERSON"), (6, 8, "forum", "ORG"), (9, 10, "israel", "GPE")])
    assert party_actor(doc, chars(doc, 0, 10)) == "avi-bell"


def test_relative_clause_never_gives_its_object_as_speaker():
    doc = parse("""
        The DT DET det 1 the
        lawyer NN NOUN nsubj 7 lawyer -
        , , PUNCT punct 1 ,
        who WP PRON nsubj 4 who
        represents VBZ VERB relcl 1 represent
        Michael NNP PROPN compound 6 Michael
        Cohen NNP PROPN dobj 4 Cohen -
        said VBD VERB ROOT 7 say
    """, mentions=[(5, 7, "michael-cohen", "PERSON")])
    assert party_actor(doc, chars(doc, 0, 7)) is None


def test_official_of_a_state_is_not_the_state_he_is_posted_to():
    doc = parse("""
        China NNP PROPN poss 2 China
        's POS PART case 0 's
        ambassador NN NOUN nsubj 5 ambassador
        to IN ADP prep 2 to
        Britain NNP PROPN pobj 3 Britain
        said VBD VERB ROOT 5 say
    """, mentions=[(0, 1, "china", "GPE"), (4, 5, "united-kingdom", "GPE")])
    assert party_actor(doc, chars(doc, 0, 5)) == "china"


def test_named_apposition_of_a_title_is_the_speaker():
    doc = parse("""
        Microsoft NNP PROPN poss 2 Microsoft
        's POS PART case 0 's
        president NN NOUN nsubj 7 president -
        , , PUNCT punct 2 ,
        Brad NNP PROPN compound 5 Brad
        Smith NNP PROPN appos 2 Smith -
        , , PUNCT punct 2 ,
        said VBD VERB ROOT 7 say
    """, mentions=[(0, 1, "microsoft", "ORG"), (4, 6, "brad-smith", "PERSON")])
    assert party_actor(doc, chars(doc, 0, 6)) == "brad-smith"


def test_spokesman_for_a_body_and_report_by_an_agency_keep_their_actor():
    doc = parse("""
        A DT DET det 1 a
        spokesman NN NOUN nsubj 5 spokesman
        for IN ADP prep 1 for
        the DT DET det 4 the
        ministry NNP PROPN pobj 2 ministry
        said VBD VERB ROOT 5 say
    """, mentions=[(3, 5, "ministry", "ORG")])
    assert party_actor(doc, chars(doc, 0, 5)) == "ministry"
    doc = parse("""
        A DT DET det 1 a
        report NN NOUN nsubj 5 report
        released VBN VERB acl 1 release
        by IN ADP agent 2 by
        NASA NNP PROPN pobj 3 NASA
        said VBD VERB ROOT 5 say
    """, mentions=[(4, 5, "nasa", "ORG")])
    assert party_actor(doc, chars(doc, 0, 5)) == "nasa"


def test_a_pronoun_inside_the_phrase_is_not_the_speaker():
    doc = parse("""
        Those DT PRON nsubj 4 those
        close JJ ADJ amod 0 close
        to IN ADP prep 1 to
        him PRP PRON pobj 2 he
        said VBD VERB ROOT 4 say
    """, mentions=[(3, 4, "terry-mcauliffe", "PRON")])
    assert party_actor(doc, chars(doc, 0, 4)) is None


@pytest.mark.slow
@pytest.mark.parametrize("text, source, actor", [
    ("\u201cThe law is clear,\u201d said Avi Bell, senior fellow at the Kohelet Policy Forum in Israel.",
     "Avi Bell", "avi-bell"),
    ("The lawyer, who represents the defendant Michael Cohen, said the case was weak.", "The lawyer", None),
    ("Microsoft's president, Brad Smith, said the attack was reckless.", "Microsoft's president", "brad-smith"),
    ("Taylor Swift wrote a post on Tumblr, accusing Scooter Braun of bullying.", "Taylor Swift", "taylor-swift"),
])
def test_speakers_through_the_model(nlp, text, source, actor):
    claims = nlp(text)._.claims
    assert claims, text
    assert claims[0]["source"]["text"].startswith(source)
    assert claims[0]["source"]["actor"] == actor


@pytest.mark.slow
def test_first_person_in_quotations_through_the_model(nlp):
    doc = nlp("Prince Andrew told the BBC: \u201cI never met her.\u201d Microsoft said in a statement: "
              "\u201cWe take this seriously.\u201d \u201cI lied,\u201d Jane Doe said.")
    firsts = [(m["text"], m["actor"]) for m in doc._.mentions if m["text"] in ("I", "We")]
    assert firsts == [("I", "prince-andrew"), ("We", "microsoft"), ("I", "jane-doe")]


def test_a_relative_pronoun_is_its_antecedents_actor():
    doc = parse("""
        Big NNP PROPN compound 1 Big
        Machine NNP PROPN nsubj 7 Machine -
        , , PUNCT punct 1 ,
        which WDT PRON nsubj 4 which
        was VBD AUX relcl 1 be
        sold VBN VERB acomp 4 sell -
        , , PUNCT punct 1 ,
        denied VBD VERB ROOT 7 deny
        it PRP PRON dobj 7 it
    """, mentions=[(0, 2, "big-machine", "ORG")])
    assert party_actor(doc, chars(doc, 3, 4)) == "big-machine"
    alone = parse("""
        a DT DET det 1 a
        payout NN NOUN dobj 5 payout
        that WDT PRON dobj 4 that
        Cooperman NNP PROPN nsubj 4 Cooperman
        blasted VBD VERB relcl 1 blast
        left VBD VERB ROOT 5 leave
    """, mentions=[(3, 4, "leon-cooperman", "PERSON")])
    assert party_actor(alone, chars(alone, 2, 3)) is None  # "a payout that X blasted": not X
    assert bare_pronoun(alone, chars(alone, 2, 3)) and not bare_pronoun(alone, chars(alone, 0, 2))


def test_a_by_agent_leaves_the_charge_to_the_verb():
    doc = parse("""
        Corbyn NNP PROPN nsubjpass 2 Corbyn
        is VBZ AUX auxpass 2 be
        accused VBN VERB ROOT 2 accuse
        by IN ADP agent 2 by
        critics NNS NOUN pobj 3 critic
        of IN ADP prep 4 of
        promoting VBG VERB pcomp 5 promote
        taxes NNS NOUN dobj 6 tax
    """)
    s, e = source_of(doc[2])
    assert doc.text[s:e] == "critics"


@pytest.mark.slow
@pytest.mark.parametrize("text, source, actor, target", [
    ("Jane Porter posted on Twitter accusing Microsoft of trying to silence her.", "Jane Porter", "jane-porter",
     "microsoft"),
    ("Fortress will leave with a payout that investor Leon Cooperman blasted as morally wrong.",
     "investor Leon Cooperman", "leon-cooperman", None),
])
def test_speakers_and_targets_through_the_model(nlp, text, source, actor, target):
    typed = [c for c in nlp(text)._.claims if c["type"] == "accusation"]
    assert typed, text
    assert typed[0]["source"]["text"].endswith(source) and typed[0]["source"]["actor"] == actor
    assert (typed[0]["target"] or {}).get("actor") == target


def test_a_pointing_description_is_no_target_without_an_actor():
    doc = parse("""
        Many JJ ADJ nsubj 1 many
        deplore VBP VERB ROOT 1 deplore
        that DT DET det 3 that
        decision NN NOUN dobj 1 decision
        and CC CCONJ cc 1 and
        Trump NNP PROPN conj 1 Trump
    """, mentions=[(5, 6, "donald-trump", "PERSON")])
    assert bare_pronoun(doc, chars(doc, 2, 4))
    assert not bare_pronoun(doc, chars(doc, 3, 4)) and not bare_pronoun(doc, chars(doc, 5, 6))
    plural = parse("""
        They PRP PRON nsubj 1 they
        blamed VBD VERB ROOT 1 blame
        these DT DET det 3 these
        looters NNS NOUN dobj 1 looter
    """)
    assert not bare_pronoun(plural, chars(plural, 2, 4))  # a plural description still says who


def test_the_accused_leaves_out_a_participle_saying_what_it_did():
    doc = parse("""
        China NNP PROPN nsubj 1 China
        denounced VBD VERB ROOT 1 denounce
        a DT DET det 4 a
        court NN NOUN compound 4 court
        ruling NN NOUN dobj 1 ruling
        declaring VBG VERB acl 4 declare
        the DT DET det 7 the
        ban NN NOUN dobj 5 ban
    """)
    s, e = accused_np(doc[4])
    assert doc[s:e].text == "a court ruling"
    made = parse("""
        They PRP PRON nsubj 1 they
        condemned VBD VERB ROOT 1 condemn
        the DT DET det 3 the
        move NN NOUN dobj 1 move
        announced VBN VERB acl 3 announce
        by IN ADP agent 4 by
        Pompeo NNP PROPN pobj 5 Pompeo
    """)
    s, e = accused_np(made[3])
    assert made[s:e].text == "the move announced by Pompeo"  # the move's maker stays in the party


def test_a_party_starts_after_a_closing_quote_and_its_space():
    # the parse hung the closing quote mark on the speaker ("…,” Shook said"): the party is the name,
    # not the quote mark nor the space after it
    from pipelines.claims.sources import party

    doc = parse("""
        “ `` PUNCT punct 3 “ -
        Late JJ ADJ acomp 3 late -
        , , PUNCT punct 3 ,
        ” '' PUNCT punct 4 ”
        Shook NNP PROPN nsubj 5 Shook
        said VBD VERB ROOT 5 say -
        . . PUNCT punct 5 .
    """)
    s, e = party(doc, 3, 5)
    assert doc.text[s:e] == "Shook"
