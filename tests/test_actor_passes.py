"""news_actors pass by pass on hand-built parses (tests/parses.py): each pass is a function of
(doc, lexicon, table), run here alone (or after the passes it builds on) over a fresh table. No
model; each test writes out the parse it assumes."""
from __future__ import annotations

import pytest

from pipelines import read_jsonl
from pipelines.lexicons import read_actor_words
from pipelines.actors import PASSES, ActorLexicon, resolve_actors
from pipelines.actors.acronyms import acronyms
from pipelines.actors.coreference import coreference
from pipelines.actors.kinds import company_kinds, owned_business
from pipelines.actors.labels import consistent_ents, label_votes
from pipelines.actors.lookup import disambiguate, entity_names, missed_names, naming_clauses
from pipelines.actors.persons import named_officials, persons, unnamed_officials
from pipelines.actors.places import demonym_phrases
from pipelines.actors.table import ActorTable, DocView, add_actor, cyber_context

from .parses import parse


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.from_data(read_jsonl("actors.jsonl"), read_actor_words("en"))


def run(doc, lex, *passes) -> ActorTable:
    view = DocView.of(doc)
    table = ActorTable(cyber=cyber_context(view, lex))  # as resolve_actors makes it
    for p in passes:
        p(view, lex, table)
    return table


def mentions(doc, table: ActorTable) -> list[tuple[str, str, str]]:
    """(text, actor, label) of the table's mentions, in the order found."""
    return [(doc[s:e].text, aid, label) for s, e, aid, label in table.mentions.items]


def test_passes_run_once_each_in_one_order():
    assert len(set(PASSES)) == len(PASSES)
    assert PASSES.index(persons) < PASSES.index(entity_names) < PASSES.index(company_kinds) < PASSES.index(coreference) \
        < PASSES.index(owned_business) == len(PASSES) - 1


def test_label_votes_give_a_name_its_most_frequent_label(lex):
    doc = parse("""
        Hafnium NNP PROPN nsubj 1 Hafnium
        struck VBD VERB ROOT 1 strike
        . . PUNCT punct 1 .
        Hafnium NNP PROPN nsubj 4 Hafnium
        left VBD VERB ROOT 4 leave
        . . PUNCT punct 4 .
        Hafnium NNP PROPN nsubj 7 Hafnium
        won VBD VERB ROOT 7 win
    """, ents=[(0, 1, "GPE"), (3, 4, "GPE"), (6, 7, "ORG")])
    assert run(doc, lex, label_votes).labels == {"Hafnium": "GPE"}


def test_persons_make_surnames_find_the_full_name(lex):
    doc = parse("""
        Jen NNP PROPN compound 1 Jen
        Psaki NNP PROPN nsubj 2 Psaki
        spoke VBD VERB ROOT 2 speak
        . . PUNCT punct 2 .
        Psaki NNP PROPN nsubj 5 Psaki
        left VBD VERB ROOT 5 leave
    """, ents=[(0, 2, "PERSON"), (4, 5, "PERSON")])
    table = run(doc, lex, persons)
    assert table.person_ids == {"jen-psaki"}
    assert table.aliases["Jen Psaki"] == table.aliases["Psaki"] == table.aliases["psaki"] == "jen-psaki"


def test_acronym_definition_names_a_unit_of_its_company(lex):
    doc = parse("""
        The DT DET det 4 the
        Microsoft NNP PROPN compound 4 Microsoft
        Threat NNP PROPN compound 4 Threat
        Intelligence NNP PROPN compound 4 Intelligence
        Center NNP PROPN nsubj 8 Center
        ( -LRB- PUNCT punct 4 (
        MSTIC NNP PROPN appos 4 MSTIC
        ) -RRB- PUNCT punct 4 )
        warned VBD VERB ROOT 8 warn
    """)
    table = run(doc, lex, acronyms)
    assert table.aliases["MSTIC"] == "mstic"
    actor = table.actors["mstic"]
    assert (actor["name"], actor["kind"], actor["part_of"], actor["aliases"]) == (
        "Microsoft Threat Intelligence Center", "organisation", "microsoft", ["MSTIC"])
    assert mentions(doc, table) == [("The Microsoft Threat Intelligence Center", "mstic", "ORG"),
                                    ("MSTIC", "mstic", "ORG")]


