"""Shared fixtures: stores, paths to ../shared, and the `kg` command run as a subprocess."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
FIXTURES = ROOT / "tests" / "fixtures"


def run_kg(*args: str, input: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          input=input, env=env, timeout=timeout)


@pytest.fixture
def memory_store():
    from kg.store import open_store
    return open_store(":memory:")


@pytest.fixture
def store_path(tmp_path) -> str:
    return str(tmp_path / "store")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def kgeval(shared):
    from ingest.evaluate import load_kgeval
    return load_kgeval(shared / "tools" / "kgeval.py")
