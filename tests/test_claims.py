"""news_claims: quotation pairing (no model), claim structures on sentences written for these tests,
the gold seed article, and persistence. Sentences are our own; no PolNeAR text is used here."""
from __future__ import annotations

import logging
import re

import pytest

from pipelines.claims.quotes import find_quotes

from .conftest import SEED, load_gold


def claims_of(nlp, text: str) -> list[dict]:
    return nlp(text)._.claims


def find(claims: list[dict], **want) -> dict | None:
    """The first claim whose fields have exactly the wanted texts (and type, quote, negated, confidence)."""
    for c in claims:
        ok = True
        for key, value in want.items():
            if key in ("type", "quote", "negated", "confidence"):
                ok &= c[key] == value
            elif value is None:
                ok &= key == "target" and c["target"] is None or key == "source" and c["source"]["text"] is None
            else:
                part = c[key] or {}
                ok &= value == part.get("text")
        if ok:
            return c
    return None


# ------------------------------------------------------------------ quotes (no model)

@pytest.mark.parametrize("text, inner", [
    ("He said “we will win” and left.", ["we will win"]),
    ('He said "we will win" and "we will stay".', ["we will win", "we will stay"]),
    ("„Wir kommen“, sagte er, “this is”.", ["Wir kommen", "this is"]),
    ("He said “we are crumbling,\" and “no.“", ["we are crumbling,", "no."]),  # a mark after a word closes
])
def test_quotes_pair_by_mark(text, inner):
    assert [text[q.inner_start:q.inner_end] for q in find_quotes(text)] == inner


def test_quote_without_opener_at_paragraph_start():
    text = "Intro.\n\nThis is an active threat,” the spokeswoman said."
    (q,) = find_quotes(text)
    assert text[q.inner_start:q.inner_end] == "This is an active threat,"


def test_paragraph_break_closes_quote_unless_continued():
    text = "“First part of it\n\n“Second part.”\n\nPlain “open\n\nNo quote here."
    quotes = find_quotes(text)
    assert [text[q.inner_start:q.inner_end] for q in quotes] == ["First part of it", "Second part.", "open"]
    assert quotes[0].continued and not quotes[2].continued


@pytest.mark.parametrize("text", ['He said "yes.', "“a “b” c” d”", '"', "”", "x “\n\n” y"])
def test_odd_quote_marks_never_raise(text, caplog):
    with caplog.at_level(logging.DEBUG, logger="pipelines.claims.quotes"):
        find_quotes(text)


# ------------------------------------------------------------------ structures

