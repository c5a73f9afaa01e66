"""Speed benchmark: what our components add to the bare spaCy model, measured in the same run.

    python benchmarks/speed.py [--texts FILE.jsonl] [--model NAME] [--repeat N]

Texts default to the PolNeAR dev articles beside the project (../shared/eval/polnear/dev.jsonl),
else the sample corpus. Prints per-component seconds (one pass, component by component, over the
same Docs) and the ratios that the targets are stated in: our components / base model, and the
end-to-end time of the full pipeline over the bare model's.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines import DEFAULT_MODEL, build_nlp  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"


def load_texts(path: Path | None) -> list[str]:
    if path is None and DEV.exists():
        path = DEV
    if path is not None:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in fh if line.strip()]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt"))]


def per_component(nlp, texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds per component over the same texts, each component run over all Docs in turn."""
    t0 = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    times = {"tokenizer": time.perf_counter() - t0}
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.perf_counter() - t0
    return times


def end_to_end(nlp, texts: list[str], batch_size: int) -> float:
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, help="JSON Lines with a 'text' field")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--repeat", type=int, default=2, help="end-to-end runs; the fastest counts")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    texts = load_texts(args.texts)
    bare = spacy.load(args.model)
    full = build_nlp(args.model)
    ours = [n for n in full.pipe_names if n not in bare.pipe_names]
    n_tokens = sum(len(d) for d in bare.tokenizer.pipe(texts))
    print(f"{len(texts)} texts, {n_tokens} tokens; model {args.model}; our components: {', '.join(ours)}")

    list(full.pipe(texts[:5]))  # warm up both
    list(bare.pipe(texts[:5]))
    times = per_component(full, texts, args.batch_size)
    base_s = sum(s for n, s in times.items() if n not in ours)
    ours_s = sum(times[n] for n in ours)
    for name, s in times.items():
        mark = "*" if name in ours else " "
        print(f" {mark} {name:<16} {s:7.3f} s  {100 * s / base_s:6.2f} % of base")
    print(f"our components / base model: {ours_s / base_s:.3f}  ({ours_s:.2f} s / {base_s:.2f} s)")

    bare_s = min(end_to_end(bare, texts, args.batch_size) for _ in range(args.repeat))
    full_s = min(end_to_end(full, texts, args.batch_size) for _ in range(args.repeat))
    print(f"end to end: bare {bare_s:.2f} s ({n_tokens / bare_s:,.0f} tokens/s), full {full_s:.2f} s "
          f"({n_tokens / full_s:,.0f} tokens/s); full / bare = {full_s / bare_s:.3f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {rss:.0f} MB")


if __name__ == "__main__":
    main()
