"""Source and target parties for news_claims: who speaks (the cue's subject, the agent of a passive,
the noun a participle hangs on), who is accused (an object, the culprit of a content alleging
wrongdoing), and the owner of a nominal claim. A party is a character range; its actor and text
are made when the draft becomes a record."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..extensions import mention_in
from .lexicon import Lexicon
from .quotes import Quote, find_quotes
from .spans import QUOTE_CHARS, memo, one_line, text_of, tok_span
from .syntax import (
    ANY_SUBJ,
    AUX,
    CLAUSE,
    EXPL,
    VERB_POS,
    FINITE,
    NEG,
    NOUN_POS,
    OBJ,
    PASS_SUBJ,
    POBJ,
    POSTPOSED_SUBJ,
    REL_PRON,
    SOURCE_POSS,
    SUBJ,
    TIME_ENTS,
    XCOMP,
    agent_of,
    child,
    children,
    has_child,
    named_apposition,
    np_before,
    phrase,
    relative_antecedent,
    subject_of,
)

CLOSING_QUOTES = ("\u201d", '"', "''")
CLOSING_TOKENS = CLOSING_QUOTES + ("\u2019", "\u2019\u2019")  # a closing mark as a token, a single one's too
OPENING_QUOTES = ("\u201c", '"', "'")
Range = tuple[int, int]
APPENDED = {"appos", "relcl", "acl", "advcl"}  # what a party's phrase adds after its head, not the party
# "China's envoy in Britain", "ambassador to Britain": where, not who; "blamed officials on Twitter": the medium
PLACE_PREPOSITIONS = {"in", "to", "on"}
# people named by whom they stand beside: "Sanders supporters", "the GOP nominee", "Trump's rivals",
# "a Clinton ally" are not Sanders, the party, Trump or Clinton (their spokespeople are: "US officials")
DESCRIBED_PEOPLE = frozenset({
    "supporter", "backer", "ally", "fan", "follower", "loyalist", "donor", "surrogate", "voter", "admirer",
    "candidate", "nominee", "front-runner", "frontrunner", "runner", "contender", "hopeful", "running mate",
    "daughter", "son", "wife", "husband", "spouse", "father", "mother", "brother", "sister", "child", "children",
    "friend", "family", "member",
})
# what a name before it names, not a party's act: "the Central American Minors program", "the Iran deal"
# (a person's "Obama plan" is still Obama's)
NAMED_THINGS = frozenset({"program", "programme", "act", "law", "bill", "plan", "policy", "ruling", "initiative",
                          "treaty", "deal", "agreement", "scheme", "fund", "movement"})
# "Trump's rivals" are not Trump, but "his GOP opponents" are Republicans
OPPOSING_PEOPLE = frozenset({"rival", "opponent", "critic", "challenger", "detractor", "foe", "enemy"})
# a body grown from another is not that other: "the al-Qaeda offshoot, which X blamed" is not al-Qaeda
OFFSHOOTS = frozenset({"offshoot", "affiliate", "splinter", "spinoff", "spin-off", "franchise", "copycat", "imitator"})
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
CLAUSE_LINKS = {"acl", "relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"}
MAX_HOPS = 1  # prepositions between a party's head and a name that stands for it
SINGULAR_TAGS = {"NN", "NNP"}
DEMONSTRATIVES = {"this", "that", "these", "those"}
MAX_COMMA_NAME = 4  # words of a name set off by commas after a description
NAME_PREPOSITIONS = {"of", "at", "in", "for"}  # "the head of the works council, Ute Brandl"
MAX_POINTING = 3  # tokens of a pointing description: "that decision", "these new rules"


def party(doc: Doc, start: int, end: int, anchor: int | None = None) -> Range | None:
    """The characters of a party in tokens [start, end): no possessive ending, no opening quote mark
    nor the space after a closing one ("…,” Shook said": "Shook"), on the `anchor`'s line when one
    is given."""
    if end - start > 1 and doc[end - 1].dep_ == "case":
        end -= 1  # "Washington's accusations" -> Washington
    rng = tok_span(doc, start, end)
    if rng is not None and anchor is not None:
        rng = one_line(doc, rng, anchor)
    if rng is None:
        return None
    text = text_of(doc)
    s, e = rng
    while s < e and (text[s] in QUOTE_CHARS or text[s].isspace()):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def party_actor(doc: Doc, rng: Range, people: frozenset[str] = frozenset()) -> str | None:
    """The actor of a party's characters: the mention on the phrase's head word ("Avi Bell, senior
    fellow at the Kohelet Policy Forum in Israel" -> Avi Bell), else the latest mention in the head's
    own phrase, leaving out what an apposition, a relative clause, a participle or a place after
    "in"/"to" adds ("the lawyer, who represents the defendant" -> no actor, never the defendant;
    "a spokesman for the Chinese government" -> the government). `people`: the person nouns, for
    a name that closes the phrase (`closing_name`)."""
    span = doc.char_span(*rng, alignment_mode="expand")
    if span is None or not len(span):
        found = mention_in(doc, *rng)
        return found["actor"] if found else None
    if mention_in(doc, *rng) is None:
        labelled = label_actor(doc, rng)
        if labelled is not None:
            return labelled  # "PENCE: ..." in a transcript
    head = span.root
    noun = relative_antecedent(span)  # "Big Machine, which was bought", "a payout that X blasted"
    if noun is not None:
        if noun.dep_ == "appos" and noun.head.i < noun.i and noun.pos_ != "PROPN":
            noun = noun.head  # "Anna Novak, the exiled journalist whom X accuses": Novak
        before = tok_span(doc, *np_before(noun, head.i))
        return party_actor(doc, before) if before is not None else None
    if head.pos_ != "PROPN":  # "China's ambassador to Britain, Liu Xiaoming": the name in apposition
        c = named_apposition(head)
        if c is not None and c.left_edge.i <= span.end:  # (or right after it: "the newspaper X", two objects)
            named = mention_in(doc, c.idx, c.idx + len(c.text))
            if named is not None:
                return named["actor"]
        named = comma_name(span, people)
        if named is not None:
            return named
        named = titled_apposition(span, people) or closing_name(span, people)
        if named is not None:
            return named
    on_head = mention_in(doc, head.idx, head.idx + len(head.text))
    if on_head is not None:
        return None if _member_of_group(head, on_head) else on_head["actor"]
    cut = [c.left_edge.i for c in head.rights if span.start <= c.i < span.end and (
        (c.dep_ in APPENDED and not has_child(c, {"agent"}))  # "a report released by X": X made it
        or (c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS))]
    comma = next((t.i for t in span if t.i > head.i and t.text == ","), None)
    end = min(cut + ([comma] if comma is not None else []) + [span.end])
    if end <= span.start:
        return None
    stop = rng[1] if end == span.end else doc[end - 1].idx + len(doc[end - 1].text)
    found = mention_in(doc, rng[0], stop)
    if found is not None and (found["label"] == "PRON" or not _stands_for(doc, found, head)):
        # "those close to him", "friends of hers": not him; "the GOP candidate's proposal": not the GOP
        found = max((m for m in doc._.mentions or () if rng[0] <= m["start"] and m["end"] <= stop
                     and m["label"] != "PRON" and _stands_for(doc, m, head)),
                    key=lambda m: (m["end"], m["end"] - m["start"]), default=None)
    return found["actor"] if found else None


def token_actor(doc: Doc, tok: Token) -> str | None:
    """The actor of one token's characters (`party_actor`): whom a pronoun or a name stands for."""
    return party_actor(doc, (tok.idx, tok.idx + len(tok.text)))


def titled_apposition(span: Span, people: frozenset[str] = frozenset()) -> str | None:
    """ "The chairman of Okafor Cement, Chinedu Okafor": the person the parse hung in apposition on the
    organisation after a singular title noun is the one the title describes, never the organisation
    (also past a party cut before the "of": "lashed out at the food critic of the Evening Sentinel,
    Rupert Gale"); not after a person noun ("the lawyer for the defendant, Mark Smith": whose name?)."""
    head = span.root
    if head.tag_ != "NN":
        return None
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() not in people):
            for c in obj.rights:
                if c.dep_ == "appos" and c.pos_ == "PROPN":
                    named = mention_in(span.doc, c.idx, c.idx + len(c.text))
                    if named is not None and named["label"] == "PERSON":
                        return named["actor"]
    return None