def test_title_before_a_name_makes_an_official_of_the_body(lex):
    doc = parse("""
        White NNP PROPN compound 1 White
        House NNP PROPN compound 3 House
        press NN NOUN compound 3 press
        secretary NN NOUN compound 5 secretary
        Jen NNP PROPN compound 5 Jen
        Psaki NNP PROPN nsubj 6 Psaki
        said VBD VERB ROOT 6 say
    """, ents=[(0, 2, "ORG"), (4, 6, "PERSON")])
    table = run(doc, lex, persons, named_officials)
    actor = table.actors["jen-psaki"]
    assert (actor["kind"], actor["title"], actor["part_of"]) == ("official", "press secretary", "white-house")
    assert table.mentions.consumed == {2, 3}


def test_entity_names_are_looked_up(lex):
    doc = parse("""
        Microsoft NNP PROPN nsubj 1 Microsoft
        warned VBD VERB ROOT 1 warn
        customers NNS NOUN dobj 1 customer
    """, ents=[(0, 1, "ORG")])
    table = run(doc, lex, entity_names)
    assert mentions(doc, table) == [("Microsoft", "microsoft", "ORG")]
    assert table.mentions.of_entity == {(0, 1): "microsoft"}
    assert table.actors["microsoft"]["kind"] == "company"


def test_demonym_before_a_government_or_group_noun(lex):
    doc = parse("""
        the DT DET det 2 the
        Chinese JJ ADJ amod 2 chinese
        government NN NOUN nsubj 3 government
        warned VBD VERB ROOT 3 warn
        Iranian JJ ADJ amod 5 iranian
        hackers NNS NOUN dobj 3 hacker
    """)
    table = run(doc, lex, demonym_phrases)
    assert mentions(doc, table) == [("the Chinese government", "china", "GPE"),
                                    ("Iranian hackers", "iranian-hackers", "NORP")]
    assert table.actors["iranian-hackers"]["country"] == "IR"


def test_unnamed_official_of_a_state(lex):
    doc = parse("""
        A DT DET det 1 a
        spokesman NN NOUN nsubj 6 spokesman
        for IN ADP prep 1 for
        the DT DET det 5 the
        Chinese JJ ADJ amod 5 chinese
        government NN NOUN pobj 2 government
        said VBD VERB ROOT 6 say
    """, ents=[(4, 5, "NORP")])
    table = run(doc, lex, unnamed_officials)
    assert mentions(doc, table) == [("A spokesman for the Chinese government", "chinese-government-spokesman",
                                     "OFFICIAL")]
    actor = table.actors["chinese-government-spokesman"]
    assert (actor["kind"], actor["title"], actor["part_of"]) == ("official", "spokesman", "china")


def test_missed_repeats_of_a_name_are_found(lex):
    doc = parse("""
        Acme NNP PROPN nsubj 1 Acme
        warned VBD VERB ROOT 1 warn
        . . PUNCT punct 1 .
        Later RB ADV advmod 5 later
        Acme NNP PROPN nsubj 5 Acme
        said VBD VERB ROOT 5 say
    """, ents=[(0, 1, "ORG")])
    table = run(doc, lex, entity_names, missed_names)
    assert mentions(doc, table) == [("Acme", "acme", "ORG"), ("Acme", "acme", "ORG")]
    assert [s for s, *_ in table.mentions.items] == [0, 4]


def test_naming_clause_names_the_noun_phrase(lex):
    doc = parse("""
        a DT DET det 2 a
        threat NN NOUN compound 2 threat
        actor NN NOUN nsubj 9 actor -
        , , PUNCT punct 2 ,
        which WDT PRON dobj 6 which
        they PRP PRON nsubj 6 they
        named VBD VERB relcl 2 name
        Hafnium NNP PROPN oprd 6 Hafnium -
        , , PUNCT punct 2 ,
        struck VBD VERB ROOT 9 strike
    """)
    view, table = DocView.of(doc), ActorTable()
    add_actor(lex, table, "hafnium", "HAFNIUM", "threat_actor")
    table.mentions.add(7, 8, "hafnium", "ORG")
    naming_clauses(view, lex, table)
    assert mentions(doc, table)[1:] == [("a threat actor", "hafnium", "NOMINAL")]


def test_ambiguous_alias_resolves_to_the_one_candidate_named(lex):
    doc = parse("""
        G0013 NNP PROPN nsubj 1 G0013
        is VBZ AUX ROOT 1 be
        Naikon NNP PROPN attr 1 Naikon
    """)
    view, table = DocView.of(doc), ActorTable()
    add_actor(lex, table, "g0013", "G0013", "threat_actor")
    add_actor(lex, table, "naikon", "Naikon", "threat_actor")
    table.mentions.add(0, 1, "g0013", "ORG")
    disambiguate(view, lex, table)
    assert "g0013" not in table.actors and "G0013" in table.actors["naikon"]["aliases"]
    assert table.mentions.items == [(0, 1, "naikon", "ORG")]


