#!/usr/bin/env python3
"""The noun, "be" + adjective and light-verb cues news_claims leaves out on PolNeAR: how often they
would be right, and whether a lemma list with a precision floor would pay.

    python benchmarks/nominal_cues.py [--gold ../shared/eval/polnear/train.jsonl] [--base-cache C]
                                      [--floors 3:0.4,3:0.5,5:0.5] [--top N]

Every noun and "be" + adjective candidate of the tail rules (pipelines/claims/tail_cues.py: a noun
or adjective with a complement, "his decision to ...", "it is clear that ...", "X made the case
that ...", with the source they find) whose cue neither a structure nor the tail classifier took
is made a claim on its own beside the component's claims, and counted right when it matches a gold
attribution none of those claims matches (content Jaccard >= 0.5 and the source right, as the
shared scorer counts a claim). A claim added at precision p raises claim F1 only when p is above
half the F1 (the break-even printed).

Printed: the candidates and their precision by class (noun, light verb + noun, adjective), by
frame and source present, inside another claim's content or not; the keys (kind|lemma|frame|source,
a light verb and its object noun as "make case") with the most right candidates; and the lemma-list
check: keys kept on one half of the documents (by parity) at each floor (MIN_COUNT:MIN_PRECISION),
the candidates they take on the other half, how many are right, and that half's claim F1 before and
after (per candidate, without the later stages). Lemmas and figures only, no corpus text.

`--base-cache` is the DocBin `polnear_eval.py --base-cache` writes (the texts through the pipeline
up to news_claims; parsed and written there when missing).
"""
from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from benchmarks.cue_classes import LIGHT_VERBS, load_module, load_scorer  # noqa: E402

FLOORS = ((3, 0.4), (3, 0.5), (5, 0.5))


class Labelled(NamedTuple):
    """A left-over candidate: its keys (its own first), whether it is right, whether its cue lies
    inside another claim's content."""

    keys: tuple[str, ...]
    right: int
    nested: bool


class DocCounts(NamedTuple):
    """A document's matched gold attributions, claims and gold attributions (with content), and its
    left-over candidates."""

    tp: int
    pred: int
    gold: int
    candidates: list[Labelled]


def candidate_keys(doc, cand) -> tuple[str, ...]:
    """kind|lemma|frame|source ("s" or "-") of a tail candidate, and for a noun that is a light
    verb's object or predicate, the key of the verb and noun together ("noun|make case|that|s")."""
    from pipelines.claims.tail_cues import HOST_DEPS

    src = "s" if cand.source is not None else "-"
    keys = [f"{cand.kind}|{cand.lemma}|{cand.frame}|{src}"]
    tok = doc[cand.cue.token]
    if cand.kind == "noun" and tok.dep_ in HOST_DEPS and tok.head.pos_ in ("VERB", "AUX"):
        keys.append(f"noun|{tok.head.lemma_.lower()} {cand.lemma}|{cand.frame}|{src}")
    return tuple(keys)


def cue_class(keys: tuple[str, ...]) -> str:
    if keys[0].startswith("adjective|"):
        return "be + adjective"
    if len(keys) > 1 and keys[1].split("|")[1].split(" ")[0] in LIGHT_VERBS:
        return "light verb + noun"
    return "noun"


def leftover_candidates(doc, lex) -> Iterator:
    """The noun and "be" + adjective candidates on cues that no structure and not the tail
    classifier took (the drafts as news_claims has them before its later stages)."""
    from pipelines.claims import STRUCTURES
    from pipelines.claims.quotes import find_quotes
    from pipelines.claims.spans import kept_text
    from pipelines.claims.tail_cues import NOUN_TAGS, add_tail_cues, adjective_cue, noun_cue

    with kept_text(doc) as text:
        quotes = find_quotes(text)
        drafts = add_tail_cues(doc, tuple(d for s in STRUCTURES for d in s(doc, lex, quotes)), lex)
        taken = {d.cue.token for d in drafts}
        for tok in doc:
            if tok.i in taken:
                continue
            if tok.tag_ in NOUN_TAGS and tok.pos_ == "NOUN":
                cand = noun_cue(doc, tok, lex)
            elif tok.pos_ == "ADJ":
                cand = adjective_cue(doc, tok, lex)
            else:
                continue
            if cand is not None:
                yield cand


def label(rows, docs, lex, scorer, claim_matches) -> list[DocCounts]:
    from pipelines.claims import extract_claims
    from pipelines.claims.draft import to_record

    out = []
    for row, doc in zip(rows, docs):
        doc._.mentions = doc._.mentions or []
        claims = extract_claims(doc, lex)
        found = {j for _, j in claim_matches(row, claims, scorer)}
        contents = [(c["content"]["start"], c["content"]["end"]) for c in claims]
        labelled = []
        for cand in leftover_candidates(doc, lex):
            draft = cand.draft(doc, lex)
            if draft is None:
                continue
            right = any(j not in found for _, j in claim_matches(row, [to_record(doc, draft)], scorer))
            nested = any(s < draft.cue.start < e for s, e in contents)
            labelled.append(Labelled(candidate_keys(doc, cand), int(right), nested))
        n_gold = sum(1 for a in row["attributions"] if a.get("content"))
        out.append(DocCounts(len(found), len(claims), n_gold, labelled))
    return out