CLOSING_POS = {"DET", "ADJ", "NOUN", "PROPN"}


def _person_in(tokens: Span, people: frozenset[str]) -> bool:
    """A person noun or a person's name among the tokens: a name after them may be theirs."""
    return any(t.lemma_.lower() in people or t.ent_type_ == "PERSON" for t in tokens if t.pos_ in NOUN_POS)


def closing_name(span: Span, people: frozenset[str]) -> str | None:
    """The person named after the phrase's last comma, at its end, that the parse hung elsewhere
    ("his own party's leader in the House, Margaret Ellery"; "Writing in Le Monde, the economist
    Claire Delorme", the participle taken for the subject); None when a person noun or name
    stands between the head and the comma ("the lawyer for the defendant, Mark Smith": whose name?)
    or what follows the comma is no noun phrase ("the lawyer, who represents Mark Smith")."""
    doc, head = span.doc, span.root
    if head.pos_ != "NOUN" and not (head.tag_ == "VBG" and head.dep_ in SUBJ and head.i == span.start):
        return None
    end = span.end
    while end > head.i + 1 and doc[end - 1].is_punct:
        end -= 1
    comma = next((t.i for t in reversed(doc[head.i + 1:end]) if t.text == ","), None)
    if comma is None or comma + 1 >= end or any(t.pos_ not in CLOSING_POS for t in doc[comma + 1:end]):
        return None
    if _person_in(doc[head.i + 1:comma], people):
        return None
    last = doc[end - 1]
    named = mention_in(doc, last.idx, last.idx + len(last.text))
    if named is None or named["label"] != "PERSON" or named["end"] != last.idx + len(last.text) \
            or named["start"] < doc[comma + 1].idx:
        return None
    return named["actor"]


