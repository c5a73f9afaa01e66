"""The arrow reader (benchmarks/graph_edges.py): which claims become arrows, how judgements are kept
across reruns, and the precision it prints; on hand-made documents, never corpus text. The judged
file of the repository is checked for form and for carrying no article text."""
from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("graph_edges", ROOT / "benchmarks" / "graph_edges.py")
ge = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("graph_edges", ge)  # dataclasses look their module up there
_spec.loader.exec_module(ge)

TEXT = ("Ms Vale, the interior minister, accused Norland of hacking the grid. Norland denied it. "
        "The ministry praised Norland. Ostia blamed itself.")


def actor(aid, name, kind, part_of=None, title=None):
    return {"id": aid, "name": name, "kind": kind, "aliases": [], "title": title, "part_of": part_of, "country": None}


def party(text, actor_id, shift=0):
    start = TEXT.index(text) + shift
    return {"actor": actor_id, "start": start, "end": start + len(text), "text": text}


def sentence(text, shift=0):
    start = TEXT.index(text) + shift
    return {"start": start, "end": start + len(text), "text": text}


def claim(doc, n, kind, src, tgt, cue, sent, shift=0):
    return {"id": f"{doc}#c{n}", "type": kind, "source": src, "cue": party(cue, None, shift) | {"actor": None},
            "content": party(cue, None, shift), "target": tgt, "quote": False, "hedges": [], "confidence": None,
            "negated": False, "sentence": sentence(sent, shift)}


def document(doc="d1", shift=0):
    """One made-up article: an official's accusation (rolled up to its ministry and state), the
    accused's denial, a statement with a target, a claim onto its own speaker."""
    s1 = "Ms Vale, the interior minister, accused Norland of hacking the grid."
    s2, s3, s4 = "Norland denied it.", "The ministry praised Norland.", "Ostia blamed itself."
    text = " " * shift + TEXT
    claims = [
        claim(doc, 1, "accusation", party("Ms Vale", "vale", shift), party("Norland", "norland", shift), "accused", s1,
              shift),
        claim(doc, 2, "denial", party("Norland", "norland", shift), party("Ms Vale", "vale", shift), "denied", s2, shift),
        claim(doc, 3, "statement", party("The ministry", "interior-ministry", shift), party("Norland", "norland", shift),
              "praised", s3, shift),
        claim(doc, 4, "accusation", party("Ostia", "ostia", shift), party("Ostia", "ostia", shift), "blamed", s4, shift),
    ]
    return {"id": doc, "text": text, "source": None, "published": None, "url": None,
            "actors": [actor("vale", "Anna Vale", "official", "interior-ministry", "interior minister"),
                       actor("interior-ministry", "Interior Ministry", "government_body", "ostia"),
                       actor("ostia", "Ostia", "state"), actor("norland", "Norland", "state")],
            "entities": [], "claims": claims}


