// kg explorer: the page of kg serve, and of kg export --format html.
//
// Served by kg serve, it asks the server's /api/ for what it shows. In a
// page written by kg export (an element #kg-data holds the graph), it
// answers the same questions from that data (StaticBackend), so that the
// file opens from disk with no network.
//
// Data is never inserted as HTML: every name, evidence sentence and title
// becomes a text node (h() and text()).
(function () {
  "use strict";

  // ------------------------------------------------------------ DOM

  // h returns a new element: props sets className (class), textContent
  // (text), event listeners (on), style (through setStyle), and
  // attributes; kids are elements or strings (text nodes).
  function h(tag, props) {
    var node = document.createElement(tag);
    props = props || {};
    Object.keys(props).forEach(function (k) {
      var v = props[k];
      if (v === undefined || v === null || v === false) return;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = escapeInvisible(v);
      else if (k === "on") Object.keys(v).forEach(function (ev) { node.addEventListener(ev, v[ev]); });
      else if (k === "hidden") node.hidden = true;
      else if (k === "style") setStyle(node, v);
      else node.setAttribute(k, v === true ? "" : String(v));
    });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  // setStyle sets "property: value; ..." through the CSS object model: the
  // Content-Security-Policy refuses style attributes.
  function setStyle(node, css) {
    css.split(";").forEach(function (decl) {
      var i = decl.indexOf(":");
      if (i > 0) node.style.setProperty(decl.slice(0, i).trim(), decl.slice(i + 1).trim());
    });
  }

  // INVISIBLE matches the invisible characters (zero-width ones,
  // bidirectional controls and the other default-ignorable code points, as
  // kg's schema.Invisible): escapeInvisible writes each as its escape (\u202e,
  // \U000e0041), as kg's tables do, so that what the page shows is what
  // the text holds.
  var INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]|\uD82F[\uDCA0-\uDCA3]|\uD834[\uDD73-\uDD7A]|[\uDB40-\uDB43][\uDC00-\uDFFF]/g;
  function escapeInvisible(s) {
    return String(s).replace(INVISIBLE, function (c) {
      var hex = c.codePointAt(0).toString(16);
      return hex.length <= 4 ? "\\u" + "0000".slice(hex.length) + hex : "\\U" + "00000000".slice(hex.length) + hex;
    });
  }

  function append(node, kid) {
    if (kid === undefined || kid === null || kid === false) return;
    if (Array.isArray(kid)) { kid.forEach(function (k) { append(node, k); }); return; }
    node.appendChild(typeof kid === "string" || typeof kid === "number" ? document.createTextNode(escapeInvisible(kid)) : kid);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function $(id) { return document.getElementById(id); }

  // ------------------------------------------------------------ look

  var TYPE_COLOURS = { Person: "#0072b2", Organization: "#e69f00", Country: "#009e73", Location: "#cc79a7", Group: "#d55e00" };
  var FAMILY_COLOURS = { conflict: "#c0392b", cooperation: "#2471a3", structure: "#7b8794" };
  var SEED_COLOUR = "#f0a500";
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

  var meta = null; // /api/meta
  var family = {}; // relation type -> family

  function typeColour(t) { return TYPE_COLOURS[t] || "#6b7280"; }
  function relColour(t) { return FAMILY_COLOURS[family[t] || "cooperation"]; }

  function nodeSize(mentions) {
    return Math.min(64, 26 + 7 * Math.log2(1 + (mentions || 0)));
  }

  // ------------------------------------------------------------ names
  // normalizeName and matchFolded follow schema.NormalizeName and
  // graph.MatchFolded: the static page finds names as kg does.

  var MARK = /\p{Mn}/u, WORDCHAR = /[\p{L}\p{Nd}]/u;

  function normalizeName(s) {
    var out = "", space = false;
    for (var ch of s.normalize("NFKD")) {
      if (MARK.test(ch)) continue;
      if (WORDCHAR.test(ch)) {
        if (space && out.length) out += " ";
        space = false;
        out += ch.toLowerCase();
      } else if (ch !== "'" && ch !== "\u2019" && ch !== ".") {
        space = true;
      }
    }
    return out.indexOf("the ") === 0 ? out.slice(4) : out;
  }

  var MATCH = { none: 0, exact: 1, words: 2, close: 3 };
  var MATCH_NAMES = ["none", "exact", "words", "close"];

  function maxEdits(w) {
    var n = Array.from(w).length;
    return n <= 3 ? 0 : n <= 6 ? 1 : 2;
  }

  // editDistance is the optimal string alignment distance, or limit+1.
  function editDistance(a, b, limit) {
    var x = Array.from(a), y = Array.from(b);
    if (Math.abs(x.length - y.length) > limit) return limit + 1;
    var prev2 = new Array(y.length + 1).fill(0), prev = [], cur = new Array(y.length + 1).fill(0);
    for (var j = 0; j <= y.length; j++) prev.push(j);
    for (var i = 1; i <= x.length; i++) {
      cur[0] = i;
      var low = cur[0];
      for (j = 1; j <= y.length; j++) {
        var cost = x[i - 1] === y[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
        low = Math.min(low, cur[j]);
      }
      if (low > limit) return limit + 1;
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return Math.min(prev[y.length], limit + 1);
  }

  function matchFolded(typed, name) {
    if (!typed || !name) return MATCH.none;
    if (typed === name) return MATCH.exact;
    var words = name.split(" "), m = MATCH.words;
    var typedWords = typed.split(" ");
    for (var i = 0; i < typedWords.length; i++) {
      var w = typedWords[i];
      if (words.indexOf(w) >= 0) continue;
      var limit = maxEdits(w), near = false;
      for (var k = 0; k < words.length && !near; k++) {
        if (limit > 0 && editDistance(w, words[k], limit) <= limit) near = true;
      }
      if (!near) return MATCH.none;
      m = MATCH.close;
    }
    return m;
  }

  function better(m, n) { return m === MATCH.none || (n !== MATCH.none && n < m) ? n : m; }

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // ------------------------------------------------------------ evidence
  // highlight returns the evidence as text nodes, with the names (and
  // aliases) of the subject and the object, found ignoring case and
  // accents at word boundaries, in <mark> elements.

  function fold(s) {
    var text = "", map = [];
    for (var i = 0; i < s.length;) {
      var ch = String.fromCodePoint(s.codePointAt(i));
      var f = ch.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase();
      for (var k = 0; k < f.length; k++) { text += f[k]; map.push(i); }
      i += ch.length;
    }
    map.push(s.length);
    return { text: text, map: map };
  }

  function isWordAt(s, i) { return i >= 0 && i < s.length && WORDCHAR.test(s[i]); }

  function highlight(evidence, ends) {
    var ev = fold(evidence || ""), ranges = [];
    var names = [];
    ends.forEach(function (end) {
      if (!end || !end.ref) return;
      [end.ref.name].concat(end.ref.aliases || []).forEach(function (n) {
        var f = fold(n || "").text.trim();
        if (f.length >= 2) names.push({ text: f, cls: end.cls });
      });
    });
    names.sort(function (a, b) { return b.text.length - a.text.length; });
    names.forEach(function (n) {
      var from = 0, at;
      while ((at = ev.text.indexOf(n.text, from)) >= 0) {
        from = at + 1;
        var end = at + n.text.length;
        if (isWordAt(ev.text, at - 1) || isWordAt(ev.text, end)) continue;
        var s = ev.map[at], e = ev.map[end];
        if (ranges.some(function (r) { return s < r.e && r.s < e; })) continue;
        ranges.push({ s: s, e: e, cls: n.cls });
      }
    });
    ranges.sort(function (a, b) { return a.s - b.s; });
    var out = [], pos = 0;
    ranges.forEach(function (r) {
      if (r.s > pos) out.push(evidence.slice(pos, r.s));
      out.push(h("mark", { class: r.cls, title: r.cls === "subject" ? "subject" : "object" }, evidence.slice(r.s, r.e)));
      pos = r.e;
    });
    if (pos < evidence.length) out.push(evidence.slice(pos));
    return out;
  }

  // ------------------------------------------------------------ state
  // The state of the page is in its URL (after #): seeds, hops, the
  // entities expanded (ID:pages), collapsed and hidden, the filters, and
  // what is selected.

  function emptyFilter() { return { types: [], since: "", until: "", conf: 0, sources: [] }; }

  var state = { seeds: [], hops: 1, expand: [], collapse: [], hide: [], f: emptyFilter(), sel: "" };

  function splitList(s) { return (s || "").split(",").map(function (x) { return x.trim(); }).filter(Boolean); }

  function filterParams(p, f) {
    if (f.types.length) p.set("types", f.types.join(","));
    if (f.since) p.set("since", f.since);
    if (f.until) p.set("until", f.until);
    if (f.conf > 0) p.set("min_confidence", String(f.conf));
    if (f.sources.length) p.set("sources", f.sources.join(","));
    return p;
  }

  function viewParams(s) {
    var p = new URLSearchParams();
    p.set("seed", s.seeds.join(","));
    p.set("hops", String(s.hops));
    if (s.expand.length) p.set("expand", s.expand.map(function (x) { return x[1] > 1 ? x[0] + ":" + x[1] : x[0]; }).join(","));
    if (s.collapse.length) p.set("collapse", s.collapse.join(","));
    if (s.hide.length) p.set("hide", s.hide.join(","));
    return filterParams(p, s.f);
  }

  function writeHash() {
    if (!state.seeds.length) { history.replaceState(null, "", location.pathname + location.search); return; }
    var p = viewParams(state);
    if (state.sel) p.set("sel", state.sel);
    history.replaceState(null, "", "#" + p.toString());
  }

  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ""));
    var s = { seeds: splitList(p.get("seed")), hops: 1, expand: [], collapse: splitList(p.get("collapse")), hide: splitList(p.get("hide")), f: emptyFilter(), sel: p.get("sel") || "" };
    var hops = parseInt(p.get("hops"), 10);
    if (hops >= 0 && hops <= 3) s.hops = hops;
    splitList(p.get("expand")).forEach(function (x) {
      var i = x.lastIndexOf(":"), id = x, pages = 1;
      if (i > 0) { id = x.slice(0, i); pages = parseInt(x.slice(i + 1), 10) || 1; }
      s.expand.push([id, pages]);
    });
    s.f.types = splitList(p.get("types"));
    s.f.since = p.get("since") || "";
    s.f.until = p.get("until") || "";
    s.f.conf = parseFloat(p.get("min_confidence")) || 0;
    s.f.sources = splitList(p.get("sources"));
    return s;
  }

  function setExpanded(id, pages) {
    var x = state.expand.find(function (e) { return e[0] === id; });
    if (x) x[1] = pages; else state.expand.push([id, pages]);
    state.collapse = state.collapse.filter(function (c) { return c !== id; });
  }

  // ------------------------------------------------------------ server

  function ServerBackend() {}

  ServerBackend.prototype.get = function (name, params) {
    return fetch("api/" + name + "?" + params.toString(), { headers: { Accept: "application/json" } }).then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) {
          var err = new Error(body.error || res.statusText);
          err.candidates = body.candidates;
          throw err;
        }
        return body;
      });
    });
  };
  ServerBackend.prototype.meta = function () { return this.get("meta", new URLSearchParams()); };
  ServerBackend.prototype.search = function (q) { return this.get("search", new URLSearchParams({ q: q, limit: "30" })); };
  ServerBackend.prototype.entity = function (id) { return this.get("entity", new URLSearchParams({ id: id })); };
  ServerBackend.prototype.timeline = function (id, f, offset, limit) {
    return this.get("timeline", filterParams(new URLSearchParams({ id: id, offset: String(offset), limit: String(limit) }), f));
  };
  ServerBackend.prototype.expand = function (id, offset, limit, visible, f) {
    var p = new URLSearchParams({ id: id, offset: String(offset), limit: String(limit) });
    if (visible.length) p.set("visible", visible.join(","));
    return this.get("expand", filterParams(p, f));
  };
  ServerBackend.prototype.view = function (s) { return this.get("view", viewParams(s)); };
  ServerBackend.prototype.relations = function (a, b, f) { return this.get("relations", filterParams(new URLSearchParams({ a: a, b: b }), f)); };
  ServerBackend.prototype.exportText = function (format, ids, f) {
    var p = filterParams(new URLSearchParams({ seed: ids.join(","), hops: "0", format: format }), f);
    return fetch("api/subgraph?" + p.toString()).then(function (res) {
      if (!res.ok) return res.json().then(function (b) { throw new Error(b.error || res.statusText); });
      return res.text();
    });
  };

  // ------------------------------------------------------------ static
  // StaticBackend answers the API's questions from the graph in the page,
  // as the server does (explore's view.go and api.go).

  function StaticBackend(data) {
    var self = this;
    this.data = data;
    this.byId = {};
    this.relsOf = {};
    data.entities.forEach(function (e) { self.byId[e.id] = e; self.relsOf[e.id] = []; });
    data.relations.forEach(function (r) {
      if (!self.byId[r.subject.id] || !self.byId[r.object.id]) return;
      self.relsOf[r.subject.id].push(r);
      if (r.object.id !== r.subject.id) self.relsOf[r.object.id].push(r);
    });
  }

  function datesOrdered(a, b) { var n = Math.min(a.length, b.length); return a.slice(0, n) <= b.slice(0, n); }

  function passes(r, f) {
    if (f.types.length && f.types.indexOf(r.type) < 0) return false;
    if (r.confidence < f.conf) return false;
    if (f.sources.length) {
      var src = (r.article.source || "").toLowerCase();
      if (!src || !f.sources.some(function (s) { return s.toLowerCase() === src; })) return false;
    }
    if (!f.since && !f.until) return true;
    var d = (r.date || r.article.published || "").slice(0, 10);
    if (!d) return false;
    if (f.since && !datesOrdered(f.since, d)) return false;
    if (f.until && !datesOrdered(d, f.until)) return false;
    return true;
  }

  function byDate(rs) {
    return rs.sort(function (a, b) {
      if (!a.when !== !b.when) return a.when ? -1 : 1;
      return cmp(a.when || "", b.when || "") || cmp(a.article.id, b.article.id) || a.start - b.start || cmp(a.key, b.key);
    });
  }

  function done(v) { return Promise.resolve(v); }
  function fail(msg, candidates) { var e = new Error(msg); e.candidates = candidates; return Promise.reject(e); }

  StaticBackend.prototype.resolve = function (name) {
    if (this.byId[name]) return { entity: this.byId[name] };
    var es = this.find(name).entities;
    if (!es.length) return { error: "no entity matches " + JSON.stringify(name) };
    if (es.length > 1) return { error: JSON.stringify(name) + " is ambiguous: " + es.length + " entities match (give one of their IDs instead)", candidates: es };
    return { entity: es[0] };
  };

  StaticBackend.prototype.find = function (q) {
    var want = normalizeName(q), best = MATCH.none, out = [];
    if (!want) return { entities: [], match: MATCH.none };
    this.data.entities.forEach(function (e) {
      var m = MATCH.none;
      [e.name].concat(e.aliases).forEach(function (n) { m = better(m, matchFolded(want, normalizeName(n))); });
      if (m === MATCH.none || (best !== MATCH.none && m > best)) return;
      if (best === MATCH.none || m < best) { best = m; out = []; }
      out.push(e);
    });
    out.sort(function (a, b) { return b.mentions - a.mentions || cmp(a.name, b.name) || cmp(a.id, b.id); });
    return { entities: out, match: best };
  };

  StaticBackend.prototype.meta = function () { return done(this.data.meta); };

  StaticBackend.prototype.search = function (q) {
    q = q.trim();
    var out = { query: q, match: "none", total: 0, candidates: [] };
    if (!q) return done(out);
    if (this.byId[q]) { out.match = "id"; out.total = 1; out.candidates = [this.byId[q]]; return done(out); }
    var r = this.find(q);
    out.match = MATCH_NAMES[r.match];
    out.total = r.entities.length;
    out.candidates = r.entities.slice(0, 30);
    return done(out);
  };

  StaticBackend.prototype.neighbours = function (id, f, offset, limit) {
    var self = this, out = { relations: 0, byType: {}, total: 0, list: [] }, by = {};
    (this.relsOf[id] || []).forEach(function (r) {
      if (!passes(r, f)) return;
      out.relations++;
      out.byType[r.type] = (out.byType[r.type] || 0) + 1;
      if (r.subject.id === r.object.id) return;
      var outgoing = r.subject.id === id, other = outgoing ? r.object.id : r.subject.id;
      var nb = by[other] || (by[other] = { entity: self.byId[other], count: 0, links: {} });
      nb.count++;
      var k = r.type + (outgoing ? ">" : "<");
      nb.links[k] = (nb.links[k] || 0) + 1;
    });
    var all = Object.keys(by).map(function (k) { return by[k]; });
    all.sort(function (a, b) { return b.count - a.count || cmp(a.entity.name, b.entity.name) || cmp(a.entity.id, b.entity.id); });
    out.total = all.length;
    offset = Math.min(Math.max(offset, 0), all.length);
    out.list = all.slice(offset, limit > 0 ? offset + limit : all.length);
    return out;
  };

  StaticBackend.prototype.edges = function (ids, others, f) {
    var self = this, role = {}, seen = {}, counts = {};
    others.forEach(function (id) { role[id] = 2; });
    ids.forEach(function (id) { role[id] = 1; });
    ids.forEach(function (id) {
      (self.relsOf[id] || []).forEach(function (r) {
        if (seen[r.key]) return;
        var a = role[r.subject.id], b = role[r.object.id];
        if (!a || !b || (a !== 1 && b !== 1) || !passes(r, f)) return;
        seen[r.key] = true;
        var k = r.subject.id + "/" + r.type + "/" + r.object.id;
        counts[k] = counts[k] || { id: k, source: r.subject.id, target: r.object.id, type: r.type, count: 0 };
        counts[k].count++;
      });
    });
    return Object.keys(counts).map(function (k) { return counts[k]; })
      .sort(function (a, b) { return cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.type, b.type); });
  };

  StaticBackend.prototype.entity = function (id) {
    var r = this.resolve(id);
    if (r.error) return fail(r.error, r.candidates);
    var e = r.entity, n = this.neighbours(e.id, emptyFilter(), 0, 500);
    var out = { entity: e, relation_count: n.relations, relation_counts: n.byType, roles: [], relations: [], neighbours: n.total, more: n.total - n.list.length };
    out.roles = byDate((this.relsOf[e.id] || []).filter(function (r) { return r.type === "HOLDS_ROLE" && r.subject.id === e.id; }));
    n.list.forEach(function (nb) {
      Object.keys(nb.links).forEach(function (k) {
        out.relations.push({ type: k.slice(0, -1), direction: k.slice(-1) === ">" ? "->" : "<-", counterparty: nb.entity, count: nb.links[k] });
      });
    });
    out.relations.sort(function (a, b) {
      return cmp(a.type, b.type) || cmp(a.direction, b.direction) || b.count - a.count || cmp(a.counterparty.name, b.counterparty.name) || cmp(a.counterparty.id, b.counterparty.id);
    });
    return done(out);
  };

  StaticBackend.prototype.timeline = function (id, f, offset, limit) {
    var r = this.resolve(id);
    if (r.error) return fail(r.error, r.candidates);
    var all = byDate((this.relsOf[r.entity.id] || []).filter(function (x) { return passes(x, f); }));
    offset = Math.min(offset, all.length);
    return done({ entity: r.entity, total: all.length, offset: offset, relations: all.slice(offset, offset + limit) });
  };

  StaticBackend.prototype.expand = function (id, offset, limit, visible, f) {
    var n = this.neighbours(id, f, offset, limit);
    var page = n.list.map(function (x) { return x.entity.id; });
    return done({
      id: id, offset: offset, limit: limit, total: n.total, relations: n.relations, more: Math.max(n.total - offset - n.list.length, 0),
      nodes: n.list.map(function (x) { return x.entity; }), edges: page.length ? this.edges(page, visible.concat([id]), f) : []
    });
  };

  StaticBackend.prototype.view = function (s) {
    var self = this, out = { seeds: [], nodes: [], edges: [], truncated: false }, nodes = {}, limit = this.data.meta.limits.expand;
    var hide = {}, collapse = {}, wanted = {};
    s.hide.forEach(function (id) { hide[id] = true; });
    s.collapse.forEach(function (id) { collapse[id] = true; });
    s.expand.forEach(function (x) { wanted[x[0]] = Math.max(wanted[x[0]] || 0, x[1]); });
    function add(e, seed) {
      if (nodes[e.id] || (hide[e.id] && !seed)) return false;
      if (out.nodes.length >= self.data.meta.limits.view_nodes) { out.truncated = true; return false; }
      var n = Object.assign({}, e, { seed: !!seed, pages: 0, more: 0 });
      nodes[e.id] = n;
      out.nodes.push(n);
      return true;
    }
    function expand(id, pages) {
      var nb = self.neighbours(id, s.f, 0, limit * pages), added = [];
      nodes[id].pages = pages;
      nodes[id].more = Math.max(nb.total - nb.list.length, 0);
      nb.list.forEach(function (x) { if (add(x.entity)) added.push(x.entity.id); });
      return added;
    }
    var frontier = [];
    for (var i = 0; i < s.seeds.length; i++) {
      var r = this.resolve(s.seeds[i]);
      if (r.error) return fail(r.error, r.candidates);
      if (add(r.entity, true)) { out.seeds.push(r.entity.id); frontier.push(r.entity.id); }
    }
    for (var hop = 0; hop < s.hops; hop++) {
      var next = [];
      frontier.forEach(function (id) { if (!collapse[id]) next = next.concat(expand(id, Math.max(wanted[id] || 0, 1))); });
      frontier = next;
    }
    s.expand.forEach(function (x) {
      var id = x[0];
      if (!nodes[id]) {
        var r = self.resolve(id);
        if (r.error || !add(r.entity)) return;
      }
      if (nodes[id].pages < wanted[id]) expand(id, wanted[id]);
    });
    out.edges = this.edges(out.nodes.map(function (n) { return n.id; }), [], s.f);
    return done(out);
  };

  StaticBackend.prototype.relations = function (a, b, f) {
    var ra = this.resolve(a), rb = this.resolve(b);
    if (ra.error) return fail(ra.error, ra.candidates);
    if (rb.error) return fail(rb.error, rb.candidates);
    var A = ra.entity.id, B = rb.entity.id;
    var rels = (this.relsOf[A] || []).filter(function (r) {
      return ((r.subject.id === A && r.object.id === B) || (r.subject.id === B && r.object.id === A)) && passes(r, f);
    });
    return done({ a: ra.entity, b: rb.entity, relations: byDate(rels) });
  };

  StaticBackend.prototype.exportText = function (format, ids, f) {
    var self = this, keep = {}, seen = {}, rels = [];
    ids.forEach(function (id) { keep[id] = true; });
    var ents = ids.map(function (id) { return self.byId[id]; }).filter(Boolean);
    ents.forEach(function (e) {
      self.relsOf[e.id].forEach(function (r) {
        if (!seen[r.key] && keep[r.subject.id] && keep[r.object.id] && passes(r, f)) { seen[r.key] = true; rels.push(r); }
      });
    });
    return done(format === "graphml" ? graphML(ents, rels) : cytoscapeJSON(ents, rels));
  };

  // cytoscapeJSON and graphML write what export.JSON and export.GraphML
  // write for the same entities and relations, byte for byte.

  function cytoscapeJSON(ents, rels) {
    ents = ents.slice().sort(function (a, b) { return cmp(a.id, b.id); });
    rels = rels.slice().sort(function (a, b) { return cmp(a.key, b.key); });
    var out = {
      data: {}, directed: true, multigraph: true, elements: {
        nodes: ents.map(function (e) {
          return { data: { id: e.id, value: e.id, label: e.name, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions } };
        }),
        edges: rels.map(function (r) {
          return {
            data: {
              id: r.key, source: r.subject.id, target: r.object.id, label: r.type, type: r.type, key: r.key,
              article: r.article.id, article_title: r.article.title || "", article_url: r.article.url || "", published: r.article.published || "",
              evidence: r.evidence, sentence: r.sentence, start: r.start, end: r.end, date: r.date || "",
              date_source: r.date_source || "", date_precision: r.date_precision || "", tense: r.tense || "",
              confidence: r.confidence, role: r.role || "", cameo: r.cameo || "", support: r.support || 1
            }
          };
        })
      }
    };
    return JSON.stringify(out, null, 2).replace(/[<>&\u2028\u2029]/g, function (c) {
      return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
    }) + "\n";
  }

  function xmlText(s) {
    var out = "";
    for (var ch of s) {
      var c = ch.codePointAt(0);
      switch (ch) {
        case '"': out += "&#34;"; continue;
        case "'": out += "&#39;"; continue;
        case "&": out += "&amp;"; continue;
        case "<": out += "&lt;"; continue;
        case ">": out += "&gt;"; continue;
        case "\t": out += "&#x9;"; continue;
        case "\n": out += "&#xA;"; continue;
        case "\r": out += "&#xD;"; continue;
      }
      var ok = c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
      out += ok ? ch : "\ufffd";
    }
    return out;
  }

  // goFloat formats a number as Go's strconv.FormatFloat(x, 'g', -1, 64).
  function goFloat(x) {
    if (x === 0) return "0";
    var m = /^(-?)(\d)(?:\.(\d+))?e([+-])(\d+)$/.exec(x.toExponential());
    var exp = parseInt(m[4] + m[5], 10);
    if (exp < -4 || exp >= 6) { // Go's shortest %g switches to an exponent at 1e-5 and 1e6
      return m[1] + m[2] + (m[3] ? "." + m[3] : "") + "e" + m[4] + (m[5].length < 2 ? "0" + m[5] : m[5]);
    }
    return String(x);
  }

  var GML_KEYS = [
    ["v_label", "node", "label", "string"], ["v_name", "node", "name", "string"], ["v_type", "node", "type", "string"],
    ["v_aliases", "node", "aliases", "string"], ["v_mentions", "node", "mentions", "int"],
    ["e_label", "edge", "label", "string"], ["e_type", "edge", "type", "string"], ["e_key", "edge", "key", "string"],
    ["e_article", "edge", "article", "string"], ["e_article_title", "edge", "article_title", "string"],
    ["e_article_url", "edge", "article_url", "string"], ["e_published", "edge", "published", "string"],
    ["e_evidence", "edge", "evidence", "string"], ["e_sentence", "edge", "sentence", "int"], ["e_start", "edge", "start", "int"],
    ["e_end", "edge", "end", "int"], ["e_date", "edge", "date", "string"], ["e_date_source", "edge", "date_source", "string"],
    ["e_date_precision", "edge", "date_precision", "string"], ["e_tense", "edge", "tense", "string"],
    ["e_confidence", "edge", "confidence", "double"], ["e_role", "edge", "role", "string"], ["e_cameo", "edge", "cameo", "string"],
    ["e_support", "edge", "support", "int"]
  ];

  function graphML(ents, rels) {
    ents = ents.slice().sort(function (a, b) { return cmp(a.id, b.id); });
    rels = rels.slice().sort(function (a, b) { return cmp(a.key, b.key); });
    var b = ['<?xml version="1.0" encoding="UTF-8"?>\n',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'];
    GML_KEYS.forEach(function (k) { b.push('  <key id="' + k[0] + '" for="' + k[1] + '" attr.name="' + k[2] + '" attr.type="' + k[3] + '"/>\n'); });
    b.push('  <graph id="kg" edgedefault="directed">\n');
    function data(key, s) { if (s !== "" && s !== undefined && s !== null) b.push('      <data key="' + key + '">' + xmlText(String(s)) + "</data>\n"); }
    ents.forEach(function (e) {
      b.push('    <node id="' + xmlText(e.id) + '">\n');
      data("v_label", e.name);
      data("v_name", e.name);
      data("v_type", e.type);
      data("v_aliases", e.aliases.map(function (a) { return a.split(";").join(","); }).join("; "));
      data("v_mentions", String(e.mentions));
      b.push("    </node>\n");
    });
    rels.forEach(function (r) {
      b.push('    <edge id="' + xmlText(r.key) + '" source="' + xmlText(r.subject.id) + '" target="' + xmlText(r.object.id) + '">\n');
      data("e_label", r.type);
      data("e_type", r.type);
      data("e_key", r.key);
      data("e_article", r.article.id);
      data("e_article_title", r.article.title || "");
      data("e_article_url", r.article.url || "");
      data("e_published", r.article.published || "");
      data("e_evidence", r.evidence);
      data("e_sentence", String(r.sentence));
      data("e_start", String(r.start));
      data("e_end", String(r.end));
      data("e_date", r.date || "");
      data("e_date_source", r.date_source || "");
      data("e_date_precision", r.date_precision || "");
      data("e_tense", r.tense || "");
      data("e_confidence", goFloat(r.confidence));
      data("e_role", r.role || "");
      data("e_cameo", r.cameo || "");
      data("e_support", String(r.support || 1));
      b.push("    </edge>\n");
    });
    b.push("  </graph>\n</graphml>\n");
    return b.join("");
  }

  // ------------------------------------------------------------ status

  var pending = 0;

  function setBusy(d) {
    pending += d;
    document.body.setAttribute("data-busy", pending > 0 ? "1" : "0");
  }

  function status(msg, isError) {
    var s = $("status");
    s.textContent = msg || "";
    s.classList.toggle("error", !!isError);
  }

  // work runs a promise with the busy flag set, and reports its error.
  function work(p) {
    setBusy(1);
    return p.then(function (v) { setBusy(-1); return v; }, function (err) {
      setBusy(-1);
      status(err.message || String(err), true);
      throw err;
    });
  }

  // ------------------------------------------------------------ graph

  var cy = null, backend = null, limit = 50, staticData = null, markSeeds = true;

  function cyStyle() {
    return [
      {
        selector: "node", style: {
          "background-color": "data(colour)", "label": "data(label)", "width": "data(size)", "height": "data(size)",
          "font-family": FONT, "font-size": 13, "color": "#1f2328", "text-valign": "bottom", "text-halign": "center",
          "text-margin-y": 5, "text-wrap": "wrap", "text-max-width": 160, "text-background-color": "#fbfbfc",
          "text-background-opacity": 0.85, "text-background-padding": 2, "text-background-shape": "roundrectangle",
          "min-zoomed-font-size": 8, "border-width": 2, "border-color": "#ffffff", "overlay-padding": 5
        }
      },
      { selector: "node.expanded", style: { "border-color": "#1f2328", "border-width": 1.5 } },
      { selector: "node.seed", style: { "border-width": 5, "border-color": SEED_COLOUR, "font-weight": 700, "font-size": 14 } },
      { selector: "node:selected", style: { "overlay-color": "#1f6feb", "overlay-opacity": 0.2, "overlay-padding": 7, "overlay-shape": "ellipse" } },
      {
        selector: "node.more", style: {
          "shape": "round-rectangle", "background-color": "#eef1f5", "border-width": 1, "border-color": "#8b95a3",
          "border-style": "dashed", "text-valign": "center", "text-margin-y": 0, "width": "label", "height": 24,
          "padding": 8, "font-size": 12, "color": "#334155", "text-background-opacity": 0
        }
      },
      {
        selector: "edge", style: {
          "curve-style": "bezier", "control-point-step-size": 34, "width": "data(width)", "line-color": "data(colour)",
          "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "arrow-scale": 0.95, "label": "",
          "font-family": FONT, "font-size": 11, "color": "#3b4450", "text-rotation": "autorotate",
          "text-background-color": "#fbfbfc", "text-background-opacity": 0.92, "text-background-padding": 1,
          "opacity": 0.85, "overlay-padding": 4
        }
      },
      { selector: "edge.structure", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
      // Lines are labelled when zoomed in (.zoomed), or when they touch the
      // entity selected or under the pointer (.labelled).
      { selector: "edge.zoomed, edge.labelled, edge:selected", style: { "label": "data(label)" } },
      { selector: "edge.labelled, edge:selected", style: { "opacity": 1, "z-index": 5 } },
      { selector: "edge:selected", style: { "opacity": 1, "underlay-color": "#1f6feb", "underlay-opacity": 0.28, "underlay-padding": 5, "overlay-opacity": 0 } },
      { selector: "edge.more", style: { "line-style": "dotted", "target-arrow-shape": "none", "line-color": "#9aa4b1", "width": 1.2, "label": "" } },
      { selector: ".faded", style: { "opacity": 0.18 } }
    ];
  }

  function nodeData(e, extra) {
    return Object.assign({
      id: e.id, label: escapeInvisible(e.name), name: e.name, type: e.type, aliases: e.aliases || [], mentions: e.mentions || 0,
      colour: typeColour(e.type), size: nodeSize(e.mentions)
    }, extra || {});
  }

  function edgeData(e) {
    return {
      id: e.id, source: e.source, target: e.target, type: e.type, count: e.count,
      label: e.type + (e.count > 1 ? " \u00d7" + e.count : ""), colour: relColour(e.type),
      width: 1.6 + 1.3 * Math.log2(e.count)
    };
  }

  function edgeClasses(e) {
    return (family[e.type] || "") + (cy.scratch("_zoomed") ? " zoomed" : "");
  }

  function entityNodes() { return cy.nodes().filter(function (n) { return !n.hasClass("more"); }); }
  function visibleIds() { return entityNodes().map(function (n) { return n.id(); }); }

  // updateMore shows a "+N more" node next to an expanded entity whose
  // neighbours are not all shown.
  function updateMore(n) {
    var id = "more:" + n.id(), more = n.data("more") || 0;
    var m = cy.getElementById(id);
    if (more <= 0) { m.remove(); return; }
    var label = "+" + more.toLocaleString("en") + " more";
    if (m.empty()) {
      var p = n.position();
      cy.add([
        { group: "nodes", data: { id: id, parent_id: n.id(), label: label }, classes: "more", position: { x: p.x + 60, y: p.y - 50 } },
        { group: "edges", data: { id: "moreedge:" + n.id(), source: n.id(), target: id }, classes: "more" }
      ]);
    } else {
      m.data("label", label);
    }
  }

  // place puts new nodes around an old neighbour (or the centre), so
  // that an incremental layout moves them little.
  function place(fresh) {
    var groups = {};
    fresh.forEach(function (n) {
      var anchor = n.neighborhood("node").filter(function (m) { return !m.hasClass("more") && !m.scratch("_fresh"); }).first();
      var key = anchor.nonempty() ? anchor.id() : "";
      (groups[key] = groups[key] || { anchor: anchor, nodes: [] }).nodes.push(n);
    });
    var ext = cy.extent(), cx = (ext.x1 + ext.x2) / 2, cyy = (ext.y1 + ext.y2) / 2;
    Object.keys(groups).forEach(function (k) {
      var g = groups[k], c = g.anchor.nonempty() ? g.anchor.position() : { x: cx, y: cyy };
      var r = 90 + 9 * g.nodes.length, step = 2 * Math.PI / g.nodes.length;
      g.nodes.forEach(function (n, i) {
        n.position({ x: c.x + r * Math.cos(i * step + 0.3), y: c.y + r * Math.sin(i * step + 0.3) });
      });
    });
  }

  function runLayout(opts) {
    var nodes = cy.nodes();
    if (!nodes.length) return Promise.resolve();
    var fixed = [];
    if (opts.fixed) {
      opts.fixed.forEach(function (n) { fixed.push({ nodeId: n.id(), position: { x: n.position("x"), y: n.position("y") } }); });
    }
    var layout = cy.layout({
      name: "fcose", quality: "default", randomize: !!opts.randomize, animate: nodes.length < 500, animationDuration: 400,
      fit: !!opts.fit, padding: 40, nodeDimensionsIncludeLabels: true, packComponents: true, tile: true,
      nodeRepulsion: function () { return 25000; },
      // Two entities joined by many lines are pulled together as by one.
      edgeElasticity: function (e) { return 0.35 / Math.max(1, e.parallelEdges().length); },
      idealEdgeLength: function (e) { return e.hasClass("more") ? 50 : 110; },
      gravity: 0.2, gravityRange: 3.8, numIter: 3000, nodeSeparation: 100,
      fixedNodeConstraint: fixed.length ? fixed : undefined
    });
    var p = new Promise(function (resolve) {
      layout.one("layoutstop", function () {
        separate(opts.fixed ? cy.nodes().not(opts.fixed) : cy.nodes());
        if (opts.fit) capZoom();
        resolve();
      });
    });
    setBusy(1);
    layout.run();
    return p.then(function () { setBusy(-1); });
  }

  // scaleLabels keeps the names readable when zoomed out: the labels grow
  // in the graph's units as the zoom shrinks, to stay at least 11.5 pixels
  // high on the screen, up to a point (below it they are hidden).
  var labelFrame = 0;

  function scaleLabels() {
    if (labelFrame) return;
    labelFrame = requestAnimationFrame(function () {
      labelFrame = 0;
      var z = cy.zoom(), f = Math.min(Math.max(13, 11.5 / z), 24), e = Math.min(Math.max(11, 10 / z), 20);
      labelAll();
      if (Math.abs(f - (cy.scratch("_font") || 0)) < 0.25) return;
      cy.scratch("_font", f);
      cy.style().selector("node").style({ "font-size": f, "text-max-width": Math.round(12 * f) })
        .selector("node.seed").style({ "font-size": f * 1.08 })
        .selector("node.more").style({ "font-size": Math.max(12, f * 0.92) })
        .selector("edge").style({ "font-size": e })
        .update();
    });
  }

  // labelAll labels every line when there are few, or when zoomed in.
  function labelAll() {
    var zoomed = cy.zoom() >= 1.5 || cy.edges().length <= 24;
    cy.scratch("_zoomed", zoomed);
    var wrong = cy.edges().not(".more").filter(function (e) { return e.hasClass("zoomed") !== zoomed; });
    if (wrong.nonempty()) cy.batch(function () { wrong.toggleClass("zoomed", zoomed); });
  }

  // separate moves the entities of movable that overlap another entity
  // (with its label) away from it, a few rounds: a layout that keeps some
  // entities in place can leave the others on top of them.
  function separate(movable) {
    var nodes = cy.nodes().toArray(), moving = {};
    movable.forEach(function (n) { moving[n.id()] = true; });
    for (var round = 0; round < 8; round++) {
      var moved = false;
      for (var i = 0; i < nodes.length; i++) {
        var a = nodes[i];
        if (!moving[a.id()]) continue;
        for (var j = 0; j < nodes.length; j++) {
          var b = nodes[j];
          if (a === b) continue;
          var pa = a.position(), pb = b.position();
          var need = (a.outerWidth() + b.outerWidth()) / 2 + 24, dx = pa.x - pb.x, dy = pa.y - pb.y;
          var d = Math.sqrt(dx * dx + dy * dy);
          if (d >= need) continue;
          if (d < 0.01) { dx = 1; dy = 0.5; d = Math.sqrt(1.25); }
          a.position({ x: pb.x + dx / d * need, y: pb.y + dy / d * need });
          moved = true;
        }
      }
      if (!moved) break;
    }
  }

  // capZoom keeps a small graph from filling the window with giant
  // nodes after a fit.
  function capZoom() {
    if (cy.zoom() > 1.25) {
      cy.zoom({ level: 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      cy.center();
    }
  }

  // applyView replaces the graph by a view of /api/view, keeping the
  // positions of entities still there.
  function applyView(v, opts) {
    var want = {}, seeds = {};
    v.nodes.forEach(function (n) { want[n.id] = n; });
    v.seeds.forEach(function (id) { seeds[id] = true; });
    var fresh = [], removed = 0;
    cy.batch(function () {
      cy.elements(".more").remove();
      cy.edges().remove();
      cy.nodes().forEach(function (n) { if (!want[n.id()]) { n.remove(); removed++; } });
      var old = cy.nodes();
      old.forEach(function (n) { n.removeScratch("_fresh"); });
      v.nodes.forEach(function (n) {
        var ele = cy.getElementById(n.id);
        var data = nodeData(n, { pages: n.pages || 0, more: n.more || 0 });
        if (ele.empty()) {
          ele = cy.add({ group: "nodes", data: data });
          ele.scratch("_fresh", true);
          fresh.push(ele);
        } else {
          ele.data(data);
        }
        ele.toggleClass("seed", !!seeds[n.id] && markSeeds);
        ele.toggleClass("expanded", (n.pages || 0) > 0);
      });
      cy.add(v.edges.map(function (e) { return { group: "edges", data: edgeData(e), classes: edgeClasses(e) }; }));
    });
    var olds = cy.nodes().filter(function (n) { return !n.scratch("_fresh"); });
    labelAll();
    if (fresh.length && olds.length) place(fresh);
    entityNodes().forEach(function (n) { if (n.data("pages") > 0) updateMore(n); });
    fresh.forEach(function (n) { n.removeScratch("_fresh"); });
    updateLegend();
    $("empty").hidden = cy.nodes().nonempty();
    if (v.truncated) status("The view was cut at " + v.nodes.length + " entities: collapse or hide some, or filter.", true);
    if (!fresh.length && !removed && !opts.relayout) { if (opts.fit) { cy.fit(undefined, 40); capZoom(); } return Promise.resolve(); }
    // A view that changed is laid out again from where its entities are
    // (a few new ones placed by their neighbours), so that they move
    // little; a view mostly new is laid out afresh.
    var few = olds.length && fresh.length <= Math.max(8, olds.length / 2) && !opts.relayout;
    return runLayout({ randomize: !few, fit: opts.fit || !few });
  }

  function loadView(opts) {
    opts = opts || {};
    writeHash();
    if (!state.seeds.length) { applyView({ seeds: [], nodes: [], edges: [] }, {}); return Promise.resolve(); }
    status("Loading\u2026");
    var p = work(backend.view(state)).then(function (v) {
      state.seeds = v.seeds;
      writeHash();
      status(v.nodes.length + " entities, " + v.edges.reduce(function (s, e) { return s + e.count; }, 0) + " relations");
      return applyView(v, opts).then(function () {
        if (opts.select) select(opts.select);
      });
    });
    p.catch(function () {}); // work reported it
    return p;
  }

  // expand adds the next page of an entity's neighbours to the graph.
  function expand(id) {
    var n = cy.getElementById(id);
    if (n.empty()) return Promise.resolve();
    var pages = n.data("pages") || 0;
    status("Expanding " + n.data("name") + "\u2026");
    return work(backend.expand(id, pages * limit, limit, visibleIds(), state.f)).then(function (ans) {
      var fresh = [], olds = cy.nodes();
      cy.batch(function () {
        ans.nodes.forEach(function (e) {
          if (cy.getElementById(e.id).nonempty()) return;
          var ele = cy.add({ group: "nodes", data: nodeData(e, { pages: 0, more: 0 }) });
          ele.scratch("_fresh", true);
          fresh.push(ele);
        });
        ans.edges.forEach(function (e) {
          if (cy.getElementById(e.id).empty()) cy.add({ group: "edges", data: edgeData(e), classes: edgeClasses(e) });
        });
      });
      n.data({ pages: pages + 1, more: ans.more });
      n.addClass("expanded");
      setExpanded(id, pages + 1);
      writeHash();
      if (fresh.length) place(fresh);
      fresh.forEach(function (x) { x.removeScratch("_fresh"); });
      labelAll();
      updateMore(n);
      updateLegend();
      refreshActions(id);
      status(n.data("name") + ": " + ans.total + " neighbours, " + (ans.total - ans.more) + " shown" + (ans.more ? " (" + ans.more + " more)" : ""));
      if (!fresh.length) return null;
      return runLayout({ fixed: olds.filter(function (x) { return !x.hasClass("more"); }) });
    });
  }

  function collapse(id) {
    var n = cy.getElementById(id);
    state.expand = state.expand.filter(function (x) { return x[0] !== id; });
    if (state.collapse.indexOf(id) < 0 && (n.data("pages") > 0)) state.collapse.push(id);
    return loadView({}).then(function () { refreshActions(id); });
  }

  function hide(id) {
    if (state.hide.indexOf(id) < 0) state.hide.push(id);
    state.expand = state.expand.filter(function (x) { return x[0] !== id; });
    if (state.sel === id) state.sel = "";
    return loadView({});
  }

  function openSeed(id, add) {
    if (add) {
      if (state.seeds.indexOf(id) < 0) state.seeds.push(id);
      state.hide = state.hide.filter(function (x) { return x !== id; });
    } else {
      state = { seeds: [id], hops: state.hops, expand: [], collapse: [], hide: [], f: state.f, sel: id };
    }
    state.sel = id;
    return loadView({ fit: !add, relayout: !add, select: id });
  }

  function select(sel) {
    state.sel = sel;
    writeHash();
    cy.elements().unselect();
    if (sel.indexOf("/") > 0) {
      var e = cy.getElementById(sel);
      if (e.nonempty()) { e.select(); showEdge(e); }
      return;
    }
    var n = cy.getElementById(sel);
    if (n.nonempty()) n.select();
    showEntity(sel);
  }

  // labelSelection labels the lines of the selected entity.
  function labelSelection() {
    cy.edges(".labelled").removeClass("labelled");
    cy.nodes(":selected").connectedEdges().addClass("labelled");
  }

  // ------------------------------------------------------------ panel

  // panel empties the panel; data-shows says what it shows once filled.
  function panel() {
    var body = clear($("panel-body"));
    body.setAttribute("data-shows", "");
    return body;
  }

  function typeBadge(t) { return h("span", { class: "badge type", style: "background:" + typeColour(t) }, t); }

  function entityButton(ref) {
    return h("button", {
      class: "link", type: "button", title: ref.type ? ref.name + " (" + ref.type + ")" : ref.name,
      on: { click: function () { focusEntity(ref.id); } }
    }, ref.name);
  }

  // focusEntity selects an entity of the view, or shows one that is not
  // in it, with a button to add it.
  function focusEntity(id) {
    var n = cy.getElementById(id);
    if (n.nonempty()) {
      cy.animate({ center: { eles: n }, duration: 250 });
      select(id);
    } else {
      state.sel = id;
      writeHash();
      cy.elements().unselect();
      showEntity(id);
    }
  }

  // eventDated says whether r's date is the event's, as the text gives it
  // (graphs written before kg recorded date_source have event dates only).
  function eventDated(r) { return !!r.date && r.date_source !== "article"; }

  function dateKind(r) {
    if (!eventDated(r)) return r.when ? "article date" : "undated";
    return r.date_precision && r.date_precision !== "day" ? "event date (" + r.date_precision + ")" : "event date";
  }

  function relationCard(r) {
    var head = h("div", { class: "head" },
      h("span", { class: "date" }, r.when || "no date"),
      h("span", { class: "datekind", title: eventDated(r) ? "the date the text gives for the event" : "the text gives no date: the article's publication date" }, dateKind(r)),
      h("span", { class: "spacer" }),
      h("span", { class: "conf", title: "confidence" }, "confidence " + r.confidence.toFixed(2)),
      r.tense ? h("span", { class: "badge future", title: "tense" }, r.tense) : null,
      r.support > 1 ? h("span", { class: "badge support", title: "articles that state it: its own and copies of it" }, r.support + " articles") : null);
    var what = h("div", { class: "what" },
      entityButton(r.subject), " ",
      h("span", { class: "rtype", style: "color:" + relColour(r.type) }, "\u2014" + r.type + (r.role ? " (" + r.role + ")" : "") + "\u2192"), " ",
      entityButton(r.object));
    var quote = h("blockquote", { class: "evidence" }, highlight(r.evidence, [{ ref: r.subject, cls: "subject" }, { ref: r.object, cls: "object" }]));
    var a = r.article || {}, title = a.title || a.ref || a.id;
    var titleNode = /^https?:\/\//i.test(a.url || "") ?
      h("a", { class: "title", href: a.url, target: "_blank", rel: "noopener noreferrer" }, title) : h("span", { class: "title" }, title);
    var src = h("div", { class: "src" }, titleNode, a.source ? " \u2014 " + a.source : "", a.published ? " \u00b7 published " + a.published : "");
    return h("div", { class: "rel", "data-key": r.key }, head, what, quote, src);
  }

  function relationList(rels) {
    if (!rels.length) return h("p", { class: "empty" }, "No relation passes the filters.");
    return h("div", { class: "rels" }, rels.map(relationCard));
  }

  function showEdge(e) {
    var d = e.data(), body = panel();
    var s = cy.getElementById(d.source).data(), t = cy.getElementById(d.target).data();
    append(body, [
      h("div", { class: "badges" }, h("span", { class: "badge", style: "color:#fff;background:" + relColour(d.type) }, d.type), h("span", { class: "badge" }, d.count + (d.count > 1 ? " relations" : " relation"))),
      h("h2", {}, s.name + " \u2192 " + t.name),
      h("p", { class: "empty" }, "Loading the evidence\u2026")
    ]);
    work(backend.relations(d.source, d.target, state.f)).then(function (ans) {
      if (state.sel !== d.id) return;
      var mine = ans.relations.filter(function (r) { return r.type === d.type && r.subject.id === d.source && r.object.id === d.target; });
      body = panel();
      body.setAttribute("data-shows", "edge " + d.id);
      append(body, [
        h("div", { class: "badges" }, h("span", { class: "badge", style: "color:#fff;background:" + relColour(d.type) }, d.type),
          h("span", { class: "badge" }, mine.length + (mine.length === 1 ? " relation" : " relations"))),
        h("h2", {}, h("span", {}, s.name), " \u2192 ", h("span", {}, t.name)),
        h("h3", {}, d.type + " from " + s.name + " to " + t.name),
        relationList(mine)
      ]);
      var others = ans.relations.length - mine.length;
      if (others > 0) {
        var box = h("div", {});
        append(body, [h("h3", {}, "All relations between them"),
          h("button", {
            type: "button", on: {
              click: function (ev) { ev.target.remove(); append(box, relationList(ans.relations)); }
            }
          }, "Show all " + ans.relations.length + " relations between " + ans.a.name + " and " + ans.b.name), box]);
      }
    }).catch(function () {});
  }

  // entityActions returns the buttons of the entity panel, and keeps them
  // to be redrawn when the entity is expanded or collapsed.
  var shownActions = null;

  function entityActions(e) {
    var n = cy.getElementById(e.id), actions = h("div", { class: "actions", id: "entity-actions" });
    function act(label, fn, title) {
      append(actions, h("button", { type: "button", title: title, on: { click: function () { fn().catch(function () {}); } } }, label));
    }
    if (n.nonempty()) {
      var pages = n.data("pages") || 0, more = n.data("more") || 0;
      if (!pages) act("Expand", function () { return expand(e.id); });
      else if (more > 0) act("Show " + Math.min(limit, more) + " more neighbours", function () { return expand(e.id); });
      if (pages) act("Collapse", function () { return collapse(e.id); });
      if (state.seeds.indexOf(e.id) < 0) act("Hide", function () { return hide(e.id); });
    } else {
      act("Add to the view", function () { return openSeed(e.id, true); });
    }
    if (state.seeds.length !== 1 || state.seeds[0] !== e.id) {
      act("New view from here", function () { return openSeed(e.id, false); }, "A new view around this entity");
    }
    shownActions = { entity: e, node: actions };
    return actions;
  }

  function refreshActions(id) {
    if (!shownActions || shownActions.entity.id !== id || !shownActions.node.isConnected) return;
    var old = shownActions.node;
    old.replaceWith(entityActions(shownActions.entity));
  }

  function showEntity(id) {
    var body = panel();
    append(body, h("p", { class: "empty" }, "Loading\u2026"));
    work(backend.entity(id)).then(function (ans) {
      if (state.sel !== id) return;
      var e = ans.entity, n = cy.getElementById(e.id), inView = n.nonempty();
      body = panel();
      body.setAttribute("data-shows", "entity " + e.id);
      var badges = h("div", { class: "badges" }, typeBadge(e.type));
      if (state.seeds.indexOf(e.id) >= 0) append(badges, h("span", { class: "badge seed" }, "seed"));
      var actions = entityActions(e);
      var facts = h("dl", { class: "facts" },
        h("dt", {}, "ID"), h("dd", { class: "mono" }, e.id),
        h("dt", {}, "Aliases"), h("dd", {}, e.aliases.length ? e.aliases.join("; ") : "\u2014"),
        h("dt", {}, "Mentions"), h("dd", {}, String(e.mentions)),
        h("dt", {}, "Relations"), h("dd", {}, ans.relation_count + " with " + ans.neighbours + (ans.neighbours === 1 ? " entity" : " entities")));
      append(body, [badges, h("h2", {}, e.name), facts, actions]);

      if (ans.roles.length) {
        append(body, h("h3", {}, "Roles held"));
        append(body, h("table", { class: "list" },
          h("thead", {}, h("tr", {}, h("th", {}, "Role"), h("th", {}, "At"), h("th", {}, "Date"), h("th", {}, "Article"))),
          h("tbody", {}, ans.roles.map(function (r) {
            return h("tr", {}, h("td", {}, r.role || "(untitled)"), h("td", {}, entityButton(r.object)), h("td", { class: "nowrap" }, r.when || ""),
              h("td", { title: r.evidence }, (r.article.title || r.article.ref || r.article.id) + (r.article.source ? " \u2014 " + r.article.source : "")));
          }))));
      }

      var types = Object.keys(ans.relation_counts).sort();
      append(body, h("h3", {}, "Relations by type"));
      append(body, h("p", { class: "more-note" }, types.map(function (t) { return t + " " + ans.relation_counts[t]; }).join(", ") || "No relation."));
      var byType = {};
      ans.relations.forEach(function (g) { (byType[g.type] = byType[g.type] || []).push(g); });
      Object.keys(byType).sort().forEach(function (t) {
        append(body, h("div", { class: "group-head" }, h("span", { class: "swatch", style: "background:" + relColour(t) }), t, h("span", { class: "badge" }, String(ans.relation_counts[t] || 0))));
        append(body, h("table", { class: "list" }, h("tbody", {}, byType[t].map(function (g) {
          return h("tr", {},
            h("td", {}, h("span", { class: "dir", title: g.direction === "->" ? e.name + " is the subject" : e.name + " is the object" }, g.direction === "->" ? "\u2192" : "\u2190"), entityButton(g.counterparty)),
            h("td", {}, g.counterparty.type), h("td", { class: "num" }, "\u00d7" + g.count));
        }))));
      });
      if (ans.more > 0) append(body, h("p", { class: "more-note" }, ans.more + " less related neighbours are not listed."));

      var tl = h("div", {}, h("p", { class: "empty" }, "Loading the timeline\u2026"));
      append(body, [h("h3", {}, "Timeline", filterSummary() ? h("span", { class: "badge", title: "the timeline follows the filters" }, "filtered") : null), tl]);
      work(backend.timeline(e.id, state.f, 0, 200)).then(function (t) {
        clear(tl);
        append(tl, relationList(t.relations));
        if (t.total > t.relations.length) append(tl, h("p", { class: "more-note" }, "The " + t.relations.length + " first of " + t.total + " relations."));
      }).catch(function () { clear(tl); });
    }).catch(function (err) {
      body = panel();
      append(body, h("p", { class: "empty" }, err.message));
    });
  }

  function showOverview() {
    var body = panel();
    if (!cy.nodes().length) {
      append(body, [h("h2", {}, "kg explorer"), h("p", { class: "empty" }, "Search an entity by name, alias or ID.")]);
      return;
    }
    append(body, [h("h2", {}, "This view"), h("p", {}, entityNodes().length + " entities, " + cy.edges().filter(function (e) { return !e.hasClass("more"); }).length + " lines."),
      h("p", { class: "empty" }, "Click an entity to expand it and read about it, double-click it to collapse it; click a line to read the evidence of its relations. Drag to move, scroll to zoom. The address of the page keeps the view: share it.")]);
  }

  // ------------------------------------------------------------ legend

  function updateLegend() {
    var counts = {};
    entityNodes().forEach(function (n) { counts[n.data("type")] = (counts[n.data("type")] || 0) + 1; });
    var lg = clear($("legend"));
    var folded = lg.classList.contains("folded");
    append(lg, h("button", {
      type: "button", class: "fold", title: folded ? "Show the legend" : "Hide the legend", "aria-expanded": String(!folded),
      on: { click: function () { lg.classList.toggle("folded"); updateLegend(); } }
    }, folded ? "Legend" : "\u00d7"));
    if (folded) return;
    (meta ? meta.entity_types : Object.keys(TYPE_COLOURS)).forEach(function (t) {
      append(lg, h("div", { class: "item" }, h("span", { class: "dot", style: "background:" + typeColour(t) }), t, h("span", { class: "n" }, String(counts[t] || 0))));
    });
    append(lg, h("div", { class: "item" }, h("span", { class: "dot seed" }), "seed"));
    append(lg, h("div", { class: "sep" }));
    [["conflict", "conflict"], ["cooperation", "cooperation"], ["structure", "role, part, member"]].forEach(function (f) {
      append(lg, h("div", { class: "item" }, h("span", { class: "line " + f[0], style: f[0] === "structure" ? "" : "background:" + FAMILY_COLOURS[f[0]] }), f[1]));
    });
  }

  // ------------------------------------------------------------ filters

  function filterSummary() {
    var f = state.f, n = 0;
    if (f.types.length) n++;
    if (f.since || f.until) n++;
    if (f.conf > 0) n++;
    if (f.sources.length) n++;
    return n;
  }

  var DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
  var applyTimer = null;

  function buildFilters() {
    var box = clear($("filters"));
    var typeBoxes = [], sourceBoxes = [];
    function readAndApply() {
      clearTimeout(applyTimer);
      applyTimer = setTimeout(function () {
        var checked = typeBoxes.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
        if (!checked.length) { status("Choose at least one relation type.", true); return; }
        state.f.types = checked.length === typeBoxes.length ? [] : checked;
        var srcs = sourceBoxes.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
        if (sourceBoxes.length && !srcs.length) { status("Choose at least one source.", true); return; }
        state.f.sources = srcs.length === sourceBoxes.length ? [] : srcs;
        var since = $("f-since").value.trim(), until = $("f-until").value.trim();
        $("f-since").classList.toggle("bad", !!since && !DATE.test(since));
        $("f-until").classList.toggle("bad", !!until && !DATE.test(until));
        if ((since && !DATE.test(since)) || (until && !DATE.test(until))) { status("Dates are YYYY, YYYY-MM or YYYY-MM-DD.", true); return; }
        state.f.since = since;
        state.f.until = until;
        state.f.conf = parseFloat($("f-conf").value) || 0;
        updateFilterCount();
        loadView({});
      }, 250);
    }
    append(box, h("h3", {}, "Relation types"));
    append(box, h("div", { class: "actions" },
      h("button", { type: "button", id: "types-all", on: { click: function () { typeBoxes.forEach(function (c) { c.checked = true; }); readAndApply(); } } }, "All"),
      h("button", { type: "button", id: "types-none", on: { click: function () { typeBoxes.forEach(function (c) { c.checked = false; }); readAndApply(); } } }, "None")));
    ["conflict", "cooperation", "structure"].forEach(function (fam) {
      append(box, h("div", { class: "small" }, fam === "structure" ? "roles and membership" : fam));
      meta.relation_types.filter(function (t) { return t.family === fam; }).forEach(function (t) {
        var c = h("input", { type: "checkbox", value: t.type, id: "type-" + t.type, on: { change: readAndApply } });
        c.checked = !state.f.types.length || state.f.types.indexOf(t.type) >= 0;
        typeBoxes.push(c);
        append(box, h("label", { title: t.meaning }, c, h("span", { class: "swatch " + fam, style: fam === "structure" ? "" : "background:" + FAMILY_COLOURS[fam] }), t.type));
      });
    });
    append(box, h("h3", {}, "Dates"));
    var since = h("input", { type: "text", id: "f-since", placeholder: "since", title: "YYYY, YYYY-MM or YYYY-MM-DD", on: { change: readAndApply } });
    var until = h("input", { type: "text", id: "f-until", placeholder: "until", title: "YYYY, YYYY-MM or YYYY-MM-DD", on: { change: readAndApply } });
    since.value = state.f.since;
    until.value = state.f.until;
    append(box, [h("div", { class: "row" }, since, until), h("div", { class: "small" }, "YYYY, YYYY-MM or YYYY-MM-DD. A relation the text gives no date takes its article's publication date.")]);
    append(box, h("h3", {}, "Minimum confidence ", h("span", { id: "f-conf-value" }, state.f.conf.toFixed(2))));
    var conf = h("input", {
      type: "range", id: "f-conf", min: "0", max: "1", step: "0.05", style: "width:100%",
      on: { input: function () { $("f-conf-value").textContent = parseFloat(conf.value).toFixed(2); }, change: readAndApply }
    });
    conf.value = String(state.f.conf);
    append(box, conf);
    append(box, h("h3", {}, "Sources"));
    if (!meta.sources.length) append(box, h("div", { class: "small" }, "The articles name no source."));
    meta.sources.forEach(function (s) {
      var c = h("input", { type: "checkbox", value: s.source, on: { change: readAndApply } });
      c.checked = !state.f.sources.length || state.f.sources.some(function (x) { return x.toLowerCase() === s.source.toLowerCase(); });
      sourceBoxes.push(c);
      append(box, h("label", {}, c, s.source, h("span", { class: "count" }, String(s.articles))));
    });
    append(box, h("div", { class: "actions", style: "margin-top:14px" }, h("button", {
      type: "button", on: {
        click: function () {
          typeBoxes.concat(sourceBoxes).forEach(function (c) { c.checked = true; });
          since.value = until.value = "";
          conf.value = "0";
          $("f-conf-value").textContent = "0.00";
          readAndApply();
        }
      }
    }, "Reset the filters")));
    updateFilterCount();
  }

  function updateFilterCount() {
    var n = filterSummary();
    $("filter-count").textContent = n ? "(" + n + ")" : "";
  }

  // ------------------------------------------------------------ search

  var searchTimer = null, searchSeq = 0, listed = []; // the candidates listed

  function hideCandidates() { $("candidates").hidden = true; listed = []; }

  function showCandidates(ans) {
    var box = clear($("candidates"));
    listed = ans.candidates;
    if (!ans.query) { hideCandidates(); return; }
    if (!ans.total) {
      append(box, h("div", { class: "note" }, "No entity matches \u201c" + ans.query + "\u201d."));
    } else {
      var note = ans.total > 1 ? "\u201c" + ans.query + "\u201d matches " + ans.total + " entities" + (ans.match === "close" ? " (close spellings)" : ans.match === "words" ? " (partly)" : "") + ": choose one." :
        ans.match === "exact" || ans.match === "id" ? "" : "Taken to be the only " + (ans.match === "words" ? "partial" : "close") + " match:";
      if (note) append(box, h("div", { class: "note" }, note));
      ans.candidates.forEach(function (e, i) {
        append(box, h("div", {
          class: "candidate", role: "option", "aria-selected": i === 0 ? "true" : "false", tabindex: "-1", "data-id": e.id,
          on: { click: function () { hideCandidates(); openSeed(e.id, false); } }
        },
          h("span", { class: "dot", style: "display:inline-block;width:12px;height:12px;border-radius:50%;background:" + typeColour(e.type) }),
          h("span", {}, h("div", { class: "name" }, e.name), h("div", { class: "sub" }, e.type + " \u00b7 " + e.mentions + " mentions" + (e.aliases.length ? " \u00b7 " + e.aliases.slice(0, 3).join("; ") : ""))),
          h("span", { class: "sub mono" }, e.id.slice(0, 8)),
          h("button", {
            type: "button", class: "add", title: "Add to the current view",
            on: { click: function (ev) { ev.stopPropagation(); hideCandidates(); openSeed(e.id, true); } }
          }, "+ add")));
      });
      if (ans.total > ans.candidates.length) append(box, h("div", { class: "note" }, (ans.total - ans.candidates.length) + " more: type more of the name."));
    }
    box.hidden = false;
  }

  function search(q, open) {
    var seq = ++searchSeq;
    return work(backend.search(q)).then(function (ans) {
      if (seq !== searchSeq) return;
      if (open && ans.total === 1) {
        var e = ans.candidates[0];
        hideCandidates();
        return openSeed(e.id, false).then(function () {
          if (ans.match === "words" || ans.match === "close") {
            status("\u201c" + ans.query + "\u201d taken to be " + e.name + " (" + e.type + "), the only " + (ans.match === "words" ? "partial" : "close") + " match");
          }
        });
      }
      showCandidates(ans);
    }).catch(function () {});
  }

  function moveSelection(d) {
    var opts = Array.prototype.slice.call($("candidates").querySelectorAll(".candidate"));
    if (!opts.length) return;
    var i = opts.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
    opts.forEach(function (o) { o.setAttribute("aria-selected", "false"); });
    i = (i + d + opts.length) % opts.length;
    opts[i].setAttribute("aria-selected", "true");
    opts[i].scrollIntoView({ block: "nearest" });
  }

  // ------------------------------------------------------------ export

  function download(name, data, type) {
    var blob = data instanceof Blob ? data : new Blob([data], { type: type });
    var a = h("a", { href: URL.createObjectURL(blob), download: name, hidden: true });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // svgPicture draws the view as SVG, from the positions and colours of
  // the canvas; text goes in text nodes, and the serializer escapes it.
  function svgPicture() {
    var NS = "http://www.w3.org/2000/svg";
    function s(tag, attrs, text) {
      var n = document.createElementNS(NS, tag);
      Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
      if (text !== undefined) n.textContent = escapeInvisible(text);
      return n;
    }
    var bb = cy.elements().boundingBox({ includeLabels: true }), pad = 20;
    var svg = s("svg", { xmlns: NS, width: Math.ceil(bb.w + 2 * pad), height: Math.ceil(bb.h + 2 * pad), viewBox: [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad].join(" "), "font-family": "sans-serif" });
    svg.appendChild(s("rect", { x: bb.x1 - pad, y: bb.y1 - pad, width: bb.w + 2 * pad, height: bb.h + 2 * pad, fill: "#ffffff" }));
    var defs = s("defs");
    svg.appendChild(defs);
    Object.keys(FAMILY_COLOURS).forEach(function (f) {
      var m = s("marker", { id: "arrow-" + f, viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
      m.appendChild(s("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: FAMILY_COLOURS[f] }));
      defs.appendChild(m);
    });
    function pt(p) { return p.x.toFixed(1) + " " + p.y.toFixed(1); }
    cy.edges().forEach(function (e) {
      var src = e.sourceEndpoint(), tgt = e.targetEndpoint(), cps = e.controlPoints() || [];
      var d = "M " + pt(src);
      if (!cps.length) d += " L " + pt(tgt);
      else {
        for (var i = 0; i < cps.length; i++) {
          var to = i === cps.length - 1 ? tgt : { x: (cps[i].x + cps[i + 1].x) / 2, y: (cps[i].y + cps[i + 1].y) / 2 };
          d += " Q " + pt(cps[i]) + " " + pt(to);
        }
      }
      var more = e.hasClass("more"), fam = family[e.data("type")] || "cooperation";
      var attrs = { d: d, fill: "none", stroke: more ? "#9aa4b1" : FAMILY_COLOURS[fam], "stroke-width": more ? 1.2 : e.data("width"), "stroke-opacity": 0.88 };
      if (!more) attrs["marker-end"] = "url(#arrow-" + fam + ")";
      if (fam === "structure" || more) attrs["stroke-dasharray"] = more ? "2 3" : "6 4";
      var path = s("path", attrs);
      if (!more) path.appendChild(s("title", {}, e.data("label")));
      svg.appendChild(path);
      if (!more) {
        var mid = e.midpoint();
        svg.appendChild(s("text", { x: mid.x.toFixed(1), y: (mid.y - 3).toFixed(1), "font-size": 10.5, "text-anchor": "middle", fill: "#3b4450", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" }, e.data("label")));
      }
    });
    cy.nodes().forEach(function (n) {
      var p = n.position();
      if (n.hasClass("more")) {
        var w = n.outerWidth(), hh = n.outerHeight();
        svg.appendChild(s("rect", { x: p.x - w / 2, y: p.y - hh / 2, width: w, height: hh, rx: 6, fill: "#eef1f5", stroke: "#8b95a3", "stroke-dasharray": "3 2" }));
        svg.appendChild(s("text", { x: p.x, y: p.y + 4, "font-size": 12, "text-anchor": "middle", fill: "#334155" }, n.data("label")));
        return;
      }
      var r = n.data("size") / 2, seed = n.hasClass("seed");
      svg.appendChild(s("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1), fill: n.data("colour"), stroke: seed ? SEED_COLOUR : "#ffffff", "stroke-width": seed ? 5 : 2 }));
      svg.appendChild(s("text", {
        x: p.x.toFixed(1), y: (p.y + r + 17).toFixed(1), "font-size": seed ? 14 : 13, "font-weight": seed ? 700 : 400, "text-anchor": "middle",
        fill: "#1f2328", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke"
      }, n.data("name")));
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg) + "\n";
  }

  // exportText returns the view in a format: png (a data URL), svg,
  // graphml or cytoscape.
  function exportText(format) {
    if (format === "png") return Promise.resolve(cy.png({ full: true, scale: 2, bg: "#ffffff", maxWidth: 8000, maxHeight: 8000 }));
    if (format === "svg") return Promise.resolve(svgPicture());
    return backend.exportText(format, visibleIds(), state.f);
  }

  function exportView(format) {
    if (!entityNodes().length) { status("Nothing to export: the view is empty.", true); return; }
    if (format === "png") { download("kg-view.png", cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff", maxWidth: 8000, maxHeight: 8000 })); return; }
    work(exportText(format)).then(function (text) {
      var ext = { svg: ["svg", "image/svg+xml"], graphml: ["graphml", "application/graphml+xml"], cytoscape: ["json", "application/json"] }[format];
      download("kg-view." + ext[0], text, ext[1]);
      status("Exported " + entityNodes().length + " entities as " + format + ".");
    }).catch(function () {});
  }

  // ------------------------------------------------------------ start

  function wire() {
    $("search").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var sel = $("candidates").hidden ? null : $("candidates").querySelector('.candidate[aria-selected="true"]');
      if (sel && listed.length > 1) { hideCandidates(); openSeed(sel.getAttribute("data-id"), false); return; }
      clearTimeout(searchTimer);
      search($("q").value, true);
    });
    $("q").addEventListener("input", function () {
      clearTimeout(searchTimer);
      var q = $("q").value;
      if (!q.trim()) { hideCandidates(); return; }
      searchTimer = setTimeout(function () { search(q, false); }, 220);
    });
    $("q").addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); moveSelection(1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); moveSelection(-1); }
      else if (ev.key === "Escape") hideCandidates();
    });
    document.addEventListener("click", function (ev) {
      if (!$("search").contains(ev.target)) hideCandidates();
      if (!$("export").parentNode.contains(ev.target)) { $("export-menu").hidden = true; $("export").setAttribute("aria-expanded", "false"); }
    });
    $("hops").value = String(state.hops);
    $("hops").addEventListener("change", function () { state.hops = parseInt($("hops").value, 10); loadView({ fit: true }); });
    $("toggle-filters").addEventListener("click", function () {
      var f = $("filters");
      f.hidden = !f.hidden;
      $("toggle-filters").setAttribute("aria-expanded", String(!f.hidden));
      cy.resize();
    });
    $("fit").addEventListener("click", function () { cy.fit(undefined, 40); capZoom(); });
    $("relayout").addEventListener("click", function () { runLayout({ randomize: true, fit: true }); });
    $("export").addEventListener("click", function () {
      var m = $("export-menu");
      m.hidden = !m.hidden;
      $("export").setAttribute("aria-expanded", String(!m.hidden));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-export]"), function (b) {
      b.addEventListener("click", function () { $("export-menu").hidden = true; exportView(b.getAttribute("data-export")); });
    });

    // A click on an entity selects it and expands it; a double click on
    // an entity expanded before collapses it.
    cy.on("tap", "node", function (ev) {
      var n = ev.target;
      if (n.hasClass("more")) { expand(n.data("parent_id")).catch(function () {}); return; }
      select(n.id());
      if (!(n.data("pages") > 0)) {
        n.scratch("_expandedAt", Date.now());
        expand(n.id()).catch(function () {});
      }
    });
    cy.on("dbltap", "node", function (ev) {
      var n = ev.target;
      if (n.hasClass("more") || !(n.data("pages") > 0) || Date.now() - (n.scratch("_expandedAt") || 0) < 1000) return;
      collapse(n.id()).catch(function () {});
    });
    cy.on("tap", "edge", function (ev) {
      var e = ev.target;
      if (e.hasClass("more")) return;
      select(e.id());
    });
    cy.on("mouseover", "node", function (ev) {
      var n = ev.target;
      if (n.hasClass("more")) return;
      n.connectedEdges().addClass("labelled");
      if (cy.nodes().length < 12) return;
      cy.elements().addClass("faded");
      n.closedNeighborhood().removeClass("faded");
    });
    cy.on("mouseout", "node", function () {
      cy.elements().removeClass("faded");
      labelSelection();
    });
    cy.on("select unselect", labelSelection);
    cy.on("zoom", scaleLabels);
    window.addEventListener("hashchange", function () {
      state = readHash();
      $("hops").value = String(state.hops);
      buildFilters();
      var sel = state.sel;
      loadView({ fit: true, relayout: true }).then(function () { if (sel) select(sel); else showOverview(); });
    });
  }

  function start() {
    document.body.setAttribute("data-busy", "0");
    var dataEl = $("kg-data");
    if (dataEl) {
      staticData = JSON.parse(dataEl.textContent);
      backend = new StaticBackend(staticData);
      markSeeds = staticData.mark_seeds;
    } else {
      backend = new ServerBackend();
    }
    cy = cytoscape({
      container: $("cy"), style: cyStyle(), wheelSensitivity: 0.25, minZoom: 0.05, maxZoom: 4,
      boxSelectionEnabled: false, selectionType: "single"
    });
    window.kgExplorer = { cy: cy, state: function () { return state; }, exportText: exportText, highlight: highlight };
    if (location.hash.length > 1) state = readHash();
    else if (staticData) state = { seeds: staticData.seeds.slice(), hops: staticData.hops, expand: [], collapse: [], hide: [], f: emptyFilter(), sel: "" };
    wire();
    return work(backend.meta()).then(function (m) {
      meta = m;
      limit = m.limits.expand;
      m.relation_types.forEach(function (t) { family[t.type] = t.family; });
      document.title = m.title ? "kg explorer \u2014 " + m.title : "kg explorer";
      buildFilters();
      updateLegend();
      showOverview();
      if (!state.seeds.length) return null;
      var sel = state.sel;
      return loadView({ fit: true }).then(function () { if (sel) select(sel); else showOverview(); });
    }).catch(function () {});
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