def comma_name(span: Span, people: frozenset[str] = frozenset()) -> str | None:
    """The actor of a name set off by commas right after a description ("the state auditor, Paul
    Brandt, said"; "lashed out at the referees' federation, UEFA, after"), which the parse did not
    hang on it as an apposition; not an item of a list ("the union, Apple, and Google"). Past a
    phrase the party was cut before ("rebuked the head of the works council, Ute Brandl,"), only a
    person's name, and only when no person noun stands in that phrase (`people`)."""
    doc, head = span.doc, span.root
    k, person_only = span.end, False
    if head.pos_ != "NOUN" or k >= len(doc):
        return None
    if doc[k].dep_ == "prep" and doc[k].head.i == head.i and doc[k].lower_ in NAME_PREPOSITIONS:
        within = doc[k:doc[k].right_edge.i + 1]
        if _person_in(within, people):
            return None
        k, person_only = within.end, True
    if k >= len(doc) or doc[k].text != ",":
        return None
    end = k + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - k <= MAX_COMMA_NAME:
        end += 1
    if end == k + 1 or end >= len(doc) or doc[end].text not in (",", ".") or \
            (end + 1 < len(doc) and doc[end + 1].pos_ == "CCONJ"):
        return None
    named = mention_in(doc, doc[k + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
    if named is None or named["label"] == "PRON" or person_only and named["label"] != "PERSON":
        return None
    return named["actor"]


def label_actor(doc: Doc, rng: Range) -> str | None:
    """The actor a transcript's speaker label in capitals stands for ("PENCE: ..." after "Mike Pence"
    was named), or a surname the tagger did not take for a name ("says Early" after "Chris Early"):
    the one actor of the document whose named mentions end in that word (a person's, for a surname);
    None when the characters are no such label (one word in capitals before a colon, or one
    capitalised word) or no or several actors match."""
    text = text_of(doc)
    word = text[rng[0]:rng[1]]
    if len(word) < 3 or not word.isalpha():
        return None
    if word.isupper() and text[rng[1]:rng[1] + 1] == ":":
        return actor_ending_in(doc, word, upper=True)
    return actor_ending_in(doc, word, upper=False, person=True) if word.istitle() else None


def actor_ending_in(doc: Doc, word: str, *, upper: bool, person: bool = False) -> str | None:
    """The one actor whose named mentions end in `word` (in capitals when `upper`; a person's only
    when `person`), else None."""
    ids = {m["actor"] for m in doc._.mentions or () if m["actor"] and m["label"] != "PRON"
           and (not person or m["label"] == "PERSON")
           and (m["text"].split()[-1].upper() if upper else m["text"].split()[-1]) == word}
    return next(iter(ids)) if len(ids) == 1 else None


# what the tagger makes of a surname that is also a word ("May said", "Will urged", "says Early")
MISREAD_NAME_DEPS = {"aux", "advmod", "npadvmod", "nsubj", "dep", "compound", "neg"}


def misread_name_speaker(verb: Token) -> Range | None:
    """A surname the parse read as a modal or an adverb: the capitalised word right before a finite
    cue ("May said", "Will urged", "Early still says") or right after one that follows a quotation
    ("“Y,” says Early"), when it names one person of the document ("Theresa May", "Chris Early")."""
    doc = verb.doc
    k = verb.i - 1
    while k > verb.sent.start and doc[k].dep_ == "advmod" and doc[k].is_lower:
        k -= 1  # "Early still says"
    words = [doc[k]] if k >= verb.sent.start else []
    if verb.i + 1 < len(doc) and verb.i > 0 and doc[verb.i - 1].is_punct:
        words.append(doc[verb.i + 1])
    for tok in words:
        if not (tok.is_title and tok.is_alpha and tok.head.i == verb.i and tok.dep_ in MISREAD_NAME_DEPS):
            continue
        found = mention_in(doc, tok.idx, tok.idx + len(tok.text))
        named = found["actor"] if found and found["label"] == "PERSON" else actor_ending_in(
            doc, tok.text, upper=False, person=True)
        if named is not None:
            return party(doc, tok.i, tok.i + 1)
    return None


def _mention_root(doc: Doc, mention: dict) -> Token | None:
    span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span[-1]  # a name's last word ("the GOP": GOP, not its article)
    while root.head.i != root.i and span.start <= root.head.i < span.end:
        root = root.head
    return root


def _stands_for(doc: Doc, mention: dict, head: Token) -> bool:
    """Whether a name inside a party's phrase can be the party: it owns or names the head, or is
    one preposition away ("a spokesman for the government", "X's decision"), not deeper ("the
    rupture over X's push for a deal with Iran": not Iran), not inside a clause of the phrase
    ("the drumbeat of names denouncing Trump": not Trump; "a report released by X" is X's), and
    not a name that only describes someone else (`_describes_another`)."""
    root = _mention_root(doc, mention)
    if root is None:
        return True  # no tokens to judge by: as before these rules
    if _describes_another(doc, mention):
        return False
    if head.lemma_.lower() in DESCRIBED_PEOPLE | OFFSHOOTS and head.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ in ("of", "for") and c.left_edge.i <= root.i <= c.right_edge.i for c in head.children):
        return False  # "supporters of Sanders", "Republican members of Congress": not Sanders, not Congress
    hops, t, by_agent = 0, root, False
    while t.i != head.i:
        if t.dep_ in CLAUSE_LINKS and not by_agent:
            return False
        by_agent = t.dep_ == "agent"
        hops += t.dep_ == "pobj"
        if t.head.i == t.i:
            return False  # the head is not above it: leave the judgement to the other rules
        t = t.head
    return hops <= MAX_HOPS


def _describes_another(doc: Doc, mention: dict) -> bool:
    """A name that only says who someone else is: a modifier of a noun of people beside it ("Sanders
    supporters", "the GOP nominee", "Trump's rivals") or of an adjective ("US-based", "Iran-backed"),
    a nationality or party word before a common noun ("the American media", "Democratic voters"), the
    name of a programme or a law ("the Central American Minors program")."""
    root = _mention_root(doc, mention)
    if root is None:
        return False
    noun = root.head
    if root.dep_ in MODIFIER_DEPS | {"npadvmod"} and noun.pos_ in ("ADJ", "VERB") and noun.dep_ == "amod":
        return True  # "US-based"
    if root.dep_ not in MODIFIER_DEPS or noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    if lemma in NAMED_THINGS and root.dep_ == "compound" and mention["label"] not in ("PERSON", "PRON"):
        return True
    # "the American media": a nationality or party word says what kind of noun it is, not who
    return lemma in DESCRIBED_PEOPLE | OFFSHOOTS or (lemma in OPPOSING_PEOPLE and root.dep_ == "poss") or (
        mention["label"] == "NORP" and root.dep_ in ("amod", "compound"))


def _member_of_group(head: Token, mention: dict) -> bool:
    """"the Wisconsin Republican", "an Iowa Democrat": one person of a group, not the group itself."""
    return mention["label"] == "NORP" and head.tag_ in SINGULAR_TAGS and any(
        c.dep_ in ("det", "compound", "amod") for c in head.lefts)


def bare_pronoun(doc: Doc, rng: Range) -> bool:
    """A party that only points back: one pronoun or demonstrative ("them", "that", "those"), or a
    demonstrative and a singular common noun ("that decision", "this move"). Without an actor it names
    no one, and a target that names no one is no target; a plural ("these looters") still says who."""
    span = doc.char_span(*rng, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if len(span) == 1:
        return span[0].pos_ == "PRON" or span[0].tag_ in ("DT", "WDT", "WP", "PRP", "PRP$")
    return len(span) <= MAX_POINTING and span[0].lower_ in DEMONSTRATIVES and span[-1].tag_ != "NNS" and not any(
        t.pos_ == "PROPN" or t.ent_type_ for t in span)


def source_of(verb: Token) -> Range | None:
    """The speaker: the cue's subject with its appositions, the `by` agent of a passive, the noun a
    participle or relative clause hangs on; None for "it is reported that". A subject parsed
    across a line break ("9:30 p.m.\n\nDonald Trump says") is replaced by the words on the cue's line."""
    outer = continued_clause(verb)
    if outer is not None:
        return source_of(outer)  # "X insisted that he had won, claiming ...": X claims
    src = _source_of(verb)
    if src is None:
        src = stray_conjunct_speaker(verb)  # "X called it “shameful” and called on Y", "X ran on his plan to Y and accused Z"
    if src is None and verb.tag_ in FINITE and not has_child(verb, PASS_SUBJ | EXPL):
        left = [c for c in verb.lefts if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and c.dep_ not in ("npadvmod",)
                or c.dep_ in ("dep", "nsubj")]
        if left:
            src = party(verb.doc, *phrase(left[-1]), verb.idx)  # "About 4 in 10 say": a subject the parse missed
    if src is None and verb.tag_ in FINITE and not has_child(verb, PASS_SUBJ | EXPL):
        # "May said", "“Y,” says Early": a surname the tagger took for a word
        src = adjacent_speaker(verb) or misread_name_speaker(verb)
    if src is None:
        src = root_verb_subject(verb)  # "Activists clamoring to block X say ...": the parse made the cue a 'dep'
    if src is None and verb.dep_ == "ROOT" and not has_child(verb, ANY_SUBJ):
        src = interrupted_subject(verb)  # "X, whose company Y uses Z, said": the parse gave X to the clause between
    if src is None and verb.dep_ == "xcomp":
        ctrl = controller(verb)
        if ctrl is not None:  # "X was prompted to say", "X is likely to say": who is made or likely to speak
            src = party(verb.doc, *phrase(ctrl), verb.idx)
    if src is None:
        src = gerund_speaker(verb)  # "X was booed after telling Y", "X has a history of blaming Y"
    if src is None:
        right = postposed_speaker(verb)
        if right is not None:  # "“Y,” said Edward Leamer, an economist": a subject parsed as an object
            src = party(verb.doc, *phrase(right), verb.idx)
    if src is None:
        name = name_after_quote(verb)
        if name is not None:  # "“Y,” said Tom Baker, half joking": the name the parse made another verb's subject
            src = party(verb.doc, *name, verb.idx)
    if src is None:
        name = name_before_colon(verb)
        if name is not None:  # "Said Jane Doe: “Y”", "Continued Smith: ..."
            src = party(verb.doc, *name, verb.idx)
    if src is None:
        src = speaker_in_clause(verb)  # "“Y,” said the woman, who asked not to be named"
    text = text_of(verb.doc)
    if src is not None:
        quote = quotation_around(verb.doc, src[0])
        if quote is not None and quote.end <= verb.idx:
            # "“A. Total chaos,” said Tom Baker": a speaker is never inside the quotation its cue follows
            src = speaker_after_quote(verb, quote.end)
    if src is not None and src[1] <= verb.idx:
        between = text[src[0]:verb.idx]
        close = max(between.rfind(q) for q in CLOSING_QUOTES)
        opened = text[:src[0]].rstrip()[-1:] in OPENING_QUOTES
        if close >= 0 and opened:  # "“Daily News” host Jane Doe said": the words after a title
            src = words_before_cue(verb, src[0] + close + 1, to_comma=False) or src
    if src is not None:
        words = text[src[0]:src[1]]
        dash = max(words.rfind(" \u2013 "), words.rfind(" \u2014 "), words.rfind(" - "))
        if dash > 0 and src[1] <= verb.idx:  # "Paris (AFP) – Senator Jane Doe"
            doc = verb.doc
            rest = doc.char_span(src[0] + dash + 3, src[1], alignment_mode="contract")
            if rest is not None and len(rest):
                src = party(doc, rest.start, rest.end)
    titled = titled_name_after_quote(verb)
    if titled is not None:
        return titled  # "“A,” Jane Doe, a spokeswoman, said": whatever the parse hung the name on
    if src is not None and src[1] <= verb.idx and "\n" in text[src[1]:verb.idx]:
        doc = verb.doc
        line = text.rfind("\n", 0, verb.idx) + 1
        words = doc.char_span(line, verb.idx, alignment_mode="contract")
        if words is not None and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words):
            return party(doc, words.start, words.end)
    return src


def tensed(tok: Token) -> bool:
    """A verb with a tense of its own: a finite one, or one with a finite or modal auxiliary."""
    return tok.pos_ in VERB_POS and (tok.tag_ in FINITE or any(
        c.dep_ in AUX and (c.tag_ in FINITE or c.tag_ == "MD") for c in tok.children))


MAX_STRAY_HOPS = 4  # "ran on [his ability [to jolt ... and accused]]": prep, pobj, acl up to the clause


def stray_conjunct_speaker(verb: Token) -> Range | None:
    """The speaker of a finite cue conjoined, in the parse, to a word with no tense: an adjective
    ("X called it “shameful” and called on Y") or an infinitive inside the clause ("X ran on his
    ability to fix the economy and accused Y of ..."). The cue is the second verb of the nearest tensed
    clause above that word, and shares its subject; None when that clause has none before the cue."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE or head.i >= verb.i or has_child(verb, ANY_SUBJ):
        return None
    if tensed(head):
        return None  # an ordinary conjunct: subject_of shares the first verb's subject
    for _ in range(MAX_STRAY_HOPS):
        if head.head.i == head.i:
            return None
        head = head.head
        if tensed(head):
            voice, subj = subject_of(head)
            if voice != "active" or subj is None or subj.i > verb.i:
                return None
            return _clause_subject(head, verb)
    return None


# who speaks after an inverted cue without a noun: "“Y,” tweeted another", "“Y,” said one"
POSTPOSED_PRONOUNS = frozenset({"one", "another", "others", "some", "several", "many"})


def postposed_speaker(verb: Token) -> Token | None:
    """The speaker the parse made an object of a cue inverted after the words it reports ("“Y,” said
    Edward Leamer, an economist", "“Y,” tweeted another"), also when the parse took a past "read" for a
    bare verb ("“Y,” read the statement") or a no-break space stands between the quote and the cue."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k < 0 or not doc[k].is_punct:
        return None
    bare = verb.tag_ in ("VB", "VBN") and verb.dep_ == "ROOT" and doc[k].text in CLOSING_TOKENS
    if verb.tag_ not in FINITE and not bare:
        return None
    return next((c for c in verb.rights if c.dep_ in POSTPOSED_SUBJ and (
        c.pos_ in ("PROPN", "NOUN") or c.lower_ in POSTPOSED_PRONOUNS and c.head.i == verb.i)), None)


def first_gerund(verb: Token) -> Token:
    """The first of conjoined gerunds ("after dismissing X and calling Y": "dismissing"), where the
    parse hangs what they share; the verb itself otherwise."""
    while verb.dep_ == "conj" and verb.head.tag_ == "VBG" and verb.tag_ == "VBG":
        verb = verb.head
    return verb


def continued_clause(verb: Token) -> Token | None:
    """The verb of an earlier clause that a participle after a comma continues when the parser hung
    the participle inside that verb's content clause ("X insisted that he had won, claiming ...",
    "X has said he would act, vowing to ... and suggesting ..."): the participle shares its speaker."""
    verb = first_gerund(verb)
    head, doc = verb.head, verb.doc
    before = doc[verb.i - 2:verb.i].text.replace(" ", "") if verb.i > 1 else ""
    if not (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and (before.endswith(",") or before in (",\u201d", ',"'))
            and tensed(head) and not has_child(verb, ANY_SUBJ)):
        return None  # not "I remember X going on TV, declaring ...": a clause without a tense of its own
    outer = embedding_verb(head)
    return outer if outer is not None and outer.i < head.i and outer.pos_ in VERB_POS else None


# the marks of a clause that completes a noun or a preposition ("the idea that ...", "hedged on whether ...")
COMPLEMENT_MARKS = {"that", "whether", "if"}


def embedding_verb(head: Token) -> Token | None:
    """The verb whose complement the finite clause `head` is: its head when a ccomp ("X insisted that he
    had won"), the verb of the object noun or the preposition a that/whether-clause completes ("X
    rejected the idea that Y would lose", "X dismissed claims that Y lied", "X hedged on whether he
    would back Y")."""
    if head.dep_ == "ccomp":
        return head.head
    if head.dep_ not in ("acl", "pcomp") or not any(c.dep_ == "mark" and c.lower_ in COMPLEMENT_MARKS for c in head.children):
        return None
    up = head.head
    if head.dep_ == "acl" and up.pos_ in NOUN_POS and up.dep_ == "dobj":
        return up.head
    if head.dep_ == "pcomp" and up.dep_ == "prep":
        return up.head
    return None


def quotation_around(doc: Doc, pos: int) -> Quote | None:
    """The quotation of speech whose quoted words hold character `pos` (found in its paragraph), or
    None. Speech ends in a comma or a stop inside or right after its closing mark ("“A,” said",
    "“A”, said"); a quote that does not is a title or a scare quote ("“Morning Joe” host Jane Doe")."""
    text = text_of(doc)
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    for q in memo(doc, ("paragraph quotes", start), lambda: find_quotes(text[start:end])):
        if q.inner_start + start <= pos < q.inner_end + start:
            last = text[q.inner_start + start:q.inner_end + start].rstrip("".join(QUOTE_CHARS) + "'\u2019 ")[-1:]
            if last not in SPEECH_END and text[q.end + start:q.end + start + 1] not in SPEECH_END:
                return None  # a title or a scare quote ("“Morning Joe” host Jane Doe"), not speech
            return replace(q, start=q.start + start, end=q.end + start, inner_start=q.inner_start + start,
                           inner_end=q.inner_end + start)
    return None


def speaker_after_quote(verb: Token, after: int) -> Range | None:
    """The speaker of a cue after a quotation that ends at character `after`, when the parse took
    words of the quotation: the cue's subject after it ("...,” Jane Doe (D-Ohio) said"), the words
    between the quotation and the cue ("...,” campaign manager Jeff Weaver said"), the name after the cue
    ("...,” said Tom Baker"); None when there is none (a speaker is never inside the quotation)."""
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ in SUBJ and c.idx >= after), None)
    if subj is not None:
        start, end = phrase(subj)
        return party(doc, next(t.i for t in doc[start:subj.i + 1] if t.idx >= after), end, verb.idx)
    words = words_before_cue(verb, after)
    if words is not None:
        return words
    name = name_after_cue(verb)
    return None if name is None else party(doc, *name, verb.idx)


