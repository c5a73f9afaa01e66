#!/usr/bin/env python3
"""Criticism recall on the directed-sentiment challenge set: the arrows a user would see.

    python benchmarks/directed_sentiment.py [--set benchmarks/directed_sentiment.jsonl]
                                            [--split dev|test|all] [--list] [--docs OUT.jsonl]

Every sentence of the set (752 original news-style sentences, `directed_sentiment_guide.md`) is
one document: the project's pipeline (`pipelines.build_nlp()`, documents by
`extractor.convert.document_from_doc`, as `extractor extract` writes them) and then the graph's
own rules (`extractor.graph.build_graph` on that one document), so a negated claim, a claim
without a target actor or a statement draws no arrow, exactly as in the briefing. A typed arrow
(accusation, attribution, denial) is matched with the sentence's gold pairs by the names of its
two actors (`names_match`); an attribution counts as an accusation. Printed per split and per
construction:

- recall: required gold pairs with an arrow of their type and direction;
- wrong edges: arrows on a hard negative, or on a positive that match no gold pair (reversed,
  another target, another type); an arrow matching an optional pair is neither;
- claims level: the same pairs found among the typed, not negated claims by their source and
  target actors or, without an actor, their spans (what the claims hold before the graph);
- rolled-up arrows (an official's body or state) are counted apart, not scored.

`--list` prints every sentence with its gold pairs and arrows on the terminal; `--docs` writes the
documents. Tune on `dev` only; `test` is read for figures.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SET = ROOT / "benchmarks" / "directed_sentiment.jsonl"
TYPED = ("accusation", "attribution", "denial")
BLAMING = frozenset({"accusation", "attribution"})
_WORD = re.compile(r"[\w-]+")
_NOT_NAME = frozenset({"the", "of", "and", "'s", "s"})


def words(name: str) -> frozenset[str]:
    """The lower-cased words of a name, without 'the', 'of', 'and' or a possessive."""
    return frozenset(w for w in _WORD.findall(name.casefold().replace("\u2019", "'").replace("'s", ""))
                     if w not in _NOT_NAME)


def names_match(gold: str, predicted: list[str]) -> bool:
    """Whether one predicted name (an actor's name, alias or span) is one of the gold names
    (`A|B`): the words of one are all among the other's ("Lopez" ~ "Maria Lopez",
    "Senator Maria Lopez" ~ "Maria Lopez")."""
    for g in gold.split("|"):
        gw = words(g)
        for p in predicted:
            pw = words(p)
            if gw and pw and (gw <= pw or pw <= gw):
                return True
    return False


def same_type(gold: str, predicted: str) -> bool:
    return predicted == gold or (gold == "accusation" and predicted in BLAMING)


@dataclass(frozen=True)
class Arrow:
    """One typed arrow of the graph, by its actors' names (with aliases)."""

    source: tuple[str, ...]
    target: tuple[str, ...]
    type: str
    rolled_up: bool = False

    def label(self) -> str:
        return f"{self.source[0]} -> {self.target[0]} ({self.type}{', rolled up' if self.rolled_up else ''})"


@dataclass
class Outcome:
    """What the pipeline made of one sentence of the set."""

    row: dict
    arrows: list[Arrow]
    found: list[dict] = field(default_factory=list)       # required pairs with an arrow
    missed: list[dict] = field(default_factory=list)      # required pairs without one
    wrong: list[tuple[Arrow, str]] = field(default_factory=list)  # (arrow, why)
    claims_found: list[dict] = field(default_factory=list)  # required pairs among the typed claims
    rolled: list[Arrow] = field(default_factory=list)


def arrows_of(document: dict) -> list[Arrow]:
    """The typed arrows `build_graph` draws for one document, direct and rolled up."""
    from extractor.graph import build_graph, rolled_up

    g = build_graph([document])
    direct = set(g.edges(keys=True))
    names = lambda n: (g.nodes[n]["name"], *g.nodes[n].get("aliases", ()))  # noqa: E731
    return [Arrow(names(s), names(t), data["type"], rolled_up=(s, t, key) not in direct)
            for s, t, key, data in rolled_up(g, rollup=True) if data["type"] in TYPED]


def _matches(pair: dict, arrow: Arrow) -> bool:
    return (same_type(pair["type"], arrow.type) and names_match(pair["source"], list(arrow.source))
            and names_match(pair["target"], list(arrow.target)))


def _why_wrong(row: dict, arrow: Arrow) -> str:
    if not row["pairs"]:
        return "on a negative"
    for p in row["pairs"]:
        if names_match(p["source"], list(arrow.target)) and names_match(p["target"], list(arrow.source)):
            return "reversed"
        if names_match(p["source"], list(arrow.source)) and names_match(p["target"], list(arrow.target)):
            return "wrong type"
    return "no such pair"


