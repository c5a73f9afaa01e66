#!/usr/bin/env python3
"""Claims whose speaker has a span but no actor, on any documents.jsonl (PolNeAR dev predictions, aeb-dev).

    python benchmarks/source_actors.py PRED.jsonl [PRED2.jsonl ...] [--list N]

Prints, per file, the share of claims with a source span and no source actor (issue 8, point 4:
target under 10 %), the same for targets, how many speakers are unnamed actors (`named: false`:
"experts", "the poll", the writer) by kind, and the unresolved spans by form (a pronoun, a definite
description "the company", a capitalised span, other), so the next rule can be chosen. `--list N`
prints the N commonest unresolved source texts on the terminal (never into the repository: they
are words of the corpus).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "him", "her", "them", "us", "me", "his", "its", "their",
            "our", "my", "your", "who", "which", "that", "this", "these", "those"}


def form(text: str) -> str:
    """The shape of an unresolved span: pronoun, definite description, capitalised, other."""
    words = text.split()
    if not words:
        return "other"
    first = words[0].lower().strip("\"'“”‘’")
    if len(words) == 1 and first in PRONOUNS:
        return "pronoun"
    if first in ("the", "this", "that") and len(words) <= 4:
        return "definite"
    if words[0][:1].isupper():
        return "capitalised"
    return "other"


def tally(path: Path) -> tuple[Counter, Counter, Counter, Counter]:
    counts, forms, texts, unnamed = Counter(), Counter(), Counter(), Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            kinds = {a["id"]: a["kind"] for a in doc.get("actors", []) if a.get("named") is False}
            for c in doc.get("claims", []):
                if c["source"].get("actor") in kinds:
                    unnamed[kinds[c["source"]["actor"]]] += 1
                for role in ("source", "target"):
                    p = c.get(role) or {}
                    if p.get("start") is None:
                        continue
                    counts[f"{role}_span"] += 1
                    if p.get("actor") is None:
                        counts[f"{role}_no_actor"] += 1
                        if role == "source":
                            forms[form(p.get("text") or "")] += 1
                            texts[" ".join((p.get("text") or "").split()).lower()] += 1
    return counts, forms, texts, unnamed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", type=Path, nargs="+")
    ap.add_argument("--list", type=int, default=0, help="print the N commonest unresolved source texts")
    args = ap.parse_args(argv)
    for path in args.pred:
        counts, forms, texts, unnamed = tally(path)
        for role in ("source", "target"):
            n, miss = counts[f"{role}_span"], counts[f"{role}_no_actor"]
            print(f"{path.name}: claims with a {role} span but no {role} actor: "
                  f"{miss / n if n else 0.0:.1%} ({miss}/{n})")
        n = counts["source_span"]
        print(f"  sources that are unnamed actors: {sum(unnamed.values()) / n if n else 0.0:.1%} "
              f"({sum(unnamed.values())}/{n}; " + ", ".join(f"{k} {v}" for k, v in unnamed.most_common()) + ")")
        print("  unresolved sources by form: " + ", ".join(f"{k} {v}" for k, v in forms.most_common()))
        for text, k in texts.most_common(args.list):
            print(f"    {k:4d}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
