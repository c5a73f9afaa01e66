"""Lookup of names for news_actors: a name's tokens -> an actor of the table (from the lexicon, the
document's own names, or new, with its kind from its label and words), and the passes built on it:
the NER's entities, the repeats the NER missed, naming clauses, and ambiguous aliases."""
from __future__ import annotations

import logging

from ..names import leading, norm, person_id, slug
from .coreference import GENDERED
from .lexicon import ActorLexicon
from .officials import POSSESSIVE
from .table import COMPANY_WORDS, ActorTable, DocView, acting, add_actor, core, lookup, name_kind

LOGGER = logging.getLogger(__name__)

NEW_ACTOR_LABELS = {"ORG", "GPE", "NORP", "PERSON"}


# -- people -------------------------------------------------------------------------------------

def person_tokens(doc: DocView, lex: ActorLexicon, s: int, e: int) -> tuple[int, int]:
    """A person's name without honorifics ("Ms Psaki" -> "Psaki")."""
    return s + leading([t.lower_ for t in doc[s:e]], lex.name_words.honorifics), e


def person(doc: DocView, lex: ActorLexicon, table: ActorTable, s: int, e: int) -> str:
    """The person of tokens [s, e): the document's full person with that name, else a new one."""
    s, e = person_tokens(doc, lex, s, e)
    text = norm(doc.span_text(s, e))
    aid = table.aliases.get(text) or table.aliases.get(text.casefold()) or person_id([t.text for t in doc[s:e]])
    if aid not in table.actors:
        full = next((k for k, v in table.aliases.items() if v == aid and " " in k and k[:1].isupper()), text)
        add_actor(lex, table, aid, full, "person")
    return aid


# -- one name -----------------------------------------------------------------------------------

def name(doc: DocView, lex: ActorLexicon, table: ActorTable, start: int, end: int, label: str) -> str | None:
    """Resolve the name in tokens [start, end) and add its mention (with "the" before it and
    "'s" after it). Returns the actor id, or None for a non-actor."""
    whole = lookup(lex, table, doc.span_text(start, end).removeprefix("the ").removeprefix("The "))
    for i in range(start + 1, end if whole is None else start):  # "Microsoft's Exchange": the owner
        if doc[i].text in POSSESSIVE:
            end = i + 1
            break
    core_s, core_e = core(doc, lex, table, start, end)
    if core_s >= core_e:
        return None
    core_s, label = _after_role(doc, lex, core_s, core_e, label)
    text = doc.span_text(core_s, core_e)
    label = table.labels.get(norm(text), label)
    aid = _resolve_text(doc, lex, table, core_s, core_e, text, label, start, end)
    if aid is None:
        return None
    aid = other_gender(doc, lex, table, start, core_s, core_e, aid)
    m_start = start
    if m_start > 0 and doc[m_start - 1].lower_ == "the" and m_start - 1 not in table.mentions.consumed:
        m_start -= 1
    m_end = end
    if m_end < len(doc) and doc[m_end].text in POSSESSIVE:
        m_end += 1
    m_end = _descriptor_end(doc, lex, table, core_s, core_e, m_end, aid)
    actor = table.actors[aid]
    if actor["kind"] in {"person", "official"}:
        label = "PERSON"
    table.mentions.add(m_start, m_end, aid, label)
    if norm(text) != norm(actor["name"]) and text not in actor["aliases"]:
        actor["aliases"].append(text)
    return aid


# "Mr." -> "m", "Mrs." -> "f": the honorifics of coreference's gendered words (not its pronouns)
HONORIFIC_GENDER = {w: g for g, words in GENDERED.items() for w in words if w not in ("he", "him", "she")}


