/* aichip-kg web page: graph view, search, details with evidence, filters, paths, Ask, SPARQL editor.
 *
 * Library choice (measured in headless Debian chromium 1280x800, --disable-gpu, on a generated graph of
 * 5,000 nodes / ~7,500 edges with preset positions, median of 5 runs):
 *   Cytoscape.js 3.35 (canvas)         first render 2,065 ms, zoom frame  79 ms
 *   sigma.js 3.0.3 + graphology (WebGL) first render 1,184 ms, zoom frame 523 ms (edge labels on)
 *                                        first render   829 ms, zoom frame 338 ms (edge labels off)
 * (throwaway harness: both libraries drawing the same generated graph, performance.now() from init to the
 * second requestAnimationFrame, then 30 zoom steps; sigma bundled with esbuild for the test only.)
 * sigma draws the first frame faster but, without a GPU (software WebGL), every zoom/pan frame is 4-7x
 * slower, and it ships only ES modules with bare imports, i.e. it needs a bundler; Cytoscape.js ships a
 * UMD build, edge labels, node shapes, PNG (built in) and SVG export (cytoscape-svg), and the fcose layout.
 * Chosen: Cytoscape.js + cytoscape-fcose.
 * This page, 500-node neighbourhood (bench/page.py): first render 0.8-1.3 s median across runs (layout 0.5-0.8 s, paint 0.2-0.3 s,
 * plus ~0.3 s for /graph); page weight on load ~837 kB uncompressed (CodeMirror and cytoscape-svg load on use).
 * Libraries are installed by `make install` (web/package.json) and served by kg serve under /static/vendor/;
 * nothing is fetched from anywhere but this server.
 * With nothing asked for, the page opens on the supply chain (foundries → processes → chips → vendors) in four
 * columns; the URL (#focus=…&exp=…&sel=…) restores the whole view, expanded nodes included.
 */