def claim_pairs(document: dict) -> list[tuple[list[str], list[str], str]]:
    """(source names, target names, type) of the typed, not negated claims: actor names and spans."""
    actors = {a["id"]: a for a in document["actors"]}

    def names(part: dict | None) -> list[str]:
        if not part:
            return []
        a = actors.get(part.get("actor"))
        return [n for n in ((a or {}).get("name"), *((a or {}).get("aliases") or ()), part.get("text")) if n]

    return [(names(c.get("source")), names(c.get("target")), c["type"]) for c in document["claims"]
            if c["type"] in TYPED and not c.get("negated")]


def score(row: dict, document: dict) -> Outcome:
    """Match one sentence's arrows and claims with its gold pairs."""
    arrows = arrows_of(document)
    out = Outcome(row, arrows)
    direct = [a for a in arrows if not a.rolled_up]
    out.rolled = [a for a in arrows if a.rolled_up]
    for p in row["pairs"]:
        if p.get("optional"):
            continue
        (out.found if any(_matches(p, a) for a in direct) else out.missed).append(p)
        if any(same_type(p["type"], t) and names_match(p["source"], s) and names_match(p["target"], tg)
               for s, tg, t in claim_pairs(document)):
            out.claims_found.append(p)
    for a in direct:
        if not any(_matches(p, a) for p in row["pairs"]):
            out.wrong.append((a, _why_wrong(row, a)))
    return out


def load_set(path: Path = SET, split: str = "all") -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def run(rows: list[dict], nlp=None) -> list[tuple[dict, dict]]:
    """(row, document dict) for every sentence, each parsed as its own document."""
    import pipelines
    from extractor.convert import document_from_doc
    from extractor.records import Article

    nlp = nlp or pipelines.build_nlp()
    docs = nlp.pipe([r["text"] for r in rows], batch_size=32)
    return [(r, document_from_doc(Article(id=r["id"], origin="directed_sentiment", text=r["text"]), d,
                                  model=pipelines.DEFAULT_MODEL).to_dict())
            for r, d in zip(rows, docs)]


def _figures(outcomes: list[Outcome]) -> str:
    req = sum(len(o.found) + len(o.missed) for o in outcomes)
    found = sum(len(o.found) for o in outcomes)
    claims = sum(len(o.claims_found) for o in outcomes)
    wrong = sum(len(o.wrong) for o in outcomes)
    arrows = sum(len(o.arrows) - len(o.rolled) for o in outcomes)
    neg = [o for o in outcomes if not o.row["pairs"]]
    on_neg = sum(len(o.wrong) for o in neg)
    return (f"recall {found / req if req else 0:.3f} ({found}/{req}); wrong edges {wrong} of {arrows} arrows "
            f"({on_neg} on {len(neg)} negatives); claims-level recall {claims / req if req else 0:.3f} ({claims}/{req}); "
            f"rolled up {sum(len(o.rolled) for o in outcomes)}")


def report(outcomes: list[Outcome], listing: bool = False) -> str:
    lines = []
    by_split = defaultdict(list)
    for o in outcomes:
        by_split[o.row["split"]].append(o)
    for split in sorted(by_split):
        lines.append(f"{split:5} ({len(by_split[split])} sentences): {_figures(by_split[split])}")
    if len(by_split) > 1:
        lines.append(f"all   ({len(outcomes)} sentences): {_figures(outcomes)}")
    lines.append("")
    lines.append(f"{'construction':24} {'pairs':>5} {'found':>5} {'claims':>6} {'wrong':>5}")
    by_cons = defaultdict(list)
    for o in outcomes:
        by_cons[o.row["construction"]].append(o)
    for cons, os_ in sorted(by_cons.items(), key=lambda kv: (kv[0].startswith("neg"), kv[0])):
        req = sum(len(o.found) + len(o.missed) for o in os_)
        lines.append(f"{cons:24} {req:5} {sum(len(o.found) for o in os_):5} "
                     f"{sum(len(o.claims_found) for o in os_):6} {sum(len(o.wrong) for o in os_):5}")
    why = Counter(w for o in outcomes for _, w in o.wrong)
    if why:
        lines.append("wrong edges by cause: " + ", ".join(f"{k} {v}" for k, v in why.most_common()))
    if listing:
        for o in outcomes:
            mark = "ok" if not o.missed and not o.wrong else "MISS" if o.missed else "WRONG"
            lines.append(f"\n[{mark}] {o.row['id']} {o.row['split']} {o.row['construction']}: {o.row['text']}")
            for p in o.row["pairs"]:
                state = "optional" if p.get("optional") else "found" if p in o.found else "missed"
                lines.append(f"   gold {p['source']} -> {p['target']} ({p['type']}): {state}")
            for a in o.arrows:
                bad = next((w for x, w in o.wrong if x is a), None)
                lines.append(f"   arrow {a.label()}{'  WRONG: ' + bad if bad else ''}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, default=SET)
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--list", action="store_true", help="every sentence with its pairs and arrows")
    ap.add_argument("--docs", type=Path, default=None, help="also write the documents here")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", message=r".*W036.*")
    pairs = run(load_set(args.set, args.split))
    if args.docs:
        with open(args.docs, "w", encoding="utf-8") as fh:
            for _, d in pairs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(report([score(r, d) for r, d in pairs], listing=args.list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
