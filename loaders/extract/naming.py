"""Measures and facilities named the way an analyst cites them.

A descriptive measure ("export controls", "tariffs on imported automobiles", "forgivable loans") names no owner:
two documents' "export controls", one Japan's and one the United States', would be one node of the graph. Once a
document says who imposes the measure, its name carries the owner: "Japanese export controls", "U.S. tariffs on
imported automobiles", "Kentucky forgivable loans", "DOE guidance". The words the document used stay as aliases.
A descriptive facility is named with the firm that invests in it the same way ("Velmora battery plant"). The
owner comes from the document's own facts (IMPOSES, INVESTS_IN), never from the gazetteer.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ...graph.model import entity_id

# what is named by its owner: the type, the predicate that says who owns it, and the owner's types
OWNED = {"Policy": ("IMPOSES", ("Country", "USState", "GovernmentBody")),
         "Facility": ("INVESTS_IN", ("Firm",))}


def owner_word(owner, entry) -> str | None:
    """How a name says whose measure it is: a country's adjective ("Japanese", "U.S."), a state's name, an
    agency's abbreviation ("DOE"); None when the owner has no short form."""
    if owner.type == "Country":
        adjectives = list(getattr(entry, "adjectives", None) or ())
        dotted = [a for a in adjectives if "." in a]
        return (dotted or adjectives or [owner.name])[0]
    if owner.type in ("USState", "Firm"):
        return owner.name
    short = sorted((a for a in owner.aliases | {owner.name} if re.fullmatch(r"[A-Z]{2,6}", a)), key=len)
    return short[0] if short else None


def _names_owner(name: str, owner, entry) -> bool:
    forms = {owner.name, *owner.aliases, *(getattr(entry, "adjectives", None) or ())}
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", name) for f in forms if f)


def name_by_owner(facts, gazetteer_by_id: dict) -> None:
    """Rename the document's descriptive measures and facilities that have exactly one owner (see the module's
    docstring)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in facts.relations:
        for type_, (predicate, owner_types) in OWNED.items():
            if r.predicate == predicate and facts.entities[r.object].type == type_ \
                    and facts.entities[r.subject].type in owner_types:
                owners[r.object].add(r.subject)
    for eid, firms in facts.owners.items():  # a facility's owners the grammar found
        owners[eid] |= {f for f in firms if f in facts.entities}
    renamed: dict[str, str] = {}
    for eid, who in owners.items():
        bodies = {w for w in who if facts.entities[w].type == "GovernmentBody"}
        countries = {w for w in who if facts.entities[w].type == "Country"}
        if len(who) > 1 and len(bodies) == 1:
            who = bodies  # "China's Ministry of Commerce": the body names the measure ("MOFCOM investigation")
        e = facts.entities.get(eid)
        if e is None or e.source != "pattern" or len(who) != 1 or not e.name[:1].islower():
            continue  # a proper name ("Section 232 tariffs", "Reciprocal Tariffs") is cited as it is
        owner = facts.entities[next(iter(who))]
        entry = gazetteer_by_id.get(owner.id)
        word = owner_word(owner, entry)
        if word is None and len(countries) == 1:  # a body with no short name: its country's ("Japanese ...")
            owner = facts.entities[next(iter(countries))]
            entry = gazetteer_by_id.get(owner.id)
            word = owner_word(owner, entry)
        if word is None or _names_owner(e.name, owner, entry):
            continue
        # the document's own words for it with the owner ("Japanese export restrictions"), else the owner's word
        own = sorted((a for a in e.aliases if a[:1].isupper() and _names_owner(a, owner, entry)), key=len)
        name = own[0] if own else f"{word} {e.name}"
        new_id = entity_id(e.type, name)
        have = facts.entities.get(new_id)
        if have is None:
            have = type(e)(new_id, name, e.type, set(e.aliases) | {e.name}, set(e.docs), e.wikidata, e.source)
            facts.entities[new_id] = have
        else:
            have.aliases |= e.aliases | {e.name}
        del facts.entities[eid]
        renamed[eid] = new_id
    rename_entities(facts, renamed)


def rename_entities(facts, renamed: dict[str, str]) -> None:
    """Point the document's relations and mentions at the new ids of renamed or merged entities."""
    if not renamed:
        return
    for r in facts.relations:
        r.subject = renamed.get(r.subject, r.subject)
        r.object = renamed.get(r.object, r.object)
    for m in facts.mentions:
        m["entity_id"] = renamed.get(m["entity_id"], m["entity_id"])
