"""Shared fixtures: stores, the project's own fixture graph, the `kg` command run as a subprocess, and the extra
layer of contract checks against ../shared.

The suite stands on the project alone: the service, question and page tests run over `tests/fixtures/graph/
industry.trig` (the project's own small graph, see make_industry.py beside it), extraction tests over corpus/ and
tests/fixtures/. The checks against ../shared (the contract's scorer kgeval.py, gold scores, the reference graph
and its questions) are an extra layer: a test belongs to it when it asks for one of the fixtures in SHARED_LAYER
or carries the `shared` marker. Beside ../shared (a developer's checkout, CI) the layer runs; on a clone alone it
is not collected (reported as deselected, with one line saying why), so a skip always names a missing program.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
FIXTURES = ROOT / "tests" / "fixtures"
INDUSTRY = FIXTURES / "graph" / "industry.trig"
REFERENCE = SHARED / "eval" / "reference-graph.trig"
# fixtures that stand for ../shared material: a test asking for one of them is a contract-layer check
SHARED_LAYER = {"shared", "kgeval", "reference_graph", "ref_store"}


def shared_present() -> bool:
    return (SHARED / "eval").is_dir() and (SHARED / "tools" / "kgeval.py").is_file()


def pytest_configure(config):
    config.addinivalue_line("markers", "shared: a contract check against ../shared (runs only when it is there)")


def pytest_collection_modifyitems(config, items):
    if shared_present():
        return
    layer = [it for it in items if SHARED_LAYER & set(getattr(it, "fixturenames", ()))
             or it.get_closest_marker("shared") is not None]
    if layer:
        config.hook.pytest_deselected(items=layer)
        keep = set(map(id, layer))
        items[:] = [it for it in items if id(it) not in keep]
        config._shared_layer_deselected = len(layer)


def pytest_report_header(config):
    if shared_present():
        return f"contract layer: {SHARED} is here, its checks run"
    return f"contract layer: {SHARED} is absent, its checks are not collected (deselected)"


def pytest_terminal_summary(terminalreporter, config):
    n = getattr(config, "_shared_layer_deselected", 0)
    if n:
        terminalreporter.write_line(f"{n} contract-layer checks deselected: ../shared (kgeval.py, gold, reference "
                                    "graph and questions) is not beside the project")


def run_kg(*args: str, input: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    return subprocess.run([sys.executable, "-m", "aichip_kg", *args], cwd=ROOT, capture_output=True, text=True,
                          input=input, env=env, timeout=timeout)


def build_industry_store(path: str, vocab: bool = False):
    """`path` (":memory:" or a folder) holding the project's fixture graph, the ontology and the inferred graph,
    as `kg load` + `kg init` + `kg infer` would leave it (`vocab`: and the vocabulary's names and types, as
    `kg init --with-vocab`); returns the open store."""
    from kg.bootstrap import ensure_ontology, load_vocab_graph
    from kg.infer import materialize
    from kg.store import open_store
    st = open_store(path)
    st.load(INDUSTRY)
    ensure_ontology(st)
    if vocab:
        load_vocab_graph(st)
    materialize(st)
    return st


@pytest.fixture
def memory_store():
    from kg.store import open_store
    return open_store(":memory:")


@pytest.fixture
def store_path(tmp_path) -> str:
    return str(tmp_path / "store")


@pytest.fixture(scope="session")
def industry_graph() -> Path:
    """The project's own small graph (TriG): three documents, their facts and evidence; no inferences."""
    return INDUSTRY


@pytest.fixture(scope="session")
def industry_store():
    """An in-memory store of the fixture graph with the ontology and inferences; tests must not change it."""
    return build_industry_store(":memory:")


# ------------------------------------------------------------------------------------------ the ../shared layer
@pytest.fixture(scope="session")
def shared() -> Path:
    if not shared_present():
        pytest.skip("../shared is not beside the project")  # not reached: the layer is deselected without it
    return SHARED


@pytest.fixture(scope="session")
def kgeval(shared):
    from ingest.evaluate import load_kgeval
    return load_kgeval(shared / "tools" / "kgeval.py")


@pytest.fixture(scope="session")
def reference_graph(shared) -> Path:
    """The contract's reference graph (../shared/eval/reference-graph.trig)."""
    return REFERENCE
