"""Corpus-level actor resolution: one id per actor across documents."""
from __future__ import annotations

import json

from extractor.resolve import apply, name_key, resolve, resolve_file


def actor(aid, name, kind, **kw):
    return {"id": aid, "name": name, "kind": kind, "aliases": kw.pop("aliases", []), "title": None,
            "part_of": None, "country": None, **kw}


def doc(did, actors, claims=(), entities=()):
    return {"id": did, "text": "", "actors": actors, "entities": list(entities), "claims": list(claims)}


def party(aid, text):
    return {"actor": aid, "start": 0, "end": len(text), "text": text}


PSAKI = actor("jen-psaki", "Jen Psaki", "official", title="press secretary", part_of="white-house")
SHORT = actor("psaki", "Ms Psaki", "person")


def test_name_key_ignores_case_honorifics_and_corporate_suffixes():
    assert name_key("Microsoft Corp.") == name_key("microsoft") == name_key("The Microsoft Corporation")
    assert name_key("Ms Psaki") == "psaki"
    assert name_key("Microsoft Threat Intelligence Center") != name_key("Microsoft")


def test_a_surname_alone_joins_the_one_full_named_person():
    res = resolve([doc("d1", [PSAKI]), doc("d2", [SHORT])])
    assert res.mapping == {"psaki": "jen-psaki"}
    claim = {"id": "d2#c1", "type": "statement", "source": party("psaki", "Ms Psaki"), "target": None}
    out = apply(doc("d2", [SHORT], [claim], [{"start": 0, "end": 8, "text": "Ms Psaki", "actor": "psaki"}]), res)
    (merged,) = out["actors"]
    # the canonical name and title; what it is part of stays what this document says (nothing here):
    # a claim rolls up along its own document's part_of (test_arrow_precision)
    assert (merged["id"], merged["name"], merged["title"], merged["part_of"]) == \
        ("jen-psaki", "Jen Psaki", "press secretary", None)
    assert "Ms Psaki" in merged["aliases"]
    assert out["claims"][0]["source"]["actor"] == "jen-psaki"
    assert out["entities"][0]["actor"] == "jen-psaki"


def test_a_surname_shared_by_two_people_stays_apart():
    other = actor("john-psaki", "John Psaki", "person")
    assert "psaki" not in resolve([doc("d1", [PSAKI, other]), doc("d2", [SHORT])]).mapping


def test_company_suffixes_merge_but_kinds_do_not():
    corp = actor("microsoft-corp", "Microsoft Corp.", "company")
    ms = actor("microsoft", "Microsoft", "company")
    state = actor("washington", "Washington", "state")
    person = actor("george-washington-1", "Washington", "person")
    res = resolve([doc("a", [corp]), doc("b", [ms, ms]), doc("c", [state]), doc("d", [person])])
    assert res.mapping == {"microsoft-corp": "microsoft"}


def test_an_alias_defined_in_one_document_joins_a_bare_use_in_another():
    center = actor("mstic", "Microsoft Threat Intelligence Center", "organisation", aliases=["MSTIC"])
    bare = actor("mstic-1", "MSTIC", "organisation")
    assert resolve([doc("a", [center]), doc("b", [bare])]).mapping == {"mstic-1": "mstic"}


def test_pronoun_aliases_never_merge_actors():
    a = actor("microsoft", "Microsoft", "company", aliases=["the company", "it"])
    b = actor("google", "Google", "company", aliases=["the company", "it"])
    assert resolve([doc("a", [a]), doc("b", [b])]).mapping == {}


def test_resolve_file_rewrites_atomically_only_when_ids_merge(tmp_path):
    path = tmp_path / "documents.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in [doc("d1", [PSAKI]), doc("d2", [SHORT])]) + "\n")
    assert resolve_file(path).mapping == {"psaki": "jen-psaki"}
    ids = [[a["id"] for a in json.loads(line)["actors"]] for line in path.read_text().splitlines()]
    assert ids == [["jen-psaki"], ["jen-psaki"]]
    before = path.read_text()
    assert resolve_file(path).mapping == {}
    assert path.read_text() == before


def mentions(aid, *texts):
    return [{"start": 0, "end": len(t), "text": t, "label": "PERSON", "actor": aid} for t in texts]


def test_an_epithet_is_never_the_canonical_name_but_stays_an_alias():
    crooked = actor("crooked-hillary-clinton", "Crooked Hillary Clinton", "person")
    docs = [doc("d1", [crooked], entities=mentions("crooked-hillary-clinton", "Crooked Hillary Clinton",
                                                     "Hillary Clinton", "Hillary Clinton", "Hillary", "Clinton")),
            doc("d2", [crooked], entities=mentions("crooked-hillary-clinton", "Crooked Hillary Clinton",
                                                     "Crooked Hillary Clinton", "Crooked Hillary Clinton"))]
    res = resolve(docs)
    assert res.names == {"crooked-hillary-clinton": "Hillary Clinton"}  # "Hillary" is written alone
    (out,) = apply(docs[1], res)["actors"]
    assert out["name"] == "Hillary Clinton" and "Crooked Hillary Clinton" in out["aliases"]