STRUCTURES = [
    # X said (that) Y
    ("The minister said that the talks had failed.",
     dict(type="statement", source="The minister", cue="said", content="that the talks had failed")),
    # a contrast that shares the clause's subject is part of what was said
    ("The official said the company had repaired the bridge, but had not tested it.",
     dict(source="The official", cue="said", content="the company had repaired the bridge, but had not tested it")),
    # X said yes / no
    ("Asked whether the bridge was safe, most of the engineers said no.",
     dict(source="most of the engineers", cue="said", content="no")),
    # Y, X said
    ("The talks had failed, the minister said.",
     dict(type="statement", source="the minister", content="The talks had failed")),
    ("The bridge will close next year, the mayor told reporters.",
     dict(source="the mayor", cue="told", content="The bridge will close next year")),
    # a cue after a clause that has its own object or complement reports that, not the clause before
    ("The town needs a new school, and the mayor urged the council to pay for it.",
     dict(source="the mayor", cue="urged", content="the council to pay for it")),
    # “Y,” said X
    ("“The talks have failed,” said the minister.",
     dict(type="statement", source="the minister", content="The talks have failed,", quote=True)),
    # “Y?” X said. - a quotation that ends its sentence, the bare cue right after it
    ("“Who will pay for the new bridge now?” the mayor asked. The council did not answer.",
     dict(type="statement", source="the mayor", cue="asked", content="Who will pay for the new bridge now?", quote=True)),
    ("“We have waited far too long for this road!” Jane Smith said.",
     dict(source="Jane Smith", cue="said", content="We have waited far too long for this road!", quote=True)),
    # a short quotation that opens its sentence, tagged by a cue: speech, not a title
    ("The vote was close. “Not even one,” the chairman said.",
     dict(source="the chairman", cue="said", content="Not even one,", quote=True)),
    # X said:\n\n“Y” - the quotation opens the paragraph after the cue's colon
    ("The mayor said:\n\n“We have waited far too long for this road to be built.”",
     dict(source="The mayor", cue="said", content="We have waited far too long for this road to be built.", quote=True)),
    # Y, said X - parsed with the head of Y as a second subject of the cue
    ("The rejection of the treaty signals \"the beginning of the end\" for the union, said Jan Smit, a member of parliament.",
     dict(source="Jan Smit, a member of parliament", cue="said",
          content="The rejection of the treaty signals \"the beginning of the end\" for the union")),
    # “Y,” X said - a quotation of noun phrases, with a titled speaker after it
    ("“Clearly a capable person, a seasoned person,” campaign manager Jane Doe said on Monday.",
     dict(source="campaign manager Jane Doe", cue="said", quote=True,
          content="Clearly a capable person, a seasoned person,")),
    # according to X, Y
    ("According to the ministry, the talks had failed.",
     dict(source="the ministry", cue="According to", content="the talks had failed.")),
    # Y, according to X, although Z: what follows the source is the writer's aside
    ("The mayor leads in the polls, according to a survey by the university, although few of the voters in the city have ever heard his name.",
     dict(source="a survey by the university", cue="according to", content="The mayor leads in the polls")),
    # "X told Y that Z had ..., adding ...": the participle continues X's report, whatever the parse
    ("The mayor told a newspaper that the governor had a crazy plan, adding that he lost all of the votes.",
     dict(source="The mayor", cue="adding", content="that he lost all of the votes")),
    # an infinitive cue shares the subject of what it complements: "X was prompted to say", "X is likely to say"
    ("The mayor was prompted to say that the budget had been cut.",
     dict(source="The mayor", cue="say", content="that the budget had been cut")),
    ("Young voters are more likely to say that the economy is improving.",
     dict(source="Young voters", cue="say", content="that the economy is improving")),
    # X told reporters that Y
    ("The minister told reporters that the talks had failed.",
     dict(source="The minister", cue="told", content="that the talks had failed")),
    # X accused Y of Z
    ("The government accused the rebels of attacking the convoy.",
     dict(type="accusation", source="The government", target="the rebels",
          content="the rebels of attacking the convoy")),
    # X blamed Y for Z
    ("The company blamed Russia for the outage.",
     dict(type="accusation", source="The company", target="Russia")),
    # the absolute "with X blaming Y"
    ("The outage spread quickly, with the company blaming Russia.",
     dict(type="accusation", source="the company", cue="blaming", target="Russia")),
    # X attributed the attacks to Y
    ("Investigators attributed the attacks to a group based in Iran.",
     dict(type="attribution", source="Investigators", target="a group based in Iran", content="the attacks")),
    # passives keep the direction
    ("The rebels were blamed by the government for the attack.",
     dict(type="accusation", source="the government", target="The rebels")),
    ("The hackers have been accused of stealing data.",
     dict(type="accusation", source=None, target="The hackers", content="of stealing data")),
    # denials
    ("The ministry denied that it had hacked the network.",
     dict(type="denial", source="The ministry", content="that it had hacked the network")),
    ("The ministry said it was not behind the hack.",
     dict(type="denial", source="The ministry", content="it was not behind the hack")),
    ("The US has accused Moscow of meddling, something which they deny.",
     dict(type="denial", cue="deny", target="The US")),
    ("Moscow rejected Washington's accusations of meddling.",
     dict(type="denial", source="Moscow", target="Washington")),
    # nominal claims
    ("Moscow rejected US accusations of cyber-crime.",
     dict(type="accusation", cue="accusations", source="US", target="Moscow", content="of cyber-crime")),
    ("Microsoft's claim that the servers were safe was disputed.",
     dict(type="statement", cue="claim", source="Microsoft", content="that the servers were safe")),
    # the noun's "by" / "from" party speaks too
    ("Claims by the agencies that the files were secret were later dropped.",
     dict(type="statement", cue="Claims", source="the agencies", content="that the files were secret")),
    ("Warnings from his lawyer that the hearing was pointless went unheeded.",
     dict(type="statement", cue="Warnings", source="his lawyer", content="that the hearing was pointless")),
    # unattributed report
    ("It is reported that thousands of servers were affected.",
     dict(source=None, cue="reported", content="that thousands of servers were affected")),
    # a statement alleging wrongdoing is an accusation of the culprit
    ("The company said the group had tried to steal research.",
     dict(type="accusation", source="The company", target="the group")),
    # a quote with no cue verb: a dash and a name after it
    ("The agency was blunt. “We will act against every group that attacks us.” -Commissioner Jane Smith\n",
     dict(type="statement", source="Commissioner Jane Smith", cue="-", quote=True,
          content="We will act against every group that attacks us.")),
    # stance: "X sees Y as Z", "X opposed Y", an object cue with what it says of the object
    ("Most farmers see the new tariff as a threat to their exports.",
     dict(source="Most farmers", cue="see", content="the new tariff as a threat to their exports")),
    ("The senator opposed the pipeline.",
     dict(source="The senator", cue="opposed", content="the pipeline")),
    ("The mayor described the budget as a disaster for the city.",
     dict(source="The mayor", cue="described", content="the budget as a disaster for the city")),
    # "X called Y Z" (two objects), "X called for Y to be Z" ("for" parsed as the clause's mark)
    ("The governor calls the new stadium “a waste of public money” because few people use it.",
     dict(source="The governor", cue="calls", content="the new stadium “a waste of public money")),
    ("The union has called for the hourly wage to be raised to $20 by next year.",
     dict(source="The union", cue="called", content="the hourly wage to be raised to $20 by next year")),
    # stances with "be": a stance adjective and the preposition or that-clause it takes
    ("Several senators have been critical of the new trade deal.",
     dict(source="Several senators", cue="been critical", content="the new trade deal")),
    ("Most farmers were worried about the price of seed.",
     dict(source="Most farmers", cue="were worried", content="the price of seed")),
    ("The coach is convinced that his team can win the title.",
     dict(source="The coach", cue="is convinced", content="that his team can win the title")),
    # a view noun equated with a that-clause: "X's argument was that Y"
    ("The senator's argument was that the new tax would hurt farmers.",
     dict(source="The senator", cue="argument was", content="that the new tax would hurt farmers")),
    # "In a statement, X ...": a channel phrase and no cue verb
    ("In a statement, the ministry was blunt: “We will not pay any ransom to these criminals.”",
     dict(type="statement", source="the ministry", cue="In a statement", quote=True,
          content="We will not pay any ransom to these criminals.")),
    ("The ministry, in a statement, was blunt: “We will not pay any ransom.”",
     dict(source="The ministry", cue="in a statement", quote=True, content="We will not pay any ransom.")),
    ("In a statement on Tuesday, Smith stood by the decision to close the plant.",
     dict(source="Smith", cue="In a statement", content="stood by the decision to close the plant")),
    # a headline "Speaker: what they say"; a poll heads its finding the same way
    ("Poll: Three battleground Senate races are tight.\n\nThe races remain close.",
     dict(source="Poll", cue=":", content="Three battleground Senate races are tight.")),
    # a poll or survey is the source of the clause it introduces, and of what a share of its respondents said
    ("In a survey by the university, 40 percent of farmers said they would sell their land.",
     dict(source="a survey by the university", cue="said", content="they would sell their land")),
    ("In a new poll by the university, the mayor leads his rival by 12 points.",
     dict(source="a new poll by the university", cue="In a new poll", content="the mayor leads his rival by 12 points")),
    # "blamed Z on Y": an "on" after the verb, never a date before or after it
    ("The mayor blamed the flood on the council.",
     dict(type="accusation", source="The mayor", target="the council")),
    ("On Tuesday the mayor blamed the council for the flood.",
     dict(type="accusation", source="the mayor", target="the council")),
    ("The mayor blamed the council on Monday for the flood.",
     dict(type="accusation", source="The mayor", target="the council")),
    # qualifiers
    ("The minister did not accuse Russia of the attack.",
     dict(type="accusation", negated=True, target="Russia")),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, want", STRUCTURES, ids=[(t.values[0] if hasattr(t, "values") else t[0])[:40]
                                                         for t in STRUCTURES])