def other_gender(doc: DocView, lex: ActorLexicon, table: ActorTable, start: int, core_s: int, core_e: int,
                 aid: str) -> str:
    """ "Mr. Clinton" in an article about Hillary Clinton is not her: a surname after an honorific of
    the other gender than the person's given name ("Hillary" is she) or an earlier honorific ("Mrs.
    Clinton") says is a person of its own."""
    actor = table.actors.get(aid)
    if actor is None or actor["kind"] not in ("person", "official"):
        return aid
    before = [t.lower_ for t in doc[max(start - 1, 0):core_s]]
    said = next((HONORIFIC_GENDER[w] for w in reversed(before) if w in HONORIFIC_GENDER), None)
    words = actor["name"].lower().split()
    given = lex.given_names.get(words[0]) if len(words) > 1 else None
    if given is None:  # "Clinton", written "Mrs. Clinton" before
        given = next((HONORIFIC_GENDER[w] for ms, _, a, _ in table.mentions.items if a == aid and ms > 0
                      for w in (doc[ms - 1].lower_, doc[ms].lower_) if w in HONORIFIC_GENDER), None)
    if said is None or given is None or said == given:
        return aid
    words = [doc[core_s - 1].text if doc[core_s - 1].lower_ in HONORIFIC_GENDER else "", *(t.text for t in doc[core_s:core_e])]
    full = " ".join(w for w in words if w)
    return add_actor(lex, table, slug(full), full, "person")


def _descriptor_end(doc: DocView, lex: ActorLexicon, table: ActorTable, core_s: int, core_e: int, m_end: int,
                    aid: str) -> int:
    """ "Reuters news agency": a common noun that the name modifies joins the mention."""
    root = doc[core_s:core_e].root
    head = root.head
    if root.dep_ == "compound" and core_e <= head.i < core_e + 3 and head.tag_ == "NN" \
            and table.actors[aid]["kind"] in lex.nominal_kinds.get(head.lemma_, ()) \
            and all(t.dep_ == "compound" for t in doc[core_e:head.i]):
        return max(m_end, head.i + 1)
    return m_end


def _resolve_text(doc: DocView, lex: ActorLexicon, table: ActorTable, s: int, e: int, text: str, label: str,
                  start: int, end: int) -> str | None:
    aid = lookup(lex, table, text)
    if aid is None and text in lex.metonyms:
        accused = acting(doc, start, end, lex.accusation_verbs, lex.voicing_nouns)  # "accused Beijing of": the state
        return add_actor(lex, table, lex.metonyms[text], text, "state") if accused else None
    if aid is None and e - s > 1 and norm(doc[s].text) in lex.demonyms:
        inner = lookup(lex, table, doc.span_text(s + 1, e))  # "the US National Security Council"
        state = lex.demonyms[norm(doc[s].text)]
        if inner and lex.actors.get(inner, {}).get("part_of") in (state, None):
            aid = inner
    if aid is not None:
        known = lex.actors.get(aid)
        if known and known["kind"] == "non_actor":
            return None
        if known and known.get("ambiguous") and label != "GPE":
            return None
        if known:
            return add_actor(lex, table, aid, known["name"], known["kind"])
        if aid in table.person_ids:
            return person(doc, lex, table, s, e)
        return aid if aid in table.actors else None
    return new_actor(doc, lex, table, s, e, text, label, start, end)


BODY_KINDS = ("company", "media", "organisation")


def described_kind(doc: DocView, lex: ActorLexicon, s: int, e: int) -> str | None:
    """The kind a body's noun beside a name gives it ("the company Halden", "carmaker Halden", the
    NER's place), or None."""
    root = doc[s:e].root
    noun = root.head if root.dep_ == "appos" and root.head.i < root.i else (
        doc[s - 1] if s > 0 and doc[s - 1].dep_ == "compound" and doc[s - 1].head.i == root.i else None)
    if noun is None or noun.pos_ != "NOUN" or noun.i != s - 1:
        return None  # (right before the name: not "the group One Wisconsin", the NER's name cut short)
    return next((k for k in BODY_KINDS if k in lex.nominal_kinds.get(noun.lemma_.lower(), ())), None)


