"""Say/tell cues, session 8: the pro-forms a say/tell verb reports ("said so", "said the same",
"said as much"), a that-clause the parse hung on its object, the speaker of a participle hung inside
a that/whether-clause, of a quotation after another cue's sentence, closing tags. Rules on hand-built
parses (tests/parses.py, no model), then some of the same constructions through the real model.
Sentences are our own."""
from __future__ import annotations

from .parses import parse
from .test_claim_bounds import briefs, lex  # noqa: F401  (lex: the module fixture of the lexicon)
from .test_claims import claims_of


def test_the_same_the_parse_made_a_subject_is_what_a_share_said(lex):
    # the small model's parse of "26 percent said the same": "same" a second subject
    doc = parse("""
        Last JJ ADJ amod 1 last
        month NN NOUN npadvmod 5 month -
        , , PUNCT punct 5 ,
        26 CD NUM nummod 4 26
        percent NN NOUN nsubj 5 percent
        said VBD VERB ROOT 5 say
        the DT DET det 7 the
        same JJ ADJ nsubj 5 same -
        . . PUNCT punct 5 .
    """)
    assert [(c["source"], c["cue"], c["content"]) for c in briefs(doc, lex)] == [("26 percent", "said", "the same")]


def test_as_much_and_what_the_same_is_said_of(lex):
    doc = parse("""
        The DT DET det 1 the
        manager NN NOUN nsubj 2 manager
        said VBD VERB ROOT 2 say
        as RB ADV advmod 4 as
        much RB ADV advmod 2 much
        in IN ADP prep 4 in
        an DT DET det 7 an
        interview NN NOUN pobj 5 interview -
        . . PUNCT punct 2 .
    """)
    assert [(c["source"], c["content"]) for c in briefs(doc, lex)] == [("The manager", "as much")]
    doc = parse("""
        Voters NNS NOUN nsubj 1 voter
        said VBD VERB ROOT 1 say
        the DT DET det 3 the
        same JJ ADJ dobj 1 same
        of IN ADP prep 1 of
        the DT DET det 6 the
        governor NN NOUN pobj 4 governor -
        . . PUNCT punct 1 .
    """)
    assert [c["content"] for c in briefs(doc, lex)] == ["the same of the governor"]


def test_so_right_after_the_verb(lex):
    doc = parse("""
        Neither DT DET det 1 neither
        side NN NOUN nsubj 3 side
        would MD AUX aux 3 would
        say VB VERB ROOT 3 say
        so RB ADV advmod 3 so -
        . . PUNCT punct 3 .
    """)
    assert [(c["source"], c["content"]) for c in briefs(doc, lex)] == [("Neither side", "so")]


def test_pro_forms_through_the_model(nlp):
    found = claims_of(nlp, "Six in ten voters trust the mayor. Last month, 26 percent said the same.")
    assert ("said", "26 percent", "the same") in [(c["cue"]["text"], c["source"]["text"], c["content"]["text"])
                                                 for c in found]
    found = claims_of(nlp, "Her campaign manager said as much in an interview on Thursday.")
    assert [(c["source"]["text"], c["content"]["text"]) for c in found] == [("Her campaign manager", "as much")]


def test_a_participle_the_parse_hung_in_a_nouns_that_clause_is_the_main_subjects(lex):
    # "The aide rejected the idea that the mayor would lose, saying turnout was up": the parse hangs
    # "saying" on "lose", inside the clause that completes "idea"; the aide says it, not the mayor
    doc = parse("""
        The DT DET det 1 the
        aide NN NOUN nsubj 2 aide
        rejected VBD VERB ROOT 2 reject
        the DT DET det 4 the
        idea NN NOUN dobj 2 idea
        that IN SCONJ mark 9 that
        the DT DET det 7 the
        mayor NN NOUN nsubj 9 mayor
        would MD AUX aux 9 would
        lose VB VERB acl 4 lose -
        , , PUNCT punct 9 ,
        saying VBG VERB advcl 9 say
        turnout NN NOUN nsubj 13 turnout
        was VBD AUX ccomp 11 be
        up RB ADV advmod 13 up -
        . . PUNCT punct 2 .
    """)
    said = [c for c in briefs(doc, lex) if c["cue"] == "saying"]
    assert [(c["source"], c["content"]) for c in said] == [("The aide", "turnout was up")]


