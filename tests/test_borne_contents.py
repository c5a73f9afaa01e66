"""Contents of censure borne and of charges, as PolNeAR annotates them: what drew the criticism
("The plan drew criticism": the plan; "faced criticism for Y": for Y; "came under fire over Y": Y),
the accused with the charge ("charged the officer with murder"), and a that-clause the parse hung on
the relative clause of the cue's setting ("told reporters in an interview that aired Monday that
..."). Sentences written for these tests."""
from __future__ import annotations

import pytest


def claim_at(nlp, text: str, cue: str) -> dict:
    return next(c for c in nlp(text)._.claims if c["cue"]["text"] == cue)


@pytest.mark.parametrize("text, cue, content, target", [
    # no reason: the bearer is what was criticised
    ("The new zoning plan drew sharp criticism from the mayor.", "criticism", "The new zoning plan",
     "The new zoning plan"),
    ("Governor Ann Lee came under heavy criticism last year.", "criticism", "Governor Ann Lee", "Governor Ann Lee"),
    # a reason: "for Y" with its preposition, "over Y" without
    ("Mayor Bob Smith faced criticism from Jane Doe for his handling of the flood.", "criticism",
     "for his handling of the flood", "Mayor Bob Smith"),
    ("Mayor Bob Smith faced criticism from Jane Doe over the flooding.", "criticism", "the flooding",
     "Mayor Bob Smith"),
    ("The governor has come under fire for the delays at the port.", "fire", "for the delays at the port",
     "The governor"),
    ("The mayor faced criticism about his spending.", "criticism", "his spending", "The mayor"),
    # a that-clause of the noun says what the criticism is
    ("The mayor faced criticism from rivals that his campaign had misled voters.", "criticism",
     "that his campaign had misled voters", "The mayor"),
])
def test_a_censure_borne_is_about_what_drew_it(nlp, text, cue, content, target):
    claim = claim_at(nlp, text, cue)
    assert (claim["type"], claim["content"]["text"], claim["target"]["text"]) == ("accusation", content, target)


def test_a_relative_pronoun_bearer_keeps_the_noun_phrase(nlp):
    # "who" says nothing of what was criticised: the phrase of the noun stays
    claim = claim_at(nlp, "The senator, who faced criticism from rivals, resigned on Friday.", "criticism")
    assert claim["content"]["text"] != "who"


def test_criticism_of_a_party_keeps_its_own_content(nlp):
    claim = claim_at(nlp, "Amnesty's criticism of Qatar grew louder.", "criticism")
    assert claim["content"]["text"] == "Qatar"


@pytest.mark.parametrize("text, content", [
    ("Prosecutors charged the officer with murder on Tuesday.", "the officer with murder"),
    ("Police charged the manager with battery last month.", "the manager with battery"),
    ("The state attorney who charged Ed Kemp with arson in the fire resigned.", "Ed Kemp with arson in the fire"),
])
def test_charged_with_keeps_the_charge(nlp, text, content):
    claim = claim_at(nlp, text, "charged")
    assert (claim["type"], claim["content"]["text"]) == ("accusation", content)


@pytest.mark.parametrize("text, content, target", [
    # in the passive the accused and the charge are two parts (PolNeAR's two fragments): the longer one
    ("The senator was charged with fraud on Monday.", "The senator", "The senator"),
    ("A 78-year-old man was charged with assault and disorderly conduct.", "assault and disorderly conduct",
     "A 78-year-old man"),
])
def test_charged_in_the_passive_is_the_accused_or_the_charge_never_the_setting(nlp, text, content, target):
    claim = claim_at(nlp, text, "charged")
    assert (claim["type"], claim["content"]["text"], claim["target"]["text"]) == ("accusation", content, target)


@pytest.mark.parametrize("text", [
    "Clinton, who has not been charged with any crime, spoke on Monday.",
    "Mr. Trump has never been charged with any wrongdoing.",
])
def test_a_charge_no_one_brought_is_no_claim(nlp, text):
    # an accusation with no speaker that the sentence says was not made (speakerless.unmade)
    assert not [c for c in nlp(text)._.claims if c["cue"]["text"] == "charged"]


def test_a_charge_someone_did_not_bring_stays_negated(nlp):
    claim = claim_at(nlp, "Prosecutors did not charge him with fraud.", "charge")
    assert (claim["type"], claim["negated"], claim["source"]["text"]) == ("accusation", True, "Prosecutors")


def test_charged_without_with_is_unchanged(nlp):
    claim = claim_at(nlp, "Prosecutors charged that the mayor took bribes.", "charged")
    assert claim["content"]["text"] == "that the mayor took bribes"


@pytest.mark.parametrize("text, cue, content", [
    ("The governor told reporters in an interview that aired this week that he believes the plan will fail.",
     "told", "that he believes the plan will fail"),
    ("Smith told the newspaper in an interview published on Sunday that the deal was dead.",
     "told", "that the deal was dead"),
    ("Smith said in a statement that was released Monday that the deal was dead.", "said", "that the deal was dead"),
])
def test_a_that_clause_hung_on_the_setting_is_the_cues(nlp, text, cue, content):
    claims = nlp(text)._.claims
    claim = next(c for c in claims if c["cue"]["text"] == cue)
    assert claim["content"]["text"] == content
    assert not any(c["cue"]["text"] in ("aired", "published", "released") for c in claims)


def test_a_relative_clause_with_its_own_speaker_keeps_the_clause(nlp):
    claims = nlp("Jones spoke at a rally where he argued that taxes were too high.")._.claims
    assert [(c["cue"]["text"], c["content"]["text"]) for c in claims] == [("argued", "that taxes were too high")]


@pytest.mark.parametrize("text, cue, content", [
    # a clause of when or contrast with its own subject and verb is the writer's, not the accusation's
    ("Lawmakers accused each other of playing politics with the crisis while doctors warned of an outbreak.",
     "accused", "each other of playing politics with the crisis"),
    ("The mayor criticized the newspaper, though he added that the coverage had helped him.",
     "criticized", "the newspaper"),
    # ... not inside a quotation, which is the accuser's words
    ("The union accused the company of \u201clying to workers while managers took bonuses.\u201d",
     "accused", "the company of \u201clying to workers while managers took bonuses."),
    # ... but when the accused act was done stays with it
    ("Critics blasted Clinton for promoting fracking abroad while she was secretary of state.",
     "blasted", "Clinton for promoting fracking abroad while she was secretary of state"),
])
def test_an_accusation_ends_before_a_clause_of_when_or_contrast(nlp, text, cue, content):
    claim = claim_at(nlp, text, cue)
    assert (claim["type"], claim["content"]["text"]) == ("accusation", content)
