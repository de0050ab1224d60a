/* policygraph view: selection, neighbour highlight, tooltips and the details panel.
 *
 * An entity's panel lists its lines (its own relations first: one per relation, object and direction); a line's
 * panel lists each fact it draws with its amount, event year, status, a joint amount's mark, confidence and
 * every quote (whitespace normalised; the offsets are the document's) linking to the document's page in the
 * build, the span highlighted. Pre-escaped fields only (html, tip, name, label, text, title).
 */
(function (PG) {
  "use strict";
  var DIM_NODE = { background: "#eceef1", border: "#d3d7dc", highlight: { background: "#eceef1", border: "#d3d7dc" },
                   hover: { background: "#eceef1", border: "#d3d7dc" } };
  var DIM_EDGE = { color: "rgba(190,195,202,0.35)", highlight: "rgba(190,195,202,0.35)", hover: "rgba(190,195,202,0.6)" };

  function Panel(ctx) {
    this.ctx = ctx;
    this.dimmed = { nodes: [], edges: [] };
  }
  Panel.prototype.clearHighlight = function () {
    var ctx = this.ctx, d = this.dimmed;
    if (d.nodes.length) ctx.nodes.update(d.nodes.map(function (id) {
      var b = ctx.base.nodes[id], u = { id: id, color: b.color, font: ctx.labelFont(id), borderWidth: b.borderWidth };
      if (b.image) u.image = b.image;
      return u;
    }));
    if (d.edges.length) ctx.edges.update(d.edges.map(function (id) {
      var b = ctx.base.edges[id]; return { id: id, color: b.color, font: ctx.edgeFont(id), width: b.width };
    }));
    this.dimmed = { nodes: [], edges: [] };
  };
  Panel.prototype.highlight = function (keepNodes, keepEdges) {
    this.clearHighlight();
    var ctx = this.ctx, d = this.dimmed, nu = [], eu = [];
    ctx.data.nodes.forEach(function (n) {
      if (keepNodes.has(n.id)) return;
      var u = { id: n.id, color: DIM_NODE, font: Object.assign({}, ctx.labelFont(n.id), { color: "#b9bfc7", strokeWidth: 0 }) };
      if (ctx.NI[n.id].dimImage) u.image = ctx.NI[n.id].dimImage;
      nu.push(u);
      d.nodes.push(n.id);
    });
    ctx.data.edges.forEach(function (e) {
      if (keepEdges.has(e.id)) return;
      eu.push({ id: e.id, color: DIM_EDGE, font: Object.assign({}, ctx.base.edges[e.id].font, { color: "rgba(0,0,0,0)", strokeWidth: 0 }) });
      d.edges.push(e.id);
    });
    if (nu.length) ctx.nodes.update(nu);
    if (eu.length) ctx.edges.update(eu);
  };

  function quoteHtml(ctx, q) {
    var doc = ctx.docs[q.doc] || {}, name = doc.title ? doc.title + " · " + doc.id : (doc.id || PG.esc(q.doc));
    var where = "characters " + q.start + "–" + q.end;
    var link = q.href ? '<a class="pg-src" href="' + PG.esc(q.href) + '" target="_blank" rel="noopener">' + where + "</a>" : where;
    return '<blockquote class="pg-q">' + q.text + "<footer>" + name + ' <span class="pg-dim">' + link + "</span></footer></blockquote>";
  }
  function factHtml(ctx, fid) {
    var f = ctx.FI[fid], rows = [], onPath = ctx.pathFacts[fid];
    if (f.amount !== null) rows.push(["Amount", PG.formatUsd(f.amount) + ' <span class="pg-dim">(' + Math.round(f.amount).toLocaleString("en-US") + " USD)</span>" +
      (f.jointId ? ' <span class="pg-flag">joint: one amount stated for several objects</span>' : "")]);
    rows.push(["Year", f.year === null ? '<span class="pg-dim">not stated</span>' : String(f.year)]);
    if (f.status) rows.push(["Status", '<span class="pg-flag">' + f.status + "</span>"]);
    rows.push(["Confidence", f.conf.toFixed(2)]);
    f.extra.forEach(function (kv) { rows.push([kv[0], kv[1]]); });
    var hidden = !ctx.state.visibleFacts[fid];
    return '<div class="pg-fact' + (hidden ? " pg-hiddenfact" : "") + '" data-fact="' + PG.esc(fid) + '">' +
      '<div class="pg-fact-h">' + f.label + (onPath ? ' <span class="pg-onpath">path ' + onPath.join(", ") + "</span>" : "") +
      (hidden ? ' <span class="pg-dim">(hidden by the filters)</span>' : "") + "</div>" +
      '<table class="pg-kv">' + rows.map(function (r) { return "<tr><th>" + r[0] + "</th><td>" + r[1] + "</td></tr>"; }).join("") + "</table>" +
      f.quotes.map(function (q) { return quoteHtml(ctx, q); }).join("") + "</div>";
  }
  Panel.prototype.showLine = function (id) {
    var ctx = this.ctx, ln = ctx.LI[id];
    var head = '<div class="pg-h">' + PG.esc(ln.p) + '</div><div class="pg-sub">' + ctx.NI[ln.from].name + " &rarr; " + ctx.NI[ln.to].name +
      " · " + ln.facts.length + " fact" + (ln.facts.length === 1 ? "" : "s") + "</div>";
    ctx.$("pg-details-body").innerHTML = head + ln.facts.map(function (fid) { return factHtml(ctx, fid); }).join("");
    ctx.$("pg-details-rels").textContent = "";
    ctx.$("pg-details").hidden = false;
  };
  Panel.prototype.showNode = function (id) {
    var ctx = this.ctx, rels = ctx.$("pg-details-rels");
    ctx.$("pg-details-body").innerHTML = ctx.NI[id].html;
    rels.textContent = "";
    var ids = ctx.network.getConnectedEdges(id).filter(function (e) { return !ctx.state.hidden.edges[e]; });
    ids.sort(function (a, b) {  // its own statements (as subject) first, then by relation type
      var la = ctx.LI[a], lb = ctx.LI[b];
      return (la.from !== id) - (lb.from !== id) || (la.p < lb.p ? -1 : la.p > lb.p ? 1 : 0);
    });
    if (ids.length) {
      rels.appendChild(PG.make("h3", null, "Relations (" + ids.length + " lines)"));
      var ul = PG.make("ul");
      ids.slice(0, 300).forEach(function (eid) {
        var ln = ctx.LI[eid], li = PG.make("li");
        var other = ln.from === id ? "&rarr; " + ctx.NI[ln.to].name : "&larr; " + ctx.NI[ln.from].name;
        li.innerHTML = "<b>" + PG.esc(ln.p) + "</b> " + other + ' <span class="pg-dim">' + PG.esc(ctx.state.labels[eid].split("\n").slice(1).join(" ")) +
          (ln.facts.length > 1 ? " · " + ln.facts.length + " facts" : "") + "</span>";
        li.setAttribute("data-line", eid);
        li.addEventListener("click", function () { ctx.selectEdge(eid, true); });
        ul.appendChild(li);
      });
      rels.appendChild(ul);
    }
    ctx.$("pg-details").hidden = false;
  };
  Panel.prototype.selectNode = function (id, move) {
    var ctx = this.ctx;
    if (!ctx.nodes.get(id)) return false;
    ctx.state.selected = { node: id };
    ctx.network.selectNodes([id]);
    var keep = new Set([id]);
    ctx.network.getConnectedNodes(id).forEach(function (n) { keep.add(n); });
    this.highlight(keep, new Set(ctx.network.getConnectedEdges(id)));
    this.showNode(id);
    if (move) ctx.network.focus(id, { scale: Math.max(1.0, ctx.network.getScale()), animation: { duration: 350, easingFunction: "easeInOutQuad" } });
    return true;
  };
  Panel.prototype.selectEdge = function (id, move) {
    var ctx = this.ctx, e = ctx.edges.get(id);
    if (!e) return false;
    ctx.state.selected = { edge: id };
    ctx.network.selectEdges([id]);
    this.highlight(new Set([e.from, e.to]), new Set([id]));
    this.showLine(id);
    if (move) ctx.network.fit({ nodes: [e.from, e.to], animation: { duration: 350, easingFunction: "easeInOutQuad" } });
    return true;
  };
  Panel.prototype.clear = function () {
    var ctx = this.ctx;
    ctx.state.selected = null;
    ctx.network.unselectAll();
    this.clearHighlight();
    ctx.$("pg-details").hidden = true;
  };
  // the linking paths of --path, listed; a click highlights one path's lines
  Panel.prototype.paths = function () {
    var ctx = this.ctx, P = ctx.meta.path, self = this;
    if (!P) return;
    var box = ctx.$("pg-paths");
    box.hidden = false;
    box.appendChild(PG.make("h2", null, P.count ? "Linking paths (as explain ranks them)" : "No linking path"));
    var ol = PG.make("ol");
    P.paths.forEach(function (p) {
      var li = PG.make("li");
      li.innerHTML = (p.kind === "measure" ? "<b>measure</b>: " : "") + p.summary + '<span class="pg-dim">' +
        p.hops.map(function (h) { return "<br>" + h; }).join("") + "</span>";
      li.setAttribute("data-rank", p.rank);
      li.addEventListener("click", function () { self.highlight(new Set(p.nodes), new Set(p.lines)); });
      ol.appendChild(li);
    });
    box.appendChild(ol);
  };
  PG.Panel = Panel;
})(window.PG = window.PG || {});
