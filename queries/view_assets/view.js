/* policygraph view: legend, filters, search, neighbour and path highlight, details panel, PNG export.
 *
 * Safety rule: every string that came from a document is HTML-escaped in Python before it reaches this page.
 * Fields named html, tip, name, label (in keys), title, notes and docs[].id are such pre-escaped HTML and may
 * go into innerHTML; every other string (types, predicates, document keys) only ever goes into textContent
 * or through esc() below. The page is also under a CSP that only runs its own two scripts.
 */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("pg-data").textContent);
  var META = DATA.meta, NI = DATA.nodeInfo, EI = DATA.edgeInfo;
  var $ = function (id) { return document.getElementById(id); };
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function fold(s) { return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim(); }
  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // -- the network ------------------------------------------------------------------------------------
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var base = { nodes: {}, edges: {} };
  // per-item styles, or the global ones they inherit (restored explicitly after a highlight)
  var GN = DATA.options.nodes, GE = DATA.options.edges;
  DATA.nodes.forEach(function (n) {
    base.nodes[n.id] = { color: n.color, font: Object.assign({}, GN.font, n.font || {}), borderWidth: n.borderWidth };
  });
  DATA.edges.forEach(function (e) {
    base.edges[e.id] = { color: Object.assign({}, GE.color, e.color || {}), font: Object.assign({}, GE.font, e.font || {}),
                         width: e.width };
  });
  var container = $("pg-network");
  var physicsOn = !!(DATA.options.physics && DATA.options.physics.enabled);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  var state = { ready: false, readyMs: null, selected: null, hidden: { nodes: {}, edges: {} } };

  function markReady() {
    if (state.ready) return;
    state.ready = true;
    state.readyMs = performance.now();
    var l = $("pg-loading");
    if (l) l.remove();
    document.body.setAttribute("data-ready", "1");
  }
  if (physicsOn) {
    network.on("stabilizationProgress", function (p) {
      var l = $("pg-loading");
      if (l) l.textContent = "Laying out the graph… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      $("pg-physics").checked = false;
      initialView();
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
    initialView();
  }
  if (!DATA.nodes.length) markReady();

  function initialView() {
    if (META.path && META.path.nodes.length > 1) network.fit({ nodes: META.path.nodes, animation: false });
    else network.fit({ animation: false });
    // fit() frames the node centres; leave room for the labels of the outermost ones
    network.moveTo({ scale: network.getScale() * 0.94 });
  }

  // -- header -----------------------------------------------------------------------------------------
  $("pg-title").innerHTML = META.title;
  (META.notes || []).forEach(function (n) { var d = make("div"); d.innerHTML = n; $("pg-notes").appendChild(d); });
  if (META.path) {
    var pd = make("div");
    pd.innerHTML = META.path.count
      ? "Path: " + META.path.from + " ↔ " + META.path.to + " (" + META.path.count + " shortest, ≤ 4 hops)"
      : "";
    if (META.path.count) $("pg-notes").appendChild(pd);
  }

  // -- legend and filters -----------------------------------------------------------------------------
  var SVGNS = "http://www.w3.org/2000/svg";
  function glyph(shape, color) {
    var s = document.createElementNS(SVGNS, "svg");
    s.setAttribute("width", "20"); s.setAttribute("height", "16"); s.setAttribute("viewBox", "-10 -8 20 16");
    var g, pts;
    function poly(points) { g = document.createElementNS(SVGNS, "polygon"); g.setAttribute("points", points); }
    function star() {
      var p = [];
      for (var i = 0; i < 10; i++) {
        var r = i % 2 ? 3.2 : 7.5, a = -Math.PI / 2 + i * Math.PI / 5;
        p.push((r * Math.cos(a)).toFixed(2) + "," + (r * Math.sin(a)).toFixed(2));
      }
      return p.join(" ");
    }
    switch (shape) {
      case "box": case "text": case "database":
        g = document.createElementNS(SVGNS, "rect");
        g.setAttribute("x", "-9"); g.setAttribute("y", "-6"); g.setAttribute("width", "18"); g.setAttribute("height", "12");
        g.setAttribute("rx", shape === "database" ? "5" : "2"); break;
      case "square":
        g = document.createElementNS(SVGNS, "rect");
        g.setAttribute("x", "-6"); g.setAttribute("y", "-6"); g.setAttribute("width", "12"); g.setAttribute("height", "12"); break;
      case "ellipse":
        g = document.createElementNS(SVGNS, "ellipse"); g.setAttribute("rx", "9"); g.setAttribute("ry", "6"); break;
      case "diamond": poly("0,-7.5 7.5,0 0,7.5 -7.5,0"); break;
      case "triangle": poly("0,-7 7.5,6 -7.5,6"); break;
      case "triangleDown": poly("0,7 7.5,-6 -7.5,-6"); break;
      case "hexagon": poly("-7,0 -3.5,-6 3.5,-6 7,0 3.5,6 -3.5,6"); break;
      case "star": poly(star()); break;
      default:
        g = document.createElementNS(SVGNS, "circle"); g.setAttribute("r", "6.5");
    }
    g.setAttribute("fill", color); g.setAttribute("stroke", "rgba(0,0,0,.45)"); g.setAttribute("stroke-width", "1");
    s.appendChild(g);
    return s;
  }

  var filt = { types: new Set(), preds: new Set(), docs: new Set(), ymin: -Infinity, ymax: Infinity,
               undated: true, isolated: false };
  var allDocs = DATA.docs.map(function (d) { return d.key; });
  function checkRow(holder, value, labelHtmlOrText, count, key, isHtml) {
    var lab = make("label");
    var box = make("input");
    box.type = "checkbox"; box.checked = true; box.value = value;
    box.addEventListener("change", function () {
      if (box.checked) filt[key].add(value); else filt[key].delete(value);
      applyFilters();
    });
    filt[key].add(value);
    lab.appendChild(box);
    var name = make("span");
    if (isHtml) name.innerHTML = labelHtmlOrText; else name.textContent = labelHtmlOrText;
    lab.appendChild(name);
    lab.appendChild(make("span", "pg-count", String(count)));
    holder.appendChild(lab);
    return lab;
  }
  DATA.types.forEach(function (t) {
    var lab = make("label");
    lab.title = "show/hide " + t.name;
    var box = make("input");
    box.type = "checkbox"; box.checked = true; box.value = t.name;
    box.setAttribute("data-type", t.name);
    box.addEventListener("change", function () {
      if (box.checked) filt.types.add(t.name); else filt.types.delete(t.name);
      applyFilters();
    });
    filt.types.add(t.name);
    lab.appendChild(box);
    lab.appendChild(glyph(t.shape, t.color));
    lab.appendChild(make("span", "pg-name", t.name));
    lab.appendChild(make("span", "pg-count", String(t.count)));
    $("pg-legend").appendChild(lab);
  });
  (function legendExtra() {
    var x = $("pg-legend-extra");
    function line(color, width, text) {
      var d = make("div");
      var s = document.createElementNS(SVGNS, "svg");
      s.setAttribute("width", "20"); s.setAttribute("height", "12");
      var l = document.createElementNS(SVGNS, "line");
      l.setAttribute("x1", "1"); l.setAttribute("y1", "6"); l.setAttribute("x2", "19"); l.setAttribute("y2", "6");
      l.setAttribute("stroke", color); l.setAttribute("stroke-width", String(width));
      s.appendChild(l); d.appendChild(s); d.appendChild(make("span", null, text));
      x.appendChild(d);
    }
    if (META.path) line(META.pathColor, 4, "linking path");
    if (DATA.edges.some(function (e) { return EI[e.id].amount != null; })) line("#8d939c", 5, "width = amount (USD)");
    line("#8d939c", 1.5, "arrow: subject → object");
  })();
  DATA.predicates.forEach(function (p) { checkRow($("pg-preds"), p.name, p.name, p.count, "preds", false); });
  DATA.docs.forEach(function (d) { checkRow($("pg-docs"), d.key, d.id, d.count, "docs", true); });
  if (!DATA.docs.length) $("pg-docs-sec").hidden = true;
  if (!DATA.predicates.length) $("pg-preds-sec").hidden = true;
  document.querySelectorAll("[data-all],[data-none]").forEach(function (b) {
    b.addEventListener("click", function () {
      var on = b.hasAttribute("data-all");
      var holder = $(b.getAttribute(on ? "data-all" : "data-none"));
      holder.querySelectorAll("input[type=checkbox]").forEach(function (c) {
        if (c.checked !== on) { c.checked = on; c.dispatchEvent(new Event("change")); }
      });
    });
  });
  var yearInputs = null;
  if (DATA.years) {
    var yy = $("pg-years");
    var row = make("div", "pg-row");
    var lo = make("input"); lo.type = "number"; lo.min = DATA.years[0]; lo.max = DATA.years[1]; lo.value = DATA.years[0];
    var hi = make("input"); hi.type = "number"; hi.min = DATA.years[0]; hi.max = DATA.years[1]; hi.value = DATA.years[1];
    lo.setAttribute("aria-label", "first year"); hi.setAttribute("aria-label", "last year");
    row.appendChild(lo); row.appendChild(make("span", null, "–")); row.appendChild(hi);
    yy.appendChild(row);
    var und = make("label", "pg-inline");
    var ub = make("input"); ub.type = "checkbox"; ub.checked = true;
    und.appendChild(ub); und.appendChild(make("span", null, "include undated relations"));
    yy.appendChild(und);
    var onYears = function () {
      filt.ymin = lo.value === "" ? -Infinity : Number(lo.value);
      filt.ymax = hi.value === "" ? Infinity : Number(hi.value);
      filt.undated = ub.checked;
      applyFilters();
    };
    lo.addEventListener("input", onYears); hi.addEventListener("input", onYears); ub.addEventListener("change", onYears);
    yearInputs = { lo: lo, hi: hi, undated: ub };
  } else {
    $("pg-years-sec").hidden = true;
  }
  $("pg-isolated").addEventListener("change", function () { filt.isolated = this.checked; applyFilters(); });

  function allDocsOn() { return filt.docs.size === allDocs.length; }
  function nodePass(id) {
    var i = NI[id];
    if (!filt.types.has(i.type)) return false;
    if (allDocsOn() || !i.docs.length) return true;
    return i.docs.some(function (d) { return filt.docs.has(d); });
  }
  function edgePass(e, nodeOk) {
    var i = EI[e.id];
    if (!filt.preds.has(i.predicate) || !nodeOk[e.from] || !nodeOk[e.to]) return false;
    if (!allDocsOn() && i.docs.length && !i.docs.some(function (d) { return filt.docs.has(d); })) return false;
    if (i.year == null) return filt.undated;
    return i.year >= filt.ymin && i.year <= filt.ymax;
  }
  function applyFilters() {
    var nodeOk = {}, linked = {};
    DATA.nodes.forEach(function (n) { nodeOk[n.id] = nodePass(n.id); });
    var edgeOk = {};
    DATA.edges.forEach(function (e) {
      var ok = edgePass(e, nodeOk);
      edgeOk[e.id] = ok;
      if (ok) { linked[e.from] = true; linked[e.to] = true; }
    });
    if (filt.isolated) DATA.nodes.forEach(function (n) { if (!linked[n.id]) nodeOk[n.id] = false; });
    var nu = [], eu = [];
    DATA.nodes.forEach(function (n) {
      var h = !nodeOk[n.id];
      if (!!state.hidden.nodes[n.id] !== h) { state.hidden.nodes[n.id] = h; nu.push({ id: n.id, hidden: h }); }
    });
    DATA.edges.forEach(function (e) {
      var h = !edgeOk[e.id];
      if (!!state.hidden.edges[e.id] !== h) { state.hidden.edges[e.id] = h; eu.push({ id: e.id, hidden: h }); }
    });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    var sel = state.selected;
    if (sel && ((sel.node && state.hidden.nodes[sel.node]) || (sel.edge && state.hidden.edges[sel.edge]))) clearSelection();
    updateStatus();
  }
  function visibleCounts() {
    var n = 0, e = 0;
    DATA.nodes.forEach(function (x) { if (!state.hidden.nodes[x.id]) n++; });
    DATA.edges.forEach(function (x) { if (!state.hidden.edges[x.id]) e++; });
    return { nodes: n, edges: e, totalNodes: DATA.nodes.length, totalEdges: DATA.edges.length };
  }
  function updateStatus() {
    var c = visibleCounts();
    var s = $("pg-status");
    s.textContent = (c.nodes === c.totalNodes ? c.nodes + " entities" : c.nodes + " of " + c.totalNodes + " entities") +
      " · " + (c.edges === c.totalEdges ? c.edges + " relations" : c.edges + " of " + c.totalEdges + " relations") +
      (c.totalNodes !== META.totalEntities || c.totalEdges !== META.totalRelations
        ? " (graph: " + META.totalEntities + " / " + META.totalRelations + ")" : "");
    s.setAttribute("data-nodes", c.totalNodes); s.setAttribute("data-edges", c.totalEdges);
    s.setAttribute("data-visible-nodes", c.nodes); s.setAttribute("data-visible-edges", c.edges);
  }

  // -- highlight, selection, details --------------------------------------------------------------------
  var DIM_NODE_COLOR = { background: "#eceef1", border: "#d3d7dc", highlight: { background: "#eceef1", border: "#d3d7dc" },
                         hover: { background: "#eceef1", border: "#d3d7dc" } };
  var DIM_EDGE_COLOR = { color: "rgba(190,195,202,0.35)", highlight: "rgba(190,195,202,0.35)", hover: "rgba(190,195,202,0.6)" };
  var dimmed = { nodes: [], edges: [] };
  function clearHighlight() {
    if (dimmed.nodes.length) nodes.update(dimmed.nodes.map(function (id) {
      var b = base.nodes[id]; return { id: id, color: b.color, font: b.font, borderWidth: b.borderWidth };
    }));
    if (dimmed.edges.length) edges.update(dimmed.edges.map(function (id) {
      var b = base.edges[id]; return { id: id, color: b.color, font: b.font, width: b.width };
    }));
    dimmed = { nodes: [], edges: [] };
  }
  function highlight(keepNodes, keepEdges) {
    clearHighlight();
    var nu = [], eu = [];
    DATA.nodes.forEach(function (n) {
      if (keepNodes.has(n.id)) return;
      var f = Object.assign({}, base.nodes[n.id].font, { color: "#b9bfc7", strokeWidth: 0 });
      nu.push({ id: n.id, color: DIM_NODE_COLOR, font: f }); dimmed.nodes.push(n.id);
    });
    DATA.edges.forEach(function (e) {
      if (keepEdges.has(e.id)) return;
      var f = Object.assign({}, base.edges[e.id].font, { color: "rgba(0,0,0,0)", strokeWidth: 0 });
      eu.push({ id: e.id, color: DIM_EDGE_COLOR, font: f }); dimmed.edges.push(e.id);
    });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
  }
  function highlightNode(id) {
    var keep = new Set([id]);
    network.getConnectedNodes(id).forEach(function (n) { keep.add(n); });
    highlight(keep, new Set(network.getConnectedEdges(id)));
  }
  function showPanel() { $("pg-details").hidden = false; }
  function showNode(id) {
    var info = NI[id];
    $("pg-details-body").innerHTML = info.html;
    var rels = $("pg-details-rels");
    rels.textContent = "";
    var ids = network.getConnectedEdges(id).filter(function (e) { return !state.hidden.edges[e]; });
    if (ids.length) {
      rels.appendChild(make("h3", null, "Relations (" + ids.length + ")"));
      var ul = make("ul");
      ids.slice(0, 300).forEach(function (eid) {
        var li = make("li");
        li.innerHTML = EI[eid].tip;
        li.addEventListener("click", function () { selectEdge(eid, true); });
        ul.appendChild(li);
      });
      rels.appendChild(ul);
    }
    showPanel();
  }
  function showEdge(id) {
    $("pg-details-body").innerHTML = EI[id].html;
    $("pg-details-rels").textContent = "";
    showPanel();
  }
  function selectNode(id, move) {
    if (!nodes.get(id)) return false;
    state.selected = { node: id };
    network.selectNodes([id]);
    highlightNode(id);
    showNode(id);
    if (move) network.focus(id, { scale: Math.max(1.0, network.getScale()), animation: { duration: 350, easingFunction: "easeInOutQuad" } });
    return true;
  }
  function selectEdge(id, move) {
    var e = edges.get(id);
    if (!e) return false;
    state.selected = { edge: id };
    network.selectEdges([id]);
    highlight(new Set([e.from, e.to]), new Set([id]));
    showEdge(id);
    if (move) network.fit({ nodes: [e.from, e.to], animation: { duration: 350, easingFunction: "easeInOutQuad" } });
    return true;
  }
  function clearSelection() {
    state.selected = null;
    network.unselectAll();
    clearHighlight();
    $("pg-details").hidden = true;
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) selectEdge(p.edges[0], false);
    else clearSelection();
  });
  $("pg-details-close").addEventListener("click", clearSelection);

  // -- tooltips -------------------------------------------------------------------------------------------
  var tip = $("pg-tip");
  function showTip(htmlText, pointer) {
    tip.innerHTML = htmlText;
    tip.style.display = "block";
    var w = container.clientWidth, x = pointer.x + 14, y = pointer.y + 14;
    if (x + tip.offsetWidth > w - 8) x = Math.max(4, pointer.x - tip.offsetWidth - 14);
    if (y + tip.offsetHeight > container.clientHeight - 8) y = Math.max(4, pointer.y - tip.offsetHeight - 14);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.style.display = "none"; }
  network.on("hoverNode", function (p) { showTip(NI[p.node].tip, p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(EI[p.edge].tip, p.pointer.DOM); });
  network.on("blurNode", hideTip); network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip); network.on("zoom", hideTip);

  // -- search ---------------------------------------------------------------------------------------------
  var index = DATA.nodes.map(function (n) { return { id: n.id, keys: NI[n.id].keys }; });
  function search(q) {
    q = fold(q);
    if (!q) return [];
    var hits = [];
    index.forEach(function (it) {
      var best = null;
      it.keys.forEach(function (k, i) {
        var key = k[0], s;
        if (key === q) s = 0;
        else if (key.indexOf(q) === 0) s = 1;
        else if (key.indexOf(" " + q) >= 0) s = 2;
        else if (key.indexOf(q) >= 0) s = 3;
        else return;
        s = s * 2 + (i === 0 ? 0 : 1);
        if (best === null || s < best.score) best = { id: it.id, score: s, via: i === 0 ? null : k[1] };
      });
      if (best) hits.push(best);
    });
    hits.sort(function (a, b) {
      return a.score - b.score || NI[a.id].keys[0][0].length - NI[b.id].keys[0][0].length ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    return hits;
  }
  var results = $("pg-results"), input = $("pg-search"), active = 0, current = [];
  function renderResults() {
    results.textContent = "";
    current.slice(0, 12).forEach(function (h, i) {
      var li = make("li");
      li.setAttribute("role", "option");
      li.setAttribute("data-id", h.id);
      if (i === active) li.className = "pg-active";
      var hidden = state.hidden.nodes[h.id];
      li.innerHTML = NI[h.id].name + "<small>" + (h.via ? "alias: " + h.via + " · " : "") + esc(NI[h.id].type) +
        (hidden ? " · hidden by the filters" : "") + "</small>";
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h.id); });
      results.appendChild(li);
    });
    if (input.value.trim() && !current.length) {
      var li = make("li", null, "no match");
      results.appendChild(li);
    }
  }
  function pick(id) {
    if (state.hidden.nodes[id]) {
      // reveal the match: turn its type (and, if needed, every document) back on
      var t = NI[id].type;
      var box = document.querySelector('#pg-legend input[data-type="' + CSS.escape(t) + '"]');
      if (box && !box.checked) { box.checked = true; filt.types.add(t); }
      if (!nodePass(id)) document.querySelectorAll("#pg-docs input").forEach(function (c) { c.checked = true; filt.docs.add(c.value); });
      if (filt.isolated) { $("pg-isolated").checked = false; filt.isolated = false; }
      applyFilters();
    }
    results.textContent = "";
    current = [];
    input.value = new DOMParser().parseFromString(NI[id].name, "text/html").documentElement.textContent;
    return selectNode(id, true);
  }
  input.addEventListener("input", function () { current = search(input.value); active = 0; renderResults(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, Math.min(current.length, 12) - 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); renderResults(); ev.preventDefault(); }
    else if (ev.key === "Enter") {
      if (!current.length) current = search(input.value);
      if (current.length) pick(current[Math.min(active, current.length - 1)].id);
      ev.preventDefault();
    } else if (ev.key === "Escape") { input.value = ""; current = []; renderResults(); }
  });
  input.addEventListener("blur", function () { setTimeout(function () { results.textContent = ""; }, 150); });

  // -- buttons ----------------------------------------------------------------------------------------------
  $("pg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  $("pg-reset").addEventListener("click", function () {
    document.querySelectorAll("#pg-side input[type=checkbox]").forEach(function (c) {
      if (c.id === "pg-isolated" || c.id === "pg-physics") return;
      c.checked = true;
    });
    filt.types = new Set(DATA.types.map(function (t) { return t.name; }));
    filt.preds = new Set(DATA.predicates.map(function (p) { return p.name; }));
    filt.docs = new Set(allDocs);
    filt.undated = true; filt.ymin = -Infinity; filt.ymax = Infinity;
    if (yearInputs) { yearInputs.lo.value = DATA.years[0]; yearInputs.hi.value = DATA.years[1]; }
    filt.isolated = false; $("pg-isolated").checked = false;
    input.value = ""; current = []; renderResults();
    clearSelection();
    applyFilters();
    network.fit({ animation: false });
  });
  $("pg-physics").checked = physicsOn;
  $("pg-physics").addEventListener("change", function () {
    network.setOptions({ physics: { enabled: this.checked } });
  });

  function drawLegend(ctx, ratio) {
    var types = DATA.types.filter(function (t) { return filt.types.has(t.name); });
    var pad = 10 * ratio, line = 20 * ratio, font = 13 * ratio;
    ctx.font = font + "px system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";
    var w = 0;
    types.forEach(function (t) { w = Math.max(w, ctx.measureText(t.name).width); });
    var extra = META.path ? 1 : 0;
    var bw = w + 3 * pad + 14 * ratio, bh = (types.length + extra) * line + 2 * pad - 4 * ratio;
    ctx.fillStyle = "rgba(255,255,255,0.92)"; ctx.strokeStyle = "#d0d7de"; ctx.lineWidth = ratio;
    ctx.fillRect(pad, pad, bw, bh); ctx.strokeRect(pad, pad, bw, bh);
    ctx.textBaseline = "middle";
    types.forEach(function (t, i) {
      var y = 2 * pad + i * line + 3 * ratio;
      ctx.beginPath(); ctx.arc(2 * pad + 6 * ratio, y, 6 * ratio, 0, 2 * Math.PI);
      ctx.fillStyle = t.color; ctx.fill(); ctx.strokeStyle = "rgba(0,0,0,.45)"; ctx.stroke();
      ctx.fillStyle = "#1f2328"; ctx.fillText(t.name, 2 * pad + 18 * ratio, y);
    });
    if (META.path) {
      var y = 2 * pad + types.length * line + 3 * ratio;
      ctx.strokeStyle = META.pathColor; ctx.lineWidth = 4 * ratio;
      ctx.beginPath(); ctx.moveTo(2 * pad, y); ctx.lineTo(2 * pad + 12 * ratio, y); ctx.stroke();
      ctx.fillStyle = "#1f2328"; ctx.fillText("linking path", 2 * pad + 18 * ratio, y);
    }
  }
  function pngDataUrl() {
    var src = container.querySelector("canvas");
    var c = document.createElement("canvas");
    c.width = src.width; c.height = src.height;
    var ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    drawLegend(ctx, src.width / Math.max(1, container.clientWidth));
    return c.toDataURL("image/png");
  }
  $("pg-png").addEventListener("click", function () {
    var a = document.createElement("a");
    a.href = pngDataUrl();
    a.download = "policygraph-view.png";
    document.body.appendChild(a); a.click(); a.remove();
  });

  updateStatus();
  window.pgView = { network: network, nodes: nodes, edges: edges, data: DATA, state: state, search: search,
                    select: selectNode, selectEdge: selectEdge, clearSelection: clearSelection,
                    applyFilters: applyFilters, visibleCounts: visibleCounts, pngDataUrl: pngDataUrl };
})();
