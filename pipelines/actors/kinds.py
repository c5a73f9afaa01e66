"""Kinds from a document's context for news_actors: an organisation the lexicon does not know is a
`company` when the document treats it as one ("Ford, the carmaker", "Ford shares", "Volkswagen's
chief executive", "Zorblex (NYSE: ZBX)", "carmaker Ford", "Ford is an automaker", "... Ford. The
carmaker said" with Ford the only organisation in reach, "its shareholders" once "its" is Ford).
A media noun beside it ("the broadcaster Zorblex", "Zorblex, the tabloid,") makes it `media` first, and
no business context then makes a media outlet a company (the lexicon's outlets are never retyped).
One piece of such context is enough, per actor within the document; `extractor.resolve` carries the
kind to the actor's other documents. `company_kinds` runs after the names are found, before
coreference, so "the company" finds it; `owned_business` after coreference, for "its shares"."""
from __future__ import annotations

import logging

from spacy.tokens import Token

from .lexicon import ActorLexicon
from .officials import POSSESSIVE
from .table import SUBJECT_DEPS, ActorTable, DocView, acting

LOGGER = logging.getLogger(__name__)

# nouns that only a company has: after the name ("Ford shares", "Apple CEO", "a Carrier factory") or
# its possessive ("Ford's profit", "Toyota's top-selling vehicle"); no "brand" or "employees" (a party
# has a brand, an agency employees), no weapons ("Hamas rockets")
BUSINESS_NOUNS = {"shares", "stock", "shareholders", "stockholders", "ceo", "cfo", "earnings", "revenue", "revenues",
                  "profit", "profits", "dividend", "subsidiary", "carmaker", "automaker", "sales", "customers",
                  "products", "stores", "factory", "factories", "dealers", "dealerships", "shoppers"}
# ... and after its possessive only ("Toyota's top-selling vehicle"; "the Dream Chaser vehicle" is a product's name)
PRODUCT_NOUNS = {"car", "cars", "vehicle", "vehicles", "suv", "sedan", "smartphone", "smartphones", "laptop", "laptops"}
BUSINESS_PHRASES = {("chief", "executive"), ("chief", "financial"), ("share", "price"), ("market", "value"),
                    ("stock", "price"), ("market", "share")}
# "Zorblex (NYSE: ZBX)": a stock exchange's name in parentheses right after the name
EXCHANGES = {"nyse", "nasdaq", "amex", "lse", "tsx", "asx", "otc", "otcqx", "hkex", "sehk", "euronext", "xetra",
             "tse", "bse", "nse", "six", "krx", "sgx"}
# corporate suffixes that are no other abbreviation ("AG", "SA" are also attorney general, South Africa)
CLEAR_SUFFIXES = {"inc", "corp", "corporation", "co", "llc", "ltd", "plc", "gmbh", "limited", "incorporated"}
OBSCURE_KINDS = {"organisation"}  # the kind a name gets from its label alone: context may say more
NAME_MODIFIER_DEPS = {"compound", "amod", "nmod", "appos"}  # "carmaker Ford", "the German automaker Volkswagen"
# nouns that make a name a media outlet: "the sports broadcaster Zorblex TV", "Zorblex, the tabloid,"; a
# media outlet is a business too, so these come first and no business context makes it a company
# ("network" is left out: "the social network", "a network of activists")
MEDIA_NOUNS = {"broadcaster", "newspaper", "paper", "tabloid", "broadsheet", "magazine", "channel", "newswire"}
DESCRIPTION_WINDOW = 1  # sentences before a definite "the carmaker" where its one organisation may stand


def company_nouns(lex: ActorLexicon) -> set[str]:
    """The nouns that describe only a company (the nominals list's company nouns: "carmaker",
    "retailer", "airline", "firm")."""
    return {w for w, kinds in lex.nominal_kinds.items() if kinds == {"company"}}


def _retype(table: ActorTable, aid: str, why: str, kind: str = "company") -> None:
    LOGGER.debug("%s is a %s: %s", aid, kind, why)
    table.actors[aid]["kind"] = kind


def _obscure(lex: ActorLexicon, table: ActorTable, aid: str) -> bool:
    """An organisation of no known kind: not in the lexicon, not a unit of another body."""
    actor = table.actors.get(aid)
    return actor is not None and actor["kind"] in OBSCURE_KINDS and aid not in lex.actors and not actor.get("part_of")


