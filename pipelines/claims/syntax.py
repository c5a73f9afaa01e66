"""The parse-tree side of news_claims: dependency-label sets as named constants and the helpers
that walk a spaCy parse (a token's phrase, its subject, its agent, its first child with a label).
No lexicon and no offsets here: the stages (cues, content, sources) build on these."""
from __future__ import annotations

from spacy.tokens import Span, Token

# dependency-label sets
SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
EXPL = {"expl"}
CLAUSE = {"ccomp"}
OBJ = {"dobj", "obj"}
ANY_SUBJ = SUBJ | PASS_SUBJ | EXPL
POBJ = {"pobj"}
NEG = {"neg"}
XCOMP = {"xcomp"}
AUX = {"aux", "auxpass"}
PREP_OBJ = {"pobj", "pcomp"}
UP_FOR_SUBJ = {"conj", "xcomp", "advcl", "pcomp", "prep"}  # "... and said", "went on to say", "adding that": the head's subject
INVERTED = {"ccomp", "parataxis", "advcl", "conj"}  # "Y, X said": the cue hangs on the content's head
POSTPOSED_SUBJ = {"dobj", "npadvmod", "attr", "dep", "oprd", "appos"}  # "“Y,” said X" with X misparsed
APPOS_OPENERS = {"det", "nummod", "amod", "compound"}  # the first word of a trailing apposition
OBJECT_PREDICATE = {"prep", "oprd", "xcomp", "dative"}  # what follows an object cue's object: "as a liar", "for lying"
SOURCE_POSS = {"poss", "compound", "amod", "nmod"}
# part-of-speech and tag sets; closed-class words
FINITE = {"VBD", "VBZ", "VBP"}
NOUN_POS = {"NOUN", "PROPN", "PRON"}
VERB_POS = {"VERB", "AUX"}
REL_PRON = {"who", "that", "which", "whom"}
TIME_ENTS = {"DATE", "TIME"}  # entity labels of when, never who: "on Tuesday"
SAY_TELL = {"say", "tell"}  # the plain verbs of speech


def children(tok: Token, deps: set[str]) -> list[Token]:
    """The token's children with one of the labels, in order."""
    return [c for c in tok.children if c.dep_ in deps]


def child(tok: Token, deps: set[str]) -> Token | None:
    """The token's first child with one of the labels."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def has_child(tok: Token, deps: set[str]) -> bool:
    return any(c.dep_ in deps for c in tok.children)


def phrase(tok: Token) -> tuple[int, int]:
    """A noun's phrase with its appositions and modifiers: its subtree."""
    return tok.left_edge.i, tok.right_edge.i + 1


def accused_np(tok: Token) -> tuple[int, int]:
    """The accused without the charge: "the Chinese government" of "the Chinese government of espionage",
    "a court ruling" of "a court ruling declaring the ban unconstitutional" (a participle or relative
    clause says what the accused did, it is not the accused; "the move announced by X" keeps its maker)."""
    end = tok.right_edge.i + 1
    for c in tok.children:
        if c.i > tok.i and (c.dep_ == "prep" and c.lower_ in ("of", "for", "over", "in")
                            or c.dep_ in ("acl", "relcl") and not has_child(c, {"agent"})):  # "a move announced by X": X's
            end = min(end, c.left_edge.i if c.dep_ == "relcl" else c.i)
        elif bare_appositive(c):
            cut = c.left_edge.i  # "called X an enemy", parsed as an apposition: what X is called
            while cut > tok.i + 1 and tok.doc[cut - 1].is_punct:
                cut -= 1  # (and the marks before it: "X, 'a puppet'")
            end = min(end, cut)
    return tok.left_edge.i, end


def relative_antecedent(span: Span) -> Token | None:
    """The noun a lone relative pronoun stands for ("Big Machine, which was bought": Big Machine),
    when the pronoun opens a relative clause of a noun before it; else None."""
    head = span.root
    if len(span) == 1 and head.lower_ in REL_PRON and head.head.dep_ == "relcl" and head.head.head.i < head.i:
        return head.head.head
    return None