def write(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_only_typed_claims_between_two_actors_are_arrows():
    arrows = ge.arrows([document()])
    assert [(a.type, a.source, a.target) for a in arrows] == [
        ("accusation", "Anna Vale", "Norland"), ("denial", "Norland", "Anna Vale")]
    assert arrows[0].start == TEXT.index("Ms Vale") and arrows[0].cue == "accused"


def test_rollup_adds_the_officials_body_and_state():
    arrows = ge.arrows([document()], rollup=True)
    rolled = [(a.source, a.target) for a in arrows if a.rolled_up]
    assert rolled == [("Interior Ministry", "Norland"), ("Ostia", "Norland")]


def test_judgements_survive_a_rerun_whose_offsets_moved(tmp_path):
    judged = tmp_path / "judged.jsonl"
    first = ge.arrows([document()])
    rows = [a.stub() | {"verdict": "right"} for a in first]
    rows[1] |= {"verdict": "wrong", "cause": "wrong-direction"}
    write(judged, rows)
    index = ge.Index(ge.load_judged(judged))
    moved = ge.arrows([document(shift=7)])  # same sentences, seven characters later
    assert moved[0].start == first[0].start + 7
    s, _ = ge.score(moved, index)
    assert (s.judged, s.right, s.wrong, len(s.unjudged)) == (2, 1, 1, 0)
    assert s.precision == 0.5 and s.causes == {"wrong-direction": 1}


def test_a_line_without_hash_matches_on_offsets_and_a_new_speaker_needs_reading(tmp_path):
    judged = tmp_path / "judged.jsonl"
    a = ge.arrows([document()])[0]
    write(judged, [{k: v for k, v in a.stub().items() if k != "sentence_sha"} | {"verdict": "right"}])
    index = ge.Index(ge.load_judged(judged))
    assert index.find(a) is not None
    assert index.find(ge.arrows([document(shift=1)])[0]) is None  # offsets moved, no hash: read again
    renamed = document()
    renamed["actors"][0]["name"] = "Vale Group"
    assert index.find(ge.arrows([renamed])[0]) is None


def test_main_prints_precision_and_lists_unjudged(tmp_path, capsys):
    docs = write(tmp_path / "documents.jsonl", [document()])
    judged = tmp_path / "judged.jsonl"
    a = ge.arrows([document()])[0]
    write(judged, [a.stub() | {"verdict": "wrong", "cause": "wrong-speaker"}])
    stub = tmp_path / "stub.jsonl"
    assert ge.main([str(docs), "--judged", str(judged), "--no-resolve", "--rollup", "--list-unjudged",
                    "--stub", str(stub)]) == 0
    out = capsys.readouterr().out
    assert "typed arrows 4; judged 1, unjudged 3" in out
    assert "precision over the judged arrows: 0.000 (0 right, 1 wrong)" in out
    assert "Norland denied it." in out and "(rolled up)" in out
    stubs = [json.loads(line) for line in stub.read_text().splitlines()]
    assert [(r["source"], r["target"], r["verdict"]) for r in stubs] == [
        ("Interior Ministry", "Norland", None), ("Ostia", "Norland", None), ("Norland", "Anna Vale", None)]


def test_sample_is_seeded_and_keeps_order():
    items = ge.arrows([document(f"d{i}") for i in range(10)], rollup=True)
    one, two = ge.sample(items, 5, 3), ge.sample(items, 5, 3)
    assert one == two and len(one) == 5
    assert [items.index(a) for a in one] == sorted(items.index(a) for a in one)
    assert ge.sample(items, 5, 4) != one


@pytest.mark.parametrize("row, reason", [
    ({"verdict": "wrong", "cause": "because"}, "cause"),
    ({"verdict": "maybe"}, "verdict"),
    ({"type": "statement"}, "type"),
    ({"sentence": [9, 3]}, "sentence"),
    ({"verdict": "right", "text": "copied words"}, "unknown fields"),
])
def test_a_malformed_judged_line_stops_with_its_line_number(tmp_path, row, reason):
    good = ge.arrows([document()])[0].stub() | {"verdict": "right"}
    path = write(tmp_path / "judged.jsonl", [good, good | row])
    with pytest.raises(SystemExit, match=rf"judged.jsonl:2: .*{reason}"):
        ge.load_judged(path)


def test_the_repository_judged_file_is_well_formed_and_holds_no_text():
    rows = [json.loads(line) for line in ge.JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows, "benchmarks/graph_edges_judged.jsonl is empty"
    for n, row in enumerate(rows, 1):
        assert ge.check_row(row) == [], (n, row)
        assert row["corpus"] in {"aeb-dev", "polnear-dev", "polnear-train"}, n
        assert len(row["source"]) <= 60 and len(row["target"]) <= 60, n
    keys = [(r["document"], r["sentence_sha"], r["type"], r["source"], r["target"]) for r in rows]
    assert len(keys) == len(set(keys)), "an arrow is judged twice"


def test_a_headline_claim_is_read_in_the_title(tmp_path, capsys):
    doc = document()
    doc["title"] = "Vale accuses Norland"
    headline = claim("d1", 5, "accusation", party("Ms Vale", "vale"), party("Norland", "norland"), "accused",
                     "Ms Vale, the interior minister, accused Norland of hacking the grid.")
    headline["sentence"] = {"start": 0, "end": 20, "text": doc["title"]}
    doc["claims"] = [headline | {"in_title": True}]
    (a,) = ge.arrows([doc])
    assert a.in_title and a.stub()["in_title"] is True and "in_title" not in ge.arrows([document()])[0].stub()
    docs = write(tmp_path / "documents.jsonl", [doc])
    ge.main([str(docs), "--judged", str(tmp_path / "none.jsonl"), "--no-resolve", "--list-unjudged", "--context", "9"])
    out = capsys.readouterr().out
    assert "(headline)" in out and ">> Vale accuses Norland" in out


def test_json_figures_and_the_wrong_list(tmp_path, capsys):
    docs = write(tmp_path / "documents.jsonl", [document()])
    accusation, denial = ge.arrows([document()])
    judged = write(tmp_path / "judged.jsonl", [accusation.stub() | {"verdict": "right"},
                                               denial.stub() | {"verdict": "wrong", "cause": "wrong-type"}])
    ge.main([str(docs), "--judged", str(judged), "--no-resolve", "--json", "--list-wrong"])
    first, *rest = capsys.readouterr().out.splitlines()
    figures = json.loads(first)
    assert (figures["precision"], figures["unjudged"], figures["causes"]) == (0.5, 0, {"wrong-type": 1})
    assert any(line.startswith("WRONG wrong-type: d1") for line in rest)


def test_base_counts_the_arrows_added_and_gone(tmp_path, capsys):
    old = document()
    new = document()
    new["claims"] = new["claims"][1:]  # the accusation is gone
    new["claims"][1]["type"] = "accusation"  # the ministry's praise became an arrow
    accusation, denial = ge.arrows([old])
    judged = write(tmp_path / "judged.jsonl", [accusation.stub() | {"verdict": "right"},
                                               denial.stub() | {"verdict": "right"}])
    changes = ge.compare(ge.arrows([old]), ge.arrows([new]), ge.Index(ge.load_judged(judged)))
    assert changes == {"added": {"unjudged": 1}, "gone": {"right": 1}}
    ge.main([str(write(tmp_path / "new.jsonl", [new])), "--base", str(write(tmp_path / "old.jsonl", [old])),
             "--judged", str(judged), "--no-resolve"])
    assert "against the base: added 1 (1 unjudged); gone 1 (1 right)" in capsys.readouterr().out


def test_a_bad_line_is_skipped_with_its_reason(tmp_path, capsys):
    path = tmp_path / "documents.jsonl"
    path.write_text("{not json\n" + json.dumps({"id": "x"}) + "\n" + json.dumps(document()) + "\n", encoding="utf-8")
    docs = list(ge.read_documents([path]))
    assert [d["id"] for d in docs] == ["d1"]
    err = capsys.readouterr().err
    assert "documents.jsonl:1: skipped, not JSON" in err
    assert "documents.jsonl:2: skipped, not a document (no actors, claims)" in err


def test_two_claims_of_one_arrow_are_read_once(tmp_path, capsys):
    doc = document()
    doc["claims"].append(dict(doc["claims"][0], id="d1#c9"))  # the same accusation found twice in its sentence
    stub = tmp_path / "stub.jsonl"
    ge.main([str(write(tmp_path / "documents.jsonl", [doc])), "--judged", str(tmp_path / "none.jsonl"), "--no-resolve",
             "--list-unjudged", "--stub", str(stub)])
    out = capsys.readouterr().out
    assert "typed arrows 3; judged 0, unjudged 3" in out and "#2 " in out and "#3 " not in out
    assert len(stub.read_text().splitlines()) == 2


def test_a_claim_rolls_up_through_its_own_documents_part_of():
    other = document("d2")
    other["claims"] = []
    other["actors"][0] = actor("vale", "Anna Vale", "official", "ostia")  # listed first: the corpus node keeps it
    rolled = [(a.source, a.target) for a in ge.arrows([other, document()], rollup=True) if a.rolled_up]
    assert rolled == [("Interior Ministry", "Norland"), ("Ostia", "Norland")]  # d1's own chain, not d2's