def _after_role(doc: DocView, lex: ActorLexicon, start: int, end: int, label: str) -> tuple[int, str]:
    """Where a name starts when the NER's entity opens with lower-case words ("referee Daniel
    Price", "carmaker Autowerk Sachsen", the model's ORG), and its label: a person's when those
    words are no body's noun and two or three proper nouns follow that no kind word ends."""
    lead = start
    while lead < end - 1 and doc[lead].is_lower and doc[lead].is_alpha:
        lead += 1
    words = doc[lead:end]
    if lead == start or not all(t.is_title and t.pos_ == "PROPN" for t in words):
        return start, label  # (not "labor during the Clinton administration who": no name after a role)
    if label != "PERSON" and not any(doc[i].lower_ in lex.nominal_kinds for i in range(start, lead)) \
            and 2 <= len(words) <= 3 and name_kind(words[-1].text) is None:
        label = "PERSON"
    return lead, label


def new_actor(doc: DocView, lex: ActorLexicon, table: ActorTable, s: int, e: int, text: str, label: str,
              start: int, end: int) -> str | None:
    """An actor the lexicon does not know: its kind from the label and name, its id a slug."""
    if label not in NEW_ACTOR_LABELS:
        return None
    if len(text) < 2 or not (text[0].isupper() or text[0].isdigit()):
        return None  # "er", "i": no name
    if lex.actors.get(slug(text), {}).get("kind") == "non_actor":
        return None  # a product or law spelt so that no lookup found it ("the Trans- Pacific Partnership")
    if norm(text).casefold() in lex.cyber_names:
        return None  # "the planet Mercury", "hafnium oxide": a threat actor's word name outside cyber context
    if not doc.verbal[doc.sent_of[s]]:
        LOGGER.debug("no actor from verbless fragment %r", text)
        return None
    if label == "PERSON" and COMPANY_WORDS.search(doc.span_text(s, end)):
        label = "ORG"  # "Dick Clark Productions" is no person
    if label == "PERSON":
        return person(doc, lex, table, s, e)
    if label == "GPE":
        kind = described_kind(doc, lex, s, e)
        if kind is not None:  # "the company Halden", "carmaker Halden": no place
            return add_actor(lex, table, slug(text), text, kind)
        if not acting(doc, start, end):
            return None
        return add_actor(lex, table, slug(text), text, "other")
    if label == "NORP":
        root = doc[s:e].root
        if root.dep_ in {"amod", "compound"} or root.pos_ == "ADJ":
            return None
        first = doc[s - 1] if s > 0 else None
        if text not in lex.demonyms and root.tag_ == "NNP" and first is not None and first.pos_ == "PROPN" and first.is_title \
                and not first.ent_type_ and first.dep_ == "compound" and first.head.i == root.i:
            return person(doc, lex, table, s - 1, e)  # "referee Anders Kvist", the surname taken for a people
        return add_actor(lex, table, slug(text), text, "group",
                         country=lex.actors.get(lex.demonyms.get(text, ""), {}).get("country"))
    kind = name_kind(doc.span_text(s, end)) or "organisation"
    part_of = None
    first = norm(doc[s].text)
    if e - s > 1 and first in lex.demonyms:
        part_of = add_actor(lex, table, lex.demonyms[first], first, "state")
    else:
        for k in range(e - 1, s, -1):  # "Microsoft Threat Intelligence Center": a unit of Microsoft
            parent = lookup(lex, table, doc.span_text(s, k))
            if parent and lex.actors.get(parent, {}).get("kind") in {"company", "organisation", "government_body", "media"}:
                part_of = add_actor(lex, table, parent, doc.span_text(s, k), lex.actors[parent]["kind"])
                break
    if any(doc[i].lower_ in lex.name_words.suffixes for i in range(e, end)):
        kind = "company"
    return add_actor(lex, table, slug(text), text, kind, part_of=part_of)


# -- passes -------------------------------------------------------------------------------------

