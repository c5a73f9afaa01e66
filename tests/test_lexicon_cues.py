"""Lexicon verbs with no claim on their cue and their non-reporting senses (content.py, senses.py,
structures.py): each construction and each sense rule with positives and negatives, on whole
sentences through the real model. Sentences are our own."""
from __future__ import annotations

import pytest

from .test_claims import claims_of, find


def cues(claims: list[dict]) -> set[str]:
    return {c["cue"]["text"] for c in claims}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Many regulars continued to stay away from the old market.",
    "The drivers kept to work through the night.",
    "Prices began to rise in the spring.",
    "The senator continued campaigning with her running mate on Friday.",  # a gerund that is no cue
    "The new mayor continues to be plagued by old debts.",  # a passive infinitive
])
def test_phase_verb_before_an_act_reports_nothing(nlp, text):
    """"continued to stay away": what went on is done, not said."""
    assert not cues(claims_of(nlp, text)) & {"continued", "kept", "began"}


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    # a phase verb before an infinitive cue: that cue's content (content.inner_report)
    ("The senator continued to question the new budget.",
     dict(source="The senator", cue="continued", content="the new budget")),
    ("The senator continued to insist that the budget was wrong.",
     dict(source="The senator", cue="continued", content="that the budget was wrong")),
    ("The senator continued delivering her stump speech.",  # a gerund that is a cue reports
     dict(source="The senator", cue="continued", content="delivering her stump speech")),
    # "call X Y" names: a claim
    ("The mayor called the new bridge a disgrace.",
     dict(source="The mayor", cue="called", content="the new bridge a disgrace")),
    # the if- or whether-clause of "ask", which the parse hangs on it as an adverbial clause
    ("Then the teacher asked the students if they were always so serious.",
     dict(source="the teacher", cue="asked", content="if they were always so serious")),
    ("The reporter asked the mayor whether the bridge would open.",
     dict(source="The reporter", cue="asked", content="whether the bridge would open")),
    ("Asked if he was ever bullied, the candidate said no.",
     dict(source=None, cue="Asked", content="if he was ever bullied")),
    # a verb of making known with a "by" agent: its passive subject was made known, the agent speaks
    ("The secret meeting was first reported by the local paper.",
     dict(source="the local paper", cue="reported", content="The secret meeting")),
    ("The plan was announced by the mayor on Monday.",
     dict(source="the mayor", cue="announced", content="The plan")),
    # "is looking to X": an aim of its subject
    ("The company is looking to expand into Asia.",
     dict(source="The company", cue="looking", content="to expand into Asia")),
    # "focus on" with a subject of its own still reports; "seem" in a main clause still judges
    ("In her speech the mayor focused on the harbour contracts.",
     dict(source="the mayor", cue="focused", content="the harbour contracts")),
    ("The senator will focus on road safety.", dict(source="The senator", cue="focus", content="road safety")),
    ("The old bridge seems unlikely to survive the winter.",
     dict(source=None, cue="seems", content="unlikely to survive the winter")),
])
def test_construction_reports(nlp, text, want):
    claims = claims_of(nlp, text)
    assert find(claims, **want), claims


def typed(claims: list[dict]) -> list[tuple[str, str]]:
    return [(c["type"], c["cue"]["text"]) for c in claims if c["type"] != "statement"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The shooter's friend was denied bail.",  # the object a passive keeps
    "The senate denied the nominee a hearing.",  # a second object
    "The court denied class-action status to the workers.",  # a "to" party receives it
])
def test_deny_in_the_sense_of_withhold_is_no_denial(nlp, text):
    assert not typed(claims_of(nlp, text)), claims_of(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize("text, content", [
    ("The minister denied the charges.", "the charges"),
    ("The minister denied the allegations to the court.", "the allegations to the court"),  # a claim noun
    ("The board dismissed the proposal outright.", "the proposal"),  # only "deny" also means "withhold"
])
def test_deny_a_claim_is_a_denial(nlp, text, content):
    claims = claims_of(nlp, text)
    assert find(claims, type="denial", content=content), claims


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # both tagged a past tense by the small model: the participle is told by the noun right before it
    "A newly formed super PAC called Future 45 ran its first round of ads in Ohio.",
    "They met at a donor club called Open Table.",
])
def test_a_name_given_after_a_noun_is_no_claim(nlp, text):
    """"a committee called Future Ninety": a participle naming the noun (the tagger may read it as a
    past tense), nobody speaks."""
    assert "called" not in cues(claims_of(nlp, text)), claims_of(nlp, text)


