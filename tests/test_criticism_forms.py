"""More forms of criticism with their parties (issue 8, item 3): an attack made with blows is no
accusation, an attack on a body's policy accuses the body, "called X an enemy" read through the
small model's apposition, a criticism noun voiced by a light verb's subject ("offered a scathing
criticism of Y", "made accusations against Y"), the accused of an accusation's that-clause, "fire"
from a named civil critic, rulers "in" a state, and a state's name the NER mislabelled. Through the
model, on sentences of our own, with the negative cases beside each."""
from __future__ import annotations

import pytest


def arrows(doc) -> set[tuple[str, str | None, str | None]]:
    """(type, source actor name, target actor name) of the document's claims."""
    names = {a["id"]: a["name"] for a in doc._.actors}
    return {(c["type"], names.get(c["source"].get("actor")), names.get((c.get("target") or {}).get("actor")))
            for c in doc._.claims}


def accusations(doc) -> set[tuple[str | None, str | None]]:
    return {(s, t) for kind, s, t in arrows(doc) if kind == "accusation"}


@pytest.mark.parametrize("text", [
    "Boxer Ray Cole attacked Luis Ortega with a flurry of punches in the third round.",
    "A man attacked Senator Jim Vance with a knife outside his office on Friday.",
])
def test_an_attack_with_blows_or_a_weapon_is_no_accusation(nlp, text):
    assert not accusations(nlp(text))


def test_an_attack_in_words_with_a_metaphorical_jab_stays_an_accusation(nlp):
    doc = nlp("Senator Jim Vance attacked Tom Hale as a fraud during the debate, with jabs at his record.")
    assert ("Jim Vance", "Tom Hale") in accusations(doc)


def test_an_attack_on_a_bodys_policy_accuses_the_body(nlp):
    doc = nlp("In a speech in Ohio, Senator Jim Vance attacked the Federal Reserve's interest rate policy.")
    assert ("Jim Vance", "Federal Reserve") in accusations(doc)


def test_an_attack_on_a_states_positions_is_no_accusation(nlp):
    assert not accusations(nlp("The rebels attacked Russia's positions near the river."))


def test_called_x_an_enemy_parsed_as_an_apposition_accuses_x(nlp):
    doc = nlp("China's foreign ministry spokesman Li Wen called Senator Tom Grady an enemy of peace.")
    claim = next(c for c in doc._.claims if c["type"] == "accusation")
    assert claim["target"]["text"] == "Senator Tom Grady"  # what he is called is not part of the target
    assert ("Li Wen", "Tom Grady") in accusations(doc)


@pytest.mark.parametrize("text", [
    "Li Wen said the two countries are enemies.",  # a called noun only under a judging verb
    "Li Wen called Tom Grady a good friend.",
    "Li Wen called Tom Grady, an old friend, on Monday.",
])
def test_enemies_said_plainly_or_a_friend_called_are_no_accusation(nlp, text):
    assert not accusations(nlp(text))


@pytest.mark.parametrize("text", [
    "In an op-ed, economist Ravi Menon offered a scathing criticism of the Federal Reserve.",
    "Ravi Menon issued a sharp rebuke of the Federal Reserve.",
    "Ravi Menon made accusations against the Federal Reserve.",
])
def test_a_criticism_noun_is_voiced_by_its_verbs_subject(nlp, text):
    assert ("Ravi Menon", "Federal Reserve") in accusations(nlp(text))


@pytest.mark.parametrize("text", [
    "Ravi Menon did not offer any criticism of the Federal Reserve.",
    "Ravi Menon might make accusations against the Federal Reserve.",
])
def test_a_criticism_noun_under_a_negated_or_modal_verb_is_voiced_by_no_one(nlp, text):
    assert ("Ravi Menon", "Federal Reserve") not in accusations(nlp(text))


def test_the_accused_of_an_accusations_clause(nlp):
    doc = nlp("Britain's accusation that Russia was behind the cyberattack angered Moscow.")
    assert ("United Kingdom", "Russia") in accusations(doc)


def test_who_rejects_an_accusation_that_it_did_something_is_its_accused(nlp):
    doc = nlp("Russia rejected Britain's accusation that it was behind the cyberattack.")
    assert ("United Kingdom", "Russia") in accusations(doc)
    assert ("denial", "Russia", "United Kingdom") in arrows(doc)


def test_who_dismisses_an_accusation_against_another_is_not_its_accused(nlp):
    doc = nlp("Debbie Wasserman Schultz dismissed Bernie Sanders' accusations that the Clinton campaign "
              "is violating federal election law.")
    accused = {t for s, t in accusations(doc) if s == "Bernie Sanders"}
    assert accused and "Debbie Wasserman Schultz" not in accused


def test_fire_from_a_named_agency_is_censure_without_a_reason(nlp):
    doc = nlp("Velta Motors came under fire from the Swedish Transport Agency after a series of brake failures.")
    assert ("Swedish Transport Agency", "Velta Motors") in accusations(doc)


@pytest.mark.parametrize("text", [
    "The convoy came under fire from Hezbollah after crossing the border.",
    "Israeli troops came under fire from Hamas near the border.",
])
def test_fire_from_an_armed_group_is_no_censure(nlp, text):
    assert not accusations(nlp(text))


def test_the_coup_leaders_in_a_state_stand_for_the_state(nlp):
    doc = nlp("The African Union condemned the coup leaders in Niger.")
    assert ("African Union", "Niger") in accusations(doc)


def test_a_states_name_the_ner_took_for_a_date_is_the_state(nlp):
    doc = nlp("The African Union condemned Niger.")
    niger = next(e for e in doc.ents if e.text == "Niger")
    assert niger.label_ == "GPE"
    assert any(a["id"] == "niger" and a["kind"] == "state" for a in doc._.actors)


def test_a_states_name_in_the_name_of_a_war_is_no_mention_of_the_state(nlp):
    doc = nlp("He was a veteran of the Vietnam war and said the country had changed.")
    assert not any(a["name"] == "Vietnam" for a in doc._.actors)
