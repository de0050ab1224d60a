"""A cited briefing on one entity, or on two (a dyad), in Markdown or HTML.

    from policygraph.queries.briefing import brief
    text = brief(kg, "Japan")                                   # policygraph brief Japan
    brief(kg, "Hanwha", with_="Georgia", out="dyad.html")       # policygraph brief Hanwha --with Georgia -o dyad.html

A briefing says who the entity is (type, aliases, Wikidata id), lists its relations grouped by predicate, rolls
up the money (investment by US state and year, totals), orders the dated facts on a timeline, shows the
retaliation and targeting it is involved in, including retaliation chains (a measure by X against Y followed
by one by Y against X), the actors two relations away, and how well each fact is corroborated (how many
documents state it; facts with the same subject, predicate and object but different amounts are flagged as
disagreeing). Every fact cites numbered footnotes, one per quote, each giving the document and the character
offsets of the quote in its text (build directory: documents/<doc>.txt). With `docs_dir`, each footnote is
checked against that text and flagged when it does not match.

The Markdown and the HTML are rendered from one list of blocks, so they say the same thing; in HTML every
string that comes from a document (names, aliases, quotes, ids) is escaped, and the focused browser view
(queries/view.py, when present) is embedded in a sandboxed frame.
"""
from __future__ import annotations

import html
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..console import PolicygraphError
from ..graph.model import Entity, Evidence, KnowledgeGraph, Relation
from .linkage import (QUOTE_YEAR, amount_of, display_name, explain, fact_year, format_usd, is_actor_type, nx_graph,
                      one_line, relation_label, resolve, year_of)
from .safe_text import md_text

MAX_RELATED = 40
EXTRA_PROPS = ("purpose", "measure", "role", "sector")


# -- a tiny document model, rendered to Markdown and to HTML ------------------------------------------
@dataclass
class Ref:
    n: int


@dataclass
class B:
    text: str


@dataclass
class Code:
    text: str


@dataclass
class Link:
    text: str
    url: str


@dataclass
class Flag:
    text: str


@dataclass
class H:
    level: int
    text: str


@dataclass
class P:
    line: list


@dataclass
class UL:
    items: list


@dataclass
class Table:
    header: list
    rows: list


@dataclass
class Embed:  # raw HTML (HTML output only)
    html: str


@dataclass
class Note:
    n: int
    ev: Evidence
    problem: str | None = None


class Footnotes:
    """One number per distinct quote (document, offsets), in order of first citation."""

    def __init__(self, docs_dir=None) -> None:
        self.docs_dir = Path(docs_dir) if docs_dir is not None else None
        self.numbers: dict[Evidence, int] = {}
        self.notes: list[Note] = []
        self._texts: dict[str, str | None] = {}

    def cite(self, rel: Relation) -> list[Ref]:
        refs = []
        for ev in sorted(set(rel.evidence)):
            n = self.numbers.get(ev)
            if n is None:
                n = self.numbers[ev] = len(self.notes) + 1
                self.notes.append(Note(n, ev, self._check(ev)))
            refs.append(Ref(n))
        return refs

    def _text(self, doc: str) -> str | None:
        if doc not in self._texts:
            p = self.docs_dir / f"{doc}.txt"
            try:
                with open(p, encoding="utf-8", newline="") as fh:
                    self._texts[doc] = fh.read()
            except OSError:
                self._texts[doc] = None
        return self._texts[doc]

    def _check(self, ev: Evidence) -> str | None:
        if self.docs_dir is None:
            return None
        text = self._text(ev.doc)
        if text is None:
            return f"document text {ev.doc}.txt not found in {self.docs_dir}"
        if text[ev.start:ev.end] != ev.quote:
            where = text.find(ev.quote)
            return ("not at these offsets in the document text" + (f" (found at {where})" if where >= 0 else
                                                                    "; not found in it"))
        return None