@pytest.mark.slow
def test_asked_with_a_time_clause_is_no_question(nlp):
    """"if" opens a question only right after the one asked; a condition elsewhere is not asked."""
    claims = claims_of(nlp, "The mayor asked for more time, even if the bridge opens in May.")
    assert not any((c["content"]["text"] or "").startswith("if") for c in claims), claims


@pytest.mark.slow
@pytest.mark.parametrize("text, cue", [
    ("The mayor was asked by the council on Monday.", "asked"),
    ("The mayor was thanked by the council on Monday.", "thanked"),
])
def test_passive_of_another_verb_names_no_content(nlp, text, cue):
    """Who was asked or thanked is not what was said (only a verb whose content is its object, or one
    of making known, has its passive subject as content)."""
    claims = claims_of(nlp, text)
    assert not find(claims, cue=cue, content="The mayor"), claims


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    # a verb whose content is its object, in the passive with a "by" agent: the agent speaks
    ("The harbour plan was endorsed by the mayor.",
     dict(source="the mayor", cue="endorsed", content="The harbour plan")),
    ("The mayor was praised by the council on Monday.",
     dict(source="the council", cue="praised", content="The mayor")),
    # a reduced participle with an agent: the noun it hangs on, cut before it
    ("The ferry bill, opposed by the island councils, never became law.",
     dict(source="the island councils", cue="opposed", content="The ferry bill")),
    ("The board kept two ledgers, a practice criticized by the auditors.",
     dict(type="accusation", source="the auditors", cue="criticized", content="a practice")),
    # a participle of making known on a subject: what was made known of it, the longer part
    ("The new tariff, first reported by a local paper, is the largest increase the port has seen in a decade.",
     dict(source="a local paper", cue="reported",
          content="is the largest increase the port has seen in a decade")),
])
def test_passive_with_agent_reports(nlp, text, want):
    claims = claims_of(nlp, text)
    assert find(claims, **want), claims


@pytest.mark.slow
@pytest.mark.parametrize("text, cue", [
    # a document named in a preposition is the source of its own claim, not what the agent made known
    ("Turnout was high among young voters, according to exit polls reported by the radio station.", "reported"),
    ("The mayor spoke in a video posted by the council.", "posted"),
])
def test_participle_on_a_preposition_object_reports_nothing(nlp, text, cue):
    assert cue not in cues(claims_of(nlp, text)), claims_of(nlp, text)


@pytest.mark.slow
def test_looks_to_be_is_the_writers_judgement(nlp):
    claims = claims_of(nlp, "The plan looks to be a failure.")
    assert not any(c["source"]["text"] for c in claims if c["cue"]["text"] == "looks"), claims


@pytest.mark.slow
@pytest.mark.parametrize("text, cue", [
    # a verb of attention's participle with no agent: what something is about (state_participle)
    ("The new inquiry is focused on the harbour contracts.", "focused"),
    ("The mayor was still focused on the budget.", "focused"),
    ("The data effort is focused on merging the voter files.", "focused"),
    ("The police investigation is focused on whether the rules were broken.", "focused"),
    # a raising verb in a restrictive or free relative: a thing picked out by how it seems (restrictive_seeming)
    ("He compared the plans that now seem quite moderate to the new ones.", "seem"),
    ("What seemed most important was the budget.", "seemed"),
])
def test_frame_that_reports_nothing(nlp, text, cue):
    """Each made a claim on its cue before its rule; sentences are our own."""
    assert cue not in cues(claims_of(nlp, text))


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    # a verb of regarding in the passive with "as": what its subject is taken for; the longer part alone
    ("The old harbour union is widely regarded as one of the most militant groups in the whole region.",
     dict(source=None, cue="regarded", content="as one of the most militant groups in the whole region")),
    ("The ferry change was seen by some as a clear demotion for the harbour master and his deputies.",
     dict(source="some", cue="seen", content="as a clear demotion for the harbour master and his deputies")),
    # a reduced participle: the noun it hangs on, the "as" phrase the longer part
    ("Cheap ferry tickets, seen as a boon for the islands and their small shops, hurt the bus lines.",
     dict(source=None, cue="seen", content="as a boon for the islands and their small shops")),
])
def test_passive_of_regarding_with_as_reports(nlp, text, want):
    claims = claims_of(nlp, text)
    assert find(claims, **want), claims


