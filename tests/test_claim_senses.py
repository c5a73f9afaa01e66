"""Word sense of the typed cues (pipelines/claims/senses.py) and the criticism verbs: each rule on a
hand-built parse (tests/parses.py: the parse it assumes is written out), positive and negative, then
whole sentences through the real model."""
from __future__ import annotations

import pytest

from pipelines.claims import Lexicon, extract_claims
from pipelines.lexicons import read_claim_words, read_cues

from .parses import parse


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_data(read_cues("en"), read_claim_words("en"))


def typed(claims: list[dict]) -> list[tuple[str, str | None, str | None]]:
    return [(c["type"], c["source"]["text"], (c["target"] or {}).get("text")) for c in claims
            if c["type"] != "statement"]


def test_charged_with_a_crime_is_an_accusation(lex):
    doc = parse("""
        Prosecutors NNS NOUN nsubj 1 prosecutor
        charged VBD VERB ROOT 1 charge
        him PRP PRON dobj 1 he
        with IN ADP prep 1 with
        fraud NN NOUN pobj 3 fraud -
        . . PUNCT punct 1 .
    """, mentions=[(2, 3, "john-doe", "PRON")])  # a pronoun target without an actor is no target (draft._target)
    assert typed(extract_claims(doc, lex)) == [("accusation", "Prosecutors", "him")]


def test_charging_a_device_is_no_claim(lex):
    doc = parse("""
        You PRP PRON nsubj 2 you
        can MD AUX aux 2 can
        charge VB VERB ROOT 2 charge
        the DT DET det 4 the
        phone NN NOUN dobj 2 phone
        with IN ADP prep 2 with
        a DT DET det 7 a
        cable NN NOUN pobj 5 cable -
        . . PUNCT punct 2 .
    """)
    assert extract_claims(doc, lex) == []


def test_deny_yourself_is_no_denial(lex):
    doc = parse("""
        You PRP PRON nsubj 1 you
        deny VBP VERB ROOT 1 deny
        yourself PRP PRON dative 1 yourself
        a DT DET det 4 a
        dessert NN NOUN dobj 1 dessert -
        . . PUNCT punct 1 .
    """)
    assert typed(extract_claims(doc, lex)) == []


REJECTED_AS = """
    Ramallah NNP PROPN nsubj 1 Ramallah
    rejected VBD VERB ROOT 1 reject
    the DT DET det 3 the
    {noun} {tag} NOUN dobj 1 {lemma}
    as IN ADP prep 1 as
    {pred} NN NOUN pobj 4 {pred} -
    . . PUNCT punct 1 .
"""


def test_rejected_someone_as_a_mediator_is_no_denial_but_rejected_claims_as_lies_are(lex):
    mediator = parse(REJECTED_AS.format(noun="envoy", tag="NN", lemma="envoy", pred="mediator"))
    assert typed(extract_claims(mediator, lex)) == []
    claims = parse(REJECTED_AS.format(noun="claims", tag="NNS", lemma="claim", pred="lies"))
    assert typed(extract_claims(claims, lex)) == [("denial", "Ramallah", None)]


def test_a_conditional_dispute_is_no_denial(lex):
    doc = parse("""
        I PRP PRON nsubj 1 I
        asked VBD VERB ROOT 1 ask
        if IN SCONJ mark 4 if
        they PRP PRON nsubj 4 they
        wanted VBD VERB advcl 1 want
        to TO PART aux 6 to
        dispute VB VERB xcomp 4 dispute
        that DT PRON dobj 6 that -
        . . PUNCT punct 1 .
    """)
    assert typed(extract_claims(doc, lex)) == []


def test_attributed_to_a_cause_is_no_attribution(lex):
    doc = parse("""
        Oza NNP PROPN nsubj 1 Oza
        attributed VBD VERB ROOT 1 attribute
        the DT DET det 3 the
        rally NN NOUN dobj 1 rally
        to IN ADP prep 1 to
        the DT DET det 6 the
        ruling NN NOUN pobj 4 ruling -
        . . PUNCT punct 1 .
    """)
    assert typed(extract_claims(doc, lex)) == []


