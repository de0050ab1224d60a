/* policygraph view: the US state map, shaded by the investment stated into each state by the firms of one home
 * country (South Korea by default; a firm's home country is general knowledge on the firm, or stated).
 *
 * Only visible INVESTS_IN facts whose object is a US state count. An amount stated once for several states (a
 * joint id, or the same investor, amount and year in the same quote) counts fully towards each state's shade,
 * is marked joint there, and is counted once in the total. Clicking a state lists its investments with quotes.
 * Outlines: the US Census Bureau's cartographic boundaries (public domain) via npm us-atlas (queries/view/statemap.py).
 */
(function (PG) {
  "use strict";
  var LOW = [253, 232, 200], HIGH = [160, 56, 10], NONE = "#eef0f2";

  function StateMap(ctx) {
    this.ctx = ctx;
    this.data = ctx.data.statemap;
    this.country = null;
  }
  StateMap.prototype.investorCountry = function (id) {
    var i = this.ctx.NI[id];
    return i.type === "Country" ? id : i.home;
  };
  // the amount key: facts sharing it state one amount (counted once in a total)
  function amountKey(fid, f) {
    if (f.jointId) return "joint:" + f.jointId;
    var q = f.quotes[0];
    return q ? "stated:" + f.s + "|" + f.amount + "|" + f.year + "|" + q.doc + ":" + q.start + ":" + q.end : "fact:" + fid;
  }
  // {state name: {amount, joint, facts: [ids]}, ...} and the total (each amount once)
  StateMap.prototype.values = function () {
    var ctx = this.ctx, M = this.data, self = this, byState = {}, keys = {}, keyStates = {};
    Object.keys(ctx.state.visibleFacts).sort().forEach(function (fid) {
      var f = ctx.FI[fid], name = M.states[f.o];
      if (f.p !== "INVESTS_IN" || !name) return;
      if (self.country && self.investorCountry(f.s) !== self.country) return;
      var s = byState[name] = byState[name] || { amount: 0, joint: false, facts: [] };
      s.facts.push(fid);
      if (f.amount === null) return;
      var key = amountKey(fid, f);
      s.amount += f.amount;
      keys[key] = f.amount;
      (keyStates[key] = keyStates[key] || {})[name] = true;
    });
    Object.keys(byState).forEach(function (name) {
      byState[name].joint = byState[name].facts.some(function (fid) {
        var f = ctx.FI[fid];
        return f.amount !== null && (f.jointId || Object.keys(keyStates[amountKey(fid, f)]).length > 1);
      });
    });
    var total = Object.keys(keys).reduce(function (t, k) { return t + keys[k]; }, 0);
    return { states: byState, total: total, amounts: Object.keys(keys).length };
  };
  function shade(v, lo, hi) {
    if (!v) return NONE;
    var t = hi > lo ? Math.log(v / lo) / Math.log(hi / lo) : 1, c = LOW.map(function (a, i) { return Math.round(a + (HIGH[i] - a) * (0.25 + 0.75 * t)); });
    return "rgb(" + c.join(",") + ")";
  }
  StateMap.prototype.countries = function () {
    var ctx = this.ctx, M = this.data, self = this, seen = {};
    Object.keys(ctx.FI).forEach(function (fid) {
      var f = ctx.FI[fid];
      if (f.p === "INVESTS_IN" && M.states[f.o]) { var c = self.investorCountry(f.s); if (c) seen[c] = (seen[c] || 0) + 1; }
    });
    return Object.keys(seen).sort(function (a, b) { return (b === "country/south-korea") - (a === "country/south-korea") || seen[b] - seen[a] || (a < b ? -1 : 1); });
  };
  StateMap.prototype.draw = function () {
    var ctx = this.ctx, M = this.data, v = this.values(), svg = ctx.$("pg-map-svg"), amounts = [];
    Object.keys(v.states).forEach(function (n) { if (v.states[n].amount) amounts.push(v.states[n].amount); });
    var lo = Math.min.apply(null, amounts.concat([Infinity])), hi = Math.max.apply(null, amounts.concat([0]));
    svg.querySelectorAll("path[data-state]").forEach(function (p) {
      var s = v.states[p.getAttribute("data-state")], amount = s ? s.amount : 0;
      p.setAttribute("fill", shade(amount, lo, hi));
      p.setAttribute("data-amount", String(amount));
      p.setAttribute("class", "pg-state" + (s ? " pg-has" : "") + (s && s.joint ? " pg-joint" : ""));
      p.querySelector("title").textContent = p.getAttribute("data-state") + (s ? ": " + (amount ? PG.formatUsd(amount) : "no amount stated") + (s.joint ? " (includes a joint amount)" : "") : "");
    });
    svg.querySelectorAll("text.pg-state-amount").forEach(function (t) { t.remove(); });
    svg.querySelectorAll("path.pg-has").forEach(function (p) {  // the amount on each shaded state
      var amount = Number(p.getAttribute("data-amount")), box = p.getBBox();
      if (!amount || !box.width) return;
      var t = document.createElementNS("http://www.w3.org/2000/svg", "text");
      t.setAttribute("class", "pg-state-amount"); t.setAttribute("x", box.x + box.width / 2); t.setAttribute("y", box.y + box.height / 2 + 4);
      t.textContent = PG.formatUsd(amount);
      svg.appendChild(t);
    });
    var who = this.country ? ctx.NI[this.country] ? PG.unesc(ctx.NI[this.country].name) : this.country : "all investors";
    ctx.$("pg-map-total").textContent = "Total stated by firms based in " + who + ": " + PG.formatUsd(v.total) + " in " + v.amounts +
      " amount" + (v.amounts === 1 ? "" : "s") + " (a joint amount, stated for several states, counted once)";
    ctx.$("pg-map-scale").innerHTML = amounts.length ? '<span style="background:' + shade(lo, lo, hi) + '"></span>' + PG.formatUsd(lo) +
      ' <span style="background:' + shade(hi, lo, hi) + '"></span>' + PG.formatUsd(hi) + ' <span class="pg-jointkey"></span> joint amount' : "no amounts";
    return v;
  };
  StateMap.prototype.list = function (name) {
    var ctx = this.ctx, v = this.values(), s = v.states[name], box = ctx.$("pg-map-list");
    box.textContent = "";
    box.appendChild(PG.make("h3", null, name + (s && s.amount ? ": " + PG.formatUsd(s.amount) : "")));
    if (!s) { box.appendChild(PG.make("p", "pg-dim", "No investment stated into " + name + " among the visible facts.")); return; }
    s.facts.forEach(function (fid) {
      var f = ctx.FI[fid], div = PG.make("div", "pg-fact");
      div.setAttribute("data-fact", fid);
      div.innerHTML = '<div class="pg-fact-h">' + f.label + "</div>" + (f.jointId ? '<div class="pg-flag">joint: one amount stated for several objects</div>' : "") +
        f.quotes.map(function (q) {
          var d = ctx.docs[q.doc] || {}, where = "characters " + q.start + "–" + q.end;
          return '<blockquote class="pg-q">' + q.text + "<footer>" + (d.title ? d.title + " · " : "") + (d.id || PG.esc(q.doc)) + ' <span class="pg-dim">' +
            (q.href ? '<a class="pg-src" href="' + PG.esc(q.href) + '" target="_blank" rel="noopener">' + where + "</a>" : where) + "</span></footer></blockquote>";
        }).join("");
      box.appendChild(div);
    });
  };
  StateMap.prototype.build = function () {
    var ctx = this.ctx, M = this.data, self = this;
    if (!M) { ctx.$("pg-map-btn").hidden = true; return; }
    var svg = ctx.$("pg-map-svg"), sel = ctx.$("pg-map-country");
    svg.setAttribute("viewBox", M.viewBox);
    svg.innerHTML = Object.keys(M.paths).map(function (n) {
      return '<path data-state="' + PG.esc(n) + '" d="' + M.paths[n] + '"><title></title></path>';
    }).join("");
    svg.querySelectorAll("path[data-state]").forEach(function (p) {
      p.addEventListener("click", function () { self.list(p.getAttribute("data-state")); });
    });
    this.countries().forEach(function (c) {
      var o = PG.make("option"); o.value = c; o.innerHTML = ctx.NI[c] ? ctx.NI[c].name : PG.esc(c); sel.appendChild(o);
    });
    var all = PG.make("option", null, "all investors"); all.value = ""; sel.appendChild(all);
    this.country = sel.value || null;
    sel.addEventListener("change", function () { self.country = sel.value || null; self.draw(); ctx.$("pg-map-list").textContent = ""; });
    ctx.$("pg-map-source").textContent = "Outlines: " + M.source;
    ctx.$("pg-map-btn").addEventListener("click", function () { self.toggle(); });
    ctx.$("pg-map-close").addEventListener("click", function () { self.toggle(false); });
  };
  StateMap.prototype.toggle = function (on) {
    var box = this.ctx.$("pg-map");
    if (on === undefined) on = box.hidden;
    box.hidden = !on;
    if (on) this.draw();
  };
  StateMap.prototype.refresh = function () { if (this.data && !this.ctx.$("pg-map").hidden) this.draw(); };
  PG.StateMap = StateMap;
})(window.PG = window.PG || {});