def test_pronoun_and_nominal_take_the_latest_compatible_subject(lex):
    doc = parse("""
        Microsoft NNP PROPN nsubj 1 Microsoft
        warned VBD VERB ROOT 1 warn
        . . PUNCT punct 1 .
        It PRP PRON nsubj 4 it
        told VBD VERB ROOT 4 tell
        customers NNS NOUN dobj 4 customer
        . . PUNCT punct 4 .
        The DT DET det 8 the
        company NN NOUN nsubj 9 company
        said VBD VERB ROOT 9 say
        so RB ADV advmod 9 so
    """, ents=[(0, 1, "ORG")])
    table = run(doc, lex, entity_names, coreference)
    assert mentions(doc, table) == [("Microsoft", "microsoft", "ORG"), ("It", "microsoft", "PRON"),
                                    ("The company", "microsoft", "NOMINAL")]
    off = run(doc, lex, entity_names, lambda d, x, t: coreference(d, x, t, nominals=False, pronouns=False))
    assert mentions(doc, off) == [("Microsoft", "microsoft", "ORG")]


def test_object_pronoun_takes_the_one_compatible_actor_other_than_the_subject(lex):
    doc = parse("""
        Acme NNP PROPN compound 1 Acme
        Records NNP PROPN nsubj 2 Records
        sold VBD VERB ROOT 2 sell
        . . PUNCT punct 2 .
        Jane NNP PROPN compound 5 Jane
        Doe NNP PROPN nsubj 6 Doe
        accused VBD VERB ROOT 6 accuse
        them PRP PRON dobj 6 they
    """, ents=[(0, 2, "ORG"), (4, 6, "PERSON")])
    table = run(doc, lex, persons, entity_names, coreference)
    assert ("them", "acme-records", "PRON") in mentions(doc, table)


def test_object_pronoun_with_two_candidates_or_in_a_quote_stays_unresolved(lex):
    doc = parse("""
        Acme NNP PROPN nsubj 1 Acme
        and CC CCONJ cc 0 and
        Bolt NNP PROPN conj 0 Bolt
        sold VBD VERB ROOT 3 sell
        . . PUNCT punct 3 .
        Jane NNP PROPN nsubj 6 Jane
        accused VBD VERB ROOT 6 accuse
        them PRP PRON dobj 6 they
        . . PUNCT punct 6 .
        " `` PUNCT punct 11 " -
        Bolt NNP PROPN nsubj 11 Bolt
        fooled VBD VERB ROOT 11 fool
        them PRP PRON dobj 11 they -
        " '' PUNCT punct 11 "
    """, ents=[(0, 1, "ORG"), (2, 3, "ORG"), (5, 6, "PERSON"), (10, 11, "ORG")])
    table = run(doc, lex, persons, entity_names, coreference)
    assert [m for m in mentions(doc, table) if m[2] == "PRON"] == []


def test_the_company_takes_only_an_actor_known_as_a_company(lex):
    doc = parse("""
        Zorblex NNP PROPN nsubj 1 Zorblex
        said VBD VERB ROOT 1 say
        . . PUNCT punct 1 .
        The DT DET det 4 the
        company NN NOUN nsubj 5 company
        appealed VBD VERB ROOT 5 appeal
        . . PUNCT punct 5 .
        Zorblex NNP PROPN compound 8 Zorblex
        shares NNS NOUN nsubj 9 share
        fell VBD VERB ROOT 9 fall
    """, ents=[(0, 1, "ORG"), (7, 8, "ORG")])
    table = run(doc, lex, entity_names, coreference)  # an organisation of no known kind: no guess
    assert not [m for m in mentions(doc, table) if m[2] == "NOMINAL"]
    table = run(doc, lex, entity_names, company_kinds, coreference)  # "Zorblex shares": a company
    assert ("The company", "zorblex", "NOMINAL") in mentions(doc, table)


