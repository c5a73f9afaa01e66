"""Persons and officials for news_actors: the document's full names (so that "Ms Psaki" and "Psaki"
find the full person), officials with a title next to their name, and unnamed officials ("a
spokesman for the Chinese government", "US officials"). The title rules are in officials.py."""
from __future__ import annotations

from ..names import norm, person_id, slug
from . import officials
from .lexicon import ActorLexicon
from .lookup import COMPANY_WORDS, HONORIFIC_GENDER, NEW_ACTOR_LABELS, name, person, person_tokens
from .table import ActorTable, DocView, add_actor, core, merge_into

PLACE_PREPOSITIONS = {"to", "in"}  # "ambassador to Britain", "envoy in London" before the name
MAX_PLACE = 3
NOT_ORGANISATION = officials.FORMER | {"acting", "new", "incoming", "outgoing", "but", "and"}


def persons(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """Full names first, so that "Ms Psaki", "Psaki", "de Blasio" and (when only one person
    has it) a first name find the full person wherever they stand."""
    short: dict[str, set[str]] = {}
    names = [doc[slice(*person_tokens(doc, lex, *core(doc, lex, table, ent.start, ent.end)))]
             for ent in doc.names if ent.label_ == "PERSON"]
    folded = {n.text.casefold() for n in names if len(n) >= 2}
    for n in names:
        s, e = n.start, n.end
        if e - s < 2 or any(f.endswith(" " + n.text.casefold()) for f in folded):
            continue  # a short form, also when it has two words ("De Blasio" of "Bill de Blasio")
        if COMPANY_WORDS.search(n.text):
            continue  # "Dick Clark Productions": a company the NER took for a person
        aid = person_id([t.text for t in n])
        table.aliases.setdefault(norm(n.text), aid)
        table.person_ids.add(aid)
        for part in (doc[e - 1:e], doc[s + 1:e], doc[s:s + 1]):
            short.setdefault(norm(part.text), set()).add(aid)
    for key, ids in short.items():
        if len(ids) == 1:
            table.aliases.setdefault(key, next(iter(ids)))
            table.aliases.setdefault(key.casefold(), next(iter(ids)))


def named_officials(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """A person with a title before the name or in apposition is an official, `part_of` the
    organisation next to the title."""
    for ent in doc.names:
        if ent.label_ != "PERSON":
            continue
        sent = doc.sents[doc.sent_of[ent.start]]
        title = officials.apposition_title(doc.doc, ent, lex.titles, sent, lex.portfolios) \
            or officials.premodifier_title(doc.doc, ent, lex.titles, sent, lex.portfolios)
        if title is None:
            continue
        aid = person(doc, lex, table, ent.start, ent.end)
        org = None
        if title.org and not officials.is_former(doc.doc, title, sent[0]):
            org = org_phrase(doc, lex, table, *title.org)
        actor = table.actors[aid]
        actor["kind"] = "official"
        add_actor(lex, table, aid, actor["name"], "official", title=doc.span_text(title.start, title.end), part_of=org)
        table.mentions.consumed.update(range(title.start, title.end))  # "Secretary of State": no actor "State"
        if title.phrase:
            table.mentions.consumed.update(range(*title.phrase))
            table.mentions.add(title.phrase[0], title.phrase[1], aid, "PERSON")


def org_phrase(doc: DocView, lex: ActorLexicon, table: ActorTable, start: int, end: int) -> str | None:
    """The actor of an organisation phrase next to a title: a name, a state's demonym, a
    government noun ("the Chinese government")."""
    s, e = core(doc, lex, table, start, end)
    while s < e and (doc[s].pos_ not in {"PROPN", "NOUN"} and not doc[s].ent_type_
                     or doc[s].lower_ in NOT_ORGANISATION):
        s += 1  # "Former President Bill Clinton", "But Attorney General ..."
    if s >= e:
        return None
    text = norm(doc.span_text(s, e))
    if text in lex.demonyms and e - s == 1:
        return add_actor(lex, table, lex.demonyms[text], text, "state")
    if e - s >= 2 and doc[e - 1].lower_ in lex.government_nouns and norm(doc.span_text(s, e - 1)) in lex.demonyms:
        return add_actor(lex, table, lex.demonyms[norm(doc.span_text(s, e - 1))], text, "state")
    label = next((t.ent_type_ for t in doc[s:e] if t.ent_type_), "ORG")
    if not any(t.is_title or t.is_upper for t in doc[s:e]):
        return None
    return name(doc, lex, table, s, e, label if label in NEW_ACTOR_LABELS else "ORG")


def unnamed_officials(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """ "A spokesman for the Chinese government" -> chinese-government-spokesman, part_of china."""
    mentions = table.mentions
    names: dict[str, set[str]] = {}  # unnamed official -> the persons named right after its phrase
    for tok in doc.having(lower=lex.official_nouns):  # unnamed_official's nouns
        if tok.i in mentions.consumed or tok.i in mentions.covered:
            continue
        found = officials.unnamed_official(tok, lex.official_nouns)
        if not found or tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON":
            continue  # none, or a title: "spokesman John Smith"
        start, end, (os_, oe), located = found
        if located:  # "officials in Washington": the state whose capital or name it is, or nobody
            place = norm(doc.span_text(os_, oe))
            state = lex.metonyms.get(place) or lex.demonyms.get(place)
            if state is None or lex.actors[state]["kind"] != "state":
                continue
            org = add_actor(lex, table, state, lex.actors[state]["name"], "state")
        else:
            org = org_phrase(doc, lex, table, os_, oe)
        if org is None and not any(doc[i].pos_ == "NOUN" for i in range(os_, oe)):
            continue
        os2, oe2 = core(doc, lex, table, os_, oe)
        phrase = doc.span_text(os2, oe2)
        aid = slug(f"{phrase} {tok.text}")
        add_actor(lex, table, aid, f"{phrase} {tok.text}", "official", title=tok.lemma_, part_of=org)
        mentions.add(start, end, aid, "OFFICIAL")
        named = _named_after(doc, table, end)
        if named is not None and tok.tag_ == "NN":
            names.setdefault(aid, set()).add(named)
    for aid, found in names.items():
        if len(found) == 1:
            _name_official(table, aid, found.pop())


def _named_after(doc: DocView, table: ActorTable, end: int) -> str | None:
    """The person named right after an unnamed official's phrase, across a place phrase and a comma:
    "China's ambassador to Britain Liu Xiaoming", "the company's spokesman, John Smith"."""
    i = end
    if i < len(doc) and doc[i].lower_ in PLACE_PREPOSITIONS:
        i += 1
        while i < len(doc) and i - end <= MAX_PLACE and doc[i].ent_type_ in {"GPE", "LOC"}:
            i += 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    for (s, e), aid in table.mentions.of_entity.items():
        if s == i and table.actors[aid]["kind"] in {"person", "official"} and doc[s].ent_type_ == "PERSON":
            return aid
    return None


def _name_official(table: ActorTable, unnamed: str, person_aid: str) -> None:
    """The unnamed official is the named person: its mentions become the person's, its title and
    organisation the person's (one actor for "China's ambassador" and "Liu Xiaoming")."""
    official, person_actor = table.actors[unnamed], table.actors[person_aid]
    person_actor["kind"] = "official"
    person_actor["title"] = person_actor.get("title") or official["title"]
    person_actor["part_of"] = person_actor.get("part_of") or official["part_of"]
    merge_into(table, unnamed, person_aid)
    person_actor["aliases"].remove(official["name"])  # "China ambassador" is a description, not a name



def honorific_surnames(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """ "Mrs. Clinton" in a document that names Bill and Hillary Clinton is Hillary Clinton: a surname
    that several of the document's full names share, always written after an honorific of one
    gender, is the one of them whose given name says that gender (a given name the word lists do
    not know, or two of that gender: no guess). A bare "Clinton" there stays its own actor."""
    by_surname: dict[str, list[tuple[str, str | None]]] = {}
    for aid in table.person_ids:
        words = table.actors.get(aid, {}).get("name", "").split()
        if len(words) >= 2:
            by_surname.setdefault(words[-1], []).append((aid, lex.given_names.get(words[0].lower())))
    for aid, actor in list(table.actors.items()):
        words = actor["name"].split()
        if actor["kind"] not in ("person", "official") or aid in table.person_ids or not words:
            continue
        surname = words[-1] if len(words) == 1 or (len(words) == 2 and words[0].lower() in HONORIFIC_GENDER) else None
        people = by_surname.get(surname or "", [])
        if len(people) < 2 or any(g is None for _, g in people):
            continue  # one full name: the surname is already its alias; a gender unknown: no guess
        said = {_honorific(doc, s, e) for s, e, a, _ in table.mentions.items if a == aid}
        if len(said) != 1 or None in said:
            continue
        match = [p for p, g in people if g == next(iter(said))]
        if len(match) == 1:
            merge_into(table, aid, match[0])
            if surname in table.actors[match[0]]["aliases"]:
                table.actors[match[0]]["aliases"].remove(surname)  # the bare surname names several people here


def _honorific(doc: DocView, s: int, e: int) -> str | None:
    """The gender of the honorific a mention starts with or follows ("Mrs. Clinton", "Mr Trump")."""
    for i in (s, s - 1):
        if 0 <= i < e and doc[i].lower_ in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[doc[i].lower_]
    return None


OFFICE_NOUNS = {"office"}
PLACE_LABELS = {"GPE", "LOC", "NORP"}
MAX_OFFICE_TITLE = 4


def title_offices(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """ "The Brooklyn district attorney's office charged him": the office of a place's title that no
    one the document names holds there is a government body (after coreference, so that "the
    governor's office" of a governor named before is hers; "the mayor's office" of no place is left)."""
    holders = lex.titles | lex.official_nouns | lex.office_titles
    for tok in doc.having(lower=tuple(OFFICE_NOUNS)):
        poss = next((c for c in tok.lefts if c.dep_ == "poss"), None)
        if poss is None or tok.i in table.mentions.covered or tok.dep_ == "compound":
            continue
        start, end = poss.left_edge.i, poss.i + 1
        if any(i in table.mentions.covered for i in range(start, end)) or doc[start].tag_ == "PRP$":
            continue
        title = next((k for k in range(MAX_OFFICE_TITLE, 0, -1) if end - k >= start
                      and doc.span_text(end - k, end).lower() in holders), None)
        if title is None:
            continue
        first = start + 1 if doc[start].lower_ in officials.DETERMINERS else start
        if not any(doc[i].ent_type_ in PLACE_LABELS or norm(doc[i].text) in lex.demonyms for i in range(first, end - title)):
            continue  # "the mayor's office": which mayor's, the corpus cannot tell apart
        name = doc.span_text(first, tok.i + 1)
        aid = add_actor(lex, table, slug(name.lower()), name, "government_body")
        table.mentions.add(start, tok.i + 1, aid, "NOMINAL")
