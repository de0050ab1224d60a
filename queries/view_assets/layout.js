/* policygraph view: lay out what is visible again after a filter (queries/view/layout.py's algorithm).
 *
 * Each connected component of the visible entities is laid out force-directed (Fruchterman-Reingold), starting
 * from where its entities are drawn now, so the picture changes no more than the filter asks; components are
 * scaled so that lines are about `spacing` long, then packed in rows, unlinked entities last.
 */
(function (PG) {
  "use strict";

  function components(ids, edges) {
    var adj = {}, seen = {}, comps = [];
    ids.forEach(function (id) { adj[id] = []; });
    edges.forEach(function (e) {
      if (e[0] !== e[1] && adj[e[0]] && adj[e[1]]) { adj[e[0]].push(e[1]); adj[e[1]].push(e[0]); }
    });
    ids.slice().sort().forEach(function (id) {
      if (seen[id]) return;
      var comp = [], stack = [id];
      seen[id] = true;
      while (stack.length) {
        var n = stack.pop();
        comp.push(n);
        adj[n].forEach(function (m) { if (!seen[m]) { seen[m] = true; stack.push(m); } });
      }
      comps.push(comp.sort());
    });
    return { comps: comps, adj: adj };
  }

  function fruchtermanReingold(comp, adj, start, iterations, pin) {
    var n = comp.length, index = {}, x = new Float64Array(n), y = new Float64Array(n);
    comp.forEach(function (id, i) { index[id] = i; x[i] = start[id][0]; y[i] = start[id][1]; });
    var mx = 0, my = 0, r = 1e-9;
    for (var i = 0; i < n; i++) { mx += x[i] / n; my += y[i] / n; }
    for (i = 0; i < n; i++) { x[i] -= mx; y[i] -= my; r = Math.max(r, Math.abs(x[i]), Math.abs(y[i])); }
    for (i = 0; i < n; i++) { x[i] /= r; y[i] /= r; }
    var src = [], dst = [];
    comp.forEach(function (id) { adj[id].forEach(function (m) { if (id < m) { src.push(index[id]); dst.push(index[m]); } }); });
    var k2 = 4 / n, k = Math.sqrt(4 / n), t = 0.1, dt = t / (iterations + 1);
    var fx = new Float64Array(n), fy = new Float64Array(n), p = pin in index ? index[pin] : -1;
    for (var it = 0; it < iterations; it++) {
      if (p >= 0) { x[p] = 0; y[p] = 0; }
      for (i = 0; i < n; i++) {
        var ax = 0, ay = 0;
        for (var j = 0; j < n; j++) {
          var dx = x[i] - x[j], dy = y[i] - y[j], d2 = dx * dx + dy * dy + 1e-4, f = k2 / d2;
          ax += dx * f; ay += dy * f;
        }
        fx[i] = ax - 0.05 * x[i]; fy[i] = ay - 0.05 * y[i];
      }
      for (var e = 0; e < src.length; e++) {
        var a = src[e], b = dst[e], ex = x[a] - x[b], ey = y[a] - y[b], el = Math.sqrt(ex * ex + ey * ey) / k;
        fx[a] -= ex * el; fy[a] -= ey * el; fx[b] += ex * el; fy[b] += ey * el;
      }
      for (i = 0; i < n; i++) {
        var ln = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]) + 1e-9, step = Math.min(ln, t) / ln;
        x[i] += fx[i] * step; y[i] += fy[i] * step;
      }
      t -= dt;
    }
    if (p >= 0) { x[p] = 0; y[p] = 0; }
    return { x: x, y: y, src: src, dst: dst };
  }

  var LABEL_BOX_HEIGHT = 40, MAX_SEPARATE = 600;
  // push apart entities whose boxes (label width x LABEL_BOX_HEIGHT) overlap (queries/view/layout.py)
  function removeOverlaps(x, y, w, iterations) {
    var n = x.length;
    if (n < 2 || n > MAX_SEPARATE) return;
    for (var it = 0; it < iterations; it++) {
      var mx = new Float64Array(n), my = new Float64Array(n), any = false;
      for (var i = 0; i < n; i++) {
        for (var j = 0; j < n; j++) {
          if (i === j) continue;
          var jit = (i - j) * 1e-3, dx = x[i] - x[j] + jit, dy = y[i] - y[j] + jit;
          var ox = (w[i] + w[j]) / 2 - Math.abs(dx), oy = LABEL_BOX_HEIGHT - Math.abs(dy);
          if (ox <= 0 || oy <= 0) continue;
          any = true;
          if (ox <= 0.5 || oy <= 0.5) continue;
          if (ox < oy) mx[i] += 0.8 * Math.sign(dx) * (ox / 2 + 1); else my[i] += 0.8 * Math.sign(dy) * (oy / 2 + 1);
        }
      }
      if (!any) return;
      for (i = 0; i < n; i++) { x[i] += mx[i]; y[i] += my[i]; }
    }
  }

  var BUNDLE_PX = 14, BUNDLE_MAX = 420;
  // push apart linked entities joined by several lines, so their labels have room (layout.py spread_bundles)
  function spreadBundles(x, y, pairs, spacing) {
    if (!pairs.length) return;
    for (var it = 0; it < 30; it++) {
      var moved = false;
      pairs.forEach(function (p) {
        var need = Math.min(BUNDLE_MAX, spacing * 0.6 + BUNDLE_PX * p[2]), dx = x[p[0]] - x[p[1]], dy = y[p[0]] - y[p[1]];
        var d = Math.hypot(dx, dy) + 1e-6, short = Math.max(need - d, 0) / 2;
        if (!short) return;
        moved = true;
        x[p[0]] += dx / d * short; y[p[0]] += dy / d * short; x[p[1]] -= dx / d * short; y[p[1]] -= dy / d * short;
      });
      if (!moved) return;
    }
  }

  function median(a) { a = a.slice().sort(function (p, q) { return p - q; }); return a.length ? a[Math.floor(a.length / 2)] : 0; }

  function componentBox(comp, adj, start, spacing, widths, pin, counts) {
    if (comp.length === 2) {
      var gap = Math.max(spacing, ((widths[comp[0]] || 0) + (widths[comp[1]] || 0)) / 2 + 30), local = {};
      local[comp[0]] = [0, 0]; local[comp[1]] = [gap, 0];
      return { w: gap + Math.max(spacing, widths[comp[1]] || 0), h: 0.8 * spacing, local: local };
    }
    var iters = comp.length <= 300 ? 80 : 30;
    var r = fruchtermanReingold(comp, adj, start, iters, pin), n = comp.length, x = r.x, y = r.y, i;
    var lens = r.src.map(function (a, e) { return Math.hypot(x[a] - x[r.dst[e]], y[a] - y[r.dst[e]]); });
    var med = median(lens) || 1, near = [];
    for (i = 0; i < n; i++) {
      var best = Infinity;
      for (var j = 0; j < n; j++) if (j !== i) best = Math.min(best, Math.hypot(x[i] - x[j], y[i] - y[j]));
      near.push(best);
    }
    near.sort(function (p, q) { return p - q; });
    // lines about `spacing` long, and crowded parts spread (at most 3 times that)
    var scale = Math.min(Math.max(spacing / med, 0.6 * spacing / (near[Math.floor(0.1 * (n - 1))] || 1e-3)), 3 * spacing / med);
    for (i = 0; i < n; i++) { x[i] *= scale; y[i] *= scale; }
    var index = {};
    comp.forEach(function (id, k) { index[id] = k; });
    spreadBundles(x, y, Object.keys(counts).filter(function (key) { return counts[key].n > 2 && counts[key].a in index; })
      .sort().map(function (key) { var c = counts[key]; return [index[c.a], index[c.b], c.n]; }), spacing);
    removeOverlaps(x, y, comp.map(function (id) { return (widths[id] || 0) + 16; }), 40);
    var minx = Math.min.apply(null, x), miny = Math.min.apply(null, y), w = 0, h = 0, out = {};
    comp.forEach(function (id, k) {
      var px = x[k] - minx, py = y[k] - miny;
      out[id] = [px, py]; w = Math.max(w, px); h = Math.max(h, py);
    });
    return { w: w + 1.2 * spacing, h: h + spacing, local: out };
  }

  function pack(boxes, rowWidth) {
    var pos = {}, cx = 0, cy = 0, rowH = 0;
    boxes.forEach(function (b) {
      if (cx > 0 && cx + b.w > rowWidth) { cx = 0; cy += rowH; rowH = 0; }
      Object.keys(b.local).forEach(function (id) { pos[id] = [cx + b.local[id][0], cy + b.local[id][1]]; });
      cx += b.w; rowH = Math.max(rowH, b.h);
    });
    var ids = Object.keys(pos);
    if (!ids.length) return pos;
    var xs = ids.map(function (id) { return pos[id][0]; }), ys = ids.map(function (id) { return pos[id][1]; });
    var mx = (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2, my = (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2;
    ids.forEach(function (id) { pos[id] = [pos[id][0] - mx, pos[id][1] - my]; });
    return pos;
  }

  // ids: visible entities; edges: [[from, to]] of visible lines; start: {id: [x, y]} current positions
  PG.layout = function (ids, edges, start, spacing, widths, pin) {
    var c = components(ids, edges), boxes = [], singles = [], area = 0, counts = {};
    edges.forEach(function (e) {  // lines per pair of entities
      var a = e[0] < e[1] ? e[0] : e[1], b = e[0] < e[1] ? e[1] : e[0], key = a + "\u0000" + b;
      (counts[key] = counts[key] || { a: a, b: b, n: 0 }).n += 1;
    });
    c.comps.sort(function (a, b) {
      return (b.indexOf(pin) >= 0) - (a.indexOf(pin) >= 0) || b.length - a.length || (a[0] < b[0] ? -1 : 1);
    });
    c.comps.forEach(function (comp) {
      if (comp.length === 1) { singles.push(comp[0]); return; }
      var b = componentBox(comp, c.adj, start, spacing, widths, pin, counts);
      boxes.push(b); area += b.w * b.h;
    });
    singles.forEach(function (id) { area += Math.max(spacing, (widths[id] || 0) + 24) * 0.8 * spacing; });
    var rowWidth = Math.max(Math.max.apply(null, boxes.map(function (b) { return b.w; }).concat([spacing])), Math.sqrt(area) * 1.5);
    var row = {}, cx = 0;
    singles.forEach(function (id) {
      var w = Math.max(0.8 * spacing, (widths[id] || 0) + 24);
      if (cx > 0 && cx + w > rowWidth) { boxes.push({ w: cx, h: 0.8 * spacing, local: row }); row = {}; cx = 0; }
      row[id] = [cx + w / 2, 0]; cx += w;
    });
    if (cx > 0) boxes.push({ w: cx, h: 0.8 * spacing, local: row });
    return pack(boxes, rowWidth);
  };
})(window.PG = window.PG || {});
