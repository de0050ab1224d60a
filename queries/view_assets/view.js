/* policygraph view: the page's start. It draws the network (positions from the Python layout, physics off),
 * labels the main entities at the opening zoom and every entity once zoomed in, wires the side bar (controls.js),
 * the panel (panel.js), the exports (export.js) and the state map (statemap.js), and exposes window.pgView.
 *
 * Safety rule: every string that came from a document is HTML-escaped in Python before it reaches this page.
 * Fields named html, tip, name, label, text, title, summary, notes and docs[].id are such pre-escaped HTML and may
 * go into innerHTML; every other string only ever goes into textContent or through PG.esc. The page runs under
 * a CSP that allows only its own scripts.
 */
(function (PG) {
  "use strict";
  PG.esc = function (s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  };

  // the shared state, the drawing's data sets (hidden as the filters start) and the network
  function prepare(DATA) {
    var ctx = { data: DATA, meta: DATA.meta, NI: DATA.nodeInfo, LI: DATA.lines, FI: DATA.facts, docs: {},
                $: function (id) { return document.getElementById(id); },
                state: { ready: false, readyMs: null, selected: null, hidden: { nodes: {}, edges: {} }, labels: {}, widths: {},
                         visibleFacts: {}, layouts: 0, fits: 0, edgeLabelOff: {} },
                base: { nodes: {}, edges: {} }, pathLines: {}, pathFacts: {} };
    DATA.docs.forEach(function (d) { ctx.docs[d.key] = d; });
    if (DATA.meta.path) DATA.meta.path.paths.forEach(function (p) {
      p.lines.forEach(function (l) { ctx.pathLines[l] = true; });
      p.facts.forEach(function (f) { (ctx.pathFacts[f] = ctx.pathFacts[f] || []).push(p.rank); });
    });
    var GN = DATA.options.nodes, GE = DATA.options.edges;
    DATA.nodes.forEach(function (n) {
      var i = ctx.NI[n.id];
      i.w = 7.6 * PG.unesc(i.name).length;
      // minor entities: no label until zoomed in enough to read it; main ones: drawn at the opening zoom
      n.scaling = { label: { enabled: false, drawThreshold: i.main ? 5 : PG.LABELS.MINOR_PX + 1, maxVisible: PG.LABELS.MAX_FONT } };
      ctx.base.nodes[n.id] = { color: n.color, font: Object.assign({}, GN.font, n.font || {}), borderWidth: n.borderWidth, image: n.image };
    });
    DATA.edges.forEach(function (e) {
      ctx.base.edges[e.id] = { color: Object.assign({}, GE.color, e.color || {}), font: Object.assign({}, GE.font, e.font || {}), width: e.width };
      ctx.state.labels[e.id] = e.label; ctx.state.widths[e.id] = e.width;
    });
    ctx.filters = new PG.Filters(ctx);
    var first = ctx.filters.visible();  // hide what the filters hide before the first drawing
    DATA.nodes.forEach(function (n) { n.hidden = !first.nodes[n.id]; ctx.state.hidden.nodes[n.id] = n.hidden; });
    DATA.edges.forEach(function (e) { e.hidden = !first.lines[e.id]; ctx.state.hidden.edges[e.id] = e.hidden; });
    ctx.state.visibleFacts = first.facts;
    ctx.nodes = new vis.DataSet(DATA.nodes);
    ctx.edges = new vis.DataSet(DATA.edges);
    ctx.container = ctx.$("pg-network");
    ctx.network = new vis.Network(ctx.container, { nodes: ctx.nodes, edges: ctx.edges }, DATA.options);
    return ctx;
  }

  function header(ctx) {
    var DATA = ctx.data;
    ctx.$("pg-title").innerHTML = ctx.meta.title;
    (ctx.meta.notes || []).forEach(function (n) { var d = PG.make("div"); d.innerHTML = n; ctx.$("pg-notes").appendChild(d); });
    ctx.updateStatus = function () {
      var n = 0, e = 0, unlinked = 0, s = ctx.$("pg-status"), facts = Object.keys(ctx.state.visibleFacts).length;
      DATA.nodes.forEach(function (x) { if (!ctx.state.hidden.nodes[x.id]) n++; });
      DATA.edges.forEach(function (x) { if (!ctx.state.hidden.edges[x.id]) e++; });
      var linked = {};
      Object.keys(ctx.LI).forEach(function (l) { linked[ctx.LI[l].from] = linked[ctx.LI[l].to] = true; });
      DATA.nodes.forEach(function (x) { if (!linked[x.id]) unlinked++; });
      s.textContent = n + " of " + DATA.nodes.length + " entities · " + facts + " facts in " + e + " lines" +
        (unlinked && !ctx.filters.f.showUnlinked ? " · " + unlinked + " with no relation hidden" : "") +
        (DATA.nodes.length !== ctx.meta.totalEntities ? " (graph: " + ctx.meta.totalEntities + " entities, " + ctx.meta.totalRelations + " facts)" : "");
      s.setAttribute("data-nodes", DATA.nodes.length); s.setAttribute("data-edges", DATA.edges.length);
      s.setAttribute("data-facts", Object.keys(ctx.FI).length);
      s.setAttribute("data-visible-nodes", n); s.setAttribute("data-visible-edges", e); s.setAttribute("data-visible-facts", facts);
    };
    ctx.afterFilter = function () {
      var sel = ctx.state.selected;
      if (sel && ((sel.node && ctx.state.hidden.nodes[sel.node]) || (sel.edge && ctx.state.hidden.edges[sel.edge]))) ctx.panel.clear();
      ctx.updateStatus();
      ctx.declutter();
      if (ctx.map) ctx.map.refresh();
    };

  }

  function interaction(ctx) {
    var net = ctx.network;
    ctx.panel = new PG.Panel(ctx);
    ctx.selectNode = function (id, move) { return ctx.panel.selectNode(id, move); };
    ctx.selectEdge = function (id, move) { return ctx.panel.selectEdge(id, move); };
    ctx.reveal = function (id) {  // make a search result visible: its type, its documents, unlinked entities
      if (!ctx.state.hidden.nodes[id]) return;
      var F = ctx.filters, t = ctx.NI[id].type, box = document.querySelector('#pg-legend input[data-type="' + CSS.escape(t) + '"]');
      if (box && !box.checked) { box.checked = true; F.f.types.add(t); }
      if (!F.nodePass(id)) document.querySelectorAll("#pg-docs input").forEach(function (c) { c.checked = true; F.f.docs.add(c.value); });
      F.f.showUnlinked = true; ctx.$("pg-unlinked").checked = true;
      F.apply();
    };
    net.on("click", function (p) {
      if (p.nodes.length) ctx.selectNode(p.nodes[0], false);
      else if (p.edges.length) ctx.selectEdge(p.edges[0], false);
      else ctx.panel.clear();
    });
    ctx.$("pg-details-close").addEventListener("click", function () { ctx.panel.clear(); });
    var tip = ctx.$("pg-tip");
    ctx.hideTip = function () { tip.style.display = "none"; };
    function showTip(html, p) {
      tip.innerHTML = html; tip.style.display = "block";
      var w = ctx.container.clientWidth, x = p.x + 14, y = p.y + 14;
      if (x + tip.offsetWidth > w - 8) x = Math.max(4, p.x - tip.offsetWidth - 14);
      if (y + tip.offsetHeight > ctx.container.clientHeight - 8) y = Math.max(4, p.y - tip.offsetHeight - 14);
      tip.style.left = x + "px"; tip.style.top = y + "px";
    }
    net.on("hoverNode", function (p) { showTip(ctx.NI[p.node].tip, p.pointer.DOM); });
    net.on("hoverEdge", function (p) { var l = ctx.LI[p.edge]; showTip(ctx.NI[l.from].name + " <b>" + PG.esc(l.p) + "</b> " + ctx.NI[l.to].name + "<br>" + PG.esc(ctx.state.labels[p.edge].replace("\n", " · ")), p.pointer.DOM); });
    net.on("blurNode", ctx.hideTip); net.on("blurEdge", ctx.hideTip); net.on("dragStart", ctx.hideTip);
    ctx.controls = PG.controls(ctx);
    ctx.exporter = new PG.Exporter(ctx);
    ctx.exporter.wire();
    ctx.map = new PG.StateMap(ctx);
    ctx.map.build();
    ctx.panel.paths();

  }

  function buttons(ctx) {
    var DATA = ctx.data;
    ctx.$("pg-fit").addEventListener("click", function () { ctx.fit(); });
    ctx.$("pg-relayout").addEventListener("click", function () { ctx.filters.relayout(); });
    ctx.$("pg-reset").addEventListener("click", function () {
      document.querySelectorAll("#pg-side input[type=checkbox]").forEach(function (c) { c.checked = c.id !== "pg-unlinked"; });
      var F = ctx.filters;
      F.f.types = new Set(DATA.types.map(function (t) { return t.name; }));
      F.f.preds = new Set(DATA.predicates.map(function (p) { return p.name; }));
      F.f.docs = new Set(DATA.docs.map(function (d) { return d.key; }));
      F.f.showUnlinked = false;
      ctx.controls.search.clear();
      ctx.panel.clear();
      if (ctx.controls.years) ctx.controls.years.reset(); else F.apply();
    });

  }

  function start(ctx) {
    var DATA = ctx.data, net = ctx.network;
    function markReady() {
      if (ctx.state.ready) return;
      ctx.state.ready = true; ctx.state.readyMs = performance.now();
      var l = ctx.$("pg-loading");
      if (l) l.remove();
      document.body.setAttribute("data-ready", "1");
    }
    net.once("afterDrawing", markReady);
    ctx.fit();
    ctx.updateStatus();
    if (ctx.meta.focus && ctx.NI[ctx.meta.focus]) ctx.panel.showNode(ctx.meta.focus);  // its own relations first
    if (ctx.meta.path && ctx.meta.path.count) ctx.panel.highlight(new Set(ctx.meta.path.nodes), new Set(ctx.meta.path.lines));
    if (ctx.meta.openMap && DATA.statemap) ctx.map.toggle(true);
    if (!DATA.nodes.length) markReady();
  }

  function api(ctx) {
    var DATA = ctx.data, net = ctx.network;
    window.pgView = { network: net, nodes: ctx.nodes, edges: ctx.edges, data: DATA, state: ctx.state, ctx: ctx,
                      select: ctx.selectNode, selectEdge: ctx.selectEdge, clearSelection: function () { ctx.panel.clear(); },
                      applyFilters: function (o) { ctx.filters.apply(o); }, resolve: function (t) { return ctx.controls.resolver.resolve(t); },
                      csv: function () { return ctx.exporter.csv(); }, svg: function () { return ctx.exporter.svg(); },
                      png: function () { return ctx.exporter.png(); }, pngDataUrl: function () { return ctx.exporter.png().url; },
                      map: ctx.map, nodeLabelShown: ctx.nodeLabelShown, edgeLabelShown: ctx.edgeLabelShown, onScreen: ctx.onScreen,
                      visibleCounts: function () {
                        var s = ctx.$("pg-status");
                        return { nodes: Number(s.getAttribute("data-visible-nodes")), edges: Number(s.getAttribute("data-visible-edges")),
                                 facts: Number(s.getAttribute("data-visible-facts")), totalNodes: DATA.nodes.length, totalEdges: DATA.edges.length };
                      } };
  }

  var ctx = prepare(JSON.parse(document.getElementById("pg-data").textContent));
  PG.labels(ctx);
  PG.lineLabels(ctx);
  header(ctx);
  interaction(ctx);
  buttons(ctx);
  start(ctx);
  api(ctx);
})(window.PG = window.PG || {});
