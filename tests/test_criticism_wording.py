"""Criticism in the wording of wire copy (issue 8, item 3): phrasal verbs that accuse only with
their preposition ("rounded on", "tore into"), "laid the blame on", a person object that is not
its possessor's act ("attacked her challenger, X"), "her own" forward, a quoted "we hold X
responsible", a "who" clause after an apposition, "Among the accusers of Y is X", and "called
Y's accusations baseless". Through the model, on sentences of our own, with the negative cases
beside each."""
from __future__ import annotations

import pytest

from tests.arrows import arrows


@pytest.mark.parametrize("text, pair", [
    ("Aston Villa's head coach, Jens Mikkelsen, rounded on referee Daniel Price after Saturday's defeat.",
     ("Jens Mikkelsen", "Daniel Price")),
    ("Senator Ruth Okafor tore into the Environmental Protection Agency over its handling of the spill.",
     ("Ruth Okafor", "Environmental Protection Agency")),
    ("Mayor Tom Reyes laid the blame on the Transit Authority for the delays.", ("Tom Reyes", "Transit Authority")),
    ("Apple hit back at the European Commission over the fine.", ("Apple", "European Commission")),
])
def test_phrasal_criticism(nlp, text, pair):
    assert pair in arrows(nlp(text))


@pytest.mark.parametrize("text", [
    "Police rounded up dozens of suspects on Monday.",
    "The storm tore the roof off the Transit Authority's depot.",
    "Senator Ruth Okafor laid out her proposals for the Environmental Protection Agency.",
    "The striker hit the ball back at the goalkeeper.",
])
def test_the_same_verbs_without_their_phrase_accuse_no_one(nlp, text):
    assert not [c for c in nlp(text)._.claims if c["type"] == "accusation"]


def test_pointing_the_finger_at_someone_makes_them_the_target_not_the_finger(nlp):
    doc = nlp("Mayor Tom Reyes pointed the finger at the Transit Authority for the delays.")
    targets = [c["target"]["text"] for c in doc._.claims if c["type"] == "accusation"]
    assert targets == ["the Transit Authority"]


@pytest.mark.parametrize("text, pair", [
    ("Representative Dana Whitfield attacked her Republican challenger, Mark Ellison, as \"a lobbyist\".",
     ("Dana Whitfield", "Mark Ellison")),
    ("Norway's financial watchdog, Finanstilsynet, accused Halvorsen Shipping's former chairman, Erik Dahl, "
     "of concealing losses.", ("Finanstilsynet", "Erik Dahl")),
])
def test_a_possessed_person_is_the_target_not_the_possessor(nlp, text, pair):
    found = arrows(nlp(text))
    assert pair in found
    assert not any(s == t for s, t in found)  # never the speaker's own "her"
    assert "Halvorsen Shipping" not in {t for _, t in found}


def test_her_own_player_is_not_herself(nlp):
    doc = nlp("Maria Lindgren, coach of Sweden's women's team, scolded her own star forward in front of reporters.")
    assert not any(s == t for s, t in arrows(doc))


def test_an_acts_possessor_is_still_the_target(nlp):
    assert ("Jim Vance", "Tom Hale") in arrows(nlp("Senator Jim Vance criticised Tom Hale's handling of the budget."))


def test_a_quoted_we_hold_x_responsible_is_the_speakers_accusation(nlp):
    doc = nlp("\"We hold Northvale Council fully responsible,\" said Fatima Idris, whose street has flooded.")
    assert ("Fatima Idris", "Northvale Council") in arrows(doc)


def test_a_quoted_we_do_not_hold_x_responsible_accuses_no_one(nlp):
    doc = nlp("\"We do not hold Northvale Council responsible,\" said Fatima Idris.")
    assert not arrows(doc)


