"""Coreference for news_actors: definite nominals ("the company", "the tech giant"), titled
descriptions ("the senator"), members of a body ("Officers"), owned nouns ("the campaign") and
pronouns (subject, object, possessive; first person inside quotations) resolve to a compatible
actor, by recency, grammatical role, kind and gender, in one walk over the document; when two
candidates are equally good, to none."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from . import descriptions
from .lexicon import ActorLexicon
from .table import MODIFIER_DEPS, SUBJECT_DEPS, ActorTable, DocView

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
DEFINITE = {"the", "this"}
PRONOUN_KINDS = {
    "it": {"company", "organisation", "government_body", "media", "state", "threat_actor"},
    "they": {"company", "organisation", "government_body", "media", "state", "threat_actor", "group", "official"},
    "he": {"person", "official"},
    "she": {"person", "official"},
}
# object and possessive pronouns: resolved only when one compatible actor is in reach (no recency guess)
OTHER_PRONOUN_KINDS = {
    "him": PRONOUN_KINDS["he"], "them": PRONOUN_KINDS["they"], "her": PRONOUN_KINDS["she"],
    "it": PRONOUN_KINDS["it"],  # only the accused of an accusation verb with its charge ("X accused it of"): `_object_pronoun`
}
OBJECT_DEPS = {"dobj", "pobj", "dative"}
# possessive determiners ("its spokesman", "his lawyer", "their claims"): resolved as subject pronouns are
POSSESSIVE_KINDS = {"its": PRONOUN_KINDS["it"], "his": PRONOUN_KINDS["he"], "her": PRONOUN_KINDS["she"],
                    "their": PRONOUN_KINDS["they"]}
PERSONAL = {"he", "she", "him", "his", "her"}
PLURAL = {"they", "them", "their"}
THING_PRONOUNS = {"it", "its"}
RELATIVE = {"who", "which", "that"}
OWNER_DEPS = {"poss", "compound", "nmod"}  # "Clinton's campaign", "the Clinton campaign"
QUOTE_MARKS = "\u201c\u201d\""
SENTENCE_WINDOW = {"pronoun": 2, "nominal": 4, "person": 5}  # "person": he/she with no subject in reach
# what a document says of a person's gender: a gendered honorific before the name, a pronoun resolved to them
GENDERED = {"m": {"he", "him", "mr", "mr.", "sir", "lord", "king", "prince"},
            "f": {"she", "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess"}}
OPPOSITE = {"m": "f", "f": "m"}
HONORIFIC_VOTES = 10
GENDERED_PRONOUNS = {"m": {"he", "him", "his"}, "f": {"she", "her"}}  # resolved, each is one vote
PRONOUN_GENDER = {w: g for g, words in GENDERED_PRONOUNS.items() for w in words}
SPEECH_TAG_LEMMAS = {"say", "tell", "add", "write", "explain", "insist", "note", "recall", "ask", "continue", "argue",
                     "tweet", "declare", "reply", "respond", "warn"}
FIRST_PERSON_KINDS = {"i": {"person", "official"},
                      "we": {"company", "organisation", "government_body", "media", "state", "group"}}
FIRST_PERSON_KINDS |= {"my": FIRST_PERSON_KINDS["i"], "our": FIRST_PERSON_KINDS["we"]}  # "“my music,” she said"
FIRST_PERSON_DEPS = SUBJECT_DEPS | {"poss"}
OPENING_MARKS, CLOSING_MARKS = ("\u201c", '"'), ("\u201d", '"')
TAG_REACH = 8  # tokens after a closing quote mark where its speech tag may stand
EXPLETIVE_HEADS = {"seem", "appear", "happen", "take", "matter"}
# "the senator" for "Sen. Graham": a title's abbreviations, and the words that make it another office
TITLE_ABBREVIATIONS = {"sen.": "senator", "gov.": "governor", "rep.": "representative", "pres.": "president"}
OTHER_OFFICE = {"vice", "deputy", "assistant", "associate", "co", "other", "another", "each", "every",
                "former", "then", "late"}  # "the former president" is not the president the document names
TITLE_KINDS = {"official", "person"}

Seen = list[tuple[int, str, bool, bool]]  # the mentions walked so far: sentence, actor, is subject, only modifies


def coreference(doc: DocView, lex: ActorLexicon, table: ActorTable, *, nominals: bool = True,
                pronouns: bool = True) -> None:
    """Walk the document once, keeping the mentions seen so far; resolve each definite nominal
    and referential subject pronoun to the latest compatible one (subjects first)."""
    if not (nominals or pronouns):
        return
    mentions = table.mentions
    starts: dict[int, list[tuple[int, int, str, str]]] = {}
    for m in mentions.items:
        starts.setdefault(m[0], []).append(m)
    covered = set()
    for s, e, _, _ in mentions.items:
        covered.update(range(s, e))
    seen: Seen = []
    gender: dict[str, Counter] = name_genders(lex, table)
    titles = {t for t in lex.titles if " " not in t and not t.endswith(".")}
    actor_at = {i: aid for s, e, aid, _ in mentions.items for i in range(s, e)}
    named = {aid for _, _, aid, label in mentions.items  # a person named (not "US officials"): never "they"
             if label != "OFFICIAL" and table.actors[aid]["kind"] in ("person", "official")}
    profiles = descriptions.profiles(doc, lex, table) if nominals else {}
    owners: list[tuple[int, str, str]] = []  # "X's campaign", "the X campaign" seen so far: sentence, noun, X
    described: dict[str, str] = {}  # "The group, WeCare Coalition,": a nominal's noun -> the actor it was put beside

    def remember(s: int, e: int, aid: str, main_only: bool = False) -> None:
        first, before = doc.tokens[s].lower_, doc.tokens[s - 1].lower_ if s > 0 else None
        for g, words in GENDERED.items():
            if e - s == 1 and first in GENDERED_PRONOUNS[g]:  # a pronoun resolved: one vote
                gender.setdefault(aid, Counter())[g] += 1
            elif first in words or before in words:  # an honorific outweighs them
                gender.setdefault(aid, Counter())[g] += HONORIFIC_VOTES
        root = doc[s:e].root
        subj = root.dep_ in SUBJECT_DEPS or (root.dep_ in {"conj", "appos"} and root.head.dep_ in SUBJECT_DEPS) \
            or _before_finite_verb(doc, e)
        if main_only:  # "X said that the candidate ...": a description in a clause below is no subject for "he"
            subj = descriptions.main_subject(root)
        mod = root.dep_ in MODIFIER_DEPS
        parent = table.actors[aid].get("part_of")
        if parent and parent in table.actors and table.actors[aid]["kind"] == "organisation":
            seen.append((doc.sent_of[s], parent, subj, mod))  # MSTIC speaks for Microsoft
        seen.append((doc.sent_of[s], aid, subj, mod))

    for i, tok in enumerate(doc.tokens):
        for s, e, aid, _ in starts.get(i, ()):
            remember(s, e, aid)
        if i in covered:
            continue
        pos, lower, lemma = tok.pos_, tok.lower_, tok.lemma_  # read once: each read looks the string up
        noun, nominal = pos == "NOUN", pos in ("NOUN", "PROPN")
        if nominals and noun and lemma in lex.owned_nouns:
            owner = next((actor_at[c.i] for c in tok.lefts if c.dep_ in OWNER_DEPS and c.i in actor_at), None)
            if owner is None and tok.dep_ == "dobj":  # "Microsoft released a statement", "X filed a lawsuit"
                owner = next((actor_at[c.i] for c in tok.head.children if c.dep_ == "nsubj" and c.i in actor_at), None)
            if owner is not None:
                owners.append((doc.sent_of[i], lemma, owner))
                continue
        found = None
        if nominals and noun and lemma in lex.owned_nouns:
            found = _owned(doc, tok, owners)
        elif nominals and nominal and lower in lex.member_nouns:
            found = _members(lex, table, tok)
        elif nominals and noun and lower in titles:
            found = _titled(doc, table, tok, seen)
        elif nominals and noun and lemma in lex.nominal_kinds:
            found = _apposed(doc, lex, table, tok, actor_at)
            if found:
                described[lemma] = found[1]
            else:
                found = _nominal(doc, lex, table, tok, seen, described)
        elif pronouns and lower in PRONOUN_KINDS and tok.dep_ in SUBJECT_DEPS:
            main = cataphoric(tok)
            found = _forward(tok, main, actor_at, table, gender) if main is not None else _pronoun(
                doc, lex, table, tok, _agreeing(seen, gender, lower, named), gender)
        elif pronouns and lower in POSSESSIVE_KINDS and tok.tag_ == "PRP$":
            found = _possessive(doc, table, tok, _agreeing(seen, gender, lower, named))
            ruled = _governed(lex, table, tok, found[1]) if found else None
            if ruled is not None:  # "her government" of Estonia's interior minister: Estonia
                mentions.add(tok.i, tok.head.i + 1, ruled, "NOMINAL")
                covered.update(range(tok.i, tok.head.i + 1))
        elif pronouns and lower in OTHER_PRONOUN_KINDS and tok.dep_ in OBJECT_DEPS:
            found = _object_pronoun(doc, lex, table, tok, _agreeing(seen, gender, lower, named))
        by_description = False
        if found is None and nominals and nominal and lower in lex.descriptions.nouns \
                and not _quoted(doc, tok) and not _straight_quoted(doc, tok):
            found = descriptions.resolve(doc, lex, table, tok, seen, profiles, gender, named, _quoted)
            by_description = found is not None
        if found:
            start, aid, label = found
            mentions.add(start, i + 1, aid, label)
            covered.update(range(start, i + 1))
            remember(start, i + 1, aid, main_only=by_description)
    if pronouns:
        quoted_speakers(doc, table)


NAME_VOTES = 3  # a given name says a gender until the document says otherwise (an honorific, pronouns)


def name_genders(lex: ActorLexicon, table: ActorTable) -> dict[str, Counter]:
    """The gender votes of the persons whose first name says it ("Hillary Clinton": she, never "he");
    a thing ("it") is never a person so named, whatever kind the name was given."""
    out: dict[str, Counter] = {}
    for aid, a in table.actors.items():
        words = a["name"].lower().split()[:-1]  # before the surname ("Moderator Andrea Mitchell": Andrea)
        g = next((lex.given_names[w] for w in words if w in lex.given_names), None)
        if g is not None:
            out[aid] = Counter({g: NAME_VOTES})
    return out


def cataphoric(tok: Token) -> Token | None:
    """The name a pronoun may point forward to: the subject of a clause put before its main clause,
    whose subject is a name ("Even as he accused X, Giuliani would not ...": he is Giuliani, not the
    last person named before)."""
    verb = tok.head
    if verb.dep_ != "advcl" or verb.head.i <= verb.i:
        return None
    main = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    return main if main is not None and main.i > tok.i and main.pos_ == "PROPN" else None


def _forward(tok: Token, main: Token, actor_at: dict[int, str], table: ActorTable,
             gender: dict[str, Counter]) -> tuple[int, str, str] | None:
    """The main clause's named subject for a pronoun that points forward, when kind and gender agree;
    else no actor (unsure which)."""
    aid = actor_at.get(main.i)
    word = tok.lower_
    if aid is None or table.actors[aid]["kind"] not in PRONOUN_KINDS[word]:
        return None
    g = PRONOUN_GENDER.get(word)
    votes = gender.get(aid, Counter())
    if g is not None and votes[OPPOSITE[g]] > votes[g]:
        return None
    return tok.i, aid, "PRON"


def _agreeing(seen: Seen, gender: dict[str, Counter], word: str, people: set[str]) -> Seen:
    """The mentions a pronoun may take: "they"/"their" never a named person (an official's "they" is
    an unnamed group: "US officials"), no "she" for a man the document calls Mr, or "he" at least
    twice more often than "she" (one wrong resolution does not lock a person's gender)."""
    if word in PLURAL:  # a named official blocks (he or she may be one of "they") but never wins
        return [(k, aid, subj, mod or aid in people) for k, aid, subj, mod in seen]
    g = PRONOUN_GENDER.get(word)
    if g is None:
        return [m for m in seen if m[1] not in gender] if word in THING_PRONOUNS else seen
    other = OPPOSITE[g]
    return [m for m in seen if m[1] not in gender or gender[m[1]][other] < gender[m[1]][g] + 2]


def _before_finite_verb(doc: DocView, e: int) -> bool:
    """A name right before a finite verb acts as its subject even when a headline or a
    dateline has thrown the parser off ("... GMT\\nMicrosoft also said it ...")."""
    tokens = doc.tokens
    while e < len(tokens) and tokens[e].pos_ == "ADV":
        e += 1
    return e < len(tokens) and tokens[e].tag_ in FINITE_TAGS


def _pick(table: ActorTable, seen: Seen, kinds: set[str], sent: int, window: int, subjects: bool) -> str | None:
    """The latest compatible actor within `window` sentences (only subjects for pronouns; a subject
    that may only block, a named official for "they", stops the search)."""
    for k, aid, subj, blocks in reversed(seen):
        if k < sent - window:
            break
        if (subj or not subjects) and table.actors[aid]["kind"] in kinds:
            return None if subjects and blocks else aid
    return None


def _apposed(doc: DocView, lex: ActorLexicon, table: ActorTable, tok: Token,
             actor_at: dict[int, str]) -> tuple[int, str, str] | None:
    """ "The group, WeCare Coalition, said", "WeCare Coalition, the group behind the letter": a
    definite nominal in apposition to a name of a compatible kind is that actor (and names it for the
    rest of the document: `_nominal`'s later "the group")."""
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if tok.tag_ != "NN" or not dets or dets[0].lower_ not in DEFINITE:
        return None
    names = [c for c in tok.rights if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else [])
    kinds = lex.nominal_kinds[tok.lemma_]
    for name in names:
        aid = actor_at.get(name.i)
        if aid is not None and name.pos_ == "PROPN" and table.actors[aid]["kind"] in kinds:
            return dets[0].i, aid, "NOMINAL"
    return None


def _nominal(doc: DocView, lex: ActorLexicon, table: ActorTable, tok: Token, seen: Seen,
             described: dict[str, str] | None = None) -> tuple[int, str, str] | None:
    """ "the company", "The tech giant", "the country": definite, singular, no name inside; the actor
    the same noun was put beside ("The group, WeCare Coalition,") when it is still in reach ("The
    group said WeWork had reached a deal with JLL. The group added" is neither WeWork nor JLL), else
    the latest compatible one. (Preferring the latest compatible subject was tried: on PolNeAR train
    it lost as many right references as it mended, "the group says" after "according to the
    National Golf Foundation".)"""
    if tok.tag_ != "NN":
        return None
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in DEFINITE:
        return None
    if any(c.pos_ == "PROPN" or c.ent_type_ for c in tok.lefts):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
        return None
    kinds = lex.nominal_kinds[tok.lemma_]
    sent = doc.sent_of[tok.i]
    window = SENTENCE_WINDOW["nominal"]
    bound = (described or {}).get(tok.lemma_)
    if bound is not None and any(aid == bound and k >= sent - window for k, aid, _, _ in seen):
        return dets[0].i, bound, "NOMINAL"
    own = _clause_subjects(table, tok) if tok.dep_ in OBJECT_DEPS else set()
    aid = _pick(table, [m for m in seen if m[1] not in own], kinds, sent, window, subjects=False)
    return (dets[0].i, aid, "NOMINAL") if aid else None


def _clause_subjects(table: ActorTable, tok: Token) -> set[str]:
    """The actors of the subject of the clause an object stands in, which the object is not
    ("Swift accused him"; "De Nederlandsche Bank, which had accused the lender": not the bank
    itself), a relative pronoun standing for the phrase its clause hangs on (every name in it: "the
    Department of Consumer and Worker Protection, which accused it": neither half of the name)."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    spans = []
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE and verb.dep_ == "relcl":
            spans.append((verb.head.left_edge.i, c.i))  # the whole phrase before "which", every name in it
        elif c.dep_ in SUBJECT_DEPS:
            spans.append((c.i, c.i + 1))
    return {aid for s, e, aid, _ in table.mentions.items for a, b in spans if s < b and e > a}


def office(title: str | None) -> str | None:
    """The one-word office of an actor's title ("Sen." -> "senator", "President" -> "president"),
    None for a title of several words ("vice president", "press secretary")."""
    if not title:
        return None
    word = title.lower()
    word = TITLE_ABBREVIATIONS.get(word, word)
    return None if " " in word or "-" in word else word


def _titled(doc: DocView, table: ActorTable, tok: Token, seen: Seen) -> tuple[int, str, str] | None:
    """ "the senator" for "Sen. Lindsey Graham", "the president" for "President Obama": the one actor
    mentioned so far whose title is that office (two of them, or none: no guess); not inside a quotation."""
    if tok.tag_ != "NN" or _quoted(doc, tok):
        return None
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the" or any(c.dep_ == "poss" or c.lower_ in OTHER_OFFICE for c in tok.lefts):
        return None
    if any(c.dep_ == "prep" for c in tok.rights) or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON"):
        return None  # "the president of the club", "the senator John Smith": not a reference back
    found = {aid for _, aid, _, _ in seen if table.actors[aid]["kind"] in TITLE_KINDS
             and office(table.actors[aid].get("title")) == tok.lower_}
    return (dets[0].i, found.pop(), "NOMINAL") if len(found) == 1 else None


def _owned(doc: DocView, tok: Token, owners: list[tuple[int, str, str]]) -> tuple[int, str, str] | None:
    """ "The campaign says" after "the Clinton campaign", "the statement said" after "Microsoft's
    statement": the owner of the latest such noun within the nominal window, when only one owner
    is in reach."""
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if tok.tag_ != "NN" or [c.lower_ for c in tok.lefts] != ["the"] or any(c.dep_ == "prep" for c in tok.rights):
        return None
    sent = doc.sent_of[tok.i]
    found = {aid for k, noun, aid in owners if noun == tok.lemma_ and k >= sent - SENTENCE_WINDOW["nominal"]}
    return (dets[0].i, found.pop(), "NOMINAL") if len(found) == 1 else None


def _members(lex: ActorLexicon, table: ActorTable, tok: Token) -> tuple[int, str, str] | None:
    """ "Officers arrested X", "police said": a bare plural (or "the police") for the members of the
    one body of the document whose name holds a word of its kind ("Columbus Police Department");
    two such bodies, or a modifier ("state police", "officers from Ohio"): no guess."""
    if any(c.dep_ != "det" or c.lower_ != "the" for c in tok.lefts) or any(c.dep_ == "prep" for c in tok.rights):
        return None
    if tok.tag_ not in ("NNS", "NNPS") and tok.lower_ != "police":
        return None
    words = lex.member_nouns[tok.lower_]
    found = {aid for aid, a in table.actors.items() if a["kind"] in ("government_body", "organisation")
             and words & set(a["name"].lower().split())}
    start = min([c.i for c in tok.lefts] + [tok.i])
    return (start, found.pop(), "NOMINAL") if len(found) == 1 else None


def _pronoun(doc: DocView, lex: ActorLexicon, table: ActorTable, tok: Token, seen: Seen,
             gender: dict[str, Counter]) -> tuple[int, str, str] | None:
    word = tok.lower_
    head = tok.head
    if word == "it" and _expletive(tok):
        return None
    if word == "they" and (tok.dep_ == "nsubjpass" or _is_be(head)):
        return None
    if word in ("it", "they") and _quoted(doc, tok):
        return None  # "“They have to face the consequences”": the speaker's words, not the last subject outside
    kinds = PRONOUN_KINDS[word]
    if head.lemma_ in lex.denial_verbs:  # "accused the Chinese government ..., something they deny"
        accused = _accused_before(doc, lex, table, tok)
        if accused and table.actors[accused]["kind"] in kinds:
            return tok.i, accused, "PRON"
    if word == "they" and _plural_subject_between(doc, table, tok, seen):
        return None
    aid = _pick(table, seen, kinds, doc.sent_of[tok.i], SENTENCE_WINDOW["pronoun"], subjects=True)
    if aid is None and not _quoted(doc, tok):  # no subject in reach: the one compatible actor, if only one
        aid = _only(table, seen, kinds, doc.sent_of[tok.i], set())
        if aid is None and word in PERSONAL:  # "She also accused ..." after a quoted paragraph: the one person
            aid = _only(table, seen, kinds, doc.sent_of[tok.i], set(), SENTENCE_WINDOW["person"])  # further back,
            if aid is not None and not _gendered(gender, aid, word):  # when the document says that gender
                aid = None
    return (tok.i, aid, "PRON") if aid else None


def _gendered(gender: dict[str, Counter], aid: str, word: str) -> bool:
    """The document gives the actor the pronoun's gender (an honorific, pronouns resolved to them)."""
    g = PRONOUN_GENDER[word]
    votes = gender.get(aid, Counter())
    return votes[g] > votes[OPPOSITE[g]]


def _plural_subject_between(doc: DocView, table: ActorTable, tok: Token, seen: Seen) -> bool:
    """ "McConnell aides acknowledged ... But they emphasized": a plural common noun as a subject
    between the pronoun and the latest actor subject is the likelier "they"."""
    last = next((m for m in reversed(seen) if m[2]), None)
    first = doc.sents[max(doc.sent_of[tok.i] - 1, 0)][0]
    covered = table.mentions.covered
    for t in doc[first:tok.i]:
        if t.dep_ in SUBJECT_DEPS and t.tag_ in ("NNS", "NNPS") and t.i not in covered and (
                last is None or doc.sent_of[t.i] >= last[0]) and not _quoted(doc, t):
            return True
    return False


def _possessive(doc: DocView, table: ActorTable, tok: Token, seen: Seen) -> tuple[int, str, str] | None:
    """ "its spokesman", "his lawyer", "their claims": the latest compatible subject in reach, else the
    one compatible actor there; never inside a quotation."""
    if _quoted(doc, tok):
        return None
    if tok.lower_ == "their" and _plural_subject_between(doc, table, tok, seen):
        return None  # "hundreds of employees were fired for their part"
    kinds = POSSESSIVE_KINDS[tok.lower_]
    sent = doc.sent_of[tok.i]
    aid = _pick(table, seen, kinds, sent, SENTENCE_WINDOW["pronoun"], subjects=True) \
        or _only(table, seen, kinds, sent, set())
    return (tok.i, aid, "PRON") if aid else None


def _governed(lex: ActorLexicon, table: ActorTable, tok: Token, aid: str) -> str | None:
    """The state of "her government", "its authorities": the possessor's own state, or the state
    the possessor is part of (an official, a ministry); None for any other noun or no such state."""
    if tok.dep_ != "poss" or tok.head.lower_ not in lex.government_nouns or tok.head.i != tok.i + 1:
        return None
    for _ in range(3):
        actor = table.actors.get(aid) or lex.actors.get(aid) or {}
        if actor.get("kind") == "state":
            return aid
        aid = actor.get("part_of")
        if not aid:
            return None
    return None


def _object_pronoun(doc: DocView, lex: ActorLexicon, table: ActorTable, tok: Token,
                    seen: Seen) -> tuple[int, str, str] | None:
    """ "accused them of", "blamed her": the one compatible actor within the window, other than the
    subject of the pronoun's own clause ("Swift accused him": him is not Swift); the object of an
    accusation verb, when several are in reach, the latest compatible subject (the one who can be
    accused: "Big Machine says ... after accusing them of trying to")."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if _quoted(doc, tok) or tok.lower_ == "it" and not (
            tok.dep_ == "dobj" and verb.lemma_ in lex.accusation_verbs
            and any(c.dep_ == "prep" and c.lower_ in ("of", "for", "over") and c.i > tok.i for c in verb.children)):
        return None  # "accused it of", "blamed it for"; any other "it" is as often a thing ("called it reform")
    kinds = OTHER_PRONOUN_KINDS[tok.lower_]
    own = _clause_subjects(table, tok)
    sent = doc.sent_of[tok.i]
    aid = _only(table, seen, kinds, sent, own)
    if aid is None and tok.dep_ == "dobj" and verb.lemma_ in lex.accusation_verbs and tok.lower_ != "it":
        aid = _pick(table, [m for m in seen if m[1] not in own], kinds, sent, 1, subjects=True)
    return (tok.i, aid, "PRON") if aid else None


def _quoted(doc: DocView, tok: Token) -> bool:
    """Inside a quotation: a speaker's "he" or "them" is seldom the one actor named around the quote.
    With curly marks, the paragraph's last mark before the token opens (a quote of several sentences
    ends in the sentence of its tag: "... idling,” it added." is outside); with straight marks, an odd
    number of them before it in its sentence."""
    text = doc.text
    para = text.rfind("\n", 0, tok.idx) + 1
    opened, closed = text.rfind("\u201c", para, tok.idx), text.rfind("\u201d", para, tok.idx)
    if opened >= 0 or closed >= 0:
        return opened > closed
    first = doc.sents[doc.sent_of[tok.i]][0]
    return sum(t.text in QUOTE_MARKS for t in doc[first:tok.i]) % 2 == 1


def _straight_quoted(doc: DocView, tok: Token) -> bool:
    """After an odd number of straight quote marks in its sentence, also where the paragraph has
    curly ones ("... “you are a star!” She replied that it was an "honor to serve the President"")."""
    first = doc.sents[doc.sent_of[tok.i]][0]
    return sum(t.text == '"' for t in doc[first:tok.i]) % 2 == 1


def _only(table: ActorTable, seen: Seen, kinds: set[str], sent: int, exclude: set[str],
          window: int = SENTENCE_WINDOW["pronoun"]) -> str | None:
    """The single actor of `kinds` mentioned in the window as more than a modifier, else None (two
    candidates: no guess)."""
    found: dict[str, bool] = {}  # actor -> mentioned as more than a modifier ("US politicians" blocks, never wins)
    for k, aid, _, mod in seen:
        if k >= sent - window and table.actors[aid]["kind"] in kinds and aid not in exclude:
            found[aid] = found.get(aid, False) or not mod
    return next(iter(found)) if len(found) == 1 and all(found.values()) else None


def _expletive(tok: Token) -> bool:
    """ "it is reported that", "it was essential that", "It's nice to": not a reference."""
    head = tok.head
    deps = {c.dep_ for c in head.children}
    if tok.dep_ == "expl" or head.lemma_ in EXPLETIVE_HEADS:
        return True
    if "auxpass" in deps and "ccomp" in deps:
        return True
    return _is_be(head) and bool(deps & {"acomp", "attr"}) and bool(deps & {"ccomp", "xcomp", "csubj"})


def _accused_before(doc: DocView, lex: ActorLexicon, table: ActorTable, tok: Token) -> str | None:
    """The object of the latest accusation in this or the previous sentence."""
    k = doc.sent_of[tok.i]
    first = doc.sents[max(k - 1, 0)][0]
    for verb in reversed(doc[first:tok.i]):
        if verb.lemma_ in lex.accusation_verbs:
            for obj in verb.children:
                if obj.dep_ == "dobj":
                    for s, e, aid, _ in table.mentions.items:
                        if s <= obj.i < e:
                            return aid
    return None


def _is_be(tok: Token) -> bool:
    return tok.lemma_ == "be" or tok.lower_ in {"'s", "’s", "'re", "’re"}


def quoted_speakers(doc: DocView, table: ActorTable) -> None:
    """ "“I never met him,” Smith said": a first-person subject or possessive inside a quotation is the
    actor of the speech tag right after it, or else right before it ("Smith said: “I ..."), when that
    actor is known ("I" a person, "we" an organisation); in a quoted paragraph with no tag that
    follows one of the same speaker's ("“I want to perform,” she said.\n“I've tried ..."), that speaker's."""
    text = doc.text
    covered = {i for s, e, _, _ in table.mentions.items for i in range(s, e)}
    speakers: dict[int, str] = {}  # paragraph start -> the speaker its first-person words were given
    for tok in doc.having(lower=FIRST_PERSON_KINDS):
        kinds = FIRST_PERSON_KINDS.get(tok.lower_)
        if kinds is None or tok.dep_ not in FIRST_PERSON_DEPS or tok.i in covered:
            continue
        para = text.rfind("\n", 0, tok.idx) + 1
        before = text[para:tok.idx]
        opened = max(before.rfind(q) for q in OPENING_MARKS)
        if opened < 0 or sum(before.count(q) for q in set(OPENING_MARKS + CLOSING_MARKS)) % 2 == 0:
            continue  # not inside a quotation
        ends = [i for i in (text.find(q, tok.idx) for q in CLOSING_MARKS) if i >= 0]
        close = min(ends) if ends else -1
        if close < 0 or "\n" in text[tok.idx:close]:
            continue
        # a tag after the quotation only when its words end in a comma ("“I lied,” she said")
        aid = _tag_actor(doc, table, tok.i, close) if text[close - 1:close] == "," else None
        if aid is None:  # "Smith said: “I never met him”": the tag before the opening mark
            aid = _leading_tag_actor(doc, table, tok.i, para + opened)
        if aid is None and opened == 0:  # a quoted paragraph continuing the paragraph before it
            aid = speakers.get(text.rfind("\n", 0, len(text[:para].rstrip())) + 1)
        if aid is not None and table.actors[aid]["kind"] in kinds:
            table.mentions.add(tok.i, tok.i + 1, aid, "PRON")
            covered.add(tok.i)
            speakers[para] = aid


