"""Parties of a claim in wire-copy phrasing (issue 8, items 3 and 4): the person in apposition after
"the chairman of X", "X and its chairman, Y" as two targets, "accusations against it by X", a
body part attacked, a censure whose verb the parse gave two subjects. Through the model, on
sentences of our own, with the negative cases beside each."""
from __future__ import annotations

import pytest

from tests.arrows import arrows


def test_the_person_in_apposition_after_a_title_of_an_organisation_speaks(nlp):
    doc = nlp("The chairman of Okafor Cement, Chinedu Okafor, hit out at the Central Bank of Nigeria on Monday.")
    assert {s for s, _ in arrows(doc)} == {"Chinedu Okafor"}  # never the company


def test_a_title_of_an_organisation_with_no_name_stays_the_organisation(nlp):
    doc = nlp("The chairman of Okafor Cement hit out at the Central Bank of Nigeria on Monday.")
    assert {s for s, _ in arrows(doc)} == {"Okafor Cement"}


@pytest.mark.parametrize("text, targets", [
    ("Senator Lorraine Pike blasted the Federal Reserve and its chairman, Arthur Denholm, for keeping rates high.",
     {"Federal Reserve", "Arthur Denholm"}),
    ("Judge Miriam Aldana rebuked the pharmaceutical company Venorix and its lead attorney, Paul Gerritsen, "
     "saying they had wasted the court's time.", {"Venorix", "Paul Gerritsen"}),
])
def test_a_body_and_its_named_officer_are_two_targets(nlp, text, targets):
    assert targets <= {t for _, t in arrows(nlp(text))}


def test_accusations_against_it_by_x_are_xs_and_the_denial_points_at_x(nlp):
    doc = nlp("Arkwell Systems denied all accusations against it by former engineer Nadia Farouk.")
    assert ("Nadia Farouk", "Arkwell Systems") in arrows(doc)
    assert ("Arkwell Systems", "Nadia Farouk") in arrows(doc, "denial")


def test_a_denial_by_phone_has_no_accuser(nlp):
    doc = nlp("Senator Tom Hale denied the charges by phone on Monday.")
    assert all(c.get("target") is None for c in doc._.claims if c["type"] == "denial")


def test_an_attack_on_someones_body_is_a_blow(nlp):
    assert not arrows(nlp("Boxer Ramón Ochoa attacked Felix Brandt's body from the opening bell."))


def test_an_attack_on_someones_record_is_words(nlp):
    assert ("Jim Vance", "Tom Hale") in arrows(nlp("Senator Jim Vance attacked Tom Hale's record on taxes."))


def test_a_censure_whose_verb_has_two_subjects_is_left(nlp):
    doc = nlp("Trump's often controversial comments on everything from Muslims and women to the future of NATO "
              "and relations with Russia have drawn criticism from Berlin, Paris and other European capitals.")
    assert not any(t == "Russia" for _, t in arrows(doc))
    assert ("Germany", "Trump") in arrows(nlp("Trump's comments have drawn criticism from Berlin."))
