"""Synthetic documents in the JSON contract, for briefings at corpus scale without spaCy: a cast of
states, bodies, officials, companies and threat actors; outlets of uneven size (some articles
with only a URL, some with neither); accusations, attributions, denials and statements with
consistent offsets; a share of syndicated copies (the same text in several outlets). Generated
lazily and deterministically: `documents(n)` gives the same n dicts every time, one at a time.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

STATES = ["Ruritania", "Freedonia", "Latveria", "Genovia", "Sokovia", "Wakanda", "Elbonia", "Zubrowka"]
COMPANIES = ["Globex", "Initech", "Umbrella Corp", "Hooli", "Soylent", "Cyberdyne", "Wayne Enterprises"]
THREATS = ["Red Wraith", "Ghost Panda", "Velvet Storm", "Iron Jackal", "Night Heron", "Blue Mantis"]
FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
LAST = ["Adler", "Bauer", "Costa", "Dumas", "Egger", "Fischer", "Gruber", "Horvat", "Ivanov", "Jansen"]
OUTLETS = [f"The {w} {k}" for w in ("Daily", "Morning", "Evening", "Weekly", "National", "Harbour", "Capital",
                                      "Northern", "Southern", "Eastern") for k in ("Post", "Herald", "Times", "Ledger")]
DOMAINS = [f"news{i}.example.com" for i in range(30)] + [f"www.paper{i}.co.uk" for i in range(10)]
DAYS = 120


def slug(name: str) -> str:
    return "-".join(name.lower().replace(".", "").split())


def _cast(rng: random.Random) -> list[dict]:
    actors = [{"id": slug(s), "name": s, "kind": "state", "aliases": [], "title": None, "part_of": None,
               "country": None} for s in STATES]
    for s in STATES:
        actors.append({"id": slug(f"{s} Foreign Ministry"), "name": f"{s} Foreign Ministry",
                       "kind": "government_body", "aliases": [], "title": None, "part_of": slug(s), "country": None})
    for i in range(40):
        name = f"{FIRST[i % 10]} {LAST[(i * 7 + i // 10) % 10]}"
        body = actors[len(STATES) + i % len(STATES)]["id"]
        actors.append({"id": slug(name) + (f"-{i}" if i >= 10 else ""), "name": name, "kind": "official",
                       "aliases": [], "title": "spokesperson" if i % 2 else "minister", "part_of": body,
                       "country": None})
    actors += [{"id": slug(c), "name": c, "kind": "company", "aliases": [], "title": None, "part_of": None,
                "country": None} for c in COMPANIES]
    actors += [{"id": slug(t), "name": t, "kind": "threat_actor", "aliases": [t.split()[1].upper()],
                "title": None, "part_of": None, "country": "RU"} for t in THREATS]
    for i in range(120):  # a long tail of people named once or twice, who make no claim
        name = f"{FIRST[i % 10]} {LAST[i // 12 % 10]}-{i}"
        actors.append({"id": slug(name), "name": name, "kind": "person", "aliases": [], "title": None,
                       "part_of": None, "country": None})
    return actors


TEMPLATES = [
    ("accusation", "{s} accused {t} of breaking into its networks.", "accused"),
    ("attribution", "{s} attributed the intrusions to {t}, with high confidence.", "attributed"),
    ("denial", "{s} denied the accusations made by {t}.", "denied"),
    ("statement", "{s} said the investigation would take weeks.", "said"),
    ("statement", "{s} told reporters that more attacks were likely.", "told"),
    ("accusation", "{s} blamed {t} for the outage, which may have been deliberate.", "blamed"),
]


def documents(n: int, seed: int = 11) -> Iterator[dict]:
    """n synthetic articles; about one in eight is a syndicated copy of an earlier one."""
    rng = random.Random(seed)
    actors = _cast(rng)
    speakers = [a for a in actors if a["kind"] != "person"]
    blamed = [a for a in actors if a["kind"] in ("state", "threat_actor", "company")]
    earlier: list[tuple[str, list, list]] = []
    for i in range(n):
        copy = earlier and rng.random() < 0.12
        if copy:
            text, claims_spec, cast = rng.choice(earlier[-50:])
        else:
            parts, claims_spec, pos, cast = [], [], 0, {}
            for k in range(rng.randint(4, 12)):
                typ, pattern, cue = TEMPLATES[rng.randrange(len(TEMPLATES))] if k else TEMPLATES[k]
                s = speakers[min(int(rng.paretovariate(1.1)) - 1, len(speakers) - 1)]
                t = blamed[min(int(rng.paretovariate(1.3)) - 1, len(blamed) - 1)]
                if t["id"] == s["id"]:
                    t = blamed[(blamed.index(t) + 1) % len(blamed)]
                if typ == "denial":
                    s, t = t, s
                sentence = pattern.format(s=s["name"], t=t["name"])
                claims_spec.append((typ, cue, pos, sentence, s, t if "{t}" in pattern else None))
                cast[s["id"]], cast[t["id"]] = s, t
                parts.append(sentence)
                pos += len(sentence) + 1
                if rng.random() < 0.3:
                    filler = "Officials gave no further details about the incident on Tuesday."
                    parts.append(filler)
                    pos += len(filler) + 1
            for person in rng.sample(actors[-120:], 2):
                cast[person["id"]] = person
            text = " ".join(parts)
            cast = list(cast.values())
            earlier.append((text, claims_spec, cast))
        did = f"syn-{i:05d}"
        claims, entities = [], []
        for k, (typ, cue, start, sentence, s, t) in enumerate(claims_spec, 1):
            c0 = start + sentence.index(cue)
            tgt = None
            if t is not None:
                t0 = start + sentence.index(t["name"], len(s["name"]))
                tgt = {"actor": t["id"], "start": t0, "end": t0 + len(t["name"]), "text": t["name"]}
                entities.append({"start": t0, "end": t0 + len(t["name"]), "text": t["name"], "label": "ORG",
                                 "actor": t["id"]})
            entities.append({"start": start, "end": start + len(s["name"]), "text": s["name"], "label": "ORG",
                             "actor": s["id"]})
            content0 = c0 + len(cue) + 1
            claims.append({
                "id": f"{did}#c{k}", "type": typ,
                "source": {"actor": s["id"], "start": start, "end": start + len(s["name"]), "text": s["name"]},
                "cue": {"start": c0, "end": c0 + len(cue), "text": cue},
                "content": {"start": content0, "end": start + len(sentence) - 1,
                            "text": text[content0:start + len(sentence) - 1]},
                "target": tgt, "quote": False, "hedges": ["may"] if " may " in sentence else [],
                "confidence": "high" if "high confidence" in sentence else None, "negated": False,
                "sentence": {"start": start, "end": start + len(sentence), "text": sentence}})
        entities.sort(key=lambda e: (e["start"], e["end"]))
        r = rng.random()
        outlet = OUTLETS[min(int(rng.paretovariate(0.9)) - 1, len(OUTLETS) - 1)] if r < 0.85 else None
        url = f"https://{rng.choice(DOMAINS)}/{did}" if r < 0.95 else None
        yield {"id": did, "url": url, "title": f"Report {i}: {text[:60]}", "source": outlet, "author": None,
               "published": f"2021-{1 + (i * DAYS // max(n, 1)) // 30:02d}-{1 + (i * DAYS // max(n, 1)) % 28:02d}"
               if rng.random() < 0.97 else None,
               "language": "en", "model": "synthetic", "text": text, "actors": cast, "entities": entities,
               "claims": claims}