@pytest.mark.slow
@pytest.mark.parametrize("text, cue", [
    ("The harbour master was appointed as deputy mayor last year.", "appointed"),  # a role, not a view
    ("The festival is observed as a day of rest in the islands.", "observed"),
    ("The two islands are known as the Twins.", "known"),  # a name
])
def test_passive_as_of_other_verbs_reports_nothing(nlp, text, cue):
    assert cue not in cues(claims_of(nlp, text)), claims_of(nlp, text)


@pytest.mark.slow
def test_quoted_report_participle_is_cut_from_the_object_content(nlp):
    """", calling it “an insult”" after an object content: its own claim, cut from the object even
    though it holds quotation marks (content.own_report_aside)."""
    claims = claims_of(nlp, "The union criticized the new contract offered by the school board, "
                            "calling it “an insult to teachers.”")
    assert find(claims, cue="criticized", content="the new contract offered by the school board"), claims
    assert find(claims, source="The union", cue="calling"), claims


@pytest.mark.slow
def test_quoted_participle_of_no_report_stays_in_the_content(nlp):
    """A trailing participle that is no cue stays where the quotation marks keep it."""
    claims = claims_of(nlp, "The mayor said the fair had drawn big crowds, leaving the old square “packed.”")
    said = [c for c in claims if c["cue"]["text"] == "said"]
    assert said and "leaving" in said[0]["content"]["text"], claims


@pytest.mark.slow
def test_main_verb_misread_as_participle_reports(nlp):
    """"A Gallup poll found last week that ...": the parse hangs "found" on "poll" as a participle,
    leaving the noun the root; with a clause of its own it is the main verb (structures.misread_main_verb)."""
    claims = claims_of(nlp, "A Gallup poll found last week that most voters back the plan.")
    assert find(claims, source="A Gallup poll", cue="found", content="that most voters back the plan"), claims


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Officials traced the story to a website called Real News Right Now.",
    "A website called Real News Right Now ran the story first.",
])
def test_naming_participle_still_reports_nothing(nlp, text):
    assert "called" not in cues(claims_of(nlp, text)), claims_of(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize("text, content", [
    ("The harbour board has reportedly hired a new director from Oslo.",
     "The harbour board has reportedly hired a new director from Oslo"),
    ("Reportedly, the mayor made angry calls to the council.", "the mayor made angry calls to the council"),
    ("The harbour board has reportedly hired a new director, but the union has not been told.",
     "The harbour board has reportedly hired a new director"),
    ("The ferry firm reportedly cut sixty jobs (the firm would not disclose the real number but called it small).",
     "The ferry firm reportedly cut sixty jobs"),  # the aside in brackets keeps its own claims
])
def test_reportedly_reports_its_clause(nlp, text, content):
    """"X reportedly did Y": someone unnamed reported the clause (more_structures.reported_adverb_claims)."""
    claims = claims_of(nlp, text)
    assert find(claims, source=None, cue=text.split()[0].rstrip(",") if text.startswith("Reportedly") else "reportedly",
                content=content), claims


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The mayor said the board had reportedly hired a new director.",  # the mayor's claim holds it
    "Ferry Company Reportedly Sold To Rival.",  # a headline's title case
    "Police are examining threats he reportedly made to the mayor's office.",  # a relative clause
])
def test_reportedly_under_a_cue_or_in_a_headline_makes_no_claim(nlp, text):
    assert not {"reportedly", "Reportedly"} & cues(claims_of(nlp, text)), claims_of(nlp, text)
