/* policygraph view: the one name resolver (queries/names.py), in the browser, for the search box.
 *
 * The same stages as Python's resolve(), over the keys Python normalised (nodeInfo[id].keys): the id, 'Name (Type)',
 * the name, an alias, a unique part of a name or alias as whole words, a close spelling (difflib's ratio, ported
 * below, >= 0.85 and 0.05 ahead of the next); otherwise "did you mean" with the closest names. So a name typed
 * here picks the entity `policygraph view --focus NAME` and `policygraph explain NAME ...` pick.
 */
(function (PG) {
  "use strict";
  var CLOSE_CUTOFF = 0.6, TAKE_CLOSE = 0.85, TAKE_MARGIN = 0.05;

  // queries/names.py normalize(): NFKC, casefold, no . ' ’ `, non-word runs to one space, no leading "the "
  function normalize(text) {
    var t = String(text).normalize("NFKC").toLowerCase().replace(/ß/g, "ss");
    t = t.replace(/[.'\u2019`]/g, "");
    t = t.replace(/[^\p{L}\p{N}_]+/gu, " ").trim();
    return t.replace(/^the /, "");
  }

  // difflib.SequenceMatcher(None, a, b).ratio() for short strings (no junk; autojunk needs 200+ characters)
  function longestMatch(a, b2j, alo, ahi, blo, bhi) {
    var besti = alo, bestj = blo, bestsize = 0, j2len = {};
    for (var i = alo; i < ahi; i++) {
      var newj2len = {}, js = b2j[a[i]] || [];
      for (var x = 0; x < js.length; x++) {
        var j = js[x];
        if (j < blo) continue;
        if (j >= bhi) break;
        var k = newj2len[j] = (j2len[j - 1] || 0) + 1;
        if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
      }
      j2len = newj2len;
    }
    return [besti, bestj, bestsize];
  }
  function ratio(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (!a.length && !b.length) return 1;
    var b2j = {};
    b.forEach(function (c, j) { (b2j[c] = b2j[c] || []).push(j); });
    var matched = 0, queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop(), m = longestMatch(a, b2j, q[0], q[1], q[2], q[3]), i = m[0], j = m[1], k = m[2];
      if (!k) continue;
      matched += k;
      if (q[0] < i && q[2] < j) queue.push([q[0], i, q[2], j]);
      if (i + k < q[1] && j + k < q[3]) queue.push([i + k, q[1], j + k, q[3]]);
    }
    return 2 * matched / (a.length + b.length);
  }
  // difflib.get_close_matches(word, keys, n, cutoff): best n by (ratio, key), highest first
  function closeMatches(word, keys, n, cutoff) {
    var out = [];
    keys.forEach(function (k) { var r = ratio(k, word); if (r >= cutoff) out.push([r, k]); });
    out.sort(function (x, y) { return y[0] - x[0] || (x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : 0); });
    return out.slice(0, n).map(function (x) { return x[1]; });
  }
  function containsWords(hay, needle) { return (" " + hay + " ").indexOf(" " + needle + " ") >= 0; }

  function Resolver(info) {
    this.info = info;
    this.keys = {};  // normalised key -> {name: [ids], alias: [ids]}
    this.types = {};
    var self = this;
    Object.keys(info).sort().forEach(function (id) {
      self.types[info[id].type.toLowerCase()] = info[id].type;
      info[id].keys.forEach(function (k) {
        var slot = self.keys[k[0]] = self.keys[k[0]] || { name: [], alias: [] };
        (k[1] ? slot.name : slot.alias).push(id);
      });
    });
  }
  Resolver.prototype.byDegree = function (ids) {
    var info = this.info;
    return ids.slice().sort(function (a, b) {
      return info[b].deg - info[a].deg || (info[a].name < info[b].name ? -1 : info[a].name > info[b].name ? 1 : 0) ||
        (a < b ? -1 : 1);
    });
  };
  Resolver.prototype.part = function (q, typed) {
    var found = {}, self = this;
    Object.keys(this.keys).forEach(function (key) {
      if (!containsWords(key, q)) return;
      var slot = self.keys[key];
      slot.name.concat(slot.alias).filter(typed).forEach(function (id) {
        if (!(id in found) || key.length < found[id].length) found[id] = key;
      });
    });
    var ids = Object.keys(found);
    if (ids.length < 2) return ids.length ? { id: ids[0], how: "part" } : null;
    var head = ids.slice().sort(function (a, b) { return found[a].length - found[b].length || (a < b ? -1 : 1); })[0];
    if (ids.every(function (id) { return containsWords(found[id], found[head]); })) return { id: head, how: "part" };
    return { ambiguous: this.byDegree(ids) };
  };
  Resolver.prototype.close = function (q, typed) {
    var self = this, scored = {};
    closeMatches(q, Object.keys(this.keys), 12, CLOSE_CUTOFF).forEach(function (key) {
      var r = ratio(q, key), slot = self.keys[key];
      slot.name.concat(slot.alias).filter(typed).forEach(function (id) { scored[id] = Math.max(scored[id] || 0, r); });
    });
    var info = this.info;
    return Object.keys(scored).sort(function (a, b) {
      return scored[b] - scored[a] || info[b].deg - info[a].deg || (a < b ? -1 : 1);
    }).map(function (id) { return [id, scored[id]]; });
  };
  // {id, how} | {ambiguous: [ids]} | {unknown: true, suggest: [ids]} | {empty: true}
  Resolver.prototype.resolve = function (text) {
    if (!String(text).trim()) return { empty: true };
    if (this.info[text]) return { id: text, how: "id" };
    var want = null, m = /^\s*(.+?)\s*\(\s*([A-Za-z]+)\s*\)\s*$/.exec(text);
    if (m && this.types[m[2].toLowerCase()]) { text = m[1]; want = this.types[m[2].toLowerCase()]; }
    var info = this.info, typed = function (id) { return want === null || info[id].type === want; };
    var q = normalize(text);
    if (!q) return { empty: true };
    var slot = this.keys[q];
    var hows = ["name", "alias"];
    for (var h = 0; h < 2; h++) {
      var hits = slot ? slot[hows[h]].filter(typed) : [];
      if (hits.length === 1) return { id: hits[0], how: hows[h] };
      if (hits.length > 1) return { ambiguous: this.byDegree(hits) };
    }
    var part = this.part(q, typed);
    if (part) return part;
    var ranked = this.close(q, typed);
    if (ranked.length && ranked[0][1] >= TAKE_CLOSE && (ranked.length === 1 || ranked[0][1] - ranked[1][1] >= TAKE_MARGIN))
      return { id: ranked[0][0], how: "close" };
    return { unknown: true, suggest: ranked.slice(0, 6).map(function (x) { return x[0]; }) };
  };
  // as-you-type matches beyond the resolver's answer: names and aliases starting with, or containing, the text
  Resolver.prototype.partial = function (text) {
    var q = normalize(text), info = this.info, out = [];
    if (!q) return out;
    Object.keys(info).forEach(function (id) {
      var best = null;
      info[id].keys.forEach(function (k) {
        var s = k[0] === q ? 0 : k[0].indexOf(q) === 0 ? 1 : k[0].indexOf(" " + q) >= 0 ? 2 : k[0].indexOf(q) >= 0 ? 3 : -1;
        if (s < 0) return;
        s = s * 2 + (k[1] ? 0 : 1);
        if (best === null || s < best.score) best = { id: id, score: s, via: k[1] ? null : k[2] };
      });
      if (best) out.push(best);
    });
    return out.sort(function (a, b) { return a.score - b.score || info[a.id].keys[0][0].length - info[b.id].keys[0][0].length || (a.id < b.id ? -1 : 1); });
  };

  PG.normalize = normalize;
  PG.ratio = ratio;
  PG.Resolver = Resolver;
})(window.PG = window.PG || {});