def test_who_after_an_apposition_is_the_named_person(nlp):
    doc = nlp("\"They knew and they did nothing,\" said Amira Haddad, a lawyer for the victims' families, who "
              "accused the Lebanese Customs Administration of ignoring repeated warnings.")
    assert ("Amira Haddad", "Lebanese Customs Administration") in arrows(doc)


def test_who_after_a_named_person_in_the_apposition_is_that_person(nlp):
    doc = nlp("Jane Doe, a friend of John Smith, who accused the Transit Authority of lying, spoke on Monday.")
    assert ("John Smith", "Transit Authority") in arrows(doc)


@pytest.mark.parametrize("text, pair", [
    ("Among the accusers of the former Fenwick Capital trader Oliver Grant is the firm's own compliance chief, "
     "Rebecca Thorne, who told the court he had ignored her warnings.", ("Rebecca Thorne", "Oliver Grant")),
    ("Among the accusers of former club president Rainer Kohlhaas is the Bavarian State Tax Office.",
     ("Bavarian State Tax Office", "Rainer Kohlhaas")),
])
def test_among_the_accusers_of_y_is_x(nlp, text, pair):
    assert pair in arrows(nlp(text))


def test_among_the_guests_is_no_accusation(nlp):
    assert not arrows(nlp("Among the guests of Senator Tom Hale was the businessman Oliver Grant."))


def test_calling_someones_accusations_baseless_denies_them(nlp):
    assert ("Rwanda", "Democratic Republic of the Congo") in arrows(
        nlp("Rwanda called Kinshasa's accusations baseless."), "denial")


@pytest.mark.parametrize("text", [
    "Rwanda called Kinshasa's accusations interesting.",  # no word of rebuttal
    "Rwanda did not call Kinshasa's accusations baseless.",  # negated
])
def test_calling_accusations_something_else_denies_nothing(nlp, text):
    assert not arrows(nlp(text), "denial")


@pytest.mark.parametrize("text, pair", [
    ("Senator Elena Vasquez questioned the Federal Aviation Administration's oversight of Boeing at a hearing.",
     ("Elena Vasquez", "Federal Aviation Administration")),
    ("Senator Ruth Okafor questioned Tom Hale's judgment on Monday.", ("Ruth Okafor", "Tom Hale")),
])
def test_questioning_a_partys_act_is_criticism(nlp, text, pair):
    assert pair in arrows(nlp(text))


@pytest.mark.parametrize("text", [
    "Police questioned Tom Hale's brother on Monday.",  # a person questioned
    "Senator Elena Vasquez questioned the wisdom of the plan.",  # no one's act
    "Senator Elena Vasquez questioned whether the plan would work.",
])
def test_questioning_a_person_or_a_thing_accuses_no_one(nlp, text):
    assert not arrows(nlp(text))


@pytest.mark.parametrize("text, pair", [
    ("Solbakken Seafood dismissed claims by the Fisheries Protection Agency that its trawlers had entered a "
     "closed spawning zone.", ("Fisheries Protection Agency", "Solbakken Seafood")),
    ("Former health secretary Gordon Blakewell denied claims by the Sunday Chronicle that he had lobbied for a "
     "firm run by his brother-in-law.", ("Sunday Chronicle", "Gordon Blakewell")),
])
def test_a_denied_claim_about_the_denier_is_the_makers_accusation(nlp, text, pair):
    assert pair in arrows(nlp(text))


@pytest.mark.parametrize("text", [
    "Halden Group denied reports by Bloomberg that it was in talks to buy Norvik.",  # a report, not a claim
    "Mayor Tom Reyes dismissed claims by the Transit Authority that the budget was balanced.",  # not about him
])
def test_a_denied_claim_about_something_else_accuses_no_one(nlp, text):
    assert not arrows(nlp(text))


def test_a_person_in_apposition_past_a_cut_target_is_the_target(nlp):
    doc = nlp("Chef Marguerite Olaniyan lashed out at the food critic of the Evening Sentinel, Rupert Gale, "
              "after his review.")
    assert ("Chef Marguerite Olaniyan", "Rupert Gale") in arrows(doc)


