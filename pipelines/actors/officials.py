"""Officials: a person with a title and an organisation, named or not.

Pure functions over a parsed Doc used by news_actors, which owns the lexicons and resolves the
organisation phrases. Token offsets in, token offsets out.

- pre-modifier: "White House press secretary Jen Psaki", "Microsoft's president Brad Smith"
- apposition:   "Jake Sullivan, the White House National Security Adviser,"
- unnamed:      "A spokesman for the Chinese government", "US officials", "a senior administration official"
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

POSSESSIVE = {"'s", "’s", "'", "’"}
DETERMINERS = {"the", "a", "an"}
APPOSITION_END = {",", ".", ";", ":", "—", "–", "(", ")", "\n"}
MAX_TITLE = 5
MAX_APPOSITION = 12
ORG_PREPOSITIONS = {"for", "of", "at", "from", "in"}
# Words before a title the person no longer holds: "former U.N. Ambassador", "then-Secretary". "Then"
# counts too: it names the office held at the time of the events told, and the news writes it of
# someone who no longer holds it ("then-Secretary of State Hillary Clinton" in articles of her 2016
# campaign); an actor has one `part_of` for the whole document, so the person's claims of today
# would roll up to the office of then.
FORMER = frozenset({"former", "ex", "onetime", "one-time", "erstwhile", "then", "late", "retired"})
HYPHENS = {"-", "\u2010", "\u2011"}  # "then-Secretary" is tokenized "then", "-", "Secretary"
PLACE_ENTS = {"GPE", "NORP"}  # "European" of "European Commissioner" is no portfolio


@dataclass(frozen=True)
class Title:
    """A title found next to a person: its tokens, and the tokens of the organisation phrase (or None)."""

    start: int
    end: int
    org: tuple[int, int] | None
    phrase: tuple[int, int] | None = None  # the apposition ", the ... Adviser" to map to the person


def is_former(doc: Doc, title: Title, floor: int) -> bool:
    """Whether `title` is one its person no longer holds ("former U.N. Ambassador John Bolton",
    "Bolton, the former ambassador,"): a former official is part of no body and speaks for none."""
    lo = min(i for i in (title.start, title.org and title.org[0], title.phrase and title.phrase[0]) if i is not None)
    if lo - 1 > floor and doc[lo - 1].text in HYPHENS:
        lo -= 1  # "then-Treasury Secretary", "ex-Treasury Secretary": the word before the hyphen
    return any(doc[i].lower_ in FORMER for i in range(max(lo - 1, floor), title.start))


def _title_ending_at(doc: Doc, end: int, titles: set[str], floor: int,
                     portfolios: frozenset[str] = frozenset()) -> int | None:
    """Start of the longest title in `titles` that ends at token `end`, with the portfolio words
    before it ("Finance Minister", "interior minister": no organisation "Finance")."""
    for size in range(min(MAX_TITLE, end - floor), 0, -1):
        words = " ".join(t.lower_ for t in doc[end - size:end])
        if words in titles:
            start = end - size
            while start > floor and doc[start - 1].lower_ in portfolios and doc[start - 1].ent_type_ not in PLACE_ENTS:
                start -= 1
            return start
    return None


def _org_before(doc: Doc, end: int, floor: int) -> tuple[int, int] | None:
    """The capitalised phrase that ends at `end`, skipping a possessive: "White House",
    "Microsoft's", "Department of Justice"."""
    if end > floor and doc[end - 1].text in POSSESSIVE:
        end -= 1
    start = end
    while start > floor and not doc[start - 1].is_punct and (
            doc[start - 1].is_title or doc[start - 1].is_upper or doc[start - 1].lower_ in {"of", "and"}):
        start -= 1
    while start < end and doc[start].lower_ in {"of", "and"}:
        start += 1
    if start < end and doc[end - 1].lower_ == "and":
        return None  # "Sen. Lindsey Graham and Sen. Ted Cruz": the name before is no organisation
    return (start, end) if start < end else None


def premodifier_title(doc: Doc, person: Span, titles: set[str], sent: tuple[int, int],
                      portfolios: frozenset[str] = frozenset()) -> Title | None:
    """ "White House press secretary Jen Psaki" -> title "press secretary", org "White House".
    `sent` is the sentence's token range."""
    floor = sent[0]
    end = person.start
    if end - 1 > floor and doc[end - 1].text == ",":  # "Microsoft's president, Brad Smith,"
        end -= 1
    start = _title_ending_at(doc, end, titles, floor, portfolios)
    if start is None:
        return None
    return Title(start, end, _org_before(doc, start, floor))


def apposition_title(doc: Doc, person: Span, titles: set[str], sent: tuple[int, int],
                     portfolios: frozenset[str] = frozenset()) -> Title | None:
    """ "Jake Sullivan, the White House National Security Adviser," -> title, org and the phrase."""
    i = person.end
    if i >= len(doc) - 1 or doc[i].text != ",":
        return None
    start = i + 1
    end = start
    limit = min(len(doc), sent[1], start + MAX_APPOSITION)
    while end < limit and doc[end].text not in APPOSITION_END and not doc[end].is_space \
            and doc[end].pos_ not in {"VERB", "AUX"}:
        end += 1
    if end == start:
        return None
    first = start + 1 if doc[start].lower_ in DETERMINERS else start
    for prep in range(first, end):  # "president of Microsoft"
        if doc[prep].lower_ in ORG_PREPOSITIONS and prep > first:
            t = _title_ending_at(doc, prep, titles, first, portfolios)
            if t is not None:
                org = (prep + 2, end) if doc[prep + 1].lower_ == "the" else (prep + 1, end)
                return Title(t, prep, org if org[0] < org[1] else None, (start, end))
    t = _title_ending_at(doc, end, titles, first, portfolios)
    if t is None:
        return None
    org = (first, t) if first < t else None
    if org and doc[org[1] - 1].text in POSSESSIVE:
        org = (org[0], org[1] - 1)
    return Title(t, end, org, (start, end))


def unnamed_official(tok: Token, nouns: set[str]) -> tuple[int, int, tuple[int, int], bool] | None:
    """ "A spokesman for the Chinese government" / "US officials" / "officials in Washington":
    (phrase start, phrase end, org tokens, whether the org came after "in") for an official noun
    with an organisation, else None. After "in" the caller accepts only a state or its capital."""
    if tok.lower_ not in nouns or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    start = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in {"det", "amod", "compound", "nmod", "nummod", "poss"}])
    for k in range(tok.i - 1, start - 1, -1):  # a phrase never runs over a line break
        if "\n" in tok.doc[k].text_with_ws:
            start = k + 1
            break
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ORG_PREPOSITIONS:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and (objs[0].pos_ == "PROPN" or objs[0].ent_type_ or any(
                    c.ent_type_ for c in objs[0].lefts)):
                obj = objs[0]
                return start, obj.i + 1, (obj.left_edge.i, obj.i + 1), child.lower_ == "in"
    mods = [c for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod", "poss"}
            and (c.ent_type_ in {"ORG", "GPE", "NORP"} or c.pos_ in {"NOUN", "PROPN"})]
    if mods:
        org_start = min(m.left_edge.i for m in mods)
        org_end = max(m.i for m in mods) + 1
        if tok.doc[org_end - 1].text in POSSESSIVE:
            org_end -= 1
        return start, tok.i + 1, (org_start, org_end), False
    return None