def words_before_cue(verb: Token, after: int, *, to_comma: bool = True) -> Range | None:
    """The noun phrase from character `after` (a closing quote mark) up to the cue or, with
    `to_comma`, a comma ("…,” campaign manager Jane Doe said", "…,” Jane Doe, 58, told"); None for an
    adverbial ("…,” in Paris, she said") or, without `to_comma`, words with a comma."""
    doc = verb.doc
    rest = doc.char_span(after, verb.idx, alignment_mode="contract")
    while rest is not None and len(rest) and (rest[0].is_punct or rest[0].is_space):
        rest = rest[1:]
    if rest is None or not len(rest):
        return None
    comma = next((t.i for t in rest if t.text == ","), None)
    if comma is not None and not to_comma:
        return None
    words = doc[rest.start:rest.end if comma is None else comma]
    if len(words) and words[-1].pos_ in ("PROPN", "NOUN", "PRON") and words[0].pos_ not in NOT_SPEAKER_START \
            and not any(t.dep_ == "cc" for t in words):
        return party(doc, words.start, words.end)
    return None


NOT_SPEAKER_START = {"ADP", "ADV", "SCONJ", "CCONJ"}  # "…,” in Paris, she said": an adverbial
SPEECH_END = tuple(",.?!\u2014")  # what ends quoted speech, inside or right after the closing mark