def test_structure(nlp, text, want):
    claims = claims_of(nlp, text)
    assert find(claims, **want), claims


@pytest.mark.slow
def test_claim_noun_without_a_party_makes_no_claim(nlp):
    assert claims_of(nlp, "The claim that the dam was safe proved wrong.") == []


@pytest.mark.slow
@pytest.mark.parametrize("text, cue", [
    ("In a statement, the ministry said that the talks had failed.", "said"),  # the cue verb makes the claim
    ("In the meantime, the company will keep its offices closed.", None),  # "in" with no channel noun
    ("We waited to see what would happen next.", None),
    # a short quote, a title, makes no claim; the book is what she wrote (objects.py: PolNeAR counts
    # "wrote a memoir" as an attribution, and the tail classifier takes it)
    ("She wrote a book called “Hard Choices,” which sold well.", "wrote"),
    ("Let's say you think a degree from the state university is worth the money.", None),  # an invitation
    ("Let us focus on understanding how the council spends its money.", None),  # ... and all under it
    ("The bridge was critical of it.", None),  # a stance on a pronoun: what it stands for is elsewhere
    ("The hall is full of people.", None),  # an adjective that holds no stance  # "see" reports a view only as "see X as Y"
    # the seed's teaser: an imperative addressed to the reader, which the parser hangs under a later verb
    ("The Future is Tech – Think of one of the biggest companies you could target as a hacker… "
     "Microsoft comes to mind, right?", None),
])
def test_which_cue_makes_the_claim(nlp, text, cue):
    claims = claims_of(nlp, text)
    assert [c["cue"]["text"] for c in claims] == ([cue] if cue else []), claims


