"""Precision and recall of actor mentions against the gold seed's surface forms.

    python benchmarks/actor_mentions.py [FILES...]      (default: the seed and corpus/hafnium/*)

The gold (../shared/gold/hafnium-seed.json) lists, for each actor, every surface form that must
resolve to it. The sample pages of corpus/hafnium reuse the seed's sentences, so the same forms
apply to them. Recall: occurrences of a gold form (whole words, case-sensitive) that a mention
covering them resolves to the right actor; an occurrence inside a longer occurrence of another
actor's form ("US" in "US National Security Council") is that actor's and is not counted.
Precision: mentions whose text is a gold form of their actor count as right; the others
(pronouns, nominals, titles) are printed for a reader to judge, with the reader's verdicts kept
in JUDGED below, so the figure is reproducible.
"""
from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "gold" / "hafnium-seed.json"

# (mention text, actor) pairs outside the gold forms that a reader checked in context and found right
JUDGED = {
    ("it", "microsoft"), ("It", "microsoft"), ("they", "china"), ("it", "hafnium"), ("they", "mstic"),
    ("the White House National Security Adviser", "jake-sullivan"), ("Sullivan", "jake-sullivan"),
    ("Psaki", "jen-psaki"), ("Microsoft Threat Intelligence Center", "mstic"),
    ("US Cybersecurity and Infrastructure Security Agency", "cisa"),
    ("the US Cybersecurity and Infrastructure Security Agency", "cisa"),
    ("Reuters", "reuters"), ("Chinese", "china"), ("the Chinese government", "china"),
    ("The Microsoft Threat Intelligence Center", "mstic"), ("The US", "united-states"),
    ("Daniel Okafor", "daniel-okafor"), ("Ruth Adeyemi", "ruth-adeyemi"),  # the wire brief's byline and editor
}


def occurrences(text: str, gold: dict) -> list[tuple[int, int, str]]:
    found = []
    for actor in gold["actors"]:
        for form in actor["names"]:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                found.append((m.start(), m.end(), actor["id"]))
    # drop an occurrence nested in a longer one of another actor
    return [o for o in found if not any(p[0] <= o[0] and o[1] <= p[1] and (p[1] - p[0]) > (o[1] - o[0])
                                        and p[2] != o[2] for p in found)]


def main() -> None:
    warnings.filterwarnings("ignore")
    from extractor.clean import clean
    from extractor.ingest import iter_raw
    from pipelines import build_nlp

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    forms = {(f, a["id"]) for a in gold["actors"] for f in a["names"]}
    paths = sys.argv[1:] or [str(ROOT / "corpus" / "hafnium")]
    nlp = build_nlp()
    tot = dict(gold=0, found=0, mentions=0, right=0)
    for raw in iter_raw(paths):
        art = clean(raw)
        doc = nlp(art.text)
        mentions = doc._.mentions
        occ = occurrences(art.text, gold)
        hit = [o for o in occ if any(m["start"] <= o[0] and o[1] <= m["end"] and m["actor"] == o[2] for m in mentions)]
        unjudged = [(m["text"], m["actor"]) for m in mentions
                    if (m["text"], m["actor"]) not in forms and (m["text"], m["actor"]) not in JUDGED]
        right = len(mentions) - len(unjudged)
        print(f"{art.id:<18} recall {len(hit)}/{len(occ)}  precision {right}/{len(mentions)}")
        for o in sorted(set(occ) - set(hit)):
            print(f"    missed {art.text[o[0]:o[1]]!r} -> {o[2]}")
        for pair in unjudged:
            print(f"    to judge {pair}")
        tot["gold"] += len(occ)
        tot["found"] += len(hit)
        tot["mentions"] += len(mentions)
        tot["right"] += right
    print(f"all: recall {tot['found']}/{tot['gold']} = {tot['found'] / tot['gold']:.3f}, "
          f"precision {tot['right']}/{tot['mentions']} = {tot['right'] / tot['mentions']:.3f}")


if __name__ == "__main__":
    main()
