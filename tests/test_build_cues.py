"""scripts/build_cues.py keeps the hand decisions of pipelines/data/en/cue_overrides.json over what it
derives, so that a rebuild reproduces the committed cue files (the full rebuild needs ../shared and
minutes; these check the step that applies the decisions, and that the committed files agree)."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from pipelines.lexicons import read_entries

ROOT = Path(__file__).resolve().parents[1]
OVERRIDES = ROOT / "pipelines/data/en/cue_overrides.json"


@pytest.fixture(scope="module")
def build_cues():
    spec = importlib.util.spec_from_file_location("build_cues", ROOT / "scripts/build_cues.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_overrides_move_merge_and_add(build_cues):
    derived = [
        {"lemma": "say", "kind": "report", "count": 900, "source": "polnear-train"},
        {"lemma": "slam", "kind": "report", "count": 21, "source": "polnear-train"},
        {"lemma": "charge", "kind": "accuse", "count": 22, "precision": 0.393, "source": "cameo-112"},
        {"lemma": "hold", "kind": "accuse", "with": "responsible", "source": "cameo-112-pattern"},
        {"lemma": "deny", "kind": "deny", "count": 31, "source": "cameo-016"},
    ]
    overrides = {"accuse": [{"lemma": "charge", "sense": "legal"}, {"lemma": "slam", "sense": "verbal", "from": "report"},
                            {"lemma": "scold"}]}
    out = build_cues.apply_overrides(derived, overrides, Counter(slam=21), Counter(slam=28))
    assert [(e["lemma"], e["kind"]) for e in out] == [
        ("say", "report"), ("charge", "accuse"), ("hold", "accuse"), ("slam", "accuse"), ("scold", "accuse"),
        ("deny", "deny")]
    assert out[1] == {"lemma": "charge", "kind": "accuse", "sense": "legal", "count": 22, "precision": 0.393,
                      "source": "cameo-112"}
    assert out[3] == {"lemma": "slam", "kind": "accuse", "sense": "verbal", "count": 21, "precision": 0.75,
                      "source": "polnear-train"}
    assert out[4] == {"lemma": "scold", "kind": "accuse", "source": "hand"}
    assert derived[1]["kind"] == "report"  # the derived list is not edited in place


def test_the_committed_cue_files_keep_every_hand_decision():
    overrides = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    report = {e["lemma"] for e in read_entries("en", ("reporting_verbs.jsonl",))}
    accuse = {e["lemma"]: e for e in read_entries("en", ("accusation_verbs.jsonl",))}
    for o in overrides["accuse"]:
        entry = accuse.get(o["lemma"])
        assert entry is not None, o
        assert all(entry.get(k) == v for k, v in o.items() if k not in ("lemma", "from")), (o, entry)
        if o.get("from") == "report":
            assert o["lemma"] not in report and entry["source"] == "polnear-train"


def test_the_tail_classifier_learns_a_rare_lemma(build_cues):
    # fitted to convergence (L-BFGS): a lemma seen on 10 of 5,000 candidates, 9 of them cues, is taken,
    # and the rest (1 % cues) is not
    examples = [build_cues.TailExample(k, ["kf=verb|for"] + (["lf=verb|vote|for"] if k < 10 else []),
                                       int(k < 9 or k % 100 == 50), "verb", k, None) for k in range(5000)]
    model = build_cues.tail_model(examples)
    assert set(model) == {"threshold", "bias", "weights"}
    frame = model["bias"] + model["weights"].get("kf=verb|for", 0.0)
    assert frame + model["weights"]["lf=verb|vote|for"] > model["threshold"] > frame


def test_the_dense_option_records_its_base_model_and_a_sparse_fallback(build_cues):
    import numpy as np

    rng = np.random.default_rng(0)
    examples = [build_cues.TailExample(k, ["k=noun"], int(k % 4 == 0), "noun", k,
                                       rng.normal(size=8).astype("float32") + (k % 4 == 0)) for k in range(200)]
    model = build_cues.tail_model(examples, "en_test 1.0", 2)
    assert model["dense"]["base_model"] == "en_test 1.0" and model["dense"]["width"] == 2
    assert len(model["dense"]["weights"]) == 8 and min(model["dense"]["weights"]) > 0  # every row says "cue"
    assert set(model["sparse"]) == {"bias", "weights"}
