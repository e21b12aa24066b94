/* Conflict news kit explorer: linked views over the data cube embedded in the page (see helpers/explorer.py).
   Plain DOM and SVG, no library, no request: every text from the data goes in through textContent. */
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("explorer-data").textContent);
  const A = D.actors, P = D.periods, S = D.sources, NA = A.id.length, NR = D.roles.length;
  const SVGNS = "http://www.w3.org/2000/svg";
  const MOD_DASH = ["", "6 3", "2 3", "1 4"], REV_COLOUR = ["#555", "#1a9850", "#d73027"];
  const artIndex = new Map(D.articles.id.map((id, i) => [id, i]));
  const actorIndex = new Map(A.id.map((id, i) => [id, i]));
  const kinds = [...new Set(A.kind)].sort();
  const state = {actors: [], p0: null, p1: null, outlets: null, roles: new Set(["actor"]), kinds: null,
                 once: true, measure: "mentions", denied: false, reference: true};
  const decisions = new Map();  // edge_id -> "keep" | "drop"
  let evidenceCsv = () => [["note"], ["nothing chosen"]], heatmapCsv = () => [];

  // ------------------------------------------------------------------------------------------ helpers
  function el(tag, attrs, ...kids) {
    const svg = ["svg", "g", "rect", "line", "path", "circle", "text", "title", "polyline", "marker", "defs"].includes(tag);
    const e = svg ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "text") e.textContent = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const kid of kids) if (kid !== null && kid !== undefined) e.append(kid);
    return e;
  }
  const $ = (id) => document.getElementById(id);
  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };
  const fmt = (x) => (x === null || x === undefined || Number.isNaN(x)) ? "–" :
    (Number.isInteger(x) ? x.toLocaleString("en") : (x < 1 ? (100 * x).toFixed(1) + "%" : x.toFixed(2)));
  const label = (a) => A.label[a];
  const inPeriod = (p) => p >= 0 && (state.p0 === null || p >= state.p0) && (state.p1 === null || p <= state.p1);
  const okSource = (s) => state.outlets === null || state.outlets.has(s);
  const okCopy = (c) => !state.once || c === 0;
  const okKind = (a) => state.kinds === null || state.kinds.has(A.kind[a]);
  const roleMask = () => D.roles.reduce((m, r, i) => state.roles.has(r) ? m | (1 << i) : m, 0);
  function periodEnd(i) {
    if (i < 0 || i >= P.length) return "";
    if (i + 1 < P.length && D.meta.freq === "M") { const d = new Date(P[i + 1]); d.setUTCDate(d.getUTCDate() - 1); return d.toISOString().slice(0, 10); }
    const d = new Date(P[i]);
    if (D.meta.freq === "W") d.setUTCDate(d.getUTCDate() + 6); else { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }
  function periodOf(date) {  // index of the period holding an ISO date (the nearest one at the ends)
    let lo = 0;
    for (let i = 0; i < P.length; i++) if (P[i] <= date) lo = i;
    return lo;
  }
  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], {type: type || "text/csv"}));
    const a = el("a", {href: url, download: name}); document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  const csvCell = (v) => { const s = v === null || v === undefined ? "" : String(v); return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
  const toCsv = (rows) => rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
  function article(id) {
    const i = artIndex.get(id);
    if (i === undefined) return {id, date: "", source: "", title: "", url: "", copy: 0};
    return {id, date: D.articles.date[i], source: S[D.articles.source[i]], title: D.articles.title[i],
            url: D.articles.url[i], copy: D.articles.copy[i], src: D.articles.source[i], period: periodOf(D.articles.date[i])};
  }
  const articleOk = (ar) => ar.date !== "" && inPeriod(periodOf(ar.date)) && okSource(ar.src) && okCopy(ar.copy);

  // ------------------------------------------------------------------------------------------ the numbers
  function volume() {  // articles per period for the outlets and copies chosen
    const v = new Array(P.length).fill(0);
    for (const [p, s, c, n] of D.volume) if (okSource(s) && okCopy(c)) v[p] += n;
    return v;
  }
  function series() {  // actor -> period -> [mentions, articles]
    const mask = roleMask(), chosen = new Set(state.actors), out = new Map();
    for (const a of chosen) out.set(a, P.map(() => [0, 0]));
    for (const row of D.counts) {
      const [a, p, s, c, m, docs] = row;
      if (!chosen.has(a) || !okSource(s) || !okCopy(c) || !(m & mask)) continue;
      const cell = out.get(a)[p];
      cell[1] += docs;
      for (let r = 0; r < NR; r++) if (mask & (1 << r)) cell[0] += row[6 + r];
    }
    return out;
  }
  function totals() {  // the chosen actors in the period: mentions, articles, share of the period's articles
    const ser = series(), vol = volume();
    const inP = vol.reduce((t, n, p) => t + (inPeriod(p) ? n : 0), 0);
    return state.actors.filter(okKind).map((a) => {
      let m = 0, d = 0;
      ser.get(a).forEach(([mm, dd], p) => { if (inPeriod(p)) { m += mm; d += dd; } });
      return {actor: A.id[a], label: label(a), mentions: m, articles: d, period_articles: inP, share: inP ? d / inP : null};
    });
  }
  function pairs() {
    const acc = new Map();
    for (const [a, b, p, s, c, n] of D.cooc) {
      if (!inPeriod(p) || !okSource(s) || !okCopy(c) || !okKind(a) || !okKind(b)) continue;
      const k = a * NA + b; acc.set(k, (acc.get(k) || 0) + n);
    }
    return [...acc].map(([k, n]) => ({a: Math.floor(k / NA), b: k % NA, n})).sort((x, y) => y.n - x.n || x.a - y.a || x.b - y.b);
  }
  function statementOk(st) { return articleOk(article(st[3])); }
  function edges() {
    const acc = new Map();
    for (const [b, c, p, s, cp, mod, rev, n] of D.edges) {
      if (!inPeriod(p) || !okSource(s) || !okCopy(cp) || (mod === 3 && !state.denied) || !(okKind(b) || okKind(c))) continue;
      const k = b * NA + c;
      if (!acc.has(k)) acc.set(k, {backer: b, client: c, n: 0, mods: [0, 0, 0, 0], revs: [0, 0, 0]});
      const e = acc.get(k); e.n += n; e.mods[mod] += n; e.revs[rev] += n;
    }
    for (const st of D.statements) {  // decisions taken in this page move statements between review states
      const dec = decisions.get(st[0]); const e = acc.get(st[1] * NA + st[2]);
      if (!dec || !e || (st[4] === 3 && !state.denied) || !statementOk(st)) continue;
      e.revs[st[6]] -= 1; e.revs[dec === "keep" ? 1 : 2] += 1;
    }
    return [...acc.values()].sort((x, y) => y.n - x.n);
  }
  const edgeStatus = (e) => e.revs[1] > 0 ? 1 : (e.revs[2] > 0 && e.revs[0] === 0 ? 2 : 0);
  function reference() {
    const lo = state.p0 === null ? "" : P[state.p0], hi = state.p1 === null ? "9999" : periodEnd(state.p1);
    const stated = new Set(edges().map((e) => e.backer * NA + e.client));
    return D.reference.filter(([b, c, from, to]) => (!from || from <= hi) && (!to || to >= lo) && (okKind(b) || okKind(c)))
      .map(([b, c, from, to, cite]) => ({backer: b, client: c, from, to, cite, stated: stated.has(b * NA + c)}));
  }

  // ------------------------------------------------------------------------------------------ filters
  function actorList() {
    const q = $("actor-search").value.trim().toLowerCase(), list = clear($("actor-list"));
    const seen = new Map(), mask = roleMask();  // articles naming each actor under the filters set
    for (const [a, p, s, c, m, docs] of D.counts) if (inPeriod(p) && okSource(s) && okCopy(c) && (m & mask)) seen.set(a, (seen.get(a) || 0) + docs);
    const order = [...A.id.keys()].filter(okKind).filter((a) => !q || A.id[a].toLowerCase().includes(q) ||
      A.label[a].toLowerCase().includes(q) || A.aliases[a].toLowerCase().includes(q))
      .sort((x, y) => (seen.get(y) || 0) - (seen.get(x) || 0) || A.label[x].localeCompare(A.label[y]));
    for (const a of order.slice(0, 200)) {
      const box = el("input", {type: "checkbox", "data-actor": A.id[a], onchange: (ev) => {
        state.actors = ev.target.checked ? [...state.actors, a] : state.actors.filter((x) => x !== a); update(); }});
      box.checked = state.actors.includes(a);
      list.append(el("label", {title: A.id[a]}, box, " " + A.label[a] + " (" + (seen.get(a) || 0) + ")"));
    }
    const chips = clear($("actor-chips"));
    for (const a of state.actors) chips.append(el("span", {class: "chip", style: "background:" + A.colour[a], title: "remove",
      text: A.label[a] + " ×", onclick: () => { state.actors = state.actors.filter((x) => x !== a); update(); }}));
  }
  function checkList(node, names, chosen, onchange) {
    clear(node);
    names.forEach((name, i) => {
      const box = el("input", {type: "checkbox", value: name, onchange: () => onchange(i, box.checked)});
      box.checked = chosen(i, name);
      node.append(el("label", {}, box, " " + (name || "(no outlet)")));
    });
  }
  function filterLists() {
    checkList($("outlet-list"), S, (i) => okSource(i), (i, on) => {
      const set = state.outlets === null ? new Set(S.keys()) : new Set(state.outlets);
      on ? set.add(i) : set.delete(i); state.outlets = set.size === S.length ? null : set; update(); });
    checkList($("role-list"), D.roles, (i, r) => state.roles.has(r), (i, on) => {
      on ? state.roles.add(D.roles[i]) : state.roles.delete(D.roles[i]); update(); });
    checkList($("kind-list"), kinds, (i, k) => state.kinds === null || state.kinds.has(k), (i, on) => {
      const set = state.kinds === null ? new Set(kinds) : new Set(state.kinds);
      on ? set.add(kinds[i]) : set.delete(kinds[i]); state.kinds = set.size === kinds.length ? null : set; update(); });
    $("stories-once").checked = state.once; $("measure").value = state.measure;
    $("show-denied").checked = state.denied; $("show-reference").checked = state.reference;
    $("from").value = state.p0 === null ? "" : P[state.p0]; $("to").value = state.p1 === null ? "" : periodEnd(state.p1);
  }

  // ------------------------------------------------------------------------------------------ timeline
  function timeline() {
    const svg = clear($("timeline")), W = svg.clientWidth || 800, H = svg.clientHeight || 260;
    const m = {l: 46, r: 10, t: 10, b: 40}, w = W - m.l - m.r, h = H - m.t - m.b;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const ser = series(), vol = volume(), chosen = state.actors.filter(okKind);
    const value = (cell, p) => state.measure === "mentions" ? cell[0] : state.measure === "articles" ? cell[1] :
      (vol[p] ? cell[1] / vol[p] : null);
    let top = 0; for (const a of chosen) ser.get(a).forEach((c, p) => { const v = value(c, p); if (v > top) top = v; });
    top = top || 1;
    const x = (p) => m.l + (P.length > 1 ? p * w / (P.length - 1) : w / 2), y = (v) => m.t + h - v / top * h;
    const g = el("g"); svg.append(g);
    const bg = el("rect", {x: m.l, y: m.t, width: w, height: h, fill: "#fff", id: "brush-area", "data-periods": P.length,
      "data-x0": m.l, "data-step": P.length > 1 ? w / (P.length - 1) : 0}); g.append(bg);
    for (let i = 0; i <= 3; i++) {
      const v = top * i / 3;
      g.append(el("line", {x1: m.l, x2: m.l + w, y1: y(v), y2: y(v), stroke: "#eee"}));
      g.append(el("text", {x: m.l - 4, y: y(v) + 4, "text-anchor": "end", text: state.measure === "share" ? (100 * v).toFixed(0) + "%" : Math.round(v)}));
    }
    const every = Math.max(1, Math.ceil(P.length / 8));
    P.forEach((d, p) => { if (p % every === 0) g.append(el("text", {x: x(p), y: H - m.b + 14, "text-anchor": "middle", text: d})); });
    if (state.p0 !== null || state.p1 !== null) {
      const a = state.p0 === null ? 0 : state.p0, b = state.p1 === null ? P.length - 1 : state.p1;
      g.append(el("rect", {class: "brush", x: x(a) - 3, y: m.t, width: x(b) - x(a) + 6, height: h, "pointer-events": "none"}));
    }
    for (const a of chosen) {
      const pts = [];
      ser.get(a).forEach((c, p) => { const v = value(c, p); if (v !== null) pts.push([x(p), y(v), p, c]); });
      g.append(el("polyline", {points: pts.map((q) => q[0] + "," + q[1]).join(" "), fill: "none", stroke: A.colour[a], "stroke-width": 2}));
      for (const [px, py, p, c] of pts) if (c[0] > 0) {
        g.append(el("circle", {cx: px, cy: py, r: 4, fill: A.colour[a], class: "point", "data-actor": A.id[a], "data-period": P[p],
          onclick: () => showMentions(a, p)},
          el("title", {text: `${A.label[a]}, ${P[p]}: ${c[0]} mentions in ${c[1]} of ${vol[p]} articles`})));
      }
    }
    let start = null; const band = el("rect", {class: "brush", y: m.t, height: h, width: 0, visibility: "hidden"}); g.append(band);
    const px = (ev) => { const r = svg.getBoundingClientRect(); return (ev.clientX - r.left) * W / r.width; };
    const toP = (X) => Math.max(0, Math.min(P.length - 1, Math.round((X - m.l) / (P.length > 1 ? w / (P.length - 1) : 1))));
    bg.addEventListener("pointerdown", (ev) => { start = px(ev); band.setAttribute("x", start); band.setAttribute("visibility", "visible"); });
    svg.addEventListener("pointermove", (ev) => { if (start === null) return; const X = px(ev);
      band.setAttribute("x", Math.min(start, X)); band.setAttribute("width", Math.abs(X - start)); });
    svg.addEventListener("pointerup", (ev) => {
      if (start === null) return; const X = px(ev), s0 = start; start = null;
      if (Math.abs(X - s0) < 3) { band.setAttribute("visibility", "hidden"); return; }
      const a = toP(Math.min(s0, X)), b = toP(Math.max(s0, X));
      state.p0 = a === 0 ? null : a; state.p1 = b === P.length - 1 ? null : b; update();
    });
    const lo = state.p0 === null ? P[0] : P[state.p0], hi = state.p1 === null ? periodEnd(P.length - 1) : periodEnd(state.p1);
    $("period-text").textContent = !P.length ? "No dated article." : `Period: ${lo} to ${hi} (${D.meta.freq === "W" ? "weeks from Monday" : "months"}); ` +
      `${vol.reduce((t, n, p) => t + (inPeriod(p) ? n : 0), 0)} articles in it for the outlets chosen.`;
    const rows = totals(), table = clear($("totals"));
    table.append(el("tr", {}, el("th", {text: "actor"}), el("th", {class: "num", text: "mentions"}), el("th", {class: "num", text: "articles"}),
      el("th", {class: "num", text: "share of articles"})));
    for (const r of rows) table.append(el("tr", {"data-actor": r.actor}, el("td", {text: r.label}), el("td", {class: "num mentions", text: fmt(r.mentions)}),
      el("td", {class: "num articles", text: fmt(r.articles)}), el("td", {class: "num share", text: r.share === null ? "–" : (100 * r.share).toFixed(1) + "%"})));
  }

  // ------------------------------------------------------------------------------------------ co-occurrence
  function cooc() {
    const all = pairs(), table = clear($("pairs"));
    table.append(el("tr", {}, el("th", {text: "pair"}), el("th", {class: "num", text: "sentences"})));
    for (const q of all.slice(0, 15)) table.append(el("tr", {class: "clickable", onclick: () => showPair(q.a, q.b)},
      el("td", {text: label(q.a) + " & " + label(q.b)}), el("td", {class: "num", text: fmt(q.n)})));
    if (!all.length) table.append(el("tr", {}, el("td", {text: "no pair in this selection"})));
    const names = [...state.actors.filter(okKind)];
    for (const q of all) { if (names.length >= 12) break; for (const a of [q.a, q.b]) if (!names.includes(a) && names.length < 12) names.push(a); }
    const n = new Map(all.map((q) => [q.a * NA + q.b, q.n])), svg = clear($("heatmap"));
    heatmapCsv = () => [["actor", ...names.map((b) => A.id[b])]].concat(names.map((a) => [A.id[a],
      ...names.map((b) => a === b ? "" : n.get(Math.min(a, b) * NA + Math.max(a, b)) || 0)]));
    const W = svg.clientWidth || 400, H = svg.clientHeight || 360, L = 170, T = 110, c = Math.max(8, Math.min((W - L) / names.length, (H - T) / names.length));
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const top = Math.max(1, ...all.map((q) => q.n));
    names.forEach((a, i) => {
      const short = label(a).length > 26 ? label(a).slice(0, 25) + "…" : label(a);
      svg.append(el("text", {x: L - 4, y: T + i * c + c / 2 + 4, "text-anchor": "end", text: short}));
      svg.append(el("text", {transform: `translate(${L + i * c + c / 2},${T - 4}) rotate(-50)`, text: short}));
      names.forEach((b, j) => {
        if (a === b) return;
        const v = n.get(Math.min(a, b) * NA + Math.max(a, b)) || 0;
        svg.append(el("rect", {x: L + j * c, y: T + i * c, width: c - 1, height: c - 1, fill: v ? `rgba(68,119,170,${0.15 + 0.85 * v / top})` : "#f4f4f4",
          class: "cell", onclick: () => v && showPair(Math.min(a, b), Math.max(a, b))}, el("title", {text: `${label(a)} & ${label(b)}: ${v} sentences`})));
      });
    });
  }

  // ------------------------------------------------------------------------------------------ network
  function network() {
    const svg = clear($("network")), W = svg.clientWidth || 800, H = svg.clientHeight || 480, list = edges();
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const refs = state.reference ? reference() : [];
    const nodes = [...new Set(list.flatMap((e) => [e.backer, e.client]).concat(refs.flatMap((r) => [r.backer, r.client])))];
    const weight = new Map(); for (const e of list) for (const a of [e.backer, e.client]) weight.set(a, (weight.get(a) || 0) + e.n);
    nodes.sort((x, y) => A.kind[x].localeCompare(A.kind[y]) || (weight.get(y) || 0) - (weight.get(x) || 0));
    // an ellipse as wide as the view leaves room for the labels; actors of one kind sit together
    const RX = Math.max(120, W / 2 - 190), RY = H / 2 - 30, cx = W / 2, cy = H / 2, pos = new Map();
    nodes.forEach((a, i) => { const t = 2 * Math.PI * i / Math.max(1, nodes.length) - Math.PI / 2;
      pos.set(a, [cx + RX * Math.cos(t), cy + RY * Math.sin(t)]); });
    const defs = el("defs"); svg.append(defs);
    REV_COLOUR.forEach((col, i) => defs.append(el("marker", {id: "arrow" + i, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse"},
      el("path", {d: "M0,0L10,5L0,10z", fill: col}))));
    const curve = (a, b, bend) => { const [x1, y1] = pos.get(a), [x2, y2] = pos.get(b), dx = x2 - x1, dy = y2 - y1, d = Math.hypot(dx, dy) || 1;
      const ux = dx / d, uy = dy / d, sx = x1 + ux * 9, sy = y1 + uy * 9, ex = x2 - ux * 11, ey = y2 - uy * 11;
      return `M${sx},${sy}Q${(sx + ex) / 2 - uy * d * bend},${(sy + ey) / 2 + ux * d * bend} ${ex},${ey}`; };
    for (const r of refs) svg.append(el("path", {class: "refedge", d: curve(r.backer, r.client, 0.22)},
      el("title", {text: `reference: ${label(r.backer)} backs ${label(r.client)} (${r.from || "…"} to ${r.to || "…"}) ${r.cite}`})));
    const top = Math.max(1, ...list.map((e) => e.n));
    for (const e of list) {
      const mod = e.mods.findIndex((k) => k > 0), st = edgeStatus(e);
      svg.append(el("path", {class: "edge", d: curve(e.backer, e.client, 0.12), stroke: REV_COLOUR[st], "stroke-opacity": 0.75,
        "stroke-width": 1 + 6 * Math.sqrt(e.n / top), "stroke-dasharray": MOD_DASH[mod], "marker-end": `url(#arrow${st})`,
        "data-edge": A.id[e.backer] + ">" + A.id[e.client], "data-statements": e.n, onclick: () => showEdge(e.backer, e.client)},
        el("title", {text: `${label(e.backer)} → ${label(e.client)}: ${e.n} statements (${D.modalities.filter((_, i) => e.mods[i]).join(", ")}); ` +
          `${e.revs[1]} kept, ${e.revs[2]} dropped, ${e.revs[0]} unreviewed`})));
    }
    const chosen = new Set(state.actors);
    for (const a of nodes) {
      const [x, y] = pos.get(a), right = x >= cx;
      svg.append(el("circle", {cx: x, cy: y, r: chosen.has(a) ? 8 : 6, fill: A.colour[a], stroke: chosen.has(a) ? "#000" : "#fff"},
        el("title", {text: `${label(a)} (${A.kind[a]})`})));
      svg.append(el("text", {x: x + (right ? 10 : -10), y: y + 4, "text-anchor": right ? "start" : "end", text: label(a)}));
    }
    if (!list.length) svg.append(el("text", {x: 10, y: 20, text: "No backing statement in this selection."}));
    const table = clear($("reference"));
    table.append(el("tr", {}, el("th", {text: "backer"}), el("th", {text: "client"}), el("th", {text: "in force"}), el("th", {text: "stated in the corpus?"}), el("th", {text: "source"})));
    for (const r of reference()) table.append(el("tr", {}, el("td", {text: label(r.backer)}), el("td", {text: label(r.client)}),
      el("td", {text: `${r.from || "…"} to ${r.to || "…"}`}), el("td", {text: r.stated ? "yes" : "no"}),
      el("td", {class: "cite", title: r.cite, text: r.cite.length > 90 ? r.cite.slice(0, 88) + "…" : r.cite})));
  }

  // ------------------------------------------------------------------------------------------ evidence
  function source(ar) {
    const bits = el("div", {class: "src"}, `${ar.date} · ${ar.source}${ar.copy ? " · syndicated copy" : ""} · `);
    if (/^https?:\/\//.test(ar.url)) bits.append(el("a", {href: ar.url, target: "_blank", rel: "noopener noreferrer", text: ar.title || ar.url}));
    else bits.append(ar.title || ar.id);
    return bits;
  }
  function marked(text, spans) {
    const out = [], cuts = [...spans].sort((x, y) => x[0] - y[0]); let at = 0;
    for (const [s, e, k] of cuts) { if (s < at) continue; out.push(text.slice(at, s), el("mark", {class: k, text: text.slice(s, e)})); at = e; }
    out.push(text.slice(at)); return out;
  }
  function showRows(title, rows, csv) {
    $("evidence-title").textContent = title; const list = clear($("evidence"));
    evidenceCsv = csv;
    for (const r of rows) list.append(r.node);
    const box = $("view-evidence").getBoundingClientRect();
    if (box.top > window.innerHeight || box.bottom < 0) $("view-evidence").scrollIntoView({block: "start"});
    if (!rows.length) list.append(el("li", {text: "Nothing in this selection (the page keeps at most " + D.meta.caps.evidence + " sentences per actor and period)."}));
  }
  function mentionRows(filter) {
    const mask = roleMask();
    return D.evidence.filter((r) => filter(r) && (mask & (1 << r[3])) && articleOk(article(r[2]))).map((r) => {
      const ar = article(r[2]);
      return {row: r, ar, node: el("li", {}, source(ar), el("div", {}, "… " + r[4] + " ", el("mark", {text: r[5]}), " " + r[6] + " …"))};
    });
  }
  const mentionCsv = (rows) => () => [["actor", "date", "outlet", "doc_id", "title", "url", "left", "match", "right"]]
    .concat(rows.map(({row, ar}) => [A.id[row[0]], ar.date, ar.source, ar.id, ar.title, ar.url, row[4], row[5], row[6]]));
  function showMentions(a, p) {
    const rows = mentionRows((r) => r[0] === a && r[1] === p);
    showRows(`${label(a)}, ${P[p]} to ${periodEnd(p)}: ${rows.length} mention(s) kept`, rows, mentionCsv(rows));
  }
  function showPair(a, b) {
    const keys = new Set(D.evidence.filter((r) => r[0] === b).map((r) => r[7]));
    const rows = mentionRows((r) => r[0] === a && keys.has(r[7]) && inPeriod(r[1]));
    showRows(`${label(a)} & ${label(b)} in one sentence: ${rows.length} sentence(s) kept`, rows, mentionCsv(rows));
  }
  function decide(id, what, box) {
    decisions.get(id) === what ? decisions.delete(id) : decisions.set(id, what);
    for (const b of box.querySelectorAll("button")) b.classList.toggle("on", decisions.get(id) === b.value);
    $("review-count").textContent = decisions.size + " decision(s)"; network(); writeHash();
  }
  function showEdge(b, c) {
    const rows = D.statements.filter((st) => st[1] === b && st[2] === c && (st[4] !== 3 || state.denied) && statementOk(st)).map((st) => {
      const ar = article(st[3]), box = el("span", {class: "decision"});
      for (const what of ["keep", "drop"]) {
        const btn = el("button", {type: "button", value: what, text: what, "data-edge-id": st[0], onclick: () => decide(st[0], what, box)});
        btn.classList.toggle("on", decisions.get(st[0]) === what); box.append(btn, " ");
      }
      const note = `${D.modalities[st[4]]}${st[5] === null ? "" : ", confidence " + st[5]}, ${D.reviews[st[6]]} · `;
      return {st, ar, node: el("li", {"data-edge-id": st[0]}, source(ar), el("div", {class: "sentence"}, ...marked(st[8], st[9])),
        el("div", {class: "src"}, note, box))};
    });
    const capped = D.meta.capped.statements ? ` (at most ${D.meta.caps.statements} statements per edge are kept)` : "";
    showRows(`${label(b)} → ${label(c)}: ${rows.length} statement(s)${capped}`, rows, () =>
      [["edge_id", "backer", "client", "modality", "confidence", "review", "date", "outlet", "doc_id", "url", "sentence"]]
        .concat(rows.map(({st, ar}) => [st[0], A.id[st[1]], A.id[st[2]], D.modalities[st[4]], st[5], D.reviews[st[6]], ar.date, ar.source, ar.id, ar.url, st[8]])));
  }
  function reviewFile() {  // the columns of h.sample_for_review; h.apply_review reads edge_id and decision
    const head = ["edge_id", "stratum", "decision", "note", "backer", "client", "cue", "cue_kind", "modality", "confidence",
                  "sentence", "doc_id", "source", "date", "link"];
    const byId = new Map(D.statements.map((st) => [st[0], st]));
    return toCsv([head].concat([...decisions].map(([id, dec]) => {
      const st = byId.get(id), ar = article(st[3]);
      return [id, "explorer", dec, "", A.id[st[1]], A.id[st[2]], st[7], "", D.modalities[st[4]], st[5], st[8], ar.id, ar.source, ar.date, ar.url];
    })));
  }

  // ------------------------------------------------------------------------------------------ CSV, URL, wiring
  function csv(view) {
    if (view === "timeline") {
      const ser = series(), vol = volume(), rows = [["period", "actor", "mentions", "articles", "period_articles", "share"]];
      for (const a of state.actors.filter(okKind)) ser.get(a).forEach(([m, d], p) => rows.push([P[p], A.id[a], m, d, vol[p], vol[p] ? d / vol[p] : ""]));
      return toCsv(rows);
    }
    if (view === "heatmap") return toCsv(heatmapCsv());
    if (view === "pairs") return toCsv([["a", "b", "sentences"]].concat(pairs().map((q) => [A.id[q.a], A.id[q.b], q.n])));
    if (view === "edges") return toCsv([["backer", "client", "statements", ...D.modalities, "kept", "dropped", "unreviewed"]]
      .concat(edges().map((e) => [A.id[e.backer], A.id[e.client], e.n, ...e.mods, e.revs[1], e.revs[2], e.revs[0]])));
    if (view === "reference") return toCsv([["backer", "client", "from", "to", "stated", "cite"]]
      .concat(reference().map((r) => [A.id[r.backer], A.id[r.client], r.from, r.to, r.stated, r.cite])));
    if (view === "evidence") return toCsv(evidenceCsv());
    throw new Error("no view " + view);
  }
  function writeHash() {
    const parts = [];
    if (state.actors.length) parts.push("actors=" + state.actors.map((a) => encodeURIComponent(A.id[a])).join(","));
    if (state.p0 !== null) parts.push("from=" + P[state.p0]);
    if (state.p1 !== null) parts.push("to=" + periodEnd(state.p1));
    if (state.outlets !== null) parts.push("outlets=" + [...state.outlets].map((s) => encodeURIComponent(S[s])).join(","));
    if (!(state.roles.size === 1 && state.roles.has("actor"))) parts.push("roles=" + [...state.roles].join(","));
    if (state.kinds !== null) parts.push("kinds=" + [...state.kinds].join(","));
    if (!state.once) parts.push("copies=all");
    if (state.measure !== "mentions") parts.push("measure=" + state.measure);
    try { history.replaceState(null, "", "#" + parts.join("&")); } catch (err) { /* a sandboxed frame: no URL to keep */ }
  }
  function readHash() {
    const q = new Map(location.hash.slice(1).split("&").filter(Boolean).map((kv) => { const i = kv.indexOf("="); return [kv.slice(0, i), kv.slice(i + 1)]; }));
    const list = (k) => (q.get(k) || "").split(",").filter(Boolean).map(decodeURIComponent);
    state.actors = list("actors").map((id) => actorIndex.get(id)).filter((a) => a !== undefined);
    if (!q.has("actors")) state.actors = defaultActors();
    state.p0 = q.has("from") ? periodOf(q.get("from")) : null; state.p1 = q.has("to") ? periodOf(q.get("to")) : null;
    state.outlets = q.has("outlets") ? new Set(list("outlets").map((s) => S.indexOf(s)).filter((i) => i >= 0)) : null;
    state.roles = new Set(q.has("roles") ? list("roles") : ["actor"]);
    state.kinds = q.has("kinds") ? new Set(list("kinds")) : null;
    state.once = q.get("copies") !== "all"; state.measure = q.get("measure") || "mentions";
  }
  function defaultActors() {
    const seen = new Map(); for (const row of D.counts) if (row[4] & 1) seen.set(row[0], (seen.get(row[0]) || 0) + row[5]);
    return [...seen].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([a]) => a);
  }
  function update() { filterLists(); actorList(); timeline(); cooc(); network(); writeHash(); }
  function wire() {
    $("title").textContent = D.meta.title;
    $("meta").textContent = `${D.meta.articles.toLocaleString("en")} articles (${D.meta.undated} undated, left out of the timeline), ` +
      `${D.meta.mentions.toLocaleString("en")} mentions, ${D.meta.statements.toLocaleString("en")} backing statements` +
      (D.meta.undated_statements ? ` (${D.meta.undated_statements} undated, left out of the network)` : "") + `, ${S.length} outlets, ` +
      `${P[0] || "–"} to ${P.length ? periodEnd(P.length - 1) : "–"}; counted per ${D.meta.freq === "W" ? "week" : "month"}. Generated ${D.meta.generated}.`;
    const cap = D.meta.capped;
    $("capnote").textContent = `Every count is exact. Sentences kept for reading: at most ${D.meta.caps.evidence} mentions per actor and ` +
      `${D.meta.freq === "W" ? "week" : "month"} and ${D.meta.caps.statements} statements per edge` +
      (cap.evidence || cap.statements ? `; the caps left out ${cap.evidence.toLocaleString("en")} mentions and ${cap.statements.toLocaleString("en")} statements.` : "; nothing was left out.");
    $("actor-search").addEventListener("input", actorList);
    $("stories-once").addEventListener("change", (e) => { state.once = e.target.checked; update(); });
    $("measure").addEventListener("change", (e) => { state.measure = e.target.value; update(); });
    $("show-denied").addEventListener("change", (e) => { state.denied = e.target.checked; update(); });
    $("show-reference").addEventListener("change", (e) => { state.reference = e.target.checked; update(); });
    $("from").addEventListener("change", (e) => { state.p0 = e.target.value ? periodOf(e.target.value) : null; update(); });
    $("to").addEventListener("change", (e) => { state.p1 = e.target.value ? periodOf(e.target.value) : null; update(); });
    $("clear-period").addEventListener("click", () => { state.p0 = state.p1 = null; update(); });
    $("outlets-all").addEventListener("click", () => { state.outlets = null; update(); });
    $("outlets-none").addEventListener("click", () => { state.outlets = new Set(); update(); });
    $("copy-link").addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(location.href));
    $("export-review").addEventListener("click", () => download("review.csv", reviewFile()));
    for (const b of document.querySelectorAll("[data-csv]")) b.addEventListener("click", (e) => {
      e.preventDefault(); download(b.dataset.csv + ".csv", csv(b.dataset.csv)); });
    window.addEventListener("hashchange", () => { readHash(); update(); });
    let t = null; window.addEventListener("resize", () => { clearTimeout(t); t = setTimeout(update, 150); });
  }
  wire(); readHash(); update();
  window.explorer = {data: D, state, csv, totals, pairs, edges, reviewFile, decisions, update, ready: true,
                     loadMs: performance.now()};
})();