def entity_names(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """Each NER entity that no title or acronym used up: its actor, and its mention."""
    for ent in doc.names:
        if not any(i in table.mentions.consumed for i in range(ent.start, ent.end)):
            aid = name(doc, lex, table, ent.start, ent.end, ent.label_)
            if aid:
                table.mentions.of_entity[(ent.start, ent.end)] = aid


def missed_names(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """A name found once is found everywhere: untagged repeats of this document's names and
    acronyms, and surnames of its people."""
    surfaces: dict[str, list[tuple[list[str], str, str]]] = {}
    for s, e, aid, label in table.mentions.items:
        if label in {"ORG", "GPE", "PERSON", "NORP"}:
            cs, ce = core(doc, lex, table, s, e)
            toks = [t.text for t in doc[cs:ce]]
            if doc.span_text(cs, ce) in lex.metonyms or table.actors[aid]["kind"] == "other":
                continue  # a place acts only as a subject: "Washington warned", not "in Washington"
            if label == "PERSON" and any(t.text in POSSESSIVE for t in doc[s:e]):
                continue  # "Chris Tang, Hong Kong's police commissioner": "Hong Kong" is not Chris Tang
            if toks and toks[0][:1].isupper():
                surfaces.setdefault(toks[0], []).append((toks, aid, label))
    for key, aid in table.aliases.items():
        if aid in table.actors and key[:1].isupper():
            toks = key.split(" ")
            surfaces.setdefault(toks[0], []).append(
                (toks, aid, "ORG" if table.actors[aid]["kind"] not in {"person", "official"} else "PERSON"))
    covered = set()
    for s, e, _, _ in table.mentions.items:
        covered.update(range(s, e))
    for tok in doc.tokens:
        if tok.i in covered or tok.text not in surfaces:
            continue
        for toks, aid, label in sorted(surfaces[tok.text], key=lambda x: -len(x[0])):
            end = tok.i + len(toks)
            if [t.text for t in doc[tok.i:end]] == toks and not covered.intersection(range(tok.i, end)):
                if end < len(doc) and doc[end].text in POSSESSIVE:
                    end += 1
                table.mentions.add(tok.i, end, aid, label)
                covered.update(range(tok.i, end))
                break


def naming_clauses(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """ "a “state-sponsored threat actor” ... which they named Hafnium": the noun phrase is Hafnium."""
    by_start = {s: (e, aid) for s, e, aid, _ in table.mentions.items}
    for tok in doc.having(lemma=lex.naming_verbs):
        if tok.lemma_ not in lex.naming_verbs or tok.dep_ != "relcl":
            continue
        named = [c for c in tok.children if c.dep_ in {"oprd", "dobj", "attr", "xcomp", "ccomp"} and c.i in by_start]
        rel = [c for c in tok.children if c.tag_ in {"WDT", "WP"}]
        if not named or not rel:
            continue
        noun = tok.head
        aid = by_start[named[0].i][1]
        start, end = noun.left_edge.i, noun.i + 1
        if end < len(doc) and doc[end].text in {"”", '"', "’"}:
            end += 1
        if not any(i in table.mentions.covered for i in range(start, end)):
            table.mentions.add(start, end, aid, "NOMINAL")


def disambiguate(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """An alias of several threat actors names the one of them that the document also names
    unambiguously; otherwise it stays its own actor with the candidates listed."""
    mentions = table.mentions
    for aid, actor in list(table.actors.items()):
        named = [c for c in actor.get("candidates", ()) if c in table.actors]
        if len(named) == 1:
            LOGGER.debug("%s resolved by context to %s", aid, named[0])
            mentions.items[:] = [(s, e, named[0] if a == aid else a, label) for s, e, a, label in mentions.items]
            alias = table.actors.pop(aid)["name"]
            if alias not in table.actors[named[0]]["aliases"]:
                table.actors[named[0]]["aliases"].append(alias)
