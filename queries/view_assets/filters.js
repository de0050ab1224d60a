/* policygraph view: the filters (entity types in the legend, relation types, documents, a time slider over a
 * histogram of facts per year, unlinked entities) and what they leave on screen.
 *
 * A fact is visible when its relation type, a document and its event year pass and both its entities do; a line
 * (one per subject, predicate, object) when one of its facts is, labelled from its visible facts; an entity when
 * its type and documents pass and, unless "show entities with no visible relation" is on, one of its lines is.
 * When the visible entities change, what is visible is laid out again and the view fitted to it.
 */
(function (PG) {
  "use strict";

  // the port of queries/facts.py format_usd: every amount reads the same in the page, the briefs and explain
  PG.formatUsd = function (amount) {
    if (amount === null || amount === undefined) return "";
    var units = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]];
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(amount) >= units[i][0]) {
        return "$" + (amount / units[i][0]).toFixed(2).replace(/0+$/, "").replace(/\.$/, "") + " " + units[i][1];
      }
    }
    return "$" + Math.round(amount).toLocaleString("en-US");
  };
  // the label of a line from its visible facts (queries/view/lines.py line_label)
  PG.lineLabel = function (predicate, facts) {
    var years = {}, amounts = {};
    facts.forEach(function (f) { if (f.year !== null) years[f.year] = 1; if (f.amount !== null) amounts[f.amount] = 1; });
    var ys = Object.keys(years).map(Number).sort(function (a, b) { return a - b; });
    var as = Object.keys(amounts).map(Number).sort(function (a, b) { return a - b; });
    var tail = [];
    if (ys.length) tail.push(ys[0] === ys[ys.length - 1] ? String(ys[0]) : ys[0] + "–" + ys[ys.length - 1]);
    if (as.length) tail.push(as.length === 1 ? PG.formatUsd(as[0]) : PG.formatUsd(as[0]) + "–" + PG.formatUsd(as[as.length - 1]));
    return predicate + (facts.length > 1 ? " ×" + facts.length : "") + (tail.length ? "\n" + tail.join(" · ") : "");
  };
  PG.lineWidth = function (facts) {
    var top = 0;
    facts.forEach(function (f) { if (f.amount !== null) top = Math.max(top, f.amount); });
    if (top <= 0) return 1.5;
    return Math.round(Math.min(12, 2 + 1.6 * Math.log10(Math.max(top, 1e6) / 1e6)) * 100) / 100;
  };

  function Filters(ctx) {
    this.ctx = ctx;
    var D = ctx.data;
    this.f = { types: new Set(D.types.map(function (t) { return t.name; })),
               preds: new Set(D.predicates.map(function (p) { return p.name; })),
               docs: new Set(D.docs.map(function (d) { return d.key; })),
               ymin: -Infinity, ymax: Infinity, undated: true, showUnlinked: false };
    this.allDocs = D.docs.length;
  }
  Filters.prototype.nodePass = function (id) {
    var i = this.ctx.NI[id], f = this.f;
    if (!f.types.has(i.type)) return false;
    if (f.docs.size === this.allDocs || !i.docs.length) return true;
    return i.docs.some(function (d) { return f.docs.has(d); });
  };
  Filters.prototype.factPass = function (fact) {
    var f = this.f;
    if (!f.preds.has(fact.p)) return false;
    if (f.docs.size !== this.allDocs && fact.docs.length && !fact.docs.some(function (d) { return f.docs.has(d); })) return false;
    if (fact.year === null) return f.undated;
    return fact.year >= f.ymin && fact.year <= f.ymax;
  };
  // what passes: {nodes: {id: true}, lines: {id: [fact ids]}, facts: {id: true}}
  Filters.prototype.visible = function () {
    var ctx = this.ctx, self = this, nodeOk = {}, lines = {}, facts = {}, linked = {};
    ctx.data.nodes.forEach(function (n) { nodeOk[n.id] = self.nodePass(n.id); });
    Object.keys(ctx.FI).sort().forEach(function (fid) {
      var fact = ctx.FI[fid];
      if (!nodeOk[fact.s] || !nodeOk[fact.o] || !self.factPass(fact)) return;
      facts[fid] = true;
      (lines[fact.line] = lines[fact.line] || []).push(fid);
      linked[fact.s] = linked[fact.o] = true;
    });
    if (!this.f.showUnlinked) Object.keys(nodeOk).forEach(function (id) { if (!linked[id]) nodeOk[id] = false; });
    return { nodes: nodeOk, lines: lines, facts: facts };
  };
  // apply the filters to the drawing; opts.relayout (default true): lay out and fit when the entities changed
  Filters.prototype.apply = function (opts) {
    opts = opts || {};
    var ctx = this.ctx, st = ctx.state, vis = this.visible(), nu = [], eu = [];
    ctx.data.nodes.forEach(function (n) {
      var h = !vis.nodes[n.id];
      if (!!st.hidden.nodes[n.id] !== h) { st.hidden.nodes[n.id] = h; nu.push({ id: n.id, hidden: h }); }
    });
    ctx.data.edges.forEach(function (e) {
      var ids = vis.lines[e.id] || [], h = !ids.length, facts = ids.map(function (fid) { return ctx.FI[fid]; });
      var upd = { id: e.id };
      if (!!st.hidden.edges[e.id] !== h) { st.hidden.edges[e.id] = h; upd.hidden = h; }
      if (!h) {
        var label = PG.lineLabel(ctx.LI[e.id].p, facts), width = PG.lineWidth(facts) + (ctx.pathLines[e.id] ? 2.5 : 0);
        if (st.labels[e.id] !== label) { st.labels[e.id] = label; upd.label = label; }
        if (st.widths[e.id] !== width) { st.widths[e.id] = width; upd.width = width; ctx.base.edges[e.id].width = width; }
      }
      if (Object.keys(upd).length > 1) eu.push(upd);
    });
    if (nu.length) ctx.nodes.update(nu);
    if (eu.length) ctx.edges.update(eu);
    st.visibleFacts = vis.facts;
    if (nu.length && opts.relayout !== false) this.relayout();
    ctx.afterFilter();
  };
  Filters.prototype.relayout = function () {
    var ctx = this.ctx, st = ctx.state;
    var ids = ctx.data.nodes.filter(function (n) { return !st.hidden.nodes[n.id]; }).map(function (n) { return n.id; });
    if (!ids.length) return;
    var lines = ctx.data.edges.filter(function (e) { return !st.hidden.edges[e.id]; }).map(function (e) { return [e.from, e.to]; });
    var now = ctx.network.getPositions(ids), start = {}, widths = {};
    ids.forEach(function (id) { start[id] = [now[id].x, now[id].y]; widths[id] = ctx.NI[id].w || 0; });
    var pos = PG.layout(ids, lines, start, ids.length <= 150 ? 150 : 110, widths, ctx.meta.focus);
    // one batch (network.moveNode redraws once per entity)
    ctx.nodes.update(ids.map(function (id) { return { id: id, x: pos[id][0], y: pos[id][1] }; }));
    st.layouts += 1;
    ctx.fit();
  };
  Filters.prototype.describe = function () {
    var ctx = this.ctx, f = this.f, out = [];
    var off = function (all, on) { return all.filter(function (x) { return !on.has(x); }); };
    var types = off(ctx.data.types.map(function (t) { return t.name; }), f.types);
    var preds = off(ctx.data.predicates.map(function (p) { return p.name; }), f.preds);
    var docs = off(ctx.data.docs.map(function (d) { return d.key; }), f.docs);
    (ctx.meta.filters || []).forEach(function (x) { out.push(new DOMParser().parseFromString(x, "text/html").documentElement.textContent); });
    if (types.length) out.push("types hidden: " + types.join(", "));
    if (preds.length) out.push("relations hidden: " + preds.join(", "));
    if (docs.length) out.push("documents hidden: " + docs.join(", "));
    if (ctx.data.years && (f.ymin > -Infinity || f.ymax < Infinity)) out.push("years " + f.ymin + "–" + f.ymax);
    if (ctx.data.years && !f.undated) out.push("undated facts hidden");
    return out;
  };
  PG.Filters = Filters;
})(window.PG = window.PG || {});