def test_a_participle_after_a_whether_clause_is_the_main_subjects(lex):
    # "She hedged on whether he would win, telling reporters it was close": "telling" hung on "win"
    doc = parse("""
        She PRP PRON nsubj 1 she
        hedged VBD VERB ROOT 1 hedge
        on IN ADP prep 1 on
        whether IN SCONJ mark 6 whether
        he PRP PRON nsubj 6 he
        would MD AUX aux 6 would
        win VB VERB pcomp 2 win -
        , , PUNCT punct 6 ,
        telling VBG VERB advcl 6 tell
        reporters NNS NOUN dobj 8 reporter
        it PRP PRON nsubj 11 it
        was VBD AUX ccomp 8 be
        close JJ ADJ acomp 11 close -
        . . PUNCT punct 1 .
    """)
    told = [c for c in briefs(doc, lex) if c["cue"] == "telling"]
    assert [(c["source"], c["content"]) for c in told] == [("She", "it was close")]


def test_a_quotation_after_a_sentence_with_a_cue_of_its_own_is_that_speakers(nlp):
    text = ("“Mainstream candidates are running out of time,” said Craig Robinson, editor of the site. "
            "Professor Dianne Bystrom agreed. “Voters have few weeks left to find an alternative to the front-runner.”")
    found = [(c["cue"]["text"], c["source"]["text"], c["content"]["text"]) for c in claims_of(nlp, text)]
    assert ("agreed", "Professor Dianne Bystrom",
            "Voters have few weeks left to find an alternative to the front-runner.") in found
    assert ("said", "Craig Robinson, editor of the site", "Mainstream candidates are running out of time,") in found
    # with no cue between, the next quotation goes on with the same speaker
    text = "“Mainstream candidates are running out of time,” Robinson said. “Voters have few weeks left.”"
    assert [c["source"]["text"] for c in claims_of(nlp, text)] == ["Robinson"]


def test_a_closing_tag_reports_its_sentence_past_a_scare_quote(lex):
    doc = parse("""
        Students NNS NOUN nsubj 1 student
        struggle VBP VERB dep 12 struggle -
        , , PUNCT punct 12 ,
        even RB ADV advmod 4 even
        with IN ADP prep 1 with
        a DT DET det 9 a
        “ `` PUNCT punct 9 “ -
        good JJ ADJ amod 9 good -
        ” '' PUNCT punct 9 ”
        job NN NOUN pobj 4 job -
        , , PUNCT punct 12 ,
        he PRP PRON nsubj 12 he
        said VBD VERB ROOT 12 say -
        . . PUNCT punct 12 .
    """)
    assert [(c["source"], c["content"]) for c in briefs(doc, lex)] == [("he", "Students struggle, even with a “good” job")]


def test_a_closing_tag_whose_verb_the_parse_gave_two_subjects_takes_the_one_beside_it(lex):
    # the small model's parse: "people" of the reported clause made a second subject of "said"
    doc = parse("""
        The DT DET det 1 the
        rules NNS NOUN nsubj 2 rule
        made VBD VERB ROOT 2 make
        it PRP PRON nsubj 4 it
        possible JJ ADJ ccomp 2 possible
        for IN SCONJ mark 11 for
        people NNS NOUN nsubj 11 people
        to TO PART aux 8 to
        organize VB VERB acl 6 organize -
        , , PUNCT punct 11 ,
        she PRP PRON nsubj 11 she
        said VBD VERB advcl 2 say -
        . . PUNCT punct 2 .
    """)
    assert [(c["source"], c["content"]) for c in briefs(doc, lex)] == [("she", "The rules made it possible for people to organize")]


def test_a_that_clause_the_parse_hung_on_the_verbs_object_is_what_it_reports(lex):
    # "He told a meeting of island leaders that few people understood the stakes": the parse makes the
    # clause a relative clause of "leaders"
    doc = parse("""
        He PRP PRON nsubj 1 he
        told VBD VERB ROOT 1 tell
        a DT DET det 3 a
        meeting NN NOUN dobj 1 meeting
        of IN ADP prep 3 of
        island NN NOUN compound 6 island
        leaders NNS NOUN pobj 4 leader
        that IN SCONJ mark 10 that
        few JJ ADJ amod 9 few
        people NNS NOUN nsubj 10 people
        understood VBD VERB relcl 6 understand
        the DT DET det 12 the
        stakes NNS NOUN dobj 10 stake -
        . . PUNCT punct 1 .
    """)
    assert [(c["source"], c["content"]) for c in briefs(doc, lex)] == [("He", "that few people understood the stakes")]


def test_a_relative_clause_of_the_object_is_no_report(lex):
    doc = parse("""
        She PRP PRON nsubj 1 she
        told VBD VERB ROOT 1 tell
        the DT DET det 3 the
        story NN NOUN dobj 1 story
        that WDT PRON nsubj 5 that
        made VBD VERB relcl 3 make
        her PRP PRON dobj 5 she
        famous JJ ADJ oprd 5 famous -
        . . PUNCT punct 1 .
    """)
    assert all(c["content"] != "that made her famous" for c in briefs(doc, lex))
