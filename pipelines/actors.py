"""news_actors: entity mentions -> actors with canonical ids (first version: NER entities only)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .extensions import register_extensions

KINDS = {"ORG": "organisation", "GPE": "state", "PERSON": "person", "NORP": "group"}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@Language.factory("news_actors", assigns=["doc._.actors", "doc._.mentions"], default_config={})
def make_actors(nlp: Language, name: str) -> "ActorResolver":
    return ActorResolver(nlp, name)


class ActorResolver(Pipe):
    def __init__(self, nlp: Language, name: str = "news_actors"):
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        try:
            actors, mentions = {}, []
            for ent in doc.ents:
                kind = KINDS.get(ent.label_)
                if not kind:
                    continue
                aid = slug(ent.text)
                actors.setdefault(aid, {"id": aid, "name": ent.text, "kind": kind, "aliases": [],
                                        "title": None, "part_of": None, "country": None})
                mentions.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text,
                                 "label": ent.label_, "actor": aid})
            doc._.actors, doc._.mentions = list(actors.values()), mentions
        except Exception as e:  # noqa: BLE001 - spaCy's error handler decides
            self.get_error_handler()(self.name, self, [doc], e)
        return doc