def test_first_person_inside_a_quotation_is_the_speech_tags_actor(lex):
    doc = parse("""
        “ `` PUNCT punct 7 “ -
        I PRP PRON nsubj 2 I
        lied VBD VERB ccomp 7 lie -
        , , PUNCT punct 7 , -
        ” '' PUNCT punct 7 ”
        Jane NNP PROPN compound 6 Jane
        Doe NNP PROPN nsubj 7 Doe
        said VBD VERB ROOT 7 say
    """, ents=[(5, 7, "PERSON")])
    table = run(doc, lex, persons, entity_names, coreference)
    assert ("I", "jane-doe", "PRON") in mentions(doc, table)
    outside = parse("""
        I PRP PRON nsubj 1 I
        lied VBD VERB ccomp 5 lie
        , , PUNCT punct 5 ,
        Jane NNP PROPN compound 4 Jane
        Doe NNP PROPN nsubj 5 Doe
        said VBD VERB ROOT 5 say
    """, ents=[(3, 5, "PERSON")])
    assert ("I", "jane-doe", "PRON") not in mentions(outside, run(outside, lex, persons, entity_names, coreference))
    leading = parse("""
        Jane NNP PROPN compound 1 Jane
        Doe NNP PROPN nsubj 2 Doe
        said VBD VERB ROOT 2 say -
        : : PUNCT punct 2 :
        “ `` PUNCT punct 6 “ -
        I PRP PRON nsubj 6 I
        lied VBD VERB ccomp 2 lie -
        ” '' PUNCT punct 2 ”
    """, ents=[(0, 2, "PERSON")])
    assert ("I", "jane-doe", "PRON") in mentions(leading, run(leading, lex, persons, entity_names, coreference))


def test_she_never_takes_a_man_the_document_calls_mr(lex):
    doc = parse("""
        Mr. NNP PROPN compound 1 Mr.
        Smith NNP PROPN nsubj 2 Smith
        left VBD VERB ROOT 2 leave
        . . PUNCT punct 2 .
        She PRP PRON nsubj 5 she
        said VBD VERB ROOT 5 say
        so RB ADV advmod 5 so
        . . PUNCT punct 5 .
        He PRP PRON nsubj 9 he
        said VBD VERB ROOT 9 say
        so RB ADV advmod 9 so
    """, ents=[(1, 2, "PERSON")])
    pronouns = [m for m in mentions(doc, run(doc, lex, persons, entity_names, coreference)) if m[2] == "PRON"]
    assert pronouns == [("He", "smith", "PRON")]


def test_business_context_makes_an_organisation_a_company(lex):
    doc = parse("""
        Zorblex NNP PROPN nsubj 5 Zorblex -
        , , PUNCT punct 0 ,
        the DT DET det 3 the
        carmaker NN NOUN appos 0 carmaker -
        , , PUNCT punct 0 ,
        fell VBD VERB ROOT 5 fall
        . . PUNCT punct 5 .
        Quixon NNP PROPN compound 8 Quixon
        shares NNS NOUN nsubj 9 share
        rose VBD VERB ROOT 9 rise
        . . PUNCT punct 9 .
        Greenpeace NNP PROPN nsubj 12 Greenpeace
        protested VBD VERB ROOT 12 protest
    """, ents=[(0, 1, "ORG"), (7, 8, "ORG"), (11, 12, "ORG")])
    table = run(doc, lex, entity_names, company_kinds)
    assert {a: table.actors[a]["kind"] for a in ("zorblex", "quixon", "greenpeace")} == {
        "zorblex": "company", "quixon": "company", "greenpeace": "organisation"}


def test_a_capital_accused_is_its_state_a_capital_visited_is_not(lex):
    doc = parse("""
        Officials NNS NOUN nsubj 1 official
        accused VBD VERB ROOT 1 accuse
        Beijing NNP PROPN dobj 1 Beijing
        . . PUNCT punct 1 .
        Tourists NNS NOUN nsubj 5 tourist
        visited VBD VERB ROOT 5 visit
        Beijing NNP PROPN dobj 5 Beijing
    """, ents=[(2, 3, "GPE"), (6, 7, "GPE")])
    assert mentions(doc, run(doc, lex, entity_names)) == [("Beijing", "china", "GPE")]


def test_label_consistency_relabels_by_the_actors_kind(lex):
    doc = parse("""
        Hafnium NNP PROPN nsubj 1 Hafnium
        hacked VBD VERB ROOT 1 hack
        servers NNS NOUN dobj 1 server
    """, ents=[(0, 1, "GPE")])
    table = run(doc, lex, label_votes, entity_names)
    (ent,) = consistent_ents(DocView.of(doc), lex, table)
    assert (ent.text, ent.label_) == ("Hafnium", "ORG")


def test_resolve_actors_writes_ents_and_extensions_at_the_end(lex):
    doc = parse("""
        Hafnium NNP PROPN nsubj 1 Hafnium
        hacked VBD VERB ROOT 1 hack
        servers NNS NOUN dobj 1 server
    """, ents=[(0, 1, "GPE")])
    resolve_actors(doc, lex)
    assert [(e.text, e.label_) for e in doc.ents] == [("Hafnium", "ORG")]
    assert [a["id"] for a in doc._.actors] == ["hafnium"]
    # the mention keeps the label its name came with; only doc.ents take the actor's kind
    assert doc._.mentions == [{"start": 0, "end": 7, "text": "Hafnium", "label": "GPE", "actor": "hafnium"}]
