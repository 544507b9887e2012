"""The web page and the OpenAPI pages in a real browser: Debian's chromium driven by Playwright against a live
`kg serve` over the project's own fixture graph (tests/fixtures/graph/industry.trig with the ontology and its
inferences, plus one owl:sameAs link). Screenshots go to test-artifacts/page/ (the path is printed); the first,
01-opens.png, is the page as it opens.

Skips only when Debian's chromium is missing (/usr/bin/chromium). Every page is watched: a console error or
warning, or a request that leaves 127.0.0.1, fails the test.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import httpx
import pytest
from playwright import sync_api

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "page"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FLAGSHIP_QUESTION = "Which vendors rely on TSMC 4nm?"  # the contract's flagship (spec/ontology.md)
AID = "https://w3id.org/aichip/id/"
NVIDIA = AID + "nvidia"
TSMC = AID + "tsmc"
WIKIDATA_TSMC = "http://www.wikidata.org/entity/Q713418"
MAX_ROWS = 300  # the served row cap: small enough for a query over every triple to be cut

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)

pytestmark = pytest.mark.timeout(180)


# ------------------------------------------------------------------------------------------ fixtures
def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kg_bin() -> list[str]:
    exe = Path(sys.executable).with_name("kg")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "aichip_kg"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    assert (ROOT / "web" / "node_modules" / "cytoscape").is_dir(), "web libraries missing: run `make install`"
    from tests.conftest import build_industry_store
    store = str(tmp_path_factory.mktemp("page") / "store")
    st = build_industry_store(store)
    st.update("INSERT DATA { GRAPH <https://w3id.org/aichip/graph/page-test> { "
              f"<{TSMC}> <http://www.w3.org/2002/07/owl#sameAs> <{WIKIDATA_TSMC}> }} }}")
    st.close()
    port = free_port()
    log = (tmp_path_factory.getbasetemp() / "kg-serve-page.log").open("w")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    proc = subprocess.Popen([*kg_bin(), "serve", "--store", store, "--host", "127.0.0.1", "--port", str(port),
                             "--max-rows", str(MAX_ROWS)], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"kg serve did not start; see {log.name}")
        time.sleep(0.2)
    print(f"screenshots: {ARTIFACTS}")
    yield base
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page whose console errors and warnings, page errors and every requested URL are recorded."""

    def __init__(self, browser, base: str, viewport=(1366, 850)):
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           accept_downloads=True)
        self.base, self.errors, self.requests = base, [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        host = urllib.parse.urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    def goto(self, fragment: str = "") -> None:
        self.page.goto(self.base + "/" + fragment)
        self.settle()

    def settle(self) -> None:
        self.page.wait_for_function("window.kg && window.kg.ready", timeout=30000)
        self.page.evaluate("window.kg.ready")
        self.page.wait_for_function("document.body.dataset.busy === '0'", timeout=30000)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def outside(self) -> list[str]:
        return [u for u in self.requests
                if not u.startswith(("data:", "blob:")) and urllib.parse.urlsplit(u).hostname != "127.0.0.1"]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser, server):
    w = Watched(browser, server)
    yield w
    w.close()


def search_and_pick(w: Watched, text: str) -> None:
    box = w.page.locator("#search")
    box.click()
    box.type(text, delay=30)
    w.page.locator("#suggestions li[role=option]").first.wait_for(state="visible")
    box.press("Enter")
    w.page.wait_for_function("document.body.dataset.busy === '0'")


def focus_label(w: Watched) -> str:
    return w.page.locator("#focus-label").inner_text()


def node_ids(w: Watched) -> list[str]:
    return sorted(w.page.evaluate("window.kg.cy.nodes().map(n => n.id())"))


def click_node(w: Watched, iri: str) -> None:
    """A real mouse click on the node's drawn position."""
    box = w.page.locator("#cy").bounding_box()
    pos = w.page.evaluate("iri => { const n = window.kg.cy.getElementById(iri); const p = n.renderedPosition();"
                          " return {x: p.x, y: p.y}; }", iri)
    w.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


def idle(w: Watched) -> None:
    w.page.wait_for_function("document.body.dataset.busy === '0'", timeout=30000)


# ------------------------------------------------------------------------------------------ the OpenAPI pages
@pytest.mark.parametrize("path, operation", [("/docs", ".opblock"), ("/redoc", "li[data-item-id^='tag/'], "
                                                                           "label[type='operation'], .operation-type")])