def _tag_actor(doc: DocView, table: ActorTable, start: int, close: int) -> str | None:
    """The actor of the subject of a speech verb within TAG_REACH tokens after the closing mark."""
    i = start
    while i < len(doc.tokens) and doc.tokens[i].idx <= close:
        i += 1
    for t in doc.tokens[i:i + TAG_REACH]:
        if "\n" in t.text or t.text in OPENING_MARKS:
            return None
        if t.lemma_ in SPEECH_TAG_LEMMAS and t.pos_ == "VERB":
            return _subject_actor(table, t)
    return None


def _leading_tag_actor(doc: DocView, table: ActorTable, start: int, opening: int) -> str | None:
    """The actor of the subject of a speech verb among the TAG_REACH tokens before the opening mark,
    in the same sentence ("Smith told reporters: “I ...")."""
    i = start
    while i > 0 and doc.tokens[i].idx >= opening:
        i -= 1
    for t in reversed(doc.tokens[max(0, i - TAG_REACH + 1):i + 1]):
        if "\n" in t.text or t.text in (".", "?", "!") or t.text in CLOSING_MARKS[:1]:
            return None
        if t.lemma_ in SPEECH_TAG_LEMMAS and t.pos_ == "VERB":
            return _subject_actor(table, t)
    return None


def _subject_actor(table: ActorTable, verb: Token) -> str | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if subj is None else next((aid for s, e, aid, _ in table.mentions.items if s <= subj.i < e), None)
