"""Measures and facilities named the way an analyst cites them.

A descriptive measure ("export controls", "tariffs on imported automobiles", "forgivable loans") names no owner:
two documents' "export controls", one Japan's and one the United States', would be one node of the graph. Once a
document says who imposes the measure, its name carries the owner: "Japanese export controls", "U.S. tariffs on
imported automobiles", "Kentucky forgivable loans", "DOE guidance". The words the document used stay as aliases.
A descriptive facility is named with the firm that invests in it the same way ("Velmora battery plant"). The
owner comes from the document's own facts (IMPOSES, INVESTS_IN), never from the gazetteer.

A pact described by one of its sides ("a free trade agreement with Peru") is named by both, once the document
says who the other is ("Chile signed ..."): "Chile-Peru FTA", or the gazetteer's bilateral agreement of those two
sides where it knows one ("South Korea" and "Chile" -> "Korea-Chile FTA").
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ...graph.model import entity_id
from .mentions import BILATERAL

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
    # (the shortest; among as short, the first in order: aliases are a set, whose order varies from run to run)
    short = sorted((a for a in owner.aliases | {owner.name} if re.fullmatch(r"[A-Z]{2,6}", a)), key=lambda a: (len(a), a))
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
        if e is None or e.source != "pattern" or len(who) != 1 or not _descriptive(e):
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
        # (named by it up front, "Japanese export restrictions", not in a clause after: "... imposed by Japan")
        own = sorted((a for a in e.aliases if a[:1].isupper() and _names_owner(" ".join(a.split()[:2]), owner, entry)),
                     key=lambda a: (len(a), a))  # (as above: the same name every run)
        name = own[0] if own else f"{word} {e.name}"
        _move(facts, e, entity_id(e.type, name), name, e.wikidata, e.source, renamed)
    rename_entities(facts, renamed)


def _descriptive(e) -> bool:
    """A name that describes: lower-case ("export controls"), or a facility's common noun after the place it is in
    ("the Memphis plant", "its American plant"; not "Kaesong Industrial Complex")."""
    words = e.name.split()
    return e.name[:1].islower() or e.type == "Facility" and len(words) <= 4 and words[-1].islower()


def _move(facts, e, new_id: str, name: str, wikidata, source: str, renamed: dict[str, str]) -> None:
    """The entity under its new name (merged into one of that name the document already has), its old name and
    aliases kept as aliases; `renamed` records the move for rename_entities."""
    have = facts.entities.get(new_id)
    if have is None:
        facts.entities[new_id] = type(e)(new_id, name, e.type, set(e.aliases) | {e.name}, set(e.docs), wikidata, source)
    else:
        have.aliases |= e.aliases | {e.name}
        have.docs |= e.docs
    if new_id != e.id:
        del facts.entities[e.id]
        renamed[e.id] = new_id


def rename_entities(facts, renamed: dict[str, str]) -> None:
    """Point the document's relations and mentions at the new ids of renamed or merged entities."""
    if not renamed:
        return
    for r in facts.relations:
        r.subject = renamed.get(r.subject, r.subject)
        r.object = renamed.get(r.object, r.object)
    for m in facts.mentions:
        m["entity_id"] = renamed.get(m["entity_id"], m["entity_id"])


PARTNER = re.compile(r"^(?P<kind>.+?) (?:with|between .+? and) (?P<partner>.+)$")
PARTY_PREDICATES = ("PARTY_TO", "SIGNS", "RATIFIES", "NEGOTIATES")


def _key(form: str) -> str:
    return re.sub(r"[.\s]", "", form).lower()


@lru_cache(maxsize=4)
def _bilateral_index(entries: tuple) -> dict:
    """{frozenset of the two sides' forms: gazetteer entry} for the bilateral FTAs the gazetteer knows."""
    index = {}
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            m = BILATERAL.match(form.replace("\u2013", "-"))
            if m:
                index.setdefault(frozenset({_key(m["a"]), _key(m["b"])}), entry)
    return index


def name_by_parties(facts, gazetteer_by_id: dict) -> None:
    """Rename the document's pacts described by one side ("FTA with Peru") that have exactly two parties, or by
    the sides of their talks ("FTA talks between Chile, Peru and Bolivia") that have those parties (see the module's
    docstring)."""
    index = _bilateral_index(tuple(e for e in gazetteer_by_id.values() if e.type == "Agreement"))
    parties: dict[str, set[str]] = defaultdict(set)
    for r in facts.relations:
        if r.predicate in PARTY_PREDICATES and r.object in facts.entities \
                and facts.entities[r.object].type == "Agreement" \
                and facts.entities[r.subject].type in ("Country", "InternationalOrganization"):
            parties[r.object].add(r.subject)
    renamed: dict[str, str] = {}
    for eid, who in parties.items():
        e = facts.entities[eid]
        described = PARTNER.match(e.name) if e.source == "pattern" else None
        if described is None or len(who) != _sides_named(e.name):
            continue
        # (the side named after "with" last; the order fixed whatever the set's)
        sides = sorted((facts.entities[w] for w in who), key=lambda x: (x.name in described["partner"], x.name))
        forms = [sorted({_key(x.name), *(_key(a) for a in getattr(gazetteer_by_id.get(x.id), "aliases", ()))})
                 for x in sides]
        known = next((index[frozenset({a, b})] for a in forms[0] for b in forms[1]
                      if frozenset({a, b}) in index), None) if len(forms) == 2 else None
        fta = re.search(r"\b(?:FTA|free trade agreement)\b", described["kind"], re.IGNORECASE)
        if known is not None and fta:
            _move(facts, e, known.id, known.name, known.wikidata, "gazetteer", renamed)
        else:
            name = "-".join(_side(x, gazetteer_by_id.get(x.id)) for x in sides) + " " + (
                "FTA" if fta else described["kind"])
            _move(facts, e, entity_id(e.type, name), name, e.wikidata, e.source, renamed)
    rename_entities(facts, renamed)


def _sides_named(name: str) -> int:
    """How many sides a described pact's name gives: "FTA with Peru" two, "FTA between Chile, Peru and Bolivia"
    three, "FTA with Peru, Bolivia and Ecuador" four (the side that signs it with them, and they)."""
    listed = re.search(r" (between|with) (.+)$", name)
    if listed is None:
        return 2
    named = len(re.split(r",\s*(?:and\s+)?|\s+and\s+", listed.group(2)))
    return named if listed.group(1) == "between" else named + 1


def _side(party, entry) -> str:
    """How a pact's name writes one side: a country by its name or its dotted short form ("U.S."), another by the
    word that says whose it is."""
    if party.type == "Country":
        dotted = [a for a in getattr(entry, "adjectives", None) or () if "." in a]
        return dotted[0] if dotted else party.name
    return owner_word(party, entry) or party.name