MAX_NAME_TOKENS = 6  # "Oversight ranking Democrat Elijah Cummings"


def name_after_quote(verb: Token) -> tuple[int, int] | None:
    """The name right after a finite cue that follows a closing quote ("“Y,” said Tom Baker, half
    joking", "“Y,” said ranking Democrat Jane Doe"): the tokens up to the first punctuation or
    clause word, ending in a proper noun; None when the cue does not follow a quotation or has a
    subject before it."""
    doc = verb.doc
    k = verb.i - 1
    if verb.tag_ not in FINITE or k < 0 or doc[k].text not in CLOSING_TOKENS \
            or any(c.dep_ in SUBJ and c.i < verb.i for c in verb.children):
        return None  # "X, host of “Morning Joe,” suggested Y": X speaks
    return name_after_cue(verb)


def titled_name_after_quote(verb: Token) -> Range | None:
    """The speaker between a quotation that ends in a comma, "?" or "!" and its cue when it is a
    name and the description set off by commas after it ("“A,” Jane Doe, a spokeswoman, said",
    "“A,” Jane Doe, founder of the X Trust, tells"): the name and its description, as PolNeAR marks
    it. The parse often hangs such a name on the quotation's clause, or as an adverb of the cue,
    and makes the description the subject; None for anything else between ("“A,” Jane Doe, 58,
    said", "“A,” in Paris, she said")."""
    doc = verb.doc
    if verb.i < 1 or doc[verb.i - 1].text != ",":
        return None
    commas = [t.i for t in doc[verb.sent.start:verb.i] if t.text == ","]
    if len(commas) < 2:
        return None
    second = commas[-2]
    close = next((t.i for t in reversed(doc[verb.sent.start:second]) if t.text in CLOSING_TOKENS), None)
    if close is None or close < 1 or doc[close - 1].text not in (",", "?", "!"):
        return None
    name, desc = doc[close + 1:second], doc[second + 1:verb.i - 1]
    if not 0 < len(name) <= MAX_NAME_TOKENS or not 0 < len(desc) <= MAX_TITLE_TOKENS \
            or any(t.pos_ != "PROPN" for t in name) or "\n" in doc[close:verb.i].text:
        return None
    if not any(t.pos_ in ("NOUN", "PROPN") for t in desc) or desc[0].pos_ not in TITLE_START \
            or any(t.pos_ in ("VERB", "AUX") or t.pos_ == "PRON" and t.dep_ != "poss" or t.is_quote or t.text == ","
                   for t in desc):
        return None
    return party(doc, name.start, desc.end, verb.idx)


MAX_TITLE_TOKENS = 12  # "the chairwoman of the county's Democratic Party"
TITLE_START = {"DET", "ADJ", "NOUN", "PROPN"}  # "a spokeswoman", "top aide", "founder of", "Acme's chief"


def name_before_colon(verb: Token) -> tuple[int, int] | None:
    """The name between a cue that opens its sentence and a colon ("Said Jane Doe: “Y”", "Continued
    Smith: ..."): an inverted tag before the words it reports; None otherwise."""
    doc = verb.doc
    if verb.i != verb.sent.start or not verb.is_title or verb.tag_ not in FINITE | {"VBN"}:
        return None
    name = name_after_cue(verb)
    if name is None or name[1] >= len(doc) or doc[name[1]].text != ":":
        return None
    return name


def name_after_cue(verb: Token) -> tuple[int, int] | None:
    """The tokens right after the cue up to the first punctuation or clause word, ending in a proper noun."""
    doc = verb.doc
    end = verb.i + 1
    while end < verb.sent.end and end - verb.i <= MAX_NAME_TOKENS and doc[end].pos_ in ("PROPN", "NOUN", "ADJ") \
            and not doc[end].is_punct:
        end += 1
    while end > verb.i + 1 and doc[end - 1].pos_ != "PROPN":
        end -= 1
    return (verb.i + 1, end) if end > verb.i + 1 else None


