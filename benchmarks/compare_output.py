"""Save the pipeline's output and compare it with a saved baseline, for refactors that must not
change behaviour.

    python benchmarks/compare_output.py --save   [--out DIR] [--sets dev,train,seed]
    python benchmarks/compare_output.py --compare [--out DIR] [--sets dev,train,seed] [--show N]

Runs `pipelines.build_nlp()` (as `extractor` uses it) over the PolNeAR dev and train texts (field
`text`, verbatim) and the seed article, and writes per document one JSON line with `Doc._.actors`,
`Doc._.mentions`, `Doc._.claims` and `doc.ents`, key order kept, so two runs compare byte for byte.
`--save` writes the baseline `DIR/SET.jsonl`; `--compare` writes `DIR/current/SET.jsonl` and
reports per set how many documents are identical and the first differences. DIR defaults to
/work/baselines/news-extractor, outside the repository: PolNeAR texts never go into it.
"""
from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

SETS = {
    "dev": SHARED / "eval/polnear/dev.jsonl",
    "train": SHARED / "eval/polnear/train.jsonl",
    "seed": SHARED / "seed/hafnium-article.txt",
}
DEFAULT_OUT = Path("/work/baselines/news-extractor")


def load(name: str) -> list[tuple[str, str]]:
    """(id, text) of the set's documents, texts verbatim."""
    path = SETS[name]
    if path.suffix == ".txt":
        return [(path.stem, path.read_text(encoding="utf-8"))]
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [(r.get("id", str(i)), r["text"]) for i, r in enumerate(rows)]


def record(doc_id: str, doc) -> str:
    ents = [[e.start_char, e.end_char, e.label_, e.text] for e in doc.ents]
    return json.dumps({"id": doc_id, "actors": doc._.actors, "mentions": doc._.mentions,
                       "claims": doc._.claims, "ents": ents}, ensure_ascii=False)


def dump(nlp, name: str, path: Path) -> int:
    docs = load(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as fh:
        for (doc_id, _), doc in zip(docs, nlp.pipe((t for _, t in docs), batch_size=32)):
            fh.write(record(doc_id, doc) + "\n")
    tmp.replace(path)
    return len(docs)


def first_difference(a, b, where: str = "") -> str:
    """Where two JSON values first differ, as a path and the two values (cut short)."""
    if type(a) is not type(b):
        return f"{where}: {str(a)[:160]!r} != {str(b)[:160]!r}"
    if isinstance(a, dict):
        if list(a) != list(b):
            return f"{where}: keys {list(a)} != {list(b)}"
        for k in a:
            if a[k] != b[k]:
                return first_difference(a[k], b[k], f"{where}.{k}")
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{where}[{i}]")
        if len(a) != len(b):
            return f"{where}: length {len(a)} != {len(b)}"
    return f"{where}: {str(a)[:160]!r} != {str(b)[:160]!r}"


def compare(base: Path, cur: Path, show: int) -> tuple[int, int, list[str]]:
    with open(base, encoding="utf-8") as fh:
        old = fh.read().splitlines()
    with open(cur, encoding="utf-8") as fh:
        new = fh.read().splitlines()
    same, diffs = 0, []
    for a, b in zip(old, new):
        if a == b:
            same += 1
            continue
        ja, jb = json.loads(a), json.loads(b)
        if len(diffs) < show:
            diffs.append(f"  {ja['id']}{first_difference(ja, jb)}")
        else:
            diffs.append("")
    different = len(diffs) + abs(len(old) - len(new))
    return same, different, [d for d in diffs if d]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", action="store_true", help="write the baseline")
    mode.add_argument("--compare", action="store_true", help="write the current output and compare")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--sets", default="dev,train,seed")
    ap.add_argument("--model", default=None)
    ap.add_argument("--show", type=int, default=5, help="differences shown per set")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message=r".*W036.*")

    import pipelines

    nlp = pipelines.build_nlp(args.model or pipelines.DEFAULT_MODEL)
    failed = 0
    for name in args.sets.split(","):
        base = args.out / f"{name}.jsonl"
        target = base if args.save else args.out / "current" / f"{name}.jsonl"
        n = dump(nlp, name, target)
        if args.save:
            print(f"{name}: {n} documents saved to {target}")
            continue
        same, different, diffs = compare(base, target, args.show)
        print(f"{name}: {same} documents identical, {different} different")
        for d in diffs:
            print(d)
        failed += different > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
