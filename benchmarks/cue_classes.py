#!/usr/bin/env python3
"""Recall of PolNeAR attributions by the class of their cue: where the misses are.

    python benchmarks/cue_classes.py PRED.jsonl [--gold ../shared/eval/polnear/dev.jsonl]
                                     [--base-cache /tmp/dev_base.spacy] [--lemmas N]

PRED is the documents.jsonl that `polnear_eval.py --pred PATH` wrote for the same gold file. Each
gold attribution's cue is classed by its head token in the base model's parse (the cache
`polnear_eval.py --base-cache` writes, or a fresh parse): "according to", say/tell, another verb of
the cue lexicon, a lexicon verb the model tagged as a noun ("court filings show"), "be" + adjective
("is confident that"), a light verb with a noun ("made a comment on"), a noun ("fears",
"announcement"), another verb, punctuation only (a colon, quotation marks). Per class: gold
attributions, the share found as the scorer counts a claim (content Jaccard >= 0.5 and the source
right, one to one), and the share whose cue some predicted claim's cue overlaps at all. `--lemmas N`
prints the N commonest missed head lemmas of each class (lemmas only: figures, no corpus text).
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

CLASSES = ("according to", "say/tell", "lexicon verb", "lexicon verb tagged noun", "be + adjective",
           "light verb + noun", "noun", "other verb", "punctuation", "other")
SAY_TELL = {"say", "tell"}
# verbs that carry little meaning of their own before a noun that names the act ("made a comment")
LIGHT_VERBS = {"make", "give", "have", "issue", "take", "offer", "express", "raise", "voice", "send", "post",
               "release", "put", "do", "deliver", "file", "lodge", "cast", "pay", "draw", "level", "lay"}


def load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_scorer(path: Path):
    return load_module("score_attributions", path)


def cue_class(span, lexicon_verbs: set[str]) -> tuple[str, str]:
    """(class, head lemma) of a gold cue's tokens in the parse."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return "punctuation", span.text.strip()[:3]
    if words[0].lower_ == "according":
        return "according to", "according"
    head = span.root if span.root in words else words[0]
    lemma = head.lemma_.lower()
    if any(t.lemma_ == "be" for t in span) and any(t.pos_ == "ADJ" for t in words) or head.pos_ == "ADJ":
        adj = next((t for t in words if t.pos_ == "ADJ"), head)
        return "be + adjective", adj.lemma_.lower()
    if head.pos_ in ("VERB", "AUX"):
        nouns = [t for t in words if t.pos_ == "NOUN" and t.i > head.i]
        if lemma in LIGHT_VERBS and nouns:
            return "light verb + noun", f"{lemma} {nouns[0].lemma_.lower()}"
        if lemma in SAY_TELL:
            return "say/tell", lemma
        if lemma in lexicon_verbs:
            return "lexicon verb", lemma
        return "other verb", lemma
    if head.pos_ in ("NOUN", "PROPN"):
        if lemma in lexicon_verbs and head.tag_ in ("NNS", "NN") and head.dep_ in ("ROOT", "conj", "ccomp"):
            return "lexicon verb tagged noun", lemma
        return "noun", lemma
    return "other", lemma


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", type=Path)
    ap.add_argument("--gold", type=Path, default=SHARED / "eval/polnear/dev.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval/score_attributions.py")
    ap.add_argument("--base-cache", type=Path, default=None, help="the DocBin polnear_eval.py --base-cache wrote")
    ap.add_argument("--lemmas", type=int, default=0, help="print the N commonest missed head lemmas per class")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message=r".*W036.*")
    import spacy
    from spacy.tokens import DocBin

    import pipelines
    from pipelines.lexicons import read_cues

    sc = load_scorer(args.scorer)
    build_cues = load_module("build_cues", ROOT / "scripts/build_cues.py")  # its claim matching, the scorer's
    gold = sc.load(args.gold)
    preds = {d["id"]: d for d in sc.load(args.pred)}
    nlp = spacy.load(pipelines.DEFAULT_MODEL, exclude=["ner"])
    if args.base_cache and args.base_cache.exists():
        docs = list(DocBin().from_disk(args.base_cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((g["text"] for g in gold), batch_size=16))
    lexicon_verbs = {c["lemma"] for c in read_cues("en")}

    n, found, cue_seen = Counter(), Counter(), Counter()
    missed: dict[str, Counter] = {k: Counter() for k in CLASSES}
    for g, doc in zip(gold, docs):
        golds = [a for a in g["attributions"] if a.get("content")]
        claims = [c for c in preds.get(g["id"], {}).get("claims", []) if sc.span_of(c.get("content"))]
        ok = {j for _, j in build_cues.claim_matches(g, claims, sc)}
        cues = [sc.span_of(c.get("cue")) for c in claims]
        for j, a in enumerate(golds):
            frags = [doc.char_span(s, e, alignment_mode="expand") for s, e in a["cue"]]
            frags = [f for f in frags if f is not None and len(f)]
            if not frags:
                cls, lemma = "punctuation", ""
            else:
                span = doc[min(f.start for f in frags):max(f.end for f in frags)]
                cls, lemma = cue_class(span, lexicon_verbs)
            n[cls] += 1
            found[cls] += j in ok
            cue_seen[cls] += any(c is not None and any(sc.overlaps(c, fr) for fr in a["cue"]) for c in cues)
            if j not in ok:
                missed[cls][lemma] += 1

    total, hit = sum(n.values()), sum(found.values())
    print(f"{'cue class':<26}{'gold':>6}{'share':>8}{'found':>7}{'recall':>8}{'cue seen':>10}")
    for cls in CLASSES:
        if n[cls]:
            print(f"{cls:<26}{n[cls]:>6}{n[cls] / total:>8.1%}{found[cls]:>7}{found[cls] / n[cls]:>8.3f}"
                  f"{cue_seen[cls] / n[cls]:>10.3f}")
    print(f"{'all':<26}{total:>6}{1:>8.1%}{hit:>7}{hit / total:>8.3f}{sum(cue_seen.values()) / total:>10.3f}")
    missed_all = total - hit
    no_cue = sum(n[c] - cue_seen[c] for c in CLASSES)
    print(f"missed {missed_all}; with no cue found at all {no_cue} (not all of those missed are cue-less: "
          f"a claim can be found under another cue)")
    if args.lemmas:
        for cls in CLASSES:
            if missed[cls]:
                top = ", ".join(f"{lemma} {k}" for lemma, k in missed[cls].most_common(args.lemmas))
                print(f"  {cls}: {len(missed[cls])} lemmas missed; {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