@pytest.mark.slow
def test_phrased_hedges_and_confidence_are_looked_for_only_in_texts_that_have_one(nlp):
    """`qualifier_any` (any hedge or confidence phrase in the text, word boundaries aside) gates the
    per-claim regexes: a text with one keeps its qualifiers, one without has none to lose."""
    from dataclasses import replace

    from pipelines.claims import extract_claims

    lex = nlp.get_pipe("news_claims").lex
    assert lex.qualifier_any.search("Officials are believed to have assessed it.") is not None
    ungated = replace(lex, qualifier_any=re.compile(""))
    for text in ("Officials said the group is believed to have assessed with high confidence that it ran the hack.",
                 "The agency assesses that the SVR ran the operation.", "He said the plan was late."):
        doc = nlp(text)
        assert extract_claims(doc, lex) == extract_claims(doc, ungated)
    (claim,) = extract_claims(nlp("Officials said the group is believed to have run the hack."), lex)
    assert claim["hedges"] == ["believed to"]


@pytest.mark.slow
def test_hedges_and_confidence(nlp):
    claims = claims_of(nlp, "Officials said the group allegedly runs servers abroad and may strike again.")
    assert "allegedly" in claims[0]["hedges"] and "may" in claims[0]["hedges"]
    claims = claims_of(nlp, "The agency attributed the attacks with high confidence to the group.")
    assert claims[0]["type"] == "attribution" and claims[0]["confidence"] == "high"