def key_counts(docs: list[DocCounts]) -> dict[str, list[int]]:
    """key -> [candidates, right] (a light-verb candidate counts under both its keys)."""
    counts: dict[str, list[int]] = {}
    for d in docs:
        for c in d.candidates:
            for key in c.keys:
                entry = counts.setdefault(key, [0, 0])
                entry[0] += 1
                entry[1] += c.right
    return counts


def kept(counts: dict[str, list[int]], min_count: int, min_precision: float) -> set[str]:
    return {k for k, (n, right) in counts.items() if n >= min_count and right / n >= min_precision}


def taken_by(keys: set[str], docs: list[DocCounts]) -> tuple[int, int]:
    """(candidates a key list takes, of which right): a candidate once, by any of its keys."""
    taken = [c.right for d in docs for c in d.candidates if any(k in keys for k in c.keys)]
    return len(taken), sum(taken)


def f1(tp: int, pred: int, gold: int) -> float:
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def held_out(docs: list[DocCounts], min_count: int, min_precision: float) -> list[str]:
    """Keys kept on one half of the documents (by parity), measured on the other half."""
    lines = []
    for k in (0, 1):
        build = [d for i, d in enumerate(docs) if i % 2 != k]
        test = [d for i, d in enumerate(docs) if i % 2 == k]
        keys = kept(key_counts(build), min_count, min_precision)
        n, right = taken_by(keys, test)
        tp, pred, gold = (sum(getattr(d, f) for d in test) for f in ("tp", "pred", "gold"))
        lines.append(f"  floor {min_count}:{min_precision} half {k}: {len(keys)} keys from the other half take "
                     f"{n} candidates, {right} right ({right / max(n, 1):.3f}); claim F1 "
                     f"{f1(tp, pred, gold):.4f} -> {f1(tp + right, pred + n, gold):.4f}")
    return lines


def report(docs: list[DocCounts], floors=FLOORS, top: int = 15) -> list[str]:
    tp, pred, gold = (sum(getattr(d, f) for d in docs) for f in ("tp", "pred", "gold"))
    cands = [c for d in docs for c in d.candidates]
    lines = [f"claims {pred}, matched {tp}, gold {gold}: claim F1 {f1(tp, pred, gold):.4f}, so an added claim pays "
             f"above a precision of {f1(tp, pred, gold) / 2:.3f}",
             f"left-over candidates {len(cands)}, right {sum(c.right for c in cands)}"]
    groups: dict[str, Counter] = {}
    for c in cands:
        kind, _, frame, src = c.keys[0].split("|")
        cls = cue_class(c.keys)
        for name in (cls, f"{cls}, source {'found' if src == 's' else 'none'}",
                     f"{cls}, {'inside' if c.nested else 'outside'} another claim's content",
                     f"{cls}, frame {frame}"):
            g = groups.setdefault(name, Counter())
            g["n"] += 1
            g["right"] += c.right
    lines.append(f"{'candidates':<62}{'n':>7}{'right':>7}{'prec':>7}")
    for name, g in sorted(groups.items(), key=lambda kv: (kv[0].split(",")[0], -kv[1]["n"])):
        if g["n"] >= 20 or "," not in name:
            lines.append(f"{name:<62}{g['n']:>7}{g['right']:>7}{g['right'] / g['n']:>7.3f}")
    counts = key_counts(docs)
    best = sorted(counts.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))[:top]
    lines.append("keys with the most right candidates: " + ", ".join(f"{k} {r}/{n}" for k, (n, r) in best))
    lines.append("a lemma list, kept on one half, measured on the other:")
    for min_count, min_precision in floors:
        lines += held_out(docs, min_count, min_precision)
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval/polnear/train.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval/score_attributions.py")
    ap.add_argument("--base-cache", type=Path, default=None, help="DocBin of the docs before news_claims")
    ap.add_argument("--floors", default=",".join(f"{c}:{p}" for c, p in FLOORS),
                    help="MIN_COUNT:MIN_PRECISION pairs of the lemma-list check")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message=r".*W036.*")
    import pipelines

    scorer = load_scorer(args.scorer)
    build_cues = load_module("build_cues", ROOT / "scripts/build_cues.py")  # its claim matching, the scorer's
    rows = scorer.load(args.gold)
    docs, _ = build_cues.pipeline_docs(rows, args.base_cache)
    lex = pipelines.build_nlp().get_pipe("news_claims").lex
    floors = [(int(c), float(p)) for c, p in (f.split(":") for f in args.floors.split(","))]
    print("\n".join(report(label(rows, docs, lex, scorer, build_cues.claim_matches), floors, args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
