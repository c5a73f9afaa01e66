#!/usr/bin/env python3
"""The corpus-level actor merges of `extractor/resolve.py`, listed and scored against a judged file.

    python benchmarks/merges.py PRED.jsonl [PRED2.jsonl ...] [--judged benchmarks/merges_judged.jsonl]
                                [--sample N --seed S] [--single] [--list-unjudged] [--list-wrong]

PRED is documents *before* the corpus pass: `python benchmarks/polnear_eval.py --pred PRED.jsonl`
(per-document output) or `extractor extract PATH -o - > PRED.jsonl` (stdout is not resolved), or a
store (`corpus.sqlite`: its per-document actors). Each file is one corpus. A merge is one actor of
one document joined to a canonical actor of another id ("Psaki" of document D -> jen-psaki). The
judged file holds ids and names only (never article text): one JSON object a line, `document`,
`actor`, `name`, `canonical`, `canonical_name`, `right` (true/false) and a short `note`; a merge is
matched by document, actor id and canonical id, so a later version is re-scored by running this
again. Prints merges, judged, right and the precision, overall and for the merges of a name of one
word (a surname or given name alone, `--single` lists only those); `--sample N --seed S` prints a
seeded random sample of N merges to read (document, ids and names, no text).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.resolve import resolve  # noqa: E402
from extractor.store import iter_jsonl  # noqa: E402
from pipelines.names import NameWords  # noqa: E402

PERSON_KINDS = ("person", "official")


def documents(path: Path):
    """The documents of a JSON Lines file, or the per-document actor lists of a store."""
    if path.suffix in (".sqlite", ".db"):
        from extractor.store import CorpusStore

        store = CorpusStore(path)
        return list(store.iter_actor_lists())
    return list(iter_jsonl(path))


def merges(docs: list[dict]) -> list[dict]:
    """One row per (document, actor) the corpus pass joins to another id."""
    res = resolve(docs)
    kept = getattr(res, "kept", frozenset())  # an older version has no per-document exceptions
    key = NameWords.load().key
    rows = []
    for d in docs:
        for a in d.get("actors", ()):
            canonical = None if (d["id"], a["id"]) in kept else res.mapping.get(a["id"])
            if canonical:
                rows.append({"document": d["id"], "actor": a["id"], "name": a["name"], "kind": a["kind"],
                             "canonical": canonical, "canonical_name": res.actors[canonical]["name"],
                             "single": a["kind"] in PERSON_KINDS and len(key(a["name"]).split()) == 1})
    return rows


def ident(row: dict) -> tuple:
    return row["document"], row["actor"], row["canonical"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", type=Path, nargs="+")
    ap.add_argument("--judged", type=Path, default=ROOT / "benchmarks/merges_judged.jsonl")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--single", action="store_true", help="list only merges of a one-word name")
    ap.add_argument("--list-unjudged", action="store_true")
    ap.add_argument("--list-wrong", action="store_true")
    args = ap.parse_args(argv)
    judged = {}
    if args.judged.exists():
        judged = {ident(j): j for j in map(json.loads, args.judged.read_text(encoding="utf-8").splitlines()) if j}
    for path in args.pred:
        rows = merges(documents(path))
        for label, part in (("all", rows), ("one-word name", [r for r in rows if r["single"]])):
            known = [judged[ident(r)] for r in part if ident(r) in judged]
            right = sum(bool(j["right"]) for j in known)
            precision = f"{right / len(known):.3f}" if known else "-"
            print(f"{path.name} {label}: {len(part)} merges, {len(known)} judged, {right} right, precision {precision}")
        shown = [r for r in rows if r["single"]] if args.single else rows
        if args.sample:
            shown = random.Random(args.seed).sample(shown, min(args.sample, len(shown)))
        for r in shown:
            j = judged.get(ident(r))
            if args.sample or args.single or (args.list_unjudged and j is None) or (
                    args.list_wrong and j is not None and not j["right"]):
                print(json.dumps({k: r[k] for k in ("document", "actor", "name", "canonical", "canonical_name")}
                                 | ({"right": j["right"], "note": j.get("note", "")} if j else {}),
                                 ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