@pytest.mark.slow
@pytest.mark.slow
def test_split_quote_parsed_as_the_cues_clause_is_one_claim(nlp):
    text = ("“It seems to me the two towns have every reason to work together,” he said, "
            "“because to succeed they both need one another.”")
    claims = claims_of(nlp, text)
    assert len(claims) == 1, claims
    frags = [f["text"] for f in claims[0]["content"].get("fragments", [])]
    assert len(frags) == 2 and "work together" in frags[0] and "one another" in frags[1], claims


@pytest.mark.slow
def test_quote_continued_over_sentences_and_paragraphs(nlp):
    text = ("“The talks have failed,” she said. “We will try again next year with a new team.”\n\n"
            "“Nobody wants another round of this in the spring.”")
    claims = claims_of(nlp, text)
    assert all(c["source"]["text"] == "she" and c["quote"] for c in claims), claims
    assert len(claims) == 2  # one per paragraph; the two sentences of the first are one claim
    assert [f["text"] for f in claims[0]["content"]["fragments"]] == [
        "The talks have failed,", "We will try again next year with a new team."]
    assert claims[1]["content"]["text"].startswith("Nobody wants")


@pytest.mark.slow
@pytest.mark.parametrize("text, parts", [
    # a short quoted sentence right after the tag goes on with the speaker, verbless as it is
    ("The painter stepped back from the canvas.\n\n“It’s finished,” she said. “In my head, anyway.”\n\nThen she left.",
     ["It’s finished,", "In my head, anyway."]),
    ("“We won,” he said. “Not by much.”", ["We won,", "Not by much."]),
], ids=["verbless-sentence", "one-word"])
def test_a_quote_goes_on_after_its_speech_tag(nlp, text, parts):
    claims = [c for c in claims_of(nlp, text) if c["quote"]]
    assert len(claims) == 1, claims
    assert [f["text"] for f in claims[0]["content"]["fragments"]] == parts


@pytest.mark.slow
def test_a_short_quote_after_a_tag_with_no_period_is_still_a_title(nlp):
    # "“Meet the Press”" ends no sentence: a show's name, no second part of what he said
    claims = claims_of(nlp, "“The talks have failed,” he said on “Meet the Press” last week.")
    assert [c["content"]["text"] for c in claims] == ["The talks have failed,"], claims


@pytest.mark.slow
def test_offsets_point_into_text(nlp):
    text = SEED.read_text(encoding="utf-8")
    doc = nlp(text)
    for c in doc._.claims:
        for key in ("cue", "content", "sentence"):
            assert text[c[key]["start"]:c[key]["end"]] == c[key]["text"]
        for key in ("source", "target"):
            p = c[key]
            if p and p["start"] is not None:
                assert text[p["start"]:p["end"]] == p["text"]


@pytest.mark.slow
def test_odd_quotes_in_a_document_do_not_raise(nlp):
    doc = nlp('He said "the plan works. “It does,” she said, ” and left.\n\n“Open')
    assert isinstance(doc._.claims, list)


# ------------------------------------------------------------------ the gold seed

GOLD_DATA = load_gold()
NAMES = {a["id"]: [n.lower() for n in a["names"]] for a in GOLD_DATA["actors"]}
# claims whose source or target is a pronoun or nominal ("they", "It", "the company"): by text they
# hold only the pronoun, so they pass by text only once the actors component resolves them
PRONOUN_SOURCE = {"C3", "C17"}


@pytest.fixture(scope="module")
def seed_claims(nlp):
    return nlp(SEED.read_text(encoding="utf-8"))._.claims


def _matches(claim: dict, gold: dict, by: str) -> bool:
    if gold["evidence"] not in claim["sentence"]["text"] or claim["type"] != gold["type"]:
        return False
    if by == "actor":
        ok = claim["source"]["actor"] in (gold["source"], gold.get("source_rollup"))
        if gold.get("target"):
            ok &= (claim["target"] or {}).get("actor") == gold["target"]
        return ok
    src = (claim["source"]["text"] or "").lower()
    ok = (src == "" if gold["source"] is None else any(n.lower() in src or src in n for n in NAMES[gold["source"]]))
    if gold.get("target") or gold.get("target_text"):
        tgt = ((claim["target"] or {}).get("text") or "").lower()
        names = NAMES.get(gold.get("target"), []) + [gold.get("target_text", "").lower()]
        ok &= bool(tgt) and any(n and (n in tgt or tgt in n) for n in names)
    return ok


