"""Output is never half-written: temp file + rename, and an interrupted run can resume."""
from __future__ import annotations

import json

import pytest

from extractor.store import JsonlWriter, iter_jsonl, read_jsonl_ids


def test_output_appears_only_when_the_run_finishes(tmp_path):
    out = tmp_path / "docs.jsonl"
    with JsonlWriter(out) as w:
        w.write({"id": "a"})
        assert not out.exists()
        assert (tmp_path / "docs.jsonl.part").exists()
    assert [d["id"] for d in iter_jsonl(out)] == ["a"]
    assert not (tmp_path / "docs.jsonl.part").exists()


def test_a_failed_run_leaves_the_earlier_output_untouched(tmp_path):
    out = tmp_path / "docs.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with JsonlWriter(out) as w:
            w.write({"id": "new"})
            raise KeyboardInterrupt
    assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert read_jsonl_ids(tmp_path / "docs.jsonl.part") == ["new"]


def test_resume_keeps_complete_lines_and_drops_a_torn_one(tmp_path):
    out = tmp_path / "docs.jsonl"
    (tmp_path / "docs.jsonl.part").write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c", "te', encoding="utf-8")
    with JsonlWriter(out, resume=True) as w:
        assert w.done == {"a", "b"}
        w.write({"id": "c"})
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "b", "c"]


def test_resume_after_a_finished_run_starts_from_its_output(tmp_path):
    out = tmp_path / "docs.jsonl"
    out.write_text('{"id": "a"}\n', encoding="utf-8")
    with JsonlWriter(out, resume=True) as w:
        assert w.done == {"a"}
        w.write({"id": "b"})
    assert read_jsonl_ids(out) == ["a", "b"]
