"""Coreference for news_actors: definite nominals ("the company", "the tech giant") and referential
subject pronouns ("It told customers") resolve to the latest compatible actor, by recency,
grammatical role and kind, in one walk over the document."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from .lexicon import ActorLexicon
from .table import ActorTable, DocView

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
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
    "him": PRONOUN_KINDS["he"], "them": PRONOUN_KINDS["they"],
}
OBJECT_DEPS = {"dobj", "pobj", "dative"}
QUOTE_MARKS = "\u201c\u201d\""
SENTENCE_WINDOW = {"pronoun": 2, "nominal": 4}
# what a document says of a person's gender: a gendered honorific before the name, a pronoun resolved to them
GENDERED = {"m": {"he", "him", "mr", "mr.", "sir", "lord", "king", "prince"},
            "f": {"she", "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess"}}
OPPOSITE = {"m": "f", "f": "m"}
HONORIFIC_VOTES = 10
GENDERED_PRONOUNS = {"m": {"he", "him"}, "f": {"she"}}
SPEECH_TAG_LEMMAS = {"say", "tell", "add", "write", "explain", "insist", "note", "recall", "ask", "continue", "argue",
                     "tweet", "declare", "reply", "respond", "warn"}
FIRST_PERSON_KINDS = {"i": {"person", "official"},
                      "we": {"company", "organisation", "government_body", "media", "state", "group"}}
OPENING_MARKS, CLOSING_MARKS = ("\u201c", '"'), ("\u201d", '"')
TAG_REACH = 8  # tokens after a closing quote mark where its speech tag may stand
EXPLETIVE_HEADS = {"seem", "appear", "happen", "take", "matter"}

Seen = list[tuple[int, str, bool]]  # the mentions walked so far: sentence, actor, is subject


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
    gender: dict[str, Counter] = {}

    def remember(s: int, e: int, aid: str) -> None:
        for g, words in GENDERED.items():
            if e - s == 1 and doc[s].lower_ in GENDERED_PRONOUNS[g]:  # a pronoun resolved: one vote
                gender.setdefault(aid, Counter())[g] += 1
            elif doc[s].lower_ in words or (s > 0 and doc[s - 1].lower_ in words):  # an honorific outweighs them
                gender.setdefault(aid, Counter())[g] += HONORIFIC_VOTES
        root = doc[s:e].root
        subj = root.dep_ in SUBJECT_DEPS or (root.dep_ in {"conj", "appos"} and root.head.dep_ in SUBJECT_DEPS) \
            or _before_finite_verb(doc, e)
        parent = table.actors[aid].get("part_of")
        if parent and parent in table.actors and table.actors[aid]["kind"] == "organisation":
            seen.append((doc.sent_of[s], parent, subj))  # MSTIC speaks for Microsoft
        seen.append((doc.sent_of[s], aid, subj))

    for tok in doc.tokens:
        for s, e, aid, _ in starts.get(tok.i, ()):
            remember(s, e, aid)
        if tok.i in covered:
            continue
        found = None
        if nominals and tok.pos_ == "NOUN" and tok.lemma_ in lex.nominal_kinds:
            found = _nominal(doc, lex, table, tok, seen)
        elif pronouns and tok.lower_ in PRONOUN_KINDS and tok.dep_ in SUBJECT_DEPS:
            found = _pronoun(doc, lex, table, tok, _agreeing(seen, gender, tok.lower_))
        elif pronouns and tok.lower_ in OTHER_PRONOUN_KINDS and tok.dep_ in OBJECT_DEPS:
            found = _object_pronoun(doc, table, tok, _agreeing(seen, gender, tok.lower_))
        if found:
            start, aid, label = found
            mentions.add(start, tok.i + 1, aid, label)
            covered.update(range(start, tok.i + 1))
            remember(start, tok.i + 1, aid)
    if pronouns:
        quoted_speakers(doc, table)


def _agreeing(seen: Seen, gender: dict[str, Counter], word: str) -> Seen:
    """The mentions a pronoun may take: no "she" for a man the document calls Mr, or "he" at least
    twice more often than "she" (one wrong resolution does not lock a person's gender)."""
    g = next((g for g, words in GENDERED.items() if word in words), None)
    if g is None:
        return seen
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
    """The latest compatible actor within `window` sentences (only subjects for pronouns)."""
    for k, aid, subj in reversed(seen):
        if k < sent - window:
            break
        if (subj or not subjects) and table.actors[aid]["kind"] in kinds:
            return aid
    return None


def _nominal(doc: DocView, lex: ActorLexicon, table: ActorTable, tok: Token, seen: Seen) -> tuple[int, str, str] | None:
    """ "the company", "The tech giant", "the country": definite, singular, no name inside."""
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
    aid = _pick(table, seen, kinds, sent, SENTENCE_WINDOW["nominal"], subjects=False)
    return (dets[0].i, aid, "NOMINAL") if aid else None


def _pronoun(doc: DocView, lex: ActorLexicon, table: ActorTable, tok: Token, seen: Seen) -> tuple[int, str, str] | None:
    word = tok.lower_
    head = tok.head
    if word == "it" and _expletive(tok):
        return None
    if word == "they" and (tok.dep_ == "nsubjpass" or _is_be(head)):
        return None
    kinds = PRONOUN_KINDS[word]
    if head.lemma_ in lex.denial_verbs:  # "accused the Chinese government ..., something they deny"
        accused = _accused_before(doc, lex, table, tok)
        if accused and table.actors[accused]["kind"] in kinds:
            return tok.i, accused, "PRON"
    aid = _pick(table, seen, kinds, doc.sent_of[tok.i], SENTENCE_WINDOW["pronoun"], subjects=True)
    if aid is None and not _quoted(doc, tok):  # no subject in reach: the one compatible actor, if only one
        aid = _only(table, seen, kinds, doc.sent_of[tok.i], set())
    return (tok.i, aid, "PRON") if aid else None


def _object_pronoun(doc: DocView, table: ActorTable, tok: Token, seen: Seen) -> tuple[int, str, str] | None:
    """ "accused them of", "its spokesman": the one compatible actor within the window, other than
    the subject of the pronoun's own clause ("Swift accused him": him is not Swift)."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if _quoted(doc, tok):
        return None
    own = {aid for s, e, aid, _ in table.mentions.items for c in verb.children
           if c.dep_ in SUBJECT_DEPS and s <= c.i < e}
    aid = _only(table, seen, OTHER_PRONOUN_KINDS[tok.lower_], doc.sent_of[tok.i], own)
    return (tok.i, aid, "PRON") if aid else None


def _quoted(doc: DocView, tok: Token) -> bool:
    """Inside a quotation (an odd number of quote marks before it in its sentence): a speaker's
    "he" or "them" is seldom the one actor named around the quote."""
    first = doc.sents[doc.sent_of[tok.i]][0]
    return sum(t.text in QUOTE_MARKS for t in doc[first:tok.i]) % 2 == 1


def _only(table: ActorTable, seen: Seen, kinds: set[str], sent: int, exclude: set[str]) -> str | None:
    """The single actor of `kinds` mentioned in the pronoun window, else None (two candidates: no guess)."""
    found = {aid for k, aid, _ in seen if k >= sent - SENTENCE_WINDOW["pronoun"]
             and table.actors[aid]["kind"] in kinds and aid not in exclude}
    return found.pop() if len(found) == 1 else None


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
    """ "“I never met him,” Smith said": a first-person subject inside a quotation is the actor of the
    speech tag right after it, or else right before it ("Smith said: “I ..."), when that actor is
    known ("I" a person, "we" an organisation)."""
    text = doc.text
    covered = {i for s, e, _, _ in table.mentions.items for i in range(s, e)}
    for tok in doc.tokens:
        kinds = FIRST_PERSON_KINDS.get(tok.lower_)
        if kinds is None or tok.dep_ not in SUBJECT_DEPS or tok.i in covered:
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
        if aid is not None and table.actors[aid]["kind"] in kinds:
            table.mentions.add(tok.i, tok.i + 1, aid, "PRON")
            covered.add(tok.i)


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