def test_a_plural_name_after_a_proper_word_is_named(nlp):
    doc = nlp("Shareholder group Fairvote Investors questioned the competence of Halden Group's board.")
    assert any(s == "Fairvote Investors" for s, _ in arrows(doc))


def test_a_quoted_insult_after_a_named_apposition_is_an_accusation(nlp):
    doc = nlp("Romanian presidential candidate Ilie Dragomir called his rival, Sorin Pavel, \"a puppet of the "
              "oligarchs\" during a debate on Sunday night.")
    assert ("Ilie Dragomir", "Sorin Pavel") in arrows(doc)
    assert next(c["target"]["text"] for c in doc._.claims if c["type"] == "accusation") == "Sorin Pavel"


def test_quoted_praise_after_a_named_apposition_accuses_no_one(nlp):
    assert not arrows(nlp("The coach called his striker, Anna Berg, \"a true leader\" on Sunday."))


@pytest.mark.parametrize("text, pair", [
    ("Opposition leader Rafael Quintero launched a scathing attack on Prime Minister Elena Sastre on Wednesday.",
     ("Rafael Quintero", "Elena Sastre")),
    ("Senator Jim Vance's tirade against the Federal Reserve drew applause.", ("Jim Vance", "Federal Reserve")),
    ("The Football Kenya Federation levelled accusations of match-fixing at referee Daniel Omondi on Friday.",
     ("Football Kenya Federation", "Daniel Omondi")),
    ("Judge Miriam Castellanos took the Department of Corrections to task for failing to hand over records.",
     ("Miriam Castellanos", "Department of Corrections")),
    ("Koll Energy insisted it had done nothing wrong after the Greenfield Alliance accused it of venting methane.",
     ("Greenfield Alliance", "Koll Energy")),
    ("Athens accused Turkish jets of violating Greek airspace.", ("Greece", "Turkey")),
])
def test_light_verbs_nouns_and_pronouns_of_criticism(nlp, text, pair):
    assert pair in arrows(nlp(text))


@pytest.mark.parametrize("text", [
    "Russia launched an attack on Ukraine's power grid.",  # an attack of weapons
    "Rico Vance hammered Danny Kell with body blows in the fourth round.",  # blows
    "Tolliver Freight has drawn widespread criticism over fumes from its Harwell depot.",  # where fumes come from
    "She took the bus to work.",
])
def test_attacks_blows_and_places_accuse_no_one(nlp, text):
    assert all(t is None or s is None for s, t in arrows(nlp(text)))


@pytest.mark.parametrize("text", [
    "Koll Energy insisted it had done nothing wrong.",
    "Senator Jim Vance said he had done nothing wrong.",
])
def test_a_paraphrased_nothing_wrong_of_the_speaker_is_a_denial(nlp, text):
    assert [c["type"] for c in nlp(text)._.claims] == ["denial"]


@pytest.mark.parametrize("text", [
    "Senator Jim Vance said his brother had done nothing wrong.",
    "Twenty-four percent said she did nothing wrong.",  # a poll's share is not "she"
])
def test_nothing_wrong_of_someone_else_is_no_denial(nlp, text):
    assert [c["type"] for c in nlp(text)._.claims] == ["statement"]


def test_a_denial_answers_the_accusation_its_sentence_reports(nlp):
    doc = nlp("Koll Energy insisted it had done nothing wrong after the Greenfield Alliance accused it of venting "
              "methane from its Alberta wells.")
    assert ("Koll Energy", "Greenfield Alliance") in arrows(doc, "denial")
    assert ("Greenfield Alliance", "Koll Energy") in arrows(doc)


def test_a_denial_answers_no_accusation_of_someone_else(nlp):
    doc = nlp("Senator Jim Vance denied the claims after Tom Hale accused the mayor of fraud.")
    assert all(t is None for _, t in arrows(doc, "denial"))
