"""The aeb-dev typed-claim annotation is well formed, and the scorer's matching works (on made-up data)."""
from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from tests.conftest import ROOT, SHARED

GOLD_FILE = ROOT / "benchmarks" / "aeb_claims_gold.jsonl"
TRUTH = SHARED / "eval" / "aeb-dev" / "ground-truth.json"
TYPES = {"accusation", "attribution", "denial"}

_spec = importlib.util.spec_from_file_location("aeb_claims", ROOT / "benchmarks" / "aeb_claims.py")
aeb = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("aeb_claims", aeb)  # dataclasses look their module up there
_spec.loader.exec_module(aeb)


def gold_rows() -> list[dict]:
    return aeb.load_jsonl(GOLD_FILE)


# --- the gold file -------------------------------------------------------------------------------

def test_gold_rows_are_well_formed():
    rows = gold_rows()
    assert rows, "the annotation is empty"
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "a page is annotated twice"
    for row in rows:
        assert set(row) <= {"id", "language", "claims", "skipped"}, row["id"]
        if row.get("skipped"):
            assert row["language"] != "en" and not row.get("claims"), row["id"]
            continue
        assert row["language"] == "en"
        for c in row["claims"]:
            assert set(c) <= {"sentence", "type", "source", "target", "note"}, (row["id"], c)
            start, end = c["sentence"]
            assert 0 <= start < end, (row["id"], c)
            assert c["type"] in TYPES, (row["id"], c)
            for party in ("source", "target"):
                name = c.get(party)
                # short canonical names, never copied sentences
                assert name is None or (isinstance(name, str) and 0 < len(name) <= 40), (row["id"], c)


def test_gold_covers_every_page_and_offsets_fall_inside_the_bodies():
    if not TRUTH.exists():
        pytest.skip(f"{TRUTH} not found: the shared material must lie beside the project")
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    rows = {r["id"]: r for r in gold_rows()}
    assert set(rows) == set(truth), "every page of ground-truth.json is annotated or explicitly skipped"
    for page, row in rows.items():
        body = truth[page]["articleBody"]
        for c in row.get("claims", []):
            start, end = c["sentence"]
            assert end <= len(body), (page, c)
            assert body[start:end].strip() == body[start:end], (page, c, "offsets should not start or end on a space")


# --- locating sentences --------------------------------------------------------------------------

BODY = ("Acme Corp. said on Monday that rivals were behind the outage.\n\nThe  mayor  “rejected” the claims, "
        "calling them false. Prices rose.")


def test_locate_exact_after_normalising_whitespace_and_quotes():
    body = aeb.Body(BODY)
    loc = body.locate('The mayor "rejected" the claims, calling them false.')
    assert loc is not None and loc.exact
    assert BODY[loc.start:loc.end].startswith("The  mayor") and BODY[loc.start:loc.end].endswith("false.")


def test_locate_fuzzy_when_cleaning_lost_a_few_words():
    body = aeb.Body(BODY)
    loc = body.locate("Acme Corp. said that rivals were behind the outage.")
    assert loc is not None and not loc.exact
    assert loc.start == 0 and BODY[loc.end - 7:loc.end] == "outage."


def test_text_absent_from_the_reference_is_not_located():
    body = aeb.Body(BODY)
    assert body.locate("Subscribe to our newsletter for the latest deals every week.") is None


# --- matching ------------------------------------------------------------------------------------

def pred(type_, start, end, source=(), target=(), source_span=False, source_actor=False):
    return aeb.Pred(type_, start, end, "s", frozenset(source), frozenset(target), source_span, source_actor)


def test_matching_needs_overlap_and_the_same_type_and_is_one_to_one():
    golds = [aeb.Gold("accusation", 0, 50, "Acme", "Rivals"), aeb.Gold("denial", 60, 120, "Mayor", None)]
    preds = [pred("accusation", 10, 40), pred("accusation", 5, 45), pred("accusation", 60, 100),
             pred("denial", 130, 150)]
    assert aeb.match(preds, golds) == [(1, 0)]  # the larger overlap wins; one gold, one prediction
    assert aeb.match(preds, golds, typed=False) == [(1, 0), (2, 1)]