def test_openapi_pages_render_offline(browser, server, path, operation):
    """Swagger UI and ReDoc come from web/node_modules: rendered with every outside request blocked."""
    w = Watched(browser, server)
    try:
        w.page.goto(server + path)
        w.page.locator(operation).first.wait_for(state="visible", timeout=30000)
        shown = w.page.locator(operation).count()
        print(f"{path}: {shown} operation entries, {len(w.requests)} requests, outside 127.0.0.1: {w.outside()}")
        assert shown >= 5
        w.shot("00" + path.replace("/", "-"))
        assert w.outside() == []
        assert [e for e in w.errors if "pageerror" in e] == []
    finally:
        w.close()


# ------------------------------------------------------------------------------------------ the page
def test_page_opens_on_a_labelled_supply_chain_overview(watched):
    watched.goto()
    page = watched.page
    assert page.title()
    assert page.locator("#empty").is_hidden()
    classes = set(page.evaluate("window.kg.cy.nodes().map(n => n.data('cls'))"))
    assert {"Foundry", "ProcessNode", "ChipVendor"} <= classes and classes & {"Chip", "TrainingChip", "InferenceChip"}
    # every node drawn with a name, not its IRI's last segment
    unnamed = page.evaluate("window.kg.cy.nodes().filter(n => n.data('label') === n.id().split('/').pop()).map(n => n.id())")
    assert unnamed == []
    # columns left to right: foundries, processes, chips, vendors
    xs = page.evaluate("""(() => { const x = {}; window.kg.cy.nodes().forEach(n => {
        const c = n.data('cls').replace(/Training|Inference/, ''); (x[c] = x[c] || []).push(n.position('x')); });
        return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, Math.max(...v)])); })()""")
    assert xs["Foundry"] < xs["ProcessNode"] < xs["Chip"] < xs["ChipVendor"]
    heads = page.locator("#ov-heads .ov-head").all_inner_texts()
    assert [h.split()[0] for h in heads] == ["Foundries", "Processes", "Chips", "Vendors"]
    # the legend sits below the canvas: it covers no node
    cy_box, legend = page.locator("#cy").bounding_box(), page.locator("#legend").bounding_box()
    assert legend["y"] >= cy_box["y"] + cy_box["height"] - 1
    assert "Supply chain" in page.locator("#status").inner_text()
    weight = page.evaluate(
        "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".reduce((s, e) => s + (e.transferSize || e.encodedBodySize || 0), 0)")
    print(f"page weight: {weight} bytes over {len(watched.requests)} requests; overview "
          f"{len(classes)} classes, {page.evaluate('window.kg.cy.nodes().length')} nodes")
    print("opening screenshot:", watched.shot("01-opens"))
    assert watched.errors == []
    assert watched.outside() == []


def test_search_nvidia_focuses_nvidia(watched):
    watched.goto()
    search_and_pick(watched, "nvidia")
    watched.page.wait_for_function("window.kg.cy.nodes('.focus').length === 1")
    assert "NVIDIA" in focus_label(watched)
    assert watched.page.evaluate("window.kg.cy.nodes('.focus').id()") == NVIDIA
    assert "focus=nvidia" in watched.page.url
    assert watched.page.evaluate("window.kg.cy.nodes().length") > 5
    assert watched.page.locator("#ov-heads").is_hidden()
    watched.shot("02-search-nvidia")
    assert watched.errors == [] and watched.outside() == []


def test_funding_rounds_are_named_and_amounts_formatted(watched):
    watched.goto("#focus=biren-technology")
    labels = watched.page.evaluate("window.kg.cy.nodes('[cls = \"FundingRound\"]').map(n => n.data('label'))")
    assert "Biren Technology · Series A · 2020\nCN¥1.1B" in labels
    assert not [lab for lab in labels if re.search(r"\d{7,}|series-", lab)]
    round_iri = AID + "biren-technology-series-a"
    click_node(watched, round_iri)
    idle(watched)
    watched.page.locator("#entity-title").wait_for(state="visible")
    assert watched.page.locator("#entity-title").inner_text() == "Biren Technology · Series A · 2020"
    summary = watched.page.locator("#entity .summary").inner_text()
    assert "CN¥1.1B" in summary and "1,100,000,000 CNY" in summary
    facts = watched.page.locator("#entity .facts").all_inner_texts()
    assert any("CN¥1.1B (1,100,000,000 CNY)" in f for f in facts)
    watched.shot("03-funding-round")
    assert watched.errors == [] and watched.outside() == []


def test_details_grouped_by_relation_with_folded_evidence_and_linked_citations(watched):
    watched.goto("#focus=nvidia&tab=filters")
    assert watched.page.locator("#pane-details").is_hidden()
    click_node(watched, NVIDIA)
    idle(watched)
    page = watched.page
    page.locator("#entity-title").wait_for(state="visible")
    assert page.locator("#entity-title").inner_text() == "NVIDIA"
    assert page.locator("#entity .labels dd[lang=ja]").inner_text().strip() not in ("", "—")
    groups = page.locator("#entity .rel-group > summary .pred").all_inner_texts()
    assert "← designed by" in groups and len(groups) == len(set(groups))
    sentence = page.locator("#entity .evidence blockquote").first
    assert sentence.is_hidden()  # folded until asked for
    page.locator("#entity .evidence-fold > summary").first.click()
    sentence.wait_for(state="visible")
    assert len(sentence.inner_text().strip()) > 10
    cite = page.locator("#entity .evidence .cite").first
    assert re.search(r"· \d{4}-\d{2}-\d{2}", cite.inner_text())  # the document's date
    link = cite.locator("a").first
    assert link.get_attribute("href")
    watched.shot("04-details")
    link.click()
    idle(watched)
    page.wait_for_function("document.querySelector('#entity-title') && "
                           "document.querySelector('#entity .doc-sentences li')")
    assert page.locator("#entity .doc-meta").inner_text().count("2025-") >= 1
    assert "sel=https" in page.url
    watched.shot("05-document")
    assert watched.errors == [] and watched.outside() == []


def test_same_as_is_an_outbound_link_that_keeps_the_graph(watched):
    watched.goto("#focus=tsmc")
    page = watched.page
    before = node_ids(watched)
    link = page.locator(f"#entity a.outbound[href='{WIKIDATA_TSMC}']")
    link.wait_for(state="visible")
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
    assert "Wikidata Q713418" in link.inner_text()
    with watched.context.expect_page() as popup:
        link.click()
    popup.value.close()
    assert node_ids(watched) == before and "focus=tsmc" in page.url
    assert set(watched.outside()) <= {WIKIDATA_TSMC}  # the new tab's request, blocked by the test
    assert [e for e in watched.errors if "pageerror" in e] == []


def test_asking_the_flagship_question_highlights_answers(watched, server):
    r = httpx.get(server + "/ask", params={"q": FLAGSHIP_QUESTION}, timeout=60)
    assert r.status_code == 200
    expected = {a["iri"] for a in r.json().get("answers", [])}
    assert expected
    watched.goto("#tab=ask")
    watched.page.locator("#ask-input").fill(FLAGSHIP_QUESTION)
    watched.page.locator("#ask-input").press("Enter")
    watched.page.wait_for_function("window.kg.cy.nodes('.answer').length > 0", timeout=30000)
    idle(watched)
    highlighted = set(watched.page.evaluate("window.kg.cy.nodes('.answer').map(n => n.id())"))
    assert highlighted and highlighted <= expected
    assert watched.page.locator("#ask-sparql").inner_text().strip()
    assert "q=" in watched.page.url
    watched.shot("06-ask-flagship")
    # the next action starts clean: no answer highlighted, no faded node, the old status line gone
    status = watched.page.locator("#status").inner_text()
    watched.page.evaluate(f"window.kg.expandNode('{TSMC}')")
    idle(watched)
    assert watched.page.evaluate("window.kg.cy.elements('.answer, .faded, .faded-more').length") == 0
    assert watched.page.locator("#status").inner_text() != status
    assert watched.errors == [] and watched.outside() == []


def test_flagship_sparql_fills_the_results_table_and_says_when_truncated(watched):
    watched.goto("#tab=sparql")
    page = watched.page
    assert "aic:nodeNanometers 4" in page.evaluate("window.kg.getQuery()")
    assert page.locator(".CodeMirror .cm-keyword").count() > 0  # highlighted SPARQL
    page.locator("#sparql-run").click()
    page.locator("#results tbody tr").first.wait_for(state="visible")
    idle(watched)
    assert page.locator("#results thead th").all_inner_texts() == ["vendor", "name"]
    names = page.locator("#results tbody tr td:nth-child(2)").all_inner_texts()
    assert any(n.startswith("NVIDIA") for n in names)
    assert page.locator("#export-csv").is_enabled()
    assert page.locator("#sparql-truncated").is_hidden()
    watched.shot("07-sparql-flagship")
    page.evaluate("q => { const cm = document.querySelector('.CodeMirror').CodeMirror; cm.setValue(q); }",
                  "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    page.locator("#sparql-run").click()
    page.locator("#sparql-truncated").wait_for(state="visible")
    idle(watched)
    assert str(MAX_ROWS) in page.locator("#sparql-truncated").inner_text()
    assert page.locator("#results tbody tr").count() == MAX_ROWS
    page.locator("#sparql-run").click()  # the same again: the line is shown again, not left over
    idle(watched)
    assert page.locator("#sparql-truncated").is_visible()
    assert watched.errors == [] and watched.outside() == []


def test_every_built_in_example_runs(watched):
    examples = json.loads((ROOT / "api" / "static" / "examples.json").read_text(encoding="utf-8"))
    watched.goto("#tab=sparql")
    page = watched.page
    for i, ex in enumerate(examples):
        page.locator("#examples").select_option(str(i))
        page.locator("#sparql-run").click()
        page.wait_for_function("!/Running/.test(document.querySelector('#sparql-status').textContent)", timeout=30000)
        idle(watched)
        status = page.locator("#sparql-status").inner_text()
        print(f"{ex['title']}: {status}")
        assert "Error" not in status and re.search(r"\d+ (rows?|triples)", status), (ex["title"], status)
    assert watched.errors == [] and watched.outside() == []


def test_reloading_the_url_reproduces_an_expanded_view(watched, browser, server):
    watched.goto()
    search_and_pick(watched, "nvidia")
    watched.page.wait_for_function("window.kg.cy.nodes('.focus').length === 1")
    for iri in (TSMC, AID + "biren-technology"):
        watched.page.evaluate(f"window.kg.expandNode('{iri}')")
        idle(watched)
    watched.page.locator("#tab-filters").click()
    watched.page.locator("#class-filters input[id='cls-Investor']").uncheck()
    url, before, label = watched.page.url, node_ids(watched), focus_label(watched)
    hidden = watched.page.evaluate("[...window.kg.state.hiddenClasses]")
    assert "exp=" in url and hidden == ["Investor"]
    watched.shot("08-before-reload")
    again = Watched(browser, server)
    try:
        again.page.goto(url)
        again.settle()
        after = node_ids(again)
        print(f"expanded view: {len(before)} nodes before reload, {len(after)} after")
        assert focus_label(again) == label
        assert again.page.evaluate("window.kg.cy.nodes('.focus').id()") == NVIDIA
        assert after == before
        assert again.page.evaluate("[...window.kg.state.hiddenClasses]") == hidden
        again.shot("08-after-reload")
        assert again.errors == [] and again.outside() == []
    finally:
        again.close()
    assert watched.errors == []


def test_overview_with_an_expansion_survives_a_reload(watched, browser, server):
    watched.goto()
    watched.page.evaluate(f"window.kg.expandNode('{AID}biren-technology')")
    idle(watched)
    url, before = watched.page.url, node_ids(watched)
    again = Watched(browser, server)
    try:
        again.page.goto(url)
        again.settle()
        assert node_ids(again) == before
        assert again.errors == []
    finally:
        again.close()


@pytest.mark.parametrize("fragment", ["", "#focus=tsmc", "#focus=nvidia&tab=sparql", "#focus=nvidia&tab=path"])
def test_nothing_scrolls_sideways_at_800_px(browser, server, fragment):
    w = Watched(browser, server, viewport=(800, 700))
    try:
        w.goto(fragment)
        w.page.wait_for_timeout(300)
        wide = w.page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 800, f"{fragment or 'overview'}: page is {wide} px wide"
        assert w.page.evaluate("document.body.scrollWidth") <= 800
        for part in ("#panel", ".toolbar", ".top", ".graph-foot", "#cy"):
            box = w.page.locator(part).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 801, (part, box)
        w.shot("09-800px" + (fragment.replace("#", "-").replace("&", "-").replace("=", "-") or "-overview"))
        assert w.errors == []
    finally:
        w.close()


def test_phone_viewport_stacks_graph_and_panel(browser, server):
    w = Watched(browser, server, viewport=(390, 844))
    try:
        w.goto("#focus=nvidia")
        graph = w.page.locator("#cy").bounding_box()
        panel = w.page.locator("#panel").bounding_box()
        assert graph["width"] <= 390 and panel["y"] >= graph["y"] + graph["height"] - 1
        w.shot("10-phone")
        assert w.errors == []
    finally:
        w.close()


def test_keyboard_search_escape_and_enter(watched):
    watched.goto()
    watched.page.keyboard.press("/")
    assert watched.page.evaluate("document.activeElement.id") == "search"
    watched.page.keyboard.type("tsmc", delay=30)
    watched.page.locator("#suggestions li[role=option]").first.wait_for(state="visible")
    watched.page.keyboard.press("Escape")
    assert watched.page.locator("#suggestions").is_hidden()
    watched.page.keyboard.press("ArrowDown")  # closed list: nothing happens
    watched.page.keyboard.press("Enter")
    watched.page.wait_for_function("window.kg.cy.nodes('.focus').length === 1")
    idle(watched)
    assert "TSMC" in focus_label(watched)
    assert watched.errors == []


def test_construct_results_are_drawn_in_the_graph(watched):
    query = ("PREFIX aic: <https://w3id.org/aichip/ontology#> CONSTRUCT { ?c aic:designedBy ?v } "
             "WHERE { ?c aic:designedBy ?v } LIMIT 20")
    watched.goto("#" + urllib.parse.urlencode({"query": query}))
    watched.page.wait_for_function("window.kg.cy.edges().length > 0")
    assert watched.page.locator("#results thead th").all_inner_texts() == ["subject", "predicate", "object"]
    assert watched.page.locator("#focus-label").inner_text() == "CONSTRUCT result"
    watched.shot("11-construct")
    assert watched.errors == []


def test_path_lists_its_relations_and_fades_the_rest(watched):
    watched.goto("#focus=nvidia&tab=path")
    page = watched.page
    for field, text in (("#path-from", "nvidia"), ("#path-to", "biren technology")):
        page.locator(field).fill("")
        page.locator(field).type(text, delay=20)
        page.locator(field + "-list li[role=option]").first.wait_for(state="visible")
        page.locator(field).press("Enter")
    page.locator("#path-form button[type=submit]").click()
    page.wait_for_function("window.kg.cy.nodes('.path').length >= 2", timeout=30000)
    idle(watched)
    on_path = page.evaluate("window.kg.cy.nodes('.path').map(n => n.id())")
    assert NVIDIA in on_path and AID + "biren-technology" in on_path
    steps = page.locator("#path-result .path-list li").all_inner_texts()
    assert len(steps) == len(on_path) - 1
    assert all(re.search(r"(—|←) [a-z ]+ (→|←)", s) for s in steps), steps
    faded = page.evaluate("window.kg.cy.elements('.faded-more').length")
    assert faded > 0 and page.evaluate("window.kg.cy.elements('.path.faded-more').length") == 0
    assert page.evaluate("window.kg.cy.edges('.path').length") == len(on_path) - 1
    watched.shot("12-path")
    assert watched.errors == []


def test_exports_png_svg_and_csv(watched, tmp_path):
    watched.goto("#focus=nvidia&tab=sparql")
    page = watched.page
    for button, suffix in (("#export-png", ".png"), ("#export-svg", ".svg")):
        with page.expect_download() as d:
            page.locator(button).click()
        path = tmp_path / ("view" + suffix)
        d.value.save_as(path)
        assert path.stat().st_size > 1000
    page.locator("#sparql-run").click()
    page.locator("#results tbody tr").first.wait_for(state="visible")
    with page.expect_download() as d:
        page.locator("#export-csv").click()
    csv = tmp_path / "results.csv"
    d.value.save_as(csv)
    assert csv.read_text().splitlines()[0] == "vendor,name"
    assert watched.errors == []


def test_neighbourhood_render_time_is_recorded(watched):
    watched.goto("#focus=tsmc&depth=3")
    draw = watched.page.evaluate("window.kg.metrics.lastDraw")
    print("first render:", json.dumps(draw))
    assert draw["nodes"] > 20 and draw["firstRenderMs"] > 0
