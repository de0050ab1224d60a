"""A cited briefing on one entity, or on two (a dyad), in Markdown, HTML or JSON.

    from policygraph.queries.briefing import brief
    text = brief(kg, "Japan")                                   # policygraph brief Japan
    brief(kg, "Hanwha", with_="Georgia", out="dyad.html")       # policygraph brief Hanwha --with Georgia -o dyad.html
    brief(kg, "South Korea", fmt="json")                        # policygraph brief "South Korea" --format json

A briefing says who the entity is (type, aliases, Wikidata id, a firm's home country), lists its relations by
predicate, rolls up the money (queries/rollups.py: investment into US states, other investments, a country's
firms' investments, other amounts listed but never added), orders the dated facts on a timeline (the event
year only), shows the retaliation and targeting it is involved in, including retaliation chains, the actors two
relations away, and how well each fact is corroborated (disagreeing amounts: the same subject, predicate,
object, measure and year). Every fact cites numbered footnotes, one per quote, giving the document (with the
title, publisher and date it states), the character offsets of the quote in its text, and a link to the
build's page of that document with the quote highlighted. With `docs_dir`, each footnote is checked against
the text and flagged when it does not match.

Markdown, HTML and JSON are rendered from one list of blocks (queries/brief_render.py), so they say the same
thing; the HTML embeds the focused browser view and, for print, a static drawing of it.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections import defaultdict
from pathlib import Path

from ..console import PolicygraphError
from ..graph.model import Entity, KnowledgeGraph, Relation
from .brief_render import (UL, B, Code, Embed, Figure, Flag, Footnotes, H, Link, P, Table, document_description,
                           render_html, render_json, render_markdown)
from .facts import EXTRA_PROPS, MEASURE_PROPS, amount_of, display_name, format_usd, relation_label, year_of
from .linkage import explain, is_actor_type, nx_graph, resolve
from .rollups import (Investment, Measure, amount_groups, by_state, by_year, disagreements,
                      home_country, home_rollup, investments, measure_order, measures, retaliation_chains)

MAX_RELATED = 40
FORMATS = ("md", "html", "json")
__all__ = ["brief", "investments", "disagreements", "measures", "retaliation_chains", "Measure", "Investment"]


def _adjacency(kg: KnowledgeGraph) -> dict[str, list[Relation]]:
    adj: dict[str, list[Relation]] = defaultdict(list)
    for r in kg.sorted_relations():
        adj[r.subject].append(r)
        if r.object != r.subject:
            adj[r.object].append(r)
    return adj


def _fact_order(r: Relation) -> tuple:
    """By event year (undated last), then where it is first stated (narrative order), then confidence."""
    y = year_of(r)
    first = min(((e.doc, e.start) for e in r.evidence), default=("~", 0))
    return (y is None, y or 0, first, -r.confidence, r.id)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class _Briefing:
    """Builds the blocks of one briefing; `data` collects the same numbers for the JSON output."""

    def __init__(self, kg: KnowledgeGraph, docs_dir=None, link_base: Path | None = None,
                 with_view: bool = True) -> None:
        self.kg = kg
        self.with_view = with_view
        self.fn = Footnotes(docs_dir, kg.documents, link_base)
        self.blocks: list = []
        self.data: dict = {}
        self.adj = _adjacency(kg)
        self.disagree = disagreements(kg)

    def name(self, eid: str) -> str:
        return display_name(self.kg, eid)

    def fact(self, r: Relation, docs: bool = True) -> list:
        line: list = [B(relation_label(self.kg, r))]
        extra = [f"{k}: {r.props[k]}" for k in EXTRA_PROPS if r.props.get(k) not in (None, "")]
        if extra:
            line.append(f" ({'; '.join(extra)})")
        if docs:
            n = len(r.docs)
            line.append(f" — stated in {_plural(n, 'document')}" if n else " — no quote")
        line += self.fn.cite(r)
        others = self.disagree.get(r.key)
        if others:
            line += [" ", Flag("disagrees with: ")]
            for i, o in enumerate(others):
                line.append(("; " if i else "") + format_usd(amount_of(o)) + (f" ({year_of(o)})" if year_of(o) else ""))
                have = {x.n for x in line if hasattr(x, "n")}
                line += [x for x in self.fn.cite(o) if x.n not in have]
        return line

    # -- who --------------------------------------------------------------------------------------------
    def who(self, e: Entity, notes: list[str], heading: str | None = None) -> None:
        if heading:
            self.blocks.append(H(2, heading))
        line: list = [B("Type:"), " ", e.type]
        aliases = sorted(a for a in e.aliases if a != e.name)
        if aliases:
            line += [" · ", B("Aliases:"), " ", ", ".join(aliases)]
        if e.wikidata:
            qid = str(e.wikidata).rsplit("/", 1)[-1]
            line += [" · ", B("Wikidata:"), " ", Link(qid, f"https://www.wikidata.org/wiki/{qid}")
                     if re.fullmatch(r"Q\d+", qid) else qid]
        line += [" · ", B("Id:"), " ", Code(e.id)]
        self.blocks.append(P(line))
        home, basis, stated = home_country(self.kg, e.id) if e.type == "Firm" else (None, None, [])
        if home:
            self.blocks.append(P([B("Home country:"), f" {self.name(home)} ({basis})"] + self.fn.cites(stated)))
        rels = self.adj.get(e.id, [])
        docs = sorted(e.docs | {ev.doc for r in rels for ev in r.evidence})
        preds: dict[str, int] = defaultdict(int)
        for r in rels:
            preds[r.predicate] += 1
        summary = _plural(len(rels), "relation")
        if preds:
            summary += " (" + ", ".join(f"{p} {n}" for p, n in sorted(preds.items(), key=lambda kv: (-kv[1], kv[0]))) + ")"
        described = [d + (f" ({document_description(self.kg.documents[d])})"
                          if d in self.kg.documents and document_description(self.kg.documents[d]) else "")
                     for d in docs]
        summary += f" in {_plural(len(docs), 'document')}" + (f": {', '.join(described)}" if docs else "")
        self.blocks.append(P([B("In the graph:"), " " + summary + "."]))
        for n in notes:
            self.blocks.append(P([f"Note: {n}."]))

    def grouped(self, rels: list[Relation], heading: str, empty: str) -> None:
        self.blocks.append(H(2, heading))
        if not rels:
            self.blocks.append(P([empty]))
            return
        by_pred: dict[str, list[Relation]] = defaultdict(list)
        for r in rels:
            by_pred[r.predicate].append(r)
        for pred in sorted(by_pred, key=lambda p: (-len(by_pred[p]), p)):
            rs = sorted(by_pred[pred], key=_fact_order)
            self.blocks.append(H(3, f"{pred} ({len(rs)})"))
            self.blocks.append(UL([self.fact(r) for r in rs]))

    # -- money ------------------------------------------------------------------------------------------
    def _amount_cell(self, inv: Investment, rels: list[Relation]) -> list:
        cell: list = [format_usd(inv.amount)] + self.fn.cites(rels)
        for d in inv.disputed:
            cell += [" ", Flag(f"other sources say {format_usd(d.amount)}")] + self.fn.cites(d.rels)
        return cell

    def _note(self, inv: Investment, shown: list[str]) -> str:
        notes = []
        if inv.joint:
            notes.append("one amount stated for " + _and([self.name(o) for o in inv.objects]))
        elif set(inv.objects) - set(shown):
            notes.append("also stated for " + ", ".join(self.name(o) for o in inv.objects if o not in shown))
        if inv.status:
            notes.append(inv.status)
        return "; ".join(notes)

    def _year(self, inv: Investment) -> str:
        return str(inv.year) if inv.year else "(not stated)"

    def state_table(self, invs: list[Investment]) -> list[Investment]:
        rows, into = [], [i for i in invs if i.states(self.kg)]
        for label, _, items in by_state(self.kg, into):
            for inv in items:
                rows.append([label, self._year(inv), self._amount_cell(inv, inv.state_rels(self.kg)),
                             self.name(inv.investor), self._note(inv, inv.states(self.kg))])
        if rows:
            self.blocks.append(H(3, "Investment into US states"))
            self.blocks.append(P(["Only facts whose object is a US state."]))
            self.blocks.append(Table(["US state", "Year", "Amount", "Investor", "Note"], rows))
        return into

    def other_investments(self, invs: list[Investment]) -> None:
        rest = [i for i in invs if not i.states(self.kg)]
        if not rest:
            return
        self.blocks.append(H(3, "Other investments"))
        self.blocks.append(Table(["Investor", "Destination", "Year", "Amount", "Note"], [
            [self.name(i.investor), ", ".join(self.name(o) for o in i.objects), self._year(i),
             self._amount_cell(i, i.rels), self._note(i, i.objects)] for i in rest]))

    def totals(self, invs: list[Investment], into: list[Investment]) -> None:
        items = [[B("Total investment: "), f"{format_usd(sum(i.amount for i in invs))} in "
                  f"{_plural(len(invs), 'investment')} (each amount counted once: an amount stated for several "
                  "objects, e.g. two states, or a state and a sector, once"
                  + ("; where sources disagree, the figure stated in the most documents" if any(i.disputed for i in invs)
                     else "") + ")"]]
        if into:
            items.append([B("By US state: "), "; ".join(f"{label} {format_usd(v)}"
                                                        for label, v, _ in by_state(self.kg, into))])
        items.append([B("By year: "), "; ".join(f"{y if y else 'year not stated'} {format_usd(v)}"
                                                for y, v in by_year(invs))])
        self.blocks.append(UL(items))

    def home_investment(self, country: Entity) -> None:
        firms = home_rollup(self.kg, country.id)
        if not firms:
            return
        self.blocks.append(H(3, f"Investment by firms based in {country.name}"))
        self.blocks.append(P([f"Firms whose home country is {country.name}: general knowledge (the gazetteer), "
                              "or stated in the text where a LOCATED_IN fact says so."]))
        rows = []
        for f in firms:
            home = [f"{country.name} ({f.basis})"] + self.fn.cites(f.located)
            for inv in f.investments:
                rows.append([self.name(f.firm), home, ", ".join(self.name(o) for o in inv.objects), self._year(inv),
                             self._amount_cell(inv, inv.rels)])
            for r in f.unquantified:
                rows.append([self.name(f.firm), home, self.name(r.object), str(year_of(r) or "(not stated)"),
                             ["no amount stated"] + self.fn.cite(r)])
        self.blocks.append(Table(["Firm", "Home country", "Destination", "Year", "Amount"], rows))
        invs = [i for f in firms for i in f.investments]
        self.blocks.append(UL([[B(f"Total by firms based in {country.name}: "),
                                f"{format_usd(sum(i.amount for i in invs))} in {_plural(len(invs), 'investment')} "
                                f"by {_plural(len(firms), 'firm')}: "
                                + "; ".join(f"{self.name(f.firm)} {format_usd(sum(i.amount for i in f.investments))}"
                                            for f in firms if f.investments)
                                + " (each amount counted once)"]]))
        self.data["home_country_rollup"] = {
            "country": country.id, "total_usd": sum(i.amount for i in invs),
            "firms": [{"firm": f.firm, "name": self.name(f.firm), "basis": f.basis,
                       "total_usd": sum(i.amount for i in f.investments),
                       "investments": [self._inv_data(i) for i in f.investments]} for f in firms]}

    def _inv_data(self, i: Investment) -> dict:
        return {"investor": i.investor, "amount_usd": i.amount, "year": i.year, "objects": i.objects,
                "joint": i.joint, "status": i.status, "facts": [r.id for r in i.rels],
                "disputed": [{"amount_usd": d.amount, "facts": [r.id for r in d.rels]} for d in i.disputed]}

    def other_amounts(self, rels: list[Relation]) -> None:
        groups = amount_groups(rels)
        if not groups:
            return
        self.blocks.append(H(3, "Other amounts"))
        self.blocks.append(P(["Listed, never added: each line is one subject, relation, object and measure; "
                              "amounts of different relations, directions or measures measure different things."]))
        items = []
        for g in groups:
            r0 = g[0]
            head = f"{self.name(r0.subject)} —{r0.predicate}→ {self.name(r0.object)}"
            measure = [f"{k}: {r0.props[k]}" for k in MEASURE_PROPS if r0.props.get(k) not in (None, "")]
            line: list = [B(head + (f" ({'; '.join(measure)})" if measure else "")), ": "]
            for i, r in enumerate(g):
                line += (["; "] if i else []) + [f"{format_usd(amount_of(r))} ({year_of(r) or 'year not stated'})"]
                line += self.fn.cite(r)
            items.append(line)
        self.blocks.append(UL(items))
        self.data["other_amounts"] = [[{"fact": r.id, "amount_usd": amount_of(r), "year": year_of(r)} for r in g]
                                      for g in groups]

    def money(self, rels: list[Relation], heading: str = "Money", country: Entity | None = None) -> None:
        self.blocks.append(H(2, heading))
        invs = investments(self.kg, rels)
        start = len(self.blocks)
        if invs:
            into = self.state_table(invs)
            self.other_investments(invs)
            self.totals(invs, into)
            self.data["investments"] = [self._inv_data(i) for i in invs]
        if country is not None and country.type == "Country":
            self.home_investment(country)
        self.other_amounts(rels)
        if len(self.blocks) == start:
            self.blocks.append(P(["No amounts are stated in these relations."]))

    # -- time and measures --------------------------------------------------------------------------------
    def timeline(self, rels: list[Relation], heading: str = "Timeline") -> None:
        self.blocks.append(H(2, heading))
        dated = sorted((r for r in rels if year_of(r) is not None), key=_fact_order)
        if not dated:
            self.blocks.append(P(["No dated facts."]))
        else:
            self.blocks.append(UL([[B(str(year_of(r))), " — "] + self.fact(r, docs=False) for r in dated]))
        self.data.setdefault("timeline", [{"year": year_of(r), "fact": r.id, "label": relation_label(self.kg, r)}
                                          for r in dated])
        undated = len(rels) - len(dated)
        if undated:
            self.blocks.append(P([f"{undated} more fact{'s' if undated != 1 else ''} without a year "
                                  "(listed above)."]))

    def chains(self, chains: list[list[Measure]]) -> None:
        for chain in chains:
            self.blocks.append(H(3, f"Retaliation chain: {self.name(chain[0].actor)} and {self.name(chain[0].target)}"))
            items, seen_actor = [], set()
            for m in chain:
                step = "counter-measure" if (seen_actor and m.actor not in seen_actor) else "measure"
                seen_actor.add(m.actor)
                items.append([B(str(m.year) if m.year else "(year not stated)"), " — ",
                              f"{step} by {self.name(m.actor)} against {self.name(m.target)}: {m.what} ("
                              + "; ".join(relation_label(self.kg, r) for r in m.rels) + ")"] + self.fn.cites(m.rels))
            self.blocks.append(UL(items))

    def retaliation(self, eids: set[str], rels: list[Relation], heading: str) -> None:
        self.blocks.append(H(2, heading))
        ret = sorted((r for r in rels if r.predicate in ("RETALIATES_AGAINST", "TARGETS")), key=_fact_order)
        ms = [m for m in measures(self.kg) if ({m.actor, m.target} & eids if len(eids) == 1
                                                else {m.actor, m.target} == eids) and len(m.rels) == 2]
        chains = retaliation_chains(self.kg, eids)
        if not (ret or ms or chains):
            self.blocks.append(P(["None stated."]))
            return
        if ret:
            self.blocks.append(UL([self.fact(r) for r in ret]))
        if ms:
            self.blocks.append(P(["Measures imposed against an actor (IMPOSES a policy that TARGETS it):"]))
            self.blocks.append(UL([[B(str(m.year) if m.year else "(year not stated)"), " — ",
                                    f"{self.name(m.actor)} against {self.name(m.target)}: {m.what}"]
                                   + self.fn.cites(m.rels) for m in sorted(ms, key=measure_order)]))
        self.chains(chains)

    # -- neighbourhood and corroboration ------------------------------------------------------------------
    def related(self, eid: str) -> None:
        self.blocks.append(H(2, "Related actors two hops away"))
        g = nx_graph(self.kg)
        near = set(g[eid]) if eid in g else set()
        via: dict[str, set[str]] = defaultdict(set)
        for n1 in near:
            for n2 in g[n1]:
                if n2 != eid and n2 not in near:
                    via[n2].add(n1)
        found = sorted(((n, v) for n, v in via.items()
                        if n in self.kg.entities and is_actor_type(self.kg.entities[n].type)),
                       key=lambda nv: (-len(nv[1]), self.name(nv[0])))
        if not found:
            self.blocks.append(P(["None."]))
            return
        items = [[B(self.name(n)), f" ({self.kg.entities[n].type}) — via " + ", ".join(sorted(self.name(x) for x in v))]
                 for n, v in found[:MAX_RELATED]]
        if len(found) > MAX_RELATED:
            items.append([f"and {len(found) - MAX_RELATED} more"])
        self.blocks.append(UL(items))

    def corroboration(self, rels: list[Relation]) -> None:
        self.blocks.append(H(2, "Corroboration"))
        if not rels:
            self.blocks.append(P(["No facts."]))
            return
        counts: dict[int, int] = defaultdict(int)
        for r in rels:
            counts[len(r.docs)] += 1
        self.blocks.append(P(["Facts by number of documents that state them: "
                              + ", ".join(f"{_plural(n, 'document')}: {c}" for n, c in sorted(counts.items(), reverse=True))
                              + "."]))
        multi = sorted((r for r in rels if len(r.docs) > 1), key=lambda r: (-len(r.docs), _fact_order(r)))
        if multi:
            self.blocks.append(P(["Stated in several documents:"]))
            self.blocks.append(UL([self.fact(r) + [f" ({', '.join(r.docs)})"] for r in multi]))
        dis = [r for r in rels if r.key in self.disagree]
        if dis:
            self.blocks.append(P([Flag("Disagreements"), " — the same subject, relation, object, measure and year "
                                  "with different amounts:"]))
            self.blocks.append(UL([self.fact(r) for r in sorted(dis, key=_fact_order)]))
        else:
            self.blocks.append(P(["No disagreeing amounts."]))

    # -- the view -------------------------------------------------------------------------------------------
    def view(self, focus: str | None, path: tuple[str, str] | None) -> None:
        if not self.with_view:
            return
        from .view import render_view  # here: tests put a stand-in view in its place

        fd, tmp = tempfile.mkstemp(suffix=".html", prefix="policygraph-brief-view-")
        os.close(fd)
        svg = Path(tmp).with_suffix(".svg")
        try:
            if path:  # A, its own relations, and the linking paths to B
                render_view(self.kg, tmp, focus=path[0], hops=1, path=path, svg=svg)
            else:
                render_view(self.kg, tmp, focus=focus, hops=1, svg=svg)
            page = Path(tmp).read_text(encoding="utf-8")
            drawing = svg.read_text(encoding="utf-8") if svg.exists() else None
        except (PolicygraphError, OSError) as err:
            self.blocks += [H(2, "Graph view"), P([f"(the graph view could not be drawn: {err})"])]
            return
        finally:
            Path(tmp).unlink(missing_ok=True)
            svg.unlink(missing_ok=True)
        self.blocks += [H(2, "Graph view"), Embed(page)]
        if drawing:
            self.blocks.append(Figure(drawing, "The graph view as drawn (a static copy for print)."))


def _rels_between(adj, a: str, b: str) -> list[Relation]:
    return [r for r in adj.get(a, []) if {r.subject, r.object} == {a, b}]


def _entity_brief(bf: _Briefing, e: Entity, notes: list[str], fmt: str) -> str:
    title = f"Briefing: {e.name}"
    bf.blocks.append(H(1, title))
    bf.who(e, notes)
    rels = bf.adj.get(e.id, [])
    bf.data["entity"] = {"id": e.id, "name": e.name, "type": e.type}
    bf.grouped(rels, "Relations", "No relations in the graph.")
    bf.money(rels, country=e)
    bf.timeline(rels)
    bf.retaliation({e.id}, rels, "Retaliation and targeting")
    bf.related(e.id)
    bf.corroboration(rels)
    if fmt == "html":
        bf.view(e.id, None)
    return title


def _linking_paths(bf: _Briefing, e: Entity, other: Entity, direct: list[Relation]) -> list[Relation]:
    ex = explain(bf.kg, e.id, other.id, max_hops=4, k=5)
    bf.blocks.append(H(2, "How they are linked"))
    on_paths: dict[str, Relation] = {r.id: r for r in direct}
    rel_by_id = {r.id: r for r in bf.kg.relations.values()}
    if not ex.paths:
        bf.blocks.append(P([ex.message[0].upper() + ex.message[1:] + "."]))
    for i, p in enumerate(ex.paths, 1):
        kind = {"measure": "a measure, ", "direct": "direct, "}.get(p.kind, "")
        bf.blocks.append(P([B(f"Path {i}"), f" ({kind}{_plural(p.length, 'hop')}, evidence {p.confidence_sum:.2f}, "
                                            f"{_plural(len(p.documents), 'document')}): " + p.summary]))
        items = []
        for h in p.hops:
            r = rel_by_id[h.relation_id]
            on_paths[r.id] = r
            items.append(bf.fact(r))
        bf.blocks.append(UL(items))
    return sorted(on_paths.values(), key=_fact_order)


def _shared(bf: _Briefing, e: Entity, other: Entity) -> None:
    near_a = {x for r in bf.adj.get(e.id, []) for x in (r.subject, r.object)} - {e.id}
    near_b = {x for r in bf.adj.get(other.id, []) for x in (r.subject, r.object)} - {other.id}
    bf.blocks.append(H(2, "Shared neighbours"))
    items = []
    for s in sorted(near_a & near_b, key=bf.name):
        line: list = [B(bf.name(s)), f" ({bf.kg.entities[s].type}): "]
        for j, r in enumerate(_rels_between(bf.adj, e.id, s)[:2] + _rels_between(bf.adj, other.id, s)[:2]):
            line += (["; "] if j else []) + [relation_label(bf.kg, r)] + bf.fn.cite(r)
        items.append(line)
    bf.blocks.append(UL(items) if items else P(["None."]))


def _dyad_brief(bf: _Briefing, e: Entity, other: Entity, notes: list[str], fmt: str) -> str:
    title = f"Briefing: {e.name} and {other.name}"
    bf.blocks.append(H(1, title))
    bf.blocks += [P([f"Note: {n}."]) for n in notes]
    bf.who(e, [], heading=e.name)
    bf.who(other, [], heading=other.name)
    bf.data["entities"] = [{"id": x.id, "name": x.name, "type": x.type} for x in (e, other)]
    direct = _rels_between(bf.adj, e.id, other.id)
    bf.grouped(direct, "Direct relations", f"No relation joins {e.name} and {other.name} directly.")
    linking = _linking_paths(bf, e, other, direct)
    _shared(bf, e, other)
    bf.money(linking, "Money between them")
    bf.timeline(linking)
    bf.retaliation({e.id, other.id}, direct, "Retaliation and targeting between them")
    bf.corroboration(linking)
    if fmt == "html":
        bf.view(None, (e.id, other.id))
    return title


SUFFIXES = {".md": "md", ".markdown": "md", ".txt": "md", ".html": "html", ".htm": "html", ".json": "json"}


def brief_format(fmt: str | None, out) -> str:
    """`fmt`, else the suffix of `out`, else md; a suffix that is no briefing format, or contradicts `fmt`,
    is refused."""
    if fmt is not None and fmt not in FORMATS:
        raise PolicygraphError(f"unknown briefing format {fmt!r}; use 'md', 'html' or 'json'")
    if out is None:
        return fmt or "md"
    out = Path(out)
    if out.is_dir():
        raise PolicygraphError(f"{out}: is a directory; give a file name such as {out}/brief.{fmt or 'md'}")
    suffix = SUFFIXES.get(out.suffix.lower())
    if suffix is None:
        raise PolicygraphError(f"-o {out}: give a .md, .html or .json file")
    if fmt is not None and fmt != suffix:
        raise PolicygraphError(f"-o {out} is a {out.suffix.lower()} file but --format is {fmt}")
    return suffix


def _write(text: str, out, fmt: str) -> None:
    out = Path(out)
    if out.is_dir():
        raise PolicygraphError(f"{out}: is a directory; give a file name such as {out}/brief.{fmt}")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)


def brief(kg: KnowledgeGraph, name: str, with_: str | None = None, fmt: str | None = None, out=None,
          docs_dir=None, view: bool = True) -> str:
    """A cited briefing on entity `name` (or on `name` and `with_`) as Markdown, HTML or JSON; returns the text.

    fmt: 'md', 'html' or 'json'; by default taken from out's suffix (.md, .html/.htm, .json), else 'md'.
    out: also write the briefing there. docs_dir: the build's documents/ folder, to check every footnote's
    quote against the document text and link it to the document's page. view: HTML only, embed the graph view.
    """
    fmt = brief_format(fmt, out)
    if docs_dir is not None and not Path(docs_dir).is_dir():
        raise PolicygraphError(f"{docs_dir}: not a directory of document texts")
    notes: list[str] = []
    e = resolve(kg, name, notes)
    other = resolve(kg, with_, notes) if with_ is not None else None
    if other is not None and other.id == e.id:
        raise PolicygraphError(f"{name!r} and {with_!r} are the same entity ({e.name}); give two different entities")
    bf = _Briefing(kg, docs_dir, Path(out).parent if out is not None else None, with_view=view)
    title = _entity_brief(bf, e, notes, fmt) if other is None else _dyad_brief(bf, e, other, notes, fmt)
    if fmt == "md":
        text = render_markdown(bf.blocks, bf.fn)
    elif fmt == "html":
        text = render_html(title, bf.blocks, bf.fn)
    else:
        text = render_json(title, bf.blocks, bf.fn, bf.data)
    if out is not None:
        _write(text, out, fmt)
    return text