STRETCH_MISSED = {("text", "C3"), ("text", "C17")}  # stretch claims of the gold seed not found yet (by text)


def _seed_cases(by: str):
    for g in GOLD_DATA["claims"]:
        marks = []
        if not g["required"] and (by, g["id"]) in STRETCH_MISSED:
            marks.append(pytest.mark.xfail(strict=False, reason="stretch claim of the gold seed"))
        elif by == "text" and g["id"] in PRONOUN_SOURCE:
            marks.append(pytest.mark.xfail(strict=False, reason="pronoun source: needs actor resolution"))
        yield pytest.param(g, id=f"{g['id']}-{g['type']}", marks=marks)


@pytest.mark.slow
@pytest.mark.parametrize("gold", list(_seed_cases("text")))
def test_seed_claim_by_text(seed_claims, gold):
    hits = [c for c in seed_claims if _matches(c, gold, "text")]
    assert hits, [(c["type"], c["source"]["text"], c["sentence"]["text"][:60]) for c in seed_claims
                  if gold["evidence"] in c["sentence"]["text"]]
    if gold.get("quote"):
        assert any(c["quote"] for c in hits)
    for hedge in gold.get("hedges", []):
        assert any(hedge in c["hedges"] for c in hits)
    if gold.get("confidence"):
        assert any(c["confidence"] == gold["confidence"] for c in hits)


@pytest.mark.slow
@pytest.mark.parametrize("gold", list(_seed_cases("actor")))
def test_seed_claim_by_actor(seed_claims, gold):
    if gold["source"] is None:
        pytest.skip("unattributed: no actor to compare")
    assert any(_matches(c, gold, "actor") for c in seed_claims)


@pytest.mark.slow
def test_seed_quote_without_opener(seed_claims):
    """The seed's second paragraph opens with the quoted words and no opening mark."""
    c = find(seed_claims, cue="said", source="White House press secretary Jen Psaki", quote=True)
    assert c is not None
    assert "This is an active threat" in c["sentence"]["text"]
    parts = c["content"].get("fragments") or [c["content"]]
    assert parts[0]["text"] == "This is an active threat,"  # the quote's words, no marks


@pytest.mark.slow
@pytest.mark.parametrize("edge", GOLD_DATA["graph"]["must_not_have"], ids=lambda e: "-".join(e))
def test_seed_must_not_have(seed_claims, edge):
    source, target, ctype = edge
    assert not [c for c in seed_claims if c["type"] == ctype and c["source"]["actor"] == source
                and (c["target"] or {}).get("actor") == target]


# ------------------------------------------------------------------ persistence

@pytest.mark.slow
def test_to_disk_from_disk_and_bytes(nlp, tmp_path):
    pipe = nlp.get_pipe("news_claims")
    pipe.to_disk(tmp_path / "claims")
    from pipelines.claims import ClaimExtractor

    fresh = ClaimExtractor(nlp, "news_claims").from_disk(tmp_path / "claims")
    assert fresh.lex.report == pipe.lex.report and fresh.lex.accuse == pipe.lex.accuse
    again = ClaimExtractor(nlp, "news_claims").from_bytes(pipe.to_bytes())
    assert again.lex.deny == pipe.lex.deny and again.quote_fragments == pipe.quote_fragments
    doc = nlp.make_doc("x")
    with nlp.select_pipes(disable=["news_claims"]):
        doc = nlp("The minister said that the talks had failed.")
    assert fresh(doc)._.claims[0]["content"]["text"] == "that the talks had failed"


@pytest.mark.slow
def test_pipe_with_two_processes(nlp):
    texts = ["The minister said that the talks had failed.", "“We won,” she said."]
    docs = list(nlp.pipe(texts, n_process=2))
    assert [len(d._.claims) for d in docs] == [1, 1]


