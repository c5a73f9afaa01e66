#!/usr/bin/env python3
"""Content boundaries and sources of the claims found on PolNeAR's cues: what the matched cues lose.

    python benchmarks/polnear_bounds.py PRED.jsonl [--gold ../shared/eval/polnear/dev.jsonl]
                                        [--list CLASS] [--n 20] [--context 80]

PRED is the documents.jsonl that `polnear_eval.py --pred PATH` wrote for the same gold file. Each
gold attribution is paired with a predicted claim on its cue (the claim the scorer matched to it,
else an unmatched claim whose cue overlaps the gold cue), and the pair is classed: matched exactly;
matched (Jaccard >= 0.5, source right) but not exact; content matched but the source wrong; content
not matched; no claim on the cue (not this script's business). A content difference is told by its
edges: material the prediction adds or lacks before and after the gold span, each named by what it
starts with (a speech tag "he said", "according to", a parenthesis, a following sentence, a
relative clause, a participle, a subordinate clause, a quotation continued after a speech tag...).
A wrong source is named by the forms of both sources (pronoun, name, description, nested speaker).
Figures and the classes' counts only; `--list CLASS` prints examples of one class with their
context on the terminal (never into a file: PolNeAR text stays out of the repository).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from benchmarks.cue_classes import load_scorer  # noqa: E402

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "his", "its",
            "their", "our", "my", "who", "which", "that", "this", "these", "those"}
SUBORDINATORS = {"because", "as", "after", "when", "while", "if", "since", "before", "although", "though",
                 "unless", "until", "whereas", "so", "but", "and", "or", "despite", "even"}
SPEECH_TAG = re.compile(r"^\W*(?:[A-Z][\w.'\u2019-]*\s+){0,4}(?:said|says|added|adds|told|wrote|writes|"
                        r"explained|noted|argued|continued|insisted|stated|claimed|asked|tweeted)\b", re.I)
TAG_FIRST = re.compile(r"^\W*(?:said|says|added|adds|told|wrote|writes|explained|noted|argued|continued|"
                       r"insisted|stated|claimed|asked|tweeted)\b", re.I)
QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'


def edge_class(piece: str, gold_cue: list, gold_src: list, s: int, e: int) -> str:
    """Name of the text [s, e) one content has and the other lacks, by what it holds or starts with."""
    stripped = piece.strip()
    low = stripped.lower()
    if any(a < e and s < b for a, b in gold_cue):
        return "holds the cue"
    if any(a < e and s < b for a, b in gold_src):
        return "holds the source"
    if "\n" in piece.strip(" "):
        return "a following paragraph"
    if re.search(r"[.!?][\u201d\"']?\s+[\u201c\"A-Z]", piece):
        return "another sentence"
    if not re.search(r"\w", stripped):
        return "punctuation only"
    body = low.lstrip(" ,;:-\u2014\u2013" + QUOTES)
    first = body.split()[0] if body.split() else ""
    if low.startswith("(") or first.startswith("("):
        return "a parenthesis"
    if body.startswith("according to"):
        return "according to"
    if SPEECH_TAG.match(stripped.lstrip(" ,;:-\u2014\u2013" + QUOTES)) or TAG_FIRST.match(body):
        return "a speech tag"
    if first in ("which", "who", "whom", "whose", "where"):
        return "a relative clause"
    if first.endswith("ing"):
        return "a participle"
    if first in SUBORDINATORS:
        return f"'{first}' clause"
    if first in ("that", "to", "of", "for", "about", "on", "in", "with", "by", "at"):
        return f"'{first}' ..."
    if any(q in stripped for q in QUOTES):
        return "quoted words"
    return "words"


def side(ps: int, gs: int, cue: list) -> str:
    """"wrong side of the cue" when the prediction and the gold content lie on opposite sides of it."""
    if not cue:
        return ""
    c0 = cue[0][0]
    p_after = ps >= c0
    g_after = gs >= c0
    return "" if p_after == g_after else "wrong side of the cue"


def source_form(text: str, span) -> str:
    """The form of a source span: none, pronoun, description (a determiner first), name, other."""
    if span is None:
        return "none"
    words = text[span[0]:span[1]].split()
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words[0].lower() in ("the", "a", "an", "this", "that", "some", "many", "most", "several"):
        return "description"
    if words[0][:1].isupper():
        return "name"
    return "other"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", type=Path)
    ap.add_argument("--gold", type=Path, default=SHARED / "eval/polnear/dev.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval/score_attributions.py")
    ap.add_argument("--list", default=None, help="print examples of the classes containing this string")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--context", type=int, default=80)
    args = ap.parse_args(argv)
    sc = load_scorer(args.scorer)
    gold_docs = sc.load(args.gold)
    preds = {d["id"]: d for d in sc.load(args.pred)}
    status, edges, sources = Counter(), Counter(), Counter()
    shown = 0
    for g in gold_docs:
        p = preds.get(g["id"])
        text = g["text"]
        golds = [a for a in g["attributions"] if a.get("content")]
        claims = [c for c in (p or {}).get("claims", []) if sc.span_of(c.get("content"))]
        ov = []
        for i, cl in enumerate(claims):
            for j, a in enumerate(golds):
                jac = sc.jaccard(text, sc.span_of(cl["content"]), a["content"])
                if jac >= 0.5:
                    ov.append((jac, i, j))
        matched = dict((j, i) for i, j in sc.match_one_to_one(ov))
        used = set(matched.values())
        for j, a in enumerate(golds):
            i = matched.get(j)
            if i is None:
                i = next((k for k, cl in enumerate(claims) if k not in used and sc.span_of(cl.get("cue"))
                          and any(sc.overlaps(sc.span_of(cl["cue"]), fr) for fr in a["cue"])), None)
                if i is None:
                    status["no claim on the cue"] += 1
                    continue
                used.add(i)
                kind = "content not matched"
            else:
                kind = None
            cl = claims[i]
            src = sc.span_of(cl.get("source"))
            if a["source"]:
                src_ok = src is not None and any(sc.overlaps(sc.trim(text, src, sc.SPACE), sc.trim(text, fr, sc.SPACE))
                                                 for fr in a["source"])
            else:
                src_ok = src is None
            ps, pe = sc.trim(text, sc.span_of(cl["content"]), sc.EDGE)
            frags = [sc.trim(text, fr, sc.EDGE) for fr in a["content"]]
            exact = (ps, pe) in frags
            gs, ge = min(f[0] for f in frags), max(f[1] for f in frags)
            if kind is None:
                kind = ("exact" if exact else "matched, not exact") if src_ok else "content matched, source wrong"
            status[kind] += 1
            labels = []
            if kind != "exact" and not exact:
                wrong = side(ps, gs, a["cue"])
                if wrong:
                    labels.append(wrong)
                elif pe <= gs or ge <= ps:
                    labels.append("no overlap")
                else:
                    if len(frags) > 1:
                        labels.append(f"gold in {len(frags)} fragments")
                    if ps < gs:
                        labels.append("extra before: " + edge_class(text[ps:gs], a["cue"], a["source"], ps, gs))
                    elif ps > gs:
                        labels.append("missing before: " + edge_class(text[gs:ps], a["cue"], a["source"], gs, ps))
                    if pe > ge:
                        labels.append("extra after: " + edge_class(text[ge:pe], a["cue"], a["source"], ge, pe))
                    elif pe < ge:
                        labels.append("missing after: " + edge_class(text[pe:ge], a["cue"], a["source"], pe, ge))
                for lab in labels:
                    edges[(kind, lab)] += 1
            if not src_ok:
                gsrc = tuple(a["source"][0]) if a["source"] else None
                nested = src is not None and gsrc is not None and src[0] >= gs and src[1] <= ge
                lab = (f"source: predicted {source_form(text, src)}, gold {source_form(text, gsrc)}"
                       + (" (predicted inside the gold content)" if nested else ""))
                sources[(kind, lab)] += 1
                labels.append(lab)
            if args.list and shown < args.n and any(args.list in lab for lab in labels + [kind]):
                shown += 1
                lo = max(0, min(ps, gs) - args.context)
                hi = min(len(text), max(pe, ge) + args.context)
                print(f"--- {g['id']} [{kind}] {'; '.join(labels)}")
                print(f"  context: {text[lo:hi]!r}")
                print(f"  gold:    {' | '.join(text[f[0]:f[1]] for f in frags)!r}")
                print(f"  pred:    {text[ps:pe]!r}")
                gsrc = "; ".join(text[s:e] for s, e in a["source"])
                psrc = text[src[0]:src[1]] if src else None
                print(f"  source gold {gsrc!r} pred {psrc!r}; cue gold "
                      f"{'; '.join(text[s:e] for s, e in a['cue'])!r} pred {cl['cue']['text']!r}")
    total = sum(status.values())
    print(f"gold attributions {total}")
    for k, n in status.most_common():
        print(f"  {k:<32} {n:>6}")
    print("content differences (a pair may have one before and one after):")
    for (k, lab), n in sorted(edges.items(), key=lambda x: (x[0][0], -x[1])):
        print(f"  {k:<32} {lab:<48} {n:>5}")
    print("wrong sources:")
    for (k, lab), n in sorted(sources.items(), key=lambda x: (x[0][0], -x[1])):
        print(f"  {k:<32} {lab:<60} {n:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