def test_a_worry_is_no_accusation(lex):
    doc = parse("""
        Senators NNS NOUN nsubj 1 senator
        worry VBP VERB ROOT 1 worry
        that IN SCONJ mark 5 that
        a DT DET det 4 a
        trial NN NOUN nsubj 5 trial
        will MD AUX aux 5 will
        interfere VB VERB ccomp 1 interfere -
        . . PUNCT punct 1 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert claim["type"] == "statement" and claim["target"] is None


def test_criticising_an_act_accuses_its_owner(lex):
    doc = parse("""
        Pelosi NNP PROPN nsubj 1 Pelosi
        criticized VBD VERB ROOT 1 criticize
        Trump NNP PROPN poss 4 Trump
        's POS PART case 2 's
        decision NN NOUN dobj 1 decision -
        . . PUNCT punct 1 .
    """)
    assert typed(extract_claims(doc, lex)) == [("accusation", "Pelosi", "Trump")]


def test_attacking_a_thing_without_reason_is_no_accusation(lex):
    doc = parse("""
        Rebels NNS NOUN nsubj 1 rebel
        attacked VBD VERB ROOT 1 attack
        the DT DET det 3 the
        convoy NN NOUN dobj 1 convoy -
        . . PUNCT punct 1 .
    """)
    assert typed(extract_claims(doc, lex)) == []


def test_blamed_x_for_y_targets_x_not_a_noun_inside_y(lex):
    doc = parse("""
        Obama NNP PROPN nsubj 1 Obama
        blamed VBD VERB ROOT 1 blame
        the DT DET det 3 the
        NRA NNP PROPN dobj 1 NRA
        for IN ADP prep 1 for
        the DT DET det 6 the
        lack NN NOUN pobj 4 lack
        of IN ADP prep 6 of
        action NN NOUN pobj 7 action
        on IN ADP prep 8 on
        the DT DET det 11 the
        bill NN NOUN pobj 9 bill -
        . . PUNCT punct 1 .
    """)
    assert typed(extract_claims(doc, lex)) == [("accusation", "Obama", "the NRA")]


def test_lashed_out_at(lex):
    rows = """
        Swift NNP PROPN nsubj 1 Swift
        lashed VBD VERB ROOT 1 lash
        {out}
        at IN ADP prep 1 at
        Braun NNP PROPN pobj {at} Braun -
        . . PUNCT punct 1 .
    """
    doc = parse(rows.format(out="out RP ADP prt 1 out", at=3))
    assert typed(extract_claims(doc, lex)) == [("accusation", "Swift", "Braun")]
    without = parse(rows.replace("{out}\n", "").format(at=2))
    assert typed(extract_claims(without, lex)) == []


def test_denied_with_a_gerund(lex):
    doc = parse("""
        He PRP PRON nsubj 1 he
        denied VBD VERB ROOT 1 deny
        having VBG AUX aux 3 have
        met VBN VERB xcomp 1 meet
        them PRP PRON dobj 3 they -
        . . PUNCT punct 1 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert (claim["type"], claim["content"]["text"]) == ("denial", "having met them")


SENTENCES = [
    ("Prosecutors charged the former mayor with bribery and fraud.", "accusation"),
    ("The car supports 150 kW fast charging and can charge its battery with a home charger.", None),
    ("The senator sharply criticized the governor for the delay.", "accusation"),
    ("Then a nurse dismissed an X-ray of his chest as normal.", None),
    ("The company denied the allegations as baseless.", "denial"),
]


@pytest.mark.parametrize("sentence, kind", SENTENCES)
def test_sense_through_the_model(nlp, sentence, kind):
    kinds = {c["type"] for c in nlp(sentence)._.claims} - {"statement"}
    assert kinds == ({kind} if kind else set())


def test_charging_a_product_with_a_pad_is_no_claim(nlp):
    doc = nlp("The pad has a spot for charging any Apple Watch or AirPods with a wireless case.")
    assert not [c for c in doc._.claims if c["type"] != "statement"]


def test_faced_criticism_over_accuses_its_bearer(lex):
    doc = parse("""
        Washington NNP PROPN nsubj 1 Washington
        faced VBD VERB ROOT 1 face
        criticism NN NOUN dobj 1 criticism
        over IN ADP prep 1 over
        its PRP$ PRON poss 5 its
        decision NN NOUN pobj 3 decision -
        . . PUNCT punct 1 .
    """)
    (claim,) = extract_claims(doc, lex)
    assert (claim["type"], claim["source"]["text"], claim["content"]["text"], claim["target"]["text"]) == (
        "accusation", None, "its decision", "Washington")  # what drew it, without "over" (borne_content)


UNDER_FIRE = """
    He PRP PRON nsubj 1 he
    came VBD VERB ROOT 1 come
    under IN ADP prep 1 under
    {words}
    . . PUNCT punct 1 .
"""


def test_under_fire_for_is_censure_but_enemy_fire_is_not(lex):
    censure = parse(UNDER_FIRE.format(words="fire NN NOUN pobj 2 fire\n for IN ADP prep 1 for\n"
                                            " lying VBG VERB pcomp 4 lie -"),
                    mentions=[(0, 1, "john-doe", "PRON")])  # a pronoun target without an actor is no target
    assert typed(extract_claims(censure, lex)) == [("accusation", None, "He")]
    battle = parse(UNDER_FIRE.format(words="enemy NN NOUN compound 4 enemy\n fire NN NOUN pobj 2 fire -"))
    assert typed(extract_claims(battle, lex)) == []


@pytest.mark.parametrize("sentence, target", [
    ("Officers arrested the driver on several charges after the crash.", "the driver"),
    ("The car should deliver around 215 miles on a single charge.", None),
    ("Would there have been impeachment hearings against the mayor?", None),
])
def test_charges_and_proceedings_through_the_model(nlp, sentence, target):
    targets = [c["target"]["text"] for c in nlp(sentence)._.claims if c["type"] == "accusation"]
    assert targets == ([target] if target else [])


def test_a_label_line_is_no_headline_claim(nlp):
    doc = nlp("Portion Fix Containers: 1 Green, 2 Purple and 1 Red\n\nGingrich: Trump must decide soon on the tax plan")
    assert [(c["source"]["text"], c["cue"]["text"]) for c in doc._.claims] == [("Gingrich", ":")]


@pytest.mark.parametrize("note", ["CLARIFICATION", "Correction", "BYLINE"])
def test_a_writers_note_before_a_colon_is_no_speaker(nlp, note):
    doc = nlp(f"The plan was passed.\n\n{note}: An earlier version of this story said the mayor is calling for a vote.")
    assert not any(c["cue"]["text"] == ":" for c in doc._.claims), doc._.claims


@pytest.mark.parametrize("sentence, kind, target", [
    ("The company has denied Swift's claims.", "denial", "Swift"),
    ("The ministry said the accusations were baseless.", "denial", None),
    ("He pleaded not guilty to the charges.", "denial", None),
    ("She pleaded guilty to fraud.", None, None),
])
def test_denial_wordings_through_the_model(nlp, sentence, kind, target):
    found = [(c["type"], (c["target"] or {}).get("text")) for c in nlp(sentence)._.claims if c["type"] != "statement"]
    assert found == ([(kind, target)] if kind else [])


def test_these_accusations_answer_the_accusation_before(nlp):
    doc = nlp("The opposition accused the minister of lying to parliament. The minister rejected these accusations.")
    denials = [(c["source"]["text"], c["target"]["text"]) for c in doc._.claims if c["type"] == "denial"]
    assert denials == [("The minister", "The opposition")]
    alone = nlp("The minister rejected the accusations.")
    assert [c["target"] for c in alone._.claims if c["type"] == "denial"] == [None]
