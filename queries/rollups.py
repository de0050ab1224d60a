"""The numbers and sequences a briefing reports, computed so that an analyst can cite them.

    from policygraph.queries.rollups import investments, home_rollup, disagreements
    invs = investments(kg, kg.relations.values())   # stated investments, each counted once
    korea = home_rollup(kg, "country/south-korea")    # the investments of firms based in South Korea

Rules (issue 11):
- An amount is counted once. Facts sharing a `joint_id` (one amount stated for several objects: "$11.4 billion
  for battery parks in Kentucky and Tennessee") are one investment; so are facts by the same investor with the
  same amount and year that share a quote (one sentence naming a state, a sector and a plant).
- Amounts are never added across predicates, directions or measures: only investments are totalled; any other
  amount is listed with its own subject, predicate, object, measure and year (amount_groups).
- A disagreement is two amounts for the same subject, predicate, object, measure and year (an undated fact
  disagrees only with an undated one; a measure stated for one fact only is no difference). The figure stated
  in the most documents is the one counted.
- A year is the fact's own event year (props.year); nothing is dated from a quote.
- A firm's home country is an attribute of the firm (Entity.home_country, general knowledge from the gazetteer),
  shown as "stated" where a LOCATED_IN fact in the text says so, or taken from such a fact when the gazetteer
  has none.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..graph.model import KnowledgeGraph, Relation
from .facts import amount_of, display_name, joint_id, measure_of, status_of, year_of
from .linkage import is_actor_type

GENERAL_KNOWLEDGE = "general knowledge"
STATED = "stated in the text"


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def _grouped(items: list, keys) -> list[list]:
    """Items joined whenever they share any key that keys(item) yields."""
    u = _Union(len(items))
    first: dict = {}
    for i, it in enumerate(items):
        for k in keys(it):
            if k in first:
                u.join(i, first[k])
            else:
                first[k] = i
    return [[items[i] for i in g] for g in u.groups()]


# -- disagreements --------------------------------------------------------------------------------------
def same_measure(a: Relation, b: Relation) -> bool:
    """No measure-like prop (what the amount counts) stated for both with different values."""
    ma, mb = dict(measure_of(a)), dict(measure_of(b))
    return all(ma[k] == mb[k] for k in ma.keys() & mb.keys())


def disagreements(kg: KnowledgeGraph) -> dict[tuple, list[Relation]]:
    """For each relation key: the facts with the same subject, predicate, object, measure and year (and the
    same joint marking) that state a different amount. A measure one fact does not state is not a difference
    ('$2.5 billion for its solar factory' and '$2.7 billion' disagree); one stated differently is."""
    groups: dict[tuple, list[Relation]] = defaultdict(list)
    for r in kg.relations.values():
        if amount_of(r) is not None:
            groups[(r.subject, r.predicate, r.object, year_of(r), joint_id(r) is not None)].append(r)
    out: dict[tuple, list[Relation]] = {}
    for rels in groups.values():
        for r in rels:
            others = [o for o in rels if amount_of(o) != amount_of(r) and same_measure(r, o)]
            if others:
                out[r.key] = sorted(others, key=lambda o: (-len(o.docs), o.id))
    return out


# -- investments ----------------------------------------------------------------------------------------
@dataclass
class Investment:
    """One stated investment: the INVESTS_IN facts that state one amount (see the module docstring)."""

    investor: str
    amount: float
    year: int | None
    rels: list[Relation]
    disputed: list["Investment"] = field(default_factory=list)  # other figures stated for it

    @property
    def objects(self) -> list[str]:
        return sorted({r.object for r in self.rels})

    def states(self, kg: KnowledgeGraph) -> list[str]:
        """The US states it is stated for (facts whose object is a US state)."""
        return [o for o in self.objects if getattr(kg.entities.get(o), "type", None) == "USState"]

    def state_rels(self, kg: KnowledgeGraph) -> list[Relation]:
        states = set(self.states(kg))
        return [r for r in self.rels if r.object in states]

    @property
    def joint(self) -> bool:
        """One amount for several objects (marked joint by the extraction, or stated for several)."""
        return any(joint_id(r) for r in self.rels) or len(self.objects) > 1

    @property
    def status(self) -> str | None:
        return next((status_of(r) for r in self.rels if status_of(r)), None)

    @property
    def support(self) -> tuple:
        return (len({d for r in self.rels for d in r.docs}), sum(r.confidence for r in self.rels))


def _investment_keys(r: Relation):
    if joint_id(r):
        yield ("joint", joint_id(r))
    for ev in r.evidence:  # the same investor, amount and year in the same sentence: one statement
        yield ("stated", r.subject, amount_of(r), year_of(r), ev.doc, ev.start, ev.end)


def investments(kg: KnowledgeGraph, rels) -> list[Investment]:
    """The stated investments among `rels` (INVESTS_IN facts with an amount), each counted once; an
    investment stated with different amounts keeps the best-supported figure and lists the others."""
    facts = sorted((r for r in rels if r.predicate == "INVESTS_IN" and amount_of(r) is not None),
                   key=lambda r: r.id)
    out = []
    for group in _grouped(facts, _investment_keys):
        head = min(group, key=lambda r: (-len(r.docs), r.id))
        out.append(Investment(head.subject, amount_of(head), year_of(head), sorted(group, key=lambda r: r.id)))
    disagree = disagreements(kg)
    owner = {r.key: inv.rels[0].id for inv in out for r in inv.rels}

    def same_investment(inv: Investment):
        yield inv.rels[0].id
        for r in inv.rels:  # another figure stated for the same investment
            yield from (owner[o.key] for o in disagree.get(r.key, []) if o.key in owner)

    merged = []
    for cluster in _grouped(out, same_investment):
        cluster.sort(key=lambda m: (m.support[0], m.support[1], -m.amount), reverse=True)
        head = cluster[0]
        head.disputed = cluster[1:]
        merged.append(head)
    return sorted(merged, key=lambda i: (i.year is None, i.year or 0, -i.amount, i.rels[0].id))


def by_state(kg: KnowledgeGraph, invs: list[Investment]) -> list[tuple[str, float, list[Investment]]]:
    """(label, amount, investments) per US state; an amount stated for several states jointly is its own
    line ('Kentucky and Tennessee (joint)'), never added to each state. Largest first."""
    lines: dict[tuple, list[Investment]] = defaultdict(list)
    for inv in invs:
        states = tuple(sorted(inv.states(kg), key=lambda s: display_name(kg, s)))
        if states:
            lines[states].append(inv)
    out = []
    for states, items in lines.items():
        names = [display_name(kg, s) for s in states]
        label = names[0] if len(names) == 1 else " and ".join([", ".join(names[:-1]), names[-1]]) + " (joint)"
        out.append((label, sum(i.amount for i in items), items))
    return sorted(out, key=lambda x: (-x[1], x[0]))


def by_year(invs: list[Investment]) -> list[tuple[int | None, float]]:
    years: dict[int | None, float] = defaultdict(float)
    for inv in invs:
        years[inv.year] += inv.amount
    return sorted(years.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))


# -- home countries -------------------------------------------------------------------------------------
def home_country(kg: KnowledgeGraph, firm_id: str) -> tuple[str | None, str | None, list[Relation]]:
    """(country id, basis, the LOCATED_IN facts stating it) for a firm: the gazetteer's home country (basis
    'general knowledge', or 'stated in the text' when a LOCATED_IN fact says so), else the one country a
    LOCATED_IN fact places it in."""
    e = kg.entities.get(firm_id)
    if e is None:
        return None, None, []
    located = sorted((r for r in kg.relations.values() if r.predicate == "LOCATED_IN" and r.subject == firm_id
                      and getattr(kg.entities.get(r.object), "type", None) == "Country"), key=lambda r: r.id)
    home = getattr(e, "home_country", None)
    if home:
        stated = [r for r in located if r.object == home]
        return home, STATED if stated else GENERAL_KNOWLEDGE, stated
    countries = {r.object for r in located}
    if len(countries) == 1:
        return countries.pop(), STATED, located
    return None, None, []


@dataclass
class FirmRollup:
    firm: str
    basis: str
    located: list[Relation]  # the LOCATED_IN facts stating its home country (basis 'stated in the text')
    investments: list[Investment]
    unquantified: list[Relation]  # INVESTS_IN facts without an amount


def home_rollup(kg: KnowledgeGraph, country_id: str) -> list[FirmRollup]:
    """The investments of the firms whose home country is `country_id`, per firm (largest first)."""
    out = []
    for e in kg.sorted_entities():
        if e.type != "Firm":
            continue
        home, basis, located = home_country(kg, e.id)
        if home != country_id:
            continue
        rels = [r for r in kg.relations.values() if r.subject == e.id and r.predicate == "INVESTS_IN"]
        invs = investments(kg, rels)
        quantified = {r.key for inv in invs for r in inv.rels} | \
            {r.key for inv in invs for d in inv.disputed for r in d.rels}
        bare = sorted((r for r in rels if r.key not in quantified and amount_of(r) is None), key=lambda r: r.id)
        if invs or bare:
            out.append(FirmRollup(e.id, basis, located, invs, bare))
    return sorted(out, key=lambda f: (-sum(i.amount for i in f.investments), display_name(kg, f.firm)))


# -- other amounts --------------------------------------------------------------------------------------
def amount_groups(rels) -> list[list[Relation]]:
    """Amounts that are not investments, grouped by subject, predicate, object and measure (never added);
    each group ordered by year."""
    groups: dict[tuple, list[Relation]] = defaultdict(list)
    for r in rels:
        if r.predicate != "INVESTS_IN" and amount_of(r) is not None:
            groups[(r.predicate, r.subject, r.object, measure_of(r))].append(r)
    return [sorted(g, key=lambda r: (year_of(r) is None, year_of(r) or 0, r.id)) for _, g in sorted(groups.items())]


# -- measures and retaliation ---------------------------------------------------------------------------
@dataclass
class Measure:
    """A measure by `actor` against `target`: RETALIATES_AGAINST, or IMPOSES a policy that TARGETS it."""

    actor: str
    target: str
    year: int | None
    rels: list[Relation]
    what: str


def _narrative(r: Relation) -> tuple:
    """Where a fact is first stated: documents tell a sequence in order."""
    return min(((e.doc, e.start) for e in r.evidence), default=("~", 0))


def measures(kg: KnowledgeGraph) -> list[Measure]:
    out = []
    imposers: dict[str, list[Relation]] = defaultdict(list)
    for r in kg.relations.values():
        if r.predicate == "IMPOSES":
            imposers[r.object].append(r)
    for r in kg.sorted_relations():
        if r.predicate == "RETALIATES_AGAINST":
            out.append(Measure(r.subject, r.object, year_of(r), [r], str(r.props.get("measure") or "retaliation")))
        elif r.predicate == "TARGETS":
            target = kg.entities.get(r.object)
            if target is None or not is_actor_type(target.type):
                continue
            by_actor: dict[str, Relation] = {}
            for imp in sorted(imposers.get(r.subject, []), key=lambda x: (year_of(x) is None, x.id)):
                if imp.subject != r.object:
                    by_actor.setdefault(imp.subject, imp)  # one measure per actor (its dated statement first)
            for imp in by_actor.values():
                out.append(Measure(imp.subject, r.object, year_of(r) or year_of(imp), [imp, r],
                                   display_name(kg, r.subject)))
    # one measure per actor, policy and target: the dated statement of it first
    seen: dict[tuple, Measure] = {}
    for m in sorted(out, key=lambda m: (m.year is None, m.year or 0)):
        seen.setdefault((m.actor, m.rels[0].object if len(m.rels) == 2 else m.rels[0].id, m.target), m)
    keep = {id(m) for m in seen.values()}
    return [m for m in out if id(m) in keep]


def measure_order(m: Measure) -> tuple:
    """By year (undated last), then where the documents state it."""
    return (m.year is None, m.year or 0) + _narrative(m.rels[-1])


def retaliation_chains(kg: KnowledgeGraph, involving: set[str] | None = None) -> list[list[Measure]]:
    """Pairs of actors with measures both ways (X against Y, then Y against X): each chain is the pair's
    measures ordered by year (undated ones last), starting with the earliest."""
    by_pair: dict[frozenset, list[Measure]] = defaultdict(list)
    for m in measures(kg):
        if m.actor != m.target:
            by_pair[frozenset((m.actor, m.target))].append(m)
    chains = []
    for pair, ms in by_pair.items():
        if involving is not None and not (pair & involving if len(involving) == 1 else pair == involving):
            continue
        if len({m.actor for m in ms}) < 2:
            continue
        chains.append(sorted(ms, key=measure_order))
    return sorted(chains, key=lambda c: measure_order(c[0]))