def test_names_match_on_aliases_surnames_and_suffixes():
    assert aeb.names_match("Jen Psaki", {"Psaki"})
    assert aeb.names_match("Microsoft", {"Microsoft Corp."})
    assert aeb.names_match("Democrats", {"House Democrats"})
    assert not aeb.names_match("Microsoft", {"Google", "the company"})
    # a long surface span that mentions a name is not that name
    assert not aeb.names_match("Jane Roe", {"the takeover that Jane Roe unveiled last week"})
    assert aeb.names_match(None, set()) and not aeb.names_match(None, {"China"})


def test_edges_are_per_page_merged_and_typed():
    golds = [aeb.Gold("accusation", 0, 50, "Acme", "Rivals"), aeb.Gold("accusation", 60, 90, "Acme", "Rivals"),
             aeb.Gold("denial", 100, 120, "Rivals", "Acme")]
    preds = [pred("accusation", 0, 50, {"Acme Corp."}, {"rivals"}),
             pred("denial", 100, 120, {"rivals"}, {"Mayor"}),   # wrong target
             pred("statement", 60, 90, {"Acme"}, {"Rivals"})]   # statements make no edge
    assert aeb.match_edges(preds, golds) == (2, 1, 2, 1)


def test_tally_figures_and_the_unlocated_claims_apart():
    golds = [aeb.Gold("accusation", 0, 50, "Acme", "Rivals"), aeb.Gold("denial", 60, 120, "Mayor", None)]
    preds = [pred("accusation", 0, 50, {"Acme"}, {"Rivals"}, True, True),
             pred("attribution", 60, 120, {"the mayor"}, (), True, False),
             pred("accusation", -1, -1, (), (), True, False),   # not in the reference text
             pred("statement", 200, 220, (), (), False, False)]
    t = aeb.Tally()
    t.add_page("p", preds, golds)
    c = t.counts
    assert (c["pred_typed"], c["tp"], c["tp_any_type"], c["unlocated"], c["unlocated_typed"]) == (2, 1, 2, 1, 1)
    assert (c["with_source_span"], c["source_span_no_actor"]) == (3, 2)
    # on the sentences of the gold claims only: the two located predictions there
    assert (c["gold_sentence_with_source_span"], c["gold_sentence_source_span_no_actor"]) == (2, 1)
    assert aeb.prf(c["tp"], c["pred_typed"], c["tp"], c["gold"]) == (0.5, 0.5, 0.5)
    assert [g.type for _, g, _ in t.fns] == ["denial"] and [p.type for _, p in t.fps] == ["attribution"]
    assert [p.type for p in t.fns[0][2]] == ["attribution"]  # what was predicted on the missed sentence


def test_predictions_are_located_and_officials_roll_up_to_their_state():
    doc = {"actors": [{"id": "mike-pompeo", "name": "Mike Pompeo", "aliases": ["Pompeo"], "part_of": "united-states"},
                      {"id": "united-states", "name": "United States", "aliases": ["US"], "part_of": None}],
           "claims": [{"type": "accusation", "sentence": {"text": "The  mayor \u201crejected\u201d the claims, calling them false."},
                       "cue": {"text": "rejected"}, "source": {"actor": None, "text": "The mayor"},
                       "target": {"actor": "mike-pompeo", "text": "Pompeo"}},
                      {"type": "statement", "sentence": {"text": "Nothing like this is in the reference."},
                       "source": {"actor": None, "start": None, "end": None, "text": None}, "target": None}]}
    first, second = aeb.preds_of(doc, aeb.Body(BODY))
    assert BODY[first.start:first.end].startswith("The  mayor") and first.cue == "rejected"
    assert first.target == {"Pompeo", "Mike Pompeo", "United States", "US"}
    assert first.source_span and not first.source_actor
    assert not second.located and not second.source_span
    assert aeb.names_match("United States", set(first.target)) and not aeb.names_match("China", set(first.target))