def named_apposition(tok: Token) -> Token | None:
    """The proper name in apposition to a description ("the state's attorney general, Bernard
    Ocampo"), also one the parse made a conjunct after a comma, the "and" before the description
    ("Korvex Motors and its auditor, Pell & Carter"); or None. Not of a name ("Smith, Jones")."""
    if tok.pos_ == "PROPN":
        return None
    found = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    after = tok.right_edge.i + 1
    if found is None and tok.pos_ == "NOUN" and after < len(tok.doc):
        name = tok.doc[after]
        while name.head.i > name.i and name.head.i - after < 4 and name.dep_ in ("compound", "flat"):
            name = name.head
        if name.pos_ == "PROPN" and name.head.i == tok.head.i and name.dep_ == tok.dep_ and tok.dep_ != "conj":
            return name  # "denounced the newspaper O Diário Paulista", parsed as two objects
    if found is not None or tok.dep_ != "conj" or not any(
            c.dep_ == "cc" and tok.head.i < c.i < tok.i for c in tok.head.children):
        return found
    name = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > tok.i), None)
    if name is None or tok.doc[name.left_edge.i - 1].text != "," or any(
            c.dep_ == "cc" and tok.i < c.i < name.i for c in tok.children):
        return None
    return name


QUOTES = set("\"'“”‘’")


def bare_appositive(noun: Token) -> bool:
    """An "a" / "an" apposition right after its head, no comma between ("X an enemy of peace"), or
    one in quotation marks ("X, 'a puppet of the oligarchs'"): what the small model makes of the
    predicate of "called X an enemy"."""
    between = noun.doc[noun.head.i + 1:noun.left_edge.i]
    quoted = len(between) > 0 and all(t.text in QUOTES or t.text == "," for t in between) \
        and any(t.text in QUOTES for t in between)  # "called his rival, X, 'a puppet of ...'"
    return (noun.dep_ == "appos" and (noun.left_edge.i == noun.head.i + 1 or quoted)
            and noun.doc[noun.left_edge.i].lower_ in ("a", "an"))


def np_before(tok: Token, stop: int) -> tuple[int, int]:
    """The phrase of `tok` cut before token `stop` (a relative clause or participle that holds the cue)."""
    return tok.left_edge.i, min(tok.right_edge.i + 1, stop)


def party_np(tok: Token) -> tuple[int, int]:
    """A party's phrase without the relative clause that says more of it ("the minister, Arjun Sethi,
    who said ..." -> "the minister, Arjun Sethi")."""
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    rel = next((c for c in tok.children if c.dep_ == "relcl" and c.i > tok.i), None)
    if rel is not None:
        end = rel.left_edge.i
        while end > tok.i + 1 and tok.doc[end - 1].is_punct:
            end -= 1
    return start, end


def subject_of(verb: Token) -> tuple[str, Token | None]:
    """('active'|'passive'|'none', subject token) of a verb, following conjuncts/xcomps up to their head.
    A reduced participle ("Asked about X, he said", "a report released by Y") is passive with no
    subject of its own; `addressed_participle` says when such an opening leaves a report no speaker."""
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not has_child(verb, AUX) or (
            verb.tag_ == "VBD" and verb.dep_ == "advcl" and verb.i == verb.sent.start and not has_child(verb, ANY_SUBJ | AUX)):
        return "passive", None  # "Asked about X, he said ...": the asked one is not the asker (also tagged VBD)
    v, shared = verb, False
    for _ in range(5):
        for c in v.children:
            if c.dep_ in SUBJ:
                return "active", nearest_subject(v, c)
            if c.dep_ in PASS_SUBJ and perfect_read_as_passive(v, c):
                return "active", c  # "he's said he will fight": "'s" is "has"
            if c.dep_ in PASS_SUBJ and shared and c.lower_ not in ("it", "there"):
                return "active", c  # "X was forced to retreat and said ...": X says, in the active voice
            if c.dep_ in PASS_SUBJ or c.dep_ in EXPL:
                return "passive", c
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and v.head.head.tag_ == v.tag_ and v.head.head.i < v.head.i:
            v = v.head.head  # "she said it was early but added ...": the parse hung "added" on the clause
        elif v.dep_ == "conj" and v.tag_ in FINITE and v.head.i < v.i and not has_child(v, {"auxpass"}) and (
                v.i == verb.i or shared):
            v, shared = v.head, True  # an active finite conjunct shares its first conjunct's subject
        elif v.dep_ in UP_FOR_SUBJ and v.head.i != v.i and not (
                v.dep_ == "xcomp" and (v.head.pos_ in ("AUX", "ADJ") or v.head.lemma_ == "be")):
            v = v.head
        else:
            break
    return "none", None