def test_a_full_name_with_a_two_word_surname_is_kept():
    dws = actor("debbie-wasserman-schultz", "Debbie Wasserman Schultz", "official")
    docs = [doc("d1", [dws], entities=mentions("debbie-wasserman-schultz", "Debbie Wasserman Schultz",
                                                 *["Wasserman Schultz"] * 5, "Debbie"))]
    assert resolve(docs).names == {}


def test_a_quoted_nickname_gives_way_to_the_most_written_full_name():
    nick = actor("juan-chico-manriquez", 'Juan "Chico" Manriquez', "person")
    docs = [doc("d1", [nick], entities=mentions("juan-chico-manriquez", 'Juan "Chico" Manriquez',
                                                  "Juan Manriquez", "Juan Manriquez", "Manriquez"))]
    assert resolve(docs).names == {"juan-chico-manriquez": "Juan Manriquez"}


def said(aid, text, *names):
    """A document whose text holds `names` (each mention of `aid`), so the words before each show."""
    entities, parts, pos = [], [], 0
    for name in names:
        prefix, _, bare = name.rpartition(" ") if name.split()[0] in ("Mr.", "Ms.", "Mrs.") else ("", "", name)
        chunk = f"{text} {prefix} " if prefix else f"{text} "
        parts.append(chunk)
        pos += len(chunk)
        entities.append({"start": pos, "end": pos + len(bare), "text": bare, "label": "PERSON", "actor": aid})
        parts.append(bare + ". ")
        pos += len(bare) + 2
    return "".join(parts), entities


def written_doc(did, actors, aid, *names):
    text, entities = said(aid, "They met", *names)
    return {"id": did, "text": text, "actors": actors, "entities": entities, "claims": []}


SADIQ = actor("sadiq-khan", "Sadiq Khan", "official", aliases=["Khan"])
KHAN = actor("khan", "Khan", "person")


def test_a_bare_surname_stays_apart_where_its_document_names_others_of_that_name():
    khizr, ghazala = actor("khizr-khan", "Khizr Khan", "person"), actor("ghazala-khan", "Ghazala Khan", "person")
    docs = [doc("london", [SADIQ]), doc("london-2", [SADIQ]),
            written_doc("parents", [khizr, ghazala, KHAN], "khan", "Mr. Khan", "Khan")]
    res = resolve(docs)
    assert "khan" not in res.mapping
    assert {a["id"] for a in apply(docs[2], res)["actors"]} == {"khizr-khan", "ghazala-khan", "khan"}


def test_the_same_bare_id_merges_in_one_document_and_keeps_its_id_in_another():
    hillary, bill = actor("hillary-clinton", "Hillary Clinton", "person"), actor("bill-clinton", "Bill Clinton", "person")
    clinton = actor("clinton", "Clinton", "person")
    hers = written_doc("campaign", [hillary, bill, clinton], "clinton", "Clinton")
    hers["entities"] += mentions("hillary-clinton", *["Hillary Clinton"] * 4) + mentions("bill-clinton", "Bill Clinton")
    his = written_doc("presidency", [hillary, bill, clinton], "clinton", "Clinton")
    his["entities"] += mentions("hillary-clinton", "Hillary Clinton") + mentions("bill-clinton", *["Bill Clinton"] * 3)
    alone = [doc(f"d{k}", [actor("hillary-clinton", "Hillary Clinton", "person", aliases=["Clinton"])]) for k in range(3)]
    res = resolve([hers, his, *alone])
    assert res.mapping["clinton"] == "hillary-clinton" and ("presidency", "clinton") in res.kept
    assert "clinton" not in {a["id"] for a in apply(hers, res)["actors"]}
    assert "clinton" in {a["id"] for a in apply(his, res)["actors"]}


def test_an_honorific_of_the_other_gender_blocks_the_merge():
    imran = actor("imran-khan", "Imran Khan", "official")
    known = written_doc("cricket", [imran], "imran-khan", "Mr. Khan", "Mr. Khan", "Imran Khan")
    assert "khan" not in resolve([known, written_doc("mother", [KHAN], "khan", "Ms. Khan")]).mapping
    assert resolve([known, written_doc("match", [KHAN], "khan", "Mr. Khan")]).mapping == {"khan": "imran-khan"}


