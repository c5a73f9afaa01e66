"""The speaker of a claim whose content is found (pipelines.claims.sources.source_of): constructions
where the cue has no subject of its own or the parser hung it under the wrong clause. Sentences are
our own; each case is named for the construction it stands for."""
from __future__ import annotations

import pytest

from pipelines.claims.sources import source_of, stray_conjunct_speaker

from .parses import parse
from .test_claims import claims_of, find

CASES = [
    # a gerund after a preposition is done by the subject of the clause, also a passive one
    pytest.param("The comedian was booed by the crowd after telling them that they were being ridiculous.",
                 dict(source="The comedian", cue="telling"), id="gerund-under-a-passive"),
    # ... by the subject of a light verb's noun: "has a history of", "made a point of", "took the step of"
    pytest.param("The governor has a long history of blaming others for his own mistakes.",
                 dict(source="The governor", cue="blaming", target="others"), id="gerund-history-of"),
    pytest.param("The mayor made a point of saying that the park would stay open.",
                 dict(source="The mayor", cue="saying"), id="gerund-made-a-point-of"),
    pytest.param("The union took the unusual step of criticizing the governor in public.",
                 dict(source="The union", cue="criticizing"), id="gerund-took-the-step-of"),
    # ... by the subject of an adjective's or an adverb's clause: "aggressive in", "stopped short of"
    pytest.param("The senator has been especially aggressive in pushing the agency to release the files.",
                 dict(source="The senator", cue="pushing"), id="gerund-aggressive-in"),
    pytest.param("The senator praised the prosecutor but stopped short of calling for the mayor to resign.",
                 dict(source="The senator", cue="calling"), id="gerund-stopped-short-of"),
    # ... across a phrase that is a preposition: "in addition to", "after months of"
    pytest.param("In addition to stating that taxes are too high, the mayor has vowed to cut them.",
                 dict(source="the mayor", cue="stating"), id="gerund-in-addition-to"),
    # a participle after a comma the parser hung inside an earlier verb's content clause continues
    # that verb's report: its speaker, not the content's subject
    pytest.param("The governor insisted that she has “won the state,” claiming that turnout had doubled.",
                 dict(source="The governor", cue="claiming"), id="participle-after-a-content-clause"),
    pytest.param("The mayor has said he would cut taxes, vowing to close the budget gap and suggesting that "
                 "the council would agree.", dict(source="The mayor", cue="suggesting"), id="participle-conjoined"),
    # "X, whose ..., said", "X, who ..., said": the parse hung the sentence's first noun phrase
    # inside the words between it and the cue
    pytest.param("Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find suppliers, said "
                 "the mayor was a candidate in the spirit of the valley.",
                 dict(source="Mr. Slinker", cue="said"), id="subject-before-whose"),
    pytest.param("Sanders, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about the race.",
                 dict(source="Sanders", cue="said"), id="subject-before-who"),
    # "X, who endorsed Y and said ...": the relative pronoun of a conjoined verb with the noun it stands for
    pytest.param("The senator, who endorsed the challenger in late May and said he would campaign with him, did not "
                 "show up for the race.", dict(source="The senator, who", cue="said"), id="relative-pronoun-conjoined"),
    # "X looks to ease tensions": to seek, the subject's aim (a raising "seem" has no source)
    pytest.param("The senator looks to ease bad blood with the party establishment.",
                 dict(source="The senator", cue="looks"), id="look-to"),
    # "he's said ...": the parser read the "'s" of "has" as "is" and made a passive with no speaker
    pytest.param("While he's said he will fight all the way to the convention, the senator must decide what to demand.",
                 dict(source="he", cue="said"), id="has-read-as-is-clause"),
    pytest.param("Ever since the senator announced his candidacy, he's said the same thing at every stop.",
                 dict(source="he", cue="said"), id="has-read-as-is-object"),
    # "X spent much of his speech defending Y": the parser hangs the gerund on the time spent; who spends it speaks
    pytest.param("The senator spent much of his speech defending the plan.",
                 dict(source="The senator", cue="defending"), id="gerund-after-time-spent"),
    pytest.param("The former president, who spent much of his speech defending the plan, left early.",
                 dict(source="The former president, who", cue="defending"), id="gerund-after-time-spent-relative"),
    # two subjects on one verb: a dateline, or a relative pronoun and the speaker ("which they say")
    pytest.param("PARIS, July 29 (UPI) — Fans of the actor have taken to social media to complain about his speech.",
                 dict(source="Fans of the actor", cue="complain"), id="two-subjects-dateline"),
    pytest.param("The critics are focused on the drawdown of troops, which they say left a vacuum for terrorists.",
                 dict(source="they", cue="say"), id="two-subjects-which-they-say"),
    # an active conjunct after a passive one shares its subject: "X was forced ... and said"
    pytest.param("The mayor was forced into an awkward retreat and said that his words had been misread.",
                 dict(source="The mayor", cue="said", content="that his words had been misread"), id="passive-and-said"),
    pytest.param("The company was fined last year and denied that it had broken the law.",
                 dict(source="The company", cue="denied"), id="passive-and-denied"),
    # "“Y,” said X, who ...": the parse made the speaker the subject of the clause after it
    pytest.param("“We have done nothing wrong here,” said the woman, who like many in the town did not want to be named.",
                 dict(source="the woman", cue="said", content="We have done nothing wrong here,"),
                 id="speaker-made-a-later-subject-quote"),
    pytest.param("The rule is unfair, said the woman, who like many in the town did not want to be named.",
                 dict(source="the woman", cue="said", content="The rule is unfair"), id="speaker-made-a-later-subject"),
    # "“Y,” read the statement": a past "read" the parse took for a bare verb, its speaker for an object
    pytest.param('"We will not give up on the harbor project," read the statement.',
                 dict(source="the statement", cue="read"), id="inverted-read-the-statement"),
    # "“Y,” tweeted another": a pronoun of number after an inverted cue, not only a noun
    pytest.param('"Nobody believes the mayor anymore," tweeted another.',
                 dict(source="another", cue="tweeted"), id="inverted-tweeted-another"),
    # a no-break space between the closing quote and the cue
    pytest.param('"The council wasted a year on this,”\u00a0added Smith.',
                 dict(source="Smith", cue="added"), id="inverted-after-no-break-space"),
    # a finite cue the parse hung as a 'dep' on a verb before it: inside its subject, the verb is no root
    pytest.param("Republican activists clamoring to block the mayor from the nomination say they are winning.",
                 dict(source="Republican activists clamoring to block the mayor from the nomination", cue="say"),
                 id="dep-cue-after-a-participle-subject"),
    pytest.param("Polls in the state he calls a second home show him with a big lead.",
                 dict(source="Polls in the state he calls a second home", cue="show"), id="dep-cue-after-a-relative-subject"),
    # ... after a comma or "then", a conjunct sharing that verb's subject
    pytest.param("The mayor paused, then revealed why the plan had failed.",
                 dict(source="The mayor", cue="revealed"), id="dep-cue-conjunct"),
    # an infinitive on a noun is the aim of the subject of the noun's verb: "mounted a campaign to condemn"
    pytest.param("The widow has mounted a public campaign to condemn the governor.",
                 dict(source="The widow", cue="condemn"), id="infinitive-aim-of-an-object"),
    pytest.param("The banker bought the shares in a bid to persuade the board to sell.",
                 dict(source="The banker", cue="persuade"), id="infinitive-aim-in-a-bid-to"),
    # a cue opening its sentence, the name after it before a colon: "Said X: “Y”"
    pytest.param("Critics of the plan were loud. Said Jane Doe: “I do not trust the council with our money.”",
                 dict(source="Jane Doe", cue="Said"), id="fronted-cue-name-colon"),
    # a relative clause on a text a publishing verb put out speaks for who put it out ("ran a piece that noted")
    pytest.param("The paper ran a long piece that noted the mayor had lied twice.",
                 dict(source="The paper", cue="noted"), id="relative-on-a-published-text"),
    pytest.param("The group sent reporters a memo that blamed the mayor for the delays.",
                 dict(source="The group", cue="blamed"), id="relative-on-a-text-sent"),
    # ... not a person's relative clause, nor a text that is someone's own ("her own statement that")
    pytest.param("Yesterday the mayor met an officer who said the streets were safe.",
                 dict(source="an officer who", cue="said"), id="relative-on-a-person-met"),
    pytest.param("The governor posted her own statement that accused the senator of lying.",
                 dict(source="her own statement that", cue="accused"), id="relative-on-an-owned-text"),
]