def nearest_subject(verb: Token, first: Token) -> Token:
    """Of two subjects the parser gave one verb ("LONDON (Reuters) - X said", "Absent Y's plan, X
    pointed to"), the one nearest before the verb: the words before it are a dateline or a fronted phrase."""
    before = [c for c in verb.children if c.dep_ in SUBJ and c.i < verb.i]
    return before[-1] if len(before) > 1 else first


def perfect_read_as_passive(verb: Token, subj: Token) -> bool:
    """"he's said he will fight", "she's called him a liar", "who's accused X of": the parser read the
    "'s" of "has" as "is" and made a passive of a verb that has an object or a clause of its own
    (not "it's said that", "he's said to be": no object)."""
    return subj.lower_ not in ("it", "there", "this", "that") and any(
        a.dep_ == "auxpass" and a.lower_ in ("'s", "\u2019s") for a in verb.children) and not has_child(verb, {"agent"}) and (
        verb.tag_ == "VBD" or has_child(verb, OBJ | CLAUSE))


def addressed_participle(tok: Token) -> bool:
    """"Asked about the plan, the mayor said ...", "Pressed on the figures, ...": a past participle
    opening its sentence with no subject, auxiliary or agent of its own. The main clause's subject
    is the one addressed, not the one who speaks, so the report has no speaker. Not the same test as
    `subject_of`'s passive participle, on purpose: that one gives the voice of any reduced participle,
    a by-agent included ("Asked by Jane Doe whether ..., he said": Doe asked, the agent speaks), and
    not a heading's participle parsed as the root ("Announced March 23"); on PolNeAR train the two
    differ on 24 report cues, so one cannot stand for the other without changing speakers."""
    return tok.dep_ in ("advcl", "xcomp", "ROOT") and tok.i == tok.sent.start and bare_participle(tok)


QUESTIONING_VERBS = frozenset({"ask", "press", "question", "quiz"})  # who is asked does not ask


def questioned_participle(tok: Token) -> bool:
    """"When asked whom she supported, X said ...", "X said, asked about the delay", "When later pressed
    about Y, X rejected ...": a reduced participle of a verb of questioning anywhere in its sentence,
    with no subject, auxiliary or agent of its own: the main clause's subject was asked, nobody named
    asks (PolNeAR train: 4 such reports given the one asked, none annotated with a source)."""
    return tok.lemma_.lower() in QUESTIONING_VERBS and tok.dep_ in ("advcl", "xcomp") and bare_participle(tok)


# what a participle of its own clause has, and a reduced one lacks
OWN_ARGUMENT_DEPS = AUX | {"agent", "nsubj", "nsubjpass"}


def bare_participle(tok: Token) -> bool:
    """A past participle (or one tagged a past tense) with no subject, auxiliary or agent of its own:
    the reduced clause of `addressed_participle` and `questioned_participle`."""
    return tok.tag_ in ("VBN", "VBD") and not any(c.dep_ in OWN_ARGUMENT_DEPS for c in tok.children)


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def prep_object(verb: Token, prep: str) -> Token | None:
    """The object of the first `prep` attached to the verb or to a noun/prep below it (not in a clause)."""
    for tok in verb.doc[verb.i + 1: verb.right_edge.i + 1]:
        if tok.lower_ != prep or tok.dep_ not in ("prep", "dative", "agent"):
            continue
        h = tok.head
        while h.i != verb.i and h.pos_ not in VERB_POS and h.dep_ not in ("relcl", "acl", "ccomp") and h.head.i != h.i:
            h = h.head
        if h.i == verb.i:
            return child(tok, PREP_OBJ)
    return None


def right_object(verb: Token) -> tuple[int, int] | None:
    """From the verb's first object or complement to the end of its phrase ("the government of espionage")."""
    deps = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "advmod", "cc", "conj", "npadvmod", "agent")
            and not (c.dep_ == "prep" and c.lower_ == "with")]
    if not deps:
        return None
    last = max(c.right_edge.i for c in deps)
    return deps[0].left_edge.i, last + 1
