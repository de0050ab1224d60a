/* policygraph view: labels. The main entities (the most connected) are labelled at every zoom, their labels
 * drawn at MAIN_PX on screen; the others once zoomed in far enough to read theirs (MINOR_PX). Line labels are
 * drawn where they do not cover another label (path lines and larger amounts first). fit() frames what is visible.
 */
(function (PG) {
  "use strict";
  var MAIN_PX = 13, MINOR_PX = 10, MAX_FONT = 40, FIT_PAD = [100, 30, 50];  // left and right, top, bottom
  PG.LABELS = { MAIN_PX: MAIN_PX, MINOR_PX: MINOR_PX, MAX_FONT: MAX_FONT };

  // the lines' labels: drawn only where they do not cover another label
  PG.lineLabels = function (ctx) {
    var DATA = ctx.data, net = ctx.network, GE = DATA.options.edges;
    ctx.edgeFont = function (id) {
      var b = ctx.base.edges[id].font;
      return ctx.state.edgeLabelOff[id] ? Object.assign({}, b, { size: 1 }) : b;
    };
    ctx.declutter = function () {
      var s = net.getScale(), px = GE.font.size * s, taken = [], off = {}, upd = [], w = ctx.container.clientWidth, h = ctx.container.clientHeight;
      if (px >= GE.scaling.label.drawThreshold - 1) {
        var screen = ctx.onScreen(), pos = net.getPositions(Object.keys(screen));
        Object.keys(screen).forEach(function (id) {
          if (!ctx.nodeLabelShown(id)) return;
          var p = net.canvasToDOM(pos[id]), f = net.body.nodes[id].labelModule.fontOptions.size * s, lw = 0.58 * f * PG.unesc(ctx.NI[id].name).length;
          taken.push([p.x - lw / 2, p.y, p.x + lw / 2, p.y + 2.2 * f + 8]);
        });
        var order = DATA.edges.filter(function (e) { return !ctx.state.hidden.edges[e.id] && screen[e.from] && screen[e.to]; });
        order.sort(function (a, b) { return (ctx.pathLines[b.id] ? 1 : 0) - (ctx.pathLines[a.id] ? 1 : 0) || ctx.state.widths[b.id] - ctx.state.widths[a.id] || (a.id < b.id ? -1 : 1); });
        order.forEach(function (e) {
          var m = ctx.lineMiddle(e), text = ctx.state.labels[e.id].split("\n");
          var lw = 0.6 * px * Math.max.apply(null, text.map(function (t) { return t.length; })), lh = 1.25 * px * text.length;
          var box = [m.x - lw / 2, m.y - lh / 2, m.x + lw / 2, m.y + lh / 2];
          if (box[2] < 0 || box[0] > w || box[3] < 0 || box[1] > h) return;
          if (taken.some(function (t) { return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]; })) off[e.id] = true;
          else taken.push(box);
        });
      }
      DATA.edges.forEach(function (e) {
        if (!!ctx.state.edgeLabelOff[e.id] === !!off[e.id]) return;
        ctx.state.edgeLabelOff[e.id] = !!off[e.id];
        if (ctx.panel.dimmed.edges.indexOf(e.id) < 0) upd.push({ id: e.id, font: ctx.edgeFont(e.id) });
      });
      if (upd.length) ctx.edges.update(upd);
    };
    // the middle of a drawn line, in page pixels (on its curve for a bent one)
    ctx.lineMiddle = function (e) {
      var a = net.canvasToDOM(net.getPositions([e.from])[e.from]), b = net.canvasToDOM(net.getPositions([e.to])[e.to]);
      var edge = net.body.edges[e.id], via = null;
      if (edge && edge.options.smooth && edge.options.smooth.enabled && edge.edgeType._getViaCoordinates) {
        var v = edge.edgeType._getViaCoordinates();
        if (v && v.x !== undefined) via = net.canvasToDOM(v);
      }
      return via ? { x: 0.25 * a.x + 0.5 * via.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * via.y + 0.25 * b.y, a: a, b: b, via: via }
                 : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, a: a, b: b, via: null };
    };
  };

  // the entities' labels, by zoom, and fitting the view
  PG.labels = function (ctx) {
    var DATA = ctx.data, net = ctx.network;
    ctx.labelFont = function (id) {
      var base = ctx.base.nodes[id].font, s = net.getScale();
      if (!ctx.NI[id].main) return base;
      return Object.assign({}, base, { size: Math.min(MAX_FONT, Math.max(base.size, Math.round(MAIN_PX / Math.max(s, 0.05)))) });
    };
    ctx.updateLabels = function () {
      var upd = [], dim = {};
      (ctx.panel ? ctx.panel.dimmed.nodes : []).forEach(function (id) { dim[id] = true; });
      DATA.nodes.forEach(function (n) {
        if (!ctx.NI[n.id].main || dim[n.id]) return;
        var f = ctx.labelFont(n.id), now = ctx.nodes.get(n.id).font;
        if (!now || now.size !== f.size) upd.push({ id: n.id, font: f });
      });
      if (upd.length) ctx.nodes.update(upd);
    };
    ctx.onScreen = function () {
      var out = {}, w = ctx.container.clientWidth, h = ctx.container.clientHeight;
      var ids = DATA.nodes.filter(function (n) { return !ctx.state.hidden.nodes[n.id]; }).map(function (n) { return n.id; });
      var pos = net.getPositions(ids);
      ids.forEach(function (id) { var p = net.canvasToDOM(pos[id]); if (p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h) out[id] = true; });
      return out;
    };
    // what vis-network itself decides to draw (its label module), at a size one can read
    ctx.nodeLabelShown = function (id) {
      var node = net.body.nodes[id];
      if (!node || ctx.state.hidden.nodes[id] || !node.labelModule.visible()) return false;
      return node.labelModule.fontOptions.size * net.getScale() >= MINOR_PX - 0.5;
    };
    ctx.edgeLabelShown = function (id) {
      var edge = net.body.edges[id];
      return !!edge && !ctx.state.hidden.edges[id] && edge.labelModule.visible();
    };
    var settle = null;
    ctx.settleLabels = function () {
      clearTimeout(settle);
      settle = setTimeout(function () { ctx.updateLabels(); ctx.declutter(); }, 60);
    };
    ctx.fit = function () {
      var P = ctx.meta.path, shown = function (id) { return !ctx.state.hidden.nodes[id]; };
      var ids = P && P.nodes.length > 1 ? P.nodes.filter(shown) : [];
      if (ids.length < 2) ids = DATA.nodes.map(function (n) { return n.id; }).filter(shown);
      // framed by the entities' centres, with room for the outer labels (vis-network's fit() would count the
      // labels drawn large at the current zoom, and hidden entities)
      var pos = net.getPositions(ids), xs = ids.map(function (id) { return pos[id].x; }), ys = ids.map(function (id) { return pos[id].y; });
      var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
      var w = ctx.container.clientWidth - 2 * FIT_PAD[0], h = ctx.container.clientHeight - FIT_PAD[1] - FIT_PAD[2];
      var scale = ids.length ? Math.min(1, w / Math.max(x1 - x0, 1), h / Math.max(y1 - y0, 1)) : 1;
      var cy = (y0 + y1) / 2 + (FIT_PAD[2] - FIT_PAD[1]) / 2 / scale;
      if (ids.length) net.moveTo({ position: { x: (x0 + x1) / 2, y: cy }, scale: scale, animation: false });
      ctx.state.fits += 1;
      ctx.updateLabels();
      if (ctx.declutter) ctx.declutter();
    };
    net.on("zoom", function () { ctx.hideTip(); ctx.settleLabels(); });
    net.on("dragEnd", function () { ctx.settleLabels(); });

  };
})(window.PG = window.PG || {});