def _md_inline(line, table=False) -> str:
    out = []
    for x in line:
        if isinstance(x, str):
            out.append(md_text(x))  # text from the graph: shown as written, never rendered as HTML or links
        elif isinstance(x, Ref):
            out.append(f"[^{x.n}]")
        elif isinstance(x, B):
            core = x.text.strip()
            lead, trail = x.text[:len(x.text) - len(x.text.lstrip())], x.text[len(x.text.rstrip()):]
            out.append(f"{lead}**{md_text(core)}**{trail}" if core else x.text)
        elif isinstance(x, Code):
            out.append(f"`{x.text}`")
        elif isinstance(x, Link):
            out.append(f"[{md_text(x.text)}]({x.url})")
        elif isinstance(x, Flag):
            out.append(f"⚠ {md_text(x.text)}")
    s = "".join(out)
    if table:
        s = one_line(s).replace("|", "\\|")
    return s


def render_markdown(blocks, notes: list[Note]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, H):
            out += ["#" * b.level + " " + md_text(b.text), ""]
        elif isinstance(b, P):
            out += [_md_inline(b.line), ""]
        elif isinstance(b, UL):
            out += [f"- {_md_inline(item)}" for item in b.items] + [""]
        elif isinstance(b, Table):
            out.append("| " + " | ".join(_md_inline(h if isinstance(h, list) else [h], True) for h in b.header) + " |")
            out.append("|" + "---|" * len(b.header))
            for row in b.rows:
                out.append("| " + " | ".join(_md_inline(c if isinstance(c, list) else [c], True) for c in row) + " |")
            out.append("")
    if notes:
        out += ["## Sources", ""]
        for nt in notes:
            flag = f" ⚠ {nt.problem}" if nt.problem else ""
            out.append(f"[^{nt.n}]: “{md_text(one_line(nt.ev.quote))}” — {md_text(nt.ev.doc)}, characters "
                       f"{nt.ev.start}–{nt.ev.end}{md_text(flag)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _html_inline(line) -> str:
    out = []
    for x in line:
        if isinstance(x, str):
            out.append(_esc(x))
        elif isinstance(x, Ref):
            out.append(f'<sup class="ref"><a href="#fn-{x.n}">[{x.n}]</a></sup>')
        elif isinstance(x, B):
            out.append(f"<strong>{_esc(x.text)}</strong>")
        elif isinstance(x, Code):
            out.append(f"<code>{_esc(x.text)}</code>")
        elif isinstance(x, Link):
            url = x.url if re.match(r"https://[\w./-]+$", x.url) else "#"
            out.append(f'<a href="{_esc(url)}" rel="noopener noreferrer">{_esc(x.text)}</a>')
        elif isinstance(x, Flag):
            out.append(f'<span class="flag">⚠ {_esc(x.text)}</span>')
    return "".join(out)


CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}.flag{color:#b00020;font-weight:600}
sup.ref a{text-decoration:none}ol.fn li{margin:.3rem 0}ol.fn q{font-style:italic}.dim{color:#666}
iframe.view{width:100%;height:34rem;border:1px solid #ccc}code{background:#f4f4f4;padding:0 .2rem}"""


def render_html(title: str, blocks, notes: list[Note]) -> str:
    body = []
    script_src = "'none'"
    for b in blocks:
        if isinstance(b, H):
            body.append(f"<h{b.level}>{_esc(b.text)}</h{b.level}>")
        elif isinstance(b, P):
            body.append(f"<p>{_html_inline(b.line)}</p>")
        elif isinstance(b, UL):
            body.append("<ul>" + "".join(f"<li>{_html_inline(i)}</li>" for i in b.items) + "</ul>")
        elif isinstance(b, Table):
            head = "".join(f"<th>{_html_inline(h if isinstance(h, list) else [h])}</th>" for h in b.header)
            rows = "".join("<tr>" + "".join(f"<td>{_html_inline(c if isinstance(c, list) else [c])}</td>" for c in r)
                           + "</tr>" for r in b.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(b, Embed):
            # the frame is a document of its own (srcdoc inherits this page's CSP): allow exactly the view's
            # own scripts, by the hashes its CSP lists
            m = re.search(r"script-src ([^;\"]+)", html.unescape(b.html))
            if m:
                script_src = m.group(1).strip()
            body.append(f'<iframe class="view" title="graph view" sandbox="allow-scripts allow-downloads" '
                        f'srcdoc="{_esc(b.html)}"></iframe>')
    if notes:
        body.append('<h2 id="sources">Sources</h2><ol class="fn">')
        for nt in notes:
            flag = f' <span class="flag">⚠ {_esc(nt.problem)}</span>' if nt.problem else ""
            body.append(f'<li id="fn-{nt.n}" value="{nt.n}"><q>{_esc(one_line(nt.ev.quote))}</q> — '
                        f'<cite>{_esc(nt.ev.doc)}</cite>, <span class="dim">characters {nt.ev.start}–{nt.ev.end}'
                        f"</span>{flag}</li>")
        body.append("</ol>")
    csp = (f"default-src 'none'; script-src {script_src}; style-src 'unsafe-inline'; img-src data: blob:; "
           "font-src data:; connect-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{_esc(csp)}">'
            f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>\n" + "\n".join(body)
            + "\n</body></html>\n")


# -- analysis helpers --------------------------------------------------------------------------------
def _adjacency(kg: KnowledgeGraph) -> dict[str, list[Relation]]:
    adj: dict[str, list[Relation]] = defaultdict(list)
    for r in kg.sorted_relations():
        adj[r.subject].append(r)
        if r.object != r.subject:
            adj[r.object].append(r)
    return adj


def _fact_order(r: Relation, kg: KnowledgeGraph | None = None) -> tuple:
    """By year (undated last; see linkage.fact_year), then by where it is first stated (narrative order), then
    confidence."""
    y = fact_year(r, kg)[0]
    first = min(((e.doc, e.start) for e in r.evidence), default=("~", 0))
    return (y is None, y or 0, first, -r.confidence, r.id)


def disagreements(kg: KnowledgeGraph) -> dict[tuple, list[Relation]]:
    """For each relation key: the other facts with the same subject, predicate and object that state a
    different amount. Two amounts with two different known years are two events, not a disagreement."""
    groups: dict[tuple, list[Relation]] = defaultdict(list)
    for r in kg.relations.values():
        if amount_of(r) is not None:
            groups[(r.subject, r.predicate, r.object)].append(r)
    out: dict[tuple, list[Relation]] = {}
    for rels in groups.values():
        for r in rels:
            others = [o for o in rels if amount_of(o) != amount_of(r)
                      and not (year_of(o) is not None and year_of(r) is not None and year_of(o) != year_of(r))]
            if others:
                out[r.key] = sorted(others, key=lambda o: _fact_order(o, kg))
    return out


@dataclass
class Investment:
    """One stated investment: INVESTS_IN facts with the same investor, amount and year (a sentence that names
    a state, a country and a facility as destinations states one investment, not three)."""

    investor: str
    amount: float
    year: int | None
    rels: list[Relation]
    state: str | None = None  # the US state (entity id), stated or via a facility located in it
    year_from_quote: bool = False  # the year is the one its quotes state (the facts have none)
    country: str | None = None
    # other figures stated for the same investment (same investor, destination and year): they disagree
    disputed: list["Investment"] = field(default_factory=list)

    @property
    def support(self) -> tuple:
        return (len({d for r in self.rels for d in r.docs}), sum(r.confidence for r in self.rels))


def investments(kg: KnowledgeGraph, rels) -> list[Investment]:
    located: dict[str, list[str]] = defaultdict(list)
    for r in kg.relations.values():
        if r.predicate == "LOCATED_IN":
            located[r.subject].append(r.object)
    groups: dict[tuple, list[Relation]] = defaultdict(list)
    for r in rels:
        if r.predicate == "INVESTS_IN" and amount_of(r) is not None:
            groups[(r.subject, amount_of(r)) + fact_year(r, kg)].append(r)
    out = []
    for (inv, amount, year, from_quote), rs in groups.items():
        item = Investment(inv, amount, year, sorted(rs, key=lambda r: r.id), year_from_quote=from_quote)
        for r in item.rels:
            places = [r.object] + located.get(r.object, [])
            for p in places:
                e = kg.entities.get(p)
                if e is None:
                    continue
                if e.type == "USState" and item.state is None:
                    item.state = p
                elif e.type == "Country" and item.country is None:
                    item.country = p
        out.append(item)
    # one investment stated with different amounts (see disagreements()) is one investment: keep the figure
    # with the most documents, then the most confidence, and carry the others as disputed
    disagree = disagreements(kg)
    owner = {r.key: i for i, inv in enumerate(out) for r in inv.rels}
    parent = list(range(len(out)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, inv in enumerate(out):
        for r in inv.rels:
            for o in disagree.get(r.key, []):
                j = owner.get(o.key)
                if j is not None:
                    parent[find(i)] = find(j)
    clusters: dict[int, list[Investment]] = defaultdict(list)
    for i, inv in enumerate(out):
        clusters[find(i)].append(inv)
    merged = []
    for members in clusters.values():
        members.sort(key=lambda m: (m.support[0], m.support[1], -m.amount), reverse=True)
        head = members[0]
        head.disputed = members[1:]
        merged.append(head)
    return sorted(merged, key=lambda i: (display_name(kg, i.state) if i.state else "~", i.year or 9999, -i.amount))


@dataclass
class Measure:
    """A measure by `actor` against `target`: RETALIATES_AGAINST, or IMPOSES a policy that TARGETS it."""

    actor: str
    target: str
    year: int | None
    rels: list[Relation]
    what: str


def measures(kg: KnowledgeGraph) -> list[Measure]:
    out = []
    imposers: dict[str, list[Relation]] = defaultdict(list)
    for r in kg.relations.values():
        if r.predicate == "IMPOSES":
            imposers[r.object].append(r)
    for r in kg.sorted_relations():
        if r.predicate == "RETALIATES_AGAINST":
            what = str(r.props.get("measure") or "retaliation")
            out.append(Measure(r.subject, r.object, fact_year(r, kg)[0], [r], what))
        elif r.predicate == "TARGETS":
            target = kg.entities.get(r.object)
            if target is None or not is_actor_type(target.type):
                continue
            for imp in imposers.get(r.subject, []):
                if imp.subject == r.object:
                    continue
                year = fact_year(r, kg)[0] or fact_year(imp, kg)[0]
                out.append(Measure(imp.subject, r.object, year, [imp, r], display_name(kg, r.subject)))
    return out


def _ykey(m: Measure) -> tuple:
    """By year, then, within a year, by where the documents state it (they tell a sequence in order)."""
    return (m.year is None, m.year or 0) + _fact_order(m.rels[-1])[2:]


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
        chains.append(sorted(ms, key=_ykey))
    return sorted(chains, key=lambda c: _ykey(c[0]))


# -- the briefing ------------------------------------------------------------------------------------
class _Briefing:
    def __init__(self, kg: KnowledgeGraph, docs_dir=None) -> None:
        self.kg = kg
        self.fn = Footnotes(docs_dir)
        self.blocks: list = []
        self.adj = _adjacency(kg)
        self.disagree = disagreements(kg)

    def order(self, r: Relation) -> tuple:
        return _fact_order(r, self.kg)

    def cites(self, rels) -> list[Ref]:
        """The footnote references of several facts, each number once (facts often share a quote)."""
        return list({x.n: x for r in rels for x in self.fn.cite(r)}.values())

    # pieces
    def name(self, eid: str) -> str:
        return display_name(self.kg, eid)

    def fact(self, r: Relation, docs: bool = True) -> list:
        line: list = [B(relation_label(self.kg, r))]
        extra = [f"{k}: {r.props[k]}" for k in EXTRA_PROPS if r.props.get(k) not in (None, "")]
        if extra:
            line.append(f" ({'; '.join(extra)})")
        if docs:
            n = len(r.docs)
            line.append(f" — stated in {n} document{'s' if n != 1 else ''}" if n else " — no quote")
        line += self.fn.cite(r)
        others = self.disagree.get(r.key)
        if others:
            line.append(" ")
            line.append(Flag("disagrees with: "))
            for i, o in enumerate(others):
                line.append(("; " if i else "") + f"{format_usd(amount_of(o))}"
                            + (f" ({year_of(o)})" if year_of(o) else ""))
                have = {x.n for x in line if isinstance(x, Ref)}
                line += [x for x in self.fn.cite(o) if x.n not in have]
        return line

    def who(self, e: Entity, notes: list[str], level: int = 2, heading: str | None = None) -> None:
        if heading:
            self.blocks.append(H(level, heading))
        rels = self.adj.get(e.id, [])
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
        docs = sorted(e.docs | {ev.doc for r in rels for ev in r.evidence})
        preds = defaultdict(int)
        for r in rels:
            preds[r.predicate] += 1
        summary = f"{len(rels)} relation{'s' if len(rels) != 1 else ''}"
        if preds:
            summary += " (" + ", ".join(f"{p} {n}" for p, n in sorted(preds.items(), key=lambda kv: (-kv[1], kv[0]))) + ")"
        summary += f" in {len(docs)} document{'s' if len(docs) != 1 else ''}" + (f": {', '.join(docs)}" if docs else "")
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
            rs = sorted(by_pred[pred], key=self.order)
            self.blocks.append(H(3, f"{pred} ({len(rs)})"))
            self.blocks.append(UL([self.fact(r) for r in rs]))

    def money(self, rels: list[Relation], heading: str = "Money") -> None:
        with_amount = [r for r in rels if amount_of(r) is not None]
        self.blocks.append(H(2, heading))
        if not with_amount:
            self.blocks.append(P(["No amounts are stated in these relations."]))
            return
        invs = investments(self.kg, with_amount)
        if invs:
            self.blocks.append(H(3, "Investment by US state and year"))
            rows = []
            for i in invs:
                dest = sorted({self.name(r.object) for r in i.rels})
                refs = list({x.n: x for r in i.rels for x in self.fn.cite(r)}.values())
                amount: list = [format_usd(i.amount)] + refs
                for d in i.disputed:
                    amount += [" ", Flag(f"other sources say {format_usd(d.amount)}")]
                    amount += list({x.n: x for r in d.rels for x in self.fn.cite(r)}.values())
                year = (f"{i.year} ({QUOTE_YEAR})" if i.year_from_quote else str(i.year)) if i.year else "(not stated)"
                rows.append([self.name(i.state) if i.state else "(no US state stated)", year, amount,
                             self.name(i.investor), ", ".join(dest)])
            self.blocks.append(Table(["US state", "Year", "Amount", "Investor", "Stated destinations"], rows))
            total = sum(i.amount for i in invs)
            by_state: dict[str, float] = defaultdict(float)
            by_year: dict[str, float] = defaultdict(float)
            for i in invs:
                by_state[self.name(i.state) if i.state else "no US state stated"] += i.amount
                by_year[str(i.year) if i.year else "year not stated"] += i.amount
            self.blocks.append(UL([
                [B("Total investment: "), f"{format_usd(total)} in {len(invs)} investment{'s' if len(invs) != 1 else ''}"
                 " (an investment stated with several destinations, e.g. a state, a country and a plant, "
                 "is counted once" + ("; where sources disagree on the amount, the figure stated in the most "
                                      "documents is counted" if any(i.disputed for i in invs) else "") + ")"],
                [B("By US state: "), "; ".join(f"{k} {format_usd(v)}" for k, v in sorted(by_state.items(),
                                                                                        key=lambda kv: -kv[1]))],
                [B("By year: "), "; ".join(f"{k} {format_usd(v)}" for k, v in sorted(by_year.items()))],
            ]))
        other = [r for r in with_amount if r.predicate != "INVESTS_IN"]
        if other:
            self.blocks.append(H(3, "Other amounts"))
            by_pred: dict[str, list[Relation]] = defaultdict(list)
            for r in other:
                by_pred[r.predicate].append(r)
            items = []
            for p in sorted(by_pred):
                rs = sorted(by_pred[p], key=self.order)
                items.append([B(f"{p}: "), f"{format_usd(sum(amount_of(r) for r in rs))} in {len(rs)} fact"
                              f"{'s' if len(rs) != 1 else ''}"])
                items += [self.fact(r, docs=False) for r in rs]
            self.blocks.append(UL(items))

    def timeline(self, rels: list[Relation], heading: str = "Timeline") -> None:
        self.blocks.append(H(2, heading))
        years = {r.key: fact_year(r, self.kg) for r in rels}
        dated = sorted((r for r in rels if years[r.key][0] is not None), key=self.order)
        if not dated:
            self.blocks.append(P(["No dated facts."]))
        else:
            self.blocks.append(UL([[B(str(years[r.key][0])), f" ({QUOTE_YEAR})" if years[r.key][1] else "", " — "]
                                   + self.fact(r, docs=False) for r in dated]))
        undated = len(rels) - len(dated)
        if undated:
            self.blocks.append(P([f"{undated} more fact{'s' if undated != 1 else ''} without a year "
                                  "(listed above)."]))

    def chains(self, chains: list[list[Measure]]) -> None:
        for chain in chains:
            a, b = chain[0].actor, chain[0].target
            self.blocks.append(H(3, f"Retaliation chain: {self.name(a)} and {self.name(b)}"))
            items = []
            seen_actor: set[str] = set()
            for m in chain:
                step = "counter-measure" if (seen_actor and m.actor not in seen_actor) else "measure"
                seen_actor.add(m.actor)
                refs = self.cites(m.rels)
                items.append([B(str(m.year) if m.year else "(year not stated)"), " — ",
                              f"{step} by {self.name(m.actor)} against {self.name(m.target)}: {m.what} ("
                              + "; ".join(relation_label(self.kg, r) for r in m.rels) + ")"] + refs)
            self.blocks.append(UL(items))

    def retaliation(self, eids: set[str], rels: list[Relation], heading: str) -> None:
        self.blocks.append(H(2, heading))
        ret = sorted((r for r in rels if r.predicate in ("RETALIATES_AGAINST", "TARGETS")), key=self.order)
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
                                   + self.cites(m.rels) for m in sorted(ms, key=_ykey)]))
        self.chains(chains)

    def related(self, eid: str) -> None:
        self.blocks.append(H(2, "Related actors two hops away"))
        g = nx_graph(self.kg)
        if eid not in g:
            self.blocks.append(P(["None."]))
            return
        near = set(g[eid])
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
        items = [[B(self.name(n)), f" ({self.kg.entities[n].type}) — via "
                  + ", ".join(sorted(self.name(x) for x in v))] for n, v in found[:MAX_RELATED]]
        if len(found) > MAX_RELATED:
            items.append([f"and {len(found) - MAX_RELATED} more"])
        self.blocks.append(UL(items))

    def corroboration(self, rels: list[Relation]) -> None:
        self.blocks.append(H(2, "Corroboration"))
        if not rels:
            self.blocks.append(P(["No facts."]))
            return
        counts = defaultdict(int)
        for r in rels:
            counts[len(r.docs)] += 1
        self.blocks.append(P(["Facts by number of documents that state them: "
                              + ", ".join(f"{n} document{'s' if n != 1 else ''}: {c}"
                                          for n, c in sorted(counts.items(), reverse=True)) + "."]))
        multi = sorted((r for r in rels if len(r.docs) > 1), key=lambda r: (-len(r.docs), self.order(r)))
        if multi:
            self.blocks.append(P(["Stated in several documents:"]))
            self.blocks.append(UL([self.fact(r) + [f" ({', '.join(r.docs)})"] for r in multi]))
        dis = [r for r in rels if r.key in self.disagree]
        if dis:
            self.blocks.append(P([Flag("Disagreements"), " — the same fact with different amounts:"]))
            self.blocks.append(UL([self.fact(r) for r in sorted(dis, key=self.order)]))
        else:
            self.blocks.append(P(["No disagreeing amounts."]))

    def view(self, focus: str | None, path: tuple[str, str] | None) -> None:
        try:
            from .view import render_view
        except ImportError:
            return
        import tempfile

        fd, tmp = tempfile.mkstemp(suffix=".html", prefix="policygraph-brief-view-")
        os.close(fd)
        try:
            if path:
                render_view(self.kg, tmp, focus=path[0], hops=1, path=path)  # A, its neighbours, the paths to B
            else:
                render_view(self.kg, tmp, focus=focus, hops=2)
            page = Path(tmp).read_text(encoding="utf-8")
        except (PolicygraphError, OSError) as err:
            self.blocks += [H(2, "Graph view"), P([f"(the graph view could not be drawn: {err})"])]
            return
        finally:
            Path(tmp).unlink(missing_ok=True)
        self.blocks += [H(2, "Graph view"), Embed(page)]


def _rels_between(adj, a: str, b: str) -> list[Relation]:
    return [r for r in adj.get(a, []) if {r.subject, r.object} == {a, b}]


def brief(kg: KnowledgeGraph, name: str, with_: str | None = None, fmt: str | None = None, out=None,
          docs_dir=None) -> str:
    """A cited briefing on entity `name` (or on `name` and `with_`) as Markdown or HTML; returns the text.

    fmt: 'md' or 'html'; by default taken from out's suffix (.html/.htm -> html), else 'md'.
    out: also write the briefing there. docs_dir: the build's documents/ folder, to check every footnote's
    quote against the document text.
    """
    if fmt is None:
        fmt = "html" if out is not None and Path(out).suffix.lower() in (".html", ".htm") else "md"
    if fmt not in ("md", "html"):
        raise PolicygraphError(f"unknown briefing format {fmt!r}; use 'md' or 'html'")
    if docs_dir is not None and not Path(docs_dir).is_dir():
        raise PolicygraphError(f"{docs_dir}: not a directory of document texts")
    notes: list[str] = []
    e = resolve(kg, name, notes)
    other = resolve(kg, with_, notes) if with_ is not None else None
    if other is not None and other.id == e.id:
        raise PolicygraphError(f"{name!r} and {with_!r} are the same entity ({e.name}); give two different entities")
    bf = _Briefing(kg, docs_dir)
    if other is None:
        title = f"Briefing: {e.name}"
        bf.blocks.append(H(1, title))
        bf.who(e, notes)
        rels = bf.adj.get(e.id, [])
        bf.grouped(rels, "Relations", "No relations in the graph.")
        bf.money(rels)
        bf.timeline(rels)
        bf.retaliation({e.id}, rels, "Retaliation and targeting")
        bf.related(e.id)
        bf.corroboration(rels)
        if fmt == "html":
            bf.view(e.id, None)
    else:
        title = f"Briefing: {e.name} and {other.name}"
        bf.blocks.append(H(1, title))
        for n in notes:
            bf.blocks.append(P([f"Note: {n}."]))
        bf.who(e, [], heading=f"{e.name}")
        bf.who(other, [], heading=f"{other.name}")
        direct = _rels_between(bf.adj, e.id, other.id)
        bf.grouped(direct, "Direct relations", f"No relation joins {e.name} and {other.name} directly.")
        ex = explain(kg, e.id, other.id, max_hops=4, k=5)
        bf.blocks.append(H(2, "How they are linked"))
        on_paths: dict[str, Relation] = {r.id: r for r in direct}
        rel_by_id = {r.id: r for r in kg.relations.values()}
        if not ex.paths:
            bf.blocks.append(P([ex.message[0].upper() + ex.message[1:] + "."]))
        for i, p in enumerate(ex.paths, 1):
            bf.blocks.append(P([B(f"Path {i}"), f" ({p.length} hop{'s' if p.length != 1 else ''}, evidence "
                                                f"{p.confidence_sum:.2f}, {len(p.documents)} document"
                                                f"{'s' if len(p.documents) != 1 else ''}): " + " → ".join(p.nodes)]))
            items = []
            for h in p.hops:
                r = rel_by_id[h.relation_id]
                on_paths[r.id] = r
                items.append(bf.fact(r))
            bf.blocks.append(UL(items))
        near_a = {x for r in bf.adj.get(e.id, []) for x in (r.subject, r.object)} - {e.id}
        near_b = {x for r in bf.adj.get(other.id, []) for x in (r.subject, r.object)} - {other.id}
        shared = sorted(near_a & near_b, key=bf.name)
        bf.blocks.append(H(2, "Shared neighbours"))
        if shared:
            items = []
            for s in shared:
                line: list = [B(bf.name(s)), f" ({kg.entities[s].type}): "]
                for j, r in enumerate(_rels_between(bf.adj, e.id, s)[:2] + _rels_between(bf.adj, other.id, s)[:2]):
                    line += (["; "] if j else []) + [relation_label(kg, r)] + bf.fn.cite(r)
                items.append(line)
            bf.blocks.append(UL(items))
        else:
            bf.blocks.append(P(["None."]))
        linking = sorted(on_paths.values(), key=bf.order)
        bf.money(linking, "Money between them")
        bf.timeline(linking)
        bf.retaliation({e.id, other.id}, direct, "Retaliation and targeting between them")
        bf.corroboration(linking)
        if fmt == "html":
            bf.view(None, (e.id, other.id))
    text = render_markdown(bf.blocks, bf.fn.notes) if fmt == "md" else render_html(title, bf.blocks, bf.fn.notes)
    if out is not None:
        out = Path(out)
        if out.is_dir():
            raise PolicygraphError(f"{out}: is a directory; give a file name such as {out}/brief.{fmt}")
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out)
    return text