@pytest.mark.parametrize("text, want", CASES)
def test_speaker(nlp, text, want):
    assert find(claims_of(nlp, text), **want) is not None, claims_of(nlp, text)


@pytest.mark.parametrize("text", [
    "When asked whom she supported, the mayor smiled and said she had not decided.",
    '"It has been a long year," the mayor said, asked about the delays.',
], ids=["when-asked", "said-asked-about"])
def test_who_was_asked_does_not_ask(nlp, text):
    # a reduced participle of a verb of questioning anywhere in its sentence: the one asked is not the asker
    asked = find(claims_of(nlp, text), cue="asked")
    assert asked is not None and asked["source"]["text"] is None, claims_of(nlp, text)
    assert find(claims_of(nlp, text), cue="said", source="the mayor") is not None


def test_participle_after_a_clause_without_tense_keeps_its_own_subject(nlp):
    # "I remember X going on TV, declaring ...": X declares (the clause has no tense, it is not a report's content)
    claims = claims_of(nlp, "I am old enough to remember the senator going on television in 1977, declaring a war on oil.")
    assert find(claims, cue="declaring", source="I") is None


def test_seem_stays_the_writers_judgement(nlp):
    assert find(claims_of(nlp, "The response seemed almost biological."), source="The response") is None


def test_speaker_after_the_cue_is_not_what_was_said(nlp):
    # "Y, said the woman, who ...": the clause built on the speaker is no content of the cue
    claims = claims_of(nlp, "The rule is unfair, said the woman, who like many in the town did not want to be named.")
    assert not any(c["cue"]["text"] == "said" and c["content"]["text"].startswith("the woman") for c in claims), claims


