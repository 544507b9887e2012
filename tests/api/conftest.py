"""Fixtures for the HTTP service: real `kg serve` processes on 127.0.0.1, driven over HTTP, serving the project's
own fixture graph (tests/fixtures/graph/industry.trig, with the ontology, inferences and the vocabulary)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "test-update-token"
START_TIMEOUT = 180  # seconds; a loaded machine (CI beside other jobs) can take minutes to import and bind


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kg(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aichip_kg", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120, **kw)


@dataclass
class Server:
    url: str
    proc: subprocess.Popen
    store: str
    token: str | None
    timeout: float
    max_rows: int

    def client(self, **kw) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kw)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def start_server(store: str, *, token: str | None, timeout: float = 2.0, max_rows: int = 500,
                 extra_env: dict | None = None) -> Server:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env.update({"KG_WORKERS": "2", **(extra_env or {})})
    if token:
        env["KG_UPDATE_TOKEN"] = token
    proc = subprocess.Popen([sys.executable, "-m", "aichip_kg", "serve", "--store", store, "--host", "127.0.0.1",
                             "--port", str(port), "--timeout", str(timeout), "--max-rows", str(max_rows)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + START_TIMEOUT
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("kg serve exited: " + (proc.stdout.read() if proc.stdout else ""))
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return Server(url, proc, store, token, timeout, max_rows)
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"kg serve did not start within {START_TIMEOUT} s")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(10)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait(5)


def industry_store(tmp_path_factory, name: str) -> str:
    """A fresh on-disk store for one server (each writes its own): the fixture graph with its inferences, and the
    vocabulary's names and types (`kg init --with-vocab`), so that the served store has the size of a real one
    (about 5,000 quads, 1,300 labels: row caps and compression are reached)."""
    from tests.conftest import build_industry_store
    store = str(tmp_path_factory.mktemp(name) / "store")
    build_industry_store(store, vocab=True).close()
    return store


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Server:
    """An on-disk store with the fixture graph, served with worker processes, updates enabled."""
    srv = start_server(industry_store(tmp_path_factory, "kg"), token=TOKEN)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def readonly_server() -> Server:
    """An in-memory store with no update token: the service is read-only. Module-scoped: a runaway query on an
    in-memory store cannot be cancelled (its thread runs on after the 503), so the server goes with the module
    that sent one rather than burning a CPU for the rest of the suite."""
    srv = start_server(":memory:", token=None)
    yield srv
    stop_server(srv)


@pytest.fixture()
def client(server) -> httpx.Client:
    with server.client() as c:
        yield c
