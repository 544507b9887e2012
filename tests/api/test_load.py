"""Bounded load: 8 concurrent clients for 10 s against a live `kg serve` (the fixture graph) with the mix of
bench/load.py (SPARQL queries, /ask questions, /entity pages, /search, /graph) end with zero errors."""
from __future__ import annotations

import importlib.util

import pytest

from tests.api.conftest import ROOT, industry_store, start_server, stop_server


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    srv = start_server(industry_store(tmp_path_factory, "load"), token=None, timeout=30.0, max_rows=10000)
    yield srv
    stop_server(srv)


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_load_8_clients_10_s_has_no_errors(live):
    res = load_bench().run_load(live.url, clients=8, seconds=10)
    assert res["overall"]["errors"] == 0, res["error_samples"]
    assert set(res["routes"]) == {"ask", "entity", "graph", "search", "sparql"}
    assert all(r["count"] > 0 for r in res["routes"].values())
    assert res["overall"]["p99_ms"] is not None
    assert live.proc.poll() is None  # the server is still up


def test_load_mix_covers_every_route(live):
    import httpx
    with httpx.Client(base_url=live.url, timeout=30) as c:
        mix = load_bench().build_mix(c)
    assert {route for route, _ in mix} == {"ask", "entity", "graph", "search", "sparql"}
