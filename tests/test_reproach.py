"""Reproach in a statement's content (pipelines/claims/reproach.py): a content that calls an actor
or its act illegal, improper, criminal ... is an accusation of that actor; one that calls a claim or
a proceeding false or a sham, or denies wrongdoing, is a denial. Made-up sentences through the
model, positive and negative, and one hand-built parse."""
from __future__ import annotations

import pytest

from pipelines.claims import Lexicon, extract_claims
from pipelines.lexicons import read_claim_words, read_cues

from .parses import parse


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_data(read_cues("en"), read_claim_words("en"))


def typed(claims: list[dict]) -> list[tuple[str, str | None]]:
    return [(c["type"], (c["target"] or {}).get("text")) for c in claims if c["type"] != "statement"]


def test_a_content_calling_an_act_improper_accuses_its_owner(lex):
    doc = parse("""
        Williams NNP PROPN nsubj 1 Williams
        said VBD VERB ROOT 1 say
        Trump NNP PROPN poss 4 Trump
        's POS PART case 2 's
        request NN NOUN nsubj 5 request
        was VBD AUX ccomp 1 be
        improper JJ ADJ acomp 5 improper -
        . . PUNCT punct 1 .
    """, ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    assert typed(extract_claims(doc, lex)) == [("accusation", "Trump")]
    modifier = parse("""
        Williams NNP PROPN nsubj 1 Williams
        said VBD VERB ROOT 1 say
        improper JJ ADJ amod 3 improper
        requests NNS NOUN nsubj 4 request
        were VBD AUX ccomp 1 be
        rare JJ ADJ acomp 4 rare -
        . . PUNCT punct 1 .
    """, ents=[(0, 1, "PERSON")])
    assert typed(extract_claims(modifier, lex)) == []


@pytest.mark.parametrize("sentence, expected", [
    # accusations: a predicate of reproach, a judging verb, an act with its named doer, an attempt
    ("The senator said Governor Smith's decision was illegal and improper.", [("accusation", "Governor Smith")]),
    ("“These looters are criminals,” the commander said.", [("accusation", "These looters")]),
    ("The ministry said the settlements were illegal.", [("accusation", None)]),
    ("“It was an attempt to mislead voters,” the director told reporters.", [("accusation", None)]),
    ("“We oppose violations of international law by Russia,” the minister said.", [("accusation", "Russia")]),
    ("The coach said Jones made a serious mistake in the final minute.", [("accusation", "Jones")]),
    # asking for a party's punishment, a promise not kept, "it is ... for X to"
    ("The coach said Smith should be suspended for the rest of the season.", [("accusation", "Smith")]),
    ("The senator called for the resignation of Chief Jones.", [("accusation", "Chief Jones")]),
    ("The union said Acme is not keeping its promise to its workers.", [("accusation", "Acme")]),
    ("“It is misleading for the company to behave that way,” the regulator said.", [("accusation", "the company")]),
    ("The coach said Smith should not be suspended.", []),
    ("The senator called the impeachment of Governor Smith a disgrace.", [("denial", None)]),  # the proceeding, not Smith
    # the speaker's own censure in a quotation (a cue there makes no claim of its own); not of its own act
    ("“We strongly condemn the attack on the embassy,” the minister said.", [("accusation", None)]),
    ("“I regret my decision,” the coach said.", []),
    ("“I regret having followed their advice,” he said.", []),
    # denials: a claim or a proceeding called false, a sham; wrongdoing denied by the speaker's side
    ("The White House called the impeachment inquiry a sham.", [("denial", None)]),
    ("“The allegations against the mayor are not credible,” the lawyer said.", [("denial", None)]),
    ("“We did nothing wrong,” the company said.", [("denial", None)]),
    # statements: a modifier, a hypothetical, an impersonal "it is ... to", a thing judged weakly,
    # the speaker's own side, a question
    ("Officials said illegal immigrants had crossed the border.", []),
    ("“It would be inappropriate for me to comment,” the minister said.", []),
    ("The mayor said it was illegal to park on the bridge.", []),
    ("The analyst said the forecast was wrong.", []),
    ("“We were wrong,” the chairman said.", []),
    ("The reporter asked whether the move was illegal?", []),
    # another speaker's words inside the content, a condition of its own
    ("“He kept calling her a liar,” the witness said.", []),
    ("The agency said that, if the reports are true, the company is violating the sanctions.", []),
])
def test_reproach_through_the_model(nlp, sentence, expected):
    assert typed(nlp(sentence)._.claims) == expected


def test_reproach_is_asked_only_at_the_words_it_can_start_from_and_finds_every_one(nlp, seed_text):
    """`reproach_words` narrows the walk over a content to the tokens of reproach's word lists: every
    token `reproach_of` finds a reproach at is among them, on the sentences above and on the seed."""
    from pipelines.claims.reproach import reproach_of, reproach_words
    from pipelines.claims.spans import kept_text

    lex = nlp.get_pipe("news_claims").lex
    texts = [s for s, _ in test_reproach_through_the_model.pytestmark[0].args[1]] + [seed_text]
    found = 0
    for text in texts:
        doc = nlp(text)
        with kept_text(doc):
            at = set(reproach_words(doc, lex))
            for tok in doc:
                if reproach_of(tok, tok.head, lex) is not None:
                    found += 1
                    assert tok.i in at, (text, tok.text)
            assert len(at) < len(doc)
    assert found >= 15  # 17 with the small English model