def speaker_clause(verb: Token) -> Token | None:
    """The clause after an inverted cue that the parse built on the speaker ("“Y,” said the woman, who
    asked not to be named": "the woman" made the subject of "asked"; "Y, said Ben Carson, asked about
    Z"): a clause of the cue after it whose subject opens right after the cue and is cut from its verb
    by a comma, when the reported words come before the cue (a quotation or a clause); else None."""
    doc = verb.doc
    if verb.tag_ not in FINITE or verb.i < 2 or has_child(verb, ANY_SUBJ):
        return None
    prev = doc[verb.i - 1].text
    quoted = prev in CLOSING_TOKENS
    if not quoted and not (prev == "," and any(c.dep_ in CLAUSE and c.i < verb.i for c in verb.children)):
        return None  # "said the plan, drafted in May, was dead": the clause after the cue is what was said
    for c in verb.children:
        if c.dep_ not in CLAUSE or c.i < verb.i:
            continue
        subj = next((s for s in c.children if s.dep_ in SUBJ and s.i < c.i), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.left_edge.i == verb.i + 1 \
                and any(t.text == "," for t in doc[subj.i + 1:c.i]):
            return c
    return None


def speaker_in_clause(verb: Token) -> Range | None:
    """The speaker of an inverted cue whose speaker the parse made a later clause's subject
    (`speaker_clause`): the words from the cue to the comma after that subject."""
    clause = speaker_clause(verb)
    if clause is None:
        return None
    subj = next(s for s in clause.children if s.dep_ in SUBJ and s.i < clause.i)
    end = next(t.i for t in verb.doc[subj.i + 1:clause.i] if t.text == ",")
    return party(verb.doc, verb.i + 1, end, verb.idx)


def adjacent_speaker(verb: Token) -> Range | None:
    """The speaker of a finite cue the parse gave no subject because it hung the name inside the
    words before ("At a rally for his wife Mary Smith, former mayor John Smith said"; "In an
    interview with the local paper, her chief adviser, Mark Jones, said:"): the name or noun phrase that ends right
    before the cue (a comma or an adverb between), unless it is an object, a time or a pronoun."""
    doc = verb.doc
    k = verb.i - 1
    while k > verb.sent.start and (doc[k].dep_ == "advmod" or doc[k].text == ","):
        k -= 1
    tok = doc[k]
    if k < verb.sent.start or tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ not in ADJACENT_SPEAKER_DEPS \
            or tok.ent_type_ in TIME_ENTS or tok.right_edge.i > k:
        return None
    # the whole phrase, not its last word: "a spokesman for the city", "X and his aides";
    # not what it is in apposition to ("his wife Mary Smith, former mayor John Smith")
    if tok.dep_ == "pobj":
        noun = tok.head.head
        if tok.head.dep_ != "prep" or noun.pos_ not in ("NOUN", "PROPN") or any(t.text == "," for t in doc[noun.i:tok.i]):
            return None  # "during his speech": an adverbial of the clause before, not a speaker
        tok = noun
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    if tok.dep_ in NOT_SPEAKER_DEPS or tok.dep_ == "pobj" and tok.head.head.pos_ in VERB_POS:
        return None
    return party(doc, tok.left_edge.i, k + 1, verb.idx)


CONJUNCT_MARKS = {",", ";", "\u2014", "\u2013", "then"}  # "X paused, then revealed": a second verb of X's


def root_verb_subject(verb: Token) -> Range | None:
    """The speaker of a finite cue without a subject that the parse hung as a 'dep' on a verb before
    it: when a comma or "then" stands between, the cue is that verb's conjunct and shares its subject
    ("X paused, then revealed ..."); else that verb is inside the cue's subject, the parse's root only
    by mistake ("Activists clamoring to block X say ...", "Polls in the state he calls home show ..."),
    and the speaker is all from that subject to the cue."""
    head, doc = verb.head, verb.doc
    if verb.dep_ != "dep" or verb.tag_ not in FINITE or head.i > verb.i or head.pos_ != "VERB" or has_child(verb, ANY_SUBJ):
        return None
    voice, subj = subject_of(head)
    if voice != "active" or subj is None or subj.i > head.i or subj.lower_ in REL_PRON:
        return None
    if any(t.lower_ in CONJUNCT_MARKS or t.dep_ == "cc" for t in doc[head.i + 1:verb.i]):
        return party(doc, *phrase(subj), verb.idx)
    first = next((c for c in head.lefts if c.dep_ in SUBJ | {"dep"} and c.pos_ in NOUN_POS), subj)  # "Polls" of "Polls in X he calls"
    end = verb.i
    while end > head.i + 1 and doc[end - 1].dep_ in ("advmod", "neg"):
        end -= 1  # "Figures reported on Sunday now suggest"
    return party(doc, first.left_edge.i, end, verb.idx)


INTERRUPTION_MARKS = {",", "-", "\u2014", "\u2013", "(", ")"}
NAME_WORDS = {"PROPN", "NOUN", "DET", "ADJ", "NUM", "PART"}  # "the agency's top lawyer", "Former Sen. Bob Smith"


def interrupted_subject(verb: Token) -> Range | None:
    """The speaker of a sentence's main cue that has no subject because the parser hung the sentence's
    first noun phrase inside the words that interrupt it ("X, who sits on no board, said ...",
    "X, whose start-up uses Y, said", "X - in a line aimed at Y - declared"): that noun phrase, up to
    the mark that opens the interruption, when a mark also closes it right before the cue."""
    doc, sent = verb.doc, verb.sent
    k = verb.i - 1
    while k > sent.start and doc[k].dep_ == "advmod":
        k -= 1  # "..., also said"
    if k <= sent.start or doc[k].text not in INTERRUPTION_MARKS:
        return None
    start = sent.start
    while start < k and (doc[start].dep_ == "cc" or doc[start].is_punct):
        start += 1  # "And X, ...", "“X, ..."
    end = start
    while end < k and doc[end].pos_ in NAME_WORDS and not doc[end].is_punct:
        end += 1
    if end == start or end >= k or doc[end].text not in INTERRUPTION_MARKS or doc[end - 1].pos_ not in ("PROPN", "NOUN") \
            or doc[end - 1].ent_type_ in TIME_ENTS:
        return None
    return party(doc, start, end, verb.idx)


ADJACENT_SPEAKER_DEPS = {"appos", "pobj", "conj", "nsubj", "dep", "ROOT"}  # not an object, a compound, a time
NOT_SPEAKER_DEPS = {"dobj", "attr", "oprd", "dative", "npadvmod", "compound"}  # the phrase's role in the clause before


def agent_phrase(agent: Token) -> tuple[int, int]:
    """The by-agent's phrase without an of-phrase that holds a gerund: "accused by critics of
    promoting X and of failing to Y" is spoken by "critics" (the of-phrases are the charge), nor an
    "as" the parse hung on the agent ("seen by some as a demotion": "some")."""
    start, end = phrase(agent)
    for c in agent.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
            end = min(end, c.i)
        if c.dep_ == "prep" and c.lower_ == "as":
            end = min(end, c.i)
    return start, end


def controller(verb: Token) -> Token | None:
    """The subject an infinitive cue shares with the verb or adjective it complements: the passive
    subject of "X was prompted to say", the subject of "X is likely to say" (not an expletive "it")."""
    head = verb.head
    for _ in range(3):
        subj = next((c for c in head.children if c.dep_ in SUBJ | PASS_SUBJ), None)
        if subj is not None:
            return None if subj.lower_ in ("it", "there") or subj.lower_ in REL_PRON else subj
        if head.dep_ not in ("xcomp", "acomp") or head.head.i == head.i:
            return None
        head = head.head
    return None


# a noun these light verbs make their subject's own habit or act: "X has a history of blaming", "made a
# point of saying", "took the step of criticizing", "showed no sign of wanting" (not content.LIGHT_VERBS,
# the verbs of expressing whose noun's that-clause is the content: "expressed concern that")
HABIT_VERBS = {"have", "make", "take", "show", "give"}
# what a gerund after them is done by the verb's object: "praised X for saying", "accused X of lying",
# "stopped X from saying", "credited X with saying"
OBJECT_CONTROL_PREPS = {"for", "of", "from", "with"}
# what a gerund after them is not said to be the subject's own act: "warned against blaming",
# "talked about suing", "a fight over calling" (anyone's, or only a topic)
TOPIC_PREPS = {"about", "against", "over", "into", "toward", "towards", "like"}


def gerund_speaker(verb: Token) -> Range | None:
    """The speaker of a gerund cue after a preposition, which has no subject of its own: the subject of
    the clause it is an adjunct of, in either voice ("X was booed after telling Y", "X angered Y by
    saying"), the object of a verb that judges someone for it ("praised X for saying"), the subject of
    an adjective's clause ("X was aggressive in denouncing", "X stopped short of calling"), the noun an
    adjective describes ("donors intent on deciding"), the owner of a noun ("their strategy of
    attacking") or the subject of a light verb's noun ("X has a history of blaming"), also across a
    phrase such as "in addition to" or "after months of"; None otherwise."""
    doc = verb.doc
    adjunct = gerund_adjunct(verb)
    if adjunct is None:
        return None
    prep, gov = adjunct
    while gov.pos_ == "NOUN" and gov.dep_ == "pobj" and gov.head.dep_ == "prep" and not any(
            c.dep_ in ("det", "poss") for c in gov.children):
        prep, gov = gov.head, gov.head.head  # "In addition to stating", "After months of refusing"
    if gov.pos_ in VERB_POS and gov.dep_ != "amod":
        if prep.lower_ in TOPIC_PREPS:
            return None
        if prep.lower_ in OBJECT_CONTROL_PREPS:
            obj = next((c for c in gov.children if c.dep_ in OBJ and c.i < prep.i), None)
            if obj is not None:
                return party(doc, *phrase(obj), verb.idx) if obj.pos_ in NOUN_POS else None
        return _clause_subject(gov, verb)
    if gov.pos_ in ("ADJ", "ADV") or gov.dep_ == "amod":
        if gov.dep_ in ("amod", "acl") and gov.head.pos_ in NOUN_POS and gov.head.i == gov.i - 1:
            return party(doc, *np_before(gov.head, gov.i), verb.idx)  # "donors intent on deciding"
        if gov.dep_ in ("acomp", "attr", "advmod", "oprd", "xcomp") and gov.head.pos_ in VERB_POS:
            return _clause_subject(gov.head, verb)
        return None
    if gov.pos_ == "NOUN":
        owner = next((c for c in gov.children if c.dep_ == "poss"), None)
        if owner is not None:
            return party(doc, *phrase(owner), verb.idx)  # "their strategy of attacking"
        if gov.dep_ in OBJ and gov.head.lemma_.lower() in HABIT_VERBS and gov.head.i < gov.i:
            return _clause_subject(gov.head, verb)
    return None


def gerund_adjunct(verb: Token) -> tuple[Token, Token] | None:
    """(preposition, the word it hangs on) of a gerund with no subject of its own after a preposition
    ("after telling", "of blaming"; a conjoined one "after dismissing X and calling Y" by the first), else None."""
    verb = first_gerund(verb)
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.dep_ != "prep" or has_child(verb, ANY_SUBJ):
        return None
    return prep, prep.head


def _clause_subject(gov: Token, verb: Token) -> Range | None:
    """The surface subject of the clause `gov` heads (an active or a passive one), through a relative
    pronoun to the noun before it; None for an expletive or no subject."""
    voice, subj = subject_of(gov)
    if subj is None or subj.dep_ in EXPL or subj.lower_ in ("it", "there") and voice == "passive":
        return None
    if subj.lower_ in REL_PRON:
        rel = subj.head
        return party(gov.doc, *np_before(rel.head, subj.i + 1), verb.idx) if rel.dep_ == "relcl" else None
    return party(gov.doc, *phrase(subj), verb.idx)


# verbs that bring their object to act: "led X to declare", "forced X to announce" (not "urged X to
# say", which is the urger's, nor "used an expletive to describe", "spent time talking")
CAUSATIVE = {"lead", "prompt", "force", "allow", "push", "spur", "drive", "compel", "inspire", "move", "cause",
             "get", "help", "enable"}


def object_controller(verb: Token) -> Token | None:
    """The object an infinitive cue's verb acts on, who then speaks: "The victory led the chairman
    to declare ...", "the leak forced her to announce ...": the chairman, her (not the victory)."""
    if verb.dep_ != "xcomp" or verb.head.i > verb.i or verb.head.lemma_.lower() not in CAUSATIVE:
        return None
    obj = next((c for c in verb.head.children if c.dep_ in OBJ and c.i < verb.i), None)
    if obj is None or obj.pos_ not in NOUN_POS or obj.lower_ in ("it", "this", "that"):
        return None
    return obj


def _source_of(verb: Token) -> Range | None:
    doc = verb.doc
    ctrl = object_controller(verb)
    if ctrl is not None:
        return party(doc, *phrase(ctrl), verb.idx)
    noun = verbless_root(verb)
    if noun is not None:  # (without the adverbial the parse hung on the noun: "For more than an hour, ")
        start = min([c.left_edge.i for c in noun.lefts if c.dep_ not in ("prep", "punct", "npadvmod")] + [noun.i])
        return party(doc, start, np_before(noun, verb.left_edge.i)[1], verb.idx)
    voice, subj = subject_of(verb)
    if voice == "active":
        if subj.lower_ in REL_PRON and verb.dep_ == "relcl":
            sender = publisher(verb.head, verb)
            if sender is not None:  # "the campaign released a video that said ...": the campaign speaks
                return sender
            named = appositive_owner(verb.head) if subj.lower_ == "who" else None
            if named is not None:  # "said X, a lawyer for the victims' families, who accused Y": X
                return party(doc, *np_before(named, named.i + 1), verb.idx)
            return party(doc, *np_before(verb.head, subj.i + 1), verb.idx)  # "Chris Christie, who"
        rel = subj.head
        if subj.lower_ in REL_PRON and rel.dep_ == "relcl" and rel.i != verb.i and rel.head.pos_ in NOUN_POS:
            return party(doc, *np_before(rel.head, subj.i + 1), verb.idx)  # "X, who endorsed Y and said ..."
        return party(doc, *phrase(subj), verb.idx)
    agent = agent_of(verb)
    if agent is not None:
        return party(doc, *agent_phrase(agent), verb.idx)
    if voice == "none" and verb.dep_ == "acl" and verb.head.pos_ in NOUN_POS:
        noun = verb.head
        owned = any(c.dep_ in ("poss", "compound") and (c.pos_ == "PRON" or c.ent_type_ == "PERSON")
                    for c in noun.children)
        if noun.pos_ == "NOUN" and not noun.ent_type_ and noun.dep_ in OBJ and verb.tag_ == "VBG" and not owned:
            # not "describing a Trump tweet attacking X": the tweet's owner speaks, not who describes it
            voice2, sender = subject_of(noun.head)
            if voice2 == "active":  # "the campaign sent out a release saying ...": the sender speaks
                return party(doc, *phrase(sender), verb.idx)
        if verb.tag_ == "VBG" and verb.i > 0 and noun.dep_ in ("pobj", "dobj") and (
                doc[verb.i - 1].text == "," or noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB"
                and noun.ent_type_ != "PERSON"):
            # "X posted on Twitter(,) accusing Y", "X released a statement, saying": X, not Twitter
            clause = noun.head.head if noun.dep_ == "pobj" else noun.head
            voice3, actor = subject_of(clause)
            if voice3 == "active" and actor is not None:  # "X posted on Twitter, accusing Y": X, not Twitter
                return party(doc, *phrase(actor), verb.idx)
        spend = spent_on(noun) if verb.tag_ == "VBG" else None
        if spend is not None:  # "X spent much of his speech defending Y": X, not the speech
            return _clause_subject(spend, verb)
        gov = aim_governor(verb)
        if gov is not None:
            doer = _clause_subject(gov, verb)
            if doer is not None:  # "X mounted a campaign to condemn Y", "X has a chance to show": X's aim
                return doer
        return party(doc, *np_before(noun, verb.left_edge.i), verb.idx)  # "with the company blaming China"
    return None


def appositive_owner(noun: Token) -> Token | None:
    """The name a "who" clause is about when the parse hung it on a common noun inside that name's
    apposition ("Amira Haddad, a lawyer for the victims' families, who ...": Haddad, not the
    families); None for a name ("a friend of John Smith, who": Smith) or no such apposition."""
    if noun.pos_ == "PROPN" or noun.ent_type_:
        return None
    tok = noun
    for _ in range(4):
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            return tok.head
        if tok.dep_ not in ("pobj", "prep", "poss", "compound"):
            return None
        tok = tok.head
    return None


def verbless_root(verb: Token) -> Token | None:
    """The noun the parse made its sentence's root, when the cue hangs on it as a participle
    although the sentence has no other verb to be its main one ("the former president, Joaquín
    Larrea, railed against the court": the president rails); else None."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or noun.dep_ != "ROOT" or noun.pos_ not in NOUN_POS \
            or noun.i > verb.i or has_child(verb, AUX | ANY_SUBJ | {"agent"}) or verb.doc[verb.i - 1].text != ",":
        return None
    return noun


# verbs that put out a text in their subject's name: "issued a statement that", "ran a piece that"
PUBLISHING_VERBS = frozenset({"issue", "release", "publish", "post", "run", "send", "air", "put", "add", "write",
                              "tweet", "pen", "share", "unveil", "distribute", "circulate", "launch"})


def publisher(noun: Token, verb: Token) -> Range | None:
    """Who put out the text a relative clause's cue reports from: the active subject of the verb that
    issued it ("The campaign released a video that said ...": the campaign); None for a text that is
    someone's own ("her statement that said") or a noun not put out by a publishing verb."""
    gov = noun.head
    if noun.pos_ != "NOUN" or noun.ent_type_ or noun.dep_ not in OBJ or gov.i > noun.i:
        return None
    if gov.lemma_.lower() not in PUBLISHING_VERBS or any(c.dep_ == "poss" for c in noun.children):
        return None
    voice, subj = subject_of(gov)
    if voice != "active" or subj is None or subj.lower_ in ("it", "there"):
        return None
    return _clause_subject(gov, verb)


def aim_governor(verb: Token) -> Token | None:
    """The verb whose subject an infinitive on a noun is the aim of: "X mounted a campaign to condemn
    Y", "X has a chance to show", "X acted in a bid to persuade Y", "they will be under pressure to
    pledge"; not a noun with an owner ("Y's plan to ban", "whose plan to"), nor an expletive's
    clause ("it is no exaggeration to call")."""
    noun = verb.head
    if verb.tag_ != "VB" or verb.dep_ != "acl" or has_child(noun, {"poss"}):
        return None
    if noun.dep_ == "dobj":
        gov = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        gov = noun.head.head
    else:
        return None
    if gov.pos_ not in VERB_POS or has_child(gov, EXPL) or any(c.dep_ in SUBJ and c.lower_ in ("it", "there") for c in gov.children):
        return None
    return gov


# verbs whose object is the time a gerund after it fills: "spent much of his speech defending Y"
TIME_VERBS = frozenset({"spend"})


def spent_on(noun: Token) -> Token | None:
    """The active verb of spending whose object holds `noun` ("spent much of his speech", "spent the
    bulk of the hour"): the parser hangs the gerund that follows on the time, not on the verb."""
    for _ in range(3):
        if noun.dep_ in ("dobj", "npadvmod") and noun.head.lemma_.lower() in TIME_VERBS and noun.head.pos_ == "VERB":
            voice, _subj = subject_of(noun.head)
            return noun.head if voice == "active" else None
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        noun = noun.head.head
    return None


def claim_noun_parties(noun: Token) -> Token | None:
    """The party of a nominal claim: "Microsoft's claim", "US accusations"."""
    for c in noun.children:
        if c.dep_ in ("poss",) or (c.dep_ in SOURCE_POSS and c.pos_ == "PROPN") or (
                c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")):
            return c
    return None


def actor_kind(doc: Doc, rng: Range) -> str | None:
    """The kind of the actor news_actors made of the name ("company" for "Acme Appliances"), or None."""
    actor = party_actor(doc, rng)
    return next((a.get("kind") for a in doc._.actors or () if a.get("id") == actor), None) if actor else None


def named_maker(noun: Token) -> Token | None:
    """The name after a claim noun's own "by", "from" or "of" ("claims by the Sunday Chronicle", "reports
    from Moscow", "the findings of De Nederlandsche Bank"), or None: who made a claim (not "reports
    from the region", "claims by phone", "claims of abuse")."""
    maker = next((child(c, POBJ) for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
    return maker if maker is not None and _a_name(maker) else None


def _a_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def accusation_party(noun: Token) -> Token | None:
    """Who accuses in a nominal accusation: "US accusations", "Microsoft's allegations", "accusations
    (made) by X"."""
    p = claim_noun_parties(noun)
    if p is not None:
        return p
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            return child(c, POBJ)
    verb = noun.head
    if noun.dep_ == "dobj" and not has_child(verb, {"auxpass", "nsubjpass"}):
        # "denied all accusations against it by X": an active verb has no agent, the "by" is the noun's
        by = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i), None)
        maker = child(by, POBJ) if by is not None else None
        if maker is not None and _a_name(maker):
            return maker  # a name: not "denied the charges by phone"
    return maker_of(noun)


MAKING_VERBS = {"make", "level", "raise", "bring", "lodge", "file"}
# ... and the verbs whose subject makes the claim noun they take as object ("offered a scathing
# criticism of X", "made accusations against Y", "issued a rebuke of Z")
VOICING_VERBS = MAKING_VERBS - {"bring"} | {"offer", "deliver", "issue", "voice", "express", "launch", "air", "unleash", "publish",
                                "pen", "write"}


def maker_of(noun: Token) -> Token | None:
    """"the accusations made / levelled by X", "X made accusations against Y", "X offered a criticism
    of Y": X (not when the verb is negated or modal: "did not make any accusation", "might bring")."""
    for c in noun.children:
        if c.dep_ == "acl" and c.lemma_.lower() in MAKING_VERBS:
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            if agent is not None:
                return child(agent, POBJ)
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in VOICING_VERBS and verb.pos_ in VERB_POS and verb.i < noun.i \
            and not has_child(verb, NEG) and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        subj = child(verb, {"nsubj"})  # its own subject ("in making the case against Y": no one named)
        if subj is not None:
            if subj.lower_ in REL_PRON:
                return verb.head if verb.dep_ == "relcl" and verb.head.i < subj.i else None
            return subj
    return None


def wrongdoing_in(head: Token, lex: Lexicon) -> tuple[Token, bool] | None:
    """(culprit token, negated) when a content clause alleges wrongdoing by someone: "Hafnium had
    tried to steal", "the country was not behind the hack"."""
    v, negated = head, False
    for _ in range(3):
        negated = negated or has_child(v, NEG)
        lemma = v.lemma_.lower()
        hit = lemma in lex.wrongdoing and v.pos_ == "VERB"
        if lemma in lex.wrongdoing_objects:
            hit = hit and any(c.dep_ in OBJ and c.lemma_.lower() in lex.incident_nouns for c in v.children)
        phr = lex.wrongdoing_phrases.get(lemma)
        if phr and any(c.lower_ in phr for c in v.children):
            hit = True
        if hit:
            voice, subj = subject_of(v)
            if voice == "active" and subj is not None:
                return subj, negated
            agent = agent_of(v)
            if agent is not None:
                return agent, negated
            return None
        nxt = children(v, XCOMP) if lemma in lex.attempt else []
        if not nxt:
            return None
        v = nxt[0]
    return None
