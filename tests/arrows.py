"""The (source, target) actor names of a parsed document's claims of one type: what the graph draws,
read in the tests of criticism and party phrases."""
from __future__ import annotations


def arrows(doc, kind: str = "accusation") -> set[tuple[str | None, str | None]]:
    names = {a["id"]: a["name"] for a in doc._.actors}
    return {(names.get(c["source"].get("actor")), names.get((c.get("target") or {}).get("actor")))
            for c in doc._.claims if c["type"] == kind}
