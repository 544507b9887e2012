"""kg.analytics on a hand-built supply chain whose answers are known (tests/fixtures/analytics/supply.trig),
through the library, `kg analyze … --json` and the /analytics router; plus a look at the reference graph."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import analytics, errors
from kg.analytics import projection as projection_mod
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "analytics" / "supply.trig"
AID = "https://w3id.org/aichip/id/"


@pytest.fixture(scope="module")
def store():
    st = open_store(":memory:")
    st.load(FIXTURE)
    return st


def iris(rows):
    return {r["iri"].removeprefix(AID) for r in rows}


def relations(path):
    return [h["relation"] for h in path]


# ---------------------------------------------------------------- projection
def test_analytics_projection_types_and_designs_inverse(store):
    proj = projection_mod.get(store)
    assert {"Chip", "TrainingChip"} <= proj.types(AID + "c1")
    assert AID + "v-three" in proj.out(AID + "c4", "designedBy")  # aic:designs read as designedBy
    assert proj.nm(AID + "a-5nm") == 5.0 and proj.country(AID + "v-two") == "CN"
    assert proj.label(AID + "fab-a") == "Alpha Foundry"


def test_analytics_projection_cache_invalidated_on_change():
    st = open_store(":memory:")
    st.load(FIXTURE)
    first = projection_mod.get(st)
    assert projection_mod.get(st) is first
    st.update('INSERT DATA { GRAPH <urn:g> { <https://w3id.org/aichip/id/c9> '
              '<https://w3id.org/aichip/ontology#manufacturedOn> <https://w3id.org/aichip/id/a-5nm> } }')
    second = projection_mod.get(st)
    assert second is not first and AID + "c9" in second.graph


@pytest.mark.parametrize("name,expected", [
    ("Alpha Foundry", "fab-a"), ("alpha foundry", "fab-a"), ("ＡＬＰＨＡ　ＦＯＵＮＤＲＹ", "fab-a"), ("AF", "fab-a"),
    ("アルファ", "fab-a"), ("aid:fab-b", "fab-b"), (AID + "c1", "c1"), ("<" + AID + "c2>", "c2"),
])
def test_analytics_resolve_names_and_iris(store, name, expected):
    res = analytics.run("exposure", store, target=name)
    assert res["target"]["iri"] == AID + expected


# ---------------------------------------------------------------- exposure
@pytest.mark.parametrize("target,max_nm,chips,vendors,clusters", [
    ("Alpha Foundry", None,
     {"exposed": {"c1", "c2", "c5"}, "alternative": {"c4"}, "uncertain": set()},
     {"exposed": {"v-one", "v-four"}, "partial": {"v-two", "v-three"}, "uncertain": set()},
     {"exposed": {"k1"}, "partial": {"k2"}, "uncertain": set()}),
    ("Beta Foundry", None,
     {"exposed": {"c3"}, "alternative": {"c4"}, "uncertain": set()},
     {"exposed": {"v-five"}, "partial": {"v-two", "v-three"}, "uncertain": set()},
     {"exposed": set(), "partial": {"k2"}, "uncertain": set()}),
    ("Alpha Foundry", 5,
     {"exposed": {"c1"}, "alternative": set(), "uncertain": {"c5"}},
     {"exposed": {"v-one"}, "partial": set(), "uncertain": {"v-four"}},
     {"exposed": {"k1"}, "partial": {"k2"}, "uncertain": set()}),
    ("≤ 5nm at Alpha Foundry", None,
     {"exposed": {"c1"}, "alternative": set(), "uncertain": {"c5"}},
     {"exposed": {"v-one"}, "partial": set(), "uncertain": {"v-four"}},
     {"exposed": {"k1"}, "partial": {"k2"}, "uncertain": set()}),
    ("Alpha 7nm", None,
     {"exposed": {"c2"}, "alternative": {"c4"}, "uncertain": set()},
     {"exposed": set(), "partial": {"v-two", "v-three"}, "uncertain": set()},
     {"exposed": set(), "partial": set(), "uncertain": set()}),
])
def test_analytics_exposure_statuses(store, target, max_nm, chips, vendors, clusters):
    res = analytics.run("exposure", store, target=target, max_nm=max_nm)
    assert {k: iris(v) for k, v in res["chips"].items()} == chips
    assert {k: iris(v) for k, v in res["vendors"].items()} == vendors
    assert {k: iris(v) for k, v in res["clusters"].items()} == clusters


def test_analytics_exposure_vendor_with_two_foundries_is_not_exposed(store):
    res = analytics.run("exposure", store, target="Alpha Foundry")
    two = next(v for v in res["vendors"]["partial"] if v["iri"] == AID + "v-two")
    assert relations(two["paths"][0]) == ["designedBy", "manufacturedOn", "offeredBy"]
    assert two["paths"][0][-1]["to_label"] == "Alpha Foundry"
    assert two["alternatives"][0][-1]["to_label"] == "Beta Foundry"
    assert two["chips"] == {"exposed": ["Chip Two"], "alternative": [], "uncertain": []}


def test_analytics_exposure_cluster_built_from_exposed_chip_is_exposed(store):
    res = analytics.run("exposure", store, target="Alpha Foundry")
    (k1,) = res["clusters"]["exposed"]
    assert k1["label"] == "Cluster One"
    assert [(h["from_label"], h["relation"], h["to_label"]) for h in k1["paths"][0]] == [
        ("Cluster One", "builtFrom", "Chip One"), ("Chip One", "manufacturedOn", "Alpha 5nm"),
        ("Alpha 5nm", "offeredBy", "Alpha Foundry")]


def test_analytics_exposure_vendor_profile_upstream_downstream(store):
    res = analytics.run("exposure", store, target="VendorTwo")
    p = res["profile"]
    assert iris(p["upstream"]["foundries"]) == {"fab-a", "fab-b"}
    assert iris(p["upstream"]["processes"]) == {"a-7nm", "b-14nm"}
    assert iris(p["downstream"]["chips"]) == {"c2", "c3"}
    assert iris(p["downstream"]["clusters"]) == {"k2"}
    assert "cut" not in res


@pytest.mark.parametrize("target,chips,foundries", [("Cluster Two", {"c1", "c3"}, {"fab-a", "fab-b"}),
                                                    ("Chip Four", set(), {"fab-a", "fab-b"})])
def test_analytics_exposure_cluster_and_chip_profile(store, target, chips, foundries):
    p = analytics.run("exposure", store, target=target)["profile"]
    assert iris(p["upstream"]["chips"]) == chips and iris(p["upstream"]["foundries"]) == foundries


@pytest.mark.parametrize("target,exc", [("Nobody Inc", errors.NotFound), ("", errors.BadInput),
                                        ("Investor X", errors.BadInput)])
def test_analytics_exposure_bad_target_is_a_clear_error(store, target, exc):
    with pytest.raises(exc) as info:
        analytics.run("exposure", store, target=target)
    assert info.value.message


# ---------------------------------------------------------------- chokepoints
@pytest.mark.parametrize("region,foundries,first_process", [
    (None, ["fab-a", "fab-b"], "a-5nm"),
    ("CN", ["fab-a", "fab-b"], "a-7nm"),
    ("us", ["fab-a"], "a-5nm"),
])
def test_analytics_chokepoints_ranking(store, region, foundries, first_process):
    res = analytics.run("chokepoints", store, region=region)
    assert [r["iri"].removeprefix(AID) for r in res["foundries"]] == foundries
    assert res["processes"][0]["iri"] == AID + first_process


def test_analytics_chokepoints_counts(store):
    res = analytics.run("chokepoints", store)
    a = res["foundries"][0]
    assert (a["vendors"], a["sole_vendors"], a["chips"], a["sole_chips"]) == (4, 2, 4, 3)
    assert a["vendors_by_region"] == {"CN": 3, "US": 1}
    # VendorOne's chip feeds another organization's cluster; then VendorTwo, with the most chips
    assert [r["label"] for r in res["vendors"][:2]] == ["VendorOne", "VendorTwo"]
    assert res["vendors"][0]["vendors"] == 1 and res["vendors"][0]["clusters"] == 2
    assert all(0.0 <= r["betweenness"] <= 1.0 for r in res["foundries"] + res["processes"])


# ---------------------------------------------------------------- paths
@pytest.mark.parametrize("source,target,steps", [
    ("Chip One", "Alpha Foundry", [("manufacturedOn", "forward"), ("offeredBy", "forward")]),
    ("Alpha Foundry", "VendorOne", [("offeredBy", "inverse"), ("manufacturedOn", "inverse"), ("designedBy", "forward")]),
    ("Investor Z", "VendorFour", [("leadInvestor", "inverse"), ("fundedCompany", "forward")]),
])
def test_analytics_path_names_relations(store, source, target, steps):
    res = analytics.run("path", store, source=source, target=target)
    assert res["length"] == len(steps)
    assert [(h["relation"], h["direction"]) for h in res["paths"][0]] == steps


def test_analytics_path_not_connected_and_same(store):
    st = open_store(":memory:")
    st.load(FIXTURE)
    st.update('INSERT DATA { GRAPH <urn:g> { <https://w3id.org/aichip/id/lonely> '
              '<https://w3id.org/aichip/ontology#investedIn> <https://w3id.org/aichip/id/alone> } }')
    assert analytics.run("path", st, source="aid:lonely", target="Chip One")["paths"] == []
    assert analytics.run("path", st, source="Chip One", target="aid:c1")["length"] == 0


# ---------------------------------------------------------------- co-investment
def test_analytics_coinvest_weights(store):
    res = analytics.run("coinvest", store)
    weights = {frozenset((e["a"]["label"], e["b"]["label"])): e["weight"] for e in res["edges"]}
    assert weights == {frozenset(("Investor X", "Investor Y")): 3, frozenset(("Investor Y", "Investor Z")): 2,
                       frozenset(("Investor X", "Investor Z")): 1}
    assert res["edges"][0]["weight"] == 3
    assert {c["label"] for c in res["edges"][0]["companies"]} == {"VendorOne", "VendorTwo", "VendorThree"}


def test_analytics_coinvest_foundry_exposure(store):
    res = analytics.run("coinvest", store, foundry="Alpha Foundry")
    rows = res["foundry_exposure"]["investors"]
    assert [(r["label"], r["exposed"], r["partial"]) for r in rows] == [
        ("Investor Y", 2, 2), ("Investor X", 1, 2), ("Investor Z", 1, 1)]
    z = rows[-1]["companies"][0]
    assert z["label"] == "VendorFour" and relations(z["path"])[:2] == ["leadInvestor", "fundedCompany"]


@pytest.mark.parametrize("kind,options", [
    ("exposure", {"target": "Alpha Foundry"}), ("exposure", {"target": "VendorTwo"}),
    ("chokepoints", {}), ("path", {"source": "Chip One", "target": "Beta Foundry"}),
    ("coinvest", {"foundry": "Beta Foundry"}),
])
def test_analytics_render_and_json(store, kind, options):
    res = analytics.run(kind, store, **options)
    json.dumps(res)
    text = analytics.render(kind, res)
    assert text and "Traceback" not in text


# ---------------------------------------------------------------- CLI
def _kg() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "aichip_kg"]


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("an_store") / "store"
    subprocess.run(_kg() + ["load", "--store", str(path), str(FIXTURE)], check=True, capture_output=True, cwd=ROOT)
    return path


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("KG_STORE", None)
    return subprocess.run(_kg() + list(args), capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)


@pytest.mark.parametrize("args,kind,options", [
    (["exposure", "Alpha Foundry"], "exposure", {"target": "Alpha Foundry"}),
    (["exposure", "Alpha Foundry", "--max-nm", "5"], "exposure", {"target": "Alpha Foundry", "max_nm": 5.0}),
    (["chokepoints", "--region", "CN"], "chokepoints", {"region": "CN"}),
    (["path", "Chip One", "Alpha Foundry"], "path", {"source": "Chip One", "target": "Alpha Foundry"}),
    (["coinvest", "--foundry", "Alpha Foundry"], "coinvest", {"foundry": "Alpha Foundry"}),
])
def test_cli_analyze_json_matches_library(store, cli_store, args, kind, options):
    proc = _cli("analyze", *args, "--store", str(cli_store), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == json.loads(json.dumps(analytics.run(kind, store, **options)))


def test_cli_analyze_text_and_unknown_name(cli_store):
    proc = _cli("analyze", "exposure", "Alpha Foundry", "--store", str(cli_store))
    assert proc.returncode == 0 and "VendorOne" in proc.stdout and "-offeredBy-> Alpha Foundry" in proc.stdout
    proc = _cli("analyze", "exposure", "Nobody Inc", "--store", str(cli_store))
    assert proc.returncode == 2 and proc.stderr.startswith("error: no entity named") and "Traceback" not in proc.stderr


# ---------------------------------------------------------------- API router
@pytest.fixture(scope="module")
def client(store):
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse
    from fastapi.testclient import TestClient

    from api.routes import analytics as route

    app = FastAPI()
    app.include_router(route.router)
    app.dependency_overrides[route.get_store] = lambda: store
    app.dependency_overrides[route.require_read] = lambda: None

    @app.exception_handler(errors.KGError)
    def _handle(request, exc):  # the app's own handler does this in api/app.py
        return JSONResponse({"error": exc.message}, status_code=exc.status)

    return TestClient(app)


@pytest.mark.parametrize("url,kind,options", [
    ("/analytics/exposure?target=Alpha%20Foundry", "exposure", {"target": "Alpha Foundry"}),
    ("/analytics/exposure?target=Alpha%20Foundry&max_nm=5", "exposure", {"target": "Alpha Foundry", "max_nm": 5.0}),
    ("/analytics/chokepoints?region=CN", "chokepoints", {"region": "CN"}),
    ("/analytics/path?source=Chip%20One&target=VendorFive", "path", {"source": "Chip One", "target": "VendorFive"}),
    ("/analytics/coinvest?foundry=Beta%20Foundry", "coinvest", {"foundry": "Beta Foundry"}),
])
def test_routes_analytics_match_library(client, store, url, kind, options):
    resp = client.get(url)
    assert resp.status_code == 200
    assert resp.json() == json.loads(json.dumps(analytics.run(kind, store, **options)))


@pytest.mark.parametrize("url,status", [("/analytics/exposure?target=Nobody", 404), ("/analytics/exposure", 422),
                                        ("/analytics/exposure?target=X&max_nm=abc", 422)])
def test_routes_analytics_errors(client, url, status):
    assert client.get(url).status_code == status


# ---------------------------------------------------------------- the project's fixture graph, the reference graph
def test_analytics_fixture_graph_tsmc_exposure(industry_store):
    res = analytics.run("exposure", industry_store, target="TSMC")
    exposed = {v["label"] for v in res["vendors"]["exposed"]}
    assert {"NVIDIA", "AMD", "Intel", "Tenstorrent", "Biren Technology"} <= exposed, res["vendors"]
    assert "Huawei" not in exposed | {v["label"] for v in res["vendors"]["partial"]}  # its chip is made by SMIC
    assert all(v["paths"] and v["paths"][0][-1]["to_label"] == "TSMC" for v in res["vendors"]["exposed"])


def test_analytics_reference_graph_tsmc_exposure(reference_graph):
    st = open_store(":memory:")
    st.load(reference_graph)
    res = analytics.run("exposure", st, target="TSMC")
    exposed = {v["label"] for v in res["vendors"]["exposed"]}
    partial = {v["label"] for v in res["vendors"]["partial"]}
    assert "NVIDIA" in exposed and "Huawei" in partial
    assert all(v["paths"] and v["paths"][0][-1]["to_label"] == "TSMC" for v in res["vendors"]["exposed"])