@pytest.mark.slow
def test_a_headline_quote_right_after_the_cue_is_the_content(nlp):
    """The parser hangs the words before the colon on "says"; the quotation after it is what was said."""
    claims = claims_of(nlp, "Exchange hack live: White House says ‘act now to patch’\n")
    (claim,) = [c for c in claims if c["cue"]["text"] == "says"]
    assert (claim["source"]["text"], claim["content"]["text"]) == ("White House", "act now to patch")


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    # the most explicit confidence phrase wins over a bare estimative verb
    ("The agency said it assessed with high confidence that the SVR ran the operation.", dict(confidence="high")),
    ("The agency assesses that the SVR ran the operation.", dict(confidence="medium")),
    # "was responsible" alleges wrongdoing like "was behind"
    ("The agency said Russia was responsible for the attack.", dict(type="accusation", target="Russia")),
])
def test_confidence_and_responsibility(nlp, text, want):
    claims = claims_of(nlp, text)
    assert find(claims, **want), claims


@pytest.mark.parametrize("text, cue, negated", [
    ("Obama avoided criticizing Trump by name.", "criticizing", True),
    ("Johnson refused to blame Clinton for the attack.", "blame", True),
    ("Senator Smith was reluctant to criticize the president.", "criticize", True),
    ("He did not want to accuse Russia of the hack.", "accuse", True),
    ("Cruz steered clear of criticizing Trump.", "criticizing", True),
    ("Smith stopped short of accusing China of the hack.", "accusing", True),
    ("Bush's refusal to condemn the display angered voters.", "condemn", True),
    ("The mayor failed to condemn the attack on the journalists.", "condemn", True),
    ("He did not hesitate to blame Russia for the hack.", "blame", False),  # two negations: he blamed
    ("Neither Adams nor Ruiz is inclined to attack Mayor Clark.", "attack", True),
    ("Nobody blamed the mayor for the flood.", "blamed", True),
    ("Republicans were angry over his equivocation when asked to condemn the Ku Klux Klan.", "condemn", True),
    ("Democrats wanted to condemn the attack.", "condemn", False),
    ("Smith accused China of the hack.", "accused", False),
    # a gerund its preposition says was not done: a warning against an accusation is none
    ("The senator warned against blaming the immigrants for the crisis.", "blaming", True),
    ("The senator was against blaming the workers.", "blaming", True),
    ("The mayor spoke for an hour without blaming the council.", "blaming", True),
    ("Rather than blaming the workers, the senator blamed the banks.", "blaming", True),
    ("The senator refrained from criticizing the governor.", "criticizing", True),
    ("The mayor was booed after blaming the council for the flood.", "blaming", False),
])
def test_a_withheld_accusation_is_negated(nlp, text, cue, negated):
    claim = next(c for c in claims_of(nlp, text) if c["cue"]["text"] == cue)
    assert claim["type"] == "accusation" and claim["negated"] is negated


def test_an_accusation_urged_on_another_is_no_claim(nlp):
    # asked of Trump, not made by him nor by Democrats (nested.asked_of_another); the urging stays
    claims = claims_of(nlp, "Democrats urged Trump to condemn the attack.")
    assert [c["cue"]["text"] for c in claims] == ["urged"], claims


def test_a_clause_after_against_is_asserted(nlp):
    # a minimal pair with "The senator was against blaming the workers" (negated); not "marched against",
    # which the tail classifier takes as a claim of its own, whose content then holds "calls"
    claim = next(c for c in claims_of(nlp, "The union was against what it calls the unfair treatment of workers.")
                 if c["cue"]["text"] == "calls")
    assert claim["negated"] is False


def test_it_goes_without_saying_asserts_what_follows(nlp):
    claim = next(c for c in claims_of(nlp, "It goes without saying that the tax plan helps the rich.")
                 if c["cue"]["text"] == "saying")
    assert claim["negated"] is False