def company_kinds(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """Retype an `organisation` of no known kind as `company` on one piece of business context
    around one of its mentions (`business_context`), or when a definite company noun ("The carmaker
    said") can point back to it alone (`described_back`)."""
    for s, e, aid, _ in table.mentions.items:
        if _obscure(lex, table, aid) and described_as(doc, s, e, MEDIA_NOUNS):
            _retype(table, aid, "described as a media outlet", kind="media")  # then no business context retypes it
    nouns = company_nouns(lex)
    for s, e, aid, _ in table.mentions.items:
        if _obscure(lex, table, aid):
            why = business_context(doc, lex, s, e, nouns)
            if why:
                _retype(table, aid, why)
    described_back(doc, lex, table, nouns)


def business_context(doc: DocView, lex: ActorLexicon, s: int, e: int, nouns: set[str]) -> str | None:
    """What says that the name in tokens [s, e) is a company, or None: a business noun right after
    it (a possessive between allowed), a product noun after its possessive, a stock exchange in parentheses after it, a corporate suffix
    right after it ("Zorblex Inc." with the NER's span on "Zorblex"), a company noun as its
    modifier, head or apposition ("carmaker Ford", "Ford, the carmaker,", "the carmaker, Ford,"), or
    as what it is ("Ford is an automaker")."""
    tokens = doc.tokens
    owned = e < len(tokens) and tokens[e].text in POSSESSIVE or e > 0 and tokens[e - 1].text in POSSESSIVE
    i = e + 1 if e < len(tokens) and tokens[e].text in POSSESSIVE else e
    if owned:
        k = i
        while k < i + 3 and k < len(tokens) and tokens[k].pos_ in {"ADJ", "NUM"} and tokens[k].dep_ in {"amod", "nummod"}:
            k += 1  # "Toyota's top-selling vehicle", "Ford's first electric car"
        if k < len(tokens) and tokens[k].lower_ in PRODUCT_NOUNS:
            return f"product noun {tokens[k].text!r}"
        head = doc[s:e].root
        if head.dep_ == "poss" and head.head.lower_ in PRODUCT_NOUNS and head.head.i < e + 6:
            return f"product noun {head.head.text!r}"  # "Ford's Mustang Mach E SUV": a model's name between
    if i < len(tokens) and (tokens[i].lower_ in BUSINESS_NOUNS or (
            i + 1 < len(tokens) and (tokens[i].lower_, tokens[i + 1].lower_) in BUSINESS_PHRASES)):
        return f"business noun {tokens[i].text!r}"
    if e + 2 < len(tokens) and tokens[e].text == "(" and tokens[e + 1].lower_ in EXCHANGES and tokens[e + 2].text == ":":
        return "ticker"
    if e < len(tokens) and tokens[e].lower_.rstrip(".") in CLEAR_SUFFIXES and tokens[e].text[:1].isupper():
        return f"suffix {tokens[e].text!r}"
    found = described_as(doc, s, e, nouns)
    return f"{found} company noun" if found else None


def described_as(doc: DocView, s: int, e: int, nouns: set[str]) -> str | None:
    """How a noun of `nouns` describes the name in tokens [s, e): as its modifier, head or
    apposition ("carmaker Ford", "Ford, the carmaker,", "the carmaker, Ford,") or as what it is
    ("Ford is an automaker"); None when none does."""
    root = doc[s:e].root
    noun = lambda t: t.pos_ == "NOUN" and t.lemma_.lower() in nouns  # noqa: E731 - one test, read three ways
    if any(c.dep_ in NAME_MODIFIER_DEPS and noun(c) for c in root.children):
        return "beside it a"
    if root.dep_ == "appos" and noun(root.head):
        return "in apposition to a"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be" and any(
            c.dep_ == "attr" and noun(c) for c in root.head.children):
        return "is a"
    return None


def described_back(doc: DocView, lex: ActorLexicon, table: ActorTable, nouns: set[str]) -> None:
    """ "Zorblex recalled 40,000 cars. The carmaker said ...": a definite company noun with nothing
    but "the" before it, the subject of the sentence after the only organisation mentioned in it,
    makes that organisation a company when it acts there (a subject, a possessor); no guess when two
    organisations are in reach ("Greenpeace sued Shell. The company said") or one in the noun's own
    sentence ("Greenpeace said the bank had closed": another)."""
    mentions = sorted(table.mentions.items)
    for tok in doc.having(pos=("NOUN",)):
        if not _bare_company_noun(tok, nouns):
            continue
        sent = doc.sent_of[tok.i]
        near = [(s, e, aid) for s, e, aid, _ in mentions if e <= tok.i and doc.sent_of[s] >= sent - DESCRIPTION_WINDOW
                and aid in table.actors and table.actors[aid]["kind"] in {"organisation", "company"}]
        if len({aid for _, _, aid in near}) != 1 or any(doc.sent_of[s] == sent for s, _, _ in near):
            continue  # two organisations, or one in the noun's own sentence ("Greenpeace said the bank had")
        if any(acting(doc, s, e) for s, e, _ in near):  # it acts there (not "plans for an IPO")
            aid = near[0][2]
            if _obscure(lex, table, aid):
                _retype(table, aid, f"described as {tok.text!r}")


def _bare_company_noun(tok: Token, nouns: set[str]) -> bool:
    """ "The carmaker said": "the", a singular company noun, nothing else, a subject ("the central
    bank", "the company's", "the firm of" are not a plain reference back)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.lemma_.lower() not in nouns or tok.dep_ not in SUBJECT_DEPS:
        return False
    lefts = list(tok.lefts)
    return len(lefts) == 1 and lefts[0].lower_ == "the" and tok.i - lefts[0].i == 1 \
        and not any(c.dep_ in {"prep", "case", "appos"} for c in tok.rights)


def owned_business(doc: DocView, lex: ActorLexicon, table: ActorTable) -> None:
    """After coreference: "its shares", "its chief executive", where "its" is an organisation of no
    known kind, make that organisation a company."""
    tokens = doc.tokens
    for s, e, aid, label in table.mentions.items:
        if label != "PRON" or e - s != 1 or tokens[s].lower_ != "its" or not _obscure(lex, table, aid):
            continue
        if e < len(tokens) and (tokens[e].lower_ in BUSINESS_NOUNS or (
                e + 1 < len(tokens) and (tokens[e].lower_, tokens[e + 1].lower_) in BUSINESS_PHRASES)):
            _retype(table, aid, f"its {tokens[e].text!r}")
