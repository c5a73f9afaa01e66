"""A state's or place's institutions and offices as actors of their own, officials' portfolios, "her
government", capitals that voice a censure, several "from" critics, "accusations by X against Y",
and wire datelines (issue 8, items 3 and 4). Through the model, on sentences of our own, with the
negative cases beside each."""
from __future__ import annotations

import pytest
import spacy

from pipelines.lines import split_at_line_breaks
from tests.arrows import arrows


def actors(doc) -> dict[str, dict]:
    return {a["name"]: a for a in doc._.actors}


def test_a_states_parliament_is_a_body_of_the_state_not_the_state(nlp):
    doc = nlp("For weeks, Bishop Desmond Kiplagat has railed against Kenya's parliament over the pay rise.")
    body = actors(doc)["Kenya's parliament"]
    assert body["kind"] == "government_body" and body["part_of"] == "kenya"
    assert ("Bishop Desmond Kiplagat", "Kenya's parliament") in arrows(doc)
    assert not any(t == "Kenya" for _, t in arrows(doc))  # the arrow is not drawn to the whole state


@pytest.mark.parametrize("text, name, part_of", [
    ("China's foreign ministry accused the Japanese military of provocations.", "Japanese military", "japan"),
    ("Lawyer Farah Nadeem condemned the Punjab police over the death.", "Punjab police", None),
    ("Russia's Defence Ministry said its forces repelled an attack.", "Russia's Defence Ministry", "russia"),
    ("Barcelona city council criticised the short-let platform StayNest.", "Barcelona city council", None),
])
def test_institutions_named_for_their_place(nlp, text, name, part_of):
    body = actors(nlp(text))[name]
    assert body["kind"] == "government_body" and body["part_of"] == part_of


@pytest.mark.parametrize("text, not_a_body", [
    ("A Chinese security guard was hurt.", "Chinese security guard"),  # a person
    ("Kenyan police officers arrested him.", "Kenyan police"),  # the noun modifies another
    ("A U.S. appeals court ruled on Monday.", "U.S. appeals court"),  # which court: no actor
])
def test_no_body_from_a_modifier_a_person_or_an_indefinite(nlp, text, not_a_body):
    assert not_a_body not in actors(nlp(text))


def test_a_body_in_a_longer_name_keeps_that_name(nlp):
    doc = nlp("The US Supreme Court ruled on Monday.")
    assert "US Supreme Court" in {a["name"] for a in doc._.actors} | {n for a in doc._.actors for n in a["aliases"]} \
        or any(m["text"].endswith("Supreme Court") for m in doc._.mentions)
    assert not any(m["text"] == "US" for m in doc._.mentions)


def test_a_repeat_of_the_place_alone_is_not_the_body(nlp):
    doc = nlp("A New York judge has rejected a media request. The GOP nominee argued that New York's "
              "legislature has put divorce files off-limits.")
    first = next(m for m in doc._.mentions if m["start"] < 20)
    assert actors(doc)["New York's legislature"]["id"] != first["actor"]


@pytest.mark.parametrize("text, title, state", [
    ("Estonia's interior minister, Kaja Rebane, denied the claims.", "interior minister", "estonia"),
    ("Estonian Interior Minister Kaja Rebane denied the claims.", "Interior Minister", "estonia"),
    ("Finance Minister Adaeze Nwosu told reporters the budget was sound.", "Finance Minister", None),
])
def test_a_portfolio_is_part_of_the_title_and_no_organisation(nlp, text, title, state):
    doc = nlp(text)
    person = next(a for a in doc._.actors if a["kind"] == "official")
    assert person["title"] == title and person["part_of"] == state
    assert "Finance" not in actors(doc)  # no organisation "Finance"


def test_her_government_is_the_state_of_the_official(nlp):
    doc = nlp("Estonia's interior minister, Kaja Rebane, denied Moscow's accusations that her government "
              "mistreated Russian speakers.")
    assert ("Russia", "Estonia") in arrows(doc)
    assert ("Kaja Rebane", "Russia") in arrows(doc, "denial")


def test_a_companys_own_government_customers_are_no_state(nlp):
    doc = nlp("Microsoft said its government customers were hit.")
    assert all(a["kind"] != "state" for a in doc._.actors)


@pytest.mark.parametrize("text, critic", [
    ("Serbia's decision drew condemnation from Zagreb.", "Croatia"),
    ("The ban drew a sharp rebuke from Beijing.", "China"),
])
def test_a_capital_that_voices_a_censure_is_its_state(nlp, text, critic):
    assert critic in {s for s, _ in arrows(nlp(text))}


@pytest.mark.parametrize("text", ["She took a flight from Zagreb.", "The minister flew in from Beijing on Monday."])
def test_a_capital_a_journey_starts_from_is_no_actor(nlp, text):
    assert all(a["kind"] != "state" for a in nlp(text)._.actors)


def test_each_from_party_of_a_censure_is_a_critic(nlp):
    doc = nlp("Serbia's decision to expel two Croatian diplomats drew condemnation from Zagreb and from the "
              "European Union's foreign policy chief, Lotte Jansen.")
    assert {("Croatia", "Serbia"), ("Lotte Jansen", "Serbia")} <= arrows(doc)


def test_accusations_by_x_against_y(nlp):
    doc = nlp("The accusations by Civic Forum against Tomasz Wrobel dominated the debate.")
    claim = next(c for c in doc._.claims if c["type"] == "accusation")
    assert claim["source"]["text"] == "Civic Forum" and claim["target"]["text"] == "Tomasz Wrobel"


def test_a_places_office_of_a_title_is_a_body_and_a_bare_one_is_not(nlp):
    doc = nlp("The Manhattan District Attorney's office accused former mayor Dennis Cole of taking bribes.")
    assert ("Manhattan District Attorney's office", "Dennis Cole") in arrows(doc)
    assert all(a["kind"] != "government_body" for a in nlp("The mayor's office denied the report.")._.actors)
    doc = nlp("Governor Ellen Mayfield vetoed the bill. The governor's office said the bill was flawed.")
    assert next(c for c in doc._.claims if c["cue"]["text"] == "said")["source"]["actor"] == "ellen-mayfield"


@pytest.mark.parametrize("line, first", [
    ("BERLIN, March 4 - Union leader Renate Fuchs slammed carmaker Autowerk Sachsen.", "Union"),
    ("FLINT, Mich., Oct. 4 (UPI) \u2014 Former President Bill Clinton criticized the law.", "Former"),
    ("WASHINGTON -- President Obama spoke.", "President"),
    ("DES MOINES - Donald Trump dominated the campaign.", "Donald"),
])
def test_a_dateline_ends_before_the_sentence_it_opens(line, first):
    doc = split_at_line_breaks(spacy.blank("en")(line))
    starts = [t.text for t in doc[1:] if t.is_sent_start]
    assert starts == [first]
    assert doc[[t.text for t in doc].index(first) + 1].is_sent_start is False  # not a one-word sentence


@pytest.mark.parametrize("line", ["The US - China talks resumed.", "Scores: NEW YORK 3 - BOSTON 2"])
def test_no_dateline_inside_a_sentence(line):
    doc = split_at_line_breaks(spacy.blank("en")(line))
    assert not any(t.is_sent_start for t in doc[1:])


def test_the_dateline_leaves_the_speaker_to_the_parser(nlp):
    doc = nlp("DES MOINES - Donald Trump dominated the Republican campaign for months.")
    assert any(a["name"] == "Donald Trump" and a["kind"] == "person" for a in doc._.actors)
    assert not any(a["name"].startswith("DES MOINES") for a in doc._.actors)
