"""Coreference for news_actors: definite nominals ("the company", "the tech giant") and referential
subject pronouns ("It told customers") resolve to the latest compatible actor, by recency,
grammatical role and kind, in one walk over the document."""
from __future__ import annotations

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
SENTENCE_WINDOW = {"pronoun": 2, "nominal": 4}
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

    def remember(s: int, e: int, aid: str) -> None:
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
            found = _pronoun(doc, lex, table, tok, seen)
        if found:
            start, aid, label = found
            mentions.add(start, tok.i + 1, aid, label)
            covered.update(range(start, tok.i + 1))
            remember(start, tok.i + 1, aid)


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
    aid = _pick(table, seen, kinds, doc.sent_of[tok.i], SENTENCE_WINDOW["nominal"], subjects=False)
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
    return (tok.i, aid, "PRON") if aid else None


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
