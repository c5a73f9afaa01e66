#!/usr/bin/env python3
"""Score the project's pipeline on PolNeAR dev with the shared attribution scorer, and time it.

    python benchmarks/polnear_eval.py [--gold ../shared/eval/polnear/dev.jsonl] [--pred PATH]
                                      [--timing] [--base-cache /tmp/dev_base.spacy]

By default the honest full run: `pipelines.build_nlp()` over the texts kept verbatim, documents
built with `extractor.convert.document_from_doc`, predictions written to a temp file (never into
the repository), then the scorer's figures. `--timing` also times the bare base model on the same
texts and prints the ratio. `--base-cache` (development only) parses once with every component but
news_claims, stores a DocBin there, and on later runs re-runs only news_claims over it.

Protocol for rule changes (releases are scored on held-out articles): measure on TRAIN and on dev,

    python benchmarks/polnear_eval.py --gold ../shared/eval/polnear/train.jsonl --base-cache /tmp/train_base.spacy
    python benchmarks/polnear_eval.py --base-cache /tmp/dev_base.spacy

and keep a change only when it helps on train and does not hurt dev; thresholds are chosen on train.
Rebuild the caches when the components before news_claims change, and finish with a full run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval/polnear/dev.jsonl")
    ap.add_argument("--pred", type=Path, default=None, help="where to write the predictions (default: a temp file)")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval/score_attributions.py")
    ap.add_argument("--timing", action="store_true", help="also time the bare base model and print the ratio")
    ap.add_argument("--base-cache", type=Path, default=None, help="development: DocBin of the docs before news_claims")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--tagger-beam", type=int, default=None, help="development: attribution_tagger's beam width")
    ap.add_argument("--tagged-min-score", type=float, default=None, help="development: news_claims' tagged_min_score")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message=r".*W036.*")

    import spacy
    from spacy.tokens import DocBin

    import pipelines
    from pipelines.extensions import SPANS_KEY
    from extractor.convert import document_from_doc
    from extractor.records import Article

    with open(args.gold, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    texts = [r["text"] for r in rows]
    nlp = pipelines.build_nlp()
    if args.tagger_beam is not None and "attribution_tagger" in nlp.pipe_names:
        nlp.get_pipe("attribution_tagger").set_beam(args.tagger_beam)
    if args.tagged_min_score is not None:
        from dataclasses import replace
        claims_pipe = nlp.get_pipe("news_claims")
        claims_pipe.settings = replace(claims_pipe.settings, tagged_min_score=args.tagged_min_score)

    t0 = time.perf_counter()
    if args.base_cache:
        if args.base_cache.exists():
            base = list(DocBin().from_disk(args.base_cache).get_docs(nlp.vocab))
            tagger = "attribution_tagger" in nlp.pipe_names
            if tagger or nlp.get_pipe("news_claims").lex.tail_model.get("dense"):
                # a DocBin keeps no tensor: the base model's tok2vec again, for a tail classifier built
                # with --tail-dense (the committed one reads no tensor) and for the attribution tagger,
                # whose spans are made again (a cache made before it, or with other weights, has none or others)
                base = list(nlp.get_pipe("tok2vec").pipe(base))
            if tagger:
                base = list(nlp.get_pipe("attribution_tagger").pipe(base))
            else:  # a cache made with the tagger on holds its spans: not for a run without it
                for d in base:
                    d.spans.pop(SPANS_KEY, None)
        else:
            with nlp.select_pipes(disable=["news_claims"]):
                base = list(nlp.pipe(texts, batch_size=16))
            db = DocBin(store_user_data=True)
            for d in base:
                db.add(d)
            db.to_disk(args.base_cache)
        t1 = time.perf_counter()
        claims = nlp.get_pipe("news_claims")
        docs = [claims(d) for d in base]
        t_claims = time.perf_counter() - t1
        print(f"news_claims alone: {t_claims:.2f} s over {len(docs)} cached docs", file=sys.stderr)
    else:
        docs = list(nlp.pipe(texts, batch_size=16))
    t_pipeline = time.perf_counter() - t0

    pred = args.pred or Path(tempfile.mkstemp(prefix="polnear_pred_", suffix=".jsonl")[1])
    with open(pred, "w", encoding="utf-8") as fh:
        for row, doc in zip(rows, docs):
            art = Article(id=row["id"], origin=str(args.gold), text=row["text"], title=row.get("title"))
            fh.write(json.dumps(document_from_doc(art, doc, model=pipelines.DEFAULT_MODEL).to_dict(),
                                ensure_ascii=False) + "\n")
    print(f"predictions: {pred}", file=sys.stderr)
    print(f"pipeline: {t_pipeline:.2f} s for {len(docs)} texts")

    if args.timing:
        base_nlp = spacy.load(pipelines.DEFAULT_MODEL)
        list(base_nlp.pipe(texts[:3]))  # warm up
        tb = time.perf_counter()
        list(base_nlp.pipe(texts, batch_size=16))
        t_base = time.perf_counter() - tb
        claims = nlp.get_pipe("news_claims")
        with nlp.select_pipes(disable=["news_claims"]):
            pre = list(nlp.pipe(texts, batch_size=16))
        tc = time.perf_counter()
        for d in pre:
            claims(d)
        t_claims = time.perf_counter() - tc
        print(f"bare {pipelines.DEFAULT_MODEL}: {t_base:.2f} s; news_claims alone: {t_claims:.2f} s "
              f"= {100 * t_claims / t_base:.1f} % of the bare pipeline")

    gold = args.gold
    if args.limit:
        gold = Path(tempfile.mkstemp(prefix="polnear_gold_", suffix=".jsonl")[1])
        gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return subprocess.call([sys.executable, str(args.scorer), str(gold), str(pred)])


if __name__ == "__main__":
    sys.exit(main())
