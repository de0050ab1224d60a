/* policygraph view: exports of what is on screen.
 *
 * CSV: the visible facts, one row per fact and quote (quotes on one line, offsets exact, the document's title).
 * PNG: the drawing as it is, with a title, the active filters, the legend as drawn (shapes and colours of the
 * types on screen) and the sources. SVG: the same as vectors (entities, lines, the labels drawn at this zoom).
 */
(function (PG) {
  "use strict";
  var COLUMNS = ["fact_id", "subject", "subject_type", "predicate", "object", "object_type", "amount_usd", "joint_id",
                 "year", "status", "confidence", "doc", "doc_title", "start", "end", "quote"];
  var FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";
  var HEAD = 64, LINE = 17;

  PG.unesc = function (html) {
    return html === null || html === undefined ? "" : new DOMParser().parseFromString(String(html), "text/html").documentElement.textContent;
  };
  function cell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function Exporter(ctx) { this.ctx = ctx; }
  Exporter.prototype.csv = function () {
    var ctx = this.ctx, rows = [COLUMNS.join(",")];
    Object.keys(ctx.state.visibleFacts).sort().forEach(function (fid) {
      var f = ctx.FI[fid], s = ctx.NI[f.s], o = ctx.NI[f.o];
      var head = [fid, PG.unesc(s.name), s.type, f.p, PG.unesc(o.name), o.type, f.amount === null ? "" : Math.round(f.amount),
                  PG.unesc(f.jointId), f.year === null ? "" : f.year, PG.unesc(f.status), f.conf];
      (f.quotes.length ? f.quotes : [{ doc: "", start: "", end: "", text: "" }]).forEach(function (q) {
        var d = ctx.docs[q.doc] || {};
        rows.push(head.concat([q.doc, PG.unesc(d.title), q.start, q.end, PG.unesc(q.text)]).map(cell).join(","));
      });
    });
    return rows.join("\n") + "\n";
  };
  // what the picture carries besides the drawing
  Exporter.prototype.context = function () {
    var ctx = this.ctx, shown = {}, docs = {};
    ctx.data.nodes.forEach(function (n) { if (!ctx.state.hidden.nodes[n.id]) shown[ctx.NI[n.id].type] = true; });
    Object.keys(ctx.state.visibleFacts).forEach(function (fid) { ctx.FI[fid].docs.forEach(function (d) { docs[d] = true; }); });
    return {
      title: PG.unesc(ctx.meta.title),
      filters: ctx.filters.describe(),
      types: ctx.data.types.filter(function (t) { return shown[t.name]; }),
      sources: ctx.data.docs.filter(function (d) { return docs[d.key]; }).map(function (d) {
        return PG.unesc(d.id) + (d.title ? " — " + PG.unesc(d.title) : "") + (d.publisher ? ", " + PG.unesc(d.publisher) : "") + (d.date ? ", " + PG.unesc(d.date) : "");
      })
    };
  };
  function drawGlyph(g, shape, color, x, y, r) {
    var pts = PG.shapePoints(shape, r);
    g.beginPath();
    if (pts) { pts.forEach(function (p, i) { if (i) g.lineTo(x + p[0], y + p[1]); else g.moveTo(x + p[0], y + p[1]); }); g.closePath(); }
    else if (shape === "box" || shape === "text" || shape === "database" || shape === "square") { var w = shape === "square" ? r : 1.5 * r; g.rect(x - w, y - r, 2 * w, 2 * r); }
    else if (shape === "ellipse") g.ellipse(x, y, 1.5 * r, r, 0, 0, 2 * Math.PI);
    else g.arc(x, y, r, 0, 2 * Math.PI);
    g.fillStyle = color; g.fill(); g.strokeStyle = "rgba(0,0,0,.45)"; g.lineWidth = 1; g.stroke();
  }
  // the PNG and where its parts are (for checks): {url, width, height, legend: [{type, x, y, color}], ...}
  Exporter.prototype.png = function () {
    var ctx = this.ctx, src = ctx.container.querySelector("canvas"), k = src.width / Math.max(1, ctx.container.clientWidth);
    var info = this.context(), w = ctx.container.clientWidth, h = ctx.container.clientHeight;
    var foot = LINE * (info.sources.length + 1) + 16, c = document.createElement("canvas");
    c.width = Math.round(w * k); c.height = Math.round((HEAD + h + foot) * k);
    var g = c.getContext("2d"), layout = { legend: [], head: HEAD, foot: foot };
    g.scale(k, k);
    g.fillStyle = "#ffffff"; g.fillRect(0, 0, w, HEAD + h + foot);
    g.fillStyle = "#1f2328"; g.textBaseline = "middle";
    g.font = "600 18px " + FONT; g.fillText(info.title, 14, 22);
    g.font = "12px " + FONT; g.fillStyle = "#57606a"; g.fillText("Filters: " + (info.filters.join("; ") || "none"), 14, 46);
    g.drawImage(src, 0, HEAD, w, h);
    var lw = 0;
    g.font = "13px " + FONT;
    info.types.forEach(function (t) { lw = Math.max(lw, g.measureText(t.name).width); });
    g.fillStyle = "rgba(255,255,255,0.92)"; g.strokeStyle = "#d0d7de";
    g.fillRect(10, HEAD + 10, lw + 48, info.types.length * 22 + 12); g.strokeRect(10, HEAD + 10, lw + 48, info.types.length * 22 + 12);
    info.types.forEach(function (t, i) {
      var y = HEAD + 27 + i * 22;
      drawGlyph(g, t.shape, t.color, 28, y, 6.5);
      g.fillStyle = "#1f2328"; g.fillText(t.name, 44, y);
      layout.legend.push({ type: t.name, x: 28, y: y, color: t.color });
    });
    g.font = "600 12px " + FONT; g.fillStyle = "#1f2328"; g.fillText("Sources", 14, HEAD + h + 14);
    g.font = "12px " + FONT;
    info.sources.forEach(function (s, i) { g.fillText(s, 14, HEAD + h + 14 + LINE * (i + 1)); });
    layout.url = c.toDataURL("image/png"); layout.width = c.width; layout.height = c.height; layout.scale = k;
    layout.info = info;
    return layout;
  };

  function svgEsc(s) { return PG.esc(s); }
  function edgePath(ctx, e) {
    var m = ctx.lineMiddle(e), a = m.a, b = m.b, via = m.via;
    var d = "M" + a.x.toFixed(1) + "," + a.y.toFixed(1) + (via ? " Q" + via.x.toFixed(1) + "," + via.y.toFixed(1) + " " : " L") + b.x.toFixed(1) + "," + b.y.toFixed(1);
    return { d: d, mid: m };
  }
  Exporter.prototype.svg = function () {
    var ctx = this.ctx, info = this.context(), w = ctx.container.clientWidth, h = ctx.container.clientHeight, out = [], scale = ctx.network.getScale();
    var onScreen = ctx.onScreen(), lines = [], nodes = [];
    ctx.data.edges.forEach(function (e) {
      if (ctx.state.hidden.edges[e.id] || !onScreen[e.from] || !onScreen[e.to]) return;
      var p = edgePath(ctx, e), color = ctx.pathLines[e.id] ? ctx.meta.pathColor : "#8d939c";
      lines.push('<path class="pg-line" data-id="' + svgEsc(e.id) + '" d="' + p.d + '" fill="none" stroke="' + color + '" stroke-width="' +
        Math.min(8, ctx.state.widths[e.id] * scale + 0.5).toFixed(1) + '" marker-end="url(#pg-arrow)"/>');
      if (ctx.edgeLabelShown(e.id)) ctx.state.labels[e.id].split("\n").forEach(function (t, i) {
        lines.push('<text class="pg-line-label" x="' + p.mid.x.toFixed(1) + '" y="' + (p.mid.y + i * 12).toFixed(1) + '" text-anchor="middle" font-size="10" fill="#4a4f57" stroke="#fff" stroke-width="3" paint-order="stroke">' + svgEsc(t) + "</text>");
      });
    });
    ctx.data.nodes.forEach(function (n) {
      if (!onScreen[n.id]) return;
      var p = ctx.network.canvasToDOM(ctx.network.getPositions([n.id])[n.id]), i = ctx.NI[n.id], r = Math.max(4, Math.min(18, (n.size || 12) * scale * 0.8));
      nodes.push('<g class="pg-node" data-id="' + svgEsc(n.id) + '">' + PG.glyphSvg(i.shape, n.color.background, p.x, p.y, r) + "</g>");
      if (ctx.nodeLabelShown(n.id)) nodes.push('<text class="pg-label" x="' + p.x.toFixed(1) + '" y="' + (p.y + r + 13).toFixed(1) + '" text-anchor="middle" font-size="12" stroke="#fff" stroke-width="3" paint-order="stroke">' + i.name + "</text>");
    });
    var foot = LINE * (info.sources.length + 1) + 16, total = HEAD + h + foot;
    out.push('<svg xmlns="http://www.w3.org/2000/svg" width="' + w + '" height="' + total + '" viewBox="0 0 ' + w + " " + total + '" font-family="' + FONT + '" font-size="12">');
    out.push('<defs><marker id="pg-arrow" viewBox="0 0 10 10" refX="20" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8d939c"/></marker></defs>');
    out.push('<rect width="100%" height="100%" fill="#fff"/>');
    out.push('<text class="pg-title" x="14" y="28" font-size="18" font-weight="600">' + svgEsc(info.title) + "</text>");
    out.push('<text class="pg-filters" x="14" y="50" fill="#57606a">Filters: ' + svgEsc(info.filters.join("; ") || "none") + "</text>");
    out.push('<g transform="translate(0,' + HEAD + ')">' + lines.join("") + nodes.join("") + "</g>");
    out.push('<g class="pg-legend" transform="translate(10,' + (HEAD + 10) + ')"><rect width="190" height="' + (info.types.length * 22 + 12) + '" fill="#fff" fill-opacity="0.92" stroke="#d0d7de"/>' +
      info.types.map(function (t, i) {
        return '<g class="pg-legend-item" data-type="' + svgEsc(t.name) + '">' + PG.glyphSvg(t.shape, t.color, 18, 17 + i * 22, 6.5) +
          '<text x="34" y="' + (21 + i * 22) + '">' + svgEsc(t.name) + "</text></g>";
      }).join("") + "</g>");
    out.push('<text x="14" y="' + (HEAD + h + 18) + '" font-weight="600">Sources</text>');
    info.sources.forEach(function (s, i) { out.push('<text class="pg-source" x="14" y="' + (HEAD + h + 18 + LINE * (i + 1)) + '">' + svgEsc(s) + "</text>"); });
    out.push("</svg>");
    return out.join("\n") + "\n";
  };
  Exporter.prototype.download = function (name, url) {
    var a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  };
  Exporter.prototype.wire = function () {
    var self = this, $ = this.ctx.$;
    $("pg-csv").addEventListener("click", function () { self.download("policygraph-facts.csv", "data:text/csv;charset=utf-8," + encodeURIComponent(self.csv())); });
    $("pg-png").addEventListener("click", function () { self.download("policygraph-view.png", self.png().url); });
    $("pg-svg").addEventListener("click", function () { self.download("policygraph-view.svg", "data:image/svg+xml;charset=utf-8," + encodeURIComponent(self.svg())); });
  };
  PG.Exporter = Exporter;
})(window.PG = window.PG || {});