def test_passive_conjuncts_keep_their_agent(nlp):
    # "was praised by X and criticized by Y": the second conjunct is passive too, Y criticizes
    claims = claims_of(nlp, "The plan was praised by the governor and criticized by the unions.")
    assert find(claims, cue="criticized", source="the unions") is not None, claims


# a finite cue the parse conjoined to a word with no tense (an adjective, an infinitive) is the second
# verb of the tensed clause above that word: its subject speaks (hand-built parses: the parse is the point)
STRAY_ADJECTIVE = """
    She PRP PRON nsubj 1 she
    called VBD VERB ROOT 1 call
    it PRP PRON dobj 1 it
    shameful JJ ADJ oprd 1 shameful
    and CC CCONJ cc 3 and
    called VBD VERB conj 3 call
    on IN ADP prep 5 on
    leaders NNS NOUN pobj 6 leader
    to TO PART aux 9 to
    act VB VERB xcomp 5 act
"""
STRAY_INFINITIVE = """
    The DT DET det 1 the
    mayor NN NOUN nsubj 2 mayor
    ran VBD VERB ROOT 2 run
    on IN ADP prep 2 on
    his PRP$ PRON poss 5 his
    plan NN NOUN pobj 3 plan
    to TO PART aux 7 to
    fix VB VERB acl 5 fix
    roads NNS NOUN dobj 7 road
    and CC CCONJ cc 7 and
    accused VBD VERB conj 7 accuse
    rivals NNS NOUN dobj 10 rival
"""
STRAY_NO_SUBJECT = """
    Asked VBN VERB ROOT 0 ask
    to TO PART aux 2 to
    act VB VERB xcomp 0 act
    and CC CCONJ cc 2 and
    said VBD VERB conj 2 say
    nothing NN NOUN dobj 4 nothing
"""


@pytest.mark.parametrize("rows, cue, source", [
    (STRAY_ADJECTIVE, 5, "She"), (STRAY_INFINITIVE, 10, "The mayor"), (STRAY_NO_SUBJECT, 4, None),
], ids=["after-an-adjective", "after-an-infinitive", "no-tensed-clause"])
def test_finite_cue_conjoined_to_a_word_without_tense(rows, cue, source):
    doc = parse(rows)
    assert stray_conjunct_speaker(doc[cue]) == (None if source is None else (doc.text.index(source),
                                                doc.text.index(source) + len(source)))


def test_ordinary_conjunct_is_left_to_the_subject_rule():
    doc = parse("""
        She PRP PRON nsubj 1 she
        praised VBD VERB ROOT 1 praise
        him PRP PRON dobj 1 he
        and CC CCONJ cc 1 and
        said VBD VERB conj 1 say
        more JJR ADJ dobj 4 more
    """)
    assert stray_conjunct_speaker(doc[4]) is None
    s, e = source_of(doc[4])
    assert doc.text[s:e] == "She"


@pytest.mark.parametrize("text, speaker, actor", [
    ("Prime Minister Theresa May met the leaders on Sunday. May said the deal was the best one available.",
     "May", "theresa-may"),  # the tagger reads "May" as a modal
    ("The columnist George Will wrote a piece this week. Will urged the voters to abandon the outsiders.",
     "Will", "george-will"),
])
def test_a_surname_read_as_a_word_is_the_speaker(nlp, text, speaker, actor):
    claim = next(c for c in claims_of(nlp, text) if c["cue"]["text"] in ("said", "urged"))
    assert claim["source"]["text"] == speaker and claim["source"]["actor"] == actor, claim


def test_a_word_that_names_nobody_is_no_speaker(nlp):
    # no "Will" among the document's people: the modal stays a modal, and the report no one's
    claims = claims_of(nlp, "The new station opened on Monday. Will said he liked the station a lot.")
    assert not any((c.get("source") or {}).get("text") == "Will" for c in claims), claims
