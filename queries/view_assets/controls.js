/* policygraph view: the side bar's controls. The legend (each type's shape and colour, as drawn; its check box
 * filters), relation types, documents (with the titles they state), the time slider over a histogram of facts per
 * year, "show entities with no visible relation", and the search box (the one name resolver, names.js).
 *
 * Strings from documents arrive pre-escaped (names, docs[].id/title); everything else goes into textContent.
 */
(function (PG) {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";

  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  PG.make = make;

  // the glyph vis-network draws for a shape (the legend, the PNG and the SVG use the same outlines)
  PG.shapePoints = function (shape, r) {
    var pts = [], i;
    if (shape === "diamond") return [[0, -1.2 * r], [1.2 * r, 0], [0, 1.2 * r], [-1.2 * r, 0]];
    if (shape === "triangle") return [[0, -1.15 * r], [1.1 * r, 0.85 * r], [-1.1 * r, 0.85 * r]];
    if (shape === "triangleDown") return [[0, 1.15 * r], [1.1 * r, -0.85 * r], [-1.1 * r, -0.85 * r]];
    if (shape === "hexagon") { for (i = 0; i < 6; i++) pts.push([r * Math.cos(i * Math.PI / 3), r * Math.sin(i * Math.PI / 3)]); return pts; }
    if (shape === "star") {
      for (i = 0; i < 10; i++) {
        var rr = (i % 2 ? 0.5 : 1.2) * r, a = -Math.PI / 2 + i * Math.PI / 5;
        pts.push([rr * Math.cos(a), rr * Math.sin(a)]);
      }
      return pts;
    }
    return null;  // circle, square, box, ellipse: drawn as such
  };
  PG.glyphSvg = function (shape, color, x, y, r) {
    var attrs = ' fill="' + color + '" stroke="rgba(0,0,0,.45)" stroke-width="1"', pts = PG.shapePoints(shape, r);
    if (pts) return '<polygon points="' + pts.map(function (p) { return (x + p[0]).toFixed(1) + "," + (y + p[1]).toFixed(1); }).join(" ") + '"' + attrs + "/>";
    if (shape === "box" || shape === "text" || shape === "database" || shape === "square") {
      var w = shape === "square" ? r : 1.5 * r;
      return '<rect x="' + (x - w).toFixed(1) + '" y="' + (y - r).toFixed(1) + '" width="' + (2 * w).toFixed(1) + '" height="' + (2 * r).toFixed(1) + '" rx="2"' + attrs + "/>";
    }
    if (shape === "ellipse") return '<ellipse cx="' + x.toFixed(1) + '" cy="' + y.toFixed(1) + '" rx="' + (1.5 * r).toFixed(1) + '" ry="' + r.toFixed(1) + '"' + attrs + "/>";
    return '<circle cx="' + x.toFixed(1) + '" cy="' + y.toFixed(1) + '" r="' + r.toFixed(1) + '"' + attrs + "/>";
  };
  function glyph(shape, color) {
    var s = document.createElementNS(SVGNS, "svg");
    s.setAttribute("width", "22"); s.setAttribute("height", "18"); s.setAttribute("viewBox", "-11 -9 22 18");
    s.innerHTML = PG.glyphSvg(shape, /^[#a-zA-Z0-9(),.% ]+$/.test(color) ? color : "#9e9e9e", 0, 0, 6);
    return s;
  }

  function checkRow(holder, value, html, count, onChange) {
    var lab = make("label"), box = make("input"), name = make("span");
    box.type = "checkbox"; box.checked = true; box.value = value;
    box.addEventListener("change", function () { onChange(box.checked); });
    name.innerHTML = html;  // pre-escaped
    lab.appendChild(box); lab.appendChild(name); lab.appendChild(make("span", "pg-count", String(count)));
    holder.appendChild(lab);
    return box;
  }

  function legend(ctx) {
    var F = ctx.filters;
    ctx.data.types.forEach(function (t) {
      var lab = make("label"), box = make("input");
      lab.title = "show/hide " + t.name;
      box.type = "checkbox"; box.checked = true; box.value = t.name; box.setAttribute("data-type", t.name);
      box.addEventListener("change", function () { if (box.checked) F.f.types.add(t.name); else F.f.types.delete(t.name); F.apply(); });
      lab.appendChild(box); lab.appendChild(glyph(t.shape, t.color));
      lab.appendChild(make("span", "pg-name", t.name)); lab.appendChild(make("span", "pg-count", String(t.count)));
      ctx.$("pg-legend").appendChild(lab);
    });
    var x = ctx.$("pg-legend-extra");
    function line(color, width, text) {
      var d = make("div"), s = document.createElementNS(SVGNS, "svg");
      s.setAttribute("width", "22"); s.setAttribute("height", "12");
      s.innerHTML = '<line x1="1" y1="6" x2="21" y2="6" stroke="' + color + '" stroke-width="' + width + '"/>';
      d.appendChild(s); d.appendChild(make("span", null, text)); x.appendChild(d);
    }
    if (ctx.meta.path) line(ctx.meta.pathColor, 4, "linking path");
    if (Object.keys(ctx.FI).some(function (f) { return ctx.FI[f].amount !== null; })) line("#8d939c", 5, "width = largest amount (USD)");
    line("#8d939c", 1.5, "one line per subject, relation, object");
  }

  function lists(ctx) {
    var F = ctx.filters, D = ctx.data;
    D.predicates.forEach(function (p) {
      checkRow(ctx.$("pg-preds"), p.name, PG.esc(p.name), p.count, function (on) { if (on) F.f.preds.add(p.name); else F.f.preds.delete(p.name); F.apply(); });
    });
    D.docs.forEach(function (d) {
      var html = d.title ? d.title + ' <span class="pg-dim">(' + d.id + ")</span>" : d.id;
      checkRow(ctx.$("pg-docs"), d.key, html, d.count, function (on) { if (on) F.f.docs.add(d.key); else F.f.docs.delete(d.key); F.apply(); });
    });
    if (!D.docs.length) ctx.$("pg-docs-sec").hidden = true;
    if (!D.predicates.length) ctx.$("pg-preds-sec").hidden = true;
    document.querySelectorAll("[data-all],[data-none]").forEach(function (b) {
      b.addEventListener("click", function () {
        var on = b.hasAttribute("data-all"), holder = ctx.$(b.getAttribute(on ? "data-all" : "data-none"));
        holder.querySelectorAll("input[type=checkbox]").forEach(function (c) {
          if (c.checked !== on) { c.checked = on; c.dispatchEvent(new Event("change")); }
        });
      });
    });
    ctx.$("pg-unlinked").addEventListener("change", function () { F.f.showUnlinked = this.checked; F.apply(); });
  }

  // the time slider: two range inputs (first, last year) over a histogram of facts per event year
  function timeSlider(ctx) {
    var Y = ctx.data.years, F = ctx.filters, box = ctx.$("pg-years");
    if (!Y) { ctx.$("pg-years-sec").hidden = true; return null; }
    var lo = Y.hist[0][0], hi = Y.hist[Y.hist.length - 1][0], counts = {}, top = 1;
    Y.hist.forEach(function (h) { counts[h[0]] = h[1]; top = Math.max(top, h[1]); });
    var n = hi - lo + 1, W = 250, H = 44, bw = W / n, svg = document.createElementNS(SVGNS, "svg");
    svg.id = "pg-hist"; svg.setAttribute("viewBox", "0 0 " + W + " " + H); svg.setAttribute("width", W); svg.setAttribute("height", H);
    var bars = "";
    for (var y = lo; y <= hi; y++) {
      var c = counts[y] || 0, bh = c ? Math.max(2, (H - 4) * c / top) : 0;
      bars += '<rect data-year="' + y + '" data-count="' + c + '" x="' + ((y - lo) * bw + 0.5).toFixed(2) + '" y="' + (H - bh).toFixed(2) +
        '" width="' + Math.max(1, bw - 1).toFixed(2) + '" height="' + bh.toFixed(2) + '"><title>' + y + ": " + c + " facts</title></rect>";
    }
    svg.innerHTML = bars;
    box.appendChild(svg);
    function slider(label, value) {
      var r = make("input"); r.type = "range"; r.min = lo; r.max = hi; r.step = 1; r.value = value; r.setAttribute("aria-label", label);
      box.appendChild(r); return r;
    }
    var from = slider("first year", lo), to = slider("last year", hi), shown = make("div", "pg-yrange");
    box.appendChild(shown);
    var und = make("label", "pg-inline"), ub = make("input");
    ub.type = "checkbox"; ub.checked = true; ub.id = "pg-undated";
    und.appendChild(ub); und.appendChild(make("span", null, "include undated facts (" + Y.undated + ")"));
    box.appendChild(und);
    function update(which) {
      var a = Number(from.value), b = Number(to.value);
      if (a > b) { if (which === from) to.value = a; else from.value = b; a = Number(from.value); b = Number(to.value); }
      F.f.ymin = a === lo ? -Infinity : a; F.f.ymax = b === hi ? Infinity : b; F.f.undated = ub.checked;
      shown.textContent = a + " – " + b;
      svg.querySelectorAll("rect").forEach(function (r) { var yr = Number(r.getAttribute("data-year")); r.setAttribute("class", yr >= a && yr <= b ? "pg-in" : "pg-out"); });
      F.apply();
    }
    from.addEventListener("input", function () { update(from); });
    to.addEventListener("input", function () { update(to); });
    ub.addEventListener("change", function () { update(null); });
    shown.textContent = lo + " – " + hi;
    svg.querySelectorAll("rect").forEach(function (r) { r.setAttribute("class", "pg-in"); });
    return { reset: function () { from.value = lo; to.value = hi; ub.checked = true; update(null); }, from: from, to: to, undated: ub };
  }

  function search(ctx) {
    var resolver = new PG.Resolver(ctx.NI), input = ctx.$("pg-search"), results = ctx.$("pg-results"), active = 0, current = [];
    function hits(text) {
      var r = resolver.resolve(text), out = [], seen = {};
      function add(id, note) { if (!seen[id]) { seen[id] = true; out.push({ id: id, note: note }); } }
      if (r.id) add(r.id, r.how === "alias" ? "alias" : r.how === "part" ? "part of the name" : r.how === "close" ? "close spelling" : null);
      (r.ambiguous || []).forEach(function (id) { add(id, "ambiguous"); });
      resolver.partial(text).forEach(function (h) { add(h.id, h.via ? "alias: " + h.via : null); });
      (r.suggest || []).forEach(function (id) { add(id, "did you mean?"); });
      return out;
    }
    function render() {
      results.textContent = "";
      current.slice(0, 12).forEach(function (h, i) {
        var li = make("li"), hidden = ctx.state.hidden.nodes[h.id];
        li.setAttribute("role", "option"); li.setAttribute("data-id", h.id);
        if (i === active) li.className = "pg-active";
        li.innerHTML = ctx.NI[h.id].name + "<small>" + (h.note ? h.note + " · " : "") + PG.esc(ctx.NI[h.id].type) +
          (hidden ? " · hidden by the filters" : "") + "</small>";
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h.id); });
        results.appendChild(li);
      });
      if (input.value.trim() && !current.length) results.appendChild(make("li", null, "no match"));
    }
    function pick(id) {
      ctx.reveal(id);
      results.textContent = ""; current = [];
      input.value = new DOMParser().parseFromString(ctx.NI[id].name, "text/html").documentElement.textContent;
      return ctx.selectNode(id, true);
    }
    input.addEventListener("input", function () { current = hits(input.value); active = 0; render(); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { active = Math.min(active + 1, Math.min(current.length, 12) - 1); render(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); render(); ev.preventDefault(); }
      else if (ev.key === "Enter") {
        if (!current.length) current = hits(input.value);
        if (current.length) pick(current[Math.min(active, current.length - 1)].id);
        ev.preventDefault();
      } else if (ev.key === "Escape") { input.value = ""; current = []; render(); }
    });
    input.addEventListener("blur", function () { setTimeout(function () { results.textContent = ""; }, 150); });
    return { resolver: resolver, clear: function () { input.value = ""; current = []; render(); } };
  }

  PG.controls = function (ctx) {
    legend(ctx);
    lists(ctx);
    var years = timeSlider(ctx), find = search(ctx);
    return { years: years, search: find, resolver: find.resolver };
  };
})(window.PG = window.PG || {});