def test_mr_and_ms_on_one_bare_surname_are_two_people():
    both = written_doc("family", [KHAN], "khan", "Mr. Khan", "Ms. Khan")
    assert "khan" not in resolve([doc("london", [SADIQ]), both]).mapping


def test_a_bare_surname_of_several_people_joins_the_one_the_articles_write_so():
    barack = actor("barack-obama", "Barack Obama", "official", aliases=["Obama"])
    michelle = actor("michelle-obama", "Michelle Obama", "person")
    bare = actor("obama", "Obama", "official")
    docs = [doc(f"b{k}", [barack]) for k in range(3)] + [doc("m", [michelle]), doc("x", [bare])]
    assert resolve(docs).mapping == {"obama": "barack-obama"}
    even = [doc("b", [barack]), doc("m", [dict(michelle, aliases=["Obama"])]), doc("x", [bare])]
    assert resolve(even).mapping == {}  # no one dominates: two nodes rather than a wrong merge


def test_a_given_name_alone_joins_only_a_person_called_so_in_several_documents():
    jeb = actor("jeb-bush", "Jeb Bush", "person", aliases=["Jeb"])
    assert resolve([doc("a", [jeb]), doc("b", [jeb]), doc("c", [actor("jeb", "Jeb", "person")])]).mapping == \
        {"jeb": "jeb-bush"}
    duke, larry = actor("david-duke", "David Duke", "person", aliases=["David"]), actor("larry-david", "Larry David", "person")
    assert resolve([doc("a", [duke]), doc("b", [larry]), doc("c", [actor("david", "David", "person")])]).mapping == {}


def test_a_span_that_is_no_persons_name_is_no_candidate():
    junk = actor("among-latinos", "Among Latinos", "person")
    assert resolve([doc("a", [junk]), doc("b", [actor("latinos", "Latinos", "person")])]).mapping == {}


def test_the_store_keeps_the_documents_that_keep_their_ids(tmp_path):
    from extractor.store import CorpusStore

    store = CorpusStore(tmp_path / "corpus.sqlite")
    store.save_resolution({"khan": "sadiq-khan"}, {"sadiq-khan": SADIQ}, {("parents", "khan")})
    mapping, actors, kept = store.load_resolution()
    assert (mapping, set(actors), kept) == ({"khan": "sadiq-khan"}, {"sadiq-khan"}, {("parents", "khan")})


def test_a_headline_word_before_a_full_name_is_the_person_of_that_name():
    jeb = actor("jeb-bush", "Jeb Bush", "official")
    telling = actor("telling-jeb-bush", "Telling Jeb Bush", "official", aliases=["Jeb Bush"])
    res = resolve([doc("a", [jeb]), doc("b", [jeb]), doc("c", [telling])])
    assert res.mapping == {"telling-jeb-bush": "jeb-bush"}


def test_a_given_name_of_the_corpus_before_a_full_name_is_part_of_the_name():
    mary = actor("mary-smith", "Mary Smith", "person")
    henry = actor("mary-kay-henry", "Mary Kay Henry", "person", aliases=["Kay Henry"])
    kay = actor("kay-henry", "Kay Henry", "person")
    assert "mary-kay-henry" not in resolve([doc("a", [mary]), doc("b", [henry]), doc("c", [kay])]).mapping


def test_with_no_one_else_of_that_name_the_epithet_only_leaves_the_name():
    alicia = actor("alicia-keys", "Alicia Keys", "person")
    machado = actor("universe-alicia-machado", "Universe Alicia Machado", "person",
                    aliases=["Machado", "Alicia Machado"])
    res = resolve([doc("a", [alicia]), doc("b", [machado])])
    assert res.names == {"universe-alicia-machado": "Alicia Machado"} and res.mapping == {}
    osman = actor("osman-abu-laban", "Osman Abu Laban", "person", aliases=["Abu Laban"])  # no "Laban" alone
    assert resolve([doc("a", [actor("abu-bakr", "Abu Bakr", "person")]), doc("b", [osman])]).names == {}


def test_a_surname_only_as_a_modifier_after_the_is_no_person():
    jeb = actor("jeb-bush", "Jeb Bush", "official")
    bush = actor("bush", "Bush", "person")
    admin = {"id": "policy", "text": "They served in the Bush administration.", "actors": [bush], "claims": [],
             "entities": [{"start": 19, "end": 23, "text": "Bush", "label": "PERSON", "actor": "bush"}]}
    assert "bush" not in resolve([doc("a", [jeb]), admin]).mapping
    speech = written_doc("rally", [bush], "bush", "Bush")
    assert resolve([doc("a", [jeb]), admin, speech]).mapping == {"bush": "jeb-bush"}
