"""news_claims: reported statements -> claims (first version: "X said (that) Y")."""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from .extensions import actor_at, register_extensions


@Language.factory("news_claims", assigns=["doc._.claims"], default_config={})
def make_claims(nlp: Language, name: str) -> "ClaimExtractor":
    return ClaimExtractor(nlp, name)


def _span(doc: Doc, start: int, end: int) -> dict:
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return {"start": s, "end": e, "text": doc.text[s:e]}


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


class ClaimExtractor(Pipe):
    def __init__(self, nlp: Language, name: str = "news_claims"):
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        try:
            claims = []
            for tok in doc:
                if tok.lemma_ != "say":
                    continue
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                comp = [c for c in tok.children if c.dep_ == "ccomp"]
                if not subj or not comp:
                    continue
                src = _span(doc, *_subtree(subj[0]))
                src["actor"] = actor_at(doc, src["start"], src["end"])
                claims.append({"type": "statement", "source": src, "cue": _span(doc, tok.i, tok.i + 1),
                               "content": _span(doc, *_subtree(comp[0])), "target": None, "quote": False,
                               "hedges": [], "confidence": None, "negated": False,
                               "sentence": _span(doc, tok.sent.start, tok.sent.end)})
            doc._.claims = claims
        except Exception as e:  # noqa: BLE001
            self.get_error_handler()(self.name, self, [doc], e)
        return doc