"use strict";
(function () {
  const AID = "https://w3id.org/aichip/id/";
  const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
  const AIC = "https://w3id.org/aichip/ontology#";
  const DOC_PREFIX = "https://w3id.org/aichip/doc/";
  const SPARQL_PREFIXES = "PREFIX aic: <" + AIC + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" +
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nPREFIX dct: <http://purl.org/dc/terms/>\n";
  const DEFAULT_LIMIT = 500;

  // Class → colour and shape (shape and colour both vary, so the legend reads without colour vision).
  const CLASSES = {
    ChipVendor: { color: "#1f6fb4", shape: "ellipse" },
    Foundry: { color: "#c62828", shape: "hexagon" },
    Investor: { color: "#ef7d00", shape: "diamond" },
    ResearchFirm: { color: "#7b5a2e", shape: "tag" },
    Organization: { color: "#546e7a", shape: "ellipse" },
    Chip: { color: "#2e8b3e", shape: "round-rectangle" },
    TrainingChip: { color: "#1b6b2a", shape: "round-rectangle" },
    InferenceChip: { color: "#5cb85c", shape: "round-rectangle" },
    ComputingCluster: { color: "#00838f", shape: "barrel" },
    Architecture: { color: "#7e57c2", shape: "triangle" },
    Microarchitecture: { color: "#5e35b1", shape: "vee" },
    ProcessNode: { color: "#ad1457", shape: "octagon" },
    FundingRound: { color: "#c9a100", shape: "star" },
    MarketEstimate: { color: "#6d6d6d", shape: "pentagon" },
    Document: { color: "#9e9e9e", shape: "rectangle" },
    Other: { color: "#90a4ae", shape: "ellipse" },
  };

  // ---------------------------------------------------------------- small helpers
  const $ = (sel, root) => (root || document).querySelector(sel);
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const localName = (iri) => String(iri || "").replace(/^.*[#/]/, "");
  const entityId = (iri) => (String(iri).startsWith(AID) ? String(iri).slice(AID.length) : null);
  const toIri = (idOrIri) => (/^https?:\/\//.test(idOrIri) ? idOrIri : AID + idOrIri);
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const debounce = (fn, ms) => { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; };
  const classOf = (c) => { const n = localName(c); return CLASSES[n] ? n : (n || "Other"); };
  const styleOf = (c) => CLASSES[c] || CLASSES.Other;

  let busy = 0;
  function setBusy(delta) { busy = Math.max(0, busy + delta); document.body.dataset.busy = String(busy); }
  function setStatus(msg, kind) {
    const s = $("#status");
    s.textContent = msg || "";
    s.dataset.kind = kind || "";
  }

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }
  async function api(path, opts) {
    opts = opts || {};
    setBusy(1);
    try {
      const res = await fetch(path, { headers: { Accept: opts.accept || "application/json" }, method: opts.method || "GET", body: opts.body });
      const type = res.headers.get("content-type") || "";
      if (!res.ok) {
        let msg = res.status + " " + res.statusText;
        if (type.includes("json")) { try { const j = await res.json(); msg = j.error || j.detail || msg; } catch (e) { /* keep status text */ } }
        else { try { const t = (await res.text()).trim(); if (t && t.length < 400) msg = t; } catch (e) { /* keep */ } }
        throw new ApiError(res.status, typeof msg === "string" ? msg : JSON.stringify(msg));
      }
      if (opts.raw) return { type, text: await res.text(), headers: res.headers };
      return await res.json();
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError(0, "the server did not answer (" + e.message + ")");
    } finally { setBusy(-1); }
  }

  // A SELECT run for the page itself (overview, labels, documents): bindings as {var: value}.
  async function select(query) {
    const j = await api("/sparql", { method: "POST", accept: "application/sparql-results+json",
      body: new URLSearchParams({ query: SPARQL_PREFIXES + query }) });
    return ((j.results && j.results.bindings) || []).map((b) => {
      const row = {};
      for (const [k, t] of Object.entries(b)) row[k] = t.value;
      for (const [k, t] of Object.entries(b)) if (t["xml:lang"] || t.lang) row[k + "@"] = t["xml:lang"] || t.lang;
      return row;
    });
  }
  const iriList = (iris) => iris.filter((i) => /^https?:\/\/[^<>"{}|^`\\\s]*$/.test(i)).map((i) => "<" + i + ">").join(" ");

  // Money and big numbers as a reader writes them: 1100000000 CNY → "CN¥1.1B" (full figure in the title).
  function formatMoney(amount, currency) {
    const n = Number(amount);
    if (!isFinite(n)) return String(amount);
    const code = /^[A-Z]{3}$/.test(currency || "") ? currency : null;
    if (code) {
      try { return new Intl.NumberFormat("en", { style: "currency", currency: code, notation: "compact", maximumFractionDigits: 2 }).format(n); }
      catch (e) { /* unknown code: number and code below */ }
    }
    return new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 }).format(n) + (currency ? " " + currency : "");
  }
  const fullNumber = (amount, unit) => new Intl.NumberFormat("en").format(Number(amount)) + (unit ? " " + unit : "");
  const yearOf = (d) => (String(d || "").match(/^\d{4}/) || [""])[0];

  // Funding rounds and market estimates have no rdfs:label: their label is made from their facts
  // ("Moore Threads · Series B · 2021", "China AI chip market · 2024"), cached per IRI.
  const described = new Map();
  async function describeSpecial(iris) {
    const todo = [...new Set(iris)].filter((i) => !described.has(i) && entityId(i));
    if (!todo.length) return;
    todo.forEach((i) => described.set(i, null));
    let rows = [];
    try {
      rows = await select("SELECT ?x ?kind ?company ?cl ?name ?amount ?currency ?date ?market ?year ?value ?unit WHERE {\n" +
        "  VALUES ?x { " + iriList(todo) + " }\n" +
        "  { ?x a aic:FundingRound BIND(\"round\" AS ?kind)\n" +
        "    OPTIONAL { ?x aic:fundedCompany ?company OPTIONAL { ?company rdfs:label ?cl } }\n" +
        "    OPTIONAL { ?x aic:roundName ?name } OPTIONAL { ?x aic:amount ?amount }\n" +
        "    OPTIONAL { ?x aic:currency ?currency } OPTIONAL { ?x aic:date ?date } }\n" +
        "  UNION { ?x a aic:MarketEstimate BIND(\"estimate\" AS ?kind)\n" +
        "    OPTIONAL { ?x aic:market ?market } OPTIONAL { ?x aic:year ?year }\n" +
        "    OPTIONAL { ?x aic:value ?value } OPTIONAL { ?x aic:unit ?unit } }\n}");
    } catch (e) { return; }
    const by = new Map();
    for (const r of rows) {
      const cur = by.get(r.x) || {};
      for (const [k, v] of Object.entries(r)) {
        if (k === "cl") { if (!cur.cl || r["cl@"] === "en") cur.cl = v; }
        else if (!k.endsWith("@") && cur[k] === undefined) cur[k] = v;
      }
      by.set(r.x, cur);
    }
    for (const [iri, r] of by) {
      let label, summary;
      if (r.kind === "round") {
        const money = r.amount !== undefined ? formatMoney(r.amount, r.currency) : "";
        label = [r.cl || (r.company ? localName(r.company) : null), r.name || "funding round", yearOf(r.date) || null].filter(Boolean).join(" · ");
        summary = [r.name || "Funding round", r.date ? "dated " + r.date : null,
          money ? money + " (" + fullNumber(r.amount, r.currency) + ")" : "amount not stated"].filter(Boolean).join(" · ");
        described.set(iri, { label, short: money, summary, currency: r.currency });
      } else {
        const money = r.value !== undefined ? formatMoney(r.value, r.unit) : "";
        label = [r.market || "market estimate", r.year ? yearOf(r.year) : null].filter(Boolean).join(" · ");
        summary = [r.market || "Market estimate", r.year ? "for " + r.year : null,
          money ? money + " (" + fullNumber(r.value, r.unit) + ")" : null].filter(Boolean).join(" · ");
        described.set(iri, { label, short: money, summary, currency: r.unit });
      }
    }
  }
  function specialLabel(iri, fallback) { const d = described.get(iri); return d ? d.label : fallback; }
  // Relabel drawn rounds/estimates (two lines: who · what · when, then the amount).
  async function relabelNodes(nodes) {
    const todo = nodes.filter((n) => n.data("cls") === "FundingRound" || n.data("cls") === "MarketEstimate");
    if (!todo.length) return;
    await describeSpecial(todo.map((n) => n.id()));
    cy.batch(() => todo.forEach((n) => {
      const d = described.get(n.id());
      if (d) n.data("label", d.label + (d.short ? "\n" + d.short : ""));
    }));
  }

  // Libraries needed only by some panels load on first use (CodeMirror: SPARQL tab; cytoscape-svg: SVG export).
  const loaded = {};
  function loadScript(src) {
    if (!loaded[src]) {
      setBusy(1);
      loaded[src] = new Promise((resolve, reject) => {
        const s = el("script", { src });
        s.onload = () => resolve(); s.onerror = () => reject(new Error("could not load " + src));
        document.head.append(s);
      }).finally(() => setBusy(-1));
    }
    return loaded[src];
  }
  function loadCss(href) {
    if (!document.querySelector('link[href="' + href + '"]')) document.head.append(el("link", { rel: "stylesheet", href }));
  }

  let routes = null; // paths listed in /openapi.json, so optional routes are probed without a 404
  async function hasRoute(path) {
    if (!routes) {
      try { routes = Object.keys((await api("/openapi.json")).paths || {}); } catch (e) { routes = []; }
    }
    return routes.includes(path);
  }

  function download(name, blob) {
    const a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  // ---------------------------------------------------------------- state and URL
  const state = {
    focus: null, depth: 2, limit: DEFAULT_LIMIT, inferred: true, hiddenClasses: new Set(), hiddenRels: new Set(),
    selected: null, question: "", query: "", tab: "details", pathFrom: "", pathTo: "", expanded: [],
  };
  function readUrl() {
    const p = new URLSearchParams(location.hash.replace(/^#/, "") || location.search.replace(/^\?/, ""));
    state.focus = p.get("focus") || null;
    state.depth = Math.min(3, Math.max(1, parseInt(p.get("depth") || "2", 10) || 2));
    state.limit = Math.min(5000, Math.max(10, parseInt(p.get("limit") || String(DEFAULT_LIMIT), 10) || DEFAULT_LIMIT));
    state.inferred = p.get("inferred") !== "0";
    state.hiddenClasses = new Set((p.get("hide") || "").split(",").filter(Boolean));
    state.hiddenRels = new Set((p.get("hiderel") || "").split(",").filter(Boolean));
    state.selected = p.get("sel") || null;
    state.question = p.get("q") || "";
    state.query = p.get("query") || "";
    state.tab = p.get("tab") || (state.query ? "sparql" : state.question ? "ask" : "details");
    state.pathFrom = p.get("from") || "";
    state.pathTo = p.get("to") || "";
    state.expanded = (p.get("exp") || "").split(",").filter(Boolean);
  }
  function writeUrl(push) {
    const p = new URLSearchParams();
    if (state.focus) p.set("focus", state.focus);
    if (state.depth !== 2) p.set("depth", String(state.depth));
    if (state.limit !== DEFAULT_LIMIT) p.set("limit", String(state.limit));
    if (!state.inferred) p.set("inferred", "0");
    if (state.hiddenClasses.size) p.set("hide", [...state.hiddenClasses].join(","));
    if (state.hiddenRels.size) p.set("hiderel", [...state.hiddenRels].join(","));
    if (state.selected && state.selected !== state.focus) p.set("sel", state.selected);
    if (state.question) p.set("q", state.question);
    if (state.query) p.set("query", state.query);
    if (state.tab !== "details") p.set("tab", state.tab);
    if (state.pathFrom && state.pathTo) { p.set("from", state.pathFrom); p.set("to", state.pathTo); }
    if (state.expanded.length) p.set("exp", state.expanded.join(","));
    const hash = "#" + p.toString();
    if (hash === location.hash) return;
    if (push) history.pushState(null, "", hash); else history.replaceState(null, "", hash);
  }

  // ---------------------------------------------------------------- graph view
  cytoscape.use(cytoscapeFcose);
  const classStyles = Object.entries(CLASSES).map(([name, s]) => ({
    selector: 'node[cls = "' + name + '"]', style: { "background-color": s.color, shape: s.shape },
  }));
  const cy = cytoscape({
    container: $("#cy"),
    minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false,
    style: [
      { selector: "node", style: {
        "background-color": CLASSES.Other.color, label: "data(label)", width: 22, height: 22,
        "font-size": 10, "text-valign": "bottom", "text-margin-y": 3, color: "#1d2330",
        "text-outline-color": "#fff", "text-outline-width": 2, "min-zoomed-font-size": 7,
        "border-width": 1, "border-color": "#fff" } },
      ...classStyles,
      { selector: "edge", style: {
        width: 1.2, "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1", "target-arrow-shape": "triangle",
        "arrow-scale": 0.7, "curve-style": "bezier", label: "data(label)", "font-size": 8, color: "#4a5563",
        "text-rotation": "autorotate", "text-outline-color": "#fff", "text-outline-width": 1.5,
        "min-zoomed-font-size": 9 } },
      { selector: "edge[?inferred]", style: { "line-style": "dashed", "line-color": "#b48ead", "target-arrow-color": "#b48ead" } },
      { selector: ".focus", style: { "border-width": 4, "border-color": "#111", width: 34, height: 34, "font-size": 13, "font-weight": "bold", "z-index": 10 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#0b63ce", "z-index": 11 } },
      { selector: "node.answer", style: { "border-width": 5, "border-color": "#f5b800", width: 36, height: 36, "font-weight": "bold", "z-index": 12 } },
      { selector: "node.path", style: { "border-width": 5, "border-color": "#e0115f", "z-index": 12 } },
      { selector: "edge.path", style: { width: 4, "line-color": "#e0115f", "target-arrow-color": "#e0115f", "z-index": 12, "min-zoomed-font-size": 0 } },
      { selector: "node.ov", style: { "text-halign": "right", "text-valign": "center", "text-margin-x": 5, "text-margin-y": 0,
        width: 16, height: 16, "font-size": 11, "min-zoomed-font-size": 5 } },
      { selector: "edge.ov", style: { label: "", "curve-style": "straight", width: 1, "line-color": "#b7c0cc",
        "target-arrow-shape": "none" } }, // the column headings say which way each relation runs
      { selector: "node.ov.hover", style: { "border-width": 3, "border-color": "#111", "font-weight": "bold", "z-index": 20 } },
      { selector: "edge.ov.hover", style: { "line-color": "#0b63ce", "target-arrow-color": "#0b63ce", width: 2.5, "z-index": 20 } },
      { selector: 'node[cls = "FundingRound"], node[cls = "MarketEstimate"]', style: { "text-wrap": "wrap", "text-max-width": 200 } },
      { selector: ".faded", style: { opacity: 0.18 } },
      { selector: ".faded-more", style: { opacity: 0.08 } },
      { selector: ".filtered", style: { display: "none" } },
    ],
  });

  const metrics = { lastDraw: null };
  const layoutOverrides = {}; // for experiments from the console / bench: window.kg.layoutOverrides

  function layoutOptions(n, randomize) {
    return {
      name: "fcose", quality: n > 1000 ? "draft" : "default", randomize: randomize !== false,
      animate: n <= 120, animationDuration: 400, fit: true, padding: 30,
      nodeRepulsion: () => 6500, idealEdgeLength: () => (n > 200 ? 70 : 90), edgeElasticity: () => 0.45,
      nodeSeparation: 75, numIter: n > 300 ? 1500 : 2500, packComponents: true, tile: true,
      ...layoutOverrides,
    };
  }
  // Up to FORCE_LAYOUT_MAX nodes: fcose (force-directed). Larger neighbourhoods: rings by hop distance from the
  // focus, grouped by class inside each ring, which is near-instant and keeps 500 nodes legible; the Layout
  // button still runs fcose on demand.
  const FORCE_LAYOUT_MAX = 300;
  function runLayout(eles, randomize, force) {
    const target = eles || cy.elements(":visible");
    const n = target.nodes().length;
    if (!n) return Promise.resolve();
    const focus = target.nodes(".focus").first();
    let options;
    if (n > FORCE_LAYOUT_MAX && !force && focus.nonempty() && !layoutOverrides.name) {
      const level = {};
      target.bfs({ roots: focus, directed: false, visit: (v, e, u, i, depth) => { level[v.id()] = depth; } });
      const maxLevel = Math.max(0, ...Object.values(level));
      options = { name: "concentric", fit: true, padding: 30, startAngle: 0, minNodeSpacing: 6, avoidOverlap: true,
        concentric: (node) => maxLevel + 1 - (level[node.id()] === undefined ? maxLevel + 1 : level[node.id()]),
        levelWidth: () => 1, sort: (a, b) => (a.data("cls") < b.data("cls") ? -1 : a.data("cls") > b.data("cls") ? 1 : 0), animate: false };
    } else {
      options = layoutOptions(n, randomize);
    }
    const layout = target.layout(options);
    const done = layout.promiseOn("layoutstop");
    layout.run();
    return done;
  }

  function toElements(data) {
    const out = [];
    for (const n of data.nodes || []) {
      if (cy.getElementById(n.id).nonempty()) continue;
      const k = out.length, a = k * 2.399963, r = 12 * Math.sqrt(k + 1); // sunflower spiral: distinct starting points
      out.push({ group: "nodes", data: { id: n.id, label: n.label || localName(n.id), cls: classOf(n.class || (n.types || [])[0]), types: n.types || [] },
        position: n.position || { x: r * Math.cos(a), y: r * Math.sin(a) }, classes: n.classes || "" });
    }
    const ids = new Set((data.nodes || []).map((n) => n.id));
    for (const e of data.edges || []) {
      const id = e.id || e.source + " " + e.predicate + " " + e.target;
      if (cy.getElementById(id).nonempty()) continue;
      if (!ids.has(e.source) && cy.getElementById(e.source).empty()) continue;
      if (!ids.has(e.target) && cy.getElementById(e.target).empty()) continue;
      out.push({ group: "edges", data: { id, source: e.source, target: e.target, predicate: e.predicate, label: e.label || localName(e.predicate), inferred: !!e.inferred }, classes: e.classes || "" });
    }
    return out;
  }

  // Replace or extend the drawn graph; records the time from data in hand to first painted frame.
  async function drawGraph(data, opts) {
    opts = opts || {};
    const t0 = performance.now();
    let added;
    cy.batch(() => {
      if (opts.replace) cy.elements().remove();
      added = cy.add(toElements(data));
      if (opts.focus) { cy.nodes().removeClass("focus"); cy.getElementById(opts.focus).addClass("focus"); }
    });
    applyFilters();
    await relabelNodes(added.nodes());
    const tAdd = performance.now();
    if (opts.preset) cy.fit(cy.elements(":visible"), 40);
    else if (opts.replace || opts.relayout) await runLayout(null, true);
    else if (added.nodes().length) placeAround(opts.around, added.nodes(), opts.quiet);
    const tLayout = performance.now();
    await new Promise((r) => { cy.one("render", () => r()); cy.forceRender(); });
    await nextFrame();
    const t1 = performance.now();
    metrics.lastDraw = { nodes: cy.nodes().length, edges: cy.edges().length, addMs: tAdd - t0,
      layoutMs: tLayout - tAdd, paintMs: t1 - tLayout, firstRenderMs: t1 - t0, fetchMs: opts.fetchMs || null };
    try { performance.measure("kg-first-render", { start: t0, end: t1 }); } catch (e) { /* older API */ }
    refreshChrome();
    return added;
  }

  // New neighbours of an expanded node go on rings around it; the rest of the drawing stays put.
  function placeAround(centerId, nodes, quiet) {
    const c = centerId && cy.getElementById(centerId).nonempty() ? cy.getElementById(centerId).position() : { x: 0, y: 0 };
    const n = nodes.length;
    nodes.forEach((node, i) => {
      const ring = Math.floor(i / 24), k = i % 24, per = Math.min(24, n - ring * 24);
      const a = (2 * Math.PI * k) / per + ring * 0.3, r = 110 + ring * 70;
      node.position({ x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) });
    });
    if (!quiet) cy.animate({ fit: { eles: nodes.union(cy.getElementById(centerId)), padding: 40 } }, { duration: 300 });
  }

  function graphUrl(iri, depth, limit) {
    const p = new URLSearchParams({ focus: iri, depth: String(depth), limit: String(limit), inferred: "true" });
    return "/graph?" + p.toString();
  }

  async function focusEntity(idOrIri, opts) {
    setBusy(1);
    try { return await _focusEntity(idOrIri, opts); } finally { setBusy(-1); }
  }
  async function _focusEntity(idOrIri, opts) {
    opts = opts || {};
    const iri = toIri(idOrIri);
    beginAction();
    state.focus = entityId(iri) || iri;
    state.selected = null;
    if (!opts.restore) state.expanded = [];
    state.view = "focus";
    writeUrl(opts.push !== false);
    setStatus("Loading the neighbourhood of " + (opts.label || localName(iri)) + "…");
    const t0 = performance.now();
    let data;
    try { data = await api(graphUrl(iri, state.depth, state.limit)); }
    catch (e) { setStatus(e.status === 404 ? "No entity " + localName(iri) + " in the graph." : "Could not load the graph: " + e.message, "error"); return; }
    const fetchMs = performance.now() - t0;
    await drawGraph(data, { replace: true, fetchMs, focus: data.focus || iri });
    const node = cy.getElementById(data.focus || iri);
    if (node.nonempty()) { cy.nodes().unselect(); node.select(); }
    const label = node.nonempty() ? node.data("label") : localName(iri);
    $("#focus-label").textContent = "Focus: " + label;
    setStatus("Showing " + cy.nodes().length + " nodes around " + label + (data.truncated ? " (truncated)" : "") + ".");
    if (!opts.keepPanel) await showEntity(iri, { switchTab: opts.switchTab !== false && state.tab === "details" });
  }

  async function expandNode(iri, opts) {
    setBusy(1);
    try { return await _expandNode(iri, opts || {}); } finally { setBusy(-1); }
  }
  async function _expandNode(iri, opts) {
    beginAction();
    const name = cy.getElementById(iri).data("label") || localName(iri);
    setStatus("Expanding " + name + "…");
    let data;
    try { data = await api(graphUrl(iri, 1, 200)); } catch (e) { setStatus("Could not expand: " + e.message, "error"); return; }
    const id = entityId(iri) || iri;
    if (!state.expanded.includes(id)) { state.expanded.push(id); writeUrl(false); }
    const added = await drawGraph(data, { around: iri, quiet: opts.restore });
    setStatus("Expanded " + String(name).split("\n")[0] + ": " + added.nodes().length + " new node" + (added.nodes().length === 1 ? "" : "s") + ".");
  }

  // ---------------------------------------------------------------- overview: the supply chain in four columns
  const OV_COLUMNS = [["foundry", "Foundries", "offer →"], ["process", "Processes", "← made on"], ["chip", "Chips", "designed by →"], ["vendor", "Vendors", ""]];
  const OV_COL_WIDTH = 250, OV_ROW = 21, OV_MAX_CHIPS = 48;
  const OVERVIEW_QUERY = "SELECT DISTINCT ?chip ?vendor ?process ?foundry ?fab WHERE {\n" +
    "  ?chip aic:designedBy ?vendor .\n" +
    "  { ?chip aic:manufacturedOn ?process OPTIONAL { ?process aic:offeredBy ?foundry } }\n" +
    "  UNION { ?chip aic:fabricatedBy ?fab }\n} LIMIT 5000";
  async function showOverview(opts) {
    setBusy(1);
    try { return await _showOverview(opts || {}); } finally { setBusy(-1); }
  }
  async function _showOverview(opts) {
    beginAction();
    state.focus = null; state.view = "overview";
    if (!opts.restore) { state.expanded = []; state.selected = null; }
    writeUrl(!!opts.push);
    setStatus("Loading the supply chain…");
    const t0 = performance.now();
    let rows;
    try { rows = await select(OVERVIEW_QUERY); }
    catch (e) { setStatus("Could not load the overview: " + e.message, "error"); cy.elements().remove(); refreshChrome(); return; }
    const chipsOf = new Map(), vendorOf = new Map(), procsOf = new Map(), fabOf = new Map(), foundryOf = new Map();
    const add = (m, k, v) => { if (!m.has(k)) m.set(k, new Set()); if (v) m.get(k).add(v); };
    for (const r of rows) {
      add(vendorOf, r.chip, r.vendor); add(chipsOf, r.vendor, r.chip);
      if (r.process) { add(procsOf, r.chip, r.process); if (r.foundry) add(foundryOf, r.process, r.foundry); else add(foundryOf, r.process, null); }
      if (r.fab) add(fabOf, r.chip, r.fab);
    }
    // the chips the supply chain is about: those with a process or a foundry; the biggest vendors' first if too many
    let chips = [...vendorOf.keys()].filter((c) => procsOf.has(c) || fabOf.has(c));
    const total = chips.length;
    const weight = (c) => Math.max(...[...vendorOf.get(c)].map((v) => chipsOf.get(v).size));
    if (chips.length > OV_MAX_CHIPS) chips = chips.sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : 1)).slice(0, OV_MAX_CHIPS);
    const processes = new Set(), foundries = new Set(), vendors = new Set();
    for (const c of chips) {
      (procsOf.get(c) || []).forEach((p) => { processes.add(p); (foundryOf.get(p) || []).forEach((f) => foundries.add(f)); });
      (fabOf.get(c) || []).forEach((f) => foundries.add(f));
      vendorOf.get(c).forEach((v) => vendors.add(v));
    }
    const all = [...chips, ...processes, ...foundries, ...vendors];
    let info = [];
    try { info = all.length ? await select("SELECT ?x ?l ?t WHERE { VALUES ?x { " + iriList(all) + " } { ?x rdfs:label ?l } UNION { ?x a ?t } }") : []; }
    catch (e) { info = []; }
    const labels = {}, types = {};
    const rank = { en: 0, "": 1, ja: 2, zh: 3 };
    for (const r of info) {
      if (r.l !== undefined) { const lg = r["l@"] || ""; const cur = labels[r.x]; if (!cur || (rank[lg] ?? 4) < (rank[cur.lang] ?? 4)) labels[r.x] = { text: r.l, lang: lg }; }
      if (r.t && r.t.startsWith(AIC)) (types[r.x] = types[r.x] || []).push(r.t);
    }
    const label = (i) => (labels[i] ? labels[i].text : localName(i));
    const pickClass = (i, dflt) => {
      const names = (types[i] || []).map(localName);
      return ["TrainingChip", "InferenceChip", "ComputingCluster", "Chip", "ProcessNode", "Foundry", "ChipVendor"].find((n) => names.includes(n)) || dflt;
    };
    // order each column by its neighbours' places (fewer crossings), then by name
    const byName = (a, b) => label(a).localeCompare(label(b));
    const fCount = (f) => chips.filter((c) => [...(procsOf.get(c) || [])].some((p) => (foundryOf.get(p) || new Set()).has(f)) || (fabOf.get(c) || new Set()).has(f)).length;
    const fOrder = [...foundries].sort((a, b) => fCount(b) - fCount(a) || byName(a, b));
    const idx = (list) => new Map(list.map((x, i) => [x, i / Math.max(1, list.length - 1)]));
    const fIdx = idx(fOrder);
    const mean = (xs, m, dflt) => { const v = [...xs].map((x) => m.get(x)).filter((x) => x !== undefined); return v.length ? v.reduce((s, x) => s + x, 0) / v.length : dflt; };
    const pNm = (p) => { const m = label(p).match(/(\d+(?:\.\d+)?)\s*(?:nm|N)/i); return m ? parseFloat(m[1]) : 99; };
    const pOrder = [...processes].sort((a, b) => mean(foundryOf.get(a) || [], fIdx, 1) - mean(foundryOf.get(b) || [], fIdx, 1) || pNm(a) - pNm(b) || byName(a, b));
    const pIdx = idx(pOrder);
    const chipKey = (c) => mean(procsOf.get(c) || [], pIdx, mean(fabOf.get(c) || [], fIdx, 1));
    const chipMean = (v) => { const cs = [...chipsOf.get(v)].filter((c) => chips.includes(c)); return cs.reduce((s, c) => s + chipKey(c), 0) / (cs.length || 1); };
    const vOrder = [...vendors].sort((a, b) => chipMean(a) - chipMean(b) || byName(a, b));
    const vRank = new Map(vOrder.map((v, i) => [v, i]));
    const cOrder = chips.slice().sort((a, b) => chipKey(a) - chipKey(b) || Math.min(...[...vendorOf.get(a)].map((v) => vRank.get(v))) - Math.min(...[...vendorOf.get(b)].map((v) => vRank.get(v))) || byName(a, b));
    const columns = [fOrder, pOrder, cOrder, vOrder];
    // rows OV_ROW apart at least; a small chain is spread to the canvas's shape instead of a thin band
    const height = Math.max(Math.max(...columns.map((c) => c.length)) * OV_ROW, (3 * OV_COL_WIDTH + 160) * (cy.height() / Math.max(1, cy.width())) * 0.8);
    const nodes = [], edges = [], seenEdge = new Set();
    const dflt = ["Foundry", "ProcessNode", "Chip", "ChipVendor"];
    columns.forEach((list, col) => list.forEach((i, row) => nodes.push({
      id: i, label: label(i), types: types[i] || [], class: pickClass(i, dflt[col]), classes: "ov",
      position: { x: col * OV_COL_WIDTH, y: (row + 0.5) * height / list.length } })));
    const edge = (s, p, o) => { const id = s + "|" + AIC + p + "|" + o; if (!seenEdge.has(id)) { seenEdge.add(id); edges.push({ id, source: s, target: o, predicate: p, label: humanize(p), classes: "ov" }); } };
    for (const c of chips) {
      vendorOf.get(c).forEach((v) => edge(c, "designedBy", v));
      const viaProcess = new Set();
      (procsOf.get(c) || []).forEach((p) => { edge(c, "manufacturedOn", p); (foundryOf.get(p) || []).forEach((f) => { if (f) { edge(p, "offeredBy", f); viaProcess.add(f); } }); });
      (fabOf.get(c) || []).forEach((f) => { if (!viaProcess.has(f)) edge(c, "fabricatedBy", f); });
    }
    const fetchMs = performance.now() - t0;
    await drawGraph({ nodes, edges }, { replace: true, preset: true, fetchMs });
    ovColumnsX = columns.map((list, col) => (list.length ? col * OV_COL_WIDTH : null));
    $("#focus-label").textContent = "Overview: the supply chain";
    const shown = chips.length < total ? chips.length + " of " + total : String(total);
    setStatus(nodes.length ? "Supply chain: " + shown + " chips from " + vendors.size + " vendors, made on " + processes.size +
      " processes at " + foundries.size + " foundries. Click a node for its facts, double-click to expand, or search." :
      "The graph has no chips with a designer and a process or foundry yet: search for an entity or run a query.");
    placeHeads();
  }
  let ovColumnsX = null;
  const humanize = (p) => localName(p).replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  // Column headings above the overview, following pan and zoom (HTML over the canvas, never over a node).
  function placeHeads() {
    const box = $("#ov-heads");
    const on = state.view === "overview" && ovColumnsX && cy.nodes(".ov").nonempty();
    box.hidden = !on;
    if (!on) return;
    const top = cy.nodes(".ov").reduce((m, n) => Math.min(m, n.renderedBoundingBox({ includeLabels: false }).y1), Infinity);
    box.replaceChildren(...OV_COLUMNS.map(([key, title, rel], i) => {
      if (ovColumnsX[i] === null) return null;
      const x = ovColumnsX[i] * cy.zoom() + cy.pan().x;
      return el("div", { class: "ov-head", style: "left:" + Math.round(x - 8) + "px;top:" + Math.max(0, Math.round(top - 24)) + "px" },
        el("strong", { text: title }), rel ? el("span", { class: "muted", text: " " + rel }) : null);
    }).filter(Boolean));
  }
  cy.on("viewport resize", () => { if (state.view === "overview") placeHeads(); });
  cy.on("mouseover", "node.ov", (ev) => ev.target.closedNeighborhood().addClass("hover"));
  cy.on("mouseout", "node.ov", () => cy.elements(".hover").removeClass("hover"));

  // ---------------------------------------------------------------- filters, legend
  function applyFilters() {
    cy.batch(() => {
      cy.elements().removeClass("filtered");
      cy.nodes().forEach((n) => { if (state.hiddenClasses.has(n.data("cls"))) n.addClass("filtered"); });
      cy.edges().forEach((e) => {
        if (state.hiddenRels.has(localName(e.data("predicate"))) || (!state.inferred && e.data("inferred")) ||
            e.source().hasClass("filtered") || e.target().hasClass("filtered")) e.addClass("filtered");
      });
      if (!state.inferred) {
        // a node reached only through inferred facts goes with them
        cy.nodes().forEach((n) => {
          const es = n.connectedEdges();
          if (es.length && !n.hasClass("focus") && es.every((e) => e.data("inferred"))) n.addClass("filtered");
        });
      }
    });
  }

  function refreshChrome() {
    const counts = {};
    cy.nodes().forEach((n) => { counts[n.data("cls")] = (counts[n.data("cls")] || 0) + 1; });
    const rels = {};
    cy.edges().forEach((e) => { const k = localName(e.data("predicate")); rels[k] = rels[k] || { n: 0, label: e.data("label") }; rels[k].n++; });
    // legend: one toggle per class present
    const legend = $("#legend");
    legend.replaceChildren(...Object.keys(counts).sort().map((c) => el("button", {
      type: "button", class: "legend-item", "aria-pressed": String(!state.hiddenClasses.has(c)),
      title: (state.hiddenClasses.has(c) ? "Show " : "Hide ") + c,
      onclick: () => { toggleSet(state.hiddenClasses, c); filtersChanged(); },
    }, shapeIcon(c), el("span", { text: c + " " + counts[c] }))));
    $("#class-filters").replaceChildren(...Object.keys(counts).sort().map((c) => checkRow("cls-" + c, c + " (" + counts[c] + ")",
      !state.hiddenClasses.has(c), () => { toggleSet(state.hiddenClasses, c); filtersChanged(); }, shapeIcon(c))));
    $("#rel-filters").replaceChildren(...Object.keys(rels).sort().map((r) => checkRow("rel-" + r, rels[r].label + " (" + rels[r].n + ")",
      !state.hiddenRels.has(r), () => { toggleSet(state.hiddenRels, r); filtersChanged(); })));
    $("#empty").hidden = cy.nodes().length > 0;
    placeHeads();
    const visible = cy.nodes(":visible").length;
    $("#graph-summary").textContent = visible + " of " + cy.nodes().length + " nodes and " + cy.edges(":visible").length + " edges shown" +
      (state.focus ? "; focus " + ($("#focus-label").textContent.replace(/^Focus: /, "") || state.focus) : "") + ".";
  }
  function toggleSet(set, v) { if (set.has(v)) set.delete(v); else set.add(v); }
  function filtersChanged() { applyFilters(); refreshChrome(); writeUrl(false); }
  function checkRow(id, text, checked, onchange, icon) {
    return el("label", { class: "check", for: id }, el("input", { type: "checkbox", id, checked: checked || null, onchange }), icon || null, text);
  }
  function shapeIcon(c) {
    const s = styleOf(c), ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 20 20"); svg.setAttribute("width", "14"); svg.setAttribute("height", "14"); svg.setAttribute("aria-hidden", "true");
    const pts = { hexagon: "5,2 15,2 19,10 15,18 5,18 1,10", diamond: "10,1 19,10 10,19 1,10", triangle: "10,2 19,18 1,18",
      vee: "1,2 10,8 19,2 10,18", octagon: "6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6", pentagon: "10,1 19,8 15,19 5,19 1,8",
      star: "10,1 12.6,7 19,7.6 14,11.8 15.6,18.5 10,15 4.4,18.5 6,11.8 1,7.6 7.4,7", tag: "1,3 14,3 19,10 14,17 1,17" }[s.shape];
    let shape;
    if (pts) { shape = document.createElementNS(ns, "polygon"); shape.setAttribute("points", pts); }
    else if (s.shape === "ellipse") { shape = document.createElementNS(ns, "circle"); shape.setAttribute("cx", "10"); shape.setAttribute("cy", "10"); shape.setAttribute("r", "8.5"); }
    else { shape = document.createElementNS(ns, "rect"); shape.setAttribute("x", "1.5"); shape.setAttribute("y", "3"); shape.setAttribute("width", "17"); shape.setAttribute("height", "14"); shape.setAttribute("rx", s.shape === "rectangle" ? "0" : "3"); }
    shape.setAttribute("fill", s.color);
    svg.append(shape);
    return svg;
  }

  // ---------------------------------------------------------------- details panel
  let entitySeq = 0;
  async function showEntity(iri, opts) {
    opts = opts || {};
    const seq = ++entitySeq;
    const box = $("#entity");
    if (opts.switchTab !== false) selectTab("details");
    const id = entityId(iri);
    const node = cy.getElementById(iri);
    if (String(iri).startsWith(DOC_PREFIX)) { await showDocument(iri, seq); return; }
    if (!id) {
      box.replaceChildren(el("h2", { text: node.nonempty() ? node.data("label") : localName(iri) }), el("p", {}, el("code", { text: iri })));
      return;
    }
    box.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
    let ent;
    try { ent = await api("/entity/" + encodeURIComponent(id).replace(/%2F/g, "/")); }
    catch (e) {
      if (seq === entitySeq) box.replaceChildren(el("p", { class: "error", text: "Could not load " + id + ": " + e.message }));
      return;
    }
    if (seq !== entitySeq) return;
    const unlabelled = [ent.iri, ...(ent.facts || []).filter((f) => f.value_type === "iri" && f.value_label === localName(f.value)).map((f) => f.value)];
    await describeSpecial(unlabelled.filter((i) => entityId(i)));
    if (seq !== entitySeq) return;
    box.replaceChildren(...renderEntity(ent));
  }

  const isUrl = (v) => /^https?:\/\//.test(String(v || ""));
  function outboundLabel(iri) {
    const wd = String(iri).match(/^https?:\/\/www\.wikidata\.org\/(?:entity|wiki)\/(Q\d+)$/);
    if (wd) return "Wikidata " + wd[1];
    return String(iri).replace(/^https?:\/\//, "");
  }
  function outbound(iri, text) {
    return el("a", { href: iri, target: "_blank", rel: "noopener noreferrer", class: "outbound", title: iri }, text || outboundLabel(iri), el("span", { "aria-hidden": "true", text: " ↗" }));
  }
  // A citation: the document (a link: its source when that is a URL, else its page here) and its date.
  function citation(e, extra) {
    const title = e.document_title || (e.document ? localName(e.document) : "document");
    let link;
    if (isUrl(e.document_source)) link = outbound(e.document_source, title);
    else if (e.document) link = el("a", { href: docHref(e.document), class: "doc-link", title: e.document_source || e.document,
      onclick: (ev) => { ev.preventDefault(); openDocument(e.document); } }, title);
    else link = title;
    return el("div", { class: "cite" }, "— ", el("cite", {}, link), e.document_date ? el("span", { class: "date", text: " · " + e.document_date }) : null,
      e.confidence !== undefined && e.confidence !== null ? el("span", { class: "muted", text: " · confidence " + Number(e.confidence).toFixed(2) }) : null,
      extra && e.extractor ? el("span", { class: "muted", text: " · " + e.extractor }) : null);
  }
  function docHref(iri) {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    p.set("sel", iri); p.set("tab", "details");
    return "#" + p.toString();
  }
  function openDocument(iri) {
    state.selected = iri; writeUrl(true);
    showEntity(iri);
  }
  function evidenceBlock(evs) {
    if (!evs.length) return null;
    const docs = new Set(evs.map((e) => e.document)).size;
    return el("details", { class: "evidence-fold" },
      el("summary", { text: evs.length + (evs.length === 1 ? " sentence" : " sentences") + (docs > 1 ? " from " + docs + " documents" : "") }),
      el("ul", { class: "evidence-list", "aria-label": "Evidence" }, evs.map((e) => el("li", { class: "evidence" },
        el("blockquote", { text: e.sentence || "" }), citation(e, true)))));
  }
  function literalText(f, ent) {
    const p = localName(f.predicate), v = f.value;
    if ((p === "amount" || p === "value") && isFinite(Number(v))) {
      const unitFact = (ent.facts || []).find((g) => localName(g.predicate) === (p === "amount" ? "currency" : "unit"));
      const unit = unitFact ? String(unitFact.value) : "";
      return formatMoney(v, unit) + " (" + fullNumber(v, unit) + ")";
    }
    if (typeof v === "number" && Math.abs(v) >= 10000) return fullNumber(v);
    return f.value_label || String(v);
  }
  function factItem(f, ent) {
    let value;
    if (f.value_type === "iri" || (!f.value_type && isUrl(f.value))) {
      const label = specialLabel(f.value, f.value_label || localName(f.value));
      value = entityId(f.value) ? el("button", { type: "button", class: "link", onclick: () => selectOrFocus(f.value, label) }, label) : outbound(f.value);
    } else value = el("span", { class: "literal", text: literalText(f, ent) });
    return el("li", { class: "fact" + (f.inferred ? " inferred" : "") },
      el("div", { class: "fact-line" }, value,
        f.inferred ? el("span", { class: "badge", title: f.rule ? "rule: " + f.rule : "inferred", text: "inferred" + (f.rule ? ": " + localName(f.rule) : "") }) : null),
      evidenceBlock(f.evidence || []));
  }

  function renderEntity(ent) {
    const out = [];
    const special = described.get(ent.iri);
    out.push(el("h2", { id: "entity-title", text: special ? special.label : ent.label || localName(ent.iri) }));
    if (special && special.summary) out.push(el("p", { class: "summary", text: special.summary }));
    out.push(el("p", { class: "iri" }, el("code", { text: ent.iri })));
    out.push(el("div", { class: "types", "aria-label": "Types" }, (ent.types || []).map((t) => el("span", { class: "chip" }, shapeIcon(classOf(t)), localName(t)))));
    const labels = ent.labels || {};
    const langs = ["en", "ja", "zh", ...Object.keys(labels).filter((l) => !["en", "ja", "zh"].includes(l))];
    out.push(el("dl", { class: "labels", "aria-label": "Labels" }, langs.map((l) => [
      el("dt", { text: l }), el("dd", { lang: l || null, text: (labels[l] || []).join(" · ") || "—" })])));
    out.push(el("div", { class: "row" },
      el("button", { type: "button", onclick: () => focusEntity(ent.iri, { label: ent.label }) }, "Centre graph here"),
      el("button", { type: "button", onclick: () => expandNode(ent.iri) }, "Expand neighbours"),
      el("button", { type: "button", onclick: () => { setPathEnd("from", ent.iri, ent.label); selectTab("path"); $("#path-to").focus(); } }, "Path from here")));
    const facts = (ent.facts || []).filter((f) => state.inferred || !f.inferred);
    const groups = new Map();
    for (const f of facts) {
      const key = (f.direction === "in" ? "← " : "") + (f.predicate_label || humanize(f.predicate));
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(f);
    }
    out.push(el("h3", { text: "Facts (" + facts.length + ", " + groups.size + " relation" + (groups.size === 1 ? "" : "s") + ")" }));
    out.push(el("div", { class: "groups" }, [...groups].map(([key, fs]) => el("details", { class: "rel-group", open: fs.length <= 8 || null },
      el("summary", {}, el("span", { class: "pred", text: key }), el("span", { class: "count", text: " " + fs.length })),
      el("ul", { class: "facts" }, fs.map((f) => factItem(f, ent)))))));
    return out;
  }
  async function showDocument(iri, seq) {
    const box = $("#entity");
    box.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
    let meta, sents;
    try {
      meta = await select("SELECT ?p ?v WHERE { VALUES ?d { " + iriList([iri]) + " } ?d ?p ?v FILTER(?p IN (dct:title, dct:date, dct:source, dct:language)) }");
      sents = await select("SELECT DISTINCT ?sentence ?start ?s ?p ?o WHERE { ?ev aic:document " + iriList([iri]) +
        " ; aic:sentence ?sentence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o OPTIONAL { ?ev aic:charStart ?start } } LIMIT 2000");
    } catch (e) { if (seq === entitySeq) box.replaceChildren(el("p", { class: "error", text: "Could not load the document: " + e.message })); return; }
    if (seq !== entitySeq) return;
    const m = {};
    for (const r of meta) m[localName(r.p)] = r.v;
    const bySentence = new Map();
    for (const r of sents) {
      const k = r.sentence;
      if (!bySentence.has(k)) bySentence.set(k, { start: Number(r.start || 0), facts: [] });
      bySentence.get(k).facts.push(r);
    }
    const ids = [...new Set(sents.flatMap((r) => [r.s, r.o]).filter((x) => entityId(x)))];
    let names = {};
    try {
      for (const r of ids.length ? await select("SELECT ?x ?l WHERE { VALUES ?x { " + iriList(ids) + " } ?x rdfs:label ?l }") : []) {
        if (!names[r.x] || r["l@"] === "en") names[r.x] = r.l;
      }
      await describeSpecial(ids.filter((x) => !names[x]));
    } catch (e) { names = {}; }
    if (seq !== entitySeq) return;
    const nm = (x) => (entityId(x) ? specialLabel(x, names[x] || localName(x)) : x);
    box.replaceChildren(el("h2", { id: "entity-title", text: m.title || localName(iri) }),
      el("p", { class: "iri" }, el("code", { text: iri })),
      el("dl", { class: "labels doc-meta" },
        el("dt", { text: "date" }), el("dd", { text: m.date || "—" }),
        el("dt", { text: "lang" }), el("dd", { text: m.language || "—" }),
        el("dt", { text: "source" }), el("dd", {}, isUrl(m.source) ? outbound(m.source) : el("code", { text: m.source || "—" }))),
      el("h3", { text: bySentence.size + " sentence" + (bySentence.size === 1 ? "" : "s") + " cited as evidence, in reading order" }),
      el("ol", { class: "doc-sentences" }, [...bySentence].sort((a, b) => a[1].start - b[1].start).map(([text, v]) => el("li", {},
        el("blockquote", { text }),
        el("ul", { class: "doc-facts" }, v.facts.map((r) => el("li", { class: "muted" },
          nm(r.s) + " — " + humanize(r.p) + " → " + (isUrl(r.o) ? nm(r.o) : r.o))))))));
  }

  function selectOrFocus(iri, label) {
    const n = cy.getElementById(iri);
    if (n.nonempty()) { cy.nodes().unselect(); n.select(); cy.animate({ center: { eles: n } }, { duration: 250 }); state.selected = entityId(iri) || iri; writeUrl(false); showEntity(iri); }
    else focusEntity(iri, { label });
  }

  // ---------------------------------------------------------------- suggestions (search and path ends)
  function attachSuggest(input, list, onPick) {
    let items = [], active = -1, seq = 0;
    const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1; };
    const setActive = (i) => {
      active = i;
      [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
      if (i >= 0) input.setAttribute("aria-activedescendant", list.children[i].id); else input.removeAttribute("aria-activedescendant");
    };
    const pick = (r) => { close(); input.value = r.label; onPick(r); };
    const fetchSuggestions = debounce(async () => {
      const q = input.value.trim();
      const mine = ++seq;
      if (!q) { close(); return; }
      let data;
      try { data = await api("/search?" + new URLSearchParams({ q, limit: "8" })); } catch (e) { close(); setStatus("Search failed: " + e.message, "error"); return; }
      if (mine !== seq) return;
      items = data.results || [];
      list.replaceChildren(...items.map((r, i) => {
        const other = ["ja", "zh"].map((l) => ((r.labels || {})[l] || [])[0]).filter(Boolean).join(" · ");
        return el("li", { role: "option", id: list.id + "-" + i, "aria-selected": "false", class: "suggestion",
          onmousedown: (ev) => { ev.preventDefault(); pick(r); } },
          shapeIcon(classOf((r.types || [])[0])), el("span", { class: "s-label", text: r.label }),
          other ? el("span", { class: "s-other", text: other }) : null,
          el("span", { class: "s-type", text: (r.types || []).map(localName).join(", ") }));
      }));
      if (!items.length) list.replaceChildren(el("li", { class: "suggestion none", role: "option", "aria-disabled": "true", text: "No match" }));
      list.hidden = false; input.setAttribute("aria-expanded", "true"); setActive(-1);
    }, 140);
    input.addEventListener("input", () => { delete input.dataset.iri; fetchSuggestions(); });
    input.addEventListener("keydown", async (ev) => {
      if (ev.key === "ArrowDown" && items.length && !list.hidden) { ev.preventDefault(); setActive((active + 1) % items.length); }
      else if (ev.key === "ArrowUp" && items.length && !list.hidden) { ev.preventDefault(); setActive((active - 1 + items.length) % items.length); }
      else if (ev.key === "Escape") { if (!list.hidden) { ev.preventDefault(); close(); } }
      else if (ev.key === "Enter") {
        ev.preventDefault();
        if (active >= 0 && items[active]) { pick(items[active]); return; }
        const q = input.value.trim();
        if (!q) return;
        try {
          const data = await api("/search?" + new URLSearchParams({ q, limit: "1" }));
          if ((data.results || []).length) pick(data.results[0]); else setStatus("Nothing matches “" + q + "”.", "error");
        } catch (e) { setStatus("Search failed: " + e.message, "error"); }
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
    return { close, resolve: async () => {
      if (input.dataset.iri) return input.dataset.iri;
      const q = input.value.trim();
      if (!q) return null;
      const data = await api("/search?" + new URLSearchParams({ q, limit: "1" }));
      return (data.results || [])[0] ? data.results[0].iri : null;
    } };
  }

  // ---------------------------------------------------------------- tabs
  const TABS = ["details", "filters", "path", "ask", "sparql"];
  function selectTab(name, focusTab) {
    if (!TABS.includes(name)) name = "details";
    state.tab = name;
    for (const t of TABS) {
      const tab = $("#tab-" + t), pane = $("#pane-" + t), on = t === name;
      tab.setAttribute("aria-selected", String(on)); tab.tabIndex = on ? 0 : -1; pane.hidden = !on;
    }
    if (focusTab) $("#tab-" + name).focus();
    if (name === "sparql") ensureEditor().then(() => editor && editor.refresh()).catch((e) => setStatus(e.message, "error"));
    writeUrl(false);
  }
  $(".tabs").addEventListener("click", (ev) => { const b = ev.target.closest("[role=tab]"); if (b) selectTab(b.id.slice(4)); });
  $(".tabs").addEventListener("keydown", (ev) => {
    const i = TABS.indexOf(state.tab);
    const to = { ArrowRight: (i + 1) % TABS.length, ArrowLeft: (i - 1 + TABS.length) % TABS.length, Home: 0, End: TABS.length - 1 }[ev.key];
    if (to !== undefined) { ev.preventDefault(); selectTab(TABS[to], true); }
  });

  // ---------------------------------------------------------------- highlights
  function clearHighlights() {
    cy.elements().removeClass("answer path faded faded-more");
    $("#path-result").replaceChildren();
  }
  function beginAction() { setStatus(""); clearHighlights(); }
  // Answers keep their neighbours in view; a path (strict) fades everything that is not on it.
  function highlight(nodes, edges, cls, strict) {
    cy.batch(() => {
      cy.elements().removeClass(cls).removeClass("faded faded-more");
      nodes.addClass(cls); if (edges) edges.addClass(cls);
      const on = nodes.union(edges || cy.collection());
      const keep = strict ? on : on.union(nodes.neighborhood());
      cy.elements().difference(keep).addClass(strict ? "faded-more" : "faded");
    });
    const view = strict ? nodes : nodes.union(nodes.neighborhood());
    if (nodes.nonempty()) fitGently(view, 60);
  }
  // Fit these elements, but never closer than 1.5× (three nodes should not fill the screen).
  function fitGently(eles, padding) {
    const bb = eles.boundingBox(), w = cy.width() - 2 * padding, h = cy.height() - 2 * padding;
    const level = Math.min(1.5, Math.max(cy.minZoom(), Math.min(w / Math.max(1, bb.w), h / Math.max(1, bb.h))));
    const c = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    cy.animate({ zoom: level, pan: { x: cy.width() / 2 - c.x * level, y: cy.height() / 2 - c.y * level } }, { duration: 300 });
  }

  // Bring entities into the drawing (depth-1 neighbourhoods), for answers and paths outside the view.
  async function ensureNodes(iris) {
    const missing = iris.filter((i) => cy.getElementById(i).empty()).slice(0, 15);
    if (!missing.length) return;
    const wasEmpty = cy.nodes().empty();
    const parts = await Promise.all(missing.map((i) => api(graphUrl(i, 1, 60)).catch(() => ({ nodes: [], edges: [] }))));
    const merged = { nodes: parts.flatMap((p) => p.nodes || []), edges: parts.flatMap((p) => p.edges || []) };
    await drawGraph(merged, { replace: wasEmpty, relayout: !wasEmpty });
  }

  // ---------------------------------------------------------------- Ask
  async function ask(question, opts) {
    setBusy(1);
    try { return await _ask(question, opts); } finally { setBusy(-1); }
  }
  async function _ask(question, opts) {
    opts = opts || {};
    beginAction();
    state.question = question;
    writeUrl(false);
    const box = $("#ask-result");
    box.replaceChildren(el("p", { class: "muted", text: "Thinking…" }));
    let res;
    try { res = await api("/ask?" + new URLSearchParams({ q: question })); }
    catch (e) {
      box.replaceChildren(el("p", { class: "error", text: e.status === 404 ? "The question answerer is not available on this server." : "Could not answer: " + e.message }));
      return;
    }
    window.kg.lastAnswer = res;
    const out = [];
    if (!res.understood) out.push(el("p", { class: "error", text: res.message || "The question was not understood." }));
    const hasValue = res.value !== null && res.value !== undefined;
    if (hasValue) out.push(el("p", { class: "value" }, "Answer: ", el("strong", { text: res.unit ? formatMoney(res.value, res.unit) + " (" + fullNumber(res.value, res.unit) + ")" : String(res.value) })));
    if (res.understood && res.summary) out.push(el("p", { class: "summary", text: res.summary }));
    const answers = res.answers || [];
    if (answers.length) {
      out.push(el("h3", { text: answers.length + " answer" + (answers.length > 1 ? "s" : "") }));
      out.push(el("ul", { class: "answers" }, answers.map((a) => el("li", {},
        el("button", { type: "button", class: "link answer-link", onclick: () => selectOrFocus(a.iri, a.label) }, a.label || localName(a.iri))))));
    } else if (res.understood && !hasValue) out.push(el("p", { text: "No answers in the graph." }));
    if (res.sparql) {
      out.push(el("h3", { text: "Generated SPARQL" }));
      out.push(el("pre", { class: "sparql", id: "ask-sparql", tabindex: "0" }, el("code", { text: res.sparql })));
      out.push(el("button", { type: "button", onclick: () => { setQuery(res.sparql); selectTab("sparql", true); } }, "Open in SPARQL editor"));
    }
    if ((res.evidence || []).length) {
      out.push(el("h3", { text: "Evidence" }));
      out.push(el("ul", { class: "evidence-list" }, res.evidence.map((e) => el("li", { class: "evidence" },
        el("blockquote", { text: e.sentence || "" }),
        el("div", { class: "cite" }, "— ", el("cite", { text: e.document_title || localName(e.document) || "document" }),
          e.confidence !== undefined && e.confidence !== null ? el("span", { class: "muted", text: " · confidence " + Number(e.confidence).toFixed(2) }) : null)))));
    }
    box.replaceChildren(...out);
    if (answers.length) {
      const iris = answers.map((a) => a.iri).filter(Boolean);
      await ensureNodes(iris);
      const nodes = cy.collection(iris.map((i) => cy.getElementById(i)).filter((n) => n.nonempty()));
      highlight(nodes, null, "answer");
      setStatus(nodes.length + " answer" + (nodes.length === 1 ? "" : "s") + " highlighted in the graph.");
    }
  }

  // ---------------------------------------------------------------- SPARQL editor
  let editor = null, examples = [], lastTable = null;
  function setQuery(q) { if (editor) editor.setValue(q); else $("#sparql-editor").value = q; }
  function getQuery() { return editor ? editor.getValue() : $("#sparql-editor").value; }

  function parseNTriples(text) {
    const term = /<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?/g;
    const unesc = (s) => s.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})|\\(.)/g, (m, u, U, c) =>
      u ? String.fromCharCode(parseInt(u, 16)) : U ? String.fromCodePoint(parseInt(U, 16)) : ({ n: "\n", t: "\t", r: "\r" }[c] || c));
    const triples = [];
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim() || line.trim().startsWith("#")) continue;
      const terms = [];
      term.lastIndex = 0;
      let m;
      while (terms.length < 3 && (m = term.exec(line))) {
        if (m[1] !== undefined) terms.push({ type: "uri", value: m[1] });
        else if (m[2] !== undefined) terms.push({ type: "bnode", value: m[2] });
        else terms.push({ type: "literal", value: unesc(m[3]), lang: m[4], datatype: m[5] });
      }
      if (terms.length === 3) triples.push(terms);
    }
    return triples;
  }

  function triplesToGraph(triples) {
    const labels = {}, types = {}, nodes = new Map(), edges = [];
    for (const [s, p, o] of triples) {
      if (p.value === RDFS_LABEL && o.type === "literal") { if (!labels[s.value] || o.lang === "en") labels[s.value] = o.value; }
      else if (p.value === RDF_TYPE && o.type === "uri") (types[s.value] = types[s.value] || []).push(o.value);
    }
    const addNode = (t) => { if (!nodes.has(t.value)) nodes.set(t.value, { id: t.value }); };
    for (const [s, p, o] of triples) {
      if (p.value === RDFS_LABEL || p.value === RDF_TYPE || o.type === "literal") { addNode(s); continue; }
      addNode(s); addNode(o);
      edges.push({ id: s.value + " " + p.value + " " + o.value, source: s.value, target: o.value, predicate: p.value, label: localName(p.value) });
    }
    const mostSpecific = (ts) => {
      const names = (ts || []).map(localName);
      return names.find((n) => ["TrainingChip", "InferenceChip", "Microarchitecture", "ChipVendor", "Foundry", "Investor", "ResearchFirm"].includes(n)) || names[0];
    };
    return { nodes: [...nodes.values()].map((n) => ({ id: n.id, label: labels[n.id] || localName(n.id), types: types[n.id] || [], class: mostSpecific(types[n.id]) })), edges };
  }

  function renderTable(vars, rows) {
    lastTable = { vars, rows };
    const cap = 1000;
    $("#results thead").replaceChildren(el("tr", {}, vars.map((v) => el("th", { scope: "col", text: v }))));
    $("#results tbody").replaceChildren(...rows.slice(0, cap).map((r) => el("tr", {}, vars.map((v) => {
      const t = r[v];
      if (!t) return el("td", {});
      if (t.type === "uri") {
        const id = entityId(t.value);
        return el("td", {}, id ? el("button", { type: "button", class: "link", title: t.value, "data-iri": t.value, onclick: () => selectOrFocus(t.value) }, specialLabel(t.value, localName(t.value))) : el("span", { title: t.value, text: localName(t.value) || t.value }));
      }
      const unit = v === "amount" ? r.currency : v === "value" ? r.unit : null; // the ontology's money pairs
      if (unit && isFinite(Number(t.value))) return el("td", { title: fullNumber(t.value, unit.value) }, formatMoney(t.value, unit.value));
      return el("td", {}, el("span", { lang: t["xml:lang"] || t.lang || null, text: t.value }),
        t["xml:lang"] || t.lang ? el("span", { class: "muted", text: " @" + (t["xml:lang"] || t.lang) }) : null);
    }))));
    $("#export-csv").disabled = !rows.length;
    // rounds and estimates have no label: name them once described (the IRI stays in the title)
    const iris = [...new Set(rows.slice(0, cap).flatMap((r) => vars.map((v) => r[v]).filter((t) => t && t.type === "uri" && entityId(t.value)).map((t) => t.value)))];
    describeSpecial(iris.slice(0, 300)).then(() => document.querySelectorAll("#results button[data-iri]").forEach((b) => {
      const d = described.get(b.dataset.iri); if (d) b.textContent = d.label;
    })).catch(() => {});
    return rows.length > cap ? " (first " + cap + " shown)" : "";
  }

  async function runSparql(opts) {
    setBusy(1);
    try { return await _runSparql(opts); } finally { setBusy(-1); }
  }
  async function _runSparql(opts) {
    opts = opts || {};
    const q = getQuery().trim();
    if (!q) return;
    beginAction();
    state.query = q;
    writeUrl(false);
    const status = $("#sparql-status");
    status.textContent = "Running…";
    $("#sparql-truncated").hidden = true;
    const t0 = performance.now();
    let res;
    try {
      res = await api("/sparql", { method: "POST", raw: true, accept: "application/sparql-results+json, application/n-triples;q=0.9",
        body: new URLSearchParams({ query: q }) });
    } catch (e) {
      status.textContent = ""; $("#results thead").replaceChildren(); $("#results tbody").replaceChildren();
      lastTable = null; $("#export-csv").disabled = true;
      setStatus("Query failed: " + e.message, "error");
      status.textContent = "Error: " + e.message;
      return;
    }
    const ms = Math.round(performance.now() - t0);
    const cut = res.headers && res.headers.get("X-SPARQL-Truncated");
    if (res.type.includes("json")) {
      const j = JSON.parse(res.text);
      if (cut === "true" || j.truncated === true) {
        const cap = (res.headers && res.headers.get("X-SPARQL-Row-Cap")) || j.rowCap || "";
        const t = $("#sparql-truncated");
        t.textContent = "Truncated: the server's row cap" + (cap ? " of " + cap + " rows" : "") + " cut this answer; add LIMIT/OFFSET or narrow the query to see the rest.";
        t.hidden = false;
      }
      if (j.boolean !== undefined) { renderTable(["boolean"], [{ boolean: { type: "literal", value: String(j.boolean) } }]); status.textContent = "ASK → " + j.boolean + " (" + ms + " ms)"; return; }
      const vars = (j.head && j.head.vars) || [], rows = (j.results && j.results.bindings) || [];
      const note = renderTable(vars, rows);
      status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + note + " in " + ms + " ms";
    } else {
      const triples = parseNTriples(res.text);
      const note = renderTable(["subject", "predicate", "object"], triples.map(([s, p, o]) => ({ subject: s, predicate: p, object: o })));
      status.textContent = triples.length + " triples" + note + " in " + ms + " ms; drawn in the graph";
      if (opts.draw === false) { status.textContent += " (not drawn: the view shows the focus)"; return; }
      const g = triplesToGraph(triples);
      state.focus = null; state.view = "query"; if (!opts.restore) state.expanded = [];
      $("#focus-label").textContent = "CONSTRUCT result";
      writeUrl(false);
      await drawGraph(g, { replace: true });
    }
  }

  function toCsv(vars, rows) {
    const q = (s) => (/[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
    return [vars.map(q).join(","), ...rows.map((r) => vars.map((v) => q(r[v] ? String(r[v].value) : "")).join(","))].join("\r\n") + "\r\n";
  }

  // ---------------------------------------------------------------- paths
  function setPathEnd(which, iri, label) {
    const input = $("#path-" + which);
    input.value = label || localName(iri); input.dataset.iri = iri;
  }
  function pathNodesFrom(result) {
    // /analytics/path returns {"paths": [[{from, relation, to}, …], …]}; accept plain IRI lists too
    const first = (result.paths || [])[0] || result.path || [];
    if (!first.length) return [];
    if (typeof first[0] === "string") return first;
    if (first[0].from !== undefined) return [first[0].from, ...first.map((h) => h.to)];
    return first.map((n) => n.iri || n.id).filter(Boolean);
  }
  async function highlightPath(fromIri, toIri2) {
    setBusy(1);
    try { return await _highlightPath(fromIri, toIri2); } finally { setBusy(-1); }
  }
  async function _highlightPath(fromIri, toIri2) {
    beginAction();
    const box = $("#path-result");
    box.replaceChildren(el("p", { class: "muted", text: "Searching…" }));
    let seq = null, via = "loaded graph", hops = null;
    if (await hasRoute("/analytics/path")) {
      try {
        const r = await api("/analytics/path?" + new URLSearchParams({ source: fromIri, target: toIri2 }));
        seq = pathNodesFrom(r); via = "server";
        hops = ((r.paths || [])[0] || []).filter((h) => h && h.from !== undefined);
        if (seq.length) await ensureNodes(seq);
      } catch (e) { seq = null; }
    }
    let nodes = cy.collection(), edges = cy.collection();
    if (seq && seq.length) {
      seq.forEach((i, k) => {
        const n = cy.getElementById(i); if (n.nonempty()) nodes = nodes.union(n);
        if (k) edges = edges.union(cy.getElementById(seq[k - 1]).edgesWith(n));
      });
    } else {
      await ensureNodes([fromIri, toIri2]);
      const a = cy.getElementById(fromIri), b = cy.getElementById(toIri2);
      if (a.nonempty() && b.nonempty()) {
        const r = cy.elements(":visible").aStar({ root: a, goal: b, directed: false });
        if (r.found) { nodes = r.path.nodes(); edges = r.path.edges(); }
      }
    }
    if (nodes.length < 2) {
      box.replaceChildren(el("p", { class: "error", text: "No path found in the " + via + ". Expand more nodes and try again." }));
      return;
    }
    highlight(nodes, edges, "path", true);
    const name = (iri, fallback) => { const n = cy.getElementById(iri); return n.nonempty() ? String(n.data("label")).split("\n")[0] : fallback || localName(iri); };
    const link = (iri, fallback) => el("button", { type: "button", class: "link", onclick: () => selectOrFocus(iri) }, name(iri, fallback));
    let steps;
    if (hops && hops.length) {
      steps = hops.map((h) => {
        const rel = humanize(h.relation || "");
        return el("li", {}, link(h.from, h.from_label), " ",
          el("span", { class: "rel", text: h.direction === "inverse" ? "← " + rel + " ←" : "— " + rel + " →" }), " ", link(h.to, h.to_label),
          h.also && h.also.length ? el("span", { class: "muted", text: " (also " + h.also.map(humanize).join(", ") + ")" }) : null);
      });
    } else {
      const ns = nodes.toArray();
      steps = ns.slice(1).map((n, k) => {
        const a = ns[k], e = a.edgesWith(n).first();
        const forward = e.nonempty() && e.source().id() === a.id();
        const rel = e.nonempty() ? e.data("label") : "?";
        return el("li", {}, link(a.id()), " ", el("span", { class: "rel", text: forward ? "— " + rel + " →" : "← " + rel + " ←" }), " ", link(n.id()));
      });
    }
    box.replaceChildren(el("p", { text: "Path of " + (nodes.length - 1) + " step" + (nodes.length === 2 ? "" : "s") + " (" + via + "); the rest of the graph is faded:" }),
      el("ol", { class: "path-list" }, steps));
  }

  // ---------------------------------------------------------------- events
  const searchBox = $("#search");
  attachSuggest(searchBox, $("#suggestions"), (r) => focusEntity(r.iri, { label: r.label }));
  $("#search-form").addEventListener("submit", (ev) => ev.preventDefault());
  const fromSuggest = attachSuggest($("#path-from"), $("#path-from-list"), (r) => { $("#path-from").dataset.iri = r.iri; });
  const toSuggest = attachSuggest($("#path-to"), $("#path-to-list"), (r) => { $("#path-to").dataset.iri = r.iri; });
  $("#path-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    let a, b;
    try { a = await fromSuggest.resolve(); b = await toSuggest.resolve(); } catch (e) { setStatus(e.message, "error"); return; }
    if (!a || !b) { $("#path-result").replaceChildren(el("p", { class: "error", text: "Choose both ends of the path." })); return; }
    state.pathFrom = entityId(a) || a; state.pathTo = entityId(b) || b; writeUrl(false);
    highlightPath(a, b);
  });
  $("#path-use-selected").addEventListener("click", () => {
    const n = cy.nodes(":selected").first();
    if (n.nonempty()) setPathEnd("from", n.id(), n.data("label"));
  });

  cy.on("tap", "node", (ev) => {
    const n = ev.target;
    state.selected = entityId(n.id()) || n.id(); writeUrl(false);
    showEntity(n.id());
  });
  cy.on("dbltap", "node", (ev) => expandNode(ev.target.id()));

  $("#depth").addEventListener("change", () => { state.depth = parseInt($("#depth").value, 10); if (state.focus) focusEntity(state.focus, { push: false }); else writeUrl(false); });
  $("#inferred").addEventListener("change", () => {
    state.inferred = $("#inferred").checked; filtersChanged();
    const sel = cy.nodes(":selected").first();
    if (sel.nonempty() && state.tab === "details") showEntity(sel.id(), { switchTab: false });
  });
  $("#expand").addEventListener("click", () => {
    const n = cy.nodes(":selected").first();
    if (n.nonempty()) expandNode(n.id()); else setStatus("Select a node first.", "error");
  });
  $("#relayout").addEventListener("click", () => runLayout(null, true, true));
  $("#fit").addEventListener("click", () => cy.fit(cy.elements(":visible"), 30));
  $("#clear-hl").addEventListener("click", clearHighlights);
  $("#filters-reset").addEventListener("click", () => { state.hiddenClasses.clear(); state.hiddenRels.clear(); filtersChanged(); });
  $("#export-png").addEventListener("click", () => download("aichip-graph.png", cy.png({ output: "blob", bg: "#ffffff", scale: 2 })));
  $("#export-svg").addEventListener("click", async () => {
    if (!cy.svg) {
      // the script registers itself when it finds the global cytoscape; register by hand only if it did not
      try { await loadScript("/static/vendor/cytoscape-svg/cytoscape-svg.js"); if (!cy.svg) cytoscape.use(window.cytoscapeSvg); }
      catch (e) { setStatus("SVG export is not available: " + e.message, "error"); return; }
    }
    download("aichip-graph.svg", new Blob([cy.svg({ bg: "#ffffff", full: false })], { type: "image/svg+xml" }));
  });
  $("#export-csv").addEventListener("click", () => { if (lastTable) download("aichip-results.csv", new Blob([toCsv(lastTable.vars, lastTable.rows)], { type: "text/csv" })); });
  $("#ask-form").addEventListener("submit", (ev) => { ev.preventDefault(); const q = $("#ask-input").value.trim(); if (q) ask(q); });
  $("#sparql-run").addEventListener("click", () => runSparql());
  $("#examples").addEventListener("change", () => { const ex = examples[parseInt($("#examples").value, 10)]; if (ex) setQuery(ex.query); });

  // keyboard on the graph: arrows walk the nodes, Enter opens, E expands, F fits, +/- zoom, Escape clears
  $("#cy").addEventListener("keydown", (ev) => {
    const nodes = cy.nodes(":visible").sort((a, b) => a.position("y") - b.position("y") || a.position("x") - b.position("x"));
    if (!nodes.length) return;
    const cur = cy.nodes(":selected").first();
    let i = cur.nonempty() ? nodes.indexOf(cur) : -1;
    const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
    if (move) {
      ev.preventDefault();
      i = (i + move + nodes.length) % nodes.length;
      const n = nodes[i];
      cy.nodes().unselect(); n.select();
      const bb = cy.extent(), p = n.position();
      if (p.x < bb.x1 || p.x > bb.x2 || p.y < bb.y1 || p.y > bb.y2) cy.center(n);
      setStatus("Selected " + n.data("label") + " (" + n.data("cls") + ")");
    } else if (ev.key === "Enter" && cur.nonempty()) { ev.preventDefault(); state.selected = entityId(cur.id()) || cur.id(); writeUrl(false); showEntity(cur.id()); }
    else if ((ev.key === "e" || ev.key === "E") && cur.nonempty()) { ev.preventDefault(); expandNode(cur.id()); }
    else if (ev.key === "f" || ev.key === "F") { ev.preventDefault(); cy.fit(cy.elements(":visible"), 30); }
    else if (ev.key === "+" || ev.key === "=") { ev.preventDefault(); cy.zoom({ level: cy.zoom() * 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); }
    else if (ev.key === "-") { ev.preventDefault(); cy.zoom({ level: cy.zoom() / 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); }
    else if (ev.key === "Escape") { ev.preventDefault(); clearHighlights(); cy.nodes().unselect(); }
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "/" && !/INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName) && !document.activeElement.closest(".CodeMirror")) { ev.preventDefault(); searchBox.focus(); }
  });
  window.addEventListener("popstate", () => { readUrl(); applyState(); });
  $("#home").addEventListener("click", (ev) => { ev.preventDefault(); showOverview({ push: true }); });

  // ---------------------------------------------------------------- start-up
  async function applyState() {
    $("#depth").value = String(state.depth);
    $("#inferred").checked = state.inferred;
    selectTab(state.tab);
    const expanded = state.expanded.slice(), selected = state.selected;
    const drawsQuery = state.query && /\b(CONSTRUCT|DESCRIBE)\b/i.test(state.query);
    if (state.focus) await focusEntity(state.focus, { push: false, switchTab: state.tab === "details", restore: true });
    else if (drawsQuery) { setQuery(state.query); await runSparql({ restore: true }); }
    else await showOverview({ restore: true });
    for (const id of expanded) await expandNode(toIri(id), { restore: true });
    state.selected = selected;
    if (selected && String(selected).startsWith(DOC_PREFIX)) await showEntity(selected, { switchTab: state.tab === "details" });
    else if (selected && cy.getElementById(toIri(selected)).nonempty()) {
      const n = cy.getElementById(toIri(selected)); cy.nodes().unselect(); n.select(); await showEntity(n.id(), { switchTab: state.tab === "details" });
    }
    if (state.pathFrom && state.pathTo) {
      setPathEnd("from", toIri(state.pathFrom)); setPathEnd("to", toIri(state.pathTo));
      await highlightPath(toIri(state.pathFrom), toIri(state.pathTo));
    }
    if (state.question) { $("#ask-input").value = state.question; await ask(state.question); }
    if (state.query && !(drawsQuery && !state.focus)) { setQuery(state.query); await runSparql({ draw: !state.focus, restore: true }); }
    applyFilters(); refreshChrome(); writeUrl(false);
  }

  let editorLoading = null;
  function ensureEditor() {
    if (!editorLoading) {
      loadCss("/static/vendor/codemirror/lib/codemirror.css");
      editorLoading = loadScript("/static/vendor/codemirror/lib/codemirror.js")
        .then(() => loadScript("/static/vendor/codemirror/mode/sparql/sparql.js"))
        .then(() => {
          editor = CodeMirror.fromTextArea($("#sparql-editor"), {
            mode: "application/sparql-query", lineNumbers: true, matchBrackets: true, viewportMargin: Infinity,
            screenReaderLabel: "SPARQL query",
            extraKeys: { "Ctrl-Enter": () => runSparql(), "Cmd-Enter": () => runSparql(), Tab: false, "Shift-Tab": false },
          });
        });
    }
    return editorLoading;
  }
  $("#sparql-editor").addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runSparql(); } });

  async function init() {
    try { examples = await api("/static/examples.json"); } catch (e) { examples = []; }
    $("#examples").replaceChildren(...examples.map((ex, i) => el("option", { value: String(i), text: ex.title })));
    if (examples.length) setQuery(examples[0].query);
    readUrl();
    await applyState();
  }

  window.kg = { cy, state, metrics, layoutOverrides, focusEntity, expandNode, showOverview, ask, runSparql, drawGraph, getQuery, formatMoney, lastAnswer: null };
  setBusy(0);
  window.kg.ready = init().catch((e) => setStatus("Start-up failed: " + e.message, "error"));
})();
